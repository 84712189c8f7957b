/* Interval extensions of K, K' and D = (K(1) - K(rho))/(1 - rho) with
   parameter balls (see include/synccert/kfun.h for the facts M1-M3):
   set-up and clean-up, the correlation map and the enclosure helpers the
   other kfun files share.  The Hermite series is in kfun_series.c, point
   values and their cache in kfun_point.c, the enclosures over intervals in
   kfun_interval.c. */
#include <string.h>
#include "kfun_internal.h"
#include "synccert/kernel.h"

/* z = z intersected with x when both are finite (both are enclosures of the
   same quantity); if z is not finite take x.  The intersection is rounded
   outward at prec bits: at ARF_PREC_EXACT its midpoint needs as many bits
   as the two ends' exponents differ, which for a box of elu with alpha in
   [1, 1.5] asked FLINT for 7.3 GB. */
void _sc_kfun_isect(arb_t z, const arb_t x, slong prec)
{
    if (!arb_is_finite(x))
        return;
    if (!arb_is_finite(z))
    {
        arb_set(z, x);
        return;
    }
    {
        arb_t t;
        arb_init(t);
        if (arb_intersection(t, z, x, prec))
            arb_swap(z, t);
        arb_clear(t);
    }
}

void _sc_kfun_box(arb_t box, const arf_t r1, const arf_t r2, slong prec)
{
    arf_t w;
    arf_init(w);
    arf_sub(w, r2, r1, MAG_BITS, ARF_RND_UP);
    arf_mul_2exp_si(w, w, -1);
    if (arf_bits(w) <= MAG_BITS && arf_bits(r1) <= prec && arf_bits(r2) <= prec)
    {
        arf_add(arb_midref(box), r1, r2, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(arb_midref(box), arb_midref(box), -1);
        arf_get_mag_lower(arb_radref(box), w);  /* exact: w has <= MAG_BITS bits (arf_get_mag
                                                   adds an ulp) */
    }
    else
        arb_set_interval_arf(box, r1, r2, prec);
    arf_clear(w);
}

/* [a.lo, b.hi] as a ball (a.lo <= b.hi assumed: enclosures of ordered values) */
void _sc_kfun_range(arb_t z, const arb_t a, const arb_t b, slong prec)
{
    arf_t lo, hi;
    if (!arb_is_finite(a) || !arb_is_finite(b))
    {
        arb_indeterminate(z);
        return;
    }
    arf_init(lo);
    arf_init(hi);
    arb_get_lbound_arf(lo, a, prec);
    arb_get_ubound_arf(hi, b, prec);
    if (arf_cmp(lo, hi) > 0)
        arf_swap(lo, hi);      /* cannot happen for valid enclosures */
    arb_set_interval_arf(z, lo, hi, prec);
    arf_clear(lo);
    arf_clear(hi);
}

/* z = [-|b|, |b|] for a bound b (non-finite if b is) */
void _sc_kfun_sym_bound(arb_t z, const arb_t b, slong prec)
{
    if (!arb_is_finite(b))
    {
        arb_indeterminate(z);
        return;
    }
    arb_zero(z);
    {
        arb_t u;
        arb_init(u);
        arb_abs(u, b);
        arb_add_error(z, u);
        arb_clear(u);
    }
}

void sc_kfun_corr(arb_t c, const sc_kfun_t kf, const arb_t rho)
{
    if (arb_is_one(rho))
    {
        arb_one(c);
        return;
    }
    arb_mul(c, kf->q, rho, kf->prec);
    arb_add(c, c, kf->s, kf->prec);
    arb_div(c, c, kf->t2, kf->prec);
}

static int kfun_init(sc_kfun_t kf, const sc_act_def *def, arb_srcptr p, slong np,
                     const arb_t q, const arb_t s, int series, slong prec);

/* On failure nothing is left allocated (callers do not clear then). */
int sc_kfun_init(sc_kfun_t kf, const sc_act_def *def, arb_srcptr p, slong np,
                 const arb_t q, const arb_t s, int series, slong prec)
{
    int st = kfun_init(kf, def, p, np, q, s, series, prec);
    if (st != SC_OK)
        sc_kfun_clear(kf);
    return st;
}

int sc_kfun_init_act(sc_kfun_t kf, const sc_act_t act, const fmpq_t q, const fmpq_t s,
                     int series, slong prec)
{
    arb_ptr par = sc_act_params(act, prec);
    arb_t qb, sb;
    int st;
    arb_init(qb);
    arb_init(sb);
    if (q) arb_set_fmpq(qb, q, prec); else arb_one(qb);
    if (s) arb_set_fmpq(sb, s, prec);
    st = sc_kfun_init(kf, act->def, par, sc_act_nparams(act), qb, sb, series, prec);
    sc_act_params_clear(par, act);
    arb_clear(qb);
    arb_clear(sb);
    return st;
}

static int kfun_init(sc_kfun_t kf, const sc_act_def *def, arb_srcptr p, slong np,
                     const arb_t q, const arb_t s, int series, slong prec)
{
    arb_t one;
    int st;
    memset(kf, 0, sizeof(sc_kfun_struct));
    kf->def = def;
    kf->np = np;
    kf->p = _arb_vec_init(FLINT_MAX(np, 1));
    _arb_vec_set(kf->p, p, np);
    arb_init(kf->q);
    arb_init(kf->s);
    arb_init(kf->t2);
    arb_init(kf->qt);
    arb_init(kf->K1);
    arb_init(kf->dK1);
    arb_init(kf->Km1);
    arb_init(kf->T0);
    arb_init(kf->T1);
    arb_init(kf->cmax);
    arb_set(kf->q, q);
    arb_set(kf->s, s);
    arb_add(kf->t2, q, s, prec);
    arb_div(kf->qt, q, kf->t2, prec);
    kf->prec = prec;
    kf->M = -1;
    kf->A2 = NULL;
    kf->closed = def->kernel != NULL;
    kf->method = SC_KM_AUTO;

    arb_init(one);
    arb_one(one);
    st = sc_kernel_eval(kf->K1, kf->dK1, def, kf->p, np, one, q, s, SC_KM_AUTO, prec);
    arb_clear(one);
    if (st != SC_OK)
        return st;
    if (sc_budget_expired())
        return sc_budget_error("kernel function", prec);
    /* is the closed form really available for these arguments?  (a kernel
       callback may decline) */
    if (kf->closed)
    {
        arb_t c, K;
        arb_init(c);
        arb_init(K);
        arb_set_d(c, 0.25);
        kf->closed = def->kernel(def, K, NULL, c, kf->t2, kf->p, prec);
        arb_clear(c);
        arb_clear(K);
    }
    if (series && !kf->closed && !(def->flags & SC_ACT_JUMP))
    {
        st = _sc_kfun_build_series(kf);
        if (st != SC_OK)
            return st == SC_ERR_BUDGET || st == SC_ERR_INTERRUPTED ? sc_budget_error("kernel function", prec) : st;
    }
    {
        arf_t m1;
        arf_init(m1);
        arf_set_si(m1, -1);
        st = sc_kfun_point(kf->Km1, NULL, kf, m1);
        arf_clear(m1);
    }
    return st;
}

void sc_kfun_clear(sc_kfun_t kf)
{
    slong i;
    _arb_vec_clear(kf->p, FLINT_MAX(kf->np, 1));
    arb_clear(kf->q);
    arb_clear(kf->s);
    arb_clear(kf->t2);
    arb_clear(kf->qt);
    arb_clear(kf->K1);
    arb_clear(kf->dK1);
    arb_clear(kf->Km1);
    arb_clear(kf->T0);
    arb_clear(kf->T1);
    arb_clear(kf->cmax);
    if (kf->A2 != NULL)
        _arb_vec_clear(kf->A2, SC_KFUN_SERIES_MMAX + 1);
    for (i = 0; i < kf->ncache; i++)
    {
        arf_clear(kf->cache[i].rho);
        arb_clear(kf->cache[i].K);
        arb_clear(kf->cache[i].dK);
    }
    flint_free(kf->cache);
    memset(kf, 0, sizeof(sc_kfun_struct));
}
