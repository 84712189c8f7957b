/* The precision policy (see include/synccert/prec.h). */
#include <math.h>
#include "synccert/prec.h"

slong sc_prec_for_digits(slong digits)
{
    return (slong) ceil(digits * 3.3219280948873623) + 24;
}

slong sc_prec_cap(slong prec, slong prec_cap)
{
    if (prec_cap <= 0)
        prec_cap = FLINT_MAX(16 * prec, 4096);
    return FLINT_MIN(prec_cap, SC_PREC_MAX);
}

int sc_arb_meets_digits(const arb_t x, slong digits)
{
    slong goal = (slong) ceil(digits * 3.3219280948873623) + 2;
    if (arf_is_inf(arb_midref(x)) && mag_is_zero(arb_radref(x)))
        return 1;
    if (!arb_is_finite(x))
        return 0;
    if (arb_contains_zero(x))
    {
        /* absolute error below 10^-digits: rad <= 2^-(goal) suffices */
        return mag_cmp_2exp_si(arb_radref(x), -goal) <= 0;
    }
    return arb_rel_accuracy_bits(x) >= goal;
}

void sc_prec_policy_init(sc_prec_policy *pol, const char *who, slong digits)
{
    pol->who = who;
    pol->digits = digits;
    pol->start = 0;
    pol->cap = 0;
    pol->prec = 0;
}

int sc_prec_run(sc_prec_policy *pol, sc_prec_step_fn step, sc_prec_done_fn done, void *ctx)
{
    slong prec = pol->start > 0 ? pol->start : sc_prec_for_digits(pol->digits) + 10;
    slong cap = sc_prec_cap(prec, pol->cap);
    int st;

    prec = FLINT_MIN(FLINT_MAX(prec, SC_PREC_MIN), cap);
    for (;;)
    {
        pol->prec = prec;
        if ((st = step(ctx, prec)) != SC_OK)
            return st;
        if (done(ctx))
            return SC_OK;
        if (2 * prec > cap)
            return sc_error(SC_ERR_PREC, "%s: could not reach %ld digits within %ld bits of precision; "
                            "ask for fewer --digits", pol->who, (long) pol->digits, (long) prec);
        if (sc_budget_expired())
            return sc_budget_error(pol->who, prec);
        prec *= 2;
    }
}
