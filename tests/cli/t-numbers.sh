#!/bin/sh
# CLI regressions of issue 11 ("numbers"): a failed computation is never
# printed as a result, --digits N gives N digits, valid inputs are not
# refused, JSON stays valid (non-finite doubles are null with KEY_note).
. "$(dirname "$0")/lib.sh"

# --- memory: exact-precision intersections asked FLINT for 7.3 GB (abort)
expect_ok 'undecided +1' certify elu --property dissipation --param alpha=1:1.5 --dim 4:4 --max-depth 0 --budget 3

finish
