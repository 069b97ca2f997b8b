"""Rule answers, and the views' whole-table readings, kept per process by the content of the columns they read.

Why: one process validates many packages that differ in a cell or two (a maintainer edits a table and validates
again; `tde.schema` after `validate`; a test suite's hundreds of edited copies). A rule is a function of the view
columns it declares (`Rule.reads` and the joined `Rule.needs`, the registry's one declaration), and it is run on a
view restricted to exactly those columns, so a column it does not declare is a loud crash, never a silently stale
answer. Its answer (which rows pass) is then a pure function of those columns' values, their types and the rows'
index, and is kept under exactly that: an edit of `indicators.note` re-runs no rule, an edit of `value_text`
re-runs only the rules that read it or a column derived from it. Keys are the values themselves (compared by
Python equality after a hash), never a digest that could collide. Bounded: the most recent answers are kept
(KEPT_ANSWERS), and a view of more than KEPT_ROWS rows is not kept at all (its keys would cost memory and a copy
with a few edited cells is what this is for). The views' readings that read every row of a table at once
(agreement, fact clusters) are kept the same way by kept_reading; those that read each row on its own (the
quotes' and the anchors' readings) are kept per row by kept_row_reading, so an edit of one row's quote or evidence
reads that row again, not the table.

What a key is made of (a column's, a frame's, a row's values) is semantics/column_keys.py; the codes of rows and
the work once per distinct row, semantics/row_codes.py.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from .column_keys import _BY_ARRAY, _BY_ARRAYS, KEPT_ROWS, frame_key, row_values
from .row_codes import once_per_distinct_row
from .row_references import Through, key_codes, refs_of_rows

T = TypeVar("T")
KEPT_ANSWERS = 512  # about seven packages' worth of every rule's answer

_ANSWERS: OrderedDict[Hashable, np.ndarray] = OrderedDict()


# Further kept readings (semantics/kept_groups.py), dropped with these: registered by the module that keeps them.
ALSO_KEPT: list[Callable[[], None]] = []


def forget() -> None:
    """Drop every kept answer and reading (the next validation runs every rule and reads every view anew)."""
    for drop in ALSO_KEPT:
        drop()
    _WHOLE.clear()
    _ANSWERS.clear()
    _ROWS.clear()
    _READINGS.clear()
    _ROW_READINGS.clear()
    _BY_ARRAY.clear()
    _BY_ARRAYS.clear()


def kept_answer(
    key: Hashable,
    inputs: Callable[[], Hashable],
    view: Callable[[], pd.DataFrame],
    rows: int,
    compute: Callable[[pd.DataFrame], np.ndarray],
) -> np.ndarray:
    """compute(view()), which of the `rows` rows pass (a bool array), kept under `key` and the content of its
    `inputs` (made only for a view small enough to keep); the view is made only when it is computed. An input
    that cannot be a key (an unhashable value) means compute and keep nothing."""
    if rows > KEPT_ROWS:
        return compute(view())
    try:
        full = (key, inputs())
        found = _ANSWERS.get(full)
    except (TypeError, ValueError):  # a value no dict can hold or compare: run the rule, keep nothing
        return compute(view())
    if found is not None:
        _ANSWERS.move_to_end(full)
        return found
    answer = compute(view())
    answer.flags.writeable = False  # shared by every later validation that asks: nobody may change it
    _ANSWERS[full] = answer
    while len(_ANSWERS) > KEPT_ANSWERS:
        _ANSWERS.popitem(last=False)
    return answer


# Per rule, the answer of each row by the row's values of the rule's inputs: a rule whose answer for a row depends
# on that row alone (Rule.per_row) then runs only on the rows whose values it has not answered before (an edited
# or an added row), however the rest of the table changed.
KEPT_RULE_TABLES = 256
KEPT_ROWS_PER_RULE = 50_000
_ROWS: OrderedDict[Hashable, dict[tuple[Any, ...], bool]] = OrderedDict()


def per_row_answer(
    key: Hashable, view: pd.DataFrame, check: Callable[[pd.DataFrame], Any], columns: Sequence[str] | None = None
) -> np.ndarray:
    """check's answer on `view` restricted to `columns` (all of them for None), computed only for the rows whose
    values (of those columns) `key`'s table has no answer for; the others are the table's. An unhashable value
    means run the check on every row. The rows' values are read from `view` as given; the restricted copy (pandas'
    take of the columns) is made only of the rows the check runs on."""
    if columns is not None:
        columns = list(columns)
    names = list(view.columns) if columns is None else columns
    try:
        rows = list(zip(*(row_values(view[c]) for c in names), strict=True)) if len(names) else []
        rows = rows or [()] * len(view)
        if key not in _ROWS:
            _ROWS[key] = {}
        _ROWS.move_to_end(key)
        while len(_ROWS) > KEPT_RULE_TABLES:
            _ROWS.popitem(last=False)
        table = _ROWS[key]
        known = [table.get(r) for r in rows]
    except (TypeError, ValueError):  # a value no dict can hold or compare
        return run(view if columns is None else view[names], check)
    todo = [i for i, a in enumerate(known) if a is None]
    if todo:
        part = view.iloc[todo] if columns is None else view[names].iloc[todo]  # a row take of the few columns
        got = run(part, check)
        if len(table) + len(todo) > KEPT_ROWS_PER_RULE:
            table.clear()
        keep = len(todo) <= KEPT_ROWS_PER_RULE  # more new rows than a table holds: answered, none kept
        for i, answer in zip(todo, got.tolist(), strict=True):
            known[i] = bool(answer)
            if keep:
                table[rows[i]] = bool(answer)
    return np.asarray(known, dtype=bool)


def run(view: pd.DataFrame, check: Callable[[pd.DataFrame], Any]) -> np.ndarray:
    return passing(view, check(view))


def passing(view: pd.DataFrame, passed: Any) -> np.ndarray:
    """A rule's answer as one bool per row of the view (a missing answer fails the row)."""
    return pd.Series(passed, index=view.index).fillna(False).astype(bool).to_numpy()


# --- derived columns kept the same way ------------------------------------------------------------------------

KEPT_READINGS = 128  # about six packages' worth of the views' and the roles' kept readings (about twenty each)
_READINGS: OrderedDict[Hashable, Any] = OrderedDict()
Part = tuple[pd.DataFrame | None, Sequence[str] | None]  # a frame (or none) and the columns read (None: all)


def kept_reading(kind: Hashable, parts: Sequence[Part], compute: Callable[..., T]) -> T:
    """compute(*frames), each frame restricted to the columns its part names (so it reads nothing else: another
    column is a KeyError, never a stale answer), kept under `kind` and those columns' content. What is kept is
    shared: callers assign it to new frames and never change it in place."""
    names: list[list[str] | None] = [
        None if f is None else list(f.columns) if c is None else [n for n in c if n in f.columns] for f, c in parts
    ]

    def frames() -> list[pd.DataFrame | None]:
        return [
            None if f is None or n is None else f if c is None else f[n] for (f, c), n in zip(parts, names, strict=True)
        ]

    if any(f is not None and len(f) > KEPT_ROWS for f, _ in parts):
        return compute(*frames())
    try:
        # Keyed by the columns of the frames as given (the same values and types as a restricted copy's): the copy,
        # pandas' take of the columns, cost more than the look-up itself and is made only for what is computed.
        key = (kind, tuple(None if f is None else frame_key(f, n) for (f, _), n in zip(parts, names, strict=True)))
        found = key in _READINGS
    except (TypeError, ValueError):  # a value no dict can hold or compare: compute, keep nothing
        return compute(*frames())
    if found:
        _READINGS.move_to_end(key)
        kept: T = _READINGS[key]
        return kept
    answer = compute(*frames())
    _READINGS[key] = answer
    while len(_READINGS) > KEPT_READINGS:
        _READINGS.popitem(last=False)
    return answer


# Per reading and content of the reference tables it reads, each row's derived values by the row's values of the
# columns it reads: a reading whose values for a row depend on that row and those tables alone (the quotes' and
# the anchors' readings) then reads only the rows it has not read before (an edited or an added row).
KEPT_ROW_READINGS = 16
_ROW_READINGS: OrderedDict[Hashable, tuple[dict[str, Any], dict[tuple[Any, ...], tuple[Any, ...]]]] = OrderedDict()


def kept_row_reading(
    kind: Hashable,
    frame: pd.DataFrame,
    reads: Sequence[str],
    tables: Sequence[pd.DataFrame | None],
    compute: Callable[..., dict[str, pd.Series]],
    through: Sequence[Through | None] = (),
) -> dict[str, pd.Series]:
    """compute(frame restricted to `reads`, *tables): new columns whose value in a row is a function of that row's
    values and of the tables alone (declared by the caller; tests/test_kept_answers.py checks it by reading the
    rows in halves), computed only for the rows whose values it has not read under the same tables' content. The
    tables are keyed by their content, the rows by their values (never a digest); what is kept is shared, never
    changed in place. A table of more than KEPT_ROWS rows is read whole and nothing is kept.

    `through` (by the tables' places; None or left out: keyed by its content): a table the rows read through a
    key of theirs (row_references.Through) is keyed by what every row reads of it alike, and each row by what it
    reads of it through its key besides its values, so an edited or renamed key row reads again only the rows
    whose reading of it changed."""
    read = [c for c in reads if c in frame.columns]
    if not len(frame) or len(frame) > KEPT_ROWS:
        return once_per_distinct_row(frame[read], lambda part: compute(part, *tables))
    # The columns read from the frame as given: a restricted copy (pandas' take of the columns, on every
    # validation, a hit too) is made only of the rows that are computed.
    given = [frame[c] for c in read]
    ways = [*through, *[None] * (len(tables) - len(through))]
    try:
        key = (
            kind,
            tuple((str(c), str(column.dtype)) for c, column in zip(read, given, strict=True)),
            tuple(
                None if t is None else frame_key(t) if w is None else ("through", w.whole(t) if w.whole else None)
                for t, w in zip(tables, ways, strict=True)
            ),
        )
        # Each row by its values and, per table read through its key, what it reads of that table.
        refs = [
            # the table's numbers kept by its content: a validation that did not change it numbers nothing again
            refs_of_rows(frame, kept_reading(("through", w), [(t, None)], functools.partial(key_codes, through=w)), w)
            for t, w in zip(tables, ways, strict=True)
            if t is not None and w is not None
        ]
        rows: list[tuple[Any, ...]] = (
            list(zip(*(row_values(column) for column in given), *refs, strict=True))
            if read or refs
            else [()] * len(frame)
        )
        entry = _ROW_READINGS.get(key)
        known: list[tuple[Any, ...] | None] = [None] * len(rows) if entry is None else [entry[1].get(r) for r in rows]
    except (TypeError, ValueError):  # a value no dict can hold or compare: read every row, keep nothing
        return compute(frame[read], *tables)
    todo = [i for i, values in enumerate(known) if values is None]
    # Rows alike in every column read are read once (a grown package repeats its rows' texts).
    first_of: dict[tuple[Any, ...], int] = {}
    for i in todo:
        first_of.setdefault(rows[i], i)
    if entry is None:
        entry = ({}, {})
        _ROW_READINGS[key] = entry
    _ROW_READINGS.move_to_end(key)
    while len(_ROW_READINGS) > KEPT_ROW_READINGS:
        _ROW_READINGS.popitem(last=False)
    types, table = entry
    if todo:
        distinct = list(first_of.values())
        got = compute(frame[read].iloc[distinct], *tables)  # a row take of the columns read, not of every one
        made = {name: column.dtype for name, column in got.items()}
        if types and made != types:  # columns or types unlike the kept rows': read every row anew, keep nothing
            types.clear()
            table.clear()
            return compute(frame[read], *tables)
        types.update(made)
        if len(table) + len(distinct) > KEPT_ROWS_PER_RULE:
            table.clear()
        columns = [got[name].tolist() for name in types]
        for j, i in enumerate(distinct):
            table[rows[i]] = tuple(column[j] for column in columns)
        for i in todo:
            known[i] = table[rows[i]]
    names = list(types)
    by_column = list(zip(*known, strict=True)) if known else [()] * len(names)
    return {
        name: pd.Series(list(values), index=frame.index, dtype=types[name], name=name)
        for name, values in zip(names, by_column, strict=True)
    }


# --- a whole semantic layer kept the same way ----------------------------------------------------------------

KEPT_WHOLE = 8
_WHOLE: OrderedDict[Hashable, Any] = OrderedDict()


def kept_whole(kind: Hashable, frames: dict[str, pd.DataFrame], others: Hashable, compute: Callable[[], T]) -> T:
    """compute(), kept under `kind`, the content of every frame (each column by name, type and values, as
    kept_reading keys them) and `others` (what else it reads, as a key). Why: a package validated again unchanged
    in one process (a maintainer's second run, the same copy checked twice) builds no view and runs no rule; a copy
    that differs in one cell misses and is checked by the kept rules and readings. Nothing is kept for a frame of
    more than KEPT_ROWS rows or a value that cannot be a key. What is kept is shared: callers never change it."""
    if any(len(f) > KEPT_ROWS for f in frames.values()):
        return compute()
    try:
        key = (kind, tuple((name, frame_key(frames[name])) for name in sorted(frames)), others)
        found = key in _WHOLE
    except (TypeError, ValueError):  # a value no dict can hold or compare: compute, keep nothing
        return compute()
    if found:
        _WHOLE.move_to_end(key)
        kept: T = _WHOLE[key]
        return kept
    answer = compute()
    _WHOLE[key] = answer
    while len(_WHOLE) > KEPT_WHOLE:
        _WHOLE.popitem(last=False)
    return answer
