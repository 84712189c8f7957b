/* `synccert rqf --dim N`: the Random Quadratic Form (doc/model.md section
   6), each quantity also computed through the general machinery with the
   linear activation (sections 3-4) and checked to agree (sc_rqf_certify). */
#include <string.h>
#include "cli.h"
#include "synccert/rqf.h"
#include "synccert/print.h"

static const char help[] =
"usage: synccert rqf --dim N [--sigma S] [--rho R] [--theta0 T] [--full-spectrum]\n"
"                    [--digits N] [--budget SECONDS] [--json]\n"
"\n"
"The Random Quadratic Form dX = -sigma P_X o dQ_t X on S^{N-1}, Q_t = (B_t + B_t^T)/2\n"
"with B an N x N matrix of independent Brownian motions (GOE increments), the\n"
"projection of the linear flow dY = -sigma o dQ Y (doc/model.md, section 6).\n"
"\n"
"Options:\n"
"  --dim N           dimension, an exact integer, 2 <= N <= 10^30 (required)\n"
"  --sigma S         noise strength sigma > 0 (default 1)\n"
"  --rho R           overlap at which the two-point coefficients are shown, in [-1, 1]\n"
"                    (default 1/2)\n"
"  --theta0 T        initial angle in [0, pi] between the two tokens: also print the\n"
"                    probabilities of ending synchronised or antipodal\n"
"  --full-spectrum   print all N exponents (default: all when N <= 20, else the first\n"
"                    three and the last two; at most 10^5 in full)\n"
"  --digits N        correct digits of every printed number, 1..3000 (default 15)\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
"  --json            one JSON object (certified reals as in 'synccert kernel --json')\n"
"\n"
"Output (exact formulas, evaluated with certified digits):\n"
"  spectrum          Lyapunov exponents lambda_k = sigma^2 (N + 1 - 2k)/2, k = 1..N, of\n"
"                    the linear flow; spectrum_sum is their sum, exactly 0\n"
"  contraction_rate  lambda_1 - lambda_2 = sigma^2, the rate at which two tokens merge\n"
"  b, a              two-point coefficients at rho: b = -sigma^2 rho (1 - rho^2),\n"
"                    a = 2 sigma^2 (1 - rho^2)^2\n"
"  lambda, v         near-diagonal drift -sigma^2 (= -(lambda_1 - lambda_2)) and variance\n"
"                    rate 2 sigma^2 of log|X - Y|\n"
"  p_sync, p_antipodal  with --theta0: theta = arccos rho is a martingale, so\n"
"                    P(theta -> 0) = 1 - theta0/pi and P(theta -> pi) = theta0/pi\n"
"  general           the same b, a, lambda, v from the general two-point machinery with\n"
"                    the linear activation (K(rho) = rho) in dimension N, and the drift\n"
"                    of theta computed from its b, a at rho = cos(theta0), which must be 0;\n"
"                    'agree' says every pair of enclosures overlaps (exit 1 if not)\n"
"Exit status: 0 success, 1 a computation failed (precision cap, budget) or\n"
"disagreed, 2 bad input.\n"
"Example: synccert rqf --dim 4 --theta0 1\n";

static void row(const char *name, const arb_t x, const arb_t y, slong digits)
{
    char *sx = sc_arb_digits(x, digits), *sy = sc_arb_digits(y, digits);
    printf("  %-12s%-26s%-26s%s\n", name, sx, sy, arb_overlaps(x, y) ? "yes" : "NO");
    flint_free(sx);
    flint_free(sy);
}

static void print_json(const sc_rqf_result *r, const fmpz_t n, const fmpq_t sigma,
                       const fmpq_t rho, const fmpq_t th, slong digits)
{
    slong i;
    printf("{\"command\": \"rqf\", \"dim\": ");
    fmpz_print(n);
    printf(", ");
    sc_cli_json_fmpq(stdout, "sigma", sigma, 1);
    printf("\"spectrum\": [");
    for (i = 0; i < r->nshown; i++)
    {
        printf("%s{\"k\": ", i ? ", " : "");
        fmpz_print(r->k + i);
        printf(", ");
        sc_cli_json_real(stdout, "value", r->spectrum + i, digits, 0);
        printf("}");
    }
    printf("], \"spectrum_complete\": %s, ", r->nshown == r->first ? "true" : "false");
    sc_cli_json_fmpq(stdout, "spectrum_sum", r->spectrum_sum, 1);
    sc_cli_json_real(stdout, "contraction_rate", r->contraction, digits, 1);
    sc_cli_json_fmpq(stdout, "rho", rho, 1);
    sc_cli_json_real(stdout, "b", r->b, digits, 1);
    sc_cli_json_real(stdout, "a", r->a, digits, 1);
    sc_cli_json_real(stdout, "lambda", r->lambda, digits, 1);
    sc_cli_json_real(stdout, "v", r->v, digits, 1);
    if (r->has_theta0)
    {
        sc_cli_json_fmpq(stdout, "theta0", th, 1);
        sc_cli_json_real(stdout, "p_sync", r->psync, digits, 1);
        sc_cli_json_real(stdout, "p_antipodal", r->panti, digits, 1);
    }
    printf("\"general\": {\"activation\": \"linear\", ");
    sc_cli_json_real(stdout, "b", r->gb, digits, 1);
    sc_cli_json_real(stdout, "a", r->ga, digits, 1);
    sc_cli_json_real(stdout, "lambda", r->glambda, digits, 1);
    sc_cli_json_real(stdout, "v", r->gv, digits, r->theta0_inside);
    if (r->theta0_inside)
        sc_cli_json_real(stdout, "theta_drift", r->theta_drift, digits, 0);
    printf("}, \"agree\": %s}\n", r->agree ? "true" : "false");
}

static void print_text(const sc_rqf_result *r, const fmpz_t n, const fmpq_t sigma,
                       const fmpq_t rho, const fmpq_t th, slong digits)
{
    slong i;
    printf("Random Quadratic Form on S^{n-1}: n = ");
    fmpz_print(n);
    printf(", sigma = ");
    fmpq_print(sigma);
    printf("\n\nLyapunov spectrum of the linear flow, lambda_k = sigma^2 (n + 1 - 2k)/2:\n");
    for (i = 0; i < r->nshown; i++)
    {
        if (i == r->first)
            printf("  ...\n");
        printf("  lambda_");
        fmpz_print(r->k + i);
        printf("%*s", (int) FLINT_MAX(1, 12 - (slong) fmpz_sizeinbase(r->k + i, 10)), "");
        sc_cli_text_real(stdout, r->spectrum + i, digits);
        printf("\n");
    }
    printf("  sum                ");
    fmpq_print(r->spectrum_sum);
    printf(" (exact)\ncontraction rate lambda_1 - lambda_2 = ");
    sc_cli_text_real(stdout, r->contraction, digits);
    printf("\n\nTwo-point motion (at rho = ");
    fmpq_print(rho);
    printf("):\n");
    printf("  %-12s%-26s%-26s%s\n", "", "RQF formula", "general (linear, d = n)", "agree");
    row("b(rho)", r->b, r->gb, digits);
    row("a(rho)", r->a, r->ga, digits);
    row("lambda", r->lambda, r->glambda, digits);
    row("v", r->v, r->gv, digits);
    if (r->has_theta0)
    {
        printf("\nFrom theta0 = ");
        fmpq_print(th);
        printf(" (theta = arccos rho is a martingale):\n  P(synchronised)  = 1 - theta0/pi = ");
        sc_cli_text_real(stdout, r->psync, digits);
        printf("\n  P(antipodal)     = theta0/pi     = ");
        sc_cli_text_real(stdout, r->panti, digits);
        if (r->theta0_inside)
        {
            printf("\n  drift of theta from the general b, a at cos(theta0): ");
            sc_cli_text_real(stdout, r->theta_drift, digits);
            printf(arb_contains_zero(r->theta_drift) ? "  (consistent with 0)" : "  (NOT 0)");
        }
        printf("\n");
    }
    printf("\n%s\n", r->agree ? "RQF formulas and the general machinery agree (all enclosures overlap)."
                              : "DISAGREEMENT between the RQF formulas and the general machinery.");
}

static int run(int argc, char **argv)
{
    const char *cmd = argv[0];
    const char *sdim = NULL, *ssig = NULL, *srho = NULL, *sth = NULL, *sdig = NULL;
    int json = 0, full = 0, npos = 0, rc = 0, st;
    const char *pos[1];
    const sc_opt opts[] = {
        { "dim", 1, &sdim, NULL, NULL, NULL, 0 },
        { "sigma", 1, &ssig, NULL, NULL, NULL, 0 },
        { "rho", 1, &srho, NULL, NULL, NULL, 0 },
        { "theta0", 1, &sth, NULL, NULL, NULL, 0 },
        { "full-spectrum", 0, NULL, &full, NULL, NULL, 0 },
        { "digits", 1, &sdig, NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    fmpz_t n;
    fmpq_t sigma, rho, th;
    slong digits;
    sc_rqf_result r;

    if ((rc = sc_cli_parse(argc, argv, opts, 7, pos, 0, &npos)) != 0)
        return rc;
    fmpz_init(n);
    fmpq_init(sigma); fmpq_init(rho); fmpq_init(th);
    sc_rqf_result_init(&r);
    if ((rc = sc_cli_dim(n, sdim, cmd)) || (rc = sc_cli_sqs(sigma, ssig, NULL, NULL, NULL, NULL, cmd)) ||
        (rc = sc_cli_fmpq(rho, srho, "1/2", cmd, "--rho")) || (rc = sc_cli_digits(&digits, sdig, cmd)) ||
        (sth != NULL && (rc = sc_cli_fmpq(th, sth, "0", cmd, "--theta0"))))
        goto out;
    if (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0)
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--rho must lie in [-1, 1], got '%s'", srho);
    else if (full && fmpz_cmp_si(n, SC_RQF_FULL_MAX) > 0)
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--full-spectrum needs --dim <= %d", SC_RQF_FULL_MAX);
    if (rc)
        goto out;
    st = sc_rqf_certify(&r, n, sigma, rho, sth ? th : NULL, full, digits);
    if (st != SC_OK || sc_interrupted())
    {
        /* the only input the library can still reject is theta0 */
        rc = st == SC_ERR_INPUT && sth != NULL
             ? sc_cli_fail(cmd, SC_EXIT_USAGE, "--theta0 must lie in [0, pi], got '%s'", sth)
             : sc_cli_lib_fail(cmd, st);
        goto out;
    }
    if (json)
        print_json(&r, n, sigma, rho, th, digits);
    else
        print_text(&r, n, sigma, rho, th, digits);
    if (!r.agree)
        rc = sc_cli_fail(cmd, SC_EXIT_FAIL, "RQF formulas and the general machinery disagree");
out:
    fmpz_clear(n);
    fmpq_clear(sigma); fmpq_clear(rho); fmpq_clear(th);
    sc_rqf_result_clear(&r);
    return rc;
}

const sc_cmd sc_cmd_rqf = {
    "rqf", run,
    "Random Quadratic Form: Lyapunov spectrum, two-point law, hitting probabilities",
    help
};
