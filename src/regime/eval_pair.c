/* Certified parameter regimes: the two-token properties on one box
   (doc/model.md sections 9.2 and 5.5), with ball-valued parameters.
   Both exponents are affine in d,
       lambda_gamma(d) = (sigma^2/2) [(d-3) K'(1) - (d-1) K(1)] - gamma,
       mu(d)           = (sigma^2/2) [(d-3) K'(1) - (d-1) K(1)] + 2 gamma / (1 + e^{2 beta}),
   so their signs on [dA, dB] are decided at dA and dB, with K(1), K'(1),
   sigma^2, gamma, beta enclosed for the whole box. */
#include "regimeint.h"
#include "synccert/kernel.h"
#include "synccert/lyapunov.h"
#include "synccert/pair.h"
#include "synccert/verdict.h"

int _sc_regime_box_odd(const sc_regime_problem *P, const _sc_regime_box *B)
{
    /* parity from the definition (ACT axes keep it: SC_ACT_ODD holds for
       every parameter value; coefficient lists are never axes), and a bias
       variance that is exactly 0 on the whole box */
    return sc_act_is_odd(P->act, NULL) && arb_is_zero(B->s);
}

/* sign of lambda_gamma (anti = 0) or mu (anti = 1) at dimension d */
static int exponent_sign(const _sc_regime_box *B, const arb_t K1, const arb_t dK1, slong d,
                         int anti, slong prec)
{
    arb_t lam, e, db;
    int sg;
    arb_init(lam);
    arb_init(e);
    arb_init(db);
    arb_set_si(db, d);
    sc_lyapunov_lambda_v(lam, NULL, K1, dK1, db, B->sigma2, prec);
    if (anti)
        sc_pair_exponents(NULL, e, lam, B->gamma, B->beta, prec);
    else
        sc_pair_exponents(e, NULL, lam, B->gamma, B->beta, prec);
    sg = sc_arb_sign(e);
    arb_clear(lam);
    arb_clear(e);
    arb_clear(db);
    return sg;
}

/* K(1) + K(-1) > 0 on the whole box: the antipodal set repels (b(-1) > 0) */
static int anti_repels(const sc_regime_problem *P, const _sc_regime_box *B, const arb_t K1, slong prec)
{
    arb_t Km1, m1;
    int pos;
    arb_init(Km1);
    arb_init(m1);
    arb_set_si(m1, -1);
    pos = sc_kernel_eval(Km1, NULL, P->act->def, B->par, B->np, m1, B->q, B->s, SC_KM_AUTO, prec) == SC_OK;
    if (pos)
    {
        arb_add(Km1, Km1, K1, prec);
        pos = sc_arb_sign(Km1) > 0;
    }
    arb_clear(Km1);
    arb_clear(m1);
    return pos;
}

/* K(1), K'(1) for the box's activation parameters, q, s: the two-token
   properties often split only d, gamma and beta, so the last value is kept
   per thread (a box's verdict still depends only on its coordinates) */
static _Thread_local struct
{
    const sc_act_def *def;
    slong np, prec;
    arb_ptr par;
    arb_t q, s, K1, dK1;
    int st;
}
kcache;

static int cached_ends(arb_t K1, arb_t dK1, const sc_regime_problem *P, const _sc_regime_box *B, slong prec)
{
    slong i;
    int hit = kcache.def == P->act->def && kcache.np == B->np && kcache.prec == prec &&
              arb_equal(kcache.q, B->q) && arb_equal(kcache.s, B->s);
    for (i = 0; hit && i < B->np; i++)
        hit = arb_equal(kcache.par + i, B->par + i);
    if (!hit)
    {
        arb_t one;
        if (kcache.def == NULL)
        {
            arb_init(kcache.q);
            arb_init(kcache.s);
            arb_init(kcache.K1);
            arb_init(kcache.dK1);
        }
        else
            _arb_vec_clear(kcache.par, FLINT_MAX(kcache.np, 1));
        kcache.def = P->act->def;
        kcache.np = B->np;
        kcache.prec = prec;
        kcache.par = _arb_vec_init(FLINT_MAX(B->np, 1));
        _arb_vec_set(kcache.par, B->par, B->np);
        arb_set(kcache.q, B->q);
        arb_set(kcache.s, B->s);
        arb_init(one);
        arb_one(one);
        kcache.st = sc_kernel_eval(kcache.K1, kcache.dK1, P->act->def, B->par, B->np, one, B->q, B->s,
                                   SC_KM_AUTO, prec);
        arb_clear(one);
    }
    arb_set(K1, kcache.K1);
    arb_set(dK1, kcache.dK1);
    return kcache.st;
}

int _sc_regime_pair_class(const sc_regime_problem *P, const _sc_regime_box *B, slong prec)
{
    arb_t K1, dK1, one, t;
    int cls = SC_LEAF_UNDECIDED, odd = _sc_regime_box_odd(P, B), sA, sB;

    arb_init(K1);
    arb_init(dK1);
    arb_init(one);
    arb_init(t);
    arb_one(one);
    if (cached_ends(K1, dK1, P, B, prec) != SC_OK)
        goto done;
    if (P->property == SC_PROP_SYNC_UP_TO_SIGN)
    {
        /* phi not odd: c_p^pm = -inf once b(-1) > 0 and d - 3 + p > 0
           (doc/model.md section 10.2): the certificate fails */
        arb_set_si(t, B->dA - 3);
        arb_add(t, t, B->p, prec);
        if (!odd && arb_is_positive(t) && anti_repels(P, B, K1, prec))
            cls = SC_LEAF_REFUTED;
        goto done;
    }
    if (P->property == SC_PROP_ANTIPODAL && !odd)
    {
        if (anti_repels(P, B, K1, prec))
            cls = SC_LEAF_REFUTED;      /* never an outcome */
        goto done;
    }
    sA = exponent_sign(B, K1, dK1, B->dA, P->property == SC_PROP_ANTIPODAL, prec);
    sB = exponent_sign(B, K1, dK1, B->dB, P->property == SC_PROP_ANTIPODAL, prec);
    if (sA < 0 && sB < 0)
        cls = SC_LEAF_CERTIFIED;
    else if (sA > 0 && sB > 0)
        cls = SC_LEAF_REFUTED;
done:
    arb_clear(K1);
    arb_clear(dK1);
    arb_clear(one);
    arb_clear(t);
    return cls;
}
