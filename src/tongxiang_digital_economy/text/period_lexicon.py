"""The period reader's words: the lexicon's dating words compiled into the patterns `period_words` reads with.

Why apart from the reader: which words date a figure is data (the lexicon's `now_word`, `year_part_word`,
`framing_word`, `length_word`, `plan_word`, `period_word`, `date_range_word`, `before_word`, `span_word`,
`ordinal_word`), compiled once per lexicon into one `PeriodWords`; the reader (`period_words`) and the other readers
of dates (`own_dates`, the events rules, the claims) take that object and the grammar of a written date kept here
beside it (digits and Chinese numerals, the calendar's month and weekday names, dashes, `normalise`), so that every
reader of a date reads the same words the same way. Pure functions over strings: nothing here reads a table.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .fold import INSERTED_PINYIN, simplified

if TYPE_CHECKING:  # quantities imports pandas: `--help` and `--version` must not (tests/test_engine.py)
    from .quantities import Lexicon

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "a": 1, "single": 1,
}  # fmt: skip
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
MONTH_WORD = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
PLAN_YEARS = 5  # a five-year plan (the lexicon's `plan_word` terms give its first year) runs five years
DASHES = r"\s*[-—–~～]\s*"  # the marks that join a range (2016-2020, 1-6月): punctuation; the words are the lexicon's
MONTH_CN = re.compile(r"[0-9]{1,2}月|[一二三四五六七八九十]{1,2}月")
# Months are the calendar's; the half-year and quarter words and the months relative to the text's own (上月) beside
# them are the lexicon's (PeriodWords.sub_year, PeriodWords.said).
MONTHS_WRITTEN = MONTH_CN.pattern + r"|\b" + MONTH_WORD + r"(?![a-z])"
# The meanings of the lexicon's `period_word` terms, in the order the period reader takes them (read_piece); the
# relative ones with the offset of the year or month they name from the text's own.
SAID = (
    "since",
    "recent_years",
    "base",
    "same_year",
    "each_year",
    "trailing_year",
    "as_of",
    "year_end",
    "by",
    "edition",
    "yesterday",
)
RELATIVE_YEARS = {"this_year": 0, "last_year": -1, "year_before_last": -2, "next_year": 1}
RELATIVE_MONTHS = {"this_month": 0, "last_month": -1, "next_month": 1}
HOLIDAYS = ("spring_week", "national_week", "spring")  # the longer first: 春节黄金周 before 春节
MONTH_RANGE = re.compile(r"([0-9]{1,2})-([0-9]{1,2})")  # a `period_word` meaning naming months: 1-6, 10-12
# Where a small number (SMALL) has ended: no digit, Chinese numeral or 半 (and a half: 一年半前) goes on after it.
NUMBER_ENDS = r"(?![0-9一二三四五六七八九十两]|半)"


@dataclass(frozen=True)
class PeriodWords:
    """The lexicon's words of the text's own day and of parts of a year, as alternations over normalised text
    (None where the lexicon lists none, and then nothing reads as one):

    - `now_word` `now`: the text's own day (目前, 截至目前, 如今, 至今, today, currently, so far); `recent`: a few
      weeks before it (近日, 日前, recently);
    - `year_part_word` `half`, `quarter`: words that make a period shorter than a year (上半年, 半年, first half, H1,
      22H1 as `#h1`; 季度, quarter, Q3); `whole`: words that make it a whole year (全年, full year, annual);
    - `framing_word`: words that only frame the dating words (in, during, the, 期间, 在, 上午, 年), read around
      them; without them a piece with any is unread (`framing`, Latin terms whole words);
    - `length_word`: a length of days with `#` for its number (为期#天, #-day), read in an edition's evidence by
      event-dates-not-in-evidence (`length`, one group per term for the number);
    - `plan_word`: a five-year plan by its number (十三五, 13th five-year plan), its meaning the plan's first year
      (`plans`), and the words read with it after it (期间, period: meaning `suffix`);
    - `period_word`: the words that say what a piece of dating words states, by meaning (`said`): a span up to the
      text's date (`since`: 以来, since), these few years (`recent_years`), a comparison base (`base`: 同比), the
      same year (`same_year`), how a span is filled (`each_year`: 每年, 连续), the trailing twelve months
      (`trailing_year`), a year or month relative to the text's (`this_year`, `last_year`, `year_before_last`,
      `next_year`, `this_month`, `last_month`, `next_month`), a level at a date (`as_of`: 截至), at a year's end
      (`year_end`: 年底, by the end of), a deadline (`by`: 到2025年), the reported edition (`edition`: 本届), a
      holiday (`spring_week`, `national_week`, `spring`) and months named by their range (`1-6`: 上半年, H1;
      `1-3`: 一季度, Q1);
    - `date_range_word` `range` and `period_text` (至, to, through): with the dashes, join two years, months or
      days into a range (`range`); `span_word` `from` and `start` English terms (from, between) may open one.

    A term's `#` is a digit (22H1); a term that starts with a Latin letter starts a word, one that ends in a digit
    ends its number (H1 is not the h1 of 'h12'). Nothing else bounds a term: 'quarter' is read in 'quarters'."""

    now: str | None = None
    recent: str | None = None
    sub_year: str | None = None
    whole_year: str | None = None
    framing: str | None = None
    length: str | None = None
    plans: tuple[tuple[str, int], ...] = ()  # each plan word (with its suffix words) and its first year
    said: tuple[tuple[str, str], ...] = ()  # each `period_word` meaning with its terms' alternation
    range: str = DASHES  # what joins two years, months or days: a dash or a range word
    range_opening: str | None = None  # English words opening a range of years (from, between)
    before_cn: str | None = None  # `before_word` terms after a year's 年 (2014年前, 以前)
    before_latin: str | None = None  # `before_word` terms before a year (before 2014)
    by_year: str | None = None  # the Chinese `this_year` and `next_year` terms: a deadline word may stand before one
    years_ago: str | None = None  # `years_ago` terms, `#` a small number (#年前, # years ago): one group each
    average: str | None = None  # `average` terms, `#` a small number (#年平均, #-year average): one group each
    first_day_cn: str | None = None  # `first_day` words after a month (第一天, 首日)
    first_day_latin: str | None = None  # `first_day` words before a month's name (the first day of)
    length_lead: str | None = None  # `length` and `past_length` words before a length (为期, 过去, over the past)
    past_lead: str | None = None  # `past_length` words: the length runs up to the text's date
    length_end: str | None = None  # `length_end` words a length of years (or 日) ends at (来, 内, average)
    day_suffix: str | None = None  # `ordinal_word` `suffix` terms after a day's number (june 8th)

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> PeriodWords:
        """`read`, once per lexicon (Lexicon.once: every view and rule asks for the same words)."""
        return cls() if lexicon is None else lexicon.once(cls.__qualname__, lambda: cls.read(lexicon))

    @classmethod
    def read(cls, lexicon: Lexicon | None) -> PeriodWords:
        """The words a lexicon lists (none without one)."""
        if lexicon is None:
            return cls()
        return cls(
            now=period_alternation(lexicon, "now_word", ("now",)),
            recent=period_alternation(lexicon, "now_word", ("recent",)),
            sub_year=period_alternation(lexicon, "year_part_word", ("half", "quarter")),
            whole_year=period_alternation(lexicon, "year_part_word", ("whole",)),
            framing=framing_alternation(lexicon.terms_of.get("framing_word", [])),
            length=length_alternation(lexicon.terms_of.get("length_word", [])),
            plans=plan_patterns(lexicon),
            said=said_alternations(lexicon),
            range=range_pattern(lexicon),
            range_opening=period_alternation(lexicon, "span_word", ("from", "start"), script="latin"),
            before_cn=period_alternation(lexicon, "before_word", ("before",), script="other"),
            before_latin=period_alternation(lexicon, "before_word", ("before",), script="latin"),
            by_year=period_alternation(lexicon, "period_word", ("this_year", "next_year"), script="other"),
            years_ago=counted_alternation(lexicon, "years_ago"),
            average=counted_alternation(lexicon, "average"),
            first_day_cn=period_alternation(lexicon, "period_word", ("first_day",), script="other"),
            first_day_latin=period_alternation(lexicon, "period_word", ("first_day",), script="latin"),
            length_lead=lead_alternation(lexicon, ("length", "past_length")),
            past_lead=lead_alternation(lexicon, ("past_length",)),
            length_end=period_alternation(lexicon, "period_word", ("length_end",)),
            day_suffix="|".join(re.escape(normalise(t)) for t, m in ordinals(lexicon) if m == "suffix") or None,
        )

    def word(self, meaning: str) -> str | None:
        """The alternation of the `period_word` terms of one meaning (None if none)."""
        return next((pattern for m, pattern in self.said if m == meaning), None)

    def says_sub_year(self, text: str) -> bool:
        """Whether normalised `text` holds a half-year, quarter or month word: the period is shorter than a year."""
        relative = [self.word(m) for m in RELATIVE_MONTHS]
        pattern = "|".join(p for p in [self.sub_year, MONTHS_WRITTEN, *relative] if p)
        return compiled(pattern).search(text) is not None

    def says_whole_year(self, text: str) -> bool:
        """Whether normalised `text` holds a whole-year word (全年, full year, annual)."""
        return self.whole_year is not None and compiled(self.whole_year).search(text) is not None


def period_term(term: str) -> str:
    """A lexicon term as a pattern over normalised text (PeriodWords: `#` a digit, Latin and digit edges bounded)."""
    text = normalise(term)
    body = "[0-9]".join(re.escape(part) for part in text.split("#"))
    if re.match(r"[a-z]", text):
        body = r"(?<![a-z0-9])" + body
    if re.search(r"[0-9#]$", text):
        body += r"(?![0-9])"
    return body


def framing_alternation(terms: list[str]) -> str | None:
    """Framing words as one alternation over normalised text, longest first: Latin ones whole words (`\\b` both
    sides), the others anywhere (None if none)."""
    found = sorted({normalise(t) for t in terms if normalise(t)}, key=lambda t: (-len(t), t))
    return "|".join(rf"\b{re.escape(t)}\b" if re.match(r"[a-z]", t) else re.escape(t) for t in found) or None


# A length's number: digits or Chinese numerals in a Chinese term, digits or an English word in a Latin one.
LENGTH_NUMBER_CN = "([0-9一二两三四五六七八九十]{1,3})"
LENGTH_NUMBER_LATIN = "([a-z]+|[0-9]{1,2})"


def length_alternation(terms: list[str]) -> str | None:
    """Length words (为期#天, #-day) as one alternation over normalised text, one group per term for its number
    (`#`), longest first; a Latin term is read as whole words (None if none, or none with one `#`)."""
    found = sorted({normalise(t) for t in terms if normalise(t).count("#") == 1}, key=lambda t: (-len(t), t))
    patterns = []
    for term in found:
        before, after = (re.escape(part) for part in term.split("#"))
        if re.search(r"[a-z]", term):
            patterns.append(rf"\b{before}{LENGTH_NUMBER_LATIN}{after}\b")
        else:
            patterns.append(f"{before}{LENGTH_NUMBER_CN}{after}")
    return "|".join(patterns) or None


def period_alternation(
    lexicon: Lexicon, category: str, meanings: tuple[str, ...], script: Literal["latin", "other"] | None = None
) -> str | None:
    """The terms of a category with one of these meanings as one alternation, longest first (None if none); with
    `script`, its Latin terms alone or the others alone."""
    terms = lexicon.terms_of.get(category, [])
    chosen = [t for t, m in zip(terms, lexicon.meanings_of.get(category, []), strict=True) if m in meanings]
    if script is not None:
        chosen = [t for t in chosen if (re.match(r"[a-z]", normalise(t)) is not None) == (script == "latin")]
    return "|".join(period_term(t) for t in chosen if normalise(t).strip("# ")) or None


def plan_patterns(lexicon: Lexicon) -> tuple[tuple[str, int], ...]:
    """Each `plan_word` term with its suffix words after it (十三五期间, the 13th five-year plan period), and the
    plan's first year (its meaning), in the order of the years."""
    pairs = list(zip(lexicon.terms_of.get("plan_word", []), lexicon.meanings_of.get("plan_word", []), strict=True))
    suffixes = sorted({normalise(t) for t, m in pairs if m == "suffix" and normalise(t)}, key=lambda t: (-len(t), t))
    suffix = "|".join(rf"\s{re.escape(t)}" if re.match(r"[a-z]", t) else re.escape(t) for t in suffixes)
    plans = [(period_term(t) + (f"(?:{suffix})?" if suffix else ""), int(m)) for t, m in pairs if m.isdigit()]
    return tuple(sorted(plans, key=lambda p: p[1]))


def said_alternations(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    """The `period_word` terms of each meaning as one alternation: the meanings the reader takes (SAID, the relative
    years and months, the holidays) and every range of months (1-6), ordered by its months."""
    meanings = set(lexicon.meanings_of.get("period_word", []))
    months = sorted((m for m in meanings if MONTH_RANGE.fullmatch(m)), key=lambda m: tuple(map(int, m.split("-"))))
    ordered = [*SAID, *RELATIVE_YEARS, *RELATIVE_MONTHS, *HOLIDAYS, *months]
    found = ((m, period_alternation(lexicon, "period_word", (m,))) for m in ordered if m in meanings)
    return tuple((m, pattern) for m, pattern in found if pattern)


def ordinals(lexicon: Lexicon) -> list[tuple[str, str]]:
    """The `ordinal_word` terms with their meanings."""
    return list(zip(lexicon.terms_of.get("ordinal_word", []), lexicon.meanings_of.get("ordinal_word", []), strict=True))


def counted_alternation(lexicon: Lexicon, meaning: str) -> str | None:
    """The `period_word` terms of a meaning whose `#` is a small number (SMALL, one group per term), longest first;
    a Latin term starts a word (None if none)."""
    terms = zip(lexicon.terms_of.get("period_word", []), lexicon.meanings_of.get("period_word", []), strict=True)
    found = sorted({normalise(t) for t, m in terms if m == meaning and normalise(t).count("#") == 1}, key=len)
    patterns = [
        (r"(?<![a-z0-9])" if re.match(r"[a-z]", t) else "") + SMALL.join(re.escape(part) for part in t.split("#"))
        for t in reversed(found)
    ]
    return "|".join(patterns) or None


def counted(m: re.Match[str]) -> str:
    """The number a counted term's match holds (the one group that took part)."""
    return next(g for g in m.groups() if g is not None)


def lead_alternation(lexicon: Lexicon, meanings: tuple[str, ...]) -> str | None:
    """The `period_word` terms of these meanings that lead a length, longest first: a Latin one with white space
    after it (over the past 3 days), the others bare (过去3天) (None if none)."""
    terms = zip(lexicon.terms_of.get("period_word", []), lexicon.meanings_of.get("period_word", []), strict=True)
    found = sorted({normalise(t) for t, m in terms if m in meanings and normalise(t)}, key=lambda t: (-len(t), t))
    return "|".join(period_term(t) + (r"\s" if re.match(r"[a-z]", t) else "") for t in found) or None


def range_pattern(lexicon: Lexicon) -> str:
    """What joins the two ends of a range in dating words: a dash, or a `date_range_word` (至, to, through)."""
    words = period_alternation(lexicon, "date_range_word", ("range", "period_text"))
    return rf"\s*(?:[-—–~～]|{words})\s*" if words else DASHES


def cn_int(text: str) -> int | None:
    """A small whole number in Arabic or Chinese digits or English words (3, 三, 十, 十二, three)."""
    if text.isdigit():
        return int(text)
    if text in EN_NUMBERS:
        return EN_NUMBERS[text]
    if text == "十":
        return 10
    if len(text) == 2 and text[0] == "十" and text[1] in CN_DIGITS:
        return 10 + CN_DIGITS[text[1]]
    if len(text) == 2 and text[1] == "十" and text[0] in CN_DIGITS:
        return CN_DIGITS[text[0]] * 10
    if len(text) == 3 and text[1] == "十" and text[0] in CN_DIGITS and text[2] in CN_DIGITS:
        return CN_DIGITS[text[0]] * 10 + CN_DIGITS[text[2]]
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    return None


SMALL = (
    r"(?<![0-9])([0-9]{1,3}|[一二两三四五六七八九十]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a|single)"
)


def normalise(text: str) -> str:
    """Simplified script, case folded, full-width digits and punctuation made ASCII, spaces single."""
    text = simplified(INSERTED_PINYIN.sub("", text))
    text = text.translate(str.maketrans("０１２３４５６７８９，．（）：", "0123456789,.():"))
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text.casefold()).strip()


@functools.lru_cache(maxsize=64)
def compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
