/* Certified parameter regimes: the split loop on the verified box core
   (sc_regime_run; see regime.h).  The work list is replayed strictly
   sequentially; the verdicts it will need are evaluated beforehand, a round
   at a time, in parallel. */
#include <stdio.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "regimeint.h"

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

/* The state of one run. */
typedef struct
{
    const sc_regime_problem *P;
    sc_regime_result *R;
    _sc_regime_map M;
    sc_worklist_t *w;
    rnode *slot[SC_WL_CAP];     /* the cache node of each open box */
    batch_t B;
    slong cap;                  /* at most this many leaves */
    double t0, deadline, tshow, tckpt;
    int stop;                   /* 1: budget, 2: decided list full, 3: interrupted,
                                   4: the evaluator failed */
    int shown, open_full;
    _sc_regime_oplog log;       /* the work-list operations so far */
    sc_box_t *bbox;             /* the batch's boxes and verdicts */
    int *bverdict;
    slong balloc;
}
run_state;

/* Decide the top box with verdict v, adding its measure to the fraction of
   v; 0 or -1 (the decided list is full). */
static int decide(run_state *S, int v)
{
    fmpq_t m;
    int rc;
    fmpq_init(m);
    _sc_regime_box_measure(m, &S->M, sc_worklist_top(S->w));
    if ((rc = sc_worklist_decide(S->w, v)) == 0)
    {
        fmpq_add(S->R->frac[v], S->R->frac[v], m);
        _sc_regime_oplog_push(&S->log, _sc_regime_op_decide(v));
    }
    fmpq_clear(m);
    return rc;
}

/* Replay the work-list operations in their fixed order as far as the
   verdicts are known: decide a certified/refuted box, split an undecided
   one while the depth allows, else decide it undecided. */
static void replay(run_state *S)
{
    sc_worklist_t *w = S->w;
    const sc_box_t *b;
    while (!S->stop && (b = sc_worklist_top(w)) != NULL)
    {
        rnode *x = S->slot[w->n - 1];
        int v = x->verdict, ax;
        if (v < 0)
            break;
        ax = v == SC_LEAF_UNDECIDED ? split_axis(S->P, b) : -1;
        if (ax >= 0 && w->ndone + w->n + 1 > S->cap)
        {
            /* one more open box might not fit in the decided list */
            S->stop = 2;
            break;
        }
        if (ax >= 0 && w->n >= SC_WL_CAP)
        {
            S->open_full = 1;           /* cannot happen for max_depth < SC_WL_CAP */
            ax = -1;
        }
        if (ax >= 0 && sc_worklist_split(w, ax) == 0)
        {
            _sc_regime_oplog_push(&S->log, _sc_regime_op_split(ax));
            S->slot[w->n - 2] = adopt(x, &w->open[w->n - 2]);
            S->slot[w->n - 1] = adopt(x, &w->open[w->n - 1]);
            node_free(x);
            continue;
        }
        if (decide(S, v) != 0)
        {
            S->stop = 2;                /* not reached: ndone + n <= cap */
            break;
        }
        node_free(x);
    }
}

/* After a stop the open boxes become leaves: with their verdict if it is
   already known, else undecided. */
static void close_open(run_state *S)
{
    sc_worklist_t *w = S->w;
    while (w->n > 0)
    {
        rnode *x = S->slot[w->n - 1];
        int v = x->verdict == SC_LEAF_CERTIFIED || x->verdict == SC_LEAF_REFUTED
                ? x->verdict : SC_LEAF_UNDECIDED;
        if (decide(S, v) != 0)
            break;                      /* not reached: ndone + n <= cap */
        node_free(x);
        S->slot[w->n] = NULL;
    }
}

/* Evaluate every box the replay will need next (the evaluator: OpenMP
   locally, worker ranks in the MPI build). */
static int eval_round(run_state *S)
{
    batch_t *B = &S->B;
    slong j;
    int rc;

    B->n = 0;
    B->limit = FLINT_MAX(16, FLINT_MIN(4096, 2 * (S->cap - S->w->ndone)));
    for (j = S->w->n - 1; j >= 0; j--)
        collect(B, S->slot[j], S->P);
    if (B->n > S->balloc)
    {
        S->balloc = B->n;
        S->bbox = flint_realloc(S->bbox, S->balloc * sizeof(sc_box_t));
        S->bverdict = flint_realloc(S->bverdict, S->balloc * sizeof(int));
    }
    for (j = 0; j < B->n; j++)
        sc_box_copy(S->bbox + j, &B->v[j]->box);
    rc = _sc_regime_eval_batch(S->bverdict, S->bbox, B->n, S->P, S->deadline);
    for (j = 0; j < B->n && rc == SC_OK; j++)
        if (S->bverdict[j] >= SC_LEAF_UNDECIDED && S->bverdict[j] <= SC_LEAF_REFUTED)
            B->v[j]->verdict = S->bverdict[j];
    S->R->rounds++;
    S->R->evaluated += B->n;
    return rc;
}

static void show_progress(run_state *S)
{
    double now = sc_clock_seconds();
    if (!S->P->progress || now - S->t0 <= 1.0 || (now - S->tshow <= 0.25 && S->shown))
        return;
    fprintf(stderr, "\rsynccert certify: %.1f s, %ld leaves, %ld boxes pending, certified %.4f, refuted %.4f",
            now - S->t0, (long) S->w->ndone, (long) S->w->n, fmpq_get_d(S->R->frac[SC_LEAF_CERTIFIED]),
            fmpq_get_d(S->R->frac[SC_LEAF_REFUTED]));
    fflush(stderr);
    S->shown = 1;
    S->tshow = sc_clock_seconds();
}

/* The leaves: the work list's decided boxes, bounds exactly from their
   coordinates.  (Open boxes left over cannot occur, as ndone + n <= cap
   throughout; should one remain, it is an undecided leaf all the same, so
   the leaves still cover the root.) */
static void make_leaves(run_state *S)
{
    sc_regime_result *R = S->R;
    sc_worklist_t *w = S->w;
    slong i, n = S->P->naxes;
    fmpq_t m;
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
        _sc_regime_box_bounds(L->lo, L->hi, &S->M, S->P, b);
        L->cls = cls;
        L->depth = box_depth(b);
        sc_box_copy(&L->box, b);
        if (i >= w->ndone)
        {
            _sc_regime_box_measure(m, &S->M, b);
            fmpq_add(R->frac[cls], R->frac[cls], m);
        }
    }
    fmpq_clear(m);
}

/* Replay a checkpoint's log from the root through the proved operations
   (every split axis checked against the one the run would choose), then
   open a cache node per open box. */
static int resume(run_state *S, const char *path)
{
    char *ops = NULL;
    slong k, nops = 0;
    int rc = _sc_regime_checkpoint_read(&ops, &nops, path, S->P);
    for (k = 0; k < nops && rc == SC_OK; k++)
    {
        const sc_box_t *b = sc_worklist_top(S->w);
        int ax = _sc_regime_op_axis(ops[k]), v = _sc_regime_op_verdict(ops[k]), ok;
        if (b == NULL)
            ok = 0;
        else if (ax >= 0)
        {
            ok = ax == split_axis(S->P, b) && S->w->ndone + S->w->n + 1 <= S->cap &&
                 sc_worklist_split(S->w, ax) == 0;
            if (ok)
                _sc_regime_oplog_push(&S->log, ops[k]);
        }
        else
            ok = v >= 0 && decide(S, v) == 0;
        if (!ok)
            rc = sc_error(SC_ERR_INPUT, "--resume '%s': the checkpoint's log does not replay "
                          "(operation %ld of %ld)", path, (long) k + 1, (long) nops);
    }
    flint_free(ops);
    for (k = 0; k < S->w->n; k++)
        S->slot[k] = node_new(&S->w->open[k]);
    return rc;
}

static int write_checkpoint(run_state *S)
{
    S->tckpt = sc_clock_seconds();
    return _sc_regime_checkpoint_write(S->P->checkpoint, S->P, &S->log);
}

int sc_regime_run(sc_regime_result *R, const sc_regime_problem *P)
{
    run_state S;
    slong i;
    int rc, erc = SC_OK;
    double every = P->checkpoint_every > 0 ? P->checkpoint_every : 5.0;

    R->naxes = P->naxes;
    if ((rc = sc_regime_check(P)) != SC_OK)
        return rc;
    memset(&S, 0, sizeof(S));
    S.P = P;
    S.R = R;
    if ((rc = _sc_regime_map_init(&S.M, P)) != SC_OK)
    {
        _sc_regime_map_clear(&S.M);
        return rc;
    }
    if ((S.w = sc_worklist_new(&S.M.D)) == NULL)
    {
        _sc_regime_map_clear(&S.M);
        return sc_error(SC_ERR_INPUT, "certify: out of memory for the work list");
    }
    S.t0 = sc_clock_seconds();
    S.deadline = P->budget > 0 ? S.t0 + P->budget : 0;
    S.cap = P->max_leaves > 0 && P->max_leaves < SC_WL_DONE_CAP ? P->max_leaves : SC_WL_DONE_CAP;
    if (P->resume != NULL)
        rc = resume(&S, P->resume);
    else
        S.slot[0] = node_new(sc_worklist_top(S.w));
    /* the first write finds a checkpoint path that cannot be written */
    if (rc == SC_OK && P->checkpoint != NULL)
        rc = write_checkpoint(&S);

    while (rc == SC_OK && S.w->n > 0)
    {
        replay(&S);
        if (S.w->n == 0)
            break;
        if (!S.stop && S.deadline > 0 && sc_clock_seconds() >= S.deadline)
            S.stop = 1;
        if (!S.stop && sc_interrupted())
            S.stop = 3;
        if (S.stop)
            break;
        if ((erc = eval_round(&S)) != SC_OK)
        {
            S.stop = 4;
            break;
        }
        if (S.slot[S.w->n - 1]->verdict < 0)
            S.stop = sc_interrupted() ? 3 : 1;  /* the budget ran out first */
        show_progress(&S);
        if (P->checkpoint != NULL && !S.stop && sc_clock_seconds() - S.tckpt >= every)
            rc = write_checkpoint(&S);
    }
    /* the last checkpoint keeps the open boxes open (a resumed run
       continues them), then a stop makes them undecided leaves */
    if (rc == SC_OK && P->checkpoint != NULL)
        rc = write_checkpoint(&S);
    if (S.stop)
        close_open(&S);
    if (S.shown)
        fprintf(stderr, "\n");
    R->budget_hit = S.stop == 1;
    R->full_hit = S.stop == 2;
    R->interrupted = S.stop == 3;
    if (rc == SC_OK && S.stop == 2 && P->progress)
        fprintf(stderr, "synccert certify: note: the decided list is full (%ld leaves): "
                "the remaining boxes are undecided leaves\n", (long) S.cap);
    if (rc == SC_OK && S.open_full && P->progress)
        fprintf(stderr, "synccert certify: note: the open list was full (%d boxes): some "
                "boxes were not split\n", SC_WL_CAP);
    make_leaves(&S);
    for (i = 0; i < S.w->n; i++)
        node_free(S.slot[i]);
    flint_free(S.B.v);
    flint_free(S.bbox);
    flint_free(S.bverdict);
    flint_free(S.log.s);
    sc_regime_cache_clear();
    sc_worklist_free(S.w);
    _sc_regime_map_clear(&S.M);
    R->seconds = sc_clock_seconds() - S.t0;
    return erc != SC_OK ? erc : rc;
}
