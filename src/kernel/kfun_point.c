/* Point values of K, K' and D at exact rho, cached per rho: the closed
   form, the Hermite series where its tail is negligible, or the kernel's
   integrals (see include/synccert/kfun.h). */
#include "kfun_internal.h"
#include "synccert/kernel.h"

static slong cache_find(const sc_kfun_t kf, const arf_t rho)
{
    slong i;
    /* most lookups hit recent entries */
    for (i = kf->ncache - 1; i >= 0 && i >= kf->ncache - 64; i--)
        if (arf_equal(kf->cache[i].rho, rho))
            return i;
    return -1;
}

static slong cache_add(sc_kfun_t kf, const arf_t rho)
{
    sc_kfun_entry *e;
    if (kf->ncache == kf->acache)
    {
        kf->acache = FLINT_MAX(16, 2 * kf->acache);
        kf->cache = flint_realloc(kf->cache, kf->acache * sizeof(sc_kfun_entry));
    }
    e = kf->cache + kf->ncache;
    arf_init(e->rho);
    arf_set(e->rho, rho);
    arb_init(e->K);
    arb_init(e->dK);
    e->has_K = e->has_dK = 0;
    return kf->ncache++;
}

/* uncached point values; always valid (falls back to |K| <= K(1),
   |K'| <= K'(1)) */
static void point_raw(arb_t K, arb_t dK, sc_kfun_t kf, const arf_t rho)
{
    arb_t r, c;
    int done = 0;
    arb_init(r);
    arb_init(c);
    arb_set_arf(r, rho);
    kf->npoint_evals++;
    if (arf_is_one(rho))
    {
        if (K) arb_set(K, kf->K1);
        if (dK) arb_set(dK, kf->dK1);
        done = 1;
    }
    if (!done)
    {
        sc_kfun_corr(c, kf, r);
        if (!kf->closed && _sc_kfun_series_ok(kf, c))
        {
            _sc_kfun_series_eval(K, dK, kf, c);
            done = 1;
        }
    }
    if (!done)
    {
        /* integral methods at a reduced precision: enough for the enclosure
           widths the branch-and-bound needs, and several times faster */
        int st = sc_kernel_eval(K, dK, kf->def, kf->p, kf->np, r, kf->q, kf->s, kf->method,
                                FLINT_MAX(32, kf->prec - 32));
        if (st != SC_OK)
        {
            if (K) _sc_kfun_sym_bound(K, kf->K1, kf->prec);
            if (dK) _sc_kfun_sym_bound(dK, kf->dK1, kf->prec);
        }
        else
        {
            /* |K| <= K(1), |K'| <= K'(1) */
            arb_t b;
            arb_init(b);
            if (K)
            {
                _sc_kfun_sym_bound(b, kf->K1, kf->prec);
                _sc_kfun_isect(K, b, kf->prec);
            }
            if (dK)
            {
                _sc_kfun_sym_bound(b, kf->dK1, kf->prec);
                _sc_kfun_isect(dK, b, kf->prec);
            }
            arb_clear(b);
        }
    }
    arb_clear(r);
    arb_clear(c);
}

int sc_kfun_point(arb_t K, arb_t dK, sc_kfun_t kf, const arf_t rho)
{
    slong i = cache_find(kf, rho);
    sc_kfun_entry *e;
    if (i < 0)
        i = cache_add(kf, rho);
    e = kf->cache + i;
    if ((K != NULL && !e->has_K) || (dK != NULL && !e->has_dK))
    {
        /* compute both when the method gives both cheaply */
        int wantK = K != NULL || kf->closed || kf->M >= 0;
        int wantdK = dK != NULL || kf->closed || kf->M >= 0;
        arb_t k1, k2;
        arb_init(k1);
        arb_init(k2);
        point_raw((wantK && !e->has_K) ? k1 : NULL, (wantdK && !e->has_dK) ? k2 : NULL, kf, rho);
        e = kf->cache + i;
        if (wantK && !e->has_K)
        {
            arb_swap(e->K, k1);
            e->has_K = 1;
        }
        if (wantdK && !e->has_dK)
        {
            arb_swap(e->dK, k2);
            e->has_dK = 1;
        }
        arb_clear(k1);
        arb_clear(k2);
    }
    if (K) arb_set(K, e->K);
    if (dK) arb_set(dK, e->dK);
    return sc_budget_expired() ? sc_budget_status() : SC_OK;
}

int sc_kfun_point_D(arb_t D, sc_kfun_t kf, const arf_t rho)
{
    slong prec = kf->prec;
    int st;
    if (arf_is_one(rho))
    {
        arb_set(D, kf->dK1);
        return SC_OK;
    }
    {
        arb_t K, u, dK;
        arb_init(K);
        arb_init(u);
        arb_init(dK);
        st = sc_kfun_point(K, NULL, kf, rho);
        arb_sub(D, kf->K1, K, prec);
        arb_one(u);
        arb_sub_arf(u, u, rho, prec);
        arb_div(D, D, u, prec);
        /* (M2): K'(rho) <= D(rho) <= K'(1) when c(rho) >= 0; always |D| <= K'(1) */
        _sc_kfun_sym_bound(u, kf->dK1, prec);
        _sc_kfun_isect(D, u, kf->prec);
        arb_set_arf(u, rho);
        sc_kfun_corr(u, kf, u);
        if (arb_is_nonnegative(u) && arb_is_finite(kf->dK1))
        {
            sc_kfun_point(NULL, dK, kf, rho);
            _sc_kfun_range(u, dK, kf->dK1, prec);
            _sc_kfun_isect(D, u, prec);
            /* (M7) K' convex where c >= 0, and D the mean of K' over
               [rho, 1]: K'((1+rho)/2) <= D <= (K'(rho) + K'(1))/2.  Second
               order in 1 - rho where the division by 1 - rho magnifies the
               error of K(rho) (integrals near rho = 1); it costs the point
               value at (1+rho)/2, so only when D is still wide. */
            if (mag_cmp_2exp_si(arb_radref(D), -prec / 2) > 0)
            {
                arb_t lo;
                arf_t m;
                arb_init(lo);
                arf_init(m);
                arf_add_si(m, rho, 1, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul_2exp_si(m, m, -1);
                sc_kfun_point(NULL, lo, kf, m);
                arb_add(u, dK, kf->dK1, prec);
                arb_mul_2exp_si(u, u, -1);
                _sc_kfun_range(u, lo, u, prec);
                _sc_kfun_isect(D, u, prec);
                arb_clear(lo);
                arf_clear(m);
            }
        }
        arb_clear(K);
        arb_clear(u);
        arb_clear(dK);
    }
    return st;
}

int sc_kfun_point_dD(arb_t dD, sc_kfun_t kf, const arf_t rho)
{
    slong prec = kf->prec;
    arb_t D, dK, u;
    int st;
    if (arf_cmp_si(rho, 1) >= 0 || !arb_is_finite(kf->dK1))
    {
        arb_indeterminate(dD);      /* D'(1) = K''(1)/2 is not computed */
        return SC_OK;
    }
    arb_init(D);
    arb_init(dK);
    arb_init(u);
    /* D' = (D - K')/(1 - rho): differentiate K(1) - K = (1 - rho) D */
    st = sc_kfun_point_D(D, kf, rho);
    if (st == SC_OK)
        st = sc_kfun_point(NULL, dK, kf, rho);
    arb_sub(dD, D, dK, prec);
    arb_one(u);
    arb_sub_arf(u, u, rho, prec);
    arb_div(dD, dD, u, prec);
    arb_clear(D);
    arb_clear(dK);
    arb_clear(u);
    return st;
}
