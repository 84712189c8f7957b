/* The dual kernel K(rho), K'(rho) (see kernel.h for the reduction to the
   normalised kernel Kt(c) and the choice of method). */
#include <string.h>
#include "synccert/kernel.h"
#include "synccert/gauss.h"
#include "trap.h"

enum { MODE_ONE, MODE_MINUS, MODE_SMOOTH, MODE_NESTED };

typedef struct
{
    const sc_act_def *def;
    arb_srcptr p;
    slong np;
    int deriv;
    int mode;
    arb_t t;        /* scale t = sqrt(q + s) */
    arb_t tc;       /* t c */
    arb_t ts;       /* t sqrt(1 - c^2) */
    arb_ptr g;      /* growth of phi^(deriv) in the strip */
    slong ng;
    arb_t strip;
    arb_t rate;     /* exponential growth rate of phi^(deriv) (act.h) */
    sc_act_pieces pc;   /* the kinks of phi(t x), phi(-t x) in x */
    slong piece;    /* piece of the line being integrated (-1: plain eval) */
    int both;       /* endpoint modes: integrate phi phi + i phi' phi' at once */
}
kctx;

/* phi^(deriv)(w) with w = t z; `flip` evaluates at -w instead.  With kinks
   the outer line is split at them (k->pc) and the analytic continuation of
   the current piece is used (sc_act_eval_piece). */
static void eval_scaled(acb_t res, const kctx *k, int deriv, const arb_t a, const acb_t z,
                        int flip, slong order, slong prec)
{
    acb_t w;
    slong j = -1;
    acb_init(w);
    acb_mul_arb(w, z, a, prec);
    if (flip)
        acb_neg(w, w);
    if (k->piece >= 0 && k->pc.n > 0)
        j = flip ? k->pc.pm[k->piece] : k->pc.pp[k->piece];
    sc_act_eval_piece(k->def, res, w, deriv, order, j, k->p, prec);
    acb_clear(w);
}

typedef struct
{
    const kctx *k;
    acb_t x;        /* outer point */
}
inner_ctx;

/* inner integrand y -> phi^(deriv)(t c x + t s' y) */
static int inner_f(acb_ptr out, const acb_t y, void *param, slong order, slong prec)
{
    inner_ctx *in = param;
    acb_t z, u;
    acb_init(z);
    acb_init(u);
    acb_mul_arb(z, in->x, in->k->tc, prec);
    acb_mul_arb(u, y, in->k->ts, prec);
    acb_add(z, z, u, prec);
    in->k->def->eval(in->k->def, out, z, in->k->deriv, order, in->k->p, prec);
    acb_clear(z);
    acb_clear(u);
    return 0;
}

/* G(x) = E[phi^(deriv)(t c x + t s' Y)], by the closed-form smoothing
   (entire in x) or by integration (nested mode).  For wide balls x, where
   only a bound is needed, the growth bound gives a certified disc directly. */
static void smoothed(acb_t res, const kctx *k, const acb_t x, slong order, slong prec)
{
    arb_t A, im;
    arb_ptr h;
    slong nh;

    arb_init(A);
    arb_init(im);

    /* Inside the strip |Im(t c x)| <= strip, phi is holomorphic and bounded
       by its growth polynomial; outside we certify nothing. */
    if (k->mode == MODE_SMOOTH)
    {
        acb_t a;
        acb_init(a);
        acb_mul_arb(a, x, k->tc, prec);
        if (!k->def->smooth(k->def, res, a, k->ts, k->deriv, k->p, prec))
            acb_indeterminate(res);
        acb_clear(a);
        goto done;
    }

    /* Nested: G is holomorphic and bounded where |Im(t c x)| <= strip. */
    arb_mul(im, acb_imagref(x), k->tc, prec);
    arb_abs(im, im);
    if (!arb_le(im, k->strip))
    {
        acb_indeterminate(res);
        goto done;
    }

    if (mag_cmp_2exp_si(arb_radref(acb_realref(x)), -8) > 0 ||
        mag_cmp_2exp_si(arb_radref(acb_imagref(x)), -8) > 0)
    {
        /* |G(x)| <= sum_j g_j E[(|t c| |Re x| + t s' |Y|)^j] */
        arb_t B, xr, bound;
        slong j;
        arb_init(B);
        arb_init(xr);
        arb_init(bound);
        h = _arb_vec_init(k->ng);
        arb_abs(A, k->tc);
        nh = sc_growth_smooth(h, k->g, k->ng, A, k->ts, prec);
        arb_get_abs_ubound_arf(arb_midref(xr), acb_realref(x), prec);
        mag_zero(arb_radref(xr));
        for (j = nh - 1; j >= 0; j--)
        {
            arb_mul(bound, bound, xr, prec);
            arb_add(bound, bound, h + j, prec);
        }
        acb_zero(res);
        arb_get_abs_ubound_arf(arb_midref(B), bound, prec);
        arb_add_error_arf(acb_realref(res), arb_midref(B));
        arb_add_error_arf(acb_imagref(res), arb_midref(B));
        _arb_vec_clear(h, k->ng);
        arb_clear(B);
        arb_clear(xr);
        arb_clear(bound);
        goto done;
    }

    {
        inner_ctx in;
        arb_t xr;
        acb_t r;
        arb_init(xr);
        acb_init(r);
        in.k = k;
        acb_init(in.x);
        acb_set(in.x, x);
        /* tail bound for real y: |Re z| <= |t c| |Re x| + t s' |y| */
        h = _arb_vec_init(k->ng);
        arb_abs(A, k->tc);
        arb_get_abs_ubound_arf(arb_midref(xr), acb_realref(x), prec);
        mag_zero(arb_radref(xr));
        arb_mul(A, A, xr, prec);
        nh = sc_growth_affine(h, k->g, k->ng, A, k->ts, prec);
        sc_gauss_expect(r, inner_f, &in, NULL, 0, h, nh, prec);
        if (acb_is_real(x))
            arb_zero(acb_imagref(r));
        acb_set(res, r);
        _arb_vec_clear(h, k->ng);
        acb_clear(in.x);
        acb_clear(r);
        arb_clear(xr);
    }
done:
    arb_clear(A);
    arb_clear(im);
}

/* outer integrand x -> phi^(deriv)(t x) * (second factor) */
/* phi^(deriv)(t x) times its partner: phi^(deriv)(+-t x) at the endpoints,
   the smoothed G(x) inside */
static int outer_product(acb_t out, const kctx *k, int deriv, const acb_t x, slong order, slong prec)
{
    acb_t f2;
    eval_scaled(out, k, deriv, k->t, x, 0, order, prec);
    if (!acb_is_finite(out))
        return 0;
    acb_init(f2);
    if (k->mode == MODE_ONE)
        acb_set(f2, out);
    else if (k->mode == MODE_MINUS)
        eval_scaled(f2, k, deriv, k->t, x, 1, order, prec);
    else
        smoothed(f2, k, x, order, prec);
    acb_mul(out, out, f2, prec);
    acb_clear(f2);
    return 1;
}

/* outer integrand; with k->both, F = (phi phi) + i (phi' phi'), both parts
   real on the real line, so one integration yields both expectations */
static int outer_f(acb_ptr out, const acb_t x, void *param, slong order, slong prec)
{
    const kctx *k = param;
    acb_t b;

    if (!outer_product(out, k, k->both ? 0 : k->deriv, x, order, prec))
    {
        acb_indeterminate(out);
        return 0;
    }
    if (k->both)
    {
        acb_init(b);
        if (!outer_product(b, k, 1, x, order, prec))
            acb_indeterminate(out);
        else
        {
            acb_mul_onei(b, b);
            acb_add(out, out, b, prec);
        }
        acb_clear(b);
    }
    return 0;
}

/* Growth h (returned length) and exponential rate of the outer integrand
   for one derivative order: |phi(t x)| <= e^{c t|x|} sum_j g_j t^j |x|^j
   times the same (ends) or the bound of G (sc_growth_smooth_rate: a
   factor times e^{c |tc| |x|}); sets k->g, k->ng, k->strip, k->rate. */
static slong outer_growth(arb_ptr h, arb_t rate, kctx *k, int deriv, slong prec)
{
    arb_ptr h1 = _arb_vec_init(SC_GROWTH_MAX), h2 = _arb_vec_init(SC_GROWTH_MAX);
    arb_t A, tp, f;
    slong n1, n2, nh, i;
    arb_init(A);
    arb_init(tp);
    arb_init(f);
    k->ng = k->def->growth(k->def, k->g, k->strip, deriv, k->p, prec);
    sc_act_rate(k->def, k->rate, deriv, k->p, prec);
    /* |phi(t x)| <= sum_j g_j t^j |x|^j */
    for (i = 0; i < k->ng; i++)
    {
        arb_pow_ui(tp, k->t, i, prec);
        arb_mul(h1 + i, k->g + i, tp, prec);
    }
    n1 = k->ng;
    arb_mul(rate, k->rate, k->t, prec);
    if (k->mode == MODE_ONE || k->mode == MODE_MINUS)
    {
        _arb_vec_set(h2, h1, n1);
        n2 = n1;
        arb_mul_2exp_si(rate, rate, 1);
    }
    else
    {
        arb_abs(A, k->tc);
        n2 = sc_growth_smooth_rate(h2, f, k->g, k->ng, A, k->ts, k->rate, prec);
        _arb_vec_scalar_mul(h2, h2, n2, f, prec);
        arb_addmul(rate, k->rate, A, prec);
    }
    nh = sc_growth_mul(h, h1, n1, h2, n2, prec);
    _arb_vec_clear(h1, SC_GROWTH_MAX);
    _arb_vec_clear(h2, SC_GROWTH_MAX);
    arb_clear(A);
    arb_clear(tp);
    arb_clear(f);
    return nh;
}

/* E[phi^(deriv)(tX) phi^(deriv)(tY)] by integration in the given mode; with
   k->both (endpoint modes) res gets the deriv-0 and res2 the deriv-1 value. */
static int kernel_integral(arb_t res, arb_t res2, kctx *k, slong prec)
{
    arb_ptr h, h2;
    slong nh, n2, i;
    arb_t rate, rate2;
    acb_t r;
    int even, st;

    k->g = _arb_vec_init(SC_GROWTH_MAX);
    arb_init(k->strip);
    arb_init(k->rate);
    arb_init(rate);
    arb_init(rate2);
    h = _arb_vec_init(SC_GROWTH_MAX);
    acb_init(r);
    if (k->both)
    {
        /* |F| <= |phi phi| + |phi' phi'| */
        h2 = _arb_vec_init(SC_GROWTH_MAX);
        n2 = outer_growth(h2, rate2, k, 1, prec);
        nh = outer_growth(h, rate, k, 0, prec);
        for (i = 0; i < n2; i++)
            arb_add(h + i, h + i, h2 + i, prec);
        nh = FLINT_MAX(nh, n2);
        arb_max(rate, rate, rate2, prec);
        _arb_vec_clear(h2, SC_GROWTH_MAX);
    }
    else
        nh = outer_growth(h, rate, k, k->deriv, prec);

    /* the kinks of phi(t x) (and of phi(-t x)) split the line; each piece
       is integrated with the continuation of its own branch */
    sc_act_pieces_init(&k->pc, k->def, k->p, NULL, k->t, k->mode == MODE_MINUS, prec);
    /* for odd or even phi at c = +-1 the integrand is even: fold onto [0, R] */
    even = (k->mode == MODE_ONE || k->mode == MODE_MINUS) &&
           (k->def->flags & (SC_ACT_ODD | SC_ACT_EVEN));
    k->piece = -1;
    st = sc_gauss_expect_split(r, outer_f, k, k->pc.split, k->pc.n, &k->piece, NULL, h, nh, rate, even, prec);
    sc_act_pieces_clear(&k->pc);
    arb_set(res, acb_realref(r));
    if (k->both)
        arb_set(res2, acb_imagref(r));

    _arb_vec_clear(k->g, SC_GROWTH_MAX);
    arb_clear(k->strip);
    arb_clear(k->rate);
    arb_clear(rate);
    arb_clear(rate2);
    _arb_vec_clear(h, SC_GROWTH_MAX);
    acb_clear(r);
    return st == SC_OK ? SC_OK : sc_budget_error(k->def->name, prec);
}

static int check_domain(const arb_t rho, const arb_t q, const arb_t s)
{
    if (!arb_is_finite(rho) || !arb_is_finite(q) || !arb_is_finite(s))
        return sc_error(SC_ERR_INPUT, "kernel: non-finite input");
    {
        arb_t unit;     /* [-1, 1] = 0 +- 1 */
        int in;
        arb_init(unit);
        mag_one(arb_radref(unit));
        in = arb_contains(unit, rho);
        arb_clear(unit);
        if (!in)
            return sc_error(SC_ERR_INPUT, "kernel: rho must lie in [-1, 1]");
    }
    if (!arb_is_positive(q))
        return sc_error(SC_ERR_INPUT, "kernel: weight variance q must be > 0");
    if (!arb_is_nonnegative(s))
        return sc_error(SC_ERR_INPUT, "kernel: bias variance s must be >= 0");
    return SC_OK;
}

static int kernel_one(arb_t out, arb_t out2, int deriv, const sc_act_def *def, arb_srcptr p, slong np,
                      const arb_t rho, const arb_t q, const arb_t s, const arb_t t2,
                      const arb_t c, const arb_t w1, int method, slong prec);

/* K'(rho) inside (-1, 1) of an activation that jumps and has no closed
   form (doc/model.md 4.4): phi' has deltas, so no integral of phi' phi'
   applies, but Kt(c) = E[phi(tX) phi(tY)] = sum_n b_n c^n with b_n >= 0
   and sum_n b_n = Kt(1) (Mehler), so for |c| <= 1 - d and h <= d/2
     |(Kt(c + h) - Kt(c - h))/(2h) - Kt'(c)| <= (h^2/6) max |Kt'''|
       <= (h^2/6) Kt(1) sum_n n(n-1)(n-2) r^{n-3} = h^2 Kt(1)/(1 - r)^4,
   r = |c| + h <= 1 - d/2: at most 16 h^2 Kt(1)/d^4.  With
   h = 2^-e, e = prec/2 + 2 log2(1/d) + 4 this is <= 2^-(prec+4) Kt(1),
   and Kt(c +- h) are computed e + 10 bits beyond prec so that their
   difference keeps prec bits.  K' = (q/t^2) Kt'. */
static int jump_derivative(arb_t out, const sc_act_def *def, arb_srcptr p, slong np,
                           const arb_t q, const arb_t s, const arb_t t2, const arb_t c, slong prec)
{
    arb_t d, h, cc, w, r0, one, Kp, Km, K1, E;
    slong e, wp, i;
    int st;
    arb_init(d); arb_init(h); arb_init(cc); arb_init(w); arb_init(r0); arb_init(one);
    arb_init(Kp); arb_init(Km); arb_init(K1); arb_init(E);
    arb_abs(d, c);
    arb_sub_ui(d, d, 1, prec + 64);
    arb_neg(d, d);
    arb_get_lbound_arf(arb_midref(d), d, 64);
    mag_zero(arb_radref(d));
    if (!arb_is_positive(d))
    {
        /* c within its radius of +-1: no enclosure at this precision */
        arb_indeterminate(out);
        st = SC_OK;
        goto cleanup;
    }
    /* d >= 2^(k-1), so log2(1/d) <= 1 - k */
    e = prec / 2 + 2 * (1 - arf_abs_bound_lt_2exp_si(arb_midref(d))) + 4;
    if (e > 100000)
    {
        st = sc_error(SC_ERR_UNSUPPORTED, "%s: K' next to rho = +-1 needs too much precision", def->name);
        goto cleanup;
    }
    wp = prec + e + 10;
    arb_one(h);
    arb_mul_2exp_si(h, h, -e);
    arb_zero(r0);                       /* any rho that is not an end */
    for (st = SC_OK, i = 0; i < 2 && st == SC_OK; i++)
    {
        /* Kt at c +- h, with 1 - cc^2 = (1 - cc)(1 + cc) */
        if (i == 0)
            arb_add(cc, c, h, wp);
        else
            arb_sub(cc, c, h, wp);
        arb_sub_ui(w, cc, 1, wp);
        arb_neg(w, w);
        arb_add_ui(one, cc, 1, wp);
        arb_mul(w, w, one, wp);
        st = kernel_one(i == 0 ? Kp : Km, NULL, 0, def, p, np, r0, q, s, t2, cc, w, SC_KM_AUTO, wp);
    }
    if (st == SC_OK)
    {
        arb_one(one);
        arb_zero(w);
        st = kernel_one(K1, NULL, 0, def, p, np, one, q, s, t2, one, w, SC_KM_AUTO, 64);
    }
    if (st == SC_OK)
    {
        arb_sub(out, Kp, Km, wp);
        arb_mul_2exp_si(out, out, e - 1);
        /* E = 16 h^2 Kt(1) / d^4 */
        arb_get_abs_ubound_arf(arb_midref(E), K1, 64);
        mag_zero(arb_radref(E));
        arb_mul_2exp_si(E, E, 4 - 2 * e);
        arb_pow_ui(w, d, 4, 64);
        arb_div(E, E, w, 64);
        arb_add_error(out, E);
        arb_mul(out, out, q, prec);
        arb_div(out, out, t2, prec);
    }
cleanup:
    arb_clear(d); arb_clear(h); arb_clear(cc); arb_clear(w); arb_clear(r0); arb_clear(one);
    arb_clear(Kp); arb_clear(Km); arb_clear(K1); arb_clear(E);
    return st;
}

/* One of K (deriv 0) or K' (deriv 1); with out2 != NULL (endpoints only,
   integration only) K into out and K' into out2 from one integration.
   w = 1 - c^2, computed by the caller as (1 - c)(1 + c) from rho, q, s. */
static int kernel_one(arb_t out, arb_t out2, int deriv, const sc_act_def *def, arb_srcptr p, slong np,
                      const arb_t rho, const arb_t q, const arb_t s, const arb_t t2,
                      const arb_t c, const arb_t w1, int method, slong prec)
{
    kctx k;
    arb_t sp;
    int st = SC_OK, at_one, at_minus, done = 0, bad;

    /* a forced method that does not apply is bad input; under auto the
       same gap is a limitation */
    bad = method == SC_KM_AUTO ? SC_ERR_UNSUPPORTED : SC_ERR_INPUT;
    at_one = arb_is_one(rho);
    at_minus = arb_equal_si(rho, -1) && arb_is_zero(s);

    if (method == SC_KM_AUTO || method == SC_KM_CLOSED)
    {
        if (def->kernel != NULL)
        {
            arb_t Kt;
            arb_init(Kt);
            done = deriv == 0 ? def->kernel(def, Kt, NULL, c, t2, p, prec)
                              : def->kernel(def, NULL, Kt, c, t2, p, prec);
            if (done)
            {
                if (deriv == 1)
                {
                    if (arb_is_finite(Kt))
                    {
                        arb_mul(Kt, Kt, q, prec);   /* K' = (q / t^2) Kt'(c) */
                        arb_div(Kt, Kt, t2, prec);
                    }
                }
                arb_set(out, Kt);
            }
            arb_clear(Kt);
        }
        if (done)
            return SC_OK;
        if (method == SC_KM_CLOSED)
            return sc_error(SC_ERR_INPUT, "%s has no closed-form kernel", def->name);
    }

    if (deriv == 1 && (def->flags & SC_ACT_JUMP))
    {
        if (at_one || at_minus)
        {
            arb_pos_inf(out);
            return SC_OK;
        }
        if (method == SC_KM_AUTO)
            return jump_derivative(out, def, p, np, q, s, t2, c, prec);
        return sc_error(bad, "%s: K' needs the closed form or auto (phi' is a delta)", def->name);
    }

    memset(&k, 0, sizeof(k));
    k.def = def;
    k.p = p;
    k.np = np;
    k.deriv = deriv;
    k.both = (out2 != NULL);
    arb_init(k.t);
    arb_init(k.tc);
    arb_init(k.ts);
    arb_sqrt(k.t, t2, prec + 64);

    arb_init(sp);
    if (at_one || at_minus)
        k.mode = at_one ? MODE_ONE : MODE_MINUS;
    else if (!arb_is_positive(w1))
    {
        /* 1 - c^2 is not certified positive at this precision (c within
           about 2^-prec of +-1, or a wide rho): no enclosure here.  The
           outputs are left indeterminate and the caller's precision loop
           raises the precision (rho = +-1 themselves are exact ends). */
        arb_indeterminate(out);
        if (out2 != NULL)
            arb_indeterminate(out2);
        k.mode = -1;
    }
    else
    {
        /* s' = sqrt(1 - c^2) */
        arb_sqrt(sp, w1, prec + 64);
        arb_mul(k.ts, k.t, sp, prec + 64);
        arb_mul(k.tc, k.t, c, prec + 64);
        if (method == SC_KM_NESTED || method == SC_KM_LATTICE ||
            ((method == SC_KM_AUTO) && def->smooth == NULL))
        {
            k.mode = MODE_NESTED;
            if (method != SC_KM_LATTICE       /* the rules check their own conditions */
                && ((def->flags & (SC_ACT_KINK0 | SC_ACT_JUMP)) || def->kinks != NULL || def->rate != NULL))
                st = sc_error(bad, "%s: nested integration needs an analytic activation "
                              "with polynomial growth in a strip", def->name);
        }
        else
        {
            k.mode = MODE_SMOOTH;
            if (def->smooth == NULL)
                st = sc_error(bad, "%s has no closed-form Gaussian smoothing", def->name);
        }
    }
    if (st == SC_OK && k.mode >= 0)
    {
        /* analytic activations: the trapezoidal rules (auto, lattice), else
           acb integration (nested, smooth, kinks) */
        int trap = SC_ERR_UNSUPPORTED;
        /* an expression without a closed-form kernel smooths by numerical
           integration, so its MODE_SMOOTH is nested integration too: the
           rules come first when its strip bound allows them */
        int inside = k.mode == MODE_NESTED
                     || (k.mode == MODE_SMOOTH && (def->flags & SC_ACT_EXPR) && def->kernel == NULL);
        if (method == SC_KM_LATTICE || (method == SC_KM_AUTO && (k.mode != MODE_SMOOTH || inside)))
            trap = _sc_kernel_trap(out, out2, deriv, def, p, k.t, inside ? c : NULL, sp,
                                   k.mode == MODE_MINUS, prec);
        if (trap == SC_OK)
            st = SC_OK;
        else if (method == SC_KM_LATTICE)     /* forced where it does not apply: bad input */
            st = trap == SC_ERR_INPUT
                 ? sc_error(SC_ERR_INPUT, "%s: the lattice method needs an activation analytic in a strip", def->name)
                 : sc_error(SC_ERR_UNSUPPORTED, "%s: the lattice method needs over 2^22 nodes per axis here", def->name);
        else
            st = kernel_integral(out, out2, &k, prec);
    }
    if (st == SC_OK && k.mode >= 0 && deriv == 1)
        arb_mul(out, out, q, prec);  /* K' = q E[phi'(U) phi'(V)] */
    if (st == SC_OK && k.mode >= 0 && out2 != NULL)
        arb_mul(out2, out2, q, prec);

    arb_clear(sp);
    arb_clear(k.t);
    arb_clear(k.tc);
    arb_clear(k.ts);
    return st;
}

int sc_kernel_eval(arb_t K, arb_t dK, const sc_act_def *def, arb_srcptr p, slong np,
                   const arb_t rho, const arb_t q, const arb_t s, int method, slong prec)
{
    arb_t t2, c, w1, u;
    slong wp;
    int st;

    if ((st = check_domain(rho, q, s)) != SC_OK)
        return st;
    arb_init(t2);
    arb_init(c);
    arb_init(w1);
    arb_init(u);
    /* t^2, c and 1 - c^2 64 bits beyond prec: as tight as the inputs allow
       (the integrals are sensitive to c in proportion to t) */
    wp = prec + 64;
    arb_add(t2, q, s, wp);
    arb_mul(c, q, rho, wp);
    arb_add(c, c, s, wp);
    arb_div(c, c, t2, wp);
    /* 1 - c^2 = (1 - c)(1 + c) with 1 - c = q (1 - rho) / t^2 and
       1 + c = (q (1 + rho) + 2 s) / t^2: no cancellation next to c = +-1 */
    arb_sub_ui(w1, rho, 1, wp);
    arb_neg(w1, w1);
    arb_mul(w1, w1, q, wp);
    arb_add_ui(u, rho, 1, wp);
    arb_mul(u, u, q, wp);
    arb_addmul_ui(u, s, 2, wp);
    arb_mul(w1, w1, u, wp);
    arb_sqr(u, t2, wp);
    arb_div(w1, w1, u, wp);
    if (arb_is_one(rho))
        arb_one(c);                 /* exact endpoints stay exact */
    else if (arb_equal_si(rho, -1) && arb_is_zero(s))
        arb_set_si(c, -1);
    /* both at an endpoint, by integration: one pass (phi phi + i phi' phi') */
    if (K != NULL && dK != NULL && (arb_is_one(c) || arb_equal_si(c, -1)) &&
        !(def->flags & SC_ACT_JUMP) && method != SC_KM_CLOSED &&
        !(method == SC_KM_AUTO && def->kernel != NULL))
        st = kernel_one(K, dK, 0, def, p, np, rho, q, s, t2, c, w1, method, prec);
    else
    {
        if (K != NULL)
            st = kernel_one(K, NULL, 0, def, p, np, rho, q, s, t2, c, w1, method, prec);
        if (st == SC_OK && dK != NULL)
            st = kernel_one(dK, NULL, 1, def, p, np, rho, q, s, t2, c, w1, method, prec);
    }
    arb_clear(t2);
    arb_clear(c);
    arb_clear(w1);
    arb_clear(u);
    return st;
}
