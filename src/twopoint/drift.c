/* The two-point motion (doc/model.md section 3): b(rho), a(rho).  Certified
   evaluation at exact inputs goes through the precision policy (prec.h). */
#include "synccert/twopoint.h"
#include "synccert/kernel.h"

void sc_twopoint_ba(arb_t b, arb_t a, const arb_t K1, const arb_t Krho, const arb_t rho,
                    const arb_t d, const arb_t sigma2, slong prec)
{
    arb_t t, u, r2;
    int at_one = arb_is_one(rho), at_minus_one;

    arb_init(t);
    arb_init(u);
    arb_init(r2);
    arb_neg(t, rho);
    at_minus_one = arb_is_one(t);
    if (b != NULL)
    {
        if (at_one)
            arb_zero(b);            /* the diagonal is invariant: b(1) = 0 */
        else if (at_minus_one)
        {
            /* b(-1) = sigma^2 (d - 1) (K(1) + K(-1)) */
            arb_add(t, K1, Krho, prec);
            arb_sub_ui(u, d, 1, prec);
            arb_mul(t, t, u, prec);
            arb_mul(b, t, sigma2, prec);
        }
        else
        {
            /* sigma^2 [ (d - 2 + rho^2) K(rho) - (d - 1) rho K(1) ] */
            arb_sqr(r2, rho, prec);
            arb_sub_ui(t, d, 2, prec);
            arb_add(t, t, r2, prec);
            arb_mul(t, t, Krho, prec);
            arb_sub_ui(u, d, 1, prec);
            arb_mul(u, u, rho, prec);
            arb_mul(u, u, K1, prec);
            arb_sub(t, t, u, prec);
            arb_mul(b, t, sigma2, prec);
        }
    }
    if (a != NULL)
    {
        if (at_one || at_minus_one)
            arb_zero(a);            /* 1 - rho^2 = 0 exactly */
        else
        {
            /* 2 sigma^2 (1 - rho^2) (K(1) - rho K(rho)) */
            arb_sqr(r2, rho, prec);
            arb_sub_ui(t, r2, 1, prec);
            arb_neg(t, t);
            arb_mul(u, rho, Krho, prec);
            arb_sub(u, K1, u, prec);
            arb_mul(t, t, u, prec);
            arb_mul(t, t, sigma2, prec);
            arb_mul_2exp_si(a, t, 1);
        }
    }
    arb_clear(t);
    arb_clear(u);
    arb_clear(r2);
}

int sc_twopoint_check_inputs(const fmpz_t d, const fmpq_t sigma, const fmpq_t q, const fmpq_t s)
{
    if (d != NULL && fmpz_cmp_si(d, 2) < 0)
        return sc_error(SC_ERR_INPUT, "dimension must be an integer >= 2");
    if (sigma != NULL && fmpq_sgn(sigma) <= 0)
        return sc_error(SC_ERR_INPUT, "sigma must be > 0");
    return sc_kernel_check_inputs(NULL, q, s);
}

int sc_twopoint_eval(arb_t b, arb_t a, const sc_act_t act, const fmpz_t d,
                     const fmpq_t rho, const fmpq_t sigma, const fmpq_t q,
                     const fmpq_t s, slong prec)
{
    arb_t K1, Kr, rb, db, s2, qb, sb;
    arb_ptr p = sc_act_params(act, prec);
    int st;

    arb_init(K1); arb_init(Kr); arb_init(rb); arb_init(db);
    arb_init(s2); arb_init(qb); arb_init(sb);
    if (q) arb_set_fmpq(qb, q, prec); else arb_one(qb);
    if (s) arb_set_fmpq(sb, s, prec);
    arb_one(rb);
    st = sc_kernel_eval(K1, NULL, act->def, p, act->npar, rb, qb, sb, SC_KM_AUTO, prec);
    arb_set_fmpq(rb, rho, prec);
    if (st == SC_OK)
        st = sc_kernel_eval(Kr, NULL, act->def, p, act->npar, rb, qb, sb, SC_KM_AUTO, prec);
    if (st == SC_OK)
    {
        arb_set_fmpz(db, d);
        if (sigma) { arb_set_fmpq(s2, sigma, prec); arb_sqr(s2, s2, prec); } else arb_one(s2);
        sc_twopoint_ba(b, a, K1, Kr, rb, db, s2, prec);
        if (b != NULL && fmpq_cmp_si(rho, -1) == 0 && sc_act_is_odd(act, s))
            arb_zero(b);            /* K(-1) = -K(1) exactly for odd phi, s = 0 */
    }
    else if (sc_last_error()[0] == '\0')
        sc_error(st, "%s: kernel evaluation failed", act->def->name);
    sc_act_params_clear(p, act);
    arb_clear(K1); arb_clear(Kr); arb_clear(rb); arb_clear(db);
    arb_clear(s2); arb_clear(qb); arb_clear(sb);
    return st;
}

typedef struct
{
    arb_t b, a;
    const sc_act_struct *act;
    const fmpz *d;
    const fmpq *rho, *sigma, *q, *s;
    slong digits;
}
tp_ctx;

static int tp_step(void *ctx, slong prec)
{
    tp_ctx *c = ctx;
    return sc_twopoint_eval(c->b, c->a, c->act, c->d, c->rho, c->sigma, c->q, c->s, prec);
}

static int tp_done(void *ctx)
{
    tp_ctx *c = ctx;
    return sc_arb_meets_digits(c->b, c->digits) && sc_arb_meets_digits(c->a, c->digits)
           ? SC_PREC_DONE : SC_PREC_MORE;
}

int sc_twopoint_certify(arb_t b, arb_t a, const sc_act_t act, const fmpz_t d,
                        const fmpq_t rho, const fmpq_t sigma, const fmpq_t q,
                        const fmpq_t s, slong digits, slong prec_cap)
{
    tp_ctx c = { .act = act, .d = d, .rho = rho, .sigma = sigma, .q = q, .s = s, .digits = digits };
    sc_prec_policy pol = { .who = act->def->name, .digits = digits, .cap = prec_cap,
                           .what = " for b and a" };
    int st;

    if ((st = sc_twopoint_check_inputs(d, sigma, q, s)) != SC_OK ||
        (st = sc_kernel_check_inputs(rho, NULL, NULL)) != SC_OK)
        return st;
    arb_init(c.b);
    arb_init(c.a);
    st = sc_prec_run(&pol, tp_step, tp_done, &c);
    if (b) arb_set(b, c.b);
    if (a) arb_set(a, c.a);
    arb_clear(c.b);
    arb_clear(c.a);
    return st;
}
