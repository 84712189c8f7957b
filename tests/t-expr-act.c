/* Expression activations (expr:..., src/act/expr_act.c) and the named
   activations defined over the engine (src/act/named.c, exp.c, relu2.c):
   - an expression of a built-in against the built-in (certified K, K' at
     15 and 50 digits overlap; each met its digits);
   - closed forms: exp, gaussian, relu2 (arc-cosine kernel of degree 2), as
     named activations and as expressions;
   - mpmath values (tests/data/expr_ref.txt, non-rigorous, see
     tests/data/expr_ref.py) for mish, selu, softsign, relu6, hardswish;
   - polynomial expressions on the exact rational path;
   - flags (parity, jumps) of the named definitions against the engine,
     specs, parameters and parse errors through sc_act_parse. */
#include <math.h>
#include <string.h>
#include "sc_test.h"
#include "synccert/kernel.h"
#include "synccert/expr.h"
#include "synccert/parse.h"

static void fq(fmpq_t x, const char *s)
{
    CU_ASSERT_FATAL(sc_parse_fmpq(x, s, "test") == SC_OK);
}

/* certified K(rho), K'(rho) (rho NULL: K(1), K'(1)) to `digits` */
static int certify(sc_kernel_result *r, const char *spec, const char *rho, const char *q,
                   const char *s, slong digits)
{
    sc_act_t a;
    fmpq_t R, Q, S;
    int st;
    sc_act_init(a);
    fmpq_init(R);
    fmpq_init(Q);
    fmpq_init(S);
    CU_ASSERT_FATAL(sc_act_parse(a, spec) == SC_OK);
    if (rho != NULL)
        fq(R, rho);
    fq(Q, q);
    fq(S, s);
    st = sc_kernel_certify(r, a, rho != NULL ? R : NULL, Q, S, digits, SC_KM_AUTO, 0);
    if (st != SC_OK)
        printf("\n  %s rho=%s q=%s s=%s digits=%ld: %s\n", spec, rho ? rho : "1", q, s,
               (long) digits, sc_last_error());
    sc_act_clear(a);
    fmpq_clear(R);
    fmpq_clear(Q);
    fmpq_clear(S);
    return st;
}

static void same(const char *b, const char *e, const char *rho, const char *q, const char *s, slong digits)
{
    sc_kernel_result x, y;
    sc_kernel_result_init(&x);
    sc_kernel_result_init(&y);
    CU_ASSERT(certify(&x, b, rho, q, s, digits) == SC_OK);
    CU_ASSERT(certify(&y, e, rho, q, s, digits) == SC_OK);
    if (!arb_overlaps(x.K1, y.K1) || !arb_overlaps(x.dK1, y.dK1) ||
        (rho != NULL && (!arb_overlaps(x.K, y.K) || !arb_overlaps(x.dK, y.dK))))
        printf("\n  %s vs %s at rho=%s q=%s s=%s, %ld digits\n", b, e, rho ? rho : "1", q, s, (long) digits);
    SC_ASSERT_OVERLAPS(x.K1, y.K1);
    if (arb_is_finite(x.dK1))
        SC_ASSERT_OVERLAPS(x.dK1, y.dK1);
    else
        CU_ASSERT(arf_is_pos_inf(arb_midref(y.dK1)));
    if (rho != NULL)
    {
        SC_ASSERT_OVERLAPS(x.K, y.K);
        SC_ASSERT_OVERLAPS(x.dK, y.dK);
        CU_ASSERT(sc_arb_meets_digits(y.K, digits) && sc_arb_meets_digits(y.dK, digits));
    }
    sc_kernel_result_clear(&x);
    sc_kernel_result_clear(&y);
}

/* Built-ins written as expressions (spelt so that they are not recognised
   as the built-in itself, see test_recognised: the engine is tested).
   Smooth ones take the certified trapezoidal rules with the strip bounds
   of src/expr/strip.c, the piecewise ones the closed-form smoothing of
   their pieces: every pair at four interior points (rho, q, s) and at
   rho = 1, at 15 and 50 digits (K(-1) goes through the same end
   formulas). */
static const struct { const char *b, *e; } pairs[] = {
    { "tanh", "expr:-tanh(-x)" },
    { "erf", "expr:erf(x)" },
    { "sigmoid", "expr:(1+tanh(x/2))/2" },
    { "silu", "expr:x*sigmoid(x)" },
    { "softplus", "expr:log(1+exp(x))" },
    { "gelu", "expr:x*(1+erf(x*sqrt(2)/2))/2" },
    { "elu", "expr:relu(x)+expm1(min(x,0))" },
    { "relu", "expr:(x+abs(x))/2" },
    { "leaky_relu:alpha=0.1", "expr:max(x,x/10)" },
    { "abs", "expr:max(x,-x)" },
    { "sin", "expr:-sin(-x)" },
    { "cos", "expr:cos(-x)" },
    { "poly:c1=1,c3=-1/6", "expr:x-x^3/6" },
    { "step", "expr:step(2*x)" },     /* jumps: K'(rho) by the central difference of 4.4 */
    { "sign", "expr:2*step(x)-1" },
    { "silu:beta=1.702", "expr:x*sigmoid(b*x);b=1.702" },
    /* written with exponentials (rewritten to bounded primitives, 2.6) */
    { "tanh", "expr:(exp(x)-exp(-x))/(exp(x)+exp(-x))" },
    { "tanh", "expr:(1-exp(-2*x))/(1+exp(-2*x))" },
    { "silu", "expr:x/(1+exp(-x))" },
    { "silu", "expr:x*exp(x)/(exp(x)+1)" },
    { "sigmoid", "expr:exp(x/2)/(exp(x/2)+exp(-x/2))" },
};
#define NPAIRS ((slong) (sizeof(pairs) / sizeof(pairs[0])))

static const char *pts[][3] = {
    { "0.5", "1", "0" }, { "-0.6", "2", "1/2" }, { "0.9", "1/4", "1" }, { "-0.95", "3", "0" },
};

static void test_expr_vs_builtin_15(void)
{
    slong i, j;
    for (i = 0; i < NPAIRS; i++)
    {
        same(pairs[i].b, pairs[i].e, NULL, "1", "0", 15);
        same(pairs[i].b, pairs[i].e, NULL, "2", "1/2", 15);
        for (j = 0; j < 4; j++)
            same(pairs[i].b, pairs[i].e, pts[j][0], pts[j][1], pts[j][2], 15);
    }
}

static void test_expr_vs_builtin_50(void)
{
    slong i;
    for (i = 0; i < NPAIRS; i++)
    {
        same(pairs[i].b, pairs[i].e, NULL, "1", "0", 50);
        same(pairs[i].b, pairs[i].e, NULL, "1/2", "1/5", 50);
        same(pairs[i].b, pairs[i].e, pts[i % 4][0], pts[i % 4][1], pts[i % 4][2], 50);
    }
}

/* Two methods for one expression: the trapezoidal rules (auto) against
   nested integration over the numerical Gaussian smoothing
   (SC_KM_SMOOTH, src/act/smooth_numeric.c), and the lattice method forced
   (it applies to expressions with a strip bound, and is refused with a
   one-line message where there is none). */
static void test_expr_two_methods(void)
{
    static const char *acts[] = { "mish", "gelu_sigmoid", "expr:x*tanh(log(1+exp(x)))",
                                  "expr:atan(x)+x/3", "expr:sin(x)*exp(-x^2/4)+x/(2+x^2)" };
    static const char *rhos[] = { "0.7", "-0.4" };
    slong i, j;
    for (i = 0; i < 5; i++)
        for (j = 0; j < 2; j++)
        {
            sc_act_t a;
            fmpq_t R, Q, S;
            arb_t K1, dK1, K2, dK2, K3, dK3;
            arb_ptr p;
            sc_act_init(a);
            fmpq_init(R); fmpq_init(Q); fmpq_init(S);
            arb_init(K1); arb_init(dK1); arb_init(K2); arb_init(dK2); arb_init(K3); arb_init(dK3);
            CU_ASSERT_FATAL(sc_act_parse(a, acts[i]) == SC_OK);
            p = sc_act_params(a, 128);
            fq(R, rhos[j]);
            fq(Q, j ? "3/2" : "1");
            fq(S, j ? "1/4" : "0");
            {
                arb_t r, q, s;
                arb_init(r); arb_init(q); arb_init(s);
                arb_set_fmpq(r, R, 128);
                arb_set_fmpq(q, Q, 128);
                arb_set_fmpq(s, S, 128);
                CU_ASSERT(sc_kernel_eval(K1, dK1, a->def, p, sc_act_nparams(a), r, q, s, SC_KM_AUTO, 80) == SC_OK);
                CU_ASSERT(sc_kernel_eval(K2, dK2, a->def, p, sc_act_nparams(a), r, q, s, SC_KM_SMOOTH, 80) == SC_OK);
                CU_ASSERT(sc_kernel_eval(K3, dK3, a->def, p, sc_act_nparams(a), r, q, s, SC_KM_LATTICE, 80) == SC_OK);
                arb_clear(r); arb_clear(q); arb_clear(s);
            }
            if (!arb_overlaps(K1, K2) || !arb_overlaps(dK1, dK2))
                printf("\n  %s at rho = %s: trapezoidal and smoothing disagree\n", acts[i], rhos[j]);
            SC_ASSERT_OVERLAPS(K1, K2);
            SC_ASSERT_OVERLAPS(dK1, dK2);
            SC_ASSERT_OVERLAPS(K1, K3);
            SC_ASSERT_OVERLAPS(dK1, dK3);
            /* the rules give about the working precision */
            CU_ASSERT(arb_rel_accuracy_bits(K1) > 60 && arb_rel_accuracy_bits(dK1) > 60);
            sc_act_params_clear(p, a);
            sc_act_clear(a);
            fmpq_clear(R); fmpq_clear(Q); fmpq_clear(S);
            arb_clear(K1); arb_clear(dK1); arb_clear(K2); arb_clear(dK2); arb_clear(K3); arb_clear(dK3);
        }
    {
        /* kinks: no strip, the lattice method is refused (bad input) */
        sc_act_t a;
        arb_t K, r, q, s;
        arb_ptr p;
        sc_act_init(a);
        arb_init(K); arb_init(r); arb_init(q); arb_init(s);
        CU_ASSERT_FATAL(sc_act_parse(a, "expr:x/(1+abs(x))") == SC_OK);
        p = sc_act_params(a, 128);
        arb_set_d(r, 0.5);
        arb_one(q);
        CU_ASSERT(sc_kernel_eval(K, NULL, a->def, p, sc_act_nparams(a), r, q, s, SC_KM_LATTICE, 80) == SC_ERR_INPUT);
        CU_ASSERT(strstr(sc_last_error(), "strip") != NULL);
        sc_act_params_clear(p, a);
        sc_act_clear(a);
        arb_clear(K); arb_clear(r); arb_clear(q); arb_clear(s);
    }
}

/* K'(rho) of step(x - a) (doc/model.md 4.4): with U, V ~ N(0, t^2),
   correlation c, K = P(U > a, V > a) and dK/drho = q p_UV(a, a) =
   q exp(-a^2/(t^2 (1 + c))) / (2 pi t^2 sqrt(1 - c^2)) (Plackett); and a
   smooth plus a jump part against an mpmath double integral (non-rigorous,
   30 digits: tests/data/expr_ref.py style, value written here). */
static void test_jump_derivative(void)
{
    static const char *as[] = { "1", "-1/2", "0" };
    static const char *rhos[] = { "1/2", "-7/10", "99/100" };
    static const char *qs[][2] = { { "1", "0" }, { "2", "1/2" } };
    slong i, j, k;
    char spec[64];
    for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++)
            for (k = 0; k < 2; k++)
            {
                sc_kernel_result r;
                fmpq_t A, R, Q, S;
                arb_t a, c, t2, u, v, want;
                fmpq_init(A); fmpq_init(R); fmpq_init(Q); fmpq_init(S);
                arb_init(a); arb_init(c); arb_init(t2); arb_init(u); arb_init(v); arb_init(want);
                fq(A, as[i]); fq(R, rhos[j]); fq(Q, qs[k][0]); fq(S, qs[k][1]);
                snprintf(spec, sizeof(spec), "expr:step(x-(%s))", as[i]);
                sc_kernel_result_init(&r);
                CU_ASSERT_FATAL(certify(&r, spec, rhos[j], qs[k][0], qs[k][1], 30) == SC_OK);
                arb_set_fmpq(a, A, 256);
                arb_set_fmpq(t2, Q, 256);
                arb_set_fmpq(u, S, 256);
                arb_add(t2, t2, u, 256);                       /* t^2 = q + s */
                arb_set_fmpq(c, R, 256);
                arb_set_fmpq(v, Q, 256);
                arb_mul(c, c, v, 256);
                arb_add(c, c, u, 256);
                arb_div(c, c, t2, 256);                        /* c = (q rho + s)/t^2 */
                arb_add_ui(u, c, 1, 256);
                arb_mul(u, u, t2, 256);
                arb_sqr(v, a, 256);
                arb_div(u, v, u, 256);
                arb_neg(u, u);
                arb_exp(want, u, 256);
                arb_sqr(u, c, 256);
                arb_sub_ui(u, u, 1, 256);
                arb_neg(u, u);
                arb_sqrt(u, u, 256);
                arb_mul(u, u, t2, 256);
                arb_const_pi(v, 256);
                arb_mul_2exp_si(v, v, 1);
                arb_mul(u, u, v, 256);
                arb_div(want, want, u, 256);
                arb_set_fmpq(v, Q, 256);
                arb_mul(want, want, v, 256);
                if (!arb_overlaps(r.dK, want))
                    printf("\n  %s rho = %s q = %s s = %s\n", spec, rhos[j], qs[k][0], qs[k][1]);
                SC_ASSERT_OVERLAPS(r.dK, want);
                CU_ASSERT(sc_arb_meets_digits(r.dK, 30));
                sc_kernel_result_clear(&r);
                fmpq_clear(A); fmpq_clear(R); fmpq_clear(Q); fmpq_clear(S);
                arb_clear(a); arb_clear(c); arb_clear(t2); arb_clear(u); arb_clear(v); arb_clear(want);
            }
    {
        /* tanh(x) + step(x - 1/2) at rho = 0.3: E[sech^2 sech^2] + the two
           cross terms + the delta-delta term, by mpmath (quad, 30 digits) */
        sc_kernel_result r;
        arb_t want;
        arb_init(want);
        sc_kernel_result_init(&r);
        CU_ASSERT(certify(&r, "expr:tanh(x)+step(x-1/2)", "3/10", "1", "0", 20) == SC_OK);
        arb_set_str(want, "[0.94604196027164029374281423491 +/- 1e-28]", 128);
        SC_ASSERT_OVERLAPS(r.dK, want);
        sc_kernel_result_clear(&r);
        arb_clear(want);
    }
}

/* closed forms at (rho, q, s): exp, gaussian, relu2 */
static void closed_form(arb_t K, arb_t dK, const char *which, const fmpq_t rho, const fmpq_t q,
                        const fmpq_t s, slong prec)
{
    arb_t R, Q, S, t2, c, u, v, th, pi;
    arb_init(R); arb_init(Q); arb_init(S); arb_init(t2); arb_init(c);
    arb_init(u); arb_init(v); arb_init(th); arb_init(pi);
    arb_set_fmpq(R, rho, prec);
    arb_set_fmpq(Q, q, prec);
    arb_set_fmpq(S, s, prec);
    arb_add(t2, Q, S, prec);
    arb_mul(c, Q, R, prec);
    arb_add(c, c, S, prec);                     /* q rho + s */
    if (strcmp(which, "exp") == 0)
    {
        /* E[e^U e^V] = exp(q (1 + rho) + 2 s), K' = q K */
        arb_add(u, t2, c, prec);
        arb_exp(K, u, prec);
        arb_mul(dK, K, Q, prec);
    }
    else if (strcmp(which, "gaussian") == 0)
    {
        /* ((1 + q + s)^2 - (q rho + s)^2)^(-1/2), K' = q (q rho + s) (...)^(-3/2) */
        arb_add_ui(u, t2, 1, prec);
        arb_sqr(u, u, prec);
        arb_submul(u, c, c, prec);
        arb_rsqrt(K, u, prec);
        arb_pow_ui(v, K, 3, prec);
        arb_mul(dK, v, c, prec);
        arb_mul(dK, dK, Q, prec);
    }
    else
    {
        /* relu(x)^2: Cho-Saul arc-cosine kernel of degree 2 with
           cos th = c / t2: K = t2^2/(2 pi) (3 sin th cos th + (pi - th)(1 + 2 cos^2 th));
           phi' = 2 relu: K' = q 4 t2/(2 pi) (sin th + (pi - th) cos th) */
        arb_const_pi(pi, prec);
        arb_div(c, c, t2, prec);
        arb_acos(th, c, prec);
        arb_sub(th, pi, th, prec);              /* pi - th */
        arb_neg(u, c);
        arb_mul(u, u, c, prec);
        arb_add_ui(u, u, 1, prec);
        arb_sqrt(u, u, prec);                   /* sin th */
        arb_mul(v, u, c, prec);
        arb_mul_ui(v, v, 3, prec);
        arb_sqr(K, c, prec);
        arb_mul_2exp_si(K, K, 1);
        arb_add_ui(K, K, 1, prec);
        arb_addmul(v, th, K, prec);
        arb_sqr(K, t2, prec);
        arb_mul(K, K, v, prec);
        arb_div(K, K, pi, prec);
        arb_mul_2exp_si(K, K, -1);
        arb_mul(v, th, c, prec);
        arb_add(v, v, u, prec);
        arb_mul(dK, v, t2, prec);
        arb_mul(dK, dK, Q, prec);
        arb_mul_2exp_si(dK, dK, 1);
        arb_div(dK, dK, pi, prec);
    }
    arb_clear(R); arb_clear(Q); arb_clear(S); arb_clear(t2); arb_clear(c);
    arb_clear(u); arb_clear(v); arb_clear(th); arb_clear(pi);
}

static void test_closed_forms(void)
{
    static const char *specs[][2] = {
        { "exp", "exp" }, { "expr:exp(x/2)*exp(x/2)", "exp" },
        { "gaussian", "gaussian" }, { "expr:exp(-x*x/2)", "gaussian" },
        { "relu2", "relu2" }, { "expr:relu(x)*max(x,0)", "relu2" }, { "expr:max(x,0)*max(0,x)", "relu2" },
    };
    static const char *P[][3] = {
        { "0.5", "1", "0" }, { "-0.7", "2", "1/3" }, { "0.95", "1/5", "2" }, { "-1", "1", "1/2" }, { "1", "3", "0" },
    };
    slong i, j;
    fmpq_t R, Q, S;
    arb_t K, dK;
    fmpq_init(R); fmpq_init(Q); fmpq_init(S);
    arb_init(K); arb_init(dK);
    for (i = 0; i < 7; i++)
        for (j = 0; j < 5; j++)
        {
            sc_kernel_result r;
            slong digits = (j % 2) ? 50 : 15;
            sc_kernel_result_init(&r);
            fq(R, P[j][0]);
            fq(Q, P[j][1]);
            fq(S, P[j][2]);
            CU_ASSERT(certify(&r, specs[i][0], P[j][0], P[j][1], P[j][2], digits) == SC_OK);
            closed_form(K, dK, specs[i][1], R, Q, S, 400);
            if (!arb_overlaps(K, r.K) || !arb_overlaps(dK, r.dK))
                printf("\n  %s at rho=%s q=%s s=%s\n", specs[i][0], P[j][0], P[j][1], P[j][2]);
            SC_ASSERT_OVERLAPS(K, r.K);
            SC_ASSERT_OVERLAPS(dK, r.dK);
            CU_ASSERT(sc_arb_meets_digits(r.K, digits));
            sc_kernel_result_clear(&r);
        }
    fmpq_clear(R); fmpq_clear(Q); fmpq_clear(S);
    arb_clear(K); arb_clear(dK);
}

/* tests/data/expr_ref.txt: NAME RHO Q S K DK from mpmath (non-rigorous):
   the certified 15-digit enclosures overlap +-1e-14 relative of them */
static void test_mpmath_reference(void)
{
    FILE *f = fopen("tests/data/expr_ref.txt", "r");
    char name[64], rho[32], q[32], s[32], K[64], dK[64], buf[200];
    int n = 0;
    arb_t ref;
    arb_init(ref);
    CU_ASSERT_FATAL(f != NULL);
    while (fscanf(f, "%63s %31s %31s %31s %63s %63s", name, rho, q, s, K, dK) == 6)
    {
        sc_kernel_result r;
        sc_kernel_result_init(&r);
        CU_ASSERT(certify(&r, name, rho, q, s, 15) == SC_OK);
        snprintf(buf, sizeof(buf), "[%s +/- %.3e]", K, 1e-14 * fabs(atof(K)) + 1e-30);
        CU_ASSERT(arb_set_str(ref, buf, 128) == 0);
        SC_ASSERT_OVERLAPS(r.K, ref);
        snprintf(buf, sizeof(buf), "[%s +/- %.3e]", dK, 1e-14 * fabs(atof(dK)) + 1e-30);
        CU_ASSERT(arb_set_str(ref, buf, 128) == 0);
        SC_ASSERT_OVERLAPS(r.dK, ref);
        sc_kernel_result_clear(&r);
        n++;
    }
    fclose(f);
    arb_clear(ref);
    CU_ASSERT(n >= 15);
}

/* polynomial expressions take the exact rational path: the same rationals
   as the poly activation */
static void test_poly_exact(void)
{
    sc_act_t a, b;
    fmpq_t R, Q, S, K1, dK1, K2, dK2;
    sc_act_init(a);
    sc_act_init(b);
    fmpq_init(R); fmpq_init(Q); fmpq_init(S);
    fmpq_init(K1); fmpq_init(dK1); fmpq_init(K2); fmpq_init(dK2);
    CU_ASSERT_FATAL(sc_act_parse(a, "expr:(x-1/2)^2*x/3+0.25") == SC_OK);
    CU_ASSERT_FATAL(sc_act_parse(b, "poly:c0=1/4,c1=1/12,c2=-1/3,c3=1/3") == SC_OK);
    fq(R, "-2/7");
    fq(Q, "3/2");
    fq(S, "1/5");
    CU_ASSERT(sc_kernel_exact(K1, dK1, a, R, Q, S) == 1);
    CU_ASSERT(sc_kernel_exact(K2, dK2, b, R, Q, S) == 1);
    CU_ASSERT(fmpq_equal(K1, K2) && fmpq_equal(dK1, dK2));
    /* pi is not rational: not exact, but certified through balls */
    CU_ASSERT_FATAL(sc_act_parse(a, "expr:pi*x") == SC_OK);
    CU_ASSERT(sc_kernel_exact(K1, dK1, a, R, Q, S) == 0);
    sc_act_clear(a);
    sc_act_clear(b);
    fmpq_clear(R); fmpq_clear(Q); fmpq_clear(S);
    fmpq_clear(K1); fmpq_clear(dK1); fmpq_clear(K2); fmpq_clear(dK2);
}

/* the flags of the named definitions agree with the engine's rules where
   the rules decide (hardtanh is odd by its definition, which the tree
   rules do not see through min/max) */
static void test_named_flags(void)
{
    static const struct { const char *name, *src; int odd, jump; } cases[] = {
        { "mish", "x*tanh(softplus(x))", 0, 0 },
        { "softsign", "x/(1+abs(x))", 1, 0 },
        { "hardtanh", "max(-1,min(1,x))", 1, 0 },
        { "relu6", "min(max(x,0),6)", 0, 0 },
        { "hardswish", "x*min(max(x+3,0),6)/6", 0, 0 },
        { "gelu_sigmoid", "x*sigmoid(1.702*x)", 0, 0 },
    };
    slong i;
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        sc_act_t a;
        sc_expr *e;
        sc_act_init(a);
        CU_ASSERT_FATAL(sc_act_parse(a, cases[i].name) == SC_OK);
        CU_ASSERT(((a->def->flags & SC_ACT_ODD) != 0) == cases[i].odd);
        CU_ASSERT(((a->def->flags & SC_ACT_JUMP) != 0) == cases[i].jump);
        CU_ASSERT(sc_expr_parse(&e, cases[i].src) == SC_OK);
        if (sc_expr_parity(e) & SC_EXPR_ODD)
            CU_ASSERT(cases[i].odd);
        CU_ASSERT(sc_expr_jumps(e) == cases[i].jump);
        sc_expr_free(e);
        sc_act_clear(a);
    }
}

/* specs, parameters, copies and errors through sc_act_parse */
static void test_specs(void)
{
    sc_act_t a, b;
    char *s;
    arb_ptr p;
    sc_act_init(a);
    sc_act_init(b);
    CU_ASSERT_FATAL(sc_act_parse(a, "expr:x*sigmoid(b*x);b=1.702") == SC_OK);
    s = sc_act_spec(a);
    CU_ASSERT(strcmp(s, "expr:x*sigmoid(b*x);b=851/500") == 0);
    CU_ASSERT(sc_act_parse(b, s) == SC_OK);
    CU_ASSERT(strcmp(a->def->name, b->def->name) == 0);
    flint_free(s);
    CU_ASSERT(a->npar == 1 && a->def->nparams == 1);
    CU_ASSERT(strcmp(a->def->params[0].name, "b") == 0);
    p = sc_act_params(a, 64);
    SC_ASSERT_CONTAINS_STR(p + 0, "1.702");
    sc_act_params_clear(p, a);
    /* a copy outlives the original (reference counted definition) */
    sc_act_set(b, a);
    sc_act_clear(a);
    CU_ASSERT(strcmp(b->def->name, "expr:x*sigmoid(b*x)") == 0);
    /* errors are one line naming the position */
    CU_ASSERT(sc_act_parse(a, "expr:x*tanh(") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "position") != NULL && strchr(sc_last_error(), '\n') == NULL);
    CU_ASSERT(sc_act_parse(a, "expr:") == SC_ERR_INPUT);
    CU_ASSERT(sc_act_parse(a, "celu:alpha=0") == SC_ERR_INPUT);
    sc_act_clear(a);
    sc_act_clear(b);
}

/* exact spellings of parameterless built-ins take the built-in's
   callbacks (same function), keeping the expression's name */
static void test_recognised(void)
{
    /* by tree after the exact rewrites (src/expr/tree.c), not by text */
    static const char *cases[][2] = {
        { "expr:x * Phi(x)", "gelu" }, { "expr:max(x,0)", "relu" }, { "expr:step(x)", "step" },
        { "expr:tanh(x)", "tanh" }, { "expr:exp(-x^2/2)", "gaussian" },
        { "expr:x*erfc(-x/sqrt(2))/2", "gelu" }, { "expr:0.5*x*(1+erf(x/sqrt(2)))", "gelu" },
        { "expr:x*(erf(x/sqrt(2))+1)/2", "gelu" }, { "expr:(( tanh( (x) ) ))", "tanh" },
        { "expr:exp(x)/(1+exp(x))", "sigmoid" }, { "expr:relu(x)*relu(x)", "relu2" },
        { "expr:exp(-x*x/2)", "gaussian" },
    };
    extern const sc_act_def sc_act_gelu, sc_act_relu, sc_act_step, sc_act_tanh, sc_act_gaussian,
        sc_act_sigmoid, sc_act_relu2;
    const sc_act_def *defs[] = { &sc_act_gelu, &sc_act_relu, &sc_act_step, &sc_act_tanh, &sc_act_gaussian,
                                 &sc_act_gelu, &sc_act_gelu, &sc_act_gelu, &sc_act_tanh, &sc_act_sigmoid,
                                 &sc_act_relu2, &sc_act_gaussian };
    sc_kernel_result r;
    slong i;
    for (i = 0; i < 12; i++)
    {
        sc_act_t a;
        sc_act_init(a);
        CU_ASSERT_FATAL(sc_act_parse(a, cases[i][0]) == SC_OK);
        CU_ASSERT(a->def->kernel == defs[i]->kernel && a->def->smooth == defs[i]->smooth);
        CU_ASSERT((a->def->flags & ~(SC_ACT_OWNED | SC_ACT_EXPR)) == defs[i]->flags);
        CU_ASSERT(strncmp(a->def->name, "expr:", 5) == 0);
        sc_act_clear(a);
    }
    /* not a spelling: the engine (different callbacks), same values */
    {
        sc_act_t a;
        sc_act_init(a);
        CU_ASSERT_FATAL(sc_act_parse(a, "expr:x*Phi(x*sqrt(2)/sqrt(2))") == SC_OK);
        CU_ASSERT(a->def->kernel != sc_act_gelu.kernel);
        sc_act_clear(a);
    }
    /* step as an expression spelt exactly: its jump kernel inside (-1, 1) */
    sc_kernel_result_init(&r);
    CU_ASSERT(certify(&r, "expr:step(x)", "0.3", "1", "0", 15) == SC_OK);
    sc_kernel_result_clear(&r);
}

SC_TEST_MAIN("expr-act",
             SC_TEST(test_recognised),
             SC_TEST(test_expr_vs_builtin_15),
             SC_TEST(test_expr_vs_builtin_50),
             SC_TEST(test_expr_two_methods),
             SC_TEST(test_jump_derivative),
             SC_TEST(test_closed_forms),
             SC_TEST(test_mpmath_reference),
             SC_TEST(test_poly_exact),
             SC_TEST(test_named_flags),
             SC_TEST(test_specs))
