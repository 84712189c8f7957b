#!/bin/sh
# CLI tests of `synccert simulate` (statistical simulator): small, fast
# configurations with fixed seeds, the labelling of statistical output, JSON,
# and every error path (one line on stderr, exit 2).
. "$(dirname "$0")/lib.sh"

expect_ok 'usage: synccert simulate' help simulate
expect_ok 'STATISTICAL, NOT CERTIFIED' help simulate
expect_ok 'simulate' help

# outputs (tiny runs)
expect_ok '^STATISTICAL, NOT CERTIFIED' simulate relu --dim 4 --time 5 --runs 2 --quiet
expect_ok '^lambda certified +-0\.5000000000' simulate relu --dim 4 --time 5 --runs 2 --quiet
expect_ok '^consistent +yes' simulate relu --dim 4 --time 20 --runs 2 --quiet
expect_ok '^lambda simulated +-0\.[0-9]+ \+/- ' simulate relu --dim 4 --time 5 --runs 2
expect_ok '"statistical": true' simulate tanh --dim 5 --measure moments --rho 0.3 --runs 2000 --json
expect_ok '"b_certified": \{"lo"' simulate tanh --dim 5 --measure moments --rho 0.3 --runs 2000 --json
expect_ok '^a\(rho\) certified' simulate tanh --dim 5 --measure moments --runs 2000 --width 32
expect_ok '"lambda_sim": \{"mean": -?[0-9.e-]+, "se": [0-9.e-]+, "n": 200\}' simulate gelu --dim 8 --time 1 --runs 2 --json
expect_ok '"consistent": (true|false|null)' simulate sign --dim 6 --time 1 --runs 2 --json
expect_ok '^P\(sync\) certified +0\.6666666667' simulate --measure rqf --dim 4 --rho 0.5 --runs 200 --time 5 --step 0.05
expect_ok '"p_sync_certified"' simulate linear --measure rqf --dim 3 --runs 50 --time 2 --json
expect_ok 'certificate +holds' simulate relu --dim 8 --measure energy --p 0.5 --tokens 8 --time 0.2 --runs 2 --width 32
expect_ok 'certificate +does not hold' simulate relu --dim 8 --measure energy --tokens 8 --time 0.2 --runs 2 --width 32
expect_ok '"token_updates_per_second"' simulate leaky_relu:alpha=0.2 --dim 4 --measure energy --tokens 6 --time 0.1 --runs 2 --gamma 0.5 --beta 2 --attention random --qkv-norm 0.5 --json
expect_ok 'L_att = 3' simulate relu --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1 --gamma 1
expect_ok '^lambda simulated' simulate hermite:a1=1,a2=0.5 --dim 4 --time 1 --runs 2 --bias-var 0.5 --weight-var 2 --sigma 0.5
expect_ok '^\(doc/model\.md, section 1\)' simulate relu --dim 4 --time 1 --runs 2
expect_ok 'not available \(odd activation without bias' simulate tanh --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1
expect_ok '"r_p_note": "odd activation without bias' simulate tanh --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1 --json
expect_ok '^c_p +\[' simulate tanh --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1 --bias-var 0.5
expect_ok '\{"t": 0\.05, [^]]*\]' simulate relu --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1 --points 100 --json
expect_ok 'L_att = 1\.25' simulate relu --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1 --gamma 0.1 --beta 2 --attention random --qkv-norm 0.5
expect_ok '^P\(sync\) simulated +1 \+/- 0\.05 ' simulate --measure rqf --dim 2 --rho 1 --runs 10 --time 1
expect_ok '^P\(antipodal\) cert\. +0 ' simulate --measure rqf --dim 2 --rho 1 --runs 10 --time 1

# the same seed gives the same numbers, for any thread count
a=$("$SYNCCERT" simulate tanh --dim 6 --time 2 --runs 3 --seed 5 --threads 1 --json | sed 's/"seconds".*//; s/"threads": [0-9]*//')
b=$("$SYNCCERT" simulate tanh --dim 6 --time 2 --runs 3 --seed 5 --threads 2 --json | sed 's/"seconds".*//; s/"threads": [0-9]*//')
sc_run=$((sc_run + 1))
if [ -z "$a" ] || [ "$a" != "$b" ]; then
    sc_failed=$((sc_failed + 1)); echo "FAILED: simulate not reproducible across thread counts"; echo "$a"; echo "$b"
fi

# every JSON output parses (also with infinite certified values and one run)
if [ -x /usr/bin/python3 ]; then
    for args in "relu --dim 4 --time 1 --runs 2" "sign --dim 6 --time 1 --runs 1" \
                "tanh --dim 3 --measure moments --runs 500 --width 16" \
                "relu --dim 4 --measure energy --tokens 4 --time 0.05 --runs 1 --gamma 1" \
                "--measure rqf --dim 2 --rho -1 --runs 10 --time 1"; do
        sc_run=$((sc_run + 1))
        # shellcheck disable=SC2086
        if ! "$SYNCCERT" simulate $args --json --quiet | /usr/bin/python3 -c 'import json, sys; json.load(sys.stdin)'; then
            sc_failed=$((sc_failed + 1)); echo "FAILED: invalid JSON from simulate $args"
        fi
    done
fi

# error paths
expect_error 2 "unknown activation 'nosuch'" simulate nosuch --dim 4
expect_error 2 "expected one activation" simulate --dim 4
expect_error 2 "unexpected argument" simulate relu tanh --dim 4
expect_error 2 "dim D is required" simulate relu
expect_error 2 "dim" simulate relu --dim -3
expect_error 2 "dim" simulate relu --dim 1
expect_error 2 "dim" simulate relu --dim 4.5
expect_error 2 "not a number" simulate relu --dim 4 --sigma nan
expect_error 2 "sigma" simulate relu --dim 4 --sigma -1
expect_error 2 "not a number" simulate relu --dim 4 --step abc
expect_error 2 "step" simulate relu --dim 4 --step 0
expect_error 2 "step" simulate relu --dim 4 --step 2
expect_error 2 "time" simulate relu --dim 4 --time -1
expect_error 2 "at least one step" simulate relu --dim 4 --time 0.001
expect_error 2 "runs" simulate relu --dim 4 --runs 0
expect_error 2 "width" simulate relu --dim 4 --width 0
expect_error 2 "seed" simulate relu --dim 4 --seed -1
expect_error 2 "threads" simulate relu --dim 4 --threads 0
expect_error 2 "weight-var" simulate relu --dim 4 --weight-var 0
expect_error 2 "bias-var" simulate relu --dim 4 --bias-var -1
expect_error 2 "delta" simulate relu --dim 4 --delta 1
expect_error 2 "unknown measure 'foo'" simulate relu --dim 4 --measure foo
expect_error 2 "rho" simulate tanh --dim 4 --measure moments --rho 1
expect_error 2 "rho" simulate tanh --dim 4 --measure moments --rho 1.5
expect_error 2 "rho" simulate --measure rqf --dim 4 --rho -1.01
expect_error 2 "omit ACT or give linear" simulate relu --measure rqf --dim 4
expect_error 2 "rho does not apply" simulate relu --dim 4 --rho 0.3
expect_error 2 "tokens does not apply" simulate relu --dim 4 --tokens 8
expect_error 2 "gamma does not apply" simulate relu --dim 4 --measure moments --gamma 1
expect_error 2 "time does not apply" simulate relu --dim 4 --measure moments --time 1
expect_error 2 "width does not apply" simulate --measure rqf --dim 4 --width 8
expect_error 2 "tokens" simulate relu --dim 4 --measure energy --tokens 1
expect_error 2 "p must lie" simulate relu --dim 4 --measure energy --p 3
expect_error 2 "p must lie" simulate relu --dim 4 --measure energy --p 0
expect_error 2 "unknown attention" simulate relu --dim 4 --measure energy --attention full
expect_error 2 "needs --attention random" simulate relu --dim 4 --measure energy --qkv-norm 2
expect_error 2 "points" simulate relu --dim 4 --measure energy --points 0
expect_error 2 "qkv-norm must lie" simulate relu --dim 4 --measure energy --attention random --qkv-norm 0
expect_error 2 "delta does not apply" simulate --measure rqf --dim 4 --delta 0.01
expect_error 2 "too large" simulate relu --dim 4 --time 1000000 --step 0.000001 --runs 1000000
expect_error 2 "runs" simulate relu --dim 4 --runs 100000000
expect_error 2 "too large" simulate relu --dim 4 --measure energy --tokens 100000 --width 10000 --time 0.01 --runs 1
expect_error 2 "unknown option" simulate relu --dim 4 --frobnicate
expect_error 2 "needs a value" simulate relu --dim 4 --seed
expect_error 2 "given twice" simulate relu --dim 4 --seed 1 --seed 2
expect_error 2 "takes no value" simulate relu --dim 4 --json=1

finish
