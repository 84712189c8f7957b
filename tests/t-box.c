/* Parameter boxes and the work list through the glue: real and integer
   axes, mapping back to intervals, a full branch-and-bound run whose decided
   boxes tile the domain, the deepest level. */
#include "sc_test.h"
#include "synccert/box.h"

static void test_domain(void)
{
    sc_box_domain_t D;
    sc_box_t root, a, b;
    arb_t lo, hi, x;
    slong i0, i1;
    arb_init(lo); arb_init(hi); arb_init(x);
    sc_box_domain_init(&D, 2);
    arb_set_si(lo, -1); arb_set_si(hi, 3);
    CU_ASSERT_EQUAL(sc_box_domain_set_real(&D, 0, lo, hi), SC_OK);
    CU_ASSERT_EQUAL(sc_box_domain_set_int(&D, 1, 2, 6), SC_OK);
    CU_ASSERT_EQUAL(sc_box_domain_set_int(&D, 1, 6, 2), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_box_domain_set_real(&D, 0, hi, lo), SC_ERR_INPUT);
    sc_box_domain_root(&root, &D);
    sc_box_real_interval(x, &D, &root, 0, 64);
    CU_ASSERT(arb_contains(x, lo) && arb_contains(x, hi));
    sc_box_int_range(&i0, &i1, &D, &root, 1);
    CU_ASSERT_EQUAL(i0, 2); CU_ASSERT_EQUAL(i1, 6);
    CU_ASSERT_EQUAL(sc_box_bisect(&root, 0, &a, &b), 0);
    sc_box_real_interval(x, &D, &a, 0, 64);              /* [-1, 1] */
    arb_set_si(lo, 1);
    CU_ASSERT(arb_contains(x, lo));
    arb_set_si(lo, -1);
    CU_ASSERT(arb_contains(x, lo));
    CU_ASSERT_EQUAL(sc_box_bisect(&root, 1, &a, &b), 0);  /* 2..3 and 4..6 */
    sc_box_int_range(&i0, &i1, &D, &a, 1);
    CU_ASSERT_EQUAL(i0, 2); CU_ASSERT_EQUAL(i1, 3);
    sc_box_int_range(&i0, &i1, &D, &b, 1);
    CU_ASSERT_EQUAL(i0, 4); CU_ASSERT_EQUAL(i1, 6);
    sc_box_domain_clear(&D);
    arb_clear(lo); arb_clear(hi); arb_clear(x);
}

/* branch and bound on "x > 1/3" over x in [0, 1], n in 1..5 */
static void test_bnb(void)
{
    sc_box_domain_t D;
    sc_worklist_t *w;
    const sc_box_t *b;
    arb_t lo, hi, x, t;
    slong k, i0, i1, ints = 0;
    arb_init(lo); arb_init(hi); arb_init(x); arb_init(t);
    sc_box_domain_init(&D, 2);
    arb_zero(lo); arb_one(hi);
    sc_box_domain_set_real(&D, 0, lo, hi);
    sc_box_domain_set_int(&D, 1, 1, 5);
    w = sc_worklist_new(&D);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    while ((b = sc_worklist_top(w)) != NULL) {
        int v;
        sc_box_real_interval(x, &D, b, 0, 128);
        arb_set_si(t, 1); arb_div_ui(t, t, 3, 128);
        v = arb_gt(x, t) ? 1 : (arb_lt(x, t) ? -1 : 0);
        if (b->depth[0] >= 8 || v != 0 || sc_worklist_split(w, sc_box_pick_axis(b)) != 0)
            CU_ASSERT_EQUAL_FATAL(sc_worklist_decide(w, v), 0);
    }
    /* the decided boxes tile the root: volumes add up */
    {
        fmpz_t vol, one, tot;
        fmpz_init(vol); fmpz_init(one); fmpz_init(tot);
        for (k = 0; k < w->ndone; k++) {
            fmpz_set_si(one, w->done[k].hi[0] - w->done[k].lo[0]);
            fmpz_mul_si(one, one, w->done[k].hi[1] - w->done[k].lo[1]);
            fmpz_add(vol, vol, one);
            sc_box_int_range(&i0, &i1, &D, &w->done[k], 1);
            ints += i1 - i0 + 1;
        }
        fmpz_set_si(tot, SC_BOX_COORD_MAX);
        fmpz_mul_ui(tot, tot, 5);
        CU_ASSERT(fmpz_equal(vol, tot));
        fmpz_clear(vol); fmpz_clear(one); fmpz_clear(tot);
    }
    CU_ASSERT(w->ndone > 5);
    sc_worklist_free(w);
    sc_box_domain_clear(&D);
    arb_clear(lo); arb_clear(hi); arb_clear(x); arb_clear(t);
}

static void test_deepest(void)
{
    sc_box_domain_t D;
    sc_worklist_t *w;
    int d;
    sc_box_domain_init(&D, 1);
    w = sc_worklist_new(&D);
    for (d = 0; d < SC_BOX_MAXDEPTH; d++)
        CU_ASSERT_EQUAL(sc_worklist_split(w, 0), 0);
    CU_ASSERT_EQUAL(sc_worklist_top(w)->hi[0] - sc_worklist_top(w)->lo[0], 1);
    CU_ASSERT_EQUAL(sc_box_pick_axis(sc_worklist_top(w)), -1);
    CU_ASSERT_EQUAL(sc_worklist_split(w, 0), -1);        /* deepest level */
    CU_ASSERT_EQUAL(w->n, SC_BOX_MAXDEPTH + 1);
    sc_worklist_free(w);
    sc_box_domain_clear(&D);
}

SC_TEST_MAIN("box", SC_TEST(test_domain), SC_TEST(test_bnb), SC_TEST(test_deepest))
