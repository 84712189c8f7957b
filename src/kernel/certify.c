/* Kernel values at a requested number of correct digits, through the
   precision policy (prec.h): each step evaluates every output at one
   working precision; polynomial activations give exact rationals, rounded
   once at the first step. */
#include "synccert/kernel.h"
#include "synccert/print.h"

void sc_kernel_result_init(sc_kernel_result *r)
{
    arb_init(r->K1);
    arb_init(r->dK1);
    arb_init(r->K);
    arb_init(r->dK);
    r->has_rho = 0;
    r->prec = 0;
}

void sc_kernel_result_clear(sc_kernel_result *r)
{
    arb_clear(r->K1);
    arb_clear(r->dK1);
    arb_clear(r->K);
    arb_clear(r->dK);
}

typedef struct
{
    sc_kernel_result *r;
    const sc_act_struct *act;
    const fmpq *rho, *q, *s;
    slong digits;
    int method;
    int exact;              /* the outputs are exact rationals rounded once */
}
kcert_ctx;

/* Exact rational K(1), K'(1) (and K(rho), K'(rho)) when the activation is
   a polynomial and the method allows a closed form. */
static int kcert_exact(kcert_ctx *c, slong prec)
{
    fmpq_t one, qq, ss, a, b;
    int exact;
    if (c->method != SC_KM_AUTO && c->method != SC_KM_CLOSED)
        return 0;
    fmpq_init(one); fmpq_init(qq); fmpq_init(ss); fmpq_init(a); fmpq_init(b);
    fmpq_one(one);
    if (c->q) fmpq_set(qq, c->q); else fmpq_one(qq);
    if (c->s) fmpq_set(ss, c->s);
    exact = sc_kernel_exact(a, b, c->act, one, qq, ss);
    if (exact)
    {
        arb_set_fmpq(c->r->K1, a, prec);
        arb_set_fmpq(c->r->dK1, b, prec);
        if (c->rho != NULL && (exact = sc_kernel_exact(a, b, c->act, c->rho, qq, ss)))
        {
            arb_set_fmpq(c->r->K, a, prec);
            arb_set_fmpq(c->r->dK, b, prec);
        }
    }
    fmpq_clear(one); fmpq_clear(qq); fmpq_clear(ss); fmpq_clear(a); fmpq_clear(b);
    return exact;
}

static int kcert_step(void *ctx, slong prec)
{
    kcert_ctx *c = ctx;
    sc_kernel_result *r = c->r;
    arb_ptr p;
    arb_t x, qb, sb;
    int st;

    if ((c->exact = kcert_exact(c, prec)))
        return SC_OK;
    p = sc_act_params(c->act, prec);
    arb_init(x);
    arb_init(qb);
    arb_init(sb);
    /* exact inputs as balls 64 bits tighter than the working precision:
       the kernel's sensitivity to c grows with t (doc/model.md 8.12) */
    if (c->q) arb_set_fmpq(qb, c->q, prec + 64); else arb_one(qb);
    if (c->s) arb_set_fmpq(sb, c->s, prec + 64);
    arb_one(x);
    st = sc_kernel_eval(r->K1, r->dK1, c->act->def, p, c->act->npar, x, qb, sb, c->method, prec);
    if (st == SC_OK && c->rho != NULL)
    {
        arb_set_fmpq(x, c->rho, prec + 64);
        st = sc_kernel_eval(r->K, r->dK, c->act->def, p, c->act->npar, x, qb, sb, c->method, prec);
    }
    sc_act_params_clear(p, c->act);
    arb_clear(x);
    arb_clear(qb);
    arb_clear(sb);
    return st;
}

static int kcert_done(void *ctx)
{
    const kcert_ctx *c = ctx;
    const sc_kernel_result *r = c->r;
    slong n = c->digits;
    /* exact rationals too: one whose rounding at the last digit is a tie
       (0.12345 at 4 digits) is a ball straddling that boundary at every
       precision, so it ends at the cap (exit 1) instead of printing 3 */
    return sc_arb_meets_digits(r->K1, n) && sc_arb_meets_digits(r->dK1, n) &&
           (c->rho == NULL || (sc_arb_meets_digits(r->K, n) && sc_arb_meets_digits(r->dK, n)))
           ? SC_PREC_DONE : SC_PREC_MORE;
}

/* Digits printed of the worst output, for the message at the cap. */
static slong kcert_reached(void *ctx)
{
    const kcert_ctx *c = ctx;
    const sc_kernel_result *r = c->r;
    slong n = c->digits, got = FLINT_MIN(sc_arb_digits_count(r->K1, n), sc_arb_digits_count(r->dK1, n));
    if (c->rho != NULL)
        got = FLINT_MIN(got, FLINT_MIN(sc_arb_digits_count(r->K, n), sc_arb_digits_count(r->dK, n)));
    return got;
}

int sc_kernel_check_inputs(const fmpq_t rho, const fmpq_t q, const fmpq_t s)
{
    if (rho != NULL && (fmpq_cmp_si(rho, 1) > 0 || fmpq_cmp_si(rho, -1) < 0))
        return sc_error(SC_ERR_INPUT, "rho must lie in [-1, 1]");
    if (q != NULL && fmpq_sgn(q) <= 0)
        return sc_error(SC_ERR_INPUT, "weight variance q must be > 0");
    if (s != NULL && fmpq_sgn(s) < 0)
        return sc_error(SC_ERR_INPUT, "bias variance s must be >= 0");
    return SC_OK;
}

int sc_kernel_certify(sc_kernel_result *r, const sc_act_t act, const fmpq_t rho,
                      const fmpq_t q, const fmpq_t s, slong digits, int method,
                      slong prec_cap)
{
    kcert_ctx c = { r, act, rho, q, s, digits, method, 0 };
    sc_prec_policy pol = { .who = act->def->name, .digits = digits, .cap = prec_cap,
                           .reached = kcert_reached };
    int st;

    if ((st = sc_kernel_check_inputs(rho, q, s)) != SC_OK)
        return st;
    r->has_rho = (rho != NULL);
    st = sc_prec_run(&pol, kcert_step, kcert_done, &c);
    r->prec = pol.prec;
    return st;
}
