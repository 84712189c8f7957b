/* `synccert simulate`: Monte Carlo simulation of the discrete transformer of
   MODEL.md section 1, reported next to the certified continuous-time values.
   The simulated numbers are STATISTICAL (estimates with standard errors),
   not certified; the certified numbers beside them are enclosures as
   everywhere else.  The simulator itself is src/sim/ (include/synccert/sim.h). */
#include <math.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <omp.h>
#include <flint/fmpz.h>
#include "cli.h"
#include "synccert/parse.h"
#include "synccert/act.h"
#include "synccert/sim.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/coercivity.h"
#include "synccert/kfun.h"
#include "synccert/rqf.h"
#include "synccert/print.h"

#define CMD "simulate"

static const char help[] =
"usage: synccert simulate ACT --dim D [--measure lyapunov|moments|energy|rqf]\n"
"                         [--width M] [--step h] [--time T] [--runs R] [--seed S]\n"
"                         [--sigma S] [--weight-var Q] [--bias-var S0]\n"
"                         [--rho R] [--delta E]                    (pair measures)\n"
"                         [--tokens N] [--p P] [--points K]        (energy)\n"
"                         [--gamma G] [--beta B] [--attention identity|random]\n"
"                         [--qkv-norm R]                           (energy)\n"
"                         [--threads T] [--progress | --quiet] [--json]\n"
"\n"
"Simulates the discrete deep transformer of MODEL.md section 1,\n"
"\n"
"    x <- normalise( x + sigma sqrt(h) W2 phi(W1 x + b1) + h gamma ATT(x) ),\n"
"\n"
"with fresh Gaussian weights in every block (W1 entries N(0, q), b1 N(0, s),\n"
"W2 N(0, 1/m), m = width), shared by all tokens, and prints the estimates next\n"
"to the certified continuous-time (h -> 0) values.\n"
"\n"
"THE SIMULATED NUMBERS ARE STATISTICAL, NOT CERTIFIED: Monte Carlo estimates in\n"
"double precision, printed as mean +/- one standard error.  They also carry the\n"
"effects the theory leaves out: the finite depth step h (a bias of order h) and\n"
"the finite width m (which enters only at order h as well).  Only the values\n"
"marked 'certified' are enclosures (see 'synccert help output').\n"
"\n"
"Measures (--measure, default lyapunov):\n"
"  lyapunov  the empirical two-point Lyapunov exponent: a pair at distance E\n"
"            (--delta) is pushed through a block and renormalised back to\n"
"            distance E; lambda = mean of log(new distance / E) / h.  Each block\n"
"            is run with W2 and with -W2 (antithetic pair, same law), which\n"
"            cancels the first-order noise.  Shown next to the certified lambda\n"
"            = (sigma^2/2)[(d-3)K'(1) - (d-1)K(1)].\n"
"  moments   one-step drift and variance of rho = <x, y> from rho0 = --rho:\n"
"            b = E[rho' - rho0]/h and a = Var[rho' - rho0]/h from --runs\n"
"            antithetic samples (W2, -W2), next to the certified b(rho0), a(rho0)\n"
"            of MODEL.md section 3.\n"
"  energy    N tokens (--tokens), iid uniform on the sphere at t = 0, through\n"
"            the full network (BLAS on the N x d token matrix); the mean of\n"
"            E_p = sum_{i<j} |x_i - x_j|^p and of E_p(t)/E_p(0) at K + 1 times,\n"
"            and the empirical decay rate -log(mean E_p(T)/E_p(0)) / T.  The\n"
"            certified rate r_p = c_p - p gamma L_att (MODEL.md section 5) and the\n"
"            bound exp(-r_p t) are printed beside them when the certificate holds\n"
"            (r_p > 0 certified; the bound is for the h -> 0 limit, the discrete\n"
"            network may differ by O(h)).  Odd activations have c_p <= 0.\n"
"  rqf       the Random Quadratic Form itself (MODEL.md section 6), x <-\n"
"            normalise(x - sigma sqrt(h) G x) with G a GOE matrix (diagonal\n"
"            variance 1, off-diagonal 1/2) in dimension n = D: --runs pairs\n"
"            started at rho0 = --rho, run to time T (or until 1 - |rho| < 1e-12);\n"
"            the fraction ending synchronised (rho > 0) versus antipodal (rho < 0),\n"
"            with its binomial standard error, next to the certified 1 - theta0/pi,\n"
"            theta0 = arccos rho0.  ACT may be omitted; if given it must be linear\n"
"            (the RQF is the linear case of sections 3-4).\n"
"\n"
"Options (numbers are read exactly, then rounded to double for simulation):\n"
"  ACT               activation, NAME or NAME:key=value,... ('synccert help activations')\n"
"  --dim D           dimension d, integer in [2, 100000] (required)\n"
"  --measure M       lyapunov (default), moments, energy or rqf\n"
"  --width M         hidden units m, integer in [1, 10^7] (default 256)\n"
"  --step h          depth step h in (0, 1] (default 0.01)\n"
"  --time T          depth T > 0, simulated blocks T/h (rounded) per run (default\n"
"                    100 for lyapunov, 2 for energy, 20 for rqf; not for moments)\n"
"  --runs R          independent runs (default 8 for lyapunov, at most 10^7; 8 for\n"
"                    energy, at most 10^6; 4000 for rqf, at most 10^8) or antithetic\n"
"                    samples (moments, default 100000, at most 10^9)\n"
"  --seed S          seed, integer in [0, 2^62] (default 1).  Every run has its own\n"
"                    generator (GSL taus2) seeded from (S, run index), so the output\n"
"                    is the same for any number of threads\n"
"  --sigma S         noise strength sigma > 0 (default 1)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var S0     bias variance s >= 0 (default 0)\n"
"  --rho R           moments: rho in (-1, 1) (default 0.3); rqf: initial rho in\n"
"                    [-1, 1] (default 0)\n"
"  --delta E         lyapunov: pair separation in (0, 0.1] (default 1e-6)\n"
"  --tokens N        energy: number of tokens in [2, 100000] (default 32)\n"
"  --p P             energy: exponent p in (0, 2] (default 1)\n"
"  --points K        energy: report times, 1..1000 (default 10)\n"
"  --gamma G         energy: attention strength gamma >= 0 (default 0: no attention)\n"
"  --beta B          energy: inverse temperature beta >= 0 (default 1)\n"
"  --attention A     energy: identity (default; Q = K = V = I, scores beta <x_i, x_j>)\n"
"                    or random (Gaussian Q, K, V fixed for the whole simulation,\n"
"                    each scaled to operator norm --qkv-norm)\n"
"  --qkv-norm R      operator norm of random Q, K, V, R > 0 (default 1); the\n"
"                    certified rate then uses L_att <= R (2 + beta R^2)\n"
"  --threads T       OpenMP threads, 1..1024 (default: all cores)\n"
"  --progress        always draw the progress bar on stderr (default: only when\n"
"                    stderr is a terminal)\n"
"  --quiet           never draw it\n"
"  --json            one JSON object instead of the table\n"
"\n"
"How it samples (exact in distribution, see include/synccert/sim.h): the law of a\n"
"block is rotation invariant, so for a pair only the projections the update needs\n"
"are drawn: two Gaussian projections of each row of W1 (O(m) per block), the output\n"
"coordinates in the plane of the pair, and for the other d - 2 coordinates a 2 x 2\n"
"Wishart matrix (Bartlett).  The energy measure uses the full matrices with BLAS.\n"
"\n"
"Step-size allowance.  The discrete update differs from the h -> 0 limit by a bias\n"
"of order h that grows with d; it is NOT a Monte Carlo error.  The output reports\n"
"a heuristic allowance for it, calibrated on simulations (relu, elu, linear, tanh,\n"
"sigmoid, softplus, gelu, cos, erf, hermite; d = 4..64, m = 8..4096, with and\n"
"without bias variance; the measured bias stayed below about half of it):\n"
"    lyapunov   2 h sigma^4 (d + 2) M^2,        M = max(K(1), K'(1)),\n"
"    moments    h sigma^4 (d + 2)^2 K(1)^2 / 4  for b,\n"
"               4 h sigma^4 (d + 2) K(1)^2      for a,\n"
"    rqf        2 h sigma^2                     for the synchronised fraction.\n"
"The small parameter is h sigma^2 d K(1) (the squared size of a block's noise);\n"
"when it is not small (say above 0.1) the discrete network is far from the limit.\n"
"The two are called 'consistent' when |simulated - certified| <= 5 standard errors\n"
"+ allowance.  Refine h (the bias shrinks linearly) to separate the two.\n"
"\n"
"Output: the parameters, the simulated estimate(s) with standard errors, the\n"
"certified value(s), the allowance, the verdict 'consistent', the wall time and the\n"
"throughput (blocks per second; token-block updates per second for energy).\n"
"Exit status: 0 success (whatever the comparison says), 1 a certified value could\n"
"not be computed, 2 bad input.\n"
"Examples:\n"
"  synccert simulate relu --dim 4\n"
"  synccert simulate tanh --dim 5 --measure moments --rho 0.3\n"
"  synccert simulate gelu --dim 16 --measure energy --tokens 64 --gamma 0.1 --beta 1\n"
"  synccert simulate --measure rqf --dim 8 --rho 0.5 --json\n";

enum { M_LYAP, M_MOM, M_ENERGY, M_RQF };

/* number option -> double, with a range check; name is "--x" */
static int get_num(double *x, const char *s, const char *dflt, const char *name,
                   double lo, int lo_strict, double hi, int hi_strict)
{
    fmpq_t v;
    int bad;
    fmpq_init(v);
    if (sc_parse_fmpq(v, s ? s : dflt, name) != SC_OK)
    {
        fmpq_clear(v);
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    }
    *x = fmpq_get_d(v);
    fmpq_clear(v);
    bad = !isfinite(*x) || (lo_strict ? !(*x > lo) : !(*x >= lo)) || (hi_strict ? !(*x < hi) : !(*x <= hi));
    if (bad)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s must lie in %s%g, %g%s, got '%s'", name,
                           lo_strict ? "(" : "[", lo, hi, hi_strict ? ")" : "]", s ? s : dflt);
    return 0;
}

static int get_int(long *x, const char *s, long dflt, const char *name, long lo, long hi)
{
    slong v;
    if (s == NULL)
    {
        *x = dflt;
        return 0;
    }
    if (sc_parse_slong(&v, s, name, lo, hi) != SC_OK)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    *x = (long) v;
    return 0;
}

static void print_real(const arb_t x, slong digits)
{
    char *s;
    if (arf_is_nan(arb_midref(x)))
    {
        fputs("undefined", stdout);
        return;
    }
    s = sc_arb_digits(x, digits);
    fputs(s, stdout);
    flint_free(s);
}

static void json_real(const char *key, const arb_t x)
{
    printf(", \"%s\": ", key);
    if (arf_is_nan(arb_midref(x)))
        fputs("\"undefined\"", stdout);
    else
        sc_print_json_real(stdout, x, 10);
}

static void json_num(double x)
{
    if (isfinite(x))
        printf("%.6g", x);
    else
        printf("null");
}

static void json_est(const char *key, sc_sim_est e)
{
    printf(", \"%s\": {\"mean\": ", key);
    if (isfinite(e.mean))
        printf("%.10g", e.mean);
    else
        printf("null");
    printf(", \"se\": ");
    json_num(e.se);
    printf(", \"n\": %.0f}", e.n);
}

static void text_est(const char *label, sc_sim_est e)
{
    printf("%-22s %.6g +/- ", label, e.mean);
    if (isfinite(e.se))
        printf("%.2g", e.se);
    else
        printf("n/a");
    printf("   (simulated: mean +/- 1 standard error)\n");
}

/* Comparison of a simulated estimate with a certified ball: the distance
   from the mean to the ball, in standard errors after the allowance. */
typedef struct
{
    double diff;        /* distance from e.mean to the nearest point of x (0 inside) */
    double z;           /* diff / se */
    int consistent;     /* diff <= 5 se + allowance */
    int finite;
}
cmp_t;

static cmp_t compare(sc_sim_est e, const arb_t x, double allowance)
{
    cmp_t c;
    arf_t lo, hi;
    double l, h;
    arf_init(lo);
    arf_init(hi);
    arb_get_lbound_arf(lo, x, 64);
    arb_get_ubound_arf(hi, x, 64);
    l = arf_get_d(lo, ARF_RND_FLOOR);
    h = arf_get_d(hi, ARF_RND_CEIL);
    arf_clear(lo);
    arf_clear(hi);
    c.finite = isfinite(l) && isfinite(h) && isfinite(e.se) && arb_is_finite(x);
    c.diff = e.mean < l ? l - e.mean : (e.mean > h ? e.mean - h : 0.0);
    c.z = e.se > 0 ? c.diff / e.se : (c.diff > 0 ? INFINITY : 0.0);
    c.consistent = c.finite && c.diff <= 5.0 * e.se + allowance;
    return c;
}

static void text_cmp(cmp_t c, double allowance, double se)
{
    printf("%-22s %.3g (heuristic bound on the O(h) step-size bias)\n", "step allowance", allowance);
    if (!c.finite)
    {
        printf("%-22s not applicable (infinite or undefined value)\n", "consistent");
        return;
    }
    printf("%-22s %.3g = %.2f standard errors\n", "difference", c.diff, c.z);
    printf("%-22s %s (|difference| %s 5 s.e. + allowance = %.3g)\n", "consistent",
           c.consistent ? "yes" : "NO", c.consistent ? "<=" : ">", 5.0 * se + allowance);
}

static void json_cmp(const char *key, cmp_t c, double allowance)
{
    printf(", \"%s\": {\"allowance\": ", key);
    json_num(allowance);
    printf(", \"difference\": ");
    json_num(c.finite ? c.diff : NAN);
    printf(", \"z\": ");
    json_num(c.finite ? c.z : NAN);
    printf(", \"consistent\": %s}", c.finite ? (c.consistent ? "true" : "false") : "null");
}

static double ball_d(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}

static int run(int argc, char **argv)
{
    const char *sdim = NULL, *smeas = NULL, *swid = NULL, *sstep = NULL, *stime = NULL, *sruns = NULL;
    const char *sseed = NULL, *ssig = NULL, *sq = NULL, *ss = NULL, *srho = NULL, *sdelta = NULL;
    const char *stok = NULL, *sp = NULL, *spts = NULL, *sgam = NULL, *sbeta = NULL, *satt = NULL;
    const char *sqkv = NULL, *sthr = NULL;
    int json = 0, prog = 0, quiet = 0, npos = 0, rc = 0, st, measure = M_LYAP;
    const char *pos[1];
    const sc_opt opts[] = {
        { "dim", 1, &sdim, NULL, NULL, NULL, 0 },
        { "measure", 1, &smeas, NULL, NULL, NULL, 0 },
        { "width", 1, &swid, NULL, NULL, NULL, 0 },
        { "step", 1, &sstep, NULL, NULL, NULL, 0 },
        { "time", 1, &stime, NULL, NULL, NULL, 0 },
        { "runs", 1, &sruns, NULL, NULL, NULL, 0 },
        { "seed", 1, &sseed, NULL, NULL, NULL, 0 },
        { "sigma", 1, &ssig, NULL, NULL, NULL, 0 },
        { "weight-var", 1, &sq, NULL, NULL, NULL, 0 },
        { "bias-var", 1, &ss, NULL, NULL, NULL, 0 },
        { "rho", 1, &srho, NULL, NULL, NULL, 0 },
        { "delta", 1, &sdelta, NULL, NULL, NULL, 0 },
        { "tokens", 1, &stok, NULL, NULL, NULL, 0 },
        { "p", 1, &sp, NULL, NULL, NULL, 0 },
        { "points", 1, &spts, NULL, NULL, NULL, 0 },
        { "gamma", 1, &sgam, NULL, NULL, NULL, 0 },
        { "beta", 1, &sbeta, NULL, NULL, NULL, 0 },
        { "attention", 1, &satt, NULL, NULL, NULL, 0 },
        { "qkv-norm", 1, &sqkv, NULL, NULL, NULL, 0 },
        { "threads", 1, &sthr, NULL, NULL, NULL, 0 },
        { "progress", 0, NULL, &prog, NULL, NULL, 0 },
        { "quiet", 0, NULL, &quiet, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    sc_act_t act;
    sc_sim_params P;
    long dim = 0, width = 0, runs = 0, seed = 0, ntok = 0, npts = 10, threads = 0;
    double T = 0, rho = 0, delta = 1e-6, p = 1, t0, secs;
    fmpq_t sigma_q, q_q, s_q, rho_q, p_q;
    fmpz_t d_z;
    char *spec = NULL;

    sc_act_init(act);
    fmpq_init(sigma_q); fmpq_init(q_q); fmpq_init(s_q); fmpq_init(rho_q); fmpq_init(p_q);
    fmpz_init(d_z);
    sc_sim_params_default(&P);

    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto out;
    if (smeas == NULL || strcmp(smeas, "lyapunov") == 0)
        measure = M_LYAP;
    else if (strcmp(smeas, "moments") == 0)
        measure = M_MOM;
    else if (strcmp(smeas, "energy") == 0)
        measure = M_ENERGY;
    else if (strcmp(smeas, "rqf") == 0)
        measure = M_RQF;
    else
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown measure '%s' (lyapunov, moments, energy or rqf)", smeas);
        goto out;
    }
    /* activation */
    if (npos == 0 && measure == M_RQF)
        sc_act_parse(act, "linear");
    else if (npos != 1)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help simulate')");
        goto out;
    }
    else if ((st = sc_act_parse(act, pos[0])) != SC_OK)
    {
        rc = sc_cli_lib_fail(CMD, st);
        goto out;
    }
    if (measure == M_RQF && strcmp(act->def->name, "linear") != 0)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--measure rqf simulates the RQF (the linear case): omit ACT or give linear");
        goto out;
    }
    if ((st = sc_simact_init(&P.phi, act)) != SC_OK)
    {
        rc = sc_cli_lib_fail(CMD, st);
        goto out;
    }
    /* options that do not apply to the measure are errors, not ignored */
    {
        const char *bad = NULL;
        if (measure != M_ENERGY && (stok || sp || spts || sgam || sbeta || satt || sqkv))
            bad = stok ? "--tokens" : sp ? "--p" : spts ? "--points" : sgam ? "--gamma" : sbeta ? "--beta"
                : satt ? "--attention" : "--qkv-norm";
        else if (measure == M_MOM && stime)
            bad = "--time";
        else if (measure != M_LYAP && sdelta)
            bad = "--delta";
        else if ((measure == M_LYAP || measure == M_ENERGY) && srho)
            bad = "--rho";
        else if (measure == M_RQF && (swid || sq || ss))
            bad = swid ? "--width" : sq ? "--weight-var" : "--bias-var";
        if (bad)
        {
            rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s does not apply to --measure %s", bad,
                             smeas ? smeas : "lyapunov");
            goto out;
        }
    }
    if (sdim == NULL)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim D is required (an integer >= 2)");
        goto out;
    }
    if ((rc = get_int(&dim, sdim, 0, "--dim", 2, 100000)) || (rc = get_int(&width, swid, 256, "--width", 1, 10000000)) ||
        (rc = get_int(&seed, sseed, 1, "--seed", 0, (long) 1 << 62)) ||
        (rc = get_int(&threads, sthr, 0, "--threads", 1, 1024)))
        goto out;
    fmpz_set_si(d_z, dim);
    P.d = dim;
    P.m = width;
    P.seed = (unsigned long) seed;
    P.threads = (int) threads;
    if ((rc = get_num(&P.h, sstep, "0.01", "--step", 0, 1, 1, 0)))
        goto out;
    if ((rc = sc_cli_fmpq(sigma_q, ssig, "1", CMD, "--sigma")) || (rc = sc_cli_fmpq(q_q, sq, "1", CMD, "--weight-var")) ||
        (rc = sc_cli_fmpq(s_q, ss, "0", CMD, "--bias-var")))
        goto out;
    if ((rc = get_num(&P.sigma, ssig, "1", "--sigma", 0, 1, 1e6, 0)) ||
        (rc = get_num(&P.q, sq, "1", "--weight-var", 0, 1, 1e6, 0)) ||
        (rc = get_num(&P.s, ss, "0", "--bias-var", 0, 0, 1e6, 0)))
        goto out;
    switch (measure)
    {
        case M_LYAP:
            if ((rc = get_num(&T, stime, "100", "--time", 0, 1, 1e9, 0)) ||
                (rc = get_int(&runs, sruns, 8, "--runs", 1, 10000000)) ||
                (rc = get_num(&delta, sdelta, "1e-6", "--delta", 0, 1, 0.1, 0)))
                goto out;
            break;
        case M_MOM:
            if ((rc = get_int(&runs, sruns, 100000, "--runs", 2, 1000000000L)))
                goto out;
            if ((rc = sc_cli_fmpq(rho_q, srho, "0.3", CMD, "--rho")) ||
                (rc = get_num(&rho, srho, "0.3", "--rho", -1, 1, 1, 1)))
                goto out;
            break;
        case M_ENERGY:
            if ((rc = get_num(&T, stime, "2", "--time", 0, 1, 1e9, 0)) ||
                (rc = get_int(&runs, sruns, 8, "--runs", 1, 1000000)) ||
                (rc = get_int(&ntok, stok, 32, "--tokens", 2, 100000)) ||
                (rc = get_int(&npts, spts, 10, "--points", 1, 1000)) ||
                (rc = sc_cli_fmpq(p_q, sp, "1", CMD, "--p")) ||
                (rc = get_num(&p, sp, "1", "--p", 0, 1, 2, 0)) ||
                (rc = get_num(&P.gamma, sgam, "0", "--gamma", 0, 0, 1e6, 0)) ||
                (rc = get_num(&P.beta, sbeta, "1", "--beta", 0, 0, 1e6, 0)) ||
                (rc = get_num(&P.qkv_norm, sqkv, "1", "--qkv-norm", 0, 1, 1e6, 0)))
                goto out;
            if (satt == NULL || strcmp(satt, "identity") == 0)
                P.attention = SC_SIM_ATT_IDENTITY;
            else if (strcmp(satt, "random") == 0)
                P.attention = SC_SIM_ATT_RANDOM;
            else
            {
                rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown attention '%s' (identity or random)", satt);
                goto out;
            }
            if (sqkv && P.attention != SC_SIM_ATT_RANDOM)
            {
                rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--qkv-norm needs --attention random");
                goto out;
            }
            break;
        case M_RQF:
            if ((rc = get_num(&T, stime, "20", "--time", 0, 1, 1e9, 0)) ||
                (rc = get_int(&runs, sruns, 4000, "--runs", 1, 100000000)) ||
                (rc = sc_cli_fmpq(rho_q, srho, "0", CMD, "--rho")) ||
                (rc = get_num(&rho, srho, "0", "--rho", -1, 0, 1, 0)))
                goto out;
            break;
    }
    if (measure != M_MOM && floor(T / P.h + 0.5) < 1)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--time must be at least one step (--time %g < --step %g)", T, P.h);
        goto out;
    }
    if (measure != M_MOM && floor(T / P.h + 0.5) * (double) runs * (measure == M_ENERGY ? ntok : 1) > 1e12)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--time / --step x --runs is too large (more than 10^12 updates)");
        goto out;
    }
    P.progress = quiet ? 0 : (prog ? 1 : isatty(2));
    if (P.threads > 0)
        omp_set_num_threads(P.threads);
    threads = omp_get_max_threads();
    spec = sc_act_spec(act);

    /* ------------------------------------------------------------ simulate */
    if (measure == M_LYAP || measure == M_MOM)
    {
        sc_lyap_result lr;
        sc_sim_est e1, e2;
        arb_t b, a;
        double K1, dK1, nblocks = 0, allow1, allow2;
        cmp_t c1, c2;

        sc_lyap_result_init(&lr);
        arb_init(b);
        arb_init(a);
        /* certified values first (fast; fail early) */
        st = sc_lyapunov_certify(&lr, act, d_z, sigma_q, q_q, s_q, 10, 0);
        if (st == SC_OK && measure == M_MOM)
            st = sc_twopoint_certify(b, a, act, d_z, rho_q, sigma_q, q_q, s_q, 10, 0);
        if (st != SC_OK)
        {
            rc = sc_cli_lib_fail(CMD, st);
            sc_lyap_result_clear(&lr);
            arb_clear(b);
            arb_clear(a);
            goto out;
        }
        K1 = ball_d(lr.K1);
        dK1 = arb_is_finite(lr.dK1) ? ball_d(lr.dK1) : INFINITY;
        t0 = omp_get_wtime();
        if (measure == M_LYAP)
        {
            nblocks = floor(T / P.h + 0.5);
            st = sc_sim_lyapunov(&e1, &P, T, runs, delta);
        }
        else
            st = sc_sim_moments(&e1, &e2, &P, rho, runs);
        secs = omp_get_wtime() - t0;
        if (st != SC_OK)
        {
            rc = sc_cli_lib_fail(CMD, st);
            sc_lyap_result_clear(&lr);
            arb_clear(b);
            arb_clear(a);
            goto out;
        }
        if (measure == M_LYAP)
        {
            allow1 = sc_sim_allowance_lyapunov(&P, K1, dK1);
            c1 = compare(e1, lr.lambda, allow1);
            allow2 = 0;
            c2 = c1;
        }
        else
        {
            allow1 = sc_sim_allowance_b(&P, K1);
            allow2 = sc_sim_allowance_a(&P, K1);
            c1 = compare(e1, b, allow1);
            c2 = compare(e2, a, allow2);
        }
        if (json)
        {
            printf("{\"command\": \"simulate\", \"measure\": \"%s\", \"statistical\": true, "
                   "\"activation\": \"%s\", \"dim\": %ld, \"width\": %ld, \"sigma\": %.10g, "
                   "\"weight_var\": %.10g, \"bias_var\": %.10g, \"step\": %.10g",
                   measure == M_LYAP ? "lyapunov" : "moments", spec, dim, width, P.sigma, P.q, P.s, P.h);
            if (measure == M_LYAP)
                printf(", \"time\": %.10g, \"runs\": %ld, \"blocks\": %.0f, \"delta\": %.6g", T, runs,
                       nblocks * runs, delta);
            else
                printf(", \"rho\": %.10g, \"samples\": %ld", rho, runs);
            printf(", \"seed\": %ld, \"threads\": %ld, \"step_parameter\": %.6g", seed, threads,
                   P.h * P.sigma * P.sigma * P.d * K1);
            if (measure == M_LYAP)
            {
                json_est("lambda_sim", e1);
                json_real("lambda_certified", lr.lambda);
                json_cmp("lambda_compare", c1, allow1);
                if (!isfinite(dK1))
                    printf(", \"note\": \"K'(1) = inf: the discrete exponent depends on delta and the width\"");
            }
            else
            {
                json_est("b_sim", e1);
                json_real("b_certified", b);
                json_cmp("b_compare", c1, allow1);
                json_est("a_sim", e2);
                json_real("a_certified", a);
                json_cmp("a_compare", c2, allow2);
            }
            printf(", \"seconds\": %.4g, \"blocks_per_second\": %.6g}\n", secs,
                   (measure == M_LYAP ? nblocks * runs : (double) runs) / secs);
        }
        else
        {
            printf("STATISTICAL, NOT CERTIFIED: Monte Carlo estimates of the discrete model\n"
                   "(MODEL.md section 1); only the lines marked 'certified' are enclosures.\n\n");
            printf("%-22s %s\n", "measure", measure == M_LYAP ? "lyapunov (two-point Lyapunov exponent)"
                   : "moments (one-step drift and variance of rho)");
            printf("%-22s %s\n", "activation", spec);
            printf("%-22s d = %ld, width m = %ld, sigma = %g, q = %g, s = %g, step h = %g\n", "model",
                   dim, width, P.sigma, P.q, P.s, P.h);
            if (measure == M_LYAP)
                printf("%-22s %ld runs x %.0f blocks = %.0f blocks, antithetic (W2, -W2), separation %g\n",
                       "sampling", runs, nblocks, nblocks * runs, delta);
            else
                printf("%-22s %ld antithetic samples (W2, -W2) of one block from rho = %g\n",
                       "sampling", runs, rho);
            printf("%-22s %ld (%ld threads; the output does not depend on the thread count)\n", "seed",
                   seed, threads);
            printf("%-22s %.3g (h sigma^2 d K(1): the step-size bias is small when this is)\n",
                   "step parameter", P.h * P.sigma * P.sigma * P.d * K1);
            printf("\n");
            if (measure == M_LYAP)
            {
                text_est("lambda simulated", e1);
                if (!isfinite(dK1))
                    printf("%-22s K'(1) = inf (phi jumps): the discrete exponent depends on --delta and\n"
                           "%-22s the width (hidden units changing sign) and has no finite h -> 0 limit\n",
                           "note", "");
                printf("%-22s ", "lambda certified");
                print_real(lr.lambda, 10);
                printf("   (certified, the limit h -> 0)\n");
                text_cmp(c1, allow1, e1.se);
            }
            else
            {
                text_est("b(rho) simulated", e1);
                printf("%-22s ", "b(rho) certified");
                print_real(b, 10);
                printf("   (certified, the limit h -> 0)\n");
                text_cmp(c1, allow1, e1.se);
                printf("\n");
                text_est("a(rho) simulated", e2);
                printf("%-22s ", "a(rho) certified");
                print_real(a, 10);
                printf("   (certified, the limit h -> 0)\n");
                text_cmp(c2, allow2, e2.se);
            }
            printf("\n%-22s %.3f s, %.4g blocks/s\n", "time",
                   secs, (measure == M_LYAP ? nblocks * runs : (double) runs) / secs);
        }
        sc_lyap_result_clear(&lr);
        arb_clear(b);
        arb_clear(a);
    }
    else if (measure == M_RQF)
    {
        sc_sim_rqf_result r;
        sc_sim_est fr;
        arb_t th, ps, pa;
        double allow, pth;
        cmp_t c;

        arb_init(th);
        arb_init(ps);
        arb_init(pa);
        arb_set_fmpq(th, rho_q, 128);
        arb_acos(th, th, 128);
        sc_rqf_probs(ps, pa, th, 128);
        t0 = omp_get_wtime();
        st = sc_sim_rqf(&r, &P, rho, T, runs);
        secs = omp_get_wtime() - t0;
        if (st != SC_OK)
        {
            rc = sc_cli_lib_fail(CMD, st);
            arb_clear(th); arb_clear(ps); arb_clear(pa);
            goto out;
        }
        /* binomial standard error, from the certified probability */
        pth = ball_d(ps);
        fr.mean = (double) r.sync / r.runs;
        fr.se = sqrt(fmax(pth * (1 - pth), 0.25 / r.runs) / r.runs);
        fr.n = r.runs;
        allow = sc_sim_allowance_rqf(&P);
        c = compare(fr, ps, allow);
        if (json)
        {
            printf("{\"command\": \"simulate\", \"measure\": \"rqf\", \"statistical\": true, \"dim\": %ld, "
                   "\"sigma\": %.10g, \"step\": %.10g, \"time\": %.10g, \"rho\": %.10g, \"runs\": %ld, "
                   "\"seed\": %ld, \"threads\": %ld, \"synchronised\": %ld, \"antipodal\": %ld, "
                   "\"unsettled\": %ld", dim, P.sigma, P.h, T, rho, runs, seed, threads, r.sync, r.anti,
                   r.unsettled);
            json_est("p_sync_sim", fr);
            json_real("p_sync_certified", ps);
            json_real("p_antipodal_certified", pa);
            json_cmp("p_sync_compare", c, allow);
            printf(", \"seconds\": %.4g}\n", secs);
        }
        else
        {
            printf("STATISTICAL, NOT CERTIFIED: Monte Carlo estimates of the discrete RQF model\n"
                   "(MODEL.md section 6); only the lines marked 'certified' are enclosures.\n\n");
            printf("%-22s rqf (Random Quadratic Form, GOE increments)\n", "measure");
            printf("%-22s n = %ld, sigma = %g, step h = %g, time T = %g, rho0 = %g\n", "model",
                   dim, P.sigma, P.h, T, rho);
            printf("%-22s %ld runs, seed %ld (%ld threads; the output does not depend on the thread count)\n",
                   "sampling", runs, seed, threads);
            printf("\n%-22s %ld synchronised (rho > 0), %ld antipodal (rho < 0), %ld unsettled (|rho| < 0.99)\n",
                   "end states", r.sync, r.anti, r.unsettled);
            printf("%-22s %.6g +/- %.2g   (simulated: fraction +/- 1 binomial standard error)\n",
                   "P(sync) simulated", fr.mean, fr.se);
            printf("%-22s ", "P(sync) certified");
            print_real(ps, 10);
            printf("   (certified, 1 - theta0/pi, theta0 = arccos rho0)\n");
            printf("%-22s ", "P(antipodal) cert.");
            print_real(pa, 10);
            printf("   (certified, theta0/pi)\n");
            text_cmp(c, allow, fr.se);
            printf("\n%-22s %.3f s\n", "time", secs);
        }
        arb_clear(th);
        arb_clear(ps);
        arb_clear(pa);
    }
    else
    {
        sc_sim_est *Ep = malloc((npts + 1) * sizeof(sc_sim_est)), *R = malloc((npts + 1) * sizeof(sc_sim_est));
        double *tp = malloc((npts + 1) * sizeof(double)), lat, rate, rate_se, Rq = P.qkv_norm;
        long k;
        int have_rp = 0, rp_pos = 0;
        const char *rp_why = NULL;
        arb_t cp, rp, x, bound;
        sc_kfun_t kf;
        sc_coerc_result cr;
        sc_fparams_t fp;
        arb_ptr par;

        arb_init(cp); arb_init(rp); arb_init(x); arb_init(bound);
        sc_coerc_result_init(&cr);
        sc_fparams_init(fp);
        /* certified r_p = c_p - p gamma L_att (MODEL.md section 5) */
        {
            slong np = (act->def->flags & SC_ACT_COEFFS) ? act->npar + 1 : FLINT_MAX(act->npar, 1);
            arb_t qb, sb;
            arf_t tol;
            arb_init(qb); arb_init(sb); arf_init(tol);
            par = sc_act_params(act, 128);
            arb_set_fmpq(qb, q_q, 128);
            arb_set_fmpq(sb, s_q, 128);
            if ((act->def->flags & SC_ACT_ODD) && fmpq_is_zero(s_q))
            {
                /* b(-1) = a(-1) = 0: antipodal pairs are stationary, c_p <= 0 */
                st = SC_ERR_UNSUPPORTED;
                rp_why = "odd activation without bias: c_p <= 0 (MODEL.md section 5), no decay certificate";
            }
            else if ((st = sc_kfun_init(kf, act->def, par, np, qb, sb, 1, 128)) != SC_OK)
                rp_why = sc_last_error();
            if (st == SC_OK)
            {
                arb_set_si(fp->d, dim);
                arb_set_fmpq(fp->sigma2, sigma_q, 128);
                arb_sqr(fp->sigma2, fp->sigma2, 128);
                arb_set_fmpq(fp->p, p_q, 128);
                arf_set_d(tol, 1e-6);
                sc_budget_set(30.0);
                st = sc_coercivity_bb(&cr, kf, fp, tol, NULL, 200000);
                sc_budget_set(0);
                if (st == SC_OK)
                {
                    fmpq_t t;
                    have_rp = 1;
                    if (arf_is_neg_inf(cr.lo))
                        arb_indeterminate(cp);
                    else
                        arb_set_interval_arf(cp, cr.lo, cr.hi, 128);
                    /* L_att: identity 2 + beta; random R (2 + beta R^2) >= ||V|| (2 + beta ||Q^T K||) */
                    fmpq_init(t);
                    if (sgam)
                        sc_parse_fmpq(t, sgam, "--gamma");
                    arb_set_fmpq(rp, t, 128);                           /* gamma */
                    if (sbeta)
                        sc_parse_fmpq(t, sbeta, "--beta");
                    else
                        fmpq_one(t);
                    arb_set_fmpq(x, t, 128);                            /* beta */
                    if (P.attention == SC_SIM_ATT_RANDOM)
                    {
                        arb_t r2;
                        arb_init(r2);
                        sc_parse_fmpq(t, sqkv ? sqkv : "1", "--qkv-norm");
                        arb_set_fmpq(r2, t, 128);
                        arb_mul(x, x, r2, 128);
                        arb_mul(x, x, r2, 128);
                        arb_add_ui(x, x, 2, 128);
                        arb_mul(x, x, r2, 128);
                        arb_clear(r2);
                    }
                    else
                        arb_add_ui(x, x, 2, 128);
                    lat = ball_d(x);
                    arb_mul(rp, rp, x, 128);
                    arb_set_fmpq(x, p_q, 128);
                    arb_mul(rp, rp, x, 128);
                    arb_sub(rp, cp, rp, 128);
                    rp_pos = arb_is_positive(rp);
                    fmpq_clear(t);
                }
                else
                    rp_why = sc_last_error();
                sc_kfun_clear(kf);
            }
            sc_act_params_clear(par, act);
            arb_clear(qb); arb_clear(sb); arf_clear(tol);
        }
        if (!have_rp)
            lat = P.attention == SC_SIM_ATT_RANDOM ? Rq * (2 + P.beta * Rq * Rq) : 2 + P.beta;
        t0 = omp_get_wtime();
        st = sc_sim_energy(Ep, R, tp, &P, ntok, p, T, runs, &npts);
        secs = omp_get_wtime() - t0;
        if (st != SC_OK)
        {
            rc = sc_cli_lib_fail(CMD, st);
        }
        else
        {
            double nb = floor(T / P.h + 0.5), upd = nb * runs * ntok;
            double Tend = tp[npts];
            rate = -log(R[npts].mean) / Tend;
            rate_se = R[npts].se / (R[npts].mean * Tend);
            if (json)
            {
                printf("{\"command\": \"simulate\", \"measure\": \"energy\", \"statistical\": true, "
                       "\"activation\": \"%s\", \"dim\": %ld, \"width\": %ld, \"tokens\": %ld, \"p\": %.10g, "
                       "\"sigma\": %.10g, \"weight_var\": %.10g, \"bias_var\": %.10g, \"step\": %.10g, "
                       "\"time\": %.10g, \"runs\": %ld, \"gamma\": %.10g, \"beta\": %.10g, \"attention\": \"%s\", "
                       "\"L_att\": %.10g, \"seed\": %ld, \"threads\": %ld, \"points\": [",
                       spec, dim, width, ntok, p, P.sigma, P.q, P.s, P.h, T, runs, P.gamma, P.beta,
                       P.attention == SC_SIM_ATT_RANDOM ? "random" : "identity", lat, seed, threads);
                for (k = 0; k <= npts; k++)
                {
                    printf("%s{\"t\": %.10g, \"E_p\": %.10g, \"E_p_se\": ", k ? ", " : "", tp[k], Ep[k].mean);
                    if (isfinite(Ep[k].se)) printf("%.4g", Ep[k].se); else printf("null");
                    printf(", \"ratio\": %.10g, \"ratio_se\": ", R[k].mean);
                    if (isfinite(R[k].se)) printf("%.4g", R[k].se); else printf("null");
                    if (rp_pos)
                    {
                        arb_set_d(x, tp[k]);
                        arb_mul(bound, rp, x, 128);
                        arb_neg(bound, bound);
                        arb_exp(bound, bound, 128);
                        printf(", \"bound_certified\": ");
                        sc_print_json_real(stdout, bound, 10);
                    }
                    printf("}");
                }
                printf("], \"rate_sim\": {\"mean\": %.10g, \"se\": ", rate);
                if (isfinite(rate_se)) printf("%.4g", rate_se); else printf("null");
                printf("}");
                if (have_rp)
                {
                    json_real("c_p_certified", cp);
                    json_real("r_p_certified", rp);
                    printf(", \"certificate_holds\": %s", rp_pos ? "true" : "false");
                }
                else
                {
                    const char *w = rp_why && rp_why[0] ? rp_why : "no enclosure";
                    printf(", \"r_p_certified\": null, \"certificate_holds\": null, \"r_p_note\": \"");
                    for (; *w; w++)     /* a JSON string: escape quotes and backslashes */
                        printf(*w == '"' || *w == '\\' ? "\\%c" : "%c", *w);
                    printf("\"");
                }
                printf(", \"seconds\": %.4g, \"token_updates_per_second\": %.6g}\n", secs, upd / secs);
            }
            else
            {
                printf("STATISTICAL, NOT CERTIFIED: Monte Carlo estimates of the discrete model\n"
                       "(MODEL.md section 1); only the values marked 'certified' are enclosures.\n\n");
                printf("%-22s energy (E_p = sum_{i<j} |x_i - x_j|^p over depth)\n", "measure");
                printf("%-22s %s\n", "activation", spec);
                printf("%-22s d = %ld, width m = %ld, sigma = %g, q = %g, s = %g, step h = %g\n", "model",
                       dim, width, P.sigma, P.q, P.s, P.h);
                if (P.gamma > 0)
                    printf("%-22s gamma = %g, beta = %g, %s Q, K, V, L_att = %.6g\n", "attention", P.gamma,
                           P.beta, P.attention == SC_SIM_ATT_RANDOM ? "random" : "identity", lat);
                else
                    printf("%-22s none (gamma = 0)\n", "attention");
                printf("%-22s %ld tokens, p = %g, %ld runs x %.0f blocks (T = %g), seed %ld, %ld threads\n",
                       "sampling", ntok, p, runs, nb, T, seed, threads);
                printf("\n%10s  %-26s %-26s %s\n", "t", "mean E_p (+/- s.e.)", "mean E_p(t)/E_p(0)",
                       rp_pos ? "certified bound exp(-r_p t)" : "");
                for (k = 0; k <= npts; k++)
                {
                    char b1[64], b2[64];
                    if (isfinite(Ep[k].se))
                        snprintf(b1, sizeof(b1), "%.6g +/- %.2g", Ep[k].mean, Ep[k].se);
                    else
                        snprintf(b1, sizeof(b1), "%.6g", Ep[k].mean);
                    if (isfinite(R[k].se))
                        snprintf(b2, sizeof(b2), "%.6g +/- %.2g", R[k].mean, R[k].se);
                    else
                        snprintf(b2, sizeof(b2), "%.6g", R[k].mean);
                    printf("%10.4g  %-26s %-26s ", tp[k], b1, b2);
                    if (rp_pos)
                    {
                        char *lo, *hi;
                        arb_set_d(x, tp[k]);
                        arb_mul(bound, rp, x, 128);
                        arb_neg(bound, bound);
                        arb_exp(bound, bound, 128);
                        sc_arb_bounds(&lo, &hi, bound, 6);
                        printf("<= %s", hi);
                        flint_free(lo);
                        flint_free(hi);
                    }
                    printf("\n");
                }
                printf("\n%-22s %.6g", "decay rate simulated", rate);
                if (isfinite(rate_se))
                    printf(" +/- %.2g", rate_se);
                printf("   (-log(mean E_p(T)/E_p(0)) / T; statistical)\n");
                if (have_rp)
                {
                    char *lo, *hi;
                    sc_arb_bounds(&lo, &hi, cp, 8);
                    printf("%-22s [%s, %s]   (certified)\n", "c_p", lo, hi);
                    flint_free(lo); flint_free(hi);
                    sc_arb_bounds(&lo, &hi, rp, 8);
                    printf("%-22s [%s, %s]   (certified, c_p - p gamma L_att)\n", "r_p", lo, hi);
                    flint_free(lo); flint_free(hi);
                    if (rp_pos)
                        printf("%-22s holds: E[E_p(t)] <= exp(-r_p t) E_p(0) in the limit h -> 0\n", "certificate");
                    else
                        printf("%-22s does not hold (r_p > 0 not certified): no certified rate to draw\n",
                               "certificate");
                }
                else
                    printf("%-22s not available (%s)\n", "certified rate", rp_why && rp_why[0] ? rp_why : "no enclosure");
                printf("\n%-22s %.3f s, %.4g token-block updates/s\n", "time", secs, upd / secs);
            }
        }
        free(Ep);
        free(R);
        free(tp);
        arb_clear(cp); arb_clear(rp); arb_clear(x); arb_clear(bound);
        sc_coerc_result_clear(&cr);
        sc_fparams_clear(fp);
    }

out:
    if (spec)
        flint_free(spec);
    sc_act_clear(act);
    fmpq_clear(sigma_q); fmpq_clear(q_q); fmpq_clear(s_q); fmpq_clear(rho_q); fmpq_clear(p_q);
    fmpz_clear(d_z);
    return rc;
}

const sc_cmd sc_cmd_simulate = {
    "simulate", run, "simulate the discrete transformer (statistical, not certified) next to the certified values", help
};
