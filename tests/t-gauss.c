/* Certified Gaussian expectations against closed forms, fixed and random
   (polynomials, cos(bx + a), kinks |x - a| and (x - a)_+^2). */
#include <math.h>
#include "sc_test.h"
#include <arb_hypgeom.h>
#include "synccert/gauss.h"

static int f_pow(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    acb_pow_ui(out, z, *(ulong *) param, prec);
    return 0;
}

static int f_cos(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    acb_cos(out, z, prec);
    return 0;
}

/* |x|: analytic on each side of 0 only */
static int f_abs(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    if (arb_is_positive(acb_realref(z)))
        acb_set(out, z);
    else if (arb_is_negative(acb_realref(z)))
        acb_neg(out, z);
    else if (order > 0)
        acb_indeterminate(out);
    else
    {
        acb_t a;
        acb_init(a);
        acb_neg(a, z);
        acb_union(out, z, a, prec);
        acb_clear(a);
    }
    return 0;
}

static void test_moments(void)
{
    acb_t r;
    arb_ptr g = _arb_vec_init(5);
    ulong k;
    acb_init(r);
    k = 0;
    arb_one(g + 0);
    sc_gauss_expect(r, f_pow, &k, NULL, 0, g, 1, 128);
    SC_ASSERT_CONTAINS_STR(acb_realref(r), "1");
    SC_ASSERT_ACCURATE(acb_realref(r), 100);
    k = 4;
    arb_zero(g + 0);
    arb_one(g + 4);
    sc_gauss_expect(r, f_pow, &k, NULL, 0, g, 5, 128);
    SC_ASSERT_CONTAINS_STR(acb_realref(r), "3");
    SC_ASSERT_ACCURATE(acb_realref(r), 100);
    acb_clear(r);
    _arb_vec_clear(g, 5);
}

static void test_cos_and_abs(void)
{
    acb_t r;
    arb_t g, e, zero;
    acb_init(r);
    arb_init(g);
    arb_init(e);
    arb_init(zero);
    arb_one(g);
    sc_gauss_expect(r, f_cos, NULL, NULL, 0, g, 1, 200);
    arb_set_si(e, -1);
    arb_mul_2exp_si(e, e, -1);
    arb_exp(e, e, 200);                     /* E cos Z = e^{-1/2} */
    SC_ASSERT_OVERLAPS(acb_realref(r), e);
    SC_ASSERT_ACCURATE(acb_realref(r), 150);

    {
        arb_t g2[1];
        arb_ptr gg = _arb_vec_init(2);
        (void) g2;
        arb_one(gg + 1);
        sc_gauss_expect(r, f_abs, NULL, zero, 1, gg, 2, 128);
        arb_const_pi(e, 128);               /* E|Z| = sqrt(2/pi) */
        arb_ui_div(e, 2, e, 128);
        arb_sqrt(e, e, 128);
        SC_ASSERT_OVERLAPS(acb_realref(r), e);
        SC_ASSERT_ACCURATE(acb_realref(r), 100);
        _arb_vec_clear(gg, 2);
    }
    acb_clear(r);
    arb_clear(g);
    arb_clear(e);
    arb_clear(zero);
}

static void test_tail_bound(void)
{
    /* the bound for g = 1 is 2 P(Z > R) = erfc(R / sqrt 2) (an upper bound) */
    arb_t T, R, ex, one;
    arb_init(T);
    arb_init(R);
    arb_init(ex);
    arb_init(one);
    arb_one(one);
    arb_set_ui(R, 5);
    sc_gauss_tail_bound(T, R, one, 1, 128);
    arb_set_str(ex, "5.7330314375838e-7", 64);     /* just below erfc(5/sqrt2) */
    CU_ASSERT(arb_ge(T, ex));
    arb_mul_ui(ex, ex, 1001, 64);
    arb_div_ui(ex, ex, 1000, 64);
    CU_ASSERT(arb_le(T, ex));
    arb_clear(T);
    arb_clear(R);
    arb_clear(ex);
    arb_clear(one);
}

static void test_abs_moments_and_growth(void)
{
    arb_t m, A, B;
    arb_ptr g = _arb_vec_init(3), h = _arb_vec_init(3);
    arb_init(m);
    arb_init(A);
    arb_init(B);
    sc_gauss_abs_moment(m, 2, 128);
    SC_ASSERT_CONTAINS_STR(m, "1");
    sc_gauss_abs_moment(m, 4, 128);
    SC_ASSERT_CONTAINS_STR(m, "3");
    /* (1 + 2y)^2 = 1 + 4y + 4y^2 */
    arb_zero(g + 0);
    arb_zero(g + 1);
    arb_one(g + 2);
    arb_one(A);
    arb_set_ui(B, 2);
    sc_growth_affine(h, g, 3, A, B, 64);
    SC_ASSERT_CONTAINS_STR(h + 0, "1");
    SC_ASSERT_CONTAINS_STR(h + 1, "4");
    SC_ASSERT_CONTAINS_STR(h + 2, "4");
    /* E[(x + 2|Y|)^2] = x^2 + 4 sqrt(2/pi) x + 4 */
    sc_growth_smooth(h, g, 3, A, B, 64);
    SC_ASSERT_CONTAINS_STR(h + 0, "4");
    SC_ASSERT_CONTAINS_STR(h + 2, "1");
    CU_ASSERT(arb_gt(h + 1, A));
    _arb_vec_clear(g, 3);
    _arb_vec_clear(h, 3);
    arb_clear(m);
    arb_clear(A);
    arb_clear(B);
}

static void test_cutoff(void)
{
    /* the radius is the smallest integer from R0 on whose tail bound is
       below 2^-(prec+4); the scaled weight phi(x / sqrt 2) needs a radius
       about sqrt 2 times larger */
    static const slong precs[] = { 32, 74, 333, 3346 };
    arb_t g[3], R, T, R1, T1, Rs, target;
    int i, j;
    for (j = 0; j < 3; j++)
        arb_init(g[j]);
    arb_init(R); arb_init(T); arb_init(R1); arb_init(T1); arb_init(Rs); arb_init(target);
    arb_set_ui(g[0], 1);
    arb_set_ui(g[2], 5);            /* |F(x)| <= 1 + 5 x^2 */
    for (i = 0; i < 4; i++)
    {
        slong prec = precs[i];
        arb_one(target);
        arb_mul_2exp_si(target, target, -prec - 4);
        sc_gauss_cutoff(R, T, (arb_srcptr) g[0], 3, 0, prec);
        sc_gauss_tail_bound(T1, R, (arb_srcptr) g[0], 3, 64);
        CU_ASSERT(arb_le(T, target) && arb_equal(T, T1));
        arb_sub_ui(R1, R, 1, 64);
        sc_gauss_tail_bound(T1, R1, (arb_srcptr) g[0], 3, 64);
        CU_ASSERT(!arb_le(T1, target) ||
                  arf_cmp_si(arb_midref(R), (slong) ceil(sqrt(1.3862943611198906 * (prec + 8)))) == 0);
        sc_gauss_cutoff(R1, T, (arb_srcptr) g[0], 3, 1, prec);
        arb_sqrt_ui(Rs, 2, 64);
        arb_div(Rs, R1, Rs, 64);
        sc_gauss_tail_bound(T1, Rs, (arb_srcptr) g[0], 3, 64);
        CU_ASSERT(arb_le(T, target) && arb_equal(T, T1));
        arb_sub(Rs, R1, R, 64);
        CU_ASSERT(arb_is_positive(Rs));
    }
    for (j = 0; j < 3; j++)
        arb_clear(g[j]);
    arb_clear(R); arb_clear(T); arb_clear(R1); arb_clear(T1); arb_clear(Rs); arb_clear(target);
}

/* The trapezoidal rule for the Gaussian density itself: by Poisson summation
   h sum_i phi(ih) - 1 = 2 sum_{m >= 1} exp(-2 pi^2 m^2 / h^2) exactly.  The
   grid weights reproduce it, and sc_trap_error (phi is entire: any strip a,
   int |phi(x + iy)| dx = e^{y^2/2}) bounds it. */
static void test_trap_rule(void)
{
    static const double hs[] = { 0.25, 0.5, 0.75, 1.0 };
    arb_t h, S, e, E, a, M, zero, t;
    slong i, j, m, N;
    arb_init(h); arb_init(S); arb_init(e); arb_init(E); arb_init(a); arb_init(M);
    arb_init(zero); arb_init(t);
    for (j = 0; j < 4; j++)
    {
        arb_ptr w;
        arb_set_d(h, hs[j]);
        N = (slong) ceil(40 / hs[j]);
        w = _arb_vec_init(N + 1);
        sc_gauss_grid_weights(w, N + 1, zero, h, 256);
        arb_set(S, w + 0);
        for (i = 1; i <= N; i++)
            arb_addmul_ui(S, w + i, 2, 256);
        arb_mul(S, S, h, 256);
        /* nodes beyond 40: h sum phi(ih) <= 2 phi(40)/40 < 2^-1000 */
        mag_set_ui_2exp_si(arb_radref(t), 1, -1000);
        arb_zero(e);
        arb_add_error_mag(S, arb_radref(t));
        arb_sub_ui(S, S, 1, 256);
        for (m = 1; m <= 6; m++)
        {
            arb_const_pi(t, 256);
            arb_sqr(t, t, 256);
            arb_mul_ui(t, t, 2 * m * m, 256);
            arb_div(t, t, h, 256);
            arb_div(t, t, h, 256);
            arb_neg(t, t);
            arb_exp(t, t, 256);
            arb_addmul_ui(e, t, 2, 256);
        }
        arb_add_error_mag(e, arb_radref(t));    /* m > 6: far smaller */
        SC_ASSERT_OVERLAPS(S, e);
        if (hs[j] >= 0.5)                       /* the error exceeds 2^-256 */
            CU_ASSERT(arb_is_positive(S));
        for (m = 1; m <= 4; m++)
        {
            arb_set_ui(a, m);
            arb_sqr(M, a, 64);
            arb_mul_2exp_si(M, M, -1);
            arb_exp(M, M, 64);
            sc_trap_error(E, a, h, M, 64);
            CU_ASSERT(arb_le(S, E));
        }
        _arb_vec_clear(w, N + 1);
    }
    arb_clear(h); arb_clear(S); arb_clear(e); arb_clear(E); arb_clear(a); arb_clear(M);
    arb_clear(zero); arb_clear(t);
}

/* Grid moments h sum |x0 + ih|^m phi(x0 + ih), summed directly, lie below
   sc_gauss_grid_moment and above E|Z|^m minus the rule's tiny error; the
   weights agree with sc_gauss_weight; a step from sc_trap_step meets its
   tolerance. */
static void test_grid_sums(void)
{
    static const double hs[] = { 0.1, 0.7, 1.3 }, offs[] = { 0, 0.37, 0.5 };
    arb_t h, x0, S, B, mom, x, u, lo;
    acb_t z, wz;
    slong i, j, l, m, N;
    arb_init(h); arb_init(x0); arb_init(S); arb_init(B); arb_init(mom); arb_init(x);
    arb_init(u); arb_init(lo);
    acb_init(z); acb_init(wz);
    for (j = 0; j < 3; j++)
        for (l = 0; l < 3; l++)
        {
            arb_ptr w;
            arb_set_d(h, hs[j]);
            arb_set_d(x0, -60 + offs[l] * hs[j]);
            N = (slong) ceil(120 / hs[j]) + 1;
            w = _arb_vec_init(N);
            sc_gauss_grid_weights(w, N, x0, h, 128);
            for (m = 0; m <= 5; m++)
            {
                arb_zero(S);
                for (i = 0; i < N; i++)
                {
                    arb_mul_si(x, h, i, 128);
                    arb_add(x, x, x0, 128);
                    if (m == 0 && (i == 7 || i == N / 2))
                    {
                        acb_set_arb(z, x);
                        sc_gauss_weight(wz, z, 128);
                        SC_ASSERT_OVERLAPS(w + i, acb_realref(wz));
                    }
                    arb_abs(x, x);
                    arb_pow_ui(u, x, m, 128);
                    arb_addmul(S, u, w + i, 128);
                }
                arb_mul(S, S, h, 128);
                sc_gauss_grid_moment(B, m, h, 128);
                CU_ASSERT(arb_le(S, B));
                sc_gauss_abs_moment(mom, m, 128);
                arb_sub(lo, B, mom, 128);
                CU_ASSERT(arb_is_nonnegative(lo));
                if (hs[j] < 0.5 && m % 2 == 0)  /* fine grids, smooth x^m: E|Z|^m to many digits */
                {
                    arb_sub(lo, S, mom, 128);
                    arb_abs(lo, lo);
                    arb_set_d(u, 1e-30);
                    CU_ASSERT(arb_lt(lo, u));
                }
            }
            _arb_vec_clear(w, N);
        }
    {
        /* the chosen step meets the tolerance it was chosen for */
        double ad, hd = sc_trap_step(1.5, log(3.0), -100 * log(2.0), &ad);
        arb_t a, M, E, tol;
        arb_init(a); arb_init(M); arb_init(E); arb_init(tol);
        CU_ASSERT(ad > 0 && ad <= 1.5 && hd > 0);
        arb_set_d(a, ad);
        arb_set_d(h, hd);
        arb_sqr(M, a, 64);
        arb_mul_2exp_si(M, M, -1);
        arb_exp(M, M, 64);
        arb_mul_ui(M, M, 3, 64);
        sc_trap_error(E, a, h, M, 64);
        arb_one(tol);
        arb_mul_2exp_si(tol, tol, -100);
        CU_ASSERT(arb_le(E, tol));
        arb_mul_2exp_si(tol, tol, -8);          /* and is not far too small */
        CU_ASSERT(arb_gt(E, tol));
        arb_clear(a); arb_clear(M); arb_clear(E); arb_clear(tol);
    }
    arb_clear(h); arb_clear(x0); arb_clear(S); arb_clear(B); arb_clear(mom); arb_clear(x);
    arb_clear(u); arb_clear(lo);
    acb_clear(z); acb_clear(wz);
}

/* cos(z), interrupting the run at evaluation `stop_at` and counting calls */
typedef struct { long calls, stop_at; } stop_script;

static int f_cos_stop(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    stop_script *s = param;
    if (++s->calls == s->stop_at)
        sc_interrupt(2);
    acb_cos(out, z, prec);
    return 0;
}

/* A stopped integration returns at once, calls the integrand no more, and
   never hands back the meaningless value the integrator saw after the stop
   (the integrand became 0 there): the result is indeterminate and the
   status says why.  Without a stop the same integral is E[cos Z] = e^{-1/2}. */
static void test_stop(void)
{
    acb_t r, a, b;
    arb_t e, one;
    stop_script s = { 0, 0 };
    int st;
    arb_init(one);
    arb_one(one);           /* |cos x| <= 1: the growth bound of the tails */
    acb_init(r);
    acb_init(a);
    acb_init(b);
    arb_init(e);
    arb_one(acb_realref(b));
    arb_neg(acb_realref(a), acb_realref(b));

    st = sc_gauss_expect(r, f_cos_stop, &s, NULL, 0, one, 1, 2000);
    CU_ASSERT_EQUAL(st, SC_OK);
    arb_set_si(e, -1);
    arb_mul_2exp_si(e, e, -1);
    arb_exp(e, e, 2000);
    CU_ASSERT(arb_contains(acb_realref(r), e));
    CU_ASSERT(s.calls > 50);

    s.stop_at = 20;
    s.calls = 0;
    st = sc_gauss_expect(r, f_cos_stop, &s, NULL, 0, one, 1, 2000);
    CU_ASSERT_EQUAL(st, SC_ERR_INTERRUPTED);
    CU_ASSERT_EQUAL(s.calls, 20);
    CU_ASSERT(!acb_is_finite(r));
    sc_interrupt_clear();

    /* the same through sc_gauss_integrate and the time budget */
    s.stop_at = 0;
    s.calls = 0;
    sc_budget_set(1e-9);
    st = sc_gauss_integrate(r, f_cos_stop, &s, a, b, 2000);
    sc_budget_set(0);
    CU_ASSERT_EQUAL(st, SC_ERR_BUDGET);
    CU_ASSERT(!acb_is_finite(r));
    CU_ASSERT(s.calls <= 1);
    st = sc_gauss_integrate(r, f_cos_stop, &s, a, b, 200);
    CU_ASSERT_EQUAL(st, SC_OK);
    arb_sin(e, acb_realref(b), 200);      /* int_{-1}^{1} cos = 2 sin 1 */
    arb_mul_2exp_si(e, e, 1);
    CU_ASSERT(arb_contains(acb_realref(r), e));

    acb_clear(r);
    acb_clear(a);
    acb_clear(b);
    arb_clear(e);
    arb_clear(one);
}

/* ---- randomised (issue 11): closed forms at random parameters and
   precisions, two precisions agreeing; SC_TEST_MULTIPLIER scales ---- */

typedef struct
{
    int kind;           /* 0 polynomial, 1 cos(b x + c), 2 |x - a|, 3 (x - a)_+^2 */
    arb_t c[9];         /* polynomial coefficients c_0..c_8 */
    slong n;
    arb_t a, b;
    arb_ptr left;       /* left end of the piece (sc_gauss_expect_pieces) */
}
rcase;

static int f_rand(acb_ptr out, const acb_t z, void *param, slong order, slong prec)
{
    rcase *c = param;
    acb_t w;
    slong j;
    acb_init(w);
    switch (c->kind)
    {
    case 0:                                 /* Horner */
        acb_zero(out);
        for (j = c->n - 1; j >= 0; j--)
        {
            acb_mul(out, out, z, prec);
            acb_add_arb(out, out, c->c[j], prec);
        }
        break;
    case 1:
        acb_mul_arb(w, z, c->b, prec);
        acb_add_arb(w, w, c->a, prec);
        acb_cos(out, w, prec);
        break;
    default:                                /* the branch of the piece */
        acb_sub_arb(w, z, c->a, prec);
        if (arb_lt(c->left, c->a))
        {
            if (c->kind == 2)
                acb_neg(w, w);
            else
                acb_zero(w);
        }
        if (c->kind == 3)
            acb_sqr(w, w, prec);
        acb_set(out, w);
    }
    acb_clear(w);
    return 0;
}

/* E[F(Z)] in closed form, the growth bound g (returns its length) and the
   kinks (returns their number in *nsplit) of the random case */
static slong rcase_exact(arb_t E, arb_ptr g, arb_ptr split, slong *nsplit, const rcase *c, slong prec)
{
    arb_t t, u, phi;
    slong j, ng;
    arb_init(t);
    arb_init(u);
    arb_init(phi);
    *nsplit = 0;
    _arb_vec_zero(g, 3);
    if (c->kind == 0)
    {
        /* E Z^{2k} = (2k - 1)!! */
        arb_zero(E);
        arb_one(t);
        for (j = 0; j < c->n; j++)
        {
            arb_abs(g + j, c->c[j]);
            if (j % 2 == 0)
            {
                arb_addmul(E, c->c[j], t, prec);
                arb_mul_ui(t, t, j + 1, prec);
            }
        }
        ng = c->n;
    }
    else if (c->kind == 1)
    {
        /* E cos(bZ + a) = e^{-b^2/2} cos a */
        arb_sqr(t, c->b, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_neg(t, t);
        arb_exp(t, t, prec);
        arb_cos(u, c->a, prec);
        arb_mul(E, t, u, prec);
        arb_one(g);
        ng = 1;
    }
    else
    {
        /* phi(a), Phi(a) = erfc(-a/sqrt 2)/2 */
        arb_sqr(t, c->a, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_neg(t, t);
        arb_exp(phi, t, prec);
        arb_const_pi(t, prec);
        arb_mul_2exp_si(t, t, 1);
        arb_rsqrt(t, t, prec);
        arb_mul(phi, phi, t, prec);
        arb_sqrt_ui(t, 2, prec);
        arb_div(u, c->a, t, prec);
        arb_neg(u, u);
        arb_hypgeom_erfc(u, u, prec);
        arb_mul_2exp_si(u, u, -1);          /* Phi(a) */
        arb_set(split, c->a);
        *nsplit = 1;
        arb_abs(t, c->a);
        if (c->kind == 2)
        {
            /* E|Z - a| = 2 phi(a) + a (2 Phi(a) - 1); |x - a| <= |a| + |x| */
            arb_mul_2exp_si(E, u, 1);
            arb_sub_ui(E, E, 1, prec);
            arb_mul(E, E, c->a, prec);
            arb_addmul_ui(E, phi, 2, prec);
            arb_set(g, t);
            arb_one(g + 1);
            ng = 2;
        }
        else
        {
            /* E (Z - a)_+^2 = (1 + a^2)(1 - Phi(a)) - a phi(a);
               (x - a)^2 <= 2 a^2 + 2 x^2 */
            arb_sub_ui(u, u, 1, prec);
            arb_neg(u, u);
            arb_sqr(E, c->a, prec);
            arb_add_ui(E, E, 1, prec);
            arb_mul(E, E, u, prec);
            arb_submul(E, c->a, phi, prec);
            arb_sqr(g, t, prec);
            arb_mul_2exp_si(g, g, 1);
            arb_set_ui(g + 2, 2);
            ng = 3;
        }
    }
    arb_clear(t);
    arb_clear(u);
    arb_clear(phi);
    return ng;
}

static void test_random_closed_forms(void)
{
    flint_rand_t st;
    slong i, j, n = sc_test_iters(300), ng, ns, prec;
    rcase c;
    arb_t E, g[9], split, left;
    acb_t r1, r2;
    fmpq_t x;
    flint_randinit(st);
    for (j = 0; j < 9; j++)
    {
        arb_init(c.c[j]);
        arb_init(g[j]);
    }
    arb_init(c.a); arb_init(c.b); arb_init(E); arb_init(split); arb_init(left);
    acb_init(r1); acb_init(r2);
    fmpq_init(x);
    c.left = left;
    for (i = 0; i < n; i++)
    {
        prec = 64 + (slong) n_randint(st, 193);
        c.kind = (int) n_randint(st, 4);
        c.n = 1 + (slong) n_randint(st, 9);
        for (j = 0; j < c.n; j++)
        {
            fmpq_set_si(x, (slong) n_randint(st, 41) - 20, 1 + n_randint(st, 9));
            arb_set_fmpq(c.c[j], x, 2 * prec);
        }
        if (c.kind >= 2)
            fmpq_set_si(x, (slong) n_randint(st, 49) - 24, 8);                   /* kink in [-3, 3] */
        else
            fmpq_set_si(x, (slong) n_randint(st, 61) - 30, 1 + n_randint(st, 10)); /* phase */
        arb_set_fmpq(c.a, x, 2 * prec);
        fmpq_set_si(x, (slong) n_randint(st, 41) - 20, 1 + n_randint(st, 5));     /* b in [-20, 20] */
        arb_set_fmpq(c.b, x, 2 * prec);
        ng = rcase_exact(E, (arb_ptr) g[0], split, &ns, &c, 2 * prec);
        sc_gauss_expect_pieces(r1, f_rand, &c, split, ns, (arb_srcptr) g[0], ng, left, 0, prec);
        sc_gauss_expect_pieces(r2, f_rand, &c, split, ns, (arb_srcptr) g[0], ng, left, 0, prec + 64);
        SC_ASSERT_OVERLAPS(acb_realref(r1), E);
        SC_ASSERT_OVERLAPS(acb_realref(r2), E);
        SC_ASSERT_OVERLAPS(acb_realref(r1), acb_realref(r2));
        /* and accurate: not just a wide ball (absolute, E may be ~0) */
        CU_ASSERT(mag_cmp_2exp_si(arb_radref(acb_realref(r2)), -prec / 2) <= 0);
    }
    for (j = 0; j < 9; j++)
    {
        arb_clear(c.c[j]);
        arb_clear(g[j]);
    }
    arb_clear(c.a); arb_clear(c.b); arb_clear(E); arb_clear(split); arb_clear(left);
    acb_clear(r1); acb_clear(r2);
    fmpq_clear(x);
    flint_randclear(st);
}

SC_TEST_MAIN("gauss",
    SC_TEST(test_random_closed_forms),
    SC_TEST(test_moments),
    SC_TEST(test_stop),
    SC_TEST(test_cos_and_abs),
    SC_TEST(test_tail_bound),
    SC_TEST(test_abs_moments_and_growth),
    SC_TEST(test_cutoff),
    SC_TEST(test_trap_rule),
    SC_TEST(test_grid_sums))
