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

Pure functions over strings and dates: nothing here reads a table.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from .fold import regex, squash
from .period_lexicon import (
    HOLIDAYS,
    MONTH_RANGE,
    MONTH_WORD,
    MONTHS,
    NUMBER_ENDS,
    PLAN_YEARS,
    RELATIVE_MONTHS,
    RELATIVE_YEARS,
    SMALL,
    WEEKDAYS,
    PeriodWords,
    cn_int,
    compiled,
    counted,
    normalise,
)
from .periods import publication_bounds, stands_at_its_end

PIECE_JOIN = " … "  # how period_text joins dating words that stand apart
FRAMING_MARKS = r",|\.|\(|\)|'s"  # marks read around dating words, as framing words are (PeriodWords.framing)

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
        """The readings in a few words, for messages."""
        if self.why:
            return f"unread ({self.why})"
        shown = []
        for p in self.periods[:3]:
            s = p.start[0].isoformat() if p.start[0] == p.start[1] else f"{p.start[0]}…{p.start[1]}"
            e = p.end[0].isoformat() if p.end[0] == p.end[1] else f"{p.end[0]}…{p.end[1]}"
            shown.append(f"a date {s}" if p.kind == "date" and s == e else f"{p.kind} {s} to {e}")
        return " or ".join(shown)


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class Facts:
    """What the pieces of one period_text say, gathered before a period is built from them."""

    year: int | None = None
    year_to: int | None = None  # a range of years (2016-2020, 十三五)
    months: tuple[int, int] | None = None
    month_day: tuple[int | None, int] | None = None  # (month or None, day): a day, its month perhaps unsaid
    day_to: tuple[int | None, int] | None = None  # the end of a range of days
    weekday: tuple[int, int | None] | None = None  # from Sunday (to Tuesday)
    days: int | None = None  # a length: 为期3天, three-day
    years_long: int | None = None  # a length in years: 这十年, two-year average, 6年来
    since: bool = False  # 以来, 至今, since: a span running up to the text's date
    as_of: bool = False  # 截至, 末, by the end of, as of: a level at a date
    by: bool = False  # 到, by: a target's deadline
    now: int | None = None  # 目前 (0), 昨天 (1 day before), recently (-1)
    relative_year: int | None = None  # 今年 0, 去年 -1
    relative_month: int | None = None  # 本月 0, 上月 -1, 下月 1
    whole_year: bool = False
    holiday: str | None = None
    year_end: bool = False  # 末, 底, the end of: the last day of the year (or month)
    open_start: bool = False  # since a beginning the reader cannot date (首届大会以来, since the first WIC)
    unread: list[str] = field(default_factory=list)


def read_pieces(text: str, facts: Facts, words: PeriodWords | None = None) -> None:
    """Gather the facts of every piece of `text` (already normalised), with the lexicon's `words`."""
    for piece in (p.strip(" ,.;:，。") for p in re.split(r"\s*…\s*|\.\.\.", text)):
        own = Facts()
        if piece and not read_piece(piece, own, words):
            if own.since and own.year is None and not own.months and own.month_day is None:
                # 首届大会以来, since the first WIC: a span up to the text's date whose start is not read.
                own.open_start = True
            else:
                facts.unread.append(piece)
        merge(facts, own)


def merge(into: Facts, piece: Facts) -> None:
    """A piece's facts added to those of the pieces before it: two years make a range (2014年 … 2020年), two
    days a span from the first to the second (December 7, 2015 … December 8, 2016)."""
    if piece.month_day is not None and into.month_day is not None and piece.day_to is None:
        if piece.year is not None and into.year is not None and piece.year != into.year:
            into.year_to = piece.year  # the second date's year: kept apart from a range of whole years below
        into.day_to = piece.month_day
        piece.month_day = None
    if piece.year is not None and into.year is not None and piece.year != into.year and into.year_to is None:
        if into.month_day is None:
            into.year, into.year_to = min(into.year, piece.year), max(into.year, piece.year)
        piece.year = None
    for name, value in vars(piece).items():
        if name == "unread":
            continue
        current = getattr(into, name)
        if value is not None and value is not False and (current is None or current is False):
            setattr(into, name, value)


def read_piece(piece: str, f: Facts, words: PeriodWords | None = None) -> bool:
    """The facts of one piece; False when it holds no dating word this reader knows (the text's own day and the
    whole-year words are the lexicon's, `words`)."""
    words = words or PeriodWords()
    found = False
    rest = piece

    def take(pattern: str) -> re.Match[str] | None:
        nonlocal rest, found
        m = regex(pattern).search(rest)
        if m:
            rest = rest[: m.start()] + " " + rest[m.end() :]
            found = True
        return m

    said = words.word
    dash, opening = words.range, f"(?:(?:{words.range_opening})\\s)?" if words.range_opening else ""
    suffix = f"(?:{words.day_suffix})?" if words.day_suffix else ""  # june 8th: the lexicon's ordinal suffixes
    # Plan periods (十三五, the 13th five-year plan: the lexicon's `plan_word` terms, each with its first year).
    for pattern, first in words.plans:
        if take(pattern):
            f.year, f.year_to = first, first + PLAN_YEARS - 1
    # Ranges of years: 2016-2020, 2014年至2020年, from 2022 to 2023, between 2014-23.
    if m := take(opening + r"((?:19|20)[0-9]{2})年?" + dash + r"((?:19|20)?[0-9]{2})年?(?![0-9月])"):
        end = int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
        if end >= int(m[1]):
            f.year, f.year_to = int(m[1]), end
    # Since: 2014年至今, 自2014年以来, since 2014, 今年以来, 今年初以来, 首届以来 (unread: no year); not before 年
    # (至今年 is 至 and 今年); 来 right after a length's own 天 or 年 (三天来, 6年来) is the length's grammar.
    if take("|".join(filter(None, [f"(?:{said('since')})(?!年)" if said("since") else None, r"(?<=[天年])来"]))):
        f.since = True
    # These few years (这几年, in recent years): a span up to the text's date whose start is not said.
    if (recent_years := said("recent_years")) and take(recent_years):
        f.since = f.open_start = True
    # A comparison base frames a figure, it does not date it (2022年 … 较上年: 2022); the same year as the words
    # before (2023 … In the same year: 2023); each year of the span (每年, every year) and years in a row (连续举办
    # 十年) say how the span is filled, not which it is: the other words date it.
    for meaning in ("base", "same_year", "each_year"):
        if alternation := said(meaning):
            take(alternation)
    # N years ago (10年前, 3 years ago: the year N before the text's).
    if words.years_ago is not None and (m := take(f"(?:{words.years_ago}){NUMBER_ENDS}")):
        f.relative_year = -(cn_int(counted(m)) or 0)
    # A year with a `before_word` (2014年前, 2014年以前; before 2014 in English): the year before it.
    before = "|".join(
        filter(
            None,
            [
                rf"((?:19|20)[0-9]{{2}})年(?:{words.before_cn}){NUMBER_ENDS}" if words.before_cn else None,
                rf"(?:{words.before_latin})\s((?:19|20)[0-9]{{2}})" if words.before_latin else None,
            ],
        )
    )
    if before and (m := take(before)):
        f.year = int(m[1] or m[2]) - 1
    # The twelve months up to the text's date: TTM, trailing twelve months, in the past year.
    if (trailing := said("trailing_year")) and take(trailing):
        f.years_long, f.since = 1, True
    # Years and months relative to the text's own (去年, last year; 下月, last month).
    for meaning, offset in RELATIVE_YEARS.items():
        if (alternation := said(meaning)) and take(alternation):
            f.relative_year = offset
    for meaning, offset in RELATIVE_MONTHS.items():
        if (alternation := said(meaning)) and take(alternation):
            f.relative_month = offset
    if words.average is not None and (m := take(words.average)):  # 两年平均: an average over that many years
        f.years_long = cn_int(counted(m))
    # A month's first day in words, before the durations (第一天 is no length of one day): 9月的第一天, 9月首日
    # (after a month and its own 份, 的), the first day of September (before a month's name).
    if words.first_day_cn is not None and (
        m := take(rf"([0-9]{{1,2}}|[一二三四五六七八九十]{{1,2}})月份?的?(?:{words.first_day_cn})")
    ):
        f.month_day = (int(m[1]) if m[1].isdigit() else cn_int(m[1]), 1)
    if words.first_day_latin is not None and (m := take(rf"(?:{words.first_day_latin})\s" + MONTH_WORD + r"(?![a-z])")):
        f.month_day = (MONTHS[m[1]], 1)
    # Durations: 为期3天, 三天来, 过去三天, three-day, over the past three days, 这十年, 6年来, two-year average: a
    # length's lead words are the lexicon's (`length_lead`; `past_length` ones make it run up to the text's date),
    # its number and its unit (天, 日 and 年, day and year, with the words a length of them ends at) the grammar.
    lead = f"(?:{words.length_lead})?" if words.length_lead else ""
    ends = f"(?={words.length_end})" if words.length_end else "(?!)"
    past = regex(f"(?:{words.past_lead})") if words.past_lead else None
    if m := take(lead + SMALL + rf"(?:[- ]?days?|天|日{ends})"):
        f.days = cn_int(m[1])
        f.since = f.since or bool(past and past.match(m[0]))
    if m := take(lead + SMALL + rf"(?:[- ]?years?|年)(?=\s*(?:{words.length_end or '(?!)'}|,|$))"):
        f.years_long = cn_int(m[1])
        f.since = f.since or bool(past and past.match(m[0]))
    # Year-end, as-of and deadline words.
    while (as_of := said("as_of")) and take(as_of):
        f.as_of = True
    while (year_end := said("year_end")) and take(year_end):
        f.as_of = f.year_end = True
    # A deadline word opening the words, before a year or the text's own or next year in Chinese (到2025年, 到今年).
    if (by := said("by")) and take(rf"^(?:{by})\s*(?=[0-9]|$" + (f"|{words.by_year}" if words.by_year else "") + ")"):
        f.by = True
    if edition := said("edition"):
        take(edition)  # the edition the text reports: dated by the other pieces
    # Holidays: a golden week is seven days, the Spring Festival's in late January or February.
    f.holiday = next((meaning for meaning in HOLIDAYS if (alternation := said(meaning)) and take(alternation)), None)
    # Halves, quarters: the months their meaning names (1-6).
    for meaning, pattern in words.said:
        if (months := MONTH_RANGE.fullmatch(meaning)) and take(pattern):
            f.months = (int(months[1]), int(months[2]))
    # 22H1: a year's last two digits, H and the half's number (the form of a date, as 2021年 is).
    if m := take(r"\b([0-9]{2})h([12])\b"):
        f.year, f.months = 2000 + int(m[1]), ((1, 6) if m[2] == "1" else (7, 12))
    # Days with months: 12月16日至18日, 11月6日至9日, 2015年12月18日, december 3 to 5, nov. 19, 2014, june 8th.
    if m := take(r"([0-9]{1,2})月([0-9]{1,2})[日号]" + r"(?:" + dash + r"(?:([0-9]{1,2})月)?([0-9]{1,2})[日号])?"):
        f.month_day = (int(m[1]), int(m[2]))
        if m[4]:
            f.day_to = (int(m[3]) if m[3] else int(m[1]), int(m[4]))
    if m := take(r"\b" + MONTH_WORD + rf"\s*([0-9]{{1,2}}){suffix}\b(?:" + dash + rf"([0-9]{{1,2}}){suffix}\b)?"):
        f.month_day = (MONTHS[m[1]], int(m[2]))
        if m[3]:
            f.day_to = (MONTHS[m[1]], int(m[3]))
    # Month ranges and months: 1-6月, 1至9月, from january to august, january-june; 9月, in june.
    if m := take(r"([0-9]{1,2})" + dash + r"([0-9]{1,2})月"):
        f.months = (int(m[1]), int(m[2]))
    if m := take(opening + r"\b" + MONTH_WORD + dash + MONTH_WORD):
        f.months = (MONTHS[m[1]], MONTHS[m[2]])
    if m := take(r"([0-9]{1,2})月(?:份)?|([一二三四五六七八九十]{1,2})月(?!份?[0-9])"):
        month = int(m[1]) if m[1] else cn_int(m[2])
        f.months = (month, month) if month else f.months
    if m := take(r"\b" + MONTH_WORD + r"(?![a-z])"):
        f.months = (MONTHS[m[1]], MONTHS[m[1]])
    # Days alone: 10日, 21日下午, 12月5日 is above; days of the week.
    if m := take(r"(?<![0-9])([0-9]{1,2})[日号](?:" + dash + r"([0-9]{1,2})[日号])?"):
        f.month_day = (None, int(m[1]))
        if m[2]:
            f.day_to = (None, int(m[2]))
    if m := take(opening + r"(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:" + dash
                 + r"(sunday|monday|tuesday|wednesday|thursday|friday|saturday))?"):  # fmt: skip
        f.weekday = (WEEKDAYS[m[1]], WEEKDAYS[m[2]] if m[2] else None)
    # Years: 2021年, in 2019, 2023.
    if (m := take(r"((?:19|20)[0-9]{2})(?:年|\b)")) and (f.year is None or f.year_to is None):
        f.year = int(m[1])
    # The text's own day.
    if (yesterday := said("yesterday")) and take(yesterday):
        f.now = 1
    elif words.recent is not None and take(words.recent):
        f.now = -1
    elif words.now is not None and take(words.now):
        f.now = 0 if f.now is None else f.now
    if words.whole_year is not None and take(words.whole_year):
        f.whole_year = True
    # Words that only frame the dating words (in, during, 期间, 上午, 在: the lexicon's `framing_word` terms),
    # and the marks around them: punctuation and the possessive 's are the reader's own.
    framing = FRAMING_MARKS if words.framing is None else f"{words.framing}|{FRAMING_MARKS}"
    leftover = compiled(framing).sub("", rest)
    return found and not leftover.strip()


# What a written date is read with where no lexicon is given: the joiners of the date forms the patterns that find
# one match themselves (WRITTEN_DATE's 11月19日至21日, semantics/rules/events.RUN's 'Nov. 19 through 21'), so that a
# date they find is read whole. They are those patterns' grammar, not a word list: a row's dating words are read
# with the lexicon's `date_range_word` terms instead (PeriodWords.of).
WRITTEN_DATE_WORDS = PeriodWords(range=r"\s*(?:[-—–~～至到]|to|through|until|and)\s*", day_suffix="st|nd|rd|th")


# --- building periods ------------------------------------------------------------------------------------------


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


# Dating words are short (period_text holds at most 80 characters): a longer piece is other words, not read.
DATING_WORDS_AT_MOST = 80
PASSAGE_PIECES = re.compile(r"[，,。;；:：、!！?？()（）]|…|\.(?=\s|$)")


def first_days_named(passage: object, published: object, words: PeriodWords | None = None) -> frozenset[date]:
    """The first days of the periods a passage's dating words name, read clause by clause against the text's own
    date (`published`): "launched … in April 2020" names 2020-04-01; "11月8日,…峰会将在乌镇启幕" in a text of
    2023-11 names 2023-11-08. A clause of other words than dating words names nothing (the period reader reads
    only dating words), so a passage is cut at its commas and stops first. Words of the text's own day (今天, 目前,
    now, recently) name no first day: their year-so-far reading starts on 1 January because the reader must allow
    a flow of the year to date, not because the words state that day (review 4 F5).

    This is what `sources.written_after` is checked against: the day it records is the first day of a period the
    quoted words name."""
    return frozenset(p.start[0] for p, _ in periods_named(passage, published, words))


def last_days_bound(
    passage: object,
    published: object,
    event_words: re.Pattern[str] | None,
    words: PeriodWords | None = None,
) -> frozenset[date]:
    """The days a passage that looks forward bounds its text by (`sources.written_before`, exclusive): a point
    day's own day ("11月8日,…峰会将在乌镇启幕": 2023-11-08), an event's first day ("9月26日至28日,…峰会将在浙江乌镇
    举行": 2021-09-26), and for any other span the day after its last ("In the second half of 2020, the company
    plans to add …": 2021-01-01; the plan may be written on any day of the half year it names).

    An event is told by its words (启幕, 举行, opens: the lexicon's `event_word` terms, compiled as one pattern
    over squashed text, `Lexicon.patterns["event_word"]`): a text that looks forward to it is of before its first
    day. Without them (None: no lexicon) every span is a plan's, bounding its text by the day after its last."""
    event = isinstance(passage, str) and event_words is not None and event_words.search(squash(passage)) is not None
    days: set[date] = set()
    for p, _ in periods_named(passage, published, words):
        if p.kind == "date" or event:
            days.add(p.start[0])
        elif p.end[0] == p.end[1]:
            days.add(p.end[0] + timedelta(days=1))
    return frozenset(days)


def periods_named(passage: object, published: object, words: PeriodWords | None = None) -> list[tuple[Period, str]]:
    """The periods with a stated first day that a passage's dating words name, each with its clause; a clause of
    the text's own day (今天, 目前, now, recently) names none."""
    if not isinstance(passage, str):
        return []
    named: list[tuple[Period, str]] = []
    for piece in (passage, *PASSAGE_PIECES.split(passage)):
        if not piece.strip() or len(piece) > DATING_WORDS_AT_MOST:
            continue
        facts = Facts()
        read_pieces(normalise(piece), facts, words)
        if facts.now is not None:
            continue
        reading = read_period(piece, published, words)
        named.extend((p, piece) for p in reading.periods if p.start[0] == p.start[1] and not p.open_start)
    return named
