"""Every semantic rule fires on a copy of the package broken in exactly the way it guards against."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from conftest import PackageCopy, errors, found

from tongxiang_digital_economy.rules import RULES

SOURCE = "chinadaily-2020-01-14-digital-economy-booms"  # published 2020-01-14
GOOD = {
    "observation_id": f"{SOURCE}-999",
    "indicator": "digital_economy_enterprises",
    "place_id": "tongxiang",
    "enterprise_id": "",
    "project_id": "",
    "period_start": "2020-01-14",
    "period_end": "2020-01-14",
    "year": "2020",
    "value": "1890",
    "unit": "count",
    "qualifier": "eq",
    "status": "actual",
    "source_id": SOURCE,
    "evidence": "At present, the city is home to 1,890 digital economy enterprises",
    "attributed_to": "",
    "note": "",
}


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_every_rule_has_a_test reads these marks from this file."""
    return rule


def test_the_shipped_package_is_valid(package: PackageCopy) -> None:
    report = package.validate()
    assert report.valid, errors(report)


def test_a_good_row_passes_every_rule(package: PackageCopy) -> None:
    package.append("indicators", GOOD)
    assert package.validate().valid


# One indicators row changed in one way -> the rule that must fire, and the field it names.
INDICATOR_FAULTS = [
    ({"unit": "yi_yuan"}, covers("unit-dimension-mismatch"), "unit"),
    (
        {"value": "1890.5", "evidence": "home to 1,890.5 digital economy enterprises"},
        covers("count-not-whole"),
        "value",
    ),
    ({"value": "-1890", "evidence": "home to -1890 digital economy enterprises"}, "count-not-whole", "value"),
    ({"period_start": "2020-02-01"}, covers("period-order"), "period_end"),
    ({"year": "2019"}, covers("year-not-period-end"), "year"),
    (
        {"period_start": "2020-06-30", "period_end": "2020-06-30"},
        covers("actual-after-publication"),
        "period_end",
    ),
    (
        {"status": "target", "period_start": "2019-12-31", "period_end": "2019-12-31", "year": "2019"},
        covers("target-not-after-publication"),
        "period_end",
    ),
    ({"value": "1891"}, covers("evidence-missing-value"), "evidence"),
    ({"value": "189"}, "evidence-missing-value", "evidence"),
    ({"observation_id": "chinaorgcn-2018-wuzhen-gears-up-999"}, covers("observation-id-source"), "observation_id"),
]


@pytest.mark.parametrize(("change", "rule", "field"), INDICATOR_FAULTS)
def test_indicator_rule_fires(package: PackageCopy, change: dict[str, str], rule: str, field: str) -> None:
    row = package.append("indicators", {**GOOD, **change})
    report = package.validate()
    assert ("indicators", row, field) in found(report, rule)
    assert not report.valid


def add_figure(package: PackageCopy, dimension: str, measure: str, unit: str, value: str, evidence: str) -> int:
    """Append a row of a new test indicator of the given dimension and measure; return its CSV row number."""
    indicator = f"test_{dimension}_{measure}"
    definition = {"indicator": indicator, "label": indicator, "definition": "test", "dimension": dimension}
    package.append("indicator_definitions", {**definition, "measure": measure})
    change = {"indicator": indicator, "unit": unit, "value": value, "evidence": evidence}
    return package.append("indicators", {**GOOD, **change})


@pytest.mark.parametrize(("value", "fires"), [("81.8", False), ("100", False), ("181.8", True), ("-1", True)])
def test_share_must_lie_within_0_and_100(package: PackageCopy, value: str, fires: bool) -> None:
    row = add_figure(package, "percent", "share", "percent", value, f"a share of {value} percent")
    assert (("indicators", row, "value") in found(package.validate(), covers("share-out-of-range"))) is fires


@pytest.mark.parametrize(("value", "evidence", "fires"), [("2", "ranked second", False), ("0", "ranked 0", True)])
def test_rank_must_be_a_positive_whole_number(package: PackageCopy, value: str, evidence: str, fires: bool) -> None:
    row = add_figure(package, "rank", "rank", "rank", value, evidence)
    assert (("indicators", row, "value") in found(package.validate(), covers("rank-not-positive-whole"))) is fires


def test_a_growth_rate_above_100_percent_is_not_a_share(package: PackageCopy) -> None:
    add_figure(package, "percent", "change", "percent", "142", "增长142%")
    assert not found(package.validate(), "share-out-of-range")


def test_conflicting_values_are_a_warning_on_every_row_involved(package: PackageCopy) -> None:
    first = package.append("indicators", GOOD)
    other = {
        "observation_id": f"{SOURCE}-998",
        "value": "1900",
        "evidence": "home to 1,900 digital economy enterprises",
    }
    second = package.append("indicators", {**GOOD, **other})
    report = package.validate()
    where = found(report, covers("conflicting-values"))
    assert ("indicators", first, "value") in where
    assert ("indicators", second, "value") in where
    assert report.valid, "a conflict is reported, never a reason to drop a source's figure"
    assert {p.severity for p in report.problems if p.rule == "conflicting-values"} == {"warning"}


def test_same_value_in_another_scale_is_no_conflict(package: PackageCopy) -> None:
    first = package.append("indicators", GOOD)
    change = {"observation_id": f"{SOURCE}-998", "value": "0.189", "unit": "wan", "evidence": "0.189万家"}
    second = package.append("indicators", {**GOOD, **change})
    rows = {row for _, row, _ in found(package.validate(), "conflicting-values")}
    assert not rows & {first, second}


def test_base_unit_must_be_a_base_of_the_same_dimension(package: PackageCopy) -> None:
    bad = {"unit": "bad_scale", "label": "x", "label_zh": "", "dimension": "currency", "base_unit": "count"}
    row = package.append("units", {**bad, "multiplier": "10"})
    assert ("units", row, "base_unit") in found(package.validate(), covers("unit-base-mismatch"))


def test_published_and_its_basis_go_together(package: PackageCopy) -> None:
    row = next(i for i, r in enumerate(package.rows("sources"), start=2) if r["published"])
    package.edit("sources", row, published_basis="")
    assert ("sources", row, "published_basis") in found(package.validate(), covers("published-basis-mismatch"))


@pytest.mark.parametrize("table", ["enterprises", "projects"])
def test_evidence_must_name_the_enterprise_or_project(package: PackageCopy, table: str) -> None:
    package.edit(table, 2, evidence="a passage that names nothing in particular")
    assert (table, 2, "evidence") in found(package.validate(), covers("evidence-missing-name"))


# --- against an archive ----------------------------------------------------------------------------------------


def test_the_package_is_valid_against_its_archive(package: PackageCopy, archive: Path) -> None:
    report = package.validate(archive)
    assert report.valid, errors(report)


@pytest.mark.parametrize("table", ["indicators", "enterprises", "projects"])
def test_evidence_must_occur_in_the_archived_text(package: PackageCopy, archive: Path, table: str) -> None:
    evidence = package.rows(table)[0]["evidence"]
    package.edit(table, 2, evidence=evidence + " (edited)")
    assert (table, 2, "evidence") in found(package.validate(archive), covers("evidence-not-in-source"))


def test_white_space_differences_are_not_faults(package: PackageCopy, archive: Path) -> None:
    evidence = package.rows("indicators")[0]["evidence"]
    package.edit("indicators", 2, evidence="  " + evidence.replace(" ", "\n  ") + " ")
    assert not found(package.validate(archive), "evidence-not-in-source")


def test_archived_file_must_exist(package: PackageCopy, archive: Path) -> None:
    package.edit("sources", 2, archive_file="not-in-the-archive.txt")
    assert ("sources", 2, "archive_file") in found(package.validate(archive), covers("archive-file-missing"))


def test_archived_file_must_have_the_recorded_hash(package: PackageCopy, archive: Path) -> None:
    package.edit("sources", 2, archive_sha256="0" * 64)
    report = package.validate(archive)
    assert ("sources", 2, "archive_sha256") in found(report, covers("archive-hash-mismatch"))


def test_every_archived_source_needs_a_row(package: PackageCopy, archive: Path) -> None:
    catalogue = json.loads((archive / "sources.json").read_text(encoding="utf-8"))
    catalogue.append({"id": "unlisted-source", "file": "unlisted-source.txt"})
    (archive / "sources.json").write_text(json.dumps(catalogue), encoding="utf-8")
    problems = [p for p in package.validate(archive).problems if p.rule == covers("archive-source-missing")]
    assert [(p.table, p.field) for p in problems] == [("sources", "source_id")]
    assert "unlisted-source" in problems[0].message


def test_an_unreadable_catalogue_is_reported(package: PackageCopy, archive: Path) -> None:
    (archive / "sources.json").write_text("{not json", encoding="utf-8")
    assert found(package.validate(archive), covers("archive-catalogue-unreadable")) == [("sources", None, None)]


def test_a_missing_catalogue_is_a_warning(package: PackageCopy, archive: Path) -> None:
    (archive / "sources.json").unlink()
    report = package.validate(archive)
    assert found(report, covers("archive-catalogue-missing")) == [("sources", None, None)]
    assert report.valid


def test_an_archived_text_that_is_not_utf8_is_one_clear_error(package: PackageCopy, archive: Path) -> None:
    source = package.rows("sources")[0]
    path = archive / source["archive_file"]
    data = path.read_text(encoding="utf-8").encode("gb18030") + b"\xff"
    path.write_bytes(data)
    package.edit("sources", 2, archive_sha256=hashlib.sha256(data).hexdigest())
    report = package.validate(archive)
    assert found(report, covers("archive-file-not-utf8")) == [("sources", None, "archive_file")]
    assert not found(report, "evidence-not-in-source"), "its evidence cannot be searched, so it is not blamed"


def test_an_impossible_publication_date(package: PackageCopy) -> None:
    row = next(i for i, r in enumerate(package.rows("sources"), start=2) if r["published"])
    package.edit("sources", row, published="2020-02-30")
    assert ("sources", row, "published") in found(package.validate(), covers("published-not-a-date"))


@pytest.mark.parametrize("field", ["period_start", "observation_id", "evidence"])
def test_a_missing_required_cell_is_reported_once_and_crashes_no_rule(package: PackageCopy, field: str) -> None:
    package.edit("indicators", 2, **{field: ""})
    report = package.validate()
    assert ("indicators", 2, field) in found(report, "constraint-error")
    assert not [p for p in report.problems if p.layer == "semantics" and p.row == 2]


def test_a_change_of_rank_may_be_negative(package: PackageCopy) -> None:
    add_figure(package, "rank", "change", "rank", "-3", "down -3 places")
    assert not found(package.validate(), "rank-not-positive-whole")


def test_archive_rules_are_off_without_an_archive(package: PackageCopy) -> None:
    package.edit("sources", 2, archive_sha256="0" * 64)
    assert not found(package.validate(), "archive-hash-mismatch")


def test_every_rule_has_a_test() -> None:
    """Every declared rule (and each archive-level check) is the subject of a test in this file."""
    declared = {r.id for r in RULES} | {
        "archive-source-missing",
        "archive-catalogue-unreadable",
        "archive-catalogue-missing",
        "archive-file-not-utf8",
    }
    marked = set(re.findall(r'covers\("([a-z0-9-]+)"\)', Path(__file__).read_text(encoding="utf-8")))
    assert declared == marked
