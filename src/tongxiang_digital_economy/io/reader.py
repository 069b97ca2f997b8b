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
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pyarrow import csv as pacsv

from ..core import problems as P
from ..core.paths import LOOPS, loops, printable
from ..core.report import Problem, count, problem
from ..core.suggest import EXCERPT, Index
from ..schema.keys import foreign_keys, primary_key
from ..schema.types import DATE, INTEGER, NUMBER, YEAR, arrow_type
from ..schema.types import TYPES as FIELD_TYPES
from .arrays import arrow_of
from .forms import date_forms, pattern_fault
from .kept import Kept, file_digest

# A cell's value -> the front of its message's hint ("did you mean 'gt'? " or ""): see `suggester`.
Hint = Callable[[str], str]

# Table Schema properties the reader implements, per level; anything else is refused.
SCHEMA_KEYS = {"$schema", "fields", "missingValues", "primaryKey", "foreignKeys", "description", "title", "name"}
FIELD_KEYS = {"name", "type", "format", "constraints", "description", "title", "example", "trueValues", "falseValues"}
FIELD_KEYS |= {"rdfType"}  # informative only
# Table Schema v2 `categories`: a label for each value of an enum (the words a chart's legend uses); the values
# must be the enum's, so the labels can never drift from what a cell may hold.
FIELD_KEYS |= {"categories"}
# The types, their formats and constraints, and their Arrow types: schema/types.py, shared with the exports.
TYPES = {name: t.formats for name, t in FIELD_TYPES.items()}
CONSTRAINTS = {name: t.constraints for name, t in FIELD_TYPES.items()}
# The dialect the reader implements is CSV as RFC 4180 writes it; these keys may only hold these values.
DIALECT_DEFAULTS = {
    "delimiter": ",",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
    "headerRow": 1,
    "lineTerminator": "\n",
    "skipInitialSpace": False,
    "commentChar": None,
}
ENCODINGS = {"utf-8", "utf8", "utf-8-sig"}

TRUE_VALUES = ["true", "True", "TRUE", "1"]
FALSE_VALUES = ["false", "False", "FALSE", "0"]
FORMATS = {
    "uri": r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$",
    "email": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    "uuid": r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
}
# A cell a spreadsheet runs as a formula: one starting with = or @, or with + or - and holding formula syntax
# (a call, a sheet or DDE reference). A signed number or a lone sign ("-18.69%", "+", "-2.15 億元") is text, not code.
FORMULA_ALWAYS = ("=", "@")
FORMULA_SIGNS = ("+", "-")
FORMULA_SYNTAX = r"[(!|=]"
INT64_MAX = 2**63 - 1
BLOCK_SIZE = 4 << 20  # pyarrow's block; a record longer than this is read by the slow path, same verdict
# pyarrow's CSV reader on one thread (docs/benchmarks.md, thirteenth pass): its threads parse blocks in parallel, but
# at 10^5 rows they cost 1.5–3× the CPU of one thread for no wall time gained on a shared machine, and the parse is a
# small part of a load (the typing after it runs on one thread); a file below one block is one thread's work anyway.
READ_THREADS = False
ID_LIKE = re.compile(r"[A-Za-z0-9._:/@+-]{1,300}")  # one token as every id (and URL) of the package is: quoted whole
UNDECODED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8

# Text is read as large_string, the layout pandas' arrow-backed string dtype uses, so the frame shares the reader's
# buffers instead of converting every string column.
TEXT = pa.large_string()
ARROW_TYPES = {name: arrow_type(t.arrow) for name, t in FIELD_TYPES.items()}
PANDAS_TYPES = {
    TEXT: pd.StringDtype("pyarrow"),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
    pa.bool_(): pd.BooleanDtype(),
}


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


def excerpt(value: object, whole: bool = False) -> str:
    """A cell as a message quotes it: repr of at most EXCERPT characters, with its length when cut.

    An id is never cut (a reader must be able to find it): key values (`whole`) and any id-shaped token are
    quoted whole; only long free text, such as an evidence passage, is cut.
    """
    text = str(value)
    if whole or len(text) <= EXCERPT or ID_LIKE.fullmatch(text):
        return repr(text)
    return f"{text[:EXCERPT]!r}… ({len(text)} characters)"


def labelled_enum(categories: object, enum: object) -> bool:
    """Whether `categories` labels exactly the values of `enum`, each once: [{"value": v, "label": text}, ...]."""
    if not isinstance(categories, list) or not isinstance(enum, list):
        return False
    labelled = (
        isinstance(c, dict) and set(c) == {"value", "label"} and isinstance(c["label"], str) for c in categories
    )
    if not all(labelled):
        return False
    values = sorted(str(c["value"]) for c in categories)
    return values == sorted(map(str, enum)) and len(categories) == len(enum)


def unsupported(schema: dict[str, Any], dialect: object = None, encoding: object = None) -> str | None:
    """Why the reader cannot honour this schema (and dialect/encoding), or None when it can."""
    extra = set(schema) - SCHEMA_KEYS
    if extra:
        return f"Table Schema property {sorted(extra)[0]!r} is not supported by the reader"
    missing = schema.get("missingValues", [""])
    if not isinstance(missing, list) or not all(isinstance(v, str) for v in missing):
        return "missingValues must be a list of strings"
    for f in schema["fields"]:
        name, kind = f["name"], f.get("type", "string")
        if kind not in TYPES:
            return f"field {name!r}: type {kind!r} is not supported by the reader (supported: {', '.join(TYPES)})"
        if set(f) - FIELD_KEYS:
            return f"field {name!r}: property {sorted(set(f) - FIELD_KEYS)[0]!r} is not supported by the reader"
        if f.get("format", "default") not in TYPES[kind]:
            return f"field {name!r}: format {f.get('format')!r} of type {kind!r} is not supported by the reader"
        constraints = f.get("constraints", {})
        if not isinstance(constraints, dict):
            return f"field {name!r}: constraints must be an object"
        if set(constraints) - CONSTRAINTS[kind]:
            return f"field {name!r}: constraint {sorted(set(constraints) - CONSTRAINTS[kind])[0]!r} is not supported "
        if "categories" in f and not labelled_enum(f["categories"], constraints.get("enum")):
            return f"field {name!r}: categories must be objects with a value and a label, one for each enum value"
        if ("trueValues" in f or "falseValues" in f) and kind != "boolean":
            return f"field {name!r}: trueValues/falseValues only apply to booleans"
        if "pattern" in constraints and not isinstance(constraints["pattern"], str):
            return f"field {name!r}: pattern must be a string"
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"):
            values = constraints.get(key, [])
            for value in values if key == "enum" and isinstance(values, list) else [values]:
                if key in constraints and not readable(f, value):
                    return f"field {name!r}: constraint {key} value {value!r} cannot be read as {kind}"
    names = [f["name"] for f in schema["fields"]]
    if len(set(names)) != len(names):
        return "two fields have the same name"
    for key in primary_key(schema) + [k for fk in foreign_keys(schema) for k in fk[0]]:
        if key not in names:
            return f"key field {key!r} is not a field of the schema"
    if dialect is not None:
        if not isinstance(dialect, dict):
            return "dialect must be an object"
        for key, value in dialect.items():
            if key in ("$schema", "name", "title", "description", "csvddfVersion"):
                continue
            if key not in DIALECT_DEFAULTS:
                return f"dialect property {key!r} is not supported by the reader"
            if value != DIALECT_DEFAULTS[key] and not (key == "lineTerminator" and value in ("\r\n", "\r")):
                return f"dialect {key}={value!r} is not supported: the reader reads comma-separated UTF-8 CSV"
    if encoding is not None and str(encoding).lower() not in ENCODINGS:
        return f"encoding {encoding!r} is not supported: save the file as UTF-8 and declare encoding utf-8"
    return None


# --- reading text ------------------------------------------------------------------------------------------------


def read_header(path: Path) -> list[str] | None:
    """The first record of the file as text, or None when it cannot be decoded or parsed (the slow path says why)."""
    try:
        # Undecodable bytes further on are the rows' business: only the header's own cells must be UTF-8.
        with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as fh, raised_field_limit():
            header = next(csv.reader(fh, strict=True), [])
    except (csv.Error, OSError):  # unreadable (permissions, gone since is_file): the slow path says why
        return None
    return None if any(UNDECODED.search(cell) for cell in header) else header


@contextmanager
def raised_field_limit() -> Iterator[None]:
    """The stdlib csv module refuses fields over 128 KiB by default; the reader has no such limit, so the verdict
    on a large cell is the same everywhere. The limit is process-wide, so it is restored afterwards."""
    old = csv.field_size_limit()
    csv.field_size_limit(sys.maxsize)
    try:
        yield
    finally:
        csv.field_size_limit(old)


@functools.cache
def reading_pool() -> pa.MemoryPool | None:
    """The Arrow memory pool a table is read and typed in: jemalloc where pyarrow has it, unless the user chose a
    pool (ARROW_DEFAULT_MEMORY_POOL); None (pyarrow's default) otherwise.

    pyarrow's default pool on Linux is mimalloc, which here gave the pages of each block back to the kernel and
    faulted them in again: a whole-process load of 10^5 rows took 0.9 s of system time with it, 0.2 s with jemalloc
    (docs/benchmarks.md, thirteenth pass). Any pool holds any buffer; only where new ones are made differs."""
    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return None
    try:
        return pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc (its Windows wheels)
        return None


@contextmanager
def in_reading_pool() -> Iterator[None]:
    """pyarrow's default pool is the reader's (`reading_pool`) while a table is read and typed, and the caller's
    again afterwards: the reader's compute kernels take no pool of their own, and the user's process keeps its.
    Reads in several threads at once (`serve`) share one switch: the first sets it, the last sets the caller's back."""
    pool = reading_pool()
    if pool is None:
        yield
        return
    with _POOL_LOCK:
        if not _POOL_USERS:
            _POOL_USERS.append(pa.default_memory_pool())
            pa.set_memory_pool(pool)
        _POOL_USERS.append(pool)
    try:
        yield
    finally:
        with _POOL_LOCK:
            _POOL_USERS.pop()
            if len(_POOL_USERS) == 1:
                pa.set_memory_pool(_POOL_USERS.pop())


# The caller's pool, then one entry per read under way (in_reading_pool).
_POOL_USERS: list[pa.MemoryPool] = []
_POOL_LOCK = threading.Lock()


def read_fast(path: Path, names: list[str]) -> pa.Table | None:
    """Every record after the header as text columns with pyarrow, or None if any record is not well formed."""
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(
                column_names=names, skip_rows=1, block_size=BLOCK_SIZE, use_threads=READ_THREADS
            ),
            # No invalid_row_handler: it fails on rows that are not UTF-8 (pyarrow decodes the row's text for it);
            # the first malformed row raises instead, and the slow path then finds them all.
            parse_options=pacsv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, TEXT),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                check_utf8=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    return table


def width_problem(name: str, row: int, record: list[str], names: list[str]) -> Problem:
    """The one error of a record whose cell count differs from the header's. Bytes in it that are not UTF-8 are
    its fault (trial 14 m3: a stray byte on a line of its own was "the row has 1 cells … add the missing cells"),
    and otherwise the missing or extra cells are."""
    width = len(names)
    cells = f"the row has {count(len(record), 'cell')}, the header {width}"
    undecoded = next((i for i, cell in enumerate(record) if UNDECODED.search(cell)), None)
    if undecoded is not None:
        shown = excerpt(record[undecoded].encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        return problem(
            P.ENCODING_ERROR,
            name,
            row,
            names[undecoded] if undecoded < width else None,
            f"{shown} is not UTF-8 text ({cells}): delete the stray bytes, or save the file as UTF-8",
        )
    if len(record) < width:
        return problem(P.MISSING_CELL, name, row, names[len(record)], f"{cells}: add the missing cells")
    return problem(
        P.EXTRA_CELL, name, row, None, f"{cells}: remove the extra cells or quote a value that holds a comma"
    )


def read_slow(name: str, path: Path, names: list[str]) -> tuple[pa.Table, np.ndarray, list[Problem]]:
    """Every record with the standard library: exact record numbers for malformed rows and undecodable bytes.

    Records that are malformed stay as empty rows flagged in the returned mask, so row positions are kept.
    """
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    found: list[Problem] = []
    width = len(names)
    records: list[list[str]] = []
    bad: list[bool] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    with raised_field_limit():
        try:
            next(reader, None)  # the header, already compared with the fields
            for record in reader:
                row = len(records) + 2
                if not record:
                    found.append(problem(P.BLANK_ROW, name, row, None, "the row is blank: delete it"))
                elif len(record) != width:
                    found.append(width_problem(name, row, record, names))
                else:
                    records.append(record)
                    bad.append(False)
                    continue
                records.append([""] * width)
                bad.append(True)
        except csv.Error as exc:
            row = len(records) + 2
            found.append(
                problem(
                    P.CSV_ERROR,
                    name,
                    row,
                    None,
                    f"the file is not well-formed CSV from this row on ({exc}): close the quote that opens here, "
                    "or double a quote inside a quoted cell",
                )
            )
    columns: dict[str, list[str]] = {n: [] for n in names}
    for number, record in enumerate(records, start=2):
        for n, cell in zip(names, record, strict=True):
            if UNDECODED.search(cell):
                found.append(
                    problem(
                        P.ENCODING_ERROR,
                        name,
                        number,
                        n,
                        f"{excerpt(cell.encode('utf-8', 'surrogateescape').decode('utf-8', 'replace'))} is not "
                        "UTF-8 text: save the file as UTF-8",
                    )
                )
                bad[number - 2] = True
                cell = ""
            columns[n].append(cell)
    table = pa.table({n: pa.array(columns[n], TEXT) for n in names})
    return table, np.array(bad, dtype=bool), found


def unreadable_header(name: str, path: Path) -> Problem:
    """The problem of a header that cannot be read, decoded as UTF-8 or parsed as a CSV record."""
    try:
        data = path.read_bytes()[:4096]
    except OSError as exc:
        return problem(P.SOURCE_ERROR, name, None, None, f"{printable(path)} cannot be read: {exc.strerror or exc}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < data.find(b"\n") or b"\n" not in data:
            return problem(
                P.ENCODING_ERROR, name, 1, None, f"the header is not UTF-8 (byte {exc.start}): save as UTF-8"
            )
    return problem(P.CSV_ERROR, name, 1, None, "the header is not a well-formed CSV record: close its quotes")


def header_problem(name: str, header: list[str], names: list[str]) -> Problem:
    """One problem that says how the header differs from the schema's fields."""
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("extra " + ", ".join(excerpt(h) for h in extra))
    if not parts:
        moved = [n for n, h in zip(names, header, strict=False) if n != h]
        parts.append("columns out of order (" + ", ".join(moved) + ")")
    width = max(len(names), len(header))
    at = next(i for i in range(width) if i >= len(names) or i >= len(header) or names[i] != header[i])
    first = names[at] if at < len(names) else None
    return problem(
        P.INCORRECT_LABEL,
        name,
        1,
        first,
        f"the header differs from the schema's fields: {'; '.join(parts)}; the header must be "
        f"{','.join(names)} (the rows were not checked)",
    )


# --- typing ------------------------------------------------------------------------------------------------------


def full_match(text: pa.ChunkedArray, pattern: str) -> np.ndarray:
    """Where the text matches `pattern` as a whole (RE2, so \\d and [0-9] are ASCII only)."""
    try:
        return np.asarray(pc.match_substring_regex(text, f"^(?:{pattern})$"), dtype=bool)
    except pa.ArrowInvalid:
        # A pattern RE2 cannot run (look-around, back-reference): Python's re, once per distinct value.
        compiled = re.compile(pattern)
        values = pd.Series(text.to_numpy(zero_copy_only=False))
        return values.map(lambda v: compiled.fullmatch(v) is not None).to_numpy(dtype=bool)


def with_nulls(column: pa.ChunkedArray, null: np.ndarray) -> pa.ChunkedArray:
    """`column` with the cells of `null` set to null, sharing its data buffers (no copy of the strings)."""
    chunks, at = [], 0
    for chunk in column.chunks:
        n = len(chunk)
        part = null[at : at + n]
        at += n
        if not part.any():
            chunks.append(chunk)
            continue
        if chunk.offset or chunk.null_count:
            chunks.append(pc.if_else(pa.array(part), pa.scalar(None, chunk.type), chunk))
            continue
        validity = pa.py_buffer(np.packbits(~part, bitorder="little"))
        chunks.append(
            pa.Array.from_buffers(chunk.type, n, [validity, *chunk.buffers()[1:]], null_count=int(part.sum()))
        )
    return pa.chunked_array(chunks, type=column.type)


def chunked(values: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    return values if isinstance(values, pa.ChunkedArray) else pa.chunked_array([values])


def fast_cast(present: pa.ChunkedArray, kind: str) -> pa.ChunkedArray | None:
    """Arrow's own parse of every present cell, or None when some cell does not parse (the slow path says which).

    Arrow's parsers are ASCII-only and refuse spaces, like the Table Schema types here; what they accept beyond
    them (NaN and infinity for numbers, a time after a date) is refused by the caller.
    """
    target = {"integer": pa.int64(), "number": pa.float64(), "date": pa.timestamp("s")}[kind]
    try:
        return pc.cast(present, target)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None


def type_column(f: dict[str, Any], text: pa.ChunkedArray, missing: np.ndarray) -> tuple[pa.ChunkedArray, np.ndarray]:
    """The column in its type (missing and invalid cells null) and the mask of present cells that do not fit."""
    kind, fmt = f.get("type", "string"), f.get("format", "default")
    present = with_nulls(text, missing)
    if kind == "string":
        wrong = ~full_match(text, FORMATS[fmt]) if fmt in FORMATS else np.zeros(len(text), dtype=bool)
        return present, wrong & ~missing
    if kind == "boolean":
        true, false = f.get("trueValues", TRUE_VALUES), f.get("falseValues", FALSE_VALUES)
        is_true = np.asarray(pc.is_in(text, pa.array(true, TEXT)), dtype=bool)
        ok = is_true | np.asarray(pc.is_in(text, pa.array(false, TEXT)), dtype=bool)
        return with_nulls(chunked(pa.array(is_true, pa.bool_())), missing | ~ok), ~ok & ~missing
    if kind in ("integer", "number", "date"):
        typed = fast_cast(present, kind)
        if typed is not None:
            ok = np.ones(len(text), dtype=bool)
            if kind == "number":
                ok = np.asarray(pc.fill_null(pc.is_finite(typed), True), dtype=bool)
            elif kind == "integer":  # Arrow also reads 0x1 as 1: only decimal digits are integers here
                ok = full_match(text, INTEGER) | missing
            elif kind == "date":
                ok = np.asarray(pc.equal(pc.binary_length(text), 10), dtype=bool) & not_year_zero(typed)
            # A refused cell is null, as on the slow path below: a rule must never read a value the reader refused.
            return (typed if ok.all() else with_nulls(typed, missing | ~ok)), ~ok & ~missing
    if kind in ("integer", "year"):
        ok = full_match(text, INTEGER if kind == "integer" else YEAR)
        long = ok & (np.asarray(pc.utf8_length(text)) >= 19)
        for i in np.flatnonzero(long):
            ok[i] = abs(int(text[int(i)].as_py())) <= INT64_MAX
        clean = pc.replace_substring_regex(pc.if_else(pa.array(ok), text, "0"), r"^\+", "")
        return with_nulls(chunked(pc.cast(clean, pa.int64())), missing | ~ok), ~ok & ~missing
    if kind == "number":
        ok = full_match(text, NUMBER)
        values = pc.cast(pc.if_else(pa.array(ok), text, "0"), pa.float64())
        ok &= np.asarray(pc.is_finite(values), dtype=bool)
        return with_nulls(chunked(values), missing | ~ok), ~ok & ~missing
    if kind == "date":
        ok = full_match(text, DATE)
        # A month 13 is no date (null); strptime rolls 2020-02-30 over to March; a real day prints back as itself.
        chosen = pc.if_else(pa.array(ok), text, "2000-01-01")
        parsed = pc.strptime(chosen, format="%Y-%m-%d", unit="s", error_is_null=True)
        same = pc.fill_null(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), text), False)
        ok &= np.asarray(same, dtype=bool) & not_year_zero(parsed)
        parsed = pc.if_else(pa.array(ok), parsed, pa.scalar(0, pa.timestamp("s")))
        return with_nulls(chunked(parsed), missing | ~ok), ~ok & ~missing
    raise AssertionError(f"unsupported type {kind!r} passed the schema check")


def on_calendar(text: pa.ChunkedArray) -> np.ndarray:
    """Where the day a cell writes (`2014-11-30`, `../2014-11-18`) is a day on the calendar, or the cell writes no
    day (`2014-11`, `2014`): 2014-11-31 and 2019-02-30 match a date form's pattern but are no day, so the rules
    that read the date would skip the row without a word (trial 15 W3). As the date type reads a day: strptime
    rolls 2019-02-30 over to March, a real day prints back as itself; year 0000 is no day of Python's, nor a year
    or month of one (`0000`, `0000-06`)."""
    days = pc.struct_field(pc.extract_regex(text, r"(?P<day>\d{4}-\d{2}-\d{2})"), "day")
    written = np.asarray(pc.is_valid(days), dtype=bool)
    chosen = pc.fill_null(days, "2000-01-01")
    parsed = pc.strptime(chosen, format="%Y-%m-%d", unit="s", error_is_null=True)
    same = np.asarray(pc.fill_null(pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), chosen), False), dtype=bool)
    # A year or month alone (`0000`, `0000-06`) writes no day, but year 0000 is in no calendar the rules read
    # (trial 15 W9: they went silent on it, as on 2014-11-31).
    year_zero = np.asarray(pc.fill_null(pc.match_substring_regex(text, r"^(\.\./)?0000(-|$)"), False), dtype=bool)
    taken: np.ndarray = (~written | (same & not_year_zero(parsed))) & ~year_zero
    return taken


def not_year_zero(days: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Where a day is not in year 0000: a day of Arrow's calendar but of no Python date (datetime.MINYEAR is 1),
    so a row holding it loaded and then crashed every reader that asked Python for its day (trial 12 W2)."""
    return np.asarray(pc.fill_null(pc.not_equal(pc.year(days), 0), True), dtype=bool)


def fits(f: dict[str, Any], text: str) -> bool:
    """Whether `text`, as a CSV cell, is a value of field `f`'s type: the reader's own verdict on one cell, so that
    a filter (`show --where year=abc`) can refuse a value no row can hold rather than silently match nothing."""
    column = pa.chunked_array([pa.array([text], TEXT)])
    return not bool(type_column(f, column, np.zeros(1, dtype=bool))[1][0])


def scalar(f: dict[str, Any], value: object) -> object:
    """A constraint bound or enum value in the field's type. Table Schema lets it be written as text the field's
    type reads ("minimum": "2" on an integer, "enum": ["true"] on a boolean): such text is read like a cell;
    `unsupported` has refused text the type cannot read."""
    kind = f.get("type", "string")
    if not isinstance(value, str) or kind == "string":
        return value
    if kind == "date":
        return pd.Timestamp(value).to_datetime64().astype("datetime64[s]")
    if kind in ("integer", "year"):
        return int(value.removeprefix("+"))
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return value in f.get("trueValues", TRUE_VALUES)
    return value


def readable(f: dict[str, Any], value: object) -> bool:
    """Whether a constraint value written as text is one the field's type reads (see `scalar`)."""
    kind = f.get("type", "string")
    if not isinstance(value, str) or kind == "string":
        return True
    patterns = {"integer": INTEGER, "year": YEAR, "number": NUMBER, "date": DATE}
    if kind == "boolean":
        return value in f.get("trueValues", TRUE_VALUES) + f.get("falseValues", FALSE_VALUES)
    if kind == "date" and re.fullmatch(DATE, value):
        return not pd.isna(pd.to_datetime(value, format="%Y-%m-%d", errors="coerce"))
    return kind in patterns and re.fullmatch(patterns[kind], value) is not None


def check_constraints(
    name: str, f: dict[str, Any], text: pa.ChunkedArray, typed: pa.ChunkedArray, present: np.ndarray
) -> list[tuple[np.ndarray, str, Hint | None]]:
    """(mask of failing cells, message template, its `{hint}` for a cell) for each constraint of the field, on cells
    that are present. An enum's hint is core.suggest's "did you mean" (`GT` for `gt`)."""
    c = f.get("constraints", {})
    out: list[tuple[np.ndarray, str, Hint | None]] = []
    if "enum" in c:
        allowed = [v for v in c["enum"]]
        if f.get("type", "string") == "string":
            inside = np.asarray(pc.is_in(text, pa.array([str(v) for v in allowed], TEXT)), dtype=bool)
        else:
            values = pd.Series(typed.to_pandas())
            inside = values.isin([scalar(f, v) for v in allowed]).to_numpy(dtype=bool)
        listed = literal(", ".join(map(str, allowed)))
        hint = suggester([str(v) for v in allowed])
        out.append((present & ~inside, "{cell} is not one of " + listed + ": {hint}use one of them", hint))
    if "pattern" in c:
        # Its form in the schema's words (io/forms.py); a date held as text must also be a day on the calendar
        # (trial 15 W3).
        taken = full_match(text, c["pattern"])
        if date_forms(f):
            taken &= on_calendar(text)
        out.append((present & ~taken, "{cell} " + literal(pattern_fault(f)), None))
    if "minLength" in c or "maxLength" in c:
        length = np.asarray(pc.utf8_length(text))
        if "minLength" in c:
            out.append(
                (
                    present & (length < c["minLength"]),
                    f"{{cell}} is shorter than {count(c['minLength'], 'character')}",
                    None,
                )
            )
        if "maxLength" in c:
            out.append(
                (
                    present & (length > c["maxLength"]),
                    f"{{cell}} is longer than {count(c['maxLength'], 'character')}",
                    None,
                )
            )
    # Each bound said with the values it allows: "'0' is less than 1" named the fault, not the fix (trial 13 m5).
    comparisons = {
        "minimum": (pc.less, "less than {}: give {} or more"),
        "exclusiveMinimum": (pc.less_equal, "not more than {}: give more than {}"),
        "maximum": (pc.greater, "more than {}: give {} or less"),
        "exclusiveMaximum": (pc.greater_equal, "not less than {}: give less than {}"),
    }
    for key, (fails, words) in comparisons.items():
        if key in c:
            bound = pa.scalar(scalar(f, c[key]), typed.type)
            failed = np.asarray(pc.fill_null(fails(typed, bound), False), dtype=bool)
            out.append((present & failed, "{cell} is " + literal(words.format(c[key], c[key])), None))
    return out


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

    Why: what is made of a column (its values, its key) is kept per Arrow array (semantics/answers.by_array), so
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
            found += cells(
                name, fname, col, missing & valid, P.CONSTRAINT_ERROR, "the field is required: fill in a value"
            )
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


# The control characters no text of the package holds: C0 but the tab and the line breaks, DEL and C1.
CONTROLS = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
CONTROL_SAID = "{cell} holds a control character ({hint}), which no quoted text holds: delete it"


def control_cells(column: pa.ChunkedArray) -> np.ndarray:
    """Where a text cell holds a control character (CONTROLS)."""
    return np.asarray(pc.fill_null(pc.match_substring_regex(column, CONTROLS), False), dtype=bool)


def controls_in(value: str) -> str:
    """The control characters a cell holds, as Python writes them: `\\x00`, `\\x1b`."""
    return ", ".join(repr(ch)[1:-1] for ch in dict.fromkeys(re.findall(CONTROLS, value)))


def formula_cells(column: pa.ChunkedArray) -> np.ndarray:
    """Where a cell would run as a spreadsheet formula (see FORMULA_ALWAYS, FORMULA_SIGNS)."""
    first = first_bytes(column)
    if first is None:
        return formula_cells_by_prefix(column)
    formula = np.isin(first, [ord(p) for p in FORMULA_ALWAYS])
    signed = np.isin(first, [ord(p) for p in FORMULA_SIGNS])
    if signed.any():
        rows = np.flatnonzero(signed)
        code = np.asarray(pc.match_substring_regex(column.take(pa.array(rows)), FORMULA_SYNTAX), dtype=bool)
        formula[rows[code]] = True
    return formula


def first_bytes(column: pa.ChunkedArray) -> np.ndarray | None:
    """The first byte of each cell (0 for an empty one), read from the offsets and data buffers: one look per
    cell, where a `starts_with` per prefix reads every cell again (a fifth of a load's typing at 10^5 rows). None
    for a column that is not the reader's text (large_string without nulls)."""
    if column.type != TEXT or column.null_count:
        return None
    parts = [np.zeros(0, dtype=np.uint8)]
    for chunk in column.chunks:
        _, offsets, data = chunk.buffers()
        at = np.frombuffer(offsets, dtype=np.int64, count=len(chunk) + 1, offset=chunk.offset * 8)
        first = np.zeros(len(chunk), dtype=np.uint8)
        filled = at[1:] > at[:-1]
        if data is not None and filled.any():
            first[filled] = np.frombuffer(data, dtype=np.uint8)[at[:-1][filled]]
        parts.append(first)
    return np.concatenate(parts)


def formula_cells_by_prefix(column: pa.ChunkedArray) -> np.ndarray:
    """formula_cells by Arrow's `starts_with`, for a column of another layout."""

    def starts(prefixes: tuple[str, ...]) -> np.ndarray:
        mask = np.zeros(len(column), dtype=bool)
        for prefix in prefixes:
            mask |= np.asarray(pc.fill_null(pc.starts_with(column, prefix), False), dtype=bool)
        return mask

    formula = starts(FORMULA_ALWAYS)
    signed = starts(FORMULA_SIGNS)
    if signed.any():
        rows = np.flatnonzero(signed)
        code = np.asarray(pc.match_substring_regex(column.take(pa.array(rows)), FORMULA_SYNTAX), dtype=bool)
        formula[rows[code]] = True
    return formula


def empty(column: pa.ChunkedArray) -> np.ndarray:
    """Where the cells are empty strings (from the offsets alone: no string is read)."""
    return np.asarray(pc.equal(pc.binary_length(column), 0), dtype=bool)


# A string format in words (trial 13 m5: "is not a valid uri string" said neither what a URI is nor what to give).
FORMAT_WORDS = {
    "uri": "URI (an absolute address with its scheme, such as https://…)",
    "email": "email address (name@host)",
    "uuid": "UUID (32 hexadecimal digits in groups 8-4-4-4-12)",
    "binary": "base64 string",
}


def describe(f: dict[str, Any]) -> str:
    kind, fmt = f.get("type", "string"), f.get("format", "default")
    words = {
        "integer": "integer (ASCII digits, 64-bit)",
        "number": "finite number (ASCII digits, sign, point, exponent as in 6.8e3; no spaces, NaN or infinity)",
        "boolean": "boolean (" + "/".join(f.get("trueValues", TRUE_VALUES) + f.get("falseValues", FALSE_VALUES)) + ")",
        "date": "date (YYYY-MM-DD, a day on the calendar)",
        "year": "year (four ASCII digits)",
        "string": FORMAT_WORDS.get(fmt, f"{fmt} string"),
    }
    return words[kind]


def literal(text: str) -> str:
    """Text put into a message template as it is: its braces (a pattern's \\d{4}) are not placeholders."""
    return text.replace("{", "{{").replace("}", "}}")


def suggester(candidates: list[str]) -> Hint:
    """The hint for a value that is none of `candidates`: core.suggest's one "did you mean", asked once per value,
    over one index of the candidates (a foreign key's referenced table may hold thousands of ids)."""
    hints: dict[str, str] = {}
    index = Index(candidates)

    def hint(value: str) -> str:
        if value not in hints:
            hints[value] = index.did_you_mean(value)
        return hints[value]

    return hint


def cells(
    name: str,
    fname: str | None,
    col: pa.ChunkedArray,
    mask: np.ndarray,
    type_id: str,
    template: str,
    hint: Hint | None = None,
) -> list[Problem]:
    """One problem per True cell of `mask`; `{cell}` in the template is the cell's excerpt, `{hint}` what `hint`
    says of the cell's value (nothing without one)."""
    rows = np.flatnonzero(mask)
    if not len(rows):
        return []
    values = col.take(pa.array(rows)).to_pylist()
    return [
        problem(type_id, name, int(i) + 2, fname, template.format(cell=excerpt(v), hint=hint(str(v)) if hint else ""))
        for i, v in zip(rows, values, strict=True)
    ]


def key_problems(
    name: str,
    schema: dict[str, Any],
    frame: pd.DataFrame,
    valid: np.ndarray,
    reported: dict[str, np.ndarray] | None = None,
) -> list[Problem]:
    """Primary key (missing or repeated) and `unique` fields (repeated), on the typed columns.

    A key cell refused for its type or a constraint is not reported again as a missing key: one fault, one error,
    and the first says what to fix. An empty key cell is both (required, and no key), as frictionless says. A field
    that is the whole primary key and also `unique` is one constraint said twice: a repeat is one `primary-key`
    error, naming both rows.
    """
    found: list[Problem] = []
    distinct: dict[str, bool] = {}  # a field both unique and part of the primary key is hashed once
    pk = primary_key(schema)
    for f in schema["fields"]:
        if f.get("constraints", {}).get("unique") and pk != [f["name"]]:
            found += repeats(name, frame, [f["name"]], P.UNIQUE_ERROR, "unique field", distinct)
    if pk:
        absent = frame[pk].isna().any(axis=1).to_numpy() & valid
        for field in pk:
            absent &= ~(reported or {}).get(field, np.zeros(len(frame), dtype=bool))
        for i in np.flatnonzero(absent):
            found.append(
                problem(P.PRIMARY_KEY, name, int(i) + 2, ", ".join(pk), "the row has no primary key: fill it in")
            )
        found += repeats(name, frame, pk, P.PRIMARY_KEY, "primary key", distinct)
    return found


def all_distinct(column: pd.Series, known: dict[str, bool]) -> bool:
    """Whether the non-missing values of a column are all different (arrow's hash of each value, once)."""
    if column.name in known:
        return known[str(column.name)]
    known[str(column.name)] = answer = distinct_values(column)
    return answer


def distinct_values(column: pd.Series) -> bool:
    values = pa.chunked_array(column.array.__arrow_array__()) if hasattr(column.array, "__arrow_array__") else None
    if values is None:
        return not column.dropna().duplicated().any()
    distinct = len(pc.unique(values)) - (1 if values.null_count else 0)
    return bool(distinct == len(values) - values.null_count)  # pyarrow is untyped: null_count is Any


def repeats(
    name: str, frame: pd.DataFrame, fields: list[str], type_id: str, what: str, distinct: dict[str, bool]
) -> list[Problem]:
    """A problem on each row whose (non-missing) values in `fields` an earlier row already has."""
    if len(fields) == 1 and all_distinct(frame[fields[0]], distinct):
        return []
    keys = frame[fields]
    known = keys.notna().all(axis=1)
    dup = keys.duplicated(keep=False) & known
    if not dup.any():
        return []
    sub = keys[dup]
    first = sub.groupby(fields, sort=False, dropna=True).cumcount()
    first_row = sub.index.to_series().groupby([sub[c] for c in fields], sort=False).transform("min")
    found = []
    for i in first[first > 0].index:
        value = ", ".join(str(v) for v in keys.loc[i])
        found.append(
            problem(
                type_id,
                name,
                int(i) + 2,
                ", ".join(fields),
                f"{excerpt(value, whole=True)} repeats the {what} of row {int(first_row.loc[i]) + 2}: "
                "rename or remove the duplicate",
            )
        )
    return found


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
    for i, value in zip(rows, values, strict=True):
        said = (hint(value) if hint else "") if value in asked else ""
        found.append(
            problem(
                P.FOREIGN_KEY,
                name,
                int(i) + 2,
                ", ".join(fields),
                f"{excerpt(value, whole=True)} is not a {', '.join(ref_fields)} of {resource}"
                f"{'' if value in asked else more}: {said}add that row to {resource}, or correct the value",
                refers_to=resource,
            )
        )
    return found
