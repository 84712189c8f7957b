/* Certified parameter regimes (src/regime/regime.c): tanh synchronises
   exactly for d in 2:14, leaky_relu for every alpha in [0, 1] and d in 2:64,
   a too-strong attention is refuted, a budget stops cleanly. */
#include <string.h>
#include "sc_test.h"
#include "synccert/regime.h"
#include "synccert/parse.h"

static void problem(sc_regime_problem *P, const char *spec, int prop, const char *dims)
{
    fmpq_t lo, hi;
    fmpq_init(lo);
    fmpq_init(hi);
    sc_regime_problem_init(P);
    CU_ASSERT_FATAL(sc_act_parse(P->act, spec) == SC_OK);
    P->property = prop;
    CU_ASSERT_FATAL(sc_parse_range(lo, hi, dims, "dim") == SC_OK);
    CU_ASSERT_FATAL(sc_regime_add_axis(P, "d", SC_AXIS_DIM, -1, lo, hi) == SC_OK);
    fmpq_clear(lo);
    fmpq_clear(hi);
}

static void add(sc_regime_problem *P, const char *name, int kind, slong idx, const char *range)
{
    fmpq_t lo, hi;
    fmpq_init(lo);
    fmpq_init(hi);
    CU_ASSERT_FATAL(sc_parse_range(lo, hi, range, name) == SC_OK);
    CU_ASSERT_FATAL(sc_regime_add_axis(P, name, kind, idx, lo, hi) == SC_OK);
    fmpq_clear(lo);
    fmpq_clear(hi);
}

static void test_tanh_sync(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    slong i, d;
    problem(&P, "tanh", SC_PROP_SYNC, "2:64");
    sc_regime_result_init(&R);
    sc_regime_run(&R, &P);
    CU_ASSERT(fmpq_is_zero(R.frac[SC_LEAF_UNDECIDED]));
    /* every leaf with d <= 14 is certified, d >= 15 refuted */
    for (i = 0; i < R.nleaves; i++)
    {
        slong a = fmpz_get_si(fmpq_numref(R.leaves[i].lo)), b = fmpz_get_si(fmpq_numref(R.leaves[i].hi));
        for (d = a; d <= b; d++)
            CU_ASSERT(R.leaves[i].cls == (d <= 14 ? SC_LEAF_CERTIFIED : SC_LEAF_REFUTED));
    }
    {
        fmpq_t f;
        fmpq_init(f);
        fmpq_set_si(f, 13, 63);
        CU_ASSERT(fmpq_equal(R.frac[SC_LEAF_CERTIFIED], f));
        fmpq_clear(f);
    }
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

static void test_leaky_sync(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    problem(&P, "leaky_relu", SC_PROP_SYNC, "2:64");
    add(&P, "alpha", SC_AXIS_ACT, 0, "0:1");
    sc_regime_result_init(&R);
    sc_regime_run(&R, &P);
    CU_ASSERT(fmpq_is_one(R.frac[SC_LEAF_CERTIFIED]));
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

static void test_dissipation(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    /* relu, p = 1/2: c_p > 0 for every d; gamma = 0 certifies */
    problem(&P, "relu", SC_PROP_DISSIPATION, "2:1024");
    sc_regime_result_init(&R);
    sc_regime_run(&R, &P);
    CU_ASSERT(fmpq_is_one(R.frac[SC_LEAF_CERTIFIED]));
    sc_regime_result_clear(&R);
    /* gamma = 1: p gamma L_att = 1 > c_p (<= 1/8): refuted everywhere */
    fmpq_one(P.gamma);
    sc_regime_result_init(&R);
    sc_regime_run(&R, &P);
    CU_ASSERT(fmpq_is_one(R.frac[SC_LEAF_REFUTED]));
    sc_regime_result_clear(&R);
    /* a small attention with a p range: certified for d >= 4 at least */
    fmpq_set_si(P.gamma, 1, 100);
    add(&P, "p", SC_AXIS_P, -1, "0.25:0.5");
    sc_regime_result_init(&R);
    sc_regime_run(&R, &P);
    CU_ASSERT(fmpq_cmp_ui(R.frac[SC_LEAF_CERTIFIED], 0) > 0);
    CU_ASSERT(fmpq_is_zero(R.frac[SC_LEAF_REFUTED]));
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

static void test_budget(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    fmpq_t s;
    problem(&P, "gelu", SC_PROP_DISSIPATION, "2:64");
    add(&P, "q", SC_AXIS_Q, -1, "0.5:2");
    P.budget = 0.3;
    sc_regime_result_init(&R);
    CU_ASSERT(sc_regime_run(&R, &P) == SC_OK);
    CU_ASSERT(R.budget_hit);
    CU_ASSERT(fmpq_cmp_ui(R.frac[SC_LEAF_UNDECIDED], 0) > 0);
    CU_ASSERT(R.seconds < 10);
    fmpq_init(s);
    fmpq_add(s, R.frac[0], R.frac[1]);
    fmpq_add(s, s, R.frac[2]);
    CU_ASSERT(fmpq_is_one(s));
    fmpq_clear(s);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

static void test_decimal(void)
{
    fmpq_t x;
    char *s;
    fmpq_init(x);
    fmpq_set_si(x, -3, 8);
    s = sc_fmpq_decimal(x);
    CU_ASSERT(strcmp(s, "-0.375") == 0);
    flint_free(s);
    fmpq_set_si(x, 1, 3);
    s = sc_fmpq_decimal(x);
    CU_ASSERT(strcmp(s, "1/3") == 0);
    flint_free(s);
    fmpq_set_si(x, 1025, 1);
    s = sc_fmpq_decimal(x);
    CU_ASSERT(strcmp(s, "1025") == 0);
    flint_free(s);
    fmpq_clear(x);
}

SC_TEST_MAIN("regime",
    SC_TEST(test_tanh_sync),
    SC_TEST(test_leaky_sync),
    SC_TEST(test_dissipation),
    SC_TEST(test_budget),
    SC_TEST(test_decimal))
