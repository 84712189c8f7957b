/* Arb glue for verdicts: the decision is made by the verified core
   (sc_v_sign, sc_v_cmp).  The glue maps each endpoint v of a ball to
       phi(v) = clamp(round((v - c) * 2^k), -2^62, 2^62)
   with round = floor for lower endpoints and ceil for upper ones, the same c
   and k for every ball of one question.  phi is non-decreasing and
   phi(v) > 0 <=> v > c, phi(v) < 0 <=> v < c, so whatever the core decides
   for the integer enclosures holds for the real values (specs/VERIFIED.md).
   c and k are chosen from the gap that could decide the question, so that
   the gap survives the rounding; a bad choice could only lose a decision. */
#include "synccert/verdict.h"
#include "synccert/core.h"

#define SC_V_CLAMP ((int64_t) 1 << 62)

/* phi for one endpoint given as an arf (already rounded outward). */
static int64_t phi(const arf_t v, const fmpz_t k, int up)
{
    arf_t t;
    fmpz_t z;
    int64_t r;
    if (arf_is_pos_inf(v))
        return SC_V_CLAMP;
    if (arf_is_neg_inf(v))
        return -SC_V_CLAMP;
    arf_init(t);
    arf_mul_2exp_fmpz(t, v, k);
    if (arf_cmpabs_2exp_si(t, 62) >= 0) {
        r = arf_sgn(t) > 0 ? SC_V_CLAMP : -SC_V_CLAMP;
    } else {
        fmpz_init(z);
        arf_get_fmpz(z, t, up ? ARF_RND_CEIL : ARF_RND_FLOOR);
        r = (int64_t) fmpz_get_si(z);
        fmpz_clear(z);
    }
    arf_clear(t);
    return r;
}

/* |exponent difference| of two nonzero finite numbers, capped at 2^22 */
static slong spread(const fmpz_t e1, const fmpz_t e2)
{
    fmpz_t d;
    slong r;
    fmpz_init(d);
    fmpz_sub(d, e1, e2);
    fmpz_abs(d, d);
    r = fmpz_cmp_ui(d, UWORD(1) << 22) >= 0 ? (WORD(1) << 22) : fmpz_get_si(d);
    fmpz_clear(d);
    return r;
}

/* Working precision for the endpoint arithmetic: enough bits to hold the
   endpoints of x and their difference with c exactly unless the exponents
   lie more than 2^22 apart (then the results are only rounded outward,
   which may lose a decision but never makes one wrong). */
static slong work_prec(const arb_t x, const arf_t c)
{
    slong b = FLINT_MAX(arb_bits(x), arf_bits(c)), s = 0;
    const arf_struct *m = arb_midref(x);
    if (arf_is_finite(m) && !arf_is_zero(m)) {
        if (!mag_is_zero(arb_radref(x)) && mag_is_finite(arb_radref(x)))
            s = FLINT_MAX(s, spread(ARF_EXPREF(m), MAG_EXPREF(arb_radref(x))));
        if (arf_is_finite(c) && !arf_is_zero(c))
            s = FLINT_MAX(s, spread(ARF_EXPREF(m), ARF_EXPREF(c)));
    }
    return FLINT_MAX(b, 64) + 128 + (s < (WORD(1) << 22) ? s : 0);
}

/* Outward endpoints of x - c: the ball's endpoints (rounded outward at
   prec), then the translation, rounded in the same direction (a directed,
   correctly rounded subtraction keeps the sign of the exact difference). */
static void ball_minus(arf_t lo, arf_t hi, const arb_t x, const arf_t c, slong prec)
{
    arb_get_lbound_arf(lo, x, prec);
    arf_sub(lo, lo, c, prec, ARF_RND_FLOOR);
    arb_get_ubound_arf(hi, x, prec);
    arf_sub(hi, hi, c, prec, ARF_RND_CEIL);
}

/* Integer enclosure [*lo, *hi] of phi over the ball x (outward). */
static void ball_to_int(int64_t *lo, int64_t *hi, const arb_t x,
                        const arf_t c, const fmpz_t k)
{
    arf_t l, h;
    arf_init(l);
    arf_init(h);
    ball_minus(l, h, x, c, work_prec(x, c));
    *lo = phi(l, k, 0);
    *hi = phi(h, k, 1);
    arf_clear(l);
    arf_clear(h);
}

/* k such that |g| * 2^k lies in [2^59, 2^60) (k = 0 if g is 0 or infinite). */
static void scale_for(fmpz_t k, const arf_t g)
{
    if (arf_is_zero(g) || !arf_is_finite(g)) {
        fmpz_zero(k);
        return;
    }
    arf_abs_bound_lt_2exp_fmpz(k, g);     /* |g| < 2^k */
    fmpz_neg(k, k);
    fmpz_add_ui(k, k, 60);
}

static int is_nan_ball(const arb_t x)
{
    return arf_is_nan(arb_midref(x));
}

int sc_arb_sign(const arb_t x)
{
    arf_t c, g;
    fmpz_t k;
    int64_t lo, hi;
    slong prec;
    if (is_nan_ball(x))
        return 0;
    arf_init(c); arf_init(g); fmpz_init(k);
    prec = work_prec(x, c);
    arb_get_lbound_arf(g, x, prec);
    if (arf_sgn(g) <= 0 || arf_is_nan(g)) {
        arb_get_ubound_arf(g, x, prec);
        if (arf_sgn(g) >= 0 || arf_is_nan(g))
            arf_zero(g);
    }
    scale_for(k, g);
    ball_to_int(&lo, &hi, x, c, k);
    arf_clear(c); arf_clear(g); fmpz_clear(k);
    return sc_v_sign(lo, hi);
}

int sc_arb_cmp(const arb_t x, const arb_t y)
{
    arf_t c, g;
    fmpz_t k;
    int64_t xlo, xhi, ylo, yhi;
    slong prec;
    int mode = 0, r;
    if (is_nan_ball(x) || is_nan_ball(y))
        return 0;
    arf_init(c); arf_init(g); fmpz_init(k);
    prec = FLINT_MAX(work_prec(x, c), work_prec(y, c));
    /* Which answer could hold?  This only picks c and k; the answer is the
       core's, computed from the mapped bounds. */
    {
        arf_t xl, xh, yl, yh;
        arf_init(xl); arf_init(xh); arf_init(yl); arf_init(yh);
        arb_get_lbound_arf(xl, x, prec);
        arb_get_ubound_arf(xh, x, prec);
        arb_get_lbound_arf(yl, y, prec);
        arb_get_ubound_arf(yh, y, prec);
        arf_sub(g, xl, yh, prec, ARF_RND_FLOOR);
        if (!arf_is_nan(g) && arf_sgn(g) > 0) {
            mode = 1;                          /* translate by c = sup y */
            arf_set(c, yh);
        } else {
            arf_sub(g, xh, yl, prec, ARF_RND_CEIL);
            if (!arf_is_nan(g) && arf_sgn(g) < 0) {
                mode = -1;                     /* translate by c = inf y */
                arf_set(c, yl);
            }
        }
        arf_clear(xl); arf_clear(xh); arf_clear(yl); arf_clear(yh);
    }
    if (!arf_is_finite(c))
        arf_zero(c);
    /* the decisive gap, measured after the translation */
    {
        arf_t l, h;
        arf_init(l); arf_init(h);
        ball_minus(l, h, x, c, work_prec(x, c));
        arf_zero(g);
        if (mode > 0)
            arf_set(g, l);
        else if (mode < 0)
            arf_set(g, h);
        arf_clear(l); arf_clear(h);
    }
    if (arf_is_nan(g))
        arf_zero(g);
    scale_for(k, g);
    ball_to_int(&xlo, &xhi, x, c, k);
    ball_to_int(&ylo, &yhi, y, c, k);
    r = sc_v_cmp(xlo, xhi, ylo, yhi);
    arf_clear(c); arf_clear(g); fmpz_clear(k);
    return r;
}
