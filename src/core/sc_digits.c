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
    for (j = len; j < n; j++) {
        /*@ assert sc_dval(l, j + 1) == 10 * sc_dval(l, j) + l[j]; */
        /*@ assert sc_dval(h, j + 1) == 10 * sc_dval(h, j) + h[j]; */
        /*@ assert 0 <= l[j] <= 9 && 0 <= h[j] <= 9; */
        /*@ assert sc_p10(j + 1 - len) == 10 * sc_p10(j - len); */
        /*@ assert sc_dval(l, len) * sc_p10(j + 1 - len)
                   == 10 * (sc_dval(l, len) * sc_p10(j - len)); */
        /*@ assert (sc_dval(h, len) + 1) * sc_p10(j + 1 - len)
                   == 10 * ((sc_dval(h, len) + 1) * sc_p10(j - len)); */
    }
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

/* The case 0 <= L (then truncation toward zero is the floor): the digits
   are the common prefix of the magnitudes lo <= hi, capped at maxsig
   significant digits; every v in [lo, hi] lies in [S*u, (S+1)*u). */
/*@ requires 0 <= n <= SC_DIGITS_MAX && 1 <= maxsig <= SC_DIGITS_MAX;
    requires 0 <= lz <= n;
    requires \forall integer j; 0 <= j < lz ==> lo[j] == 0;
    requires \valid_read(lo + (0 .. n - 1)) && \valid_read(hi + (0 .. n - 1));
    requires \valid(out + (0 .. n - 1));
    requires sc_digits(lo, n) && sc_digits(hi, n);
    requires \separated(out + (0 .. n - 1), lo + (0 .. n - 1), hi + (0 .. n - 1));
    assigns out[0 .. n - 1];
    ensures 0 <= \result <= n;
    ensures sc_chars(out, \result);
    ensures \result > maxsig ==>
        \forall integer j; 0 <= j < \result - maxsig ==> out[j] == '0';
    ensures sc_cval(out, \result) >= 0;
    ensures sc_tlo(sc_cval(out, \result), n - \result) <= sc_dval(lo, n);
    ensures sc_dval(hi, n) < sc_thi(sc_cval(out, \result), n - \result);
    ensures sc_thi(sc_cval(out, \result), n - \result) >= 1;
    ensures sc_dval(lo, n) >= 0 && sc_dval(hi, n) >= 0;
*/
static int32_t prefix_digits(const uint8_t *lo, const uint8_t *hi, int32_t n,
                             int32_t maxsig, int32_t lz, char *out)
{
    int32_t i = sc_digits_common(lo, hi, n);
    int32_t cap = lz + maxsig;
    int32_t len = i < cap ? i : cap;
    emit(out, lo, len);
    sc_digits_bracket(lo, hi, len, n);
    sc_digits_chars_value(out, lo, len);
    /*@ assert sc_cval(out, len) == sc_dval(lo, len) == sc_dval(hi, len); */
    return len;
}

int sc_digits_certify(int32_t lneg, const uint8_t *lmag, int32_t hneg,
                      const uint8_t *hmag, int32_t n, int32_t maxsig,
                      char *out, sc_digits_t *res)
{
    int32_t lzl = sc_digits_lz(lmag, n);
    int32_t lzh = sc_digits_lz(hmag, n);
    int32_t len;
    if (lneg == 0 || lzl == n) {
        /* 0 <= L: magnitudes L <= H */
        len = prefix_digits(lmag, hmag, n, maxsig, lzl, out);
        /*@ assert lneg != 0 ==> sc_dval(lmag, n) == 0; */
        /*@ assert sc_sval(lneg, lmag, n) == sc_dval(lmag, n); */
        /*@ assert sc_sval(hneg, hmag, n) <= sc_dval(hmag, n); */
        /*@ assert sc_tlo(sc_cval(out, len), n - len) <= sc_sval(lneg, lmag, n); */
        /*@ assert sc_sval(hneg, hmag, n) < sc_thi(sc_cval(out, len), n - len); */
        /*@ assert sc_trunc_pos(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n),
                                sc_cval(out, len), n - len); */
        res->sign = 1;
    } else if (hneg != 0 || lzh == n) {
        /* L < 0, H <= 0: mirror, magnitudes |H| <= |L| */
        len = prefix_digits(hmag, lmag, n, maxsig, lzh, out);
        /*@ assert hneg == 0 ==> sc_dval(hmag, n) == 0; */
        /*@ assert sc_sval(hneg, hmag, n) == -sc_dval(hmag, n); */
        /*@ assert sc_sval(lneg, lmag, n) == -sc_dval(lmag, n); */
        /*@ assert sc_sval(hneg, hmag, n) <= -sc_tlo(sc_cval(out, len), n - len); */
        /*@ assert -sc_thi(sc_cval(out, len), n - len) < sc_sval(lneg, lmag, n); */
        /*@ assert sc_trunc_neg(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n),
                                sc_cval(out, len), n - len); */
        res->sign = -1;
    } else {
        /* L < 0 < H: only the common leading zeros are certified */
        len = lzl < lzh ? lzl : lzh;
        emit(out, lmag, len);
        sc_digits_chars_value(out, lmag, len);
        sc_digits_chars_value(out, hmag, len);
        sc_digits_bracket(lmag, lmag, len, n);
        sc_digits_bracket(hmag, hmag, len, n);
        /*@ assert sc_cval(out, len) == 0; */
        /*@ assert sc_tlo(0, n - len) == 0 && sc_thi(0, n - len) == sc_p10(n - len); */
        /*@ assert sc_sval(lneg, lmag, n) == -sc_dval(lmag, n); */
        /*@ assert sc_sval(hneg, hmag, n) == sc_dval(hmag, n); */
        /*@ assert -sc_p10(n - len) < sc_sval(lneg, lmag, n); */
        /*@ assert sc_sval(hneg, hmag, n) < sc_p10(n - len); */
        /*@ assert sc_trunc_zero(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n),
                                 n - len); */
        res->sign = 0;
    }
    res->len = len;
    res->drop = n - len;
    return 0;
}
