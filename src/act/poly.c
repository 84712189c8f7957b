/* poly(x) = sum_k c_k x^k, monomial coefficients c0=.., c1=.. (exact
   rationals, up to SC_ACT_MAX_COEFFS of them).  Parameter vector (the
   SC_ACT_COEFFS convention of act.h): p[0] = n, p[1..n] = c_0..c_{n-1}.

   Kernel in closed form (finite sum).  With psi(x) = phi(t x), t^2 = t2,
   and x^k = sum_j k! / (2^j j! (k-2j)!) He_{k-2j}(x):
     psi = sum_n B_n He_n,  B_n = t^n C_n,
     C_n = sum_j c_{n+2j} t2^j (n+2j)! / (2^j j! n!),
   so in the orthonormal basis h_n = He_n / sqrt(n!) the coefficients are
   A_n = sqrt(n!) B_n and
     Kt(c)  = sum_n A_n^2 c^n = sum_n n! C_n^2 t2^n c^n,
     dKt(c) = sum_n n A_n^2 c^{n-1}.
   Only rational operations on t2 and the c_k: for exact (dyadic) balls at
   enough precision, e.g. q = 1, s = 0 and small integer coefficients, the
   result is exact (poly:c1=1 gives K = rho, poly:c2=1 gives 1 + 2 rho^2).

   Gaussian smoothing: E[(a + bY)^k] = sum_{j even} binom(k, j) a^{k-j} b^j (j-1)!!,
   a polynomial in a (entire).

   Growth: the polynomial is entire; in the strip |Im z| <= 1,
   |phi(z)| <= sum_k |c_k| |z|^k <= sum_k |c_k| (|Re z| + 1)^k, expanded
   binomially into sum_i g_i |Re z|^i (same for phi' with k c_k). */
#include "synccert/act.h"
#include "synccert/gauss.h"

/* --- helpers shared with hermite.c: m[0..n-1] are monomial coefficients --- */

/* d[0..n-2] = coefficients of the derivative; returns its length (>= 1) */
slong sc_poly_deriv_coeffs(arb_ptr d, arb_srcptr m, slong n, slong prec)
{
    slong k;
    if (n <= 1)
    {
        arb_zero(d);
        return 1;
    }
    for (k = 1; k < n; k++)
        arb_mul_ui(d + k - 1, m + k, k, prec);
    return n - 1;
}

void sc_poly_eval_mono(acb_t res, const acb_t z, arb_srcptr m, slong n, int deriv, slong prec)
{
    slong len = FLINT_MAX(n, 1), k;
    arb_ptr d = _arb_vec_init(len);
    acb_t r;
    acb_init(r);
    if (deriv)
        n = sc_poly_deriv_coeffs(d, m, n, prec);
    else
        _arb_vec_set(d, m, n);
    for (k = n - 1; k >= 0; k--)
    {
        acb_mul(r, r, z, prec);
        arb_add(acb_realref(r), acb_realref(r), d + k, prec);
    }
    acb_set(res, r);
    acb_clear(r);
    _arb_vec_clear(d, len);
}

slong sc_poly_growth_mono(arb_ptr g, arb_t strip, arb_srcptr m, slong n, int deriv, slong prec)
{
    arb_ptr d = _arb_vec_init(n + 1);
    arb_t one;
    slong k, nd;
    arb_init(one);
    arb_one(one);
    arb_one(strip);
    if (deriv)
        nd = sc_poly_deriv_coeffs(d, m, n, prec);
    else
    {
        _arb_vec_set(d, m, n);
        nd = n;
    }
    for (k = 0; k < nd; k++)
    {
        arb_get_abs_ubound_arf(arb_midref(d + k), d + k, prec);
        mag_zero(arb_radref(d + k));
    }
    if (nd == 0)
    {
        arb_zero(d + 0);        /* empty coefficient list: phi = 0 */
        nd = 1;
    }
    nd = sc_growth_affine(g, d, nd, one, one, prec);   /* sum |d_k| (1 + |x|)^k */
    for (k = 0; k < nd; k++)
    {
        arb_get_ubound_arf(arb_midref(g + k), g + k, prec);
        mag_zero(arb_radref(g + k));
    }
    arb_clear(one);
    _arb_vec_clear(d, n + 1);
    return nd;
}

int sc_poly_smooth_mono(acb_t res, const acb_t a, const arb_t b, arb_srcptr m, slong n,
                        int deriv, slong prec)
{
    arb_ptr d = _arb_vec_init(n + 1), mom = _arb_vec_init(n + 1);
    acb_ptr apow = _acb_vec_init(n + 1);
    arb_t bj, bin, t;
    acb_t e, s;
    slong k, j, nd;
    arb_init(bj);
    arb_init(bin);
    arb_init(t);
    acb_init(e);
    acb_init(s);
    if (deriv)
        nd = sc_poly_deriv_coeffs(d, m, n, prec);
    else
    {
        _arb_vec_set(d, m, n);
        nd = n;
    }
    /* mom[j] = b^j E[Y^j] = b^j (j-1)!! for even j, 0 for odd j */
    arb_one(mom + 0);
    arb_sqr(t, b, prec);
    for (j = 2; j < nd; j += 2)
    {
        arb_mul(mom + j, mom + j - 2, t, prec);
        arb_mul_ui(mom + j, mom + j, j - 1, prec);
    }
    acb_one(apow + 0);
    for (k = 1; k < nd; k++)
        acb_mul(apow + k, apow + k - 1, a, prec);
    acb_zero(s);
    for (k = 0; k < nd; k++)
    {
        if (arb_is_zero(d + k))
            continue;
        acb_zero(e);
        for (j = 0; j <= k; j += 2)
        {
            arb_bin_uiui(bin, k, j, prec);
            arb_mul(bin, bin, mom + j, prec);
            acb_addmul_arb(e, apow + k - j, bin, prec);
        }
        acb_addmul_arb(s, e, d + k, prec);
    }
    acb_set(res, s);
    arb_clear(bj);
    arb_clear(bin);
    arb_clear(t);
    acb_clear(e);
    acb_clear(s);
    _arb_vec_clear(d, n + 1);
    _arb_vec_clear(mom, n + 1);
    _acb_vec_clear(apow, n + 1);
    return 1;
}

/* Kt(c) = sum_n sq[n] c^n, dKt(c) = sum_n n sq[n] c^{n-1} (Horner) */
void sc_poly_kernel_from_sq(arb_t Kt, arb_t dKt, const arb_t c, arb_srcptr sq, slong n, slong prec)
{
    arb_t r, u;
    slong k;
    arb_init(r);
    arb_init(u);
    if (Kt != NULL)
    {
        arb_zero(r);
        for (k = n - 1; k >= 0; k--)
        {
            arb_mul(r, r, c, prec);
            arb_add(r, r, sq + k, prec);
        }
        arb_set(Kt, r);
    }
    if (dKt != NULL)
    {
        arb_zero(r);
        for (k = n - 1; k >= 1; k--)
        {
            arb_mul(r, r, c, prec);
            arb_mul_ui(u, sq + k, k, prec);
            arb_add(r, r, u, prec);
        }
        arb_set(dKt, r);
    }
    arb_clear(r);
    arb_clear(u);
}

/* number of coefficients in the parameter vector p (p[0] = n) */
slong sc_coeffs_count(arb_srcptr p)
{
    slong n = 0;
    if (arb_is_int(p + 0) && arf_cmpabs_2exp_si(arb_midref(p + 0), 10) < 0)
        n = arf_get_si(arb_midref(p + 0), ARF_RND_DOWN);
    if (n < 0 || n > SC_ACT_MAX_COEFFS)
        flint_abort();
    return n;
}

/* --- poly callbacks --- */

static void poly_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    sc_poly_eval_mono(res, z, p + 1, sc_coeffs_count(p), deriv, prec);
}

static slong poly_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    return sc_poly_growth_mono(g, strip, p + 1, sc_coeffs_count(p), deriv, prec);
}

static int poly_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    return sc_poly_smooth_mono(res, a, b, p + 1, sc_coeffs_count(p), deriv, prec);
}

static int poly_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    slong n = sc_coeffs_count(p), k, j;
    arb_srcptr m = p + 1;
    arb_ptr sq = _arb_vec_init(n);
    arb_t C, w, t2j, fac;
    arb_init(C);
    arb_init(w);
    arb_init(t2j);
    arb_init(fac);
    for (k = 0; k < n; k++)
    {
        /* C_k = sum_j m_{k+2j} t2^j (k+2j)! / (2^j j! k!) */
        arb_zero(C);
        arb_one(t2j);
        arb_one(fac);           /* (k+2j)! / (2^j j! k!) */
        for (j = 0; k + 2 * j < n; j++)
        {
            if (j > 0)
            {
                arb_mul(t2j, t2j, t2, prec);
                arb_mul_ui(fac, fac, (k + 2 * j - 1) * (k + 2 * j), prec);
                arb_div_ui(fac, fac, 2 * j, prec);
            }
            arb_mul(w, m + k + 2 * j, t2j, prec);
            arb_addmul(C, w, fac, prec);
        }
        /* sq_k = k! C_k^2 t2^k */
        arb_sqr(C, C, prec);
        arb_fac_ui(fac, k, prec);
        arb_mul(C, C, fac, prec);
        arb_pow_ui(w, t2, k, prec);
        arb_mul(sq + k, C, w, prec);
    }
    sc_poly_kernel_from_sq(Kt, dKt, c, sq, n, prec);
    _arb_vec_clear(sq, n);
    arb_clear(C);
    arb_clear(w);
    arb_clear(t2j);
    arb_clear(fac);
    return 1;
}

static const sc_param_def poly_params[] = {
    { "c", "0", NULL, NULL, 0, "monomial coefficients c0, c1, ...: sum_k c_k x^k" }
};

const sc_act_def sc_act_poly = {
    "poly", NULL, "sum_k c_k x^k (coefficients c0=..,c1=..)", poly_params, 1, SC_ACT_COEFFS,
    poly_eval, poly_growth, poly_smooth, poly_kernel
};
