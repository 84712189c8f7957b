/* The critical dimension (doc/model.md section 4): d* of gelu, tanh and the
   activations without one, the exact d* = 3 of the jump activations, an
   exact zero of lambda, a d* beyond 10^12, agreement with the Lyapunov
   verdicts on either side, and the precision policy's stops. */
#include "sc_test.h"
#include "synccert/critdim.h"
#include "synccert/lyapunov.h"
#include "synccert/parse.h"
#include "synccert/prec.h"

static int cdim_at(sc_critdim_result *r, const char *spec, const char *q, const char *s,
                   slong digits, slong cap)
{
    sc_act_t act;
    fmpq_t qq, ss;
    int st;
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    fmpq_init(qq); fmpq_init(ss);
    sc_parse_fmpq(qq, q, "q");
    sc_parse_fmpq(ss, s, "s");
    st = sc_critical_dim(r, act, qq, ss, digits, cap);
    sc_act_clear(act);
    fmpq_clear(qq); fmpq_clear(ss);
    return st;
}

static int cdim(sc_critdim_result *r, const char *spec, const char *q, const char *s)
{
    return cdim_at(r, spec, q, s, 15, 0);
}

/* The verdict of sc_lyapunov_certify at dimension d (sigma = 1). */
static int verdict_at(const char *spec, slong d)
{
    sc_act_t act;
    fmpz_t D;
    sc_lyap_result r;
    int v;
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    fmpz_init(D);
    fmpz_set_si(D, d);
    sc_lyap_result_init(&r);
    CU_ASSERT(sc_lyapunov_certify(&r, act, D, NULL, NULL, NULL, 15, 0) == SC_OK);
    v = r.verdict;
    sc_lyap_result_clear(&r);
    fmpz_clear(D);
    sc_act_clear(act);
    return v;
}

static void test_critical_dims(void)
{
    sc_critdim_result r;
    sc_critdim_result_init(&r);

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
}


static void test_gelu(void)
{
    /* d* in (30.7, 30.8); 30 is the largest synchronising dimension, and
       the Lyapunov verdicts at 30 and 31 (a second computation) agree */
    sc_critdim_result r;
    arb_t lo, hi, lam, one;
    arb_init(lo); arb_init(hi); arb_init(lam); arb_init(one);
    sc_critdim_result_init(&r);
    CU_ASSERT(cdim(&r, "gelu", "1", "0") == SC_OK);
    CU_ASSERT(r.dstar_kind == SC_DSTAR_FINITE);
    arb_set_str(lo, "30.7", 64);
    arb_set_str(hi, "30.8", 64);
    CU_ASSERT(arb_gt(r.dstar, lo) && arb_lt(r.dstar, hi));
    CU_ASSERT(sc_arb_meets_digits(r.dstar, 15));
    CU_ASSERT(r.max_sync_kind == SC_DIMV_VALUE && fmpz_equal_si(r.max_sync, 30));
    CU_ASSERT(r.min_nonsync_kind == SC_DIMV_VALUE && fmpz_equal_si(r.min_nonsync, 31));
    CU_ASSERT(verdict_at("gelu", 30) == SC_SYNC_YES);
    CU_ASSERT(verdict_at("gelu", 31) == SC_SYNC_NO);
    CU_ASSERT(verdict_at("gelu", 2) == SC_SYNC_YES);
    /* lambda(d*) = 0: d* is the root of the affine lambda */
    arb_one(one);
    sc_lyapunov_lambda_v(lam, NULL, r.K1, r.dK1, r.dstar, one, 256);
    CU_ASSERT(arb_contains_zero(lam));
    sc_critdim_result_clear(&r);
    arb_clear(lo); arb_clear(hi); arb_clear(lam); arb_clear(one);
}

static void test_relu_no_dstar(void)
{
    /* relu: K'(1) = K(1) = 1/2 exactly, lambda = -1/2 in every dimension */
    sc_critdim_result r;
    sc_critdim_result_init(&r);
    CU_ASSERT(cdim(&r, "relu", "1", "0") == SC_OK);
    CU_ASSERT(r.dstar_kind == SC_DSTAR_NONE);
    CU_ASSERT(r.max_sync_kind == SC_DIMV_ALL && r.min_nonsync_kind == SC_DIMV_NONE);
    CU_ASSERT(fmpz_cmp(r.und_lo, r.und_hi) > 0);
    SC_ASSERT_CONTAINS_STR(r.K1, "0.5");
    SC_ASSERT_CONTAINS_STR(r.dK1, "0.5");
    CU_ASSERT(verdict_at("relu", 1000000) == SC_SYNC_YES);
    sc_critdim_result_clear(&r);
}

static void test_step_exact(void)
{
    /* K'(1) = +inf: d* = 3 exactly (not an enclosure), 2 synchronises, 4
       does not, 3 is undefined */
    static const char *jump[] = { "step", "sign" };
    sc_critdim_result r;
    int i;
    sc_critdim_result_init(&r);
    for (i = 0; i < 2; i++)
    {
        CU_ASSERT(cdim(&r, jump[i], "1", "0") == SC_OK);
        CU_ASSERT(sc_lyapunov_dK1_inf(r.dK1));
        CU_ASSERT(r.dstar_kind == SC_DSTAR_FINITE);
        CU_ASSERT(arb_is_exact(r.dstar) && arf_equal_si(arb_midref(r.dstar), 3));
        CU_ASSERT(r.max_sync_kind == SC_DIMV_VALUE && fmpz_equal_si(r.max_sync, 2));
        CU_ASSERT(r.min_nonsync_kind == SC_DIMV_VALUE && fmpz_equal_si(r.min_nonsync, 4));
        CU_ASSERT(fmpz_equal_si(r.und_lo, 3) && fmpz_equal_si(r.und_hi, 3));
    }
    sc_critdim_result_clear(&r);
}

static void test_policy(void)
{
    /* the cap: K(1), K'(1) must meet the digits (here NaN balls at 74 bits, the cap 100:
       gelu with q = 1e30), else SC_ERR_PREC; with the default cap they do */
    sc_critdim_result r;
    sc_critdim_result_init(&r);
    CU_ASSERT(cdim_at(&r, "gelu", "1e30", "0", 15, 100) == SC_ERR_PREC);
    CU_ASSERT(cdim_at(&r, "gelu", "1e30", "0", 15, 0) == SC_OK);
    SC_ASSERT_OVERLAPS_STR(r.K1, "[5e29 +/- 1e15]");
    CU_ASSERT(cdim_at(&r, "tanh", "1", "0", 30, 64) == SC_ERR_PREC);
    /* what only more precision could decide is reported undecided: the
       integers next to d* = 5 + 2^41 are not separated at 64 bits */
    CU_ASSERT(cdim_at(&r, "hermite:a1=1,a2=1/1048576", "1", "0", 15, 64) == SC_OK);
    CU_ASSERT(r.max_sync_kind == SC_DIMV_UNDECIDED && r.min_nonsync_kind == SC_DIMV_UNDECIDED);
    CU_ASSERT(r.prec == 64);
    /* bad input */
    CU_ASSERT(cdim_at(&r, "gelu", "0", "0", 15, 0) == SC_ERR_INPUT);
    CU_ASSERT(cdim_at(&r, "gelu", "1", "-1", 15, 0) == SC_ERR_INPUT);
    CU_ASSERT(cdim_at(&r, "gelu", "1", "0", 0, 0) == SC_ERR_INPUT);
    sc_critdim_result_clear(&r);
}

SC_TEST_MAIN("critdim",
    SC_TEST(test_critical_dims),
    SC_TEST(test_gelu),
    SC_TEST(test_relu_no_dstar),
    SC_TEST(test_step_exact),
    SC_TEST(test_policy))
