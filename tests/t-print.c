/* Certified printing: every printed digit is right (rounding rule of
   synccert/print.h), bounds are outward; edges: exact values, wide balls,
   straddling 0, negative numbers, ...999 near a carry, infinities, NaN,
   thousands of digits. */
#include <string.h>
#include "sc_test.h"
#include "synccert/print.h"

static void check(const char *ball, slong digits, const char *want)
{
    arb_t x;
    char *s;
    arb_init(x);
    arb_set_str(x, ball, 4000);
    s = sc_arb_digits(x, digits);
    if (strcmp(s, want) != 0)
        printf("\n  %s: got %s, want %s\n", ball, s, want);
    CU_ASSERT_STRING_EQUAL(s, want);
    flint_free(s);
    arb_clear(x);
}

/* the rounding rule of print.h, checked exactly: with N the printed digits
   as a signed integer and the last digit at 10^-q, |x*10^q - N| <= 1/2 */
static void check_rule(const arb_t x, slong digits)
{
    char *s = sc_arb_digits(x, digits), *p, *e;
    fmpz_t N, P;
    arb_t y, t;
    slong dec = 0, ex = 0, q;
    int neg;
    fmpz_init(N); fmpz_init(P); arb_init(y); arb_init(t);
    if (strcmp(s, "nan") && strcmp(s, "inf") && strcmp(s, "-inf")) {
        char *dot = strchr(s, '.');
        e = strchr(s, 'e');
        if (e) ex = atol(e + 1);
        if (dot) dec = (e ? e - dot - 1 : (slong) strlen(dot + 1));
        q = dec - ex;
        neg = s[0] == '-';
        for (p = s + neg; *p && *p != 'e'; p++)
            if (*p != '.') { fmpz_mul_ui(N, N, 10); fmpz_add_ui(N, N, *p - '0'); }
        fmpz_ui_pow_ui(P, 10, q >= 0 ? q : -q);
        if (q >= 0) arb_mul_fmpz(y, x, P, ARF_PREC_EXACT);
        else { arb_set(y, x); fmpz_mul(N, N, P); }
        /* y compared with N (q >= 0: unit 1; q < 0: unit P) */
        if (q < 0) { arb_div_fmpz(y, y, P, 100000); fmpz_divexact(N, N, P); }
        if (neg) fmpz_neg(N, N);
        arb_sub_fmpz(t, y, N, 100000);
        arb_abs(t, t);
        arb_mul_2exp_si(t, t, 1);
        arb_sub_ui(t, t, 1, 100000);          /* 2|y - N| - 1 <= 0 */
        CU_ASSERT(arb_is_nonpositive(t));
    }
    flint_free(s);
    fmpz_clear(N); fmpz_clear(P); arb_clear(y); arb_clear(t);
}

static void test_cases(void)
{
    arb_t x;
    char *s;
    arb_init(x);
    arb_set_si(x, 1); arb_div_ui(x, x, 3, 200);
    s = sc_arb_digits(x, 10); CU_ASSERT_STRING_EQUAL(s, "0.3333333333"); flint_free(s);
    arb_neg(x, x);
    s = sc_arb_digits(x, 10); CU_ASSERT_STRING_EQUAL(s, "-0.3333333333"); flint_free(s);
    arb_clear(x);
    check("0.25", 5, "0.25000");                         /* exact */
    check("1", 4, "1.000");
    check("0", 10, "0");                                 /* exact zero */
    check("-2", 3, "-2.00");
    check("[0.2 +/- 1e-20]", 10, "0.2000000000");        /* near a carry */
    check("[0.19999999999999999999999 +/- 1e-30]", 10, "0.2000000000"); /* ...999 */
    check("[-0.19999999999999999999999 +/- 1e-30]", 10, "-0.2000000000");
    check("[12345.678 +/- 0.01]", 10, "12345.7");        /* wide: fewer digits */
    check("[-12345.678 +/- 0.01]", 10, "-12345.7");
    check("[0 +/- 1e-5]", 10, "0.0000");                 /* straddles 0 */
    check("[3 +/- 100]", 10, "0e3");                     /* very wide */
    check("1.5e-30", 5, "1.5000e-30");                   /* small: scientific */
    check("-1.5e40", 3, "-1.50e40");
    check("[1.5e40 +/- 1e30]", 20, "1.500000000e40");    /* unit above 1 */
    check("inf", 10, "inf");
    check("-inf", 10, "-inf");
    check("nan", 10, "nan");
}

static void test_rule_random(void)
{
    flint_rand_t st;
    arb_t x;
    int i;
    flint_randinit(st);
    arb_init(x);
    for (i = 0; i < 3000; i++) {
        arb_randtest(x, st, 1 + n_randint(st, 200), 1 + n_randint(st, 12));
        check_rule(x, 1 + n_randint(st, 40));
    }
    arb_clear(x);
    flint_randclear(st);
}

static void test_long(void)
{
    arb_t pi;
    char *s, *ref;
    arb_init(pi);
    arb_const_pi(pi, 20000);
    s = sc_arb_digits(pi, 5000);
    CU_ASSERT_EQUAL(strlen(s), 5001);
    ref = arb_get_str(pi, 5010, ARB_STR_NO_RADIUS);
    CU_ASSERT(strncmp(s, ref, 5000) == 0);               /* 5000 digits agree */
    flint_free(s); flint_free(ref);
    check_rule(pi, 5000);
    arb_clear(pi);
}

static void test_bounds_json(void)
{
    arb_t x;
    char *lo, *hi;
    arb_init(x);
    arb_set_str(x, "[1/3 +/- 1e-20]", 200);
    arb_set_si(x, 1); arb_div_ui(x, x, 3, 200);
    sc_arb_bounds(&lo, &hi, x, 10);
    CU_ASSERT_STRING_EQUAL(lo, "0.3333333333");
    CU_ASSERT_STRING_EQUAL(hi, "0.3333333334");
    flint_free(lo); flint_free(hi);
    arb_neg(x, x);
    sc_arb_bounds(&lo, &hi, x, 10);
    CU_ASSERT_STRING_EQUAL(lo, "-0.3333333334");
    CU_ASSERT_STRING_EQUAL(hi, "-0.3333333333");
    flint_free(lo); flint_free(hi);
    arb_pos_inf(x);
    sc_arb_bounds(&lo, &hi, x, 10);
    CU_ASSERT_STRING_EQUAL(lo, "inf"); CU_ASSERT_STRING_EQUAL(hi, "inf");
    flint_free(lo); flint_free(hi);
    {
        char *buf = NULL; size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        arb_set_str(x, "0.25", 100);
        sc_print_json_real(f, x, 5);
        fclose(f);
        CU_ASSERT_STRING_EQUAL(buf, "{\"lo\": \"0.25\", \"hi\": \"0.25\", \"digits\": \"0.25000\"}");
        free(buf);
    }
    arb_clear(x);
}

SC_TEST_MAIN("print", SC_TEST(test_cases), SC_TEST(test_rule_random),
             SC_TEST(test_long), SC_TEST(test_bounds_json))
