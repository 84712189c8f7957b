/* Output helpers shared by the subcommands: certified numbers as text and
   JSON (see cli.h). */
#include <math.h>
#include "cli.h"
#include "synccert/print.h"
#include "synccert/bind.h"

void sc_cli_text_real(FILE *f, const arb_t x, slong digits)
{
    char *str;
    if (arf_is_nan(arb_midref(x)))
    {
        fputs("undefined", f);
        return;
    }
    str = sc_arb_digits(x, digits);
    fputs(str, f);
    flint_free(str);
}

void sc_cli_json_real(FILE *f, const char *key, const arb_t x, slong digits, int comma)
{
    sc_json_key_real(f, key, x, digits, comma);
}

void sc_cli_json_str(FILE *f, const char *w)
{
    fputc('"', f);
    for (; *w; w++)
        fprintf(f, *w == '"' || *w == '\\' ? "\\%c" : "%c", *w);
    fputc('"', f);
}

void sc_cli_json_double(FILE *f, const char *key, const char *fmt, double x, const char *why)
{
    fprintf(f, "\"%s\": ", key);
    if (isfinite(x))
        fprintf(f, fmt, x);
    else
    {
        fprintf(f, "null, \"%s_note\": ", key);
        sc_cli_json_str(f, why);
    }
}

void sc_cli_json_fmpq(FILE *f, const char *key, const fmpq_t x, int comma)
{
    sc_json_key_fmpq(f, key, x, comma);
}

void sc_cli_text_model(const char *spec, const fmpz_t d, const fmpq_t sigma,
                       const fmpq_t q, const fmpq_t s)
{
    printf("activation   %s\n", spec);
    printf("dimension    "); fmpz_print(d);
    printf("\nsigma        "); fmpq_print(sigma);
    if (!fmpq_is_one(q) || !fmpq_is_zero(s))
    {
        printf("\nq, s         "); fmpq_print(q); printf(", "); fmpq_print(s);
    }
}
