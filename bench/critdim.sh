#!/bin/sh
# Benchmark: `synccert critical-dim` for every built-in activation (default
# parameters; hermite and poly with a sample coefficient list), at default
# precision.  Target: all of them together in under 1 s, both as one process
# (`critical-dim all`) and as one process per activation.
# Usage: sh bench/critdim.sh BUILD_DIR.  Prints a markdown section; exit 1 if
# a run fails (a missed target is reported as MISS, not failed).
set -u
BUILD=${1:-build}
SC="$BUILD/synccert"
[ -x "$SC" ] || { echo "bench/critdim.sh: $SC missing: run make all first" >&2; exit 2; }

now() { date +%s.%N; }
acts=$("$SC" help activations | awk '/^  [a-z_]+ / { print $1 }')
fail=0

echo "## critical-dim, every built-in activation (default precision)"
echo
echo '```'
t0=$(now)
"$SC" critical-dim all || fail=1
t1=$(now)
echo '```'
all=$(echo "$t1 - $t0" | bc -l)

t0=$(now)
for a in $acts; do
    case "$a" in
        hermite) spec="hermite:a1=1,a2=1/2,a3=1/4" ;;
        poly) spec="poly:c1=1,c3=-1/6" ;;
        *) spec="$a" ;;
    esac
    "$SC" critical-dim "$spec" --json >/dev/null || { echo "FAILED: critical-dim $spec"; fail=1; }
done
t1=$(now)
each=$(echo "$t1 - $t0" | bc -l)
n=$(echo "$acts" | wc -w)

verdict() { if [ "$(echo "$1 < 1" | bc -l)" -eq 1 ]; then echo PASS; else echo MISS; fi; }
echo
echo "| run | activations | wall time (s) | target < 1 s |"
echo "|---|---|---|---|"
printf '| critical-dim all (one process) | %s | %.3f | %s |\n' "$n" "$all" "$(verdict "$all")"
printf '| critical-dim ACT (one process each) | %s | %.3f | %s |\n' "$n" "$each" "$(verdict "$each")"
exit $fail
