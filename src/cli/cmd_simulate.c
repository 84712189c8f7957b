/* `synccert simulate`: Monte Carlo simulation of the discrete transformer of
   doc/model.md section 1, reported next to the certified continuous-time
   values.  The simulated numbers are STATISTICAL (estimates with standard
   errors), not certified; the certified numbers beside them are enclosures
   as everywhere else.  Everything is computed by one sc_simulate_* call per
   measure (include/synccert/sim.h); this file parses and prints.  It is over
   500 lines only because of the help text. */
#include <math.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "synccert/act.h"
#include "synccert/sim.h"
#include "synccert/print.h"

#define CMD "simulate"

static const char help[] =
"usage: synccert simulate ACT --dim D [--measure lyapunov|moments|energy|rqf|pair]\n"
"                         [--width M] [--step h] [--time T] [--runs R] [--seed S]\n"
"                         [--sigma S] [--weight-var Q] [--bias-var S0]\n"
"                         [--rho R] [--delta E]                    (pair measures)\n"
"                         [--tokens N] [--p P] [--points K]        (energy)\n"
"                         [--gamma G] [--beta B] [--attention identity|random]\n"
"                         [--qkv-norm R] [--projective]            (energy)\n"
"                         [--threads T] [--budget SECONDS] [--progress | --quiet]\n"
"                         [--json]\n"
"\n"
"Simulates the discrete deep transformer (doc/model.md, section 1),\n"
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
"            (doc/model.md, section 3).\n"
"  energy    N tokens (--tokens), iid uniform on the sphere at t = 0, through\n"
"            the full network (BLAS on the N x d token matrix); the mean of\n"
"            E_p = sum_{i<j} |x_i - x_j|^p and of E_p(t)/E_p(0) at K + 1 times,\n"
"            and the empirical decay rate -log(mean E_p(T)/E_p(0)) / T.  The\n"
"            certified rate r_p = c_p - p gamma L_att (doc/model.md, section 5)\n"
"            and the bound exp(-r_p t) are printed beside them when the\n"
"            certificate holds (r_p > 0 certified; the bound is for the h -> 0\n"
"            limit, the discrete network may differ by O(h)).  Odd activations\n"
"            without bias have c_p <= 0: with --projective the measure is the\n"
"            projective energy sum_{i<j} (1 - rho_ij^2)^{p/2} next to c_p^pm\n"
"            (doc/model.md, section 10; gamma = 0).\n"
"  rqf       the Random Quadratic Form itself (doc/model.md, section 6), x <-\n"
"            normalise(x - sigma sqrt(h) G x) with G a GOE matrix (diagonal\n"
"            variance 1, off-diagonal 1/2) in dimension n = D: --runs pairs\n"
"            started at rho0 = --rho, run to time T (or until 1 - |rho| < 1e-12);\n"
"            the fraction ending synchronised (rho > 0) versus antipodal (rho < 0),\n"
"            with its binomial standard error, next to the certified 1 - theta0/pi,\n"
"            theta0 = arccos rho0.  ACT may be omitted; if given it must be linear\n"
"            (the RQF is the linear case of sections 3-4).\n"
"  pair      two tokens through the network with identity attention (--gamma,\n"
"            --beta; doc/model.md, section 9), --runs pairs from rho0 = --rho in\n"
"            (-1, 1), each until 1 - |rho| < 1e-12 (or time T): the fraction\n"
"            ending synchronised, with its binomial standard error, next to the\n"
"            certified P(sync | rho0) of 'synccert pair'.  The allowance adds the\n"
"            certified chance that a stopped run would still change ends,\n"
"            max(P(antipodal | 1 - 1e-12), P(sync | -1 + 1e-12)).  Default width 64.\n"
"\n"
"Options (numbers are read exactly, then rounded to double for simulation):\n"
"  ACT               activation, NAME or NAME:key=value,... ('synccert help activations')\n"
"  --dim D           dimension d, integer in [2, 100000] (required)\n"
"  --measure M       lyapunov (default), moments, energy, rqf or pair\n"
"  --width M         hidden units m, integer in [1, 10^7] (default 256)\n"
"  --step h          depth step h in (0, 1] (default 0.01)\n"
"  --time T          depth T > 0, simulated blocks T/h (rounded) per run (default\n"
"                    100 for lyapunov, 2 for energy, 20 for rqf, 200 for pair; not\n"
"                    for moments)\n"
"  --runs R          independent runs (default 8 for lyapunov, at most 10^7; 8 for\n"
"                    energy, at most 10^6; 4000 for rqf, 1000 for pair, at most 10^8)\n"
"                    or antithetic\n"
"                    samples (moments, default 100000, at most 10^9)\n"
"  --seed S          seed, integer in [0, 2^62] (default 1).  Every run has its own\n"
"                    generator (GSL taus2) seeded from (S, run index), so the output\n"
"                    is the same for any number of threads\n"
"  --sigma S         noise strength sigma > 0 (default 1)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var S0     bias variance s >= 0 (default 0)\n"
"  --rho R           moments: rho in (-1, 1) (default 0.3); rqf: initial rho in\n"
"                    [-1, 1] (default 0); pair: initial rho in (-1, 1) (default 0)\n"
"  --delta E         lyapunov: pair separation in (0, 0.1] (default 1e-6)\n"
"  --tokens N        energy: number of tokens in [2, 100000] (default 32)\n"
"  --p P             energy: exponent p in (0, 2] (default 1)\n"
"  --points K        energy: report times, 1..1000 (default 10)\n"
"  --gamma G         energy, pair: attention strength gamma >= 0 (default 0: none)\n"
"  --beta B          energy, pair: inverse temperature beta >= 0 (default 1)\n"
"  --attention A     energy: identity (default; Q = K = V = I, scores beta <x_i, x_j>)\n"
"                    or random (Gaussian Q, K, V fixed for the whole simulation,\n"
"                    each scaled to operator norm --qkv-norm)\n"
"  --qkv-norm R      operator norm of random Q, K, V, R > 0 (default 1); the\n"
"                    certified rate then uses L_att <= R (2 + beta R^2)\n"
"  --projective      energy: the projective energy and c_p^pm (odd phi, gamma = 0)\n"
"  --threads T       OpenMP threads, 1..1024 (default: all cores)\n"
"  --progress        always draw the progress bar on stderr (default: only when\n"
"                    stderr is a terminal)\n"
"  --quiet           never draw it\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
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
"    rqf        2 h sigma^2                     for the synchronised fraction,\n"
"    pair       h (sigma^2 (d + 2) M + 4 gamma) / 2 for the synchronised fraction.\n"
"The small parameter is h sigma^2 d K(1) (the squared size of a block's noise);\n"
"when it is not small (say above 0.1) the discrete network is far from the limit.\n"
"The two are called 'consistent' when |simulated - certified| <= 5 standard errors\n"
"+ allowance.  Refine h (the bias shrinks linearly) to separate the two.\n"
"\n"
"Output: the parameters, the simulated estimate(s) with standard errors, the\n"
"certified value(s), the allowance, the verdict 'consistent', the wall time and the\n"
"throughput (blocks per second; token-block updates per second for energy).\n"
"Exit status: 0 success (whatever the comparison says), 1 a certified value could\n"
"not be computed or the budget ran out, 2 bad input.\n"
"Examples:\n"
"  synccert simulate relu --dim 4\n"
"  synccert simulate tanh --dim 5 --measure moments --rho 0.3\n"
"  synccert simulate gelu --dim 16 --measure energy --tokens 64 --gamma 0.1 --beta 1\n"
"  synccert simulate --measure rqf --dim 8 --rho 0.5 --json\n"
"  synccert simulate tanh --measure pair --dim 8 --gamma 0.3 --beta 1 --rho -0.2\n"
"  synccert simulate tanh --measure energy --projective --dim 8 --p 1/4\n";


/* ------------------------------------------------------------ options */

enum { DIM, MEASURE, WIDTH, STEP, TIME, RUNS, SEED, SIGMA, WVAR, BVAR, RHO, DELTA, TOKENS, PP, POINTS,
       GAMMA, BETA, ATT, QKV, THREADS, NOPT };

static const char *const measure_name[] = { "lyapunov", "moments", "energy", "rqf", "pair" };

/* x (an option's number as a double) in the interval; s its text (NULL: the default) */
static int in_range(double x, const char *s, const char *name, double lo, int lo_strict, double hi,
                    int hi_strict)
{
    if (isfinite(x) && (lo_strict ? x > lo : x >= lo) && (hi_strict ? x < hi : x <= hi))
        return 0;
    return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s must lie in %s%g, %g%s, got '%s'", name, lo_strict ? "(" : "[",
                       lo, hi, hi_strict ? ")" : "]", s ? s : "(default)");
}

/* an exact number option (kept when s is NULL) and its range */
static int get_exact(fmpq_t x, const char *s, const char *name, double lo, int lo_strict, double hi,
                     int hi_strict)
{
    if (s != NULL && sc_cli_fmpq(x, s, NULL, CMD, name))
        return SC_EXIT_USAGE;
    return in_range(fmpq_get_d(x), s, name, lo, lo_strict, hi, hi_strict);
}

/* a number option used only as a double (kept when s is NULL) */
static int get_double(double *x, const char *s, const char *name, double lo, int lo_strict, double hi,
                      int hi_strict)
{
    fmpq_t v;
    int rc = 0;
    fmpq_init(v);
    if (s != NULL && (rc = get_exact(v, s, name, lo, lo_strict, hi, hi_strict)) == 0)
        *x = fmpq_get_d(v);
    fmpq_clear(v);
    return rc;
}

/* Options that not every measure takes (bit k: measure k), in the order they
   are reported: one that does not apply is an error, not ignored. */
static int check_applies(int measure, const char *const *o)
{
    enum { L = 1, M = 2, E = 4, R = 8, P = 16 };
    static const struct { int opt, measures; const char *name; } limited[] = {
        { TOKENS, E, "--tokens" }, { PP, E, "--p" }, { POINTS, E, "--points" }, { GAMMA, E | P, "--gamma" },
        { BETA, E | P, "--beta" }, { ATT, E, "--attention" }, { QKV, E, "--qkv-norm" },
        { TIME, L | E | R | P, "--time" }, { DELTA, L, "--delta" }, { RHO, M | R | P, "--rho" },
        { WIDTH, L | M | E | P, "--width" }, { WVAR, L | M | E | P, "--weight-var" },
        { BVAR, L | M | E | P, "--bias-var" },
    };
    size_t i;
    for (i = 0; i < sizeof(limited) / sizeof(limited[0]); i++)
        if (o[limited[i].opt] != NULL && !(limited[i].measures & (1 << measure)))
            return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s does not apply to --measure %s", limited[i].name,
                               measure_name[measure]);
    return 0;
}

/* The numbers of the problem (pb holds the measure's defaults); 0 or an
   exit status (message printed). */
static int read_problem(sc_simulate_problem *pb, int measure, const char *const *o)
{
    static const slong runs_max[] = { 10000000, 1000000000L, 1000000, 100000000, 100000000 };
    slong seed = (slong) pb->seed, threads = 0;
    double blocks;
    int rc, mom = measure == SC_SIMULATE_MOMENTS, rqf = measure == SC_SIMULATE_RQF;

    if (o[DIM] == NULL)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim D is required (an integer >= 2)");
    if ((rc = sc_cli_slong(&pb->d, o[DIM], CMD, "--dim", 2, 100000)) ||
        (rc = sc_cli_slong(&pb->m, o[WIDTH], CMD, "--width", 1, 10000000)) ||
        (rc = sc_cli_slong(&seed, o[SEED], CMD, "--seed", 0, (slong) 1 << 62)) ||
        (rc = sc_cli_slong(&threads, o[THREADS], CMD, "--threads", 1, 1024)) ||
        (rc = get_double(&pb->h, o[STEP], "--step", 0, 1, 1, 0)) ||
        (rc = sc_cli_fmpq(pb->sigma, o[SIGMA], "1", CMD, "--sigma")) ||
        (rc = sc_cli_fmpq(pb->q, o[WVAR], "1", CMD, "--weight-var")) ||
        (rc = sc_cli_fmpq(pb->s, o[BVAR], "0", CMD, "--bias-var")) ||
        (rc = in_range(fmpq_get_d(pb->sigma), o[SIGMA], "--sigma", 0, 1, 1e6, 0)) ||
        (rc = in_range(fmpq_get_d(pb->q), o[WVAR], "--weight-var", 0, 1, 1e6, 0)) ||
        (rc = in_range(fmpq_get_d(pb->s), o[BVAR], "--bias-var", 0, 0, 1e6, 0)) ||
        (rc = get_double(&pb->T, o[TIME], "--time", 0, 1, 1e9, 0)) ||
        (rc = sc_cli_slong(&pb->runs, o[RUNS], CMD, "--runs", mom ? 2 : 1, runs_max[measure])) ||
        (rc = get_double(&pb->delta, o[DELTA], "--delta", 0, 1, 0.1, 0)) ||
        (rc = get_exact(pb->rho, o[RHO], "--rho", -1, !rqf, 1, !rqf)) ||
        (rc = sc_cli_slong(&pb->tokens, o[TOKENS], CMD, "--tokens", 2, 100000)) ||
        (rc = sc_cli_slong(&pb->points, o[POINTS], CMD, "--points", 1, 1000)) ||
        (rc = get_exact(pb->p, o[PP], "--p", 0, 1, 2, 0)) ||
        (rc = get_exact(pb->gamma, o[GAMMA], "--gamma", 0, 0, 1e6, 0)) ||
        (rc = get_exact(pb->beta, o[BETA], "--beta", 0, 0, 1e6, 0)) ||
        (rc = get_exact(pb->qkv_norm, o[QKV], "--qkv-norm", 0, 1, 1e6, 0)))
        return rc;
    pb->seed = (unsigned long) seed;
    pb->threads = (int) threads;
    if (o[ATT] != NULL && strcmp(o[ATT], "identity") != 0 && strcmp(o[ATT], "random") != 0)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown attention '%s' (identity or random)", o[ATT]);
    pb->attention = o[ATT] && strcmp(o[ATT], "random") == 0 ? SC_SIM_ATT_RANDOM : SC_SIM_ATT_IDENTITY;
    if (o[QKV] && pb->attention != SC_SIM_ATT_RANDOM)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--qkv-norm needs --attention random");
    blocks = floor(pb->T / pb->h + 0.5);
    if (!mom && blocks < 1)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--time must be at least one step (--time %g < --step %g)",
                           pb->T, pb->h);
    if (!mom && blocks * pb->runs * (measure == SC_SIMULATE_ENERGY ? pb->tokens : 1) > 1e12)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--time / --step x --runs is too large (more than 10^12 updates)");
    return 0;
}

/* ------------------------------------------------------------ output */

/* why a standard error is not finite */
static const char *se_why(sc_sim_est e)
{
    return e.n < 2 ? "fewer than 2 samples" : "beyond the double range";
}

/* why a comparison does not apply (sc_sim_cmp_eval) */
static const char *cmp_why(const sc_sim_cmp *c)
{
    if (!arb_is_finite(c->cert))
        return "the certified value is infinite or undefined";
    if (!isfinite(c->est.se))
        return "no finite standard error";
    return "the certified value is beyond the double range";
}

/* "NAME_sim": estimate, "NAME_certified": ball */
static void json_sim(const char *name, const sc_sim_cmp *c)
{
    char key[64];
    printf(", \"%s_sim\": {", name);
    sc_cli_json_double(stdout, "mean", "%.10g", c->est.mean, "the simulation overflowed");
    printf(", ");
    sc_cli_json_double(stdout, "se", "%.6g", c->est.se, se_why(c->est));
    printf(", \"n\": %.0f}, ", c->est.n);
    snprintf(key, sizeof(key), "%s_certified", name);
    sc_cli_json_real(stdout, key, c->cert, 10, 0);
}

static void json_compare(const char *name, const sc_sim_cmp *c)
{
    const char *why = cmp_why(c);
    printf(", \"%s_compare\": {", name);
    sc_cli_json_double(stdout, "allowance", "%.6g", c->allowance, "K'(1) = inf (phi jumps) or beyond the double range");
    printf(", ");
    sc_cli_json_double(stdout, "difference", "%.6g", c->applicable ? c->diff : NAN, why);
    printf(", ");
    sc_cli_json_double(stdout, "z", "%.6g", c->applicable ? c->z : NAN, c->applicable ? "zero standard error" : why);
    printf(", \"consistent\": ");
    if (c->applicable)
        printf("%s}", c->consistent ? "true" : "false");
    else
    {
        printf("null, \"consistent_note\": ");
        sc_cli_json_str(stdout, why);
        printf("}");
    }
}

static void text_certified(const char *label, const arb_t x, const char *what)
{
    printf("%-22s ", label);
    sc_cli_text_real(stdout, x, 10);
    printf("   (certified, %s)\n", what);
}

static void text_compare(const sc_sim_cmp *c)
{
    if (isfinite(c->allowance))
        printf("%-22s %.3g (heuristic bound on the O(h) step-size bias)\n", "step allowance", c->allowance);
    else
        printf("%-22s none (K'(1) = inf, or beyond the double range)\n", "step allowance");
    if (!c->applicable)
    {
        printf("%-22s not applicable (infinite or undefined value)\n", "consistent");
        return;
    }
    printf("%-22s %.3g = %.2f standard errors\n", "difference", c->diff, c->z);
    printf("%-22s %s (|difference| %s 5 s.e. + allowance = %.3g)\n", "consistent",
           c->consistent ? "yes" : "NO", c->consistent ? "<=" : ">", c->threshold);
}

/* "MEAN +/- SE" into buf, or MEAN followed by none when SE is not finite */
static const char *est_str(char *buf, size_t n, sc_sim_est e, const char *none)
{
    if (isfinite(e.se))
        snprintf(buf, n, "%.6g +/- %.2g", e.mean, e.se);
    else
        snprintf(buf, n, "%.6g%s", e.mean, none);
    return buf;
}

/* "NAME simulated", "NAME certified" and the comparison */
static void text_sim(const char *name, const sc_sim_cmp *c, int jumps)
{
    char label[64], e[64];
    snprintf(label, sizeof(label), "%s simulated", name);
    printf("%-22s %s   (simulated: mean +/- 1 standard error)\n", label, est_str(e, sizeof(e), c->est, " +/- n/a"));
    if (jumps)
        printf("%-22s K'(1) = inf (phi jumps): the discrete exponent depends on --delta and\n"
               "%-22s the width (hidden units changing sign) and has no finite h -> 0 limit\n", "note", "");
    snprintf(label, sizeof(label), "%s certified", name);
    text_certified(label, c->cert, "the limit h -> 0");
    text_compare(c);
}

static void text_banner(const char *model, const char *section, const char *what)
{
    printf("STATISTICAL, NOT CERTIFIED: Monte Carlo estimates of the discrete %s\n"
           "(doc/model.md, section %s); only the %s marked 'certified' are enclosures.\n\n", model, section, what);
}

/* lyapunov (c2 NULL) and moments: the estimates next to the certified values */
static void print_pair(int json, const char *spec, const sc_simulate_problem *pb, const sc_simulate_run *run,
                       double step_par, double nblocks, const sc_sim_cmp *c1, const sc_sim_cmp *c2, int jumps)
{
    const sc_sim_params *P = &run->P;
    if (json)
    {
        printf("{\"command\": \"simulate\", \"measure\": \"%s\", \"statistical\": true, "
               "\"activation\": \"%s\", \"dim\": %ld, \"width\": %ld, \"sigma\": %.10g, "
               "\"weight_var\": %.10g, \"bias_var\": %.10g, \"step\": %.10g",
               c2 ? "moments" : "lyapunov", spec, P->d, P->m, P->sigma, P->q, P->s, P->h);
        if (c2 == NULL)
            printf(", \"time\": %.10g, \"runs\": %ld, \"blocks\": %.0f, \"delta\": %.6g", pb->T, pb->runs,
                   nblocks * pb->runs, pb->delta);
        else
            printf(", \"rho\": %.10g, \"samples\": %ld", fmpq_get_d(pb->rho), pb->runs);
        printf(", \"seed\": %lu, \"threads\": %d, ", P->seed, run->threads);
        sc_cli_json_double(stdout, "step_parameter", "%.6g", step_par, "h sigma^2 d K(1) is beyond the double range");
        json_sim(c2 ? "b" : "lambda", c1);
        json_compare(c2 ? "b" : "lambda", c1);
        if (jumps)
            printf(", \"note\": \"K'(1) = inf: the discrete exponent depends on delta and the width\"");
        if (c2 != NULL)
        {
            json_sim("a", c2);
            json_compare("a", c2);
        }
        printf(", \"seconds\": %.4g, \"blocks_per_second\": %.6g}\n", run->seconds, run->per_second);
        return;
    }
    text_banner("model", "1", "lines");
    printf("%-22s %s\n", "measure", c2 ? "moments (one-step drift and variance of rho)"
           : "lyapunov (two-point Lyapunov exponent)");
    printf("%-22s %s\n", "activation", spec);
    printf("%-22s d = %ld, width m = %ld, sigma = %g, q = %g, s = %g, step h = %g\n", "model",
           P->d, P->m, P->sigma, P->q, P->s, P->h);
    if (c2 == NULL)
        printf("%-22s %ld runs x %.0f blocks = %.0f blocks, antithetic (W2, -W2), separation %g\n",
               "sampling", pb->runs, nblocks, nblocks * pb->runs, pb->delta);
    else
        printf("%-22s %ld antithetic samples (W2, -W2) of one block from rho = %g\n",
               "sampling", pb->runs, fmpq_get_d(pb->rho));
    printf("%-22s %lu (%d threads; the output does not depend on the thread count)\n", "seed",
           P->seed, run->threads);
    if (isfinite(step_par))
        printf("%-22s %.3g (h sigma^2 d K(1): the step-size bias is small when this is)\n\n",
               "step parameter", step_par);
    else
        printf("%-22s beyond the double range (h sigma^2 d K(1))\n\n", "step parameter");
    text_sim(c2 ? "b(rho)" : "lambda", c1, jumps);
    if (c2 != NULL)
    {
        printf("\n");
        text_sim("a(rho)", c2, 0);
    }
    printf("\n%-22s %.3f s, %.4g blocks/s\n", "time", run->seconds, run->per_second);
}

/* rqf (spec NULL) and pair: the end states and the absorption probability */
static void print_absorb(int json, const char *spec, const sc_simulate_problem *pb, const sc_simulate_run *run,
                         const sc_sim_rqf_result *n, const sc_sim_cmp *psync, const arb_t panti,
                         const arb_t sw)
{
    const sc_sim_params *P = &run->P;
    double rho = fmpq_get_d(pb->rho);
    char e[64];
    if (json)
    {
        printf("{\"command\": \"simulate\", \"measure\": \"%s\", \"statistical\": true, ", spec ? "pair" : "rqf");
        if (spec)
            printf("\"activation\": \"%s\", \"width\": %ld, \"gamma\": %.10g, \"beta\": %.10g, ", spec,
                   P->m, P->gamma, P->beta);
        printf("\"dim\": %ld, "
               "\"sigma\": %.10g, \"step\": %.10g, \"time\": %.10g, \"rho\": %.10g, \"runs\": %ld, "
               "\"seed\": %lu, \"threads\": %d, \"synchronised\": %ld, \"antipodal\": %ld, "
               "\"unsettled\": %ld", P->d, P->sigma, P->h, pb->T, rho, pb->runs, P->seed, run->threads,
               n->sync, n->anti, n->unsettled);
        json_sim("p_sync", psync);
        printf(", ");
        sc_cli_json_real(stdout, "p_antipodal_certified", panti, 10, 0);
        if (sw != NULL)
        {
            printf(", ");
            sc_cli_json_real(stdout, "stop_switch_bound", sw, 6, 0);
        }
        json_compare("p_sync", psync);
        printf(", \"seconds\": %.4g}\n", run->seconds);
        return;
    }
    if (spec == NULL)
    {
        text_banner("RQF model", "6", "lines");
        printf("%-22s rqf (Random Quadratic Form, GOE increments)\n", "measure");
        printf("%-22s n = %ld, sigma = %g, step h = %g, time T = %g, rho0 = %g\n", "model", P->d, P->sigma,
               P->h, pb->T, rho);
    }
    else
    {
        text_banner("model", "9", "lines");
        printf("%-22s pair (two tokens, identity attention, until 1 - |rho| < %g)\n", "measure", pb->stop);
        printf("%-22s %s\n", "activation", spec);
        printf("%-22s d = %ld, width m = %ld, sigma = %g, q = %g, s = %g, gamma = %g, beta = %g,\n"
               "%-22s step h = %g, time T = %g, rho0 = %g\n", "model", P->d, P->m, P->sigma, P->q, P->s,
               P->gamma, P->beta, "", P->h, pb->T, rho);
    }
    printf("%-22s %ld runs, seed %lu (%d threads; the output does not depend on the thread count)\n",
           "sampling", pb->runs, P->seed, run->threads);
    printf("\n%-22s %ld synchronised (rho > 0), %ld antipodal (rho < 0), %ld unsettled (|rho| < 0.99)\n",
           "end states", n->sync, n->anti, n->unsettled);
    printf("%-22s %s   (simulated: fraction +/- 1 binomial standard error)\n", "P(sync) simulated",
           est_str(e, sizeof(e), psync->est, " +/- n/a"));
    text_certified("P(sync) certified", psync->cert, spec ? "the limit h -> 0" : "1 - theta0/pi, theta0 = arccos rho0");
    text_certified("P(antipodal) cert.", panti, spec ? "the limit h -> 0" : "theta0/pi");
    if (sw != NULL)
    {
        char *lo, *hi;
        sc_arb_bounds(&lo, &hi, sw, 3);
        printf("%-22s <= %s   (certified: chance that a stopped run would change ends)\n", "stopping error", hi);
        flint_free(lo);
        flint_free(hi);
    }
    text_compare(psync);
    printf("\n%-22s %.3f s\n", "time", run->seconds);
}

/* the one way the simulated rate is not finite (the library checked E_p) */
#define RATE_WHY "the mean energy at T is 0 in double precision (the tokens coincide)"

static void print_energy_json(const char *spec, const sc_simulate_problem *pb, const sc_simulate_energy_result *r)
{
    const sc_sim_params *P = &r->run.P;
    long k;
    printf("{\"command\": \"simulate\", \"measure\": \"energy\", \"statistical\": true, "
           "\"activation\": \"%s\", \"dim\": %ld, \"width\": %ld, \"tokens\": %ld, \"p\": %.10g, "
           "\"sigma\": %.10g, \"weight_var\": %.10g, \"bias_var\": %.10g, \"step\": %.10g, "
           "\"time\": %.10g, \"runs\": %ld, \"gamma\": %.10g, \"beta\": %.10g, \"attention\": \"%s\", "
           "\"projective\": %s, "
           "\"L_att\": %.10g, \"seed\": %lu, \"threads\": %d, \"points\": [",
           spec, P->d, P->m, pb->tokens, fmpq_get_d(pb->p), P->sigma, P->q, P->s, P->h, pb->T, pb->runs,
           P->gamma, P->beta, P->attention == SC_SIM_ATT_RANDOM ? "random" : "identity",
           P->projective ? "true" : "false", arf_get_d(arb_midref(r->Latt), ARF_RND_NEAR), P->seed, r->run.threads);
    for (k = 0; k <= r->npts; k++)
    {
        printf("%s{\"t\": %.10g, \"E_p\": %.10g, ", k ? ", " : "", r->t[k], r->Ep[k].mean);
        sc_cli_json_double(stdout, "E_p_se", "%.4g", r->Ep[k].se, se_why(r->Ep[k]));
        printf(", \"ratio\": %.10g, ", r->ratio[k].mean);
        sc_cli_json_double(stdout, "ratio_se", "%.4g", r->ratio[k].se, se_why(r->ratio[k]));
        if (r->bound != NULL)
        {
            printf(", \"bound_certified\": ");
            sc_print_json_real(stdout, r->bound + k, 10);
        }
        printf("}");
    }
    printf("], \"rate_sim\": {");
    sc_cli_json_double(stdout, "mean", "%.10g", r->rate.mean, RATE_WHY);
    printf(", ");
    sc_cli_json_double(stdout, "se", "%.4g", r->rate.se, isfinite(r->rate.mean) ? se_why(r->rate) : RATE_WHY);
    printf("}");
    if (r->have_rp)
    {
        printf(", ");
        sc_cli_json_real(stdout, "c_p_certified", r->cp, 10, 1);
        sc_cli_json_real(stdout, "r_p_certified", r->rp, 10, 1);
        printf("\"certificate_holds\": %s", r->verdict == SC_DISS_YES ? "true" : "false");
    }
    else
    {
        printf(", \"r_p_certified\": null, \"r_p_certified_note\": ");
        sc_cli_json_str(stdout, r->note);
        printf(", \"certificate_holds\": null, \"certificate_holds_note\": ");
        sc_cli_json_str(stdout, r->note);
        printf(", \"r_p_note\": ");     /* the older name of the same note */
        sc_cli_json_str(stdout, r->note);
    }
    printf(", \"seconds\": %.4g, \"token_updates_per_second\": %.6g}\n", r->run.seconds, r->run.per_second);
}

static void text_bounds(const char *label, const arb_t x, const char *what)
{
    char *lo, *hi;
    sc_arb_bounds(&lo, &hi, x, 8);
    printf("%-22s [%s, %s]   (certified%s)\n", label, lo, hi, what);
    flint_free(lo);
    flint_free(hi);
}

static void print_energy_text(const char *spec, const sc_simulate_problem *pb, const sc_simulate_energy_result *r)
{
    const sc_sim_params *P = &r->run.P;
    char b1[64], b2[64], *lo, *hi;
    long k;
    text_banner("model", "1", "values");
    printf("%-22s %s\n", "measure", P->projective ? "energy, projective (E_p = sum_{i<j} (1 - rho_ij^2)^{p/2} over depth)"
                                                 : "energy (E_p = sum_{i<j} |x_i - x_j|^p over depth)");
    printf("%-22s %s\n", "activation", spec);
    printf("%-22s d = %ld, width m = %ld, sigma = %g, q = %g, s = %g, step h = %g\n", "model",
           P->d, P->m, P->sigma, P->q, P->s, P->h);
    if (P->gamma > 0)
        printf("%-22s gamma = %g, beta = %g, %s Q, K, V, L_att = %.6g\n", "attention", P->gamma, P->beta,
               P->attention == SC_SIM_ATT_RANDOM ? "random" : "identity",
               arf_get_d(arb_midref(r->Latt), ARF_RND_NEAR));
    else
        printf("%-22s none (gamma = 0)\n", "attention");
    printf("%-22s %ld tokens, p = %g, %ld runs x %.0f blocks (T = %g), seed %lu, %d threads\n",
           "sampling", pb->tokens, fmpq_get_d(pb->p), pb->runs, r->nblocks, pb->T, P->seed, r->run.threads);
    printf("\n%10s  %-26s %-26s %s\n", "t", "mean E_p (+/- s.e.)", "mean E_p(t)/E_p(0)",
           r->bound ? "certified bound exp(-r_p t)" : "");
    for (k = 0; k <= r->npts; k++)
    {
        printf("%10.4g  %-26s %-26s ", r->t[k], est_str(b1, sizeof(b1), r->Ep[k], ""),
               est_str(b2, sizeof(b2), r->ratio[k], ""));
        if (r->bound != NULL)
        {
            sc_arb_bounds(&lo, &hi, r->bound + k, 6);
            printf("<= %s", hi);
            flint_free(lo);
            flint_free(hi);
        }
        printf("\n");
    }
    if (isfinite(r->rate.mean))
        printf("\n%-22s %s   (-log(mean E_p(T)/E_p(0)) / T; statistical)\n", "decay rate simulated",
               est_str(b1, sizeof(b1), r->rate, ""));
    else
        printf("\n%-22s unbounded: %s\n", "decay rate simulated", RATE_WHY);
    if (!r->have_rp)
        printf("%-22s not available (%s)\n", "certified rate", r->note);
    else
    {
        text_bounds(P->projective ? "c_p^pm" : "c_p", r->cp, "");
        text_bounds("r_p", r->rp, ", c_p - p gamma L_att");
        if (r->verdict == SC_DISS_YES)
            printf("%-22s holds: E[E_p(t)] <= exp(-r_p t) E_p(0) in the limit h -> 0\n", "certificate");
        else
            printf("%-22s does not hold (r_p > 0 not certified): no certified rate to draw\n", "certificate");
    }
    printf("\n%-22s %.3f s, %.4g token-block updates/s\n", "time", r->run.seconds, r->run.per_second);
}

/* ------------------------------------------------------------ run */

/* The measure's one library call, then its printer. */
static int simulate(int measure, int json, const sc_act_t act, const sc_simulate_problem *pb)
{
    union
    {
        sc_simulate_lyapunov_result l;
        sc_simulate_moments_result m;
        sc_simulate_energy_result e;
        sc_simulate_rqf_result q;
        sc_simulate_pair_result p;
    } r;
    char *spec = sc_act_spec(act);
    int st = SC_OK;
    switch (measure)
    {
    case SC_SIMULATE_LYAPUNOV:
        sc_simulate_lyapunov_result_init(&r.l);
        if ((st = sc_simulate_lyapunov(&r.l, act, pb)) == SC_OK)
            print_pair(json, spec, pb, &r.l.run, r.l.step_parameter, r.l.nblocks, &r.l.lambda, NULL,
                       !arb_is_finite(r.l.dK1));
        sc_simulate_lyapunov_result_clear(&r.l);
        break;
    case SC_SIMULATE_MOMENTS:
        sc_simulate_moments_result_init(&r.m);
        if ((st = sc_simulate_moments(&r.m, act, pb)) == SC_OK)
            print_pair(json, spec, pb, &r.m.run, r.m.step_parameter, 0, &r.m.b, &r.m.a, 0);
        sc_simulate_moments_result_clear(&r.m);
        break;
    case SC_SIMULATE_ENERGY:
        sc_simulate_energy_result_init(&r.e);
        if ((st = sc_simulate_energy(&r.e, act, pb)) == SC_OK)
            (json ? print_energy_json : print_energy_text)(spec, pb, &r.e);
        sc_simulate_energy_result_clear(&r.e);
        break;
    case SC_SIMULATE_PAIR:
        sc_simulate_pair_result_init(&r.p);
        if ((st = sc_simulate_pair(&r.p, act, pb)) == SC_OK)
            print_absorb(json, spec, pb, &r.p.run, &r.p.counts, &r.p.psync, r.p.panti, r.p.switch_prob);
        sc_simulate_pair_result_clear(&r.p);
        break;
    default:
        sc_simulate_rqf_result_init(&r.q);
        if ((st = sc_simulate_rqf(&r.q, pb)) == SC_OK)
            print_absorb(json, NULL, pb, &r.q.run, &r.q.counts, &r.q.psync, r.q.panti, NULL);
        sc_simulate_rqf_result_clear(&r.q);
    }
    flint_free(spec);
    return st == SC_OK ? 0 : sc_cli_lib_fail(CMD, st);
}

static int run(int argc, char **argv)
{
    const char *o[NOPT] = { NULL }, *pos[1];
    int json = 0, prog = 0, quiet = 0, proj = 0, npos = 0, rc, measure = SC_SIMULATE_LYAPUNOV;
    const sc_opt opts[] = {
        { "dim", 1, &o[DIM] }, { "measure", 1, &o[MEASURE] }, { "width", 1, &o[WIDTH] },
        { "step", 1, &o[STEP] }, { "time", 1, &o[TIME] }, { "runs", 1, &o[RUNS] }, { "seed", 1, &o[SEED] },
        { "sigma", 1, &o[SIGMA] }, { "weight-var", 1, &o[WVAR] }, { "bias-var", 1, &o[BVAR] },
        { "rho", 1, &o[RHO] }, { "delta", 1, &o[DELTA] }, { "tokens", 1, &o[TOKENS] }, { "p", 1, &o[PP] },
        { "points", 1, &o[POINTS] }, { "gamma", 1, &o[GAMMA] }, { "beta", 1, &o[BETA] },
        { "attention", 1, &o[ATT] }, { "qkv-norm", 1, &o[QKV] }, { "threads", 1, &o[THREADS] },
        { "progress", 0, NULL, &prog }, { "quiet", 0, NULL, &quiet }, { "json", 0, NULL, &json },
        { "projective", 0, NULL, &proj },
    };
    sc_act_t act;
    sc_simulate_problem pb;

    sc_act_init(act);
    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto out;
    while (o[MEASURE] != NULL && measure <= SC_SIMULATE_PAIR && strcmp(o[MEASURE], measure_name[measure]) != 0)
        measure++;
    if (measure > SC_SIMULATE_PAIR)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown measure '%s' (lyapunov, moments, energy, rqf or pair)", o[MEASURE]);
        goto out;
    }
    if (proj && measure != SC_SIMULATE_ENERGY)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--projective does not apply to --measure %s", measure_name[measure]);
        goto out;
    }
    /* ACT; the RQF is the linear case: ACT may be omitted */
    if (npos != 1 && !(npos == 0 && measure == SC_SIMULATE_RQF))
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help simulate')");
    else if ((rc = sc_cli_act(act, npos ? pos[0] : "linear", CMD)) == 0 && measure == SC_SIMULATE_RQF &&
             strcmp(act->def->name, "linear") != 0)
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE,
                         "--measure rqf simulates the RQF (the linear case): omit ACT or give linear");
    if (rc != 0 || (rc = check_applies(measure, o)) != 0)
        goto out;
    sc_simulate_problem_init(&pb, measure);
    if ((rc = read_problem(&pb, measure, o)) == 0)
    {
        pb.progress = quiet ? 0 : (prog ? 1 : isatty(2));
        pb.projective = proj;
        rc = simulate(measure, json, act, &pb);
    }
    sc_simulate_problem_clear(&pb);
out:
    sc_act_clear(act);
    return rc;
}

const sc_cmd sc_cmd_simulate = {
    "simulate", run, "simulate the discrete transformer (statistical, not certified) next to the certified values", help
};
