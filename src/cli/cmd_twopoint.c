/* `synccert twopoint ACT --dim D --rho R`: the two-point coefficients b(R),
   a(R) (doc/model.md section 3; sc_twopoint_certify). */
#include "cli.h"
#include "synccert/twopoint.h"

static const char help[] =
"usage: synccert twopoint ACT --dim D --rho R [--sigma S] [--weight-var Q]\n"
"                         [--bias-var B] [--digits N] [--budget SECONDS] [--json]\n"
"\n"
"Coefficients of the two-point motion: for two tokens under the same noise the\n"
"overlap rho = <X, Y> solves d rho = b(rho) dt + sqrt(a(rho)) dB with\n"
"  b(rho) = sigma^2 [ (d - 2 + rho^2) K(rho) - (d - 1) rho K(1) ]\n"
"  a(rho) = 2 sigma^2 (1 - rho^2) (K(1) - rho K(rho))\n"
"(doc/model.md, section 3; K is the dual kernel of ACT).\n"
"\n"
"Arguments and options:\n"
"  ACT               activation, NAME or NAME:key=value,... (see 'synccert help activations')\n"
"  --dim D           dimension d, an exact integer, 2 <= D <= 10^30 (required)\n"
"  --rho R           overlap in [-1, 1], exact decimal or ratio (required)\n"
"  --sigma S         noise strength sigma > 0 (default 1)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var B      bias variance s >= 0 (default 0)\n"
"  --digits N        correct digits of every printed number, 1..3000 (default 15)\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
"  --json            one JSON object {\"b\": {...}, \"a\": {...}, ...}\n"
"\n"
"Output: b (drift of rho) and a (diffusion coefficient of rho), certified (see\n"
"'synccert help output').  At rho = 1 both vanish exactly (the diagonal is\n"
"invariant); at rho = -1, a = 0 and b(-1) = sigma^2 (d-1) (K(1) + K(-1)), which\n"
"is exactly 0 for odd activations (with bias variance 0).\n"
"Exit status: 0 success, 1 the digits could not be reached (precision cap or\n"
"budget), 2 bad input.\n"
"Example: synccert twopoint tanh --dim 8 --rho 0.5\n";

static void print_json(const char *spec, const arb_t b, const arb_t a, const fmpz_t d,
                       const fmpq_t rho, const fmpq_t sigma, const fmpq_t q, const fmpq_t s,
                       slong digits)
{
    printf("{\"command\": \"twopoint\", \"activation\": \"%s\", \"dim\": ", spec);
    fmpz_fprint(stdout, d);
    printf(", ");
    sc_cli_json_fmpq(stdout, "rho", rho, 1);
    sc_cli_json_fmpq(stdout, "sigma", sigma, 1);
    sc_cli_json_fmpq(stdout, "q", q, 1);
    sc_cli_json_fmpq(stdout, "s", s, 1);
    sc_cli_json_real(stdout, "b", b, digits, 1);
    sc_cli_json_real(stdout, "a", a, digits, 0);
    printf("}\n");
}

static void print_text(const char *spec, const arb_t b, const arb_t a, const fmpz_t d,
                       const fmpq_t rho, const fmpq_t sigma, const fmpq_t q, const fmpq_t s,
                       slong digits)
{
    sc_cli_text_model(spec, d, sigma, q, s);
    printf("\nrho          "); fmpq_print(rho);
    printf("\nb(rho)       "); sc_cli_text_real(stdout, b, digits);
    printf("   (drift of rho)");
    printf("\na(rho)       "); sc_cli_text_real(stdout, a, digits);
    printf("   (diffusion coefficient of rho)\n");
}

static int run(int argc, char **argv)
{
    const char *cmd = argv[0];
    const char *sdim = NULL, *srho = NULL, *ssig = NULL, *sq = NULL, *ss = NULL, *sdig = NULL;
    int json = 0, npos = 0, rc = 0, st;
    const char *pos[1];
    const sc_opt opts[] = {
        { "dim", 1, &sdim, NULL, NULL, NULL, 0 },
        { "rho", 1, &srho, NULL, NULL, NULL, 0 },
        { "sigma", 1, &ssig, NULL, NULL, NULL, 0 },
        { "weight-var", 1, &sq, NULL, NULL, NULL, 0 },
        { "bias-var", 1, &ss, NULL, NULL, NULL, 0 },
        { "digits", 1, &sdig, NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    sc_act_t act;
    fmpz_t d;
    fmpq_t rho, sigma, q, s;
    slong digits;
    arb_t b, a;

    if ((rc = sc_cli_parse(argc, argv, opts, 7, pos, 1, &npos)) != 0)
        return rc;
    if (npos != 1)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "expected one activation (see 'synccert help %s')", cmd);
    sc_act_init(act);
    fmpz_init(d);
    fmpq_init(rho); fmpq_init(sigma); fmpq_init(q); fmpq_init(s);
    arb_init(b);
    arb_init(a);
    if ((rc = sc_cli_act(act, pos[0], cmd)) || (rc = sc_cli_dim(d, sdim, cmd)))
        goto out;
    if (srho == NULL)
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--rho R is required (a number in [-1, 1])");
    else if (!(rc = sc_cli_fmpq(rho, srho, "0", cmd, "--rho")) &&
             (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0))
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "--rho must lie in [-1, 1], got '%s'", srho);
    if (rc || (rc = sc_cli_sqs(sigma, ssig, q, sq, s, ss, cmd)) || (rc = sc_cli_digits(&digits, sdig, cmd)))
        goto out;
    st = sc_twopoint_certify(b, a, act, d, rho, sigma, q, s, digits, 0);
    if ((rc = sc_cli_done(cmd, st)) == 0)
    {
        char *spec = sc_act_spec(act);
        (json ? print_json : print_text)(spec, b, a, d, rho, sigma, q, s, digits);
        flint_free(spec);
    }
out:
    sc_act_clear(act);
    fmpz_clear(d);
    fmpq_clear(rho); fmpq_clear(sigma); fmpq_clear(q); fmpq_clear(s);
    arb_clear(b);
    arb_clear(a);
    return rc;
}

const sc_cmd sc_cmd_twopoint = {
    "twopoint", run,
    "two-point drift b(rho) and diffusion a(rho) of the overlap of two tokens",
    help
};
