/* synccert report (being written). */
#include "cli.h"
static int run(int argc, char **argv) { return sc_cli_fail("report", SC_EXIT_FAIL, "not implemented yet"); }
const sc_cmd sc_cmd_report = { "report", run, "write the certified report (LaTeX, PDF)", "usage: synccert report [-o DIR]\n" };
