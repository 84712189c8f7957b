#!/usr/bin/python3
"""Peer of `synccert coercivity` for bench/coercivity.sh: the noise
coercivity constant c_p = inf_{rho in [-1, 1)} F(rho) by dense-grid
minimisation in double precision (NumPy/SciPy; no guarantee):

  F(rho) = (p sigma^2/2) [A(rho) K(1) - B(rho) (K(1) - K(rho))/(1 - rho)],
  A = d - 1 - p/2 - (p/2) rho,  B = d - 2 + (p/2 - 1) rho + (p/2) rho^2,

with K(rho) = E[phi(X) phi(rho X + sqrt(1 - rho^2) W)] by a 2-D
Gauss-Hermite rule (GH_NODES^2 points), K(1), K'(1) by 1-D Gauss-Hermite,
the diagonal limit (p sigma^2/2)[(d-1-p) K(1) - (d-3+p) K'(1)], a grid of
GRID points, then scipy.optimize.minimize_scalar around the best one.

  peer_coercivity.py SPEC D P      (sigma = 1, q = 1, s = 0)
prints: peer-coercivity SPEC D SECONDS CP
"""
import sys
import time
from fractions import Fraction

import numpy as np
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
    K1 = float(np.sum(w * px * px))
    if dphi is None:
        cp = float("-inf")          # K'(1) = +inf: the diagonal limit is -inf
    else:
        dpx = np.vectorize(lambda t: float(dphi(float(t))))(x)
        dK1 = float(np.sum(w * dpx * dpx))
        X, W = np.meshgrid(x, x, indexing="ij")
        WW = np.outer(w, w)

        def K(r):
            return float(np.sum(WW * px[:, None] * vphi(r * X + np.sqrt(max(0.0, 1 - r * r)) * W)))

        def F(r):
            A = d - 1 - p / 2 - (p / 2) * r
            B = d - 2 + (p / 2 - 1) * r + (p / 2) * r * r
            return (p / 2) * (A * K1 - B * (K1 - K(r)) / (1 - r))

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
