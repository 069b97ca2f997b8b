"""The typed reader: one CSV file to one typed DataFrame and every cell that does not fit its Table Schema.

Both `load()` and `validate()` read tables through `read_table`, so what "loads" and what is "valid" are decided by
the same code. It is schema-driven (nothing here names a table or a column) and vectorised:

1. The header is read on its own and compared with the schema's field names; a header that differs stops the
   table with one clear problem (a swapped pair of columns would otherwise give hundreds of shifted errors).
2. pyarrow's CSV reader parses the file with every column as text (no inference, no missing-value guessing).
   When it cannot (a row with the wrong number of cells, a blank line, bytes that are not UTF-8, an unclosed
   quote), the file is parsed again by the standard library, slowly, to say exactly which record and field is
   wrong; the records stay in place, so row N of the frame is CSV row N + 2 (the header is row 1) either way.
   Records end at LF, CRLF or a lone CR outside quotes (as the standard library's csv, and so frictionless, reads
   them); a CR or LF inside a quoted cell is the cell's text on both paths.
3. Each field's text is checked and converted per its Table Schema type, format, missing values and constraints
   with pyarrow compute kernels; a cell that fails becomes <NA> in the frame and a Problem in the list.
4. Primary keys and `unique` fields are checked on the typed columns; foreign keys by `check_foreign_keys` once
   the referenced tables are read too.

Only what is implemented is accepted: a schema with a type, format or property outside SUPPORTED is refused with
a `schema-unsupported` problem (a DescriptorError for `load()`), never half-read. Numbers are stricter than
frictionless: ASCII digits only, no surrounding spaces, no NaN or infinity (a 1e309 overflows to infinity).

Each step has its module, and this one puts them together (`type_table`) and keeps the reads (`read_table`) and
the foreign keys, which are checked across reads: the header and the records as text in io/csv_text.py, a
column's type and constraints in io/cell_types.py, control characters and formula cells in io/cell_checks.py,
primary keys and `unique` fields in io/key_checks.py, what is supported in io/supported.py, how a cell's problem
is said in io/cell_problems.py, the memory pool a read runs in in io/memory_pool.py.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..core import problems as P
from ..core.paths import LOOPS, loops, printable
from ..core.report import Problem, a_or_an, problem
from ..schema.keys import foreign_keys
from .arrays import arrow_of
from .cell_checks import CONTROL_SAID, control_cells, controls_in, formula_cells
from .cell_problems import cells, excerpt, literal, suggester
from .cell_types import PANDAS_TYPES, check_constraints, describe, empty, required_fault, type_column, with_nulls
from .csv_text import TEXT, header_problem, read_fast, read_header, read_slow, unreadable_header
from .kept import Kept, file_digest
from .key_checks import key_problems
from .memory_pool import in_reading_pool


@dataclass
class TableRead:
    """What reading one table gave: its text, its typed frame (bad cells as <NA>) and its problems.

    `frame` and `text` are None when the rows could not be read at all (missing file, header mismatch); `broken`
    is True when the table has structural problems, so rules on it would report on shifted or missing rows.
    """

    name: str
    schema: dict[str, Any]
    frame: pd.DataFrame | None
    text: pa.Table | None
    problems: list[Problem] = field(default_factory=list)
    broken: bool = False
    # A digest of the file's bytes, the table's name and its schema (what the read is a function of); None when
    # the read was not kept (io/kept.py). Work on the read is kept under it: foreign keys, base values.
    content: bytes | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def copy(self, schema: dict[str, Any]) -> TableRead:
        """The read with a frame and problem list of its own (the Arrow text is immutable, so it is shared)."""
        frame = None if self.frame is None else self.frame.copy()
        return TableRead(self.name, schema, frame, self.text, list(self.problems), self.broken, self.content)


# Tables read in this process, by the digest of their bytes, name and schema (io/kept.py).
READS = Kept()


def read_table(name: str, path: Path, schema: dict[str, Any]) -> TableRead:
    """Read and type one table: the TableRead with its frame and every problem of its cells and keys.

    A file whose bytes (and schema) were read before in this process is not read again: the kept read is copied.
    """
    if not path.is_file():
        what = LOOPS if loops(path) else "is missing" if not path.exists() else "is not a file"
        return TableRead(
            name, schema, None, None, [problem(P.SCHEME_ERROR, name, None, None, f"{printable(path)} {what}")], True
        )
    content = file_digest(path, name, schema)
    kept = READS.find(content) if content is not None else None
    if kept is None:
        with in_reading_pool():
            kept = read_file(name, path, schema)
        if kept.frame is None or content is None:
            return kept  # a file whose rows could not be read (its problems may name its path) is not kept
        kept.content = content
        share_unchanged_columns(kept)
        READS.put(content, kept)
    assert isinstance(kept, TableRead)
    return kept.copy(schema)


def share_unchanged_columns(read: TableRead) -> None:
    """Give the read's frame the very Arrow arrays of the last kept read of its table where a column's values and
    type are the same (an edit of one cell changes one column).

    Why: what is made of a column (its values, its key) is kept per Arrow array (semantics/column_keys.by_array), so
    the columns an edit did not touch are not turned into Python values and keyed again by the next validation.
    Equality is Arrow's own, of the values and the type; the frame's values are the same either way."""
    if read.frame is None:
        return
    frame = read.frame
    before = next(
        (
            r.frame
            for r in reversed(READS.answers.values())
            if isinstance(r, TableRead) and r.name == read.name and r.frame is not None and len(r.frame) == len(frame)
        ),
        None,
    )
    if before is None:
        return
    shared = {}
    for column in frame.columns:
        if column not in before.columns or before[column].dtype != frame[column].dtype:
            continue
        old, new = (arrow_of(f[column]) for f in (before, frame))
        if old is not None and new is not None and old is not new and old.equals(new):
            shared[column] = before[column].array
    if shared:
        read.frame = frame.assign(**shared)


def read_file(name: str, path: Path, schema: dict[str, Any]) -> TableRead:
    """read_table's work on a file that exists."""
    names = [f["name"] for f in schema["fields"]]
    header = read_header(path)
    if header is not None and header != names:
        if not header or header == [""]:
            empty = problem(
                P.SOURCE_ERROR, name, None, None, f"{printable(path)} is empty: it needs at least the header"
            )
            return TableRead(name, schema, None, None, [empty], True)
        return TableRead(name, schema, None, None, [header_problem(name, header, names)], True)
    if header is None:
        # The header itself is not UTF-8 or not well-formed CSV: say so, once, and read no rows.
        return TableRead(name, schema, None, None, [unreadable_header(name, path)], True)
    text = read_fast(path, names)
    if text is not None:
        bad = np.zeros(text.num_rows, dtype=bool)
        found: list[Problem] = []
    else:
        try:
            text, bad, found = read_slow(name, path, names)
        except OSError as exc:
            return TableRead(name, schema, None, None, [problem(P.SOURCE_ERROR, name, None, None, str(exc))], True)
    frame, cell_problems = type_table(name, schema, text, bad)
    found += cell_problems
    return TableRead(name, schema, frame, text, found, broken=bool(bad.any()))


def type_table(
    name: str, schema: dict[str, Any], text: pa.Table, bad: np.ndarray
) -> tuple[pd.DataFrame, list[Problem]]:
    """The typed frame (cells that do not fit are <NA>) and the problems of every cell, key and unique field."""
    missing_values = schema.get("missingValues", [""])
    columns: dict[str, pa.ChunkedArray] = {}
    found: list[Problem] = []
    # A row whose every cell is empty is blank (pyarrow reads an empty line so; so does `,,,,`), as frictionless says.
    blank = ~bad
    for column in text.columns:
        if not blank.any():
            break
        blank &= empty(column)
    found += [problem(P.BLANK_ROW, name, int(i) + 2, None, "the row is blank: delete it") for i in blank.nonzero()[0]]
    bad = bad | blank
    valid = ~bad
    reported: dict[str, np.ndarray] = {}  # per field, the rows whose cell was refused
    for f in schema["fields"]:
        fname, kind = f["name"], f.get("type", "string")
        col = text.column(fname)
        if missing_values == [""]:
            missing = empty(col) | bad
        else:
            missing = np.asarray(pc.is_in(col, pa.array(missing_values, TEXT)), dtype=bool) | bad
        typed, wrong = type_column(f, col, missing)
        found += cells(name, fname, col, wrong, P.TYPE_ERROR, f"{{cell}} is not a valid {describe(f)}")
        present = ~missing & ~wrong
        if f.get("constraints", {}).get("required"):
            said = literal(required_fault(f))  # what to fill in, as a wrong value is told (trial 17 m2)
            found += cells(name, fname, col, missing & valid, P.CONSTRAINT_ERROR, said)
        failing = wrong.copy()
        for mask, template, hint in check_constraints(name, f, col, typed, present):
            found += cells(name, fname, col, mask, P.CONSTRAINT_ERROR, template, hint)
            failing |= mask
        if kind == "string":  # trial 16 m4: a NUL in a name passed, and a message printed it raw
            controls = control_cells(col) & present & ~failing  # one error per cell: a refused cell says so once
            if controls.any():
                found += cells(name, fname, col, controls, P.CONTROL_CHARACTER, CONTROL_SAID, controls_in)
                failing |= controls
        if kind == "string" and f.get("format", "default") == "default":
            formula = formula_cells(col)
            found += cells(
                name,
                fname,
                col,
                formula & present,
                P.FORMULA_CELL,
                "{cell} starts like a spreadsheet formula; a spreadsheet opening the CSV would run it: "
                "reword it or prefix it with an apostrophe",
            )
        reported[fname] = failing  # a cell refused for its type or a constraint (an empty one is a missing key)
        columns[fname] = with_nulls(typed, failing & ~missing) if failing.any() else typed
    frame = pa.table(columns).to_pandas(types_mapper=PANDAS_TYPES.get)
    frame.index = pd.RangeIndex(len(frame))
    if len(frame) == 0:
        found.append(problem(P.TABLE_EMPTY, name, None, None, "the table has a header and no rows"))
    found += key_problems(name, schema, frame, valid, reported)
    return frame, found


def check_foreign_keys(reads: dict[str, TableRead], only: str | None = None) -> list[Problem]:
    """Every value of a foreign key that the referenced table's key fields do not have (missing values pass).

    `only`: the foreign keys of that table alone (`load` asks of one table; the others' keys are not its errors)."""
    found: list[Problem] = []
    for name, read in reads.items():
        if read.frame is None or (only is not None and name != only):
            continue
        for fields, resource, ref_fields in foreign_keys(read.schema):
            target = reads.get(resource or name)
            if target is None or target.frame is None:
                continue  # the referenced table is missing or unreadable: reported on its own
            key = (read.content, tuple(fields), resource or name, target.content, tuple(ref_fields))
            kept = ORPHANS.find(key) if read.content is not None and target.content is not None else None
            if kept is None and read.content is not None and target.content is not None:
                # A file edited where no key is (a note): the key's own values are those read before.
                mine, theirs = key_values(read.frame, fields), key_values(target.frame, ref_fields)
                by_values = None if mine is None or theirs is None else (name, key[1:3], key[4], mine, theirs)
                kept = None if by_values is None else ORPHANS.find(by_values)
                if kept is None:
                    kept = orphans(name, read.frame, fields, resource or name, target.frame, ref_fields)
                    if by_values is not None:
                        ORPHANS.put(by_values, kept)
                ORPHANS.put(key, kept)
            elif kept is None:
                kept = orphans(name, read.frame, fields, resource or name, target.frame, ref_fields)
            found += kept
    return found


def key_values(frame: pd.DataFrame, fields: list[str]) -> tuple[object, ...] | None:
    """The key fields' values, in row order, with their types: what a foreign key's problems are made of (with the
    two tables' names), so that they are kept by them. None for a column of Python objects (1 and 1.0 are equal
    keys but written apart): not kept by values. An Arrow column is stood for by a digest of its values."""
    if any(f in frame and frame[f].dtype == object for f in fields):
        return None
    return tuple((f, str(frame[f].dtype), values_key(frame[f])) if f in frame else (f, None) for f in fields)


def values_key(column: pd.Series) -> object:
    """A column's values as a key: an Arrow column's digest (its Arrow IPC bytes: the same bytes are the same
    values), another's values as a tuple. Kept keys are held for the process: a tuple of every value of 10^6 rows'
    seven foreign keys was 7 million Python strings (33 MiB at 10^5 rows; issue 15)."""
    values = arrow_of(column)
    if values is None:
        return tuple(column.tolist())
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, pa.schema([("v", values.type)])) as writer:
        writer.write_table(pa.table({"v": values}))
    return ("arrow", hashlib.blake2b(sink.getvalue(), digest_size=20).digest())


# Distinct orphan values of one foreign key that get a "did you mean": past a few, the key or the referenced table
# is wrong as a whole (a renamed table, a misspelled prefix), and a suggestion per value would cost a search of the
# referenced ids each (review 5 R4: 1000 orphans took 56 s).
SUGGESTED = 5

# Foreign-key problems of tables read in this process, by the two tables' digests and the key (io/kept.py).
ORPHANS = Kept(4 * READS.size)


def outside(keys: pd.DataFrame, ref: pd.DataFrame) -> np.ndarray:
    """Where a row's keys are all present and not among the referenced rows' (Arrow's hash set for one key column
    of one Arrow type on both sides, a third of pandas' `isin`'s time; pandas otherwise)."""
    if len(keys.columns) == 1:
        mine, theirs = arrow_of(keys.iloc[:, 0]), arrow_of(ref.iloc[:, 0])
        if mine is not None and theirs is not None and mine.type == theirs.type:
            inside = np.asarray(pc.is_in(mine, value_set=pc.drop_null(theirs).combine_chunks()), dtype=bool)
            absent = np.asarray(pc.is_null(mine), dtype=bool)
        else:
            inside = keys.iloc[:, 0].isin(ref.iloc[:, 0].dropna()).to_numpy(dtype=bool)
            absent = keys.iloc[:, 0].isna().to_numpy(dtype=bool)
    else:
        inside = np.asarray(pd.MultiIndex.from_frame(keys).isin(pd.MultiIndex.from_frame(ref.dropna())), dtype=bool)
        absent = keys.isna().any(axis=1).to_numpy(dtype=bool)
    found: np.ndarray = ~inside & ~absent
    return found


def orphans(
    name: str, frame: pd.DataFrame, fields: list[str], resource: str, target: pd.DataFrame, ref_fields: list[str]
) -> list[Problem]:
    """Problems for the rows of `frame` whose `fields` are not among `target`'s `ref_fields`."""
    keys = frame[fields]
    rows = np.flatnonzero(outside(keys, target[ref_fields]))
    found: list[Problem] = []
    if not len(rows):
        return found
    ids = [str(v) for v in target[ref_fields[0]].dropna().unique()] if len(fields) == 1 else []
    hint = suggester(ids) if ids else None
    values = [", ".join(str(v) for v in keys.iloc[int(i)]) for i in rows]
    distinct = list(dict.fromkeys(values))  # in the order of their first row
    asked = set(distinct[:SUGGESTED])
    more = (
        f" (one of {len(distinct)} values {resource} lacks; a spelling is suggested for the first {SUGGESTED} only)"
        if hint and len(distinct) > SUGGESTED
        else ""
    )
    citing = Counter(values)
    for i, value in zip(rows, values, strict=True):
        said = (hint(value) if hint else "") if value in asked else ""
        found.append(
            problem(
                P.FOREIGN_KEY,
                name,
                int(i) + 2,
                ", ".join(fields),
                f"{excerpt(value, whole=True)} is not {a_or_an(', '.join(ref_fields))} of {resource}"
                f"{'' if value in asked else more}{cited(citing[value], name)}: {said}add that row to {resource}, or "
                f"correct the value{removed(citing[value], resource)}",
                refers_to=resource,
            )
        )
    return found


def cited(rows: int, table: str) -> str:
    """' (14 rows of indicators refer to it)' where more rows than one refer to a missing key (trial 18 m2)."""
    return f" ({rows} rows of {table} refer to it)" if rows > 1 else ""


def removed(rows: int, resource: str) -> str:
    """The other way out of a key many rows refer to: its row was removed on purpose (a source retracted), and the
    rows that refer to it go too (trial 18 m2: only "add that row" was said, 14 times)."""
    return (
        f"; if the {resource} row was removed on purpose, remove the {rows} rows that refer to it" if rows > 1 else ""
    )
