/* Internal: the dual kernel of an analytic activation by certified
   trapezoidal rules on the real line and on lattices (src/kernel/trap.c,
   src/kernel/trap_sums.c; doc/model.md section 8.12).  Used by
   sc_kernel_eval (src/kernel/eval.c) only. */
#ifndef SC_KERNEL_TRAP_H
#define SC_KERNEL_TRAP_H

#include "synccert/kernel.h"
#include "synccert/gauss.h"

/* Largest number of nodes on one axis (memory: one ball per node); beyond
   it the rules report SC_ERR_UNSUPPORTED and acb integration is used. */
#define SC_TRAP_MAX_NODES (WORD(1) << 22)

/* One integrand f = phi^(deriv) with its growth bound in a strip. */
typedef struct
{
    const sc_act_def *def;
    const struct sc_expr_struct *e;    /* expressions with the strip bound of their rules:
                                          evaluated with one binding (bprec) */
    slong bprec;
    arb_srcptr p;
    int deriv;
    arb_t t;            /* scale: f is evaluated at t x */
    arb_ptr g;          /* |f(z)| <= sum_j g_j |Re z|^j for |Im z| <= strip (exact upper bounds) */
    slong ng;
    arb_t strip;
    double gd[SC_GROWTH_MAX];   /* g in double (rounded up), for precision choices */
    slong polls;
    int expired;        /* the time budget ran out during an evaluation */
}
sc_trap_fn;

/* Set up f = phi^(deriv) at scale t; returns 0 (and T is still
   initialised) when the activation claims no strip of analyticity. */
int _sc_trap_fn_init(sc_trap_fn *T, const sc_act_def *def, arb_srcptr p, int deriv,
                     const arb_t t, slong prec);
void _sc_trap_fn_clear(sc_trap_fn *T);

/* res = f(u) for a real ball u at working precision wp (u already scaled). */
void _sc_trap_eval(arb_t res, sc_trap_fn *T, const arb_t u, slong wp);

/* log2 of the growth bound P(|u|) = sum_j g_j |u|^j (double, >= -1000). */
double _sc_trap_log2_growth(const sc_trap_fn *T, double u);

/* res = 0 +- P(|u|) (the growth bound on the real line), no evaluation. */
void _sc_trap_growth_ball(arb_t res, const sc_trap_fn *T, const arb_t u, slong prec);

/* out[j] = g[j] t^j (exact upper bounds, t rounded up): the coefficients
   of P(t|x|) for the growth bound P = sum_j g_j |x|^j. */
void _sc_trap_scaled_growth(arb_ptr out, arb_srcptr g, slong ng, const arb_t t, slong prec);

/* A truncation radius for a grid sum of sum_j c_j |x|^j phi_G(x): the
   smallest integer R (>= sqrt(n)) whose integral tail is below 2^-(bits+4)
   (sc_gauss_cutoff), as a double. */
double _sc_trap_cutoff(arb_srcptr c, slong n, slong bits);

/* Double bounds of a ball (lower, upper), finite or +-inf. */
double _sc_trap_lo(const arb_t x);
double _sc_trap_hi(const arb_t x);

/* Row weights a_i = f(t x_i) phi_G(x_i), x_i = i h, i = -N..N (a[i + N]),
   each with absolute error about 2^-bits or below (tapered precision: a
   node whose weight bound is below 2^-bits is not evaluated but set to
   0 +- its bound). */
void _sc_trap_row(arb_ptr a, sc_trap_fn *T, const arb_t h, slong N, slong bits);

/* The finite double sums of the 2-D rule (no quadrature error), for
   X, Y with correlation c, s' = sqrt(1 - c^2), integrand
   f(t x) f(t (c x + s' y)):
   - lattice: h, k, delta exact, |c| h close to m delta and s' k to delta,
     S = h k sum_{|i|<=Nx, |j|<=Ny} (...) by one convolution in fixed point
     (c != 0);
   - rows:    h, k exact, row i on the shifted grid y = l k - c x_i / s',
     |l| <= Nl, by a moment expansion in c x_i / s' (small |c|);
   - direct:  h, k exact, every node evaluated (s' small). */
void _sc_trap_sum_lattice(arb_t S, sc_trap_fn *T, const arb_t c, const arb_t sp,
                          const arb_t h, const arb_t k, const arb_t delta, slong m,
                          slong Nx, slong Ny, slong prec);
void _sc_trap_sum_rows(arb_t S, sc_trap_fn *T, const arb_t c, const arb_t sp,
                       const arb_t h, const arb_t k, slong Nx, slong Nl, slong R, slong prec);
void _sc_trap_sum_direct(arb_t S, sc_trap_fn *T, const arb_t c, const arb_t sp,
                         const arb_t h, const arb_t k, slong Nx, slong Ny, slong prec);

/* Upper bound of K^{R+1} e^K / (R+1)!, the remainder of the exponential
   series after R + 1 terms for |w| <= K. */
void _sc_trap_exp_remainder(arb_t E, const arb_t K, slong R, slong prec);

/* E[f(tX) f(+-tX)] (minus selects -) on the real line; with f2 != NULL
   also res2 = E[f2(tX) f2(+-tX)] from the same nodes.  even: the caller
   knows the integrands are even (fold onto x >= 0).  SC_OK (res is a valid
   enclosure) or SC_ERR_UNSUPPORTED (too many nodes). */
int _sc_kernel_trap_ends(arb_t res, arb_t res2, sc_trap_fn *f, sc_trap_fn *f2,
                         int minus, int even, slong prec);

/* E[f(tX) f(t (c X + s' Y))] for independent standard X, Y, c in (-1, 1)
   (s' = sqrt(1 - c^2) > 0 certified by the caller).  SC_OK, or
   SC_ERR_UNSUPPORTED when the rule would need too many nodes. */
int _sc_kernel_trap_inner(arb_t res, sc_trap_fn *f, const arb_t c, const arb_t sp, slong prec);

/* The entry point of sc_kernel_eval: E[phi^(deriv)(tX) phi^(deriv)(tY)]
   inside (c != NULL: Y = cX + s'W) or at an end (c == NULL: Y = X, or -X if
   minus; with out2 != NULL deriv 0 into out and deriv 1 into out2).
   Outputs untouched on failure: SC_ERR_INPUT when the activation has a
   kink or a jump or claims no strip (the rules do not apply),
   SC_ERR_UNSUPPORTED when the rule would need too many nodes.  No error
   message is set (the caller falls back or reports). */
int _sc_kernel_trap(arb_t out, arb_t out2, int deriv, const sc_act_def *def, arb_srcptr p,
                    const arb_t t, const arb_t c, const arb_t sp, int minus, slong prec);

#endif
