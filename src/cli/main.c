/* synccert: command-line entry point and subcommand dispatch. */
#include <errno.h>
#include <string.h>
#include <arb.h>
#include "cli.h"

extern const sc_cmd sc_cmd_kernel;
extern const sc_cmd sc_cmd_coercivity;
extern const sc_cmd sc_cmd_certify;
extern const sc_cmd sc_cmd_twopoint;
extern const sc_cmd sc_cmd_pair;
extern const sc_cmd sc_cmd_lyapunov;
extern const sc_cmd sc_cmd_critical_dim;
extern const sc_cmd sc_cmd_rqf;
extern const sc_cmd sc_cmd_simulate;
extern const sc_cmd sc_cmd_table;
extern const sc_cmd sc_cmd_report;

/* One line per subcommand; add new ones here. */
const sc_cmd *const sc_cmds[] = {
    &sc_cmd_kernel,
    &sc_cmd_coercivity,
    &sc_cmd_certify,
    &sc_cmd_twopoint,
    &sc_cmd_lyapunov,
    &sc_cmd_pair,
    &sc_cmd_critical_dim,
    &sc_cmd_rqf,
    &sc_cmd_simulate,
    &sc_cmd_table,
    &sc_cmd_report,
    NULL
};

const sc_cmd *sc_cli_find(const char *name)
{
    int i;
    for (i = 0; sc_cmds[i] != NULL; i++)
        if (strcmp(sc_cmds[i]->name, name) == 0)
            return sc_cmds[i];
    return NULL;
}

static void usage(FILE *f)
{
    int i;
    fprintf(f,
        "synccert %s: certified synchronisation-by-noise bounds for deep transformers\n\n"
        "usage: synccert COMMAND [ARGS...]\n\ncommands:\n", SC_VERSION);
    for (i = 0; sc_cmds[i] != NULL; i++)
        fprintf(f, "  %-14s %s\n", sc_cmds[i]->name, sc_cmds[i]->summary);
    fprintf(f, "  %-14s %s\n", "help [CMD]", "this text, or the full help of CMD ('help activations' lists activations)");
    fprintf(f, "\nEvery printed number is certified: its digits are correct (see 'synccert help output').\n"
               "Every command takes --budget SECONDS, a deadline for the whole run (defaults in\n"
               "'synccert help CMD'); past it the run stops and exits 1.  Outputs written with\n"
               "-o/--out are replaced only by complete files.\n"
               "Exit status: 0 success; 1 the computation or its output failed (precision cap,\n"
               "time budget, a file or standard output could not be written); 2 bad input;\n"
               "130 / 143 interrupted by SIGINT / SIGTERM (nothing written).\n");
}

/* Standard output is part of the result: a failed write (a full disk,
   /dev/full, a closed pipe) is a failure, reported once. */
static int close_stdout(const char *cmd, int rc)
{
    int bad = fflush(stdout) != 0 || ferror(stdout), e = errno;
    if (fclose(stdout) != 0 && !bad)
    {
        bad = 1;
        e = errno;
    }
    if (bad && rc == SC_EXIT_OK)
        return sc_cli_fail(cmd, SC_EXIT_FAIL, "cannot write standard output: %s",
                           e ? strerror(e) : "write error");
    return rc;
}

int sc_help_topic(const char *topic);   /* src/cli/help.c */

int main(int argc, char **argv)
{
    const sc_cmd *c;
    int rc;

    if (argc < 2)
        return sc_cli_fail(NULL, SC_EXIT_USAGE, "no command given (see 'synccert help')");
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)
    {
        if (argc > 2)
            return sc_cli_fail("version", SC_EXIT_USAGE, "unexpected argument '%s'", argv[2]);
        printf("synccert %s (Arb %s, FLINT %s)\n", SC_VERSION, arb_version, flint_version);
        return close_stdout("version", 0);
    }
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
    {
        if (argc == 2)
        {
            usage(stdout);
            return close_stdout("help", 0);
        }
        if (argc > 3)
            return sc_cli_fail("help", SC_EXIT_USAGE, "expected one topic");
        if ((c = sc_cli_find(argv[2])) != NULL)
        {
            fputs(c->help, stdout);
            return close_stdout("help", 0);
        }
        return close_stdout("help", sc_help_topic(argv[2]));
    }
    c = sc_cli_find(argv[1]);
    if (c == NULL)
        return sc_cli_fail(NULL, SC_EXIT_USAGE, "unknown command '%s' (see 'synccert help')", argv[1]);
    sc_cli_signals(c->name);
    rc = c->run(argc - 1, argv + 1);
    rc = close_stdout(c->name, rc);
    flint_cleanup();
    return rc;
}
