"""Tables with their meaning attached: descriptions, units and the citation in `df.attrs`, and sources joined.

A DataFrame alone forgets what its columns mean. `load` here is the loader's `load` plus `df.attrs` filled from
the Table Schema (the one place that describes each column) and from datapackage.json (title, licence,
citation), so a user never has to open the data dictionary to read a column. `with_sources` answers "where
does this figure come from?" in one step by joining the `sources` row each fact row cites.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import TDEError, WhereError
from ..core.paths import package_dir
from ..core.suggest import did_you_mean, suggested
from ..io.cell_types import describe as describe_type
from ..io.cell_types import fits, scalar
from ..io.load import as_written, decimal_text, tables
from ..io.load import load as load_typed
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import foreign_keys, primary_key
from ..text.fold import casefolded
from ..text.periods import iso_days
from . import citations
from .citation_formats import as_text as citation_text

# The columns of `sources` that say where a figure comes from, in the order they are added.
SOURCE_COLUMNS = ("title", "publisher", "published", "grade", "url")


def describe(table: str, path: str | Path | None = None) -> dict[str, Any]:
    """What `df.attrs` holds for `table`: its title, description, column descriptions, licence and citation."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    res = resource(descriptor, table)
    schema = table_schema(base, res)
    cite = citations.citation(base)
    return {
        "table": table,
        "title": res.get("title", table),
        "description": res.get("description", ""),
        "columns": {f["name"]: f.get("description", "") for f in schema["fields"]},
        "types": {f["name"]: f.get("type", "string") for f in schema["fields"]},
        "primary_key": primary_key(schema),
        "licenses": [lic.get("name", "") for lic in descriptor.get("licenses", []) if isinstance(lic, dict)],
        "citation": citation_text(cite),
        "version": cite["version"],
    }


def load(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """Table `table` as a typed DataFrame (see load.load), its meaning in `df.attrs`.

    `df.attrs["columns"]` maps each column to its description, `df.attrs["units"]` (tables with a `unit`
    column) maps each unit id used to its label, and `df.attrs["citation"]` says how to cite this version.
    """
    frame = load_typed(table, path)
    attrs = describe(table, path)
    if table == "indicators":
        attrs["columns"]["value_base"] = "`value` in `base_unit` (value × multiplier ÷ divisor), computed on load."
        attrs["columns"]["base_unit"] = "The base unit of the row's unit (units.base_unit), computed on load."
    if "unit" in frame.columns:
        units = load_typed("units", path)
        label = dict(zip(units["unit"], units["label"], strict=True))
        attrs["units"] = {u: label.get(u, u) for u in sorted(frame["unit"].dropna().unique())}
    frame.attrs.update(attrs)
    return frame


def load_all(path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the package, by name, each with its `attrs` (see `load`)."""
    return {table: load(table, path) for table in tables(path)}


def with_sources(frame: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """`frame` (any table with a `source_id` column) with its source's title, publisher, date, grade and URL.

    The columns are added as `source_title`, `source_publisher`, `source_published`, `source_grade` and
    `source_url`; rows, their order and the index are kept.
    """
    if "source_id" not in frame.columns:
        raise TDEError("the table has no source_id column, so it has no source to join")
    sources = load_typed("sources", path).set_index("source_id")[list(SOURCE_COLUMNS)]
    out = frame.copy()
    for column in SOURCE_COLUMNS:
        out[f"source_{column}"] = frame["source_id"].map(sources[column]).astype(sources[column].dtype)
    return out


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text the CSV file would hold (numbers as written, dates ISO, missing empty)."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = iso_days(values)  # 0001-01-01, never 1-01-01
        elif pd.api.types.is_float_dtype(values):
            out[column] = [decimal_text(v) for v in values]
        elif pd.api.types.is_bool_dtype(values):
            out[column] = values.map({True: "true", False: "false"})
        else:
            out[column] = values.astype("string")
    return out.fillna("")


def select(table: str, where: Iterable[tuple[str, str]] = (), path: str | Path | None = None) -> pd.DataFrame:
    """The rows of `table` (typed, as `load`) whose columns hold the values given, each written as a CSV cell.

    All pairs must hold (AND). A value is compared in its column's type, so 6800.0 is the number 6800 and +2023
    the year 2023; a string column compares the text as written; an empty value selects the rows where the
    column is missing. A column the table lacks, a value its type cannot read or a string not among its enum is
    a WhereError naming the column: a filter that could match nothing is refused rather than answered "none".
    `show --where COLUMN=VALUE` is this function.
    """
    frame = load(table, path)
    base = package_dir(path)
    fields = {f["name"]: f for f in table_schema(base, resource(read_descriptor(base), table))["fields"]}
    written = as_written(table, path)
    keep = pd.Series(True, index=frame.index)
    for column, wanted in where:
        if column not in frame.columns:
            hint = did_you_mean(column, frame.columns)
            raise WhereError(f"{table} has no column {column!r}; {hint}its columns: {', '.join(frame.columns)}")
        field = fields.get(column, {})
        if wanted and field and not fits(field, wanted):  # empty: the rows where it is missing
            raise WhereError(f"{wanted!r} is not of the type of {table}.{column}: {describe_type(field)}")
        allowed = [str(v) for v in field.get("constraints", {}).get("enum", [])]
        kind = field.get("type", "string")
        if wanted and allowed and kind == "string" and wanted not in allowed:
            hint = did_you_mean(wanted, allowed)
            raise WhereError(f"{wanted!r} is not a value of {table}.{column}: {hint}one of {', '.join(allowed)}")
        if not wanted or kind == "string":
            cells = written[column] if column in written.columns else as_text(frame[[column]])[column]
            keep &= (cells.fillna("") == wanted).to_numpy()
        else:  # typed: 6800.0 is the number 6800, +2023 the year 2023
            keep &= (frame[column] == scalar(field, wanted)).fillna(False).astype(bool).to_numpy()
    return frame[keep.to_numpy()]


NAME_COLUMNS = ("name", "name_zh", "legal_name", "aliases")  # the columns that name a row (aliases: `|`-joined)


NEAR = 0.01  # a number within 1% of the one asked for is the one meant (1347 for 1347.1); farther is another figure


def nearest_number(wanted: str, candidates: list[str]) -> str | None:
    """The candidate nearest `wanted` by size, if it lies within NEAR of it; None when `wanted` is no finite number
    or no value is that close."""
    try:
        asked = float(wanted)
    except ValueError:
        return None
    values = []
    for candidate in candidates:
        with contextlib.suppress(ValueError):
            values.append((abs(float(candidate) - asked), candidate))
    if not math.isfinite(asked) or not values:
        return None
    distance, closest = min(values)
    return closest if distance <= NEAR * abs(asked) else None


def where_hint(table: str, where: Iterable[tuple[str, str]], path: str | Path | None = None) -> str:
    """For a `select` that matched no row: `did you mean place_id='wuzhen'?` where a text value names one value of
    its column in another case or script or in a close spelling, or, for a foreign key, one row of the table it
    refers to by its id or a name (`place_id=Wuzhen` and `place_id=乌镇` mean wuzhen); "" when no value is so named
    (core.suggest)."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    written = as_written(table, path)
    targets = {fk.fields[0]: fk for fk in foreign_keys(schema) if len(fk.fields) == 1 and fk.resource}
    hints = []
    for column, wanted in where:
        if not wanted or column not in written.columns:
            continue
        candidates = [str(v) for v in written[column].dropna().unique()]
        names: dict[str, list[str]] = {}
        fk = targets.get(column)
        if fk is not None:
            other = as_written(fk.resource, path)
            key = fk.ref_fields[0]
            candidates = [str(v) for v in other[key].dropna().unique()]
            for row in other[[key, *[c for c in NAME_COLUMNS if c in other.columns]]].itertuples(index=False):
                names[str(row[0])] = [n for v in row[1:] if isinstance(v, str) for n in v.split("|")]
        kind = next((f.get("type") for f in schema["fields"] if f["name"] == column), "string")
        if kind == "integer" and fk is None:
            found = None  # another year, edition or rank is another thing, however its digits are spelt
        elif kind == "number" and fk is None:
            found = nearest_number(wanted, candidates)  # by size, never by spelling: 1e308 is not 130 (trial 14 m6)
        else:
            found = suggested(wanted, candidates, names, casefolded)
        if found is not None and found != wanted:
            hints.append(f"{column}={found}")
    return f"did you mean {' '.join(f'--where {h}' for h in hints)}?" if hints else ""
