/* Certified parameter regimes: evaluating a batch of boxes (the local
   OpenMP evaluator) and the process-wide evaluator of sc_regime_run (see
   regime.h). */
#include "regimeint.h"

static const sc_regime_evaluator *sc_evaluator = NULL;

void sc_regime_set_evaluator(const sc_regime_evaluator *E)
{
    sc_evaluator = E;
}

int _sc_regime_eval_batch(int *verdict, const sc_box_t *b, slong n, const sc_regime_problem *P,
                          double deadline)
{
    if (sc_evaluator != NULL)
        return sc_evaluator->eval(sc_evaluator->ctx, verdict, b, n, P, deadline);
    return sc_regime_eval_boxes(verdict, b, n, P, deadline);
}

int sc_regime_eval_boxes(int *verdict, const sc_box_t *b, slong n, const sc_regime_problem *P,
                         double deadline)
{
    _sc_regime_map M;
    slong j, na = P->naxes;
    int rc = _sc_regime_map_init(&M, P);
    if (rc != SC_OK)
    {
        _sc_regime_map_clear(&M);
        return rc;
    }
#pragma omp parallel for schedule(dynamic, 1)
    for (j = 0; j < n; j++)
    {
        fmpq *lo = _fmpq_vec_init(na), *hi = _fmpq_vec_init(na);
        double left = deadline > 0 ? deadline - sc_clock_seconds() : 0;
        verdict[j] = -1;
        if ((deadline <= 0 || left > 0) && !sc_interrupted())
        {
            int v;
            sc_budget_saved outer;
            _sc_regime_box_bounds(lo, hi, &M, P, b + j);
            sc_budget_push(&outer, deadline > 0 ? left : 0);
            v = sc_regime_eval_box(P, lo, hi, 64);
            /* a budget or an interruption stopped the evaluation: not
               evaluated (its computations stopped early) */
            if (!sc_budget_expired())
                verdict[j] = v;
            sc_budget_pop(&outer);
        }
        _fmpq_vec_clear(lo, na);
        _fmpq_vec_clear(hi, na);
    }
    _sc_regime_map_clear(&M);
    return SC_OK;
}
