#!/usr/bin/env python3
"""Run a maintainer's script with the Python that has the package's dependencies: the checkout's `.venv`.

Why: the scripts start with `#!/usr/bin/env python3`, the system's Python, which the README's install line leaves
without pandas; `validate` in a checkout tells a maintainer to run `scripts/build`, which then ended in a
ModuleNotFoundError traceback (trial 14 W4). A Python that has the dependencies (an activated venv, CI's
interpreter) runs the script as it is; one that lacks them hands the script to `.venv/bin/python` when the checkout
has one, else stops with one line saying how to run it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path


def with_dependencies() -> None:
    """Return when this Python can import the package's dependencies; else run the script again under the
    checkout's .venv Python (never returns), or exit 1 naming the command that would run it."""
    if importlib.util.find_spec("pandas") is not None:
        return
    script = Path(sys.argv[0]).resolve()
    venv = script.parent.parent / ".venv"
    python = venv / "bin" / "python"
    # Compared by prefix, not by executable: a venv's python is a link to the system's, the same file resolved.
    if python.is_file() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(python, [str(python), str(script), *sys.argv[1:]])
    raise SystemExit(
        f"Error: {script.name} needs the package's dependencies (pandas): run it with the Python the package is "
        f"installed in, such as .venv/bin/python scripts/{script.name}, after the README's install line"
    )
