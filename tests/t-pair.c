/* Two tokens with identity attention (doc/model.md section 9): the drift,
   the boundary exponents and classes against values recomputed here from
   lambda, and P(sync | rho0) against three closed forms (gamma = 0 linear:
   the RQF law; d = 2, gamma = 0, any odd phi: theta is a martingale;
   linear with beta = 0: an incomplete beta function), its monotonicity,
   the exact cases, two methods agreeing (closed form and Hermite series),
   and the error paths. */
#include <arb_hypgeom.h>
#include "sc_test.h"
#include "synccert/pair.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/parse.h"

/* certify act with the given d, gamma, beta (decimal strings) and rho0 list */
static int run_pair(sc_pair_result *R, const char *act_s, slong d, const char *g, const char *b,
                    const char *const *rho, slong n, slong digits, int method)
{
    sc_act_t act;
    sc_pair_problem P;
    fmpq *r = _fmpq_vec_init(FLINT_MAX(n, 1));
    slong i;
    int st;
    sc_act_init(act);
    sc_pair_problem_init(&P);
    CU_ASSERT_FATAL(sc_act_parse(act, act_s) == SC_OK);
    fmpz_set_si(P.d, d);
    sc_parse_fmpq(P.gamma, g, "gamma");
    sc_parse_fmpq(P.beta, b, "beta");
    for (i = 0; i < n; i++)
        sc_parse_fmpq(r + i, rho[i], "rho0");
    sc_pair_problem_set_rho0(&P, r, n);
    P.digits = digits;
    P.kd_method = method;
    st = sc_pair_certify(R, act, &P);
    _fmpq_vec_clear(r, FLINT_MAX(n, 1));
    sc_pair_problem_clear(&P);
    sc_act_clear(act);
    return st;
}

/* 1 - arccos(rho0)/pi */
static void rqf_law(arb_t p, const char *rho, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_str(t, rho, prec);
    arb_acos(t, t, prec);
    arb_const_pi(p, prec);
    arb_div(t, t, p, prec);
    arb_sub_ui(p, t, 1, prec);
    arb_neg(p, p);
    arb_clear(t);
}

/* gamma = 0, linear: the RQF law, and lambda_gamma = mu = -sigma^2 */
static void test_linear_rqf(void)
{
    static const char *rho[] = { "-0.7", "-1/3", "0", "0.3", "0.9", "0.999" };
    sc_pair_result R;
    arb_t p, s;
    slong i;
    arb_init(p);
    arb_init(s);
    sc_pair_result_init(&R);
    CU_ASSERT(run_pair(&R, "linear", 5, "0", "2", rho, 6, 12, SC_PAIR_KD_AUTO) == SC_OK);
    CU_ASSERT(R.outcome == SC_PAIR_BOTH && R.integrated);
    SC_ASSERT_CONTAINS_STR(R.lambda_gamma, "-1");
    SC_ASSERT_CONTAINS_STR(R.mu, "-1");
    for (i = 0; i < 6; i++)
    {
        rqf_law(p, rho[i], 128);
        SC_ASSERT_OVERLAPS(R.psync + i, p);
        SC_ASSERT_ACCURATE(R.psync + i, 40);
        arb_add(s, R.psync + i, R.panti + i, 128);      /* the sum contains 1 */
        SC_ASSERT_CONTAINS_STR(s, "1");
    }
    arb_clear(p);
    arb_clear(s);
    sc_pair_result_clear(&R);
}

/* sigma = 1/2: both exponents are -sigma^2 = -1/4, still the RQF law */
static void test_linear_sigma(void)
{
    static const char *rho[] = { "0.5" };
    sc_act_t act;
    sc_pair_problem P;
    sc_pair_result R;
    fmpq_t r;
    arb_t p;
    sc_act_init(act);
    sc_pair_problem_init(&P);
    sc_pair_result_init(&R);
    fmpq_init(r);
    arb_init(p);
    sc_act_parse(act, "linear");
    fmpz_set_si(P.d, 3);
    fmpq_set_si(P.sigma, 1, 2);
    sc_parse_fmpq(r, rho[0], "rho0");
    sc_pair_problem_set_rho0(&P, r, 1);
    CU_ASSERT(sc_pair_certify(&R, act, &P) == SC_OK);
    SC_ASSERT_CONTAINS_STR(R.lambda_gamma, "-0.25");
    SC_ASSERT_CONTAINS_STR(R.mu, "-0.25");
    SC_ASSERT_CONTAINS_STR(R.ly.v, "0.5");
    rqf_law(p, rho[0], 128);
    SC_ASSERT_OVERLAPS(R.psync, p);
    sc_act_clear(act);
    sc_pair_problem_clear(&P);
    sc_pair_result_clear(&R);
    fmpq_clear(r);
    arb_clear(p);
}

/* d = 2, gamma = 0: the angle theta = arccos rho has drift
   -(b + rho a/(2(1 - rho^2)))/sqrt(1 - rho^2) = -sigma^2 (rho^2 K - rho K(1)
   + rho (K(1) - rho K)) / sqrt(1 - rho^2) = 0 for every kernel, so theta is a
   martingale and P(sync | rho0) = 1 - arccos(rho0)/pi for every odd phi
   (closed form, Hermite series, jump) */
static void test_circle_martingale(void)
{
    static const char *acts[] = { "tanh", "erf:c=2", "sin", "sign", "poly:c1=1,c3=-1/6" };
    static const char *rho[] = { "-0.6", "0.25", "0.8" };
    sc_pair_result R;
    arb_t p;
    slong i, k;
    arb_init(p);
    for (k = 0; k < 5; k++)
    {
        sc_pair_result_init(&R);
        CU_ASSERT(run_pair(&R, acts[k], 2, "0", "0", rho, 3, 6, SC_PAIR_KD_AUTO) == SC_OK);
        CU_ASSERT(R.outcome == SC_PAIR_BOTH && R.integrated);
        for (i = 0; i < 3 && R.has_prob; i++)
        {
            rqf_law(p, rho[i], 128);
            SC_ASSERT_OVERLAPS(R.psync + i, p);
        }
        sc_pair_result_clear(&R);
    }
    arb_clear(p);
}

/* linear, beta = 0 (w = 1/2): s'(rho) = (1 - rho)^{-1/2 + k} (1 + rho)^{-1/2 - k},
   k = gamma / (2 sigma^2), so P(sync | rho0) = I_{(1 + rho0)/2}(1/2 - k, 1/2 + k)
   (regularised incomplete beta); mu = -sigma^2 + gamma < 0 needs k < 1/2 */
static void test_linear_attention(void)
{
    static const char *rho[] = { "-0.3", "0", "0.7" };
    sc_pair_result R;
    arb_t p, a, b, z;
    slong i;
    arb_init(p);
    arb_init(a);
    arb_init(b);
    arb_init(z);
    sc_pair_result_init(&R);
    CU_ASSERT(run_pair(&R, "linear", 4, "0.5", "0", rho, 3, 10, SC_PAIR_KD_AUTO) == SC_OK);
    SC_ASSERT_CONTAINS_STR(R.lambda_gamma, "-1.5");
    SC_ASSERT_CONTAINS_STR(R.mu, "-0.5");
    for (i = 0; i < 3; i++)
    {
        arb_set_str(a, "0.25", 128);                /* 1/2 - k, k = 1/4 */
        arb_set_str(b, "0.75", 128);
        arb_set_str(z, rho[i], 128);
        arb_add_ui(z, z, 1, 128);
        arb_mul_2exp_si(z, z, -1);
        arb_hypgeom_beta_lower(p, a, b, z, 1, 128);
        SC_ASSERT_OVERLAPS(R.psync + i, p);
        SC_ASSERT_ACCURATE(R.psync + i, 30);
    }
    /* the value quoted with the model (0.7805 at rho0 = 0) */
    SC_ASSERT_OVERLAPS_STR(R.psync + 1, "[0.7805 +/- 0.0001]");
    sc_pair_result_clear(&R);
    arb_clear(p);
    arb_clear(a);
    arb_clear(b);
    arb_clear(z);
}

/* exponents and classes against lambda recomputed here:
   lambda_gamma = lambda - gamma, mu = lambda + 2 gamma / (1 + e^{2 beta}) */
static void test_exponents_classes(void)
{
    static const char *acts[] = { "tanh", "erf", "sin", "relu", "gelu" };
    static const slong dims[] = { 2, 3, 8, 16, 40 };
    static const char *gam[] = { "0", "0.3", "1.5" }, *bet[] = { "0", "1", "3" };
    slong a, i, j;
    arb_t g, b, e, t;
    arb_init(g);
    arb_init(b);
    arb_init(e);
    arb_init(t);
    for (a = 0; a < 5; a++)
        for (i = 0; i < 5; i++)
            for (j = 0; j < 3; j++)
            {
                sc_pair_result R;
                int odd = a < 3, sg;
                sc_pair_result_init(&R);
                CU_ASSERT(run_pair(&R, acts[a], dims[i], gam[j], bet[j], NULL, 0, 8, 0) == SC_OK);
                arb_set_str(g, gam[j], 128);
                arb_set_str(b, bet[j], 128);
                arb_sub(e, R.ly.lambda, g, 128);
                SC_ASSERT_OVERLAPS(R.lambda_gamma, e);
                sg = arb_is_negative(e) ? -1 : arb_is_positive(e) ? 1 : 0;
                CU_ASSERT(sg != 0);
                CU_ASSERT(R.diag == (sg < 0 ? SC_PAIR_END_ATTRACTING : SC_PAIR_END_REPELLING));
                CU_ASSERT(R.ly.odd == odd);
                if (odd)
                {
                    arb_mul_2exp_si(t, b, 1);
                    arb_exp(t, t, 128);
                    arb_add_ui(t, t, 1, 128);
                    arb_div(t, g, t, 128);
                    arb_mul_2exp_si(t, t, 1);
                    arb_add(t, t, R.ly.lambda, 128);
                    SC_ASSERT_OVERLAPS(R.mu, t);
                    sg = arb_is_negative(t) ? -1 : 1;
                    CU_ASSERT(R.anti == (sg < 0 ? SC_PAIR_END_ATTRACTING : SC_PAIR_END_REPELLING));
                    /* attention helps the diagonal, hurts the antipodal set */
                    if (j == 0)
                        SC_ASSERT_OVERLAPS(R.lambda_gamma, R.mu);
                    else
                        CU_ASSERT(arb_lt(R.lambda_gamma, R.mu));
                }
                else
                    CU_ASSERT(R.anti == (dims[i] >= 3 ? SC_PAIR_END_UNREACHED : SC_PAIR_END_REFLECTING));
                CU_ASSERT(R.outcome == sc_pair_outcome(R.diag, R.anti));
                sc_pair_result_clear(&R);
            }
    arb_clear(g);
    arb_clear(b);
    arb_clear(e);
    arb_clear(t);
}

/* P(sync) increases strictly with rho0, the two probabilities sum to 1 */
static void test_monotone(void)
{
    static const char *rho[] = { "-0.95", "-0.5", "-0.1", "0", "0.2", "0.6", "0.97" };
    sc_pair_result R;
    arb_t s;
    slong i;
    arb_init(s);
    sc_pair_result_init(&R);
    CU_ASSERT(run_pair(&R, "tanh", 8, "0.3", "1", rho, 7, 6, SC_PAIR_KD_AUTO) == SC_OK);
    CU_ASSERT(R.outcome == SC_PAIR_BOTH);
    for (i = 0; i < 7; i++)
    {
        if (i > 0)
            CU_ASSERT(arb_lt(R.psync + i - 1, R.psync + i));
        arb_add(s, R.psync + i, R.panti + i, 128);
        SC_ASSERT_CONTAINS_STR(s, "1");
    }
    sc_pair_result_clear(&R);
    arb_clear(s);
}

/* only the diagonal attracts: P(sync) = 1 exactly; neither: both 0;
   rho0 = +-1 are invariant for an odd phi */
static void test_exact_cases(void)
{
    static const char *rho[] = { "-1", "-0.4", "1" };
    sc_pair_result R;
    sc_pair_result_init(&R);
    /* tanh d = 8, gamma = 1, beta = 0: mu = lambda + 1 > 0 > lambda - 1 */
    CU_ASSERT(run_pair(&R, "tanh", 8, "1", "0", rho, 3, 6, 0) == SC_OK);
    CU_ASSERT(R.outcome == SC_PAIR_SYNC && !R.integrated && R.has_prob);
    CU_ASSERT(arb_is_zero(R.psync + 0) && arb_is_one(R.panti + 0));     /* antipodal stays */
    CU_ASSERT(arb_is_one(R.psync + 1) && arb_is_zero(R.panti + 1));
    CU_ASSERT(arb_is_one(R.psync + 2) && arb_is_zero(R.panti + 2));
    sc_pair_result_clear(&R);
    /* tanh d = 32, gamma = 0.1: lambda_gamma > 0: never synchronises */
    sc_pair_result_init(&R);
    CU_ASSERT(run_pair(&R, "tanh", 32, "0.1", "1", rho, 3, 6, 0) == SC_OK);
    CU_ASSERT(R.outcome == SC_PAIR_NEITHER);
    CU_ASSERT(arb_is_zero(R.psync + 1) && arb_is_zero(R.panti + 1));
    CU_ASSERT(arb_is_one(R.psync + 2));
    sc_pair_result_clear(&R);
    /* relu: not odd, antipodal never reached, P(sync) = 1 even from -1 */
    sc_pair_result_init(&R);
    CU_ASSERT(run_pair(&R, "relu", 4, "0.2", "1", rho, 3, 6, 0) == SC_OK);
    CU_ASSERT(R.outcome == SC_PAIR_SYNC);
    CU_ASSERT(arb_is_one(R.psync + 0) && arb_is_one(R.psync + 1));
    sc_pair_result_clear(&R);
}

/* the closed-form kernel and the Hermite series give overlapping answers */
static void test_two_methods(void)
{
    static const char *rho[] = { "-0.2", "0.45" };
    sc_pair_result A, B;
    slong i;
    sc_pair_result_init(&A);
    sc_pair_result_init(&B);
    CU_ASSERT(run_pair(&A, "erf", 4, "0.2", "1", rho, 2, 8, SC_PAIR_KD_CLOSED) == SC_OK);
    CU_ASSERT(run_pair(&B, "erf", 4, "0.2", "1", rho, 2, 8, SC_PAIR_KD_SERIES) == SC_OK);
    CU_ASSERT(A.kd_method == SC_PAIR_KD_CLOSED && B.kd_method == SC_PAIR_KD_SERIES && B.series_order > 5);
    for (i = 0; i < 2; i++)
    {
        SC_ASSERT_OVERLAPS(A.psync + i, B.psync + i);
        SC_ASSERT_ACCURATE(B.psync + i, 27);
    }
    sc_pair_result_clear(&A);
    sc_pair_result_clear(&B);
}

/* b_gamma(rho) = b(rho) + 2 gamma w(rho) (1 - rho^2), w = e^{beta rho}/(e^beta + e^{beta rho}) */
static void test_drift(void)
{
    sc_act_t act;
    fmpz_t d;
    fmpq_t rho, g, b;
    arb_t bg, a, b0, a0, t, w;
    sc_act_init(act);
    fmpz_init_set_ui(d, 5);
    fmpq_init(rho);
    fmpq_init(g);
    fmpq_init(b);
    arb_init(bg);
    arb_init(a);
    arb_init(b0);
    arb_init(a0);
    arb_init(t);
    arb_init(w);
    sc_act_parse(act, "tanh");
    fmpq_set_si(rho, -3, 10);
    fmpq_set_si(g, 7, 10);
    fmpq_set_si(b, 2, 1);
    CU_ASSERT(sc_pair_ba_eval(bg, a, act, d, rho, NULL, NULL, NULL, g, b, 128) == SC_OK);
    CU_ASSERT(sc_twopoint_eval(b0, a0, act, d, rho, NULL, NULL, NULL, 128) == SC_OK);
    SC_ASSERT_OVERLAPS(a, a0);
    /* w = e^{-0.6} / (e^2 + e^{-0.6}); 2 gamma w (1 - 0.09) */
    arb_set_str(t, "-0.6", 128);
    arb_exp(t, t, 128);
    arb_set_ui(w, 2);
    arb_exp(w, w, 128);
    arb_add(w, w, t, 128);
    arb_div(w, t, w, 128);
    arb_mul_ui(w, w, 2 * 7 * 91, 128);
    arb_div_ui(w, w, 1000, 128);
    arb_add(t, b0, w, 128);
    SC_ASSERT_OVERLAPS(bg, t);
    arb_set_si(t, 1);                              /* w(1) = 1/2 for every beta */
    arb_set_ui(w, 17);
    sc_pair_w(t, t, w, 128);
    SC_ASSERT_CONTAINS_STR(t, "0.5");
    sc_act_clear(act);
    fmpz_clear(d);
    fmpq_clear(rho);
    fmpq_clear(g);
    fmpq_clear(b);
    arb_clear(bg);
    arb_clear(a);
    arb_clear(b0);
    arb_clear(a0);
    arb_clear(t);
    arb_clear(w);
}

static void test_errors(void)
{
    static const char *bad[] = { "1.5" }, *ok[] = { "0.25" };
    sc_pair_result R;
    sc_pair_result_init(&R);
    CU_ASSERT(run_pair(&R, "tanh", 4, "-0.1", "0", NULL, 0, 6, 0) == SC_ERR_INPUT);
    CU_ASSERT(run_pair(&R, "tanh", 4, "0", "-1", NULL, 0, 6, 0) == SC_ERR_INPUT);
    CU_ASSERT(run_pair(&R, "tanh", 1, "0", "0", NULL, 0, 6, 0) == SC_ERR_INPUT);
    CU_ASSERT(run_pair(&R, "tanh", 4, "0", "0", bad, 1, 6, 0) == SC_ERR_INPUT);
    /* K'(1) = +inf and no closed form (forced): the series cannot bound D
       near rho = 1, so the scale integral is refused, never guessed */
    CU_ASSERT(run_pair(&R, "sign", 2, "0", "0", ok, 1, 6, SC_PAIR_KD_SERIES) == SC_ERR_UNSUPPORTED);
    CU_ASSERT(run_pair(&R, "sign", 2, "0", "0", ok, 1, 6, SC_PAIR_KD_AUTO) == SC_OK);
    sc_pair_result_clear(&R);
}

SC_TEST_MAIN("pair",
    SC_TEST(test_linear_rqf), SC_TEST(test_linear_sigma), SC_TEST(test_circle_martingale),
    SC_TEST(test_linear_attention), SC_TEST(test_exponents_classes), SC_TEST(test_monotone),
    SC_TEST(test_exact_cases), SC_TEST(test_two_methods), SC_TEST(test_drift), SC_TEST(test_errors))
