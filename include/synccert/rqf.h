/* synccert: the Random Quadratic Form (doc/model.md section 6).

   dX = -sigma P_X o dQ_t X on S^{n-1}, Q_t = (B_t + B_t^T)/2 (GOE
   increments), the projection of the linear flow dY = -sigma o dQ Y.
   - Lyapunov spectrum: lambda_k = sigma^2 (n + 1 - 2k) / 2, k = 1..n (exact
     rationals, sum 0); contraction rate lambda_1 - lambda_2 = sigma^2;
   - two-point motion: b(rho) = -sigma^2 rho (1 - rho^2),
     a(rho) = 2 sigma^2 (1 - rho^2)^2; theta = arccos rho is a martingale,
     so from theta0 in [0, pi]: P(sync) = 1 - theta0/pi, P(antipodal) = theta0/pi;
   - near the diagonal: lambda = -sigma^2, v = 2 sigma^2 (log tan(theta/2)
     has drift -sigma^2 cos theta and variance rate 2 sigma^2).
   These coincide with the general machinery (sections 3, 4) for the linear
   activation K(rho) = rho in dimension n; sc_rqf_* compute them from the
   RQF formulas only, so that the two can be compared. */
#ifndef SYNCCERT_RQF_H
#define SYNCCERT_RQF_H

#include <arb.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/common.h"
#include "synccert/prec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* lambda_k = sigma^2 (n + 1 - 2k) / 2 exactly (1 <= k <= n). */
void sc_rqf_lyap_k(fmpq_t lam, const fmpz_t n, const fmpz_t k, const fmpq_t sigma);

/* Sum of the spectrum, exactly (always 0; computed, not assumed: by pairing
   k with n + 1 - k and the middle term). */
void sc_rqf_spectrum_sum(fmpq_t sum, const fmpz_t n, const fmpq_t sigma);

/* b(rho), a(rho) of the RQF two-point motion (either may be NULL). */
void sc_rqf_ba(arb_t b, arb_t a, const arb_t rho, const arb_t sigma2, slong prec);

/* P(theta -> 0) and P(theta -> pi) from theta0 (either may be NULL). */
void sc_rqf_probs(arb_t psync, arb_t panti, const arb_t theta0, slong prec);

/* Drift of theta = arccos rho under general coefficients b, a at rho in
   (-1, 1):  -( b + rho a / (2 (1 - rho^2)) ) / sqrt(1 - rho^2).  Zero for
   every rho is the martingale property behind the RQF hitting
   probabilities. */
void sc_theta_drift(arb_t res, const arb_t b, const arb_t a, const arb_t rho, slong prec);

/* The same theta drift from the general two-point coefficients of the
   linear activation (K(rho) = rho from its kernel, sections 3-4) in
   dimension n at a ball rho inside (-1, 1). */
int sc_rqf_theta_drift_general(arb_t res, const fmpz_t n, const fmpq_t sigma,
                               const arb_t rho, slong prec);

/* SC_OK if 0 <= theta0 <= pi is certified (raising the precision), else
   SC_ERR_INPUT with a message. */
int sc_rqf_check_theta0(const fmpq_t theta0);

/* Everything `synccert rqf` reports: the RQF formulas and, for the
   cross-check, the same quantities from the general machinery (the linear
   activation in dimension n, sections 3-4). */
typedef struct
{
    slong nshown;           /* exponents shown: all n (n <= 20 or full), else 5 */
    slong first;            /* k = 1..first, then k = n - (nshown - first) + 1..n */
    fmpz *k;                /* the k shown (nshown entries) */
    arb_ptr spectrum;       /* lambda_k at those k (exact rationals, rounded) */
    fmpq_t spectrum_sum;    /* the sum of all n exponents, exactly 0 */
    arb_t contraction;      /* lambda_1 - lambda_2 = sigma^2 */
    arb_t b, a;             /* b(rho), a(rho) of the RQF */
    arb_t lambda, v;        /* -sigma^2, 2 sigma^2 */
    int has_theta0;         /* theta0 given */
    int theta0_inside;      /* 0 < theta0 < pi certified: theta_drift computed */
    arb_t psync, panti;     /* 1 - theta0/pi, theta0/pi (has_theta0) */
    arb_t gb, ga;           /* general machinery: b(rho), a(rho) */
    arb_t glambda, gv;      /* general machinery: lambda, v */
    arb_t theta_drift;      /* general drift of theta at rho = cos(theta0): 0 */
    int agree;              /* every RQF / general pair overlaps, the drift
                               contains 0 */
    slong prec;             /* working precision of the last step */
}
sc_rqf_result;

void sc_rqf_result_init(sc_rqf_result *r);
void sc_rqf_result_clear(sc_rqf_result *r);

/* Largest dimension whose spectrum sc_rqf_certify lists in full. */
#define SC_RQF_FULL_MAX 100000

/* The RQF in dimension n >= 2 with exact sigma > 0 at the overlap rho in
   [-1, 1], and (theta0 != NULL) from the initial angle theta0 in [0, pi]:
   every number at `digits` digits through the precision policy (prec.h,
   started 64 bits above the digits: the printed enclosure of the drift of
   theta, a zero, depends on the precision).  full: list all n exponents
   (n <= SC_RQF_FULL_MAX).  SC_ERR_INPUT for bad arguments; a disagreement
   is a result (r->agree = 0), not an error. */
int sc_rqf_certify(sc_rqf_result *r, const fmpz_t n, const fmpq_t sigma, const fmpq_t rho,
                   const fmpq_t theta0, int full, slong digits);

#ifdef __cplusplus
}
#endif

#endif
