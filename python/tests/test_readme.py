"""The README's Python example runs as written (matplotlib optional) and
prints the certified numbers it promises."""

import os
import re
import runpy

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))


def test_readme_python_example(tmp_path, capsys, monkeypatch):
    with open(os.path.join(ROOT, "README.md")) as f:
        blocks = re.findall(r"^```python\n(.*?)^```", f.read(), re.S | re.M)
    assert len(blocks) == 1
    script = tmp_path / "example.py"
    script.write_text(blocks[0])
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(script), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert re.match(r"gelu +d\* = +30\.7655923708106 +largest synchronising d: 30$", out[3])
    assert re.match(r"relu +d\* = +none +largest synchronising d: all$", out[0])
    assert out[-1] == "30"
