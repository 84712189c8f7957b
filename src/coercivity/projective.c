/* The projective coercivity quotient (doc/model.md section 10): for the
   pair term f(rho) = (1 - rho^2)^{p/2} of the projective energy
   sum_{i<j} (1 - rho_ij^2)^{p/2},

     F_pm(rho) = -L f / f = p / (1 - rho^2) [ rho b + a/2 - (p - 2) a rho^2 / (2 (1 - rho^2)) ].

   With K(rho) = K(1) - (1 - rho) D(rho) (doc/model.md section 5.2),
     rho b / (1 - rho^2)         = sigma^2 rho [(d-2-rho) K(1) - (d-2+rho^2) D] / (1 + rho),
     a / (2 (1 - rho^2))         = sigma^2 (1 - rho) (K(1) + rho D),
     a rho^2 / (2 (1 - rho^2)^2) = sigma^2 rho^2 (K(1) + rho D) / (1 + rho),
   and collecting terms,

     F_pm(rho) = p sigma^2 [ A(rho) K(1) - B(rho) D(rho) ] / (1 + rho),
     A(rho) = 1 + (d - 2) rho - p rho^2,   B(rho) = rho (d - 3 + p rho^2):

   no division by 1 - rho, so the diagonal limit F_pm(1) = -g(p) is part of
   the search, and at rho = 0 F_pm = p sigma^2 K(1).  For odd phi with s = 0
   (b odd, a even in rho) F_pm is even, and 1/(1 + rho) is harmless on
   [0, 1]: every interval [r1, r2] is mapped to the range of |rho| on it.
   Linear phi (K = q rho, D = q): A - B = (1 + rho)(1 - p rho^2), so
   F_pm = p sigma^2 q (1 - p rho^2) and c_p^pm = p (1 - p) sigma^2 q (at rho -> +-1). */
#include "synccert/coercivity.h"
#include "coercint.h"

/* A(rho) and, if dA != NULL, A'(rho) = d - 2 - 2 p rho */
static void coefA_pm(arb_t A, arb_t dA, const sc_fparams_t fp, const arb_t rho, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_mul(t, fp->p, rho, prec);               /* p rho */
    if (dA != NULL)
    {
        arb_sub_ui(dA, fp->d, 2, prec);
        arb_submul_ui(dA, t, 2, prec);
    }
    arb_sub_ui(A, fp->d, 2, prec);              /* 1 + rho (d - 2 - p rho) */
    arb_sub(A, A, t, prec);
    arb_mul(A, A, rho, prec);
    arb_add_ui(A, A, 1, prec);
    arb_clear(t);
}

/* B(rho) and, if dB != NULL, B'(rho) = d - 3 + 3 p rho^2 */
static void coefB_pm(arb_t B, arb_t dB, const sc_fparams_t fp, const arb_t rho, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_sqr(t, rho, prec);
    arb_mul(t, t, fp->p, prec);                 /* p rho^2 */
    if (dB != NULL)
    {
        arb_mul_ui(dB, t, 3, prec);
        arb_add(dB, dB, fp->d, prec);
        arb_sub_ui(dB, dB, 3, prec);
    }
    arb_add(B, t, fp->d, prec);
    arb_sub_ui(B, B, 3, prec);
    arb_mul(B, B, rho, prec);
    arb_clear(t);
}

/* F = p sigma^2 (A K(1) - B D) / (1 + rho) on a ball rho >= 0 */
static void F_pm_from(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arb_t rho, const arb_t D)
{
    slong prec = kf->prec;
    arb_t A, B;
    arb_init(A);
    arb_init(B);
    coefA_pm(A, NULL, fp, rho, prec);
    coefB_pm(B, NULL, fp, rho, prec);
    arb_mul(A, A, kf->K1, prec);
    arb_submul(A, B, D, prec);
    arb_add_ui(B, rho, 1, prec);
    arb_div(A, A, B, prec);
    arb_mul(A, A, fp->p, prec);
    arb_mul(F, A, fp->sigma2, prec);
    arb_clear(A);
    arb_clear(B);
}

int _sc_coerc_F_projective(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1, const arf_t r2)
{
    slong prec = kf->prec;
    arf_t a, b, m;
    arb_t box, D, dK, num, dnum, A, B, dA, dB, t, h, Fm;
    int st;

    arf_init(a);
    arf_init(b);
    arf_init(m);
    /* the range of |rho| over [r1, r2] (F_pm is even) */
    if (arf_sgn(r1) >= 0)
    {
        arf_set(a, r1);
        arf_set(b, r2);
    }
    else if (arf_sgn(r2) <= 0)
    {
        arf_neg(a, r2);
        arf_neg(b, r1);
    }
    else
    {
        arf_zero(a);
        arf_neg(b, r1);
        if (arf_cmp(r2, b) > 0)
            arf_set(b, r2);
    }
    arb_init(box);
    arb_init(D);
    arb_init(dK);
    arb_set_interval_arf(box, a, b, 4 * prec + 64);
    if (arf_equal(a, b))
    {
        st = sc_kfun_point_D(D, kf, a);
        F_pm_from(F, kf, fp, box, D);
        goto cleanup;
    }
    st = sc_kfun_interval(NULL, dK, D, kf, a, b);
    F_pm_from(F, kf, fp, box, D);               /* direct interval evaluation */

    /* mean value form F(mid) + F'(box) [-h, h] away from the diagonal:
       F = p sigma^2 num / (1 + rho), num = A K(1) - B D,
       F' = p sigma^2 [num' (1 + rho) - num] / (1 + rho)^2,
       num' = A' K(1) - B' D - B D',  D' = (D - K') / (1 - rho) */
    if (arf_cmp_si(b, 1) < 0 && arb_is_finite(D) && arb_is_finite(dK))
    {
        arb_init(num);
        arb_init(dnum);
        arb_init(A);
        arb_init(B);
        arb_init(dA);
        arb_init(dB);
        arb_init(t);
        arb_init(h);
        arb_init(Fm);
        coefA_pm(A, dA, fp, box, prec);
        coefB_pm(B, dB, fp, box, prec);
        arb_mul(num, A, kf->K1, prec);
        arb_submul(num, B, D, prec);
        arb_sub_si(t, box, 1, prec);            /* D' = (D - K') / (1 - rho) */
        arb_neg(t, t);
        arb_sub(h, D, dK, prec);
        arb_div(t, h, t, prec);
        arb_mul(dnum, dA, kf->K1, prec);
        arb_submul(dnum, dB, D, prec);
        arb_submul(dnum, B, t, prec);
        arb_add_ui(t, box, 1, prec);
        arb_mul(dnum, dnum, t, prec);
        arb_sub(dnum, dnum, num, prec);
        arb_sqr(t, t, prec);
        arb_div(dnum, dnum, t, prec);
        arb_mul(dnum, dnum, fp->p, prec);
        arb_mul(dnum, dnum, fp->sigma2, prec);
        arb_set_arf(h, b);                      /* [-h, h], h = (b - a)/2 */
        arb_sub_arf(h, h, a, prec);
        arb_mul_2exp_si(h, h, -1);
        arb_zero(t);
        arb_add_error(t, h);
        arb_mul(dnum, dnum, t, prec);
        arf_add(m, a, b, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(m, m, -1);
        sc_kfun_point_D(D, kf, m);
        arb_set_arf(t, m);
        F_pm_from(Fm, kf, fp, t, D);
        arb_add(Fm, Fm, dnum, prec);
        if (arb_is_finite(Fm))
        {
            if (!arb_is_finite(F))
                arb_set(F, Fm);
            else if (arb_intersection(t, F, Fm, ARF_PREC_EXACT))
                arb_swap(F, t);
        }
        arb_clear(num);
        arb_clear(dnum);
        arb_clear(A);
        arb_clear(B);
        arb_clear(dA);
        arb_clear(dB);
        arb_clear(t);
        arb_clear(h);
        arb_clear(Fm);
    }
cleanup:
    arb_clear(box);
    arb_clear(D);
    arb_clear(dK);
    arf_clear(a);
    arf_clear(b);
    arf_clear(m);
    return st;
}

void sc_coerc_projective_linear(arb_t c, const arb_t p, const arb_t sigma2, const arb_t q, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_sub_ui(t, p, 1, prec);                  /* p (1 - p) sigma^2 q */
    arb_neg(t, t);
    arb_mul(t, t, p, prec);
    arb_mul(t, t, sigma2, prec);
    arb_mul(c, t, q, prec);
    arb_clear(t);
}
