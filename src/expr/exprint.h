/* Internal to src/expr (see include/synccert/expr.h): the node pool (a DAG
   with structural sharing), the operators, the per-thread bindings. */
#ifndef SC_EXPRINT_H
#define SC_EXPRINT_H

#include "synccert/expr.h"

enum
{
    /* leaves */
    E_X, E_NUM, E_PI, E_E, E_PAR,
    /* arithmetic */
    E_ADD, E_SUB, E_MUL, E_DIV, E_NEG, E_POW,
    /* functions of one argument */
    E_EXP, E_LOG, E_LOG1P, E_EXPM1, E_SQRT, E_ABS, E_SIGN, E_STEP, E_TANH, E_SINH,
    E_COSH, E_SIN, E_COS, E_ATAN, E_ERF, E_ERFC, E_SIGMOID, E_SOFTPLUS, E_RELU,
    E_GELU, E_PHI,
    /* two arguments */
    E_MAX, E_MIN,
    E_NOPS
};

/* Kink primitives: not analytic where their argument (for max/min: the
   difference of the two arguments) changes sign. */
#define E_IS_KINK(op) ((op) == E_ABS || (op) == E_SIGN || (op) == E_STEP || \
                       (op) == E_RELU || (op) == E_MAX || (op) == E_MIN)
/* Kink primitives whose value jumps. */
#define E_IS_JUMP(op) ((op) == E_SIGN || (op) == E_STEP)

/* Largest node pool (the tree of phi and phi' with shared subtrees). */
#define SC_EXPR_MAXNODES 3000

typedef struct
{
    int op;
    slong a, b;         /* children (-1 if none); a < own id, b < own id */
    slong par;          /* E_PAR: parameter index */
    fmpq_t q;           /* E_NUM: value; E_POW: exponent */
    int hasx;           /* depends on x */
    slong pos;          /* 1-based source position (0: made by derivation) */
    slong kidx;         /* kink primitives with hasx: index in kinknode */
}
sc_enode;

struct sc_expr_struct
{
    char *body;
    slong nnodes, anodes;
    sc_enode *nodes;
    int overflow;           /* the pool limit was hit */
    slong root[2];          /* phi, phi' */
    slong npar;
    char *pname[SC_EXPR_MAXPAR];
    fmpq *pdflt;
    slong *prog[2];         /* x-dependent nodes reachable from root[d], ascending */
    slong nprog[2];
    slong *cnodes;          /* x-free nodes reachable from a root, ascending */
    slong ncnodes;
    slong nkink;            /* kink primitives with an x-dependent argument */
    slong *kinknode;
    int parity;
    int jump;               /* phi jumps (at the default parameters) */
    int jumpops;            /* phi contains step/sign of an x-dependent argument */
    int poly;               /* phi is a polynomial in x */
    ulong serial;           /* identifies the expression in per-thread caches */
};

/* --- node pool (tree.c) --- */
/* Each returns the node id, or -1 when the pool is full (e->overflow set). */
slong _sc_en_leaf(sc_expr *e, int op, slong par, const fmpq_t q, slong pos);
slong _sc_en_num_si(sc_expr *e, slong v);
slong _sc_en_op(sc_expr *e, int op, slong a, slong b, slong pos);
slong _sc_en_pow(sc_expr *e, slong a, const fmpq_t r, slong pos);
int _sc_en_is_num(const sc_expr *e, slong i, slong v);   /* exact constant v */
const char *_sc_en_opname(int op);

/* --- derivation, programs, parity (deriv.c) --- */
slong _sc_expr_derive(sc_expr *e, slong root);
void _sc_expr_compile(sc_expr *e);
int _sc_expr_parity_of(const sc_expr *e, slong root);

/* --- evaluation of one operator on balls (eval_op.c) --- */
/* res = op(u, v) (v only for binary operators); br: +1/-1 the branch of a
   kink primitive (argument > 0 / < 0), 0: evaluate on the ball (with
   analytic != 0: indeterminate where the ball meets a kink or cut). */
void _sc_expr_op_acb(acb_t res, const sc_enode *n, const acb_t u, const acb_t v, int br,
                     int analytic, slong prec);

/* --- per-thread bindings (bind.c) --- */
typedef struct
{
    ulong serial;
    slong prec, npar;
    arb_ptr par;            /* key: parameter balls */
    acb_ptr reg;            /* one register per node; x-free nodes filled */
    slong nk;               /* located kinks */
    arb_ptr kinks;
    int all_located;
    signed char *br;        /* (nk + 1) rows of nkink branches */
    signed char *fixed;     /* nkink: global branch (+-1) from the range, 0 if none */
    int valid;              /* 0: jump property differs from e->jump here */
    /* growth on the real line and on a strip, computed on demand */
    int has_growth[2], has_strip[2];
    slong ng[2], ns[2];
    arb_ptr g[2], gs[2];
    arb_t rate[2], rates[2], strip[2];
    /* strip growth of each piece's continuation (nk + 1 entries each) */
    char *has_piece[2];
    slong *np[2];
    arb_ptr *gp[2];
    arb_ptr ratep[2], stripp[2];
    /* strip growth at the fixed candidate strips (sc_expr_growth_strip_at) */
    char has_at[2][SC_EXPR_NSTRIPS];
    slong nat[2][SC_EXPR_NSTRIPS];
    arb_ptr gat[2][SC_EXPR_NSTRIPS];
    arb_struct rat[2][SC_EXPR_NSTRIPS];
    ulong stamp;
}
sc_expr_binding;

/* The calling thread's binding of e at (p, prec), built if needed. */
sc_expr_binding *_sc_expr_bind(const sc_expr *e, arb_srcptr p, slong prec);
/* Drop the calling thread's cached bindings of e (sc_expr_free). */
void _sc_expr_unbind(const sc_expr *e);

/* --- kinks (kinks.c) --- */
/* Fill b->kinks, b->nk, b->br, b->fixed, b->all_located, b->valid. */
void _sc_expr_locate_kinks(const sc_expr *e, sc_expr_binding *b);
/* Jump test at the kinks of a binding: 1 jump certified somewhere, 0 phi
   certified continuous at every kink, -1 undecided (message set). */
int _sc_expr_jump_test(const sc_expr *e, sc_expr_binding *b, slong *where);

/* --- growth (growth.c) --- */
/* As sc_expr_growth; on failure returns -1 with a message naming the node
   position. */
slong _sc_expr_growth(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                      arb_srcptr p, slong prec);
/* Growth on the strip |Im z| <= s (strip.c) for expressions whose kink
   primitives all have a fixed branch (fixed[k] != 0): n >= 0 or -1 if a
   rule does not apply at this s. */
slong _sc_expr_growth_strip(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                            const signed char *fixed, arb_srcptr p, const arb_t s, slong prec);

/* Range [lo, hi] (exact, maybe infinite) of every node over the real line
   (nnodes entries each); returns 0 with a message if some node has no
   valid range (division by something that may vanish, ...). */
int _sc_expr_ranges(arf_ptr lo, arf_ptr hi, const sc_expr *e, arb_srcptr p, slong prec);

#endif
