"""Find every row that mentions a word: names, definitions, evidence, notes and aliases, in any script.

Sources write 乌镇 (simplified) or 烏鎮 (traditional) and the same town is Wuzhen in English. A search folds
both the query and each cell to simplified script with OpenCC (t2s) and to lower case, so 乌镇 finds the
烏鎮 rows and WUZHEN finds Wuzhen. Which columns are searched follows from the Table Schemas, never a list
kept here: every string column that is free text, i.e. not a key, not a foreign key and not constrained to
an enum or a pattern (identifiers and codes would match every row about a place and drown the answer).

`theme` (indicator_definitions.theme) narrows the search to the indicators and definitions of one theme:
`search("", theme="investment")` is every investment figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

import pandas as pd

from ..core.exceptions import SearchError
from ..core.paths import package_dir
from ..io.load import load, tables
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import key_columns
from ..schema.keys import primary_key as key_fields_of
from ..text.fold import casefolded as fold

COLUMNS = ["table", "key", "column", "text", "source_id"]


def text_columns(table: str, path: str | Path | None = None) -> list[str]:
    """The free-text string columns of a table, read from its Table Schema."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    keys = key_columns(schema)
    return [
        f["name"]
        for f in schema["fields"]
        if f.get("type", "string") == "string"
        and f["name"] not in keys
        and not {"enum", "pattern"} & set(f.get("constraints", {}))
    ]


def themes(path: str | Path | None = None) -> list[str]:
    """The indicator themes, as the schema of indicator_definitions lists them."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), "indicator_definitions"))
    return list(next(f for f in schema["fields"] if f["name"] == "theme")["constraints"]["enum"])


def search(text: str, theme: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Every cell that contains `text` (scripts and case folded): one row per table, row key and column.

    Columns: `table`, `key` (the row's primary key, joined by `|` when it has several fields), `column`,
    `text` (the cell as written) and `source_id` (the source the row rests on, where the table has one).
    An empty `text` matches every row (useful with `theme`).
    """
    if theme is not None and theme not in themes(path):
        raise SearchError(f"no theme {theme!r}; the themes are: {', '.join(themes(path))}")
    wanted = fold(text.strip())
    in_theme: set[str] | None = None
    if theme is not None:
        definitions = load("indicator_definitions", path)
        in_theme = set(definitions.loc[definitions["theme"] == theme, "indicator"])
    hits = []
    for table in tables(path):
        frame = load(table, path)
        if in_theme is not None:
            if "indicator" not in frame.columns:
                continue
            frame = frame[frame["indicator"].isin(in_theme)]
        key = primary_key(table, frame, path)
        columns = text_columns(table, path) or list(frame.columns[:1])
        if in_theme is not None:
            columns = ["indicator", *columns]
        for column in columns:
            cells = frame[column].dropna()
            found = cells[[wanted in fold(str(v)) for v in cells]]
            if not len(found):
                continue
            hits.append(
                pd.DataFrame(
                    {
                        "table": table,
                        "key": key[found.index],
                        "column": column,
                        "text": found,
                        "source_id": frame.loc[found.index, "source_id"] if "source_id" in frame else pd.NA,
                    }
                )
            )
    if not hits:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    everything: pd.DataFrame = pd.concat(hits, ignore_index=True).astype("string")
    if in_theme is not None:  # one row per matching row, not per column, when listing a theme
        everything = everything.drop_duplicates(subset=["table", "key"])
    return everything.reset_index(drop=True)


def primary_key(table: str, frame: pd.DataFrame, path: str | Path | None = None) -> pd.Series:
    """Each row's primary key as text (fields joined by `|`)."""
    base = package_dir(path)
    fields = key_fields_of(table_schema(base, resource(read_descriptor(base), table)))
    if not fields:
        return pd.Series([str(i + 2) for i in range(len(frame))], index=frame.index, dtype="string")
    return frame[fields].astype("string").fillna("").agg("|".join, axis=1)


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
