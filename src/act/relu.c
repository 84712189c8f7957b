/* relu(x) = max(x, 0).  Kink at 0; closed forms (doc/model.md section 2):
     K_relu(c) = (sqrt(1-c^2) + (pi - arccos c) c) / (2 pi),
     K_relu'(c) = K_step(c) = 1/2 - arccos(c) / (2 pi),
   and positive homogeneity gives Kt(c) = t^2 K_relu(c).  Gaussian
   smoothing: E[relu(a + bY)] = a Phi(a/b) + b phi(a/b), E[step(a + bY)] = Phi(a/b). */
#include "synccert/act.h"
#include "synccert/gauss.h"

/* branches: z (x > 0) and 0 (x < 0); derivatives 1 and 0 */
static void relu_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (side < 0)
        acb_zero(res);
    else if (deriv)
        acb_one(res);
    else
        acb_set(res, z);
}

static void relu_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, relu_branch, 0, res, z, deriv, order, p, prec);
}

static int relu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w, u;
    acb_init(w);
    acb_init(u);
    acb_div_arb(w, a, b, prec);
    sc_acb_normal_cdf(u, w, prec);
    if (deriv)
        acb_set(res, u);
    else
    {
        acb_mul(res, a, u, prec);
        sc_gauss_weight(u, w, prec);
        acb_addmul_arb(res, u, b, prec);
    }
    acb_clear(w);
    acb_clear(u);
    return 1;
}

/* shared with leaky_relu: K_relu(c) and K_step(c) for c in [-1, 1] */
void sc_relu_kernel_unit(arb_t K, arb_t dK, const arb_t c0, slong prec)
{
    arb_t c, pi, ac, t;
    arb_init(c);
    arb_init(pi);
    arb_init(ac);
    arb_init(t);
    sc_arb_clamp_unit(c, c0);
    arb_const_pi(pi, prec);
    arb_acos(ac, c, prec);
    if (K != NULL)
    {
        arb_sqr(t, c, prec);
        arb_sub_ui(t, t, 1, prec);
        arb_neg(t, t);
        arb_sqrtpos(t, t, prec);
        arb_sub(ac, pi, ac, prec);
        arb_addmul(t, ac, c, prec);
        arb_div(K, t, pi, prec);
        arb_mul_2exp_si(K, K, -1);
        arb_acos(ac, c, prec);
    }
    if (dK != NULL)
    {
        arb_div(t, ac, pi, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_one(dK);
        arb_mul_2exp_si(dK, dK, -1);
        arb_sub(dK, dK, t, prec);
    }
    arb_clear(c);
    arb_clear(pi);
    arb_clear(ac);
    arb_clear(t);
}

static int relu_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    sc_relu_kernel_unit(Kt, dKt, c, prec);
    if (Kt != NULL)
        arb_mul(Kt, Kt, t2, prec);
    if (dKt != NULL)
        arb_mul(dKt, dKt, t2, prec);
    return 1;
}

const sc_act_def sc_act_relu = {
    "relu", NULL, "max(x, 0)", NULL, 0, SC_ACT_KINK0 | SC_ACT_HOMOG1,
    relu_eval, sc_act_growth_slope1, relu_smooth, relu_kernel, relu_branch
};
