"""Joins along the foreign keys the Table Schemas declare: each table's rows with the rows they refer to.

Why this exists: a rule such as "the unit measures what the indicator measures" needs columns of three tables.
The joins follow the foreign keys the Table Schemas declare, never joins written out by hand: a rule names the
columns it needs as `field.column` (`unit.dimension`: the `dimension` of the row that `unit` refers to), and
the view gets them as `unit__dimension`, by one hash join by position per foreign key.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..core.exceptions import TDEError
from ..core.paths import package_dir
from ..io.arrays import arrow_of, with_columns
from ..schema.descriptor import read_descriptor, resource, table_names, table_schema
from ..schema.keys import foreign_keys as declared
from .column_keys import KEPT_ROWS, by_arrays

ForeignKeys = dict[str, dict[str, tuple[str, str]]]  # table -> field -> (referenced table, referenced field)


def join_keys(schemas: dict[str, dict[str, Any]]) -> ForeignKeys:
    """The single-field foreign keys the tables' schemas declare (read by the reader's one parser of them)."""
    out: ForeignKeys = {}
    for name, schema in schemas.items():
        for fields, other, ref_fields in declared(schema):
            if len(fields) == 1 and len(ref_fields) == 1:
                out.setdefault(name, {})[fields[0]] = (other or name, ref_fields[0])
    return out


def foreign_keys(path: str | Path | None = None) -> ForeignKeys:
    """The single-field foreign keys of the package at `path`, its schemas read from their files."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    schemas = {}
    for name in table_names(descriptor):
        try:
            schemas[name] = table_schema(base, resource(descriptor, name))
        except TDEError:  # a broken schema is reported by the structure layer; its table's joins are left out
            continue
    return join_keys(schemas)


def keyed(frame: pd.DataFrame, key: str) -> tuple[pd.Index, np.ndarray]:
    """The distinct keys of `frame` (missing ones left out) and, for each, the position of its first row (the key
    rules report a repeated key): a join's look-up, made without copying the frame's other columns."""
    index = pd.Index(frame[key])
    first = ~index.duplicated() & index.notna()
    return index[first], np.flatnonzero(first)


def with_joins(
    table: str,
    frame: pd.DataFrame,
    needs: Iterable[str],
    sources: dict[str, pd.DataFrame],
    keys: ForeignKeys,
    looked_up: dict[tuple[str, str], tuple[pd.Index, np.ndarray]] | None = None,
) -> pd.DataFrame:
    """`frame` with each needed `field.column` of the referenced table added as `field__column`.

    `looked_up`: each referenced table's keys, made once however many tables (one views() call) refer to it."""
    added: dict[str, pd.Series] = {}
    indexed = {} if looked_up is None else looked_up  # each referenced table keyed once, not once per column
    positions_of: dict[tuple[str, str, str], np.ndarray] = {}  # each foreign key's rows looked up once
    columns: dict[tuple[str, str], pd.Series] = {}  # each column taken once (pandas makes a Series on every `[]`)

    def column_of(name: str, of: pd.DataFrame, label: str) -> pd.Series:
        if (label, name) not in columns:
            columns[(label, name)] = of[name]
        return columns[(label, name)]

    for need in sorted(set(needs)):
        field, _, column = need.partition(".")
        target, ref_field = keys.get(table, {}).get(field, (None, None))
        if target is None or target not in sources or column not in sources[target].columns:
            continue
        referring = column_of(field, frame, "")
        referred = column_of(str(ref_field), sources[target], target)
        # A hash join by position: the referenced column keeps its own type, <NA> where nothing is referred to.
        if (field, target, str(ref_field)) not in positions_of:
            positions_of[(field, target, str(ref_field))] = join_positions(
                referring, (target, sources[target]), str(ref_field), indexed, referred
            )
        positions = positions_of[(field, target, str(ref_field))]
        taken = column_of(column, sources[target], target)
        take = functools.partial(taken.array.take, positions, allow_fill=True)
        arrows = [arrow_of(c) for c in (referring, referred, taken)]
        # The same arrays as a join made before: the same taken array (a copy shares it), whose keys are kept; a
        # table too large to keep answers for (column_keys.KEPT_ROWS) keeps no joins either.
        kept = len(frame) <= KEPT_ROWS and all(a is not None for a in arrows)
        if kept:
            values = by_arrays("join", arrows, take).copy()
        else:
            values = shared_texts(taken, positions) if isinstance(taken.dtype, pd.StringDtype) else take()
        added[f"{field}__{column}"] = pd.Series(values, index=frame.index, name=f"{field}__{column}")
    return with_columns(frame, added)


def shared_texts(taken: pd.Series, positions: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """The referenced rows' texts at `positions` (-1: <NA>), each row pointing to its referenced row's one Python
    string, not a copy of it: a frame too large to keep joins for (column_keys.KEPT_ROWS).

    Why: an Arrow `take` copies each text into every row that refers to it; a project's part names and aliases,
    ~400 bytes, were 69 of the 110 MiB of joined columns at 10^5 `shifted` rows (~0.7 GiB at 10^6), for a table of a
    few hundred rows. Pointers cost 8 bytes a row, whatever the text. The type is still pandas' string (stored as
    Python strings): the rules read it as before, and a report is the same (tests/test_scale_memory.py)."""
    dtype = taken.dtype
    assert isinstance(dtype, pd.StringDtype)  # with_joins calls it on texts only
    values = np.empty(len(taken) + 1, dtype=object)
    values[:-1] = taken.astype(object).to_numpy()
    values[-1] = dtype.na_value  # where a row refers to nothing (position -1)
    shared: pd.api.extensions.ExtensionArray = pd.array(
        values[positions], dtype=pd.StringDtype("python", na_value=dtype.na_value)
    )
    return shared


def join_positions(
    referring: pd.Series,
    target: tuple[str, pd.DataFrame],
    ref_field: str,
    indexed: dict[tuple[str, str], tuple[pd.Index, np.ndarray]],
    referred: pd.Series | None = None,
) -> np.ndarray:
    """The row of the `target` table (its name and frame) each value of `referring` refers to by `ref_field` (its
    first row of that key; -1 where it refers to nothing), made once per pair of Arrow arrays (column_keys.by_arrays)
    where both columns are; `indexed`: each referenced table's keys, made once per views() call; `referred`: the
    target's `ref_field` column, if the caller has taken it."""
    name, table = target

    def positions() -> np.ndarray:
        if (name, ref_field) not in indexed:
            indexed[(name, ref_field)] = keyed(table, ref_field)
        distinct, rows = indexed[(name, ref_field)]
        found = distinct.get_indexer(pd.Index(referring.astype(object).where(referring.notna(), None)))
        made = np.full(len(found), -1, dtype=np.intp)  # -1: refers to nothing (also when nothing is there)
        hit = found >= 0
        made[hit] = rows[found[hit]]
        made.flags.writeable = False  # kept and shared: nobody may change it
        return made

    arrows = [arrow_of(referring), arrow_of(table[ref_field] if referred is None else referred)]
    kept = len(referring) <= KEPT_ROWS and all(a is not None for a in arrows)
    return by_arrays("positions", arrows, positions) if kept else positions()


def tables_lacking(
    table: str, needs: Mapping[str, Collection[str]], keys: ForeignKeys, loaded: Collection[str]
) -> set[str]:
    """The tables `table`'s rules read through its foreign keys (`needs`) that did not load: views() leaves such a
    table out, and the validation says which (validation.run_rules), never silently (trial 16 W3)."""
    read = {keys.get(table, {}).get(n.partition(".")[0], ("", ""))[0] for n in needs.get(table, [])}
    return read - {""} - set(loaded)
