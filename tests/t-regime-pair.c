/* The two-token and projective properties of `certify` (src/regime/
   eval_pair.c, doc/model.md sections 9 and 10): boxes classified against
   facts computed by hand (lambda of tanh and linear, the antipodal
   boundary gamma = -lambda (1 + e^{2 beta}) / 2, b(-1) > 0 for relu,
   c_p^pm = p (1 - p) for linear), gamma and beta as axes, the property
   names. */
#include "sc_test.h"
#include "synccert/regime.h"
#include "synccert/parse.h"

/* classify one box given as "NAME=LO:HI" specs on P's axes */
static int box(const char *act, int prop, const char *dims, const char *const *specs, slong n)
{
    sc_regime_problem P;
    fmpq *lo, *hi;
    slong i;
    int cls;
    sc_regime_problem_init(&P);
    CU_ASSERT_FATAL(sc_act_parse(P.act, act) == SC_OK);
    P.property = prop;
    CU_ASSERT_FATAL(sc_regime_add_dim(&P, dims) == SC_OK);
    for (i = 0; i < n; i++)
        CU_ASSERT_FATAL(sc_regime_add_param_spec(&P, specs[i]) == SC_OK);
    lo = _fmpq_vec_init(P.naxes);
    hi = _fmpq_vec_init(P.naxes);
    for (i = 0; i < P.naxes; i++)
    {
        fmpq_set(lo + i, P.axes[i].lo);
        fmpq_set(hi + i, P.axes[i].hi);
    }
    cls = sc_regime_eval_box(&P, lo, hi, 64);
    _fmpq_vec_clear(lo, P.naxes);
    _fmpq_vec_clear(hi, P.naxes);
    sc_regime_problem_clear(&P);
    return cls;
}

/* tanh: lambda(4) = -0.359, lambda(16) = 0.0614, lambda(32) = 0.622 */
static void test_pair_sync(void)
{
    static const char *g0[] = { "gamma=0:0.05" }, *g1[] = { "gamma=1:2", "beta=0:10" };
    CU_ASSERT(box("tanh", SC_PROP_PAIR_SYNC, "2:14", g0, 1) == SC_LEAF_CERTIFIED);
    CU_ASSERT(box("tanh", SC_PROP_PAIR_SYNC, "20:40", g0, 1) == SC_LEAF_REFUTED);
    CU_ASSERT(box("tanh", SC_PROP_PAIR_SYNC, "20:32", g1, 2) == SC_LEAF_CERTIFIED);  /* gamma > lambda(32) */
    CU_ASSERT(box("tanh", SC_PROP_PAIR_SYNC, "2:40", g0, 1) == SC_LEAF_UNDECIDED);
}

/* antipodal: linear, lambda = -1: attracting iff gamma < (1 + e^{2 beta}) / 2 */
static void test_antipodal(void)
{
    static const char *in[] = { "gamma=0:0.9", "beta=0:1" }, *out[] = { "gamma=1.1:2", "beta=0:0.04" };
    static const char *across[] = { "gamma=0:2", "beta=0:0.04" }, *big[] = { "gamma=0:0.1" };
    CU_ASSERT(box("linear", SC_PROP_ANTIPODAL, "2:1000", in, 2) == SC_LEAF_CERTIFIED);
    CU_ASSERT(box("linear", SC_PROP_ANTIPODAL, "2:1000", out, 2) == SC_LEAF_REFUTED);   /* (1 + e^0.08)/2 < 1.05 */
    CU_ASSERT(box("linear", SC_PROP_ANTIPODAL, "2:1000", across, 2) == SC_LEAF_UNDECIDED);
    CU_ASSERT(box("tanh", SC_PROP_ANTIPODAL, "2:8", big, 1) == SC_LEAF_CERTIFIED);
    CU_ASSERT(box("tanh", SC_PROP_ANTIPODAL, "16:64", big, 1) == SC_LEAF_REFUTED);
    /* not odd: b(-1) > 0, never an outcome */
    CU_ASSERT(box("relu", SC_PROP_ANTIPODAL, "2:64", big, 1) == SC_LEAF_REFUTED);
    /* an odd phi with a bias on part of the box is not odd there */
    {
        static const char *s[] = { "gamma=0:0.1", "s=0:0.5" };
        CU_ASSERT(box("tanh", SC_PROP_ANTIPODAL, "2:8", s, 2) == SC_LEAF_UNDECIDED);
    }
}

/* sync up to sign: linear c_p^pm = p (1 - p) (narrow p ranges: p enters the
   quotient several times, so a wide p box is left to the splitting) */
static void test_sync_up_to_sign(void)
{
    static const char *lowp[] = { "p=0.2:0.3" }, *highp[] = { "p=1.4:1.6" }, *tanhp[] = { "p=0.2:0.3" };
    CU_ASSERT(box("linear", SC_PROP_SYNC_UP_TO_SIGN, "2:100", lowp, 1) == SC_LEAF_CERTIFIED);
    CU_ASSERT(box("linear", SC_PROP_SYNC_UP_TO_SIGN, "2:100", highp, 1) == SC_LEAF_REFUTED);
    CU_ASSERT(box("tanh", SC_PROP_SYNC_UP_TO_SIGN, "4:8", tanhp, 1) == SC_LEAF_CERTIFIED);
    CU_ASSERT(box("relu", SC_PROP_SYNC_UP_TO_SIGN, "4:8", tanhp, 1) == SC_LEAF_REFUTED);   /* -inf */
}

/* a run over (beta, gamma) tiles the box and certifies the point (0.5, 0.1) */
static void test_run_and_names(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    slong i;
    int prop, found = 0;
    CU_ASSERT(sc_regime_property_parse(&prop, "pair-sync") == SC_OK && prop == SC_PROP_PAIR_SYNC);
    CU_ASSERT(sc_regime_property_parse(&prop, "antipodal") == SC_OK && prop == SC_PROP_ANTIPODAL);
    CU_ASSERT(sc_regime_property_parse(&prop, "sync-up-to-sign") == SC_OK && prop == SC_PROP_SYNC_UP_TO_SIGN);
    CU_ASSERT(sc_regime_property_parse(&prop, "antipode") == SC_ERR_INPUT);
    sc_regime_problem_init(&P);
    sc_regime_result_init(&R);
    sc_act_parse(P.act, "linear");
    P.property = SC_PROP_ANTIPODAL;
    P.max_depth = 10;
    sc_regime_add_dim(&P, "4");
    CU_ASSERT(sc_regime_add_param_spec(&P, "beta=0:2") == SC_OK);
    CU_ASSERT(sc_regime_add_param_spec(&P, "gamma=0:2") == SC_OK);
    CU_ASSERT(sc_regime_add_param_spec(&P, "gamma=0:1") == SC_ERR_INPUT);      /* repeated */
    CU_ASSERT(sc_regime_add_param_spec(&P, "delta=-1:0") == SC_ERR_INPUT);     /* unknown */
    CU_ASSERT(sc_regime_run(&R, &P) == SC_OK);
    for (i = 0; i < R.nleaves; i++)
        if (fmpq_cmp_si(R.leaves[i].lo + 1, 0) >= 0 && fmpq_cmp_ui(R.leaves[i].hi + 1, 1) <= 0 &&
            fmpq_cmp_si(R.leaves[i].lo + 2, 0) >= 0 && fmpq_cmp_ui(R.leaves[i].hi + 2, 1) <= 0)
        {
            fmpq_t h;
            fmpq_init(h);
            fmpq_set_si(h, 1, 2);
            if (fmpq_cmp(R.leaves[i].lo + 1, h) <= 0 && fmpq_cmp(R.leaves[i].hi + 1, h) >= 0)
            {
                fmpq_set_si(h, 1, 10);
                if (fmpq_cmp(R.leaves[i].lo + 2, h) <= 0 && fmpq_cmp(R.leaves[i].hi + 2, h) >= 0)
                    found |= R.leaves[i].cls == SC_LEAF_CERTIFIED;
            }
            fmpq_clear(h);
        }
    CU_ASSERT(found);
    /* certified, refuted and undecided fractions add up to 1 */
    {
        fmpq_t t;
        fmpq_init(t);
        fmpq_add(t, R.frac[0], R.frac[1]);
        fmpq_add(t, t, R.frac[2]);
        CU_ASSERT(fmpq_is_one(t));
        CU_ASSERT(fmpq_sgn(R.frac[SC_LEAF_CERTIFIED]) > 0 && fmpq_sgn(R.frac[SC_LEAF_REFUTED]) > 0);
        fmpq_clear(t);
    }
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

SC_TEST_MAIN("regime-pair",
    SC_TEST(test_pair_sync), SC_TEST(test_antipodal), SC_TEST(test_sync_up_to_sign),
    SC_TEST(test_run_and_names))
