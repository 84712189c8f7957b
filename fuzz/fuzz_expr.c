/* Fuzz target stub for the expression activations ("expr:..."): the input
   is the expression, handed to sc_act_parse behind EXPR_PREFIX with the
   round-trip property of act_roundtrip.h.  Until the expression parser
   lands, sc_act_parse rejects every such spec (unknown activation) and this
   target only checks that it does so cleanly; when it lands, adjust
   EXPR_PREFIX to its syntax and extend fuzz/corpus/fuzz_expr. */
#include "act_roundtrip.h"

#define EXPR_PREFIX "expr:"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + sizeof(EXPR_PREFIX));
    strcpy(s, EXPR_PREFIX);
    memcpy(s + strlen(EXPR_PREFIX), data, size);
    s[strlen(EXPR_PREFIX) + size] = '\0';
    fuzz_act_roundtrip(s);
    free(s);
    flint_cleanup();
    return 0;
}
