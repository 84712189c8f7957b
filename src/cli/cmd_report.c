/* synccert report: the certified report as a LaTeX document (and PDF). */
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "synccert/report.h"
#include "synccert/parse.h"

#define CMD "report"

static const char help[] =
"usage: synccert report [-o DIR] [--name NAME] [--digits N] [--small] [--no-pdf]\n"
"                       [--budget SECONDS] [--progress|--quiet]\n"
"\n"
"Writes DIR/NAME.tex (default reports/synccert-report.tex), a complete LaTeX\n"
"document of certified results, and compiles it to DIR/NAME.pdf with latexmk\n"
"when latexmk is installed (scripts/install-deps report installs it).  A\n"
"plain-text summary goes to standard output, progress to standard error.\n"
"\n"
"Contents: the model in a paragraph; how to read the numbers; the kernel table\n"
"(K(1), K'(1), K(-1), v, antipodal set) of every built-in activation; the\n"
"synchronisation table (d*, lambda, p*, verdicts at d = 3, 8, 32, 64); a pgfplots\n"
"figure of lambda against d whose error bars are the certified enclosures; a\n"
"figure of the certified / refuted / undecided boxes of a certify run (erf(cx),\n"
"c in [0.2, 3], d in 2..40); the coercivity table (c_p, p = 1/2, d = 3, 4, 16);\n"
"the random quadratic form (exact Lyapunov spectra, certified exponent of the\n"
"linear activation, hitting probabilities); how to reproduce.  Every number is\n"
"an Arb enclosure printed by the verified digit printer: a printed S whose last\n"
"digit has unit u satisfies |x - S| <= u/2; undecided entries say so.\n"
"\n"
"options:\n"
"  -o DIR, --output DIR  output directory, created if missing (default reports)\n"
"  --name NAME         base name of the files (default synccert-report)\n"
"  --digits N          significant digits in the tables, 1..50 (default 10)\n"
"  --small             a short report (4 activations, 2 dimensions; for tests)\n"
"  --no-pdf            write the .tex only, do not run latexmk\n"
"  --budget SECONDS    time limit for c_p per activation (default 30)\n"
"  --progress, --quiet progress on stderr (default: on)\n"
"\n"
"The full report takes well under a minute on two cores at 10 digits.\n"
"Exit status: 0 success (also when latexmk is missing: a note says so), 1 latexmk\n"
"failed (see DIR/NAME.latexmk.log), 2 bad input or unwritable directory.\n";

static int run(int argc, char **argv)
{
    const char *dir_s = NULL, *name_s = NULL, *dig_s = NULL, *bud_s = NULL, *pos[1];
    int small = 0, nopdf = 0, prog = 0, quiet = 0, npos, rc, st, i;
    char **av;
    sc_report_opts o;
    sc_opt opts[] = {
        { "output", 1, &dir_s, NULL, NULL, NULL, 0 },
        { "name", 1, &name_s, NULL, NULL, NULL, 0 },
        { "digits", 1, &dig_s, NULL, NULL, NULL, 0 },
        { "budget", 1, &bud_s, NULL, NULL, NULL, 0 },
        { "small", 0, NULL, &small, NULL, NULL, 0 },
        { "no-pdf", 0, NULL, &nopdf, NULL, NULL, 0 },
        { "progress", 0, NULL, &prog, NULL, NULL, 0 },
        { "quiet", 0, NULL, &quiet, NULL, NULL, 0 },
    };

    av = flint_malloc(sizeof(char *) * (argc + 1));
    for (i = 0; i < argc; i++)
        av[i] = strcmp(argv[i], "-o") == 0 && i > 0 ? "--output" : argv[i];
    av[argc] = NULL;
    rc = sc_cli_parse(argc, av, opts, (int) (sizeof(opts) / sizeof(opts[0])), pos, 0, &npos);
    flint_free(av);
    if (rc)
        return rc;
    sc_report_opts_init(&o);
    if (dir_s)
    {
        if (dir_s[0] == '\0')
            return sc_cli_fail(CMD, SC_EXIT_USAGE, "empty output directory");
        o.dir = dir_s;
    }
    if (name_s)
    {
        if (name_s[0] == '\0' || strchr(name_s, '/') || strchr(name_s, '\'') || strchr(name_s, ' '))
            return sc_cli_fail(CMD, SC_EXIT_USAGE, "bad --name '%s' (a file name without '/', quotes or blanks)", name_s);
        o.name = name_s;
    }
    if (dig_s && sc_parse_slong(&o.digits, dig_s, "--digits", 1, 50) != SC_OK)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    if (bud_s)
    {
        fmpq_t b;
        fmpq_init(b);
        rc = sc_cli_fmpq(b, bud_s, NULL, CMD, "--budget");
        if (rc == 0 && fmpq_sgn(b) <= 0)
            rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--budget must be > 0 seconds");
        if (rc == 0)
            o.budget = fmpq_get_d(b);
        fmpq_clear(b);
        if (rc)
            return rc;
    }
    o.small = small;
    o.compile = !nopdf;
    o.progress = !quiet;
    (void) prog;
    o.summary = stdout;
    st = sc_report_write(&o);
    fflush(stdout);
    if (st == SC_ERR_INPUT)
        return sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error());
    if (st != SC_OK)
        return sc_cli_fail(CMD, SC_EXIT_FAIL, "%s", sc_last_error());
    if (o.latexmk_missing)
        fprintf(stderr, "synccert report: latexmk not found; wrote %s/%s.tex only "
                "(install TeX with: sh scripts/install-deps report)\n", o.dir, o.name);
    return SC_EXIT_OK;
}

const sc_cmd sc_cmd_report = { "report", run, "write the certified report: LaTeX tables, pgfplots figures, PDF (latexmk)", help };
