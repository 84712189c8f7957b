/* gelu_tanh(x) = 0.5 x (1 + tanh(u)),  u = k (x + a x^3),  k = sqrt(2/pi),
   a = 0.044715 (the tanh approximation of GELU used by common frameworks;
   a is the exact decimal, k is computed in arb).  Since
   (1 + tanh u)/2 = sigma(2u), sigma(v) = 1/(1 + e^{-v}), we evaluate the
   same function stably as  phi(z) = z sigma(2u)  and
     phi'(z) = sigma(2u) + 2 z u' sigma(2u) sigma(-2u),  u' = k (1 + 3 a z^2),
   with sigma(2u) sigma(-2u) = 1 / (4 cosh^2 u).  No closed forms: nested
   integration.

   Strip and growth: |Im z| <= h = 1/2, z = x + iy.
     Re u = k x (1 + a (x^2 - 3 y^2)),  Im u = k y (1 + a (3 x^2 - y^2)),
   so with c1 = 1 - 3 a h^2 = 1 - 3a/4 = 0.96646...:
     |Re u| >= k |x| (c1 + a x^2).
   (i) |x| >= 1/2: |Re u| >= k c1 / 2 = 0.38555 > ln(2)/2 = 0.34657.  If
       Re u > 0 then |e^{-2u}| <= 1/2 and |1 + e^{-2u}| >= 1/2; if Re u < 0
       then |e^{-2u}| >= 2 and |1 + e^{-2u}| >= 1.  So |sigma(2u)| <= 2.
   (ii) |x| < 1/2: |Im u| <= k h (1 + 3 a / 4) = 0.41232, so
       |2 Im u| < pi/2, Re e^{-2u} >= 0, |1 + e^{-2u}| >= 1, |sigma(2u)| <= 1.
   Hence phi is holomorphic on the closed strip and
     |phi(z)| <= 2 |z| <= 2 (|x| + 1/2) = 1 + 2 |x|.
   Derivative: |cosh u|^2 = sinh^2(Re u) + cos^2(Im u).
   (i) |x| >= 1/2: |cosh u|^2 >= (Re u)^2 >= k^2 x^2 (c1 + a x^2)^2,
       |u'| <= k (1 + 3 a (x^2 + 1/4)), |z| <= |x| + 1/2 <= 2 |x|, so the
       second term D = 2 |z| |u'| / (4 |cosh u|^2) satisfies
         D <= (1 + 3a/4 + 3 a x^2) / (k |x| (c1 + a x^2)^2)
           <= 3 / (k |x| (c1 + a x^2))     [1 + 3a/4 + 3ax^2 <= 3 (c1 + ax^2)]
           <= 6 / (k c1) = 7.781...;   |phi'| <= 2 + 7.79.
   (ii) |x| < 1/2: |cosh u|^2 >= cos^2(0.41232) = 0.83942, |z| <= sqrt(1/2),
       |u'| <= k (1 + 3a/2) = 0.85140, D <= 0.3586;  |phi'| <= 1.36.
   So |phi'(z)| <= 9.8 on the strip. */
#include "synccert/act.h"

void sc_acb_sigmoid(acb_t res, const acb_t w, slong prec);
void sc_acb_sigmoid_deriv(acb_t res, const acb_t w, slong prec);

static void gelu_tanh_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    arb_t k, a;
    acb_t u, z2, s, t;
    arb_init(k);
    arb_init(a);
    acb_init(u);
    acb_init(z2);
    acb_init(s);
    acb_init(t);
    arb_const_pi(k, prec);
    arb_ui_div(k, 2, k, prec);
    arb_sqrt(k, k, prec);                       /* sqrt(2/pi) */
    arb_set_ui(a, 44715);
    arb_div_ui(a, a, 1000000, prec);            /* 0.044715 */
    acb_sqr(z2, z, prec);
    acb_mul_arb(u, z2, a, prec);
    acb_add_ui(u, u, 1, prec);
    acb_mul(u, u, z, prec);
    acb_mul_arb(u, u, k, prec);                 /* u = k (z + a z^3) */
    acb_mul_2exp_si(u, u, 1);                   /* 2u */
    sc_acb_sigmoid(s, u, prec);
    if (!deriv)
        acb_mul(res, s, z, prec);
    else
    {
        sc_acb_sigmoid_deriv(t, u, prec);       /* sigma(2u) sigma(-2u) */
        acb_mul_arb(z2, z2, a, prec);
        acb_mul_ui(z2, z2, 3, prec);
        acb_add_ui(z2, z2, 1, prec);
        acb_mul_arb(z2, z2, k, prec);           /* u' */
        acb_mul(t, t, z2, prec);
        acb_mul(t, t, z, prec);
        acb_mul_2exp_si(t, t, 1);
        acb_add(res, s, t, prec);
    }
    if (!acb_is_finite(res))
        acb_indeterminate(res);
    arb_clear(k);
    arb_clear(a);
    acb_clear(u);
    acb_clear(z2);
    acb_clear(s);
    acb_clear(t);
}

static slong gelu_tanh_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    static const char *const b0[] = { "1", "2" }, *const b1[] = { "9.8" };
    arb_one(strip);
    arb_mul_2exp_si(strip, strip, -1);
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
