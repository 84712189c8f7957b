/* The Random Quadratic Form (doc/model.md section 6; see include/synccert/rqf.h). */
#include "synccert/rqf.h"
#include "synccert/verdict.h"
#include "synccert/twopoint.h"
#include "synccert/kernel.h"
#include "synccert/act.h"

void sc_rqf_lyap_k(fmpq_t lam, const fmpz_t n, const fmpz_t k, const fmpq_t sigma)
{
    fmpz_t t;
    fmpz_init(t);
    fmpz_add_ui(t, n, 1);
    fmpz_submul_ui(t, k, 2);
    fmpq_mul(lam, sigma, sigma);
    fmpq_mul_fmpz(lam, lam, t);
    fmpq_div_2exp(lam, lam, 1);
    fmpz_clear(t);
}

void sc_rqf_spectrum_sum(fmpq_t sum, const fmpz_t n, const fmpq_t sigma)
{
    /* sum_k (n + 1 - 2k) = n (n + 1) - 2 * n (n + 1) / 2, exactly */
    fmpz_t t, u;
    fmpz_init(t);
    fmpz_init(u);
    fmpz_add_ui(t, n, 1);
    fmpz_mul(t, t, n);          /* n (n + 1) = sum (n + 1) */
    fmpz_add_ui(u, n, 1);
    fmpz_mul(u, u, n);
    fmpz_fdiv_q_2exp(u, u, 1);  /* sum k = n (n + 1) / 2 (n (n + 1) is even) */
    fmpz_submul_ui(t, u, 2);
    fmpq_mul(sum, sigma, sigma);
    fmpq_mul_fmpz(sum, sum, t);
    fmpq_div_2exp(sum, sum, 1);
    fmpz_clear(t);
    fmpz_clear(u);
}

void sc_rqf_ba(arb_t b, arb_t a, const arb_t rho, const arb_t sigma2, slong prec)
{
    arb_t w;
    arb_init(w);
    arb_sqr(w, rho, prec);
    arb_sub_ui(w, w, 1, prec);
    arb_neg(w, w);                      /* 1 - rho^2 */
    if (arb_is_one(rho) || (arb_is_exact(rho) && arf_cmp_si(arb_midref(rho), -1) == 0))
        arb_zero(w);
    if (b != NULL)
    {
        arb_mul(b, rho, w, prec);
        arb_mul(b, b, sigma2, prec);
        arb_neg(b, b);
    }
    if (a != NULL)
    {
        arb_sqr(a, w, prec);
        arb_mul(a, a, sigma2, prec);
        arb_mul_2exp_si(a, a, 1);
    }
    arb_clear(w);
}

void sc_rqf_probs(arb_t psync, arb_t panti, const arb_t theta0, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_const_pi(t, prec);
    arb_div(t, theta0, t, prec);
    if (panti != NULL)
        arb_set(panti, t);
    if (psync != NULL)
    {
        arb_sub_ui(t, t, 1, prec);
        arb_neg(psync, t);
    }
    arb_clear(t);
}

void sc_theta_drift(arb_t res, const arb_t b, const arb_t a, const arb_t rho, slong prec)
{
    arb_t w, t;
    arb_init(w);
    arb_init(t);
    arb_sqr(w, rho, prec);
    arb_sub_ui(w, w, 1, prec);
    arb_neg(w, w);                      /* 1 - rho^2 */
    arb_mul(t, rho, a, prec);
    arb_div(t, t, w, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_add(t, t, b, prec);
    arb_sqrt(w, w, prec);
    arb_div(t, t, w, prec);
    arb_neg(res, t);
    arb_clear(w);
    arb_clear(t);
}

int sc_rqf_check_theta0(const fmpq_t theta0)
{
    slong prec;
    arb_t th, pi;
    int c = 0;

    if (fmpq_sgn(theta0) < 0)
        return sc_error(SC_ERR_INPUT, "theta0 must lie in [0, pi]");
    arb_init(th);
    arb_init(pi);
    /* pi is irrational, so a rational theta0 is never equal to it: the
       comparison is decided at some precision */
    for (prec = 64; prec <= 65536 && c == 0; prec *= 2)
    {
        arb_set_fmpq(th, theta0, prec);
        arb_const_pi(pi, prec);
        c = sc_arb_cmp(th, pi);
    }
    arb_clear(th);
    arb_clear(pi);
    if (c > 0)
        return sc_error(SC_ERR_INPUT, "theta0 must lie in [0, pi]");
    if (c == 0)
        return sc_error(SC_ERR_INPUT, "theta0 is too close to pi to be checked against [0, pi]");
    return SC_OK;
}

int sc_rqf_theta_drift_general(arb_t res, const fmpz_t n, const fmpq_t sigma,
                               const arb_t rho, slong prec)
{
    const sc_act_def *lin = sc_act_lookup("linear");
    arb_t K1, Kr, one, q, s, db, s2, b, a;
    sc_act_t act;
    arb_ptr p;
    int st;

    if (lin == NULL)
        return sc_error(SC_ERR_UNSUPPORTED, "the linear activation is not registered");
    sc_act_init(act);
    sc_act_set_default(act, lin);
    p = sc_act_params(act, prec);
    arb_init(K1); arb_init(Kr); arb_init(one); arb_init(q); arb_init(s);
    arb_init(db); arb_init(s2); arb_init(b); arb_init(a);
    arb_one(one);
    arb_one(q);
    arb_zero(s);
    st = sc_kernel_eval(K1, NULL, lin, p, act->npar, one, q, s, SC_KM_AUTO, prec);
    if (st == SC_OK)
        st = sc_kernel_eval(Kr, NULL, lin, p, act->npar, rho, q, s, SC_KM_AUTO, prec);
    if (st == SC_OK)
    {
        arb_set_fmpz(db, n);
        arb_set_fmpq(s2, sigma, prec);
        arb_sqr(s2, s2, prec);
        sc_twopoint_ba(b, a, K1, Kr, rho, db, s2, prec);
        sc_theta_drift(res, b, a, rho, prec);
    }
    arb_clear(K1); arb_clear(Kr); arb_clear(one); arb_clear(q); arb_clear(s);
    arb_clear(db); arb_clear(s2); arb_clear(b); arb_clear(a);
    sc_act_params_clear(p, act);
    sc_act_clear(act);
    return st;
}
