/* The pair measure (statistical, not certified): two tokens through the
   discrete network with identity attention until they synchronise or end
   antipodal, next to the certified P(sync | rho0) of doc/model.md
   section 9 (sc_pair_certify).

   One block from x = e1, y = rho e1 + sr e2 (sr = sqrt(1 - rho^2)): the noise
   of the reduced sampler (sc_sim_pair_noise_t, pair.c) and the attention
   drift at the old positions, G(x) = w (y - rho x) = w sr e2 and
   G(y) = w (x - rho y) = w ((1 - rho^2) e1 - rho sr e2), both in the plane of
   the pair: a = x + c xi + h gamma G(x), b = y + c eta + h gamma G(y), and the
   new overlap <a, b> / (|a| |b|) with the Wishart sums for the other d - 2
   coordinates. */
#include <math.h>
#include "simint.h"
#include "synccert/pair.h"

/* one block: the new overlap (work: 2 m doubles) */
static double pair_step(const sc_sim_params *P, gsl_rng *r, double *work, double rho)
{
    double *u = work, *v = work + P->m;
    sc_sim_pair_noise_t z;
    double sr = sqrt(fmax(0.0, (1.0 - rho) * (1.0 + rho)));
    double c = P->sigma * sqrt(P->h), cc = c * c;
    double w = 1.0 / (1.0 + exp(P->beta * (1.0 - rho))), g = P->h * P->gamma * w;
    double a1, a2, b1, b2, aa, bb, ab, rn;

    _sc_sim_pair_noise(&z, P, r, u, v, rho, sr);
    a1 = 1.0 + c * z.x1;
    a2 = c * z.x2 + g * sr;
    b1 = rho + c * z.y1 + g * (1.0 - rho) * (1.0 + rho);
    b2 = sr + c * z.y2 - g * rho * sr;
    aa = a1 * a1 + a2 * a2 + cc * z.S11;
    bb = b1 * b1 + b2 * b2 + cc * z.S22;
    ab = a1 * b1 + a2 * b2 + cc * z.S12;
    rn = ab / sqrt(aa * bb);
    return rn > 1 ? 1.0 : (rn < -1 ? -1.0 : rn);
}

int sc_sim_pair(sc_sim_rqf_result *res, const sc_sim_params *P, double rho0, double T, long runs,
                double stop)
{
    long nsteps;
    int st;

    if ((st = sc_sim_check_params(P)) != SC_OK)
        return st;
    if (!(rho0 > -1 && rho0 < 1))
        return sc_error(SC_ERR_INPUT, "rho must lie in (-1, 1)");
    if (runs < 1 || runs > 100000000)
        return sc_error(SC_ERR_INPUT, "runs must lie in [1, 10^8]");
    if (!(stop >= 1e-15 && stop <= 0.1))
        return sc_error(SC_ERR_INPUT, "the stopping distance must lie in [1e-15, 0.1]");
    nsteps = (long) floor(T / P->h + 0.5);
    if (!(T > 0) || nsteps < 1 || (double) nsteps * runs > 1e12)
        return sc_error(SC_ERR_INPUT, "time T must give between 1 and 10^12 steps in all (T/h = %g)", T / P->h);
    return _sc_sim_absorb(res, P, rho0, nsteps, runs, stop, 2 * P->m, pair_step, "simulate pair");
}

void sc_simulate_pair_result_init(sc_simulate_pair_result *r)
{
    sc_sim_cmp_init(&r->psync);
    arb_init(r->panti);
    arb_init(r->switch_prob);
    r->counts.runs = r->counts.sync = r->counts.anti = r->counts.unsettled = 0;
    r->outcome = SC_PAIR_UNDECIDED;
    r->step_parameter = 0.0;
}

void sc_simulate_pair_result_clear(sc_simulate_pair_result *r)
{
    sc_sim_cmp_clear(&r->psync);
    arb_clear(r->panti);
    arb_clear(r->switch_prob);
}

/* P(sync | rho0), and at 1 - stop and -1 + stop for the stopping error
   (exact decimals of the double stop: a rational, as every certified input) */
static int certified(sc_simulate_pair_result *r, arb_t K1, arb_t dK1, const sc_act_t act,
                     const sc_simulate_problem *pb)
{
    sc_pair_problem P;
    sc_pair_result R;
    fmpq rho[3];
    int st, i;

    sc_pair_problem_init(&P);
    sc_pair_result_init(&R);
    for (i = 0; i < 3; i++)
        fmpq_init(rho + i);
    fmpz_set_si(P.d, pb->d);
    fmpq_set(P.sigma, pb->sigma);
    fmpq_set(P.q, pb->q);
    fmpq_set(P.s, pb->s);
    fmpq_set(P.gamma, pb->gamma);
    fmpq_set(P.beta, pb->beta);
    fmpq_set(rho + 0, pb->rho);
    {
        arf_t a;
        arf_init(a);
        arf_set_d(a, pb->stop);                 /* the exact value of the double */
        arf_get_fmpq(rho + 2, a);
        fmpq_sub_ui(rho + 1, rho + 2, 1);
        fmpq_neg(rho + 1, rho + 1);             /* 1 - stop */
        fmpq_sub_ui(rho + 2, rho + 2, 1);       /* -1 + stop */
        arf_clear(a);
    }
    sc_pair_problem_set_rho0(&P, rho, 3);
    P.digits = 6;
    st = sc_pair_certify(&R, act, &P);
    if (st == SC_OK && !R.has_prob)
        st = sc_error(SC_ERR_UNSUPPORTED, "the outcome of the pair is undecided: no certified P(sync)");
    if (st == SC_OK)
    {
        r->outcome = R.outcome;
        arb_set(r->psync.cert, R.psync);
        arb_set(r->panti, R.panti);
        arb_union(r->switch_prob, R.panti + 1, R.psync + 2, 64);
        arb_set(K1, R.ly.K1);
        arb_set(dK1, R.ly.dK1);
    }
    for (i = 0; i < 3; i++)
        fmpq_clear(rho + i);
    sc_pair_result_clear(&R);
    sc_pair_problem_clear(&P);
    return st;
}

int sc_simulate_pair(sc_simulate_pair_result *r, const sc_act_t act, const sc_simulate_problem *pb)
{
    sc_sim_params *P = &r->run.P;
    arb_t K1, dK1;
    arf_t sw;
    double t0, p, n;
    int st;

    if ((st = sc_simulate_setup(&r->run, act, pb)) != SC_OK)
        return st;
    if (fmpq_cmp_si(pb->rho, -1) <= 0 || fmpq_cmp_ui(pb->rho, 1) >= 0)
        return sc_error(SC_ERR_INPUT, "rho0 must lie in (-1, 1)");
    arb_init(K1);
    arb_init(dK1);
    arf_init(sw);
    if ((st = certified(r, K1, dK1, act, pb)) == SC_OK)
    {
        r->step_parameter = P->h * P->sigma * P->sigma * P->d * sc_simulate_mid(K1);
        t0 = sc_clock_seconds();
        st = sc_sim_pair(&r->counts, P, fmpq_get_d(pb->rho), pb->T, pb->runs, pb->stop);
        sc_simulate_timed(&r->run, t0, (double) pb->runs);
    }
    if (st == SC_OK)
    {
        /* the fraction and its binomial s.e. at the certified p (as for the RQF) */
        n = (double) r->counts.runs;
        p = sc_simulate_mid(r->psync.cert);
        r->psync.est.n = n;
        r->psync.est.mean = r->counts.sync / n;
        r->psync.est.se = sqrt(fmax(p * (1.0 - p), 0.25 / n) / n);
        arb_get_ubound_arf(sw, r->switch_prob, 64);
        r->psync.allowance = sc_sim_allowance_pair(P, sc_simulate_mid(K1),
                                                   arb_is_finite(dK1) ? sc_simulate_mid(dK1) : INFINITY)
                             + arf_get_d(sw, ARF_RND_UP);
        sc_sim_cmp_eval(&r->psync);
    }
    arb_clear(K1);
    arb_clear(dK1);
    arf_clear(sw);
    return st;
}
