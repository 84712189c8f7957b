/* synccert: common definitions (status codes, error messages, version). */
#ifndef SYNCCERT_COMMON_H
#define SYNCCERT_COMMON_H

#include <flint/flint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SC_VERSION "0.1.0"

/* Status codes returned by every fallible sc_ function. */
enum {
    SC_OK = 0,
    SC_ERR_INPUT = 1,     /* malformed or out-of-domain input */
    SC_ERR_PREC = 2,      /* requested accuracy not reached within the precision cap */
    SC_ERR_UNSUPPORTED = 3, /* quantity not available for this activation/method */
    SC_ERR_BUDGET = 4     /* time budget exhausted */
};

/* Smallest and largest working precision (bits) a caller may ask for. */
#define SC_PREC_MIN 16
#define SC_PREC_MAX (1L << 20)

/* Record a one-line, human-readable error message (printf style) for the
   current thread; returns `code` so callers can write `return sc_error(...)`. */
int sc_error(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The last message recorded by sc_error in this thread ("" if none). */
const char *sc_last_error(void);

/* Clear the thread's error message. */
void sc_clear_error(void);

/* Time budget for long computations (per thread).  sc_budget_set(seconds)
   starts it (seconds <= 0 clears it); long loops and integrands poll
   sc_budget_expired() and stop, reporting SC_ERR_BUDGET. */
void sc_budget_set(double seconds);
int sc_budget_expired(void);

/* Seconds on a monotonic clock (for budgets, progress and timings). */
double sc_clock_seconds(void);

/* The error for an exhausted budget: "WHO: time budget of S s exhausted at
   P bits of precision"; returns SC_ERR_BUDGET. */
int sc_budget_error(const char *who, slong prec);

#ifdef __cplusplus
}
#endif

#endif
