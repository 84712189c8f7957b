"""Memory and threads: a thousand calls leave the resident set where it was,
and calls from several threads give the sequential results, each thread its
own error messages."""

import threading

import pytest

import synccert as sc


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    pytest.skip("no /proc/self/status")


def some_calls():
    sc.kernel("relu", rho="0.5")
    sc.lyapunov("gelu", dim=8)
    sc.critical_dim("erf")
    with pytest.raises(sc.InputError):
        sc.kernel("tanh", rho=2)


def test_no_leak_over_a_thousand_calls():
    # Each round of four calls hands over ~1.7 kB of JSON and messages: a leak
    # of the strings or of the library's results grows the RSS by megabytes.
    for _ in range(200):                 # warm up: Arb's caches, malloc arenas
        some_calls()
    before = rss_kib()
    for _ in range(1000):
        some_calls()
    grown = rss_kib() - before
    assert grown < 256, "resident set grew by %d KiB over 1000 rounds" % grown


def test_threads_agree_with_sequential():
    jobs = [("kernel", "tanh", {}), ("kernel", "gelu", {"rho": "0.3", "digits": 25}),
            ("lyapunov", "erf:c=2", {"dim": 12}), ("critical-dim", "silu", {}),
            ("kernel", "tanh", {"rho": "7"}), ("lyapunov", "relu", {"dim": "x"})]
    funcs = {"kernel": sc.kernel, "lyapunov": sc.lyapunov, "critical-dim": sc.critical_dim}

    def run(job):
        cmd, act, kw = job
        try:
            return funcs[cmd](act, **kw).json
        except sc.SynccertError as e:
            return (type(e), str(e))

    expected = [run(j) for j in jobs]
    assert isinstance(expected[4], tuple) and "--rho" in expected[4][1]
    results = {}

    def worker(t):
        results[t] = [run(jobs[(t + i) % len(jobs)]) for i in range(2 * len(jobs))]

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for t in range(6):
        assert results[t] == [expected[(t + i) % len(jobs)] for i in range(2 * len(jobs))]


def test_no_leak_per_thread():
    # Arb's per-thread caches (~0.25 MB a thread) are freed when a thread that
    # called the library exits (sc_bind_call registers flint_cleanup for it):
    # a hundred short-lived threads would otherwise keep ~25 MB.
    def job():
        sc.kernel("tanh", digits=30)
        sc.lyapunov("gelu", dim=8)

    def burst(n):
        for _ in range(n):
            t = threading.Thread(target=job)
            t.start()
            t.join()

    burst(20)
    before = rss_kib()
    burst(100)
    grown = rss_kib() - before
    assert grown < 4096, "resident set grew by %d KiB over 100 threads" % grown
