/* sin(x) and cos(x): entire; sin is odd, cos even.  One file because every
   formula of one is the other's with sinh/cosh and sin/cos exchanged.

   Kernels: sin u sin v = (cos(u - v) - cos(u + v))/2, cos u cos v =
   (cos(u - v) + cos(u + v))/2 and, for X, Y standard normal of correlation c,
   t(X -+ Y) ~ N(0, 2 t^2 (1 -+ c)), E cos(N(0, v)) = e^{-v/2}:
     sin: Kt(c) = e^{-t^2} sinh(t^2 c),  dKt(c) = t^2 e^{-t^2} cosh(t^2 c),
     cos: Kt(c) = e^{-t^2} cosh(t^2 c),  dKt(c) = t^2 e^{-t^2} sinh(t^2 c)
   (dKt = t^2 E[phi'(tX) phi'(tY)], Price).
   Smoothing: E[e^{i(a + bY)}] = e^{ia - b^2/2}, so (entire in a)
     E[sin(a + bY)] = sin(a) e^{-b^2/2},  E[cos(a + bY)] = cos(a) e^{-b^2/2}.
   Growth in the strip |Im z| <= 1: |sin z|, |cos z| <= cosh(Im z) <= cosh 1
   = 1.54308... */
#include "synccert/act.h"

/* phi^(deriv) at z: for sin (cosine = 0) sin, cos; for cos: cos, -sin */
static void trig(acb_t res, const acb_t z, int cosine, int deriv, slong prec)
{
    if ((cosine + deriv) % 2 == 0)
        acb_sin(res, z, prec);
    else
        acb_cos(res, z, prec);
    if (cosine && deriv)
        acb_neg(res, res);
}

static void sin_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    trig(res, z, 0, deriv, prec);
}

static void cos_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    trig(res, z, 1, deriv, prec);
}

static slong trig_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b[] = { "1.5431" };
    arb_one(strip);
    sc_act_set_bounds(g, b, 1, prec);
    return 1;
}

static void trig_smooth(acb_t res, const acb_t a, const arb_t b, int cosine, int deriv, slong prec)
{
    arb_t e;
    arb_init(e);
    arb_sqr(e, b, prec);
    arb_mul_2exp_si(e, e, -1);
    arb_neg(e, e);
    arb_exp(e, e, prec);                    /* e^{-b^2/2} */
    trig(res, a, cosine, deriv, prec);
    acb_mul_arb(res, res, e, prec);
    arb_clear(e);
}

static int sin_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    trig_smooth(res, a, b, 0, deriv, prec);
    return 1;
}

static int cos_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    trig_smooth(res, a, b, 1, deriv, prec);
    return 1;
}

static void trig_kernel(arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, int cosine, slong prec)
{
    arb_t c, e, x, sh, ch;
    arb_init(c);
    arb_init(e);
    arb_init(x);
    arb_init(sh);
    arb_init(ch);
    sc_arb_clamp_unit(c, c0);
    arb_neg(e, t2);
    arb_exp(e, e, prec);                    /* e^{-t^2} */
    arb_mul(x, t2, c, prec);
    arb_sinh_cosh(sh, ch, x, prec);
    if (Kt != NULL)
        arb_mul(Kt, e, cosine ? ch : sh, prec);
    if (dKt != NULL)
    {
        arb_mul(dKt, e, cosine ? sh : ch, prec);
        arb_mul(dKt, dKt, t2, prec);
    }
    arb_clear(c);
    arb_clear(e);
    arb_clear(x);
    arb_clear(sh);
    arb_clear(ch);
}

static int sin_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    trig_kernel(Kt, dKt, c, t2, 0, prec);
    return 1;
}

static int cos_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    trig_kernel(Kt, dKt, c, t2, 1, prec);
    return 1;
}

const sc_act_def sc_act_sin = {
    "sin", NULL, "sin(x)", NULL, 0, SC_ACT_ODD,
    sin_eval, trig_growth, sin_smooth, sin_kernel
};

const sc_act_def sc_act_cos = {
    "cos", NULL, "cos(x)", NULL, 0, SC_ACT_EVEN,
    cos_eval, trig_growth, cos_smooth, cos_kernel
};
