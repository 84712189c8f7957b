#!/bin/sh
# CLI tests of issue 13: `synccert pair`, `coercivity --projective`, the
# certify properties pair-sync / antipodal / sync-up-to-sign, the pair and
# projective simulator measures, the odd-activation notes; values,
# verdicts and every error path.
. "$(dirname "$0")/lib.sh"

expect_ok 'usage: synccert pair' help pair
expect_ok 'doc/model.md, section 9' help pair
expect_ok 'pair +two tokens with attention' help

# pair: classes, outcome and probabilities (the issue's examples)
expect_ok '^outcome +synchronised or antipodal, both with positive probability' pair tanh --dim 8 --gamma 0.3 --beta 1 --rho0 -0.2
expect_ok '^P\(sync \| rho0 = -0\.2\) +0\.754560$' pair tanh --dim 8 --gamma 0.3 --beta 1 --rho0 -0.2
expect_ok '^P\(antipodal \| rho0 = -0\.2\) +0\.245440$' pair tanh --dim 8 --gamma 0.3 --beta 1 --rho0 -0.2
expect_ok '^P\(sync \| rho0 = 0\) +0\.780550$' pair linear --dim 4 --gamma 0.5 --beta 0 --rho0 0
expect_ok 'lambda_gamma = lambda - gamma = -1\.50000 +attracting' pair linear --dim 4 --gamma 0.5 --beta 0
expect_ok '^antipodal +mu = -0\.500000 +attracting' pair linear --dim 4 --gamma 0.5 --beta 0
# gamma = 0, linear: the RQF law 1 - arccos(rho0)/pi (2/3 at rho0 = 1/2)
expect_ok '^P\(sync \| rho0 = 0\.5\) +0\.666666666667$' pair linear --dim 6 --rho0 0.5 --digits 12
expect_ok '"sync": \{"lo": "0\.6666' pair linear --dim 6 --rho0 0.5 --json
expect_ok '"outcome": "synchronises almost surely"' pair relu --dim 4 --gamma 0.2 --rho0 0 --json
expect_ok 'never reached' pair relu --dim 4
expect_ok 'reached, left at once' pair relu --dim 2
expect_ok '^outcome +never synchronises' pair tanh --dim 32 --gamma 0.1 --rho0 0.5
expect_ok '^P\(sync \| rho0 = 0\.5\) +0$' pair tanh --dim 32 --gamma 0.1 --rho0 0.5
expect_ok '^P\(antipodal \| rho0 = -1\) +1' pair tanh --dim 4 --rho0 -1
expect_ok 'K by its Hermite series' pair tanh --dim 4 --rho0 0.3
expect_ok 'K by its closed form' pair erf --dim 4 --rho0 0.3
expect_ok '^P\(sync \| rho0 = 1/3\)' pair sin --dim 3 --rho0 1/3,-1/3
# errors: one line, exit 2
expect_error 2 'rho0 must lie in \[-1, 1\]' pair tanh --dim 4 --rho0 1.5
expect_error 2 'malformed list' pair tanh --dim 4 --rho0 0.1,
expect_error 2 'gamma must be >= 0' pair tanh --dim 4 --gamma -1
expect_error 2 'dim D is required' pair tanh
expect_error 2 'unknown activation' pair nosuch --dim 4
expect_error 2 'expected one activation' pair --dim 4
expect_error 2 "unknown option '--rho'" pair tanh --dim 4 --rho 0.1
expect_error 2 "budget must be in \(0, 1e\+07\] seconds, got '0'" pair tanh --dim 4 --budget 0

# projective coercivity
expect_ok '^c_p\^pm +\[0\.24999[0-9]*, 0\.25000000[0-9]*\]' coercivity linear --dim 8 --projective --p 1/2
expect_ok '^verdict +synchronises up to sign \(any number of tokens\)' coercivity tanh --dim 8 --projective --p auto
expect_ok 'every minimiser lies in \|rho\| in' coercivity tanh --dim 8 --projective --p 1/4
expect_ok '^c_p\^pm +\[-inf, -inf\]' coercivity relu --dim 8 --projective --p 1/2
expect_ok '"projective": true' coercivity erf --dim 4 --projective --p 1/4 --json
expect_ok '^verdict +not certified' coercivity linear --dim 4 --projective --p 3/2
expect_error 2 'without attention' coercivity tanh --dim 8 --projective --p 1/2 --gamma 0.1
expect_error 1 'needs an odd' coercivity relu --dim 8 --projective --p auto
expect_ok 'projective +the projective energy' help coercivity

# certify properties
expect_ok '^leaves +[0-9]+ \(certified [1-9]' certify tanh --property antipodal --dim 2:32 --param gamma=0:1 --param beta=0:4 --max-depth 12
expect_ok '^certified d +2:14' certify tanh --property pair-sync --dim 2:64
expect_ok '^refuted d +2:64' certify relu --property antipodal --dim 2:64
expect_ok '^certified d +2:100' certify linear --property sync-up-to-sign --dim 2:100 --p 1/4
expect_ok '"property": "antipodal"' certify linear --property antipodal --dim 4 --param gamma=0:2 --param beta=0:2 --max-depth 8 --json
expect_error 2 'unknown property' certify tanh --property antipode
expect_error 2 'gamma and beta apply to' certify tanh --property sync --param gamma=0:1
expect_error 2 'p applies to' certify tanh --property antipodal --p 1/2
expect_error 2 'given both' certify tanh --property antipodal --gamma 0.1 --param gamma=0:1
expect_error 2 'values must be >= 0' certify tanh --property antipodal --param beta=-1:1

# rho0 near 1: the small P(antipodal | rho0) to 6 relative digits within a
# short budget (it used to need 88 bits and over 30 s); monotone in rho0
expect_ok '^P\(antipodal \| rho0 = 0.9999999\)   0.00000963057$' pair tanh --dim 8 --gamma 0.3 --beta 1 \
    --rho0 0.999,0.9999999 --budget 15
expect_ok '^P\(antipodal \| rho0 = 0.999\)   0.00252039$' pair tanh --dim 8 --gamma 0.3 --beta 1 \
    --rho0 0.999,0.9999999 --budget 15

# lyapunov points odd activations to the projective energy and pair
expect_ok 'synccert coercivity tanh --dim 4 --projective' lyapunov tanh --dim 4
expect_ok '"energy_certificate": "does not apply' lyapunov erf --dim 4 --json

# the simulator (statistical): pair and projective energy
expect_ok '^consistent +yes' simulate linear --measure pair --dim 4 --gamma 0.5 --beta 0 --rho 0 --runs 200 --width 8 --step 0.02 --quiet
expect_ok '"measure": "pair"' simulate erf --measure pair --dim 3 --rho 0.3 --runs 50 --width 8 --step 0.05 --quiet --json
expect_ok '^c_p\^pm +\[' simulate erf --measure energy --projective --dim 4 --p 1/4 --tokens 6 --runs 2 --time 0.2 --quiet
expect_error 2 'does not apply to --measure pair' simulate tanh --measure pair --dim 4 --tokens 8
expect_error 2 'projective does not apply' simulate tanh --measure pair --dim 4 --projective
expect_error 2 'rho must lie in' simulate tanh --measure pair --dim 4 --rho 1

finish
