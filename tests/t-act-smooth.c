/* Smooth built-in activations (sigmoid, gelu, gelu_tanh, silu, softplus) and
   the exact polynomial kernels (hermite, poly): reference values, closed
   forms vs the general integrators, identities of doc/model.md section 2. */
#include <string.h>
#include "sc_test.h"
#include "sc_test_kernel.h"
#include "synccert/kernel.h"
#include "synccert/gauss.h"
#include "synccert/parse.h"

static const char *const mine[] = {
    "sigmoid", "gelu", "gelu_tanh", "silu", "silu:beta=5/2", "softplus",
    "softplus:beta=3", "hermite:a0=1/4,a1=1,a2=-1/3,a3=1/2", "poly:c0=1/2,c1=-1,c3=1/3"
};
#define NMINE ((slong) (sizeof(mine) / sizeof(mine[0])))


static void kern(arb_t K, arb_t dK, const char *spec, const char *rho, const char *q,
                 const char *s, int method, slong prec)
{
    int st = sc_test_kernel(K, dK, spec, rho, q, s, method, prec);
    if (st != SC_OK)
        printf("\n  %s rho=%s: %s\n", spec, rho, sc_last_error());
    CU_ASSERT(st == SC_OK);
}

/* x lies within 10^-10 of the decimal ref */
static void assert_near(const arb_t x, const char *ref)
{
    arb_t r;
    arb_init(r);
    arb_set_str(r, ref, 128);
    mag_set_d(arb_radref(r), 1e-10);
    SC_ASSERT_OVERLAPS(x, r);
    arb_clear(r);
}

static void certify(sc_kernel_result *r, const char *spec, slong digits)
{
    sc_act_t a;
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    CU_ASSERT(sc_kernel_certify(r, a, NULL, NULL, NULL, digits, SC_KM_AUTO, 0) == SC_OK);
    sc_act_clear(a);
}

static void test_registry(void)
{
    const char *names[] = { "sigmoid", "gelu", "gelu_tanh", "silu", "softplus", "hermite", "poly" };
    slong i;
    sc_act_t a;
    arb_ptr p;
    for (i = 0; i < 7; i++)
        CU_ASSERT(sc_act_lookup(names[i]) != NULL);
    CU_ASSERT(sc_act_lookup("swish") == sc_act_lookup("silu"));
    /* coefficient lists: p[0] = count, then the coefficients */
    sc_act_init(a);
    CU_ASSERT_FATAL(sc_act_parse(a, "poly:c0=1/2,c3=2,c5=0") == SC_OK);
    CU_ASSERT(a->npar == 4);
    p = sc_act_params(a, 64);
    CU_ASSERT(arb_equal_si(p + 0, 4));
    SC_ASSERT_CONTAINS_STR(p + 1, "0.5");
    CU_ASSERT(arb_is_zero(p + 2) && arb_is_zero(p + 3));
    CU_ASSERT(arb_equal_si(p + 4, 2));
    sc_act_params_clear(p, a);
    sc_act_clear(a);
    /* beta range (0, 1e6] */
    sc_act_init(a);
    CU_ASSERT(sc_act_parse(a, "silu:beta=0") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "softplus:beta=1000001") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "softplus:beta=1000000") == SC_OK);
    sc_act_clear(a);
}

static void test_reference_tanh_gelu(void)
{
    sc_kernel_result r;
    sc_kernel_result_init(&r);
    certify(&r, "tanh", 15);
    assert_near(r.K1, "0.3942944904");
    assert_near(r.dK1, "0.4644029024");
    SC_ASSERT_ACCURATE(r.K1, 48);
    SC_ASSERT_ACCURATE(r.dK1, 48);
    certify(&r, "gelu", 15);
    assert_near(r.K1, "0.4252214826");
    assert_near(r.dK1, "0.4558508656");
    SC_ASSERT_ACCURATE(r.K1, 48);
    SC_ASSERT_ACCURATE(r.dK1, 48);
    sc_kernel_result_clear(&r);
}

/* Values checked independently with mpmath quadrature (20 digits). */
static void test_reference_others(void)
{
    static const char *ref[][3] = {
        { "sigmoid", "0.293379035858093", "0.0448362413501944" },
        { "gelu_tanh", "0.425193711033099", "0.455817845962951" },
        { "silu", "0.355775519817352", "0.379482351632829" },
        { "silu:beta=3", "0.472156665308874", "0.494865484119268" },
        { "softplus", "0.921245908859300", "0.293379035858093" },
        { "softplus:beta=1/2", "2.35073852026863", "0.263955577560120" },
    };
    sc_kernel_result r;
    slong i;
    sc_kernel_result_init(&r);
    for (i = 0; i < 6; i++)
    {
        certify(&r, ref[i][0], 12);
        assert_near(r.K1, ref[i][1]);
        assert_near(r.dK1, ref[i][2]);
    }
    sc_kernel_result_clear(&r);
}

static void test_gelu_smooth_vs_nested(void)
{
    static const char *rhos[] = { "0.5", "-0.7" };
    static const char *qs[][2] = { { "1", "0" }, { "2", "1/2" } };
    arb_t K1, dK1, K2, dK2;
    slong i, j;
    arb_init(K1);
    arb_init(dK1);
    arb_init(K2);
    arb_init(dK2);
    for (j = 0; j < 2; j++)
        for (i = 0; i < 2 - j; i++)
        {
            kern(K1, dK1, "gelu", rhos[i], qs[j][0], qs[j][1], SC_KM_SMOOTH, 64);
            kern(K2, dK2, "gelu", rhos[i], qs[j][0], qs[j][1], SC_KM_NESTED, 48);
            SC_ASSERT_OVERLAPS(K1, K2);
            SC_ASSERT_OVERLAPS(dK1, dK2);
            SC_ASSERT_ACCURATE(K1, 40);
            SC_ASSERT_ACCURATE(dK1, 40);
            SC_ASSERT_ACCURATE(K2, 30);
            SC_ASSERT_ACCURATE(dK2, 30);
        }
    /* gelu at rho = 0.5 (mpmath, independent) */
    kern(K1, dK1, "gelu", "0.5", "1", "0", SC_KM_SMOOTH, 64);
    assert_near(K1, "0.227294915021992");
    assert_near(dK1, "0.342267242459443");
    arb_clear(K1);
    arb_clear(dK1);
    arb_clear(K2);
    arb_clear(dK2);
}

static void assert_exact(const arb_t x, const char *val)
{
    CU_ASSERT(arb_is_exact(x));
    SC_ASSERT_CONTAINS_STR(x, val);
}

static void test_poly_hermite_exact(void)
{
    arb_t K, dK;
    arb_init(K);
    arb_init(dK);
    kern(K, dK, "poly:c1=1", "0.375", "1", "0", SC_KM_CLOSED, 64);
    assert_exact(K, "0.375");
    assert_exact(dK, "1");
    kern(K, dK, "poly:c1=1", "-0.7", "1", "0", SC_KM_CLOSED, 64);
    SC_ASSERT_CONTAINS_STR(K, "-0.7");
    kern(K, dK, "poly:c2=1", "0.375", "1", "0", SC_KM_CLOSED, 64);
    assert_exact(K, "1.28125");        /* 1 + 2 rho^2 */
    assert_exact(dK, "1.5");           /* 4 rho */
    kern(K, dK, "poly:c2=1", "1", "1", "0", SC_KM_CLOSED, 64);
    assert_exact(K, "3");
    assert_exact(dK, "4");
    kern(K, dK, "hermite:a1=1,a3=1/2", "0.375", "1", "0", SC_KM_CLOSED, 64);
    assert_exact(K, "0.38818359375");  /* rho + rho^3/4 */
    assert_exact(dK, "1.10546875");    /* 1 + 3 rho^2/4 */
    kern(K, dK, "hermite:a1=1,a3=1/2", "-1", "1", "0", SC_KM_CLOSED, 64);
    assert_exact(K, "-1.25");
    assert_exact(dK, "1.75");
    /* x^2 + x^3 = 1 + 3 h_1 + sqrt2 h_2 + sqrt6 h_3: K = 1 + 9 rho + 2 rho^2 + 6 rho^3 */
    kern(K, dK, "poly:c2=1,c3=1", "-0.5", "1", "0", SC_KM_CLOSED, 64);
    assert_exact(K, "-3.75");
    assert_exact(dK, "11.5");          /* 9 + 4 rho + 18 rho^2 */
    /* scaling: phi = x with q = 2, s = 1/2: K = q rho + s (c = 2/5 is not
       a dyadic number, so only containment) */
    kern(K, dK, "poly:c1=1", "0.25", "2", "0.5", SC_KM_CLOSED, 64);
    SC_ASSERT_CONTAINS_STR(K, "1");
    SC_ASSERT_CONTAINS_STR(dK, "2");
    SC_ASSERT_ACCURATE(K, 60);
    /* q = 3/4, s = 1/4: t2 = 1 exactly, K = 3/4 rho + 1/4 */
    kern(K, dK, "poly:c1=1", "0.5", "0.75", "0.25", SC_KM_CLOSED, 64);
    assert_exact(K, "0.625");
    assert_exact(dK, "0.75");
    /* hermite h_2 = (x^2 - 1)/sqrt2 equals poly c0=-1/sqrt2.. : compare
       hermite:a2=1 with poly:c0=-1,c2=1 scaled: K_herm = K_poly / 2 */
    {
        arb_t K2, dK2;
        arb_init(K2);
        arb_init(dK2);
        kern(K, dK, "hermite:a2=1", "0.3", "3/2", "1/4", SC_KM_CLOSED, 64);
        kern(K2, dK2, "poly:c0=-1,c2=1", "0.3", "3/2", "1/4", SC_KM_CLOSED, 64);
        arb_mul_2exp_si(K2, K2, -1);
        arb_mul_2exp_si(dK2, dK2, -1);
        SC_ASSERT_OVERLAPS(K, K2);
        SC_ASSERT_OVERLAPS(dK, dK2);
        SC_ASSERT_ACCURATE(K, 55);
        arb_clear(K2);
        arb_clear(dK2);
    }
    arb_clear(K);
    arb_clear(dK);
}

static void test_poly_hermite_vs_integrators(void)
{
    static const char *specs[] = { "poly:c0=1/2,c1=-1,c3=1/3", "hermite:a0=1/4,a1=1,a2=-1/3,a3=1/2,a5=1/5" };
    static const char *rhos[] = { "0.3", "-0.8", "1", "-1" };
    static const char *qs[][2] = { { "1", "0" }, { "2", "1/2" } };
    arb_t K1, dK1, K2, dK2, K3, dK3;
    slong i, j, l;
    arb_init(K1);
    arb_init(dK1);
    arb_init(K2);
    arb_init(dK2);
    arb_init(K3);
    arb_init(dK3);
    for (l = 0; l < 2; l++)
        for (j = 0; j < 2; j++)
            for (i = 0; i < 4; i++)
            {
                kern(K1, dK1, specs[l], rhos[i], qs[j][0], qs[j][1], SC_KM_CLOSED, 64);
                kern(K2, dK2, specs[l], rhos[i], qs[j][0], qs[j][1], SC_KM_SMOOTH, 64);
                SC_ASSERT_OVERLAPS(K1, K2);
                SC_ASSERT_OVERLAPS(dK1, dK2);
                SC_ASSERT_ACCURATE(K1, 55);
                SC_ASSERT_ACCURATE(K2, 30);
                SC_ASSERT_ACCURATE(dK2, 30);
                if (i == 0)
                {
                    kern(K3, dK3, specs[l], rhos[i], qs[j][0], qs[j][1], SC_KM_NESTED, 64);
                    SC_ASSERT_OVERLAPS(K1, K3);
                    SC_ASSERT_OVERLAPS(dK1, dK3);
                    SC_ASSERT_ACCURATE(K3, 30);
                }
            }
    arb_clear(K1);
    arb_clear(dK1);
    arb_clear(K2);
    arb_clear(dK2);
    arb_clear(K3);
    arb_clear(dK3);
}

/* doc/model.md section 2: |K(rho) - sum_{n<=M} a_n^2 rho^n| <= (K(1) - sum_{n<=M} a_n^2) |rho|^{M+1};
   checks that the bound is not certainly violated (up to ball radii). */
static void check_tail(const arb_t K, const arb_t K1, arb_srcptr a, slong M, const arb_t rho, slong prec)
{
    arb_t S, S1, t, u;
    slong n;
    arb_init(S);
    arb_init(S1);
    arb_init(t);
    arb_init(u);
    for (n = 0; n <= M; n++)
    {
        arb_sqr(t, a + n, prec);
        arb_add(S1, S1, t, prec);
        arb_pow_ui(u, rho, n, prec);
        arb_addmul(S, t, u, prec);
    }
    arb_sub(S, K, S, prec);
    arb_abs(S, S);
    arb_sub(S1, K1, S1, prec);
    CU_ASSERT(!arb_is_negative(S1));
    arb_abs(u, rho);
    arb_pow_ui(u, u, M + 1, prec);
    arb_mul(S1, S1, u, prec);
    if (arb_gt(S, S1))
    {
        printf("\n  tail bound violated at M = %ld: ", (long) M);
        arb_printn(S, 20, 0);
        printf(" > ");
        arb_printn(S1, 20, 0);
        printf("\n");
    }
    CU_ASSERT(!arb_gt(S, S1));
    arb_clear(S);
    arb_clear(S1);
    arb_clear(t);
    arb_clear(u);
}

typedef struct { const sc_act_def *def; slong n; } herm_ctx;

/* tanh(x) He_n(x) */
static int tanh_he(acb_ptr out, const acb_t x, void *param, slong order, slong prec)
{
    const herm_ctx *h = param;
    acb_t a, b, c;
    slong k;
    acb_init(a);
    acb_init(b);
    acb_init(c);
    acb_one(a);
    acb_set(b, x);
    for (k = 1; k < h->n; k++)    /* He_{k+1} = x He_k - k He_{k-1} */
    {
        acb_mul(c, x, b, prec);
        acb_submul_ui(c, a, k, prec);
        acb_swap(a, b);
        acb_swap(b, c);
    }
    h->def->eval(h->def, c, x, 0, order, NULL, prec);
    acb_mul(out, c, h->n == 0 ? a : b, prec);
    acb_clear(a);
    acb_clear(b);
    acb_clear(c);
    return 0;
}

static void test_tail_bound(void)
{
    static const char *rhos[] = { "0.6", "-0.45", "0.9" };
    arb_ptr a = _arb_vec_init(8);
    arb_t K, dK, K1, dK1, r, f;
    slong i, M, n;
    arb_init(K);
    arb_init(dK);
    arb_init(K1);
    arb_init(dK1);
    arb_init(r);
    arb_init(f);

    /* hermite: exact coefficients */
    arb_set_d(a + 0, 0.25);
    arb_one(a + 1);
    arb_set_si(a + 2, -1);
    arb_div_ui(a + 2, a + 2, 3, 128);
    arb_set_d(a + 3, 0.5);
    arb_zero(a + 4);
    arb_set_d(a + 5, 0.2);
    arb_set_str(a + 5, "0.2", 128);
    kern(K1, dK1, "hermite:a0=1/4,a1=1,a2=-1/3,a3=1/2,a5=1/5", "1", "1", "0", SC_KM_CLOSED, 128);
    for (i = 0; i < 3; i++)
    {
        kern(K, dK, "hermite:a0=1/4,a1=1,a2=-1/3,a3=1/2,a5=1/5", rhos[i], "1", "0", SC_KM_CLOSED, 128);
        arb_set_str(r, rhos[i], 128);
        for (M = 0; M <= 5; M++)
            check_tail(K, K1, a, M, r, 128);
    }

    /* tanh: a_n = E[tanh(Z) He_n(Z)] / sqrt(n!), n <= 7, by certified quadrature */
    {
        herm_ctx h;
        acb_t e;
        arb_ptr g = _arb_vec_init(8);
        acb_init(e);
        h.def = sc_act_lookup("tanh");
        for (n = 0; n < 8; n++)
        {
            /* |tanh(x) He_n(x)| <= sum_k |He_n[k]| |x|^k <= n! (1 + |x|)^n (crude) */
            arb_t fac, bin;
            slong k;
            arb_init(fac);
            arb_init(bin);
            arb_fac_ui(fac, n, 64);
            for (k = 0; k <= n; k++)
            {
                arb_bin_uiui(bin, n, k, 64);
                arb_mul(g + k, bin, fac, 64);
            }
            h.n = n;
            sc_gauss_expect(e, tanh_he, &h, NULL, 0, g, n + 1, 80);
            arb_rsqrt(fac, fac, 80);
            arb_mul(a + n, acb_realref(e), fac, 80);
            if (n % 2 == 0)
            {
                CU_ASSERT(arb_contains_zero(a + n));
            }
            else
            {
                SC_ASSERT_ACCURATE(a + n, 40);
            }
            arb_clear(fac);
            arb_clear(bin);
        }
        acb_clear(e);
        _arb_vec_clear(g, 8);
        kern(K1, dK1, "tanh", "1", "1", "0", SC_KM_AUTO, 80);
        for (i = 0; i < 2; i++)
        {
            kern(K, dK, "tanh", rhos[i], "1", "0", SC_KM_AUTO, 64);
            arb_set_str(r, rhos[i], 80);
            for (M = 1; M <= 7; M += 2)
                check_tail(K, K1, a, M, r, 80);
        }
    }
    _arb_vec_clear(a, 8);
    arb_clear(K);
    arb_clear(dK);
    arb_clear(K1);
    arb_clear(dK1);
    arb_clear(r);
    arb_clear(f);
}

static void test_tanh_odd(void)
{
    arb_t K, dK, Km, dKm;
    arb_init(K);
    arb_init(dK);
    arb_init(Km);
    arb_init(dKm);
    kern(K, dK, "tanh", "0.3", "1", "0", SC_KM_AUTO, 64);
    kern(Km, dKm, "tanh", "-0.3", "1", "0", SC_KM_AUTO, 64);
    arb_neg(Km, Km);
    SC_ASSERT_OVERLAPS(K, Km);
    SC_ASSERT_OVERLAPS(dK, dKm);    /* K' is even for odd phi */
    SC_ASSERT_ACCURATE(K, 30);
    /* rho = -1: K(-1) = -K(1) for odd phi */
    kern(K, dK, "tanh", "1", "1", "0", SC_KM_AUTO, 64);
    kern(Km, dKm, "tanh", "-1", "1", "0", SC_KM_AUTO, 64);
    arb_neg(Km, Km);
    SC_ASSERT_OVERLAPS(K, Km);
    arb_clear(K);
    arb_clear(dK);
    arb_clear(Km);
    arb_clear(dKm);
}

/* |K(rho)| <= K(1), |K'(rho)| <= K'(1) (q = 1, s = 0); all methods run. */
static void test_bounds_all(void)
{
    static const char *rhos[] = { "-0.9", "0.4" };
    arb_t K, dK, K1, dK1, t;
    slong i, l;
    arb_init(K);
    arb_init(dK);
    arb_init(K1);
    arb_init(dK1);
    arb_init(t);
    for (l = 0; l < NMINE; l++)
    {
        kern(K1, dK1, mine[l], "1", "1", "0", SC_KM_AUTO, 40);
        CU_ASSERT(arb_is_finite(K1) && arb_is_finite(dK1));
        for (i = 0; i < 2; i++)
        {
            kern(K, dK, mine[l], rhos[i], "1", "0", SC_KM_AUTO, 32);
            if (!(arb_rel_accuracy_bits(K) >= 16 && arb_rel_accuracy_bits(dK) >= 16))
                printf("\n  %s rho=%s: inaccurate\n", mine[l], rhos[i]);
            CU_ASSERT(arb_rel_accuracy_bits(K) >= 16 && arb_rel_accuracy_bits(dK) >= 16);
            arb_abs(t, K);
            CU_ASSERT(!arb_gt(t, K1));
            arb_abs(t, dK);
            CU_ASSERT(!arb_gt(t, dK1));
        }
    }
    arb_clear(K);
    arb_clear(dK);
    arb_clear(K1);
    arb_clear(dK1);
    arb_clear(t);
}

/* q = 2, s = 1/2 through the accuracy driver; |K(rho)| <= K(1) still holds
   (Cauchy-Schwarz: K(1) = E[phi(U)^2] = E[phi(V)^2]). */
static void test_certify_qs(void)
{
    sc_kernel_result r;
    fmpq_t rho, q, s;
    arb_t t;
    slong l;
    sc_kernel_result_init(&r);
    fmpq_init(rho);
    fmpq_init(q);
    fmpq_init(s);
    arb_init(t);
    fmpq_set_si(rho, -1, 2);
    fmpq_set_si(q, 2, 1);
    fmpq_set_si(s, 1, 2);
    for (l = 0; l < NMINE; l++)
    {
        sc_act_t a;
        sc_act_init(a);
        CU_ASSERT_FATAL(sc_act_parse(a, mine[l]) == SC_OK);
        CU_ASSERT(sc_kernel_certify(&r, a, rho, q, s, 6, SC_KM_AUTO, 0) == SC_OK);
        CU_ASSERT(arb_is_finite(r.K) && arb_is_finite(r.dK));
        arb_abs(t, r.K);
        CU_ASSERT(!arb_gt(t, r.K1));
        sc_act_clear(a);
    }
    sc_kernel_result_clear(&r);
    fmpq_clear(rho);
    fmpq_clear(q);
    fmpq_clear(s);
    arb_clear(t);
}

/* tanh K(1), K'(1) at 100 digits vs mpmath (mp.dps = 130, quad on
   [0, 1, 2, 4, 8, 16, inf], twice E[tanh(Z)^2] on the half line). */
static void test_tanh_100_digits(void)
{
    sc_kernel_result r;
    arb_t ref;
    sc_kernel_result_init(&r);
    arb_init(ref);
    certify(&r, "tanh", 100);
    arb_set_str(ref, "0.39429449039784117441645977244411956057379074942230509762112325276881158375169204467208024874671536593862637712", 400);
    mag_set_ui_2exp_si(arb_radref(ref), 1, -350);
    SC_ASSERT_OVERLAPS(r.K1, ref);
    SC_ASSERT_ACCURATE(r.K1, 333);
    arb_set_str(ref, "0.4644029024482682419720214611156540832067127551030633262605786836447636720065151049537517832926683208251575159", 400);
    mag_set_ui_2exp_si(arb_radref(ref), 1, -350);
    SC_ASSERT_OVERLAPS(r.dK1, ref);
    SC_ASSERT_ACCURATE(r.dK1, 333);
    arb_clear(ref);
    sc_kernel_result_clear(&r);
}

SC_TEST_MAIN("act-smooth",
    SC_TEST(test_registry),
    SC_TEST(test_reference_tanh_gelu),
    SC_TEST(test_reference_others),
    SC_TEST(test_gelu_smooth_vs_nested),
    SC_TEST(test_poly_hermite_exact),
    SC_TEST(test_poly_hermite_vs_integrators),
    SC_TEST(test_tail_bound),
    SC_TEST(test_tanh_odd),
    SC_TEST(test_bounds_all),
    SC_TEST(test_certify_qs),
    SC_TEST(test_tanh_100_digits))
