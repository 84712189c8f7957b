/* Double-precision evaluation of phi for the simulator (statistical, not
   certified).  Conventions at the kinks match the simulator's built-ins:
   step(0) = 0, sign(0) = 0. */
#include <math.h>
#include "exprint.h"

static double sigm(double u)
{
    return u >= 0 ? 1.0 / (1.0 + exp(-u)) : exp(u) / (1.0 + exp(u));
}

static double op_d(const sc_enode *n, double u, double v)
{
    switch (n->op)
    {
        case E_ADD: return u + v;
        case E_SUB: return u - v;
        case E_MUL: return u * v;
        case E_DIV: return u / v;
        case E_NEG: return -u;
        case E_POW:
            if (fmpz_is_one(fmpq_denref(n->q)))
                return pow(u, (double) fmpz_get_si(fmpq_numref(n->q)));
            return pow(u, fmpq_get_d(n->q));
        case E_EXP: return exp(u);
        case E_LOG: return log(u);
        case E_LOG1P: return log1p(u);
        case E_EXPM1: return expm1(u);
        case E_SQRT: return sqrt(u);
        case E_ABS: return fabs(u);
        case E_SIGN: return u > 0 ? 1.0 : (u < 0 ? -1.0 : 0.0);
        case E_STEP: return u > 0 ? 1.0 : 0.0;
        case E_TANH: return tanh(u);
        case E_SINH: return sinh(u);
        case E_COSH: return cosh(u);
        case E_SIN: return sin(u);
        case E_COS: return cos(u);
        case E_ATAN: return atan(u);
        case E_ERF: return erf(u);
        case E_ERFC: return erfc(u);
        case E_SIGMOID: return sigm(u);
        case E_SOFTPLUS: return (u > 0 ? u : 0.0) + log1p(exp(-fabs(u)));
        case E_RELU: return u > 0 ? u : 0.0;
        case E_GELU: return 0.5 * u * erfc(-u * 0.70710678118654752440);
        case E_PHI: return 0.5 * erfc(-u * 0.70710678118654752440);
        case E_MAX: return u >= v ? u : v;
        case E_MIN: return u <= v ? u : v;
    }
    return NAN;
}

void sc_expr_d_init(sc_expr_d *f, const sc_expr *e, const double *par)
{
    slong i;
    f->e = e;
    f->reg = flint_calloc(FLINT_MAX(e->nnodes, 1), sizeof(double));
    for (i = 0; i < e->ncnodes; i++)
    {
        slong j = e->cnodes[i];
        const sc_enode *n = e->nodes + j;
        if (n->op == E_NUM) f->reg[j] = fmpq_get_d(n->q);
        else if (n->op == E_PI) f->reg[j] = 3.14159265358979323846;
        else if (n->op == E_E) f->reg[j] = 2.71828182845904523536;
        else if (n->op == E_PAR) f->reg[j] = par[n->par];
        else f->reg[j] = op_d(n, f->reg[n->a], n->b >= 0 ? f->reg[n->b] : 0.0);
    }
}

void sc_expr_d_clear(sc_expr_d *f)
{
    flint_free(f->reg);
    f->reg = NULL;
}

slong sc_expr_d_nregs(const sc_expr_d *f)
{
    return FLINT_MAX(f->e->nnodes, 1);
}

double sc_expr_d_eval_regs(const sc_expr_d *f, double *regs, double x)
{
    const sc_expr *e = f->e;
    slong i;
    if (regs != f->reg)
        for (i = 0; i < e->ncnodes; i++)
            regs[e->cnodes[i]] = f->reg[e->cnodes[i]];
    for (i = 0; i < e->nprog[0]; i++)
    {
        slong id = e->prog[0][i];
        const sc_enode *n = e->nodes + id;
        regs[id] = n->op == E_X ? x : op_d(n, regs[n->a], n->b >= 0 ? regs[n->b] : 0.0);
    }
    return regs[e->root[0]];
}

double sc_expr_d_eval(sc_expr_d *f, double x)
{
    return sc_expr_d_eval_regs(f, f->reg, x);
}
