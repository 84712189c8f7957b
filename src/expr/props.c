/* Validation of a parsed expression at its default parameters (so that
   every problem is reported at parse time), and the exact polynomial form
   of polynomial expressions. */
#include <flint/fmpq_poly.h>
#include <arb_poly.h>
#include "exprint.h"

#define VPREC 128

int _sc_expr_validate(sc_expr *e)
{
    arb_ptr p = _arb_vec_init(FLINT_MAX(e->npar, 1)), g = _arb_vec_init(136);
    arb_t rate;
    slong i, where;
    int d, st = SC_OK;
    arb_init(rate);
    for (i = 0; i < e->npar; i++)
        arb_set_fmpq(p + i, e->pdflt + i, VPREC);
    for (d = 0; d < 2 && st == SC_OK; d++)
        if (_sc_expr_growth(g, rate, 136, e, d, p, VPREC) < 0)
            st = SC_ERR_INPUT;
    if (st == SC_OK && e->jumpops)
    {
        sc_expr_binding *b = _sc_expr_bind(e, p, VPREC);
        int t = _sc_expr_jump_test(e, b, &where);
        if (t < 0)
            st = SC_ERR_INPUT;
        else
            e->jump = t;
        _sc_expr_unbind(e);     /* bindings are rebuilt knowing e->jump */
    }
    _arb_vec_clear(p, FLINT_MAX(e->npar, 1));
    _arb_vec_clear(g, 136);
    arb_clear(rate);
    return st;
}

/* exact polynomial of node i (constants must be rational) */
static int qpoly(fmpq_poly_t r, const sc_expr *e, slong i, const fmpq *par, slong nmax)
{
    const sc_enode *n = e->nodes + i;
    fmpq_poly_t a, b;
    int ok = 1;
    if (n->op == E_X) { fmpq_poly_zero(r); fmpq_poly_set_coeff_si(r, 1, 1); return 1; }
    if (n->op == E_NUM) { fmpq_poly_set_fmpq(r, n->q); return 1; }
    if (n->op == E_PAR) { fmpq_poly_set_fmpq(r, par + n->par); return 1; }
    if (n->a < 0)
        return 0;
    fmpq_poly_init(a);
    fmpq_poly_init(b);
    ok = qpoly(a, e, n->a, par, nmax) && (n->b < 0 || qpoly(b, e, n->b, par, nmax));
    if (ok) switch (n->op)
    {
        case E_ADD: fmpq_poly_add(r, a, b); break;
        case E_SUB: fmpq_poly_sub(r, a, b); break;
        case E_NEG: fmpq_poly_neg(r, a); break;
        case E_MUL:
            ok = fmpq_poly_degree(a) + fmpq_poly_degree(b) < nmax;
            if (ok) fmpq_poly_mul(r, a, b);
            break;
        case E_DIV:
            ok = fmpq_poly_degree(b) == 0;
            if (ok)
            {
                fmpq_t c;
                fmpq_init(c);
                fmpq_poly_get_coeff_fmpq(c, b, 0);
                fmpq_poly_scalar_div_fmpq(r, a, c);
                fmpq_clear(c);
            }
            break;
        case E_POW:
            ok = fmpz_is_one(fmpq_denref(n->q)) && fmpq_sgn(n->q) > 0 &&
                 fmpz_cmp_si(fmpq_numref(n->q), nmax) < 0 &&
                 (fmpq_poly_degree(a) <= 0 || fmpq_poly_degree(a) * fmpz_get_si(fmpq_numref(n->q)) < nmax);
            if (ok) fmpq_poly_pow(r, a, fmpz_get_ui(fmpq_numref(n->q)));
            break;
        default:
            ok = 0;
    }
    fmpq_poly_clear(a);
    fmpq_poly_clear(b);
    return ok;
}

slong sc_expr_poly_fmpq(fmpq *c, slong nmax, const sc_expr *e, const fmpq *p)
{
    fmpq_poly_t r;
    slong n = -1, i;
    if (!e->poly)
        return -1;
    fmpq_poly_init(r);
    if (qpoly(r, e, e->root[0], p != NULL ? p : e->pdflt, nmax) && fmpq_poly_length(r) <= nmax)
    {
        n = fmpq_poly_length(r);
        for (i = 0; i < n; i++)
            fmpq_poly_get_coeff_fmpq(c + i, r, i);
    }
    fmpq_poly_clear(r);
    return n;
}

/* ball polynomial of node i; constants from the binding; kink primitives
   take the branches br (NULL: not allowed) */
static int apoly(arb_poly_t r, const sc_expr *e, const sc_expr_binding *bd, slong i, const signed char *br,
                 slong nmax, slong prec)
{
    const sc_enode *n = e->nodes + i;
    arb_poly_t a, b;
    int ok = 1;
    if (!n->hasx) { arb_poly_set_arb(r, acb_realref(bd->reg + i)); return 1; }
    if (n->op == E_X) { arb_poly_zero(r); arb_poly_set_coeff_si(r, 1, 1); return 1; }
    if (n->kidx >= 0)
    {
        int s = bd->fixed[n->kidx] ? bd->fixed[n->kidx] : (br != NULL ? br[n->kidx] : 0);
        slong src;
        if (s == 0)
            return 0;
        switch (n->op)
        {
            case E_STEP: arb_poly_set_si(r, s > 0); return 1;
            case E_SIGN: arb_poly_set_si(r, s); return 1;
            case E_RELU: if (s < 0) { arb_poly_zero(r); return 1; } src = n->a; break;
            case E_ABS: src = n->a; break;
            case E_MAX: src = s > 0 ? n->a : n->b; break;
            default: src = s > 0 ? n->b : n->a; break;     /* min */
        }
        ok = apoly(r, e, bd, src, br, nmax, prec);
        if (ok && n->op == E_ABS && s < 0)
            arb_poly_neg(r, r);
        return ok;
    }
    arb_poly_init(a);
    arb_poly_init(b);
    ok = apoly(a, e, bd, n->a, br, nmax, prec) && (n->b < 0 || apoly(b, e, bd, n->b, br, nmax, prec));
    if (ok) switch (n->op)
    {
        case E_ADD: arb_poly_add(r, a, b, prec); break;
        case E_SUB: arb_poly_sub(r, a, b, prec); break;
        case E_NEG: arb_poly_neg(r, a); break;
        case E_MUL:
            ok = arb_poly_length(a) + arb_poly_length(b) - 1 <= nmax;
            if (ok) arb_poly_mul(r, a, b, prec);
            break;
        case E_DIV:
            ok = !e->nodes[n->b].hasx;
            if (ok) arb_poly_scalar_div(r, a, acb_realref(bd->reg + n->b), prec);
            break;
        case E_POW:
        {
            ulong k = fmpz_get_ui(fmpq_numref(n->q));
            ok = fmpz_is_one(fmpq_denref(n->q)) && fmpq_sgn(n->q) > 0 &&
                 (arb_poly_length(a) - 1) * k + 1 <= (ulong) nmax;
            if (ok) arb_poly_pow_ui(r, a, k, prec);
            break;
        }
        default:
            ok = 0;
    }
    arb_poly_clear(a);
    arb_poly_clear(b);
    return ok;
}

slong sc_expr_poly_coeffs(arb_ptr c, slong nmax, const sc_expr *e, arb_srcptr p, slong prec)
{
    sc_expr_binding *bd;
    arb_poly_t r;
    slong n = -1, i;
    if (!e->poly)
        return -1;
    bd = _sc_expr_bind(e, p, prec);
    arb_poly_init(r);
    if (apoly(r, e, bd, e->root[0], NULL, nmax, prec) && arb_poly_length(r) <= nmax)
    {
        n = FLINT_MAX(arb_poly_length(r), 1);
        for (i = 0; i < n; i++)
            arb_poly_get_coeff_arb(c + i, r, i);
    }
    arb_poly_clear(r);
    return n;
}

slong sc_expr_piece_poly(arb_ptr c, slong nmax, const sc_expr *e, int deriv, slong j,
                         arb_srcptr p, slong prec)
{
    sc_expr_binding *bd = _sc_expr_bind(e, p, prec);
    arb_poly_t r;
    slong n = -1, i;
    if (j < 0 || j > bd->nk || !bd->all_located || !bd->valid || (deriv && e->jump))
        return -1;
    arb_poly_init(r);
    if (apoly(r, e, bd, e->root[deriv], e->nkink > 0 ? bd->br + j * e->nkink : NULL, nmax, prec) &&
        arb_poly_length(r) <= nmax)
    {
        n = FLINT_MAX(arb_poly_length(r), 1);
        for (i = 0; i < n; i++)
            arb_poly_get_coeff_arb(c + i, r, i);
    }
    arb_poly_clear(r);
    return n;
}

/* structural equality of the subtrees i of a and j of b (shared subtrees
   are walked once per path: *steps bounds the walk, 0 past it) */
static int same_node(const sc_expr *a, slong i, const sc_expr *b, slong j, slong *steps)
{
    const sc_enode *x, *y;
    if (i < 0 || j < 0)
        return i == j;
    if (--*steps < 0)
        return 0;
    x = a->nodes + i;
    y = b->nodes + j;
    if (x->op != y->op || x->par != y->par || (x->b < 0) != (y->b < 0))
        return 0;
    if ((x->op == E_NUM || x->op == E_POW) && !fmpq_equal(x->q, y->q))
        return 0;
    return same_node(a, x->a, b, y->a, steps) && same_node(a, x->b, b, y->b, steps);
}

int sc_expr_same(const sc_expr *a, const sc_expr *b)
{
    slong steps = 100000;
    return a->npar == 0 && b->npar == 0 && same_node(a, a->root[0], b, b->root[0], &steps);
}
