#!/bin/sh
# CLI regressions of issue 11 ("numbers"): a failed computation is never
# printed as a result, --digits N gives N digits, valid inputs are not
# refused, JSON stays valid (non-finite doubles are null with KEY_note).
. "$(dirname "$0")/lib.sh"

# --- memory: exact-precision intersections asked FLINT for 7.3 GB (abort)
expect_ok 'undecided +1' certify elu --property dissipation --param alpha=1:1.5 --dim 4:4 --max-depth 0 --budget 3

# --- valid inputs: K'(1) = +inf with d - 3 + p < 0 (was "diagonal limit is
# not handled"); the infimum 0.0894347927... is inside (mpmath reference)
expect_ok '^c_p +\[0\.08943[0-9]*, 0\.08943[0-9]*\]' coercivity step --dim 2 --p 1/2 --weight-var 0.406 --bias-var 1.579
expect_ok '"infimum_at": "interior"' coercivity step --dim 2 --p 1/2 --weight-var 0.406 --bias-var 1.579 --json
expect_ok '^c_p +\[0\.06249[0-9]*, 0\.0625000' coercivity step --dim 2 --p 1/2
expect_ok 'rho = -1 \(antipodal\)' coercivity sign --dim 2 --p 1/2 --bias-var 1
expect_ok '^c_p +\[-inf, -inf\]' coercivity step --dim 3 --p 1/2

# --- a forced --method that does not apply is bad input (2), not a failure
expect_error 2 "step: K' needs the closed form" kernel step --rho 0.5 --method smooth
expect_error 2 "sign: K' needs the closed form" kernel sign --rho 0.5 --method smooth
expect_error 2 'tanh has no closed-form kernel' kernel tanh --rho 0.5 --method closed
expect_error 2 'nested integration needs an analytic' kernel step --rho 0.5 --method nested
expect_error 2 'no closed-form Gaussian smoothing' kernel tanh --rho 0.5 --method smooth

finish
