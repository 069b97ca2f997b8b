"""The loader: every column of every table typed as its Table Schema says, nothing coerced or dropped."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.paths import bundled_package_dir

TABLES = tde.tables()
DTYPE_CHECKS = {
    "string": pd.api.types.is_string_dtype,
    "integer": lambda s: str(s.dtype) == "Int64",
    "number": lambda s: str(s.dtype) == "Float64",
    "boolean": lambda s: str(s.dtype) == "boolean",
    "date": pd.api.types.is_datetime64_any_dtype,
}


def schema_fields(table: str) -> list[dict]:
    base = bundled_package_dir()
    return json.loads((base / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8"))["fields"]


def raw_rows(table: str) -> list[dict[str, str]]:
    with (bundled_package_dir() / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_package_has_its_ten_tables() -> None:
    assert TABLES == [
        "sources",
        "units",
        "lexicon",
        "places",
        "indicator_definitions",
        "enterprises",
        "projects",
        "project_enterprises",
        "events",
        "indicators",
    ]


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_its_schema_type(table: str) -> None:
    frame = tde.load(table)
    for field in schema_fields(table):
        assert DTYPE_CHECKS[field["type"]](frame[field["name"]]), (table, field["name"], frame[field["name"]].dtype)


@pytest.mark.parametrize("table", TABLES)
def test_every_row_and_cell_is_kept(table: str) -> None:
    frame, raw = tde.load(table), raw_rows(table)
    assert len(frame) == len(raw) > 0
    assert list(frame.index) == list(range(len(raw))), "a plain RangeIndex: CSV row = index + 2"
    for field in schema_fields(table):
        name = field["name"]
        empty = [r[name] == "" for r in raw]
        assert list(frame[name].isna()) == empty, f"{table}.{name}: missing exactly where the CSV is empty"


def test_primary_key_stays_a_column() -> None:
    assert "observation_id" in tde.load("indicators").columns


def test_values_are_exactly_as_written() -> None:
    ind = tde.load("indicators")
    raw = {r["observation_id"]: r for r in raw_rows("indicators")}
    for row in ind.itertuples():
        assert row.value == float(raw[row.observation_id]["value"])


@pytest.mark.parametrize(
    ("value", "unit", "denominator", "base", "base_unit"),
    [
        ("37.73", "billion_yuan", "", 37_730_000_000, "yuan"),
        ("108.86", "yi_yuan", "", 10_886_000_000, "yuan"),
        ("67", "mu", "", 67 * 10000 / 15, "m2"),  # a mu is 10000/15 m2, exactly, then one rounding
        ("9", "month", "", 273.931875, "day"),
        ("1", "fraction", "3", 1 / 3, "times"),
    ],
)
def test_base_values_are_exact(
    package: PackageCopy, value: str, unit: str, denominator: str, base: float, base_unit: str
) -> None:
    row = package.rows("indicators")[0]
    package.write("indicators", [{**row, "value": value, "unit": unit, "value_denominator": denominator}])
    loaded = tde.load("indicators", package.root).iloc[0]
    assert (loaded["value_base"], loaded["base_unit"]) == (base, base_unit)


def test_37_73_billion_yuan_is_exactly_37730000000_yuan() -> None:
    ind = tde.load("indicators")
    row = ind[(ind["value"] == 37.73) & (ind["unit"] == "billion_yuan")].iloc[0]
    assert row["value_base"] == 37_730_000_000
    assert row["base_unit"] == "yuan"


def test_year_is_an_integer_and_dates_are_dates() -> None:
    ind = tde.load("indicators")
    assert str(ind["year"].dtype) == "Int64"
    assert (ind["period_end"].dt.year == ind["year"]).all()


def test_loading_imports_neither_frictionless_nor_pandera() -> None:
    code = (
        "import sys, tongxiang_digital_economy as t; [t.load(n) for n in t.tables()]; "
        "print(sorted(m for m in ('frictionless', 'pandera') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_bad_cell_is_an_error_naming_table_row_and_field(package: PackageCopy) -> None:
    package.edit("indicators", 3, year="twenty")
    with pytest.raises(tde.LoadError, match=r"indicators row 3, field year: 'twenty' is not a valid integer"):
        tde.load("indicators", package.root)


def test_an_impossible_date_is_an_error(package: PackageCopy) -> None:
    package.edit("indicators", 2, period_end="2020-02-30")
    with pytest.raises(tde.LoadError, match="row 2, field period_end"):
        tde.load("indicators", package.root)


def test_a_ragged_row_is_an_error(package: PackageCopy) -> None:
    path = package.csv("places")
    rows = len(package.rows("places"))
    path.write_text(path.read_text(encoding="utf-8") + "x,X\n", encoding="utf-8")
    with pytest.raises(
        tde.LoadError, match=rf"^places row {rows + 2}, field name_zh: the row has 2 cells, the header 6"
    ):
        tde.load("places", package.root)


def test_unknown_table() -> None:
    with pytest.raises(tde.TableNotFoundError, match="the tables are: sources"):
        tde.load("nope")


def test_no_package_here(tmp_path) -> None:
    with pytest.raises(tde.PackageNotFoundError, match=r"no datapackage\.json"):
        tde.load("units", tmp_path)


def test_a_users_copy_loads_from_its_folder(package: PackageCopy) -> None:
    package.edit("units", 2, label="edited label")
    assert tde.load("units", package.root).loc[0, "label"] == "edited label"
    assert tde.load("units").loc[0, "label"] != "edited label"


def test_version_and_citation_come_from_the_descriptor() -> None:
    descriptor = json.loads((bundled_package_dir() / "datapackage.json").read_text(encoding="utf-8"))
    assert tde.version() == descriptor["version"] == tde.__version__
    assert tde.citation()["version"] == descriptor["version"]


def test_a_table_read_before_is_read_again_once_its_bytes_change(package: PackageCopy) -> None:
    """Reads are kept by the file's bytes (io/kept.py), never by its path or time: an edit that keeps the file's
    size, made within the same second, is seen by the next load and the next validation."""
    rows = package.rows("units")
    assert tde.load("units", package.root)["label"].iloc[0] == rows[0]["label"]
    label = rows[0]["label"]
    rows[0]["label"] = label[::-1] if label[::-1] != label else label.upper()
    package.write("units", rows, stamp=False)
    assert tde.load("units", package.root)["label"].iloc[0] == rows[0]["label"]
    # The file's hash is checked in the structure layer: the cheapest check that reads the file again.
    assert [p.rule for p in package.structure().errors] == ["hash"]


def test_a_loaded_frame_changed_by_its_caller_leaves_the_next_load_alone(package: PackageCopy) -> None:
    first = tde.load("indicators", package.root)
    expected = first.copy()
    first.loc[0, "value"] = -1
    first["extra"] = 1
    first.attrs["mine"] = True
    again = tde.load("indicators", package.root)
    pd.testing.assert_frame_equal(again, expected)
    assert "mine" not in again.attrs
