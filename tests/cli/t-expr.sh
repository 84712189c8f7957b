#!/bin/sh
# CLI tests of expression activations (expr:...) and the named activations
# over the expression engine: every command accepts them, the issue's
# examples run, bad expressions are one positioned line with exit 2.
. "$(dirname "$0")/lib.sh"

M='expr:x*tanh(log(1+exp(x)))'

# values: Mish as an expression equals the named mish (K(1) to 20 digits)
expect_ok '^K\(1\) +0\.45234219237588277068$' kernel "$M" --digits 20
expect_ok '^K\(1\) +0\.45234219237588277068$' kernel mish --digits 20
# closed forms: exp K(1) = e^2, gaussian K(1) = 1/sqrt(3), relu2 K'(1) = 2
expect_ok '^K\(1\) +7\.3890560989306502272$' kernel 'expr:exp(x)' --digits 20
expect_ok '^K\(1\) +0\.57735026918962576451$' kernel 'expr:exp(-x^2/2)' --digits 20
expect_ok "^K'\(1\) +2\.0000000000$" kernel 'expr:relu(x)^2' --digits 11
# a polynomial is exact: K(1/3) of x - x^3/6 + x^5/120
expect_ok '^K\(rho\) +0\.131785836762689' kernel 'expr:x - x^3/6 + x^5/120' --rho 1/3
# parameters: the default, and json spec
expect_ok '"activation": "expr:x\*sigmoid\(b\*x\);b=851/500"' critical-dim 'expr:x*sigmoid(b*x);b=1.702' --json
expect_ok "^K'\(1\) +inf" kernel 'expr:step(x-1/2)'

# every command
expect_ok '^d\* +36\.83064345657' critical-dim "$M"
expect_ok 'synchronizes' lyapunov mish --dim 8
expect_ok 'synchronizes' lyapunov "$M" --dim 8
expect_ok '^b\(rho\)' twopoint 'expr:x*sigmoid(b*x);b=2' --rho 0.3 --dim 4
expect_ok '^c_p +\[0\.02940' coercivity selu --dim 8 --p 1/2
expect_ok '^c_p ' coercivity 'expr:max(x,0)+x/10' --dim 4 --p 1/2
expect_ok '^leaves' certify 'expr:x*sigmoid(b*x);b=1' --property sync --dim 2:16 --param b=0.5:1 --budget 8
expect_ok '^consistent +yes' simulate "$M" --dim 4 --time 2 --runs 40 --seed 3
expect_ok '^"expr:max\(x,0\)",0\.5000' table --activations 'expr:max(x,0),mish' --dims 4 --format csv --quantities K1
expect_ok '^expr:x/\(1\+abs\(x\)\) +0\.18301' table --activations 'relu,expr:x/(1+abs(x))' --dims 4 --format text --quantities K1
expect_ok 'mish' critical-dim all
d=$(mktemp -d)
expect_ok 'LaTeX source' report --no-pdf -o "$d" --small --activations 'mish,expr:x*sigmoid(b*x);b=2' --quiet
expect_error 2 "position 1: unknown function 'foo'" report --no-pdf -o "$d" --activations 'relu,expr:foo(x)'
rm -rf "$d"
expect_ok 'hardswish' help activations
expect_ok 'expr:EXPRESSION' help activations

# bad expressions: one line naming the position, exit 2
expect_error 2 "position 1: unknown function 'foo'" kernel 'expr:foo(x)'
expect_error 2 "position 1: unbalanced parenthesis" kernel 'expr:tanh(x'
expect_error 2 "position 2: unbalanced parenthesis: unexpected '\)'" lyapunov 'expr:x)' --dim 4
expect_error 2 "position 2: division by a constant zero" kernel 'expr:x/(1-1)'
expect_error 2 "does not depend on x" critical-dim 'expr:2*pi'
expect_error 2 "position 1: exp of an argument that may grow faster" kernel 'expr:exp(x^2)'
expect_error 2 "position 1: log of an argument that may be <= 0" coercivity 'expr:log(x)' --dim 4 --p 1/2
expect_error 2 "position 3: unknown name 'y'" certify 'expr:x*y' --property sync --dim 2:4
expect_error 2 "declared twice" kernel 'expr:x*b;b=1;b=2'
expect_error 2 "unknown parameter 'c'" certify 'expr:x*sigmoid(b*x);b=1' --property sync --dim 2:4 --param c=0:1
expect_error 2 "position 6: max takes two arguments" table --activations 'expr:max(x),relu' --dims 4
expect_error 2 "empty expression" simulate 'expr:' --dim 4
expect_error 2 "cannot be located" kernel 'expr:step(sin(x))'
expect_error 2 "alpha" kernel 'celu:alpha=0'

finish
