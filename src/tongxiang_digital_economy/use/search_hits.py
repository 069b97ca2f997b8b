"""What search returns: the cells a query matches in one table's column, gathered as `Hits`, made into one frame of
table, key, column, text and source (each row's primary key as text), and counted per table and source."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import numpy as np
import pandas as pd

from ..core.paths import package_dir
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import primary_key as key_fields_of
from .search_cells import SearchedTable, as_objects
from .search_query import Query

COLUMNS = ["table", "key", "column", "text", "source_id"]


def cells_matching(table: SearchedTable, column: str, query: Query, matched: np.ndarray) -> np.ndarray:
    """Which rows' cells of `column` the query matches: by the package's TextIndex (`matched`: whether it matches
    each distinct text, by number) for a searched column, else (the `indicator` column of a theme's rows) by
    matching each distinct cell."""
    codes = table.codes.get(column)
    if codes is not None:
        by_code: np.ndarray = matched[codes]
        return by_code
    cells = table.frame[column]
    present = cells.notna().to_numpy(dtype=bool)
    values = cells.tolist()
    found = {v: query.matches(str(v)) for v in dict.fromkeys(v for v, p in zip(values, present, strict=True) if p)}
    each = [bool(p) and found[v] for v, p in zip(values, present, strict=True)]
    matching: np.ndarray = present & np.array(each, dtype=bool)
    return matching


@dataclass(frozen=True)
class Hits:
    """The rows of one table found through one column: `rows` a mask over the table, `text` each row's cell as
    written (the column's own text when not given)."""

    table: SearchedTable
    column: str
    rows: np.ndarray
    text: np.ndarray | None = None


def hits_frame(hits: list[Hits]) -> pd.DataFrame:
    """The found rows as `search` returns them (COLUMNS, all text), in the order found: one frame built at once."""
    if not hits:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    parts: dict[str, list[np.ndarray]] = {c: [] for c in COLUMNS}
    for hit in hits:
        at = np.flatnonzero(hit.rows)
        frame = hit.table.frame
        text = hit.text if hit.text is not None else as_objects(frame[hit.column])
        parts["table"].append(np.full(len(at), hit.table.name, dtype=object))
        parts["key"].append(hit.table.key[at])
        parts["column"].append(np.full(len(at), hit.column, dtype=object))
        parts["text"].append(text[at])
        source = hit.table.source
        parts["source_id"].append(source[at] if source is not None else np.full(len(at), pd.NA, dtype=object))
    return pd.DataFrame({c: np.concatenate(p) for c, p in parts.items()}).astype("string")


def primary_key(table: str, frame: pd.DataFrame, path: str | Path | None = None) -> pd.Series:
    """Each row's primary key as text (fields joined by `|`), named for the key field when there is one."""
    base = package_dir(path)
    fields = key_fields_of(table_schema(base, resource(read_descriptor(base), table)))
    if not fields:
        return pd.Series([str(i + 2) for i in range(len(frame))], index=frame.index, dtype="string", name="")
    name = fields[0] if len(fields) == 1 else ""
    if not len(frame):  # a table with a header and no rows: `agg` over no rows gives a frame, not a column
        return pd.Series([], index=frame.index, dtype="string", name=name)
    # Column by column (a row-wise `agg` cost about 40% of a search: review of the suite's time, issue 15).
    parts = [frame[f].astype("string").fillna("") for f in fields]
    key = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key.astype("string").rename(name)


class Summary(TypedDict):
    rows: dict[str, int]
    sources: list[str]


def summary(hits: pd.DataFrame) -> Summary:
    """How many rows of each table mention the text, and which sources those rows rest on."""
    rows = hits.drop_duplicates(["table", "key"])
    return {
        "rows": {str(t): int(n) for t, n in rows["table"].value_counts(sort=False).items()},
        "sources": sorted(set(hits["source_id"].dropna())),
    }
