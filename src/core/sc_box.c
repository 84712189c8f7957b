/* Verified core: dyadic parameter boxes (contracts in synccert/core.h,
   logic in specs/sc_box.acsl). */
#include "synccert/core.h"

void sc_box_root(sc_box_t *b, int32_t dim, const int64_t *size)
{
    int32_t i;
    b->dim = dim;
    /*@ loop invariant i_range: 0 <= i <= SC_BOX_MAXDIM;
        loop invariant used_axes: \forall integer j; 0 <= j < i && j < dim ==>
            b->lo[j] == 0 && b->hi[j] == size[j] && b->depth[j] == 0;
        loop invariant unused_axes: \forall integer j; dim <= j < i ==>
            b->lo[j] == 0 && b->hi[j] == 1 && b->depth[j] == 0;
        loop invariant dim_set: b->dim == dim;
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
    /*@ loop invariant i_range: 0 <= i <= SC_BOX_MAXDIM;
        loop invariant dim_set: d->dim == \at(s->dim, Pre);
        loop invariant s_unchanged: \forall integer j; 0 <= j < SC_BOX_MAXDIM ==>
            s->lo[j] == \at(s->lo[j], Pre) && s->hi[j] == \at(s->hi[j], Pre) &&
            s->depth[j] == \at(s->depth[j], Pre);
        loop invariant lo_copied: \forall integer j; 0 <= j < i ==>
            d->lo[j] == \at(s->lo[j], Pre);
        loop invariant hi_copied: \forall integer j; 0 <= j < i ==>
            d->hi[j] == \at(s->hi[j], Pre);
        loop invariant depth_copied: \forall integer j; 0 <= j < i ==>
            d->depth[j] == \at(s->depth[j], Pre);
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

/* The named assertions are the proof, in small steps (each goal stays far
   below the provers' resource limits, proofs/run): the children's fields,
   then the range inclusions per axis, then the point statements. */
int sc_box_bisect(const sc_box_t *p, int32_t axis, sc_box_t *c1, sc_box_t *c2)
{
    int64_t mid;
    if (!(p->hi[axis] - p->lo[axis] >= 2 && p->depth[axis] < SC_BOX_MAXDEPTH))
        return -1;
    mid = p->lo[axis] + (p->hi[axis] - p->lo[axis]) / 2;
    /*@ assert mid_inside: p->lo[axis] < mid < p->hi[axis]; */
    sc_box_copy(c1, p);
    sc_box_copy(c2, p);
    /*@ assert c1_copied: \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
          c1->lo[i] == p->lo[i] && c1->hi[i] == p->hi[i] && c1->depth[i] == p->depth[i]; */
    /*@ assert c2_copied: \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
          c2->lo[i] == p->lo[i] && c2->hi[i] == p->hi[i] && c2->depth[i] == p->depth[i]; */
    c1->hi[axis] = mid;
    c1->depth[axis] = c1->depth[axis] + 1;
    c2->lo[axis] = mid;
    c2->depth[axis] = c2->depth[axis] + 1;
    /*@ assert c1_other_axes: \forall integer i; 0 <= i < SC_BOX_MAXDIM && i != axis ==>
          c1->lo[i] == p->lo[i] && c1->hi[i] == p->hi[i] && c1->depth[i] == p->depth[i]; */
    /*@ assert c2_other_axes: \forall integer i; 0 <= i < SC_BOX_MAXDIM && i != axis ==>
          c2->lo[i] == p->lo[i] && c2->hi[i] == p->hi[i] && c2->depth[i] == p->depth[i]; */
    /*@ assert c1_axis: c1->lo[axis] == p->lo[axis] && c1->hi[axis] == mid &&
          c1->depth[axis] == p->depth[axis] + 1; */
    /*@ assert c2_axis: c2->lo[axis] == mid && c2->hi[axis] == p->hi[axis] &&
          c2->depth[axis] == p->depth[axis] + 1; */
    /*@ assert c1_ranges: \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
          p->lo[i] <= c1->lo[i] < c1->hi[i] <= p->hi[i] &&
          0 <= c1->depth[i] <= SC_BOX_MAXDEPTH; */
    /*@ assert c2_ranges: \forall integer i; 0 <= i < SC_BOX_MAXDIM ==>
          p->lo[i] <= c2->lo[i] < c2->hi[i] <= p->hi[i] &&
          0 <= c2->depth[i] <= SC_BOX_MAXDEPTH; */
    /*@ assert cover_low: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(p, x0, x1, x2, x3, x4, x5) && sc_coord(x0, x1, x2, x3, x4, x5, axis) < mid ==>
          sc_in_box(c1, x0, x1, x2, x3, x4, x5); */
    /*@ assert cover_high: \forall real x0, x1, x2, x3, x4, x5;
          sc_in_box(p, x0, x1, x2, x3, x4, x5) && sc_coord(x0, x1, x2, x3, x4, x5, axis) >= mid ==>
          sc_in_box(c2, x0, x1, x2, x3, x4, x5); */
    return 0;
}
