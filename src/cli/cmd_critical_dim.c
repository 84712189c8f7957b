/* `synccert critical-dim ACT`: the critical dimension d* and the integer
   dimensions on either side of it (doc/model.md section 4; sc_critical_dim,
   once per built-in activation for 'all'). */
#include <string.h>
#include "cli.h"
#include "synccert/critdim.h"
#include "synccert/print.h"
#include "synccert/parse.h"
#include "synccert/bind.h"

static const char help[] =
"usage: synccert critical-dim ACT|all [--sigma S] [--weight-var Q] [--bias-var B]\n"
"                             [--digits N] [--prec-cap BITS] [--budget SECONDS] [--json]\n"
"\n"
"The dimension threshold of synchronisation (doc/model.md, section 4).  lambda(d) =\n"
"(sigma^2/2) [(d-3) K'(1) - (d-1) K(1)] is affine in d, so\n"
"  - if K'(1) <= K(1) (certified), lambda < 0 in every dimension d >= 2: there is\n"
"    no critical dimension (dstar 'none', max_sync_dim 'all');\n"
"  - if K'(1) > K(1), lambda < 0 exactly when d < d* = (3K'(1) - K(1)) / (K'(1) - K(1));\n"
"  - for step and sign (K'(1) = inf) lambda is -inf at d = 2 and +inf from d = 4 on;\n"
"    d = 3 is undefined (d* = 3, the limit of the formula).\n"
"sigma only scales lambda and does not move d*.\n"
"\n"
"Arguments and options:\n"
"  ACT               activation, NAME or NAME:key=value,...; 'all' runs every built-in\n"
"                    activation with its default parameters (see 'synccert help activations')\n"
"  --sigma S         noise strength sigma > 0 (default 1; checked, does not change d*)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var B      bias variance s >= 0 (default 0)\n"
"  --digits N        correct digits of d*, K(1), K'(1), 1..3000 (default 15)\n"
"  --prec-cap BITS   highest working precision tried (default max(16 x start, 4096))\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
"  --json            JSON (an array of objects for 'all')\n"
"\n"
"Output:\n"
"  dstar            d* (certified digits, see 'synccert help output'), 'none' when\n"
"                   K'(1) <= K(1) is certified, 'undecided' when that comparison\n"
"                   cannot be decided within the precision cap\n"
"  max_sync_dim     the largest integer d >= 2 with lambda(d) < 0 certified (then every\n"
"                   2 <= d' <= d synchronizes); 'all' if every d >= 2 does, 'none' if none\n"
"  min_nonsync_dim  the smallest integer d with lambda(d) > 0 certified (every larger d\n"
"                   does not synchronize); 'none' if there is none\n"
"  undecided_dims   integers in between whose sign of lambda the precision cap could\n"
"                   not decide (or where lambda is exactly 0, or undefined); they are\n"
"                   reported, never guessed\n"
"Each integer answer comes from the sign of the enclosure of lambda at that integer.\n"
"K(1) and K'(1) always have N digits; d* and the integers beside it get what the\n"
"precision cap allows.\n"
"Exit status: 0 success, 1 a computation failed (K(1), K'(1) not reached within the\n"
"cap or the budget; with 'all', any activation), 2 bad input.\n"
"Example: synccert critical-dim gelu      synccert critical-dim all --json\n";

static void text_dimv(int kind, const fmpz_t v)
{
    switch (kind)
    {
        case SC_DIMV_VALUE: fmpz_print(v); break;
        case SC_DIMV_NONE: printf("none"); break;
        case SC_DIMV_ALL: printf("all"); break;
        default: printf("undecided"); break;
    }
}

static void text_dstar(const sc_critdim_result *r, slong digits)
{
    if (r->dstar_kind == SC_DSTAR_FINITE)
        sc_cli_text_real(stdout, r->dstar, digits);
    else
        printf("%s", r->dstar_kind == SC_DSTAR_NONE ? "none" : "undecided");
}

static void print_text(const char *spec, const sc_critdim_result *r, slong digits)
{
    printf("activation        %s\n", spec);
    printf("K(1)              "); sc_cli_text_real(stdout, r->K1, digits);
    printf("\nK'(1)             "); sc_cli_text_real(stdout, r->dK1, digits);
    printf("\nd*                "); text_dstar(r, digits);
    if (r->dstar_kind == SC_DSTAR_NONE)
        printf("   (K'(1) <= K(1): no critical dimension)");
    printf("\nmax sync dim      "); text_dimv(r->max_sync_kind, r->max_sync);
    if (r->max_sync_kind == SC_DIMV_VALUE)
    {
        printf("   (lambda < 0, synchronizes, for 2 <= d <= ");
        fmpz_print(r->max_sync);
        printf(")");
    }
    else if (r->max_sync_kind == SC_DIMV_ALL)
        printf("   (lambda < 0 in every dimension d >= 2)");
    printf("\nmin nonsync dim   "); text_dimv(r->min_nonsync_kind, r->min_nonsync);
    if (r->min_nonsync_kind == SC_DIMV_VALUE)
    {
        printf("   (lambda > 0, does not synchronize, for d >= ");
        fmpz_print(r->min_nonsync);
        printf(")");
    }
    if (fmpz_cmp(r->und_lo, r->und_hi) <= 0)
    {
        printf("\nundecided dims    ");
        fmpz_print(r->und_lo);
        if (!fmpz_equal(r->und_lo, r->und_hi))
        {
            printf("..");
            fmpz_print(r->und_hi);
        }
        printf("   (sign of lambda not certified there)");
    }
    printf("\n");
}

static void print_row(const char *name, const sc_critdim_result *r, slong digits)
{
    char buf[64];
    printf("%-12s ", name);
    if (r->dstar_kind == SC_DSTAR_FINITE)
    {
        char *str = sc_arb_digits(r->dstar, digits);
        printf("%-22s", str);
        flint_free(str);
    }
    else
        printf("%-22s", r->dstar_kind == SC_DSTAR_NONE ? "none" : "undecided");
    text_dimv(r->max_sync_kind, r->max_sync);
    printf("%*s", (int) FLINT_MAX(1, 14 - (r->max_sync_kind == SC_DIMV_VALUE ? (slong) fmpz_sizeinbase(r->max_sync, 10)
                                       : r->max_sync_kind == SC_DIMV_ALL ? 3
                                       : r->max_sync_kind == SC_DIMV_NONE ? 4 : 9)), "");
    text_dimv(r->min_nonsync_kind, r->min_nonsync);
    if (fmpz_cmp(r->und_lo, r->und_hi) <= 0)
    {
        char *a = fmpz_get_str(NULL, 10, r->und_lo), *b = fmpz_get_str(NULL, 10, r->und_hi);
        if (strcmp(a, b) == 0)
            snprintf(buf, sizeof buf, "d = %s", a);
        else
            snprintf(buf, sizeof buf, "d = %s..%s", a, b);
        printf("   (undecided: %s)", buf);
        flint_free(a);
        flint_free(b);
    }
    printf("\n");
}

/* One activation: compute and print it (a row of the table or an element
   of the JSON array for 'all'; there a failure is reported in place and
   the run goes on).  Returns the exit status. */
static int one(const sc_act_t act, int all, int json, slong *nout, const fmpq_t q,
               const fmpq_t s, slong digits, slong cap, const char *cmd)
{
    sc_critdim_result r;
    char *spec = sc_act_spec(act);
    int st, rc = 0;

    sc_critdim_result_init(&r);
    st = sc_critical_dim(&r, act, q, s, digits, cap);
    if ((st != SC_OK && !all) || sc_interrupted())
        rc = sc_cli_done(cmd, st);
    else if (st != SC_OK)
    {
        if (json)
            printf("%s{\"command\": \"critical-dim\", \"activation\": \"%s\", \"error\": \"%s\"}",
                   (*nout)++ ? ", " : "", spec, sc_last_error());
        else
            printf("%-12s error: %s\n", act->def->name, sc_last_error());
        rc = SC_EXIT_FAIL;
    }
    else if (json)
    {
        if (all && (*nout)++)
            printf(", ");
        sc_json_critical_dim(stdout, spec, &r, q, s, digits);
        if (!all)
            printf("\n");
    }
    else if (all)
        print_row(act->def->name, &r, digits);
    else
        print_text(spec, &r, digits);
    flint_free(spec);
    sc_critdim_result_clear(&r);
    return rc;
}

static int run(int argc, char **argv)
{
    const char *cmd = argv[0];
    const char *ssig = NULL, *sq = NULL, *ss = NULL, *sdig = NULL, *scap = NULL;
    int json = 0, npos = 0, rc = 0, all, i, st;
    const char *pos[1];
    const sc_opt opts[] = {
        { "sigma", 1, &ssig, NULL, NULL, NULL, 0 },
        { "weight-var", 1, &sq, NULL, NULL, NULL, 0 },
        { "bias-var", 1, &ss, NULL, NULL, NULL, 0 },
        { "digits", 1, &sdig, NULL, NULL, NULL, 0 },
        { "prec-cap", 1, &scap, NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    sc_act_t act;
    fmpq_t sigma, q, s;
    slong digits, cap = 0, nout = 0;

    if ((rc = sc_cli_parse(argc, argv, opts, 6, pos, 1, &npos)) != 0)
        return rc;
    if (npos != 1)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "expected one activation or 'all' (see 'synccert help %s')", cmd);
    all = strcmp(pos[0], "all") == 0;
    sc_act_init(act);
    fmpq_init(sigma); fmpq_init(q); fmpq_init(s);
    if ((!all && (rc = sc_cli_act(act, pos[0], cmd))) ||
        (rc = sc_cli_sqs(sigma, ssig, q, sq, s, ss, cmd)) || (rc = sc_cli_digits(&digits, sdig, cmd)))
        goto out;
    if (scap != NULL && sc_parse_slong(&cap, scap, "--prec-cap", 64, SC_PREC_MAX) != SC_OK)
    {
        rc = sc_cli_fail(cmd, SC_EXIT_USAGE, "%s", sc_last_error());
        goto out;
    }
    if (!all)
    {
        rc = one(act, 0, json, &nout, q, s, digits, cap, cmd);
        goto out;
    }
    if (json)
        printf("[");
    else
        printf("%-12s %-22s%-14s%s\n", "activation", "d*", "max sync dim", "min nonsync dim");
    for (i = 0; sc_act_registry[i] != NULL; i++)
    {
        sc_act_set_default(act, sc_act_registry[i]);
        if (act->def->flags & SC_ACT_COEFFS)
        {
            /* no default coefficients: phi = 0 is not an activation */
            if (!json)
                printf("%-12s (needs coefficients, e.g. %s:%s1=1)\n", act->def->name,
                       act->def->name, act->def->params[0].name);
            continue;
        }
        if ((st = one(act, 1, json, &nout, q, s, digits, cap, cmd)) != 0)
            rc = SC_EXIT_FAIL;
        if (sc_interrupted())
        {
            rc = st;    /* 128 + N, the message printed; stop at once */
            break;
        }
    }
    if (json)
        printf("]\n");
    /* exit 1 says why on stderr too (the rows say which) */
    if (rc == SC_EXIT_FAIL && !sc_interrupted())
        rc = sc_budget_expired() ? sc_cli_budget_fail(cmd, "(the rows marked error were not computed)")
                                 : sc_cli_fail(cmd, SC_EXIT_FAIL, "some activations failed (their rows say why)");
out:
    sc_act_clear(act);
    fmpq_clear(sigma); fmpq_clear(q); fmpq_clear(s);
    return rc;
}

const sc_cmd sc_cmd_critical_dim = {
    "critical-dim", run,
    "critical dimension d* and the largest synchronising / smallest non-synchronising dimension",
    help
};
