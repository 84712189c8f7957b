/* The precision policy (prec.h): sc_prec_run's sequence of precisions, its
   stops (done, met, cap, budget, a step's error) and messages, and
   sc_arb_meets_digits on the balls that must never count as met. */
#include <string.h>
#include <time.h>
#include "sc_test.h"
#include "synccert/prec.h"

/* A scripted computation: records every precision it is called at and
   answers from the script. */
typedef struct
{
    slong precs[64];
    int n;
    int done_at;        /* step index answering DONE (-1: never) */
    int met_from;       /* step index from which it answers MET (-1: never) */
    int fail_at;        /* step index returning an error (-1: never) */
    double sleep_s;     /* per step, for the budget */
}
script;

static int s_step(void *ctx, slong prec)
{
    script *s = ctx;
    s->precs[s->n] = prec;
    if (s->sleep_s > 0)
    {
        struct timespec ts = { 0, (long) (s->sleep_s * 1e9) };
        nanosleep(&ts, NULL);
    }
    if (s->n == s->fail_at)
    {
        s->n++;
        return sc_error(SC_ERR_UNSUPPORTED, "scripted failure at %ld bits", (long) prec);
    }
    s->n++;
    return SC_OK;
}

static int s_done(void *ctx)
{
    script *s = ctx;
    int k = s->n - 1;
    if (k == s->done_at)
        return SC_PREC_DONE;
    if (s->met_from >= 0 && k >= s->met_from)
        return SC_PREC_MET;
    return SC_PREC_MORE;
}

static slong s_reached(void *ctx)
{
    return 7;
}

static void script_init(script *s)
{
    memset(s, 0, sizeof(*s));
    s->done_at = s->met_from = s->fail_at = -1;
}

static void test_start_and_done_first(void)
{
    sc_prec_policy pol;
    script s;
    script_init(&s);
    s.done_at = 0;
    sc_prec_policy_init(&pol, "t", 15);
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_OK);
    CU_ASSERT(s.n == 1);
    /* start = ceil(15 log2 10) + 24 = 50 + 24 = 74 */
    CU_ASSERT(sc_prec_for_digits(15) == 74);
    CU_ASSERT(s.precs[0] == 74 && pol.prec == 74);
    /* an explicit start is used as given */
    script_init(&s);
    s.done_at = 0;
    pol.start = 300;
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_OK);
    CU_ASSERT(s.precs[0] == 300);
}

static void test_doubling_and_cap(void)
{
    sc_prec_policy pol;
    script s;
    int i;
    /* default cap max(16 * 74, 4096) = 4096: 74, 148, ..., 2368 (4736 > 4096) */
    script_init(&s);
    sc_prec_policy_init(&pol, "tanh", 15);
    sc_clear_error();
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_ERR_PREC);
    CU_ASSERT(s.n == 6);
    for (i = 0; i < s.n; i++)
        CU_ASSERT(s.precs[i] == (74L << i));
    CU_ASSERT(pol.prec == 2368);
    CU_ASSERT(strcmp(sc_last_error(), "tanh: could not reach 15 digits within 2368 bits of "
                     "precision; ask for fewer --digits") == 0);
    /* done at the third step */
    script_init(&s);
    s.done_at = 2;
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_OK);
    CU_ASSERT(s.n == 3 && pol.prec == 296);
    /* a given cap, and the optional parts of the message */
    script_init(&s);
    pol.cap = 200;
    pol.what = " for b and a";
    pol.reached = s_reached;
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_ERR_PREC);
    CU_ASSERT(s.n == 2 && s.precs[1] == 148);
    CU_ASSERT(strcmp(sc_last_error(), "tanh: could not reach 15 digits for b and a within 148 "
                     "bits of precision (reached about 7 digits); ask for fewer --digits") == 0);
    /* a cap below the start: one step at the cap */
    script_init(&s);
    pol.cap = 64;
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_ERR_PREC);
    CU_ASSERT(s.n == 1 && s.precs[0] == 64);
    /* the default cap grows with the start: 16 x 3346 for 1000 digits */
    CU_ASSERT(sc_prec_for_digits(1000) == 3346);
    CU_ASSERT(sc_prec_cap(3346, 0) == 16 * 3346);
    CU_ASSERT(sc_prec_cap(74, 0) == 4096);
    CU_ASSERT(sc_prec_cap(74, SC_PREC_MAX * 2) == SC_PREC_MAX);
}

static void test_met_stops_ok_at_cap(void)
{
    sc_prec_policy pol;
    script s;
    /* MET: keeps raising while the cap allows, then SC_OK */
    script_init(&s);
    s.met_from = 1;
    sc_prec_policy_init(&pol, "t", 15);
    pol.cap = 700;
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_OK);
    CU_ASSERT(s.n == 4 && pol.prec == 592);
    /* MET then DONE stops at DONE */
    script_init(&s);
    s.met_from = 0;
    s.done_at = 1;
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_OK);
    CU_ASSERT(s.n == 2);
}

static void test_step_error_passed_through(void)
{
    sc_prec_policy pol;
    script s;
    script_init(&s);
    s.fail_at = 1;
    sc_prec_policy_init(&pol, "t", 15);
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_ERR_UNSUPPORTED);
    CU_ASSERT(s.n == 2 && pol.prec == 148);
    CU_ASSERT(strcmp(sc_last_error(), "scripted failure at 148 bits") == 0);
}

static void test_budget_stop(void)
{
    sc_prec_policy pol;
    script s;
    script_init(&s);
    s.sleep_s = 0.03;
    sc_prec_policy_init(&pol, "slow", 15);
    sc_budget_set(0.05);
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_ERR_BUDGET);
    sc_budget_set(0);
    /* stopped between two steps, well before the cap (6 steps) */
    CU_ASSERT(s.n >= 2 && s.n < 6);
    CU_ASSERT(strstr(sc_last_error(), "slow: time budget") != NULL);
}

static void test_meets_digits(void)
{
    arb_t x;
    arb_init(x);
    /* NaN never meets */
    arb_indeterminate(x);
    CU_ASSERT(!sc_arb_meets_digits(x, 1));
    arf_nan(arb_midref(x));
    mag_zero(arb_radref(x));
    CU_ASSERT(!sc_arb_meets_digits(x, 1));
    /* exact +-inf meets */
    arb_pos_inf(x);
    CU_ASSERT(sc_arb_meets_digits(x, 100));
    arb_neg_inf(x);
    CU_ASSERT(sc_arb_meets_digits(x, 100));
    /* an infinite radius never does, whatever the midpoint */
    arb_one(x);
    mag_inf(arb_radref(x));
    CU_ASSERT(!sc_arb_meets_digits(x, 1));
    arb_pos_inf(x);
    mag_inf(arb_radref(x));
    CU_ASSERT(!sc_arb_meets_digits(x, 1));
    /* relative accuracy: 1/3 at 64 bits has 15 digits, not 25 */
    arb_set_ui(x, 1);
    arb_div_ui(x, x, 3, 64);
    CU_ASSERT(sc_arb_meets_digits(x, 15));
    CU_ASSERT(!sc_arb_meets_digits(x, 25));
    /* balls containing 0: absolute error below 10^-digits */
    arb_zero(x);
    CU_ASSERT(sc_arb_meets_digits(x, 1000));
    mag_set_ui_2exp_si(arb_radref(x), 1, -60);          /* 8.7e-19 */
    CU_ASSERT(sc_arb_meets_digits(x, 15));
    CU_ASSERT(!sc_arb_meets_digits(x, 20));
    arb_set_str(x, "[1e-30 +/- 1e-20]", 128);
    CU_ASSERT(sc_arb_meets_digits(x, 15));
    CU_ASSERT(!sc_arb_meets_digits(x, 25));
    arb_clear(x);
}

static void test_digits_range(void)
{
    /* outside [1, 100000]: SC_ERR_INPUT before any step */
    static const slong bad[] = { 0, -3, 100001 };
    sc_prec_policy pol;
    script s;
    int i;
    for (i = 0; i < 3; i++)
    {
        script_init(&s);
        s.done_at = 0;
        sc_prec_policy_init(&pol, "t", bad[i]);
        CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_ERR_INPUT);
        CU_ASSERT(s.n == 0);
    }
    script_init(&s);
    s.done_at = 0;
    sc_prec_policy_init(&pol, "t", 1);
    CU_ASSERT(sc_prec_run(&pol, s_step, s_done, &s) == SC_OK && s.n == 1);
}

SC_TEST_MAIN("prec",
    SC_TEST(test_start_and_done_first),
    SC_TEST(test_doubling_and_cap),
    SC_TEST(test_met_stops_ok_at_cap),
    SC_TEST(test_step_error_passed_through),
    SC_TEST(test_budget_stop),
    SC_TEST(test_meets_digits),
    SC_TEST(test_digits_range))
