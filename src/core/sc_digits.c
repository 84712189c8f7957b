/* Verified core: certified decimal digits by the truncation rule (contracts
   in include/synccert/core.h, logic in specs/sc_digits.acsl).  The two
   inductive facts the proof needs are ghost lemma functions: their loops
   are inductions that WP checks through the invariants, and being ghost
   they are not compiled. */
#include "synccert/core.h"

/* Lemma: if l and h agree on their first len digits, then with S = value
   of those digits and u = 10^(n-len): S*u <= value(l), value(h) < (S+1)*u. */
/*@ ghost
  /@ requires len_range: 0 <= len <= n <= SC_DIGITS_MAX;
     requires l_readable: \valid_read(l + (0 .. n - 1));
     requires h_readable: \valid_read(h + (0 .. n - 1));
     requires l_digits: sc_digits(l, n);
     requires h_digits: sc_digits(h, n);
     requires common: \forall integer j; 0 <= j < len ==> l[j] == h[j];
     assigns \nothing;
     ensures unit_pos: sc_p10(n - len) >= 1;
     ensures nonneg: sc_dval(l, len) >= 0 && sc_dval(l, n) >= 0 && sc_dval(h, n) >= 0;
     ensures same_prefix: sc_dval(l, len) == sc_dval(h, len);
     ensures lo_bracket: sc_tlo(sc_dval(l, len), n - len) <= sc_dval(l, n);
     ensures hi_bracket: sc_dval(h, n) < sc_thi(sc_dval(h, len), n - len);
     ensures hi_pos: sc_thi(sc_dval(h, len), n - len) >= 1;
  @/
  static void lemma_bracket(const uint8_t *l, const uint8_t *h, int32_t len, int32_t n)
  {
    int32_t j;
    /@ loop invariant j_range: 0 <= j <= len;
       loop invariant same_prefix: sc_dval(l, j) == sc_dval(h, j);
       loop invariant nonneg: sc_dval(l, j) >= 0;
       loop assigns j;
       loop variant len - j; @/
    for (j = 0; j < len; j++)
      ;
    /@ loop invariant j_range: len <= j <= n;
       loop invariant unit_pos: sc_p10(j - len) >= 1;
       loop invariant nonneg: sc_dval(l, j) >= 0 && sc_dval(h, j) >= 0;
       loop invariant lo_bracket: sc_dval(l, len) * sc_p10(j - len) <= sc_dval(l, j);
       loop invariant hi_bracket:
           sc_dval(h, j) <= (sc_dval(h, len) + 1) * sc_p10(j - len) - 1;
       loop assigns j;
       loop variant n - j; @/
    for (j = len; j < n; j++) {
      /@ assert l_step: sc_dval(l, j + 1) == 10 * sc_dval(l, j) + l[j]; @/
      /@ assert h_step: sc_dval(h, j + 1) == 10 * sc_dval(h, j) + h[j]; @/
      /@ assert digits_j: 0 <= l[j] <= 9 && 0 <= h[j] <= 9; @/
      /@ assert p10_step: sc_p10(j + 1 - len) == 10 * sc_p10(j - len); @/
      /@ assert lo_step: sc_dval(l, len) * sc_p10(j + 1 - len)
                 == 10 * (sc_dval(l, len) * sc_p10(j - len)); @/
      /@ assert hi_step: (sc_dval(h, len) + 1) * sc_p10(j + 1 - len)
                 == 10 * ((sc_dval(h, len) + 1) * sc_p10(j - len)); @/
    }
  }
*/

/* Lemma: the characters c[0 .. len-1] written as '0' + d[j] have the value
   of the digits d[0 .. len-1]; zero when those digits are zero. */
/*@ ghost
  /@ requires len_range: 0 <= len <= SC_DIGITS_MAX;
     requires d_readable: \valid_read(d + (0 .. len - 1));
     requires c_readable: \valid_read(c + (0 .. len - 1));
     requires d_digits: sc_digits(d, len);
     requires chars_of_d: \forall integer j; 0 <= j < len ==> c[j] == '0' + d[j];
     assigns \nothing;
     ensures same_value: sc_cval(c, len) == sc_dval(d, len);
     ensures nonneg: sc_dval(d, len) >= 0;
     ensures zero: (\forall integer j; 0 <= j < len ==> d[j] == 0) ==>
                   sc_dval(d, len) == 0;
  @/
  static void lemma_chars_value(const char *c, const uint8_t *d, int32_t len)
  {
    int32_t j;
    /@ loop invariant j_range: 0 <= j <= len;
       loop invariant same_value: sc_cval(c, j) == sc_dval(d, j);
       loop invariant nonneg: sc_dval(d, j) >= 0;
       loop invariant zero: (\forall integer k; 0 <= k < j ==> d[k] == 0) ==>
                            sc_dval(d, j) == 0;
       loop assigns j;
       loop variant len - j; @/
    for (j = 0; j < len; j++)
      ;
  }
*/

int32_t sc_digits_common(const uint8_t *l, const uint8_t *h, int32_t n)
{
    int32_t i = 0;
    /*@ loop invariant i_range: 0 <= i <= n;
        loop invariant common: \forall integer j; 0 <= j < i ==> l[j] == h[j];
        loop assigns i;
        loop variant n - i; */
    while (i < n && l[i] == h[i])
        i++;
    return i;
}

int32_t sc_digits_lz(const uint8_t *d, int32_t n)
{
    int32_t i = 0;
    /*@ loop invariant i_range: 0 <= i <= n;
        loop invariant zeros: \forall integer j; 0 <= j < i ==> d[j] == 0;
        loop invariant zero_value: sc_dval(d, i) == 0;
        loop assigns i;
        loop variant n - i; */
    while (i < n && d[i] == 0)
        i++;
    return i;
}

/* Write c[j] = '0' + d[j] for j < len. */
/*@ requires len_range: 0 <= len <= SC_DIGITS_MAX;
    requires d_readable: \valid_read(d + (0 .. len - 1));
    requires c_writable: \valid(c + (0 .. len - 1));
    requires d_digits: sc_digits(d, len);
    assigns c[0 .. len - 1];
    ensures chars_of_d: \forall integer j; 0 <= j < len ==> c[j] == '0' + d[j];
    ensures chars: sc_chars(c, len);
*/
static void emit(char *c, const uint8_t *d, int32_t len)
{
    int32_t j;
    /*@ loop invariant j_range: 0 <= j <= len;
        loop invariant chars_of_d: \forall integer k; 0 <= k < j ==> c[k] == '0' + d[k];
        loop assigns j, c[0 .. len - 1];
        loop variant len - j; */
    for (j = 0; j < len; j++)
        c[j] = (char) ('0' + d[j]);
}

/* The case 0 <= L (then truncation toward zero is the floor): the digits
   are the common prefix of the magnitudes lo <= hi, capped at maxsig
   significant digits; every v in [lo, hi] lies in [S*u, (S+1)*u). */
/*@ requires n_range: 0 <= n <= SC_DIGITS_MAX;
    requires maxsig_range: 1 <= maxsig <= SC_DIGITS_MAX;
    requires lz_range: 0 <= lz <= n;
    requires lz_zeros: \forall integer j; 0 <= j < lz ==> lo[j] == 0;
    requires lo_readable: \valid_read(lo + (0 .. n - 1));
    requires hi_readable: \valid_read(hi + (0 .. n - 1));
    requires out_writable: \valid(out + (0 .. n - 1));
    requires lo_digits: sc_digits(lo, n);
    requires hi_digits: sc_digits(hi, n);
    requires separated: \separated(out + (0 .. n - 1), lo + (0 .. n - 1),
                                   hi + (0 .. n - 1));
    assigns out[0 .. n - 1];
    ensures len_range: 0 <= \result <= n;
    ensures chars: sc_chars(out, \result);
    ensures maxsig_cap: \result > maxsig ==>
        \forall integer j; 0 <= j < \result - maxsig ==> out[j] == '0';
    ensures value_nonneg: sc_cval(out, \result) >= 0;
    ensures lo_bracket: sc_tlo(sc_cval(out, \result), n - \result) <= sc_dval(lo, n);
    ensures hi_bracket: sc_dval(hi, n) < sc_thi(sc_cval(out, \result), n - \result);
    ensures hi_pos: sc_thi(sc_cval(out, \result), n - \result) >= 1;
    ensures mags_nonneg: sc_dval(lo, n) >= 0 && sc_dval(hi, n) >= 0;
*/
static int32_t prefix_digits(const uint8_t *lo, const uint8_t *hi, int32_t n,
                             int32_t maxsig, int32_t lz, char *out)
{
    int32_t i = sc_digits_common(lo, hi, n);
    int32_t cap = lz + maxsig;
    int32_t len = i < cap ? i : cap;
    emit(out, lo, len);
    /*@ ghost lemma_bracket(lo, hi, len, n); */
    /*@ ghost lemma_chars_value(out, lo, len); */
    /*@ assert out_value: sc_cval(out, len) == sc_dval(lo, len) == sc_dval(hi, len); */
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
        /*@ assert pos_lneg_zero: lneg != 0 ==> sc_dval(lmag, n) == 0; */
        /*@ assert pos_L: sc_sval(lneg, lmag, n) == sc_dval(lmag, n); */
        /*@ assert pos_H: sc_sval(hneg, hmag, n) <= sc_dval(hmag, n); */
        /*@ assert pos_lo: sc_tlo(sc_cval(out, len), n - len) <= sc_sval(lneg, lmag, n); */
        /*@ assert pos_hi: sc_sval(hneg, hmag, n) < sc_thi(sc_cval(out, len), n - len); */
        /*@ assert pos_rule: sc_trunc_pos(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n),
                                          sc_cval(out, len), n - len); */
        res->sign = 1;
    } else if (hneg != 0 || lzh == n) {
        /* L < 0, H <= 0: mirror, magnitudes |H| <= |L| */
        len = prefix_digits(hmag, lmag, n, maxsig, lzh, out);
        /*@ assert neg_hneg_zero: hneg == 0 ==> sc_dval(hmag, n) == 0; */
        /*@ assert neg_H: sc_sval(hneg, hmag, n) == -sc_dval(hmag, n); */
        /*@ assert neg_L: sc_sval(lneg, lmag, n) == -sc_dval(lmag, n); */
        /*@ assert neg_hi: sc_sval(hneg, hmag, n) <= -sc_tlo(sc_cval(out, len), n - len); */
        /*@ assert neg_lo: -sc_thi(sc_cval(out, len), n - len) < sc_sval(lneg, lmag, n); */
        /*@ assert neg_rule: sc_trunc_neg(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n),
                                          sc_cval(out, len), n - len); */
        res->sign = -1;
    } else {
        /* L < 0 < H: only the common leading zeros are certified */
        len = lzl < lzh ? lzl : lzh;
        emit(out, lmag, len);
        /*@ ghost lemma_chars_value(out, lmag, len); */
        /*@ ghost lemma_chars_value(out, hmag, len); */
        /*@ ghost lemma_bracket(lmag, lmag, len, n); */
        /*@ ghost lemma_bracket(hmag, hmag, len, n); */
        /*@ assert zero_value: sc_cval(out, len) == 0; */
        /*@ assert zero_unit: sc_tlo(0, n - len) == 0 && sc_thi(0, n - len) == sc_p10(n - len); */
        /*@ assert zero_L: sc_sval(lneg, lmag, n) == -sc_dval(lmag, n); */
        /*@ assert zero_H: sc_sval(hneg, hmag, n) == sc_dval(hmag, n); */
        /*@ assert zero_lo: -sc_p10(n - len) < sc_sval(lneg, lmag, n); */
        /*@ assert zero_hi: sc_sval(hneg, hmag, n) < sc_p10(n - len); */
        /*@ assert zero_rule: sc_trunc_zero(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n),
                                           n - len); */
        res->sign = 0;
    }
    res->len = len;
    res->drop = n - len;
    return 0;
}
