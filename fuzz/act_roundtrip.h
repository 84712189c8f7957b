/* The property of the activation-spec fuzz targets (fuzz_actspec.c,
   fuzz_expr.c): a spec that parses prints (sc_act_spec) to a canonical spec
   that parses back to the same activation, and printing is idempotent; a
   spec that does not parse leaves a message. */
#ifndef SC_FUZZ_ACT_ROUNDTRIP_H
#define SC_FUZZ_ACT_ROUNDTRIP_H

#include "fuzz.h"
#include "synccert/act.h"

static void fuzz_act_roundtrip(const char *s)
{
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
}

#endif
