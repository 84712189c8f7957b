/* The two-point motion (MODEL.md section 3): b(rho), a(rho).  Certified
   evaluation at exact inputs raises the working precision until every output
   has the requested number of correct digits. */
#include <string.h>
#include "synccert/twopoint.h"
#include "synccert/kernel.h"

void sc_twopoint_ba(arb_t b, arb_t a, const arb_t K1, const arb_t Krho, const arb_t rho,
                    const arb_t d, const arb_t sigma2, slong prec)
{
    arb_t t, u, r2;
    int at_one = arb_is_one(rho), at_minus_one;

    arb_init(t);
    arb_init(u);
    arb_init(r2);
    arb_neg(t, rho);
    at_minus_one = arb_is_one(t);
    if (b != NULL)
    {
        if (at_one)
            arb_zero(b);            /* the diagonal is invariant: b(1) = 0 */
        else if (at_minus_one)
        {
            /* b(-1) = sigma^2 (d - 1) (K(1) + K(-1)) */
            arb_add(t, K1, Krho, prec);
            arb_sub_ui(u, d, 1, prec);
            arb_mul(t, t, u, prec);
            arb_mul(b, t, sigma2, prec);
        }
        else
        {
            /* sigma^2 [ (d - 2 + rho^2) K(rho) - (d - 1) rho K(1) ] */
            arb_sqr(r2, rho, prec);
            arb_sub_ui(t, d, 2, prec);
            arb_add(t, t, r2, prec);
            arb_mul(t, t, Krho, prec);
            arb_sub_ui(u, d, 1, prec);
            arb_mul(u, u, rho, prec);
            arb_mul(u, u, K1, prec);
            arb_sub(t, t, u, prec);
            arb_mul(b, t, sigma2, prec);
        }
    }
    if (a != NULL)
    {
        if (at_one || at_minus_one)
            arb_zero(a);            /* 1 - rho^2 = 0 exactly */
        else
        {
            /* 2 sigma^2 (1 - rho^2) (K(1) - rho K(rho)) */
            arb_sqr(r2, rho, prec);
            arb_sub_ui(t, r2, 1, prec);
            arb_neg(t, t);
            arb_mul(u, rho, Krho, prec);
            arb_sub(u, K1, u, prec);
            arb_mul(t, t, u, prec);
            arb_mul(t, t, sigma2, prec);
            arb_mul_2exp_si(a, t, 1);
        }
    }
    arb_clear(t);
    arb_clear(u);
    arb_clear(r2);
}

int sc_twopoint_check_inputs(const fmpz_t d, const fmpq_t sigma, const fmpq_t q, const fmpq_t s)
{
    if (d != NULL && fmpz_cmp_si(d, 2) < 0)
        return sc_error(SC_ERR_INPUT, "dimension must be an integer >= 2");
    if (sigma != NULL && fmpq_sgn(sigma) <= 0)
        return sc_error(SC_ERR_INPUT, "sigma must be > 0");
    if (q != NULL && fmpq_sgn(q) <= 0)
        return sc_error(SC_ERR_INPUT, "weight variance q must be > 0");
    if (s != NULL && fmpq_sgn(s) < 0)
        return sc_error(SC_ERR_INPUT, "bias variance s must be >= 0");
    return SC_OK;
}

int sc_twopoint_certify(arb_t b, arb_t a, const sc_act_t act, const fmpz_t d,
                        const fmpq_t rho, const fmpq_t sigma, const fmpq_t q,
                        const fmpq_t s, slong digits, slong prec_cap)
{
    slong prec = sc_prec_for_digits(digits) + 10;
    arb_t K1, Kr, rb, db, s2, bb, ab;
    arb_ptr p;
    int st = SC_OK, ok = 0, odd = sc_act_is_odd(act, s);

    if (digits < 1 || digits > 100000)
        return sc_error(SC_ERR_INPUT, "digits must be in [1, 100000]");
    if ((st = sc_twopoint_check_inputs(d, sigma, q, s)) != SC_OK)
        return st;
    if (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0)
        return sc_error(SC_ERR_INPUT, "rho must lie in [-1, 1]");
    prec_cap = sc_prec_cap(prec, prec_cap);
    prec = FLINT_MIN(prec, prec_cap);

    arb_init(K1); arb_init(Kr); arb_init(rb); arb_init(db);
    arb_init(s2); arb_init(bb); arb_init(ab);
    for (;;)
    {
        arb_t qb, sb;
        arb_init(qb);
        arb_init(sb);
        p = sc_act_params(act, prec);
        if (q) arb_set_fmpq(qb, q, prec); else arb_one(qb);
        if (s) arb_set_fmpq(sb, s, prec); else arb_zero(sb);
        arb_one(rb);
        st = sc_kernel_eval(K1, NULL, act->def, p, act->npar, rb, qb, sb, SC_KM_AUTO, prec);
        arb_set_fmpq(rb, rho, prec);
        if (st == SC_OK)
            st = sc_kernel_eval(Kr, NULL, act->def, p, act->npar, rb, qb, sb, SC_KM_AUTO, prec);
        sc_act_params_clear(p, act);
        arb_clear(qb);
        arb_clear(sb);
        if (st != SC_OK)
        {
            if (sc_last_error()[0] == '\0')
                sc_error(st, "%s: kernel evaluation failed", act->def->name);
            break;
        }
        arb_set_fmpz(db, d);
        if (sigma) { arb_set_fmpq(s2, sigma, prec); arb_sqr(s2, s2, prec); } else arb_one(s2);
        sc_twopoint_ba(bb, ab, K1, Kr, rb, db, s2, prec);
        if (odd && fmpq_cmp_si(rho, -1) == 0)
            arb_zero(bb);           /* K(-1) = -K(1) exactly for odd phi, s = 0 */
        ok = sc_arb_meets_digits(bb, digits) && sc_arb_meets_digits(ab, digits);
        if (ok || 2 * prec > prec_cap)
            break;
        if (sc_budget_expired())
        {
            st = sc_budget_error(act->def->name, prec);
            break;
        }
        prec *= 2;
    }
    if (st == SC_OK && !ok)
        st = sc_error(SC_ERR_PREC, "%s: could not reach %ld digits for b and a within %ld bits "
                      "of precision; ask for fewer --digits", act->def->name, (long) digits, (long) prec);
    if (b) arb_set(b, bb);
    if (a) arb_set(a, ab);
    arb_clear(K1); arb_clear(Kr); arb_clear(rb); arb_clear(db);
    arb_clear(s2); arb_clear(bb); arb_clear(ab);
    return st;
}
