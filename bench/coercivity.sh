#!/bin/sh
# Coercivity throughput (issue 14; run by bench/run with the build dir as $1):
#  `synccert coercivity ACT --dim D --p 1/2 --tol 1e-6` for every built-in
#  activation at d = 3, 8, 16: targets < 0.5 s at d = 8 and < 1 s at d = 3
#  and d = 16 (wall time), side by side with the peer bench/peer_coercivity.py
#  (NumPy/SciPy dense-grid minimisation in double precision, no guarantee)
#  as the ratio peer time / synccert time; plus the report's table (tanh, elu
#  at d = 3,16) and `certify relu --property dissipation --dim 2:1024`.
#  SC_BENCH_BASE=/path/to/old/synccert adds a "before" column measured in the
#  same run.  Wall and CPU (user) seconds, synccert's the smallest of three
#  runs; on a loaded machine trust CPU.
# Prints markdown; exit 1 if a synccert command fails (a missed target is
# reported as MISS, not a failure).
BUILD=${1:-build}
SC="$BUILD/synccert"
BASE=${SC_BENCH_BASE:-}
PY=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$SC" ] || { echo "bench/coercivity.sh: $SC missing" >&2; exit 2; }
status=0
tf=$(mktemp "${TMPDIR:-/tmp}/synccert-coerc.XXXXXX") || exit 2
trap 'rm -f "$tf"' EXIT INT TERM

# run CMD...: sets wall, cpu, rc, out
run() {
    out=$(/usr/bin/time -f "%e %U" -o "$tf" "$@" 2>&1)
    rc=$?
    wall=$(cut -d' ' -f1 "$tf")
    cpu=$(cut -d' ' -f2 "$tf")
}
# best3 CMD...: run three times, keep the smallest wall and CPU time (the
# machine is shared: the minimum is the least disturbed run)
best3() {
    run "$@"; w=$wall; c=$cpu
    for _ in 2 3; do
        run "$@"
        w=$(echo "$w $wall" | awk '{ print ($2 < $1) ? $2 : $1 }')
        c=$(echo "$c $cpu" | awk '{ print ($2 < $1) ? $2 : $1 }')
    done
    wall=$w; cpu=$c
}

echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
if [ -n "$BASE" ]; then
    echo "| activation | d | synccert wall (s) | CPU (s) | before wall (s) | before CPU (s) | peer (s) | peer/sc | target | result | c_p |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
else
    echo "| activation | d | synccert wall (s) | CPU (s) | peer (s) | peer/sc | target | result | c_p |"
    echo "|---|---|---|---|---|---|---|---|---|"
fi
acts="linear relu leaky_relu abs step sign erf tanh sigmoid gelu gelu_tanh silu softplus elu sin cos hermite:a1=1,a2=0.5 poly:c1=1,c3=-0.1"
for a in $acts; do
    for d in 3 8 16; do
        target=1; [ "$d" = 8 ] && target=0.5
        best3 "$SC" coercivity "$a" --dim "$d" --p 1/2 --tol 1e-6
        cp=$(echo "$out" | sed -n "s/^c_p  *\\[/[/p")
        if [ $rc -ne 0 ]; then
            res="FAIL"; status=1
        elif [ "$(echo "$wall < $target" | bc -l)" -eq 1 ]; then res="PASS"
        else res="MISS"; fi
        scw=$wall; scc=$cpu
        before=""
        if [ -n "$BASE" ]; then
            run "$BASE" coercivity "$a" --dim "$d" --p 1/2 --tol 1e-6
            before=" $wall | $cpu |"
        fi
        pl=$(cd "$here" && "$PY" peer_coercivity.py "$a" "$d" 1/2 2>/dev/null)
        pt=$(echo "$pl" | cut -d' ' -f4)
        pv=$(echo "$pl" | cut -d' ' -f5)
        ratio=$(echo "$pt $scw" | awk '{ if ($2 > 0) printf "%.1fx", $1 / $2; else print "-" }')
        echo "| $a | $d | $scw | $scc |$before $pt | $ratio | < $target s | $res | $cp (peer $pv) |"
    done
done
echo
echo "| command | wall (s) | CPU (s) | result |"
echo "|---|---|---|---|"
for a in tanh elu; do
    run "$SC" table --activations "$a" --dims 3,16 --quantities cp --format text
    [ $rc -ne 0 ] && status=1
    echo "| table --activations $a --dims 3,16 --quantities cp | $wall | $cpu | $(echo "$out" | sed -n '3,$p' | grep -v '^(' | tr -s ' ' | tr '\n' ';') |"
done
run "$SC" certify relu --property dissipation --dim 2:1024
if [ $rc -ne 0 ]; then res="FAIL"; status=1
else res="$(echo "$out" | grep '^leaves')"; fi
echo "| certify relu --property dissipation --dim 2:1024 | $wall | $cpu | $res |"
exit $status
