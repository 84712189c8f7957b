/* Interval extensions of K, K' and D = (K(1) - K(rho))/(1 - rho) over
   intervals of rho, with parameter balls (see interval.h for the facts
   M1-M3 used). */
#include <math.h>
#include <string.h>
#include <acb_calc.h>
#include "synccert/kfun.h"
#include "synccert/kernel.h"
#include "synccert/gauss.h"

/* Largest series order and the tail below which the series is trusted. */
#define SERIES_MMAX 120
#define SERIES_EPS_LOG2 (-44)
/* series used on all of [-1, 1] when its tail at c = 1 is below this */
#define SERIES_FULL_LOG2 (-30)

/* Cramer's inequality: |h_n(x)| <= 1.0865 e^{x^2/4} for the orthonormal
   probabilists' Hermite functions h_n = He_n / sqrt(n!) (from
   |H_n(y)| e^{-y^2/2} <= 1.086435 2^{n/2} sqrt(n!) and
   He_n(x) = 2^{-n/2} H_n(x / sqrt 2)). */
#define CRAMER_K "1.0865"

/* ---------- small helpers ---------- */

/* z = z intersected with x when both are finite (both are enclosures of the
   same quantity); if z is not finite take x. */
static void isect(arb_t z, const arb_t x)
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
        if (arb_intersection(t, z, x, ARF_PREC_EXACT))
            arb_swap(z, t);
        arb_clear(t);
    }
}

/* [a.lo, b.hi] as a ball (a.lo <= b.hi assumed: enclosures of ordered values) */
static void range_lo_hi(arb_t z, const arb_t a, const arb_t b, slong prec)
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
static void sym_bound(arb_t z, const arb_t b, slong prec)
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

/* ---------- Hermite series ---------- */

typedef struct
{
    const sc_act_def *def;
    arb_srcptr p;
    arb_t t;
    slong n;
    int side;       /* 0: phi by eval; +-1: the branch of that side of the kink */
}
herm_ctx;

/* x -> phi(t x) h_n(x) phi_gauss(x) */
static int herm_f(acb_ptr out, const acb_t x, void *param, slong order, slong prec)
{
    herm_ctx *h = param;
    acb_t w, h0, h1, h2, r;
    arb_t a, b;
    slong k;

    if (sc_budget_expired())
    {
        acb_indeterminate(out);
        return 0;
    }
    acb_init(w);
    acb_mul_arb(w, x, h->t, prec);
    if (h->side != 0)       /* entire continuation: ellipses may cross the kink */
        h->def->branch(out, w, 0, h->side, h->p, prec);
    else
        h->def->eval(out, w, 0, order, h->p, prec);
    if (!acb_is_finite(out))
    {
        acb_indeterminate(out);
        acb_clear(w);
        return 0;
    }
    acb_init(h0);
    acb_init(h1);
    acb_init(h2);
    acb_init(r);
    arb_init(a);
    arb_init(b);
    acb_one(h0);
    acb_set(h1, x);
    if (h->n == 0)
        acb_set(r, h0);
    else
    {
        /* h_{k+1} = (x h_k - sqrt(k) h_{k-1}) / sqrt(k+1) */
        for (k = 1; k < h->n; k++)
        {
            arb_sqrt_ui(a, k, prec);
            arb_sqrt_ui(b, k + 1, prec);
            acb_mul(h2, x, h1, prec);
            acb_submul_arb(h2, h0, a, prec);
            acb_div_arb(h2, h2, b, prec);
            acb_swap(h0, h1);
            acb_swap(h1, h2);
        }
        acb_set(r, h1);
    }
    acb_mul(out, out, r, prec);
    sc_gauss_weight(w, x, prec);
    acb_mul(out, out, w, prec);
    acb_clear(w);
    acb_clear(h0);
    acb_clear(h1);
    acb_clear(h2);
    acb_clear(r);
    arb_clear(a);
    arb_clear(b);
    return 0;
}

/* A = E[phi(tZ) h_n(Z)]: integral over [-R, R] (split at 0 for kinks) plus
   the tail bound from Cramer's inequality and the real-line growth of phi:
   |tail| <= K sum_j g_j t^j 2^{(j+1)/2} int_{|y| > R/sqrt2} |y|^j phi(y) dy. */
static int herm_coeff(arb_t A, herm_ctx *h, arb_srcptr g, slong ng, slong prec)
{
    acb_calc_integrate_opt_t opt;
    acb_t a, b, piece, res;
    arb_t R, Rs, T, u, target;
    arb_ptr gg;
    mag_t tol;
    slong j, R0, k;
    int kink = (h->def->flags & (SC_ACT_KINK0 | SC_ACT_JUMP)) != 0;

    acb_init(a);
    acb_init(b);
    acb_init(piece);
    acb_init(res);
    arb_init(R);
    arb_init(Rs);
    arb_init(T);
    arb_init(u);
    arb_init(target);
    mag_init(tol);
    gg = _arb_vec_init(ng);

    for (j = 0; j < ng; j++)
    {
        arb_pow_ui(u, h->t, j, prec);
        arb_mul(gg + j, g + j, u, prec);
        arb_set_ui(u, 2);
        arb_sqrt(u, u, prec);
        arb_pow_ui(u, u, j + 1, prec);
        arb_mul(gg + j, gg + j, u, prec);
        arb_set_str(u, CRAMER_K, prec);
        arb_mul(gg + j, gg + j, u, prec);
    }
    arb_one(target);
    arb_mul_2exp_si(target, target, -prec - 4);
    R0 = (slong) ceil(2.0 * sqrt(0.6931471805599453 * (double) (prec + 8)));
    for (k = 0; ; k++)
    {
        arb_set_si(R, R0 + k);
        arb_sqrt_ui(Rs, 2, 64);
        arb_div(Rs, R, Rs, 64);
        sc_gauss_tail_bound(T, Rs, gg, ng, 64);
        if (arb_le(T, target) || k > 4 * R0 + 64)
            break;
    }

    acb_calc_integrate_opt_init(opt);
    mag_set_ui_2exp_si(tol, 1, -prec);
    acb_zero(res);
    acb_set_arb(a, R);
    acb_neg(a, a);
    /* as in the kernel integrals: each side of a kink with its own branch */
    h->side = 0;
    if (kink)
    {
        acb_zero(b);
        if (h->def->branch != NULL)
            h->side = -1;
        acb_calc_integrate(piece, herm_f, h, a, b, prec, tol, opt, prec);
        acb_add(res, res, piece, prec);
        acb_swap(a, b);
        if (h->def->branch != NULL)
            h->side = 1;
    }
    acb_set_arb(b, R);
    acb_calc_integrate(piece, herm_f, h, a, b, prec, tol, opt, prec);
    h->side = 0;
    acb_add(res, res, piece, prec);
    arb_set(A, acb_realref(res));
    arb_add_error(A, T);

    _arb_vec_clear(gg, ng);
    acb_clear(a);
    acb_clear(b);
    acb_clear(piece);
    acb_clear(res);
    arb_clear(R);
    arb_clear(Rs);
    arb_clear(T);
    arb_clear(u);
    arb_clear(target);
    mag_clear(tol);
    return sc_budget_expired() ? SC_ERR_BUDGET : SC_OK;
}

/* Build the series A_n^2 (n <= M) until the tail bound T0 = Kt(1) - sum A_n^2
   is below 2^SERIES_EPS_LOG2 or M = SERIES_MMAX. */
static int build_series(sc_kfun_t kf)
{
    slong prec = kf->prec, n, ng, M = -1;
    herm_ctx h;
    arb_ptr g;
    arb_t strip, A, S0, S1, u, eps;
    int st = SC_OK;
    int parity = (kf->def->flags & SC_ACT_ODD) ? 1 : (kf->def->flags & SC_ACT_EVEN) ? 2 : 0;

    g = _arb_vec_init(SC_GROWTH_MAX);
    arb_init(strip);
    arb_init(A);
    arb_init(S0);
    arb_init(S1);
    arb_init(u);
    arb_init(eps);
    ng = kf->def->growth(g, strip, 0, kf->p, prec);
    h.def = kf->def;
    h.p = kf->p;
    arb_init(h.t);
    arb_sqrt(h.t, kf->t2, prec);
    kf->A2 = _arb_vec_init(SERIES_MMAX + 1);
    arb_one(eps);
    arb_mul_2exp_si(eps, eps, SERIES_EPS_LOG2);

    /* stop at the tail target, when the coefficients' balls stop improving
       the tail bound (precision exhausted), or at the order cap; keep the
       order with the smallest certified tail */
    {
        slong mmax = (kf->def->flags & (SC_ACT_KINK0 | SC_ACT_JUMP)) ? 48 : SERIES_MMAX;
        slong bad = 0;
        arb_t best, B0, B1;
        arb_init(best);
        arb_init(B0);
        arb_init(B1);
        arb_pos_inf(best);
        for (n = 0; n <= mmax; n++)
        {
            if ((parity == 1 && n % 2 == 0) || (parity == 2 && n % 2 == 1))
                arb_zero(A);
            else
            {
                h.n = n;
                st = herm_coeff(A, &h, g, ng, prec);
                if (st != SC_OK)
                    break;
            }
            arb_sqr(kf->A2 + n, A, prec);
            arb_add(S0, S0, kf->A2 + n, prec);
            arb_addmul_ui(S1, kf->A2 + n, n, prec);
            arb_sub(u, kf->K1, S0, prec);
            arb_get_ubound_arf(arb_midref(u), u, prec);
            mag_zero(arb_radref(u));
            if (arb_lt(u, best))
            {
                arb_set(best, u);
                arb_set(B0, S0);
                arb_set(B1, S1);
                M = n;
                bad = 0;
            }
            else if (!arb_is_zero(kf->A2 + n) && ++bad >= 4)
                break;
            if (n >= 2 && arb_lt(u, eps))
                break;
        }
        arb_swap(S0, B0);
        arb_swap(S1, B1);
        arb_clear(best);
        arb_clear(B0);
        arb_clear(B1);
    }
    if (st == SC_OK && M >= 0)
    {
        double t0;
        kf->M = M;
        /* T0 = upper bound of Kt(1) - sum A_n^2 (>= 0) */
        arb_sub(u, kf->K1, S0, prec);
        arb_get_ubound_arf(arb_midref(kf->T0), u, prec);
        mag_zero(arb_radref(kf->T0));
        if (arf_sgn(arb_midref(kf->T0)) < 0)
            arf_zero(arb_midref(kf->T0));
        /* T1 = upper bound of Kt'(1) - sum n A_n^2, Kt'(1) = (t^2/q) K'(1) */
        if (arb_is_finite(kf->dK1))
        {
            arb_div(u, kf->dK1, kf->qt, prec);
            arb_sub(u, u, S1, prec);
            arb_get_ubound_arf(arb_midref(kf->T1), u, prec);
            mag_zero(arb_radref(kf->T1));
            if (arf_sgn(arb_midref(kf->T1)) < 0)
                arf_zero(arb_midref(kf->T1));
        }
        else
            arb_pos_inf(kf->T1);
        /* the series is used where T0 |c|^{M+1} <= eps (a choice, not a claim) */
        t0 = arf_get_d(arb_midref(kf->T0), ARF_RND_UP);
        if (t0 <= ldexp(1.0, SERIES_FULL_LOG2))
            arb_one(kf->cmax);      /* tail negligible for the enclosures we need */
        else
            arb_set_d(kf->cmax, pow(ldexp(1.0, SERIES_EPS_LOG2) / t0, 1.0 / (double) (M + 1)));
    }
    else
    {
        kf->M = -1;
        _arb_vec_clear(kf->A2, SERIES_MMAX + 1);
        kf->A2 = NULL;
    }
    arb_clear(h.t);
    _arb_vec_clear(g, SC_GROWTH_MAX);
    arb_clear(strip);
    arb_clear(A);
    arb_clear(S0);
    arb_clear(S1);
    arb_clear(u);
    arb_clear(eps);
    return st;
}

/* Is the series usable on the correlation ball c? */
static int series_ok(const sc_kfun_t kf, const arb_t c)
{
    arb_t a;
    int ok;
    if (kf->M < 0)
        return 0;
    arb_init(a);
    arb_abs(a, c);
    ok = arb_le(a, kf->cmax);
    arb_clear(a);
    return ok;
}

/* Series values at the correlation ball c (|c| <= 1): Kt(c) and Kt'(c),
   converted to K and K' (either output may be NULL). */
static void series_eval(arb_t K, arb_t dK, const sc_kfun_t kf, const arb_t c)
{
    slong prec = kf->prec, n, M = kf->M;
    arb_t s, ac, e;
    arb_init(s);
    arb_init(ac);
    arb_init(e);
    arb_abs(ac, c);
    arb_get_ubound_arf(arb_midref(ac), ac, prec);
    mag_zero(arb_radref(ac));
    if (arf_cmp_si(arb_midref(ac), 1) > 0)
        arb_one(ac);
    if (K != NULL)
    {
        arb_zero(s);
        for (n = M; n >= 0; n--)
        {
            arb_mul(s, s, c, prec);
            arb_add(s, s, kf->A2 + n, prec);
        }
        arb_pow_ui(e, ac, M + 1, prec);
        arb_mul(e, e, kf->T0, prec);
        arb_add_error(s, e);
        arb_set(K, s);
    }
    if (dK != NULL)
    {
        arb_zero(s);
        for (n = M; n >= 1; n--)
        {
            arb_mul(s, s, c, prec);
            arb_addmul_ui(s, kf->A2 + n, n, prec);
        }
        if (arb_is_finite(kf->T1))
        {
            arb_pow_ui(e, ac, M, prec);
            arb_mul(e, e, kf->T1, prec);
            arb_add_error(s, e);
            arb_mul(dK, s, kf->qt, prec);
        }
        else
            arb_indeterminate(dK);
    }
    arb_clear(s);
    arb_clear(ac);
    arb_clear(e);
}

/* ---------- setup ---------- */

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
        return sc_error(SC_ERR_BUDGET, "time budget exhausted");
    /* is the closed form really available for these arguments?  (a kernel
       callback may decline) */
    if (kf->closed)
    {
        arb_t c, K;
        arb_init(c);
        arb_init(K);
        arb_set_d(c, 0.25);
        kf->closed = def->kernel(K, NULL, c, kf->t2, kf->p, prec);
        arb_clear(c);
        arb_clear(K);
    }
    if (series && !kf->closed && !(def->flags & SC_ACT_JUMP))
    {
        st = build_series(kf);
        if (st != SC_OK)
            return st == SC_ERR_BUDGET ? sc_error(SC_ERR_BUDGET, "time budget exhausted") : st;
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
        _arb_vec_clear(kf->A2, SERIES_MMAX + 1);
    for (i = 0; i < kf->ncache; i++)
    {
        arf_clear(kf->cache[i].rho);
        arb_clear(kf->cache[i].K);
        arb_clear(kf->cache[i].dK);
    }
    flint_free(kf->cache);
    memset(kf, 0, sizeof(sc_kfun_struct));
}

/* ---------- point values ---------- */

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
        if (!kf->closed && series_ok(kf, c))
        {
            series_eval(K, dK, kf, c);
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
            if (K) sym_bound(K, kf->K1, kf->prec);
            if (dK) sym_bound(dK, kf->dK1, kf->prec);
        }
        else
        {
            /* |K| <= K(1), |K'| <= K'(1) */
            arb_t b;
            arb_init(b);
            if (K)
            {
                sym_bound(b, kf->K1, kf->prec);
                isect(K, b);
            }
            if (dK)
            {
                sym_bound(b, kf->dK1, kf->prec);
                isect(dK, b);
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
    return sc_budget_expired() ? SC_ERR_BUDGET : SC_OK;
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
        sym_bound(u, kf->dK1, prec);
        isect(D, u);
        arb_set_arf(u, rho);
        sc_kfun_corr(u, kf, u);
        if (arb_is_nonnegative(u) && arb_is_finite(kf->dK1))
        {
            sc_kfun_point(NULL, dK, kf, rho);
            range_lo_hi(u, dK, kf->dK1, prec);
            isect(D, u);
        }
        arb_clear(K);
        arb_clear(u);
        arb_clear(dK);
    }
    return st;
}

/* ---------- interval enclosures ---------- */

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

    arb_set_interval_arf(box, r1, r2, 4 * prec + 64);
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
    sym_bound(dK, kf->dK1, prec);                               /* (M3) */
    if (cpos)                                                   /* (M1) */
    {
        sc_kfun_point(NULL, a1, kf, r1);
        sc_kfun_point(NULL, a2, kf, r2);
        range_lo_hi(t, a1, a2, prec);
        isect(dK, t);
    }
    if (kf->closed)
    {
        if (sc_kernel_eval(NULL, t, kf->def, kf->p, kf->np, box, kf->q, kf->s, SC_KM_CLOSED, prec) == SC_OK)
            isect(dK, t);
    }
    else if (series_ok(kf, cbox))
    {
        series_eval(NULL, t, kf, cbox);
        isect(dK, t);
    }

    /* --- K over the box --- */
    if (Kout != NULL || Dout != NULL)
    {
        sym_bound(K, kf->K1, prec);
        if (cpos)
        {
            sc_kfun_point(a1, NULL, kf, r1);
            sc_kfun_point(a2, NULL, kf, r2);
            range_lo_hi(t, a1, a2, prec);
            isect(K, t);
        }
        if (arb_is_finite(dK))
        {
            /* mean value form K(mid) + K'(box) [-h, h] */
            sc_kfun_point(t, NULL, kf, m);
            arb_zero(u);
            arb_add_error(u, h);
            arb_mul(u, u, dK, prec);
            arb_add(t, t, u, prec);
            isect(K, t);
        }
        if (kf->closed)
        {
            if (sc_kernel_eval(t, NULL, kf->def, kf->p, kf->np, box, kf->q, kf->s, SC_KM_CLOSED, prec) == SC_OK)
                isect(K, t);
        }
    }

    /* --- D over the box --- */
    if (Dout != NULL)
    {
        sym_bound(D, kf->dK1, prec);
        if (cpos)
        {
            /* (M1), (M2): D(r1) <= D <= D(r2) */
            sc_kfun_point_D(a1, kf, r1);
            sc_kfun_point_D(a2, kf, r2);
            range_lo_hi(t, a1, a2, prec);
            isect(D, t);
        }
        if (arf_cmp_si(r2, 1) < 0)
        {
            /* direct: (K(1) - K(box)) / (1 - box) */
            arb_sub(t, kf->K1, K, prec);
            arb_div(t, t, omr, prec);
            isect(D, t);
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
                isect(D, t);
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
    return sc_budget_expired() ? SC_ERR_BUDGET : st;
}
