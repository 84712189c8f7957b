/* Report section: synchronisation (doc/model.md, section 4): the critical
   dimension, lambda, p* and the verdicts, and the figure of lambda against
   d with the certified enclosures as error bars. */
#include <arb.h>
#include "synccert/report.h"
#include "synccert/lyapunov.h"
#include "synccert/prec.h"
#include "sections.h"

/* Figure: lambda against d with error bars from the enclosures. */
static void fig_lambda(FILE *tex, const sc_report_opts *o)
{
    static const char *const big[] = { "relu", "erf", "tanh", "gelu", "silu", "sin", NULL };
    static const char *const small[] = { "relu", "tanh", "gelu", NULL };
    static const char *const color[] = { "black", "blue", "red", "teal", "orange", "violet" };
    static const char *const mark[] = { "*", "square*", "triangle*", "diamond*", "pentagon*", "o" };
    const char *const *acts = o->small ? small : big;
    slong dmax = o->small ? 40 : 64, step = o->small ? 4 : 2, d, i;
    slong prec = sc_prec_for_digits(o->digits) + 32;
    double maxrad = 0;
    arb_t lam, db, s2;
    arb_init(lam);
    arb_init(db);
    arb_init(s2);
    arb_one(s2);

    fprintf(tex, "\\begin{figure}[htbp]\n\\centering\n"
                 "\\begin{tikzpicture}\n\\begin{axis}[width=0.92\\textwidth, height=8cm,\n"
                 "  xlabel={dimension $d$}, ylabel={$\\lambda$ ($\\sigma=1$)}, xmin=0, xmax=%ld,\n"
                 "  ymin=-1.1, ymax=1.6, grid=major, legend pos=north west, legend cell align=left,\n"
                 "  legend style={font=\\footnotesize}]\n", (long) dmax + 2);
    fprintf(tex, "\\addplot[gray, dashed, forget plot] coordinates {(0,0) (%ld,0)};\n", (long) dmax + 2);
    for (i = 0; acts[i] != NULL; i++)
    {
        sc_act_t act;
        sc_lyap_result r;
        fmpz_t two;
        int st;
        sc_act_init(act);
        sc_lyap_result_init(&r);
        fmpz_init_set_ui(two, 2);
        sc_act_parse(act, acts[i]);
        st = sc_lyapunov_certify(&r, act, two, NULL, NULL, NULL, o->digits, 0);
        if (st == SC_OK || st == SC_ERR_PREC)
        {
            fprintf(tex, "\\addplot[%s, mark=%s, mark size=1.3pt, only marks,\n"
                         "  error bars/.cd, y dir=both, y explicit] coordinates {\n", color[i], mark[i]);
            for (d = 2; d <= dmax; d += step)
            {
                double mid, rad;
                arb_set_si(db, d);
                sc_lyapunov_lambda_v(lam, NULL, r.K1, r.dK1, db, s2, prec);
                if (!arb_is_finite(lam))
                    continue;
                mid = arf_get_d(arb_midref(lam), ARF_RND_NEAR);
                rad = mag_get_d(arb_radref(lam));
                if (rad > maxrad)
                    maxrad = rad;
                if (mid > 1.6 || mid < -1.1)
                    continue;
                fprintf(tex, "  (%ld, %.12g) +- (0, %.3g)\n", (long) d, mid, rad);
            }
            fprintf(tex, "};\n\\addlegendentry{\\texttt{%s}}\n", acts[i]);
        }
        fmpz_clear(two);
        sc_lyap_result_clear(&r);
        sc_act_clear(act);
    }
    fprintf(tex, "\\end{axis}\n\\end{tikzpicture}\n");
    fprintf(tex, "\\caption{Two-point Lyapunov exponent $\\lambda$ against the dimension $d$\n"
                 "($\\sigma=1$, $q=1$, $s=0$), computed from certified enclosures of $K(1)$ and\n"
                 "$K'(1)$.  The error bars are the enclosures themselves: every half-width is\n"
                 "below $%.1g$, far below the line width.  Points below the dashed line\n"
                 "synchronise; each activation with $K'(1)>K(1)$ crosses it at its critical\n"
                 "dimension $d^*$ (Table~\\ref{tab:sync}); \\texttt{relu} ($K'(1)=K(1)$) never does.}\n"
                 "\\label{fig:lambda}\n\\end{figure}\n\n", maxrad > 0 ? maxrad * 1.05 : 1e-300);
    arb_clear(lam);
    arb_clear(db);
    arb_clear(s2);
}

void _sc_report_sec_sync(FILE *tex, sc_report_opts *o)
{
    const char *acts = o->acts ? o->acts : "relu,erf,tanh,gelu";
    const char *dims = o->small ? "4,32" : "3,8,32,64";

    fprintf(tex, "\\section{Synchronisation}\n"
                 "Tables~\\ref{tab:sync}%s give the critical dimension $d^*$, and for several\n"
                 "dimensions the two-point Lyapunov exponent $\\lambda$, the largest contracting\n"
                 "moment $p^*$ and the verdict, drawn from the sign of the enclosure of $\\lambda$.\n"
                 "\\emph{none} in the $d^*$ column means $K'(1)\\le K(1)$: the noise synchronises\n"
                 "in every dimension.  For \\texttt{step} and \\texttt{sign}, $\\lambda=-\\infty$ at\n"
                 "$d=2$, $+\\infty$ from $d=4$ on, and is undefined at $d=3$.\n"
                 "Figure~\\ref{fig:lambda} shows $\\lambda$ against $d$.\n\n",
            o->small ? "" : " and~\\ref{tab:sync2}");
    if (o->small)
        _sc_report_table(tex, o, acts, dims, "dstar,lambda,pstar,verdict", "tab:sync",
                         "Synchronisation by common noise.",
                         "Synchronisation by common noise (d* = critical dimension, p* = -2 lambda / v):");
    else
    {
        /* two halves, so that each fits on a page */
        _sc_report_table(tex, o, "linear,relu,leaky_relu,abs,step,sign,erf,tanh", dims,
                         "dstar,lambda,pstar,verdict", "tab:sync",
                         "Synchronisation by common noise (I).",
                         "Synchronisation by common noise (d* = critical dimension, p* = -2 lambda / v):");
        _sc_report_table(tex, o, "sigmoid,gelu,gelu_tanh,silu,softplus,elu,sin,cos", dims,
                         "dstar,lambda,pstar,verdict", "tab:sync2",
                         "Synchronisation by common noise (II).", "");
    }
    _sc_report_progress(o, "figure: lambda against d");
    fig_lambda(tex, o);
}
