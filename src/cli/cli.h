/* synccert CLI internals: subcommand table and option parsing.
   Every subcommand lives in src/cli/cmd_NAME.c and exports one sc_cmd. */
#ifndef SC_CLI_H
#define SC_CLI_H

#include <stdio.h>
#include <arb.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/act.h"
#include "synccert/common.h"
#include "synccert/parse.h"

/* Exit statuses, one meaning each (documented in `synccert help` and the
   README):
     0        success (the results are printed / written);
     1        the computation or its output failed: precision cap, time
              budget, a file or standard output could not be written,
              latexmk failed;
     2        bad input: options, numbers, activations, an output path that
              cannot be created (all checked before computing);
     128 + N  stopped by signal N (130 SIGINT, 143 SIGTERM): nothing
              written, files being replaced keep their old content. */
#define SC_EXIT_OK 0
#define SC_EXIT_FAIL 1
#define SC_EXIT_USAGE 2

typedef struct
{
    const char *name;
    int (*run)(int argc, char **argv);  /* argv[0] is the subcommand name */
    const char *summary;                /* one line for `synccert help` */
    const char *help;                   /* full text for `synccert help NAME` */
}
sc_cmd;

/* Every command takes --budget SECONDS (sc_cli_parse handles it; a
   command's help lists it with the command's default): the whole run's
   deadline, in (0, SC_BUDGET_MAX].  The library polls it (integrands,
   precision loops, branch and bound) and fails with exit 1; a watchdog
   ends the process, exit 1, if a step that cannot poll (e.g. Arb's
   quadrature nodes at thousands of digits) keeps it running
   max(1 s, 10 %) past the deadline.  The defaults: sc_budget_default. */

/* A long option "--name" (optionally taking a value as "--name V" or
   "--name=V").  For flags (has_arg = 0) *flag is set to 1; for options with a
   value *val is set (a repeated option is an error unless `multi` is set, then
   vals[] collects up to nmax values into *count). */
typedef struct
{
    const char *name;
    int has_arg;
    const char **val;
    int *flag;
    const char **vals;  /* for multi options */
    int *count;
    int nmax;
}
sc_opt;

/* Parse argv[1..] (argv[0] is the subcommand).  Positional arguments go to
   pos[0..*npos-1] (at most maxpos).  A repeated option or flag is an error
   (unless `multi`).  --budget SECONDS is accepted for every command and,
   once everything parsed, starts the run's deadline (the command's
   default when absent) and its watchdog.  On error prints one line
   "synccert CMD: ..." to stderr and returns SC_EXIT_USAGE; else 0. */
int sc_cli_parse(int argc, char **argv, const sc_opt *opts, int nopts,
                 const char **pos, int maxpos, int *npos);

/* Print "synccert CMD: message" to stderr as one line (control characters
   of the message, e.g. a newline inside an echoed argument, are escaped as
   \n, \t, \xHH); returns `code`.  cmd NULL prints "synccert: message". */
int sc_cli_fail(const char *cmd, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Report the library's last error for cmd; returns SC_EXIT_USAGE for input
   errors (SC_ERR_INPUT), 128 + N after signal N (sc_cli_interrupted_exit),
   SC_EXIT_FAIL otherwise. */
int sc_cli_lib_fail(const char *cmd, int status);

/* After a command's library call with status st: 0 when st is SC_OK and
   no signal asked to stop (print the results), else the exit status with
   the message printed (sc_cli_lib_fail). */
int sc_cli_done(const char *cmd, int st);

/* --- stopping (src/cli/stop.c) --- */

/* Install the SIGINT/SIGTERM handlers for subcommand cmd: the first signal
   asks the library to stop (sc_interrupt; the command then exits 128 + N
   without writing); a second signal, or 2 s without the library stopping,
   ends the process at once (temporary output files removed). */
void sc_cli_signals(const char *cmd);

/* Start the run's deadline of `seconds` and its watchdog. */
void sc_cli_deadline_start(const char *cmd, double seconds);

/* Disarm the watchdog (certify: a budget stop is a normal end there). */
void sc_cli_watchdog_off(void);

/* The library has stopped after an interruption and saved what it keeps
   (certify's checkpoint): disarm the grace timer too, so that a loaded
   machine cannot end the process between the save and its message. */
void sc_cli_stopped(void);

/* The exit status after an interruption: 128 + signal number. */
int sc_cli_interrupted_exit(void);

/* The message and exit status when the run's deadline passed while the
   library still returned (a table whose last cells timed out): prints
   "time budget of S s exhausted WHAT" and returns SC_EXIT_FAIL. */
int sc_cli_budget_fail(const char *cmd, const char *what);

/* Parse an optional exact number option: if s is NULL set x to the default
   given as a string.  Returns 0 or SC_EXIT_USAGE (message printed). */
int sc_cli_fmpq(fmpq_t x, const char *s, const char *dflt, const char *cmd, const char *what);

/* An optional integer option: *x in [lo, hi] read from s, kept when s is
   NULL.  0 or SC_EXIT_USAGE (message printed). */
int sc_cli_slong(slong *x, const char *s, const char *cmd, const char *what, slong lo, slong hi);

/* Parse --digits (1..SC_CLI_DIGITS_MAX, default 15). */
#define SC_CLI_DIGITS_MAX 3000
int sc_cli_digits(slong *digits, const char *s, const char *cmd);

/* Parse an exact number option (default dflt when s is NULL) obeying a sign
   rule: SC_CLI_ANY, SC_CLI_POS (> 0) or SC_CLI_NONNEG (>= 0).  0 or
   SC_EXIT_USAGE (message printed). */
enum { SC_CLI_ANY = 0, SC_CLI_POS, SC_CLI_NONNEG };
int sc_cli_num(fmpq_t x, const char *s, const char *dflt, const char *cmd,
               const char *what, int rule);

/* Parse ACT (NAME or NAME:key=value,...); exit status or 0. */
int sc_cli_act(sc_act_t act, const char *spec, const char *cmd);

/* Parse --dim: an exact integer in [2, 10^30]; required. */
int sc_cli_dim(fmpz_t d, const char *s, const char *cmd);

/* --sigma (default 1, > 0), --weight-var (default 1, > 0),
   --bias-var (default 0, >= 0).  Any pointer may be NULL. */
int sc_cli_sqs(fmpq_t sigma, const char *ssig, fmpq_t q, const char *sq,
               fmpq_t s, const char *ss, const char *cmd);

/* --- output (src/cli/out.c) --- */

/* Text: certified digit string, "undefined" for NaN. */
void sc_cli_text_real(FILE *f, const arb_t x, slong digits);
/* JSON: "key": certified-real object, or "undefined" for NaN. */
void sc_cli_json_real(FILE *f, const char *key, const arb_t x, slong digits, int comma);
/* Text: the model lines "activation / dimension / sigma [/ q, s]" (q, s
   only when not the defaults 1, 0), without a final newline. */
void sc_cli_text_model(const char *spec, const fmpz_t d, const fmpq_t sigma,
                       const fmpq_t q, const fmpq_t s);
/* A JSON string: quotes and backslashes escaped. */
void sc_cli_json_str(FILE *f, const char *s);
/* JSON "key": x in the format fmt (a double: statistical numbers); one that
   is not finite is null followed by "key_note": why (synccert help output:
   JSON never holds a bare inf or nan). */
void sc_cli_json_double(FILE *f, const char *key, const char *fmt, double x, const char *why);
/* JSON string value of an exact rational ("1/3", "0.5" is printed as "1/2"). */
void sc_cli_json_fmpq(FILE *f, const char *key, const fmpq_t x, int comma);

/* The subcommand table (src/cli/main.c). */
extern const sc_cmd *const sc_cmds[];
const sc_cmd *sc_cli_find(const char *name);

#endif
