#!/usr/bin/python3
"""NON-RIGOROUS reference values for tests/t-expr-act.c (independent check).

K(rho) = E[phi(U) phi(V)] and K'(rho) = q E[phi'(U) phi'(V)] for centred
Gaussians U, V with variance q + s and covariance q rho + s, computed in
mpmath by a method synccert does not use: the Mehler (Hermite) expansion
    Kt(c) = sum_n a_n^2 c^n,  a_n = E[f(tZ) He_n(Z)] / sqrt(n!),
t^2 = q + s, c = (q rho + s)/(q + s), with the a_n from Gauss-Legendre
quadrature on [-L, L] (L = 14, the Gaussian tail beyond is below 1e-40
for these activations) cut into pieces of length 2 and at the kinks of phi, done twice with
different node counts to check convergence.  The series is cut at
n = 100: the rest is at most |c|^101 sum a_n^2 = |c|^101 E[f(tZ)^2]
(|c| <= 0.6 here: below 1e-21).  phi and phi' are written out by hand
below, independently of synccert's expressions.  mpmath gives no error
bound and the quadrature error is only estimated: these numbers are a
plausibility check, not certified values; the test asks that synccert's
enclosures overlap a neighbourhood of +-1e-14 (relative) of them.

Run: /usr/bin/python3 tests/data/expr_ref.py > tests/data/expr_ref.txt
Output lines: NAME RHO Q S K DK (decimals; rho, q, s exact).
"""
import sys
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 30

SELU_L = mp.mpf("1.0507009873554804934193349852946")
SELU_A = mp.mpf("1.6732632423543772848170429916717")


def sp(x):
    return mp.log1p(mp.exp(-abs(x))) + max(x, 0)


def sig(x):
    return 1 / (1 + mp.exp(-x))


def relu6(x):
    return min(max(x, 0), 6)


ACTS = {
    # name: (phi, phi', kinks)
    "mish": (lambda x: x * mp.tanh(sp(x)),
             lambda x: mp.tanh(sp(x)) + x * (1 - mp.tanh(sp(x)) ** 2) * sig(x), []),
    "selu": (lambda x: SELU_L * (x if x > 0 else SELU_A * mp.expm1(x)),
             lambda x: SELU_L * (1 if x > 0 else SELU_A * mp.exp(x)), [0]),
    "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2, [0]),
    "relu6": (relu6, lambda x: 1 if 0 < x < 6 else 0, [0, 6]),
    "hardswish": (lambda x: x * relu6(x + 3) / 6,
                  lambda x: 0 if x < -3 else (1 if x > 3 else (2 * x + 3) / mp.mpf(6)), [-3, 3]),
}

POINTS = [("1/2", "1", "0"), ("-3/10", "1", "0"), ("2/5", "2", "1/2")]
L = 14
NMAX = 100


def coeffs(f, kinks, t, deg):
    """a_n, n <= NMAX, of f(t z) by Gauss-Legendre with 3*2^(deg-1) nodes per piece."""
    gl = mp.calculus.quadrature.GaussLegendre(mp.mp)
    nodes = gl.calc_nodes(deg, mp.mp.prec)
    cuts = sorted(set([mp.mpf(j) for j in range(-L, L + 1, 2)] + [k / t for k in kinks if -L < k / t < L]))
    a = [mp.mpf(0)] * (NMAX + 1)
    for lo, hi in zip(cuts[:-1], cuts[1:]):
        h, m = (hi - lo) / 2, (hi + lo) / 2
        for x, w in nodes:
            z = m + h * x
            wz = w * h * f(t * z) * mp.exp(-z * z / 2)
            he0, he1 = mp.mpf(1), z
            a[0] += wz * he0
            a[1] += wz * he1
            for n in range(1, NMAX):
                he0, he1 = he1, z * he1 - n * he0
                a[n + 1] += wz * he1
    c = 1 / mp.sqrt(2 * mp.pi)
    return [a[n] * c / mp.sqrt(mp.factorial(n)) for n in range(NMAX + 1)]


def kernel(f, kinks, rho, q, s, deg):
    t = mp.sqrt(q + s)
    c = (q * rho + s) / (q + s)
    a = coeffs(f, kinks, t, deg)
    return mp.fsum(a[n] ** 2 * c ** n for n in range(NMAX + 1))


def main():
    names = sys.argv[1:] or list(ACTS)
    for name in names:
        phi, dphi, kinks = ACTS[name]
        for rho, q, s in POINTS:
            R, Q, S = (mp.mpf(Fraction(v).numerator) / Fraction(v).denominator for v in (rho, q, s))
            out = []
            for f in (phi, dphi):
                v1 = kernel(f, kinks, R, Q, S, 5)
                v2 = kernel(f, kinks, R, Q, S, 6)
                if abs(v1 - v2) > mp.mpf(10) ** -20 * (1 + abs(v2)):
                    sys.exit("%s: quadrature not converged (%s vs %s)" % (name, v1, v2))
                out.append(v2 * (Q if f is dphi else 1))
            print(name, rho, q, s, mp.nstr(out[0], 20), mp.nstr(out[1], 20))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
