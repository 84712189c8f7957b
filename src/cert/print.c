/* Certified printing glue.  sc_arb_digits computes integer bounds L, H of
   F(v) = floor(v 10^k) (ceil(v 10^k) for a ball <= 0) over every value v of
   the ball and lets the verified core (sc_digits_certify) choose the digits;
   this file only lays them out (sign, decimal point, exponent).
   sc_arb_bounds uses MPFR's directed rounding on the endpoints.

   The endpoints lo, hi of the ball are rounded outward at a precision that
   resolves the radius (ends_prec): rounding them at a fixed
   max(bits(x), 64) + 64 bits made 0.5 +/- 2e-58 look like 0.5 +/- 3e-39, so
   `kernel relu --digits 50` stopped at 38 digits. */
#include <string.h>
#include <mpfr.h>
#include "synccert/print.h"
#include "synccert/core.h"

/* binary exponents below 2^EXACT_E2_BITS in absolute value are scaled
   exactly (10^k is an fmpz of at most about 1.3 million decimal digits);
   beyond, by ball arithmetic */
#define EXACT_E2_BITS 22

static char *dup_str(const char *s)
{
    size_t n = strlen(s);
    char *r = flint_malloc(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

/* Precision for the outward-rounded endpoints of x.  An exact ball keeps
   its midpoint exactly.  Otherwise rounding the midpoint at gap + 64 bits
   (gap = exponent of the midpoint minus that of the radius) errs by at most
   2^-63 of the radius, so the endpoints are as sharp as the ball; the gap is
   capped at 2^24 bits, far below any printable digit (at most 10^5 digits
   are asked). */
static slong ends_prec(const arb_t x)
{
    slong p = FLINT_MAX(arb_bits(x), 64) + 64;
    if (!mag_is_zero(arb_radref(x)) && !arf_is_zero(arb_midref(x)) &&
        arf_is_finite(arb_midref(x)) && mag_is_finite(arb_radref(x)))
    {
        fmpz_t gap;
        fmpz_init(gap);
        fmpz_sub(gap, ARF_EXPREF(arb_midref(x)), MAG_EXPREF(arb_radref(x)));
        if (fmpz_cmp_si(gap, WORD(1) << 24) > 0)
            p = WORD(1) << 24;
        else if (fmpz_sgn(gap) <= 0)
            p = 64;                     /* the radius dominates */
        else
            p = fmpz_get_si(gap) + 64;
        fmpz_clear(gap);
    }
    return p;
}

/* Decimal string of an arf endpoint rounded down (up = 0) or up (up = 1).
   The exponent range of MPFR is widened to its maximum meanwhile (a bound
   such as 5.6e-434294481904 is far outside the default range). */
static char *arf_dec(const arf_t v, slong digits, int up)
{
    mpfr_t m;
    mpfr_exp_t emin = mpfr_get_emin(), emax = mpfr_get_emax();
    char *s, *r;
    slong bits;
    if (arf_is_nan(v))
        return dup_str("nan");
    if (arf_is_pos_inf(v))
        return dup_str("inf");
    if (arf_is_neg_inf(v))
        return dup_str("-inf");
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
    bits = FLINT_MAX(arf_bits(v), 2);
    mpfr_init2(m, bits);
    arf_get_mpfr(m, v, MPFR_RNDN);      /* exact: m has arf_bits(v) bits */
    if (!mpfr_number_p(m) || (mpfr_zero_p(m) && !arf_is_zero(v)))
        r = dup_str(up ? (arf_sgn(v) > 0 ? "inf" : "0") : (arf_sgn(v) > 0 ? "0" : "-inf"));
    else if (mpfr_asprintf(&s, up ? "%.*RUg" : "%.*RDg", (int) digits, m) < 0)
        r = dup_str(up ? "inf" : "-inf");   /* still a bound */
    else
    {
        r = dup_str(s);
        mpfr_free_str(s);
    }
    mpfr_clear(m);
    mpfr_set_emin(emin);
    mpfr_set_emax(emax);
    return r;
}

void sc_arb_bounds(char **lo, char **hi, const arb_t x, slong digits)
{
    arf_t e;
    slong prec = ends_prec(x);
    if (digits < 1)
        digits = 1;
    arf_init(e);
    if (arf_is_nan(arb_midref(x)))
    {
        *lo = dup_str("nan");
        *hi = dup_str("nan");
    }
    else
    {
        arb_get_lbound_arf(e, x, prec);      /* rounded down */
        *lo = arf_dec(e, digits, 0);
        arb_get_ubound_arf(e, x, prec);      /* rounded up */
        *hi = arf_dec(e, digits, 1);
    }
    arf_clear(e);
}

/* Exact number of decimal digits of |z| (0 for z = 0); fmpz_sizeinbase may
   count one too many, which made the digit loop start a decade too coarse. */
static slong dec_len(const fmpz_t z)
{
    slong n;
    fmpz_t p;
    if (fmpz_is_zero(z))
        return 0;
    n = (slong) fmpz_sizeinbase(z, 10);
    fmpz_init(p);
    fmpz_ui_pow_ui(p, 10, (ulong) (n - 1));
    if (fmpz_cmpabs(z, p) < 0)
        n--;
    fmpz_clear(p);
    return n;
}

/* |z| as n digits (leading zeros) into d (z has at most n digits). */
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
    if (k >= 0)
    {
        arf_mul_fmpz(t, v, p, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_get_fmpz(z, t, up ? ARF_RND_CEIL : ARF_RND_FLOOR);
    }
    else
    {
        arf_get_fmpz(z, v, up ? ARF_RND_CEIL : ARF_RND_FLOOR);
        if (up)
            fmpz_cdiv_q(z, z, p);
        else
            fmpz_fdiv_q(z, z, p);
    }
    arf_clear(t);
    fmpz_clear(p);
}

/* For a huge exponent: z = floor (up = 0) or ceil (up = 1) of the lower
   (hi = 0) or upper (hi = 1) end of a ball enclosing v * 10^k, at precision
   prec.  The ball contains v 10^k, so z is a lower (upper) bound of its
   floor/ceil: the monotone-map argument of the exact path holds. */
static void scaled_int_ball(fmpz_t z, const arf_t v, const fmpz_t k, int up, int hi, slong prec)
{
    arb_t y, p;
    arf_t e;
    fmpz_t ak;
    arb_init(y);
    arb_init(p);
    arf_init(e);
    fmpz_init(ak);
    fmpz_abs(ak, k);
    arb_set_ui(p, 10);
    arb_pow_fmpz(p, p, ak, prec);
    arb_set_arf(y, v);
    if (fmpz_sgn(k) >= 0)
        arb_mul(y, y, p, prec);
    else
        arb_div(y, y, p, prec);
    if (hi)
        arb_get_ubound_arf(e, y, prec);
    else
        arb_get_lbound_arf(e, y, prec);
    arf_get_fmpz(z, e, up ? ARF_RND_CEIL : ARF_RND_FLOOR);
    arb_clear(y);
    arb_clear(p);
    arf_clear(e);
    fmpz_clear(ak);
}

/* e10 <= floor((e2 - 1) log10 2) + 1, and e10 >= that floor - 1, so that
   |v| 10^(digits + 1 - e10) has at least digits + 1 digits for |v| >=
   2^(e2 - 1).  Integer arithmetic for moderate e2 (0.30103 exceeds log10 2
   by less than 4.4e-9, so for |e2| <= 2^22 the floor is at most one too
   large), a ball lower bound beyond. */
static void dec_exponent(fmpz_t e10, const fmpz_t e2)
{
    fmpz_t t;
    fmpz_init(t);
    fmpz_sub_ui(t, e2, 1);
    if (fmpz_bits(t) <= EXACT_E2_BITS)
    {
        fmpz_mul_ui(t, t, 30103);
        fmpz_fdiv_q_ui(e10, t, 100000);
    }
    else
    {
        slong prec = fmpz_bits(t) + 64;
        arb_t a, b;
        arf_t lo;
        arb_init(a);
        arb_init(b);
        arf_init(lo);
        arb_const_log2(a, prec);
        arb_const_log10(b, prec);
        arb_div(a, a, b, prec);
        arb_mul_fmpz(a, a, t, prec);
        arb_get_lbound_arf(lo, a, prec);
        arf_get_fmpz(e10, lo, ARF_RND_FLOOR);
        fmpz_sub_ui(e10, e10, 1);
        arb_clear(a);
        arb_clear(b);
        arf_clear(lo);
    }
    fmpz_clear(t);
}

/* Lay out sign, digits c[0..len-1] (value S) and the exponent ue of the
   unit of the last digit (value S 10^ue) as described in print.h. */
static char *layout(int sign, const char *c, slong len, const fmpz_t ue)
{
    slong z = 0, sig, i, pos = 0, u, E;
    fmpz_t Ez;
    char *r, *es;
    while (z < len && c[z] == '0')
        z++;
    sig = len - z;
    c += z;
    fmpz_init(Ez);
    fmpz_add_si(Ez, ue, sig > 0 ? sig - 1 : 0);     /* exponent of the leading digit */
    /* fixed notation: last digit at 10^0 or below, leading digit at 10^-6
       or above (zero: unit between 10^-6 and 10^0) */
    if (fmpz_sgn(ue) <= 0 && fmpz_cmp_si(Ez, -6) >= 0)
    {
        u = fmpz_get_si(ue);
        E = fmpz_get_si(Ez);
        r = flint_malloc(sig - u + 16);
        if (sig == 0)
        {
            r[pos++] = '0';
            if (u < 0)
            {
                r[pos++] = '.';
                for (i = 0; i < -u; i++)
                    r[pos++] = '0';
            }
        }
        else
        {
            if (sign < 0)
                r[pos++] = '-';
            if (E >= 0)
            {
                for (i = 0; i < sig; i++)
                {
                    if (i == E + 1)
                        r[pos++] = '.';
                    r[pos++] = c[i];
                }
            }
            else
            {
                r[pos++] = '0';
                r[pos++] = '.';
                for (i = 0; i < -E - 1; i++)
                    r[pos++] = '0';
                for (i = 0; i < sig; i++)
                    r[pos++] = c[i];
            }
        }
        r[pos] = '\0';
    }
    else
    {
        es = fmpz_get_str(NULL, 10, sig == 0 ? ue : Ez);
        r = flint_malloc(sig + strlen(es) + 16);
        if (sig == 0)
            r[pos++] = '0';
        else
        {
            if (sign < 0)
                r[pos++] = '-';
            r[pos++] = c[0];
            if (sig > 1)
            {
                r[pos++] = '.';
                for (i = 1; i < sig; i++)
                    r[pos++] = c[i];
            }
        }
        r[pos++] = 'e';
        strcpy(r + pos, es);
        flint_free(es);
    }
    fmpz_clear(Ez);
    return r;
}

/* The digit string of x and (nsig) its number of significant digits. */
static char *digits_str(const arb_t x, slong digits, slong *nsig)
{
    arf_t lo, hi;
    fmpz_t L, H, e2, t, e10, k, ue;
    slong prec, D, W, n, m;
    uint8_t *ld, *hd;
    char *out, *r = NULL;
    sc_digits_t res;
    int neg;

    *nsig = 0;
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

    prec = ends_prec(x);
    arf_init(lo); arf_init(hi);
    fmpz_init(L); fmpz_init(H); fmpz_init(e2); fmpz_init(t);
    fmpz_init(e10); fmpz_init(k); fmpz_init(ue);
    arb_get_lbound_arf(lo, x, prec);       /* lo <= every value */
    arb_get_ubound_arf(hi, x, prec);       /* hi >= every value */
    neg = arf_sgn(hi) <= 0;

    /* scale 10^k: about digits + 2 digits for the larger endpoint */
    if (arf_is_zero(lo))
        arf_abs_bound_lt_2exp_fmpz(e2, hi);
    else if (arf_is_zero(hi))
        arf_abs_bound_lt_2exp_fmpz(e2, lo);
    else
    {
        arf_abs_bound_lt_2exp_fmpz(e2, lo);
        arf_abs_bound_lt_2exp_fmpz(t, hi);
        if (fmpz_cmp(t, e2) > 0)
            fmpz_swap(t, e2);
    }
    dec_exponent(e10, e2);
    fmpz_set_si(k, digits + 1);
    fmpz_sub(k, k, e10);

    /* Images of the values: F(v) = floor(v 10^k) when hi > 0, C(v) =
       ceil(v 10^k) when hi <= 0; both are non-decreasing, so the images of
       the (outward-rounded) ends enclose every image (specs/VERIFIED.md). */
    if (fmpz_bits(e2) <= EXACT_E2_BITS)
    {
        scaled_int(L, lo, fmpz_get_si(k), neg);
        scaled_int(H, hi, fmpz_get_si(k), neg);
    }
    else
    {
        slong pw = prec + 4 * (digits + 4) + 64;
        scaled_int_ball(L, lo, k, neg, 0, pw);
        scaled_int_ball(H, hi, k, neg, 1, pw);
    }

    /* Round to nearest at a unit u = 10^m (of the scaled integers): the
       printed S satisfies |v - S u| <= u/2 for every scaled value v.  Done
       with the verified truncation core on the exactly shifted bounds
       [L + u/2, H + u/2] ([L - u/2, H - u/2] for a ball <= 0), since
       rounding at u is truncation at u after the half-unit shift.  The
       finest unit at which the core certifies the whole prefix wins; units
       with 10^m <= H - L cannot (the shifted ends truncate differently),
       nor units coarser than 10^(D - digits) give more digits. */
    fmpz_abs(t, fmpz_cmpabs(L, H) > 0 ? L : H);
    D = dec_len(t);
    fmpz_sub(t, H, L);
    W = dec_len(t);
    n = D + 2;                                   /* room for a carry */
    if (n > SC_DIGITS_MAX)
    {
        r = dup_str("nan");                      /* unreachable: D ~ digits + 3 */
        goto cleanup;
    }
    {
        fmpz_t Ls, Hs, half;
        fmpz_init(Ls); fmpz_init(Hs); fmpz_init(half);
        ld = flint_malloc(n);
        hd = flint_malloc(n);
        out = flint_malloc(n + 1);
        for (m = FLINT_MAX(FLINT_MAX(1, D - digits), W); m <= n && r == NULL; m++)
        {
            slong len, z;
            fmpz_ui_pow_ui(half, 10, (ulong) (m - 1));
            fmpz_mul_ui(half, half, 5);          /* u/2, exact since m >= 1 */
            if (neg)
            {
                fmpz_sub(Ls, L, half);
                fmpz_sub(Hs, H, half);
            }
            else
            {
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
            *nsig = len - z;
            fmpz_set_si(ue, m);
            fmpz_sub(ue, ue, k);
            r = layout(res.sign, out, len, ue);
        }
        if (r == NULL)
        {
            fmpz_set_si(ue, n);                   /* |x| below the top unit */
            fmpz_sub(ue, ue, k);
            r = layout(0, "0", 0, ue);
        }
        flint_free(ld); flint_free(hd); flint_free(out);
        fmpz_clear(Ls); fmpz_clear(Hs); fmpz_clear(half);
    }
cleanup:
    fmpz_clear(L); fmpz_clear(H); fmpz_clear(e2); fmpz_clear(t);
    fmpz_clear(e10); fmpz_clear(k); fmpz_clear(ue);
    arf_clear(lo); arf_clear(hi);
    return r;
}

char *sc_arb_digits(const arb_t x, slong digits)
{
    slong nsig;
    return digits_str(x, digits, &nsig);
}

slong sc_arb_digits_count(const arb_t x, slong digits)
{
    slong nsig;
    flint_free(digits_str(x, digits, &nsig));
    return nsig;
}

void sc_print_json_real(FILE *f, const arb_t x, slong digits)
{
    char *lo, *hi, *d;
    sc_arb_bounds(&lo, &hi, x, digits);
    d = sc_arb_digits(x, digits);
    fprintf(f, "{\"lo\": \"%s\", \"hi\": \"%s\", \"digits\": \"%s\"}", lo, hi, d);
    flint_free(lo); flint_free(hi); flint_free(d);
}
