#!/usr/bin/python3
"""A floating-point peer in the style of neural-tangents' ElementwiseNumerical
(stax.ElementwiseNumerical(fn, deg)): the dual kernel by Gauss-Hermite
quadrature in NumPy double precision, with no error bound.

As there, the diagonal uses the 1-D rule
    K(1)  = sum_i w_i phi(sqrt(2 t2) x_i)^2 / sqrt(pi)
and the off-diagonal the tensor rule after a Cholesky factorisation of the
covariance [[t2, c], [c, t2]] (t2 = q + s, c = q rho + s) = L L^T:
    K(rho) = sum_ij w_i w_j phi(u_1) phi(u_2) / pi,  (u_1, u_2) = sqrt(2) L (x_i, x_j),
with (x_i, w_i) = numpy.polynomial.hermite.hermgauss(deg); K' uses phi'
(neural-tangents differentiates phi with JAX; here phi' is written out).

  peer_gauss_hermite.py table DEG RHO SPEC...
      prints, per spec, a line
        gh SPEC DEG STATUS SECONDS REPS K1 DK1 RHO K DK
      (q = 1, s = 0; times per computation of all four values, warm)
  peer_gauss_hermite.py report SYNCCERT_FILE GH_FILE...
      the comparison table (markdown): times, ratios, and the digits of each
      GH value that are wrong according to the synccert enclosures

Run with /usr/bin/python3 (Debian python3-numpy).
"""
import math
import sys
import time
from fractions import Fraction

import numpy as np

K0 = math.sqrt(2 / math.pi)


def sigmoid(x):
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def Phi(x):
    from scipy.special import ndtr     # the normal cdf (scipy is a peer dependency already)
    return ndtr(x)


def erf(x):
    from scipy.special import erf as e
    return e(x)


def param(spec, key, default):
    name, _, rest = spec.partition(":")
    for item in rest.split(",") if rest else []:
        k, _, v = item.partition("=")
        if k == key:
            return float(Fraction(v))
    return default


def make_phi(spec):
    """(phi, phi') as vectorised NumPy functions."""
    name = spec.split(":")[0]
    if name == "tanh":
        return np.tanh, lambda x: 1 - np.tanh(x) ** 2
    if name == "sigmoid":
        return sigmoid, lambda x: sigmoid(x) * sigmoid(-x)
    if name in ("silu", "swish"):
        b = param(spec, "beta", 1.0)
        return (lambda x: x * sigmoid(b * x),
                lambda x: sigmoid(b * x) + b * x * sigmoid(b * x) * sigmoid(-b * x))
    if name == "softplus":
        b = param(spec, "beta", 1.0)
        return (lambda x: (np.maximum(b * x, 0) + np.log1p(np.exp(-np.abs(b * x)))) / b,
                lambda x: sigmoid(b * x))
    if name == "gelu_tanh":
        a = 0.044715

        def g(x):
            return x * (1 + np.tanh(K0 * (x + a * x ** 3))) / 2

        def dg(x):
            t = np.tanh(K0 * (x + a * x ** 3))
            return (1 + t) / 2 + x * (1 - t * t) * K0 * (1 + 3 * a * x * x) / 2
        return g, dg
    if name == "gelu":
        return (lambda x: x * Phi(x),
                lambda x: Phi(x) + x * np.exp(-x * x / 2) / math.sqrt(2 * math.pi))
    if name == "erf":
        c = param(spec, "c", 1.0)
        return (lambda x: erf(c * x),
                lambda x: 2 * c / math.sqrt(math.pi) * np.exp(-(c * x) ** 2))
    if name == "elu":
        al = param(spec, "alpha", 1.0)
        return (lambda x: np.where(x > 0, x, al * np.expm1(np.minimum(x, 0))),
                lambda x: np.where(x > 0, 1.0, al * np.exp(np.minimum(x, 0))))
    if name == "sin":
        return np.sin, np.cos
    if name == "cos":
        return np.cos, lambda x: -np.sin(x)
    raise ValueError("no Gauss-Hermite peer for %s" % spec)


def gh_values(spec, deg, rho, q=1.0, s=0.0):
    phi, dphi = make_phi(spec)
    x, w = np.polynomial.hermite.hermgauss(deg)
    t2, c = q + s, q * rho + s
    u = math.sqrt(2 * t2) * x
    K1 = np.dot(w, phi(u) ** 2) / math.sqrt(math.pi)
    dK1 = q * np.dot(w, dphi(u) ** 2) / math.sqrt(math.pi)
    a = math.sqrt(t2)
    b = c / a
    cc = math.sqrt(max(t2 - b * b, 0.0))
    X, Y = np.meshgrid(x, x, indexing="ij")
    W = np.outer(w, w)
    u1, u2 = math.sqrt(2) * a * X, math.sqrt(2) * (b * X + cc * Y)
    K = np.sum(W * phi(u1) * phi(u2)) / math.pi
    dK = q * np.sum(W * dphi(u1) * dphi(u2)) / math.pi
    return K1, dK1, K, dK


def cmd_table(args):
    deg, rho = int(args[0]), float(Fraction(args[1]))
    for spec in args[2:]:
        try:
            gh_values(spec, deg, rho)           # warm-up
            reps, t0 = 0, time.perf_counter()
            while True:
                vals = gh_values(spec, deg, rho)
                reps += 1
                el = time.perf_counter() - t0
                if el >= 0.2:
                    break
            print("gh %s %d ok %.6e %d %r %r %s %r %r" % (spec, deg, el / reps, reps, vals[0], vals[1],
                                                         args[1], vals[2], vals[3]))
        except Exception as e:  # noqa: BLE001 -- report, keep going
            print("peer_gauss_hermite: %s: %r" % (spec, e), file=sys.stderr)
            print("gh %s %d error nan 0 nan nan %s nan nan" % (spec, deg, args[1]))
        sys.stdout.flush()


def read(path, tag):
    rows = {}
    with open(path) as f:
        for ln in f:
            t = ln.split()
            if t and t[0] == tag:
                rows.setdefault(t[1], []).append(t[2:])
    return rows


def wrong_digits(val, ref, rad):
    """Digits of a double value that are wrong, judged by the certified ball
    (mid ref, radius rad): 16 minus the digits of agreement (a double prints
    about 16 significant digits), at least 0."""
    from mpmath import mp, mpf, log10
    mp.dps = 60
    v, r = mpf(val), mpf(ref)
    d = max(abs(v - r) - mpf(rad), 0)
    if d == 0:
        return 0.0
    agree = float(-log10(d / abs(r))) if r != 0 else float(-log10(d))
    return max(0.0, 16 - agree)


def cmd_report(args):
    sc = read(args[0], "kernel")
    ghs = [read(p, "gh") for p in args[1:]]
    degs = sorted({int(r[0]) for g in ghs for rows in g.values() for r in rows})
    head = "| activation | synccert 15 digits |"
    rule = "|---|---|"
    for d in degs:
        head += " GH deg %d | GH/sc | wrong digits (K1, K'1, K, K') |" % d
        rule += "---|---|---|"
    out = [head, rule]
    for spec, rows in sc.items():
        r = rows[0]
        if r[1] != "ok" or len(r) < 15:
            continue
        t = float(r[2])
        refs = [(r[5], r[7]), (r[6], r[8]), (r[11], r[13]), (r[12], r[14])]
        line = "| %s (rho = %s) | %.2f ms |" % (spec, r[10], t * 1e3)
        for d in degs:
            p = None
            for g in ghs:
                for pr in g.get(spec, []):
                    if int(pr[0]) == d:
                        p = pr
            if p is None or p[1] != "ok":
                line += " - | - | - |"
                continue
            vals = [p[4], p[5], p[7], p[8]]
            wr = [wrong_digits(v, ref, rad) for v, (ref, rad) in zip(vals, refs)]
            line += " %.2f ms | %.2gx | %s |" % (float(p[2]) * 1e3, float(p[2]) / t,
                                                ", ".join("%.1f" % x for x in wr))
        out.append(line)
    print("\n".join(out))
    return 0


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "table":
        cmd_table(sys.argv[2:])
        return 0
    if sys.argv[1] == "report":
        return cmd_report(sys.argv[2:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
