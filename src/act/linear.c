/* linear(x) = x.  Entire; with X, Y standard normal of correlation c,
     Kt(c) = E[tX tY] = t^2 c,   dKt(c) = t^2 E[1 * 1] = t^2,
   so K(rho) = rho for q = 1, s = 0.  Gaussian smoothing:
     E[a + bY] = a,   E[1] = 1   (entire in a).
   Growth: |z| <= |Re z| + |Im z| <= 1 + |Re z| in the strip |Im z| <= 1. */
#include "synccert/act.h"

static void linear_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    if (deriv)
        acb_one(res);
    else
        acb_set(res, z);
}

static slong linear_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_one(strip);
    arb_one(g + 0);
    if (deriv)
        return 1;
    arb_one(g + 1);
    return 2;
}

static int linear_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    if (deriv)
        acb_one(res);
    else
        acb_set(res, a);
    return 1;
}

static int linear_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    if (Kt != NULL)
    {
        arb_t c;
        arb_init(c);
        sc_arb_clamp_unit(c, c0);
        arb_mul(Kt, c, t2, prec);
        arb_clear(c);
    }
    if (dKt != NULL)
        arb_set_round(dKt, t2, prec);
    return 1;
}

const sc_act_def sc_act_linear = {
    "linear", "identity", "x", NULL, 0, SC_ACT_ODD | SC_ACT_HOMOG1,
    linear_eval, linear_growth, linear_smooth, linear_kernel
};
