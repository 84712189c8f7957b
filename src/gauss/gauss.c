/* Certified Gaussian expectations E[F(Z)] (see gauss.h).

   The real line is cut at +-R and at the kinks of F; each finite piece goes
   to acb_calc_integrate (rigorous Gauss-Legendre with error bounds from
   Bernstein ellipses, so F must be holomorphic on each open piece), and the
   two tails are bounded from the polynomial growth of |F|. */
#include <math.h>
#include <arb_hypgeom.h>
#include "synccert/gauss.h"

void sc_gauss_weight(acb_t res, const acb_t z, slong prec)
{
    acb_t t;
    arb_t c;
    acb_init(t);
    arb_init(c);
    acb_sqr(t, z, prec);
    acb_mul_2exp_si(t, t, -1);
    acb_neg(t, t);
    acb_exp(t, t, prec);
    arb_const_pi(c, prec);
    arb_mul_2exp_si(c, c, 1);
    arb_rsqrt(c, c, prec);
    acb_mul_arb(res, t, c, prec);
    acb_clear(t);
    arb_clear(c);
}

void sc_gauss_abs_moment(arb_t m, ulong k, slong prec)
{
    /* E|Y|^k = 2^{k/2} Gamma((k+1)/2) / sqrt(pi) */
    arb_t g, c;
    arb_init(g);
    arb_init(c);
    arb_set_ui(g, k + 1);
    arb_mul_2exp_si(g, g, -1);
    arb_gamma(g, g, prec);
    arb_set_ui(c, 2);
    arb_sqrt(c, c, prec);
    arb_pow_ui(c, c, k, prec);
    arb_mul(g, g, c, prec);
    arb_const_sqrt_pi(c, prec);
    arb_div(m, g, c, prec);
    arb_clear(g);
    arb_clear(c);
}

void sc_gauss_tail_bound(arb_t T, const arb_t R, arb_srcptr g, slong ng, slong prec)
{
    /* M_j = int_R^inf x^j phi(x) dx:  M_0 = erfc(R/sqrt2)/2, M_1 = phi(R),
       M_j = R^{j-1} phi(R) + (j-1) M_{j-2}. */
    arb_ptr M;
    arb_t phiR, t, u;
    slong j;

    M = _arb_vec_init(FLINT_MAX(ng, 2));
    arb_init(phiR);
    arb_init(t);
    arb_init(u);

    arb_sqr(t, R, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_neg(t, t);
    arb_exp(phiR, t, prec);
    arb_const_pi(t, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_rsqrt(t, t, prec);
    arb_mul(phiR, phiR, t, prec);

    arb_sqrt_ui(t, 2, prec);
    arb_div(t, R, t, prec);
    arb_hypgeom_erfc(M + 0, t, prec);
    arb_mul_2exp_si(M + 0, M + 0, -1);
    arb_set(M + 1, phiR);
    for (j = 2; j < ng; j++)
    {
        arb_pow_ui(t, R, j - 1, prec);
        arb_mul(t, t, phiR, prec);
        arb_mul_ui(u, M + j - 2, j - 1, prec);
        arb_add(M + j, t, u, prec);
    }

    arb_zero(T);
    for (j = 0; j < ng; j++)
    {
        /* use upper bounds of |g_j| and M_j */
        arb_get_abs_ubound_arf(arb_midref(t), g + j, prec);
        mag_zero(arb_radref(t));
        arb_get_abs_ubound_arf(arb_midref(u), M + j, prec);
        mag_zero(arb_radref(u));
        arb_addmul(T, t, u, prec);
    }
    arb_mul_2exp_si(T, T, 1);
    /* return an exact upper bound */
    arb_get_ubound_arf(arb_midref(T), T, prec);
    mag_zero(arb_radref(T));

    _arb_vec_clear(M, FLINT_MAX(ng, 2));
    arb_clear(phiR);
    arb_clear(t);
    arb_clear(u);
}

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

/* The integrand seen by acb_calc_integrate: F until the budget expires (or
   an interruption), then exactly 0 so that the integrator accepts every
   remaining piece at once instead of bisecting down to its evaluation
   limit (an indeterminate value makes it bisect: a stopped run took several
   times its budget).  The value integrated after the stop is meaningless
   and is never returned (sc_gauss_integrate). */
typedef struct
{
    acb_calc_func_t F;
    void *param;
    int stopped;
}
stop_ctx;

static int stoppable(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    stop_ctx *s = param;
    if (s->stopped || sc_budget_expired())
    {
        s->stopped = 1;
        acb_zero(out);
        return 0;
    }
    return s->F(out, z, s->param, order, prec);
}

int sc_gauss_integrate(acb_t res, acb_calc_func_t F, void *param, const acb_t a, const acb_t b, slong prec)
{
    acb_calc_integrate_opt_t opt;
    stop_ctx s;
    mag_t tol;
    int st;

    s.F = F;
    s.param = param;
    s.stopped = 0;
    acb_calc_integrate_opt_init(opt);
    mag_init(tol);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_calc_integrate(res, stoppable, &s, a, b, prec, tol, opt, prec);
    mag_clear(tol);
    if (!s.stopped)
        return SC_OK;
    acb_indeterminate(res);
    st = sc_budget_status();
    return st != SC_OK ? st : SC_ERR_BUDGET;
}

void sc_gauss_cutoff(arb_t R, arb_t T, arb_srcptr g, slong ng, int scaled, slong prec)
{
    /* start where exp(-R^2/(2 c^2)) ~ 2^-prec and move out until the tail
       bound is below 2^-(prec+4) (it decreases super-exponentially) */
    slong R0 = scaled ? (slong) ceil(2.0 * sqrt(0.6931471805599453 * (double) (prec + 8)))
                      : (slong) ceil(sqrt(2.0 * 0.6931471805599453 * (double) (prec + 8)));
    slong k;
    arb_t target, Rs;
    arb_init(target);
    arb_init(Rs);
    arb_one(target);
    arb_mul_2exp_si(target, target, -prec - 4);
    for (k = 0; ; k++)
    {
        arb_set_si(R, R0 + k);
        if (scaled)
        {
            arb_sqrt_ui(Rs, 2, 64);
            arb_div(Rs, R, Rs, 64);
        }
        else
            arb_set(Rs, R);
        sc_gauss_tail_bound(T, Rs, g, ng, 64);
        if (arb_le(T, target) || k > 4 * R0 + 64)
            break;
    }
    arb_clear(target);
    arb_clear(Rs);
}

int sc_gauss_expect(acb_t res, acb_calc_func_t F, void *param,
                    arb_srcptr split, slong nsplit,
                    arb_srcptr g, slong ng, slong prec)
{
    return sc_gauss_expect_pieces(res, F, param, split, nsplit, g, ng, NULL, 0, prec);
}

int sc_gauss_expect_pieces(acb_t res, acb_calc_func_t F, void *param,
                           arb_srcptr split, slong nsplit,
                           arb_srcptr g, slong ng, arb_ptr left, int even, slong prec)
{
    weighted_ctx w;
    acb_t a, b, val;
    arb_t R, T;
    slong i;
    int st = SC_OK;

    w.F = F;
    w.param = param;
    acb_init(a);
    acb_init(b);
    acb_init(val);
    arb_init(R);
    arb_init(T);

    sc_gauss_cutoff(R, T, g, ng, 0, prec);

    acb_zero(res);
    acb_set_arb(a, R);
    acb_neg(a, a);
    if (even)
        acb_zero(a);
    for (i = 0; i <= nsplit && st == SC_OK; i++)
    {
        if (i < nsplit)
        {
            /* only exact kinks strictly inside (-R, R) cut the line */
            arb_t m;
            arb_init(m);
            arb_set(m, split + i);
            if (!arb_is_exact(m))
                arb_get_mid_arb(m, m);
            if (arb_le(m, acb_realref(a)) || arb_ge(m, R))
            {
                arb_clear(m);
                continue;
            }
            acb_set_arb(b, m);
            arb_clear(m);
        }
        else
            acb_set_arb(b, R);
        if (left != NULL)
            arb_set(left, acb_realref(a));
        st = sc_gauss_integrate(val, weighted, &w, a, b, prec);
        acb_add(res, res, val, prec);
        acb_swap(a, b);
    }
    if (even)
        acb_mul_2exp_si(res, res, 1);
    /* tails: |int_{|x|>R}| <= T, added to real and imaginary radii */
    arb_add_error(acb_realref(res), T);
    arb_add_error(acb_imagref(res), T);
    if (st != SC_OK)
        acb_indeterminate(res);

    acb_clear(a);
    acb_clear(b);
    acb_clear(val);
    arb_clear(R);
    arb_clear(T);
    return st;
}

/* h_i = sum_j g_j binom(j,i) X^i C^{j-i} m_{j-i}, with m_k = E|Y|^k if
   `moments`, else 1: the coefficients of sum_j g_j (X v + C w)^j in v, for
   w = 1 or averaged as w = |Y|. */
static slong growth_expand(arb_ptr h, arb_srcptr g, slong ng, const arb_t X, const arb_t C,
                           int moments, slong prec)
{
    arb_t c, bin;
    slong i, j;
    arb_init(c);
    arb_init(bin);
    _arb_vec_zero(h, ng);
    for (j = 0; j < ng; j++)
        for (i = 0; i <= j; i++)
        {
            arb_bin_uiui(bin, j, i, prec);
            arb_pow_ui(c, X, i, prec);
            arb_mul(bin, bin, c, prec);
            arb_pow_ui(c, C, j - i, prec);
            arb_mul(bin, bin, c, prec);
            if (moments)
            {
                sc_gauss_abs_moment(c, j - i, prec);
                arb_mul(bin, bin, c, prec);
            }
            arb_addmul(h + i, g + j, bin, prec);
        }
    arb_clear(c);
    arb_clear(bin);
    return ng;
}

slong sc_growth_affine(arb_ptr h, arb_srcptr g, slong ng, const arb_t A, const arb_t B, slong prec)
{
    return growth_expand(h, g, ng, B, A, 0, prec);     /* (A + B y)^j in y */
}

slong sc_growth_smooth(arb_ptr h, arb_srcptr g, slong ng, const arb_t A, const arb_t B, slong prec)
{
    return growth_expand(h, g, ng, A, B, 1, prec);     /* E[(A x + B|Y|)^j] in x */
}

slong sc_growth_mul(arb_ptr h, arb_srcptr f, slong nf, arb_srcptr g, slong ng, slong prec)
{
    slong i, j, nh = nf + ng - 1;
    arb_ptr t = _arb_vec_init(nh);
    for (i = 0; i < nf; i++)
        for (j = 0; j < ng; j++)
            arb_addmul(t + i + j, f + i, g + j, prec);
    _arb_vec_set(h, t, nh);
    _arb_vec_clear(t, nh);
    return nh;
}
