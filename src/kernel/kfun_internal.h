/* Internal to the kfun files of src/kernel (see include/synccert/kfun.h):
   the Hermite series, shared enclosure helpers and the series limits. */
#ifndef SC_KFUN_INTERNAL_H
#define SC_KFUN_INTERNAL_H

#include "synccert/kfun.h"
#include <acb.h>

/* _sc_kfun_isect and _sc_kfun_range are declared in synccert/kfun.h (the
   coercivity files use them too). */

/* Largest series order (the size of kf->A2). */
#define SC_KFUN_SERIES_MMAX 120


/* The ball [r1, r2] (r1 <= r2 exact).  Exactly that interval when the
   half-width has at most MAG_BITS bits and r1, r2 at most prec bits (the
   dyadic boxes of the branch and bound), so a box [-1, r] does not poke
   below -1 (arb_set_interval_arf adds an ulp to the radius, and
   sc_kernel_eval refuses a rho ball outside [-1, 1]); else outward. */
void _sc_kfun_box(arb_t box, const arf_t r1, const arf_t r2, slong prec);


/* z = [-|b|, |b|] for a bound b (non-finite if b is). */
void _sc_kfun_sym_bound(arb_t z, const arb_t b, slong prec);

/* The node cache of the Hermite series build (kfun_series.c, kfun_nodes.c):
   the integrals of A_n for successive n place (mostly) the same
   Gauss-Legendre nodes, so phi(t x) phi_G(x) and the recursion state He_{k-1}(x), He_k(x)
   are kept per node and the recursion continues from k instead of 1.  The
   operations are exactly those of an uncached evaluation (same balls, same
   precision), so the values are bit-identical. */
typedef struct
{
    arb_struct x;
    slong order, prec, k;
    int side;
    acb_struct pw;          /* phi(t x) phi_G(x) */
    arb_struct hp, hc;      /* He_{k-1}(x), He_k(x) */
}
sc_kfun_node;

typedef struct
{
    sc_kfun_node *e;
    slong n, alloc;
    slong *tab, tabsize;    /* open addressing, indices into e, -1 empty */
}
sc_kfun_node_cache;

/* at most this many nodes are kept */
#define SC_KFUN_NODES_MAX (1L << 18)

void _sc_kfun_nodes_clear(sc_kfun_node_cache *c);
/* the entry of (x, order, side, prec): its index, or -1 and *slot free */
slong _sc_kfun_node_find(sc_kfun_node_cache *c, const arb_t x, slong order, int side, slong prec,
                         slong *slot);
/* a new entry for x (k = -1: no recursion state yet); NULL when full */
sc_kfun_node *_sc_kfun_node_add(sc_kfun_node_cache *c, const arb_t x, slong order, int side,
                                slong prec);

/* Build kf->A2, M, T0, T1, cmax (kfun_series.c); kf->K1, dK1 set.  SC_OK,
   or SC_ERR_BUDGET; on a failure to find any order kf->M = -1. */
int _sc_kfun_build_series(sc_kfun_t kf);

/* Is the series usable on the correlation ball c? */
int _sc_kfun_series_ok(const sc_kfun_t kf, const arb_t c);

/* Series values K, K' (either may be NULL) at the correlation ball c. */
void _sc_kfun_series_eval(arb_t K, arb_t dK, const sc_kfun_t kf, const arb_t c);

#endif
