/* elu(x) = x for x > 0, alpha (e^x - 1) for x <= 0; alpha in [0, 10^6]
   (default 1).  phi is continuous, phi' jumps at 0 unless alpha = 1: kink at
   0.  Closed-form kernel at c = +-1 only (nested is impossible, so K inside
   uses the smoothing).
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
   |phi'| <= max(1, alpha).

   Closed form at the ends c = +-1 (elu_kernel; inside, the smoothing), with
   T = t, E[e^{sZ} 1{Z < 0}] = e^{s^2/2} Phi(-s) and
   E[Z e^{-TZ} 1{Z > 0}] = phi(0) - T e^{T^2/2} Phi(-T) (complete the square):
     Kt(1)   = T^2/2 + alpha^2 (e^{2T^2} Phi(-2T) - 2 e^{T^2/2} Phi(-T) + 1/2),
     Kt'(1)  = T^2 E[phi'(TZ)^2] = T^2 (1/2 + alpha^2 e^{2T^2} Phi(-2T)),
     Kt(-1)  = 2 alpha T E[Z (e^{-TZ} - 1) 1{Z > 0}] = -2 alpha T^2 e^{T^2/2} Phi(-T),
     Kt'(-1) = T^2 E[phi'(TZ) phi'(-TZ)] = 2 alpha T^2 e^{T^2/2} Phi(-T). */
#include "synccert/act.h"
#include <arb_hypgeom.h>
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

/* e^{s^2/2} Phi(-s) for real s */
static void exp_Phi(arb_t r, const arb_t s, slong prec)
{
    arb_t u;
    arb_init(u);
    arb_sqrt_ui(u, 2, prec);
    arb_div(u, s, u, prec);
    arb_hypgeom_erfc(r, u, prec);
    arb_mul_2exp_si(r, r, -1);                  /* Phi(-s) = erfc(s/sqrt 2)/2 */
    arb_sqr(u, s, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_exp(u, u, prec);
    arb_mul(r, r, u, prec);
    arb_clear(u);
}

static int elu_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2,
                      arb_srcptr p, slong prec)
{
    arb_t T, e1, e2, a2, u;
    int one = arb_is_one(c), minus = arb_equal_si(c, -1);
    if (!one && !minus)
        return 0;
    arb_init(T); arb_init(e1); arb_init(e2); arb_init(a2); arb_init(u);
    arb_sqrt(T, t2, prec);
    exp_Phi(e1, T, prec);                       /* e^{T^2/2} Phi(-T) */
    arb_mul_2exp_si(u, T, 1);
    exp_Phi(e2, u, prec);                       /* e^{2T^2} Phi(-2T) */
    arb_sqr(a2, p + 0, prec);
    if (one)
    {
        if (Kt != NULL)
        {
            arb_mul_2exp_si(u, e1, 1);
            arb_sub(u, e2, u, prec);
            arb_set_d(Kt, 0.5);
            arb_add(u, u, Kt, prec);
            arb_mul(u, u, a2, prec);
            arb_mul_2exp_si(Kt, t2, -1);
            arb_add(Kt, Kt, u, prec);
        }
        if (dKt != NULL)
        {
            arb_mul(u, a2, e2, prec);
            arb_set_d(dKt, 0.5);
            arb_add(dKt, dKt, u, prec);
            arb_mul(dKt, dKt, t2, prec);
        }
    }
    else
    {
        arb_mul(u, e1, t2, prec);
        arb_mul(u, u, p + 0, prec);
        arb_mul_2exp_si(u, u, 1);               /* 2 alpha T^2 e^{T^2/2} Phi(-T) */
        if (Kt != NULL)
            arb_neg(Kt, u);
        if (dKt != NULL)
            arb_set(dKt, u);
    }
    arb_clear(T); arb_clear(e1); arb_clear(e2); arb_clear(a2); arb_clear(u);
    return 1;
}

const sc_act_def sc_act_elu = {
    "elu", NULL, "x for x > 0, alpha (e^x - 1) for x <= 0", elu_params, 1, SC_ACT_KINK0,
    elu_eval, elu_growth, sc_elu_smooth, elu_kernel, elu_branch
};
