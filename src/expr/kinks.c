/* Exact location of the kinks of an expression (doc/model.md 2.6).

   A kink primitive (abs, sign, step, relu: argument w = u; max, min:
   w = u - v) is analytic wherever w != 0.  Its kinks are found bottom-up:
   - if the range of w over the real line excludes 0 (or, for the
     continuous ones, lies in [0, inf) or (-inf, 0]), the primitive takes
     one branch everywhere ("fixed");
   - else, on every piece between the kinks found so far (children first),
     w is evaluated as an affine form alpha x + beta with ball coefficients
     at an exact interior point of the piece (each inner kink primitive
     takes the branch of that piece); alpha = 0 exactly means w is constant
     there, alpha != 0 certified gives the root -beta/alpha, added as a
     kink unless it certainly lies outside the piece (roots overlapping a
     kink ball are merged into it).  Anything else (w not affine on a
     piece, alpha of unknown sign) leaves the primitive unlocated: it is
     then evaluated on balls, which is correct but makes the integrator
     bisect near its kinks.
   On each final piece every located w is affine without a root inside, so
   its sign is constant: the branch at the interior point is the branch on
   the whole piece.  Kinks are balls (inexact when they depend on
   parameters or are not dyadic); the integrals account for that
   (gauss.h, sc_gauss_expect_split). */
#include <string.h>
#include "exprint.h"
#include "synccert/gauss.h"

typedef struct
{
    arb_ptr al, be;     /* affine form of each node at the current point */
    char *ok;
    signed char *sg;    /* branch of each kink primitive at the point */
}
aff;

/* the form of node c: constants are (0, value) */
static int form(arb_t al, arb_t be, const sc_expr *e, const sc_expr_binding *b, const aff *A, slong c)
{
    if (!e->nodes[c].hasx)
    {
        arb_zero(al);
        arb_set(be, acb_realref(b->reg + c));
        return 1;
    }
    if (!A->ok[c])
        return 0;
    arb_set(al, A->al + c);
    arb_set(be, A->be + c);
    return 1;
}

/* sign of alpha xi + beta: +-1, 2 if the form is exactly 0, 0 if unknown */
static int form_sign(const arb_t al, const arb_t be, const arf_t xi, slong prec)
{
    arb_t v;
    int s = 0;
    if (arb_is_zero(al) && arb_is_zero(be))
        return 2;
    arb_init(v);
    arb_set_arf(v, xi);
    arb_mul(v, v, al, prec);
    arb_add(v, v, be, prec);
    if (arb_is_positive(v)) s = 1;
    else if (arb_is_negative(v)) s = -1;
    arb_clear(v);
    return s;
}

/* argument form of a kink node */
static int arg_form(arb_t al, arb_t be, const sc_expr *e, const sc_expr_binding *b, const aff *A, slong i, slong prec)
{
    const sc_enode *n = e->nodes + i;
    if (!form(al, be, e, b, A, n->a))
        return 0;
    if (n->op == E_MAX || n->op == E_MIN)
    {
        arb_t a2, b2;
        int ok;
        arb_init(a2);
        arb_init(b2);
        ok = form(a2, b2, e, b, A, n->b);
        arb_sub(al, al, a2, prec);
        arb_sub(be, be, b2, prec);
        arb_clear(a2);
        arb_clear(b2);
        return ok;
    }
    return 1;
}

/* affine evaluation of the x-dependent nodes xs[0..nxs-1] (ascending, up
   to id `upto`) at the exact point xi; loc[k] = 1 for located primitives */
static void affine_at(aff *A, const sc_expr *e, const sc_expr_binding *b, const slong *xs, slong nxs,
                      const arf_t xi, const signed char *loc, slong upto, slong prec)
{
    slong t, i;
    arb_t a1, b1, a2, b2;
    arb_init(a1);
    arb_init(b1);
    arb_init(a2);
    arb_init(b2);
    for (t = 0; t < nxs && xs[t] <= upto; t++)
    {
        const sc_enode *n;
        int ok = 1;
        i = xs[t];
        n = e->nodes + i;
        A->ok[i] = 0;
        if (n->op == E_X)
        {
            arb_one(A->al + i);
            arb_zero(A->be + i);
            A->ok[i] = 1;
            continue;
        }
        if (n->kidx >= 0)
        {
            int s = b->fixed[n->kidx];
            if (s == 0 && loc[n->kidx] == 1 && arg_form(a1, b1, e, b, A, i, prec))
            {
                s = form_sign(a1, b1, xi, prec);
                if (s == 2)
                    s = E_IS_JUMP(n->op) ? 0 : 1;
            }
            A->sg[n->kidx] = s;
            if (s == 0)
                continue;
            switch (n->op)
            {
                case E_RELU: case E_ABS:
                    ok = form(a1, b1, e, b, A, n->a);
                    if (s < 0 && n->op == E_RELU) { arb_zero(a1); arb_zero(b1); }
                    if (s < 0 && n->op == E_ABS) { arb_neg(a1, a1); arb_neg(b1, b1); }
                    break;
                case E_STEP: case E_SIGN:
                    arb_zero(a1);
                    arb_set_si(b1, n->op == E_STEP ? (s > 0) : s);
                    break;
                default:    /* max: u if u > v; min: v if u > v */
                    ok = form(a1, b1, e, b, A, ((n->op == E_MAX) == (s > 0)) ? n->a : n->b);
            }
        }
        else
        {
            int oka = form(a1, b1, e, b, A, n->a);
            int okb = n->b >= 0 ? form(a2, b2, e, b, A, n->b) : 1;
            ok = oka && okb;
            if (ok) switch (n->op)
            {
                case E_ADD: arb_add(a1, a1, a2, prec); arb_add(b1, b1, b2, prec); break;
                case E_SUB: arb_sub(a1, a1, a2, prec); arb_sub(b1, b1, b2, prec); break;
                case E_NEG: arb_neg(a1, a1); arb_neg(b1, b1); break;
                case E_MUL:
                    if (arb_is_zero(a1)) { arb_mul(a1, b1, a2, prec); arb_mul(b1, b1, b2, prec); }
                    else if (arb_is_zero(a2)) { arb_mul(a1, a1, b2, prec); arb_mul(b1, b1, b2, prec); }
                    else ok = 0;
                    break;
                case E_DIV:
                    if (arb_is_zero(a2) && !arb_contains_zero(b2))
                    {
                        arb_div(a1, a1, b2, prec);
                        arb_div(b1, b1, b2, prec);
                    }
                    else ok = 0;
                    break;
                default:
                    /* functions (and powers) of a constant argument are constants */
                    if (arb_is_zero(a1) && (n->b < 0 || arb_is_zero(a2)))
                    {
                        acb_t u, v, r;
                        acb_init(u);
                        acb_init(v);
                        acb_init(r);
                        acb_set_arb(u, b1);
                        acb_set_arb(v, b2);
                        _sc_expr_op_acb(r, n, u, v, 0, 0, prec);
                        ok = acb_is_finite(r);
                        arb_set(b1, acb_realref(r));
                        acb_clear(u);
                        acb_clear(v);
                        acb_clear(r);
                    }
                    else ok = 0;
            }
        }
        if (ok)
        {
            arb_set(A->al + i, a1);
            arb_set(A->be + i, b1);
            A->ok[i] = 1;
        }
    }
    arb_clear(a1);
    arb_clear(b1);
    arb_clear(a2);
    arb_clear(b2);
}

/* the fixed branches from the ranges of the arguments */
static void fixed_branches(const sc_expr *e, sc_expr_binding *b, slong prec)
{
    arf_ptr lo = flint_malloc(sizeof(arf_struct) * e->nnodes), hi = flint_malloc(sizeof(arf_struct) * e->nnodes);
    slong k;
    for (k = 0; k < e->nnodes; k++)
    {
        arf_init(lo + k);
        arf_init(hi + k);
    }
    if (_sc_expr_ranges(lo, hi, e, b->par, prec))
        for (k = 0; k < e->nkink; k++)
        {
            const sc_enode *n = e->nodes + e->kinknode[k];
            arf_t l, h;
            int jump = E_IS_JUMP(n->op);
            arf_init(l);
            arf_init(h);
            arf_set(l, lo + n->a);
            arf_set(h, hi + n->a);
            if (n->op == E_MAX || n->op == E_MIN)
            {
                arf_sub(l, lo + n->a, hi + n->b, prec, ARF_RND_FLOOR);
                arf_sub(h, hi + n->a, lo + n->b, prec, ARF_RND_CEIL);
            }
            if (arf_sgn(l) > 0 || (!jump && arf_sgn(l) == 0))
                b->fixed[k] = 1;
            else if (arf_sgn(h) < 0 || (!jump && arf_sgn(h) == 0))
                b->fixed[k] = -1;
            arf_clear(l);
            arf_clear(h);
        }
    sc_clear_error();
    for (k = 0; k < e->nnodes; k++)
    {
        arf_clear(lo + k);
        arf_clear(hi + k);
    }
    flint_free(lo);
    flint_free(hi);
}

void _sc_expr_locate_kinks(const sc_expr *e, sc_expr_binding *b)
{
    slong prec = b->prec, nk = 0, k, j, nxs = 0, i, d;
    slong *xs = flint_malloc(sizeof(slong) * FLINT_MAX(e->nnodes, 1));
    char *inx = flint_calloc(e->nnodes, 1);
    signed char *loc = flint_calloc(FLINT_MAX(e->nkink, 1), 1);
    arb_ptr pend = _arb_vec_init(SC_EXPR_MAXKINKS + 1);
    aff A;
    arf_t xi;
    arb_t al, be, r;

    arf_init(xi);
    arb_init(al);
    arb_init(be);
    arb_init(r);
    A.al = _arb_vec_init(e->nnodes);
    A.be = _arb_vec_init(e->nnodes);
    A.ok = flint_calloc(e->nnodes, 1);
    A.sg = flint_calloc(FLINT_MAX(e->nkink, 1), 1);
    b->fixed = flint_calloc(FLINT_MAX(e->nkink, 1), 1);
    b->all_located = 1;
    for (d = 0; d < 2; d++)
        for (i = 0; i < e->nprog[d]; i++)
            inx[e->prog[d][i]] = 1;
    for (i = 0; i < e->nnodes; i++)
        if (inx[i])
            xs[nxs++] = i;
    if (e->nkink > 0)
        fixed_branches(e, b, prec);

    for (k = 0; k < e->nkink; k++)
    {
        slong id = e->kinknode[k], np = 0;
        const sc_enode *n = e->nodes + id;
        int located = 1;
        if (b->fixed[k])
            continue;
        for (j = 0; j <= nk && located; j++)
        {
            sc_split_point(xi, b->kinks, nk, j);
            affine_at(&A, e, b, xs, nxs, xi, loc, id - 1, prec);
            if (!arg_form(al, be, e, b, &A, id, prec))
                located = 0;
            else if (arb_is_zero(al))
            {
                if (arb_is_zero(be) ? E_IS_JUMP(n->op) : arb_contains_zero(be))
                    located = 0;
            }
            else if (arb_contains_zero(al))
                located = 0;
            else
            {
                /* root r = -beta/alpha unless certainly outside the piece */
                arb_div(r, be, al, prec);
                arb_neg(r, r);
                if (!((j > 0 && arb_lt(r, b->kinks + j - 1)) || (j < nk && arb_gt(r, b->kinks + j))))
                {
                    if (np >= SC_EXPR_MAXKINKS)
                        located = 0;
                    else
                        arb_set(pend + np++, r);
                }
            }
        }
        if (located && np > 0)
            located = sc_split_insert(b->kinks, &nk, SC_EXPR_MAXKINKS, pend, np, prec);
        loc[k] = located ? 1 : -1;
        if (!located)
            b->all_located = 0;
    }
    b->nk = nk;
    /* the branch of every kink primitive on every piece */
    b->br = flint_calloc((nk + 1) * FLINT_MAX(e->nkink, 1), 1);
    for (j = 0; j <= nk && e->nkink > 0; j++)
    {
        sc_split_point(xi, b->kinks, nk, j);
        affine_at(&A, e, b, xs, nxs, xi, loc, WORD_MAX, prec);
        for (k = 0; k < e->nkink; k++)
            b->br[j * e->nkink + k] = loc[k] == 1 ? A.sg[k] : 0;
    }
    b->valid = 1;
    if (e->jumpops)
    {
        slong where;
        int t = _sc_expr_jump_test(e, b, &where);
        b->valid = (t == e->jump);
        sc_clear_error();
    }
    _arb_vec_clear(A.al, e->nnodes);
    _arb_vec_clear(A.be, e->nnodes);
    flint_free(A.ok);
    flint_free(A.sg);
    _arb_vec_clear(pend, SC_EXPR_MAXKINKS + 1);
    flint_free(xs);
    flint_free(inx);
    flint_free(loc);
    arf_clear(xi);
    arb_clear(al);
    arb_clear(be);
    arb_clear(r);
}

/* phi on a real ball with the branches of row `row` (order 0) */
static void eval_row(acb_t res, const sc_expr *e, sc_expr_binding *b, const acb_t z, slong row)
{
    slong i;
    const signed char *br = b->br + row * e->nkink;
    for (i = 0; i < e->nprog[0]; i++)
    {
        slong id = e->prog[0][i];
        const sc_enode *n = e->nodes + id;
        int k = 0;
        if (n->op == E_X)
        {
            acb_set(b->reg + id, z);
            continue;
        }
        if (n->kidx >= 0)
            k = b->fixed[n->kidx] ? b->fixed[n->kidx] : br[n->kidx];
        _sc_expr_op_acb(b->reg + id, n, b->reg + n->a, n->b >= 0 ? b->reg + n->b : b->reg + n->a, k, 0, b->prec);
    }
    acb_set(res, b->reg + e->root[0]);
}

int _sc_expr_jump_test(const sc_expr *e, sc_expr_binding *b, slong *where)
{
    slong i, k;
    int undecided = 0;
    acb_t z, L, R;
    *where = -1;
    for (k = 0; k < e->nkink; k++)
    {
        const sc_enode *n = e->nodes + e->kinknode[k];
        slong t;
        int inphi = 0;
        if (!E_IS_JUMP(n->op) || b->fixed[k])
            continue;
        for (t = 0; t < e->nprog[0]; t++)
            inphi |= e->prog[0][t] == e->kinknode[k];
        if (inphi && b->br[k] == 0)
        {
            sc_error(SC_ERR_INPUT, "expr: position %ld: the jump of %s cannot be located (its argument must be affine in x on each piece)",
                     (long) n->pos, _sc_en_opname(n->op));
            *where = e->kinknode[k];
            return -1;
        }
    }
    acb_init(z);
    acb_init(L);
    acb_init(R);
    for (i = 0; i < b->nk; i++)
    {
        int changes = 0;
        for (k = 0; k < e->nkink; k++)
            if (E_IS_JUMP(e->nodes[e->kinknode[k]].op) &&
                b->br[i * e->nkink + k] != b->br[(i + 1) * e->nkink + k])
                changes = 1;
        if (!changes)
            continue;       /* phi is continuous at kink i: composition of continuous maps */
        acb_set_arb(z, b->kinks + i);
        eval_row(L, e, b, z, i);
        eval_row(R, e, b, z, i + 1);
        acb_sub(L, L, R, b->prec);
        if (!acb_contains_zero(L))
        {
            *where = i;
            undecided = 0;
            break;
        }
        if (!acb_is_zero(L))
        {
            undecided = 1;
            *where = i;
        }
    }
    k = (*where >= 0 && !undecided) ? 1 : 0;
    if (undecided)
    {
        char *s = arb_get_str(b->kinks + *where, 10, ARB_STR_NO_RADIUS);
        sc_error(SC_ERR_INPUT, "expr: cannot decide whether the expression jumps near x = %s (write continuous pieces with relu, abs, max, min)", s);
        flint_free(s);
    }
    acb_clear(z);
    acb_clear(L);
    acb_clear(R);
    return undecided ? -1 : (int) k;
}
