"""A passage cut into sentences and clauses, and every number in it read as a quantity of a dimension or as a date
(a year, a month, a day, an ordinal): what the clause reader (text/clauses.py) attaches a quote's words to.

The units' written forms give a number its dimension (`#亿元` currency, `#%` percent), the lexicon's measure words
make one a count (8个镇), its ordinal words a place in an order (第二届); a year, a month or a day is a date, not a
quantity. The indicators' written forms are found in the folded text, Latin ones as whole words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .clause_words import CLAUSE_MARKS, SENTENCE_MARKS, ClauseWords
from .fold import LATIN_OR_DIGITS, literal_spans, loose
from .numerals import ORDINAL_WORDS, Span, number_spans
from .quantities import NUMBER, compiled, shape_of

SENTENCE_END = re.compile(SENTENCE_MARKS)
# Where a clause ends by its punctuation alone: the clause reader also ends one at the lexicon's words (while, which:
# ClauseWords.clause_end); search (use/search_words) splits a cell at the marks.
CLAUSE_END = re.compile(f"{CLAUSE_MARKS}|{SENTENCE_MARKS}")
ARABIC = re.compile(r"[0-9０-９]")
MAGNITUDE = re.compile(r"\s?[万萬亿億]\s?")  # 34.87万人: a magnitude a measure word may follow (then a count)
ENGLISH_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_AFTER = re.compile(r"[月日号]")  # 12月, 16日: the number of a month or a day
DAY_BEFORE = re.compile(r"(?:月|(?<![a-z])" + ENGLISH_MONTHS + r"\s?)$")  # 12月16, December 3


@dataclass(frozen=True)
class Quantity:
    """A number of the passage, where it stands (in the squashed text), and the dimension its words give."""

    start: int
    end: int
    dimension: str | None  # None: a count (a bare number or one before a measure word)
    is_date: bool  # a year, month or day (2021年, 12月, 16日): a date, not a quantity


def sentence_of(text: str, at: int) -> tuple[int, int]:
    """The bounds of the sentence holding position `at`."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    found = SENTENCE_END.search(text, at)
    return start, found.start() if found else len(text)


def clause_of(text: str, start: int, end: int, words: ClauseWords | None = None) -> tuple[int, int]:
    """The bounds of the clause holding the span start..end (a clause mark inside the span is part of it); a clause
    ends at punctuation and at the lexicon's clause-ending words (`words`; without them, at punctuation alone)."""
    ends = (words or ClauseWords()).clause_end
    first = max((m.end() for m in ends.finditer(text, 0, start)), default=0)
    found = ends.search(text, end)
    return first, found.start() if found else len(text)


def measured(text: str, at: int, words: ClauseWords) -> bool:
    """Whether a measure word (the lexicon's `measure_word`: 个, 家) stands at text[at]."""
    return words.measure is not None and words.measure.match(text, at) is not None


def after_an_ordinal_word(text: str, at: int, words: ClauseWords) -> bool:
    """Whether an ordinal word written before a number (the lexicon's `ordinal_word` `before`: 第) ends at `at`."""
    return words.ordinal_before is not None and words.ordinal_before.search(text, max(0, at - 16), at) is not None


def quantities(text: str, forms: dict[str, dict[str, list[str]]], words: ClauseWords | None = None) -> list[Quantity]:
    """Every number of `text` (squashed) as a quantity or a date; `forms` are the units' written forms by
    dimension (`written_forms(units)`), read the way a quote's unit words are; `words` the lexicon's measure and
    ordinal words (ClauseWords.of; without them, no number is a count by its measure word nor a place in an
    order by its words)."""
    words = words or ClauseWords()
    spans = number_spans(text)
    shape = shape_of(text, spans)
    ordered = sorted(spans)
    # The k-th '#' of the shape is the k-th number; each form match names the dimension of the '#' it holds.
    marks = [m.start() for m in re.finditer(re.escape(NUMBER), shape)]
    best: dict[int, tuple[int, str | None]] = {}
    for dimension, units in forms.items():
        for unit_forms in units.values():
            for form in unit_forms:
                if NUMBER not in form:
                    continue
                for match in compiled(form).finditer(shape):
                    for k, mark in enumerate(marks):
                        if match.start() <= mark < match.end() and len(match[0]) > best.get(k, (0, ""))[0]:
                            best[k] = (len(match[0]), dimension)
    found = []
    for k, span in enumerate(ordered):
        kind = best.get(k, (0, None))[1]
        if (magnitude := MAGNITUDE.match(text, span.end)) and measured(text, magnitude.end(), words):
            kind = "count"  # 34.87万人, 1.2亿人次: a magnitude before a measure word counts things, it is no 万(元)
        if (
            after_an_ordinal_word(text, span.start, words)
            and words.place_after
            and words.place_after.match(text, span.end)
        ):
            found.append(Quantity(span.start, span.end, "rank", False))  # 第十二位, 第3名: a place in a ranking
            continue
        found.append(Quantity(span.start, span.end, kind, is_date_part(text, span, kind, words)))
    return found


def is_date_part(text: str, span: Span, dimension: str | None, words: ClauseWords | None = None) -> bool:
    """Whether the number is a year, a month or a day of a date, or an ordinal, rather than a quantity (the
    ordinal and measure words are the lexicon's: `words`)."""
    words = words or ClauseWords()
    after, before = text[span.end : span.end + 20], text[max(0, span.start - 6) : span.start]
    digits = text[span.start : span.end]
    if re.fullmatch(r"(?:19|20)[0-9]{2}", digits) and not (words.amount_after and words.amount_after.match(after)):
        # a year: 2021年, in 2019, 2014-23 (a bare four-digit number of those years is one too); one before the
        # lexicon's unit or rate word is an amount (2000万元, 2019%: ClauseWords.amount_after)
        return True
    if words.date_after.match(text, span.end) or after_an_ordinal_word(text, span.start, words) or before[-1:] == "月":
        return True  # 12月, 16日, 25th, 第二届, 一期; 12月16
    month_before = text[max(0, span.start - 12) : span.start]  # December 3: the whole month's name
    if re.search(r"(?<![a-z])" + ENGLISH_MONTHS + r"\s?$", month_before) or re.match(
        r"\s?" + ENGLISH_MONTHS + r"(?![a-z])", text[span.end : span.end + 12]
    ):
        return True  # November 10, 10 November
    # 统一, 一带一路, 十分: a Chinese numeral with no measure word is part of a word
    if ORDINAL_WORD.fullmatch(digits):
        return True  # an English ordinal (the first WIC, ranked second): a place in an order, not a quantity
    chinese = re.search(r"[\u3007\u4e00-\u9fff]", digits) is not None  # English number words count as written
    return dimension is None and chinese and not ARABIC.search(digits) and not measured(text, span.end, words)


def form_positions(text: str, written_forms: list[str]) -> list[tuple[int, int]]:
    """Where the indicator's written forms stand in `text` (folded): Chinese anywhere, Latin as whole words."""
    found = []
    for form in written_forms:
        folded, before, after = form_edges(form)
        if folded and folded in text:  # a form absent from the text needs no look-up (most of a package's names)
            found += literal_spans(text, folded, before=before, after=after)
    return sorted(found)


@functools.lru_cache(maxsize=65536)
def form_edges(form: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """A written form folded, and what may not stand just before and just after it (a Latin or numeric edge is a
    whole word's: `(?<![a-z0-9])`, `(?![a-z0-9])`), made once per form in a process. Why: the subject readings look
    every other entity's names up in each clause (a thousand forms a call)."""
    folded = loose(form)
    before = LATIN_OR_DIGITS if folded[:1] in LATIN_OR_DIGITS and folded else frozenset()
    after = LATIN_OR_DIGITS if folded[-1:] in LATIN_OR_DIGITS and folded else frozenset()
    return folded, before, after


def is_an_ordinal(text: str, at: int, end: int, found: list[Quantity], words: ClauseWords | None = None) -> bool:
    """Whether the quote is only a place in an order: its one number is read as a date part written as an ordinal,
    after 第, before 届, or as an ordinal word or suffix (第二届, 'the first', 'the 20th'). An ordinal is the figure
    of an edition's ordinal or a rank, never of an amount: 'Since the first WIC …, 565 projects' holds no count of
    1, unless its measure word (第10000辆) or the name after it (the 17th internet hospital) says what it counts.
    The ordinal and measure words are the lexicon's (`words`: `ordinal_word`, `measure_word`); an ordinal written
    in words is the number reader's (ORDINAL_WORD)."""
    words = words or ClauseWords()
    inside = [q for q in found if at <= q.start and q.end <= end]
    if len(inside) != 1 or not inside[0].is_date:
        return False
    q = inside[0]
    if measured(text, q.end, words):
        return False  # 第10000辆: a running count of what its measure word counts (the 10,000th car: 10,000 cars)
    return (
        after_an_ordinal_word(text, q.start, words)
        or (words.ordinal_after is not None and words.ordinal_after.match(text, q.end) is not None)
        or ORDINAL_WORD.fullmatch(text[q.start : q.end]) is not None
    )


# An English ordinal written in words (the first, twenty-fifth): the number reader's ordinal words, with any words
# of the number before them; the reader knows no others, so a number it read that ends in one is an ordinal.
ORDINAL_WORD = re.compile(r"(?i)[a-z-]*(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")")


def is_a_day(text: str, at: int, end: int, found: list[Quantity]) -> bool:
    """Whether the quote is only the number of a month or a day of a date (December 3, 12月16日): a date is no figure
    (a year is left to the period rules; an edition, 第二届, is a figure of editions)."""
    return any(
        q.start == at
        and q.end == end
        and q.is_date
        and (DAY_AFTER.match(text, end) is not None or DAY_BEFORE.search(text[max(0, at - 12) : at]) is not None)
        for q in found
    )


def same_kind(one: str | None, other: str | None) -> bool:
    """Two quantities of one kind: the same dimension (a count is a count whether or not it has a unit word)."""
    return one == other or {one, other} <= {None, "count"}
