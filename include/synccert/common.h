/* synccert: common definitions (status codes, error messages, version). */
#ifndef SYNCCERT_COMMON_H
#define SYNCCERT_COMMON_H

#include <stdio.h>
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
    SC_ERR_BUDGET = 4,    /* time budget exhausted */
    SC_ERR_INTERRUPTED = 5, /* stopped by sc_interrupt (SIGINT, SIGTERM in the CLI) */
    SC_ERR_IO = 6         /* an output could not be written (disk full, ...) */
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

/* Time budget and interruption (src/common/budget.c).

   Two deadlines bound a computation: the process's deadline
   (sc_deadline_set: the CLI's --budget, shared by every thread; set it
   before threads start) and the calling thread's budget (sc_budget_set:
   one computation inside a longer run, e.g. c_p per activation of a
   table).  The earlier of the two counts.  An interruption (sc_interrupt,
   from the CLI's SIGINT/SIGTERM handler) stops every thread at once.
   Long loops, the precision loop and every integrand poll
   sc_budget_expired(), which is cheap (a flag test and a coarse clock
   read, no system call), and then stop with sc_budget_status():
   SC_ERR_INTERRUPTED if interrupted, else SC_ERR_BUDGET.  A positive
   budget too small to be represented is a deadline that has already
   passed, never "no budget". */
void sc_deadline_set(double seconds);    /* <= 0 or NaN: no process deadline */
double sc_deadline_seconds(void);        /* the process budget in seconds (0: none) */
int sc_deadline_passed(void);            /* the process deadline has passed */
void sc_budget_set(double seconds);      /* this thread's budget; <= 0 clears it */
int sc_budget_expired(void);             /* a deadline passed or interrupted */

/* The default time budget in seconds of a command (its name as on the
   command line: "kernel", "certify", ...), shared by the CLI's --budget and
   the bindings' budget (sc_bind_call); 600 for a name not in the table. */
double sc_budget_default(const char *command);

/* A nested thread budget (one c_p inside a table that has its own budget):
   push makes the thread's deadline the earlier of the current one and
   `seconds` from now (seconds <= 0: unchanged); pop restores the saved one. */
typedef struct { double budget, deadline; } sc_budget_saved;
void sc_budget_push(sc_budget_saved *saved, double seconds);
void sc_budget_pop(const sc_budget_saved *saved);
int sc_budget_status(void);              /* SC_OK, SC_ERR_BUDGET or SC_ERR_INTERRUPTED */

/* Ask every running computation to stop (async-signal-safe; the first
   signal number is kept).  sc_interrupted() is that signal number (or
   SC_INTERRUPT_NOSIG for a call with signo <= 0), 0 if no stop was asked;
   sc_interrupt_clear() forgets it (tests). */
#define SC_INTERRUPT_NOSIG 255
void sc_interrupt(int signo);
int sc_interrupted(void);
void sc_interrupt_clear(void);

/* Seconds on a monotonic clock (for budgets, progress and timings). */
double sc_clock_seconds(void);

/* The error for a stopped computation: "WHO: time budget of S s exhausted
   at P bits of precision" (SC_ERR_BUDGET), or "WHO: interrupted at P bits
   of precision" (SC_ERR_INTERRUPTED) after sc_interrupt. */
int sc_budget_error(const char *who, slong prec);

/* Output files that survive failures and interruption
   (src/common/outfile.c).  sc_outfile_open writes to a temporary file
   PATH.tmpXXXXXX in PATH's directory (of the file a symbolic link points
   to); sc_outfile_commit flushes, closes and renames it onto PATH, so PATH
   holds either its old content or the complete new one.  A PATH that
   exists and is not a regular file (/dev/null, /dev/stdout, a FIFO) is
   written directly.  Errors: SC_ERR_INPUT when the file cannot be created
   (bad directory, permissions), SC_ERR_IO when writing, flushing, closing
   or renaming fails; the message names PATH and the reason; on any error
   the temporary file is removed.  sc_outfile_abort closes and removes the
   temporary file (PATH untouched).  Every open is ended by exactly one
   commit or abort. */
typedef struct
{
    FILE *f;            /* write here */
    char *path;         /* the target */
    char *tmp;          /* the temporary file (NULL: written directly) */
    int slot;           /* registration for sc_outfile_remove_temps */
}
sc_outfile;

int sc_outfile_open(sc_outfile *o, const char *path);
int sc_outfile_commit(sc_outfile *o);
void sc_outfile_abort(sc_outfile *o);

/* Remove the temporary files of every open sc_outfile (async-signal-safe:
   for a signal handler that ends the process at once). */
void sc_outfile_remove_temps(void);

#ifdef __cplusplus
}
#endif

#endif
