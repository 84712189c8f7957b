/* The scale integral of two tokens with an odd activation (doc/model.md
   sections 9.3-9.5): s'(rho) = exp(-G(rho)), G(rho) = int_0^rho N/(1 - r^2),
   2 b_gamma / a = N / (1 - rho^2), integrated on each side of 0 in the
   variable u = |rho| in [0, 1]:

     side +1 (rho = u):  Ntilde(u) = N(u),
     side -1 (rho = -u): Ntilde(u) = -N(-u),
     N(+-u) = [2 gamma (1 + u) w(+-u) / sigma^2 -+ E(u)] / H(u),
     E(u) = (d - 2 + u^2) D(u) - (d - 2 - u) K(1),   H(u) = K(1) + u D(u),

   so that s'(+-u) = exp(-int_0^u Ntilde(t) / (1 - t^2) dt) on both sides and
   only D on [0, 1] is needed (D(-u) is eliminated by oddness).

   Each side is cut at 1 - 2^-j, j = 1, 2, ... and at the |rho0| (a
   non-dyadic rho0 is bracketed by two dyadic cuts: P(sync | rho0) is
   increasing in rho0).  The pieces are Chebyshev pieces (scale_piece.c)
   until the end piece [1 - 2^-J, 1] (scale_end.c) is narrow enough for the
   accuracy aimed at. */
#include <string.h>
#include "pairint.h"

/* The cuts of one side: sorted distinct dyadic values in (0, 1). */
typedef struct
{
    arf_struct *v;
    slong n;
}
cuts_t;

static void cuts_add(cuts_t *C, const arf_t x)
{
    slong i, j;
    for (i = 0; i < C->n && arf_cmp(C->v + i, x) < 0; i++)
        ;
    if (i < C->n && arf_equal(C->v + i, x))
        return;
    arf_init(C->v + C->n);
    for (j = C->n; j > i; j--)
        arf_swap(C->v + j, C->v + j - 1);
    arf_set(C->v + i, x);
    C->n++;
}

static slong cuts_find(const cuts_t *C, const arf_t x)
{
    slong i;
    for (i = 0; i < C->n; i++)
        if (arf_equal(C->v + i, x))
            return i;
    return -1;
}

/* dyadic lo <= |x| <= hi (equal when |x| is dyadic at this precision) */
static void bracket(arf_t lo, arf_t hi, const fmpq_t x, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_fmpq(t, x, prec);
    arb_abs(t, t);
    arb_get_lbound_arf(lo, t, prec);
    arb_get_ubound_arf(hi, t, prec);
    arb_clear(t);
}

/* out[k] = int over [cut k-1, cut k] of s' on this side (cut -1 = 0,
   cut n = 1), k = 0..C->n. */
static int side_run(arb_ptr out, _sc_pair_side *S, const cuts_t *C)
{
    slong prec = S->prec, j = 1, k = 0, jcap = 2 * prec + 64;
    arf_t u, g, next;
    arb_t acc, I, E;
    int st = SC_OK;

    arf_init(u);
    arf_init(g);
    arf_init(next);
    arb_init(acc);
    arb_init(I);
    arb_init(E);
    arb_zero(S->G);
    arf_one(g);
    arf_mul_2exp_si(g, g, -1);
    for (;;)
    {
        arf_set(next, g);
        if (k < C->n && arf_cmp(C->v + k, g) < 0)
            arf_set(next, C->v + k);
        if ((st = _sc_pair_piece(I, S, u, next, 0)) != SC_OK)
            break;
        arb_add(acc, acc, I, prec);
        arf_set(u, next);
        if (k < C->n && arf_equal(u, C->v + k))
        {
            arb_swap(out + k, acc);
            arb_zero(acc);
            k++;
        }
        if (arf_equal(u, g))
        {
            j++;
            arf_one(g);
            arf_mul_2exp_si(g, g, -j);
            arf_sub_si(g, g, 1, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_neg(g, g);                      /* 1 - 2^-j */
        }
        if (k == C->n && j >= 2)
        {
            double rw, m, tl;
            int ok;
            arf_t t;
            _sc_pair_end(E, &rw, &ok, S, u);
            m = ok ? arf_get_d(arb_midref(E), ARF_RND_NEAR) : 0.0;
            arf_init(t);
            /* against the segment after the last cut, not the side's total:
               near 1 that segment is P(antipodal | rho0)'s (or P(sync)'s)
               whole mass and must be resolved relatively */
            arb_get_lbound_arf(t, acc, prec);
            tl = arf_get_d(t, ARF_RND_DOWN);
            arf_clear(t);
            if ((ok && rw * m <= 0.25 * S->c->eps * (tl + m)) || j > jcap)
            {
                arb_add(out + k, acc, E, prec);
                S->c->end_log2 = FLINT_MAX(S->c->end_log2, j - 1);
                break;
            }
        }
        if (!arb_is_finite(S->G) || (k < C->n && j > jcap))
        {
            /* a piece without a bound, or a cut closer to 1 than the ends can
               be resolved at this precision: nothing after it is enclosed */
            for (; k <= C->n; k++)
                arb_indeterminate(out + k);
            break;
        }
    }
    arf_clear(u);
    arf_clear(g);
    arf_clear(next);
    arb_clear(acc);
    arb_clear(I);
    arb_clear(E);
    return st;
}

/* prefix[i] = sum_{k <= i} out[k], suffix[i] = sum_{k > i} out[k] */
static void sums(arb_ptr prefix, arb_ptr suffix, arb_srcptr out, slong n, slong prec)
{
    slong i;
    for (i = 0; i <= n; i++)
    {
        arb_set(prefix + i, out + i);
        if (i > 0)
            arb_add(prefix + i, prefix + i, prefix + i - 1, prec);
    }
    arb_zero(suffix + n);
    for (i = n - 1; i >= 0; i--)
        arb_add(suffix + i, suffix + i + 1, out + i + 1, prec);
}

int _sc_pair_scale(arb_ptr A, arb_ptr B, _sc_pair_scale_ctx *c, const fmpq *rho0, slong n)
{
    slong prec = c->prec, i, s, cp = prec + 64;
    cuts_t C[2];
    arb_ptr out[2], pre[2], suf[2];
    _sc_pair_side S;
    arf_t lo, hi;
    arb_t t;
    int st = SC_OK;

    arf_init(lo);
    arf_init(hi);
    arb_init(t);
    c->pieces = 0;
    c->end_log2 = 0;
    for (s = 0; s < 2; s++)
    {
        C[s].v = flint_malloc(sizeof(arf_struct) * (2 * n + 1));
        C[s].n = 0;
    }
    /* side index 0 is rho > 0, 1 is rho < 0 */
    for (i = 0; i < n; i++)
        if (!fmpq_is_zero(rho0 + i))
        {
            s = fmpq_sgn(rho0 + i) > 0 ? 0 : 1;
            bracket(lo, hi, rho0 + i, cp);
            cuts_add(C + s, lo);
            cuts_add(C + s, hi);
        }
    for (s = 0; s < 2; s++)
    {
        out[s] = _arb_vec_init(C[s].n + 1);
        pre[s] = _arb_vec_init(C[s].n + 1);
        suf[s] = _arb_vec_init(C[s].n + 1);
    }
    for (s = 0; s < 2 && st == SC_OK; s++)
    {
        memset(&S, 0, sizeof(S));
        S.c = c;
        S.side = s == 0 ? 1 : -1;
        S.prec = prec;
        S.eps_piece = c->eps / 64;
        arb_init(S.G);
        st = side_run(out[s], &S, C + s);
        arb_clear(S.G);
        for (i = 0; i <= SC_PAIR_NMAX; i++)
            if (S.cosx[i] != NULL)
                _arb_vec_clear(S.cosx[i], 2 * i);
        sums(pre[s], suf[s], out[s], C[s].n, prec);
    }
    for (i = 0; i < n && st == SC_OK; i++)
    {
        /* totals of the sides: pre[s][C[s].n] */
        arb_srcptr Sp = pre[0] + C[0].n, Sm = pre[1] + C[1].n;
        if (fmpq_is_zero(rho0 + i))
        {
            arb_set(A + i, Sm);
            arb_set(B + i, Sp);
            continue;
        }
        s = fmpq_sgn(rho0 + i) > 0 ? 0 : 1;
        bracket(lo, hi, rho0 + i, cp);
        {
            slong il = cuts_find(C + s, lo), ih = cuts_find(C + s, hi);
            if (s == 0)
            {
                /* A = S_- + int_0^rho0, B = int_rho0^1 (+ side) */
                arb_union(A + i, pre[0] + il, pre[0] + ih, prec);
                arb_add(A + i, A + i, Sm, prec);
                arb_union(B + i, suf[0] + il, suf[0] + ih, prec);
            }
            else
            {
                /* rho0 = -u0: A = int_u0^1 (- side), B = int_0^u0 (- side) + S_+ */
                arb_union(A + i, suf[1] + il, suf[1] + ih, prec);
                arb_union(B + i, pre[1] + il, pre[1] + ih, prec);
                arb_add(B + i, B + i, Sp, prec);
            }
        }
    }
    for (s = 0; s < 2; s++)
    {
        _arb_vec_clear(out[s], C[s].n + 1);
        _arb_vec_clear(pre[s], C[s].n + 1);
        _arb_vec_clear(suf[s], C[s].n + 1);
        for (i = 0; i < C[s].n; i++)
            arf_clear(C[s].v + i);
        flint_free(C[s].v);
    }
    arf_clear(lo);
    arf_clear(hi);
    arb_clear(t);
    return st;
}
