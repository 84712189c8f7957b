"""Errors raise exceptions whose message is the CLI's one-line message, word
for word (the CLI prints it after "synccert CMD: "), and whose class matches
the CLI's exit status (2: InputError, 1: a computation that failed)."""

import pytest

import synccert as sc

CASES = [
    (lambda: sc.kernel("nope"), ["kernel", "nope"]),
    (lambda: sc.kernel("leaky_relu:alpha=2"), ["kernel", "leaky_relu:alpha=2"]),
    (lambda: sc.kernel("leaky_relu:beta=1"), ["kernel", "leaky_relu:beta=1"]),
    (lambda: sc.kernel("tanh", rho=2), ["kernel", "tanh", "--rho", "2"]),
    (lambda: sc.kernel("tanh", rho="nan"), ["kernel", "tanh", "--rho", "nan"]),
    (lambda: sc.kernel("tanh", rho=float("inf")), ["kernel", "tanh", "--rho", "inf"]),
    (lambda: sc.kernel("tanh", rho="0x1"), ["kernel", "tanh", "--rho", "0x1"]),
    (lambda: sc.kernel("tanh", digits=0), ["kernel", "tanh", "--digits", "0"]),
    (lambda: sc.kernel("tanh", digits=3001), ["kernel", "tanh", "--digits", "3001"]),
    (lambda: sc.kernel("tanh", q=0), ["kernel", "tanh", "--weight-var", "0"]),
    (lambda: sc.kernel("tanh", s="-1/2"), ["kernel", "tanh", "--bias-var", "-1/2"]),
    (lambda: sc.kernel("tanh", method="magic"), ["kernel", "tanh", "--method", "magic"]),
    (lambda: sc.kernel("tanh", budget=0), ["kernel", "tanh", "--budget", "0"]),
    (lambda: sc.kernel("tanh", method="closed"), ["kernel", "tanh", "--method", "closed"]),
    (lambda: sc.lyapunov("tanh", dim=1), ["lyapunov", "tanh", "--dim", "1"]),
    (lambda: sc.lyapunov("tanh", dim="4.5"), ["lyapunov", "tanh", "--dim", "4.5"]),
    (lambda: sc.lyapunov("tanh", dim=10**30 + 1), ["lyapunov", "tanh", "--dim", str(10**30 + 1)]),
    (lambda: sc.lyapunov("tanh", dim=4, sigma=0), ["lyapunov", "tanh", "--dim", "4", "--sigma", "0"]),
    (lambda: sc.lyapunov("tanh", dim=4, prec_cap=10), ["lyapunov", "tanh", "--dim", "4", "--prec-cap", "10"]),
    (lambda: sc.lyapunov("tanh", dim=4, digits=60, prec_cap=64),
     ["lyapunov", "tanh", "--dim", "4", "--digits", "60", "--prec-cap", "64"]),
    (lambda: sc.critical_dim("relu", q="-1"), ["critical-dim", "relu", "--weight-var", "-1"]),
    (lambda: sc.critical_dim("bogus"), ["critical-dim", "bogus"]),
    (lambda: sc.coercivity("relu", dim=None, p=1), ["coercivity", "relu", "--p", "1"]),
    (lambda: sc.coercivity("relu", dim=4, p=None), ["coercivity", "relu", "--dim", "4"]),
    (lambda: sc.coercivity("relu", dim=1, p=1), ["coercivity", "relu", "--dim", "1", "--p", "1"]),
    (lambda: sc.coercivity("relu", dim=4, p=3), ["coercivity", "relu", "--dim", "4", "--p", "3"]),
    (lambda: sc.coercivity("relu", dim=4, p=1, tol="1e-13"),
     ["coercivity", "relu", "--dim", "4", "--p", "1", "--tol", "1e-13"]),
    (lambda: sc.coercivity("relu", dim=4, p=1, beta=1), ["coercivity", "relu", "--dim", "4", "--p", "1", "--beta", "1"]),
    (lambda: sc.coercivity("relu", dim=4, p=1, gamma=-1),
     ["coercivity", "relu", "--dim", "4", "--p", "1", "--gamma", "-1"]),
    (lambda: sc.coercivity("relu", dim=4, p=1, budget=-1),
     ["coercivity", "relu", "--dim", "4", "--p", "1", "--budget", "-1"]),
    (lambda: sc.certify("relu", "bogus"), ["certify", "relu", "--property", "bogus"]),
    (lambda: sc.certify("relu", "sync", dim="5:3"), ["certify", "relu", "--property", "sync", "--dim", "5:3"]),
    (lambda: sc.certify("relu", "sync", params={"alpha": (0, 1)}),
     ["certify", "relu", "--property", "sync", "--param", "alpha=0:1"]),
    (lambda: sc.certify("leaky_relu", "sync", params={"alpha": (0, 2)}),
     ["certify", "leaky_relu", "--property", "sync", "--param", "alpha=0:2"]),
    (lambda: sc.certify("relu", "sync", gamma=1), ["certify", "relu", "--property", "sync", "--gamma", "1"]),
    (lambda: sc.certify("relu", "dissipation", params={"p": (0, 1)}, p="1/2"),
     ["certify", "relu", "--property", "dissipation", "--param", "p=0:1", "--p", "1/2"]),
    (lambda: sc.certify("relu", "sync", max_depth=61), ["certify", "relu", "--property", "sync", "--max-depth", "61"]),
    (lambda: sc.certify("relu", "sync", budget=0), ["certify", "relu", "--property", "sync", "--budget", "0"]),
    (lambda: sc.table(activations="relu,nope"), ["table", "--activations", "relu,nope"]),
    (lambda: sc.table(dims=[1]), ["table", "--dims", "1"]),
    (lambda: sc.table(quantities="K1,zeta"), ["table", "--quantities", "K1,zeta"]),
    (lambda: sc.table(digits=1001), ["table", "--digits", "1001"]),
    (lambda: sc.table(sigma=0), ["table", "--sigma", "0"]),
    (lambda: sc.table(format="pdf"), ["table", "--format", "pdf"]),
    (lambda: sc.table(budget=0), ["table", "--budget", "0"]),
    (lambda: sc.pair("linear", dim=None), ["pair", "linear"]),
    (lambda: sc.pair("linear", dim=1), ["pair", "linear", "--dim", "1"]),
    (lambda: sc.pair("linear", dim=4, rho0=2), ["pair", "linear", "--dim", "4", "--rho0", "2"]),
    (lambda: sc.pair("linear", dim=4, rho0="0,x"), ["pair", "linear", "--dim", "4", "--rho0", "0,x"]),
    (lambda: sc.pair("linear", dim=4, rho0="0,"), ["pair", "linear", "--dim", "4", "--rho0", "0,"]),
    (lambda: sc.pair("linear", dim=4, gamma=-1), ["pair", "linear", "--dim", "4", "--gamma", "-1"]),
    (lambda: sc.pair("linear", dim=4, sigma=0), ["pair", "linear", "--dim", "4", "--sigma", "0"]),
    (lambda: sc.pair("linear", dim=4, digits=0), ["pair", "linear", "--dim", "4", "--digits", "0"]),
    (lambda: sc.pair("tanh", dim=8, gamma="0.3", rho0=0, budget="1e-400"),
     ["pair", "tanh", "--dim", "8", "--gamma", "0.3", "--rho0", "0", "--budget", "1e-400"]),
    (lambda: sc.certify("tanh", "sync-up-to-sign", gamma=1),
     ["certify", "tanh", "--property", "sync-up-to-sign", "--gamma", "1"]),
    (lambda: sc.certify("tanh", "pair-sync", params={"gamma": (0, 1)}, gamma=1),
     ["certify", "tanh", "--property", "pair-sync", "--param", "gamma=0:1", "--gamma", "1"]),
    (lambda: sc.table(cp_budget=0), ["table", "--cp-budget", "0"]),
    (lambda: sc.lyapunov("tanh", dim=4, budget="2e7"), ["lyapunov", "tanh", "--dim", "4", "--budget", "2e7"]),
    (lambda: sc.critical_dim("relu", budget="soon"), ["critical-dim", "relu", "--budget", "soon"]),
]


@pytest.mark.parametrize("py, args", CASES, ids=[" ".join(a) for _, a in CASES])
def test_same_message_as_cli(cli, py, args):
    rc, message = cli.error(*args)
    with pytest.raises(sc.SynccertError) as info:
        py()
    assert str(info.value) == message
    assert info.value.command == args[0]
    if rc == 2:
        assert isinstance(info.value, sc.InputError) and isinstance(info.value, ValueError)
    else:
        assert rc == 1 and not isinstance(info.value, sc.InputError)


def test_precision_error_class():
    with pytest.raises(sc.PrecisionError):
        sc.lyapunov("tanh", dim=4, digits=60, prec_cap=64)


def test_wrong_python_types():
    with pytest.raises(TypeError):
        sc.kernel("tanh", rho=True)
    with pytest.raises(TypeError):
        sc.kernel("tanh", rho=object())
    with pytest.raises(TypeError):
        sc.certify("relu", "sync", dim=(1, 2, 3))


@pytest.mark.parametrize("py, args", [
    (lambda: sc.kernel("gelu_tanh", rho="0.3", digits=400, budget="0.05"),
     ["kernel", "gelu_tanh", "--rho", "0.3", "--digits", "400", "--budget", "0.05"]),
    (lambda: sc.lyapunov("silu", dim=8, digits=1500, budget="0.05"),
     ["lyapunov", "silu", "--dim", "8", "--digits", "1500", "--budget", "0.05"]),
], ids=["kernel", "lyapunov"])
def test_budget_stops_like_cli(cli, py, args):
    """A budget too short for the work: the CLI exits 1 and the binding raises
    BudgetError, both within a few times the budget."""
    import time
    rc, message = cli.error(*args)
    assert rc == 1 and "time budget" in message
    t0 = time.monotonic()
    with pytest.raises(sc.BudgetError) as info:
        py()
    assert time.monotonic() - t0 < 5
    assert "time budget" in str(info.value)
