/* The bind module: sc_bind_call (string-in, JSON-out) and the JSON writers,
   and the library's init/clear conventions (doc/conventions.md).  The
   agreement of sc_bind_call with the CLI's JSON and error messages is
   checked from Python (python/tests), where JSON is easy to parse. */
#include <string.h>
#include "sc_test.h"
#include "synccert/synccert.h"

/* sc_bind_call with a NULL-terminated option list; returns the status. */
static int call(char **out, const char *cmd, const char *act, const char *const *kv)
{
    return sc_bind_call(out, cmd, act, kv);
}

/* The exact bounds of the certified real "key": {"lo": ..., "hi": ...}. */
static void json_bounds(fmpq_t lo, fmpq_t hi, const char *json, const char *key)
{
    char pat[64], a[128], b[128];
    const char *p;
    snprintf(pat, sizeof pat, "\"%s\": {\"lo\": \"", key);
    p = strstr(json, pat);
    CU_ASSERT_FATAL(p != NULL);
    CU_ASSERT_FATAL(sscanf(p + strlen(pat), "%127[^\"]\", \"hi\": \"%127[^\"]", a, b) == 2);
    CU_ASSERT(sc_parse_fmpq(lo, a, "lo") == SC_OK && sc_parse_fmpq(hi, b, "hi") == SC_OK);
}

/* relu: K(1) = K'(1) = 1/2 (q = 1, s = 0), K(0) = 1/(2 pi). */
static void test_kernel_json(void)
{
    const char *kv[] = { "rho", "0", "digits", "20", NULL };
    char *out;
    fmpq_t lo, hi, half;
    fmpq_init(lo); fmpq_init(hi); fmpq_init(half);
    fmpq_set_si(half, 1, 2);
    CU_ASSERT_FATAL(call(&out, "kernel", "relu", kv) == SC_OK);
    CU_ASSERT(strstr(out, "\"activation\": \"relu\"") != NULL);
    json_bounds(lo, hi, out, "K1");
    CU_ASSERT(fmpq_cmp(lo, half) <= 0 && fmpq_cmp(half, hi) <= 0);
    json_bounds(lo, hi, out, "dK1");
    CU_ASSERT(fmpq_cmp(lo, half) <= 0 && fmpq_cmp(half, hi) <= 0);
    CU_ASSERT(strstr(out, "\"digits\": \"0.50000000000000000000\"") != NULL);
    fmpq_clear(lo); fmpq_clear(hi); fmpq_clear(half);
    CU_ASSERT(strstr(out, "\"rho\": \"0\"") != NULL);
    CU_ASSERT(strstr(out, "\"digits\": \"0.15915494309189533577\"") != NULL);   /* 1/(2 pi) */
    sc_bind_free(out);
}

/* Errors come back as the CLI's one-line message with the status. */
static void test_errors(void)
{
    static const struct { const char *cmd, *act; const char *kv[5]; int status; const char *msg; } cases[] = {
        { "kernel", "tanh", { "rho", "2", NULL }, SC_ERR_INPUT, "--rho must lie in [-1, 1] (got 2)" },
        { "kernel", "tanh", { "bogus", "1", NULL }, SC_ERR_INPUT, "unknown option '--bogus' (see 'synccert help kernel')" },
        { "kernel", "tanh", { "rho", "0", "rho", "1", NULL }, SC_ERR_INPUT, "option --rho given twice" },
        { "kernel", NULL, { NULL }, SC_ERR_INPUT, "expected one activation (see 'synccert help kernel')" },
        { "lyapunov", "tanh", { NULL }, SC_ERR_INPUT, "--dim D is required (an integer >= 2)" },
        { "lyapunov", "tanh", { "dim", "1", NULL }, SC_ERR_INPUT, "--dim must be >= 2, got '1'" },
        { "lyapunov", "tanh", { "dim", "1000000000000000000000000000001", NULL }, SC_ERR_INPUT,
          "--dim must be at most 10^30, got '1000000000000000000000000000001'" },
        { "coercivity", "relu", { "dim", "4", "p", "3", NULL }, SC_ERR_INPUT, "--p must lie in (0, 2] or be 'auto'" },
        { "nonsense", "relu", { NULL }, SC_ERR_INPUT, "unknown command 'nonsense'" },
    };
    size_t i;
    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
    {
        char *out;
        int st = call(&out, cases[i].cmd, cases[i].act, cases[i].kv);
        CU_ASSERT(st == cases[i].status);
        CU_ASSERT_FATAL(out != NULL);
        if (strcmp(out, cases[i].msg) != 0)
            printf("\n  case %d: got '%s'\n", (int) i, out);
        CU_ASSERT(strcmp(out, cases[i].msg) == 0);
        sc_bind_free(out);
    }
}

/* A precision failure is SC_ERR_PREC, not a result. */
static void test_precision_error(void)
{
    const char *kv[] = { "digits", "60", "prec-cap", "64", "dim", "4", NULL };
    char *out;
    CU_ASSERT(call(&out, "lyapunov", "tanh", kv) == SC_ERR_PREC);
    CU_ASSERT(out != NULL && strchr(out, '\n') == NULL && strlen(out) > 0);
    sc_bind_free(out);
}

/* JSON strings are escaped: quotes, backslashes and control characters. */
static void test_json_string(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    sc_json_string(f, "a\"b\\c\nd");
    fclose(f);
    CU_ASSERT(strcmp(buf, "\"a\\\"b\\\\c\\u000ad\"") == 0);
    free(buf);
}

/* certify: the leaves listed in leaf_list tile the dimension range (each d
   of 2..64 in exactly one leaf); their count is "leaves". */
static void test_certify_leaves(void)
{
    const char *kv[] = { "property", "sync", "dim", "2:64", NULL };
    char *out, *p;
    int covered[65] = { 0 }, n = 0, d, ok = 1;
    long count;
    CU_ASSERT_FATAL(call(&out, "certify", "tanh", kv) == SC_OK);
    p = strstr(out, "\"leaves\": ");
    CU_ASSERT_FATAL(p != NULL);
    count = strtol(p + 10, NULL, 10);
    for (p = strstr(out, "\"leaf_list\""); p && (p = strstr(p, "\"d\": [\"")) != NULL; p++)
    {
        int a = atoi(p + 7), b = atoi(strchr(p + 7, ',') + 3);
        for (d = a; d <= b; d++)
            covered[d]++;
        n++;
    }
    for (d = 2; d <= 64; d++)
        ok &= covered[d] == 1;
    CU_ASSERT(ok);
    CU_ASSERT(n == count && n > 1);
    sc_bind_free(out);
}

/* After an error a result holds nothing usable but is still cleared
   normally (make test-san's leak checker sees a leak on these paths). */
static void test_result_after_error(void)
{
    sc_act_t act;
    sc_kernel_result r;
    sc_lyap_result l;
    fmpz_t d;
    fmpq_t rho;
    sc_act_init(act);
    sc_kernel_result_init(&r);
    sc_lyap_result_init(&l);
    fmpz_init_set_ui(d, 4);
    fmpq_init(rho);
    fmpq_set_si(rho, 3, 2);
    CU_ASSERT_FATAL(sc_act_parse(act, "tanh") == SC_OK);
    CU_ASSERT(sc_kernel_certify(&r, act, rho, NULL, NULL, 20, SC_KM_AUTO, 0) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "rho") != NULL);
    CU_ASSERT(sc_lyapunov_certify(&l, act, d, NULL, NULL, NULL, 60, 64) == SC_ERR_PREC);
    fmpq_clear(rho);
    fmpz_clear(d);
    sc_lyap_result_clear(&l);
    sc_kernel_result_clear(&r);
    sc_act_clear(act);
}

/* The registry as JSON names every built-in. */
static void test_activations(void)
{
    char *out;
    int i;
    CU_ASSERT_FATAL(call(&out, "activations", NULL, NULL) == SC_OK);
    for (i = 0; sc_act_registry[i] != NULL; i++)
    {
        char key[64];
        snprintf(key, sizeof key, "{\"name\": \"%s\"", sc_act_registry[i]->name);
        CU_ASSERT(strstr(out, key) != NULL);
    }
    sc_bind_free(out);
}

SC_TEST_MAIN("bind",
             SC_TEST(test_kernel_json), SC_TEST(test_errors), SC_TEST(test_precision_error),
             SC_TEST(test_json_string), SC_TEST(test_certify_leaves), SC_TEST(test_result_after_error),
             SC_TEST(test_activations))
