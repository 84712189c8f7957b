/* Certified parameter regimes: the problem's identity as text (lines
   "KEY VALUE"), written into checkpoints and sent to MPI workers, and read
   back (see regime.h). */
#include <stdlib.h>
#include <string.h>
#include "synccert/regime.h"
#include "synccert/parse.h"

typedef struct
{
    char *s;
    size_t len, alloc;
}
strbuf;

static void put(strbuf *b, const char *key, const char *v1, const char *v2)
{
    size_t need = strlen(key) + strlen(v1) + (v2 ? strlen(v2) + 1 : 0) + 3;
    if (b->len + need + 1 > b->alloc)
    {
        b->alloc = FLINT_MAX(2 * b->alloc, b->len + need + 256);
        b->s = flint_realloc(b->s, b->alloc);
    }
    b->len += sprintf(b->s + b->len, "%s %s%s%s\n", key, v1, v2 ? ":" : "", v2 ? v2 : "");
}

static void put_q(strbuf *b, const char *key, const fmpq_t x)
{
    char *v = sc_fmpq_decimal(x);
    put(b, key, v, NULL);
    flint_free(v);
}

static void put_si(strbuf *b, const char *key, slong x)
{
    char v[32];
    snprintf(v, sizeof v, "%ld", (long) x);
    put(b, key, v, NULL);
}

char *sc_regime_problem_text(const sc_regime_problem *P)
{
    strbuf b = { NULL, 0, 0 };
    char *spec = sc_act_spec(P->act);
    slong k;
    put(&b, "activation", spec, NULL);
    flint_free(spec);
    put(&b, "property", sc_regime_property_name(P->property), NULL);
    for (k = 0; k < P->naxes; k++)
    {
        char *lo = sc_fmpq_decimal(P->axes[k].lo), *hi = sc_fmpq_decimal(P->axes[k].hi);
        char *name = flint_malloc(strlen(P->axes[k].name) + 6);
        sprintf(name, "axis %s", P->axes[k].name);
        put(&b, name, lo, hi);
        flint_free(name);
        flint_free(lo);
        flint_free(hi);
    }
    put_q(&b, "gamma", P->gamma);
    put_q(&b, "beta", P->beta);
    put_q(&b, "vnorm", P->vnorm);
    put_q(&b, "qknorm", P->qknorm);
    put_si(&b, "max-depth", P->max_depth);
    put_si(&b, "max-leaves", P->max_leaves);
    put_si(&b, "max-boxes-bb", P->max_boxes_bb);
    return b.s;
}

/* one line of the text: KEY (up to the first blank; "axis NAME" counts as
   the key "axis") and its value */
static int read_line(sc_regime_problem *P, char *line)
{
    char *v = strchr(line, ' ');
    slong x;
    if (v == NULL)
        return sc_error(SC_ERR_INPUT, "problem text: malformed line '%s'", line);
    *v++ = '\0';
    if (strcmp(line, "activation") == 0)
        return sc_act_parse(P->act, v);
    if (strcmp(line, "property") == 0)
        return sc_regime_property_parse(&P->property, v);
    if (strcmp(line, "axis") == 0)
    {
        char *r = strchr(v, ' ');
        if (r == NULL)
            return sc_error(SC_ERR_INPUT, "problem text: malformed axis '%s'", v);
        *r++ = '\0';
        return strcmp(v, "d") == 0 ? sc_regime_add_dim(P, r) : sc_regime_add_param(P, v, r);
    }
    if (strcmp(line, "gamma") == 0) return sc_parse_fmpq(P->gamma, v, "gamma");
    if (strcmp(line, "beta") == 0) return sc_parse_fmpq(P->beta, v, "beta");
    if (strcmp(line, "vnorm") == 0) return sc_parse_fmpq(P->vnorm, v, "vnorm");
    if (strcmp(line, "qknorm") == 0) return sc_parse_fmpq(P->qknorm, v, "qknorm");
    if (strcmp(line, "max-depth") == 0 || strcmp(line, "max-leaves") == 0 || strcmp(line, "max-boxes-bb") == 0)
    {
        int st = sc_parse_slong(&x, v, line, 0, WORD(1) << 40);
        if (st == SC_OK)
            *(line[4] == 'd' ? &P->max_depth : line[4] == 'l' ? &P->max_leaves : &P->max_boxes_bb) = x;
        return st;
    }
    return sc_error(SC_ERR_INPUT, "problem text: unknown key '%s'", line);
}

int sc_regime_problem_from_text(sc_regime_problem *P, const char *text)
{
    char *copy = flint_malloc(strlen(text) + 1), *line = copy, *nl;
    int st = SC_OK;
    strcpy(copy, text);
    while (st == SC_OK && *line != '\0')
    {
        if ((nl = strchr(line, '\n')) != NULL)
            *nl = '\0';
        st = read_line(P, line);
        line = nl != NULL ? nl + 1 : line + strlen(line);
    }
    flint_free(copy);
    return st == SC_OK ? sc_regime_check(P) : st;
}
