/* Internal to the growth analysis (growth.c, growth_av.c): the abstract
   value of one node and the operations on it. */
#ifndef SC_GROWTH_AV_H
#define SC_GROWTH_AV_H

#include "exprint.h"

/* short names inside the two files, prefixed in the library */
#define av_init _sc_gav_av_init
#define av_clear _sc_gav_av_clear
#define set_len _sc_gav_set_len
#define ub _sc_gav_ub
#define set_const_mag _sc_gav_set_const_mag
#define rng_mul _sc_gav_rng_mul
#define rng_absmin _sc_gav_rng_absmin
#define rng_absmax _sc_gav_rng_absmax
#define rng_fn _sc_gav_rng_fn
#define poly_mul _sc_gav_poly_mul
#define poly_copy _sc_gav_poly_copy
#define poly_frac _sc_gav_poly_frac
#define env_scale _sc_gav_env_scale
#define env_finish _sc_gav_env_finish

/* longest magnitude polynomial (SC_GROWTH_MAX of gauss.h) */
#define GMAX 136

typedef struct
{
    arf_t lo, hi;       /* range over the real line (exact, maybe infinite) */
    slong ng;           /* |f| <= e^{c|x|} sum_{j<ng} g_j |x|^j; 0: no bound */
    arb_ptr g;          /* exact upper bounds */
    arb_t c;
    int hu, hd;         /* envelopes f <= U0 + U1|x|, -f <= D0 + D1|x| */
    arb_t U0, U1, D0, D1;
}
av;

void av_init(av *v);
void av_clear(av *v);
void set_len(av *v, slong n);
/* x = an exact upper bound of max(x, 0) */
void ub(arb_t x, slong prec);
void set_const_mag(av *v, const arb_t m, slong prec);
void rng_mul(arf_t lo, arf_t hi, const arf_t l1, const arf_t h1, const arf_t l2, const arf_t h2, slong prec);
void rng_absmin(arf_t m, const arf_t lo, const arf_t hi);
void rng_absmax(arf_t m, const arf_t lo, const arf_t hi);
/* range of a one-argument primitive (or u^r) of u */
void rng_fn(av *v, const sc_enode *n, const av *u, slong prec);
/* v = a b (rates add); 0 if the degree would exceed GMAX - 1 */
int poly_mul(av *v, const av *a, const av *b, slong prec);
void poly_copy(av *v, const av *a);
/* v = a^f for 0 < f < 1 (the rate times f) */
int poly_frac(av *v, const av *a, const fmpq_t f, slong prec);
/* envelopes of k u for a constant k in [kl, kh] */
void env_scale(av *v, const av *u, const arf_t kl, const arf_t kh, slong prec);
/* default envelopes from the range and the magnitude; rounds everything */
void env_finish(av *v, slong prec);

#endif
