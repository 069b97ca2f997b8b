"""Work on a table's bytes done once per process: a table read, its foreign keys checked, its base values.

Why: one process validates or loads the same files again and again (`series` loads five tables per call, a test
suite validates hundreds of copies of one package that differ in one cell, a maintainer edits one table and
validates again). Reading and typing a table, checking its foreign keys and computing its base values are pure
functions of the files' bytes and the Table Schemas, so each answer is kept under a digest of exactly those
(never a path or a modification time, which can lie) and a table that did not change is not read again. What is
kept is never handed out: callers get a copy of the frame, so a caller that changes its frame changes only its own.
The most recent answers are kept (KEPT), so memory stays bounded however many packages one process reads.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from ..schema.descriptor import read_descriptor

KEPT = 64  # answers of each kind kept: a package has about ten tables, so a few packages' worth
KEPT_BYTES = 32 << 20  # a larger file is read each time: holding its frame would cost more than reading it again
HASH_CHUNK = 1 << 20

T = TypeVar("T")
EVERY: list[Kept] = []


class Kept:
    """A bounded table of answers by key, the least recently used dropped first."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self.answers: OrderedDict[Hashable, Any] = OrderedDict()
        EVERY.append(self)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer kept under `key`, computed (and kept) if there is none."""
        if key in self.answers:
            self.answers.move_to_end(key)
            answer: T = self.answers[key]
            return answer
        answer = compute()
        self.put(key, answer)
        return answer

    def find(self, key: Hashable) -> Any:
        """The answer kept under `key`, or None."""
        if key not in self.answers:
            return None
        self.answers.move_to_end(key)
        return self.answers[key]

    def put(self, key: Hashable, answer: Any) -> None:
        self.answers[key] = answer
        while len(self.answers) > self.size:
            self.answers.popitem(last=False)

    def clear(self) -> None:
        self.answers.clear()


def file_digest(path: Path, *parts: object) -> bytes | None:
    """A digest of a file's bytes and of what else its reading depends on (a table's name, its schema as JSON);
    None for a file too large to keep (KEPT_BYTES) or one that cannot be read (the reader says why)."""
    try:
        if path.stat().st_size > KEPT_BYTES:
            return None
        hasher = hashlib.blake2b(digest_size=20)
        with path.open("rb") as fh:
            while chunk := fh.read(HASH_CHUNK):
                hasher.update(chunk)
    except OSError:
        return None
    for part in parts:
        hasher.update(b"\x00")
        hasher.update(json.dumps(part, sort_keys=True, default=repr).encode("utf-8"))
    return hasher.digest()


def package_digest(base: Path) -> bytes | None:
    """What the answers kept of a whole package (search's index, series' marked figures) depend on: its descriptor
    (read as every command reads it, so a descriptor that cannot be read is that command's error), and the bytes of
    each table and each Table Schema it names by path (file_digest). None when it names a path that is not a
    relative one, or a file that is too large to keep or cannot be read: such a package is read afresh each time
    (and the reader says what is wrong)."""
    descriptor = read_descriptor(base)
    hasher = hashlib.blake2b(json.dumps(descriptor, sort_keys=True, default=repr).encode("utf-8"), digest_size=20)
    for res in descriptor["resources"]:
        if not isinstance(res, dict):
            return None
        for key in ("path", "schema"):
            relative = res.get(key)
            if not isinstance(relative, str):
                continue
            if Path(relative).is_absolute() or "://" in relative or ".." in Path(relative).parts:
                return None
            digest = file_digest(base / relative)
            if digest is None:
                return None
            hasher.update(digest)
    return hasher.digest()


def forget() -> None:
    """Drop every kept answer: the next read of each file reads it (what a benchmark of reading measures)."""
    for kept in EVERY:
        kept.clear()
