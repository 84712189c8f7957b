#!/bin/sh
# Throughput of `synccert simulate` against a straightforward NumPy
# implementation of the same discrete update (bench/sim_numpy.py), in the
# same run.  Usage: sh bench/sim.sh BUILD_DIR   (builds nothing)
#
#   lyapunov  d = 64, width 256, relu: blocks per second (target >= 1e5);
#             synccert samples only the projections a pair needs (exact in
#             law) and counts one block per antithetic pair (W2, -W2); the
#             peer multiplies full matrices, one network per block.
#   energy    d = 64, width 256, N = 256 tokens, relu: token-block updates
#             per second (target >= 1e5); both sides use full matrices and
#             dgemm (OpenBLAS); synccert runs its runs in parallel, NumPy's
#             BLAS is multi-threaded.
#   ratio     synccert / NumPy (target >= 10x).
# Both estimates (lambda, the energy ratio) are printed too: they simulate
# the same discrete model, so they must agree within their standard errors.
# Statistical numbers, not certified.  Exit status 0 unless a run fails;
# missed speed targets are reported (MISS), not failed.
set -u
BUILD=${1:-build}
SC="$BUILD/synccert"
PY=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x "$SC" ]; then
    echo "bench/sim.sh: $SC missing: run make all first" >&2
    exit 2
fi
if ! "$PY" -c 'import numpy' 2>/dev/null; then
    echo "bench/sim.sh: $PY lacks numpy (apt-get install python3-numpy)" >&2
    exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/synccert-sim.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

D=64; M=256; H=0.01; N=256
status=0
"$SC" simulate relu --dim $D --width $M --step $H --time 250 --runs 8 --seed 1 --json --quiet \
    > "$tmp/lyap.json" || status=1
"$PY" "$here/sim_numpy.py" lyapunov relu $D $M $H 2000 1 > "$tmp/lyap.peer" || status=1
"$SC" simulate relu --dim $D --width $M --step $H --measure energy --tokens $N --time 2 --runs 4 \
    --points 1 --seed 1 --json --quiet > "$tmp/energy.json" || status=1
"$PY" "$here/sim_numpy.py" energy relu $D $M $N $H 200 1 > "$tmp/energy.peer" || status=1
[ $status -eq 0 ] || { echo "bench/sim.sh: a run failed" >&2; cat "$tmp"/* >&2; exit 1; }

"$PY" - "$tmp" <<'EOF'
import json, sys, os
tmp = sys.argv[1]
def peer(path):
    with open(path) as f:
        line = f.read().split()
    return {k: v for k, v in (t.split("=", 1) for t in line if "=" in t)}
ly = json.load(open(os.path.join(tmp, "lyap.json")))
en = json.load(open(os.path.join(tmp, "energy.json")))
lp = peer(os.path.join(tmp, "lyap.peer"))
ep = peer(os.path.join(tmp, "energy.peer"))
def fmt(x):
    return "%.3g" % x if x < 1000 else "{:,.0f}".format(x)
rows = []
lr, lpr = ly["blocks_per_second"], float(lp["rate"])
er, epr = en["token_updates_per_second"], float(ep["rate"])
print("Simulator throughput, d = 64, width 256, relu, h = 0.01, %d threads (statistical, not certified)." % ly["threads"])
print("synccert samples only what the update needs (pair: hidden-layer projections + Wishart, exact in law;")
print("N tokens: full matrices with dgemm); the NumPy peer (bench/sim_numpy.py) multiplies full matrices.")
print()
print("| measure | synccert | target | NumPy | ratio | target 10x |")
print("|---|---|---|---|---|---|")
print("| lyapunov (blocks/s) | %s | %s | %s | %.0fx | %s |" % (fmt(lr), "PASS" if lr >= 1e5 else "MISS",
      fmt(lpr), lr / lpr, "PASS" if lr / lpr >= 10 else "MISS"))
print("| energy, N = 256 (token-block updates/s) | %s | %s | %s | %.1fx | %s |" % (fmt(er), "PASS" if er >= 1e5 else "MISS",
      fmt(epr), er / epr, "PASS" if er / epr >= 10 else "MISS"))
print()
l = ly["lambda_sim"]
print("Same model, both estimates: lambda synccert %.4f +/- %.4f (%d blocks), NumPy %.4f +/- %.4f (%s blocks);"
      % (l["mean"], l["se"], l["n"], float(lp["lambda"]), float(lp["se"]), lp["blocks"]))
print("certified h -> 0 value -0.5 (the step bias at d = 64, h = 0.01 is large: h sigma^2 d K(1) = %.2f)."
      % ly["step_parameter"])
pts = en["points"]
print("Energy E_1(T)/E_1(0) at T = 2 (200 blocks): NumPy %.3f (1 run), synccert %.3f +/- %.3f at T = %g (%d runs)."
      % (float(ep["ratio"]), pts[-1]["ratio"], pts[-1]["ratio_se"] or 0, pts[-1]["t"], en["runs"]))
EOF
