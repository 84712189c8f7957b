/* synccert: certified Gaussian expectations.

   sc_gauss_expect encloses  E[F(Z)] = int F(x) phi(x) dx,  Z ~ N(0,1),
   with acb_calc_integrate on finite pieces [-R, k_1], ..., [k_m, R] split
   at the kinks of F, plus an explicit bound on the two tails |x| > R from a
   polynomial growth bound |F(x)| <= sum_j g_j |x|^j on the real line:
     int_R^inf x^j phi(x) dx = R^{j-1} phi(R) + (j-1) int_R^inf x^{j-2} phi(x) dx. */
#ifndef SYNCCERT_GAUSS_H
#define SYNCCERT_GAUSS_H

#include <arb.h>
#include <acb.h>
#include <acb_calc.h>
#include "synccert/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Maximal number of coefficients in a growth polynomial. */
#define SC_GROWTH_MAX 136

/* F is given as an acb_calc integrand (without the Gaussian weight).
   split[0..nsplit-1]: sorted real points where F may fail to be analytic
   (exact balls; points outside (-R, R) are ignored).
   g[0..ng-1]: |F(x)| <= sum g_j |x|^j for real x (upper bounds used).
   Returns SC_OK; `res` is then a valid enclosure (possibly wide when the
   integrator could not converge at this precision: the caller checks its
   accuracy and raises prec).  When the time budget expires or an
   interruption is asked for during the integration (sc_budget_expired), it
   stops within one integrand evaluation and returns sc_budget_status()
   (SC_ERR_BUDGET or SC_ERR_INTERRUPTED) with `res` indeterminate. */
int sc_gauss_expect(acb_t res, acb_calc_func_t F, void *param,
                    arb_srcptr split, slong nsplit,
                    arb_srcptr g, slong ng, slong prec);

/* The same, writing the left end of the piece being integrated to *left
   before each piece (if left != NULL), so that F may use the analytic
   continuation of its branch on that piece.  With even != 0 the caller
   promises F(-x) = F(x): only [0, R] is integrated, and doubled. */
int sc_gauss_expect_pieces(acb_t res, acb_calc_func_t F, void *param,
                           arb_srcptr split, slong nsplit,
                           arb_srcptr g, slong ng, arb_ptr left, int even, slong prec);

/* The general form (src/gauss/split.c, doc/model.md 8.2, 8.3):
   - split[0..nsplit-1]: sorted, pairwise disjoint real balls where F may
     fail to be analytic; the line is cut at their midpoints;
   - piece != NULL: before each segment *piece is set to the number of
     split points left of it; F must then return, for *piece = i, an
     analytic continuation of the integrand from the real points of piece
     i (between split i-1 and split i), and for *piece = -1 any enclosure
     of the integrand's values at the real points of its argument (order
     0).  Inexact split balls then cost 2 rad(B)(|F_i - F_-1| +
     |F_{i+1} - F_-1|) on B, added to the result.  piece == NULL: F does
     not depend on the piece and inexact points are mere subdivisions;
   - left != NULL: the left end of each segment (older form of `piece`);
   - growth |F(x)| <= e^{rate |x|} sum_j g_j |x|^j on the real line (rate
     NULL: 0);
   - even: F(-x) = F(x), only [0, R] is integrated, and doubled. */
int sc_gauss_expect_split(acb_t res, acb_calc_func_t F, void *param,
                          arb_srcptr split, slong nsplit, slong *piece, arb_ptr left,
                          arb_srcptr g, slong ng, const arb_t rate, int even, slong prec);

/* int_a^b F (a < b exact; F complete, no weight added) cut at the split
   balls inside (a, b) with the same piece / sliver rules. */
int sc_gauss_integrate_split(acb_t res, acb_calc_func_t F, void *param, const arb_t a, const arb_t b,
                             arb_srcptr split, slong nsplit, slong *piece, arb_ptr left, slong prec);

/* Sorted lists of pairwise disjoint split balls k[0..n-1]:
   - sc_split_insert adds r[0..m-1], merging overlapping balls into their
     union; 0 (list unchanged) if more than cap balls would result;
   - sc_split_point sets xi to an exact point of piece j (0..n) strictly
     between k[j-1] and k[j] (outside all balls). */
int sc_split_insert(arb_ptr k, slong *n, slong cap, arb_srcptr r, slong m, slong prec);
void sc_split_point(arf_t xi, arb_srcptr k, slong n, slong j);
/* acb_calc_integrate of F over the segment [a, b] (relative goal prec
   bits, absolute tolerance 2^-prec, default options) that stops when the
   budget expires, as above: SC_OK, or SC_ERR_BUDGET / SC_ERR_INTERRUPTED
   with `res` indeterminate.  Every certified integral of the library goes
   through it, so that every command honours its budget. */
int sc_gauss_integrate(acb_t res, acb_calc_func_t F, void *param, const acb_t a, const acb_t b, slong prec);

/* Upper bound T >= int_{|x|>R} (sum_j g_j |x|^j) phi(x) dx. */
void sc_gauss_tail_bound(arb_t T, const arb_t R, arb_srcptr g, slong ng, slong prec);

/* Truncation radius for a Gaussian integral accurate to 2^-prec: the
   smallest integer R >= R0 = ceil(c sqrt(2 ln2 (prec + 8))) whose tail
   bound T = sc_gauss_tail_bound(R / c) is below 2^-(prec+4) (at most
   4 R0 + 64 steps out), for the weight phi(x / c) with c = 1, or c = sqrt 2
   when scaled (integrands with a factor e^{x^2/4}, e.g. by Cramer's
   inequality).  Sets R and T. */
void sc_gauss_cutoff(arb_t R, arb_t T, arb_srcptr g, slong ng, int scaled, slong prec);

/* The same with an exponential rate: T >= int_{|x|>R} e^{rate |x|}
   (sum_j g_j |x|^j) phi(x) dx (rate NULL or 0: as above; +inf unless
   R > rate). */
void sc_gauss_tail_bound_rate(arb_t T, const arb_t R, arb_srcptr g, slong ng, const arb_t rate, slong prec);

/* sc_gauss_cutoff for the growth e^{rate |x|} sum_j g_j |x|^j (rate in
   the variable of the tail bound, x / c when scaled). */
void sc_gauss_cutoff_rate(arb_t R, arb_t T, arb_srcptr g, slong ng, const arb_t rate,
                          int scaled, slong prec);

/* Absolute moments E|Y|^k of a standard normal, k >= 0 (exact balls). */
void sc_gauss_abs_moment(arb_t m, ulong k, slong prec);

/* Growth compositions used to bound integrands built from an activation
   bound |phi(z)| <= sum_j g_j |Re z|^j:
   - sc_growth_affine: h with sum_j g_j (A + B|y|)^j = sum_i h_i |y|^i;
   - sc_growth_smooth: h with sum_j g_j E[(A|x| + B|Y|)^j] = sum_i h_i |x|^i;
   - sc_growth_mul:    h = f * g (polynomial product).
   A, B >= 0.  Output vectors have nh entries (returned), nh <= SC_GROWTH_MAX. */
slong sc_growth_affine(arb_ptr h, arb_srcptr g, slong ng, const arb_t A, const arb_t B, slong prec);
slong sc_growth_smooth(arb_ptr h, arb_srcptr g, slong ng, const arb_t A, const arb_t B, slong prec);
slong sc_growth_mul(arb_ptr h, arb_srcptr f, slong nf, arb_srcptr g, slong ng, slong prec);

/* sc_growth_smooth with an exponential rate c:
     E[e^{c(A|x| + B|Y|)} sum_j g_j (A|x| + B|Y|)^j]
       <= factor e^{c A |x|} sum_i h_i |x|^i,
   from E[e^{b|Y|} f(|Y|)] <= 2 e^{b^2/2} E[f(|Y| + b)] (b = c B, f
   increasing); rate NULL or 0: factor 1, sc_growth_smooth. */
slong sc_growth_smooth_rate(arb_ptr h, arb_t factor, arb_srcptr g, slong ng, const arb_t A, const arb_t B,
                            const arb_t rate, slong prec);

/* res = exp(-z^2/2) / sqrt(2 pi) on a complex ball. */
void sc_gauss_weight(acb_t res, const acb_t z, slong prec);

/* Certified trapezoidal rules (src/gauss/trap.c, doc/model.md section 8.12).
   For w analytic in the strip |Im z| < a with int |w(x + iy)| dx <= M there
   (and w -> 0 uniformly as |Re z| -> inf), every offset x0 and step h > 0:
     |h sum_{i in Z} w(x0 + ih) - int w| <= 2 M / (e^{2 pi a/h} - 1).
   sc_trap_error sets E to an exact upper bound of the right-hand side
   (+inf if it cannot be bounded). */
void sc_trap_error(arb_t E, const arb_t a, const arb_t h, const arb_t M, slong prec);

/* A step for that rule: the largest h (in double, with a small margin) whose
   error bound is about exp(logtol) when M = e^{a^2/2} exp(logM), using the
   best strip a <= strip (written to *a_used if not NULL).  Only a choice:
   the bound itself is sc_trap_error's. */
double sc_trap_step(double strip, double logM, double logtol, double *a_used);

/* Sums of the Gaussian density over a grid x0 + hZ (any offset x0), h > 0:
   - sc_gauss_grid_moment: S >= h sum_i |x_i|^m phi(x_i)  (= E|Z|^m + 5 h max_x |x|^m phi(x));
   - sc_gauss_grid_poly:   S >= h sum_i sum_j |c_j| |x_i|^j phi(x_i);
   - sc_gauss_poly_moment: S >= E[sum_j |c_j| |Z|^j].
   Tails of grid sums: if X >= sqrt(deg), h sum_{|x_i| > X} ... <= the
   integral tail sc_gauss_tail_bound(X) (each monomial decreases there).
   All results are exact upper bounds. */
void sc_gauss_grid_moment(arb_t S, ulong m, const arb_t h, slong prec);
void sc_gauss_grid_poly(arb_t S, arb_srcptr c, slong n, const arb_t h, slong prec);
void sc_gauss_poly_moment(arb_t S, arb_srcptr c, slong n, slong prec);

/* w[i] = phi(x0 + i h), i = 0..n-1 (Gaussian density, by a two-term
   recurrence: two multiplications per node).  Polls the time budget: once
   it has expired (sc_budget_expired) the weights not yet computed are
   indeterminate. */
void sc_gauss_grid_weights(arb_ptr w, slong n, const arb_t x0, const arb_t h, slong prec);

#ifdef __cplusplus
}
#endif

#endif
