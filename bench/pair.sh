#!/bin/sh
# Performance targets of issue 13 (run by bench/run with the build dir as $1):
#  1. `synccert pair ACT --rho0 R` at 6 digits: under 1 s for activations with
#     a closed-form kernel, under 5 s for the others (tanh: Hermite series),
#     next to a NumPy/SciPy peer (bench/peer_pair.py, double precision, an
#     independent method: an ODE in t = atanh(rho)); the peer must lie in the
#     certified enclosure (within its own accuracy, 1e-8);
#  2. `synccert coercivity ACT --projective` as fast as `synccert coercivity`
#     (same branch and bound), at p = 1/2 and with --p auto.
# Prints two tables; exit 1 if a command fails or a peer disagrees (a missed
# speed target is reported as MISS, not a failure).
BUILD=${1:-build}
SC="$BUILD/synccert"
PY=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
[ -x "$SC" ] || { echo "bench/pair.sh: $SC missing" >&2; exit 2; }
status=0
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | awk '{printf "%.3f", $1}'; }

echo "P(sync | rho0) at 6 digits (synccert pair, certified) next to the peer (SciPy, double precision)."
echo
echo "| case | kernel | synccert s | target | P(sync) certified | peer s | peer P(sync) | ratio peer/synccert | agrees |"
echo "|---|---|---|---|---|---|---|---|---|"
# ACT D GAMMA BETA RHO0 TARGET
while read -r act d g b r target; do
    t0=$(now)
    out=$("$SC" pair "$act" --dim "$d" --gamma "$g" --beta "$b" --rho0 "$r" --json 2>&1)
    rc=$?
    t1=$(now)
    s=$(secs "$t0" "$t1")
    if [ $rc -ne 0 ]; then
        echo "| $act d=$d gamma=$g beta=$b rho0=$r | | $s | < $target s | FAIL ($out) | | | | |"
        status=1
        continue
    fi
    kern=$(echo "$out" | sed -n 's/.*"kernel": "\([^"]*\)".*/\1/p')
    p=$(echo "$out" | sed -n 's/.*"sync": {"lo": "[^"]*", "hi": "[^"]*", "digits": "\([^"]*\)".*/\1/p')
    lo=$(echo "$out" | sed -n 's/.*"sync": {"lo": "\([^"]*\)".*/\1/p')
    hi=$(echo "$out" | sed -n 's/.*"sync": {"lo": "[^"]*", "hi": "\([^"]*\)".*/\1/p')
    res=PASS
    [ "$(echo "$s < $target" | bc -l)" -eq 1 ] || res=MISS
    if [ "$act" = sign ]; then
        ps=-; pp=-; ratio=-; agree="(no peer: K'(1) = inf)"
    else
        t0=$(now)
        pout=$(timeout 120 "$PY" "$here/peer_pair.py" "$act" "$d" "$g" "$b" "$r" 2>/dev/null)
        t1=$(now)
        ps=$(secs "$t0" "$t1")
        pp=$(echo "$pout" | awk '{print $4}')
        ratio=$(echo "$ps / $s" | bc -l | awk '{printf "%.1fx", $1}')
        if [ -n "$pp" ] && [ "$(echo "$pp >= $lo - 0.00000001 && $pp <= $hi + 0.00000001" | bc -l)" -eq 1 ]; then
            agree=yes
        else
            agree="NO"; status=1
        fi
    fi
    echo "| $act d=$d gamma=$g beta=$b rho0=$r | $kern | $s | < $target s | $res $p | $ps | $pp | $ratio | $agree |"
done <<EOF
linear 4 0.5 0 0 1
erf 4 0.2 1 -0.2 1
sin 4 0.2 1 0.3 1
sign 2 0.2 1 0.3 1
tanh 8 0.3 1 -0.2 5
tanh 3 0.1 2 0.5 5
tanh 8 0.3 1 0.9999999 5
erf 4 0.2 1 0.999999 1
EOF

echo
echo "coercivity --projective (c_p^pm) against coercivity (c_p): same branch and bound, tolerance 1e-6."
echo
echo "| activation | p | coercivity s | --projective s | ratio | c_p^pm |"
echo "|---|---|---|---|---|---|"
for a in linear erf sin tanh; do
    for p in 1/2 auto; do
        t0=$(now)
        "$SC" coercivity "$a" --dim 8 --p "$p" >/dev/null 2>&1
        rc1=$?
        t1=$(now)
        out=$("$SC" coercivity "$a" --dim 8 --p "$p" --projective 2>&1)
        rc2=$?
        t2=$(now)
        s1=$(secs "$t0" "$t1")
        s2=$(secs "$t1" "$t2")
        cp=$(echo "$out" | sed -n 's/^c_p^pm  *\(\[.*\)/\1/p')
        [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] || { status=1; cp="FAIL"; }
        ratio=$(echo "$s2 / $s1" | bc -l | awk '{printf "%.2f", $1}')
        echo "| $a | $p | $s1 | $s2 | $ratio | $cp |"
    done
done
exit $status
