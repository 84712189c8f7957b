/* Growth bounds of an expression on a strip S = {z : |Im z| <= s} around
   the real axis (doc/model.md 2.6), for expressions that are analytic
   there (kink primitives only with a branch fixed by the range of their
   argument).  Every node f gets, with x = Re z and t = |x|:
     M: |f(z)| <= e^{c t} P(t);         I: |Im f(z)| <= e^{c' t} Q(t);
     a range [lo, hi] of Re f(z) and envelopes Re f <= U0 + U1 t,
     -Re f <= D0 + D1 t.
   Holomorphy on S follows from the same rules (each primitive's condition
   keeps its argument away from its singularities).  The rules:
     z: |z| <= s + t, |Im z| <= s, Re z = x.   constants: real, Im 0.
     u + v, u - v: M, I and envelopes add.
     u v: |uv| <= M_u M_v; |Im(uv)| = |Re u Im v + Im u Re v| <= M_u I_v + I_u M_v;
       Re(uv) = Re u Re v - Im u Im v in [Re u][Re v] + [-I_u I_v, I_u I_v].
     u / v: |v| >= m > 0 on S: |u/v| <= M_u / m (and v has no zero on S).
       A lower bound of |f| is kept for every node: the distance of the
       range of Re f from 0, |-u| = |u|, |uv| = |u||v|, |u^k| = |u|^k
       (integer k > 0), |e^u| = e^{Re u} >= e^{-D0} when -Re u <= D0;
       so 1/(2 + x^2)^2 (in the derivative of x/(2 + x^2)) is accepted.
     u^r (r not an integer): Re u >= m > 0, so u^r = e^{r log u} is
       holomorphic, |u^r| = |u|^r (real r), |arg u| < pi/2, and for
       |r| < 1, Re u^r >= |u|^r cos(r pi/2) > 0.
     exp(u): |e^u| = e^{Re u} <= e^{U0 + U1 t}; if |Im u| <= pi/2, Re e^u >= 0.
     expm1: |e^u - 1| <= e^{Re u} + 1.
     log(u): Re u >= m > 0: |log u| <= |log |u|| + |arg u|
       <= |log m| + log+ G + (c + d) t + pi/2 (as on the line, G = P(1)).
     sqrt: the power rule with r = 1/2.
     tanh(u), |Im u| <= b < pi/2: |tanh u|^2 = (sinh^2 a + sin^2 b')/(cosh^2 a - sin^2 b')
       (u = a + i b') is at most max(1, tan^2 b): |tanh u| <= max(1, tan b).
     sigmoid(u) = (1 + tanh(u/2))/2, |Im u| < pi.
     softplus(u), |Im u| <= b < pi/2: Re(1 + e^u) >= 1, so log(1 + e^u) is
       holomorphic with 0 <= log|1 + e^u| <= (Re u)+ + log 2 and
       |arg(1 + e^u)| <= |Im u| (tan arg = e^a sin b'/(1 + e^a cos b') <= tan b').
     sinh, cosh: |.| <= cosh(Re u) <= e^{|Re u|}, |Re u| <= L0 + L1 t;
       Re cosh(a + ib') = cosh a cos b' >= cos b > 0 for |Im u| <= b < pi/2.
     sin, cos: |.| <= cosh(Im u) <= e^{|Im u|}.
     atan(u), |Im u| <= b < 1: |Re atan| < pi/2, |Im atan u| <= artanh(b).
     erf, erfc, Phi, gelu with |Im u| <= b: for Re u >= 0,
       erfc(u) = (2/sqrt pi) int_0^inf e^{-(u + r)^2} dr gives
       |erfc(u)| <= e^{b^2} erfc(Re u) <= e^{b^2}, and erfc(u) = 2 - erfc(-u):
       |erfc| <= 2 + e^{b^2}, |erf| <= 1 + e^{b^2}, |Phi| <= (2 + e^{b^2/2})/2,
       |gelu(u)| <= |u| (2 + e^{b^2/2})/2. */
#include <math.h>
#include <string.h>
#include "growth_av.h"

typedef struct
{
    av m;       /* range of Re f, magnitude M, envelopes of Re f */
    av i;       /* magnitude of Im f (g, c only) */
    arb_t am;   /* lower bound of |f| on S (exact, >= 0; 0 if none known) */
}
sv;

static void set_poly_const(av *v, const arb_t k, slong prec)
{
    set_const_mag(v, k, prec);
}

/* I_u as a constant bound, or 0 if it grows */
static int im_const(arb_t b, const sv *u, slong prec)
{
    slong j;
    if (u->i.ng == 0 || !arb_is_zero(u->i.c))
        return 0;
    for (j = 1; j < u->i.ng; j++)
        if (!arb_is_zero(u->i.g + j))
            return 0;
    arb_set(b, u->i.g);
    ub(b, prec);
    return 1;
}

/* v = a + b as magnitude polynomials (rates: the max) */
static void poly_add(av *v, const av *a, const av *b, slong prec)
{
    slong j, n = FLINT_MAX(a->ng, b->ng);
    av t;
    av_init(&t);
    set_len(&t, n);
    for (j = 0; j < a->ng; j++) arb_add(t.g + j, t.g + j, a->g + j, prec);
    for (j = 0; j < b->ng; j++) arb_add(t.g + j, t.g + j, b->g + j, prec);
    arb_max(t.c, a->c, b->c, prec);
    poly_copy(v, &t);
    av_clear(&t);
}

/* min |Re v| when the range of Re v excludes 0, else 0 */
static void re_away(arb_t m, const av *v)
{
    arf_t t;
    arf_init(t);
    rng_absmin(t, v->lo, v->hi);
    if (!arf_is_finite(t))
        arf_zero(t);
    arb_set_arf(m, t);
    arf_clear(t);
}

/* the magnitude of a node from its range when bounded, and the envelopes */
static void finish(sv *v, slong prec)
{
    arf_t M;
    arb_t t;
    slong j;
    arf_init(M);
    arb_init(t);
    for (j = 0; j < v->m.ng; j++) ub(v->m.g + j, prec);
    ub(v->m.c, prec);
    for (j = 0; j < v->i.ng; j++) ub(v->i.g + j, prec);
    ub(v->i.c, prec);
    env_finish(&v->m, prec);
    arf_clear(M);
    arb_clear(t);
}

static const char *rule(sv *v, const sc_expr *e, slong i, sv *vals, const signed char *fixed,
                        const arb_t s, slong prec)
{
    const sc_enode *n = e->nodes + i;
    sv *A = n->a >= 0 ? vals + n->a : NULL, *B = n->b >= 0 ? vals + n->b : NULL;
    arb_t b, t, m;
    const char *why = NULL;
    int op = n->op;
    arb_init(b);
    arb_init(t);
    arb_init(m);
    v->m.hu = v->m.hd = 0;
    arf_neg_inf(v->m.lo);
    arf_pos_inf(v->m.hi);
    if (n->kidx >= 0)
    {
        /* kink primitives: analytic on S only with a fixed branch */
        int f = fixed != NULL ? fixed[n->kidx] : 0;
        if (f == 0)
            why = "kink";
        else if (op == E_SIGN || op == E_STEP)
        {
            arb_set_si(t, op == E_STEP ? f > 0 : f);
            arb_get_lbound_arf(v->m.lo, t, prec);
            arb_get_ubound_arf(v->m.hi, t, prec);
            set_poly_const(&v->m, t, prec);
            set_len(&v->i, 1);
        }
        else
        {
            /* the branch is one of the arguments (or 0, or -u) */
            const sv *src = (op == E_MAX) ? (f > 0 ? A : B) : (op == E_MIN) ? (f > 0 ? B : A) : A;
            if (op == E_RELU && f < 0)
            {
                arf_zero(v->m.lo);
                arf_zero(v->m.hi);
                set_len(&v->m, 1);
                set_len(&v->i, 1);
            }
            else
            {
                poly_copy(&v->m, &src->m);
                poly_copy(&v->i, &src->i);
                arf_set(v->m.lo, src->m.lo);
                arf_set(v->m.hi, src->m.hi);
                v->m.hu = src->m.hu; v->m.hd = src->m.hd;
                arb_set(v->m.U0, src->m.U0); arb_set(v->m.U1, src->m.U1);
                arb_set(v->m.D0, src->m.D0); arb_set(v->m.D1, src->m.D1);
                if (op == E_ABS && f < 0)
                {
                    arf_neg(v->m.lo, src->m.hi);
                    arf_neg(v->m.hi, src->m.lo);
                    v->m.hu = src->m.hd; v->m.hd = src->m.hu;
                    arb_set(v->m.U0, src->m.D0); arb_set(v->m.U1, src->m.D1);
                    arb_set(v->m.D0, src->m.U0); arb_set(v->m.D1, src->m.U1);
                }
            }
        }
        goto done;
    }
    switch (op)
    {
        case E_X:
            set_len(&v->m, 2);
            arb_set(v->m.g, s);
            arb_one(v->m.g + 1);
            arb_zero(v->m.c);
            set_poly_const(&v->i, s, prec);
            v->m.hu = v->m.hd = 1;
            arb_zero(v->m.U0); arb_one(v->m.U1);
            arb_zero(v->m.D0); arb_one(v->m.D1);
            break;
        case E_ADD: case E_SUB:
            poly_add(&v->m, &A->m, &B->m, prec);
            poly_add(&v->i, &A->i, &B->i, prec);
            if (op == E_ADD)
            {
                arf_add(v->m.lo, A->m.lo, B->m.lo, prec, ARF_RND_FLOOR);
                arf_add(v->m.hi, A->m.hi, B->m.hi, prec, ARF_RND_CEIL);
            }
            else
            {
                arf_sub(v->m.lo, A->m.lo, B->m.hi, prec, ARF_RND_FLOOR);
                arf_sub(v->m.hi, A->m.hi, B->m.lo, prec, ARF_RND_CEIL);
            }
            if (A->m.hu && (op == E_ADD ? B->m.hu : B->m.hd))
            {
                arb_add(v->m.U0, A->m.U0, op == E_ADD ? B->m.U0 : B->m.D0, prec);
                arb_add(v->m.U1, A->m.U1, op == E_ADD ? B->m.U1 : B->m.D1, prec);
                v->m.hu = 1;
            }
            if (A->m.hd && (op == E_ADD ? B->m.hd : B->m.hu))
            {
                arb_add(v->m.D0, A->m.D0, op == E_ADD ? B->m.D0 : B->m.U0, prec);
                arb_add(v->m.D1, A->m.D1, op == E_ADD ? B->m.D1 : B->m.U1, prec);
                v->m.hd = 1;
            }
            break;
        case E_NEG:
            poly_copy(&v->m, &A->m);
            poly_copy(&v->i, &A->i);
            arf_neg(v->m.lo, A->m.hi);
            arf_neg(v->m.hi, A->m.lo);
            v->m.hu = A->m.hd; v->m.hd = A->m.hu;
            arb_set(v->m.U0, A->m.D0); arb_set(v->m.U1, A->m.D1);
            arb_set(v->m.D0, A->m.U0); arb_set(v->m.D1, A->m.U1);
            break;
        case E_MUL:
        {
            av p1, p2;
            av_init(&p1);
            av_init(&p2);
            if (!poly_mul(&v->m, &A->m, &B->m, prec) || !poly_mul(&p1, &A->m, &B->i, prec) ||
                !poly_mul(&p2, &A->i, &B->m, prec))
                why = "degree";
            else
                poly_add(&v->i, &p1, &p2, prec);
            av_clear(&p1);
            av_clear(&p2);
            rng_mul(v->m.lo, v->m.hi, A->m.lo, A->m.hi, B->m.lo, B->m.hi, prec);
            if (im_const(b, A, prec) && im_const(t, B, prec))
            {
                arf_t w;
                arf_init(w);
                arb_mul(b, b, t, prec);
                arb_get_ubound_arf(w, b, prec);
                arf_sub(v->m.lo, v->m.lo, w, prec, ARF_RND_FLOOR);
                arf_add(v->m.hi, v->m.hi, w, prec, ARF_RND_CEIL);
                arf_clear(w);
            }
            else
            {
                arf_neg_inf(v->m.lo);
                arf_pos_inf(v->m.hi);
            }
            if (!e->nodes[n->a].hasx)
                env_scale(&v->m, &B->m, A->m.lo, A->m.hi, prec);
            else if (!e->nodes[n->b].hasx)
                env_scale(&v->m, &A->m, B->m.lo, B->m.hi, prec);
            break;
        }
        case E_DIV:
            re_away(m, &B->m);
            arb_max(m, m, B->am, prec);
            if (!arb_is_positive(m))
            {
                why = "division";
                break;
            }
            poly_copy(&v->m, &A->m);
            _arb_vec_scalar_div(v->m.g, v->m.g, v->m.ng, m, prec);
            poly_copy(&v->i, &v->m);
            if (!e->nodes[n->b].hasx)
            {
                /* by a real constant: Re(u/k) = Re u / k */
                arf_t il, ih;
                arf_init(il);
                arf_init(ih);
                arf_ui_div(il, 1, B->m.hi, prec, ARF_RND_FLOOR);
                arf_ui_div(ih, 1, B->m.lo, prec, ARF_RND_CEIL);
                rng_mul(v->m.lo, v->m.hi, A->m.lo, A->m.hi, il, ih, prec);
                env_scale(&v->m, &A->m, il, ih, prec);
                poly_copy(&v->i, &A->i);
                _arb_vec_scalar_div(v->i.g, v->i.g, v->i.ng, m, prec);
                arf_clear(il);
                arf_clear(ih);
            }
            break;
        case E_POW:
        {
            slong k;
            if (fmpz_is_one(fmpq_denref(n->q)) && fmpq_sgn(n->q) > 0)
            {
                /* u^k as a product */
                sv acc, tmp;
                av_init(&acc.m); av_init(&acc.i); av_init(&tmp.m); av_init(&tmp.i);
                poly_copy(&acc.m, &A->m);
                poly_copy(&acc.i, &A->i);
                arf_set(acc.m.lo, A->m.lo);
                arf_set(acc.m.hi, A->m.hi);
                for (k = 1; k < fmpz_get_si(fmpq_numref(n->q)) && why == NULL; k++)
                {
                    av p1, p2;
                    av_init(&p1);
                    av_init(&p2);
                    if (!poly_mul(&tmp.m, &acc.m, &A->m, prec) || !poly_mul(&p1, &acc.m, &A->i, prec) ||
                        !poly_mul(&p2, &acc.i, &A->m, prec))
                        why = "degree";
                    else
                    {
                        poly_add(&tmp.i, &p1, &p2, prec);
                        poly_copy(&acc.m, &tmp.m);
                        poly_copy(&acc.i, &tmp.i);
                    }
                    av_clear(&p1);
                    av_clear(&p2);
                }
                poly_copy(&v->m, &acc.m);
                poly_copy(&v->i, &acc.i);
                if (fmpz_is_even(fmpq_numref(n->q)) && fmpz_equal_si(fmpq_numref(n->q), 2) &&
                    im_const(b, A, prec))
                {
                    /* Re(u^2) = (Re u)^2 - (Im u)^2 >= -I^2 */
                    arf_t w;
                    arf_init(w);
                    arb_sqr(b, b, prec);
                    arb_neg(b, b);
                    arb_get_lbound_arf(w, b, prec);
                    arf_set(v->m.lo, w);
                    arf_clear(w);
                }
                av_clear(&acc.m); av_clear(&acc.i); av_clear(&tmp.m); av_clear(&tmp.i);
                break;
            }
            /* negative or fractional: Re u >= m > 0 */
            if (!(arf_sgn(A->m.lo) > 0))
            {
                why = "power";
                break;
            }
            arb_set_arf(m, A->m.lo);
            arb_set_fmpq(t, n->q, prec);
            if (fmpq_sgn(n->q) < 0)
            {
                arb_pow(b, m, t, prec);
                set_poly_const(&v->m, b, prec);
            }
            else
            {
                fmpz_t kk;
                fmpq_t f;
                av acc, tmp, fr;
                fmpz_init(kk);
                fmpq_init(f);
                av_init(&acc); av_init(&tmp); av_init(&fr);
                fmpz_fdiv_q(kk, fmpq_numref(n->q), fmpq_denref(n->q));
                fmpq_sub_fmpz(f, n->q, kk);
                set_len(&acc, 1);
                arb_one(acc.g);
                for (k = 0; k < fmpz_get_si(kk) && why == NULL; k++)
                {
                    if (!poly_mul(&tmp, &acc, &A->m, prec)) why = "degree";
                    else poly_copy(&acc, &tmp);
                }
                if (why == NULL)
                {
                    poly_frac(&fr, &A->m, f, prec);
                    if (!poly_mul(&tmp, &acc, &fr, prec)) why = "degree";
                    else poly_copy(&acc, &tmp);
                }
                poly_copy(&v->m, &acc);
                av_clear(&acc); av_clear(&tmp); av_clear(&fr);
                fmpz_clear(kk);
                fmpq_clear(f);
            }
            poly_copy(&v->i, &v->m);
            if (fmpz_cmpabs(fmpq_numref(n->q), fmpq_denref(n->q)) < 0 && fmpq_sgn(n->q) > 0)
            {
                /* Re u^r >= m^r cos(r pi / 2) > 0 */
                arf_t w;
                arf_init(w);
                arb_pow(b, m, t, prec);
                arb_const_pi(m, prec);
                arb_mul(m, m, t, prec);
                arb_mul_2exp_si(m, m, -1);
                arb_cos(m, m, prec);
                arb_mul(b, b, m, prec);
                arb_get_lbound_arf(w, b, prec);
                arf_set(v->m.lo, w);
                arf_clear(w);
            }
            break;
        }
        case E_EXP: case E_EXPM1:
            if (!A->m.hu)
            {
                why = "exp";
                break;
            }
            set_len(&v->m, 1);
            arb_exp(v->m.g, A->m.U0, prec);
            if (op == E_EXPM1)
                arb_add_ui(v->m.g, v->m.g, 1, prec);
            arb_set(v->m.c, A->m.U1);
            poly_copy(&v->i, &v->m);
            arb_const_pi(t, prec);
            arb_mul_2exp_si(t, t, -1);
            if (im_const(b, A, prec) && arb_le(b, t))
            {
                arf_zero(v->m.lo);      /* Re e^u >= 0 */
                if (op == E_EXPM1)
                    arf_set_si(v->m.lo, -1);
            }
            break;
        case E_LOG: case E_LOG1P:
        {
            av w;
            arf_t lo;
            arf_init(lo);
            arf_set(lo, A->m.lo);
            av_init(&w);
            poly_copy(&w, &A->m);
            if (op == E_LOG1P)
            {
                arf_add_ui(lo, lo, 1, prec, ARF_RND_FLOOR);
                arb_add_ui(w.g, w.g, 1, prec);
            }
            if (!(arf_sgn(lo) > 0))
                why = "log";
            else
            {
                /* |log| <= |log m| + log+ G + (c + d) t + pi/2 */
                slong j;
                set_len(&v->m, 2);
                arb_set_arf(m, lo);
                arb_log(t, m, prec);
                arb_abs(v->m.g, t);
                arb_zero(b);
                for (j = 0; j < w.ng; j++)
                    arb_add(b, b, w.g + j, prec);
                arb_log(b, b, prec);
                if (!arb_is_nonpositive(b))
                    arb_add(v->m.g, v->m.g, b, prec);
                arb_const_pi(t, prec);
                arb_mul_2exp_si(t, t, -1);
                arb_add(v->m.g, v->m.g, t, prec);
                arb_add_si(v->m.g + 1, w.c, w.ng - 1, prec);
                set_poly_const(&v->i, t, prec);
                arb_log(t, m, prec);
                arb_get_lbound_arf(v->m.lo, t, prec);
            }
            av_clear(&w);
            arf_clear(lo);
            break;
        }
        case E_SQRT:
        {
            fmpq_t h;
            if (!(arf_sgn(A->m.lo) > 0))
            {
                why = "sqrt";
                break;
            }
            fmpq_init(h);
            fmpq_set_si(h, 1, 2);
            poly_frac(&v->m, &A->m, h, prec);
            fmpq_clear(h);
            poly_copy(&v->i, &v->m);
            /* Re sqrt(u) >= sqrt(m) cos(pi/4) */
            arb_set_arf(m, A->m.lo);
            arb_mul_2exp_si(m, m, -1);
            arb_sqrt(m, m, prec);
            arb_get_lbound_arf(v->m.lo, m, prec);
            break;
        }
        case E_TANH: case E_SIGMOID: case E_SOFTPLUS: case E_ATAN:
        case E_ERF: case E_ERFC: case E_PHI: case E_GELU: case E_SIN: case E_COS:
            if (!im_const(b, A, prec))
            {
                if ((op == E_SIN || op == E_COS) && A->i.ng <= 2 && arb_is_zero(A->i.c))
                {
                    /* |sin u|, |cos u| <= e^{|Im u|} <= e^{I0} e^{I1 t} */
                    set_len(&v->m, 1);
                    arb_exp(v->m.g, A->i.g, prec);
                    if (A->i.ng == 2)
                        arb_set(v->m.c, A->i.g + 1);
                    poly_copy(&v->i, &v->m);
                    break;
                }
                why = "im";
                break;
            }
            arb_const_pi(t, prec);
            set_len(&v->m, 1);
            switch (op)
            {
                case E_TANH: case E_SIGMOID:
                    if (op == E_SIGMOID)
                        arb_mul_2exp_si(b, b, -1);
                    arb_mul_2exp_si(t, t, -1);
                    if (!arb_lt(b, t)) { why = "tanh"; break; }
                    arb_tan(v->m.g, b, prec);
                    arb_one(m);
                    arb_max(v->m.g, v->m.g, m, prec);
                    if (op == E_SIGMOID)
                    {
                        arb_add_ui(v->m.g, v->m.g, 1, prec);
                        arb_mul_2exp_si(v->m.g, v->m.g, -1);
                    }
                    break;
                case E_SOFTPLUS:
                    arb_mul_2exp_si(t, t, -1);
                    if (!arb_lt(b, t)) { why = "softplus"; break; }
                    arb_log_ui(t, 2, prec);
                    if (A->m.hu)
                    {
                        set_len(&v->m, 2);
                        arb_set(v->m.g, A->m.U0);
                        ub(v->m.g, prec);
                        arb_add(v->m.g, v->m.g, t, prec);
                        arb_add(v->m.g, v->m.g, b, prec);
                        arb_set(v->m.g + 1, A->m.U1);
                        v->m.hu = 1;
                        arb_sub(v->m.U0, v->m.g, b, prec);
                        arb_set(v->m.U1, A->m.U1);
                    }
                    else
                    {
                        poly_copy(&v->m, &A->m);
                        arb_add(v->m.g, v->m.g, t, prec);
                        arb_add(v->m.g, v->m.g, b, prec);
                    }
                    arf_zero(v->m.lo);
                    set_poly_const(&v->i, b, prec);
                    goto done;
                case E_ATAN:
                    arb_one(m);
                    if (!arb_lt(b, m)) { why = "atan"; break; }
                    arb_atanh(m, b, prec);
                    arb_mul_2exp_si(t, t, -1);
                    arb_add(v->m.g, t, m, prec);
                    set_poly_const(&v->i, m, prec);
                    arb_neg(m, t);
                    arb_get_lbound_arf(v->m.lo, m, prec);
                    arb_get_ubound_arf(v->m.hi, t, prec);
                    goto done;
                case E_SIN: case E_COS:
                    arb_cosh(v->m.g, b, prec);
                    break;
                default:    /* erf 1 + e^{b^2}, erfc 2 + e^{b^2}, Phi, gelu (2 + e^{b^2/2})/2 */
                    arb_sqr(m, b, prec);
                    if (op == E_PHI || op == E_GELU)
                        arb_mul_2exp_si(m, m, -1);
                    arb_exp(m, m, prec);
                    arb_add_ui(v->m.g, m, op == E_ERF ? 1 : 2, prec);
                    if (op == E_PHI || op == E_GELU)
                        arb_mul_2exp_si(v->m.g, v->m.g, -1);
                    if (op == E_GELU)
                    {
                        av w;
                        av_init(&w);
                        poly_mul(&w, &A->m, &v->m, prec);
                        poly_copy(&v->m, &w);
                        av_clear(&w);
                    }
            }
            if (why == NULL)
            {
                poly_copy(&v->i, &v->m);
                if (v->m.ng == 1 && arb_is_zero(v->m.c))
                {
                    arb_neg(m, v->m.g);
                    arb_get_lbound_arf(v->m.lo, m, prec);
                    arb_get_ubound_arf(v->m.hi, v->m.g, prec);
                }
            }
            break;
        case E_SINH: case E_COSH:
        {
            arb_t L0, L1;
            arb_init(L0);
            arb_init(L1);
            if (A->m.hu && A->m.hd)
            {
                arb_max(L0, A->m.U0, A->m.D0, prec);
                arb_max(L1, A->m.U1, A->m.D1, prec);
                ub(L0, prec);
                set_len(&v->m, 1);
                arb_exp(v->m.g, L0, prec);
                arb_set(v->m.c, L1);
                poly_copy(&v->i, &v->m);
                arb_const_pi(t, prec);
                arb_mul_2exp_si(t, t, -1);
                if (op == E_COSH && im_const(b, A, prec) && arb_lt(b, t))
                {
                    /* Re cosh(a + ib') = cosh a cos b' >= cos b > 0 */
                    arb_cos(b, b, prec);
                    arb_get_lbound_arf(v->m.lo, b, prec);
                }
            }
            else
                why = "sinh";
            arb_clear(L0);
            arb_clear(L1);
            break;
        }
        default:
            why = "op";
    }
done:
    if (why == NULL)
    {
        if (v->m.ng == 0)
            why = "none";
        else
            finish(v, prec);
    }
    if (why == NULL)
    {
        /* |f| >= am: |Re f| >= the distance of its range from 0, and
           |-u| = |u|, |uv| = |u||v|, |u^k| = |u|^k (integer k > 0),
           |e^u| = e^{Re u} >= e^{-D0} when -Re u <= D0 (D1 = 0) */
        arb_zero(v->am);
        if (op == E_NEG)
            arb_set(v->am, A->am);
        else if (op == E_MUL)
            arb_mul(v->am, A->am, B->am, prec);
        else if (op == E_POW && fmpz_is_one(fmpq_denref(n->q)) && fmpq_sgn(n->q) > 0)
            arb_pow_fmpz(v->am, A->am, fmpq_numref(n->q), prec);
        else if (op == E_EXP && A->m.hd && arb_is_zero(A->m.D1))
        {
            arb_neg(v->am, A->m.D0);
            arb_exp(v->am, v->am, prec);
        }
        arb_get_lbound_arf(arb_midref(v->am), v->am, prec);
        mag_zero(arb_radref(v->am));
        if (!arb_is_nonnegative(v->am))
            arb_zero(v->am);
        re_away(m, &v->m);
        arb_max(v->am, v->am, m, prec);
    }
    arb_clear(b);
    arb_clear(t);
    arb_clear(m);
    return why;
}

/* constants: the real value, Im 0 */
static void const_sv(sv *v, const acb_t c, slong prec)
{
    arb_get_lbound_arf(v->m.lo, acb_realref(c), prec);
    arb_get_ubound_arf(v->m.hi, acb_realref(c), prec);
    set_const_mag(&v->m, acb_realref(c), prec);
    set_len(&v->i, 1);
    env_finish(&v->m, prec);
    re_away(v->am, &v->m);
}

slong _sc_expr_growth_strip(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                            const signed char *fixed, arb_srcptr p, const arb_t s, slong prec)
{
    slong i, k, n = -1, r = e->root[deriv];
    sv *vals = flint_malloc(sizeof(sv) * FLINT_MAX(e->nnodes, 1));
    acb_ptr cv = _acb_vec_init(FLINT_MAX(e->nnodes, 1));
    char *need = flint_calloc(FLINT_MAX(e->nnodes, 1), 1);
    const char *why = NULL;
    for (i = 0; i < e->nnodes; i++)
    {
        av_init(&vals[i].m);
        av_init(&vals[i].i);
        arb_init(vals[i].am);
    }
    /* the x-dependent nodes of phi^(deriv) only (phi' may need a rule
       that phi does not), and every constant */
    (void) k;
    for (i = 0; i < e->nprog[deriv]; i++)
        need[e->prog[deriv][i]] = 1;
    for (i = 0; i < e->ncnodes; i++)
        need[e->cnodes[i]] = 2;
    for (i = 0; i < e->nnodes && why == NULL; i++)
    {
        const sc_enode *nd = e->nodes + i;
        if (need[i] == 2)
        {
            if (nd->op == E_NUM) acb_set_fmpq(cv + i, nd->q, prec);
            else if (nd->op == E_PI) acb_const_pi(cv + i, prec);
            else if (nd->op == E_E) { acb_one(cv + i); acb_exp(cv + i, cv + i, prec); }
            else if (nd->op == E_PAR) acb_set_arb(cv + i, p + nd->par);
            else _sc_expr_op_acb(cv + i, nd, cv + nd->a, nd->b >= 0 ? cv + nd->b : cv + nd->a, 0, 0, prec);
            if (!acb_is_finite(cv + i))
                why = "constant";
            else
                const_sv(vals + i, cv + i, prec);
        }
        else if (need[i] == 1)
            why = rule(vals + i, e, i, vals, fixed, s, prec);
    }
    if (why == NULL && vals[r].m.ng <= nmax)
    {
        n = vals[r].m.ng;
        _arb_vec_set(g, vals[r].m.g, n);
        arb_set(rate, vals[r].m.c);
    }
    for (i = 0; i < e->nnodes; i++)
    {
        av_clear(&vals[i].m);
        av_clear(&vals[i].i);
        arb_clear(vals[i].am);
    }
    flint_free(vals);
    flint_free(need);
    _acb_vec_clear(cv, FLINT_MAX(e->nnodes, 1));
    return n;
}
