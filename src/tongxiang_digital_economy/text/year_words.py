"""The years written next to a quote, and the two ends of 'from A to B': where a figure's own dating words stand.

Why this exists: text/clauses.py decides which figure of a passage a row claims; part of that is which year is
written with the quoted quantity (2021年，全市实现…; 'in 2019' after it; a comparison base 比2014年 is no date of the
figure) and, for 'from A to B' (从2014年的350多家增加到2700多家, from 5.1 billion yuan in 2014 to 29.39 billion in
2023), which end the quote is and which words date A. Pure functions over the folded passage. The words of 'from A
to B' (从, 到, from, to) and those that make a year a bound (2014年前) are the lexicon's (`span_word`, `before_word`:
text/clause_words.SpanWords), as are the words that make four digits a year (in 2019, 至2020), join two years
(2014年至2020年) and date A (从去年的: `year_lead_word`, `year_after_word`, `date_range_word`, `span_date_word`:
text/clause_words.YearWords). What stays here is the grammar of a written date: four digits from 1900 to 2099, a
year's own 年, the particle 的 between A's date and A (从2014年的), dashes and brackets: how a date is written,
no word list.
"""

from __future__ import annotations

import re
from functools import cache

from .clause_words import SpanWords, YearWords

# A year written with its own 年 (2021年): the calendar's grammar, read without the lexicon.
CN_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s?年)")


def years_written(
    text: str, start: int, end: int, before: re.Pattern[str] | None = None, years: YearWords | None = None
) -> list[tuple[int, int, int, int]]:
    """The years (and ranges of years) written in text[start:end]: (position, end position, first, last). A year
    followed by a word that makes it a bound (`before`: SpanWords.before_year, the lexicon's `before_word` terms,
    2014年前) is left out. Which words make four digits a year ('in 2019', 至2020) and join two years into a range
    (2014年至2020年) are the lexicon's (`years`: YearWords); without them, only 2021年, a dash (2016-2020) and a
    year after a comma or at the start are read."""
    years = years or YearWords()
    found: list[tuple[int, int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for m in years.year_range.finditer(text, start, end):
        last = int(m[2]) if len(m[2]) == 4 else int(m[1][:2] + m[2])
        if last > int(m[1]):
            found.append((m.start(), m.end(), int(m[1]), last))
            taken.append((m.start(), m.end()))
    for pattern in (CN_YEAR, years.year):
        for m in pattern.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            if before is not None and before.match(text[m.end() : m.end() + 4]):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), int(m[1]), int(m[1])))
    return found


def attached_year(
    text: str,
    c_start: int,
    c_end: int,
    s_start: int,
    at: int,
    end: int,
    skip: tuple[int, int] = (0, 0),
    compared: re.Pattern[str] | None = None,
    before: re.Pattern[str] | None = None,
    years: YearWords | None = None,
) -> tuple[int, int] | None:
    """The year (or range of years) written next to the quote: 'in 2022' right after it (English), else the
    nearest of its clause (measured from the quote's edges), else the nearest before it in its sentence (2021年，
    全市实现…). A comparison base (比2014年, than in 2019), a year before (2014年前) and the other end's year of
    'from A to B' (`skip`) are no date of the figure and are left out. `compared` ends where a comparison base's
    year starts (the lexicon's `comparison_word` terms: 比, 同比, than: ClauseWords.compared); without it no year is
    read as a base; `before` (SpanWords.before_year) finds a year before, without it none is; the words that date
    a quote by the year right after it ('in 2022': the lexicon's `year_after_word` terms) and make digits a year
    are `years`' (YearWords)."""
    years = years or YearWords()
    after = years.after_quote.match(text, end) if years.after_quote is not None else None
    if after:
        return int(after[1]), int(after[1])
    near: list[tuple[int, int, int, int]] = []
    for y_start, y_end, first, last in years_written(text, s_start, c_end, before, years):
        if at <= y_start < end or skip[0] <= y_start < skip[1]:
            continue
        if compared is not None and compared.search(text[max(s_start, y_start - 14) : y_start]):
            continue
        distance = at - y_end if y_end <= at else y_start - end
        in_clause = c_start <= y_start < c_end
        if in_clause or y_end <= at:
            near.append((0 if in_clause else 1, distance, first, last))
    if not near:
        return None
    best = min(near)
    return best[2], best[3]


@cache
def from_word(from_words: str, a_dated: str) -> re.Pattern[str]:
    """'from' right before A, perhaps with A's own dating words (`a_dated`, YearWords.a_dated: a year in digits or
    the lexicon's `span_date_word` `before_a` terms) and the particle 的 (从2014年的, 从去年的, from)."""
    return re.compile(rf"(?:{from_words})(?:\s?(?:{a_dated})的?)?\s?$")


@cache
def bracketed_a(from_words: str) -> re.Pattern[str]:
    """'from A (' right before a quote: the quote restates A in brackets."""
    return re.compile(rf"(?:{from_words})\s?[^#()（）]{{0,6}}[0-9][^()（）]{{0,30}}[(（][^#0-9()（）]{{0,3}}$")


def from_side(
    text: str,
    s_start: int,
    at: int,
    end: int,
    s_end: int,
    spans: SpanWords | None = None,
    years: YearWords | None = None,
) -> tuple[str | None, int]:
    """`from` for A and `to` for B of 'from A to B' (从A增长到B, 由A增至B, 从2014年的350多家增加到目前的2700多家),
    with where the 'from' word stands; (None, -1) otherwise. The 'from' and 'to' words are the lexicon's
    (`spans`: SpanWords, the `span_word` terms); without them no quote is either end. A's own dating words
    between 'from' and A (从去年的) are `years`' (YearWords.a_dated)."""
    spans = spans or SpanWords()
    a_dated = (years or YearWords()).a_dated
    to, to_bounded = spans.to(), spans.to(r"\b")
    if spans.from_words is None or to is None or to_bounded is None:
        return None, -1
    before, after = text[s_start:at], re.sub(r"\([^)]*\)|（[^）]*）", "", text[end:s_end])
    if from_word(spans.from_words, a_dated).search(before) and re.match(rf"[^#0-9]{{0,30}}?(?:{to})", after):
        return "from", at
    # A restated in brackets (from 5.1 billion yuan ($706.38 million) to 29.39 billion yuan) is A too.
    bracket = bracketed_a(spans.from_words).search(before)
    if bracket and re.match(rf"[^#0-9(（]{{0,3}}?[)）][^#0-9]{{0,30}}?(?:{to})", text[end:s_end]):
        return "from", s_start + bracket.start()
    marker = None
    for m in re.finditer(spans.from_words, before):
        marker = m
    if marker is not None and re.search(rf"(?:{to_bounded})[^#0-9]{{0,8}}$", before[marker.end() :]):
        return "to", s_start + marker.start()
    return None, -1


def from_region(
    text: str,
    s_start: int,
    at: int,
    end: int,
    s_end: int,
    side: str | None,
    marker: int,
    spans: SpanWords | None = None,
) -> tuple[int, int]:
    """Where A of 'from A to B' and its own words stand: from the 'from' word to the 'to' word ((0, 0) otherwise;
    `spans`: the lexicon's words, SpanWords)."""
    spans = spans or SpanWords()
    to_words = spans.to()
    if side == "to" and to_words is not None:
        to = None
        for m in re.finditer(to_words, text[marker:at]):
            to = m
        return (marker, marker + to.start()) if to else (0, 0)
    if side == "from" and spans.from_words is not None:
        start = max((m.start() for m in re.finditer(spans.from_words, text[s_start:at])), default=None)
        return (s_start + start, end) if start is not None else (0, 0)
    return (0, 0)
