/* Certified parameter regimes (src/regime/): tanh synchronises exactly for
   d in 2:14, leaky_relu for every alpha in [0, 1] and d in 2:64, step (K'(1)
   = inf) for d = 2 only (d = 3 undecided), a too-strong attention is refuted, a budget stops
   cleanly; the leaves of the verified box core tile the root exactly and do
   not depend on the number of threads; the textual specs and their error
   paths; the summaries and the CSV. */
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "sc_test.h"
#include "synccert/regime.h"
#include "synccert/parse.h"

static void check_tiling(const sc_regime_result *R, const sc_regime_problem *P, int pairwise);

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
    check_tiling(&R, &P, 1);
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
    check_tiling(&R, &P, 1);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

/* sum of the leaves' exact volumes (integer axes count points) */
static void leaf_volume_sum(fmpq_t sum, const sc_regime_result *R, const sc_regime_problem *P)
{
    slong i, k;
    fmpq_t v, w, W;
    fmpq_init(v);
    fmpq_init(w);
    fmpq_init(W);
    fmpq_zero(sum);
    for (i = 0; i < R->nleaves; i++)
    {
        fmpq_one(v);
        for (k = 0; k < P->naxes; k++)
        {
            if (fmpq_equal(P->axes[k].lo, P->axes[k].hi))
                continue;
            fmpq_sub(w, R->leaves[i].hi + k, R->leaves[i].lo + k);
            fmpq_sub(W, P->axes[k].hi, P->axes[k].lo);
            if (P->axes[k].kind == SC_AXIS_DIM)
            {
                fmpq_add_si(w, w, 1);
                fmpq_add_si(W, W, 1);
            }
            fmpq_div(w, w, W);
            fmpq_mul(v, v, w);
        }
        fmpq_add(sum, sum, v);
    }
    fmpq_clear(v);
    fmpq_clear(w);
    fmpq_clear(W);
}

/* 1 if the interiors of leaves a and b are disjoint (integer axes: the
   inclusive ranges share no integer; real axes: the open intervals) */
static int leaves_disjoint(const sc_regime_leaf *a, const sc_regime_leaf *b, const sc_regime_problem *P)
{
    slong k;
    for (k = 0; k < P->naxes; k++)
    {
        if (P->axes[k].kind == SC_AXIS_DIM)
        {
            if (fmpq_cmp(a->hi + k, b->lo + k) < 0 || fmpq_cmp(b->hi + k, a->lo + k) < 0)
                return 1;
        }
        else if (fmpq_cmp(a->hi + k, b->lo + k) <= 0 || fmpq_cmp(b->hi + k, a->lo + k) <= 0)
            return 1;
    }
    return 0;
}

static void check_tiling(const sc_regime_result *R, const sc_regime_problem *P, int pairwise)
{
    slong i, j, k, bad = 0;
    fmpq_t s;
    fmpq_init(s);
    leaf_volume_sum(s, R, P);
    CU_ASSERT(fmpq_is_one(s));
    fmpq_add(s, R->frac[0], R->frac[1]);
    fmpq_add(s, s, R->frac[2]);
    CU_ASSERT(fmpq_is_one(s));
    for (i = 0; i < R->nleaves; i++)
        for (k = 0; k < P->naxes; k++)
        {
            /* inside the root, not empty */
            CU_ASSERT(fmpq_cmp(P->axes[k].lo, R->leaves[i].lo + k) <= 0);
            CU_ASSERT(fmpq_cmp(R->leaves[i].lo + k, R->leaves[i].hi + k) <= 0);
            CU_ASSERT(fmpq_cmp(R->leaves[i].hi + k, P->axes[k].hi) <= 0);
        }
    if (pairwise)
        for (i = 0; i < R->nleaves; i++)
            for (j = i + 1; j < R->nleaves; j++)
                if (!leaves_disjoint(R->leaves + i, R->leaves + j, P))
                    bad++;
    CU_ASSERT(bad == 0);
    fmpq_clear(s);
}

/* tanh on d in 2:64 x q in [1/2, 2] to depth 10: the leaves tile the root */
static void tiling_problem(sc_regime_problem *P)
{
    problem(P, "tanh", SC_PROP_SYNC, "2:64");
    add(P, "q", SC_AXIS_Q, -1, "0.5:2");
    P->max_depth = 10;
}

static void test_tiling(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    slong i, nu = 0;
    tiling_problem(&P);
    sc_regime_result_init(&R);
    CU_ASSERT_FATAL(sc_regime_run(&R, &P) == SC_OK);
    CU_ASSERT(R.nleaves > 50);
    CU_ASSERT(!R.budget_hit && !R.full_hit);
    check_tiling(&R, &P, 1);
    /* both classes and the depth limit occur; depths within the limit */
    CU_ASSERT(fmpq_sgn(R.frac[SC_LEAF_CERTIFIED]) > 0);
    CU_ASSERT(fmpq_sgn(R.frac[SC_LEAF_REFUTED]) > 0);
    for (i = 0; i < R.nleaves; i++)
    {
        CU_ASSERT(R.leaves[i].depth <= 10);
        if (R.leaves[i].cls == SC_LEAF_UNDECIDED)
        {
            nu++;
            CU_ASSERT(R.leaves[i].depth == 10);
        }
    }
    CU_ASSERT(nu > 0);
    sc_regime_result_clear(&R);
    /* the tanh / d-only and leaky_relu runs tile too */
    sc_regime_problem_clear(&P);
    problem(&P, "leaky_relu", SC_PROP_SYNC, "2:17");
    add(&P, "alpha", SC_AXIS_ACT, 0, "0:1");
    add(&P, "s", SC_AXIS_S, -1, "0.25:0.25");     /* fixed: not a box axis */
    sc_regime_result_init(&R);
    CU_ASSERT_FATAL(sc_regime_run(&R, &P) == SC_OK);
    check_tiling(&R, &P, 1);
    for (i = 0; i < R.nleaves; i++)
    {
        CU_ASSERT(fmpq_equal(R.leaves[i].lo + 2, P.axes[2].lo));
        CU_ASSERT(fmpq_equal(R.leaves[i].hi + 2, P.axes[2].lo));
    }
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

static int same_results(const sc_regime_result *A, const sc_regime_result *B)
{
    slong i, k;
    if (A->nleaves != B->nleaves || A->naxes != B->naxes)
        return 0;
    for (k = 0; k < 3; k++)
        if (!fmpq_equal(A->frac[k], B->frac[k]))
            return 0;
    for (i = 0; i < A->nleaves; i++)
    {
        if (A->leaves[i].cls != B->leaves[i].cls || A->leaves[i].depth != B->leaves[i].depth)
            return 0;
        for (k = 0; k < A->naxes; k++)
            if (!fmpq_equal(A->leaves[i].lo + k, B->leaves[i].lo + k)
                || !fmpq_equal(A->leaves[i].hi + k, B->leaves[i].hi + k))
                return 0;
    }
    return 1;
}

static void test_threads(void)
{
#ifdef _OPENMP
    sc_regime_problem P;
    sc_regime_result R1, R2;
    int nt = omp_get_max_threads();
    tiling_problem(&P);
    sc_regime_result_init(&R1);
    sc_regime_result_init(&R2);
    omp_set_num_threads(1);
    CU_ASSERT_FATAL(sc_regime_run(&R1, &P) == SC_OK);
    omp_set_num_threads(2);
    CU_ASSERT_FATAL(sc_regime_run(&R2, &P) == SC_OK);
    omp_set_num_threads(nt);
    CU_ASSERT(R1.nleaves > 50);
    CU_ASSERT(same_results(&R1, &R2));
    sc_regime_result_clear(&R1);
    sc_regime_result_clear(&R2);
    sc_regime_problem_clear(&P);
#endif
}

/* a full decided list stops like a budget stop: undecided leaves, still a tiling */
static void test_full(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    tiling_problem(&P);
    P.max_leaves = 20;
    sc_regime_result_init(&R);
    CU_ASSERT_FATAL(sc_regime_run(&R, &P) == SC_OK);
    CU_ASSERT(R.full_hit);
    CU_ASSERT(!R.budget_hit);
    CU_ASSERT(R.nleaves <= 20 && R.nleaves > 0);
    CU_ASSERT(fmpq_sgn(R.frac[SC_LEAF_UNDECIDED]) > 0);
    check_tiling(&R, &P, 1);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

/* at most SC_BOX_MAXDIM varying axes; fixed axes do not count */
static void test_axes(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    problem(&P, "leaky_relu", SC_PROP_SYNC, "2:8");
    add(&P, "alpha", SC_AXIS_ACT, 0, "0:1");
    add(&P, "q", SC_AXIS_Q, -1, "1:2");
    add(&P, "s", SC_AXIS_S, -1, "0:1");
    add(&P, "sigma", SC_AXIS_SIGMA, -1, "1:2");
    add(&P, "p", SC_AXIS_P, -1, "1:2");
    add(&P, "x", SC_AXIS_ACT, 0, "1/2:1/2");
    CU_ASSERT(sc_regime_check(&P) == SC_OK);
    add(&P, "y", SC_AXIS_ACT, 0, "0:1/2");
    CU_ASSERT(sc_regime_check(&P) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "at most 6 varying axes") != NULL);
    sc_regime_result_init(&R);
    CU_ASSERT(sc_regime_run(&R, &P) == SC_ERR_INPUT);
    CU_ASSERT(R.nleaves == 0);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
    /* nothing varies: one leaf, the point itself */
    problem(&P, "tanh", SC_PROP_SYNC, "10:10");
    sc_regime_result_init(&R);
    CU_ASSERT_FATAL(sc_regime_run(&R, &P) == SC_OK);
    CU_ASSERT(R.nleaves == 1 && R.leaves[0].cls == SC_LEAF_CERTIFIED);
    CU_ASSERT(fmpq_is_one(R.frac[SC_LEAF_CERTIFIED]));
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

/* step: K'(1) = +inf, so lambda = -inf for d = 2, +inf for d >= 4, and it
   is undefined at d = 3 (the marginal case, doc/model.md section 4.4): that
   box must stay undecided, never certified */
static void test_step_sync(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    slong dax;
    char *c, *r, *u;
    problem(&P, "step", SC_PROP_SYNC, "2:8");
    sc_regime_result_init(&R);
    CU_ASSERT_FATAL(sc_regime_run(&R, &P) == SC_OK);
    dax = sc_regime_dim_axis(&P);
    CU_ASSERT(dax == 0);
    c = sc_regime_dim_ranges(&R, dax, SC_LEAF_CERTIFIED);
    r = sc_regime_dim_ranges(&R, dax, SC_LEAF_REFUTED);
    u = sc_regime_dim_ranges(&R, dax, SC_LEAF_UNDECIDED);
    CU_ASSERT(strcmp(c, "2:2") == 0);
    CU_ASSERT(strcmp(u, "3:3") == 0);
    CU_ASSERT(strcmp(r, "4:8") == 0);
    flint_free(c);
    flint_free(r);
    flint_free(u);
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}

/* the textual specs: what the CLI accepts, and every error path */
static void spec_fails(sc_regime_problem *P, const char *spec, const char *msg)
{
    slong n = P->naxes;
    CU_ASSERT(sc_regime_add_param_spec(P, spec) == SC_ERR_INPUT);
    CU_ASSERT(P->naxes == n);
    if (strstr(sc_last_error(), msg) == NULL)
        printf("\n  %s: '%s' does not say '%s'\n", spec, sc_last_error(), msg);
    CU_ASSERT(strstr(sc_last_error(), msg) != NULL);
}

static void dim_fails(const char *range, const char *msg)
{
    sc_regime_problem P;
    sc_regime_problem_init(&P);
    CU_ASSERT(sc_regime_add_dim(&P, range) == SC_ERR_INPUT);
    CU_ASSERT(P.naxes == 0);
    CU_ASSERT(strstr(sc_last_error(), msg) != NULL);
    sc_regime_problem_clear(&P);
}

static void test_spec(void)
{
    sc_regime_problem P;
    char name[SC_REGIME_NAMELEN], longspec[64];
    const char *range;
    int prop = -1;

    CU_ASSERT(sc_regime_property_parse(&prop, "dissipation") == SC_OK && prop == SC_PROP_DISSIPATION);
    CU_ASSERT(sc_regime_property_parse(&prop, "sync") == SC_OK && prop == SC_PROP_SYNC);
    CU_ASSERT(strcmp(sc_regime_property_name(SC_PROP_DISSIPATION), "dissipation") == 0);
    CU_ASSERT(sc_regime_property_parse(&prop, "magic") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "unknown property 'magic'") != NULL);
    CU_ASSERT(sc_regime_property_parse(&prop, NULL) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "required") != NULL);

    dim_fails("5:2", "empty range");
    dim_fails("a:b", "not a number");
    dim_fails("2.5:8", "needs integers");
    dim_fails("1:8", "2 <= A");
    dim_fails("2:2000000000", "at most 10^9");
    dim_fails("", "empty range");

    CU_ASSERT(sc_regime_param_split(name, &range, "alpha=0:1/2") == SC_OK);
    CU_ASSERT(strcmp(name, "alpha") == 0 && strcmp(range, "0:1/2") == 0);

    sc_regime_problem_init(&P);
    CU_ASSERT_FATAL(sc_act_parse(P.act, "leaky_relu") == SC_OK);
    CU_ASSERT(sc_regime_add_dim(&P, "3:9") == SC_OK);
    CU_ASSERT(P.naxes == 1 && P.axes[0].kind == SC_AXIS_DIM && strcmp(P.axes[0].name, "d") == 0);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(P.axes[0].lo), 3) && fmpz_equal_si(fmpq_numref(P.axes[0].hi), 9));
    CU_ASSERT(sc_regime_add_param_spec(&P, "alpha=0:0.5") == SC_OK);
    CU_ASSERT(P.axes[1].kind == SC_AXIS_ACT && P.axes[1].index == 0);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(P.axes[1].hi), 1) && fmpz_equal_si(fmpq_denref(P.axes[1].hi), 2));
    CU_ASSERT(sc_regime_add_param(&P, "sigma", "1/2") == SC_OK);     /* V means V:V */
    CU_ASSERT(P.axes[2].kind == SC_AXIS_SIGMA && fmpq_equal(P.axes[2].lo, P.axes[2].hi));
    CU_ASSERT(sc_regime_add_param_spec(&P, "s=0:1") == SC_OK && P.axes[3].kind == SC_AXIS_S);
    CU_ASSERT(sc_regime_add_param_spec(&P, "p=0.25:2") == SC_OK && P.axes[4].kind == SC_AXIS_P);

    spec_fails(&P, "alpha=0:1", "parameter 'alpha' given twice");
    spec_fails(&P, "q=1:0", "--param q: empty range");
    spec_fails(&P, "q=0:1", "--param q: values must be > 0");
    spec_fails(&P, "q=x", "not a number");
    spec_fails(&P, "delta=0:1", "unknown parameter 'delta' for leaky_relu");
    spec_fails(&P, "alpha", "malformed --param 'alpha' (NAME=LO:HI)");
    spec_fails(&P, "=0:1", "malformed --param");
    memset(longspec, 'x', 40);
    strcpy(longspec + 40, "=0:1");
    spec_fails(&P, longspec, "malformed --param");
    sc_regime_problem_clear(&P);

    /* domains: of the activation's parameters and of s, sigma, p */
    sc_regime_problem_init(&P);
    CU_ASSERT_FATAL(sc_act_parse(P.act, "leaky_relu") == SC_OK);
    spec_fails(&P, "alpha=0:2", "--param alpha: range leaves the domain (<= 1)");
    spec_fails(&P, "alpha=-1:0", "--param alpha: range leaves the domain (>= 0)");
    spec_fails(&P, "s=-1:0", "--param s: values must be >= 0");
    spec_fails(&P, "sigma=0:1", "--param sigma: values must be > 0");
    spec_fails(&P, "p=0:1", "--param p: values must be > 0");
    spec_fails(&P, "p=1:3", "--param p: values must lie in (0, 2]");
    sc_regime_problem_clear(&P);
    sc_regime_problem_init(&P);
    CU_ASSERT_FATAL(sc_act_parse(P.act, "erf") == SC_OK);
    spec_fails(&P, "c=0:1", "--param c: range leaves the domain (> 0)");
    CU_ASSERT(sc_regime_add_param_spec(&P, "c=1/2:2") == SC_OK);
    sc_regime_problem_clear(&P);
}

/* counts, the dimension axis, the merged ranges and the CSV of a run */
static void test_summary(void)
{
    sc_regime_problem P;
    sc_regime_result R;
    slong cnt[3], lines = 0;
    char *c, line[256];
    FILE *f;
    problem(&P, "tanh", SC_PROP_SYNC, "2:20");
    add(&P, "s", SC_AXIS_S, -1, "0:0");            /* fixed: d still the only varying axis */
    sc_regime_result_init(&R);
    CU_ASSERT_FATAL(sc_regime_run(&R, &P) == SC_OK);
    sc_regime_count(cnt, &R);
    CU_ASSERT(cnt[0] + cnt[1] + cnt[2] == R.nleaves);
    CU_ASSERT(cnt[SC_LEAF_UNDECIDED] == 0 && cnt[SC_LEAF_CERTIFIED] > 0 && cnt[SC_LEAF_REFUTED] > 0);
    CU_ASSERT(sc_regime_dim_axis(&P) == 0);
    c = sc_regime_dim_ranges(&R, 0, SC_LEAF_CERTIFIED);
    CU_ASSERT(strcmp(c, "2:14") == 0);
    flint_free(c);
    c = sc_regime_dim_ranges(&R, 0, SC_LEAF_REFUTED);
    CU_ASSERT(strcmp(c, "15:20") == 0);
    flint_free(c);
    c = sc_regime_dim_ranges(&R, 0, SC_LEAF_UNDECIDED);
    CU_ASSERT(strcmp(c, "none") == 0);
    flint_free(c);
    /* the CSV: header, one line per leaf, exact integer bounds */
    f = tmpfile();
    CU_ASSERT_FATAL(f != NULL);
    CU_ASSERT(sc_regime_write_csv(f, &R, &P) == SC_OK);
    rewind(f);
    CU_ASSERT(fgets(line, sizeof(line), f) != NULL && strcmp(line, "d_lo,d_hi,s_lo,s_hi,class\n") == 0);
    while (fgets(line, sizeof(line), f) != NULL)
    {
        long a, b;
        char cls[16];
        CU_ASSERT(sscanf(line, "%ld,%ld,0,0,%15s", &a, &b, cls) == 3);
        CU_ASSERT(strcmp(cls, a <= 14 ? "certified" : "refuted") == 0);
        lines++;
    }
    CU_ASSERT(lines == R.nleaves);
    fclose(f);
    sc_regime_result_clear(&R);
    /* a second varying axis: no dimension summary */
    add(&P, "q", SC_AXIS_Q, -1, "1:2");
    CU_ASSERT(sc_regime_dim_axis(&P) == -1);
    sc_regime_problem_clear(&P);
}

SC_TEST_MAIN("regime",
    SC_TEST(test_tanh_sync),
    SC_TEST(test_leaky_sync),
    SC_TEST(test_dissipation),
    SC_TEST(test_budget),
    SC_TEST(test_tiling),
    SC_TEST(test_threads),
    SC_TEST(test_full),
    SC_TEST(test_axes),
    SC_TEST(test_step_sync),
    SC_TEST(test_spec),
    SC_TEST(test_summary))
