"""A table's primary key (missing or repeated) and its `unique` fields (repeated), checked on the typed columns
(step 4 of io/reader.py; its foreign keys are checked once the referenced tables are read, `check_foreign_keys`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..core import problems as P
from ..core.report import Problem, problem
from ..schema.keys import primary_key
from .cell_problems import excerpt


def key_problems(
    name: str,
    schema: dict[str, Any],
    frame: pd.DataFrame,
    valid: np.ndarray,
    reported: dict[str, np.ndarray] | None = None,
) -> list[Problem]:
    """Primary key (missing or repeated) and `unique` fields (repeated), on the typed columns.

    A key cell refused for its type or a constraint is not reported again as a missing key: one fault, one error,
    and the first says what to fix. An empty key cell is both (required, and no key), as frictionless says. A field
    that is the whole primary key and also `unique` is one constraint said twice: a repeat is one `primary-key`
    error, naming both rows.
    """
    found: list[Problem] = []
    distinct: dict[str, bool] = {}  # a field both unique and part of the primary key is hashed once
    pk = primary_key(schema)
    for f in schema["fields"]:
        if f.get("constraints", {}).get("unique") and pk != [f["name"]]:
            found += repeats(name, frame, [f["name"]], P.UNIQUE_ERROR, "unique field", distinct)
    if pk:
        absent = frame[pk].isna().any(axis=1).to_numpy() & valid
        for field in pk:
            absent &= ~(reported or {}).get(field, np.zeros(len(frame), dtype=bool))
        for i in np.flatnonzero(absent):
            found.append(
                problem(P.PRIMARY_KEY, name, int(i) + 2, ", ".join(pk), "the row has no primary key: fill it in")
            )
        found += repeats(name, frame, pk, P.PRIMARY_KEY, "primary key", distinct)
    return found


def all_distinct(column: pd.Series, known: dict[str, bool]) -> bool:
    """Whether the non-missing values of a column are all different (arrow's hash of each value, once)."""
    if column.name in known:
        return known[str(column.name)]
    known[str(column.name)] = answer = distinct_values(column)
    return answer


def distinct_values(column: pd.Series) -> bool:
    values = pa.chunked_array(column.array.__arrow_array__()) if hasattr(column.array, "__arrow_array__") else None
    if values is None:
        return not column.dropna().duplicated().any()
    distinct = len(pc.unique(values)) - (1 if values.null_count else 0)
    return bool(distinct == len(values) - values.null_count)  # pyarrow is untyped: null_count is Any


def repeats(
    name: str, frame: pd.DataFrame, fields: list[str], type_id: str, what: str, distinct: dict[str, bool]
) -> list[Problem]:
    """A problem on each row whose (non-missing) values in `fields` an earlier row already has."""
    if len(fields) == 1 and all_distinct(frame[fields[0]], distinct):
        return []
    keys = frame[fields]
    known = keys.notna().all(axis=1)
    dup = keys.duplicated(keep=False) & known
    if not dup.any():
        return []
    sub = keys[dup]
    first = sub.groupby(fields, sort=False, dropna=True).cumcount()
    first_row = sub.index.to_series().groupby([sub[c] for c in fields], sort=False).transform("min")
    found = []
    for i in first[first > 0].index:
        value = ", ".join(str(v) for v in keys.loc[i])
        found.append(
            problem(
                type_id,
                name,
                int(i) + 2,
                ", ".join(fields),
                f"{excerpt(value, whole=True)} repeats the {what} of row {int(first_row.loc[i]) + 2}: "
                "rename or remove the duplicate",
            )
        )
    return found
