/* The kernel at the ends rho = 1 and rho = -1, where every synchronisation
   quantity of doc/model.md section 4 comes from. */
#include "synccert/kernel.h"

int sc_kernel_at_ends(arb_t K1, arb_t dK1, arb_t Km1, const sc_act_t act,
                      const fmpq_t q, const fmpq_t s, slong prec)
{
    arb_ptr p = sc_act_params(act, prec);
    arb_t r, qb, sb;
    int st;

    arb_init(r);
    arb_init(qb);
    arb_init(sb);
    if (q) arb_set_fmpq(qb, q, prec + 64); else arb_one(qb);     /* tight: see certify.c */
    if (s) arb_set_fmpq(sb, s, prec + 64); else arb_zero(sb);
    arb_one(r);
    st = sc_kernel_eval(K1, dK1, act->def, p, act->npar, r, qb, sb, SC_KM_AUTO, prec);
    if (st == SC_OK && Km1 != NULL)
    {
        arb_set_si(r, -1);
        st = sc_kernel_eval(Km1, NULL, act->def, p, act->npar, r, qb, sb, SC_KM_AUTO, prec);
    }
    sc_act_params_clear(p, act);
    arb_clear(r);
    arb_clear(qb);
    arb_clear(sb);
    if (st != SC_OK && sc_last_error()[0] == '\0')
        sc_error(st, "%s: kernel evaluation failed", act->def->name);
    return st;
}
