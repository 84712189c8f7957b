/* sc_simulate_energy: the interaction energy of N tokens next to the
   certified decay rate r_p = c_p - p gamma L_att (doc/model.md section 5). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "simint.h"
#include "synccert/coercivity.h"
#include "synccert/kfun.h"
#include "synccert/verdict.h"

void sc_simulate_energy_result_init(sc_simulate_energy_result *r)
{
    r->npts = 0;
    r->t = NULL;
    r->Ep = r->ratio = NULL;
    r->rate.mean = r->rate.se = r->rate.n = 0.0;
    r->nblocks = 0.0;
    arb_init(r->Latt);
    r->have_rp = 0;
    arb_init(r->cp);
    arb_init(r->rp);
    r->verdict = SC_DISS_UNDECIDED;
    r->bound = NULL;
    r->note[0] = '\0';
}

void sc_simulate_energy_result_clear(sc_simulate_energy_result *r)
{
    free(r->t);
    free(r->Ep);
    free(r->ratio);
    arb_clear(r->Latt);
    arb_clear(r->cp);
    arb_clear(r->rp);
    if (r->bound != NULL)
        _arb_vec_clear(r->bound, r->npts + 1);
}

/* c_p by branch and bound at 128 bits (tolerance 1e-6, 200000 boxes, 30 s:
   the simulation is what the user waits for).  A failure is not an error of
   the command: it becomes r->note. */
static int certified_cp(sc_simulate_energy_result *r, const sc_act_t act, const sc_simulate_problem *pb)
{
    sc_kfun_t kf;
    sc_fparams_t fp;
    sc_coerc_result cr;
    arf_t tol;
    int st;

    if (!pb->projective && sc_act_is_odd(act, pb->s))       /* b(-1) = a(-1) = 0 */
        return sc_error(SC_ERR_UNSUPPORTED, "odd activation without bias: c_p <= 0 (doc/model.md "
                        "section 5), no decay certificate; see --projective");
    if (pb->projective && !sc_act_is_odd(act, pb->s))
        return sc_error(SC_ERR_UNSUPPORTED, "the activation is not odd (with this bias): c_p^pm = -inf "
                        "(doc/model.md section 10), no decay certificate");
    if (pb->projective && fmpq_sgn(pb->gamma) > 0)
        return sc_error(SC_ERR_UNSUPPORTED, "the projective certificate is for gamma = 0 (doc/model.md "
                        "section 10)");
    if ((st = sc_kfun_init_act(kf, act, pb->q, pb->s, 1, 128)) != SC_OK)
        return st;
    sc_fparams_init(fp);
    sc_coerc_result_init(&cr);
    arf_init(tol);
    arb_set_si(fp->d, pb->d);
    arb_set_fmpq(fp->sigma2, pb->sigma, 128);
    arb_sqr(fp->sigma2, fp->sigma2, 128);
    arb_set_fmpq(fp->p, pb->p, 128);
    fp->projective = pb->projective;
    arf_set_d(tol, 1e-6);
    sc_budget_set(30.0);
    st = sc_coercivity_bb(&cr, kf, fp, tol, NULL, 200000);
    sc_budget_set(0);
    if (st == SC_OK && arf_is_neg_inf(cr.lo))
        arb_indeterminate(r->cp);
    else if (st == SC_OK)
        arb_set_interval_arf(r->cp, cr.lo, cr.hi, 128);
    sc_kfun_clear(kf);
    sc_fparams_clear(fp);
    sc_coerc_result_clear(&cr);
    arf_clear(tol);
    return st;
}

/* L_att, then c_p, r_p and the verdict (or the note saying why not). */
static void certified_rate(sc_simulate_energy_result *r, const sc_act_t act, const sc_simulate_problem *pb)
{
    arb_t beta, v, qk, x;
    int sign;

    arb_init(beta);
    arb_init(v);
    arb_init(qk);
    arb_init(x);
    /* ||V|| = ||Q^T K|| = 1 for Q = K = V = I; random Q, K, V are scaled to
       operator norm R, so ||V|| = R and ||Q^T K|| <= R^2 */
    arb_set_fmpq(beta, pb->beta, 128);
    if (pb->attention == SC_SIM_ATT_RANDOM)
    {
        arb_set_fmpq(v, pb->qkv_norm, 128);
        arb_sqr(qk, v, 128);
    }
    else
    {
        arb_one(v);
        arb_one(qk);
    }
    sc_attention_bound(r->Latt, beta, v, qk, 128);
    if (certified_cp(r, act, pb) != SC_OK)
        snprintf(r->note, sizeof(r->note), "%s", sc_last_error()[0] ? sc_last_error() : "no enclosure");
    else
    {
        r->have_rp = 1;
        arb_set_fmpq(x, pb->gamma, 128);
        arb_mul(x, x, r->Latt, 128);
        arb_set_fmpq(v, pb->p, 128);
        arb_mul(x, x, v, 128);
        arb_sub(r->rp, r->cp, x, 128);
        sign = sc_arb_sign(r->rp);
        r->verdict = sign > 0 ? SC_DISS_YES : sign < 0 ? SC_DISS_NO : SC_DISS_UNDECIDED;
    }
    arb_clear(beta);
    arb_clear(v);
    arb_clear(qk);
    arb_clear(x);
}

int sc_simulate_energy(sc_simulate_energy_result *r, const sc_act_t act,
                       const sc_simulate_problem *pb)
{
    long k, n;
    double t0, Tend;
    sc_sim_est last;
    arb_t x;
    int st;

    if ((st = sc_simulate_setup(&r->run, act, pb)) != SC_OK)
        return st;
    certified_rate(r, act, pb);
    /* arrays of points + 1 entries (sc_sim_energy rejects a bad count
       before it writes) */
    r->npts = pb->points;
    n = (pb->points >= 1 && pb->points <= 100000 ? pb->points : 0) + 1;
    r->t = sc_sim_malloc(n * sizeof(double));
    r->Ep = sc_sim_malloc(n * sizeof(sc_sim_est));
    r->ratio = sc_sim_malloc(n * sizeof(sc_sim_est));
    r->nblocks = floor(pb->T / pb->h + 0.5);
    t0 = sc_clock_seconds();
    st = sc_sim_energy(r->Ep, r->ratio, r->t, &r->run.P, pb->tokens, fmpq_get_d(pb->p), pb->T,
                       pb->runs, &r->npts);
    sc_simulate_timed(&r->run, t0, r->nblocks * pb->runs * pb->tokens);
    for (k = 0; k <= r->npts && st == SC_OK; k++)
        if ((st = sc_simulate_check_est(r->Ep + k, "energy")) == SC_OK)
            st = sc_simulate_check_est(r->ratio + k, "energy ratio");
    if (st != SC_OK)
        return st;
    /* empirical rate from the last point; s.e. by the delta method (+inf
       when the mean energy at T is 0 in double precision: the tokens
       coincide; printed as null with a note) */
    last = r->ratio[r->npts];
    Tend = r->t[r->npts];
    r->rate.mean = -log(last.mean) / Tend;
    r->rate.se = last.se / (last.mean * Tend);
    r->rate.n = last.n;
    if (r->verdict == SC_DISS_YES)
    {
        /* the certified bound E[E_p(t)] / E_p(0) <= exp(-r_p t) */
        arb_init(x);
        r->bound = _arb_vec_init(r->npts + 1);
        for (k = 0; k <= r->npts; k++)
        {
            arb_set_d(x, r->t[k]);
            arb_mul(r->bound + k, r->rp, x, 128);
            arb_neg(r->bound + k, r->bound + k);
            arb_exp(r->bound + k, r->bound + k, 128);
        }
        arb_clear(x);
    }
    return SC_OK;
}
