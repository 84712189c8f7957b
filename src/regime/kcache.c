/* Certified parameter regimes: kernel objects reused across boxes.

   Boxes that share the kernel's parameters (activation parameter balls,
   q, s and the precision; e.g. every box of a sweep over d and p) need
   the same K(1), K'(1) and the same sc_kfun (K(1), K'(1), K(-1) and the
   Hermite coefficients A_n^2).  Each thread keeps the last few, keyed by
   the EXACT balls (arb_equal on midpoint and radius), so a cached object
   is the one a fresh computation would give.

   Determinism (the leaves must not depend on which thread or rank saw
   which box first): a reused sc_kfun carries the point values earlier
   boxes cached in it (kfun.h).  Where the kfun computes K and K' together
   at every point (closed form or Hermite series: kfun_point.c), a cached
   point value is exactly the value a fresh kfun would compute, so reuse
   changes nothing but time.  Otherwise (integral methods, which may
   compute K alone) a fresh kfun is built for every box.  A kfun whose
   point cache has grown past KFUN_MAXPOINTS is rebuilt, bounding memory. */
#include <string.h>
#include "regimeint.h"
#include "synccert/kernel.h"

#define NSLOT 4
#define KFUN_MAXPOINTS 4096

typedef struct
{
    int used, kind;         /* kind 0: sc_kfun, 1: K(1), K'(1) */
    const sc_act_def *def;
    arb_ptr par;
    slong np, prec;
    arb_t q, s;
    sc_kfun_t kf;           /* kind 0 */
    arb_t K1, dK1;          /* kind 1 */
    int st;                 /* kind 1: sc_kernel_eval's status */
    unsigned long stamp;
}
kslot;

static _Thread_local kslot slots[NSLOT];
static _Thread_local unsigned long clock_stamp;

static void slot_clear(kslot *e)
{
    if (!e->used)
        return;
    if (e->kind == 0)
        sc_kfun_clear(e->kf);
    else
    {
        arb_clear(e->K1);
        arb_clear(e->dK1);
    }
    _arb_vec_clear(e->par, FLINT_MAX(e->np, 1));
    arb_clear(e->q);
    arb_clear(e->s);
    e->used = 0;
}

static int slot_match(const kslot *e, int kind, const sc_act_def *def, arb_srcptr par, slong np,
                      const arb_t q, const arb_t s, slong prec)
{
    slong i;
    if (!e->used || e->kind != kind || e->def != def || e->np != np || e->prec != prec ||
        !arb_equal(e->q, q) || !arb_equal(e->s, s))
        return 0;
    for (i = 0; i < np; i++)
        if (!arb_equal(e->par + i, par + i))
            return 0;
    return 1;
}

/* the matching slot, or NULL */
static kslot *slot_find(int kind, const sc_act_def *def, arb_srcptr par, slong np, const arb_t q,
                        const arb_t s, slong prec)
{
    int i;
    for (i = 0; i < NSLOT; i++)
        if (slot_match(slots + i, kind, def, par, np, q, s, prec))
        {
            slots[i].stamp = ++clock_stamp;
            return slots + i;
        }
    return NULL;
}

/* the least recently used slot, emptied and keyed */
static kslot *slot_new(int kind, const sc_act_def *def, arb_srcptr par, slong np, const arb_t q,
                       const arb_t s, slong prec)
{
    int i, j = 0;
    kslot *e;
    for (i = 1; i < NSLOT; i++)
        if (!slots[i].used || (slots[j].used && slots[i].stamp < slots[j].stamp))
            j = i;
    e = slots + j;
    slot_clear(e);
    e->kind = kind;
    e->def = def;
    e->np = np;
    e->prec = prec;
    e->par = _arb_vec_init(FLINT_MAX(np, 1));
    _arb_vec_set(e->par, par, np);
    arb_init(e->q);
    arb_init(e->s);
    arb_set(e->q, q);
    arb_set(e->s, s);
    e->stamp = ++clock_stamp;
    return e;
}

sc_kfun_struct *_sc_regime_kfun(const sc_act_def *def, arb_srcptr par, slong np, const arb_t q,
                                const arb_t s, slong prec, int *st)
{
    kslot *e = slot_find(0, def, par, np, q, s, prec);
    if (e != NULL && e->kf->ncache <= KFUN_MAXPOINTS)
    {
        *st = SC_OK;
        return e->kf;
    }
    if (e != NULL)
        slot_clear(e);
    e = slot_new(0, def, par, np, q, s, prec);
    if ((*st = sc_kfun_init(e->kf, def, par, np, q, s, 1, prec)) != SC_OK)
    {
        /* nothing to clear in kf after a failed init (kfun.h) */
        _arb_vec_clear(e->par, FLINT_MAX(np, 1));
        arb_clear(e->q);
        arb_clear(e->s);
        return NULL;
    }
    e->used = 1;
    return e->kf;
}

void _sc_regime_kfun_done(sc_kfun_struct *kf)
{
    int i;
    /* keep it only where reuse cannot change a value (see above), and not
       after a budget stop (its construction may have been cut short) */
    if ((kf->closed || kf->M >= 0) && !sc_budget_expired())
        return;
    for (i = 0; i < NSLOT; i++)
        if (slots[i].used && slots[i].kind == 0 && slots[i].kf == kf)
            slot_clear(slots + i);
}

int _sc_regime_kernel_one(arb_t K1, arb_t dK1, const sc_act_def *def, arb_srcptr par, slong np,
                          const arb_t q, const arb_t s, slong prec)
{
    kslot *e = slot_find(1, def, par, np, q, s, prec);
    if (e == NULL)
    {
        arb_t one;
        e = slot_new(1, def, par, np, q, s, prec);
        arb_init(e->K1);
        arb_init(e->dK1);
        arb_init(one);
        arb_one(one);
        e->st = sc_kernel_eval(e->K1, e->dK1, def, par, np, one, q, s, SC_KM_AUTO, prec);
        arb_clear(one);
        e->used = 1;
        /* an evaluation the budget or an interruption cut short is not kept */
        if (e->st != SC_OK && sc_budget_expired())
        {
            int st = e->st;
            slot_clear(e);
            return st;
        }
    }
    arb_set(K1, e->K1);
    arb_set(dK1, e->dK1);
    return e->st;
}

void sc_regime_cache_clear(void)
{
    int i;
#pragma omp parallel private(i)
    for (i = 0; i < NSLOT; i++)
        slot_clear(slots + i);
    for (i = 0; i < NSLOT; i++)
        slot_clear(slots + i);
}
