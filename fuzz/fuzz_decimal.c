/* Fuzz target: the exact number parsers (src/parse).  Properties: a parsed
   number prints (sc_fmpq_decimal) to a string that parses back to the same
   rational; a rejected input leaves a one-line message; integers and
   ranges agree with the rational parser. */
#include "fuzz.h"
#include "synccert/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_cstr(data, size);
    fmpq_t x, y, lo, hi;
    slong v;

    fmpq_init(x);
    fmpq_init(y);
    fmpq_init(lo);
    fmpq_init(hi);
    if (sc_parse_fmpq(x, s, "x") == SC_OK)
    {
        char *d = sc_fmpq_decimal(x);
        FUZZ_CHECK(sc_parse_fmpq(y, d, "y") == SC_OK);
        FUZZ_CHECK(fmpq_equal(x, y));
        flint_free(d);
    }
    else
    {
        FUZZ_CHECK(sc_last_error()[0] != '\0');
        FUZZ_CHECK(strchr(sc_last_error(), '\n') == NULL || strchr(s, '\n') != NULL);
    }
    if (sc_parse_slong(&v, s, "n", -1000000, 1000000) == SC_OK)
    {
        /* an integer in range is the same number for the rational parser */
        FUZZ_CHECK(v >= -1000000 && v <= 1000000);
        FUZZ_CHECK(sc_parse_fmpq(y, s, "y") == SC_OK && fmpz_is_one(fmpq_denref(y)) &&
                   fmpz_equal_si(fmpq_numref(y), v));
    }
    if (sc_parse_range(lo, hi, s, "r") == SC_OK)
        FUZZ_CHECK(fmpq_cmp(lo, hi) <= 0);
    fmpq_clear(x);
    fmpq_clear(y);
    fmpq_clear(lo);
    fmpq_clear(hi);
    free(s);
    flint_cleanup();
    return 0;
}
