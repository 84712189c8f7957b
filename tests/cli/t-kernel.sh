#!/bin/sh
# CLI tests of `synccert kernel`, `help` and `--version`: outputs and every error path.
. "$(dirname "$0")/lib.sh"

expect_ok '^synccert [0-9]' --version
expect_ok 'kernel' help
expect_ok 'usage: synccert kernel' help kernel
expect_ok 'leaky_relu' help activations
expect_ok 'correctly' help output

# values (digits are the correct rounding S of the true value x: |x - S| <= u/2,
# u the unit of the last digit shown)
expect_ok '^K\(1\) +0\.50000$' kernel relu --digits 5
expect_ok "^K'\(1\) +0\.46440290244826" kernel tanh
expect_ok '^K\(1\) +0\.39429449039784117441645977244411956057' kernel tanh --digits 40
expect_ok "^K'\(1\) +inf" kernel step
expect_ok "^K'\(1\) +inf" kernel sign
expect_ok '^K\(rho\) +0\.3000000000$' kernel linear --rho 0.3 --digits 10
expect_ok '"K1": \{"lo": "0\.39429449039784' kernel tanh --json
expect_ok '"dK1": \{"lo": "inf"' kernel step --json
expect_ok '"prec_bits": [0-9]+\}' kernel gelu --rho -0.5 --json
expect_ok '"rho": "1/3"' kernel erf:c=2 --rho 1/3 --json
expect_ok 'K\(rho\)' kernel relu --rho 0.5 --weight-var 2 --bias-var 0.5
expect_ok 'K\(rho\)' kernel tanh --rho 0.5 --method nested --digits 10

# the trapezoidal rules (doc/model.md section 8.12) agree with nested integration
expect_ok "^K'\(rho\) +0\.3779863257403" kernel tanh --rho 0.4 --method lattice
expect_ok "^K'\(rho\) +0\.3779863257403" kernel tanh --rho 0.4 --method nested
expect_ok '^K\(rho\) +0\.22726707642590557362680504662311318372' kernel gelu_tanh --rho 0.5 --digits 40
expect_ok '^K\(rho\) +0\.0957551424737316' kernel softplus:beta=2.96 --rho -0.8773 --weight-var 3.7 --bias-var 0.18 --digits 18
expect_error 2 "lattice method needs an activation analytic" kernel relu --rho 0.5 --method lattice

# correlation within 2^-prec of +-1: the precision is raised, never "ball touches +-1"
# (issue 11); K(rho) -> K(1) as rho -> 1, K(-1) = -K(1) for odd phi with s = 0
expect_ok '^K\(rho\) +0\.394294490397841$' kernel tanh --rho 0.99999999999999999999999
expect_ok '^K\(rho\) +0\.394294490397841$' kernel tanh --rho 0.9999999999999999999999999999
# K(1) - K(rho) = (1 - rho) K'(1) + O((1 - rho)^2) = 4.6440290e-24
expect_ok '^K\(rho\) +0\.394294490397841174416455128415$' kernel tanh --rho 0.99999999999999999999999 --digits 30
expect_ok '^K\(rho\) +0\.425221482570299$' kernel gelu --rho 0.5 --weight-var 1e-30 --bias-var 1
for a in tanh elu sigmoid softplus silu gelu_tanh; do
    expect_ok "^K'\\(rho\\) +[0-9]" kernel $a --rho -1 --weight-var 0.5 --bias-var 1e-20
done
expect_ok '^K\(rho\) +-0\.273676307936739$' kernel tanh --rho -1 --weight-var 0.5 --bias-var 1e-20
expect_ok 'verdict +synchronizes' lyapunov gelu --dim 8 --bias-var 1e-25

# error paths: one line on stderr, exit 2
expect_error 2 "unknown activation 'nosuch'" kernel nosuch
expect_error 2 "unknown parameter 'beta'" kernel relu:beta=2
expect_error 2 "malformed parameter" kernel leaky_relu:alpha
expect_error 2 "alpha" kernel leaky_relu:alpha=nan
expect_error 2 "rho" kernel relu --rho 1.5
expect_error 2 "rho" kernel relu --rho -1.0001
expect_error 2 "not a number" kernel relu --rho nan
expect_error 2 "not a number" kernel relu --rho inf
expect_error 2 "not a number" kernel relu --rho abc
expect_error 2 "weight-var" kernel relu --weight-var -1
expect_error 2 "weight-var" kernel relu --weight-var 0
expect_error 2 "bias-var" kernel relu --bias-var -0.5
expect_error 2 "digits" kernel relu --digits 0
expect_error 2 "digits" kernel relu --digits 1000000
expect_error 2 "digits" kernel relu --digits -5
expect_error 2 "digits" kernel relu --digits 1e3
expect_error 2 "unknown option" kernel relu --frobnicate
expect_error 2 "needs a value" kernel relu --rho
expect_error 2 "given twice" kernel relu --rho 0.1 --rho 0.2
expect_error 2 "expected one activation" kernel
expect_error 2 "unexpected argument" kernel relu tanh
expect_error 2 "unknown method" kernel relu --method magic
expect_error 2 "unknown method.*lattice" kernel relu --method magic
expect_error 2 "budget" kernel relu --budget 0
expect_error 2 "unknown command" frobnicate
expect_error 2 "unknown topic" help frobnicate

finish
