/* Noise coercivity constant c_p by branch-and-bound over rho (see
   coercivity.h for the algebra that removes every division by 1 - rho). */
#include <string.h>
#include "synccert/coercivity.h"

void sc_fparams_init(sc_fparams_t f)
{
    arb_init(f->d);
    arb_init(f->p);
    arb_init(f->sigma2);
}

void sc_fparams_clear(sc_fparams_t f)
{
    arb_clear(f->d);
    arb_clear(f->p);
    arb_clear(f->sigma2);
}

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

/* A(rho), B(rho) and B'(rho) on a ball rho */
static void coefA(arb_t A, const sc_fparams_t fp, const arb_t rho, slong prec)
{
    arb_t hp;
    arb_init(hp);
    arb_mul_2exp_si(hp, fp->p, -1);             /* p/2 */
    arb_sub_ui(A, fp->d, 1, prec);
    arb_sub(A, A, hp, prec);
    arb_submul(A, hp, rho, prec);
    arb_clear(hp);
}

static void coefB(arb_t B, arb_t dB, const sc_fparams_t fp, const arb_t rho, slong prec)
{
    arb_t hp, b1, t;
    arb_init(hp);
    arb_init(b1);
    arb_init(t);
    arb_mul_2exp_si(hp, fp->p, -1);
    arb_sub_ui(b1, hp, 1, prec);                /* p/2 - 1 */
    if (B != NULL)
    {
        /* (d - 2) + rho (b1 + hp rho) */
        arb_mul(t, hp, rho, prec);
        arb_add(t, t, b1, prec);
        arb_mul(t, t, rho, prec);
        arb_sub_ui(B, fp->d, 2, prec);
        arb_add(B, B, t, prec);
    }
    if (dB != NULL)
    {
        arb_mul(t, fp->p, rho, prec);
        arb_add(dB, t, b1, prec);
    }
    arb_clear(hp);
    arb_clear(b1);
    arb_clear(t);
}

/* F = (p sigma^2/2) (A K1 - B D) */
static void F_from(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arb_t rho, const arb_t D)
{
    slong prec = kf->prec;
    arb_t A, B, c;
    arb_init(A);
    arb_init(B);
    arb_init(c);
    coefA(A, fp, rho, prec);
    coefB(B, NULL, fp, rho, prec);
    arb_mul(A, A, kf->K1, prec);
    arb_submul(A, B, D, prec);
    arb_mul(c, fp->p, fp->sigma2, prec);
    arb_mul_2exp_si(c, c, -1);
    arb_mul(F, A, c, prec);
    arb_clear(A);
    arb_clear(B);
    arb_clear(c);
}

int sc_coerc_F(arb_t F, sc_kfun_t kf, const sc_fparams_t fp, const arf_t r1, const arf_t r2)
{
    slong prec = kf->prec;
    arb_t box, D, dK, Fm, dF, A, B, dB, t, h, omr;
    arf_t m;
    int st;

    arb_init(box);
    arb_init(D);
    arb_init(dK);
    arf_init(m);
    arb_set_interval_arf(box, r1, r2, 4 * prec + 64);
    if (arf_equal(r1, r2))
    {
        st = sc_kfun_point_D(D, kf, r1);
        F_from(F, kf, fp, box, D);
        arb_clear(box);
        arb_clear(D);
        arb_clear(dK);
        arf_clear(m);
        return st;
    }
    st = sc_kfun_interval(NULL, dK, D, kf, r1, r2);
    /* direct interval evaluation */
    F_from(F, kf, fp, box, D);

    /* mean value form F(mid) + F'(box) [-h, h] when r2 < 1:
       F' = (p sigma^2/2) (-(p/2) K1 - B' D - B D'),  D' = (D - K')/(1 - rho) */
    if (arf_cmp_si(r2, 1) < 0 && arb_is_finite(D) && arb_is_finite(dK))
    {
        arb_init(Fm);
        arb_init(dF);
        arb_init(A);
        arb_init(B);
        arb_init(dB);
        arb_init(t);
        arb_init(h);
        arb_init(omr);
        arf_add(m, r1, r2, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(m, m, -1);
        arb_one(omr);
        arb_sub(omr, omr, box, prec);
        arb_sub(t, D, dK, prec);
        arb_div(t, t, omr, prec);               /* D' over the box */
        coefB(B, dB, fp, box, prec);
        arb_mul(dF, B, t, prec);
        arb_addmul(dF, dB, D, prec);
        arb_mul_2exp_si(A, fp->p, -1);
        arb_addmul(dF, A, kf->K1, prec);
        arb_neg(dF, dF);
        arb_mul(A, fp->p, fp->sigma2, prec);
        arb_mul_2exp_si(A, A, -1);
        arb_mul(dF, dF, A, prec);
        arb_set_arf(h, r2);
        arb_sub_arf(h, h, r1, prec);
        arb_mul_2exp_si(h, h, -1);
        arb_zero(t);
        arb_add_error(t, h);
        arb_mul(dF, dF, t, prec);
        sc_kfun_point_D(D, kf, m);
        arb_set_arf(t, m);
        F_from(Fm, kf, fp, t, D);
        arb_add(Fm, Fm, dF, prec);
        if (arb_is_finite(Fm))
        {
            if (!arb_is_finite(F))
                arb_set(F, Fm);
            else if (arb_intersection(t, F, Fm, ARF_PREC_EXACT))
                arb_swap(F, t);
        }
        arb_clear(Fm);
        arb_clear(dF);
        arb_clear(A);
        arb_clear(B);
        arb_clear(dB);
        arb_clear(t);
        arb_clear(h);
        arb_clear(omr);
    }
    arb_clear(box);
    arb_clear(D);
    arb_clear(dK);
    arf_clear(m);
    return st;
}

/* ---------- branch and bound ---------- */

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

    /* K'(1) = +inf: F -> -(p sigma^2/2) B(1) * inf at the diagonal */
    if (!arb_is_finite(kf->dK1))
    {
        arb_t B;
        arb_init(B);
        arb_set_si(t, 1);
        coefB(B, NULL, fp, t, prec);
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
        }
        else
            st = sc_error(SC_ERR_UNSUPPORTED, "K'(1) is infinite and d - 3 + p <= 0: the diagonal limit is not handled");
        arb_clear(B);
        goto cleanup;
    }

    /* upper bounds from both ends: the diagonal limit and rho = -1 */
    sc_coerc_F(F, kf, fp, one, one);
    offer_upper(&c, F, one, 1);
    sc_coerc_F(F, kf, fp, mone, mone);
    offer_upper(&c, F, mone, 0);

    for (i = 0; i < ninit; i++)
    {
        bbox b;
        arf_init(&b.r1);
        arf_init(&b.r2);
        arf_init(&b.lb);
        arf_set_si(&b.r1, 2 * i - ninit);
        arf_mul_2exp_si(&b.r1, &b.r1, -4);      /* ninit = 16 */
        arf_set_si(&b.r2, 2 * i + 2 - ninit);
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

/* ---------- p auto ---------- */

/* certified lower bound of c_p - p gl at p = k/256 (coarse tolerance) */
static int auto_eval(arf_t val, slong k, sc_kfun_t kf, const arb_t d, const arb_t sigma2,
                     const arb_t gl, const arf_t tol, slong max_boxes)
{
    sc_fparams_t fp;
    sc_coerc_result r;
    arb_t t;
    int st;
    sc_fparams_init(fp);
    sc_coerc_result_init(&r);
    arb_init(t);
    arb_set(fp->d, d);
    arb_set(fp->sigma2, sigma2);
    arb_set_si(fp->p, k);
    arb_mul_2exp_si(fp->p, fp->p, -8);
    st = sc_coercivity_bb(&r, kf, fp, tol, NULL, max_boxes);
    arb_set_arf(t, r.lo);
    arb_submul(t, fp->p, gl, kf->prec);
    if (arb_is_finite(t))
        arb_get_lbound_arf(val, t, kf->prec);
    else
        arf_neg_inf(val);
    sc_fparams_clear(fp);
    sc_coerc_result_clear(&r);
    arb_clear(t);
    return st;
}

int sc_coercivity_auto_p(fmpq_t p_best, sc_coerc_result *r, sc_kfun_t kf,
                         const arb_t d, const arb_t sigma2, const arb_t gl,
                         const arf_t tol, slong max_boxes)
{
    /* golden-section style search on the integer grid k in [1, 512]
       (p = k/256), valid for the concave function p -> c_p - p gl; the
       certified values are lower bounds at a coarse tolerance, so the
       search only chooses p: the result is certified at that p. */
    slong lo = 1, hi = 512, m1, m2, k, best = 1;
    arf_t v1, v2, ctol, bv;
    sc_fparams_t fp;
    int st = SC_OK;

    arf_init(v1);
    arf_init(v2);
    arf_init(ctol);
    arf_init(bv);
    arf_set_d(ctol, 1e-4);
    if (arf_cmp(tol, ctol) > 0)
        arf_set(ctol, tol);
    arf_neg_inf(bv);
    while (hi - lo > 3)
    {
        m1 = lo + (hi - lo) / 3;
        m2 = hi - (hi - lo) / 3;
        if ((st = auto_eval(v1, m1, kf, d, sigma2, gl, ctol, max_boxes)) == SC_ERR_BUDGET)
            break;
        if ((st = auto_eval(v2, m2, kf, d, sigma2, gl, ctol, max_boxes)) == SC_ERR_BUDGET)
            break;
        if (arf_cmp(v1, bv) > 0) { arf_set(bv, v1); best = m1; }
        if (arf_cmp(v2, bv) > 0) { arf_set(bv, v2); best = m2; }
        if (arf_cmp(v1, v2) < 0)
            lo = m1;
        else
            hi = m2;
    }
    if (st != SC_ERR_BUDGET)
        for (k = lo; k <= hi; k++)
        {
            if ((st = auto_eval(v1, k, kf, d, sigma2, gl, ctol, max_boxes)) == SC_ERR_BUDGET)
                break;
            if (arf_cmp(v1, bv) > 0) { arf_set(bv, v1); best = k; }
        }
    fmpq_set_si(p_best, best, 256);
    sc_fparams_init(fp);
    arb_set(fp->d, d);
    arb_set(fp->sigma2, sigma2);
    arb_set_fmpq(fp->p, p_best, kf->prec);
    if (st != SC_ERR_BUDGET)
        st = sc_coercivity_bb(r, kf, fp, tol, NULL, max_boxes);
    else
        st = sc_error(SC_ERR_BUDGET, "time budget exhausted");
    sc_fparams_clear(fp);
    arf_clear(v1);
    arf_clear(v2);
    arf_clear(ctol);
    arf_clear(bv);
    return st;
}
