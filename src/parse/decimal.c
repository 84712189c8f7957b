/* Exact rationals back to text: the one decimal formatter of the project
   (tables, CSV, captions, JSON). */
#include <string.h>
#include <flint/fmpz.h>
#include <fmpz_extras.h>
#include "synccert/parse.h"

char *sc_fmpq_decimal(const fmpq_t x)
{
    fmpz_t den, num, t;
    slong k = 0, a = 0, b = 0;
    char *s, *out;
    fmpz_init(den);
    fmpz_init(num);
    fmpz_init(t);
    fmpz_set(den, fmpq_denref(x));
    while (fmpz_divisible_si(den, 2)) { fmpz_divexact_si(den, den, 2); a++; }
    while (fmpz_divisible_si(den, 5)) { fmpz_divexact_si(den, den, 5); b++; }
    if (!fmpz_is_one(den) || a > 4000 || b > 4000)
    {
        fmpz_clear(den); fmpz_clear(num); fmpz_clear(t);
        return fmpq_get_str(NULL, 10, x);
    }
    k = FLINT_MAX(a, b);
    /* num = x * 10^k, an integer */
    fmpz_ui_pow_ui(t, 10, k);
    fmpz_mul(num, fmpq_numref(x), t);
    fmpz_divexact(num, num, fmpq_denref(x));
    s = fmpz_get_str(NULL, 10, num);
    {
        int neg = s[0] == '-';
        char *digits = s + neg;
        slong n = strlen(digits), intlen, j;
        out = flint_malloc(n + k + 4);
        j = 0;
        if (neg) out[j++] = '-';
        if (n <= k)
        {
            out[j++] = '0';
            if (k > 0)
            {
                out[j++] = '.';
                for (intlen = 0; intlen < k - n; intlen++)
                    out[j++] = '0';
                memcpy(out + j, digits, n);
                j += n;
            }
        }
        else
        {
            memcpy(out + j, digits, n - k);
            j += n - k;
            if (k > 0)
            {
                out[j++] = '.';
                memcpy(out + j, digits + n - k, k);
                j += k;
            }
        }
        out[j] = '\0';
        /* strip trailing zeros of the fraction */
        if (k > 0)
        {
            while (j > 0 && out[j - 1] == '0') out[--j] = '\0';
            if (j > 0 && out[j - 1] == '.') out[--j] = '\0';
        }
    }
    flint_free(s);
    fmpz_clear(den);
    fmpz_clear(num);
    fmpz_clear(t);
    return out;
}
