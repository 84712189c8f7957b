# Helpers for CLI tests: source this, call the checks, then `finish`.
# $SYNCCERT is the binary under test (set by tests/run).
: "${SYNCCERT:?SYNCCERT must point at the synccert binary}"
sc_run=0; sc_failed=0
sc_out=$(mktemp); sc_err=$(mktemp)

# run_sc ARGS...: run synccert (60 s limit: a hang fails the test, a loaded
# machine does not), stdout/stderr to $sc_out/$sc_err.
run_sc() { timeout 60 "$SYNCCERT" "$@" >"$sc_out" 2>"$sc_err"; sc_rc=$?; }

# expect_error CODE PATTERN ARGS...: exit status CODE and a one-line stderr
# message matching PATTERN (grep -E), nothing on stdout.
expect_error() {
    code=$1; pat=$2; shift 2
    sc_run=$((sc_run + 1)); run_sc "$@"
    lines=$(wc -l <"$sc_err")
    if [ "$sc_rc" -ne "$code" ] || ! grep -Eq "$pat" "$sc_err" || [ "$lines" -ne 1 ] || [ -s "$sc_out" ]; then
        sc_failed=$((sc_failed + 1))
        echo "FAILED: synccert $* (exit $sc_rc, want $code; stderr: $(cat "$sc_err"))"
    fi
}

# expect_ok PATTERN ARGS...: exit 0 and stdout matching PATTERN (grep -E).
expect_ok() {
    pat=$1; shift
    sc_run=$((sc_run + 1)); run_sc "$@"
    if [ "$sc_rc" -ne 0 ] || ! grep -Eq -- "$pat" "$sc_out"; then
        sc_failed=$((sc_failed + 1))
        echo "FAILED: synccert $* (exit $sc_rc; stdout: $(head -c 600 "$sc_out"); stderr: $(head -c 300 "$sc_err"))"
    fi
}

finish() { rm -f "$sc_out" "$sc_err"; echo "TESTS $sc_run $sc_failed"; [ "$sc_failed" -eq 0 ]; }
