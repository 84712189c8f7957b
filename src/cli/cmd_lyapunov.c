/* `synccert lyapunov ACT --dim D`: the two-point Lyapunov exponent and the
   synchronisation verdict (doc/model.md section 4; sc_lyapunov_certify_p). */
#include <string.h>
#include <ctype.h>
#include "cli.h"
#include "synccert/lyapunov.h"
#include "synccert/parse.h"
#include "synccert/bind.h"

static const char help[] =
"usage: synccert lyapunov ACT --dim D [--sigma S] [--weight-var Q] [--bias-var B]\n"
"                         [--p P] [--digits N] [--prec-cap BITS] [--budget SECONDS]\n"
"                         [--json]\n"
"\n"
"Certified synchronisation quantities of two tokens on the sphere S^{D-1} driven\n"
"by common noise through the activation ACT (doc/model.md, section 4).\n"
"\n"
"Arguments and options:\n"
"  ACT               activation, NAME or NAME:key=value,... (see 'synccert help activations')\n"
"  --dim D           dimension d, an exact integer, 2 <= D <= 10^30 (required)\n"
"  --sigma S         noise strength sigma > 0 (default 1)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var B      bias variance s >= 0 (default 0)\n"
"  --p P             also print the moment Lyapunov function g(P)\n"
"  --digits N        correct digits of every printed number, 1..3000 (default 15)\n"
"  --prec-cap BITS   highest working precision tried (default max(16 x start, 4096))\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
"  --json            one JSON object instead of the table\n"
"All numbers are exact decimals or ratios (0.1 means 1/10).\n"
"\n"
"Output (every number is certified, see 'synccert help output'):\n"
"  K1, dK1     K(1) = E[phi(U)^2] and K'(1) of the dual kernel (dK1 may be inf)\n"
"  lambda      two-point Lyapunov exponent (sigma^2/2) [(d-3) K'(1) - (d-1) K(1)]:\n"
"              the drift of log|X - Y| near the diagonal\n"
"  v           its variance rate sigma^2 (K(1) + K'(1))\n"
"  g(p)        moment Lyapunov function p lambda + p^2 v / 2 (with --p)\n"
"  pstar       p* = -2 lambda / v: E|X - Y|^p contracts near the diagonal iff\n"
"              0 < p < p* (meaningful when lambda < 0)\n"
"  b_minus1    b(-1) = sigma^2 (d-1) (K(1) + K(-1)), the drift at the antipodal set\n"
"  antipodal   repelling   b(-1) > 0 certified (or phi odd and lambda > 0);\n"
"              attracting  phi odd (b(-1) = 0) and lambda < 0: antipodal pairs are\n"
"                          attracting exactly when the diagonal is (x -> -x symmetry);\n"
"              neutral-to-first-order  phi odd, b(-1) = 0, sign of lambda undecided;\n"
"              undecided   the enclosure of b(-1) contains 0 and phi is not known odd.\n"
"              A bias (s > 0) breaks the symmetry of an odd phi.\n"
"  lambda_anti antipodal exponent (= lambda) when phi is odd and s = 0\n"
"  verdict     'synchronizes' when the enclosure of lambda is strictly negative,\n"
"              'does not synchronize' when strictly positive, 'undecided' otherwise\n"
"              (never from a midpoint).  The precision is raised up to the cap to\n"
"              decide the sign before giving up.\n"
"For step and sign K'(1) = inf: lambda = -inf at d = 2, +inf for d >= 4 and is\n"
"undefined at d = 3 (the verdict there is undecided).\n"
"For odd phi (tanh, erf, sin, sign, linear) c_p <= 0: the energy certificate of\n"
"'synccert coercivity' does not apply; the output points to 'coercivity\n"
"--projective' (synchronisation up to sign, any number of tokens) and 'pair'\n"
"(two tokens with attention: classes of both ends and P(sync)).\n"
"\n"
"Exit status: 0 success, 1 the digits could not be reached (precision cap or\n"
"budget), 2 bad input.\n"
"Example: synccert lyapunov tanh --dim 4      synccert lyapunov gelu --dim 31 --json\n";

static void print_text(const char *spec, const sc_lyap_result *r, const fmpz_t d,
                       const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                       slong digits)
{
    sc_cli_text_model(spec, d, sigma, q, s);
    printf("\nK(1)         "); sc_cli_text_real(stdout, r->K1, digits);
    printf("\nK'(1)        "); sc_cli_text_real(stdout, r->dK1, digits);
    printf("\nlambda       "); sc_cli_text_real(stdout, r->lambda, digits);
    printf("\nv            "); sc_cli_text_real(stdout, r->v, digits);
    if (r->has_g)
    {
        char *ps = fmpq_get_str(NULL, 10, p);
        printf("\ng(%s)%*s", ps, (int) FLINT_MAX(1, 10 - (slong) strlen(ps)), "");
        flint_free(ps);
        sc_cli_text_real(stdout, r->g, digits);
    }
    printf("\np*           "); sc_cli_text_real(stdout, r->pstar, digits);
    if (r->verdict == SC_SYNC_YES && arb_is_finite(r->pstar))
        printf("   (moments E|X-Y|^p with 0 < p < p* contract)");
    printf("\nb(-1)        "); sc_cli_text_real(stdout, r->bminus1, digits);
    if (r->odd)
        printf("   (phi odd: b(-1) = 0, antipodal exponent = lambda)");
    printf("\nantipodal    %s", sc_antipodal_name(r->antipodal));
    printf("\nverdict      %s", sc_verdict_name(r->verdict));
    if (r->verdict == SC_SYNC_YES)
        printf("   (lambda < 0 certified)");
    else if (r->verdict == SC_SYNC_NO)
        printf("   (lambda > 0 certified)");
    else if (r->lambda_undefined)
        printf("   (lambda undefined: K'(1) = inf and d = 3)");
    else if (arb_is_zero(r->lambda))
        printf("   (lambda = 0 exactly: neither)");
    else
        printf("   (the sign of lambda could not be certified at %ld bits)", (long) r->prec);
    printf("\n");
    if (r->odd)
    {
        char *ds = fmpz_get_str(NULL, 10, d);
        printf("note         phi is odd: c_p <= 0, so the energy certificate (coercivity) does not\n"
               "             apply.  Synchronisation up to sign (any number of tokens):\n"
               "             synccert coercivity %s --dim %s --projective --p auto\n"
               "             two tokens with attention (classes, P(sync)):\n"
               "             synccert pair %s --dim %s --gamma G --beta B --rho0 R\n", spec, ds, spec, ds);
        flint_free(ds);
    }
}

static int run(int argc, char **argv)
{
    const char *cmd = argv[0];
    const char *sdim = NULL, *ssig = NULL, *sq = NULL, *ss = NULL, *sdig = NULL, *sp = NULL, *scap = NULL;
    int json = 0, npos = 0, rc = 0, st;
    const char *pos[1];
    const sc_opt opts[] = {
        { "dim", 1, &sdim, NULL, NULL, NULL, 0 },
        { "sigma", 1, &ssig, NULL, NULL, NULL, 0 },
        { "weight-var", 1, &sq, NULL, NULL, NULL, 0 },
        { "bias-var", 1, &ss, NULL, NULL, NULL, 0 },
        { "digits", 1, &sdig, NULL, NULL, NULL, 0 },
        { "p", 1, &sp, NULL, NULL, NULL, 0 },
        { "prec-cap", 1, &scap, NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    sc_act_t act;
    fmpz_t d;
    fmpq_t sigma, q, s, p;
    slong digits, cap = 0;
    sc_lyap_result r;
    char *spec;

    if ((rc = sc_cli_parse(argc, argv, opts, 8, pos, 1, &npos)) != 0)
        return rc;
    if (npos != 1)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "expected one activation (see 'synccert help %s')", cmd);
    sc_act_init(act);
    fmpz_init(d);
    fmpq_init(sigma); fmpq_init(q); fmpq_init(s); fmpq_init(p);
    sc_lyap_result_init(&r);
    if ((rc = sc_cli_act(act, pos[0], cmd)) || (rc = sc_cli_dim(d, sdim, cmd)) ||
        (rc = sc_cli_sqs(sigma, ssig, q, sq, s, ss, cmd)) || (rc = sc_cli_digits(&digits, sdig, cmd)) ||
        (sp != NULL && (rc = sc_cli_fmpq(p, sp, "0", cmd, "--p"))))
        goto out;
    if (scap != NULL && sc_parse_slong(&cap, scap, "--prec-cap", 64, SC_PREC_MAX) != SC_OK)
    {
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "%s", sc_last_error());
        goto out;
    }
    st = sc_lyapunov_certify_p(&r, act, d, sigma, q, s, sp ? p : NULL, digits, cap);
    if ((rc = sc_cli_done(cmd, st)) != 0)
        goto out;
    spec = sc_act_spec(act);
    if (json)
    {
        sc_json_lyapunov(stdout, spec, &r, d, sigma, q, s, p, digits);
        printf("\n");
    }
    else
        print_text(spec, &r, d, sigma, q, s, p, digits);
    flint_free(spec);
out:
    sc_act_clear(act);
    fmpz_clear(d);
    fmpq_clear(sigma); fmpq_clear(q); fmpq_clear(s); fmpq_clear(p);
    sc_lyap_result_clear(&r);
    return rc;
}

const sc_cmd sc_cmd_lyapunov = {
    "lyapunov", run,
    "two-point Lyapunov exponent, p*, antipodal behaviour and the synchronisation verdict",
    help
};
