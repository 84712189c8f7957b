/* silu(x) = x sigma(beta x) (alias swish), sigma(v) = 1/(1 + e^{-v}),
   beta in (0, 10^6], default 1.  With w = beta z:
     phi(z) = z sigma(w),  phi'(z) = sigma(w) + w sigma(w) sigma(-w),
   sigma(w) sigma(-w) = 1 / (4 cosh^2(w/2)).  Poles at w = i pi (2k + 1); no
   closed forms: integration (doc/model.md section 8.12).

   Growth in the strip |Im z| <= 5/(2 beta) (strip = a lower bound of
   5/(2 beta), so w = X + iY has |Y| <= 5/2 < pi):
   - |sigma(w)| <= 1/sin(5/2) <= 1.671 (src/act/sigmoid.c), so
     |phi(z)| <= 1.671 |z| <= 1.671 |x| + 1.671 strip;
   - |cosh(w/2)|^2 = sinh^2(X/2) + cos^2(Y/2) >= X^2/4 + cos^2(5/4) and
     |w| <= |X| + 5/2, so |w sigma'(w)| <= (|X| + 5/2) / (X^2 + C),
     C = 4 cos^2(5/4) = 0.39771...; over X >= 0 the maximum is at
     X* = sqrt(25/4 + C) - 5/2 = 0.07831... (where X*^2 + C = 2 X*(X* + 5/2))
     and equals 1/(2 X*) = 6.3845...;  hence |phi'(z)| <= 1.671 + 6.385 <= 8.06. */
#include "synccert/act.h"

void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec);
void sc_acb_sigmoid_deriv(acb_t res, const acb_t w, slong prec);
void sc_arb_sigmoid2(arb_t s, arb_t ds, const arb_t w, slong prec);

static const sc_param_def silu_params[] = {
    { "beta", "1", "0", "1000000", 1, "slope of the gate: x sigmoid(beta x)" }
};

static void silu_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t w, s;
    acb_init(w);
    acb_init(s);
    acb_mul_arb(w, z, p + 0, prec);
    if (arb_is_zero(acb_imagref(z)))
    {
        /* real nodes: one exponential */
        arb_ptr r = acb_realref(res);
        sc_arb_sigmoid2(acb_realref(s), deriv ? r : NULL, acb_realref(w), prec);
        if (!deriv)
            arb_mul(r, acb_realref(s), acb_realref(z), prec);
        else
        {
            arb_mul(r, r, acb_realref(w), prec);
            arb_add(r, r, acb_realref(s), prec);
        }
        arb_zero(acb_imagref(res));
    }
    else
    {
        sc_acb_sigmoid(s, w, prec);
        if (!deriv)
            acb_mul(res, s, z, prec);
        else
        {
            sc_acb_sigmoid_deriv(res, w, prec);
            acb_mul(res, res, w, prec);
            acb_add(res, res, s, prec);
        }
    }
    if (!acb_is_finite(res))
        acb_indeterminate(res);
    acb_clear(w);
    acb_clear(s);
}

static slong silu_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b1[] = { "8.06" }, *const b0[] = { "1.671" };
    /* strip: an exact lower bound of 5/(2 beta) */
    arb_set_ui(strip, 5);
    arb_div(strip, strip, p + 0, prec);
    arb_mul_2exp_si(strip, strip, -1);
    arb_get_lbound_arf(arb_midref(strip), strip, prec);
    mag_zero(arb_radref(strip));
    if (!arb_is_positive(strip))
        arb_zero(strip);
    if (deriv)
    {
        sc_act_set_bounds(g, b1, 1, prec);
        return 1;
    }
    sc_act_set_bounds(g + 1, b0, 1, prec);      /* |phi| <= 1.671 (|x| + strip) */
    arb_mul(g + 0, g + 1, strip, prec);
    arb_get_ubound_arf(arb_midref(g + 0), g + 0, prec);
    mag_zero(arb_radref(g + 0));
    return 2;
}

const sc_act_def sc_act_silu = {
    "silu", "swish", "x sigmoid(beta x)", silu_params, 1, 0,
    silu_eval, silu_growth, NULL, NULL
};
