/* The dual kernel of an analytic activation by certified trapezoidal rules
   (doc/model.md section 8.12): E[f(tX) f(+-tX)] at the ends by one rule on
   the line, E[f(tX) f(t(cX + s'Y))] inside by a product rule on a grid of
   the plane, both with explicit error bounds from the growth of f in its
   strip of analyticity (the `growth` contract of act.h).

   Why: the nested integration of src/kernel/eval.c evaluates phi at
   (outer nodes) x (inner nodes) points; the product rule on a lattice
   needs phi only on a line of points (the values t (c x_i + s' y_j) fall
   on one arithmetic progression when c h = s' k), and its double sum is
   one convolution.  The sums are in src/kernel/trap_sums.c. */
#include <math.h>
#include "synccert/expr.h"
#include "trap.h"

double _sc_trap_lo(const arb_t x)
{
    arf_t t;
    double d;
    if (!arb_is_finite(x))
        return -INFINITY;
    arf_init(t);
    arb_get_lbound_arf(t, x, 53);
    d = arf_get_d(t, ARF_RND_FLOOR);
    arf_clear(t);
    return d;
}

double _sc_trap_hi(const arb_t x)
{
    arf_t t;
    double d;
    if (!arb_is_finite(x))
        return INFINITY;
    arf_init(t);
    arb_get_ubound_arf(t, x, 53);
    d = arf_get_d(t, ARF_RND_CEIL);
    arf_clear(t);
    return d;
}

void _sc_trap_scaled_growth(arb_ptr out, arb_srcptr g, slong ng, const arb_t t, slong prec)
{
    arb_t tp, tu;
    slong j;
    arb_init(tp);
    arb_init(tu);
    arb_get_ubound_arf(arb_midref(tu), t, prec);
    mag_zero(arb_radref(tu));
    arb_one(tp);
    for (j = 0; j < ng; j++)
    {
        arb_mul(out + j, g + j, tp, prec);
        arb_get_ubound_arf(arb_midref(out + j), out + j, prec);
        mag_zero(arb_radref(out + j));
        arb_mul(tp, tp, tu, prec);
    }
    arb_clear(tp);
    arb_clear(tu);
}

/* An expression claims only the real line in `growth`; its strip rules
   (src/expr/strip.c) give holomorphy and a bound on each candidate strip.
   A wider strip allows a longer step, a larger bound asks for a shorter
   one: take the candidate with the longest step of the 1-D rule
   (sc_trap_step with M = E[P(t|X|)^2], the estimate the rules use), among
   those with polynomial bounds (rate 0), widest first until the step
   stops growing (the rules are run per parameter box, so candidates are
   not tried for nothing).  No candidate: strip 0.  The choice affects
   only the cost: every candidate's bound is proved. */
static void expr_strip(sc_trap_fn *T, const sc_act_def *def, arb_srcptr p, int deriv,
                       const arb_t t, slong prec)
{
    const sc_expr *e = sc_act_expr(def);
    arb_ptr g = _arb_vec_init(SC_GROWTH_MAX), q = _arb_vec_init(SC_GROWTH_MAX),
            P = _arb_vec_init(2 * SC_GROWTH_MAX);
    arb_t rate, M;
    double td = _sc_trap_hi(t), best = 0, logtol = -(prec + 5) * 0.6931471805599453;
    slong k, n, np;
    arb_init(rate); arb_init(M);
    T->ng = 0;
    arb_zero(T->strip);
    for (k = 0; k < SC_EXPR_NSTRIPS; k++)
    {
        double hk, md;
        n = sc_expr_growth_strip_at(g, rate, SC_GROWTH_MAX, e, deriv, k, p, prec);
        if (n <= 0 || !arb_is_zero(rate))
            continue;
        _sc_trap_scaled_growth(q, g, n, t, 64);
        np = sc_growth_mul(P, q, n, q, n, 64);
        sc_gauss_poly_moment(M, P, np, 64);
        md = _sc_trap_hi(M);
        if (!(md > 0) || !isfinite(md))
            continue;
        hk = sc_trap_step(sc_expr_strip(k) / td, log(md), logtol, NULL);
        if (hk <= best)
            break;      /* narrower strips only shorten the step further */
        {
            best = hk;
            T->ng = n;
            _arb_vec_set(T->g, g, n);
            arb_set_d(T->strip, sc_expr_strip(k));
            T->e = e;
        }
    }
    _arb_vec_clear(g, SC_GROWTH_MAX);
    _arb_vec_clear(q, SC_GROWTH_MAX);
    _arb_vec_clear(P, 2 * SC_GROWTH_MAX);
    arb_clear(rate); arb_clear(M);
}

int _sc_trap_fn_init(sc_trap_fn *T, const sc_act_def *def, arb_srcptr p, int deriv,
                     const arb_t t, slong prec)
{
    slong j;
    T->def = def;
    T->e = NULL;
    T->bprec = prec + 64;
    T->p = p;
    T->deriv = deriv;
    T->polls = 0;
    T->expired = 0;
    arb_init(T->t);
    arb_set(T->t, t);
    arb_init(T->strip);
    T->g = _arb_vec_init(SC_GROWTH_MAX);
    T->ng = def->growth(def, T->g, T->strip, deriv, p, prec);
    if (!arb_is_positive(T->strip) && sc_act_expr(def) != NULL && arb_is_finite(t))
        expr_strip(T, def, p, deriv, t, prec);
    for (j = 0; j < T->ng; j++)
    {
        arb_get_abs_ubound_arf(arb_midref(T->g + j), T->g + j, prec);
        mag_zero(arb_radref(T->g + j));
        T->gd[j] = _sc_trap_hi(T->g + j);
    }
    return arb_is_positive(T->strip) && T->ng > 0 && arb_is_finite(T->t)
           && arb_is_positive(T->t);
}

void _sc_trap_fn_clear(sc_trap_fn *T)
{
    arb_clear(T->t);
    arb_clear(T->strip);
    _arb_vec_clear(T->g, SC_GROWTH_MAX);
}

void _sc_trap_eval(arb_t res, sc_trap_fn *T, const arb_t u, slong wp)
{
    acb_t z, w;
    if (++T->polls >= 64)
    {
        T->polls = 0;
        if (sc_budget_expired())
            T->expired = 1;
    }
    if (T->expired)
    {
        arb_indeterminate(res);
        return;
    }
    acb_init(z);
    acb_init(w);
    arb_set(acb_realref(z), u);
    if (T->e != NULL)
        sc_expr_eval_bp(w, T->e, z, T->deriv, 0, -1, T->p, T->bprec, wp);
    else
        T->def->eval(T->def, w, z, T->deriv, 0, T->p, wp);
    /* phi is real on the real line: the real part encloses it */
    arb_set(res, acb_realref(w));
    if (!arb_is_finite(res))
        arb_indeterminate(res);
    acb_clear(z);
    acb_clear(w);
}

double _sc_trap_log2_growth(const sc_trap_fn *T, double u)
{
    double mx = -1e300, s = 0, lu = log2(fabs(u) + 1e-300), l[SC_GROWTH_MAX];
    slong j;
    for (j = 0; j < T->ng; j++)
    {
        l[j] = T->gd[j] > 0 ? log2(T->gd[j]) + j * lu : -1e300;
        if (l[j] > mx)
            mx = l[j];
    }
    if (mx < -1000)
        return -1000;
    for (j = 0; j < T->ng; j++)
        s += exp2(l[j] - mx);
    return mx + log2(s);
}

void _sc_trap_growth_ball(arb_t res, const sc_trap_fn *T, const arb_t u, slong prec)
{
    arb_t a, b;
    slong j;
    arb_init(a);
    arb_init(b);
    arb_get_abs_ubound_arf(arb_midref(a), u, prec);
    mag_zero(arb_radref(a));
    for (j = T->ng - 1; j >= 0; j--)
    {
        arb_mul(b, b, a, prec);
        arb_add(b, b, T->g + j, prec);
    }
    arb_zero(res);
    arb_add_error(res, b);
    arb_clear(a);
    arb_clear(b);
}

/* log2 of phi_G(x) */
static double log2_gauss(double x)
{
    return -x * x / 2 * 1.4426950408889634 - 1.3257480647361593;
}

void _sc_trap_row(arb_ptr a, sc_trap_fn *T, const arb_t h, slong N, slong bits)
{
    arb_ptr w = _arb_vec_init(N + 1);
    arb_t x, u, zero;
    double hd = _sc_trap_hi(h), td = _sc_trap_hi(T->t);
    int par = (T->def->flags & SC_ACT_ODD) ? (T->deriv ? 1 : -1)
            : (T->def->flags & SC_ACT_EVEN) ? (T->deriv ? -1 : 1) : 0;
    slong i, s;
    arb_init(x);
    arb_init(u);
    arb_init(zero);
    sc_gauss_grid_weights(w, N + 1, zero, h, bits + 16);
    for (i = 0; i <= N; i++)
        for (s = 1; s >= -1; s -= 2)
        {
            arb_ptr out = a + N + s * i;
            double lm;
            if (i == 0 && s < 0)
                continue;
            if (s < 0 && par != 0)
            {
                if (par > 0)
                    arb_set(out, a + N + i);
                else
                    arb_neg(out, a + N + i);
                continue;
            }
            lm = _sc_trap_log2_growth(T, td * i * hd) + log2_gauss(i * hd);
            arb_mul_si(x, h, s * i, bits + 16);
            arb_mul(u, x, T->t, bits + 16);
            if (lm < -bits)
                _sc_trap_growth_ball(out, T, u, 30);
            else
            {
                slong wp = FLINT_MAX(20, bits + 3 + (slong) ceil(lm));
                arb_mul(u, x, T->t, wp);
                _sc_trap_eval(out, T, u, wp);
            }
            arb_mul(out, out, w + i, bits + 16);
        }
    _arb_vec_clear(w, N + 1);
    arb_clear(x);
    arb_clear(u);
    arb_clear(zero);
}

double _sc_trap_cutoff(arb_srcptr c, slong n, slong bits)
{
    arb_t R, T;
    double r;
    arb_init(R);
    arb_init(T);
    sc_gauss_cutoff(R, T, c, n, 0, bits);
    r = _sc_trap_hi(R);
    if (r * r < n)
        r = sqrt((double) n) + 1;
    arb_clear(R);
    arb_clear(T);
    return r;
}

int _sc_kernel_trap_ends(arb_t res, arb_t res2, sc_trap_fn *f, sc_trap_fn *f2,
                         int minus, int even, slong prec)
{
    sc_trap_fn *F[2] = { f, f2 };
    arb_ptr P[2], tot[2];
    slong np[2], nf = f2 ? 2 : 1, k, i, N, s;
    arb_t a, h, M, E, x, u, v, X, zero;
    arb_ptr w;
    double ad, hd, md = 0, stripd, Rd = 0, lm;
    int fold = minus || even;

    arb_init(a); arb_init(h); arb_init(M); arb_init(E);
    arb_init(x); arb_init(u); arb_init(v); arb_init(X); arb_init(zero);
    stripd = INFINITY;
    for (k = 0; k < nf; k++)
    {
        arb_ptr q = _arb_vec_init(SC_GROWTH_MAX);
        P[k] = _arb_vec_init(2 * SC_GROWTH_MAX);
        tot[k] = _arb_vec_init(1);
        _sc_trap_scaled_growth(q, F[k]->g, F[k]->ng, F[k]->t, prec);   /* P(t|x|) */
        np[k] = sc_growth_mul(P[k], q, F[k]->ng, q, F[k]->ng, prec);   /* P(t|x|)^2 */
        _arb_vec_clear(q, SC_GROWTH_MAX);
        sc_gauss_poly_moment(M, P[k], np[k], 64);
        md = FLINT_MAX(md, _sc_trap_hi(M));
        arb_div(u, F[k]->strip, F[k]->t, 64);
        stripd = FLINT_MIN(stripd, _sc_trap_lo(u));
        Rd = FLINT_MAX(Rd, _sc_trap_cutoff(P[k], np[k], prec + 4));
    }
    /* error budget: 2^-(prec+5) for the rule, 2^-(prec+8) for the tails,
       about 2^-(prec+4) for the evaluations */
    hd = sc_trap_step(stripd, log(md), -(prec + 5) * 0.6931471805599453, &ad);
    arb_set_d(h, hd);
    arb_set_d(a, ad);
    if (!(Rd / hd < SC_TRAP_MAX_NODES))
    {
        for (k = 0; k < nf; k++)
        {
            _arb_vec_clear(P[k], 2 * SC_GROWTH_MAX);
            _arb_vec_clear(tot[k], 1);
        }
        arb_clear(a); arb_clear(h); arb_clear(M); arb_clear(E);
        arb_clear(x); arb_clear(u); arb_clear(v); arb_clear(X); arb_clear(zero);
        return SC_ERR_UNSUPPORTED;
    }
    N = (slong) ceil(Rd / hd);
    w = _arb_vec_init(N + 1);
    sc_gauss_grid_weights(w, N + 1, zero, h, prec + 16);
    for (k = 0; k < nf; k++)
        arb_zero(tot[k]);
    for (i = 0; i <= N; i++)
    {
        double xd = i * hd;
        for (k = 0; k < nf; k++)
        {
            /* weight bound of this node, for its precision: the errors of
               all nodes then add up to about 2^-(prec+4) */
            lm = log2_gauss(xd) + 2 * _sc_trap_log2_growth(F[k], _sc_trap_hi(F[k]->t) * xd)
                 + log2(2 * Rd + 1);
            arb_zero(v);
            for (s = 1; s >= -1; s -= 2)
            {
                if (s < 0 && (i == 0 || fold))
                    break;
                arb_mul_si(x, h, s * i, prec + 16);
                if (lm < -prec - 6)
                {
                    /* |f(tx) f(+-tx)| <= P(t|x|)^2 */
                    arb_mul(u, x, F[k]->t, 30);
                    _sc_trap_growth_ball(X, F[k], u, 30);
                    arb_sqr(u, X, 30);
                    arb_add(v, v, u, prec + 16);
                }
                else
                {
                    slong wp = FLINT_MAX(20, prec + 4 + (slong) ceil(lm));
                    arb_mul(u, x, F[k]->t, wp);
                    _sc_trap_eval(X, F[k], u, wp);
                    if (minus)
                    {
                        arb_neg(u, u);
                        _sc_trap_eval(u, F[k], u, wp);
                        arb_mul(X, X, u, wp);
                    }
                    else
                        arb_sqr(X, X, wp);
                    arb_add(v, v, X, prec + 16);
                }
            }
            if (fold && i > 0)
                arb_mul_2exp_si(v, v, 1);
            arb_addmul(tot[k], v, w + i, prec + 16);
        }
    }
    /* errors: the rule (sc_trap_error with M = e^{a^2/2} E[P(t|X|)^2]) and
       the two tails beyond X = N h (sc_gauss_tail_bound, monotone there) */
    arb_mul_si(X, h, N, prec);
    for (k = 0; k < nf; k++)
    {
        arb_ptr out = k ? res2 : res;
        sc_gauss_poly_moment(M, P[k], np[k], prec);
        arb_sqr(u, a, prec);
        arb_mul_2exp_si(u, u, -1);
        arb_exp(u, u, prec);
        arb_mul(M, M, u, prec);
        sc_trap_error(E, a, h, M, prec);
        sc_gauss_tail_bound(u, X, P[k], np[k], prec);
        arb_add(E, E, u, prec);
        arb_mul(out, tot[k], h, prec);
        arb_add_error(out, E);
        if (F[k]->expired)
            arb_indeterminate(out);
        _arb_vec_clear(P[k], 2 * SC_GROWTH_MAX);
        _arb_vec_clear(tot[k], 1);
    }
    _arb_vec_clear(w, N + 1);
    arb_clear(a); arb_clear(h); arb_clear(M); arb_clear(E);
    arb_clear(x); arb_clear(u); arb_clear(v); arb_clear(X); arb_clear(zero);
    return SC_OK;
}

int _sc_kernel_trap(arb_t out, arb_t out2, int deriv, const sc_act_def *def, arb_srcptr p,
                    const arb_t t, const arb_t c, const arb_t sp, int minus, slong prec)
{
    sc_trap_fn f, f2;
    int ok, st = SC_ERR_INPUT;
    if (def->flags & (SC_ACT_KINK0 | SC_ACT_JUMP))
        return st;
    ok = _sc_trap_fn_init(&f, def, p, out2 != NULL ? 0 : deriv, t, prec);
    _sc_trap_fn_init(&f2, def, p, 1, t, prec);
    ok = ok && (out2 == NULL || arb_is_positive(f2.strip));
    if (ok && c != NULL)
        st = _sc_kernel_trap_inner(out, &f, c, sp, prec);
    else if (ok)
        st = _sc_kernel_trap_ends(out, out2, &f, out2 != NULL ? &f2 : NULL, minus,
                                  (def->flags & (SC_ACT_ODD | SC_ACT_EVEN)) != 0, prec);
    _sc_trap_fn_clear(&f);
    _sc_trap_fn_clear(&f2);
    return st;
}
