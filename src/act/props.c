/* Properties of an activation with its parameters that computations rely
   on exactly: the parameter layout, parity, positive homogeneity and the
   exact polynomial form. */
#include <string.h>
#include "synccert/act.h"
#include "synccert/expr.h"

slong sc_act_nparams(const sc_act_t act)
{
    return (act->def->flags & SC_ACT_COEFFS) ? act->npar + 1 : FLINT_MAX(act->npar, 1);
}

int sc_act_is_odd(const sc_act_t act, const fmpq_t s)
{
    slong k;
    if (s != NULL && !fmpq_is_zero(s))
        return 0;           /* a bias breaks x -> -x */
    if (act->def->flags & SC_ACT_ODD)
        return 1;
    if (act->def->flags & SC_ACT_COEFFS)
    {
        /* poly (monomials) and hermite (He_n) coefficient lists: phi is odd
           iff every even-index coefficient vanishes (and not all are 0). */
        int any = 0;
        for (k = 0; k < act->npar; k++)
        {
            if (fmpq_is_zero(act->par + k))
                continue;
            if (k % 2 == 0)
                return 0;
            any = 1;
        }
        return any;
    }
    return 0;
}

int sc_act_is_homogeneous1(const sc_act_t act, const fmpq_t s)
{
    /* Positively homogeneous of degree 1 (phi(c x) = c phi(x) for c > 0):
       phi(x) = x phi'(x) with phi' constant on each half-line, and
       E[Z^2 1{Z > 0}] = E[1{Z > 0}] = 1/2, so with s = 0 (t^2 = q)
       K(1) = q E[phi(Z)^2] = q E[phi'(Z)^2] = K'(1) exactly. */
    if (s != NULL && !fmpq_is_zero(s))
        return 0;
    return (act->def->flags & SC_ACT_HOMOG1) != 0;
}

slong sc_act_poly_fmpq(fmpq *c, slong nmax, const sc_act_t act)
{
    const struct sc_expr_struct *e = sc_act_expr(act->def);
    slong k;
    if (e != NULL)
        return sc_expr_poly_fmpq(c, nmax, e, act->npar > 0 ? act->par : NULL);
    if ((act->def->flags & SC_ACT_COEFFS) && strcmp(act->def->name, "poly") == 0 && act->npar <= nmax)
    {
        for (k = 0; k < act->npar; k++)
            fmpq_set(c + k, act->par + k);
        return act->npar;
    }
    return -1;
}
