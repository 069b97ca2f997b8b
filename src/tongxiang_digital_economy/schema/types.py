"""The Table Schema field types the package implements, each with every mapping it needs in one place.

Why this exists: the reader types a column, and the exports write it to SQLite, Parquet and JSON. When those
mappings lived in separate modules they drifted (the reader accepted `year`, the exports had no mapping for it).
Each type here holds its formats and constraints (what the reader accepts; anything else is refused), the
pattern a cell must match, and its Arrow, SQL and JSON forms. pyarrow is named, not imported: `arrow_type()`
builds the type when the reader or an export asks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

INTEGER = r"^[+-]?[0-9]+$"
NUMBER = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
YEAR = r"^[0-9]{4}$"
ORDERED = {"required", "unique", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}


@dataclass(frozen=True)
class FieldType:
    name: str
    formats: frozenset[str]
    constraints: frozenset[str]
    arrow: str  # the in-memory (reader's) pyarrow type, by constructor name
    parquet: str  # the pyarrow type an export writes
    sql: str  # the SQLite column type


TYPES: dict[str, FieldType] = {
    t.name: t
    for t in (
        FieldType(
            "string",
            frozenset({"default", "uri", "email", "uuid"}),
            frozenset({"required", "unique", "enum", "pattern", "minLength", "maxLength"}),
            "large_string",
            "string",
            "TEXT",
        ),
        FieldType("integer", frozenset({"default"}), frozenset(ORDERED), "int64", "int64", "INTEGER"),
        FieldType("number", frozenset({"default"}), frozenset(ORDERED), "float64", "float64", "REAL"),
        FieldType("boolean", frozenset({"default"}), frozenset({"required", "enum"}), "bool_", "bool_", "INTEGER"),
        FieldType("date", frozenset({"default"}), frozenset(ORDERED), "timestamp_s", "date32", "TEXT"),
        FieldType("year", frozenset({"default"}), frozenset(ORDERED), "int64", "int64", "INTEGER"),
    )
}


def arrow_type(name: str) -> Any:
    """The pyarrow type called `name` in TYPES (timestamp_s: timestamps in seconds)."""
    import pyarrow as pa

    return pa.timestamp("s") if name == "timestamp_s" else getattr(pa, name)()


def plain(value: Any, kind: str) -> Any:
    """A typed cell as a plain Python value: None, str, int, float, bool or datetime.date."""
    import pandas as pd

    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return None
    if kind in ("integer", "year"):
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return bool(value)
    if kind == "date":
        return pd.Timestamp(value).date()
    return str(value)


def json_value(value: Any, kind: str, number_text: Any) -> Any:
    """A typed cell for JSON: numbers as numbers (written as the CSV writes them, by `number_text`), dates as text."""
    value = plain(value, kind)
    if kind == "number" and value is not None:
        text = number_text(value)
        return int(text) if text is not None and "." not in text else value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
