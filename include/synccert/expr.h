/* synccert: activation functions written as expressions (doc/model.md
   section 2.6).

   The language: the variable x; exact numbers (decimals such as 1.702 or
   1e-3 are read as rationals), pi and e; + - * / and ^ with an exact
   rational exponent; parentheses; the functions
     exp log log1p expm1 sqrt abs sign step max min tanh sinh cosh sin cos
     atan erf erfc sigmoid softplus relu gelu Phi
   (Phi the standard normal cdf; max and min take two arguments).  Named
   parameters follow the body after ';' with their exact default value:
     x*sigmoid(b*x);b=1.702
   Precedence: ^ (right associative) binds tighter than unary minus, which
   binds tighter than * and /, then + and -: -x^2 is -(x^2), 2^-1 is 1/2.

   A parsed expression (sc_expr) holds the tree of phi and of phi' (symbolic
   derivative, constant folding), the flat evaluation programs, its exact
   parity and the properties the certification needs: kinks located exactly
   where the argument of abs, sign, step, relu, max, min is affine in x on
   a piece, growth bounds on the real line from rules per primitive, jumps.
   Every function taking parameter balls accepts wide balls (parameter
   boxes): the results then hold for every parameter value in the balls.

   Thread safety: an sc_expr is immutable after sc_expr_parse; evaluation
   keeps per-thread caches (constants, kinks, growth at one precision and
   parameter vector), so any number of threads may evaluate at once. */
#ifndef SYNCCERT_EXPR_H
#define SYNCCERT_EXPR_H

#include <arb.h>
#include <acb.h>
#include <flint/fmpq.h>
#include "synccert/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct sc_expr_struct sc_expr;

/* Longest expression source accepted (characters). */
#define SC_EXPR_MAXLEN 4000
/* Largest number of parameters and of located kinks. */
#define SC_EXPR_MAXPAR 16
#define SC_EXPR_MAXKINKS 64

/* Parity flags (sc_expr_parity). */
#define SC_EXPR_ODD  1
#define SC_EXPR_EVEN 2

/* Parse "BODY" or "BODY;name=value;..." into *e (free with sc_expr_free).
   Errors (SC_ERR_INPUT, *e = NULL): one line naming the position (1-based,
   in BODY or in the whole string for declarations) and the problem:
   unknown function or name, unbalanced parenthesis, division by a constant
   zero, a non-rational exponent, no x, an argument outside the domain of a
   function somewhere on the real line (log, sqrt, division, fractional
   powers), growth that cannot be bounded (exp(x^2)), a jump that cannot be
   located or decided. */
int sc_expr_parse(sc_expr **e, const char *src);
void sc_expr_free(sc_expr *e);

/* The body as written (without the declarations). */
const char *sc_expr_body(const sc_expr *e);

/* Parameters in declaration order: name and exact default. */
slong sc_expr_nparams(const sc_expr *e);
const char *sc_expr_param_name(const sc_expr *e, slong i);
const fmpq *sc_expr_param_default(const sc_expr *e, slong i);

/* SC_EXPR_ODD / SC_EXPR_EVEN if phi is provably odd / even for every
   parameter value (rules on the tree, doc/model.md 2.6), else 0. */
int sc_expr_parity(const sc_expr *e);

/* 1 if phi jumps (phi' contains a Dirac mass, K'(1) = +inf): certified at
   the default parameters; parameter values for which the jumps vanish or
   appear make evaluation indeterminate (see sc_expr_eval). */
int sc_expr_jumps(const sc_expr *e);

/* 1 if phi is a polynomial in x (its coefficients may involve parameters,
   pi and e); then sc_expr_poly_coeffs gives the monomial coefficients. */
int sc_expr_is_poly(const sc_expr *e);

/* Monomial coefficients c[0..n-1] of a polynomial expression as balls for
   the parameter balls p (n returned, n <= nmax; -1 if not a polynomial or
   the degree exceeds nmax - 1). */
slong sc_expr_poly_coeffs(arb_ptr c, slong nmax, const sc_expr *e, arb_srcptr p, slong prec);

/* The same exactly for rational parameter values p (NULL: defaults): -1
   also when a coefficient is not rational (pi, e, functions of constants). */
slong sc_expr_poly_fmpq(fmpq *c, slong nmax, const sc_expr *e, const fmpq *p);

/* Monomial coefficients of the continuation of piece j (0..n) of
   phi^(deriv) when it is a polynomial (every kink primitive on its branch),
   n <= nmax returned; -1 otherwise (or if some kink is not located). */
slong sc_expr_piece_poly(arb_ptr c, slong nmax, const sc_expr *e, int deriv, slong j,
                         arb_srcptr p, slong prec);

/* Number of located kinks and whether every kink of phi or phi' is located
   (0: some abs/relu/max/min has an argument that is not affine on a piece;
   those are handled by evaluation on balls alone). */
slong sc_expr_kinks(arb_ptr k, int *all_located, const sc_expr *e, arb_srcptr p, slong prec);

/* 1 if a and b have no parameters and the same tree for phi (after the
   exact rewrites of src/expr/tree.c, so `x*erfc(-x/sqrt(2))/2` and
   `x*Phi(x)` are the same), 0 otherwise (which does not prove them
   different functions). */
int sc_expr_same(const sc_expr *a, const sc_expr *b);

/* res = phi^(deriv)(z) on a complex ball, deriv in {0, 1}, parameters p.
   piece = -1: evaluation on the ball; with order >= 1 the result is
   indeterminate unless phi^(deriv) is certified holomorphic on z (kinks and
   branch cuts meeting the ball).  piece = j in 0..n (n = number of located
   kinks): the analytic continuation of phi^(deriv) from the real points
   between kinks j-1 and j (every located kink primitive takes the branch
   of that piece), with the same holomorphy rule for the rest.  Results are
   indeterminate for parameters where the jump property differs from
   sc_expr_jumps, and for deriv = 1 when phi jumps. */
void sc_expr_eval(acb_t res, const sc_expr *e, const acb_t z, int deriv, slong order,
                  slong piece, arb_srcptr p, slong prec);

/* The same with the x-free nodes (constants, parameters, kink locations)
   bound at precision bprec and the operations at prec: callers that vary
   prec from point to point (tapered quadrature) keep one binding in the
   per-thread cache instead of building one per precision. */
void sc_expr_eval_bp(acb_t res, const sc_expr *e, const acb_t z, int deriv, slong order,
                     slong piece, arb_srcptr p, slong bprec, slong prec);

/* Growth bound on the real line for the parameter balls p:
     |phi^(deriv)(x)| <= e^{rate |x|} sum_{j < n} g_j |x|^j   for all real x,
   g[0..n-1] and rate exact upper bounds, n returned (n <= nmax).  Returns
   -1 (with an sc_error message) if the rules give no bound for these
   parameters (e.g. exp(b x^2) with b possibly > 0). */
slong sc_expr_growth(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                     arb_srcptr p, slong prec);

/* Growth bound on a strip around the real line (doc/model.md 2.6):
     |phi^(deriv)(z)| <= e^{rate |Re z|} sum_{j < n} g_j |Re z|^j  for |Im z| <= strip,
   phi^(deriv) holomorphic there, with the widest strip 2^-k <= 1 (k <= 10)
   for which the strip rules apply.  Returns -1 (no message) when there is
   none (kinks that are not fixed, or a rule that fails). */
slong sc_expr_growth_strip(arb_ptr g, arb_t rate, arb_t strip, slong nmax, const sc_expr *e,
                           int deriv, arb_srcptr p, slong prec);

/* The same at one of the candidate strips sc_expr_strip(k), k = 0 ..
   SC_EXPR_NSTRIPS - 1 (widest first: 4, 3, 5/2, 2, 3/2, 1, 1/2, ...,
   1/32), for callers that weigh the width of the strip against the size
   of the bound (the trapezoidal rules of src/kernel/trap.c).  Returns -1
   (no message) where the rules give no bound on that strip. */
#define SC_EXPR_NSTRIPS 11
double sc_expr_strip(slong k);
slong sc_expr_growth_strip_at(arb_ptr g, arb_t rate, slong nmax, const sc_expr *e, int deriv,
                              slong k, arb_srcptr p, slong prec);

/* The same for the analytic continuation of piece j (0..n, n located
   kinks) of phi^(deriv): the expression with every kink primitive on the
   branch of that piece (-1 if some kink is not located). */
slong sc_expr_growth_strip_piece(arb_ptr g, arb_t rate, arb_t strip, slong nmax, const sc_expr *e,
                                 int deriv, slong j, arb_srcptr p, slong prec);

/* Double-precision evaluation of phi (statistical use only: the
   simulator).  par: nparams doubles. */
typedef struct
{
    const sc_expr *e;
    double *reg;        /* one register per node, constants filled */
}
sc_expr_d;

void sc_expr_d_init(sc_expr_d *f, const sc_expr *e, const double *par);
void sc_expr_d_clear(sc_expr_d *f);
/* Not thread-safe on one sc_expr_d (registers): use one per thread, or
   sc_expr_d_eval_regs with a caller-owned buffer of sc_expr_d_nregs(f). */
double sc_expr_d_eval(sc_expr_d *f, double x);
slong sc_expr_d_nregs(const sc_expr_d *f);
double sc_expr_d_eval_regs(const sc_expr_d *f, double *regs, double x);

#ifdef __cplusplus
}
#endif

#endif
