#!/usr/bin/python3
"""Peer of `synccert coercivity` for bench/coercivity.sh: the noise
coercivity constant c_p = inf_{rho in [-1, 1)} F(rho) by dense-grid
minimisation in double precision (NumPy/SciPy; no guarantee):

  F(rho) = (p sigma^2/2) [A(rho) K(1) - B(rho) (K(1) - K(rho))/(1 - rho)],
  A = d - 1 - p/2 - (p/2) rho,  B = d - 2 + (p/2 - 1) rho + (p/2) rho^2,

with K(rho) = E[phi(X) phi(rho X + sqrt(1 - rho^2) W)] by a 2-D
Gauss-Hermite rule (GH_NODES^2 points; for 1 - rho < 1/16, where the
division by 1 - rho amplifies the quadrature error, D is interpolated
linearly between D(1 - 1/16) and D(1) = K'(1)), K(1), K'(1) by
scipy.integrate.quad split at 0 (and K(-1) too),
the diagonal limit (p sigma^2/2)[(d-1-p) K(1) - (d-3+p) K'(1)], a grid of
GRID points, then scipy.optimize.minimize_scalar around the best one.

  peer_coercivity.py SPEC D P      (sigma = 1, q = 1, s = 0)
prints: peer-coercivity SPEC D SECONDS CP
"""
import sys
import time
from fractions import Fraction

import numpy as np
from scipy.integrate import quad
from scipy.optimize import minimize_scalar

from peer_kernel import Num, make_phi, Unsupported

GH_NODES = 64
GRID = 512


def main():
    spec, d, p = sys.argv[1], int(sys.argv[2]), float(Fraction(sys.argv[3]))
    t0 = time.perf_counter()
    try:
        phi, dphi = make_phi(spec, Num(False))
    except Unsupported as e:
        print("peer-coercivity %s %d nan unsupported (%s)" % (spec, d, e))
        return
    vphi = np.vectorize(lambda x: float(phi(float(x))))
    x, w = np.polynomial.hermite_e.hermegauss(GH_NODES)
    w = w / np.sqrt(2 * np.pi)
    px = vphi(x)
    # K(1), K'(1): 1-D quad split at 0 (Gauss-Hermite loses digits at kinks)
    K1 = quad(lambda t: phi(t) ** 2 * np.exp(-t * t / 2), -np.inf, 0)[0] + \
        quad(lambda t: phi(t) ** 2 * np.exp(-t * t / 2), 0, np.inf)[0]
    K1 /= np.sqrt(2 * np.pi)
    if dphi is None:
        cp = float("-inf")          # K'(1) = +inf: the diagonal limit is -inf
    else:
        dK1 = quad(lambda t: dphi(t) ** 2 * np.exp(-t * t / 2), -np.inf, 0)[0] + \
            quad(lambda t: dphi(t) ** 2 * np.exp(-t * t / 2), 0, np.inf)[0]
        dK1 /= np.sqrt(2 * np.pi)
        X, W = np.meshgrid(x, x, indexing="ij")
        WW = np.outer(w, w)

        Km1 = (quad(lambda t: phi(t) * phi(-t) * np.exp(-t * t / 2), -np.inf, 0)[0] +
               quad(lambda t: phi(t) * phi(-t) * np.exp(-t * t / 2), 0, np.inf)[0]) / np.sqrt(2 * np.pi)

        def K(r):
            if r == -1:
                return Km1          # quad as for K(1)
            return float(np.sum(WW * px[:, None] * vphi(r * X + np.sqrt(max(0.0, 1 - r * r)) * W)))

        r0 = 1 - 1 / 16
        D0 = (K1 - K(r0)) / (1 - r0)

        def F(r):
            A = d - 1 - p / 2 - (p / 2) * r
            B = d - 2 + (p / 2 - 1) * r + (p / 2) * r * r
            # near the diagonal (K(1) - K)/(1 - rho) amplifies the quadrature
            # error of K: D linear between D(1 - 1/16) and D(1) = K'(1)
            if r > r0:
                D = dK1 + (D0 - dK1) * (1 - r) / (1 - r0)
            else:
                D = (K1 - K(r)) / (1 - r)
            return (p / 2) * (A * K1 - B * D)

        rs = np.linspace(-1, 1, GRID, endpoint=False)
        vals = [F(r) for r in rs]
        i = int(np.argmin(vals))
        cp = min(vals[i], (p / 2) * ((d - 1 - p) * K1 - (d - 3 + p) * dK1))
        lo, hi = rs[max(i - 1, 0)], rs[min(i + 1, GRID - 1)]
        if hi > lo:
            res = minimize_scalar(F, bounds=(lo, hi), method="bounded",
                                  options={"xatol": 1e-10})
            cp = min(cp, float(res.fun))
    t1 = time.perf_counter()
    print("peer-coercivity %s %d %.6f %.12g" % (spec, d, t1 - t0, cp))


if __name__ == "__main__":
    main()
