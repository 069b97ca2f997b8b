"""The facts the pieces of one period_text state (a year, a range of years, months, a day, a length, 'since', 'as
of', a relative year or month, the text's own day), gathered before text/period_words.py builds periods from them.
Each piece is read with the lexicon's words (PeriodWords); a piece with no dating word this reader knows is kept
as unread, with its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fold import regex
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
)

FRAMING_MARKS = r",|\.|\(|\)|'s"  # marks read around dating words, as framing words are (PeriodWords.framing)


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
