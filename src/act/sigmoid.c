/* sigmoid(x) = 1 / (1 + e^{-x}) = (1 + tanh(x/2)) / 2.
   Poles at z = i pi (2k + 1); no closed-form kernel or smoothing, so K is
   computed by nested integration.  phi'(z) = sigma(z) sigma(-z)
   = 1 / (4 cosh^2(z/2)).

   Growth in the strip |Im z| <= 1 (z = x + iy):
   - Re(1 + e^{-z}) = 1 + e^{-x} cos y >= 1 since cos y > 0 for |y| <= 1 < pi/2,
     so |1 + e^{-z}| >= 1 and |sigma(z)| <= 1 (and the strip is pole-free);
   - |cosh(z/2)|^2 = sinh^2(x/2) + cos^2(y/2) >= cos^2(1/2) = 0.77015...,
     so |sigma'(z)| <= 1 / (4 cos^2(1/2)) = 0.324611... <= 0.3247. */
#include "synccert/act.h"

/* res = 1 / (1 + e^{-w}) on a complex ball (non-finite if the ball meets a
   pole).  For Re w < 0 the equal form e^w / (1 + e^w) keeps the enclosure
   tight on wide balls (e^{-w} would be huge with a radius of its size). */
void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec)
{
    acb_t e, d;
    acb_init(e);
    acb_init(d);
    if (arb_is_negative(acb_realref(w)))
    {
        acb_exp(e, w, prec);
        acb_add_ui(d, e, 1, prec);
        acb_div(res, e, d, prec);
    }
    else
    {
        acb_neg(e, w);
        acb_exp(e, e, prec);
        acb_add_ui(e, e, 1, prec);
        acb_inv(res, e, prec);
    }
    acb_clear(e);
    acb_clear(d);
}

/* res = sigma(w) sigma(-w) = sigma'(w) */
void sc_acb_sigmoid_deriv(acb_t res, const acb_t w, slong prec)
{
    acb_t a, b;
    acb_init(a);
    acb_init(b);
    sc_acb_sigmoid(a, w, prec);
    acb_neg(b, w);
    sc_acb_sigmoid(b, b, prec);
    acb_mul(res, a, b, prec);
    acb_clear(a);
    acb_clear(b);
}

static void sigmoid_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    if (deriv)
        sc_acb_sigmoid_deriv(res, z, prec);
    else
        sc_acb_sigmoid(res, z, prec);
    if (!acb_is_finite(res))
        acb_indeterminate(res);
}

static slong sigmoid_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "1" }, *const b1[] = { "0.3247" };
    arb_one(strip);
    sc_act_set_bounds(g, deriv ? b1 : b0, 1, prec);
    return 1;
}

const sc_act_def sc_act_sigmoid = {
    "sigmoid", NULL, "1 / (1 + exp(-x))", NULL, 0, 0,
    sigmoid_eval, sigmoid_growth, NULL, NULL
};
