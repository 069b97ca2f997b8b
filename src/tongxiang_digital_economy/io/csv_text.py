"""Reading a CSV file's text: its header, then every record as text columns (steps 1 and 2 of io/reader.py).

pyarrow's CSV reader parses the file with every column as text (no inference, no missing-value guessing); when it
cannot (a row with the wrong number of cells, a blank line, bytes that are not UTF-8, an unclosed quote), the file
is parsed again by the standard library, slowly, to say exactly which record and field is wrong. A header that
differs from the schema's fields is one problem that says how.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyarrow as pa
from pyarrow import csv as pacsv

from ..core import problems as P
from ..core.paths import printable
from ..core.report import Problem, count, problem
from .cell_problems import excerpt

BLOCK_SIZE = 4 << 20  # pyarrow's block; a record longer than this is read by the slow path, same verdict
# pyarrow's CSV reader on one thread (docs/benchmarks.md, thirteenth pass): its threads parse blocks in parallel, but
# at 10^5 rows they cost 1.5–3× the CPU of one thread for no wall time gained on a shared machine, and the parse is a
# small part of a load (the typing after it runs on one thread); a file below one block is one thread's work anyway.
READ_THREADS = False
UNDECODED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8

# Text is read as large_string, the layout pandas' arrow-backed string dtype uses, so the frame shares the reader's
# buffers instead of converting every string column.
TEXT = pa.large_string()


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
