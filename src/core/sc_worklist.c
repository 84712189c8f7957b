/* Verified core: the branch-and-bound work list (contracts and the coverage
   argument in synccert/core.h and specs/VERIFIED.md). */
#include "synccert/core.h"

void sc_wl_init(sc_worklist_t *w, const sc_box_t *root)
{
    sc_box_copy(&w->open[0], root);
    w->n = 1;
    w->ndone = 0;
}

/* The named assertions are the proof, in small steps (each goal stays far
   below the provers' resource limits, proofs/run): p is the old top box;
   the two halves replace it exactly; every other box keeps its fields,
   hence its points; then each direction of "covered after <==> covered
   before" with its witness index. */
int sc_wl_split(sc_worklist_t *w, int32_t axis)
{
    sc_box_t p;
    int32_t n = w->n;
    if (n >= SC_WL_CAP)
        return -1;
    if (!sc_box_can_split(&w->open[n - 1], axis))
        return -1;
    sc_box_copy(&p, &w->open[n - 1]);
    w->n = n + 1;
    sc_box_bisect(&p, axis, &w->open[n - 1], &w->open[n]);
    /*@ assert n_after: w->n == n + 1; */
    /*@ assert ndone_after: w->ndone == \at(w->ndone, Pre); */
    /*@ assert kids_ok: sc_box_ok(&w->open[n - 1]) && sc_box_ok(&w->open[n]); */
    /*@ assert p_fields: \forall integer k; 0 <= k < SC_BOX_MAXDIM ==>
          p.lo[k] == \at(w->open[w->n - 1].lo[k], Pre) &&
          p.hi[k] == \at(w->open[w->n - 1].hi[k], Pre); */
    /*@ assert p_top: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&p, x0, x1, x2, x3, x4, x5) <==>
          \at(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert halves_cover_p: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&p, x0, x1, x2, x3, x4, x5) ==>
          sc_in_box(&w->open[n - 1], x0, x1, x2, x3, x4, x5) || sc_in_box(&w->open[n], x0, x1, x2, x3, x4, x5); */
    /*@ assert halves_in_p: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[n - 1], x0, x1, x2, x3, x4, x5) || sc_in_box(&w->open[n], x0, x1, x2, x3, x4, x5) ==>
          sc_in_box(&p, x0, x1, x2, x3, x4, x5); */
    /*@ assert top_fwd: \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5), Pre) ==>
          sc_in_box(&w->open[n - 1], x0, x1, x2, x3, x4, x5) || sc_in_box(&w->open[n], x0, x1, x2, x3, x4, x5); */
    /*@ assert top_bwd: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[n - 1], x0, x1, x2, x3, x4, x5) || sc_in_box(&w->open[n], x0, x1, x2, x3, x4, x5) ==>
          \at(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert open_fields: \forall integer i, k;
          0 <= i < n - 1 && 0 <= k < SC_BOX_MAXDIM ==>
          w->open[i].lo[k] == \at(w->open[i].lo[k], Pre) &&
          w->open[i].hi[k] == \at(w->open[i].hi[k], Pre); */
    /*@ assert done_fields: \forall integer j, k;
          0 <= j < w->ndone && 0 <= k < SC_BOX_MAXDIM ==>
          w->done[j].lo[k] == \at(w->done[j].lo[k], Pre) &&
          w->done[j].hi[k] == \at(w->done[j].hi[k], Pre); */
    /*@ assert open_same: \forall integer i; 0 <= i < n - 1 ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5) <==> \at(sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert done_same: \forall integer j; 0 <= j < w->ndone ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5) <==> \at(sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert fwd_rest: \forall integer i; 0 <= i < n - 1 ==>
          \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert fwd_top: \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert fwd_done: \forall integer j; 0 <= j < w->ndone ==>
          \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert fwd_open: \forall integer i; 0 <= i < \at(w->n, Pre) ==>
          \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert cov_fwd: \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert bwd_top: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[n - 1], x0, x1, x2, x3, x4, x5) || sc_in_box(&w->open[n], x0, x1, x2, x3, x4, x5) ==>
          \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert bwd_rest: \forall integer i; 0 <= i < n - 1 ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert bwd_done: \forall integer j; 0 <= j < w->ndone ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert bwd_open: \forall integer i; 0 <= i < w->n ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert cov_bwd: \forall real x0, x1, x2, x3, x4, x5;
          sc_wl_covered(w, x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    return 0;
}

/* As in sc_wl_split: the moved box keeps its points, the others keep
   their fields; then each direction of the coverage equality. */
int sc_wl_decide(sc_worklist_t *w, int32_t verdict)
{
    int32_t n = w->n, d = w->ndone;
    if (d >= SC_WL_DONE_CAP)
        return -1;
    sc_box_copy(&w->done[d], &w->open[n - 1]);
    /*@ assert top: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->done[d], x0, x1, x2, x3, x4, x5) <==>
          \at(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert open_fields: \forall integer i, k;
          0 <= i < n && 0 <= k < SC_BOX_MAXDIM ==>
          w->open[i].lo[k] == \at(w->open[i].lo[k], Pre) &&
          w->open[i].hi[k] == \at(w->open[i].hi[k], Pre); */
    /*@ assert done_fields: \forall integer j, k;
          0 <= j < d && 0 <= k < SC_BOX_MAXDIM ==>
          w->done[j].lo[k] == \at(w->done[j].lo[k], Pre) &&
          w->done[j].hi[k] == \at(w->done[j].hi[k], Pre); */
    /*@ assert open_same: \forall integer i; 0 <= i < n ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5) <==> \at(sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert done_same: \forall integer j; 0 <= j < d ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5) <==> \at(sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5), Pre); */
    w->verdict[d] = verdict;
    w->ndone = d + 1;
    w->n = n - 1;
    /*@ assert counts: w->n == n - 1 && w->ndone == d + 1; */
    /*@ assert fwd_open: \forall integer i; 0 <= i < n ==>
          \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert fwd_done: \forall integer j; 0 <= j < d ==>
          \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert cov_fwd: \forall real x0, x1, x2, x3, x4, x5;
          \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre) ==> sc_wl_covered(w, x0, x1, x2, x3, x4, x5); */
    /*@ assert bwd_open: \forall integer i; 0 <= i < n - 1 ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->open[i], x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert bwd_done: \forall integer j; 0 <= j <= d ==>
          \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&w->done[j], x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    /*@ assert cov_bwd: \forall real x0, x1, x2, x3, x4, x5;
          sc_wl_covered(w, x0, x1, x2, x3, x4, x5) ==> \at(sc_wl_covered(w, x0, x1, x2, x3, x4, x5), Pre); */
    return 0;
}
