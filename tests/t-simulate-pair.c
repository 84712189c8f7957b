/* The pair measure and the projective energy of the simulator (statistical,
   fixed seeds, generous bounds): the synchronised fraction of two tokens
   with identity attention against the certified P(sync | rho0) for two
   activations (doc/model.md section 9), and the projective energy of an odd
   activation decaying within the certified bound exp(-c_p^pm t) (section
   10).  Error paths of the new inputs. */
#include <math.h>
#include "sc_test.h"
#include "synccert/sim.h"
#include "synccert/pair.h"
#include "synccert/parse.h"

static void pair_case(const char *act_s, slong d, const char *g, const char *b, const char *rho,
                      const char *expect)
{
    sc_act_t act;
    sc_simulate_problem pb;
    sc_simulate_pair_result r;
    sc_act_init(act);
    sc_act_parse(act, act_s);
    sc_simulate_problem_init(&pb, SC_SIMULATE_PAIR);
    sc_simulate_pair_result_init(&r);
    pb.d = d;
    pb.m = 16;
    pb.h = 0.02;
    pb.runs = 600;
    pb.seed = 12345;
    pb.threads = 2;
    sc_parse_fmpq(pb.gamma, g, "gamma");
    sc_parse_fmpq(pb.beta, b, "beta");
    sc_parse_fmpq(pb.rho, rho, "rho");
    CU_ASSERT_FATAL(sc_simulate_pair(&r, act, &pb) == SC_OK);
    SC_ASSERT_OVERLAPS_STR(r.psync.cert, expect);       /* the certified value itself */
    CU_ASSERT(r.outcome == SC_PAIR_BOTH);
    CU_ASSERT(r.counts.runs == 600 && r.counts.unsettled == 0);
    CU_ASSERT(r.counts.sync + r.counts.anti == 600);
    CU_ASSERT(r.psync.applicable);
    if (!r.psync.consistent || fabs(r.psync.diff) > 0.1)
        printf("\n  %s: simulated %.4f +/- %.4f, allowance %.4f\n", act_s, r.psync.est.mean,
               r.psync.est.se, r.psync.allowance);
    CU_ASSERT(r.psync.consistent);
    CU_ASSERT(fabs(r.psync.diff) < 0.1);
    sc_simulate_pair_result_clear(&r);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
}

/* linear, beta = 0: I_{1/2}(1/4, 3/4) = 0.78055; erf at d = 3 */
static void test_pair_linear(void)
{
    pair_case("linear", 4, "0.5", "0", "0", "[0.780549926 +/- 1e-8]");
}

static void test_pair_erf(void)
{
    pair_case("erf", 3, "0.2", "0", "0.3", "[0.8165 +/- 0.001]");
}

/* the projective energy of erf (odd) decays; the certified bound
   exp(-c_p^pm t) holds in the limit h -> 0, checked with room for the
   step and the Monte Carlo error */
static void test_projective_energy(void)
{
    sc_act_t act;
    sc_simulate_problem pb;
    sc_simulate_energy_result r;
    double b;
    arf_t hi;
    sc_act_init(act);
    arf_init(hi);
    sc_act_parse(act, "erf");
    sc_simulate_problem_init(&pb, SC_SIMULATE_ENERGY);
    sc_simulate_energy_result_init(&r);
    pb.d = 4;
    pb.m = 32;
    pb.tokens = 8;
    pb.runs = 8;
    pb.T = 2;
    pb.h = 0.02;
    pb.points = 4;
    pb.projective = 1;
    pb.threads = 2;
    fmpq_set_si(pb.p, 1, 4);
    fmpq_zero(pb.gamma);
    CU_ASSERT_FATAL(sc_simulate_energy(&r, act, &pb) == SC_OK);
    CU_ASSERT(r.have_rp && r.verdict == SC_DISS_YES && r.bound != NULL);
    if (r.bound != NULL)
    {
        arb_get_ubound_arf(hi, r.bound + r.npts, 64);
        b = arf_get_d(hi, ARF_RND_UP);
        CU_ASSERT(b < 1.0);
        CU_ASSERT(r.ratio[r.npts].mean <= b + 5 * r.ratio[r.npts].se + 0.1);
        CU_ASSERT(r.ratio[r.npts].mean < 1.0);
    }
    sc_simulate_energy_result_clear(&r);
    /* not odd: no projective certificate, the simulation still runs */
    sc_simulate_energy_result_init(&r);
    sc_act_parse(act, "relu");
    pb.T = 0.2;
    CU_ASSERT(sc_simulate_energy(&r, act, &pb) == SC_OK);
    CU_ASSERT(!r.have_rp && r.note[0] != '\0');
    sc_simulate_energy_result_clear(&r);
    sc_simulate_problem_clear(&pb);
    sc_act_clear(act);
    arf_clear(hi);
}

static void test_errors(void)
{
    sc_sim_params P;
    sc_sim_rqf_result res;
    sc_act_t act;
    sc_sim_params_default(&P);
    sc_act_init(act);
    sc_act_parse(act, "tanh");
    CU_ASSERT(sc_simact_init(&P.phi, act) == SC_OK);
    CU_ASSERT(sc_sim_pair(&res, &P, 1.0, 1.0, 10, 1e-12) == SC_ERR_INPUT);     /* rho0 = 1 */
    CU_ASSERT(sc_sim_pair(&res, &P, 0.0, 1.0, 0, 1e-12) == SC_ERR_INPUT);      /* runs */
    CU_ASSERT(sc_sim_pair(&res, &P, 0.0, 1.0, 10, 0.5) == SC_ERR_INPUT);       /* stop */
    CU_ASSERT(sc_sim_pair(&res, &P, 0.0, 0.0, 10, 1e-12) == SC_ERR_INPUT);     /* T */
    CU_ASSERT(sc_sim_pair(&res, &P, 0.0, 0.05, 10, 1e-12) == SC_OK);
    CU_ASSERT(res.runs == 10 && res.sync + res.anti <= 10);
    sc_act_clear(act);
}

SC_TEST_MAIN("simulate-pair",
    SC_TEST(test_pair_linear), SC_TEST(test_pair_erf), SC_TEST(test_projective_energy), SC_TEST(test_errors))
