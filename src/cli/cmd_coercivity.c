/* `synccert coercivity`: certified enclosure of the noise coercivity
   constant c_p (MODEL.md section 5) and, with attention options, of
   r_p = c_p - p gamma L_att with the dissipation verdict. */
#include <string.h>
#include <stdlib.h>
#include <flint/fmpz.h>
#include "cli.h"
#include "synccert/parse.h"
#include "synccert/act.h"
#include "synccert/coercivity.h"
#include "synccert/verdict.h"
#include "synccert/print.h"
#include "synccert/regime.h"

static const char help[] =
"usage: synccert coercivity ACT --dim D --p P|auto [--sigma S] [--tol T]\n"
"                           [--weight-var Q] [--bias-var S0]\n"
"                           [--gamma G [--beta B] [--vnorm V] [--qknorm QK]]\n"
"                           [--budget SECONDS] [--json]\n"
"\n"
"Certified enclosure [lo, hi] of the noise coercivity constant (MODEL.md section 5)\n"
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
"  --budget SECONDS  stop after this much time (exit 1 if not finished)\n"
"  --json            one JSON object instead of the table\n"
"\n"
"Every number printed is an enclosure (see 'synccert help output'); the verdict\n"
"comes from the sign of the enclosure of r_p only.\n"
"Examples:\n"
"  synccert coercivity relu --dim 8 --p 1/2           # c_p = 1/8, the diagonal limit\n"
"  synccert coercivity tanh --dim 8 --p auto --gamma 0.01 --beta 1\n"
"Exit status: 0 success, 1 tolerance or budget not met, 2 bad input.\n";

#define CMD "coercivity"

static void print_arf_bounds(FILE *f, const arf_t lo, const arf_t hi, int json)
{
    arb_t x;
    char *a, *b, *c, *d;
    arb_init(x);
    arb_set_arf(x, lo);
    sc_arb_bounds(&a, &b, x, 10);
    arb_set_arf(x, hi);
    sc_arb_bounds(&c, &d, x, 10);
    if (json)
        fprintf(f, "{\"lo\": \"%s\", \"hi\": \"%s\"}", a, d);
    else
        fprintf(f, "[%s, %s]", a, d);
    flint_free(a);
    flint_free(b);
    flint_free(c);
    flint_free(d);
    arb_clear(x);
}

static void set_interval(arb_t x, const arf_t lo, const arf_t hi)
{
    if (arf_is_neg_inf(hi))
        arb_neg_inf(x);
    else if (arf_is_neg_inf(lo))
        arb_indeterminate(x);
    else
        arb_set_interval_arf(x, lo, hi, 128);
}

static int run(int argc, char **argv)
{
    const char *dim_s = NULL, *p_s = NULL, *sigma_s = NULL, *tol_s = NULL, *q_s = NULL, *s_s = NULL;
    const char *gamma_s = NULL, *beta_s = NULL, *v_s = NULL, *qk_s = NULL, *budget_s = NULL;
    int json = 0, npos = 0, rc = SC_EXIT_OK, st, pauto = 0, attn;
    const char *pos[1];
    sc_opt opts[] = {
        { "dim", 1, &dim_s, NULL, NULL, NULL, 0 },
        { "p", 1, &p_s, NULL, NULL, NULL, 0 },
        { "sigma", 1, &sigma_s, NULL, NULL, NULL, 0 },
        { "tol", 1, &tol_s, NULL, NULL, NULL, 0 },
        { "weight-var", 1, &q_s, NULL, NULL, NULL, 0 },
        { "bias-var", 1, &s_s, NULL, NULL, NULL, 0 },
        { "gamma", 1, &gamma_s, NULL, NULL, NULL, 0 },
        { "beta", 1, &beta_s, NULL, NULL, NULL, 0 },
        { "vnorm", 1, &v_s, NULL, NULL, NULL, 0 },
        { "qknorm", 1, &qk_s, NULL, NULL, NULL, 0 },
        { "budget", 1, &budget_s, NULL, NULL, NULL, 0 },
        { "json", 0, NULL, &json, NULL, NULL, 0 },
    };
    sc_act_t act;
    fmpq_t p, sigma, tol, q, s, gamma, beta, vn, qk, budget, t;
    slong d = 0, prec;
    arb_ptr par = NULL;
    arb_t qb, sb, gl, cp, rp, lat, x;
    arf_t tolf;
    sc_kfun_t kf;
    int kf_ok = 0;
    sc_coerc_result r;
    sc_fparams_t fp;

    sc_act_init(act);
    fmpq_init(p); fmpq_init(sigma); fmpq_init(tol); fmpq_init(q); fmpq_init(s);
    fmpq_init(gamma); fmpq_init(beta); fmpq_init(vn); fmpq_init(qk); fmpq_init(budget); fmpq_init(t);
    arb_init(qb); arb_init(sb); arb_init(gl); arb_init(cp); arb_init(rp); arb_init(lat); arb_init(x);
    arf_init(tolf);
    sc_coerc_result_init(&r);
    sc_fparams_init(fp);

    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto done;
    if (npos != 1) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help coercivity')"); goto done; }
    if (sc_act_parse(act, pos[0]) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (dim_s == NULL) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--dim D is required"); goto done; }
    if (sc_parse_slong(&d, dim_s, "--dim", 2, 1000000000) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (p_s == NULL) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--p P (or --p auto) is required"); goto done; }
    if (strcmp(p_s, "auto") == 0)
        pauto = 1;
    else
    {
        if ((rc = sc_cli_fmpq(p, p_s, NULL, CMD, "--p")) != 0) goto done;
        if (fmpq_sgn(p) <= 0 || fmpq_cmp_ui(p, 2) > 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--p must lie in (0, 2] or be 'auto'"); goto done; }
    }
    if ((rc = sc_cli_fmpq(sigma, sigma_s, "1", CMD, "--sigma")) != 0) goto done;
    if (fmpq_sgn(sigma) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--sigma must be > 0"); goto done; }
    if ((rc = sc_cli_fmpq(q, q_s, "1", CMD, "--weight-var")) != 0) goto done;
    if (fmpq_sgn(q) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--weight-var must be > 0"); goto done; }
    if ((rc = sc_cli_fmpq(s, s_s, "0", CMD, "--bias-var")) != 0) goto done;
    if (fmpq_sgn(s) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--bias-var must be >= 0"); goto done; }
    if ((rc = sc_cli_fmpq(tol, tol_s, "1e-6", CMD, "--tol")) != 0) goto done;
    fmpq_set_si(t, 1, 1);
    if (fmpq_cmp(tol, t) > 0 || fmpq_sgn(tol) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--tol must lie in [1e-12, 1]"); goto done; }
    sc_parse_fmpq(t, "1e-12", "tol");
    if (fmpq_cmp(tol, t) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--tol must lie in [1e-12, 1]"); goto done; }
    attn = gamma_s != NULL;
    if (!attn && (beta_s || v_s || qk_s)) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--beta, --vnorm and --qknorm need --gamma"); goto done; }
    if ((rc = sc_cli_fmpq(gamma, gamma_s, "0", CMD, "--gamma")) != 0) goto done;
    if ((rc = sc_cli_fmpq(beta, beta_s, "0", CMD, "--beta")) != 0) goto done;
    if ((rc = sc_cli_fmpq(vn, v_s, "1", CMD, "--vnorm")) != 0) goto done;
    if ((rc = sc_cli_fmpq(qk, qk_s, "1", CMD, "--qknorm")) != 0) goto done;
    if (fmpq_sgn(gamma) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--gamma must be >= 0"); goto done; }
    if (fmpq_sgn(beta) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--beta must be >= 0"); goto done; }
    if (fmpq_sgn(vn) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--vnorm must be >= 0"); goto done; }
    if (fmpq_sgn(qk) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--qknorm must be >= 0"); goto done; }
    if (budget_s != NULL)
    {
        if ((rc = sc_cli_fmpq(budget, budget_s, NULL, CMD, "--budget")) != 0) goto done;
        if (fmpq_sgn(budget) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--budget must be > 0 seconds"); goto done; }
        sc_budget_set(fmpq_get_d(budget));
    }

    /* try at 64 bits, then 128 if the enclosures are too wide for T */
    for (prec = 64; prec <= 128; prec *= 2)
    {
        slong np = (act->def->flags & SC_ACT_COEFFS) ? act->npar + 1 : FLINT_MAX(act->npar, 1);
        if (kf_ok)
        {
            sc_kfun_clear(kf);
            kf_ok = 0;
        }
        if (par != NULL)
            sc_act_params_clear(par, act);
        par = sc_act_params(act, prec);
        arb_set_fmpq(qb, q, prec);
        arb_set_fmpq(sb, s, prec);
        st = sc_kfun_init(kf, act->def, par, np, qb, sb, 1, prec);
        if (st != SC_OK) { rc = sc_cli_lib_fail(CMD, st); goto done; }
        kf_ok = 1;
        arb_set_si(fp->d, d);
        arb_set_fmpq(fp->sigma2, sigma, prec);
        arb_sqr(fp->sigma2, fp->sigma2, prec);
        /* L_att = V (2 + B QK), gl = gamma L_att */
        arb_set_fmpq(lat, beta, prec);
        arb_set_fmpq(x, qk, prec);
        arb_mul(lat, lat, x, prec);
        arb_add_ui(lat, lat, 2, prec);
        arb_set_fmpq(x, vn, prec);
        arb_mul(lat, lat, x, prec);
        arb_set_fmpq(gl, gamma, prec);
        arb_mul(gl, gl, lat, prec);
        /* tol as an arf rounded down (a smaller tolerance is safe) */
        arb_set_fmpq(x, tol, prec);
        arb_get_lbound_arf(tolf, x, prec);
        if (pauto)
            st = sc_coercivity_auto_p(p, &r, kf, fp->d, fp->sigma2, gl, tolf, 2000000);
        else
        {
            arb_set_fmpq(fp->p, p, prec);
            st = sc_coercivity_bb(&r, kf, fp, tolf, NULL, 2000000);
        }
        if (st == SC_ERR_BUDGET || (st == SC_OK && r.reached))
            break;
        if (st != SC_OK) { rc = sc_cli_lib_fail(CMD, st); goto done; }
    }
    if (st == SC_ERR_BUDGET) { rc = sc_cli_fail(CMD, SC_EXIT_FAIL, "time budget exhausted before the enclosure reached --tol"); goto done; }
    if (!r.reached)
    {
        arb_t e;
        char *a, *b;
        arb_init(e);
        set_interval(e, r.lo, r.hi);
        sc_arb_bounds(&a, &b, e, 10);
        rc = sc_cli_fail(CMD, SC_EXIT_FAIL, "could not reach --tol: c_p in [%s, %s]", a, b);
        flint_free(a);
        flint_free(b);
        arb_clear(e);
        goto done;
    }

    set_interval(cp, r.lo, r.hi);
    arb_set_fmpq(x, p, 128);
    arb_mul(rp, x, gl, 128);
    arb_sub(rp, cp, rp, 128);

    {
        char *ps = fmpq_get_str(NULL, 10, p);
        char *ss = sc_fmpq_decimal(sigma);
        char *spec = sc_act_spec(act);
        const char *where = r.diagonal ? "diagonal" : r.antipodal ? "antipodal" : "interior";
        int v = attn ? sc_arb_sign(rp) : 0;
        const char *verdict = v > 0 ? "dissipates" : v < 0 ? "not certified" : "undecided";
        if (json)
        {
            printf("{\"command\": \"coercivity\", \"activation\": \"%s\", \"dim\": %ld, \"p\": \"%s\", \"p_auto\": %s, "
                   "\"sigma\": \"%s\", \"c_p\": ", spec, (long) d, ps, pauto ? "true" : "false", ss);
            sc_print_json_real(stdout, cp, 15);
            printf(", \"argmin\": ");
            print_arf_bounds(stdout, r.rlo, r.rhi, 1);
            printf(", \"infimum_at\": \"%s\", \"boxes\": %ld", where, (long) r.boxes);
            if (attn)
            {
                printf(", \"L_att\": ");
                sc_print_json_real(stdout, lat, 15);
                printf(", \"r_p\": ");
                sc_print_json_real(stdout, rp, 15);
                printf(", \"verdict\": \"%s\"", verdict);
            }
            printf("}\n");
        }
        else
        {
            char *lo, *hi, *dg;
            printf("activation   %s\n", spec);
            printf("dimension    %ld\n", (long) d);
            printf("p            %s%s\n", ps, pauto ? "   (chosen by --p auto)" : "");
            printf("sigma        %s\n", ss);
            sc_arb_bounds(&lo, &hi, cp, 12);
            dg = sc_arb_digits(cp, 15);
            printf("c_p          [%s, %s]\n", lo, hi);
            printf("c_p digits   %s\n", dg);
            flint_free(lo); flint_free(hi); flint_free(dg);
            printf("infimum at   ");
            if (r.diagonal)
                printf("the diagonal limit rho -> 1");
            else if (r.antipodal)
                printf("rho = -1 (antipodal)");
            else
                printf("rho inside (-1, 1)");
            printf("; every minimiser lies in rho in ");
            print_arf_bounds(stdout, r.rlo, r.rhi, 0);
            printf("\n");
            if (attn)
            {
                sc_arb_bounds(&lo, &hi, lat, 12);
                printf("L_att        [%s, %s]\n", lo, hi);
                flint_free(lo); flint_free(hi);
                sc_arb_bounds(&lo, &hi, rp, 12);
                printf("r_p          [%s, %s]\n", lo, hi);
                flint_free(lo); flint_free(hi);
                printf("verdict      %s\n", verdict);
                if (v <= 0)
                    printf("note         r_p > 0 is only a sufficient condition: this does not show that\n"
                           "             synchronisation fails\n");
            }
        }
        flint_free(ps);
        flint_free(ss);
        flint_free(spec);
    }

done:
    if (kf_ok)
        sc_kfun_clear(kf);
    if (par != NULL)
        sc_act_params_clear(par, act);
    sc_act_clear(act);
    fmpq_clear(p); fmpq_clear(sigma); fmpq_clear(tol); fmpq_clear(q); fmpq_clear(s);
    fmpq_clear(gamma); fmpq_clear(beta); fmpq_clear(vn); fmpq_clear(qk); fmpq_clear(budget); fmpq_clear(t);
    arb_clear(qb); arb_clear(sb); arb_clear(gl); arb_clear(cp); arb_clear(rp); arb_clear(lat); arb_clear(x);
    arf_clear(tolf);
    sc_coerc_result_clear(&r);
    sc_fparams_clear(fp);
    sc_budget_set(0);
    return rc;
}

const sc_cmd sc_cmd_coercivity = {
    "coercivity", run, "certified noise coercivity constant c_p and the dissipation certificate r_p", help
};
