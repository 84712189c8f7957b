/* Report section: the noise coercivity constant c_p (doc/model.md,
   section 5). */
#include "synccert/report.h"
#include "sections.h"

void _sc_report_sec_coercivity(FILE *tex, sc_report_opts *o)
{
    const char *acts = o->small ? "relu,erf" : "all";
    const char *dims = o->small ? "4" : "3,16";

    fprintf(tex, "\\section{Coercivity of the noise}\n"
                 "Table~\\ref{tab:coerc} gives certified enclosures of the coercivity constant\n"
                 "$c_{1/2}$ at $d=3$ and $d=16$ (branch and bound over $\\rho\\in[-1,1)$, interval extensions of $K$,\n"
                 "$K'$ and $D(\\rho)=(K(1)-K(\\rho))/(1-\\rho)$).  If $c_p-p\\gamma L_{\\mathrm{att}}>0$,\n"
                 "$\\mathbb{E}\\sum_{i<j}|x_i-x_j|^p$ decays at least like $e^{-(c_p-p\\gamma\n"
                 "L_{\\mathrm{att}})t}$ for every $N$.  For odd $\\phi$, $c_p\\le 0$: antipodal pairs\n"
                 "are stationary, the energy certificate does not apply, and the right question\n"
                 "is synchronisation up to sign: see the projective energy\n"
                 "(\\texttt{synccert coercivity --projective}) and two tokens with attention\n"
                 "(\\texttt{synccert pair}) in the section ``Two tokens''.\n"
                 "Fewer digits mean the branch and bound stopped at its tolerance ($10^{-6}$)\n"
                 "or time budget; the enclosure is still certified.\n\n");
    _sc_report_table(tex, o, acts, dims, "cp", "tab:coerc", "Noise coercivity $c_p$, $p = 1/2$.",
                     "Noise coercivity c_p, p = 1/2:");
}
