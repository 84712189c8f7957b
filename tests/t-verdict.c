/* sc_arb_sign / sc_arb_cmp: decided answers hold for every value; edges:
   exact zero, negative zero, equal endpoints, infinities, NaN, infinite
   radius, tiny gaps far below the magnitude, huge and tiny exponents. */
#include "sc_test.h"
#include "synccert/verdict.h"

static void set(arb_t x, const char *s) { arb_set_str(x, s, 4000); }

static void test_sign(void)
{
    arb_t x;
    arb_init(x);
    set(x, "[1 +/- 0.5]");      CU_ASSERT_EQUAL(sc_arb_sign(x), 1);
    set(x, "[-1 +/- 0.5]");     CU_ASSERT_EQUAL(sc_arb_sign(x), -1);
    set(x, "[1 +/- 1]");        CU_ASSERT_EQUAL(sc_arb_sign(x), 0);   /* touches 0 */
    set(x, "[1 +/- 2]");        CU_ASSERT_EQUAL(sc_arb_sign(x), 0);
    arb_zero(x);                CU_ASSERT_EQUAL(sc_arb_sign(x), 0);
    arb_set_d(x, -0.0);         CU_ASSERT_EQUAL(sc_arb_sign(x), 0);   /* negative zero */
    arb_set_d(x, 5e-324);       CU_ASSERT_EQUAL(sc_arb_sign(x), 1);   /* tiny, exact */
    set(x, "1e-100000");        CU_ASSERT_EQUAL(sc_arb_sign(x), 1);
    set(x, "-1e100000");        CU_ASSERT_EQUAL(sc_arb_sign(x), -1);
    set(x, "[1e-30 +/- 1e-31]"); CU_ASSERT_EQUAL(sc_arb_sign(x), 1);
    arb_pos_inf(x);             CU_ASSERT_EQUAL(sc_arb_sign(x), 1);
    arb_neg_inf(x);             CU_ASSERT_EQUAL(sc_arb_sign(x), -1);
    arb_indeterminate(x);       CU_ASSERT_EQUAL(sc_arb_sign(x), 0);
    arb_one(x); mag_inf(arb_radref(x));
    CU_ASSERT_EQUAL(sc_arb_sign(x), 0);                               /* whole line */
    arb_clear(x);
}

static void test_cmp(void)
{
    arb_t x, y;
    arb_init(x); arb_init(y);
    set(x, "2"); set(y, "1");
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), 1);
    CU_ASSERT_EQUAL(sc_arb_cmp(y, x), -1);
    CU_ASSERT_EQUAL(sc_arb_cmp(x, x), 0);                             /* equal points */
    set(x, "[1 +/- 0.5]"); set(y, "[2 +/- 0.5]");
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), 0);                             /* touching */
    /* a gap of 1e-250 next to magnitude 1 */
    set(x, "[1 +/- 1e-300]");
    arb_set_str(y, "1e-250", 4000); arb_add_ui(y, y, 1, 4000);
    mag_set_d(arb_radref(y), 1e-300);
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), -1);
    CU_ASSERT_EQUAL(sc_arb_cmp(y, x), 1);
    /* wide one-sided ball: y = [1e-20, 1e10] vs x = 0 */
    arb_zero(x);
    arb_set_str(y, "[5e9 +/- 4.9e9]", 4000);
    CU_ASSERT_EQUAL(sc_arb_cmp(y, x), 1);
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), -1);
    arb_pos_inf(x); set(y, "1e1000");
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), 1);
    CU_ASSERT_EQUAL(sc_arb_cmp(y, x), -1);
    CU_ASSERT_EQUAL(sc_arb_cmp(x, x), 0);                             /* inf vs inf */
    arb_neg_inf(y);
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), 1);
    arb_indeterminate(y);
    CU_ASSERT_EQUAL(sc_arb_cmp(x, y), 0);
    arb_clear(x); arb_clear(y);
}

/* random balls: a decided answer must agree with Arb's own predicates */
static void test_random(void)
{
    flint_rand_t st;
    arb_t x, y, z;
    int i, s, c;
    flint_randinit(st);
    arb_init(x); arb_init(y); arb_init(z);
    for (i = 0; i < 20000; i++) {
        arb_randtest_special(x, st, 1 + n_randint(st, 300), 1 + n_randint(st, 40));
        arb_randtest_special(y, st, 1 + n_randint(st, 300), 1 + n_randint(st, 40));
        s = sc_arb_sign(x);
        if (s > 0) CU_ASSERT(arb_is_positive(x) || arf_is_pos_inf(arb_midref(x)));
        if (s < 0) CU_ASSERT(arb_is_negative(x) || arf_is_neg_inf(arb_midref(x)));
        if (arb_is_finite(x) && arb_is_positive(x)) CU_ASSERT_EQUAL(s, 1);
        if (arb_is_finite(x) && arb_is_negative(x)) CU_ASSERT_EQUAL(s, -1);
        c = sc_arb_cmp(x, y);
        if (arb_is_finite(x) && arb_is_finite(y)) {
            if (c > 0) CU_ASSERT(arb_gt(x, y));
            if (c < 0) CU_ASSERT(arb_lt(x, y));
            if (arb_gt(x, y) && c != 1) { arb_printd(x, 20); printf(" vs "); arb_printd(y, 20); printf("\n"); }
            if (arb_gt(x, y)) CU_ASSERT_EQUAL(c, 1);
            if (arb_lt(x, y) && c != -1) { arb_printd(x, 20); printf(" lt "); arb_printd(y, 20); printf("\n"); }
            if (arb_lt(x, y)) CU_ASSERT_EQUAL(c, -1);
        }
        /* sample points of the balls must respect a decided answer */
        if (c != 0 && arb_is_finite(x) && arb_is_finite(y)) {
            arb_get_lbound_arf(arb_midref(z), x, 300); mag_zero(arb_radref(z));
            arb_t w; arb_init(w);
            arb_get_ubound_arf(arb_midref(w), y, 300);
            if (c > 0) CU_ASSERT(arb_gt(z, w));
            arb_clear(w);
        }
    }
    arb_clear(x); arb_clear(y); arb_clear(z);
    flint_randclear(st);
}

SC_TEST_MAIN("verdict", SC_TEST(test_sign), SC_TEST(test_cmp), SC_TEST(test_random))
