/* Exact parsing of numeric inputs and activation specs. */
#include <string.h>
#include "sc_test.h"
#include "synccert/parse.h"
#include "synccert/act.h"

static int parses_to(const char *s, slong num, ulong den)
{
    fmpq_t x, y;
    int ok;
    fmpq_init(x);
    fmpq_init(y);
    ok = sc_parse_fmpq(x, s, "x") == SC_OK;
    fmpq_set_si(y, num, den);
    ok = ok && fmpq_equal(x, y);
    fmpq_clear(x);
    fmpq_clear(y);
    return ok;
}

static int rejects(const char *s)
{
    fmpq_t x;
    int bad;
    fmpq_init(x);
    sc_clear_error();
    bad = sc_parse_fmpq(x, s, "x") == SC_ERR_INPUT && strlen(sc_last_error()) > 0;
    fmpq_clear(x);
    return bad;
}

static void test_decimals_exact(void)
{
    CU_ASSERT(parses_to("0.1", 1, 10));
    CU_ASSERT(parses_to("-2.50", -5, 2));
    CU_ASSERT(parses_to("1e-3", 1, 1000));
    CU_ASSERT(parses_to("2.5E2", 250, 1));
    CU_ASSERT(parses_to(".5", 1, 2));
    CU_ASSERT(parses_to("7.", 7, 1));
    CU_ASSERT(parses_to("+3", 3, 1));
    CU_ASSERT(parses_to("1/3", 1, 3));
    CU_ASSERT(parses_to("-4/6", -2, 3));
}

static void test_rejects(void)
{
    CU_ASSERT(rejects(""));
    CU_ASSERT(rejects("nan"));
    CU_ASSERT(rejects("NaN"));
    CU_ASSERT(rejects("inf"));
    CU_ASSERT(rejects("-"));
    CU_ASSERT(rejects("."));
    CU_ASSERT(rejects("1e"));
    CU_ASSERT(rejects("1e5000"));
    CU_ASSERT(rejects("0x10"));
    CU_ASSERT(rejects("1.2.3"));
    CU_ASSERT(rejects("1/0"));
    CU_ASSERT(rejects("1/-2"));
    CU_ASSERT(rejects("3 "));
    CU_ASSERT(rejects("1,5"));
}

/* The reason names the problem: an exponent beyond +-1000 is "out of
   range", not "not a number"; the limit itself is exact. */
static int rejects_with(const char *s, const char *why)
{
    return rejects(s) && strstr(sc_last_error(), why) != NULL;
}

static void test_exponent_range(void)
{
    fmpq_t x, y;
    CU_ASSERT(rejects_with("1e1001", "exponent out of range"));
    CU_ASSERT(rejects_with("1e-1001", "exponent out of range"));
    CU_ASSERT(rejects_with("-2.5E+5000", "exponent out of range"));
    CU_ASSERT(rejects_with("1e99999999999999999999999999", "exponent out of range"));
    CU_ASSERT(rejects_with("1e1001x", "not a number"));
    CU_ASSERT(rejects_with("1e", "not a number"));
    fmpq_init(x);
    fmpq_init(y);
    CU_ASSERT(sc_parse_fmpq(x, "1e1000", "x") == SC_OK);
    fmpz_set_ui(fmpq_numref(y), 10);
    fmpz_pow_ui(fmpq_numref(y), fmpq_numref(y), 1000);
    CU_ASSERT(fmpq_equal(x, y));
    CU_ASSERT(sc_parse_fmpq(x, "3e-1000", "x") == SC_OK);
    fmpq_set_si(y, 3, 1);
    fmpz_set_ui(fmpq_denref(y), 10);
    fmpz_pow_ui(fmpq_denref(y), fmpq_denref(y), 1000);
    CU_ASSERT(fmpq_equal(x, y));
    fmpq_clear(x);
    fmpq_clear(y);
}

static void test_slong_and_range(void)
{
    slong v;
    fmpq_t lo, hi;
    fmpq_init(lo);
    fmpq_init(hi);
    CU_ASSERT(sc_parse_slong(&v, "42", "d", 2, 100) == SC_OK && v == 42);
    CU_ASSERT(sc_parse_slong(&v, "1", "d", 2, 100) == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_slong(&v, "-3", "d", 2, 100) == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_slong(&v, "4.0", "d", 2, 100) == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_slong(&v, "99999999999999999999999", "d", 2, 100) == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_range(lo, hi, "0.1:0.3", "r") == SC_OK);
    CU_ASSERT(fmpq_cmp(lo, hi) < 0);
    CU_ASSERT(sc_parse_range(lo, hi, "0.5", "r") == SC_OK && fmpq_equal(lo, hi));
    CU_ASSERT(sc_parse_range(lo, hi, "0.3:0.1", "r") == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_range(lo, hi, "0.1:0.2:0.3", "r") == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_range(lo, hi, ":1", "r") == SC_ERR_INPUT);
    fmpq_clear(lo);
    fmpq_clear(hi);
}

static void test_act_spec(void)
{
    sc_act_t a;
    char *s;
    sc_act_init(a);
    CU_ASSERT(sc_act_parse(a, "relu") == SC_OK);
    CU_ASSERT(a->def != NULL && strcmp(a->def->name, "relu") == 0);
    s = sc_act_spec(a);
    CU_ASSERT(strcmp(s, "relu") == 0);
    flint_free(s);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "nosuch") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "unknown activation") != NULL);
    CU_ASSERT(sc_act_parse(a, "relu:alpha=1") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "unknown parameter") != NULL);
    CU_ASSERT(sc_act_parse(a, "relu:") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, ":x=1") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "") == SC_ERR_INPUT);
}

/* the decimal formatter: exact decimals back, p/q otherwise, and a round
   trip through the parser for random rationals 2^a 5^b k */
static void test_decimal_format(void)
{
    static const struct { slong p, q; const char *s; } cases[] = {
        { -3, 8, "-0.375" }, { 1, 3, "1/3" }, { 1025, 1, "1025" }, { 0, 1, "0" },
        { 1, 1000, "0.001" }, { -7, 1, "-7" }, { 5, 6, "5/6" }, { 123, 100, "1.23" },
    };
    flint_rand_t st;
    fmpq_t x, y;
    slong i;
    char *s;
    fmpq_init(x);
    fmpq_init(y);
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        fmpq_set_si(x, cases[i].p, cases[i].q);
        s = sc_fmpq_decimal(x);
        CU_ASSERT(strcmp(s, cases[i].s) == 0);
        flint_free(s);
    }
    flint_randinit(st);
    for (i = 0; i < 300; i++)
    {
        fmpz_t den;
        fmpz_init(den);
        fmpz_randtest(fmpq_numref(x), st, 80);
        fmpz_set_ui(den, 2);
        fmpz_pow_ui(den, den, n_randint(st, 60));
        fmpz_mul_ui(den, den, n_randint(st, 2) ? 1 : 5 * 5 * 5);
        fmpz_set(fmpq_denref(x), den);
        fmpq_canonicalise(x);
        s = sc_fmpq_decimal(x);
        CU_ASSERT(strchr(s, '/') == NULL);
        CU_ASSERT(sc_parse_fmpq(y, s, "x") == SC_OK && fmpq_equal(x, y));
        flint_free(s);
        fmpz_clear(den);
    }
    /* a denominator with another prime stays p/q and still parses back */
    fmpq_set_si(x, -22, 7);
    s = sc_fmpq_decimal(x);
    CU_ASSERT(sc_parse_fmpq(y, s, "x") == SC_OK && fmpq_equal(x, y));
    flint_free(s);
    flint_randclear(st);
    fmpq_clear(x);
    fmpq_clear(y);
}

/* Budgets: the bounds, the CLI's message, tiny positive values kept positive. */
static void test_budget(void)
{
    double b = -1;
    CU_ASSERT(sc_parse_budget(&b, "2.5") == SC_OK && b == 2.5);
    CU_ASSERT(sc_parse_budget(&b, "1e7") == SC_OK && b == 1e7);
    CU_ASSERT(sc_parse_budget(&b, "1e-400") == SC_OK && b == 1e-6);
    b = 3;
    CU_ASSERT(sc_parse_budget(&b, "0") == SC_ERR_INPUT && b == 3);
    CU_ASSERT_STRING_EQUAL(sc_last_error(), "--budget must be in (0, 1e+07] seconds, got '0'");
    CU_ASSERT(sc_parse_budget(&b, "10000001") == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_budget(&b, "-1") == SC_ERR_INPUT);
    CU_ASSERT(sc_parse_budget(&b, "nan") == SC_ERR_INPUT && strstr(sc_last_error(), "--budget") != NULL);
}

SC_TEST_MAIN("parse",
    SC_TEST(test_budget),
    SC_TEST(test_decimals_exact),
    SC_TEST(test_rejects),
    SC_TEST(test_exponent_range),
    SC_TEST(test_slong_and_range),
    SC_TEST(test_act_spec),
    SC_TEST(test_decimal_format))
