/* Everything `synccert rqf` reports, through the precision policy: the RQF
   formulas (rqf.c) next to the general machinery for the linear activation
   (twopoint, lyapunov), and whether the two agree. */
#include <flint/fmpz_vec.h>
#include "synccert/rqf.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/kernel.h"
#include "synccert/act.h"

void sc_rqf_result_init(sc_rqf_result *r)
{
    r->nshown = r->first = 0;
    r->k = NULL;
    r->spectrum = NULL;
    fmpq_init(r->spectrum_sum);
    arb_init(r->contraction);
    arb_init(r->b); arb_init(r->a); arb_init(r->lambda); arb_init(r->v);
    arb_init(r->psync); arb_init(r->panti);
    arb_init(r->gb); arb_init(r->ga); arb_init(r->glambda); arb_init(r->gv);
    arb_init(r->theta_drift);
    r->has_theta0 = r->theta0_inside = 0;
    r->agree = 0;
    r->prec = 0;
}

void sc_rqf_result_clear(sc_rqf_result *r)
{
    if (r->k != NULL)
    {
        _fmpz_vec_clear(r->k, r->nshown);
        _arb_vec_clear(r->spectrum, r->nshown);
    }
    fmpq_clear(r->spectrum_sum);
    arb_clear(r->contraction);
    arb_clear(r->b); arb_clear(r->a); arb_clear(r->lambda); arb_clear(r->v);
    arb_clear(r->psync); arb_clear(r->panti);
    arb_clear(r->gb); arb_clear(r->ga); arb_clear(r->glambda); arb_clear(r->gv);
    arb_clear(r->theta_drift);
}

typedef struct
{
    sc_rqf_result *r;
    const fmpz *n;
    const fmpq *sigma, *rho, *theta0;
    sc_act_t lin;
    sc_lyap_result lr;
    slong digits;
}
rqf_ctx;

static int rqf_step(void *ctx, slong prec)
{
    rqf_ctx *c = ctx;
    sc_rqf_result *r = c->r;
    arb_t s2, x;
    int st;

    arb_init(s2);
    arb_init(x);
    arb_set_fmpq(s2, c->sigma, prec);
    arb_sqr(s2, s2, prec);
    arb_set_fmpq(x, c->rho, prec);
    sc_rqf_ba(r->b, r->a, x, s2, prec);
    arb_neg(r->lambda, s2);                     /* -(lambda_1 - lambda_2) */
    arb_mul_2exp_si(r->v, s2, 1);
    st = sc_lyapunov_eval(&c->lr, c->lin, c->n, c->sigma, NULL, NULL, NULL, prec);
    if (st == SC_OK)
        st = sc_twopoint_eval(r->gb, r->ga, c->lin, c->n, c->rho, c->sigma, NULL, NULL, prec);
    arb_set(r->glambda, c->lr.lambda);
    arb_set(r->gv, c->lr.v);
    if (st == SC_OK && r->has_theta0)
    {
        arb_set_fmpq(x, c->theta0, prec);
        sc_rqf_probs(r->psync, r->panti, x, prec);
        if (r->theta0_inside)
        {
            arb_cos(x, x, prec);
            st = sc_rqf_theta_drift_general(r->theta_drift, c->n, c->sigma, x, prec);
        }
    }
    r->prec = prec;
    arb_clear(s2);
    arb_clear(x);
    return st;
}

static int rqf_done(void *ctx)
{
    const rqf_ctx *c = ctx;
    const sc_rqf_result *r = c->r;
    arb_srcptr all[] = { r->b, r->a, r->lambda, r->v, r->gb, r->ga, r->glambda, r->gv,
                         r->psync, r->panti, r->theta_drift };
    slong i, m = !r->has_theta0 ? 8 : !r->theta0_inside ? 10 : 11;
    for (i = 0; i < m; i++)
        if (!sc_arb_meets_digits(all[i], c->digits))
            return SC_PREC_MORE;
    return SC_PREC_DONE;
}

/* The exponents shown and the exact quantities of the spectrum, rounded
   at prec. */
static void rqf_spectrum(sc_rqf_result *r, const fmpz_t n, const fmpq_t sigma, int full, slong prec)
{
    fmpq_t l, d;
    fmpz_t k;
    slong i, last;

    fmpq_init(l);
    fmpq_init(d);
    fmpz_init(k);
    if (full || fmpz_cmp_si(n, 20) <= 0)
    {
        r->first = fmpz_get_si(n);
        last = 0;
    }
    else
    {
        r->first = 3;
        last = 2;
    }
    r->nshown = r->first + last;
    r->k = _fmpz_vec_init(r->nshown);
    r->spectrum = _arb_vec_init(r->nshown);
    for (i = 0; i < r->nshown; i++)
    {
        if (i < r->first)
            fmpz_set_si(r->k + i, i + 1);
        else
            fmpz_sub_si(r->k + i, n, r->nshown - 1 - i);
        sc_rqf_lyap_k(l, n, r->k + i, sigma);
        arb_set_fmpq(r->spectrum + i, l, prec);
    }
    sc_rqf_spectrum_sum(r->spectrum_sum, n, sigma);
    /* lambda_1 - lambda_2, exactly */
    fmpz_set_ui(k, 2);
    sc_rqf_lyap_k(d, n, k, sigma);
    fmpz_one(k);
    sc_rqf_lyap_k(l, n, k, sigma);
    fmpq_sub(l, l, d);
    arb_set_fmpq(r->contraction, l, prec);
    fmpq_clear(d);
    fmpq_clear(l);
    fmpz_clear(k);
}

int sc_rqf_certify(sc_rqf_result *r, const fmpz_t n, const fmpq_t sigma, const fmpq_t rho,
                   const fmpq_t theta0, int full, slong digits)
{
    rqf_ctx c = { .r = r, .n = n, .sigma = sigma, .rho = rho, .theta0 = theta0, .digits = digits };
    /* 64 bits above the digits, as always for the RQF: the printed
       enclosure of the theta drift (a zero) depends on the precision */
    sc_prec_policy pol = { .who = "rqf", .digits = digits, .start = sc_prec_for_digits(digits) + 64 };
    int st;

    if ((st = sc_twopoint_check_inputs(n, sigma, NULL, NULL)) != SC_OK ||
        (st = sc_kernel_check_inputs(rho, NULL, NULL)) != SC_OK ||
        (theta0 != NULL && (st = sc_rqf_check_theta0(theta0)) != SC_OK))
        return st;
    if (full && fmpz_cmp_si(n, SC_RQF_FULL_MAX) > 0)
        return sc_error(SC_ERR_INPUT, "the full spectrum needs dimension <= %d", SC_RQF_FULL_MAX);
    if (sc_act_lookup("linear") == NULL)
        return sc_error(SC_ERR_UNSUPPORTED, "the linear activation is not registered");
    r->has_theta0 = theta0 != NULL;
    r->theta0_inside = theta0 != NULL && !fmpq_is_zero(theta0);   /* theta0 < pi is certified */
    sc_act_init(c.lin);
    sc_act_set_default(c.lin, sc_act_lookup("linear"));
    sc_lyap_result_init(&c.lr);
    st = sc_prec_run(&pol, rqf_step, rqf_done, &c);
    sc_lyap_result_clear(&c.lr);
    sc_act_clear(c.lin);
    if (st != SC_OK)
        return st;
    rqf_spectrum(r, n, sigma, full, r->prec);
    r->agree = arb_overlaps(r->b, r->gb) && arb_overlaps(r->a, r->ga) &&
               arb_overlaps(r->lambda, r->glambda) && arb_overlaps(r->v, r->gv) &&
               (!r->theta0_inside || arb_contains_zero(r->theta_drift));
    return SC_OK;
}
