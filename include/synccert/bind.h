/* synccert: results as JSON text, and a string-in / JSON-out entry point
   for bindings (the Python package python/synccert/ uses nothing else).

   Why: a binding should not need Arb's struct layouts, FLINT's allocator or
   this library's result structs.  sc_bind_call takes every input as a
   string exactly as on the command line (exact decimals, activation specs)
   and returns one JSON text built here, the same object `synccert CMD
   --json` prints (the CLI prints it with the sc_json_* writers below), so
   the two can never disagree.  Errors come back as the CLI's one-line
   message.

   The JSON writers are also the library's way to serialise a result: a
   certified real is {"lo": "...", "hi": "...", "digits": "..."} (outward
   rounded decimal bounds and the certified digit string, print.h), "inf"
   for an infinite value and "undefined" for NaN; exact inputs are strings
   ("1/3", "0.5" or "1/2" as the command prints them). */
#ifndef SYNCCERT_BIND_H
#define SYNCCERT_BIND_H

#include <stdio.h>
#include <arb.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/kernel.h"
#include "synccert/lyapunov.h"
#include "synccert/critdim.h"
#include "synccert/coercivity.h"
#include "synccert/regime.h"
#include "synccert/table.h"
#include "synccert/pair.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------- the entry point for bindings ---------- */

/* Run COMMAND on the activation spec ACT (NULL for commands without one)
   with options KV: a NULL-terminated array of alternating names and values,
   the names being the CLI's long options without "--" ("rho", "0.5",
   "weight-var", "1/2", NULL); a NULL value means "not given" (the CLI's
   default); "param" may repeat (certify); flags take "1".
   Commands: kernel, lyapunov, critical-dim, coercivity, pair, certify (its JSON
   also lists every leaf under "leaf_list"), table (rows as JSON plus the
   text of every format), activations (the registry; ACT and KV unused).
   Returns SC_OK and sets *out to the JSON text, or an error status
   (SC_ERR_INPUT for bad input, SC_ERR_PREC, SC_ERR_BUDGET, ...) and sets
   *out to the one-line message the CLI prints after "synccert COMMAND: ".
   *out is NULL only if memory ran out.  Free *out with sc_bind_free.
   Thread-safe: each call has its own state (the time budget and the error
   message are per thread); calls may run in parallel threads.  The first
   call in a thread also arranges for flint_cleanup to run when that thread
   exits, so threads that come and go keep no Arb caches behind. */
int sc_bind_call(char **out, const char *command, const char *act, const char *const *kv);

/* Free a string returned by sc_bind_call (NULL is allowed). */
void sc_bind_free(char *s);

/* SC_VERSION, for bindings that check what they loaded. */
const char *sc_bind_version(void);

/* ---------- JSON writers (one object, no newline) ---------- */

/* Decimal bounds rounded outward of the interval [a, b] (`digits`
   significant digits): *lo <= a, b <= *hi; free both with flint_free. */
void sc_arf_interval_bounds(char **lo, char **hi, const arf_t a, const arf_t b, slong digits);

/* A JSON string literal with quotes and escapes. */
void sc_json_string(FILE *f, const char *s);
/* "key": certified real (or "undefined" for NaN), then ", " if comma. */
void sc_json_key_real(FILE *f, const char *key, const arb_t x, slong digits, int comma);
/* "key": "p/q" (fmpq_get_str), then ", " if comma. */
void sc_json_key_fmpq(FILE *f, const char *key, const fmpq_t x, int comma);

/* `synccert kernel --json`: rho NULL when K(rho) was not asked for; q, s
   NULL mean 1, 0. */
void sc_json_kernel(FILE *f, const char *spec, const sc_kernel_result *r, const fmpq_t rho,
                    const fmpq_t q, const fmpq_t s, slong digits);
/* `synccert lyapunov --json` (p is printed when r->has_g). */
void sc_json_lyapunov(FILE *f, const char *spec, const sc_lyap_result *r, const fmpz_t d,
                      const fmpq_t sigma, const fmpq_t q, const fmpq_t s, const fmpq_t p,
                      slong digits);
/* `synccert critical-dim ACT --json`. */
void sc_json_critical_dim(FILE *f, const char *spec, const sc_critdim_result *r,
                          const fmpq_t q, const fmpq_t s, slong digits);
/* `synccert coercivity --json`. */
void sc_json_coercivity(FILE *f, const char *spec, const sc_coerc_problem *P,
                        const sc_coerc_cert *r);
/* `synccert certify --json`; with leaves, also "leaf_list": [{"class": ...,
   "depth": n, "box": {"NAME": ["lo", "hi"], ...}}, ...] (exact decimals or
   p/q, integer ranges inclusive). */
void sc_json_certify(FILE *f, const char *spec, const sc_regime_problem *P,
                     const sc_regime_result *R, int leaves);
/* `synccert pair --json`: the classes, the outcome and one object per rho0
   under "probabilities" (empty when none was asked or the outcome is
   undecided), every real to P->digits. */
void sc_json_pair(FILE *f, const char *spec, const sc_pair_problem *P, const sc_pair_result *r);
/* A computed table: parameters, columns and one object per (activation, d)
   with every requested quantity (certified real, or the cell's word). */
void sc_json_table(FILE *f, const sc_table *t);

#ifdef __cplusplus
}
#endif

#endif
