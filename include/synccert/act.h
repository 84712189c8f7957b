/* synccert: activation functions.

   An activation is a definition (sc_act_def: how to evaluate phi and phi' on
   complex balls, where it has kinks, how fast it grows, optional closed forms)
   plus exact parameter values (sc_act_t).  Every built-in lives in its own
   file src/act/NAME.c and is listed in src/act/registry.c.

   Parameters are exact rationals (parsed from decimals); computations receive
   them as arb balls (arb_srcptr p), which may also be wide intervals when a
   whole parameter box is evaluated at once. */
#ifndef SYNCCERT_ACT_H
#define SYNCCERT_ACT_H

#include <arb.h>
#include <acb.h>
#include <flint/fmpq.h>
#include "synccert/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Flags of an activation definition. */
#define SC_ACT_ODD      1   /* phi(-x) = -phi(x) for all parameter values */
#define SC_ACT_EVEN     2   /* phi(-x) =  phi(x) */
#define SC_ACT_KINK0    4   /* phi (or phi') is not analytic at x = 0 only */
#define SC_ACT_JUMP     8   /* phi jumps at 0: phi' is a delta, K'(1) = +inf */
#define SC_ACT_COEFFS  16   /* parameters are a coefficient list c0, c1, ... */
#define SC_ACT_HOMOG1  32   /* phi(a x) = a phi(x) for a > 0 (so K(1) = K'(1) when s = 0) */
/* Convention for SC_ACT_COEFFS activations: the parameter vector passed to
   every callback (eval, growth, smooth, kernel) is p[0] = n, the number of
   coefficients (an exact integer ball), then p[1..n] = the coefficients
   (sc_act_params builds it, with n + 1 entries; act->npar stays n). */

/* Hard limit on the length of a coefficient list (poly / hermite). */
#define SC_ACT_MAX_COEFFS 64

typedef struct
{
    const char *name;       /* key in NAME:key=value */
    const char *dflt;       /* default value as an exact decimal string */
    const char *lo;         /* inclusive lower bound (decimal) or NULL */
    const char *hi;         /* inclusive upper bound (decimal) or NULL */
    int lo_strict;          /* 1: the lower bound is exclusive */
    const char *help;       /* one line */
}
sc_param_def;

typedef struct sc_act_def_struct sc_act_def;

struct sc_act_def_struct
{
    const char *name;
    const char *alias;          /* alternative name or NULL */
    const char *formula;        /* one line for `synccert help activations` */
    const sc_param_def *params; /* named scalar parameters (NULL if none) */
    slong nparams;
    int flags;

    /* res = phi^(deriv)(z), deriv in {0, 1}.  With order >= 1 the caller
       (acb_calc_integrate) needs phi^(deriv) holomorphic on the whole ball z:
       if that cannot be certified (z meets a kink or a pole) set res to
       indeterminate.  With order 0 any valid enclosure of the values at the
       real points of z will do (e.g. the union of both branches at a kink).
       Not called with deriv = 1 for SC_ACT_JUMP activations. */
    void (*eval)(const sc_act_def *def, acb_t res, const acb_t z, int deriv, slong order,
                 arb_srcptr p, slong prec);

    /* Growth bound in a strip: sets g[0..n-1] (upper bounds, n returned,
       n <= SC_GROWTH_MAX) and strip >= 0 such that
         |phi^(deriv)(z)| <= sum_j g[j] |Re z|^j   whenever |Im z| <= strip.
       strip = 0 means the bound is only claimed on the real line. */
    slong (*growth)(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec);

    /* Optional: Gaussian smoothing in closed form,
         res = E[ phi^(deriv)(a + b Y) ],  Y ~ N(0,1), b > 0 real,
       valid (holomorphic in a) for complex a.  Return 0 if unavailable
       for these arguments (the caller then integrates numerically). */
    int (*smooth)(const sc_act_def *def, acb_t res, const acb_t a, const arb_t b, int deriv,
                  arb_srcptr p, slong prec);

    /* Optional: closed-form kernel in the normalised variables
         Kt(c) = E[phi(tX) phi(tY)],  dKt(c) = d/dc Kt(c)
       for X, Y standard normal with correlation c in [-1, 1], t^2 = t2 > 0.
       Either output may be NULL.  dKt may be +inf (at c = 1 for jumps).
       Return 0 if unavailable for these arguments. */
    int (*kernel)(const sc_act_def *def, arb_t Kt, arb_t dKt, const arb_t c, const arb_t t2,
                  arb_srcptr p, slong prec);

    /* For SC_ACT_KINK0 activations: the analytic continuation of the branch
       x > 0 (side = 1) or x < 0 (side = -1) of phi^(deriv), holomorphic on
       all of C.  The integrator uses it on each side of the kink, so that
       Gauss-Legendre ellipses may cross Re z = 0 (eval alone must refuse
       them, which forces tiny segments near the kink).  NULL otherwise. */
    void (*branch)(const sc_act_def *def, acb_t res, const acb_t z, int deriv, int side,
                   arb_srcptr p, slong prec);
};

/* An activation with exact parameter values. */
typedef struct
{
    const sc_act_def *def;
    slong npar;
    fmpq *par;      /* named params in def->params order, or coefficients */
}
sc_act_struct;

typedef sc_act_struct sc_act_t[1];

/* Registry of built-in activations (NULL-terminated). */
extern const sc_act_def *const sc_act_registry[];

/* Look up by name or alias; NULL if unknown. */
const sc_act_def *sc_act_lookup(const char *name);

void sc_act_init(sc_act_t act);
void sc_act_clear(sc_act_t act);

/* Parse "NAME" or "NAME:key=value,key=value".  Named parameters take their
   defaults when omitted; coefficient lists are written c0=..,c1=.. (poly) or
   a0=..,a1=.. (hermite), missing indices are zero.  Values are exact
   decimals or ratios.  Unknown names/keys, repeated keys, out-of-range
   values give SC_ERR_INPUT with a message. */
int sc_act_parse(sc_act_t act, const char *spec);

/* Set act to definition `def` with all parameters at their defaults. */
void sc_act_set_default(sc_act_t act, const sc_act_def *def);

/* Canonical spec string "NAME:key=value,..." (caller frees with flint_free). */
char *sc_act_spec(const sc_act_t act);

/* Parameter balls at precision prec: act->npar entries (at least 1), or for
   SC_ACT_COEFFS activations act->npar + 1 entries with the count first (see
   SC_ACT_COEFFS).  Free with sc_act_params_clear. */
arb_ptr sc_act_params(const sc_act_t act, slong prec);
void sc_act_params_clear(arb_ptr p, const sc_act_t act);

/* Number of parameter balls sc_act_params returns (the layout every
   callback receives). */
slong sc_act_nparams(const sc_act_t act);

/* Is phi certainly odd with bias variance s (NULL: 0)?  From the definition
   flag SC_ACT_ODD, or a coefficient list (poly, hermite) with only odd
   entries; never with s > 0 (the bias breaks the symmetry). */
int sc_act_is_odd(const sc_act_t act, const fmpq_t s);

/* Is phi positively homogeneous of degree 1 (linear, relu, leaky_relu, abs)
   with s = 0?  Then K'(1) = K(1) exactly. */
int sc_act_is_homogeneous1(const sc_act_t act, const fmpq_t s);

/* Index of a named parameter, -1 if none. */
slong sc_act_param_index(const sc_act_def *def, const char *key);

/* Convenience: phi^(deriv)(x) for a real ball x (order 0). */
void sc_act_eval_arb(arb_t res, const sc_act_def *def, const arb_t x, int deriv,
                     arb_srcptr p, slong prec);

/* --- helpers for writing activation files --- */

/* Which side of the kink at 0 a ball z lies on: 1 if Re z > 0, -1 if
   Re z < 0; if z meets Re z = 0: 0 when order == 0 (return the union of
   both branches), 2 when order > 0 (return indeterminate). */
int sc_act_side(const acb_t z, slong order);

/* eval for a kinked activation from its branch function: the branch on
   the side of 0 where z lies; where z meets Re z = 0, the union of both
   branches (order 0) or indeterminate (order > 0, or a delta: jump && deriv). */
void sc_act_eval_by_branch(const sc_act_def *def,
                           void (*branch)(const sc_act_def *, acb_t, const acb_t, int, int, arb_srcptr, slong),
                           int jump, acb_t res, const acb_t z, int deriv, slong order,
                           arb_srcptr p, slong prec);

/* Shared growth callbacks (real line only, strip 0):
   - slope1: |phi(x)| <= |x|, |phi'(x)| <= 1 (relu, leaky_relu with alpha in
     [0, 1], abs);
   - jump:   |phi(x)| <= 1, phi' a delta that is never integrated (step, sign). */
slong sc_act_growth_slope1(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec);
slong sc_act_growth_jump(const sc_act_def *def, arb_ptr g, arb_t strip, int deriv, arb_srcptr p, slong prec);

/* y = x intersected with [-1, 1] (for correlations known to lie there). */
void sc_arb_clamp_unit(arb_t y, const arb_t x);

/* Standard normal cdf Phi(w) on complex balls (the density is
   sc_gauss_weight, gauss.h). */
void sc_acb_normal_cdf(acb_t res, const acb_t w, slong prec);

/* Set g[0..n-1] to exact upper bounds given as decimal strings. */
void sc_act_set_bounds(arb_ptr g, const char *const *vals, slong n, slong prec);

#ifdef __cplusplus
}
#endif

#endif
