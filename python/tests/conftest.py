"""Shared fixtures: the CLI under test ($SYNCCERT, else build/synccert of this
tree) next to the Python package (make test-python sets both)."""

import json
import os
import subprocess

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
SYNCCERT = os.environ.get("SYNCCERT", os.path.join(ROOT, "build", "synccert"))


class Cli:
    """Run `synccert ARGS...`: .run gives (status, stdout, stderr), .json the
    parsed --json output (and asserts exit 0), .error the one-line message
    without its "synccert CMD: " prefix (and asserts exactly one line)."""

    def run(self, *args):
        p = subprocess.run([SYNCCERT] + [str(a) for a in args], capture_output=True, text=True,
                           timeout=300)
        return p.returncode, p.stdout, p.stderr

    def json(self, *args):
        rc, out, err = self.run(*args, "--json")
        assert rc == 0, err
        return json.loads(out)

    def error(self, *args):
        rc, out, err = self.run(*args)
        lines = err.splitlines()
        assert len(lines) == 1 and out == "", (rc, out, err)
        prefix = "synccert %s: " % args[0]
        assert lines[0].startswith(prefix), lines[0]
        return rc, lines[0][len(prefix):]


@pytest.fixture(scope="session")
def cli():
    assert os.access(SYNCCERT, os.X_OK), "build the CLI first (make), or set SYNCCERT"
    return Cli()
