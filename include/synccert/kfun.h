/* synccert: interval extensions of the dual kernel (doc/model.md sections 2, 5).

   An sc_kfun holds one activation with parameter BALLS (exact values or
   whole parameter boxes), weight variance q and bias variance s as balls,
   and encloses over a whole interval [r1, r2] of rho in [-1, 1]:
     K(rho),  K'(rho),  D(rho) = (K(1) - K(rho)) / (1 - rho)   (D(1) = K'(1)).
   Every enclosure holds simultaneously for all parameter values in the balls.

   Facts used (t^2 = q + s, c = (q rho + s)/(q + s), Kt(c) = sum A_n^2 c^n
   with A_n = E[phi(tZ) h_n(Z)], the orthonormal Hermite coefficients of
   phi(t .)):
   (M1) For c >= 0, K, K' and D are non-decreasing in rho: Kt, Kt' and
        (Kt(1) - Kt(c))/(1 - c) = sum_n A_n^2 (1 + c + ... + c^{n-1}) are power
        series with non-negative coefficients, c is affine increasing in rho,
        and D(rho) = (q/t^2) (Kt(1) - Kt(c))/(1 - c).  So on [r1, r2] with
        c(r1) >= 0 the ranges are [value(r1), value(r2)] (tight, no
        dependency problem) and D(r2 = 1) = K'(1).
   (M2) D(rho) is the mean of K' over [rho, 1], so K'(r1) <= D(r1) <= K'(1)
        when c(r1) >= 0 (used near rho = 1: no division by a small 1 - rho).
   (M3) |K'(rho)| <= K'(1) on [-1, 1]; |Kt(c) - sum_{n<=M} A_n^2 c^n| <=
        (Kt(1) - sum_{n<=M} A_n^2) |c|^{M+1}, and likewise for Kt' with
        (Kt'(1) - sum n A_n^2) |c|^M.
   (M4) For s = 0 (c = rho) and rho <= 0, K = E(|rho|) - O(|rho|) with E, O
        the even and odd parts of that series, both non-decreasing on
        [0, 1]: K([r1, r2]) lies in [E(-r2) - O(-r1), E(-r1) - O(-r2)] (used
        where K' is unbounded, e.g. step and sign at rho = -1).
   (M5) D' = (q/t^2)^2 sum_n A_n^2 sum_{k<n} k c^{k-1} also has non-negative
        coefficients: D' is non-decreasing in rho where c >= 0.
   (M6) M4 for any power series f(c) = sum a_n c^n with a_n >= 0: on
        [c1, c2] in [-1, 0]
          f in [ (f(c2) + f(-c2) + f(c1) - f(-c1))/2,
                 (f(c1) + f(-c1) + f(c2) - f(-c2))/2 ];
        used for K, K' and D (series in c with non-negative coefficients)
        when s = 0 (then c = rho and -c is the exact point -rho).
   (M7) Where c >= 0, K' is convex (F3) and D(rho) its mean over [rho, 1]:
        K'((1 + rho)/2) <= D(rho) <= (K'(rho) + K'(1))/2.
   Elsewhere (c < 0, where 1 - rho >= 1) the enclosures are mean-value forms
   around the midpoint, intersected with direct interval evaluations.

   Point values come from the closed form when the activation has one, from
   the Hermite series (computed once, certified Gaussian integrals) where its
   tail bound is negligible, and from sc_kernel_eval otherwise; they are
   cached per rho.  An sc_kfun is not thread-safe: use one per thread. */
#ifndef SYNCCERT_KFUN_H
#define SYNCCERT_KFUN_H

#include <arb.h>
#include "synccert/act.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    arf_t rho;
    arb_t K, dK;
    int has_K, has_dK;
}
sc_kfun_entry;

typedef struct
{
    const sc_act_def *def;
    arb_ptr p;              /* parameter balls (owned) */
    slong np;
    arb_t q, s, t2, qt;     /* qt = q / t2 */
    arb_t K1, dK1, Km1;     /* K(1), K'(1) (maybe +inf), K(-1) */
    int closed;             /* closed-form kernel */
    slong M;                /* Hermite series order, -1 if none */
    arb_ptr A2;             /* A_n^2, n = 0..M */
    arb_t T0, T1;           /* upper bounds of the series tails at c = 1 */
    arb_t cmax;             /* series used where |c| <= cmax */
    slong prec;
    int method;             /* SC_KM_* for sc_kernel_eval fallbacks */
    /* cache of point values */
    sc_kfun_entry *cache;
    slong ncache, acache;
    slong npoint_evals;     /* statistics: uncached point evaluations */
}
sc_kfun_struct;

typedef sc_kfun_struct sc_kfun_t[1];

/* Set up kf: computes K(1), K'(1), K(-1) and, for activations without a
   closed-form kernel, the Hermite series.  p holds np parameter balls (the
   sc_act_params layout), q > 0, s >= 0 balls.  series: 1 to build the
   Hermite series when useful, 0 never.  Returns SC_OK or an error
   (SC_ERR_INPUT, SC_ERR_UNSUPPORTED, SC_ERR_BUDGET) with a message; on an
   error kf holds nothing and must not be cleared. */
int sc_kfun_init(sc_kfun_t kf, const sc_act_def *def, arb_srcptr p, slong np,
                 const arb_t q, const arb_t s, int series, slong prec);
void sc_kfun_clear(sc_kfun_t kf);

/* The same for an activation with exact parameters and exact q, s (NULL:
   1, 0) at precision prec. */
int sc_kfun_init_act(sc_kfun_t kf, const sc_act_t act, const fmpq_t q, const fmpq_t s,
                     int series, slong prec);

/* Point values at an exact rho in [-1, 1] (either output may be NULL). */
int sc_kfun_point(arb_t K, arb_t dK, sc_kfun_t kf, const arf_t rho);

/* D at an exact rho in [-1, 1] (D(1) = K'(1)). */
int sc_kfun_point_D(arb_t D, sc_kfun_t kf, const arf_t rho);

/* D'(rho) = (D(rho) - K'(rho)) / (1 - rho) at an exact rho in [-1, 1)
   (indeterminate at rho = 1 or when K'(1) = +inf). */
int sc_kfun_point_dD(arb_t dD, sc_kfun_t kf, const arf_t rho);

/* Enclosures of K, K', D over [r1, r2] (exact, -1 <= r1 <= r2 <= 1); any
   output may be NULL.  Outputs may be non-finite when nothing useful is
   known (e.g. D near rho = 1 when K'(1) = +inf). */
int sc_kfun_interval(arb_t K, arb_t dK, arb_t D, sc_kfun_t kf, const arf_t r1, const arf_t r2);

/* D' over [r1, r2] (exact, r2 < 1) given enclosures D, dK of D and K' over
   it (from sc_kfun_interval): (D - K')/(1 - rho), intersected where
   c(r1) >= 0 with [D'(r1), D'(r2)] (M5).  Indeterminate if r2 = 1. */
int sc_kfun_interval_dD(arb_t dD, sc_kfun_t kf, const arf_t r1, const arf_t r2,
                        const arb_t D, const arb_t dK);

/* The orthonormal Hermite coefficient A_n = E[phi(tZ) h_n(Z)] of an
   activation (parameter balls p) at scale t > 0: a certified Gaussian
   integral split at a kink, with the Cramer tail bound of doc/model.md
   section 8.7 (the integral build_series uses).  SC_OK or SC_ERR_BUDGET. */
int sc_kfun_hermite_coeff(arb_t A, const sc_act_def *def, arb_srcptr p, const arb_t t,
                          slong n, slong prec);

/* Enclosure helpers of the kfun and coercivity files (library-internal).
   _sc_kfun_isect: z = z intersected with x when both are finite
   (enclosures of the same quantity), rounded outward at prec bits; if z is
   not finite take x.  _sc_kfun_range: [a.lo, b.hi] as a ball (a.lo <= b.hi:
   enclosures of ordered values); non-finite if a or b is. */
void _sc_kfun_isect(arb_t z, const arb_t x, slong prec);
void _sc_kfun_range(arb_t z, const arb_t a, const arb_t b, slong prec);

/* c(rho) = (q rho + s) / (q + s) as a ball. */
void sc_kfun_corr(arb_t c, const sc_kfun_t kf, const arb_t rho);

#ifdef __cplusplus
}
#endif

#endif
