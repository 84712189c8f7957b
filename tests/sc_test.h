/* Shared helpers for synccert's CUnit tests.  Each tests/t-NAME.c is one
   executable: it lists its tests with SC_TEST(...) inside SC_TEST_MAIN and
   prints "TESTS <run> <failed>" for tests/run to add up. */
#ifndef SC_TEST_H
#define SC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <CUnit/Basic.h>
#include <arb.h>

/* Assert that ball x contains the exact value given as a decimal/ratio string. */
#define SC_ASSERT_CONTAINS_STR(x, str) do {                             \
        arb_t sc_t_; arb_init(sc_t_);                                   \
        arb_set_str(sc_t_, (str), 2000);                                \
        if (!arb_contains(x, sc_t_)) {                                  \
            printf("\n  %s:%d: ", __FILE__, __LINE__);                  \
            arb_printn(x, 30, 0); printf(" does not contain %s\n", (str)); } \
        CU_ASSERT(arb_contains(x, sc_t_));                              \
        arb_clear(sc_t_); } while (0)

/* Assert that ball x overlaps the reference ball given as a string such as
   "[0.3942944904 +/- 1e-10]" (an independently known neighbourhood). */
#define SC_ASSERT_OVERLAPS_STR(x, str) do {                             \
        arb_t sc_t_; arb_init(sc_t_);                                   \
        arb_set_str(sc_t_, (str), 2000);                                \
        if (!arb_overlaps(x, sc_t_)) {                                  \
            printf("\n  %s:%d: ", __FILE__, __LINE__);                  \
            arb_printn(x, 30, 0); printf(" is not in %s\n", (str)); }   \
        CU_ASSERT(arb_overlaps(x, sc_t_));                              \
        arb_clear(sc_t_); } while (0)

/* Assert that two balls overlap (are consistent). */
#define SC_ASSERT_OVERLAPS(x, y) do {                                   \
        if (!arb_overlaps(x, y)) {                                      \
            printf("\n  %s:%d: ", __FILE__, __LINE__);                  \
            arb_printn(x, 30, 0); printf(" vs "); arb_printn(y, 30, 0); \
            printf("\n"); }                                             \
        CU_ASSERT(arb_overlaps(x, y)); } while (0)

/* Assert that x has at least `bits` bits of relative accuracy. */
#define SC_ASSERT_ACCURATE(x, bits) do {                                \
        if (arb_rel_accuracy_bits(x) < (bits)) {                        \
            printf("\n  %s:%d: only %ld bits: ", __FILE__, __LINE__,    \
                (long) arb_rel_accuracy_bits(x));                       \
            arb_printn(x, 30, 0); printf("\n"); }                       \
        CU_ASSERT(arb_rel_accuracy_bits(x) >= (bits)); } while (0)

/* Iterations of a randomised test: n times the positive integer in the
   environment variable SC_TEST_MULTIPLIER (default 1), for longer runs. */
static inline slong sc_test_iters(slong n)
{
    const char *m = getenv("SC_TEST_MULTIPLIER");
    long k = m != NULL ? atol(m) : 1;
    return n * (k >= 1 ? k : 1);
}

/* A random decimal string in [lo, hi] with at most `dec` decimals (and
   sometimes fewer), written to buf: an exact input like the CLI reads. */
static inline const char *sc_test_rand_dec(char *buf, size_t n, flint_rand_t st,
                                           double lo, double hi, int dec)
{
    long scale = 1, k, d = 1 + (long) n_randint(st, dec);
    for (k = 0; k < d; k++)
        scale *= 10;
    k = (long) ceil(lo * scale - 1e-9);
    k += (long) n_randint(st, (ulong) ((long) floor(hi * scale + 1e-9) - k) + 1);
    snprintf(buf, n, "%s%ld.%0*ld", k < 0 ? "-" : "", labs(k) / scale, (int) d, labs(k) % scale);
    return buf;
}

typedef struct { const char *name; void (*fn)(void); } sc_test_case;

#define SC_TEST(fn) { #fn, fn }

static inline int sc_test_run(const char *suite, const sc_test_case *cases, int n)
{
    CU_pSuite s;
    int i, failed, run;
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    s = CU_add_suite(suite, NULL, NULL);
    for (i = 0; i < n; i++)
        CU_add_test(s, cases[i].name, cases[i].fn);
    CU_basic_set_mode(CU_BRM_NORMAL);
    CU_basic_run_tests();
    run = (int) CU_get_number_of_tests_run();
    failed = (int) CU_get_number_of_tests_failed();
    if (CU_get_number_of_failures() > 0 && failed == 0)
        failed = 1;
    CU_cleanup_registry();
    flint_cleanup();
    printf("TESTS %d %d\n", run, failed);
    return failed ? 1 : 0;
}

#define SC_TEST_MAIN(suite, ...)                                        \
    int main(void) {                                                    \
        static const sc_test_case sc_cases_[] = { __VA_ARGS__ };        \
        return sc_test_run(suite, sc_cases_,                            \
            (int) (sizeof(sc_cases_) / sizeof(sc_cases_[0])));          \
    }

#endif
