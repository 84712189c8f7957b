/* sc_simulate_lyapunov, sc_simulate_moments: the pair measures next to the
   certified two-point quantities (doc/model.md sections 3 and 4). */
#include <math.h>
#include <flint/fmpz.h>
#include "simint.h"
#include "synccert/lyapunov.h"
#include "synccert/twopoint.h"

void sc_simulate_lyapunov_result_init(sc_simulate_lyapunov_result *r)
{
    sc_sim_cmp_init(&r->lambda);
    arb_init(r->K1);
    arb_init(r->dK1);
    r->nblocks = r->step_parameter = 0.0;
}

void sc_simulate_lyapunov_result_clear(sc_simulate_lyapunov_result *r)
{
    sc_sim_cmp_clear(&r->lambda);
    arb_clear(r->K1);
    arb_clear(r->dK1);
}

void sc_simulate_moments_result_init(sc_simulate_moments_result *r)
{
    sc_sim_cmp_init(&r->b);
    sc_sim_cmp_init(&r->a);
    arb_init(r->K1);
    r->step_parameter = 0.0;
}

void sc_simulate_moments_result_clear(sc_simulate_moments_result *r)
{
    sc_sim_cmp_clear(&r->b);
    sc_sim_cmp_clear(&r->a);
    arb_clear(r->K1);
}

/* The certified Lyapunov quantities (10 digits; K(1) also sizes the
   allowances), b(rho0), a(rho0) when b != NULL, and the step parameter
   h sigma^2 d K(1).  Computed before simulating: fast, and a failure stops
   before the long part. */
static int certified(sc_lyap_result *lr, arb_t b, arb_t a, double *step_parameter,
                     const sc_act_t act, const sc_simulate_problem *pb, const sc_sim_params *P)
{
    fmpz_t d;
    int st;
    fmpz_init(d);
    fmpz_set_si(d, pb->d);
    st = sc_lyapunov_certify(lr, act, d, pb->sigma, pb->q, pb->s, 10, 0);
    if (st == SC_OK && b != NULL)
        st = sc_twopoint_certify(b, a, act, d, pb->rho, pb->sigma, pb->q, pb->s, 10, 0);
    fmpz_clear(d);
    *step_parameter = P->h * P->sigma * P->sigma * P->d * sc_simulate_mid(lr->K1);
    return st;
}

int sc_simulate_lyapunov(sc_simulate_lyapunov_result *r, const sc_act_t act,
                         const sc_simulate_problem *pb)
{
    sc_lyap_result lr;
    const sc_sim_params *P = &r->run.P;
    double t0, dK1;
    int st;

    if ((st = sc_simulate_setup(&r->run, act, pb)) != SC_OK)
        return st;
    sc_lyap_result_init(&lr);
    if ((st = certified(&lr, NULL, NULL, &r->step_parameter, act, pb, P)) == SC_OK)
    {
        arb_set(r->K1, lr.K1);
        arb_set(r->dK1, lr.dK1);
        arb_set(r->lambda.cert, lr.lambda);
        r->nblocks = floor(pb->T / pb->h + 0.5);
        t0 = sc_clock_seconds();
        st = sc_sim_lyapunov(&r->lambda.est, P, pb->T, pb->runs, pb->delta);
        sc_simulate_timed(&r->run, t0, r->nblocks * pb->runs);
        if (st == SC_OK)
            st = sc_simulate_check_est(&r->lambda.est, "Lyapunov exponent");
    }
    if (st == SC_OK)
    {
        dK1 = arb_is_finite(r->dK1) ? sc_simulate_mid(r->dK1) : INFINITY;
        r->lambda.allowance = sc_sim_allowance_lyapunov(P, sc_simulate_mid(r->K1), dK1);
        sc_sim_cmp_eval(&r->lambda);
    }
    sc_lyap_result_clear(&lr);
    return st;
}

int sc_simulate_moments(sc_simulate_moments_result *r, const sc_act_t act,
                        const sc_simulate_problem *pb)
{
    sc_lyap_result lr;
    const sc_sim_params *P = &r->run.P;
    double t0, K1;
    int st;

    if ((st = sc_simulate_setup(&r->run, act, pb)) != SC_OK)
        return st;
    sc_lyap_result_init(&lr);
    if ((st = certified(&lr, r->b.cert, r->a.cert, &r->step_parameter, act, pb, P)) == SC_OK)
    {
        arb_set(r->K1, lr.K1);
        t0 = sc_clock_seconds();
        st = sc_sim_moments(&r->b.est, &r->a.est, P, fmpq_get_d(pb->rho), pb->runs);
        sc_simulate_timed(&r->run, t0, (double) pb->runs);
        if (st == SC_OK && (st = sc_simulate_check_est(&r->b.est, "drift b")) == SC_OK)
            st = sc_simulate_check_est(&r->a.est, "variance a");
    }
    if (st == SC_OK)
    {
        K1 = sc_simulate_mid(r->K1);
        r->b.allowance = sc_sim_allowance_b(P, K1);
        r->a.allowance = sc_sim_allowance_a(P, K1);
        sc_sim_cmp_eval(&r->b);
        sc_sim_cmp_eval(&r->a);
    }
    sc_lyap_result_clear(&lr);
    return st;
}
