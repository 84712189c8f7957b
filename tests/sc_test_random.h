/* Random cases for the Arb-style randomised tests (issue 11): activation
   specs with exact decimal parameters and exact inputs rho, q, s, drawn
   from a fixed-seed flint_rand_t, as the CLI would read them. */
#ifndef SC_TEST_RANDOM_H
#define SC_TEST_RANDOM_H

#include <string.h>
#include "sc_test.h"
#include "synccert/act.h"
#include "sc_test_kernel.h"

/* Which activations sc_test_rand_act draws from. */
enum
{
    SC_RAND_FAST = 13,      /* closed-form kernels: linear .. hermite */
    SC_RAND_ALL = 18        /* also tanh, sigmoid, softplus, silu, gelu_tanh
                               (nested integration: slow) */
};

/* A random activation spec among the first `n` (SC_RAND_FAST or
   SC_RAND_ALL) with random exact parameters, written to spec. */
static inline void sc_test_rand_act(char *spec, size_t len, flint_rand_t st, int n)
{
    static const char *names[] = { "linear", "relu", "leaky_relu", "abs", "step", "sign", "erf", "gelu",
                                   "elu", "sin", "cos", "poly", "hermite", "tanh", "sigmoid", "softplus",
                                   "silu", "gelu_tanh" };
    char a[32], b[32], c[32];
    int k = (int) n_randint(st, (ulong) n);
    sc_test_rand_dec(a, sizeof(a), st, 0.05, 2.5, 3);
    sc_test_rand_dec(b, sizeof(b), st, -1.5, 1.5, 3);
    sc_test_rand_dec(c, sizeof(c), st, -1, 1, 2);
    switch (k)
    {
    case 2: snprintf(spec, len, "leaky_relu:alpha=%s", c[0] == '-' ? c + 1 : c); break;
    case 6: snprintf(spec, len, "erf:c=%s", a); break;
    case 8: snprintf(spec, len, "elu:alpha=%s", a); break;
    case 11: snprintf(spec, len, "poly:c0=%s,c1=%s,c3=%s", c, a, b); break;
    case 12: snprintf(spec, len, "hermite:a0=%s,a1=%s,a2=%s", c, a, b); break;
    default: snprintf(spec, len, "%s", names[k]);
    }
}

/* Parse spec (printing the reason if it fails). */
static inline void sc_test_parse_act(sc_act_t act, const char *spec)
{
    if (sc_act_parse(act, spec) != SC_OK)
        printf("\n  %s: %s\n", spec, sc_last_error());
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
}

/* Random exact rho in [-1, 1] (sometimes exactly +-1 or a ratio; else at
   most 0.98 away from 0), q in [0.1, 3], s = 0 or in [0, 2]. */
static inline void sc_test_rand_inputs(fmpq_t rho, fmpq_t q, fmpq_t s, flint_rand_t st)
{
    char buf[32];
    ulong k = n_randint(st, 10);
    if (k == 0)
        fmpq_one(rho);
    else if (k == 1)
        fmpq_set_si(rho, -1, 1);
    else if (k == 2)
        fmpq_set_si(rho, (slong) n_randint(st, 13) - 6, 7);
    else
        sc_parse_fmpq(rho, sc_test_rand_dec(buf, sizeof(buf), st, -0.98, 0.98, 5), "rho");
    sc_parse_fmpq(q, sc_test_rand_dec(buf, sizeof(buf), st, 0.1, 3, 3), "q");
    if (n_randint(st, 3) == 0)
        fmpq_zero(s);
    else
        sc_parse_fmpq(s, sc_test_rand_dec(buf, sizeof(buf), st, 0, 2, 3), "s");
}

/* Print the case and the two balls when they do not overlap; assert. */
#define SC_ASSERT_AGREE(what, spec, x, y) do {                          \
        if (!arb_overlaps(x, y)) {                                      \
            printf("\n  %s:%d: %s of %s: ", __FILE__, __LINE__, (what), (spec)); \
            arb_printn(x, 25, 0); printf(" vs "); arb_printn(y, 25, 0); \
            printf("\n"); }                                             \
        CU_ASSERT(arb_overlaps(x, y)); } while (0)

#endif
