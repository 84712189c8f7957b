/* erf(c x), c in (0, 10^6] (default 1).  Entire, odd.

   Kernel: with k = 2 c^2 t^2 and X, Y standard normal of correlation r,
     Kt(r) = E[erf(c t X) erf(c t Y)] = (2/pi) arcsin( k r / (1 + k) )
   (Williams 1997).  Derivative via Price, phi'(x) = (2c/sqrt pi) e^{-c^2 x^2}:
     dKt(r) = t^2 (4c^2/pi) E[e^{-c^2 t^2 (X^2+Y^2)}]
            = (2/pi) k / sqrt((1+k)^2 - k^2 r^2)
            = (2/pi) (k/(1+k)) / sqrt(1 - u^2),   u = k r / (1+k),
   which is the derivative of the arcsin form; |u| <= k/(1+k) < 1.
   Smoothing: erf(x) = 2 Phi(x sqrt 2) - 1 and E[Phi(A + B Y)] =
   Phi(A / sqrt(1 + B^2)) give E[erf(A + B Y)] = erf(A / sqrt(1 + 2 B^2)), so
     E[erf(c (a + bY))]  = erf(c a / s),  s = sqrt(1 + 2 c^2 b^2),
     E[phi'(a + bY)]     = (2c / (sqrt(pi) s)) exp(-c^2 a^2 / s^2),
   both entire in a (the second is d/da of the first).
   Growth in the strip |Im z| <= strip = (lower bound of) 1/c, so that
   w = c z = x + iy has |y| <= 1: integrating e^{-t^2} from 0 to x and then
   from x to x + iy,
     |erf(w)|  <= 1 + (2/sqrt pi) |y| e^{y^2 - x^2} <= 1 + 2e/sqrt(pi) = 4.06726...,
     |d/dz erf(cz)| = (2c/sqrt pi) e^{y^2 - x^2} <= c 2e/sqrt(pi) = c 3.06726... */
#include <acb_hypgeom.h>
#include "synccert/act.h"

static const sc_param_def erf_params[] = {
    { "c", "1", "0", "1000000", 1, "scale: erf(c x), c in (0, 1e6]" }
};

static void erf_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t w;
    acb_init(w);
    acb_mul_arb(w, z, p + 0, prec);
    if (deriv)
    {
        arb_t f;
        arb_init(f);
        acb_sqr(w, w, prec);
        acb_neg(w, w);
        acb_exp(w, w, prec);
        arb_const_sqrt_pi(f, prec);
        arb_div(f, p + 0, f, prec);
        arb_mul_2exp_si(f, f, 1);           /* 2c / sqrt(pi) */
        acb_mul_arb(res, w, f, prec);
        arb_clear(f);
    }
    else
        acb_hypgeom_erf(res, w, prec);
    acb_clear(w);
}

static slong erf_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "4.0674" }, *const b1[] = { "3.0674" };
    arb_t ch;
    arb_init(ch);
    /* strip = a lower bound of 1/c */
    arb_get_ubound_arf(arb_midref(ch), p + 0, prec);
    mag_zero(arb_radref(ch));
    arb_inv(strip, ch, prec);
    arb_get_lbound_arf(arb_midref(strip), strip, prec);
    mag_zero(arb_radref(strip));
    if (!arb_is_positive(strip))
        arb_zero(strip);
    if (deriv)
    {
        sc_act_set_bounds(g, b1, 1, prec);
        arb_mul(g + 0, g + 0, ch, prec);
        arb_get_ubound_arf(arb_midref(g + 0), g + 0, prec);
        mag_zero(arb_radref(g + 0));
    }
    else
        sc_act_set_bounds(g, b0, 1, prec);
    arb_clear(ch);
    return 1;
}

static int erf_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    arb_t s;
    acb_t w;
    arb_init(s);
    acb_init(w);
    arb_mul(s, p + 0, b, prec);
    arb_sqr(s, s, prec);
    arb_mul_2exp_si(s, s, 1);
    arb_add_ui(s, s, 1, prec);
    arb_sqrt(s, s, prec);                   /* s = sqrt(1 + 2 c^2 b^2) */
    acb_mul_arb(w, a, p + 0, prec);
    acb_div_arb(w, w, s, prec);             /* c a / s */
    if (deriv)
    {
        arb_t f;
        arb_init(f);
        acb_sqr(w, w, prec);
        acb_neg(w, w);
        acb_exp(w, w, prec);
        arb_const_sqrt_pi(f, prec);
        arb_mul(f, f, s, prec);
        arb_div(f, p + 0, f, prec);
        arb_mul_2exp_si(f, f, 1);           /* 2c / (sqrt(pi) s) */
        acb_mul_arb(res, w, f, prec);
        arb_clear(f);
    }
    else
        acb_hypgeom_erf(res, w, prec);
    arb_clear(s);
    acb_clear(w);
    return 1;
}

static int erf_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c0, const arb_t t2, arb_srcptr p, slong prec)
{
    arb_t r, k, m, u, f;
    arb_init(r);
    arb_init(k);
    arb_init(m);
    arb_init(u);
    arb_init(f);
    sc_arb_clamp_unit(r, c0);
    arb_sqr(k, p + 0, prec);
    arb_mul(k, k, t2, prec);
    arb_mul_2exp_si(k, k, 1);               /* k = 2 c^2 t^2 */
    arb_add_ui(m, k, 1, prec);
    arb_div(m, k, m, prec);                 /* m = k / (1 + k) in (0, 1) */
    arb_mul(u, m, r, prec);                 /* u = m r */
    arb_const_pi(f, prec);
    arb_inv(f, f, prec);
    arb_mul_2exp_si(f, f, 1);               /* 2/pi */
    if (Kt != NULL)
    {
        arb_asin(Kt, u, prec);
        arb_mul(Kt, Kt, f, prec);
    }
    if (dKt != NULL)
    {
        arb_sqr(u, u, prec);
        arb_sub_ui(u, u, 1, prec);
        arb_neg(u, u);
        arb_rsqrt(u, u, prec);              /* indeterminate if not > 0 */
        arb_mul(u, u, m, prec);
        arb_mul(dKt, u, f, prec);
    }
    arb_clear(r);
    arb_clear(k);
    arb_clear(m);
    arb_clear(u);
    arb_clear(f);
    return 1;
}

const sc_act_def sc_act_erf = {
    "erf", NULL, "erf(c x)", erf_params, 1, SC_ACT_ODD,
    erf_eval, erf_growth, erf_smooth, erf_kernel
};
