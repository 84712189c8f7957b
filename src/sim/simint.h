/* Internals shared by the simulator files (src/sim/).  Statistical code,
   not certified. */
#ifndef SC_SIMINT_H
#define SC_SIMINT_H

#include <gsl/gsl_rng.h>
#include "synccert/sim.h"

#define SC_SQRT1_2 0.70710678118654752440

/* SC_OK if the estimate's mean is finite; else SC_ERR_UNSUPPORTED saying
   that the double-precision simulation of `what` overflowed (a failed
   simulation is never reported as an estimate). */
int sc_simulate_check_est(const sc_sim_est *e, const char *what);

/* Largest singular value of the d x d row-major matrix A (GSL SVD). */
double sc_sim_opnorm(const double *A, long d);

/* A generator for stream `index` of a run seeded with `seed` (GSL taus2, L'Ecuyer's
   maximally equidistributed Tausworthe generator, period 2^88, seeded from a
   splitmix64 hash of both). */
gsl_rng *sc_sim_rng(unsigned long seed, unsigned long index);

/* malloc / calloc that print "synccert: out of memory" and abort on failure
   (the callers bound every size by their input checks first). */
void *sc_sim_malloc(size_t n);
void *sc_sim_calloc(size_t n, size_t size);

/* Standard normal variate (GSL ziggurat). */
double sc_sim_normal(gsl_rng *r);

/* Orthogonal part of the output layer of a pair: the 2 x 2 matrix
   S = sum_{a=1..n} z_a z_a^T, z_a iid N(0, C) with C = L L^T,
   L = [[l11, 0], [l21, l22]], drawn exactly by Bartlett's decomposition
   (n >= 0 degrees of freedom). */
void sc_sim_wishart2(double *S11, double *S12, double *S22, gsl_rng *r, long n,
                     double l11, double l21, double l22);

/* Cholesky factor of the 2 x 2 covariance [[c11, c12], [c12, c22]]
   (positive semi-definite; degenerate cases give zeros). */
void sc_sim_chol2(double *l11, double *l21, double *l22, double c11, double c12, double c22);

/* Progress bar on stderr.  sc_sim_progress_add may be called from any
   thread; only the master thread (omp thread 0) draws, at most every 0.1 s. */
typedef struct
{
    int on;
    double total;
    double done;
    double last;        /* time of the last redraw */
    const char *label;
}
sc_sim_progress;

void sc_sim_progress_start(sc_sim_progress *pb, int on, double total, const char *label);
void sc_sim_progress_add(sc_sim_progress *pb, double work);
void sc_sim_progress_end(sc_sim_progress *pb);

/* Combine sample summaries: (n, mean, M2) as in Welford's algorithm. */
typedef struct { double n, mean, m2; } sc_sim_acc;
static inline void sc_sim_acc_add(sc_sim_acc *a, double x)
{
    double d;
    a->n += 1.0;
    d = x - a->mean;
    a->mean += d / a->n;
    a->m2 += d * (x - a->mean);
}
void sc_sim_acc_merge(sc_sim_acc *a, const sc_sim_acc *b);
sc_sim_est sc_sim_acc_est(const sc_sim_acc *a);

/* Set the OpenMP thread count from P->threads (0: keep the default) and
   keep OpenBLAS single-threaded (runs are parallel).  Returns the count. */
int sc_sim_threads(const sc_sim_params *P);

int sc_sim_check_params(const sc_sim_params *P);

/* The random part of one block for a pair x = e1, y = rho e1 + sr e2
   (pair.c; see the reduction in sim.h): the noise coordinates (x1, x2),
   (y1, y2) in the plane of the pair and the Wishart sums S of the other
   d - 2 coordinates; the new pair is x + c xi, y + c eta (c = sigma sqrt h)
   with |.|^2 and <.,.> completed by c^2 S.  u, v: work arrays of m doubles. */
typedef struct
{
    double x1, x2, y1, y2, S11, S12, S22;
}
sc_sim_pair_noise_t;

void _sc_sim_pair_noise(sc_sim_pair_noise_t *z, const sc_sim_params *P, gsl_rng *r, double *u, double *v,
                        double rho, double sr);

/* Pairs run to an end (pair.c): `runs` runs from rho0, each with its own
   generator (seed, run), of at most nsteps steps rho <- step(P, r, work, rho)
   until 1 - |rho| < stop; counted as in sc_sim_rqf_result (end states:
   sign of rho, unsettled if |rho| < 0.99).  work: nwork doubles per thread. */
typedef double (*sc_sim_absorb_step)(const sc_sim_params *P, gsl_rng *r, double *work, double rho);

int _sc_sim_absorb(sc_sim_rqf_result *res, const sc_sim_params *P, double rho0, long nsteps, long runs,
                   double stop, long nwork, sc_sim_absorb_step step, const char *label);

/* --- the sc_simulate_* calls (src/sim/simulate*.c) --- */

/* run->P from the problem (phi from act; act NULL leaves phi unset, as the
   RQF needs none), the OpenMP thread count set and recorded. */
int sc_simulate_setup(sc_simulate_run *run, const sc_act_t act, const sc_simulate_problem *pb);

/* run->seconds since t0 (sc_clock_seconds) and the throughput work / seconds. */
void sc_simulate_timed(sc_simulate_run *run, double t0, double work);

/* The midpoint of a ball as a double (estimates and allowances only). */
double sc_simulate_mid(const arb_t x);

#endif
