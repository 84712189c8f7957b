/* Growth bounds of an expression on the real line: an abstract
   interpretation over the tree (doc/model.md 2.6).  Every node f gets
     - a range [lo, hi] (exact, possibly infinite) of f(x) over real x;
     - a magnitude bound |f(x)| <= e^{c|x|} sum_j g_j |x|^j (c, g_j >= 0);
     - optional linear envelopes f(x) <= U0 + U1|x| and -f(x) <= D0 + D1|x|
       (U1, D1 >= 0), which exp, sinh, cosh and softplus need.
   A node whose range is bounded gets the constant magnitude max(|lo|, |hi|).
   The rules (each is an elementary inequality; t = |x| >= 0):
     constants: the ball's bounds.  x: range R, magnitude t.
     u + v, u - v: e^{max(c_u, c_v) t} (P_u + P_v) since e^{c t} is
       increasing in c; envelopes add (U of u - v is U_u + D_v).
     u v: e^{(c_u + c_v) t} P_u P_v; u u >= 0 (the same node twice).  With a constant factor k in
       [kl, kh], kl >= 0: k u <= kh u+ <= kh (U0+ + U1 t) (and likewise the
       other signs).
     u / v: v's range must exclude 0; |u/v| <= M_u / min|v|.
     u^n (n >= 1): e^{n c t} P^n; u^-n: v's range excludes 0, |u|^-n <= min|u|^-n;
     u^r, r = k + f not an integer: u's range must be > 0;
       P^r <= P^k sum_j g_j^f (1 + t^ceil(j f)), by (a + b)^f <= a^f + b^f
       (0 < f < 1) and t^(jf) <= 1 + t^ceil(jf); r < 0: <= (lo)^r.
     exp(u): needs U: |e^u| <= e^{U0} e^{U1 t}; expm1(u): <= (e^{U0} + 1) e^{U1 t}.
       Without U (e.g. exp(x^2)) the expression is rejected.
     log(u): lo > 0 and |log u| <= |log lo| + log+ M_u(t)
       <= |log lo| + log+ G + (c + d) t (P(t) <= G (1 + t)^d, G = sum g_j,
       d the degree, log(1 + t) <= t); log1p(u) = log(1 + u) with lo > -1.
     sqrt(u): lo > 0, the fractional rule with r = 1/2.
     abs, relu, gelu: |f| <= |u| (|u Phi(u)| <= |u|); gelu >= -0.4 because
       |u| Phi(u) <= phi(u) <= 1/sqrt(2 pi) for u < 0 (Mills' ratio).
     sign, step, tanh, sin, cos, erf, erfc, sigmoid, Phi, atan: bounded ranges.
     max, min: e^{max c t} (coefficientwise max of P_u, P_v).
     sinh(u), cosh(u): <= e^{|u|}, with |u| <= L0 + L1 t from the magnitude
       (c = 0, degree <= 1) or the two envelopes.
     softplus(u) = log(1 + e^u) in (0, u+ + log 2]: <= U0+ + log 2 + U1 t, or
       <= M_u + log 2. */
#include <string.h>
#include "growth_av.h"

/* constant nodes: the ball's range and magnitude */
static void const_node(av *v, const acb_t c, slong prec)
{
    arb_get_lbound_arf(v->lo, acb_realref(c), prec);
    arb_get_ubound_arf(v->hi, acb_realref(c), prec);
    set_const_mag(v, acb_realref(c), prec);
}

/* sum g_j (the value of the polynomial at t = 1), rounded up */
static void poly_sum(arb_t G, const av *a, slong prec)
{
    slong j;
    arb_zero(G);
    for (j = 0; j < a->ng; j++)
        arb_add(G, G, a->g + j, prec);
    ub(G, prec);
}

/* |log w| <= |log lo| + log+ G + (c + d) t for w >= lo > 0 with magnitude
   e^{c t} P(t), G = P(1) = sum g_j, d = deg P (the log rule) */
static void log_rule(av *v, const arf_t lo, const av *w, slong prec)
{
    arb_t a, G;
    arb_init(a);
    arb_init(G);
    set_len(v, 2);
    arb_set_arf(a, lo);
    arb_log(a, a, prec);
    arb_abs(v->g, a);
    poly_sum(G, w, prec);
    arb_log(a, G, prec);
    if (!arb_is_nonpositive(a))
        arb_add(v->g, v->g, a, prec);
    arb_add_si(v->g + 1, w->c, w->ng - 1, prec);
    arb_zero(v->c);
    arb_clear(a);
    arb_clear(G);
}

static const char *node_rule(av *v, const sc_expr *e, slong i, av *vals, slong prec)
{
    const sc_enode *n = e->nodes + i;
    av *A = n->a >= 0 ? vals + n->a : NULL, *B = n->b >= 0 ? vals + n->b : NULL;
    arf_t m;
    arb_t t;
    const char *why = NULL;
    slong j;

    arf_init(m);
    arb_init(t);
    v->hu = v->hd = 0;
    switch (n->op)
    {
        case E_X:
            arf_neg_inf(v->lo);
            arf_pos_inf(v->hi);
            set_len(v, 2);
            arb_one(v->g + 1);
            arb_zero(v->c);
            break;
        case E_ADD: case E_SUB:
            if (n->op == E_ADD)
            {
                arf_add(v->lo, A->lo, B->lo, prec, ARF_RND_FLOOR);
                arf_add(v->hi, A->hi, B->hi, prec, ARF_RND_CEIL);
            }
            else
            {
                arf_sub(v->lo, A->lo, B->hi, prec, ARF_RND_FLOOR);
                arf_sub(v->hi, A->hi, B->lo, prec, ARF_RND_CEIL);
            }
            set_len(v, FLINT_MAX(A->ng, B->ng));
            for (j = 0; j < A->ng; j++) arb_add(v->g + j, v->g + j, A->g + j, prec);
            for (j = 0; j < B->ng; j++) arb_add(v->g + j, v->g + j, B->g + j, prec);
            arb_max(v->c, A->c, B->c, prec);
            {
                const av *P = B;
                int hu = n->op == E_ADD ? P->hu : P->hd, hd = n->op == E_ADD ? P->hd : P->hu;
                if (A->hu && hu)
                {
                    arb_add(v->U0, A->U0, n->op == E_ADD ? P->U0 : P->D0, prec);
                    arb_add(v->U1, A->U1, n->op == E_ADD ? P->U1 : P->D1, prec);
                    v->hu = 1;
                }
                if (A->hd && hd)
                {
                    arb_add(v->D0, A->D0, n->op == E_ADD ? P->D0 : P->U0, prec);
                    arb_add(v->D1, A->D1, n->op == E_ADD ? P->D1 : P->U1, prec);
                    v->hd = 1;
                }
            }
            break;
        case E_NEG:
            arf_neg(v->lo, A->hi);
            arf_neg(v->hi, A->lo);
            poly_copy(v, A);
            v->hu = A->hd; v->hd = A->hu;
            arb_set(v->U0, A->D0); arb_set(v->U1, A->D1);
            arb_set(v->D0, A->U0); arb_set(v->D1, A->U1);
            break;
        case E_MUL:
            rng_mul(v->lo, v->hi, A->lo, A->hi, B->lo, B->hi, prec);
            if (n->a == n->b && arf_sgn(v->lo) < 0)
                arf_zero(v->lo);            /* u u = u^2 >= 0 */
            if (!poly_mul(v, A, B, prec))
                why = "growth of degree above 135";
            if (!e->nodes[n->a].hasx)
                env_scale(v, B, A->lo, A->hi, prec);
            else if (!e->nodes[n->b].hasx)
                env_scale(v, A, B->lo, B->hi, prec);
            break;
        case E_DIV:
            rng_absmin(m, B->lo, B->hi);
            if (!arf_is_finite(m) || arf_sgn(m) <= 0)
            {
                why = "division by an expression that may vanish on the real line";
                break;
            }
            {
                /* 1/v in [1/hi, 1/lo] on one side of 0 */
                arf_t il, ih;
                arf_init(il);
                arf_init(ih);
                if (arf_is_finite(B->hi)) arf_ui_div(il, 1, B->hi, prec, ARF_RND_FLOOR); else arf_zero(il);
                if (arf_is_finite(B->lo)) arf_ui_div(ih, 1, B->lo, prec, ARF_RND_CEIL); else arf_zero(ih);
                rng_mul(v->lo, v->hi, A->lo, A->hi, il, ih, prec);
                if (!e->nodes[n->b].hasx)
                    env_scale(v, A, il, ih, prec);
                arf_clear(il);
                arf_clear(ih);
            }
            poly_copy(v, A);
            arb_set_arf(t, m);
            for (j = 0; j < v->ng; j++)
                arb_div(v->g + j, v->g + j, t, prec);
            break;
        case E_POW:
        {
            int integer = fmpz_is_one(fmpq_denref(n->q));
            rng_absmin(m, A->lo, A->hi);
            if (!integer && arf_sgn(A->lo) <= 0)
            {
                why = "fractional power of an argument that may be <= 0 on the real line";
                break;
            }
            if (fmpq_sgn(n->q) < 0 && arf_sgn(m) <= 0)
            {
                why = "negative power of an argument that may vanish on the real line";
                break;
            }
            rng_fn(v, n, A, prec);
            if (fmpq_sgn(n->q) < 0)
            {
                /* |u|^r <= (min|u|)^r */
                arb_set_arf(t, m);
                arb_set_fmpq(v->c, n->q, prec);
                arb_pow(t, t, v->c, prec);
                set_const_mag(v, t, prec);
            }
            else
            {
                /* r = k + f: P^k P^f */
                fmpz_t k;
                fmpq_t f;
                av acc;
                fmpz_init(k);
                fmpq_init(f);
                av_init(&acc);
                fmpz_fdiv_q(k, fmpq_numref(n->q), fmpq_denref(n->q));
                fmpq_sub_fmpz(f, n->q, k);
                set_len(&acc, 1);
                arb_one(acc.g);
                arb_zero(acc.c);
                for (j = 0; j < fmpz_get_si(k) && why == NULL; j++)
                {
                    av tmp;
                    av_init(&tmp);
                    if (!poly_mul(&tmp, &acc, A, prec))
                        why = "growth of degree above 135";
                    else
                        poly_copy(&acc, &tmp);
                    av_clear(&tmp);
                }
                if (why == NULL && !fmpq_is_zero(f))
                {
                    av fr, tmp;
                    av_init(&fr);
                    av_init(&tmp);
                    poly_frac(&fr, A, f, prec);
                    if (!poly_mul(&tmp, &acc, &fr, prec))
                        why = "growth of degree above 135";
                    else
                        poly_copy(&acc, &tmp);
                    av_clear(&fr);
                    av_clear(&tmp);
                }
                poly_copy(v, &acc);
                av_clear(&acc);
                fmpz_clear(k);
                fmpq_clear(f);
            }
            break;
        }
        case E_EXP: case E_EXPM1:
            rng_fn(v, n, A, prec);
            if (!A->hu)
            {
                if (!arf_is_finite(v->hi))
                    why = "exp of an argument that may grow faster than linearly in |x| (exp(x^2) has no Gaussian moments)";
                break;
            }
            set_len(v, 1);
            arb_exp(v->g, A->U0, prec);
            if (n->op == E_EXPM1)
                arb_add_ui(v->g, v->g, 1, prec);
            arb_set(v->c, A->U1);
            break;
        case E_LOG: case E_LOG1P:
        {
            av w;
            av_init(&w);
            poly_copy(&w, A);
            arf_set(m, A->lo);
            if (n->op == E_LOG1P)
            {
                arf_add_ui(m, m, 1, prec, ARF_RND_FLOOR);
                arb_add_ui(w.g, w.g, 1, prec);
            }
            if (arf_sgn(m) <= 0)
                why = n->op == E_LOG ? "log of an argument that may be <= 0 on the real line"
                                     : "log1p of an argument that may be <= -1 on the real line";
            else
            {
                rng_fn(v, n, A, prec);
                log_rule(v, m, &w, prec);
            }
            av_clear(&w);
            break;
        }
        case E_SQRT:
        {
            fmpq_t h;
            if (arf_sgn(A->lo) <= 0)
            {
                why = "sqrt of an argument that may be <= 0 on the real line (write abs(u) for sqrt(u^2))";
                break;
            }
            rng_fn(v, n, A, prec);
            fmpq_init(h);
            fmpq_set_si(h, 1, 2);
            poly_frac(v, A, h, prec);
            fmpq_clear(h);
            break;
        }
        case E_ABS: case E_RELU: case E_GELU:
            rng_fn(v, n, A, prec);
            poly_copy(v, A);
            break;
        case E_MAX: case E_MIN:
            if (n->op == E_MAX)
            {
                arf_max(v->lo, A->lo, B->lo);
                arf_max(v->hi, A->hi, B->hi);
            }
            else
            {
                arf_min(v->lo, A->lo, B->lo);
                arf_min(v->hi, A->hi, B->hi);
            }
            set_len(v, FLINT_MAX(A->ng, B->ng));
            for (j = 0; j < v->ng; j++)
            {
                if (j < A->ng) arb_max(v->g + j, v->g + j, A->g + j, prec);
                if (j < B->ng) arb_max(v->g + j, v->g + j, B->g + j, prec);
            }
            arb_max(v->c, A->c, B->c, prec);
            break;
        case E_SINH: case E_COSH:
            rng_fn(v, n, A, prec);
            if (arf_is_finite(v->lo) && arf_is_finite(v->hi))
                break;
            {
                arb_t L0, L1;
                int ok = 1;
                arb_init(L0);
                arb_init(L1);
                if (A->ng <= 2 && arb_is_zero(A->c))
                {
                    arb_set(L0, A->g);
                    if (A->ng == 2) arb_set(L1, A->g + 1);
                }
                else if (A->hu && A->hd)
                {
                    arb_max(L0, A->U0, A->D0, prec);
                    arb_max(L1, A->U1, A->D1, prec);
                }
                else
                    ok = 0;
                if (!ok)
                    why = "sinh/cosh of an argument that may grow faster than linearly in |x|";
                else
                {
                    set_len(v, 1);
                    ub(L0, prec);
                    arb_exp(v->g, L0, prec);
                    arb_set(v->c, L1);
                }
                arb_clear(L0);
                arb_clear(L1);
            }
            break;
        case E_SOFTPLUS:
            rng_fn(v, n, A, prec);
            arb_log_ui(t, 2, prec);
            if (A->hu)
            {
                set_len(v, 2);
                arb_set(v->g, A->U0);
                ub(v->g, prec);
                arb_add(v->g, v->g, t, prec);
                arb_set(v->g + 1, A->U1);
                arb_zero(v->c);
            }
            else
            {
                poly_copy(v, A);
                arb_add(v->g, v->g, t, prec);
            }
            break;
        default:    /* bounded primitives: the range gives the magnitude */
            rng_fn(v, n, A, prec);
            set_len(v, 0);
    }
    if (why == NULL)
    {
        /* a bounded range gives a constant magnitude */
        if (arf_is_finite(v->lo) && arf_is_finite(v->hi))
        {
            rng_absmax(m, v->lo, v->hi);
            arb_set_arf(t, m);
            set_const_mag(v, t, prec);
        }
        else if (v->ng == 0)
            why = "no growth bound";
        else
        {
            for (j = 0; j < v->ng; j++)
                ub(v->g + j, prec);
            ub(v->c, prec);
        }
        env_finish(v, prec);
    }
    arf_clear(m);
    arb_clear(t);
    return why;
}

/* Interpret the nodes reachable from the roots in ascending order (children
   first); returns -1, or the first failing node with the reason in *why. */
static slong absint(av *vals, const sc_expr *e, arb_srcptr p, slong prec, const char **why)
{
    slong i, k;
    acb_ptr cv = _acb_vec_init(e->nnodes);
    char *need = flint_calloc(e->nnodes, 1);
    slong bad = -1;
    for (k = 0; k < 2; k++)
        for (i = 0; i < e->nprog[k]; i++)
            need[e->prog[k][i]] = 1;
    for (i = 0; i < e->ncnodes; i++)
        need[e->cnodes[i]] = 2;
    *why = NULL;
    for (i = 0; i < e->nnodes && bad < 0; i++)
    {
        const sc_enode *n = e->nodes + i;
        if (need[i] == 2)
        {
            if (n->op == E_NUM) acb_set_fmpq(cv + i, n->q, prec);
            else if (n->op == E_PI) acb_const_pi(cv + i, prec);
            else if (n->op == E_E) { acb_one(cv + i); acb_exp(cv + i, cv + i, prec); }
            else if (n->op == E_PAR) acb_set_arb(cv + i, p + n->par);
            else _sc_expr_op_acb(cv + i, n, cv + n->a, n->b >= 0 ? cv + n->b : cv + n->a, 0, 0, prec);
            if (!acb_is_finite(cv + i))
            {
                *why = "undefined constant (division by zero, log of a non-positive number, ...)";
                bad = i;
            }
            else
            {
                const_node(vals + i, cv + i, prec);
                env_finish(vals + i, prec);
            }
        }
        else if (need[i] == 1)
        {
            *why = node_rule(vals + i, e, i, vals, prec);
            if (*why != NULL)
                bad = i;
        }
    }
    flint_free(need);
    _acb_vec_clear(cv, e->nnodes);
    return bad;
}

static int fail(const sc_expr *e, slong i, const char *why)
{
    if (e->nodes[i].pos > 0)
        return sc_error(SC_ERR_INPUT, "expr: position %ld: %s (in '%.80s')", (long) e->nodes[i].pos, why, e->body);
    return sc_error(SC_ERR_INPUT, "expr: in the derivative: %s (in '%.80s')", why, e->body);
}

/* the abstract values of every node (NULL, with the error message set,
   if a rule fails); free with free_vals */
static av *run_absint(const sc_expr *e, arb_srcptr p, slong prec)
{
    av *vals = flint_malloc(sizeof(av) * e->nnodes);
    slong i, bad;
    const char *why;
    for (i = 0; i < e->nnodes; i++)
        av_init(vals + i);
    bad = absint(vals, e, p, prec, &why);
    if (bad < 0)
        return vals;
    fail(e, bad, why);
    for (i = 0; i < e->nnodes; i++)
        av_clear(vals + i);
    flint_free(vals);
    return NULL;
}

static void free_vals(av *vals, const sc_expr *e)
{
    slong i;
    for (i = 0; i < e->nnodes; i++)
        av_clear(vals + i);
    flint_free(vals);
}

slong _sc_expr_growth(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                      arb_srcptr p, slong prec)
{
    av *vals = run_absint(e, p, prec);
    slong n = -1, r = e->root[deriv];
    if (vals == NULL)
        return -1;
    if (vals[r].ng > nmax)
        sc_error(SC_ERR_INPUT, "expr: growth polynomial of degree %ld is too long", (long) vals[r].ng - 1);
    else
    {
        n = vals[r].ng;
        _arb_vec_set(g, vals[r].g, n);
        arb_set(rate, vals[r].c);
    }
    free_vals(vals, e);
    return n;
}

int _sc_expr_ranges(arf_ptr lo, arf_ptr hi, const sc_expr *e, arb_srcptr p, slong prec)
{
    av *vals = run_absint(e, p, prec);
    slong i;
    if (vals == NULL)
        return 0;
    for (i = 0; i < e->nnodes; i++)
    {
        arf_set(lo + i, vals[i].lo);
        arf_set(hi + i, vals[i].hi);
    }
    free_vals(vals, e);
    return 1;
}
