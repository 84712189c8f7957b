/* synccert report: the certified report as a LaTeX document (and PDF). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "synccert/report.h"
#include "synccert/parse.h"

#define CMD "report"

static const char help[] =
"usage: synccert report [-o DIR] [--name NAME] [--digits N] [--small] [--no-pdf]\n"
"                       [--activations LIST] [--cp-budget SECONDS] [--budget SECONDS]\n"
"                       [--progress|--quiet]\n"
"\n"
"Writes DIR/NAME.tex (default reports/synccert-report.tex), a complete LaTeX\n"
"document of certified results, and compiles it to DIR/NAME.pdf with latexmk\n"
"when latexmk is installed (scripts/install-deps report installs it).  A\n"
"plain-text summary goes to standard output, progress to standard error.\n"
"\n"
"Contents: the model in a paragraph; how to read the numbers; the kernel table\n"
"(K(1), K'(1), K(-1), v, antipodal set) of every built-in activation (or the\n"
"--activations list); the synchronisation table (d*, lambda, p*, verdicts at\n"
"d = 3, 8, 32, 64); a pgfplots figure of lambda against d whose error bars are\n"
"the certified enclosures; a figure of the certified / refuted / undecided boxes\n"
"of a certify run (erf(cx), c in [0.2, 3], d in 2..40); the coercivity table\n"
"(c_p, p = 1/2, d = 3, 16); the random quadratic form (exact Lyapunov spectra,\n"
"certified exponent of the linear activation, hitting probabilities); how to\n"
"reproduce.  Every number is an Arb enclosure printed by the verified digit\n"
"printer: a printed S whose last digit has unit u satisfies |x - S| <= u/2;\n"
"undecided entries say so.\n"
"\n"
"options:\n"
"  -o DIR, --output DIR  output directory, created if missing (default reports)\n"
"  --name NAME         base name of the files (default synccert-report): letters,\n"
"                      digits, '_', '-', '+', '.', not starting with '-' or '.'\n"
"  --digits N          significant digits in the tables, 1..50 (default 10)\n"
"  --small             a short report (4 activations, 2 dimensions; for tests)\n"
"  --no-pdf            write the .tex only, do not run latexmk\n"
"  --activations LIST  the activations of the kernel, synchronisation and\n"
"                      coercivity tables, as for 'synccert table' (built-ins,\n"
"                      parameters, expr:...; default: every built-in)\n"
"  --cp-budget SECONDS time limit for c_p per activation (default 30); past it the\n"
"                      entry holds what was certified, or 'timed out'\n"
"  --budget SECONDS    deadline of the whole run (default 3600): past it nothing\n"
"                      is written and the exit status is 1\n"
"  --progress, --quiet progress on stderr: a line per section and per activation\n"
"                      of each table (default: when stderr is a terminal)\n"
"\n"
"The full report takes well under a minute on two cores at 10 digits.  The .tex\n"
"is replaced only by a complete file: a run that fails, runs out of time or is\n"
"interrupted leaves the previous one.\n"
"Exit status: 0 success (also when latexmk is missing: a note says so), 1 latexmk\n"
"failed (see DIR/NAME.latexmk.log), the budget ran out or the file could not be\n"
"written, 2 bad input or a directory that cannot be created, 130 / 143\n"
"interrupted.\n";

/* The report's options; 0 or an exit status (message printed). */
static int read_opts(sc_report_opts *r, const char *dir, const char *name, const char *digits,
                     const char *budget)
{
    fmpq_t b;
    int rc = 0;
    if (dir && dir[0] == '\0')
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "empty output directory");
    if (digits && sc_parse_slong(&r->digits, digits, "--digits", 1, 50) != SC_OK)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    if (budget)
    {
        fmpq_init(b);
        if ((rc = sc_cli_num(b, budget, NULL, CMD, "--cp-budget", SC_CLI_POS)) == 0)
            r->budget = fmpq_get_d(b);
        fmpq_clear(b);
    }
    r->dir = dir ? dir : r->dir;
    r->name = name ? name : r->name;
    return rc;
}

static int run(int argc, char **argv)
{
    const char *dir = NULL, *name = NULL, *digits = NULL, *budget = NULL, *acts = NULL, *pos[1];
    int small = 0, nopdf = 0, progress = 0, quiet = 0, npos, rc, st, i;
    char **av, *sum = NULL;
    size_t nsum = 0;
    sc_report_opts r;
    sc_opt opts[] = {
        { "output", 1, &dir }, { "name", 1, &name }, { "digits", 1, &digits }, { "cp-budget", 1, &budget },
        { "small", 0, NULL, &small }, { "no-pdf", 0, NULL, &nopdf }, { "activations", 1, &acts },
        { "progress", 0, NULL, &progress }, { "quiet", 0, NULL, &quiet },
    };

    /* -o DIR is the one short option */
    av = flint_malloc(sizeof(char *) * (argc + 1));
    for (i = 0; i < argc; i++)
        av[i] = strcmp(argv[i], "-o") == 0 && i > 0 ? "--output" : argv[i];
    av[argc] = NULL;
    rc = sc_cli_parse(argc, av, opts, (int) (sizeof(opts) / sizeof(opts[0])), pos, 0, &npos);
    flint_free(av);
    sc_report_opts_init(&r);
    if (rc || (rc = read_opts(&r, dir, name, digits, budget)))
        return rc;
    r.small = small;
    r.acts = acts;
    r.compile = !nopdf;
    r.progress = quiet ? 0 : (progress || isatty(2));
    /* the summary is printed once the report is written: a failed run
       prints nothing on standard output */
    if ((r.summary = open_memstream(&sum, &nsum)) == NULL)
        return sc_cli_fail(CMD, SC_EXIT_FAIL, "out of memory");
    st = sc_report_write(&r);
    fclose(r.summary);
    if ((rc = sc_cli_done(CMD, st)) == 0)
        fwrite(sum, 1, nsum, stdout);
    free(sum);
    if (rc != 0)
        return rc;
    if (r.latexmk_missing)
        sc_cli_fail(CMD, 0, "latexmk not found; wrote %s/%s.tex only "
                    "(install TeX with: sh scripts/install-deps report)", r.dir, r.name);
    return SC_EXIT_OK;
}

const sc_cmd sc_cmd_report = { "report", run, "write the certified report: LaTeX tables, pgfplots figures, PDF (latexmk)", help };
