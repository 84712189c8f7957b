/* Certified parameter regimes at scale (issue 14): the problem's text
   round-trips; the leaves do not depend on the evaluator (boxes one at a
   time, in reverse order, with the kernel cache emptied in between, as a
   worker rank would see them); an evaluator's error stops the run; a run
   interrupted mid-way and resumed from its checkpoint ends with the leaves
   of an uninterrupted run, and a checkpoint of another problem is refused;
   the diagonal test agrees with the closed form c_{1/2} = 1/8 of relu. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sc_test.h"
#include "synccert/regime.h"

/* gelu dissipation over d and p (the bench's map, shallower) with a fixed
   q: certified, refuted and undecided leaves in about a second */
static void problem(sc_regime_problem *P, const char *dims)
{
    sc_regime_problem_init(P);
    CU_ASSERT_FATAL(sc_act_parse(P->act, "gelu") == SC_OK);
    P->property = SC_PROP_DISSIPATION;
    CU_ASSERT_FATAL(sc_regime_add_dim(P, dims) == SC_OK);
    CU_ASSERT_FATAL(sc_regime_add_param(P, "p", "1/10:2") == SC_OK);
    CU_ASSERT_FATAL(sc_regime_add_param(P, "q", "1") == SC_OK);
    P->max_depth = 8;
}

static int same_results(const sc_regime_result *A, const sc_regime_result *B, slong naxes)
{
    slong i, k;
    if (A->nleaves != B->nleaves)
        return 0;
    for (k = 0; k < 3; k++)
        if (!fmpq_equal(A->frac[k], B->frac[k]))
            return 0;
    for (i = 0; i < A->nleaves; i++)
    {
        if (A->leaves[i].cls != B->leaves[i].cls)
            return 0;
        for (k = 0; k < naxes; k++)
            if (!fmpq_equal(A->leaves[i].lo + k, B->leaves[i].lo + k) ||
                !fmpq_equal(A->leaves[i].hi + k, B->leaves[i].hi + k))
                return 0;
    }
    return 1;
}

static void test_text(void)
{
    sc_regime_problem P, Q;
    char *t1, *t2;
    problem(&P, "2:256");
    fmpq_set_si(P.beta, 7, 3);
    t1 = sc_regime_problem_text(&P);
    CU_ASSERT(strstr(t1, "activation gelu\n") != NULL);
    CU_ASSERT(strstr(t1, "axis p 0.1:2\n") != NULL);
    CU_ASSERT(strstr(t1, "beta 7/3\n") != NULL);
    sc_regime_problem_init(&Q);
    CU_ASSERT_FATAL(sc_regime_problem_from_text(&Q, t1) == SC_OK);
    t2 = sc_regime_problem_text(&Q);
    CU_ASSERT(strcmp(t1, t2) == 0);
    CU_ASSERT(Q.naxes == P.naxes && Q.property == P.property && Q.max_depth == 8);
    flint_free(t1);
    flint_free(t2);
    sc_regime_problem_clear(&Q);
    /* error paths name the line */
    sc_regime_problem_init(&Q);
    CU_ASSERT(sc_regime_problem_from_text(&Q, "activation gelu\nfoo 1\n") == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "foo") != NULL);
    sc_regime_problem_clear(&Q);
    sc_regime_problem_init(&Q);
    CU_ASSERT(sc_regime_problem_from_text(&Q, "activation gelu\naxis p 0:3\n") == SC_ERR_INPUT);
    sc_regime_problem_clear(&Q);
    sc_regime_problem_clear(&P);
}

/* ---- evaluators ---- */

typedef struct
{
    slong calls, boxes;
    slong interrupt_at;         /* interrupt at this call (0: never) */
    int fail;                   /* return SC_ERR_IO */
}
eval_ctx;

/* one box at a time, last to first, the kernel cache emptied every other
   box: what a worker rank may see */
static int eval_reverse(void *ctx, int *verdict, const sc_box_t *b, slong n,
                        const sc_regime_problem *P, double deadline)
{
    eval_ctx *E = ctx;
    slong j;
    E->calls++;
    E->boxes += n;
    if (E->fail)
        return sc_error(SC_ERR_IO, "test evaluator: rank lost");
    if (E->interrupt_at > 0 && E->calls == E->interrupt_at)
        sc_interrupt(SIGINT);
    for (j = n - 1; j >= 0; j--)
    {
        sc_regime_eval_boxes(verdict + j, b + j, 1, P, deadline);
        if (j % 2)
            sc_regime_cache_clear();
    }
    return SC_OK;
}

static void test_evaluator(void)
{
    sc_regime_problem P;
    sc_regime_result R1, R2, R3;
    eval_ctx C = { 0, 0, 0, 0 };
    sc_regime_evaluator E = { eval_reverse, &C };
    problem(&P, "2:256");
    sc_regime_result_init(&R1);
    sc_regime_result_init(&R2);
    sc_regime_result_init(&R3);
    CU_ASSERT_FATAL(sc_regime_run(&R1, &P) == SC_OK);
    sc_regime_set_evaluator(&E);
    CU_ASSERT_FATAL(sc_regime_run(&R2, &P) == SC_OK);
    CU_ASSERT(C.calls == R2.rounds && C.boxes == R2.evaluated);
    /* a nontrivial map: every class occurs */
    CU_ASSERT(fmpq_sgn(R1.frac[SC_LEAF_CERTIFIED]) > 0 && fmpq_sgn(R1.frac[SC_LEAF_REFUTED]) > 0);
    CU_ASSERT(R1.evaluated == R2.evaluated);
    CU_ASSERT(same_results(&R1, &R2, P.naxes));
    /* an evaluator's error is the run's */
    C.fail = 1;
    CU_ASSERT(sc_regime_run(&R3, &P) == SC_ERR_IO);
    CU_ASSERT(strstr(sc_last_error(), "rank lost") != NULL);
    sc_regime_set_evaluator(NULL);
    sc_regime_result_clear(&R1);
    sc_regime_result_clear(&R2);
    sc_regime_result_clear(&R3);
    sc_regime_problem_clear(&P);
}

static void test_checkpoint(void)
{
    sc_regime_problem P, Q;
    sc_regime_result R1, R2, R3, R4;
    eval_ctx C = { 0, 0, 4, 0 };
    sc_regime_evaluator E = { eval_reverse, &C };
    char path[] = "/tmp/synccert-t-ckpt-XXXXXX";
    int fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    close(fd);
    problem(&P, "2:256");
    sc_regime_result_init(&R1);
    sc_regime_result_init(&R2);
    sc_regime_result_init(&R3);
    sc_regime_result_init(&R4);
    CU_ASSERT_FATAL(sc_regime_run(&R1, &P) == SC_OK);
    /* interrupted in the 4th round: open boxes undecided, the log saved */
    P.checkpoint = path;
    sc_regime_set_evaluator(&E);
    CU_ASSERT_FATAL(sc_regime_run(&R2, &P) == SC_OK);
    sc_regime_set_evaluator(NULL);
    sc_interrupt_clear();
    CU_ASSERT(R2.interrupted);
    CU_ASSERT(fmpq_sgn(R2.frac[SC_LEAF_UNDECIDED]) > 0);
    CU_ASSERT(!same_results(&R1, &R2, P.naxes));
    /* resumed: the uninterrupted leaves, with fewer evaluations */
    P.resume = path;
    CU_ASSERT_FATAL(sc_regime_run(&R3, &P) == SC_OK);
    CU_ASSERT(same_results(&R1, &R3, P.naxes));
    CU_ASSERT(R3.evaluated < R1.evaluated);
    /* another problem is refused, naming what differs */
    problem(&Q, "2:255");
    Q.resume = path;
    CU_ASSERT(sc_regime_run(&R4, &Q) == SC_ERR_INPUT);
    CU_ASSERT(strstr(sc_last_error(), "axis d: 2:256 in the file, 2:255 in this run") != NULL);
    sc_regime_problem_clear(&Q);
    remove(path);
    sc_regime_result_clear(&R1);
    sc_regime_result_clear(&R2);
    sc_regime_result_clear(&R3);
    sc_regime_result_clear(&R4);
    sc_regime_problem_clear(&P);
}

/* relu, sigma = 1, p = 1/2: c_{1/2} = F(1) = p(1 - p)/2 = 1/8 for d >= 4
   (doc/model.md section 5.4) and L_att = 2 (beta = 0, V = 1), so r_p =
   1/8 - gamma: gamma = 13/100 is refuted on the diagonal alone, 12/100
   certified */
static void test_diagonal(void)
{
    sc_regime_problem P;
    fmpq lo[2], hi[2];
    int k;
    sc_regime_problem_init(&P);
    CU_ASSERT_FATAL(sc_act_parse(P.act, "relu") == SC_OK);
    P.property = SC_PROP_DISSIPATION;
    CU_ASSERT_FATAL(sc_regime_add_dim(&P, "4:1000") == SC_OK);
    CU_ASSERT_FATAL(sc_regime_add_param(&P, "p", "1/2") == SC_OK);
    for (k = 0; k < 2; k++)
    {
        fmpq_init(lo + k);
        fmpq_init(hi + k);
        fmpq_set(lo + k, P.axes[k].lo);
        fmpq_set(hi + k, P.axes[k].hi);
    }
    fmpq_set_si(P.gamma, 13, 100);
    CU_ASSERT(sc_regime_eval_box(&P, lo, hi, 64) == SC_LEAF_REFUTED);
    fmpq_set_si(P.gamma, 12, 100);
    CU_ASSERT(sc_regime_eval_box(&P, lo, hi, 64) == SC_LEAF_CERTIFIED);
    for (k = 0; k < 2; k++)
    {
        fmpq_clear(lo + k);
        fmpq_clear(hi + k);
    }
    sc_regime_cache_clear();
    sc_regime_problem_clear(&P);
}

SC_TEST_MAIN("regime-scale",
    SC_TEST(test_text),
    SC_TEST(test_evaluator),
    SC_TEST(test_checkpoint),
    SC_TEST(test_diagonal))
