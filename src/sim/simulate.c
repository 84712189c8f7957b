/* What the sc_simulate_* calls share: the problem and its defaults, the
   double-precision model built from it, the timing of a run and the
   comparison of an estimate with a certified ball (statistical, not
   certified: see sim.h). */
#include <math.h>
#include <string.h>
#include "simint.h"

void sc_sim_cmp_init(sc_sim_cmp *c)
{
    memset(&c->est, 0, sizeof(c->est));
    arb_init(c->cert);
    c->allowance = c->diff = c->z = c->threshold = 0.0;
    c->applicable = c->consistent = 0;
}

void sc_sim_cmp_clear(sc_sim_cmp *c)
{
    arb_clear(c->cert);
}

void sc_sim_cmp_eval(sc_sim_cmp *c)
{
    arf_t lo, hi;
    double l, h, m = c->est.mean, se = c->est.se;
    arf_init(lo);
    arf_init(hi);
    /* the ball's end points rounded outwards to double */
    arb_get_lbound_arf(lo, c->cert, 64);
    arb_get_ubound_arf(hi, c->cert, 64);
    l = arf_get_d(lo, ARF_RND_FLOOR);
    h = arf_get_d(hi, ARF_RND_CEIL);
    arf_clear(lo);
    arf_clear(hi);
    c->applicable = isfinite(l) && isfinite(h) && isfinite(se) && arb_is_finite(c->cert);
    c->diff = m < l ? l - m : (m > h ? m - h : 0.0);
    c->z = se > 0 ? c->diff / se : (c->diff > 0 ? INFINITY : 0.0);
    c->threshold = 5.0 * se + c->allowance;
    c->consistent = c->applicable && c->diff <= c->threshold;
}

int sc_simulate_check_est(const sc_sim_est *e, const char *what)
{
    if (isfinite(e->mean))
        return SC_OK;
    return sc_error(SC_ERR_UNSUPPORTED, "the simulated %s is not finite: the double-precision "
                    "network overflowed (activation values too large for doubles); no estimate", what);
}

void sc_simulate_problem_init(sc_simulate_problem *pb, int measure)
{
    static const double T[] = { 100, 0, 2, 20, 200 };
    static const long runs[] = { 8, 100000, 8, 4000, 1000 };
    int k = measure >= SC_SIMULATE_LYAPUNOV && measure <= SC_SIMULATE_PAIR ? measure : 0;
    sc_sim_params P;
    sc_sim_params_default(&P);
    pb->d = P.d;
    pb->m = P.m;
    fmpq_init(pb->sigma);
    fmpq_init(pb->q);
    fmpq_init(pb->s);
    fmpq_one(pb->sigma);
    fmpq_one(pb->q);
    pb->h = P.h;
    pb->T = T[k];
    pb->runs = runs[k];
    pb->seed = P.seed;
    pb->threads = P.threads;
    pb->progress = P.progress;
    pb->delta = 1e-6;
    fmpq_init(pb->rho);
    if (measure == SC_SIMULATE_MOMENTS)
        fmpq_set_si(pb->rho, 3, 10);
    pb->tokens = 32;
    pb->points = 10;
    fmpq_init(pb->p);
    fmpq_one(pb->p);
    fmpq_init(pb->gamma);
    fmpq_init(pb->beta);
    fmpq_one(pb->beta);
    pb->attention = P.attention;
    fmpq_init(pb->qkv_norm);
    fmpq_one(pb->qkv_norm);
    pb->projective = 0;
    pb->stop = 1e-12;
    if (measure == SC_SIMULATE_PAIR)
        pb->m = 64;
}

void sc_simulate_problem_clear(sc_simulate_problem *pb)
{
    fmpq_clear(pb->sigma);
    fmpq_clear(pb->q);
    fmpq_clear(pb->s);
    fmpq_clear(pb->rho);
    fmpq_clear(pb->p);
    fmpq_clear(pb->gamma);
    fmpq_clear(pb->beta);
    fmpq_clear(pb->qkv_norm);
}

int sc_simulate_setup(sc_simulate_run *run, const sc_act_t act, const sc_simulate_problem *pb)
{
    sc_sim_params *P = &run->P;
    int st;
    sc_sim_params_default(P);
    if (act != NULL && (st = sc_simact_init(&P->phi, act)) != SC_OK)
        return st;
    P->d = pb->d;
    P->m = pb->m;
    P->sigma = fmpq_get_d(pb->sigma);
    P->q = fmpq_get_d(pb->q);
    P->s = fmpq_get_d(pb->s);
    P->h = pb->h;
    P->gamma = fmpq_get_d(pb->gamma);
    P->beta = fmpq_get_d(pb->beta);
    P->attention = pb->attention;
    P->qkv_norm = fmpq_get_d(pb->qkv_norm);
    P->projective = pb->projective;
    P->seed = pb->seed;
    P->threads = pb->threads;
    P->progress = pb->progress;
    run->threads = sc_sim_threads(P);
    run->seconds = run->per_second = 0.0;
    return SC_OK;
}

void sc_simulate_timed(sc_simulate_run *run, double t0, double work)
{
    run->seconds = sc_clock_seconds() - t0;
    run->per_second = work / run->seconds;
}

double sc_simulate_mid(const arb_t x)
{
    return arf_get_d(arb_midref(x), ARF_RND_NEAR);
}
