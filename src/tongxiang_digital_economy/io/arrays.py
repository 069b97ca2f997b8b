"""The Arrow array behind a pandas column, by the public Arrow protocol (`__arrow_array__`).

Why this exists: the reader gives its tables Arrow-backed columns, and what is made of a column (its key, its
hash, a join's rows: semantics/answers.py) is kept by the identity of that immutable Arrow array, so that a table
read again unchanged, or a copy of a column, is found rather than made again. pandas' `ArrowExtensionArray`
answers the protocol with the ChunkedArray it holds (the same object each time, at no cost), where
`pyarrow.array(series)` makes a new array (about 0.1 ms, and a new identity each call). Any other column (numpy,
pandas' masked arrays, whose `__arrow_array__` converts anew) has no such array: None. Columns are added to a frame
by with_columns, which keeps those arrays (and is cheaper than pandas' `assign` on a wide frame).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd


def arrow_of(column: pd.Series) -> Any:
    """The column's immutable Arrow array (a ChunkedArray), or None for a column not backed by Arrow."""
    array = column.array
    if isinstance(array, pd.arrays.ArrowExtensionArray):
        return array.__arrow_array__()
    return None


def with_columns(frame: pd.DataFrame, columns: Mapping[str, pd.Series]) -> pd.DataFrame:
    """frame.assign(**columns), for new columns on the frame's rows, made as one frame of every column.

    Why: pandas' `assign` inserts one column at a time into the frame's block list and column index, ~0.3 ms a
    column on the indicators view's ~100 columns: the views add ~200 columns a validation (60 ms of an edited
    copy's 380 at rest). A frame made at once from the columns (no copy: the same arrays, so what is kept of an
    Arrow array by its identity is found again) is the same frame. Anything else (a column of that name already
    there, a value not a Series on the frame's index, a frame with attrs) is pandas' own `assign`."""
    if not columns:
        return frame
    fits = not frame.attrs and all(
        isinstance(c, pd.Series) and (c.index is frame.index or c.index.equals(frame.index)) for c in columns.values()
    )
    if (
        not fits
        or not frame.index.is_unique
        or frame.columns.has_duplicates
        or any(name in frame.columns for name in columns)
    ):
        return frame.assign(**columns)
    every: dict[Hashable, pd.Series] = dict(frame.items())
    every.update(columns)
    return pd.DataFrame(every, index=frame.index, copy=False)
