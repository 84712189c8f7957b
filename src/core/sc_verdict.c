/* Verified core: three-valued verdicts on integer enclosures (contracts in
   include/synccert/core.h). */
#include "synccert/core.h"

int sc_v_sign(int64_t lo, int64_t hi)
{
    if (lo > hi)
        return 0;           /* empty: undecided */
    if (hi < 0)
        return -1;
    if (lo > 0)
        return 1;
    return 0;
}

int sc_v_cmp(int64_t xlo, int64_t xhi, int64_t ylo, int64_t yhi)
{
    if (xlo > xhi || ylo > yhi)
        return 0;           /* empty: undecided */
    if (xhi < ylo)
        return -1;
    if (xlo > yhi)
        return 1;
    return 0;
}
