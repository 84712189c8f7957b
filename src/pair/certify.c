/* `synccert pair`: the classes of both ends, the outcome and P(sync | rho0),
   P(antipodal | rho0), certified through the precision policy
   (doc/model.md section 9). */
#include <math.h>
#include <string.h>
#include "synccert/parse.h"
#include "pairint.h"
#include "synccert/twopoint.h"
#include "synccert/verdict.h"
#include "synccert/prec.h"

void sc_pair_problem_init(sc_pair_problem *P)
{
    fmpz_init_set_ui(P->d, 2);
    fmpq_init(P->sigma);
    fmpq_one(P->sigma);
    fmpq_init(P->q);
    fmpq_one(P->q);
    fmpq_init(P->s);
    fmpq_init(P->gamma);
    fmpq_init(P->beta);
    P->nrho = 0;
    P->rho0 = NULL;
    P->digits = 6;
    P->prec_cap = 0;
    P->kd_method = SC_PAIR_KD_AUTO;
}

void sc_pair_problem_clear(sc_pair_problem *P)
{
    fmpz_clear(P->d);
    fmpq_clear(P->sigma);
    fmpq_clear(P->q);
    fmpq_clear(P->s);
    fmpq_clear(P->gamma);
    fmpq_clear(P->beta);
    if (P->rho0 != NULL)
        _fmpq_vec_clear(P->rho0, P->nrho);
    P->rho0 = NULL;
    P->nrho = 0;
}

void sc_pair_problem_set_rho0(sc_pair_problem *P, const fmpq *rho0, slong n)
{
    if (P->rho0 != NULL)
        _fmpq_vec_clear(P->rho0, P->nrho);
    P->nrho = n;
    P->rho0 = n > 0 ? _fmpq_vec_init(n) : NULL;
    for (slong i = 0; i < n; i++)
        fmpq_set(P->rho0 + i, rho0 + i);
}

int sc_pair_problem_parse_rho0(sc_pair_problem *P, const char *list)
{
    const char *s = list;
    fmpq *v = _fmpq_vec_init(SC_PAIR_MAXRHO);
    char buf[128];
    slong n = 0;
    int st = SC_OK;
    while (st == SC_OK && s != NULL)
    {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t) (e - s) : strlen(s);
        if (n == SC_PAIR_MAXRHO || len == 0 || len >= sizeof buf)
            st = sc_error(SC_ERR_INPUT, "--rho0: malformed list '%s' (R1,R2,..., at most %d values in [-1, 1])",
                          list, SC_PAIR_MAXRHO);
        else
        {
            memcpy(buf, s, len);
            buf[len] = '\0';
            if ((st = sc_parse_fmpq(v + n, buf, "--rho0")) == SC_OK &&
                (fmpq_cmp_si(v + n, -1) < 0 || fmpq_cmp_si(v + n, 1) > 0))
                st = sc_error(SC_ERR_INPUT, "--rho0 must lie in [-1, 1], got '%s'", buf);
            n++;
        }
        s = e ? e + 1 : NULL;
    }
    if (st == SC_OK)
        sc_pair_problem_set_rho0(P, v, n);
    _fmpq_vec_clear(v, SC_PAIR_MAXRHO);
    return st;
}

int sc_pair_problem_check(const sc_pair_problem *P)
{
    slong i;
    int st = sc_twopoint_check_inputs(P->d, P->sigma, P->q, P->s);
    if (st != SC_OK)
        return st;
    if (fmpq_sgn(P->gamma) < 0)
        return sc_error(SC_ERR_INPUT, "gamma must be >= 0");
    if (fmpq_sgn(P->beta) < 0)
        return sc_error(SC_ERR_INPUT, "beta must be >= 0");
    for (i = 0; i < P->nrho; i++)
        if (fmpq_cmp_si(P->rho0 + i, -1) < 0 || fmpq_cmp_ui(P->rho0 + i, 1) > 0)
            return sc_error(SC_ERR_INPUT, "rho0 must lie in [-1, 1]");
    if (P->digits < 1 || P->digits > 100000)
        return sc_error(SC_ERR_INPUT, "digits must lie in [1, 100000]");
    return SC_OK;
}

void sc_pair_result_init(sc_pair_result *r)
{
    sc_lyap_result_init(&r->ly);
    arb_init(r->lambda_gamma);
    arb_init(r->mu);
    arb_init(r->w_anti);
    r->diag = r->anti = SC_PAIR_END_UNDECIDED;
    r->outcome = SC_PAIR_UNDECIDED;
    r->nrho = 0;
    r->psync = r->panti = NULL;
    r->has_prob = r->integrated = 0;
    r->pieces = r->evals = r->end_log2 = r->series_order = 0;
    r->kd_method = SC_PAIR_KD_AUTO;
    r->prec = 0;
}

void sc_pair_result_clear(sc_pair_result *r)
{
    sc_lyap_result_clear(&r->ly);
    arb_clear(r->lambda_gamma);
    arb_clear(r->mu);
    arb_clear(r->w_anti);
    if (r->psync != NULL)
    {
        _arb_vec_clear(r->psync, r->nrho);
        _arb_vec_clear(r->panti, r->nrho);
    }
    r->psync = r->panti = NULL;
}

/* The classes from the enclosures (verdicts through sc_arb_sign only). */
static void classify(sc_pair_result *r, const fmpz_t d)
{
    int sg;
    sg = r->ly.lambda_undefined ? 0 : sc_arb_sign(r->lambda_gamma);
    r->diag = sg < 0 ? SC_PAIR_END_ATTRACTING : sg > 0 ? SC_PAIR_END_REPELLING : SC_PAIR_END_UNDECIDED;
    if (r->ly.odd)
    {
        sg = r->ly.lambda_undefined ? 0 : sc_arb_sign(r->mu);
        r->anti = sg < 0 ? SC_PAIR_END_ATTRACTING : sg > 0 ? SC_PAIR_END_REPELLING : SC_PAIR_END_UNDECIDED;
    }
    else if (sc_arb_sign(r->ly.bminus1) > 0)
    {
        /* s' ~ (1 + rho)^{-(d-1)/2} at -1 when K is Lipschitz (K'(1) finite):
           not integrable for d >= 3, integrable (a regular, reflecting end)
           for d = 2 (doc/model.md section 9.2) */
        if (!arb_is_finite(r->ly.dK1))
            r->anti = SC_PAIR_END_NOT_OUTCOME;
        else
            r->anti = fmpz_cmp_ui(d, 3) >= 0 ? SC_PAIR_END_UNREACHED : SC_PAIR_END_REFLECTING;
    }
    else
        r->anti = SC_PAIR_END_UNDECIDED;
    r->outcome = sc_pair_outcome(r->diag, r->anti);
}

typedef struct
{
    sc_pair_result *r;
    const sc_act_struct *act;
    const sc_pair_problem *P;
}
pair_ctx;

/* the probabilities that follow from the outcome or from rho0 = +-1;
   returns 1 if rho0 is interior and the outcome is BOTH (integral needed) */
static int exact_prob(arb_t ps, arb_t pa, const sc_pair_result *r, const fmpq_t rho0)
{
    int interior = fmpq_cmp_si(rho0, -1) > 0 && fmpq_cmp_ui(rho0, 1) < 0;
    arb_zero(ps);
    arb_zero(pa);
    if (fmpq_is_one(rho0))
        arb_one(ps);                            /* X = Y stays */
    else if (fmpq_cmp_si(rho0, -1) == 0 && r->ly.odd)
        arb_one(pa);                            /* the antipodal set is invariant (b = a = 0) */
    else if (r->outcome == SC_PAIR_SYNC)
        arb_one(ps);
    else if (r->outcome == SC_PAIR_ANTI)
        arb_one(pa);
    else if (r->outcome == SC_PAIR_BOTH && interior)
        return 1;
    else if (r->outcome != SC_PAIR_NEITHER)
    {
        arb_indeterminate(ps);                  /* undecided */
        arb_indeterminate(pa);
    }
    return 0;
}

/* P(sync | rho0) = A / (A + B), P(antipodal) = B / (A + B) for the interior
   rho0 of an odd phi with both ends attracting. */
static int integrate(pair_ctx *c, slong prec, const fmpq *rho, slong *idx, slong n)
{
    sc_pair_result *r = c->r;
    const sc_pair_problem *P = c->P;
    _sc_pair_kd kd;
    _sc_pair_scale_ctx sc;
    arb_ptr A = _arb_vec_init(n), B = _arb_vec_init(n);
    arb_t tgt, t;
    slong i;
    int st;

    arb_init(tgt);
    arb_init(t);
    arb_init(sc.d);
    arb_init(sc.sigma2);
    arb_init(sc.gamma);
    arb_init(sc.beta);
    sc.prec = prec;
    sc.eps = ldexp(1.0, -(int) FLINT_MIN(prec - 16, 1000));
    /* series tails: D enters N with a weight up to about d / K(1) */
    arb_set_d(tgt, sc.eps / (2.0 * (fmpz_get_d(P->d) + 2.0)));
    arb_mul(tgt, tgt, r->ly.K1, prec);
    st = _sc_pair_kd_init(&kd, c->act, P->q, r->ly.K1, r->ly.dK1, P->kd_method, tgt, prec,
                          3 * prec + 128);
    if (st == SC_OK)
    {
        sc.kd = &kd;
        arb_set_fmpz(sc.d, P->d);
        arb_set_fmpq(sc.sigma2, P->sigma, prec);
        arb_sqr(sc.sigma2, sc.sigma2, prec);
        arb_set_fmpq(sc.gamma, P->gamma, prec);
        arb_set_fmpq(sc.beta, P->beta, prec);
        st = _sc_pair_scale(A, B, &sc, rho, n);
        r->pieces = sc.pieces;
        r->end_log2 = sc.end_log2;
        r->evals = kd.evals;
        r->kd_method = kd.method;
        r->series_order = kd.method == SC_PAIR_KD_SERIES ? kd.M : 0;
    }
    for (i = 0; i < n && st == SC_OK; i++)
    {
        arb_div(t, B + i, A + i, prec);         /* 1 / (1 + B/A): one occurrence of each */
        arb_add_ui(t, t, 1, prec);
        arb_inv(r->psync + idx[i], t, prec);
        arb_div(t, A + i, B + i, prec);
        arb_add_ui(t, t, 1, prec);
        arb_inv(r->panti + idx[i], t, prec);
    }
    _sc_pair_kd_clear(&kd);
    _arb_vec_clear(A, n);
    _arb_vec_clear(B, n);
    arb_clear(tgt);
    arb_clear(t);
    arb_clear(sc.d);
    arb_clear(sc.sigma2);
    arb_clear(sc.gamma);
    arb_clear(sc.beta);
    return st == SC_ERR_BUDGET ? sc_budget_error(c->act->def->name, prec) : st;
}

static int pair_step(void *vc, slong prec)
{
    pair_ctx *c = vc;
    sc_pair_result *r = c->r;
    const sc_pair_problem *P = c->P;
    arb_t g, b, m1;
    slong i, n = 0, *idx;
    fmpq *rho;
    int st;

    r->prec = prec;
    st = sc_lyapunov_eval(&r->ly, c->act, P->d, P->sigma, P->q, P->s, NULL, prec);
    if (st != SC_OK)
        return st;
    arb_init(g);
    arb_init(b);
    arb_init(m1);
    arb_set_fmpq(g, P->gamma, prec);
    arb_set_fmpq(b, P->beta, prec);
    sc_pair_exponents(r->lambda_gamma, r->ly.odd ? r->mu : NULL, r->ly.lambda, g, b, prec);
    if (!r->ly.odd)
        arb_indeterminate(r->mu);
    arb_set_si(m1, -1);
    sc_pair_w(r->w_anti, m1, b, prec);
    classify(r, P->d);
    r->integrated = 0;
    r->has_prob = P->nrho > 0;
    idx = flint_malloc(sizeof(slong) * FLINT_MAX(P->nrho, 1));
    rho = _fmpq_vec_init(FLINT_MAX(P->nrho, 1));
    for (i = 0; i < P->nrho; i++)
        if (exact_prob(r->psync + i, r->panti + i, r, P->rho0 + i))
        {
            idx[n] = i;
            fmpq_set(rho + n++, P->rho0 + i);
        }
        else if (!arb_is_finite(r->psync + i))
            r->has_prob = 0;
    if (n > 0)
    {
        r->integrated = 1;
        st = integrate(c, prec, rho, idx, n);
    }
    flint_free(idx);
    _fmpq_vec_clear(rho, FLINT_MAX(P->nrho, 1));
    arb_clear(g);
    arb_clear(b);
    arb_clear(m1);
    return st;
}

/* Every printed number meets the digits (the exponents of decided ends
   and the probabilities); then more precision only while a class is
   undecided (SC_PREC_MET). */
static int pair_done(void *vc)
{
    const pair_ctx *c = vc;
    const sc_pair_result *r = c->r;
    slong n = c->P->digits, i;
    int met = (r->ly.lambda_undefined || sc_arb_meets_digits(r->lambda_gamma, n)) &&
              (r->ly.odd ? (r->ly.lambda_undefined || sc_arb_meets_digits(r->mu, n))
                         : sc_arb_meets_digits(r->ly.bminus1, n));
    if (met && r->has_prob)
        for (i = 0; i < r->nrho; i++)
            met = met && sc_arb_meets_digits(r->psync + i, n) && sc_arb_meets_digits(r->panti + i, n);
    if (!met)
        return SC_PREC_MORE;
    if (r->outcome == SC_PAIR_UNDECIDED && !r->ly.lambda_undefined &&
        !arb_is_zero(r->lambda_gamma) && !(r->ly.odd && arb_is_zero(r->mu)))
        return SC_PREC_MET;
    return SC_PREC_DONE;
}

/* digits reached by the probabilities (for the message at the cap) */
static slong pair_reached(void *vc)
{
    const sc_pair_result *r = ((const pair_ctx *) vc)->r;
    slong i, bits = WORD_MAX;
    if (!r->has_prob || r->nrho == 0)
        return -1;
    for (i = 0; i < r->nrho; i++)
        bits = FLINT_MIN(bits, FLINT_MIN(arb_rel_accuracy_bits(r->psync + i),
                                         arb_rel_accuracy_bits(r->panti + i)));
    return bits <= 0 ? 0 : (slong) (bits * 0.30103);
}

int sc_pair_certify(sc_pair_result *r, const sc_act_t act, const sc_pair_problem *P)
{
    pair_ctx c = { r, act, P };
    sc_prec_policy pol;
    int st;
    if ((st = sc_pair_problem_check(P)) != SC_OK)
        return st;
    sc_pair_result_clear(r);
    sc_pair_result_init(r);
    r->nrho = P->nrho;
    if (P->nrho > 0)
    {
        r->psync = _arb_vec_init(P->nrho);
        r->panti = _arb_vec_init(P->nrho);
    }
    sc_prec_policy_init(&pol, act->def->name, P->digits);
    /* the scale integral is the costly part and its accuracy is set by the
       digits, not by a long run of doublings: 4 x the start by default
       (still far beyond what the exponents' signs usually need) */
    pol.cap = P->prec_cap > 0 ? P->prec_cap : FLINT_MAX(4 * sc_prec_for_digits(P->digits), 256);
    pol.what = P->nrho > 0 ? " for P(sync | rho0)" : NULL;
    pol.reached = pair_reached;
    return sc_prec_run(&pol, pair_step, pair_done, &c);
}
