/* Tables of certified quantities: the quantities, init/clear and the
   activation, dimension and quantity lists (see include/synccert/table.h).
   The cells are computed in compute.c and written in write.c. */
#include <string.h>
#include "synccert/table.h"
#include "synccert/parse.h"
#include "internal.h"

#define SC_TABLE_MAXACTS 256
#define SC_TABLE_MAXDIMS 256

static const struct { const char *name, *text, *latex; int dim; } qinfo[SC_TQ_N] = {
    { "K1",        "K(1)",      "$K(1)$",      0 },
    { "dK1",       "K'(1)",     "$K'(1)$",     0 },
    { "Km1",       "K(-1)",     "$K(-1)$",     0 },
    { "v",         "v",         "$v$",         0 },
    { "antipodal", "antipodal", "antipodal",   0 },
    { "dstar",     "d*",        "$d^*$",       0 },
    { "lambda",    "lambda",    "$\\lambda$",  1 },
    { "pstar",     "p*",        "$p^*$",       1 },
    { "verdict",   "sync",      "sync.",       1 },
    { "cp",        "c_p",       "$c_p$",       1 },
};

const char *sc_table_qname(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].name : "?"; }
const char *sc_table_qtext(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].text : "?"; }
const char *sc_table_qlatex(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].latex : "?"; }
int sc_table_qdim(int q) { return (q >= 0 && q < SC_TQ_N) ? qinfo[q].dim : 0; }

char *_sc_table_strdup(const char *s)
{
    size_t n = strlen(s);
    char *r = flint_malloc(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

void _sc_table_free_cells(sc_table *t)
{
    slong i, n;
    if (t->cells == NULL)
        return;
    n = t->nacts * FLINT_MAX(t->ndims, 1) * SC_TQ_N;
    for (i = 0; i < n; i++)
    {
        arb_clear(t->cells[i].x);
        flint_free(t->cells[i].str);
    }
    flint_free(t->cells);
    t->cells = NULL;
}

static void free_acts(sc_table *t)
{
    slong i;
    for (i = 0; i < t->nacts; i++)
        sc_act_clear(t->acts + i);
    flint_free(t->acts);
    t->acts = NULL;
    t->nacts = 0;
}

void sc_table_init(sc_table *t)
{
    memset(t, 0, sizeof(*t));
    fmpq_init(t->sigma);
    fmpq_init(t->wvar);
    fmpq_init(t->bvar);
    fmpq_init(t->p);
    fmpq_one(t->sigma);
    fmpq_one(t->wvar);
    fmpq_zero(t->bvar);
    fmpq_set_si(t->p, 1, 2);
    t->digits = 10;
    t->cp_digits = 0;
    t->cp_budget = 60;
}

void sc_table_clear(sc_table *t)
{
    _sc_table_free_cells(t);
    free_acts(t);
    if (t->dims != NULL)
        _fmpz_vec_clear(t->dims, t->ndims);
    t->dims = NULL;
    fmpq_clear(t->sigma);
    fmpq_clear(t->wvar);
    fmpq_clear(t->bvar);
    fmpq_clear(t->p);
}

/* Split a comma list into pieces (modifies a copy).  Returns the count.
   Commas inside parentheses do not split, so that expression activations
   such as expr:max(x,0) stay whole (expressions have commas only between
   function arguments). */
static char *next_comma(char *s)
{
    int depth = 0;
    for (; *s != '\0'; s++)
    {
        if (*s == '(')
            depth++;
        else if (*s == ')' && depth > 0)
            depth--;
        else if (*s == ',' && depth == 0)
            return s;
    }
    return NULL;
}

static slong split_list(char **piece, slong max, char *buf)
{
    slong n = 0;
    char *s = buf, *c;
    for (;;)
    {
        c = next_comma(s);
        if (c != NULL)
            *c = '\0';
        if (n >= max)
            return -1;
        piece[n++] = s;
        if (c == NULL)
            break;
        s = c + 1;
    }
    return n;
}

static int is_builtin_default(const sc_act_def *d)
{
    return !(d->flags & SC_ACT_COEFFS);
}

int sc_table_set_acts(sc_table *t, const char *list)
{
    char *buf, **piece, **spec;
    slong n, i, ns = 0, k;
    int st = SC_OK;

    if (list == NULL || list[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty activation list");
    buf = _sc_table_strdup(list);
    piece = flint_malloc(sizeof(char *) * (SC_TABLE_MAXACTS + 1));
    spec = flint_malloc(sizeof(char *) * (SC_TABLE_MAXACTS + 1));
    n = split_list(piece, SC_TABLE_MAXACTS, buf);
    if (n < 0)
    {
        st = sc_error(SC_ERR_INPUT, "too many activations (at most %d)", SC_TABLE_MAXACTS);
        goto done;
    }
    /* glue "key=value" pieces to the previous spec */
    for (i = 0; i < n; i++)
    {
        if (piece[i][0] == '\0')
        {
            st = sc_error(SC_ERR_INPUT, "empty entry in activation list '%s'", list);
            goto done;
        }
        if (strchr(piece[i], '=') != NULL && strchr(piece[i], ':') == NULL)
        {
            if (ns == 0)
            {
                st = sc_error(SC_ERR_INPUT, "activation list starts with a parameter '%s'", piece[i]);
                goto done;
            }
            piece[i][-1] = ',';     /* undo the split: same spec */
            continue;
        }
        spec[ns++] = piece[i];
    }
    _sc_table_free_cells(t);
    free_acts(t);
    t->acts = flint_malloc(sizeof(sc_act_struct) * SC_TABLE_MAXACTS);
    for (i = 0; i < ns; i++)
    {
        if (strcmp(spec[i], "all") == 0)
        {
            for (k = 0; sc_act_registry[k] != NULL; k++)
            {
                if (!is_builtin_default(sc_act_registry[k]))
                    continue;
                if (t->nacts >= SC_TABLE_MAXACTS)
                {
                    st = sc_error(SC_ERR_INPUT, "too many activations (at most %d)", SC_TABLE_MAXACTS);
                    goto done;
                }
                sc_act_init(t->acts + t->nacts);
                sc_act_set_default(t->acts + t->nacts, sc_act_registry[k]);
                t->nacts++;
            }
            continue;
        }
        if (t->nacts >= SC_TABLE_MAXACTS)
        {
            st = sc_error(SC_ERR_INPUT, "too many activations (at most %d)", SC_TABLE_MAXACTS);
            goto done;
        }
        sc_act_init(t->acts + t->nacts);
        t->nacts++;
        if ((st = sc_act_parse(t->acts + t->nacts - 1, spec[i])) != SC_OK)
            goto done;
    }
done:
    if (st != SC_OK)
        free_acts(t);
    flint_free(buf);
    flint_free(piece);
    flint_free(spec);
    return st;
}

int sc_table_set_dims(sc_table *t, const char *list)
{
    char *buf, **piece;
    slong n, i, v;
    int st = SC_OK;
    if (list == NULL || list[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty dimension list");
    buf = _sc_table_strdup(list);
    piece = flint_malloc(sizeof(char *) * (SC_TABLE_MAXDIMS + 1));
    n = split_list(piece, SC_TABLE_MAXDIMS, buf);
    if (n < 0)
    {
        st = sc_error(SC_ERR_INPUT, "too many dimensions (at most %d)", SC_TABLE_MAXDIMS);
        goto done;
    }
    _sc_table_free_cells(t);
    if (t->dims != NULL)
        _fmpz_vec_clear(t->dims, t->ndims);
    t->dims = _fmpz_vec_init(n);
    t->ndims = n;
    for (i = 0; i < n; i++)
    {
        if ((st = sc_parse_slong(&v, piece[i], "dimension", 2, WORD(1000000000))) != SC_OK)
        {
            sc_error(SC_ERR_INPUT, "bad dimension '%s' (an integer in [2, 10^9])", piece[i]);
            goto done;
        }
        fmpz_set_si(t->dims + i, v);
    }
done:
    if (st != SC_OK && t->dims != NULL)
    {
        _fmpz_vec_clear(t->dims, t->ndims);
        t->dims = NULL;
        t->ndims = 0;
    }
    flint_free(buf);
    flint_free(piece);
    return st;
}

int sc_table_set_quantities(sc_table *t, const char *list)
{
    char *buf, *piece[SC_TQ_N * 4 + 1];
    slong n, i;
    int q, st = SC_OK, seen[SC_TQ_N] = { 0 };
    if (list == NULL || list[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty quantity list");
    buf = _sc_table_strdup(list);
    n = split_list(piece, SC_TQ_N * 4, buf);
    if (n < 0)
    {
        flint_free(buf);
        return sc_error(SC_ERR_INPUT, "too many quantities");
    }
    _sc_table_free_cells(t);
    t->nq = 0;
    for (i = 0; i < n && st == SC_OK; i++)
    {
        if (strcmp(piece[i], "all") == 0)
        {
            for (q = 0; q < SC_TQ_N; q++)
                if (!seen[q])
                {
                    seen[q] = 1;
                    t->q[t->nq++] = q;
                }
            continue;
        }
        for (q = 0; q < SC_TQ_N; q++)
            if (strcmp(piece[i], qinfo[q].name) == 0)
                break;
        if (q == SC_TQ_N)
            st = sc_error(SC_ERR_INPUT, "unknown quantity '%s' (K1, dK1, Km1, v, antipodal, dstar, "
                          "lambda, pstar, verdict, cp or all)", piece[i]);
        else if (seen[q])
            st = sc_error(SC_ERR_INPUT, "quantity '%s' listed twice", piece[i]);
        else
        {
            seen[q] = 1;
            t->q[t->nq++] = q;
        }
    }
    flint_free(buf);
    if (st != SC_OK)
        t->nq = 0;
    return st;
}

void sc_table_set_defaults(sc_table *t)
{
    sc_table_set_acts(t, "all");
    sc_table_set_dims(t, "4,32");
    sc_table_set_quantities(t, "K1,dK1,dstar,lambda,pstar,verdict");
}

sc_tcell *sc_table_cell(const sc_table *t, slong ia, slong id, int q)
{
    return t->cells + (ia * FLINT_MAX(t->ndims, 1) + id) * SC_TQ_N + q;
}

slong sc_table_count(const sc_table *t, int kind)
{
    slong ia, id, i, n = 0;
    if (t->cells == NULL)
        return 0;
    for (ia = 0; ia < t->nacts; ia++)
        for (id = 0; id < FLINT_MAX(t->ndims, 1); id++)
            for (i = 0; i < t->nq; i++)
            {
                int q = t->q[i];
                if (!sc_table_qdim(q) && id > 0)
                    continue;   /* printed once per activation */
                if (sc_table_cell(t, ia, sc_table_qdim(q) ? id : 0, q)->kind == kind)
                    n++;
            }
    return n;
}
