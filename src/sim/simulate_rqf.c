/* sc_simulate_rqf: the Random Quadratic Form pair next to its certified
   absorption probabilities (doc/model.md section 6). */
#include <math.h>
#include "simint.h"
#include "synccert/rqf.h"

void sc_simulate_rqf_result_init(sc_simulate_rqf_result *r)
{
    r->counts.runs = r->counts.sync = r->counts.anti = r->counts.unsettled = 0;
    sc_sim_cmp_init(&r->psync);
    arb_init(r->panti);
}

void sc_simulate_rqf_result_clear(sc_simulate_rqf_result *r)
{
    sc_sim_cmp_clear(&r->psync);
    arb_clear(r->panti);
}

int sc_simulate_rqf(sc_simulate_rqf_result *r, const sc_simulate_problem *pb)
{
    sc_sim_est *e = &r->psync.est;
    double t0, p, n;
    arb_t theta0;
    int st;

    if ((st = sc_simulate_setup(&r->run, NULL, pb)) != SC_OK)
        return st;
    /* P(sync) = 1 - theta0/pi, P(antipodal) = theta0/pi, theta0 = arccos rho0 */
    arb_init(theta0);
    arb_set_fmpq(theta0, pb->rho, 128);
    arb_acos(theta0, theta0, 128);
    sc_rqf_probs(r->psync.cert, r->panti, theta0, 128);
    arb_clear(theta0);
    t0 = sc_clock_seconds();
    st = sc_sim_rqf(&r->counts, &r->run.P, fmpq_get_d(pb->rho), pb->T, pb->runs);
    sc_simulate_timed(&r->run, t0, (double) pb->runs);
    if (st != SC_OK)
        return st;
    /* binomial standard error at the certified probability p; p (1 - p) is
       floored at 1/(4 runs) so that a sure outcome (p = 0 or 1) keeps a
       positive standard error */
    p = sc_simulate_mid(r->psync.cert);
    n = (double) r->counts.runs;
    e->mean = r->counts.sync / n;
    e->se = sqrt(fmax(p * (1 - p), 0.25 / n) / n);
    e->n = n;
    r->psync.allowance = sc_sim_allowance_rqf(&r->run.P);
    sc_sim_cmp_eval(&r->psync);
    return SC_OK;
}
