/* Certified synchronisation quantities (doc/model.md section 4): lambda, v,
   p*, b(-1), the antipodal classification and the verdict, at an exact
   integer dimension and exact sigma, q, s.  Through the precision policy
   (prec.h): every output must meet the digits, then the precision is
   raised up to the cap to decide the sign of lambda (if it stays
   undecided, so does the verdict; it is never taken from a midpoint). */
#include "synccert/lyapunov.h"
#include "synccert/twopoint.h"
#include "synccert/kernel.h"
#include "synccert/verdict.h"

void sc_lyapunov_lambda_v(arb_t lambda, arb_t v, const arb_t K1, const arb_t dK1,
                          const arb_t d, const arb_t sigma2, slong prec)
{
    arb_t t, u;
    int inf = sc_lyapunov_dK1_inf(dK1);

    arb_init(t);
    arb_init(u);
    if (lambda != NULL)
    {
        if (inf)
        {
            /* K'(1) = +inf: lambda = sign(d - 3) * inf; undefined at d = 3 */
            arb_sub_ui(t, d, 3, prec);
            if (arb_is_positive(t))
                arb_pos_inf(lambda);
            else if (arb_is_negative(t))
                arb_neg_inf(lambda);
            else
                arb_indeterminate(lambda);
        }
        else
        {
            /* (sigma^2 / 2) [ (d - 3) K'(1) - (d - 1) K(1) ] */
            arb_sub_ui(t, d, 3, prec);
            arb_mul(t, t, dK1, prec);
            arb_sub_ui(u, d, 1, prec);
            arb_mul(u, u, K1, prec);
            arb_sub(t, t, u, prec);
            arb_mul(t, t, sigma2, prec);
            arb_mul_2exp_si(lambda, t, -1);
        }
    }
    if (v != NULL)
    {
        if (inf)
            arb_pos_inf(v);
        else
        {
            arb_add(t, K1, dK1, prec);
            arb_mul(v, t, sigma2, prec);
        }
    }
    arb_clear(t);
    arb_clear(u);
}

int sc_lyapunov_sign(const arb_t K1, const arb_t dK1, const fmpz_t d, slong prec)
{
    arb_t lam, db, one;
    int sg;
    arb_init(lam);
    arb_init(db);
    arb_init(one);
    arb_set_fmpz(db, d);
    arb_one(one);
    /* sigma^2 > 0 does not change the sign: use sigma = 1 */
    sc_lyapunov_lambda_v(lam, NULL, K1, dK1, db, one, prec);
    sg = sc_arb_sign(lam);
    if (sg == 0 && arb_is_zero(lam))
        sg = 2;
    arb_clear(lam);
    arb_clear(db);
    arb_clear(one);
    return sg;
}

void sc_lyapunov_g(arb_t g, const arb_t p, const arb_t lambda, const arb_t v, slong prec)
{
    arb_t t;
    arb_init(t);
    /* g(p) = p lambda + p^2 v / 2 */
    arb_sqr(t, p, prec);
    arb_mul(t, t, v, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_addmul(t, p, lambda, prec);
    arb_swap(g, t);
    arb_clear(t);
}

const char *sc_antipodal_name(int a)
{
    switch (a)
    {
        case SC_ANTI_REPELLING: return "repelling";
        case SC_ANTI_ATTRACTING: return "attracting";
        case SC_ANTI_NEUTRAL: return "neutral-to-first-order";
        default: return "undecided";
    }
}

const char *sc_verdict_name(int v)
{
    switch (v)
    {
        case SC_SYNC_YES: return "synchronizes";
        case SC_SYNC_NO: return "does not synchronize";
        default: return "undecided";
    }
}

int sc_lyapunov_dK1_inf(const arb_t dK1)
{
    return arf_is_pos_inf(arb_midref(dK1)) && mag_is_zero(arb_radref(dK1));
}

int sc_verdict_from_lambda(const arb_t lambda)
{
    int sg = sc_arb_sign(lambda);
    return sg < 0 ? SC_SYNC_YES : sg > 0 ? SC_SYNC_NO : SC_SYNC_UNDECIDED;
}

void sc_lyap_result_init(sc_lyap_result *r)
{
    arb_init(r->K1);
    arb_init(r->dK1);
    arb_init(r->Km1);
    arb_init(r->lambda);
    arb_init(r->v);
    arb_init(r->pstar);
    arb_init(r->bminus1);
    arb_init(r->lambda_anti);
    arb_init(r->g);
    r->has_g = 0;
    r->odd = 0;
    r->lambda_undefined = 0;
    r->antipodal = SC_ANTI_UNDECIDED;
    r->verdict = SC_SYNC_UNDECIDED;
    r->prec = 0;
}

void sc_lyap_result_clear(sc_lyap_result *r)
{
    arb_clear(r->K1);
    arb_clear(r->dK1);
    arb_clear(r->Km1);
    arb_clear(r->lambda);
    arb_clear(r->v);
    arb_clear(r->pstar);
    arb_clear(r->bminus1);
    arb_clear(r->lambda_anti);
    arb_clear(r->g);
}

/* p* = -2 lambda / v is a number unless K'(1) = +inf (then lambda is
   infinite or undefined and v = +inf): decided from that exact fact. */
static int pstar_defined(const sc_lyap_result *r)
{
    return !sc_lyapunov_dK1_inf(r->dK1);
}

static void lyap_compute(sc_lyap_result *r, const fmpz_t d, const fmpq_t sigma,
                         const fmpq_t p, slong prec)
{
    arb_t db, s2, t;
    arb_init(db);
    arb_init(s2);
    arb_init(t);
    arb_set_fmpz(db, d);
    if (sigma) { arb_set_fmpq(s2, sigma, prec); arb_sqr(s2, s2, prec); } else arb_one(s2);

    sc_lyapunov_lambda_v(r->lambda, r->v, r->K1, r->dK1, db, s2, prec);
    r->lambda_undefined = sc_lyapunov_dK1_inf(r->dK1) && fmpz_equal_ui(d, 3);
    if (pstar_defined(r))
    {
        arb_mul_2exp_si(t, r->lambda, 1);
        arb_neg(t, t);
        arb_div(r->pstar, t, r->v, prec);
    }
    else
        arb_indeterminate(r->pstar);
    r->has_g = p != NULL;
    if (p != NULL && pstar_defined(r))
    {
        arb_set_fmpq(t, p, prec);
        sc_lyapunov_g(r->g, t, r->lambda, r->v, prec);
    }
    else
        arb_indeterminate(r->g);    /* g = p lambda + p^2 v/2 with infinite lambda, v */

    if (r->odd)
    {
        arb_neg(r->Km1, r->K1);
        arb_zero(r->bminus1);
        arb_set(r->lambda_anti, r->lambda);
    }
    else
    {
        arb_add(t, r->K1, r->Km1, prec);
        arb_mul(t, t, s2, prec);
        arb_sub_ui(db, db, 1, prec);
        arb_mul(r->bminus1, t, db, prec);
        arb_indeterminate(r->lambda_anti);
    }
    arb_clear(db);
    arb_clear(s2);
    arb_clear(t);
}

static void lyap_classify(sc_lyap_result *r)
{
    int sg;
    r->verdict = r->lambda_undefined ? SC_SYNC_UNDECIDED : sc_verdict_from_lambda(r->lambda);
    if (r->odd)
    {
        /* b(-1) = 0: the antipodal set is neutral to first order; its
           exponent equals lambda (x -> -x), so it attracts exactly when the
           diagonal does. */
        sg = r->lambda_undefined ? 0 : sc_arb_sign(r->lambda_anti);
        r->antipodal = sg < 0 ? SC_ANTI_ATTRACTING : sg > 0 ? SC_ANTI_REPELLING : SC_ANTI_NEUTRAL;
        return;
    }
    sg = sc_arb_sign(r->bminus1);
    r->antipodal = sg > 0 ? SC_ANTI_REPELLING : sg < 0 ? SC_ANTI_ATTRACTING : SC_ANTI_UNDECIDED;
}

int sc_lyapunov_eval(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                     const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                     slong prec)
{
    int st;
    r->odd = sc_act_is_odd(act, s);
    r->prec = prec;
    st = sc_kernel_at_ends(r->K1, r->dK1, r->odd ? NULL : r->Km1, act, q, s, prec);
    if (st != SC_OK)
        return st;
    lyap_compute(r, d, sigma, p, prec);
    lyap_classify(r);
    return SC_OK;
}

typedef struct
{
    sc_lyap_result *r;
    const sc_act_struct *act;
    const fmpz *d;
    const fmpq *sigma, *q, *s, *p;
    slong digits;
}
lyap_ctx;

static int lyap_step(void *ctx, slong prec)
{
    lyap_ctx *c = ctx;
    return sc_lyapunov_eval(c->r, c->act, c->d, c->sigma, c->q, c->s, c->p, prec);
}

/* Every printed number meets the goal (NaN never does: the two undefined
   values are known exactly, from K'(1) = +inf); then, while the cap
   allows, more precision is spent on the sign of lambda unless it is
   decided, exactly zero or undefined. */
static int lyap_done(void *ctx)
{
    const lyap_ctx *c = ctx;
    const sc_lyap_result *r = c->r;
    slong n = c->digits;
    int met = sc_arb_meets_digits(r->K1, n) && sc_arb_meets_digits(r->dK1, n) &&
              sc_arb_meets_digits(r->Km1, n) && sc_arb_meets_digits(r->v, n) &&
              sc_arb_meets_digits(r->bminus1, n) &&
              (r->lambda_undefined || sc_arb_meets_digits(r->lambda, n)) &&
              (!pstar_defined(r) ||
               (sc_arb_meets_digits(r->pstar, n) && (!r->has_g || sc_arb_meets_digits(r->g, n))));
    if (!met)
        return SC_PREC_MORE;
    if (r->lambda_undefined || arb_is_zero(r->lambda) || sc_arb_sign(r->lambda) != 0)
        return SC_PREC_DONE;
    return SC_PREC_MET;
}

int sc_lyapunov_certify_p(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                          const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                          slong digits, slong prec_cap)
{
    lyap_ctx c = { r, act, d, sigma, q, s, p, digits };
    sc_prec_policy pol = { .who = act->def->name, .digits = digits, .cap = prec_cap };
    int st = sc_twopoint_check_inputs(d, sigma, q, s);
    return st != SC_OK ? st : sc_prec_run(&pol, lyap_step, lyap_done, &c);
}

int sc_lyapunov_certify(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                        const fmpq_t sigma, const fmpq_t q, const fmpq_t s,
                        slong digits, slong prec_cap)
{
    return sc_lyapunov_certify_p(r, act, d, sigma, q, s, NULL, digits, prec_cap);
}
