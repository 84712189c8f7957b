/* Internals shared by the coercivity files (src/coercivity/). */
#ifndef SC_COERCINT_H
#define SC_COERCINT_H

#include "synccert/coercivity.h"

/* B(rho) = d - 2 + (p/2 - 1) rho + (p/2) rho^2 and B'(rho) = p rho + p/2 - 1
   on a ball rho (either output may be NULL). */
void _sc_coerc_coefB(arb_t B, arb_t dB, const sc_fparams_t fp, const arb_t rho, slong prec);

#endif
