/* Certified parameter regimes: split the parameter box, classify each leaf
   (see regime.h for the argument on each property). */
#include <string.h>
#include <stdlib.h>
#include <time.h>
#include <flint/fmpz.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "synccert/regime.h"
#include "synccert/parse.h"
#include "synccert/kernel.h"
#include "synccert/coercivity.h"
#include "synccert/verdict.h"
#include "synccert/print.h"
#include "synccert/box.h"

const char *sc_leaf_name(int cls)
{
    return cls == SC_LEAF_CERTIFIED ? "certified" : cls == SC_LEAF_REFUTED ? "refuted" : "undecided";
}

void sc_regime_problem_init(sc_regime_problem *P)
{
    memset(P, 0, sizeof(*P));
    sc_act_init(P->act);
    fmpq_init(P->gamma);
    fmpq_init(P->beta);
    fmpq_init(P->vnorm);
    fmpq_init(P->qknorm);
    fmpq_one(P->vnorm);
    fmpq_one(P->qknorm);
    P->max_depth = 30;
    P->max_boxes_bb = 3000;
}

void sc_regime_problem_clear(sc_regime_problem *P)
{
    slong i;
    for (i = 0; i < P->naxes; i++)
    {
        fmpq_clear(P->axes[i].lo);
        fmpq_clear(P->axes[i].hi);
    }
    sc_act_clear(P->act);
    fmpq_clear(P->gamma);
    fmpq_clear(P->beta);
    fmpq_clear(P->vnorm);
    fmpq_clear(P->qknorm);
}

int sc_regime_add_axis(sc_regime_problem *P, const char *name, int kind, slong index,
                       const fmpq_t lo, const fmpq_t hi)
{
    slong i;
    sc_axis *a;
    for (i = 0; i < P->naxes; i++)
        if (strcmp(P->axes[i].name, name) == 0)
            return sc_error(SC_ERR_INPUT, "parameter '%s' given twice", name);
    if (P->naxes >= SC_REGIME_MAXAXES)
        return sc_error(SC_ERR_INPUT, "too many parameter ranges");
    if (fmpq_cmp(lo, hi) > 0)
        return sc_error(SC_ERR_INPUT, "range of '%s' is empty (LO > HI)", name);
    a = P->axes + P->naxes++;
    strncpy(a->name, name, sizeof(a->name) - 1);
    a->name[sizeof(a->name) - 1] = '\0';
    a->kind = kind;
    a->index = index;
    fmpq_init(a->lo);
    fmpq_init(a->hi);
    fmpq_set(a->lo, lo);
    fmpq_set(a->hi, hi);
    return SC_OK;
}

void sc_regime_result_init(sc_regime_result *R)
{
    memset(R, 0, sizeof(*R));
    fmpq_init(R->frac[0]);
    fmpq_init(R->frac[1]);
    fmpq_init(R->frac[2]);
}

void sc_regime_result_clear(sc_regime_result *R)
{
    slong i;
    for (i = 0; i < R->nleaves; i++)
    {
        _fmpq_vec_clear(R->leaves[i].lo, R->naxes);
        _fmpq_vec_clear(R->leaves[i].hi, R->naxes);
    }
    flint_free(R->leaves);
    fmpq_clear(R->frac[0]);
    fmpq_clear(R->frac[1]);
    fmpq_clear(R->frac[2]);
}

/* ---------- evaluation of one box ---------- */

static void ball_of(arb_t x, const fmpq_t lo, const fmpq_t hi, slong prec)
{
    arb_t t;
    arb_init(t);
    arb_set_fmpq(x, lo, prec);
    if (!fmpq_equal(lo, hi))
    {
        arb_set_fmpq(t, hi, prec);
        arb_union(x, x, t, prec);
    }
    arb_clear(t);
}

int sc_regime_eval_box(const sc_regime_problem *P, const fmpq *lo, const fmpq *hi, slong prec)
{
    const sc_act_def *def = P->act->def;
    arb_ptr par;
    slong np, i, dA = 2, dB = 2;
    arb_t q, s, sigma2, p, t, one, gl;
    int cls = SC_LEAF_UNDECIDED;
    int have_sigma = 0, have_p = 0;

    par = sc_act_params(P->act, prec);
    np = (def->flags & SC_ACT_COEFFS) ? P->act->npar + 1 : FLINT_MAX(P->act->npar, 1);
    arb_init(q); arb_init(s); arb_init(sigma2); arb_init(p); arb_init(t); arb_init(one); arb_init(gl);
    arb_one(q);
    arb_one(sigma2);
    arb_one(p);
    arb_mul_2exp_si(p, p, -1);
    arb_one(one);
    for (i = 0; i < P->naxes; i++)
    {
        const sc_axis *a = P->axes + i;
        switch (a->kind)
        {
            case SC_AXIS_DIM:
                dA = fmpz_get_si(fmpq_numref(lo + i));
                dB = fmpz_get_si(fmpq_numref(hi + i));
                break;
            case SC_AXIS_ACT: ball_of(par + a->index, lo + i, hi + i, prec); break;
            case SC_AXIS_Q: ball_of(q, lo + i, hi + i, prec); break;
            case SC_AXIS_S: ball_of(s, lo + i, hi + i, prec); break;
            case SC_AXIS_SIGMA: ball_of(sigma2, lo + i, hi + i, prec); arb_sqr(sigma2, sigma2, prec); have_sigma = 1; break;
            case SC_AXIS_P: ball_of(p, lo + i, hi + i, prec); have_p = 1; break;
        }
    }
    (void) have_sigma;
    (void) have_p;

    if (P->property == SC_PROP_SYNC)
    {
        arb_t K1, dK1, l1, l2;
        arb_init(K1); arb_init(dK1); arb_init(l1); arb_init(l2);
        if (sc_kernel_eval(K1, dK1, def, par, np, one, q, s, SC_KM_AUTO, prec) == SC_OK)
        {
            /* sign of lambda = sign of (d-3) K'(1) - (d-1) K(1) at both ends */
            slong dd[2] = { dA, dB }, k;
            int sg[2];
            for (k = 0; k < 2; k++)
            {
                arb_t *l = k ? &l2 : &l1;
                if (dd[k] == 3)
                    arb_zero(*l);
                else
                    arb_mul_si(*l, dK1, dd[k] - 3, prec);
                arb_submul_si(*l, K1, dd[k] - 1, prec);
                sg[k] = sc_arb_sign(*l);
            }
            if (sg[0] < 0 && sg[1] < 0)
                cls = SC_LEAF_CERTIFIED;
            else if (sg[0] > 0 && sg[1] > 0)
                cls = SC_LEAF_REFUTED;
        }
        arb_clear(K1); arb_clear(dK1); arb_clear(l1); arb_clear(l2);
    }
    else
    {
        sc_kfun_t kf;
        /* gl = p gamma V (2 + B QK) over the box */
        arb_set_fmpq(gl, P->beta, prec);
        arb_set_fmpq(t, P->qknorm, prec);
        arb_mul(gl, gl, t, prec);
        arb_add_ui(gl, gl, 2, prec);
        arb_set_fmpq(t, P->vnorm, prec);
        arb_mul(gl, gl, t, prec);
        arb_set_fmpq(t, P->gamma, prec);
        arb_mul(gl, gl, t, prec);
        arb_mul(gl, gl, p, prec);
        if (sc_kfun_init(kf, def, par, np, q, s, 1, prec) == SC_OK)
        {
            sc_fparams_t fp;
            sc_coerc_result r[2];
            arf_t tol, thr, rho[2];
            slong dd[2] = { dA, dB }, k, nd = dA == dB ? 1 : 2;
            int pos = 1, ok = 1;
            sc_fparams_init(fp);
            arf_init(tol); arf_init(thr); arf_init(rho[0]); arf_init(rho[1]);
            arf_set_d(tol, 1e-9);
            arb_get_ubound_arf(thr, gl, prec);
            arb_set(fp->p, p);
            arb_set(fp->sigma2, sigma2);
            for (k = 0; k < nd; k++)
            {
                sc_coerc_result_init(r + k);
                arb_set_si(fp->d, dd[k]);
                if (sc_coercivity_bb(r + k, kf, fp, tol, thr, P->max_boxes_bb) != SC_OK)
                    ok = 0;
                /* certified: c_p >= lo > p gamma L_att for every parameter */
                arb_set_arf(t, r[k].lo);
                arb_sub(t, t, gl, prec);
                if (!arf_is_finite(r[k].lo) || sc_arb_sign(t) <= 0)
                    pos = 0;
                arf_set(rho[k], r[k].rlo);
                if (r[k].diagonal)
                    arf_one(rho[k]);
                else
                    arf_set(rho[k], r[k].rlo);
            }
            if (ok && pos)
                cls = SC_LEAF_CERTIFIED;
            else if (ok)
            {
                /* refuted: one rho* with F(rho*, d) - p gamma L_att < 0 at both ends */
                slong j;
                for (j = 0; j < nd && cls == SC_LEAF_UNDECIDED; j++)
                {
                    int neg = 1;
                    arb_t F;
                    arb_init(F);
                    for (k = 0; k < nd; k++)
                    {
                        arb_set_si(fp->d, dd[k]);
                        sc_coerc_F(F, kf, fp, rho[j], rho[j]);
                        arb_sub(F, F, gl, prec);
                        if (sc_arb_sign(F) >= 0)
                            neg = 0;
                    }
                    if (neg)
                        cls = SC_LEAF_REFUTED;
                    arb_clear(F);
                }
            }
            for (k = 0; k < nd; k++)
                sc_coerc_result_clear(r + k);
            sc_fparams_clear(fp);
            arf_clear(tol); arf_clear(thr); arf_clear(rho[0]); arf_clear(rho[1]);
            sc_kfun_clear(kf);
        }
    }
    sc_act_params_clear(par, P->act);
    arb_clear(q); arb_clear(s); arb_clear(sigma2); arb_clear(p); arb_clear(t); arb_clear(one); arb_clear(gl);
    return cls;
}

/* ---------- the split loop on the verified box core ---------- */

/* Map between the problem's axes and the core's box axes. */
typedef struct
{
    slong nb;                           /* box axes in use (>= 1) */
    slong pax[SC_BOX_MAXDIM];           /* problem axis of box axis i, -1: none */
    slong bax[SC_REGIME_MAXAXES];       /* box axis of problem axis k, -1: fixed */
    sc_box_domain_t D;
}
box_map;

static slong count_varying(const sc_regime_problem *P)
{
    slong k, n = 0;
    for (k = 0; k < P->naxes; k++)
        if (!fmpq_equal(P->axes[k].lo, P->axes[k].hi))
            n++;
    return n;
}

int sc_regime_check(const sc_regime_problem *P)
{
    slong n = count_varying(P);
    if (n > SC_BOX_MAXDIM)
        return sc_error(SC_ERR_INPUT, "at most %d varying axes (parameter ranges with LO < HI), got %ld",
                        SC_BOX_MAXDIM, (long) n);
    return SC_OK;
}

static int map_init(box_map *M, const sc_regime_problem *P)
{
    slong k, i = 0;
    int rc = SC_OK;
    M->nb = FLINT_MAX(count_varying(P), 1);
    sc_box_domain_init(&M->D, (int) M->nb);
    for (i = 0; i < SC_BOX_MAXDIM; i++)
        M->pax[i] = -1;
    i = 0;
    for (k = 0; k < P->naxes; k++)
    {
        const sc_axis *a = P->axes + k;
        M->bax[k] = -1;
        if (fmpq_equal(a->lo, a->hi))
            continue;
        M->bax[k] = i;
        M->pax[i] = k;
        if (a->kind == SC_AXIS_DIM)
            rc = sc_box_domain_set_int(&M->D, (int) i, fmpz_get_si(fmpq_numref(a->lo)),
                                       fmpz_get_si(fmpq_numref(a->hi)));
        else
        {
            arb_t l, h;
            arb_init(l);
            arb_init(h);
            arb_set_fmpq(l, a->lo, 128);
            arb_set_fmpq(h, a->hi, 128);
            rc = sc_box_domain_set_real(&M->D, (int) i, l, h);
            arb_clear(l);
            arb_clear(h);
        }
        if (rc != SC_OK)
            break;
        i++;
    }
    if (count_varying(P) == 0)      /* nothing varies: one unsplittable point */
        rc = sc_box_domain_set_int(&M->D, 0, 0, 0);
    return rc;
}

/* Exact rational bounds of box b on every problem axis (lo, hi: naxes). */
static void box_bounds(fmpq *lo, fmpq *hi, const box_map *M, const sc_regime_problem *P,
                       const sc_box_t *b)
{
    slong k;
    fmpz_t c;
    fmpq_t w;
    fmpz_init(c);
    fmpq_init(w);
    for (k = 0; k < P->naxes; k++)
    {
        const sc_axis *a = P->axes + k;
        slong i = M->bax[k];
        if (i < 0)
        {
            fmpq_set(lo + k, a->lo);
            fmpq_set(hi + k, a->hi);
        }
        else if (M->D.is_int[i])
        {
            /* integers ilo + [b->lo, b->hi) = ilo + b->lo .. ilo + b->hi - 1 */
            fmpz_set_si(fmpq_numref(lo + k), M->D.ilo[i]);
            fmpz_add_si(fmpq_numref(lo + k), fmpq_numref(lo + k), (slong) b->lo[i]);
            fmpz_one(fmpq_denref(lo + k));
            fmpz_set_si(fmpq_numref(hi + k), M->D.ilo[i]);
            fmpz_add_si(fmpq_numref(hi + k), fmpq_numref(hi + k), (slong) b->hi[i] - 1);
            fmpz_one(fmpq_denref(hi + k));
        }
        else
        {
            /* lo + (hi - lo) * coordinate / 2^62, exactly */
            fmpq_sub(w, a->hi, a->lo);
            fmpz_set_si(c, (slong) b->lo[i]);
            fmpq_mul_fmpz(lo + k, w, c);
            fmpq_div_2exp(lo + k, lo + k, SC_BOX_MAXDEPTH);
            fmpq_add(lo + k, lo + k, a->lo);
            fmpz_set_si(c, (slong) b->hi[i]);
            fmpq_mul_fmpz(hi + k, w, c);
            fmpq_div_2exp(hi + k, hi + k, SC_BOX_MAXDEPTH);
            fmpq_add(hi + k, hi + k, a->lo);
        }
    }
    fmpz_clear(c);
    fmpq_clear(w);
}

/* Measure of box b relative to the root, exactly: the product over box axes
   of width / root width (real: width / 2^62; integer: count / N). */
static void box_volume(fmpq_t m, const box_map *M, const sc_box_t *b)
{
    slong i;
    fmpz_t num, den;
    fmpq_t w;
    fmpz_init(num);
    fmpz_init(den);
    fmpq_init(w);
    fmpq_one(m);
    for (i = 0; i < M->nb; i++)
    {
        fmpz_set_si(num, (slong) (b->hi[i] - b->lo[i]));
        if (M->D.is_int[i])
            fmpz_set_si(den, M->D.ihi[i] - M->D.ilo[i] + 1);
        else
        {
            fmpz_one(den);
            fmpz_mul_2exp(den, den, SC_BOX_MAXDEPTH);
        }
        fmpq_set_fmpz_frac(w, num, den);
        fmpq_mul(m, m, w);
    }
    fmpz_clear(num);
    fmpz_clear(den);
    fmpq_clear(w);
}

static double box_volume_d(const box_map *M, const sc_box_t *b)
{
    slong i;
    double v = 1;
    for (i = 0; i < M->nb; i++)
        v *= (double) (b->hi[i] - b->lo[i]) /
             (M->D.is_int[i] ? (double) (M->D.ihi[i] - M->D.ilo[i] + 1) : (double) SC_BOX_COORD_MAX);
    return v;
}

static slong box_depth(const sc_box_t *b)
{
    slong i, s = 0;
    for (i = 0; i < b->dim; i++)
        s += b->depth[i];
    return s;
}

static int box_same(const sc_box_t *x, const sc_box_t *y)
{
    int i;
    if (x->dim != y->dim)
        return 0;
    for (i = 0; i < SC_BOX_MAXDIM; i++)
        if (x->lo[i] != y->lo[i] || x->hi[i] != y->hi[i] || x->depth[i] != y->depth[i])
            return 0;
    return 1;
}

/* The axis along which an undecided box is split, or -1 (a leaf): the
   core's choice, while the path has fewer than max_depth bisections. */
static int split_axis(const sc_regime_problem *P, const sc_box_t *b)
{
    if (box_depth(b) >= P->max_depth)
        return -1;
    return sc_box_pick_axis(b);
}

/* Verdict cache: a node per open box of the work list, with the children
   its split will produce once its verdict is known to be undecided
   (predicted with the same proved sc_box_bisect the work list uses; a
   prediction only saves time: nodes are matched to the work list's boxes by
   their coordinates). */
typedef struct rnode
{
    sc_box_t box;
    int verdict;                /* SC_LEAF_* or -1: not evaluated yet */
    struct rnode *c[2];
}
rnode;

static rnode *node_new(const sc_box_t *b)
{
    rnode *x = flint_malloc(sizeof(rnode));
    sc_box_copy(&x->box, b);
    x->verdict = -1;
    x->c[0] = x->c[1] = NULL;
    return x;
}

static void node_free(rnode *x)
{
    if (x == NULL)
        return;
    node_free(x->c[0]);
    node_free(x->c[1]);
    flint_free(x);
}

typedef struct
{
    rnode **v;
    slong n, alloc, limit;
}
batch_t;

/* Boxes whose verdict the sequential replay will need, in replay order:
   the boxes below an open box that the replay will split anyway. */
static void collect(batch_t *B, rnode *x, const sc_regime_problem *P)
{
    int ax;
    if (B->n >= B->limit)
        return;
    if (x->verdict < 0)
    {
        if (B->n == B->alloc)
        {
            B->alloc = FLINT_MAX(64, 2 * B->alloc);
            B->v = flint_realloc(B->v, B->alloc * sizeof(rnode *));
        }
        B->v[B->n++] = x;
        return;
    }
    if (x->verdict != SC_LEAF_UNDECIDED || (ax = split_axis(P, &x->box)) < 0)
        return;
    if (x->c[0] == NULL)
    {
        sc_box_t c1, c2;
        if (sc_box_bisect(&x->box, ax, &c1, &c2) != 0)
            return;
        x->c[0] = node_new(&c1);
        x->c[1] = node_new(&c2);
    }
    /* the upper half ends on top of the work list: the replay takes it first */
    collect(B, x->c[1], P);
    collect(B, x->c[0], P);
}

/* the node for a box just put on the work list: a predicted child of the
   split box if it matches, else a fresh one */
static rnode *adopt(rnode *parent, const sc_box_t *b)
{
    int j;
    for (j = 0; j < 2; j++)
        if (parent->c[j] != NULL && box_same(&parent->c[j]->box, b))
        {
            rnode *x = parent->c[j];
            parent->c[j] = NULL;
            return x;
        }
    return node_new(b);
}

int sc_regime_run(sc_regime_result *R, const sc_regime_problem *P)
{
    slong n = P->naxes, i, cap;
    double t0 = sc_clock_seconds(), deadline = P->budget > 0 ? t0 + P->budget : 0, tshow = 0;
    double vol[3] = { 0, 0, 0 };
    box_map M;
    sc_worklist_t *w;
    rnode *slot[SC_WL_CAP];
    batch_t B = { NULL, 0, 0, 0 };
    int stop = 0, shown = 0, open_full = 0, rc;
    fmpq_t m;

    R->naxes = n;
    if ((rc = sc_regime_check(P)) != SC_OK)
        return rc;
    if ((rc = map_init(&M, P)) != SC_OK)
    {
        sc_box_domain_clear(&M.D);
        return rc;
    }
    w = sc_worklist_new(&M.D);
    if (w == NULL)
    {
        sc_box_domain_clear(&M.D);
        return sc_error(SC_ERR_INPUT, "certify: out of memory for the work list");
    }
    cap = P->max_leaves > 0 && P->max_leaves < SC_WL_DONE_CAP ? P->max_leaves : SC_WL_DONE_CAP;
    slot[0] = node_new(sc_worklist_top(w));

    /* stop = 1: budget, 2: decided list full */
    while (w->n > 0)
    {
        const sc_box_t *b;
        slong j;

        /* replay the work-list operations in their fixed order as far as the
           verdicts are known */
        while (!stop && (b = sc_worklist_top(w)) != NULL)
        {
            rnode *x = slot[w->n - 1];
            int v = x->verdict, ax;
            if (v < 0)
                break;
            ax = v == SC_LEAF_UNDECIDED ? split_axis(P, b) : -1;
            if (ax >= 0 && w->ndone + w->n + 1 > cap)
            {
                /* one more open box might not fit in the decided list */
                stop = 2;
                break;
            }
            if (ax >= 0 && w->n >= SC_WL_CAP)
            {
                open_full = 1;          /* cannot happen for max_depth < SC_WL_CAP */
                ax = -1;
            }
            if (ax >= 0 && sc_worklist_split(w, ax) == 0)
            {
                slot[w->n - 2] = adopt(x, &w->open[w->n - 2]);
                slot[w->n - 1] = adopt(x, &w->open[w->n - 1]);
                node_free(x);
                continue;
            }
            vol[v] += box_volume_d(&M, b);
            if (sc_worklist_decide(w, v) != 0)
            {
                vol[v] -= box_volume_d(&M, b);
                stop = 2;               /* not reached: ndone + n <= cap */
                break;
            }
            node_free(x);
        }
        if (w->n == 0)
            break;
        if (!stop && deadline > 0 && sc_clock_seconds() >= deadline)
            stop = 1;
        if (stop)
        {
            /* the open boxes become leaves: with their verdict if it is
               already known, else undecided */
            while (w->n > 0)
            {
                rnode *x = slot[w->n - 1];
                double dv = box_volume_d(&M, sc_worklist_top(w));
                int v = x->verdict == SC_LEAF_CERTIFIED || x->verdict == SC_LEAF_REFUTED
                        ? x->verdict : SC_LEAF_UNDECIDED;
                if (sc_worklist_decide(w, v) != 0)
                    break;              /* not reached: ndone + n <= cap */
                vol[v] += dv;
                node_free(x);
                slot[w->n] = NULL;
            }
            break;
        }

        /* evaluate, in parallel, every box the replay will need next */
        B.n = 0;
        B.limit = FLINT_MAX(16, FLINT_MIN(4096, 2 * (cap - w->ndone)));
        for (j = w->n - 1; j >= 0; j--)
            collect(&B, slot[j], P);
#pragma omp parallel for schedule(dynamic, 1)
        for (j = 0; j < B.n; j++)
        {
            rnode *x = B.v[j];
            fmpq *lo = _fmpq_vec_init(n), *hi = _fmpq_vec_init(n);
            double left = deadline > 0 ? deadline - sc_clock_seconds() : 0;
            if (deadline <= 0 || left > 0)
            {
                int v;
                box_bounds(lo, hi, &M, P, &x->box);
                sc_budget_set(deadline > 0 ? left : 0);
                v = sc_regime_eval_box(P, lo, hi, 64);
                if (!(deadline > 0 && sc_budget_expired()))
                    x->verdict = v;     /* else: not evaluated */
                sc_budget_set(0);
            }
            _fmpq_vec_clear(lo, n);
            _fmpq_vec_clear(hi, n);
        }
        R->rounds++;
        R->evaluated += B.n;
        if (slot[w->n - 1]->verdict < 0)
            stop = 1;                   /* the budget ran out first */
        if (P->progress && sc_clock_seconds() - t0 > 1.0 && (sc_clock_seconds() - tshow > 0.25 || !shown))
        {
            fprintf(stderr, "\rsynccert certify: %.1f s, %ld leaves, %ld boxes pending, certified %.4f, refuted %.4f",
                    sc_clock_seconds() - t0, (long) w->ndone, (long) w->n, vol[SC_LEAF_CERTIFIED], vol[SC_LEAF_REFUTED]);
            fflush(stderr);
            shown = 1;
            tshow = sc_clock_seconds();
        }
    }
    if (shown)
        fprintf(stderr, "\n");
    if (stop == 1)
        R->budget_hit = 1;
    if (stop == 2)
    {
        R->full_hit = 1;
        if (P->progress)
            fprintf(stderr, "synccert certify: note: the decided list is full (%ld leaves): "
                    "the remaining boxes are undecided leaves\n", (long) cap);
    }
    if (open_full && P->progress)
        fprintf(stderr, "synccert certify: note: the open list was full (%d boxes): some "
                "boxes were not split\n", SC_WL_CAP);

    /* the leaves: the work list's decided boxes, bounds and volumes exactly
       from their coordinates.  (Open boxes left over cannot occur, as
       ndone + n <= cap throughout; should one remain, it is an undecided
       leaf all the same, so the leaves still cover the root.) */
    fmpq_init(m);
    R->alloc = FLINT_MAX(1, w->ndone + w->n);
    R->leaves = flint_malloc(R->alloc * sizeof(sc_regime_leaf));
    for (i = 0; i < w->ndone + w->n; i++)
    {
        sc_regime_leaf *L = R->leaves + R->nleaves++;
        const sc_box_t *b = i < w->ndone ? &w->done[i] : &w->open[i - w->ndone];
        int cls = i < w->ndone ? w->verdict[i] : SC_LEAF_UNDECIDED;
        if (cls < SC_LEAF_UNDECIDED || cls > SC_LEAF_REFUTED)
            cls = SC_LEAF_UNDECIDED;
        L->lo = _fmpq_vec_init(n);
        L->hi = _fmpq_vec_init(n);
        box_bounds(L->lo, L->hi, &M, P, b);
        L->cls = cls;
        L->depth = box_depth(b);
        sc_box_copy(&L->box, b);
        box_volume(m, &M, b);
        fmpq_add(R->frac[cls], R->frac[cls], m);
    }
    for (i = 0; i < w->n; i++)
        node_free(slot[i]);
    fmpq_clear(m);
    flint_free(B.v);
    sc_worklist_free(w);
    sc_box_domain_clear(&M.D);
    R->seconds = sc_clock_seconds() - t0;
    return SC_OK;
}

int sc_regime_write_csv(FILE *f, const sc_regime_result *R, const sc_regime_problem *P)
{
    slong i, k;
    for (k = 0; k < P->naxes; k++)
        fprintf(f, "%s_lo,%s_hi,", P->axes[k].name, P->axes[k].name);
    fprintf(f, "class\n");
    for (i = 0; i < R->nleaves; i++)
    {
        for (k = 0; k < P->naxes; k++)
        {
            char *a = sc_fmpq_decimal(R->leaves[i].lo + k);
            char *b = sc_fmpq_decimal(R->leaves[i].hi + k);
            fprintf(f, "%s,%s,", a, b);
            flint_free(a);
            flint_free(b);
        }
        fprintf(f, "%s\n", sc_leaf_name(R->leaves[i].cls));
    }
    return ferror(f) ? SC_ERR_INPUT : SC_OK;
}
