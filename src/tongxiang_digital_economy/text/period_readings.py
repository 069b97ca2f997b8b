"""What the period reader (text/period_words.py) gives: a Reading, the alternatives a period_text can mean, each a
Period (a pair of windows, the first day in one and the last in the other, and a kind: a stock is one date, a flow
a span), and whether a row's period is one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

PIECE_JOIN = " … "  # how period_text joins dating words that stand apart


Kind = Literal["span", "date"]


@dataclass(frozen=True)
class Period:
    """One reading: the first day lies in `start`, the last in `end` (both inclusive windows); a date starts and
    ends on the same day, a span may not (a one-day span is a date too)."""

    kind: Kind
    start: tuple[date, date]
    end: tuple[date, date]
    days: int | None = None  # a stated length (为期3天, two-year average), in days, checked loosely (± 1 day)
    open_start: bool = False  # the start is not read (since the first WIC): no level stands at it
    range_end: bool = False  # one end year of a range (2014 of 'from 2014 to 2023'): a figure at A or B only

    def admits(self, first: date, last: date, stock: bool | None = None) -> bool:
        """Whether the row's period (and kind: stock True, flow False, None unknown) is this reading."""
        in_end = self.end[0] <= last <= self.end[1]
        at_start = not self.open_start and self.start[0] <= first <= self.start[1]
        if stock and first == last and self.kind == "span" and (in_end or at_start):
            return self.days is None or self.days > 1
        if not (self.start[0] <= first <= self.start[1] and in_end):
            return False
        if self.days is not None and abs((last - first).days + 1 - self.days) > 1:
            return False
        if self.kind == "date":
            return first == last  # a level at that date, or a one-day flow (a signing ceremony that day)
        # A level at either end of a stated span (from X in 2014 to Y in 2023; guests on the first day of three).
        return stock is not True or (first == last and (at_start or in_end))


@dataclass(frozen=True)
class Reading:
    """What a period_text can mean, or why it cannot be read (`why` set, `periods` empty)."""

    periods: tuple[Period, ...] = ()
    why: str | None = None
    sub_year: bool = False  # half-year, quarter, month or day words: the period is shorter than a year
    whole_year: bool = False  # 全年, full year, annual: the period is a whole year
    years: frozenset[int] = field(default_factory=frozenset)  # years written out (2021年, in 2019)

    def admits(self, first: date, last: date, stock: bool | None = None, ends: bool = True) -> bool:
        """Whether one reading holds the row's period; with `ends` False, not an end year of a range alone (a
        figure that is neither A nor B of 'from A to B' is of the whole range: 'From 2022 to 2023, a total of')."""
        return any(p.admits(first, last, stock) for p in self.periods if ends or not p.range_end)

    def describe(self) -> str:
        """The readings in a few words, for messages: `the date 2024-11-21`, `2021-01-01 to 2021-12-31` (a window of
        days where the words leave the day open: `2024-11-01…2024-11-30`), `nothing (no dating word known in
        'Until …') but the year 1949`. What a rule message says the words read as (`period-text-mismatch`: trial
        19 m4, which said only that they did not read as the row's period)."""
        if self.why:
            years = ", ".join(str(y) for y in sorted(self.years))
            written = f" but the year{'s' if len(self.years) > 1 else ''} {years}" if years else ""
            return f"nothing ({self.why}){written}"
        shown = []
        for p in self.periods[:3]:
            s = p.start[0].isoformat() if p.start[0] == p.start[1] else f"{p.start[0]}…{p.start[1]}"
            e = p.end[0].isoformat() if p.end[0] == p.end[1] else f"{p.end[0]}…{p.end[1]}"
            shown.append(f"the date {s}" if p.kind == "date" and s == e else f"{s} to {e}")
        more = f" (or {len(self.periods) - 3} more)" if len(self.periods) > 3 else ""
        return " or ".join(shown) + more

    def __str__(self) -> str:
        """A message's `{period_reading}`: what the words read as (`describe`)."""
        return self.describe()
