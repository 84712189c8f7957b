/* Certified parameter regimes: the problem (axes, attention, limits) and
   the result (see regime.h). */
#include <string.h>
#include "synccert/regime.h"
#include "regimeint.h"

const char *sc_leaf_name(int cls)
{
    return cls == SC_LEAF_CERTIFIED ? "certified" : cls == SC_LEAF_REFUTED ? "refuted" : "undecided";
}

void sc_regime_problem_init(sc_regime_problem *P)
{
    memset(P, 0, sizeof(*P));
    sc_act_init(P->act);
    fmpq_init(P->gamma);
    fmpq_init(P->beta);
    fmpq_init(P->vnorm);
    fmpq_init(P->qknorm);
    fmpq_one(P->vnorm);
    fmpq_one(P->qknorm);
    P->max_depth = 30;
    P->max_boxes_bb = 3000;
}

void sc_regime_problem_clear(sc_regime_problem *P)
{
    slong i;
    for (i = 0; i < P->naxes; i++)
    {
        fmpq_clear(P->axes[i].lo);
        fmpq_clear(P->axes[i].hi);
    }
    sc_act_clear(P->act);
    fmpq_clear(P->gamma);
    fmpq_clear(P->beta);
    fmpq_clear(P->vnorm);
    fmpq_clear(P->qknorm);
}

int sc_regime_add_axis(sc_regime_problem *P, const char *name, int kind, slong index,
                       const fmpq_t lo, const fmpq_t hi)
{
    slong i;
    sc_axis *a;
    for (i = 0; i < P->naxes; i++)
        if (strcmp(P->axes[i].name, name) == 0)
            return sc_error(SC_ERR_INPUT, "parameter '%s' given twice", name);
    if (P->naxes >= SC_REGIME_MAXAXES)
        return sc_error(SC_ERR_INPUT, "too many parameter ranges");
    if (fmpq_cmp(lo, hi) > 0)
        return sc_error(SC_ERR_INPUT, "range of '%s' is empty (LO > HI)", name);
    a = P->axes + P->naxes++;
    strncpy(a->name, name, sizeof(a->name) - 1);
    a->name[sizeof(a->name) - 1] = '\0';
    a->kind = kind;
    a->index = index;
    fmpq_init(a->lo);
    fmpq_init(a->hi);
    fmpq_set(a->lo, lo);
    fmpq_set(a->hi, hi);
    return SC_OK;
}

slong _sc_regime_nvarying(const sc_regime_problem *P)
{
    slong k, n = 0;
    for (k = 0; k < P->naxes; k++)
        if (!fmpq_equal(P->axes[k].lo, P->axes[k].hi))
            n++;
    return n;
}

int sc_regime_check(const sc_regime_problem *P)
{
    slong n = _sc_regime_nvarying(P);
    if (n > SC_BOX_MAXDIM)
        return sc_error(SC_ERR_INPUT, "at most %d varying axes (parameter ranges with LO < HI), got %ld",
                        SC_BOX_MAXDIM, (long) n);
    return SC_OK;
}

int sc_regime_check_options(const sc_regime_problem *P, int att_given, int norms_given)
{
    int prop = P->property, k;
    int uses_p = prop == SC_PROP_DISSIPATION || prop == SC_PROP_SYNC_UP_TO_SIGN;
    int uses_att = prop == SC_PROP_DISSIPATION || prop == SC_PROP_PAIR_SYNC || prop == SC_PROP_ANTIPODAL;
    int has_p = 0, has_att = att_given;
    for (k = 0; k < P->naxes; k++)
    {
        has_p |= P->axes[k].kind == SC_AXIS_P;
        has_att |= P->axes[k].kind == SC_AXIS_GAMMA || P->axes[k].kind == SC_AXIS_BETA;
    }
    if (has_p && !uses_p)
        return sc_error(SC_ERR_INPUT, "p applies to --property dissipation and sync-up-to-sign only");
    if (has_att && !uses_att)
        return sc_error(SC_ERR_INPUT, "gamma and beta apply to --property dissipation, pair-sync "
                        "and antipodal only%s", prop == SC_PROP_SYNC_UP_TO_SIGN ? " (sync-up-to-sign "
                        "is certified without attention)" : "");
    if (norms_given && prop != SC_PROP_DISSIPATION)
        return sc_error(SC_ERR_INPUT, "--vnorm and --qknorm apply to --property dissipation only");
    return SC_OK;
}

void sc_regime_result_init(sc_regime_result *R)
{
    memset(R, 0, sizeof(*R));
    fmpq_init(R->frac[0]);
    fmpq_init(R->frac[1]);
    fmpq_init(R->frac[2]);
}

void sc_regime_result_clear(sc_regime_result *R)
{
    slong i;
    for (i = 0; i < R->nleaves; i++)
    {
        _fmpq_vec_clear(R->leaves[i].lo, R->naxes);
        _fmpq_vec_clear(R->leaves[i].hi, R->naxes);
    }
    flint_free(R->leaves);
    fmpq_clear(R->frac[0]);
    fmpq_clear(R->frac[1]);
    fmpq_clear(R->frac[2]);
}
