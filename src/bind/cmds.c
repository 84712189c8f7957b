/* The commands of sc_bind_call: options (strings, checked in the CLI's
   order with the CLI's messages) into the library call the CLI makes, then
   the shared JSON writer (json.c). */
#include <stdlib.h>
#include <string.h>
#include "bindint.h"
#include "synccert/parse.h"

/* --- kernel (sc_kernel_certify) --- */

static int kernel_method(int *m, const char *s)
{
    static const char *const names[] = { "auto", "closed", "smooth", "nested", "lattice" };
    for (*m = 0; s != NULL && *m < 5; (*m)++)
        if (strcmp(s, names[*m]) == 0)
            return SC_OK;
    if (s == NULL)
    {
        *m = SC_KM_AUTO;
        return SC_OK;
    }
    return sc_error(SC_ERR_INPUT, "--method: unknown method '%s' (auto, closed, smooth, nested, lattice)", s);
}

int sc_bind_kernel(FILE *f, const char *spec, const sc_bind_args *a)
{
    const char *srho = sc_bind_opt(a, "rho"), *sq = sc_bind_opt(a, "weight-var"),
               *ss = sc_bind_opt(a, "bias-var");
    fmpq_t rho, q, s;
    sc_act_t act;
    sc_kernel_result r;
    slong digits;
    int st, method;

    fmpq_init(rho); fmpq_init(q); fmpq_init(s);
    sc_act_init(act);
    sc_kernel_result_init(&r);
    if ((st = kernel_method(&method, sc_bind_opt(a, "method"))) ||
        (st = sc_bind_digits(&digits, sc_bind_opt(a, "digits"))) ||
        (st = sc_bind_num(q, sq, "1", "--weight-var", SC_BIND_ANY)) ||
        (st = sc_bind_num(s, ss, "0", "--bias-var", SC_BIND_ANY)) ||
        (srho && (st = sc_bind_num(rho, srho, NULL, "--rho", SC_BIND_ANY))))
        goto done;
    if (fmpq_sgn(q) <= 0)
        st = sc_error(SC_ERR_INPUT, "--weight-var must be > 0 (got %s)", sq);
    else if (fmpq_sgn(s) < 0)
        st = sc_error(SC_ERR_INPUT, "--bias-var must be >= 0 (got %s)", ss);
    else if (srho && (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0))
        st = sc_error(SC_ERR_INPUT, "--rho must lie in [-1, 1] (got %s)", srho);
    else if ((st = sc_act_parse(act, spec)) == SC_OK)
        st = sc_kernel_certify(&r, act, srho ? rho : NULL, q, s, digits, method, 0);
    if (st == SC_OK)
    {
        char *canon = sc_act_spec(act);
        sc_json_kernel(f, canon, &r, srho ? rho : NULL, q, s, digits);
        flint_free(canon);
    }
done:
    sc_kernel_result_clear(&r);
    sc_act_clear(act);
    fmpq_clear(rho); fmpq_clear(q); fmpq_clear(s);
    return st;
}

/* --- lyapunov (sc_lyapunov_certify_p) and critical-dim (sc_critical_dim) --- */

/* sigma > 0, q > 0, s >= 0 (defaults 1, 1, 0). */
static int sigma_q_s(fmpq_t sigma, fmpq_t q, fmpq_t s, const sc_bind_args *a)
{
    int st;
    if ((st = sc_bind_num(sigma, sc_bind_opt(a, "sigma"), "1", "--sigma", SC_BIND_POS)) ||
        (st = sc_bind_num(q, sc_bind_opt(a, "weight-var"), "1", "--weight-var", SC_BIND_POS)))
        return st;
    return sc_bind_num(s, sc_bind_opt(a, "bias-var"), "0", "--bias-var", SC_BIND_NONNEG);
}

int sc_bind_lyapunov(FILE *f, const char *spec, const sc_bind_args *a)
{
    const char *sp = sc_bind_opt(a, "p");
    sc_act_t act;
    fmpz_t d;
    fmpq_t sigma, q, s, p;
    slong digits, cap;
    sc_lyap_result r;
    int st;

    sc_act_init(act);
    fmpz_init(d);
    fmpq_init(sigma); fmpq_init(q); fmpq_init(s); fmpq_init(p);
    sc_lyap_result_init(&r);
    if (!(st = sc_act_parse(act, spec)) && !(st = sc_bind_dim(d, sc_bind_opt(a, "dim"))) &&
        !(st = sigma_q_s(sigma, q, s, a)) && !(st = sc_bind_digits(&digits, sc_bind_opt(a, "digits"))) &&
        !(sp && (st = sc_bind_num(p, sp, NULL, "--p", SC_BIND_ANY))) &&
        !(st = sc_bind_prec_cap(&cap, sc_bind_opt(a, "prec-cap"))) &&
        !(st = sc_lyapunov_certify_p(&r, act, d, sigma, q, s, sp ? p : NULL, digits, cap)))
    {
        char *canon = sc_act_spec(act);
        sc_json_lyapunov(f, canon, &r, d, sigma, q, s, p, digits);
        flint_free(canon);
    }
    sc_act_clear(act);
    fmpz_clear(d);
    fmpq_clear(sigma); fmpq_clear(q); fmpq_clear(s); fmpq_clear(p);
    sc_lyap_result_clear(&r);
    return st;
}

int sc_bind_critical_dim(FILE *f, const char *spec, const sc_bind_args *a)
{
    sc_act_t act;
    fmpq_t sigma, q, s;
    slong digits, cap;
    sc_critdim_result r;
    int st;

    sc_act_init(act);
    fmpq_init(sigma); fmpq_init(q); fmpq_init(s);
    sc_critdim_result_init(&r);
    if (!(st = sc_act_parse(act, spec)) && !(st = sigma_q_s(sigma, q, s, a)) &&
        !(st = sc_bind_digits(&digits, sc_bind_opt(a, "digits"))) &&
        !(st = sc_bind_prec_cap(&cap, sc_bind_opt(a, "prec-cap"))) &&
        !(st = sc_critical_dim(&r, act, q, s, digits, cap)))
    {
        char *canon = sc_act_spec(act);
        sc_json_critical_dim(f, canon, &r, q, s, digits);
        flint_free(canon);
    }
    sc_critdim_result_clear(&r);
    sc_act_clear(act);
    fmpq_clear(sigma); fmpq_clear(q); fmpq_clear(s);
    return st;
}

/* --- coercivity (sc_coercivity_certify) --- */

static int coerc_problem(sc_coerc_problem *P, const sc_bind_args *a)
{
    const char *sdim = sc_bind_opt(a, "dim"), *sp = sc_bind_opt(a, "p"), *sg = sc_bind_opt(a, "gamma");
    int st;
    if (sdim == NULL)
        return sc_error(SC_ERR_INPUT, "--dim D is required");
    if ((st = sc_parse_slong(&P->d, sdim, "--dim", 2, 1000000000)))
        return st;
    if (sp == NULL)
        return sc_error(SC_ERR_INPUT, "--p P (or --p auto) is required");
    P->p_auto = strcmp(sp, "auto") == 0;
    if (!P->p_auto && ((st = sc_bind_num(P->p, sp, NULL, "--p", SC_BIND_ANY)) ||
                       fmpq_sgn(P->p) <= 0 || fmpq_cmp_ui(P->p, 2) > 0))
        return st ? st : sc_error(SC_ERR_INPUT, "--p must lie in (0, 2] or be 'auto'");
    if ((st = sigma_q_s(P->sigma, P->q, P->s, a)) ||
        (st = sc_bind_num(P->tol, sc_bind_opt(a, "tol"), "1e-6", "--tol", SC_BIND_ANY)))
        return st;
    P->projective = sc_bind_opt(a, "projective") != NULL && strcmp(sc_bind_opt(a, "projective"), "0") != 0;
    P->attention = sg != NULL;
    if (!P->attention && (sc_bind_opt(a, "beta") || sc_bind_opt(a, "vnorm") || sc_bind_opt(a, "qknorm")))
        return sc_error(SC_ERR_INPUT, "--beta, --vnorm and --qknorm need --gamma");
    if ((st = sc_bind_num(P->gamma, sg, "0", "--gamma", SC_BIND_NONNEG)) ||
        (st = sc_bind_num(P->beta, sc_bind_opt(a, "beta"), "0", "--beta", SC_BIND_NONNEG)) ||
        (st = sc_bind_num(P->vnorm, sc_bind_opt(a, "vnorm"), "1", "--vnorm", SC_BIND_NONNEG)) ||
        (st = sc_bind_num(P->qknorm, sc_bind_opt(a, "qknorm"), "1", "--qknorm", SC_BIND_NONNEG)))
        return st;
    return sc_coerc_problem_check(P);
}

int sc_bind_coercivity(FILE *f, const char *spec, const sc_bind_args *a)
{
    sc_act_t act;
    sc_coerc_problem P;
    sc_coerc_cert r;
    int st;

    sc_act_init(act);
    sc_coerc_problem_init(&P);
    sc_coerc_cert_init(&r);
    if (!(st = sc_act_parse(act, spec)) && !(st = coerc_problem(&P, a)))
    {
        if ((st = sc_coercivity_certify(&r, act, &P)) == SC_OK)
        {
            char *canon = sc_act_spec(act);
            sc_json_coercivity(f, canon, &P, &r);
            flint_free(canon);
        }
    }
    sc_act_clear(act);
    sc_coerc_problem_clear(&P);
    sc_coerc_cert_clear(&r);
    return st;
}

/* --- certify (sc_regime_run) --- */

/* The box: --dim, every --param, --p and --sigma (in this order). */
static int certify_box(sc_regime_problem *P, const sc_bind_args *a)
{
    const char *sp = sc_bind_opt(a, "p"), *ssig = sc_bind_opt(a, "sigma"), *sd = sc_bind_opt(a, "dim");
    char name[SC_REGIME_NAMELEN];
    const char *range, *given[4];
    int i, st;
    given[0] = sp; given[1] = ssig; given[2] = sc_bind_opt(a, "gamma"); given[3] = sc_bind_opt(a, "beta");
    if ((st = sc_regime_add_dim(P, sd ? sd : "2:64")))
        return st;
    for (i = 0; i < a->nmulti; i++)
    {
        if ((st = sc_regime_param_split(name, &range, a->multi[i])))
            return st;
        if ((st = sc_regime_param_clash(P, name, given)) || (st = sc_regime_add_param(P, name, range)))
            return st;
    }
    if ((sp && (st = sc_regime_add_param(P, "p", sp))) || (ssig && (st = sc_regime_add_param(P, "sigma", ssig))))
        return st;
    return SC_OK;
}

static int certify_problem(sc_regime_problem *P, const sc_bind_args *a)
{
    static const char *const att[] = { "gamma", "beta", "vnorm", "qknorm" };
    fmpq *val[4];
    slong depth = 30;
    int st, k;
    val[0] = P->gamma; val[1] = P->beta; val[2] = P->vnorm; val[3] = P->qknorm;
    if ((st = sc_regime_property_parse(&P->property, sc_bind_opt(a, "property"))) ||
        (st = certify_box(P, a)))
        return st;
    for (k = 0; k < 4; k++)
    {
        char what[16];
        snprintf(what, sizeof what, "--%s", att[k]);
        if ((st = sc_bind_num(val[k], sc_bind_opt(a, att[k]), k < 2 ? "0" : "1", what, SC_BIND_NONNEG)))
            return st;
    }
    if ((st = sc_regime_check_options(P, sc_bind_opt(a, "gamma") || sc_bind_opt(a, "beta"),
                                      sc_bind_opt(a, "vnorm") || sc_bind_opt(a, "qknorm"))))
        return st;
    P->budget = a->budget;
    if ((sc_bind_opt(a, "max-depth") &&
               (st = sc_parse_slong(&depth, sc_bind_opt(a, "max-depth"), "--max-depth", 0, 60))))
        return st;
    P->max_depth = depth;
    P->progress = sc_bind_opt(a, "progress") != NULL && strcmp(sc_bind_opt(a, "progress"), "0") != 0;
    P->resume = sc_bind_opt(a, "resume");
    P->checkpoint = sc_bind_opt(a, "checkpoint") ? sc_bind_opt(a, "checkpoint") : P->resume;
    if (sc_bind_opt(a, "checkpoint-every"))
    {
        fmpq_t every;
        fmpq_init(every);
        st = sc_bind_num(every, sc_bind_opt(a, "checkpoint-every"), "5", "--checkpoint-every", SC_BIND_ANY);
        if (st == SC_OK && fmpq_sgn(every) <= 0)
            st = sc_error(SC_ERR_INPUT, "--checkpoint-every must be > 0 seconds");
        P->checkpoint_every = fmpq_get_d(every);
        fmpq_clear(every);
        if (st)
            return st;
    }
    return sc_regime_check(P);
}

int sc_bind_certify(FILE *f, const char *spec, const sc_bind_args *a)
{
    sc_regime_problem P;
    sc_regime_result R;
    int st;

    sc_regime_problem_init(&P);
    sc_regime_result_init(&R);
    if (!(st = sc_act_parse(P.act, spec)) && !(st = certify_problem(&P, a)) &&
        !(st = sc_regime_run(&R, &P)))
    {
        char *canon = sc_act_spec(P.act);
        sc_json_certify(f, canon, &P, &R, 1);
        flint_free(canon);
    }
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
    return st;
}

/* --- table (sc_table_compute): rows as JSON and every format's text --- */

static int table_read(sc_table *t, const sc_bind_args *a)
{
    const char *s;
    fmpq_t b;
    int st = SC_OK, fmt;
    sc_table_set_defaults(t);
    if (((s = sc_bind_opt(a, "activations")) && (st = sc_table_set_acts(t, s))) ||
        ((s = sc_bind_opt(a, "dims")) && (st = sc_table_set_dims(t, s))) ||
        ((s = sc_bind_opt(a, "quantities")) && (st = sc_table_set_quantities(t, s))) ||
        ((s = sc_bind_opt(a, "digits")) && (st = sc_parse_slong(&t->digits, s, "--digits", 1, 1000))) ||
        ((s = sc_bind_opt(a, "cp-digits")) && (st = sc_parse_slong(&t->cp_digits, s, "--cp-digits", 1, 30))) ||
        (st = sigma_q_s(t->sigma, t->wvar, t->bvar, a)) ||
        (st = sc_bind_num(t->p, sc_bind_opt(a, "p"), "1/2", "--p", SC_BIND_ANY)))
        return st;
    if ((s = sc_bind_opt(a, "cp-budget")))
    {
        fmpq_init(b);
        if ((st = sc_bind_num(b, s, NULL, "--cp-budget", SC_BIND_POS)) == SC_OK)
            t->cp_budget = fmpq_get_d(b);
        fmpq_clear(b);
        if (st)
            return st;
    }
    if ((s = sc_bind_opt(a, "format")) && (st = sc_table_parse_format(&fmt, s)))
        return st;
    t->progress = (s = sc_bind_opt(a, "progress")) != NULL && strcmp(s, "0") != 0;
    return SC_OK;
}

int sc_bind_table(FILE *f, const char *act, const sc_bind_args *a)
{
    static const char *const fmt[4] = { "latex", "csv", "markdown", "text" };
    static const int code[4] = { SC_TF_LATEX, SC_TF_CSV, SC_TF_MARKDOWN, SC_TF_TEXT };
    sc_table t;
    int st, k;

    sc_table_init(&t);
    if (!(st = table_read(&t, a)) && !(st = sc_table_compute(&t)) && sc_budget_expired())
        st = sc_error(SC_ERR_BUDGET, "time budget of %g s exhausted before the table was complete", a->budget);
    if (st == SC_OK)
    {
        /* the rows object without its closing brace, then the formats */
        char *buf = NULL;
        size_t len = 0;
        FILE *g = open_memstream(&buf, &len);
        if (g == NULL)
            st = sc_error(SC_ERR_INPUT, "out of memory");
        else
        {
            sc_json_table(g, &t);
            fclose(g);
            fwrite(buf, 1, len - 1, f);
            free(buf);
            fputs(", \"formats\": {", f);
            for (k = 0; k < 4 && st == SC_OK; k++)
            {
                buf = NULL;
                if ((g = open_memstream(&buf, &len)) == NULL)
                    st = sc_error(SC_ERR_INPUT, "out of memory");
                else
                {
                    st = sc_table_write(g, &t, code[k], NULL, NULL);
                    fclose(g);
                    fprintf(f, "%s\"%s\": ", k ? ", " : "", fmt[k]);
                    sc_json_string(f, buf);
                }
                free(buf);
            }
            fputs("}}", f);
        }
    }
    sc_table_clear(&t);
    return st;
}

/* --- pair (sc_pair_certify) --- */

int sc_bind_pair(FILE *f, const char *spec, const sc_bind_args *a)
{
    const char *sr = sc_bind_opt(a, "rho0"), *sd = sc_bind_opt(a, "digits");
    sc_act_t act;
    sc_pair_problem P;
    sc_pair_result r;
    int st;

    sc_act_init(act);
    sc_pair_problem_init(&P);
    sc_pair_result_init(&r);
    if (!(st = sc_act_parse(act, spec)) && !(st = sc_bind_dim(P.d, sc_bind_opt(a, "dim"))) &&
        !(st = sc_bind_num(P.gamma, sc_bind_opt(a, "gamma"), "0", "--gamma", SC_BIND_NONNEG)) &&
        !(st = sc_bind_num(P.beta, sc_bind_opt(a, "beta"), "0", "--beta", SC_BIND_NONNEG)) &&
        !(st = sigma_q_s(P.sigma, P.q, P.s, a)) &&
        !(sr && (st = sc_pair_problem_parse_rho0(&P, sr))) &&
        !(sd && (st = sc_parse_slong(&P.digits, sd, "--digits", 1, 3000))) &&
        !(st = sc_bind_prec_cap(&P.prec_cap, sc_bind_opt(a, "prec-cap"))) &&
        !(st = sc_pair_certify(&r, act, &P)))
    {
        char *canon = sc_act_spec(act);
        sc_json_pair(f, canon, &P, &r);
        flint_free(canon);
    }
    sc_act_clear(act);
    sc_pair_problem_clear(&P);
    sc_pair_result_clear(&r);
    return st;
}
