"""What a reading kept per row reads of a reference table through the row's own key, so that it is kept by that.

Why: the anchors' reading of a figure reads its unit's dimension and written forms, its source's dates and its
indicator's forms; keyed by the whole of those tables, a renamed or broken unit key, or an edited source's date,
read every figure again (about a second a copy, most of an edited copy's check in the test suite) though only the
rows that refer to that key read anything that changed. A reference table declared `Through` a column of the
frame is keyed instead by what every row reads of it alike (`whole`: the units' forms by dimension, which a
quantity's kind is read with) and, in each row's own key, by what that row reads of it through its key (`refs`:
the rows of the table that hold the row's key, or a reading made of the whole table per key, such as an
indicator's neighbours). The declaration must hold every read (tests/test_kept_answers.py checks it by editing
each table and comparing a kept reading with a fresh one): a read outside it would be a stale answer.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .column_keys import values_of

Refs = Callable[[pd.DataFrame], Mapping[Any, Hashable]]


@dataclass(frozen=True)
class Through:
    """A reference table read through the frame's `column` (each row's key of the table): a row reads of it only
    `refs(table).get(its key)` and `whole(table)` (None: nothing every row reads alike)."""

    column: str
    refs: Refs
    whole: Callable[[pd.DataFrame], Hashable] | None = None


def rows_by(key: str) -> Refs:
    """refs: each key's rows of the table (every column given, in the table's order), so a row reads the rows that
    hold its key, whichever of them a lookup keeps (a dict of a repeated key keeps its last)."""

    def refs(table: pd.DataFrame) -> Mapping[Any, Hashable]:
        out: dict[Any, tuple[tuple[Any, ...], ...]] = {}
        columns = [values_of(table[c]) for c in table.columns]
        for k, row in zip(values_of(table[key]), zip(*columns, strict=True), strict=True):
            out[k] = (*out.get(k, ()), row)
        return out

    return refs


def row_refs(frame: pd.DataFrame, table: pd.DataFrame, through: Through) -> list[Hashable]:
    """Each row's refs of `table`: what it reads of the table through its key (None for a key the table lacks), as
    a number that stands for it (coded)."""
    return refs_of_rows(frame, key_codes(table, through), through)


def key_codes(table: pd.DataFrame, through: Through) -> dict[Any, int]:
    """Each key of the table with the number of what a row of that key reads of it (coded)."""
    return coded(through.refs(table))


def refs_of_rows(frame: pd.DataFrame, codes: Mapping[Any, int], through: Through) -> list[Hashable]:
    """Each row's refs by its key's number in `codes` (None for a key the table lacks)."""
    return [codes.get(k) for k in values_of(frame[through.column])]


KEPT_CODES = 100_000  # refs numbered: a few packages' key rows
_CODES: dict[Hashable, int] = {}
_NEXT = [0]


def coded(refs: Mapping[Any, Hashable]) -> dict[Any, int]:
    """Each key's refs as a number, the same number for equal refs while they are kept (never one number for two
    refs: a number dropped is not given again), so a row's key is hashed by a number, not by its refs' rows."""
    if len(_CODES) > KEPT_CODES:
        _CODES.clear()
    out = {}
    for k, ref in refs.items():
        if ref not in _CODES:
            _NEXT[0] += 1
            _CODES[ref] = _NEXT[0]
        out[k] = _CODES[ref]
    return out
