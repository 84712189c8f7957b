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
    int32_t i;
    if (!(p->hi[axis] - p->lo[axis] >= 2 && p->depth[axis] < SC_BOX_MAXDEPTH))
        return -1;
    mid = p->lo[axis] + (p->hi[axis] - p->lo[axis]) / 2;
    c1->dim = p->dim;
    c2->dim = p->dim;
    /*@ loop invariant 0 <= i <= SC_BOX_MAXDIM;
        loop invariant c1->dim == p->dim && c2->dim == p->dim;
        loop invariant \forall integer j; 0 <= j < i ==> c1->lo[j] == p->lo[j];
        loop invariant \forall integer j; 0 <= j < i ==> c2->hi[j] == p->hi[j];
        loop invariant \forall integer j; 0 <= j < i ==>
            c1->hi[j] == (j == axis ? mid : p->hi[j]);
        loop invariant \forall integer j; 0 <= j < i ==>
            c2->lo[j] == (j == axis ? mid : p->lo[j]);
        loop invariant \forall integer j; 0 <= j < i ==>
            c1->depth[j] == (j == axis ? p->depth[j] + 1 : p->depth[j]);
        loop invariant \forall integer j; 0 <= j < i ==>
            c2->depth[j] == (j == axis ? p->depth[j] + 1 : p->depth[j]);
        loop assigns i, c1->lo[0 .. SC_BOX_MAXDIM - 1], c1->hi[0 .. SC_BOX_MAXDIM - 1],
            c1->depth[0 .. SC_BOX_MAXDIM - 1], c2->lo[0 .. SC_BOX_MAXDIM - 1],
            c2->hi[0 .. SC_BOX_MAXDIM - 1], c2->depth[0 .. SC_BOX_MAXDIM - 1];
        loop variant SC_BOX_MAXDIM - i; */
    for (i = 0; i < SC_BOX_MAXDIM; i++) {
        c1->lo[i] = p->lo[i];
        c2->hi[i] = p->hi[i];
        c1->hi[i] = i == axis ? mid : p->hi[i];
        c2->lo[i] = i == axis ? mid : p->lo[i];
        c1->depth[i] = i == axis ? p->depth[i] + 1 : p->depth[i];
        c2->depth[i] = i == axis ? p->depth[i] + 1 : p->depth[i];
    }
    /*@ assert p->lo[axis] < mid < p->hi[axis]; */
    /*@ assert \forall integer j; 0 <= j < SC_BOX_MAXDIM ==>
            0 <= c1->lo[j] < c1->hi[j] <= SC_BOX_COORD_MAX &&
            0 <= c1->depth[j] <= SC_BOX_MAXDEPTH; */
    /*@ assert \forall integer j; 0 <= j < SC_BOX_MAXDIM ==>
            0 <= c2->lo[j] < c2->hi[j] <= SC_BOX_COORD_MAX &&
            0 <= c2->depth[j] <= SC_BOX_MAXDEPTH; */
    return 0;
}
