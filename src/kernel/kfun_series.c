/* The Hermite series of an activation without a closed-form kernel:
   Kt(c) = sum A_n^2 c^n with A_n = E[phi(tZ) h_n(Z)] from certified
   Gaussian integrals, tail bounds T0, T1 at c = 1, and the series values
   with their tails (facts M3 of kfun.h). */
#include <math.h>
#include <string.h>
#include <acb_calc.h>
#include "kfun_internal.h"
#include "synccert/gauss.h"

/* The tail below which the series is trusted. */
#define SERIES_EPS_LOG2 (-44)
/* series used on all of [-1, 1] when its tail at c = 1 is below this */
#define SERIES_FULL_LOG2 (-30)

/* Cramer's inequality: |h_n(x)| <= 1.0865 e^{x^2/4} for the orthonormal
   probabilists' Hermite functions h_n = He_n / sqrt(n!) (from
   |H_n(y)| e^{-y^2/2} <= 1.086435 2^{n/2} sqrt(n!) and
   He_n(x) = 2^{-n/2} H_n(x / sqrt 2)). */
#define CRAMER_K "1.0865"

typedef struct
{
    const sc_act_def *def;
    arb_srcptr p;
    arb_t t;
    slong n;
    sc_act_pieces pc;   /* the kinks of phi(t x) */
    slong piece;        /* current piece (-1: phi by eval); keys the node cache */
    arb_ptr sq;     /* sq[k] = sqrt(k), isq[k] = 1/sqrt(k), k <= SC_KFUN_SERIES_MMAX: */
    arb_ptr isq;    /* computed once per series instead of twice per step and node */
    slong nmax;     /* the tables hold k <= nmax + 1 */
    arb_ptr isf;    /* isf[k] = 1/sqrt(k!) */
    sc_kfun_node_cache nodes;
}
herm_ctx;

/* x -> phi(t x) h_n(x) phi_gauss(x) */
/* the tables for orders n <= nmax, an empty node cache, t = 0 */
static void herm_ctx_init(herm_ctx *h, slong nmax, slong prec)
{
    slong k;
    arb_init(h->t);
    h->nmax = nmax;
    h->sq = _arb_vec_init(nmax + 2);
    h->isq = _arb_vec_init(nmax + 2);
    h->isf = _arb_vec_init(nmax + 2);
    memset(&h->nodes, 0, sizeof(h->nodes));
    arb_one(h->isf);
    for (k = 1; k <= nmax + 1; k++)
    {
        arb_sqrt_ui(h->sq + k, k, prec + 16);
        arb_rsqrt_ui(h->isq + k, k, prec + 16);
        arb_mul(h->isf + k, h->isf + k - 1, h->isq + k, prec + 16);
    }
}

static void herm_ctx_clear(herm_ctx *h)
{
    arb_clear(h->t);
    _arb_vec_clear(h->sq, h->nmax + 2);
    _arb_vec_clear(h->isq, h->nmax + 2);
    _arb_vec_clear(h->isf, h->nmax + 2);
    _sc_kfun_nodes_clear(&h->nodes);
}

/* phi(t x) phi_G(x) */
static void herm_weight(acb_t out, herm_ctx *h, const acb_t x, slong order, slong prec)
{
    acb_t w;
    acb_init(w);
    acb_mul_arb(w, x, h->t, prec);
    /* on a piece: the continuation of its branch, ellipses may cross the kink */
    sc_act_eval_piece(h->def, out, w, 0, order, h->piece >= 0 ? h->pc.pp[h->piece] : -1, h->p, prec);
    if (!acb_is_finite(out))
        acb_indeterminate(out);
    else
    {
        sc_gauss_weight(w, x, prec);
        acb_mul(out, out, w, prec);
    }
    acb_clear(w);
}

/* herm_f at a real node through the node cache */
static void herm_f_real(acb_ptr out, herm_ctx *h, const arb_t x, slong order, slong prec)
{
    slong slot, i = _sc_kfun_node_find(&h->nodes, x, order, (int) h->piece, prec, &slot), k;
    sc_kfun_node *e;
    arb_t t;
    (void) slot;
    if (i >= 0)
        e = h->nodes.e + i;
    else
    {
        acb_t xc;
        e = _sc_kfun_node_add(&h->nodes, x, order, (int) h->piece, prec);   /* not full: see herm_f */
        acb_init(xc);
        acb_set_arb(xc, x);
        herm_weight(&e->pw, h, xc, order, prec);
        acb_clear(xc);
    }
    if (!acb_is_finite(&e->pw) || h->n == 0)
    {
        acb_set(out, &e->pw);
        return;
    }
    if (e->k < 1 || e->k > h->n)
    {
        arb_one(&e->hp);                /* He_0 */
        arb_set(&e->hc, x);             /* He_1 */
        e->k = 1;
    }
    /* He_{k+1} = x He_k - k He_{k-1}, then h_n = He_n / sqrt(n!) */
    arb_init(t);
    for (k = e->k; k < h->n; k++)
    {
        arb_mul(t, x, &e->hc, prec);
        arb_submul_ui(t, &e->hp, k, prec);
        arb_swap(&e->hp, &e->hc);
        arb_swap(&e->hc, t);
    }
    e->k = h->n;
    arb_mul(t, &e->hc, h->isf + h->n, prec);
    acb_mul_arb(out, &e->pw, t, prec);
    arb_clear(t);
}

/* x -> phi(t x) h_n(x) phi_G(x) */
static int herm_f(acb_ptr out, const acb_t x, void *param, slong order, slong prec)
{
    herm_ctx *h = param;
    acb_t h0, h1, h2;
    slong k;

    if (arb_is_zero(acb_imagref(x)) && h->nodes.n < SC_KFUN_NODES_MAX)
    {
        herm_f_real(out, h, acb_realref(x), order, prec);
        return 0;
    }
    herm_weight(out, h, x, order, prec);
    if (!acb_is_finite(out) || h->n == 0)
        return 0;
    /* complex balls (the integrator's bounds on ellipses):
       h_{k+1} = (x h_k - sqrt(k) h_{k-1}) / sqrt(k+1) */
    acb_init(h0);
    acb_init(h1);
    acb_init(h2);
    acb_one(h0);
    acb_set(h1, x);
    for (k = 1; k < h->n; k++)
    {
        acb_mul(h2, x, h1, prec);
        acb_submul_arb(h2, h0, h->sq + k, prec);
        acb_mul_arb(h2, h2, h->isq + k + 1, prec);
        acb_swap(h0, h1);
        acb_swap(h1, h2);
    }
    acb_mul(out, out, h1, prec);
    acb_clear(h0);
    acb_clear(h1);
    acb_clear(h2);
    return 0;
}

/* A = E[phi(tZ) h_n(Z)]: integral over [-R, R] (split at the kinks) plus
   the tail bound from Cramer's inequality and the real-line growth
   e^{c|x|} sum_j g_j |x|^j of phi: with y = x / sqrt 2,
   |tail| <= K sum_j g_j t^j 2^{(j+1)/2} int_{|y| > R/sqrt2} e^{c t sqrt2 |y|} |y|^j phi(y) dy. */
static int herm_coeff(arb_t A, herm_ctx *h, arb_srcptr g, slong ng, const arb_t rate, slong prec)
{
    acb_t res;
    arb_t R, T, u, c, lo;
    arb_ptr gg;
    slong j;
    int st;

    acb_init(res);
    arb_init(R);
    arb_init(T);
    arb_init(u);
    arb_init(c);
    arb_init(lo);
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
    arb_sqrt_ui(c, 2, prec);
    arb_mul(c, c, h->t, prec);
    arb_mul(c, c, rate, prec);
    sc_gauss_cutoff_rate(R, T, gg, ng, c, 1, prec);

    arb_neg(lo, R);
    h->piece = -1;
    st = sc_gauss_integrate_split(res, herm_f, h, lo, R, h->pc.split, h->pc.n, &h->piece, NULL, prec);
    h->piece = -1;
    arb_set(A, acb_realref(res));
    arb_add_error(A, T);

    _arb_vec_clear(gg, ng);
    acb_clear(res);
    arb_clear(R);
    arb_clear(T);
    arb_clear(u);
    arb_clear(c);
    arb_clear(lo);
    return st;
}

/* Build the series A_n^2 (n <= M) until the tail bound T0 = Kt(1) - sum A_n^2
   is below 2^SERIES_EPS_LOG2 or M = SC_KFUN_SERIES_MMAX. */
int _sc_kfun_build_series(sc_kfun_t kf)
{
    slong prec = kf->prec, n, ng, M = -1;
    herm_ctx h;
    arb_ptr g;
    arb_t strip, A, S0, S1, u, eps, rate;
    int st = SC_OK;
    int parity = (kf->def->flags & SC_ACT_ODD) ? 1 : (kf->def->flags & SC_ACT_EVEN) ? 2 : 0;

    g = _arb_vec_init(SC_GROWTH_MAX);
    arb_init(strip);
    arb_init(A);
    arb_init(S0);
    arb_init(S1);
    arb_init(u);
    arb_init(eps);
    ng = kf->def->growth(kf->def, g, strip, 0, kf->p, prec);
    arb_init(rate);
    sc_act_rate(kf->def, rate, 0, kf->p, prec);
    h.def = kf->def;
    h.p = kf->p;
    herm_ctx_init(&h, SC_KFUN_SERIES_MMAX, prec);
    arb_sqrt(h.t, kf->t2, prec);
    h.piece = -1;
    sc_act_pieces_init(&h.pc, kf->def, kf->p, NULL, h.t, 0, prec);
    kf->A2 = _arb_vec_init(SC_KFUN_SERIES_MMAX + 1);
    arb_one(eps);
    arb_mul_2exp_si(eps, eps, SERIES_EPS_LOG2);

    /* stop at the tail target, when the coefficients' balls stop improving
       the tail bound (precision exhausted), or at the order cap; keep the
       order with the smallest certified tail */
    {
        slong mmax = (h.pc.n > 0 || (kf->def->flags & SC_ACT_JUMP)) ? 48 : SC_KFUN_SERIES_MMAX;
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
                st = herm_coeff(A, &h, g, ng, rate, prec);
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
        _arb_vec_clear(kf->A2, SC_KFUN_SERIES_MMAX + 1);
        kf->A2 = NULL;
    }
    sc_act_pieces_clear(&h.pc);
    herm_ctx_clear(&h);
    arb_clear(rate);
    _arb_vec_clear(g, SC_GROWTH_MAX);
    arb_clear(strip);
    arb_clear(A);
    arb_clear(S0);
    arb_clear(S1);
    arb_clear(u);
    arb_clear(eps);
    return st;
}

int _sc_kfun_series_ok(const sc_kfun_t kf, const arb_t c)
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

/* Kt(c) and Kt'(c) at |c| <= 1, converted to K and K'. */
void _sc_kfun_series_eval(arb_t K, arb_t dK, const sc_kfun_t kf, const arb_t c)
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

int sc_kfun_hermite_coeff(arb_t A, const sc_act_def *def, arb_srcptr p, const arb_t t,
                          slong n, slong prec)
{
    herm_ctx h;
    arb_ptr g;
    arb_t strip, rate;
    slong ng;
    int st;

    g = _arb_vec_init(SC_GROWTH_MAX);
    arb_init(strip);
    arb_init(rate);
    ng = def->growth(def, g, strip, 0, p, prec);
    sc_act_rate(def, rate, 0, p, prec);
    h.def = def;
    h.p = p;
    herm_ctx_init(&h, n, prec);
    h.n = n;
    h.piece = -1;
    arb_set(h.t, t);
    sc_act_pieces_init(&h.pc, def, p, NULL, h.t, 0, prec);
    st = herm_coeff(A, &h, g, ng, rate, prec);
    sc_act_pieces_clear(&h.pc);
    herm_ctx_clear(&h);
    arb_clear(rate);
    arb_clear(strip);
    _arb_vec_clear(g, SC_GROWTH_MAX);
    return st;
}
