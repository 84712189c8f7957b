/* synccert: Monte Carlo simulation of the discrete model (MODEL.md section 1).

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
   do not depend on the number of threads. */
#ifndef SYNCCERT_SIM_H
#define SYNCCERT_SIM_H

#include "synccert/act.h"

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

/* Random Quadratic Form pair (MODEL.md section 6): x <- normalise(x - sigma
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

/* Operator norm L_att = ||V|| (2 + beta ||Q^T K||) of the attention used by
   sc_sim_energy (random Q, K, V drawn from P->seed; NaN if d > 2000). */
double sc_sim_attention_lipschitz(const sc_sim_params *P);

#endif
