/* sc_bind_call: the string-in / JSON-out entry point (see bind.h).  The
   command table below names each command's options (the CLI's long
   options); a new command plugs in with one line here and one function
   (doc/python.md). */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <pthread.h>
#include "bindint.h"
#include "synccert/parse.h"
#include "synccert/prec.h"

typedef struct
{
    const char *name;
    const char *const *opts;    /* accepted options; "param" is the repeatable one */
    int (*run)(FILE *f, const char *act, const sc_bind_args *a);
    int needs_act;
}
bind_cmd;

static const char *const kernel_opts[] = { "rho", "digits", "weight-var", "bias-var", "method", "budget", NULL };
static const char *const lyapunov_opts[] = { "dim", "sigma", "weight-var", "bias-var", "p", "digits", "prec-cap",
                                             "budget", NULL };
static const char *const critdim_opts[] = { "sigma", "weight-var", "bias-var", "digits", "prec-cap", "budget", NULL };
static const char *const coerc_opts[] = { "dim", "p", "sigma", "tol", "weight-var", "bias-var", "gamma",
                                          "beta", "vnorm", "qknorm", "budget", "projective", NULL };
static const char *const pair_opts[] = { "dim", "gamma", "beta", "rho0", "sigma", "weight-var", "bias-var",
                                         "digits", "prec-cap", "budget", NULL };
static const char *const certify_opts[] = { "property", "dim", "param", "p", "sigma", "gamma", "beta", "vnorm",
                                            "qknorm", "budget", "max-depth", "progress", "checkpoint",
                                            "checkpoint-every", "resume", NULL };
static const char *const table_opts[] = { "activations", "dims", "quantities", "digits", "format", "sigma",
                                          "weight-var", "bias-var", "p", "cp-digits", "cp-budget", "budget", "progress",
                                          NULL };
static const char *const no_opts[] = { NULL };

static const bind_cmd commands[] = {
    { "kernel", kernel_opts, sc_bind_kernel, 1 },
    { "lyapunov", lyapunov_opts, sc_bind_lyapunov, 1 },
    { "critical-dim", critdim_opts, sc_bind_critical_dim, 1 },
    { "coercivity", coerc_opts, sc_bind_coercivity, 1 },
    { "pair", pair_opts, sc_bind_pair, 1 },
    { "certify", certify_opts, sc_bind_certify, 1 },
    { "table", table_opts, sc_bind_table, 0 },
    { "activations", no_opts, sc_bind_activations, 0 },
    { NULL, NULL, NULL, 0 }
};

const char *sc_bind_opt(const sc_bind_args *a, const char *name)
{
    int i;
    for (i = 0; a->names[i] != NULL; i++)
        if (strcmp(a->names[i], name) == 0)
            return a->values[i];
    return NULL;
}

/* Sort the key/value list into a->values; the CLI's messages for unknown
   and repeated options. */
static int collect(sc_bind_args *a, const char *const *kv)
{
    int i, k;
    for (i = 0; kv != NULL && kv[i] != NULL; i += 2)
    {
        const char *val = kv[i + 1];
        for (k = 0; a->names[k] != NULL && strcmp(a->names[k], kv[i]) != 0; k++)
            ;
        if (a->names[k] == NULL)
            return sc_error(SC_ERR_INPUT, "unknown option '--%s' (see 'synccert help %s')", kv[i], a->command);
        if (val == NULL)
            continue;
        if (strcmp(kv[i], "param") == 0)
        {
            if (a->nmulti >= SC_BIND_MULTI)
                return sc_error(SC_ERR_INPUT, "option --param given too often (at most %d)", SC_BIND_MULTI);
            a->multi[a->nmulti++] = val;
        }
        else if (a->values[k] != NULL)
            return sc_error(SC_ERR_INPUT, "option --%s given twice", kv[i]);
        else
            a->values[k] = val;
    }
    return SC_OK;
}

/* Arb and FLINT keep caches per thread (constants, quadrature nodes, about
   a quarter of a megabyte after a few calls) that only flint_cleanup, run
   in that thread, frees.  A binding's threads come and go without calling
   it (a Python thread pool, a short-lived thread per job), so the first
   call in a thread registers a thread-exit destructor that does. */
static pthread_key_t cleanup_key;
static pthread_once_t cleanup_once = PTHREAD_ONCE_INIT;

static void cleanup_at_exit(void *unused)
{
    flint_cleanup();
}

static void cleanup_key_create(void)
{
    pthread_key_create(&cleanup_key, cleanup_at_exit);
}

static void cleanup_register(void)
{
    pthread_once(&cleanup_once, cleanup_key_create);
    if (pthread_getspecific(cleanup_key) == NULL)
        pthread_setspecific(cleanup_key, &cleanup_key);
}

int sc_bind_call(char **out, const char *command, const char *act, const char *const *kv)
{
    cleanup_register();
    const bind_cmd *c;
    sc_bind_args a;
    char *buf = NULL;
    size_t len = 0;
    FILE *f;
    int st;

    *out = NULL;
    sc_clear_error();
    memset(&a, 0, sizeof(a));
    for (c = commands; c->name != NULL && (command == NULL || strcmp(c->name, command) != 0); c++)
        ;
    if (c->name == NULL)
        st = sc_error(SC_ERR_INPUT, "unknown command '%s'", command ? command : "(null)");
    else
    {
        a.command = c->name;
        a.names = c->opts;
        st = collect(&a, kv);
        if (st == SC_OK && c->needs_act && act == NULL)
            st = sc_error(SC_ERR_INPUT, "expected one activation (see 'synccert help %s')", c->name);
        a.budget = sc_budget_default(c->name);
        if (st == SC_OK && sc_bind_opt(&a, "budget") != NULL)
            st = sc_parse_budget(&a.budget, sc_bind_opt(&a, "budget"));
    }
    if (st == SC_OK)
    {
        sc_budget_set(a.budget);    /* the whole call's deadline, as the CLI's --budget */
        if ((f = open_memstream(&buf, &len)) == NULL)
            return SC_ERR_INPUT;
        st = c->run(f, act, &a);
        fclose(f);
        sc_budget_set(0);
        if (st == SC_OK)
        {
            *out = buf;
            return SC_OK;
        }
        free(buf);
    }
    *out = strdup(sc_last_error()[0] ? sc_last_error() : "computation failed");
    return st;
}

void sc_bind_free(char *s)
{
    free(s);
}

const char *sc_bind_version(void)
{
    return SC_VERSION;
}

/* ---------- checks shared by the commands (the CLI's messages) ---------- */

int sc_bind_num(fmpq_t x, const char *s, const char *dflt, const char *what, int rule)
{
    const char *v = s ? s : dflt;
    if (sc_parse_fmpq(x, v, what) != SC_OK)
        return SC_ERR_INPUT;
    if (rule == SC_BIND_POS && fmpq_sgn(x) <= 0)
        return sc_error(SC_ERR_INPUT, "%s must be > 0, got '%s'", what, v);
    if (rule == SC_BIND_NONNEG && fmpq_sgn(x) < 0)
        return sc_error(SC_ERR_INPUT, "%s must be >= 0, got '%s'", what, v);
    return SC_OK;
}

int sc_bind_digits(slong *digits, const char *s)
{
    *digits = 15;
    return s ? sc_parse_slong(digits, s, "--digits", 1, 3000) : SC_OK;
}

int sc_bind_dim(fmpz_t d, const char *s)
{
    size_t i, n = s ? strlen(s) : 0;
    int ok = n > 0 && n <= 31;
    if (s == NULL)
        return sc_error(SC_ERR_INPUT, "--dim D is required (an integer >= 2)");
    for (i = 0; ok && i < n; i++)
        ok = isdigit((unsigned char) s[i]) != 0;
    if (!ok)
        return sc_error(SC_ERR_INPUT, "--dim must be an integer in [2, 10^30], got '%s'", s);
    fmpz_set_str(d, s, 10);
    if (fmpz_cmp_si(d, 2) < 0)
        return sc_error(SC_ERR_INPUT, "--dim must be >= 2, got '%s'", s);
    {
        fmpz_t mx;
        fmpz_init(mx);
        fmpz_ui_pow_ui(mx, 10, 30);
        ok = fmpz_cmp(d, mx) <= 0;
        fmpz_clear(mx);
    }
    return ok ? SC_OK : sc_error(SC_ERR_INPUT, "--dim must be at most 10^30, got '%s'", s);
}

int sc_bind_prec_cap(slong *cap, const char *s)
{
    *cap = 0;
    return s ? sc_parse_slong(cap, s, "--prec-cap", 64, SC_PREC_MAX) : SC_OK;
}

/* ---------- activations: the registry as JSON ---------- */

static void json_or_null(FILE *f, const char *s)
{
    if (s)
        sc_json_string(f, s);
    else
        fputs("null", f);
}

int sc_bind_activations(FILE *f, const char *act, const sc_bind_args *a)
{
    slong i, j;
    fputc('[', f);
    for (i = 0; sc_act_registry[i] != NULL; i++)
    {
        const sc_act_def *d = sc_act_registry[i];
        fprintf(f, "%s{\"name\": ", i ? ", " : "");
        sc_json_string(f, d->name);
        fputs(", \"alias\": ", f);
        json_or_null(f, d->alias);
        fputs(", \"formula\": ", f);
        sc_json_string(f, d->formula);
        fprintf(f, ", \"odd\": %s, \"coefficients\": %s, \"params\": [",
                (d->flags & SC_ACT_ODD) ? "true" : "false", (d->flags & SC_ACT_COEFFS) ? "true" : "false");
        for (j = 0; j < d->nparams; j++)
        {
            const sc_param_def *p = d->params + j;
            const char *key[5] = { "name", "default", "lo", "hi", "help" };
            const char *val[5] = { p->name, p->dflt, p->lo, p->hi, p->help };
            int k;
            fputc(j ? ',' : '{', f);
            for (k = 0; k < 5; k++)
            {
                fprintf(f, "%s\"%s\": ", k ? ", " : j ? " {" : "", key[k]);
                json_or_null(f, val[k]);
            }
            fprintf(f, ", \"lo_strict\": %s}", p->lo_strict ? "true" : "false");
        }
        fputs("]}", f);
    }
    fputc(']', f);
    return SC_OK;
}
