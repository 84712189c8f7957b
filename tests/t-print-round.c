/* The rounding rule of sc_arb_digits: for the printed S with last digit at
   unit u, every value x of the ball satisfies |x - S| <= u/2.  Checked on
   exact values, carries, negative numbers, zero-straddling balls, thousands
   of digits, and many random balls against their exact endpoints. */
#include <string.h>
#include "sc_test.h"
#include "synccert/print.h"
#include "synccert/parse.h"

/* unit of the last digit of a printed string ("0.0250" -> 1e-4, "1.2e-7" -> 1e-8) */
static void unit_of(fmpq_t u, const char *s)
{
    const char *e = strpbrk(s, "eE"), *dot = strchr(s, '.');
    slong dec = 0, ex = 0;
    fmpz_t p, one;
    fmpz_init(one);
    fmpz_one(one);
    if (dot != NULL)
        dec = (e ? e : s + strlen(s)) - dot - 1;
    if (e != NULL)
        ex = atol(e + 1);
    fmpz_init(p);
    fmpz_ui_pow_ui(p, 10, (ulong) FLINT_ABS(ex - dec));
    if (ex - dec >= 0)
        fmpq_set_fmpz_frac(u, p, one);
    else
        fmpq_set_fmpz_frac(u, one, p);
    fmpz_clear(p);
    fmpz_clear(one);
}

/* does every value of x lie within half a unit of the printed string? */
static int rounding_holds(const arb_t x, const char *s)
{
    fmpq_t S, u;
    arb_t lo, hi, Sb;
    int ok;
    fmpq_init(S);
    fmpq_init(u);
    arb_init(lo);
    arb_init(hi);
    arb_init(Sb);
    if (sc_parse_fmpq(S, s, "printed") != SC_OK)
        return 0;
    unit_of(u, s);
    fmpq_div_2exp(u, u, 1);
    fmpq_sub(S, S, u);                       /* S - u/2 */
    arb_set_fmpq(Sb, S, 20000);
    arb_get_lbound_arf(arb_midref(lo), x, 20000);
    arb_get_ubound_arf(arb_midref(hi), x, 20000);
    ok = arb_le(Sb, lo);
    fmpq_add(S, S, u);
    fmpq_add(S, S, u);                       /* S + u/2 */
    arb_set_fmpq(Sb, S, 20000);
    ok = ok && arb_ge(Sb, hi);
    fmpq_clear(S); fmpq_clear(u);
    arb_clear(lo); arb_clear(hi); arb_clear(Sb);
    return ok;
}

static void check(const arb_t x, slong digits, const char *want)
{
    char *s = sc_arb_digits(x, digits);
    if (want != NULL && strcmp(s, want) != 0)
        printf("\n  got %s, want %s\n", s, want);
    if (want != NULL)
        CU_ASSERT(strcmp(s, want) == 0);
    if (!rounding_holds(x, s))
    {
        printf("\n  rule violated: ");
        arb_printn(x, 40, 0);
        printf(" printed %s\n", s);
    }
    CU_ASSERT(rounding_holds(x, s));
    flint_free(s);
}

static void test_exact_and_carries(void)
{
    arb_t x;
    arb_init(x);
    arb_set_d(x, 0.5);
    check(x, 15, "0.500000000000000");
    mag_set_d(arb_radref(x), 1e-20);         /* straddles the carry at 0.5 */
    check(x, 15, "0.500000000000000");
    arb_set_str(x, "0.3", 200);              /* 0.3 is not dyadic */
    check(x, 10, "0.3000000000");
    arb_set_d(x, 0.125);
    check(x, 2, "0.13");                     /* tie: away from zero */
    arb_set_d(x, -0.125);
    check(x, 2, "-0.13");
    arb_set_str(x, "[0.9999999999999999999 +/- 1e-25]", 200);
    check(x, 5, "1.0000");
    arb_set_str(x, "[-2.71828182845904523536 +/- 1e-22]", 200);
    check(x, 8, "-2.7182818");
    arb_set_str(x, "[1.23456789e-9 +/- 1e-25]", 200);
    check(x, 4, "1.235e-9");
    arb_set_str(x, "[12345678.9 +/- 1e-10]", 200);
    check(x, 3, "1.23e7");
    arb_clear(x);
}

static void test_zero_and_wide(void)
{
    arb_t x;
    arb_init(x);
    arb_zero(x);
    check(x, 10, "0");
    mag_set_d(arb_radref(x), 1e-30);         /* [-1e-30, 1e-30] */
    check(x, 10, NULL);
    arb_set_str(x, "[0.1 +/- 0.3]", 64);     /* wide, straddles 0 */
    check(x, 10, NULL);
    arb_set_str(x, "[3.14159 +/- 0.01]", 64);
    check(x, 10, NULL);
    arb_set_d(x, -0.0);                      /* negative zero */
    check(x, 10, "0");
    arb_clear(x);
}

static void test_many_digits(void)
{
    arb_t x;
    char *s;
    arb_init(x);
    arb_const_pi(x, 7000);
    s = sc_arb_digits(x, 2000);
    CU_ASSERT(strncmp(s, "3.14159265358979323846264338327950288", 37) == 0);
    CU_ASSERT(strlen(s) == 2001);
    CU_ASSERT(rounding_holds(x, s));
    flint_free(s);
    arb_clear(x);
}

static void test_random_balls(void)
{
    flint_rand_t st;
    arb_t x;
    slong i, digits;
    flint_randinit(st);
    arb_init(x);
    for (i = 0; i < 3000; i++)
    {
        arb_randtest(x, st, 1 + n_randint(st, 300), 1 + n_randint(st, 10));  /* |exponents| < 10^308: parsable */
        if (!arb_is_finite(x))
            continue;
        digits = 1 + n_randint(st, 40);
        check(x, digits, NULL);
    }
    arb_clear(x);
    flint_randclear(st);
}

SC_TEST_MAIN("print-round",
    SC_TEST(test_exact_and_carries),
    SC_TEST(test_zero_and_wide),
    SC_TEST(test_many_digits),
    SC_TEST(test_random_balls))
