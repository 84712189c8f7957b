/* Parameter boxes and the work list through the glue: real and integer
   axes and their root coordinates, a full branch-and-bound run whose decided
   boxes tile the domain, the deepest level. */
#include <flint/fmpz.h>
#include "sc_test.h"
#include "synccert/box.h"

static void test_domain(void)
{
    sc_box_domain_t D;
    sc_box_t root, a, b;
    arb_t lo, hi;
    arb_init(lo); arb_init(hi);
    sc_box_domain_init(&D, 2);
    arb_set_si(lo, -1); arb_set_si(hi, 3);
    CU_ASSERT_EQUAL(sc_box_domain_set_real(&D, 0, lo, hi), SC_OK);
    CU_ASSERT_EQUAL(sc_box_domain_set_int(&D, 1, 2, 6), SC_OK);
    CU_ASSERT_EQUAL(sc_box_domain_set_int(&D, 1, 6, 2), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_box_domain_set_real(&D, 0, hi, lo), SC_ERR_INPUT);
    CU_ASSERT_EQUAL(sc_box_domain_set_int(&D, 2, 0, 1), SC_ERR_INPUT);  /* no axis 2 */
    arb_indeterminate(lo);
    CU_ASSERT_EQUAL(sc_box_domain_set_real(&D, 0, lo, hi), SC_ERR_INPUT);
    /* the root: [0, 2^62) on the real axis, the 5 integers [0, 5) */
    sc_box_domain_root(&root, &D);
    CU_ASSERT_EQUAL(root.dim, 2);
    CU_ASSERT(root.lo[0] == 0 && root.hi[0] == SC_BOX_COORD_MAX);
    CU_ASSERT(root.lo[1] == 0 && root.hi[1] == 5);
    /* halves: [0, 2^61) and [2^61, 2^62); integers 2..3 and 4..6 */
    CU_ASSERT_EQUAL(sc_box_bisect(&root, 0, &a, &b), 0);
    CU_ASSERT(a.lo[0] == 0 && a.hi[0] == SC_BOX_COORD_MAX / 2 && b.lo[0] == a.hi[0]
              && b.hi[0] == SC_BOX_COORD_MAX);
    CU_ASSERT_EQUAL(sc_box_bisect(&root, 1, &a, &b), 0);
    CU_ASSERT(a.lo[1] == 0 && a.hi[1] == 2 && b.lo[1] == 2 && b.hi[1] == 5);
    CU_ASSERT_EQUAL(sc_box_pick_axis(&a), 0);            /* axis 0 is less split */
    sc_box_domain_clear(&D);
    arb_clear(lo); arb_clear(hi);
}

/* Sign of x - 1/3 on the box's part [lo / 2^62, hi / 2^62] of x in [0, 1]:
   +1, -1, or 0 if it contains 1/3 (exact integer arithmetic). */
static int above_third(const sc_box_t *b)
{
    fmpz_t t, third;
    int v;
    fmpz_init(t); fmpz_init(third);
    fmpz_set_si(third, SC_BOX_COORD_MAX);          /* 3 x > 1 <=> 3 c > 2^62 */
    fmpz_set_si(t, b->lo[0]); fmpz_mul_ui(t, t, 3);
    v = fmpz_cmp(t, third) > 0 ? 1 : 0;
    fmpz_set_si(t, b->hi[0]); fmpz_mul_ui(t, t, 3);
    if (fmpz_cmp(t, third) < 0)
        v = -1;
    fmpz_clear(t); fmpz_clear(third);
    return v;
}

/* branch and bound on "x > 1/3" over x in [0, 1], n in 1..5: the decided
   boxes tile the root, and only boxes holding 1/3 stay undecided */
static void test_bnb(void)
{
    sc_box_domain_t D;
    sc_worklist_t *w;
    const sc_box_t *b;
    arb_t lo, hi;
    slong k, nundec = 0;
    arb_init(lo); arb_init(hi);
    sc_box_domain_init(&D, 2);
    arb_zero(lo); arb_one(hi);
    sc_box_domain_set_real(&D, 0, lo, hi);
    sc_box_domain_set_int(&D, 1, 1, 5);
    w = sc_worklist_new(&D);
    CU_ASSERT_PTR_NOT_NULL_FATAL(w);
    while ((b = sc_worklist_top(w)) != NULL) {
        int v = above_third(b);
        if (b->depth[0] >= 8 || v != 0 || sc_worklist_split(w, sc_box_pick_axis(b)) != 0)
            CU_ASSERT_EQUAL_FATAL(sc_worklist_decide(w, v), 0);
    }
    {
        fmpz_t vol, one, tot;
        fmpz_init(vol); fmpz_init(one); fmpz_init(tot);
        for (k = 0; k < w->ndone; k++) {
            fmpz_set_si(one, w->done[k].hi[0] - w->done[k].lo[0]);
            fmpz_mul_si(one, one, w->done[k].hi[1] - w->done[k].lo[1]);
            fmpz_add(vol, vol, one);
            CU_ASSERT_EQUAL(w->verdict[k], above_third(&w->done[k]));
            if (w->verdict[k] == 0) {
                nundec++;
                CU_ASSERT_EQUAL(w->done[k].depth[0], 8);
            }
        }
        fmpz_set_si(tot, SC_BOX_COORD_MAX);
        fmpz_mul_ui(tot, tot, 5);
        CU_ASSERT(fmpz_equal(vol, tot));
        fmpz_clear(vol); fmpz_clear(one); fmpz_clear(tot);
    }
    CU_ASSERT(w->ndone > 5);
    CU_ASSERT(nundec > 0);
    sc_worklist_free(w);
    sc_box_domain_clear(&D);
    arb_clear(lo); arb_clear(hi);
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
