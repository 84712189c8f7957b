/* tanh(x).  Analytic in the strip |Im z| < pi/2 (poles at i pi (k + 1/2));
   no closed-form kernel, so K is computed by integration (trapezoidal rules,
   doc/model.md section 8.12, or nested integration).
   Growth in the strip |Im z| <= 3/2 (z = x + iy, cos y >= cos(3/2) > 0):
     |tanh(x+iy)|^2 = (sinh^2 x + sin^2 y) / (sinh^2 x + cos^2 y);
   for sin^2 y <= cos^2 y this is <= 1, otherwise it decreases in sinh^2 x
   and is at most tan^2 y <= tan^2(3/2) = 198.85...;
     |sech(x+iy)|^2 = 1 / (sinh^2 x + cos^2 y) <= 1 / cos^2(3/2) = 199.850...,
   so |tanh| <= 14.102 and |tanh'| = |sech^2| <= 199.86 there.  (A strip
   close to the poles makes the trapezoidal rules cheaper: their step is
   proportional to the strip, while the bounds enter only logarithmically.) */
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
    static const char *const b0[] = { "14.102" }, *const b1[] = { "199.86" };
    arb_set_ui(strip, 3);
    arb_mul_2exp_si(strip, strip, -1);
    sc_act_set_bounds(g, deriv ? b1 : b0, 1, prec);
    return 1;
}

const sc_act_def sc_act_tanh = {
    "tanh", NULL, "tanh(x)", NULL, 0, SC_ACT_ODD,
    tanh_eval, tanh_growth, NULL, NULL
};
