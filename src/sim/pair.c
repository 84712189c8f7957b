/* Pair simulators (statistical, not certified): the two-point Lyapunov
   exponent, the one-step moments of rho, and the RQF pair.

   Why sampling only projections is exact in distribution (see also
   include/synccert/sim.h).  One block maps x to normalise(x + c W2 phi(W1 x + b1)),
   c = sigma sqrt(h), with W1, b1, W2 independent with iid centred Gaussian
   entries.  For any rotation O, (W1 O^T, b1, O W2) has the same law as
   (W1, b1, W2), so the law of the pair (x', y') given (x, y) is equivariant:
   (Ox, Oy) -> (Ox', Oy') in law.  Hence we may put x = e1, y = y1 e1 + y2 e2.
   1. Hidden layer: row k of W1 enters only through (w_k.e1, w_k.e2), two
      iid N(0, q) variables; so u_k = w_k.x + b_k and v_k = w_k.y + b_k are
      sampled from three standard normals per unit, exactly.
   2. Output layer: given the hidden activations f = phi(u), f' = phi(v),
      coordinate a of (W2 f, W2 f') is (r_a.f, r_a.f') with r_a ~ N(0, I_m/m)
      iid over a, i.e. iid bivariate N(0, C), C = Gram(f, f')/m.  The
      renormalised pair depends on the coordinates a >= 3 only through the
      sums S = sum_{a>=3} (xi_a, eta_a)^T (xi_a, eta_a), a Wishart W_2(d-2, C)
      matrix, drawn exactly by Bartlett's decomposition.
   3. The new inner product (or distance) is a function of the coordinates
      1, 2 and of S only; by step 0 we then rotate the pair back to the
      canonical position.  So every block costs O(m) (the hidden layer), not
      O(m d) as with full matrices; the chain of inner products has exactly
      the law of the full network's.
   The tests compare this sampler with a direct full-matrix simulation. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <omp.h>
#include "simint.h"

/* hidden layer of a pair: u = sq g1 + ss g0, v = sq (y1 g1 + y2 g2) + ss g0
   (dv: v is given as u + sq (y1 g1 + y2 g2), for nearby pairs). */
static void hidden_pair(double *u, double *v, gsl_rng *r, long m, double sq, double ss,
                        double y1, double y2, int diff)
{
    long k;
    for (k = 0; k < m; k++)
    {
        double g1 = sc_sim_normal(r), g2 = sc_sim_normal(r);
        double b = ss > 0 ? ss * sc_sim_normal(r) : 0.0;
        if (diff)
        {
            u[k] = sq * g1 + b;
            v[k] = u[k] + sq * (y1 * g1 + y2 * g2);
        }
        else
        {
            u[k] = sq * g1 + b;
            v[k] = sq * (y1 * g1 + y2 * g2) + b;
        }
    }
}

/* One block of a nearby pair at separation delta (x = e1, y = x + D), with
   the antithetic pair of networks (W1, b1, W2) and (W1, b1, -W2) (same law):
   returns the mean of their log(|x' - y'| / delta).  The first-order noise
   term, odd in W2, cancels, so the variance per block drops from O(h) to
   O(h^2) while the mean is unchanged.  The difference y - x is carried
   explicitly, so nothing cancels numerically. */
static double lyap_block(const sc_sim_params *P, gsl_rng *r, double *u, double *v,
                         double D1, double D2, double logdelta)
{
    long k, m = P->m;
    double G11 = 0, G12 = 0, G22 = 0, l11, l21, l22, z1, z2, z3, z4;
    double x1, x2, e1, e2, f1, f2, S11, S12, S22, c, a1, a2, aa, ae, ee, bb, na, nb, t, dist2;
    double res = 0.0;
    int sgn;

    hidden_pair(u, v, r, m, sqrt(P->q), sqrt(P->s), D1, D2, 1);
    sc_simact_apply(&P->phi, u, u, m);
    sc_simact_apply(&P->phi, v, v, m);
    for (k = 0; k < m; k++)
    {
        double f = u[k], df = v[k] - u[k];
        G11 += f * f;
        G12 += f * df;
        G22 += df * df;
    }
    sc_sim_chol2(&l11, &l21, &l22, G11 / m, G12 / m, G22 / m);
    z1 = sc_sim_normal(r); z2 = sc_sim_normal(r);
    z3 = sc_sim_normal(r); z4 = sc_sim_normal(r);
    x1 = l11 * z1; e1 = l21 * z1 + l22 * z2;     /* (xi_1, Delta xi_1) */
    x2 = l11 * z3; e2 = l21 * z3 + l22 * z4;     /* (xi_2, Delta xi_2) */
    sc_sim_wishart2(&S11, &S12, &S22, r, P->d - 2, l11, l21, l22);
    c = P->sigma * sqrt(P->h);
    for (sgn = 1; sgn >= -1; sgn -= 2)
    {
        double sc = sgn * c;
        a1 = 1.0 + sc * x1;
        a2 = sc * x2;
        f1 = D1 + sc * e1;
        f2 = D2 + sc * e2;
        aa = a1 * a1 + a2 * a2 + c * c * S11;         /* |a|^2, a = x + c xi */
        ae = a1 * f1 + a2 * f2 + c * c * S12;         /* a.Delta, Delta = b - a */
        ee = f1 * f1 + f2 * f2 + c * c * S22;         /* |Delta|^2 */
        bb = aa + 2.0 * ae + ee;
        na = sqrt(aa);
        nb = sqrt(bb);
        /* x' - y' = a/|a| - b/|b| = t a - Delta/|b|,  t = 1/|a| - 1/|b| */
        t = (2.0 * ae + ee) / (na * nb * (na + nb));
        dist2 = t * t * aa - 2.0 * (t / nb) * ae + ee / bb;
        res += 0.25 * log(dist2);
    }
    return res - logdelta;
}

int sc_sim_lyapunov(sc_sim_est *lambda, const sc_sim_params *P, double T, long runs,
                    double delta)
{
    long nblocks, run;
    sc_sim_acc *acc, tot = { 0, 0, 0 };
    sc_sim_progress pb;
    double D1, D2, logdelta;
    int st;

    if ((st = sc_sim_check_params(P)) != SC_OK)
        return st;
    if (!(delta > 0 && delta <= 0.1))
        return sc_error(SC_ERR_INPUT, "pair separation delta must lie in (0, 0.1]");
    if (runs < 1 || runs > 10000000)
        return sc_error(SC_ERR_INPUT, "runs must lie in [1, 10^7]");
    nblocks = (long) floor(T / P->h + 0.5);
    if (!(T > 0) || nblocks < 1 || (double) nblocks * runs > 1e12)
        return sc_error(SC_ERR_INPUT, "time T must give between 1 and 10^12 blocks in all (T/h = %g)", T / P->h);
    /* y = x + D on the sphere with |D| = delta */
    D1 = -0.5 * delta * delta;
    D2 = delta * sqrt(1.0 - 0.25 * delta * delta);
    logdelta = log(delta);
    acc = sc_sim_calloc(runs, sizeof(sc_sim_acc));
    sc_sim_threads(P);
    sc_sim_progress_start(&pb, P->progress, (double) nblocks * runs, "simulate lyapunov");
#pragma omp parallel
    {
        double *u = sc_sim_malloc(2 * P->m * sizeof(double)), *v = u + P->m;
#pragma omp for schedule(dynamic, 1)
        for (run = 0; run < runs; run++)
        {
            gsl_rng *r = sc_sim_rng(P->seed, (unsigned long) run);
            long b, done = 0;
            sc_sim_acc a = { 0, 0, 0 };
            for (b = 0; b < nblocks; b++)
            {
                sc_sim_acc_add(&a, lyap_block(P, r, u, v, D1, D2, logdelta));
                if (++done == 256)
                {
                    sc_sim_progress_add(&pb, (double) done);
                    done = 0;
                }
            }
            sc_sim_progress_add(&pb, (double) done);
            acc[run] = a;
            gsl_rng_free(r);
        }
        free(u);
    }
    sc_sim_progress_end(&pb);
    for (run = 0; run < runs; run++)
        sc_sim_acc_merge(&tot, acc + run);
    free(acc);
    *lambda = sc_sim_acc_est(&tot);
    lambda->mean /= P->h;
    lambda->se /= P->h;
    return SC_OK;
}

void _sc_sim_pair_noise(sc_sim_pair_noise_t *z, const sc_sim_params *P, gsl_rng *r, double *u, double *v,
                        double rho, double sr)
{
    long k, m = P->m;
    double G11 = 0, G12 = 0, G22 = 0, l11, l21, l22, z1, z2, z3, z4;

    hidden_pair(u, v, r, m, sqrt(P->q), sqrt(P->s), rho, sr, 0);
    sc_simact_apply(&P->phi, u, u, m);
    sc_simact_apply(&P->phi, v, v, m);
    for (k = 0; k < m; k++)
    {
        G11 += u[k] * u[k];
        G12 += u[k] * v[k];
        G22 += v[k] * v[k];
    }
    sc_sim_chol2(&l11, &l21, &l22, G11 / m, G12 / m, G22 / m);
    z1 = sc_sim_normal(r); z2 = sc_sim_normal(r);
    z3 = sc_sim_normal(r); z4 = sc_sim_normal(r);
    z->x1 = l11 * z1; z->y1 = l21 * z1 + l22 * z2;
    z->x2 = l11 * z3; z->y2 = l21 * z3 + l22 * z4;
    sc_sim_wishart2(&z->S11, &z->S12, &z->S22, r, P->d - 2, l11, l21, l22);
}

/* One block from x = e1, y = rho e1 + sr e2 with weights W2 and -W2:
   dplus, dminus = rho' - rho. */
static void moments_block(const sc_sim_params *P, gsl_rng *r, double *u, double *v,
                          double rho, double sr, double *dplus, double *dminus)
{
    sc_sim_pair_noise_t z;
    double c, cc;
    int sgn;

    _sc_sim_pair_noise(&z, P, r, u, v, rho, sr);
    c = P->sigma * sqrt(P->h);
    cc = c * c;
    for (sgn = 1; sgn >= -1; sgn -= 2)
    {
        double a1 = 1.0 + sgn * c * z.x1, a2 = sgn * c * z.x2;
        double b1 = rho + sgn * c * z.y1, b2 = sr + sgn * c * z.y2;
        double aa = a1 * a1 + a2 * a2 + cc * z.S11;
        double bb = b1 * b1 + b2 * b2 + cc * z.S22;
        double ab = a1 * b1 + a2 * b2 + cc * z.S12;
        double rn = ab / sqrt(aa * bb);
        if (rn > 1)
            rn = 1;
        if (rn < -1)
            rn = -1;
        if (sgn > 0)
            *dplus = rn - rho;
        else
            *dminus = rn - rho;
    }
}

#define SC_SIM_CHUNK 1024

int sc_sim_moments(sc_sim_est *b, sc_sim_est *a, const sc_sim_params *P, double rho0,
                   long samples)
{
    long nchunks, ch;
    sc_sim_acc *accx, *accy, totx = { 0, 0, 0 }, toty = { 0, 0, 0 };
    sc_sim_progress pb;
    double sr, h = P->h;
    int st;

    if ((st = sc_sim_check_params(P)) != SC_OK)
        return st;
    if (!(rho0 > -1 && rho0 < 1))
        return sc_error(SC_ERR_INPUT, "rho must lie in (-1, 1)");
    if (samples < 2 || samples > 1000000000L)
        return sc_error(SC_ERR_INPUT, "number of samples must lie in [2, 10^9]");
    sr = sqrt((1.0 - rho0) * (1.0 + rho0));
    nchunks = (samples + SC_SIM_CHUNK - 1) / SC_SIM_CHUNK;
    accx = sc_sim_calloc(nchunks, sizeof(sc_sim_acc));
    accy = sc_sim_calloc(nchunks, sizeof(sc_sim_acc));
    sc_sim_threads(P);
    sc_sim_progress_start(&pb, P->progress, (double) samples, "simulate moments");
#pragma omp parallel
    {
        double *u = sc_sim_malloc(2 * P->m * sizeof(double)), *v = u + P->m;
#pragma omp for schedule(dynamic, 1)
        for (ch = 0; ch < nchunks; ch++)
        {
            gsl_rng *r = sc_sim_rng(P->seed, (unsigned long) ch);
            long i, n = ch == nchunks - 1 ? samples - ch * SC_SIM_CHUNK : SC_SIM_CHUNK;
            sc_sim_acc ax = { 0, 0, 0 }, ay = { 0, 0, 0 };
            for (i = 0; i < n; i++)
            {
                double dp, dm;
                moments_block(P, r, u, v, rho0, sr, &dp, &dm);
                sc_sim_acc_add(&ax, 0.5 * (dp + dm));
                sc_sim_acc_add(&ay, 0.5 * (dp * dp + dm * dm));
            }
            accx[ch] = ax;
            accy[ch] = ay;
            gsl_rng_free(r);
            sc_sim_progress_add(&pb, (double) n);
        }
        free(u);
    }
    sc_sim_progress_end(&pb);
    for (ch = 0; ch < nchunks; ch++)
    {
        sc_sim_acc_merge(&totx, accx + ch);
        sc_sim_acc_merge(&toty, accy + ch);
    }
    free(accx);
    free(accy);
    *b = sc_sim_acc_est(&totx);
    *a = sc_sim_acc_est(&toty);
    /* Var = E[d^2] - E[d]^2; the second term is O(h^2), its error O(h^2 se) */
    a->mean = (a->mean - b->mean * b->mean) / h;
    a->se /= h;
    b->mean /= h;
    b->se /= h;
    return SC_OK;
}

/* One RQF step from x = e1, y = rho e1 + sr e2: returns rho'. */
static double rqf_step(gsl_rng *r, long n, double c, double rho)
{
    const double is2 = SC_SQRT1_2;
    double sr = sqrt(fmax(0.0, (1.0 - rho) * (1.0 + rho)));
    double G11 = sc_sim_normal(r), G22 = sc_sim_normal(r), G12 = is2 * sc_sim_normal(r);
    double T11, T12, T22, S11, S12, S22, a1, a2, b1, b2, aa, bb, ab, rn;
    /* columns (G_a1, G_a2), a >= 3: iid N(0, I/2) */
    sc_sim_wishart2(&T11, &T12, &T22, r, n - 2, is2, 0.0, is2);
    S11 = T11;
    S12 = rho * T11 + sr * T12;
    S22 = rho * rho * T11 + 2.0 * rho * sr * T12 + sr * sr * T22;
    /* a = x - c G x, b = y - c G y */
    a1 = 1.0 - c * G11;
    a2 = -c * G12;
    b1 = rho - c * (rho * G11 + sr * G12);
    b2 = sr - c * (rho * G12 + sr * G22);
    aa = a1 * a1 + a2 * a2 + c * c * S11;
    bb = b1 * b1 + b2 * b2 + c * c * S22;
    ab = a1 * b1 + a2 * b2 + c * c * S12;
    rn = ab / sqrt(aa * bb);
    return rn > 1 ? 1.0 : (rn < -1 ? -1.0 : rn);
}

int _sc_sim_absorb(sc_sim_rqf_result *res, const sc_sim_params *P, double rho0, long nsteps, long runs,
                   double stop, long nwork, sc_sim_absorb_step step, const char *label)
{
    long run;
    signed char *out = sc_sim_calloc(runs, 1);
    sc_sim_progress pb;

    sc_sim_threads(P);
    sc_sim_progress_start(&pb, P->progress, (double) runs, label);
#pragma omp parallel
    {
        double *work = sc_sim_malloc(FLINT_MAX(nwork, 1) * sizeof(double));
#pragma omp for schedule(dynamic, 4)
        for (run = 0; run < runs; run++)
        {
            gsl_rng *r = sc_sim_rng(P->seed, (unsigned long) run);
            double rho = rho0;
            long k;
            for (k = 0; k < nsteps && 1.0 - fabs(rho) >= stop; k++)
                rho = step(P, r, work, rho);
            out[run] = (signed char) ((rho > 0 ? 1 : (rho < 0 ? -1 : 0)) * (fabs(rho) < 0.99 ? 2 : 1));
            gsl_rng_free(r);
            sc_sim_progress_add(&pb, 1.0);
        }
        free(work);
    }
    sc_sim_progress_end(&pb);
    res->runs = runs;
    res->sync = res->anti = res->unsettled = 0;
    for (run = 0; run < runs; run++)
    {
        if (out[run] > 0)
            res->sync++;
        else if (out[run] < 0)
            res->anti++;
        if (abs(out[run]) != 1)
            res->unsettled++;
    }
    free(out);
    return SC_OK;
}

static double rqf_absorb_step(const sc_sim_params *P, gsl_rng *r, double *work, double rho)
{
    return rqf_step(r, P->d, P->sigma * sqrt(P->h), rho);
}

int sc_sim_rqf(sc_sim_rqf_result *res, const sc_sim_params *P, double rho0, double T, long runs)
{
    long nsteps;

    if (P->d < 2 || P->d > 100000)
        return sc_error(SC_ERR_INPUT, "dimension must lie in [2, 100000]");
    if (!(P->sigma > 0) || !isfinite(P->sigma) || !(P->h > 0) || !isfinite(P->h))
        return sc_error(SC_ERR_INPUT, "sigma and the step must be positive");
    if (!(rho0 >= -1 && rho0 <= 1))
        return sc_error(SC_ERR_INPUT, "rho must lie in [-1, 1]");
    if (runs < 1 || runs > 100000000)
        return sc_error(SC_ERR_INPUT, "runs must lie in [1, 10^8]");
    nsteps = (long) floor(T / P->h + 0.5);
    if (!(T > 0) || nsteps < 1 || (double) nsteps * runs > 1e12)
        return sc_error(SC_ERR_INPUT, "time T must give between 1 and 10^12 steps in all (T/h = %g)", T / P->h);
    return _sc_sim_absorb(res, P, rho0, nsteps, runs, 1e-12, 0, rqf_absorb_step, "simulate rqf");
}
