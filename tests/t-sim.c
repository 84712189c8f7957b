/* Tests of the simulator (src/sim/): statistical checks with fixed seeds and
   small configurations.
   - the double activations agree with the certified evaluators;
   - the 2 x 2 Wishart draw has the right mean;
   - the reduced pair sampler (projections + Bartlett) agrees in law with a
     direct full-matrix simulation of the same discrete network (no
     allowance: both are exact for the discrete model);
   - relu d = 4: empirical lambda within 5 standard errors + the documented
     step-size allowance of the certified lambda = -1/2;
   - tanh d = 5, rho = 0.3: moments within their standard errors (5 s.e.)
     + allowance of the certified b, a;
   - RQF: synchronised fraction within 4 binomial standard errors of
     1 - theta0/pi;
   - results do not depend on the thread count; bad input is rejected. */
#include <math.h>
#include <string.h>
#include <omp.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include "sc_test.h"
#include "synccert/sim.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "../src/sim/simint.h"     /* sc_sim_wishart2 */

#define M_PI_VAL 3.14159265358979323846

static void setup(sc_sim_params *P, sc_act_t act, const char *spec)
{
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    sc_sim_params_default(P);
    CU_ASSERT_FATAL(sc_simact_init(&P->phi, act) == SC_OK);
}

static double mid(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

/* ------------------------------------------------------------ activations */

static void test_simact_matches_certified(void)
{
    static const char *const specs[] = {
        "linear", "relu", "leaky_relu:alpha=0.1", "abs", "step", "sign", "erf:c=0.7", "tanh",
        "sigmoid", "gelu", "gelu_tanh", "silu:beta=1.5", "swish", "softplus:beta=2", "elu:alpha=0.5",
        "sin", "cos", "hermite:a0=0.3,a1=1,a2=-0.5,a3=0.25", "poly:c0=0.1,c1=1,c3=-1/6"
    };
    static const double xs[] = { -2.3, -0.7, 0.35, 1.1, 3.2 };
    size_t i, j;
    for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++)
    {
        sc_act_t act;
        sc_simact f;
        arb_ptr p;
        sc_act_init(act);
        CU_ASSERT_FATAL(sc_act_parse(act, specs[i]) == SC_OK);
        CU_ASSERT_FATAL(sc_simact_init(&f, act) == SC_OK);
        p = sc_act_params(act, 128);
        for (j = 0; j < sizeof(xs) / sizeof(xs[0]); j++)
        {
            arb_t x, y;
            double v = sc_simact_eval(&f, xs[j]), w, vv;
            arb_init(x);
            arb_init(y);
            arb_set_d(x, xs[j]);
            sc_act_eval_arb(y, act->def, x, 0, p, 128);
            w = mid(y);
            if (!(fabs(v - w) <= 1e-12 * (1 + fabs(w))))
                printf("\n  %s(%g): simulator %.17g, certified %.17g\n", specs[i], xs[j], v, w);
            CU_ASSERT(fabs(v - w) <= 1e-12 * (1 + fabs(w)));
            sc_simact_apply(&f, &vv, &xs[j], 1);
            CU_ASSERT(vv == v);
            arb_clear(x);
            arb_clear(y);
        }
        sc_act_params_clear(p, act);
        sc_act_clear(act);
    }
}

/* ---------------------------------------------------------- full matrices */

static double nrm(const double *x, long d)
{
    double s = 0;
    long i;
    for (i = 0; i < d; i++)
        s += x[i] * x[i];
    return sqrt(s);
}

static double dot(const double *x, const double *y, long d)
{
    double s = 0;
    long i;
    for (i = 0; i < d; i++)
        s += x[i] * y[i];
    return s;
}

static void random_unit(double *x, long d, gsl_rng *r)
{
    long i;
    double n;
    for (i = 0; i < d; i++)
        x[i] = gsl_ran_gaussian_ziggurat(r, 1.0);
    n = nrm(x, d);
    for (i = 0; i < d; i++)
        x[i] /= n;
}

/* one block of the full network on x and y, with W2 and -W2:
   xp[0], yp[0] (W2) and xp[1], yp[1] (-W2), unnormalised */
static void full_block(double **xp, double **yp, const double *x, const double *y,
                       const sc_sim_params *P, gsl_rng *r, double *W1, double *b1, double *W2,
                       double *f, double *g)
{
    long d = P->d, m = P->m, i, k;
    double c = P->sigma * sqrt(P->h);
    for (i = 0; i < m * d; i++)
        W1[i] = sqrt(P->q) * gsl_ran_gaussian_ziggurat(r, 1.0);
    for (k = 0; k < m; k++)
        b1[k] = sqrt(P->s) * gsl_ran_gaussian_ziggurat(r, 1.0);
    for (i = 0; i < d * m; i++)
        W2[i] = gsl_ran_gaussian_ziggurat(r, 1.0) / sqrt((double) m);
    for (k = 0; k < m; k++)
    {
        f[k] = sc_simact_eval(&P->phi, dot(W1 + k * d, x, d) + b1[k]);
        g[k] = sc_simact_eval(&P->phi, dot(W1 + k * d, y, d) + b1[k]);
    }
    for (i = 0; i < d; i++)
    {
        double xi = dot(W2 + i * m, f, m), eta = dot(W2 + i * m, g, m);
        xp[0][i] = x[i] + c * xi;
        yp[0][i] = y[i] + c * eta;
        xp[1][i] = x[i] - c * xi;
        yp[1][i] = y[i] - c * eta;
    }
}

typedef struct { double n, s, s2; } acc_t;
static void acc(acc_t *a, double x) { a->n++; a->s += x; a->s2 += x * x; }
static double amean(const acc_t *a) { return a->s / a->n; }
static double ase(const acc_t *a)
{
    double m = a->s / a->n;
    return sqrt((a->s2 / a->n - m * m) / (a->n - 1));
}

/* moments of rho from the full matrices (same estimator as sc_sim_moments) */
static void full_moments(sc_sim_est *b, sc_sim_est *a, const sc_sim_params *P, double rho, long n)
{
    long d = P->d, m = P->m, s;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    double *buf = malloc((2 * m * d + 3 * m + 8 * d) * sizeof(double));
    double *W1 = buf, *W2 = W1 + m * d, *b1 = W2 + m * d, *f = b1 + m, *g = f + m;
    double *x = g + m, *y = x + d, *t = y + d, *xp[2], *yp[2];
    acc_t ax = { 0, 0, 0 }, ay = { 0, 0, 0 };
    xp[0] = t + d; xp[1] = xp[0] + d; yp[0] = xp[1] + d; yp[1] = yp[0] + d;
    gsl_rng_set(r, 12345);
    for (s = 0; s < n; s++)
    {
        double dr[2], tx;
        long i, k;
        /* a pair at inner product rho in a random orientation */
        random_unit(x, d, r);
        random_unit(t, d, r);
        tx = dot(t, x, d);
        for (i = 0; i < d; i++)
            t[i] -= tx * x[i];
        tx = nrm(t, d);
        for (i = 0; i < d; i++)
            y[i] = rho * x[i] + sqrt(1 - rho * rho) * t[i] / tx;
        full_block(xp, yp, x, y, P, r, W1, b1, W2, f, g);
        for (k = 0; k < 2; k++)
            dr[k] = dot(xp[k], yp[k], d) / (nrm(xp[k], d) * nrm(yp[k], d)) - rho;
        acc(&ax, 0.5 * (dr[0] + dr[1]));
        acc(&ay, 0.5 * (dr[0] * dr[0] + dr[1] * dr[1]));
    }
    b->mean = amean(&ax) / P->h;
    b->se = ase(&ax) / P->h;
    a->mean = (amean(&ay) - amean(&ax) * amean(&ax)) / P->h;
    a->se = ase(&ay) / P->h;
    free(buf);
    gsl_rng_free(r);
}

/* Lyapunov exponent from the full matrices at separation delta */
static sc_sim_est full_lyapunov(const sc_sim_params *P, double delta, long n)
{
    long d = P->d, m = P->m, s;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    double *buf = malloc((2 * m * d + 3 * m + 8 * d) * sizeof(double));
    double *W1 = buf, *W2 = W1 + m * d, *b1 = W2 + m * d, *f = b1 + m, *g = f + m;
    double *x = g + m, *y = x + d, *t = y + d, *xp[2], *yp[2];
    acc_t al = { 0, 0, 0 };
    sc_sim_est e;
    xp[0] = t + d; xp[1] = xp[0] + d; yp[0] = xp[1] + d; yp[1] = yp[0] + d;
    gsl_rng_set(r, 54321);
    for (s = 0; s < n; s++)
    {
        double tx, d0, l = 0;
        long i, k;
        random_unit(x, d, r);
        random_unit(t, d, r);
        tx = dot(t, x, d);
        for (i = 0; i < d; i++)
            t[i] -= tx * x[i];
        tx = nrm(t, d);
        for (i = 0; i < d; i++)
            y[i] = x[i] + delta * t[i] / tx;
        tx = nrm(y, d);
        for (i = 0; i < d; i++)
            y[i] /= tx;
        for (i = 0, d0 = 0; i < d; i++)
            d0 += (x[i] - y[i]) * (x[i] - y[i]);
        full_block(xp, yp, x, y, P, r, W1, b1, W2, f, g);
        for (k = 0; k < 2; k++)
        {
            double nx = nrm(xp[k], d), ny = nrm(yp[k], d), dd = 0;
            for (i = 0; i < d; i++)
            {
                double z = xp[k][i] / nx - yp[k][i] / ny;
                dd += z * z;
            }
            l += 0.25 * log(dd / d0);
        }
        acc(&al, l);
    }
    e.mean = amean(&al) / P->h;
    e.se = ase(&al) / P->h;
    e.n = n;
    free(buf);
    gsl_rng_free(r);
    return e;
}

static int agree(sc_sim_est a, sc_sim_est b, double k, const char *what)
{
    double tol = k * sqrt(a.se * a.se + b.se * b.se);
    int ok = fabs(a.mean - b.mean) <= tol;
    if (!ok)
        printf("\n  %s: %.6g +/- %.2g vs %.6g +/- %.2g\n", what, a.mean, a.se, b.mean, b.se);
    return ok;
}

static void test_reduced_equals_full_moments(void)
{
    /* large step, small width: the discrete network, far from the limit */
    static const struct { const char *act; long d, m; double h, rho, s; } cfg[] = {
        { "tanh", 5, 16, 0.05, 0.3, 0.0 },
        { "relu", 3, 8, 0.05, -0.4, 0.5 },
        { "sigmoid", 2, 12, 0.08, 0.6, 0.0 },
    };
    size_t i;
    for (i = 0; i < sizeof(cfg) / sizeof(cfg[0]); i++)
    {
        sc_act_t act;
        sc_sim_params P;
        sc_sim_est b1, a1, b2, a2;
        setup(&P, act, cfg[i].act);
        P.d = cfg[i].d;
        P.m = cfg[i].m;
        P.h = cfg[i].h;
        P.s = cfg[i].s;
        P.seed = 3;
        CU_ASSERT(sc_sim_moments(&b1, &a1, &P, cfg[i].rho, 20000) == SC_OK);
        full_moments(&b2, &a2, &P, cfg[i].rho, 20000);
        CU_ASSERT(agree(b1, b2, 5, "b reduced vs full"));
        CU_ASSERT(agree(a1, a2, 5, "a reduced vs full"));
        sc_act_clear(act);
    }
}

static void test_reduced_equals_full_lyapunov(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_est l1, l2;
    setup(&P, act, "relu");
    P.d = 6;
    P.m = 12;
    P.h = 0.05;
    CU_ASSERT(sc_sim_lyapunov(&l1, &P, 100.0, 4, 1e-6) == SC_OK);    /* 8000 blocks */
    l2 = full_lyapunov(&P, 1e-6, 8000);
    CU_ASSERT(agree(l1, l2, 5, "lambda reduced vs full"));
    sc_act_clear(act);
}

/* ------------------------------------------------ against certified values */

static void test_lyapunov_relu_d4(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_est l;
    sc_lyap_result r;
    fmpz_t d;
    double lam, allow;
    setup(&P, act, "relu");
    P.d = 4;
    P.h = 0.01;
    P.seed = 2024;
    fmpz_init_set_ui(d, 4);
    sc_lyap_result_init(&r);
    CU_ASSERT_FATAL(sc_lyapunov_certify(&r, act, d, NULL, NULL, NULL, 10, 0) == SC_OK);
    SC_ASSERT_CONTAINS_STR(r.lambda, "-0.5");
    CU_ASSERT(sc_sim_lyapunov(&l, &P, 50.0, 4, 1e-6) == SC_OK);       /* 20000 blocks */
    lam = mid(r.lambda);
    allow = sc_sim_allowance_lyapunov(&P, mid(r.K1), mid(r.dK1));
    if (!(fabs(l.mean - lam) <= 5 * l.se + allow))
        printf("\n  relu d=4: lambda %.5f +/- %.5f, certified %.5f, allowance %.4f\n", l.mean, l.se, lam, allow);
    CU_ASSERT(fabs(l.mean - lam) <= 5 * l.se + allow);
    CU_ASSERT(l.se > 0 && l.se < 0.02);
    CU_ASSERT(allow > 0 && allow < 0.05);
    sc_lyap_result_clear(&r);
    fmpz_clear(d);
    sc_act_clear(act);
}

static void test_moments_tanh_d5(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_est b, a;
    sc_lyap_result r;
    fmpz_t d;
    fmpq_t rho;
    arb_t bc, ac;
    double ab, aa;
    setup(&P, act, "tanh");
    P.d = 5;
    P.h = 0.01;
    P.seed = 99;
    fmpz_init_set_ui(d, 5);
    fmpq_init(rho);
    fmpq_set_si(rho, 3, 10);
    arb_init(bc);
    arb_init(ac);
    sc_lyap_result_init(&r);
    CU_ASSERT_FATAL(sc_lyapunov_certify(&r, act, d, NULL, NULL, NULL, 10, 0) == SC_OK);
    CU_ASSERT_FATAL(sc_twopoint_certify(bc, ac, act, d, rho, NULL, NULL, NULL, 10, 0) == SC_OK);
    CU_ASSERT(sc_sim_moments(&b, &a, &P, 0.3, 20000) == SC_OK);
    ab = sc_sim_allowance_b(&P, mid(r.K1));
    aa = sc_sim_allowance_a(&P, mid(r.K1));
    if (!(fabs(b.mean - mid(bc)) <= 5 * b.se + ab) || !(fabs(a.mean - mid(ac)) <= 5 * a.se + aa))
        printf("\n  tanh d=5: b %.5f +/- %.5f vs %.5f (allow %.4f), a %.5f +/- %.5f vs %.5f (allow %.4f)\n",
               b.mean, b.se, mid(bc), ab, a.mean, a.se, mid(ac), aa);
    CU_ASSERT(fabs(b.mean - mid(bc)) <= 5 * b.se + ab);
    CU_ASSERT(fabs(a.mean - mid(ac)) <= 5 * a.se + aa);
    sc_lyap_result_clear(&r);
    arb_clear(bc);
    arb_clear(ac);
    fmpq_clear(rho);
    fmpz_clear(d);
    sc_act_clear(act);
}

static void test_rqf_hitting(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_rqf_result r;
    double p, f, se;
    setup(&P, act, "linear");
    P.d = 4;
    P.h = 0.02;
    P.seed = 7;
    CU_ASSERT(sc_sim_rqf(&r, &P, 0.5, 12.0, 2000) == SC_OK);
    CU_ASSERT(r.runs == 2000 && r.sync + r.anti <= r.runs);
    p = 1.0 - acos(0.5) / M_PI_VAL;
    f = (double) r.sync / r.runs;
    se = sqrt(p * (1 - p) / r.runs);
    if (!(fabs(f - p) <= 4 * se))
        printf("\n  rqf: fraction %.4f vs %.4f (se %.4f)\n", f, p, se);
    CU_ASSERT(fabs(f - p) <= 4 * se);
    CU_ASSERT(r.unsettled < r.runs / 20);
    /* started synchronised or antipodal it stays there */
    CU_ASSERT(sc_sim_rqf(&r, &P, 1.0, 1.0, 10) == SC_OK);
    CU_ASSERT(r.sync == 10);
    CU_ASSERT(sc_sim_rqf(&r, &P, -1.0, 1.0, 10) == SC_OK);
    CU_ASSERT(r.anti == 10);
    sc_act_clear(act);
}

/* --------------------------------------------------------------- others */

static void test_wishart_mean(void)
{
    /* E[S] = n C for S ~ W_2(n, C), C = L L^T */
    const double l11 = 1.3, l21 = -0.4, l22 = 0.7;
    const double C11 = l11 * l11, C12 = l11 * l21, C22 = l21 * l21 + l22 * l22;
    long ns[] = { 1, 2, 5 }, i, k;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    gsl_rng_set(r, 1);
    for (k = 0; k < 3; k++)
    {
        acc_t a11 = { 0, 0, 0 }, a12 = { 0, 0, 0 }, a22 = { 0, 0, 0 };
        long n = ns[k];
        for (i = 0; i < 40000; i++)
        {
            double S11, S12, S22;
            sc_sim_wishart2(&S11, &S12, &S22, r, n, l11, l21, l22);
            acc(&a11, S11);
            acc(&a12, S12);
            acc(&a22, S22);
        }
        CU_ASSERT(fabs(amean(&a11) - n * C11) <= 5 * ase(&a11));
        CU_ASSERT(fabs(amean(&a12) - n * C12) <= 5 * ase(&a12));
        CU_ASSERT(fabs(amean(&a22) - n * C22) <= 5 * ase(&a22));
        /* the variance of S11 is 2 n C11^2 */
        CU_ASSERT(fabs(ase(&a11) * ase(&a11) * a11.n - 2.0 * n * C11 * C11) <= 0.1 * 2.0 * n * C11 * C11);
    }
    gsl_rng_free(r);
}

static void test_thread_independence(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_est l1, l2, l3, b1, a1, b2, a2, E1[4], R1[4], E2[4], R2[4];
    double t1[4], t2[4];
    long np = 3;
    sc_sim_rqf_result q1, q2;
    setup(&P, act, "gelu");
    P.d = 6;
    P.m = 32;
    P.threads = 1;
    CU_ASSERT(sc_sim_lyapunov(&l1, &P, 2.0, 3, 1e-6) == SC_OK);
    CU_ASSERT(sc_sim_moments(&b1, &a1, &P, -0.2, 3000) == SC_OK);
    CU_ASSERT(sc_sim_rqf(&q1, &P, 0.1, 1.0, 50) == SC_OK);
    P.gamma = 0.5;
    CU_ASSERT(sc_sim_energy(E1, R1, t1, &P, 5, 0.5, 0.1, 3, &np) == SC_OK);
    P.gamma = 0;
    P.threads = 2;
    CU_ASSERT(sc_sim_lyapunov(&l2, &P, 2.0, 3, 1e-6) == SC_OK);
    CU_ASSERT(sc_sim_moments(&b2, &a2, &P, -0.2, 3000) == SC_OK);
    CU_ASSERT(sc_sim_rqf(&q2, &P, 0.1, 1.0, 50) == SC_OK);
    P.gamma = 0.5;
    CU_ASSERT(sc_sim_energy(E2, R2, t2, &P, 5, 0.5, 0.1, 3, &np) == SC_OK);
    CU_ASSERT(l1.mean == l2.mean && l1.se == l2.se);
    CU_ASSERT(b1.mean == b2.mean && a1.mean == a2.mean);
    CU_ASSERT(q1.sync == q2.sync && q1.anti == q2.anti);
    CU_ASSERT(np == 3);
    CU_ASSERT(memcmp(E1, E2, sizeof(E1)) == 0 && memcmp(R1, R2, sizeof(R1)) == 0);
    /* another seed gives another sample */
    P.seed = 2;
    CU_ASSERT(sc_sim_lyapunov(&l3, &P, 2.0, 3, 1e-6) == SC_OK);
    CU_ASSERT(l3.mean != l1.mean);
    sc_act_clear(act);
}

static void test_energy(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_est E[6], R[6];
    double t[6];
    long np = 5, k;
    setup(&P, act, "relu");
    P.d = 4;
    P.m = 32;
    P.h = 0.02;
    CU_ASSERT(sc_sim_energy(E, R, t, &P, 8, 2.0, 1.0, 4, &np) == SC_OK);
    CU_ASSERT(np == 5);
    CU_ASSERT(t[0] == 0.0 && fabs(t[5] - 1.0) < 1e-12);
    CU_ASSERT(R[0].mean == 1.0);
    /* E_2 = N^2 - |sum x_i|^2 <= N^2 = 64, and positive */
    for (k = 0; k <= np; k++)
        CU_ASSERT(E[k].mean > 0 && E[k].mean <= 64.0 + 1e-9 && isfinite(R[k].mean));
    /* relu synchronises: the energy decreases over depth on average */
    CU_ASSERT(R[5].mean < 1.0);
    /* random attention, with points capped at the number of blocks */
    P.gamma = 1.0;
    P.beta = 2.0;
    P.attention = SC_SIM_ATT_RANDOM;
    P.qkv_norm = 0.5;
    np = 5;
    CU_ASSERT(sc_sim_energy(E, R, t, &P, 6, 1.0, 0.06, 2, &np) == SC_OK);
    CU_ASSERT(np == 3);
    CU_ASSERT(isfinite(E[3].mean) && E[3].mean > 0);
    CU_ASSERT(sc_sim_attention_lipschitz(&P) > 0);
    P.attention = SC_SIM_ATT_IDENTITY;
    CU_ASSERT(sc_sim_attention_lipschitz(&P) == 4.0);
    sc_act_clear(act);
}

static void test_bad_input(void)
{
    sc_act_t act;
    sc_sim_params P;
    sc_sim_est e, f, E[2], R[2];
    double t[2];
    long np = 1;
    sc_sim_rqf_result q;
    setup(&P, act, "tanh");
    P.d = 1;
    CU_ASSERT(sc_sim_lyapunov(&e, &P, 1.0, 1, 1e-6) == SC_ERR_INPUT);
    P.d = 4;
    P.h = 0;
    CU_ASSERT(sc_sim_lyapunov(&e, &P, 1.0, 1, 1e-6) == SC_ERR_INPUT);
    P.h = NAN;
    CU_ASSERT(sc_sim_moments(&e, &f, &P, 0.1, 10) == SC_ERR_INPUT);
    P.h = 0.01;
    CU_ASSERT(sc_sim_lyapunov(&e, &P, 1.0, 0, 1e-6) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_lyapunov(&e, &P, 1.0, 1, 0.5) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_lyapunov(&e, &P, 0.001, 1, 1e-6) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_moments(&e, &f, &P, 1.0, 10) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_moments(&e, &f, &P, 0.1, 1) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_energy(E, R, t, &P, 1, 1.0, 1.0, 1, &np) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_energy(E, R, t, &P, 4, 3.0, 1.0, 1, &np) == SC_ERR_INPUT);
    CU_ASSERT(sc_sim_rqf(&q, &P, 1.5, 1.0, 1) == SC_ERR_INPUT);
    P.sigma = -1;
    CU_ASSERT(sc_sim_rqf(&q, &P, 0.5, 1.0, 1) == SC_ERR_INPUT);
    sc_act_clear(act);
}

SC_TEST_MAIN("sim",
    SC_TEST(test_simact_matches_certified),
    SC_TEST(test_wishart_mean),
    SC_TEST(test_reduced_equals_full_moments),
    SC_TEST(test_reduced_equals_full_lyapunov),
    SC_TEST(test_lyapunov_relu_d4),
    SC_TEST(test_moments_tanh_d5),
    SC_TEST(test_rqf_hitting),
    SC_TEST(test_thread_independence),
    SC_TEST(test_energy),
    SC_TEST(test_bad_input))
