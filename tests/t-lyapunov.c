/* Lyapunov quantities (doc/model.md section 4): closed-form values,
   affinity in d, sigma^2 scaling, verdicts, antipodal behaviour, huge
   dimensions, the moment function g(p), and the precision policy's rule
   that a NaN is never a result (the critical dimension is in t-critdim.c). */
#include "sc_test.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/parse.h"
#include "synccert/kernel.h"

static int lyap(sc_lyap_result *r, const char *spec, const char *d, const char *sigma,
                const char *q, const char *s, slong digits)
{
    sc_act_t act;
    fmpz_t D;
    fmpq_t sg, qq, ss;
    int st;
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    fmpz_init(D);
    fmpz_set_str(D, d, 10);
    fmpq_init(sg); fmpq_init(qq); fmpq_init(ss);
    sc_parse_fmpq(sg, sigma, "sigma");
    sc_parse_fmpq(qq, q, "q");
    sc_parse_fmpq(ss, s, "s");
    st = sc_lyapunov_certify(r, act, D, sg, qq, ss, digits, 0);
    sc_act_clear(act);
    fmpz_clear(D);
    fmpq_clear(sg); fmpq_clear(qq); fmpq_clear(ss);
    return st;
}

static void test_linear_relu_every_dim(void)
{
    static const char *dims[] = { "2", "3", "4", "7", "100", "1000000000", "123456789012345678901" };
    static const char *sig[] = { "1", "0.3", "7/3" };
    sc_lyap_result r;
    arb_t e, s2;
    int i, j;
    arb_init(e);
    arb_init(s2);
    sc_lyap_result_init(&r);
    for (j = 0; j < 3; j++)
        for (i = 0; i < 7; i++)
        {
            fmpq_t x;
            fmpq_init(x);
            sc_parse_fmpq(x, sig[j], "sigma");
            arb_set_fmpq(s2, x, 300);
            arb_sqr(s2, s2, 300);
            fmpq_clear(x);
            /* linear: lambda = -sigma^2, v = 2 sigma^2 */
            CU_ASSERT(lyap(&r, "linear", dims[i], sig[j], "1", "0", 20) == SC_OK);
            arb_neg(e, s2);
            SC_ASSERT_OVERLAPS(r.lambda, e);
            arb_mul_2exp_si(e, s2, 1);
            SC_ASSERT_OVERLAPS(r.v, e);
            CU_ASSERT(r.verdict == SC_SYNC_YES);
            CU_ASSERT(r.odd && arb_is_zero(r.bminus1));
            CU_ASSERT(r.antipodal == SC_ANTI_ATTRACTING);
            /* relu: lambda = -sigma^2/2, v = sigma^2, p* = 1 */
            CU_ASSERT(lyap(&r, "relu", dims[i], sig[j], "1", "0", 20) == SC_OK);
            arb_mul_2exp_si(e, s2, -1);
            arb_neg(e, e);
            SC_ASSERT_OVERLAPS(r.lambda, e);
            SC_ASSERT_OVERLAPS(r.v, s2);
            SC_ASSERT_CONTAINS_STR(r.pstar, "1");
            CU_ASSERT(r.verdict == SC_SYNC_YES);
            CU_ASSERT(r.antipodal == SC_ANTI_REPELLING);   /* b(-1) = sigma^2 (d-1)/2 > 0 */
            CU_ASSERT(sc_arb_meets_digits(r.lambda, 20));
        }
    sc_lyap_result_clear(&r);
    arb_clear(e);
    arb_clear(s2);
}

static void test_tanh_gelu_verdicts(void)
{
    sc_lyap_result r;
    sc_lyap_result_init(&r);
    CU_ASSERT(lyap(&r, "tanh", "4", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_YES);
    SC_ASSERT_OVERLAPS_STR(r.K1, "[0.3942944904 +/- 1e-10]");
    SC_ASSERT_OVERLAPS_STR(r.dK1, "[0.4644029024 +/- 1e-10]");
    CU_ASSERT(lyap(&r, "tanh", "32", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_NO);
    CU_ASSERT(lyap(&r, "gelu", "30", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_YES);
    SC_ASSERT_OVERLAPS_STR(r.K1, "[0.4252214826 +/- 1e-10]");
    SC_ASSERT_OVERLAPS_STR(r.dK1, "[0.4558508656 +/- 1e-10]");
    CU_ASSERT(lyap(&r, "gelu", "31", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_NO);
    /* p* > 0 exactly when synchronising */
    CU_ASSERT(lyap(&r, "gelu", "5", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(arb_is_positive(r.pstar));
    sc_lyap_result_clear(&r);
}

static void test_affine_in_d_and_sigma2(void)
{
    /* lambda(d) affine: lambda(2) - 2 lambda(7) + lambda(12) = 0;
       lambda scales with sigma^2 */
    sc_lyap_result r;
    arb_t l2, l7, l12, t;
    sc_lyap_result_init(&r);
    arb_init(l2); arb_init(l7); arb_init(l12); arb_init(t);
    CU_ASSERT(lyap(&r, "silu", "2", "1", "1", "0", 20) == SC_OK);
    arb_set(l2, r.lambda);
    CU_ASSERT(lyap(&r, "silu", "7", "1", "1", "0", 20) == SC_OK);
    arb_set(l7, r.lambda);
    CU_ASSERT(lyap(&r, "silu", "12", "1", "1", "0", 20) == SC_OK);
    arb_set(l12, r.lambda);
    arb_mul_2exp_si(t, l7, 1);
    arb_sub(t, l2, t, 200);
    arb_add(t, t, l12, 200);
    CU_ASSERT(arb_contains_zero(t) && mag_cmp_2exp_si(arb_radref(t), -60) < 0);
    CU_ASSERT(lyap(&r, "silu", "7", "0.2", "1", "0", 20) == SC_OK);
    arb_mul_ui(t, r.lambda, 25, 200);
    SC_ASSERT_OVERLAPS(t, l7);
    arb_clear(l2); arb_clear(l7); arb_clear(l12); arb_clear(t);
    sc_lyap_result_clear(&r);
}

static void test_odd_antipodal(void)
{
    static const char *odd[] = { "tanh", "erf:c=0.7", "sin", "linear", "poly:c1=1,c3=-1/6", "hermite:a1=1,a3=1/2" };
    sc_lyap_result r;
    int i;
    sc_lyap_result_init(&r);
    for (i = 0; i < 6; i++)
    {
        CU_ASSERT(lyap(&r, odd[i], "9", "1.5", "2", "0", 15) == SC_OK);
        CU_ASSERT(r.odd);
        CU_ASSERT(arb_is_zero(r.bminus1));
        CU_ASSERT(arb_equal(r.lambda_anti, r.lambda));
        CU_ASSERT(r.antipodal == (r.verdict == SC_SYNC_YES ? SC_ANTI_ATTRACTING :
                                  r.verdict == SC_SYNC_NO ? SC_ANTI_REPELLING : SC_ANTI_NEUTRAL));
    }
    /* with a bias the antipodal set repels */
    CU_ASSERT(lyap(&r, "tanh", "9", "1", "1", "0.5", 15) == SC_OK);
    CU_ASSERT(!r.odd && r.antipodal == SC_ANTI_REPELLING);
    /* even activation: K(-1) = K(1), b(-1) = 2 sigma^2 (d-1) K(1) */
    CU_ASSERT(lyap(&r, "cos", "3", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.antipodal == SC_ANTI_REPELLING);
    SC_ASSERT_OVERLAPS(r.Km1, r.K1);
    sc_lyap_result_clear(&r);
}

static void test_jump_activations(void)
{
    /* K'(1) = inf: lambda = -inf at d = 2, undefined at 3, +inf from 4 */
    sc_lyap_result r;
    sc_lyap_result_init(&r);
    CU_ASSERT(lyap(&r, "step", "2", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_YES);
    CU_ASSERT(!r.lambda_undefined);
    CU_ASSERT(lyap(&r, "step", "3", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_UNDECIDED);
    CU_ASSERT(r.lambda_undefined && sc_lyapunov_dK1_inf(r.dK1));
    CU_ASSERT(lyap(&r, "sign", "3", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.lambda_undefined && r.antipodal == SC_ANTI_NEUTRAL);
    CU_ASSERT(lyap(&r, "sign", "4", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_NO);
    sc_lyap_result_clear(&r);
}

static void test_exact_zero_lambda(void)
{
    /* hermite a1 = a3 = 1: K(1) = 2, K'(1) = 4, d* = 5 exactly, lambda(5) = 0:
       the verdict there must be undecided, never a guess */
    sc_lyap_result r;
    sc_lyap_result_init(&r);
    CU_ASSERT(lyap(&r, "hermite:a1=1,a3=1", "5", "1", "1", "0", 10) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_UNDECIDED);
    CU_ASSERT(arb_contains_zero(r.lambda));
    CU_ASSERT(lyap(&r, "hermite:a1=1,a3=1", "4", "1", "1", "0", 10) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_YES);
    CU_ASSERT(lyap(&r, "hermite:a1=1,a3=1", "6", "1", "1", "0", 10) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_NO);
    sc_lyap_result_clear(&r);
}

static void test_errors(void)
{
    sc_lyap_result r;
    sc_lyap_result_init(&r);
    CU_ASSERT(lyap(&r, "relu", "1", "1", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(lyap(&r, "relu", "0", "1", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(lyap(&r, "relu", "3", "0", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(lyap(&r, "relu", "3", "-2", "1", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(lyap(&r, "relu", "3", "1", "0", "0", 15) == SC_ERR_INPUT);
    CU_ASSERT(lyap(&r, "relu", "3", "1", "1", "-1", 15) == SC_ERR_INPUT);
    sc_lyap_result_clear(&r);
}

/* A NaN is never a result: gelu with q = 1e30 has NaN kernel balls at the
   first precision; the policy raises the precision (K(1) = K'(1) -> q/2,
   lambda -> -q/2 like relu) or, past a cap, fails. */
static void test_nan_never_met(void)
{
    sc_act_t act;
    fmpz_t D;
    fmpq_t q;
    sc_lyap_result r;
    arb_t e;
    sc_act_init(act);
    fmpz_init(D);
    fmpq_init(q);
    arb_init(e);
    sc_lyap_result_init(&r);
    CU_ASSERT_FATAL(sc_act_parse(act, "gelu") == SC_OK);
    fmpz_set_ui(D, 8);
    sc_parse_fmpq(q, "1e30", "q");
    CU_ASSERT(sc_lyapunov_certify(&r, act, D, NULL, q, NULL, 15, 0) == SC_OK);
    CU_ASSERT(!r.lambda_undefined);
    CU_ASSERT(sc_arb_meets_digits(r.K1, 15) && sc_arb_meets_digits(r.lambda, 15));
    SC_ASSERT_OVERLAPS_STR(r.K1, "[5e29 +/- 1e15]");
    SC_ASSERT_OVERLAPS_STR(r.lambda, "[-5e29 +/- 1e15]");
    CU_ASSERT(r.verdict == SC_SYNC_YES);
    /* at the first precision alone the balls are NaN: SC_ERR_PREC, not a result */
    CU_ASSERT(sc_lyapunov_certify(&r, act, D, NULL, q, NULL, 15, 100) == SC_ERR_PREC);
    CU_ASSERT(arf_is_nan(arb_midref(r.K1)));
    arb_clear(e);
    sc_lyap_result_clear(&r);
    fmpq_clear(q);
    fmpz_clear(D);
    sc_act_clear(act);
}

/* On SC_OK every number is certified to the digits, except the two values
   known to be undefined when K'(1) = +inf: lambda at d = 3 and p*. */
static void test_ok_means_certified(void)
{
    static const char *acts[] = { "tanh", "gelu", "relu", "step", "sign", "erf", "elu", "softplus" };
    static const char *dims[] = { "2", "3", "4", "31" };
    sc_lyap_result r;
    int i, j;
    sc_lyap_result_init(&r);
    for (i = 0; i < 8; i++)
        for (j = 0; j < 4; j++)
        {
            int inf;
            CU_ASSERT_FATAL(lyap(&r, acts[i], dims[j], "1", "1", "0", 12) == SC_OK);
            inf = sc_lyapunov_dK1_inf(r.dK1);
            CU_ASSERT(inf == (i == 3 || i == 4));
            CU_ASSERT(r.lambda_undefined == (inf && j == 1));
            CU_ASSERT(sc_arb_meets_digits(r.K1, 12) && sc_arb_meets_digits(r.dK1, 12) &&
                      sc_arb_meets_digits(r.v, 12) && sc_arb_meets_digits(r.bminus1, 12));
            CU_ASSERT(r.lambda_undefined ? arf_is_nan(arb_midref(r.lambda)) && r.verdict == SC_SYNC_UNDECIDED
                                         : sc_arb_meets_digits(r.lambda, 12));
            CU_ASSERT(inf ? arf_is_nan(arb_midref(r.pstar)) : sc_arb_meets_digits(r.pstar, 12));
        }
    sc_lyap_result_clear(&r);
}

static void test_moment_function(void)
{
    /* g(p) = p lambda + p^2 v / 2: g(0) = 0, g(p*) = 0, g(1) = lambda + v/2 */
    sc_act_t act;
    fmpz_t D;
    fmpq_t p;
    sc_lyap_result r, r1;
    arb_t e;
    sc_act_init(act);
    fmpz_init(D);
    fmpq_init(p);
    arb_init(e);
    sc_lyap_result_init(&r);
    sc_lyap_result_init(&r1);
    CU_ASSERT_FATAL(sc_act_parse(act, "relu") == SC_OK);
    fmpz_set_ui(D, 5);
    /* relu: p* = 1, so g(1) = 0 exactly */
    fmpq_one(p);
    CU_ASSERT(sc_lyapunov_certify_p(&r, act, D, NULL, NULL, NULL, p, 20, 0) == SC_OK);
    CU_ASSERT(r.has_g && arb_contains_zero(r.g));
    CU_ASSERT_FATAL(sc_act_parse(act, "tanh") == SC_OK);
    fmpq_set_si(p, 3, 7);
    CU_ASSERT(sc_lyapunov_certify_p(&r, act, D, NULL, NULL, NULL, p, 20, 0) == SC_OK);
    CU_ASSERT(sc_lyapunov_certify(&r1, act, D, NULL, NULL, NULL, 20, 0) == SC_OK);
    CU_ASSERT(!r1.has_g);
    arb_set_fmpq(e, p, 200);
    sc_lyapunov_g(e, e, r1.lambda, r1.v, 200);
    SC_ASSERT_OVERLAPS(r.g, e);
    CU_ASSERT(sc_arb_meets_digits(r.g, 20));
    /* step: lambda = -inf at d = 2, g undefined, still SC_OK */
    CU_ASSERT_FATAL(sc_act_parse(act, "step") == SC_OK);
    fmpz_set_ui(D, 2);
    CU_ASSERT(sc_lyapunov_certify_p(&r, act, D, NULL, NULL, NULL, p, 15, 0) == SC_OK);
    CU_ASSERT(arf_is_nan(arb_midref(r.g)));
    arb_clear(e);
    sc_lyap_result_clear(&r);
    sc_lyap_result_clear(&r1);
    fmpq_clear(p);
    fmpz_clear(D);
    sc_act_clear(act);
}

SC_TEST_MAIN("lyapunov",
    SC_TEST(test_linear_relu_every_dim),
    SC_TEST(test_tanh_gelu_verdicts),
    SC_TEST(test_affine_in_d_and_sigma2),
    SC_TEST(test_odd_antipodal),
    SC_TEST(test_jump_activations),
    SC_TEST(test_exact_zero_lambda),
    SC_TEST(test_errors),
    SC_TEST(test_nan_never_met),
    SC_TEST(test_ok_means_certified),
    SC_TEST(test_moment_function))
