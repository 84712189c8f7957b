/* `synccert rqf --dim N`: the Random Quadratic Form (MODEL.md section 6),
   each quantity also computed through the general machinery with the linear
   activation (sections 3-4) and checked to agree. */
#include <string.h>
#include "cli.h"
#include "synccert/rqf.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/kernel.h"
#include "synccert/print.h"
#include "synccert/parse.h"

static const char help[] =
"usage: synccert rqf --dim N [--sigma S] [--rho R] [--theta0 T] [--full-spectrum]\n"
"                    [--digits N] [--json]\n"
"\n"
"The Random Quadratic Form dX = -sigma P_X o dQ_t X on S^{N-1}, Q_t = (B_t + B_t^T)/2\n"
"with B an N x N matrix of independent Brownian motions (GOE increments), the\n"
"projection of the linear flow dY = -sigma o dQ Y (MODEL.md section 6).\n"
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
"Exit status: 0 success, 1 a computation failed or disagreed, 2 bad input.\n"
"Example: synccert rqf --dim 4 --theta0 1\n";

static void spectrum_shown(slong *first, slong *last, const fmpz_t n, int full)
{
    /* show k = 1..first and k = n - last + 1..n */
    if (full || fmpz_cmp_si(n, 20) <= 0)
    {
        *first = fmpz_get_si(n);
        *last = 0;
    }
    else
    {
        *first = 3;
        *last = 2;
    }
}

static void lam_k(arb_t x, const fmpz_t n, const fmpz_t k, const fmpq_t sigma, slong prec)
{
    fmpq_t l;
    fmpq_init(l);
    sc_rqf_lyap_k(l, n, k, sigma);
    arb_set_fmpq(x, l, prec);
    fmpq_clear(l);
}

static void row(const char *name, const arb_t x, const arb_t y, slong digits)
{
    char *sx = sc_arb_digits(x, digits), *sy = sc_arb_digits(y, digits);
    printf("  %-12s%-26s%-26s%s\n", name, sx, sy, arb_overlaps(x, y) ? "yes" : "NO");
    flint_free(sx);
    flint_free(sy);
}

static int run(int argc, char **argv)
{
    const char *cmd = argv[0];
    const char *sdim = NULL, *ssig = NULL, *srho = NULL, *sth = NULL, *sdig = NULL;
    int json = 0, full = 0, npos = 0, rc = 0, st, agree = 1, has_th = 0, th_inside = 0;
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
    fmpz_t n, k;
    fmpq_t sigma, rho, th, sum;
    slong digits, prec, first, last, i;
    arb_t s2, x, y, rb, b, a, lam, v, bg, ag, ps, pa, thb, drift;
    sc_lyap_result lr;
    sc_act_t lin;

    if ((rc = sc_cli_parse(argc, argv, opts, 7, pos, 0, &npos)) != 0)
        return rc;
    fmpz_init(n); fmpz_init(k);
    fmpq_init(sigma); fmpq_init(rho); fmpq_init(th); fmpq_init(sum);
    arb_init(s2); arb_init(x); arb_init(y); arb_init(rb); arb_init(b); arb_init(a);
    arb_init(lam); arb_init(v); arb_init(bg); arb_init(ag); arb_init(ps); arb_init(pa);
    arb_init(thb); arb_init(drift);
    sc_lyap_result_init(&lr);
    sc_act_init(lin);

    if ((rc = sc_cli_dim(n, sdim, cmd)) || (rc = sc_cli_sqs(sigma, ssig, NULL, NULL, NULL, NULL, cmd)) ||
        (rc = sc_cli_fmpq(rho, srho, "1/2", cmd, "--rho")) || (rc = sc_cli_digits(&digits, sdig, cmd)))
        goto out;
    if (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0)
    {
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--rho must lie in [-1, 1], got '%s'", srho);
        goto out;
    }
    if (full && fmpz_cmp_si(n, 100000) > 0)
    {
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--full-spectrum needs --dim <= 100000");
        goto out;
    }
    if (sth != NULL)
    {
        if ((rc = sc_cli_fmpq(th, sth, "0", cmd, "--theta0")))
            goto out;
        if ((st = sc_rqf_check_theta0(th)) != SC_OK)
        {
            rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--theta0 must lie in [0, pi], got '%s'", sth);
            goto out;
        }
        has_th = 1;
        th_inside = !fmpq_is_zero(th);      /* theta0 < pi is certified */
    }

    /* general machinery: the linear activation in dimension n */
    sc_act_set_default(lin, sc_act_lookup("linear"));
    st = sc_lyapunov_certify(&lr, lin, n, sigma, NULL, NULL, digits, 0);
    if (st == SC_OK)
        st = sc_twopoint_certify(bg, ag, lin, n, rho, sigma, NULL, NULL, digits, 0);
    if (st != SC_OK)
    {
        rc = sc_cli_lib_fail(cmd, st);
        goto out;
    }
    prec = sc_prec_for_digits(digits) + 64;
    arb_set_fmpq(s2, sigma, prec);
    arb_sqr(s2, s2, prec);
    arb_set_fmpq(rb, rho, prec);
    sc_rqf_ba(b, a, rb, s2, prec);
    arb_neg(lam, s2);                       /* -(lambda_1 - lambda_2) */
    arb_mul_2exp_si(v, s2, 1);
    agree = arb_overlaps(b, bg) && arb_overlaps(a, ag) && arb_overlaps(lam, lr.lambda) &&
            arb_overlaps(v, lr.v);
    if (has_th)
    {
        arb_set_fmpq(thb, th, prec);
        sc_rqf_probs(ps, pa, thb, prec);
        if (th_inside)
        {
            arb_cos(x, thb, prec);
            if ((st = sc_rqf_theta_drift_general(drift, n, sigma, x, prec)) != SC_OK)
            {
                rc = sc_cli_lib_fail(cmd, st);
                goto out;
            }
            agree = agree && arb_contains_zero(drift);
        }
    }
    sc_rqf_spectrum_sum(sum, n, sigma);
    spectrum_shown(&first, &last, n, full);

    if (json)
    {
        printf("{\"command\": \"rqf\", \"dim\": ");
        fmpz_print(n);
        printf(", ");
        sc_cli_json_fmpq(stdout, "sigma", sigma, 1);
        printf("\"spectrum\": [");
        for (i = 0; i < first + last; i++)
        {
            if (i < first)
                fmpz_set_si(k, i + 1);
            else
            {
                fmpz_sub_si(k, n, last - 1 - (i - first));
            }
            lam_k(x, n, k, sigma, prec);
            printf("%s{\"k\": ", i ? ", " : "");
            fmpz_print(k);
            printf(", ");
            sc_cli_json_real(stdout, "value", x, digits, 0);
            printf("}");
        }
        printf("], \"spectrum_complete\": %s, ", last == 0 ? "true" : "false");
        sc_cli_json_fmpq(stdout, "spectrum_sum", sum, 1);
        fmpz_one(k);
        lam_k(x, n, k, sigma, prec);
        fmpz_set_ui(k, 2);
        lam_k(y, n, k, sigma, prec);
        arb_sub(x, x, y, prec);
        sc_cli_json_real(stdout, "contraction_rate", x, digits, 1);
        sc_cli_json_fmpq(stdout, "rho", rho, 1);
        sc_cli_json_real(stdout, "b", b, digits, 1);
        sc_cli_json_real(stdout, "a", a, digits, 1);
        sc_cli_json_real(stdout, "lambda", lam, digits, 1);
        sc_cli_json_real(stdout, "v", v, digits, 1);
        if (has_th)
        {
            sc_cli_json_fmpq(stdout, "theta0", th, 1);
            sc_cli_json_real(stdout, "p_sync", ps, digits, 1);
            sc_cli_json_real(stdout, "p_antipodal", pa, digits, 1);
        }
        printf("\"general\": {\"activation\": \"linear\", ");
        sc_cli_json_real(stdout, "b", bg, digits, 1);
        sc_cli_json_real(stdout, "a", ag, digits, 1);
        sc_cli_json_real(stdout, "lambda", lr.lambda, digits, 1);
        sc_cli_json_real(stdout, "v", lr.v, digits, has_th && th_inside);
        if (has_th && th_inside)
            sc_cli_json_real(stdout, "theta_drift", drift, digits, 0);
        printf("}, \"agree\": %s}\n", agree ? "true" : "false");
    }
    else
    {
        printf("Random Quadratic Form on S^{n-1}: n = ");
        fmpz_print(n);
        printf(", sigma = ");
        fmpq_print(sigma);
        printf("\n\nLyapunov spectrum of the linear flow, lambda_k = sigma^2 (n + 1 - 2k)/2:\n");
        for (i = 0; i < first + last; i++)
        {
            if (i < first)
                fmpz_set_si(k, i + 1);
            else
                fmpz_sub_si(k, n, last - 1 - (i - first));
            if (i == first && last > 0)
                printf("  ...\n");
            lam_k(x, n, k, sigma, prec);
            printf("  lambda_");
            fmpz_print(k);
            printf("%*s", (int) FLINT_MAX(1, 12 - (slong) fmpz_sizeinbase(k, 10)), "");
            sc_cli_text_real(stdout, x, digits);
            printf("\n");
        }
        printf("  sum                ");
        fmpq_print(sum);
        printf(" (exact)\n");
        fmpz_one(k);
        lam_k(x, n, k, sigma, prec);
        fmpz_set_ui(k, 2);
        lam_k(y, n, k, sigma, prec);
        arb_sub(x, x, y, prec);
        printf("contraction rate lambda_1 - lambda_2 = ");
        sc_cli_text_real(stdout, x, digits);
        printf("\n\nTwo-point motion (at rho = ");
        fmpq_print(rho);
        printf("):\n");
        printf("  %-12s%-26s%-26s%s\n", "", "RQF formula", "general (linear, d = n)", "agree");
        row("b(rho)", b, bg, digits);
        row("a(rho)", a, ag, digits);
        row("lambda", lam, lr.lambda, digits);
        row("v", v, lr.v, digits);
        if (has_th)
        {
            printf("\nFrom theta0 = ");
            fmpq_print(th);
            printf(" (theta = arccos rho is a martingale):\n  P(synchronised)  = 1 - theta0/pi = ");
            sc_cli_text_real(stdout, ps, digits);
            printf("\n  P(antipodal)     = theta0/pi     = ");
            sc_cli_text_real(stdout, pa, digits);
            if (th_inside)
            {
                printf("\n  drift of theta from the general b, a at cos(theta0): ");
                sc_cli_text_real(stdout, drift, digits);
                printf(arb_contains_zero(drift) ? "  (consistent with 0)" : "  (NOT 0)");
            }
            printf("\n");
        }
        printf("\n%s\n", agree ? "RQF formulas and the general machinery agree (all enclosures overlap)."
                                : "DISAGREEMENT between the RQF formulas and the general machinery.");
    }
    if (!agree)
        rc = sc_cli_fail(cmd, SC_EXIT_FAIL, "RQF formulas and the general machinery disagree");
out:
    fmpz_clear(n); fmpz_clear(k);
    fmpq_clear(sigma); fmpq_clear(rho); fmpq_clear(th); fmpq_clear(sum);
    arb_clear(s2); arb_clear(x); arb_clear(y); arb_clear(rb); arb_clear(b); arb_clear(a);
    arb_clear(lam); arb_clear(v); arb_clear(bg); arb_clear(ag); arb_clear(ps); arb_clear(pa);
    arb_clear(thb); arb_clear(drift);
    sc_lyap_result_clear(&lr);
    sc_act_clear(lin);
    return rc;
}

const sc_cmd sc_cmd_rqf = {
    "rqf", run,
    "Random Quadratic Form: Lyapunov spectrum, two-point law, hitting probabilities",
    help
};
