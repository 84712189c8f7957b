/* sigmoid(x) = 1 / (1 + e^{-x}) = (1 + tanh(x/2)) / 2.
   Poles at z = i pi (2k + 1); no closed-form kernel or smoothing, so K is
   computed by integration (trapezoidal rules, doc/model.md section 8.12, or
   nested integration).  phi'(z) = sigma(z) sigma(-z) = 1 / (4 cosh^2(z/2)).

   Growth in the strip |Im z| <= 5/2 (z = x + iy, 5/2 < pi):
   - |1 + e^{-z}|^2 = 1 + 2 r cos y + r^2 with r = e^{-x} > 0.  If cos y >= 0
     this is >= 1.  If cos y < 0 its minimum over r > 0 is at r = -cos y and
     equals sin^2 y >= sin^2(5/2) (sin decreases on [pi/2, 5/2]).  Hence the
     strip is pole-free and |sigma(z)| <= 1 / sin(5/2) = 1.67092... <= 1.671
     (this lemma is used by silu, softplus and gelu_tanh too);
   - |cosh(z/2)|^2 = sinh^2(x/2) + cos^2(y/2) >= cos^2(5/4) = 0.099428...,
     so |sigma'(z)| <= 1 / (4 cos^2(5/4)) = 2.51437... <= 2.515. */
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

/* Real w, one exponential: with e = e^{-w} (or e^{w} when w < 0),
   sigma(w) = 1/(1 + e) (or e/(1 + e)) and, in both cases,
   sigma(w) sigma(-w) = e / (1 + e)^2.  Either output may be NULL.  (The
   trapezoidal rules evaluate at real nodes only.) */
void sc_arb_sigmoid2(arb_t s, arb_t ds, const arb_t w, slong prec)
{
    arb_t e, d;
    int neg = arb_is_negative(w);
    arb_init(e);
    arb_init(d);
    if (neg)
        arb_exp(e, w, prec);
    else
    {
        arb_neg(e, w);
        arb_exp(e, e, prec);
    }
    arb_add_ui(d, e, 1, prec);
    if (s != NULL)
    {
        if (neg)
            arb_div(s, e, d, prec);
        else
            arb_inv(s, d, prec);
    }
    if (ds != NULL)
    {
        arb_div(ds, e, d, prec);
        arb_div(ds, ds, d, prec);
    }
    arb_clear(e);
    arb_clear(d);
}

static void sigmoid_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    if (arb_is_zero(acb_imagref(z)))
    {
        sc_arb_sigmoid2(deriv ? NULL : acb_realref(res), deriv ? acb_realref(res) : NULL,
                        acb_realref(z), prec);
        arb_zero(acb_imagref(res));
    }
    else if (deriv)
        sc_acb_sigmoid_deriv(res, z, prec);
    else
        sc_acb_sigmoid(res, z, prec);
    if (!acb_is_finite(res))
        acb_indeterminate(res);
}

static slong sigmoid_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "1.671" }, *const b1[] = { "2.515" };
    arb_set_ui(strip, 5);
    arb_mul_2exp_si(strip, strip, -1);
    sc_act_set_bounds(g, deriv ? b1 : b0, 1, prec);
    return 1;
}

const sc_act_def sc_act_sigmoid = {
    "sigmoid", NULL, "1 / (1 + exp(-x))", NULL, 0, 0,
    sigmoid_eval, sigmoid_growth, NULL, NULL
};
