"""What search reads once per loaded table, kept with that very table while it lives: the package's names, the
lexicon's words, the indicators' index, the figures grouped by a value. A search reads them many times per query
(once per reading of it), and the recall over every label asks hundreds of queries of one loaded package."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")
# What is read once per loaded table for search (the names, the suffixes, the indicators' index): by the tables'
# ids, each entry dropped with its tables (a DataFrame is unhashable, so no WeakKeyDictionary), and checked to be
# of the very tables asked for (a new table may reuse a dead one's id).
KEPT: dict[tuple[str, tuple[int, ...]], tuple[tuple[weakref.ref[pd.DataFrame], ...], Any]] = {}


def kept_with(tables: tuple[pd.DataFrame, ...], what: str, make: Callable[[], T]) -> T:
    """`make()`, made once for these very tables (while they live) and kept with them: a search reads the
    package's names and its indicators' names many times per query (once per reading of the query), and the
    recall over every label asks hundreds of queries of one loaded package."""
    key = (what, tuple(id(t) for t in tables))
    kept = KEPT.get(key)
    if kept is not None and all(ref() is t for ref, t in zip(kept[0], tables, strict=True)):
        return kept[1]  # type: ignore[no-any-return]
    made = make()
    refs = tuple(weakref.ref(t, lambda _: KEPT.pop(key, None)) for t in tables)
    KEPT[key] = (refs, made)
    return made


def rows_by_value(column: pd.Series) -> dict[str, np.ndarray]:
    """Each value of a column -> the positions of its rows, in order (a missing value has none)."""
    codes, values = pd.factorize(column)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(values) + 1))
    return {str(v): order[bounds[n] : bounds[n + 1]] for n, v in enumerate(values)}
