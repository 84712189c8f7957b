#!/bin/sh
# Benchmark: the kernel of every smooth activation away from the defaults:
# K(1), K'(1), K(rho), K'(rho) certified to 20 digits (sc_kernel_certify) on
# the grid q, s in {1e-3, 0.1, 1, 10, 1e3}, rho in {-0.9, -0.3, 0, 0.3, 0.9,
# 0.999, 0.99999999} (175 points per activation).  Target (issue 12): under
# 1 s at every point.  Reports wall and CPU time (the CPU time is less
# affected by other jobs on the machine) and the machine load.
# Usage: sh bench/qsgrid.sh BUILD_DIR.  Exit 1 if a point fails.
set -u
BUILD=${1:-build}
[ -f "$BUILD/libsynccert.a" ] || { echo "bench/qsgrid.sh: $BUILD/libsynccert.a missing" >&2; exit 2; }
cc -std=c11 -O2 -Iinclude bench/bench_grid.c "$BUILD/libsynccert.a" \
    -lflint-arb -lflint -lmpfr -lgmp -lgsl -lopenblas -lm -fopenmp \
    -o "$BUILD/bench_grid" || exit 2
acts="tanh sigmoid silu softplus gelu_tanh gelu elu"
echo "## Kernel at q, s in [1e-3, 1e3], 20 digits (175 points per activation)"
echo
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
echo
echo "| activation | points | failures | worst wall | worst CPU | median wall | points over 1 s (wall) | slowest at q/s/rho | target 1 s |"
echo "|---|---|---|---|---|---|---|---|---|"
fail=0
# shellcheck disable=SC2086
"$BUILD/bench_grid" 20 $acts > "$BUILD/qsgrid.txt" || fail=1
while read -r tag spec digits n fails wmax cmax med over at; do
    [ "$tag" = grid ] || continue
    [ "$fails" -eq 0 ] || fail=1
    pass=$(echo "$cmax < 1" | bc -l | sed 's/1/PASS/; s/0/MISS/')
    echo "| $spec | $n | $fails | $wmax s | $cmax s | $med s | $over | $at | $pass (CPU) |"
done < "$BUILD/qsgrid.txt"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
exit $fail
