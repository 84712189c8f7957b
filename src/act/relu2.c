/* relu2(x) = relu(x)^2 (squared ReLU).  Kink at 0 (phi' = 2 relu(x) is
   continuous, phi'' jumps).  Kernel: the arc-cosine kernel of degree 2
   (Cho and Saul 2009): for X, Y standard normal with correlation
   c = cos(theta),
     E[relu(X)^2 relu(Y)^2] = J2(theta) / (2 pi),
     J2(theta) = 3 sin(theta) cos(theta) + (pi - theta)(1 + 2 cos^2(theta)),
   and homogeneity of degree 2: Kt(c) = t^4 J2 / (2 pi); by Price,
   dKt(c) = t^2 E[phi'(tX) phi'(tY)] = 4 t^4 K_relu(c).  At c = 1:
   Kt = 3 t^4 / 2 = t^4 E[X^4 1{X > 0}].
   Smoothing, w = a/b (E[Y 1{Y > -w}] = phi(w), E[Y^2 1{Y > -w}] = Phi(w) - w phi(w)):
     E[relu(a + bY)^2] = (a^2 + b^2) Phi(w) + a b phi(w),
     E[2 relu(a + bY)]  = 2 (a Phi(w) + b phi(w)).
   Growth on the real line: |phi| <= x^2, |phi'| <= 2|x|. */
#include "synccert/act.h"
#include "synccert/gauss.h"

void sc_relu_kernel_unit(arb_t K, arb_t dK, const arb_t c0, slong prec);

static void relu2_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (side < 0)
        acb_zero(res);
    else if (deriv)
        acb_mul_2exp_si(res, z, 1);
    else
        acb_sqr(res, z, prec);
}

static void relu2_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, relu2_branch, 0, res, z, deriv, order, p, prec);
}

static slong relu2_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_zero(strip);
    arb_zero(g);
    if (deriv)
    {
        arb_set_ui(g + 1, 2);
        return 2;
    }
    arb_zero(g + 1);
    arb_one(g + 2);
    return 3;
}

static int relu2_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w, P, d, r;
    acb_init(w);
    acb_init(P);
    acb_init(d);
    acb_init(r);
    acb_div_arb(w, a, b, prec);
    sc_acb_normal_cdf(P, w, prec);
    sc_gauss_weight(d, w, prec);
    if (deriv)
    {
        acb_mul(r, a, P, prec);
        acb_addmul_arb(r, d, b, prec);
        acb_mul_2exp_si(r, r, 1);
    }
    else
    {
        acb_sqr(r, a, prec);
        arb_addmul(acb_realref(r), b, b, prec);
        acb_mul(r, r, P, prec);
        acb_mul_arb(d, d, b, prec);
        acb_addmul(r, d, a, prec);
    }
    acb_set(res, r);
    acb_clear(w);
    acb_clear(P);
    acb_clear(d);
    acb_clear(r);
    return 1;
}

static int relu2_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t c, th, pi, s, t, t4;
    arb_init(c);
    arb_init(th);
    arb_init(pi);
    arb_init(s);
    arb_init(t);
    arb_init(t4);
    sc_arb_clamp_unit(c, c0);
    arb_sqr(t4, t2, prec);
    if (Kt != NULL)
    {
        /* J2 = 3 s c + (pi - theta)(1 + 2 c^2), s = sqrt(1 - c^2) */
        arb_const_pi(pi, prec);
        arb_acos(th, c, prec);
        arb_sqr(s, c, prec);
        arb_sub_ui(s, s, 1, prec);
        arb_neg(s, s);
        arb_sqrtpos(s, s, prec);
        arb_mul(s, s, c, prec);
        arb_mul_ui(s, s, 3, prec);
        arb_sqr(t, c, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_add_ui(t, t, 1, prec);
        arb_sub(th, pi, th, prec);
        arb_addmul(s, th, t, prec);
        arb_div(s, s, pi, prec);
        arb_mul_2exp_si(s, s, -1);
        arb_mul(Kt, s, t4, prec);
    }
    if (dKt != NULL)
    {
        sc_relu_kernel_unit(t, NULL, c, prec);
        arb_mul(dKt, t, t4, prec);
        arb_mul_2exp_si(dKt, dKt, 2);
    }
    arb_clear(c);
    arb_clear(th);
    arb_clear(pi);
    arb_clear(s);
    arb_clear(t);
    arb_clear(t4);
    return 1;
}

const sc_act_def sc_act_relu2 = {
    "relu2", NULL, "relu(x)^2 (squared ReLU)", NULL, 0, SC_ACT_KINK0,
    relu2_eval, relu2_growth, relu2_smooth, relu2_kernel, relu2_branch
};
