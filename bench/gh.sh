#!/bin/sh
# Benchmark: synccert's certified K(1/2), K'(1/2) (with K(1), K'(1); 15
# digits) against an ElementwiseNumerical-style floating-point Gauss-Hermite
# dual kernel in NumPy (bench/gh_numpy.py; neural-tangents' default is
# deg = 25), with the digits the peer gets right.
# Usage: sh bench/gh.sh BUILD_DIR (bench/run builds BUILD_DIR/bench_kernel).
set -u
BUILD=${1:-build}
BK="$BUILD/bench_kernel"
[ -x "$BK" ] || { echo "bench/gh.sh: $BK missing: run bench/run (or make bench)" >&2; exit 2; }
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
specs="relu tanh gelu silu mish hardswish softsign"
# shellcheck disable=SC2086
"$BK" -d 15 -t 0.2 -r 1/2 $specs > "$tmp" || exit 1
echo "## Certified kernel vs floating-point Gauss-Hermite (NumPy), rho = 1/2"
echo
echo "synccert: K(1), K'(1), K(1/2), K'(1/2) certified to 15 digits; NumPy: the same four"
echo "values by a DEG x DEG product Gauss-Hermite rule in double precision, no error bound."
echo "Digits right: agreement of K(1/2), K'(1/2) with synccert's 30-digit enclosures."
echo
SYNCCERT="$BUILD/synccert" /usr/bin/python3 bench/gh_numpy.py "$tmp" 25 100 || exit 1
echo
