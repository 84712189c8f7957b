/* synccert table: a table of certified quantities for activations x
   dimensions, as LaTeX (booktabs), CSV, Markdown or plain text. */
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "cli.h"
#include "synccert/table.h"
#include "synccert/parse.h"

#define CMD "table"

static const char help[] =
"usage: synccert table [--activations LIST] [--dims LIST] [--quantities LIST]\n"
"                      [--digits N] [--format latex|csv|markdown|text] [-o FILE]\n"
"                      [--sigma S] [--weight-var Q] [--bias-var B] [--p P]\n"
"                      [--cp-digits N] [--budget SECONDS] [--progress|--quiet]\n"
"\n"
"Writes a table of certified quantities, one row per activation and dimension,\n"
"ready to \\input into a paper.  Every printed number is an Arb enclosure printed\n"
"by the verified digit printer: a value S whose last digit has unit u satisfies\n"
"|x - S| <= u/2 for the exact value x (fewer digits are printed when the\n"
"enclosure does not support more).  An entry that could not be decided is\n"
"printed as a word ('undecided', 'not certified', 'timed out'), never a number.\n"
"\n"
"options:\n"
"  --activations LIST  comma-separated activation specs (see 'synccert help\n"
"                      activations'); parameters continue after commas, e.g.\n"
"                      'relu,leaky_relu:alpha=0.1,erf:c=2'.  'all' = every\n"
"                      built-in with its default parameters except the\n"
"                      coefficient families poly and hermite (default: all)\n"
"  --dims LIST         comma-separated dimensions d >= 2 (default 4,32)\n"
"  --quantities LIST   columns, comma-separated (default\n"
"                      K1,dK1,dstar,lambda,pstar,verdict), from:\n"
"                        K1         K(1) = E[phi(Z)^2]\n"
"                        dK1        K'(1) = E[phi'(Z)^2] (inf for step, sign)\n"
"                        Km1        K(-1)\n"
"                        v          sigma^2 (K(1) + K'(1)), variance rate near the diagonal\n"
"                        antipodal  antipodal set repelling / attracting / neutral\n"
"                        dstar      critical dimension d* ('none': lambda < 0 for all d)\n"
"                        lambda     two-point Lyapunov exponent at each d\n"
"                        pstar      p* = -2 lambda / v ('--' when lambda > 0)\n"
"                        verdict    synchronises (lambda < 0): yes / no / undecided\n"
"                        cp         noise coercivity constant c_p at --p (slow for\n"
"                                   tanh, sigmoid, silu, softplus, gelu_tanh, elu)\n"
"                      or 'all'.  d-independent columns come first, then d.\n"
"  --digits N          significant digits of every number, 1..1000 (default 10)\n"
"  --format F          latex (default): a table environment using booktabs with\n"
"                      numbers aligned on the decimal point and a caption giving\n"
"                      the model parameters and the meaning of the last digit;\n"
"                      csv (every row complete); markdown; text\n"
"  -o FILE, --output FILE  write to FILE instead of standard output\n"
"  --sigma S           noise strength sigma > 0 (default 1)\n"
"  --weight-var Q      weight variance q > 0 (default 1)\n"
"  --bias-var B        bias variance s >= 0 (default 0)\n"
"  --p P               exponent of c_p, 0 < P <= 2 (default 1/2)\n"
"  --cp-digits N       digits asked of c_p (default min(--digits, 6); c_p is an\n"
"                      infimum found by branch and bound, each digit costs time)\n"
"  --budget SECONDS    time limit for c_p per activation (default 60); past it\n"
"                      the entry holds what was certified, or 'timed out'\n"
"  --progress, --quiet progress on stderr (default: when stderr is a terminal)\n"
"\n"
"Numbers on the command line are exact decimals or ratios (0.1 is 1/10).\n"
"Examples:\n"
"  synccert table > table.tex\n"
"  synccert table --activations relu,tanh,gelu --dims 3,4,8,16,32 --format markdown\n"
"  synccert table --quantities K1,dK1,Km1,antipodal --format csv -o kernel.csv\n"
"  synccert table --activations relu,erf --quantities cp,lambda --dims 3,4 --p 1\n"
"\n"
"Exit status: 0 success (undecided entries included), 2 bad input or unwritable\n"
"output.\n";

static int run(int argc, char **argv)
{
    const char *acts_s = NULL, *dims_s = NULL, *q_s = NULL, *dig_s = NULL, *fmt_s = NULL;
    const char *out_s = NULL, *sig_s = NULL, *wv_s = NULL, *bv_s = NULL, *p_s = NULL;
    const char *cpd_s = NULL, *bud_s = NULL, *pos[1];
    int progress = 0, quiet = 0, npos, rc, format = SC_TF_LATEX, st, i;
    char **av;
    sc_table t;
    FILE *f = stdout;
    sc_opt opts[] = {
        { "activations", 1, &acts_s, NULL, NULL, NULL, 0 },
        { "dims", 1, &dims_s, NULL, NULL, NULL, 0 },
        { "quantities", 1, &q_s, NULL, NULL, NULL, 0 },
        { "digits", 1, &dig_s, NULL, NULL, NULL, 0 },
        { "format", 1, &fmt_s, NULL, NULL, NULL, 0 },
        { "output", 1, &out_s, NULL, NULL, NULL, 0 },
        { "sigma", 1, &sig_s, NULL, NULL, NULL, 0 },
        { "weight-var", 1, &wv_s, NULL, NULL, NULL, 0 },
        { "bias-var", 1, &bv_s, NULL, NULL, NULL, 0 },
        { "p", 1, &p_s, NULL, NULL, NULL, 0 },
        { "cp-digits", 1, &cpd_s, NULL, NULL, NULL, 0 },
        { "budget", 1, &bud_s, NULL, NULL, NULL, 0 },
        { "progress", 0, NULL, &progress, NULL, NULL, 0 },
        { "quiet", 0, NULL, &quiet, NULL, NULL, 0 },
    };

    /* -o FILE is the one short option */
    av = flint_malloc(sizeof(char *) * (argc + 1));
    for (i = 0; i < argc; i++)
        av[i] = strcmp(argv[i], "-o") == 0 && i > 0 ? "--output" : argv[i];
    av[argc] = NULL;
    sc_table_init(&t);
    rc = sc_cli_parse(argc, av, opts, (int) (sizeof(opts) / sizeof(opts[0])), pos, 0, &npos);
    flint_free(av);
    if (rc)
        goto done;

    sc_table_set_defaults(&t);
    if (acts_s && sc_table_set_acts(&t, acts_s) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (dims_s && sc_table_set_dims(&t, dims_s) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (q_s && sc_table_set_quantities(&t, q_s) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (dig_s && sc_parse_slong(&t.digits, dig_s, "--digits", 1, 1000) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if (cpd_s && sc_parse_slong(&t.cp_digits, cpd_s, "--cp-digits", 1, 30) != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "%s", sc_last_error()); goto done; }
    if ((rc = sc_cli_fmpq(t.sigma, sig_s, "1", CMD, "--sigma")) != 0) goto done;
    if ((rc = sc_cli_fmpq(t.wvar, wv_s, "1", CMD, "--weight-var")) != 0) goto done;
    if ((rc = sc_cli_fmpq(t.bvar, bv_s, "0", CMD, "--bias-var")) != 0) goto done;
    if ((rc = sc_cli_fmpq(t.p, p_s, "1/2", CMD, "--p")) != 0) goto done;
    if (fmpq_sgn(t.sigma) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--sigma must be > 0"); goto done; }
    if (fmpq_sgn(t.wvar) <= 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--weight-var must be > 0"); goto done; }
    if (fmpq_sgn(t.bvar) < 0) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--bias-var must be >= 0"); goto done; }
    if (bud_s)
    {
        fmpq_t b;
        fmpq_init(b);
        rc = sc_cli_fmpq(b, bud_s, NULL, CMD, "--budget");
        if (rc == 0 && fmpq_sgn(b) <= 0)
            rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "--budget must be > 0 seconds");
        if (rc == 0)
            t.cp_budget = fmpq_get_d(b);
        fmpq_clear(b);
        if (rc) goto done;
    }
    if (fmt_s)
    {
        if (strcmp(fmt_s, "latex") == 0) format = SC_TF_LATEX;
        else if (strcmp(fmt_s, "csv") == 0) format = SC_TF_CSV;
        else if (strcmp(fmt_s, "markdown") == 0 || strcmp(fmt_s, "md") == 0) format = SC_TF_MARKDOWN;
        else if (strcmp(fmt_s, "text") == 0) format = SC_TF_TEXT;
        else { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "unknown format '%s' (latex, csv, markdown or text)", fmt_s); goto done; }
    }
    t.progress = quiet ? 0 : (progress || isatty(2));
    if (out_s)
    {
        if (out_s[0] == '\0') { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "empty output file name"); goto done; }
        f = fopen(out_s, "w");
        if (f == NULL) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "cannot write '%s': %s", out_s, strerror(errno)); goto done; }
    }
    st = sc_table_compute(&t);
    if (st != SC_OK) { rc = sc_cli_lib_fail(CMD, st); goto done; }
    st = sc_table_write(f, &t, format, NULL, NULL);
    if (f != stdout)
    {
        if (fclose(f) != 0 && st == SC_OK)
            st = sc_error(SC_ERR_INPUT, "write error");
        f = stdout;
    }
    else
        fflush(stdout);
    if (st != SC_OK) { rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "cannot write '%s'", out_s ? out_s : "standard output"); goto done; }
    rc = 0;
done:
    if (f != NULL && f != stdout)
        fclose(f);
    sc_table_clear(&t);
    return rc;
}

const sc_cmd sc_cmd_table = { "table", run, "a LaTeX/CSV/Markdown table of certified quantities for activations x dimensions", help };
