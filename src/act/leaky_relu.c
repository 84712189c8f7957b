/* leaky_relu(x) = alpha x + (1 - alpha) relu(x), i.e. x for x > 0 and
   alpha x for x <= 0; alpha in [0, 1] (default 0.01).  Kink at 0.

   Kernel: with phi = alpha x + b relu(x), b = 1 - alpha, X, Y standard
   normal of correlation c, X = cY + sqrt(1-c^2) W gives
   E[X relu(Y)] = c E[Y relu(Y)] = c/2, hence
     E[phi(X) phi(Y)] = alpha^2 c + alpha b c + b^2 K_relu(c)
                      = alpha c + (1 - alpha)^2 K_relu(c),
   and by homogeneity Kt(c) = t^2 (alpha c + (1-alpha)^2 K_relu(c)),
   dKt(c) = t^2 (alpha + (1-alpha)^2 K_step(c))   (K_relu' = K_step).
   Smoothing (entire in a):
     E[phi(a + bY)]  = alpha a + (1-alpha) (a Phi(a/b) + b phi(a/b)),
     E[phi'(a + bY)] = alpha + (1-alpha) Phi(a/b).
   Growth on the real line (alpha in [0, 1]): |phi| <= |x|, |phi'| <= 1. */
#include "synccert/act.h"
#include "synccert/gauss.h"

void sc_relu_kernel_unit(arb_t K, arb_t dK, const arb_t c, slong prec);

static const sc_param_def leaky_relu_params[] = {
    { "alpha", "0.01", "0", "1", 0, "slope for x < 0, in [0, 1]" }
};

/* branches: z (x > 0) and alpha z (x < 0) */
static void leaky_relu_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (side > 0)
    {
        if (deriv) acb_one(res); else acb_set(res, z);
    }
    else
    {
        if (deriv) acb_set_arb(res, p + 0); else acb_mul_arb(res, z, p + 0, prec);
    }
}

static void leaky_relu_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, leaky_relu_branch, 0, res, z, deriv, order, p, prec);
}

static int leaky_relu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w, u, r;
    arb_t om;
    acb_init(w);
    acb_init(u);
    acb_init(r);
    arb_init(om);
    arb_sub_ui(om, p + 0, 1, prec);
    arb_neg(om, om);                        /* 1 - alpha */
    acb_div_arb(w, a, b, prec);
    sc_acb_normal_cdf(u, w, prec);
    if (deriv)
    {
        acb_mul_arb(r, u, om, prec);
        arb_add(acb_realref(r), acb_realref(r), p + 0, prec);
    }
    else
    {
        acb_mul(r, a, u, prec);
        sc_gauss_weight(u, w, prec);
        acb_addmul_arb(r, u, b, prec);
        acb_mul_arb(r, r, om, prec);
        acb_addmul_arb(r, a, p + 0, prec);
    }
    acb_set(res, r);
    acb_clear(w);
    acb_clear(u);
    acb_clear(r);
    arb_clear(om);
    return 1;
}

static int leaky_relu_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t c, om2, K, dK;
    arb_init(c);
    arb_init(om2);
    arb_init(K);
    arb_init(dK);
    sc_arb_clamp_unit(c, c0);
    arb_sub_ui(om2, p + 0, 1, prec);
    arb_sqr(om2, om2, prec);                /* (1 - alpha)^2 */
    sc_relu_kernel_unit(Kt ? K : NULL, dKt ? dK : NULL, c, prec);
    if (Kt != NULL)
    {
        arb_mul(K, K, om2, prec);
        arb_addmul(K, p + 0, c, prec);
        arb_mul(Kt, K, t2, prec);
    }
    if (dKt != NULL)
    {
        arb_mul(dK, dK, om2, prec);
        arb_add(dK, dK, p + 0, prec);
        arb_mul(dKt, dK, t2, prec);
    }
    arb_clear(c);
    arb_clear(om2);
    arb_clear(K);
    arb_clear(dK);
    return 1;
}

const sc_act_def sc_act_leaky_relu = {
    "leaky_relu", NULL, "x for x > 0, alpha x for x <= 0", leaky_relu_params, 1, SC_ACT_KINK0 | SC_ACT_HOMOG1,
    leaky_relu_eval, sc_act_growth_slope1, leaky_relu_smooth, leaky_relu_kernel, leaky_relu_branch
};
