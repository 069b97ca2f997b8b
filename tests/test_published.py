"""A wrong `sources.published` is blamed on the sources row, not on its correct figures (trial 8 U4): with the
archive, a `text`-dated source's date is compared with the days its text states as its own; with or without it,
a source all of whose past figures end after its date is named first, and the figure rows' errors that the right
date clears are counted under the sources row."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SHARED_ARCHIVE, PackageCopy

from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.text.own_dates import OwnDateWords, own_dates_written
from tongxiang_digital_economy.text.quantities import Lexicon

runner = CliRunner()
BOOMS = "chinadaily-2020-01-14-digital-economy-booms"


def covers(rule: str) -> str:
    """Marks the rule a test exercises (test_rules.test_every_rule_has_a_test reads these marks)."""
    return rule


def row_of(package: PackageCopy, table: str, key: str, value: str) -> int:
    return next(i for i, r in enumerate(package.rows(table), start=2) if r[key] == value)


FOLLOW_LINE = (
    "  and 13 errors on 10 rows of indicators that follow from it (actual-after-publication 10, period-text-mismatch "
    "3): fix sources row 3 first (`--json` lists each)"
)


@pytest.mark.skipif(not SHARED_ARCHIVE.is_dir(), reason="the source archive is not beside this checkout")
def test_the_trials_wrong_published_is_blamed_on_the_sources_row_with_the_archive(package: PackageCopy) -> None:
    """Trial 8 U4, its exact edit: published 2020-01-14 -> 2019-01-14 (the text says "Updated : Jan 14, 2020")."""
    covers("published-not-in-text")
    row = row_of(package, "sources", "source_id", BOOMS)
    assert row == 3
    package.edit("sources", row, published="2019-01-14")
    args = ["validate", "--package", str(package.root), "--archive", str(SHARED_ARCHIVE)]
    result = runner.invoke(cli, [*args, "--quiet"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "sources, row 3, field published: error [published-not-in-text] published (2019-01-14) is not a date the "
        f"archived text {BOOMS}.txt states as its own, though published_basis is text: its dateline, time stamp or "
        "date label gives 2020-01-14; correct published from the text's own date (the figures' errors that follow "
        "from it are counted under this row), or say on what else the date rests (published_basis)",
        FOLLOW_LINE,
        f"INVALID: {package.root} against the archive {SHARED_ARCHIVE}: 14 errors, 10 warnings, 90 figures "
        "corroborated",
    ]
    report = json.loads(runner.invoke(cli, [*args, "--json"], catch_exceptions=False).output)
    rows = [p for p in report["problems"] if p["table"] == "indicators" and p["severity"] == "error"]
    assert len(rows) == 13 and len({p["row"] for p in rows}) == 10
    assert all(p["follows"] == ["sources", 3, "published-not-in-text"] for p in rows)


def test_without_the_archive_a_source_all_of_whose_figures_are_after_it_is_named_first(package: PackageCopy) -> None:
    package.edit("sources", row_of(package, "sources", "source_id", BOOMS), published="2019-01-14")
    args = ["validate", "--package", str(package.root)]
    result = runner.invoke(cli, [*args, "--quiet"], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "sources, row 3, field published: error [published-before-its-figures] every one of the 10 figures of "
        f"{BOOMS} that report a past (actual, estimate) ends after its published date (2019-01-14), the latest on "
        "2020-01-14: check published against the text's own date (validate --archive compares them) before "
        "re-dating the figures; their errors that a later date clears are counted under this row",
        FOLLOW_LINE,
        f"INVALID: {package.root}: 14 errors, 10 warnings, 90 figures corroborated"
        "; evidence not read against the archived texts (no archive given)",
    ]
    report = json.loads(runner.invoke(cli, [*args, "--json"], catch_exceptions=False).output)
    rows = [p for p in report["problems"] if p["table"] == "indicators" and p["severity"] == "error"]
    assert all(p["follows"] == ["sources", 3, "published-before-its-figures"] for p in rows) and len(rows) == 13


def test_one_figure_after_its_sources_date_is_blamed_on_itself(package: PackageCopy) -> None:
    """One figure of many is no witness against its source's date: the row keeps its error, the source has none."""
    rows = package.rows("indicators")
    line = next(i for i, r in enumerate(rows, start=2) if r["source_id"] == BOOMS and r["status"] == "actual")
    package.edit("indicators", line, period_start="2021-01-01", period_end="2021-12-31", year="2021")
    report = package.validate()
    errors = [p for p in report.problems if p.severity == "error"]
    assert [p.table for p in errors if p.rule == "actual-after-publication"] == ["indicators"]
    assert all(p.table != "sources" for p in errors)
    assert all(p.follows is None for p in errors)


@pytest.mark.skipif(not SHARED_ARCHIVE.is_dir(), reason="the source archive is not beside this checkout")
def test_a_text_that_confirms_its_date_leaves_the_figures_their_errors(package: PackageCopy) -> None:
    """The text states 2020-01-14 as its own: figures all after it are the suspects, not the date."""
    rows = package.rows("indicators")
    for r in rows:
        if r["source_id"] == BOOMS and r["status"] == "actual":
            r.update(period_start="2021-01-01", period_end="2021-12-31", year="2021")
    package.write("indicators", rows)
    report = package.validate(SHARED_ARCHIVE)
    errors = [p for p in report.problems if p.severity == "error"]
    assert errors and all(p.table == "indicators" and p.follows is None for p in errors)
    assert any(p.rule == "actual-after-publication" for p in errors)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a page's date line alone under a title, then an original quoted by "Today (…)"
        ("A title\n\nMarch 22, 2024\n\nToday (February 17), at a conference", {"2024-03-22", "2024-02-17"}),
        ("Home >\n\nA title\n\n2020/6/9 12:19:00 0\n\nNews", {"2020-06-09"}),  # a slashed time stamp
        ("UPDATED: December 24, 2014 NO. 48 NOVEMBER 27, 2014", {"2014-12-24", "2014-11-27"}),  # an issue's date
        ("chinadaily.com.cn| Updated : Jan 14, 2020", {"2020-01-14"}),
        ("The summit opened on November 19, 2014.\nMore text", set()),  # an event's day, not the text's
        ("March 22, 2024", set()),  # a quoted passage of one line: a bare date is no date line
    ],
)
def test_the_days_a_text_states_as_its_own(text: str, days: set[str]) -> None:
    """The one reader of a text's own date (original-published-words reads it too), with the shipped lexicon's
    date labels, read against 2024-01-01."""
    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    words = OwnDateWords.of(Lexicon.from_frame(lexicon))
    assert {d.isoformat() for d in own_dates_written(text, "2024-01-01", None, words)} == days
