"""A view's dates as whole arrays of numbers, and what a rule reads of a text as number columns.

Why: the period rules compare a row's dates with what its texts say (a text date's bounds, the years written
next to a quote, an edition's days). Asked per row in Python, that was a call per distinct combination of the
texts and the dates, and a grown package whose rows differ by their dates (`scripts/benchmark`'s `shifted`) made
it a call per row: 900,000 predicate calls at 10^5 rows. Here what a text says is read once per distinct text
(per_text, a tuple of numbers) and compared with the dates as numpy arrays, one comparison for every row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from ..distinct import per_distinct_rows
from .registry import missing

EPOCH = date(1970, 1, 1).toordinal()  # datetime64's day 0 as a proleptic ordinal (date.toordinal)


def day(value: object) -> date | None:
    """A cell's day (None when missing). A Timestamp, what per-row rules are given for a date column, is answered
    first: asked about a million times a validation of 10^5 `shifted` rows (1.4 -> 0.7 µs a call)."""
    if type(value) is pd.Timestamp:
        return value.date()
    if missing(value):
        return None
    return (value if isinstance(value, pd.Timestamp) else pd.Timestamp(value)).date()  # type: ignore[arg-type]


def day_number(day_: date | pd.Timestamp | None) -> int:
    """A day's proleptic ordinal (date.toordinal), -1 for none: how bounds read from a text enter the arrays."""
    if day_ is None:
        return -1
    return (day_.date() if isinstance(day_, pd.Timestamp) else day_).toordinal()


@dataclass(frozen=True)
class Days:
    """One date column as arrays: which rows have a day, and its ordinal, year, month and day of the month (each
    as `day` reads the cell: a Timestamp's date, its time of day dropped)."""

    known: np.ndarray
    ordinal: np.ndarray
    year: np.ndarray
    month: np.ndarray
    day: np.ndarray

    @classmethod
    def of(cls, column: pd.Series) -> Days:
        if isinstance(column.dtype, np.dtype) and column.dtype.kind == "M":
            days = column.to_numpy().astype("datetime64[D]")
        else:  # dates given as objects (a frame checked by tde.schema): each distinct value read by `day`
            codes, read = per_distinct_rows([column], day)
            table = np.array([np.datetime64("NaT") if d is None else np.datetime64(d, "D") for d in read])
            days = table[codes] if len(codes) else np.empty(0, dtype="datetime64[D]")
        known = ~np.isnat(days)
        count = days.astype(np.int64)
        months = days.astype("datetime64[M]")
        return cls(
            known=known,
            ordinal=np.where(known, count + EPOCH, -1),
            year=np.where(known, days.astype("datetime64[Y]").astype(np.int64) + 1970, -1),
            month=np.where(known, months.astype(np.int64) % 12 + 1, -1),
            day=np.where(known, (days - months).astype(np.int64) + 1, -1),
        )

    def next_day(self) -> np.ndarray:
        """The day of the month of each row's next day (1 where a month ends)."""
        following = (self.ordinal - EPOCH + 1).astype("datetime64[D]")
        return np.where(self.known, (following - following.astype("datetime64[M]")).astype(np.int64) + 1, -1)


def per_text(view: pd.DataFrame, columns: list[str], read: Callable[..., tuple[int, ...]], width: int) -> np.ndarray:
    """read(*values) once per distinct combination of the columns (a tuple of `width` ints: flags, years,
    ordinals), as a (rows, width) array of int64."""
    read_columns = [view[c] for c in columns]
    if not len(view):
        return np.empty((0, width), dtype=np.int64)
    codes, answers = per_distinct_rows(read_columns, read)
    table = np.array(answers, dtype=np.int64).reshape(len(answers), width)
    out: np.ndarray = table[codes]
    return out


def as_series(view: pd.DataFrame, passes: Any) -> pd.Series:
    """A bool array over the view's rows as the rule's answer."""
    return pd.Series(np.asarray(passes, dtype=bool), index=view.index, dtype=bool)
