/* N-token simulator (statistical, not certified): the full block update of
   doc/model.md section 1 on the N x d token matrix X (row i = token i),

     U  = X W1^T + 1 b1^T            (dgemm, N x m)
     Xi = phi(U) W2^T                (dgemm, N x d)
     G  = P_x softmax(beta X Q^T K X^T) X V^T   (attention, when gamma > 0)
     X <- rows of X + sigma sqrt(h) Xi + h gamma G, each renormalised,

   with fresh W1 (entries N(0, q)), b1 (N(0, s)), W2 (N(0, 1/m)) every block,
   shared by all tokens.  Q, K, V are the identity (scores beta <x_i, x_j>) or
   random Gaussian matrices fixed for the whole simulation, each scaled to
   operator norm qkv_norm. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <omp.h>
#include <cblas.h>
#include "simint.h"

/* Q, K, V (d x d each, row-major) for random attention, scaled to norm r.
   Drawn from a stream of their own, so they do not depend on the run. */
static void random_qkv(double *Q, double *K, double *V, const sc_sim_params *P)
{
    long d = P->d, i, j;
    double *mats[3] = { Q, K, V };
    gsl_rng *r = sc_sim_rng(P->seed, 0xA77E0000UL);
    for (j = 0; j < 3; j++)
    {
        double nrm;
        for (i = 0; i < d * d; i++)
            mats[j][i] = sc_sim_normal(r);
        nrm = sc_sim_opnorm(mats[j], d);
        for (i = 0; i < d * d; i++)
            mats[j][i] *= P->qkv_norm / nrm;
    }
    gsl_rng_free(r);
}

double sc_sim_attention_lipschitz(const sc_sim_params *P)
{
    long d = P->d;
    double *Q, *K, *V, *M, nv, nm;
    if (P->attention == SC_SIM_ATT_IDENTITY)
        return 2.0 + P->beta;
    if (d > 2000)
        return NAN;
    Q = sc_sim_malloc(4 * d * d * sizeof(double));
    K = Q + d * d;
    V = K + d * d;
    M = V + d * d;
    random_qkv(Q, K, V, P);
    /* M = Q^T K */
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, d, d, d, 1.0, Q, d, K, d, 0.0, M, d);
    nv = sc_sim_opnorm(V, d);
    nm = sc_sim_opnorm(M, d);
    free(Q);
    return nv * (2.0 + P->beta * nm);
}

/* E_p = sum_{i<j} |x_i - x_j|^p, differences taken directly (no cancellation);
   projective: sum_{i<j} (1 - rho_ij^2)^{p/2} with 1 - rho^2 = |x - y|^2 |x + y|^2 / 4
   (no cancellation near rho = +-1 either) */
static double energy(const double *X, long N, long d, double p, int projective)
{
    long i, j, k;
    double E = 0.0;
    for (i = 0; i < N; i++)
        for (j = i + 1; j < N; j++)
        {
            const double *a = X + i * d, *b = X + j * d;
            double s = 0.0, sp = 0.0;
            for (k = 0; k < d; k++)
            {
                double t = a[k] - b[k];
                s += t * t;
                if (projective)
                {
                    t = a[k] + b[k];
                    sp += t * t;
                }
            }
            if (projective)
                s *= 0.25 * sp;
            E += p == 2.0 ? s : (p == 1.0 ? sqrt(s) : pow(s, 0.5 * p));
        }
    return E;
}

typedef struct
{
    double *X, *W1, *b1, *W2T, *U;        /* model */
    double *S, *XQ, *XK, *XV, *Att;       /* attention */
}
tok_work;

static void attention(tok_work *w, long N, long d, const sc_sim_params *P,
                      const double *Q, const double *K, const double *V)
{
    long i, j;
    const double *XQ = w->X, *XK = w->X, *XV = w->X;
    if (P->attention == SC_SIM_ATT_RANDOM)
    {
        /* rows Q x_i, K x_j, V x_j */
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, d, d, 1.0, w->X, d, Q, d, 0.0, w->XQ, d);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, d, d, 1.0, w->X, d, K, d, 0.0, w->XK, d);
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, d, d, 1.0, w->X, d, V, d, 0.0, w->XV, d);
        XQ = w->XQ;
        XK = w->XK;
        XV = w->XV;
    }
    /* scores S_ij = beta <Q x_i, K x_j>, then row-wise softmax */
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, N, d, P->beta, XQ, d, XK, d, 0.0, w->S, N);
    for (i = 0; i < N; i++)
    {
        double *s = w->S + i * N, mx = s[0], tot = 0.0;
        for (j = 1; j < N; j++)
            if (s[j] > mx)
                mx = s[j];
        for (j = 0; j < N; j++)
        {
            s[j] = exp(s[j] - mx);
            tot += s[j];
        }
        for (j = 0; j < N; j++)
            s[j] /= tot;
    }
    /* Att = softmax(S) (V X) */
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, N, d, N, 1.0, w->S, N, XV, d, 0.0, w->Att, d);
    /* project onto the tangent space at x_i */
    for (i = 0; i < N; i++)
    {
        double *g = w->Att + i * d;
        const double *x = w->X + i * d;
        double t = cblas_ddot(d, g, 1, x, 1);
        cblas_daxpy(d, -t, x, 1, g, 1);
    }
}

static void block(tok_work *w, gsl_rng *r, long N, const sc_sim_params *P,
                  const double *Q, const double *K, const double *V)
{
    long d = P->d, m = P->m, i, k;
    double c = P->sigma * sqrt(P->h), sq = sqrt(P->q), ss = sqrt(P->s);
    int att = P->gamma > 0;

    if (att)    /* attention at the old positions */
        attention(w, N, d, P, Q, K, V);
    for (i = 0; i < m * d; i++)
        w->W1[i] = sc_sim_normal(r);
    for (i = 0; i < m * d; i++)
        w->W2T[i] = sc_sim_normal(r);
    for (k = 0; k < m; k++)
        w->b1[k] = ss > 0 ? ss * sc_sim_normal(r) : 0.0;
    /* U = sqrt(q) X W1^T + b1 */
    for (i = 0; i < N; i++)
        memcpy(w->U + i * m, w->b1, m * sizeof(double));
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, m, d, sq, w->X, d, w->W1, d, 1.0, w->U, m);
    sc_simact_apply(&P->phi, w->U, w->U, N * m);
    /* X += c * phi(U) W2^T / sqrt(m)  (W2T is m x d with N(0,1) entries) */
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, N, d, m, c / sqrt((double) m), w->U, m,
                w->W2T, d, 1.0, w->X, d);
    if (att)
        cblas_daxpy(N * d, P->h * P->gamma, w->Att, 1, w->X, 1);
    for (i = 0; i < N; i++)
    {
        double *x = w->X + i * d, n = cblas_dnrm2(d, x, 1);
        cblas_dscal(d, 1.0 / n, x, 1);
    }
}

int sc_sim_energy(sc_sim_est *Ep, sc_sim_est *ratio, double *tpts, const sc_sim_params *P,
                  long N, double p, double T, long runs, long *npts_io)
{
    long nblocks, run, k, d = P->d, m = P->m, npts = *npts_io;
    double *E, *QKV = NULL;
    sc_sim_progress pb;
    int st;

    if ((st = sc_sim_check_params(P)) != SC_OK)
        return st;
    if (N < 2 || N > 100000)
        return sc_error(SC_ERR_INPUT, "number of tokens must lie in [2, 100000]");
    if (!(p > 0 && p <= 2))
        return sc_error(SC_ERR_INPUT, "energy order p must lie in (0, 2]");
    if (runs < 1 || npts < 1 || npts > 100000 || (double) runs * (npts + 1) > 1e7)
        return sc_error(SC_ERR_INPUT, "runs and points must be positive, with runs x (points + 1) <= 10^7");
    if ((double) N * d + 2.0 * m * d + m + (double) N * m
        + (P->gamma > 0 ? (double) N * N + 4.0 * N * d : 0.0) > 1.25e8
        || (P->gamma > 0 && P->attention == SC_SIM_ATT_RANDOM && d > 2000))
        return sc_error(SC_ERR_INPUT, "problem too large: N d + 2 m d + N m (+ N^2 with attention) must stay "
                        "below 1.25e8 doubles per thread, d <= 2000 with random attention");
    nblocks = (long) floor(T / P->h + 0.5);
    if (!(T > 0) || nblocks < 1 || (double) nblocks * runs * N > 1e13)
        return sc_error(SC_ERR_INPUT, "time T must give at least 1 block and not absurdly many (T/h = %g)", T / P->h);
    if (npts > nblocks)
        npts = nblocks;
    *npts_io = npts;
    E = sc_sim_calloc(runs * (npts + 1), sizeof(double));
    if (P->gamma > 0 && P->attention == SC_SIM_ATT_RANDOM)
    {
        QKV = sc_sim_malloc(3 * d * d * sizeof(double));
        random_qkv(QKV, QKV + d * d, QKV + 2 * d * d, P);
    }
    for (k = 0; k <= npts; k++)
        tpts[k] = (double) (k * nblocks / npts) * P->h;
    sc_sim_threads(P);
    sc_sim_progress_start(&pb, P->progress, (double) nblocks * runs, "simulate energy");
#pragma omp parallel
    {
        tok_work w = { 0 };
        size_t tot = N * d + 2 * m * d + m + N * m
                     + (P->gamma > 0 ? N * N + 4 * N * d : 0);
        double *buf = sc_sim_malloc(tot * sizeof(double)), *q = buf;
        w.X = q; q += N * d;
        w.W1 = q; q += m * d;
        w.W2T = q; q += m * d;
        w.b1 = q; q += m;
        w.U = q; q += N * m;
        if (P->gamma > 0)
        {
            w.S = q; q += N * N;
            w.XQ = q; q += N * d;
            w.XK = q; q += N * d;
            w.XV = q; q += N * d;
            w.Att = q; q += N * d;
        }
#pragma omp for schedule(dynamic, 1)
        for (run = 0; run < runs; run++)
        {
            gsl_rng *r = sc_sim_rng(P->seed, (unsigned long) run);
            long i, b = 0, kk;
            /* iid uniform tokens on the sphere */
            for (i = 0; i < N; i++)
            {
                double *x = w.X + i * d;
                long a;
                for (a = 0; a < d; a++)
                    x[a] = sc_sim_normal(r);
                cblas_dscal(d, 1.0 / cblas_dnrm2(d, x, 1), x, 1);
            }
            E[run * (npts + 1)] = energy(w.X, N, d, p, P->projective);
            for (kk = 1; kk <= npts; kk++)
            {
                long stop = kk * nblocks / npts;
                for (; b < stop; b++)
                {
                    block(&w, r, N, P, QKV, QKV ? QKV + d * d : NULL, QKV ? QKV + 2 * d * d : NULL);
                    sc_sim_progress_add(&pb, 1.0);
                }
                E[run * (npts + 1) + kk] = energy(w.X, N, d, p, P->projective);
            }
            gsl_rng_free(r);
        }
        free(buf);
    }
    sc_sim_progress_end(&pb);
    for (k = 0; k <= npts; k++)
    {
        sc_sim_acc ae = { 0, 0, 0 }, ar = { 0, 0, 0 };
        for (run = 0; run < runs; run++)
        {
            double e0 = E[run * (npts + 1)], e = E[run * (npts + 1) + k];
            sc_sim_acc_add(&ae, e);
            sc_sim_acc_add(&ar, e0 > 0 ? e / e0 : 0.0);
        }
        Ep[k] = sc_sim_acc_est(&ae);
        ratio[k] = sc_sim_acc_est(&ar);
    }
    free(E);
    free(QKV);
    return SC_OK;
}
