/* `synccert certify`: certified parameter regimes by splitting the
   parameter box (see regime.h). */
#include <string.h>
#include <stdlib.h>
#include "cli.h"
#include "synccert/parse.h"
#include "synccert/act.h"
#include "synccert/regime.h"
#include "synccert/print.h"

static const char help[] =
"usage: synccert certify ACT --property sync|dissipation [--dim A:B]\n"
"                        [--param NAME=LO:HI ...] [--p P|LO:HI] [--sigma S|LO:HI]\n"
"                        [--gamma G] [--beta B] [--vnorm V] [--qknorm QK]\n"
"                        [--budget SECONDS] [--max-depth K] [--json] [--out FILE.csv]\n"
"\n"
"Certified parameter regimes.  The parameter box (the dimension range, the\n"
"activation's parameters, q, s, sigma and p; at most 6 of them varying) is\n"
"split in halves by the verified dyadic box core (integer dimension ranges are\n"
"split as integers; each split halves the least-split axis) and the property is\n"
"evaluated on each box with ball-valued parameters, so a verdict holds for\n"
"every parameter in the box.  The leaves tile the box (the proved work list's\n"
"coverage invariant).  Every leaf is\n"
"  certified   the property holds on the whole box,\n"
"  refuted     it fails on the whole box,\n"
"  undecided   the depth limit, the budget or the work list's capacity\n"
"              (65536 leaves) was reached first.\n"
"\n"
"properties:\n"
"  sync          the two-point Lyapunov exponent lambda < 0 (local\n"
"                synchronisation, MODEL.md section 4); lambda is affine in d, so\n"
"                its sign on A:B is decided at A and B.\n"
"  dissipation   r_p = c_p - p gamma L_att > 0 with L_att = V (2 + B QK)\n"
"                (MODEL.md section 5; see 'synccert help coercivity'); c_p is\n"
"                concave in d and F affine in d, so the ends of A:B decide.\n"
"                'refuted' means r_p < 0 on the whole box: this certificate\n"
"                cannot prove dissipation there; it does NOT prove that\n"
"                synchronisation fails (r_p > 0 is only sufficient).\n"
"\n"
"options:\n"
"  ACT                activation, fixed parameters as ACT:key=value\n"
"  --property P       sync or dissipation (required)\n"
"  --dim A:B          integer dimension range, 2 <= A <= B (default 2:64)\n"
"  --param NAME=LO:HI range of an activation parameter (e.g. alpha=0:1), of\n"
"                     q (weight variance, > 0), s (bias variance, >= 0),\n"
"                     sigma (> 0) or p (in (0, 2]); repeatable; a single value V\n"
"                     means V:V\n"
"  --p P|LO:HI        energy exponent (dissipation; default 1/2)\n"
"  --sigma S|LO:HI    noise strength (default 1)\n"
"  --gamma G          attention strength >= 0 (default 0)\n"
"  --beta B           inverse temperature >= 0 (default 0)\n"
"  --vnorm V          ||V|| >= 0 (default 1)\n"
"  --qknorm QK        ||Q^T K|| >= 0 (default 1)\n"
"  --budget SECONDS   stop cleanly after this time (default 60); the boxes not\n"
"                     finished become undecided leaves, exit status 0\n"
"  --max-depth K      at most K halvings along any path from the whole box to a\n"
"                     leaf, all axes together (0..60, default 30)\n"
"  --out FILE.csv     write every leaf: NAME_lo,NAME_hi,... (exact decimals), class\n"
"  --json             one JSON object instead of the table\n"
"\n"
"Output: the volume fraction of each class in the root box's measure (integer\n"
"dimensions count as points), and for boxes where only d varies the certified\n"
"and refuted dimension ranges.  Progress goes to stderr for runs longer than a\n"
"second.  Boxes are evaluated in parallel (OpenMP); the leaves do not depend on\n"
"the number of threads unless the budget stops the run.  If the leaves would\n"
"not fit in the work list, the run stops like a budget stop (the open boxes\n"
"become undecided leaves, exit status 0) with a note.\n"
"Examples:\n"
"  synccert certify tanh --property sync --dim 2:64\n"
"  synccert certify leaky_relu --property sync --param alpha=0:1 --dim 2:64\n"
"  synccert certify relu --property dissipation --dim 2:1024 --gamma 0.01\n"
"Exit status: 0 success (also when the budget stops the run), 2 bad input.\n";

#define CMD "certify"
#define MAXPARAM 12

/* "A:B" of integers >= 2 */
static int parse_dim(fmpq_t lo, fmpq_t hi, const char *s)
{
    if (sc_parse_range(lo, hi, s, "--dim") != SC_OK)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    if (!fmpz_is_one(fmpq_denref(lo)) || !fmpz_is_one(fmpq_denref(hi)))
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim needs integers A:B");
    if (fmpz_cmp_si(fmpq_numref(lo), 2) < 0)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim needs 2 <= A <= B");
    if (fmpz_cmp_si(fmpq_numref(hi), 1000000000) > 0)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim: B must be at most 10^9");
    return 0;
}

/* add a named range axis; checks the domain */
static int add_param(sc_regime_problem *P, const char *name, const char *range)
{
    fmpq_t lo, hi, b;
    int kind = -1, rc = 0;
    slong idx = -1;
    char what[64];
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(b);
    snprintf(what, sizeof(what), "--param %s", name);
    if (sc_parse_range(lo, hi, range, what) != SC_OK)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
        goto out;
    }
    if (strcmp(name, "q") == 0) kind = SC_AXIS_Q;
    else if (strcmp(name, "s") == 0) kind = SC_AXIS_S;
    else if (strcmp(name, "sigma") == 0) kind = SC_AXIS_SIGMA;
    else if (strcmp(name, "p") == 0) kind = SC_AXIS_P;
    else if ((idx = sc_act_param_index(P->act->def, name)) >= 0) kind = SC_AXIS_ACT;
    if (kind < 0)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown parameter '%s' for %s (activation parameters, q, s, sigma, p)",
                         name, P->act->def->name);
        goto out;
    }
    if ((kind == SC_AXIS_Q || kind == SC_AXIS_SIGMA || kind == SC_AXIS_P) && fmpq_sgn(lo) <= 0)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--param %s: values must be > 0", name);
        goto out;
    }
    if (kind == SC_AXIS_S && fmpq_sgn(lo) < 0)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--param s: values must be >= 0");
        goto out;
    }
    if (kind == SC_AXIS_P && fmpq_cmp_ui(hi, 2) > 0)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--param p: values must lie in (0, 2]");
        goto out;
    }
    if (kind == SC_AXIS_ACT)
    {
        const sc_param_def *pd = P->act->def->params + idx;
        if (pd->lo != NULL)
        {
            sc_parse_fmpq(b, pd->lo, name);
            if (pd->lo_strict ? fmpq_cmp(lo, b) <= 0 : fmpq_cmp(lo, b) < 0)
            {
                rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--param %s: range leaves the domain (%s %s)", name,
                                 pd->lo_strict ? ">" : ">=", pd->lo);
                goto out;
            }
        }
        if (pd->hi != NULL)
        {
            sc_parse_fmpq(b, pd->hi, name);
            if (fmpq_cmp(hi, b) > 0)
            {
                rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--param %s: range leaves the domain (<= %s)", name, pd->hi);
                goto out;
            }
        }
    }
    if (sc_regime_add_axis(P, name, kind, idx, lo, hi) != SC_OK)
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
out:
    fmpq_clear(lo);
    fmpq_clear(hi);
    fmpq_clear(b);
    return rc;
}

static int nonneg(fmpq_t x, const char *s, const char *dflt, const char *what)
{
    int rc = sc_cli_fmpq(x, s, dflt, CMD, what);
    if (rc)
        return rc;
    if (fmpq_sgn(x) < 0)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s must be >= 0", what);
    return 0;
}

/* dimension ranges of one class, when only d varies: "2:14, 20:30" */
static void print_dim_ranges(FILE *f, const sc_regime_result *R, const sc_regime_problem *P, slong dax, int cls)
{
    /* leaves of the class sorted by d (leaves are disjoint intervals) */
    slong i, j, n = 0, *lo, *hi, first = 1;
    lo = flint_malloc((R->nleaves + 1) * sizeof(slong));
    hi = flint_malloc((R->nleaves + 1) * sizeof(slong));
    for (i = 0; i < R->nleaves; i++)
        if (R->leaves[i].cls == cls)
        {
            lo[n] = fmpz_get_si(fmpq_numref(R->leaves[i].lo + dax));
            hi[n] = fmpz_get_si(fmpq_numref(R->leaves[i].hi + dax));
            n++;
        }
    /* insertion sort */
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && lo[j] < lo[j - 1]; j--)
        {
            slong t = lo[j]; lo[j] = lo[j - 1]; lo[j - 1] = t;
            t = hi[j]; hi[j] = hi[j - 1]; hi[j - 1] = t;
        }
    if (n == 0)
        fprintf(f, "none");
    for (i = 0; i < n; )
    {
        slong a = lo[i], b = hi[i];
        for (i++; i < n && lo[i] == b + 1; i++)
            b = hi[i];
        fprintf(f, "%s%ld:%ld", first ? "" : ", ", (long) a, (long) b);
        first = 0;
    }
    flint_free(lo);
    flint_free(hi);
    (void) P;
}

static int run(int argc, char **argv)
{
    const char *prop_s = NULL, *dim_s = NULL, *p_s = NULL, *sigma_s = NULL, *gamma_s = NULL, *beta_s = NULL;
    const char *v_s = NULL, *qk_s = NULL, *budget_s = NULL, *depth_s = NULL, *out_s = NULL;
    const char *params[MAXPARAM];
    int nparams = 0, json = 0, npos = 0, rc = 0, i;
    const char *pos[1];
    sc_opt opts[] = {
        { "property", 1, &prop_s, NULL, NULL, NULL, 0 },
        { "dim", 1, &dim_s, NULL, NULL, NULL, 0 },
        { "param", 1, NULL, NULL, params, &nparams, MAXPARAM },
        { "p", 1, &p_s, NULL, NULL, NULL, 0 },
        { "sigma", 1, &sigma_s, NULL, NULL, NULL, 0 },
        { "gamma", 1, &gamma_s, NULL, NULL, NULL, 0 },
        { "beta", 1, &beta_s, NULL, NULL, NULL, 0 },
        { "vnorm", 1, &v_s, NULL, NULL, NULL, 0 },
        { "qknorm", 1, &qk_s, NULL, NULL, NULL, 0 },
        { "budget", 1, &budget_s, NULL, NULL, NULL, 0 },
        { "max-depth", 1, &depth_s, NULL, NULL, NULL, 0 },
        { "out", 1, &out_s, NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    sc_regime_problem P;
    sc_regime_result R;
    fmpq_t lo, hi, budget;
    slong depth = 30, dax = -1, k;
    int only_dim = 1;
    FILE *csv = NULL;

    sc_regime_problem_init(&P);
    sc_regime_result_init(&R);
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(budget);

    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto done;
    if (npos != 1) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help certify')"); goto done; }
    if (sc_act_parse(P.act, pos[0]) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (prop_s == NULL) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--property sync|dissipation is required"); goto done; }
    if (strcmp(prop_s, "sync") == 0) P.property = SC_PROP_SYNC;
    else if (strcmp(prop_s, "dissipation") == 0) P.property = SC_PROP_DISSIPATION;
    else { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown property '%s' (sync or dissipation)", prop_s); goto done; }

    if ((rc = parse_dim(lo, hi, dim_s ? dim_s : "2:64")) != 0) goto done;
    sc_regime_add_axis(&P, "d", SC_AXIS_DIM, -1, lo, hi);
    for (i = 0; i < nparams; i++)
    {
        const char *eq = strchr(params[i], '=');
        char name[32];
        size_t len;
        if (eq == NULL || eq == params[i]) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "malformed --param '%s' (NAME=LO:HI)", params[i]); goto done; }
        len = (size_t) (eq - params[i]);
        if (len >= sizeof(name)) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "malformed --param '%s' (NAME=LO:HI)", params[i]); goto done; }
        memcpy(name, params[i], len);
        name[len] = '\0';
        if ((strcmp(name, "p") == 0 && p_s) || (strcmp(name, "sigma") == 0 && sigma_s))
        { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s given both as --%s and --param", name, name); goto done; }
        if ((rc = add_param(&P, name, eq + 1)) != 0) goto done;
    }
    if (p_s && (rc = add_param(&P, "p", p_s)) != 0) goto done;
    if (sigma_s && (rc = add_param(&P, "sigma", sigma_s)) != 0) goto done;
    if ((rc = nonneg(P.gamma, gamma_s, "0", "--gamma")) != 0) goto done;
    if ((rc = nonneg(P.beta, beta_s, "0", "--beta")) != 0) goto done;
    if ((rc = nonneg(P.vnorm, v_s, "1", "--vnorm")) != 0) goto done;
    if ((rc = nonneg(P.qknorm, qk_s, "1", "--qknorm")) != 0) goto done;
    if (P.property == SC_PROP_SYNC && (gamma_s || beta_s || v_s || qk_s || p_s))
    { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--p and attention options apply to --property dissipation only"); goto done; }
    if ((rc = sc_cli_fmpq(budget, budget_s, "60", CMD, "--budget")) != 0) goto done;
    if (fmpq_sgn(budget) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--budget must be > 0 seconds"); goto done; }
    if (depth_s && sc_parse_slong(&depth, depth_s, "--max-depth", 0, 60) != SC_OK)
    { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (sc_regime_check(&P) != SC_OK)
    { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (out_s && (csv = fopen(out_s, "w")) == NULL)
    { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "cannot write '%s'", out_s); goto done; }

    P.budget = fmpq_get_d(budget);
    P.max_depth = depth;
    P.progress = 1;
    for (k = 0; k < P.naxes; k++)
    {
        if (P.axes[k].kind == SC_AXIS_DIM)
            dax = k;
        else if (!fmpq_equal(P.axes[k].lo, P.axes[k].hi))
            only_dim = 0;
    }

    if (sc_regime_run(&R, &P) != SC_OK)
    { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }

    if (csv)
    {
        sc_regime_write_csv(csv, &R, &P);
        if (fclose(csv) != 0) { csv = NULL; rc = sc_cli_fail(CMD, SC_EXIT_FAIL, "error writing '%s'", out_s); goto done; }
        csv = NULL;
    }
    {
        slong cnt[3] = { 0, 0, 0 };
        static const int order[3] = { SC_LEAF_CERTIFIED, SC_LEAF_REFUTED, SC_LEAF_UNDECIDED };
        char *spec = sc_act_spec(P.act);
        arb_t x;
        arb_init(x);
        for (k = 0; k < R.nleaves; k++)
            cnt[R.leaves[k].cls]++;
        if (json)
        {
            printf("{\"command\": \"certify\", \"property\": \"%s\", \"activation\": \"%s\", \"box\": {", prop_s, spec);
            for (k = 0; k < P.naxes; k++)
            {
                char *a = sc_fmpq_decimal(P.axes[k].lo), *b = sc_fmpq_decimal(P.axes[k].hi);
                printf("%s\"%s\": [\"%s\", \"%s\"]", k ? ", " : "", P.axes[k].name, a, b);
                flint_free(a);
                flint_free(b);
            }
            printf("}, \"leaves\": %ld", (long) R.nleaves);
            for (i = 0; i < 3; i++)
            {
                arb_set_fmpq(x, R.frac[order[i]], 128);
                printf(", \"%s\": {\"leaves\": %ld, \"fraction\": ", sc_leaf_name(order[i]), (long) cnt[order[i]]);
                sc_print_json_real(stdout, x, 10);
                if (only_dim && dax >= 0 && order[i] != SC_LEAF_UNDECIDED)
                {
                    printf(", \"d\": \"");
                    print_dim_ranges(stdout, &R, &P, dax, order[i]);
                    printf("\"");
                }
                printf("}");
            }
            printf(", \"budget_hit\": %s, \"list_full\": %s, \"seconds\": %.3f}\n", R.budget_hit ? "true" : "false",
                   R.full_hit ? "true" : "false", R.seconds);
        }
        else
        {
            printf("property     %s\n", prop_s);
            printf("activation   %s\n", spec);
            printf("box         ");
            for (k = 0; k < P.naxes; k++)
            {
                char *a = sc_fmpq_decimal(P.axes[k].lo), *b = sc_fmpq_decimal(P.axes[k].hi);
                printf(" %s in %s%s:%s%s", P.axes[k].name, P.axes[k].kind == SC_AXIS_DIM ? "" : "[", a, b,
                       P.axes[k].kind == SC_AXIS_DIM ? "" : "]");
                flint_free(a);
                flint_free(b);
            }
            printf("\nleaves       %ld (certified %ld, refuted %ld, undecided %ld)\n",
                   (long) R.nleaves, (long) cnt[1], (long) cnt[2], (long) cnt[0]);
            for (i = 0; i < 3; i++)
            {
                char *dg;
                arb_set_fmpq(x, R.frac[order[i]], 128);
                dg = sc_arb_digits(x, 8);
                printf("%-12s %s  (volume fraction)\n", sc_leaf_name(order[i]), dg);
                flint_free(dg);
            }
            if (only_dim && dax >= 0)
            {
                printf("certified d  ");
                print_dim_ranges(stdout, &R, &P, dax, SC_LEAF_CERTIFIED);
                printf("\nrefuted d    ");
                print_dim_ranges(stdout, &R, &P, dax, SC_LEAF_REFUTED);
                printf("\n");
            }
            if (R.budget_hit)
                printf("note         the budget stopped the run: unfinished boxes are undecided\n");
            if (R.full_hit)
                printf("note         the work list is full: unfinished boxes are undecided\n");
            if (P.property == SC_PROP_DISSIPATION && cnt[SC_LEAF_REFUTED] > 0)
                printf("note         refuted = r_p < 0 certified: the certificate fails there; this\n"
                       "             does not prove that synchronisation fails\n");
            if (out_s)
                printf("leaves csv   %s\n", out_s);
        }
        arb_clear(x);
        flint_free(spec);
    }
    rc = SC_EXIT_OK;

done:
    if (csv)
        fclose(csv);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
    fmpq_clear(lo);
    fmpq_clear(hi);
    fmpq_clear(budget);
    return rc;
}

const sc_cmd sc_cmd_certify = {
    "certify", run, "certified parameter regimes: split a parameter box, classify every leaf", help
};
