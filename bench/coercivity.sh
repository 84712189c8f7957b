#!/bin/sh
# Performance targets of issue 5 (run by bench/run with the build dir as $1):
#  1. `synccert coercivity ACT --dim 8 --p 1/2 --tol 1e-6` for every built-in
#     activation: under 2 s each;
#  2. `synccert certify relu --property dissipation --dim 2:1024`: under 30 s.
# Prints one table; exit 1 if a command fails (a missed target is reported as
# MISS, not a failure).
BUILD=${1:-build}
SC="$BUILD/synccert"
[ -x "$SC" ] || { echo "bench/coercivity.sh: $SC missing" >&2; exit 2; }
status=0
now() { date +%s.%N; }

echo "| command | seconds | target | result |"
echo "|---|---|---|---|"
acts="linear relu leaky_relu abs step sign erf tanh sigmoid gelu gelu_tanh silu softplus elu sin cos hermite:a1=1,a2=0.5 poly:c1=1,c3=-0.1"
for a in $acts; do
    t0=$(now)
    out=$("$SC" coercivity "$a" --dim 8 --p 1/2 --tol 1e-6 2>&1)
    rc=$?
    t1=$(now)
    s=$(echo "$t1 - $t0" | bc -l | awk '{printf "%.3f", $1}')
    cp=$(echo "$out" | sed -n "s/^c_p  *\\[/[/p")
    if [ $rc -ne 0 ]; then
        res="FAIL ($out)"; status=1
    elif [ "$(echo "$s < 2" | bc -l)" -eq 1 ]; then res="PASS c_p $cp"
    else res="MISS c_p $cp"; fi
    echo "| coercivity $a --dim 8 --p 1/2 | $s | < 2 s | $res |"
done
t0=$(now)
out=$("$SC" certify relu --property dissipation --dim 2:1024 2>/dev/null)
rc=$?
t1=$(now)
s=$(echo "$t1 - $t0" | bc -l | awk '{printf "%.3f", $1}')
if [ $rc -ne 0 ]; then res="FAIL"; status=1
elif [ "$(echo "$s < 30" | bc -l)" -eq 1 ]; then res="PASS $(echo "$out" | grep '^leaves')"
else res="MISS"; fi
echo "| certify relu --property dissipation --dim 2:1024 | $s | < 30 s | $res |"
exit $status
