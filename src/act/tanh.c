/* tanh(x).  Analytic in the strip |Im z| < pi/2 (poles at i pi (k + 1/2));
   no closed-form kernel, so K is computed by nested integration.
   Growth in the strip |Im z| <= 1:
     |tanh(x+iy)|^2 = (sinh^2 x + sin^2 y) / (sinh^2 x + cos^2 y) <= tan^2(1),
     |sech(x+iy)|^2 = 1 / (sinh^2 x + cos^2 y) <= 1 / cos^2(1),
   so |tanh| <= 1.5575 and |tanh'| = |sech^2| <= 3.4256 there. */
#include "synccert/act.h"

static void tanh_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_tanh(res, z, prec);   /* non-finite on balls that meet a pole */
    if (deriv)
    {
        acb_sqr(res, res, prec);
        acb_sub_ui(res, res, 1, prec);
        acb_neg(res, res);
    }
}

static slong tanh_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "1.5575" }, *const b1[] = { "3.4256" };
    arb_one(strip);
    sc_act_set_bounds(g, deriv ? b1 : b0, 1, prec);
    return 1;
}

const sc_act_def sc_act_tanh = {
    "tanh", NULL, "tanh(x)", NULL, 0, SC_ACT_ODD,
    tanh_eval, tanh_growth, NULL, NULL
};
