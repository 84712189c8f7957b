/* synccert: certified parameter regimes (`synccert certify`).

   A parameter box is a product of axes: the integer dimension range
   [dA, dB] (split as integers) and closed rational intervals for
   activation parameters, q, s, sigma and p.  A property is evaluated on a
   whole box with ball-valued parameters:
   - SC_PROP_SYNC: lambda < 0 (doc/model.md section 4).  lambda is affine in d,
     so its sign on [dA, dB] is decided at the two ends; K(1), K'(1) are
     enclosed for all parameters of the box at once.
   - SC_PROP_DISSIPATION: r_p = c_p - p gamma L_att > 0 (section 5).  F is
     affine in d, so inf over d in [dA, dB] of c_p is min(c_p(dA), c_p(dB));
     "refuted" needs one rho* with F(rho*, d) < p gamma L_att at both ends
     (an upper bound of c_p for every d in between, F being affine in d).
   - SC_PROP_PAIR_SYNC: two tokens with identity attention, the diagonal
     attracts: lambda_gamma = lambda - gamma < 0 (doc/model.md section 9);
     affine in d, decided at the two ends.
   - SC_PROP_ANTIPODAL: the antipodal set attracts with positive
     probability: phi odd (s = 0 on the whole box) and
     mu = lambda + 2 gamma / (1 + e^{2 beta}) < 0 (affine in d); refuted
     when mu > 0, or when phi is not odd and b(-1) > 0 on the whole box.
   - SC_PROP_SYNC_UP_TO_SIGN: c_p^pm > 0 for the projective energy
     (doc/model.md section 10; gamma = 0): as dissipation, with the
     projective quotient (affine in d).
   Each leaf is `certified` (holds on the whole box), `refuted` (fails on
   the whole box) or `undecided` (depth, budget or work-list capacity
   reached).

   Splitting: the varying axes (lo < hi; at most SC_BOX_MAXDIM of them) are
   the axes of a dyadic box of the verified core (synccert/core.h, glue in
   synccert/box.h): a dimension range of N values is an integer axis
   [0, N), every other range a real axis [0, 2^62) mapped affinely onto
   [lo, hi]; fixed axes (lo == hi) are not box axes.  Children come only from
   the proved bisection (sc_worklist_split, along sc_box_pick_axis) and
   leaves only from sc_worklist_decide, so the leaves tile the root box (the
   work list's coverage invariant).  A leaf's exact rational bounds are
   computed from its integer coordinates: lo + (hi - lo) c / 2^62 on a real
   axis, dA + c on an integer axis. */
#ifndef SYNCCERT_REGIME_H
#define SYNCCERT_REGIME_H

#include <stdio.h>
#include <flint/fmpq.h>
#include "synccert/act.h"
#include "synccert/core.h"

#ifdef __cplusplus
extern "C" {
#endif

enum { SC_PROP_SYNC = 0, SC_PROP_DISSIPATION, SC_PROP_PAIR_SYNC, SC_PROP_ANTIPODAL,
       SC_PROP_SYNC_UP_TO_SIGN };
enum { SC_LEAF_UNDECIDED = 0, SC_LEAF_CERTIFIED, SC_LEAF_REFUTED };

#define SC_REGIME_MAXAXES 16
#define SC_REGIME_NAMELEN 32    /* axis names have at most 31 characters */

/* axis kinds */
enum { SC_AXIS_DIM = 0, SC_AXIS_ACT, SC_AXIS_Q, SC_AXIS_S, SC_AXIS_SIGMA, SC_AXIS_P,
       SC_AXIS_GAMMA, SC_AXIS_BETA };

typedef struct
{
    char name[SC_REGIME_NAMELEN];
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
    fmpq_t gamma, beta, vnorm, qknorm;   /* gamma, beta unless they are axes */
    slong max_depth;    /* at most this many bisections along any path
                           (the sum of a box's per-axis depths) */
    slong max_leaves;   /* 0 or > SC_WL_DONE_CAP: SC_WL_DONE_CAP */
    double budget;      /* seconds, 0 = none */
    int progress;       /* show progress on stderr after 1 s */
    slong max_boxes_bb; /* per c_p branch-and-bound */
    /* checkpoint and resume (sc_regime_run; not part of the problem's
       identity, see sc_regime_problem_text) */
    const char *checkpoint;     /* NULL or a file rewritten atomically every
                                   checkpoint_every seconds and at the end */
    const char *resume;         /* NULL or a checkpoint file to continue */
    double checkpoint_every;    /* seconds; <= 0: 5 */
}
sc_regime_problem;

typedef struct
{
    fmpq *lo, *hi;      /* naxes each (integer axes: inclusive range) */
    int cls;
    slong depth;        /* number of bisections from the root */
    sc_box_t box;       /* the core's box (coordinates of the varying axes) */
}
sc_regime_leaf;

typedef struct
{
    sc_regime_leaf *leaves;
    slong nleaves, alloc;
    slong naxes;
    fmpq_t frac[3];     /* volume fraction per class (SC_LEAF_*) */
    int budget_hit;     /* the budget stopped the run */
    int full_hit;       /* the decided list was full (max_leaves): stopped */
    int interrupted;    /* sc_interrupt stopped the run: the leaves decided so
                           far, the open boxes as undecided leaves (a caller may
                           save them and resume later) */
    slong rounds;       /* parallel evaluation rounds */
    slong evaluated;    /* boxes evaluated */
    double seconds;
}
sc_regime_result;

void sc_regime_problem_init(sc_regime_problem *P);
void sc_regime_problem_clear(sc_regime_problem *P);

/* Add an axis (name, kind, index, [lo, hi]); SC_ERR_INPUT on a repeat or too
   many axes. */
int sc_regime_add_axis(sc_regime_problem *P, const char *name, int kind, slong index,
                       const fmpq_t lo, const fmpq_t hi);

/* ---------- the problem from textual specs (the syntax of `synccert
   certify`; messages name its options) ---------- */

/* "sync", "dissipation", "pair-sync", "antipodal" or "sync-up-to-sign"
   into SC_PROP_*; s == NULL or anything else is SC_ERR_INPUT. */
int sc_regime_property_parse(int *property, const char *s);
const char *sc_regime_property_name(int property);

/* The dimension axis "d" from "A:B" (or "A"): integers, 2 <= A <= B <= 10^9.
   SC_OK or SC_ERR_INPUT. */
int sc_regime_add_dim(sc_regime_problem *P, const char *range);

/* The axis NAME over "LO:HI" (a single value V means V:V).  NAME is a
   parameter of P->act (parse the activation first; it takes precedence, so
   silu's beta is the activation's), else q or weight-var (> 0), s or
   bias-var (>= 0), sigma (> 0), p (in (0, 2]), gamma or attn-gamma, beta or
   attn-beta (>= 0; attention); activation parameters must stay in their
   domain.  SC_OK or SC_ERR_INPUT (unknown name, bad range, out of domain,
   repeated name or axis, too many axes). */
int sc_regime_add_param(sc_regime_problem *P, const char *name, const char *range);

/* SC_ERR_INPUT ("beta given both as --beta and --param") if the --param
   name NAME denotes the model axis of an option also given (given[] holds
   the values of --p, --sigma, --gamma, --beta, NULL if absent) for P's
   activation; silu's own beta does not clash with --beta.  Else SC_OK. */
int sc_regime_param_clash(const sc_regime_problem *P, const char *name, const char *const given[4]);

/* Split "NAME=LO:HI": NAME (1 to SC_REGIME_NAMELEN - 1 characters) into
   name[SC_REGIME_NAMELEN], *range points after the '='.  SC_OK or
   SC_ERR_INPUT ("malformed --param"). */
int sc_regime_param_split(char *name, const char **range, const char *spec);

/* sc_regime_param_split, then sc_regime_add_param. */
int sc_regime_add_param_spec(sc_regime_problem *P, const char *spec);

/* ---------- running ---------- */

void sc_regime_result_init(sc_regime_result *R);
void sc_regime_result_clear(sc_regime_result *R);

/* Classify one box (lo[i], hi[i] per axis) at working precision prec. */
int sc_regime_eval_box(const sc_regime_problem *P, const fmpq *lo, const fmpq *hi, slong prec);

/* SC_OK, or SC_ERR_INPUT (message via sc_last_error) if the problem cannot
   be run: more than SC_BOX_MAXDIM varying axes. */
int sc_regime_check(const sc_regime_problem *P);

/* Which options and axes the property uses (after the box is read): p
   (dissipation, sync-up-to-sign; as --p or an axis), gamma and beta
   (dissipation, pair-sync, antipodal; att_given: --gamma or --beta was
   given), --vnorm and --qknorm (dissipation; norms_given).  SC_OK or
   SC_ERR_INPUT with the message the CLI prints. */
int sc_regime_check_options(const sc_regime_problem *P, int att_given, int norms_given);

/* Split the root box and classify every leaf.  The work list is processed
   depth-first and strictly sequentially (top -> decide if the verdict is
   certified/refuted, else split along sc_box_pick_axis while the depth
   allows, else decide undecided); the verdicts it needs are evaluated
   beforehand in parallel (OpenMP), a round at a time, each round every box
   whose verdict the sequence will need next.  A box's verdict depends only
   on its coordinates, so the leaves and fractions do not depend on the
   number of threads unless the budget stops the run.  A budget stop or a
   full decided list (at most max_leaves leaves; the run stops as soon as
   the open boxes might not fit any more) makes the open boxes undecided
   leaves; so does an interruption (sc_interrupt: R->interrupted, boxes
   being evaluated then are not decided).

   Checkpoints: with P->checkpoint the run writes the problem's text and the
   log of work-list operations so far (split along an axis, decide with a
   verdict) atomically to that file every P->checkpoint_every seconds, when
   it stops (budget, interruption, a full list, an evaluator error) and at
   the end.  With P->resume it reads such a file, refuses one of another
   problem (SC_ERR_INPUT, one line naming the first differing key), and
   replays the log from the root through the proved operations
   (sc_worklist_split / sc_worklist_decide, checking every split axis
   against sc_box_pick_axis) before continuing; the leaves are those of an
   uninterrupted run.  Returns SC_OK, SC_ERR_INPUT (see sc_regime_check; a
   bad checkpoint), SC_ERR_IO (the checkpoint could not be written) or the
   evaluator's error. */
int sc_regime_run(sc_regime_result *R, const sc_regime_problem *P);

/* ---------- evaluation strategies (the MPI build substitutes its own) ---------- */

/* An evaluator classifies a batch: verdict[i] for the core box b[i] of P
   (coordinates as in the work list), SC_LEAF_* or -1 when the evaluation
   was not finished (deadline, an absolute sc_clock_seconds() time or 0 for
   none, or an interruption).  It must give every box the verdict
   sc_regime_eval_boxes gives it (a verdict depends only on the box), so
   the leaves do not depend on the evaluator.  Returns SC_OK, or an error
   with a message (e.g. a worker lost); sc_regime_run then stops and
   returns that error. */
typedef struct
{
    int (*eval)(void *ctx, int *verdict, const sc_box_t *b, slong n,
                const sc_regime_problem *P, double deadline);
    void *ctx;
}
sc_regime_evaluator;

/* The local evaluator: OpenMP over the batch, sc_regime_eval_box at 64
   bits on each box's exact bounds.  SC_OK. */
int sc_regime_eval_boxes(int *verdict, const sc_box_t *b, slong n, const sc_regime_problem *P,
                         double deadline);

/* The process-wide evaluator of sc_regime_run (NULL: sc_regime_eval_boxes).
   Set it before any run starts; E must outlive the runs. */
void sc_regime_set_evaluator(const sc_regime_evaluator *E);

/* Free the kernel objects the evaluation keeps per thread for reuse across
   boxes (sc_regime_run calls it when it ends; a program calling
   sc_regime_eval_box or sc_regime_eval_boxes itself calls it when done). */
void sc_regime_cache_clear(void);

/* ---------- the problem as text (checkpoints, MPI workers) ---------- */

/* The problem's identity as lines "KEY VALUE" in a fixed order:
   activation (canonical spec), property, one "axis NAME LO:HI" per axis
   (exact), gamma, beta, vnorm, qknorm, max-depth, max-leaves, max-boxes-bb.
   Budget, progress and checkpoint settings are not part of it.  Free with
   flint_free. */
char *sc_regime_problem_text(const sc_regime_problem *P);

/* The problem from sc_regime_problem_text's lines (P freshly initialised).
   SC_OK or SC_ERR_INPUT naming the bad line. */
int sc_regime_problem_from_text(sc_regime_problem *P, const char *text);

/* ---------- the result ---------- */

/* Write the leaves as CSV (header: NAME_lo,NAME_hi,... ,class; bounds as
   exact decimals, or p/q).  SC_OK, or SC_ERR_IO if the stream failed
   (atomic files: sc_outfile_open in common.h). */
int sc_regime_write_csv(FILE *f, const sc_regime_result *R, const sc_regime_problem *P);

/* Number of leaves per class (indexed by SC_LEAF_*). */
void sc_regime_count(slong cnt[3], const sc_regime_result *R);

/* The index of the dimension axis if no other axis varies, else -1. */
slong sc_regime_dim_axis(const sc_regime_problem *P);

/* The dimensions of the leaves of class cls on axis dax, merged into
   ranges: "2:14, 20:30", or "none".  Free with flint_free. */
char *sc_regime_dim_ranges(const sc_regime_result *R, slong dax, int cls);

const char *sc_leaf_name(int cls);

#ifdef __cplusplus
}
#endif

#endif
