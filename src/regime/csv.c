/* Certified parameter regimes: the leaves as CSV, exact decimals. */
#include "synccert/regime.h"
#include "synccert/parse.h"

int sc_regime_write_csv(FILE *f, const sc_regime_result *R, const sc_regime_problem *P)
{
    slong i, k;
    for (k = 0; k < P->naxes; k++)
        fprintf(f, "%s_lo,%s_hi,", P->axes[k].name, P->axes[k].name);
    fprintf(f, "class\n");
    for (i = 0; i < R->nleaves; i++)
    {
        for (k = 0; k < P->naxes; k++)
        {
            char *a = sc_fmpq_decimal(R->leaves[i].lo + k);
            char *b = sc_fmpq_decimal(R->leaves[i].hi + k);
            fprintf(f, "%s,%s,", a, b);
            flint_free(a);
            flint_free(b);
        }
        fprintf(f, "%s\n", sc_leaf_name(R->leaves[i].cls));
    }
    return ferror(f) ? sc_error(SC_ERR_IO, "write error") : SC_OK;
}
