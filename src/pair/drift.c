/* Two tokens with identity attention (doc/model.md sections 9.1-9.2): the
   softmax weight w, the drift b_gamma, the boundary exponents, the classes
   of the two ends and the outcome. */
#include "synccert/pair.h"
#include "synccert/twopoint.h"
#include "synccert/verdict.h"

/* w(rho) = e^{beta rho} / (e^beta + e^{beta rho}) = 1 / (1 + e^{beta (1 - rho)}):
   the softmax weight a token gives the other one (its own weight has
   exponent beta <x, x> = beta). */
void sc_pair_w(arb_t w, const arb_t rho, const arb_t beta, slong prec)
{
    acb_t z;
    acb_init(z);
    acb_set_arb(z, rho);                        /* real: the complex path stays real */
    sc_pair_w_acb(z, z, beta, prec);
    arb_swap(w, acb_realref(z));
    acb_clear(z);
}

void sc_pair_w_acb(acb_t w, const acb_t z, const arb_t beta, slong prec)
{
    acb_t t;
    acb_init(t);
    acb_sub_ui(t, z, 1, prec);
    acb_neg(t, t);
    acb_mul_arb(t, t, beta, prec);
    acb_exp(t, t, prec);
    acb_add_ui(t, t, 1, prec);
    acb_inv(w, t, prec);
    acb_clear(t);
}

/* G(x) = w(rho) (y - rho x) for two unit tokens, so the attention adds
   gamma <G(x), y> + gamma <x, G(y)> = 2 gamma w(rho) (1 - rho^2) to the drift
   of rho (doc/model.md section 9.1). */
void sc_pair_bgamma(arb_t bg, const arb_t b, const arb_t rho, const arb_t gamma,
                    const arb_t beta, slong prec)
{
    arb_t w, t;
    arb_init(w);
    arb_init(t);
    sc_pair_w(w, rho, beta, prec);
    arb_sqr(t, rho, prec);
    arb_sub_ui(t, t, 1, prec);
    arb_neg(t, t);
    arb_mul(t, t, w, prec);
    arb_mul(t, t, gamma, prec);
    arb_mul_2exp_si(t, t, 1);
    arb_add(bg, b, t, prec);
    arb_clear(w);
    arb_clear(t);
}

int sc_pair_ba_eval(arb_t bg, arb_t a, const sc_act_t act, const fmpz_t d, const fmpq_t rho,
                    const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t gamma,
                    const fmpq_t beta, slong prec)
{
    arb_t b, r, g, be;
    int st;
    arb_init(b);
    arb_init(r);
    arb_init(g);
    arb_init(be);
    st = sc_twopoint_eval(bg != NULL ? b : NULL, a, act, d, rho, sigma, q, s, prec);
    if (st == SC_OK && bg != NULL)
    {
        arb_set_fmpq(r, rho, prec);
        if (gamma) arb_set_fmpq(g, gamma, prec);
        if (beta) arb_set_fmpq(be, beta, prec);
        sc_pair_bgamma(bg, b, r, g, be, prec);
    }
    arb_clear(b);
    arb_clear(r);
    arb_clear(g);
    arb_clear(be);
    return st;
}

/* Near rho = 1, w -> w(1) = 1/2 and the attention term 2 gamma w (1 - rho^2)
   ~ 2 gamma u adds -gamma to the drift of log|X - Y|; near rho = -1 the
   same term ~ 4 gamma w(-1)(1 + rho) adds 2 gamma w(-1) to the exponent of
   the antipodal set (doc/model.md section 9.2). */
void sc_pair_exponents(arb_t lambda_gamma, arb_t mu, const arb_t lambda, const arb_t gamma,
                       const arb_t beta, slong prec)
{
    arb_t t;
    arb_init(t);
    if (lambda_gamma != NULL)
    {
        if (arb_is_finite(lambda))
            arb_sub(lambda_gamma, lambda, gamma, prec);
        else
            arb_set(lambda_gamma, lambda);      /* +-inf or undefined */
    }
    if (mu != NULL)
    {
        arb_set_si(t, -1);                      /* w(-1) = 1/(1 + e^{2 beta}) */
        sc_pair_w(t, t, beta, prec);
        arb_mul(t, t, gamma, prec);
        arb_mul_2exp_si(t, t, 1);
        if (arb_is_finite(lambda))
            arb_add(mu, lambda, t, prec);
        else
            arb_set(mu, lambda);
    }
    arb_clear(t);
}

const char *sc_pair_end_name(int cls)
{
    switch (cls)
    {
        case SC_PAIR_END_ATTRACTING: return "attracting";
        case SC_PAIR_END_REPELLING: return "repelling";
        case SC_PAIR_END_UNREACHED: return "never reached";
        case SC_PAIR_END_REFLECTING: return "reached, left at once";
        case SC_PAIR_END_NOT_OUTCOME: return "not an outcome";
        default: return "undecided";
    }
}

const char *sc_pair_outcome_name(int outcome)
{
    switch (outcome)
    {
        case SC_PAIR_SYNC: return "synchronises almost surely";
        case SC_PAIR_ANTI: return "ends antipodal almost surely";
        case SC_PAIR_BOTH: return "synchronised or antipodal, both with positive probability";
        case SC_PAIR_NEITHER: return "never synchronises (neither end attracts)";
        default: return "undecided";
    }
}

int sc_pair_outcome(int diag, int anti)
{
    int anti_att = anti == SC_PAIR_END_ATTRACTING;
    int anti_not = anti == SC_PAIR_END_REPELLING || anti == SC_PAIR_END_UNREACHED ||
                   anti == SC_PAIR_END_REFLECTING || anti == SC_PAIR_END_NOT_OUTCOME;
    if (diag == SC_PAIR_END_ATTRACTING)
        return anti_att ? SC_PAIR_BOTH : anti_not ? SC_PAIR_SYNC : SC_PAIR_UNDECIDED;
    if (diag == SC_PAIR_END_REPELLING)
        return anti_att ? SC_PAIR_ANTI : anti_not ? SC_PAIR_NEITHER : SC_PAIR_UNDECIDED;
    return SC_PAIR_UNDECIDED;
}
