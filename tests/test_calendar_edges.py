"""The calendar's first and last days (0001-01-01, 9999-12-31) in a figure's period (trial 13 W1).

Both are valid dates, so the reader takes them and the rules judge them: a rule's date arithmetic must not run past
the calendar (9999-12-31 has no next day), a message writes the year in four digits (0001, not 1), and `plot`
refuses a figure dated outside the years a figure can have instead of stretching its time axis past the calendar.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from click.testing import CliRunner
from conftest import PackageCopy

from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.semantics.rule_problems import format_message
from tongxiang_digital_economy.semantics.rules.periods import sub_year_span
from tongxiang_digital_economy.text.periods import iso_day, iso_days, written_window
from tongxiang_digital_economy.use.frames import as_text


def test_the_calendars_last_day_ends_a_month_without_a_next_day() -> None:
    assert sub_year_span(date(9999, 1, 1), date.max) is False  # the whole year 9999, not a part of it
    assert sub_year_span(date(9999, 7, 1), date.max) is True  # its second half


def test_a_message_writes_every_year_in_four_digits() -> None:
    template = "from {period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}"
    row = {"period_start": pd.Timestamp("0001-01-01").as_unit("s"), "period_end": date(999, 12, 31)}
    assert format_message(template, row) == "from 0001-01-01 to 0999-12-31"


def test_every_date_written_as_text_has_a_four_digit_year() -> None:
    """A date before the year 1000 is written 0001-03-01 wherever the package writes dates as text: a text's
    window of days (sources' written_after, read in rule messages), the days a view lists, and the text forms of
    show, series and export (frames.as_text), where strftime's `%Y` writes the year 1 as `1` (trial 14 m2)."""
    days = pd.Series(pd.to_datetime(["0001-01-01", None, "0999-12-31"], format="%Y-%m-%d").astype("datetime64[s]"))
    assert iso_days(days).tolist() == ["0001-01-01", pd.NA, "0999-12-31"]
    assert as_text(pd.DataFrame({"period_end": days}))["period_end"].tolist() == ["0001-01-01", "", "0999-12-31"]
    assert [iso_day(d) for d in (date(1, 3, 1), pd.Timestamp("0999-07-01").as_unit("s"))] == [
        "0001-03-01",
        "0999-07-01",
    ]
    assert written_window("0001", "0001-03-01", None) == "0001-03-01/0001-12-31"


def test_the_calendars_edges_are_judged_and_refused_by_plot_never_a_traceback(package: PackageCopy) -> None:
    package.edit("indicators", 2, stamp=False, period_end="9999-12-31")  # Wuzhen's GDP 2024
    package.edit("indicators", 372, period_end="0001-01-01")  # Tongxiang's GDP 2024
    result = CliRunner().invoke(cli, ["validate", "--quiet", "--package", str(package.root)], catch_exceptions=False)
    errors = [line[: line.index("]") + 1] for line in result.output.splitlines() if ": error [" in line]
    assert errors == [
        "indicators, row 2, field period_end: error [actual-after-publication]",
        "indicators, row 2, field period_start: error [period-text-mismatch]",
        "indicators, row 2, field year: error [year-not-period-end]",
        "indicators, row 372, field period_end: error [period-order]",
        "indicators, row 372, field period_start: error [period-text-mismatch]",
        "indicators, row 372, field year: error [year-not-period-end]",
    ]
    assert "year 2024 must be the year of period_end (0001-01-01)" in result.output
    shown = ["show", "indicators", "--where", "observation_id=txfgj-2025-04-23-plan-execution-report-2024-005"]
    for form in ("csv", "json", "table"):
        args = [*shown, "--format", form, "--package", str(package.root)]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert "0001-01-01" in result.output and " 1-01-01" not in result.output, form
    for subject, row, dated in [
        ("wuzhen", "cctv-outputnews-2025-06-04-wuzhen-town-economy-001", "2024-01-01 to 9999-12-31"),
        ("tongxiang", "txfgj-2025-04-23-plan-execution-report-2024-005", "2024-01-01 to 0001-01-01"),
    ]:
        out = package.root / f"{subject}.svg"
        args = ["plot", "gdp", "--subject", subject, "--package", str(package.root), "-o", str(out)]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert (result.exit_code, result.output) == (
            1,
            f"Error: {row} is dated {dated}, outside the years 1949-2050 a figure can have (the year field's "
            "constraints): run validate, which names the fault on its row\n",
        )
        assert not out.exists()
