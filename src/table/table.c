/* Tables of certified quantities: parsing of the lists, computation of the
   cells (see include/synccert/table.h).  Formatting is in tableout.c. */
#include <string.h>
#include <time.h>
#include "synccert/table.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/critdim.h"
#include "synccert/coercivity.h"
#include "synccert/kfun.h"
#include "synccert/kernel.h"
#include "synccert/parse.h"
#include "synccert/print.h"
#include "synccert/verdict.h"

#define SC_TABLE_MAXACTS 256
#define SC_TABLE_MAXDIMS 256

static const struct { const char *name, *text, *latex; int dim; } qinfo[SC_TQ_N] = {
    { "K1",        "K(1)",      "$K(1)$",      0 },
    { "dK1",       "K'(1)",     "$K'(1)$",     0 },
    { "Km1",       "K(-1)",     "$K(-1)$",     0 },
    { "v",         "v",         "$v$",         0 },
    { "antipodal", "antipodal", "antipodal",   0 },
    { "dstar",     "d*",        "$d^*$",       0 },
    { "lambda",    "lambda",    "$\\lambda$",  1 },
    { "pstar",     "p*",        "$p^*$",       1 },
    { "verdict",   "sync",      "sync.",       1 },
    { "cp",        "c_p",       "$c_p$",       1 },
};

const char *sc_table_qname(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].name : "?"; }
const char *sc_table_qtext(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].text : "?"; }
const char *sc_table_qlatex(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].latex : "?"; }
int sc_table_qdim(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].dim : 0; }

static char *dupstr(const char *s)
{
    size_t n = strlen(s);
    char *r = flint_malloc(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

static void free_cells(sc_table *t)
{
    slong i, n;
    if (t->cells == NULL)
        return;
    n = t->nacts * FLINT_MAX(t->ndims, 1) * SC_TQ_N;
    for (i = 0; i < n; i++)
    {
        arb_clear(t->cells[i].x);
        flint_free(t->cells[i].str);
    }
    flint_free(t->cells);
    t->cells = NULL;
}

static void free_acts(sc_table *t)
{
    slong i;
    for (i = 0; i < t->nacts; i++)
        sc_act_clear(t->acts + i);
    flint_free(t->acts);
    t->acts = NULL;
    t->nacts = 0;
}

void sc_table_init(sc_table *t)
{
    memset(t, 0, sizeof(*t));
    fmpq_init(t->sigma);
    fmpq_init(t->wvar);
    fmpq_init(t->bvar);
    fmpq_init(t->p);
    fmpq_one(t->sigma);
    fmpq_one(t->wvar);
    fmpq_zero(t->bvar);
    fmpq_set_si(t->p, 1, 2);
    t->digits = 10;
    t->cp_digits = 0;
    t->cp_budget = 60;
}

void sc_table_clear(sc_table *t)
{
    free_cells(t);
    free_acts(t);
    if (t->dims != NULL)
        _fmpz_vec_clear(t->dims, t->ndims);
    t->dims = NULL;
    fmpq_clear(t->sigma);
    fmpq_clear(t->wvar);
    fmpq_clear(t->bvar);
    fmpq_clear(t->p);
}

/* Split a comma list into pieces (modifies a copy).  Returns the count. */
static slong split_list(char **piece, slong max, char *buf)
{
    slong n = 0;
    char *s = buf, *c;
    for (;;)
    {
        c = strchr(s, ',');
        if (c != NULL)
            *c = '\0';
        if (n >= max)
            return -1;
        piece[n++] = s;
        if (c == NULL)
            break;
        s = c + 1;
    }
    return n;
}

static int is_builtin_default(const sc_act_def *d)
{
    return !(d->flags & SC_ACT_COEFFS);
}

int sc_table_set_acts(sc_table *t, const char *list)
{
    char *buf, **piece, **spec;
    slong n, i, ns = 0, k;
    int st = SC_OK;

    if (list == NULL || list[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty activation list");
    buf = dupstr(list);
    piece = flint_malloc(sizeof(char *) * (SC_TABLE_MAXACTS + 1));
    spec = flint_malloc(sizeof(char *) * (SC_TABLE_MAXACTS + 1));
    n = split_list(piece, SC_TABLE_MAXACTS, buf);
    if (n < 0)
    {
        st = sc_error(SC_ERR_INPUT, "too many activations (at most %d)", SC_TABLE_MAXACTS);
        goto done;
    }
    /* glue "key=value" pieces to the previous spec */
    for (i = 0; i < n; i++)
    {
        if (piece[i][0] == '\0')
        {
            st = sc_error(SC_ERR_INPUT, "empty entry in activation list '%s'", list);
            goto done;
        }
        if (strchr(piece[i], '=') != NULL && strchr(piece[i], ':') == NULL)
        {
            if (ns == 0)
            {
                st = sc_error(SC_ERR_INPUT, "activation list starts with a parameter '%s'", piece[i]);
                goto done;
            }
            piece[i][-1] = ',';     /* undo the split: same spec */
            continue;
        }
        spec[ns++] = piece[i];
    }
    free_cells(t);
    free_acts(t);
    t->acts = flint_malloc(sizeof(sc_act_struct) * SC_TABLE_MAXACTS);
    for (i = 0; i < ns; i++)
    {
        if (strcmp(spec[i], "all") == 0)
        {
            for (k = 0; sc_act_registry[k] != NULL; k++)
            {
                if (!is_builtin_default(sc_act_registry[k]))
                    continue;
                if (t->nacts >= SC_TABLE_MAXACTS)
                {
                    st = sc_error(SC_ERR_INPUT, "too many activations (at most %d)", SC_TABLE_MAXACTS);
                    goto done;
                }
                sc_act_init(t->acts + t->nacts);
                sc_act_set_default(t->acts + t->nacts, sc_act_registry[k]);
                t->nacts++;
            }
            continue;
        }
        if (t->nacts >= SC_TABLE_MAXACTS)
        {
            st = sc_error(SC_ERR_INPUT, "too many activations (at most %d)", SC_TABLE_MAXACTS);
            goto done;
        }
        sc_act_init(t->acts + t->nacts);
        t->nacts++;
        if ((st = sc_act_parse(t->acts + t->nacts - 1, spec[i])) != SC_OK)
            goto done;
    }
done:
    if (st != SC_OK)
        free_acts(t);
    flint_free(buf);
    flint_free(piece);
    flint_free(spec);
    return st;
}

int sc_table_set_dims(sc_table *t, const char *list)
{
    char *buf, **piece;
    slong n, i, v;
    int st = SC_OK;
    if (list == NULL || list[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty dimension list");
    buf = dupstr(list);
    piece = flint_malloc(sizeof(char *) * (SC_TABLE_MAXDIMS + 1));
    n = split_list(piece, SC_TABLE_MAXDIMS, buf);
    if (n < 0)
    {
        st = sc_error(SC_ERR_INPUT, "too many dimensions (at most %d)", SC_TABLE_MAXDIMS);
        goto done;
    }
    free_cells(t);
    if (t->dims != NULL)
        _fmpz_vec_clear(t->dims, t->ndims);
    t->dims = _fmpz_vec_init(n);
    t->ndims = n;
    for (i = 0; i < n; i++)
    {
        if ((st = sc_parse_slong(&v, piece[i], "dimension", 2, WORD(1000000000))) != SC_OK)
        {
            sc_error(SC_ERR_INPUT, "bad dimension '%s' (an integer in [2, 10^9])", piece[i]);
            goto done;
        }
        fmpz_set_si(t->dims + i, v);
    }
done:
    if (st != SC_OK && t->dims != NULL)
    {
        _fmpz_vec_clear(t->dims, t->ndims);
        t->dims = NULL;
        t->ndims = 0;
    }
    flint_free(buf);
    flint_free(piece);
    return st;
}

int sc_table_set_quantities(sc_table *t, const char *list)
{
    char *buf, *piece[SC_TQ_N * 4 + 1];
    slong n, i;
    int q, st = SC_OK, seen[SC_TQ_N] = { 0 };
    if (list == NULL || list[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty quantity list");
    buf = dupstr(list);
    n = split_list(piece, SC_TQ_N * 4, buf);
    if (n < 0)
    {
        flint_free(buf);
        return sc_error(SC_ERR_INPUT, "too many quantities");
    }
    free_cells(t);
    t->nq = 0;
    for (i = 0; i < n && st == SC_OK; i++)
    {
        if (strcmp(piece[i], "all") == 0)
        {
            for (q = 0; q < SC_TQ_N; q++)
                if (!seen[q])
                {
                    seen[q] = 1;
                    t->q[t->nq++] = q;
                }
            continue;
        }
        for (q = 0; q < SC_TQ_N; q++)
            if (strcmp(piece[i], qinfo[q].name) == 0)
                break;
        if (q == SC_TQ_N)
            st = sc_error(SC_ERR_INPUT, "unknown quantity '%s' (K1, dK1, Km1, v, antipodal, dstar, "
                          "lambda, pstar, verdict, cp or all)", piece[i]);
        else if (seen[q])
            st = sc_error(SC_ERR_INPUT, "quantity '%s' listed twice", piece[i]);
        else
        {
            seen[q] = 1;
            t->q[t->nq++] = q;
        }
    }
    flint_free(buf);
    if (st != SC_OK)
        t->nq = 0;
    return st;
}

void sc_table_set_defaults(sc_table *t)
{
    sc_table_set_acts(t, "all");
    sc_table_set_dims(t, "4,32");
    sc_table_set_quantities(t, "K1,dK1,dstar,lambda,pstar,verdict");
}

sc_tcell *sc_table_cell(const sc_table *t, slong ia, slong id, int q)
{
    return t->cells + (ia * FLINT_MAX(t->ndims, 1) + id) * SC_TQ_N + q;
}

static int wanted(const sc_table *t, int q)
{
    slong i;
    for (i = 0; i < t->nq; i++)
        if (t->q[i] == q)
            return 1;
    return 0;
}

static void cell_word(sc_tcell *c, int kind, const char *w)
{
    c->kind = kind;
    flint_free(c->str);
    c->str = dupstr(w);
}

static void cell_num(sc_tcell *c, const arb_t x, slong digits)
{
    flint_free(c->str);
    arb_set(c->x, x);
    if (arf_is_nan(arb_midref(x)))
    {
        c->kind = SC_CELL_WORD;
        c->str = dupstr("undefined");
        return;
    }
    c->kind = SC_CELL_NUM;
    c->str = sc_arb_digits(x, digits);
}

/* A short reason for a failed cell from a status code. */
static const char *fail_word(int st)
{
    switch (st)
    {
        case SC_ERR_PREC: return "not certified";
        case SC_ERR_BUDGET: return "timed out";
        case SC_ERR_UNSUPPORTED: return "n/a";
        default: return "failed";
    }
}

/* c_p for one activation at every dimension of the table. */
static void compute_cp(sc_table *t, slong ia)
{
    const sc_act_struct *act = t->acts + ia;
    slong cpd = t->cp_digits > 0 ? t->cp_digits : FLINT_MIN(t->digits, 6);
    slong prec = sc_prec_for_digits(cpd) + 32, np, id;
    arb_ptr par;
    arb_t qb, sb, x;
    sc_kfun_t kf;
    sc_fparams_t fp;
    arf_t tol;
    int st;

    np = (act->def->flags & SC_ACT_COEFFS) ? act->npar + 1 : FLINT_MAX(act->npar, 1);
    par = sc_act_params(act, prec);
    arb_init(qb);
    arb_init(sb);
    arb_init(x);
    arf_init(tol);
    sc_fparams_init(fp);
    arb_set_fmpq(qb, t->wvar, prec);
    arb_set_fmpq(sb, t->bvar, prec);
    if (t->cp_budget > 0)
        sc_budget_set(t->cp_budget);
    st = sc_kfun_init(kf, act->def, par, np, qb, sb, 1, prec);
    if (st != SC_OK)
    {
        for (id = 0; id < t->ndims; id++)
            cell_word(sc_table_cell(t, ia, id, SC_TQ_CP), SC_CELL_FAILED, fail_word(st));
        goto out;
    }
    /* absolute tolerance 10^-cpd, rounded down to a power of two */
    arf_set_si_2exp_si(tol, 1, -(slong) (cpd * 3.3219280948873623) - 2);
    arb_set_fmpq(fp->p, t->p, prec);
    arb_set_fmpq(fp->sigma2, t->sigma, prec);
    arb_sqr(fp->sigma2, fp->sigma2, prec);
    for (id = 0; id < t->ndims; id++)
    {
        sc_coerc_result r;
        sc_tcell *c = sc_table_cell(t, ia, id, SC_TQ_CP);
        sc_coerc_result_init(&r);
        arb_set_fmpz(fp->d, t->dims + id);
        st = sc_coercivity_bb(&r, kf, fp, tol, NULL, 2000000);
        if (st == SC_OK || st == SC_ERR_BUDGET)
        {
            if (arf_is_neg_inf(r.lo) && arf_is_neg_inf(r.hi))
                cell_word(c, SC_CELL_WORD, "-inf");
            else if (arf_is_finite(r.lo) && arf_is_finite(r.hi))
            {
                arb_set_interval_arf(x, r.lo, r.hi, prec);
                cell_num(c, x, t->digits);
            }
            else
                cell_word(c, SC_CELL_FAILED, fail_word(st == SC_OK ? SC_ERR_PREC : st));
        }
        else
            cell_word(c, SC_CELL_FAILED, fail_word(st));
        sc_coerc_result_clear(&r);
    }
    sc_kfun_clear(kf);
out:
    sc_budget_set(0);
    sc_act_params_clear(par, act);
    arb_clear(qb);
    arb_clear(sb);
    arb_clear(x);
    arf_clear(tol);
    sc_fparams_clear(fp);
}

static void compute_dstar(sc_table *t, slong ia)
{
    sc_critdim_result r;
    sc_tcell *c = sc_table_cell(t, ia, 0, SC_TQ_DSTAR);
    int st;
    sc_critdim_result_init(&r);
    st = sc_critical_dim(&r, t->acts + ia, t->wvar, t->bvar, t->digits, 0);
    if (st != SC_OK)
        cell_word(c, SC_CELL_FAILED, fail_word(st));
    else if (r.dstar_kind == SC_DSTAR_FINITE)
        cell_num(c, r.dstar, t->digits);
    else if (r.dstar_kind == SC_DSTAR_NONE && r.max_sync_kind == SC_DIMV_ALL)
        cell_word(c, SC_CELL_WORD, "none");
    else
        cell_word(c, SC_CELL_UNDECIDED, "undecided");
    sc_critdim_result_clear(&r);
}

static void compute_lyap(sc_table *t, slong ia)
{
    slong id, nd = FLINT_MAX(t->ndims, 1);
    fmpz_t two;
    fmpz_init_set_ui(two, 2);
    for (id = 0; id < nd; id++)
    {
        sc_lyap_result r;
        int st;
        const fmpz *d = t->ndims > 0 ? t->dims + id : two;
        sc_lyap_result_init(&r);
        st = sc_lyapunov_certify(&r, t->acts + ia, d, t->sigma, t->wvar, t->bvar, t->digits, 0);
        /* SC_ERR_PREC: the enclosures are valid, only wider than asked; the
           printer then prints fewer digits.  Other errors: no enclosure. */
        if (st != SC_OK && st != SC_ERR_PREC)
        {
            int q;
            for (q = 0; q < SC_TQ_N; q++)
                if (q != SC_TQ_DSTAR && q != SC_TQ_CP && (id == 0 || sc_table_qdim(q)))
                    cell_word(sc_table_cell(t, ia, id, q), SC_CELL_FAILED, fail_word(st));
            sc_lyap_result_clear(&r);
            continue;
        }
        if (id == 0)
        {
            arb_t s2;
            cell_num(sc_table_cell(t, ia, 0, SC_TQ_K1), r.K1, t->digits);
            cell_num(sc_table_cell(t, ia, 0, SC_TQ_DK1), r.dK1, t->digits);
            cell_num(sc_table_cell(t, ia, 0, SC_TQ_KM1), r.Km1, t->digits);
            cell_num(sc_table_cell(t, ia, 0, SC_TQ_V), r.v, t->digits);
            if (r.antipodal == SC_ANTI_REPELLING)
                cell_word(sc_table_cell(t, ia, 0, SC_TQ_ANTI), SC_CELL_WORD, "repelling");
            else if (r.antipodal == SC_ANTI_ATTRACTING)
                cell_word(sc_table_cell(t, ia, 0, SC_TQ_ANTI), SC_CELL_WORD, "attracting");
            else if (r.antipodal == SC_ANTI_NEUTRAL)
                cell_word(sc_table_cell(t, ia, 0, SC_TQ_ANTI), SC_CELL_WORD, "neutral");
            else
                cell_word(sc_table_cell(t, ia, 0, SC_TQ_ANTI), SC_CELL_UNDECIDED, "undecided");
            (void) s2;
        }
        if (t->ndims > 0)
        {
            sc_tcell *cv = sc_table_cell(t, ia, id, SC_TQ_VERDICT);
            sc_tcell *cp = sc_table_cell(t, ia, id, SC_TQ_PSTAR);
            cell_num(sc_table_cell(t, ia, id, SC_TQ_LAMBDA), r.lambda, t->digits);
            if (r.verdict == SC_SYNC_YES)
            {
                cell_word(cv, SC_CELL_WORD, "yes");
                if (arb_is_finite(r.pstar))
                    cell_num(cp, r.pstar, t->digits);
                else
                    cell_word(cp, SC_CELL_WORD, "undefined");
            }
            else if (r.verdict == SC_SYNC_NO)
            {
                cell_word(cv, SC_CELL_WORD, "no");
                cell_word(cp, SC_CELL_WORD, "--");
            }
            else if (arf_is_nan(arb_midref(r.lambda)))
            {
                cell_word(cv, SC_CELL_WORD, "undefined");
                cell_word(cp, SC_CELL_WORD, "undefined");
            }
            else
            {
                cell_word(cv, SC_CELL_UNDECIDED, "undecided");
                cell_word(cp, SC_CELL_UNDECIDED, "undecided");
            }
        }
        sc_lyap_result_clear(&r);
    }
    fmpz_clear(two);
}

int sc_table_compute(sc_table *t)
{
    slong ia, i, n;
    double t0 = sc_clock_seconds(), ta;
    int st;

    if (t->nacts == 0)
        return sc_error(SC_ERR_INPUT, "no activations");
    if (t->nq == 0)
        return sc_error(SC_ERR_INPUT, "no quantities");
    if (t->digits < 1 || t->digits > 1000)
        return sc_error(SC_ERR_INPUT, "digits must be in [1, 1000]");
    for (i = 0; i < t->nq; i++)
        if (sc_table_qdim(t->q[i]) && t->ndims == 0)
            return sc_error(SC_ERR_INPUT, "quantity '%s' needs at least one dimension", sc_table_qname(t->q[i]));
    if ((st = sc_twopoint_check_inputs(NULL, t->sigma, t->wvar, t->bvar)) != SC_OK)
        return st;
    {
        fmpz_t b2;      /* p = a/b <= 2 iff a <= 2 b */
        int bad;
        fmpz_init(b2);
        fmpz_mul_ui(b2, fmpq_denref(t->p), 2);
        bad = fmpq_sgn(t->p) <= 0 || fmpz_cmp(fmpq_numref(t->p), b2) > 0;
        fmpz_clear(b2);
        if (bad)
            return sc_error(SC_ERR_INPUT, "the exponent p of c_p must lie in (0, 2]");
    }

    free_cells(t);
    n = t->nacts * FLINT_MAX(t->ndims, 1) * SC_TQ_N;
    t->cells = flint_malloc(sizeof(sc_tcell) * n);
    for (i = 0; i < n; i++)
    {
        arb_init(t->cells[i].x);
        t->cells[i].kind = SC_CELL_EMPTY;
        t->cells[i].str = dupstr("");
    }
    for (ia = 0; ia < t->nacts; ia++)
    {
        ta = sc_clock_seconds();
        if (t->progress)
        {
            char *nm = sc_table_act_name(t->acts + ia);
            fprintf(stderr, "synccert: [%ld/%ld] %s ...", (long) (ia + 1), (long) t->nacts, nm);
            fflush(stderr);
            flint_free(nm);
        }
        sc_clear_error();
        compute_lyap(t, ia);
        if (wanted(t, SC_TQ_DSTAR))
            compute_dstar(t, ia);
        if (wanted(t, SC_TQ_CP) && t->ndims > 0)
            compute_cp(t, ia);
        if (t->progress)
            fprintf(stderr, " %.2f s\n", sc_clock_seconds() - ta);
    }
    t->seconds = sc_clock_seconds() - t0;
    return SC_OK;
}
