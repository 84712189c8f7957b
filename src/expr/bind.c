/* Per-thread bindings of an expression to (parameter balls, precision):
   the values of the x-free nodes, the located kinks with the branch of
   every kink primitive on every piece, growth bounds; and the evaluation
   of phi and phi' by the flat programs over preallocated registers (no
   allocation per evaluation).  The cache holds a few bindings per thread
   (least recently used replaced) and is freed when the thread exits or
   calls flint_cleanup. */
#include <pthread.h>
#include <string.h>
#include "exprint.h"

#define NCACHE 6
#define GROWTH_MAX 136

typedef struct
{
    sc_expr_binding *slot[NCACHE];
    ulong clock;
}
bcache;

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void binding_free(sc_expr_binding *b, slong nnodes, slong nkink)
{
    int d;
    if (b == NULL)
        return;
    _arb_vec_clear(b->par, FLINT_MAX(b->npar, 1));
    _acb_vec_clear(b->reg, nnodes);
    _arb_vec_clear(b->kinks, SC_EXPR_MAXKINKS);
    flint_free(b->br);
    flint_free(b->fixed);
    for (d = 0; d < 2; d++)
    {
        if (b->g[d] != NULL)
            _arb_vec_clear(b->g[d], GROWTH_MAX);
        if (b->gs[d] != NULL)
            _arb_vec_clear(b->gs[d], GROWTH_MAX);
        arb_clear(b->rate[d]);
        arb_clear(b->rates[d]);
        arb_clear(b->strip[d]);
        {
            slong k;
            for (k = 0; k < SC_EXPR_NSTRIPS; k++)
                if (b->has_at[d][k])
                {
                    _arb_vec_clear(b->gat[d][k], GROWTH_MAX);
                    arb_clear(b->rat[d] + k);
                }
        }
        if (b->has_piece[d] != NULL)
        {
            slong j;
            for (j = 0; j <= b->nk; j++)
                if (b->gp[d][j] != NULL)
                    _arb_vec_clear(b->gp[d][j], GROWTH_MAX);
            flint_free(b->has_piece[d]);
            flint_free(b->np[d]);
            flint_free(b->gp[d]);
            _arb_vec_clear(b->ratep[d], b->nk + 1);
            _arb_vec_clear(b->stripp[d], b->nk + 1);
        }
    }
    (void) nkink;
    flint_free(b);
}

/* the register count is stored in front of the binding's allocation */
typedef struct
{
    sc_expr_binding b;
    slong nnodes, nkink;
}
bslot;

static void cache_free(void *p)
{
    bcache *c = p;
    int i;
    for (i = 0; i < NCACHE; i++)
        if (c->slot[i] != NULL)
        {
            bslot *s = (bslot *) c->slot[i];
            binding_free(&s->b, s->nnodes, s->nkink);
        }
    flint_free(c);
}

static void make_key(void)
{
    pthread_key_create(&cache_key, cache_free);
}

/* flint_cleanup frees the calling thread's cache too (as Arb does with
   its per-thread caches): the key's destructor does not run for the main
   thread, whose cache would otherwise outlive exit (LeakSanitizer) */
static void cache_cleanup(void)
{
    bcache *c = pthread_getspecific(cache_key);
    if (c != NULL)
    {
        pthread_setspecific(cache_key, NULL);
        cache_free(c);
    }
}

static bcache *thread_cache(void)
{
    bcache *c;
    pthread_once(&cache_once, make_key);
    c = pthread_getspecific(cache_key);
    if (c == NULL)
    {
        c = flint_calloc(1, sizeof(bcache));
        pthread_setspecific(cache_key, c);
        flint_register_cleanup_function(cache_cleanup);
    }
    return c;
}

static int same_key(const sc_expr_binding *b, const sc_expr *e, arb_srcptr p, slong prec)
{
    slong i;
    if (b->serial != e->serial || b->prec != prec)
        return 0;
    for (i = 0; i < e->npar; i++)
        if (!arb_equal(b->par + i, p + i))
            return 0;
    return 1;
}

static sc_expr_binding *build(const sc_expr *e, arb_srcptr p, slong prec)
{
    bslot *s = flint_calloc(1, sizeof(bslot));
    sc_expr_binding *b = &s->b;
    slong i;
    int d;
    s->nnodes = e->nnodes;
    s->nkink = e->nkink;
    b->serial = e->serial;
    b->prec = prec;
    b->npar = e->npar;
    b->par = _arb_vec_init(FLINT_MAX(e->npar, 1));
    _arb_vec_set(b->par, p, e->npar);
    b->reg = _acb_vec_init(e->nnodes);
    b->kinks = _arb_vec_init(SC_EXPR_MAXKINKS);
    for (d = 0; d < 2; d++)
    {
        arb_init(b->rate[d]);
        arb_init(b->rates[d]);
        arb_init(b->strip[d]);
    }
    for (i = 0; i < e->ncnodes; i++)
    {
        slong j = e->cnodes[i];
        const sc_enode *n = e->nodes + j;
        acb_ptr r = b->reg + j;
        if (n->op == E_NUM) acb_set_fmpq(r, n->q, prec);
        else if (n->op == E_PI) acb_const_pi(r, prec);
        else if (n->op == E_E) { acb_one(r); acb_exp(r, r, prec); }
        else if (n->op == E_PAR) acb_set_arb(r, p + n->par);
        else _sc_expr_op_acb(r, n, b->reg + n->a, n->b >= 0 ? b->reg + n->b : b->reg + n->a, 0, 0, prec);
    }
    _sc_expr_locate_kinks(e, b);
    return b;
}

sc_expr_binding *_sc_expr_bind(const sc_expr *e, arb_srcptr p, slong prec)
{
    bcache *c = thread_cache();
    int i, old = 0;
    for (i = 0; i < NCACHE; i++)
        if (c->slot[i] != NULL && same_key(c->slot[i], e, p, prec))
        {
            c->slot[i]->stamp = ++c->clock;
            return c->slot[i];
        }
    for (i = 0; i < NCACHE; i++)
    {
        if (c->slot[i] == NULL)
        {
            old = i;
            break;
        }
        if (c->slot[i]->stamp < c->slot[old]->stamp)
            old = i;
    }
    if (c->slot[old] != NULL)
    {
        bslot *s = (bslot *) c->slot[old];
        binding_free(&s->b, s->nnodes, s->nkink);
    }
    c->slot[old] = build(e, p, prec);
    c->slot[old]->stamp = ++c->clock;
    return c->slot[old];
}

void _sc_expr_unbind(const sc_expr *e)
{
    bcache *c = thread_cache();
    int i;
    for (i = 0; i < NCACHE; i++)
        if (c->slot[i] != NULL && c->slot[i]->serial == e->serial)
        {
            bslot *s = (bslot *) c->slot[i];
            binding_free(&s->b, s->nnodes, s->nkink);
            c->slot[i] = NULL;
        }
}

void sc_expr_eval(acb_t res, const sc_expr *e, const acb_t z, int deriv, slong order,
                  slong piece, arb_srcptr p, slong prec)
{
    sc_expr_eval_bp(res, e, z, deriv, order, piece, p, prec, prec);
}

void sc_expr_eval_bp(acb_t res, const sc_expr *e, const acb_t z, int deriv, slong order,
                     slong piece, arb_srcptr p, slong bprec, slong prec)
{
    sc_expr_binding *b = _sc_expr_bind(e, p, bprec);
    const slong *prog = e->prog[deriv];
    const signed char *br = NULL;
    acb_ptr reg = b->reg;
    slong i, n = e->nprog[deriv], root = e->root[deriv];
    int analytic = order > 0;

    if (!b->valid || (deriv && e->jump))
    {
        acb_indeterminate(res);
        return;
    }
    if (piece >= 0 && piece <= b->nk && e->nkink > 0)
        br = b->br + piece * e->nkink;
    for (i = 0; i < n; i++)
    {
        slong id = prog[i];
        const sc_enode *nd = e->nodes + id;
        int k = 0;
        if (nd->op == E_X)
        {
            acb_set(reg + id, z);
            continue;
        }
        if (nd->kidx >= 0)
            k = b->fixed[nd->kidx] ? b->fixed[nd->kidx] : (br != NULL ? br[nd->kidx] : 0);
        _sc_expr_op_acb(reg + id, nd, reg + nd->a, nd->b >= 0 ? reg + nd->b : reg + nd->a, k, analytic, prec);
    }
    acb_set(res, reg + root);
}

slong sc_expr_kinks(arb_ptr k, int *all_located, const sc_expr *e, arb_srcptr p, slong prec)
{
    sc_expr_binding *b = _sc_expr_bind(e, p, prec);
    if (k != NULL)
        _arb_vec_set(k, b->kinks, b->nk);
    if (all_located != NULL)
        *all_located = b->all_located;
    return b->nk;
}

slong sc_expr_growth(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                     arb_srcptr p, slong prec)
{
    sc_expr_binding *b = _sc_expr_bind(e, p, prec);
    if (!b->has_growth[deriv])
    {
        b->g[deriv] = _arb_vec_init(GROWTH_MAX);
        b->ng[deriv] = _sc_expr_growth(b->g[deriv], b->rate[deriv], GROWTH_MAX, e, deriv, p, prec);
        b->has_growth[deriv] = 1;
    }
    if (b->ng[deriv] < 0 || b->ng[deriv] > nmax)
    {
        if (b->ng[deriv] > nmax)
            sc_error(SC_ERR_INPUT, "expr: growth polynomial too long");
        else
            _sc_expr_growth(b->g[deriv], b->rate[deriv], GROWTH_MAX, e, deriv, p, prec);   /* the message */
        return -1;
    }
    _arb_vec_set(g, b->g[deriv], b->ng[deriv]);
    arb_set(rate, b->rate[deriv]);
    return b->ng[deriv];
}

/* does every kink primitive have a branch (the expression is analytic
   near the line only then)? */
static int all_fixed(const sc_expr *e, const signed char *fixed)
{
    slong k;
    for (k = 0; k < e->nkink; k++)
        if (fixed[k] == 0)
            return 0;
    return 1;
}

/* the widest strip 2^-k (k <= 10) the rules accept with the branches
   `fixed` (all nonzero), or -1 */
static slong widest_strip(arb_ptr g, arb_t rate, arb_t strip, const sc_expr *e, int deriv,
                          const signed char *fixed, arb_srcptr p, slong prec)
{
    slong k, n = -1;
    if (!all_fixed(e, fixed))
        return -1;
    for (k = 0; k <= 10 && n < 0; k++)
    {
        arb_one(strip);
        arb_mul_2exp_si(strip, strip, -k);
        n = _sc_expr_growth_strip(g, rate, GROWTH_MAX, e, deriv, fixed, p, strip, prec);
    }
    return n;
}

slong sc_expr_growth_strip_piece(arb_ptr g, arb_t rate, arb_t strip, slong nmax, const sc_expr *e,
                                 int deriv, slong j, arb_srcptr p, slong prec)
{
    sc_expr_binding *b = _sc_expr_bind(e, p, prec);
    slong k;
    if (j < 0 || j > b->nk || !b->all_located)
        return -1;
    if (b->has_piece[deriv] == NULL)
    {
        b->has_piece[deriv] = flint_calloc(b->nk + 1, 1);
        b->np[deriv] = flint_calloc(b->nk + 1, sizeof(slong));
        b->gp[deriv] = flint_calloc(b->nk + 1, sizeof(arb_ptr));
        b->ratep[deriv] = _arb_vec_init(b->nk + 1);
        b->stripp[deriv] = _arb_vec_init(b->nk + 1);
    }
    if (!b->has_piece[deriv][j])
    {
        signed char *f = flint_malloc(FLINT_MAX(e->nkink, 1));
        for (k = 0; k < e->nkink; k++)
            f[k] = b->fixed[k] ? b->fixed[k] : b->br[j * e->nkink + k];
        b->gp[deriv][j] = _arb_vec_init(GROWTH_MAX);
        b->np[deriv][j] = widest_strip(b->gp[deriv][j], b->ratep[deriv] + j, b->stripp[deriv] + j,
                                       e, deriv, f, p, prec);
        b->has_piece[deriv][j] = 1;
        flint_free(f);
    }
    if (b->np[deriv][j] < 0 || b->np[deriv][j] > nmax)
        return -1;
    _arb_vec_set(g, b->gp[deriv][j], b->np[deriv][j]);
    arb_set(rate, b->ratep[deriv] + j);
    arb_set(strip, b->stripp[deriv] + j);
    return b->np[deriv][j];
}

slong sc_expr_growth_strip(arb_ptr g, arb_t rate, arb_t strip, slong nmax, const sc_expr *e,
                           int deriv, arb_srcptr p, slong prec)
{
    sc_expr_binding *b = _sc_expr_bind(e, p, prec);
    if (!b->has_strip[deriv])
    {
        b->gs[deriv] = _arb_vec_init(GROWTH_MAX);
        b->ns[deriv] = widest_strip(b->gs[deriv], b->rates[deriv], b->strip[deriv], e, deriv,
                                    b->fixed, p, prec);
        b->has_strip[deriv] = 1;
    }
    if (b->ns[deriv] < 0 || b->ns[deriv] > nmax)
        return -1;
    _arb_vec_set(g, b->gs[deriv], b->ns[deriv]);
    arb_set(rate, b->rates[deriv]);
    arb_set(strip, b->strip[deriv]);
    return b->ns[deriv];
}

static const double strips[SC_EXPR_NSTRIPS] = { 4, 3, 2.5, 2, 1.5, 1, 0.5, 0.25, 0.125, 0.0625, 0.03125 };

double sc_expr_strip(slong k)
{
    return k >= 0 && k < SC_EXPR_NSTRIPS ? strips[k] : 0;
}

slong sc_expr_growth_strip_at(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                              slong k, arb_srcptr p, slong prec)
{
    sc_expr_binding *b = _sc_expr_bind(e, p, prec);
    if (k < 0 || k >= SC_EXPR_NSTRIPS)
        return -1;
    if (!b->has_at[deriv][k])
    {
        arb_t s;
        arb_init(s);
        arb_set_d(s, strips[k]);        /* exact: dyadic */
        b->gat[deriv][k] = _arb_vec_init(GROWTH_MAX);
        arb_init(b->rat[deriv] + k);
        b->nat[deriv][k] = -1;
        if (all_fixed(e, b->fixed))
            b->nat[deriv][k] = _sc_expr_growth_strip(b->gat[deriv][k], b->rat[deriv] + k, GROWTH_MAX,
                                                     e, deriv, b->fixed, p, s, prec);
        b->has_at[deriv][k] = 1;
        arb_clear(s);
    }
    if (b->nat[deriv][k] < 0 || b->nat[deriv][k] > nmax)
        return -1;
    _arb_vec_set(g, b->gat[deriv][k], b->nat[deriv][k]);
    arb_set(rate, b->rat[deriv] + k);
    return b->nat[deriv][k];
}
