#!/bin/sh
# Benchmark: synccert against a floating-point peer in the style of
# neural-tangents' ElementwiseNumerical (Gauss-Hermite quadrature in NumPy,
# bench/peer_gauss_hermite.py, deg = 25 as neural-tangents suggests and
# deg = 100), for the smooth activations at rho = 1/2, q = 1, s = 0: the time
# of K(1), K'(1), K(1/2), K'(1/2) together, the ratio, and how many digits of
# each peer value are wrong according to the synccert enclosures (certified
# to 15 digits; a double prints about 16).
# Usage: sh bench/gh.sh BUILD_DIR (after bench/run built BUILD_DIR/bench_kernel).
set -u
BUILD=${1:-build}
PY=/usr/bin/python3
BK="$BUILD/bench_kernel"
[ -x "$BK" ] || { echo "bench/gh.sh: $BK missing: run bench/run" >&2; exit 2; }
"$PY" -c 'import numpy, scipy.special' 2>/dev/null || { echo "bench/gh.sh: $PY lacks numpy/scipy" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/synccert-gh.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
acts="tanh sigmoid silu softplus gelu_tanh gelu erf elu sin"
fail=0
# shellcheck disable=SC2086
"$BK" -d 15 -t 0.2 -r 1/2 $acts > "$tmp/sc.txt" || fail=1
for deg in 25 100; do
    # shellcheck disable=SC2086
    "$PY" bench/peer_gauss_hermite.py table $deg 1/2 $acts > "$tmp/gh$deg.txt" || fail=1
done
echo "## Gauss-Hermite peer (neural-tangents ElementwiseNumerical style, NumPy)"
echo
echo "K(1), K'(1), K(1/2), K'(1/2) at q = 1, s = 0.  synccert: certified to 15 digits"
echo "(sc_kernel_certify); GH: double precision, no error bound.  Ratios are GH time /"
echo "synccert time.  Wrong digits: 16 minus the digits of agreement with the certified"
echo "enclosure, per value (0: the value is correct to double precision)."
echo
"$PY" bench/peer_gauss_hermite.py report "$tmp/sc.txt" "$tmp/gh25.txt" "$tmp/gh100.txt" || fail=1
exit $fail
