/* `synccert coercivity`: certified enclosure of the noise coercivity
   constant c_p (doc/model.md section 5) and, with attention options, of
   r_p = c_p - p gamma L_att with the dissipation verdict: options into an
   sc_coerc_problem, sc_coercivity_certify, print. */
#include <string.h>
#include "cli.h"
#include "synccert/parse.h"
#include "synccert/coercivity.h"
#include "synccert/print.h"
#include "synccert/bind.h"

static const char help[] =
"usage: synccert coercivity ACT --dim D --p P|auto [--sigma S] [--tol T]\n"
"                           [--weight-var Q] [--bias-var S0]\n"
"                           [--gamma G [--beta B] [--vnorm V] [--qknorm QK]]\n"
"                           [--projective] [--budget SECONDS] [--json]\n"
"\n"
"Certified enclosure [lo, hi] of the noise coercivity constant\n"
"(doc/model.md, section 5)\n"
"\n"
"    c_p = inf over rho in [-1, 1) of  -L f_p / f_p,   f_p(rho) = (1 - rho)^(p/2),\n"
"        = inf_rho (p/2) [ b(rho)/(1-rho) - (p-2) a(rho) / (4 (1-rho)^2) ],\n"
"\n"
"with hi - lo <= T, found by branch-and-bound over rho.  The quotient is\n"
"rewritten with D(rho) = (K(1) - K(rho))/(1 - rho), which lies in K'([rho, 1]):\n"
"    c_p = inf (p sigma^2/2) [ (d-1-p/2-(p/2) rho) K(1)\n"
"                             - (d-2+(p/2-1) rho+(p/2) rho^2) D(rho) ],\n"
"so the limit rho -> 1 (the diagonal, value -g(p) = (p sigma^2/2)[(d-1-p) K(1)\n"
"- (d-3+p) K'(1)]) is part of the search and no division by a small 1 - rho\n"
"occurs.  The output also says where the infimum can be attained: an interval\n"
"of rho that contains every minimiser, and whether the best value found is the\n"
"diagonal limit rho -> 1 or the antipodal point rho = -1.\n"
"\n"
"options:\n"
"  ACT               activation (see 'synccert help activations')\n"
"  --dim D           dimension d >= 2 (integer, required)\n"
"  --p P             energy exponent p in (0, 2] (exact decimal or ratio), or\n"
"                    'auto': search p on the grid k/256 for the largest certified\n"
"                    lower bound of c_p (of r_p when --gamma is given; both are\n"
"                    concave in p) and report the p used (required)\n"
"  --sigma S         noise strength sigma > 0 (default 1; c_p scales as sigma^2)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var S0     bias variance s >= 0 (default 0)\n"
"  --tol T           width of the enclosure, 1e-12 <= T <= 1 (default 1e-6)\n"
"  --gamma G         attention strength gamma >= 0: also report\n"
"                        L_att = V (2 + B QK),   r_p = c_p - p G L_att\n"
"                    and the verdict\n"
"                      dissipates      r_p > 0 is certified: for every N and every\n"
"                                      start, E[E_p(t)] <= exp(-r_p t) E_p(0);\n"
"                      not certified   r_p < 0 is certified: this certificate\n"
"                                      cannot prove dissipation;\n"
"                      undecided       the enclosure of r_p contains 0.\n"
"                    r_p < 0 does NOT prove that synchronisation fails: r_p > 0 is\n"
"                    a sufficient condition only.\n"
"  --beta B          inverse temperature B >= 0 (default 0; needs --gamma)\n"
"  --vnorm V         operator norm ||V|| >= 0 (default 1; needs --gamma)\n"
"  --qknorm QK       operator norm ||Q^T K|| >= 0 (default 1; needs --gamma)\n"
"  --projective      the projective energy sum_{i<j} (1 - rho_ij^2)^(p/2) instead\n"
"                    (doc/model.md, section 10): c_p^pm = inf over rho in (-1, 1) of\n"
"                        p sigma^2 [ (1 + (d-2) rho - p rho^2) K(1)\n"
"                                    - rho (d-3+p rho^2) D(rho) ] / (1 + rho),\n"
"                    even in rho for an odd phi (searched on [0, 1]; the location\n"
"                    is printed as |rho|), -g(p) at rho -> +-1, p sigma^2 K(1) at 0.\n"
"                    Verdict 'synchronises up to sign (any number of tokens)' when\n"
"                    c_p^pm > 0 is certified: E[sum (1 - rho_ij^2)^(p/2)] decays at\n"
"                    least like exp(-c_p^pm t).  For odd phi (tanh, erf, sin,\n"
"                    sign, linear) c_p <= 0 and this is the certificate that applies.\n"
"                    Without attention only (gamma = 0; with attention see\n"
"                    'synccert pair').  A phi that is not odd gives c_p^pm = -inf\n"
"                    (the antipodal set repels: the quotient -> -inf at rho = -1).\n"
"                    Linear phi: c_p^pm = p (1 - p) sigma^2 q exactly.\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
"  --json            one JSON object instead of the table\n"
"\n"
"Every number printed is an enclosure (see 'synccert help output'); the verdict\n"
"comes from the sign of the enclosure of r_p only.\n"
"Examples:\n"
"  synccert coercivity relu --dim 8 --p 1/2           # c_p = 1/8, the diagonal limit\n"
"  synccert coercivity tanh --dim 8 --p auto --gamma 0.01 --beta 1\n"
"  synccert coercivity tanh --dim 8 --projective --p auto   # synchronisation up to sign\n"
"Exit status: 0 success, 1 tolerance or budget not met, 2 bad input.\n";

#define CMD "coercivity"

static void print_arf_bounds(FILE *f, const arf_t lo, const arf_t hi)
{
    char *a, *b;
    sc_arf_interval_bounds(&a, &b, lo, hi, 10);
    fprintf(f, "[%s, %s]", a, b);
    flint_free(a);
    flint_free(b);
}

static void text_bounds(const char *label, const arb_t x)
{
    char *lo, *hi;
    sc_arb_bounds(&lo, &hi, x, 12);
    printf("%-12s [%s, %s]\n", label, lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static const char *verdict_word(int v, int projective)
{
    if (projective && v == SC_DISS_YES)
        return "synchronises up to sign (any number of tokens)";
    return v == SC_DISS_YES ? "dissipates" : v == SC_DISS_NO ? "not certified" : "undecided";
}

static void print_text(const char *spec, const sc_coerc_problem *P, const sc_coerc_cert *r)
{
    char *ps = fmpq_get_str(NULL, 10, r->p), *ss = sc_fmpq_decimal(P->sigma), *dg;
    const char *name = P->projective ? "c_p^pm" : "c_p";
    printf("activation   %s\n", spec);
    printf("dimension    %ld\n", (long) P->d);
    printf("p            %s%s\n", ps, P->p_auto ? "   (chosen by --p auto)" : "");
    printf("sigma        %s\n", ss);
    if (P->projective)
        printf("energy       projective: sum_{i<j} (1 - rho_ij^2)^(p/2)\n");
    text_bounds(name, r->cp);
    dg = sc_arb_digits(r->cp, 15);
    printf("%-12s %s\n", P->projective ? "c_p^pm dig." : "c_p digits", dg);
    if (r->minus_inf)
        printf("infimum at   rho -> -1: phi is not odd, K(1) + K(-1) > 0 and d - 3 + p > 0\n");
    else if (P->projective)
    {
        printf("infimum at   %s; every minimiser lies in |rho| in ",
               r->bb.diagonal ? "the limit rho -> +-1" : "rho inside (-1, 1)");
        print_arf_bounds(stdout, r->bb.rlo, r->bb.rhi);
        printf("\n");
    }
    else
    {
        printf("infimum at   %s; every minimiser lies in rho in ",
               r->bb.diagonal ? "the diagonal limit rho -> 1" :
               r->bb.antipodal ? "rho = -1 (antipodal)" : "rho inside (-1, 1)");
        print_arf_bounds(stdout, r->bb.rlo, r->bb.rhi);
        printf("\n");
    }
    if (P->projective)
    {
        printf("verdict      %s\n", verdict_word(r->verdict, 1));
        if (r->verdict == SC_DISS_YES)
            printf("             E[sum (1 - rho_ij^2)^(p/2)](t) <= exp(-c_p^pm t) E[...](0) for every N\n");
        else
            printf("note         c_p^pm > 0 is only a sufficient condition\n");
    }
    else if (P->attention)
    {
        text_bounds("L_att", r->Latt);
        text_bounds("r_p", r->rp);
        printf("verdict      %s\n", verdict_word(r->verdict, 0));
        if (r->verdict != SC_DISS_YES)
            printf("note         r_p > 0 is only a sufficient condition: this does not show that\n"
                   "             synchronisation fails\n");
    }
    flint_free(ps);
    flint_free(ss);
    flint_free(dg);
}

/* Options into the problem; 0 or an exit status (message printed). */
static int read_problem(sc_coerc_problem *P, const char *const *o)
{
    enum { DIM, PP, SIGMA, TOL, Q, S, GAMMA, BETA, VN, QK };
    int rc;
    if (o[DIM] == NULL)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim D is required");
    if (sc_parse_slong(&P->d, o[DIM], "--dim", 2, 1000000000) != SC_OK)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    if (o[PP] == NULL)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--p P (or --p auto) is required");
    P->p_auto = strcmp(o[PP], "auto") == 0;
    if (!P->p_auto && ((rc = sc_cli_fmpq(P->p, o[PP], NULL, CMD, "--p")) ||
                       fmpq_sgn(P->p) <= 0 || fmpq_cmp_ui(P->p, 2) > 0))
        return rc ? rc : sc_cli_fail(CMD, SC_EXIT_USAGE, "--p must lie in (0, 2] or be 'auto'");
    if ((rc = sc_cli_num(P->sigma, o[SIGMA], "1", CMD, "--sigma", SC_CLI_POS)) ||
        (rc = sc_cli_num(P->q, o[Q], "1", CMD, "--weight-var", SC_CLI_POS)) ||
        (rc = sc_cli_num(P->s, o[S], "0", CMD, "--bias-var", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->tol, o[TOL], "1e-6", CMD, "--tol", SC_CLI_ANY)))
        return rc;
    P->attention = o[GAMMA] != NULL;
    if (!P->attention && (o[BETA] || o[VN] || o[QK]))
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "--beta, --vnorm and --qknorm need --gamma");
    if ((rc = sc_cli_num(P->gamma, o[GAMMA], "0", CMD, "--gamma", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->beta, o[BETA], "0", CMD, "--beta", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->vnorm, o[VN], "1", CMD, "--vnorm", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->qknorm, o[QK], "1", CMD, "--qknorm", SC_CLI_NONNEG)))
        return rc;
    if (sc_coerc_problem_check(P) != SC_OK)
        return sc_cli_lib_fail(CMD, SC_ERR_INPUT);
    return 0;
}

static int run(int argc, char **argv)
{
    const char *o[10] = { NULL }, *pos[1];
    int json = 0, proj = 0, npos = 0, rc, st;
    sc_opt opts[] = {
        { "dim", 1, &o[0] }, { "p", 1, &o[1] }, { "sigma", 1, &o[2] }, { "tol", 1, &o[3] },
        { "weight-var", 1, &o[4] }, { "bias-var", 1, &o[5] }, { "gamma", 1, &o[6] },
        { "beta", 1, &o[7] }, { "vnorm", 1, &o[8] }, { "qknorm", 1, &o[9] },
        { "json", 0, NULL, &json }, { "projective", 0, NULL, &proj },
    };
    sc_act_t act;
    sc_coerc_problem P;
    sc_coerc_cert r;

    sc_act_init(act);
    sc_coerc_problem_init(&P);
    sc_coerc_cert_init(&r);
    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto done;
    if (npos != 1) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help coercivity')"); goto done; }
    P.projective = proj;
    if ((rc = sc_cli_act(act, pos[0], CMD)) || (rc = read_problem(&P, o)))
        goto done;
    st = sc_coercivity_certify(&r, act, &P);
    if ((rc = sc_cli_done(CMD, st)) == 0)
    {
        char *spec = sc_act_spec(act);
        if (json)
        {
            sc_json_coercivity(stdout, spec, &P, &r);
            printf("\n");
        }
        else
            print_text(spec, &P, &r);
        flint_free(spec);
    }
done:
    sc_act_clear(act);
    sc_coerc_problem_clear(&P);
    sc_coerc_cert_clear(&r);
    return rc;
}

const sc_cmd sc_cmd_coercivity = {
    "coercivity", run, "certified noise coercivity constant c_p and the dissipation certificate r_p", help
};
