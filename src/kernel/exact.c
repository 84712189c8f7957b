/* Exact rational kernels of polynomial activations (poly and expressions
   that are polynomials in x with rational coefficients).

   poly (monomial coefficients c_k, any rational q > 0, s >= 0): with
   t^2 = q + s and c = (q rho + s)/(q + s), phi(t x) = sum_n B_n He_n(x) with
   B_n = t^n C_n, C_n = sum_j c_{n+2j} t2^j (n+2j)! / (2^j j! n!), so
     Kt(c) = sum_n n! C_n^2 t2^n c^n,   Kt'(c) = sum_n n n! C_n^2 t2^n c^{n-1},
   all rational: K(rho) = Kt(c), K'(rho) = (q / t2) Kt'(c) exactly.
   hermite (orthonormal coefficients a_n) when q + s = 1 (t = 1): K = sum
   a_n^2 c^n, K' = q sum n a_n^2 c^{n-1}, again rational.  (For t != 1 the
   change of basis brings in sqrt(n!) and the ball formula of hermite.c is
   used instead.) */
#include <string.h>
#include <flint/fmpz.h>
#include "synccert/kernel.h"

/* sum_n w_n c^n and sum_n n w_n c^{n-1} */
static void series(fmpq_t K, fmpq_t dK, const fmpq *w, slong n, const fmpq_t c)
{
    fmpq_t pw, t;
    slong k;
    fmpq_init(pw);
    fmpq_init(t);
    fmpq_zero(K);
    fmpq_zero(dK);
    fmpq_one(pw);                        /* c^k */
    for (k = 0; k < n; k++)
    {
        fmpq_mul(t, w + k, pw);
        fmpq_add(K, K, t);
        if (k + 1 < n)
        {
            fmpq_mul(t, w + k + 1, pw);
            fmpq_mul_ui(t, t, (ulong) (k + 1));
            fmpq_add(dK, dK, t);
        }
        fmpq_mul(pw, pw, c);
    }
    fmpq_clear(pw);
    fmpq_clear(t);
}

int sc_kernel_exact(fmpq_t K, fmpq_t dK, const sc_act_t act, const fmpq_t rho,
                    const fmpq_t q, const fmpq_t s)
{
    const char *name = act->def->name;
    slong n = act->npar, k, j, nc;
    fmpq_t t2, c, C, f, t;
    fmpq *w, *cf;
    fmpz_t num;
    int ok = 1;

    /* monomial coefficients: poly, or an expression that is a polynomial */
    cf = _fmpq_vec_init(SC_ACT_MAX_COEFFS);
    nc = sc_act_poly_fmpq(cf, SC_ACT_MAX_COEFFS, act);
    if (nc >= 0)
        n = nc;
    else if (!(act->def->flags & SC_ACT_COEFFS))
    {
        _fmpq_vec_clear(cf, SC_ACT_MAX_COEFFS);
        return 0;
    }
    fmpq_init(t2);
    fmpq_init(c);
    fmpq_init(C);
    fmpq_init(f);
    fmpq_init(t);
    fmpz_init(num);
    w = _fmpq_vec_init(FLINT_MAX(n, 1));
    fmpq_add(t2, q, s);
    fmpq_mul(c, q, rho);
    fmpq_add(c, c, s);
    fmpq_div(c, c, t2);

    if (nc >= 0)
    {
        fmpq_t t2n;
        fmpq_init(t2n);
        fmpq_one(t2n);                   /* t2^k */
        for (k = 0; k < n; k++)
        {
            /* C_k = sum_j c_{k+2j} t2^j (k+2j)! / (2^j j! k!) */
            fmpq_zero(C);
            fmpq_one(t);                 /* t2^j */
            for (j = 0; k + 2 * j < n; j++)
            {
                fmpz_rfac_uiui(num, (ulong) k + 1, (ulong) 2 * j);      /* (k+2j)!/k! */
                fmpq_set_fmpz(f, num);
                fmpz_fac_ui(num, (ulong) j);
                fmpz_mul_2exp(num, num, (ulong) j);                     /* 2^j j! */
                fmpq_div_fmpz(f, f, num);
                fmpq_mul(f, f, t);
                fmpq_mul(f, f, cf + k + 2 * j);
                fmpq_add(C, C, f);
                fmpq_mul(t, t, t2);
            }
            /* w_k = k! C_k^2 t2^k */
            fmpq_mul(f, C, C);
            fmpz_fac_ui(num, (ulong) k);
            fmpq_mul_fmpz(f, f, num);
            fmpq_mul(w + k, f, t2n);
            fmpq_mul(t2n, t2n, t2);
        }
        fmpq_clear(t2n);
    }
    else if (strcmp(name, "hermite") == 0 && fmpq_is_one(t2))
    {
        for (k = 0; k < n; k++)
            fmpq_mul(w + k, act->par + k, act->par + k);
    }
    else
        ok = 0;

    if (ok)
    {
        series(K, dK, w, n, c);
        fmpq_mul(dK, dK, q);             /* K' = (q / t2) Kt'(c) */
        fmpq_div(dK, dK, t2);
    }
    _fmpq_vec_clear(w, FLINT_MAX(n, 1));
    _fmpq_vec_clear(cf, SC_ACT_MAX_COEFFS);
    fmpq_clear(t2);
    fmpq_clear(c);
    fmpq_clear(C);
    fmpq_clear(f);
    fmpq_clear(t);
    fmpz_clear(num);
    return ok;
}
