/* The node pool of an expression: a DAG in which structurally equal
   subtrees are one node (so phi and phi' share work), built bottom-up (a
   child always has a smaller id than its parent), with exact constant
   folding and the algebraic simplifications that keep derivatives small
   (u + 0, u * 1, u * 0, u - u, -(-u), u^1, u^0).  Folding is exact
   rational arithmetic only; functions of constants stay nodes and are
   evaluated as balls (pi, e, parameters, exp(1), ...). */
#include <string.h>
#include "exprint.h"

static const char *const opnames[E_NOPS] = {
    "x", "number", "pi", "e", "parameter",
    "+", "-", "*", "/", "-", "^",
    "exp", "log", "log1p", "expm1", "sqrt", "abs", "sign", "step", "tanh", "sinh",
    "cosh", "sin", "cos", "atan", "erf", "erfc", "sigmoid", "softplus", "relu",
    "gelu", "Phi", "max", "min"
};

const char *_sc_en_opname(int op)
{
    return op >= 0 && op < E_NOPS ? opnames[op] : "?";
}

int _sc_en_is_num(const sc_expr *e, slong i, slong v)
{
    return i >= 0 && e->nodes[i].op == E_NUM && fmpq_equal_si(e->nodes[i].q, v);
}

/* the existing node equal to (op, a, b, par, q), or a new one (q may point
   into the pool, which may move: it is read before any reallocation) */
static slong intern_q(sc_expr *e, int op, slong a, slong b, slong par, const fmpq_t q, slong pos);

static slong intern(sc_expr *e, int op, slong a, slong b, slong par, const fmpq_t q, slong pos)
{
    fmpq_t c;
    slong r;
    if (q == NULL)
        return intern_q(e, op, a, b, par, NULL, pos);
    fmpq_init(c);
    fmpq_set(c, q);
    r = intern_q(e, op, a, b, par, c, pos);
    fmpq_clear(c);
    return r;
}

static slong intern_q(sc_expr *e, int op, slong a, slong b, slong par, const fmpq_t q, slong pos)
{
    slong i;
    sc_enode *n;
    for (i = 0; i < e->nnodes; i++)
    {
        n = e->nodes + i;
        if (n->op == op && n->a == a && n->b == b && n->par == par &&
            ((op != E_NUM && op != E_POW) || fmpq_equal(n->q, q)))
        {
            if (n->pos == 0)
                n->pos = pos;
            return i;
        }
    }
    if (e->nnodes >= SC_EXPR_MAXNODES)
    {
        e->overflow = 1;
        return -1;
    }
    if (e->nnodes == e->anodes)
    {
        e->anodes = FLINT_MAX(64, 2 * e->anodes);
        e->nodes = flint_realloc(e->nodes, e->anodes * sizeof(sc_enode));
    }
    n = e->nodes + e->nnodes;
    n->op = op;
    n->a = a;
    n->b = b;
    n->par = par;
    fmpq_init(n->q);
    if (q != NULL)
        fmpq_set(n->q, q);
    n->hasx = (op == E_X) || (a >= 0 && e->nodes[a].hasx) || (b >= 0 && e->nodes[b].hasx);
    n->pos = pos;
    n->kidx = -1;
    return e->nnodes++;
}

slong _sc_en_leaf(sc_expr *e, int op, slong par, const fmpq_t q, slong pos)
{
    return intern(e, op, -1, -1, op == E_PAR ? par : -1, op == E_NUM ? q : NULL, pos);
}

slong _sc_en_num_si(sc_expr *e, slong v)
{
    fmpq_t q;
    slong r;
    fmpq_init(q);
    fmpq_set_si(q, v, 1);
    r = _sc_en_leaf(e, E_NUM, -1, q, 0);
    fmpq_clear(q);
    return r;
}

static slong num(sc_expr *e, const fmpq_t q, slong pos)
{
    return _sc_en_leaf(e, E_NUM, -1, q, pos);
}

/* exact folding of an operator on rational constants; 0 if not foldable */
static int fold(fmpq_t r, int op, const fmpq_t u, const fmpq_t v)
{
    switch (op)
    {
        case E_ADD: fmpq_add(r, u, v); return 1;
        case E_SUB: fmpq_sub(r, u, v); return 1;
        case E_MUL: fmpq_mul(r, u, v); return 1;
        case E_DIV:
            if (fmpq_is_zero(v))
                return 0;
            fmpq_div(r, u, v);
            return 1;
        case E_NEG: fmpq_neg(r, u); return 1;
        case E_ABS: fmpq_abs(r, u); return 1;
        case E_SIGN: fmpq_set_si(r, fmpq_sgn(u), 1); return 1;
        case E_STEP: fmpq_set_si(r, fmpq_sgn(u) > 0, 1); return 1;
        case E_RELU:
            if (fmpq_sgn(u) > 0) fmpq_set(r, u); else fmpq_zero(r);
            return 1;
        case E_MAX: fmpq_set(r, fmpq_cmp(u, v) >= 0 ? u : v); return 1;
        case E_MIN: fmpq_set(r, fmpq_cmp(u, v) <= 0 ? u : v); return 1;
    }
    return 0;
}

/* is node i = 1 + exp(u) (either order)?  *u = the exponent */
static int one_plus_exp(const sc_expr *e, slong i, slong *u)
{
    const sc_enode *n = e->nodes + i;
    slong o;
    if (n->op != E_ADD)
        return 0;
    o = _sc_en_is_num(e, n->a, 1) ? n->b : _sc_en_is_num(e, n->b, 1) ? n->a : -1;
    if (o < 0 || e->nodes[o].op != E_EXP)
        return 0;
    *u = e->nodes[o].a;
    return 1;
}

slong _sc_en_op(sc_expr *e, int op, slong a, slong b, slong pos)
{
    slong u;
    sc_enode *na, *nb;
    if (a < 0 || (op >= E_ADD && op <= E_DIV && b < 0) || ((op == E_MAX || op == E_MIN) && b < 0))
        return -1;
    na = e->nodes + a;
    nb = b >= 0 ? e->nodes + b : NULL;
    if (na->op == E_NUM && (nb == NULL || nb->op == E_NUM))
    {
        fmpq_t r;
        slong id = -2;
        fmpq_init(r);
        if (fold(r, op, na->q, nb ? nb->q : na->q))
            id = num(e, r, pos);
        fmpq_clear(r);
        if (id != -2)
            return id;
    }
    switch (op)
    {
        case E_ADD:
            if (_sc_en_is_num(e, a, 0)) return b;
            if (_sc_en_is_num(e, b, 0)) return a;
            if (nb->op == E_NEG) return _sc_en_op(e, E_SUB, a, nb->a, pos);
            if (na->op == E_NEG) return _sc_en_op(e, E_SUB, b, na->a, pos);
            break;
        case E_SUB:
            if (_sc_en_is_num(e, b, 0)) return a;
            if (_sc_en_is_num(e, a, 0)) return _sc_en_op(e, E_NEG, b, -1, pos);
            if (a == b) return _sc_en_num_si(e, 0);
            if (nb->op == E_NEG) return _sc_en_op(e, E_ADD, a, nb->a, pos);
            break;
        case E_MUL:
            if (_sc_en_is_num(e, a, 0) || _sc_en_is_num(e, b, 0)) return _sc_en_num_si(e, 0);
            if (_sc_en_is_num(e, a, 1)) return b;
            if (_sc_en_is_num(e, b, 1)) return a;
            if (_sc_en_is_num(e, a, -1)) return _sc_en_op(e, E_NEG, b, -1, pos);
            if (_sc_en_is_num(e, b, -1)) return _sc_en_op(e, E_NEG, a, -1, pos);
            if (na->op == E_NEG)
                return _sc_en_op(e, E_NEG, _sc_en_op(e, E_MUL, na->a, b, pos), -1, pos);
            if (nb->op == E_NEG)
                return _sc_en_op(e, E_NEG, _sc_en_op(e, E_MUL, a, nb->a, pos), -1, pos);
            /* constants to the left */
            if (nb->op == E_NUM && na->op != E_NUM)
            {
                slong t = a; a = b; b = t;
            }
            break;
        case E_DIV:
            if (_sc_en_is_num(e, b, 1)) return a;
            if (_sc_en_is_num(e, a, 0) && !_sc_en_is_num(e, b, 0)) return a;
            if (na->op == E_NEG)
                return _sc_en_op(e, E_NEG, _sc_en_op(e, E_DIV, na->a, b, pos), -1, pos);
            break;
        case E_NEG:
            if (na->op == E_NEG) return na->a;
            break;
        /* softplus and sigmoid written out: the same functions on the real
           line and near it, with tighter growth rules */
        case E_LOG:
            if (one_plus_exp(e, a, &u)) return _sc_en_op(e, E_SOFTPLUS, u, -1, pos);
            break;
        case E_LOG1P:
            if (na->op == E_EXP) return _sc_en_op(e, E_SOFTPLUS, na->a, -1, pos);
            break;
    }
    if (op == E_DIV && one_plus_exp(e, b, &u))
    {
        /* 1/(1 + e^-v) = sigmoid(v), e^v/(1 + e^v) = sigmoid(v) */
        if (_sc_en_is_num(e, a, 1))
            return _sc_en_op(e, E_SIGMOID, _sc_en_op(e, E_NEG, u, -1, pos), -1, pos);
        if (e->nodes[a].op == E_EXP && e->nodes[a].a == u)
            return _sc_en_op(e, E_SIGMOID, u, -1, pos);
    }
    return intern(e, op, a, b, -1, NULL, pos);
}

static slong pow_q(sc_expr *e, slong a, const fmpq_t r, slong pos);

slong _sc_en_pow(sc_expr *e, slong a, const fmpq_t r, slong pos)
{
    fmpq_t c;
    slong id;
    fmpq_init(c);
    fmpq_set(c, r);         /* r may point into the pool */
    id = pow_q(e, a, c, pos);
    fmpq_clear(c);
    return id;
}

static slong pow_q(sc_expr *e, slong a, const fmpq_t r, slong pos)
{
    sc_enode *na;
    if (a < 0)
        return -1;
    if (fmpq_is_one(r))
        return a;
    if (fmpq_is_zero(r))
        return _sc_en_num_si(e, 1);
    na = e->nodes + a;
    if (na->op == E_NUM && fmpz_is_one(fmpq_denref(r)) && fmpz_cmp_si(fmpq_numref(r), 4096) <= 0 && fmpz_cmp_si(fmpq_numref(r), -4096) >= 0 &&
        !(fmpq_is_zero(na->q) && fmpq_sgn(r) < 0))
    {
        fmpq_t v;
        slong id;
        fmpq_init(v);
        fmpq_pow_si(v, na->q, fmpz_get_si(fmpq_numref(r)));
        id = num(e, v, pos);
        fmpq_clear(v);
        return id;
    }
    if (na->op == E_POW && fmpz_is_one(fmpq_denref(r)) && fmpz_is_one(fmpq_denref(na->q)))
    {
        /* (u^m)^n = u^(mn) for integers m, n */
        fmpq_t v;
        slong id;
        fmpq_init(v);
        fmpq_mul(v, na->q, r);
        id = _sc_en_pow(e, na->a, v, pos);
        fmpq_clear(v);
        return id;
    }
    return intern(e, E_POW, a, -1, -1, r, pos);
}
