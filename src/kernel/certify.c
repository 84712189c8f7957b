/* Kernel values at a requested number of correct digits: raise the working
   precision until every output meets the goal, up to a cap. */
#include "synccert/kernel.h"

void sc_kernel_result_init(sc_kernel_result *r)
{
    arb_init(r->K1);
    arb_init(r->dK1);
    arb_init(r->K);
    arb_init(r->dK);
    r->has_rho = 0;
    r->prec = 0;
}

void sc_kernel_result_clear(sc_kernel_result *r)
{
    arb_clear(r->K1);
    arb_clear(r->dK1);
    arb_clear(r->K);
    arb_clear(r->dK);
}

int sc_kernel_certify(sc_kernel_result *r, const sc_act_t act, const fmpq_t rho,
                      const fmpq_t q, const fmpq_t s, slong digits, int method,
                      slong prec_cap)
{
    slong prec = sc_prec_for_digits(digits);
    arb_t one, rb, qb, sb;
    int st = SC_OK, ok = 0;

    if (digits < 1 || digits > 100000)
        return sc_error(SC_ERR_INPUT, "digits must be in [1, 100000]");
    if (rho != NULL && (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0))
        return sc_error(SC_ERR_INPUT, "rho must lie in [-1, 1]");
    if (q != NULL && fmpq_sgn(q) <= 0)
        return sc_error(SC_ERR_INPUT, "weight variance q must be > 0");
    if (s != NULL && fmpq_sgn(s) < 0)
        return sc_error(SC_ERR_INPUT, "bias variance s must be >= 0");
    prec_cap = sc_prec_cap(prec, prec_cap);
    prec = FLINT_MIN(prec, prec_cap);

    arb_init(one);
    arb_init(rb);
    arb_init(qb);
    arb_init(sb);
    r->has_rho = (rho != NULL);
    {
        /* polynomial activations: exact rationals, rounded once at the end */
        fmpq_t one_q, qq, ss, a, b;
        int exact;
        fmpq_init(one_q); fmpq_init(qq); fmpq_init(ss); fmpq_init(a); fmpq_init(b);
        fmpq_one(one_q);
        if (q) fmpq_set(qq, q); else fmpq_one(qq);
        if (s) fmpq_set(ss, s);
        exact = (method == SC_KM_AUTO || method == SC_KM_CLOSED) &&
                sc_kernel_exact(a, b, act, one_q, qq, ss);
        if (exact)
        {
            arb_set_fmpq(r->K1, a, prec);
            arb_set_fmpq(r->dK1, b, prec);
            if (rho != NULL && (exact = sc_kernel_exact(a, b, act, rho, qq, ss)))
            {
                arb_set_fmpq(r->K, a, prec);
                arb_set_fmpq(r->dK, b, prec);
            }
        }
        fmpq_clear(one_q); fmpq_clear(qq); fmpq_clear(ss); fmpq_clear(a); fmpq_clear(b);
        if (exact)
        {
            r->prec = prec;
            arb_clear(one); arb_clear(rb); arb_clear(qb); arb_clear(sb);
            return SC_OK;
        }
    }
    for (;;)
    {
        arb_ptr p = sc_act_params(act, prec);
        arb_one(one);
        if (q) arb_set_fmpq(qb, q, prec); else arb_one(qb);
        if (s) arb_set_fmpq(sb, s, prec); else arb_zero(sb);
        st = sc_kernel_eval(r->K1, r->dK1, act->def, p, act->npar, one, qb, sb, method, prec);
        if (st == SC_OK && rho != NULL)
        {
            arb_set_fmpq(rb, rho, prec);
            st = sc_kernel_eval(r->K, r->dK, act->def, p, act->npar, rb, qb, sb, method, prec);
        }
        sc_act_params_clear(p, act);
        if (st != SC_OK)
            break;
        ok = sc_arb_meets_digits(r->K1, digits) && sc_arb_meets_digits(r->dK1, digits) &&
             (rho == NULL || (sc_arb_meets_digits(r->K, digits) && sc_arb_meets_digits(r->dK, digits)));
        if (ok || 2 * prec > prec_cap)
            break;
        if (sc_budget_expired())
        {
            st = sc_budget_error(act->def->name, prec);
            break;
        }
        prec *= 2;
    }
    r->prec = prec;
    if (st == SC_OK && !ok)
    {
        slong got = arb_rel_accuracy_bits(r->K1);
        got = FLINT_MIN(got, arb_rel_accuracy_bits(r->dK1));
        if (rho != NULL)
            got = FLINT_MIN(got, FLINT_MIN(arb_rel_accuracy_bits(r->K), arb_rel_accuracy_bits(r->dK)));
        st = sc_error(SC_ERR_PREC, "%s: could not reach %ld digits within %ld bits of precision "
                      "(reached about %ld digits); ask for fewer --digits",
                      act->def->name, (long) digits, (long) prec,
                      (long) FLINT_MAX(0, (slong) (got * 0.30103)));
    }
    arb_clear(one);
    arb_clear(rb);
    arb_clear(qb);
    arb_clear(sb);
    return st;
}
