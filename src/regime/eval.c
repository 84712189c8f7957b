/* Certified parameter regimes: the verdict on one box, with ball-valued
   parameters (see regime.h for the argument on each property). */
#include "synccert/kernel.h"
#include "synccert/lyapunov.h"
#include "synccert/coercivity.h"
#include "synccert/verdict.h"
#include "regimeint.h"

static void ball_of(arb_t x, const fmpq_t lo, const fmpq_t hi, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_fmpq(x, lo, prec);
    if (!fmpq_equal(lo, hi))
    {
        arb_set_fmpq(t, hi, prec);
        arb_union(x, x, t, prec);
    }
    arb_clear(t);
}

static void params_init(_sc_regime_box *B, const sc_regime_problem *P, const fmpq *lo, const fmpq *hi,
                        slong prec)
{
    slong i;
    B->par = sc_act_params(P->act, prec);
    B->np = sc_act_nparams(P->act);
    B->dA = B->dB = 2;
    arb_init(B->q);
    arb_init(B->s);
    arb_init(B->sigma2);
    arb_init(B->p);
    arb_init(B->gamma);
    arb_init(B->beta);
    arb_set_fmpq(B->gamma, P->gamma, prec);
    arb_set_fmpq(B->beta, P->beta, prec);
    arb_one(B->q);
    arb_one(B->sigma2);
    arb_set_d(B->p, 0.5);
    for (i = 0; i < P->naxes; i++)
    {
        const sc_axis *a = P->axes + i;
        switch (a->kind)
        {
            case SC_AXIS_DIM:
                B->dA = fmpz_get_si(fmpq_numref(lo + i));
                B->dB = fmpz_get_si(fmpq_numref(hi + i));
                break;
            case SC_AXIS_ACT: ball_of(B->par + a->index, lo + i, hi + i, prec); break;
            case SC_AXIS_Q: ball_of(B->q, lo + i, hi + i, prec); break;
            case SC_AXIS_S: ball_of(B->s, lo + i, hi + i, prec); break;
            case SC_AXIS_SIGMA:
                ball_of(B->sigma2, lo + i, hi + i, prec);
                arb_sqr(B->sigma2, B->sigma2, prec);
                break;
            case SC_AXIS_P: ball_of(B->p, lo + i, hi + i, prec); break;
            case SC_AXIS_GAMMA: ball_of(B->gamma, lo + i, hi + i, prec); break;
            case SC_AXIS_BETA: ball_of(B->beta, lo + i, hi + i, prec); break;
        }
    }
}

static void params_clear(_sc_regime_box *B, const sc_regime_problem *P)
{
    sc_act_params_clear(B->par, P->act);
    arb_clear(B->q);
    arb_clear(B->s);
    arb_clear(B->sigma2);
    arb_clear(B->p);
    arb_clear(B->gamma);
    arb_clear(B->beta);
}

/* lambda < 0 at both ends of [dA, dB] (lambda is affine in d) */
static int sync_class(const sc_regime_problem *P, const _sc_regime_box *B, slong prec)
{
    arb_t K1, dK1;
    int cls = SC_LEAF_UNDECIDED;
    arb_init(K1);
    arb_init(dK1);
    if (_sc_regime_kernel_one(K1, dK1, P->act->def, B->par, B->np, B->q, B->s, prec) == SC_OK)
    {
        int sA, sB;
        fmpz_t d;
        fmpz_init(d);
        fmpz_set_si(d, B->dA);
        sA = sc_lyapunov_sign(K1, dK1, d, prec);
        fmpz_set_si(d, B->dB);
        sB = sc_lyapunov_sign(K1, dK1, d, prec);
        fmpz_clear(d);
        /* sc_lyapunov_sign gives 2 for lambda exactly 0: lambda < 0 fails
           there too, so "> 0" (positive or exactly zero) refutes */
        if (sA < 0 && sB < 0)
            cls = SC_LEAF_CERTIFIED;
        else if (sA > 0 && sB > 0)
            cls = SC_LEAF_REFUTED;
    }
    arb_clear(K1);
    arb_clear(dK1);
    return cls;
}

/* Refuted: one rho* (a minimiser found at one end) with
   F(rho*, d) - p gamma L_att < 0 at both ends (F is affine in d). */
static int refuted(sc_kfun_t kf, sc_fparams_t fp, const slong *dd, slong nd, const arf_struct *rho,
                   const arb_t gl, slong prec)
{
    slong j, k;
    int neg = 0;
    arb_t F;
    arb_init(F);
    for (j = 0; j < nd && !neg; j++)
    {
        neg = 1;
        for (k = 0; k < nd; k++)
        {
            arb_set_si(fp->d, dd[k]);
            sc_coerc_F(F, kf, fp, rho + j, rho + j);
            arb_sub(F, F, gl, prec);
            if (sc_arb_sign(F) >= 0)
                neg = 0;
        }
    }
    arb_clear(F);
    return neg;
}

/* r_p = c_p - p gamma L_att > 0 at both ends of [dA, dB]: inf over d of c_p
   is min(c_p(dA), c_p(dB)), F being affine in d.  projective: c_p^pm > 0
   (gamma = 0; the projective quotient is affine in d as well). */
static int dissipation_class(const sc_regime_problem *P, const _sc_regime_box *B, slong prec,
                             int projective)
{
    slong dd[2] = { B->dA, B->dB }, k, nd = B->dA == B->dB ? 1 : 2;
    sc_kfun_struct *kf;
    sc_fparams_t fp;
    sc_coerc_result r;
    arb_t gl, beta, vnorm, qknorm;
    arf_t tol, thr;
    arf_struct rho[2];
    int cls = SC_LEAF_UNDECIDED, pos = 1, ok = 1, st;

    arb_init(gl);
    arb_init(beta);
    arb_init(vnorm);
    arb_init(qknorm);
    /* gl = p gamma L_att over the box (0 for the projective energy) */
    arb_set_fmpq(vnorm, P->vnorm, prec);
    arb_set_fmpq(qknorm, P->qknorm, prec);
    sc_attention_bound(gl, B->beta, vnorm, qknorm, prec);
    arb_mul(gl, gl, B->gamma, prec);
    arb_mul(gl, gl, B->p, prec);
    if (projective)
        arb_zero(gl);
    if ((kf = _sc_regime_kfun(P->act->def, B->par, B->np, B->q, B->s, prec, &st)) != NULL)
    {
        sc_fparams_init(fp);
        sc_coerc_result_init(&r);
        arf_init(tol);
        arf_init(thr);
        arf_init(rho + 0);
        arf_init(rho + 1);
        arf_set_d(tol, 1e-9);
        arb_get_ubound_arf(thr, gl, prec);
        arb_set(fp->p, B->p);
        arb_set(fp->sigma2, B->sigma2);
        fp->projective = projective;
        /* the cheap necessary condition first: c_p <= F(1, d) = -g(p)
           (doc/model.md section 5.2, the p-form of the sign of lambda; the
           infimum is over rho < 1, F continuous at 1, for the projective
           quotient too), so F(1, d) < p gamma L_att at both ends refutes
           without a branch and bound */
        arf_one(rho + 0);
        arf_one(rho + 1);
        if (refuted(kf, fp, dd, nd, rho, gl, prec))
        {
            cls = SC_LEAF_REFUTED;
            nd = 0;
        }
        for (k = 0; k < nd; k++)
        {
            arb_set_si(fp->d, dd[k]);
            if (sc_coercivity_bb(&r, kf, fp, tol, thr, P->max_boxes_bb) != SC_OK)
                ok = 0;
            /* certified: c_p >= lo > p gamma L_att for every parameter */
            arb_set_arf(beta, r.lo);
            arb_sub(beta, beta, gl, prec);
            if (!arf_is_finite(r.lo) || sc_arb_sign(beta) <= 0)
                pos = 0;
            if (r.diagonal)
                arf_one(rho + k);
            else
                arf_set(rho + k, r.rlo);
        }
        if (nd == 0)
            ;   /* refuted on the diagonal */
        else if (ok && pos)
            cls = SC_LEAF_CERTIFIED;
        else if (ok && refuted(kf, fp, dd, nd, rho, gl, prec))
            cls = SC_LEAF_REFUTED;
        sc_coerc_result_clear(&r);
        sc_fparams_clear(fp);
        arf_clear(tol);
        arf_clear(thr);
        arf_clear(rho + 0);
        arf_clear(rho + 1);
        _sc_regime_kfun_done(kf);
    }
    arb_clear(gl);
    arb_clear(beta);
    arb_clear(vnorm);
    arb_clear(qknorm);
    return cls;
}

int sc_regime_eval_box(const sc_regime_problem *P, const fmpq *lo, const fmpq *hi, slong prec)
{
    _sc_regime_box B;
    int cls;
    params_init(&B, P, lo, hi, prec);
    switch (P->property)
    {
        case SC_PROP_SYNC: cls = sync_class(P, &B, prec); break;
        case SC_PROP_DISSIPATION: cls = dissipation_class(P, &B, prec, 0); break;
        case SC_PROP_SYNC_UP_TO_SIGN:
            cls = _sc_regime_box_odd(P, &B) ? dissipation_class(P, &B, prec, 1)
                                            : _sc_regime_pair_class(P, &B, prec);
            break;
        default: cls = _sc_regime_pair_class(P, &B, prec); break;
    }
    params_clear(&B, P);
    return cls;
}
