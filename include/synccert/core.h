/* synccert verified core: the few integer routines at which a bug would turn
   a correct enclosure into a wrong claim (verdict signs, printed digits,
   parameter boxes and the branch-and-bound work list).

   Why a separate module: these routines are pure C (fixed-width integers, no
   Arb, no libc, no allocation, no floating point) so that Frama-C/WP proves
   their ACSL contracts below (`make proofs`, see specs/VERIFIED.md).  The Arb
   glue (src/cert/verdict.c, print.c, box.c) only converts balls to integer
   bounds by sound (outward, monotone) maps and lets these routines decide.

   This header holds the declarations and their contracts; the contracts are
   the documentation (read `ensures` as "what it is for", each clause named).
   The logic they use (predicates such as sc_all_neg, sc_trunc_pos,
   sc_in_box) is defined in specs/sc_*.acsl, which only Frama-C reads: the
   includes below are under __FRAMAC__, so a C compiler needs nothing but
   this file. */
#ifndef SYNCCERT_CORE_H
#define SYNCCERT_CORE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Verdict logic on integer enclosures [lo, hi] (lo > hi: empty enclosure).  */

#ifdef __FRAMAC__
#include "sc_verdict.acsl"
#endif

/* Three-valued sign of the enclosure [lo, hi]: -1 when every value is < 0,
   +1 when every value is > 0, 0 (undecided) otherwise.  An empty enclosure
   (lo > hi) is always undecided: no verdict is drawn from nothing. */
/*@ assigns \nothing;
    ensures three_valued: \result == -1 || \result == 0 || \result == 1;
    ensures neg_sound: \result == -1 ==> lo <= hi && sc_all_neg(lo, hi);
    ensures pos_sound: \result ==  1 ==> lo <= hi && sc_all_pos(lo, hi);
    ensures undecided: \result == 0 ==> lo > hi || (lo <= 0 && 0 <= hi);
    ensures neg_complete: lo <= hi && hi < 0 ==> \result == -1;
    ensures pos_complete: lo <= hi && lo > 0 ==> \result == 1;
*/
int sc_v_sign(int64_t lo, int64_t hi);

/* Comparison of two enclosures: -1 when every value of x is < every value of
   y, +1 when every value of x is > every value of y, 0 (undecided) when they
   touch or overlap, or when either is empty. */
/*@ assigns \nothing;
    ensures three_valued: \result == -1 || \result == 0 || \result == 1;
    ensures lt_sound: \result == -1 ==>
        xlo <= xhi && ylo <= yhi && sc_all_lt(xlo, xhi, ylo, yhi);
    ensures gt_sound: \result == 1 ==>
        xlo <= xhi && ylo <= yhi && sc_all_gt(xlo, xhi, ylo, yhi);
    ensures undecided: \result == 0 ==>
        xlo > xhi || ylo > yhi || (xlo <= yhi && ylo <= xhi);
    ensures lt_complete: xlo <= xhi && ylo <= yhi && xhi < ylo ==> \result == -1;
    ensures gt_complete: xlo <= xhi && ylo <= yhi && xlo > yhi ==> \result == 1;
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
   '0'..'9' (a prefix of a magnitude, leading zeros included) and the number
   m = n - len of dropped digits.  With S = value of out[0..len-1] and unit
   u = 10^m, the rule (the truncation rule, proved below) is:
     sign +1:  S*u <= v < (S+1)*u      for every v in [L, H]
               (sc_tlo(S, m) = S*u, sc_thi(S, m) = (S+1)*u in the specs)
     sign -1:  -(S+1)*u < v <= -S*u     for every v in [L, H]
     sign  0:  S == 0 and -u < v < u    for every v in [L, H]
   i.e. every printed digit, the last one included, is the digit of every
   value truncated toward zero at unit u.  At most `maxsig` significant
   digits (digits after the leading zeros) are returned.                     */

#ifdef __FRAMAC__
#include "sc_digits.acsl"
#endif

#define SC_DIGITS_MAX 100000000   /* longest digit array the core accepts */

typedef struct {
    int32_t sign;   /* +1, -1 or 0 (straddles zero / zero) as above */
    int32_t len;    /* digits written to out[0..len-1] */
    int32_t drop;   /* m = n - len: the unit of the last digit is 10^m */
} sc_digits_t;

/* Length of the common prefix of two digit arrays; every prefix of it
   brackets both values (the key fact behind the truncation rule). */
/*@ requires n_range: 0 <= n <= SC_DIGITS_MAX;
    requires l_readable: \valid_read(l + (0 .. n - 1));
    requires h_readable: \valid_read(h + (0 .. n - 1));
    assigns \nothing;
    ensures len_range: 0 <= \result <= n;
    ensures common: \forall integer j; 0 <= j < \result ==> l[j] == h[j];
    ensures maximal: \result < n ==> l[\result] != h[\result];
*/
int32_t sc_digits_common(const uint8_t *l, const uint8_t *h, int32_t n);

/* Number of leading zero digits of d[0..n-1] (n if all are zero). */
/*@ requires n_range: 0 <= n <= SC_DIGITS_MAX;
    requires d_readable: \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures lz_range: 0 <= \result <= n;
    ensures zeros: \forall integer j; 0 <= j < \result ==> d[j] == 0;
    ensures maximal: \result < n ==> d[\result] != 0;
    ensures zero_value: sc_dval(d, \result) == 0;
*/
int32_t sc_digits_lz(const uint8_t *d, int32_t n);

/* The certified digits of the enclosure [L, H] (see the rule above) as
   characters; out must have room for n characters (no terminator written).
   At most maxsig digits after the leading zeros. */
/*@ requires n_range: 0 <= n <= SC_DIGITS_MAX;
    requires maxsig_range: 1 <= maxsig <= SC_DIGITS_MAX;
    requires lmag_readable: \valid_read(lmag + (0 .. n - 1));
    requires hmag_readable: \valid_read(hmag + (0 .. n - 1));
    requires out_writable: \valid(out + (0 .. n - 1));
    requires res_writable: \valid(res);
    requires lmag_digits: sc_digits(lmag, n);
    requires hmag_digits: sc_digits(hmag, n);
    requires separated: \separated(out + (0 .. n - 1), lmag + (0 .. n - 1),
                                   hmag + (0 .. n - 1), res);
    assigns out[0 .. n - 1], *res;
    ensures ok: \result == 0;
    ensures len_drop: 0 <= res->len <= n && res->drop == n - res->len;
    ensures chars: sc_chars(out, res->len);
    ensures maxsig_cap: res->len > maxsig ==>
        \forall integer j; 0 <= j < res->len - maxsig ==> out[j] == '0';
    ensures trunc_pos: res->sign == 1 ==> sc_trunc_pos(sc_sval(lneg, lmag, n),
        sc_sval(hneg, hmag, n), sc_cval(out, res->len), res->drop);
    ensures trunc_neg: res->sign == -1 ==> sc_trunc_neg(sc_sval(lneg, lmag, n),
        sc_sval(hneg, hmag, n), sc_cval(out, res->len), res->drop);
    ensures trunc_zero: res->sign == 0 ==> sc_cval(out, res->len) == 0 &&
        sc_trunc_zero(sc_sval(lneg, lmag, n), sc_sval(hneg, hmag, n), res->drop);
    ensures sign_class: res->sign == 1 || res->sign == 0 || res->sign == -1;
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
   points (sc_in_box), hence about integer points too.                      */

#define SC_BOX_MAXDIM 6
#define SC_BOX_MAXDEPTH 62
#define SC_BOX_COORD_MAX ((int64_t) 1 << 62)

typedef struct {
    int32_t dim;                    /* axes in use, 1..SC_BOX_MAXDIM */
    int32_t depth[SC_BOX_MAXDIM];   /* bisections along each axis */
    int64_t lo[SC_BOX_MAXDIM];      /* half-open ranges [lo, hi) */
    int64_t hi[SC_BOX_MAXDIM];
} sc_box_t;

#ifdef __FRAMAC__
#include "sc_box.acsl"
#endif

/* The root box [0, size[i]) on axes i < dim, [0, 1) on the others. */
/*@ requires dim_range: 1 <= dim <= SC_BOX_MAXDIM;
    requires b_writable: \valid(b);
    requires size_readable: \valid_read(size + (0 .. dim - 1));
    requires size_range: \forall integer i; 0 <= i < dim ==>
        1 <= size[i] <= SC_BOX_COORD_MAX;
    requires separated: \separated(b, size + (0 .. dim - 1));
    assigns *b;
    ensures box_ok: sc_box_ok(b);
    ensures dim_set: b->dim == dim;
    ensures used_axes: \forall integer i; 0 <= i < dim ==>
        b->lo[i] == 0 && b->hi[i] == size[i] && b->depth[i] == 0;
    ensures unused_axes: \forall integer i; dim <= i < SC_BOX_MAXDIM ==>
        b->lo[i] == 0 && b->hi[i] == 1 && b->depth[i] == 0;
*/
void sc_box_root(sc_box_t *b, int32_t dim, const int64_t *size);

/* Copy a box field by field. */
/*@ requires d_writable: \valid(d);
    requires s_readable: \valid_read(s);
    requires separated: \separated(d, s);
    requires s_ok: sc_box_ok(s);
    assigns *d;
    ensures box_ok: sc_box_ok(d);
    ensures same_dim: d->dim == \old(s->dim);
    ensures same_fields: \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
        d->lo[i] == \old(s->lo[i]) && d->hi[i] == \old(s->hi[i]) &&
        d->depth[i] == \old(s->depth[i]);
    ensures same_points: \forall real x0, x1, x2, x3, x4, x5;
        sc_in_box(d, x0, x1, x2, x3, x4, x5) <==>
        \old(sc_in_box(s, x0, x1, x2, x3, x4, x5));
*/
void sc_box_copy(sc_box_t *d, const sc_box_t *s);

/* 1 if the box can be bisected along `axis` (width >= 2, depth below the
   maximum), else 0. */
/*@ requires b_readable: \valid_read(b);
    requires b_ok: sc_box_ok(b);
    requires axis_range: 0 <= axis < SC_BOX_MAXDIM;
    assigns \nothing;
    ensures splittable: \result == 1 <==>
        (b->hi[axis] - b->lo[axis] >= 2 && b->depth[axis] < SC_BOX_MAXDEPTH);
    ensures boolean: \result == 0 || \result == 1;
*/
int sc_box_can_split(const sc_box_t *b, int32_t axis);

/* Bisect p along `axis` into c1 = lower half [lo, mid) and c2 = upper half
   [mid, hi), mid = lo + (hi - lo) / 2.  Returns 0, or -1 (c1, c2 untouched)
   if the box cannot be split along that axis. */
/*@ requires p_readable: \valid_read(p);
    requires p_ok: sc_box_ok(p);
    requires axis_range: 0 <= axis < SC_BOX_MAXDIM;
    requires c1_writable: \valid(c1);
    requires c2_writable: \valid(c2);
    requires separated: \separated(p, c1, c2);
    assigns *c1, *c2;
    behavior split:
      assumes splittable: p->hi[axis] - p->lo[axis] >= 2 &&
                          p->depth[axis] < SC_BOX_MAXDEPTH;
      ensures ok: \result == 0;
      ensures c1_ok: sc_box_ok(c1);
      ensures c2_ok: sc_box_ok(c2);
      ensures same_dim: c1->dim == p->dim && c2->dim == p->dim;
      ensures deeper: c1->depth[axis] == p->depth[axis] + 1 == c2->depth[axis];
      ensures adjacent: c1->hi[axis] == c2->lo[axis];
      ensures c1_inside: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(c1, x0, x1, x2, x3, x4, x5) ==> sc_in_box(p, x0, x1, x2, x3, x4, x5);
      ensures c2_inside: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(c2, x0, x1, x2, x3, x4, x5) ==> sc_in_box(p, x0, x1, x2, x3, x4, x5);
      ensures cover: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(p, x0, x1, x2, x3, x4, x5) ==>
          sc_in_box(c1, x0, x1, x2, x3, x4, x5) || sc_in_box(c2, x0, x1, x2, x3, x4, x5);
      ensures disjoint: \forall real x0, x1, x2, x3, x4, x5;
          !(sc_in_box(c1, x0, x1, x2, x3, x4, x5) && sc_in_box(c2, x0, x1, x2, x3, x4, x5));
    behavior nosplit:
      assumes unsplittable: !(p->hi[axis] - p->lo[axis] >= 2 &&
                              p->depth[axis] < SC_BOX_MAXDEPTH);
      assigns \nothing;
      ensures refused: \result == -1;
    complete behaviors;
    disjoint behaviors;
*/
int sc_box_bisect(const sc_box_t *p, int32_t axis, sc_box_t *c1, sc_box_t *c2);

/* ------------------------------------------------------------------------ */
/* Work list for branch-and-bound over boxes.

   `open` is a stack of boxes still to decide (depth-first, so it stays
   small), `done` the boxes already decided with the caller's verdicts.
   Coverage invariant (proved, specs/VERIFIED.md): every point of the root
   box lies in an open or a decided box (sc_wl_covers).  sc_wl_init
   establishes it (open = {root}); sc_wl_split replaces the top open box by
   two boxes whose union is that box; sc_wl_decide moves the top open box,
   unchanged, to the decided list; both leave the covered point set
   (sc_wl_covered) unchanged, hence preserve sc_wl_covers(w, r) for every
   box r.  So after any sequence of these calls the root stays covered, and
   when `open` is empty the decided boxes alone cover it.                    */

#define SC_WL_CAP 1024
#define SC_WL_DONE_CAP 65536

typedef struct {
    int32_t n;                          /* open boxes: open[0 .. n-1] */
    int32_t ndone;                      /* decided: done[0 .. ndone-1] */
    sc_box_t open[SC_WL_CAP];
    sc_box_t done[SC_WL_DONE_CAP];
    int32_t verdict[SC_WL_DONE_CAP];    /* the caller's verdict per box */
} sc_worklist_t;

#ifdef __FRAMAC__
#include "sc_worklist.acsl"
#endif

/* Start with the root box open and nothing decided. */
/*@ requires w_writable: \valid(w);
    requires root_readable: \valid_read(root);
    requires root_ok: sc_box_ok(root);
    requires separated: \separated(w, root);
    assigns w->n, w->ndone, w->open[0];
    ensures one_open: w->n == 1 && w->ndone == 0 && sc_box_ok(&w->open[0]);
    ensures open_is_root: \forall real x0, x1, x2, x3, x4, x5;
        sc_in_box(&w->open[0], x0, x1, x2, x3, x4, x5) <==>
        sc_in_box(root, x0, x1, x2, x3, x4, x5);
    ensures covered_is_root: \forall real x0, x1, x2, x3, x4, x5;
        sc_wl_covered(w, x0, x1, x2, x3, x4, x5) <==>
        sc_in_box(root, x0, x1, x2, x3, x4, x5);
    ensures covers_root: sc_wl_covers(w, *root);
*/
void sc_wl_init(sc_worklist_t *w, const sc_box_t *root);

/* Replace the top open box by its two halves along `axis` (lower half below,
   upper half on top).  Returns 0, or -1 (nothing changed) if that box cannot
   be split there or the list is full. */
/*@ requires w_writable: \valid(w);
    requires n_range: 1 <= w->n <= SC_WL_CAP;
    requires axis_range: 0 <= axis < SC_BOX_MAXDIM;
    requires ndone_range: 0 <= w->ndone <= SC_WL_DONE_CAP;
    requires top_ok: sc_box_ok(&w->open[w->n - 1]);
    assigns w->n, w->open[w->n - 1 .. w->n];
    ensures status: \result == 0 || \result == -1;
    ensures refused: \result == -1 ==> w->n == \old(w->n);
    ensures one_more: \result == 0 ==> w->n == \old(w->n) + 1;
    ensures halves_ok: \result == 0 ==>
        sc_box_ok(&w->open[w->n - 2]) && sc_box_ok(&w->open[w->n - 1]);
    ensures halves_union: \result == 0 ==> \forall real x0, x1, x2, x3, x4, x5;
        \old(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5)) <==>
        (sc_in_box(&w->open[w->n - 2], x0, x1, x2, x3, x4, x5) ||
         sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5));
    ensures same_covered: \forall real x0, x1, x2, x3, x4, x5;
        sc_wl_covered(w, x0, x1, x2, x3, x4, x5) <==>
        \old(sc_wl_covered(w, x0, x1, x2, x3, x4, x5));
    ensures covers_kept: \forall sc_box_t r;
        \old(sc_wl_covers(w, r)) ==> sc_wl_covers(w, r);
*/
int sc_wl_split(sc_worklist_t *w, int32_t axis);

/* Move the top open box to the decided boxes with the caller's verdict.
   Returns 0, or -1 (nothing changed) if the decided list is full. */
/*@ requires w_writable: \valid(w);
    requires n_range: 1 <= w->n <= SC_WL_CAP;
    requires ndone_range: 0 <= w->ndone <= SC_WL_DONE_CAP;
    requires top_ok: sc_box_ok(&w->open[w->n - 1]);
    assigns w->n, w->ndone, w->done[w->ndone], w->verdict[w->ndone];
    ensures status: \result == 0 || \result == -1;
    ensures refused: \result == -1 ==>
        w->n == \old(w->n) && w->ndone == \old(w->ndone);
    ensures moved: \result == 0 ==> w->n == \old(w->n) - 1 &&
        w->ndone == \old(w->ndone) + 1 && w->verdict[\old(w->ndone)] == verdict;
    ensures done_ok: \result == 0 ==> sc_box_ok(&w->done[\old(w->ndone)]);
    ensures done_is_top: \result == 0 ==> \forall real x0, x1, x2, x3, x4, x5;
        sc_in_box(&w->done[\old(w->ndone)], x0, x1, x2, x3, x4, x5) <==>
        \old(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5));
    ensures same_covered: \forall real x0, x1, x2, x3, x4, x5;
        sc_wl_covered(w, x0, x1, x2, x3, x4, x5) <==>
        \old(sc_wl_covered(w, x0, x1, x2, x3, x4, x5));
    ensures covers_kept: \forall sc_box_t r;
        \old(sc_wl_covers(w, r)) ==> sc_wl_covers(w, r);
*/
int sc_wl_decide(sc_worklist_t *w, int32_t verdict);

#ifdef __cplusplus
}
#endif

#endif
