/* Gaussian smoothing by certified integration (doc/model.md 2.6):
     G(a) = E[phi(a + bY)] = int phi(u) w(u) du,
     w(u) = exp(-(u - a)^2 / (2 b^2)) / (b sqrt(2 pi)),
   for a complex ball a and b > 0.  The right side is entire in a (phi has
   at most exponential growth on the real line), equal to E[phi(a + bY)]
   for real a, so it is the analytic continuation the outer integral of the
   kernel needs; phi itself is only evaluated near the real line, so no
   growth bound off the real line is needed, and the kinks of phi stay at
   fixed points of u.

   With m the exact midpoint of Re a, u = m + b y and d = (a - m)/b,
     G(a) = int phi(m + b y) phi_G(y - d) dy,
   |phi_G(y - d)| = phi_G(y) |e^{d y - d^2/2}| <= phi_G(y) e^{|Re d||y| + (Im d)^2/2}
   (since -Re(d^2) <= (Im d)^2), and |phi(m + b y)| <= e^{c|m|} e^{c b|y|}
   P(|m| + b|y|) for the growth e^{c|u|} P(|u|) of phi: the tails beyond
   |y| > R are bounded by sc_gauss_tail_bound_rate with the rate
   c b + |Re d| and the polynomial e^{c|m| + (Im d)^2/2} P(|m| + b|y|).
   The kinks of phi at u = k_i are the split points (k_i - m)/b.

   For balls a that are not points (acb_calc_integrate evaluates the
   integrand at real nodes, and on whole rectangles around the ellipses for
   its error bounds) a bound is returned: always
     |G(a)| <= e^{(Im a)^2/(2 b^2)} E|phi(Re a + bY)|
   (|w(u)| = e^{(Im a)^2/(2b^2)} times the real Gaussian density), and when
   phi is holomorphic on the strip |Im z| <= s with growth e^{c'|Re z|} Q
   (sc_expr_growth_strip) and |Im a| <= s, also |G(a)| = |E[phi(a + bY)]|
   <= E[e^{c'|Re a + bY|} Q(|Re a + bY|)] (both sides are analytic in a on
   the strip and agree on the line), which has no factor e^{(Im a)^2/2b^2}
   and keeps the outer integrator's ellipses large when b is small
   (c = (q rho + s)/(q + s) near +-1).  With kinks k_i the same holds piece
   by piece: if the continuation P_j of every piece is holomorphic on the
   strip with growth M_j, Cauchy's theorem moves each piece's integral
   from [k_j, k_{j+1}] to the path k_j -> k_j + i Im a -> k_{j+1} + i Im a
   -> k_{j+1} (the sides at infinity vanish), and with a = alpha + i eta
     |G(a)| <= E[max_j M_j(|alpha + bY|)]
             + sum_i |eta| (M_{i-1}(|k_i|) + M_i(|k_i|)) e^{(eta^2 - (k_i - alpha)^2)/(2 b^2)} / (b sqrt(2 pi)),
   the horizontal line having |w| = the real density and the vertical
   sides |w(k + iv)| <= e^{(eta^2 - (k - alpha)^2)/(2b^2)}/(b sqrt(2 pi)):
   large only near a kink, where G is genuinely large. */
#include "synccert/act.h"
#include "synccert/gauss.h"
#include "synccert/expr.h"
#include "act_expr.h"

typedef struct
{
    const sc_act_def *def;
    arb_srcptr p;
    int deriv;
    arb_t m, b;
    acb_t d;
    arb_t c;            /* 1 / sqrt(2 pi) */
    sc_act_pieces P;
    slong piece;
}
sm_ctx;

/* y -> phi(m + b y) exp(-(y - d)^2 / 2) / sqrt(2 pi) */
static int sm_f(acb_ptr out, const acb_t y, void *param, slong order, slong prec)
{
    sm_ctx *s = param;
    acb_t u, w;
    slong j;
    if (sc_budget_expired())
    {
        acb_indeterminate(out);
        return 0;
    }
    acb_init(u);
    acb_init(w);
    acb_mul_arb(u, y, s->b, prec);
    acb_add_arb(u, u, s->m, prec);
    j = s->piece >= 0 ? s->P.pp[s->piece] : -1;
    sc_act_eval_piece(s->def, out, u, s->deriv, order, j, s->p, prec);
    if (acb_is_finite(out))
    {
        acb_sub(w, y, s->d, prec);
        acb_sqr(w, w, prec);
        acb_mul_2exp_si(w, w, -1);
        acb_neg(w, w);
        acb_exp(w, w, prec);
        acb_mul(out, out, w, prec);
        acb_mul_arb(out, out, s->c, prec);
    }
    else
        acb_indeterminate(out);
    acb_clear(u);
    acb_clear(w);
    return 0;
}

/* x = exact upper bound of |x| */
static void absub(arb_t y, const arb_t x, slong prec)
{
    arb_get_abs_ubound_arf(arb_midref(y), x, prec);
    mag_zero(arb_radref(y));
}

/* B >= E[e^{c(A + b|Y|)} P(A + b|Y|)] for the growth (g, c) of phi */
static void growth_bound(arb_t B, arb_srcptr g, slong ng, const arb_t rate, const arb_t A, const arb_t b,
                         slong prec)
{
    arb_ptr h = _arb_vec_init(FLINT_MAX(ng, 1));
    arb_t f, e;
    slong nh, i;
    arb_init(f);
    arb_init(e);
    nh = sc_growth_smooth_rate(h, f, g, ng, A, b, rate, prec);
    arb_zero(B);
    for (i = 0; i < nh; i++)
        arb_add(B, B, h + i, prec);
    arb_mul(B, B, f, prec);
    arb_mul(e, rate, A, prec);
    arb_exp(e, e, prec);
    arb_mul(B, B, e, prec);
    _arb_vec_clear(h, FLINT_MAX(ng, 1));
    arb_clear(f);
    arb_clear(e);
}

/* the piecewise strip bound above; 0 if some piece has none or the ball
   leaves the strips */
static int piecewise_bound(arb_t B, const sc_act_def *def, const arb_t A, const arb_t eta, const acb_t a,
                           const arb_t b, int deriv, arb_srcptr p, slong prec)
{
    const sc_expr *E = sc_act_expr(def);
    arb_ptr k = _arb_vec_init(SC_ACT_MAX_KINKS), gmax = _arb_vec_init(SC_GROWTH_MAX), g;
    arb_ptr Mk = _arb_vec_init(2 * (SC_ACT_MAX_KINKS + 1));
    arb_t cmax, c, s, t, u, d;
    slong nk, j, i, n, nmax = 1;
    int all, ok = 1;
    if (E == NULL)
        return 0;
    nk = sc_expr_kinks(k, &all, E, p, prec);
    g = _arb_vec_init(SC_GROWTH_MAX);
    arb_init(cmax);
    arb_init(c);
    arb_init(s);
    arb_init(t);
    arb_init(u);
    arb_init(d);
    for (j = 0; j <= nk && ok; j++)
    {
        n = sc_expr_growth_strip_piece(g, c, s, SC_GROWTH_MAX, E, deriv, j, p, prec);
        if (n < 0 || !arb_le(eta, s))
        {
            ok = 0;
            break;
        }
        for (i = 0; i < n; i++)
            arb_max(gmax + i, gmax + i, g + i, prec);
        nmax = FLINT_MAX(nmax, n);
        arb_max(cmax, cmax, c, prec);
        /* M_j at |k_{j-1}| and |k_j| (the kinks bounding piece j) */
        for (i = j - 1; i <= j; i++)
        {
            arb_ptr out;
            slong l;
            if (i < 0 || i >= nk)
                continue;
            out = Mk + 2 * i + (i == j - 1 ? 1 : 0);
            absub(u, k + i, prec);
            arb_zero(t);
            for (l = n - 1; l >= 0; l--)
            {
                arb_mul(t, t, u, prec);
                arb_add(t, t, g + l, prec);
            }
            arb_mul(u, u, c, prec);
            arb_exp(u, u, prec);
            arb_mul(out, t, u, prec);
        }
    }
    if (ok)
    {
        growth_bound(B, gmax, nmax, cmax, A, b, prec);
        /* the vertical sides */
        for (i = 0; i < nk; i++)
        {
            arb_sub(d, k + i, acb_realref(a), prec);
            arb_abs(d, d);
            arb_get_lbound_arf(arb_midref(d), d, prec);
            mag_zero(arb_radref(d));
            if (arf_sgn(arb_midref(d)) < 0)
                arb_zero(d);
            arb_sqr(d, d, prec);
            arb_sqr(t, eta, prec);
            arb_sub(t, t, d, prec);
            arb_sqr(u, b, prec);
            arb_div(t, t, u, prec);
            arb_mul_2exp_si(t, t, -1);
            arb_exp(t, t, prec);
            arb_add(u, Mk + 2 * i, Mk + 2 * i + 1, prec);
            arb_mul(t, t, u, prec);
            arb_mul(t, t, eta, prec);
            arb_const_pi(u, prec);
            arb_mul_2exp_si(u, u, 1);
            arb_sqrt(u, u, prec);
            arb_mul(u, u, b, prec);
            arb_div(t, t, u, prec);
            arb_add(B, B, t, prec);
        }
        absub(B, B, prec);
    }
    _arb_vec_clear(k, SC_ACT_MAX_KINKS);
    _arb_vec_clear(gmax, SC_GROWTH_MAX);
    _arb_vec_clear(g, SC_GROWTH_MAX);
    _arb_vec_clear(Mk, 2 * (SC_ACT_MAX_KINKS + 1));
    arb_clear(cmax);
    arb_clear(c);
    arb_clear(s);
    arb_clear(t);
    arb_clear(u);
    arb_clear(d);
    return ok;
}

int _sc_act_smooth_numeric(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                          arb_srcptr p, slong prec)
{
    arb_ptr g = _arb_vec_init(SC_GROWTH_MAX), h = _arb_vec_init(SC_GROWTH_MAX);
    arb_t strip, rate, A, t, e, R, T, lo;
    slong ng, nh, i;
    int wide;

    arb_init(strip);
    arb_init(rate);
    arb_init(A);
    arb_init(t);
    arb_init(e);
    arb_init(R);
    arb_init(T);
    arb_init(lo);
    ng = def->growth(def, g, strip, deriv, p, prec);
    sc_act_rate(def, rate, deriv, p, prec);
    /* a bound suffices (and is cheaper) unless a is a real point: the
       integrator evaluates at real nodes and bounds on rectangles */
    {
        mag_t rb;
        mag_init(rb);
        arb_get_mag_lower(rb, b);
        mag_mul_2exp_si(rb, rb, -8);
        wide = !arb_is_zero(acb_imagref(a)) || mag_cmp(arb_radref(acb_realref(a)), rb) > 0;
        mag_clear(rb);
    }
    if (!_arb_vec_is_finite(g, ng) || !arb_is_finite(rate) || !arb_is_positive(b))
        acb_indeterminate(res);
    else if (wide)
    {
        arb_t eta;
        arb_init(eta);
        absub(A, acb_realref(a), prec);
        absub(eta, acb_imagref(a), prec);
        /* e^{(Im a)^2/(2 b^2)} factor e^{c A} sum h_i, A = max |Re a| */
        growth_bound(t, g, ng, rate, A, b, prec);
        arb_get_lbound_arf(arb_midref(lo), b, prec);
        mag_zero(arb_radref(lo));
        arb_sqr(lo, lo, prec);
        arb_sqr(e, eta, prec);
        arb_div(e, e, lo, prec);
        arb_mul_2exp_si(e, e, -1);
        arb_exp(e, e, prec);
        arb_mul(t, t, e, prec);
        absub(t, t, prec);
        /* on the strip: the same without the factor (piece by piece with kinks) */
        if (sc_act_expr(def) != NULL)
        {
            arb_t sr, ss;
            slong ns;
            arb_init(sr);
            arb_init(ss);
            ns = sc_expr_growth_strip(h, sr, ss, SC_GROWTH_MAX, sc_act_expr(def), deriv, p, prec);
            if (ns >= 0 && arb_le(eta, ss))
            {
                arb_ptr gs = _arb_vec_init(ns);
                _arb_vec_set(gs, h, ns);
                growth_bound(e, gs, ns, sr, A, b, prec);
                absub(e, e, prec);
                arb_min(t, t, e, prec);
                _arb_vec_clear(gs, ns);
            }
            else if (ns < 0 && piecewise_bound(e, def, A, eta, a, b, deriv, p, prec))
                arb_min(t, t, e, prec);
            arb_clear(sr);
            arb_clear(ss);
        }
        acb_zero(res);
        arb_add_error(acb_realref(res), t);
        arb_add_error(acb_imagref(res), t);
        arb_clear(eta);
    }
    else
    {
        sm_ctx s;
        acb_t r;
        arb_t bu, cm, zero;
        acb_init(r);
        arb_init(bu);
        arb_init(cm);
        arb_init(zero);
        s.def = def;
        s.p = p;
        s.deriv = deriv;
        arb_init(s.m);
        arb_init(s.b);
        acb_init(s.d);
        arb_init(s.c);
        arb_get_mid_arb(s.m, acb_realref(a));
        arb_set(s.b, b);
        acb_sub_arb(s.d, a, s.m, prec);
        acb_div_arb(s.d, s.d, b, prec);
        arb_const_pi(s.c, prec);
        arb_mul_2exp_si(s.c, s.c, 1);
        arb_rsqrt(s.c, s.c, prec);
        sc_act_pieces_init(&s.P, def, p, s.m, b, 0, prec);     /* kinks at y = (k_i - m)/b */
        /* tail growth: e^{c|m| + (Im d)^2/2} P(|m| + b|y|), rate c b + |Re d| */
        absub(A, s.m, prec);
        absub(bu, b, prec);
        nh = sc_growth_affine(h, g, ng, A, bu, prec);
        arb_mul(e, rate, A, prec);
        absub(t, acb_imagref(s.d), prec);
        arb_sqr(t, t, prec);
        arb_mul_2exp_si(t, t, -1);
        arb_add(e, e, t, prec);
        arb_exp(e, e, prec);
        for (i = 0; i < nh; i++)
            arb_mul(h + i, h + i, e, prec);
        absub(t, acb_realref(s.d), prec);
        arb_mul(cm, rate, bu, prec);
        arb_add(cm, cm, t, prec);
        absub(cm, cm, prec);
        sc_gauss_cutoff_rate(R, T, h, nh, cm, 0, prec);
        arb_neg(lo, R);
        s.piece = -1;
        sc_gauss_integrate_split(r, sm_f, &s, lo, R, s.P.split, s.P.n, &s.piece, NULL, prec);
        arb_add_error(acb_realref(r), T);
        arb_add_error(acb_imagref(r), T);
        if (acb_is_real(a))
            arb_zero(acb_imagref(r));       /* G is real for real a */
        acb_set(res, r);
        sc_act_pieces_clear(&s.P);
        arb_clear(s.m);
        arb_clear(s.b);
        acb_clear(s.d);
        arb_clear(s.c);
        acb_clear(r);
        arb_clear(bu);
        arb_clear(cm);
        arb_clear(zero);
    }
    _arb_vec_clear(g, SC_GROWTH_MAX);
    _arb_vec_clear(h, SC_GROWTH_MAX);
    arb_clear(strip);
    arb_clear(rate);
    arb_clear(A);
    arb_clear(t);
    arb_clear(e);
    arb_clear(R);
    arb_clear(T);
    arb_clear(lo);
    return 1;
}
