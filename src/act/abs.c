/* abs(x) = |x|.  Even, kink at 0.
   Kernel (|x| = relu(x) + relu(-x), or directly): for X, Y standard normal
   with correlation c,
     E|X||Y| = (2/pi) (sqrt(1 - c^2) + c arcsin c),
   and by homogeneity Kt(c) = t^2 (2/pi) (sqrt(1-c^2) + c arcsin c);
   d/dc (sqrt(1-c^2) + c arcsin c) = arcsin c, so dKt(c) = t^2 (2/pi) arcsin c
   (= t^2 E[sign X sign Y], Price).  Smoothing (entire in a):
     E|a + bY|       = a (2 Phi(a/b) - 1) + 2 b phi(a/b),
     E sign(a + bY)  = 2 Phi(a/b) - 1.
   Growth on the real line: |phi| <= |x|, |phi'| <= 1. */
#include "synccert/act.h"
#include "synccert/gauss.h"

/* branches: z (x > 0) and -z (x < 0) */
static void abs_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (deriv)
        acb_set_si(res, side);
    else if (side > 0)
        acb_set(res, z);
    else
        acb_neg(res, z);
}

static void abs_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, abs_branch, 0, res, z, deriv, order, p, prec);
}

static int abs_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w, u, r;
    acb_init(w);
    acb_init(u);
    acb_init(r);
    acb_div_arb(w, a, b, prec);
    sc_acb_normal_cdf(u, w, prec);
    acb_mul_2exp_si(u, u, 1);
    acb_sub_ui(u, u, 1, prec);              /* 2 Phi(a/b) - 1 */
    if (deriv)
        acb_set(r, u);
    else
    {
        acb_mul(r, a, u, prec);
        sc_gauss_weight(u, w, prec);
        acb_mul_arb(u, u, b, prec);
        acb_mul_2exp_si(u, u, 1);
        acb_add(r, r, u, prec);
    }
    acb_set(res, r);
    acb_clear(w);
    acb_clear(u);
    acb_clear(r);
    return 1;
}

static int abs_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t c, as, u, f;
    arb_init(c);
    arb_init(as);
    arb_init(u);
    arb_init(f);
    sc_arb_clamp_unit(c, c0);
    arb_asin(as, c, prec);
    arb_const_pi(f, prec);
    arb_inv(f, f, prec);
    arb_mul_2exp_si(f, f, 1);
    arb_mul(f, f, t2, prec);                /* 2 t^2 / pi */
    if (Kt != NULL)
    {
        arb_sqr(u, c, prec);
        arb_sub_ui(u, u, 1, prec);
        arb_neg(u, u);
        arb_sqrtpos(u, u, prec);
        arb_addmul(u, c, as, prec);
        arb_mul(Kt, u, f, prec);
    }
    if (dKt != NULL)
        arb_mul(dKt, as, f, prec);
    arb_clear(c);
    arb_clear(as);
    arb_clear(u);
    arb_clear(f);
    return 1;
}

const sc_act_def sc_act_abs = {
    "abs", NULL, "|x|", NULL, 0, SC_ACT_EVEN | SC_ACT_KINK0 | SC_ACT_HOMOG1,
    abs_eval, sc_act_growth_slope1, abs_smooth, abs_kernel, abs_branch
};
