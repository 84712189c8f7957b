/* Report sections: the model in a paragraph, and how to read the numbers
   (doc/model.md, sections 1-5 and 8). */
#include "synccert/report.h"
#include "sections.h"

static const char model_text[] =
"\\section{The model}\n"
"$N$ tokens $x_1,\\dots,x_N$ live on the unit sphere $S^{d-1}$.  One block of a deep,\n"
"normalised transformer with depth step $h$ adds $\\sigma\\sqrt{h}$ times a random MLP\n"
"$W_2\\,\\phi(W_1x+b_1)$ and $h\\gamma$ times self-attention, then renormalises.  The MLP\n"
"weights are Gaussian ($W_1$ entries of variance $q$, biases of variance $s$, $W_2$\n"
"entries of variance $1/m$), drawn afresh in every block and shared by all tokens: the\n"
"MLP acts on the tokens as a \\emph{common noise}.  As $h\\to0$ the tokens follow a\n"
"Stratonovich SDE on the sphere driven by one Gaussian vector field whose spatial\n"
"covariance is the dual kernel $K(\\rho)=\\mathbb{E}[\\phi(U)\\phi(V)]$ of the activation,\n"
"$(U,V)$ centred Gaussian with variance $q+s$ and covariance $q\\rho+s$.  For two tokens\n"
"and $\\gamma=0$ the inner product $\\rho=\\langle X,Y\\rangle$ is a diffusion on $[-1,1]$\n"
"with drift $b(\\rho)=\\sigma^2[(d-2+\\rho^2)K(\\rho)-(d-1)\\rho K(1)]$ and variance\n"
"$a(\\rho)=2\\sigma^2(1-\\rho^2)(K(1)-\\rho K(\\rho))$.  Near the diagonal the log-distance\n"
"of two tokens drifts at the two-point Lyapunov exponent\n"
"\\[\\lambda=\\tfrac{\\sigma^2}{2}\\big[(d-3)K'(1)-(d-1)K(1)\\big],\\qquad\n"
"v=\\sigma^2\\big(K(1)+K'(1)\\big),\\qquad p^*=-2\\lambda/v,\\]\n"
"and the noise synchronises nearby tokens iff $\\lambda<0$ ($\\mathbb{E}|X-Y|^p$ contracts\n"
"near the diagonal for $0<p<p^*$).  Since $\\lambda$ is affine in $d$, an activation with\n"
"$K'(1)>K(1)$ has a critical dimension $d^*=(3K'(1)-K(1))/(K'(1)-K(1))$ above which\n"
"it does not synchronise.  The noise dissipates the interaction energy\n"
"$\\sum_{i<j}|x_i-x_j|^p$ at least at the rate $c_p=\\inf_{\\rho\\in[-1,1)}(-Lf_p/f_p)$,\n"
"$f_p(\\rho)=(1-\\rho)^{p/2}$, $L$ the two-point generator; if $c_p-p\\gamma L_{\\mathrm{att}}>0$\n"
"the expected energy decays exponentially for every number of tokens, whatever the\n"
"attention does ($L_{\\mathrm{att}}$ a one-sided Lipschitz constant of the attention\n"
"drift).\n\n";

static const char reading_text[] =
"\\section{How to read the numbers}\n"
"Every number in this report is computed as a rigorous enclosure with Arb ball\n"
"arithmetic (Gaussian integrals by certified Gauss--Legendre quadrature with explicit\n"
"tail bounds, closed forms where they exist, exact rational inputs) and printed by a\n"
"small digit printer whose integer core is proved correct with Frama-C/WP.  A printed\n"
"value $S$ whose last digit has unit $u$ is the exact value $x$ correctly rounded:\n"
"$|x-S|\\le u/2$.  Fewer digits appear where the enclosure does not support more; a\n"
"zero written $|{\\cdot}|<10^{e}$ is a value whose enclosure lies within $10^e/2$ of $0$.\n"
"Verdicts (synchronises: yes/no; repelling/attracting) are drawn only from the sign of\n"
"an enclosure, decided by the verified core; where the sign is not decided the table\n"
"says \\emph{undecided} instead of guessing.  Unless stated otherwise $\\sigma=1$, $q=1$,\n"
"$s=0$; $\\lambda$, $v$ and $c_p$ scale with $\\sigma^2$, while $K$, $d^*$, $p^*$ and the\n"
"verdicts do not depend on $\\sigma$.\n\n";

void _sc_report_sec_model(FILE *tex, sc_report_opts *o)
{
    fputs(model_text, tex);
    fputs(reading_text, tex);
}
