#!/usr/bin/python3
"""Peer: an ElementwiseNumerical-style (neural-tangents) dual kernel in NumPy,
Gauss-Hermite quadrature in double precision with no error bound, against
synccert's certified values.  Non-rigorous by design: it shows what the
floating-point approach gets wrong and how fast it is.

  gh_numpy.py BENCH_KERNEL_LINES_FILE DEG...
reads lines "kernel SPEC 15 ok SECONDS ..." of bench_kernel -r 1/2 (the
synccert time for K(1), K'(1), K(1/2), K'(1/2)) and, for each DEG, computes
the same four values by the product Gauss-Hermite rule with DEG nodes per
dimension (U = X, V = c X + sqrt(1 - c^2) W, c = 1/2, q = 1, s = 0);
synccert's certified K(1/2), K'(1/2) at 30 digits come from `synccert
kernel SPEC --rho 1/2 --digits 30 --json` ($SYNCCERT).  Prints a markdown
table: times, ratio, digits of agreement of K(1/2) and K'(1/2).
"""
import json
import math
import os
import subprocess
import sys
import timeit

import numpy as np
from numpy.polynomial.hermite_e import hermegauss

SP = np.logaddexp


def sig(x):
    return 0.5 * (1 + np.tanh(x / 2))


def Phi(x):
    from scipy.special import ndtr
    return ndtr(x)


ACTS = {
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "silu": (lambda x: x * sig(x), lambda x: sig(x) * (1 + x * (1 - sig(x)))),
    "gelu": (lambda x: x * Phi(x), lambda x: Phi(x) + x * np.exp(-x * x / 2) / math.sqrt(2 * math.pi)),
    "mish": (lambda x: x * np.tanh(SP(0, x)),
             lambda x: np.tanh(SP(0, x)) + x * (1 - np.tanh(SP(0, x)) ** 2) * sig(x)),
    "relu": (lambda x: np.maximum(x, 0), lambda x: (x > 0).astype(float)),
    "hardswish": (lambda x: x * np.clip(x + 3, 0, 6) / 6,
                  lambda x: np.where(x < -3, 0.0, np.where(x > 3, 1.0, (2 * x + 3) / 6))),
    "softsign": (lambda x: x / (1 + np.abs(x)), lambda x: 1 / (1 + np.abs(x)) ** 2),
}


def gh_kernel(f, df, deg, c):
    x, w = hermegauss(deg)
    w = w / math.sqrt(2 * math.pi)
    s = math.sqrt(1 - c * c)
    U = x[:, None]
    V = c * x[:, None] + s * x[None, :]
    W = w[:, None] * w[None, :]
    K1 = np.sum(w * f(x) ** 2)
    dK1 = np.sum(w * df(x) ** 2)
    K = np.sum(W * f(U) * f(V))
    dK = np.sum(W * df(U) * df(V))
    return K1, dK1, K, dK


def agree(v, ref):
    d = abs(v - ref)
    return math.inf if d == 0 else -math.log10(d / abs(ref))


def main():
    path, degs = sys.argv[1], [int(d) for d in sys.argv[2:]]
    sc = os.environ.get("SYNCCERT", "build/synccert")
    times = {}
    with open(path) as fh:
        for ln in fh:
            t = ln.split()
            if t[:1] == ["kernel"] and t[3] == "ok":
                times[t[1]] = float(t[4])
    print("| activation | synccert (certified, 15 digits) | GH deg | NumPy GH | GH/sc | K(1/2) digits right | K'(1/2) digits right |")
    print("|---|---|---|---|---|---|---|")
    for spec, tsc in times.items():
        if spec not in ACTS:
            continue
        j = json.loads(subprocess.run([sc, "kernel", spec, "--rho", "1/2", "--digits", "30", "--json"],
                                      capture_output=True, text=True, check=True).stdout)
        refK, refdK = float(j["K"]["digits"]), float(j["dK"]["digits"])
        f, df = ACTS[spec]
        for deg in degs:
            n = 20
            tgh = timeit.timeit(lambda: gh_kernel(f, df, deg, 0.5), number=n) / n
            _, _, K, dK = gh_kernel(f, df, deg, 0.5)
            print("| %s | %.2f ms | %d | %.3f ms | %.2gx | %.1f | %.1f |"
                  % (spec, tsc * 1e3, deg, tgh * 1e3, tgh / tsc, agree(K, refK), agree(dK, refdK)))


if __name__ == "__main__":
    main()
