/* The expression language: recursive-descent parser with exact numbers and
   positions in every error, parameter declarations, and sc_expr_parse,
   which also derives phi', compiles the programs and validates the
   expression on the real line at the default parameters (growth, domains,
   kinks, jumps) so that every problem is reported at parse time. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "exprint.h"
#include "synccert/parse.h"

static const struct { const char *name; int op; int nargs; } funcs[] = {
    { "exp", E_EXP, 1 }, { "log", E_LOG, 1 }, { "log1p", E_LOG1P, 1 }, { "expm1", E_EXPM1, 1 },
    { "sqrt", E_SQRT, 1 }, { "abs", E_ABS, 1 }, { "sign", E_SIGN, 1 }, { "step", E_STEP, 1 },
    { "max", E_MAX, 2 }, { "min", E_MIN, 2 }, { "tanh", E_TANH, 1 }, { "sinh", E_SINH, 1 },
    { "cosh", E_COSH, 1 }, { "sin", E_SIN, 1 }, { "cos", E_COS, 1 }, { "atan", E_ATAN, 1 },
    { "erf", E_ERF, 1 }, { "erfc", E_ERFC, 1 }, { "sigmoid", E_SIGMOID, 1 },
    { "softplus", E_SOFTPLUS, 1 }, { "relu", E_RELU, 1 }, { "gelu", E_GELU, 1 }, { "Phi", E_PHI, 1 }
};
#define NFUNCS ((slong) (sizeof(funcs) / sizeof(funcs[0])))

typedef struct
{
    sc_expr *e;
    const char *s;      /* the body */
    slong i;            /* current offset in s */
    slong off;          /* offset of s in the whole source (for positions) */
    int err;
}
pstate;

static int perr(pstate *P, slong at, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    if (P->err)
        return SC_ERR_INPUT;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    P->err = 1;
    return sc_error(SC_ERR_INPUT, "expr: position %ld: %s (in '%.80s')", (long) (at + P->off + 1), msg, P->s);
}

static void skip(pstate *P)
{
    while (P->s[P->i] == ' ' || P->s[P->i] == '\t')
        P->i++;
}

static int is_ident0(int c) { return isalpha(c) || c == '_'; }
static int is_ident(int c) { return isalnum(c) || c == '_'; }

static slong func_index(const char *name, size_t len)
{
    slong k;
    for (k = 0; k < NFUNCS; k++)
        if (strlen(funcs[k].name) == len && strncmp(funcs[k].name, name, len) == 0)
            return k;
    return -1;
}

static int reserved(const char *name, size_t len)
{
    return func_index(name, len) >= 0 || (len == 1 && (name[0] == 'x' || name[0] == 'e')) ||
           (len == 2 && strncmp(name, "pi", 2) == 0);
}

static slong chk(pstate *P, slong id, slong at)
{
    if (id < 0 && !P->err)
        perr(P, at, "expression too large (more than %d nodes with its derivative)", SC_EXPR_MAXNODES);
    return id;
}

static slong expr(pstate *P);
static slong unary(pstate *P);

static slong number(pstate *P)
{
    slong start = P->i, j = P->i;
    char buf[128];
    fmpq_t q;
    slong id;
    while (isdigit((unsigned char) P->s[j]))
        j++;
    if (P->s[j] == '.')
    {
        j++;
        while (isdigit((unsigned char) P->s[j]))
            j++;
    }
    if ((P->s[j] == 'e' || P->s[j] == 'E') &&
        (isdigit((unsigned char) P->s[j + 1]) ||
         ((P->s[j + 1] == '+' || P->s[j + 1] == '-') && isdigit((unsigned char) P->s[j + 2]))))
    {
        j += 2;
        while (isdigit((unsigned char) P->s[j]))
            j++;
    }
    if (j - start >= (slong) sizeof(buf) || (j - start == 1 && P->s[start] == '.'))
        return perr(P, start, "malformed number"), -1;
    memcpy(buf, P->s + start, j - start);
    buf[j - start] = '\0';
    fmpq_init(q);
    if (sc_parse_fmpq(q, buf, "number") != SC_OK)
    {
        fmpq_clear(q);
        return perr(P, start, "malformed number '%s'", buf), -1;
    }
    P->i = j;
    id = chk(P, _sc_en_leaf(P->e, E_NUM, -1, q, start + 1), start);
    fmpq_clear(q);
    return id;
}

static slong call(pstate *P, slong k, slong at)
{
    slong a, b = -1;
    P->i++;                         /* '(' */
    a = expr(P);
    if (P->err)
        return -1;
    skip(P);
    if (funcs[k].nargs == 2)
    {
        if (P->s[P->i] != ',')
            return perr(P, P->i, "%s takes two arguments: %s(u, v)", funcs[k].name, funcs[k].name), -1;
        P->i++;
        b = expr(P);
        if (P->err)
            return -1;
        skip(P);
    }
    else if (P->s[P->i] == ',')
        return perr(P, P->i, "%s takes one argument", funcs[k].name), -1;
    if (P->s[P->i] != ')')
        return perr(P, P->s[P->i] ? P->i : at, P->s[P->i] ? "expected ')' here" :
                    "unbalanced parenthesis: '(' of %s is not closed", funcs[k].name), -1;
    P->i++;
    return chk(P, _sc_en_op(P->e, funcs[k].op, a, b, at + 1), at);
}

static slong atom(pstate *P)
{
    int c;
    skip(P);
    c = (unsigned char) P->s[P->i];
    if (c == '\0')
        return perr(P, P->i, "unexpected end of expression"), -1;
    if (isdigit(c) || c == '.')
        return number(P);
    if (c == '(')
    {
        slong at = P->i, id;
        P->i++;
        id = expr(P);
        if (P->err)
            return -1;
        skip(P);
        if (P->s[P->i] != ')')
            return perr(P, P->s[P->i] ? P->i : at, P->s[P->i] ? "expected ')' here" :
                        "unbalanced parenthesis: this '(' is not closed"), -1;
        P->i++;
        return id;
    }
    if (is_ident0(c))
    {
        slong start = P->i, k, j;
        size_t len;
        while (is_ident((unsigned char) P->s[P->i]))
            P->i++;
        len = P->i - start;
        skip(P);
        k = func_index(P->s + start, len);
        if (P->s[P->i] == '(')
        {
            if (k < 0)
                return perr(P, start, "unknown function '%.*s'", (int) len, P->s + start), -1;
            return call(P, k, start);
        }
        if (k >= 0)
            return perr(P, start, "function '%s' needs an argument: %s(...)", funcs[k].name, funcs[k].name), -1;
        if (len == 1 && P->s[start] == 'x')
            return chk(P, _sc_en_leaf(P->e, E_X, -1, NULL, start + 1), start);
        if (len == 1 && P->s[start] == 'e')
            return chk(P, _sc_en_leaf(P->e, E_E, -1, NULL, start + 1), start);
        if (len == 2 && strncmp(P->s + start, "pi", 2) == 0)
            return chk(P, _sc_en_leaf(P->e, E_PI, -1, NULL, start + 1), start);
        for (j = 0; j < P->e->npar; j++)
            if (strlen(P->e->pname[j]) == len && strncmp(P->e->pname[j], P->s + start, len) == 0)
                return chk(P, _sc_en_leaf(P->e, E_PAR, j, NULL, start + 1), start);
        return perr(P, start, "unknown name '%.*s' (parameters are declared after ';', e.g. x*sigmoid(b*x);b=1.702)",
                    (int) len, P->s + start), -1;
    }
    if (c == ')')
        return perr(P, P->i, "unbalanced parenthesis: unexpected ')'"), -1;
    return perr(P, P->i, "unexpected character '%c'", c), -1;
}

static slong power(pstate *P)
{
    slong a = atom(P), at, b;
    if (P->err)
        return -1;
    skip(P);
    if (P->s[P->i] != '^')
        return a;
    at = P->i;
    P->i++;
    b = unary(P);
    if (P->err)
        return -1;
    if (P->e->nodes[b].op != E_NUM)
        return perr(P, at, "exponent must be an exact rational number (x^2, x^(1/2)); write exp(u) for e^u"), -1;
    if (P->e->nodes[a].op == E_NUM && fmpq_is_zero(P->e->nodes[a].q) && fmpq_sgn(P->e->nodes[b].q) < 0)
        return perr(P, at, "division by a constant zero"), -1;
    if (fmpz_cmp_si(fmpq_numref(P->e->nodes[b].q), 1000) > 0 ||
        fmpz_cmp_si(fmpq_numref(P->e->nodes[b].q), -1000) < 0 ||
        fmpz_cmp_si(fmpq_denref(P->e->nodes[b].q), 1000) > 0)
        return perr(P, at, "exponent too large (numerator and denominator at most 1000)"), -1;
    return chk(P, _sc_en_pow(P->e, a, P->e->nodes[b].q, at + 1), at);
}

static slong unary(pstate *P)
{
    skip(P);
    if (P->s[P->i] == '-' || P->s[P->i] == '+')
    {
        slong at = P->i, a;
        int neg = P->s[P->i] == '-';
        P->i++;
        a = unary(P);
        if (P->err)
            return -1;
        return neg ? chk(P, _sc_en_op(P->e, E_NEG, a, -1, at + 1), at) : a;
    }
    return power(P);
}

static slong term(pstate *P)
{
    slong a = unary(P);
    while (!P->err)
    {
        slong at, b;
        int op;
        skip(P);
        if (P->s[P->i] != '*' && P->s[P->i] != '/')
            break;
        op = P->s[P->i] == '*' ? E_MUL : E_DIV;
        at = P->i;
        P->i++;
        b = unary(P);
        if (P->err)
            return -1;
        if (op == E_DIV && _sc_en_is_num(P->e, b, 0))
            return perr(P, at, "division by a constant zero"), -1;
        a = chk(P, _sc_en_op(P->e, op, a, b, at + 1), at);
    }
    return a;
}

static slong expr(pstate *P)
{
    slong a = term(P);
    while (!P->err)
    {
        slong at, b;
        int op;
        skip(P);
        if (P->s[P->i] != '+' && P->s[P->i] != '-')
            break;
        op = P->s[P->i] == '+' ? E_ADD : E_SUB;
        at = P->i;
        P->i++;
        b = term(P);
        if (P->err)
            return -1;
        a = chk(P, _sc_en_op(P->e, op, a, b, at + 1), at);
    }
    return a;
}

/* "name=value" declarations after the body; pos = offset of decl in src */
static int declare(sc_expr *e, const char *src, slong pos, const char *decl, size_t len)
{
    char item[256];
    const char *eq;
    size_t nl, i0 = 0;
    slong j;
    while (i0 < len && decl[i0] == ' ')
        i0++;
    while (len > i0 && decl[len - 1] == ' ')
        len--;
    if (len - i0 >= sizeof(item))
        return sc_error(SC_ERR_INPUT, "expr: position %ld: declaration too long", (long) (pos + 1));
    memcpy(item, decl + i0, len - i0);
    item[len - i0] = '\0';
    pos += i0;
    eq = strchr(item, '=');
    nl = eq ? (size_t) (eq - item) : strlen(item);
    while (nl > 0 && item[nl - 1] == ' ')
        nl--;
    if (nl == 0 || !is_ident0((unsigned char) item[0]))
        return sc_error(SC_ERR_INPUT, "expr: position %ld: expected a parameter declaration name=value, got '%s'",
                        (long) (pos + 1), item);
    for (j = 0; j < (slong) nl; j++)
        if (!is_ident((unsigned char) item[j]))
            return sc_error(SC_ERR_INPUT, "expr: position %ld: malformed parameter name '%.*s'",
                            (long) (pos + 1), (int) nl, item);
    if (reserved(item, nl))
        return sc_error(SC_ERR_INPUT, "expr: position %ld: '%.*s' is reserved (x, e, pi and function names)",
                        (long) (pos + 1), (int) nl, item);
    if (nl > 31)
        return sc_error(SC_ERR_INPUT, "expr: position %ld: parameter name longer than 31 characters", (long) (pos + 1));
    if (eq == NULL)
        return sc_error(SC_ERR_INPUT, "expr: position %ld: parameter '%s' needs a default value (%s=VALUE)",
                        (long) (pos + 1), item, item);
    for (j = 0; j < e->npar; j++)
        if (strlen(e->pname[j]) == nl && strncmp(e->pname[j], item, nl) == 0)
            return sc_error(SC_ERR_INPUT, "expr: position %ld: parameter '%.*s' declared twice",
                            (long) (pos + 1), (int) nl, item);
    if (e->npar >= SC_EXPR_MAXPAR)
        return sc_error(SC_ERR_INPUT, "expr: at most %d parameters", SC_EXPR_MAXPAR);
    e->pname[e->npar] = flint_malloc(nl + 1);
    memcpy(e->pname[e->npar], item, nl);
    e->pname[e->npar][nl] = '\0';
    eq++;
    while (*eq == ' ')
        eq++;
    if (sc_parse_fmpq(e->pdflt + e->npar, eq, e->pname[e->npar]) != SC_OK)
    {
        char msg[200];
        snprintf(msg, sizeof(msg), "%s", sc_last_error());
        flint_free(e->pname[e->npar]);
        e->pname[e->npar] = NULL;
        return sc_error(SC_ERR_INPUT, "expr: position %ld: %s", (long) (pos + 1 + (eq - item)), msg);
    }
    e->npar++;
    (void) src;
    return SC_OK;
}

/* validation at the default parameters (validate.c) */
int _sc_expr_validate(sc_expr *e);

int sc_expr_parse(sc_expr **out, const char *src)
{
    sc_expr *e;
    const char *semi;
    size_t blen;
    pstate P;
    int st = SC_OK;
    static ulong next_serial = 0;

    *out = NULL;
    if (src == NULL)
        return sc_error(SC_ERR_INPUT, "expr: empty expression");
    if (strlen(src) > SC_EXPR_MAXLEN)
        return sc_error(SC_ERR_INPUT, "expr: expression longer than %d characters", SC_EXPR_MAXLEN);
    e = flint_calloc(1, sizeof(sc_expr));
    e->pdflt = _fmpq_vec_init(SC_EXPR_MAXPAR);
    e->root[0] = e->root[1] = -1;
    semi = strchr(src, ';');
    blen = semi ? (size_t) (semi - src) : strlen(src);
    e->body = flint_malloc(blen + 1);
    memcpy(e->body, src, blen);
    e->body[blen] = '\0';
    /* declarations first: the body may use them */
    while (st == SC_OK && semi != NULL)
    {
        const char *next = strchr(semi + 1, ';');
        size_t len = next ? (size_t) (next - semi - 1) : strlen(semi + 1);
        if (len == 0 && next == NULL)
            break;              /* a trailing ';' is harmless */
        st = declare(e, src, semi + 1 - src, semi + 1, len);
        semi = next;
    }
    if (st == SC_OK)
    {
        memset(&P, 0, sizeof(P));
        P.e = e;
        P.s = e->body;
        skip(&P);
        if (P.s[P.i] == '\0')
            st = sc_error(SC_ERR_INPUT, "expr: empty expression");
        else
        {
            e->root[0] = expr(&P);
            skip(&P);
            if (!P.err && P.s[P.i] == ')')
                perr(&P, P.i, "unbalanced parenthesis: unexpected ')'");
            else if (!P.err && P.s[P.i] == '(')
                perr(&P, P.i, "expected an operator before '('");
            else if (!P.err && P.s[P.i] != '\0')
                perr(&P, P.i, "expected an operator here (write 2*x, not 2x)");
            if (P.err)
                st = SC_ERR_INPUT;
            else if (!e->nodes[e->root[0]].hasx)
                st = sc_error(SC_ERR_INPUT, "expr: the expression does not depend on x (in '%.80s')", e->body);
        }
    }
    if (st == SC_OK)
    {
        slong j, k;
        for (j = 0; j < e->npar && st == SC_OK; j++)
        {
            int used = 0;
            for (k = 0; k < e->nnodes; k++)
                used |= e->nodes[k].op == E_PAR && e->nodes[k].par == j;
            if (!used)
            {
                /* the position of its declaration ";name=" (or ";name") */
                const char *d = src + blen;
                size_t nl = strlen(e->pname[j]);
                while ((d = strchr(d, ';')) != NULL &&
                       !(strncmp(d + 1, e->pname[j], nl) == 0 && (d[1 + nl] == '=' || d[1 + nl] == '\0' ||
                                                                 d[1 + nl] == ';')))
                    d++;
                st = sc_error(SC_ERR_INPUT, "expr: position %ld: parameter '%s' is declared but not used",
                              d != NULL ? (long) (d - src) + 2 : (long) blen + 2, e->pname[j]);
            }
        }
    }
    if (st == SC_OK)
    {
        e->root[1] = _sc_expr_derive(e, e->root[0]);
        if (e->root[1] < 0)
            st = sc_error(SC_ERR_INPUT, "expr: expression too large (more than %d nodes with its derivative)",
                          SC_EXPR_MAXNODES);
    }
    if (st == SC_OK)
    {
        _sc_expr_compile(e);
#pragma omp atomic capture
        e->serial = ++next_serial;
        st = _sc_expr_validate(e);
    }
    if (st != SC_OK)
    {
        sc_expr_free(e);
        return st;
    }
    *out = e;
    return SC_OK;
}

void sc_expr_free(sc_expr *e)
{
    slong i;
    if (e == NULL)
        return;
    _sc_expr_unbind(e);
    for (i = 0; i < e->nnodes; i++)
        fmpq_clear(e->nodes[i].q);
    flint_free(e->nodes);
    for (i = 0; i < SC_EXPR_MAXPAR; i++)
        flint_free(e->pname[i]);
    _fmpq_vec_clear(e->pdflt, SC_EXPR_MAXPAR);
    flint_free(e->prog[0]);
    flint_free(e->prog[1]);
    flint_free(e->cnodes);
    flint_free(e->kinknode);
    flint_free(e->body);
    flint_free(e);
}

const char *sc_expr_body(const sc_expr *e) { return e->body; }
slong sc_expr_nparams(const sc_expr *e) { return e->npar; }
const char *sc_expr_param_name(const sc_expr *e, slong i) { return e->pname[i]; }
const fmpq *sc_expr_param_default(const sc_expr *e, slong i) { return e->pdflt + i; }
int sc_expr_parity(const sc_expr *e) { return e->parity; }
int sc_expr_jumps(const sc_expr *e) { return e->jump; }
int sc_expr_is_poly(const sc_expr *e) { return e->poly; }
