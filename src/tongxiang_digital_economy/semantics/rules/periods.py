"""Rules that hold a figure's period to the words that date it (`period_text`, `period_basis`).

The words are read back by text/period_words.py (once per distinct period_text and text date, in
semantics/anchors.py): they must give the row's period, its length and its kind (a stock is a date, a flow a span).
A year written next to the quoted quantity must be the row's; a full year is not written with half-year or month
words, and a half year is. Words the reader does not know (an event's name, TTM, 本届 alone) leave the period
unchecked by `period-text-mismatch`, never guessed; the other rules still read them.

Where the words are quoted from (the basis, the evidence, the text around it) is held by period_quotes.py's rules,
registered just before these; the days of an event edition a period is held to are edition_days.py's.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from ...text.period_readings import Reading
from ...text.periods import publication_bounds, stands_at_its_end
from ..distinct import per_distinct_rows
from .days import Days, as_series, day, day_number, per_text
from .edition_days import agreed_days, edition_day, in_edition, ordinal
from .registry import each_row, missing, rule

NEEDS = ("indicator.temporal",)


def stock_or_flow(temporal: object) -> bool | None:
    return None if not isinstance(temporal, str) else temporal == "stock"


@rule(
    "period-text-mismatch",
    "indicators",
    "period_start",
    "period_text {period_text!r} reads as {period_reading}, not as the row's period ({period_start:%Y-%m-%d} to "
    "{period_end:%Y-%m-%d}, a {indicator__temporal}; the text is dated {text_date}): a stock is the level at one "
    "date, a flow the span the words give (2021年 is the whole year, 上半年 its first half, 目前 the text's date); "
    "correct the period, or quote the words that date it (a figure of an event edition, event_id set, may "
    "also cover the edition's days within the period its words give, and a flow of the whole edition may be dated "
    "by the day within it that it was announced; words the reader cannot read must at least "
    "meet a year they write, and a stock they date by one year and nothing finer stands at its end)",
    needs=(*NEEDS, "event_id.start", "event_id.end"),
    reads=("anchor", "period_basis", "period_editions", "period_end", "period_reading", "period_start"),
    per_row=True,
)
def period_reads_back(view: pd.DataFrame) -> pd.Series:
    """The dating words read back give the row's period, length and kind; unread words, a year they write."""
    if "period_reading" not in view:
        return pd.Series(True, index=view.index)

    def fits(
        basis: object,
        reading: object,
        start: object,
        end: object,
        temporal: object,
        anchor: object,
        event_start: object,
        event_end: object,
        named: object,
    ) -> bool:
        if not isinstance(basis, str) or basis not in ("stated", "context"):
            return True
        if not isinstance(reading, Reading):
            return True
        first, last = day(start), day(end)
        if first is None or last is None:
            return True
        if reading.why:  # unread words are not guessed at, but a year they write is theirs ('Until … in 1949')
            if reading.years and not any(first.year <= y <= last.year for y in reading.years):
                return False
            return not off_its_year_end(reading, first, last, stock_or_flow(temporal), event_start, named)
        stock = stock_or_flow(temporal)
        if in_edition(reading, first, last, publication_bounds(event_start)[0], publication_bounds(event_end)[1]):
            return True
        # A of '2017年…从68平方公里扩大到110平方公里' is the level before the change: the end of the year before.
        before = getattr(anchor, "side", None) == "from" and stock and first == last
        if before and any(last == date(year - 1, 12, 31) for year in reading.years):
            return True
        # A flow of one end year of a range is A or B of 'from A to B'; a flow beside no such pair is the range's.
        at_an_end = getattr(anchor, "side", None) is not None or stock is not False
        return bool(reading.admits(first, last, stock, ends=at_an_end))

    columns = ["period_basis", "period_reading", "period_start", "period_end", "indicator__temporal", "anchor"]
    if "event_id__start" not in view or "event_id__end" not in view:  # no events table: no edition's days
        view = view.assign(event_id__start=None, event_id__end=None)
    if "period_editions" not in view:
        view = view.assign(period_editions=None)

    def undecided(basis: object, reading: object) -> bool | None:
        """True where the basis or the reading leaves the period unchecked (fits' first answers), else None."""
        if not isinstance(basis, str) or basis not in ("stated", "context") or not isinstance(reading, Reading):
            return True
        return None

    columns = [*columns, "event_id__start", "event_id__end", "period_editions"]
    return each_row(view, columns, fits, decided=(["period_basis", "period_reading"], undecided))


def off_its_year_end(
    reading: Reading, first: date, last: date, stock: bool | None, edition_start: object, named: object
) -> bool:
    """Whether a stock dated by unread words that write one year and nothing finer (no month, half or quarter
    word; no event edition, by event_id or named in the words) stands off that year's end. A year alone, read,
    dates a level at its end (2014年 355家); unread words around it ('Until the founding of … in 1949', 到1949年解放)
    state no day either, so the level stands at the last day they allow, never a day no word gives."""
    if stock is not True or first != last or len(reading.years) != 1 or reading.sub_year:
        return False
    if not missing(edition_start) or (isinstance(named, tuple) and bool(named)):
        return False
    (year,) = reading.years
    return last != date(year, 12, 31)


@rule(
    "period-edition-named",
    "indicators",
    "period_start",
    "period_text {period_text!r} names the event edition {period_editions_text}, but the row's period "
    "({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}) does not reach its days: words tied to an edition (首届…"
    "举办时, 第四届乌镇峰会, since the first WIC) date the figure at, from or over them; correct the period, or quote "
    "the words that date it",
    reads=("period_editions", "period_end", "period_start", "period_text", "project_id"),
    per_row=True,
)
def reaches_the_edition_named(view: pd.DataFrame) -> pd.Series:
    """A row whose dating words name an event edition (by its name in the events table, or by its ordinal, 第四届,
    among its recurring event's editions: semantics/editions_named.py) has a period that reaches the edition's
    days: at them (a stock 首届…举办时), from them (自…首届…以来) or over them. The period reader leaves such words
    unread, so without this nothing held the row's year or date (review 6 F9)."""
    if "period_editions" not in view:
        return pd.Series(True, index=view.index)

    def editions(named: object) -> tuple[tuple[int, int], ...] | None:
        """The editions' (first, last) days; None where any row of these words passes (no edition named, or one
        of unknown days)."""
        if not isinstance(named, tuple) or not named:
            return None
        days = [(publication_bounds(opened)[0], publication_bounds(closed)[1]) for _event, opened, closed in named]
        if any(low is None or high is None for low, high in days):
            return None
        return tuple((day_number(low), day_number(high)) for low, high in days)

    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    passes = ~first.known | ~last.known
    named = view["period_editions"]
    if not len(view):
        return as_series(view, passes)
    codes, spans = per_distinct_rows([named], editions)
    passes |= np.array([span is None for span in spans], dtype=bool)[codes]
    for code, span in enumerate(spans):  # the few distinct words that name editions of known days
        if span is None:
            continue
        rows = codes == code
        for low, high in span:
            passes |= rows & (low <= last.ordinal) & (first.ordinal <= high)
    return as_series(view, passes)


@rule(
    "period-outside-edition",
    "indicators",
    "period_start",
    "the figure is of the event edition {event_id} ({event_id__start} to {event_id__end}), but its period "
    "({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}) is not within the edition's days: an edition's figure is "
    "dated by the edition (its first day, its days, or a day of it); correct the period, or clear event_id if the "
    "figure is not the edition's",
    needs=("event_id.start", "event_id.end"),
    reads=("period_end", "period_start"),
    per_row=True,
)
def within_the_edition(view: pd.DataFrame) -> pd.Series:
    """A figure of one event edition (event_id set) lies within the edition's days (events.start..end, a month or a
    year where the archive gives no day)."""
    if "event_id__start" not in view or "event_id__end" not in view:
        return pd.Series(True, index=view.index)

    def edition(first_day: object, last_day: object) -> tuple[int, int]:
        return day_number(publication_bounds(first_day)[0]), day_number(publication_bounds(last_day)[1])

    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    low, high = per_text(view, ["event_id__start", "event_id__end"], edition, 2).T
    inside = (low <= first.ordinal) & (first.ordinal <= last.ordinal) & (last.ordinal <= high)
    return as_series(view, ~first.known | ~last.known | (low < 0) | (high < 0) | inside)


@rule(
    "edition-ordinal-date",
    "indicators",
    "period_start",
    "{indicator} of the event edition {event_id} is the edition's ordinal: every row of one edition stands at one "
    "date, its first day ({event_id__start}), or, where the archive gives only its month, one day of the month for "
    "all its ordinals (the earliest day a text places within the edition); the row is dated "
    "{period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}: date it so, quoting the edition's name as period_text "
    "where the text's own date words give another day",
    needs=("event_id.start", "indicator.edition_ordinal"),
    reads=("event_id", "period_end", "period_start"),
    per_row=False,  # agreed_days reads every row of an edition
)
def edition_ordinal_dated_by_edition(view: pd.DataFrame) -> pd.Series:
    """An edition's ordinal (an indicator marked edition_ordinal: editions, years or annual meetings held, with
    event_id) stands at one date: the edition's first day, or, where only its month is known, the one day its
    ordinals agree on (agreed_days)."""
    if "event_id__start" not in view or "indicator__edition_ordinal" not in view:  # no events, or a package from before
        return pd.Series(True, index=view.index)
    agreed = agreed_days(view)

    def fits(event: object, flag: object, start: object, end: object, edition_start: object) -> bool:
        if not ordinal(flag) or missing(event):
            return True
        first, last = day(start), day(end)
        want = edition_day(edition_start) or agreed.get(event)
        if want is None or first is None or last is None:
            return True  # an undated target, or an edition without dates: other rules speak of those
        return first == last == want

    columns = ["event_id", "indicator__edition_ordinal", "period_start", "period_end", "event_id__start"]
    # A row of no edition's ordinal passes, whatever its dates (fits' first answer).
    no_ordinal = (
        ["event_id", "indicator__edition_ordinal"],
        lambda event, flag: True if not ordinal(flag) or missing(event) else None,
    )
    return each_row(view, columns, fits, decided=no_ordinal)


@rule(
    "period-publication-mismatch",
    "indicators",
    "period_end",
    "period_basis is publication, so the row is dated by its text's own date ({text_date}; a repost's original "
    "date when the source records it), but its period is {period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}: a "
    "stock at that date, a flow ending at it (never the last full year before it: a year no word states is a "
    "guess); if words date the figure, quote them, else remove the row",
    needs=NEEDS,
    reads=("period_basis", "period_end", "period_start", "text_date"),
    per_row=True,
)
def dated_by_publication(view: pd.DataFrame) -> pd.Series:
    """A row dated by publication is dated by its text's own date; by the year's end, if that is only a year.

    The text's own date is the original's, for a repost, narrowed by the days its words place in its past and
    future (sources.written_after, written_before); a text known to its month may date a row on any day of it, a
    text known only to its year, or to the part of it its words leave, on its last day alone (as a stock dated by a
    year alone is the level at the year's end)."""

    def bounds(basis: object, dated: object) -> tuple[int, int, int, int]:
        """(dated by publication with known bounds, first day, last day, a text known only to its year)."""
        if not isinstance(basis, str) or basis != "publication" or not isinstance(dated, str):
            return (0, -1, -1, 0)
        low, high = publication_bounds(dated)
        if low is None or high is None:
            return (0, -1, -1, 0)
        # a text known only to its year (or its part) dates a row at its last day, and no other
        return (1, day_number(low), day_number(high), int(stands_at_its_end(low.date(), high.date())))

    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    # The kind (stock or flow) is read as the rule always read it (a refused cell of it holds the row's problem).
    columns = ["period_basis", "text_date", "indicator__temporal"]
    dated, lo, hi, at_end = per_text(view, columns, lambda basis, text, _kind: bounds(basis, text), 4).T
    within = np.where(at_end == 1, last.ordinal == hi, (lo <= last.ordinal) & (last.ordinal <= hi))
    return as_series(view, (dated == 0) | ~first.known | ~last.known | within)


@rule(
    "period-year-in-evidence",
    "indicators",
    "year",
    "the evidence writes the year {anchor_year} next to the quoted {value_text!r}, but the row's period is "
    "{period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}: date the figure by the year its words give (a comparison "
    "base, 比2014年 or than in 2019, is not read as its date)",
    reads=("anchor", "period_end", "period_start"),
    per_row=True,
)
def year_next_to_quote(view: pd.DataFrame) -> pd.Series:
    """A year written next to the quoted quantity lies within the row's period."""

    def written(anchor: object) -> tuple[int, int, int]:
        years = getattr(anchor, "year", None)
        return (0, 0, 0) if years is None else (1, int(years[0]), int(years[1]))

    has, low, high = per_text(view, ["anchor"], written, 3).T
    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    # the row's period meets the written years
    return as_series(view, (has == 0) | ~first.known | ~last.known | ((low <= last.year) & (first.year <= high)))


def sub_year_span(first: date, last: date) -> bool:
    """A span of whole months within one year, shorter than the year (a half, a quarter, 1-9月)."""
    ends_a_month = last == date.max or (last + timedelta(days=1)).day == 1  # 9999-12-31 has no next day (trial 13 W1)
    whole_months = first.day == 1 and ends_a_month
    return whole_months and first.year == last.year and (first.month, last.month) != (1, 12) and first != last


@rule(
    "period-length-words",
    "indicators",
    "period_start",
    "the period ({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}) and its words disagree in length: a full year is "
    "not written with half-year, quarter or month words (上半年, 1-6月, first half), and a half year, a quarter or a "
    "run of months is (period_text {period_text!r}); correct the period to what the words say",
    needs=NEEDS,
    reads=("anchor", "period_basis", "period_end", "period_reading", "period_start", "period_text", "text_date"),
    per_row=True,
)
def length_in_words(view: pd.DataFrame) -> pd.Series:
    """A full-year flow has no sub-year words; a half year, quarter or run of months has them; a span shorter than a
    year within one year has no whole-year words (全年, annual, 每年) unless its sub-year words say which part."""

    def words_of(
        reading: object, anchor: object, temporal: object, text: object, basis: object, dated: object
    ) -> tuple[int, ...]:
        """(a stock, sub-year words, whole-year words, unread words, the publication month's first and last day)."""
        published = publication_days(dated) if isinstance(basis, str) and basis == "publication" else None
        return (
            int(isinstance(temporal, str) and temporal == "stock"),
            int(bool(getattr(reading, "sub_year", False)) or bool(getattr(anchor, "sub_year_words", False))),
            int(bool(getattr(reading, "whole_year", False))),
            int(isinstance(text, str) and bool(text.strip()) and getattr(reading, "why", None) is not None),
            *((-2, -2) if published is None else (published[0].toordinal(), published[1].toordinal())),
        )

    columns = ["period_reading", "anchor", "indicator__temporal", "period_text", "period_basis", "text_date"]
    stock, words, whole, unread, month_first, month_last = per_text(view, columns, words_of, 6).T
    stock, words, whole, unread = stock == 1, words == 1, whole == 1, unread == 1
    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    one_year = first.year == last.year
    full_year = (first.month == 1) & (first.day == 1) & (last.month == 12) & (last.day == 31) & one_year
    # dated by a text known to the month: the month is the text's date, no word says less
    the_month = (first.ordinal == month_first) & (last.ordinal == month_last)
    return as_series(
        view,
        np.select(
            [
                ~first.known | ~last.known | stock,
                full_year,
                the_month,
                # 全年, annual, 每年 say a whole year, read or not: a span shorter than one is not it
                one_year & ~words & whole,
                # words the reader cannot read are not held against the row
                sub_year_spans(first, last),
            ],
            [True, ~words | whole, True, False, words | unread],
            default=True,
        ),
    )


def sub_year_spans(first: Days, last: Days) -> np.ndarray:
    """sub_year_span of each row's days, as arrays (a row without both days: False)."""
    whole_months = (first.day == 1) & (last.next_day() == 1)
    months = (first.month == 1) & (last.month == 12)
    span = whole_months & (first.year == last.year) & ~months & (first.ordinal != last.ordinal)
    return np.asarray(span & first.known & last.known)


def publication_days(dated: object) -> tuple[date, date] | None:
    """The first and last day a text date (`YYYY-MM`, ...) can stand for."""
    low, high = publication_bounds(dated)
    return None if low is None or high is None else (low.date(), high.date())
