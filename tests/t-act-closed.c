/* Built-in activations with closed forms (linear, relu, leaky_relu, abs,
   step, sign, erf, sin, cos) and elu: closed-form kernels against the
   certified integrator, Gaussian smoothings against direct integration,
   known values and the identities of doc/model.md section 2.  Parsing,
   the registry and the evaluation contract are in t-act.c. */
#include <string.h>
#include "sc_test.h"
#include "sc_test_kernel.h"
#include "synccert/kernel.h"
#include "synccert/gauss.h"
#include "synccert/parse.h"

#define PREC 128


/* narrow: >= bits of relative accuracy, or (a ball around 0) radius < 2^-bits */
static void assert_narrow(const arb_t x, slong bits)
{
    if (arb_contains_zero(x))
    {
        if (mag_cmp_2exp_si(arb_radref(x), -bits) >= 0)
        {
            printf("\n  wide ball around 0: ");
            arb_printn(x, 20, 0);
            printf("\n");
        }
        CU_ASSERT(mag_cmp_2exp_si(arb_radref(x), -bits) < 0);
    }
    else
        SC_ASSERT_ACCURATE(x, bits);
}

static const char *closed_specs[] = {
    "relu", "linear", "leaky_relu", "leaky_relu:alpha=0.3", "abs", "step", "sign",
    "erf", "erf:c=0.4", "erf:c=3", "sin", "cos"
};
#define NCLOSED ((int) (sizeof(closed_specs) / sizeof(closed_specs[0])))

static int is_jump(const char *spec)
{
    return strcmp(spec, "step") == 0 || strcmp(spec, "sign") == 0;
}

static void test_closed_vs_integral(void)
{
    static const char *rhos[] = { "-1", "-0.6", "0", "0.3", "0.999", "1" };
    static const char *qs[][2] = { { "1", "0" }, { "2", "1/2" } };
    arb_t K1, dK1, K2, dK2;
    int a, i, j;
    arb_init(K1); arb_init(dK1); arb_init(K2); arb_init(dK2);
    for (a = 0; a < NCLOSED; a++)
        for (j = 0; j < 2; j++)
            for (i = 0; i < 6; i++)
            {
                const char *sp = closed_specs[a];
                int jump = is_jump(sp), st;
                CU_ASSERT(sc_test_kernel(K1, dK1, sp, rhos[i], qs[j][0], qs[j][1], SC_KM_CLOSED, PREC) == SC_OK);
                CU_ASSERT(sc_test_kernel(K2, NULL, sp, rhos[i], qs[j][0], qs[j][1], SC_KM_SMOOTH, PREC) == SC_OK);
                if (!arb_overlaps(K1, K2))
                    printf("\n  %s rho=%s q=%s s=%s:", sp, rhos[i], qs[j][0], qs[j][1]);
                SC_ASSERT_OVERLAPS(K1, K2);
                assert_narrow(K1, 40);
                assert_narrow(K2, 40);
                st = sc_test_kernel(NULL, dK2, sp, rhos[i], qs[j][0], qs[j][1], SC_KM_SMOOTH, PREC);
                if (jump)
                {
                    /* phi' is a delta: K' only at the endpoints, +inf */
                    int endpoint = i == 5 || (i == 0 && j == 0);
                    if (endpoint)
                    {
                        CU_ASSERT(st == SC_OK && arf_is_pos_inf(arb_midref(dK2)));
                        CU_ASSERT(arf_is_pos_inf(arb_midref(dK1)) && mag_is_zero(arb_radref(dK1)));
                    }
                    else
                    {
                        CU_ASSERT(st == SC_ERR_INPUT);      /* a forced method that does not apply */
                        CU_ASSERT(arb_is_finite(dK1) && arb_is_positive(dK1));
                        assert_narrow(dK1, 40);
                    }
                    continue;
                }
                CU_ASSERT(st == SC_OK);
                if (!arb_overlaps(dK1, dK2))
                    printf("\n  %s' rho=%s q=%s s=%s:", sp, rhos[i], qs[j][0], qs[j][1]);
                SC_ASSERT_OVERLAPS(dK1, dK2);
                assert_narrow(dK1, 40);
                assert_narrow(dK2, 40);
            }
    arb_clear(K1); arb_clear(dK1); arb_clear(K2); arb_clear(dK2);
}

/* analytic ones: nested integration (uses the growth strip) vs closed form */
static void test_nested(void)
{
    static const char *specs[] = { "linear", "erf", "erf:c=2", "sin", "cos" };
    arb_t K1, dK1, K2, dK2;
    int a;
    arb_init(K1); arb_init(dK1); arb_init(K2); arb_init(dK2);
    for (a = 0; a < 5; a++)
    {
        CU_ASSERT(sc_test_kernel(K1, dK1, specs[a], "0.3", "2", "1/2", SC_KM_CLOSED, 64) == SC_OK);
        CU_ASSERT(sc_test_kernel(K2, dK2, specs[a], "0.3", "2", "1/2", SC_KM_NESTED, 64) == SC_OK);
        SC_ASSERT_OVERLAPS(K1, K2);
        SC_ASSERT_OVERLAPS(dK1, dK2);
        SC_ASSERT_ACCURATE(K2, 30);
        SC_ASSERT_ACCURATE(dK2, 30);
    }
    arb_clear(K1); arb_clear(dK1); arb_clear(K2); arb_clear(dK2);
}

/* --- smoothing vs direct integration: E[phi^(d)(a + bY)] --- */

typedef struct { const sc_act_def *def; arb_srcptr p; int deriv; arb_t a, b; } sm_ctx;

static int sm_f(acb_ptr out, const acb_t y, void *param, slong order, slong prec)
{
    sm_ctx *c = param;
    acb_t z;
    acb_init(z);
    acb_mul_arb(z, y, c->b, prec);
    acb_add_arb(z, z, c->a, prec);
    c->def->eval(c->def, out, z, c->deriv, order, c->p, prec);
    acb_clear(z);
    return 0;
}

static void test_smooth_vs_integral(void)
{
    static const char *specs[] = {
        "relu", "linear", "leaky_relu:alpha=0.2", "abs", "step", "sign", "erf:c=1.5",
        "sin", "cos", "elu", "elu:alpha=0.3", "elu:alpha=2.5"
    };
    static const char *ab[][2] = { { "0.3", "0.7" }, { "-1.2", "0.5" }, { "0", "1" }, { "2", "1.5" } };
    int i, k, d;
    for (i = 0; i < (int) (sizeof(specs) / sizeof(specs[0])); i++)
        for (k = 0; k < 4; k++)
            for (d = 0; d < 2; d++)
            {
                sc_act_t act;
                sm_ctx c;
                arb_ptr p, g, h;
                slong ng, nh;
                arb_t strip, A, split;
                acb_t r1, r2, ac;
                int kink;
                sc_act_init(act);
                CU_ASSERT_FATAL(sc_act_parse(act, specs[i]) == SC_OK);
                if (d == 1 && (act->def->flags & SC_ACT_JUMP))
                {
                    sc_act_clear(act);
                    continue;
                }
                kink = (act->def->flags & SC_ACT_KINK0) != 0;
                p = sc_act_params(act, PREC);
                c.def = act->def;
                c.p = p;
                c.deriv = d;
                arb_init(c.a);
                arb_init(c.b);
                arb_set_str(c.a, ab[k][0], PREC);
                arb_set_str(c.b, ab[k][1], PREC);
                g = _arb_vec_init(SC_GROWTH_MAX);
                h = _arb_vec_init(SC_GROWTH_MAX);
                arb_init(strip);
                arb_init(A);
                arb_init(split);
                acb_init(r1);
                acb_init(r2);
                acb_init(ac);
                ng = act->def->growth(act->def, g, strip, d, p, PREC);
                arb_abs(A, c.a);
                nh = sc_growth_affine(h, g, ng, A, c.b, PREC);
                arb_div(split, c.a, c.b, PREC);
                arb_neg(split, split);          /* kink of y -> a + b y */
                if (!arb_is_exact(split))       /* split points must be exact */
                {
                    arb_get_mid_arb(split, split);
                    kink = 0;                   /* then no split (the integrator bisects) */
                }
                sc_gauss_expect(r1, sm_f, &c, split, kink, h, nh, PREC);
                acb_set_arb(ac, c.a);
                CU_ASSERT(act->def->smooth(act->def, r2, ac, c.b, d, p, PREC) == 1);
                if (!acb_overlaps(r1, r2))
                {
                    printf("\n  %s a=%s b=%s deriv=%d: ", specs[i], ab[k][0], ab[k][1], d);
                    acb_printn(r1, 20, 0);
                    printf(" vs ");
                    acb_printn(r2, 20, 0);
                }
                CU_ASSERT(acb_overlaps(r1, r2));
                assert_narrow(acb_realref(r1), 40);
                assert_narrow(acb_realref(r2), 60);
                _arb_vec_clear(g, SC_GROWTH_MAX);
                _arb_vec_clear(h, SC_GROWTH_MAX);
                arb_clear(strip);
                arb_clear(A);
                arb_clear(split);
                acb_clear(r1);
                acb_clear(r2);
                acb_clear(ac);
                arb_clear(c.a);
                arb_clear(c.b);
                sc_act_params_clear(p, act);
                sc_act_clear(act);
            }
}

/* Jump activations have no smoothing of phi'. */
static void test_smooth_jump_deriv(void)
{
    acb_t r, a;
    arb_t b;
    acb_init(r);
    acb_init(a);
    arb_init(b);
    arb_one(b);
    CU_ASSERT(sc_act_lookup("step")->smooth(sc_act_lookup("step"), r, a, b, 1, NULL, PREC) == 0);
    CU_ASSERT(sc_act_lookup("sign")->smooth(sc_act_lookup("sign"), r, a, b, 1, NULL, PREC) == 0);
    acb_clear(r);
    acb_clear(a);
    arb_clear(b);
}

/* --- known values --- */

static void test_values(void)
{
    arb_t K, dK, e, f;
    arb_init(K); arb_init(dK); arb_init(e); arb_init(f);

    sc_test_kernel(K, dK, "linear", "0.3", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.3");
    SC_ASSERT_CONTAINS_STR(dK, "1");
    sc_test_kernel(K, dK, "linear", "0.3", "2", "1/2", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "1.1");       /* q rho + s */
    SC_ASSERT_CONTAINS_STR(dK, "2");        /* q */

    sc_test_kernel(K, dK, "relu", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.5");
    SC_ASSERT_CONTAINS_STR(dK, "0.5");
    sc_test_kernel(K, dK, "relu", "1", "1", "0", SC_KM_SMOOTH, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.5");
    SC_ASSERT_CONTAINS_STR(dK, "0.5");

    /* leaky: K(1) = (1 + alpha^2)/2 = K'(1), K(-1) = -alpha */
    sc_test_kernel(K, dK, "leaky_relu:alpha=0.1", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.505");
    SC_ASSERT_CONTAINS_STR(dK, "0.505");
    sc_test_kernel(K, dK, "leaky_relu:alpha=0.1", "-1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "-0.1");
    SC_ASSERT_CONTAINS_STR(dK, "0.1");
    sc_test_kernel(K, NULL, "leaky_relu:alpha=1", "0.3", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.3");       /* alpha = 1: linear */

    sc_test_kernel(K, dK, "abs", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "1");
    SC_ASSERT_CONTAINS_STR(dK, "1");
    sc_test_kernel(K, dK, "abs", "0", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(dK, "0");
    arb_const_pi(e, PREC);                  /* K_abs(0) = (E|Z|)^2 = 2/pi */
    arb_inv(e, e, PREC);
    arb_mul_2exp_si(e, e, 1);
    SC_ASSERT_OVERLAPS(K, e);

    sc_test_kernel(K, NULL, "step", "0", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.25");
    sc_test_kernel(K, dK, "step", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0.5");
    CU_ASSERT(arf_is_pos_inf(arb_midref(dK)));
    sc_test_kernel(K, dK, "step", "-1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0");
    CU_ASSERT(arf_is_pos_inf(arb_midref(dK)));
    sc_test_kernel(NULL, dK, "step", "0", "1", "0", SC_KM_CLOSED, PREC);
    arb_const_pi(e, PREC);                  /* 1/(2 pi) */
    arb_inv(e, e, PREC);
    arb_mul_2exp_si(e, e, -1);
    SC_ASSERT_OVERLAPS(dK, e);

    sc_test_kernel(K, dK, "sign", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "1");
    CU_ASSERT(arf_is_pos_inf(arb_midref(dK)));
    sc_test_kernel(K, dK, "sign", "1", "1", "0", SC_KM_AUTO, PREC);
    CU_ASSERT(arf_is_pos_inf(arb_midref(dK)));
    sc_test_kernel(K, dK, "sign", "0", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_CONTAINS_STR(K, "0");
    arb_const_pi(e, PREC);                  /* 2/pi */
    arb_inv(e, e, PREC);
    arb_mul_2exp_si(e, e, 1);
    SC_ASSERT_OVERLAPS(dK, e);

    /* erf, c = 1: K(1) = (2/pi) arcsin(2/3), K'(1) = E[erf'(Z)^2] = (4/pi)/sqrt 5 */
    sc_test_kernel(K, dK, "erf", "1", "1", "0", SC_KM_CLOSED, PREC);
    arb_set_ui(e, 2);
    arb_div_ui(e, e, 3, PREC);
    arb_asin(e, e, PREC);
    arb_const_pi(f, PREC);
    arb_div(e, e, f, PREC);
    arb_mul_2exp_si(e, e, 1);
    SC_ASSERT_OVERLAPS(K, e);
    arb_sqrt_ui(e, 5, PREC);
    arb_mul(e, e, f, PREC);
    arb_inv(e, e, PREC);
    arb_mul_2exp_si(e, e, 2);
    SC_ASSERT_OVERLAPS(dK, e);
    SC_ASSERT_ACCURATE(dK, 100);

    /* sin K(1) = e^{-1} sinh 1, K'(1) = e^{-1} cosh 1; cos the other way round */
    arb_set_si(e, -1);
    arb_exp(e, e, PREC);
    arb_one(f);
    arb_sinh(f, f, PREC);
    arb_mul(f, f, e, PREC);
    sc_test_kernel(K, dK, "sin", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_OVERLAPS(K, f);
    SC_ASSERT_ACCURATE(K, 100);
    sc_test_kernel(K, dK, "cos", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_OVERLAPS(dK, f);
    arb_one(f);
    arb_cosh(f, f, PREC);
    arb_mul(f, f, e, PREC);
    SC_ASSERT_OVERLAPS(K, f);
    sc_test_kernel(K, dK, "sin", "1", "1", "0", SC_KM_CLOSED, PREC);
    SC_ASSERT_OVERLAPS(dK, f);

    arb_clear(K); arb_clear(dK); arb_clear(e); arb_clear(f);
}

/* elu has no closed-form kernel: independent closed forms at rho = 1, 0, -1
   (q = 1, s = 0) against the smoothing integrator:
     K(1)  = 1/2 + alpha^2 (e^2 Phi(-2) - 2 e^{1/2} Phi(-1) + 1/2),
     K'(1) = 1/2 + alpha^2 e^2 Phi(-2),
     K(0)  = m^2,  m = E elu(Z) = phi(0) + alpha (e^{1/2} Phi(-1) - 1/2),
     K'(0) = m'^2, m' = E elu'(Z) = 1/2 + alpha e^{1/2} Phi(-1),
     K(-1) = 2 alpha (e^{1/2} (phi(1) - Phi(-1)) - phi(0)). */
static void normal_cdf(arb_t r, slong x)
{
    acb_t w;
    acb_init(w);
    acb_set_si(w, x);
    sc_acb_normal_cdf(w, w, PREC);
    arb_set(r, acb_realref(w));
    acb_clear(w);
}

static void normal_pdf(arb_t r, slong x)
{
    acb_t w;
    acb_init(w);
    acb_set_si(w, x);
    sc_gauss_weight(w, w, PREC);
    arb_set(r, acb_realref(w));
    acb_clear(w);
}

static void test_elu(void)
{
    static const char *specs[] = { "elu", "elu:alpha=0.5", "elu:alpha=3" };
    static const char *alphas[] = { "1", "0.5", "3" };
    arb_t K, dK, al, e2, eh, P1, P2, p0, p1, v, w;
    int i;
    arb_init(K); arb_init(dK); arb_init(al); arb_init(e2); arb_init(eh);
    arb_init(P1); arb_init(P2); arb_init(p0); arb_init(p1); arb_init(v); arb_init(w);
    arb_set_ui(e2, 2);
    arb_exp(e2, e2, PREC);
    arb_set_ui(eh, 1);
    arb_mul_2exp_si(eh, eh, -1);
    arb_exp(eh, eh, PREC);
    normal_cdf(P1, -1);
    normal_cdf(P2, -2);
    normal_pdf(p0, 0);
    normal_pdf(p1, 1);
    for (i = 0; i < 3; i++)
    {
        arb_set_str(al, alphas[i], PREC);
        /* integration (the closed form of src/act/elu.c is checked against
           the same values in tests/t-kernel.c) */
        CU_ASSERT(sc_test_kernel(K, dK, specs[i], "1", "1", "0", SC_KM_SMOOTH, PREC) == SC_OK);
        arb_mul(v, e2, P2, PREC);
        arb_mul(w, eh, P1, PREC);
        arb_mul_2exp_si(w, w, 1);
        arb_sub(v, v, w, PREC);
        arb_set_d(w, 0.5);
        arb_add(v, v, w, PREC);
        arb_mul(v, v, al, PREC);
        arb_mul(v, v, al, PREC);
        arb_add(v, v, w, PREC);
        SC_ASSERT_OVERLAPS(K, v);
        SC_ASSERT_ACCURATE(K, 40);
        arb_mul(v, e2, P2, PREC);
        arb_mul(v, v, al, PREC);
        arb_mul(v, v, al, PREC);
        arb_add(v, v, w, PREC);
        SC_ASSERT_OVERLAPS(dK, v);
        SC_ASSERT_ACCURATE(dK, 40);

        CU_ASSERT(sc_test_kernel(K, dK, specs[i], "0", "1", "0", SC_KM_SMOOTH, PREC) == SC_OK);
        arb_mul(v, eh, P1, PREC);
        arb_sub(v, v, w, PREC);
        arb_mul(v, v, al, PREC);
        arb_add(v, v, p0, PREC);
        arb_sqr(v, v, PREC);
        SC_ASSERT_OVERLAPS(K, v);
        SC_ASSERT_ACCURATE(K, 40);
        arb_mul(v, eh, P1, PREC);
        arb_mul(v, v, al, PREC);
        arb_add(v, v, w, PREC);
        arb_sqr(v, v, PREC);
        SC_ASSERT_OVERLAPS(dK, v);
        SC_ASSERT_ACCURATE(dK, 40);

        CU_ASSERT(sc_test_kernel(K, NULL, specs[i], "-1", "1", "0", SC_KM_SMOOTH, PREC) == SC_OK);
        arb_sub(v, p1, P1, PREC);
        arb_mul(v, v, eh, PREC);
        arb_sub(v, v, p0, PREC);
        arb_mul(v, v, al, PREC);
        arb_mul_2exp_si(v, v, 1);
        SC_ASSERT_OVERLAPS(K, v);
        SC_ASSERT_ACCURATE(K, 40);

        /* with bias, interior points: finite, narrow, |K| <= K(1) */
        CU_ASSERT(sc_test_kernel(K, dK, specs[i], "0.3", "2", "1/2", SC_KM_SMOOTH, PREC) == SC_OK);
        SC_ASSERT_ACCURATE(K, 40);
        SC_ASSERT_ACCURATE(dK, 40);
        CU_ASSERT(sc_test_kernel(v, w, specs[i], "1", "2", "1/2", SC_KM_SMOOTH, PREC) == SC_OK);
        CU_ASSERT(arb_le(K, v));
        CU_ASSERT(arb_le(dK, w));
    }
    arb_clear(K); arb_clear(dK); arb_clear(al); arb_clear(e2); arb_clear(eh);
    arb_clear(P1); arb_clear(P2); arb_clear(p0); arb_clear(p1); arb_clear(v); arb_clear(w);
}

/* --- identities (q = 1, s = 0) --- */

static void test_identities(void)
{
    static const char *rhos[] = { "0.3", "0.8", "0.999" };
    static const char *nrhos[] = { "-0.3", "-0.8", "-0.999" };
    arb_t K1, Km1, K, Kn, dK1, dK, v;
    int a, i;
    arb_init(K1); arb_init(Km1); arb_init(K); arb_init(Kn);
    arb_init(dK1); arb_init(dK); arb_init(v);
    for (a = 0; a < NCLOSED; a++)
    {
        const char *sp = closed_specs[a];
        const sc_act_def *def;
        sc_act_t act;
        int odd, even, jump = is_jump(sp);
        sc_act_init(act);
        sc_act_parse(act, sp);
        def = act->def;
        sc_act_clear(act);
        odd = (def->flags & SC_ACT_ODD) != 0;
        even = (def->flags & SC_ACT_EVEN) != 0;
        sc_test_kernel(K1, dK1, sp, "1", "1", "0", SC_KM_CLOSED, PREC);
        sc_test_kernel(Km1, NULL, sp, "-1", "1", "0", SC_KM_CLOSED, PREC);
        arb_add(v, K1, Km1, PREC);
        if (odd)
            CU_ASSERT(arb_contains_zero(v) && mag_cmp_2exp_si(arb_radref(v), -100) < 0);
        if (!odd)
            CU_ASSERT(arb_is_positive(v));  /* 2 * even part > 0 here */
        for (i = 0; i < 3; i++)
        {
            sc_test_kernel(K, jump ? NULL : dK, sp, rhos[i], "1", "0", SC_KM_CLOSED, PREC);
            sc_test_kernel(Kn, NULL, sp, nrhos[i], "1", "0", SC_KM_CLOSED, PREC);
            /* |K(rho)| <= K(1), |K'(rho)| <= K'(1), K(rho) >= K(-rho) on [0, 1] */
            arb_abs(v, K);
            CU_ASSERT(arb_le(v, K1));
            arb_abs(v, Kn);
            CU_ASSERT(arb_le(v, K1));
            if (!even)                      /* equality for even ones */
                CU_ASSERT(arb_ge(K, Kn));
            if (!jump)
            {
                arb_abs(v, dK);
                CU_ASSERT(arb_le(v, dK1));
            }
            arb_add(v, K, Kn, PREC);
            if (odd)
                CU_ASSERT(arb_contains_zero(v) && mag_cmp_2exp_si(arb_radref(v), -100) < 0);
            arb_sub(v, K, Kn, PREC);
            if (even)
                CU_ASSERT(arb_contains_zero(v) && mag_cmp_2exp_si(arb_radref(v), -100) < 0);
        }
    }
    arb_clear(K1); arb_clear(Km1); arb_clear(K); arb_clear(Kn);
    arb_clear(dK1); arb_clear(dK); arb_clear(v);
}

/* a correlation ball that touches 1 without being exact: K' of a jump
   activation is a valid (infinite) enclosure, not the point +inf */
static void test_jump_touching(void)
{
    arb_t c, t2, K, dK;
    arb_init(c); arb_init(t2); arb_init(K); arb_init(dK);
    arb_one(t2);
    arb_one(c);
    mag_set_ui_2exp_si(arb_radref(c), 1, -20);
    CU_ASSERT(sc_act_lookup("sign")->kernel(sc_act_lookup("sign"), K, dK, c, t2, NULL, PREC) == 1);
    CU_ASSERT(!arb_is_finite(dK) && !arf_is_pos_inf(arb_midref(dK)));
    SC_ASSERT_CONTAINS_STR(K, "1");
    CU_ASSERT(sc_act_lookup("step")->kernel(sc_act_lookup("step"), K, dK, c, t2, NULL, PREC) == 1);
    CU_ASSERT(!arb_is_finite(dK) && !arf_is_pos_inf(arb_midref(dK)));
    SC_ASSERT_CONTAINS_STR(K, "0.5");
    arb_clear(c); arb_clear(t2); arb_clear(K); arb_clear(dK);
}

SC_TEST_MAIN("act-closed",
    SC_TEST(test_closed_vs_integral),
    SC_TEST(test_nested),
    SC_TEST(test_smooth_vs_integral),
    SC_TEST(test_smooth_jump_deriv),
    SC_TEST(test_values),
    SC_TEST(test_elu),
    SC_TEST(test_identities),
    SC_TEST(test_jump_touching))
