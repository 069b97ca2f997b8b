"""Write the tables as CSV, JSON, Parquet, SQLite or XLSX, each typed by its Table Schema, atomically.

Every format is made from the typed frames the loader returns, so a table read back from any export is the
same table, cell for cell: CSV holds the cells as written in the package; JSON numbers are numbers and
booleans booleans; Parquet and SQLite carry the schema's types (SQLite with the schema's primary and foreign
keys, enforced); XLSX has dates as dates, one sheet per table and an `about` sheet with what each column
means, the licence and the citation. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` at
the start) is stored as text with Excel's quote prefix, so it shows and reads back exactly as written but is
never evaluated.

Writes are atomic: each file is written beside its destination and moved into place, so a reader never sees
half a file; an existing file is replaced only with `force=True`. The package is validated first: an
export of a package with errors is refused rather than passed on.

pyarrow (Parquet) and openpyxl (XLSX) come with the `export` extra and are imported only when used.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import ExportError, MissingFolderError, OutputError, OutputSuffixError
from ..core.paths import package_dir, printable
from ..core.report import count
from ..core.suggest import did_you_mean, echoed
from ..io.atomic import atomic_write as replace_atomically
from ..io.atomic import check_writable as writable
from ..io.atomic import is_stream, reason_of, refused_by_folder
from ..io.load import as_written, decimal_text, load, tables
from ..schema.descriptor import package_files, read_descriptor, resource, table_schema
from ..schema.keys import foreign_keys, primary_key
from ..schema.types import TYPES as FIELD_TYPES
from ..schema.types import arrow_type, plain
from ..schema.types import json_value as typed_json
from . import citations
from .citation_formats import as_text as citation_text

FORMATS = ("csv", "json", "parquet", "sqlite", "xlsx")
ONE_FILE = ("sqlite", "xlsx")  # formats that hold every table in one file; the others write one file per table
EXTENSIONS = {"csv": "csv", "json": "json", "parquet": "parquet", "sqlite": "sqlite", "xlsx": "xlsx"}
# The suffixes a file of each format may end in: a CSV named .json, or an xlsx named .xls (which Excel opens with a
# warning), misleads whoever opens it, so a file named for another format is refused (trial 6 r6).
SUFFIXES = {
    "csv": (".csv",),
    "json": (".json",),
    "parquet": (".parquet",),
    "sqlite": (".sqlite", ".sqlite3", ".db"),
    "xlsx": (".xlsx",),
}
FORMULA_START = ("=", "+", "-", "@")
SQL_TYPES = {name: t.sql for name, t in FIELD_TYPES.items()}  # schema/types.py: one mapping per type


# Values: one typed cell as each format wants it.


def json_value(value: Any, kind: str) -> Any:
    """A typed cell for JSON: numbers as numbers (written as the CSV writes them), dates as ISO text."""
    return typed_json(value, kind, decimal_text)


def field_types(table: str, path: str | Path | None = None) -> dict[str, str]:
    """Each column's Table Schema type (and the loader's derived indicator columns)."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    return {f["name"]: f.get("type", "string") for f in schema["fields"]}


def types_of(frame: pd.DataFrame) -> dict[str, str]:
    """Table Schema types for the columns of any typed frame (for frames that are not a package table)."""
    out = {}
    for column in frame.columns:
        s = frame[column]
        if pd.api.types.is_bool_dtype(s):
            out[column] = "boolean"
        elif pd.api.types.is_integer_dtype(s):
            out[column] = "integer"
        elif pd.api.types.is_float_dtype(s):
            out[column] = "number"
        elif pd.api.types.is_datetime64_any_dtype(s):
            out[column] = "date"
        else:
            out[column] = "string"
    return out


def records(frame: pd.DataFrame, types: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The rows of a typed frame as JSON-ready dicts (numbers, booleans, ISO dates, null where missing)."""
    types = types or types_of(frame)
    columns = {c: [json_value(v, types.get(c, "string")) for v in frame[c]] for c in frame.columns}
    return [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)] if columns else []


def schema_frame(table: str, path: str | Path | None = None) -> pd.DataFrame:
    """A table as its schema defines it: the typed frame without the loader's derived columns."""
    return load(table, path)[list(field_types(table, path))]


# Files: atomic, never over an existing file unless forced.


def atomic_write(dest: Path, write: Callable[[Path], None], force: bool) -> Path:
    """Call write(temporary path) and move the result to `dest` in one step (io/atomic.py), refusing to replace
    a file without `force` or to write over a folder."""
    if dest.exists() and not is_stream(dest) and not force:
        raise ExportError(f"{printable(dest)} exists; pass force=True to replace it")
    if dest.is_dir():
        raise ExportError(f"{printable(dest)} is a folder; give a file name")
    check_writable(dest)
    try:
        return replace_atomically(dest, write)
    except (OSError, sqlite3.Error) as exc:  # the machine refuses the file: say which and why
        reason = reason_of(exc) if isinstance(exc, OSError) else str(exc)
        raise ExportError(f"cannot write {printable(dest)}: {reason}") from None


def check_writable(dest: Path) -> None:
    """io.atomic.check_writable (one check for every command that writes), a file in the way said as an
    ExportError; a missing folder stays a MissingFolderError, the one type (and exit code) of that fault."""
    try:
        writable(dest)
    except MissingFolderError:
        raise
    except OutputError as exc:
        raise ExportError(str(exc)) from None


EXTRAS = {"parquet": ("pyarrow", "Parquet"), "xlsx": ("openpyxl", "XLSX")}


def needs_extra(fmt: str) -> None:
    """Refuse at once, before any work, a format whose library is not installed."""
    if fmt not in EXTRAS:
        return
    module, name = EXTRAS[fmt]
    try:
        importlib.import_module(module)
    except ImportError:
        raise ExportError(f"{name} export needs {module}: pip install 'tongxiang-digital-economy[export]'") from None


def export(
    fmt: str,
    dest: str | Path,
    names: Iterable[str] | None = None,
    force: bool = False,
    path: str | Path | None = None,
    validate: bool = True,
) -> list[Path]:
    """Write tables `names` (default: all) in format `fmt` to `dest`; return the files written.

    sqlite and xlsx write one file holding every table. csv, json and parquet write one file per table: `dest`
    is that file when one table is named, else a folder that gets `<table>.<ext>` for each (a new folder named
    like a file of the format, `out.parquet`, is refused: it would read as one file). A `dest` that is an
    existing folder gets the one file inside it (`<table>.<ext>`, or the package name for sqlite and xlsx); a
    `dest` written (as a str) with a trailing slash names a folder, which must exist for one file.
    """
    if fmt not in FORMATS:
        hint = did_you_mean(fmt, FORMATS)
        raise ExportError(f"format {fmt!r} is not one of {', '.join(FORMATS)}" + f"; {hint.strip()}" * bool(hint))
    needs_extra(fmt)
    all_tables = tables(path)
    names = list(names) if names else all_tables
    for name in names:
        if name not in all_tables:
            hint = did_you_mean(name, all_tables)
            raise ExportError(f"no table named {echoed(name)}; {hint}the tables are: {', '.join(all_tables)}")
    # A path written with a trailing slash names a folder (trial 15 m7: `-o dir.csv/` wrote the file dir.csv).
    folder_meant = isinstance(dest, str) and dest.endswith(("/", os.sep))
    dest = Path(dest)
    if fmt in ONE_FILE or len(names) == 1:
        if folder_meant and not dest.is_dir():
            raise MissingFolderError(
                f"{printable(dest)}{os.sep}: no such folder to write into (a path that ends in / names a folder): "
                "make it first, or give a file name without the /"
            )
        if dest.is_dir():  # a folder for one file: the file goes inside it, named for what it holds
            stem = names[0] if len(names) == 1 and fmt not in ONE_FILE else read_descriptor(path).get("name", "package")
            dest = dest / f"{stem}.{EXTENSIONS[fmt]}"
        check_suffix(dest, fmt)
        targets = {dest: names}
    else:
        if dest.exists() and not dest.is_dir():
            raise ExportError(f"{printable(dest)} is a file; {fmt} writes one file per table, so give a folder")
        if dest.suffix.lower() == f".{EXTENSIONS[fmt]}" and not dest.is_dir():
            # out.parquet would become a folder of tables that a reader opens as one parquet file and fails on
            raise OutputSuffixError(
                f"{printable(dest)} names one .{EXTENSIONS[fmt]} file, but {len(names)} tables are exported and "
                f"{fmt} holds one table per file: give a folder (such as {printable(dest.with_suffix(''))}/) or name "
                "one table"
            )
        check_writable(dest)  # the folder named is made, inside a folder that exists
        targets = {dest / f"{name}.{EXTENSIONS[fmt]}": [name] for name in names}
    own = package_files(path)
    for target in targets:  # refuse before writing anything, so a refused export leaves nothing half done
        if os.path.realpath(target) in own:
            what = own[os.path.realpath(target)]
            raise ExportError(
                f"{printable(target)} is {what} being exported: choose another file (never replaced, --force or not)"
            )
        if target.exists() and not is_stream(target) and not force:
            raise ExportError(f"{printable(target)} exists; pass force=True to replace it")
        if target.parent.is_dir() or fmt in ONE_FILE or len(names) == 1:  # else the folder named, checked above
            check_writable(target)
    if validate:
        check_valid(path)
    if not (fmt in ONE_FILE or len(names) == 1):
        try:
            dest.mkdir(exist_ok=True)
        except OSError as exc:  # /proc/tables: the folder exists but refuses a new one
            said = refused_by_folder(exc, dest, made=dest) or exc
            raise ExportError(f"cannot write {printable(dest)}: {reason_of(said)}") from None
    writer = WRITERS[fmt]
    return [atomic_write(target, bound(writer, chosen, path), force) for target, chosen in targets.items()]


def check_suffix(dest: Path, fmt: str) -> None:
    """Refuse a file whose name ends in another suffix than its format's (a name without one is taken as given)."""
    suffix = dest.suffix.lower()
    if not suffix or suffix in SUFFIXES[fmt]:
        return
    other = next((f for f, known in SUFFIXES.items() if suffix in known), None)
    instead = f", or export as {other}" if other else ""
    raise OutputSuffixError(
        f"{printable(dest)}: {fmt} files end in {' or '.join(SUFFIXES[fmt])}, not {printable(dest.suffix)}: "
        f"name it so{instead}"
    )


def bound(
    writer: Callable[[Path, list[str], str | Path | None], None], names: list[str], path: str | Path | None
) -> Callable[[Path], None]:
    """The writer for these tables, waiting only for the temporary file to write to."""

    def write(tmp: Path) -> None:
        writer(tmp, names, path)

    return write


def check_valid(path: str | Path | None) -> None:
    """Refuse to export a package with errors (imports the validator)."""
    from ..semantics.validation import validate as run

    report = run(path)
    if not report.valid:
        first = report.first_error()  # the first `validate` lists (r7): a cause, not what follows from it
        assert first is not None  # an invalid report has an error
        raise ExportError(
            f"the package has {count(len(report.errors), 'error')} (first: {first.location()}: {first.message}); "
            "fix the package (see `validate`) before exporting"
        )


def write_csv(tmp: Path, names: list[str], path: str | Path | None) -> None:
    """The table's cells exactly as the package's CSV file writes them."""
    (name,) = names
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        frame = as_written(name, path)
        writer.writerow(frame.columns)
        writer.writerows(frame.itertuples(index=False, name=None))


def write_json(tmp: Path, names: list[str], path: str | Path | None) -> None:
    """A JSON array of row objects, typed."""
    (name,) = names
    frame = schema_frame(name, path)
    text = json.dumps(records(frame, field_types(name, path)), ensure_ascii=False, indent=2)
    tmp.write_text(text + "\n", encoding="utf-8")


def write_parquet(tmp: Path, names: list[str], path: str | Path | None) -> None:
    """A Parquet file with the schema's types, column descriptions as field metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    (name,) = names
    arrow = {name: arrow_type(t.parquet) for name, t in FIELD_TYPES.items()}
    frame = schema_frame(name, path)
    meta = meta_of(name, path)
    fields, arrays = [], []
    for column, kind in field_types(name, path).items():
        description = meta["columns"].get(column, "").encode("utf-8")
        fields.append(pa.field(column, arrow[kind], metadata={"description": description}))
        arrays.append(pa.array([plain(v, kind) for v in frame[column]], type=arrow[kind]))
    table_meta = {"title": meta["title"], "description": meta["description"], "citation": meta["citation"]}
    schema = pa.schema(fields, metadata={k: v.encode("utf-8") for k, v in table_meta.items()})
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), tmp)


def meta_of(name: str, path: str | Path | None) -> dict[str, Any]:
    from .frames import describe

    return describe(name, path)


def sqlite_ddl(name: str, path: str | Path | None, exported: Iterable[str] | None = None) -> str:
    """CREATE TABLE for one table: typed columns, NOT NULL where required, the primary and foreign keys. Given the
    tables `exported` together, a key to a table not among them is left out: the database has no such table, and
    SQLite refused every row (`export indicators --format sqlite`: "no such table: main.sources")."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), name))
    lines = []
    for field in schema["fields"]:
        kind = field.get("type", "string")
        column = f'"{field["name"]}" {SQL_TYPES[kind]}'
        if field.get("constraints", {}).get("required"):
            column += " NOT NULL"
        if kind == "boolean":
            column += f' CHECK ("{field["name"]}" IN (0, 1))'
        lines.append(column)
    key = primary_key(schema)
    if key:
        lines.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in key) + ")")
    for fields, other, ref_fields in foreign_keys(schema):
        target = other or name  # '' is the table itself (places.parent_id, units.base_unit)
        if exported is not None and target not in exported:
            continue
        lines.append(
            "FOREIGN KEY ("
            + ", ".join(f'"{f}"' for f in fields)
            + f') REFERENCES "{target}" ('
            + ", ".join(f'"{f}"' for f in ref_fields)
            + ") DEFERRABLE INITIALLY DEFERRED"
        )
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(lines) + "\n)"


def sql_value(value: Any, kind: str) -> Any:
    value = plain(value, kind)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_sqlite(tmp: Path, names: list[str], path: str | Path | None) -> None:
    """One SQLite database: a table per package table, keys enforced (`PRAGMA foreign_key_check` is empty). The
    file is made first, so a folder that refuses it says why as an OSError (sqlite says only "unable to open")."""
    tmp.touch()
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        with conn:
            for name in names:  # every table first: a key's table must exist when a row referring to it goes in
                conn.execute(sqlite_ddl(name, path, names))
            for name in names:
                types = field_types(name, path)
                frame = schema_frame(name, path)
                columns = ", ".join(f'"{c}"' for c in types)
                marks = ", ".join("?" for _ in types)
                rows = zip(*[[sql_value(v, types[c]) for v in frame[c]] for c in types], strict=True)
                conn.executemany(f'INSERT INTO "{name}" ({columns}) VALUES ({marks})', rows)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ExportError(f"{count(len(broken), 'row')} break a foreign key in SQLite (first: {broken[0]})")
    except sqlite3.IntegrityError as exc:
        raise ExportError(f"SQLite refused the rows: {exc}") from None
    finally:
        conn.close()


def write_xlsx(tmp: Path, names: list[str], path: str | Path | None) -> None:
    """One workbook: a sheet per table, dates as dates, formula-like text kept as text; an `about` sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    about = book.active
    about.title = "about"
    cite = citations.citation(path)
    descriptor = read_descriptor(path)
    licences = "; ".join(f"{lic.get('name')} ({lic.get('path', '')})" for lic in descriptor.get("licenses", []))
    about.append([cite["title"]])
    about["A1"].font = Font(bold=True)
    about.append(["version", cite["version"]])
    about.append(["licence", licences])
    about.append(["how to cite", citation_text(cite)])
    about.append(["units", "each figure's unit is its `unit` column; the `units` sheet gives its label and conversion"])
    about.append([])
    about.append(["sheet", "column", "type", "description"])
    for cell in about[about.max_row]:
        cell.font = Font(bold=True)
    for name in names:
        meta = meta_of(name, path)
        about.append([name, "", "", f"{meta['title']}: {meta['description']}"])
        for column, kind in field_types(name, path).items():
            about.append([name, column, kind, meta["columns"].get(column, "")])
    for name in names:
        sheet = book.create_sheet(name)
        types = field_types(name, path)
        frame = schema_frame(name, path)
        sheet.append(list(types))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row_number, row in enumerate(zip(*[frame[c] for c in types], strict=True), start=2):
            for col_number, (value, kind) in enumerate(zip(row, types.values(), strict=True), start=1):
                value = plain(value, kind)
                if value is None:
                    continue
                cell = sheet.cell(row=row_number, column=col_number, value=value)
                if kind == "date":
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(value, str) and value.startswith(FORMULA_START):
                    cell.data_type = "s"  # text, never a formula
                    cell.quotePrefix = True
    book.save(tmp)


WRITERS: dict[str, Callable[[Path, list[str], str | Path | None], None]] = {
    "csv": write_csv,
    "json": write_json,
    "parquet": write_parquet,
    "sqlite": write_sqlite,
    "xlsx": write_xlsx,
}
