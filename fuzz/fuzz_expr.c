/* Fuzz target for the expression activations ("expr:..."): the input is
   the expression, handed to sc_act_parse behind "expr:" with the
   round-trip property of act_roundtrip.h; an expression that parses is
   then evaluated (phi and phi' at x = 3/4 on a ball, and its growth bound),
   which runs the compiled program, the derivative and the growth rules on
   every accepted input. */
#include "act_roundtrip.h"
#include "synccert/gauss.h"

#define EXPR_PREFIX "expr:"

static void exercise(const char *s)
{
    sc_act_t a;
    acb_t z, r;
    arb_ptr g;
    arb_t strip;
    sc_act_init(a);
    if (sc_act_parse(a, s) == SC_OK)
    {
        arb_ptr p = sc_act_params(a, 64);
        int d;
        acb_init(z);
        acb_init(r);
        arb_init(strip);
        g = _arb_vec_init(SC_GROWTH_MAX);
        acb_set_d(z, 0.75);
        for (d = 0; d <= ((a->def->flags & SC_ACT_JUMP) ? 0 : 1); d++)
            a->def->eval(a->def, r, z, d, 1, p, 64);
        a->def->growth(a->def, g, strip, 0, p, 64);
        _arb_vec_clear(g, SC_GROWTH_MAX);
        arb_clear(strip);
        acb_clear(z);
        acb_clear(r);
        sc_act_params_clear(p, a);
    }
    sc_act_clear(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + sizeof(EXPR_PREFIX));
    strcpy(s, EXPR_PREFIX);
    memcpy(s + strlen(EXPR_PREFIX), data, size);
    s[strlen(EXPR_PREFIX) + size] = '\0';
    if (strlen(s) == strlen(EXPR_PREFIX) + size)     /* no NUL inside */
        exercise(s);
    fuzz_act_roundtrip(s);
    free(s);
    flint_cleanup();
    return 0;
}
