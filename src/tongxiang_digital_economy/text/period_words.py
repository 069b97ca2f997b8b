"""The words that date a figure (`indicators.period_text`) read back into the periods they can mean.

Why this exists: a row claims a period (`period_start`, `period_end`), and `period_text` quotes the words of the
source that date it: `2021年`, `上半年`, `1-6月`, `2019年末`, `截至2023年底`, `by the end of 2020`, `十三五期间`,
`since 2014`, `去年`, `last year`, `目前`. The period rules hold the row to those words: read back, they must give
the row's period, its length and its kind (a stock is one date, a flow a span). Relative words are resolved against
the text's own date (the source's `published`, or its original's for a repost), which may itself be only a month or
a year: then the reading is a window, not a day.

A reading is a set of alternatives, each a pair of windows (the first day lies in one, the last day in the other)
and a kind; a row is admitted when one alternative holds it. Several pieces joined by ` … ` are read together:
`2021年 … 上半年` is the first half of 2021, `为期3天 … 2023年 … 10日` a three-day span of 2023 that starts or ends
on the 10th. Words it does not know make the whole text unread, with the reason: a rule that cannot read the words
says nothing rather than guess (the limits are listed in the data dictionary).

The words are the lexicon's, compiled in `period_lexicon` (PeriodWords.of: `now_word`, `year_part_word`,
`framing_word`, `plan_word`, `period_word`, `date_range_word`, `before_word`, `span_word`, `ordinal_word`); without
a lexicon only the calendar is read. What stays code is the grammar of a written date, no word list a maintainer
extends: digits and years of four; 年, 月, 日, 号 and 月份 as a date's own marks, and 天, 日, 年, day and year as a
length's units (with 来 right after one closing a length: 三天来); the calendar's month and weekday names (jan,
monday); 22H1's form; the small numbers of a length (SMALL: digits, Chinese numerals, one to ten, as the number
reader writes them, with 半 after one making it 'and a half'); dashes and punctuation; and the joiners of the date
forms the date patterns find (WRITTEN_DATE_WORDS).

What a reading is (Period, Reading) is period_readings.py's; the facts each piece states, period_facts.py's; the
days a whole passage's dating words name (for written_after and written_before), passage_dates.py's.

Pure functions over strings and dates: nothing here reads a table.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from .period_facts import Facts, read_pieces
from .period_lexicon import (
    PeriodWords,
    normalise,
)
from .period_readings import Period, Reading
from .periods import publication_bounds, stands_at_its_end


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# What a written date is read with where no lexicon is given: the joiners of the date forms the patterns that find
# one match themselves (WRITTEN_DATE's 11月19日至21日, semantics/rules/events.RUN's 'Nov. 19 through 21'), so that a
# date they find is read whole. They are those patterns' grammar, not a word list: a row's dating words are read
# with the lexicon's `date_range_word` terms instead (PeriodWords.of).
WRITTEN_DATE_WORDS = PeriodWords(range=r"\s*(?:[-—–~～至到]|to|through|until|and)\s*", day_suffix="st|nd|rd|th")


def read_period(period_text: object, published: object, words: PeriodWords | None = None) -> Reading:
    """The periods `period_text` can mean for a text published `published` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`),
    read with the lexicon's words of the text's own day and of parts of a year (`words`: PeriodWords.of; without
    them 目前, 上半年 or 全年 are words it does not know)."""
    if not isinstance(period_text, str) or not period_text.strip():
        return Reading(why="no words")
    words = words or WRITTEN_DATE_WORDS
    text = normalise(period_text)
    facts = Facts()
    read_pieces(text, facts, words)
    sub_year = words.says_sub_year(text)
    whole = words.says_whole_year(text)
    years = frozenset(int(y) for y in re.findall(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])", text))
    if facts.unread:
        return Reading(why=f"no dating word known in {facts.unread[0]!r}", sub_year=sub_year, whole_year=whole,
                       years=years)  # fmt: skip
    lo, hi = publication_bounds(published)
    try:
        periods = build_relative(facts, lo.date() if lo is not None else None, hi.date() if hi is not None else None)
    except ValueError as exc:  # 2月30日, a month 13: no day on the calendar
        return Reading(why=str(exc), sub_year=sub_year, whole_year=whole, years=years)
    if isinstance(periods, str):
        return Reading(why=periods, sub_year=sub_year, whole_year=whole, years=years)
    return Reading(tuple(periods), None, sub_year, whole, years)


RELATIVE_SPLITS_AT_MOST = 2  # a text's window of two years (or months) reads 去年 (上月) once per year (month)


def build_relative(f: Facts, lo: date | None, hi: date | None) -> list[Period] | str:
    """The periods the facts give, where the text's window (its date narrowed by its written_after/before bounds)
    runs over a year's (a month's) end and the words are relative to the year (month): read once for each year
    (month) the text can be of, the readings pooled (明年3月 in a text of 2023-12-20/2024-01-10 is March 2024 or
    March 2025). A window of more months than that leaves a relative month unread: the text's month is not known."""
    if lo is None or hi is None:
        return build(f, lo, hi)
    if f.relative_month is not None:
        parts = month_parts(lo, hi)
    elif f.relative_year is not None and f.year is None:
        parts = [(max(lo, date(y, 1, 1)), min(hi, date(y, 12, 31))) for y in range(lo.year, hi.year + 1)]
    else:
        return build(f, lo, hi)
    if len(parts) > RELATIVE_SPLITS_AT_MOST:
        return (
            "a month relative to the text's, in a text whose month is not known"
            if f.relative_month is not None
            else build(f, lo, hi)
        )
    if len(parts) == 1:
        return build(f, lo, hi)
    pooled: list[Period] = []
    for first, last in parts:
        got = build(replace(f), first, last)
        if isinstance(got, str):
            return got
        pooled += [p for p in got if p not in pooled]
    return pooled


def month_parts(lo: date, hi: date) -> list[tuple[date, date]]:
    """The window lo..hi cut at each month's end."""
    parts, first = [], lo
    while first <= hi:
        last = min(hi, last_day(first.year, first.month))
        parts.append((first, last))
        first = last + timedelta(days=1)
    return parts


def build(f: Facts, lo: date | None, hi: date | None) -> list[Period] | str:
    """The periods the gathered facts give, or why they give none."""
    if f.relative_month is not None:  # 上月, next month: the month before or after the text's (one month: above)
        if lo is None or hi is None:
            return "relative words, but the text has no date"
        if (lo.year, lo.month) != (hi.year, hi.month):
            return "a month relative to the text's, in a text whose month is not known"
        index = lo.year * 12 + lo.month - 1 + f.relative_month
        if f.year is not None or (f.months is not None and f.relative_year is None):
            return "a relative month beside a year or a month of its own"
        f = replace(f, year=index // 12, months=(index % 12 + 1, index % 12 + 1), relative_month=None)
    relative = f.relative_year is not None or f.now is not None or f.weekday is not None or f.since
    if relative and (lo is None or hi is None):
        return "relative words, but the text has no date"
    year = f.year
    if year is None and f.relative_year is not None and lo is not None:
        # 去年 in a text that stands at its end (a year; an original known only to be of before a day, of a window
        # too wide to read once per year) is the year before the last day the text can be from, as 目前 is that day.
        year = (hi if hi is not None and stands_at_its_end(lo, hi) else lo).year + f.relative_year
    if year is None and (f.months or f.month_day) and lo is not None and lo.year == (hi or lo).year:
        year = lo.year  # 9月12日 in a text of 2021: 2021-09-12
    if year is None and f.holiday and lo is not None and hi is not None and lo.year == hi.year:
        year = lo.year  # 春节期间 in a text of 2015: the 2015 Spring Festival
    months_lo = lo  # a day without its month takes the month only from a text known to its month
    slack = SO_FAR_SLACK
    if stands_at_its_end(lo, hi):  # a text known only to its year (or its part) stands at its end: 目前, now
        lo, slack = hi, 0
    # The text's own day (目前, today, yesterday, recently), alone.
    if (f.now is not None or (f.since and not f.year)) and year is None and not (f.months or f.month_day):
        assert lo is not None and hi is not None
        if f.now == 1:
            return [Period("date", (lo - timedelta(1), hi - timedelta(1)), (lo - timedelta(1), hi - timedelta(1)))]
        first = lo - timedelta(days=45) if f.now == -1 and slack else lo  # recently: a few weeks before
        if f.days:  # 过去三天, 三天来: a span of that length ending at the text's date
            return [
                Period("span", (date(1900, 1, 1), hi), (first, hi), f.days),
                Period("date", (first, hi), (first, hi)),
            ]
        if f.years_long:  # 四年来, over the past three years: the years up to the text's date (or its last year-end)
            begin = (date(lo.year - f.years_long, 1, 1), date(lo.year - f.years_long + 1, 12, 31))
            year_end = (date(lo.year - 1, 12, 31),) * 2
            return [
                Period("span", begin, recent(lo, hi, slack)),
                Period("span", begin, year_end),
                Period("date", (first, hi), (first, hi)),
            ]
        if f.open_start and f.now is None:  # 首届大会以来: a span up to the text's date, or the level at it
            since = Period("span", (date(1900, 1, 1), hi), recent(lo, hi, slack), open_start=True)
            return [since, Period("date", recent(lo, hi, slack), recent(lo, hi, slack))]
        if f.now is None:
            return "a length, but no year or date to anchor it"
        if f.now == 0:  # 目前, now: the level at the text's date, or a flow's year so far (已突破270亿元)
            so_far = Period("span", (date(lo.year, 1, 1),) * 2, (first, hi))
            return [Period("date", (first, hi), (first, hi)), so_far]
        return [Period("date", (first, hi), (first, hi))]
    if f.weekday is not None:
        assert lo is not None and hi is not None
        start = nearest_weekday(lo, hi, f.weekday[0])
        if f.weekday[1] is None:
            return [Period("date", (start, start), (start, start)), Period("span", (start, start), (start, hi))]
        end = start + timedelta(days=(f.weekday[1] - f.weekday[0]) % 7)
        return [Period("span", (start, start), (end, end))]
    if f.month_day is not None:
        return days_periods(f, year, months_lo, hi)
    if year is None:
        if f.days or f.years_long:
            return "a length, but no year or date to anchor it"
        return "no year"
    if f.holiday is not None:
        if f.holiday == "national_week":
            return [Period("span", (date(year, 10, 1),) * 2, (date(year, 10, 7),) * 2)]
        festival = (date(year, 1, 20), date(year, 2, 20))  # the Spring Festival falls between Jan 21 and Feb 20
        days = 7 if f.holiday == "spring_week" else None
        return [Period("span", festival, (festival[0], date(year, 3, 5)), days)]
    if f.year_to is not None:  # 2016-2020: the span, or (from A to B) the level or the flow of either end year
        ends = [(date(y, 1, 1), date(y, 12, 31)) for y in (year, f.year_to)]
        # An average or a change from A to B also runs from the year after A (年均增加 from 2014 to 2020: 2015-2020).
        change = Period("span", (date(year + 1, 1, 1),) * 2, (date(f.year_to, 12, 31),) * 2)
        return (
            [Period("span", (date(year, 1, 1),) * 2, (date(f.year_to, 12, 31),) * 2), change]
            + [Period("date", (e[1], e[1]), (e[1], e[1]), range_end=True) for e in ends]  # a level: at its end
            + [Period("span", (e[0], e[0]), (e[1], e[1]), range_end=True) for e in ends]
        )
    if f.since:
        assert hi is not None
        begin = (date(year, f.months[0], 1), last_day(year, f.months[0])) if f.months else (
            date(year, 1, 1), date(year, 12, 31))  # fmt: skip
        # Up to the text's date, or to the last year-end before it (2014年至今 with an annual figure of 2020).
        ends = [recent(lo, hi, slack)] + (
            [(date(lo.year - 1, 12, 31),) * 2] if lo is not None and lo.year > year else []
        )
        return [Period("span", begin, e) for e in ends] + [Period("date", e, e) for e in ends]
    if f.months is not None:
        m1, m2 = f.months
        if f.as_of or f.by:  # 至今年9月, as of September: the level at the month's end (or within it)
            window = (date(year, m2, 1), last_day(year, m2))
            return [Period("date", window, window), Period("span", (date(year, m1 if m1 != m2 else 1, 1),) * 2, window)]
        span = Period("span", (date(year, m1, 1),) * 2, (last_day(year, m2),) * 2)
        if m1 == m2:  # 2020年12月: the month, or a level some day in it
            month = (date(year, m1, 1), last_day(year, m1))
            return [span, Period("date", month, month)]
        return [span]
    if f.now is not None and lo is not None and hi is not None:  # 今年 … 截至目前: the year so far
        return [Period("span", (date(year, 1, 1),) * 2, (lo, hi)), Period("date", (lo, hi), (lo, hi))]
    if f.years_long:  # 2021年 … 两年平均; 2023年 … 这十年; 截至2023年 … 连续举办十年
        return [Period("span", (date(year - f.years_long + 1, 1, 1),) * 2, (date(year, 12, 31),) * 2)]
    whole = Period("span", (date(year, 1, 1),) * 2, (date(year, 12, 31),) * 2)
    year_end = (date(year, 12, 31),) * 2
    # In a text of that same year, 截至2023年 or 'to 2022' may also stand at the text's date (the year not being over).
    same_year = lo is not None and hi is not None and year == hi.year and hi < date(year, 12, 31)
    text_day = [recent(lo, hi, slack)] if same_year else []
    if f.as_of:  # 2019年末, by the end of 2020, 截至2023年底: the level at the year's end
        return [Period("date", e, e) for e in [year_end, *([] if f.year_end else text_day)]]
    if f.by:  # by 2025 (a deadline), 到1949年: the level at the year's end, or a span ending then
        ends = [year_end, *text_day]
        spans = [Period("span", (date(1900, 1, 1), e[1]), e, open_start=True) for e in ends]  # start not given
        return [Period("date", e, e) for e in ends] + spans
    if lo is not None and hi is not None and year == hi.year and hi < date(year, 12, 31):
        # 今年, or a year written in a text of that same year: the year (a target), the year so far (not with
        # 全年), the level at the text's date or at the year's end.
        upto = (max(date(year, 1, 1), recent(lo, hi, slack)[0]), hi)
        in_year_so_far: list[Period] = [] if f.whole_year else [Period("span", (date(year, 1, 1),) * 2, upto)]
        return [whole, *in_year_so_far, Period("date", upto, upto), Period("date", year_end, year_end)]
    # A year alone: the whole year for a flow, the level at its end for a stock (2014年 355家 is the count at the
    # end of 2014, never mid-year).
    return [whole, Period("date", year_end, year_end)]


SO_FAR_SLACK = 7  # days: a figure 'so far' or 'now' may stand a few days before its text (the summit's last day)


def recent(lo: date | None, hi: date | None, slack: int = SO_FAR_SLACK) -> tuple[date, date]:
    """The window of days a figure up to 'now' ends in: the text's date, or the few days before it (none for a
    text known only to its year, dated at its last day)."""
    assert lo is not None and hi is not None
    return lo - timedelta(days=slack), hi


def nearest_weekday(lo: date, hi: date, weekday: int) -> date:
    """The day of the week nearest the text's date (within three days either side): 'from Sunday' in a Monday text."""
    middle = lo + (hi - lo) / 2
    for shift in (0, -1, 1, -2, 2, -3, 3):
        day = middle + timedelta(days=shift)
        if day.weekday() == weekday:
            return day
    return middle


def days_periods(f: Facts, year: int | None, lo: date | None, hi: date | None) -> list[Period] | str:
    """A day, a range of days or a day and a length: their month from the words or the text's date."""
    assert f.month_day is not None
    month, day = f.month_day
    if month is None:
        if f.months and f.months[0] == f.months[1]:
            month = f.months[0]
        elif lo is not None and hi is not None and (lo.year, lo.month) == (hi.year, hi.month):
            month = lo.month  # 10日 in a text of 2022-11: 2022-11-10
        else:
            return "a day without its month, in a text whose month is not known"
    if year is None:
        return "a day without its year, in a text whose year is not known"
    first = date(year, month, day)
    if f.months and f.months[0] < month and f.day_to is None:  # 1-3月 … 4月13日: from the months to that day
        begin = date(year, f.months[0], 1)
        return [Period("span", (begin, begin), (first, first)), Period("date", (first, first), (first, first))]
    if f.day_to is not None:
        end_month = f.day_to[0] or month
        last_year = f.year_to or (year if end_month >= month else year + 1)
        last = date(last_year, end_month, f.day_to[1])
        return [Period("span", (first, first), (last, last))]
    if f.days:  # 11日 … 为期3天: the span starts (or ends) that day
        n = timedelta(days=f.days - 1)
        return [Period("span", (first, first), (first + n, first + n)), Period("span", (first - n,) * 2, (first,) * 2)]
    if f.years_long:  # 1 Year … Oct 25 2021: the year up to that day
        begin = first.replace(year=first.year - f.years_long) + timedelta(days=1)
        return [Period("span", (begin, begin), (first, first))]
    if f.relative_year is not None:  # 12月26日 … 今年: that day, or the year up to it
        return [Period("date", (first, first), (first, first)), Period("span", (date(year, 1, 1),) * 2, (first, first))]
    if f.since:  # 12月26日 … 投产一年来: the level that day, or the span up to it
        return [
            Period("date", (first, first), (first, first)),
            Period("span", (date(1900, 1, 1), first), (first, first)),
        ]
    return [Period("date", (first, first), (first, first))]
