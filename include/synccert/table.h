/* synccert: tables of certified quantities (`synccert table`, the report).

   A table has one row per (activation, dimension) and one column per
   requested quantity.  Every number in it is an Arb enclosure printed by the
   verified digit printer (sc_arb_digits, see print.h): the printed string S
   with last-digit unit u satisfies |x - S| <= u/2 for the exact value x, and
   fewer digits are printed when the enclosure does not support more.  An
   entry that cannot be decided (a sign, a critical dimension) is a word
   ("undecided", "not certified", ...), never a guessed number.

   Quantities that do not depend on d (K(1), K'(1), K(-1), v, the antipodal
   classification, d*) are computed once per activation; LaTeX, Markdown and
   text output print them on the first row of the activation's group only,
   CSV repeats them on every row. */
#ifndef SYNCCERT_TABLE_H
#define SYNCCERT_TABLE_H

#include <stdio.h>
#include <arb.h>
#include <flint/fmpz.h>
#include <flint/fmpq.h>
#include "synccert/act.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Quantities (columns).  Names for --quantities in sc_table_qname. */
enum {
    SC_TQ_K1 = 0,   /* K(1) */
    SC_TQ_DK1,      /* K'(1) */
    SC_TQ_KM1,      /* K(-1) */
    SC_TQ_V,        /* v = sigma^2 (K(1) + K'(1)) */
    SC_TQ_ANTI,     /* antipodal set: repelling / attracting / neutral */
    SC_TQ_DSTAR,    /* critical dimension d* */
    SC_TQ_LAMBDA,   /* two-point Lyapunov exponent (depends on d) */
    SC_TQ_PSTAR,    /* p* = -2 lambda / v when lambda < 0 */
    SC_TQ_VERDICT,  /* synchronises: yes / no / undecided */
    SC_TQ_CP,       /* noise coercivity constant c_p at the table's p */
    SC_TQ_N
};

/* Output formats. */
enum { SC_TF_LATEX = 0, SC_TF_CSV, SC_TF_MARKDOWN, SC_TF_TEXT };

/* Cell kinds. */
enum {
    SC_CELL_EMPTY = 0,  /* not computed (quantity not requested) */
    SC_CELL_NUM,        /* x is an enclosure, str its certified digit string */
    SC_CELL_WORD,       /* str is a word: a verdict, "none", "--" (not applicable) */
    SC_CELL_UNDECIDED,  /* the enclosure could not decide (str = "undecided") */
    SC_CELL_FAILED      /* the computation failed (str = short reason) */
};

typedef struct
{
    int kind;
    arb_t x;
    char *str;          /* flint_malloc'ed */
}
sc_tcell;

typedef struct
{
    /* inputs */
    slong nacts;
    sc_act_struct *acts;
    slong ndims;
    fmpz *dims;
    slong nq;
    int q[SC_TQ_N];         /* requested quantities, in column order */
    fmpq_t sigma, wvar, bvar, p;   /* sigma, q, s and the exponent of c_p */
    slong digits;           /* digits of every number (default 10) */
    slong cp_digits;        /* digits asked of c_p (default min(digits, 6)) */
    double cp_budget;       /* seconds per activation for c_p (0: none) */
    int progress;           /* progress lines on stderr */
    /* results: cells[(ia * ndims + id) * SC_TQ_N + quantity] */
    sc_tcell *cells;
    double seconds;
}
sc_table;

/* init: no activations, dimensions or quantities (see
   sc_table_set_defaults), sigma = q = 1, s = 0, p = 1/2, 10 digits, c_p
   digits min(digits, 6), c_p budget 60 s, no progress.  clear frees the
   lists and the cells. */
void sc_table_init(sc_table *t);
void sc_table_clear(sc_table *t);

/* Name of a quantity for --quantities ("K1", "dK1", ...), its header in
   plain text ("K(1)") and in LaTeX ("$K(1)$"). */
const char *sc_table_qname(int q);
const char *sc_table_qtext(int q);
const char *sc_table_qlatex(int q);
/* Does quantity q depend on the dimension d? */
int sc_table_qdim(int q);

/* Parse the lists (replacing the current ones).  Activations: comma
   separated specs; a piece "key=value" without a name continues the previous
   spec's parameters ("leaky_relu:alpha=0.1,relu"); "all" = every built-in
   with a non-trivial default (not poly, hermite).  Dimensions: integers
   >= 2, comma separated.  Quantities: names of sc_table_qname, comma
   separated, or "all".  SC_ERR_INPUT with a message on bad input. */
int sc_table_set_acts(sc_table *t, const char *list);
int sc_table_set_dims(sc_table *t, const char *list);
int sc_table_set_quantities(sc_table *t, const char *list);

/* Defaults: all built-ins, d = 4, 32, quantities K1,dK1,dstar,lambda,pstar,verdict. */
void sc_table_set_defaults(sc_table *t);

/* Compute every cell.  Individual failures end up in their cells (FAILED);
   the return value is SC_OK unless the inputs are invalid. */
int sc_table_compute(sc_table *t);

/* The cell of activation ia, dimension index id, quantity q.  Quantities
   that do not depend on d live at id = 0 only. */
sc_tcell *sc_table_cell(const sc_table *t, slong ia, slong id, int q);

/* Number of printed cells of kind `kind` (SC_CELL_*) in a computed table:
   each requested quantity once per activation, or once per (activation, d)
   when it depends on d.  0 before sc_table_compute. */
slong sc_table_count(const sc_table *t, int kind);

/* Write the table.  LaTeX: a complete table environment (booktabs; numbers
   aligned on the decimal point with r@{}l column pairs) with a caption
   stating the model parameters and what the last digit means, and label
   `label` (NULL: tab:synccert).  Needs only \usepackage{booktabs}.
   SC_OK, or SC_ERR_IO when the stream reports an error (atomic files:
   sc_outfile_open in common.h). */
int sc_table_write(FILE *f, const sc_table *t, int format, const char *label,
                   const char *caption_lead);

/* The format named "latex", "csv", "markdown" (or "md") or "text";
   SC_ERR_INPUT with a message for any other name. */
int sc_table_parse_format(int *format, const char *name);

/* The caption sentence on what a printed digit means (LaTeX or plain). */
const char *sc_table_digit_note(int latex);

/* --- LaTeX helpers shared with the report (src/table/tex.c) --- */

/* Escape text for LaTeX (caller frees with flint_free). */
char *sc_tex_escape(const char *s);
/* A certified digit string as LaTeX (sign as $-$, exponent as \times 10^{e},
   "inf" as $\infty$); if split, the part up to the decimal point and the rest
   are separated by " & " (for r@{}l column pairs).  Caller frees. */
char *sc_tex_number(const char *digits, int split);
/* Canonical display name of an activation ("leaky_relu:alpha=0.01"). */
char *sc_table_act_name(const sc_act_t act);

#ifdef __cplusplus
}
#endif

#endif
