#!/bin/sh
# synccert-mpi certify on 1 and 3 ranks (oversubscribed on a small machine)
# gives exactly the leaves, classes and fractions of the plain CLI; its
# checkpoints and the plain CLI's are interchangeable; a rank killed
# mid-run stops the job without any result (no CSV, nothing on stdout), and
# the checkpoint written up to then resumes to the same result.
# Usage: sh tests/mpi/t-mpi.sh BUILD
BUILD=${1:-build}
SYNCCERT=$(cd "$BUILD" && pwd)/synccert
MPI=$(cd "$BUILD" && pwd)/synccert-mpi
export SYNCCERT
. "$(dirname "$0")/../cli/lib.sh"
# mpirun refuses root unless told (containers, CI)
[ "$(id -u)" -eq 0 ] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

check() {   # check WHAT CONDITION...
    what=$1; shift
    sc_run=$((sc_run + 1))
    if ! "$@"; then sc_failed=$((sc_failed + 1)); echo "FAILED: $what"; fi
}

# same NAME REF: NAME.csv = REF.csv and the printed results agree (but for
# the line naming the CSV)
same() {
    cmp -s "$2.csv" "$1.csv" &&
    grep -v '^leaves csv' "$2.out" >"$dir/a" && grep -v '^leaves csv' "$1.out" >"$dir/b" &&
    cmp -s "$dir/a" "$dir/b"
}

mpi() {   # mpi N ARGS...: synccert-mpi on N ranks
    n=$1; shift
    timeout 300 mpirun --oversubscribe -n "$n" "$MPI" "$@"
}

nops() { sed -n 's/^ops //p' "$1" 2>/dev/null || echo 0; }

i=0
for A in "gelu --property dissipation --dim 2:256 --p 0.1:2 --max-depth 14" \
         "leaky_relu --property sync --param alpha=0:1 --param q=1/2:2 --dim 2:64 --max-depth 12"; do
    i=$((i + 1))
    timeout 300 "$SYNCCERT" certify $A --out "$dir/p$i.csv" >"$dir/p$i.out" 2>/dev/null
    check "problem $i: plain run" [ $? -eq 0 ]
    for n in 1 3; do
        mpi $n certify $A --out "$dir/m$i-$n.csv" >"$dir/m$i-$n.out" 2>"$dir/m$i-$n.err"
        check "problem $i: $n ranks exit 0 ($(tail -c 300 "$dir/m$i-$n.err"))" [ $? -eq 0 ]
        check "problem $i: $n ranks = plain run (leaves, classes, fractions)" same "$dir/m$i-$n" "$dir/p$i"
    done
done
A="gelu --property dissipation --dim 2:256 --p 0.1:2 --max-depth 14"

# checkpoints go both ways: plain -> 3 ranks, 3 ranks -> plain
timeout 300 "$SYNCCERT" certify $A --budget 1 --checkpoint "$dir/ck1" >/dev/null 2>&1
mpi 3 certify $A --resume "$dir/ck1" --out "$dir/r1.csv" >"$dir/r1.out" 2>/dev/null
check "plain checkpoint resumed on 3 ranks = plain run" same "$dir/r1" "$dir/p1"
mpi 3 certify $A --budget 1 --checkpoint "$dir/ck2" >/dev/null 2>&1
check "3 ranks: the budget stop leaves a checkpoint" sh -c "tail -n 1 '$dir/ck2' | grep -qx end"
timeout 300 "$SYNCCERT" certify $A --resume "$dir/ck2" --out "$dir/r2.csv" >"$dir/r2.out" 2>/dev/null
check "3-rank checkpoint resumed by the plain CLI = plain run" same "$dir/r2" "$dir/p1"

# a worker rank killed mid-run: the job stops, nothing is presented as a result
B="gelu --property dissipation --dim 2:256 --p 0.1:2 --max-depth 18"
mpi 3 certify $B --checkpoint "$dir/ck3" --checkpoint-every 0.1 --out "$dir/k.csv" >"$dir/k.out" 2>"$dir/k.err" &
job=$!; n=0
while [ "$(nops "$dir/ck3")" -lt 10 ] && [ $n -lt 600 ] && kill -0 $job 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
# the ranks are the children of mpirun; rank order is not known: kill the youngest
worker=$(pgrep -n -f "^$MPI certify")
check "a worker is running" [ -n "$worker" ]
kill -9 "$worker" 2>/dev/null
wait $job; rc=$?
check "killed rank: the job fails (exit $rc)" [ $rc -ne 0 ]
check "killed rank: no CSV, no result on stdout" [ ! -e "$dir/k.csv" ] && ! grep -q '^leaves' "$dir/k.out"
check "killed rank: mpirun names the dead process" grep -q "exited on signal 9" "$dir/k.err"
check "killed rank: the checkpoint is whole" sh -c "tail -n 1 '$dir/ck3' | grep -qx end"
finish
