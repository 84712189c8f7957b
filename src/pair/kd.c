/* The divided difference D(x) = (K(1) - K(x)) / (1 - x) on [0, 1] for an
   odd activation with s = 0, from its closed-form kernel or from its
   Hermite series with certified tails (doc/model.md section 9.4; see
   pairint.h).  Why D and not K: near x = 1 the scale integrand needs
   K(1) - K(x) with its cancellation removed, and D has non-negative Taylor
   coefficients (F6), which the majorants of scale.c rely on. */
#include <math.h>
#include "pairint.h"
#include "synccert/kfun.h"

/* Largest series order tried (odd phi: about 200 coefficients). */
#define KD_MMAX 399

void _sc_pair_kd_clear(_sc_pair_kd *kd)
{
    if (kd->p != NULL)
        _arb_vec_clear(kd->p, FLINT_MAX(kd->np, 1));
    if (kd->B != NULL)
        _arb_vec_clear(kd->B, FLINT_MAX(kd->M, 1));
    arb_clear(kd->t2);
    arb_clear(kd->K1);
    arb_clear(kd->dK1);
    arb_clear(kd->T0);
    arb_clear(kd->T1);
    kd->p = kd->B = NULL;
}

/* Does the closed-form kernel answer for these parameters? */
static int closed_available(_sc_pair_kd *kd)
{
    arb_t c, K;
    int ok;
    if (kd->def->kernel == NULL)
        return 0;
    arb_init(c);
    arb_init(K);
    arb_set_d(c, 0.25);
    ok = kd->def->kernel(kd->def, K, NULL, c, kd->t2, kd->p, kd->prec) && arb_is_finite(K);
    arb_clear(c);
    arb_clear(K);
    return ok;
}

/* T = upper bound of (total - partial), at least 0, as an exact ball */
static void tail_ub(arb_t T, const arb_t total, const arb_t partial, slong prec)
{
    arb_t u;
    arb_init(u);
    arb_sub(u, total, partial, prec);
    arb_get_ubound_arf(arb_midref(T), u, prec);
    mag_zero(arb_radref(T));
    if (arf_sgn(arb_midref(T)) < 0 || !arb_is_finite(u))
    {
        if (arb_is_finite(u))
            arf_zero(arb_midref(T));
        else
            arb_pos_inf(T);
    }
    arb_clear(u);
}

/* The odd Hermite coefficients A_n of phi(t .) until both tails
   T0 = K(1) - sum A_n^2 and T1 = K'(1) - sum n A_n^2 are below target, or
   the certified T1 stops improving (four odd orders in a row: the
   coefficients' balls are no longer accurate), or n > KD_MMAX.  The
   order with the smallest certified T1 is kept. */
static int build_series(_sc_pair_kd *kd, const arb_t target)
{
    slong bp = FLINT_MAX(kd->prec + 48, 96), n, best_M = -1, bad = 0, j;
    arb_ptr A2 = _arb_vec_init(KD_MMAX + 1);
    arb_t t, A, S0, S1, T0, T1, bT0, bT1;
    int st = SC_OK;

    arb_init(t);
    arb_init(A);
    arb_init(S0);
    arb_init(S1);
    arb_init(T0);
    arb_init(T1);
    arb_init(bT0);
    arb_init(bT1);
    arb_pos_inf(bT0);
    arb_pos_inf(bT1);
    arb_sqrt(t, kd->t2, bp);
    for (n = 1; n <= KD_MMAX; n += 2)       /* phi odd: even coefficients vanish */
    {
        if ((st = sc_kfun_hermite_coeff(A, kd->def, kd->p, t, n, bp)) != SC_OK)
            break;
        arb_sqr(A2 + n, A, bp);
        arb_add(S0, S0, A2 + n, bp);
        arb_addmul_ui(S1, A2 + n, n, bp);
        tail_ub(T0, kd->K1, S0, bp);
        tail_ub(T1, kd->dK1, S1, bp);
        if (arb_lt(T1, bT1) || (!arb_is_finite(bT1) && arb_lt(T0, bT0)))
        {
            arb_set(bT0, T0);
            arb_set(bT1, T1);
            best_M = n;
            bad = 0;
        }
        else if (++bad >= 4)
            break;
        if (arb_le(T1, target) && arb_le(T0, target))
            break;
    }
    if (st == SC_OK && best_M < 0)
        st = sc_error(SC_ERR_UNSUPPORTED, "%s: no usable Hermite coefficient", kd->def->name);
    if (st == SC_OK)
    {
        kd->M = best_M;
        arb_set(kd->T0, bT0);
        arb_set(kd->T1, bT1);
        /* B_j = sum_{j < n <= M} A_n^2: D_M(x) = sum_j B_j x^j */
        kd->B = _arb_vec_init(FLINT_MAX(kd->M, 1));
        for (j = kd->M - 1; j >= 0; j--)
        {
            if (j + 1 < kd->M)
                arb_set(kd->B + j, kd->B + j + 1);
            arb_add(kd->B + j, kd->B + j, A2 + j + 1, bp);
        }
    }
    _arb_vec_clear(A2, KD_MMAX + 1);
    arb_clear(t);
    arb_clear(A);
    arb_clear(S0);
    arb_clear(S1);
    arb_clear(T0);
    arb_clear(T1);
    arb_clear(bT0);
    arb_clear(bT1);
    return st;
}

int _sc_pair_kd_init(_sc_pair_kd *kd, const sc_act_t act, const fmpq_t q, const arb_t K1,
                     const arb_t dK1, int method, const arb_t tail_target, slong prec,
                     slong hprec)
{
    kd->def = act->def;
    kd->np = sc_act_nparams(act);
    kd->p = sc_act_params(act, hprec);
    kd->B = NULL;
    kd->M = 0;
    kd->prec = prec;
    kd->hprec = hprec;
    kd->evals = 0;
    arb_init(kd->t2);
    arb_init(kd->K1);
    arb_init(kd->dK1);
    arb_init(kd->T0);
    arb_init(kd->T1);
    if (q != NULL)
        arb_set_fmpq(kd->t2, q, hprec);
    else
        arb_one(kd->t2);
    arb_set(kd->K1, K1);
    arb_set(kd->dK1, dK1);
    if (method != SC_PAIR_KD_SERIES && closed_available(kd))
    {
        kd->method = SC_PAIR_KD_CLOSED;
        return SC_OK;
    }
    if (method == SC_PAIR_KD_CLOSED)
        return sc_error(SC_ERR_UNSUPPORTED, "%s has no closed-form kernel", act->def->name);
    if (!arb_is_finite(dK1))
        return sc_error(SC_ERR_UNSUPPORTED, "%s: K'(1) is infinite and there is no closed-form kernel: "
                        "the scale integral cannot be enclosed", act->def->name);
    kd->method = SC_PAIR_KD_SERIES;
    return build_series(kd, tail_target);
}

/* Bits lost to the cancellation in K(1) - K(x): about -log2(1 - x). */
static slong cancel_bits(const arb_t x)
{
    arf_t u;
    slong e;
    arf_init(u);
    arb_get_ubound_arf(u, x, 64);
    arf_sub_si(u, u, 1, 64, ARF_RND_UP);        /* x - 1 < 0 */
    arf_neg(u, u);
    e = arf_is_zero(u) || arf_sgn(u) < 0 ? 0 : -arf_abs_bound_lt_2exp_si(u);
    arf_clear(u);
    return FLINT_MAX(e, 0);
}

void _sc_pair_kd_D(arb_t D, _sc_pair_kd *kd, const arb_t x)
{
    slong prec = kd->prec;
    arb_t t, u;
    arb_init(t);
    arb_init(u);
    kd->evals++;
    if (kd->method == SC_PAIR_KD_CLOSED)
    {
        slong wp = FLINT_MIN(prec + 16 + cancel_bits(x), kd->hprec);
        arb_t one;
        arb_init(one);
        arb_one(one);
        if (!kd->def->kernel(kd->def, t, NULL, x, kd->t2, kd->p, wp) ||
            !kd->def->kernel(kd->def, u, NULL, one, kd->t2, kd->p, wp))
            arb_indeterminate(D);
        else
        {
            arb_sub(u, u, t, wp);
            arb_sub_si(t, x, 1, wp);
            arb_neg(t, t);
            arb_div(D, u, t, wp);
            arb_set_round(D, D, prec);
        }
        arb_clear(one);
    }
    else
    {
        slong j;
        /* Horner for sum_j B_j x^j, then the tail in [0, min(T1, T0/(1-x))] */
        arb_zero(t);
        for (j = kd->M - 1; j >= 0; j--)
        {
            arb_mul(t, t, x, prec);
            arb_add(t, t, kd->B + j, prec);
        }
        arb_sub_si(u, x, 1, prec);
        arb_neg(u, u);
        arb_div(u, kd->T0, u, prec);
        if (!arb_is_finite(u) || arb_gt(u, kd->T1))
            arb_set(u, kd->T1);
        arb_get_ubound_arf(arb_midref(u), u, prec);
        mag_zero(arb_radref(u));
        arb_mul_2exp_si(u, u, -1);
        arb_add(t, t, u, prec);
        arb_add_error(t, u);                    /* t + [0, tail] */
        arb_swap(D, t);
    }
    /* K(1) <= D(x) <= K'(1) for x in [0, 1] (F6) */
    if (arb_is_finite(kd->dK1))
    {
        arb_union(t, kd->K1, kd->dK1, prec);
        if (!arb_is_finite(D))
            arb_set(D, t);
        else if (arb_intersection(u, D, t, prec))
            arb_swap(D, u);
    }
    arb_clear(t);
    arb_clear(u);
}
