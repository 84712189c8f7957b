/* synccert kernel: certified K(1), K'(1) and optionally K(rho), K'(rho)
   (sc_kernel_certify). */
#include <string.h>
#include "cli.h"
#include "synccert/kernel.h"
#include "synccert/print.h"
#include "synccert/bind.h"

static const char help[] =
"usage: synccert kernel ACT [--rho R] [--digits N] [--weight-var q] [--bias-var s]\n"
"                           [--method auto|closed|smooth|nested|lattice] [--budget SECONDS]\n"
"                           [--json]\n"
"\n"
"Certified values of the dual kernel K of the activation ACT (doc/model.md, section 2):\n"
"  K(rho) = E[phi(U) phi(V)],  K'(rho) = q E[phi'(U) phi'(V)],\n"
"where (U, V) are centred Gaussians with variance q + s and covariance q rho + s.\n"
"\n"
"  ACT              activation, NAME or NAME:key=value,... (see 'synccert help activations')\n"
"  --rho R          also print K(R) and K'(R); R in [-1, 1], an exact decimal or ratio\n"
"  --digits N       correct significant digits wanted (default 15, at most 3000); the\n"
"                   working precision is raised until they are reached\n"
"  --weight-var q   variance q > 0 of the first-layer weights (default 1)\n"
"  --bias-var s     variance s >= 0 of the first-layer biases (default 0)\n"
"  --method M       auto (default): closed form if known, else certified integration;\n"
"                   closed / smooth / nested / lattice force one method (for\n"
"                   cross-checks; lattice: trapezoidal rules, analytic activations);\n"
"                   one that does not apply to ACT is bad input (exit status 2)\n"
"  --budget S       stop after S seconds and exit 1 (default 120)\n"
"  --json           one JSON object: activation, K1, dK1, [rho, K, dK], prec_bits;\n"
"                   certified reals as {\"lo\": ..., \"hi\": ..., \"digits\": ...}\n"
"\n"
"Output: K1 = K(1) = E[phi^2], dK1 = K'(1) = q E[phi'^2].  Every printed digit is\n"
"correct (see 'synccert help output').  K'(1) = inf for step and sign (phi jumps).\n"
"Exit status 2 on bad input, 1 if the digits cannot be reached within the\n"
"precision cap or the budget.\n"
"\n"
"Examples:\n"
"  synccert kernel tanh\n"
"  synccert kernel leaky_relu:alpha=0.1 --rho 0.5 --digits 30\n"
"  synccert kernel poly:c1=1,c3=1/6 --rho -0.25 --json\n";

static int method_of(const char *s, int *m)
{
    /* indices are the SC_KM_* values */
    static const char *names[] = { "auto", "closed", "smooth", "nested", "lattice" };
    int i;
    if (s == NULL)
    {
        *m = SC_KM_AUTO;
        return 1;
    }
    for (i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0)
        {
            *m = i;
            return 1;
        }
    return 0;
}

static void text_line(const char *label, const arb_t x, slong digits)
{
    char *d = sc_arb_digits(x, digits);
    printf("%-10s %s\n", label, d);
    flint_free(d);
}

/* The kernel's options as given (strings are echoed in the output). */
enum { O_RHO, O_DIG, O_Q, O_S, O_METH, O_N };

static void print_text(const char *spec, const sc_kernel_result *r, const char *const *o, slong digits)
{
    printf("activation %s  (q = %s, s = %s)\n", spec, o[O_Q] ? o[O_Q] : "1", o[O_S] ? o[O_S] : "0");
    text_line("K(1)", r->K1, digits);
    text_line("K'(1)", r->dK1, digits);
    if (r->has_rho)
    {
        printf("rho        %s\n", o[O_RHO]);
        text_line("K(rho)", r->K, digits);
        text_line("K'(rho)", r->dK, digits);
    }
    printf("(every digit certified; working precision %ld bits)\n", (long) r->prec);
}

/* Numbers and their domains; 0 or the exit status (message printed). */
static int read_args(slong *digits, fmpq_t rho, fmpq_t q, fmpq_t s,
                     const char *const *o, const char *cmd)
{
    int rc;
    if ((rc = sc_cli_digits(digits, o[O_DIG], cmd)) ||
        (rc = sc_cli_fmpq(q, o[O_Q], "1", cmd, "--weight-var")) ||
        (rc = sc_cli_fmpq(s, o[O_S], "0", cmd, "--bias-var")) ||
        (o[O_RHO] != NULL && (rc = sc_cli_fmpq(rho, o[O_RHO], NULL, cmd, "--rho"))))
        return rc;
    if (fmpq_sgn(q) <= 0)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--weight-var must be > 0 (got %s)", o[O_Q]);
    if (fmpq_sgn(s) < 0)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--bias-var must be >= 0 (got %s)", o[O_S]);
    if (o[O_RHO] != NULL && (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0))
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--rho must lie in [-1, 1] (got %s)", o[O_RHO]);
    return 0;
}

static int run(int argc, char **argv)
{
    const char *cmd = argv[0], *pos[1], *o[O_N] = { NULL };
    int json = 0, npos, method, rc = SC_EXIT_OK, st;
    slong digits;
    fmpq_t rho, q, s;
    sc_act_t act;
    sc_kernel_result r;
    const sc_opt opts[] = {
        { "rho", 1, &o[O_RHO], NULL, NULL, NULL, 0 },
        { "digits", 1, &o[O_DIG], NULL, NULL, NULL, 0 },
        { "weight-var", 1, &o[O_Q], NULL, NULL, NULL, 0 },
        { "bias-var", 1, &o[O_S], NULL, NULL, NULL, 0 },
        { "method", 1, &o[O_METH], NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };

    if ((rc = sc_cli_parse(argc, argv, opts, 6, pos, 1, &npos)) != 0)
        return rc;
    if (npos != 1)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "expected one activation (see 'synccert help kernel')");
    if (!method_of(o[O_METH], &method))
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--method: unknown method '%s' (auto, closed, smooth, nested, lattice)", o[O_METH]);

    fmpq_init(rho); fmpq_init(q); fmpq_init(s);
    sc_act_init(act);
    sc_kernel_result_init(&r);
    if ((rc = read_args(&digits, rho, q, s, o, cmd)) != 0)
        goto done;
    if ((st = sc_act_parse(act, pos[0])) != SC_OK)
    {
        rc = sc_cli_lib_fail(cmd, st);
        goto done;
    }
    st = sc_kernel_certify(&r, act, o[O_RHO] ? rho : NULL, q, s, digits, method, 0);
    if ((rc = sc_cli_done(cmd, st)) == 0)
    {
        char *spec = sc_act_spec(act);
        if (json)
        {
            sc_json_kernel(stdout, spec, &r, o[O_RHO] ? rho : NULL, q, s, digits);
            printf("\n");
        }
        else
            print_text(spec, &r, o, digits);
        flint_free(spec);
    }
done:
    sc_kernel_result_clear(&r);
    sc_act_clear(act);
    fmpq_clear(rho); fmpq_clear(q); fmpq_clear(s);
    return rc;
}

const sc_cmd sc_cmd_kernel = { "kernel", run, "certified dual kernel K(1), K'(1), K(rho), K'(rho) of an activation", help };
