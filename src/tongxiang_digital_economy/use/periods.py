"""What a figure's period is called and where it lies: `2021` (a year), `H1 2019`, `Jan-Sep 2020`, `end-2023`.

A reader takes "2019" to mean the year: a half-year figure shown beside full years must say it is a half year.
Periods are compared whole (start and end), so the name follows from the two dates and the indicator's temporal
kind (indicator_definitions.temporal):

- a stock is a date: `end-2023` for the last day of a year, else the date (`2021-09-15`);
- a flow is a span: `2021` for a calendar year, `H1 2019` / `H2 2019`, `Q3 2020`, other parts of a year by
  their whole months (`Jan-Sep 2020`, `Nov 2023`), some days by their first and last day (`2023-11-08 to
  2023-11-10`, a summit), several years by their first and last (`2014-2020`, or by their days when they do not
  run from January to December: `2014-11-19 to 2018-07-23`). Any span across years of a year or more is
  "several years" (a cumulative figure, its own series in a chart, never joined to parts of a year); a span
  shorter than a year that straddles New Year is a part of a year. A flow of one day (start = end) is named by
  its date, as a part of a year.

`series` names every row's period with it, and `chart` places and labels the points with it. Every year is
written with four digits (`0001-01-01`, `end-0001`): strftime's `%Y` writes the year 1 as `1` (trial 14 m2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..text.periods import iso_day

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# The kinds of period, in the order the legend lists them.
KINDS = ("stock", "year", "half year", "quarter", "part of a year", "several years")


@dataclass(frozen=True)
class Period:
    """Where a figure sits on the time axis and what its period is called."""

    kind: str  # one of KINDS
    label: str  # "2023", "H1 2019", "Q3 2020", "Jan-Sep 2020", "2014-2020", "end-2023", "2020-01-14"
    start: pd.Timestamp
    end: pd.Timestamp

    @property
    def middle(self) -> pd.Timestamp:
        return self.start + (self.end - self.start) / 2


def day(when: pd.Timestamp) -> str:
    """A date as ISO writes it, the year always four digits (text.periods.iso_day)."""
    return iso_day(when)


def year(when: pd.Timestamp) -> str:
    """A year as a label writes it: four digits (0001, not 1), as in its dates."""
    return f"{when.year:04d}"


def period(start: pd.Timestamp | None, end: pd.Timestamp, temporal: str) -> Period:
    """The period of one figure: a stock at its date, a flow over its span (see the module docstring)."""
    if temporal == "stock" or start is None or pd.isna(start) or start >= end:
        label = f"end-{year(end)}" if (end.month, end.day) == (12, 31) else day(end)
        return Period("stock" if temporal == "stock" else "part of a year", label, end, end)
    # The day after the period's last day, so months count whole: 2019-01-01 to 2019-06-30 is 6 months.
    after = end + pd.Timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    whole = start.day == 1 and after.day == 1
    if whole and months == 12 and start.month == 1:
        return Period("year", year(start), start, end)
    if whole and months == 6 and start.month in (1, 7):
        return Period("half year", f"H{1 + (start.month > 6)} {year(start)}", start, end)
    if whole and months == 3 and start.month in (1, 4, 7, 10):
        return Period("quarter", f"Q{(start.month + 2) // 3} {year(start)}", start, end)
    if start.year != end.year:
        # A span across years of a year or more is several years (a cumulative figure: 2014-11-19 to 2018-07-23,
        # four summits), whether or not it starts on a month's first day; only a span shorter than a year that
        # straddles New Year (2015-12-16 to 2016-01-05) is a part of a year.
        if after < start + pd.DateOffset(years=1):
            return Period("part of a year", f"{day(start)} to {day(end)}", start, end)
        if whole and start.month == 1 and after.month == 1:
            return Period("several years", f"{year(start)}-{year(end)}", start, end)
        return Period("several years", f"{day(start)} to {day(end)}", start, end)
    if not whole:  # some days (a summit, a holiday week): named by its days, not by a month it only touches
        return Period("part of a year", f"{day(start)} to {day(end)}", start, end)
    first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
    return Period(
        "part of a year", f"{first}-{last} {year(start)}" if first != last else f"{first} {year(start)}", start, end
    )


def period_label(start: Any, end: Any, temporal: str) -> str:
    """A period's name as series shows it (use.periods): `end-2023`, `H1 2019`, `2023-11-08 to 2023-11-10`."""
    return "undated" if pd.isna(end) else period(None if pd.isna(start) else start, end, temporal).label
