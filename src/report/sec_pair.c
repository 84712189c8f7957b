/* Report section "Two tokens" (doc/model.md sections 9 and 10): the phase
   diagram of two tokens with identity attention in (beta, gamma) from
   certify runs (properties antipodal and pair-sync), a table of certified
   P(sync | rho0), and the projective coercivity constant of odd
   activations (synchronisation up to sign). */
#include "synccert/report.h"
#include "synccert/regime.h"
#include "synccert/pair.h"
#include "synccert/coercivity.h"
#include "synccert/print.h"
#include "synccert/table.h"
#include "sections.h"

#define BMAX 3      /* beta in [0, BMAX] */
#define GMAX 2      /* gamma in [0, GMAX] */

/* a certify run over beta in [0, BMAX], gamma in [0, GMAX] at dimension d */
static int phase_run(sc_regime_result *R, const char *act, slong d, int property, int small)
{
    sc_regime_problem P;
    fmpq_t lo, hi;
    int st;
    sc_regime_problem_init(&P);
    fmpq_init(lo);
    fmpq_init(hi);
    sc_act_parse(P.act, act);
    P.property = property;
    P.max_depth = small ? 10 : 14;
    P.budget = small ? 5 : 20;
    fmpq_set_si(lo, d, 1);
    sc_regime_add_axis(&P, "d", SC_AXIS_DIM, -1, lo, lo);
    fmpq_zero(lo);
    fmpq_set_si(hi, BMAX, 1);
    sc_regime_add_axis(&P, "beta", SC_AXIS_BETA, -1, lo, hi);
    fmpq_set_si(hi, GMAX, 1);
    sc_regime_add_axis(&P, "gamma", SC_AXIS_GAMMA, -1, lo, hi);
    st = sc_regime_run(R, &P);
    fmpq_clear(lo);
    fmpq_clear(hi);
    sc_regime_problem_clear(&P);
    return st;
}

/* the leaves of class cls as rectangles (axes: 0 = d, 1 = beta, 2 = gamma) */
static void draw(FILE *tex, const sc_regime_result *R, int cls, const char *fill)
{
    slong i;
    for (i = 0; i < R->nleaves; i++)
        if (R->leaves[i].cls == cls)
            fprintf(tex, "\\fill[%s] (axis cs:%.6g,%.6g) rectangle (axis cs:%.6g,%.6g);\n", fill,
                    fmpq_get_d(R->leaves[i].lo + 1), fmpq_get_d(R->leaves[i].lo + 2),
                    fmpq_get_d(R->leaves[i].hi + 1), fmpq_get_d(R->leaves[i].hi + 2));
}

/* One panel: antipodal leaves (certified: both outcomes; refuted: no
   antipodal outcome), then the pair-sync leaves that refute (neither end
   attracts) or stay undecided on top.  Returns the undecided volume. */
static double panel(FILE *tex, const char *act, slong d, int small)
{
    sc_regime_result A, S;
    double und = 0;
    sc_regime_result_init(&A);
    sc_regime_result_init(&S);
    fprintf(tex, "\\begin{tikzpicture}\n\\begin{axis}[width=0.47\\textwidth, height=5.2cm,\n"
                 "  xlabel={$\\beta$}, ylabel={$\\gamma$}, xmin=0, xmax=%d, ymin=0, ymax=%d, axis on top,\n"
                 "  title={\\texttt{%s}, $d=%ld$}, title style={font=\\small}]\n", BMAX, GMAX, act, (long) d);
    if (phase_run(&A, act, d, SC_PROP_ANTIPODAL, small) == SC_OK &&
        phase_run(&S, act, d, SC_PROP_PAIR_SYNC, small) == SC_OK)
    {
        draw(tex, &A, SC_LEAF_REFUTED, "green!35");
        draw(tex, &A, SC_LEAF_CERTIFIED, "blue!55");
        draw(tex, &A, SC_LEAF_UNDECIDED, "black!25");
        draw(tex, &S, SC_LEAF_REFUTED, "red!55");
        draw(tex, &S, SC_LEAF_UNDECIDED, "black!25");
        und = fmpq_get_d(A.frac[SC_LEAF_UNDECIDED]) + fmpq_get_d(S.frac[SC_LEAF_UNDECIDED]);
    }
    fprintf(tex, "\\end{axis}\n\\end{tikzpicture}");
    sc_regime_result_clear(&A);
    sc_regime_result_clear(&S);
    return und;
}

static void phase_figure(FILE *tex, const sc_report_opts *o)
{
    static const char *const acts[2] = { "tanh", "linear" };
    static const slong dims[2][2] = { { 4, 16 }, { 2, 16 } };
    double und = 0;
    int i, j;
    fprintf(tex, "\\begin{figure}[htbp]\n\\centering\n");
    for (i = 0; i < 2; i++)
        for (j = 0; j < 2; j++)
        {
            und += panel(tex, acts[i], dims[i][j], o->small);
            fprintf(tex, j == 0 ? "\\hfill\n" : "\\\\[4pt]\n");
        }
    fprintf(tex, "\\caption{Two tokens with identity attention: certified phase diagram in\n"
                 "$(\\beta,\\gamma)$ ($\\sigma=1$, $q=1$, $s=0$).  Blue: the antipodal set attracts\n"
                 "($\\mu<0$ on the whole box), so the pair ends synchronised or antipodal, both\n"
                 "with positive probability.  Green: $\\mu>0$ and $\\lambda_\\gamma<0$, the pair\n"
                 "synchronises almost surely.  Red: $\\lambda_\\gamma=\\lambda-\\gamma>0$, neither end\n"
                 "attracts and the pair never synchronises.  Grey: undecided at the depth used\n"
                 "(the boundary; mean undecided area fraction of the eight runs %.3g).  Each box comes from a\n"
                 "\\texttt{certify} run (\\texttt{--property antipodal} and \\texttt{pair-sync})\n"
                 "with ball-valued $\\beta$, $\\gamma$.  For \\texttt{tanh} the noise alone\n"
                 "synchronises at $d=4$ but not at $d=16>d^*$; the linear activation has\n"
                 "$K'(1)=K(1)$, so $\\lambda=-\\sigma^2$ and its diagram does not depend on $d$\n"
                 "(antipodal boundary $\\gamma=\\sigma^2(1+e^{2\\beta})/2$).}\n"
                 "\\label{fig:pair}\n\\end{figure}\n\n", und / 8);
}

/* P(sync | rho0) for a few activations at d = 4, gamma = 3/10, beta = 1 */
static void prob_table(FILE *tex, sc_report_opts *o)
{
    static const char *const big[] = { "linear", "erf", "sin", "tanh", NULL };
    static const char *const small[] = { "linear", "erf", NULL };
    static const int rnum[3] = { -1, 0, 1 };
    const char *const *acts = o->small ? small : big;
    slong digits = o->small ? 6 : FLINT_MIN(o->digits, 8), i, k;
    fmpq rho[3];
    for (k = 0; k < 3; k++)
    {
        fmpq_init(rho + k);
        fmpq_set_si(rho + k, rnum[k], 2);
    }
    fprintf(tex, "\\begin{table}[htbp]\n\\centering\n\\small\n"
                 "\\caption{Certified $P(\\text{sync}\\mid\\rho_0)$ of two tokens ($d=4$,\n"
                 "$\\gamma=0.3$, $\\beta=1$, $\\sigma=1$), from \\texttt{synccert pair}; the\n"
                 "complementary $P(\\text{antipodal}\\mid\\rho_0)$ is certified as well and the\n"
                 "two enclosures contain values summing to 1.  Every printed digit is correct:\n"
                 "a printed $S$ whose last digit has unit $u$ satisfies $|x-S|\\le u/2$.}\n"
                 "\\label{tab:pair}\n\\begin{tabular}{lr@{}lr@{}lr@{}l}\n\\toprule\n"
                 "$\\phi$ & \\multicolumn{2}{c}{$\\rho_0=-0.5$} & \\multicolumn{2}{c}{$\\rho_0=0$} & "
                 "\\multicolumn{2}{c}{$\\rho_0=0.5$} \\\\\n\\midrule\n");
    for (i = 0; acts[i] != NULL; i++)
    {
        sc_act_t act;
        sc_pair_problem P;
        sc_pair_result R;
        sc_act_init(act);
        sc_pair_problem_init(&P);
        sc_pair_result_init(&R);
        sc_act_parse(act, acts[i]);
        fmpz_set_ui(P.d, 4);
        fmpq_set_si(P.gamma, 3, 10);
        fmpq_one(P.beta);
        sc_pair_problem_set_rho0(&P, rho, 3);
        P.digits = digits;
        fprintf(tex, "\\texttt{%s}", acts[i]);
        if (o->summary)
            fprintf(o->summary, "  %-8s", acts[i]);
        if (sc_pair_certify(&R, act, &P) == SC_OK && R.has_prob)
            for (k = 0; k < 3; k++)
            {
                char *ds = sc_arb_digits(R.psync + k, digits), *tx = sc_tex_number(ds, 1);
                fprintf(tex, " & %s", tx);
                if (o->summary)
                    fprintf(o->summary, "%s%s", k ? ", " : "", ds);
                flint_free(ds);
                flint_free(tx);
            }
        else
        {
            fprintf(tex, " & \\multicolumn{6}{c}{not available: %s}", sc_last_error());
            o->undecided++;
        }
        fprintf(tex, " \\\\\n");
        if (o->summary)
            fprintf(o->summary, "\n");
        sc_pair_result_clear(&R);
        sc_pair_problem_clear(&P);
        sc_act_clear(act);
    }
    fprintf(tex, "\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
    for (k = 0; k < 3; k++)
        fmpq_clear(rho + k);
}

/* c_{1/4}^pm of odd activations at d = 4 and 16 */
static void projective_table(FILE *tex, sc_report_opts *o)
{
    static const char *const acts[] = { "linear", "erf", "sin", "tanh", NULL };
    static const slong dims[2] = { 4, 16 };
    slong i, k;
    fprintf(tex, "\\begin{table}[htbp]\n\\centering\n\\small\n"
                 "\\caption{Projective coercivity $c_{1/4}^{\\pm}$ of odd activations ($\\sigma=1$),\n"
                 "\\texttt{synccert coercivity ACT --projective --p 1/4}: positive means every\n"
                 "number of tokens synchronises up to sign; linear: $p(1-p)\\sigma^2=3/16$ exactly.\n"
                 "Enclosures of width at most $10^{-6}$.}\n"
                 "\\label{tab:projective}\n\\begin{tabular}{lll}\n\\toprule\n"
                 "$\\phi$ & $d=4$ & $d=16$ \\\\\n\\midrule\n");
    for (i = 0; acts[i] != NULL && !(o->small && i > 1); i++)
    {
        fprintf(tex, "\\texttt{%s}", acts[i]);
        for (k = 0; k < 2; k++)
        {
            sc_act_t act;
            sc_coerc_problem P;
            sc_coerc_cert r;
            sc_act_init(act);
            sc_coerc_problem_init(&P);
            sc_coerc_cert_init(&r);
            sc_act_parse(act, acts[i]);
            P.d = dims[k];
            P.projective = 1;
            fmpq_set_si(P.p, 1, 4);
            if (sc_coercivity_certify(&r, act, &P) == SC_OK)
            {
                char *lo, *hi;
                sc_arb_bounds(&lo, &hi, r.cp, 7);
                fprintf(tex, " & $[%s, %s]$", lo, hi);
                flint_free(lo);
                flint_free(hi);
            }
            else
                fprintf(tex, " & not available");
            sc_coerc_cert_clear(&r);
            sc_coerc_problem_clear(&P);
            sc_act_clear(act);
        }
        fprintf(tex, " \\\\\n");
    }
    fprintf(tex, "\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
}

void _sc_report_sec_pair(FILE *tex, sc_report_opts *o)
{
    fprintf(tex, "\\section{Two tokens}\n"
                 "With self-attention $Q=K=V=I$, a token is pulled towards the other one with the\n"
                 "softmax weight $w(\\rho)=e^{\\beta\\rho}/(e^{\\beta}+e^{\\beta\\rho})$, and the overlap\n"
                 "$\\rho$ of two tokens stays a diffusion with drift\n"
                 "$b_\\gamma(\\rho)=b(\\rho)+2\\gamma w(\\rho)(1-\\rho^2)$.  Its ends are classified\n"
                 "exactly: the diagonal has exponent $\\lambda_\\gamma=\\lambda-\\gamma$; for odd $\\phi$\n"
                 "the antipodal set has exponent $\\mu=\\lambda+2\\gamma/(1+e^{2\\beta})$, while for\n"
                 "$\\phi$ not odd $b(-1)>0$ and it is never an outcome.  When both ends attract,\n"
                 "$P(\\text{sync}\\mid\\rho_0)=\\int_{-1}^{\\rho_0}s'/\\int_{-1}^{1}s'$ with the scale\n"
                 "density $s'=\\exp(-\\int_0^\\rho 2b_\\gamma/a)$, enclosed by Chebyshev pieces with\n"
                 "rigorous error bounds and incomplete beta integrals at the ends\n"
                 "(\\texttt{doc/model.md}, section 9).  Figure~\\ref{fig:pair} is the phase\n"
                 "diagram, Table~\\ref{tab:pair} the probabilities.\n\n"
                 "For odd $\\phi$ the energy certificate of the coercivity section does not apply\n"
                 "($c_p\\le0$): antipodal pairs are stationary.  The projective energy\n"
                 "$\\sum_{i<j}(1-\\rho_{ij}^2)^{p/2}$ replaces it; if its coercivity constant\n"
                 "$c_p^{\\pm}>0$ (Table~\\ref{tab:projective}), every number of tokens synchronises\n"
                 "up to sign (\\texttt{synccert coercivity --projective}, section 10).\n\n");
    _sc_report_progress(o, "two tokens: phase diagram (certify runs)");
    phase_figure(tex, o);
    _sc_report_progress(o, "two tokens: P(sync | rho0)");
    if (o->summary)
        fprintf(o->summary, "\nTwo tokens (identity attention), certified P(sync | rho0 = -0.5, 0, 0.5), "
                "d = 4, gamma = 0.3, beta = 1:\n");
    prob_table(tex, o);
    _sc_report_progress(o, "two tokens: projective coercivity");
    projective_table(tex, o);
}
