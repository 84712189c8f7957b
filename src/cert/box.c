/* Glue for parameter boxes: the domain, its root box and the work list
   over it; the bookkeeping itself is the verified sc_box_* and sc_wl_*. */
#include <stdlib.h>
#include "synccert/box.h"
#include "synccert/common.h"

void sc_box_domain_init(sc_box_domain_t *D, int dim)
{
    int i;
    D->dim = dim < 1 ? 1 : (dim > SC_BOX_MAXDIM ? SC_BOX_MAXDIM : dim);
    for (i = 0; i < SC_BOX_MAXDIM; i++) {
        D->is_int[i] = 0;
        arb_init(D->lo[i]);
        arb_init(D->hi[i]);
        arb_one(D->hi[i]);
        D->ilo[i] = D->ihi[i] = 0;
    }
}

void sc_box_domain_clear(sc_box_domain_t *D)
{
    int i;
    for (i = 0; i < SC_BOX_MAXDIM; i++) {
        arb_clear(D->lo[i]);
        arb_clear(D->hi[i]);
    }
}

int sc_box_domain_set_real(sc_box_domain_t *D, int axis, const arb_t lo, const arb_t hi)
{
    if (axis < 0 || axis >= D->dim || !arb_is_finite(lo) || !arb_is_finite(hi)
        || arb_gt(lo, hi))
        return sc_error(SC_ERR_INPUT, "box axis %d: need finite lo <= hi", axis);
    D->is_int[axis] = 0;
    arb_set(D->lo[axis], lo);
    arb_set(D->hi[axis], hi);
    return SC_OK;
}

int sc_box_domain_set_int(sc_box_domain_t *D, int axis, slong lo, slong hi)
{
    if (axis < 0 || axis >= D->dim || hi < lo
        || (ulong) hi - (ulong) lo >= (UWORD(1) << 62))
        return sc_error(SC_ERR_INPUT, "box axis %d: need lo <= hi, hi - lo < 2^62", axis);
    D->is_int[axis] = 1;
    D->ilo[axis] = lo;
    D->ihi[axis] = hi;
    return SC_OK;
}

void sc_box_domain_root(sc_box_t *b, const sc_box_domain_t *D)
{
    int64_t size[SC_BOX_MAXDIM];
    int i;
    for (i = 0; i < D->dim; i++)
        size[i] = D->is_int[i] ? (int64_t) (D->ihi[i] - D->ilo[i]) + 1 : SC_BOX_COORD_MAX;
    sc_box_root(b, D->dim, size);
}

int sc_box_pick_axis(const sc_box_t *b)
{
    int i, best = -1;
    for (i = 0; i < b->dim; i++)
        if (sc_box_can_split(b, i) && (best < 0 || b->depth[i] < b->depth[best]))
            best = i;
    return best;
}

sc_worklist_t *sc_worklist_new(const sc_box_domain_t *D)
{
    sc_box_t root;
    sc_worklist_t *w = malloc(sizeof(sc_worklist_t));
    if (w == NULL)
        return NULL;
    sc_box_domain_root(&root, D);
    sc_wl_init(w, &root);
    return w;
}

void sc_worklist_free(sc_worklist_t *w)
{
    free(w);
}

const sc_box_t *sc_worklist_top(const sc_worklist_t *w)
{
    return w->n > 0 ? &w->open[w->n - 1] : NULL;
}

int sc_worklist_split(sc_worklist_t *w, int axis)
{
    if (w->n < 1 || axis < 0 || axis >= SC_BOX_MAXDIM)
        return -1;
    return sc_wl_split(w, axis);
}

int sc_worklist_decide(sc_worklist_t *w, int verdict)
{
    if (w->n < 1)
        return -1;
    return sc_wl_decide(w, verdict);
}
