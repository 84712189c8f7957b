/* Activations written as expressions (doc/model.md 2.6): the sc_act_def
   of an sc_expr.  `expr:BODY;b=1.702` builds a definition at run time
   (SC_ACT_OWNED, reference counted by the sc_act_t that use it); the named
   expression activations (named.c) are static definitions whose expression
   is compiled on first use.  The callbacks:
   - eval / piece: the expression's programs (honouring order: kinks and
     branch cuts meeting the ball give indeterminate results);
   - kinks: the located kinks; growth and rate: the real-line bound
     e^{rate |x|} sum g_j |x|^j of the growth rules (strip 0: no bound off
     the real line is claimed or needed, see smooth);
   - smooth: the closed form for polynomials and piecewise polynomials,
     else _sc_act_smooth_numeric
     (certified integration, real-line growth only), so K inside (-1, 1)
     is one outer integral over the smoothing, like the built-ins with a
     closed-form smoothing;
   - kernel: the exact polynomial kernel for polynomial expressions. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "synccert/act.h"
#include "synccert/expr.h"
#include "synccert/gauss.h"
#include "act_expr.h"

extern const sc_act_def sc_act_poly;
int sc_poly_smooth_mono(acb_t res, const acb_t a, const arb_t b, arb_srcptr m, slong n,
                        int deriv, slong prec);

static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;

/* The named definitions' expressions are compiled once and live until the
   process ends.  Their large constants (selu's) are FLINT mpz, which FLINT
   reaches through tagged pointers that LeakSanitizer cannot follow, so
   sanitizer builds (make test-san) free them at exit; other builds keep
   them (a thread may still be computing while the process exits). */
#if defined(__SANITIZE_ADDRESS__)
static sc_act_expr_data *compiled[64];
static int ncompiled = 0;

static void free_compiled(void)
{
    int i;
    for (i = 0; i < ncompiled; i++)
        sc_expr_free(atomic_exchange(&compiled[i]->e, NULL));
}

static void note_compiled(sc_act_expr_data *d)
{
    if (ncompiled == 0)
        atexit(free_compiled);
    if (ncompiled < 64)
        compiled[ncompiled++] = d;
}
#else
static void note_compiled(sc_act_expr_data *d) { (void) d; }
#endif

const sc_expr *sc_act_expr(const sc_act_def *def)
{
    sc_act_expr_data *d;
    sc_expr *e;
    if (def == NULL || !(def->flags & SC_ACT_EXPR))
        return NULL;
    d = (sc_act_expr_data *) def->data;
    e = atomic_load_explicit(&d->e, memory_order_acquire);
    if (e != NULL)
        return e;
    pthread_mutex_lock(&compile_lock);
    e = atomic_load_explicit(&d->e, memory_order_relaxed);
    if (e == NULL)
    {
        if (sc_expr_parse(&e, d->src) != SC_OK)
        {
            fprintf(stderr, "synccert: internal error: %s: %s\n", def->name, sc_last_error());
            abort();
        }
        atomic_store_explicit(&d->e, e, memory_order_release);
        note_compiled(d);
    }
    pthread_mutex_unlock(&compile_lock);
    return e;
}

#define E(def) sc_act_expr(def)

void _sc_act_expr_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order,
                       arb_srcptr p, slong prec)
{
    sc_expr_eval(res, E(def), z, deriv, order, -1, p, prec);
}

void _sc_act_expr_piece(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order,
                        slong j, arb_srcptr p, slong prec)
{
    sc_expr_eval(res, E(def), z, deriv, order, j, p, prec);
}

slong _sc_act_expr_kinks(const sc_act_def *def, arb_ptr k, arb_srcptr p, slong prec)
{
    return sc_expr_kinks(k, NULL, E(def), p, prec);
}

slong _sc_act_expr_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv,
                          arb_srcptr p, slong prec)
{
    arb_t rate;
    slong n;
    arb_init(rate);
    arb_zero(strip);
    n = sc_expr_growth(g, rate, SC_GROWTH_MAX, E(def), deriv, p, prec);
    arb_clear(rate);
    if (n < 0)
    {
        /* no bound for these parameter balls: the tails are infinite and
           every integral is non-finite (never a wrong finite value) */
        arb_pos_inf(g);
        n = 1;
    }
    return n;
}

void _sc_act_expr_rate(const sc_act_def *def, arb_t c, int deriv, arb_srcptr p, slong prec)
{
    arb_ptr g = _arb_vec_init(SC_GROWTH_MAX);
    if (sc_expr_growth(g, c, SC_GROWTH_MAX, E(def), deriv, p, prec) < 0)
        arb_pos_inf(c);
    _arb_vec_clear(g, SC_GROWTH_MAX);
}

/* coefficient layout of the poly activation: p[0] = n, p[1..n] = c_k */
static arb_ptr poly_params(slong *n, const sc_act_def *def, arb_srcptr p, slong prec)
{
    arb_ptr c = _arb_vec_init(SC_ACT_MAX_COEFFS + 1);
    *n = sc_expr_poly_coeffs(c + 1, SC_ACT_MAX_COEFFS, E(def), p, prec);
    if (*n <= 0)
    {
        _arb_vec_clear(c, SC_ACT_MAX_COEFFS + 1);
        return NULL;
    }
    arb_set_si(c, *n);
    return c;
}

int _sc_act_expr_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                        arb_srcptr p, slong prec)
{
    if (sc_expr_is_poly(E(def)))
    {
        slong n;
        arb_ptr c = poly_params(&n, def, p, prec);
        if (c != NULL)
        {
            sc_poly_smooth_mono(res, a, b, c + 1, n, deriv, prec);
            _arb_vec_clear(c, SC_ACT_MAX_COEFFS + 1);
            return 1;
        }
    }
    if (_sc_act_smooth_pieces(def, res, a, b, deriv, p, prec))
        return 1;
    return _sc_act_smooth_numeric(def, res, a, b, deriv, p, prec);
}

int _sc_act_expr_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2,
                        arb_srcptr p, slong prec)
{
    slong n;
    arb_ptr cp = poly_params(&n, def, p, prec);
    int ok;
    if (cp == NULL)
        return 0;
    ok = sc_act_poly.kernel(&sc_act_poly, Kt, dKt, c, t2, cp, prec);
    _arb_vec_clear(cp, SC_ACT_MAX_COEFFS + 1);
    return ok;
}

/* --- definitions built at run time ------------------------------------- */

typedef struct
{
    sc_act_def def;             /* first: the block is found from &def */
    sc_act_expr_data data;
    atomic_long refs;
    sc_param_def params[SC_EXPR_MAXPAR];
    char *dflt[SC_EXPR_MAXPAR];
    char *name;
}
heap_def;

void _sc_act_def_ref(const sc_act_def *def)
{
    if (def != NULL && (def->flags & SC_ACT_OWNED))
        atomic_fetch_add(&((heap_def *) def)->refs, 1);
}

void _sc_act_def_unref(const sc_act_def *def)
{
    heap_def *h;
    slong i;
    if (def == NULL || !(def->flags & SC_ACT_OWNED))
        return;
    h = (heap_def *) def;
    if (atomic_fetch_sub(&h->refs, 1) != 1)
        return;
    sc_expr_free(atomic_load(&h->data.e));
    for (i = 0; i < SC_EXPR_MAXPAR; i++)
        flint_free(h->dflt[i]);
    flint_free(h->name);
    flint_free(h);
}

/* Expressions that are, after parsing, the tree of a spelling of a
   built-in without parameters take the built-in's callbacks: the same
   function, so its closed forms and branches are as rigorous as for the
   built-in (gelu's kernel is closed, relu gets SC_ACT_HOMOG1, step and
   sign their jump kernels).  Name, parameters and expression stay. */
extern const sc_act_def sc_act_gelu, sc_act_tanh, sc_act_sigmoid, sc_act_relu, sc_act_abs,
    sc_act_step, sc_act_sign, sc_act_sin, sc_act_cos, sc_act_exp, sc_act_gaussian, sc_act_relu2;

static const struct { const char *body; const sc_act_def *def; } spellings[] = {
    { "gelu(x)", &sc_act_gelu }, { "x*Phi(x)", &sc_act_gelu }, { "Phi(x)*x", &sc_act_gelu },
    { "x*(1+erf(x/sqrt(2)))/2", &sc_act_gelu }, { "0.5*x*(1+erf(x/sqrt(2)))", &sc_act_gelu },
    { "tanh(x)", &sc_act_tanh }, { "sigmoid(x)", &sc_act_sigmoid }, { "1/(1+exp(-x))", &sc_act_sigmoid },
    { "relu(x)", &sc_act_relu }, { "max(x,0)", &sc_act_relu }, { "max(0,x)", &sc_act_relu },
    { "abs(x)", &sc_act_abs }, { "step(x)", &sc_act_step }, { "sign(x)", &sc_act_sign },
    { "sin(x)", &sc_act_sin }, { "cos(x)", &sc_act_cos }, { "exp(x)", &sc_act_exp },
    { "exp(-x^2/2)", &sc_act_gaussian }, { "relu(x)^2", &sc_act_relu2 }, { "max(x,0)^2", &sc_act_relu2 },
    { "max(0,x)^2", &sc_act_relu2 },
};

/* The spellings parsed once (the same rewrites as the user's expression),
   compared by tree: spaces, parentheses and the exact rewrites of
   src/expr/tree.c (erfc(-x/sqrt(2))/2 = Phi(x), x/(1+exp(-x)) = x
   sigmoid(x), ...) do not hide a built-in. */
#define NSPELL (sizeof(spellings) / sizeof(spellings[0]))
static sc_expr *spelled[NSPELL];
static pthread_once_t spelled_once = PTHREAD_ONCE_INIT;

static void parse_spellings(void)
{
    size_t i;
    for (i = 0; i < NSPELL; i++)
        if (sc_expr_parse(&spelled[i], spellings[i].body) != SC_OK)
        {
            fprintf(stderr, "synccert: internal error: spelling %s: %s\n", spellings[i].body, sc_last_error());
            abort();
        }
    /* kept until the process ends (reachable; small constants only, no
       FLINT mpz for LeakSanitizer to lose track of) */
}

static const sc_act_def *recognise(const sc_expr *e)
{
    size_t i;
    pthread_once(&spelled_once, parse_spellings);
    for (i = 0; i < NSPELL; i++)
        if (sc_expr_same(e, spelled[i]))
            return spellings[i].def;
    return NULL;
}

int _sc_act_parse_expr(sc_act_t act, const char *src)
{
    const sc_act_def *same;
    sc_expr *e;
    heap_def *h;
    slong i, n;
    int st = sc_expr_parse(&e, src), par;
    if (st != SC_OK)
        return st;
    h = flint_calloc(1, sizeof(heap_def));
    atomic_init(&h->refs, 0);
    atomic_init(&h->data.e, e);
    h->data.src = NULL;
    n = strlen(sc_expr_body(e));
    h->name = flint_malloc(n + 6);
    snprintf(h->name, n + 6, "expr:%s", sc_expr_body(e));
    for (i = 0; i < sc_expr_nparams(e); i++)
    {
        h->dflt[i] = fmpq_get_str(NULL, 10, sc_expr_param_default(e, i));
        h->params[i].name = sc_expr_param_name(e, i);
        h->params[i].dflt = h->dflt[i];
        h->params[i].help = "declared in the expression";
    }
    par = sc_expr_parity(e);
    h->def.name = h->name;
    h->def.formula = h->name + 5;
    h->def.params = h->params;
    h->def.nparams = sc_expr_nparams(e);
    h->def.flags = SC_ACT_OWNED | SC_ACT_EXPR | ((par & SC_EXPR_ODD) ? SC_ACT_ODD : 0) |
                   ((par & SC_EXPR_EVEN) ? SC_ACT_EVEN : 0) | (sc_expr_jumps(e) ? SC_ACT_JUMP : 0);
    h->def.eval = _sc_act_expr_eval;
    h->def.growth = _sc_act_expr_growth;
    h->def.smooth = _sc_act_expr_smooth;
    h->def.kernel = sc_expr_is_poly(e) ? _sc_act_expr_kernel : NULL;
    h->def.data = &h->data;
    h->def.kinks = _sc_act_expr_kinks;
    h->def.piece = _sc_act_expr_piece;
    h->def.rate = _sc_act_expr_rate;
    if (sc_expr_nparams(e) == 0 && (same = recognise(e)) != NULL)
    {
        h->def.flags = SC_ACT_OWNED | SC_ACT_EXPR | same->flags;
        h->def.eval = same->eval;
        h->def.growth = same->growth;
        h->def.smooth = same->smooth;
        h->def.kernel = same->kernel;
        h->def.branch = same->branch;
        h->def.kinks = same->kinks;
        h->def.piece = same->piece;
        h->def.rate = same->rate;
    }
    sc_act_clear(act);
    sc_act_set_default(act, &h->def);       /* takes the first reference */
    return SC_OK;
}
