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

/* ------------------------------------------------------------------------ */
/* Dyadic parameter boxes.

   A box has SC_BOX_MAXDIM axes (the first `dim` are used; unused axes are
   [0, 1)).  Along each axis it is the half-open integer range [lo, hi),
   0 <= lo < hi <= 2^62, at refinement depth `depth` (number of bisections
   along that axis).  A real axis starts as [0, 2^SC_BOX_MAXDEPTH) and every
   bisection halves it exactly (widths are powers of two), so depth
   SC_BOX_MAXDEPTH is the deepest level (width 1); an integer axis (e.g. a
   dimension range of N values) starts as [0, N) and splits as integers,
   [lo, mid) and [mid, hi).  The glue (synccert/box.h) maps coordinates to
   real intervals or integer ranges.  All statements below are about real
   points, hence about integer points too.                                  */

#define SC_BOX_MAXDIM 6
#define SC_BOX_MAXDEPTH 62
#define SC_BOX_COORD_MAX ((int64_t) 1 << 62)

typedef struct {
    int32_t dim;                    /* axes in use, 1..SC_BOX_MAXDIM */
    int32_t depth[SC_BOX_MAXDIM];   /* bisections along each axis */
    int64_t lo[SC_BOX_MAXDIM];      /* half-open ranges [lo, hi) */
    int64_t hi[SC_BOX_MAXDIM];
} sc_box_t;

/*@ predicate sc_box_ok{L}(sc_box_t *b) =
        1 <= b->dim <= SC_BOX_MAXDIM &&
        \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
            0 <= b->lo[i] < b->hi[i] <= SC_BOX_COORD_MAX &&
            0 <= b->depth[i] <= SC_BOX_MAXDEPTH;
    logic real sc_coord(real x0, real x1, real x2, real x3, real x4, real x5,
                        integer i) =
        i == 0 ? x0 : i == 1 ? x1 : i == 2 ? x2 : i == 3 ? x3 : i == 4 ? x4 : x5;
    predicate sc_in_box{L}(sc_box_t *b, real x0, real x1, real x2,
                           real x3, real x4, real x5) =
        \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
            b->lo[i] <= sc_coord(x0, x1, x2, x3, x4, x5, i) < b->hi[i];
*/

/* The root box [0, size[i]) on axes i < dim, [0, 1) on the others. */
/*@ requires 1 <= dim <= SC_BOX_MAXDIM;
    requires \valid(b) && \valid_read(size + (0 .. dim - 1));
    requires \forall integer i; 0 <= i < dim ==> 1 <= size[i] <= SC_BOX_COORD_MAX;
    requires \separated(b, size + (0 .. dim - 1));
    assigns *b;
    ensures sc_box_ok(b) && b->dim == dim;
    ensures \forall integer i; 0 <= i < dim ==>
        b->lo[i] == 0 && b->hi[i] == size[i] && b->depth[i] == 0;
    ensures \forall integer i; dim <= i < SC_BOX_MAXDIM ==>
        b->lo[i] == 0 && b->hi[i] == 1 && b->depth[i] == 0;
*/
void sc_box_root(sc_box_t *b, int32_t dim, const int64_t *size);

/* Copy a box field by field. */
/*@ requires \valid(d) && \valid_read(s) && \separated(d, s) && sc_box_ok(s);
    assigns *d;
    ensures sc_box_ok(d) && d->dim == \old(s->dim);
    ensures \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
        d->lo[i] == \old(s->lo[i]) && d->hi[i] == \old(s->hi[i]) &&
        d->depth[i] == \old(s->depth[i]);
    ensures \forall real x0, x1, x2, x3, x4, x5;
        sc_in_box(d, x0, x1, x2, x3, x4, x5) <==>
        \old(sc_in_box(s, x0, x1, x2, x3, x4, x5));
*/
void sc_box_copy(sc_box_t *d, const sc_box_t *s);

/* 1 if the box can be bisected along `axis` (width >= 2, depth below the
   maximum), else 0. */
/*@ requires \valid_read(b) && sc_box_ok(b) && 0 <= axis < SC_BOX_MAXDIM;
    assigns \nothing;
    ensures \result == 1 <==> (b->hi[axis] - b->lo[axis] >= 2 &&
                               b->depth[axis] < SC_BOX_MAXDEPTH);
    ensures \result == 0 || \result == 1;
*/
int sc_box_can_split(const sc_box_t *b, int32_t axis);

/* Bisect p along `axis` into c1 = lower half [lo, mid) and c2 = upper half
   [mid, hi), mid = lo + (hi - lo) / 2.  Returns 0, or -1 (c1, c2 untouched)
   if the box cannot be split along that axis. */
/*@ requires \valid_read(p) && sc_box_ok(p) && 0 <= axis < SC_BOX_MAXDIM;
    requires \valid(c1) && \valid(c2);
    requires \separated(p, c1, c2);
    assigns *c1, *c2;
    behavior split:
      assumes p->hi[axis] - p->lo[axis] >= 2 && p->depth[axis] < SC_BOX_MAXDEPTH;
      ensures \result == 0;
      ensures sc_box_ok(c1);
      ensures sc_box_ok(c2);
      ensures c1->dim == p->dim && c2->dim == p->dim;
      ensures c1->depth[axis] == p->depth[axis] + 1 == c2->depth[axis];
      ensures c1->hi[axis] == c2->lo[axis];
      // inside the parent
      ensures \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(c1, x0, x1, x2, x3, x4, x5) ==> sc_in_box(p, x0, x1, x2, x3, x4, x5);
      ensures \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(c2, x0, x1, x2, x3, x4, x5) ==> sc_in_box(p, x0, x1, x2, x3, x4, x5);
      // together they cover it
      ensures \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(p, x0, x1, x2, x3, x4, x5) ==>
          sc_in_box(c1, x0, x1, x2, x3, x4, x5) || sc_in_box(c2, x0, x1, x2, x3, x4, x5);
      // and do not overlap
      ensures \forall real x0, x1, x2, x3, x4, x5;
          !(sc_in_box(c1, x0, x1, x2, x3, x4, x5) && sc_in_box(c2, x0, x1, x2, x3, x4, x5));
    behavior nosplit:
      assumes !(p->hi[axis] - p->lo[axis] >= 2 && p->depth[axis] < SC_BOX_MAXDEPTH);
      assigns \nothing;
      ensures \result == -1;
    complete behaviors;
    disjoint behaviors;
*/
int sc_box_bisect(const sc_box_t *p, int32_t axis, sc_box_t *c1, sc_box_t *c2);

/* ------------------------------------------------------------------------ */
/* Work list for branch-and-bound over boxes.

   `open` is a stack of boxes still to decide (depth-first, so it stays
   small), `done` the boxes already decided with the caller's verdicts.
   Coverage invariant (proved, specs/VERIFIED.md): every point of the root
   box lies in an open or a decided box (sc_wl_covers below).  sc_wl_init
   establishes it (open = {root}); sc_wl_split replaces the top open box by
   two boxes whose union is that box; sc_wl_decide moves the top open box,
   unchanged, to the decided list; both leave the covered point set
   unchanged.  Hence the invariant holds after any sequence of these calls,
   and when `open` is empty the decided boxes cover the root.                */

#define SC_WL_CAP 1024
#define SC_WL_DONE_CAP 65536

typedef struct {
    int32_t n;                          /* open boxes: open[0 .. n-1] */
    int32_t ndone;                      /* decided: done[0 .. ndone-1] */
    sc_box_t open[SC_WL_CAP];
    sc_box_t done[SC_WL_DONE_CAP];
    int32_t verdict[SC_WL_DONE_CAP];    /* the caller's verdict per box */
} sc_worklist_t;

/* Coverage, stated for every real point (hence for every integer point):
   sc_wl_covered(w, x) -- x lies in an open box open[0 .. n-1] or in a
   decided box done[0 .. ndone-1]; sc_wl_covers(w, r) -- every point of the
   box value r (e.g. the root, *root) is covered.  sc_wl_init establishes
   sc_wl_covers(w, *root); sc_wl_split and sc_wl_decide leave the covered
   point set unchanged, hence preserve sc_wl_covers(w, r) for every box r.
   So after any sequence of calls the root stays covered, and when n == 0
   the decided boxes alone cover it. */
/*@ predicate sc_in_boxv(sc_box_t b, real x0, real x1, real x2,
                         real x3, real x4, real x5) =
        b.lo[0] <= x0 < b.hi[0] && b.lo[1] <= x1 < b.hi[1] &&
        b.lo[2] <= x2 < b.hi[2] && b.lo[3] <= x3 < b.hi[3] &&
        b.lo[4] <= x4 < b.hi[4] && b.lo[5] <= x5 < b.hi[5];
    predicate sc_wl_covered{L}(sc_worklist_t *w, real x0, real x1, real x2,
                               real x3, real x4, real x5) =
        (\exists integer i; 0 <= i < w->n &&
            sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5)) ||
        (\exists integer j; 0 <= j < w->ndone &&
            sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5));
    predicate sc_wl_covers{L}(sc_worklist_t *w, sc_box_t r) =
        \forall real x0, x1, x2, x3, x4, x5;
            sc_in_boxv(r, x0, x1, x2, x3, x4, x5) ==>
            sc_wl_covered(w, x0, x1, x2, x3, x4, x5);
*/

/* Start with the root box open and nothing decided. */
/*@ requires \valid(w) && \valid_read(root) && sc_box_ok(root);
    requires \separated(w, root);
    assigns w->n, w->ndone, w->open[0];
    ensures w->n == 1 && w->ndone == 0 && sc_box_ok(&w->open[0]);
    ensures \forall real x0, x1, x2, x3, x4, x5;
        sc_in_box(&w->open[0], x0, x1, x2, x3, x4, x5) <==>
        sc_in_box(root, x0, x1, x2, x3, x4, x5);
    ensures \forall real x0, x1, x2, x3, x4, x5;
        sc_wl_covered(w, x0, x1, x2, x3, x4, x5) <==>
        sc_in_box(root, x0, x1, x2, x3, x4, x5);
    ensures sc_wl_covers(w, *root);
*/
void sc_wl_init(sc_worklist_t *w, const sc_box_t *root);

/* Replace the top open box by its two halves along `axis` (lower half below,
   upper half on top).  Returns 0, or -1 (nothing changed) if that box cannot
   be split there or the list is full. */
/*@ requires \valid(w) && 1 <= w->n <= SC_WL_CAP && 0 <= axis < SC_BOX_MAXDIM;
    requires 0 <= w->ndone <= SC_WL_DONE_CAP;
    requires sc_box_ok(&w->open[w->n - 1]);
    assigns w->n, w->open[w->n - 1 .. w->n];
    ensures \result == 0 || \result == -1;
    ensures \result == -1 ==> w->n == \old(w->n);
    ensures \result == 0 ==> w->n == \old(w->n) + 1;
    ensures \result == 0 ==>
        sc_box_ok(&w->open[w->n - 2]) && sc_box_ok(&w->open[w->n - 1]);
    ensures \result == 0 ==> \forall real x0, x1, x2, x3, x4, x5;
        \old(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5)) <==>
        (sc_in_box(&w->open[w->n - 2], x0, x1, x2, x3, x4, x5) ||
         sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5));
    ensures \forall real x0, x1, x2, x3, x4, x5;
        sc_wl_covered(w, x0, x1, x2, x3, x4, x5) <==>
        \old(sc_wl_covered(w, x0, x1, x2, x3, x4, x5));
    ensures \forall sc_box_t r; \old(sc_wl_covers(w, r)) ==> sc_wl_covers(w, r);
*/
int sc_wl_split(sc_worklist_t *w, int32_t axis);

/* Move the top open box to the decided boxes with the caller's verdict.
   Returns 0, or -1 (nothing changed) if the decided list is full. */
/*@ requires \valid(w) && 1 <= w->n <= SC_WL_CAP && 0 <= w->ndone <= SC_WL_DONE_CAP;
    requires sc_box_ok(&w->open[w->n - 1]);
    assigns w->n, w->ndone, w->done[w->ndone], w->verdict[w->ndone];
    ensures \result == 0 || \result == -1;
    ensures \result == -1 ==> w->n == \old(w->n) && w->ndone == \old(w->ndone);
    ensures \result == 0 ==> w->n == \old(w->n) - 1 &&
        w->ndone == \old(w->ndone) + 1 && w->verdict[\old(w->ndone)] == verdict;
    ensures \result == 0 ==> sc_box_ok(&w->done[\old(w->ndone)]);
    ensures \result == 0 ==> \forall real x0, x1, x2, x3, x4, x5;
        sc_in_box(&w->done[\old(w->ndone)], x0, x1, x2, x3, x4, x5) <==>
        \old(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5));
    ensures \forall real x0, x1, x2, x3, x4, x5;
        sc_wl_covered(w, x0, x1, x2, x3, x4, x5) <==>
        \old(sc_wl_covered(w, x0, x1, x2, x3, x4, x5));
    ensures \forall sc_box_t r; \old(sc_wl_covers(w, r)) ==> sc_wl_covers(w, r);
*/
int sc_wl_decide(sc_worklist_t *w, int32_t verdict);

#endif
