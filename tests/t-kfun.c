/* Interval extensions of K, K', D (src/kernel/kfun*.c): every enclosure over a
   box contains the point values inside it, widths shrink with the box, and
   near rho = 1 the divided difference D stays tight (it tends to K'(1)). */
#include <math.h>
#include "sc_test.h"
#include "synccert/kfun.h"
#include "synccert/kernel.h"
#include "sc_test_random.h"

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

/* Randomised (issue 11): interval extension against point values.  Random
   activations with random exact parameters (or a parameter box for the
   one-parameter activations), q, s and dyadic boxes [r1, r2] (some ending
   at +-1): the enclosures of K, K', D over the box overlap the point values
   of sc_kernel_eval at random points inside (and at random parameters in
   the box), computed independently at another precision; D against
   (K(1) - K(rho)) / (1 - rho).  SC_TEST_MULTIPLIER >= 4 adds the
   activations without a closed form (Hermite series). */
static void test_random_boxes(void)
{
    flint_rand_t st;
    slong i, j, n = sc_test_iters(40), prec = 64, e;
    int all = sc_test_iters(1) >= 4;
    flint_randinit(st);
    flint_randseed(st, 5, 9);
    for (i = 0; i < n; i++)
    {
        char spec[128];
        sc_act_t act;
        sc_kfun_t kf;
        fmpq_t rho, q, s, one, par;
        arb_ptr p;
        arb_t qb, sb, K, dK, D, Kp, dKp, K1, t;
        arf_t r1, r2;
        int box = 0;
        sc_test_rand_act(spec, sizeof(spec), st, all ? SC_RAND_ALL : SC_RAND_FAST);
        sc_act_init(act);
        sc_test_parse_act(act, spec);
        fmpq_init(rho); fmpq_init(q); fmpq_init(s); fmpq_init(one); fmpq_init(par);
        arb_init(qb); arb_init(sb); arb_init(K); arb_init(dK); arb_init(D);
        arb_init(Kp); arb_init(dKp); arb_init(K1); arb_init(t);
        arf_init(r1); arf_init(r2);
        fmpq_one(one);
        sc_test_rand_inputs(rho, q, s, st);
        arb_set_fmpq(qb, q, prec);
        arb_set_fmpq(sb, s, prec);
        p = sc_act_params(act, prec);
        if (act->npar == 1 && strncmp(spec, "poly", 4) && strncmp(spec, "hermite", 7) && n_randint(st, 2))
        {
            box = 1;            /* the parameter in [par, par + par/8] */
            fmpq_set(par, act->par + 0);
            arb_set_fmpq(t, par, prec);
            arb_mul_2exp_si(t, t, -4);
            arb_add(p + 0, p + 0, t, prec);
            arb_add_error(p + 0, t);
        }
        CU_ASSERT_FATAL(sc_kfun_init(kf, act->def, p, sc_act_nparams(act), qb, sb, 1, prec) == SC_OK);
        /* a dyadic box of width 2^-e inside [-1, 1] */
        e = 1 + (slong) n_randint(st, 12);
        arf_set_si(r1, (slong) n_randint(st, (UWORD(1) << (e + 1)) + 1) - (WORD(1) << e));
        arf_mul_2exp_si(r1, r1, -e);
        if (arf_cmp_si(r1, 1) >= 0)
            arf_set_si(r1, -1);
        arf_set_si_2exp_si(r2, 1, -e);
        arf_add(r2, r2, r1, ARF_PREC_EXACT, ARF_RND_DOWN);
        CU_ASSERT(sc_kfun_interval(K, dK, D, kf, r1, r2) == SC_OK);
        for (j = 0; j < 3; j++)
        {
            /* rho = r1 + k 2^-(e + 6), k in [0, 64]; the parameter anywhere in its box */
            fmpq_t w;
            fmpq_init(w);
            arf_get_fmpq(rho, r1);
            fmpq_set_si(w, (slong) n_randint(st, 65), 1);
            fmpq_div_2exp(w, w, e + 6);
            fmpq_add(rho, rho, w);
            fmpq_clear(w);
            if (box)
            {
                fmpq_t w;
                fmpq_init(w);
                fmpq_set_si(w, (slong) n_randint(st, 17), 256);
                fmpq_addmul(act->par + 0, par, w);         /* par (1 + [0, 1/16]) */
                fmpq_clear(w);
            }
            CU_ASSERT(sc_test_kernel_q(Kp, dKp, act, rho, q, s, SC_KM_AUTO, prec + 32) == SC_OK);
            SC_ASSERT_AGREE("K over the box", spec, K, Kp);
            if (arb_is_finite(dKp))
                SC_ASSERT_AGREE("K' over the box", spec, dK, dKp);
            if (!fmpq_is_one(rho))
            {
                CU_ASSERT(sc_test_kernel_q(K1, NULL, act, one, q, s, SC_KM_AUTO, prec + 32) == SC_OK);
                arb_sub(t, K1, Kp, prec + 32);
                arb_set_fmpq(K1, rho, prec + 32);
                arb_sub_ui(K1, K1, 1, prec + 32);
                arb_neg(K1, K1);
                arb_div(t, t, K1, prec + 32);
                SC_ASSERT_AGREE("D over the box", spec, D, t);
            }
            if (box)
                fmpq_set(act->par + 0, par);
        }
        sc_kfun_clear(kf);
        sc_act_params_clear(p, act);
        fmpq_clear(rho); fmpq_clear(q); fmpq_clear(s); fmpq_clear(one); fmpq_clear(par);
        arb_clear(qb); arb_clear(sb); arb_clear(K); arb_clear(dK); arb_clear(D);
        arb_clear(Kp); arb_clear(dKp); arb_clear(K1); arb_clear(t);
        arf_clear(r1); arf_clear(r2);
        sc_act_clear(act);
    }
    flint_randclear(st);
}

/* M4 (kfun.h): step and sign with s = 0 on random boxes in [-1, 0] (K' is
   unbounded at -1): the even/odd enclosure of K holds at random points and
   is tight for a narrow box at -1 (it decides the coercivity of step at
   d = 2) */
static void test_random_jump_boxes(void)
{
    flint_rand_t st;
    slong i, j, n = sc_test_iters(30), prec = 64, e;
    flint_randinit(st);
    flint_randseed(st, 29, 31);
    for (i = 0; i < n; i++)
    {
        const char *spec = n_randint(st, 2) ? "step" : "sign";
        char buf[32];
        sc_act_t act;
        sc_kfun_t kf;
        fmpq_t rho, q, s, w;
        arb_t K, Kp;
        arf_t r1, r2;
        sc_act_init(act);
        sc_test_parse_act(act, spec);
        fmpq_init(rho); fmpq_init(q); fmpq_init(s); fmpq_init(w);
        arb_init(K); arb_init(Kp);
        arf_init(r1); arf_init(r2);
        sc_parse_fmpq(q, sc_test_rand_dec(buf, sizeof(buf), st, 0.1, 3, 3), "q");
        CU_ASSERT_FATAL(sc_kfun_init_act(kf, act, q, NULL, 1, prec) == SC_OK);
        e = 1 + (slong) n_randint(st, 20);
        arf_set_si(r1, -(slong) n_randint(st, (UWORD(1) << FLINT_MIN(e, 10)) + 1));
        arf_mul_2exp_si(r1, r1, -FLINT_MIN(e, 10));
        if (n_randint(st, 2) || arf_cmp_si(r1, 0) == 0)
            arf_set_si(r1, -1);
        arf_set_si_2exp_si(r2, 1, -e);
        arf_add(r2, r2, r1, ARF_PREC_EXACT, ARF_RND_DOWN);
        if (arf_sgn(r2) > 0)
            arf_zero(r2);
        CU_ASSERT(sc_kfun_interval(K, NULL, NULL, kf, r1, r2) == SC_OK);
        for (j = 0; j < 4; j++)
        {
            arf_get_fmpq(rho, r1);
            arf_get_fmpq(w, r2);
            fmpq_sub(w, w, rho);
            fmpq_mul_si(w, w, (slong) n_randint(st, 65));
            fmpq_div_2exp(w, w, 6);
            fmpq_add(rho, rho, w);
            CU_ASSERT(sc_test_kernel_q(Kp, NULL, act, rho, q, s, SC_KM_AUTO, prec) == SC_OK);
            SC_ASSERT_AGREE("K over a box at rho < 0", spec, K, Kp);
        }
        /* width at most about sqrt(box width) (K ~ sqrt(1 + rho) at -1) */
        if (arf_cmp_si(r1, -1) == 0 && e >= 8)
            CU_ASSERT(mag_cmp_2exp_si(arb_radref(K), -(e / 2) + 2) <= 0);
        sc_kfun_clear(kf);
        fmpq_clear(rho); fmpq_clear(q); fmpq_clear(s); fmpq_clear(w);
        arb_clear(K); arb_clear(Kp);
        arf_clear(r1); arf_clear(r2);
        sc_act_clear(act);
    }
    flint_randclear(st);
}

SC_TEST_MAIN("kfun",
    SC_TEST(test_random_boxes),
    SC_TEST(test_random_jump_boxes),
    SC_TEST(test_contains_closed),
    SC_TEST(test_contains_series),
    SC_TEST(test_shrink),
    SC_TEST(test_param_ball),
    SC_TEST(test_series))
