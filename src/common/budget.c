/* Time budgets and interruption (see common.h).

   A deadline is a point on the monotonic clock.  The process deadline is a
   plain global, written once by the CLI before any thread starts and only
   read afterwards; the thread budget is thread-local; the interruption flag
   is a sig_atomic_t written by a signal handler.  The poll reads the coarse
   monotonic clock (a few ns, no system call, resolution a few ms), and the
   precise one only in the last 50 ms before a deadline: cheap enough for
   every integrand evaluation. */
#include <math.h>
#include <signal.h>
#include <time.h>
#include <string.h>
#include "synccert/common.h"

static double sc_proc_deadline = 0.0, sc_proc_budget = 0.0;
static _Thread_local double sc_deadline = 0.0, sc_budget = 0.0;
static volatile sig_atomic_t sc_stop_signal = 0;

/* seconds; more than the coarse clock's resolution (1 to 10 ms) */
#define COARSE_MARGIN 0.05

static double coarse_seconds(void)
{
#ifdef CLOCK_MONOTONIC_COARSE
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) == 0)
        return ts.tv_sec + 1e-9 * ts.tv_nsec;
#endif
    return sc_clock_seconds();
}

/* A deadline `seconds` from now; a positive budget never becomes 0 (no
   deadline) by underflow: a deadline that cannot be later than now is now.
   Deadlines are > 0 since the monotonic clock is. */
static double deadline_from(double seconds)
{
    double now = sc_clock_seconds(), d = now + seconds;
    return d > 0 ? d : 1e-9;
}

void sc_deadline_set(double seconds)
{
    if (!(seconds > 0))
    {
        sc_proc_budget = sc_proc_deadline = 0.0;
        return;
    }
    sc_proc_budget = seconds;
    sc_proc_deadline = isinf(seconds) ? 0.0 : deadline_from(seconds);
}

double sc_deadline_seconds(void) { return sc_proc_deadline > 0 ? sc_proc_budget : 0.0; }

int sc_deadline_passed(void)
{
    return sc_proc_deadline > 0 && sc_clock_seconds() >= sc_proc_deadline;
}

void sc_budget_set(double seconds)
{
    if (!(seconds > 0) || isinf(seconds))
    {
        sc_budget = sc_deadline = 0.0;
        return;
    }
    sc_budget = seconds;
    sc_deadline = deadline_from(seconds);
}

void sc_budget_push(sc_budget_saved *saved, double seconds)
{
    double d;
    saved->budget = sc_budget;
    saved->deadline = sc_deadline;
    if (!(seconds > 0) || isinf(seconds))
        return;
    d = deadline_from(seconds);
    if (sc_deadline <= 0 || d < sc_deadline)
    {
        sc_budget = seconds;
        sc_deadline = d;
    }
}

void sc_budget_pop(const sc_budget_saved *saved)
{
    sc_budget = saved->budget;
    sc_deadline = saved->deadline;
}

int sc_budget_expired(void)
{
    double d;
    if (sc_stop_signal)
        return 1;
    if (sc_deadline <= 0 && sc_proc_deadline <= 0)
        return 0;
    d = sc_deadline <= 0 ? sc_proc_deadline : sc_proc_deadline <= 0 ? sc_deadline
        : FLINT_MIN(sc_deadline, sc_proc_deadline);
    /* the coarse clock lags the precise one by at most a tick (a few ms):
       far from the deadline it decides alone, near it the precise clock */
    if (coarse_seconds() + COARSE_MARGIN < d)
        return 0;
    return sc_clock_seconds() >= d;
}

int sc_budget_status(void)
{
    if (sc_stop_signal)
        return SC_ERR_INTERRUPTED;
    return sc_budget_expired() ? SC_ERR_BUDGET : SC_OK;
}

void sc_interrupt(int signo)
{
    if (!sc_stop_signal)
        sc_stop_signal = signo > 0 && signo < SC_INTERRUPT_NOSIG ? signo : SC_INTERRUPT_NOSIG;
}

int sc_interrupted(void) { return sc_stop_signal; }

void sc_interrupt_clear(void) { sc_stop_signal = 0; }

int sc_budget_error(const char *who, slong prec)
{
    double b;
    if (sc_stop_signal)
        return sc_error(SC_ERR_INTERRUPTED, "%s: interrupted at %ld bits of precision", who, (long) prec);
    /* name the budget that ran out: the thread's if it ends first */
    b = sc_deadline > 0 && (sc_proc_deadline <= 0 || sc_deadline <= sc_proc_deadline) ? sc_budget : sc_proc_budget;
    return sc_error(SC_ERR_BUDGET, "%s: time budget of %g s exhausted at %ld bits of precision",
                    who, b, (long) prec);
}

/* A kernel is seconds at most; a regime sweep is a first look (its boxes
   resume from a checkpoint); a table or report runs many certificates. */
static const struct { const char *name; double seconds; } budget_defaults[] = {
    { "kernel", 120 }, { "certify", 60 }, { "table", 3600 }, { "report", 3600 },
};

double sc_budget_default(const char *command)
{
    size_t i;
    for (i = 0; command != NULL && i < sizeof(budget_defaults) / sizeof(budget_defaults[0]); i++)
        if (strcmp(command, budget_defaults[i].name) == 0)
            return budget_defaults[i].seconds;
    return 600;
}
