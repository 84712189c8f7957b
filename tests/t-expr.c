/* The expression language (src/expr, doc/model.md 2.6): exact number
   reading, precedence, every parse error path with its position, the
   symbolic derivative against hand-derived derivatives, located kinks,
   parity, the polynomial form, and the growth rules per primitive (their
   values, and their soundness at sample points on the line and the
   strip).  Kernels of expression activations are in t-expr-act.c. */
#include <string.h>
#include <math.h>
#include <stdarg.h>
#include "sc_test.h"
#include "synccert/expr.h"

#define PREC 128

static sc_expr *parse_ok(const char *src)
{
    sc_expr *e = NULL;
    int st = sc_expr_parse(&e, src);
    if (st != SC_OK)
        printf("\n  '%s': %s\n", src, sc_last_error());
    CU_ASSERT_FATAL(st == SC_OK && e != NULL);
    return e;
}

/* the default parameter values as exact balls */
static arb_ptr defaults(const sc_expr *e)
{
    slong i, n = sc_expr_nparams(e);
    arb_ptr p = _arb_vec_init(n + 1);
    for (i = 0; i < n; i++)
        arb_set_fmpq(p + i, sc_expr_param_default(e, i), PREC);
    return p;
}

/* phi^(deriv)(x) at the decimal x, default parameters */
static void eval_at(arb_t r, const sc_expr *e, const char *x, int deriv)
{
    acb_t z, w;
    arb_ptr p = defaults(e);
    acb_init(z);
    acb_init(w);
    arb_set_str(acb_realref(z), x, PREC);
    sc_expr_eval(w, e, z, deriv, 0, -1, p, PREC);
    arb_set(r, acb_realref(w));
    CU_ASSERT(arb_is_zero(acb_imagref(w)) || arb_contains_zero(acb_imagref(w)));
    acb_clear(z);
    acb_clear(w);
    _arb_vec_clear(p, sc_expr_nparams(e) + 1);
}

static void test_precedence(void)
{
    static const char *cases[][3] = {
        { "-x^2", "3", "-9" },                /* ^ binds tighter than unary minus */
        { "(-x)^2", "3", "9" },
        { "2^-1*x", "3", "1.5" },             /* 2^-1 = 1/2 */
        { "x^3^2", "2", "512" },              /* right associative: x^(3^2) */
        { "x-1-1", "5", "3" },                /* left associative */
        { "x/2/4", "8", "1" },
        { "1+2*x^2", "3", "19" },
        { "-x*-x", "3", "9" },
        { "x*(1+x)/(2+x^2)", "2", "1" },
        { "x*b+c;b=1/3;c=0.25", "3", "1.25" },
        { "2.5e2*x + 1e-3", "1", "250.001" },
        { "(x^2+7)^(3/2)-x", "3", "61" },
        { "max(x,2*x)-min(x,-x)", "-3", "0" },
        { "abs(x)+sign(x)+step(x)+relu(x)", "-2", "1" },
        { "x*e^0", "7", "7" },
    };
    arb_t r;
    slong i;
    arb_init(r);
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        sc_expr *e = parse_ok(cases[i][0]);
        eval_at(r, e, cases[i][1], 0);
        if (!arb_is_finite(r))
            printf("\n  %s at %s: not finite\n", cases[i][0], cases[i][1]);
        SC_ASSERT_CONTAINS_STR(r, cases[i][2]);
        SC_ASSERT_ACCURATE(r, PREC - 10);
        sc_expr_free(e);
    }
    arb_clear(r);
}

/* numbers are read exactly: the polynomial form has these rationals */
static void test_exact_numbers(void)
{
    sc_expr *e = parse_ok("1/3 + 0.1*x + 1e-3*x^2 - 2.5E+1*x^3");
    fmpq c[8];
    fmpq_t v;
    slong i, n;
    for (i = 0; i < 8; i++)
        fmpq_init(c + i);
    fmpq_init(v);
    n = sc_expr_poly_fmpq(c, 8, e, NULL);
    CU_ASSERT(n == 4);
    fmpq_set_si(v, 1, 3);
    CU_ASSERT(fmpq_equal(c + 0, v));
    fmpq_set_si(v, 1, 10);
    CU_ASSERT(fmpq_equal(c + 1, v));
    fmpq_set_si(v, 1, 1000);
    CU_ASSERT(fmpq_equal(c + 2, v));
    fmpq_set_si(v, -25, 1);
    CU_ASSERT(fmpq_equal(c + 3, v));
    CU_ASSERT(sc_expr_is_poly(e));
    sc_expr_free(e);

    e = parse_ok("x*sigmoid(b*x);b=1.702");
    fmpq_set_si(v, 851, 500);
    CU_ASSERT(sc_expr_nparams(e) == 1);
    CU_ASSERT(strcmp(sc_expr_param_name(e, 0), "b") == 0);
    CU_ASSERT(fmpq_equal(sc_expr_param_default(e, 0), v));
    CU_ASSERT(strcmp(sc_expr_body(e), "x*sigmoid(b*x)") == 0);
    CU_ASSERT(!sc_expr_is_poly(e));
    CU_ASSERT(sc_expr_poly_fmpq(c, 8, e, NULL) == -1);
    sc_expr_free(e);

    /* pi is not rational: a polynomial, but no exact coefficients */
    e = parse_ok("pi*x^2");
    CU_ASSERT(sc_expr_is_poly(e));
    CU_ASSERT(sc_expr_poly_fmpq(c, 8, e, NULL) == -1);
    sc_expr_free(e);
    for (i = 0; i < 8; i++)
        fmpq_clear(c + i);
    fmpq_clear(v);
}

/* every error path: status, no expression, and the position and problem
   named in the message (position 0: no position expected) */
static void test_errors(void)
{
    static const struct { const char *src; int pos; const char *what; } cases[] = {
        { "foo(x)", 1, "unknown function 'foo'" },
        { "tanh(x", 1, "'(' of tanh is not closed" },
        { "(x+1", 1, "this '(' is not closed" },
        { "x)", 2, "unexpected ')'" },
        { "tanh()", 6, "unexpected ')'" },
        { "x/0", 2, "division by a constant zero" },
        { "x/(1-1)", 2, "division by a constant zero" },
        { "x^(1/0)", 5, "division by a constant zero" },
        { "2", 0, "does not depend on x" },
        { "pi*e", 0, "does not depend on x" },
        { "x^x", 2, "exponent must be an exact rational" },
        { "x^pi", 2, "exponent must be an exact rational" },
        { "x^2001", 2, "exponent too large" },
        { "exp(x^2)", 1, "grow faster than linearly" },
        { "exp(exp(x))", 1, "grow faster than linearly" },
        { "x*cosh(x^2)", 3, "grow faster than linearly" },
        { "log(x)", 1, "log of an argument that may be <= 0" },
        { "sqrt(x)", 1, "sqrt of an argument that may be <= 0" },
        { "x^(1/3)", 2, "fractional power" },
        { "1/x", 2, "may vanish" },
        { "x^-1", 2, "may vanish" },
        { "x*y", 3, "unknown name 'y'" },
        { "2x", 2, "expected an operator" },
        { "1.2.3*x", 4, "expected an operator" },
        { "x+", 3, "unexpected end of expression" },
        { "x*#", 3, "unexpected character '#'" },
        { "max(x)", 6, "max takes two arguments" },
        { "", 0, "empty expression" },
        { "x;b", 3, "needs a default value" },
        { "x;b=1", 3, "declared but not used" },
        { "x*c;c=2;b=1", 9, "'b' is declared but not used" },
        { "x*b;b=", 7, "empty value" },
        { "x*b;b=1;b=2", 9, "declared twice" },
        { "x*b;x=1", 5, "'x' is reserved" },
        { "x*b;exp=1", 5, "'exp' is reserved" },
        { "x*b;b=1/0", 7, "is not a number" },
        { "3*x;;", 5, "expected a parameter declaration" },
        { "x*sign(x^3-x)", 3, "cannot be located" },
        { "step(sin(x))", 1, "cannot be located" },
    };
    slong i;
    char want[64];
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        sc_expr *e = (sc_expr *) 1;
        int st = sc_expr_parse(&e, cases[i].src);
        const char *m = sc_last_error();
        int ok = st == SC_ERR_INPUT && e == NULL && strstr(m, cases[i].what) != NULL &&
                 strchr(m, '\n') == NULL;
        if (cases[i].pos > 0)
        {
            snprintf(want, sizeof(want), "position %d:", cases[i].pos);
            ok = ok && strstr(m, want) != NULL;
        }
        if (!ok)
            printf("\n  '%s': status %d, message '%s'\n", cases[i].src, st, m);
        CU_ASSERT(ok);
    }
    /* too long */
    {
        char *s = flint_malloc(SC_EXPR_MAXLEN + 10);
        sc_expr *e;
        memset(s, 'x', SC_EXPR_MAXLEN + 5);
        s[SC_EXPR_MAXLEN + 5] = '\0';
        CU_ASSERT(sc_expr_parse(&e, s) == SC_ERR_INPUT);
        CU_ASSERT(strstr(sc_last_error(), "longer than") != NULL);
        flint_free(s);
    }
}

/* phi' from the symbolic derivative equals the hand-derived derivative
   (parsed as a second expression) at several points */
static void test_derivative(void)
{
    static const char *cases[][2] = {
        { "tanh(x)", "1 - tanh(x)^2" },
        { "x*sigmoid(x)", "sigmoid(x) + x*sigmoid(x)*(1 - sigmoid(x))" },
        { "x*tanh(softplus(x))", "tanh(softplus(x)) + x*(1 - tanh(softplus(x))^2)*sigmoid(x)" },
        { "log(1+exp(x))", "exp(x)/(1+exp(x))" },
        { "erf(x)", "2/sqrt(pi)*exp(-x^2)" },
        { "gelu(x)", "Phi(x) + x*exp(-x^2/2)/sqrt(2*pi)" },
        { "x^3 - 2*x", "3*x^2 - 2" },
        { "(1+x^2)^(3/2)", "3*x*(1+x^2)^(1/2)" },
        { "sin(2*x)*cos(x)", "2*cos(2*x)*cos(x) - sin(2*x)*sin(x)" },
        { "atan(x)+sinh(x)/cosh(x)", "1/(1+x^2) + 1 - tanh(x)^2" },
        { "log1p(x^2)+expm1(x)", "2*x/(1+x^2) + exp(x)" },
        { "erfc(x)", "-2/sqrt(pi)*exp(-x^2)" },
        { "x/(1+abs(x))", "1/(1+abs(x))^2" },
        { "x*sigmoid(b*x);b=3/2", "sigmoid(3/2*x) + 3/2*x*sigmoid(3/2*x)*(1-sigmoid(3/2*x))" },
    };
    static const char *xs[] = { "-2.5", "-0.3", "0.7", "1.9" };
    arb_t a, b;
    slong i, j;
    arb_init(a);
    arb_init(b);
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        sc_expr *e = parse_ok(cases[i][0]), *d = parse_ok(cases[i][1]);
        for (j = 0; j < 4; j++)
        {
            eval_at(a, e, xs[j], 1);
            eval_at(b, d, xs[j], 0);
            SC_ASSERT_OVERLAPS(a, b);
            SC_ASSERT_ACCURATE(a, PREC - 20);
        }
        sc_expr_free(e);
        sc_expr_free(d);
    }
    arb_clear(a);
    arb_clear(b);
}

/* kinks located exactly where the argument is affine in x */
static void test_kinks(void)
{
    sc_expr *e = parse_ok("relu(x-1/3)+abs(2*x+1)+max(x,3*x-2)");
    arb_ptr k = _arb_vec_init(SC_EXPR_MAXKINKS);
    int all;
    slong n = sc_expr_kinks(k, &all, e, NULL, PREC);
    CU_ASSERT(all);
    CU_ASSERT(n == 3);
    if (n == 3)
    {
        arb_t third;
        arb_init(third);
        arb_set_si(third, 1);
        arb_div_ui(third, third, 3, PREC);
        SC_ASSERT_CONTAINS_STR(k + 0, "-0.5");
        SC_ASSERT_OVERLAPS(k + 1, third);
        CU_ASSERT(arb_rel_accuracy_bits(k + 1) > PREC - 8);
        SC_ASSERT_CONTAINS_STR(k + 2, "1");
        arb_clear(third);
        CU_ASSERT(arb_is_exact(k + 0) && arb_is_exact(k + 2));
    }
    sc_expr_free(e);
    /* a kink whose argument is not affine: not located (balls only) */
    e = parse_ok("abs(sin(x))");
    sc_expr_kinks(k, &all, e, NULL, PREC);
    CU_ASSERT(!all);
    sc_expr_free(e);
    _arb_vec_clear(k, SC_EXPR_MAXKINKS);
}

static void test_parity_jumps_poly(void)
{
    static const struct { const char *src; int parity, jumps, poly; } cases[] = {
        { "x", SC_EXPR_ODD, 0, 1 },
        { "x^3 - x", SC_EXPR_ODD, 0, 1 },
        { "x^2 + 1", SC_EXPR_EVEN, 0, 1 },
        { "tanh(x)", SC_EXPR_ODD, 0, 0 },
        { "x*tanh(x)", SC_EXPR_EVEN, 0, 0 },
        { "cos(x)+abs(x)", SC_EXPR_EVEN, 0, 0 },
        { "x/(1+abs(x))", SC_EXPR_ODD, 0, 0 },
        { "erf(x)*exp(-x^2/2)", SC_EXPR_ODD, 0, 0 },
        { "x*sigmoid(x)", 0, 0, 0 },
        { "x+x^2", 0, 0, 1 },
        { "sign(x)", SC_EXPR_ODD, 1, 0 },
        { "step(x-1)", 0, 1, 0 },
        { "x*step(x)", 0, 0, 0 },           /* continuous: the jump is multiplied away */
        { "relu(x)", 0, 0, 0 },
    };
    slong i;
    for (i = 0; i < (slong) (sizeof(cases) / sizeof(cases[0])); i++)
    {
        sc_expr *e = parse_ok(cases[i].src);
        int ok = sc_expr_parity(e) == cases[i].parity && sc_expr_jumps(e) == cases[i].jumps &&
                 sc_expr_is_poly(e) == cases[i].poly;
        if (!ok)
            printf("\n  %s: parity %d jumps %d poly %d\n", cases[i].src, sc_expr_parity(e),
                   sc_expr_jumps(e), sc_expr_is_poly(e));
        CU_ASSERT(ok);
        sc_expr_free(e);
    }
}

/* |f| <= e^{rate |Re z|} sum_j g_j |Re z|^j at z (upper bound check) */
static int bound_holds(const acb_t f, const acb_t z, arb_srcptr g, slong n, const arb_t rate)
{
    arb_t ax, B, t, pw, a;
    slong j;
    int ok;
    arb_init(ax); arb_init(B); arb_init(t); arb_init(pw); arb_init(a);
    arb_abs(ax, acb_realref(z));
    arb_one(pw);
    for (j = 0; j < n; j++)
    {
        arb_mul(t, g + j, pw, PREC);
        arb_add(B, B, t, PREC);
        arb_mul(pw, pw, ax, PREC);
    }
    arb_mul(t, rate, ax, PREC);
    arb_exp(t, t, PREC);
    arb_mul(B, B, t, PREC);
    /* equality is allowed (e^x <= e^|x|): B + 2^-60 B covers the rounding */
    arb_mul_2exp_si(t, B, -60);
    arb_add(B, B, t, PREC);
    acb_abs(a, f, PREC);
    ok = arb_is_finite(a) && arb_le(a, B);
    arb_clear(ax); arb_clear(B); arb_clear(t); arb_clear(pw); arb_clear(a);
    return ok;
}

/* One growth case: phi (deriv 0 and 1), the expected real-line bound of
   phi (g_0, g_1, rate as neighbourhoods "[m +/- r]" or exact decimals;
   NULL: not checked; g1 NULL: a constant bound), and soundness at
   sample points on the line and, if a strip is claimed, on its edges. */
static void growth_case(const char *src, const char *g0, const char *g1, const char *rate)
{
    static const double xs[] = { -40, -7.5, -2, -0.6, 0, 0.3, 1, 3.2, 9, 60 };
    static const double ys[] = { -1, -0.5, 0.25, 1 };
    sc_expr *e = parse_ok(src);
    arb_ptr g = _arb_vec_init(64), p = defaults(e);
    arb_t r, strip;
    acb_t z, f;
    slong n, i, j;
    int d;
    arb_init(r);
    arb_init(strip);
    acb_init(z);
    acb_init(f);
    for (d = 0; d <= (sc_expr_jumps(e) ? 0 : 1); d++)
    {
        n = sc_expr_growth(g, r, 64, e, d, p, PREC);
        CU_ASSERT_FATAL(n >= 1);
        if (d == 0 && g0 != NULL)
        {
            SC_ASSERT_OVERLAPS_STR(g + 0, g0);
            if (g1 != NULL)
                SC_ASSERT_OVERLAPS_STR(g + 1, g1);
            else
                CU_ASSERT(n == 1);
            SC_ASSERT_OVERLAPS_STR(r, rate);
        }
        for (i = 0; i < 10; i++)
        {
            acb_set_d(z, xs[i]);
            sc_expr_eval(f, e, z, d, 0, -1, p, PREC);
            if (!bound_holds(f, z, g, n, r))
                printf("\n  %s (deriv %d): line bound fails at %g\n", src, d, xs[i]);
            CU_ASSERT(bound_holds(f, z, g, n, r));
        }
        n = sc_expr_growth_strip(g, r, strip, 64, e, d, p, PREC);
        if (n < 0)
            continue;
        CU_ASSERT(arb_is_positive(strip));
        for (i = 0; i < 10; i++)
            for (j = 0; j < 4; j++)
            {
                arb_set_d(acb_realref(z), xs[i]);
                arb_set_d(acb_imagref(z), ys[j]);
                arb_mul(acb_imagref(z), acb_imagref(z), strip, PREC);
                sc_expr_eval(f, e, z, d, 0, -1, p, PREC);
                if (!bound_holds(f, z, g, n, r))
                    printf("\n  %s (deriv %d): strip bound fails at %g + %g i\n", src, d, xs[i],
                           ys[j] * arf_get_d(arb_midref(strip), ARF_RND_NEAR));
                CU_ASSERT(bound_holds(f, z, g, n, r));
            }
        /* every candidate strip of the trapezoidal rules (up to 4, near
           the poles of tanh and sigmoid and where erf grows like e^{b^2}),
           checked up to its edges; the widest strip <= 1 is one of them */
        {
            slong k, nat = 0;
            double s = arf_get_d(arb_midref(strip), ARF_RND_NEAR);
            for (k = 0; k < SC_EXPR_NSTRIPS; k++)
            {
                n = sc_expr_growth_strip_at(g, r, 64, e, d, k, p, PREC);
                if (n < 0)
                    continue;
                nat += sc_expr_strip(k) == s;
                for (i = 0; i < 10; i++)
                    for (j = 0; j < 4; j++)
                    {
                        arb_set_d(acb_realref(z), xs[i]);
                        arb_set_d(acb_imagref(z), ys[j] * sc_expr_strip(k));
                        sc_expr_eval(f, e, z, d, 0, -1, p, PREC);
                        if (!bound_holds(f, z, g, n, r))
                            printf("\n  %s (deriv %d): bound on strip %g fails at %g + %g i\n", src, d,
                                   sc_expr_strip(k), xs[i], ys[j] * sc_expr_strip(k));
                        CU_ASSERT(bound_holds(f, z, g, n, r));
                    }
            }
            if (s >= 1.0 / 32)
                CU_ASSERT(nat == 1);
        }
    }
    _arb_vec_clear(g, 64);
    _arb_vec_clear(p, sc_expr_nparams(e) + 1);
    sc_expr_free(e);
    arb_clear(r);
    arb_clear(strip);
    acb_clear(z);
    acb_clear(f);
}

/* The rules of src/expr/growth.c, one primitive at a time (expected
   values: the bounds the rules state), then compositions. */
static void test_growth_rules(void)
{
    growth_case("x", "0", "1", "0");
    growth_case("exp(x)", "1", NULL, "1");                   /* e^u <= e^{|u|} */
    growth_case("exp(-x)*x", "0", "1", "1");
    growth_case("softplus(x)", "[0.693147180559945309 +/- 1e-17]", "1", "0");   /* <= max(u,0) + log 2 */
    growth_case("log(1+exp(x))", "[0.693147180559945309 +/- 1e-17]", "1", "0");
    growth_case("tanh(x)", "1", NULL, "0");
    growth_case("sigmoid(x)", "1", NULL, "0");
    growth_case("erf(x)", "1", NULL, "0");
    growth_case("erfc(x)", "2", NULL, "0");
    growth_case("Phi(x)", "1", NULL, "0");
    growth_case("sin(x)", "1", NULL, "0");
    growth_case("cos(x)", "1", NULL, "0");
    growth_case("atan(x)", "[1.5708 +/- 1e-4]", NULL, "0");
    growth_case("abs(x)", "0", "1", "0");
    growth_case("relu(x)", "0", "1", "0");
    growth_case("max(x,0)", "0", "1", "0");
    growth_case("min(x,1)", "1", "1", "0");
    growth_case("sign(x)", "1", NULL, "0");
    growth_case("step(x)", "1", NULL, "0");
    growth_case("gelu(x)", "0", "1", "0");
    growth_case("sinh(x)", "1", NULL, "1");
    growth_case("cosh(x)", "1", NULL, "1");
    growth_case("expm1(x)", "2", NULL, "1");
    growth_case("sqrt(1+x^2)", "1", "1", "0");               /* sqrt(a + b) <= sqrt a + sqrt b */
    growth_case("log(2+x^2)", NULL, NULL, NULL);
    growth_case("log1p(x^2)", NULL, NULL, NULL);
    growth_case("1/(1+x^2)", "1", NULL, "0");
    growth_case("exp(-x^2/2)", "1", NULL, "0");
    growth_case("exp(-(x+1)*(x+1))", "1", NULL, "0");   /* u u >= 0 */
    growth_case("x^3", "0", "0", "0");
    /* compositions */
    growth_case("x*tanh(softplus(x))", "0", "1", "0");
    growth_case("x*sigmoid(b*x);b=1.702", NULL, NULL, NULL);
    growth_case("1.0507*(relu(x)+1.6733*expm1(min(x,0)))", NULL, NULL, NULL);
    growth_case("x*min(max(x+3,0),6)/6", NULL, NULL, NULL);
    growth_case("exp(x/2)*cos(3*x)+x^2*erf(x)", NULL, NULL, NULL);
}

/* parameter boxes: exp(b x^2) is accepted at b = -1 but no bound exists
   once the box reaches b > 0 */
/* Strip bounds that need the modulus rule of the division (|v| >= m from
   |u^k| = |u|^k, |uv| = |u||v|, |e^u| >= e^{-D0}; src/expr/strip.c): they
   exist for phi and phi', hold at the sampled points of every candidate
   strip (growth_case), and are refused where the divisor has zeros in
   every candidate strip (1 + x^2 vanishes at x = +-i). */
static void test_strip_modulus(void)
{
    static const char *ok[] = { "x/(2+x^2)", "1/(3+x^2)^2", "x*exp(-x^2/2)/(2+x^2)",
                                "sin(x)*exp(-x^2/4)+x/(2+x^2)", "x/((2+x^2)*(3+x^2))" };
    arb_ptr g = _arb_vec_init(64);
    arb_t r, strip;
    slong i, k, n;
    int d;
    arb_init(r);
    arb_init(strip);
    for (i = 0; i < 5; i++)
    {
        sc_expr *e = parse_ok(ok[i]);
        arb_ptr p = defaults(e);
        for (d = 0; d <= 1; d++)
        {
            n = sc_expr_growth_strip(g, r, strip, 64, e, d, p, PREC);
            if (n < 0)
                printf("\n  %s (deriv %d): no strip bound\n", ok[i], d);
            CU_ASSERT(n >= 1 && arb_is_zero(r));
        }
        _arb_vec_clear(p, sc_expr_nparams(e) + 1);
        sc_expr_free(e);
        growth_case(ok[i], NULL, NULL, NULL);
    }
    {
        sc_expr *e = parse_ok("1/(1+x^2)");
        arb_ptr p = defaults(e);
        for (k = 0; k < SC_EXPR_NSTRIPS; k++)
        {
            n = sc_expr_growth_strip_at(g, r, 64, e, 0, k, p, PREC);
            CU_ASSERT((n >= 0) == (sc_expr_strip(k) < 1));
        }
        _arb_vec_clear(p, sc_expr_nparams(e) + 1);
        sc_expr_free(e);
    }
    _arb_vec_clear(g, 64);
    arb_clear(r);
    arb_clear(strip);
}

/* The rewrites of quotients of exponentials (src/expr/tree.c): the
   rewritten tree is the same function (phi at points against the
   formula as written, in double precision; phi' against a central
   difference of that formula), and phi, phi' get polynomial bounds on a
   strip (rate 0), which the formula as written would not. */
/* phi^(deriv)(x) of e (parameters p) within rtol (relative, + rtol
   absolute) of the double `want`? */
static int near_double(const sc_expr *e, arb_srcptr p, double x, int deriv, double want, double rtol)
{
    acb_t z, w;
    arb_t y;
    int ok;
    acb_init(z); acb_init(w); arb_init(y);
    acb_set_d(z, x);
    sc_expr_eval(w, e, z, deriv, 0, -1, p, PREC);
    arb_set_d(y, want);
    mag_set_d(arb_radref(y), rtol * (1 + fabs(want)));
    ok = arb_overlaps(acb_realref(w), y);
    acb_clear(z); acb_clear(w); arb_clear(y);
    return ok;
}

static double f_written(int i, double x)
{
    switch (i)
    {
        case 0: return x / (1 + exp(-x));
        case 1: return x * exp(x) / (1 + exp(x));
        case 2: return (exp(x) - exp(-x)) / (exp(x) + exp(-x));
        case 3: return (exp(2 * x) - 1) / (exp(2 * x) + 1);
        case 4: return (1 - exp(-2 * x)) / (1 + exp(-2 * x));
        case 5: return 2 / (exp(x) + exp(-x));
        case 6: return x / cosh(x);
        case 7: return sinh(x) / pow(cosh(x), 3);
        case 8: return (3 * x) / (3 * (2 + x * x));
        case 9: return exp(x) / (exp(x) + exp(-x));
        case 10: return x * exp(-x * x) + x * x / (3 + x * x);
        default: return (exp(-x) - exp(x)) / (1 + exp(x / 2));
    }
}

static void test_rewrites(void)
{
    static const char *src[] = { "x/(1+exp(-x))", "x*exp(x)/(1+exp(x))",
                                 "(exp(x)-exp(-x))/(exp(x)+exp(-x))", "(exp(2*x)-1)/(exp(2*x)+1)",
                                 "(1-exp(-2*x))/(1+exp(-2*x))", "2/(exp(x)+exp(-x))", "x/cosh(x)",
                                 "sinh(x)/cosh(x)^3", "(3*x)/(3*(2+x^2))", "exp(x)/(exp(x)+exp(-x))",
                                 "x*exp(-x*x)+x*x/(3+x*x)", "(exp(-x)-exp(x))/(1+exp(x/2))" };
    static const double xs[] = { -3.7, -1.1, -0.2, 0.4, 1.9, 5.3 };
    arb_ptr g = _arb_vec_init(64);
    arb_t r, strip;
    slong i, j, n;
    int d;
    arb_init(r); arb_init(strip);
    for (i = 0; i < 12; i++)
    {
        sc_expr *e = parse_ok(src[i]);
        arb_ptr p = defaults(e);
        for (j = 0; j < 6; j++)
        {
            double x = xs[j], hh = 1e-5;
            double f0 = f_written((int) i, x);
            double f1 = (f_written((int) i, x + hh) - f_written((int) i, x - hh)) / (2 * hh);
            int ok0 = near_double(e, p, x, 0, f0, 1e-12), ok1 = near_double(e, p, x, 1, f1, 1e-6);
            if (!ok0 || !ok1)
                printf("\n  %s at %g: %s\n", src[i], x, ok0 ? "phi'" : "phi");
            CU_ASSERT(ok0);
            CU_ASSERT(ok1);
        }
        /* the last one keeps an unbounded factor e^|x| (no rewrite makes
           (e^-x - e^x) bounded): no polynomial strip bound, as it should */
        for (d = 0; d <= 1; d++)
        {
            n = sc_expr_growth_strip(g, r, strip, 64, e, d, p, PREC);
            if (i < 11)
            {
                if (!(n >= 1 && arb_is_zero(r)))
                    printf("\n  %s (deriv %d): no polynomial strip bound\n", src[i], d);
                CU_ASSERT(n >= 1 && arb_is_zero(r));
            }
            else
                CU_ASSERT(n < 0 || !arb_is_zero(r));
        }
        _arb_vec_clear(p, sc_expr_nparams(e) + 1);
        sc_expr_free(e);
    }
    _arb_vec_clear(g, 64);
    arb_clear(r); arb_clear(strip);
}

/* Random expressions (fixed seed) in the forms the rewrites look for,
   nested: the string goes through sc_expr_parse (rewrites, derivative,
   validation; under ASan also the pool growing during rewrites) and is
   compared with the same formula evaluated in double precision as
   written: phi at three points to 1e-9 (relative), phi' to a central
   difference.  A formula the rules cannot bound may be refused
   (SC_ERR_INPUT), never mis-evaluated. */
typedef struct { char s[4096]; } rstr;

/* printf into out (vsnprintf: a truncated formula fails to parse and is
   skipped, it is never compared) */
static void rfmt(rstr *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->s, sizeof(out->s), fmt, ap);
    va_end(ap);
}

static double rgen(rstr *out, flint_rand_t st, int depth, const double *xs, double *val)
{
    double a[3], b[3];
    rstr u, v;
    int k, op = depth <= 0 ? (int) n_randint(st, 2) : 2 + (int) n_randint(st, 14);
    switch (op)
    {
        case 0:
            rfmt(out, "x");
            for (k = 0; k < 3; k++) val[k] = xs[k];
            return 0;
        case 1:
        {
            int n = 1 + (int) n_randint(st, 5), d = 1 + (int) n_randint(st, 3);
            rfmt(out, "(%d/%d*x)", n, d);
            for (k = 0; k < 3; k++) val[k] = (double) n / d * xs[k];
            return 0;
        }
    }
    rgen(&u, st, depth - 1, xs, a);
    rgen(&v, st, depth - 1, xs, b);
    switch (op)
    {
        case 2: rfmt(out, "(%s)/(1+exp(-(%s)))", u.s, v.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] / (1 + exp(-b[k]));
            break;
        case 3: rfmt(out, "(%s)*exp(%s)/(1+exp(%s))", u.s, v.s, v.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] / (1 + exp(-b[k]));
            break;
        case 4: rfmt(out, "(exp(%s)-exp(-(%s)))/(exp(%s)+exp(-(%s)))", u.s, u.s, u.s, u.s);
            for (k = 0; k < 3; k++)
                val[k] = tanh(a[k]);
            break;
        case 5: rfmt(out, "(exp(2*(%s))-1)/(exp(2*(%s))+1)", u.s, u.s);
            for (k = 0; k < 3; k++)
                val[k] = tanh(a[k]);
            break;
        case 6: rfmt(out, "(%s)*erfc(-(%s)/sqrt(2))/2", u.s, v.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] * erfc(-b[k] / sqrt(2)) / 2;
            break;
        case 7: rfmt(out, "(1+erf((%s)/sqrt(2)))/2", u.s);
            for (k = 0; k < 3; k++)
                val[k] = (1 + erf(a[k] / sqrt(2))) / 2;
            break;
        case 8: rfmt(out, "2/(exp(%s)+exp(-(%s)))", u.s, u.s);
            for (k = 0; k < 3; k++)
                val[k] = 1 / cosh(a[k]);
            break;
        case 9: rfmt(out, "sinh(%s)/cosh(%s)^2", u.s, u.s);
            for (k = 0; k < 3; k++)
                val[k] = tanh(a[k]) / cosh(a[k]);
            break;
        case 10: rfmt(out, "log(1+exp(%s))", u.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] > 0 ? a[k] + log1p(exp(-a[k])) : log1p(exp(a[k]));
            break;
        case 11: rfmt(out, "(3*(%s))/(3*(2+(%s)^2))", u.s, v.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] / (2 + b[k] * b[k]);
            break;
        case 12: rfmt(out, "(%s)+(%s)", u.s, v.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] + b[k];
            break;
        case 13: rfmt(out, "(%s)*(2*(%s))/2", u.s, v.s);
            for (k = 0; k < 3; k++)
                val[k] = a[k] * b[k];
            break;
        case 14: rfmt(out, "tanh(%s)", u.s);
            for (k = 0; k < 3; k++)
                val[k] = tanh(a[k]);
            break;
        default: rfmt(out, "exp(%s)/(exp(%s)+exp(-(%s)))", u.s, u.s, u.s);
            for (k = 0; k < 3; k++)
                val[k] = 1 / (1 + exp(-2 * a[k]));
            break;
    }
    return 0;
}

/* the formula drawn from `seed`, its values at xs */
static void rgen_seeded(rstr *out, ulong seed, int depth, const double *xs, double *val)
{
    flint_rand_t s2;
    flint_randinit(s2);
    flint_randseed(s2, seed, seed ^ 77);
    rgen(out, s2, depth, xs, val);
    flint_randclear(s2);
}

static void test_rewrites_random(void)
{
    static const double xs[3] = { -0.83, 0.41, 1.37 };
    flint_rand_t st;
    slong it, n = sc_test_iters(200), accepted = 0;
    flint_randinit(st);
    for (it = 0; it < n; it++)
    {
        rstr f;
        double v[3], vp[3], vm[3], hh = 1e-5, xp[3], xm[3];
        sc_expr *e;
        int k, r;
        ulong seed = n_randlimb(st);
        /* the same tree at x +- h for the central difference */
        for (k = 0; k < 3; k++) { xp[k] = xs[k] + hh; xm[k] = xs[k] - hh; }
        rgen_seeded(&f, seed, 2 + (int) (it % 2), xs, v);
        rgen_seeded(&f, seed, 2 + (int) (it % 2), xp, vp);
        rgen_seeded(&f, seed, 2 + (int) (it % 2), xm, vm);
        r = sc_expr_parse(&e, f.s);
        CU_ASSERT(r == SC_OK || r == SC_ERR_INPUT);
        if (r != SC_OK)
            continue;
        accepted++;
        for (k = 0; k < 3; k++)
        {
            double d1 = (vp[k] - vm[k]) / (2 * hh);
            int ok0 = near_double(e, NULL, xs[k], 0, v[k], 1e-9), ok1 = near_double(e, NULL, xs[k], 1, d1, 1e-4);
            if (!ok0 || !ok1)
                printf("\n  %s at %g: %s\n", f.s, xs[k], ok0 ? "phi'" : "phi");
            CU_ASSERT(ok0 && ok1);
        }
        sc_expr_free(e);
    }
    /* most of them are accepted (sums of bounded pieces) */
    CU_ASSERT(accepted >= n / 2);
    flint_randclear(st);
}

static void test_growth_parameter_box(void)
{
    sc_expr *e = parse_ok("exp(b*x^2);b=-1");
    arb_ptr g = _arb_vec_init(16), p = _arb_vec_init(2);
    arb_t r;
    arb_init(r);
    arb_set_si(p, -1);
    CU_ASSERT(sc_expr_growth(g, r, 16, e, 0, p, PREC) >= 1);
    arb_set_str(p, "[0 +/- 0.5]", PREC);
    CU_ASSERT(sc_expr_growth(g, r, 16, e, 0, p, PREC) == -1);
    sc_expr_free(e);
    _arb_vec_clear(g, 16);
    _arb_vec_clear(p, 2);
    arb_clear(r);
}

SC_TEST_MAIN("expr",
             SC_TEST(test_precedence),
             SC_TEST(test_exact_numbers),
             SC_TEST(test_errors),
             SC_TEST(test_derivative),
             SC_TEST(test_kinks),
             SC_TEST(test_parity_jumps_poly),
             SC_TEST(test_growth_rules),
             SC_TEST(test_strip_modulus),
             SC_TEST(test_rewrites),
             SC_TEST(test_rewrites_random),
             SC_TEST(test_growth_parameter_box))
