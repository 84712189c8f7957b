/* --p auto: the exponent p on the grid k/256 that maximises the certified
   lower bound of c_p - p gamma L_att (a concave function of p). */
#include "synccert/coercivity.h"

/* certified lower bound of c_p - p gl at p = k/256 (coarse tolerance) */
static int auto_eval(arf_t val, slong k, sc_kfun_t kf, const sc_fparams_t base,
                     const arb_t gl, const arf_t tol, slong max_boxes)
{
    sc_fparams_t fp;
    sc_coerc_result r;
    arb_t t;
    int st;
    sc_fparams_init(fp);
    sc_coerc_result_init(&r);
    arb_init(t);
    arb_set(fp->d, base->d);
    arb_set(fp->sigma2, base->sigma2);
    fp->projective = base->projective;
    arb_set_si(fp->p, k);
    arb_mul_2exp_si(fp->p, fp->p, -8);
    st = sc_coercivity_bb(&r, kf, fp, tol, NULL, max_boxes);
    arb_set_arf(t, r.lo);
    arb_submul(t, fp->p, gl, kf->prec);
    if (arb_is_finite(t))
        arb_get_lbound_arf(val, t, kf->prec);
    else
        arf_neg_inf(val);
    sc_fparams_clear(fp);
    sc_coerc_result_clear(&r);
    arb_clear(t);
    return st;
}

int sc_coercivity_auto_p(fmpq_t p_best, sc_coerc_result *r, sc_kfun_t kf,
                         const arb_t d, const arb_t sigma2, const arb_t gl,
                         const arf_t tol, slong max_boxes)
{
    sc_fparams_t base;
    int st;
    sc_fparams_init(base);
    arb_set(base->d, d);
    arb_set(base->sigma2, sigma2);
    st = sc_coercivity_auto_p_fp(p_best, r, kf, base, gl, tol, max_boxes);
    sc_fparams_clear(base);
    return st;
}

int sc_coercivity_auto_p_fp(fmpq_t p_best, sc_coerc_result *r, sc_kfun_t kf,
                            const sc_fparams_t base, const arb_t gl,
                            const arf_t tol, slong max_boxes)
{
    /* golden-section style search on the integer grid k in [1, 512]
       (p = k/256), valid for the concave function p -> c_p - p gl; the
       certified values are lower bounds at a coarse tolerance, so the
       search only chooses p: the result is certified at that p. */
    slong lo = 1, hi = 512, m1, m2, k, best = 1;
    arf_t v1, v2, ctol, bv;
    sc_fparams_t fp;
    int st = SC_OK;

    arf_init(v1);
    arf_init(v2);
    arf_init(ctol);
    arf_init(bv);
    arf_set_d(ctol, 1e-4);
    if (arf_cmp(tol, ctol) > 0)
        arf_set(ctol, tol);
    arf_neg_inf(bv);
    while (hi - lo > 3)
    {
        m1 = lo + (hi - lo) / 3;
        m2 = hi - (hi - lo) / 3;
        if ((st = auto_eval(v1, m1, kf, base, gl, ctol, max_boxes)) == SC_ERR_BUDGET)
            break;
        if ((st = auto_eval(v2, m2, kf, base, gl, ctol, max_boxes)) == SC_ERR_BUDGET)
            break;
        if (arf_cmp(v1, bv) > 0) { arf_set(bv, v1); best = m1; }
        if (arf_cmp(v2, bv) > 0) { arf_set(bv, v2); best = m2; }
        if (arf_cmp(v1, v2) < 0)
            lo = m1;
        else
            hi = m2;
    }
    if (st != SC_ERR_BUDGET)
        for (k = lo; k <= hi; k++)
        {
            if ((st = auto_eval(v1, k, kf, base, gl, ctol, max_boxes)) == SC_ERR_BUDGET)
                break;
            if (arf_cmp(v1, bv) > 0) { arf_set(bv, v1); best = k; }
        }
    fmpq_set_si(p_best, best, 256);
    sc_fparams_init(fp);
    arb_set(fp->d, base->d);
    arb_set(fp->sigma2, base->sigma2);
    fp->projective = base->projective;
    arb_set_fmpq(fp->p, p_best, kf->prec);
    if (st != SC_ERR_BUDGET)
        st = sc_coercivity_bb(r, kf, fp, tol, NULL, max_boxes);
    else
        st = sc_error(SC_ERR_BUDGET, "time budget exhausted");
    sc_fparams_clear(fp);
    arf_clear(v1);
    arf_clear(v2);
    arf_clear(ctol);
    arf_clear(bv);
    return st;
}
