/* synccert: parameter boxes and the branch-and-bound work list.

   Why: certifying a parameter regime means covering a box of parameters
   (activation parameters, q, s, p, integer dimension ranges) by sub-boxes on
   each of which a verdict is certified.  The bookkeeping where a bug would
   silently drop part of the region (bisection, the work list) is the
   Frama-C-proved core (sc_box_*, sc_wl_* in synccert/core.h); this header
   adds the glue: a domain of real and integer axes whose root box has the
   coordinates [0, 2^62) on a real axis and [0, N) on an integer axis of N
   values, and the work list over it.  A box's coordinates c map to
   lo + (hi - lo) c / 2^62 on a real axis and to ilo + c on an integer axis;
   the caller maps them (exactly, for certified regimes: see regime.h).

   Usage:
     sc_box_domain_t D;  sc_box_domain_init(&D, 2);
     sc_box_domain_set_real(&D, 0, qlo, qhi);     // q in [qlo, qhi]
     sc_box_domain_set_int(&D, 1, 2, 64);         // dimension 2..64
     sc_worklist_t *w = sc_worklist_new(&D);
     while ((b = sc_worklist_top(w)) != NULL) {
         v = ...verdict on q in [qlo, qhi] at b->lo[0] .. b->hi[0] (of 2^62)
                and the dimensions 2 + b->lo[1] .. 2 + b->hi[1] - 1...;
         if (v != 0 || sc_worklist_split(w, sc_box_pick_axis(b)) != 0)
             sc_worklist_decide(w, v);               // undecided leaves stay 0
     }
     ... w->done[0 .. w->ndone-1], w->verdict[...] cover the domain ...
     sc_worklist_free(w); sc_box_domain_clear(&D);                          */
#ifndef SYNCCERT_BOX_H
#define SYNCCERT_BOX_H

#include <arb.h>
#include "synccert/common.h"
#include "synccert/core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    int32_t dim;
    int is_int[SC_BOX_MAXDIM];      /* 1: integer axis */
    arb_t lo[SC_BOX_MAXDIM];        /* real axis: [lo, hi] (ball endpoints' hull) */
    arb_t hi[SC_BOX_MAXDIM];
    slong ilo[SC_BOX_MAXDIM];       /* integer axis: ilo .. ihi inclusive */
    slong ihi[SC_BOX_MAXDIM];
} sc_box_domain_t;

/* dim axes (1..SC_BOX_MAXDIM), all real [0, 1] until set. */
void sc_box_domain_init(sc_box_domain_t *D, int dim);
void sc_box_domain_clear(sc_box_domain_t *D);
/* Real axis [lo, hi] (lo <= hi; balls allowed: sub-intervals are then
   enclosures).  Returns SC_OK or SC_ERR_INPUT. */
int sc_box_domain_set_real(sc_box_domain_t *D, int axis, const arb_t lo, const arb_t hi);
/* Integer axis lo .. hi inclusive (hi - lo < 2^62).  SC_OK or SC_ERR_INPUT. */
int sc_box_domain_set_int(sc_box_domain_t *D, int axis, slong lo, slong hi);

/* The root box of the domain: real axes [0, 2^62), integer axes [0, N). */
void sc_box_domain_root(sc_box_t *b, const sc_box_domain_t *D);

/* Axis to bisect next: the splittable axis of least depth (ties: the lower
   index); -1 if the box cannot be split any more (deepest level). */
int sc_box_pick_axis(const sc_box_t *b);

/* Work list over the domain's root box (heap allocated; NULL if out of
   memory).  Boxes: top open box, split it, or decide it (proved core). */
sc_worklist_t *sc_worklist_new(const sc_box_domain_t *D);
void sc_worklist_free(sc_worklist_t *w);
const sc_box_t *sc_worklist_top(const sc_worklist_t *w);     /* NULL if none */
int sc_worklist_split(sc_worklist_t *w, int axis);          /* 0 or -1 */
int sc_worklist_decide(sc_worklist_t *w, int verdict);      /* 0 or -1 */

#ifdef __cplusplus
}
#endif

#endif
