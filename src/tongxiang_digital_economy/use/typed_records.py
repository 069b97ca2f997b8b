"""A typed table's cells as each format wants them: each column's Table Schema type, a cell for JSON (numbers as
numbers, dates as ISO text), the rows as JSON-ready dicts (what `export --format json`, `show --format json` and
`search --format json` print), and a table as its schema defines it, without the loader's derived columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from ..core.paths import package_dir
from ..io.load import decimal_text, load
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.types import json_value as typed_json


def json_value(value: Any, kind: str) -> Any:
    """A typed cell for JSON: numbers as numbers (written as the CSV writes them), dates as ISO text."""
    return typed_json(value, kind, decimal_text)


def field_types(table: str, path: str | Path | None = None) -> dict[str, str]:
    """Each column's Table Schema type (and the loader's derived indicator columns)."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    return {f["name"]: f.get("type", "string") for f in schema["fields"]}


def types_of(frame: pd.DataFrame) -> dict[str, str]:
    """Table Schema types for the columns of any typed frame (for frames that are not a package table)."""
    out = {}
    for column in frame.columns:
        s = frame[column]
        if pd.api.types.is_bool_dtype(s):
            out[column] = "boolean"
        elif pd.api.types.is_integer_dtype(s):
            out[column] = "integer"
        elif pd.api.types.is_float_dtype(s):
            out[column] = "number"
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[column] = "date"
        else:
            out[column] = "string"
    return out


def records(frame: pd.DataFrame, types: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The rows of a typed frame as JSON-ready dicts (numbers, booleans, ISO dates, null where missing)."""
    types = types or types_of(frame)
    columns = {c: [json_value(v, types.get(c, "string")) for v in frame[c]] for c in frame.columns}
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)] if columns else []


def schema_frame(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """A table as its schema defines it: the typed frame without the loader's derived columns."""
    return load(table, path)[list(field_types(table, path))]
