/* Long-option parsing shared by all subcommands (see cli.h).  Strict on
   purpose: unknown options, missing values and repeats are errors, never
   silently ignored. */
#include <stdarg.h>
#include <string.h>
#include "cli.h"
#include "synccert/parse.h"

int sc_cli_fail(const char *cmd, int code, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "synccert %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return code;
}

int sc_cli_lib_fail(const char *cmd, int status)
{
    const char *msg = sc_last_error();
    sc_cli_fail(cmd, status == SC_ERR_INPUT ? SC_EXIT_USAGE : SC_EXIT_FAIL,
                "%s", msg[0] ? msg : "computation failed");
    return status == SC_ERR_INPUT ? SC_EXIT_USAGE : SC_EXIT_FAIL;
}

int sc_cli_parse(int argc, char **argv, const sc_opt *opts, int nopts,
                 const char **pos, int maxpos, int *npos)
{
    const char *cmd = argv[0];
    int i, k;

    *npos = 0;
    for (i = 1; i < argc; i++)
    {
        const char *a = argv[i], *eq, *val = NULL;
        size_t len;
        const sc_opt *o = NULL;

        if (strncmp(a, "--", 2) != 0 || a[2] == '\0')
        {
            if (a[0] == '-' && a[1] != '\0' && !(a[1] >= '0' && a[1] <= '9') && a[1] != '.')
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "unknown option '%s' (see 'synccert help %s')", a, cmd);
            if (*npos >= maxpos)
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "unexpected argument '%s' (see 'synccert help %s')", a, cmd);
            pos[(*npos)++] = a;
            continue;
        }
        eq = strchr(a, '=');
        len = eq ? (size_t) (eq - a - 2) : strlen(a + 2);
        for (k = 0; k < nopts; k++)
            if (strlen(opts[k].name) == len && strncmp(opts[k].name, a + 2, len) == 0)
                o = &opts[k];
        if (o == NULL)
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "unknown option '%.*s' (see 'synccert help %s')",
                               (int) (len + 2), a, cmd);
        if (!o->has_arg)
        {
            if (eq)
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "option --%s takes no value", o->name);
            *o->flag = 1;
            continue;
        }
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        else
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "option --%s needs a value", o->name);
        if (o->vals != NULL)
        {
            if (*o->count >= o->nmax)
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "option --%s given too often (at most %d)", o->name, o->nmax);
            o->vals[(*o->count)++] = val;
        }
        else
        {
            if (*o->val != NULL)
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "option --%s given twice", o->name);
            *o->val = val;
        }
    }
    return 0;
}

int sc_cli_fmpq(fmpq_t x, const char *s, const char *dflt, const char *cmd, const char *what)
{
    if (sc_parse_fmpq(x, s ? s : dflt, what) != SC_OK)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "%s", sc_last_error());
    return 0;
}

int sc_cli_digits(slong *digits, const char *s, const char *cmd)
{
    if (s == NULL)
    {
        *digits = 15;
        return 0;
    }
    if (sc_parse_slong(digits, s, "--digits", 1, SC_CLI_DIGITS_MAX) != SC_OK)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "%s", sc_last_error());
    return 0;
}
