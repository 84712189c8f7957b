/* The Random Quadratic Form (doc/model.md section 6): exact spectrum, its
   sum, the contraction rate, the two-point law against the linear
   activation, hitting probabilities, the martingale property of theta, and
   sc_rqf_certify (everything `synccert rqf` prints). */
#include "sc_test.h"
#include "synccert/rqf.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/parse.h"

static void test_spectrum(void)
{
    static const slong ns[] = { 2, 3, 4, 10, 1001 };
    fmpz_t n, k;
    fmpq_t sig, l, sum, e;
    int i;
    fmpz_init(n); fmpz_init(k);
    fmpq_init(sig); fmpq_init(l); fmpq_init(sum); fmpq_init(e);
    sc_parse_fmpq(sig, "0.3", "sigma");
    for (i = 0; i < 5; i++)
    {
        fmpz_set_si(n, ns[i]);
        /* explicit sum equals the closed form, which is 0 */
        fmpq_zero(e);
        for (fmpz_one(k); fmpz_cmp(k, n) <= 0; fmpz_add_ui(k, k, 1))
        {
            sc_rqf_lyap_k(l, n, k, sig);
            fmpq_add(e, e, l);
        }
        sc_rqf_spectrum_sum(sum, n, sig);
        CU_ASSERT(fmpq_is_zero(e));
        CU_ASSERT(fmpq_is_zero(sum));
        /* lambda_1 - lambda_2 = sigma^2, lambda_1 = sigma^2 (n - 1)/2 */
        fmpz_one(k);
        sc_rqf_lyap_k(l, n, k, sig);
        fmpz_set_ui(k, 2);
        sc_rqf_lyap_k(e, n, k, sig);
        fmpq_sub(e, l, e);
        fmpq_mul(sum, sig, sig);
        CU_ASSERT(fmpq_equal(e, sum));
        fmpq_mul_si(sum, sum, ns[i] - 1);
        fmpq_div_2exp(sum, sum, 1);
        CU_ASSERT(fmpq_equal(l, sum));
    }
    /* huge n: the closed-form sum is still exactly 0 */
    fmpz_set_str(n, "1000000000000000000000000000", 10);
    sc_rqf_spectrum_sum(sum, n, sig);
    CU_ASSERT(fmpq_is_zero(sum));
    fmpz_clear(n); fmpz_clear(k);
    fmpq_clear(sig); fmpq_clear(l); fmpq_clear(sum); fmpq_clear(e);
}

static void test_matches_linear(void)
{
    static const char *dims[] = { "2", "5", "1000000000" };
    sc_act_t lin;
    sc_lyap_result r;
    fmpz_t n;
    fmpq_t sig;
    arb_t s2, e;
    int i;
    sc_act_init(lin);
    sc_act_parse(lin, "linear");
    sc_lyap_result_init(&r);
    fmpz_init(n);
    fmpq_init(sig);
    arb_init(s2);
    arb_init(e);
    sc_parse_fmpq(sig, "1.7", "sigma");
    arb_set_fmpq(s2, sig, 200);
    arb_sqr(s2, s2, 200);
    for (i = 0; i < 3; i++)
    {
        fmpz_set_str(n, dims[i], 10);
        CU_ASSERT(sc_lyapunov_certify(&r, lin, n, sig, NULL, NULL, 20, 0) == SC_OK);
        arb_neg(e, s2);                    /* -(lambda_1 - lambda_2) */
        SC_ASSERT_OVERLAPS(r.lambda, e);
        arb_mul_2exp_si(e, s2, 1);         /* variance rate of log tan(theta/2) */
        SC_ASSERT_OVERLAPS(r.v, e);
    }
    sc_act_clear(lin);
    sc_lyap_result_clear(&r);
    fmpz_clear(n);
    fmpq_clear(sig);
    arb_clear(s2);
    arb_clear(e);
}

static void test_ba_and_ends(void)
{
    arb_t rho, s2, b, a;
    arb_init(rho); arb_init(s2); arb_init(b); arb_init(a);
    arb_set_ui(s2, 4);
    arb_one(rho);
    sc_rqf_ba(b, a, rho, s2, 128);
    CU_ASSERT(arb_is_zero(b) && arb_is_zero(a));
    arb_set_si(rho, -1);
    sc_rqf_ba(b, a, rho, s2, 128);
    CU_ASSERT(arb_is_zero(b) && arb_is_zero(a));
    arb_set_d(rho, 0.5);
    sc_rqf_ba(b, a, rho, s2, 128);
    SC_ASSERT_CONTAINS_STR(b, "-1.5");     /* -4 * 0.5 * 0.75 */
    SC_ASSERT_CONTAINS_STR(a, "4.5");      /* 8 * 0.5625 */
    arb_clear(rho); arb_clear(s2); arb_clear(b); arb_clear(a);
}

static void test_probabilities(void)
{
    static const char *ths[] = { "0.1", "1", "1.5707963", "3.14159" };
    arb_t th, ps, pa, t, rho, drift;
    fmpz_t n;
    fmpq_t sig, x;
    int i;
    arb_init(th); arb_init(ps); arb_init(pa); arb_init(t); arb_init(rho); arb_init(drift);
    fmpz_init_set_ui(n, 6);
    fmpq_init(sig);
    fmpq_init(x);
    sc_parse_fmpq(sig, "0.8", "sigma");
    for (i = 0; i < 4; i++)
    {
        sc_parse_fmpq(x, ths[i], "theta0");
        CU_ASSERT(sc_rqf_check_theta0(x) == SC_OK);
        arb_set_fmpq(th, x, 200);
        sc_rqf_probs(ps, pa, th, 200);
        arb_add(t, ps, pa, 200);
        SC_ASSERT_CONTAINS_STR(t, "1");
        CU_ASSERT(arb_is_positive(ps) && arb_is_positive(pa));
        /* theta = arccos rho is a martingale under the general linear b, a */
        arb_cos(rho, th, 200);
        CU_ASSERT(sc_rqf_theta_drift_general(drift, n, sig, rho, 200) == SC_OK);
        CU_ASSERT(arb_contains_zero(drift) && mag_cmp_2exp_si(arb_radref(drift), -150) < 0);
    }
    /* pi/2: even odds */
    arb_const_pi(th, 200);
    arb_mul_2exp_si(th, th, -1);
    sc_rqf_probs(ps, pa, th, 200);
    SC_ASSERT_CONTAINS_STR(ps, "0.5");
    /* out of range */
    sc_parse_fmpq(x, "3.1416", "theta0");
    CU_ASSERT(sc_rqf_check_theta0(x) == SC_ERR_INPUT);
    sc_parse_fmpq(x, "-0.001", "theta0");
    CU_ASSERT(sc_rqf_check_theta0(x) == SC_ERR_INPUT);
    sc_parse_fmpq(x, "3.14159265358979323846264338327950288419716939937510", "theta0");
    CU_ASSERT(sc_rqf_check_theta0(x) == SC_OK);
    sc_parse_fmpq(x, "3.14159265358979323846264338327950288419716939937511", "theta0");
    CU_ASSERT(sc_rqf_check_theta0(x) == SC_ERR_INPUT);
    arb_clear(th); arb_clear(ps); arb_clear(pa); arb_clear(t); arb_clear(rho); arb_clear(drift);
    fmpz_clear(n);
    fmpq_clear(sig);
    fmpq_clear(x);
}

static int certify(sc_rqf_result *r, slong n, const char *sigma, const char *rho,
                   const char *theta0, int full, slong digits)
{
    fmpz_t N;
    fmpq_t sg, rh, th;
    int st;
    fmpz_init_set_ui(N, n);
    fmpq_init(sg); fmpq_init(rh); fmpq_init(th);
    sc_parse_fmpq(sg, sigma, "sigma");
    sc_parse_fmpq(rh, rho, "rho");
    if (theta0 != NULL)
        sc_parse_fmpq(th, theta0, "theta0");
    st = sc_rqf_certify(r, N, sg, rh, theta0 ? th : NULL, full, digits);
    fmpz_clear(N);
    fmpq_clear(sg); fmpq_clear(rh); fmpq_clear(th);
    return st;
}

static void test_certify(void)
{
    sc_rqf_result r;
    arb_t e, t;
    slong i;
    arb_init(e);
    arb_init(t);

    /* n = 4, sigma = 0.3, rho = 1/2, theta0 = 1 */
    sc_rqf_result_init(&r);
    CU_ASSERT_FATAL(certify(&r, 4, "0.3", "1/2", "1", 0, 20) == SC_OK);
    CU_ASSERT(r.nshown == 4 && r.first == 4);
    for (i = 0; i < 4; i++)
        CU_ASSERT(fmpz_equal_si(r.k + i, i + 1));
    SC_ASSERT_CONTAINS_STR(r.spectrum + 0, "0.135");     /* 0.09 * 3/2 */
    SC_ASSERT_CONTAINS_STR(r.spectrum + 3, "-0.135");
    CU_ASSERT(fmpq_is_zero(r.spectrum_sum));
    SC_ASSERT_CONTAINS_STR(r.contraction, "0.09");
    SC_ASSERT_CONTAINS_STR(r.b, "-0.03375");              /* -0.09 * 0.5 * 0.75 */
    SC_ASSERT_CONTAINS_STR(r.a, "0.10125");               /* 0.18 * 0.5625 */
    SC_ASSERT_CONTAINS_STR(r.lambda, "-0.09");
    SC_ASSERT_CONTAINS_STR(r.v, "0.18");
    /* the general machinery agrees, and is itself certified */
    SC_ASSERT_OVERLAPS(r.gb, r.b);
    SC_ASSERT_OVERLAPS(r.ga, r.a);
    SC_ASSERT_OVERLAPS(r.glambda, r.lambda);
    SC_ASSERT_OVERLAPS(r.gv, r.v);
    CU_ASSERT(sc_arb_meets_digits(r.gb, 20) && sc_arb_meets_digits(r.glambda, 20));
    CU_ASSERT(r.has_theta0 && r.theta0_inside && r.agree);
    CU_ASSERT(arb_contains_zero(r.theta_drift) && sc_arb_meets_digits(r.theta_drift, 20));
    /* p_sync = 1 - 1/pi */
    arb_const_pi(e, 256);
    arb_inv(e, e, 256);
    arb_sub_ui(e, e, 1, 256);
    arb_neg(e, e);
    SC_ASSERT_OVERLAPS(r.psync, e);
    arb_add(t, r.psync, r.panti, 256);
    SC_ASSERT_CONTAINS_STR(t, "1");
    /* the start precision: 64 bits above the digits */
    CU_ASSERT(r.prec == sc_prec_for_digits(20) + 64);
    sc_rqf_result_clear(&r);

    /* n = 25: lambda_1..3 and lambda_24, lambda_25; --full: all 25 */
    sc_rqf_result_init(&r);
    CU_ASSERT(certify(&r, 25, "1", "-0.3", NULL, 0, 15) == SC_OK);
    CU_ASSERT(r.nshown == 5 && r.first == 3);
    CU_ASSERT(fmpz_equal_si(r.k + 3, 24) && fmpz_equal_si(r.k + 4, 25));
    SC_ASSERT_CONTAINS_STR(r.spectrum + 4, "-12");
    CU_ASSERT(!r.has_theta0 && r.agree);
    sc_rqf_result_clear(&r);
    sc_rqf_result_init(&r);
    CU_ASSERT(certify(&r, 25, "1", "-0.3", "0", 1, 15) == SC_OK);
    CU_ASSERT(r.nshown == 25 && r.first == 25);
    /* theta0 = 0: certain synchronisation, no drift to check */
    CU_ASSERT(r.has_theta0 && !r.theta0_inside);
    SC_ASSERT_CONTAINS_STR(r.psync, "1");
    sc_rqf_result_clear(&r);

    /* the ends: b, a vanish exactly in both computations */
    sc_rqf_result_init(&r);
    CU_ASSERT(certify(&r, 5, "2", "-1", NULL, 0, 15) == SC_OK);
    CU_ASSERT(arb_is_zero(r.b) && arb_is_zero(r.a) && arb_is_zero(r.gb) && arb_is_zero(r.ga));
    sc_rqf_result_clear(&r);

    /* bad input */
    sc_rqf_result_init(&r);
    CU_ASSERT(certify(&r, 3, "1", "1/2", "3.1416", 0, 15) == SC_ERR_INPUT);
    CU_ASSERT(certify(&r, 3, "1", "1.01", NULL, 0, 15) == SC_ERR_INPUT);
    CU_ASSERT(certify(&r, 1, "1", "1/2", NULL, 0, 15) == SC_ERR_INPUT);
    CU_ASSERT(certify(&r, 3, "-1", "1/2", NULL, 0, 15) == SC_ERR_INPUT);
    CU_ASSERT(certify(&r, 3, "1", "1/2", NULL, 0, 0) == SC_ERR_INPUT);
    CU_ASSERT(certify(&r, SC_RQF_FULL_MAX + 1, "1", "1/2", NULL, 1, 15) == SC_ERR_INPUT);
    sc_rqf_result_clear(&r);
    arb_clear(e);
    arb_clear(t);
}

SC_TEST_MAIN("rqf",
    SC_TEST(test_spectrum),
    SC_TEST(test_matches_linear),
    SC_TEST(test_ba_and_ends),
    SC_TEST(test_probabilities),
    SC_TEST(test_certify))
