/* synccert: certified printing of Arb balls.

   Why: every number synccert prints is an enclosure (doc/model.md section 7):
   either decimal bounds rounded outward, or a digit string in which every
   printed digit is right.  The digit string is produced by the Frama-C-proved
   core (sc_digits_certify in synccert/core.h) from exact integer bounds.

   The rule for a certified digit string S (correct rounding):
   - "d1d2...dj" (or d.dd..eE) with its last digit at unit u (u = 10^-k for
     k decimals shown): every value x of the ball satisfies
         |x - S| <= u/2,
     i.e. S is x rounded to the nearest multiple of u, for every x in the
     ball (a tie rounds away from zero); so 0.5 +/- 1e-20 prints 0.500000...
     and 0.3 as a ball prints 0.300000...;
   - "-S": the same for negative values (-S is the rounding of x);
   - a zero "0", "0.000", "0e-12" (never "-0"): |x| <= u/2 for every x;
   - "inf" / "-inf": the midpoint is infinite and the radius finite;
     "nan": no information (NaN midpoint or infinite radius); a finite ball
     of any exponent prints digits ("5.5063e-2171472409517").
   Fewer than `digits` significant digits are printed when the ball is too
   wide, or straddles a rounding boundary (x +- u/2) at the finer units.
   How: exact integer bounds L = floor(lo 10^k), H = ceil(hi 10^k) are
   shifted exactly by +-u/2 and handed to the Frama-C-proved truncation core
   (sc_digits_certify: every value of [L', H'] truncates to the same digits),
   since rounding at u is truncation at u after adding u/2 (specs/VERIFIED.md).
   The ends lo, hi are rounded outward at a precision that resolves the
   radius, so they never cost a digit the ball supports; beyond a binary
   exponent of 2^22, L and H come from Arb balls enclosing lo 10^k, hi 10^k.
   An exact value prints with `digits` significant digits (trailing zeros
   kept: 0.25 -> "0.2500000000").  Fixed notation is used when the last
   digit is at 10^0 or below and the leading digit at 10^-6 or above,
   scientific ("1.2345e-7") otherwise. */
#ifndef SYNCCERT_PRINT_H
#define SYNCCERT_PRINT_H

#include <stdio.h>
#include <arb.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Certified digit string of x with at most `digits` (>= 1) significant
   digits, fewer when the ball is wide (rule above).  Caller frees the
   string with flint_free. */
char *sc_arb_digits(const arb_t x, slong digits);

/* The number of significant digits sc_arb_digits(x, digits) prints: at most
   `digits`; 0 for a printed zero ("0", "0.000", "0e-12"), "inf", "-inf" and
   "nan".  The precision policy's goal (sc_arb_meets_digits) is that this
   reaches `digits`. */
slong sc_arb_digits_count(const arb_t x, slong digits);

/* Decimal bounds rounded outward: *lo <= every value of x <= *hi, each with
   `digits` (>= 1) significant digits ("%g" style, exponent for small and
   large magnitudes), "inf"/"-inf" for infinite bounds, "nan" for a NaN
   midpoint.  Caller frees both with flint_free. */
void sc_arb_bounds(char **lo, char **hi, const arb_t x, slong digits);

/* Print {"lo": "...", "hi": "...", "digits": "..."} (no newline). */
void sc_print_json_real(FILE *f, const arb_t x, slong digits);

#ifdef __cplusplus
}
#endif

#endif
