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
"                      [--cp-digits N] [--cp-budget SECONDS] [--budget SECONDS]\n"
"                      [--progress|--quiet]\n"
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
"  -o FILE, --output FILE  write to FILE instead of standard output; FILE is\n"
"                      replaced only by the complete table\n"
"  --sigma S           noise strength sigma > 0 (default 1)\n"
"  --weight-var Q      weight variance q > 0 (default 1)\n"
"  --bias-var B        bias variance s >= 0 (default 0)\n"
"  --p P               exponent of c_p, 0 < P <= 2 (default 1/2)\n"
"  --cp-digits N       digits asked of c_p (default min(--digits, 6); c_p is an\n"
"                      infimum found by branch and bound, each digit costs time)\n"
"  --cp-budget SECONDS time limit for c_p per activation (default 60); past it\n"
"                      the entry holds what was certified, or 'timed out'\n"
"  --budget SECONDS    deadline of the whole run (default 3600); past it nothing\n"
"                      is written and the exit status is 1\n"
"  --progress, --quiet progress on stderr (default: when stderr is a terminal)\n"
"\n"
"Numbers on the command line are exact decimals or ratios (0.1 is 1/10).\n"
"Examples:\n"
"  synccert table > table.tex\n"
"  synccert table --activations relu,tanh,gelu --dims 3,4,8,16,32 --format markdown\n"
"  synccert table --quantities K1,dK1,Km1,antipodal --format csv -o kernel.csv\n"
"  synccert table --activations relu,erf --quantities cp,lambda --dims 3,4 --p 1\n"
"\n"
"Exit status: 0 success (undecided entries included), 1 the budget ran out or\n"
"the output could not be written (e.g. a full disk), 2 bad input or an output\n"
"file that cannot be created, 130 / 143 interrupted (FILE keeps its old content).\n";

enum { O_ACTS, O_DIMS, O_QUANT, O_DIGITS, O_FORMAT, O_OUT, O_SIGMA, O_WVAR, O_BVAR, O_P,
       O_CPDIGITS, O_BUDGET, O_N };

/* The table's lists and parameters and the format from the options:
   0 or an exit status (message printed). */
static int read_table(sc_table *t, int *format, const char *const *o)
{
    fmpq_t b;
    int st = SC_OK, rc;
    sc_table_set_defaults(t);
    if ((o[O_ACTS] && (st = sc_table_set_acts(t, o[O_ACTS])) != SC_OK) ||
        (o[O_DIMS] && (st = sc_table_set_dims(t, o[O_DIMS])) != SC_OK) ||
        (o[O_QUANT] && (st = sc_table_set_quantities(t, o[O_QUANT])) != SC_OK) ||
        (o[O_DIGITS] && (st = sc_parse_slong(&t->digits, o[O_DIGITS], "--digits", 1, 1000)) != SC_OK) ||
        (o[O_CPDIGITS] && (st = sc_parse_slong(&t->cp_digits, o[O_CPDIGITS], "--cp-digits", 1, 30)) != SC_OK))
        return sc_cli_lib_fail(CMD, st);
    if ((rc = sc_cli_sqs(t->sigma, o[O_SIGMA], t->wvar, o[O_WVAR], t->bvar, o[O_BVAR], CMD)) ||
        (rc = sc_cli_num(t->p, o[O_P], "1/2", CMD, "--p", SC_CLI_ANY)))
        return rc;
    if (o[O_BUDGET])
    {
        fmpq_init(b);
        if ((rc = sc_cli_num(b, o[O_BUDGET], NULL, CMD, "--cp-budget", SC_CLI_POS)) == 0)
            t->cp_budget = fmpq_get_d(b);
        fmpq_clear(b);
        if (rc)
            return rc;
    }
    if (o[O_FORMAT] && (st = sc_table_parse_format(format, o[O_FORMAT])) != SC_OK)
        return sc_cli_lib_fail(CMD, st);
    return 0;
}

static int run(int argc, char **argv)
{
    const char *o[O_N] = { NULL }, *pos[1];
    int progress = 0, quiet = 0, npos, rc, st, format = SC_TF_LATEX, i;
    char **av;
    sc_table t;
    sc_outfile out = { NULL, NULL, NULL, -1 };
    sc_opt opts[] = {
        { "activations", 1, &o[O_ACTS] }, { "dims", 1, &o[O_DIMS] }, { "quantities", 1, &o[O_QUANT] },
        { "digits", 1, &o[O_DIGITS] }, { "format", 1, &o[O_FORMAT] }, { "output", 1, &o[O_OUT] },
        { "sigma", 1, &o[O_SIGMA] }, { "weight-var", 1, &o[O_WVAR] }, { "bias-var", 1, &o[O_BVAR] },
        { "p", 1, &o[O_P] }, { "cp-digits", 1, &o[O_CPDIGITS] }, { "cp-budget", 1, &o[O_BUDGET] },
        { "progress", 0, NULL, &progress }, { "quiet", 0, NULL, &quiet },
    };

    /* -o FILE is the one short option */
    av = flint_malloc(sizeof(char *) * (argc + 1));
    for (i = 0; i < argc; i++)
        av[i] = strcmp(argv[i], "-o") == 0 && i > 0 ? "--output" : argv[i];
    av[argc] = NULL;
    sc_table_init(&t);
    rc = sc_cli_parse(argc, av, opts, (int) (sizeof(opts) / sizeof(opts[0])), pos, 0, &npos);
    flint_free(av);
    if (rc || (rc = read_table(&t, &format, o)))
        goto done;
    t.progress = quiet ? 0 : (progress || isatty(2));
    /* open the output first: a bad path fails before the computation; the
       table goes to a temporary file renamed over FILE when complete */
    if (o[O_OUT] && (st = sc_outfile_open(&out, o[O_OUT])) != SC_OK)
        rc = sc_cli_lib_fail(CMD, st);
    else if ((rc = sc_cli_done(CMD, sc_table_compute(&t))) != 0)
        ;
    else if (sc_deadline_passed())
        rc = sc_cli_budget_fail(CMD, "before the table was complete");     /* cells were cut */
    else if ((st = sc_table_write(out.f != NULL ? out.f : stdout, &t, format, NULL, NULL)) != SC_OK ||
             (out.f != NULL && (st = sc_outfile_commit(&out)) != SC_OK))
        rc = sc_cli_lib_fail(CMD, st);
done:
    if (out.f != NULL)
        sc_outfile_abort(&out);
    sc_table_clear(&t);
    return rc;
}

const sc_cmd sc_cmd_table = { "table", run, "a LaTeX/CSV/Markdown table of certified quantities for activations x dimensions", help };
