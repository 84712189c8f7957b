/* Report section: simulated (statistical) versus certified values.  The
   simulator runs the discrete network of doc/model.md section 1; its
   numbers are Monte Carlo estimates with standard errors and an O(h)
   step-size allowance, printed next to the certified h -> 0 limits.
   Nothing in this section is used to decide anything. */
#include <math.h>
#include <string.h>
#include "synccert/report.h"
#include "synccert/sim.h"
#include "synccert/lyapunov.h"
#include "synccert/print.h"
#include "sections.h"

typedef struct
{
    const char *act;
    long d;
}
lyap_case;

/* The certified lambda of act at d (digit string, and a double for the
   plot's line) and the simulated one with its step-size allowance, which
   needs K(1) and K'(1) of the same certified run. */
static int lambda_case(sc_sim_est *e, double *allow, char **cert, double *mid, const sc_act_t act,
                       long d, int small)
{
    sc_sim_params P;
    sc_lyap_result r;
    fmpz_t dd;
    int st;
    sc_sim_params_default(&P);
    P.d = d;
    if ((st = sc_simact_init(&P.phi, act)) != SC_OK)
        return st;
    if ((st = sc_sim_lyapunov(e, &P, small ? 20.0 : 100.0, small ? 2 : 8, 1e-6)) != SC_OK)
        return st;
    fmpz_init_set_ui(dd, (ulong) d);
    sc_lyap_result_init(&r);
    st = sc_lyapunov_certify(&r, act, dd, NULL, NULL, NULL, 10, 0);
    if (st == SC_OK)
    {
        *allow = sc_sim_allowance_lyapunov(&P, arf_get_d(arb_midref(r.K1), ARF_RND_UP),
                                           arf_get_d(arb_midref(r.dK1), ARF_RND_UP));
        *cert = sc_arb_digits(r.lambda, 8);
        *mid = arf_get_d(arb_midref(r.lambda), ARF_RND_NEAR);   /* plot only */
    }
    sc_lyap_result_clear(&r);
    fmpz_clear(dd);
    return st;
}

int _sc_report_sec_sim(FILE *tex, FILE *summary, const sc_report_opts *o)
{
    static const lyap_case full[] = {
        { "relu", 4 }, { "tanh", 4 }, { "tanh", 8 }, { "tanh", 16 }, { "tanh", 24 },
        { "tanh", 32 }, { "gelu", 8 }, { "gelu", 32 }
    };
    static const lyap_case small[] = { { "relu", 4 }, { "tanh", 16 } };
    const lyap_case *cases = o->small ? small : full;
    int ncases = o->small ? 2 : 8, i, st = SC_OK;
    double plot_d[8], plot_sim[8], plot_se[8], plot_cert[8];
    int nplot = 0;

    fprintf(tex, "\\section{Simulated versus certified values}\n"
        "The numbers in this section are \\emph{statistical, not certified}.  The "
        "simulator runs the discrete update of Section~1 itself (width $m=256$, "
        "depth step $h=0.01$, fresh Gaussian weights in every block, sampled exactly in "
        "distribution; \\texttt{synccert simulate}), and estimates the two-point Lyapunov "
        "exponent from pairs renormalised after every block.  Each estimate is a mean "
        "$\\pm$ one standard error; the allowance is a calibrated (heuristic) bound on the "
        "$O(h)$ step-size bias.  The certified column is the $h\\to 0$ limit.  "
        "\\emph{Consistent} means $|\\text{simulated}-\\text{certified}|\\le 5\\,\\text{s.e.}"
        "+\\text{allowance}$.\n\n"
        "\\begin{table}[h]\\centering\n\\begin{tabular}{llrrrl}\n\\toprule\n"
        "activation & $d$ & simulated $\\lambda$ & s.e. & allowance & certified $\\lambda$ (consistent)\\\\\n"
        "\\midrule\n");
    for (i = 0; i < ncases; i++)
    {
        sc_act_t act;
        sc_sim_est e;
        double allow, mid = 0;
        char *cert = NULL;
        int ok;
        sc_act_init(act);
        sc_act_parse(act, cases[i].act);
        st = lambda_case(&e, &allow, &cert, &mid, act, cases[i].d, o->small);
        sc_act_clear(act);
        if (st != SC_OK)
            break;
        ok = fabs(e.mean - mid) <= 5 * e.se + allow;
        fprintf(tex, "\\texttt{%s} & %ld & %.4f & %.4f & %.4f & $%s$ (%s)\\\\\n", cases[i].act,
                cases[i].d, e.mean, e.se, allow, cert, ok ? "yes" : "no");
        if (summary != NULL)
            fprintf(summary, "simulated lambda %-5s d = %-3ld %9.4f +/- %.4f   certified %s  (%s)\n",
                    cases[i].act, cases[i].d, e.mean, e.se, cert, ok ? "consistent" : "NOT consistent");
        if (strcmp(cases[i].act, "tanh") == 0)
        {
            plot_d[nplot] = (double) cases[i].d;
            plot_sim[nplot] = e.mean;
            plot_se[nplot] = e.se;
            plot_cert[nplot] = mid;
            nplot++;
        }
        flint_free(cert);
    }
    fprintf(tex, "\\bottomrule\n\\end{tabular}\n"
        "\\caption{Two-point Lyapunov exponent: Monte Carlo estimate of the discrete network "
        "(statistical) next to the certified limit ($\\sigma=q=1$, $s=0$; certified digits "
        "are correctly rounded).}\n\\end{table}\n\n");
    if (st != SC_OK)
        return st;

    if (nplot >= 2)
    {
        fprintf(tex, "\\begin{figure}[h]\\centering\n\\begin{tikzpicture}\n"
            "\\begin{axis}[width=0.75\\textwidth,height=5.5cm,xlabel={dimension $d$},"
            "ylabel={$\\lambda$ of \\texttt{tanh}},legend pos=north west,grid=major]\n"
            "\\addplot[only marks,mark=*,blue,error bars/.cd,y dir=both,y explicit] coordinates {");
        for (i = 0; i < nplot; i++)
            fprintf(tex, " (%g,%.6f) +- (0,%.6f)", plot_d[i], plot_sim[i], 2 * plot_se[i]);
        fprintf(tex, "};\n\\addlegendentry{simulated ($\\pm 2$ s.e.)}\n"
            "\\addplot[mark=x,red,thick] coordinates {");
        for (i = 0; i < nplot; i++)
            fprintf(tex, " (%g,%.6f)", plot_d[i], plot_cert[i]);
        fprintf(tex, "};\n\\addlegendentry{certified limit}\n"
            "\\end{axis}\n\\end{tikzpicture}\n"
            "\\caption{\\texttt{tanh}: simulated Lyapunov exponent of the discrete network "
            "(statistical) against the certified value; the sign change between $d=14$ and "
            "$d=15$ is the certified critical dimension.}\n\\end{figure}\n\n");
    }
    return SC_OK;
}
