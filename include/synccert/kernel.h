/* synccert: the dual kernel K of an activation (doc/model.md section 2).

   For unit tokens with <x,y> = rho the pre-activations are centred Gaussians
   with variance q + s and covariance q rho + s, so with t^2 = q + s and the
   correlation c = (q rho + s) / (q + s),
       K(rho)  = Kt(c)              Kt(c) = E[phi(tX) phi(tY)],
       K'(rho) = (q / t^2) Kt'(c),  Kt'(c) = t^2 E[phi'(tX) phi'(tY)]   (Price),
   X, Y standard normal with correlation c.  Methods:
   - SC_KM_CLOSED: the activation's closed form;
   - SC_KM_SMOOTH: one certified integral E_X[phi(tX) S(tcX, t sqrt(1-c^2))]
     with the activation's closed-form Gaussian smoothing S;
   - SC_KM_NESTED: nested certified integrals (analytic activations);
   - SC_KM_LATTICE: certified trapezoidal rules on the line and on a lattice
     of the plane (analytic activations; doc/model.md section 8.12);
   - SC_KM_AUTO:   the first of closed, smooth, lattice, nested that applies.
   At c = +-1 all integral methods reduce to one integral in X. */
#ifndef SYNCCERT_KERNEL_H
#define SYNCCERT_KERNEL_H

#include <arb.h>
#include "synccert/act.h"
#include "synccert/prec.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { SC_KM_AUTO = 0, SC_KM_CLOSED, SC_KM_SMOOTH, SC_KM_NESTED, SC_KM_LATTICE };

/* K(rho) and/or K'(rho) (either output may be NULL) at working precision
   prec.  rho, q, s are balls (rho in [-1, 1], q > 0, s >= 0); p holds np
   parameter balls.  dK may be +inf (jump activations at c = +-1).
   Returns SC_OK, SC_ERR_INPUT (domain) or SC_ERR_UNSUPPORTED (method does not
   apply); on SC_OK the outputs are valid enclosures, maybe wide: check
   their accuracy. */
int sc_kernel_eval(arb_t K, arb_t dK, const sc_act_def *def, arb_srcptr p, slong np,
                   const arb_t rho, const arb_t q, const arb_t s, int method, slong prec);

/* Result of a certified kernel computation at a requested accuracy. */
typedef struct
{
    arb_t K1, dK1;      /* K(1), K'(1) */
    arb_t K, dK;        /* K(rho), K'(rho) when has_rho */
    int has_rho;
    slong prec;         /* working precision that met the goal */
}
sc_kernel_result;

void sc_kernel_result_init(sc_kernel_result *r);
void sc_kernel_result_clear(sc_kernel_result *r);

/* Compute K(1), K'(1) and, if rho != NULL, K(rho), K'(rho) for act with
   exact q, s (NULL means q = 1, s = 0) through the precision policy
   (prec.h): every output must meet `digits` (sc_arb_meets_digits; K'(1) =
   +inf exactly for jump activations counts as met).  prec_cap 0: the
   policy's default cap.  SC_ERR_INPUT for bad arguments, SC_ERR_PREC with
   a message saying what was reached if the cap is hit, SC_ERR_BUDGET.
   r->prec is the last working precision used. */
int sc_kernel_certify(sc_kernel_result *r, const sc_act_t act, const fmpq_t rho,
                      const fmpq_t q, const fmpq_t s, slong digits, int method,
                      slong prec_cap);

/* SC_ERR_INPUT with a message unless rho lies in [-1, 1], q > 0, s >= 0
   (NULL arguments are not checked). */
int sc_kernel_check_inputs(const fmpq_t rho, const fmpq_t q, const fmpq_t s);

/* Exact rational K(rho), K'(rho) for polynomial activations: poly with any
   rational q > 0, s >= 0; hermite when q + s = 1.  Returns 1 if computed,
   0 if not available for these arguments (then use sc_kernel_eval). */
int sc_kernel_exact(fmpq_t K, fmpq_t dK, const sc_act_t act, const fmpq_t rho,
                    const fmpq_t q, const fmpq_t s);

/* K(1), K'(1) and (Km1 != NULL) K(-1) at working precision prec, q, s
   exact (NULL: 1, 0). */
int sc_kernel_at_ends(arb_t K1, arb_t dK1, arb_t Km1, const sc_act_t act,
                      const fmpq_t q, const fmpq_t s, slong prec);

#ifdef __cplusplus
}
#endif

#endif
