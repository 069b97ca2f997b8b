"""Load any table of the package as a pandas DataFrame typed by its Table Schema.

The reading and typing are reader.py's, the same code `validate` runs, so a table loads exactly when validation
finds no error in its cells, keys or foreign keys. Every column keeps its Table Schema type with pandas' nullable
dtypes (`string`, `Int64`, `Float64`, `boolean`, datetime64[s] for dates), missing values (the schema's
`missingValues`) become <NA>, the row order and a plain RangeIndex are kept (CSV row = index + 2, the header being
row 1). A table with bad cells raises a LoadError that lists the first few and says how many there are.

This module imports neither frictionless nor pandera, so loading stays fast and light; pandas and pyarrow are
imported on first use.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.exceptions import DescriptorError
from ..core.paths import package_dir
from ..schema.descriptor import read_descriptor, resource, resource_path, table_names, table_schema
from .kept import Kept
from .load_errors import in_row_order, load_error, load_failure

if TYPE_CHECKING:
    import pandas as pd

    from .reader import TableRead

# pandas and pyarrow (through reader.py) are imported by the functions that use them: the package's
# `__init__` imports this module, and `--help`/`--version` must not pay for them.


def tables(path: str | Path | None = None) -> list[str]:
    """Names of the tables in the package (the shipped one by default)."""
    return table_names(read_descriptor(path))


def read_resource(base: Path, res: dict[str, Any]) -> TableRead:
    """One resource through the typed reader; a schema or dialect the reader cannot honour is a DescriptorError."""
    from .reader import read_table
    from .supported import unsupported

    name = str(res.get("name"))
    schema = table_schema(base, res)
    why = unsupported(schema, res.get("dialect"), res.get("encoding"))
    if why is not None:
        raise DescriptorError(f"resource {name!r}: {why}")
    return read_table(name, resource_path(base, res), schema)


def load(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """Table `table` of the package at `path` (default: the shipped package) as a typed DataFrame.

    `indicators` also gets `value_base` (value × the unit's multiplier ÷ its divisor ÷ the row's
    value_denominator, computed exactly from the written decimals) and `base_unit` from the units table.
    """
    from ..schema.keys import foreign_keys
    from .reader import check_foreign_keys

    base = package_dir(path)
    descriptor = read_descriptor(base)
    read = read_resource(base, resource(descriptor, table))
    reads = {table: read}
    for _fields, other, _ref in foreign_keys(read.schema):
        if other and other not in reads:
            reads[other] = read_resource(base, resource(descriptor, other))
    # In the order `validate` lists them (by row), the table's own cells before the references they break (trial 6
    # r7: "first" must be the first a reader sees in `validate`).
    errors = in_row_order(read.errors) + check_foreign_keys(reads, only=table)
    if errors or read.frame is None:
        raise load_failure(table, errors, reads, lambda: every_read(base, reads))
    if table == "indicators":
        # value_base is computed from the units table: it must load too, or the base values would be guesses.
        reads.setdefault("units", read_resource(base, resource(descriptor, "units")))
        units = reads["units"]
        unit_errors = units.errors + check_foreign_keys(reads, only="units")
        if unit_errors or units.frame is None:
            raise load_failure("units", unit_errors or units.problems, reads, lambda: every_read(base, reads))
    return finished(read, reads)


def every_read(base: Path, reads: dict[str, TableRead]) -> dict[str, TableRead]:
    """`reads` with every other table of the package read too (for a failing load's causes: load_errors.py)."""
    every = dict(reads)
    for res in read_descriptor(base)["resources"]:
        if str(res.get("name")) not in every:
            every[str(res.get("name"))] = read_resource(base, res)
    return every


def finished(read: TableRead, reads: dict[str, TableRead]) -> pd.DataFrame:
    """The table's typed frame as `load()` returns it: indicators with their base values added."""
    if read.frame is None:
        raise load_error(read.name, read.errors)
    if read.name == "indicators":
        units = reads["units"]
        if read.content is None or units.content is None:
            return with_base_values(read.frame, read, units)
        frame = read.frame
        return BASE_VALUES.get((read.content, units.content), lambda: with_base_values(frame, read, units)).copy()
    return read.frame


# Indicators with their base values, by the digests of the indicators and units read (io/kept.py).
BASE_VALUES = Kept()


def as_written(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """Table `table` as the exact strings of its CSV file ('' where empty): values as written, for printing."""
    base = package_dir(path)
    read = read_resource(base, resource(read_descriptor(base), table))
    if read.text is None:
        raise load_error(table, read.errors)
    frame: pd.DataFrame = read.text.to_pandas().astype(object)
    return frame


def exact(text: object) -> Fraction | None:
    """A decimal as written in the CSV file, as an exact fraction; None when missing or not a number."""
    if not isinstance(text, str) or not text:
        return None
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        return None


@functools.lru_cache(maxsize=1 << 16)
def base_value(value: object, multiplier: object, divisor: object = "1", denominator: object = "1") -> float | None:
    """value × multiplier ÷ divisor ÷ denominator, exactly from their decimal texts, then as a float.

    None when any of them is unknown, a divisor is zero, or the product is beyond a float. 37.73 × 100000000 is
    exactly 3773000000. Kept per
    process (a pure function of four short texts): a package repeats its values, and so do its edited copies.
    """
    parts = [exact(v) for v in (value, multiplier, divisor, denominator)]
    if any(p is None for p in parts) or parts[2] == 0 or parts[3] == 0:
        return None
    v, m, d, n = parts
    try:
        return float(v * m / d / n)  # type: ignore[operator]
    except OverflowError:  # beyond the largest float (1.8e308 in 亿元): no base value, as for an unknown unit
        return None


def with_base_values(frame: pd.DataFrame, read: TableRead, units: TableRead) -> pd.DataFrame:
    """Add `value_base` and `base_unit` to the indicators frame, from the written texts of value and units.

    The exact arithmetic runs once per distinct (value, unit, denominator), not once per row.
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if units.frame is None or units.text is None or read.text is None:
        raise load_error("units", units.errors)
    unit_text = units.text.to_pandas()
    by_unit = unit_text.set_index("unit")
    by_unit = by_unit.loc[~by_unit.index.duplicated()]  # the first row of a repeated unit, as the key check reports
    # Plain dicts: a Series' get costs microseconds per call, and it runs per distinct key.
    multiplier = dict(zip(by_unit.index, by_unit["multiplier"], strict=True))
    divisor = dict(zip(by_unit.index, by_unit["divisor"], strict=True)) if "divisor" in by_unit else {}
    text = read.text
    value = pc.if_else(pa.array(frame["value"].isna().to_numpy()), "", text.column("value"))
    unit = pc.if_else(pa.array(frame["unit"].isna().to_numpy()), "", text.column("unit"))
    parts = [value, unit]
    if "value_denominator" in text.column_names:
        parts.append(text.column("value_denominator"))
    # One key per row, encoded once: the exact arithmetic runs per distinct key.
    separator = pa.scalar("\x1f", value.type)
    encoded = pc.dictionary_encode(pc.binary_join_element_wise(*parts, separator)).combine_chunks()
    computed = [
        base_value(v, multiplier.get(u), divisor.get(u, "1") or "1", (d or ["1"])[0] or "1")
        if u in multiplier
        else None
        for v, u, *d in (key.split("\x1f") for key in encoded.dictionary.to_pylist())
    ]
    codes = encoded.indices.to_numpy(zero_copy_only=False)
    values = np.array([np.nan if c is None else c for c in computed], dtype="float64")
    unknown = np.array([c is None for c in computed], dtype=bool)
    keys = units.text.column("unit")
    position = pc.index_in(unit, value_set=keys)  # the first row of a repeated unit, as the key check reports it
    base_unit = pc.take(units.text.column("base_unit"), position)
    return frame.assign(
        value_base=pd.arrays.FloatingArray(values[codes], unknown[codes]),
        base_unit=pd.array(base_unit, dtype=pd.StringDtype("pyarrow")),
    )


def decimal_text(value: object) -> str | None:
    """A number as the shortest decimal text that round-trips (1890.0 → '1890', 37.73 → '37.73'); None if missing.

    This is how the CSV file writes it, so it is what evidence is matched against and what `show` prints.
    """
    import pandas as pd

    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[call-overload]
        return None
    return format(Decimal(repr(float(value))).normalize(), "f")  # type: ignore[arg-type]
