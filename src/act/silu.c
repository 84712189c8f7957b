/* silu(x) = x sigma(beta x) (alias swish), sigma(v) = 1/(1 + e^{-v}),
   beta in (0, 10^6], default 1.  With w = beta z:
     phi(z) = z sigma(w),  phi'(z) = sigma(w) + w sigma(w) sigma(-w),
   sigma(w) sigma(-w) = 1 / (4 cosh^2(w/2)).  Poles at w = i pi (2k + 1); no
   closed forms: nested integration.

   Growth in the strip |Im z| <= 1/beta (strip = a lower bound of 1/beta, so
   w = X + iY has |Y| <= 1):
   - Re(1 + e^{-w}) = 1 + e^{-X} cos Y >= 1, so |sigma(w)| <= 1 (no poles) and
     |phi(z)| <= |z| <= |x| + 1/beta;
   - |cosh(w/2)|^2 = sinh^2(X/2) + cos^2(Y/2) >= X^2/4 + cos^2(1/2) and
     |w| <= |X| + 1, so |w sigma'(w)| <= (|X| + 1) / (X^2 + C), C = 4 cos^2(1/2)
     = 3.08060...; the maximum over X >= 0 is at X* = sqrt(1 + C) - 1 (where
     X*^2 + 2 X* = C) and equals 1 / (2 X*) = 0.49017...;
     hence |phi'(z)| <= 1 + 0.4902 <= 1.5. */
#include "synccert/act.h"

void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec);
void sc_acb_sigmoid_deriv(acb_t res, const acb_t w, slong prec);

static const sc_param_def silu_params[] = {
    { "beta", "1", "0", "1000000", 1, "slope of the gate: x sigmoid(beta x)" }
};

static void silu_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t w, s;
    acb_init(w);
    acb_init(s);
    acb_mul_arb(w, z, p + 0, prec);
    sc_acb_sigmoid(s, w, prec);
    if (!deriv)
        acb_mul(res, s, z, prec);
    else
    {
        sc_acb_sigmoid_deriv(res, w, prec);
        acb_mul(res, res, w, prec);
        acb_add(res, res, s, prec);
    }
    if (!acb_is_finite(res))
        acb_indeterminate(res);
    acb_clear(w);
    acb_clear(s);
}

static slong silu_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b1[] = { "1.5" };
    /* strip: an exact lower bound of 1/beta */
    arb_inv(strip, p + 0, prec);
    arb_get_lbound_arf(arb_midref(strip), strip, prec);
    mag_zero(arb_radref(strip));
    if (!arb_is_positive(strip))
        arb_zero(strip);
    if (deriv)
    {
        sc_act_set_bounds(g, b1, 1, prec);
        return 1;
    }
    arb_set(g + 0, strip);      /* |z| <= |x| + strip */
    arb_one(g + 1);
    return 2;
}

const sc_act_def sc_act_silu = {
    "silu", "swish", "x sigmoid(beta x)", silu_params, 1, 0,
    silu_eval, silu_growth, NULL, NULL
};
