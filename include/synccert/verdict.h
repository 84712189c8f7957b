/* synccert: certified verdicts from Arb balls.

   Why: every "synchronises / does not / undecided" verdict is drawn from the
   sign of an enclosure (doc/model.md section 7).  These two functions are the
   only place where that happens, and the decision itself is made by the
   Frama-C-proved core (sc_v_sign / sc_v_cmp in synccert/core.h): the glue
   here only maps the ball's endpoints to int64 bounds by a monotone,
   sign-preserving, outward-rounded map (see specs/VERIFIED.md), so a decided
   answer holds for every value in the ball.  Undecided (0) is always allowed;
   a wrong decided answer is not. */
#ifndef SYNCCERT_VERDICT_H
#define SYNCCERT_VERDICT_H

#include <arb.h>

#ifdef __cplusplus
extern "C" {
#endif

/* -1: every value of x is < 0; +1: every value is > 0; 0: undecided (the
   ball contains 0, or its midpoint is NaN, or its radius is infinite).
   A ball whose midpoint is +inf (-inf) with finite radius counts as > 0
   (< 0). */
int sc_arb_sign(const arb_t x);

/* -1: every value of x is < every value of y; +1: every value of x is > every
   value of y; 0: undecided (the balls touch or overlap, a NaN, or both
   infinite with the same sign). */
int sc_arb_cmp(const arb_t x, const arb_t y);

#ifdef __cplusplus
}
#endif

#endif
