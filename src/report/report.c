/* The certified report (see include/synccert/report.h): the driver
   sc_report_write, the output directory and file, and what the sections
   share (progress lines, tables).  One file per section: sec_*.c. */
#include <string.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include "synccert/report.h"
#include "synccert/table.h"
#include "sections.h"

void sc_report_opts_init(sc_report_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->dir = "reports";
    o->name = "synccert-report";
    o->digits = 10;
    o->compile = 1;
    o->budget = 30;
}

void _sc_report_progress(const sc_report_opts *o, const char *what)
{
    if (o->progress)
    {
        fprintf(stderr, "synccert report: %s\n", what);
        fflush(stderr);
    }
}

int _sc_report_table(FILE *tex, sc_report_opts *o, const char *acts, const char *dims,
                     const char *quant, const char *label, const char *lead, const char *plain)
{
    sc_table t;
    int st;
    sc_table_init(&t);
    t.digits = o->digits;
    t.progress = o->progress;
    t.cp_budget = o->budget;
    if ((st = sc_table_set_acts(&t, acts)) != SC_OK ||
        (dims && (st = sc_table_set_dims(&t, dims)) != SC_OK) ||
        (st = sc_table_set_quantities(&t, quant)) != SC_OK ||
        (st = sc_table_compute(&t)) != SC_OK)
    {
        fprintf(tex, "\\paragraph{Table not available.} %s\n\n", sc_last_error());
        sc_table_clear(&t);
        return st;
    }
    sc_table_write(tex, &t, SC_TF_LATEX, label, lead);
    o->undecided += sc_table_count(&t, SC_CELL_UNDECIDED);
    if (plain != NULL && o->summary)
    {
        if (plain[0])
            fprintf(o->summary, "\n%s\n", plain);
        sc_table_write(o->summary, &t, SC_TF_TEXT, NULL, NULL);
    }
    sc_table_clear(&t);
    return SC_OK;
}

/* mkdir -p dir; 0 if dir is then a directory. */
static int make_dir(const char *dir)
{
    char *p = flint_malloc(strlen(dir) + 1), *s;
    struct stat sb;
    int ok = 1;
    strcpy(p, dir);
    for (s = p + 1; *s && ok; s++)
        if (*s == '/')
        {
            *s = '\0';
            ok = mkdir(p, 0777) == 0 || errno == EEXIST;
            *s = '/';
        }
    ok = ok && (mkdir(p, 0777) == 0 || errno == EEXIST);
    flint_free(p);
    return ok && stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode) ? 0 : -1;
}

/* The built-in sections in the order of the document, each announced by a
   progress line (NULL: none); the hooks of hooks.c follow the RQF section. */
static const struct
{
    const char *progress;
    void (*write)(FILE *tex, sc_report_opts *o);
}
sections[] = {
    { NULL, _sc_report_sec_model },
    { "kernel table", _sc_report_sec_kernel },
    { "synchronisation table", _sc_report_sec_sync },
    { "figure: certified regions (certify run)", _sc_report_sec_regions },
    { "coercivity table", _sc_report_sec_coercivity },
    { "RQF section", _sc_report_sec_rqf },
    { "two tokens section", _sc_report_sec_pair },
};

static void write_hooks(FILE *tex, sc_report_opts *o)
{
    char msg[128];
    int i;
    for (i = 0; sc_report_hooks[i].fn != NULL; i++)
    {
        snprintf(msg, sizeof msg, "section: %s", sc_report_hooks[i].title);
        _sc_report_progress(o, msg);
        if (sc_report_hooks[i].fn(tex, o->summary, o) != SC_OK)
        {
            char *e = sc_tex_escape(sc_last_error());
            fprintf(tex, "\\section{%s}\nThis section could not be produced: %s\n\n", sc_report_hooks[i].title, e);
            flint_free(e);
        }
    }
}

static void write_document(FILE *tex, sc_report_opts *o)
{
    size_t i;
    if (o->summary)
        fprintf(o->summary, "synccert report: certified results (sigma = 1, q = 1, s = 0 unless stated).\n"
                "Every number is an enclosure printed with certified digits: |x - S| <= u/2.\n");
    _sc_report_begin(tex, o);
    for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
    {
        if (sections[i].progress != NULL)
            _sc_report_progress(o, sections[i].progress);
        sections[i].write(tex, o);
    }
    write_hooks(tex, o);
    _sc_report_end(tex, o);
}

/* Write DIR/NAME.tex through a temporary file renamed on success
   (sc_outfile), so that a run that fails, runs out of time or is
   interrupted leaves the previous report intact.  A report whose sections
   were cut short by the run's deadline or an interruption is not written:
   its tables would say "timed out" where the computation was stopped. */
static int write_tex(sc_report_opts *o, const char *path)
{
    sc_outfile out;
    int st;
    if ((st = sc_outfile_open(&out, path)) != SC_OK)
        return st;
    write_document(out.f, o);
    if (sc_interrupted())
        st = sc_error(SC_ERR_INTERRUPTED, "interrupted");
    else if (sc_deadline_passed())
        st = sc_error(SC_ERR_BUDGET, "time budget of %g s exhausted before the report was complete",
                      sc_deadline_seconds());
    if (st != SC_OK)
    {
        sc_outfile_abort(&out);
        return st;
    }
    return sc_outfile_commit(&out);
}

/* A report name: letters, digits, '_', '-', '+', '.', not starting with
   '-' or '.', at most 100 characters, so that it is a plain file name for
   the shell-free latexmk call and for LaTeX. */
static int name_ok(const char *s)
{
    size_t i, n = strlen(s);
    if (n == 0 || n > 100 || s[0] == '-' || s[0] == '.')
        return 0;
    for (i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
              s[i] == '_' || s[i] == '-' || s[i] == '+' || s[i] == '.'))
            return 0;
    return 1;
}

int sc_report_write(sc_report_opts *o)
{
    char *path;
    int st;
    double t0 = sc_clock_seconds();

    o->compiled = o->latexmk_missing = 0;
    o->undecided = 0;
    if (o->dir == NULL || o->dir[0] == '\0')
        return sc_error(SC_ERR_INPUT, "empty output directory");
    if (o->name == NULL || !name_ok(o->name))
        return sc_error(SC_ERR_INPUT, "bad report name '%s': use letters, digits, '_', '-', '+' and '.', "
                        "not first '-' or '.', at most 100 characters", o->name ? o->name : "");
    if (make_dir(o->dir) != 0)
        return sc_error(SC_ERR_INPUT, "cannot create directory '%s': %s", o->dir, strerror(errno));
    path = flint_malloc(strlen(o->dir) + strlen(o->name) + 16);
    sprintf(path, "%s/%s.tex", o->dir, o->name);
    if ((st = write_tex(o, path)) == SC_OK && o->summary)
        fprintf(o->summary, "\n%ld undecided entries; tables computed in %.1f s; LaTeX source %s\n",
                (long) o->undecided, sc_clock_seconds() - t0, path);
    if (st == SC_OK && o->compile)
    {
        st = _sc_report_compile(o);
        if (o->summary && o->compiled)
            fprintf(o->summary, "PDF: %s/%s.pdf\n", o->dir, o->name);
        else if (o->summary && o->latexmk_missing)
            fprintf(o->summary, "latexmk not found: PDF not made (scripts/install-deps report)\n");
    }
    flint_free(path);
    return st;
}
