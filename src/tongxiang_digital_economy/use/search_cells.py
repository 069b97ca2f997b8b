"""The package as search reads it, built once per package's bytes: every table's searched cells folded and indexed.

Why: a query used to fold and match every distinct cell of every searched column (about 5,000 texts), word by
word in Python, and to re-read the schemas, keys and groups of figures it needed, so one query cost 0.2-0.3 s
warm and the suite's searches were a fifth of its time (issue 15). What a cell folds to does not depend on the
query, so it is done once: each distinct cell text is folded once, and an inverted index (`TextIndex`) says which
texts hold each character, each English word's singular and each word's root. A query then matches in full only
the texts that can match it (`TextIndex.could_match`: a superset of those that do, by the same rule as
search_words.form_matches), so its answer is the same and its work is its candidates' (`TextIndex.checked` counts
it; tests/test_search_index.py holds it to them).

`searched(path)` keeps one `SearchedPackage` per digest of the descriptor and of every table's bytes and schema
(io.kept.package_digest, of the digests the reader keeps its reads under; never a path or a modification time), so an
edited copy is read afresh and an unchanged package is not. Its frames are never handed out: `search` returns new
frames built from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..core.paths import package_dir
from ..io.kept import Kept, package_digest
from ..io.load import finished, read_resource
from ..io.load_errors import load_failure
from ..io.reader import check_foreign_keys
from ..schema.descriptor import read_descriptor, table_schema
from ..schema.keys import key_columns
from ..schema.keys import primary_key as key_fields_of
from .search_words import TextIndex


@dataclass
class SearchedTable:
    """One table as search reads it: its frame, each row's key, its searched columns, and each searched cell as
    the number of its distinct text in the package's TextIndex (-1 where the cell is missing)."""

    name: str
    frame: pd.DataFrame
    key: np.ndarray  # each row's primary key as text (object array; see search_hits.primary_key)
    key_name: str
    columns: list[str]  # the free-text columns searched (search_columns.text_columns), or the first column
    numbers: list[str]  # the `number` columns a number query matches by value
    codes: dict[str, np.ndarray] = field(default_factory=dict)
    written: dict[str, np.ndarray] = field(default_factory=dict)  # each searched cell as text (`astype("string")`)
    source: np.ndarray | None = None  # each row's source_id (object array), where the table has one


@dataclass
class SearchedPackage:
    """Every table read for search, its cells indexed (TextIndex), kept per package's bytes (see `searched`)."""

    frames: dict[str, pd.DataFrame]
    tables: dict[str, SearchedTable]
    texts: tuple[str, ...]  # each distinct text of the searched cells (SearchedTable.codes number them)
    cells: TextIndex  # the same texts, folded and indexed
    themes: list[str]
    numbers: dict[Decimal, list[int]] | None = None  # the texts by the numbers they write (search_numbers), on use


def every_table(path: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table, typed, each file read once (a search looks at all of them): a LoadError as `load` gives it."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    reads = {str(res["name"]): read_resource(base, res) for res in descriptor["resources"]}
    broken = check_foreign_keys(reads)
    frames = {}
    for name, read in reads.items():
        errors = read.errors + [p for p in broken if p.table == name]
        if errors or read.frame is None:
            raise load_failure(name, errors, reads, lambda: reads)
        frames[name] = finished(read, reads)
    return frames


def as_objects(column: pd.Series) -> np.ndarray:
    """A column as an object array, a missing cell as pd.NA (what `astype("string")` makes of it)."""
    return np.asarray(column.astype("string").astype(object), dtype=object)


def searched_package(base: Path, frames: dict[str, pd.DataFrame]) -> SearchedPackage:
    """Index the frames of the package at `base` for search (see the module docstring)."""
    descriptor = read_descriptor(base)
    schemas = {str(r["name"]): table_schema(base, r) for r in descriptor["resources"]}
    texts: dict[str, int] = {}
    tables: dict[str, SearchedTable] = {}
    for name, frame in frames.items():
        schema = schemas[name]
        keys = key_columns(schema)
        columns = [
            f["name"]
            for f in schema["fields"]
            if f.get("type", "string") == "string"
            and f["name"] not in keys
            and not {"enum", "pattern"} & set(f.get("constraints", {}))
        ] or list(frame.columns[:1])
        numbers = [f["name"] for f in schema["fields"] if f.get("type") == "number"]
        fields = key_fields_of(schema)
        if not fields:
            key = np.array([str(i + 2) for i in range(len(frame))], dtype=object)
        else:
            joined = frame[fields[0]].astype("string").fillna("")
            for f in fields[1:]:
                joined = joined + "|" + frame[f].astype("string").fillna("")
            key = np.asarray(joined.astype(object), dtype=object)
        table = SearchedTable(
            name,
            frame,
            key,
            fields[0] if len(fields) == 1 else "",
            columns,
            numbers,
            source=as_objects(frame["source_id"]) if "source_id" in frame.columns else None,
        )
        for column in columns:
            cells = frame[column]
            present = cells.notna().to_numpy(dtype=bool)
            codes = np.full(len(frame), -1, dtype=np.int64)
            codes[present] = [texts.setdefault(str(v), len(texts)) for v in cells[present].tolist()]
            table.codes[column] = codes
            table.written[column] = as_objects(cells)
        tables[name] = table
    indicator_definitions = schemas.get("indicator_definitions", {"fields": []})
    theme: dict[str, Any] = next((f for f in indicator_definitions["fields"] if f["name"] == "theme"), {})
    themes = list(theme.get("constraints", {}).get("enum", []))
    return SearchedPackage(frames, tables, tuple(texts), TextIndex.of(texts), themes)


KEPT = Kept(8)  # a few packages: a test suite searches the shipped package and edited copies of it


def searched(path: str | Path | None = None) -> SearchedPackage:
    """The package at `path` read and indexed for search, once per package's bytes (see the module docstring);
    a LoadError as `load` gives it."""
    base = package_dir(path)
    digest = package_digest(base)
    if digest is not None and (kept := KEPT.find(digest)) is not None:
        assert isinstance(kept, SearchedPackage)
        return kept
    made = searched_package(base, every_table(base))
    if digest is not None:
        KEPT.put(digest, made)
    return made
