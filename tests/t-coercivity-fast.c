/* The fast enclosures of the coercivity branch and bound (doc/model.md
   section 5.7) against independent evaluations, on random cases with a
   fixed seed: every K, K', D box enclosure (parity ranges M5, D' ranges M4,
   the convexity bound M6) contains the kernel's point values inside the box
   computed directly by sc_kernel_eval (not through the series or the kfun
   cache); the certified lower bound of c_p lies below F at a dense set of
   points evaluated the same independent way (each such value is an upper
   bound on the infimum), and the enclosure agrees with the one computed
   without the Hermite series (point values by integrals only). */
#include <math.h>
#include "sc_test.h"
#include "synccert/coercivity.h"
#include "synccert/kernel.h"

static const char *specs[] = {
    "tanh", "sigmoid", "gelu", "gelu_tanh", "silu", "softplus", "elu",
    "elu:alpha=0.5", "elu:alpha=2", "erf", "sin", "relu", "softplus:beta=2"
};
#define NSPECS ((slong) (sizeof(specs) / sizeof(specs[0])))

/* precision of the independent kernel values: low, for speed (nested
   integrals); their enclosures are valid, only wider */
#define INDEP_PREC 24

typedef struct
{
    sc_act_t act;
    arb_ptr par;
    slong np;
    arb_t q, s;
}
indep;

static void indep_init(indep *I, const char *spec, const fmpq_t s)
{
    sc_act_init(I->act);
    CU_ASSERT_FATAL(sc_act_parse(I->act, spec) == SC_OK);
    I->par = sc_act_params(I->act, 64);
    I->np = sc_act_nparams(I->act);
    arb_init(I->q);
    arb_init(I->s);
    arb_one(I->q);
    arb_set_fmpq(I->s, s, 64);
}

static void indep_clear(indep *I)
{
    sc_act_params_clear(I->par, I->act);
    sc_act_clear(I->act);
    arb_clear(I->q);
    arb_clear(I->s);
}

/* K, K' at rho straight from sc_kernel_eval (dK may be NULL) */
static int indep_K(arb_t K, arb_t dK, indep *I, const arf_t rho)
{
    arb_t r;
    int st;
    arb_init(r);
    arb_set_arf(r, rho);
    st = sc_kernel_eval(K, dK, I->act->def, I->par, I->np, r, I->q, I->s, SC_KM_AUTO, INDEP_PREC);
    arb_clear(r);
    return st;
}

/* F(rho) = (p/2) [A K(1) - B D] (sigma = 1) from independent K values;
   rho = 1: the diagonal limit (p/2) [(d-1-p) K(1) - (d-3+p) K'(1)] */
static void indep_F(arb_t F, indep *I, const arb_t K1, const arb_t dK1, slong d,
                    const arb_t p, const arf_t rho)
{
    arb_t K, A, B, r, hp, t;
    arb_init(K);
    arb_init(A);
    arb_init(B);
    arb_init(r);
    arb_init(hp);
    arb_init(t);
    arb_set_arf(r, rho);
    arb_mul_2exp_si(hp, p, -1);
    if (arf_is_one(rho))
    {
        arb_set_si(A, d - 1);
        arb_sub(A, A, p, 64);
        arb_mul(A, A, K1, 64);
        arb_set_si(B, d - 3);
        arb_add(B, B, p, 64);
        arb_submul(A, B, dK1, 64);
    }
    else
    {
        CU_ASSERT(indep_K(K, NULL, I, rho) == SC_OK);
        arb_set_si(A, d - 1);               /* A = d - 1 - p/2 - (p/2) rho */
        arb_sub(A, A, hp, 64);
        arb_submul(A, hp, r, 64);
        arb_mul(B, hp, r, 64);              /* B = d - 2 + (p/2 - 1) rho + (p/2) rho^2 */
        arb_sub_ui(B, B, 1, 64);
        arb_add(B, B, hp, 64);
        arb_mul(B, B, r, 64);
        arb_add_si(B, B, d - 2, 64);
        arb_sub(t, K1, K, 64);              /* D = (K(1) - K) / (1 - rho) */
        arb_sub_ui(K, r, 1, 64);
        arb_neg(K, K);
        arb_div(t, t, K, 64);
        arb_mul(A, A, K1, 64);
        arb_submul(A, B, t, 64);
    }
    arb_mul(F, A, hp, 64);
    arb_clear(K);
    arb_clear(A);
    arb_clear(B);
    arb_clear(r);
    arb_clear(hp);
    arb_clear(t);
}

/* a random dyadic in [lo, hi] with 16 fractional bits */
static void rand_rho(arf_t r, flint_rand_t st, double lo, double hi)
{
    slong k = (slong) n_randint(st, 65537);
    arf_set_d(r, lo + (hi - lo) * ldexp((double) k, -16));
}

static void check_boxes(const char *spec, flint_rand_t st)
{
    indep I;
    sc_kfun_t kf;
    fmpq_t s;
    arb_t K, dK, D, Ki, dKi, Di, u;
    arf_t r1, r2, x;
    slong j, k;
    fmpq_init(s);
    indep_init(&I, spec, s);
    CU_ASSERT_FATAL(sc_kfun_init_act(kf, I.act, NULL, NULL, 1, 64) == SC_OK);
    arb_init(K); arb_init(dK); arb_init(D);
    arb_init(Ki); arb_init(dKi); arb_init(Di); arb_init(u);
    arf_init(r1); arf_init(r2); arf_init(x);
    for (j = 0; j < 3; j++)
    {
        /* boxes [-1, r2] (parity ranges), inside (-1, -1/2) and [r1, r2]
           just below 1 (M4, M6): width 2^-6 ... 2^-19 */
        arf_set_si_2exp_si(x, 1, -(slong) (6 + n_randint(st, 14)));
        if (j == 0)
        {
            arf_set_si(r1, -1);
            arf_add(r2, r1, x, ARF_PREC_EXACT, ARF_RND_DOWN);
        }
        else if (j == 1)
        {
            rand_rho(r1, st, -0.99, -0.5);
            arf_add(r2, r1, x, ARF_PREC_EXACT, ARF_RND_DOWN);
        }
        else
        {
            rand_rho(r2, st, 0.99, 0.999);
            arf_sub(r1, r2, x, ARF_PREC_EXACT, ARF_RND_DOWN);
        }
        CU_ASSERT(sc_kfun_interval(K, dK, D, kf, r1, r2) == SC_OK);
        for (k = 0; k <= 2; k++)
        {
            /* x = r1 + k (r2 - r1) / 2 */
            arf_sub(x, r2, r1, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_mul_si(x, x, k, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_mul_2exp_si(x, x, -1);
            arf_add(x, x, r1, ARF_PREC_EXACT, ARF_RND_DOWN);
            CU_ASSERT(indep_K(Ki, dKi, &I, x) == SC_OK);
            arb_sub(Di, kf->K1, Ki, 64);
            arb_set_arf(u, x);
            arb_sub_ui(u, u, 1, 64);
            arb_neg(u, u);
            arb_div(Di, Di, u, 64);
            SC_ASSERT_OVERLAPS(K, Ki);
            SC_ASSERT_OVERLAPS(dK, dKi);
            SC_ASSERT_OVERLAPS(D, Di);
        }
    }
    sc_kfun_clear(kf);
    indep_clear(&I);
    fmpq_clear(s);
    arb_clear(K); arb_clear(dK); arb_clear(D);
    arb_clear(Ki); arb_clear(dKi); arb_clear(Di); arb_clear(u);
    arf_clear(r1); arf_clear(r2); arf_clear(x);
}

static void test_boxes(void)
{
    flint_rand_t st;
    slong i;
    flint_randinit(st);
    for (i = 0; i < NSPECS; i++)
        if (i % 2 == 0 || i == 7)     /* elu:alpha=0.5 (K''(1) = +inf) too */
            check_boxes(specs[i], st);
    flint_randclear(st);
}

/* one random case: c_p by the branch and bound against independent points */
static void check_cp(flint_rand_t st, int compare_noseries)
{
    const char *spec = specs[n_randint(st, NSPECS)];
    slong d = 2 + n_randint(st, 40), kp = 1 + n_randint(st, 32), j;
    indep I;
    sc_kfun_t kf;
    sc_fparams_t fp;
    sc_coerc_result r, r0;
    fmpq_t s;
    arb_t K1, dK1, F, lo;
    arf_t tol, rho, u;

    fmpq_init(s);
    if (n_randint(st, 3) == 0)
        fmpq_set_si(s, 1, 4);      /* bias variance: no parity ranges */
    indep_init(&I, spec, s);
    CU_ASSERT_FATAL(sc_kfun_init_act(kf, I.act, NULL, s, 1, 64) == SC_OK);
    sc_fparams_init(fp);
    sc_coerc_result_init(&r);
    sc_coerc_result_init(&r0);
    arb_init(K1); arb_init(dK1); arb_init(F); arb_init(lo);
    arf_init(tol); arf_init(rho); arf_init(u);
    arb_set_si(fp->d, d);
    arb_set_si(fp->p, kp);
    arb_mul_2exp_si(fp->p, fp->p, -4);          /* p = kp/16 in (0, 2] */
    arb_one(fp->sigma2);
    arf_set_d(tol, 1e-6);
    CU_ASSERT(sc_coercivity_bb(&r, kf, fp, tol, NULL, 1000000) == SC_OK);
    CU_ASSERT(r.reached);
    arb_one(F);
    arf_one(rho);
    CU_ASSERT(indep_K(K1, dK1, &I, rho) == SC_OK);

    /* lo <= F(rho) for every rho: a dense grid, both ends, points close to
       +-1 and the minimiser hull [rlo, rhi] */
    for (j = -1; j < 16 + 8 + 3; j++)
    {
        if (j < 0)
            arf_one(rho);
        else if (j < 16)
            arf_set_si_2exp_si(rho, 2 * j - 16, -4);
        else if (j < 16 + 8)
        {
            arf_set_si_2exp_si(u, 1, -(3 + (j - 16) / 2 * 4));
            arf_set_si(rho, (j % 2) ? 1 : -1);
            if (j % 2)
                arf_sub(rho, rho, u, ARF_PREC_EXACT, ARF_RND_DOWN);
            else
                arf_add(rho, rho, u, ARF_PREC_EXACT, ARF_RND_DOWN);
        }
        else if (j == 16 + 8)
            arf_set(rho, r.rlo);
        else if (j == 16 + 9)
            arf_set(rho, r.rhi);
        else
        {
            arf_add(rho, r.rlo, r.rhi, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_mul_2exp_si(rho, rho, -1);
        }
        if (!arf_is_finite(r.lo) || (arf_is_one(rho) && !arb_is_finite(dK1)))
            continue;
        indep_F(F, &I, K1, dK1, d, fp->p, rho);
        arb_get_ubound_arf(u, F, 64);
        if (!(arf_cmp(r.lo, u) <= 0))
            printf("\n%s d=%ld p=%ld/16: lo %s above F(%s) = %s\n", spec, (long) d, (long) kp,
                   arf_get_str(r.lo, 15), arf_get_str(rho, 15), arb_get_str(F, 15, 0));
        CU_ASSERT(arf_cmp(r.lo, u) <= 0);
    }

    /* the same c_p without the Hermite series (integrals at every point) */
    if (compare_noseries)
    {
        sc_kfun_t k0;
        arb_t a, b;
        arb_init(a);
        arb_init(b);
        CU_ASSERT_FATAL(sc_kfun_init_act(k0, I.act, NULL, s, 0, 64) == SC_OK);
        arf_set_d(tol, 1e-4);
        CU_ASSERT(sc_coercivity_bb(&r0, k0, fp, tol, NULL, 100000) == SC_OK);
        if (arf_is_finite(r.lo) && arf_is_finite(r0.lo))
        {
            arb_set_interval_arf(a, r.lo, r.hi, 64);
            arb_set_interval_arf(b, r0.lo, r0.hi, 64);
            SC_ASSERT_OVERLAPS(a, b);
        }
        sc_kfun_clear(k0);
        arb_clear(a);
        arb_clear(b);
    }
    sc_kfun_clear(kf);
    indep_clear(&I);
    sc_fparams_clear(fp);
    sc_coerc_result_clear(&r);
    sc_coerc_result_clear(&r0);
    fmpq_clear(s);
    arb_clear(K1); arb_clear(dK1); arb_clear(F); arb_clear(lo);
    arf_clear(tol); arf_clear(rho); arf_clear(u);
}

static void test_cp_random(void)
{
    flint_rand_t st;
    slong i;
    flint_randinit(st);
    for (i = 0; i < 8; i++)
        check_cp(st, i % 4 == 0);
    flint_randclear(st);
}

SC_TEST_MAIN("coercivity-fast",
    SC_TEST(test_boxes),
    SC_TEST(test_cp_random))
