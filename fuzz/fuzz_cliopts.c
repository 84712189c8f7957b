/* Fuzz target: the command line as the subcommands read it.  The input is
   an argument vector (arguments separated by NUL bytes, or by newlines
   when there is no NUL); it goes through sc_cli_parse with an option table
   like the commands' (values, flags, a repeatable option, --budget), then
   every value through the reader a command would use: activations, numbers
   with sign rules, --dim, --digits, the table lists and the certify specs.
   Properties: parsing either fails with exit status 2 or yields values
   that point into the arguments; nothing is computed.  Messages go to a
   null stream (sanitizer reports still reach file descriptor 2). */
#include <signal.h>
#include "fuzz.h"
#include "../src/cli/cli.h"
#include "synccert/parse.h"
#include "synccert/table.h"
#include "synccert/regime.h"

/* sc_cli_parse looks the subcommand up for its default budget; this
   target has no subcommand table */
const sc_cmd *sc_cli_find(const char *name) { (void) name; return NULL; }

#define MAXARG 64

static int points_into(const char *v, char **argv, int argc)
{
    int i;
    for (i = 0; i < argc; i++)
        if (v >= argv[i] && v <= argv[i] + strlen(argv[i]))
            return 1;
    return 0;
}

static void read_values(const char *const *o, const char *const *params, int nparams,
                        const char *const *pos, int npos)
{
    enum { DIM, RHO, DIG, SIG, Q, S, P, TOL, ACTS, DIMS, QUANT, PROP, RANGE };
    sc_act_t act;
    fmpq_t x, y, z;
    fmpz_t d;
    slong digits;
    int i, prop;
    sc_table t;
    sc_regime_problem R;

    sc_act_init(act);
    fmpq_init(x);
    fmpq_init(y);
    fmpq_init(z);
    fmpz_init(d);
    sc_table_init(&t);
    sc_regime_problem_init(&R);
    if (npos > 0)
        sc_cli_act(act, pos[0], "fuzz");
    if (o[DIM] != NULL && sc_cli_dim(d, o[DIM], "fuzz") == 0)
        FUZZ_CHECK(fmpz_cmp_si(d, 2) >= 0);
    if (sc_cli_num(x, o[RHO], "0", "fuzz", "--rho", SC_CLI_ANY) == 0 && o[RHO] == NULL)
        FUZZ_CHECK(fmpq_is_zero(x));
    if (sc_cli_digits(&digits, o[DIG], "fuzz") == 0)
        FUZZ_CHECK(digits >= 1 && digits <= SC_CLI_DIGITS_MAX);
    if (sc_cli_sqs(x, o[SIG], y, o[Q], z, o[S], "fuzz") == 0)
        FUZZ_CHECK(fmpq_sgn(x) > 0 && fmpq_sgn(y) > 0 && fmpq_sgn(z) >= 0);
    if (sc_cli_num(x, o[P], "1/2", "fuzz", "--p", SC_CLI_POS) == 0)
        FUZZ_CHECK(fmpq_sgn(x) > 0);
    if (sc_cli_num(x, o[TOL], "1e-6", "fuzz", "--tol", SC_CLI_NONNEG) == 0)
        FUZZ_CHECK(fmpq_sgn(x) >= 0);
    if (o[ACTS] != NULL)
        sc_table_set_acts(&t, o[ACTS]);
    if (o[DIMS] != NULL)
        sc_table_set_dims(&t, o[DIMS]);
    if (o[QUANT] != NULL)
        sc_table_set_quantities(&t, o[QUANT]);
    if (o[PROP] != NULL && sc_regime_property_parse(&prop, o[PROP]) == SC_OK)
        FUZZ_CHECK(strcmp(sc_regime_property_name(prop), o[PROP]) == 0);
    if (o[RANGE] != NULL && sc_parse_range(x, y, o[RANGE], "--range") == SC_OK)
        FUZZ_CHECK(fmpq_cmp(x, y) <= 0);
    if (npos > 0 && sc_act_parse(R.act, pos[0]) == SC_OK)
    {
        if (o[DIM] != NULL)
            sc_regime_add_dim(&R, o[DIM]);
        for (i = 0; i < nparams; i++)
            sc_regime_add_param_spec(&R, params[i]);
        sc_regime_check(&R);
    }
    sc_regime_problem_clear(&R);
    sc_table_clear(&t);
    fmpz_clear(d);
    fmpq_clear(x);
    fmpq_clear(y);
    fmpq_clear(z);
    sc_act_clear(act);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *null;
    char *buf = malloc(size + 2), *argv[MAXARG + 1];
    char sep = memchr(data, '\0', size) != NULL ? '\0' : '\n';
    const char *o[13] = { NULL }, *params[8], *pos[2];
    int argc = 0, json = 0, quiet = 0, nparams = 0, npos = 0, rc, i;
    size_t k;
    const sc_opt opts[] = {
        { "dim", 1, &o[0] }, { "rho", 1, &o[1] }, { "digits", 1, &o[2] }, { "sigma", 1, &o[3] },
        { "weight-var", 1, &o[4] }, { "bias-var", 1, &o[5] }, { "p", 1, &o[6] }, { "tol", 1, &o[7] },
        { "activations", 1, &o[8] }, { "dims", 1, &o[9] }, { "quantities", 1, &o[10] },
        { "property", 1, &o[11] }, { "range", 1, &o[12] },
        { "param", 1, NULL, NULL, params, &nparams, 8 },
        { "json", 0, NULL, &json }, { "quiet", 0, NULL, &quiet },
    };

    if (null == NULL)
    {
        /* the messages are the CLI's business, not the fuzzer's output; the
           watchdog sc_cli_parse arms must not end the fuzzer */
        null = fopen("/dev/null", "w");
        stderr = null;
        signal(SIGALRM, SIG_IGN);
    }
    memcpy(buf, data, size);
    buf[size] = '\0';
    argv[argc++] = "fuzz";
    for (k = 0; k <= size && argc < MAXARG; )
    {
        char *a = buf + k, *e = memchr(a, sep, size - k);
        if (e == NULL)
            e = buf + size;
        *e = '\0';
        argv[argc++] = a;
        k = (size_t) (e - buf) + 1;
    }
    argv[argc] = NULL;
    rc = sc_cli_parse(argc, argv, opts, (int) (sizeof(opts) / sizeof(opts[0])), pos, 2, &npos);
    FUZZ_CHECK(rc == 0 || rc == SC_EXIT_USAGE);
    if (rc == 0)
    {
        FUZZ_CHECK(npos >= 0 && npos <= 2 && nparams <= 8);
        for (i = 0; i < 13; i++)
            FUZZ_CHECK(o[i] == NULL || points_into(o[i], argv, argc));
        for (i = 0; i < npos; i++)
            FUZZ_CHECK(points_into(pos[i], argv, argc));
        read_values(o, params, nparams, pos, npos);
    }
    sc_deadline_set(0);
    free(buf);
    flint_cleanup();
    return 0;
}
