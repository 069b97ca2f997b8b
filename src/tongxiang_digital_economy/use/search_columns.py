"""Which columns and rows search looks at, read from the Table Schemas and the lexicon's categories, never a list
of columns kept in code.

Every string column that is free text is searched: not a key, not a foreign key and not constrained to an enum or a
pattern (identifiers and codes would match every row about a place and drown the answer); the `number` columns are
matched by value. The lexicon's rows that only tell search how to read a query are not searched.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..core.paths import package_dir
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import key_columns


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


def number_columns(table: str, path: str | Path | None = None) -> list[str]:
    """The columns of type `number` of a table, read from its Table Schema: the measured values (a figure's `value`
    and `value_upper`, a unit's multiplier), which a number query matches by value. An `integer` column is a year,
    an edition or a divisor: 2019 as a number would be every figure of that year, which its text cells find."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    return [f["name"] for f in schema["fields"] if f.get("type") == "number"]


def themes(path: str | Path | None = None) -> list[str]:
    """The indicator themes, as the schema of indicator_definitions lists them."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), "indicator_definitions"))
    return list(next(f for f in schema["fields"] if f["name"] == "theme")["constraints"]["enum"])


# The lexicon's categories that only search reads (search_lexicon: search_term, search_filler, search_place_word):
# notes on how a query is read, not data a reader searches for; `search gdp` listed two of them first (trial 10 m8).
SEARCH_ONLY = (
    "search_term",
    "search_filler",
    "search_place_word",
    "search_year_word",
    "search_connective",
    "search_gloss_end",
    "search_possessive",
)


def searchable(name: str, frame: pd.DataFrame) -> np.ndarray:
    """The rows of a table that search looks at: all, but the lexicon's search-only rows (SEARCH_ONLY)."""
    if name == "lexicon" and "category" in frame.columns:
        return ~frame["category"].isin(SEARCH_ONLY).to_numpy(dtype=bool)
    return np.ones(len(frame), dtype=bool)
