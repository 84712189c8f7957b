"""Python objects for synccert's results: certified reals, verdicts, errors."""

import enum
import math
from collections.abc import Mapping
from fractions import Fraction

__all__ = ["Real", "Verdict", "Antipodal", "Dissipation", "LeafClass", "Leaf", "Result",
           "SynccertError", "InputError", "PrecisionError", "UnsupportedError", "BudgetError"]


# ---------------------------------------------------------------- errors

class SynccertError(Exception):
    """A computation failed.  str(e) is the one-line message the CLI prints after
    "synccert COMMAND: "; e.status is the library's status code, e.command the
    command."""

    def __init__(self, message, status=None, command=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.command = command


class InputError(SynccertError, ValueError):
    """Bad input (the CLI exits with status 2): malformed or out-of-range option,
    unknown activation, ..."""


class PrecisionError(SynccertError, ArithmeticError):
    """The requested digits were not reached within the precision cap (CLI exit 1)."""


class UnsupportedError(SynccertError):
    """The quantity is not available for this activation or method (CLI exit 1)."""


class BudgetError(SynccertError, TimeoutError):
    """The time budget ran out (CLI exit 1)."""


_ERRORS = {1: InputError, 2: PrecisionError, 3: UnsupportedError, 4: BudgetError}


def error_class(status):
    return _ERRORS.get(status, SynccertError)


# ---------------------------------------------------------------- reals

def _bound(s):
    """An exact bound from the library's decimal string ("inf" for infinite)."""
    if s in ("inf", "+inf"):
        return math.inf
    if s == "-inf":
        return -math.inf
    return Fraction(s)


def _exact(x):
    """x as an exact Fraction (or +-inf) for comparisons; floats at their exact
    binary value, strings as exact decimals or ratios."""
    if isinstance(x, Real):
        raise TypeError("a certified Real is an enclosure, not a number: use x.lo, x.hi or x.mid")
    if isinstance(x, float) and math.isinf(x):
        return x
    if isinstance(x, str):
        return _bound(x.strip())
    return Fraction(x)


class Real:
    """A certified real number: the true value lies in [lo, hi].

    lo, hi   exact bounds (fractions.Fraction, or +-math.inf), rounded outward
             from the enclosure the library computed
    digits   the certified digit string: every printed digit is correct (the
             true value is within half a unit of its last digit; see
             `synccert help output`)
    mid, rad midpoint and radius of [lo, hi] (Fractions)

    `x in r` tests containment exactly; float(r) is the midpoint ROUNDED to the
    nearest double (it is no longer certified: r.float_error() bounds its
    distance to the true value); r.to_mpi() gives an mpmath interval.
    """

    __slots__ = ("lo", "hi", "digits")

    def __init__(self, lo, hi, digits=None):
        self.lo = _exact(lo)
        self.hi = _exact(hi)
        if self.lo > self.hi:
            raise ValueError("empty enclosure: lo > hi")
        self.digits = digits

    @classmethod
    def _from_json(cls, obj):
        return cls(_bound(obj["lo"]), _bound(obj["hi"]), obj.get("digits"))

    @property
    def mid(self):
        if self.is_finite():
            return (self.lo + self.hi) / 2
        return self.lo if self.lo == self.hi else math.nan

    @property
    def rad(self):
        return (self.hi - self.lo) / 2 if self.is_finite() else math.inf

    def is_finite(self):
        return not (math.isinf(self.lo) or math.isinf(self.hi))

    def is_exact(self):
        return self.lo == self.hi

    def __contains__(self, x):
        x = _exact(x)
        return self.lo <= x <= self.hi

    def contains(self, other):
        """True if every value of `other` (a Real or a number) lies in self."""
        if isinstance(other, Real):
            return self.lo <= other.lo and other.hi <= self.hi
        return other in self

    def overlaps(self, other):
        """True if self and `other` (a Real) can be the same number."""
        return self.lo <= other.hi and other.lo <= self.hi

    def __float__(self):
        """The midpoint rounded to the nearest double: NOT a certified value
        (float_error() bounds its distance to the true value)."""
        m = self.mid
        return float(m)

    def float_error(self):
        """An exact upper bound (Fraction) of |true value - float(self)|."""
        if not self.is_finite():
            return math.inf
        f = Fraction(float(self))
        return max(self.hi - f, f - self.lo)

    def to_mpi(self):
        """The enclosure as an mpmath interval (mpmath.iv.mpf), rounded outward at
        mpmath.iv.prec bits.  Needs mpmath."""
        import mpmath
        from mpmath import libmp
        prec = mpmath.iv.prec

        def conv(b, rnd):
            if math.isinf(b):
                return mpmath.mpf(b)
            return mpmath.mpf(libmp.from_rational(b.numerator, b.denominator, prec, rnd))

        return mpmath.iv.mpf([conv(self.lo, libmp.round_floor), conv(self.hi, libmp.round_ceiling)])

    def __eq__(self, other):
        if not isinstance(other, Real):
            return NotImplemented
        return (self.lo, self.hi, self.digits) == (other.lo, other.hi, other.digits)

    def __hash__(self):
        return hash((self.lo, self.hi, self.digits))

    def __str__(self):
        return self.digits if self.digits is not None else "[%s, %s]" % (self.lo, self.hi)

    def __repr__(self):
        def show(b):
            return str(b) if math.isinf(b) else _decimal(b)
        return "Real(%r, lo=%s, hi=%s)" % (self.digits, show(self.lo), show(self.hi))


def _decimal(q):
    """Exact decimal of a Fraction whose denominator is 2^a 5^b (else p/q)."""
    d, a, b = q.denominator, 0, 0
    while d % 2 == 0:
        d, a = d // 2, a + 1
    while d % 5 == 0:
        d, b = d // 5, b + 1
    k = max(a, b)
    if d != 1 or k > 60:
        return str(q)
    s = str(abs(q.numerator) * 10 ** k // q.denominator).rjust(k + 1, "0")
    if k:
        s = s[:-k] + "." + s[-k:]
    return ("-" if q < 0 else "") + s


# ---------------------------------------------------------------- verdicts

class Verdict(enum.Enum):
    """Synchronisation verdict from the sign of the enclosure of lambda."""
    SYNCHRONIZES = "synchronizes"
    DOES_NOT_SYNCHRONIZE = "does not synchronize"
    UNDECIDED = "undecided"

    def __str__(self):
        return self.value


class Antipodal(enum.Enum):
    """Behaviour of the antipodal set rho = -1 (see `synccert help lyapunov`)."""
    REPELLING = "repelling"
    ATTRACTING = "attracting"
    NEUTRAL = "neutral-to-first-order"
    UNDECIDED = "undecided"

    def __str__(self):
        return self.value


class Dissipation(enum.Enum):
    """Verdict of the attention certificate r_p = c_p - p gamma L_att: NOT_CERTIFIED
    (r_p < 0) does not mean that synchronisation fails."""
    DISSIPATES = "dissipates"
    NOT_CERTIFIED = "not certified"
    UNDECIDED = "undecided"

    def __str__(self):
        return self.value


class LeafClass(enum.Enum):
    """Class of a leaf box of `certify`."""
    CERTIFIED = "certified"
    REFUTED = "refuted"
    UNDECIDED = "undecided"

    def __str__(self):
        return self.value


class Leaf:
    """A leaf of `certify`: box maps each axis name to its exact (lo, hi)
    (Fractions; integer dimension ranges are inclusive), cls is a LeafClass."""

    __slots__ = ("box", "cls", "depth")

    def __init__(self, box, cls, depth):
        self.box, self.cls, self.depth = box, cls, depth

    def __repr__(self):
        axes = ", ".join("%s=%s:%s" % (k, _decimal(a), _decimal(b)) for k, (a, b) in self.box.items())
        return "Leaf(%s, %s)" % (self.cls.value, axes)


# ---------------------------------------------------------------- results

class Result(Mapping):
    """The result of one computation: a read-only mapping (and attributes) with
    the keys of the CLI's JSON, values converted to Python objects (Real,
    Fraction, enums, int, None for "undefined").  r.json is the JSON object
    exactly as `synccert COMMAND --json` prints it."""

    def __init__(self, command, values, raw):
        self._command = command
        self._values = values
        self.json = raw

    def __getitem__(self, key):
        return self._values[key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    def __getattr__(self, name):
        values = self.__dict__.get("_values")
        if values is not None and name in values:
            return values[name]
        raise AttributeError(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self._values))

    def __repr__(self):
        parts = ", ".join("%s=%s" % (k, v) for k, v in self._values.items()
                          if k not in ("leaf_list", "rows", "formats", "command"))
        return "<synccert %s: %s>" % (self._command, parts)
