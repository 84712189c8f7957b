/* Certified synchronisation quantities (MODEL.md section 4): lambda, v, p*,
   b(-1), the antipodal classification and the verdict, at an exact integer
   dimension and exact sigma, q, s.  The working precision is raised until
   every finite output has the requested digits AND the sign of lambda is
   decided, or the precision cap is reached (then the verdict stays
   "undecided"; it is never taken from a midpoint). */
#include "synccert/lyapunov.h"
#include "synccert/twopoint.h"
#include "synccert/kernel.h"
#include "synccert/verdict.h"

void sc_lyapunov_lambda_v(arb_t lambda, arb_t v, const arb_t K1, const arb_t dK1,
                          const arb_t d, const arb_t sigma2, slong prec)
{
    arb_t t, u;
    int inf = arf_is_pos_inf(arb_midref(dK1));

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
    r->odd = 0;
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
}

/* Is x either certified to `digits` digits or not a number we print as one
   (indeterminate: lambda at d = 3 with K'(1) = inf)? */
static int lyap_met(const arb_t x, slong digits)
{
    if (arf_is_nan(arb_midref(x)))
        return 1;
    return sc_arb_meets_digits(x, digits);
}

static int lambda_settled(const arb_t lambda)
{
    /* the sign is decided, or cannot ever be (exactly zero / undefined) */
    return sc_arb_sign(lambda) != 0 || arb_is_zero(lambda) || arf_is_nan(arb_midref(lambda));
}

static void lyap_compute(sc_lyap_result *r, const fmpz_t d, const fmpq_t sigma, slong prec)
{
    arb_t db, s2, t;
    arb_init(db);
    arb_init(s2);
    arb_init(t);
    arb_set_fmpz(db, d);
    if (sigma) { arb_set_fmpq(s2, sigma, prec); arb_sqr(s2, s2, prec); } else arb_one(s2);

    sc_lyapunov_lambda_v(r->lambda, r->v, r->K1, r->dK1, db, s2, prec);
    if (arb_is_finite(r->lambda) && arb_is_finite(r->v))
    {
        arb_mul_2exp_si(t, r->lambda, 1);
        arb_neg(t, t);
        arb_div(r->pstar, t, r->v, prec);
    }
    else
        arb_indeterminate(r->pstar);

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
    r->verdict = sc_verdict_from_lambda(r->lambda);
    if (r->odd)
    {
        /* b(-1) = 0: the antipodal set is neutral to first order; its
           exponent equals lambda (x -> -x), so it attracts exactly when the
           diagonal does. */
        sg = sc_arb_sign(r->lambda_anti);
        r->antipodal = sg < 0 ? SC_ANTI_ATTRACTING : sg > 0 ? SC_ANTI_REPELLING : SC_ANTI_NEUTRAL;
        return;
    }
    sg = sc_arb_sign(r->bminus1);
    r->antipodal = sg > 0 ? SC_ANTI_REPELLING : sg < 0 ? SC_ANTI_ATTRACTING : SC_ANTI_UNDECIDED;
}

int sc_lyapunov_certify(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                        const fmpq_t sigma, const fmpq_t q, const fmpq_t s,
                        slong digits, slong prec_cap)
{
    slong prec = sc_prec_for_digits(digits) + 10;
    int st, met = 0;

    if (digits < 1 || digits > 100000)
        return sc_error(SC_ERR_INPUT, "digits must be in [1, 100000]");
    if ((st = sc_twopoint_check_inputs(d, sigma, q, s)) != SC_OK)
        return st;
    prec_cap = sc_prec_cap(prec, prec_cap);
    prec = FLINT_MIN(prec, prec_cap);
    r->odd = sc_act_is_odd(act, s);

    for (;;)
    {
        st = sc_kernel_at_ends(r->K1, r->dK1, r->odd ? NULL : r->Km1, act, q, s, prec);
        if (st != SC_OK)
            break;
        lyap_compute(r, d, sigma, prec);
        met = lyap_met(r->K1, digits) && lyap_met(r->dK1, digits) && lyap_met(r->Km1, digits) &&
              lyap_met(r->lambda, digits) && lyap_met(r->v, digits) &&
              lyap_met(r->bminus1, digits) &&
              (!arb_is_finite(r->pstar) || lyap_met(r->pstar, digits));
        if ((met && lambda_settled(r->lambda)) || 2 * prec > prec_cap)
            break;
        if (sc_budget_expired())
        {
            st = sc_budget_error(act->def->name, prec);
            break;
        }
        prec *= 2;
    }
    r->prec = prec;
    if (st != SC_OK)
        return st;
    lyap_classify(r);
    if (!met)
        return sc_error(SC_ERR_PREC, "%s: could not reach %ld digits within %ld bits of precision; "
                        "ask for fewer --digits", act->def->name, (long) digits, (long) prec);
    return SC_OK;
}
