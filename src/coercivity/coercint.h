/* Internals shared by the coercivity files (src/coercivity/). */
#ifndef SC_COERCINT_H
#define SC_COERCINT_H

#include "synccert/coercivity.h"

/* B(rho) = d - 2 + (p/2 - 1) rho + (p/2) rho^2 and B'(rho) = p rho + p/2 - 1
   on a ball rho (either output may be NULL). */
void _sc_coerc_coefB(arb_t B, arb_t dB, const sc_fparams_t fp, const arb_t rho, slong prec);

/* F of the projective energy over [r1, r2] (projective.c; odd phi, s = 0:
   the quotient is even and [r1, r2] is mapped to the range of |rho|). */
int _sc_coerc_F_projective(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1, const arf_t r2);
/* K'(1) = +inf: a lower bound lb of F over [r1, 1) (-inf when none is
   known: B(1) not certified <= 0, or c(r1) < 0).  See quotient.c and
   doc/model.md section 5.2. */
void _sc_coerc_lower_inf_diag(arf_t lb, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1);

#endif
