/* Certified trapezoidal rules for Gaussian integrals (see gauss.h and
   doc/model.md section 8.12).

   The trapezoidal rule h sum_i w(x0 + ih) on the whole line converges
   geometrically for a w analytic in a strip |Im z| < a (Poisson summation:
   the error is sum_{m != 0} w^(2 pi m / h) e^{...}, and shifting the Fourier
   integral to Im z = +-a bounds each term by e^{-2 pi a |m| / h} times the
   L1 norms of w on the two lines).  Theorem (Trefethen and Weideman, SIAM
   Review 56 (2014), Thm 5.1): if w is analytic in |Im z| < a, w(x + iy) -> 0
   as |x| -> inf uniformly there and int |w(x + iy)| dx <= M for |y| < a, then
   for every h > 0 and offset x0
       | h sum_{i in Z} w(x0 + ih) - int w |  <=  2 M / (e^{2 pi a / h} - 1). */
#include <math.h>
#include "synccert/gauss.h"

/* x := an exact upper bound of x (+inf if x is not finite) */
static void upper(arb_t x, slong prec)
{
    if (!arb_is_finite(x))
    {
        arb_pos_inf(x);
        return;
    }
    arb_get_ubound_arf(arb_midref(x), x, prec);
    mag_zero(arb_radref(x));
}

void sc_trap_error(arb_t E, const arb_t a, const arb_t h, const arb_t M, slong prec)
{
    arb_t u;
    arb_init(u);
    arb_const_pi(u, prec);
    arb_mul(u, u, a, prec);
    arb_mul_2exp_si(u, u, 1);
    arb_div(u, u, h, prec);
    arb_expm1(u, u, prec);          /* e^{2 pi a/h} - 1 */
    if (!arb_is_positive(u))
        arb_pos_inf(E);
    else
    {
        arb_div(E, M, u, prec);
        arb_mul_2exp_si(E, E, 1);
        upper(E, prec);
    }
    arb_clear(u);
}

/* h sum_{i in Z} u(x0 + ih) for u(x) = |x|^m phi(x): on each half-line u is
   increasing up to sqrt(m) and decreasing after it.  A node x with
   x + h <= sqrt(m) has h u(x) <= int_x^{x+h} u, a node with x - h >= sqrt(m)
   has h u(x) <= int_{x-h}^x u (disjoint intervals inside [0, inf)), and at
   most two nodes lie in (sqrt(m) - h, sqrt(m) + h), each with h u <= h u*,
   u* = max u = m^{m/2} e^{-m/2} / sqrt(2 pi).  A node at 0 adds at most
   h u*.  Both half-lines: E|Z|^m + 5 h u*. */
void sc_gauss_grid_moment(arb_t S, ulong m, const arb_t h, slong prec)
{
    arb_t u, v;
    arb_init(u);
    arb_init(v);
    if (m == 0)
        arb_one(u);
    else
    {
        arb_set_ui(u, m);
        arb_mul_2exp_si(v, u, -1);      /* m/2 */
        arb_pow(u, u, v, prec);         /* m^{m/2} */
        arb_neg(v, v);
        arb_exp(v, v, prec);
        arb_mul(u, u, v, prec);
    }
    arb_const_pi(v, prec);
    arb_mul_2exp_si(v, v, 1);
    arb_rsqrt(v, v, prec);
    arb_mul(u, u, v, prec);             /* u* */
    arb_mul_ui(u, u, 5, prec);
    arb_mul(u, u, h, prec);
    sc_gauss_abs_moment(v, m, prec);
    arb_add(S, u, v, prec);
    upper(S, prec);
    arb_clear(u);
    arb_clear(v);
}

/* S >= sum_j |c_j| m_j with m_j the grid sum (h != NULL) or the moment E|Z|^j */
static void poly_sum(arb_t S, arb_srcptr c, slong n, const arb_struct *h, slong prec)
{
    arb_t m, ci;
    slong i;
    arb_init(m);
    arb_init(ci);
    arb_zero(S);
    for (i = 0; i < n; i++)
    {
        arb_get_abs_ubound_arf(arb_midref(ci), c + i, prec);
        mag_zero(arb_radref(ci));
        if (h != NULL)
            sc_gauss_grid_moment(m, i, h, prec);
        else
            sc_gauss_abs_moment(m, i, prec);
        arb_addmul(S, ci, m, prec);
    }
    upper(S, prec);
    arb_clear(m);
    arb_clear(ci);
}

void sc_gauss_grid_poly(arb_t S, arb_srcptr c, slong n, const arb_t h, slong prec)
{
    poly_sum(S, c, n, h, prec);
}

void sc_gauss_poly_moment(arb_t S, arb_srcptr c, slong n, slong prec)
{
    poly_sum(S, c, n, NULL, prec);
}

/* w_i = phi(x0 + ih): w_{i+1} = w_i r_i with r_i = e^{-(x0 + ih) h - h^2/2},
   r_{i+1} = r_i e^{-h^2}; two multiplications per node.  The balls stay
   tight: each step adds a relative error of a few ulp at the working
   precision. */
void sc_gauss_grid_weights(arb_ptr w, slong n, const arb_t x0, const arb_t h, slong prec)
{
    arb_t r, q;
    slong i;
    if (n <= 0)
        return;
    arb_init(r);
    arb_init(q);
    {
        acb_t z, e;
        acb_init(z);
        acb_init(e);
        acb_set_arb(z, x0);
        sc_gauss_weight(e, z, prec);
        arb_set(w + 0, acb_realref(e));
        acb_clear(z);
        acb_clear(e);
    }
    arb_sqr(q, h, prec);
    arb_mul_2exp_si(r, q, -1);
    arb_addmul(r, x0, h, prec);
    arb_neg(r, r);
    arb_exp(r, r, prec);                /* r_0 */
    arb_neg(q, q);
    arb_exp(q, q, prec);                /* e^{-h^2} */
    for (i = 1; i < n; i++)
    {
        if (i % 256 == 0 && sc_budget_expired())
        {
            /* stopped: the rest is unknown (the caller's sum is then
               indeterminate and its precision loop reports the stop) */
            for (; i < n; i++)
                arb_indeterminate(w + i);
            break;
        }
        arb_mul(w + i, w + i - 1, r, prec);
        arb_mul(r, r, q, prec);
    }
    arb_clear(r);
    arb_clear(q);
}

double sc_trap_step(double strip, double logM, double logtol, double *a_used)
{
    /* error 2 M e^{a^2/2} / (e^{2 pi a/h} - 1) <= tol needs roughly
       2 pi a / h >= a^2/2 + L, L = log(2 M / tol) + log 2: h(a) = 2 pi a /
       (a^2/2 + L) is largest at a = sqrt(2 L), so a = min(strip, sqrt(2 L)). */
    double L = logM - logtol + 1.4, a;
    if (L < 1)
        L = 1;
    a = sqrt(2 * L);
    if (strip < a)
        a = strip;
    if (a_used)
        *a_used = a;
    return 6.283185307179586 * a / (a * a / 2 + L) * 0.995;
}
