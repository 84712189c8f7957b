/* Fuzz target: activation specs, sc_act_parse ("NAME:key=value,...";
   an expression parser behind sc_act_parse is reached the same way), with
   the round-trip property of act_roundtrip.h. */
#include "act_roundtrip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    fuzz_act_roundtrip(s);
    free(s);
    flint_cleanup();
    return 0;
}
