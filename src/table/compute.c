/* Tables of certified quantities: the cells (see include/synccert/table.h).
   Per activation: one sc_lyapunov_certify gives K(1), K'(1), K(-1), v, the
   antipodal class and, per d, lambda, p* and the verdict; sc_critical_dim
   gives d*; one kernel function and a branch and bound per d give c_p. */
#include <string.h>
#include "synccert/table.h"
#include "synccert/lyapunov.h"
#include "synccert/critdim.h"
#include "synccert/coercivity.h"
#include "synccert/kfun.h"
#include "synccert/twopoint.h"
#include "synccert/prec.h"
#include "synccert/print.h"
#include "synccert/verdict.h"
#include "internal.h"

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
    c->str = _sc_table_strdup(w);
}

/* A number: never a NaN or an unproved infinity (a failure is a word, not
   "undefined": issue 11); with goal, only if it has its digits
   (sc_arb_meets_digits), else "not certified". */
static void cell_num(sc_tcell *c, const arb_t x, slong digits, int goal)
{
    int exact_inf = arf_is_inf(arb_midref(x)) && mag_is_zero(arb_radref(x));
    if ((!arb_is_finite(x) && !exact_inf) || (goal && !sc_arb_meets_digits(x, digits)))
    {
        cell_word(c, SC_CELL_FAILED, "not certified");
        return;
    }
    flint_free(c->str);
    arb_set(c->x, x);
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

/* The c_p cell from a branch and bound that ended with status st.  A budget
   stop keeps what was certified so far: [lo, hi] is valid, only wide. */
static void cp_cell(sc_tcell *c, const sc_coerc_result *r, int st, slong digits, slong prec)
{
    arb_t x;
    if (st != SC_OK && st != SC_ERR_BUDGET)
        cell_word(c, SC_CELL_FAILED, fail_word(st));
    else if (arf_is_neg_inf(r->lo) && arf_is_neg_inf(r->hi))
        cell_word(c, SC_CELL_WORD, "-inf");
    else if (arf_is_finite(r->lo) && arf_is_finite(r->hi))
    {
        arb_init(x);
        arb_set_interval_arf(x, r->lo, r->hi, prec);
        cell_num(c, x, digits, 0);        /* its accuracy is the tolerance */
        arb_clear(x);
    }
    else
        cell_word(c, SC_CELL_FAILED, fail_word(st == SC_OK ? SC_ERR_PREC : st));
}

/* c_p for one activation at every dimension of the table: one kernel
   function (its Hermite series is the costly part) serves every d. */
static void compute_cp(sc_table *t, slong ia)
{
    slong cpd = t->cp_digits > 0 ? t->cp_digits : FLINT_MIN(t->digits, 6);
    slong prec = sc_prec_for_digits(cpd) + 32, id;
    sc_kfun_t kf;
    sc_fparams_t fp;
    arf_t tol;
    sc_budget_saved outer;
    int st;

    sc_budget_push(&outer, t->cp_budget);
    st = sc_kfun_init_act(kf, t->acts + ia, t->wvar, t->bvar, 1, prec);
    if (st != SC_OK)
    {
        for (id = 0; id < t->ndims; id++)
            cell_word(sc_table_cell(t, ia, id, SC_TQ_CP), SC_CELL_FAILED, fail_word(st));
        sc_budget_pop(&outer);
        return;
    }
    arf_init(tol);
    sc_fparams_init(fp);
    /* absolute tolerance 10^-cpd, rounded down to a power of two */
    arf_set_si_2exp_si(tol, 1, -(slong) (cpd * 3.3219280948873623) - 2);
    arb_set_fmpq(fp->p, t->p, prec);
    arb_set_fmpq(fp->sigma2, t->sigma, prec);
    arb_sqr(fp->sigma2, fp->sigma2, prec);
    for (id = 0; id < t->ndims; id++)
    {
        sc_coerc_result r;
        sc_coerc_result_init(&r);
        arb_set_fmpz(fp->d, t->dims + id);
        st = sc_coercivity_bb(&r, kf, fp, tol, NULL, 2000000);
        cp_cell(sc_table_cell(t, ia, id, SC_TQ_CP), &r, st, t->digits, prec);
        sc_coerc_result_clear(&r);
    }
    sc_kfun_clear(kf);
    sc_budget_pop(&outer);
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
        cell_num(c, r.dstar, t->digits, 1);
    else if (r.dstar_kind == SC_DSTAR_NONE && r.max_sync_kind == SC_DIMV_ALL)
        cell_word(c, SC_CELL_WORD, "none");
    else
        cell_word(c, SC_CELL_UNDECIDED, "undecided");
    sc_critdim_result_clear(&r);
}

/* The d-independent kernel cells of activation ia (row 0). */
static void kernel_cells(sc_table *t, slong ia, const sc_lyap_result *r)
{
    sc_tcell *ca = sc_table_cell(t, ia, 0, SC_TQ_ANTI);
    cell_num(sc_table_cell(t, ia, 0, SC_TQ_K1), r->K1, t->digits, 1);
    cell_num(sc_table_cell(t, ia, 0, SC_TQ_DK1), r->dK1, t->digits, 1);
    cell_num(sc_table_cell(t, ia, 0, SC_TQ_KM1), r->Km1, t->digits, 1);
    cell_num(sc_table_cell(t, ia, 0, SC_TQ_V), r->v, t->digits, 1);
    if (r->antipodal == SC_ANTI_REPELLING)
        cell_word(ca, SC_CELL_WORD, "repelling");
    else if (r->antipodal == SC_ANTI_ATTRACTING)
        cell_word(ca, SC_CELL_WORD, "attracting");
    else if (r->antipodal == SC_ANTI_NEUTRAL)
        cell_word(ca, SC_CELL_WORD, "neutral");
    else
        cell_word(ca, SC_CELL_UNDECIDED, "undecided");
}

/* lambda, p* and the verdict of activation ia at dimension index id. */
static void sync_cells(sc_table *t, slong ia, slong id, const sc_lyap_result *r)
{
    sc_tcell *cv = sc_table_cell(t, ia, id, SC_TQ_VERDICT);
    sc_tcell *cp = sc_table_cell(t, ia, id, SC_TQ_PSTAR);
    if (r->lambda_undefined)       /* proved: K'(1) = +inf and d = 3 */
        cell_word(sc_table_cell(t, ia, id, SC_TQ_LAMBDA), SC_CELL_WORD, "undefined");
    else
        cell_num(sc_table_cell(t, ia, id, SC_TQ_LAMBDA), r->lambda, t->digits, 1);
    if (r->verdict == SC_SYNC_YES)
    {
        cell_word(cv, SC_CELL_WORD, "yes");
        if (!sc_lyapunov_dK1_inf(r->dK1))
            cell_num(cp, r->pstar, t->digits, 1);
        else
            cell_word(cp, SC_CELL_WORD, "undefined");    /* proved: v = +inf */
    }
    else if (r->verdict == SC_SYNC_NO)
    {
        cell_word(cv, SC_CELL_WORD, "no");
        cell_word(cp, SC_CELL_WORD, "--");
    }
    else if (r->lambda_undefined)
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

/* Everything sc_lyapunov_certify gives, at every d (d = 2 when the table
   has no dimensions: the kernel values do not depend on d). */
static void compute_lyap(sc_table *t, slong ia)
{
    slong id, nd = FLINT_MAX(t->ndims, 1);
    fmpz_t two;
    fmpz_init_set_ui(two, 2);
    for (id = 0; id < nd; id++)
    {
        sc_lyap_result r;
        int st, q;
        sc_lyap_result_init(&r);
        st = sc_lyapunov_certify(&r, t->acts + ia, t->ndims > 0 ? t->dims + id : two,
                                 t->sigma, t->wvar, t->bvar, t->digits, 0);
        /* SC_ERR_PREC: the enclosures are valid, only wider than asked;
           the cells that meet the digits are printed, the others say "not
           certified" (cell_num).  Other errors: no enclosure. */
        if (st != SC_OK && st != SC_ERR_PREC)
        {
            for (q = 0; q < SC_TQ_N; q++)
                if (q != SC_TQ_DSTAR && q != SC_TQ_CP && (id == 0 || sc_table_qdim(q)))
                    cell_word(sc_table_cell(t, ia, id, q), SC_CELL_FAILED, fail_word(st));
        }
        else
        {
            if (id == 0)
                kernel_cells(t, ia, &r);
            if (t->ndims > 0)
                sync_cells(t, ia, id, &r);
        }
        sc_lyap_result_clear(&r);
    }
    fmpz_clear(two);
}

static int check_inputs(const sc_table *t)
{
    slong i;
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
    if (fmpq_sgn(t->p) <= 0 || fmpq_cmp_ui(t->p, 2) > 0)
        return sc_error(SC_ERR_INPUT, "the exponent p of c_p must lie in (0, 2]");
    return SC_OK;
}

int sc_table_compute(sc_table *t)
{
    slong ia, i, n;
    double t0 = sc_clock_seconds(), ta;
    int st;

    if ((st = check_inputs(t)) != SC_OK)
        return st;
    _sc_table_free_cells(t);
    n = t->nacts * FLINT_MAX(t->ndims, 1) * SC_TQ_N;
    t->cells = flint_malloc(sizeof(sc_tcell) * n);
    for (i = 0; i < n; i++)
    {
        arb_init(t->cells[i].x);
        t->cells[i].kind = SC_CELL_EMPTY;
        t->cells[i].str = _sc_table_strdup("");
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
