/* The whole dissipation certificate for an activation with exact inputs
   (see sc_coercivity_certify in include/synccert/coercivity.h). */
#include "synccert/coercivity.h"
#include "synccert/parse.h"
#include "synccert/print.h"
#include "synccert/verdict.h"
#include "synccert/prec.h"
#include "synccert/kernel.h"

void sc_coerc_problem_init(sc_coerc_problem *P)
{
    P->d = 2;
    P->p_auto = 0;
    fmpq_init(P->p);
    fmpq_set_si(P->p, 1, 2);
    fmpq_init(P->sigma);
    fmpq_one(P->sigma);
    fmpq_init(P->q);
    fmpq_one(P->q);
    fmpq_init(P->s);
    fmpq_init(P->tol);
    fmpq_set_si(P->tol, 1, 1000000);
    P->attention = 0;
    fmpq_init(P->gamma);
    fmpq_init(P->beta);
    fmpq_init(P->vnorm);
    fmpq_one(P->vnorm);
    fmpq_init(P->qknorm);
    fmpq_one(P->qknorm);
    P->max_boxes = 0;
    P->projective = 0;
}

void sc_coerc_problem_clear(sc_coerc_problem *P)
{
    fmpq_clear(P->p);
    fmpq_clear(P->sigma);
    fmpq_clear(P->q);
    fmpq_clear(P->s);
    fmpq_clear(P->tol);
    fmpq_clear(P->gamma);
    fmpq_clear(P->beta);
    fmpq_clear(P->vnorm);
    fmpq_clear(P->qknorm);
}

void sc_coerc_cert_init(sc_coerc_cert *r)
{
    sc_coerc_result_init(&r->bb);
    fmpq_init(r->p);
    arb_init(r->cp);
    arb_init(r->Latt);
    arb_init(r->rp);
    r->verdict = SC_DISS_UNDECIDED;
    r->minus_inf = 0;
}

void sc_coerc_cert_clear(sc_coerc_cert *r)
{
    sc_coerc_result_clear(&r->bb);
    fmpq_clear(r->p);
    arb_clear(r->cp);
    arb_clear(r->Latt);
    arb_clear(r->rp);
}

int sc_coerc_problem_check(const sc_coerc_problem *P)
{
    fmpq_t t;
    int bad;
    if (P->d < 2)
        return sc_error(SC_ERR_INPUT, "dimension must be an integer >= 2");
    if (!P->p_auto && (fmpq_sgn(P->p) <= 0 || fmpq_cmp_ui(P->p, 2) > 0))
        return sc_error(SC_ERR_INPUT, "p must lie in (0, 2]");
    if (fmpq_sgn(P->sigma) <= 0)
        return sc_error(SC_ERR_INPUT, "sigma must be > 0");
    if (fmpq_sgn(P->q) <= 0)
        return sc_error(SC_ERR_INPUT, "weight variance q must be > 0");
    if (fmpq_sgn(P->s) < 0)
        return sc_error(SC_ERR_INPUT, "bias variance s must be >= 0");
    fmpq_init(t);
    sc_parse_fmpq(t, "1e-12", "tol");
    bad = fmpq_cmp(P->tol, t) < 0 || fmpq_cmp_ui(P->tol, 1) > 0;
    fmpq_clear(t);
    if (bad)
        return sc_error(SC_ERR_INPUT, "tolerance must lie in [1e-12, 1]");
    if (fmpq_sgn(P->gamma) < 0 || fmpq_sgn(P->beta) < 0 || fmpq_sgn(P->vnorm) < 0 ||
        fmpq_sgn(P->qknorm) < 0)
        return sc_error(SC_ERR_INPUT, "gamma, beta and the attention norms must be >= 0");
    if (P->projective && fmpq_sgn(P->gamma) > 0)
        return sc_error(SC_ERR_INPUT, "the projective energy certifies synchronisation up to sign "
                        "without attention (gamma = 0); for two tokens with attention see 'synccert pair'");
    return SC_OK;
}

/* c_p as a ball from the branch and bound's [lo, hi] (lo may be -inf). */
static void cp_ball(arb_t x, const sc_coerc_result *r)
{
    if (arf_is_neg_inf(r->hi))
        arb_neg_inf(x);
    else if (arf_is_neg_inf(r->lo))
        arb_indeterminate(x);
    else
        arb_set_interval_arf(x, r->lo, r->hi, 128);
}

/* One pass of sc_coercivity_certify at working precision prec: the kernel
   function, L_att, gamma L_att and the branch and bound (at p or the best p). */
typedef struct
{
    sc_coerc_cert *r;
    const sc_act_struct *act;
    const sc_coerc_problem *P;
    slong max_boxes;
    arb_t gl;           /* gamma L_att */
    int last;           /* status of the last pass */
}
certify_ctx;

static int certify_pass(certify_ctx *c, slong prec)
{
    sc_coerc_cert *r = c->r;
    const sc_coerc_problem *P = c->P;
    arb_t x, y;
    arf_t tolf;
    sc_fparams_t fp;
    sc_kfun_t kf;
    int st;

    if ((st = sc_kfun_init_act(kf, c->act, P->q, P->s, 1, prec)) != SC_OK)
        return st;
    arb_init(x);
    arb_init(y);
    arf_init(tolf);
    sc_fparams_init(fp);
    arb_set_si(fp->d, P->d);
    fp->projective = P->projective;
    arb_set_fmpq(fp->sigma2, P->sigma, prec);
    arb_sqr(fp->sigma2, fp->sigma2, prec);
    arb_set_fmpq(x, P->beta, prec);
    arb_set_fmpq(y, P->qknorm, prec);
    arb_set_fmpq(c->gl, P->vnorm, prec);
    sc_attention_bound(r->Latt, x, c->gl, y, prec);
    arb_set_fmpq(c->gl, P->gamma, prec);
    arb_mul(c->gl, c->gl, r->Latt, prec);
    /* tol as an arf rounded down (a smaller tolerance is safe) */
    arb_set_fmpq(x, P->tol, prec);
    arb_get_lbound_arf(tolf, x, prec);
    if (P->p_auto)
        st = sc_coercivity_auto_p_fp(r->p, &r->bb, kf, fp, c->gl, tolf, c->max_boxes);
    else
    {
        fmpq_set(r->p, P->p);
        arb_set_fmpq(fp->p, P->p, prec);
        st = sc_coercivity_bb(&r->bb, kf, fp, tolf, NULL, c->max_boxes);
    }
    sc_kfun_clear(kf);
    arb_clear(x);
    arb_clear(y);
    arf_clear(tolf);
    sc_fparams_clear(fp);
    return st;
}

static int certify_step(void *vc, slong prec)
{
    certify_ctx *c = vc;
    return c->last = certify_pass(c, prec);
}

static int certify_done(void *vc)
{
    return ((certify_ctx *) vc)->r->bb.reached;
}

/* The projective quotient of a phi that is not odd: near rho = -1 the
   bracket tends to -sigma^2 (K(1) + K(-1)) (d - 3 + p) / 2 while 1 + rho -> 0
   (doc/model.md section 10.2), so c_p^pm = -inf once K(1) + K(-1) > 0 and
   d - 3 + p > 0 are certified. */
static int projective_not_odd(sc_coerc_cert *r, const sc_act_t act, const sc_coerc_problem *P)
{
    arb_t K1, dK1, Km1;
    fmpq_t t;
    int pos;
    if (P->p_auto)
        return sc_error(SC_ERR_UNSUPPORTED, "%s is not odd (with s = %s): the projective energy "
                        "cannot decay (c_p^pm = -inf for d - 3 + p > 0); --p auto needs an odd "
                        "activation", act->def->name, fmpq_is_zero(P->s) ? "0" : "> 0");
    arb_init(K1);
    arb_init(dK1);
    arb_init(Km1);
    fmpq_init(t);
    fmpq_set_si(t, P->d - 3, 1);
    fmpq_add(t, t, P->p);
    pos = fmpq_sgn(t) > 0 && sc_kernel_at_ends(K1, dK1, Km1, act, P->q, P->s, 128) == SC_OK;
    if (pos)
    {
        arb_add(K1, K1, Km1, 128);
        pos = sc_arb_sign(K1) > 0;
    }
    arb_clear(K1);
    arb_clear(dK1);
    arb_clear(Km1);
    fmpq_clear(t);
    if (!pos)
        return sc_error(SC_ERR_UNSUPPORTED, "%s is not odd: c_p^pm of the projective energy is only "
                        "handled for odd activations, or as -inf when K(1) + K(-1) > 0 and "
                        "d - 3 + p > 0", act->def->name);
    fmpq_set(r->p, P->p);
    arb_neg_inf(r->cp);
    arb_neg_inf(r->rp);
    arf_neg_inf(r->bb.lo);
    arf_neg_inf(r->bb.hi);
    arf_set_si(r->bb.rlo, -1);
    arf_set_si(r->bb.rhi, -1);
    r->bb.antipodal = 1;
    r->bb.diagonal = 0;
    r->bb.reached = 1;
    r->minus_inf = 1;
    r->verdict = SC_DISS_NO;
    return SC_OK;
}

int sc_coercivity_certify(sc_coerc_cert *r, const sc_act_t act, const sc_coerc_problem *P)
{
    sc_prec_policy pol;
    certify_ctx c;
    arb_t y;
    int st;

    if ((st = sc_coerc_problem_check(P)) != SC_OK)
        return st;
    if (P->projective && !sc_act_is_odd(act, P->s))
        return projective_not_odd(r, act, P);
    c.r = r;
    c.act = act;
    c.P = P;
    c.max_boxes = P->max_boxes > 0 ? P->max_boxes : 2000000;
    c.last = SC_OK;
    arb_init(c.gl);
    arb_init(y);
    /* 64 bits, then 128 if the enclosures are too wide for tol (the goal is
       the tolerance, checked by certify_done; the digit count only has to be
       valid) */
    sc_prec_policy_init(&pol, "coercivity", 1);
    pol.start = 64;
    pol.cap = 128;
    st = sc_prec_run(&pol, certify_step, certify_done, &c);
    if (c.last == SC_OK)
        cp_ball(r->cp, &r->bb);
    if (st == SC_ERR_BUDGET)
        st = sc_error(SC_ERR_BUDGET, "time budget exhausted before the enclosure reached the tolerance");
    else if (st == SC_ERR_PREC && c.last == SC_OK)
    {
        /* the branch and bound ran but stopped short of tol at 128 bits */
        char *a, *b;
        sc_arb_bounds(&a, &b, r->cp, 10);
        st = sc_error(SC_ERR_PREC, "could not reach the tolerance: c_p in [%s, %s]", a, b);
        flint_free(a);
        flint_free(b);
    }
    else if (st == SC_OK)
    {
        arb_set_fmpq(y, r->p, 128);
        arb_mul(y, y, c.gl, 128);
        arb_sub(r->rp, r->cp, y, 128);
        if (P->attention || P->projective)
        {
            int v = sc_arb_sign(r->rp);
            r->verdict = v > 0 ? SC_DISS_YES : v < 0 ? SC_DISS_NO : SC_DISS_UNDECIDED;
        }
    }
    arb_clear(c.gl);
    arb_clear(y);
    return st;
}
