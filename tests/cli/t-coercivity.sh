#!/bin/sh
# CLI tests of `synccert coercivity` and `synccert certify`: values, verdicts,
# regimes, budget and every error path.
. "$(dirname "$0")/lib.sh"

expect_ok 'usage: synccert coercivity' help coercivity
expect_ok 'does NOT prove' help coercivity
expect_ok 'usage: synccert certify' help certify
expect_ok 'doc/model.md, section 5' help coercivity
expect_ok 'doc/model.md, section 4' help certify

# c_p values (enclosures of width <= tol)
expect_ok '^c_p +\[0\.12499[0-9]*, 0\.125000000[0-9]*\]' coercivity relu --dim 8 --p 1/2
expect_ok 'diagonal limit' coercivity relu --dim 64 --p 0.5
expect_ok '^c_p +\[0\.12453' coercivity relu --dim 3 --p 1/2
expect_ok 'rho = -1' coercivity relu --dim 2 --p 1/2
expect_ok '^c_p +\[-[0-9.e-]+, [0-9.e-]+\]' coercivity linear --dim 5 --p 1
expect_ok '"infimum_at": "diagonal"' coercivity relu --dim 8 --p 1/2 --json
expect_ok '"c_p": \{"lo": "0\.12499' coercivity relu --dim 8 --p 1/2 --json
expect_ok '^p +1/2 +\(chosen by --p auto\)' coercivity relu --dim 8 --p auto
expect_ok '^c_p +\[-inf' coercivity sign --dim 8 --p 1/2
expect_ok '^c_p +\[0\.49999' coercivity relu --dim 8 --p 1/2 --sigma 2 --tol 1e-5
expect_ok '^sigma +0\.5$' coercivity relu --dim 8 --p 1/2 --sigma 0.5

# attention verdicts
expect_ok '^verdict +dissipates' coercivity relu --dim 8 --p 1/2 --gamma 0.01 --beta 1
expect_ok '^verdict +not certified' coercivity relu --dim 8 --p 1/2 --gamma 1
expect_ok 'sufficient condition' coercivity relu --dim 8 --p 1/2 --gamma 1
expect_ok '"verdict": "not certified"' coercivity tanh --dim 8 --p 1/2 --gamma 0.01 --json
expect_ok '"r_p": \{"lo": "0\.10999' coercivity relu --dim 8 --p 1/2 --gamma 0.01 --beta 1 --json
expect_ok '^verdict +dissipates' coercivity relu --dim 8 --p auto --gamma 0.01

# certified regimes
expect_ok '^certified d +2:14$' certify tanh --property sync --dim 2:64
expect_ok '^refuted d +15:64$' certify tanh --property sync --dim 2:64
expect_ok '^certified +1\.0' certify leaky_relu --property sync --param alpha=0:1 --dim 2:64
expect_ok '^certified d +2:1024$' certify relu --property dissipation --dim 2:1024
expect_ok '^certified d +2:2$' certify step --property sync --dim 2:8
expect_ok '^leaves +4 \(certified 1, refuted 2, undecided 1\)$' certify step --property sync --dim 2:8
expect_ok '^refuted d +4:8$' certify step --property sync --dim 2:8
expect_ok '^box +d in 3:9 p in \[0\.25:0\.75\] sigma in \[1/3:1/3\]$' certify relu --property dissipation --dim 3:9 --p 0.25:0.75 --sigma 1/3 --max-depth 4
expect_ok '"d": "2:14"' certify tanh --property sync --dim 2:64 --json
expect_ok '^refuted +1\.0' certify relu --property dissipation --dim 2:64 --gamma 1
expect_ok 'budget stopped' certify gelu --property dissipation --dim 2:64 --param q=0.5:2 --budget 0.2
expect_ok '"certified": \{"leaves": [0-9]+' certify tanh --property sync --dim 2:20 --json
csv=$(mktemp)
expect_ok "leaves csv" certify tanh --property sync --dim 2:20 --out "$csv"
sc_run=$((sc_run + 1))
if ! head -n 1 "$csv" | grep -q '^d_lo,d_hi,class$' || ! grep -q '^2,.*,certified$' "$csv"; then
    sc_failed=$((sc_failed + 1)); echo "FAILED: certify --out CSV content: $(head -c 300 "$csv")"
fi
rm -f "$csv"

# error paths: one line on stderr, exit 2
expect_error 2 "dim" coercivity relu --p 1/2
expect_error 2 "p P .or --p auto. is required" coercivity relu --dim 8
expect_error 2 "p must lie in" coercivity relu --dim 8 --p 0
expect_error 2 "p must lie in" coercivity relu --dim 8 --p 2.5
expect_error 2 "dim" coercivity relu --dim 1 --p 1/2
expect_error 2 "dim" coercivity relu --dim 2.5 --p 1/2
expect_error 2 "tol" coercivity relu --dim 8 --p 1/2 --tol 0
expect_error 2 "tol" coercivity relu --dim 8 --p 1/2 --tol 1e-20
expect_error 2 "sigma" coercivity relu --dim 8 --p 1/2 --sigma -1
expect_error 2 "gamma" coercivity relu --dim 8 --p 1/2 --gamma -1
expect_error 2 "need --gamma" coercivity relu --dim 8 --p 1/2 --beta 1
expect_error 2 "unknown activation" coercivity nosuch --dim 8 --p 1/2
expect_error 2 "expected one activation" coercivity --dim 8 --p 1/2
expect_error 2 "property" certify relu
expect_error 2 "unknown property" certify relu --property magic
expect_error 2 "empty range" certify relu --property sync --dim 5:2
expect_error 2 "not a number" certify relu --property sync --dim a:b
expect_error 2 "integers" certify relu --property sync --dim 2.5:8
expect_error 2 "2 <= A" certify relu --property sync --dim 1:8
expect_error 2 "empty range" certify leaky_relu --property sync --param alpha=1:0
expect_error 2 "domain" certify leaky_relu --property sync --param alpha=0:2
expect_error 2 "unknown parameter" certify relu --property sync --param delta=0:1
expect_error 2 "malformed --param" certify relu --property sync --param alpha
expect_error 2 "given twice" certify leaky_relu --property sync --param alpha=0:1 --param alpha=0:0.5
expect_error 2 "p" certify relu --property dissipation --p 0:3
expect_error 2 "p: values must lie in \(0, 2\]" certify relu --property dissipation --p 1:3
expect_error 2 "q: values must be > 0" certify relu --property dissipation --param q=0:1
expect_error 2 "p given both as --p and --param" certify relu --property dissipation --param p=0.5 --p 0.5
# an activation's own parameter comes first: silu's beta is not the attention's
# (at beta = 1, silu synchronises up to d = 33 and not from 34 on: d* = 33.01)
expect_ok 'box          d in 33:34 beta in \[1:1\]' certify silu --property sync --dim 33:34 --param beta=1
expect_ok 'certified d  33:33' certify silu --property sync --dim 33:34 --param beta=1
expect_ok 'attn-beta in \[1:1\]' certify silu --property antipodal --dim 2:3 --param beta=1 --param attn-beta=1
expect_error 2 "attn-beta given both as --beta and --param" certify tanh --property antipodal --param attn-beta=1 --beta 2
expect_error 2 "parameter 'weight-var' given twice \\(as 'q'\\)" certify relu --property sync --param q=1:2 --param weight-var=1:2
expect_error 2 "apply to --property dissipation" certify relu --property sync --gamma 0.5
expect_error 2 "cannot write" certify relu --property sync --out /nonexistent/dir/x.csv
expect_error 2 "budget" certify relu --property sync --budget 0
expect_error 2 "max-depth" certify relu --property sync --max-depth 99

finish
