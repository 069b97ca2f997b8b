"""The days of an event edition a figure's period is held to (rules/periods.py): whether a period lies within its
edition's days as its words allow, and the one day an edition's ordinals stand at where the archive gives only
the edition's month.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from ...text.period_readings import Period, Reading
from ...text.periods import publication_bounds
from ..distinct import mapped
from .days import day
from .registry import missing


def in_edition(
    reading: Reading, first: date, last: date, earliest: pd.Timestamp | None, latest: pd.Timestamp | None
) -> bool:
    """Whether the row's period lies within its event edition's days (a figure of the summit under way: the guests
    on its first day, the deals of its three days), and the words give a period that holds the row's (2023年, 本届
    with the year, November 8th for a figure of that day), or name the edition's closing day (a recap written as it
    closes: November 10th for the three days): an edition's dates are known from the events table, not from the
    words. A flow of the whole edition may also be dated by a day within it, the day it was announced (新华社11月7日电
    for the guests of the 2025 summit of 6-9 November; review 6 F9); otherwise one day's words never date the other
    days (a figure of the first day is not dated by the third's words)."""
    if earliest is None or latest is None:
        return False
    start, end = earliest.date(), latest.date()  # an edition known to the month spans the month
    if not (start <= first <= last <= end):
        return False
    whole = first == start and last == end
    return any(
        (p.start[0] <= first and last <= p.end[1] and within_its_length(p, first))
        or (p.start[0] == p.end[1] == end and last == end)
        or (whole and p.kind == "date" and start <= p.start[0] and p.end[1] <= end)
        for p in reading.periods
    )


def within_its_length(period: Period, first: date) -> bool:
    """Whether a span of a stated length (过去三天 at the text's date) can hold a period starting on `first`: its
    start window alone reaches back to any day (the length fixes it), so the length counts back from its end."""
    return period.days is None or period.end[0] - timedelta(days=period.days) <= first


# The indicators whose row with event_id is the edition's own ordinal (第N届, 第N年, 首届年会) say so in
# indicator_definitions.edition_ordinal: a fact about the edition as a whole, not about the day a text was
# written on it.


def ordinal(flag: object) -> bool:
    """Whether indicator_definitions.edition_ordinal is true (a missing cell is not)."""
    return not missing(flag) and bool(flag)


def edition_day(start: object) -> date | None:
    """An edition's first day, where the events table gives it as a day (else None: only a month or a year)."""
    low, high = publication_bounds(start)
    return low.date() if low is not None and low == high else None


def agreed_days(view: pd.DataFrame) -> dict[object, date]:
    """Per edition known only to its month (or year): the one day its ordinals stand at, the day most of them
    have (the earliest on a tie), so that a row off it is the one reported."""
    days: dict[object, list[date]] = {}
    # Only an edition's ordinals are read (their flag read once per distinct value), not every row of the table.
    of_edition = view["event_id"].notna() & mapped(view["indicator__edition_ordinal"], ordinal, bool)
    rows = view.loc[of_edition.to_numpy(dtype=bool)]
    for event, flag, start, end, edition_start in zip(
        rows["event_id"],
        rows["indicator__edition_ordinal"],
        rows["period_start"],
        rows["period_end"],
        rows["event_id__start"],
        strict=True,
    ):
        first, last = day(start), day(end)
        of_month = ordinal(flag) and not missing(event) and edition_day(edition_start) is None
        if of_month and first is not None and first == last:
            days.setdefault(event, []).append(first)
    return {event: min(found, key=lambda d: (-found.count(d), d)) for event, found in days.items()}
