/* The one clock of the library: monotonic wall-clock seconds. */
#include <time.h>
#include "synccert/common.h"

double sc_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}
