"""An id names one thing forever: the release records keep what each id names, and a reuse fails the gate."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PackageCopy

from tongxiang_digital_economy import release
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import ReleaseError
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.io.atomic import write_json
from tongxiang_digital_economy.schema import descriptor

runner = CliRunner()
SHIPPED = bundled_package_dir()
ADVICE = (
    ": an id names one thing forever, so give this row an id never used (a figure: its source's next unused "
    "number), or list a correction of the same thing in releases/identity-corrections.csv"
)


def check_version(root: Path) -> tuple[int, str]:
    result = runner.invoke(cli, ["check-version", str(root)], catch_exceptions=False)
    return result.exit_code, result.output


def set_version(root: Path, version: str) -> None:
    d = descriptor.read_json(root / "datapackage.json")
    d["version"] = version
    write_json(root / "datapackage.json", d)


def row_of(package: PackageCopy, table: str, column: str, value: str) -> tuple[int, dict[str, str]]:
    """The CSV row number (2 is the first) and cells of the row whose `column` is `value`."""
    for number, row in enumerate(package.rows(table), start=2):
        if row[column] == value:
            return number, row
    raise AssertionError(f"no {table} row with {column} {value}")


@pytest.fixture
def released(package: PackageCopy) -> PackageCopy:
    """A copy of the package released as 1.0.0 (its record in releases/1.0.0.json), then worked on as 1.1.0.dev0."""
    set_version(package.root, "1.0.0")
    release.record(package.root)
    set_version(package.root, "1.1.0.dev0")
    return package


# --- The shipped package and its kept releases ---


@pytest.mark.skipif(not (SHIPPED / "releases" / "1.0.0.json").is_file(), reason="no kept releases beside the package")
def test_no_released_id_of_the_shipped_package_names_something_else() -> None:
    assert release.reused_ids(SHIPPED) == []


@pytest.mark.skipif(not (SHIPPED / "releases" / "1.0.0.json").is_file(), reason="no kept releases beside the package")
def test_the_light_of_wuzhen_id_reused_after_1_0_0_fails_the_gate(package: PackageCopy) -> None:
    """The reuse the cov7 reader found: -002 was "After 10 months" in 1.0.0; the first-in-province rank took it."""
    shutil.copytree(SHIPPED / "releases", package.root / "releases")
    source = "chinanews-tellerreport-2021-09-25-light-of-wuzhen-opened"
    number, row = row_of(package, "indicators", "observation_id", f"{source}-003")
    assert row["indicator"] == "supercomputing_center_order_in_province"
    package.edit("indicators", number, observation_id=f"{source}-002")
    project = "light-of-wuzhen-supercomputing-center"
    assert check_version(package.root) == (
        1,
        f"Error: indicators: {source}-002 named (indicator='project_construction_duration', project_id='{project}', "
        f"source_id='{source}') in release 1.0.0 but now names (indicator='supercomputing_center_order_in_province', "
        f"project_id='{project}', source_id='{source}'){ADVICE}\n",
    )


# --- Records ---


def test_a_release_record_keeps_what_each_id_names_one_line_per_id(released: PackageCopy) -> None:
    file = released.root / "releases" / "1.0.0.json"
    kept = json.loads(file.read_text(encoding="utf-8"))["identity"]
    assert set(kept) == {"indicators", "enterprises", "projects", "places", "events", "sources"}
    assert kept["indicators"]["fields"] == [
        "indicator",
        "place_id",
        "enterprise_id",
        "project_id",
        "event_id",
        "source_id",
    ]
    first = released.rows("indicators")[0]
    assert kept["indicators"]["rows"][first["observation_id"]] == "\t".join(
        first[f] for f in kept["indicators"]["fields"]
    )
    assert kept["events"]["fields"] == ["project_id", "start"]
    lines = file.read_text(encoding="utf-8").splitlines()
    assert sum(first["observation_id"] in line for line in lines) == 3  # its row hash, its cells' hashes, its identity


# --- The check ---


def test_a_released_id_naming_another_indicator_fails(released: PackageCopy) -> None:
    number, row = row_of(released, "indicators", "indicator", "gdp")
    released.edit("indicators", number, indicator="population")
    key, subject = row["observation_id"], row["place_id"]
    assert check_version(released.root) == (
        1,
        f"Error: indicators: {key} named (indicator='gdp', place_id='{subject}', source_id='{row['source_id']}') in "
        f"release 1.0.0 but now names (indicator='population', place_id='{subject}', "
        f"source_id='{row['source_id']}'){ADVICE}\n",
    )
    with pytest.raises(ReleaseError):
        release.check_identities(released.root)


def test_an_entity_id_given_to_another_name_fails(released: PackageCopy) -> None:
    number, row = next((n, r) for n, r in enumerate(released.rows("enterprises"), start=2) if r["name_zh"])
    released.edit("enterprises", number, name_zh="另一家公司")
    reuses = release.reused_ids(released.root)
    assert [(r.table, r.key, r.release, r.released, r.current) for r in reuses] == [
        ("enterprises", row["enterprise_id"], "1.0.0", {"name_zh": row["name_zh"]}, {"name_zh": "另一家公司"})
    ]


def test_saying_the_same_thing_more_exactly_is_no_reuse(released: PackageCopy) -> None:
    """An edition linked where there was none, a month made a day, a project moved to its sub-project."""
    rows = released.rows("indicators")
    unlinked = next(r for r in rows if not r["event_id"] and r["project_id"] == "world-internet-conference")
    unlinked["event_id"] = "wic-2018"
    on_parent = next(r for r in rows if r["project_id"] == "world-internet-conference" and r is not unlinked)
    child = next(p["project_id"] for p in released.rows("projects") if p["parent_id"] == "world-internet-conference")
    on_parent.update(project_id=child, event_id="")
    released.write("indicators", rows)
    events = released.rows("events")
    month = next(e for e in events if len(e["start"]) == 7)
    month["start"] += "-09"
    month["end"] = month["start"]
    released.write("events", events)
    assert release.reused_ids(released.root) == []


def write_corrections(root: Path, *rows: dict[str, str]) -> None:
    with (root / "releases" / "identity-corrections.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["table", "id", "release", "field", "released", "current", "why"])
        writer.writeheader()
        writer.writerows(rows)


def test_a_listed_correction_passes_and_only_that_change(released: PackageCopy) -> None:
    number, row = row_of(released, "indicators", "indicator", "gdp")
    released.edit("indicators", number, indicator="gdp_growth")
    key = row["observation_id"]
    listed = {"table": "indicators", "id": key, "release": "1.0.0", "field": "indicator", "released": "gdp"}
    write_corrections(released.root, {**listed, "current": "gdp_growth", "why": ""})
    assert check_version(released.root) == (
        1,
        f"Error: {released.root / 'releases' / 'identity-corrections.csv'}, row 2: a correction says why "
        "(the column `why` is empty)\n",
    )
    write_corrections(released.root, {**listed, "current": "gdp_growth", "why": "the text's figure is the growth"})
    assert check_version(released.root) == (
        0,
        "version 1.1.0.dev0: a minor bump from release 1.0.0 covers the change (patch needed)\n",
    )
    released.edit("indicators", number, indicator="gdp_per_capita")  # a later change is not the one listed
    assert [(r.key, r.current["indicator"]) for r in release.reused_ids(released.root)] == [(key, "gdp_per_capita")]
