/* Private to src/report: the sections of the report and what they share
   (not installed).  A section writes one \section{...} (and its tables and
   figures) to tex and may add a few lines to o->summary. */
#ifndef SC_REPORT_SECTIONS_H
#define SC_REPORT_SECTIONS_H

#include <stdio.h>
#include "synccert/report.h"

/* "synccert report: WHAT" on stderr when o->progress. */
void _sc_report_progress(const sc_report_opts *o, const char *what);

/* Build, compute and write one LaTeX table of certified quantities (see
   table.h: activations acts, dimensions dims or NULL, quantities quant,
   label, caption lead).  Its undecided cells are added to o->undecided; a
   text copy goes to o->summary when plain != NULL, headed by plain unless
   it is "".  If the table cannot be computed, a paragraph says why and the
   status is returned. */
int _sc_report_table(FILE *tex, sc_report_opts *o, const char *acts, const char *dims,
                     const char *quant, const char *label, const char *lead, const char *plain);

/* The document around the sections (document.c): the header comment and
   preamble; the closing "Reproducing this report" section. */
void _sc_report_begin(FILE *tex, const sc_report_opts *o);
void _sc_report_end(FILE *tex, const sc_report_opts *o);

/* The built-in sections, in the order of the document. */
void _sc_report_sec_model(FILE *tex, sc_report_opts *o);        /* sec_model.c */
void _sc_report_sec_kernel(FILE *tex, sc_report_opts *o);       /* sec_kernel.c */
void _sc_report_sec_sync(FILE *tex, sc_report_opts *o);         /* sec_sync.c */
void _sc_report_sec_regions(FILE *tex, sc_report_opts *o);      /* sec_regions.c */
void _sc_report_sec_coercivity(FILE *tex, sc_report_opts *o);   /* sec_coercivity.c */
void _sc_report_sec_rqf(FILE *tex, sc_report_opts *o);          /* sec_rqf.c */
void _sc_report_sec_pair(FILE *tex, sc_report_opts *o);         /* sec_pair.c */

/* Registered in hooks.c (sec_sim.c). */
int _sc_report_sec_sim(FILE *tex, FILE *summary, const sc_report_opts *o);

/* Compile DIR/NAME.tex to DIR/NAME.pdf with latexmk (compile.c): sets
   o->compiled or o->latexmk_missing; SC_ERR_UNSUPPORTED if latexmk fails. */
int _sc_report_compile(sc_report_opts *o);

#endif
