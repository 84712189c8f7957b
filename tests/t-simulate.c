/* Tests of the sc_simulate_* calls (src/sim/simulate*.c): what
   `synccert simulate` computes, from C.  Fixed seeds, small runs.
   - the comparison of an estimate with a certified ball on constructed
     inputs (inside, outside within and beyond the threshold, infinite,
     undefined, zero standard error);
   - lyapunov: the certified lambda of relu at d = 4 contains -1/2, K(1) and
     K'(1) contain 1/2, the estimate is the low-level sc_sim_lyapunov's and
     is consistent with -1/2;
   - moments: for linear phi the certified b, a are the RQF's closed forms
     -sigma^2 rho (1 - rho^2), 2 sigma^2 (1 - rho^2)^2;
   - energy: L_att = 2 + beta (identity) and R (2 + beta R^2) (random),
     r_p = c_p - p gamma L_att, the verdict and the bound exp(-r_p t) with
     bound(0) = 1, odd phi without bias gives a note and still simulates;
   - rqf: 1 - theta0/pi and theta0/pi at rho0 = 1/2 and 1, the binomial
     standard error and its floor;
   - the defaults per measure and the error paths. */
#include <math.h>
#include <string.h>
#include "sc_test.h"
#include "synccert/sim.h"
#include "synccert/coercivity.h"

static void problem(sc_simulate_problem *pb, int measure, sc_act_t act, const char *spec)
{
    sc_act_init(act);
    CU_ASSERT_FATAL(sc_act_parse(act, spec) == SC_OK);
    sc_simulate_problem_init(pb, measure);
    pb->threads = 2;
}

/* x contains num/den */
static int contains_q(const arb_t x, slong num, slong den)
{
    fmpq_t q;
    int r;
    fmpq_init(q);
    fmpq_set_si(q, num, den);
    r = arb_contains_fmpq(x, q);
    fmpq_clear(q);
    return r;
}

/* ------------------------------------------------------------ comparison */

static void cmp_case(sc_sim_cmp *c, double mean, double se, double allowance)
{
    c->est.mean = mean;
    c->est.se = se;
    c->est.n = 100;
    c->allowance = allowance;
    sc_sim_cmp_eval(c);
}

static void test_cmp_eval(void)
{
    sc_sim_cmp c;
    sc_sim_cmp_init(&c);
    CU_ASSERT(!c.applicable && !c.consistent);
    {
    arf_t lo, hi;
    arf_init(lo);
    arf_init(hi);
    arf_set_si(lo, 1);
    arf_set_si(hi, 2);
    arb_set_interval_arf(c.cert, lo, hi, 64);   /* [1, 2] (widened by ~1e-9: radius in mag_t) */
    arf_clear(lo);
    arf_clear(hi);
    }
    cmp_case(&c, 1.25, 0.1, 0.0);               /* inside: no distance */
    CU_ASSERT(c.applicable && c.consistent && c.diff == 0.0 && c.z == 0.0);
    CU_ASSERT(c.threshold == 5.0 * 0.1);
    cmp_case(&c, 3.0, 0.125, 0.25);             /* 1 above: threshold 0.875 */
    CU_ASSERT(c.applicable && !c.consistent && fabs(c.diff - 1.0) < 1e-8 && fabs(c.z - 8.0) < 1e-7);
    CU_ASSERT(c.threshold == 0.875);
    cmp_case(&c, 3.0, 0.125, 0.5);              /* threshold 1.125 */
    CU_ASSERT(c.consistent);
    cmp_case(&c, 0.5, 0.25, 0.0);               /* 0.5 below, 2 s.e. */
    CU_ASSERT(c.consistent && fabs(c.diff - 0.5) < 1e-8 && fabs(c.z - 2.0) < 1e-7);
    cmp_case(&c, 2.5, 0.0, 0.0);                /* no spread, outside */
    CU_ASSERT(c.applicable && !c.consistent && isinf(c.z));
    cmp_case(&c, 2.0, 0.0, 0.0);                /* no spread, on the edge */
    CU_ASSERT(c.consistent && c.z == 0.0);
    cmp_case(&c, 1.5, INFINITY, 0.0);           /* one sample: no s.e. */
    CU_ASSERT(!c.applicable && !c.consistent);
    arb_pos_inf(c.cert);
    cmp_case(&c, 1.5, 0.1, 0.0);
    CU_ASSERT(!c.applicable && !c.consistent);
    arb_indeterminate(c.cert);
    cmp_case(&c, 1.5, 0.1, 0.0);
    CU_ASSERT(!c.applicable && !c.consistent);
    sc_sim_cmp_clear(&c);
}

/* ------------------------------------------------------------ pair measures */

static void test_lyapunov_relu(void)
{
    sc_act_t act;
    sc_simulate_problem pb;
    sc_simulate_lyapunov_result r;
    sc_sim_est e;
    problem(&pb, SC_SIMULATE_LYAPUNOV, act, "relu");
    pb.T = 20;
    pb.runs = 2;
    sc_simulate_lyapunov_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_lyapunov(&r, act, &pb) == SC_OK);
    SC_ASSERT_CONTAINS_STR(r.lambda.cert, "-0.5");
    SC_ASSERT_CONTAINS_STR(r.K1, "0.5");
    SC_ASSERT_CONTAINS_STR(r.dK1, "0.5");
    CU_ASSERT(r.nblocks == 2000);
    CU_ASSERT(fabs(r.step_parameter - 0.01 * 4 * 0.5) < 1e-15);
    CU_ASSERT(r.lambda.allowance == sc_sim_allowance_lyapunov(&r.run.P, 0.5, 0.5));
    CU_ASSERT(r.lambda.applicable && r.lambda.consistent);
    CU_ASSERT(r.lambda.est.n == 4000);          /* one block per antithetic pair */
    CU_ASSERT(r.run.threads == 2 && r.run.seconds >= 0 && r.run.per_second > 0);
    /* the same model through the low-level call gives the same estimate */
    CU_ASSERT(sc_sim_lyapunov(&e, &r.run.P, 20, 2, 1e-6) == SC_OK);
    CU_ASSERT(e.mean == r.lambda.est.mean && e.se == r.lambda.est.se);
    sc_simulate_lyapunov_result_clear(&r);
    /* phi jumps: K'(1) = +inf, no finite limit to compare with */
    sc_act_clear(act);
    CU_ASSERT_FATAL(sc_act_parse(act, "sign") == SC_OK);
    pb.d = 6;
    pb.T = 1;
    sc_simulate_lyapunov_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_lyapunov(&r, act, &pb) == SC_OK);
    CU_ASSERT(!arb_is_finite(r.dK1) && !r.lambda.applicable && !r.lambda.consistent);
    sc_simulate_lyapunov_result_clear(&r);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
}

static void test_moments_linear(void)
{
    sc_act_t act;
    sc_simulate_problem pb;
    sc_simulate_moments_result r;
    sc_sim_est b, a;
    problem(&pb, SC_SIMULATE_MOMENTS, act, "linear");
    pb.d = 5;
    pb.runs = 20000;
    sc_simulate_moments_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_moments(&r, act, &pb) == SC_OK);
    /* rho = 3/10: -rho (1 - rho^2) = -0.273, 2 (1 - rho^2)^2 = 1.6562 */
    SC_ASSERT_CONTAINS_STR(r.b.cert, "-0.273");
    SC_ASSERT_CONTAINS_STR(r.a.cert, "1.6562");
    SC_ASSERT_CONTAINS_STR(r.K1, "1");
    CU_ASSERT(r.b.allowance == sc_sim_allowance_b(&r.run.P, 1.0));
    CU_ASSERT(r.a.allowance == sc_sim_allowance_a(&r.run.P, 1.0));
    CU_ASSERT(r.b.consistent && r.a.consistent);
    CU_ASSERT(sc_sim_moments(&b, &a, &r.run.P, 0.3, 20000) == SC_OK);
    CU_ASSERT(b.mean == r.b.est.mean && a.mean == r.a.est.mean);
    sc_simulate_moments_result_clear(&r);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
}

/* ------------------------------------------------------------ energy */

static void energy(sc_simulate_energy_result *r, const char *spec, const char *p, const char *s)
{
    sc_act_t act;
    sc_simulate_problem pb;
    problem(&pb, SC_SIMULATE_ENERGY, act, spec);
    pb.d = 8;
    pb.m = 32;
    pb.tokens = 8;
    pb.T = 0.2;
    pb.runs = 2;
    pb.points = 4;
    fmpq_set_str(pb.p, p, 10);
    fmpq_set_str(pb.s, s, 10);
    sc_simulate_energy_result_init(r);
    CU_ASSERT(sc_simulate_energy(r, act, &pb) == SC_OK);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
}

static void test_energy_certificate(void)
{
    sc_simulate_energy_result r;
    arb_t one;
    long k;
    arb_init(one);
    arb_one(one);
    /* relu, p = 1/2, no attention: r_p = c_p > 0, the certificate holds */
    energy(&r, "relu", "1/2", "0");
    CU_ASSERT(r.have_rp && r.verdict == SC_DISS_YES && arb_is_positive(r.rp));
    SC_ASSERT_OVERLAPS(r.rp, r.cp);
    SC_ASSERT_CONTAINS_STR(r.Latt, "3");
    CU_ASSERT(r.npts == 4 && r.nblocks == 20 && r.t[4] == 0.2);
    CU_ASSERT_FATAL(r.bound != NULL);
    CU_ASSERT(arb_contains(r.bound + 0, one));
    for (k = 1; k <= r.npts; k++)
        CU_ASSERT(arb_lt(r.bound + k, r.bound + k - 1));
    CU_ASSERT(r.rate.mean == -log(r.ratio[4].mean) / 0.2);
    CU_ASSERT(r.Ep[0].mean > 0 && r.ratio[0].mean == 1.0);
    CU_ASSERT(r.run.per_second > 0);
    sc_simulate_energy_result_clear(&r);
    /* p = 1: the enclosure of c_p = r_p touches 0, undecided: no certificate, no bound */
    energy(&r, "relu", "1", "0");
    CU_ASSERT(r.have_rp && arb_contains_zero(r.rp) && r.verdict == SC_DISS_UNDECIDED && r.bound == NULL);
    sc_simulate_energy_result_clear(&r);
    /* odd phi without bias: c_p <= 0 is known, a note instead, and the simulation still runs */
    energy(&r, "tanh", "1", "0");
    CU_ASSERT(!r.have_rp && r.verdict == SC_DISS_UNDECIDED && r.bound == NULL);
    CU_ASSERT(strstr(r.note, "odd activation") != NULL);
    CU_ASSERT(isfinite(r.Ep[4].mean) && r.Ep[4].mean > 0);
    sc_simulate_energy_result_clear(&r);
    /* a bias breaks the symmetry: c_p is computed */
    energy(&r, "tanh", "1", "1/2");
    CU_ASSERT(r.have_rp && r.note[0] == '\0');
    sc_simulate_energy_result_clear(&r);
    arb_clear(one);
}

static void test_energy_attention(void)
{
    sc_act_t act;
    sc_simulate_problem pb;
    sc_simulate_energy_result r;
    arb_t x;
    arb_init(x);
    problem(&pb, SC_SIMULATE_ENERGY, act, "relu");
    pb.tokens = 4;
    pb.T = 0.05;
    pb.runs = 1;
    pb.points = 100;                            /* lowered to the 5 blocks */
    fmpq_set_si(pb.gamma, 1, 10);
    fmpq_set_si(pb.beta, 2, 1);
    sc_simulate_energy_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_energy(&r, act, &pb) == SC_OK);
    CU_ASSERT(r.npts == 5 && r.t[5] == 0.05);
    SC_ASSERT_CONTAINS_STR(r.Latt, "4");        /* 2 + beta */
    /* r_p = c_p - p gamma L_att = c_p - 0.4 */
    arb_set_str(x, "0.4", 128);
    arb_add(x, x, r.rp, 128);
    SC_ASSERT_OVERLAPS(x, r.cp);
    CU_ASSERT(r.verdict == SC_DISS_NO && r.bound == NULL);
    sc_simulate_energy_result_clear(&r);
    /* random Q, K, V of norm R = 1/2: L_att = R (2 + beta R^2) = 5/4 */
    pb.attention = SC_SIM_ATT_RANDOM;
    fmpq_set_si(pb.qkv_norm, 1, 2);
    sc_simulate_energy_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_energy(&r, act, &pb) == SC_OK);
    SC_ASSERT_CONTAINS_STR(r.Latt, "1.25");
    CU_ASSERT(sc_sim_attention_lipschitz(&r.run.P) <= 1.25 + 1e-12);
    sc_simulate_energy_result_clear(&r);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
    arb_clear(x);
}

/* ------------------------------------------------------------ rqf */

static void test_rqf(void)
{
    sc_simulate_problem pb;
    sc_simulate_rqf_result r;
    sc_simulate_problem_init(&pb, SC_SIMULATE_RQF);
    pb.runs = 400;
    pb.T = 5;
    pb.h = 0.05;
    fmpq_set_si(pb.rho, 1, 2);
    sc_simulate_rqf_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_rqf(&r, &pb) == SC_OK);
    CU_ASSERT(contains_q(r.psync.cert, 2, 3) && contains_q(r.panti, 1, 3));
    CU_ASSERT(r.counts.runs == 400 && r.counts.sync + r.counts.anti == 400);
    CU_ASSERT(r.psync.est.mean == r.counts.sync / 400.0);
    CU_ASSERT(fabs(r.psync.est.se - sqrt(2.0 / 9.0 / 400)) < 1e-12);
    CU_ASSERT(r.psync.allowance == 2 * 0.05);
    CU_ASSERT(r.psync.consistent);
    sc_simulate_rqf_result_clear(&r);
    /* rho0 = 1: synchronised from the start; the s.e. floor 1/(2 runs) */
    fmpq_one(pb.rho);
    pb.runs = 10;
    sc_simulate_rqf_result_init(&r);
    CU_ASSERT_FATAL(sc_simulate_rqf(&r, &pb) == SC_OK);
    SC_ASSERT_CONTAINS_STR(r.psync.cert, "1");
    CU_ASSERT(arb_is_zero(r.panti));
    CU_ASSERT(r.counts.sync == 10 && r.psync.est.mean == 1.0 && r.psync.est.se == 0.05);
    CU_ASSERT(r.psync.consistent && r.psync.diff == 0.0);
    sc_simulate_rqf_result_clear(&r);
    sc_simulate_problem_clear(&pb);
}

/* ------------------------------------------------------------ defaults, errors */

static void test_defaults(void)
{
    static const double T[] = { 100, 0, 2, 20 };
    static const long runs[] = { 8, 100000, 8, 4000 };
    sc_simulate_problem pb;
    int k;
    for (k = SC_SIMULATE_LYAPUNOV; k <= SC_SIMULATE_RQF; k++)
    {
        sc_simulate_problem_init(&pb, k);
        CU_ASSERT(pb.T == T[k] && pb.runs == runs[k]);
        CU_ASSERT(fmpq_equal_si(pb.rho, 0) == (k != SC_SIMULATE_MOMENTS));
        CU_ASSERT(pb.d == 4 && pb.m == 256 && pb.h == 0.01 && pb.seed == 1 && pb.delta == 1e-6);
        CU_ASSERT(fmpq_is_one(pb.sigma) && fmpq_is_one(pb.q) && fmpq_is_zero(pb.s));
        CU_ASSERT(fmpq_is_one(pb.p) && fmpq_is_zero(pb.gamma) && fmpq_is_one(pb.beta));
        CU_ASSERT(pb.attention == SC_SIM_ATT_IDENTITY && fmpq_is_one(pb.qkv_norm));
        CU_ASSERT(pb.tokens == 32 && pb.points == 10 && pb.threads == 0 && pb.progress == 0);
        sc_simulate_problem_clear(&pb);
    }
}

static void test_errors(void)
{
    sc_act_t act;
    sc_simulate_problem pb;
    sc_simulate_lyapunov_result l;
    sc_simulate_moments_result m;
    sc_simulate_energy_result e;
    sc_simulate_rqf_result q;

    problem(&pb, SC_SIMULATE_LYAPUNOV, act, "relu");
    sc_simulate_lyapunov_result_init(&l);
    pb.runs = 0;
    CU_ASSERT(sc_simulate_lyapunov(&l, act, &pb) == SC_ERR_INPUT);
    pb.runs = 1;
    pb.delta = 0.5;
    CU_ASSERT(sc_simulate_lyapunov(&l, act, &pb) == SC_ERR_INPUT);
    pb.delta = 1e-6;
    fmpq_zero(pb.sigma);                        /* rejected by the certified part */
    CU_ASSERT(sc_simulate_lyapunov(&l, act, &pb) == SC_ERR_INPUT);
    fmpq_one(pb.sigma);
    sc_simulate_lyapunov_result_clear(&l);

    sc_simulate_moments_result_init(&m);
    fmpq_one(pb.rho);                           /* the simulation needs rho in (-1, 1) */
    CU_ASSERT(sc_simulate_moments(&m, act, &pb) == SC_ERR_INPUT);
    sc_simulate_moments_result_clear(&m);

    sc_simulate_energy_result_init(&e);
    pb.tokens = 1;
    CU_ASSERT(sc_simulate_energy(&e, act, &pb) == SC_ERR_INPUT);
    sc_simulate_energy_result_clear(&e);
    sc_simulate_energy_result_init(&e);
    pb.tokens = 4;
    pb.points = 0;
    CU_ASSERT(sc_simulate_energy(&e, act, &pb) == SC_ERR_INPUT);
    sc_simulate_energy_result_clear(&e);
    sc_simulate_energy_result_init(&e);
    pb.points = 1000000000;                     /* rejected before anything that size is allocated */
    CU_ASSERT(sc_simulate_energy(&e, act, &pb) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "points") != NULL);
    sc_simulate_energy_result_clear(&e);

    sc_simulate_rqf_result_init(&q);
    fmpq_set_si(pb.rho, 3, 2);
    CU_ASSERT(sc_simulate_rqf(&q, &pb) == SC_ERR_INPUT);
    sc_simulate_rqf_result_clear(&q);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
}

SC_TEST_MAIN("simulate",
    SC_TEST(test_cmp_eval),
    SC_TEST(test_lyapunov_relu),
    SC_TEST(test_moments_linear),
    SC_TEST(test_energy_certificate),
    SC_TEST(test_energy_attention),
    SC_TEST(test_rqf),
    SC_TEST(test_defaults),
    SC_TEST(test_errors))
