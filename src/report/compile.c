/* Compiling the report to PDF with latexmk (when it is on the PATH). */
#include <string.h>
#include <stdlib.h>
#include "synccert/report.h"
#include "sections.h"

/* Single-quote a string for /bin/sh. */
static char *shq(const char *s)
{
    size_t n = strlen(s), k = 0, i;
    char *r = flint_malloc(4 * n + 3);
    r[k++] = '\'';
    for (i = 0; i < n; i++)
    {
        if (s[i] == '\'')
        {
            memcpy(r + k, "'\\''", 4);
            k += 4;
        }
        else
            r[k++] = s[i];
    }
    r[k++] = '\'';
    r[k] = '\0';
    return r;
}

int _sc_report_compile(sc_report_opts *o)
{
    char *qd, *qn, *cmd;
    int rc;
    if (system("command -v latexmk >/dev/null 2>&1") != 0)
    {
        o->latexmk_missing = 1;
        return SC_OK;
    }
    qd = shq(o->dir);
    qn = shq(o->name);
    cmd = flint_malloc(strlen(qd) + 4 * strlen(qn) + 400);
    sprintf(cmd, "cd %s && latexmk -pdf -interaction=nonstopmode -halt-on-error %s.tex "
                 ">%s.latexmk.log 2>&1 </dev/null", qd, qn, qn);
    _sc_report_progress(o, "compiling the PDF with latexmk");
    rc = system(cmd);
    if (rc == 0)
    {
        sprintf(cmd, "cd %s && latexmk -c %s.tex >/dev/null 2>&1 </dev/null; rm -f %s.latexmk.log", qd, qn, qn);
        if (system(cmd) != 0)
        {
            /* leftover auxiliary files are harmless */
        }
        o->compiled = 1;
    }
    flint_free(cmd);
    flint_free(qd);
    flint_free(qn);
    if (rc != 0)
        return sc_error(SC_ERR_UNSUPPORTED, "latexmk failed: see %s/%s.latexmk.log", o->dir, o->name);
    return SC_OK;
}
