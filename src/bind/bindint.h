/* Internals of the bind module: the options of one sc_bind_call and the
   checks every command shares.  Each check reads a CLI option string and
   fails with the CLI's own one-line message (recorded with sc_error), so a
   binding's exceptions read exactly like `synccert CMD` on stderr;
   python/tests/test_errors.py compares the two message by message. */
#ifndef SC_BINDINT_H
#define SC_BINDINT_H

#include <stdio.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/bind.h"

#define SC_BIND_MULTI 12    /* at most this many values of a repeatable option (--param) */

/* The options of one call, by name: values[i] for names[i] (NULL if not
   given); the repeatable option's values in multi[0..nmulti-1]. */
typedef struct
{
    const char *command;
    const char *const *names;   /* the command's option names, NULL-terminated */
    const char *values[24];
    const char *multi[SC_BIND_MULTI];
    int nmulti;
    double budget;              /* --budget in seconds (the command's default if not given) */
}
sc_bind_args;

/* The value of option `name` (NULL when not given). */
const char *sc_bind_opt(const sc_bind_args *a, const char *name);

/* Sign rules of numeric options. */
enum { SC_BIND_ANY = 0, SC_BIND_POS, SC_BIND_NONNEG };

/* Exact number of option `what` ("--sigma") from s, or dflt when s is
   NULL, obeying the rule (messages "--sigma must be > 0, got '0'").
   SC_OK or SC_ERR_INPUT. */
int sc_bind_num(fmpq_t x, const char *s, const char *dflt, const char *what, int rule);

/* --digits (1..3000, default 15). */
int sc_bind_digits(slong *digits, const char *s);

/* --dim for the Lyapunov commands: an exact integer in [2, 10^30]. */
int sc_bind_dim(fmpz_t d, const char *s);

/* --prec-cap (64..SC_PREC_MAX; 0 = the policy's default when s is NULL). */
int sc_bind_prec_cap(slong *cap, const char *s);

/* The commands (src/bind/cmds.c): write the JSON to f, or return an error
   status with the message recorded. */
int sc_bind_kernel(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_lyapunov(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_critical_dim(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_coercivity(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_pair(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_certify(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_table(FILE *f, const char *act, const sc_bind_args *a);
int sc_bind_activations(FILE *f, const char *act, const sc_bind_args *a);

#endif
