"""Exports read back with their own readers (csv, json, sqlite3, pyarrow, openpyxl) give the same tables."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import OutputSuffixError
from tongxiang_digital_economy.core.report import count
from tongxiang_digital_economy.schema.types import plain
from tongxiang_digital_economy.use.export import ExportError, export
from tongxiang_digital_economy.use.typed_records import field_types, schema_frame

runner = CliRunner(catch_exceptions=False)
TABLES = tde.tables()


def expected(table: str) -> list[tuple[Any, ...]]:
    """Each row of a table as plain Python values (None, str, int, float, bool, datetime.date)."""
    types = field_types(table)
    frame = schema_frame(table)
    return [tuple(plain(v, types[c]) for c, v in zip(types, row, strict=True)) for row in frame.itertuples(index=False)]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format written once for the module; the package is validated by the first export only (the others
    would validate the same files again: test_an_invalid_package_is_not_exported proves the refusal)."""
    folder = tmp_path_factory.mktemp("exports")
    for fmt in ("csv", "json", "parquet"):
        export(fmt, folder / fmt, validate=fmt == "csv")
    export("sqlite", folder / "all.sqlite", validate=False)
    export("xlsx", folder / "all.xlsx", validate=False)
    return folder


@pytest.mark.parametrize("table", TABLES)
def test_csv_holds_the_cells_as_written(exported: Path, table: str) -> None:
    written = (exported / "csv" / f"{table}.csv").read_bytes()
    assert written == (Path(tde.package().basepath) / "data" / f"{table}.csv").read_bytes()


@pytest.mark.parametrize("table", TABLES)
def test_json_round_trip(exported: Path, table: str) -> None:
    types = field_types(table)
    rows = json.loads((exported / "json" / f"{table}.json").read_text(encoding="utf-8"))
    back = [
        tuple(dt.date.fromisoformat(r[c]) if types[c] == "date" and r[c] is not None else r[c] for c in types)
        for r in rows
    ]
    assert back == expected(table)
    for row in rows:  # numbers are numbers, booleans are booleans
        for column, kind in types.items():
            if row[column] is not None and kind in ("integer", "number"):
                assert isinstance(row[column], int | float) and not isinstance(row[column], bool)
            if row[column] is not None and kind == "boolean":
                assert isinstance(row[column], bool)


@pytest.mark.parametrize("table", TABLES)
def test_parquet_round_trip_with_the_schema_types(exported: Path, table: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    read = pq.read_table(exported / "parquet" / f"{table}.parquet")
    arrow = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    arrow["date"] = pa.date32()
    assert [(f.name, f.type) for f in read.schema] == [(c, arrow[k]) for c, k in field_types(table).items()]
    assert (
        read.schema.field(0).metadata[b"description"].decode("utf-8")
        == tde.load(table).attrs["columns"][read.schema.field(0).name]
    )
    assert [tuple(row.values()) for row in read.to_pylist()] == expected(table)


def test_sqlite_keys_types_and_rows(exported: Path) -> None:
    conn = sqlite3.connect(exported / "all.sqlite")
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = conn.execute("PRAGMA foreign_key_list(indicators)").fetchall()
        assert sorted((fk[3], fk[2], fk[4]) for fk in fks) == [
            ("enterprise_id", "enterprises", "enterprise_id"),
            ("event_id", "events", "event_id"),
            ("indicator", "indicator_definitions", "indicator"),
            ("place_id", "places", "place_id"),
            ("project_id", "projects", "project_id"),
            ("source_id", "sources", "source_id"),
            ("unit", "units", "unit"),
        ]
        pk = [r[1] for r in conn.execute("PRAGMA table_info(lexicon)") if r[5]]
        assert pk == ["term", "language", "category"]
        column_types = {r[1]: r[2] for r in conn.execute("PRAGMA table_info(indicators)")}
        assert (column_types["value"], column_types["year"], column_types["evidence"]) == ("REAL", "INTEGER", "TEXT")
        assert conn.execute("SELECT DISTINCT typeof(truncated) FROM sources").fetchall() == [("integer",)]
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO indicators (observation_id, indicator) VALUES ('x-001', 'no-such-indicator')")
            conn.commit()
        conn.rollback()
        for table in TABLES:
            types = field_types(table)
            columns = ", ".join(f'"{c}"' for c in types)
            rows = conn.execute(f'SELECT {columns} FROM "{table}" ORDER BY rowid').fetchall()
            back = [
                tuple(
                    None
                    if v is None
                    else dt.date.fromisoformat(v)
                    if types[c] == "date"
                    else bool(v)
                    if types[c] == "boolean"
                    else v
                    for c, v in zip(types, row, strict=True)
                )
                for row in rows
            ]
            assert back == expected(table), table
    finally:
        conn.close()


def test_xlsx_sheets_dates_formulas_and_about(exported: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(exported / "all.xlsx")
    assert book.sheetnames == ["about", *TABLES]
    about = [[c.value for c in row] for row in book["about"].iter_rows()]
    assert about[0] == [tde.citation()["title"], None, None, None]
    assert about[2][0] == "licence" and "CC-BY-4.0" in about[2][1]
    assert about[3][0] == "how to cite" and f"Version {tde.version()}" in about[3][1]
    described = {(r[0], r[1]): r[3] for r in about if r[1]}
    assert described[("indicators", "qualifier")] == tde.load("indicators").attrs["columns"]["qualifier"]
    for table in TABLES:
        types = field_types(table)
        sheet = book[table]
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == list(types)
        back = [tuple(v.date() if isinstance(v, dt.datetime) else v for v in row) for row in rows[1:]]
        assert back == expected(table), table
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", f"{table} {cell.coordinate} would run as a formula"
    letter = {c.value: c.column_letter for c in book["indicators"][1]}
    quotes = book["indicators"][letter["value_text"]]
    minus = next(c for c in quotes if isinstance(c.value, str) and c.value.startswith("-"))
    assert (minus.data_type, minus.quotePrefix) == ("s", True)
    period = book["indicators"][f"{letter['period_start']}2"]
    assert period.is_date and period.number_format == "yyyy-mm-dd"


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "units.csv"
    target.write_text("keep me", encoding="utf-8")
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(target)])
    assert (result.exit_code, result.output) == (1, f"Error: {target} exists; pass --force to replace it\n")
    assert target.read_text(encoding="utf-8") == "keep me"
    result = runner.invoke(cli, ["export", "units", "--format", "csv", "-o", str(target), "--force"])
    assert (result.exit_code, result.output) == (0, f"wrote {target}\n")
    assert target.read_bytes() == (Path(tde.package().basepath) / "data" / "units.csv").read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["units.csv"]  # no temporary file left behind


def test_a_folder_export_refuses_before_writing_anything(tmp_path: Path) -> None:
    (tmp_path / "units.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ExportError):
        export("json", tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["units.json"]


def test_unknown_table() -> None:
    """A TABLE that names no table is a usage error, as in `show` (issue 16: the same fault, the same exit code)."""
    result = runner.invoke(cli, ["export", "nope", "--format", "csv", "-o", "x.csv"])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for TABLE: no table named 'nope'; the tables are: {', '.join(TABLES)}",
    )


def test_an_invalid_package_is_not_exported(package: PackageCopy, tmp_path: Path) -> None:
    package.edit("indicators", 2, unit="no_such_unit")
    target = tmp_path / "out.sqlite"
    result = runner.invoke(cli, ["export", "--format", "sqlite", "-o", str(target), "--package", str(package.root)])
    report = tde.validate(package.root)
    first = report.errors[0]
    assert (result.exit_code, result.output) == (
        1,
        f"Error: the package has {count(len(report.errors), 'error')} (first: {first.location()}: {first.message}); "
        "fix the package (see `validate`) before exporting\n",
    )
    assert not target.exists()


def test_show_json_is_typed() -> None:
    result = runner.invoke(
        cli, ["show", "sources", "--where", "source_id=chinadaily-2024-05-28-dynamic-tongxiang", "--format", "json"]
    )
    (row,) = json.loads(result.output)
    truncated = tde.load("sources").set_index("source_id").at["chinadaily-2024-05-28-dynamic-tongxiang", "truncated"]
    assert row["truncated"] is bool(truncated)
    result = runner.invoke(
        cli,
        [
            "show",
            "indicators",
            "--where",
            "observation_id=chinadaily-2024-05-28-dynamic-tongxiang-002",
            "--format",
            "json",
        ],
    )
    (row,) = json.loads(result.output)
    assert (row["year"], row["value"], row["value_base"], row["value_upper"], row["period_end"]) == (
        2023,
        3694,
        3694,
        None,
        "2023-12-31",
    )


def test_csv_reader_reads_the_csv_export(exported: Path) -> None:
    with (exported / "csv" / "indicators.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(tde.load("indicators"))
    assert [r["observation_id"] for r in rows] == list(tde.load("indicators")["observation_id"])


def test_a_folder_given_for_one_file_gets_the_file_inside(tmp_path: Path) -> None:
    assert export("sqlite", tmp_path) == [tmp_path / "tongxiang-digital-economy.sqlite"]
    assert export("parquet", tmp_path, ["units"]) == [tmp_path / "units.parquet"]


def test_a_file_given_for_several_tables(tmp_path: Path) -> None:
    target = tmp_path / "all.csv"
    target.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["export", "--format", "csv", "-o", str(target)])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {target} is a file; csv writes one file per table, so give a folder\n",
    )


def test_the_library_says_force_true_where_the_cli_says_force(tmp_path: Path) -> None:
    """A refused overwrite names the Python argument in the library and the option in the CLI (trial 2, U9)."""
    target = tmp_path / "units.csv"
    export("csv", target, ["units"], validate=False)
    with pytest.raises(ExportError) as caught:
        export("csv", target, ["units"], validate=False)
    assert str(caught.value) == f"{target} exists; pass force=True to replace it"


@pytest.mark.parametrize(
    ("args", "name", "said"),
    [
        (
            ["indicators", "--format", "csv"],
            "ind.json",
            "csv files end in .csv, not .json: name it so, or export as json",
        ),
        (["--format", "xlsx"], "all.xls", "xlsx files end in .xlsx, not .xls: name it so"),
        (
            ["units", "--format", "sqlite"],
            "units.csv",
            "sqlite files end in .sqlite or .sqlite3 or .db, not .csv: name it so, or export as csv",
        ),
    ],
)
def test_a_file_named_for_another_format_is_refused(tmp_path: Path, args: list[str], name: str, said: str) -> None:
    """Trial 6 r6: `export --format csv -o ind.json` wrote a CSV named .json; `plot` refuses a wrong suffix, and so
    does `export` now, before writing anything; a usage error, exit 2, as `plot`'s (trial 8 m7: it was 1)."""
    result = runner.invoke(cli, ["export", *args, "-o", str(tmp_path / name)])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for '--output' / '-o': {tmp_path / name}: {said}",
    )
    with pytest.raises(OutputSuffixError) as caught:  # the library's ExportError names the file the same way
        export(args[args.index("--format") + 1], tmp_path / name, [a for a in args[:1] if a != "--format"])
    assert str(caught.value) == f"{tmp_path / name}: {said}"
    assert list(tmp_path.iterdir()) == []
    assert export("sqlite", tmp_path / "units.db", ["units"], validate=False) == [tmp_path / "units.db"]


def test_the_first_error_named_is_the_first_validate_lists(package: PackageCopy, tmp_path: Path) -> None:
    """Trial 6 r7: with bad cells at rows 11 and 4, `export` and `tde.load` said "first: indicators, row 11" while
    `validate` lists row 4 first. Both name the first error `validate` lists."""
    package.edit("indicators", 11, value="1O8.86")
    package.edit("indicators", 4, status="Actual")
    listed = tde.validate(package.root).to_text().splitlines()
    first = next(line for line in listed if ": error [" in line)
    assert first.startswith("indicators, row 4, field status: error [")
    result = runner.invoke(
        cli, ["export", "--format", "sqlite", "-o", str(tmp_path / "x.sqlite"), "--package", str(package.root)]
    )
    assert result.exit_code == 1
    assert "(first: indicators, row 4, field status: " in result.output
    with pytest.raises(tde.LoadError) as caught:
        tde.load("indicators", package.root)
    assert (caught.value.row, caught.value.field) == (4, "status")


def test_one_table_to_sqlite_keeps_the_keys_to_tables_it_holds(tmp_path: Path) -> None:
    """`export indicators --format sqlite` failed, "no such table: main.sources": the keys to tables not exported
    are left out (the database has no such table), those to tables exported with it kept."""
    target = tmp_path / "two.sqlite"
    result = runner.invoke(cli, ["export", "indicators", "units", "--format", "sqlite", "-o", str(target)])
    assert (result.exit_code, result.stderr) == (0, f"wrote {target}\n")
    conn = sqlite3.connect(target)
    try:
        fks = conn.execute("PRAGMA foreign_key_list(indicators)").fetchall()
        assert [(fk[3], fk[2]) for fk in fks] == [("unit", "units")]
        assert conn.execute("SELECT count(*) FROM indicators").fetchone() == (len(schema_frame("indicators")),)
    finally:
        conn.close()
