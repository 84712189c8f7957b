/* exp(x) and gaussian(x) = exp(-x^2/2): entire, closed forms.

   exp: for X, Y standard normal with correlation c, t(X + Y) ~
   N(0, 2 t^2 (1 + c)), so Kt(c) = E[e^{tX + tY}] = e^{t^2 (1 + c)},
   dKt(c) = t^2 Kt(c) (Price: phi' = phi), i.e. K(rho) = e^{q(1 + rho) + 2s}.
   Smoothing E[e^{a + bY}] = e^{a + b^2/2}.  Growth: |e^x| = e^x <= e^{|x|}:
   the polynomial 1 with exponential rate 1.

   gaussian: E[e^{-(t^2 X^2 + t^2 Y^2)/2}] = det(I + t^2 S)^{-1/2} with S the
   correlation matrix, det = (1 + t^2)^2 - t^4 c^2:
     Kt(c) = ((1 + t^2)^2 - t^4 c^2)^{-1/2},  dKt(c) = t^4 c ((1 + t^2)^2 - t^4 c^2)^{-3/2}
   (with q, s: K(rho) = ((1 + q + s)^2 - (q rho + s)^2)^{-1/2}).  Smoothing:
   E[e^{-(a + bY)^2/2}] = (1 + b^2)^{-1/2} e^{-a^2/(2(1 + b^2))} (complete the
   square), and the derivative's smoothing is its a-derivative,
   -a/(1 + b^2) times it.  Growth: |phi| <= 1, |phi'| = |x| e^{-x^2/2} <= |x|. */
#include "synccert/act.h"

static void exp_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_exp(res, z, prec);
}

static slong exp_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_zero(strip);
    arb_one(g);
    return 1;
}

static void exp_rate(const sc_act_def *def, arb_t c, int deriv, arb_srcptr p, slong prec)
{
    arb_one(c);
}

static int exp_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    arb_t h;
    arb_init(h);
    arb_sqr(h, b, prec);
    arb_mul_2exp_si(h, h, -1);
    acb_add_arb(res, a, h, prec);
    acb_exp(res, res, prec);
    arb_clear(h);
    return 1;
}

static int exp_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t k;
    arb_init(k);
    arb_add_ui(k, c, 1, prec);
    arb_mul(k, k, t2, prec);
    arb_exp(k, k, prec);
    if (dKt != NULL)
        arb_mul(dKt, k, t2, prec);
    if (Kt != NULL)
        arb_set(Kt, k);
    arb_clear(k);
    return 1;
}

const sc_act_def sc_act_exp = {
    "exp", NULL, "exp(x)", NULL, 0, 0,
    exp_eval, exp_growth, exp_smooth, exp_kernel, NULL,
    NULL, NULL, NULL, exp_rate
};

static void gaussian_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t w;
    acb_init(w);
    acb_sqr(w, z, prec);
    acb_mul_2exp_si(w, w, -1);
    acb_neg(w, w);
    acb_exp(w, w, prec);
    if (deriv)
    {
        acb_mul(w, w, z, prec);
        acb_neg(w, w);
    }
    acb_set(res, w);
    acb_clear(w);
}

static slong gaussian_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    arb_zero(strip);
    if (deriv)
    {
        arb_zero(g);
        arb_one(g + 1);
        return 2;
    }
    arb_one(g);
    return 1;
}

static int gaussian_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    arb_t v;
    acb_t w, r;
    arb_init(v);
    acb_init(w);
    acb_init(r);
    arb_sqr(v, b, prec);
    arb_add_ui(v, v, 1, prec);          /* 1 + b^2 */
    acb_sqr(w, a, prec);
    acb_div_arb(w, w, v, prec);
    acb_mul_2exp_si(w, w, -1);
    acb_neg(w, w);
    acb_exp(r, w, prec);
    arb_rsqrt(v, v, prec);
    acb_mul_arb(r, r, v, prec);
    if (deriv)
    {
        arb_sqr(v, v, prec);            /* 1/(1 + b^2) */
        acb_mul(r, r, a, prec);
        acb_mul_arb(r, r, v, prec);
        acb_neg(r, r);
    }
    acb_set(res, r);
    arb_clear(v);
    acb_clear(w);
    acb_clear(r);
    return 1;
}

static int gaussian_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t D, u;
    arb_init(D);
    arb_init(u);
    /* D = (1 + t^2)^2 - (t^2 c)^2 > 0 */
    arb_add_ui(D, t2, 1, prec);
    arb_sqr(D, D, prec);
    arb_mul(u, t2, c, prec);
    arb_submul(D, u, u, prec);
    arb_rsqrt(D, D, prec);              /* D^{-1/2} */
    if (Kt != NULL)
        arb_set(Kt, D);
    if (dKt != NULL)
    {
        arb_pow_ui(D, D, 3, prec);
        arb_mul(D, D, u, prec);
        arb_mul(dKt, D, t2, prec);
    }
    arb_clear(D);
    arb_clear(u);
    return 1;
}

const sc_act_def sc_act_gaussian = {
    "gaussian", NULL, "exp(-x^2/2)", NULL, 0, SC_ACT_EVEN,
    gaussian_eval, gaussian_growth, gaussian_smooth, gaussian_kernel, NULL
};
