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
#include "sc_test_random.h"

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

/* F(rho) = (p sigma^2/2) [A K(1) - B D] from independent kernel values
   (doc/model.md section 5.2), rho < 1 exact */
static void F_formula(arb_t F, const sc_act_t act, const fmpq_t rho, const fmpq_t q, const fmpq_t s,
                      const arb_t d, const arb_t p, const arb_t s2, slong prec)
{
    fmpq_t one;
    arb_t K, K1, r, A, B, t;
    fmpq_init(one);
    arb_init(K); arb_init(K1); arb_init(r); arb_init(A); arb_init(B); arb_init(t);
    fmpq_one(one);
    CU_ASSERT(sc_test_kernel_q(K, NULL, act, rho, q, s, SC_KM_AUTO, prec) == SC_OK);
    CU_ASSERT(sc_test_kernel_q(K1, NULL, act, one, q, s, SC_KM_AUTO, prec) == SC_OK);
    arb_set_fmpq(r, rho, prec);
    arb_mul_2exp_si(t, p, -1);                   /* p/2 */
    arb_sub_ui(A, d, 1, prec);
    arb_sub(A, A, t, prec);
    arb_submul(A, t, r, prec);                   /* A = d - 1 - p/2 - (p/2) rho */
    arb_mul(B, t, r, prec);
    arb_add(B, B, t, prec);
    arb_sub_ui(B, B, 1, prec);
    arb_mul(B, B, r, prec);
    arb_add(B, B, d, prec);
    arb_sub_ui(B, B, 2, prec);                   /* B = d - 2 + (p/2 - 1) rho + (p/2) rho^2 */
    arb_sub(K, K1, K, prec);
    arb_sub_ui(r, r, 1, prec);
    arb_neg(r, r);
    arb_div(K, K, r, prec);                      /* D */
    arb_mul(F, A, K1, prec);
    arb_submul(F, B, K, prec);
    arb_mul(F, F, t, prec);
    arb_mul(F, F, s2, prec);
    fmpq_clear(one);
    arb_clear(K); arb_clear(K1); arb_clear(r); arb_clear(A); arb_clear(B); arb_clear(t);
}

/* Randomised (issue 11): random activations, d, p = k/8, sigma, q, s.
   The interval extension sc_coerc_F over a random dyadic box overlaps F at
   random points inside, computed by the formula on independent kernel
   values; and the branch and bound's c_p in [lo, hi] satisfies
   lo <= F(rho) at those points, at 64 and at 128 bits (the two enclosures
   overlapping). */
static void test_random_quotient_and_bb(void)
{
    flint_rand_t st;
    slong i, j, n = sc_test_iters(20), e, prec = 64;
    int all = sc_test_iters(1) >= 4;
    flint_randinit(st);
    flint_randseed(st, 19, 23);
    for (i = 0; i < n; i++)
    {
        char spec[128], buf[32];
        sc_act_t act;
        sc_kfun_t kf, kf2;
        sc_fparams_t fp;
        sc_coerc_result r, r2;
        fmpq_t rho, q, s, sigma;
        arb_t F, Fp, Fb, x;
        arf_t r1, r2a, tol;
        sc_test_rand_act(spec, sizeof(spec), st, all ? SC_RAND_ALL : SC_RAND_FAST);
        sc_act_init(act);
        sc_test_parse_act(act, spec);
        fmpq_init(rho); fmpq_init(q); fmpq_init(s); fmpq_init(sigma);
        arb_init(F); arb_init(Fp); arb_init(Fb); arb_init(x);
        arf_init(r1); arf_init(r2a); arf_init(tol);
        sc_fparams_init(fp);
        sc_coerc_result_init(&r);
        sc_coerc_result_init(&r2);
        sc_test_rand_inputs(rho, q, s, st);
        sc_parse_fmpq(sigma, sc_test_rand_dec(buf, sizeof(buf), st, 0.2, 2, 2), "sigma");
        arb_set_si(fp->d, 2 + (slong) n_randint(st, 39));
        arb_set_si(fp->p, 1 + (slong) n_randint(st, 16));
        arb_mul_2exp_si(fp->p, fp->p, -3);
        arb_set_fmpq(fp->sigma2, sigma, 4 * prec);
        arb_sqr(fp->sigma2, fp->sigma2, 4 * prec);
        CU_ASSERT_FATAL(sc_kfun_init_act(kf, act, q, s, 1, prec) == SC_OK);
        /* a dyadic box [r1, r1 + 2^-e] inside [-1, 1) */
        e = 1 + (slong) n_randint(st, 10);
        arf_set_si(r1, (slong) n_randint(st, UWORD(1) << (e + 1)) - (WORD(1) << e));
        arf_mul_2exp_si(r1, r1, -e);
        arf_set_si_2exp_si(r2a, 1, -e);
        arf_add(r2a, r2a, r1, ARF_PREC_EXACT, ARF_RND_DOWN);
        sc_coerc_F(Fb, kf, fp, r1, r2a);
        arf_set_d(tol, 1e-3);
        CU_ASSERT(sc_coercivity_bb(&r, kf, fp, tol, NULL, 20000) == SC_OK);
        CU_ASSERT(arf_cmp(r.lo, r.hi) <= 0);
        for (j = 0; j < 3; j++)
        {
            fmpq_t w;
            fmpq_init(w);
            arf_get_fmpq(rho, r1);
            fmpq_set_si(w, (slong) n_randint(st, 64), 1);   /* inside [r1, r2) */
            fmpq_div_2exp(w, w, e + 6);
            fmpq_add(rho, rho, w);
            fmpq_clear(w);
            F_formula(Fp, act, rho, q, s, fp->d, fp->p, fp->sigma2, prec + 32);
            if (!arb_is_finite(Fp))
                continue;
            if (arb_is_finite(Fb))
                SC_ASSERT_AGREE("F over the box", spec, Fb, Fp);
            arf_set_fmpq(arb_midref(x), rho, 200, ARF_RND_DOWN);   /* dyadic: exact */
            sc_coerc_F(F, kf, fp, arb_midref(x), arb_midref(x));
            SC_ASSERT_AGREE("F at a point", spec, F, Fp);
            /* c_p <= F(rho): lo is at most the upper end of F(rho) */
            arb_get_ubound_arf(arb_midref(x), Fp, prec);
            CU_ASSERT(arf_cmp(r.lo, arb_midref(x)) <= 0);
        }
        /* the same at 128 bits: the enclosures of c_p overlap (a Hermite
           series costs seconds to build: with SC_TEST_MULTIPLIER >= 4) */
        if (kf->closed || all)
        {
            CU_ASSERT_FATAL(sc_kfun_init_act(kf2, act, q, s, 1, 2 * prec) == SC_OK);
            CU_ASSERT(sc_coercivity_bb(&r2, kf2, fp, tol, NULL, 20000) == SC_OK);
            CU_ASSERT(arf_cmp(r.lo, r2.hi) <= 0 && arf_cmp(r2.lo, r.hi) <= 0);
            sc_kfun_clear(kf2);
        }
        sc_kfun_clear(kf);
        sc_fparams_clear(fp);
        sc_coerc_result_clear(&r);
        sc_coerc_result_clear(&r2);
        fmpq_clear(rho); fmpq_clear(q); fmpq_clear(s); fmpq_clear(sigma);
        arb_clear(F); arb_clear(Fp); arb_clear(Fb); arb_clear(x);
        arf_clear(r1); arf_clear(r2a); arf_clear(tol);
        sc_act_clear(act);
    }
    flint_randclear(st);
}

SC_TEST_MAIN("coercivity",
    SC_TEST(test_random_quotient_and_bb),
    SC_TEST(test_relu),
    SC_TEST(test_linear_odd),
    SC_TEST(test_diagonal),
    SC_TEST(test_threshold_auto),
    SC_TEST(test_attention),
    SC_TEST(test_certify),
    SC_TEST(test_problem_check))
