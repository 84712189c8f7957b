/* Enclosures of K, K' and D over an interval [r1, r2] of rho: monotone
   ranges where c >= 0 (M1, M2), |K'| <= K'(1) (M3), mean-value forms and
   direct interval evaluations (see include/synccert/kfun.h). */
#include "kfun_internal.h"
#include "synccert/kernel.h"

int sc_kfun_interval(arb_t Kout, arb_t dKout, arb_t Dout, sc_kfun_t kf, const arf_t r1, const arf_t r2)
{
    slong prec = kf->prec;
    arb_t box, c1, c2, cbox, h, mid, K, dK, D, t, u, v, a1, a2, omr;
    arf_t m;
    int cpos, st = SC_OK;

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
        if (!arb_is_finite(dK) && arb_is_zero(kf->s) && arf_sgn(r2) <= 0)
        {
            /* (M4) s = 0, rho <= 0: no mean-value form (K' unbounded, e.g.
               step at rho = -1), but c = rho and K = E(|rho|) - O(|rho|)
               with E, O the even and odd parts, both non-decreasing on
               [0, 1]: K in [E(-r2) - O(-r1), E(-r1) - O(-r2)] */
            arf_t n;
            arb_t lo2, hi2;
            arf_init(n);
            arb_init(lo2);
            arb_init(hi2);
            sc_kfun_point(a1, NULL, kf, r1);
            sc_kfun_point(a2, NULL, kf, r2);
            arf_neg(n, r1);
            sc_kfun_point(u, NULL, kf, n);          /* K(-r1) */
            arf_neg(n, r2);
            sc_kfun_point(v, NULL, kf, n);          /* K(-r2) */
            arb_add(lo2, v, a2, prec);
            arb_sub(lo2, lo2, u, prec);
            arb_add(lo2, lo2, a1, prec);            /* 2 (E(-r2) - O(-r1)) */
            arb_add(hi2, u, a1, prec);
            arb_sub(hi2, hi2, v, prec);
            arb_add(hi2, hi2, a2, prec);            /* 2 (E(-r1) - O(-r2)) */
            arb_mul_2exp_si(lo2, lo2, -1);
            arb_mul_2exp_si(hi2, hi2, -1);
            _sc_kfun_range(t, lo2, hi2, prec);
            _sc_kfun_isect(K, t, prec);
            arb_clear(lo2);
            arb_clear(hi2);
            arf_clear(n);
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
