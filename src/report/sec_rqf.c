/* Report section: the random quadratic form (doc/model.md, section 6):
   exact Lyapunov spectra next to the certified two-point exponent of the
   linear activation, and the certified hitting probabilities. */
#include <arb.h>
#include "synccert/report.h"
#include "synccert/rqf.h"
#include "synccert/lyapunov.h"
#include "synccert/prec.h"
#include "synccert/print.h"
#include "synccert/table.h"
#include "sections.h"

/* An exact rational in LaTeX: an integer, or $\tfrac{a}{b}$ with its sign. */
static void tex_fmpq(FILE *f, const fmpq_t x)
{
    int neg = fmpz_sgn(fmpq_numref(x)) < 0, integer = fmpz_is_one(fmpq_denref(x));
    fmpz_t a;
    fmpz_init(a);
    fmpz_abs(a, fmpq_numref(x));
    fputs(integer ? (neg ? "$-$" : "") : (neg ? "$-\\tfrac{" : "$\\tfrac{"), f);
    fmpz_fprint(f, a);
    if (!integer)
    {
        fputs("}{", f);
        fmpz_fprint(f, fmpq_denref(x));
        fputs("}$", f);
    }
    fmpz_clear(a);
}

/* One row of the table: n, the exact spectrum (sigma = 1) and its sum, and
   the certified lambda of the linear activation in dimension n. */
static void spectrum_row(FILE *tex, slong n, slong digits)
{
    fmpz_t nz, kz;
    fmpq_t lam, sig;
    sc_act_t act;
    sc_lyap_result r;
    char *ds, *tx;
    slong k;

    fmpz_init_set_ui(nz, n);
    fmpz_init(kz);
    fmpq_init(lam);
    fmpq_init(sig);
    fmpq_one(sig);
    fprintf(tex, "%ld & ", (long) n);
    for (k = 1; k <= n; k++)
    {
        fmpz_set_si(kz, k);
        sc_rqf_lyap_k(lam, nz, kz, sig);
        tex_fmpq(tex, lam);
        fputs(k < n ? ", " : "", tex);
    }
    sc_rqf_spectrum_sum(lam, nz, sig);
    fputs(" & ", tex);
    tex_fmpq(tex, lam);
    sc_act_init(act);
    sc_lyap_result_init(&r);
    sc_act_parse(act, "linear");
    sc_lyapunov_certify(&r, act, nz, NULL, NULL, NULL, digits, 0);
    ds = sc_arb_digits(r.lambda, digits);
    tx = sc_tex_number(ds, 1);
    fprintf(tex, " & %s \\\\\n", tx);
    flint_free(ds);
    flint_free(tx);
    sc_lyap_result_clear(&r);
    sc_act_clear(act);
    fmpz_clear(nz);
    fmpz_clear(kz);
    fmpq_clear(lam);
    fmpq_clear(sig);
}

/* P(sync) = 1 - theta0/pi and P(antipodal) = theta0/pi at theta0 = pi/4,
   pi/2, 3 pi/4, certified. */
static void probabilities(FILE *tex, slong digits)
{
    static const int th_num[3] = { 1, 1, 3 }, th_den[3] = { 4, 2, 4 };
    slong prec = sc_prec_for_digits(digits) + 32;
    arb_t th, ps, pa;
    char *s1, *s2, *s3;
    int i;

    arb_init(th);
    arb_init(ps);
    arb_init(pa);
    fprintf(tex, "Certified hitting probabilities from $\\theta_0$: ");
    for (i = 0; i < 3; i++)
    {
        arb_const_pi(th, prec);
        arb_mul_si(th, th, th_num[i], prec);
        arb_div_si(th, th, th_den[i], prec);
        sc_rqf_probs(ps, pa, th, prec);
        s1 = sc_arb_digits(ps, digits);
        s2 = sc_arb_digits(pa, digits);
        s3 = sc_tex_number(s1, 0);
        fprintf(tex, "$\\theta_0=%s\\pi/%d$: $P(\\text{sync})=$ %s, $P(\\text{antipodal})=$ %s%s",
                th_num[i] == 1 ? "" : "3", th_den[i], s3, s2, i < 2 ? "; " : ".\n\n");
        flint_free(s1);
        flint_free(s2);
        flint_free(s3);
    }
    arb_clear(th);
    arb_clear(ps);
    arb_clear(pa);
}

void _sc_report_sec_rqf(FILE *tex, sc_report_opts *o)
{
    slong nmax = o->small ? 4 : 6, n;

    fprintf(tex, "\\section{The random quadratic form}\n"
                 "The linear activation gives the random quadratic form (RQF) flow\n"
                 "$dX=-\\sigma P_X\\circ dQ_t\\,X$ on $S^{n-1}$, $Q_t=(B_t+B_t^\\top)/2$, the\n"
                 "projection of the linear flow $dY=-\\sigma\\circ dQ\\,Y$.  Its Lyapunov spectrum is\n"
                 "$\\lambda_k=\\sigma^2(n+1-2k)/2$, $k=1,\\dots,n$ (exact rationals, sum zero), the\n"
                 "two-point contraction rate is $\\lambda_1-\\lambda_2=\\sigma^2$, and the angle\n"
                 "$\\theta=\\arccos\\rho$ of two tokens is a martingale, so two tokens at angle\n"
                 "$\\theta_0$ end synchronised with probability $1-\\theta_0/\\pi$ and antipodal\n"
                 "with probability $\\theta_0/\\pi$.  Table~\\ref{tab:rqf} lists the spectrum\n"
                 "($\\sigma=1$) computed by \\texttt{synccert rqf}, next to the two-point exponent of\n"
                 "the general machinery for $\\phi(x)=x$ in dimension $n$, which must equal\n"
                 "$-\\sigma^2$: the RQF is the linear case of the general model.\n\n");
    fprintf(tex, "\\begin{table}[htbp]\n\\centering\n\\small\n"
                 "\\caption{RQF Lyapunov spectra ($\\sigma=1$, exact) and the certified two-point\n"
                 "exponent $\\lambda$ of the linear activation in dimension $n$ (%s)}\n"
                 "\\label{tab:rqf}\n\\begin{tabular}{rlcr@{}l}\n\\toprule\n"
                 "$n$ & $\\lambda_1,\\dots,\\lambda_n$ & $\\sum_k\\lambda_k$ & \\multicolumn{2}{c}{$\\lambda$ (linear $\\phi$)} \\\\\n"
                 "\\midrule\n", "general formula, certified digits");
    for (n = 2; n <= nmax; n++)
        spectrum_row(tex, n, o->digits);
    fprintf(tex, "\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
    probabilities(tex, o->digits);
    if (o->summary)
        fprintf(o->summary, "\nRQF: spectra for n = 2..%ld exact (sum 0), linear-activation lambda = -sigma^2 certified\n",
                (long) nmax);
}
