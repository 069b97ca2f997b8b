"""Series across sources: one preferred figure per period, the others kept and marked, nothing mixed."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.timeseries import SeriesError, grade_order

runner = CliRunner(catch_exceptions=False)


def test_grades_are_read_from_the_schema_strongest_first() -> None:
    assert grade_order() == ["official", "state_media", "regional_media", "media", "company", "repost", "secondary"]


def test_digital_economy_enterprises_of_tongxiang() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang")
    rows = [
        (str(r.period_end.date()), r.role, float(r.value), r.qualifier, r.grade, r.observation_id)
        for r in s.itertuples()
    ]
    assert rows == [
        ("2014-12-31", "preferred", 355.0, "eq", "state_media", "chinadaily-2024-05-28-dynamic-tongxiang-001"),
        (
            "2014-12-31",
            "competing",
            300.0,
            "gt",
            "regional_media",
            "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-001",
        ),
        (
            "2014-12-31",
            "competing",
            350.0,
            "gt",
            "repost",
            "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-002",
        ),
        ("2020-01-14", "preferred", 1890.0, "eq", "state_media", "chinadaily-2020-01-14-digital-economy-booms-007"),
        (
            "2020-12-31",
            "preferred",
            2443.0,
            "eq",
            "regional_media",
            "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-002",
        ),
        # Two 2021 texts give 2443 as the count "now" (至今; no date word at all): each is dated by its own text.
        (
            "2021-09-15",
            "preferred",
            2443.0,
            "eq",
            "regional_media",
            "peoplecn-zj-2021-09-15-digital-economy-landmark-industry-002",
        ),
        ("2021-09-24", "preferred", 2443.0, "eq", "repost", "zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime-005"),
        (
            "2021-12-10",
            "preferred",
            2700.0,
            "gt",
            "repost",
            "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-003",
        ),
        ("2023-12-31", "preferred", 3694.0, "eq", "state_media", "chinadaily-2024-05-28-dynamic-tongxiang-002"),
    ]
    first = s.iloc[0]
    assert pd.isna(first["corroborated_by"])  # the other 2014 figure of 355 dated no year (removed, see data-changes)
    assert first["competing"] == (
        "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-001, "
        "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-002"
    )


def test_the_zone_never_enters_the_county_series() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang")
    assert set(s["subject"]) == {"tongxiang"}
    assert "mfbisv-2020-11-20-wuzhen-avenue-scitech-zone-005" not in set(s["observation_id"])


def test_a_bound_stays_a_bound() -> None:
    s = tde.series("digital_economy_enterprises", subject="tongxiang")
    row = s[s["observation_id"] == "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-003"].iloc[0]
    assert (row["qualifier"], float(row["value"]), row["value_text"]) == ("gt", 2700.0, "2700多家")


def test_targets_never_mix_with_actuals() -> None:
    actual = tde.series("event_guests", subject="world-internet-conference")
    target = tde.series("event_guests", subject="world-internet-conference", status="target")
    assert set(actual["status"]) == {"actual"}
    assert set(target["status"]) == {"target"}
    ind = tde.load("indicators")
    rows = ind[(ind["indicator"] == "event_guests") & (ind["project_id"] == "world-internet-conference")]
    assert len(actual) + len(target) == len(rows)  # every row of the indicator about the WIC is one or the other


def test_currencies_without_a_rate_are_separate_periods() -> None:
    s = tde.series("gdp", subject="tongxiang")
    year_2021 = s[s["year"] == 2021]
    assert sorted(zip(year_2021["unit"], year_2021["role"], strict=True)) == [
        ("billion_usd", "preferred"),
        ("billion_yuan", "preferred"),
        ("yi_yuan", "competing"),
    ]


def test_a_half_year_flow_is_its_own_period() -> None:
    s = tde.series("gdp", subject="tongxiang")
    half = s[s["period_end"].astype(str) == "2019-06-30"].iloc[0]
    assert (half["role"], str(half["period_start"].date())) == ("preferred", "2019-01-01")


def test_ties_are_broken_by_grade_then_recency(package: PackageCopy) -> None:
    sources = package.rows("sources")
    for row in sources:
        if row["source_id"] == "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet":
            row["grade"] = "official"
    package.write("sources", sources)
    s = tde.series("digital_economy_enterprises", subject="tongxiang", path=package.root)
    preferred = s[s["role"] == "preferred"]
    assert list(preferred["source_id"])[:2] == [
        "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet",
        "chinadaily-2020-01-14-digital-economy-booms",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", "tongxiang"), "no indicator named 'nope'; `show indicator_definitions` lists them"),
        (
            ("digital_economy_enterprises", "nowhere"),
            "digital_economy_enterprises has no figures about 'nowhere'; its subjects: tongxiang, "
            "tongxiang-economic-development-zone, wuzhen, wuzhen-avenue-scitech-zone",
        ),
    ],
)
def test_series_errors(args: tuple[str, str], message: str) -> None:
    with pytest.raises(SeriesError) as caught:
        tde.series(*args)
    assert str(caught.value) == message


def test_series_command_needs_a_subject_when_there_are_several() -> None:
    result = runner.invoke(cli, ["series", "digital_economy_enterprises"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: digital_economy_enterprises has figures about 4 subjects; name one (--subject): tongxiang, "
        "tongxiang-economic-development-zone, wuzhen, wuzhen-avenue-scitech-zone\n"
    )


def test_series_command_json_is_typed() -> None:
    result = runner.invoke(
        cli, ["series", "digital_economy_enterprises", "--subject", "tongxiang", "--preferred", "--format", "json"]
    )
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [(r["year"], r["value"], r["qualifier"]) for r in rows] == [
        (2014, 355, "eq"),
        (2020, 1890, "eq"),
        (2020, 2443, "eq"),
        (2021, 2443, "eq"),
        (2021, 2443, "eq"),
        (2021, 2700, "gt"),
        (2023, 3694, "eq"),
    ]


def test_a_date_known_to_the_month_or_year_counts_as_its_first_day() -> None:
    import pandas as pd

    from tongxiang_digital_economy.use.timeseries import first_day

    dates = first_day(pd.Series(["2018", "2018-11", "2018-11-06", None], dtype="string"))
    assert [None if pd.isna(d) else str(d.date()) for d in dates] == ["2018-01-01", "2018-11-01", "2018-11-06", None]


def test_a_series_of_one_edition_of_the_conference() -> None:
    """The 2023 summit is one edition with one period wherever it appears: its figures follow as one series."""
    s = tde.series("event_guests", subject="wic-2023")
    assert set(s["event_id"]) == {"wic-2023"} and set(s["subject"]) == {"world-internet-conference"}
    assert list(s["role"]) == ["preferred", "corroborating"]
    assert {(str(a.date()), str(b.date())) for a, b in zip(s["period_start"], s["period_end"], strict=True)} == {
        ("2023-11-08", "2023-11-10")
    }
    whole = tde.series("event_guests", subject="world-internet-conference")
    assert (whole["event_id"] == "wic-2023").sum() == len(s)
    assert whole["event_id"].notna().sum() > len(s)  # other editions' figures carry their own edition


@pytest.mark.parametrize("command", [["series", "gdp"], ["plot", "gdp", "-o", "x.svg"]])
def test_an_indicator_without_figures_is_said_so(package: PackageCopy, command: list[str]) -> None:
    package.write("indicators", [])
    command = [str(package.root / c) if c == "x.svg" else c for c in command]
    result = runner.invoke(cli, [*command, "--package", str(package.root)])
    assert (result.exit_code, result.output) == (1, "Error: gdp has no figures in this package\n")
