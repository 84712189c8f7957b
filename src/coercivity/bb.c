/* Branch and bound for the noise coercivity constant c_p = inf F(rho) over
   rho in [-1, 1): boxes of rho in a heap ordered by their lower bound,
   upper bounds from point values (see sc_coercivity_bb in coercivity.h). */
#include <string.h>
#include "synccert/coercivity.h"
#include "coercint.h"

void sc_coerc_result_init(sc_coerc_result *r)
{
    memset(r, 0, sizeof(*r));
    arf_init(r->lo);
    arf_init(r->hi);
    arf_init(r->rlo);
    arf_init(r->rhi);
}

void sc_coerc_result_clear(sc_coerc_result *r)
{
    arf_clear(r->lo);
    arf_clear(r->hi);
    arf_clear(r->rlo);
    arf_clear(r->rhi);
}

typedef struct
{
    arf_struct r1, r2, lb;
}
bbox;

typedef struct
{
    bbox *v;
    slong n, alloc;
}
heap_t;

static void heap_swap(heap_t *H, slong i, slong j)
{
    bbox t = H->v[i];
    H->v[i] = H->v[j];
    H->v[j] = t;
}

static int box_less(const bbox *a, const bbox *b)
{
    int c = arf_cmp(&a->lb, &b->lb);
    if (c != 0)
        return c < 0;
    return arf_cmp(&a->r1, &b->r1) < 0;     /* deterministic tie-break */
}

static void heap_push(heap_t *H, bbox *b)
{
    slong i;
    if (H->n == H->alloc)
    {
        H->alloc = FLINT_MAX(64, 2 * H->alloc);
        H->v = flint_realloc(H->v, H->alloc * sizeof(bbox));
    }
    i = H->n++;
    H->v[i] = *b;
    while (i > 0 && box_less(&H->v[i], &H->v[(i - 1) / 2]))
    {
        heap_swap(H, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

static void heap_pop(heap_t *H, bbox *out)
{
    slong i = 0;
    *out = H->v[0];
    H->v[0] = H->v[--H->n];
    for (;;)
    {
        slong l = 2 * i + 1, r = l + 1, s = i;
        if (l < H->n && box_less(&H->v[l], &H->v[s])) s = l;
        if (r < H->n && box_less(&H->v[r], &H->v[s])) s = r;
        if (s == i)
            break;
        heap_swap(H, i, s);
        i = s;
    }
}

static void bbox_clear(bbox *b)
{
    arf_clear(&b->r1);
    arf_clear(&b->r2);
    arf_clear(&b->lb);
}

typedef struct
{
    sc_kfun_struct *kf;
    const sc_fparams_struct *fp;
    arf_t U;            /* best upper bound */
    arf_t Urho;
    int Ulimit;         /* U from the diagonal limit */
    int inf_diag;       /* K'(1) = +inf and B(1) <= 0: boxes [r, 1] bounded below by
                           _sc_coerc_lower_inf_diag */
    slong boxes;
}
bbctx;

static void offer_upper(bbctx *c, const arb_t F, const arf_t rho, int limit)
{
    arf_t u;
    if (!arb_is_finite(F))
        return;
    arf_init(u);
    arb_get_ubound_arf(u, F, c->kf->prec);
    if (arf_cmp(u, c->U) < 0)
    {
        arf_swap(c->U, u);
        arf_set(c->Urho, rho);
        c->Ulimit = limit;
    }
    arf_clear(u);
}

/* evaluate a box: lower bound, and offer F(mid) as an upper bound */
static int eval_box(bbctx *c, bbox *b)
{
    arb_t F;
    arf_t m;
    int st;
    arb_init(F);
    arf_init(m);
    st = sc_coerc_F(F, c->kf, c->fp, &b->r1, &b->r2);
    if (arb_is_finite(F))
        arb_get_lbound_arf(&b->lb, F, c->kf->prec);
    else if (c->inf_diag && arf_is_one(&b->r2))
        _sc_coerc_lower_inf_diag(&b->lb, c->kf, c->fp, &b->r1);   /* K'(1) = +inf */
    else
        arf_neg_inf(&b->lb);
    c->boxes++;
    /* upper bound from the midpoint (cached point values) */
    arf_add(m, &b->r1, &b->r2, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(m, m, -1);
    if (arf_cmp_si(m, 1) < 0)
    {
        sc_coerc_F(F, c->kf, c->fp, m, m);
        offer_upper(c, F, m, 0);
    }
    arb_clear(F);
    arf_clear(m);
    return st;
}

int sc_coercivity_bb(sc_coerc_result *r, sc_kfun_t kf, const sc_fparams_t fp,
                     const arf_t tol, const arf_t thr, slong max_boxes)
{
    slong prec = kf->prec, i, ninit = 16;
    heap_t H = { NULL, 0, 0 };
    bbctx c;
    arb_t F, t;
    arf_t one, mone, gap, L;
    int st = SC_OK;

    arb_init(F);
    arb_init(t);
    arf_init(one);
    arf_init(mone);
    arf_init(gap);
    arf_init(L);
    arf_one(one);
    arf_set_si(mone, -1);
    c.kf = kf;
    c.fp = fp;
    arf_init(c.U);
    arf_init(c.Urho);
    arf_pos_inf(c.U);
    c.Ulimit = 0;
    c.boxes = 0;
    r->reached = 0;
    r->decided = 0;
    r->diagonal = 0;
    r->antipodal = 0;

    /* K'(1) = +inf (doc/model.md section 5.2): F -> -(p sigma^2/2) B(1) inf
       at the diagonal.  B(1) > 0: c_p = -inf exactly.  B(1) < 0: F -> +inf,
       the infimum is finite and attained away from the diagonal; B(1) = 0:
       F -> (p sigma^2/2) A(1) K(1).  Both are searched with the lower bound
       of _sc_coerc_lower_inf_diag on the boxes [r, 1]. */
    c.inf_diag = !arb_is_finite(kf->dK1);
    arb_set_si(t, 1);
    if (c.inf_diag)
    {
        arb_t B;
        arb_init(B);
        _sc_coerc_coefB(B, NULL, fp, t, prec);
        if (arb_is_positive(B))
        {
            arf_neg_inf(r->lo);
            arf_neg_inf(r->hi);
            arf_one(r->rlo);
            arf_one(r->rhi);
            r->diagonal = 1;
            r->reached = 1;
            r->decided = thr != NULL ? -1 : 0;
            st = SC_OK;
            arb_clear(B);
            goto cleanup;
        }
        if (arb_is_zero(B))
        {
            /* the finite diagonal limit (p sigma^2/2) A(1) K(1) */
            arb_sub_ui(t, fp->d, 1, prec);
            arb_sub(t, t, fp->p, prec);              /* A(1) = d - 1 - p */
            arb_mul(F, fp->p, fp->sigma2, prec);
            arb_mul_2exp_si(F, F, -1);
            arb_mul(F, F, t, prec);
            arb_mul(F, F, kf->K1, prec);
            offer_upper(&c, F, one, 1);
        }
        arb_clear(B);
    }
    else
    {
        /* upper bounds from both ends: the diagonal limit and rho = -1 */
        sc_coerc_F(F, kf, fp, one, one);
        offer_upper(&c, F, one, 1);
    }
    sc_coerc_F(F, kf, fp, mone, mone);
    offer_upper(&c, F, mone, 0);

    for (i = 0; i < ninit; i++)
    {
        bbox b;
        arf_init(&b.r1);
        arf_init(&b.r2);
        arf_init(&b.lb);
        /* [-1, 1] in 16 boxes; the projective quotient is even: [0, 1] */
        arf_set_si(&b.r1, fp->projective ? i : 2 * i - ninit);
        arf_mul_2exp_si(&b.r1, &b.r1, -4);      /* ninit = 16 */
        arf_set_si(&b.r2, fp->projective ? i + 1 : 2 * i + 2 - ninit);
        arf_mul_2exp_si(&b.r2, &b.r2, -4);
        if ((st = eval_box(&c, &b)) == SC_ERR_BUDGET)
        {
            bbox_clear(&b);
            break;
        }
        heap_push(&H, &b);
    }

    while (H.n > 0 && st != SC_ERR_BUDGET)
    {
        bbox b, k1, k2;
        arf_set(L, &H.v[0].lb);
        if (arf_cmp(L, c.U) > 0)
            arf_set(L, c.U);
        if (thr != NULL)
        {
            if (arf_cmp(L, thr) > 0) { r->decided = 1; break; }
            if (arf_cmp(c.U, thr) < 0) { r->decided = -1; break; }
        }
        arf_sub(gap, c.U, L, prec, ARF_RND_UP);
        if (arf_cmp(gap, tol) <= 0)
        {
            r->reached = 1;
            break;
        }
        if (c.boxes >= max_boxes || sc_budget_expired())
            break;
        arf_sub(gap, &H.v[0].r2, &H.v[0].r1, prec, ARF_RND_UP);
        if (arf_cmpabs_2exp_si(gap, -(prec - 8)) < 0)
            break;      /* cannot refine further at this precision */
        heap_pop(&H, &b);
        arf_init(&k1.r1);
        arf_init(&k1.r2);
        arf_init(&k1.lb);
        arf_init(&k2.r1);
        arf_init(&k2.r2);
        arf_init(&k2.lb);
        arf_set(&k1.r1, &b.r1);
        arf_add(&k1.r2, &b.r1, &b.r2, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(&k1.r2, &k1.r2, -1);
        arf_set(&k2.r1, &k1.r2);
        arf_set(&k2.r2, &b.r2);
        bbox_clear(&b);
        if (eval_box(&c, &k1) == SC_ERR_BUDGET || eval_box(&c, &k2) == SC_ERR_BUDGET)
            st = SC_ERR_BUDGET;
        /* children are kept even if pruned: they never reach the top then */
        if (arf_cmp(&k1.lb, c.U) <= 0)
            heap_push(&H, &k1);
        else
            bbox_clear(&k1);
        if (arf_cmp(&k2.lb, c.U) <= 0)
            heap_push(&H, &k2);
        else
            bbox_clear(&k2);
    }

    /* the enclosure [min(lb), U] and the hull of the boxes that may hold the
       infimum */
    arf_set(r->hi, c.U);
    if (H.n > 0)
    {
        arf_set(r->lo, &H.v[0].lb);
        if (arf_cmp(r->lo, c.U) > 0)
            arf_set(r->lo, c.U);
    }
    else
        arf_set(r->lo, c.U);
    arf_set(r->rlo, c.Urho);
    arf_set(r->rhi, c.Urho);
    for (i = 0; i < H.n; i++)
        if (arf_cmp(&H.v[i].lb, c.U) <= 0)
        {
            if (arf_cmp(&H.v[i].r1, r->rlo) < 0) arf_set(r->rlo, &H.v[i].r1);
            if (arf_cmp(&H.v[i].r2, r->rhi) > 0) arf_set(r->rhi, &H.v[i].r2);
        }
    r->diagonal = c.Ulimit;
    r->antipodal = !c.Ulimit && arf_equal(c.Urho, mone);
    if (!r->reached)
    {
        arf_sub(gap, r->hi, r->lo, prec, ARF_RND_UP);
        r->reached = arf_cmp(gap, tol) <= 0;
    }
    if (st == SC_ERR_BUDGET)
        st = sc_error(SC_ERR_BUDGET, "time budget exhausted");

cleanup:
    r->boxes = c.boxes;
    for (i = 0; i < H.n; i++)
        bbox_clear(H.v + i);
    flint_free(H.v);
    arf_clear(c.U);
    arf_clear(c.Urho);
    arb_clear(F);
    arb_clear(t);
    arf_clear(one);
    arf_clear(mone);
    arf_clear(gap);
    arf_clear(L);
    return st;
}

