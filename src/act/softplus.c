/* softplus(x) = log(1 + e^{beta x}) / beta, beta in (0, 10^6], default 1;
   softplus'(x) = sigma(beta x), sigma(v) = 1/(1 + e^{-v}).  Branch points
   where e^{beta z} = -1 (beta Im z = pi (2k + 1)).  No closed forms:
   integration (doc/model.md section 8.12).

   Evaluation, w = beta z = X + iY: log1p(e^w) if Re w <= 0 (or undecided),
   w + log1p(e^{-w}) if Re w > 0 (no overflow, no cancellation).  For
   |Y| < pi, 1 + e^{+-w} is never a real number <= 0 (that needs
   Im w = pi (2k + 1)), so both principal logarithms are holomorphic on the
   strip |Y| < pi, and the two expressions, equal on the real line, agree
   on the whole (connected) strip.  With order > 0 a ball is accepted only
   if |Y| < 3 < pi is certified, otherwise the result is indeterminate.

   Growth in the strip |Im z| <= 5/(2 beta) (strip = a lower bound of
   5/(2 beta), so |Y| <= 5/2):
   - for Re w' <= 0, |Im w'| <= 5/2 and v = e^{w'}: |v| <= 1, Re v >=
     -|cos(5/2)| = -0.8011..., so Re(1 + v) > 0, |arg(1 + v)| < pi/2,
     |1 + v| <= 2 and |1 + v| >= sin(5/2) (the lemma of src/act/sigmoid.c:
     min over r > 0 of |1 + r e^{iY}| is >= sin |Y| when cos Y < 0);
     |log(1 + v)| <= sqrt(max(log 2, -log sin(5/2))^2 + (pi/2)^2)
     = 1.71693... <= 1.72;
   - hence |log(1 + e^w)| <= 1.72 if X <= 0 and <= |w| + 1.72 <= |X| + 4.22
     if X > 0, and |softplus(z)| <= |x| + 4.22/beta;
   - |softplus'(z)| = |sigma(w)| <= 1/sin(5/2) <= 1.671 (src/act/sigmoid.c). */
#include "synccert/act.h"

void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec);
void sc_arb_sigmoid2(arb_t s, arb_t ds, const arb_t w, slong prec);

static const sc_param_def softplus_params[] = {
    { "beta", "1", "0", "1000000", 1, "sharpness: log(1 + exp(beta x)) / beta" }
};

static void softplus_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t w, e;
    acb_init(w);
    acb_init(e);
    acb_mul_arb(w, z, p + 0, prec);
    if (deriv)
    {
        if (arb_is_zero(acb_imagref(w)))
        {
            sc_arb_sigmoid2(acb_realref(res), NULL, acb_realref(w), prec);
            arb_zero(acb_imagref(res));
        }
        else
            sc_acb_sigmoid(res, w, prec);
    }
    else
    {
        arb_t y, lim;
        arb_init(y);
        arb_init(lim);
        arb_set_ui(lim, 3);                     /* 3 < pi */
        arb_abs(y, acb_imagref(w));
        if (order > 0 && !arb_lt(y, lim))
            acb_indeterminate(res);
        else if (arb_is_positive(acb_realref(w)))
        {
            acb_neg(e, w);
            acb_exp(e, e, prec);
            acb_log1p(e, e, prec);
            acb_add(res, w, e, prec);
            acb_div_arb(res, res, p + 0, prec);
        }
        else
        {
            acb_exp(e, w, prec);
            acb_log1p(res, e, prec);
            acb_div_arb(res, res, p + 0, prec);
        }
        arb_clear(y);
        arb_clear(lim);
    }
    if (!acb_is_finite(res))
        acb_indeterminate(res);
    acb_clear(w);
    acb_clear(e);
}

static slong softplus_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b1[] = { "1.671" };
    arb_inv(strip, p + 0, prec);
    if (deriv)
        sc_act_set_bounds(g, b1, 1, prec);
    else
    {
        /* g0 = an upper bound of 4.22/beta */
        arb_set_str(g + 0, "4.22", prec);
        arb_mul(g + 0, g + 0, strip, prec);
        arb_get_ubound_arf(arb_midref(g + 0), g + 0, prec);
        mag_zero(arb_radref(g + 0));
        arb_one(g + 1);
    }
    /* strip: an exact lower bound of 5/(2 beta) */
    arb_mul_ui(strip, strip, 5, prec);
    arb_mul_2exp_si(strip, strip, -1);
    arb_get_lbound_arf(arb_midref(strip), strip, prec);
    mag_zero(arb_radref(strip));
    if (!arb_is_positive(strip))
        arb_zero(strip);
    return deriv ? 1 : 2;
}

const sc_act_def sc_act_softplus = {
    "softplus", NULL, "log(1 + exp(beta x)) / beta", softplus_params, 1, 0,
    softplus_eval, softplus_growth, NULL, NULL
};
