#!/usr/bin/python3
"""Peer for `synccert pair` (bench/pair.sh): P(sync | rho0) of two tokens with
identity attention (doc/model.md section 9) in double precision with NumPy
and SciPy, written independently of synccert's method.

In t = atanh(rho) the scale integral has no endpoint singularity:
d rho / (1 - rho^2) = dt, so G(t) = int_0^t N(tanh s) ds and
s'(rho) d rho = exp(-G(t)) sech(t)^2 dt; solve_ivp integrates
(G, int exp(-G) sech^2) from t = 0 to +-T (T large enough for the tails).
N uses D(x) = sum_n A_n^2 (1 + x + ... + x^(n-1)) with the orthonormal
Hermite coefficients A_n of phi from Gauss-Hermite quadrature (no
cancellation near rho = 1).  Not certified: a peer for speed and agreement.

usage: peer_pair.py ACT D GAMMA BETA RHO0   (ACT: linear, erf, sin, tanh)
prints: peer ACT seconds P(sync)"""
import math
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp
from scipy.special import erf

PHI = {"linear": lambda x: x, "erf": erf, "sin": np.sin, "tanh": np.tanh}


def hermite_a2(phi, nmax=161):
    """A_n^2, n = 0..nmax, A_n = E[phi(Z) h_n(Z)] (h_n = He_n / sqrt(n!)), by
    the trapezoidal rule on [-14, 14] (exponentially accurate for these
    smooth, Gaussian-weighted integrands)."""
    x = np.linspace(-14.0, 14.0, 28001)
    w = np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi) * (x[1] - x[0])
    f = phi(x) * w
    h0, h1 = np.ones_like(x), x.copy()
    a = [np.dot(f, h0), np.dot(f, h1)]
    for n in range(1, nmax):
        h2 = (x * h1 - math.sqrt(n) * h0) / math.sqrt(n + 1)
        a.append(np.dot(f, h2))
        h0, h1 = h1, h2
    a2 = np.array(a) ** 2
    a2[a2 < 1e-30] = 0.0
    return a2


def main():
    act, d, g, b, r0 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    t0 = time.time()
    a2 = hermite_a2(PHI[act])
    if act == "linear":
        a2 = np.zeros(3)
        a2[1] = 1.0
    n = np.arange(len(a2))
    K1, dK1 = a2.sum(), (n * a2).sum()
    Bj = np.cumsum(a2[::-1])[::-1][1:]          # B_j = sum_{n > j} A_n^2

    def D(x):
        return np.polyval(Bj[::-1], x)

    def w(x):
        return 1.0 / (1.0 + math.exp(b * (1.0 - x)))

    def N(rho):
        u = abs(rho)
        Du = D(u)
        E = (d - 2 + u * u) * Du - (d - 2 - u) * K1
        H = K1 + u * Du
        if rho >= 0:
            return (2 * g * (1 + u) * w(u) - E) / H
        return (2 * g * (1 + u) * w(-u) + E) / H

    v = K1 + dK1
    lam = 0.5 * ((d - 3) * dK1 - (d - 1) * K1)
    pd = -2 * (lam - g) / v                      # exponents of the tails in t
    pa = -2 * (lam + 2 * g / (1 + math.exp(2 * b))) / v

    def rhs(t, y):
        c = 1.0 / math.cosh(t)
        return [N(math.tanh(t)), math.exp(-y[0]) * c * c]

    def integral(t1):
        sol = solve_ivp(rhs, (0.0, t1), [0.0, 0.0], method="DOP853", rtol=1e-11, atol=1e-14)
        return sol.y[1][-1]

    tp, tm = 40.0 / pd, -40.0 / pa              # exp(-p T) = e^-40
    t_0 = math.atanh(r0)
    Sp, Sm = integral(tp), -integral(tm)
    S0 = integral(t_0) if t_0 != 0 else 0.0     # int_0^{t0}
    A = Sm + S0
    B = Sp - S0
    print("peer %s %.3f %.12g" % (act, time.time() - t0, A / (A + B)))


if __name__ == "__main__":
    main()
