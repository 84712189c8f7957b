/* synccert: command-line entry point and subcommand dispatch. */
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
               "Exit status: 0 success, 1 computation could not reach the goal, 2 bad input.\n");
}

int sc_help_topic(const char *topic);   /* src/cli/help.c */

int main(int argc, char **argv)
{
    const sc_cmd *c;
    int rc;

    if (argc < 2)
    {
        usage(stderr);
        return SC_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)
    {
        printf("synccert %s (Arb %s, FLINT %s)\n", SC_VERSION, arb_version, flint_version);
        return 0;
    }
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
    {
        if (argc == 2)
        {
            usage(stdout);
            return 0;
        }
        if (argc > 3)
        {
            fprintf(stderr, "synccert help: expected one topic\n");
            return SC_EXIT_USAGE;
        }
        if ((c = sc_cli_find(argv[2])) != NULL)
        {
            fputs(c->help, stdout);
            return 0;
        }
        return sc_help_topic(argv[2]);
    }
    c = sc_cli_find(argv[1]);
    if (c == NULL)
    {
        fprintf(stderr, "synccert: unknown command '%s' (see 'synccert help')\n", argv[1]);
        return SC_EXIT_USAGE;
    }
    rc = c->run(argc - 1, argv + 1);
    flint_cleanup();
    return rc;
}
