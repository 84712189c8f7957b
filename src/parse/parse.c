/* Exact parsing of decimal and rational inputs (see parse.h). */
#include <ctype.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <flint/fmpz.h>
#include "synccert/parse.h"

#define SC_EXP_LIMIT 1000

/* Parse an optionally signed run of digits; returns pointer past it or NULL. */
static const char *parse_digits(fmpz_t v, slong *ndig, const char *s)
{
    const char *p = s;
    while (isdigit((unsigned char) *p))
    {
        fmpz_mul_ui(v, v, 10);
        fmpz_add_ui(v, v, (ulong) (*p - '0'));
        p++;
    }
    *ndig = p - s;
    return p;
}

/* 1: parsed; 0: not a decimal; 2: a decimal whose exponent is beyond
   +-SC_EXP_LIMIT. */
static int parse_decimal(fmpq_t x, const char *s)
{
    fmpz_t m, pw;
    slong nint = 0, nfrac = 0, nexp = 0, e = 0;
    int neg = 0, eneg = 0, ok = 0;
    const char *p = s;

    fmpz_init(m);
    fmpz_init(pw);
    if (*p == '+' || *p == '-')
        neg = (*p++ == '-');
    p = parse_digits(m, &nint, p);
    if (*p == '.')
        p = parse_digits(m, &nfrac, p + 1);
    if (nint + nfrac == 0)
        goto done;
    if (*p == 'e' || *p == 'E')
    {
        p++;
        if (*p == '+' || *p == '-')
            eneg = (*p++ == '-');
        while (isdigit((unsigned char) *p))
        {
            if (e <= SC_EXP_LIMIT)
                e = 10 * e + (*p - '0');
            p++;
            nexp++;
        }
        if (nexp == 0)
            goto done;
        if (e > SC_EXP_LIMIT)
        {
            ok = *p == '\0' ? 2 : 0;
            goto done;
        }
        if (eneg)
            e = -e;
    }
    if (*p != '\0')
        goto done;
    e -= nfrac;
    if (neg)
        fmpz_neg(m, m);
    fmpz_set_ui(pw, 10);
    fmpz_pow_ui(pw, pw, (ulong) (e < 0 ? -e : e));
    if (e >= 0)
    {
        fmpz_mul(m, m, pw);
        fmpz_one(pw);
    }
    fmpq_set_fmpz_frac(x, m, pw);   /* canonicalises */
    ok = 1;
done:
    fmpz_clear(m);
    fmpz_clear(pw);
    return ok;
}

/* "p/q" with integer p, q and q > 0. */
static int parse_ratio(fmpq_t x, const char *s, const char *slash)
{
    fmpz_t num, den;
    slong nd;
    const char *p = s;
    int neg = 0, ok = 0;

    fmpz_init(num);
    fmpz_init(den);
    if (*p == '+' || *p == '-')
        neg = (*p++ == '-');
    p = parse_digits(num, &nd, p);
    if (nd == 0 || p != slash)
        goto done;
    p = parse_digits(den, &nd, slash + 1);
    if (nd == 0 || *p != '\0' || fmpz_is_zero(den))
        goto done;
    if (neg)
        fmpz_neg(num, num);
    fmpq_set_fmpz_frac(x, num, den);
    ok = 1;
done:
    fmpz_clear(num);
    fmpz_clear(den);
    return ok;
}

int sc_parse_fmpq(fmpq_t x, const char *s, const char *what)
{
    const char *slash;
    int ok;

    if (s == NULL || *s == '\0')
        return sc_error(SC_ERR_INPUT, "%s: empty value", what);
    if (strlen(s) > 4096)
        return sc_error(SC_ERR_INPUT, "%s: number too long", what);
    slash = strchr(s, '/');
    ok = slash ? parse_ratio(x, s, slash) : parse_decimal(x, s);
    if (ok == 2)
        return sc_error(SC_ERR_INPUT, "%s: '%s': exponent out of range (at most %d in absolute value)",
                        what, s, SC_EXP_LIMIT);
    if (!ok)
        return sc_error(SC_ERR_INPUT,
            "%s: '%s' is not a number (expected a decimal like 0.25, 1e-3 or a ratio like 1/3)",
            what, s);
    return SC_OK;
}

int sc_parse_slong(slong *x, const char *s, const char *what, slong lo, slong hi)
{
    const char *p = s;
    fmpz_t v;
    slong nd;
    int neg = 0, ok;

    if (s == NULL || *s == '\0')
        return sc_error(SC_ERR_INPUT, "%s: empty value", what);
    fmpz_init(v);
    if (*p == '+' || *p == '-')
        neg = (*p++ == '-');
    p = parse_digits(v, &nd, p);
    ok = (nd > 0 && *p == '\0');
    if (ok && neg)
        fmpz_neg(v, v);
    if (!ok)
    {
        fmpz_clear(v);
        return sc_error(SC_ERR_INPUT, "%s: '%s' is not an integer", what, s);
    }
    if (fmpz_cmp_si(v, lo) < 0 || fmpz_cmp_si(v, hi) > 0)
    {
        fmpz_clear(v);
        return sc_error(SC_ERR_INPUT, "%s: %s is out of range [%ld, %ld]", what, s, lo, hi);
    }
    *x = fmpz_get_si(v);
    fmpz_clear(v);
    return SC_OK;
}

int sc_parse_budget(double *seconds, const char *s)
{
    fmpq_t b;
    int st;
    fmpq_init(b);
    if ((st = sc_parse_fmpq(b, s, "--budget")) == SC_OK)
    {
        if (fmpq_sgn(b) <= 0 || fmpq_get_d(b) > SC_BUDGET_MAX)
            st = sc_error(SC_ERR_INPUT, "--budget must be in (0, %g] seconds, got '%s'", SC_BUDGET_MAX, s);
        else
            *seconds = FLINT_MAX(fmpq_get_d(b), 1e-6);
    }
    fmpq_clear(b);
    return st;
}

int sc_parse_range(fmpq_t lo, fmpq_t hi, const char *s, const char *what)
{
    const char *colon;
    char buf[4100];
    size_t n;
    int st;

    if (s == NULL || *s == '\0')
        return sc_error(SC_ERR_INPUT, "%s: empty range", what);
    colon = strchr(s, ':');
    if (colon == NULL)
    {
        st = sc_parse_fmpq(lo, s, what);
        if (st == SC_OK)
            fmpq_set(hi, lo);
        return st;
    }
    n = (size_t) (colon - s);
    if (n >= sizeof(buf) || strchr(colon + 1, ':') != NULL)
        return sc_error(SC_ERR_INPUT, "%s: malformed range '%s' (expected LO:HI)", what, s);
    memcpy(buf, s, n);
    buf[n] = '\0';
    if ((st = sc_parse_fmpq(lo, buf, what)) != SC_OK)
        return st;
    if ((st = sc_parse_fmpq(hi, colon + 1, what)) != SC_OK)
        return st;
    if (fmpq_cmp(lo, hi) > 0)
        return sc_error(SC_ERR_INPUT, "%s: empty range '%s' (LO > HI)", what, s);
    return SC_OK;
}
