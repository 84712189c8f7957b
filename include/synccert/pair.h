/* synccert: two tokens under common noise and identity attention
   (doc/model.md section 9).

   With Q = K = V = I the attention pulls a token towards the other one with
   the softmax weight w(rho) = e^{beta rho} / (e^beta + e^{beta rho}), and the
   overlap rho of two tokens stays a one-dimensional diffusion with the
   variance rate a(rho) of doc/model.md section 3 and the drift
       b_gamma(rho) = b(rho) + 2 gamma w(rho) (1 - rho^2).
   Its ends rho = 1 (diagonal) and rho = -1 (antipodal) are classified
   exactly:
   - diagonal: exponent lambda_gamma = lambda - gamma (w(1) = 1/2), attracting
     iff lambda_gamma < 0;
   - antipodal, phi odd (s = 0): exponent mu = lambda + 2 gamma w(-1)
     = lambda + 2 gamma / (1 + e^{2 beta}), attracting iff mu < 0;
     phi not odd: b(-1) = sigma^2 (d - 1)(K(1) + K(-1)) > 0 and the
     antipodal set is never an outcome (with K'(1) finite: never reached
     for d >= 3, reached and left at once for d = 2).
   When both ends attract, the pair ends synchronised with probability
       P(sync | rho0) = int_{-1}^{rho0} s' / int_{-1}^{1} s',
       s'(rho) = exp(- int_0^rho 2 b_gamma / a),
   enclosed rigorously (doc/model.md sections 9.3-9.5: Chebyshev pieces with
   error bounds from power-series majorants, the ends by incomplete beta
   integrals). */
#ifndef SYNCCERT_PAIR_H
#define SYNCCERT_PAIR_H

#include <arb.h>
#include <acb.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/act.h"
#include "synccert/lyapunov.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------- the drift ---------- */

/* w(rho) = 1 / (1 + e^{beta (1 - rho)}) on a real ball rho, beta >= 0. */
void sc_pair_w(arb_t w, const arb_t rho, const arb_t beta, slong prec);

/* The same on a complex ball (indeterminate near the poles
   rho = 1 + i pi (2k + 1) / beta). */
void sc_pair_w_acb(acb_t w, const acb_t z, const arb_t beta, slong prec);

/* b_gamma(rho) = b + 2 gamma w(rho) (1 - rho^2) from the noise drift b. */
void sc_pair_bgamma(arb_t bg, const arb_t b, const arb_t rho, const arb_t gamma,
                    const arb_t beta, slong prec);

/* b_gamma(rho) and a(rho) (either may be NULL) for act at an exact rho in
   [-1, 1], d, sigma, q, s (NULL: 1, 1, 0), gamma, beta (NULL: 0) at working
   precision prec.  SC_OK or the kernel's error. */
int sc_pair_ba_eval(arb_t bg, arb_t a, const sc_act_t act, const fmpz_t d, const fmpq_t rho,
                    const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t gamma,
                    const fmpq_t beta, slong prec);

/* ---------- the ends ---------- */

/* lambda_gamma = lambda - gamma and mu = lambda + 2 gamma / (1 + e^{2 beta})
   (either output may be NULL); infinite lambda (K'(1) = +inf) stays
   infinite, an undefined one undefined. */
void sc_pair_exponents(arb_t lambda_gamma, arb_t mu, const arb_t lambda, const arb_t gamma,
                       const arb_t beta, slong prec);

/* Class of an end. */
enum
{
    SC_PAIR_END_UNDECIDED = 0,
    SC_PAIR_END_ATTRACTING,     /* exponent < 0: reached with positive probability */
    SC_PAIR_END_REPELLING,      /* exponent > 0: never reached */
    SC_PAIR_END_UNREACHED,      /* antipodal, phi not odd, b(-1) > 0, d >= 3: never reached */
    SC_PAIR_END_REFLECTING,     /* antipodal, phi not odd, b(-1) > 0, d = 2: reached, left at once */
    SC_PAIR_END_NOT_OUTCOME     /* antipodal, phi not odd, b(-1) > 0, K'(1) = +inf: not an outcome */
};

/* The outcome of the pair (from rho0 in (-1, 1)). */
enum
{
    SC_PAIR_UNDECIDED = 0,
    SC_PAIR_SYNC,               /* synchronises almost surely */
    SC_PAIR_ANTI,               /* ends antipodal almost surely */
    SC_PAIR_BOTH,               /* both with positive probability */
    SC_PAIR_NEITHER             /* neither end attracts: never synchronises */
};

const char *sc_pair_end_name(int cls);          /* "attracting", ... */
const char *sc_pair_outcome_name(int outcome);  /* "synchronises a.s.", ... */

/* The outcome from the classes of the two ends. */
int sc_pair_outcome(int diag, int anti);

/* ---------- the certified computation (`synccert pair`) ---------- */

/* How K enters the scale integral (odd phi): closed form, Hermite series,
   or the first that applies (tests force one to compare them). */
enum { SC_PAIR_KD_AUTO = 0, SC_PAIR_KD_CLOSED, SC_PAIR_KD_SERIES };

typedef struct
{
    fmpz_t d;                   /* dimension >= 2 */
    fmpq_t sigma, q, s;         /* > 0, > 0, >= 0 */
    fmpq_t gamma, beta;         /* >= 0 */
    slong nrho;                 /* number of starting overlaps (0: classes only) */
    fmpq *rho0;                 /* rho0[i] in [-1, 1] */
    slong digits;               /* correct digits of every printed number (>= 1) */
    slong prec_cap;             /* 0: the policy's default */
    int kd_method;              /* SC_PAIR_KD_* (default AUTO) */
}
sc_pair_problem;

/* Defaults: d = 2, sigma = q = 1, s = gamma = beta = 0, no rho0, 6 digits. */
void sc_pair_problem_init(sc_pair_problem *P);
void sc_pair_problem_clear(sc_pair_problem *P);

/* Set the starting overlaps (copied). */
void sc_pair_problem_set_rho0(sc_pair_problem *P, const fmpq *rho0, slong n);

/* Set the starting overlaps from the option text "R1,R2,..." (exact
   decimals or ratios in [-1, 1], at most SC_PAIR_MAXRHO).  SC_OK or
   SC_ERR_INPUT with the message `synccert pair --rho0` prints. */
#define SC_PAIR_MAXRHO 64
int sc_pair_problem_parse_rho0(sc_pair_problem *P, const char *list);

/* SC_OK or SC_ERR_INPUT with a message naming the bad field. */
int sc_pair_problem_check(const sc_pair_problem *P);

typedef struct
{
    sc_lyap_result ly;          /* K(1), K'(1), K(-1), lambda, v, b(-1), odd */
    arb_t lambda_gamma;         /* diagonal exponent lambda - gamma */
    arb_t mu;                   /* antipodal exponent (phi odd; NaN otherwise) */
    arb_t w_anti;               /* w(-1) = 1 / (1 + e^{2 beta}) */
    int diag, anti;             /* SC_PAIR_END_* */
    int outcome;                /* SC_PAIR_* */
    slong nrho;
    arb_ptr psync, panti;       /* P(sync | rho0[i]), P(antipodal | rho0[i]) */
    int has_prob;               /* psync, panti computed (nrho > 0 and decided outcome) */
    int integrated;             /* they came from the scale integral (outcome BOTH) */
    slong pieces;               /* Chebyshev pieces of the scale integral */
    slong evals;                /* evaluations of D = (K(1) - K(rho))/(1 - rho) */
    slong end_log2;             /* the ends were cut at |rho| = 1 - 2^-end_log2 */
    int kd_method;              /* SC_PAIR_KD_CLOSED or _SERIES when integrated */
    slong series_order;         /* Hermite series order M (series method) */
    slong prec;                 /* last working precision */
}
sc_pair_result;

void sc_pair_result_init(sc_pair_result *r);
void sc_pair_result_clear(sc_pair_result *r);

/* Everything `synccert pair` prints, certified through the precision policy
   (prec.h): the exponents meet P->digits and their signs are decided if
   the cap allows; when both ends attract and P->nrho > 0, the probabilities
   meet P->digits.  SC_OK, SC_ERR_INPUT, SC_ERR_PREC (with what was reached),
   SC_ERR_BUDGET, or SC_ERR_UNSUPPORTED with the reason. */
int sc_pair_certify(sc_pair_result *r, const sc_act_t act, const sc_pair_problem *P);

#ifdef __cplusplus
}
#endif

#endif
