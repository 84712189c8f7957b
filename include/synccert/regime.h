/* synccert: certified parameter regimes (`synccert certify`).

   A parameter box is a product of axes: the integer dimension range
   [dA, dB] (split as integers) and closed rational intervals for
   activation parameters, q, s, sigma and p.  A property is evaluated on a
   whole box with ball-valued parameters:
   - SC_PROP_SYNC: lambda < 0 (MODEL.md section 4).  lambda is affine in d,
     so its sign on [dA, dB] is decided at the two ends; K(1), K'(1) are
     enclosed for all parameters of the box at once.
   - SC_PROP_DISSIPATION: r_p = c_p - p gamma L_att > 0 (section 5).  F is
     affine in d, so inf over d in [dA, dB] of c_p is min(c_p(dA), c_p(dB));
     "refuted" needs one rho* with F(rho*, d) < p gamma L_att at both ends
     (an upper bound of c_p for every d in between, F being affine in d).
   Each leaf is `certified` (holds on the whole box), `refuted` (fails on
   the whole box) or `undecided` (depth or budget reached). */
#ifndef SYNCCERT_REGIME_H
#define SYNCCERT_REGIME_H

#include <stdio.h>
#include <flint/fmpq.h>
#include "synccert/act.h"

enum { SC_PROP_SYNC = 0, SC_PROP_DISSIPATION };
enum { SC_LEAF_UNDECIDED = 0, SC_LEAF_CERTIFIED, SC_LEAF_REFUTED };

#define SC_REGIME_MAXAXES 16

/* axis kinds */
enum { SC_AXIS_DIM = 0, SC_AXIS_ACT, SC_AXIS_Q, SC_AXIS_S, SC_AXIS_SIGMA, SC_AXIS_P };

typedef struct
{
    char name[32];
    int kind;
    slong index;        /* activation parameter index for SC_AXIS_ACT */
    fmpq_t lo, hi;      /* root range (integers for SC_AXIS_DIM) */
}
sc_axis;

typedef struct
{
    sc_act_struct act[1];   /* fixed parameter values (defaults or ACT spec) */
    int property;
    slong naxes;
    sc_axis axes[SC_REGIME_MAXAXES];
    fmpq_t gamma, beta, vnorm, qknorm;
    slong max_depth;
    double budget;      /* seconds, 0 = none */
    int progress;       /* show progress on stderr after 1 s */
    slong max_boxes_bb; /* per c_p branch-and-bound */
}
sc_regime_problem;

typedef struct
{
    fmpq *lo, *hi;      /* naxes each */
    int cls;
    slong depth;
}
sc_regime_leaf;

typedef struct
{
    sc_regime_leaf *leaves;
    slong nleaves, alloc;
    slong naxes;
    fmpq_t frac[3];     /* volume fraction per class (SC_LEAF_*) */
    int budget_hit;
    double seconds;
}
sc_regime_result;

void sc_regime_problem_init(sc_regime_problem *P);
void sc_regime_problem_clear(sc_regime_problem *P);

/* Add an axis (name, kind, index, [lo, hi]); SC_ERR_INPUT on a repeat or too
   many axes. */
int sc_regime_add_axis(sc_regime_problem *P, const char *name, int kind, slong index,
                       const fmpq_t lo, const fmpq_t hi);

void sc_regime_result_init(sc_regime_result *R);
void sc_regime_result_clear(sc_regime_result *R);

/* Classify one box (lo[i], hi[i] per axis) at working precision prec. */
int sc_regime_eval_box(const sc_regime_problem *P, const fmpq *lo, const fmpq *hi, slong prec);

/* Split the root box and classify every leaf (OpenMP across boxes; the
   leaves and the fractions do not depend on the number of threads unless
   the budget stops the run). */
int sc_regime_run(sc_regime_result *R, const sc_regime_problem *P);

/* Write the leaves as CSV (header: NAME_lo,NAME_hi,... ,class). */
int sc_regime_write_csv(FILE *f, const sc_regime_result *R, const sc_regime_problem *P);

/* Exact decimal string of a rational whose denominator is 2^a 5^b (else
   p/q).  Caller frees with flint_free. */
char *sc_fmpq_decimal(const fmpq_t x);

const char *sc_leaf_name(int cls);

#endif
