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
from tongxiang_digital_economy.semantics.rules.periods import sub_year_span
from tongxiang_digital_economy.semantics.validation import format_message


def test_the_calendars_last_day_ends_a_month_without_a_next_day() -> None:
    assert sub_year_span(date(9999, 1, 1), date.max) is False  # the whole year 9999, not a part of it
    assert sub_year_span(date(9999, 7, 1), date.max) is True  # its second half


def test_a_message_writes_every_year_in_four_digits() -> None:
    template = "from {period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}"
    row = {"period_start": pd.Timestamp("0001-01-01").as_unit("s"), "period_end": date(999, 12, 31)}
    assert format_message(template, row) == "from 0001-01-01 to 0999-12-31"


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
