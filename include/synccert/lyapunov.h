/* synccert: synchronisation near the diagonal (doc/model.md section 4).

   Near the diagonal log|X - Y| has drift lambda and variance rate v:
     lambda = (sigma^2 / 2) [ (d - 3) K'(1) - (d - 1) K(1) ],
     v = sigma^2 (K(1) + K'(1)),  g(p) = p lambda + p^2 v / 2,  p* = -2 lambda / v;
   near the antipodal set b(-1) = sigma^2 (d - 1) (K(1) + K(-1)). */
#ifndef SYNCCERT_LYAPUNOV_H
#define SYNCCERT_LYAPUNOV_H

#include <arb.h>
#include <flint/fmpz.h>
#include "synccert/act.h"
#include "synccert/prec.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Is K'(1) = +inf exactly (jump activations: an infinite midpoint with a
   zero radius, as the kernel returns it)?  Never true for NaN or a wide
   ball. */
int sc_lyapunov_dK1_inf(const arb_t dK1);

/* lambda, v (either may be NULL) from K(1), K'(1).  When K'(1) = +inf
   (sc_lyapunov_dK1_inf): v = +inf and lambda = sign(d - 3) inf, NaN at
   d = 3. */
void sc_lyapunov_lambda_v(arb_t lambda, arb_t v, const arb_t K1, const arb_t dK1,
                          const arb_t d, const arb_t sigma2, slong prec);

/* Sign of lambda at integer dimension d from K(1), K'(1) (sigma does not
   change it), decided by sc_arb_sign: -1, +1, 0 (undecided, including the
   undefined lambda at d = 3 when K'(1) = +inf) or 2 (lambda is exactly 0:
   never decidable by more precision). */
int sc_lyapunov_sign(const arb_t K1, const arb_t dK1, const fmpz_t d, slong prec);

/* g(p) = p lambda + p^2 v / 2 (moment Lyapunov function). */
void sc_lyapunov_g(arb_t g, const arb_t p, const arb_t lambda, const arb_t v, slong prec);

/* Antipodal classification from the enclosure of b(-1) and the parity. */
enum { SC_ANTI_UNDECIDED = 0, SC_ANTI_REPELLING, SC_ANTI_ATTRACTING, SC_ANTI_NEUTRAL };
/* Synchronisation verdict from the sign of lambda. */
enum { SC_SYNC_UNDECIDED = 0, SC_SYNC_YES, SC_SYNC_NO };

const char *sc_antipodal_name(int a);   /* "repelling", ... */
const char *sc_verdict_name(int v);     /* "synchronizes", "does not synchronize", "undecided" */

/* SC_SYNC_* from the enclosure of lambda (through sc_arb_sign). */
int sc_verdict_from_lambda(const arb_t lambda);

/* Everything `synccert lyapunov` reports, at a requested accuracy. */
typedef struct
{
    arb_t K1, dK1, Km1;     /* K(1), K'(1), K(-1) */
    arb_t lambda, v, pstar; /* pstar meaningful when lambda < 0; NaN
                               exactly when K'(1) = +inf */
    int lambda_undefined;   /* K'(1) = +inf and d = 3: lambda is undefined
                               (NaN), the verdict undecided */
    arb_t g;                /* g(p) when has_g (NaN exactly when K'(1) = +inf) */
    int has_g;
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

/* Every field of r (g(p) when p != NULL) at working precision prec (one step of
   sc_lyapunov_certify; the balls may be wide).  SC_OK or the kernel's
   error with a message. */
int sc_lyapunov_eval(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                     const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                     slong prec);

/* Certified Lyapunov quantities for act in integer dimension d >= 2 with
   exact sigma > 0, q > 0, s >= 0 (NULL: 1, 1, 0) through the precision
   policy (prec.h; prec_cap 0: its default cap): every number except the
   two undefined ones above meets `digits` (else SC_ERR_PREC, never a NaN
   passed as a result), then the precision is raised up to the cap to
   decide the sign of lambda (verdict undecided if it cannot be). */
int sc_lyapunov_certify(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                        const fmpq_t sigma, const fmpq_t q, const fmpq_t s,
                        slong digits, slong prec_cap);

/* The same and, when p != NULL, the moment Lyapunov function g(p) at the
   exact p (r->g, r->has_g; certified like p*). */
int sc_lyapunov_certify_p(sc_lyap_result *r, const sc_act_t act, const fmpz_t d,
                          const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                          slong digits, slong prec_cap);

#ifdef __cplusplus
}
#endif

#endif
