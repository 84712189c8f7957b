/* Symbolic derivative of the tree, the evaluation programs, parity and the
   polynomial test (doc/model.md 2.6).

   Derivative rules (u' the derivative of the argument; the kink primitives
   get their derivative almost everywhere, which is the weak derivative
   when phi is continuous; a jump of phi is detected separately, kinks.c):
     exp(u)' = exp(u) u'        log(u)' = u'/u          log1p(u)' = u'/(1+u)
     expm1(u)' = exp(u) u'      sqrt(u)' = u'/(2 sqrt u) (u^r)' = r u^(r-1) u'
     abs(u)' = sign(u) u'       relu(u)' = step(u) u'   sign' = step' = 0
     max(u,v)' = v' + step(u-v)(u'-v')      min(u,v)' = u' - step(u-v)(u'-v')
     tanh' = 1 - tanh^2   sinh' = cosh   cosh' = sinh   sin' = cos   cos' = -sin
     atan(u)' = u'/(1+u^2)    erf' = (2/sqrt pi) e^{-u^2} = -erfc'
     Phi' = e^{-u^2/2}/sqrt(2 pi)    gelu(u)' = Phi(u) + u Phi'(u)
     sigmoid(u)' = sigmoid(u) sigmoid(-u)   softplus(u)' = sigmoid(u). */
#include "exprint.h"

static slong op1(sc_expr *e, int op, slong a) { return _sc_en_op(e, op, a, -1, 0); }
static slong op2(sc_expr *e, int op, slong a, slong b) { return _sc_en_op(e, op, a, b, 0); }

static slong powq(sc_expr *e, slong a, slong p, slong q)
{
    fmpq_t r;
    slong id;
    fmpq_init(r);
    fmpq_set_si(r, p, q);
    id = _sc_en_pow(e, a, r, 0);
    fmpq_clear(r);
    return id;
}

/* e^{-u^2/2} / sqrt(2 pi) */
static slong npdf(sc_expr *e, slong u)
{
    slong c = powq(e, op2(e, E_MUL, _sc_en_num_si(e, 2), _sc_en_leaf(e, E_PI, -1, NULL, 0)), -1, 2);
    slong w = op1(e, E_EXP, op1(e, E_NEG, op2(e, E_DIV, powq(e, u, 2, 1), _sc_en_num_si(e, 2))));
    return op2(e, E_MUL, c, w);
}

/* d(node)/dx without the chain factor: f'(u) for f = op */
static slong outer(sc_expr *e, slong i)
{
    int op = e->nodes[i].op;       /* read first: constructors may move the pool */
    slong u = e->nodes[i].a;
    switch (op)
    {
        case E_EXP: return i;
        case E_LOG: return op2(e, E_DIV, _sc_en_num_si(e, 1), u);
        case E_LOG1P: return op2(e, E_DIV, _sc_en_num_si(e, 1), op2(e, E_ADD, _sc_en_num_si(e, 1), u));
        case E_EXPM1: return op1(e, E_EXP, u);
        case E_SQRT: return op2(e, E_DIV, _sc_en_num_si(e, 1), op2(e, E_MUL, _sc_en_num_si(e, 2), i));
        case E_ABS: return op1(e, E_SIGN, u);
        case E_SIGN: case E_STEP: return _sc_en_num_si(e, 0);
        case E_TANH: return op2(e, E_SUB, _sc_en_num_si(e, 1), powq(e, i, 2, 1));
        case E_SINH: return op1(e, E_COSH, u);
        case E_COSH: return op1(e, E_SINH, u);
        case E_SIN: return op1(e, E_COS, u);
        case E_COS: return op1(e, E_NEG, op1(e, E_SIN, u));
        case E_ATAN:
            return op2(e, E_DIV, _sc_en_num_si(e, 1), op2(e, E_ADD, _sc_en_num_si(e, 1), powq(e, u, 2, 1)));
        case E_ERF: case E_ERFC:
        {
            slong c = op2(e, E_MUL, _sc_en_num_si(e, 2), powq(e, _sc_en_leaf(e, E_PI, -1, NULL, 0), -1, 2));
            slong d = op2(e, E_MUL, c, op1(e, E_EXP, op1(e, E_NEG, powq(e, u, 2, 1))));
            return op == E_ERF ? d : op1(e, E_NEG, d);
        }
        case E_PHI: return npdf(e, u);
        case E_GELU: return op2(e, E_ADD, op1(e, E_PHI, u), op2(e, E_MUL, u, npdf(e, u)));
        case E_SIGMOID: return op2(e, E_MUL, i, op1(e, E_SIGMOID, op1(e, E_NEG, u)));
        case E_SOFTPLUS: return op1(e, E_SIGMOID, u);
        case E_RELU: return op1(e, E_STEP, u);
        default:
            return -1;
    }
}

static slong derive(sc_expr *e, slong i, slong *memo)
{
    const sc_enode *n;
    slong a, b, da, db, r;
    if (i < 0)
        return -1;
    if (memo[i] != -2)
        return memo[i];
    n = e->nodes + i;
    a = n->a;
    b = n->b;
    if (!n->hasx)
        r = _sc_en_num_si(e, 0);
    else if (n->op == E_X)
        r = _sc_en_num_si(e, 1);
    else
    {
        da = derive(e, a, memo);
        db = b >= 0 ? derive(e, b, memo) : -1;
        n = e->nodes + i;   /* the pool may have moved */
        switch (n->op)
        {
            case E_ADD: r = op2(e, E_ADD, da, db); break;
            case E_SUB: r = op2(e, E_SUB, da, db); break;
            case E_NEG: r = op1(e, E_NEG, da); break;
            case E_MUL: r = op2(e, E_ADD, op2(e, E_MUL, da, b), op2(e, E_MUL, a, db)); break;
            case E_DIV:
                if (!e->nodes[b].hasx)
                    r = op2(e, E_DIV, da, b);
                else
                    /* (a/b)' = a'/b - (a/b)(b'/b): reuses the node a/b, and
                       b'/b of 1 + e^w, cosh w, ... simplifies to bounded
                       primitives (tree.c), where a'b - ab' over b^2 would
                       multiply exponential bounds */
                    r = op2(e, E_SUB, op2(e, E_DIV, da, b),
                            op2(e, E_MUL, i, op2(e, E_DIV, db, b)));
                break;
            case E_POW:
            {
                fmpq_t r1;
                slong c, p;
                fmpq_init(r1);
                fmpq_sub_si(r1, e->nodes[i].q, 1);
                c = _sc_en_leaf(e, E_NUM, -1, e->nodes[i].q, 0);
                p = _sc_en_pow(e, a, r1, 0);
                r = op2(e, E_MUL, op2(e, E_MUL, c, p), da);
                fmpq_clear(r1);
                break;
            }
            case E_MAX: case E_MIN:
            {
                slong s = op1(e, E_STEP, op2(e, E_SUB, a, b));
                slong t = op2(e, E_MUL, s, op2(e, E_SUB, da, db));
                r = e->nodes[i].op == E_MAX ? op2(e, E_ADD, db, t) : op2(e, E_SUB, da, t);
                break;
            }
            default:
                r = op2(e, E_MUL, outer(e, i), da);
        }
    }
    memo[i] = r;
    return r;
}

slong _sc_expr_derive(sc_expr *e, slong root)
{
    slong n0 = e->nnodes, i, r;
    /* derivative nodes are created on the way; memo covers the originals */
    slong *memo = flint_malloc(sizeof(slong) * SC_EXPR_MAXNODES);
    for (i = 0; i < SC_EXPR_MAXNODES; i++)
        memo[i] = -2;
    r = derive(e, root, memo);
    flint_free(memo);
    (void) n0;
    return e->overflow ? -1 : r;
}

/* mark the nodes reachable from root */
static void mark(const sc_expr *e, slong i, char *seen)
{
    if (i < 0 || seen[i])
        return;
    seen[i] = 1;
    mark(e, e->nodes[i].a, seen);
    mark(e, e->nodes[i].b, seen);
}

void _sc_expr_compile(sc_expr *e)
{
    char *seen[2], *any;
    slong d, i, n = e->nnodes;
    any = flint_calloc(n, 1);
    for (d = 0; d < 2; d++)
    {
        seen[d] = flint_calloc(n, 1);
        mark(e, e->root[d], seen[d]);
        e->prog[d] = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
        e->nprog[d] = 0;
        for (i = 0; i < n; i++)
        {
            if (seen[d][i] && e->nodes[i].hasx)
                e->prog[d][e->nprog[d]++] = i;
            any[i] |= seen[d][i];
        }
    }
    e->cnodes = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
    e->kinknode = flint_malloc(sizeof(slong) * FLINT_MAX(n, 1));
    e->ncnodes = e->nkink = 0;
    for (i = 0; i < n; i++)
    {
        if (!any[i])
            continue;
        if (!e->nodes[i].hasx)
            e->cnodes[e->ncnodes++] = i;
        else if (E_IS_KINK(e->nodes[i].op))
        {
            e->nodes[i].kidx = e->nkink;
            e->kinknode[e->nkink++] = i;
        }
    }
    /* phi contains a jump primitive of an x-dependent argument? */
    e->jumpops = 0;
    for (i = 0; i < n; i++)
        if (seen[0][i] && e->nodes[i].hasx && E_IS_JUMP(e->nodes[i].op))
            e->jumpops = 1;
    e->parity = _sc_expr_parity_of(e, e->root[0]);
    /* polynomial: x, constants, + - *, division by x-free, integer powers >= 0 */
    e->poly = 1;
    for (i = 0; i < e->nprog[0]; i++)
    {
        const sc_enode *m = e->nodes + e->prog[0][i];
        int ok = m->op == E_X || m->op == E_ADD || m->op == E_SUB || m->op == E_MUL || m->op == E_NEG ||
                 (m->op == E_DIV && !e->nodes[m->b].hasx) ||
                 (m->op == E_POW && fmpz_is_one(fmpq_denref(m->q)) && fmpq_sgn(m->q) > 0);
        if (!ok)
            e->poly = 0;
    }
    flint_free(seen[0]);
    flint_free(seen[1]);
    flint_free(any);
}

/* Parity by rules: bit 1 odd, bit 2 even (3: the zero function).
   x is odd; constants (numbers, pi, e, parameters) are even; sums keep a
   common parity; products and quotients multiply parities (odd*odd = even);
   u^n for integer n has the parity of u if n is odd and is even if n is
   even; f(u) is even when u is even (for any f), and when u is odd it is
   odd for the odd functions (tanh sinh sin atan erf sign), even for the
   even ones (cos cosh abs), else unknown; max/min of even functions are
   even.  Each rule is the definition applied to x -> -x. */
static int par_node(const sc_expr *e, slong i, int *memo)
{
    const sc_enode *n = e->nodes + i;
    int pa, pb, r = 0;
    if (memo[i] >= 0)
        return memo[i];
    if (!n->hasx)
        r = (n->op == E_NUM && fmpq_is_zero(n->q)) ? 3 : 2;
    else if (n->op == E_X)
        r = 1;
    else
    {
        pa = par_node(e, n->a, memo);
        pb = n->b >= 0 ? par_node(e, n->b, memo) : 0;
        switch (n->op)
        {
            case E_ADD: case E_SUB: r = pa & pb; break;
            case E_NEG: r = pa; break;
            case E_MUL: case E_DIV:
                r = 0;
                if ((pa & 1) && (pb & 1)) r |= 2;
                if ((pa & 2) && (pb & 2)) r |= 2;
                if (((pa & 1) && (pb & 2)) || ((pa & 2) && (pb & 1))) r |= 1;
                break;
            case E_POW:
                if (pa & 2)
                    r = 2;
                else if ((pa & 1) && fmpz_is_one(fmpq_denref(n->q)))
                    r = fmpz_is_odd(fmpq_numref(n->q)) ? 1 : 2;
                break;
            case E_MAX: case E_MIN: r = (pa & pb & 2); break;
            case E_TANH: case E_SINH: case E_SIN: case E_ATAN: case E_ERF: case E_SIGN:
                r = (pa & 2) | (pa & 1);
                break;
            case E_COS: case E_COSH: case E_ABS:
                r = (pa & 3) ? 2 : 0;
                break;
            default:
                r = pa & 2;
        }
    }
    memo[i] = r;
    return r;
}

int _sc_expr_parity_of(const sc_expr *e, slong root)
{
    int *memo = flint_malloc(sizeof(int) * e->nnodes), r;
    slong i;
    for (i = 0; i < e->nnodes; i++)
        memo[i] = -1;
    r = par_node(e, root, memo);
    flint_free(memo);
    if (r == 3)
        return SC_EXPR_ODD | SC_EXPR_EVEN;
    return r == 1 ? SC_EXPR_ODD : r == 2 ? SC_EXPR_EVEN : 0;
}
