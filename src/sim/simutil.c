/* Simulator utilities: seeded generators, the 2 x 2 Wishart draw, the
   progress bar, sample summaries.  Statistical code, not certified. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <omp.h>
#include <string.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_linalg.h>
#include "simint.h"

/* from OpenBLAS (its cblas.h clashes with GSL's headers) */
void openblas_set_num_threads(int num_threads);

static unsigned long long splitmix64(unsigned long long x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

gsl_rng *sc_sim_rng(unsigned long seed, unsigned long index)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    unsigned long long h = splitmix64(splitmix64((unsigned long long) seed) ^ (unsigned long long) index);
    unsigned long s = (unsigned long) (h & 0xffffffffULL);
    if (r == NULL)
    {
        fprintf(stderr, "synccert: out of memory\n");
        abort();
    }
    gsl_rng_set(r, s);   /* taus2 is seeded from 32 bits */
    return r;
}

void *sc_sim_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL)
    {
        fprintf(stderr, "synccert: out of memory\n");
        abort();
    }
    return p;
}

void *sc_sim_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
    {
        fprintf(stderr, "synccert: out of memory\n");
        abort();
    }
    return p;
}

double sc_sim_normal(gsl_rng *r)
{
    return gsl_ran_gaussian_ziggurat(r, 1.0);
}

void sc_sim_chol2(double *l11, double *l21, double *l22, double c11, double c12, double c22)
{
    double t;
    if (c11 > 0)
    {
        *l11 = sqrt(c11);
        *l21 = c12 / *l11;
        t = c22 - *l21 * *l21;
        *l22 = t > 0 ? sqrt(t) : 0.0;
    }
    else
    {
        *l11 = 0.0;
        *l21 = 0.0;
        *l22 = c22 > 0 ? sqrt(c22) : 0.0;
    }
}

void sc_sim_wishart2(double *S11, double *S12, double *S22, gsl_rng *r, long n,
                     double l11, double l21, double l22)
{
    double c1sq, c2sq, c1, n21, p11, p12, p22;
    if (n <= 0)
    {
        *S11 = *S12 = *S22 = 0.0;
        return;
    }
    /* Bartlett: A = [[c1, 0], [n21, c2]], c1^2 ~ chi2(n), c2^2 ~ chi2(n-1),
       n21 ~ N(0,1); A A^T ~ W_2(n, I) (for n = 1, c2 = 0 and A A^T = z z^T
       in distribution since n21 is symmetric and independent of c1). */
    c1sq = gsl_ran_chisq(r, (double) n);
    c2sq = n >= 2 ? gsl_ran_chisq(r, (double) (n - 1)) : 0.0;
    c1 = sqrt(c1sq);
    n21 = sc_sim_normal(r);
    p11 = c1sq;
    p12 = c1 * n21;
    p22 = n21 * n21 + c2sq;
    /* S = L P L^T */
    *S11 = l11 * l11 * p11;
    *S12 = l11 * (l21 * p11 + l22 * p12);
    *S22 = l21 * l21 * p11 + 2.0 * l21 * l22 * p12 + l22 * l22 * p22;
}

static void draw(sc_sim_progress *pb, double frac)
{
    int i, w = 40, k = (int) (frac * w + 0.5);
    char bar[64];
    if (k > w)
        k = w;
    for (i = 0; i < w; i++)
        bar[i] = i < k ? '#' : '.';
    bar[w] = '\0';
    fprintf(stderr, "\r%s [%s] %3d%%", pb->label, bar, (int) (100.0 * frac));
    fflush(stderr);
}

void sc_sim_progress_start(sc_sim_progress *pb, int on, double total, const char *label)
{
    pb->on = on;
    pb->total = total > 0 ? total : 1.0;
    pb->done = 0.0;
    pb->last = sc_clock_seconds();
    pb->label = label;
    if (on)
        draw(pb, 0.0);
}

void sc_sim_progress_add(sc_sim_progress *pb, double work)
{
    double now, done;
    if (!pb->on)
        return;
#pragma omp atomic
    pb->done += work;
    if (omp_get_thread_num() != 0)
        return;
    now = sc_clock_seconds();
    if (now - pb->last < 0.1)
        return;
    pb->last = now;
#pragma omp atomic read
    done = pb->done;
    draw(pb, done / pb->total > 1 ? 1.0 : done / pb->total);
}

void sc_sim_progress_end(sc_sim_progress *pb)
{
    if (!pb->on)
        return;
    draw(pb, 1.0);
    fputc('\n', stderr);
    fflush(stderr);
}

void sc_sim_acc_merge(sc_sim_acc *a, const sc_sim_acc *b)
{
    double n = a->n + b->n, d;
    if (b->n == 0)
        return;
    if (a->n == 0)
    {
        *a = *b;
        return;
    }
    d = b->mean - a->mean;
    a->mean += d * b->n / n;
    a->m2 += b->m2 + d * d * a->n * b->n / n;
    a->n = n;
}

sc_sim_est sc_sim_acc_est(const sc_sim_acc *a)
{
    sc_sim_est e;
    e.n = a->n;
    e.mean = a->mean;
    e.se = a->n > 1 ? sqrt(a->m2 / (a->n - 1) / a->n) : INFINITY;
    return e;
}

int sc_sim_threads(const sc_sim_params *P)
{
    openblas_set_num_threads(1);
    if (P->threads > 0)
        omp_set_num_threads(P->threads);
    return omp_get_max_threads();
}

void sc_sim_params_default(sc_sim_params *P)
{
    P->phi.kind = -1;
    P->phi.name = NULL;
    P->phi.ncoef = 0;
    P->phi.par = 0.0;
    P->d = 4;
    P->m = 256;
    P->sigma = 1.0;
    P->q = 1.0;
    P->s = 0.0;
    P->h = 0.01;
    P->gamma = 0.0;
    P->beta = 1.0;
    P->attention = SC_SIM_ATT_IDENTITY;
    P->qkv_norm = 1.0;
    P->projective = 0;
    P->seed = 1;
    P->threads = 0;
    P->progress = 0;
}

int sc_sim_check_params(const sc_sim_params *P)
{
    if (P->d < 2 || P->d > 100000)
        return sc_error(SC_ERR_INPUT, "dimension must lie in [2, 100000]");
    if (P->m < 1 || P->m > 10000000)
        return sc_error(SC_ERR_INPUT, "width must lie in [1, 10^7]");
    if (!(P->sigma > 0) || !isfinite(P->sigma))
        return sc_error(SC_ERR_INPUT, "sigma must be positive");
    if (!(P->q > 0) || !isfinite(P->q))
        return sc_error(SC_ERR_INPUT, "weight variance must be positive");
    if (!(P->s >= 0) || !isfinite(P->s))
        return sc_error(SC_ERR_INPUT, "bias variance must be non-negative");
    if (!(P->h > 0) || !isfinite(P->h))
        return sc_error(SC_ERR_INPUT, "step must be positive");
    if (!(P->gamma >= 0) || !isfinite(P->gamma) || !(P->beta >= 0) || !isfinite(P->beta))
        return sc_error(SC_ERR_INPUT, "gamma and beta must be non-negative");
    if (P->phi.name == NULL)
        return sc_error(SC_ERR_INPUT, "no activation");
    return SC_OK;
}

double sc_sim_opnorm(const double *A, long d)
{
    gsl_matrix *M = gsl_matrix_alloc(d, d), *V = gsl_matrix_alloc(d, d);
    gsl_vector *S = gsl_vector_alloc(d), *w = gsl_vector_alloc(d);
    double s;
    memcpy(M->data, A, d * d * sizeof(double));
    gsl_linalg_SV_decomp(M, V, S, w);
    s = gsl_vector_get(S, 0);
    gsl_matrix_free(M);
    gsl_matrix_free(V);
    gsl_vector_free(S);
    gsl_vector_free(w);
    return s;
}

double sc_sim_allowance_lyapunov(const sc_sim_params *P, double K1, double dK1)
{
    double M = K1 > dK1 ? K1 : dK1, s2 = P->sigma * P->sigma;
    return 2.0 * P->h * s2 * s2 * (P->d + 2) * M * M;
}

double sc_sim_allowance_b(const sc_sim_params *P, double K1)
{
    double s2 = P->sigma * P->sigma, e = (double) (P->d + 2);
    return 0.25 * P->h * s2 * s2 * e * e * K1 * K1;
}

double sc_sim_allowance_a(const sc_sim_params *P, double K1)
{
    double s2 = P->sigma * P->sigma;
    return 4.0 * P->h * s2 * s2 * (P->d + 2) * K1 * K1;
}

double sc_sim_allowance_rqf(const sc_sim_params *P)
{
    return 2.0 * P->h * P->sigma * P->sigma;
}

double sc_sim_allowance_pair(const sc_sim_params *P, double K1, double dK1)
{
    double M = K1 > dK1 ? K1 : dK1;
    return 0.5 * P->h * (P->sigma * P->sigma * (P->d + 2) * M + 4.0 * P->gamma);
}
