/* Verified core: the branch-and-bound work list (contracts and the coverage
   argument in synccert/core.h and specs/VERIFIED.md). */
#include "synccert/core.h"

void sc_wl_init(sc_worklist_t *w, const sc_box_t *root)
{
    sc_box_copy(&w->open[0], root);
    w->n = 1;
    w->ndone = 0;
}

int sc_wl_split(sc_worklist_t *w, int32_t axis)
{
    sc_box_t p;
    int32_t n = w->n;
    if (n >= SC_WL_CAP)
        return -1;
    sc_box_copy(&p, &w->open[n - 1]);
    /*@ assert \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&p, x0, x1, x2, x3, x4, x5) <==>
          \at(sc_in_box(&w->open[w->n - 1], x0, x1, x2, x3, x4, x5), Pre); */
    if (!sc_box_can_split(&p, axis))
        return -1;
    w->n = n + 1;
    sc_box_bisect(&p, axis, &w->open[n - 1], &w->open[n]);
    /*@ assert \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(&p, x0, x1, x2, x3, x4, x5) <==>
          (sc_in_box(&w->open[n - 1], x0, x1, x2, x3, x4, x5) ||
           sc_in_box(&w->open[n], x0, x1, x2, x3, x4, x5)); */
    return 0;
}

int sc_wl_decide(sc_worklist_t *w, int32_t verdict)
{
    int32_t n = w->n, d = w->ndone;
    if (d >= SC_WL_DONE_CAP)
        return -1;
    sc_box_copy(&w->done[d], &w->open[n - 1]);
    w->verdict[d] = verdict;
    w->ndone = d + 1;
    w->n = n - 1;
    return 0;
}
