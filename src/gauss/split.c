/* Gaussian expectations of piecewise analytic integrands with kinks at
   inexact points, and tails with exponential growth (see gauss.h and
   doc/model.md 8.2, 8.3).

   Pieces.  The line is cut at the midpoints m_i of the split balls B_i;
   on the segment after m_i the integrand is evaluated as the analytic
   continuation of piece i + 1 (the caller's F reads *piece).  The true
   kink lies somewhere in B_i, so on B_i the integrand used may be the
   wrong branch; with f the true integrand (enclosed on B_i by F with
   *piece = -1, any valid enclosure of the real values) the error is at
   most
       2 rad(B_i) (sup_{B_i} |F_i - f| + sup_{B_i} |F_{i+1} - f|),
   added to the result (nothing for exact points).

   Exponential tails.  For |F(x)| <= e^{c|x|} sum_j g_j |x|^j and R > c,
       int_R^inf x^j e^{c x} phi(x) dx = e^{c^2/2} int_R^inf x^j phi(x - c) dx
                                       = e^{c^2/2} int_{R-c}^inf (y + c)^j phi(y) dy,
   and (y + c)^j expands with non-negative coefficients for y >= 0, so the
   polynomial tail bound at R - c applies to sum_j g_j (c + y)^j. */
#include <math.h>
#include "synccert/gauss.h"

typedef struct
{
    acb_calc_func_t F;
    void *param;
}
weighted_ctx;

static int weighted(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    weighted_ctx *w = param;
    acb_t wt;
    int r;
    r = w->F(out, z, w->param, order, prec);
    if (!acb_is_finite(out))
        return r;
    acb_init(wt);
    sc_gauss_weight(wt, z, prec);
    acb_mul(out, out, wt, prec);
    acb_clear(wt);
    return r;
}

/* upper bound of max(x, 0) as an exact ball */
static void ubound(arb_t y, const arb_t x, slong prec)
{
    arb_get_ubound_arf(arb_midref(y), x, prec);
    mag_zero(arb_radref(y));
    if (arf_sgn(arb_midref(y)) < 0)
        arb_zero(y);
}

void sc_gauss_tail_bound_rate(arb_t T, const arb_t R, arb_srcptr g, slong ng, const arb_t rate, slong prec)
{
    arb_t c, Rc, e;
    arb_ptr h;
    slong nh;
    if (rate == NULL || arb_is_zero(rate))
    {
        sc_gauss_tail_bound(T, R, g, ng, prec);
        return;
    }
    arb_init(c);
    arb_init(Rc);
    arb_init(e);
    ubound(c, rate, prec);
    arb_sub(Rc, R, c, prec);
    if (!arb_is_positive(Rc) || !arb_is_finite(c))
        arb_pos_inf(T);
    else
    {
        arb_t one;
        arb_init(one);
        arb_one(one);
        h = _arb_vec_init(ng);
        nh = sc_growth_affine(h, g, ng, c, one, prec);     /* sum g_j (c + y)^j */
        sc_gauss_tail_bound(T, Rc, h, nh, prec);
        arb_sqr(e, c, prec);
        arb_mul_2exp_si(e, e, -1);
        arb_exp(e, e, prec);
        arb_mul(T, T, e, prec);
        ubound(T, T, prec);
        _arb_vec_clear(h, ng);
        arb_clear(one);
    }
    arb_clear(c);
    arb_clear(Rc);
    arb_clear(e);
}

slong sc_growth_smooth_rate(arb_ptr h, arb_t factor, arb_srcptr g, slong ng, const arb_t A, const arb_t B,
                            const arb_t rate, slong prec)
{
    arb_t beta, Bb, one;
    arb_ptr s;
    slong n;
    if (rate == NULL || arb_is_zero(rate))
    {
        arb_one(factor);
        return sc_growth_smooth(h, g, ng, A, B, prec);
    }
    /* E[e^{beta|Y|} f(|Y|)] <= 2 e^{beta^2/2} E[f(|Y| + beta)], beta = c B */
    arb_init(beta);
    arb_init(Bb);
    arb_init(one);
    arb_one(one);
    ubound(beta, rate, prec);
    arb_mul(beta, beta, B, prec);
    arb_mul(Bb, B, beta, prec);
    s = _arb_vec_init(ng);
    sc_growth_affine(s, g, ng, Bb, one, prec);          /* P(v + B beta) */
    n = sc_growth_smooth(h, s, ng, A, B, prec);
    arb_sqr(factor, beta, prec);
    arb_mul_2exp_si(factor, factor, -1);
    arb_exp(factor, factor, prec);
    arb_mul_2exp_si(factor, factor, 1);
    ubound(factor, factor, prec);
    _arb_vec_clear(s, ng);
    arb_clear(beta);
    arb_clear(Bb);
    arb_clear(one);
    return n;
}

void sc_split_point(arf_t xi, arb_srcptr k, slong n, slong j)
{
    arf_t t;
    arf_init(t);
    if (n == 0)
        arf_zero(xi);
    else if (j == 0)
    {
        arb_get_lbound_arf(t, k + 0, ARF_PREC_EXACT);
        arf_sub_ui(xi, t, 1, ARF_PREC_EXACT, ARF_RND_DOWN);
    }
    else if (j == n)
    {
        arb_get_ubound_arf(t, k + n - 1, ARF_PREC_EXACT);
        arf_add_ui(xi, t, 1, ARF_PREC_EXACT, ARF_RND_DOWN);
    }
    else
    {
        arb_get_ubound_arf(t, k + j - 1, ARF_PREC_EXACT);
        arb_get_lbound_arf(xi, k + j, ARF_PREC_EXACT);
        arf_add(xi, xi, t, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(xi, xi, -1);
    }
    arf_clear(t);
}

int sc_split_insert(arb_ptr k, slong *n, slong cap, arb_srcptr r, slong m, slong prec)
{
    slong tot = *n + m, i, j, out = 0;
    arb_ptr all = _arb_vec_init(FLINT_MAX(tot, 1));
    _arb_vec_set(all, k, *n);
    _arb_vec_set(all + *n, r, m);
    for (i = 1; i < tot; i++)          /* insertion sort by lower bound */
        for (j = i; j > 0; j--)
        {
            arf_t x, y;
            int gt;
            arf_init(x);
            arf_init(y);
            arb_get_lbound_arf(x, all + j - 1, prec);
            arb_get_lbound_arf(y, all + j, prec);
            gt = arf_cmp(x, y) > 0;
            arf_clear(x);
            arf_clear(y);
            if (!gt)
                break;
            arb_swap(all + j - 1, all + j);
        }
    for (i = 0; i < tot; i++)
    {
        if (out > 0 && arb_overlaps(all + out - 1, all + i))
            arb_union(all + out - 1, all + out - 1, all + i, prec);
        else
            arb_set(all + out++, all + i);
    }
    if (out > cap)
    {
        _arb_vec_clear(all, FLINT_MAX(tot, 1));
        return 0;
    }
    _arb_vec_set(k, all, out);
    *n = out;
    _arb_vec_clear(all, FLINT_MAX(tot, 1));
    return 1;
}

/* the sliver error of split ball B between pieces i and i + 1 */
static void sliver(mag_t err, acb_calc_func_t F, void *param, const arb_t B, slong i, slong *piece, slong prec)
{
    acb_t z, E, Fi, d;
    mag_t m;
    slong k;
    acb_init(z);
    acb_init(E);
    acb_init(Fi);
    acb_init(d);
    mag_init(m);
    acb_set_arb(z, B);
    *piece = -1;
    F(E, z, param, 0, prec);
    mag_zero(err);
    for (k = i; k <= i + 1; k++)
    {
        *piece = k;
        F(Fi, z, param, 0, prec);
        acb_sub(d, Fi, E, prec);
        acb_get_mag(m, d);
        mag_add(err, err, m);
    }
    mag_mul(err, err, arb_radref(B));
    mag_mul_2exp_si(err, err, 1);
    acb_clear(z);
    acb_clear(E);
    acb_clear(Fi);
    acb_clear(d);
    mag_clear(m);
}

int sc_gauss_integrate_split(acb_t res, acb_calc_func_t F, void *param, const arb_t a, const arb_t b,
                             arb_srcptr split, slong nsplit, slong *piece, arb_ptr left, slong prec)
{
    acb_t lo, hi, val;
    arb_t m;
    mag_t err, e1;
    slong i, idx = 0;
    int st = SC_OK;

    acb_init(lo);
    acb_init(hi);
    acb_init(val);
    arb_init(m);
    mag_init(err);
    mag_init(e1);
    acb_zero(res);
    acb_set_arb(lo, a);
    for (i = 0; i <= nsplit; i++)
    {
        int cut;
        if (i < nsplit)
        {
            arb_get_mid_arb(m, split + i);
            /* slivers of inexact points that meet [a, b] */
            if (piece != NULL && !arb_is_exact(split + i) &&
                !arb_lt(split + i, a) && !arb_gt(split + i, b))
            {
                slong save = *piece;
                sliver(e1, F, param, split + i, i, piece, prec);
                mag_add(err, err, e1);
                *piece = save;
            }
            if (arb_le(m, acb_realref(lo)))
            {
                idx = i + 1;        /* the whole range lies right of this point */
                continue;
            }
            if (arb_ge(m, b))
                continue;           /* right of the range */
            acb_set_arb(hi, m);
            cut = 1;
        }
        else
        {
            acb_set_arb(hi, b);
            cut = 0;
        }
        if (piece != NULL)
            *piece = idx;
        if (left != NULL)
            arb_set(left, acb_realref(lo));
        st = sc_gauss_integrate(val, F, param, lo, hi, prec);     /* polls the budget */
        acb_add(res, res, val, prec);
        if (st != SC_OK)
            break;
        acb_swap(lo, hi);
        if (cut)
            idx = i + 1;
    }
    arb_add_error_mag(acb_realref(res), err);
    arb_add_error_mag(acb_imagref(res), err);
    if (st != SC_OK)
        acb_indeterminate(res);
    acb_clear(lo);
    acb_clear(hi);
    acb_clear(val);
    arb_clear(m);
    mag_clear(err);
    mag_clear(e1);
    return st;
}

int sc_gauss_expect_split(acb_t res, acb_calc_func_t F, void *param,
                          arb_srcptr split, slong nsplit, slong *piece, arb_ptr left,
                          arb_srcptr g, slong ng, const arb_t rate, int even, slong prec)
{
    weighted_ctx w;
    arb_t R, T, a;
    int st;
    w.F = F;
    w.param = param;
    arb_init(R);
    arb_init(T);
    arb_init(a);
    sc_gauss_cutoff_rate(R, T, g, ng, rate, 0, prec);
    if (even)
        arb_zero(a);
    else
        arb_neg(a, R);
    st = sc_gauss_integrate_split(res, weighted, &w, a, R, split, nsplit, piece, left, prec);
    if (even)
        acb_mul_2exp_si(res, res, 1);
    /* tails: |int_{|x|>R}| <= T, added to real and imaginary radii */
    arb_add_error(acb_realref(res), T);
    arb_add_error(acb_imagref(res), T);
    arb_clear(R);
    arb_clear(T);
    arb_clear(a);
    return st;
}
