/* Report section: the dual kernel at rho = +-1 (doc/model.md, sections 2
   and 3). */
#include "synccert/report.h"
#include "sections.h"

void _sc_report_sec_kernel(FILE *tex, sc_report_opts *o)
{
    const char *acts = o->acts ? o->acts : o->small ? "relu,erf,tanh,gelu"
                                                     : "all,hermite:a1=1,a2=1/2,poly:c1=1,c3=-1/6";

    fprintf(tex, "\\section{The dual kernel}\n"
                 "Table~\\ref{tab:kernel} lists $K(1)=\\mathbb{E}[\\phi(Z)^2]$,\n"
                 "$K'(1)=\\mathbb{E}[\\phi'(Z)^2]$ and $K(-1)$ for the built-in activations\n"
                 "($Z\\sim N(0,1)$), the variance rate $v$ near the diagonal, and the behaviour of\n"
                 "the antipodal set $\\rho=-1$: repelling when $b(-1)=\\sigma^2(d-1)(K(1)+K(-1))>0$;\n"
                 "for odd $\\phi$, $b(-1)=0$ and antipodal pairs attract exactly when nearby pairs\n"
                 "synchronise.  \\texttt{step} and \\texttt{sign} jump at $0$, so $K'(1)=\\infty$.\n\n");
    _sc_report_table(tex, o, acts, NULL, "K1,dK1,Km1,v,antipodal", "tab:kernel",
                     "The dual kernel at $\\rho=\\pm1$.", NULL);
}
