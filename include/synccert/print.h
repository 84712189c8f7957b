/* synccert: certified printing of Arb balls.

   Why: every number synccert prints is an enclosure (MODEL.md section 7):
   either decimal bounds rounded outward, or a digit string in which every
   printed digit is right.  The digit string is produced by the Frama-C-proved
   core (sc_digits_certify in synccert/core.h) from exact integer bounds.

   The rule for a certified digit string S (the truncation rule):
   - "d1d2...dj" with its last digit at unit u = 10^-k (or written d.dd..e+E,
     u being the unit of the last digit shown), S > 0:
         every value x of the ball satisfies  S <= x < S + u,
     i.e. every printed digit, the last one included, is the digit of every
     value's decimal expansion (the expansion not ending in 9s);
   - "-S" with S > 0:   -(S + u) < x <= -S   (symmetric: truncation toward 0);
   - a zero "0", "0.000", "0e-12" (never "-0"):   -u < x < u,
     e.g. a ball straddling 0 prints as 0 with as many zero decimals as are
     certified;
   - "inf" / "-inf": the midpoint is infinite and the radius finite;
     "nan": no information (NaN midpoint or infinite radius).
   Consequence: a ball straddling a decimal carry (e.g. 0.2 +/- 1e-20, whose
   values are 0.1999... and 0.2000...) gets only the digits that all values
   share (nothing after the "0" of the units: printed "0", meaning |x| < 1); use
   sc_arb_bounds for the two-sided form.  An exact value prints with
   `digits` significant digits (trailing zeros kept: 0.25 -> "0.2500000000").
   Fixed notation is used when the last digit is at 10^0 or below and the
   leading digit at 10^-6 or above, scientific ("1.2345e-7") otherwise. */
#ifndef SYNCCERT_PRINT_H
#define SYNCCERT_PRINT_H

#include <stdio.h>
#include <arb.h>

/* Certified digit string of x with at most `digits` (>= 1) significant
   digits, fewer when the ball is wide (rule above).  Caller frees the
   string with flint_free. */
char *sc_arb_digits(const arb_t x, slong digits);

/* Decimal bounds rounded outward: *lo <= every value of x <= *hi, each with
   `digits` (>= 1) significant digits ("%g" style, exponent for small and
   large magnitudes), "inf"/"-inf" for infinite bounds, "nan" for a NaN
   midpoint.  Caller frees both with flint_free. */
void sc_arb_bounds(char **lo, char **hi, const arb_t x, slong digits);

/* Print {"lo": "...", "hi": "...", "digits": "..."} (no newline). */
void sc_print_json_real(FILE *f, const arb_t x, slong digits);

#endif
