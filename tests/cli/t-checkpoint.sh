#!/bin/sh
# certify --checkpoint / --resume: a run killed mid-way (SIGTERM, SIGKILL) or
# stopped by its budget, then resumed, ends with exactly the leaves, classes
# and fractions of an uninterrupted run; a checkpoint of another problem or
# a file that is not one is refused with one line.
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
A="gelu --property dissipation --dim 2:256 --p 0.1:2 --max-depth 15"

check() {   # check WHAT CONDITION...
    what=$1; shift
    sc_run=$((sc_run + 1))
    if ! "$@"; then sc_failed=$((sc_failed + 1)); echo "FAILED: $what"; fi
}

# the operations logged so far (0 while the file does not exist)
nops() { sed -n 's/^ops //p' "$1" 2>/dev/null || echo 0; }

# same result: the CSV and stdout without the line naming the CSV
same() {
    cmp -s "$dir/full.csv" "$1.csv" &&
    grep -v '^leaves csv' "$dir/full.out" >"$dir/a" && grep -v '^leaves csv' "$1.out" >"$dir/b" &&
    cmp -s "$dir/a" "$dir/b"
}

# $SYNCCERT certify $A --out full.csv: the uninterrupted run
timeout 120 "$SYNCCERT" certify $A --out "$dir/full.csv" >"$dir/full.out" 2>/dev/null
check "uninterrupted run" [ $? -eq 0 ]
check "uninterrupted run has certified and refuted leaves" sh -c "grep -Eq '^certified +0\.[0-9]' '$dir/full.out' && grep -Eq '^refuted +0\.[0-9]' '$dir/full.out'"

# kill SIG after the checkpoint holds at least 20 operations, then resume
killed_run() {
    sig=$1; ck="$dir/ck-$sig"
    timeout 120 "$SYNCCERT" certify $A --checkpoint "$ck" --checkpoint-every 0.05 \
        --out "$dir/$sig.csv" >"$dir/$sig.out" 2>"$dir/$sig.err" &
    pid=$!; n=0
    while [ "$(nops "$ck")" -lt 20 ] && [ $n -lt 600 ] && kill -0 $pid 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
    kill -"$sig" $pid 2>/dev/null; wait $pid; rc=$?
    want=143; [ "$sig" = KILL ] && want=137
    check "$sig: stopped mid-way (exit $rc)" [ $rc -eq $want ]
    check "$sig: no CSV, no result on stdout" [ ! -e "$dir/$sig.csv" ] && [ ! -s "$dir/$sig.out" ]
    [ "$sig" = TERM ] && check "TERM: one line naming the checkpoint" \
        sh -c "tr '\r' '\n' <'$dir/$sig.err' | grep -c 'saved in' | grep -qx 1"
    check "$sig: the checkpoint ends cleanly" sh -c "tail -n 1 '$ck' | grep -qx end"
    timeout 120 "$SYNCCERT" certify $A --resume "$ck" --out "$dir/$sig-r.csv" >"$dir/$sig-r.out" 2>/dev/null
    check "$sig: resumed run succeeds" [ $? -eq 0 ]
    check "$sig: resumed = uninterrupted (leaves, classes, fractions)" same "$dir/$sig-r"
    # the resumed run went on saving: resuming the finished file again replays it all
    timeout 120 "$SYNCCERT" certify $A --resume "$ck" --out "$dir/$sig-rr.csv" >"$dir/$sig-rr.out" 2>/dev/null
    check "$sig: resuming a finished run gives the result again" same "$dir/$sig-rr"
}
killed_run TERM
killed_run KILL

# a budget stop saves the open boxes; resuming finishes the same run
# (the whole run takes about 1.2 s; a quarter of it stops mid-way)
timeout 120 "$SYNCCERT" certify $A --budget 0.3 --checkpoint "$dir/ck-b" >"$dir/b1.out" 2>/dev/null
check "budget stop: exit 0 with undecided leaves" grep -q "the budget stopped the run" "$dir/b1.out"
timeout 120 "$SYNCCERT" certify $A --resume "$dir/ck-b" --out "$dir/b.csv" >"$dir/b.out" 2>/dev/null
check "budget stop: resumed = uninterrupted" same "$dir/b"

# refusals: another problem (the differing setting named), not a checkpoint
expect_error 2 "another problem \(axis d: 2:256 in the file, 2:128 in this run\)" \
    certify gelu --property dissipation --dim 2:128 --p 0.1:2 --max-depth 15 --resume "$dir/ck-TERM"
expect_error 2 "another problem \(activation: gelu in the file, elu:alpha=1 in this run\)" \
    certify elu --property dissipation --dim 2:256 --p 0.1:2 --max-depth 15 --resume "$dir/ck-TERM"
expect_error 2 "another problem \(gamma: 0 in the file, 0.01 in this run\)" \
    certify $A --gamma 0.01 --resume "$dir/ck-TERM"
expect_error 2 "not a synccert certify checkpoint" certify $A --resume "$dir/full.csv"
expect_error 2 "cannot read" certify $A --resume "$dir/none"
# a log that does not replay (a split turned into a decision) is refused
sed 's/^\([0-9]\)\(.*\)$/c\2/' "$dir/ck-TERM" >"$dir/bad"
expect_error 2 "does not replay" certify $A --resume "$dir/bad"
expect_error 2 "checkpoint-every" certify $A --checkpoint "$dir/x" --checkpoint-every 0
expect_error 2 "cannot|No such" certify $A --checkpoint "$dir/no/such/dir/ck"
finish
