/* The attention side of the dissipation certificate (doc/model.md section 5). */
#include "synccert/coercivity.h"

void sc_attention_bound(arb_t L, const arb_t beta, const arb_t vnorm,
                        const arb_t qknorm, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_mul(t, beta, qknorm, prec);
    arb_add_ui(t, t, 2, prec);
    arb_mul(L, t, vnorm, prec);
    arb_clear(t);
}
