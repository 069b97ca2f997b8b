"""The maintainers' scripts run with the Python that has the package's dependencies (trial 14 W4).

`scripts/build` (which `validate` in a checkout names) starts with `#!/usr/bin/env python3`: after the README's
install line that is the system's Python, without pandas, and the script ended in a ModuleNotFoundError traceback.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT / "scripts" / "checkout_python.py").is_file():  # the tests run from a wheel carry no scripts/
    pytest.skip("needs the checkout's scripts", allow_module_level=True)
sys.path.insert(0, str(ROOT / "scripts"))

import checkout_python  # noqa: E402  (a module of scripts/, beside the scripts that import it)


def checkout(tmp_path: Path, venv: bool) -> Path:
    """A checkout's layout: scripts/build (a stand-in), and a .venv with a python if `venv`."""
    (tmp_path / "scripts").mkdir()
    script = tmp_path / "scripts" / "build"
    script.write_text("", encoding="utf-8")
    if venv:
        (tmp_path / ".venv" / "bin").mkdir(parents=True)
        (tmp_path / ".venv" / "bin" / "python").write_text("", encoding="utf-8")
    return script


def test_a_python_without_the_dependencies_hands_the_script_to_the_checkouts_venv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = checkout(tmp_path, venv=True)
    ran: list[tuple[object, list[str]]] = []
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)  # pandas is not installed here
    monkeypatch.setattr(sys, "argv", [str(script), "--check"])

    def execv(path: object, args: list[str]) -> None:  # os.execv never returns: the script ends here
        ran.append((path, args))
        raise SystemExit(0)

    monkeypatch.setattr(checkout_python.os, "execv", execv)
    with pytest.raises(SystemExit):
        checkout_python.with_dependencies()
    python = tmp_path / ".venv" / "bin" / "python"
    assert ran == [(python, [str(python), str(script), "--check"])]


def test_without_a_venv_it_says_how_to_run_the_script_in_one_line(tmp_path: Path) -> None:
    script = checkout(tmp_path, venv=False)
    script.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'scripts')!r})\n"
        "from checkout_python import with_dependencies\nwith_dependencies()\nprint('ran')\n",
        encoding="utf-8",
    )
    # -S: no site-packages, so this Python lacks pandas as the system's does after the README's install line
    done = subprocess.run([sys.executable, "-S", str(script)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        1,
        "",
        "Error: build needs the package's dependencies (pandas): run it with the Python the package is installed "
        "in, such as .venv/bin/python scripts/build, after the README's install line\n",
    )


def test_a_python_with_the_dependencies_runs_the_script_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checkout_python.os, "execv", lambda path, args: pytest.fail("ran again"))
    checkout_python.with_dependencies()
