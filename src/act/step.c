/* step(x) = 1{x > 0} (the value at 0 is irrelevant: a null set).  Jump at 0.
   Kernel (scale-free, so independent of t): for X, Y standard normal with
   correlation c, Sheppard's formula
     Kt(c) = P(X > 0, Y > 0) = 1/4 + arcsin(c)/(2 pi) = 1/2 - arccos(c)/(2 pi),
     dKt(c) = d/dc Kt(c) = 1 / (2 pi sqrt(1 - c^2)),
   which is +inf at c = +-1 (exactly); a ball c that touches +-1 without
   being exact gives dKt = [0 +- inf].
   Smoothing: E[step(a + bY)] = P(Y > -a/b) = Phi(a/b) (entire in a); phi'
   is a delta, so no smoothing of phi' (returns 0).
   Growth on the real line: |phi| <= 1 (phi' = 0 off the jump; it is never
   integrated for jump activations). */
#include "synccert/act.h"

void sc_relu_kernel_unit(arb_t K, arb_t dK, const arb_t c, slong prec);

/* branches: 1 (x > 0) and 0 (x < 0); phi' is a delta at 0 */
static void step_branch(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side, arb_srcptr p, slong prec)
{
    if (side > 0 && !deriv)
        acb_one(res);
    else
        acb_zero(res);
}

static void step_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_act_eval_by_branch(def, step_branch, 1, res, z, deriv, order, p, prec);
}

static int step_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    acb_t w;
    if (deriv)
        return 0;
    acb_init(w);
    acb_div_arb(w, a, b, prec);
    sc_acb_normal_cdf(res, w, prec);
    acb_clear(w);
    return 1;
}

/* 1 / sqrt(1 - c^2) for c in [-1, 1]: +inf at exactly +-1, [0 +- inf] if
   the ball touches +-1. */
static void inv_sqrt_one_minus_sq(arb_t r, const arb_t c, slong prec)
{
    arb_t w;
    if (arb_is_one(c) || arb_equal_si(c, -1))
    {
        arb_pos_inf(r);
        return;
    }
    arb_init(w);
    arb_sqr(w, c, prec);
    arb_sub_ui(w, w, 1, prec);
    arb_neg(w, w);
    if (arb_is_positive(w))
        arb_rsqrt(r, w, prec);
    else
        arb_zero_pm_inf(r);
    arb_clear(w);
}

static int step_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t c, pi;
    arb_init(c);
    arb_init(pi);
    sc_arb_clamp_unit(c, c0);
    if (Kt != NULL)
        sc_relu_kernel_unit(NULL, Kt, c, prec);     /* K_relu' = K_step */
    if (dKt != NULL)
    {
        inv_sqrt_one_minus_sq(dKt, c, prec);
        if (arb_is_finite(dKt))
        {
            arb_const_pi(pi, prec);
            arb_mul_2exp_si(pi, pi, 1);
            arb_div(dKt, dKt, pi, prec);
        }
    }
    arb_clear(c);
    arb_clear(pi);
    return 1;
}

const sc_act_def sc_act_step = {
    "step", "heaviside", "1 for x > 0, 0 for x < 0", NULL, 0, SC_ACT_KINK0 | SC_ACT_JUMP,
    step_eval, sc_act_growth_jump, step_smooth, step_kernel, step_branch
};
