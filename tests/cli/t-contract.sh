#!/bin/sh
# The CLI contract, for every command: bad input gives exit status 2, exactly
# one line on stderr and nothing on stdout; --json gives one valid JSON
# document; a spent budget gives exit 1 with one line; a failed standard
# output gives exit 1 with one line; the options every command shares
# (--budget, repeats, unknown options, arguments holding a newline) behave
# the same everywhere.
. "$(dirname "$0")/lib.sh"

PY=$(command -v python3 || echo /usr/bin/python3)

# expect_json ARGS...: exit 0, nothing on stderr, stdout one JSON document.
expect_json() {
    sc_run=$((sc_run + 1)); run_sc "$@"
    if [ "$sc_rc" -ne 0 ] || [ -s "$sc_err" ] || ! "$PY" -m json.tool <"$sc_out" >/dev/null 2>&1; then
        sc_failed=$((sc_failed + 1))
        echo "FAILED: synccert $* (exit $sc_rc; not one JSON document: $(head -c 300 "$sc_out"); stderr: $(head -c 200 "$sc_err"))"
    fi
}

# expect_full ARGS...: standard output is /dev/full: exit 1, one stderr line.
expect_full() {
    sc_run=$((sc_run + 1))
    timeout 60 "$SYNCCERT" "$@" >/dev/full 2>"$sc_err"; sc_rc=$?
    if [ "$sc_rc" -ne 1 ] || [ "$(wc -l <"$sc_err")" -ne 1 ] || ! grep -q 'cannot write' "$sc_err"; then
        sc_failed=$((sc_failed + 1))
        echo "FAILED: synccert $* >/dev/full (exit $sc_rc, want 1; stderr: $(cat "$sc_err"))"
    fi
}

# --- one representative bad input per command -------------------------------
expect_error 2 'synccert kernel: unknown activation' kernel nosuch
expect_error 2 'synccert twopoint: --dim D is required' twopoint relu --rho 0.5
expect_error 2 'synccert lyapunov: --dim must be >= 2' lyapunov relu --dim 1
expect_error 2 'synccert critical-dim: expected one activation' critical-dim
expect_error 2 'synccert rqf: --dim' rqf --dim x
expect_error 2 'synccert coercivity: ' coercivity relu --dim 4 --p 3
expect_error 2 'synccert certify: ' certify relu --dim 2:8
expect_error 2 'synccert table: ' table --dims 1
expect_error 2 'synccert report: --digits' report --digits 0
expect_error 2 'synccert simulate: ' simulate relu --dim 4 --runs 0
expect_error 2 "synccert pair: --rho0 must lie in \[-1, 1\], got '2'" pair relu --dim 4 --rho0 2
expect_error 2 'synccert help: unknown topic' help nosuch
expect_error 2 'synccert help: expected one topic' help a b
expect_error 2 'synccert version: unexpected argument' --version x
expect_error 2 "synccert: unknown command 'frobnicate'" frobnicate
# no command: a one-line hint, not the usage (that is 'synccert help')
expect_error 2 "^synccert: no command given \(see 'synccert help'\)$"
expect_ok '^usage: synccert COMMAND' help
expect_ok '^Exit status: 0 success; 1 the computation or its output failed' help
expect_ok '^130 / 143 interrupted by SIGINT / SIGTERM' help

# --- options every command shares --------------------------------------------
for c in "kernel relu" "twopoint relu --dim 4 --rho 0.5" "lyapunov relu --dim 4" "critical-dim relu" \
         "rqf --dim 4" "coercivity relu --dim 4 --p 1/2" "certify relu --property sync --dim 2:8" \
         "table --activations relu --dims 4" "report --small --no-pdf" "simulate relu --dim 4" \
         "pair relu --dim 4"; do
    name=${c%% *}
    # shellcheck disable=SC2086
    {
        expect_error 2 "synccert $name: --budget must be in \(0, 1e\+07\] seconds, got '0'" $c --budget 0
        expect_error 2 "synccert $name: --budget: 'soon' is not a number" $c --budget soon
        expect_error 2 "synccert $name: option --budget given twice" $c --budget 5 --budget 6
        expect_error 2 "synccert $name: unknown option '--frobnicate'" $c --frobnicate
        # an argument holding a newline is echoed escaped, on one line
        expect_error 2 "synccert $name: .*'x\\\\ny'" $c "$(printf 'x\ny')"
    }
done
for c in "kernel relu" "twopoint relu --dim 4 --rho 0.5" "lyapunov relu --dim 4" "critical-dim relu" \
         "rqf --dim 4" "coercivity relu --dim 4 --p 1/2" "certify relu --property sync --dim 2:8" \
         "simulate relu --dim 4" "pair relu --dim 4"; do
    # shellcheck disable=SC2086
    expect_error 2 "synccert ${c%% *}: option --json given twice" $c --json --json
done
expect_error 2 'synccert table: option --progress given twice' table --progress --progress
expect_error 2 'synccert report: option --small given twice' report --small --small
expect_error 2 'synccert kernel: option --json takes no value' kernel relu --json=1
expect_error 2 'synccert kernel: --budget must be in' kernel relu --budget -1
expect_error 2 'synccert kernel: --budget must be in' kernel relu --budget 1e8
expect_error 2 'synccert kernel: option --budget needs a value' kernel relu --budget

# --- exponents beyond +-1000: "exponent out of range", not "not a number" ----
expect_error 2 "synccert kernel: --rho: '1e-1001': exponent out of range" kernel relu --rho 1e-1001
expect_error 2 "synccert twopoint: --sigma: '1e5000': exponent out of range" twopoint relu --dim 4 --rho 0 --sigma 1e5000
expect_error 2 "synccert kernel: --rho: '1e-1000x' is not a number" kernel relu --rho 1e-1000x

# --- --json is one valid JSON document, for every command that has it ------
expect_json kernel relu --json
expect_json kernel tanh --rho 1/3 --json
expect_json kernel step --json
expect_json twopoint relu --dim 4 --rho 0.5 --json
expect_json lyapunov gelu --dim 8 --json
expect_json critical-dim relu --json
expect_json critical-dim all --json
expect_json rqf --dim 4 --theta0 1 --json
expect_json coercivity relu --dim 4 --p 1/2 --json
expect_json certify relu --property sync --dim 2:8 --json
expect_json simulate relu --dim 4 --runs 2 --time 1 --json
expect_json pair linear --dim 4 --gamma 0.5 --rho0 0,0.5 --json
expect_json pair relu --dim 8 --rho0 0 --json

# --- a spent budget: exit 1, one line, nothing on stdout ---------------------
# (--budget 1e-400 used to underflow to 0, which meant "no budget")
expect_error 1 'synccert kernel: tanh: time budget of 1e-06 s exhausted' kernel tanh --budget 1e-400
expect_error 1 'synccert kernel: relu: time budget' kernel relu --budget 1e-400
expect_error 1 'synccert twopoint: relu: time budget' twopoint relu --dim 4 --rho 0.5 --budget 1e-400
expect_error 1 'synccert lyapunov: relu: time budget' lyapunov relu --dim 4 --budget 1e-400
expect_error 1 'synccert critical-dim: relu: time budget' critical-dim relu --budget 1e-400
expect_error 1 'synccert rqf: .*time budget' rqf --dim 4 --budget 1e-400
expect_error 1 'synccert coercivity: time budget' coercivity relu --dim 4 --p 1/2 --budget 1e-400
expect_error 1 'synccert pair: relu: time budget' pair relu --dim 4 --budget 1e-400
expect_error 1 'synccert pair: tanh: time budget' pair tanh --dim 8 --gamma 0.3 --beta 1 --rho0 0 --budget 1e-400
expect_error 1 'synccert simulate: .*time budget' simulate relu --dim 4 --runs 2 --time 1 --budget 1e-400
expect_error 1 'synccert table: time budget of 1e-06 s exhausted before the table was complete' \
    table --activations relu --dims 4 --budget 1e-400
# certify's budget stops it cleanly: the unfinished boxes are undecided, exit 0
expect_ok '"budget_hit": true' certify relu --property sync --dim 2:8 --budget 1e-400 --json

# --- standard output that cannot be written: exit 1, one line ---------------
expect_full kernel relu
expect_full table --activations relu --dims 4
expect_full critical-dim relu --json
expect_full pair linear --dim 4 --gamma 0.5 --rho0 0 --json
expect_full help

finish
