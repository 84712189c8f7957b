#!/bin/sh
# CLI tests of `synccert twopoint`, `lyapunov`, `critical-dim` and `rqf`:
# values, verdicts, JSON fields, help texts and every error path.
. "$(dirname "$0")/lib.sh"

# help texts
expect_ok 'usage: synccert lyapunov' help lyapunov
expect_ok 'verdict' help lyapunov
expect_ok 'usage: synccert twopoint' help twopoint
expect_ok 'usage: synccert critical-dim' help critical-dim
expect_ok 'usage: synccert rqf' help rqf
expect_ok 'lyapunov' help

# lambda = -sigma^2 (linear), -sigma^2/2 (relu) in every dimension
expect_ok '^lambda +-1\.0000000000$' lyapunov linear --dim 2 --digits 11
expect_ok '^lambda +-1\.0000000000$' lyapunov linear --dim 1000000000 --digits 11
expect_ok '^lambda +-0\.49000000000$' lyapunov linear --dim 7 --sigma 0.7 --digits 11
expect_ok '^lambda +-0\.5000000000$' lyapunov relu --dim 3 --digits 10
expect_ok '^lambda +-0\.5000000000$' lyapunov relu --dim 123456789012 --digits 10
expect_ok '^lambda +-2\.000000000$' lyapunov relu --dim 50 --sigma 2 --digits 10
expect_ok '"pstar": \{"lo": "[^"]*", "hi": "[^"]*", "digits": "1\.00000000000000"' lyapunov relu --dim 9 --json
# tanh: synchronises at d = 4, not at d = 32
expect_ok '^verdict +synchronizes' lyapunov tanh --dim 4
expect_ok '^verdict +does not synchronize' lyapunov tanh --dim 32
expect_ok '"verdict": "synchronizes"' lyapunov gelu --dim 30 --json
expect_ok '"verdict": "does not synchronize"' lyapunov gelu --dim 31 --json
expect_ok '"lambda": \{"lo": "-0\.35924028437262' lyapunov tanh --dim 4 --json
# odd activations: b(-1) = 0 and the antipodal exponent is lambda
expect_ok '"b_minus1": \{"lo": "0", "hi": "0", "digits": "0"\}' lyapunov tanh --dim 4 --json
expect_ok '"antipodal": "attracting"' lyapunov erf --dim 3 --json
expect_ok '"antipodal": "repelling"' lyapunov tanh --dim 32 --json
expect_ok '"antipodal": "repelling"' lyapunov tanh --dim 4 --bias-var 0.5 --json
expect_ok '"antipodal": "repelling"' lyapunov relu --dim 4 --json
expect_ok '"lambda_anti": \{"lo": "-0\.35924028437262' lyapunov tanh --dim 4 --json
# K'(1) = inf
expect_ok '^lambda +inf' lyapunov step --dim 4
expect_ok '^lambda +undefined' lyapunov step --dim 3
expect_ok '\(lambda undefined: K.\(1\) = inf and d = 3\)' lyapunov sign --dim 3
expect_ok '"lambda": "undefined", .*"verdict": "undecided"' lyapunov step --dim 3 --json
# a NaN is never a result: gelu with q = 1e30 needs more precision than the
# start (finite digits, exit 0), or fails with the reason past the cap (exit 1)
expect_ok '^lambda +-5\.00000000000000e29$' lyapunov gelu --dim 8 --weight-var 1e30
expect_ok '^verdict +synchronizes' lyapunov gelu --dim 8 --weight-var 1e30
expect_error 1 "lyapunov: gelu: could not reach 15 digits within 74 bits" lyapunov gelu --dim 8 --weight-var 1e30 --prec-cap 100
expect_error 1 "critical-dim: gelu: could not reach 15 digits within 74 bits" critical-dim gelu --weight-var 1e30 --prec-cap 100
expect_error 1 "lyapunov: tanh: could not reach 3000 digits within 200 bits" lyapunov tanh --dim 4 --digits 3000 --prec-cap 200
expect_ok '^verdict +undecided' lyapunov sign --dim 3
# exact zero lambda: undecided, never a guess
expect_ok '^verdict +undecided' lyapunov hermite:a1=1,a3=1 --dim 5 --digits 10
expect_ok 'g\(1/2\)' lyapunov gelu --dim 4 --p 1/2
expect_ok '"g": \{' lyapunov gelu --dim 4 --p 1/2 --json
expect_ok 'K1' lyapunov leaky_relu:alpha=0.2 --dim 3 --weight-var 2 --bias-var 0.1 --json

# two-point coefficients: vanish at rho = 1 (and a at -1; b too for odd phi)
expect_ok '"b": \{"lo": "0", "hi": "0", "digits": "0"\}, "a": \{"lo": "0", "hi": "0"' twopoint gelu --dim 7 --rho 1 --json
expect_ok '"a": \{"lo": "0", "hi": "0"' twopoint gelu --dim 7 --rho -1 --json
expect_ok '"b": \{"lo": "0", "hi": "0", "digits": "0"\}' twopoint tanh --dim 7 --rho -1 --json
expect_ok '^b\(rho\) +-0\.375000000' twopoint linear --dim 10 --rho 0.5
expect_ok '^a\(rho\) +1\.125000000' twopoint linear --dim 10 --rho 1/2
expect_ok '^b\(rho\) +-0\.2155031338' twopoint tanh --dim 8 --rho 0.5

# critical dimension
expect_ok '^d\* +30\.7' critical-dim gelu
expect_ok '^max sync dim +30 ' critical-dim gelu
expect_ok '^min nonsync dim +31 ' critical-dim gelu
expect_ok '"max_sync_dim": 30, "min_nonsync_dim": 31' critical-dim gelu --json
expect_ok '"dstar": "none", "max_sync_dim": "all", "min_nonsync_dim": "none"' critical-dim relu --json
expect_ok '"dstar": "none"' critical-dim leaky_relu:alpha=0.1 --json
expect_ok '"dstar": "none"' critical-dim tanh --bias-var 100 --json
expect_ok '"dstar": \{"lo": "3", "hi": "3", "digits": "3\.00000000000000"\}' critical-dim sign --json
expect_ok '"undecided_dims": \[3, 3\]' critical-dim step --json
expect_ok '"undecided_dims": \[5, 5\]' critical-dim hermite:a1=1,a3=1 --json
expect_ok '"max_sync_dim": 2199023255556, "min_nonsync_dim": 2199023255558' critical-dim hermite:a1=1,a2=1/1048576 --json
expect_ok '^gelu +30\.765' critical-dim all
expect_ok '"activation": "tanh"' critical-dim all --json

# RQF
expect_ok '^  lambda_1 +1\.5' rqf --dim 4
expect_ok '^  sum +0 \(exact\)' rqf --dim 4
expect_ok 'agree \(all enclosures overlap\)' rqf --dim 7 --sigma 0.3 --rho -0.2
expect_ok '"agree": true' rqf --dim 1000000000 --theta0 2 --json
expect_ok '"p_sync": \{"lo": "0\.68169011381620' rqf --dim 4 --theta0 1 --json
expect_ok '"contraction_rate": \{"lo": "[^"]*", "hi": "[^"]*", "digits": "0\.0900000000000000"' rqf --dim 5 --sigma 0.3 --json
expect_ok '"spectrum_sum": "0"' rqf --dim 13 --json
expect_ok 'lambda_100000' rqf --dim 100000 --full-spectrum
expect_ok '^  lambda_24 +-11\.0000000000000$' rqf --dim 25
expect_ok 'drift of theta from the general b, a at cos\(theta0\): 0e-39  \(consistent with 0\)' rqf --dim 4 --theta0 1

# error paths: exit 2, one line
expect_error 2 "lyapunov: --dim must be >= 2" lyapunov relu --dim 1
expect_error 2 ": --dim must be" lyapunov relu --dim 0
expect_error 2 ": --dim must be" lyapunov relu --dim 2.5
expect_error 2 ": --dim must be" lyapunov relu --dim -3
expect_error 2 ": --dim must be" lyapunov relu --dim 1e9
expect_error 2 ": --dim D is required" lyapunov relu
expect_error 2 ": --sigma must be > 0" lyapunov relu --dim 3 --sigma 0
expect_error 2 ": --sigma must be > 0" lyapunov relu --dim 3 --sigma -1
expect_error 2 "not a number" lyapunov relu --dim 3 --sigma nan
expect_error 2 ": --weight-var must be > 0" lyapunov relu --dim 3 --weight-var 0
expect_error 2 ": --bias-var must be >= 0" lyapunov relu --dim 3 --bias-var -1
expect_error 2 "unknown activation 'nosuch'" lyapunov nosuch --dim 3
expect_error 2 "unknown activation 'nosuch'" twopoint nosuch --dim 3 --rho 0
expect_error 2 "unknown activation 'nosuch'" critical-dim nosuch
expect_error 2 "expected one activation" lyapunov --dim 3
expect_error 2 "digits" lyapunov relu --dim 3 --digits 0
expect_error 2 "unknown option" lyapunov relu --dim 3 --rho 0.5
expect_error 2 "twopoint: --dim must be >= 2" twopoint relu --dim 1 --rho 0
expect_error 2 ": --sigma must be > 0" twopoint relu --dim 3 --rho 0 --sigma 0
expect_error 2 ": --rho R is required" twopoint relu --dim 3
expect_error 2 ": --rho must lie in \[-1, 1\]" twopoint relu --dim 3 --rho 1.01
expect_error 2 ": --sigma must be > 0" critical-dim gelu --sigma 0
expect_error 2 ": --bias-var must be >= 0" critical-dim gelu --bias-var -0.1
expect_error 2 "rqf: --dim must be >= 2" rqf --dim 1
expect_error 2 ": --sigma must be > 0" rqf --dim 3 --sigma -0.5
expect_error 2 ": --theta0 must lie in \[0, pi\]" rqf --dim 3 --theta0 3.1416
expect_error 2 ": --theta0 must lie in \[0, pi\]" rqf --dim 3 --theta0 -0.1
expect_error 2 ": --full-spectrum needs" rqf --dim 1000000 --full-spectrum
expect_error 2 "unexpected argument" rqf relu --dim 3

finish
