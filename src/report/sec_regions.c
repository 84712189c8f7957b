/* Report section: certified regions of a `certify` run (doc/model.md,
   section 4), drawn from the leaves of sc_regime_run. */
#include <stdlib.h>
#include "synccert/report.h"
#include "synccert/regime.h"
#include "synccert/parse.h"
#include "sections.h"

static const char *const fill[3] = { "black!25", "blue!55", "red!55" };   /* by SC_LEAF_* */

/* The run of the figure: erf(cx), c in [1/5, 3], d in 2..dmax, property sync. */
static void regions_problem(sc_regime_problem *P, slong dmax, int small)
{
    fmpq_t lo, hi;
    fmpq_init(lo);
    fmpq_init(hi);
    sc_act_parse(P->act, "erf");
    P->property = SC_PROP_SYNC;
    P->max_depth = small ? 14 : 18;
    P->budget = small ? 10 : 30;
    fmpq_set_si(lo, 1, 5);
    fmpq_set_si(hi, 3, 1);
    sc_regime_add_axis(P, "c", SC_AXIS_ACT, sc_act_param_index(P->act->def, "c"), lo, hi);
    fmpq_set_si(lo, 2, 1);
    fmpq_set_si(hi, dmax, 1);
    sc_regime_add_axis(P, "d", SC_AXIS_DIM, 0, lo, hi);
    fmpq_clear(lo);
    fmpq_clear(hi);
}

/* Order of leaves by the lower end of c (axis 0). */
static int by_c(const void *a, const void *b)
{
    return fmpq_cmp((*(const sc_regime_leaf *const *) a)->lo, (*(const sc_regime_leaf *const *) b)->lo);
}

/* The leaves tile the box.  For each integer d, take the leaves that
   contain it, in order of c (they partition the c range, so the order is
   strict), and merge neighbours of the same class into one rectangle (a few
   per row instead of thousands of boxes). */
static void draw_rows(FILE *tex, const sc_regime_result *R, slong dmax)
{
    const sc_regime_leaf **row = flint_malloc(sizeof(sc_regime_leaf *) * FLINT_MAX(R->nleaves, 1));
    slong d, n, i, j;
    for (d = 2; d <= dmax; d++)
    {
        n = 0;
        for (i = 0; i < R->nleaves; i++)
            if (fmpq_cmp_si(R->leaves[i].lo + 1, d) <= 0 && fmpq_cmp_si(R->leaves[i].hi + 1, d) >= 0)
                row[n++] = R->leaves + i;
        qsort(row, n, sizeof(row[0]), by_c);
        for (i = 0; i < n; i = j)
        {
            for (j = i + 1; j < n && row[j]->cls == row[i]->cls; j++)
                ;
            fprintf(tex, "\\fill[%s] (axis cs:%.6g,%.1f) rectangle (axis cs:%.6g,%.1f);\n",
                    fill[row[i]->cls], fmpq_get_d(row[i]->lo), d - 0.5, fmpq_get_d(row[j - 1]->hi), d + 0.5);
        }
    }
    flint_free(row);
}

static void figure(FILE *tex, const sc_regime_result *R, const sc_regime_problem *P,
                   const slong *counts, slong dmax)
{
    fprintf(tex, "\\begin{figure}[htbp]\n\\centering\n"
                 "\\begin{tikzpicture}\n\\begin{axis}[width=0.92\\textwidth, height=8cm,\n"
                 "  xlabel={$c$ in $\\phi(x)=\\mathrm{erf}(cx)$}, ylabel={dimension $d$},\n"
                 "  xmin=0.2, xmax=3, ymin=1.5, ymax=%ld.5, axis on top,\n"
                 "  legend columns=3, legend style={font=\\footnotesize, at={(0.5,1.03)}, anchor=south}]\n", (long) dmax);
    draw_rows(tex, R, dmax);
    fprintf(tex, "\\addlegendimage{area legend, fill=%s}\\addlegendentry{certified: $\\lambda<0$ on the box}\n", fill[1]);
    fprintf(tex, "\\addlegendimage{area legend, fill=%s}\\addlegendentry{refuted: $\\lambda>0$ on the box}\n", fill[2]);
    fprintf(tex, "\\addlegendimage{area legend, fill=%s}\\addlegendentry{undecided}\n", fill[0]);
    fprintf(tex, "\\end{axis}\n\\end{tikzpicture}\n");
    fprintf(tex, "\\caption{Certified regions of synchronisation for $\\phi(x)=\\mathrm{erf}(cx)$,\n"
                 "$c\\in[0.2,3]$, $d\\in\\{2,\\dots,%ld\\}$ ($\\sigma=1$, $q=1$, $s=0$), from a\n"
                 "\\texttt{certify} run (\\texttt{synccert certify erf --property sync --param c=0.2:3\n"
                 "--dim 2:%ld --max-depth %ld}):\n"
                 "each box is evaluated with ball-valued parameters, so a coloured box is a\n"
                 "statement about \\emph{every} $(c,d)$ in it; boxes are split until decided\n"
                 "or at depth %ld.  %ld boxes certified, %ld refuted, %ld undecided%s.\n"
                 "The undecided strip follows the critical curve $d=d^*(c)$.}\n"
                 "\\label{fig:regions}\n\\end{figure}\n\n",
            (long) dmax, (long) dmax, (long) P->max_depth, (long) P->max_depth, (long) counts[1],
            (long) counts[2], (long) counts[0], R->budget_hit ? " (time budget reached)" : "");
}

void _sc_report_sec_regions(FILE *tex, sc_report_opts *o)
{
    sc_regime_problem P;
    sc_regime_result R;
    slong i, dmax = o->small ? 24 : 40, counts[3] = { 0, 0, 0 };
    double t0 = sc_clock_seconds();

    fprintf(tex, "\\section{Certified regions}\n"
                 "A \\texttt{certify} run covers a whole parameter box with ball arithmetic and\n"
                 "splits it until every piece is decided.  Figure~\\ref{fig:regions} shows the\n"
                 "result for the family $\\phi(x)=\\mathrm{erf}(cx)$: small $c$ makes $\\phi$ nearly\n"
                 "linear ($d^*\\to\\infty$), large $c$ nearly a sign function ($d^*\\to3$).\n\n");
    sc_regime_problem_init(&P);
    sc_regime_result_init(&R);
    regions_problem(&P, dmax, o->small);
    if (sc_regime_run(&R, &P) != SC_OK && R.nleaves == 0)
        fprintf(tex, "\\paragraph{Regions not available.} %s\n\n", sc_last_error());
    else
    {
        for (i = 0; i < R.nleaves; i++)
            counts[R.leaves[i].cls]++;
        figure(tex, &R, &P, counts, dmax);
        if (o->summary)
        {
            char *fr[3];
            for (i = 0; i < 3; i++)
                fr[i] = sc_fmpq_decimal(R.frac[i]);
            fprintf(o->summary, "\ncertify erf, c in [0.2, 3], d in 2..%ld: %ld boxes certified, %ld refuted, "
                    "%ld undecided (%.1f s); area fractions %s / %s / %s\n",
                    (long) dmax, (long) counts[1], (long) counts[2], (long) counts[0],
                    sc_clock_seconds() - t0, fr[1], fr[2], fr[0]);
            for (i = 0; i < 3; i++)
                flint_free(fr[i]);
        }
    }
    sc_regime_result_clear(&R);
    sc_regime_problem_clear(&P);
}
