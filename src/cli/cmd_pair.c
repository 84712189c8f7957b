/* `synccert pair ACT --dim D`: two tokens under common noise and identity
   attention: the classes of the diagonal and antipodal ends, the outcome and
   P(sync | rho0) (doc/model.md section 9; sc_pair_certify). */
#include <string.h>
#include "cli.h"
#include "synccert/pair.h"
#include "synccert/parse.h"
#include "synccert/print.h"
#include "synccert/bind.h"

static const char help[] =
"usage: synccert pair ACT --dim D [--gamma G] [--beta B] [--rho0 R[,R...]]\n"
"                     [--sigma S] [--weight-var Q] [--bias-var S0]\n"
"                     [--digits N] [--prec-cap BITS] [--budget SECONDS] [--json]\n"
"\n"
"Two tokens on the sphere S^{D-1} under common noise and self-attention with\n"
"Q = K = V = I (doc/model.md, section 9).  The overlap rho = <X, Y> is a\n"
"diffusion on [-1, 1] with the variance rate a(rho) of 'synccert twopoint' and\n"
"the drift\n"
"    b_gamma(rho) = b(rho) + 2 gamma w(rho) (1 - rho^2),\n"
"    w(rho) = e^{beta rho} / (e^beta + e^{beta rho})  (the softmax weight of the other token).\n"
"Printed, certified:\n"
"  diagonal    the exponent lambda_gamma = lambda - gamma of log|X - Y| near rho = 1:\n"
"              attracting (< 0: reached with positive probability) or repelling\n"
"  antipodal   phi odd (and s = 0): the exponent mu = lambda + 2 gamma/(1 + e^{2 beta})\n"
"              of log|X + Y|, attracting or repelling; phi not odd: b(-1) =\n"
"              sigma^2 (d-1)(K(1) + K(-1)) > 0 and the antipodal set is no\n"
"              outcome (never reached for d >= 3, left at once for d = 2)\n"
"              (oddness is decided exactly from the activation, never from an\n"
"              enclosure of K(1) + K(-1))\n"
"  outcome     synchronises a.s. (only the diagonal attracts), both with positive\n"
"              probability (both attract), ends antipodal a.s., or never\n"
"              synchronises (neither attracts)\n"
"  P(sync | rho0), P(antipodal | rho0)   with --rho0: the probabilities that the\n"
"              pair ends synchronised / antipodal, from the scale density\n"
"              s'(rho) = exp(-int_0^rho 2 b_gamma / a) when both ends attract:\n"
"              P(sync | rho0) = int_{-1}^{rho0} s' / int_{-1}^{1} s'; otherwise 1 or 0\n"
"              from the outcome (both 0 when the pair never synchronises).\n"
"\n"
"options:\n"
"  ACT               activation (see 'synccert help activations')\n"
"  --dim D           dimension d >= 2 (integer, required)\n"
"  --gamma G         attention strength gamma >= 0 (default 0)\n"
"  --beta B          inverse temperature beta >= 0 (default 0)\n"
"  --rho0 R[,R...]   starting overlaps in [-1, 1] (exact decimals or ratios)\n"
"  --sigma S         noise strength sigma > 0 (default 1)\n"
"  --weight-var Q    weight variance q > 0 (default 1)\n"
"  --bias-var S0     bias variance s >= 0 (default 0; s > 0 breaks oddness)\n"
"  --digits N        correct digits of every printed number, 1..3000 (default 6)\n"
"  --prec-cap BITS   highest working precision (default 4 x the start, >= 256)\n"
"  --budget SECONDS  stop after this much time and exit 1 (default 600)\n"
"  --json            one JSON object instead of the table\n"
"\n"
"The probabilities are enclosures (see 'synccert help output'): Chebyshev pieces\n"
"with rigorous error bounds in the interior and incomplete beta integrals at the\n"
"ends (doc/model.md, section 9.4).  Activations without a closed-form kernel\n"
"(tanh, ...) use their Hermite series with certified tails, which limits how\n"
"many digits are affordable; past the cap synccert exits 1 and says how many\n"
"digits it reached.\n"
"Examples:\n"
"  synccert pair tanh --dim 8 --gamma 0.3 --beta 1 --rho0 -0.2\n"
"  synccert pair linear --dim 4 --gamma 0.5 --beta 0 --rho0 0      # RQF with attention\n"
"Exit status: 0 success, 1 digits or budget not reached, 2 bad input,\n"
"130 / 143 interrupted (SIGINT / SIGTERM).\n";

#define CMD "pair"

enum { DIM, GAMMA, BETA, RHO, SIGMA, Q, S, DIG, CAP, NOPT };

static int read_problem(sc_pair_problem *P, const char *const *o)
{
    int rc;
    if ((rc = sc_cli_dim(P->d, o[DIM], CMD)) ||
        (rc = sc_cli_num(P->gamma, o[GAMMA], "0", CMD, "--gamma", SC_CLI_NONNEG)) ||
        (rc = sc_cli_num(P->beta, o[BETA], "0", CMD, "--beta", SC_CLI_NONNEG)) ||
        (rc = sc_cli_sqs(P->sigma, o[SIGMA], P->q, o[Q], P->s, o[S], CMD)) ||
        (o[RHO] && sc_pair_problem_parse_rho0(P, o[RHO]) != SC_OK && (rc = sc_cli_lib_fail(CMD, SC_ERR_INPUT))) ||
        (o[DIG] && (rc = sc_cli_digits(&P->digits, o[DIG], CMD))) ||
        (rc = sc_cli_slong(&P->prec_cap, o[CAP], CMD, "--prec-cap", 64, SC_PREC_MAX)))
        return rc;
    return 0;
}

/* the antipodal line: the exponent (odd phi) or b(-1) */
static const char *anti_reason(const sc_pair_result *r)
{
    if (r->ly.odd)
        return "   (phi odd: mu = lambda + 2 gamma w(-1), w(-1) = 1/(1 + e^{2 beta}))";
    return r->anti == SC_PAIR_END_UNDECIDED ? "   (phi not known odd; the sign of b(-1) is undecided)"
                                            : "   (phi not odd: b(-1) > 0 pushes the pair away)";
}

static void print_text(const char *spec, const sc_pair_problem *P, const sc_pair_result *r)
{
    slong n = P->digits, i;
    sc_cli_text_model(spec, P->d, P->sigma, P->q, P->s);
    printf("\ngamma, beta  "); fmpq_print(P->gamma); printf(", "); fmpq_print(P->beta);
    printf("\nK(1)         "); sc_cli_text_real(stdout, r->ly.K1, n);
    printf("\nK'(1)        "); sc_cli_text_real(stdout, r->ly.dK1, n);
    printf("\nlambda       "); sc_cli_text_real(stdout, r->ly.lambda, n);
    printf("\nv            "); sc_cli_text_real(stdout, r->ly.v, n);
    printf("\ndiagonal     lambda_gamma = lambda - gamma = ");
    sc_cli_text_real(stdout, r->lambda_gamma, n);
    printf("   %s", sc_pair_end_name(r->diag));
    printf("\nantipodal    ");
    if (r->ly.odd)
    {
        printf("mu = "); sc_cli_text_real(stdout, r->mu, n);
    }
    else
    {
        printf("b(-1) = "); sc_cli_text_real(stdout, r->ly.bminus1, n);
    }
    printf("   %s%s", sc_pair_end_name(r->anti), anti_reason(r));
    printf("\noutcome      %s\n", sc_pair_outcome_name(r->outcome));
    for (i = 0; i < r->nrho; i++)
    {
        char *rs = sc_fmpq_decimal(P->rho0 + i);
        if (!r->has_prob)
            printf("P(sync | rho0 = %s)   not available: the outcome is undecided\n", rs);
        else
        {
            printf("P(sync | rho0 = %s)        ", rs); sc_cli_text_real(stdout, r->psync + i, n);
            printf("\nP(antipodal | rho0 = %s)   ", rs); sc_cli_text_real(stdout, r->panti + i, n);
            printf("\n");
        }
        flint_free(rs);
    }
    if (r->integrated)
        printf("method       scale integral: %ld Chebyshev pieces, ends cut at 1 - 2^-%ld, K by %s\n",
               (long) r->pieces, (long) r->end_log2,
               r->kd_method == SC_PAIR_KD_SERIES ? "its Hermite series (certified tails)" : "its closed form");
}

static int run(int argc, char **argv)
{
    const char *o[NOPT] = { NULL }, *pos[1];
    int json = 0, npos = 0, rc, st;
    sc_opt opts[] = {
        { "dim", 1, &o[DIM] }, { "gamma", 1, &o[GAMMA] }, { "beta", 1, &o[BETA] },
        { "rho0", 1, &o[RHO] }, { "sigma", 1, &o[SIGMA] }, { "weight-var", 1, &o[Q] },
        { "bias-var", 1, &o[S] }, { "digits", 1, &o[DIG] }, { "prec-cap", 1, &o[CAP] },
        { "json", 0, NULL, &json },
    };
    sc_act_t act;
    sc_pair_problem P;
    sc_pair_result r;

    sc_act_init(act);
    sc_pair_problem_init(&P);
    sc_pair_result_init(&r);
    if ((rc = sc_cli_parse(argc, argv, opts, sizeof(opts) / sizeof(opts[0]), pos, 1, &npos)) != 0)
        goto done;
    if (npos != 1)
    {
        rc = sc_cli_fail(CMD, SC_EXIT_USAGE, "expected one activation (see 'synccert help pair')");
        goto done;
    }
    if ((rc = sc_cli_act(act, pos[0], CMD)) || (rc = read_problem(&P, o)))
        goto done;
    st = sc_pair_certify(&r, act, &P);
    if ((rc = sc_cli_done(CMD, st)) == 0)
    {
        char *spec = sc_act_spec(act);
        if (json)
        {
            sc_json_pair(stdout, spec, &P, &r);
            printf("\n");
        }
        else
            print_text(spec, &P, &r);
        flint_free(spec);
    }
done:
    sc_act_clear(act);
    sc_pair_problem_clear(&P);
    sc_pair_result_clear(&r);
    return rc;
}

const sc_cmd sc_cmd_pair = {
    "pair", run,
    "two tokens with attention: classes of both ends, outcome, certified P(sync | rho0)",
    help
};
