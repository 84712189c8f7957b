"""synccert: certified synchronisation-by-noise bounds for deep transformers.

A thin layer over the shared library libsynccert.so.0 (loaded with ctypes; see
_lib.py for where it is looked for).  Every function runs the computation of
the CLI command of the same name and returns what `synccert COMMAND --json`
prints, as Python objects:

    >>> import synccert as sc
    >>> r = sc.kernel("gelu", digits=30)
    >>> r.K1.digits                      # every digit certified
    '0.425221482570298674918554416385'
    >>> sc.lyapunov("tanh", dim=8).verdict
    <Verdict.DOES_NOT_SYNCHRONIZE: 'does not synchronize'>

Inputs.  Activations are strings exactly as on the command line ("gelu",
"leaky_relu:alpha=0.1", "poly:c1=1,c3=-1/6").  Numbers may be int,
fractions.Fraction, decimal.Decimal or str ("0.1" and "1/3" are exact: 0.1
means 1/10); a float is taken at its exact binary value (0.1 is then
3602879701896397/2^55; pass "0.1" or Fraction(1, 10) for one tenth).

Outputs.  Certified reals are Real objects: exact bounds r.lo <= value <= r.hi
(Fractions), r.digits the certified digit string, r.mid, `x in r`,
r.to_mpi() (mpmath), and float(r), which is rounded and no longer certified.
Verdicts are enums (Verdict, Antipodal, Dissipation, LeafClass).

Errors raise SynccertError subclasses whose message is the CLI's one-line
message: InputError (also a ValueError) for bad input, PrecisionError when
the digits cannot be reached within the precision cap, BudgetError when the
time budget runs out, UnsupportedError.

Threads.  Every call is independent (inputs and outputs are strings; the
library keeps the error message and the time budget per thread) and ctypes
releases the GIL while the library computes, so calls from several Python
threads run in parallel and are safe.  certify() and table() may also use
OpenMP threads inside one call (OMP_NUM_THREADS limits them).  Do not fork a
process while a call is running in another thread (OpenMP).
"""

import numbers
from decimal import Decimal
from fractions import Fraction

from . import _lib
from ._types import (Antipodal, BudgetError, Dissipation, InputError, Leaf, LeafClass,
                     PrecisionError, Real, Result, SynccertError, UnsupportedError, Verdict)

__version__ = _lib.LIBRARY_VERSION

__all__ = ["kernel", "lyapunov", "critical_dim", "coercivity", "certify", "table", "pair",
           "activations", "Real", "Verdict", "Antipodal", "Dissipation", "LeafClass", "Leaf",
           "Result", "Table", "SynccertError", "InputError", "PrecisionError",
           "UnsupportedError", "BudgetError"]


# ---------------------------------------------------------------- inputs

def _num(x, name):
    """An exact number as the string the CLI would read (None stays None)."""
    if x is None or isinstance(x, str):
        return x
    if isinstance(x, bool) or isinstance(x, Real):
        raise TypeError("%s: expected an exact number (int, Fraction, Decimal or str), got %r"
                        % (name, x))
    if isinstance(x, numbers.Integral):
        return str(int(x))
    if isinstance(x, numbers.Rational):
        return str(Fraction(x.numerator, x.denominator))
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, float):
        return str(Fraction(x)) if x == x and abs(x) != float("inf") else str(x)
    raise TypeError("%s: expected an exact number (int, Fraction, Decimal or str), got %r" % (name, x))


def _range(x, name):
    """"A:B" from a string, a number (A:A) or a pair (A, B)."""
    if isinstance(x, (tuple, list)):
        if len(x) != 2:
            raise TypeError("%s: expected (lo, hi), got %r" % (name, x))
        return "%s:%s" % (_num(x[0], name), _num(x[1], name))
    return _num(x, name)


def _list(x, name, conv=str):
    """A comma-separated list from a string or an iterable."""
    if x is None or isinstance(x, str):
        return x
    return ",".join(conv(v) if conv is str else conv(v, name) for v in x)


def _flag(x):
    return "1" if x else None


# ---------------------------------------------------------------- outputs

_VERDICTS = {"lyapunov": Verdict, "coercivity": Dissipation}
_RATIONAL = {"weight_var", "bias_var", "rho", "sigma", "q", "s", "p", "gamma", "beta", "rho0"}


def _value(command, key, v):
    if isinstance(v, dict):
        if set(v) == {"lo", "hi", "digits"}:
            return Real._from_json(v)
        if set(v) == {"lo", "hi"}:
            return (Fraction(v["lo"]), Fraction(v["hi"]))
        return {k: _value(command, k, x) for k, x in v.items()}
    if isinstance(v, list):
        return [_value(command, key, x) for x in v]
    if v == "undefined":
        return None
    if key in ("verdict", "antipodal") and isinstance(v, str) and command != "pair":
        kind = Antipodal if key == "antipodal" else _VERDICTS.get(command, Verdict)
        try:
            return kind(v)
        except ValueError:      # a word outside these enums (coercivity --projective)
            return v
    if key in _RATIONAL and isinstance(v, str):
        return Fraction(v)
    return v


def _result(command, raw, cls=Result):
    values = {k: _value(command, k, v) for k, v in raw.items()}
    return cls(command, values, raw)


# ---------------------------------------------------------------- computations

def kernel(act, rho=None, digits=15, q=1, s=0, method=None, budget=None):
    """Certified dual kernel: K1 = K(1), dK1 = K'(1) and, with rho, K = K(rho),
    dK = K'(rho) (`synccert kernel`; doc/model.md section 2).  q, s: weight and
    bias variances; method: auto, closed, smooth, nested or lattice; budget: seconds
    (default 120)."""
    raw = _lib.call("kernel", act, [
        ("rho", _num(rho, "rho")), ("digits", _num(digits, "digits")),
        ("weight-var", _num(q, "q")), ("bias-var", _num(s, "s")),
        ("method", method), ("budget", _num(budget, "budget"))])
    return _result("kernel", raw)


def lyapunov(act, dim, sigma=1, q=1, s=0, p=None, digits=15, prec_cap=None, budget=None):
    """Two-point Lyapunov exponent lambda, v, p*, b(-1), the antipodal class and
    the synchronisation verdict in dimension dim (`synccert lyapunov`; doc/model.md
    section 4); with p also g(p).  budget: seconds (default 600)."""
    raw = _lib.call("lyapunov", act, [
        ("dim", _num(dim, "dim")), ("sigma", _num(sigma, "sigma")), ("weight-var", _num(q, "q")),
        ("bias-var", _num(s, "s")), ("p", _num(p, "p")), ("digits", _num(digits, "digits")),
        ("prec-cap", _num(prec_cap, "prec_cap")), ("budget", _num(budget, "budget"))])
    return _result("lyapunov", raw)


def critical_dim(act, sigma=1, q=1, s=0, digits=15, prec_cap=None, budget=None):
    """Critical dimension d* (dstar: a Real, or "none" / "undecided"), the largest
    synchronising and the smallest non-synchronising integer dimension
    (`synccert critical-dim`).  act="all" gives a list over every built-in
    without a coefficient list, as the CLI does.  budget: seconds per
    activation (default 600)."""
    if act == "all":
        return [critical_dim(a["name"], sigma, q, s, digits, prec_cap, budget)
                for a in activations() if not a["coefficients"]]
    raw = _lib.call("critical-dim", act, [
        ("sigma", _num(sigma, "sigma")), ("weight-var", _num(q, "q")), ("bias-var", _num(s, "s")),
        ("digits", _num(digits, "digits")), ("prec-cap", _num(prec_cap, "prec_cap")),
        ("budget", _num(budget, "budget"))])
    return _result("critical-dim", raw)


def coercivity(act, dim, p, sigma=1, q=1, s=0, tol=None, gamma=None, beta=None, vnorm=None,
               qknorm=None, budget=None, projective=False):
    """Noise coercivity constant c_p (an enclosure of width <= tol, default 1e-6)
    and where the infimum sits; with gamma also L_att, r_p and the Dissipation
    verdict (`synccert coercivity`; doc/model.md section 5).  p may be "auto".
    projective=True: c_p^pm of the projective energy (odd activations,
    doc/model.md section 10) with the verdict "synchronises up to sign (any
    number of tokens)" when c_p^pm > 0 is certified (a plain string)."""
    raw = _lib.call("coercivity", act, [
        ("dim", _num(dim, "dim")), ("p", _num(p, "p")), ("sigma", _num(sigma, "sigma")),
        ("weight-var", _num(q, "q")), ("bias-var", _num(s, "s")), ("tol", _num(tol, "tol")),
        ("gamma", _num(gamma, "gamma")), ("beta", _num(beta, "beta")),
        ("vnorm", _num(vnorm, "vnorm")), ("qknorm", _num(qknorm, "qknorm")),
        ("budget", _num(budget, "budget")), ("projective", _flag(projective))])
    return _result("coercivity", raw)


def certify(act, property, dim=None, params=None, p=None, sigma=None, gamma=None, beta=None,
            vnorm=None, qknorm=None, budget=None, max_depth=None, progress=False,
            checkpoint=None, checkpoint_every=None, resume=None):
    """Certified parameter regimes (`synccert certify`): split the box (dim "A:B" or
    (A, B), default 2:64; params {name: (lo, hi)} for activation parameters, q, s,
    sigma, p) and classify every leaf.  result.leaves is the list of Leaf
    objects (box, cls, depth); result.certified / refuted / undecided hold
    the counts, volume fractions and dimension ranges as in the CLI's JSON.
    progress=True shows progress on stderr.  checkpoint="FILE" saves the run
    there every checkpoint_every seconds (default 5) and when it stops;
    resume="FILE" continues a saved run of the same problem (and keeps saving
    to FILE unless checkpoint names another file)."""
    opts = [("property", property), ("dim", _range(dim, "dim"))]
    for name, rng in (params or {}).items():
        opts.append(("param", "%s=%s" % (name, _range(rng, name))))
    opts += [("p", _range(p, "p")), ("sigma", _range(sigma, "sigma")), ("gamma", _num(gamma, "gamma")),
             ("beta", _num(beta, "beta")), ("vnorm", _num(vnorm, "vnorm")),
             ("qknorm", _num(qknorm, "qknorm")), ("budget", _num(budget, "budget")),
             ("max-depth", _num(max_depth, "max_depth")), ("progress", _flag(progress)),
             ("checkpoint", None if checkpoint is None else str(checkpoint)),
             ("checkpoint-every", _num(checkpoint_every, "checkpoint_every")),
             ("resume", None if resume is None else str(resume))]
    raw = _lib.call("certify", act, opts)
    result = _result("certify", {k: v for k, v in raw.items() if k != "leaf_list"})
    result._values["box"] = {k: (Fraction(a), Fraction(b)) for k, (a, b) in raw["box"].items()}
    result._values["leaves"] = [
        Leaf({k: (Fraction(a), Fraction(b)) for k, (a, b) in leaf["box"].items()},
             LeafClass(leaf["class"]), leaf["depth"]) for leaf in raw["leaf_list"]]
    result.json = raw
    return result


class Table(Result):
    """A computed table: .rows (one mapping per activation and dimension: Real,
    a word such as "undecided", or None), .quantities, and the text the CLI
    writes in each format: .latex, .csv, .markdown, .text (Jupyter shows the
    Markdown)."""

    @property
    def latex(self):
        return self._values["formats"]["latex"]

    @property
    def csv(self):
        return self._values["formats"]["csv"]

    @property
    def markdown(self):
        return self._values["formats"]["markdown"]

    @property
    def text(self):
        return self._values["formats"]["text"]

    def _repr_markdown_(self):
        return self.markdown


def table(activations=None, dims=None, quantities=None, digits=None, sigma=None, q=None, s=None,
          p=None, cp_digits=None, cp_budget=None, budget=None, format=None, progress=False):
    """Table of certified quantities, one row per activation and dimension
    (`synccert table`): activations, dims, quantities as lists or comma-separated
    strings (defaults: every built-in, 4,32, K1,dK1,dstar,lambda,pstar,verdict).
    Returns a Table, or with format ("latex", "csv", "markdown", "text") the
    text the CLI writes in that format.  cp_budget: seconds for c_p per
    activation (default 60); budget: seconds for the whole table (default 3600)."""
    raw = _lib.call("table", None, [
        ("activations", _list(activations, "activations")), ("dims", _list(dims, "dims", _num)),
        ("quantities", _list(quantities, "quantities")), ("digits", _num(digits, "digits")),
        ("sigma", _num(sigma, "sigma")), ("weight-var", _num(q, "q")), ("bias-var", _num(s, "s")),
        ("p", _num(p, "p")), ("cp-digits", _num(cp_digits, "cp_digits")),
        ("cp-budget", _num(cp_budget, "cp_budget")), ("budget", _num(budget, "budget")), ("format", format), ("progress", _flag(progress))])
    t = _result("table", raw, Table)
    if format is None:
        return t
    return t.formats[{"md": "markdown"}.get(format, format)]


def activations():
    """The built-in activations: a list of dicts (name, alias, formula, odd,
    coefficients, params with name, default, lo, hi, lo_strict, help)."""
    return _lib.call("activations", None, [])


def pair(act, dim, gamma=None, beta=None, rho0=None, sigma=1, q=1, s=0, digits=6, prec_cap=None,
         budget=None):
    """Two tokens under common noise and identity attention (`synccert pair`;
    doc/model.md section 9): the diagonal exponent lambda_gamma and its class
    (result.diagonal), the antipodal exponent mu (odd phi) or b(-1) and its
    class (result.antipodal: "attracting", "repelling", "never reached", ...),
    the outcome, and with rho0 (a number or a list of numbers in [-1, 1])
    result.probabilities: one mapping per rho0 with the certified Reals
    sync = P(sync | rho0) and antipodal = P(antipodal | rho0), to `digits`
    correct digits (default 6)."""
    rho = _list(rho0, "rho0", _num) if isinstance(rho0, (list, tuple)) else _num(rho0, "rho0")
    raw = _lib.call("pair", act, [
        ("dim", _num(dim, "dim")), ("gamma", _num(gamma, "gamma")), ("beta", _num(beta, "beta")),
        ("rho0", rho), ("sigma", _num(sigma, "sigma")), ("weight-var", _num(q, "q")),
        ("bias-var", _num(s, "s")), ("digits", _num(digits, "digits")),
        ("prec-cap", _num(prec_cap, "prec_cap")), ("budget", _num(budget, "budget"))])
    return _result("pair", raw)
