"""Load any table of the package as a pandas DataFrame typed by its Table Schema.

Why not frictionless' `to_pandas()`: it moves the primary key into the index and turns integer columns with
gaps into floats. Here every column keeps its Table Schema type with pandas' nullable dtypes (`string`,
`Int64`, `Float64`, `boolean`, datetime64 for dates), missing values (the schema's `missingValues`) become
<NA>, the row order and a plain RangeIndex are kept (CSV row = index + 2, the header being row 1), and a value
that does not fit its type is an error naming table, row and field, never a silent coercion.

This module imports neither frictionless nor pandera, so loading stays fast and light.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd

from .descriptor import read_descriptor, resource, resource_path, table_names, table_schema
from .exceptions import LoadError
from .paths import package_dir

INTEGER = re.compile(r"^[+-]?\d+$")
INT64 = 2**63
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")


def tables(path: str | Path | None = None) -> list[str]:
    """Names of the tables in the package (the shipped one by default)."""
    return table_names(read_descriptor(path))


def load(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """Table `table` of the package at `path` (default: the shipped package) as a typed DataFrame.

    `indicators` also gets `value_base` (value × the unit's multiplier, computed in decimal so that
    37.73 billion is exactly 37730000000) and `base_unit` from the units table.
    """
    base = package_dir(path)
    descriptor = read_descriptor(base)
    res = resource(descriptor, table)
    raw = read_raw(base, res)
    frame = read_table(base, res, raw)
    if table == "indicators":
        frame = with_base_values(frame, raw, read_raw(base, resource(descriptor, "units")))
    return frame


def as_written(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """Table `table` as the exact strings of its CSV file ('' where empty): values as written, for printing."""
    base = package_dir(path)
    return read_raw(base, resource(read_descriptor(base), table))


def read_table(base: Path, res: dict[str, Any], raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """One resource as a DataFrame typed by its schema (from its CSV strings, read here unless given)."""
    schema = table_schema(base, res)
    raw = read_raw(base, res) if raw is None else raw
    missing = set(schema.get("missingValues", [""]))
    columns = {}
    for field in schema["fields"]:
        name = field["name"]
        convert = CONVERTERS.get(field.get("type", "string"))
        if convert is None:
            raise LoadError(res["name"], None, name, f"type {field.get('type')!r} is not supported by the loader")
        columns[name] = convert(res["name"], name, raw[name], missing)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))


def read_raw(base: Path, res: dict[str, Any]) -> pd.DataFrame:
    """The CSV file of a resource as strings, with its header checked against the schema's field names."""
    name = res.get("name", "?")
    path = resource_path(base, res)
    fields = [f["name"] for f in table_schema(base, res)["fields"]]
    rows: list[list[str]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, strict=True)
            rows.extend(reader)
    except FileNotFoundError:
        raise LoadError(name, None, None, f"file {path} is missing") from None
    except UnicodeDecodeError as exc:
        raise LoadError(name, None, None, f"{path} is not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    except csv.Error as exc:
        # The record being read when the error came is the one after the last complete one.
        raise LoadError(name, len(rows) + 1, None, f"{path} is not well-formed CSV: {exc}") from None
    except OSError as exc:
        raise LoadError(name, None, None, f"{path} cannot be read: {exc.strerror}") from None
    if not rows or rows[0] != fields:
        raise LoadError(name, 1, None, f"header {rows[0] if rows else []} differs from the schema's fields {fields}")
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(fields):
            raise LoadError(name, number, None, f"has {len(row)} cells, the header has {len(fields)}")
    return pd.DataFrame(rows[1:], columns=fields, dtype=object)


def as_strings(table: str, field: str, values: pd.Series, missing: set[str]) -> pd.Series:
    """Strings stay exactly as written; only the schema's missing values become <NA>."""
    return pd.Series([None if v in missing else v for v in values], dtype="string")


def parsed(
    dtype: str, check: Callable[[str], bool], parse: Callable[[str], Any], type_name: str
) -> Callable[[str, str, pd.Series, set[str]], pd.Series]:
    """A converter that parses each non-missing cell or raises LoadError at the first bad one."""

    def convert(table: str, field: str, values: pd.Series, missing: set[str]) -> pd.Series:
        out = []
        for index, value in enumerate(values):
            if value in missing:
                out.append(None)
            elif check(value):
                out.append(parse(value))
            else:
                raise LoadError(table, index + 2, field, f"{value!r} is not a valid {type_name}")
        return pd.Series(out, dtype=dtype)

    return convert


def valid_date(value: str) -> bool:
    """An ISO date that exists on the calendar (2020-02-30 does not)."""
    if not DATE.match(value):
        return False
    try:
        pd.Timestamp(value)
    except ValueError:
        return False
    return True


CONVERTERS = {
    "string": as_strings,
    "integer": parsed("Int64", lambda v: bool(INTEGER.match(v)) and abs(int(v)) < INT64, int, "integer (64-bit)"),
    "number": parsed("Float64", lambda v: bool(NUMBER.match(v)) and math.isfinite(float(v)), float, "finite number"),
    "boolean": parsed(
        "boolean", lambda v: v in TRUE_VALUES + FALSE_VALUES, lambda v: v in TRUE_VALUES, "boolean (true or false)"
    ),
    "date": parsed("datetime64[s]", valid_date, pd.Timestamp, "date (YYYY-MM-DD)"),
}


def base_value(value: str, multiplier: str | None, divisor: str = "1", denominator: str = "") -> float | None:
    """value × multiplier ÷ divisor (÷ a fraction's denominator), exact in rationals, then a float; None if unknown."""
    parts = (value or "", multiplier or "", divisor or "1", denominator or "1")
    if not all(NUMBER.match(p) for p in parts):
        return None
    number, times, over, den = (Fraction(Decimal(p)) for p in parts)
    if over == 0 or den == 0:
        return None
    return float(number * times / over / den)


def with_base_values(frame: pd.DataFrame, raw: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Add `value_base` and `base_unit` to the indicators frame, from the raw CSV strings of indicators and units."""
    multiplier = dict(zip(units["unit"], units["multiplier"], strict=True))
    divisor = dict(zip(units["unit"], units["divisor"], strict=True)) if "divisor" in units else {}
    base_unit = dict(zip(units["unit"], units["base_unit"], strict=True))
    denominators = raw["value_denominator"] if "value_denominator" in raw else pd.Series("", index=raw.index)
    frame = frame.copy()
    frame["value_base"] = pd.Series(
        [
            None if not v else base_value(v, multiplier.get(u), divisor.get(u, "1"), d)
            for v, u, d in zip(raw["value"], frame["unit"], denominators, strict=True)
        ],
        dtype="Float64",
    )
    frame["base_unit"] = pd.Series([base_unit.get(u) for u in frame["unit"]], dtype="string")
    return frame


def decimal_text(value: object) -> str | None:
    """A number as the shortest decimal text that round-trips (1890.0 → '1890', 37.73 → '37.73'); None if missing.

    This is how the CSV file writes it, so it is what evidence is matched against and what `show` prints.
    """
    if value is None or pd.isna(value):
        return None
    return format(Decimal(repr(float(value))).normalize(), "f")
