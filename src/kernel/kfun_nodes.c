/* The node cache of the Hermite series build (kfun_series.c): values at
   the real Gauss-Legendre nodes keyed by the exact node ball (see
   kfun_internal.h).  Open addressing on a hash of the node's midpoint and
   radius. */
#include <string.h>
#include "kfun_internal.h"

static ulong node_hash(const arb_t x, slong order, int side)
{
    double d = arf_get_d(arb_midref(x), ARF_RND_DOWN), r = mag_get_d(arb_radref(x));
    ulong a, b;
    memcpy(&a, &d, sizeof(a));
    memcpy(&b, &r, sizeof(b));
    a ^= b * UWORD(0x9e3779b97f4a7c15) + (ulong) (order * 4 + side + 1);
    a ^= a >> 29;
    a *= UWORD(0xbf58476d1ce4e5b9);
    return a ^ (a >> 32);
}

void _sc_kfun_nodes_clear(sc_kfun_node_cache *c)
{
    slong i;
    for (i = 0; i < c->n; i++)
    {
        arb_clear(&c->e[i].x);
        acb_clear(&c->e[i].pw);
        arb_clear(&c->e[i].hp);
        arb_clear(&c->e[i].hc);
    }
    flint_free(c->e);
    flint_free(c->tab);
}

/* the slot of (x, order, side, prec): its index, or -1 with *slot free */
slong _sc_kfun_node_find(sc_kfun_node_cache *c, const arb_t x, slong order, int side, slong prec, slong *slot)
{
    ulong i;
    if (c->tabsize == 0)
    {
        *slot = -1;
        return -1;
    }
    for (i = node_hash(x, order, side) & (c->tabsize - 1); ; i = (i + 1) & (c->tabsize - 1))
    {
        slong j = c->tab[i];
        if (j < 0)
        {
            *slot = i;
            return -1;
        }
        if (c->e[j].order == order && c->e[j].side == side && c->e[j].prec == prec &&
            arb_equal(&c->e[j].x, x))
            return j;
    }
}

static void node_rehash(sc_kfun_node_cache *c)
{
    slong i, size = c->tabsize == 0 ? 1024 : 2 * c->tabsize;
    c->tab = flint_realloc(c->tab, size * sizeof(slong));
    c->tabsize = size;
    for (i = 0; i < size; i++)
        c->tab[i] = -1;
    for (i = 0; i < c->n; i++)
    {
        ulong k = node_hash(&c->e[i].x, c->e[i].order, c->e[i].side) & (size - 1);
        while (c->tab[k] >= 0)
            k = (k + 1) & (size - 1);
        c->tab[k] = i;
    }
}

/* a new entry for x (NULL when the cache is full) */
sc_kfun_node *_sc_kfun_node_add(sc_kfun_node_cache *c, const arb_t x, slong order, int side, slong prec)
{
    sc_kfun_node *e;
    slong slot;
    if (c->n >= SC_KFUN_NODES_MAX)
        return NULL;
    if (2 * (c->n + 1) > c->tabsize)
        node_rehash(c);
    _sc_kfun_node_find(c, x, order, side, prec, &slot);
    if (c->n == c->alloc)
    {
        c->alloc = FLINT_MAX(256, 2 * c->alloc);
        c->e = flint_realloc(c->e, c->alloc * sizeof(sc_kfun_node));
    }
    e = c->e + c->n;
    arb_init(&e->x);
    acb_init(&e->pw);
    arb_init(&e->hp);
    arb_init(&e->hc);
    arb_set(&e->x, x);
    e->order = order;
    e->side = side;
    e->prec = prec;
    e->k = -1;
    c->tab[slot] = c->n++;
    return e;
}

