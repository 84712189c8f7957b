#!/usr/bin/python3
"""NumPy peer of `synccert simulate` for bench/sim.sh: a straightforward
implementation of the same discrete block update (doc/model.md section 1),

    x <- normalise(x + sigma sqrt(h) W2 phi(W1 x + b1)),

with fresh full weight matrices every block (W1 entries N(0, q), b1 N(0, s),
W2 N(0, 1/m)), shared by all tokens.  Statistical, not certified.

  sim_numpy.py lyapunov ACT D M H BLOCKS SEED
      a pair at distance delta = 1e-6, renormalised back to delta after
      every block; lambda = mean log(new distance / delta) / h.
  sim_numpy.py energy ACT D M N H BLOCKS SEED [P]
      N tokens, iid uniform on the sphere, E_p = sum_{i<j} |x_i - x_j|^p at
      the start and the end.

Prints one line "peer KEY=VALUE ..." with the throughput (blocks/s or
token-block updates/s) and the estimate.  Uses NumPy's default BLAS (the
Debian OpenBLAS here) and Generator (PCG64, ziggurat normals).
"""
import math
import sys
import time

import numpy as np


def activation(name):
    if name == "relu":
        return lambda u: np.maximum(u, 0.0)
    if name == "tanh":
        return np.tanh
    if name == "linear":
        return lambda u: u
    if name == "abs":
        return np.abs
    if name == "gelu":
        from scipy.special import erf
        return lambda u: 0.5 * u * (1.0 + erf(u / math.sqrt(2.0)))
    raise SystemExit("sim_numpy.py: activation %s not implemented in the peer" % name)


def lyapunov(act, d, m, h, blocks, seed, sigma=1.0, q=1.0, s=0.0, delta=1e-6):
    phi = activation(act)
    rng = np.random.default_rng(seed)
    c = sigma * math.sqrt(h)
    x = rng.standard_normal(d)
    x /= np.linalg.norm(x)
    logs = np.empty(blocks)
    t0 = time.perf_counter()
    for k in range(blocks):
        # a point at distance delta from x on the sphere, in a random direction
        t = rng.standard_normal(d)
        t -= (t @ x) * x
        t /= np.linalg.norm(t)
        y = x + delta * t
        y /= np.linalg.norm(y)
        d0 = np.linalg.norm(x - y)
        W1 = math.sqrt(q) * rng.standard_normal((m, d))
        b1 = math.sqrt(s) * rng.standard_normal(m) if s > 0 else 0.0
        W2 = rng.standard_normal((d, m)) / math.sqrt(m)
        xn = x + c * (W2 @ phi(W1 @ x + b1))
        yn = y + c * (W2 @ phi(W1 @ y + b1))
        xn /= np.linalg.norm(xn)
        yn /= np.linalg.norm(yn)
        logs[k] = math.log(np.linalg.norm(xn - yn) / d0)
        x = xn
    secs = time.perf_counter() - t0
    lam = logs.mean() / h
    se = logs.std(ddof=1) / math.sqrt(blocks) / h
    print("peer lyapunov act=%s d=%d m=%d h=%g blocks=%d seconds=%.4f rate=%.6g lambda=%.6g se=%.3g"
          % (act, d, m, h, blocks, secs, blocks / secs, lam, se))


def energy_p(X, p):
    G = X @ X.T
    D2 = np.maximum(2.0 - 2.0 * G, 0.0)
    iu = np.triu_indices(X.shape[0], 1)
    return float(np.sum(D2[iu] ** (p / 2.0)))


def energy(act, d, m, n, h, blocks, seed, p=1.0, sigma=1.0, q=1.0, s=0.0):
    phi = activation(act)
    rng = np.random.default_rng(seed)
    c = sigma * math.sqrt(h)
    X = rng.standard_normal((n, d))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    e0 = energy_p(X, p)
    t0 = time.perf_counter()
    for _ in range(blocks):
        W1 = math.sqrt(q) * rng.standard_normal((m, d))
        b1 = math.sqrt(s) * rng.standard_normal(m) if s > 0 else 0.0
        W2 = rng.standard_normal((d, m)) / math.sqrt(m)
        X = X + c * (phi(X @ W1.T + b1) @ W2.T)
        X /= np.linalg.norm(X, axis=1, keepdims=True)
    secs = time.perf_counter() - t0
    e1 = energy_p(X, p)
    print("peer energy act=%s d=%d m=%d n=%d h=%g blocks=%d seconds=%.4f rate=%.6g ratio=%.6g"
          % (act, d, m, n, h, blocks, secs, blocks * n / secs, e1 / e0))


def main(argv):
    if len(argv) >= 7 and argv[0] == "lyapunov":
        lyapunov(argv[1], int(argv[2]), int(argv[3]), float(argv[4]), int(argv[5]), int(argv[6]))
    elif len(argv) >= 8 and argv[0] == "energy":
        energy(argv[1], int(argv[2]), int(argv[3]), int(argv[4]), float(argv[5]), int(argv[6]),
               int(argv[7]), float(argv[8]) if len(argv) > 8 else 1.0)
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
