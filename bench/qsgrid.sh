#!/bin/sh
# Benchmark: the kernel of every smooth activation away from the defaults:
# K(1), K'(1), K(rho), K'(rho) certified to 20 digits (sc_kernel_certify) on
# the grid q, s in {1e-3, 0.1, 1, 10, 1e3}, rho in {-0.9, -0.3, 0, 0.3, 0.9,
# 0.999, 0.99999999} (175 points per activation).  Target (issue 12): under
# 1 s at every point.  Reports wall and CPU time (the CPU time is less
# affected by other jobs on the machine) and the machine load.
# Usage: sh bench/qsgrid.sh BUILD_DIR (SC_BENCH_BASE=path of another synccert
# binary, e.g. main's, adds its times for the issue's examples).  Exit 1 if a
# point fails.
set -u
BUILD=${1:-build}
[ -f "$BUILD/libsynccert.a" ] || { echo "bench/qsgrid.sh: $BUILD/libsynccert.a missing" >&2; exit 2; }
cc -std=c11 -O2 -Iinclude bench/bench_grid.c "$BUILD/libsynccert.a" \
    -lflint-arb -lflint -lmpfr -lgmp -lgsl -lopenblas -lm -fopenmp \
    -o "$BUILD/bench_grid" || exit 2
# the named expression activations and one general expression go through
# the same trapezoidal rules (strip bounds of src/expr/strip.c)
set -f      # no globbing of the expression's '*'
acts="tanh sigmoid silu softplus softplus:beta=2.96 gelu_tanh gelu elu mish gelu_sigmoid expr:x*sigmoid(x)"
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
echo "The examples of issue 12 (the \`synccert\` CLI, whole process; 'issue': the time the"
echo "issue reports; 'base': the same command by the synccert at \$SC_BENCH_BASE, if set,"
echo "wall time, limit 90 s; exit 124 = that limit)."
echo
echo "| command | issue | base | base exit | wall | CPU | exit |"
echo "|---|---|---|---|---|---|---|"
while IFS='|' read -r before args; do
    base="-"; brc="-"
    if [ -n "${SC_BENCH_BASE:-}" ]; then
        # shellcheck disable=SC2086
        /usr/bin/time -f "%e" -o "$BUILD/qsgrid.time" timeout 90 "$SC_BENCH_BASE" $args > /dev/null 2>&1
        brc=$?
        base="$(tail -n 1 "$BUILD/qsgrid.time") s"
    fi
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S" -o "$BUILD/qsgrid.time" "$BUILD/synccert" $args > /dev/null 2>&1
    rc=$?
    [ $rc -eq 0 ] || fail=1
    read -r w u sy < "$BUILD/qsgrid.time"
    echo "| synccert $args | $before | $base | $brc | $w s | $(echo "$u $sy" | awk "{printf \"%.2f\", \$1 + \$2}") s | $rc |"
done <<'EOF2'
22 s|kernel gelu_tanh --rho 0.5 --digits 40
16 s|kernel softplus:beta=2.96 --rho -0.8773 --weight-var 3.7 --bias-var 0.18 --digits 18
5-8 s (typical)|kernel silu --rho 0.3 --weight-var 300 --bias-var 20 --digits 19
5-8 s (typical)|kernel gelu_tanh --rho -0.6 --weight-var 50 --bias-var 2 --digits 16
> 60 s|kernel silu --rho 0.3 --weight-var 1e6 --digits 15
> 60 s|kernel softplus --rho 0.3 --weight-var 1e6 --digits 15
EOF2
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
exit $fail
