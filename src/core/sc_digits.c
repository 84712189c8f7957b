/* Verified core: certified decimal digits by the truncation rule (contracts
   in include/synccert/core.h).  The empty-bodied loops in
   sc_digits_bracket and sc_digits_chars_value are proofs by induction that
   WP checks (their invariants); they cost O(n) and change nothing. */
#include "synccert/core.h"

int32_t sc_digits_common(const uint8_t *l, const uint8_t *h, int32_t n)
{
    int32_t i = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer j; 0 <= j < i ==> l[j] == h[j];
        loop assigns i;
        loop variant n - i; */
    while (i < n && l[i] == h[i])
        i++;
    return i;
}

int32_t sc_digits_lz(const uint8_t *d, int32_t n)
{
    int32_t i = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer j; 0 <= j < i ==> d[j] == 0;
        loop invariant sc_dval(d, i) == 0;
        loop assigns i;
        loop variant n - i; */
    while (i < n && d[i] == 0)
        i++;
    return i;
}

int sc_digits_bracket(const uint8_t *l, const uint8_t *h, int32_t len, int32_t n)
{
    int32_t j;
    /*@ loop invariant 0 <= j <= len;
        loop invariant sc_dval(l, j) == sc_dval(h, j);
        loop invariant sc_dval(l, j) >= 0;
        loop assigns j;
        loop variant len - j; */
    for (j = 0; j < len; j++)
        ;
    /*@ loop invariant len <= j <= n;
        loop invariant sc_p10(j - len) >= 1;
        loop invariant sc_dval(l, j) >= 0 && sc_dval(h, j) >= 0;
        loop invariant sc_dval(l, len) * sc_p10(j - len) <= sc_dval(l, j);
        loop invariant sc_dval(h, j) <= (sc_dval(h, len) + 1) * sc_p10(j - len) - 1;
        loop assigns j;
        loop variant n - j; */
    for (j = len; j < n; j++)
        ;
    return 1;
}

int sc_digits_chars_value(const char *c, const uint8_t *d, int32_t len)
{
    int32_t j;
    /*@ loop invariant 0 <= j <= len;
        loop invariant sc_cval(c, j) == sc_dval(d, j) && sc_dval(d, j) >= 0;
        loop invariant (\forall integer k; 0 <= k < j ==> d[k] == 0) ==> sc_dval(d, j) == 0;
        loop assigns j;
        loop variant len - j; */
    for (j = 0; j < len; j++)
        ;
    return 1;
}

/* Write c[j] = '0' + d[j] for j < len. */
/*@ requires 0 <= len <= SC_DIGITS_MAX;
    requires \valid_read(d + (0 .. len - 1)) && \valid(c + (0 .. len - 1));
    requires sc_digits(d, len);
    assigns c[0 .. len - 1];
    ensures \forall integer j; 0 <= j < len ==> c[j] == '0' + d[j];
    ensures sc_chars(c, len);
*/
static void emit(char *c, const uint8_t *d, int32_t len)
{
    int32_t j;
    /*@ loop invariant 0 <= j <= len;
        loop invariant \forall integer k; 0 <= k < j ==> c[k] == '0' + d[k];
        loop assigns j, c[0 .. len - 1];
        loop variant len - j; */
    for (j = 0; j < len; j++)
        c[j] = (char) ('0' + d[j]);
}

int sc_digits_certify(int32_t lneg, const uint8_t *lmag, int32_t hneg,
                      const uint8_t *hmag, int32_t n, int32_t maxsig,
                      char *out, sc_digits_t *res)
{
    int32_t lzl = sc_digits_lz(lmag, n);
    int32_t lzh = sc_digits_lz(hmag, n);
    int32_t i, len, cap;
    if (lneg == 0 || lzl == n) {
        /* 0 <= L: truncation toward zero is floor; magnitudes L <= H */
        i = sc_digits_common(lmag, hmag, n);
        cap = lzl + maxsig;
        len = i < cap ? i : cap;
        emit(out, lmag, len);
        sc_digits_bracket(lmag, hmag, len, n);
        sc_digits_chars_value(out, lmag, len);
        res->sign = 1;
    } else if (hneg != 0 || lzh == n) {
        /* L < 0, H <= 0: mirror, magnitudes |H| <= |L| */
        i = sc_digits_common(hmag, lmag, n);
        cap = lzh + maxsig;
        len = i < cap ? i : cap;
        emit(out, hmag, len);
        sc_digits_bracket(hmag, lmag, len, n);
        sc_digits_chars_value(out, hmag, len);
        res->sign = -1;
    } else {
        /* L < 0 < H: only the common leading zeros are certified */
        len = lzl < lzh ? lzl : lzh;
        emit(out, lmag, len);
        sc_digits_chars_value(out, lmag, len);
        sc_digits_chars_value(out, hmag, len);
        sc_digits_bracket(lmag, lmag, len, n);
        sc_digits_bracket(hmag, hmag, len, n);
        res->sign = 0;
    }
    res->len = len;
    res->drop = n - len;
    return 0;
}
