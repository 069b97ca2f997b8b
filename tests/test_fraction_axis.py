"""Issue 16 (left by trial 12): a fraction's chart axis said `fraction (value ÷ value_denominator)`, the units
table's label naming two columns. It says what the fraction is of (indicator_definitions.fraction_of), read from
the SVG `plot` writes; rule fraction-of-nothing requires the column of every indicator with a fraction's figure.
Trial 14: a growth's or a share's axis said only "percent"; it says what of, from the same column."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PackageCopy, copy_package

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.use.chart import chart
from tongxiang_digital_economy.use.plot import plot

pytest.importorskip("matplotlib", reason="plot needs the plot extra (matplotlib)")


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


@pytest.mark.parametrize(
    ("indicator", "subject", "axis", "label"),
    [
        ("workforce_change_fraction", None, "fraction of the workforce before the change", "-1/3"),
        ("town_urban_area_increase", "wuzhen", "fraction of the urban area before the increase", "nearly 3/5"),
    ],
)
def test_a_fractions_axis_says_what_it_is_a_fraction_of(
    tmp_path: Path, indicator: str, subject: str | None, axis: str, label: str
) -> None:
    svg = plot(indicator, subject, tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert chart(indicator, subject).unit_label == axis
    assert f">{axis}</text>" in svg
    assert "value_denominator" not in svg
    assert f">{label} (" in svg  # the point's label still writes the fraction as its text does


@pytest.mark.parametrize(
    ("indicator", "subject", "axis"),
    [
        ("gdp_growth", "tongxiang", "percent of the level a year earlier"),
        ("share_of_city_gdp", "wuzhen-avenue-scitech-zone", "percent of the city's GDP"),
        (
            "agriculture_output_value_growth_above_jiaxing_average",
            "tongxiang",
            "percentage points of growth above the Jiaxing city average",
        ),
    ],
)
def test_a_percents_axis_says_what_it_is_a_percent_of(indicator: str, subject: str, axis: str) -> None:
    assert chart(indicator, subject).unit_label == axis


def test_a_percents_axis_words_are_its_definitions(tmp_path: Path, unnamed: tuple[PackageCopy, tde.Report]) -> None:
    """The words are the definitions table's (`fraction_of`), not the code's: the copy's gdp_growth says its own,
    in the SVG `plot` writes."""
    package, _ = unnamed
    svg = plot("gdp_growth", "tongxiang", tmp_path / "chart.svg", path=package.root).read_text(encoding="utf-8")
    assert ">percent of GDP the year before</text>" in svg


@pytest.fixture(scope="module")
def unnamed(tmp_path_factory: pytest.TempPathFactory) -> tuple[PackageCopy, tde.Report]:
    """A copy whose workforce_change_fraction definition has no `fraction_of`, and whose gdp_growth's says other
    words than the shipped one."""
    package = copy_package(tmp_path_factory.mktemp("fraction") / "package")
    at = next(
        i
        for i, r in enumerate(package.rows("indicator_definitions"), 2)
        if r["indicator"] == "workforce_change_fraction"
    )
    package.edit("indicator_definitions", at, stamp=False, fraction_of="")
    growth = next(i for i, r in enumerate(package.rows("indicator_definitions"), 2) if r["indicator"] == "gdp_growth")
    package.edit("indicator_definitions", growth, stamp=False, fraction_of="GDP the year before")
    return package, package.semantics()


def test_a_fraction_without_what_it_is_of_is_an_error_on_its_figure(unnamed: tuple[PackageCopy, tde.Report]) -> None:
    package, report = unnamed
    row = next(
        i
        for i, r in enumerate(package.rows("indicators"), 2)
        if r["observation_id"] == "qjwb-txnews-2017-11-21-tongxiang-information-industry-006"
    )
    fired = [(p.table, p.row, p.field, p.message) for p in report.problems if p.rule == covers("fraction-of-nothing")]
    assert fired == [
        (
            "indicators",
            row,
            "value_denominator",
            "'workforce_change_fraction' has a figure written as a fraction, but its definition's `fraction_of` is "
            "empty: say what the fraction is of, in the reader's words (the workforce before the change), which a "
            "chart's value axis names (never 'fraction (value ÷ value_denominator)')",
        )
    ]
