"""Work once per distinct value, spread back over the rows: how the views and rules stay linear and cheap.

A grown package repeats its texts: thousands of rows share a few hundred (value_text, evidence) pairs, units and
periods. Reading a quote or matching names costs Python per call, so it runs once per distinct combination of
the columns it reads, and the answers are spread back over the rows with one vectorised take. Rows are grouped
by pandas' factorize (hashing in C), never by a Python loop over rows.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ..io.arrays import arrow_of
from ..text.quantities import Lexicon
from .column_keys import by_array, values_of
from .row_codes import distinct_rows

F = TypeVar("F", bound=Callable[..., Any])


def quiet_floats(function: F) -> F:
    """Run `function` with numpy's floating-point warnings off.

    The views and rules compute on floats where NaN is an unknown and infinity an open bound: the largest finite
    value a cell may hold (1.8e308) overflows to infinity in value × scale, and 0 × infinity is NaN. Those results
    are read as what they mean; numpy's RuntimeWarning about them is nothing a user of `validate` can act on (and
    an error where warnings are errors)."""

    @functools.wraps(function)
    def quiet(*args: Any, **kwargs: Any) -> Any:
        with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
            return function(*args, **kwargs)

    return quiet  # type: ignore[return-value]


def factorize_rows(columns: list[pd.Series], rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(code of each row's combination of values, position of the first row of each combination): answers'
    distinct_rows (missing values are values too, so a rule sees a row's <NA> as it is)."""
    return distinct_rows(columns, rows)


def per_distinct_rows(
    columns: list[pd.Series], compute: Callable[..., Any], rows: np.ndarray | None = None
) -> tuple[np.ndarray, list[Any]]:
    """compute(*values) once per distinct combination of the columns: (each row's code, the answers by code).
    `rows`: only these positions of the columns (the codes then are those rows').

    A missing value reaches `compute` as None, whatever the column's type (<NA>, NaN and NaT compare as nothing,
    so a check written for None never meets an ambiguous truth value).
    """
    codes, first = factorize_rows(columns, rows)
    if rows is not None:
        first = rows[first]
    values = [plain_values(column.iloc[first]) for column in columns]
    answers = [compute(*row) for row in zip(*values, strict=True)] if columns else []
    return codes, answers


def plain_values(column: pd.Series) -> list[Any]:
    """column.tolist() with each missing value (is_missing: None, <NA>, NaT, NaN) as None, a column of dates boxed
    once per distinct day (days). Made in C, not by a test per value in Python (1.8 s of CPU a validation of 10^5
    `shifted` rows, whose rows are distinct): pandas' missing values are is_missing's."""
    if is_dates(column):
        codes, distinct = pd.factorize(column, use_na_sentinel=True)
        values: list[Any] = taken([*distinct.tolist(), None], codes).tolist()  # code -1 (missing): None
        return values
    values = column.to_numpy(dtype=object, na_value=None).tolist()  # type: ignore[call-overload]
    return values


def taken(values: list[Any], codes: np.ndarray) -> np.ndarray:
    """values[code] for each code, as an object array (one take in C)."""
    table = np.empty(len(values), dtype=object)
    for code, value in enumerate(values):  # one by one: numpy would read a list of equal tuples as a 2-D array
        table[code] = value
    out: np.ndarray = table[codes]
    return out


def is_dates(column: pd.Series) -> bool:
    return isinstance(column.dtype, np.dtype) and column.dtype.kind == "M"


def days(column: pd.Series) -> list[Any]:
    """A column of dates as list(column) gives them (Timestamps, NaT), each distinct day boxed once: a Timestamp
    made per row was 24 s of a profiled validation at 10^5 rows, whose rows share a few thousand days (Timestamps
    are immutable, so the rows of one day share one)."""
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    boxed = [*distinct.tolist(), pd.NaT]  # code -1 (missing): the last
    return [boxed[c] for c in codes.tolist()]


def mapped(column: pd.Series, compute: Callable[[Any], Any], dtype: Any = object) -> pd.Series:
    """column.astype(object).map(compute), compute called once per distinct value (missing ones as that map
    passes them) and the answers taken back over the rows: a grown package repeats its texts."""
    codes, first = distinct_rows([column])
    answers = [compute(v) for v in column.iloc[first].astype(object)]
    return spread(codes, answers, column.index, dtype)


def texts(column: pd.Series) -> Sequence[Any]:
    """The column's values in row order, as iterating it gives them (<NA> as pd.NA): a string column's as a tuple
    made once per Arrow array (column_keys.values_of; iterating an Arrow-backed column costs about six times its
    tolist), any other column's as a list."""
    if isinstance(column.dtype, pd.StringDtype):
        return values_of(column)
    return list(column)


def is_missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def spread(codes: np.ndarray, answers: list[Any], index: pd.Index, dtype: Any = object) -> pd.Series:
    """The answers by code as a column over the rows (one take)."""
    table = np.empty(len(answers), dtype=object)
    for code, answer in enumerate(answers):  # one by one: numpy would read a list of equal tuples as a 2-D array
        table[code] = answer
    return pd.Series(table[codes] if len(codes) else np.empty(0, dtype=object), index=index, dtype=object).astype(dtype)


# Readings already made in this process, by what they depend on (the content of the lexicon, units, places and
# indicator definitions tables): a second validation of a package that differs in a few rows (an edit, then
# validate again; `tde.schema` after `validate`; a test suite's copies) reads only its new texts. A reading kept
# here must be a pure function of its arguments and of the tables in its key. The most recent tables are kept.
_MEMOS: OrderedDict[Hashable, dict[Any, Any]] = OrderedDict()
KEPT_MEMOS = 32


def content_key(*frames: pd.DataFrame) -> int:
    """A hash of the frames' content (values and column names), for keying readings made from them; each
    Arrow-backed column hashed once per Arrow array (column_keys.by_array: the reference tables of a package read
    before are the same arrays in every validation)."""
    parts: list[object] = []
    for frame in frames:
        parts.append(tuple(frame.columns))
        parts.append(tuple(column_hash(frame.iloc[:, i]) for i in range(frame.shape[1])))
    return hash(tuple(parts))


def column_hash(column: pd.Series) -> bytes:
    """A column's values hashed row by row (pandas' hash_pandas_object), as bytes."""
    arrow = arrow_of(column)

    def hashed() -> bytes:
        return pd.util.hash_pandas_object(column, index=False).to_numpy().tobytes()

    return hashed() if arrow is None else by_array(column, arrow, "hash", hashed)


def memo(kind: str, key: Hashable) -> dict[Any, Any]:
    """The process's table of `kind` readings made under `key` (a content_key), most recent kept."""
    full = (kind, key)
    if full in _MEMOS:
        _MEMOS.move_to_end(full)
    else:
        _MEMOS[full] = {}
        while len(_MEMOS) > KEPT_MEMOS:
            _MEMOS.popitem(last=False)
    return _MEMOS[full]


def remembered(table: dict[Any, Any], compute: Callable[..., Any]) -> Callable[..., Any]:
    """compute, answering from `table` what it has already computed (arguments as the key)."""

    def answer(*args: Any) -> Any:
        try:
            return table[args]
        except KeyError:
            table[args] = value = compute(*args)
            return value
        except TypeError:  # an unhashable argument: compute it
            return compute(*args)

    return answer


LEXICON_COLUMNS = ("category", "meaning", "term")  # what Lexicon.from_frame reads


def lexicon_of(frame: pd.DataFrame) -> Lexicon:
    """The lexicon table compiled (one pattern per category), once per content in this process: the quote and
    anchor views both read it, and compiling its patterns costs more than a warm validation's readings."""
    # Keyed by the three columns it reads, in one order: the readings given the lexicon restricted to their own
    # columns (views' QUOTE_TABLE_READS, ANCHOR_TABLE_READS; identity's clusters) share one compiled Lexicon.
    table = memo("lexicon", content_key(frame[[c for c in LEXICON_COLUMNS if c in frame.columns]]))
    if "lexicon" not in table:
        table["lexicon"] = Lexicon.from_frame(frame)
    lexicon: Lexicon = table["lexicon"]
    return lexicon


def float_texts(column: pd.Series) -> pd.Series:
    """column.astype("string") for a column of floats, each distinct value written once (told apart by its bits:
    0.0 and -0.0 are written apart, as astype writes them) and taken back over the rows; a missing one <NA>. Why:
    the claims' keys wrote every row's value as text (three times a validation, ~0.2 s each at 10^5 rows), while a
    grown package repeats a few hundred values."""
    dtype = column.dtype
    if not (isinstance(dtype, pd.Float64Dtype) or (isinstance(dtype, np.dtype) and dtype.kind == "f")):
        return column.astype("string")  # another type (a frame checked with other columns): as astype writes it
    missing = column.isna().to_numpy(dtype=bool)
    present = np.flatnonzero(~missing)
    bits = column.to_numpy(dtype="float64", na_value=0.0)[present].view("int64")
    codes, _ = pd.factorize(bits)
    _, first = np.unique(codes, return_index=True)  # codes number values in the order they first appear
    written = column.iloc[present[first]].astype("string").array
    every = np.full(len(column), -1, dtype=np.int64)
    every[present] = codes
    return pd.Series(written.take(every, allow_fill=True), index=column.index, name=column.name)
