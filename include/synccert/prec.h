/* synccert: the precision policy.

   Every certified quantity is computed at a working precision that starts
   from the digits asked for and doubles until every requested output meets
   its goal, up to a cap (or the time budget).  A non-finite ball never meets
   a goal, except an exact infinity (a proved one). */
#ifndef SYNCCERT_PREC_H
#define SYNCCERT_PREC_H

#include <arb.h>
#include "synccert/common.h"

/* Working precision to start from for `digits` decimal digits. */
slong sc_prec_for_digits(slong digits);

/* Effective precision cap: prec_cap, or 0 for max(16 prec, 4096); never
   above SC_PREC_MAX. */
slong sc_prec_cap(slong prec, slong prec_cap);

/* Does x meet the accuracy goal of `digits` digits: `digits` correct
   significant digits, or for a ball containing 0 an absolute error below
   10^-digits?  An exact +-inf counts as met. */
int sc_arb_meets_digits(const arb_t x, slong digits);

/* The one precision loop.  `step(ctx, prec)` computes every requested
   output at working precision prec and returns SC_OK or an error (which
   ends the loop and is returned); `done(ctx)` says whether every output
   meets its goal (sc_arb_meets_digits, or any exact criterion).  Starting
   at pol->start (0: sc_prec_for_digits(pol->digits) + 10), the precision
   doubles until done, then SC_OK; past the cap (pol->cap, 0: sc_prec_cap
   default) SC_ERR_PREC with "WHO: could not reach N digits within P bits of
   precision; ask for fewer --digits"; past the time budget SC_ERR_BUDGET.
   pol->prec is set to the last precision used. */
typedef int (*sc_prec_step_fn)(void *ctx, slong prec);
typedef int (*sc_prec_done_fn)(void *ctx);

typedef struct
{
    const char *who;    /* names the computation in messages */
    slong digits;       /* the goal, for the start precision and the message */
    slong start;        /* first working precision (0: from digits) */
    slong cap;          /* largest working precision (0: default) */
    slong prec;         /* out: the last working precision used */
}
sc_prec_policy;

/* pol with who, digits, start = cap = 0. */
void sc_prec_policy_init(sc_prec_policy *pol, const char *who, slong digits);

int sc_prec_run(sc_prec_policy *pol, sc_prec_step_fn step, sc_prec_done_fn done, void *ctx);

#endif
