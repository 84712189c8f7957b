/* Enclosures of K, K' and D over an interval [r1, r2] of rho: monotone
   ranges where c >= 0 (M1, M2), |K'| <= K'(1) (M3), mean-value forms and
   direct interval evaluations (see include/synccert/kfun.h). */
#include "kfun_internal.h"
#include "synccert/kernel.h"

/* (M6): a power series f with non-negative coefficients over [c1, c2] in
   [-1, 0], from f1 = f(c1), g1 = f(-c1), f2 = f(c2), g2 = f(-c2):
   [(f2 + g2 + f1 - g1)/2, (f1 + g1 + f2 - g2)/2]. */
static void parity_range(arb_t z, const arb_t f1, const arb_t g1, const arb_t f2,
                         const arb_t g2, slong prec)
{
    arb_t lo, hi;
    arb_init(lo);
    arb_init(hi);
    arb_add(lo, f2, g2, prec);
    arb_add(lo, lo, f1, prec);
    arb_sub(lo, lo, g1, prec);
    arb_mul_2exp_si(lo, lo, -1);
    arb_add(hi, f1, g1, prec);
    arb_add(hi, hi, f2, prec);
    arb_sub(hi, hi, g2, prec);
    arb_mul_2exp_si(hi, hi, -1);
    _sc_kfun_range(z, lo, hi, prec);
    arb_clear(lo);
    arb_clear(hi);
}

/* which: 0 K, 1 K', 2 D; the (M6) range over [r1, r2] (r2 <= 0, s = 0)
   from the cached point values at r1, r2, -r1, -r2 */
static void parity_enclose(arb_t z, sc_kfun_t kf, int which, const arf_t r1, const arf_t r2)
{
    arb_t f1, g1, f2, g2;
    arf_t n;
    const arf_struct *pt[4];
    arb_ptr out[4];
    slong i;
    arb_init(f1);
    arb_init(g1);
    arb_init(f2);
    arb_init(g2);
    arf_init(n);
    pt[0] = r1; pt[2] = r2;
    out[0] = f1; out[1] = g1; out[2] = f2; out[3] = g2;
    for (i = 0; i < 4; i++)
    {
        const arf_struct *r = pt[i & 2];
        if (i & 1)
        {
            arf_neg(n, r);
            r = n;
        }
        if (which == 0)
            sc_kfun_point(out[i], NULL, kf, r);
        else if (which == 1)
            sc_kfun_point(NULL, out[i], kf, r);
        else
            sc_kfun_point_D(out[i], kf, r);
    }
    parity_range(z, f1, g1, f2, g2, kf->prec);
    arb_clear(f1);
    arb_clear(g1);
    arb_clear(f2);
    arb_clear(g2);
    arf_clear(n);
}

int sc_kfun_interval_dD(arb_t dD, sc_kfun_t kf, const arf_t r1, const arf_t r2,
                        const arb_t D, const arb_t dK)
{
    slong prec = kf->prec;
    arb_t t, u;
    int st = SC_OK;
    if (arf_cmp_si(r2, 1) >= 0 || !arb_is_finite(kf->dK1))
    {
        arb_indeterminate(dD);
        return SC_OK;
    }
    arb_init(t);
    arb_init(u);
    /* D' = (D - K')/(1 - rho) on the box */
    _sc_kfun_box(u, r1, r2, 4 * prec + 64);
    arb_sub_si(u, u, 1, prec);
    arb_neg(u, u);
    arb_sub(t, D, dK, prec);
    arb_div(dD, t, u, prec);
    arb_set_arf(u, r1);
    sc_kfun_corr(u, kf, u);
    if (arb_is_nonnegative(u))
    {
        /* (M5): D'(r1) <= D' <= D'(r2) */
        arb_t a;
        arb_init(a);
        st = sc_kfun_point_dD(a, kf, r1);
        if (st == SC_OK)
            st = sc_kfun_point_dD(t, kf, r2);
        _sc_kfun_range(u, a, t, prec);
        _sc_kfun_isect(dD, u, prec);
        arb_clear(a);
    }
    arb_clear(t);
    arb_clear(u);
    return st;
}

int sc_kfun_interval(arb_t Kout, arb_t dKout, arb_t Dout, sc_kfun_t kf, const arf_t r1, const arf_t r2)
{
    slong prec = kf->prec;
    arb_t box, c1, c2, cbox, h, mid, K, dK, D, t, u, v, a1, a2, omr;
    arf_t m;
    int cpos, parity, st = SC_OK;

    if (arf_equal(r1, r2))
    {
        if (Kout || dKout)
            st = sc_kfun_point(Kout, dKout, kf, r1);
        if (Dout && st == SC_OK)
            st = sc_kfun_point_D(Dout, kf, r1);
        return st;
    }

    arb_init(box);
    arb_init(c1);
    arb_init(c2);
    arb_init(cbox);
    arb_init(h);
    arb_init(mid);
    arb_init(K);
    arb_init(dK);
    arb_init(D);
    arb_init(t);
    arb_init(u);
    arb_init(v);
    arb_init(a1);
    arb_init(a2);
    arb_init(omr);
    arf_init(m);

    _sc_kfun_box(box, r1, r2, 4 * prec + 64);
    arf_add(m, r1, r2, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(m, m, -1);
    arb_set_arf(mid, m);
    arb_set_arf(h, r2);
    arb_sub_arf(h, h, r1, prec);
    arb_mul_2exp_si(h, h, -1);
    arb_set_arf(t, r1);
    sc_kfun_corr(c1, kf, t);
    arb_set_arf(t, r2);
    sc_kfun_corr(c2, kf, t);
    arb_union(cbox, c1, c2, prec);
    cpos = arb_is_nonnegative(c1);
    /* (M6) where neither a closed form nor the series covers the box: it
       costs point values at -r1, -r2 but removes the dependency problem of
       the mean-value forms (their width is O(h |K''|) instead of O(h K'(1))) */
    parity = arb_is_zero(kf->s) && arf_sgn(r2) <= 0 && !kf->closed &&
             !_sc_kfun_series_ok(kf, cbox);
    /* 1 - box */
    arb_one(omr);
    arb_sub(omr, omr, box, prec);

    /* --- K' over the box --- */
    _sc_kfun_sym_bound(dK, kf->dK1, prec);                               /* (M3) */
    if (cpos)                                                   /* (M1) */
    {
        sc_kfun_point(NULL, a1, kf, r1);
        sc_kfun_point(NULL, a2, kf, r2);
        _sc_kfun_range(t, a1, a2, prec);
        _sc_kfun_isect(dK, t, prec);
    }
    if (kf->closed)
    {
        if (sc_kernel_eval(NULL, t, kf->def, kf->p, kf->np, box, kf->q, kf->s, SC_KM_CLOSED, prec) == SC_OK)
            _sc_kfun_isect(dK, t, prec);
    }
    else if (_sc_kfun_series_ok(kf, cbox))
    {
        _sc_kfun_series_eval(NULL, t, kf, cbox);
        _sc_kfun_isect(dK, t, prec);
    }
    if (parity && arb_is_finite(kf->dK1))
    {
        parity_enclose(t, kf, 1, r1, r2);
        _sc_kfun_isect(dK, t, prec);
    }

    /* --- K over the box --- */
    if (Kout != NULL || Dout != NULL)
    {
        _sc_kfun_sym_bound(K, kf->K1, prec);
        if (cpos)
        {
            sc_kfun_point(a1, NULL, kf, r1);
            sc_kfun_point(a2, NULL, kf, r2);
            _sc_kfun_range(t, a1, a2, prec);
            _sc_kfun_isect(K, t, prec);
        }
        if (parity || (!arb_is_finite(dK) && arb_is_zero(kf->s) && arf_sgn(r2) <= 0))
        {
            /* (M6); (M4) where K' is unbounded and no mean-value form
               exists (step, sign at rho = -1) */
            parity_enclose(t, kf, 0, r1, r2);
            _sc_kfun_isect(K, t, prec);
        }
        if (arb_is_finite(dK))
        {
            /* mean value form K(mid) + K'(box) [-h, h] */
            sc_kfun_point(t, NULL, kf, m);
            arb_zero(u);
            arb_add_error(u, h);
            arb_mul(u, u, dK, prec);
            arb_add(t, t, u, prec);
            _sc_kfun_isect(K, t, prec);
        }
        if (kf->closed)
        {
            if (sc_kernel_eval(t, NULL, kf->def, kf->p, kf->np, box, kf->q, kf->s, SC_KM_CLOSED, prec) == SC_OK)
                _sc_kfun_isect(K, t, prec);
        }
    }

    /* --- D over the box --- */
    if (Dout != NULL)
    {
        _sc_kfun_sym_bound(D, kf->dK1, prec);
        if (cpos)
        {
            /* (M1), (M2): D(r1) <= D <= D(r2) */
            sc_kfun_point_D(a1, kf, r1);
            sc_kfun_point_D(a2, kf, r2);
            _sc_kfun_range(t, a1, a2, prec);
            _sc_kfun_isect(D, t, prec);
        }
        if (parity && arb_is_finite(kf->dK1))
        {
            parity_enclose(t, kf, 2, r1, r2);
            _sc_kfun_isect(D, t, prec);
        }
        if (arf_cmp_si(r2, 1) < 0)
        {
            /* direct: (K(1) - K(box)) / (1 - box) */
            arb_sub(t, kf->K1, K, prec);
            arb_div(t, t, omr, prec);
            _sc_kfun_isect(D, t, prec);
            /* mean value: D(mid) + D'(box) [-h, h], D' = (D - K') / (1 - rho) */
            if (arb_is_finite(D) && arb_is_finite(dK))
            {
                arb_sub(u, D, dK, prec);
                arb_div(u, u, omr, prec);
                arb_zero(v);
                arb_add_error(v, h);
                arb_mul(u, u, v, prec);
                sc_kfun_point_D(t, kf, m);
                arb_add(t, t, u, prec);
                _sc_kfun_isect(D, t, prec);
            }
        }
        arb_set(Dout, D);
    }
    if (Kout != NULL)
        arb_set(Kout, K);
    if (dKout != NULL)
        arb_set(dKout, dK);

    arb_clear(box);
    arb_clear(c1);
    arb_clear(c2);
    arb_clear(cbox);
    arb_clear(h);
    arb_clear(mid);
    arb_clear(K);
    arb_clear(dK);
    arb_clear(D);
    arb_clear(t);
    arb_clear(u);
    arb_clear(v);
    arb_clear(a1);
    arb_clear(a2);
    arb_clear(omr);
    arf_clear(m);
    return sc_budget_expired() ? sc_budget_status() : st;
}
