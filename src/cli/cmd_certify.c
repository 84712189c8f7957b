/* `synccert certify`: certified parameter regimes by splitting the
   parameter box (see regime.h): options into an sc_regime_problem,
   sc_regime_run, print. */
#include <signal.h>
#include <string.h>
#include "cli.h"
#include "synccert/parse.h"
#include "synccert/regime.h"
#include "synccert/print.h"
#include "synccert/bind.h"

static const char help[] =
"usage: synccert certify ACT --property PROPERTY [--dim A:B]\n"
"                        [--param NAME=LO:HI ...] [--p P|LO:HI] [--sigma S|LO:HI]\n"
"                        [--gamma G] [--beta B] [--vnorm V] [--qknorm QK]\n"
"                        [--budget SECONDS] [--max-depth K] [--json] [--out FILE.csv]\n"
"                        [--checkpoint FILE] [--checkpoint-every SECONDS]\n"
"                        [--resume FILE]\n"
"\n"
"Certified parameter regimes.  The parameter box (the dimension range, the\n"
"activation's parameters, q, s, sigma, p, gamma and beta; at most 6 of them varying) is\n"
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
"                synchronisation; doc/model.md, section 4); lambda is affine in\n"
"                d, so its sign on A:B is decided at A and B.\n"
"  dissipation   r_p = c_p - p gamma L_att > 0 with L_att = V (2 + B QK)\n"
"                (doc/model.md, section 5; see 'synccert help coercivity');\n"
"                c_p is concave in d and F affine in d, so the ends of A:B\n"
"                decide.\n"
"                'refuted' means r_p < 0 on the whole box: this certificate\n"
"                cannot prove dissipation there; it does NOT prove that\n"
"                synchronisation fails (r_p > 0 is only sufficient).\n"
"  pair-sync     two tokens with identity attention: the diagonal attracts,\n"
"                lambda_gamma = lambda - gamma < 0 (doc/model.md, section 9;\n"
"                see 'synccert help pair'); affine in d.\n"
"  antipodal     two tokens: the antipodal set attracts, so the pair ends\n"
"                antipodal with positive probability: phi odd (s = 0) and\n"
"                mu = lambda + 2 gamma / (1 + e^{2 beta}) < 0; refuted when mu > 0,\n"
"                or when phi is not odd and b(-1) > 0 (never an outcome).\n"
"  sync-up-to-sign  c_p^pm > 0 for the projective energy (doc/model.md,\n"
"                section 10; see 'synccert help coercivity', --projective):\n"
"                every number of tokens synchronises up to sign (gamma = 0).\n"
"                'refuted' means c_p^pm < 0: the certificate fails there.\n"
"\n"
"options:\n"
"  ACT                activation, fixed parameters as ACT:key=value\n"
"  --property P       sync, dissipation, pair-sync, antipodal or sync-up-to-sign\n"
"                     (required)\n"
"  --dim A:B          integer dimension range, 2 <= A <= B (default 2:64)\n"
"  --param NAME=LO:HI range of an activation parameter (e.g. alpha=0:1), of\n"
"                     q (weight variance, > 0), s (bias variance, >= 0),\n"
"                     sigma (> 0), p (in (0, 2]), gamma or beta (>= 0; the\n"
"                     two-token and dissipation properties); repeatable; a\n"
"                     single value V means V:V.  The activation's own\n"
"                     parameters come first (silu's beta); attn-gamma,\n"
"                     attn-beta, weight-var and bias-var always name the model's\n"
"                     axes\n"
"  --p P|LO:HI        energy exponent (dissipation, sync-up-to-sign; default 1/2)\n"
"  --sigma S|LO:HI    noise strength (default 1)\n"
"  --gamma G          attention strength >= 0 (default 0; or --param gamma=LO:HI)\n"
"  --beta B           inverse temperature >= 0 (default 0; or --param beta=LO:HI)\n"
"  --vnorm V          ||V|| >= 0 (default 1)\n"
"  --qknorm QK        ||Q^T K|| >= 0 (default 1)\n"
"  --budget SECONDS   stop cleanly after this time (default 60); the boxes not\n"
"                     finished become undecided leaves, exit status 0\n"
"  --max-depth K      at most K halvings along any path from the whole box to a\n"
"                     leaf, all axes together (0..60, default 30)\n"
"  --out FILE.csv     write every leaf: NAME_lo,NAME_hi,... (exact decimals), class;\n"
"                     the file is replaced only when the run completes\n"
"  --json             one JSON object instead of the table\n"
"  --checkpoint FILE  save the run to FILE (atomically) every few seconds (see\n"
"                     --checkpoint-every, default 5), when it\n"
"                     stops (budget, SIGINT, SIGTERM) and at the end: the problem\n"
"                     and the log of the work list's splits and decisions\n"
"  --resume FILE      continue the run saved in FILE (refused, with the\n"
"                     differing setting named, if FILE is of another problem:\n"
"                     give the same activation, property, box and options); the\n"
"                     leaves are those of an uninterrupted run; saving goes on to\n"
"                     FILE unless --checkpoint names another file.  The MPI\n"
"                     build (synccert-mpi) reads and writes the same files\n"
"  --checkpoint-every SECONDS  time between two saves (> 0, default 5)\n"
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
"  synccert certify tanh --property antipodal --dim 2:32 --param gamma=0:1 --param beta=0:4\n"
"  synccert certify erf --property sync-up-to-sign --dim 2:64 --param c=0.1:2\n"
"Exit status: 0 success (also when the budget stops the run), 1 the leaves could\n"
"not be written, 2 bad input (also an --out file that cannot be created),\n"
"130 / 143 interrupted (SIGINT / SIGTERM: --out keeps its old content; the\n"
"checkpoint, if any, is written).\n";

#define CMD "certify"
#define MAXPARAM 12

/* option values, indexed as in run's option table */
enum { PROP, DIM, PP, SIGMA, GAMMA, BETA, VN, QK, DEPTH, OUT, CKPT, EVERY, RESUME, NOPT };

/* The box: --dim, every --param, --p and --sigma (in this order). */
static int read_box(sc_regime_problem *P, const char *const *o, const char **params, int nparams)
{
    char name[SC_REGIME_NAMELEN];
    const char *range, *given[4];
    int i;
    given[0] = o[PP]; given[1] = o[SIGMA]; given[2] = o[GAMMA]; given[3] = o[BETA];
    if (sc_regime_add_dim(P, o[DIM] ? o[DIM] : "2:64") != SC_OK)
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    for (i = 0; i < nparams; i++)
    {
        if (sc_regime_param_split(name, &range, params[i]) != SC_OK)
            return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
        if (sc_regime_param_clash(P, name, given) != SC_OK || sc_regime_add_param(P, name, range) != SC_OK)
            return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    }
    if ((o[PP] && sc_regime_add_param(P, "p", o[PP]) != SC_OK) ||
        (o[SIGMA] && sc_regime_add_param(P, "sigma", o[SIGMA]) != SC_OK))
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    return 0;
}

/* Options (after the activation) into the problem; 0 or an exit status. */
static int read_problem(sc_regime_problem *P, const char *const *o, const char **params, int nparams)
{
    slong depth = 30;
    int rc;
    if (sc_regime_property_parse(&P->property, o[PROP]) != SC_OK)
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    if ((rc = read_box(P, o, params, nparams)) ||
        (rc = sc_cli_num(P->gamma, o[GAMMA], "0", CMD, "--gamma", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->beta, o[BETA], "0", CMD, "--beta", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->vnorm, o[VN], "1", CMD, "--vnorm", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->qknorm, o[QK], "1", CMD, "--qknorm", SC_CLI_NONNEG)))
        return rc;
    if (sc_regime_check_options(P, o[GAMMA] || o[BETA], o[VN] || o[QK]) != SC_OK)
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    P->budget = sc_deadline_seconds();     /* --budget (sc_cli_parse) */
    if (o[DEPTH] && sc_parse_slong(&depth, o[DEPTH], "--max-depth", 0, 60) != SC_OK)
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    P->max_depth = depth;
    P->progress = 1;
    {
        fmpq_t every;
        fmpq_init(every);
        rc = sc_cli_num(every, o[EVERY], "5", CMD, "--checkpoint-every", SC_CLI_POS);
        P->checkpoint_every = fmpq_get_d(every);
        fmpq_clear(every);
        if (rc)
            return rc;
    }
    P->resume = o[RESUME];
    P->checkpoint = o[CKPT] ? o[CKPT] : o[RESUME];
    if (sc_regime_check(P) != SC_OK)
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    return 0;
}

static const int order[3] = { SC_LEAF_CERTIFIED, SC_LEAF_REFUTED, SC_LEAF_UNDECIDED };

static void print_text(const char *spec, const sc_regime_problem *P, const sc_regime_result *R, const char *out)
{
    slong cnt[3], k, dax = sc_regime_dim_axis(P);
    arb_t x;
    arb_init(x);
    sc_regime_count(cnt, R);
    printf("property     %s\n", sc_regime_property_name(P->property));
    printf("activation   %s\n", spec);
    printf("box         ");
    for (k = 0; k < P->naxes; k++)
    {
        int dim = P->axes[k].kind == SC_AXIS_DIM;
        char *a = sc_fmpq_decimal(P->axes[k].lo), *b = sc_fmpq_decimal(P->axes[k].hi);
        printf(" %s in %s%s:%s%s", P->axes[k].name, dim ? "" : "[", a, b, dim ? "" : "]");
        flint_free(a);
        flint_free(b);
    }
    printf("\nleaves       %ld (certified %ld, refuted %ld, undecided %ld)\n",
           (long) R->nleaves, (long) cnt[SC_LEAF_CERTIFIED], (long) cnt[SC_LEAF_REFUTED],
           (long) cnt[SC_LEAF_UNDECIDED]);
    for (k = 0; k < 3; k++)
    {
        char *dg;
        arb_set_fmpq(x, R->frac[order[k]], 128);
        dg = sc_arb_digits(x, 8);
        printf("%-12s %s  (volume fraction)\n", sc_leaf_name(order[k]), dg);
        flint_free(dg);
    }
    if (dax >= 0)
    {
        char *c = sc_regime_dim_ranges(R, dax, SC_LEAF_CERTIFIED), *r = sc_regime_dim_ranges(R, dax, SC_LEAF_REFUTED);
        printf("certified d  %s\nrefuted d    %s\n", c, r);
        flint_free(c);
        flint_free(r);
    }
    if (R->budget_hit)
        printf("note         the budget stopped the run: unfinished boxes are undecided\n");
    if (R->full_hit)
        printf("note         the work list is full: unfinished boxes are undecided\n");
    if (P->property == SC_PROP_DISSIPATION && cnt[SC_LEAF_REFUTED] > 0)
        printf("note         refuted = r_p < 0 certified: the certificate fails there; this\n"
               "             does not prove that synchronisation fails\n");
    if (P->property == SC_PROP_SYNC_UP_TO_SIGN && cnt[SC_LEAF_REFUTED] > 0)
        printf("note         refuted = c_p^pm < 0 certified: the certificate fails there; this\n"
               "             does not prove that synchronisation up to sign fails\n");
    if (out)
        printf("leaves csv   %s\n", out);
    arb_clear(x);
}

static int run(int argc, char **argv)
{
    const char *o[NOPT] = { NULL }, *params[MAXPARAM], *pos[1];
    int nparams = 0, json = 0, npos = 0, rc;
    sc_opt opts[] = {
        { "property", 1, &o[PROP] }, { "dim", 1, &o[DIM] },
        { "param", 1, NULL, NULL, params, &nparams, MAXPARAM },
        { "p", 1, &o[PP] }, { "sigma", 1, &o[SIGMA] }, { "gamma", 1, &o[GAMMA] },
        { "beta", 1, &o[BETA] }, { "vnorm", 1, &o[VN] }, { "qknorm", 1, &o[QK] },
        { "max-depth", 1, &o[DEPTH] }, { "out", 1, &o[OUT] },
        { "checkpoint", 1, &o[CKPT] }, { "checkpoint-every", 1, &o[EVERY] },
        { "resume", 1, &o[RESUME] },
        { "json", 0, NULL, &json },
    };
    sc_regime_problem P;
    sc_regime_result R;
    sc_outfile csv = { NULL, NULL, NULL, -1 };
    int st;

    sc_regime_problem_init(&P);
    sc_regime_result_init(&R);
    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto done;
    if (npos != 1) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help certify')"); goto done; }
    if ((rc = sc_cli_act(P.act, pos[0], CMD)) || (rc = read_problem(&P, o, params, nparams)))
        goto done;
    /* the CSV goes to a temporary file, renamed over --out when complete */
    if (o[OUT] && (st = sc_outfile_open(&csv, o[OUT])) != SC_OK)
    { rc = sc_cli_lib_fail(CMD, st); goto done; }
    st = sc_regime_run(&R, &P);
    sc_cli_watchdog_off();             /* a budget stop ends the run normally */
    /* interrupted: --out keeps its old content, the checkpoint is saved */
    if (st == SC_OK && R.interrupted && P.checkpoint != NULL)
    {
        sc_cli_stopped();
        sc_cli_fail(CMD, 0, "interrupted by %s; the run is saved in '%s' (continue with --resume)",
                    sc_interrupted() == SIGTERM ? "SIGTERM" : "SIGINT", P.checkpoint);
        rc = sc_cli_interrupted_exit();
        goto done;
    }
    if ((rc = sc_cli_done(CMD, st)) != 0)
        goto done;
    if (csv.f != NULL)
    {
        if ((st = sc_regime_write_csv(csv.f, &R, &P)) == SC_OK)
            st = sc_outfile_commit(&csv);
        else
            sc_error(SC_ERR_IO, "cannot write '%s': write error", o[OUT]);
        if (st != SC_OK)
        {
            rc = sc_cli_lib_fail(CMD, st);
            goto done;
        }
    }
    {
        char *spec = sc_act_spec(P.act);
        if (json)
        {
            sc_json_certify(stdout, spec, &P, &R, 0);
            printf("\n");
        }
        else
            print_text(spec, &P, &R, o[OUT]);
        flint_free(spec);
    }
    rc = SC_EXIT_OK;

done:
    if (csv.f != NULL)
        sc_outfile_abort(&csv);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
    return rc;
}

const sc_cmd sc_cmd_certify = {
    "certify", run, "certified parameter regimes: split a parameter box, classify every leaf", help
};
