#!/usr/bin/python3
"""NON-RIGOROUS reference values for tests/t-expr-act.c (independent check).

K(rho) = E[phi(U) phi(V)] and K'(rho) = q E[phi'(U) phi'(V)] for centred
Gaussians U, V with variance q + s and covariance q rho + s, computed with
mpmath.quad (nested: outer over X, inner over W, U = t X, V = t (c X +
sqrt(1 - c^2) W), t^2 = q + s, c = (q rho + s)/(q + s)), every integral split
at the kinks of phi.  mpmath gives no error bound: these numbers are a
plausibility check written independently of synccert's code (phi, phi' are
written out by hand below), not certified values.  The test only asks that
synccert's enclosures overlap a neighbourhood of +-1e-14 (relative) of them.

Run: /usr/bin/python3 tests/data/expr_ref.py > tests/data/expr_ref.txt
Output lines: NAME RHO Q S K DK (decimals; rho, q, s exact).
"""
import sys
from fractions import Fraction

import mpmath as mp

mp.mp.dps = 20

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

POINTS = [("1/2", "1", "0"), ("-3/10", "1", "0"), ("9/10", "2", "1/2")]


def gauss_e(f, kinks):
    """E[f(W)], W ~ N(0,1), split at the kinks."""
    pts = [-mp.inf] + sorted(kinks) + [mp.inf]
    return mp.quad(lambda w: f(w) * mp.exp(-w * w / 2), pts) / mp.sqrt(2 * mp.pi)


def kernel(f, kinks, rho, q, s):
    t = mp.sqrt(q + s)
    c = (q * rho + s) / (q + s)
    r = mp.sqrt(1 - c * c)

    def inner(x):
        # E_W f(t (c x + r W)); kinks of f at k <-> W = (k/t - c x)/r
        ks = [(k / t - c * x) / r for k in kinks]
        return gauss_e(lambda w: f(t * (c * x + r * w)), ks)
    return gauss_e(lambda x: f(t * x) * inner(x), [k / t for k in kinks])


def main():
    names = sys.argv[1:] or list(ACTS)
    for name in names:
        phi, dphi, kinks = ACTS[name]
        for rho, q, s in POINTS:
            R, Q, S = (mp.mpf(Fraction(v).numerator) / Fraction(v).denominator for v in (rho, q, s))
            K = kernel(phi, kinks, R, Q, S)
            dK = Q * kernel(dphi, kinks, R, Q, S)
            print(name, rho, q, s, mp.nstr(K, 18), mp.nstr(dK, 18))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
