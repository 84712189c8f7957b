/* synccert: noise coercivity constant and dissipation certificate
   (doc/model.md section 5).

   c_p = inf_{rho in [-1, 1)} F(rho),
   F(rho) = (p/2) [ b(rho)/(1-rho) - (p-2) a(rho) / (4 (1-rho)^2) ].
   With D(rho) = (K(1) - K(rho))/(1 - rho), so K(rho) = K(1) - (1-rho) D:
     b/(1-rho)     = sigma^2 [ (d-2-rho) K(1) - (d-2+rho^2) D ]
       (since (d-2+rho^2) - (d-1) rho = (1-rho)(d-2-rho)),
     a/(1-rho)^2   = 2 sigma^2 (1+rho) (K(1) + rho D)
       (since K(1) - rho K(rho) = (1-rho)(K(1) + rho D)),
   hence, with no division by 1 - rho left,
     F(rho) = (p sigma^2 / 2) [ A(rho) K(1) - B(rho) D(rho) ],
     A(rho) = d - 1 - p/2 - (p/2) rho,
     B(rho) = d - 2 + (p/2 - 1) rho + (p/2) rho^2.
   At rho = 1 (D(1) = K'(1)) this is the diagonal limit
     -g(p) = (p sigma^2/2) [ (d-1-p) K(1) - (d-3+p) K'(1) ],
   at rho = -1 it is (p/2) b(-1)/2.  F is affine in d and in sigma^2, and
   concave in p (the p^2 coefficient is -(sigma^2/4)(1+rho)(K(1) + rho D)
   <= 0 because |K(rho)| <= K(1)), so c_p is concave in p.

   Attention: L_att = V (2 + B Q), r_p = c_p - p gamma L_att; r_p > 0 certifies
   E[E_p(t)] <= exp(-r_p t) E_p(0).  r_p < 0 proves nothing about
   synchronisation: the certificate is only a sufficient condition. */
#ifndef SYNCCERT_COERCIVITY_H
#define SYNCCERT_COERCIVITY_H

#include <arb.h>
#include "synccert/kfun.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parameters of F: dimension d, exponent p in (0, 2], sigma^2 (balls).
   projective (default 0): F is the quotient of the projective energy
   (doc/model.md section 10), for odd phi with s = 0 only; it is even in
   rho, and the branch and bound searches rho in [0, 1]. */
typedef struct
{
    arb_t d, p, sigma2;
    int projective;
}
sc_fparams_struct;
typedef sc_fparams_struct sc_fparams_t[1];

void sc_fparams_init(sc_fparams_t f);
void sc_fparams_clear(sc_fparams_t f);

/* F over [r1, r2] (exact, -1 <= r1 <= r2 <= 1; r1 = r2 = 1 gives the
   diagonal limit): an enclosure valid for every parameter in the balls. */
int sc_coerc_F(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1, const arf_t r2);

typedef struct
{
    arf_t lo, hi;       /* c_p in [lo, hi] (lo may be -inf) */
    arf_t rlo, rhi;     /* the infimum can only be attained in [rlo, rhi] */
    int diagonal;       /* the best upper bound is the diagonal limit rho -> 1 */
    int antipodal;      /* the best upper bound is F(-1) */
    int reached;        /* hi - lo <= tol */
    int decided;        /* threshold mode: +1 lo > thr, -1 hi < thr, 0 neither */
    slong boxes;        /* boxes evaluated */
}
sc_coerc_result;

void sc_coerc_result_init(sc_coerc_result *r);
void sc_coerc_result_clear(sc_coerc_result *r);

/* Branch-and-bound for c_p over rho in [-1, 1) until hi - lo <= tol, or
   (when thr != NULL) until c_p is certified above or below thr, or
   max_boxes boxes / the time budget (SC_ERR_BUDGET) are used.  The limit
   rho -> 1 is handled through D (boxes [r, 1] use D in [D(r), K'(1)]).
   K'(1) = +inf: c_p = -inf exactly when B(1) = d - 3 + p > 0; otherwise the
   boxes [r, 1] are bounded below as in doc/model.md section 5.2 (a ball
   B(1) around 0 that is not exactly 0 leaves them at -inf: lo = -inf).
   Returns SC_OK with a valid enclosure even if the tolerance was not
   reached (r->reached = 0). */
int sc_coercivity_bb(sc_coerc_result *r, sc_kfun_t kf, const sc_fparams_t fp,
                     const arf_t tol, const arf_t thr, slong max_boxes);

/* --p auto: search p in (0, 2] (on the grid k/256) for the largest
   certified lower bound of c_p - p * gl (gl = gamma L_att, may be zero),
   using concavity in p; sets p_best (exact) and the result at p_best with
   tolerance tol. */
int sc_coercivity_auto_p(fmpq_t p_best, sc_coerc_result *r, sc_kfun_t kf,
                         const arb_t d, const arb_t sigma2, const arb_t gl,
                         const arf_t tol, slong max_boxes);

/* The same for the quotient described by base (d, sigma2, projective; its
   p is ignored): the projective quotient is concave in p as well
   (doc/model.md section 10). */
int sc_coercivity_auto_p_fp(fmpq_t p_best, sc_coerc_result *r, sc_kfun_t kf,
                            const sc_fparams_t base, const arb_t gl,
                            const arf_t tol, slong max_boxes);

/* c_p^pm of the linear activation in closed form: p (1 - p) sigma^2 q
   (doc/model.md section 10; independent of d). */
void sc_coerc_projective_linear(arb_t c, const arb_t p, const arb_t sigma2, const arb_t q, slong prec);

/* ---------- attention and the whole certificate ---------- */

/* Lipschitz bound of the attention drift (doc/model.md section 5):
   L_att = ||V|| (2 + beta ||Q^T K||). */
void sc_attention_bound(arb_t L, const arb_t beta, const arb_t vnorm,
                        const arb_t qknorm, slong prec);

/* What `synccert coercivity` computes: c_p of an activation with exact
   inputs, optionally maximised over p, and the attention certificate. */
typedef struct
{
    slong d;                /* dimension >= 2 */
    int p_auto;             /* choose p (grid k/256) maximising the lower bound of r_p */
    fmpq_t p;               /* exponent in (0, 2] when !p_auto */
    fmpq_t sigma, q, s;     /* noise strength > 0, weight variance > 0, bias variance >= 0 */
    fmpq_t tol;             /* width of the enclosure of c_p, in [1e-12, 1] */
    int attention;          /* also compute L_att, r_p and the verdict */
    fmpq_t gamma, beta, vnorm, qknorm;  /* attention strength and norms (>= 0) */
    slong max_boxes;        /* per branch-and-bound (0: 2000000) */
    int projective;         /* c_p^pm of the projective energy (doc/model.md section 10):
                               needs gamma = 0; an odd phi (s = 0), or c_p^pm = -inf */
}
sc_coerc_problem;

/* Dissipation verdict from the sign of r_p. */
enum { SC_DISS_UNDECIDED = 0, SC_DISS_YES, SC_DISS_NO };

typedef struct
{
    sc_coerc_result bb;     /* the branch and bound at the p used */
    fmpq_t p;               /* the p used (given, or chosen by p_auto) */
    arb_t cp;               /* c_p (enclosure of width <= tol) */
    arb_t Latt, rp;         /* L_att and r_p = c_p - p gamma L_att (attention) */
    int verdict;            /* SC_DISS_* (attention; projective: YES means c_p^pm > 0,
                               synchronisation up to sign for any number of tokens) */
    int minus_inf;          /* projective, phi not odd: c_p^pm = -inf exactly (rho -> -1) */
}
sc_coerc_cert;

/* Defaults: p = 1/2, sigma = q = 1, s = 0, tol = 1e-6, gamma = beta = 0,
   vnorm = qknorm = 1, no attention, max_boxes 0. */
void sc_coerc_problem_init(sc_coerc_problem *P);
void sc_coerc_problem_clear(sc_coerc_problem *P);
void sc_coerc_cert_init(sc_coerc_cert *r);
void sc_coerc_cert_clear(sc_coerc_cert *r);

/* SC_OK or SC_ERR_INPUT with a message naming the bad field. */
int sc_coerc_problem_check(const sc_coerc_problem *P);

/* The whole certificate: kernel function of act, branch and bound for c_p
   (at p, or the best p), L_att, r_p, verdict.  Tries 64 then 128 bits.
   With P->projective: c_p^pm and the verdict from its sign; for a phi that
   is not odd, c_p^pm = -inf (r->minus_inf) when b(-1) > 0 and d - 3 + p > 0
   are certified (the quotient tends to -inf at rho = -1), else
   SC_ERR_UNSUPPORTED.
   SC_OK (enclosure within tol), SC_ERR_BUDGET, SC_ERR_PREC (tolerance not
   reached: the message gives the enclosure found), or the kernel's error. */
int sc_coercivity_certify(sc_coerc_cert *r, const sc_act_t act, const sc_coerc_problem *P);

#ifdef __cplusplus
}
#endif

#endif
