/* synccert: the precision policy (doc/model.md section 8).

   Every certified quantity is computed at a working precision that starts
   from the digits asked for and doubles until every requested output meets
   its goal, up to a cap (or the time budget).  One rule for every command:
     start = sc_prec_for_digits(digits) bits (the digits and 24 guard bits:
             enough at once for the kernel and, but for a strong
             cancellation such as lambda next to d*, for what is derived
             from it; a larger start slows every kernel integral),
     cap   = max(16 start, 4096) bits unless the caller gives one,
   and a non-finite ball never meets a goal, except an exact infinity (a
   proved one, e.g. K'(1) = +inf for a jump activation). */
#ifndef SYNCCERT_PREC_H
#define SYNCCERT_PREC_H

#include <arb.h>
#include "synccert/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Working precision for `digits` decimal digits: ceil(digits log2 10) + 24
   (the policy's first precision). */
slong sc_prec_for_digits(slong digits);

/* Effective precision cap: prec_cap, or 0 for max(16 prec, 4096); never
   above SC_PREC_MAX. */
slong sc_prec_cap(slong prec, slong prec_cap);

/* Does x meet the accuracy goal of `digits` digits: does sc_arb_digits(x,
   digits) print `digits` significant digits (sc_arb_digits_count), or, for
   a ball containing 0, is its radius below 2^-(ceil(digits log2 10) + 2)
   (an absolute error below 10^-digits, printed as a zero)?  An exact value
   always prints its digits; a ball straddling a rounding boundary of the
   last digit does not meet the goal.  An exact +-inf (infinite midpoint,
   zero radius) counts as met; NaN, an infinite radius or any other
   non-finite ball never does. */
int sc_arb_meets_digits(const arb_t x, slong digits);

/* The one precision loop.  `step(ctx, prec)` computes every requested
   output at working precision prec and returns SC_OK or an error (which
   ends the loop and is returned as it is); `done(ctx)` says how far the
   outputs are:
     SC_PREC_MORE  some output does not meet its goal (sc_arb_meets_digits
                   or an exact criterion): raise the precision;
     SC_PREC_DONE  every output meets its goal: stop, SC_OK;
     SC_PREC_MET   every output meets its goal, but more precision may still
                   decide something (the sign of a ball containing 0): raise
                   the precision while the cap allows, then stop with SC_OK
                   and whatever is decided.
   pol->digits must lie in [1, 100000] (else SC_ERR_INPUT, no step).
   The first precision is pol->start (0: sc_prec_for_digits(pol->digits)),
   then it doubles.  Past the cap (pol->cap, 0: the sc_prec_cap
   default) without MET or DONE: SC_ERR_PREC with "WHO: could not reach N
   digits[WHAT] within P bits of precision[ (reached about R digits)]; ask
   for fewer --digits", R from pol->reached when set.  Time budget
   exhausted or an interruption asked for before a step (the first
   included): SC_ERR_BUDGET or SC_ERR_INTERRUPTED (sc_budget_error); a step
   that stops inside (its integrals poll the budget) returns the same
   codes.  pol->prec is set to the last precision used. */
enum { SC_PREC_MORE = 0, SC_PREC_DONE = 1, SC_PREC_MET = 2 };

typedef int (*sc_prec_step_fn)(void *ctx, slong prec);
typedef int (*sc_prec_done_fn)(void *ctx);
typedef slong (*sc_prec_reached_fn)(void *ctx);

typedef struct
{
    const char *who;    /* names the computation in messages */
    slong digits;       /* the goal, for the start precision and the message */
    slong start;        /* first working precision (0: from digits) */
    slong cap;          /* largest working precision (0: default) */
    const char *what;   /* optional text after "N digits" (" for b and a") */
    sc_prec_reached_fn reached; /* optional: digits reached, for the message */
    slong prec;         /* out: the last working precision used */
}
sc_prec_policy;

/* pol with who, digits; start = cap = 0, what = reached = NULL (the same
   as a zero-initialised policy with who and digits set). */
void sc_prec_policy_init(sc_prec_policy *pol, const char *who, slong digits);

int sc_prec_run(sc_prec_policy *pol, sc_prec_step_fn step, sc_prec_done_fn done, void *ctx);

#ifdef __cplusplus
}
#endif

#endif
