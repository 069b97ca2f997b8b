"""Each row's combination of values as one code (pandas' factorize: hashing in C, never a Python loop over rows),
each column factorised once per validation, and a reading computed once per distinct row.

Why a module: the readings and rules that group rows (agreement, repeats, the roles' periods, the labels of
periods) and the readings of each row (semantics/answers.kept_row_reading) do their work per distinct row; the
codes they combine are shared within a validation (shared_codes), however many of them read a column.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import arrow_of


def distinct_rows(columns: Sequence[pd.Series], rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row's combination of values, position of the first row of each combination), by pandas'
    factorize (hashing in C, never a Python loop over rows). Missing values are values too (their own code);
    floats and dates are told apart by their bits, as row keys are (row_values: 0.0 and -0.0 differ). `rows`: only
    these positions (the codes of the whole columns taken: kept columns are factorised once, shared_codes)."""
    length = (len(columns[0]) if rows is None else len(rows)) if len(columns) else 0
    key = np.zeros(length, dtype=np.int64)
    bound = 1  # every key is below it
    for column in columns:
        codes, count = column_codes(column)
        if bound * (count + 1) >= LARGEST_KEY:  # dense again first, so the product never overflows
            key, _ = pd.factorize(key)
            bound = int(key.max()) + 1 if length else 1
        key = key * (count + 1) + (codes if rows is None else codes[rows])
        bound *= count + 1
    if len(columns):
        # Dense, numbered in the order the combinations first appear: as densifying after every column numbered
        # them (a factorize of the rows per column was 0.45 s of CPU a validation of 10^5 rows).
        key, _ = pd.factorize(key)
    count = int(key.max()) + 1 if length else 0
    first = np.empty(count, dtype=np.int64)
    first[key[::-1]] = np.arange(length - 1, -1, -1)  # the last write for a code is its first row
    return key.astype(np.int64, copy=False), first


LARGEST_KEY = 2**62  # a combined key stays below it (int64)


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


def stable_sorted(frame: pd.DataFrame, keys: Sequence[str], ascending: Sequence[bool]) -> pd.DataFrame:
    """frame.sort_values(keys, ascending=ascending, na_position="first", kind="stable"), the order found by Arrow's
    stable multi-key sort (pyarrow.compute.sort_indices) of the key columns alone and the frame taken once.

    Why: pandas' multi-key sort factorises every key column into a Categorical first (the roles' two sorts were
    0.6 s of CPU a validation of 10^5 `shifted` rows). The orders are the same: both sorts are stable, missing
    values (None, <NA>, NaN, NaT) come first whatever the direction, and strings compare by code point (UTF-8's byte
    order). A key column Arrow cannot hold (mixed Python objects) is sorted by pandas, as before."""
    try:
        table = pa.table({str(i): key_array(frame[k]) for i, k in enumerate(keys)})
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame.sort_values(list(keys), ascending=list(ascending), na_position="first", kind="stable")
    orders = [(str(i), "ascending" if up else "descending") for i, up in enumerate(ascending)]
    if NULLS_PER_KEY:
        order = pc.sort_indices(table, sort_keys=[(*o, "at_start") for o in orders])
    else:
        order = pc.sort_indices(table, sort_keys=orders, null_placement="at_start")
    return frame.take(order.to_numpy())


# pyarrow 25 takes where nulls go per sort key (and warns of the option for all keys); older ones only for all.
NULLS_PER_KEY = int(pa.__version__.split(".")[0]) >= 25


def key_array(column: pd.Series) -> pa.Array | pa.ChunkedArray:
    """A sort key column as Arrow, every missing value (NaN too) a null: how pandas places them."""
    held = arrow_of(column)
    if held is not None:
        return held
    if isinstance(column.dtype, np.dtype) and column.dtype.kind == "O":
        values = column.to_numpy()
        return pa.array(values, mask=pd.isna(values), from_pandas=True)
    return pa.array(column, from_pandas=True)
