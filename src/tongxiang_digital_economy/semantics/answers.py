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
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ..io.arrays import arrow_of

T = TypeVar("T")
KEPT_ANSWERS = 512  # about seven packages' worth of every rule's answer
KEPT_ROWS = 50_000  # keeping at 10^5 rows cost 330 MiB of peak (benchmark `kept`: 874 -> 542 MiB) and 8 s of CPU

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


class ColumnKeys:
    """The key of each column of one view, made once however many rules read it: its type and its values."""

    def __init__(self, view: pd.DataFrame) -> None:
        self.view = view
        self.made: dict[str, Hashable] = {}
        self.taken: dict[str, pd.Series] = {}
        self.index: Hashable = index_key(view.index)

    def __call__(self, column: str) -> Hashable:
        if column not in self.made:
            self.made[column] = column_key(self.column(column))
        return self.made[column]

    def column(self, name: str) -> pd.Series:
        """view[name], taken once (pandas makes a new Series on every `[]`: ~60 µs on a wide view, ~300 of them a
        validation for the rules' types alone)."""
        if name not in self.taken:
            self.taken[name] = self.view[name]
        return self.taken[name]


def index_key(index: pd.Index) -> Hashable:
    """A view's rows: a range as its bounds, any other index as its labels."""
    if isinstance(index, pd.RangeIndex):
        return ("range", index.start, index.stop, index.step)
    return ("labels", str(index.dtype), tuple(index.tolist()))


def column_key(column: pd.Series) -> Hashable:
    """A column's type and its values: numbers and dates by their bytes (exact: 0.0 and -0.0 differ, a NaN equals
    the same NaN), anything else as a tuple of its values (pandas' missing values are single objects, equal to
    themselves in a tuple), its hash made once (Values)."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "biufcmM":
        return (str(dtype), column.to_numpy().tobytes())
    arrow = arrow_of(column)
    if arrow is None:
        return values_key((str(dtype), tuple(column.tolist())))
    return by_array(column, arrow, "key", lambda: values_key((str(dtype), values_of(column))))


def values_of(column: pd.Series) -> tuple[Any, ...]:
    """A column's values as a tuple, made once per Arrow array (by_array) for an Arrow-backed column of up to
    KEPT_ROWS rows. A longer column's tuple is made for its caller and not kept: kept, a Python string per row of
    every text column read lived as long as the table (at 10^5 rows 86 of the 132 MiB Python held after the
    views; issue 15's memory target is set at 10^6), and a large package is validated once, not edited cell by cell."""
    arrow = arrow_of(column)
    if arrow is None or len(column) > KEPT_ROWS:
        return tuple(column.tolist())
    return by_array(column, arrow, "values", lambda: tuple(column.tolist()))


# What was made of an Arrow-backed column (its values, its key), by the Arrow array's id, the pandas type and what
# was made; each entry is dropped with its array. Arrow arrays are immutable (pandas replaces the array when a cell
# is set), and selections, copies and `assign` share them, so the columns of a table that did not change and the
# readings kept below are made once per process however many validations and rules read them. The array's
# identity only finds what was made of it: a key is still the values.
_BY_ARRAY: dict[tuple[int, str, str], tuple[weakref.ref[Any], Any]] = {}


def by_array(column: pd.Series, arrow: Any, what: str, make: Callable[[], T]) -> T:
    """make(), once per Arrow array `arrow` (the column's) and pandas type."""
    slot = (id(arrow), str(column.dtype), what)
    found = _BY_ARRAY.get(slot)
    if found is not None and found[0]() is arrow:
        made: T = found[1]
        return made
    made = make()
    _BY_ARRAY[slot] = (weakref.ref(arrow, lambda ref: dropped(slot, ref)), made)
    return made


def dropped(slot: tuple[int, str, str], ref: weakref.ref[Any]) -> None:
    """An array was freed: forget what was made of it (unless its id already belongs to a newer array's entry)."""
    entry = _BY_ARRAY.get(slot)
    if entry is not None and entry[0] is ref:
        del _BY_ARRAY[slot]


# What was made of several Arrow arrays at once (a join's row positions and taken column), by the arrays' ids; each
# entry holds every array weakly and is dropped with any of them, and a hit is checked by identity of all of them.
_BY_ARRAYS: dict[tuple[Hashable, tuple[int, ...]], tuple[tuple[weakref.ref[Any], ...], Any]] = {}


def by_arrays(what: Hashable, arrows: Sequence[Any], make: Callable[[], T]) -> T:
    """make(), once per combination of the Arrow arrays `arrows` (what is made of them alone): a view's joins
    after an edit of another table's cell take the same rows of the same arrays, so the taken columns are the
    same arrays too, and what is kept of them (their keys: by_array) is found, not made again per validation."""
    slot = (what, tuple(id(a) for a in arrows))
    found = _BY_ARRAYS.get(slot)
    if found is not None and all(ref() is a for ref, a in zip(found[0], arrows, strict=True)):
        made: T = found[1]
        return made
    made = make()
    refs = tuple(weakref.ref(a, lambda ref: arrays_dropped(slot, ref)) for a in arrows)
    _BY_ARRAYS[slot] = (refs, made)
    return made


def arrays_dropped(slot: tuple[Hashable, tuple[int, ...]], ref: weakref.ref[Any]) -> None:
    """One of an entry's arrays was freed: forget the entry (unless the slot already holds a newer one)."""
    entry = _BY_ARRAYS.get(slot)
    if entry is not None and any(r is ref for r in entry[0]):
        del _BY_ARRAYS[slot]


class Values:
    """A key of many values whose hash is computed once (a tuple's is computed on every look-up), equal to
    another by the values themselves. Made by values_key, which hands out one object per content, so a look-up of
    a key made again for an unchanged column is an identity check, not a comparison of every value."""

    __slots__ = ("__weakref__", "hashed", "items")

    def __init__(self, items: tuple[Any, ...]) -> None:
        self.items = items
        self.hashed = hash(items)  # an unhashable value raises TypeError here: callers keep nothing

    def __hash__(self) -> int:
        return self.hashed

    def __eq__(self, other: object) -> bool:
        return self is other or (
            isinstance(other, Values) and self.hashed == other.hashed and self.items == other.items
        )


# The live Values by hash (weak: a key lives as long as a column or a kept answer holds it).
_INTERNED: dict[int, list[weakref.ref[Values]]] = {}


def values_key(items: tuple[Any, ...]) -> Values:
    """The one live Values of this content (a new one when none is alive)."""
    made = Values(items)
    alive = [r for r in _INTERNED.get(made.hashed, []) if r() is not None]
    for ref in alive:
        found = ref()
        if found is not None and found == made:
            return found
    hashed = made.hashed

    def freed(_: weakref.ref[Values]) -> None:
        interned_dropped(hashed)

    _INTERNED[hashed] = [*alive, weakref.ref(made, freed)]
    return made


def interned_dropped(hashed: int) -> None:
    """A Values was freed: keep only the live ones of its hash."""
    alive = [r for r in _INTERNED.get(hashed, []) if r() is not None]
    if alive:
        _INTERNED[hashed] = alive
    else:
        _INTERNED.pop(hashed, None)


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


def row_values(column: pd.Series) -> Sequence[Any]:
    """A column's values as row keys: floats and dates by their bits (exact: 0.0 and -0.0 differ, a NaN equals
    itself), anything else as it is."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fmM" and dtype.itemsize in (4, 8):
        values: list[Any] = column.to_numpy().view(f"i{dtype.itemsize}").tolist()
        return values
    return values_of(column)


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


def frame_key(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> Hashable:
    """A frame's rows and each of its columns (or of `columns`, in their order) by name, type and values."""
    keys = ColumnKeys(frame)
    return (keys.index, tuple((str(c), keys(str(c))) for c in (frame.columns if columns is None else columns)))


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
) -> dict[str, pd.Series]:
    """compute(frame restricted to `reads`, *tables): new columns whose value in a row is a function of that row's
    values and of the tables alone (declared by the caller; tests/test_kept_answers.py checks it by reading the
    rows in halves), computed only for the rows whose values it has not read under the same tables' content. The
    tables are keyed by their content, the rows by their values (never a digest); what is kept is shared, never
    changed in place. A table of more than KEPT_ROWS rows is read whole and nothing is kept."""
    read = [c for c in reads if c in frame.columns]
    if not len(frame) or len(frame) > KEPT_ROWS:
        return once_per_distinct_row(frame[read], lambda part: compute(part, *tables))
    # The columns read from the frame as given: a restricted copy (pandas' take of the columns, on every
    # validation, a hit too) is made only of the rows that are computed.
    given = [frame[c] for c in read]
    try:
        key = (
            kind,
            tuple((str(c), str(column.dtype)) for c, column in zip(read, given, strict=True)),
            tuple(None if t is None else frame_key(t) for t in tables),
        )
        rows: list[tuple[Any, ...]] = (
            list(zip(*(row_values(column) for column in given), strict=True)) if read else [()] * len(frame)
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


def distinct_rows(columns: Sequence[pd.Series], rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row's combination of values, position of the first row of each combination), by pandas'
    factorize (hashing in C, never a Python loop over rows). Missing values are values too (their own code);
    floats and dates are told apart by their bits, as row keys are (row_values: 0.0 and -0.0 differ). `rows`: only
    these positions (the codes of the whole columns taken: kept columns are factorised once, shared_codes)."""
    length = (len(columns[0]) if rows is None else len(rows)) if len(columns) else 0
    key = np.zeros(length, dtype=np.int64)
    for column in columns:
        codes, count = column_codes(column)
        key = key * (count + 1) + (codes if rows is None else codes[rows])
        key, _ = pd.factorize(key)  # dense again, so the product never overflows
    count = int(key.max()) + 1 if length else 0
    first = np.empty(count, dtype=np.int64)
    first[key[::-1]] = np.arange(length - 1, -1, -1)  # the last write for a code is its first row
    return key.astype(np.int64, copy=False), first


def column_codes(column: pd.Series) -> tuple[np.ndarray, int]:
    """(each row's code of its value, how many distinct values): pandas' factorize, missing values a value of their
    own, floats and dates by their bits. Within shared_codes (one validation), a column of Python objects or an
    Arrow-backed one is factorised once however many rules and readings read it (a Reading or an Attachment is
    hashed field by field: 1.45 s of a validation of 10^5 rows went to factorising the same columns rule by rule)."""
    dtype = column.dtype
    values: Any = column
    if isinstance(dtype, np.dtype) and dtype.kind in "fmM" and dtype.itemsize in (4, 8):
        values = column.to_numpy().view(f"i{dtype.itemsize}")
    table = _CODES.get()
    held = shared_array(column) if table is not None else None
    if table is None or held is None:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        return codes, len(uniques)
    slot = (str(dtype), len(column), *held[0])
    found = table.get(slot)
    if found is None:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        found = table[slot] = (held[1], codes, len(uniques))
        while len(table) > SHARED_CODES:
            del table[next(iter(table))]
    return found[1], found[2]


def shared_array(column: pd.Series) -> tuple[tuple[Hashable, ...], Any] | None:
    """(where a column's values are held, the object holding them) for a column of Python objects (its buffer's
    address and strides: pandas' selections share it) or an Arrow-backed one (its Arrow array); None for others.
    The holder is kept with the codes, so no other array can come to live at that address while they are kept."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype):
        if dtype.kind != "O":
            return None
        array = column.to_numpy()
        return ("objects", array.__array_interface__["data"][0], array.strides), array
    arrow = arrow_of(column)
    return None if arrow is None else (("arrow", id(arrow)), arrow)


# The column codes of one validation (shared_codes): by where the column's values are held, with their holder.
SHARED_CODES = 256
_CODES: ContextVar[dict[Hashable, tuple[Any, np.ndarray, int]] | None] = ContextVar("CODES", default=None)


@contextmanager
def shared_codes() -> Iterator[None]:
    """Factorise each column once within (one validation's views and rules: column_codes), forgotten after."""
    token = _CODES.set({})
    try:
        yield
    finally:
        _CODES.reset(token)


def once_per_distinct_row(
    frame: pd.DataFrame, compute: Callable[[pd.DataFrame], dict[str, pd.Series]]
) -> dict[str, pd.Series]:
    """compute(frame) for columns whose value in a row is a function of that row's values (and of what compute
    closes over) alone, computed on one row per distinct combination of the frame's columns and taken back over
    every row: a grown package's 10^6 rows repeat a few thousand (quote, evidence, ...) rows."""
    if not len(frame.columns) or not len(frame):
        return compute(frame)
    codes, first = distinct_rows([frame[c] for c in frame.columns])
    if len(first) == len(frame):
        return compute(frame)
    part = frame.iloc[first]
    got = compute(part)
    return {
        str(name): pd.Series(
            (column if column.index.equals(part.index) else column.reindex(part.index)).array.take(codes),
            index=frame.index,
            dtype=column.dtype,
            name=name,
        )
        for name, column in got.items()
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
