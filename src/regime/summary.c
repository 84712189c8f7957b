/* Certified parameter regimes: what the leaves say in short (counts per
   class, merged dimension ranges when only the dimension varies). */
#include <stdlib.h>
#include <string.h>
#include <flint/fmpz.h>
#include "synccert/regime.h"

void sc_regime_count(slong cnt[3], const sc_regime_result *R)
{
    slong i;
    cnt[0] = cnt[1] = cnt[2] = 0;
    for (i = 0; i < R->nleaves; i++)
        cnt[R->leaves[i].cls]++;
}

slong sc_regime_dim_axis(const sc_regime_problem *P)
{
    slong k, dax = -1;
    for (k = 0; k < P->naxes; k++)
    {
        if (P->axes[k].kind == SC_AXIS_DIM)
            dax = k;
        else if (!fmpq_equal(P->axes[k].lo, P->axes[k].hi))
            return -1;
    }
    return dax;
}

static int cmp_range(const void *a, const void *b)
{
    slong x = ((const slong *) a)[0], y = ((const slong *) b)[0];
    return x < y ? -1 : x > y;
}

char *sc_regime_dim_ranges(const sc_regime_result *R, slong dax, int cls)
{
    /* the leaves of the class as [lo, hi] pairs sorted by lo (leaves are
       disjoint), then runs of adjacent ranges merged */
    slong i, n = 0, *r = flint_malloc((2 * R->nleaves + 2) * sizeof(slong));
    size_t len = 0, alloc = 64;
    char *s = flint_malloc(alloc);
    for (i = 0; i < R->nleaves; i++)
        if (R->leaves[i].cls == cls)
        {
            r[2 * n] = fmpz_get_si(fmpq_numref(R->leaves[i].lo + dax));
            r[2 * n + 1] = fmpz_get_si(fmpq_numref(R->leaves[i].hi + dax));
            n++;
        }
    qsort(r, n, 2 * sizeof(slong), cmp_range);
    strcpy(s, "none");
    for (i = 0; i < n; )
    {
        slong a = r[2 * i], b = r[2 * i + 1];
        for (i++; i < n && r[2 * i] == b + 1; i++)
            b = r[2 * i + 1];
        if (alloc - len < 48)
            s = flint_realloc(s, alloc *= 2);
        len += sprintf(s + len, "%s%ld:%ld", len ? ", " : "", (long) a, (long) b);
    }
    flint_free(r);
    return s;
}
