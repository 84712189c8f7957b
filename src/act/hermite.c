/* hermite(x) = sum_n a_n h_n(x), coefficients a0=.., a1=.. in the
   ORTHONORMAL probabilists' Hermite basis h_n = He_n / sqrt(n!)
   (E[h_m(Z) h_n(Z)] = delta_mn).  Parameter vector (SC_ACT_COEFFS
   convention of act.h): p[0] = n, p[1..n] = a_0..a_{n-1}.

   Kernel in closed form (finite sum).  With q = 1, s = 0 (t = 1):
   Kt(c) = sum_n a_n^2 c^n.  In general, psi(x) = phi(t x) with the
   multiplication theorem
     He_n(t x) = sum_k t^{n-2k} (t^2 - 1)^k n! / (2^k k! (n-2k)!) He_{n-2k}(x)
   has orthonormal coefficients
     A_m = t^m S_m,  S_m = sum_k a_{m+2k} (t2 - 1)^k / (2^k k!) sqrt((m+2k)! / m!),
   (the k = 0 term has the exact factor 1, and for t2 = 1 exactly the other
   terms vanish exactly), and
     Kt(c) = sum_m t2^m S_m^2 c^m,  dKt(c) = sum_m m t2^m S_m^2 c^{m-1}.

   eval / growth / smooth use the monomial form phi(x) = sum_k m_k x^k,
   m_k = sum_n a_n He_n[k] / sqrt(n!) (He_n[k] the integer coefficients from
   He_{n+1} = x He_n - n He_{n-1}), and the polynomial helpers of poly.c:
   growth in the strip |Im z| <= 1 is sum_k |m_k| (|Re z| + 1)^k expanded;
   smoothing E[(a + bY)^k] = sum_{j even} binom(k,j) a^{k-j} b^j (j-1)!!. */
#include <flint/fmpz_vec.h>
#include "synccert/act.h"

void sc_poly_eval_mono(acb_t res, const acb_t z, arb_srcptr m, slong n, int deriv, slong prec);
slong sc_poly_growth_mono(arb_ptr g, arb_t strip, arb_srcptr m, slong n, int deriv, slong prec);
int sc_poly_smooth_mono(acb_t res, const acb_t a, const arb_t b, arb_srcptr m, slong n,
                        int deriv, slong prec);
void sc_poly_kernel_from_sq(arb_t Kt, arb_t dKt, const arb_t c, arb_srcptr sq, slong n, slong prec);
slong sc_coeffs_count(arb_srcptr p);

/* m[0..n-1] = monomial coefficients of sum_{k<n} a_k He_k / sqrt(k!) */
static void hermite_to_mono(arb_ptr m, arb_srcptr a, slong n, slong prec)
{
    fmpz *h0 = _fmpz_vec_init(n + 1), *h1 = _fmpz_vec_init(n + 1), *h2 = _fmpz_vec_init(n + 1);
    arb_t w, f;
    slong k, j;
    arb_init(w);
    arb_init(f);
    _arb_vec_zero(m, n);
    fmpz_one(h0 + 0);                 /* He_0 = 1 */
    if (n > 1)
        fmpz_one(h1 + 1);             /* He_1 = x */
    for (k = 0; k < n; k++)
    {
        fmpz *hk = (k == 0) ? h0 : h1;
        if (k >= 2)
        {
            /* h2 = x h1 - (k-1) h0: He_k from He_{k-1} (h1), He_{k-2} (h0) */
            _fmpz_vec_zero(h2, n + 1);
            for (j = 0; j < n; j++)
                fmpz_set(h2 + j + 1, h1 + j);
            _fmpz_vec_scalar_submul_si(h2, h0, n + 1, k - 1);
            _fmpz_vec_set(h0, h1, n + 1);
            _fmpz_vec_set(h1, h2, n + 1);
            hk = h1;
        }
        if (arb_is_zero(a + k))
            continue;
        arb_fac_ui(f, k, prec);
        arb_rsqrt(f, f, prec);
        arb_mul(w, a + k, f, prec);   /* a_k / sqrt(k!) */
        for (j = 0; j <= k; j++)
            if (!fmpz_is_zero(hk + j))
            {
                arb_set_fmpz(f, hk + j);
                arb_addmul(m + j, w, f, prec);
            }
    }
    _fmpz_vec_clear(h0, n + 1);
    _fmpz_vec_clear(h1, n + 1);
    _fmpz_vec_clear(h2, n + 1);
    arb_clear(w);
    arb_clear(f);
}

static void hermite_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order, arb_srcptr p, slong prec)
{
    slong n = sc_coeffs_count(p);
    arb_ptr m = _arb_vec_init(n + 1);
    hermite_to_mono(m, p + 1, n, prec);
    sc_poly_eval_mono(res, z, m, n, deriv, prec);
    _arb_vec_clear(m, n + 1);
}

static slong hermite_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec)
{
    slong n = sc_coeffs_count(p), ng;
    arb_ptr m = _arb_vec_init(n + 1);
    hermite_to_mono(m, p + 1, n, prec);
    ng = sc_poly_growth_mono(g, strip, m, n, deriv, prec);
    _arb_vec_clear(m, n + 1);
    return ng;
}

static int hermite_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    slong n = sc_coeffs_count(p);
    arb_ptr m = _arb_vec_init(n + 1);
    int r;
    hermite_to_mono(m, p + 1, n, prec);
    r = sc_poly_smooth_mono(res, a, b, m, n, deriv, prec);
    _arb_vec_clear(m, n + 1);
    return r;
}

static int hermite_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2, arb_srcptr p, slong prec)
{
    slong n = sc_coeffs_count(p), mm, k;
    arb_srcptr a = p + 1;
    arb_ptr sq = _arb_vec_init(n + 1);
    arb_t S, u, w, coef, r;
    arb_init(S);
    arb_init(u);
    arb_init(w);
    arb_init(coef);
    arb_init(r);
    arb_sub_ui(u, t2, 1, prec);                    /* t2 - 1 */
    for (mm = 0; mm < n; mm++)
    {
        /* S_m = sum_k a_{m+2k} (t2-1)^k / (2^k k!) sqrt((m+2k)!/m!) */
        arb_set(S, a + mm);
        arb_one(coef);                             /* (t2-1)^k / (2^k k!) */
        arb_one(r);                                /* (m+2k)! / m! */
        for (k = 1; mm + 2 * k < n; k++)
        {
            arb_mul(coef, coef, u, prec);
            arb_div_ui(coef, coef, 2 * k, prec);
            arb_mul_ui(r, r, (mm + 2 * k - 1) * (mm + 2 * k), prec);
            if (arb_is_zero(a + mm + 2 * k) || arb_is_zero(coef))
                continue;
            arb_sqrt(w, r, prec);
            arb_mul(w, w, coef, prec);
            arb_addmul(S, w, a + mm + 2 * k, prec);
        }
        arb_sqr(S, S, prec);
        arb_pow_ui(w, t2, mm, prec);
        arb_mul(sq + mm, S, w, prec);
    }
    sc_poly_kernel_from_sq(Kt, dKt, c, sq, n, prec);
    _arb_vec_clear(sq, n + 1);
    arb_clear(S);
    arb_clear(u);
    arb_clear(w);
    arb_clear(coef);
    arb_clear(r);
    return 1;
}

static const sc_param_def hermite_params[] = {
    { "a", "0", NULL, NULL, 0, "orthonormal Hermite coefficients a0, a1, ...: sum_n a_n He_n(x)/sqrt(n!)" }
};

const sc_act_def sc_act_hermite = {
    "hermite", NULL, "sum_n a_n He_n(x) / sqrt(n!) (coefficients a0=..,a1=..)", hermite_params, 1,
    SC_ACT_COEFFS, hermite_eval, hermite_growth, hermite_smooth, hermite_kernel
};
