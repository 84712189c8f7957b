/* synccert: the two-point motion and synchronisation quantities
   (MODEL.md sections 3 and 4).

   For two tokens under the same noise (gamma = 0) rho = <X, Y> solves
     d rho = b(rho) dt + sqrt(a(rho)) dB,
     b(rho) = sigma^2 [ (d - 2 + rho^2) K(rho) - (d - 1) rho K(1) ],
     a(rho) = 2 sigma^2 (1 - rho^2) (K(1) - rho K(rho)),
   and near the diagonal log|X - Y| has drift lambda and variance rate v:
     lambda = (sigma^2 / 2) [ (d - 3) K'(1) - (d - 1) K(1) ],
     v = sigma^2 (K(1) + K'(1)),  g(p) = p lambda + p^2 v / 2,  p* = -2 lambda / v. */
#ifndef SYNCCERT_TWOPOINT_H
#define SYNCCERT_TWOPOINT_H

#include <arb.h>
#include <flint/fmpz.h>
#include "synccert/act.h"

/* b(rho), a(rho) from K(1) = K1 and K(rho) = Krho (balls); d, sigma2 = sigma^2
   balls.  Either output may be NULL. */
void sc_twopoint_ba(arb_t b, arb_t a, const arb_t K1, const arb_t Krho, const arb_t rho,
                    const arb_t d, const arb_t sigma2, slong prec);

/* lambda, v (either may be NULL) from K(1), K'(1). */
void sc_lyapunov_lambda_v(arb_t lambda, arb_t v, const arb_t K1, const arb_t dK1,
                          const arb_t d, const arb_t sigma2, slong prec);

/* Antipodal classification from the enclosure of b(-1) and the parity. */
enum { SC_ANTI_UNDECIDED = 0, SC_ANTI_REPELLING, SC_ANTI_ATTRACTING, SC_ANTI_NEUTRAL };
/* Synchronisation verdict from the sign of lambda. */
enum { SC_SYNC_UNDECIDED = 0, SC_SYNC_YES, SC_SYNC_NO };

const char *sc_antipodal_name(int a);   /* "repelling", ... */
const char *sc_verdict_name(int v);     /* "synchronizes", "does not synchronize", "undecided" */

/* Everything `synccert lyapunov` reports, at a requested accuracy. */
typedef struct
{
    arb_t K1, dK1, Km1;     /* K(1), K'(1), K(-1) */
    arb_t lambda, v, pstar; /* pstar meaningful when lambda < 0 */
    arb_t bminus1;          /* b(-1) = sigma^2 (d-1) (K(1) + K(-1)) */
    arb_t lambda_anti;      /* antipodal exponent when phi is odd (= lambda) */
    int odd;                /* phi certified odd with s = 0: b(-1) = 0, lambda_anti valid */
    int antipodal;          /* SC_ANTI_* */
    int verdict;            /* SC_SYNC_* */
    slong prec;
}
sc_lyap_result;

void sc_lyap_result_init(sc_lyap_result *r);
void sc_lyap_result_clear(sc_lyap_result *r);

/* Certified Lyapunov quantities for act in integer dimension d >= 2 with
   exact sigma > 0, q > 0, s >= 0 (NULL: 1, 1, 0), `digits` digits. */
int sc_lyapunov_certify(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                        const fmpq_t sigma, const fmpq_t q, const fmpq_t s,
                        slong digits, slong prec_cap);

/* Certified b(rho), a(rho) (exact rho in [-1, 1]) at `digits` digits. */
int sc_twopoint_certify(arb_t b, arb_t a, const sc_act_t act, const fmpz_t d,
                        const fmpq_t rho, const fmpq_t sigma, const fmpq_t q,
                        const fmpq_t s, slong digits, slong prec_cap);

/* --- extensions --- */

/* g(p) = p lambda + p^2 v / 2 (moment Lyapunov function). */
void sc_lyapunov_g(arb_t g, const arb_t p, const arb_t lambda, const arb_t v, slong prec);

/* SC_SYNC_* from the enclosure of lambda (through sc_arb_sign). */
int sc_verdict_from_lambda(const arb_t lambda);

/* Is phi certainly odd with bias variance s (NULL: 0)?  From the definition
   flag SC_ACT_ODD, or a coefficient list (poly, hermite) with only odd
   entries; never with s > 0 (the bias breaks the symmetry). */
int sc_act_is_odd(const sc_act_t act, const fmpq_t s);

/* Is phi positively homogeneous of degree 1 (linear, relu, leaky_relu, abs)
   with s = 0?  Then K'(1) = K(1) exactly. */
int sc_act_is_homogeneous1(const sc_act_t act, const fmpq_t s);

/* K(1), K'(1) and (Km1 != NULL) K(-1) at working precision prec. */
int sc_kernel_at_ends(arb_t K1, arb_t dK1, arb_t Km1, const sc_act_t act,
                      const fmpq_t q, const fmpq_t s, slong prec);

/* SC_ERR_INPUT with a message unless d >= 2, sigma > 0, q > 0, s >= 0
   (NULL arguments are not checked). */
int sc_twopoint_check_inputs(const fmpz_t d, const fmpq_t sigma, const fmpq_t q, const fmpq_t s);

/* Effective precision cap: prec_cap, or 0 for max(16 prec, 4096). */
slong sc_twopoint_cap(slong prec, slong prec_cap);

#endif
