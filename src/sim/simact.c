/* Double-precision activations for the simulator (statistical, not
   certified): one evaluator per built-in name, parameters read from the
   exact act->par (in def->params order, or the coefficient list for poly /
   hermite) and rounded to double. */
#include <math.h>
#include <string.h>
#include "simint.h"

enum
{
    K_LINEAR, K_RELU, K_LEAKY, K_ABS, K_STEP, K_SIGN, K_ERF, K_TANH, K_SIGMOID,
    K_GELU, K_GELU_TANH, K_SILU, K_SOFTPLUS, K_ELU, K_SIN, K_COS, K_HERMITE, K_POLY
};

static const struct { const char *name; int kind; } kinds[] = {
    { "linear", K_LINEAR }, { "relu", K_RELU }, { "leaky_relu", K_LEAKY },
    { "abs", K_ABS }, { "step", K_STEP }, { "sign", K_SIGN }, { "erf", K_ERF },
    { "tanh", K_TANH }, { "sigmoid", K_SIGMOID }, { "gelu", K_GELU },
    { "gelu_tanh", K_GELU_TANH }, { "silu", K_SILU }, { "softplus", K_SOFTPLUS },
    { "elu", K_ELU }, { "sin", K_SIN }, { "cos", K_COS }, { "hermite", K_HERMITE },
    { "poly", K_POLY }
};

int sc_simact_init(sc_simact *f, const sc_act_t act)
{
    size_t i;
    slong j;
    memset(f, 0, sizeof(*f));
    if (act->def == NULL)
        return sc_error(SC_ERR_INPUT, "no activation");
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strcmp(kinds[i].name, act->def->name) == 0)
            break;
    if (i == sizeof(kinds) / sizeof(kinds[0]))
        return sc_error(SC_ERR_UNSUPPORTED, "activation '%s' has no double-precision evaluator for simulation",
                        act->def->name);
    f->kind = kinds[i].kind;
    f->name = act->def->name;
    if (f->kind == K_HERMITE || f->kind == K_POLY)
    {
        if (act->npar > SC_ACT_MAX_COEFFS)
            return sc_error(SC_ERR_INPUT, "too many coefficients");
        f->ncoef = (int) act->npar;
        for (j = 0; j < act->npar; j++)
            f->coef[j] = fmpq_get_d(act->par + j);
        if (f->kind == K_HERMITE)
        {
            /* convert to monomial coefficients of sum a_n He_n / sqrt(n!)
               with He_{n+1} = x He_n - n He_{n-1} (doubles: statistical use) */
            double mono[SC_ACT_MAX_COEFFS] = { 0 }, h0[SC_ACT_MAX_COEFFS + 1] = { 0 },
                   h1[SC_ACT_MAX_COEFFS + 1] = { 0 }, h2[SC_ACT_MAX_COEFFS + 1];
            int n, k;
            double fact = 1.0;      /* n! */
            h0[0] = 1.0;            /* He_0 */
            h1[1] = 1.0;            /* He_1 */
            for (n = 0; n < f->ncoef; n++)
            {
                const double *he = n == 0 ? h0 : h1;
                if (n >= 1)
                    fact *= n;
                for (k = 0; k <= n; k++)
                    mono[k] += f->coef[n] * he[k] / sqrt(fact);
                if (n >= 1)
                {
                    /* h2 = x h1 - n h0 = He_{n+1} */
                    for (k = 0; k <= n + 1; k++)
                        h2[k] = (k > 0 ? h1[k - 1] : 0.0) - n * h0[k];
                    memcpy(h0, h1, sizeof(h0));
                    memcpy(h1, h2, sizeof(h1));
                }
            }
            memcpy(f->coef, mono, sizeof(mono));
        }
        for (j = 0; j < f->ncoef; j++)
            if (!isfinite(f->coef[j]))
                return sc_error(SC_ERR_UNSUPPORTED, "%s: a coefficient is beyond the double range: "
                                "the simulator runs in double precision", act->def->name);
    }
    else if (act->npar >= 1)
    {
        f->par = fmpq_get_d(act->par + 0);
        if (!isfinite(f->par))
            return sc_error(SC_ERR_UNSUPPORTED, "%s: the parameter is beyond the double range: "
                            "the simulator runs in double precision", act->def->name);
    }
    return SC_OK;
}

static inline double sigm(double x)
{
    return x >= 0 ? 1.0 / (1.0 + exp(-x)) : exp(x) / (1.0 + exp(x));
}

static inline double eval1(const sc_simact *f, double x)
{
    int k;
    double y;
    switch (f->kind)
    {
        case K_LINEAR: return x;
        case K_RELU: return x > 0 ? x : 0.0;
        case K_LEAKY: return x > 0 ? x : f->par * x;
        case K_ABS: return fabs(x);
        case K_STEP: return x > 0 ? 1.0 : 0.0;
        case K_SIGN: return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
        case K_ERF: return erf(f->par * x);
        case K_TANH: return tanh(x);
        case K_SIGMOID: return sigm(x);
        case K_GELU: return 0.5 * x * erfc(-x * SC_SQRT1_2);
        case K_GELU_TANH:
            return x * sigm(2.0 * 0.7978845608028654 * (x + 0.044715 * x * x * x));
        case K_SILU: return x * sigm(f->par * x);
        case K_SOFTPLUS:
        {
            double z = f->par * x;
            return ((z > 0 ? z : 0.0) + log1p(exp(-fabs(z)))) / f->par;
        }
        case K_ELU: return x > 0 ? x : f->par * expm1(x);
        case K_SIN: return sin(x);
        case K_COS: return cos(x);
        case K_HERMITE:
        case K_POLY:
            y = 0.0;
            for (k = f->ncoef - 1; k >= 0; k--)
                y = y * x + f->coef[k];
            return y;
    }
    return NAN;
}

double sc_simact_eval(const sc_simact *f, double x)
{
    return eval1(f, x);
}

void sc_simact_apply(const sc_simact *f, double *y, const double *x, long n)
{
    long i;
    /* the cheap piecewise-linear ones get their own loops, vectorised
       (omp simd: y == x is allowed, each element is read before it is written) */
    switch (f->kind)
    {
        case K_LINEAR:
            if (y != x)
                memmove(y, x, n * sizeof(double));
            return;
        case K_RELU:
#pragma omp simd
            for (i = 0; i < n; i++)
                y[i] = x[i] > 0 ? x[i] : 0.0;
            return;
        case K_LEAKY:
        {
            double a = f->par;
#pragma omp simd
            for (i = 0; i < n; i++)
                y[i] = x[i] > 0 ? x[i] : a * x[i];
            return;
        }
        case K_ABS:
#pragma omp simd
            for (i = 0; i < n; i++)
                y[i] = fabs(x[i]);
            return;
        case K_TANH:
            for (i = 0; i < n; i++)
                y[i] = tanh(x[i]);
            return;
        default:
            for (i = 0; i < n; i++)
                y[i] = eval1(f, x[i]);
    }
}
