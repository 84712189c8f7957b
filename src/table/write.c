/* Writing tables of certified quantities as LaTeX, CSV, Markdown or plain
   text (see include/synccert/table.h).  Nothing here computes: every number
   is the digit string the verified printer produced for the cell, laid out
   (LaTeX: sign as $-$, exponent as \times 10^{e}) without changing a digit. */
#include <string.h>
#include <ctype.h>
#include "synccert/table.h"
#include "synccert/parse.h"

static char *dupstr(const char *s)
{
    size_t n = strlen(s);
    char *r = flint_malloc(n + 1);
    memcpy(r, s, n + 1);
    return r;
}

char *sc_tex_escape(const char *s)
{
    size_t n = strlen(s), i, k = 0;
    char *r = flint_malloc(16 * n + 1);
    for (i = 0; i < n; i++)
    {
        const char *rep = NULL;
        switch (s[i])
        {
            case '_': rep = "\\_"; break;
            case '%': rep = "\\%"; break;
            case '&': rep = "\\&"; break;
            case '#': rep = "\\#"; break;
            case '$': rep = "\\$"; break;
            case '{': rep = "\\{"; break;
            case '}': rep = "\\}"; break;
            case '~': rep = "\\textasciitilde{}"; break;
            case '^': rep = "\\textasciicircum{}"; break;
            case '\\': rep = "\\textbackslash{}"; break;
            default: break;
        }
        if (rep)
        {
            strcpy(r + k, rep);
            k += strlen(rep);
        }
        else
            r[k++] = s[i];
    }
    r[k] = '\0';
    return r;
}

char *sc_tex_number(const char *d, int split)
{
    const char *p = d, *dot, *e;
    char *r = flint_malloc(strlen(d) + 64);
    size_t k = 0;
    int neg = 0;

    if (strcmp(d, "inf") == 0 || strcmp(d, "-inf") == 0)
    {
        sprintf(r, "%s$%s\\infty$%s", split ? "" : "", d[0] == '-' ? "-" : "", split ? " &" : "");
        return r;
    }
    if (strcmp(d, "nan") == 0)
    {
        sprintf(r, "%s", split ? "\\multicolumn{2}{c}{undefined}" : "undefined");
        return r;
    }
    if (*p == '-')
    {
        neg = 1;
        p++;
    }
    if (p[0] == '0' && p[1] == 'e')
    {
        /* a zero with an exponent: |x| <= 10^e / 2 < 10^e */
        sprintf(r, split ? "\\multicolumn{2}{c}{$|{\\cdot}| < 10^{%s}$}" : "$|{\\cdot}| < 10^{%s}$", p + 2);
        return r;
    }
    e = strchr(p, 'e');
    dot = strchr(p, '.');
    if (dot != NULL && e != NULL && dot > e)
        dot = NULL;
    if (neg)
        k += sprintf(r + k, "$-$");
    /* integer part */
    {
        const char *end = dot ? dot : (e ? e : p + strlen(p));
        memcpy(r + k, p, end - p);
        k += end - p;
        p = end;
    }
    if (split)
        k += sprintf(r + k, " & ");
    if (dot != NULL)
    {
        const char *end = e ? e : p + strlen(p);
        memcpy(r + k, p, end - p);
        k += end - p;
        p = end;
    }
    if (e != NULL)
        k += sprintf(r + k, "${}\\times 10^{%s}$", e + 1);
    r[k] = '\0';
    return r;
}

char *sc_table_act_name(const sc_act_t act)
{
    const sc_act_def *d = act->def;
    size_t cap = 64 + strlen(d->name);
    slong i;
    char *s, **v;
    v = flint_malloc(sizeof(char *) * (act->npar + 1));
    for (i = 0; i < act->npar; i++)
    {
        v[i] = sc_fmpq_decimal(act->par + i);
        cap += strlen(v[i]) + 16 + (d->params ? strlen(d->params[d->flags & SC_ACT_COEFFS ? 0 : i].name) : 0);
    }
    s = flint_malloc(cap);
    strcpy(s, d->name);
    for (i = 0; i < act->npar; i++)
    {
        if (d->flags & SC_ACT_COEFFS)
        {
            if (fmpq_is_zero(act->par + i))
                continue;
            sprintf(s + strlen(s), "%s%s%ld=%s", strchr(s, ':') ? "," : ":", d->params[0].name, (long) i, v[i]);
        }
        else
            sprintf(s + strlen(s), "%s%s=%s", i ? "," : ":", d->params[i].name, v[i]);
    }
    for (i = 0; i < act->npar; i++)
        flint_free(v[i]);
    flint_free(v);
    return s;
}

const char *sc_table_digit_note(int latex)
{
    if (latex)
        return "Every number is a certified enclosure printed by the verified digit printer: "
               "a printed value $S$ whose last digit has unit $u$ is the exact value $x$ "
               "correctly rounded, $|x - S| \\le u/2$; fewer digits are printed where the "
               "enclosure does not support more.  \\emph{undecided}: the enclosure did not "
               "determine the answer (no guess is printed); \\emph{none}: no critical "
               "dimension (synchronisation in every $d \\ge 2$); --: not applicable "
               "($p^*$ when $\\lambda > 0$).";
    return "Every number is a certified enclosure printed by the verified digit printer: "
           "a printed value S whose last digit has unit u is the exact value x correctly "
           "rounded, |x - S| <= u/2; fewer digits are printed where the enclosure does not "
           "support more.  'undecided': the enclosure did not determine the answer (no guess "
           "is printed); 'none': no critical dimension (synchronisation in every d >= 2); "
           "'--': not applicable (p* when lambda > 0).";
}

/* Does the table have a d column? */
static int has_dim_col(const sc_table *t)
{
    slong i;
    for (i = 0; i < t->nq; i++)
        if (sc_table_qdim(t->q[i]))
            return 1;
    return 0;
}

/* Column order: d-independent quantities (user order), then d, then the
   d-dependent ones (user order). */
static slong col_order(const sc_table *t, int *cols)
{
    slong i, n = 0;
    for (i = 0; i < t->nq; i++)
        if (!sc_table_qdim(t->q[i]))
            cols[n++] = t->q[i];
    if (has_dim_col(t))
        cols[n++] = -1;     /* the d column */
    for (i = 0; i < t->nq; i++)
        if (sc_table_qdim(t->q[i]))
            cols[n++] = t->q[i];
    return n;
}

static char *params_text(const sc_table *t, int latex)
{
    char *sg = sc_fmpq_decimal(t->sigma), *q = sc_fmpq_decimal(t->wvar), *s = sc_fmpq_decimal(t->bvar), *p = sc_fmpq_decimal(t->p);
    char *r = flint_malloc(strlen(sg) + strlen(q) + strlen(s) + strlen(p) + 200);
    int cp = 0;
    slong i;
    for (i = 0; i < t->nq; i++)
        if (t->q[i] == SC_TQ_CP)
            cp = 1;
    if (latex)
        sprintf(r, "$\\sigma = %s$, weight variance $q = %s$, bias variance $s = %s$%s%s%s", sg, q, s,
                cp ? ", $c_p$ at $p = " : "", cp ? p : "", cp ? "$" : "");
    else
        sprintf(r, "sigma = %s, q = %s, s = %s%s%s", sg, q, s, cp ? ", c_p at p = " : "", cp ? p : "");
    flint_free(sg); flint_free(q); flint_free(s); flint_free(p);
    return r;
}

static void write_latex(FILE *f, const sc_table *t, const char *label, const char *lead)
{
    int cols[SC_TQ_N + 1];
    slong nc = col_order(t, cols), ia, id, c, nd = FLINT_MAX(t->ndims, 1);
    int dimcol = has_dim_col(t);
    char *pt = params_text(t, 1);

    fprintf(f, "%% generated by synccert %s; needs \\usepackage{booktabs}\n", SC_VERSION);
    fprintf(f, "\\begin{table}[htbp]\n\\centering\n\\footnotesize\n\\setlength{\\tabcolsep}{4pt}\n");
    fprintf(f, "\\caption{%s%sCertified values for %s. %s}\n", lead ? lead : "", lead ? " " : "", pt,
            sc_table_digit_note(1));
    fprintf(f, "\\label{%s}\n", label ? label : "tab:synccert");
    fprintf(f, "\\begin{tabular}{l");
    for (c = 0; c < nc; c++)
    {
        if (cols[c] < 0)
            fprintf(f, "r");
        else if (cols[c] == SC_TQ_VERDICT || cols[c] == SC_TQ_ANTI)
            fprintf(f, "c");
        else
            fprintf(f, "r@{}l");
    }
    fprintf(f, "}\n\\toprule\nactivation");
    for (c = 0; c < nc; c++)
    {
        if (cols[c] < 0)
            fprintf(f, " & $d$");
        else if (cols[c] == SC_TQ_VERDICT || cols[c] == SC_TQ_ANTI)
            fprintf(f, " & %s", sc_table_qlatex(cols[c]));
        else
            fprintf(f, " & \\multicolumn{2}{c}{%s}", sc_table_qlatex(cols[c]));
    }
    fprintf(f, " \\\\\n\\midrule\n");
    for (ia = 0; ia < t->nacts; ia++)
    {
        char *nm = sc_table_act_name(t->acts + ia), *enm = sc_tex_escape(nm);
        if (ia > 0)
            fprintf(f, "\\addlinespace\n");
        for (id = 0; id < (dimcol ? nd : 1); id++)
        {
            if (id == 0)
                fprintf(f, "\\texttt{%s}", enm);
            for (c = 0; c < nc; c++)
            {
                int q = cols[c];
                int pair = q >= 0 && q != SC_TQ_VERDICT && q != SC_TQ_ANTI;
                const sc_tcell *cl;
                if (q < 0)
                {
                    char *ds = fmpz_get_str(NULL, 10, t->dims + id);
                    fprintf(f, " & %s", ds);
                    flint_free(ds);
                    continue;
                }
                if (!sc_table_qdim(q) && id > 0)
                {
                    fprintf(f, pair ? " & &" : " &");
                    continue;
                }
                cl = sc_table_cell(t, ia, sc_table_qdim(q) ? id : 0, q);
                if (cl->kind == SC_CELL_NUM)
                {
                    char *tx = sc_tex_number(cl->str, pair);
                    fprintf(f, " & %s", tx);
                    flint_free(tx);
                }
                else
                {
                    const char *w = cl->kind == SC_CELL_EMPTY ? "" : cl->str;
                    char *ew = strcmp(w, "--") == 0 ? dupstr("--") :
                               strcmp(w, "-inf") == 0 ? dupstr("$-\\infty$") : sc_tex_escape(w);
                    int emph = cl->kind == SC_CELL_UNDECIDED || cl->kind == SC_CELL_FAILED;
                    if (pair)
                        fprintf(f, " & \\multicolumn{2}{c}{%s%s%s}", emph ? "\\emph{" : "", ew, emph ? "}" : "");
                    else
                        fprintf(f, " & %s%s%s", emph ? "\\emph{" : "", ew, emph ? "}" : "");
                    flint_free(ew);
                }
            }
            fprintf(f, " \\\\\n");
        }
        flint_free(nm);
        flint_free(enm);
    }
    fprintf(f, "\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    flint_free(pt);
}

static int csv_needs_quotes(const char *s)
{
    return strpbrk(s, ",\"\n") != NULL;
}

static void csv_field(FILE *f, const char *s, int first)
{
    if (!first)
        fputc(',', f);
    if (csv_needs_quotes(s))
    {
        fputc('"', f);
        for (; *s; s++)
        {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    }
    else
        fputs(s, f);
}

static void write_csv(FILE *f, const sc_table *t)
{
    int cols[SC_TQ_N + 1];
    slong nc = col_order(t, cols), ia, id, c, nd = FLINT_MAX(t->ndims, 1);
    int dimcol = has_dim_col(t);
    csv_field(f, "activation", 1);
    for (c = 0; c < nc; c++)
        csv_field(f, cols[c] < 0 ? "d" : sc_table_qname(cols[c]), 0);
    fputc('\n', f);
    for (ia = 0; ia < t->nacts; ia++)
    {
        char *nm = sc_table_act_name(t->acts + ia);
        for (id = 0; id < (dimcol ? nd : 1); id++)
        {
            csv_field(f, nm, 1);
            for (c = 0; c < nc; c++)
            {
                int q = cols[c];
                if (q < 0)
                {
                    char *ds = fmpz_get_str(NULL, 10, t->dims + id);
                    csv_field(f, ds, 0);
                    flint_free(ds);
                }
                else
                    csv_field(f, sc_table_cell(t, ia, sc_table_qdim(q) ? id : 0, q)->str, 0);
            }
            fputc('\n', f);
        }
        flint_free(nm);
    }
}

/* Markdown and plain text share the grid of strings. */
static void write_grid(FILE *f, const sc_table *t, int markdown)
{
    int cols[SC_TQ_N + 1];
    slong nc = col_order(t, cols), ia, id, c, nd = FLINT_MAX(t->ndims, 1), nrows, r;
    int dimcol = has_dim_col(t);
    size_t w[SC_TQ_N + 2];
    const char ***grid;
    char **owned;
    slong nown = 0;
    char *pt = params_text(t, 0);

    nrows = t->nacts * (dimcol ? nd : 1);
    grid = flint_malloc(sizeof(char **) * (nrows + 1));
    owned = flint_malloc(sizeof(char *) * (nrows * 2 + 1));
    grid[0] = flint_malloc(sizeof(char *) * (nc + 1));
    grid[0][0] = "activation";
    for (c = 0; c < nc; c++)
        grid[0][c + 1] = cols[c] < 0 ? "d" : sc_table_qtext(cols[c]);
    r = 1;
    for (ia = 0; ia < t->nacts; ia++)
        for (id = 0; id < (dimcol ? nd : 1); id++, r++)
        {
            grid[r] = flint_malloc(sizeof(char *) * (nc + 1));
            if (id == 0)
                grid[r][0] = owned[nown++] = sc_table_act_name(t->acts + ia);
            else
                grid[r][0] = "";
            for (c = 0; c < nc; c++)
            {
                int q = cols[c];
                if (q < 0)
                    grid[r][c + 1] = owned[nown++] = fmpz_get_str(NULL, 10, t->dims + id);
                else if (!sc_table_qdim(q) && id > 0)
                    grid[r][c + 1] = "";
                else
                    grid[r][c + 1] = sc_table_cell(t, ia, sc_table_qdim(q) ? id : 0, q)->str;
            }
        }
    for (c = 0; c <= nc; c++)
    {
        w[c] = 0;
        for (r = 0; r <= nrows; r++)
            w[c] = FLINT_MAX(w[c], strlen(grid[r][c]));
    }
    if (markdown)
        fprintf(f, "Certified values for %s.\n\n", pt);
    for (r = 0; r <= nrows; r++)
    {
        for (c = 0; c <= nc; c++)
        {
            if (markdown)
                fprintf(f, "| %-*s ", (int) w[c], grid[r][c]);
            else if (c < nc)
                fprintf(f, "%s%-*s", c ? "  " : "", (int) w[c], grid[r][c]);
            else
                fprintf(f, "%s%s", c ? "  " : "", grid[r][c]);
        }
        if (markdown)
            fputc('|', f);
        else
        {
            /* no trailing blanks */
        }
        fputc('\n', f);
        if (r == 0)
        {
            for (c = 0; c <= nc; c++)
            {
                size_t k;
                if (markdown)
                {
                    fputs(c == 0 ? "|:" : "|-", f);
                    for (k = 0; k < w[c]; k++)
                        fputc('-', f);
                    fputs(c == 0 ? "-" : ":", f);
                }
                else
                {
                    if (c)
                        fputs("  ", f);
                    for (k = 0; k < w[c]; k++)
                        fputc('-', f);
                }
            }
            fputs(markdown ? "|\n" : "\n", f);
        }
    }
    if (markdown)
        fprintf(f, "\n%s\n", sc_table_digit_note(0));
    else
        fprintf(f, "(%s)\n", pt);
    for (r = 0; r <= nrows; r++)
        flint_free(grid[r]);
    flint_free(grid);
    for (r = 0; r < nown; r++)
        flint_free(owned[r]);
    flint_free(owned);
    flint_free(pt);
}

int sc_table_write(FILE *f, const sc_table *t, int format, const char *label, const char *lead)
{
    if (t->cells == NULL)
        return sc_error(SC_ERR_INPUT, "table not computed");
    switch (format)
    {
        case SC_TF_LATEX: write_latex(f, t, label, lead); break;
        case SC_TF_CSV: write_csv(f, t); break;
        case SC_TF_MARKDOWN: write_grid(f, t, 1); break;
        case SC_TF_TEXT: write_grid(f, t, 0); break;
        default: return sc_error(SC_ERR_INPUT, "unknown table format");
    }
    return ferror(f) ? sc_error(SC_ERR_INPUT, "write error") : SC_OK;
}
