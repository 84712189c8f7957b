/* synccert: the certified report (`synccert report`, `make run`).

   sc_report_write writes DIR/NAME.tex, a complete LaTeX document: the model
   in a paragraph, how to read the numbers, the kernel table, the
   synchronisation table (lambda, verdicts, critical dimensions) with a
   pgfplots figure of lambda against d (error bars = the certified
   enclosures), a figure of the certified / refuted / undecided regions of a
   `certify` run (sc_regime_run), the coercivity table, the RQF section, the
   two-token section (phase diagram in (beta, gamma), P(sync | rho0), the
   projective c_p^pm), any extra sections registered in sc_report_hooks, and
   how to reproduce it.
   Every number comes from an Arb enclosure through the verified digit
   printer (see table.h).  With `compile`, the document is compiled to
   DIR/NAME.pdf with latexmk when latexmk is on the PATH. */
#ifndef SYNCCERT_REPORT_H
#define SYNCCERT_REPORT_H

#include <stdio.h>
#include "synccert/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct
{
    const char *dir;        /* output directory (created if missing) */
    const char *name;       /* base name, default "synccert-report" */
    int small;              /* a short report (for tests): few activations and dimensions */
    slong digits;           /* digits of the tables (default 10) */
    int compile;            /* run latexmk when available */
    int progress;           /* progress lines on stderr */
    FILE *summary;          /* plain-text summary (NULL: none) */
    double budget;          /* seconds per activation for c_p (default 30) */
    /* outputs */
    int compiled;           /* the PDF was produced */
    int latexmk_missing;    /* compile asked but latexmk not found */
    slong undecided;        /* undecided entries in the tables */
}
sc_report_opts;

/* Defaults: dir "reports", name "synccert-report", 10 digits, compile,
   c_p budget 30 s, no progress, no summary.  The options own nothing: there
   is no clear. */
void sc_report_opts_init(sc_report_opts *o);

/* Write (and maybe compile) the report.  NAME is letters, digits, '_', '-',
   '+' and '.', not starting with '-' or '.' (at most 100 characters).  The
   .tex is written to a temporary file renamed to DIR/NAME.tex when
   complete (sc_outfile); when the run's deadline (sc_deadline_set) passes
   or an interruption is asked for, nothing is written.  latexmk runs
   without a shell.  With o->progress, one line per section (and per
   activation of each table) on stderr.  SC_OK, SC_ERR_INPUT (bad name,
   cannot create the directory or file), SC_ERR_IO (writing failed),
   SC_ERR_BUDGET, SC_ERR_INTERRUPTED, SC_ERR_UNSUPPORTED (latexmk failed:
   see DIR/NAME.latexmk.log); a message is recorded with sc_error. */
int sc_report_write(sc_report_opts *o);

/* Extra sections.  Each hook writes one \section{...} to `tex` and may print
   a few lines to `summary` (which may be NULL); it returns SC_OK or an error
   (then the report says the section failed and goes on).  The list lives in
   src/report/hooks.c (it holds the comparison of simulated and certified
   values); to add a section, add one line there. */
typedef int (*sc_report_section_fn)(FILE *tex, FILE *summary, const sc_report_opts *o);

typedef struct
{
    const char *title;
    sc_report_section_fn fn;
}
sc_report_hook;

extern const sc_report_hook sc_report_hooks[];   /* terminated by { NULL, NULL } */

#ifdef __cplusplus
}
#endif

#endif
