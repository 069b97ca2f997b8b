"""Writing a file in one step: into a temporary file beside it, then renamed over it.

Why this exists: `stamp` rewrites datapackage.json, a release records its fingerprint, `serve` writes its metadata
and `export` its files. An interrupted plain write leaves a truncated file (a datapackage.json that no longer
parses); a rename on the same file system is atomic, so the reader sees the old file or the new one, never half.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..core.exceptions import MissingFolderError, OutputError


def atomic_write(dest: Path, write: Callable[[Path], None]) -> Path:
    """Call write(temporary path) and move the result to `dest` in one step (the temporary file never stays)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def check_writable(dest: Path) -> None:
    """The one check every command that writes makes first (export, plot, serve): refuse a destination under a
    file (a file cannot hold a folder: OutputError) or in a folder that does not exist (MissingFolderError: never
    made on the caller's behalf, since a typo would scatter folders); the OS says the rest on writing."""
    blocking = next((d for d in dest.absolute().parents if d.exists() and not d.is_dir()), None)
    if blocking is not None:
        raise OutputError(f"cannot write {dest}: {blocking} is a file, not a folder")
    folder = dest.absolute().parent
    if not folder.is_dir():
        shown = dest.parent if str(dest.parent) not in ("", ".") else folder
        raise MissingFolderError(f"cannot write {dest}: the folder {shown} does not exist; create it first")


def write_text(dest: Path, text: str) -> Path:
    """`text` as UTF-8 with LF line ends, written atomically."""

    def write(tmp: Path) -> None:
        tmp.write_text(text, encoding="utf-8", newline="\n")

    return atomic_write(dest, write)


def write_json(dest: Path, data: Any, indent: int = 2, sort_keys: bool = False) -> Path:
    """JSON the way every JSON file of the package is written (stable, diff-friendly), atomically."""
    return write_text(dest, json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys) + "\n")
