/* The projective coercivity constant c_p^pm (doc/model.md section 10): the
   quotient against its definition p/(1-rho^2) [rho b + a/2 - (p-2) a
   rho^2/(2(1-rho^2))] from b, a of the two-point motion (at rho and at
   -rho: evenness), the closed form of the linear activation, the diagonal
   limit -g(p), the value p sigma^2 K(1) at rho = 0, the branch and bound
   and --p auto, the -inf of activations that are not odd, and the error
   paths. */
#include "sc_test.h"
#include "synccert/coercivity.h"
#include "synccert/twopoint.h"
#include "synccert/lyapunov.h"
#include "synccert/kernel.h"
#include "synccert/parse.h"

/* F_pm from its definition with b(r), a(r) of the two-point motion */
static void F_definition(arb_t F, const sc_act_t act, slong d, const fmpq_t r, const arb_t p, slong prec)
{
    fmpz_t dz;
    arb_t b, a, x, t, u;
    fmpz_init_set_si(dz, d);
    arb_init(b);
    arb_init(a);
    arb_init(x);
    arb_init(t);
    arb_init(u);
    sc_twopoint_eval(b, a, act, dz, r, NULL, NULL, NULL, prec);
    arb_set_fmpq(x, r, prec);
    arb_sqr(u, x, prec);
    arb_sub_ui(u, u, 1, prec);
    arb_neg(u, u);                              /* 1 - r^2 */
    arb_mul(F, x, b, prec);                     /* r b + a/2 */
    arb_mul_2exp_si(t, a, -1);
    arb_add(F, F, t, prec);
    arb_sub_ui(t, p, 2, prec);                  /* - (p-2) a r^2 / (2 (1 - r^2)) */
    arb_mul(t, t, a, prec);
    arb_mul(t, t, x, prec);
    arb_mul(t, t, x, prec);
    arb_div(t, t, u, prec);
    arb_mul_2exp_si(t, t, -1);
    arb_sub(F, F, t, prec);
    arb_mul(F, F, p, prec);
    arb_div(F, F, u, prec);
    fmpz_clear(dz);
    arb_clear(b);
    arb_clear(a);
    arb_clear(x);
    arb_clear(t);
    arb_clear(u);
}

static void setup(sc_kfun_t kf, sc_fparams_t fp, const sc_act_t act, slong d, const char *p)
{
    CU_ASSERT_FATAL(sc_kfun_init_act(kf, act, NULL, NULL, 1, 64) == SC_OK);
    sc_fparams_init(fp);
    arb_set_si(fp->d, d);
    arb_one(fp->sigma2);
    arb_set_str(fp->p, p, 128);
    fp->projective = 1;
}

/* the D form of the quotient equals its definition, at rho and at -rho */
static void test_quotient_definition(void)
{
    static const char *acts[] = { "tanh", "erf:c=1/2", "sin", "linear" };
    static const char *rho[] = { "1/8", "1/2", "7/8", "-5/16", "-3/4" };   /* dyadic: exact arf */
    sc_act_t act;
    sc_kfun_t kf;
    sc_fparams_t fp;
    fmpq_t r;
    arf_t x;
    arb_t F, G;
    slong a, i;
    sc_act_init(act);
    fmpq_init(r);
    arf_init(x);
    arb_init(F);
    arb_init(G);
    for (a = 0; a < 4; a++)
    {
        sc_act_parse(act, acts[a]);
        setup(kf, fp, act, 6, "0.75");
        for (i = 0; i < 5; i++)
        {
            if (a == 0 && (i == 0 || i == 2 || i == 3))
                continue;       /* tanh's K(rho) is a nested integral: two points suffice */
            sc_parse_fmpq(r, rho[i], "rho");
            arb_set_fmpq(F, r, 128);
            CU_ASSERT_FATAL(arb_is_exact(F));
            arf_set(x, arb_midref(F));
            sc_coerc_F(F, kf, fp, x, x);
            F_definition(G, act, 6, r, fp->p, 64);
            SC_ASSERT_OVERLAPS(F, G);
            fmpq_neg(r, r);                         /* evenness: the definition at -rho */
            F_definition(G, act, 6, r, fp->p, 64);
            SC_ASSERT_OVERLAPS(F, G);
        }
        sc_fparams_clear(fp);
        sc_kfun_clear(kf);
    }
    sc_act_clear(act);
    fmpq_clear(r);
    arf_clear(x);
    arb_clear(F);
    arb_clear(G);
}

/* the diagonal limit -g(p) and the value p sigma^2 K(1) at rho = 0 */
static void test_special_values(void)
{
    sc_act_t act;
    sc_kfun_t kf;
    sc_fparams_t fp;
    arf_t x;
    arb_t F, lam, v, g, d;
    sc_act_init(act);
    arf_init(x);
    arb_init(F);
    arb_init(lam);
    arb_init(v);
    arb_init(g);
    arb_init(d);
    sc_act_parse(act, "tanh");
    setup(kf, fp, act, 8, "0.5");
    arf_one(x);
    sc_coerc_F(F, kf, fp, x, x);
    arb_set_si(d, 8);
    sc_lyapunov_lambda_v(lam, v, kf->K1, kf->dK1, d, fp->sigma2, 128);
    sc_lyapunov_g(g, fp->p, lam, v, 128);
    arb_neg(g, g);
    SC_ASSERT_OVERLAPS(F, g);
    arf_set_si(x, -1);                          /* the limit rho -> -1 is the same */
    sc_coerc_F(F, kf, fp, x, x);
    SC_ASSERT_OVERLAPS(F, g);
    arf_zero(x);
    sc_coerc_F(F, kf, fp, x, x);
    arb_mul(g, fp->p, kf->K1, 128);
    SC_ASSERT_OVERLAPS(F, g);
    SC_ASSERT_OVERLAPS_STR(F, "[0.19714724520 +/- 1e-10]");     /* K(1)/2, tanh K(1) = 0.3942944904 */
    sc_fparams_clear(fp);
    sc_kfun_clear(kf);
    sc_act_clear(act);
    arf_clear(x);
    arb_clear(F);
    arb_clear(lam);
    arb_clear(v);
    arb_clear(g);
    arb_clear(d);
}

/* linear: F_pm = p sigma^2 q (1 - p rho^2), c_p^pm = p (1 - p) sigma^2 q for every d */
static void test_linear_closed_form(void)
{
    static const char *ps[] = { "1/2", "3/4", "1/8", "3/2" };
    static const slong dims[] = { 2, 5, 100 };
    sc_act_t act;
    sc_coerc_problem P;
    sc_coerc_cert r;
    arb_t c, p, s2, q, lo;
    slong i, k;
    sc_act_init(act);
    arb_init(c);
    arb_init(p);
    arb_init(s2);
    arb_init(q);
    arb_init(lo);
    sc_act_parse(act, "linear");
    for (i = 0; i < 4; i++)
        for (k = 0; k < 3; k++)
        {
            sc_coerc_problem_init(&P);
            sc_coerc_cert_init(&r);
            P.d = dims[k];
            P.projective = 1;
            sc_parse_fmpq(P.p, ps[i], "p");
            fmpq_set_si(P.sigma, 3, 2);
            fmpq_set_si(P.q, 1, 3);
            CU_ASSERT(sc_coercivity_certify(&r, act, &P) == SC_OK);
            arb_set_fmpq(p, P.p, 128);
            arb_set_fmpq(s2, P.sigma, 128);
            arb_sqr(s2, s2, 128);
            arb_set_fmpq(q, P.q, 128);
            /* derived here from doc/model.md section 10: K = q rho gives
               b = -sigma^2 q rho (1 - rho^2), a = 2 sigma^2 q (1 - rho^2)^2,
               so the quotient is p sigma^2 q (1 - p rho^2): inf at rho^2 -> 1 */
            arb_sub_ui(c, p, 1, 128);
            arb_neg(c, c);
            arb_mul(c, c, p, 128);
            arb_mul(c, c, s2, 128);
            arb_mul(c, c, q, 128);
            SC_ASSERT_OVERLAPS(r.cp, c);
            sc_coerc_projective_linear(lo, p, s2, q, 128);      /* the library's closed form agrees */
            SC_ASSERT_OVERLAPS(lo, c);
            CU_ASSERT(r.bb.diagonal);           /* at rho -> +-1 */
            /* verdict from the sign: p < 1 synchronises up to sign */
            CU_ASSERT(r.verdict == (i < 3 ? SC_DISS_YES : SC_DISS_NO));
            sc_coerc_cert_clear(&r);
            sc_coerc_problem_clear(&P);
        }
    sc_act_clear(act);
    arb_clear(c);
    arb_clear(p);
    arb_clear(s2);
    arb_clear(q);
    arb_clear(lo);
}

/* the branch and bound: the enclosure lies below F at sampled points, and
   --p auto finds a positive c_p^pm for tanh at d = 8 */
static void test_bb_and_auto(void)
{
    sc_act_t act;
    sc_coerc_problem P;
    sc_coerc_cert r;
    sc_kfun_t kf;
    sc_fparams_t fp;
    arf_t x;
    arb_t F;
    slong i;
    sc_act_init(act);
    arf_init(x);
    arb_init(F);
    sc_act_parse(act, "tanh");
    sc_coerc_problem_init(&P);
    sc_coerc_cert_init(&r);
    P.d = 8;
    P.projective = 1;
    P.p_auto = 1;
    CU_ASSERT(sc_coercivity_certify(&r, act, &P) == SC_OK);
    CU_ASSERT(r.verdict == SC_DISS_YES);
    CU_ASSERT(arb_is_positive(r.cp));
    CU_ASSERT(fmpq_sgn(r.p) > 0 && fmpq_cmp_ui(r.p, 1) < 0);
    setup(kf, fp, act, 8, "0.25");
    arb_set_fmpq(fp->p, r.p, 128);
    for (i = -16; i <= 16; i++)
    {
        arf_set_si(x, i);
        arf_mul_2exp_si(x, x, -4);
        sc_coerc_F(F, kf, fp, x, x);
        /* c_p^pm <= F(rho) for every rho: the lower end is below */
        CU_ASSERT(arf_cmp(r.bb.lo, arb_midref(F)) <= 0);
    }
    sc_fparams_clear(fp);
    sc_kfun_clear(kf);
    sc_coerc_cert_clear(&r);
    sc_coerc_problem_clear(&P);
    sc_act_clear(act);
    arf_clear(x);
    arb_clear(F);
}

/* not odd: -inf (relu), or an odd phi with a bias; attention is refused */
static void test_not_odd_and_errors(void)
{
    sc_act_t act;
    sc_coerc_problem P;
    sc_coerc_cert r;
    sc_act_init(act);
    sc_act_parse(act, "relu");
    sc_coerc_problem_init(&P);
    sc_coerc_cert_init(&r);
    P.d = 4;
    P.projective = 1;
    CU_ASSERT(sc_coercivity_certify(&r, act, &P) == SC_OK);
    CU_ASSERT(r.minus_inf && r.verdict == SC_DISS_NO);
    CU_ASSERT(arf_is_neg_inf(arb_midref(r.cp)));
    P.p_auto = 1;
    CU_ASSERT(sc_coercivity_certify(&r, act, &P) == SC_ERR_UNSUPPORTED);
    P.p_auto = 0;
    sc_act_parse(act, "tanh");
    fmpq_set_si(P.s, 1, 10);                    /* a bias breaks oddness: K(1) + K(-1) > 0 */
    CU_ASSERT(sc_coercivity_certify(&r, act, &P) == SC_OK);
    CU_ASSERT(r.minus_inf);
    fmpq_zero(P.s);
    fmpq_set_si(P.gamma, 1, 10);
    CU_ASSERT(sc_coercivity_certify(&r, act, &P) == SC_ERR_INPUT);
    sc_coerc_cert_clear(&r);
    sc_coerc_problem_clear(&P);
    sc_act_clear(act);
}

SC_TEST_MAIN("projective",
    SC_TEST(test_quotient_definition), SC_TEST(test_special_values), SC_TEST(test_linear_closed_form),
    SC_TEST(test_bb_and_auto), SC_TEST(test_not_odd_and_errors))
