"""The Python functions return exactly what the CLI prints with --json (the
same library call, the same JSON writer), and their values are enclosures of
independently known numbers."""

import math
from decimal import Decimal
from fractions import Fraction

import pytest

import synccert as sc


def without_seconds(d):
    return {k: v for k, v in d.items() if k not in ("seconds", "leaf_list")}


@pytest.mark.parametrize("py, args", [
    (lambda: sc.kernel("tanh"), ["kernel", "tanh"]),
    (lambda: sc.kernel("leaky_relu:alpha=0.1", rho="1/3", digits=30),
     ["kernel", "leaky_relu:alpha=0.1", "--rho", "1/3", "--digits", "30"]),
    (lambda: sc.kernel("relu", q=Fraction(1, 2), s=Decimal("0.25")),
     ["kernel", "relu", "--weight-var", "1/2", "--bias-var", "0.25"]),
    (lambda: sc.kernel("step", rho=-0.5), ["kernel", "step", "--rho", "-0.5"]),
    (lambda: sc.lyapunov("gelu", dim=8, p="1/2"), ["lyapunov", "gelu", "--dim", "8", "--p", "1/2"]),
    (lambda: sc.lyapunov("sign", dim=3), ["lyapunov", "sign", "--dim", "3"]),
    (lambda: sc.lyapunov("erf:c=2", dim=10**20, sigma="0.5", s="0.1"),
     ["lyapunov", "erf:c=2", "--dim", "100000000000000000000", "--sigma", "0.5", "--bias-var", "0.1"]),
    (lambda: sc.critical_dim("gelu"), ["critical-dim", "gelu"]),
    (lambda: sc.critical_dim("relu", digits=20), ["critical-dim", "relu", "--digits", "20"]),
    (lambda: sc.coercivity("relu", dim=8, p="1/2"), ["coercivity", "relu", "--dim", "8", "--p", "1/2"]),
    (lambda: sc.coercivity("erf", dim=4, p="auto", gamma="0.01", beta=1),
     ["coercivity", "erf", "--dim", "4", "--p", "auto", "--gamma", "0.01", "--beta", "1"]),
    (lambda: sc.certify("tanh", "sync", dim=(2, 64)), ["certify", "tanh", "--property", "sync", "--dim", "2:64"]),
    (lambda: sc.certify("leaky_relu", "sync", dim="2:16", params={"alpha": (0, 1)}, max_depth=8),
     ["certify", "leaky_relu", "--property", "sync", "--dim", "2:16", "--param", "alpha=0:1",
      "--max-depth", "8"]),
    (lambda: sc.pair("linear", dim=4, gamma="0.5", beta=0, rho0=[0, "-0.3", "1/2"]),
     ["pair", "linear", "--dim", "4", "--gamma", "0.5", "--beta", "0", "--rho0", "0,-0.3,1/2"]),
    (lambda: sc.pair("tanh", dim=8, gamma="0.3", beta=1, rho0="-0.2"),
     ["pair", "tanh", "--dim", "8", "--gamma", "0.3", "--beta", "1", "--rho0", "-0.2"]),
    (lambda: sc.pair("relu", dim=8, rho0=0, digits=10), ["pair", "relu", "--dim", "8", "--rho0", "0", "--digits", "10"]),
    (lambda: sc.coercivity("tanh", dim=8, p="auto", projective=True),
     ["coercivity", "tanh", "--dim", "8", "--p", "auto", "--projective"]),
    (lambda: sc.certify("tanh", "antipodal", dim="2:8", params={"gamma": (0, 1)}, max_depth=6),
     ["certify", "tanh", "--property", "antipodal", "--dim", "2:8", "--param", "gamma=0:1", "--max-depth", "6"]),
])
def test_equals_cli_json(cli, py, args):
    assert without_seconds(py().json) == without_seconds(cli.json(*args))


@pytest.mark.parametrize("fmt", ["latex", "csv", "markdown", "text"])
def test_table_equals_cli(cli, fmt):
    kw = dict(activations=["relu", "leaky_relu:alpha=0.1", "gelu"], dims=[3, 32],
              quantities="K1,dK1,lambda,verdict,dstar,antipodal", digits=12)
    rc, out, err = cli.run("table", "--activations", "relu,leaky_relu:alpha=0.1,gelu", "--dims", "3,32",
                           "--quantities", "K1,dK1,lambda,verdict,dstar,antipodal", "--digits", "12",
                           "--format", fmt, "--quiet")
    assert rc == 0, err
    assert sc.table(format=fmt, **kw) == out


def test_table_rows_match_csv():
    t = sc.table(activations="relu,tanh", dims=[4, 8], quantities=["K1", "lambda", "verdict"])
    lines = t.csv.strip().splitlines()
    assert lines[0] == "activation,K1,d,lambda,verdict"
    assert len(t.rows) == 4 == len(lines) - 1
    for row, line in zip(t.rows, lines[1:]):
        assert line.split(",") == [row["activation"], row["K1"].digits, str(row["d"]),
                                   row["lambda"].digits, row["verdict"]]
    assert Fraction(1, 2) in t.rows[0]["K1"] and Fraction(-1, 2) in t.rows[1]["lambda"]   # relu


def encloses(r, mp_value, digits=45):
    """The exact value known to `digits` digits (an mpmath number) lies in r:
    its decimal approximation +- 10^-digits is inside [r.lo, r.hi]."""
    import mpmath
    approx = Fraction(mpmath.nstr(mp_value, digits + 5, min_fixed=-1, max_fixed=1 << 30))
    eps = Fraction(1, 10 ** digits)
    return r.lo <= approx - eps and approx + eps <= r.hi


def test_relu_closed_forms():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 60
    r = sc.kernel("relu", rho=0, digits=25)
    assert Fraction(1, 2) in r.K1 and Fraction(1, 2) in r.dK1 and Fraction(1, 4) in r.dK
    assert encloses(r.K, 1 / (2 * mpmath.pi))                      # K(0) = 1/(2 pi)
    assert r.K.hi - r.K.lo < Fraction(1, 10**24)
    assert r.K.digits == "0.1591549430918953357688838"


def test_gelu_critical_dim_and_mpmath():
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 60
    K1 = mpmath.mpf(1) / 3 + 1 / (2 * mpmath.pi * mpmath.sqrt(3))    # E[gelu(Z)^2]
    r = sc.kernel("gelu", digits=30)
    assert encloses(r.K1, K1)
    mpmath.iv.dps = 40                      # to_mpi rounds outward at iv's precision
    iv = r.K1.to_mpi()
    assert K1 in iv and iv.delta < mpmath.mpf(10) ** -29
    mpmath.iv.prec = 53
    assert sc.Real("0.1", "0.1").to_mpi().delta > 0         # 1/10 is not a double: outward
    c = sc.critical_dim("gelu")
    assert c.max_sync_dim == 30 and c.min_nonsync_dim == 31
    assert 30 < c.dstar.lo < c.dstar.hi < 31


def test_verdicts_are_enums():
    assert sc.lyapunov("tanh", dim=8).verdict is sc.Verdict.SYNCHRONIZES
    assert sc.lyapunov("gelu", dim=40).verdict is sc.Verdict.DOES_NOT_SYNCHRONIZE
    assert sc.lyapunov("tanh", dim=8).antipodal is sc.Antipodal.ATTRACTING
    assert sc.lyapunov("relu", dim=8).antipodal is sc.Antipodal.REPELLING
    assert sc.lyapunov("sign", dim=3).verdict is sc.Verdict.UNDECIDED
    assert sc.lyapunov("sign", dim=3).get("lambda") is None         # undefined at d = 3
    c = sc.coercivity("relu", dim=8, p="1/2", gamma="0.01")
    assert c.verdict is sc.Dissipation.DISSIPATES
    assert Fraction(1, 8) in c.c_p                                   # c_{1/2} = 1/8 for relu, d = 8


def test_certify_leaves_tile_the_box():
    r = sc.certify("leaky_relu", "sync", dim=(2, 16), params={"alpha": ("0", "1")}, max_depth=10)
    assert len(r.leaves) == r.json["leaves"] > 1
    # exact volume: every d counts as a point, alpha has length 1
    vol = {cls: Fraction(0) for cls in sc.LeafClass}
    for leaf in r.leaves:
        (d0, d1), (a0, a1) = leaf.box["d"], leaf.box["alpha"]
        assert 2 <= d0 <= d1 <= 16 and 0 <= a0 <= a1 <= 1
        vol[leaf.cls] += (d1 - d0 + 1) * (a1 - a0)
    assert sum(vol.values()) == 15
    assert r.box == {"d": (2, 16), "alpha": (0, 1)}
    for cls in sc.LeafClass:
        assert vol[cls] / 15 in r[cls.value]["fraction"]



def test_certify_checkpoint_resume(tmp_path):
    ck = str(tmp_path / "run.ck")
    args = dict(dim=(2, 64), params={"alpha": ("0", "1")}, max_depth=8)
    r = sc.certify("leaky_relu", "sync", checkpoint=ck, **args)
    # resuming a finished run replays its log: the same leaves, nothing evaluated
    r2 = sc.certify("leaky_relu", "sync", resume=ck, **args)
    assert r2.json["evaluated"] == 0 < r.json["evaluated"]
    assert [(l.box, l.cls) for l in r2.leaves] == [(l.box, l.cls) for l in r.leaves]
    with pytest.raises(sc.InputError, match="another problem .max-depth: 8 in the file, 7"):
        sc.certify("leaky_relu", "sync", resume=ck, dim=(2, 64), params={"alpha": ("0", "1")}, max_depth=7)

def test_real_semantics():
    x = sc.Real("0.25", "0.75", "0.5")
    assert x.mid == Fraction(1, 2) and x.rad == Fraction(1, 4)
    assert "0.3" in x and Fraction(3, 4) in x and 0.8 not in x
    assert x.contains(sc.Real("0.3", "0.4")) and not x.contains(sc.Real("0.7", "0.8"))
    assert float(x) == 0.5 and x.float_error() == Fraction(1, 4)
    assert "rounded" in sc.Real.__float__.__doc__
    y = sc.kernel("tanh", digits=30).K1
    f = float(y)
    assert abs(Fraction(f) - y.mid) <= Fraction(1, 2**53)
    assert y.float_error() < Fraction(1, 10**16)
    with pytest.raises(TypeError):
        sc.kernel("tanh", rho=y)
    with pytest.raises(ValueError):
        sc.Real(1, 0)


def test_float_inputs_are_exact():
    # 0.5 is a dyadic float: same as "0.5"; 0.1 is its binary value, not 1/10
    assert sc.kernel("tanh", rho=0.5).json == sc.kernel("tanh", rho="0.5").json
    r = sc.kernel("relu", rho=0.1, digits=10)
    assert r.rho == Fraction(0.1) != Fraction(1, 10)


def test_activations_list():
    names = [a["name"] for a in sc.activations()]
    assert {"relu", "tanh", "gelu", "poly", "hermite"} <= set(names)
    leaky = next(a for a in sc.activations() if a["name"] == "leaky_relu")
    assert leaky["params"][0]["name"] == "alpha"


def test_critical_dim_all(cli):
    py = {r.activation: r.json for r in sc.critical_dim("all")}
    for obj in cli.json("critical-dim", "all"):
        assert py[obj["activation"]] == obj


def test_pair_rqf_law_and_classes():
    # gamma = 0, linear phi: P(sync | rho0) = 1 - arccos(rho0)/pi (doc/model.md section 6)
    mpmath = pytest.importorskip("mpmath")
    mpmath.mp.dps = 30
    r = sc.pair("linear", dim=5, rho0=["-0.5", 0, "0.7"], digits=8)
    assert r.diagonal == "attracting" and r.antipodal == "attracting"
    assert r.outcome.startswith("synchronised or antipodal")
    assert [p["rho0"] for p in r.probabilities] == [Fraction(-1, 2), 0, Fraction(7, 10)]
    for p in r.probabilities:
        exact = 1 - mpmath.acos(mpmath.mpf(p["rho0"].numerator) / p["rho0"].denominator) / mpmath.pi
        assert encloses(p["sync"], exact, 12)
        assert p["sync"].lo + p["antipodal"].lo <= 1 <= p["sync"].hi + p["antipodal"].hi
    q = sc.pair("relu", dim=8, rho0=0)        # not odd: the diagonal alone attracts
    assert q.antipodal != "attracting" and q.probabilities[0]["sync"].lo == 1 == q.probabilities[0]["sync"].hi
    c = sc.coercivity("linear", dim=4, p="1/2", projective=True)     # p (1 - p) sigma^2 q
    assert Fraction(1, 4) in c.c_p and c.verdict.startswith("synchronises up to sign")
