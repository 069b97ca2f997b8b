"""The period rules hold a row to what its words say: an event edition's days, a text's own date, a year's end.

Each test changes one row of a copy of the package in one way and names the rule that must fire on that row (or
must not, for the reading the words do give).
"""

from __future__ import annotations

import pytest
from conftest import PackageCopy, found
from test_rules import GOOD

SUMMIT_TEXT = "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international"  # published 2023-11-10
SUMMIT = {
    **GOOD,
    "observation_id": f"{SUMMIT_TEXT}-999",
    "source_id": SUMMIT_TEXT,
    "indicator": "event_guests",
    "place_id": "",
    "project_id": "world-internet-conference",
    "event_id": "wic-2023",
    "period_start": "2023-11-08",
    "period_end": "2023-11-10",
    "year": "2023",
    "value": "1000",
    "value_text": "1000余名",
    "evidence": "2023年世界互联网大会乌镇峰会吸引1000余名嘉宾参会",
    "period_text": "2023年",
    "period_basis": "stated",
    "subject_text": "",
}


def rows_with(package: PackageCopy, rule: str) -> set[int]:
    return {row for table, row, _ in found(package.semantics(), rule) if table == "indicators" and row is not None}


@pytest.mark.parametrize(
    ("change", "fires"),
    [
        ({}, False),  # the edition's three days, within the year its words give
        ({"event_id": ""}, True),  # no edition: 2023年 is the year, the year so far or a day, never these three days
        ({"period_start": "2023-11-07"}, True),  # a day before the edition opened
        ({"period_text": "2022年"}, True),  # words of another year: the edition's days do not meet them
    ],
    ids=["edition-days", "no-edition", "outside-the-edition", "another-year"],
)
def test_an_edition_figure_may_cover_the_editions_days(
    package: PackageCopy, change: dict[str, str], fires: bool
) -> None:
    row = package.append("indicators", {**SUMMIT, **change})
    assert (row in rows_with(package, "period-text-mismatch")) is fires


@pytest.mark.parametrize(
    ("period", "fires"),
    [
        (("2019-01-01", "2019-12-31"), True),  # the last full year before the text: a year no word states
        (("2019-01-15", "2020-01-14"), False),  # a flow ending at the text's date
    ],
    ids=["inferred-year", "ending-at-the-text"],
)
def test_a_flow_dated_by_its_publication_ends_at_it(package: PackageCopy, period: tuple[str, str], fires: bool) -> None:
    flow = {
        **GOOD,
        "indicator": "gdp",
        "unit": "yi_yuan",
        "period_text": "",
        "period_basis": "publication",
        "period_start": period[0],
        "period_end": period[1],
        "year": period[1][:4],
    }
    row = package.append("indicators", flow)
    assert (row in rows_with(package, "period-publication-mismatch")) is fires


@pytest.mark.parametrize(("day", "fires"), [("2019-12-31", False), ("2019-07-02", True)], ids=["year-end", "mid-year"])
def test_a_stock_dated_by_a_year_stands_at_its_end(package: PackageCopy, day: str, fires: bool) -> None:
    stock = {**GOOD, "period_text": "In 2019", "period_basis": "context", "period_start": day, "period_end": day}
    row = package.append("indicators", {**stock, "year": "2019"})
    assert (row in rows_with(package, "period-text-mismatch")) is fires
