/* The precision policy (see include/synccert/prec.h). */
#include <math.h>
#include "synccert/prec.h"
#include "synccert/print.h"

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
        /* absolute error below 10^-digits: rad <= 2^-(goal) gives
           |x| <= 2 rad < 10^-digits / 2, printed as a zero at that unit */
        return mag_cmp_2exp_si(arb_radref(x), -goal) <= 0;
    }
    /* what is printed decides: `digits` significant digits, every one
       correctly rounded for every value of the ball (a ball straddling a
       rounding boundary does not meet the goal until it is narrower).  A
       relative width above 10^-(digits - 2) cannot print that many. */
    if (arb_rel_accuracy_bits(x) < (slong) ((digits - 2) * 3.3219280948873623))
        return 0;
    return sc_arb_digits_count(x, digits) >= digits;
}

void sc_prec_policy_init(sc_prec_policy *pol, const char *who, slong digits)
{
    pol->who = who;
    pol->digits = digits;
    pol->start = 0;
    pol->cap = 0;
    pol->what = NULL;
    pol->reached = NULL;
    pol->prec = 0;
}

static int cap_error(const sc_prec_policy *pol, void *ctx, slong prec)
{
    const char *what = pol->what != NULL ? pol->what : "";
    if (pol->reached != NULL)
        return sc_error(SC_ERR_PREC, "%s: could not reach %ld digits%s within %ld bits of precision "
                        "(reached about %ld digits); ask for fewer --digits", pol->who,
                        (long) pol->digits, what, (long) prec, (long) pol->reached(ctx));
    return sc_error(SC_ERR_PREC, "%s: could not reach %ld digits%s within %ld bits of precision; "
                    "ask for fewer --digits", pol->who, (long) pol->digits, what, (long) prec);
}

int sc_prec_run(sc_prec_policy *pol, sc_prec_step_fn step, sc_prec_done_fn done, void *ctx)
{
    slong prec, cap;
    int st, how;

    if (pol->digits < 1 || pol->digits > 100000)
        return sc_error(SC_ERR_INPUT, "digits must be in [1, 100000]");
    prec = pol->start > 0 ? pol->start : sc_prec_for_digits(pol->digits);
    cap = sc_prec_cap(prec, pol->cap);
    prec = FLINT_MIN(FLINT_MAX(prec, SC_PREC_MIN), cap);
    for (;;)
    {
        pol->prec = prec;
        /* before every step, the first included: a budget that is already
           spent stops the run even when one step would be quick */
        if (sc_budget_expired())
            return sc_budget_error(pol->who, prec);
        if ((st = step(ctx, prec)) != SC_OK)
            return st;
        how = done(ctx);
        if (how == SC_PREC_DONE)
            return SC_OK;
        if (2 * prec > cap)
            return how == SC_PREC_MET ? SC_OK : cap_error(pol, ctx, prec);
        prec *= 2;
    }
}
