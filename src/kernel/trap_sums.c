/* The finite double sums of the product trapezoidal rule (trap_inner.c,
   doc/model.md section 8.12):  S = h k sum_i a_i sum_j phi_G(y_j) f(v_ij),
   a_i = f(t x_i) phi_G(x_i),  v_ij = t (c x_i + s' y_j).

   Every node is evaluated at a precision tapered to its weight (a node
   whose weight times the growth bound of f is negligible is replaced by the
   ball 0 +- that bound, which is rigorous: |f(v)| <= P(|v|) on the line);
   the errors of all nodes add up to about 2^-(prec+4). */
#include <math.h>
#include <flint/fmpz_poly.h>
#include "trap.h"

static double log2_gauss(double x)
{
    return -x * x / 2 * 1.4426950408889634 - 1.3257480647361593;
}

/* +1 / -1: f = phi^(deriv) is even / odd; 0: neither */
static int parity(const sc_trap_fn *T)
{
    if (T->def->flags & SC_ACT_ODD)
        return T->deriv ? 1 : -1;
    if (T->def->flags & SC_ACT_EVEN)
        return T->deriv ? -1 : 1;
    return 0;
}

/* log2 of |x| (double, -inf for 0) */
static double log2_abs_fmpz(const fmpz_t z)
{
    slong e;
    double m;
    if (fmpz_is_zero(z))
        return -INFINITY;
    m = fmpz_get_d_2exp(&e, z);
    return log2(fabs(m)) + e;
}

/* f at the lattice point u, or 0 +- P(|u|) when lw (log2 of its weight
   in the sum, times the number of terms) is below -prec - 6 */
static void node(arb_t res, sc_trap_fn *T, const arb_t u, double lw, slong wmax, slong prec)
{
    if (lw < -prec - 6)
        _sc_trap_growth_ball(res, T, u, 30);
    else
    {
        slong wp = FLINT_MIN(wmax, FLINT_MAX(20, prec + 6 + (slong) ceil(lw)));
        _sc_trap_eval(res, T, u, wp);
    }
}

/* Lattice: h, k, delta exact with |c| h ~ m delta and s' k ~ delta, so that
   c x_i + s' y_j = delta (+-m i + j) + e_ij,
   |e_ij| <= |c h -+ m delta| Nx + |s' k - delta| Ny = eps
   (eps is of the size of the radii of c and s': the grid is exact and only
   the lattice arguments are widened), and
     S = h k sum_l B_l D_l,  B_l = f(t (delta l +- eps)),  D_l = sum_{+-m i + j = l} a_i w_j.
   D is one product of polynomials, computed exactly on integers after
   rounding a_i and w_j to multiples of 2^-s:  if |a_i - a~_i 2^-s| <= E_a 2^-s
   and |w_j - w~_j 2^-s| <= E_w 2^-s for all i, j, then for every l
     |D_l - D~_l 2^-2s| <= 2^-2s (sum|a~| E_w + E_a sum|w~| + n E_a E_w),
   n = min(#i, #j) (each i and each j occurs at most once in D_l). */
void _sc_trap_sum_lattice(arb_t S, sc_trap_fn *T, const arb_t c, const arb_t sp,
                          const arb_t h, const arb_t k, const arb_t delta, slong m,
                          slong Nx, slong Ny, slong prec)
{
    slong L = m * Nx + Ny, len = 2 * L + 1, na = 2 * Nx + 1, nw = 2 * Ny + 1, i, sb;
    int neg = arb_is_negative(c), par = parity(T);
    arb_t hk, u, eps, ew, zero;
    arb_ptr a = _arb_vec_init(na), w = _arb_vec_init(Ny + 1), B = _arb_vec_init(len),
            D = _arb_vec_init(len);
    fmpz_poly_t PA, PW, PD;
    fmpz_t z, sa, sw;
    mag_t Ea, Ew, e, half;
    double dd = _sc_trap_hi(delta), td = _sc_trap_hi(T->t), lhk, leps;

    arb_init(hk); arb_init(u); arb_init(eps); arb_init(ew); arb_init(zero);
    fmpz_poly_init(PA); fmpz_poly_init(PW); fmpz_poly_init(PD);
    fmpz_init(z); fmpz_init(sa); fmpz_init(sw);
    mag_init(Ea); mag_init(Ew); mag_init(e); mag_init(half);
    mag_set_ui_2exp_si(half, 1, -1);

    /* ew = |c h -+ delta| Nx + |s' k - delta| Ny (exact upper bound) */
    arb_mul(u, c, h, prec + 30);
    arb_mul_si(eps, delta, neg ? -m : m, prec + 30);
    arb_sub(u, u, eps, prec + 30);
    arb_abs(u, u);
    arb_mul_si(ew, u, Nx, prec + 30);
    arb_mul(u, sp, k, prec + 30);
    arb_sub(u, u, delta, prec + 30);
    arb_abs(u, u);
    arb_mul_si(u, u, Ny, prec + 30);
    arb_add(ew, ew, u, prec + 30);
    arb_get_ubound_arf(arb_midref(ew), ew, prec + 30);
    mag_zero(arb_radref(ew));
    arb_mul(hk, h, k, prec + 30);
    lhk = log2(_sc_trap_hi(hk));
    /* fixed-point scale: h k sum_l |B_l| eps_D stays below 2^-(prec+4) */
    sb = prec + 10 + (slong) ceil(log2((double) len))
         + FLINT_MAX(0, (slong) ceil(_sc_trap_log2_growth(T, td * dd * L)));

    _sc_trap_row(a, T, h, Nx, sb);
    sc_gauss_grid_weights(w, Ny + 1, zero, k, sb + 16);

    fmpz_poly_fit_length(PA, m * (na - 1) + 1);
    fmpz_poly_fit_length(PW, nw);
    for (i = 0; i < na; i++)
    {
        const arb_struct *ai = a + (neg ? na - 1 - i : i);
        arf_t mm;
        if (!arb_is_finite(ai))
            goto fail;
        arf_init(mm);
        arf_mul_2exp_si(mm, arb_midref(ai), sb);
        arf_get_fmpz(z, mm, ARF_RND_NEAR);
        arf_clear(mm);
        fmpz_poly_set_coeff_fmpz(PA, m * i, z);
        fmpz_abs(z, z);
        fmpz_add(sa, sa, z);
        mag_mul_2exp_si(e, arb_radref(ai), sb);
        mag_add(e, e, half);
        mag_max(Ea, Ea, e);
    }
    for (i = 0; i < nw; i++)
    {
        const arb_struct *wj = w + (i >= Ny ? i - Ny : Ny - i);
        arf_t mm;
        if (!arb_is_finite(wj))
            goto fail;                          /* stopped (sc_gauss_grid_weights) */
        arf_init(mm);
        arf_mul_2exp_si(mm, arb_midref(wj), sb);
        arf_get_fmpz(z, mm, ARF_RND_NEAR);
        arf_clear(mm);
        fmpz_poly_set_coeff_fmpz(PW, i, z);
        fmpz_add(sw, sw, z);
        mag_mul_2exp_si(e, arb_radref(wj), sb);
        mag_add(e, e, half);
        mag_max(Ew, Ew, e);
    }
    fmpz_poly_mul(PD, PA, PW);

    /* eps = 2^-2s (sa Ew + Ea sw + n Ea Ew) */
    {
        arb_t t1;
        arb_init(t1);
        arb_set_fmpz(eps, sa);
        arf_set_mag(arb_midref(u), Ew);
        mag_zero(arb_radref(u));
        arb_mul(eps, eps, u, 64);
        arb_set_fmpz(t1, sw);
        arf_set_mag(arb_midref(u), Ea);
        arb_mul(t1, t1, u, 64);
        arb_add(eps, eps, t1, 64);
        arf_set_mag(arb_midref(u), Ea);
        arf_set_mag(arb_midref(t1), Ew);
        mag_zero(arb_radref(t1));
        arb_mul(u, u, t1, 64);
        arb_mul_si(u, u, FLINT_MIN(na, nw), 64);
        arb_add(eps, eps, u, 64);
        arb_mul_2exp_si(eps, eps, -2 * sb);
        arb_get_ubound_arf(arb_midref(eps), eps, 64);
        mag_zero(arb_radref(eps));
        leps = log2(_sc_trap_hi(eps) + 1e-300);
        arb_clear(t1);
    }

    for (i = 0; i < len; i++)
    {
        fmpz_poly_get_coeff_fmpz(z, PD, i);
        arb_set_fmpz(D + i, z);
        arb_mul_2exp_si(D + i, D + i, -2 * sb);
        arb_add_error(D + i, eps);
    }
    /* B_l = f(t delta l), l = -L..L, tapered by |D_l| */
    for (i = 0; i <= L; i++)
    {
        slong s;
        for (s = 1; s >= -1; s -= 2)
        {
            double ld, lw;
            slong idx = L + s * i;
            if (i == 0 && s < 0)
                break;
            if (s < 0 && par != 0)
            {
                if (par > 0)
                    arb_set(B + idx, B + L + i);
                else
                    arb_neg(B + idx, B + L + i);
                break;
            }
            fmpz_poly_get_coeff_fmpz(z, PD, idx);
            ld = log2_abs_fmpz(z) - 2 * sb;
            ld = FLINT_MAX(ld, leps) + 1;
            lw = lhk + ld + _sc_trap_log2_growth(T, td * dd * i) + log2((double) len);
            arb_mul_si(u, delta, s * i, prec + 30);
            arb_add_error(u, ew);
            arb_mul(u, u, T->t, prec + 30);
            node(B + idx, T, u, lw, prec + 8, prec);
        }
    }
    arb_dot(S, NULL, 0, B, 1, D, 1, len, prec + 10);
    arb_mul(S, S, hk, prec + 10);
    goto done;
fail:
    arb_indeterminate(S);
done:
    _arb_vec_clear(a, na);
    _arb_vec_clear(w, Ny + 1);
    _arb_vec_clear(B, len);
    _arb_vec_clear(D, len);
    arb_clear(hk); arb_clear(u); arb_clear(eps); arb_clear(ew); arb_clear(zero);
    fmpz_poly_clear(PA); fmpz_poly_clear(PW); fmpz_poly_clear(PD);
    fmpz_clear(z); fmpz_clear(sa); fmpz_clear(sw);
    mag_clear(Ea); mag_clear(Ew); mag_clear(e); mag_clear(half);
}

void _sc_trap_exp_remainder(arb_t E, const arb_t K, slong R, slong prec)
{
    /* e^w - sum_{r<=R} w^r/r! = e^xi w^{R+1}/(R+1)! for real w, |xi| <= |w| */
    arb_t f;
    arb_init(f);
    arb_pow_ui(E, K, R + 1, prec);
    arb_exp(f, K, prec);
    arb_mul(E, E, f, prec);
    arb_fac_ui(f, R + 1, prec);
    arb_div(E, E, f, prec);
    arb_get_ubound_arf(arb_midref(E), E, prec);
    mag_zero(arb_radref(E));
    arb_clear(f);
}

/* bits for the row weights a_i of rows and direct: the error h k sum_i
   |da_i| |S_i|, |S_i| ~ E[P]/k, stays below 2^-(prec+4) */
static slong row_bits(const sc_trap_fn *T, double hd, slong Nx, slong prec)
{
    double lg = _sc_trap_log2_growth(T, _sc_trap_hi(T->t) * 2);
    return prec + 8 + (slong) ceil(log2((2 * Nx + 1) * hd + 1)) + FLINT_MAX(0, (slong) ceil(lg));
}

/* Rows: row i uses the grid y = l k - mu_i, mu_i = c x_i / s', so that
   v = t s' k l for every row, and
     sum_l B_l phi_G(lk - mu_i) = e^{-mu_i^2/2} sum_l B_l phi_G(lk) e^{lk mu_i}
       = e^{-mu_i^2/2} (sum_{r<=R} mu_i^r M_r / r!  +- W K^{R+1} e^K/(R+1)!),
   M_r = sum_l B_l phi_G(lk) (lk)^r, W = sum_l |B_l| phi_G(lk), K >= |lk mu_i|
   (Taylor remainder of e^w for real w). */
void _sc_trap_sum_rows(arb_t S, sc_trap_fn *T, const arb_t c, const arb_t sp,
                       const arb_t h, const arb_t k, slong Nx, slong Nl, slong R, slong prec)
{
    slong na = 2 * Nx + 1, i, r, wp, ab;
    int par = parity(T);
    arb_ptr a = _arb_vec_init(na), g = _arb_vec_init(Nl + 1), M = _arb_vec_init(R + 1);
    arb_t v, u, y, term, W, K, mu, rem, Si, zero;
    double hd = _sc_trap_hi(h), kd = _sc_trap_hi(k), td = _sc_trap_hi(T->t), mum, Kd, lk, vd;

    arb_init(v); arb_init(u); arb_init(y); arb_init(term); arb_init(W); arb_init(K);
    arb_init(mu); arb_init(rem); arb_init(Si); arb_init(zero);
    /* max |mu_i| and K = Nl k max|mu_i| */
    arb_abs(mu, c);
    arb_mul_si(mu, mu, Nx, prec);
    arb_mul(mu, mu, h, prec);
    arb_div(mu, mu, sp, prec);
    arb_get_ubound_arf(arb_midref(mu), mu, prec);
    mag_zero(arb_radref(mu));
    arb_mul_si(K, k, Nl, prec);
    arb_mul(K, K, mu, prec);
    arb_get_ubound_arf(arb_midref(K), K, prec);
    mag_zero(arb_radref(K));
    mum = _sc_trap_hi(mu);
    Kd = _sc_trap_hi(K);
    wp = prec + 10 + (slong) ceil(1.4427 * Kd);
    ab = row_bits(T, hd, Nx, prec);
    /* log2 of k E[P]: the weight of B_l is about k E[P] phi_G(lk) e^{|lk| max|mu|} */
    lk = log2(kd) + FLINT_MAX(0, _sc_trap_log2_growth(T, td));

    _sc_trap_row(a, T, h, Nx, ab);
    sc_gauss_grid_weights(g, Nl + 1, zero, k, wp + 16);
    arb_mul(v, sp, k, wp + 16);
    arb_mul(v, v, T->t, wp + 16);               /* lattice step of v */
    vd = _sc_trap_hi(v);
    for (i = -Nl; i <= Nl; i++)
    {
        slong ai = i < 0 ? -i : i;
        double lw = lk + log2_gauss(ai * kd) + 1.4427 * ai * kd * mum
                    + _sc_trap_log2_growth(T, ai * vd) + log2(2 * Nl + 1.0);
        arb_mul_si(u, v, i, wp + 16);
        node(term, T, u, lw, wp, prec);
        arb_mul(term, term, g + ai, wp);
        arb_abs(u, term);
        arb_add(W, W, u, wp);
        arb_mul_si(y, k, i, wp + 16);
        for (r = 0; r <= R; r++)
        {
            arb_add(M + r, M + r, term, wp);
            if (r < R)
                arb_mul(term, term, y, wp);
        }
    }
    arb_one(u);
    for (r = 1; r <= R; r++)
    {
        arb_div_ui(u, u, r, wp);
        arb_mul(M + r, M + r, u, wp);           /* M_r / r! */
    }
    arb_get_ubound_arf(arb_midref(W), W, wp);
    mag_zero(arb_radref(W));
    _sc_trap_exp_remainder(rem, K, R, wp);
    arb_mul(rem, rem, W, wp);

    arb_zero(S);
    for (i = par ? 0 : -Nx; i <= Nx; i++)
    {
        arb_mul_si(mu, h, i, wp);
        arb_mul(mu, mu, c, wp);
        arb_div(mu, mu, sp, wp);
        _arb_poly_evaluate(Si, M, R + 1, mu, wp);
        arb_add_error(Si, rem);
        arb_sqr(u, mu, wp);
        arb_mul_2exp_si(u, u, -1);
        arb_neg(u, u);
        arb_exp(u, u, wp);
        arb_mul(Si, Si, u, wp);
        arb_mul(Si, Si, a + Nx + i, wp);
        if (par && i > 0)
            arb_mul_2exp_si(Si, Si, 1);
        arb_add(S, S, Si, wp);
    }
    arb_mul(S, S, h, prec + 10);
    arb_mul(S, S, k, prec + 10);

    _arb_vec_clear(a, na);
    _arb_vec_clear(g, Nl + 1);
    _arb_vec_clear(M, R + 1);
    arb_clear(v); arb_clear(u); arb_clear(y); arb_clear(term); arb_clear(W); arb_clear(K);
    arb_clear(mu); arb_clear(rem); arb_clear(Si); arb_clear(zero);
}

/* Direct: every node (i, j) evaluated, S_i = sum_j w_j f(t(c x_i + s' y_j));
   a row whose weight a_i is negligible gets S_i = 0 +- its bound
   (1/k) sc_gauss_grid_poly(sc_growth_affine(t|c||x_i|, t s')). */
void _sc_trap_sum_direct(arb_t S, sc_trap_fn *T, const arb_t c, const arb_t sp,
                         const arb_t h, const arb_t k, slong Nx, slong Ny, slong prec)
{
    slong na = 2 * Nx + 1, i, j, ab;
    int par = parity(T);
    arb_ptr a = _arb_vec_init(na), w = _arb_vec_init(Ny + 1), hc = _arb_vec_init(SC_GROWTH_MAX),
            ty = _arb_vec_init(Ny + 1);
    arb_t x, tx, u, Si, fv, A, Bc, zero;
    double hd = _sc_trap_hi(h), kd = _sc_trap_hi(k), td = _sc_trap_hi(T->t),
           cd = _sc_trap_hi(c), sd = _sc_trap_hi(sp), lpairs, lhk = log2(hd * kd);

    arb_init(x); arb_init(tx); arb_init(u); arb_init(Si); arb_init(fv);
    arb_init(A); arb_init(Bc); arb_init(zero);
    ab = row_bits(T, hd, Nx, prec);
    lpairs = log2((2 * Nx + 1.0) * (2 * Ny + 1.0));
    _sc_trap_row(a, T, h, Nx, ab);
    sc_gauss_grid_weights(w, Ny + 1, zero, k, prec + 16);
    /* v_ij = t c x_i + t s' y_j: the terms t s' y_j once (balls: the sum
       encloses t (c x_i + s' y_j)) */
    arb_mul(u, T->t, sp, prec + 16);
    for (j = 0; j <= Ny; j++)
        arb_mul_si(ty + j, u, j, prec + 16);
    for (j = 0; j <= Ny; j++)
        arb_mul(ty + j, ty + j, k, prec + 16);
    arb_mul(Bc, T->t, sp, prec);
    arb_get_ubound_arf(arb_midref(Bc), Bc, prec);
    mag_zero(arb_radref(Bc));
    arb_zero(S);
    cd = fabs(cd) > fabs(_sc_trap_lo(c)) ? fabs(cd) : fabs(_sc_trap_lo(c));
    for (i = par ? 0 : -Nx; i <= Nx; i++)
    {
        double xd = fabs(i * hd), li = _sc_trap_log2_growth(T, td * xd) + log2_gauss(xd);
        arb_mul_si(x, h, i, prec + 16);
        arb_zero(Si);
        if (li < -ab)
        {
            slong nh;
            arb_abs(A, c);
            arb_mul(A, A, T->t, prec);
            arb_mul(A, A, x, prec);
            arb_abs(A, A);
            arb_get_ubound_arf(arb_midref(A), A, prec);
            mag_zero(arb_radref(A));
            nh = sc_growth_affine(hc, T->g, T->ng, A, Bc, 64);
            sc_gauss_grid_poly(u, hc, nh, k, 64);
            arb_div(u, u, k, 64);
            arb_add_error(Si, u);
        }
        else
        {
            arb_mul(tx, c, x, prec + 16);
            arb_mul(tx, tx, T->t, prec + 16);
            for (j = -Ny; j <= Ny; j++)
            {
                slong aj = j < 0 ? -j : j;
                double vd = td * (cd * xd + sd * aj * kd);
                double lw = lhk + li + log2_gauss(aj * kd) + _sc_trap_log2_growth(T, vd) + lpairs;
                if (j < 0)
                    arb_sub(u, tx, ty + aj, prec + 16);
                else
                    arb_add(u, tx, ty + aj, prec + 16);
                node(fv, T, u, lw, prec + 8, prec);
                arb_addmul(Si, fv, w + aj, prec + 10);
            }
        }
        arb_mul(Si, Si, a + Nx + i, prec + 10);
        if (par && i > 0)
            arb_mul_2exp_si(Si, Si, 1);
        arb_add(S, S, Si, prec + 10);
    }
    arb_mul(S, S, h, prec + 10);
    arb_mul(S, S, k, prec + 10);

    _arb_vec_clear(a, na);
    _arb_vec_clear(w, Ny + 1);
    _arb_vec_clear(hc, SC_GROWTH_MAX);
    _arb_vec_clear(ty, Ny + 1);
    arb_clear(x); arb_clear(tx); arb_clear(u); arb_clear(Si); arb_clear(fv);
    arb_clear(A); arb_clear(Bc); arb_clear(zero);
}
