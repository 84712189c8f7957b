/* synccert: the two-point motion (doc/model.md section 3).

   For two tokens under the same noise (gamma = 0) rho = <X, Y> solves
     d rho = b(rho) dt + sqrt(a(rho)) dB,
     b(rho) = sigma^2 [ (d - 2 + rho^2) K(rho) - (d - 1) rho K(1) ],
     a(rho) = 2 sigma^2 (1 - rho^2) (K(1) - rho K(rho)).
   The quantities near the diagonal (lambda, v, p*) are in lyapunov.h, the
   critical dimension in critdim.h. */
#ifndef SYNCCERT_TWOPOINT_H
#define SYNCCERT_TWOPOINT_H

#include <arb.h>
#include <flint/fmpz.h>
#include "synccert/act.h"
#include "synccert/prec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* b(rho), a(rho) from K(1) = K1 and K(rho) = Krho (balls); d, sigma2 = sigma^2
   balls.  Either output may be NULL. */
void sc_twopoint_ba(arb_t b, arb_t a, const arb_t K1, const arb_t Krho, const arb_t rho,
                    const arb_t d, const arb_t sigma2, slong prec);

/* b(rho), a(rho) (either may be NULL) for act at exact rho in [-1, 1], d,
   sigma, q, s (NULL: 1, 1, 0) at working precision prec: one step of
   sc_twopoint_certify (b(-1) = 0 exactly for odd phi with s = 0).  SC_OK
   or the kernel's error with a message; the balls may be wide. */
int sc_twopoint_eval(arb_t b, arb_t a, const sc_act_t act, const fmpz_t d,
                     const fmpq_t rho, const fmpq_t sigma, const fmpq_t q,
                     const fmpq_t s, slong prec);

/* Certified b(rho), a(rho) (exact rho in [-1, 1]) at `digits` digits
   through the precision policy (prec.h; prec_cap 0: its default cap). */
int sc_twopoint_certify(arb_t b, arb_t a, const sc_act_t act, const fmpz_t d,
                        const fmpq_t rho, const fmpq_t sigma, const fmpq_t q,
                        const fmpq_t s, slong digits, slong prec_cap);

/* SC_ERR_INPUT with a message unless d >= 2, sigma > 0, q > 0, s >= 0
   (NULL arguments are not checked). */
int sc_twopoint_check_inputs(const fmpz_t d, const fmpq_t sigma, const fmpq_t q, const fmpq_t s);

#ifdef __cplusplus
}
#endif

#endif
