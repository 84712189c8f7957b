/* The abstract domain of the growth analysis (growth.c): ranges with
   infinite ends, magnitude polynomials with an exponential rate, linear
   envelopes.  Every operation rounds outward, so the bounds stay valid. */
#include <string.h>
#include "growth_av.h"

void av_init(av *v)
{
    memset(v, 0, sizeof(av));
    arf_init(v->lo);
    arf_init(v->hi);
    arb_init(v->c);
    arb_init(v->U0);
    arb_init(v->U1);
    arb_init(v->D0);
    arb_init(v->D1);
}

void av_clear(av *v)
{
    arf_clear(v->lo);
    arf_clear(v->hi);
    if (v->g != NULL)
        _arb_vec_clear(v->g, v->ng);
    arb_clear(v->c);
    arb_clear(v->U0);
    arb_clear(v->U1);
    arb_clear(v->D0);
    arb_clear(v->D1);
}

void set_len(av *v, slong n)
{
    if (v->g != NULL)
        _arb_vec_clear(v->g, v->ng);
    v->ng = n;
    v->g = n > 0 ? _arb_vec_init(n) : NULL;
}

/* x = an exact upper bound of max(x, 0) */
void ub(arb_t x, slong prec)
{
    arb_get_ubound_arf(arb_midref(x), x, prec);
    mag_zero(arb_radref(x));
    if (arf_sgn(arb_midref(x)) < 0)
        arb_zero(x);
}

void set_const_mag(av *v, const arb_t m, slong prec)
{
    set_len(v, 1);
    arb_abs(v->g, m);
    ub(v->g, prec);
    arb_zero(v->c);
}

/* --- ranges ------------------------------------------------------------ */

static void mulc(arf_t r, const arf_t a, const arf_t b, arf_rnd_t rnd, slong prec)
{
    if (arf_is_zero(a) || arf_is_zero(b))
        arf_zero(r);            /* 0 * inf = 0: ranges hold finite values */
    else
        arf_mul(r, a, b, prec, rnd);
}

void rng_mul(arf_t lo, arf_t hi, const arf_t l1, const arf_t h1, const arf_t l2, const arf_t h2, slong prec)
{
    arf_t p[4], L, H;
    int i;
    arf_init(L);
    arf_init(H);
    for (i = 0; i < 4; i++)
        arf_init(p[i]);
    mulc(p[0], l1, l2, ARF_RND_FLOOR, prec);
    mulc(p[1], l1, h2, ARF_RND_FLOOR, prec);
    mulc(p[2], h1, l2, ARF_RND_FLOOR, prec);
    mulc(p[3], h1, h2, ARF_RND_FLOOR, prec);
    arf_set(L, p[0]);
    for (i = 1; i < 4; i++)
        arf_min(L, L, p[i]);
    mulc(p[0], l1, l2, ARF_RND_CEIL, prec);
    mulc(p[1], l1, h2, ARF_RND_CEIL, prec);
    mulc(p[2], h1, l2, ARF_RND_CEIL, prec);
    mulc(p[3], h1, h2, ARF_RND_CEIL, prec);
    arf_set(H, p[0]);
    for (i = 1; i < 4; i++)
        arf_max(H, H, p[i]);
    arf_swap(lo, L);
    arf_swap(hi, H);
    for (i = 0; i < 4; i++)
        arf_clear(p[i]);
    arf_clear(L);
    arf_clear(H);
}

/* min |u| over a range excluding 0 (0 if it contains 0) */
void rng_absmin(arf_t m, const arf_t lo, const arf_t hi)
{
    if (arf_sgn(lo) > 0)
        arf_set(m, lo);
    else if (arf_sgn(hi) < 0)
        arf_neg(m, hi);
    else
        arf_zero(m);
}

void rng_absmax(arf_t m, const arf_t lo, const arf_t hi)
{
    arf_t t;
    arf_init(t);
    arf_neg(t, lo);
    arf_max(m, t, hi);
    arf_clear(t);
}

/* f at an endpoint (finite exact x, or +-inf with the limit) rounded down
   (up = 0) or up (up = 1), for the monotone primitives */
static void fend(arf_t r, int op, const fmpq_t q, const arf_t x, int up, slong prec)
{
    acb_t z, w;
    sc_enode n;
    if (!arf_is_finite(x))
    {
        int pos = arf_sgn(x) > 0;
        switch (op)
        {
            case E_EXP: case E_SIGMOID: case E_PHI: case E_RELU: case E_SOFTPLUS:
                if (pos) arf_pos_inf(r); else arf_zero(r);
                if (pos && (op == E_SIGMOID || op == E_PHI)) arf_one(r);
                return;
            case E_EXPM1: if (pos) arf_pos_inf(r); else arf_set_si(r, -1); return;
            case E_TANH: case E_ERF: arf_set_si(r, pos ? 1 : -1); return;
            case E_ATAN: arf_set_d(r, pos ? 1.5708 : -1.5708); return;     /* |atan| < pi/2 < 1.5708 */
            case E_ERFC: arf_set_si(r, pos ? 0 : 2); return;
            default: if (pos) arf_pos_inf(r); else arf_neg_inf(r); return;
        }
    }
    acb_init(z);
    acb_init(w);
    memset(&n, 0, sizeof(n));
    n.op = op;
    fmpq_init(n.q);
    if (q != NULL)
        fmpq_set(n.q, q);
    arb_set_arf(acb_realref(z), x);
    _sc_expr_op_acb(w, &n, z, z, 0, 0, prec);
    if (!acb_is_finite(w))
    {
        if (up) arf_pos_inf(r); else arf_neg_inf(r);
    }
    else if (up)
        arb_get_ubound_arf(r, acb_realref(w), prec);
    else
        arb_get_lbound_arf(r, acb_realref(w), prec);
    fmpq_clear(n.q);
    acb_clear(z);
    acb_clear(w);
}

/* range of op(u) for a one-argument primitive (the domain already checked) */
void rng_fn(av *v, const sc_enode *n, const av *u, slong prec)
{
    arf_t m, M;
    arf_init(m);
    arf_init(M);
    switch (n->op)
    {
        case E_ERFC:
            fend(v->lo, n->op, NULL, u->hi, 0, prec);
            fend(v->hi, n->op, NULL, u->lo, 1, prec);
            break;
        case E_SIN: case E_COS:
            arf_set_si(v->lo, -1);
            arf_one(v->hi);
            break;
        case E_SIGN: case E_STEP:
            arf_set_si(v->lo, n->op == E_STEP ? 0 : -1);
            arf_one(v->hi);
            if (arf_sgn(u->lo) > 0) arf_one(v->lo);
            if (arf_sgn(u->hi) < 0) arf_set_si(v->hi, n->op == E_STEP ? 0 : -1);
            break;
        case E_ABS: case E_COSH:
            rng_absmin(m, u->lo, u->hi);
            rng_absmax(M, u->lo, u->hi);
            if (n->op == E_ABS)
            {
                arf_set(v->lo, m);
                arf_set(v->hi, M);
            }
            else
            {
                fend(v->lo, E_COSH, NULL, m, 0, prec);
                fend(v->hi, E_COSH, NULL, M, 1, prec);
                if (!arf_is_finite(M))
                    arf_pos_inf(v->hi);
            }
            break;
        case E_GELU:
            if (arf_sgn(u->lo) >= 0)
                fend(v->lo, E_GELU, NULL, u->lo, 0, prec);
            else
                arf_set_d(v->lo, -0.4);
            if (arf_sgn(u->hi) > 0)
                arf_set(v->hi, u->hi);
            else
                arf_zero(v->hi);
            break;
        case E_POW:
        {
            /* integer n >= 1, or the base is > 0 (checked): monotone on |u| */
            fmpz_t num;
            fmpz_init(num);
            fmpz_set(num, fmpq_numref(n->q));
            if (fmpz_is_one(fmpq_denref(n->q)) && fmpz_is_even(num))
            {
                rng_absmin(m, u->lo, u->hi);
                rng_absmax(M, u->lo, u->hi);
                if (fmpz_sgn(num) > 0)
                {
                    fend(v->lo, E_POW, n->q, m, 0, prec);
                    fend(v->hi, E_POW, n->q, M, 1, prec);
                }
                else
                {
                    fend(v->lo, E_POW, n->q, M, 0, prec);   /* M may be inf: lower bound 0 */
                    if (!arf_is_finite(M)) arf_zero(v->lo);
                    fend(v->hi, E_POW, n->q, m, 1, prec);
                }
            }
            else if (fmpz_sgn(num) > 0)
            {
                fend(v->lo, E_POW, n->q, u->lo, 0, prec);
                fend(v->hi, E_POW, n->q, u->hi, 1, prec);
            }
            else
            {
                /* decreasing on each side of 0 (the range excludes 0) */
                arf_t a, b;
                arf_init(a);
                arf_init(b);
                fend(a, E_POW, n->q, u->hi, 0, prec);
                fend(b, E_POW, n->q, u->lo, 1, prec);
                if (!arf_is_finite(u->hi)) arf_zero(a);
                if (!arf_is_finite(u->lo)) arf_zero(b);
                arf_set(v->lo, a);
                arf_set(v->hi, b);
                arf_clear(a);
                arf_clear(b);
            }
            fmpz_clear(num);
            break;
        }
        default:    /* increasing */
            fend(v->lo, n->op, NULL, u->lo, 0, prec);
            fend(v->hi, n->op, NULL, u->hi, 1, prec);
    }
    arf_clear(m);
    arf_clear(M);
}

/* --- magnitude polynomials --------------------------------------------- */

int poly_mul(av *v, const av *a, const av *b, slong prec)
{
    slong i, j, n = a->ng + b->ng - 1;
    if (n > GMAX)
        return 0;
    set_len(v, n);
    for (i = 0; i < a->ng; i++)
        for (j = 0; j < b->ng; j++)
            arb_addmul(v->g + i + j, a->g + i, b->g + j, prec);
    arb_add(v->c, a->c, b->c, prec);
    return 1;
}

void poly_copy(av *v, const av *a)
{
    set_len(v, a->ng);
    _arb_vec_set(v->g, a->g, a->ng);
    arb_set(v->c, a->c);
}

/* v = (sum g_j t^j)^f <= sum g_j^f (1 + t^ceil(j f)) for 0 < f < 1 */
int poly_frac(av *v, const av *a, const fmpq_t f, slong prec)
{
    slong j, n = 1, k;
    arb_t fb, t;
    arb_init(fb);
    arb_init(t);
    arb_set_fmpq(fb, f, prec);
    for (j = 0; j < a->ng; j++)
    {
        fmpz_t c;
        fmpz_init(c);
        fmpz_mul_si(c, fmpq_numref(f), j);
        fmpz_cdiv_q(c, c, fmpq_denref(f));
        n = FLINT_MAX(n, fmpz_get_si(c) + 1);
        fmpz_clear(c);
    }
    set_len(v, n);
    for (j = 0; j < a->ng; j++)
    {
        fmpz_t c;
        int exact;
        if (arb_is_zero(a->g + j))
            continue;
        fmpz_init(c);
        fmpz_mul_si(c, fmpq_numref(f), j);
        exact = fmpz_divisible(c, fmpq_denref(f));
        fmpz_cdiv_q(c, c, fmpq_denref(f));
        k = fmpz_get_si(c);
        fmpz_clear(c);
        arb_pow(t, a->g + j, fb, prec);
        /* (g t^j)^f = g^f t^{jf}, and t^{jf} <= 1 + t^ceil(jf) unless jf is an integer */
        arb_add(v->g + k, v->g + k, t, prec);
        if (!exact)
            arb_add(v->g, v->g, t, prec);
    }
    arb_mul(v->c, a->c, fb, prec);
    arb_clear(fb);
    arb_clear(t);
    return 1;
}

/* --- envelopes --------------------------------------------------------- */

/* the envelopes of k u for a constant k in [kl, kh] */
void env_scale(av *v, const av *u, const arf_t kl, const arf_t kh, slong prec)
{
    arb_t K, a, b;
    arb_init(K);
    arb_init(a);
    arb_init(b);
    v->hu = v->hd = 0;
    if (arf_sgn(kl) >= 0 || arf_sgn(kh) <= 0)
    {
        int pos = arf_sgn(kl) >= 0;
        const av *s = u;
        arf_t km;
        arf_init(km);
        rng_absmax(km, kl, kh);
        arb_set_arf(K, km);
        arf_clear(km);
        /* k u <= |k|max (U0+ + U1 t) for k >= 0, <= |k|max (D0+ + D1 t) for k <= 0 */
        if (pos ? s->hu : s->hd)
        {
            arb_set(a, pos ? s->U0 : s->D0);
            ub(a, prec);
            arb_mul(v->U0, K, a, prec);
            arb_mul(v->U1, K, pos ? s->U1 : s->D1, prec);
            v->hu = 1;
        }
        if (pos ? s->hd : s->hu)
        {
            arb_set(a, pos ? s->D0 : s->U0);
            ub(a, prec);
            arb_mul(v->D0, K, a, prec);
            arb_mul(v->D1, K, pos ? s->D1 : s->U1, prec);
            v->hd = 1;
        }
    }
    arb_clear(K);
    arb_clear(a);
    arb_clear(b);
}

/* one default envelope f <= E0 + E1|x| (of f, or of -f with neg):
   the range's bound, else the magnitude when it is linear; rounded up */
static void env_default(arb_t E0, arb_t E1, int *h, const arf_t bound, int neg, const av *v, slong prec)
{
    if (arf_is_finite(bound))
    {
        arb_set_arf(E0, bound);
        if (neg)
            arb_neg(E0, E0);
        arb_zero(E1);
        *h = 1;
    }
    else if (!*h && v->ng > 0 && v->ng <= 2 && arb_is_zero(v->c))
    {
        arb_set(E0, v->g);
        if (v->ng == 2) arb_set(E1, v->g + 1); else arb_zero(E1);
        *h = 1;
    }
    if (*h)
    {
        arb_get_ubound_arf(arb_midref(E0), E0, prec);
        mag_zero(arb_radref(E0));
        ub(E1, prec);
    }
}

/* default envelopes from the range and the magnitude; rule envelopes kept */
void env_finish(av *v, slong prec)
{
    env_default(v->U0, v->U1, &v->hu, v->hi, 0, v, prec);
    env_default(v->D0, v->D1, &v->hd, v->lo, 1, v, prec);
}

