/* gelu(x) = x Phi(x) (exact GELU), Phi the standard normal cdf, phi its
   density; gelu'(x) = Phi(x) + x phi(x).  Entire.

   Gaussian smoothing in closed form, X = a + bY ~ N(a, b^2), r = sqrt(1 + b^2)
   (all entire in a):
     E[Phi(X)]   = Phi(a/r)                    (P(Z' <= X), Z' ~ N(0,1))
     E[phi(X)]   = phi(a/r) / r                (density of N(0, r^2) at a)
     E[X phi(X)] = (a / r^2) phi(a/r) / r      (X phi(X) = -phi'(X), d/da of the above)
     E[X Phi(X)] = a Phi(a/r) + b^2 phi(a/r) / r   (Stein: E[X f(X)] = a E f + b^2 E f')
   so E[gelu(X)] = a Phi(a/r) + b^2 phi(a/r)/r and
      E[gelu'(X)] = Phi(a/r) + (a/r^2) phi(a/r)/r.

   Growth in the strip |Im z| <= 1 (z = x + iy; the nested integrator needs
   a strip of positive width):
   - |phi(x + iy)| = phi(x) e^{y^2/2} and
     Phi(x + iy) = Phi(x) + i int_0^y phi(x + i s) ds, so
     |Phi(z)| <= Phi(x) + |y| e^{y^2/2} phi(x) <= 1 + e^{1/2} / sqrt(2 pi) = 1.65774...;
   - |gelu(z)| <= |z| |Phi(z)| <= 1.6578 (|x| + 1);
   - |z phi(z)| <= (|x| + 1) phi(x) e^{1/2}; (u + 1) phi(u) for u >= 0 is
     maximal where u^2 + u = 1, u = (sqrt 5 - 1)/2, value 0.53328..., so
     |z phi(z)| <= 0.87923 and |gelu'(z)| <= 1.65774 + 0.87923 <= 2.54.
   (On the real line alone |gelu| <= |x| and |gelu'| <= 1.128905 (maximum at
   x = sqrt 2), but the strip bounds above are the ones claimed.)

   Closed forms at the endpoints c = +-1 (scale t, u = t^2, X ~ N(0,1)), from
   Stein's lemma E[X g(X)] = E[g'(X)]:
     A = E[Phi(tX)^2] = 1/4 + arcsin(u/(1+u)) / (2 pi)     (orthant probability)
     B = E[phi(tX)^2] = 1 / (2 pi sqrt(2u + 1)),
     E[X phi(tX) Phi(tX)] = t B / (1 + u),
     E[X^2 phi(tX)^2] = 1 / (2 pi (2u + 1)^{3/2}),
     E[X^2 f(X)] = E[f] + E[f''] with f = Phi(tX)^2 gives
   Kt(1)   = u (A + 2uB/(1+u)),
   dKt(1)  = u E[gelu'(tX)^2] = u (A + 2uB/(1+u) + u/(2 pi (2u+1)^{3/2})),
   and with gelu(-y) = gelu(y) - y, gelu'(-y) = 1 - gelu'(y), E[X^2 Phi(tX)] = 1/2,
   E[gelu'(tX)] = 1/2:
   Kt(-1)  = -u (1/2 - E[X^2 Phi(tX)^2]) = u (A + 2uB/(1+u)) - u/2,
   dKt(-1) = u (1/2 - E[gelu'(tX)^2]).
   (t = 1: K(1) = 1/3 + 1/(2 pi sqrt 3), K'(1) = 1/3 + 2/(3 pi sqrt 3).)
   Inside (-1, 1) no closed form is used (the smoothing path applies). */
#include "synccert/act.h"
#include "synccert/gauss.h"

static void gelu_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t u;
    acb_init(u);
    sc_acb_normal_cdf(res, z, prec);
    if (deriv)
    {
        sc_gauss_weight(u, z, prec);
        acb_addmul(res, u, z, prec);
    }
    else
        acb_mul(res, res, z, prec);
    acb_clear(u);
}

static slong gelu_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "1.6578", "1.6578" }, *const b1[] = { "2.54" };
    arb_one(strip);
    if (deriv)
    {
        sc_act_set_bounds(g, b1, 1, prec);
        return 1;
    }
    sc_act_set_bounds(g, b0, 2, prec);
    return 2;
}

static int gelu_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    arb_t r, r2;
    acb_t w, cdf, pdf;
    arb_init(r);
    arb_init(r2);
    acb_init(w);
    acb_init(cdf);
    acb_init(pdf);
    arb_sqr(r2, b, prec);
    arb_add_ui(r2, r2, 1, prec);
    arb_sqrt(r, r2, prec);
    acb_div_arb(w, a, r, prec);
    sc_acb_normal_cdf(cdf, w, prec);
    sc_gauss_weight(pdf, w, prec);
    acb_div_arb(pdf, pdf, r, prec);            /* phi(a/r) / r */
    if (deriv)
    {
        acb_mul(pdf, pdf, a, prec);
        acb_div_arb(pdf, pdf, r2, prec);
        acb_add(res, cdf, pdf, prec);
    }
    else
    {
        arb_sqr(r2, b, prec);                  /* b^2 */
        acb_mul_arb(pdf, pdf, r2, prec);
        acb_mul(cdf, cdf, a, prec);
        acb_add(res, cdf, pdf, prec);
    }
    arb_clear(r);
    arb_clear(r2);
    acb_clear(w);
    acb_clear(cdf);
    acb_clear(pdf);
    return 1;
}

static int gelu_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2,
                       arb_srcptr p, slong prec)
{
    arb_t A, B, w, pi, e2;
    int one = arb_is_one(c), minus = arb_equal_si(c, -1);
    if (!one && !minus)
        return 0;
    arb_init(A); arb_init(B); arb_init(w); arb_init(pi); arb_init(e2);
    arb_const_pi(pi, prec);
    arb_add_ui(w, t2, 1, prec);                 /* 1 + u */
    arb_div(A, t2, w, prec);
    arb_asin(A, A, prec);
    arb_div(A, A, pi, prec);
    arb_mul_2exp_si(A, A, -1);
    arb_set_d(e2, 0.25);
    arb_add(A, A, e2, prec);                    /* A */
    arb_mul_2exp_si(e2, t2, 1);
    arb_add_ui(e2, e2, 1, prec);                /* 2u + 1 */
    arb_sqrt(B, e2, prec);
    arb_mul(B, B, pi, prec);
    arb_mul_2exp_si(B, B, 1);
    arb_inv(B, B, prec);                        /* B */
    arb_mul(B, B, t2, prec);
    arb_mul_2exp_si(B, B, 1);
    arb_div(B, B, w, prec);
    arb_add(A, A, B, prec);                     /* E[X^2 Phi(tX)^2] = A + 2uB/(1+u) */
    if (Kt != NULL)
    {
        arb_mul(Kt, A, t2, prec);
        if (minus)
        {
            arb_mul_2exp_si(w, t2, -1);
            arb_sub(Kt, Kt, w, prec);
        }
    }
    if (dKt != NULL)
    {
        arb_pow_ui(w, e2, 3, prec);
        arb_sqrt(w, w, prec);
        arb_mul(w, w, pi, prec);
        arb_mul_2exp_si(w, w, 1);
        arb_div(w, t2, w, prec);
        arb_add(A, A, w, prec);                 /* E[gelu'(tX)^2] */
        if (minus)
        {
            arb_set_d(w, 0.5);
            arb_sub(A, w, A, prec);
        }
        arb_mul(dKt, A, t2, prec);
    }
    arb_clear(A); arb_clear(B); arb_clear(w); arb_clear(pi); arb_clear(e2);
    return 1;
}

const sc_act_def sc_act_gelu = {
    "gelu", NULL, "x Phi(x), Phi the standard normal cdf", NULL, 0, 0,
    gelu_eval, gelu_growth, gelu_smooth, gelu_kernel
};
