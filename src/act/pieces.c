/* Kinks anywhere on the line and evaluation piece by piece, for the
   integrals of src/kernel (doc/model.md 8.3): the hand-written built-ins
   have at most the kink at 0 with their `branch`; expressions report their
   located kinks and evaluate the continuation of any piece. */
#include "synccert/act.h"
#include "synccert/gauss.h"

slong sc_act_kinks(const sc_act_def *def, arb_ptr k, arb_srcptr p, slong prec)
{
    if (def->kinks != NULL)
        return def->kinks(def, k, p, prec);
    if (def->flags & SC_ACT_KINK0)
    {
        arb_zero(k);
        return 1;
    }
    return 0;
}

void sc_act_eval_piece(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order,
                       slong j, arb_srcptr p, slong prec)
{
    if (j >= 0 && def->piece != NULL)
        def->piece(def, res, z, deriv, order, j, p, prec);
    else if (j >= 0 && (def->flags & SC_ACT_KINK0) && def->branch != NULL)
        def->branch(def, res, z, deriv, j > 0 ? 1 : -1, p, prec);
    else
        def->eval(def, res, z, deriv, order, p, prec);
}

void sc_act_rate(const sc_act_def *def, arb_t c, int deriv, arb_srcptr p, slong prec)
{
    if (def->rate != NULL)
        def->rate(def, c, deriv, p, prec);
    else
        arb_zero(c);
}

/* the piece of the sorted kink balls k[0..n-1] containing the real ball u
   (-1 if u meets a kink) */
static slong piece_of(arb_srcptr k, slong n, const arb_t u)
{
    slong i, j = 0;
    for (i = 0; i < n; i++)
    {
        if (arb_gt(u, k + i))
            j = i + 1;
        else if (!arb_lt(u, k + i))
            return -1;
    }
    return j;
}

void sc_act_pieces_init(sc_act_pieces *P, const sc_act_def *def, arb_srcptr p, const arb_t shift,
                        const arb_t t, int both_signs, slong prec)
{
    arb_ptr k = _arb_vec_init(SC_ACT_MAX_KINKS), x = _arb_vec_init(2 * SC_ACT_MAX_KINKS);
    slong nk = sc_act_kinks(def, k, p, prec), nx = 0, i, j;
    arf_t xi;
    arb_t u;
    arf_init(xi);
    arb_init(u);
    P->split = _arb_vec_init(2 * SC_ACT_MAX_KINKS);
    P->n = 0;
    for (i = 0; i < nk; i++)
    {
        /* t x + shift = k_i, and -(t x) = k_i */
        if (shift != NULL)
            arb_sub(x + nx, k + i, shift, prec);
        else
            arb_set(x + nx, k + i);
        arb_div(x + nx, x + nx, t, prec);
        nx++;
        if (both_signs)
        {
            arb_div(x + nx, k + i, t, prec);
            arb_neg(x + nx, x + nx);
            nx++;
        }
    }
    if (!sc_split_insert(P->split, &P->n, 2 * SC_ACT_MAX_KINKS, x, nx, prec))
        P->n = 0;       /* cannot happen: at most 2 SC_ACT_MAX_KINKS points */
    P->pp = flint_malloc(sizeof(slong) * (P->n + 1));
    P->pm = flint_malloc(sizeof(slong) * (P->n + 1));
    for (j = 0; j <= P->n; j++)
    {
        sc_split_point(xi, P->split, P->n, j);
        arb_set_arf(u, xi);
        arb_mul(u, u, t, prec);
        if (shift != NULL)
            arb_add(u, u, shift, prec);
        P->pp[j] = piece_of(k, nk, u);
        arb_set_arf(u, xi);
        arb_mul(u, u, t, prec);
        arb_neg(u, u);
        P->pm[j] = piece_of(k, nk, u);
    }
    _arb_vec_clear(k, SC_ACT_MAX_KINKS);
    _arb_vec_clear(x, 2 * SC_ACT_MAX_KINKS);
    arf_clear(xi);
    arb_clear(u);
}

void sc_act_pieces_clear(sc_act_pieces *P)
{
    _arb_vec_clear(P->split, 2 * SC_ACT_MAX_KINKS);
    flint_free(P->pp);
    flint_free(P->pm);
}
