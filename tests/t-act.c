/* The activation module itself: parsing of activation specs, the registry,
   the evaluation contract at a kink, and the exact properties (parameter
   layout, parity, homogeneity) that computations rely on. */
#include <string.h>
#include "sc_test.h"
#include "synccert/act.h"

#define PREC 128

/* the order contract at the kink */
static void test_eval_kink(void)
{
    static const char *specs[] = { "relu", "leaky_relu:alpha=0.2", "abs", "step", "sign", "elu:alpha=2" };
    int i;
    acb_t z, r;
    arb_t x;
    acb_init(z); acb_init(r); arb_init(x);
    arb_set_str(acb_realref(z), "[0 +/- 0.5]", PREC);
    for (i = 0; i < 6; i++)
    {
        sc_act_t act;
        arb_ptr p;
        int jump;
        sc_act_init(act);
        CU_ASSERT_FATAL(sc_act_parse(act, specs[i]) == SC_OK);
        jump = (act->def->flags & SC_ACT_JUMP) != 0;
        p = sc_act_params(act, PREC);
        act->def->eval(act->def, r, z, 0, 1, p, PREC);
        CU_ASSERT(!acb_is_finite(r));
        act->def->eval(act->def, r, z, 0, 0, p, PREC);
        CU_ASSERT(acb_is_finite(r));
        /* contains the values at -0.4 and 0.4 */
        arb_set_str(x, "-0.4", PREC);
        sc_act_eval_arb(x, act->def, x, 0, p, PREC);
        CU_ASSERT(arb_contains(acb_realref(r), x));
        arb_set_str(x, "0.4", PREC);
        sc_act_eval_arb(x, act->def, x, 0, p, PREC);
        CU_ASSERT(arb_contains(acb_realref(r), x));
        if (!jump)
        {
            act->def->eval(act->def, r, z, 1, 1, p, PREC);
            CU_ASSERT(!acb_is_finite(r));
            act->def->eval(act->def, r, z, 1, 0, p, PREC);
            arb_set_str(x, "-0.4", PREC);
            sc_act_eval_arb(x, act->def, x, 1, p, PREC);
            CU_ASSERT(arb_contains(acb_realref(r), x));
            arb_set_str(x, "0.4", PREC);
            sc_act_eval_arb(x, act->def, x, 1, p, PREC);
            CU_ASSERT(arb_contains(acb_realref(r), x));
        }
        sc_act_params_clear(p, act);
        sc_act_clear(act);
    }
    acb_clear(z); acb_clear(r); arb_clear(x);
}

/* --- parsing --- */

static void test_parse(void)
{
    sc_act_t a;
    char *s;
    fmpq_t v;
    sc_act_init(a);
    fmpq_init(v);

    CU_ASSERT(sc_act_parse(a, "leaky_relu:alpha=0.1") == SC_OK);
    CU_ASSERT(a->npar == 1);
    fmpq_set_si(v, 1, 10);
    CU_ASSERT(fmpq_equal(a->par + 0, v));
    s = sc_act_spec(a);
    CU_ASSERT(strcmp(s, "leaky_relu:alpha=1/10") == 0);
    flint_free(s);
    sc_act_clear(a);

    CU_ASSERT(sc_act_parse(a, "leaky_relu") == SC_OK);
    fmpq_set_si(v, 1, 100);
    CU_ASSERT(fmpq_equal(a->par + 0, v));
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "leaky_relu:alpha=0") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "leaky_relu:alpha=1") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "leaky_relu:alpha=1.5") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "alpha") != NULL);
    CU_ASSERT(sc_act_parse(a, "leaky_relu:alpha=-0.1") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "leaky_relu:beta=0.1") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "beta") != NULL);
    CU_ASSERT(sc_act_parse(a, "leaky_relu:alpha=0.1,alpha=0.2") == SC_ERR_INPUT);

    CU_ASSERT(sc_act_parse(a, "erf") == SC_OK);
    CU_ASSERT(fmpq_is_one(a->par + 0));
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "erf:c=2.5") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "erf:c=1000000") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "erf:c=0") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "erf:c=-1") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "erf:c=1000001") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "erf:alpha=1") == SC_ERR_INPUT);

    CU_ASSERT(sc_act_parse(a, "elu") == SC_OK);
    CU_ASSERT(fmpq_is_one(a->par + 0));
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "elu:alpha=0") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "elu:alpha=-1") == SC_ERR_INPUT);

    CU_ASSERT(sc_act_parse(a, "sin:alpha=1") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "abs:c=1") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "linear") == SC_OK);
    CU_ASSERT(a->npar == 0);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "identity") == SC_OK && a->def == sc_act_lookup("linear"));
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "step") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "sign") == SC_OK);
    sc_act_clear(a);
    CU_ASSERT(sc_act_parse(a, "cos") == SC_OK);
    sc_act_clear(a);

    fmpq_clear(v);
}

/* registry order of the names listed here */
static void test_registry_order(void)
{
    static const char *order[] = { "linear", "relu", "leaky_relu", "abs", "step", "sign", "erf",
                                   "tanh", "elu", "sin", "cos" };
    slong i, j = 0, n = 11;
    for (i = 0; sc_act_registry[i] != NULL && j < n; i++)
        if (strcmp(sc_act_registry[i]->name, order[j]) == 0)
            j++;
    CU_ASSERT(j == n);
}

/* exact properties: parity (never with a bias), homogeneity, layout */
static void test_props(void)
{
    static const struct { const char *spec; int odd, homog; slong np; } cases[] = {
        { "linear", 1, 1, 1 }, { "relu", 0, 1, 1 }, { "leaky_relu:alpha=0.2", 0, 1, 1 },
        { "abs", 0, 1, 1 }, { "sign", 1, 0, 1 }, { "erf:c=2", 1, 0, 1 }, { "tanh", 1, 0, 1 },
        { "sin", 1, 0, 1 }, { "cos", 0, 0, 1 }, { "gelu", 0, 0, 1 },
        { "poly:c1=1,c3=-1/6", 1, 0, 5 }, { "poly:c0=1,c1=1", 0, 0, 3 },
        { "hermite:a1=1,a3=2", 1, 0, 5 }, { "hermite:a2=1", 0, 0, 4 },
    };
    slong i;
    fmpq_t s;
    fmpq_init(s);
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        sc_act_t a;
        sc_act_init(a);
        CU_ASSERT_FATAL(sc_act_parse(a, cases[i].spec) == SC_OK);
        fmpq_zero(s);
        CU_ASSERT(sc_act_is_odd(a, NULL) == cases[i].odd);
        CU_ASSERT(sc_act_is_odd(a, s) == cases[i].odd);
        CU_ASSERT(sc_act_is_homogeneous1(a, NULL) == cases[i].homog);
        CU_ASSERT(sc_act_nparams(a) == cases[i].np);
        fmpq_set_si(s, 1, 100);
        CU_ASSERT(sc_act_is_odd(a, s) == 0);            /* a bias breaks x -> -x */
        CU_ASSERT(sc_act_is_homogeneous1(a, s) == 0);
        sc_act_clear(a);
    }
    fmpq_clear(s);
    {
        sc_act_t a;
        sc_act_init(a);
        CU_ASSERT(sc_act_parse(a, "poly:c0=0") == SC_ERR_INPUT);   /* phi = 0 is no activation */
        CU_ASSERT(strstr(sc_last_error(), "nonzero") != NULL);
        sc_act_clear(a);
    }
}

SC_TEST_MAIN("act",
    SC_TEST(test_eval_kink),
    SC_TEST(test_parse),
    SC_TEST(test_registry_order),
    SC_TEST(test_props))
