"""Property tests aimed at the unit they test: the row reader on arbitrary bytes and rows (the header built from
the Table Schema, so every example reaches the rows), every registered rule on frames with any column empty or
out of its enum (a rule never crashes on data), and one whole `validate` example."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from conftest import PackageCopy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.paths import package_dir
from tongxiang_digital_economy.core.report import Problem, Report
from tongxiang_digital_economy.io.load import finished, read_resource
from tongxiang_digital_economy.io.reader import TableRead, read_table
from tongxiang_digital_economy.schema.descriptor import read_descriptor, resource, table_schema
from tongxiang_digital_economy.semantics.catalogue import problem_types
from tongxiang_digital_economy.semantics.rules import RULES, needs_of
from tongxiang_digital_economy.semantics.views import join_keys, views

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BASE = package_dir(None)
SCHEMA = table_schema(BASE, resource(read_descriptor(BASE), "places"))
HEADER = [f["name"] for f in SCHEMA["fields"]]
CELL = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


def read_places(tmp_path: Path, data: bytes) -> TableRead:
    path = tmp_path / "places.csv"
    path.write_bytes(data)
    return read_table("places", path, SCHEMA)


def sound(read: TableRead) -> None:
    """The reader gives a TableRead whose problems are registered and located; a frame exactly when it can type
    the rows; and a table loads (no error) exactly when its frame is there and no problem is an error."""
    assert isinstance(read, TableRead)
    assert all(isinstance(p, Problem) and p.rule in problem_types() for p in read.problems)
    assert all(p.row is None or p.row >= 1 for p in read.problems)
    if read.frame is not None:
        assert list(read.frame.columns) == HEADER
        assert read.text is not None and read.text.num_rows == len(read.frame)


def test_the_header_is_the_schemas() -> None:
    assert read_places_header() == HEADER  # the examples below write this header: they reach the rows


def read_places_header() -> list[str]:
    with (BASE / "data" / "places.csv").open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_after_the_header(tmp_path: Path, data: bytes) -> None:
    sound(read_places(tmp_path, (",".join(HEADER) + "\n").encode() + data))


@SETTINGS
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_as_the_whole_file(tmp_path: Path, data: bytes) -> None:
    sound(read_places(tmp_path, data))


@SETTINGS
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=len(HEADER) + 1), max_size=6))
def test_arbitrary_rows(tmp_path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    # CRLF records, as RFC 4180 writes them: the writer then quotes every cell holding a CR or an LF. (With "\n" it
    # leaves a lone CR unquoted, and an unquoted CR ends a record for every CSV reader: see the test below.)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    read = read_places(tmp_path, out.getvalue().encode("utf-8"))
    sound(read)
    # Every record is a row of the frame (a blank one with its blank-row problem), or the table is broken.
    if not read.broken:
        assert read.frame is not None and len(read.frame) == len(rows)


@pytest.mark.parametrize("slow", [False, True])
def test_a_carriage_return_in_a_quoted_cell_stays_in_its_cell(tmp_path: Path, slow: bool) -> None:
    """A quoted CR is one cell's text on both paths of the reader; an unquoted CR ends a record, as it does for the
    standard library's csv (and so frictionless): `\\rx,,` is a blank record and then the record `x,,`."""
    header = ",".join(HEADER) + "\n"
    # An extra cell on a last row sends the reader down its slow path (the standard library's csv) for the file.
    tail = "x,,,,,,\n" if slow else ""
    quoted = read_places(tmp_path, (header + '"\r",,,,,\n"a\rb",,,,,\r\n' + tail).encode())
    assert quoted.text is not None
    assert quoted.text.column("place_id").to_pylist()[:2] == ["\r", "a\rb"]
    assert quoted.text.num_rows == (3 if slow else 2)
    bare = read_places(tmp_path, (header + "\rx,,,,,\n").encode())
    assert [(p.rule, p.row) for p in bare.problems if p.rule == "blank-row"] == [("blank-row", 2)]
    assert bare.text is not None and bare.text.column("place_id").to_pylist() == ["", "x"]
    assert list(csv.reader(io.StringIO("\rx,,,,,\n", newline=""))) == [[], ["x", "", "", "", "", ""]]


def test_one_whole_validation_of_arbitrary_rows_agrees_with_load(package: PackageCopy) -> None:
    package.csv("places").write_text(",".join(HEADER) + "\nwuzhen,,,town,\n,x,\n", encoding="utf-8")
    tde.stamp(package.root)
    report = package.validate()
    assert isinstance(report, Report)
    blocking = [p for p in report.errors if p.table == "places"]
    assert blocking
    with pytest.raises(tde.LoadError):
        tde.load("places", package.root)


# --- every rule, every column empty or out of its enum -----------------------------------------------------------

READS = {name: read_resource(BASE, resource(read_descriptor(BASE), name)) for name in tde.tables(BASE)}
FRAMES = {name: finished(read, READS) for name, read in READS.items()}
KEYS = join_keys({name: read.schema for name, read in READS.items()})
RULE_TABLES = sorted({r.table for r in RULES})
# A few rows of each table: what matters is the shapes of the cells, not how many rows there are.
SMALL = {name: frame.head(40).copy() for name, frame in FRAMES.items()}


def spoiled(frame: pd.DataFrame, column: str, how: str) -> pd.DataFrame:
    """The frame with one column emptied, or given a value no enum, type or pattern allows."""
    out = frame.copy()
    if how == "empty":
        out[column] = pd.Series(pd.NA, index=out.index).astype(out[column].dtype)
    elif pd.api.types.is_string_dtype(out[column]):
        out[column] = pd.Series(["", "not-in-any-enum", " ", "≠∅"] * len(out), dtype=out[column].dtype)[: len(out)]
        out[column].index = out.index
    elif pd.api.types.is_bool_dtype(out[column]):
        out[column] = pd.Series(pd.NA, index=out.index, dtype=out[column].dtype)
    elif pd.api.types.is_datetime64_any_dtype(out[column]):
        out[column] = pd.Series(pd.Timestamp("1900-01-01"), index=out.index).astype(out[column].dtype)
    else:
        out[column] = pd.Series([-1e18, 0, 1e-9, 1e18] * len(out)).iloc[: len(out)].set_axis(out.index)
        out[column] = out[column].astype(frame[column].dtype) if frame[column].dtype != "Int64" else 0
    return out


def run_every_rule(frames: dict[str, Any], texts: dict[str, str | None] | None) -> None:
    built = views(frames, texts, {}, KEYS, needs_of(RULES))
    for rule in RULES:
        if rule.table in built and (texts is not None or not rule.needs_archive):
            result = rule.check(built[rule.table])  # an exception here is a RuleCrash in validate
            assert len(result) == len(built[rule.table])


@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_no_rule_crashes_on_any_cell(data: st.DataObject) -> None:
    table = data.draw(st.sampled_from(RULE_TABLES))
    column = data.draw(st.sampled_from(list(SMALL[table].columns)))
    how = data.draw(st.sampled_from(["empty", "odd"]))
    frames = dict(SMALL, **{table: spoiled(SMALL[table], column, how)})
    archive = data.draw(st.booleans())
    run_every_rule(frames, {} if archive else None)


@pytest.mark.parametrize("column", list(SMALL["indicator_definitions"].columns))
def test_no_rule_crashes_on_an_empty_definition_cell(column: str) -> None:
    """Found by the property above in CI: a definition without its `indicator` id crashed the written-forms
    reading (NA compared with NA). Every column of the definitions emptied in turn, with and without the archive:
    the readings of forms and neighbours take only whole definitions."""
    frames = dict(SMALL, indicator_definitions=spoiled(SMALL["indicator_definitions"], column, "empty"))
    run_every_rule(frames, {})
    run_every_rule(frames, None)
