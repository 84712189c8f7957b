/* synccert verified core: the few integer routines at which a bug would turn
   a correct enclosure into a wrong claim (verdict signs, printed digits,
   parameter boxes and the branch-and-bound work list).

   Why a separate module: these routines are pure C (fixed-width integers, no
   Arb, no libc, no allocation, no floating point) so that Frama-C/WP proves
   their ACSL contracts below (`make proofs`, see specs/VERIFIED.md).  The Arb
   glue (src/verdict.c, src/print.c, src/box.c) only converts balls to integer
   bounds by sound (outward, monotone) maps and lets these routines decide.

   The contracts are the documentation: read `ensures` as "what it is for". */
#ifndef SYNCCERT_CORE_H
#define SYNCCERT_CORE_H

#include <stdint.h>

/* ------------------------------------------------------------------------ */
/* Verdict logic on integer enclosures [lo, hi] (lo > hi: empty enclosure).  */

/*@ predicate sc_all_neg(integer lo, integer hi) =
        \forall real v; lo <= v <= hi ==> v < 0;
    predicate sc_all_pos(integer lo, integer hi) =
        \forall real v; lo <= v <= hi ==> v > 0;
    predicate sc_all_lt(integer xlo, integer xhi, integer ylo, integer yhi) =
        \forall real a, b; xlo <= a <= xhi && ylo <= b <= yhi ==> a < b;
    predicate sc_all_gt(integer xlo, integer xhi, integer ylo, integer yhi) =
        \forall real a, b; xlo <= a <= xhi && ylo <= b <= yhi ==> a > b;
*/

/* Three-valued sign of the enclosure [lo, hi]: -1 when every value is < 0,
   +1 when every value is > 0, 0 (undecided) otherwise.  An empty enclosure
   (lo > hi) is always undecided: no verdict is drawn from nothing. */
/*@ assigns \nothing;
    ensures \result == -1 || \result == 0 || \result == 1;
    ensures \result == -1 ==> lo <= hi && sc_all_neg(lo, hi);
    ensures \result ==  1 ==> lo <= hi && sc_all_pos(lo, hi);
    ensures \result ==  0 ==> lo > hi || (lo <= 0 && 0 <= hi);
    ensures lo <= hi && hi < 0 ==> \result == -1;
    ensures lo <= hi && lo > 0 ==> \result == 1;
*/
int sc_v_sign(int64_t lo, int64_t hi);

/* Comparison of two enclosures: -1 when every value of x is < every value of
   y, +1 when every value of x is > every value of y, 0 (undecided) when they
   touch or overlap, or when either is empty. */
/*@ assigns \nothing;
    ensures \result == -1 || \result == 0 || \result == 1;
    ensures \result == -1 ==> xlo <= xhi && ylo <= yhi && sc_all_lt(xlo, xhi, ylo, yhi);
    ensures \result ==  1 ==> xlo <= xhi && ylo <= yhi && sc_all_gt(xlo, xhi, ylo, yhi);
    ensures \result == 0 ==> xlo > xhi || ylo > yhi || (xlo <= yhi && ylo <= xhi);
    ensures xlo <= xhi && ylo <= yhi && xhi < ylo ==> \result == -1;
    ensures xlo <= xhi && ylo <= yhi && xlo > yhi ==> \result == 1;
*/
int sc_v_cmp(int64_t xlo, int64_t xhi, int64_t ylo, int64_t yhi);

/* ------------------------------------------------------------------------ */
/* Certified decimal digits.

   Input: an enclosure [L, H] of integers, each given as a sign flag and its
   magnitude as n decimal digits (values 0..9, most significant first, both
   padded to the same length n).  The caller obtains L = floor(lo * 10^k) and
   H = ceil(hi * 10^k) for a ball [lo, hi]; every value x of the ball then
   satisfies L <= x * 10^k <= H.  A "negative zero" (sign flag set, all digits
   zero) is just zero.

   Output: a sign class, the first `len` digits out[0..len-1] as characters
   '0'..'9' (a prefix of a magnitude, leading zeros included) and the number m = n - len of dropped
   digits.  With S = value of out[0..len-1] and unit u = 10^m, the rule (the
   truncation rule, proved below) is:
     sign +1:  S*u <= v < (S+1)*u      for every v in [L, H]
               (sc_tlo(S, m) = S*u, sc_thi(S, m) = (S+1)*u below)
     sign -1:  -(S+1)*u < v <= -S*u     for every v in [L, H]
     sign  0:  S == 0 and -u < v < u    for every v in [L, H]
   i.e. every printed digit, the last one included, is the digit of every
   value truncated toward zero at unit u.  At most `maxsig` significant
   digits (digits after the leading zeros) are returned.                     */

/*@ logic integer sc_p10(integer n) = n <= 0 ? 1 : 10 * sc_p10(n - 1);
    logic integer sc_dval{L}(uint8_t *d, integer n) =
        n <= 0 ? 0 : 10 * sc_dval(d, n - 1) + d[n - 1];
    predicate sc_digits{L}(uint8_t *d, integer n) =
        \forall integer j; 0 <= j < n ==> 0 <= d[j] <= 9;
    logic integer sc_sval{L}(integer neg, uint8_t *d, integer n) =
        neg != 0 ? -sc_dval(d, n) : sc_dval(d, n);
    logic integer sc_cval{L}(char *c, integer n) =
        n <= 0 ? 0 : 10 * sc_cval(c, n - 1) + (c[n - 1] - '0');
    logic integer sc_tlo(integer s, integer m) = s * sc_p10(m);
    logic integer sc_thi(integer s, integer m) = (s + 1) * sc_p10(m);
    // the three forms of the truncation rule, for every value v in [lo, hi]
    predicate sc_trunc_pos(integer lo, integer hi, integer s, integer m) =
        \forall real v; lo <= v <= hi ==> sc_tlo(s, m) <= v < sc_thi(s, m);
    predicate sc_trunc_neg(integer lo, integer hi, integer s, integer m) =
        \forall real v; lo <= v <= hi ==> -sc_thi(s, m) < v <= -sc_tlo(s, m);
    predicate sc_trunc_zero(integer lo, integer hi, integer m) =
        \forall real v; lo <= v <= hi ==> -sc_p10(m) < v < sc_p10(m);
    predicate sc_chars{L}(char *c, integer n) =
        \forall integer j; 0 <= j < n ==> '0' <= c[j] <= '9';
*/

#define SC_DIGITS_MAX 100000000   /* longest digit array the core accepts */

typedef struct {
    int32_t sign;   /* +1, -1 or 0 (straddles zero / zero) as above */
    int32_t len;    /* digits written to out[0..len-1] */
    int32_t drop;   /* m = n - len: the unit of the last digit is 10^m */
} sc_digits_t;

/* Length of the common prefix of two digit arrays; every prefix of it
   brackets both values (the key fact behind the truncation rule). */
/*@ requires 0 <= n <= SC_DIGITS_MAX;
    requires \valid_read(l + (0 .. n - 1)) && \valid_read(h + (0 .. n - 1));
    assigns \nothing;
    ensures 0 <= \result <= n;
    ensures \forall integer j; 0 <= j < \result ==> l[j] == h[j];
    ensures \result < n ==> l[\result] != h[\result];
*/
int32_t sc_digits_common(const uint8_t *l, const uint8_t *h, int32_t n);

/* Number of leading zero digits of d[0..n-1] (n if all are zero). */
/*@ requires 0 <= n <= SC_DIGITS_MAX;
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures 0 <= \result <= n;
    ensures \forall integer j; 0 <= j < \result ==> d[j] == 0;
    ensures \result < n ==> d[\result] != 0;
    ensures sc_dval(d, \result) == 0;
*/
int32_t sc_digits_lz(const uint8_t *d, int32_t n);

/* If l and h agree on their first `len` digits, then with S = value of those
   digits and u = 10^(n-len): S*u <= value(l) and value(h) < (S+1)*u. */
/*@ requires 0 <= len <= n <= SC_DIGITS_MAX;
    requires \valid_read(l + (0 .. n - 1)) && \valid_read(h + (0 .. n - 1));
    requires sc_digits(l, n) && sc_digits(h, n);
    requires \forall integer j; 0 <= j < len ==> l[j] == h[j];
    assigns \nothing;
    ensures \result == 1;
    ensures sc_p10(n - len) >= 1;
    ensures sc_dval(l, len) >= 0 && sc_dval(l, n) >= 0 && sc_dval(h, n) >= 0;
    ensures sc_dval(l, len) == sc_dval(h, len);
    ensures sc_tlo(sc_dval(l, len), n - len) <= sc_dval(l, n);
    ensures sc_dval(h, n) < sc_thi(sc_dval(h, len), n - len);
    ensures sc_thi(sc_dval(h, len), n - len) >= 1;
*/
int sc_digits_bracket(const uint8_t *l, const uint8_t *h, int32_t len, int32_t n);

/* Value of the characters c[0..len-1] written as '0' + d[j]: the same as
   the value of the digits d[0..len-1]; zero when those digits are zero. */
/*@ requires 0 <= len <= SC_DIGITS_MAX;
    requires \valid_read(d + (0 .. len - 1)) && \valid_read(c + (0 .. len - 1));
    requires sc_digits(d, len);
    requires \forall integer j; 0 <= j < len ==> c[j] == '0' + d[j];
    assigns \nothing;
    ensures \result == 1;
    ensures sc_cval(c, len) == sc_dval(d, len) && sc_dval(d, len) >= 0;
    ensures (\forall integer j; 0 <= j < len ==> d[j] == 0) ==> sc_dval(d, len) == 0;
*/
int sc_digits_chars_value(const char *c, const uint8_t *d, int32_t len);

/* The certified digits of the enclosure [L, H] (see the rule above) as
   characters; out must have room for n characters (no terminator written).
   At most maxsig digits after the leading zeros. */
/*@ requires 0 <= n <= SC_DIGITS_MAX && 1 <= maxsig <= SC_DIGITS_MAX;
    requires \valid_read(lmag + (0 .. n - 1)) && \valid_read(hmag + (0 .. n - 1));
    requires \valid(out + (0 .. n - 1)) && \valid(res);
    requires sc_digits(lmag, n) && sc_digits(hmag, n);
    requires \separated(out + (0 .. n - 1), lmag + (0 .. n - 1), hmag + (0 .. n - 1), res);
    assigns out[0 .. n - 1], *res;
    ensures \result == 0;
    ensures 0 <= res->len <= n && res->drop == n - res->len;
    ensures sc_chars(out, res->len);
    ensures res->len > maxsig ==>
        \forall integer j; 0 <= j < res->len - maxsig ==> out[j] == '0';
    ensures res->sign == 1 ==> sc_trunc_pos(sc_sval(lneg, lmag, n),
        sc_sval(hneg, hmag, n), sc_cval(out, res->len), res->drop);
    ensures res->sign == -1 ==> sc_trunc_neg(sc_sval(lneg, lmag, n),
        sc_sval(hneg, hmag, n), sc_cval(out, res->len), res->drop);
    ensures res->sign == 0 ==> sc_cval(out, res->len) == 0 &&
        sc_trunc_zero(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n), res->drop);
    ensures res->sign == 1 || res->sign == 0 || res->sign == -1;
*/
int sc_digits_certify(int32_t lneg, const uint8_t *lmag, int32_t hneg,
                      const uint8_t *hmag, int32_t n, int32_t maxsig,
                      char *out, sc_digits_t *res);

#endif
