/* Lyapunov quantities and the critical dimension (MODEL.md section 4):
   closed-form values, affinity in d, sigma^2 scaling, verdicts, antipodal
   behaviour, the critical dimensions of tanh and gelu, huge dimensions. */
#include "sc_test.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/critdim.h"
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
    CU_ASSERT(lyap(&r, "step", "3", "1", "1", "0", 15) == SC_OK);
    CU_ASSERT(r.verdict == SC_SYNC_UNDECIDED);
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

static int cdim(sc_critdim_result *r, const char *spec, const char *q, const char *s)
{
    sc_act_t act;
    fmpq_t qq, ss;
    int st;
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    fmpq_init(qq); fmpq_init(ss);
    sc_parse_fmpq(qq, q, "q");
    sc_parse_fmpq(ss, s, "s");
    st = sc_critical_dim(r, act, qq, ss, 15, 0);
    sc_act_clear(act);
    fmpq_clear(qq); fmpq_clear(ss);
    return st;
}

static void test_critical_dims(void)
{
    sc_critdim_result r;
    arb_t lo, hi;
    arb_init(lo); arb_init(hi);
    sc_critdim_result_init(&r);

    CU_ASSERT(cdim(&r, "gelu", "1", "0") == SC_OK);
    CU_ASSERT(r.dstar_kind == SC_DSTAR_FINITE);
    arb_set_str(lo, "30.7", 64);
    arb_set_str(hi, "30.8", 64);
    CU_ASSERT(arb_gt(r.dstar, lo) && arb_lt(r.dstar, hi));
    CU_ASSERT(r.max_sync_kind == SC_DIMV_VALUE && fmpz_equal_si(r.max_sync, 30));
    CU_ASSERT(r.min_nonsync_kind == SC_DIMV_VALUE && fmpz_equal_si(r.min_nonsync, 31));
    CU_ASSERT(fmpz_cmp(r.und_lo, r.und_hi) > 0);

    CU_ASSERT(cdim(&r, "tanh", "1", "0") == SC_OK);
    CU_ASSERT(fmpz_cmp_si(r.max_sync, 4) >= 0 && fmpz_cmp_si(r.min_nonsync, 32) <= 0);

    static const char *none[] = { "linear", "relu", "leaky_relu:alpha=0.1", "abs", "cos" };
    int i;
    for (i = 0; i < 5; i++)
    {
        CU_ASSERT(cdim(&r, none[i], "1", "0") == SC_OK);
        CU_ASSERT(r.dstar_kind == SC_DSTAR_NONE);
        CU_ASSERT(r.max_sync_kind == SC_DIMV_ALL);
        CU_ASSERT(r.min_nonsync_kind == SC_DIMV_NONE);
    }
    /* relu with a bias: K'(1) = q/2 < K(1) = (q + s)/2 */
    CU_ASSERT(cdim(&r, "relu", "2", "0.5") == SC_OK);
    CU_ASSERT(r.dstar_kind == SC_DSTAR_NONE && r.max_sync_kind == SC_DIMV_ALL);

    /* step: d* = 3, d = 3 undecided */
    CU_ASSERT(cdim(&r, "step", "1", "0") == SC_OK);
    CU_ASSERT(fmpz_equal_si(r.max_sync, 2) && fmpz_equal_si(r.min_nonsync, 4));
    CU_ASSERT(fmpz_equal_si(r.und_lo, 3) && fmpz_equal_si(r.und_hi, 3));

    /* d* = 5 exactly: 5 undecided, 4 and 6 decided */
    CU_ASSERT(cdim(&r, "hermite:a1=1,a3=1", "1", "0") == SC_OK);
    SC_ASSERT_CONTAINS_STR(r.dstar, "5");
    CU_ASSERT(fmpz_equal_si(r.max_sync, 4) && fmpz_equal_si(r.min_nonsync, 6));
    CU_ASSERT(fmpz_equal_si(r.und_lo, 5) && fmpz_equal_si(r.und_hi, 5));

    /* d* huge: hermite a1 = 1, a2 = 2^-20 gives K'(1) - K(1) = 2^-40,
       d* = 3 + 2 K(1) / 2^-40, about 2.2e12: exact integers far beyond 10^9 */
    CU_ASSERT(cdim(&r, "hermite:a1=1,a2=1/1048576", "1", "0") == SC_OK);
    {
        fmpz_t e;
        fmpz_init(e);
        /* d* = 3 + 2 (1 + 2^-40) 2^40 = 5 + 2^41 exactly */
        fmpz_one(e);
        fmpz_mul_2exp(e, e, 41);
        fmpz_add_ui(e, e, 5);
        SC_ASSERT_CONTAINS_STR(r.dstar, "2199023255557");
        fmpz_sub_ui(e, e, 1);
        CU_ASSERT(fmpz_equal(r.max_sync, e));
        fmpz_add_ui(e, e, 2);
        CU_ASSERT(fmpz_equal(r.min_nonsync, e));
        fmpz_clear(e);
    }
    sc_critdim_result_clear(&r);
    arb_clear(lo); arb_clear(hi);
}

SC_TEST_MAIN("lyapunov",
    SC_TEST(test_linear_relu_every_dim),
    SC_TEST(test_tanh_gelu_verdicts),
    SC_TEST(test_affine_in_d_and_sigma2),
    SC_TEST(test_odd_antipodal),
    SC_TEST(test_jump_activations),
    SC_TEST(test_exact_zero_lambda),
    SC_TEST(test_errors),
    SC_TEST(test_critical_dims))
