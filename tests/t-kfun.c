/* Interval extensions of K, K', D (src/kernel/kfun*.c): every enclosure over a
   box contains the point values inside it, widths shrink with the box, and
   near rho = 1 the divided difference D stays tight (it tends to K'(1)). */
#include <math.h>
#include "sc_test.h"
#include "synccert/kfun.h"
#include "synccert/kernel.h"

static void setup(sc_kfun_t kf, const char *spec, const char *q, const char *s, slong prec)
{
    sc_act_t a;
    arb_ptr p;
    arb_t qq, ss;
    slong np;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    p = sc_act_params(a, prec);
    np = sc_act_nparams(a);
    arb_init(qq);
    arb_init(ss);
    arb_set_str(qq, q, prec);
    arb_set_str(ss, s, prec);
    CU_ASSERT_FATAL(sc_kfun_init(kf, a->def, p, np, qq, ss, 1, prec) == SC_OK);
    sc_act_params_clear(p, a);
    sc_act_clear(a);
    arb_clear(qq);
    arb_clear(ss);
}

/* boxes [r1, r2] and sample points inside: enclosures must contain the
   (independent) point values from sc_kernel_eval */
static void check_contains(const char *spec, const char *q, const char *s, slong step)
{
    static const double boxes[][2] = {
        { -1, -0.96875 }, { -0.75, -0.5 }, { -0.125, 0.0625 }, { 0.25, 0.5 },
        { 0.9375, 1 }, { 0.999, 1 }, { -0.5, 0.5 }
    };
    sc_kfun_t kf;
    arb_t K, dK, D, Kp, dKp, r, t;
    arf_t r1, r2;
    slong i, j, prec = 64;
    setup(kf, spec, q, s, prec);
    arb_init(K); arb_init(dK); arb_init(D); arb_init(Kp); arb_init(dKp);
    arb_init(r); arb_init(t);
    arf_init(r1); arf_init(r2);
    for (i = 0; i < (slong) (sizeof(boxes) / sizeof(boxes[0])); i++)
    {
        arf_set_d(r1, boxes[i][0]);
        arf_set_d(r2, boxes[i][1]);
        CU_ASSERT(sc_kfun_interval(K, dK, D, kf, r1, r2) == SC_OK);
        for (j = 0; j <= 4; j += step)
        {
            double x = boxes[i][0] + (boxes[i][1] - boxes[i][0]) * j / 4.0;
            arb_set_d(r, x);
            CU_ASSERT(sc_kernel_eval(Kp, dKp, kf->def, kf->p, kf->np, r, kf->q, kf->s, SC_KM_AUTO, step > 1 ? 32 : prec) == SC_OK);
            SC_ASSERT_OVERLAPS(K, Kp);
            if (arb_is_finite(dKp))
                SC_ASSERT_OVERLAPS(dK, dKp);
            if (x < 1)
            {
                /* D = (K(1) - K(rho)) / (1 - rho) */
                arb_sub(t, kf->K1, Kp, prec);
                arb_one(Kp);
                arb_sub(Kp, Kp, r, prec);
                arb_div(t, t, Kp, prec);
                SC_ASSERT_OVERLAPS(D, t);
            }
            else if (arb_is_finite(kf->dK1))
                SC_ASSERT_OVERLAPS(D, kf->dK1);
        }
    }
    arb_clear(K); arb_clear(dK); arb_clear(D); arb_clear(Kp); arb_clear(dKp);
    arb_clear(r); arb_clear(t);
    arf_clear(r1); arf_clear(r2);
    sc_kfun_clear(kf);
}

static void test_contains_closed(void)
{
    check_contains("relu", "1", "0", 1);
    check_contains("erf", "1", "0", 1);
    check_contains("leaky_relu:alpha=0.2", "2", "0.5", 1);
    check_contains("abs", "1", "0", 1);
}

static void test_contains_series(void)
{
    check_contains("tanh", "1", "0", 2);
    check_contains("gelu", "1", "0.25", 2);
    check_contains("elu", "1", "0", 2);
}

/* widths shrink (at least linearly) with the box, including near rho = 1 */
static void check_shrink(const char *spec)
{
    sc_kfun_t kf;
    arb_t K, dK, D;
    arf_t r1, r2;
    slong k;
    double prevD = 1e300, wD;
    setup(kf, spec, "1", "0", 64);
    arb_init(K); arb_init(dK); arb_init(D);
    arf_init(r1); arf_init(r2);
    for (k = 2; k <= 30; k += 4)
    {
        /* [1 - 2^-k, 1]: D tends to K'(1) */
        arf_one(r2);
        arf_set_si(r1, 1);
        arf_mul_2exp_si(r1, r1, -k);
        arf_sub_si(r1, r1, 1, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_neg(r1, r1);
        sc_kfun_interval(K, dK, D, kf, r1, r2);
        wD = mag_get_d(arb_radref(D));
        CU_ASSERT(arb_is_finite(D));
        CU_ASSERT(wD <= prevD * 1.0001);
        prevD = wD;
        SC_ASSERT_OVERLAPS(D, kf->dK1);
    }
    CU_ASSERT(prevD < 1e-3);
    /* interior boxes [-1/2 - w, -1/2 + w]: width O(w) */
    for (k = 4; k <= 24; k += 10)
    {
        arf_set_si(r1, 1);
        arf_mul_2exp_si(r1, r1, -k);
        arf_set_d(r2, -0.5 + ldexp(1.0, -k));
        arf_set_d(r1, -0.5 - ldexp(1.0, -k));
        sc_kfun_interval(K, dK, D, kf, r1, r2);
        CU_ASSERT(mag_get_d(arb_radref(K)) < 4 * ldexp(1.0, -k) + 1e-12);
        CU_ASSERT(mag_get_d(arb_radref(D)) < 4 * ldexp(1.0, -k) + 1e-12);
    }
    arb_clear(K); arb_clear(dK); arb_clear(D);
    arf_clear(r1); arf_clear(r2);
    sc_kfun_clear(kf);
}

static void test_shrink(void)
{
    check_shrink("relu");
    check_shrink("tanh");
    check_shrink("sin");
}

/* parameter balls: the enclosure with alpha in [0.25, 0.5] contains the
   values at alpha = 0.25, 0.375, 0.5 */
static void test_param_ball(void)
{
    sc_kfun_t kf, kp;
    sc_act_t a;
    arb_ptr p;
    arb_t q, s, K, dK, D, K2, dK2, D2;
    arf_t r1, r2;
    const char *al[] = { "0.25", "0.375", "0.5" };
    slong i;
    arb_init(q); arb_init(s); arb_init(K); arb_init(dK); arb_init(D);
    arb_init(K2); arb_init(dK2); arb_init(D2);
    arf_init(r1); arf_init(r2);
    arb_one(q);
    sc_act_init(a);
    sc_act_parse(a, "leaky_relu");
    p = sc_act_params(a, 64);
    arb_set_str(p + 0, "[0.375 +/- 0.125]", 64);
    CU_ASSERT_FATAL(sc_kfun_init(kf, a->def, p, 1, q, s, 1, 64) == SC_OK);
    arf_set_d(r1, 0.5);
    arf_one(r2);
    sc_kfun_interval(K, dK, D, kf, r1, r2);
    for (i = 0; i < 3; i++)
    {
        arb_set_str(p + 0, al[i], 64);
        sc_kfun_init(kp, a->def, p, 1, q, s, 1, 64);
        sc_kfun_interval(K2, dK2, D2, kp, r1, r2);
        CU_ASSERT(arb_contains(K, K2));
        CU_ASSERT(arb_contains(dK, dK2));
        CU_ASSERT(arb_contains(D, D2));
        sc_kfun_clear(kp);
    }
    sc_kfun_clear(kf);
    sc_act_params_clear(p, a);
    sc_act_clear(a);
    arb_clear(q); arb_clear(s); arb_clear(K); arb_clear(dK); arb_clear(D);
    arb_clear(K2); arb_clear(dK2); arb_clear(D2);
    arf_clear(r1); arf_clear(r2);
}

/* the Hermite series reproduces tanh's K(1), K'(1) and, to 38 digits, K(-1) = -K(1) */
static void test_series(void)
{
    sc_kfun_t kf;
    setup(kf, "tanh", "1", "0", 64);
    CU_ASSERT(kf->M >= 20);
    CU_ASSERT(arf_cmpabs_2exp_si(arb_midref(kf->T0), -30) < 0);
    SC_ASSERT_OVERLAPS_STR(kf->K1, "[0.3942944904 +/- 1e-10]");
    SC_ASSERT_OVERLAPS_STR(kf->dK1, "[0.4644029024 +/- 1e-10]");
    SC_ASSERT_CONTAINS_STR(kf->Km1, "-0.39429449039784117441645977244411956057");
    sc_kfun_clear(kf);
}

SC_TEST_MAIN("kfun",
    SC_TEST(test_contains_closed),
    SC_TEST(test_contains_series),
    SC_TEST(test_shrink),
    SC_TEST(test_param_ball),
    SC_TEST(test_series))
