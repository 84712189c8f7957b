/* Internal to src/act: the data of expression definitions and their
   callbacks (expr_act.c), shared with the named expression activations
   (named.c) and the parser (act.c). */
#ifndef SC_ACT_EXPR_H
#define SC_ACT_EXPR_H

#include <stdatomic.h>
#include "synccert/act.h"
#include "synccert/expr.h"

typedef struct
{
    const char *src;            /* static definitions: compiled on first use */
    _Atomic(sc_expr *) e;
}
sc_act_expr_data;

void _sc_act_expr_eval(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order,
                       arb_srcptr p, slong prec);
void _sc_act_expr_piece(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order,
                        slong j, arb_srcptr p, slong prec);
slong _sc_act_expr_kinks(const sc_act_def *def, arb_ptr k, arb_srcptr p, slong prec);
slong _sc_act_expr_growth(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv,
                          arb_srcptr p, slong prec);
void _sc_act_expr_rate(const sc_act_def *def, arb_t c, int deriv, arb_srcptr p, slong prec);
int _sc_act_expr_smooth(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                        arb_srcptr p, slong prec);
int _sc_act_expr_kernel(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2,
                        arb_srcptr p, slong prec);

/* Gaussian smoothing by certified integration (smooth_numeric.c):
   res = E[phi^(deriv)(a + bY)] for a complex ball a and a real ball b > 0,
   entire in a; real-line growth suffices (doc/model.md 2.6). */
int _sc_act_smooth_numeric(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                           arb_srcptr p, slong prec);

/* Closed-form smoothing of piecewise-polynomial expressions
   (smooth_pieces.c): 1 if computed, 0 if phi^(deriv) is not a polynomial
   on every piece between located kinks. */
int _sc_act_smooth_pieces(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                          arb_srcptr p, slong prec);

/* reference counting of SC_ACT_OWNED definitions (no-ops otherwise) */
void _sc_act_def_ref(const sc_act_def *def);
void _sc_act_def_unref(const sc_act_def *def);

/* "expr:" specs (act.c): src is what follows "expr:" */
int _sc_act_parse_expr(sc_act_t act, const char *src);

/* A static definition of a named expression activation (named.c), with
   the smoothing SMOOTH (_sc_act_expr_smooth, or a closed form). */
#define SC_ACT_EXPR_DEF(NAME, ALIAS, FORMULA, PARAMS, NPARAMS, FLAGS, SMOOTH, DATA)           \
    { NAME, ALIAS, FORMULA, PARAMS, NPARAMS, (FLAGS) | SC_ACT_EXPR,                             \
      _sc_act_expr_eval, _sc_act_expr_growth, SMOOTH, NULL, NULL,                               \
      DATA, _sc_act_expr_kinks, _sc_act_expr_piece, _sc_act_expr_rate }

#endif
