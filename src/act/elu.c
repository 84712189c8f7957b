/* elu(x) = x for x > 0, alpha (e^x - 1) for x <= 0; alpha in [0, 10^6]
   (default 1).  phi is continuous, phi' jumps at 0 unless alpha = 1: kink at
   0.  No closed-form kernel (nested is impossible, so K uses the smoothing).
   Smoothing, with w = a/b (entire in a):
     E[(a + bY) 1{a + bY > 0}]        = a Phi(w) + b phi(w),
     E[e^{a + bY} 1{a + bY <= 0}]     = e^{a + b^2/2} P(Y + b <= -w)
                                      = e^{a + b^2/2} Phi(-(a + b^2)/b)
     (complete the square: e^{by} phi(y) = e^{b^2/2} phi(y - b)),
   hence
     E[phi(a + bY)]  = a Phi(w) + b phi(w)
                       + alpha (e^{a + b^2/2} Phi(-(a + b^2)/b) - Phi(-w)),
     E[phi'(a + bY)] = Phi(w) + alpha e^{a + b^2/2} Phi(-(a + b^2)/b).
   Growth on the real line: |phi| <= alpha + |x| (|e^x - 1| <= 1 for x <= 0),
   |phi'| <= max(1, alpha). */
#include "synccert/act.h"
#include "synccert/gauss.h"

static const sc_param_def elu_params[] = {
    { "alpha", "1", "0", "1000000", 0, "alpha (e^x - 1) for x <= 0, alpha in [0, 1e6]" }
};

/* the branch x <= 0, holomorphic everywhere */
static void elu_neg(acb_t res, const acb_t z, int deriv, arb_srcptr p, slong prec)
{
    if (deriv)
        acb_exp(res, z, prec);
    else
        acb_expm1(res, z, prec);
    acb_mul_arb(res, res, p + 0, prec);
}

/* branches: z (x > 0) and elu_neg (x < 0) */
static void elu_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (side < 0)
        elu_neg(res, z, deriv, p, prec);
    else if (deriv)
        acb_one(res);
    else
        acb_set(res, z);
}

static void elu_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, elu_branch, 0, res, z, deriv, order, p, prec);
}

static slong elu_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_t a;
    arb_init(a);
    arb_zero(strip);
    arb_get_abs_ubound_arf(arb_midref(a), p + 0, prec);
    mag_zero(arb_radref(a));
    if (deriv)
    {
        arb_one(g + 0);
        arb_max(g + 0, g + 0, a, prec);
        arb_clear(a);
        return 1;
    }
    arb_set(g + 0, a);
    arb_one(g + 1);
    arb_clear(a);
    return 2;
}

/* shared with selu and celu (named.c): p[0] = alpha */
int sc_elu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w, u, e, r;
    arb_t b2;
    acb_init(w);
    acb_init(u);
    acb_init(e);
    acb_init(r);
    arb_init(b2);
    arb_sqr(b2, b, prec);
    /* e = e^{a + b^2/2} Phi(-(a + b^2)/b) */
    acb_add_arb(u, a, b2, prec);
    acb_div_arb(u, u, b, prec);
    acb_neg(u, u);
    sc_acb_normal_cdf(e, u, prec);
    arb_mul_2exp_si(b2, b2, -1);
    acb_add_arb(u, a, b2, prec);
    acb_exp(u, u, prec);
    acb_mul(e, e, u, prec);
    acb_div_arb(w, a, b, prec);
    if (deriv)
    {
        sc_acb_normal_cdf(r, w, prec);
        acb_addmul_arb(r, e, p + 0, prec);
    }
    else
    {
        acb_neg(u, w);
        sc_acb_normal_cdf(u, u, prec);
        acb_sub(e, e, u, prec);             /* e^{..} Phi(..) - Phi(-w) */
        sc_acb_normal_cdf(u, w, prec);
        acb_mul(r, a, u, prec);
        sc_gauss_weight(u, w, prec);
        acb_addmul_arb(r, u, b, prec);
        acb_addmul_arb(r, e, p + 0, prec);
    }
    acb_set(res, r);
    acb_clear(w);
    acb_clear(u);
    acb_clear(e);
    acb_clear(r);
    arb_clear(b2);
    return 1;
}

const sc_act_def sc_act_elu = {
    "elu", NULL, "x for x > 0, alpha (e^x - 1) for x <= 0", elu_params, 1, SC_ACT_KINK0,
    elu_eval, elu_growth, sc_elu_smooth, NULL, elu_branch
};
