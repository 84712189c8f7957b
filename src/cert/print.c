/* Certified printing glue.  sc_arb_digits computes exact integer bounds
   L = floor(lo * 10^k), H = ceil(hi * 10^k) of the ball and lets the verified
   core (sc_digits_certify) choose the digits; this file only lays them out
   (sign, decimal point, exponent).  sc_arb_bounds uses MPFR's directed
   rounding on the exact endpoints. */
#include <string.h>
#include <mpfr.h>
#include "synccert/print.h"
#include "synccert/core.h"

static char *dup_str(const char *s)
{
    size_t n = strlen(s);
    char *r = flint_malloc(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

/* Decimal string of an arf endpoint rounded down (up = 0) or up (up = 1). */
static char *arf_dec(const arf_t v, slong digits, int up)
{
    mpfr_t m;
    char *s, *r;
    slong bits;
    if (arf_is_nan(v))
        return dup_str("nan");
    if (arf_is_pos_inf(v))
        return dup_str("inf");
    if (arf_is_neg_inf(v))
        return dup_str("-inf");
    bits = FLINT_MAX(arf_bits(v), 2);
    mpfr_init2(m, bits);
    arf_get_mpfr(m, v, MPFR_RNDN);      /* exact: m has arf_bits(v) bits */
    if (mpfr_asprintf(&s, up ? "%.*RUg" : "%.*RDg", (int) digits, m) < 0) {
        mpfr_clear(m);
        return dup_str("nan");
    }
    r = dup_str(s);
    mpfr_free_str(s);
    mpfr_clear(m);
    return r;
}

void sc_arb_bounds(char **lo, char **hi, const arb_t x, slong digits)
{
    arf_t e;
    slong prec = FLINT_MAX(arb_bits(x), 64) + 64;
    if (digits < 1)
        digits = 1;
    arf_init(e);
    if (arf_is_nan(arb_midref(x))) {
        *lo = dup_str("nan");
        *hi = dup_str("nan");
    } else {
        arb_get_lbound_arf(e, x, prec);      /* rounded down */
        *lo = arf_dec(e, digits, 0);
        arb_get_ubound_arf(e, x, prec);      /* rounded up */
        *hi = arf_dec(e, digits, 1);
    }
    arf_clear(e);
}

/* |z| as n digits (leading zeros) into d; returns 0 if z has more digits. */
static void put_digits(uint8_t *d, slong n, const fmpz_t z)
{
    fmpz_t a;
    char *s;
    slong len, i;
    fmpz_init(a);
    fmpz_abs(a, z);
    s = fmpz_get_str(NULL, 10, a);
    len = (slong) strlen(s);
    for (i = 0; i < n; i++)
        d[i] = (uint8_t) (i < n - len ? 0 : s[i - (n - len)] - '0');
    flint_free(s);
    fmpz_clear(a);
}

/* floor (up = 0) or ceil (up = 1) of v * 10^k, exactly. */
static void scaled_int(fmpz_t z, const arf_t v, slong k, int up)
{
    fmpz_t p;
    arf_t t;
    fmpz_init(p);
    arf_init(t);
    fmpz_ui_pow_ui(p, 10, (ulong) (k >= 0 ? k : -k));
    if (k >= 0) {
        arf_mul_fmpz(t, v, p, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_get_fmpz(z, t, up ? ARF_RND_CEIL : ARF_RND_FLOOR);
    } else {
        arf_get_fmpz(z, v, up ? ARF_RND_CEIL : ARF_RND_FLOOR);
        if (up)
            fmpz_cdiv_q(z, z, p);
        else
            fmpz_fdiv_q(z, z, p);
    }
    arf_clear(t);
    fmpz_clear(p);
}

/* Lay out sign, digits c[0..len-1] (value S) and the unit exponent ue of the
   last digit (value S * 10^ue) as described in print.h. */
static char *layout(int sign, const char *c, slong len, slong ue)
{
    slong z = 0, sig, E, i, pos = 0;
    char *r;
    while (z < len && c[z] == '0')
        z++;
    sig = len - z;
    r = flint_malloc(sig + (ue < 0 ? -ue : 0) + 64);
    if (sig == 0) {
        if (ue <= 0 && ue >= -6) {
            r[pos++] = '0';
            if (ue < 0) {
                r[pos++] = '.';
                for (i = 0; i < -ue; i++)
                    r[pos++] = '0';
            }
            r[pos] = '\0';
        } else {
            sprintf(r, "0e%ld", (long) ue);
        }
        return r;
    }
    c += z;
    E = ue + sig - 1;                   /* exponent of the leading digit */
    if (sign < 0)
        r[pos++] = '-';
    if (ue <= 0 && E >= -6) {
        if (E >= 0) {
            for (i = 0; i < sig; i++) {
                if (i == E + 1)
                    r[pos++] = '.';
                r[pos++] = c[i];
            }
        } else {
            r[pos++] = '0';
            r[pos++] = '.';
            for (i = 0; i < -E - 1; i++)
                r[pos++] = '0';
            for (i = 0; i < sig; i++)
                r[pos++] = c[i];
        }
        r[pos] = '\0';
    } else {
        r[pos++] = c[0];
        if (sig > 1) {
            r[pos++] = '.';
            for (i = 1; i < sig; i++)
                r[pos++] = c[i];
        }
        sprintf(r + pos, "e%ld", (long) E);
    }
    return r;
}

char *sc_arb_digits(const arb_t x, slong digits)
{
    arf_t lo, hi;
    fmpz_t L, H;
    slong prec, e2, e10, k, n, t;
    uint8_t *ld, *hd;
    char *out, *r;
    sc_digits_t res;

    if (digits < 1)
        digits = 1;
    if (digits > SC_DIGITS_MAX / 2)
        digits = SC_DIGITS_MAX / 2;
    if (arf_is_nan(arb_midref(x)) || mag_is_inf(arb_radref(x)))
        return dup_str("nan");
    if (arf_is_pos_inf(arb_midref(x)))
        return dup_str("inf");
    if (arf_is_neg_inf(arb_midref(x)))
        return dup_str("-inf");
    if (arb_is_zero(x))
        return dup_str("0");

    prec = FLINT_MAX(arb_bits(x), 64) + 64;
    arf_init(lo); arf_init(hi);
    arb_get_lbound_arf(lo, x, prec);       /* lo <= every value */
    arb_get_ubound_arf(hi, x, prec);       /* hi >= every value */

    /* scale: about digits + 2 digits for the larger endpoint */
    e2 = FLINT_MAX(arf_abs_bound_lt_2exp_si(lo), arf_abs_bound_lt_2exp_si(hi));
    if (e2 > (WORD(1) << 22) || e2 < -(WORD(1) << 22)) {   /* 10^k must stay small */
        arf_clear(lo); arf_clear(hi);
        return dup_str("nan");              /* beyond any sane exponent */
    }
    t = (e2 - 1) * 30103;                    /* 0.30103 >= log10(2) */
    e10 = t >= 0 ? t / 100000 : -((-t + 99999) / 100000);
    k = digits + 1 - e10;

    /* Round to nearest at a unit u = 10^m (of the scaled integers): the
       printed S satisfies |v - S u| <= u/2 for every scaled value v.  Done
       with the verified truncation core on the exactly shifted bounds
       [L + u/2, H + u/2] (toward -inf when the ball is negative: [L - u/2,
       H - u/2]), since round(v) = trunc(v + u/2) for v + u/2 >= 0 and
       round(v) = -trunc(|v - u/2|)... symmetric for negative v.  The first
       (finest) unit at which the core certifies the whole prefix wins.
       Images of the values: F(x) = floor(x 10^k) when hi > 0, C(x) =
       ceil(x 10^k) when hi <= 0; both are non-decreasing (specs/VERIFIED.md). */
    fmpz_init(L); fmpz_init(H);
    scaled_int(L, lo, k, arf_sgn(hi) <= 0);
    scaled_int(H, hi, k, arf_sgn(hi) <= 0);
    {
        fmpz_t Ls, Hs, half, big;
        slong D, m;
        int neg = arf_sgn(hi) <= 0;
        fmpz_init(Ls); fmpz_init(Hs); fmpz_init(half); fmpz_init(big);
        fmpz_abs(big, fmpz_cmpabs(L, H) > 0 ? L : H);
        D = fmpz_sizeinbase(big, 10);
        n = D + 2;                               /* room for a carry */
        if (n > SC_DIGITS_MAX) {
            fmpz_clear(L); fmpz_clear(H); arf_clear(lo); arf_clear(hi);
            fmpz_clear(Ls); fmpz_clear(Hs); fmpz_clear(half); fmpz_clear(big);
            return dup_str("nan");
        }
        ld = flint_malloc(n);
        hd = flint_malloc(n);
        out = flint_malloc(n + 1);
        r = NULL;
        for (m = FLINT_MAX(1, D - digits); m <= n && r == NULL; m++)
        {
            slong len, z;
            fmpz_ui_pow_ui(half, 10, (ulong) (m - 1));
            fmpz_mul_ui(half, half, 5);          /* u/2, exact since m >= 1 */
            if (neg) {
                fmpz_sub(Ls, L, half);
                fmpz_sub(Hs, H, half);
            } else {
                fmpz_add(Ls, L, half);
                fmpz_add(Hs, H, half);
            }
            put_digits(ld, n, Ls);
            put_digits(hd, n, Hs);
            sc_digits_certify(fmpz_sgn(Ls) < 0, ld, fmpz_sgn(Hs) < 0, hd, (int32_t) n,
                              (int32_t) n, out, &res);
            /* need one sign for all shifted values and the prefix down to u */
            if (res.sign == 0 && !(fmpz_sgn(Ls) >= 0 || fmpz_sgn(Hs) <= 0))
                continue;
            if (res.sign == 0 || res.drop > m)
                continue;
            len = n - m;                          /* keep the prefix down to u */
            for (z = 0; z < len && out[z] == '0'; z++)
                ;
            if (len - z > digits)                 /* a carry added a digit */
                continue;
            r = layout(res.sign, out, len, m - k);
        }
        if (r == NULL)
            r = layout(0, "0", 0, n - k);       /* |x| below the top unit */
        fmpz_clear(Ls); fmpz_clear(Hs); fmpz_clear(half); fmpz_clear(big);
    }

    flint_free(ld); flint_free(hd); flint_free(out);
    fmpz_clear(L); fmpz_clear(H); arf_clear(lo); arf_clear(hi);
    return r;
}

void sc_print_json_real(FILE *f, const arb_t x, slong digits)
{
    char *lo, *hi, *d;
    sc_arb_bounds(&lo, &hi, x, digits);
    d = sc_arb_digits(x, digits);
    fprintf(f, "{\"lo\": \"%s\", \"hi\": \"%s\", \"digits\": \"%s\"}", lo, hi, d);
    flint_free(lo); flint_free(hi); flint_free(d);
}
