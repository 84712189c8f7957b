/* The kernel inside (-1, 1) by the product trapezoidal rule
   (doc/model.md section 8.12):

     I = int int F(x, y) dx dy,  F = f(tx) f(t(cx + s'y)) phi_G(x) phi_G(y),
     T = h k sum_{i, j} F(x_i, y_j),  x_i = ih,  y_j = jk (+ an offset per row).

   Error of the infinite sum (f analytic with |f(z)| <= P(|Re z|) for
   |Im z| <= sigma):  T - I = (T_x - I_x)[G] + T_x[(T_y - I_y) F] with
   G(x) = int F(x, y) dy.
   - G is analytic for |Im x| < a = sigma / t (then |Im(t x)| and
     |Im(t c x)| are <= sigma), and |phi_G(x + i eta)| = phi_G(x) e^{eta^2/2},
     |Re(t(cx + s'y))| <= t|c||x| + t s'|y|, so
       int |G(x +- ia)| dx <= M_A = e^{a^2/2} E[P(t|X|) Q(|X|)],
       Q(r) = E[P(t|c| r + t s'|Y|)]                     (sc_growth_smooth);
     the 1-D theorem (gauss.h, sc_trap_error) gives E_A = 2 M_A/(e^{2 pi a/h} - 1).
   - For real x, y -> F(x, y) is analytic for |Im y| < b = sigma / (t s'), with
     int |F(x, y +- ib)| dy <= e^{b^2/2} P(t|x|) Q(|x|) phi_G(x); summing over
     the nodes x_i with sc_gauss_grid_poly:
       E_B = 2 e^{b^2/2} S_B / (e^{2 pi b/k} - 1),  S_B >= h sum_i P(t|x_i|) Q(|x_i|) phi_G(x_i).
   - Truncation to |i| <= Nx, |y| <= Y: |F| <= sum C_ab |x|^a |y|^b phi_G phi_G
     (C from P(t|x|) P(t|c||x| + t s'|y|)), so the dropped nodes add at most
       E_T = tail(sum_b C_ab All_b(k), X) + tail(sum_a C_ab All_a(h), Y),
     All_m(h) = sc_gauss_grid_moment (any grid offset), tail = the integral
     tail sc_gauss_tail_bound (X, Y >= sqrt(degree): monotone there).
   a and b may be chosen smaller than these strips (the best is about
   sqrt(2 log(1/tol)), sc_trap_step).  The finite sum is computed by one of
   three methods (trap_sums.c), chosen by an estimate of the cost. */
#include <math.h>
#include "trap.h"

/* exact upper bound */
static void upper(arb_t x, slong prec)
{
    arb_get_ubound_arf(arb_midref(x), x, prec);
    mag_zero(arb_radref(x));
}

/* C[a * nb + b]: coefficients of P(t|x|) P(A|x| + B|y|) in |x|^a |y|^b
   (A = t|c|, B = t s'); na = 2 ng - 1, nb = ng */
static void cross_coeffs(arb_ptr C, const sc_trap_fn *T, arb_srcptr Pt, const arb_t A,
                         const arb_t B, slong prec)
{
    slong ng = T->ng, nb = ng, m, l, m1;
    arb_t bin, pa, pb, term;
    arb_init(bin); arb_init(pa); arb_init(pb); arb_init(term);
    _arb_vec_zero(C, (2 * ng - 1) * nb);
    for (m = 0; m < ng; m++)
        for (l = 0; l <= m; l++)
        {
            arb_bin_uiui(bin, m, l, prec);
            arb_pow_ui(pa, A, l, prec);
            arb_pow_ui(pb, B, m - l, prec);
            arb_mul(term, bin, pa, prec);
            arb_mul(term, term, pb, prec);
            arb_mul(term, term, T->g + m, prec);        /* g_m binom(m,l) A^l B^{m-l} */
            for (m1 = 0; m1 < ng; m1++)
                arb_addmul(C + (m1 + l) * nb + (m - l), term, Pt + m1, prec);
        }
    for (m = 0; m < (2 * ng - 1) * nb; m++)
        upper(C + m, prec);
    arb_clear(bin); arb_clear(pa); arb_clear(pb); arb_clear(term);
}

/* tail coefficient vectors: cx_a = sum_b C_ab All_b(k), cy_b = sum_a C_ab All_a(h) */
static void tail_coeffs(arb_ptr cx, arb_ptr cy, arb_srcptr C, slong na, slong nb,
                        const arb_t h, const arb_t k, slong prec)
{
    arb_t m;
    slong a, b;
    arb_init(m);
    _arb_vec_zero(cx, na);
    _arb_vec_zero(cy, nb);
    for (b = 0; b < nb; b++)
    {
        sc_gauss_grid_moment(m, b, k, prec);
        for (a = 0; a < na; a++)
            arb_addmul(cx + a, C + a * nb + b, m, prec);
    }
    for (a = 0; a < na; a++)
    {
        sc_gauss_grid_moment(m, a, h, prec);
        for (b = 0; b < nb; b++)
            arb_addmul(cy + b, C + a * nb + b, m, prec);
    }
    arb_clear(m);
}

/* log of K^{R+1} e^K / (R+1)! */
static double log_exp_rem(double K, slong R)
{
    return (R + 1) * log(K > 1e-300 ? K : 1e-300) + K - lgamma(R + 2.0);
}

enum { M_LATTICE, M_ROWS, M_DIRECT };

int _sc_kernel_trap_inner(arb_t res, sc_trap_fn *f, const arb_t c, const arb_t sp, slong prec)
{
    slong ng = f->ng, na = 2 * ng - 1, nb = ng, nq, nr, Nx, Ny = 0, Nl = 0, R = 0, m = 1;
    arb_ptr Pt, Q, Rp, C, cx, cy;
    arb_t A, B, M, E, ET, u, a, b, h, k, delta, X, Y, mu;
    double ad, bd, hd, kd, cd, sd, md, Rx, Ry, lEP, cost[3], ev = 40;
    double logtol = -(prec + 5) * 0.6931471805599453, td = _sc_trap_hi(f->t);
    int meth, st = SC_OK;

    Pt = _arb_vec_init(ng);
    Q = _arb_vec_init(SC_GROWTH_MAX);
    Rp = _arb_vec_init(2 * SC_GROWTH_MAX);
    C = _arb_vec_init(na * nb);
    cx = _arb_vec_init(na);
    cy = _arb_vec_init(nb);
    arb_init(A); arb_init(B); arb_init(M); arb_init(E); arb_init(ET); arb_init(u);
    arb_init(a); arb_init(b); arb_init(h); arb_init(k); arb_init(delta);
    arb_init(X); arb_init(Y); arb_init(mu);

    /* growth polynomials: P(t|x|), Q(|x|), their product, C */
    _sc_trap_scaled_growth(Pt, f->g, ng, f->t, prec);
    arb_abs(A, c);
    arb_mul(A, A, f->t, prec);
    upper(A, prec);
    arb_mul(B, sp, f->t, prec);
    upper(B, prec);
    nq = sc_growth_smooth(Q, f->g, ng, A, B, prec);
    nr = sc_growth_mul(Rp, Pt, ng, Q, nq, prec);
    cross_coeffs(C, f, Pt, A, B, prec);
    sc_gauss_poly_moment(M, Rp, nr, 64);
    md = _sc_trap_hi(M);
    lEP = 0.5 * log2(md);               /* about log2 E[P(t|X|)] */

    /* steps for the two directions, each error ~ 2^-(prec+5) */
    arb_div(u, f->strip, f->t, 64);
    hd = sc_trap_step(_sc_trap_lo(u), log(md), logtol, &ad);
    arb_mul(u, f->t, sp, 64);
    arb_div(u, f->strip, u, 64);
    kd = sc_trap_step(_sc_trap_lo(u), log(md) + 0.5, logtol, &bd);
    arb_set_d(a, ad);
    arb_set_d(b, bd);
    arb_set_d(h, hd);
    arb_set_d(k, kd);
    tail_coeffs(cx, cy, C, na, nb, h, k, 64);
    Rx = _sc_trap_cutoff(cx, na, prec + 4);
    Ry = _sc_trap_cutoff(cy, nb, prec + 4);

    /* choose the summation by its estimated cost (ev: one evaluation of phi
       in multiplications) */
    cd = fabs(arf_get_d(arb_midref(c), ARF_RND_NEAR));
    sd = arf_get_d(arb_midref(sp), ARF_RND_NEAR);
    {
        /* lattice: v/t = delta (+-m i + j); with r = |c| h/(s' k) >= 1 the
           x-step is m delta/|c| (m = floor r), else m = 1 and delta = |c| h */
        double r = cd * hd / (sd * kd), d, nxa, nya, len, mum, nl, K, lr, rows;
        int par = (f->def->flags & (SC_ACT_ODD | SC_ACT_EVEN)) != 0;
        if (r >= 1)
        {
            m = (slong) FLINT_MIN(floor(r), 1e9);
            d = sd * kd;
        }
        else
        {
            m = 1;
            d = cd * hd;
        }
        if (arb_contains_zero(c) || !(d > 0))
            cost[M_LATTICE] = INFINITY;
        else
        {
            nxa = ceil(Rx * cd / (m * d));
            nya = ceil(Ry * sd / d);
            len = 2 * (m * nxa + nya) + 1;
            /* a lattice point costs about 2.5 evaluations (measured: its
               evaluation, the fixed-point product, the tapering) */
            cost[M_LATTICE] = ev * (par ? nxa + 1 : 2 * nxa + 1) + 2.5 * ev * len
                              + 0.1 * len * log2(len) * (prec + 40) / 64;
        }
        nxa = ceil(Rx / hd);
        rows = par ? nxa + 1 : 2 * nxa + 1;
        mum = FLINT_MAX(fabs(_sc_trap_hi(c)), fabs(_sc_trap_lo(c))) * nxa * hd / _sc_trap_lo(sp);
        nl = ceil((Ry + mum) / kd);
        K = nl * kd * mum;
        lr = -(prec + 8) * 0.6931471805599453 - 2 * lEP * 0.6931471805599453;
        for (R = 0; R < 4000 && log_exp_rem(K, R) > lr; R++)
            ;
        cost[M_ROWS] = (R >= 4000 || K > 60) ? INFINITY
                       : ev * (rows + 2 * nl + 1) + 3.0 * (R + 1) * (2 * nl + rows + 2);
        nya = ceil(Ry / kd);
        cost[M_DIRECT] = ev * rows * (2 * nya + 1);
        meth = M_DIRECT;
        if (cost[M_ROWS] < cost[meth])
            meth = M_ROWS;
        if (cost[M_LATTICE] < cost[meth])
            meth = M_LATTICE;
        if (meth == M_LATTICE)
        {
            /* delta exact, h ~ m delta/|c| and k ~ delta/s' exact (from the
               midpoints, so that the grid does not depend on the radii of
               c and s'; the lattice arguments absorb them) */
            arb_set_d(delta, d * (1 - 1e-9));
            arb_set_arf(u, arb_midref(c));
            arb_abs(u, u);
            arb_mul_si(h, delta, m, prec + 30);
            arb_div(h, h, u, prec + 30);
            arb_set_arf(u, arb_midref(sp));
            arb_div(k, delta, u, prec + 30);
            mag_zero(arb_radref(h));
            mag_zero(arb_radref(k));
            Nx = (slong) ceil(Rx / _sc_trap_lo(h));
            Ny = (slong) ceil(Ry / _sc_trap_lo(k));
            if ((double) m * Nx + Ny > (double) SC_TRAP_MAX_NODES)
                Nx = SC_TRAP_MAX_NODES + 1;
        }
        else
        {
            Nx = (slong) FLINT_MIN(nxa, 2.0 * SC_TRAP_MAX_NODES);
            Ny = (slong) FLINT_MIN(nya, 2.0 * SC_TRAP_MAX_NODES);
            Nl = meth == M_ROWS ? (slong) FLINT_MIN(nl, 2.0 * SC_TRAP_MAX_NODES) : 0;
        }
    }
    if (!isfinite(td) || !(cost[meth] < 5e10) || Nx > SC_TRAP_MAX_NODES || Ny > SC_TRAP_MAX_NODES
        || Nl > SC_TRAP_MAX_NODES)
    {
        st = SC_ERR_UNSUPPORTED;    /* too many nodes: the caller falls back */
        goto cleanup;
    }

    if (meth == M_LATTICE)
        _sc_trap_sum_lattice(res, f, c, sp, h, k, delta, m, Nx, Ny, prec);
    else if (meth == M_ROWS)
        _sc_trap_sum_rows(res, f, c, sp, h, k, Nx, Nl, R, prec);
    else
        _sc_trap_sum_direct(res, f, c, sp, h, k, Nx, Ny, prec);

    /* E_A */
    arb_sqr(u, a, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_exp(u, u, prec);
    sc_gauss_poly_moment(M, Rp, nr, prec);
    arb_mul(M, M, u, prec);
    sc_trap_error(E, a, h, M, prec);
    /* E_B */
    arb_sqr(u, b, prec);
    arb_mul_2exp_si(u, u, -1);
    arb_exp(u, u, prec);
    sc_gauss_grid_poly(M, Rp, nr, h, prec);
    arb_mul(M, M, u, prec);
    sc_trap_error(ET, b, k, M, prec);
    arb_add(E, E, ET, prec);
    /* E_T: X = Nx h, Y = Ny k or, for shifted rows, Nl k - max |c x_i / s'| */
    tail_coeffs(cx, cy, C, na, nb, h, k, prec);
    arb_mul_si(X, h, Nx, prec);
    if (meth == M_ROWS)
    {
        arb_mul_si(Y, k, Nl, prec);
        arb_abs(mu, c);
        arb_mul(mu, mu, X, prec);
        arb_div(mu, mu, sp, prec);
        arb_sub(Y, Y, mu, prec);
    }
    else
        arb_mul_si(Y, k, Ny, prec);
    arb_get_lbound_arf(arb_midref(X), X, prec);
    mag_zero(arb_radref(X));
    arb_get_lbound_arf(arb_midref(Y), Y, prec);
    mag_zero(arb_radref(Y));
    if (!arb_is_positive(X) || !arb_is_positive(Y))
        arb_indeterminate(res);
    sc_gauss_tail_bound(ET, X, cx, na, prec);
    arb_add(E, E, ET, prec);
    sc_gauss_tail_bound(ET, Y, cy, nb, prec);
    arb_add(E, E, ET, prec);
    arb_add_error(res, E);
    if (f->expired)
        arb_indeterminate(res);

cleanup:
    _arb_vec_clear(Pt, ng);
    _arb_vec_clear(Q, SC_GROWTH_MAX);
    _arb_vec_clear(Rp, 2 * SC_GROWTH_MAX);
    _arb_vec_clear(C, na * nb);
    _arb_vec_clear(cx, na);
    _arb_vec_clear(cy, nb);
    arb_clear(A); arb_clear(B); arb_clear(M); arb_clear(E); arb_clear(ET); arb_clear(u);
    arb_clear(a); arb_clear(b); arb_clear(h); arb_clear(k); arb_clear(delta);
    arb_clear(X); arb_clear(Y); arb_clear(mu);
    return st;
}
