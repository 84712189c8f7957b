/* sign(x) = +-1 for x >< 0 (the value at 0 is irrelevant).  Odd, jump at 0.
   Kernel (scale-free): sign = 2 step - 1 and P(X > 0, Y > 0) = 1/4 +
   arcsin(c)/(2 pi) give, for X, Y standard normal with correlation c,
     Kt(c) = E[sign X sign Y] = 4 P(X>0, Y>0) - 1 = (2/pi) arcsin c,
     dKt(c) = (2/pi) / sqrt(1 - c^2),
   +inf at c = +-1 exactly, [0 +- inf] for a ball touching +-1.
   Smoothing: E[sign(a + bY)] = 2 Phi(a/b) - 1 (entire in a); phi' is a
   delta: no smoothing (returns 0).
   Growth on the real line: |phi| <= 1 (phi' = 0 off the jump). */
#include "synccert/act.h"

/* branches: 1 (x > 0) and -1 (x < 0); phi' is a delta at 0 */
static void sign_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (deriv)
        acb_zero(res);
    else
        acb_set_si(res, side);
}

static void sign_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, sign_branch, 1, res, z, deriv, order, p, prec);
}

static int sign_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w;
    if (deriv)
        return 0;
    acb_init(w);
    acb_div_arb(w, a, b, prec);
    sc_acb_normal_cdf(res, w, prec);
    acb_mul_2exp_si(res, res, 1);
    acb_sub_ui(res, res, 1, prec);
    acb_clear(w);
    return 1;
}

static int sign_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t c, f, w;
    arb_init(c);
    arb_init(f);
    arb_init(w);
    sc_arb_clamp_unit(c, c0);
    arb_const_pi(f, prec);
    arb_inv(f, f, prec);
    arb_mul_2exp_si(f, f, 1);               /* 2/pi */
    if (Kt != NULL)
    {
        arb_asin(Kt, c, prec);
        arb_mul(Kt, Kt, f, prec);
    }
    if (dKt != NULL)
    {
        if (arb_is_one(c) || arb_equal_si(c, -1))
            arb_pos_inf(dKt);
        else
        {
            arb_sqr(w, c, prec);
            arb_sub_ui(w, w, 1, prec);
            arb_neg(w, w);
            if (arb_is_positive(w))
            {
                arb_rsqrt(w, w, prec);
                arb_mul(dKt, w, f, prec);
            }
            else
                arb_zero_pm_inf(dKt);
        }
    }
    arb_clear(c);
    arb_clear(f);
    arb_clear(w);
    return 1;
}

const sc_act_def sc_act_sign = {
    "sign", NULL, "+1 for x > 0, -1 for x < 0", NULL, 0, SC_ACT_ODD | SC_ACT_KINK0 | SC_ACT_JUMP,
    sign_eval, sc_act_growth_jump, sign_smooth, sign_kernel, sign_branch
};
