/* Fuzz target: activation specs, sc_act_parse ("NAME:key=value,...";
   an expression parser behind sc_act_parse is reached the same way).
   Property: a parsed activation prints (sc_act_spec) to a canonical spec
   that parses back to the same activation, and printing is idempotent. */
#include "fuzz.h"
#include "synccert/act.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    sc_act_t a, b;

    sc_act_init(a);
    sc_act_init(b);
    if (sc_act_parse(a, s) == SC_OK)
    {
        char *s1 = sc_act_spec(a), *s2;
        slong i;
        FUZZ_CHECK(sc_act_parse(b, s1) == SC_OK);
        s2 = sc_act_spec(b);
        FUZZ_CHECK(strcmp(s1, s2) == 0);
        FUZZ_CHECK(a->def == b->def && a->npar == b->npar);
        for (i = 0; i < a->npar; i++)
            FUZZ_CHECK(fmpq_equal(a->par + i, b->par + i));
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
