/* One operator of an expression on complex balls, honouring the analytic
   flag acb_calc_integrate needs (doc/model.md 2.6):
   - entire functions (exp, expm1, sin, cos, sinh, cosh, erf, erfc, Phi,
     gelu, polynomials): always holomorphic;
   - meromorphic ones (tanh, sigmoid, division, negative powers): a ball
     containing a pole gives a non-finite enclosure, which is made
     indeterminate, so a finite result certifies holomorphy;
   - branch cuts: log and fractional powers (cut (-inf, 0], Arb's
     *_analytic functions), sqrt, log1p (cut (-inf, -1]), atan (cuts on the
     imaginary axis beyond +-i), softplus (accepted only where |Im u| < 3/2
     < pi/2, where 1 + e^u has positive real part);
   - kink primitives abs, sign, step, relu, max, min: with a branch br = +-1
     (the piece's side) the branch's entire continuation; with br = 0 Arb's
     acb_real_* functions, indeterminate with `analytic` when the ball meets
     the kink, and otherwise enclosing the values at the real points. */
#include "synccert/act.h"      /* sc_acb_normal_cdf */
#include <acb_hypgeom.h>
#include "exprint.h"


/* 1 / (1 + e^{-u}), without overflow on either side */
static void sigmoid(acb_t res, const acb_t u, slong prec)
{
    acb_t t;
    acb_init(t);
    if (arb_is_nonnegative(acb_realref(u)))
    {
        acb_neg(t, u);
        acb_exp(t, t, prec);
        acb_add_ui(t, t, 1, prec);
        acb_inv(res, t, prec);
    }
    else
    {
        acb_exp(t, u, prec);
        acb_add_ui(res, t, 1, prec);
        acb_div(res, t, res, prec);
    }
    acb_clear(t);
}

/* log(1 + e^u) = u + log1p(e^{-u}) for Re u > 0, else log1p(e^u) */
static void softplus(acb_t res, const acb_t u, int analytic, slong prec)
{
    acb_t t;
    if (analytic)
    {
        arb_t y, lim;
        int ok;
        arb_init(y);
        arb_init(lim);
        arb_abs(y, acb_imagref(u));
        arb_set_d(lim, 1.5);
        ok = arb_lt(y, lim);
        arb_clear(y);
        arb_clear(lim);
        if (!ok)
        {
            acb_indeterminate(res);
            return;
        }
    }
    acb_init(t);
    if (arb_is_positive(acb_realref(u)))
    {
        acb_neg(t, u);
        acb_exp(t, t, prec);
        acb_log1p(t, t, prec);
        acb_add(res, u, t, prec);
    }
    else
    {
        acb_exp(t, u, prec);
        acb_log1p(res, t, prec);
    }
    acb_clear(t);
}

/* Does the ball w meet the ray (-inf, 0]?  (the cut of log w, w^r) */
static int meets_neg_ray(const acb_t w)
{
    return arb_contains_zero(acb_imagref(w)) && !arb_is_positive(acb_realref(w));
}

void _sc_expr_op_acb(acb_t res, const sc_enode *n, const acb_t u, const acb_t v, int br,
                     int analytic, slong prec)
{
    acb_t t;
    switch (n->op)
    {
        case E_ADD: acb_add(res, u, v, prec); break;
        case E_SUB: acb_sub(res, u, v, prec); break;
        case E_MUL: acb_mul(res, u, v, prec); break;
        case E_DIV: acb_div(res, u, v, prec); break;
        case E_NEG: acb_neg(res, u); break;
        case E_POW:
            if (fmpz_is_one(fmpq_denref(n->q)) && fmpz_fits_si(fmpq_numref(n->q)))
            {
                slong k = fmpz_get_si(fmpq_numref(n->q));
                if (k < 0 && acb_contains_zero(u))
                    acb_indeterminate(res);
                else
                    acb_pow_si(res, u, k, prec);
            }
            else
            {
                acb_init(t);
                acb_set_fmpq(t, n->q, prec);
                if (analytic && meets_neg_ray(u))
                    acb_indeterminate(res);
                else
                    acb_pow_analytic(res, u, t, analytic, prec);
                acb_clear(t);
            }
            break;
        case E_EXP: acb_exp(res, u, prec); break;
        case E_EXPM1: acb_expm1(res, u, prec); break;
        case E_LOG: acb_log_analytic(res, u, analytic, prec); break;
        case E_LOG1P:
            acb_init(t);
            acb_add_ui(t, u, 1, prec);
            if (analytic && meets_neg_ray(t))
                acb_indeterminate(res);
            else
                acb_log1p(res, u, prec);
            acb_clear(t);
            break;
        case E_SQRT: acb_sqrt_analytic(res, u, analytic, prec); break;
        case E_TANH: acb_tanh(res, u, prec); break;
        case E_SINH: acb_sinh(res, u, prec); break;
        case E_COSH: acb_cosh(res, u, prec); break;
        case E_SIN: acb_sin(res, u, prec); break;
        case E_COS: acb_cos(res, u, prec); break;
        case E_ATAN:
            if (analytic && arb_contains_zero(acb_realref(u)))
            {
                /* cuts: Re u = 0, |Im u| >= 1 */
                arb_t y, one;
                int bad;
                arb_init(y);
                arb_init(one);
                arb_abs(y, acb_imagref(u));
                arb_one(one);
                bad = !arb_lt(y, one);
                arb_clear(y);
                arb_clear(one);
                if (bad)
                {
                    acb_indeterminate(res);
                    break;
                }
            }
            acb_atan(res, u, prec);
            break;
        case E_ERF: acb_hypgeom_erf(res, u, prec); break;
        case E_ERFC: acb_hypgeom_erfc(res, u, prec); break;
        case E_PHI: sc_acb_normal_cdf(res, u, prec); break;
        case E_GELU:
            acb_init(t);
            sc_acb_normal_cdf(t, u, prec);
            acb_mul(res, u, t, prec);
            acb_clear(t);
            break;
        case E_SIGMOID: sigmoid(res, u, prec); break;
        case E_SOFTPLUS: softplus(res, u, analytic, prec); break;
        case E_ABS:
            if (br > 0) acb_set(res, u);
            else if (br < 0) acb_neg(res, u);
            else acb_real_abs(res, u, analytic, prec);
            break;
        case E_SIGN:
            if (br) acb_set_si(res, br);
            else acb_real_sgn(res, u, analytic, prec);
            break;
        case E_STEP:
            if (br) acb_set_si(res, br > 0);
            else acb_real_heaviside(res, u, analytic, prec);
            break;
        case E_RELU:
            if (br > 0) acb_set(res, u);
            else if (br < 0) acb_zero(res);
            else
            {
                acb_init(t);
                acb_real_max(res, u, t, analytic, prec);
                acb_clear(t);
            }
            break;
        case E_MAX:
            if (br > 0) acb_set(res, u);
            else if (br < 0) acb_set(res, v);
            else acb_real_max(res, u, v, analytic, prec);
            break;
        case E_MIN:
            if (br > 0) acb_set(res, v);
            else if (br < 0) acb_set(res, u);
            else acb_real_min(res, u, v, analytic, prec);
            break;
        default:
            acb_indeterminate(res);
    }
    if (!acb_is_finite(res))
        acb_indeterminate(res);
}
