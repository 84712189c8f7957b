/* The verified core at run time: verdicts on int64 enclosures (empty,
   equal endpoints, extremes), certified digits (all three sign cases, the
   maxsig cap, negative zero, carries), boxes at the deepest level. */
#include <string.h>
#include <stdint.h>
#include "sc_test.h"
#include "synccert/core.h"

static void test_sign(void)
{
    CU_ASSERT_EQUAL(sc_v_sign(1, 5), 1);
    CU_ASSERT_EQUAL(sc_v_sign(-5, -1), -1);
    CU_ASSERT_EQUAL(sc_v_sign(0, 5), 0);
    CU_ASSERT_EQUAL(sc_v_sign(-5, 0), 0);
    CU_ASSERT_EQUAL(sc_v_sign(0, 0), 0);            /* exact zero */
    CU_ASSERT_EQUAL(sc_v_sign(3, 3), 1);            /* equal endpoints */
    CU_ASSERT_EQUAL(sc_v_sign(-3, -3), -1);
    CU_ASSERT_EQUAL(sc_v_sign(5, 1), 0);            /* empty */
    CU_ASSERT_EQUAL(sc_v_sign(-1, -5), 0);          /* empty */
    CU_ASSERT_EQUAL(sc_v_sign(INT64_MIN, INT64_MAX), 0);
    CU_ASSERT_EQUAL(sc_v_sign(INT64_MAX, INT64_MAX), 1);
    CU_ASSERT_EQUAL(sc_v_sign(INT64_MIN, INT64_MIN), -1);
}

static void test_cmp(void)
{
    CU_ASSERT_EQUAL(sc_v_cmp(0, 1, 2, 3), -1);
    CU_ASSERT_EQUAL(sc_v_cmp(2, 3, 0, 1), 1);
    CU_ASSERT_EQUAL(sc_v_cmp(0, 2, 2, 3), 0);       /* touching */
    CU_ASSERT_EQUAL(sc_v_cmp(0, 5, 2, 3), 0);       /* nested */
    CU_ASSERT_EQUAL(sc_v_cmp(1, 1, 1, 1), 0);       /* equal points */
    CU_ASSERT_EQUAL(sc_v_cmp(1, 1, 2, 2), -1);
    CU_ASSERT_EQUAL(sc_v_cmp(3, 0, 5, 6), 0);       /* empty x */
    CU_ASSERT_EQUAL(sc_v_cmp(0, 1, 6, 5), 0);       /* empty y */
    CU_ASSERT_EQUAL(sc_v_cmp(INT64_MIN, INT64_MIN, INT64_MAX, INT64_MAX), -1);
}

/* run sc_digits_certify on decimal strings (leading '-' for negative) */
static void digits(const char *L, const char *H, int maxsig,
                   int sign, const char *want, int drop)
{
    uint8_t l[64], h[64];
    char out[64];
    sc_digits_t r;
    int ln = L[0] == '-', hn = H[0] == '-';
    const char *ls = L + ln, *hs = H + hn;
    int n = (int) (strlen(ls) > strlen(hs) ? strlen(ls) : strlen(hs)), i;
    for (i = 0; i < n; i++) {
        int a = i - (n - (int) strlen(ls)), b = i - (n - (int) strlen(hs));
        l[i] = (uint8_t) (a >= 0 ? ls[a] - '0' : 0);
        h[i] = (uint8_t) (b >= 0 ? hs[b] - '0' : 0);
    }
    memset(out, 'x', sizeof out);
    CU_ASSERT_EQUAL(sc_digits_certify(ln, l, hn, h, n, maxsig, out, &r), 0);
    out[r.len] = '\0';
    if (r.sign != sign || strcmp(out, want) != 0 || r.drop != drop)
        printf("\n  [%s, %s]: sign %d digits '%s' drop %d\n", L, H,
               (int) r.sign, out, (int) r.drop);
    CU_ASSERT_EQUAL(r.sign, sign);
    CU_ASSERT_STRING_EQUAL(out, want);
    CU_ASSERT_EQUAL(r.drop, drop);
    CU_ASSERT_EQUAL(r.len + r.drop, n);
}

static void test_digits(void)
{
    digits("12345", "12399", 20, 1, "123", 2);      /* 12300 <= v < 12400 */
    digits("12345", "12345", 20, 1, "12345", 0);    /* equal endpoints */
    digits("12345", "12345", 3, 1, "123", 2);       /* maxsig cap */
    digits("00123", "00123", 2, 1, "0012", 1);      /* cap counts significant digits */
    digits("19999", "20001", 20, 1, "", 5);         /* straddles a carry */
    digits("019999", "020001", 20, 1, "0", 5);
    digits("-12399", "-12345", 20, -1, "123", 2);   /* -12400 < v <= -12300 */
    digits("-00500", "00300", 20, 0, "00", 3);      /* straddles 0: |v| < 1000 */
    digits("-0", "00300", 20, 1, "00", 3);          /* negative zero is zero */
    digits("-000", "-000", 20, 1, "000", 0);
    digits("0", "0", 20, 1, "0", 0);
    digits("-5", "0", 20, -1, "", 1);               /* -10 < v <= 0 */
    digits("", "", 20, 1, "", 0);                   /* no digits at all */
}

static void test_digits_long(void)
{
    /* 3000 digits ...999 on both sides, differing in the last digit */
    enum { N = 3000 };
    static uint8_t l[N], h[N];
    static char out[N];
    sc_digits_t r;
    int i;
    for (i = 0; i < N; i++)
        l[i] = h[i] = 9;
    l[N - 1] = 1;
    CU_ASSERT_EQUAL(sc_digits_certify(0, l, 0, h, N, N, out, &r), 0);
    CU_ASSERT_EQUAL(r.sign, 1);
    CU_ASSERT_EQUAL(r.len, N - 1);
    CU_ASSERT_EQUAL(out[0], '9');
    CU_ASSERT_EQUAL(out[N - 2], '9');
    CU_ASSERT_EQUAL(sc_digits_certify(0, l, 0, h, N, 10, out, &r), 0);
    CU_ASSERT_EQUAL(r.len, 10);
}

static void test_box(void)
{
    sc_box_t root, a, b, c;
    int64_t size[2] = { SC_BOX_COORD_MAX, 5 };
    int i, d;
    sc_box_root(&root, 2, size);
    CU_ASSERT_EQUAL(root.dim, 2);
    CU_ASSERT_EQUAL(root.hi[0], SC_BOX_COORD_MAX);
    CU_ASSERT_EQUAL(root.hi[1], 5);
    CU_ASSERT_EQUAL(root.hi[2], 1);
    /* integer axis 0..5 -> [0,2) [2,5) */
    CU_ASSERT_EQUAL(sc_box_bisect(&root, 1, &a, &b), 0);
    CU_ASSERT_EQUAL(a.lo[1], 0); CU_ASSERT_EQUAL(a.hi[1], 2);
    CU_ASSERT_EQUAL(b.lo[1], 2); CU_ASSERT_EQUAL(b.hi[1], 5);
    CU_ASSERT_EQUAL(a.depth[1], 1);
    CU_ASSERT_EQUAL(a.hi[0], SC_BOX_COORD_MAX);
    /* width-1 integer axis and unused axes do not split */
    CU_ASSERT_EQUAL(sc_box_bisect(&root, 3, &a, &b), -1);
    /* real axis down to the deepest level */
    c = root;
    for (d = 0; d < SC_BOX_MAXDEPTH; d++) {
        CU_ASSERT_EQUAL(sc_box_can_split(&c, 0), 1);
        CU_ASSERT_EQUAL(sc_box_bisect(&c, 0, &a, &b), 0);
        CU_ASSERT_EQUAL(a.hi[0] - a.lo[0], b.hi[0] - b.lo[0]);
        CU_ASSERT_EQUAL(a.hi[0], b.lo[0]);
        c = (d % 2) ? a : b;
    }
    CU_ASSERT_EQUAL(c.depth[0], SC_BOX_MAXDEPTH);
    CU_ASSERT_EQUAL(c.hi[0] - c.lo[0], 1);
    CU_ASSERT_EQUAL(sc_box_can_split(&c, 0), 0);
    CU_ASSERT_EQUAL(sc_box_bisect(&c, 0, &a, &b), -1);
    for (i = 0; i < SC_BOX_MAXDIM; i++)
        CU_ASSERT(c.lo[i] < c.hi[i]);
}

static void test_worklist(void)
{
    static sc_worklist_t w;
    sc_box_t root;
    int64_t size[1] = { 8 };
    int64_t covered = 0;
    int k;
    sc_box_root(&root, 1, size);
    sc_wl_init(&w, &root);
    CU_ASSERT_EQUAL(w.n, 1);
    /* split until width 1, decide everything: the decided boxes tile [0, 8) */
    while (w.n > 0) {
        if (sc_wl_split(&w, 0) != 0)
            CU_ASSERT_EQUAL(sc_wl_decide(&w, 1), 0);
    }
    CU_ASSERT_EQUAL(w.ndone, 8);
    for (k = 0; k < w.ndone; k++)
        covered += w.done[k].hi[0] - w.done[k].lo[0];
    CU_ASSERT_EQUAL(covered, 8);
    CU_ASSERT_EQUAL(w.verdict[0], 1);
}

SC_TEST_MAIN("core",
    SC_TEST(test_sign), SC_TEST(test_cmp), SC_TEST(test_digits),
    SC_TEST(test_digits_long), SC_TEST(test_box), SC_TEST(test_worklist))
