/* bench_grid: time sc_kernel_certify (K(1), K'(1), K(rho), K'(rho)) over a
   grid of weight and bias variances q, s in [1e-3, 1e3] and correlations
   rho, for bench/qsgrid.sh (the target of issue 12: under 1 s at <= 20
   digits for every smooth activation).

   Usage: bench_grid DIGITS SPEC...
   Output, one line per spec:
     grid SPEC DIGITS NPOINTS FAILURES WORST_WALL WORST_CPU MEDIAN_WALL OVER_1S WORST_AT
   (seconds; CPU = process CPU time, less sensitive to other load; WORST_AT is
   q/s/rho of the slowest point). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "synccert/act.h"
#include "synccert/kernel.h"
#include "synccert/parse.h"

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    static const char *qs[] = { "0.001", "0.1", "1", "10", "1000" };
    static const char *rhos[] = { "-0.9", "-0.3", "0", "0.3", "0.9", "0.999", "0.99999999" };
    enum { NQ = 5, NR = 7 };
    double wall[NQ * NQ * NR];
    slong digits;
    int a;
    if (argc < 3)
    {
        fprintf(stderr, "usage: bench_grid DIGITS SPEC...\n");
        return 2;
    }
    digits = atol(argv[1]);
    for (a = 2; a < argc; a++)
    {
        sc_act_t act;
        double wmax = 0, cmax = 0;
        int i, j, r, n = 0, fails = 0, over = 0;
        char at[64] = "-";
        sc_act_init(act);
        if (sc_act_parse(act, argv[a]) != SC_OK)
        {
            fprintf(stderr, "bench_grid: %s: %s\n", argv[a], sc_last_error());
            return 2;
        }
        for (i = 0; i < NQ; i++)
            for (j = 0; j < NQ; j++)
                for (r = 0; r < NR; r++)
                {
                    fmpq_t q, s, rho;
                    sc_kernel_result res;
                    double w0, c0, w, c;
                    fmpq_init(q); fmpq_init(s); fmpq_init(rho);
                    sc_parse_fmpq(q, qs[i], "q");
                    sc_parse_fmpq(s, qs[j], "s");
                    sc_parse_fmpq(rho, rhos[r], "rho");
                    sc_kernel_result_init(&res);
                    w0 = sc_clock_seconds();
                    c0 = cpu_seconds();
                    if (sc_kernel_certify(&res, act, rho, q, s, digits, SC_KM_AUTO, 0) != SC_OK)
                    {
                        fails++;
                        fprintf(stderr, "bench_grid: %s q=%s s=%s rho=%s: %s\n", argv[a], qs[i], qs[j],
                                rhos[r], sc_last_error());
                    }
                    w = sc_clock_seconds() - w0;
                    c = cpu_seconds() - c0;
                    wall[n++] = w;
                    over += w > 1.0;
                    if (w > wmax)
                    {
                        wmax = w;
                        snprintf(at, sizeof at, "%s/%s/%s", qs[i], qs[j], rhos[r]);
                    }
                    if (c > cmax)
                        cmax = c;
                    sc_kernel_result_clear(&res);
                    fmpq_clear(q); fmpq_clear(s); fmpq_clear(rho);
                }
        qsort(wall, n, sizeof wall[0], cmp_double);
        printf("grid %s %ld %d %d %.3f %.3f %.3f %d %s\n", argv[a], (long) digits, n, fails, wmax, cmax,
               wall[n / 2], over, at);
        fflush(stdout);
        sc_act_clear(act);
    }
    return 0;
}
