"""The writers of each export format (export.py chooses one and writes its file atomically): CSV as the package's
files write the cells, JSON typed, Parquet and SQLite with the schema's types (SQLite with its keys, enforced),
and XLSX with dates as dates, formula-like text kept as text and an `about` sheet.

pyarrow (Parquet) and openpyxl (XLSX) come with the `export` extra and are imported only when used.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..core.exceptions import ExportError
from ..core.paths import package_dir
from ..core.report import count
from ..io.load import as_written
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import foreign_keys, primary_key
from ..schema.types import TYPES as FIELD_TYPES
from ..schema.types import arrow_type, plain
from . import citations
from .citation_formats import as_text as citation_text
from .typed_records import field_types, records, schema_frame

FORMULA_START = ("=", "+", "-", "@")
SQL_TYPES = {name: t.sql for name, t in FIELD_TYPES.items()}  # schema/types.py: one mapping per type


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
