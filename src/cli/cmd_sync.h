/* Shared helpers of the synchronisation subcommands (twopoint, lyapunov,
   critical-dim, rqf); defined in src/cli/cmd_lyapunov.c. */
#ifndef SC_CMD_SYNC_H
#define SC_CMD_SYNC_H

#include <stdio.h>
#include <arb.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/act.h"

/* Parse ACT (NAME or NAME:key=value,...); exit status or 0. */
int sc_sync_act(sc_act_t act, const char *spec, const char *cmd);

/* Parse --dim: an exact integer in [2, 10^30]; required. */
int sc_sync_dim(fmpz_t d, const char *s, const char *cmd);

/* --sigma (default 1, > 0), --weight-var (default 1, > 0),
   --bias-var (default 0, >= 0).  Any pointer may be NULL. */
int sc_sync_sqs(fmpq_t sigma, const char *ssig, fmpq_t q, const char *sq,
                fmpq_t s, const char *ss, const char *cmd);

/* Text: certified digit string, "undefined" for NaN. */
void sc_sync_text_real(FILE *f, const arb_t x, slong digits);
/* JSON: "key": certified-real object, or "undefined" for NaN. */
void sc_sync_json_real(FILE *f, const char *key, const arb_t x, slong digits, int comma);
/* JSON string value of an exact rational ("1/3", "0.5" is printed as "1/2"). */
void sc_sync_json_fmpq(FILE *f, const char *key, const fmpq_t x, int comma);

#endif
