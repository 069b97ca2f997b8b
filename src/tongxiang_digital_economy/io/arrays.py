"""The Arrow array behind a pandas column, by the public Arrow protocol (`__arrow_array__`).

Why this exists: the reader gives its tables Arrow-backed columns, and what is made of a column (its key, its
hash, a join's rows: semantics/answers.py) is kept by the identity of that immutable Arrow array, so that a table
read again unchanged, or a copy of a column, is found rather than made again. pandas' `ArrowExtensionArray`
answers the protocol with the ChunkedArray it holds (the same object each time, at no cost), where
`pyarrow.array(series)` makes a new array (about 0.1 ms, and a new identity each call). Any other column (numpy,
pandas' masked arrays, whose `__arrow_array__` converts anew) has no such array: None.
"""

from __future__ import annotations

from typing import Any

import pandas as pd


def arrow_of(column: pd.Series) -> Any:
    """The column's immutable Arrow array (a ChunkedArray), or None for a column not backed by Arrow."""
    array = column.array
    if isinstance(array, pd.arrays.ArrowExtensionArray):
        return array.__arrow_array__()
    return None
