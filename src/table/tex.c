/* LaTeX helpers shared by the tables and the report (see
   include/synccert/table.h): escaping, certified digit strings laid out for
   LaTeX without changing a digit, display names of activations, and the
   sentence on what a printed digit means. */
#include <string.h>
#include "synccert/table.h"
#include "synccert/parse.h"

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
        sprintf(r, "$%s\\infty$%s", d[0] == '-' ? "-" : "", split ? " &" : "");
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
            sprintf(s + strlen(s), "%s%s=%s", (d->flags & SC_ACT_OWNED) ? ";" : i ? "," : ":",
                    d->params[i].name, v[i]);       /* expr:BODY;b=.. */
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
