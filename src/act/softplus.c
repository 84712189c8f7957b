/* softplus(x) = log(1 + e^{beta x}) / beta, beta in (0, 10^6], default 1;
   softplus'(x) = sigma(beta x), sigma(v) = 1/(1 + e^{-v}).  Branch points
   where e^{beta z} = -1 (beta Im z = pi (2k + 1)).  No closed forms: nested
   integration.

   Evaluation, w = beta z = X + iY: log1p(e^w) if Re w <= 0 (or undecided),
   w + log1p(e^{-w}) if Re w > 0 (no overflow, no cancellation).  For
   |Y| < pi/2, Re(1 + e^{+-w}) = 1 + e^{+-X} cos Y > 0, so both principal
   logarithms are holomorphic there and the two expressions agree (they are
   equal on the real line and the strip is connected).  With order > 0 a
   ball is accepted only if |Y| < 3/2 < pi/2 is certified, otherwise the
   result is indeterminate.

   Growth in the strip |Im z| <= 1/beta (strip = a lower bound of 1/beta,
   so |Y| <= 1):
   - for Re w' <= 0, |Im w'| <= 1 and v = e^{w'}: |v| <= 1, Re v >= 0, so
     1 <= |1 + v| <= 2 and |arg(1 + v)| <= arctan(|Im v| / (1 + Re v))
     <= arctan(sin 1) = 0.6995...; |log(1 + v)| <= sqrt(log(2)^2 + 0.6995^2)
     = 0.9848... <= 1;
   - hence |log(1 + e^w)| <= 1 if X <= 0 and <= |w| + 1 <= |X| + 2 if X > 0,
     and |softplus(z)| <= |x| + 2/beta;
   - |softplus'(z)| = |sigma(w)| <= 1 (|1 + e^{-w}| >= Re = 1 + e^{-X} cos Y >= 1). */
#include "synccert/act.h"

void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec);

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
        sc_acb_sigmoid(res, w, prec);
    else
    {
        arb_t y, lim;
        arb_init(y);
        arb_init(lim);
        arb_set_ui(lim, 3);
        arb_mul_2exp_si(lim, lim, -1);          /* 3/2 < pi/2 */
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
    arb_inv(strip, p + 0, prec);
    if (deriv)
        arb_one(g + 0);
    else
    {
        /* g0 = an upper bound of 2/beta */
        arb_mul_2exp_si(g + 0, strip, 1);
        arb_get_ubound_arf(arb_midref(g + 0), g + 0, prec);
        mag_zero(arb_radref(g + 0));
        arb_one(g + 1);
    }
    /* strip: an exact lower bound of 1/beta */
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
