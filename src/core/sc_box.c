/* Verified core: dyadic parameter boxes (contracts in synccert/core.h). */
#include "synccert/core.h"

void sc_box_root(sc_box_t *b, int32_t dim, const int64_t *size)
{
    int32_t i;
    b->dim = dim;
    /*@ loop invariant 0 <= i <= SC_BOX_MAXDIM;
        loop invariant \forall integer j; 0 <= j < i && j < dim ==>
            b->lo[j] == 0 && b->hi[j] == size[j] && b->depth[j] == 0;
        loop invariant \forall integer j; dim <= j < i ==>
            b->lo[j] == 0 && b->hi[j] == 1 && b->depth[j] == 0;
        loop invariant b->dim == dim;
        loop assigns i, b->lo[0 .. SC_BOX_MAXDIM - 1], b->hi[0 .. SC_BOX_MAXDIM - 1],
                     b->depth[0 .. SC_BOX_MAXDIM - 1];
        loop variant SC_BOX_MAXDIM - i; */
    for (i = 0; i < SC_BOX_MAXDIM; i++) {
        b->lo[i] = 0;
        b->hi[i] = i < dim ? size[i] : 1;
        b->depth[i] = 0;
    }
}

void sc_box_copy(sc_box_t *d, const sc_box_t *s)
{
    int32_t i;
    d->dim = s->dim;
    /*@ loop invariant 0 <= i <= SC_BOX_MAXDIM && d->dim == \at(s->dim, Pre);
        loop invariant \forall integer j; 0 <= j < SC_BOX_MAXDIM ==>
            s->lo[j] == \at(s->lo[j], Pre) && s->hi[j] == \at(s->hi[j], Pre) &&
            s->depth[j] == \at(s->depth[j], Pre);
        loop invariant \forall integer j; 0 <= j < i ==> d->lo[j] == \at(s->lo[j], Pre);
        loop invariant \forall integer j; 0 <= j < i ==> d->hi[j] == \at(s->hi[j], Pre);
        loop invariant \forall integer j; 0 <= j < i ==> d->depth[j] == \at(s->depth[j], Pre);
        loop assigns i, d->lo[0 .. SC_BOX_MAXDIM - 1], d->hi[0 .. SC_BOX_MAXDIM - 1],
            d->depth[0 .. SC_BOX_MAXDIM - 1];
        loop variant SC_BOX_MAXDIM - i; */
    for (i = 0; i < SC_BOX_MAXDIM; i++) {
        d->lo[i] = s->lo[i];
        d->hi[i] = s->hi[i];
        d->depth[i] = s->depth[i];
    }
}

int sc_box_can_split(const sc_box_t *b, int32_t axis)
{
    return b->hi[axis] - b->lo[axis] >= 2 && b->depth[axis] < SC_BOX_MAXDEPTH;
}

int sc_box_bisect(const sc_box_t *p, int32_t axis, sc_box_t *c1, sc_box_t *c2)
{
    int64_t mid;
    if (!(p->hi[axis] - p->lo[axis] >= 2 && p->depth[axis] < SC_BOX_MAXDEPTH))
        return -1;
    mid = p->lo[axis] + (p->hi[axis] - p->lo[axis]) / 2;
    /*@ assert p->lo[axis] < mid < p->hi[axis]; */
    sc_box_copy(c1, p);
    sc_box_copy(c2, p);
    c1->hi[axis] = mid;
    c1->depth[axis] = c1->depth[axis] + 1;
    c2->lo[axis] = mid;
    c2->depth[axis] = c2->depth[axis] + 1;
    return 0;
}
