/* gelu_tanh(x) = 0.5 x (1 + tanh(u)),  u = k (x + a x^3),  k = sqrt(2/pi),
   a = 0.044715 (the tanh approximation of GELU used by common frameworks;
   a is the exact decimal, k is computed in arb).  Since
   (1 + tanh u)/2 = sigma(2u), sigma(v) = 1/(1 + e^{-v}), we evaluate the
   same function stably as  phi(z) = z sigma(2u)  and
     phi'(z) = sigma(2u) + 2 z u' sigma(2u) sigma(-2u),  u' = k (1 + 3 a z^2),
   with sigma(2u) sigma(-2u) = 1 / (4 cosh^2 u).  No closed forms:
   integration (doc/model.md section 8.12).

   Strip and growth: |Im z| <= h = 2, z = x + iy, w = 2u.
     Re u = k x (1 + a (x^2 - 3 y^2)),  Im u = k y (1 + a (3 x^2 - y^2)),
   so with c1 = 1 - 3 a h^2 = 0.46342 > 0:  |Re u| >= k |x| (c1 + a x^2),
   Re u has the sign of x.  We use the lemma of src/act/sigmoid.c:
   |1 + e^{-w}| >= 1 if |Im w| <= pi/2 and >= sin|Im w| if
   pi/2 <= |Im w| < pi.
   (ii) |x| < 4/5: Im u has the sign of y and |Im u| increases with |y|
       (its y-derivative k (1 + 3 a x^2 - 3 a y^2) >= k c1 > 0) and with
       |x|, so |Im w| <= 2 k h (1 + a (3 (4/5)^2 - h^2)) = 2.89471 < pi, and
       |sigma(w)| <= 1 / sin(2.89471) = 4.0918.
   (i) |x| >= 4/5: |Re w| >= 2 k c1 (4/5) = 0.59160.  If Re u > 0 then
       |1 + e^{-w}| >= 1 - e^{-0.59160} and |sigma(w)| <= 2.2397; if
       Re u < 0 then |1 + e^{-w}| >= e^{0.59160} - 1 and |sigma(w)| <= 1.2395.
   Hence phi is holomorphic on the closed strip and
     |phi(z)| <= 4.0918 |z| <= 4.0918 (|x| + 2) <= 8.2 + 4.1 |x|.
   Derivative: D = 2 |z| |u'| / (4 |cosh u|^2), |cosh u|^2 = sinh^2(Re u)
   + cos^2(Im u), |u'| = k |1 + 3 a z^2| <= k (1 + 3 a |z|^2).
   (ii) |x| < 4/5: |Im u| <= 1.44736 < pi/2, cos^2(Im u) >= 0.015160,
       |z|^2 <= 4.64, |u'| <= 1.29452, D <= 2 (2.15407) 1.29452 / (4 (0.015160))
       <= 91.98; |phi'| <= 4.092 + 91.98.
   (i) |x| >= 4/5: |cosh u|^2 >= (Re u)^2 >= k^2 x^2 (c1 + a x^2)^2,
       |z| <= |x| + 2 <= (7/2) |x|, |u'| <= k (1 + 3 a (x^2 + 4)), and
       1 + 3 a (x^2 + 4) <= C (c1 + a x^2) with C = 3.3158 (C >= 3 and
       C c1 >= 1 + 12 a = 1.53658), so
         D <= 7 C / (4 k |x| (c1 + a x^2)) <= 7 C / (4 k (4/5) c1) = 19.62;
       |phi'| <= 2.240 + 19.62.
   So |phi'(z)| <= 97 on the strip.  (The singularities nearest to the real
   line are at z = +-0.63437 + 2.75477 i, where 2u = i pi; a wide strip
   makes the trapezoidal rules of doc/model.md section 8.12 cheaper: their
   step is proportional to the strip, the bounds enter only as logarithms.
   On a grid of the strip the sharp values are |sigma| <= 2.16 and
   |phi'| <= 8.1.) */
#include "synccert/act.h"

void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec);
void sc_acb_sigmoid_deriv(acb_t res, const acb_t w, slong prec);
void sc_arb_sigmoid2(arb_t s, arb_t ds, const arb_t w, slong prec);

/* k = sqrt(2/pi) and k a, cached per thread at the largest precision asked
   for (as Arb caches pi): computing them costs more than the rest of an
   evaluation.  The cache is freed by flint_cleanup(). */
static FLINT_TLS_PREFIX arb_struct gelu_tanh_kc[2];
static FLINT_TLS_PREFIX slong gelu_tanh_kprec = 0;

static void gelu_tanh_k_clear(void)
{
    arb_clear(gelu_tanh_kc + 0);
    arb_clear(gelu_tanh_kc + 1);
    gelu_tanh_kprec = 0;
}

/* k = sqrt(2/pi), ka = k a (a = 0.044715 exactly as a decimal) */
static void gelu_tanh_k(arb_t k, arb_t ka, slong prec)
{
    if (gelu_tanh_kprec < prec)
    {
        slong wp = prec + 64;
        if (gelu_tanh_kprec == 0)
        {
            arb_init(gelu_tanh_kc + 0);
            arb_init(gelu_tanh_kc + 1);
            flint_register_cleanup_function(gelu_tanh_k_clear);
        }
        arb_const_sqrt_pi(k, wp);
        arb_sqrt_ui(gelu_tanh_kc + 0, 2, wp);
        arb_div(gelu_tanh_kc + 0, gelu_tanh_kc + 0, k, wp);
        arb_mul_ui(gelu_tanh_kc + 1, gelu_tanh_kc + 0, 44715, wp);
        arb_div_ui(gelu_tanh_kc + 1, gelu_tanh_kc + 1, 1000000, wp);
        gelu_tanh_kprec = wp;
    }
    arb_set_round(k, gelu_tanh_kc + 0, prec);
    arb_set_round(ka, gelu_tanh_kc + 1, prec);
}

/* 2u = 2 z (k + k a z^2) and u' = k + 3 k a z^2; on the real line (the
   trapezoidal rules' nodes) in real arithmetic */
static void gelu_tanh_u(acb_t u2, acb_t du, const acb_t z, slong prec)
{
    arb_t k, ka;
    acb_t z2;
    arb_init(k);
    arb_init(ka);
    acb_init(z2);
    gelu_tanh_k(k, ka, prec);
    if (arb_is_zero(acb_imagref(z)))
    {
        arb_srcptr x = acb_realref(z);
        arb_ptr x2 = acb_realref(z2);
        arb_sqr(x2, x, prec);
        arb_mul(acb_realref(u2), x2, ka, prec);
        arb_add(acb_realref(u2), acb_realref(u2), k, prec);
        arb_mul(acb_realref(u2), acb_realref(u2), x, prec);
        arb_mul_2exp_si(acb_realref(u2), acb_realref(u2), 1);
        arb_zero(acb_imagref(u2));
        if (du != NULL)
        {
            arb_mul_ui(acb_realref(du), x2, 3, prec);
            arb_mul(acb_realref(du), acb_realref(du), ka, prec);
            arb_add(acb_realref(du), acb_realref(du), k, prec);
            arb_zero(acb_imagref(du));
        }
    }
    else
    {
        acb_sqr(z2, z, prec);
        acb_mul_arb(u2, z2, ka, prec);
        acb_add_arb(u2, u2, k, prec);
        acb_mul(u2, u2, z, prec);
        acb_mul_2exp_si(u2, u2, 1);             /* 2u */
        if (du != NULL)
        {
            acb_mul_ui(du, z2, 3, prec);
            acb_mul_arb(du, du, ka, prec);
            acb_add_arb(du, du, k, prec);       /* u' */
        }
    }
    arb_clear(k);
    arb_clear(ka);
    acb_clear(z2);
}

static void gelu_tanh_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    acb_t u, du, s, t;
    acb_init(u);
    acb_init(du);
    acb_init(s);
    acb_init(t);
    gelu_tanh_u(u, deriv ? du : NULL, z, prec);
    if (arb_is_zero(acb_imagref(z)))
    {
        /* real nodes: sigma(2u) and sigma(2u) sigma(-2u) from one exponential */
        sc_arb_sigmoid2(acb_realref(s), deriv ? acb_realref(t) : NULL, acb_realref(u), prec);
    }
    else
    {
        sc_acb_sigmoid(s, u, prec);
        if (deriv)
            sc_acb_sigmoid_deriv(t, u, prec);   /* sigma(2u) sigma(-2u) */
    }
    if (!deriv && arb_is_zero(acb_imagref(z)))
    {
        arb_mul(acb_realref(res), acb_realref(s), acb_realref(z), prec);
        arb_zero(acb_imagref(res));
    }
    else if (!deriv)
        acb_mul(res, s, z, prec);
    else
    {
        acb_mul(t, t, du, prec);
        acb_mul(t, t, z, prec);
        acb_mul_2exp_si(t, t, 1);
        acb_add(res, s, t, prec);
    }
    if (!acb_is_finite(res))
        acb_indeterminate(res);
    acb_clear(u);
    acb_clear(du);
    acb_clear(s);
    acb_clear(t);
}

static slong gelu_tanh_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "8.2", "4.1" }, *const b1[] = { "97" };
    arb_set_ui(strip, 2);
    if (deriv)
    {
        sc_act_set_bounds(g, b1, 1, prec);
        return 1;
    }
    sc_act_set_bounds(g, b0, 2, prec);
    return 2;
}

const sc_act_def sc_act_gelu_tanh = {
    "gelu_tanh", NULL, "0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))", NULL, 0, 0,
    gelu_tanh_eval, gelu_tanh_growth, NULL, NULL
};
