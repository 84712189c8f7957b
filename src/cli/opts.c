/* Long-option parsing shared by all subcommands (see cli.h).  Strict on
   purpose: unknown options, missing values and repeats are errors, never
   silently ignored. */
#include <stdarg.h>
#include <string.h>
#include <ctype.h>
#include <signal.h>
#include <flint/fmpz.h>
#include "cli.h"
#include "synccert/parse.h"

/* One line on stderr: the message with its control characters escaped, so
   that an echoed argument holding a newline cannot split it. */
static void put_line(const char *cmd, const char *msg)
{
    const unsigned char *p;
    if (cmd != NULL)
        fprintf(stderr, "synccert %s: ", cmd);
    else
        fputs("synccert: ", stderr);
    for (p = (const unsigned char *) msg; *p; p++)
    {
        if (*p == '\n')
            fputs("\\n", stderr);
        else if (*p == '\t')
            fputs("\\t", stderr);
        else if (*p == '\r')
            fputs("\\r", stderr);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(stderr, "\\x%02x", *p);
        else
            fputc(*p, stderr);
    }
    fputc('\n', stderr);
}

int sc_cli_fail(const char *cmd, int code, const char *fmt, ...)
{
    va_list ap;
    char buf[1024];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put_line(cmd, buf);
    return code;
}

int sc_cli_lib_fail(const char *cmd, int status)
{
    const char *msg = sc_last_error();
    if (sc_interrupted() || status == SC_ERR_INTERRUPTED)
    {
        int sig = sc_interrupted();
        sc_cli_fail(cmd, 0, "interrupted by %s; nothing was written",
                    sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : "a signal");
        return sc_cli_interrupted_exit();
    }
    sc_cli_fail(cmd, 0, "%s", msg[0] ? msg : "computation failed");
    return status == SC_ERR_INPUT ? SC_EXIT_USAGE : SC_EXIT_FAIL;
}

int sc_cli_done(const char *cmd, int st)
{
    return st == SC_OK && !sc_interrupted() ? 0 : sc_cli_lib_fail(cmd, st);
}

/* --budget S (sc_parse_budget: the bindings' check too). */
static int budget_value(double *sec, const char *s, const char *cmd)
{
    return sc_parse_budget(sec, s) == SC_OK ? 0 : sc_cli_fail(cmd, SC_EXIT_USAGE, "%s", sc_last_error());
}

int sc_cli_parse(int argc, char **argv, const sc_opt *opts, int nopts,
                 const char **pos, int maxpos, int *npos)
{
    const char *cmd = argv[0], *budget = NULL;
    const sc_cmd *c = sc_cli_find(cmd);
    double sec = sc_budget_default(c != NULL ? c->name : cmd);
    sc_opt budget_opt = { "budget", 1, &budget };
    int i, k, rc;

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
        if (o == NULL && len == 6 && strncmp(a + 2, "budget", 6) == 0)
            o = &budget_opt;        /* every command's --budget */
        if (o == NULL)
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "unknown option '%.*s' (see 'synccert help %s')",
                               (int) (len + 2), a, cmd);
        if (!o->has_arg)
        {
            if (eq)
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "option --%s takes no value", o->name);
            if (*o->flag)
                return sc_cli_fail(cmd, SC_EXIT_USAGE, "option --%s given twice", o->name);
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
    if (budget != NULL && (rc = budget_value(&sec, budget, cmd)) != 0)
        return rc;
    sc_cli_deadline_start(cmd, sec);
    return 0;
}

int sc_cli_fmpq(fmpq_t x, const char *s, const char *dflt, const char *cmd, const char *what)
{
    if (sc_parse_fmpq(x, s ? s : dflt, what) != SC_OK)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "%s", sc_last_error());
    return 0;
}

int sc_cli_slong(slong *x, const char *s, const char *cmd, const char *what, slong lo, slong hi)
{
    if (s != NULL && sc_parse_slong(x, s, what, lo, hi) != SC_OK)
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

int sc_cli_act(sc_act_t act, const char *spec, const char *cmd)
{
    int st = sc_act_parse(act, spec);
    if (st != SC_OK)
        return sc_cli_lib_fail(cmd, st);
    return 0;
}

int sc_cli_dim(fmpz_t d, const char *s, const char *cmd)
{
    size_t i, n;
    if (s == NULL)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--dim D is required (an integer >= 2)");
    n = strlen(s);
    if (n == 0 || n > 31)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--dim must be an integer in [2, 10^30], got '%s'", s);
    for (i = 0; i < n; i++)
        if (!isdigit((unsigned char) s[i]))
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "--dim must be an integer in [2, 10^30], got '%s'", s);
    fmpz_set_str(d, s, 10);
    if (fmpz_cmp_si(d, 2) < 0)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "--dim must be >= 2, got '%s'", s);
    {
        fmpz_t mx;
        int big;
        fmpz_init(mx);
        fmpz_ui_pow_ui(mx, 10, 30);
        big = fmpz_cmp(d, mx) > 0;
        fmpz_clear(mx);
        if (big)
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "--dim must be at most 10^30, got '%s'", s);
    }
    return 0;
}

int sc_cli_sqs(fmpq_t sigma, const char *ssig, fmpq_t q, const char *sq,
                fmpq_t s, const char *ss, const char *cmd)
{
    if (sigma != NULL)
    {
        if (sc_cli_fmpq(sigma, ssig, "1", cmd, "--sigma"))
            return SC_EXIT_USAGE;
        if (fmpq_sgn(sigma) <= 0)
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "--sigma must be > 0, got '%s'", ssig);
    }
    if (q != NULL)
    {
        if (sc_cli_fmpq(q, sq, "1", cmd, "--weight-var"))
            return SC_EXIT_USAGE;
        if (fmpq_sgn(q) <= 0)
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "--weight-var must be > 0, got '%s'", sq);
    }
    if (s != NULL)
    {
        if (sc_cli_fmpq(s, ss, "0", cmd, "--bias-var"))
            return SC_EXIT_USAGE;
        if (fmpq_sgn(s) < 0)
            return sc_cli_fail(cmd, SC_EXIT_USAGE, "--bias-var must be >= 0, got '%s'", ss);
    }
    return 0;
}

int sc_cli_num(fmpq_t x, const char *s, const char *dflt, const char *cmd,
               const char *what, int rule)
{
    if (sc_cli_fmpq(x, s, dflt, cmd, what))
        return SC_EXIT_USAGE;
    if (rule == SC_CLI_POS && fmpq_sgn(x) <= 0)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "%s must be > 0, got '%s'", what, s ? s : dflt);
    if (rule == SC_CLI_NONNEG && fmpq_sgn(x) < 0)
        return sc_cli_fail(cmd, SC_EXIT_USAGE, "%s must be >= 0, got '%s'", what, s ? s : dflt);
    return 0;
}
