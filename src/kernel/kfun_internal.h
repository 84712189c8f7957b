/* Internal to the kfun files of src/kernel (see include/synccert/kfun.h):
   the Hermite series, shared enclosure helpers and the series limits. */
#ifndef SC_KFUN_INTERNAL_H
#define SC_KFUN_INTERNAL_H

#include "synccert/kfun.h"

/* Largest series order (the size of kf->A2). */
#define SC_KFUN_SERIES_MMAX 120

/* z = z intersected with x when both are finite (enclosures of the same
   quantity), rounded outward at prec bits; if z is not finite take x. */
void _sc_kfun_isect(arb_t z, const arb_t x, slong prec);

/* The ball [r1, r2] (r1 <= r2 exact).  Exactly that interval when the
   half-width has at most MAG_BITS bits and r1, r2 at most prec bits (the
   dyadic boxes of the branch and bound), so a box [-1, r] does not poke
   below -1 (arb_set_interval_arf adds an ulp to the radius, and
   sc_kernel_eval refuses a rho ball outside [-1, 1]); else outward. */
void _sc_kfun_box(arb_t box, const arf_t r1, const arf_t r2, slong prec);

/* [a.lo, b.hi] as a ball (a.lo <= b.hi: enclosures of ordered values);
   non-finite if a or b is. */
void _sc_kfun_range(arb_t z, const arb_t a, const arb_t b, slong prec);

/* z = [-|b|, |b|] for a bound b (non-finite if b is). */
void _sc_kfun_sym_bound(arb_t z, const arb_t b, slong prec);

/* Build kf->A2, M, T0, T1, cmax (kfun_series.c); kf->K1, dK1 set.  SC_OK,
   or SC_ERR_BUDGET; on a failure to find any order kf->M = -1. */
int _sc_kfun_build_series(sc_kfun_t kf);

/* Is the series usable on the correlation ball c? */
int _sc_kfun_series_ok(const sc_kfun_t kf, const arb_t c);

/* Series values K, K' (either may be NULL) at the correlation ball c. */
void _sc_kfun_series_eval(arb_t K, arb_t dK, const sc_kfun_t kf, const arb_t c);

#endif
