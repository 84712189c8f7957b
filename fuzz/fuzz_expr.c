/* Fuzz target stub for the expression activations ("expr:..."): the input
   is the expression, handed to sc_act_parse behind EXPR_PREFIX with the
   round-trip property of fuzz_actspec.c.  Until the expression parser
   lands, sc_act_parse rejects every such spec (unknown activation) and this
   target only checks that it does so cleanly; when it lands, adjust
   EXPR_PREFIX to its syntax and extend fuzz/corpus/fuzz_expr. */
#include "fuzz.h"
#include "synccert/act.h"

#define EXPR_PREFIX "expr:"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + sizeof(EXPR_PREFIX));
    sc_act_t a, b;

    strcpy(s, EXPR_PREFIX);
    memcpy(s + strlen(EXPR_PREFIX), data, size);
    s[strlen(EXPR_PREFIX) + size] = '\0';
    sc_act_init(a);
    sc_act_init(b);
    if (sc_act_parse(a, s) == SC_OK)
    {
        char *s1 = sc_act_spec(a), *s2;
        FUZZ_CHECK(sc_act_parse(b, s1) == SC_OK);
        s2 = sc_act_spec(b);
        FUZZ_CHECK(strcmp(s1, s2) == 0);
        flint_free(s1);
        flint_free(s2);
    }
    else
        FUZZ_CHECK(sc_last_error()[0] != '\0');
    sc_act_clear(a);
    sc_act_clear(b);
    free(s);
    flint_cleanup();
    return 0;
}
