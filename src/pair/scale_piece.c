/* One Chebyshev piece of the scale integral (doc/model.md section 9.4; the
   overview is in scale.c): the integrand f = Ntilde / (1 - u^2) at the
   Chebyshev points, its majorant on a disc around the piece, the
   interpolant's antiderivative with its error bound, and the integral of
   exp(-G) over the piece. */
#include <math.h>
#include <acb_calc.h>
#include "pairint.h"

#define NMIN 8
#define DEPTH_MAX 40


/* ---------- the integrand ---------- */

/* Ntilde(u) from D(u) and the weight w (w(u) on side +1, w(-u) on side -1) */
static void ntilde(arb_t N, const _sc_pair_side *S, const arb_t u, const arb_t D, const arb_t w)
{
    const _sc_pair_scale_ctx *c = S->c;
    slong prec = S->prec;
    arb_t al, be, e0, H;
    arb_init(al);
    arb_init(be);
    arb_init(e0);
    arb_init(H);
    arb_add_ui(al, u, 1, prec);                 /* 2 gamma (1 + u) w / sigma^2 */
    arb_mul(al, al, w, prec);
    arb_mul(al, al, c->gamma, prec);
    arb_mul_2exp_si(al, al, 1);
    arb_div(al, al, c->sigma2, prec);
    arb_sqr(be, u, prec);                       /* d - 2 + u^2 */
    arb_add(be, be, c->d, prec);
    arb_sub_ui(be, be, 2, prec);
    arb_sub_ui(e0, c->d, 2, prec);              /* (d - 2 - u) K(1) */
    arb_sub(e0, e0, u, prec);
    arb_mul(e0, e0, c->kd->K1, prec);
    arb_mul(H, u, D, prec);                     /* K(1) + u D */
    arb_add(H, H, c->kd->K1, prec);
    arb_mul(be, be, D, prec);                   /* E = be D - e0 */
    arb_sub(be, be, e0, prec);
    if (S->side > 0)
        arb_sub(N, al, be, prec);
    else
    {
        arb_add(N, al, be, prec);
        arb_neg(N, N);
    }
    arb_div(N, N, H, prec);
    arb_clear(al);
    arb_clear(be);
    arb_clear(e0);
    arb_clear(H);
}

/* the weight at u for this side: w(u) or w(-u) */
void _sc_pair_side_w(arb_t w, const _sc_pair_side *S, const arb_t u)
{
    arb_t x;
    arb_init(x);
    if (S->side > 0)
        arb_set(x, u);
    else
        arb_neg(x, u);
    sc_pair_w(w, x, S->c->beta, S->prec);
    arb_clear(x);
}

/* f(u) = Ntilde(u) / (1 - u^2) at a ball u in [0, 1); 1 - u^2 at wp bits
   (near u = 1 the subtraction cancels the bits that locate u in its piece) */
static void f_eval(arb_t f, _sc_pair_side *S, const arb_t u, slong wp)
{
    slong prec = S->prec;
    arb_t D, w, t;
    arb_init(D);
    arb_init(w);
    arb_init(t);
    _sc_pair_kd_D(D, S->c->kd, u);
    _sc_pair_side_w(w, S, u);
    ntilde(f, S, u, D, w);
    arb_sqr(t, u, wp);
    arb_sub_ui(t, t, 1, wp);
    arb_neg(t, t);
    arb_div(f, f, t, prec);
    arb_clear(D);
    arb_clear(w);
    arb_clear(t);
}

/* ---------- the majorant on a disc ---------- */

/* M >= |f(z)| for |z - cm| <= R (cm >= 0, r = cm + R < 1, R < 1 + cm):
   |D(z)| <= D(r) and |z D(z) - cm D(cm)| <= r D(r) - cm D(cm) (non-negative
   Taylor coefficients at cm >= 0), so |H(z)| >= K(1) + 2 cm D(cm) - r D(r);
   |E(z)| <= (d - 2 + r^2) D(r) + (d - 2 + r) K(1); |1 - z^2| >=
   (1 - r)(1 + cm - R); |w(+-z)| from complex ball arithmetic on the square
   around the disc.  0 if no finite bound (then the piece is split). */
static int majorant(arb_t M, _sc_pair_side *S, const arf_t cm, const arf_t R, slong wp)
{
    const _sc_pair_scale_ctx *c = S->c;
    slong prec = wp;
    arb_t x, r, Dc, Dr, H, E, t, W;
    acb_t z, wz;
    int ok;

    arb_init(x);
    arb_init(r);
    arb_init(Dc);
    arb_init(Dr);
    arb_init(H);
    arb_init(E);
    arb_init(t);
    arb_init(W);
    acb_init(z);
    acb_init(wz);
    arb_set_arf(x, cm);
    arb_set_arf(r, R);
    arb_add(r, r, x, prec);
    _sc_pair_kd_D(Dc, c->kd, x);
    _sc_pair_kd_D(Dr, c->kd, r);
    /* H lower bound */
    arb_mul(H, x, Dc, prec);
    arb_mul_2exp_si(H, H, 1);
    arb_add(H, H, c->kd->K1, prec);
    arb_submul(H, r, Dr, prec);
    /* |E| upper bound */
    arb_sqr(E, r, prec);
    arb_add(E, E, c->d, prec);
    arb_sub_ui(E, E, 2, prec);
    arb_mul(E, E, Dr, prec);
    arb_add(t, c->d, r, prec);
    arb_sub_ui(t, t, 2, prec);
    arb_addmul(E, t, c->kd->K1, prec);
    /* |w| on the square cm + R ([-1, 1] + i [-1, 1]) */
    if (arb_is_zero(c->gamma))
        arb_zero(W);
    else
    {
        acb_zero(z);
        arb_set_arf(acb_realref(z), cm);
        arb_add_error_arf(acb_realref(z), R);
        arb_add_error_arf(acb_imagref(z), R);
        if (S->side < 0)
            acb_neg(z, z);
        sc_pair_w_acb(wz, z, c->beta, prec);
        acb_abs(W, wz, prec);
        /* 2 gamma (1 + r) |w| / sigma^2 */
        arb_add_ui(t, r, 1, prec);
        arb_mul(W, W, t, prec);
        arb_mul(W, W, c->gamma, prec);
        arb_mul_2exp_si(W, W, 1);
        arb_div(W, W, c->sigma2, prec);
    }
    arb_add(E, E, W, prec);
    /* denominator H (1 - r)(1 + cm - R) */
    arb_sub_ui(t, r, 1, prec);
    arb_neg(t, t);
    arb_mul(H, H, t, prec);
    arb_set_arf(t, cm);
    arb_sub_arf(t, t, R, prec);
    arb_add_ui(t, t, 1, prec);
    arb_mul(H, H, t, prec);
    ok = arb_is_finite(E) && arb_is_positive(H);
    if (ok)
    {
        arb_get_lbound_arf(arb_midref(t), H, prec);
        mag_zero(arb_radref(t));
        arb_get_ubound_arf(arb_midref(x), E, prec);
        mag_zero(arb_radref(x));
        arb_div(M, x, t, prec);
        arb_get_ubound_arf(arb_midref(M), M, prec);
        mag_zero(arb_radref(M));
    }
    arb_clear(x);
    arb_clear(r);
    arb_clear(Dc);
    arb_clear(Dr);
    arb_clear(H);
    arb_clear(E);
    arb_clear(t);
    arb_clear(W);
    acb_clear(z);
    acb_clear(wz);
    return ok;
}

/* ---------- one piece ---------- */

/* cos(m pi / n), m = 0..2n-1 (cached per n) */
static arb_srcptr cos_table(_sc_pair_side *S, slong n)
{
    if (S->cosx[n] == NULL)
    {
        slong m;
        fmpq_t q;
        fmpq_init(q);
        S->cosx[n] = _arb_vec_init(2 * n);
        for (m = 0; m < 2 * n; m++)
        {
            fmpq_set_si(q, m, n);
            arb_cos_pi_fmpq(S->cosx[n] + m, q, S->prec);
        }
        fmpq_clear(q);
    }
    return S->cosx[n];
}

/* Q(z) = sum_k q_k T_k(z) by Clenshaw's recurrence, complex z */
typedef struct
{
    arb_srcptr q;
    slong len;
}
cheb_t;

static int exp_negQ(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    const cheb_t *Q = param;
    acb_t b0, b1, b2, zz;
    slong k;
    acb_init(b0);
    acb_init(b1);
    acb_init(b2);
    acb_init(zz);
    acb_mul_2exp_si(zz, z, 1);
    for (k = Q->len - 1; k >= 1; k--)
    {
        acb_mul(b0, zz, b1, prec);
        acb_sub(b0, b0, b2, prec);
        acb_add_arb(b0, b0, Q->q + k, prec);
        acb_swap(b2, b1);
        acb_swap(b1, b0);
    }
    /* Q = q_0 + z b_1 - b_2 */
    acb_mul(b0, z, b1, prec);
    acb_sub(b0, b0, b2, prec);
    acb_add_arb(b0, b0, Q->q, prec);
    acb_neg(b0, b0);
    acb_exp(out, b0, prec);
    acb_clear(b0);
    acb_clear(b1);
    acb_clear(b2);
    acb_clear(zz);
    return 0;
}

/* The piece [a, b] of degree n with its majorant M and ellipse parameter rE:
   I = int_a^b exp(-G), S->G advanced from G(a) to G(b). */
static int piece_n(arb_t I, _sc_pair_side *S, const arf_t a, const arf_t b, slong n,
                   const arb_t M, const arb_t rE, slong wp)
{
    slong prec = S->prec, k, j;
    arb_srcptr cs = cos_table(S, n);
    arb_ptr f = _arb_vec_init(n + 1), ac = _arb_vec_init(n + 3), q = _arb_vec_init(n + 2);
    arb_ptr qm = _arb_vec_init(n + 2);
    arb_t h, cm, u, t, err, eQ;
    acb_t res, lo, hi;
    mag_t tol;
    acb_calc_integrate_opt_t opt;
    cheb_t Q;

    arb_init(h);
    arb_init(cm);
    arb_init(u);
    arb_init(t);
    arb_init(err);
    arb_init(eQ);
    acb_init(res);
    acb_init(lo);
    acb_init(hi);
    mag_init(tol);
    arb_set_arf(h, b);
    arb_sub_arf(h, h, a, wp);
    arb_mul_2exp_si(h, h, -1);
    arb_set_arf(cm, a);
    arb_add(cm, cm, h, wp);
    /* f at u_k = cm + h cos(k pi / n) (at wp bits: the node must be located
       within its piece to prec bits); the ends exactly */
    for (k = 0; k <= n; k++)
    {
        if (k == 0)
            arb_set_arf(u, b);
        else if (k == n)
            arb_set_arf(u, a);
        else
        {
            arb_mul(u, h, cs + k, wp);
            arb_add(u, u, cm, wp);
        }
        f_eval(f + k, S, u, wp);
    }
    /* Chebyshev coefficients of the interpolant: a_j = (2/n) sum'' f_k cos(j k pi / n) */
    for (j = 0; j <= n; j++)
    {
        arb_zero(t);
        for (k = 0; k <= n; k++)
        {
            arb_mul(u, f + k, cs + (j * k) % (2 * n), prec);
            if (k == 0 || k == n)
                arb_mul_2exp_si(u, u, -1);
            arb_add(t, t, u, prec);
        }
        arb_mul_2exp_si(t, t, 1);
        arb_div_si(ac + j, t, n, prec);
        if (j == 0 || j == n)
            arb_mul_2exp_si(ac + j, ac + j, -1);
    }
    /* antiderivative in t (u = cm + h t), zero at t = -1:
       A_1 = a_0 - a_2/2, A_k = (a_{k-1} - a_{k+1}) / (2k); q_k = h A_k,
       q_0 = -sum_k q_k (-1)^k */
    arb_zero(q);
    for (k = 1; k <= n + 1; k++)
    {
        if (k == 1)
        {
            arb_mul_2exp_si(t, ac + 2, -1);
            arb_sub(t, ac, t, prec);
        }
        else
        {
            arb_sub(t, ac + k - 1, ac + k + 1, prec);
            arb_div_si(t, t, 2 * k, prec);
        }
        arb_mul(q + k, t, h, prec);
        if (k % 2)
            arb_add(q, q, q + k, prec);
        else
            arb_sub(q, q, q + k, prec);
    }
    /* interpolation error: |f - p_n| <= 4 M rE^-n / (rE - 1); G error
       <= 2 h times that */
    arb_pow_ui(err, rE, n, prec);
    arb_sub_ui(t, rE, 1, prec);
    arb_mul(err, err, t, prec);
    arb_mul_2exp_si(t, M, 3);                    /* 4 M * 2 */
    arb_mul(t, t, h, prec);
    arb_div(err, t, err, prec);
    arb_get_ubound_arf(arb_midref(err), err, prec);
    mag_zero(arb_radref(err));
    /* int_{-1}^{1} exp(-Q(t)) dt, an entire integrand.  The integrator gets
       the exact polynomial of the midpoints (ball coefficients would enter
       its error bounds through |T_k| on large ellipses); the radii move Q by
       at most eQ = sum_k rad(q_k) on [-1, 1] (|T_k| <= 1), a factor
       e^{[-eQ, eQ]}, added to err below */
    {
        mag_t e;
        mag_init(e);
        for (k = 0; k <= n + 1; k++)
        {
            mag_add(e, e, arb_radref(q + k));
            mag_zero(arb_radref(qm + k));
            arf_set(arb_midref(qm + k), arb_midref(q + k));
        }
        arb_add_error_mag(eQ, e);
        mag_clear(e);
    }
    Q.q = qm;
    Q.len = n + 2;
    acb_set_si(lo, -1);
    acb_one(hi);
    acb_calc_integrate_opt_init(opt);
    acb_zero(res);
    exp_negQ(res, res, &Q, 0, prec);             /* scale of the integrand at t = 0 */
    arb_get_mag(tol, acb_realref(res));
    mag_mul_2exp_si(tol, tol, -prec - 4);
    acb_calc_integrate(res, exp_negQ, &Q, lo, hi, prec, tol, opt, prec);
    /* I = h e^{-G(a)} int exp(-Q) e^{[-err, err]} */
    arb_neg(t, S->G);
    arb_exp(t, t, prec);
    arb_mul(t, t, acb_realref(res), prec);
    arb_mul(t, t, h, prec);
    arb_zero(u);
    arb_add_error(u, err);
    arb_add(u, u, eQ, prec);
    arb_exp(u, u, prec);
    arb_mul(I, t, u, prec);
    /* G(b) = G(a) + Q(1) +- err, Q(1) = sum_k q_k */
    for (k = 0; k <= n + 1; k++)
        arb_add(S->G, S->G, q + k, prec);
    arb_add_error(S->G, err);

    _arb_vec_clear(f, n + 1);
    _arb_vec_clear(ac, n + 3);
    _arb_vec_clear(q, n + 2);
    _arb_vec_clear(qm, n + 2);
    arb_clear(eQ);
    arb_clear(h);
    arb_clear(cm);
    arb_clear(u);
    arb_clear(t);
    arb_clear(err);
    acb_clear(res);
    acb_clear(lo);
    acb_clear(hi);
    mag_clear(tol);
    return SC_OK;
}

/* The piece [a, b] (exact, 0 <= a < b < 1): disc radius
   R = min(4h, (2/3)(1 - cm)), ellipse parameter rE = R/h + sqrt((R/h)^2 - 1);
   the degree from the error target, bisected while the majorant fails or
   the degree would exceed SC_PAIR_NMAX. */
int _sc_pair_piece(arb_t I, _sc_pair_side *S, const arf_t a, const arf_t b, int depth)
{
    slong prec = S->prec, n = SC_PAIR_NMAX, wp;
    arf_t cm, h, R, R2, m;
    arb_t M, rE, t;
    int st = SC_OK, split = 0;

    if (sc_budget_expired())
        return SC_ERR_BUDGET;
    arf_init(cm);
    arf_init(h);
    arf_init(R);
    arf_init(R2);
    arf_init(m);
    arb_init(M);
    arb_init(rE);
    arb_init(t);
    arf_add(cm, a, b, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(cm, cm, -1);
    arf_sub(h, b, a, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(h, h, -1);
    wp = prec + 8 + FLINT_MAX(0, -arf_abs_bound_lt_2exp_si(h));
    arf_mul_2exp_si(R, h, 2);
    arf_sub_si(R2, cm, 1, prec, ARF_RND_DOWN);          /* cm - 1 < 0 */
    arf_neg(R2, R2);
    arf_mul_si(R2, R2, 2, prec, ARF_RND_DOWN);
    arf_div_si(R2, R2, 3, prec, ARF_RND_DOWN);
    if (arf_cmp(R2, R) < 0)
        arf_swap(R, R2);
    /* rE = R/h + sqrt((R/h)^2 - 1) (a ball; its lower bound is used) */
    arb_set_arf(rE, R);
    arb_div_arf(rE, rE, h, prec);
    arb_sqr(t, rE, prec);
    arb_sub_ui(t, t, 1, prec);
    arb_sqrt(t, t, prec);
    arb_add(rE, rE, t, prec);
    arb_get_lbound_arf(arb_midref(rE), rE, prec);
    mag_zero(arb_radref(rE));
    if (!arb_is_finite(rE) || arf_cmp_d(arb_midref(rE), 1.2) < 0 || !majorant(M, S, cm, R, wp))
        split = 1;
    else
    {
        /* smallest n with 8 h M rE^-n / (rE - 1) <= eps_piece (a choice) */
        double re = arf_get_d(arb_midref(rE), ARF_RND_DOWN);
        double mm = arf_get_d(arb_midref(M), ARF_RND_UP) * arf_get_d(h, ARF_RND_UP);
        double nn = ceil(log(8.0 * mm / ((re - 1.0) * S->eps_piece)) / log(re));
        if (!(nn <= SC_PAIR_NMAX))
            split = depth < DEPTH_MAX;
        else
            n = FLINT_MAX(NMIN, (slong) nn);
    }
    if (split && depth < DEPTH_MAX)
    {
        arb_t I2;
        arb_init(I2);
        arf_add(m, a, b, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(m, m, -1);
        st = _sc_pair_piece(I, S, a, m, depth + 1);
        if (st == SC_OK)
            st = _sc_pair_piece(I2, S, m, b, depth + 1);
        arb_add(I, I, I2, prec);
        arb_clear(I2);
    }
    else if (split)
    {
        /* no usable bound even on a tiny piece: give up on this piece */
        arb_indeterminate(I);
        arb_indeterminate(S->G);
        S->c->pieces++;
    }
    else
    {
        st = piece_n(I, S, a, b, n, M, rE, wp);
        S->c->pieces++;
    }
    arf_clear(cm);
    arf_clear(h);
    arf_clear(R);
    arf_clear(R2);
    arf_clear(m);
    arb_clear(M);
    arb_clear(rE);
    arb_clear(t);
    return st;
}
