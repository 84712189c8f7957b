/* `synccert help TOPIC` for topics that are not subcommands. */
#include <string.h>
#include "cli.h"
#include "synccert/act.h"

static void activations(void)
{
    slong i, j;
    printf("Built-in activations (ACT arguments are NAME or NAME:key=value,key=value):\n\n");
    for (i = 0; sc_act_registry[i] != NULL; i++)
    {
        const sc_act_def *d = sc_act_registry[i];
        printf("  %-11s %s", d->name, d->formula);
        if (d->alias)
            printf("   (alias: %s)", d->alias);
        printf("\n");
        if (d->flags & SC_ACT_COEFFS)
            printf("              coefficients %s0=..,%s1=..,... (up to %s%d; missing ones are 0)\n",
                   d->params[0].name, d->params[0].name, d->params[0].name, SC_ACT_MAX_COEFFS - 1);
        else
            for (j = 0; j < d->nparams; j++)
                printf("              %s = %s (default %s) in %s%s, %s]\n", d->params[j].name,
                       d->params[j].help, d->params[j].dflt, d->params[j].lo_strict ? "(" : "[",
                       d->params[j].lo ? d->params[j].lo : "-inf", d->params[j].hi ? d->params[j].hi : "inf");
    }
    printf("\nValues are exact decimals or ratios: alpha=0.1 means 1/10 exactly, c=1/3 is allowed.\n"
           "Examples: leaky_relu:alpha=0.2   erf:c=0.5   poly:c1=1,c3=-1/6   hermite:a1=1,a2=0.5\n");
}

static const char output_help[] =
"Certified output\n\n"
"Every number synccert prints comes from a rigorous enclosure (an Arb ball) of the\n"
"true value, and every printed digit is correct:\n"
"  - a digit string such as 0.3942944904 is the true value correctly rounded to\n"
"    its last digit: the true value lies in [0.39429449035, 0.39429449045]\n"
"    (within half a unit of the last printed digit);\n"
"  - fewer digits than asked are printed when the enclosure is wider or sits on a\n"
"    rounding boundary; a value near zero prints as 0, 0.0000 or 0e-20, meaning\n"
"    |value| <= half a unit of the last digit shown;\n"
"  - JSON gives {\"lo\": ..., \"hi\": ..., \"digits\": ...}: lo and hi are decimal bounds\n"
"    rounded outward (lo <= value <= hi) and digits is the certified string;\n"
"    an infinite value is \"inf\" (a proved infinity, e.g. K'(1) of step).\n"
"With --digits N and exit status 0, every certified number has N significant\n"
"digits, or is a proved infinity, or is a zero printed to 10^-N or finer. When\n"
"N digits cannot be reached (precision cap, time budget, or a value sitting on\n"
"a rounding boundary of the N-th digit) the command exits 1 and says how many\n"
"digits it reached.  \"undefined\" is printed only for a value proved to have\n"
"none (lambda at d = 3, and p*, when K'(1) = inf); a failed computation is\n"
"never printed as a number or a word with exit status 0 (table cells say\n"
"\"not certified\").\n"
"Statistical numbers (simulate) are double-precision estimates; in JSON one\n"
"that is not finite is null, followed by a field KEY_note saying why\n"
"(e.g. \"se\": null, \"se_note\": \"fewer than 2 samples\").  JSON output is\n"
"always valid JSON: never a bare nan or inf.\n"
"Verdicts (synchronizes / does not synchronize / undecided, ...) are decided by the\n"
"sign of an enclosure only; an enclosure that contains 0 gives \"undecided\".\n"
"The decisions and the digit strings are produced by a small C core whose\n"
"contracts are proved with Frama-C/WP (see specs/VERIFIED.md).\n";

int sc_help_topic(const char *topic)
{
    if (strcmp(topic, "activations") == 0)
    {
        activations();
        return 0;
    }
    if (strcmp(topic, "output") == 0)
    {
        fputs(output_help, stdout);
        return 0;
    }
    return sc_cli_fail("help", SC_EXIT_USAGE, "unknown topic '%s' (commands, 'activations' or 'output')", topic);
}
