/* The quotient F(rho) = -L f_p / f_p of the noise coercivity constant over
   an interval of rho, in the form without division by 1 - rho (see
   coercivity.h for the algebra): an interval evaluation, sharpened by the
   mean value form away from the diagonal. */
#include "synccert/coercivity.h"
#include "coercint.h"

void sc_fparams_init(sc_fparams_t f)
{
    arb_init(f->d);
    arb_init(f->p);
    arb_init(f->sigma2);
    f->projective = 0;
}

void sc_fparams_clear(sc_fparams_t f)
{
    arb_clear(f->d);
    arb_clear(f->p);
    arb_clear(f->sigma2);
}

/* A(rho) on a ball rho */
static void coefA(arb_t A, const sc_fparams_t fp, const arb_t rho, slong prec)
{
    arb_t hp;
    arb_init(hp);
    arb_mul_2exp_si(hp, fp->p, -1);             /* p/2 */
    arb_sub_ui(A, fp->d, 1, prec);
    arb_sub(A, A, hp, prec);
    arb_submul(A, hp, rho, prec);
    arb_clear(hp);
}

void _sc_coerc_coefB(arb_t B, arb_t dB, const sc_fparams_t fp, const arb_t rho, slong prec)
{
    arb_t hp, b1, t;
    arb_init(hp);
    arb_init(b1);
    arb_init(t);
    arb_mul_2exp_si(hp, fp->p, -1);
    arb_sub_ui(b1, hp, 1, prec);                /* p/2 - 1 */
    if (B != NULL)
    {
        /* (d - 2) + rho (b1 + hp rho) */
        arb_mul(t, hp, rho, prec);
        arb_add(t, t, b1, prec);
        arb_mul(t, t, rho, prec);
        arb_sub_ui(B, fp->d, 2, prec);
        arb_add(B, B, t, prec);
    }
    if (dB != NULL)
    {
        arb_mul(t, fp->p, rho, prec);
        arb_add(dB, t, b1, prec);
    }
    arb_clear(hp);
    arb_clear(b1);
    arb_clear(t);
}

/* F = (p sigma^2/2) (A K1 - B D) */
static void F_from(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arb_t rho, const arb_t D)
{
    slong prec = kf->prec;
    arb_t A, B, c;
    arb_init(A);
    arb_init(B);
    arb_init(c);
    coefA(A, fp, rho, prec);
    _sc_coerc_coefB(B, NULL, fp, rho, prec);
    arb_mul(A, A, kf->K1, prec);
    arb_submul(A, B, D, prec);
    arb_mul(c, fp->p, fp->sigma2, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_mul(F, A, c, prec);
    arb_clear(A);
    arb_clear(B);
    arb_clear(c);
}

/* F at the exact point r (r = 1: the diagonal limit) */
static void F_point(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r)
{
    arb_t D, x;
    arb_init(D);
    arb_init(x);
    sc_kfun_point_D(D, kf, r);
    arb_set_arf(x, r);
    F_from(F, kf, fp, x, D);
    arb_clear(D);
    arb_clear(x);
}

/* F monotone on a box with F(lo_end) <= F <= F(hi_end) there: intersect
   F with [F(lo_end), F(hi_end)] (point values) */
static void between_ends(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t lo_end,
                         const arf_t hi_end)
{
    arb_t a, b;
    arb_init(a);
    arb_init(b);
    F_point(a, kf, fp, lo_end);
    F_point(b, kf, fp, hi_end);
    _sc_kfun_range(a, a, b, kf->prec);
    _sc_kfun_isect(F, a, kf->prec);
    arb_clear(a);
    arb_clear(b);
}

/* Boxes [r1, 1] with c(r1) >= 0 and B > 0: D' >= D'(r1) there (M4 of
   kfun.h), so F' = (p sigma^2/2)(-(p/2) K(1) - B' D - B D') is at most
   (p sigma^2/2)(-(p/2) K(1) - B' D - B D'(r1)); if that is negative, F
   decreases to the diagonal limit and F >= F(1) on the box (F is
   continuous up to rho = 1 because D(1) = K'(1) is finite). */
static void decreasing_to_diagonal(arb_t F, sc_kfun_t kf, const sc_fparams_t fp,
                                   const arf_t r1, const arb_t box, const arb_t D)
{
    slong prec = kf->prec;
    arb_t c, B, dB, dD, u;
    arf_t one;
    if (!arb_is_finite(kf->dK1) || !arb_is_finite(D))
        return;
    arb_init(c);
    arb_init(B);
    arb_init(dB);
    arb_init(dD);
    arb_init(u);
    arf_init(one);
    arb_set_arf(c, r1);
    sc_kfun_corr(c, kf, c);
    _sc_coerc_coefB(B, dB, fp, box, prec);
    if (arb_is_nonnegative(c) && arb_is_positive(B))
    {
        sc_kfun_point_dD(dD, kf, r1);
        if (arb_is_finite(dD))
        {
            /* -(p/2) K(1) - B' D - B lbound(D'(r1)) */
            arf_t lo;
            arf_init(lo);
            arb_get_lbound_arf(lo, dD, prec);
            arb_set_arf(dD, lo);
            arf_clear(lo);
            arb_mul(u, B, dD, prec);
            arb_addmul(u, dB, D, prec);
            arb_mul_2exp_si(c, fp->p, -1);
            arb_addmul(u, c, kf->K1, prec);
            if (arb_is_positive(u))     /* -F' >= positive multiple of u */
            {
                arf_one(one);
                between_ends(F, kf, fp, one, r1);
            }
        }
    }
    arb_clear(c);
    arb_clear(B);
    arb_clear(dB);
    arb_clear(dD);
    arb_clear(u);
    arf_clear(one);
}

/* Boxes [r1, r2] with r2 < 1: F' over the box,
   F' = (p sigma^2/2) (-(p/2) K1 - B' D - B D'),  D' from sc_kfun_interval_dD;
   if F' has one sign, F lies between its values at the ends (monotonicity),
   and always in the mean value form F(mid) + F'(box) [-h, h]. */
static void derivative_forms(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1,
                             const arf_t r2, const arb_t box, const arb_t D, const arb_t dK)
{
    slong prec = kf->prec;
    arb_t dF, A, B, dB, t, F1;
    arf_t m;
    arb_init(dF);
    arb_init(A);
    arb_init(B);
    arb_init(dB);
    arb_init(t);
    arb_init(F1);
    arf_init(m);
    sc_kfun_interval_dD(t, kf, r1, r2, D, dK);
    _sc_coerc_coefB(B, dB, fp, box, prec);
    arb_mul(dF, B, t, prec);
    arb_addmul(dF, dB, D, prec);
    arb_mul_2exp_si(A, fp->p, -1);
    arb_addmul(dF, A, kf->K1, prec);
    arb_neg(dF, dF);
    arb_mul(A, fp->p, fp->sigma2, prec);
    arb_mul_2exp_si(A, A, -1);
    arb_mul(dF, dF, A, prec);
    if (arb_is_positive(dF))
        between_ends(F, kf, fp, r1, r2);
    else if (arb_is_negative(dF))
        between_ends(F, kf, fp, r2, r1);
    /* F(mid) + F'(box) [-h, h], h = (r2 - r1)/2 */
    arf_add(m, r1, r2, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(m, m, -1);
    arb_set_arf(A, r2);
    arb_sub_arf(A, A, r1, prec);
    arb_mul_2exp_si(A, A, -1);
    arb_zero(t);
    arb_add_error(t, A);
    arb_mul(dF, dF, t, prec);
    F_point(F1, kf, fp, m);
    arb_add(F1, F1, dF, prec);
    _sc_kfun_isect(F, F1, prec);
    arb_clear(dF);
    arb_clear(A);
    arb_clear(B);
    arb_clear(dB);
    arb_clear(t);
    arb_clear(F1);
    arf_clear(m);
}

int sc_coerc_F(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1, const arf_t r2)
{
    slong prec = kf->prec;
    arb_t box, D, dK;
    int st;

    if (fp->projective)
        return _sc_coerc_F_projective(F, kf, fp, r1, r2);
    if (arf_equal(r1, r2))
    {
        F_point(F, kf, fp, r1);
        return sc_budget_expired() ? sc_budget_status() : SC_OK;
    }
    arb_init(box);
    arb_init(D);
    arb_init(dK);
    arb_set_interval_arf(box, r1, r2, 4 * prec + 64);
    st = sc_kfun_interval(NULL, dK, D, kf, r1, r2);
    F_from(F, kf, fp, box, D);         /* direct interval evaluation */
    if (arf_cmp_si(r2, 1) == 0)
        decreasing_to_diagonal(F, kf, fp, r1, box, D);
    else if (arb_is_finite(D) && arb_is_finite(dK))
        derivative_forms(F, kf, fp, r1, r2, box, D, dK);
    arb_clear(box);
    arb_clear(D);
    arb_clear(dK);
    return st;
}


/* K'(1) = +inf (doc/model.md section 5.2): on [r1, 1) write
     F = (p sigma^2/2) [ A K(1) + Bt (K(1) - K(rho)) - B(1) D(rho) ],
     Bt(rho) = (B(1) - B(rho))/(1 - rho) = p - 1 + (p/2) rho,
   (B(1) - B(rho) = (1 - rho)(p/2 - 1 + (p/2)(1 + rho)) is exact algebra).
   Where c(r1) >= 0, K is non-decreasing and D(rho) >= D(r1) on [r1, 1)
   (kfun.h, M1), and D -> +inf at the diagonal.  So if -B(1) > 0 the last
   term is at least -B(1) D(r1), and if B(1) = 0 exactly it vanishes: the
   lower bound of (p sigma^2/2) [E1 - B(1) D(r1)] with E1 the interval
   value of the first two terms bounds F on the whole box.  Otherwise
   (B(1) > 0 is handled by the caller: c_p = -inf; B(1) a ball around 0;
   c(r1) < 0) the bound is -inf and the box is split further. */
void _sc_coerc_lower_inf_diag(arf_t lb, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1)
{
    slong prec = kf->prec;
    arb_t box, c, K, E, B1, t, D;
    arf_t one;
    arb_init(box);
    arb_init(c);
    arb_init(K);
    arb_init(E);
    arb_init(B1);
    arb_init(t);
    arb_init(D);
    arf_init(one);
    arf_one(one);
    arf_neg_inf(lb);
    arb_one(t);
    _sc_coerc_coefB(B1, NULL, fp, t, prec);
    arb_mul(c, fp->p, fp->sigma2, prec);
    arb_mul_2exp_si(c, c, -1);                       /* p sigma^2 / 2 */
    arb_set_arf(t, r1);
    sc_kfun_corr(t, kf, t);
    if (arb_is_nonnegative(t) && arb_is_positive(c) && (arb_is_zero(B1) || arb_is_negative(B1)) &&
        sc_kfun_interval(K, NULL, NULL, kf, r1, one) == SC_OK && arb_is_finite(K))
    {
        arb_set_interval_arf(box, r1, one, 4 * prec + 64);
        coefA(E, fp, box, prec);
        arb_mul(E, E, kf->K1, prec);                 /* A K(1) */
        arb_mul_2exp_si(t, fp->p, -1);
        arb_mul(t, t, box, prec);
        arb_add(t, t, fp->p, prec);
        arb_sub_ui(t, t, 1, prec);                   /* Bt = p - 1 + (p/2) rho */
        arb_sub(K, kf->K1, K, prec);                 /* K(1) - K(rho) >= 0 */
        arb_addmul(E, t, K, prec);
        if (!arb_is_zero(B1) && sc_kfun_point_D(D, kf, r1) == SC_OK)
            arb_submul(E, B1, D, prec);              /* - B(1) D(r1) */
        else if (!arb_is_zero(B1))
            arb_indeterminate(E);
        arb_mul(E, E, c, prec);
        if (arb_is_finite(E))
            arb_get_lbound_arf(lb, E, prec);
    }
    arb_clear(box);
    arb_clear(c);
    arb_clear(K);
    arb_clear(E);
    arb_clear(B1);
    arb_clear(t);
    arb_clear(D);
    arf_clear(one);
}
