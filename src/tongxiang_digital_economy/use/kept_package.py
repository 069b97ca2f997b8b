"""The package as series and charts read it, kept per package's bytes: each table typed once, each answer made once.

Why: a chart loaded tables about twenty times (each `load` reads the descriptor, digests the files and copies the
typed frame) and marked its figures' roles per call, so `series` cost ~0.2 s warm and a chart ~0.45 s before it
drew anything (issue 15), though what they read did not change between calls. Tables and answers are kept here
under the package's digest (io.kept.package_digest: the descriptor and every table's and schema's bytes, never a
path or a modification time, as search keeps its index), so an edited copy is read afresh and an unchanged
package is not read twice.

One call reads one snapshot: `one_reading(path)` takes the digest once for everything read inside it (`series`
asks for five tables and its kin; hashing the files for each would cost more than the reads it saves). What is
kept is never handed out: a table is given as a new (shallow, copy-on-write) frame, so a caller that changes its
frame changes only its own; `kept` answers are the caller's to copy likewise.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from ..core.paths import package_dir
from ..io.kept import Kept, package_digest
from ..io.load import load as load_typed

T = TypeVar("T")


@dataclass
class KeptPackage:
    """One package's tables and answers, by name and by key (see the module docstring)."""

    digest: bytes | None  # None: a package that cannot be kept (io.kept.package_digest), read afresh each time
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    answers: dict[Hashable, Any] = field(default_factory=dict)


KEPT = Kept(8)  # a few packages: a test suite reads the shipped package and edited copies of it
READING: ContextVar[tuple[Path, KeptPackage] | None] = ContextVar("READING", default=None)


def package(path: str | Path | None = None) -> KeptPackage:
    """The kept tables and answers of the package at `path` (the one being read by `one_reading`, if any)."""
    base = package_dir(path)
    reading = READING.get()
    if reading is not None and reading[0] == base:
        return reading[1]
    digest = package_digest(base)
    if digest is None:
        return KeptPackage(None)
    found = KEPT.find(digest)
    if found is None:
        found = KeptPackage(digest)
        KEPT.put(digest, found)
    assert isinstance(found, KeptPackage)
    return found


@contextmanager
def one_reading(path: str | Path | None = None) -> Iterator[KeptPackage]:
    """Every read of the package at `path` inside is of one snapshot: its digest is taken once, on entry."""
    base = package_dir(path)
    reading = READING.get()
    if reading is not None and reading[0] == base:  # already inside a reading of this package
        yield reading[1]
        return
    token = READING.set((base, package(base)))
    try:
        yield package(base)
    finally:
        READING.reset(token)


def load(name: str, path: str | Path | None = None) -> pd.DataFrame:
    """Table `name` typed as io.load.load gives it (its LoadError too), read once per package's bytes."""
    held = package(path)
    if held.digest is None:
        return load_typed(name, path)
    if name not in held.frames:
        held.frames[name] = load_typed(name, path)
    return held.frames[name].copy(deep=False)


def kept(path: str | Path | None, key: Hashable, compute: Callable[[], T]) -> T:
    """The answer kept under `key` for the package at `path`, made by `compute` on first asking (an error is not
    kept: it is raised again, made anew, each time)."""
    held = package(path)
    if held.digest is None:
        return compute()
    if key not in held.answers:
        held.answers[key] = compute()
    answer: T = held.answers[key]
    return answer


def found(path: str | Path | None, key: Hashable) -> Any:
    """The answer kept under `key` for the package at `path`, or None (nothing is made)."""
    return package(path).answers.get(key)
