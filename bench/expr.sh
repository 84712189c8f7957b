#!/bin/sh
# Benchmark: an activation written as an expression (expr:...) against the
# hand-written built-in of the same function (tanh, silu, gelu), with
# bench_kernel (sc_kernel_certify, mean of repeated calls): K(1), K'(1) at
# 15 digits (53 bits) and 100 digits, and with K(rho), K'(rho) at rho = 1/2
# at 15 digits.  Target: expression / built-in <= 3.  gelu's built-in has a
# closed-form kernel; the expressions x*Phi(x) and gelu(x) are exact
# spellings of gelu and take its callbacks (src/act/expr_act.c), and so is
# x*erfc(-x/sqrt(2))/2 after the exact rewrites (erfc(-u/sqrt 2) = 2 Phi(u),
# doc/model.md 2.6: recognition is by tree), while x*(1+erf(x*sqrt(2)/2))/2
# is not recognised and shows the cost of the general path (the
# trapezoidal rules of doc/model.md 8.12 with the expression's strip
# bound) against a closed form: no quadrature matches a closed form at
# rho = 1, so that row measures the general path.
# Usage: sh bench/expr.sh BUILD_DIR (bench/run builds BUILD_DIR/bench_kernel).
# Prints a markdown section; exit 1 if a run fails (a missed target is
# reported as MISS, not failed).
set -u
BUILD=${1:-build}
BK="$BUILD/bench_kernel"
[ -x "$BK" ] || { echo "bench/expr.sh: $BK missing: run bench/run (or make bench)" >&2; exit 2; }
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
fail=0

pairs='tanh|expr:tanh(x)
silu|expr:x*sigmoid(x)
gelu|expr:x*Phi(x)
gelu|expr:gelu(x)
gelu|expr:x*erfc(-x/sqrt(2))/2
gelu|expr:x*(1+erf(x*sqrt(2)/2))/2'

echo "## Expressions vs hand-written built-ins (sc_kernel_certify)"
echo
echo "Expressions recognised as a built-in after the exact rewrites (tanh(x), x*Phi(x), gelu(x),"
echo "x*erfc(-x/sqrt(2))/2) take its callbacks; x*sigmoid(x) and x*(1+erf(x*sqrt(2)/2))/2 take the"
echo "general path (the trapezoidal rules with the expression's own strip bound).  gelu's built-in"
echo "has a closed-form kernel, which no quadrature matches at rho = 1: the last gelu row measures"
echo "the general path against a closed form."
echo
echo "| built-in | expression | values | digits | built-in | expression | ratio | target <= 3x |"
echo "|---|---|---|---|---|---|---|---|"
row() {     # label digits rho-args...
    lab=$1; d=$2; shift 2
    printf '%s\n' "$pairs" | while IFS='|' read -r b e; do
        "$BK" -d "$d" -t 0.3 "$@" "$b" "$e" > "$tmp" || { echo "bench/expr.sh: $b / $e failed" >&2; exit 1; }
        tb=$(awk -v s="$b" '$2 == s { print $5 }' "$tmp")
        te=$(awk -v s="$e" '$2 == s { print $5 }' "$tmp")
        awk -v b="$b" -v e="$e" -v l="$lab" -v d="$d" -v tb="$tb" -v te="$te" 'function f(x) {
                return x < 1e-3 ? sprintf("%.1f us", x * 1e6) : x < 1 ? sprintf("%.2f ms", x * 1e3) : sprintf("%.2f s", x) }
            BEGIN { r = te / tb; printf "| %s | `%s` | %s | %s | %s | %s | %.2fx | %s |\n", b, e, l, d, f(tb), f(te), r, r <= 3 ? "PASS" : "MISS" }'
    done || fail=1
}
row "K(1), K'(1)" 15
row "K(1), K'(1)" 100
row "+ K(1/2), K'(1/2)" 15 -r 1/2
echo
exit $fail
