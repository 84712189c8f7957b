/* Two-point coefficients b(rho), a(rho) (doc/model.md section 3): closed forms for
   the linear activation (= the RQF), zeros at rho = +-1, b(-1) for odd and
   non-odd activations, sigma^2 scaling, one step against the certified
   value, the precision cap, input errors. */
#include <string.h>
#include "sc_test.h"
#include "synccert/twopoint.h"
#include "synccert/rqf.h"
#include "synccert/parse.h"
#include "synccert/kernel.h"
#include "sc_test_random.h"

static int tp(arb_t b, arb_t a, const char *spec, slong d, const char *rho,
              const char *sigma, const char *q, const char *s, slong digits)
{
    sc_act_t act;
    fmpz_t D;
    fmpq_t r, sg, qq, ss;
    int st;
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    fmpz_init_set_si(D, d);
    fmpq_init(r); fmpq_init(sg); fmpq_init(qq); fmpq_init(ss);
    sc_parse_fmpq(r, rho, "rho");
    sc_parse_fmpq(sg, sigma, "sigma");
    sc_parse_fmpq(qq, q, "q");
    sc_parse_fmpq(ss, s, "s");
    st = sc_twopoint_certify(b, a, act, D, r, sg, qq, ss, digits, 0);
    sc_act_clear(act);
    fmpz_clear(D);
    fmpq_clear(r); fmpq_clear(sg); fmpq_clear(qq); fmpq_clear(ss);
    return st;
}

static void test_linear_is_rqf(void)
{
    static const char *rhos[] = { "-0.9", "-1/3", "0", "0.25", "0.999" };
    static const slong dims[] = { 2, 3, 7, 1000000000 };
    arb_t b, a, b2, a2, r, s2;
    fmpq_t x;
    int i, j;
    arb_init(b); arb_init(a); arb_init(b2); arb_init(a2); arb_init(r); arb_init(s2);
    fmpq_init(x);
    arb_set_str(s2, "0.49", 200);      /* sigma = 0.7 */
    for (j = 0; j < 4; j++)
        for (i = 0; i < 5; i++)
        {
            CU_ASSERT(tp(b, a, "linear", dims[j], rhos[i], "0.7", "1", "0", 30) == SC_OK);
            sc_parse_fmpq(x, rhos[i], "rho");
            arb_set_fmpq(r, x, 200);
            sc_rqf_ba(b2, a2, r, s2, 200);
            SC_ASSERT_OVERLAPS(b, b2);
            SC_ASSERT_OVERLAPS(a, a2);
            CU_ASSERT(sc_arb_meets_digits(b, 30) && sc_arb_meets_digits(a, 30));
        }
    arb_clear(b); arb_clear(a); arb_clear(b2); arb_clear(a2); arb_clear(r); arb_clear(s2);
    fmpq_clear(x);
}

static void test_zeros_at_ends(void)
{
    static const char *acts[] = { "linear", "relu", "tanh", "gelu", "erf:c=2", "abs", "step", "sin", "cos" };
    arb_t b, a;
    int i;
    arb_init(b); arb_init(a);
    for (i = 0; i < 9; i++)
    {
        /* rho = 1: the diagonal is invariant, b(1) = a(1) = 0 exactly */
        CU_ASSERT(tp(b, a, acts[i], 5, "1", "1.3", "1", "0", 15) == SC_OK);
        CU_ASSERT(arb_is_zero(b));
        CU_ASSERT(arb_is_zero(a));
        /* rho = -1: a(-1) = 0 exactly */
        CU_ASSERT(tp(b, a, acts[i], 5, "-1", "1.3", "1", "0", 15) == SC_OK);
        CU_ASSERT(arb_is_zero(a));
    }
    /* odd activations: b(-1) = 0 exactly (with s = 0) */
    CU_ASSERT(tp(b, a, "tanh", 9, "-1", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(arb_is_zero(b));
    CU_ASSERT(tp(b, a, "poly:c1=1,c3=-1/6", 9, "-1", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(arb_is_zero(b));
    /* a bias breaks the symmetry: b(-1) > 0 */
    CU_ASSERT(tp(b, a, "tanh", 9, "-1", "1", "1", "0.5", 15) == SC_OK);
    CU_ASSERT(arb_is_positive(b));
    /* relu: K(-1) = 0, so b(-1) = sigma^2 (d - 1) K(1) = 4 * 1/2 */
    CU_ASSERT(tp(b, a, "relu", 5, "-1", "1", "1", "0", 15) == SC_OK);
    SC_ASSERT_CONTAINS_STR(b, "2");
    /* cos (even): b(-1) = 2 sigma^2 (d - 1) K(1), K(1) = cosh(1)/e */
    CU_ASSERT(tp(b, a, "cos", 3, "-1", "1", "1", "0", 15) == SC_OK);
    SC_ASSERT_OVERLAPS_STR(b, "[2.27067056647 +/- 1e-11]");   /* 2 (1 + e^-2) */
    arb_clear(b); arb_clear(a);
}

static void test_relu_closed_form(void)
{
    /* relu at rho = 0: K(0) = 1/(2 pi), K(1) = 1/2:
       b(0) = sigma^2 (d - 2) / (2 pi), a(0) = sigma^2 */
    arb_t b, a, e;
    arb_init(b); arb_init(a); arb_init(e);
    CU_ASSERT(tp(b, a, "relu", 6, "0", "2", "1", "0", 20) == SC_OK);
    arb_const_pi(e, 128);
    arb_ui_div(e, 8, e, 128);           /* 4 * 4 / (2 pi) */
    SC_ASSERT_OVERLAPS(b, e);
    SC_ASSERT_CONTAINS_STR(a, "4");
    arb_clear(b); arb_clear(a); arb_clear(e);
}

static void test_sigma_scaling(void)
{
    arb_t b1, a1, b2, a2;
    arb_init(b1); arb_init(a1); arb_init(b2); arb_init(a2);
    CU_ASSERT(tp(b1, a1, "gelu", 12, "0.3", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(tp(b2, a2, "gelu", 12, "0.3", "0.1", "1", "0", 15) == SC_OK);
    arb_mul_ui(b2, b2, 100, 128);
    arb_mul_ui(a2, a2, 100, 128);
    SC_ASSERT_OVERLAPS(b1, b2);
    SC_ASSERT_OVERLAPS(a1, a2);
    /* a > 0 inside (-1, 1) */
    CU_ASSERT(arb_is_positive(a1));
    arb_clear(b1); arb_clear(a1); arb_clear(b2); arb_clear(a2);
}

static void test_errors(void)
{
    arb_t b, a;
    arb_init(b); arb_init(a);
    CU_ASSERT(tp(b, a, "relu", 1, "0", "1", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(tp(b, a, "relu", 3, "0", "0", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(tp(b, a, "relu", 3, "0", "-1", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(tp(b, a, "relu", 3, "1.01", "1", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(tp(b, a, "relu", 3, "0", "1", "0", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(tp(b, a, "relu", 3, "0", "1", "1", "-1", 15) == SC_ERR_INPUT);
    arb_clear(b); arb_clear(a);
}

static void test_eval_and_cap(void)
{
    /* one step at 64 bits encloses the certified 40-digit values */
    sc_act_t act;
    fmpz_t D;
    fmpq_t r;
    arb_t b, a, b64, a64;
    sc_act_init(act);
    fmpz_init_set_ui(D, 8);
    fmpq_init(r);
    arb_init(b); arb_init(a); arb_init(b64); arb_init(a64);
    CU_ASSERT_FATAL(sc_act_parse(act, "tanh") == SC_OK);
    fmpq_set_si(r, 1, 2);
    CU_ASSERT(sc_twopoint_certify(b, a, act, D, r, NULL, NULL, NULL, 40, 0) == SC_OK);
    CU_ASSERT(sc_arb_meets_digits(b, 40) && sc_arb_meets_digits(a, 40));
    CU_ASSERT(sc_twopoint_eval(b64, a64, act, D, r, NULL, NULL, NULL, 64) == SC_OK);
    SC_ASSERT_OVERLAPS(b64, b);
    SC_ASSERT_OVERLAPS(a64, a);
    CU_ASSERT(!sc_arb_meets_digits(b64, 40));
    /* b(-1) = 0 exactly for an odd activation, at any precision */
    fmpq_set_si(r, -1, 1);
    CU_ASSERT(sc_twopoint_eval(b64, a64, act, D, r, NULL, NULL, NULL, 32) == SC_OK);
    CU_ASSERT(arb_is_zero(b64) && arb_is_zero(a64));
    /* the cap, with the policy's message */
    fmpq_set_si(r, 1, 3);
    sc_clear_error();
    CU_ASSERT(sc_twopoint_certify(b, a, act, D, r, NULL, NULL, NULL, 100, 128) == SC_ERR_PREC);
    CU_ASSERT(strcmp(sc_last_error(), "tanh: could not reach 100 digits for b and a within 128 "
                     "bits of precision; ask for fewer --digits") == 0);
    arb_clear(b); arb_clear(a); arb_clear(b64); arb_clear(a64);
    fmpq_clear(r);
    fmpz_clear(D);
    sc_act_clear(act);
}

/* Randomised (issue 11): b(rho), a(rho) of sc_twopoint_eval at two
   precisions agree with each other and with the formulas of doc/model.md
   section 3 evaluated on independent kernel values (the Gaussian
   smoothing where the activation has one):
     b = sigma^2 [(d - 2 + rho^2) K(rho) - (d - 1) rho K(1)],
     a = 2 sigma^2 (1 - rho^2) (K(1) - rho K(rho));
   and sc_twopoint_certify at 20 digits agrees too. */
static void test_random_formulas(void)
{
    flint_rand_t st;
    slong i, n = sc_test_iters(40), prec;
    int all = sc_test_iters(1) >= 4;
    flint_randinit(st);
    flint_randseed(st, 13, 17);
    for (i = 0; i < n; i++)
    {
        char spec[128], buf[32];
        sc_act_t act;
        fmpq_t rho, q, s, sigma, one;
        fmpz_t d;
        arb_t b1, a1, b2, a2, K, K1, t, u, s2, r;
        int m;
        sc_test_rand_act(spec, sizeof(spec), st, all ? SC_RAND_ALL : SC_RAND_FAST);
        sc_act_init(act);
        sc_test_parse_act(act, spec);
        fmpq_init(rho); fmpq_init(q); fmpq_init(s); fmpq_init(sigma); fmpq_init(one);
        fmpz_init_set_ui(d, 2 + n_randint(st, 200));
        arb_init(b1); arb_init(a1); arb_init(b2); arb_init(a2); arb_init(K); arb_init(K1);
        arb_init(t); arb_init(u); arb_init(s2); arb_init(r);
        fmpq_one(one);
        sc_test_rand_inputs(rho, q, s, st);
        sc_parse_fmpq(sigma, sc_test_rand_dec(buf, sizeof(buf), st, 0.1, 3, 2), "sigma");
        prec = 64 + (slong) n_randint(st, 64);
        CU_ASSERT(sc_twopoint_eval(b1, a1, act, d, rho, sigma, q, s, prec) == SC_OK);
        CU_ASSERT(sc_twopoint_eval(b2, a2, act, d, rho, sigma, q, s, prec + 64) == SC_OK);
        SC_ASSERT_AGREE("b at two precisions", spec, b1, b2);
        SC_ASSERT_AGREE("a at two precisions", spec, a1, a2);
        /* the formulas on kernel values by another method */
        m = act->def->smooth != NULL ? SC_KM_SMOOTH : SC_KM_AUTO;
        CU_ASSERT(sc_test_kernel_q(K, NULL, act, rho, q, s, m, prec + 64) == SC_OK);
        CU_ASSERT(sc_test_kernel_q(K1, NULL, act, one, q, s, m, prec + 64) == SC_OK);
        prec += 64;
        arb_set_fmpq(s2, sigma, prec);
        arb_sqr(s2, s2, prec);
        arb_set_fmpq(r, rho, prec);
        arb_sqr(t, r, prec);
        arb_add_fmpz(t, t, d, prec);
        arb_sub_ui(t, t, 2, prec);
        arb_mul(t, t, K, prec);                 /* (d - 2 + rho^2) K(rho) */
        arb_set_fmpz(u, d);
        arb_sub_ui(u, u, 1, prec);
        arb_mul(u, u, r, prec);
        arb_submul(t, u, K1, prec);
        arb_mul(t, t, s2, prec);
        SC_ASSERT_AGREE("b by the formula", spec, b2, t);
        arb_mul(t, r, K, prec);
        arb_sub(t, K1, t, prec);                /* K(1) - rho K(rho) */
        arb_sqr(u, r, prec);
        arb_sub_ui(u, u, 1, prec);
        arb_neg(u, u);
        arb_mul(t, t, u, prec);
        arb_mul(t, t, s2, prec);
        arb_mul_2exp_si(t, t, 1);
        SC_ASSERT_AGREE("a by the formula", spec, a2, t);
        if (n_randint(st, 4) == 0)
        {
            CU_ASSERT(sc_twopoint_certify(b1, a1, act, d, rho, sigma, q, s, 20, 0) == SC_OK);
            SC_ASSERT_AGREE("certified b", spec, b1, b2);
            SC_ASSERT_AGREE("certified a", spec, a1, a2);
        }
        fmpq_clear(rho); fmpq_clear(q); fmpq_clear(s); fmpq_clear(sigma); fmpq_clear(one);
        fmpz_clear(d);
        arb_clear(b1); arb_clear(a1); arb_clear(b2); arb_clear(a2); arb_clear(K); arb_clear(K1);
        arb_clear(t); arb_clear(u); arb_clear(s2); arb_clear(r);
        sc_act_clear(act);
    }
    flint_randclear(st);
}

SC_TEST_MAIN("twopoint",
    SC_TEST(test_random_formulas),
    SC_TEST(test_linear_is_rqf),
    SC_TEST(test_zeros_at_ends),
    SC_TEST(test_relu_closed_form),
    SC_TEST(test_sigma_scaling),
    SC_TEST(test_errors),
    SC_TEST(test_eval_and_cap))
