/* synccert: exact parsing of numeric inputs.
   Numbers on the command line are exact decimals: "0.1" is 1/10, not the
   nearest double.  They are kept as rationals and converted to balls at
   whatever working precision a computation needs. */
#ifndef SYNCCERT_PARSE_H
#define SYNCCERT_PARSE_H

#include <flint/fmpq.h>
#include "synccert/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Parse "[+-]ddd[.ddd][(e|E)[+-]ddd]" or "p/q" (integers, q > 0) exactly.
   Rejects empty strings, nan, inf, hex and trailing characters ("not a
   number") and exponents beyond +-1000 ("exponent out of range").  `what`
   names the input in the error message. */
int sc_parse_fmpq(fmpq_t x, const char *s, const char *what);

/* Parse a decimal integer in [lo, hi] (no sign ambiguity, no trailing junk). */
int sc_parse_slong(slong *x, const char *s, const char *what, slong lo, slong hi);

/* Parse "LO:HI" into two rationals with LO <= HI (a single value V means V:V). */
int sc_parse_range(fmpq_t lo, fmpq_t hi, const char *s, const char *what);

/* A time budget in seconds, "--budget S": a number in (0, SC_BUDGET_MAX]
   ("--budget must be in (0, 1e+07] seconds, got 'S'").  A positive budget
   below a microsecond (or one that underflows a double) counts as 1 us,
   never as "no budget".  The CLI and the bindings share this check. */
#define SC_BUDGET_MAX 1e7
int sc_parse_budget(double *seconds, const char *s);

/* Exact decimal string of a rational whose denominator is 2^a 5^b (at most
   4000 decimals; trailing zeros dropped), else "p/q".  Caller frees with
   flint_free. */
char *sc_fmpq_decimal(const fmpq_t x);

#ifdef __cplusplus
}
#endif

#endif
