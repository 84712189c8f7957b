/* synccert: Monte Carlo simulation of the discrete model (doc/model.md section 1).

   EVERYTHING IN THIS HEADER IS STATISTICAL, NOT CERTIFIED.  The simulator
   runs the actual discrete block update

       x <- normalise( x + sigma sqrt(h) W2 phi(W1 x + b1) + h gamma ATT(x) )

   in double precision with pseudo-random Gaussian weights (GSL), so that the
   certified continuous-time quantities (lambda, b, a, the RQF absorption
   probabilities) can be compared with what a deep network with finite depth
   step h and finite width m actually does.  Results carry Monte Carlo
   standard errors; they are estimates, not enclosures.

   Exact-in-distribution reductions.  The weights are isotropic: W1 has iid
   N(0, q) entries, b1 iid N(0, s), W2 iid N(0, 1/m), and the law of one block
   is invariant under every rotation O of R^d (x -> Ox).  The simulators of
   one pair of tokens therefore sample only what the update needs:
   - hidden layer: for a pair x = e1, y = y1 e1 + y2 e2 the pre-activations
     of unit k are (sqrt(q) g1 + sqrt(s) g0, sqrt(q)(y1 g1 + y2 g2) + sqrt(s) g0)
     with g0, g1, g2 iid N(0, 1) (the projections w_k.e1, w_k.e2 of a row of W1);
     all m units are sampled: O(m) work per block;
   - output layer: given the hidden activations f = phi(u), f' = phi(v)
     (m-vectors), the rows r_a of W2 are iid N(0, I/m), so the pairs
     (r_a.f, r_a.f'), a = 1..d, are iid bivariate N(0, G/m), G the 2 x 2 Gram
     matrix of f, f'.  Coordinates a = 1, 2 are drawn explicitly; of the
     remaining d - 2 coordinates the update only needs the 2 x 2 sums of
     squares and products, a Wishart W_2(d - 2, G/m) matrix, drawn exactly
     with Bartlett's decomposition (two chi-square and one normal variates);
   - the new pair is renormalised and, by rotation invariance again, rotated
     back to x = e1: the state of a pair is its inner product (or, for the
     Lyapunov exponent, the fixed separation delta after renormalisation, so
     that successive blocks are iid).
   The N-token simulator (energy) uses the full matrices with BLAS dgemm.
   The RQF pair uses the same reduction: G x and G y for a GOE matrix G only
   involve G11, G12, G22 and the iid columns (G_a1, G_a2), a >= 3.

   Reproducibility: every run (or chunk of samples) has its own generator,
   seeded from (seed, run index); results are combined in run order, so they
   do not depend on the number of threads.

   Two layers: the measures (sc_sim_lyapunov, ...) simulate only; the
   sc_simulate_* calls at the end of this header do what `synccert simulate`
   does: simulate, compute the certified values beside the estimates (as Arb
   balls), the step-size allowances and the consistency verdicts. */
#ifndef SYNCCERT_SIM_H
#define SYNCCERT_SIM_H

#include <arb.h>
#include <flint/fmpq.h>
#include "synccert/act.h"
#include "synccert/coercivity.h"    /* SC_DISS_* */

#ifdef __cplusplus
extern "C" {
#endif

/* --- double-precision activations ------------------------------------- */

typedef struct
{
    int kind;                         /* internal index */
    double par;                       /* alpha, c or beta (if any) */
    int ncoef;                        /* poly / hermite */
    double coef[SC_ACT_MAX_COEFFS];
    const char *name;
}
sc_simact;

/* Fast double evaluator for a parsed activation (keyed by act->def->name,
   parameters converted to double).  SC_ERR_UNSUPPORTED if the activation has
   no double evaluator. */
int sc_simact_init(sc_simact *f, const sc_act_t act);

double sc_simact_eval(const sc_simact *f, double x);

/* y[i] = phi(x[i]), i < n (y may equal x). */
void sc_simact_apply(const sc_simact *f, double *y, const double *x, long n);

/* --- model parameters -------------------------------------------------- */

enum { SC_SIM_ATT_IDENTITY = 0, SC_SIM_ATT_RANDOM = 1 };

typedef struct
{
    sc_simact phi;
    long d;             /* dimension >= 2 */
    long m;             /* width (hidden units) >= 1 */
    double sigma;       /* noise strength > 0 */
    double q, s;        /* weight variance > 0, bias variance >= 0 */
    double h;           /* depth step > 0 */
    double gamma;       /* attention strength >= 0 (energy only) */
    double beta;        /* inverse temperature >= 0 */
    int attention;      /* SC_SIM_ATT_* */
    double qkv_norm;    /* operator norm of random Q, K, V */
    int projective;     /* energy: sum_{i<j} (1 - rho_ij^2)^{p/2} instead of |x_i - x_j|^p */
    unsigned long seed;
    int threads;        /* 0: OpenMP default */
    int progress;       /* draw a progress bar on stderr */
}
sc_sim_params;

/* Defaults: d = 4, m = 256, sigma = q = 1, s = 0, h = 0.01, gamma = 0,
   beta = 1, identity attention, qkv_norm = 1, seed = 1, phi unset. */
void sc_sim_params_default(sc_sim_params *P);

/* Sample mean with its standard error. */
typedef struct
{
    double mean, se;
    double n;           /* number of samples */
}
sc_sim_est;

/* --- measures ------------------------------------------------------------ */

/* Two-point Lyapunov exponent: `runs` chains of nblocks = round(T/h) blocks,
   a pair at separation delta renormalised back to delta after every block;
   lambda = E[log(|x'-y'|/delta)] / h.  Blocks are iid (rotation invariance),
   the standard error is that of the mean of all blocks.  runs <= 10^7. */
int sc_sim_lyapunov(sc_sim_est *lambda, const sc_sim_params *P, double T, long runs,
                    double delta);

/* One-step moments of rho at rho0 from `samples` antithetic pairs (weights
   W2 and -W2): b = E[rho' - rho0] / h, a = Var[rho' - rho0] / h.
   2 <= samples <= 10^9. */
int sc_sim_moments(sc_sim_est *b, sc_sim_est *a, const sc_sim_params *P, double rho0,
                   long samples);

/* Interaction energy E_p = sum_{i<j} |x_i - x_j|^p of N tokens (iid uniform
   on the sphere at t = 0) over depth, `runs` independent networks.
   Recorded at npts + 1 times t_k = floor(k * nblocks / npts) * h, k = 0..npts
   (*npts is lowered to nblocks if larger): Ep[k] = mean over runs of
   E_p(t_k), ratio[k] = mean over runs of E_p(t_k) / E_p(0) (caller-allocated
   arrays of *npts + 1 entries).  runs (npts + 1) <= 10^7; the work arrays
   (N d + 2 m d + N m doubles, + N^2 with attention) at most 1.25e8 doubles
   per thread; d <= 2000 with random attention. */
int sc_sim_energy(sc_sim_est *Ep, sc_sim_est *ratio, double *t, const sc_sim_params *P,
                  long N, double p, double T, long runs, long *npts);

/* Random Quadratic Form pair (doc/model.md section 6): x <- normalise(x - sigma
   sqrt(h) G x), G GOE (diagonal variance 1, off-diagonal 1/2), n = P->d,
   started at inner product rho0, `runs` runs up to time T (a run stops early
   once 1 - |rho| < 1e-12).  Counts runs ending with rho > 0 (synchronised),
   rho < 0 (antipodal), and how many ended with |rho| < 0.99 (unsettled).
   runs <= 10^8. */
typedef struct
{
    long runs, sync, anti, unsettled;
}
sc_sim_rqf_result;

int sc_sim_rqf(sc_sim_rqf_result *r, const sc_sim_params *P, double rho0, double T, long runs);

/* Two tokens through the discrete network with identity attention
   (doc/model.md section 9): x <- normalise(x + sigma sqrt(h) xi(x)
   + h gamma w(rho) (y - rho x)) and likewise for y (attention at the old
   positions), w(rho) = e^{beta rho} / (e^beta + e^{beta rho}); `runs` pairs
   started at rho0 in (-1, 1), each run until 1 - |rho| < stop (or time T).
   Counts as sc_sim_rqf (sync: rho > 0 at the end).  Same reduced sampler as
   the other pair measures.  runs <= 10^8, stop in [1e-15, 0.1]. */
int sc_sim_pair(sc_sim_rqf_result *r, const sc_sim_params *P, double rho0, double T, long runs,
                double stop);

/* Step-size allowances: heuristic bounds on the O(h) discretisation bias of
   the discrete update relative to its h -> 0 limit (NOT Monte Carlo error,
   not certified).  Calibrated on simulations (relu, leaky/elu, linear, tanh,
   sigmoid, softplus, gelu, cos, erf, hermite; d = 4..64, m = 8..4096, with
   and without bias variance): the measured bias stayed below half of these.
   The natural small parameter is h sigma^2 d K(1) (|xi|^2 ~ d K(1)); the
   bias of the drift b is quadratic in d.  K1 = K(1), dK1 = K'(1).
     lyapunov:  2 h sigma^4 (d + 2) max(K1, dK1)^2
     b(rho):    h sigma^4 (d + 2)^2 K1^2 / 4
     a(rho):    4 h sigma^4 (d + 2) K1^2
     rqf P(sync): 2 h sigma^2 */
double sc_sim_allowance_lyapunov(const sc_sim_params *P, double K1, double dK1);
double sc_sim_allowance_b(const sc_sim_params *P, double K1);
double sc_sim_allowance_a(const sc_sim_params *P, double K1);
double sc_sim_allowance_rqf(const sc_sim_params *P);

/* P(sync) of the pair measure: h (sigma^2 (d + 2) max(K1, dK1) + 4 gamma) / 2
   (the RQF form, with the size of a block's noise and of its attention
   step; calibrated as above, doc/model.md section 9.6). */
double sc_sim_allowance_pair(const sc_sim_params *P, double K1, double dK1);

/* Operator norm L_att = ||V|| (2 + beta ||Q^T K||) of the attention used by
   sc_sim_energy (random Q, K, V drawn from P->seed; NaN if d > 2000). */
double sc_sim_attention_lipschitz(const sc_sim_params *P);

/* --- simulated versus certified ------------------------------------------ */

/* A simulated estimate next to the certified value of its h -> 0 limit.
   The verdict is statistical (double precision), not certified:
   consistent when the distance from the mean to the ball is at most
   5 standard errors + the step-size allowance. */
typedef struct
{
    sc_sim_est est;     /* the Monte Carlo estimate */
    arb_t cert;         /* the certified value (enclosure; may be infinite or NaN) */
    double allowance;   /* heuristic bound on the O(h) step-size bias */
    double diff;        /* distance from est.mean to the ball (0 inside) */
    double z;           /* diff in standard errors */
    double threshold;   /* 5 est.se + allowance */
    int applicable;     /* cert and est.se finite: the comparison means something */
    int consistent;     /* applicable and diff <= threshold */
}
sc_sim_cmp;

/* init: cert = 0, est and every double 0, not applicable; clear frees cert. */
void sc_sim_cmp_init(sc_sim_cmp *c);
void sc_sim_cmp_clear(sc_sim_cmp *c);

/* From c->est, c->cert and c->allowance, sets diff, z, threshold,
   applicable and consistent. */
void sc_sim_cmp_eval(sc_sim_cmp *c);

/* --- what `synccert simulate` computes: one call per measure -------------

   Each sc_simulate_X fills an sc_simulate_X_result: the double model it
   simulated, the estimates, the certified values (Arb balls), the
   allowances and the consistency verdicts.  A result is initialised with
   its _init, filled by one call and freed with its _clear (clear and init
   again to reuse it).  Return values: SC_OK, SC_ERR_INPUT for a bad problem
   (message via sc_last_error), or the error of the certified computation. */

enum { SC_SIMULATE_LYAPUNOV = 0, SC_SIMULATE_MOMENTS, SC_SIMULATE_ENERGY, SC_SIMULATE_RQF,
       SC_SIMULATE_PAIR };

/* The inputs.  sigma, q, s, rho, p, gamma, beta and qkv_norm are exact:
   the certified values use them, the simulation their doubles. */
typedef struct
{
    slong d;                /* dimension in [2, 100000] */
    slong m;                /* width (hidden units) in [1, 10^7]; not rqf */
    fmpq_t sigma, q, s;     /* noise > 0, weight variance > 0, bias variance >= 0 */
    double h;               /* depth step in (0, 1] */
    double T;               /* depth: round(T/h) blocks per run; not moments */
    slong runs;             /* runs (moments: antithetic samples) */
    unsigned long seed;     /* every run has a generator seeded from (seed, run) */
    int threads;            /* OpenMP threads (0: the default) */
    int progress;           /* draw a progress bar on stderr */
    double delta;           /* lyapunov: pair separation in (0, 0.1] */
    fmpq_t rho;             /* moments: rho0 in (-1, 1); rqf: rho0 in [-1, 1] */
    slong tokens;           /* energy: N >= 2 tokens */
    slong points;           /* energy: report times K >= 1 */
    fmpq_t p;               /* energy: exponent in (0, 2] */
    fmpq_t gamma, beta;     /* energy: attention strength >= 0, inverse temperature >= 0 */
    int attention;          /* energy: SC_SIM_ATT_IDENTITY (Q = K = V = I) or _RANDOM */
    fmpq_t qkv_norm;        /* energy, random attention: operator norm R > 0 of Q, K, V */
    int projective;         /* energy: the projective energy sum (1 - rho_ij^2)^{p/2} and
                               c_p^pm (doc/model.md section 10; gamma = 0, odd phi) */
    double stop;            /* pair: a run ends when 1 - |rho| < stop */
}
sc_simulate_problem;

/* init with the defaults of `synccert simulate --measure M` (M one of
   SC_SIMULATE_*): d = 4, m = 256, sigma = q = 1, s = 0, h = 0.01, seed 1,
   threads 0, no progress bar, delta = 1e-6, tokens 32, points 10, p = 1,
   gamma = 0, beta = 1, identity attention, qkv_norm = 1;
   T = 100, 0, 2, 20, 200 and runs = 8, 100000, 8, 4000, 1000 for lyapunov,
   moments, energy, rqf, pair; rho = 0.3 for moments, 0 otherwise; pair:
   width 64, stop 1e-12; not projective.  clear frees the rationals. */
void sc_simulate_problem_init(sc_simulate_problem *pb, int measure);
void sc_simulate_problem_clear(sc_simulate_problem *pb);

/* What every measure reports about the run itself. */
typedef struct
{
    sc_sim_params P;        /* the double-precision model simulated */
    int threads;            /* OpenMP threads used (the output does not depend on it) */
    double seconds;         /* wall time of the simulation */
    double per_second;      /* throughput: blocks (lyapunov), samples (moments),
                               token-block updates (energy), runs (rqf) per second */
}
sc_simulate_run;

/* Lyapunov exponent: sc_sim_lyapunov next to the certified
   lambda = (sigma^2/2) [(d-3) K'(1) - (d-1) K(1)] (10 digits), allowance
   sc_sim_allowance_lyapunov. */
typedef struct
{
    sc_simulate_run run;
    sc_sim_cmp lambda;      /* simulated versus certified lambda */
    arb_t K1, dK1;          /* certified K(1), K'(1) (K'(1) = +inf when phi jumps:
                               then the discrete exponent has no finite h -> 0 limit) */
    double nblocks;         /* blocks per run, round(T/h) */
    double step_parameter;  /* h sigma^2 d K(1): the step-size bias is small when this is */
}
sc_simulate_lyapunov_result;

void sc_simulate_lyapunov_result_init(sc_simulate_lyapunov_result *r);
void sc_simulate_lyapunov_result_clear(sc_simulate_lyapunov_result *r);

/* The certified values come first: if they fail nothing is simulated. */
int sc_simulate_lyapunov(sc_simulate_lyapunov_result *r, const sc_act_t act,
                         const sc_simulate_problem *pb);

/* One-step moments of rho at rho0: sc_sim_moments next to the certified
   b(rho0), a(rho0) (10 digits), allowances sc_sim_allowance_b / _a. */
typedef struct
{
    sc_simulate_run run;
    sc_sim_cmp b, a;        /* drift and variance rate, simulated versus certified */
    arb_t K1;               /* certified K(1) (for the allowances) */
    double step_parameter;  /* h sigma^2 d K(1) */
}
sc_simulate_moments_result;

void sc_simulate_moments_result_init(sc_simulate_moments_result *r);
void sc_simulate_moments_result_clear(sc_simulate_moments_result *r);

int sc_simulate_moments(sc_simulate_moments_result *r, const sc_act_t act,
                        const sc_simulate_problem *pb);

/* Interaction energy: sc_sim_energy next to the certified decay rate
   r_p = c_p - p gamma L_att (doc/model.md section 5), L_att = ||V|| (2 + beta
   ||Q^T K||) = 2 + beta (identity) or R (2 + beta R^2) (random, R =
   qkv_norm).  c_p comes from the branch and bound at 128 bits (tolerance
   1e-6, at most 200000 boxes and 30 s); when it is not available (odd phi
   without bias: c_p <= 0; an unsupported or failed enclosure) have_rp = 0
   and note says why: the simulation still runs. */
typedef struct
{
    sc_simulate_run run;
    long npts;              /* report times (K, lowered to the blocks per run) */
    double *t;              /* t[k] = floor(k nblocks / npts) h, k = 0..npts */
    sc_sim_est *Ep;         /* mean of E_p(t_k) over the runs */
    sc_sim_est *ratio;      /* mean of E_p(t_k) / E_p(0) */
    sc_sim_est rate;        /* -log(ratio[npts].mean) / t[npts], delta-method s.e. */
    double nblocks;         /* blocks per run, round(T/h) */
    arb_t Latt;             /* the attention bound L_att (certified) */
    int have_rp;            /* cp and rp computed */
    arb_t cp, rp;           /* c_p and r_p (certified) */
    int verdict;            /* SC_DISS_* from the sign of r_p (sc_arb_sign): YES certifies
                               E[E_p(t)] <= exp(-r_p t) E_p(0) in the limit h -> 0 */
    arb_ptr bound;          /* exp(-r_p t_k), k = 0..npts, when verdict == SC_DISS_YES; else NULL */
    char note[512];         /* why there is no r_p (have_rp = 0) */
}
sc_simulate_energy_result;

void sc_simulate_energy_result_init(sc_simulate_energy_result *r);
void sc_simulate_energy_result_clear(sc_simulate_energy_result *r);

/* A missing r_p is not an error (see note); only the simulation's errors are. */
int sc_simulate_energy(sc_simulate_energy_result *r, const sc_act_t act,
                       const sc_simulate_problem *pb);

/* Random Quadratic Form (no activation: the linear case): sc_sim_rqf next
   to the certified absorption probabilities 1 - theta0/pi and theta0/pi,
   theta0 = arccos rho0 (doc/model.md section 6).  The synchronised
   fraction's standard error is binomial at the certified probability p,
   sqrt(max(p (1 - p), 1/(4 runs)) / runs); allowance sc_sim_allowance_rqf. */
typedef struct
{
    sc_simulate_run run;
    sc_sim_rqf_result counts;   /* synchronised, antipodal, unsettled runs */
    sc_sim_cmp psync;           /* synchronised fraction versus 1 - theta0/pi */
    arb_t panti;                /* theta0/pi (certified) */
}
sc_simulate_rqf_result;

void sc_simulate_rqf_result_init(sc_simulate_rqf_result *r);
void sc_simulate_rqf_result_clear(sc_simulate_rqf_result *r);

int sc_simulate_rqf(sc_simulate_rqf_result *r, const sc_simulate_problem *pb);

/* Two tokens with identity attention: sc_sim_pair next to the certified
   P(sync | rho0) of sc_pair_certify (6 digits; doc/model.md section 9).
   The synchronised fraction's standard error is binomial as for the RQF.
   The allowance adds to sc_sim_allowance_pair the chance that a run stopped
   at 1 - |rho| < stop would still have changed ends, bounded by the
   certified max(P(antipodal | 1 - stop), P(sync | -1 + stop)). */
typedef struct
{
    sc_simulate_run run;
    sc_sim_rqf_result counts;   /* synchronised, antipodal, unsettled runs */
    sc_sim_cmp psync;           /* synchronised fraction versus the certified P(sync | rho0) */
    arb_t panti;                /* certified P(antipodal | rho0) */
    arb_t switch_prob;          /* certified bound of the stopping error (see above) */
    int outcome;                /* SC_PAIR_* (pair.h) */
    double step_parameter;      /* h sigma^2 d K(1) */
}
sc_simulate_pair_result;

void sc_simulate_pair_result_init(sc_simulate_pair_result *r);
void sc_simulate_pair_result_clear(sc_simulate_pair_result *r);

int sc_simulate_pair(sc_simulate_pair_result *r, const sc_act_t act, const sc_simulate_problem *pb);

#ifdef __cplusplus
}
#endif

#endif
