/* Certified Gaussian expectations against closed forms. */
#include <math.h>
#include "sc_test.h"
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

SC_TEST_MAIN("gauss",
    SC_TEST(test_moments),
    SC_TEST(test_stop),
    SC_TEST(test_cos_and_abs),
    SC_TEST(test_tail_bound),
    SC_TEST(test_abs_moments_and_growth),
    SC_TEST(test_cutoff))
