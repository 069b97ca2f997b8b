"""scripts/release's argument, checked before anything else (trial 8 m11)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not (ROOT / "scripts" / "release").is_file(), reason="needs the checkout's scripts")
@pytest.mark.parametrize("target", ["banana", "1.0", "v1.0.0"])
def test_a_bad_target_is_named_as_the_argument(tmp_path: Path, target: str) -> None:
    """The script and the library only, outside any git repository and package: a check that came after the tree's
    or the package's would fail here with another message."""
    (tmp_path / "scripts").mkdir()
    for name in ("release", "checkout_python.py"):  # the script and the module beside it that it imports
        shutil.copy2(ROOT / "scripts" / name, tmp_path / "scripts" / name)
    (tmp_path / "src").symlink_to(ROOT / "src")
    result = subprocess.run(
        [sys.executable, "scripts/release", target], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"release: the target {target!r} is not major, minor, patch, next or a release version X.Y.Z\n",
    )
