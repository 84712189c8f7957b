/* Noise coercivity constant c_p (src/coercivity/): the relu values of
   doc/model.md section 5, the linear and odd cases, the diagonal limit, the
   threshold mode and --p auto, the attention bound, and the whole
   certificate sc_coercivity_certify with its error paths. */
#include <string.h>
#include <math.h>
#include "sc_test.h"
#include "synccert/coercivity.h"
#include "synccert/verdict.h"
#include "synccert/parse.h"

static void setup(sc_kfun_t kf, const char *spec)
{
    sc_act_t a;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    CU_ASSERT_FATAL(sc_kfun_init_act(kf, a, NULL, NULL, 1, 64) == SC_OK);
    sc_act_clear(a);
}

/* c_p for spec at dimension d, exponent p (string), sigma = 1, tol 1e-6 */
static void cp(arb_t res, sc_coerc_result *r, sc_kfun_t kf, slong d, const char *p)
{
    sc_fparams_t fp;
    arf_t tol;
    sc_fparams_init(fp);
    arf_init(tol);
    arf_set_d(tol, 1e-6);
    arb_set_si(fp->d, d);
    arb_set_str(fp->p, p, 64);
    arb_one(fp->sigma2);
    CU_ASSERT(sc_coercivity_bb(r, kf, fp, tol, NULL, 1000000) == SC_OK);
    CU_ASSERT(r->reached);
    arb_set_interval_arf(res, r->lo, r->hi, 64);
    sc_fparams_clear(fp);
    arf_clear(tol);
}

static void width_ok(const sc_coerc_result *r)
{
    arf_t w;
    arf_init(w);
    arf_sub(w, r->hi, r->lo, 64, ARF_RND_UP);
    CU_ASSERT(arf_cmp_2exp_si(w, -19) <= 0);      /* <= 1e-6 < 2^-19 */
    arf_clear(w);
}

static void test_relu(void)
{
    sc_kfun_t kf;
    sc_coerc_result r;
    arb_t c, e;
    slong ds[] = { 4, 8, 64 }, i;
    setup(kf, "relu");
    sc_coerc_result_init(&r);
    arb_init(c);
    arb_init(e);
    for (i = 0; i < 3; i++)
    {
        cp(c, &r, kf, ds[i], "0.5");
        SC_ASSERT_CONTAINS_STR(c, "0.125");
        width_ok(&r);
        CU_ASSERT(r.diagonal);
        CU_ASSERT(arf_cmp_si(r.rhi, 1) == 0);
    }
    /* d = 3: certified below 1/8, infimum inside (-1, 1) near rho = -0.904 */
    cp(c, &r, kf, 3, "0.5");
    arb_set_str(e, "0.125", 64);
    CU_ASSERT(sc_arb_cmp(c, e) < 0);
    SC_ASSERT_OVERLAPS_STR(c, "[0.1245328439 +/- 1e-6]");
    CU_ASSERT(!r.diagonal && !r.antipodal);
    CU_ASSERT(arf_cmp_d(r.rlo, -0.95) > 0 && arf_cmp_d(r.rhi, -0.85) < 0);
    /* d = 2: infimum at rho = -1, (p/2) b(-1)/2 = 1/16 */
    cp(c, &r, kf, 2, "0.5");
    SC_ASSERT_CONTAINS_STR(c, "0.0625");
    CU_ASSERT(r.antipodal);
    sc_coerc_result_clear(&r);
    arb_clear(c);
    arb_clear(e);
    sc_kfun_clear(kf);
}

static void test_linear_odd(void)
{
    const char *odd[] = { "erf", "sin", "tanh", "poly:c1=1,c3=-0.1" };
    sc_kfun_t kf;
    sc_coerc_result r;
    arb_t c;
    slong i;
    sc_coerc_result_init(&r);
    arb_init(c);
    setup(kf, "linear");
    cp(c, &r, kf, 5, "1");
    SC_ASSERT_CONTAINS_STR(c, "0");
    sc_kfun_clear(kf);
    for (i = 0; i < 4; i++)
    {
        setup(kf, odd[i]);
        cp(c, &r, kf, 8, "0.5");
        /* c_p <= F(-1) = 0: the upper bound is (numerically) <= 0 */
        CU_ASSERT(arf_cmp_2exp_si(r.hi, -30) < 0);
        CU_ASSERT(sc_arb_sign(c) <= 0);
        sc_kfun_clear(kf);
    }
    /* sign: K'(1) = inf, c_p = -inf at the diagonal */
    setup(kf, "sign");
    cp(c, &r, kf, 8, "0.5");
    CU_ASSERT(arf_is_neg_inf(r.hi));
    CU_ASSERT(r.diagonal);
    sc_kfun_clear(kf);
    sc_coerc_result_clear(&r);
    arb_clear(c);
}

/* F(1) is the diagonal limit -g(p) = (p sigma^2/2)[(d-1-p)K(1) - (d-3+p)K'(1)]
   and boxes [1 - 2^-k, 1] converge to it */
static void test_diagonal(void)
{
    sc_kfun_t kf;
    sc_fparams_t fp;
    arb_t F, G, t;
    arf_t one, r1;
    slong k;
    sc_fparams_init(fp);
    arb_init(F);
    arb_init(G);
    arb_init(t);
    arf_init(one);
    arf_init(r1);
    arf_one(one);
    arb_set_si(fp->d, 8);
    arb_set_str(fp->p, "0.3", 64);
    arb_set_str(fp->sigma2, "2", 64);
    setup(kf, "relu");
    sc_coerc_F(F, kf, fp, one, one);
    SC_ASSERT_CONTAINS_STR(F, "0.21");       /* p(1-p)/2 sigma^2 = 0.3*0.7 */
    sc_kfun_clear(kf);
    setup(kf, "tanh");
    sc_coerc_F(F, kf, fp, one, one);
    /* (p sigma^2/2) [(d-1-p) K1 - (d-3+p) K'1] = 0.3 [6.7 K1 - 5.3 K'1] */
    arb_set_str(G, "6.7", 64);
    arb_mul(G, G, kf->K1, 64);
    arb_set_str(t, "5.3", 64);
    arb_submul(G, t, kf->dK1, 64);
    arb_set_str(t, "0.3", 64);
    arb_mul(G, G, t, 64);
    SC_ASSERT_OVERLAPS(F, G);
    SC_ASSERT_OVERLAPS_STR(G, "[0.3 * (6.7 * 0.3942944904 - 5.3 * 0.4644029024) +/- 1e-9]");
    for (k = 4; k <= 40; k += 12)
    {
        arf_set_d(r1, 1 - ldexp(1.0, -k));
        sc_coerc_F(F, kf, fp, r1, one);
        CU_ASSERT(arb_contains(F, G) || arb_overlaps(F, G));
        if (k >= 28)
            CU_ASSERT(mag_cmp_2exp_si(arb_radref(F), -20) < 0);
    }
    sc_kfun_clear(kf);
    sc_fparams_clear(fp);
    arb_clear(F);
    arb_clear(G);
    arb_clear(t);
    arf_clear(one);
    arf_clear(r1);
}

/* threshold mode and p auto */
static void test_threshold_auto(void)
{
    sc_kfun_t kf;
    sc_fparams_t fp;
    sc_coerc_result r;
    arf_t tol, thr;
    arb_t d, s2, gl;
    fmpq_t p;
    sc_fparams_init(fp);
    sc_coerc_result_init(&r);
    arf_init(tol);
    arf_init(thr);
    arb_init(d);
    arb_init(s2);
    arb_init(gl);
    fmpq_init(p);
    setup(kf, "relu");
    arb_set_si(fp->d, 16);
    arb_set_str(fp->p, "0.5", 64);
    arb_one(fp->sigma2);
    arf_set_d(tol, 1e-6);
    arf_set_d(thr, 0.1);
    sc_coercivity_bb(&r, kf, fp, tol, thr, 100000);
    CU_ASSERT(r.decided == 1);
    arf_set_d(thr, 0.2);
    sc_coercivity_bb(&r, kf, fp, tol, thr, 100000);
    CU_ASSERT(r.decided == -1);
    /* relu: c_p <= p(1-p)/2, maximal at p = 1/2 */
    arb_set_si(d, 8);
    arb_one(s2);
    CU_ASSERT(sc_coercivity_auto_p(p, &r, kf, d, s2, gl, tol, 100000) == SC_OK);
    CU_ASSERT(fmpq_equal_si(p, 1) == 0);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(p), 1) && fmpz_equal_si(fmpq_denref(p), 2));
    sc_kfun_clear(kf);
    sc_fparams_clear(fp);
    sc_coerc_result_clear(&r);
    arf_clear(tol);
    arf_clear(thr);
    arb_clear(d);
    arb_clear(s2);
    arb_clear(gl);
    fmpq_clear(p);
}

/* L_att = V (2 + B QK), exactly for exact inputs */
static void test_attention(void)
{
    arb_t L, beta, v, qk;
    arb_init(L);
    arb_init(beta);
    arb_init(v);
    arb_init(qk);
    arb_set_str(beta, "0.5", 64);      /* 1/2, 3, 3/4 are exact */
    arb_set_si(v, 3);
    arb_set_str(qk, "0.75", 64);
    sc_attention_bound(L, beta, v, qk, 64);
    CU_ASSERT(arb_is_exact(L));
    SC_ASSERT_CONTAINS_STR(L, "7.125");    /* 3 (2 + 3/8) */
    arb_zero(beta);                        /* no softmax term: 2 V */
    sc_attention_bound(L, beta, v, qk, 64);
    CU_ASSERT(arb_is_exact(L));
    SC_ASSERT_CONTAINS_STR(L, "6");
    arb_clear(L);
    arb_clear(beta);
    arb_clear(v);
    arb_clear(qk);
}

static void certify(sc_coerc_cert *r, sc_coerc_problem *P, const char *spec, int expect)
{
    sc_act_t a;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    CU_ASSERT(sc_coercivity_certify(r, a, P) == expect);
    sc_act_clear(a);
}

/* the whole certificate: relu d = 8, p = 1/2 encloses c_p = 1/8 within tol;
   with attention r_p = 1/8 - p gamma V (2 + B QK) and its verdict */
static void test_certify(void)
{
    sc_coerc_problem P;
    sc_coerc_cert r;
    sc_coerc_problem_init(&P);
    sc_coerc_cert_init(&r);
    P.d = 8;
    certify(&r, &P, "relu", SC_OK);
    SC_ASSERT_CONTAINS_STR(r.cp, "0.125");
    width_ok(&r.bb);                                            /* hi - lo <= 1e-6 */
    CU_ASSERT(mag_cmp_2exp_si(arb_radref(r.cp), -20) <= 0);     /* and the ball no wider */
    CU_ASSERT(r.bb.diagonal && r.bb.reached);
    CU_ASSERT(fmpq_equal(r.p, P.p));
    CU_ASSERT(r.verdict == SC_DISS_UNDECIDED);                  /* no attention asked */
    /* gamma = 1/100, B = 1, V = QK = 1: r_p = 1/8 - (1/2)(3/100) = 0.11 */
    P.attention = 1;
    fmpq_set_si(P.gamma, 1, 100);
    fmpq_one(P.beta);
    certify(&r, &P, "relu", SC_OK);
    SC_ASSERT_CONTAINS_STR(r.Latt, "3");
    CU_ASSERT(arb_is_exact(r.Latt));
    SC_ASSERT_OVERLAPS_STR(r.rp, "[0.11 +/- 1e-6]");
    CU_ASSERT(r.verdict == SC_DISS_YES);
    /* gamma = 1: r_p = 1/8 - 3/2 < 0, not certified */
    fmpq_one(P.gamma);
    certify(&r, &P, "relu", SC_OK);
    SC_ASSERT_OVERLAPS_STR(r.rp, "[-1.375 +/- 1e-6]");
    CU_ASSERT(r.verdict == SC_DISS_NO);
    /* p auto on relu: p = 1/2 maximises p (1 - p) / 2 */
    P.attention = 0;
    P.p_auto = 1;
    fmpq_zero(P.gamma);
    certify(&r, &P, "relu", SC_OK);
    CU_ASSERT(fmpz_equal_si(fmpq_numref(r.p), 1) && fmpz_equal_si(fmpq_denref(r.p), 2));
    SC_ASSERT_CONTAINS_STR(r.cp, "0.125");
    /* a box limit too small for tol: SC_ERR_PREC, the message gives the
       enclosure found, which still holds 1/8 */
    P.p_auto = 0;
    P.max_boxes = 20;
    CU_ASSERT_FATAL(sc_parse_fmpq(P.tol, "1e-12", "tol") == SC_OK);
    certify(&r, &P, "tanh", SC_ERR_PREC);
    CU_ASSERT(strstr(sc_last_error(), "could not reach the tolerance: c_p in [") != NULL);
    /* K'(1) = inf and B(1) = d - 3 + p < 0 (issue 11: was refused): F ->
       +inf at the diagonal, the infimum is finite.  step, d = 2, p = 1/2:
       F(-1) = 1/16 is the minimum (K(-1) = 0, D(-1) = 1/4) */
    P.max_boxes = 0;
    P.d = 2;
    fmpq_set_si(P.tol, 1, 1000000);
    certify(&r, &P, "step", SC_OK);
    SC_ASSERT_CONTAINS_STR(r.cp, "0.0625");
    CU_ASSERT(r.bb.antipodal && r.bb.reached);
    width_ok(&r.bb);
    /* q = 0.406, s = 1.579: the minimum is inside, at rho = 0.5346716...,
       c_p = 0.0894347927131... (mpmath: Sheppard's K = 1/4 + asin(c)/(2 pi),
       F minimised by a grid and a root of F') */
    CU_ASSERT_FATAL(sc_parse_fmpq(P.q, "0.406", "q") == SC_OK);
    CU_ASSERT_FATAL(sc_parse_fmpq(P.s, "1.579", "s") == SC_OK);
    certify(&r, &P, "step", SC_OK);
    SC_ASSERT_OVERLAPS_STR(r.cp, "[0.0894347927131 +/- 1e-12]");
    CU_ASSERT(!r.bb.diagonal && !r.bb.antipodal);
    CU_ASSERT(arf_cmp_d(r.bb.rlo, 0.5346716) <= 0 && arf_cmp_d(r.bb.rhi, 0.5346717) >= 0);
    width_ok(&r.bb);
    /* B(1) = 0 (d = 2, p = 1): F -> (p/2) A(1) K(1) = 0 at the diagonal and
       F >= 0 elsewhere, so c_p = 0, the diagonal limit */
    fmpq_one(P.q);
    fmpq_zero(P.s);
    fmpq_one(P.p);
    certify(&r, &P, "step", SC_OK);
    SC_ASSERT_CONTAINS_STR(r.cp, "0");
    CU_ASSERT(r.bb.diagonal && r.bb.reached);
    /* B(1) > 0 (d = 3): c_p = -inf exactly */
    P.d = 3;
    certify(&r, &P, "sign", SC_OK);
    CU_ASSERT(arf_is_neg_inf(r.bb.lo) && arf_is_neg_inf(r.bb.hi));
    sc_coerc_problem_clear(&P);
    sc_coerc_cert_clear(&r);
}

/* bad problems are SC_ERR_INPUT before any computation */
static void test_problem_check(void)
{
    sc_coerc_problem P;
    sc_coerc_problem_init(&P);
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_OK);
    P.d = 1;
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_ERR_INPUT);
    P.d = 8;
    fmpq_set_si(P.p, 5, 2);
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "p must lie in (0, 2]") != NULL);
    P.p_auto = 1;                           /* p is not used then */
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_OK);
    fmpq_set_si(P.tol, 1, 2);
    fmpq_pow_si(P.tol, P.tol, 41);          /* 2^-41 < 1e-12 */
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "tolerance") != NULL);
    fmpq_set_si(P.tol, 1, 1000);
    fmpq_set_si(P.s, -1, 2);
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_ERR_INPUT);
    fmpq_zero(P.s);
    fmpq_set_si(P.qknorm, -1, 1);
    CU_ASSERT(sc_coerc_problem_check(&P) == SC_ERR_INPUT);
    sc_coerc_problem_clear(&P);
}

SC_TEST_MAIN("coercivity",
    SC_TEST(test_relu),
    SC_TEST(test_linear_odd),
    SC_TEST(test_diagonal),
    SC_TEST(test_threshold_auto),
    SC_TEST(test_attention),
    SC_TEST(test_certify),
    SC_TEST(test_problem_check))
