/* Internals shared by the regime files (src/regime/). */
#ifndef SC_REGIMEINT_H
#define SC_REGIMEINT_H

#include "synccert/regime.h"
#include "synccert/box.h"
#include "synccert/kfun.h"

/* Number of varying axes (lo < hi) of P. */
slong _sc_regime_nvarying(const sc_regime_problem *P);

/* The problem's axes as the axes of the core's box: every varying axis is a
   box axis (a dimension range of N values the integer axis [0, N), any other
   range the real axis [0, 2^62)); fixed axes are not box axes.  With no
   varying axis the box has one axis of a single point. */
typedef struct
{
    slong nb;                           /* box axes in use (>= 1) */
    slong bax[SC_REGIME_MAXAXES];       /* box axis of problem axis k, -1: fixed */
    sc_box_domain_t D;
}
_sc_regime_map;

/* SC_OK or SC_ERR_INPUT (from the domain); clear M in either case. */
int _sc_regime_map_init(_sc_regime_map *M, const sc_regime_problem *P);
void _sc_regime_map_clear(_sc_regime_map *M);

/* Exact rational bounds of box b on every problem axis (lo, hi: naxes):
   lo + (hi - lo) c / 2^62 on a real axis, dA + c on the dimension axis
   (inclusive range), the fixed value on a fixed axis. */
void _sc_regime_box_bounds(fmpq *lo, fmpq *hi, const _sc_regime_map *M,
                           const sc_regime_problem *P, const sc_box_t *b);

/* Measure of box b relative to the root box, exactly: the product over box
   axes of width / root width (integer axes count points). */
void _sc_regime_box_measure(fmpq_t m, const _sc_regime_map *M, const sc_box_t *b);

/* The batch evaluation of sc_regime_run: the evaluator set by
   sc_regime_set_evaluator, else sc_regime_eval_boxes (src/regime/batch.c). */
int _sc_regime_eval_batch(int *verdict, const sc_box_t *b, slong n, const sc_regime_problem *P,
                          double deadline);

/* The log of work-list operations (src/regime/checkpoint.c): one character
   per operation, '0' + axis for a split along that axis, 'u', 'c', 'r' for
   a decision undecided, certified, refuted. */
typedef struct
{
    char *s;
    slong n, alloc;
}
_sc_regime_oplog;

void _sc_regime_oplog_push(_sc_regime_oplog *L, char op);
char _sc_regime_op_split(int axis);
char _sc_regime_op_decide(int verdict);
int _sc_regime_op_axis(char op);        /* the split's axis, or -1 */
int _sc_regime_op_verdict(char op);     /* the decision's SC_LEAF_*, or -1 */

/* Write P's text and the log atomically to path (sc_outfile_*): SC_OK,
   SC_ERR_INPUT (cannot be created) or SC_ERR_IO. */
int _sc_regime_checkpoint_write(const char *path, const sc_regime_problem *P, const _sc_regime_oplog *L);

/* Read a checkpoint written for P: the log into *ops (flint_malloc'ed,
   *nops characters).  SC_ERR_INPUT (one line) if the file cannot be read,
   is not a checkpoint, or is of another problem (naming the first
   differing key). */
int _sc_regime_checkpoint_read(char **ops, slong *nops, const char *path, const sc_regime_problem *P);

/* Kernel objects reused across boxes, per thread (src/regime/kcache.c).
   _sc_regime_kfun: an sc_kfun for these exact balls (series on), NULL with
   *st the error; hand it back with _sc_regime_kfun_done after use (it is
   dropped there unless reuse is exact).  _sc_regime_kernel_one: K(1),
   K'(1) as sc_kernel_eval gives them at rho = 1. */
sc_kfun_struct *_sc_regime_kfun(const sc_act_def *def, arb_srcptr par, slong np, const arb_t q,
                                const arb_t s, slong prec, int *st);
void _sc_regime_kfun_done(sc_kfun_struct *kf);
int _sc_regime_kernel_one(arb_t K1, arb_t dK1, const sc_act_def *def, arb_srcptr par, slong np,
                          const arb_t q, const arb_t s, slong prec);

/* A box's parameters as balls (eval.c): dimension ends dA <= dB,
   activation parameters, q, s, sigma^2, p, gamma, beta (defaults 1, 0, 1,
   1/2 and the problem's gamma, beta when not an axis). */
typedef struct
{
    arb_ptr par;
    slong np, dA, dB;
    arb_t q, s, sigma2, p, gamma, beta;
}
_sc_regime_box;

/* The two-token properties on a box (eval_pair.c): SC_PROP_PAIR_SYNC
   (lambda_gamma < 0) and SC_PROP_ANTIPODAL (mu < 0, phi odd); SC_LEAF_*. */
int _sc_regime_pair_class(const sc_regime_problem *P, const _sc_regime_box *B, slong prec);

/* Is phi odd on the whole box (from its definition, and s = 0 exactly)? */
int _sc_regime_box_odd(const sc_regime_problem *P, const _sc_regime_box *B);

#endif
