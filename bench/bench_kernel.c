/* bench_kernel: time sc_kernel_certify (K(1) and K'(1), q = 1, s = 0) per
   activation and print machine-readable lines for bench/run.

   Usage: bench_kernel [-d DIGITS]... [-t MIN_SECONDS] [-r RHO] [--list] [SPEC...]
     -d DIGITS       accuracy goal (repeatable; default 15 and 100)
     -t MIN_SECONDS  repeat each computation until this much time has been
                     spent (default 0.2; 0 = one call) and report the mean
     -r RHO          also K(RHO), K'(RHO) (exact decimal or ratio), timed together
                     with K(1), K'(1); the line gets five more fields
                     RHO K DK KRAD DKRAD
     --list          print the benchmark spec of every registered activation
     SPEC            activation specs (default: every entry of sc_act_registry,
                     hermite as hermite:a1=1,a2=1/2, poly as poly:c1=1,c3=-1/6)

   Output, one line per (spec, digits), fields separated by single spaces:
     kernel SPEC DIGITS STATUS SECONDS REPS PREC K1 DK1 K1RAD DK1RAD METHOD
   STATUS is ok or err:CODE; K1, DK1 are the ball midpoints to DIGITS + 5
   significant digits (inf for an infinite K'(1), nan on error), K1RAD and
   DK1RAD the radii (3 digits), METHOD closed when the activation's closed-form
   kernel applies at rho = 1 (SC_KM_CLOSED), else integral.  Errors also go
   to stderr. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "synccert/act.h"
#include "synccert/kernel.h"
#include "synccert/parse.h"

/* The benchmark spec of a registered activation. */
static const char *bench_spec(const sc_act_def *def)
{
    if (strcmp(def->name, "hermite") == 0)
        return "hermite:a1=1,a2=1/2";
    if (strcmp(def->name, "poly") == 0)
        return "poly:c1=1,c3=-1/6";
    return def->name;
}

/* Midpoint of x to d significant digits (caller frees with flint_free). */
static char *mid_str(const arb_t x, slong d)
{
    arb_t m;
    char *s;
    if (arf_is_pos_inf(arb_midref(x)))
        return strcpy(flint_malloc(4), "inf");
    if (!arb_is_finite(x))
        return strcpy(flint_malloc(4), "nan");
    arb_init(m);
    arb_set_arf(m, arb_midref(x));
    s = arb_get_str(m, d, ARB_STR_NO_RADIUS);
    arb_clear(m);
    return s;
}

static void rad_str(char *buf, size_t n, const arb_t x)
{
    if (!arb_is_finite(x))
        snprintf(buf, n, "%s", arf_is_pos_inf(arb_midref(x)) ? "0" : "inf");
    else
        snprintf(buf, n, "%.3g", mag_get_d(arb_radref(x)));
}

/* Does the closed-form kernel apply to act at rho = 1, q = 1, s = 0? */
static const char *method_of(const sc_act_t act, slong prec)
{
    arb_t K, dK, one, zero;
    arb_ptr p = sc_act_params(act, prec);
    int st;
    arb_init(K);
    arb_init(dK);
    arb_init(one);
    arb_init(zero);
    arb_one(one);
    st = sc_kernel_eval(K, dK, act->def, p, act->npar, one, one, zero, SC_KM_CLOSED, prec);
    arb_clear(K);
    arb_clear(dK);
    arb_clear(one);
    arb_clear(zero);
    sc_act_params_clear(p, act);
    sc_clear_error();
    return st == SC_OK ? "closed" : "integral";
}

static int run_one(const char *spec, slong digits, double min_time, const char *rhos)
{
    fmpq_t rho;
    sc_act_t act;
    sc_kernel_result r;
    int st;
    long reps = 0;
    double t0, t1, el;
    char *k1, *dk1, r1[32], r2[32];

    fmpq_init(rho);
    if (rhos != NULL && sc_parse_fmpq(rho, rhos, "rho") != SC_OK)
    {
        fprintf(stderr, "bench_kernel: -r %s: %s\n", rhos, sc_last_error());
        exit(2);
    }
    sc_act_init(act);
    if (sc_act_parse(act, spec) != SC_OK)
    {
        fprintf(stderr, "bench_kernel: %s: %s\n", spec, sc_last_error());
        printf("kernel %s %ld err:parse nan 0 0 nan nan nan nan -\n", spec, (long) digits);
        sc_act_clear(act);
        return 1;
    }
    sc_kernel_result_init(&r);
    t0 = sc_clock_seconds();
    do
    {
        st = sc_kernel_certify(&r, act, rhos ? rho : NULL, NULL, NULL, digits, SC_KM_AUTO, 0);
        reps++;
        t1 = sc_clock_seconds();
    }
    while (st == SC_OK && t1 - t0 < min_time && reps < 1000000);
    el = (t1 - t0) / reps;

    if (st != SC_OK)
    {
        fprintf(stderr, "bench_kernel: %s at %ld digits: error %d: %s\n", spec,
                (long) digits, st, sc_last_error());
        printf("kernel %s %ld err:%d %.6e %ld 0 nan nan nan nan -\n", spec, (long) digits, st, el, reps);
    }
    else
    {
        k1 = mid_str(r.K1, digits + 5);
        dk1 = mid_str(r.dK1, digits + 5);
        rad_str(r1, sizeof r1, r.K1);
        rad_str(r2, sizeof r2, r.dK1);
        printf("kernel %s %ld ok %.6e %ld %ld %s %s %s %s %s", spec, (long) digits, el, reps,
               (long) r.prec, k1, dk1, r1, r2, method_of(act, r.prec));
        flint_free(k1);
        flint_free(dk1);
        if (rhos != NULL)
        {
            k1 = mid_str(r.K, digits + 5);
            dk1 = mid_str(r.dK, digits + 5);
            rad_str(r1, sizeof r1, r.K);
            rad_str(r2, sizeof r2, r.dK);
            printf(" %s %s %s %s %s", rhos, k1, dk1, r1, r2);
            flint_free(k1);
            flint_free(dk1);
        }
        printf("\n");
    }
    fflush(stdout);
    sc_kernel_result_clear(&r);
    sc_act_clear(act);
    fmpq_clear(rho);
    return st != SC_OK;
}

int main(int argc, char **argv)
{
    slong digits[16];
    int nd = 0, list = 0, bad = 0, i, j, first_spec = argc;
    double min_time = 0.2;
    const char *rhos = NULL;

    for (i = 1; i < argc; i++)
    {
        if (strcmp(argv[i], "-d") == 0 && i + 1 < argc && nd < 16)
            digits[nd++] = atol(argv[++i]);
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            min_time = atof(argv[++i]);
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            rhos = argv[++i];
        else if (strcmp(argv[i], "--list") == 0)
            list = 1;
        else if (argv[i][0] == '-')
        {
            fprintf(stderr, "usage: bench_kernel [-d DIGITS]... [-t MIN_SECONDS] [-r RHO] [--list] [SPEC...]\n");
            return 2;
        }
        else
        {
            first_spec = i;
            break;
        }
    }
    if (nd == 0)
    {
        digits[nd++] = 15;
        digits[nd++] = 100;
    }

    if (list)
    {
        for (i = 0; sc_act_registry[i] != NULL; i++)
            printf("%s\n", bench_spec(sc_act_registry[i]));
        return 0;
    }

    for (j = 0; j < nd; j++)
    {
        if (first_spec < argc)
            for (i = first_spec; i < argc; i++)
                bad |= run_one(argv[i], digits[j], min_time, rhos);
        else
            for (i = 0; sc_act_registry[i] != NULL; i++)
                bad |= run_one(bench_spec(sc_act_registry[i]), digits[j], min_time, rhos);
    }
    return bad ? 1 : 0;
}
