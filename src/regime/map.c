/* Certified parameter regimes: the problem's axes as the axes of the
   verified core's box, and a box's exact bounds and measure from its integer
   coordinates. */
#include <flint/fmpz.h>
#include "regimeint.h"

int _sc_regime_map_init(_sc_regime_map *M, const sc_regime_problem *P)
{
    slong k, i = 0, nv = _sc_regime_nvarying(P);
    int rc = SC_OK;
    M->nb = FLINT_MAX(nv, 1);
    sc_box_domain_init(&M->D, (int) M->nb);
    for (k = 0; k < P->naxes && rc == SC_OK; k++)
    {
        const sc_axis *a = P->axes + k;
        M->bax[k] = -1;
        if (fmpq_equal(a->lo, a->hi))
            continue;
        M->bax[k] = i;
        if (a->kind == SC_AXIS_DIM)
            rc = sc_box_domain_set_int(&M->D, (int) i, fmpz_get_si(fmpq_numref(a->lo)),
                                       fmpz_get_si(fmpq_numref(a->hi)));
        else
        {
            arb_t l, h;
            arb_init(l);
            arb_init(h);
            arb_set_fmpq(l, a->lo, 128);
            arb_set_fmpq(h, a->hi, 128);
            rc = sc_box_domain_set_real(&M->D, (int) i, l, h);
            arb_clear(l);
            arb_clear(h);
        }
        i++;
    }
    if (nv == 0)        /* nothing varies: one unsplittable point */
        rc = sc_box_domain_set_int(&M->D, 0, 0, 0);
    return rc;
}

void _sc_regime_map_clear(_sc_regime_map *M)
{
    sc_box_domain_clear(&M->D);
}

void _sc_regime_box_bounds(fmpq *lo, fmpq *hi, const _sc_regime_map *M,
                           const sc_regime_problem *P, const sc_box_t *b)
{
    slong k;
    fmpz_t c;
    fmpq_t w;
    fmpz_init(c);
    fmpq_init(w);
    for (k = 0; k < P->naxes; k++)
    {
        const sc_axis *a = P->axes + k;
        slong i = M->bax[k];
        if (i < 0)
        {
            fmpq_set(lo + k, a->lo);
            fmpq_set(hi + k, a->hi);
        }
        else if (M->D.is_int[i])
        {
            /* integers ilo + [b->lo, b->hi) = ilo + b->lo .. ilo + b->hi - 1 */
            fmpq_set_si(lo + k, M->D.ilo[i] + (slong) b->lo[i], 1);
            fmpq_set_si(hi + k, M->D.ilo[i] + (slong) b->hi[i] - 1, 1);
        }
        else
        {
            /* lo + (hi - lo) * coordinate / 2^62, exactly */
            fmpq_sub(w, a->hi, a->lo);
            fmpz_set_si(c, (slong) b->lo[i]);
            fmpq_mul_fmpz(lo + k, w, c);
            fmpq_div_2exp(lo + k, lo + k, SC_BOX_MAXDEPTH);
            fmpq_add(lo + k, lo + k, a->lo);
            fmpz_set_si(c, (slong) b->hi[i]);
            fmpq_mul_fmpz(hi + k, w, c);
            fmpq_div_2exp(hi + k, hi + k, SC_BOX_MAXDEPTH);
            fmpq_add(hi + k, hi + k, a->lo);
        }
    }
    fmpz_clear(c);
    fmpq_clear(w);
}

void _sc_regime_box_measure(fmpq_t m, const _sc_regime_map *M, const sc_box_t *b)
{
    slong i;
    fmpz_t num, den;
    fmpq_t w;
    fmpz_init(num);
    fmpz_init(den);
    fmpq_init(w);
    fmpq_one(m);
    for (i = 0; i < M->nb; i++)
    {
        fmpz_set_si(num, (slong) (b->hi[i] - b->lo[i]));
        if (M->D.is_int[i])
            fmpz_set_si(den, M->D.ihi[i] - M->D.ilo[i] + 1);
        else
        {
            fmpz_one(den);
            fmpz_mul_2exp(den, den, SC_BOX_MAXDEPTH);
        }
        fmpq_set_fmpz_frac(w, num, den);
        fmpq_mul(m, m, w);
    }
    fmpz_clear(num);
    fmpz_clear(den);
    fmpq_clear(w);
}
