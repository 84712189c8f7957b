/* synccert: the critical dimension (doc/model.md section 4).

   lambda(d) = (sigma^2 / 2) [ (d - 3) K'(1) - (d - 1) K(1) ] is affine in d
   with slope (sigma^2 / 2) (K'(1) - K(1)), so:
   - K'(1) <= K(1) (and K(1) > 0): lambda < 0 in every dimension d >= 2;
   - K'(1) >  K(1): lambda < 0 iff d < d* = (3 K'(1) - K(1)) / (K'(1) - K(1));
   - K'(1) = +inf (step, sign): lambda = -inf at d = 2, +inf for d >= 4, and
     is undefined at d = 3 (d* = 3 as the limit of the formula).
   sigma does not enter.  Integer dimensions on either side of d* are
   decided one by one by the sign of the enclosure of lambda(n) (raising the
   precision up to a cap); those the cap cannot decide are reported as an
   undecided range, never guessed. */
#ifndef SYNCCERT_CRITDIM_H
#define SYNCCERT_CRITDIM_H

#include <arb.h>
#include <flint/fmpz.h>
#include "synccert/act.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What d* is. */
enum { SC_DSTAR_UNDECIDED = 0, SC_DSTAR_FINITE, SC_DSTAR_NONE };
/* What a dimension answer is: an integer, none, all dimensions, or unknown. */
enum { SC_DIMV_UNDECIDED = 0, SC_DIMV_VALUE, SC_DIMV_NONE, SC_DIMV_ALL };

typedef struct
{
    arb_t K1, dK1;
    int dstar_kind;         /* SC_DSTAR_* */
    arb_t dstar;            /* when SC_DSTAR_FINITE */
    int max_sync_kind;      /* SC_DIMV_*: largest d >= 2 with lambda < 0 certified */
    fmpz_t max_sync;
    int min_nonsync_kind;   /* SC_DIMV_*: smallest d >= 2 with lambda > 0 certified */
    fmpz_t min_nonsync;
    fmpz_t und_lo, und_hi;  /* integers in [und_lo, und_hi] are undecided
                               (empty when und_lo > und_hi) */
    slong prec;
}
sc_critdim_result;

void sc_critdim_result_init(sc_critdim_result *r);
void sc_critdim_result_clear(sc_critdim_result *r);

/* Critical dimension of act with exact q > 0, s >= 0 (NULL: 1, 0) through
   the precision policy (prec.h; prec_cap 0: its default cap): K(1), K'(1)
   must meet `digits` (else SC_ERR_PREC); d* (`digits` digits) and the
   integers around it are refined up to the cap, and what the cap cannot
   decide is reported as undecided with SC_OK. */
int sc_critical_dim(sc_critdim_result *r, const sc_act_t act, const fmpq_t q,
                    const fmpq_t s, slong digits, slong prec_cap);

#ifdef __cplusplus
}
#endif

#endif
