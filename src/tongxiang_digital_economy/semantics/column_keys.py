"""What a kept answer is keyed by: a column's type and values, a frame's rows and columns, a row's values.

Why a module: every kept answer and reading (semantics/answers.py, semantics/kept_groups.py) and the joins
(semantics/joins.py) find what they kept by the content of what they read, never by a digest that could collide;
this is how that content is made a key, and made once: per Arrow array (by_array, by_arrays, which an unchanged
table's columns share across validations) and per content (values_key: one Values per live content, so a
look-up of an unchanged column's key is an identity check).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ..io.arrays import arrow_of

T = TypeVar("T")


KEPT_ROWS = 50_000  # keeping at 10^5 rows cost 330 MiB of peak (benchmark `kept`: 874 -> 542 MiB) and 8 s of CPU


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


def row_values(column: pd.Series) -> Sequence[Any]:
    """A column's values as row keys: floats and dates by their bits (exact: 0.0 and -0.0 differ, a NaN equals
    itself), anything else as it is."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "fmM" and dtype.itemsize in (4, 8):
        values: list[Any] = column.to_numpy().view(f"i{dtype.itemsize}").tolist()
        return values
    return values_of(column)


def frame_key(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> Hashable:
    """A frame's rows and each of its columns (or of `columns`, in their order) by name, type and values."""
    keys = ColumnKeys(frame)
    return (keys.index, tuple((str(c), keys(str(c))) for c in (frame.columns if columns is None else columns)))
