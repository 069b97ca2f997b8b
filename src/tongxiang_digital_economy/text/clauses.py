"""Which figure of a passage a row claims: clauses, the quantities in them, and the words a quantity attaches to.

Why this exists: an evidence passage often states several figures (`GDP 1141.69亿元, 比上年增长8.5%, 两年平均增长
4.7%`; "from 5.1 billion yuan in 2014 to 29.39 billion yuan in 2023"; a plan-execution table's 目标 and 实际
columns). `value_text` says which words are the row's quantity, but only the words around it say what that
quantity is, when and whose. This module reads them:

- a passage is cut into *sentences* at 。！？; and ". ", and into *clauses* at ，,；; and the English clause marks;
- every number of the passage is a *quantity* with the dimension its unit words give (`#亿元` currency, `#%`
  percent, a bare number or a measure word a count); years, months and days are dates, not quantities;
- the *attachment* of a quote is the nearest written form of the row's indicator in the same sentence, on either
  side, with no other quantity of the same dimension between them; and the years written in the quote's clause;
- a *table flattened into text* (`预期目标 实际完成 … 4.固定资产投资 增长8% 增长2.7%`) is read by column: the
  k-th quantity after a row's label belongs to the k-th heading, so 增长8% is the target and 增长2.7% the actual;
- a *parallel list* (分别, respectively) pairs the n-th item with the n-th figure, the items either in the 分别
  clause's own list (财政总收入、一般公共预算收入分别达到180亿元和106亿元) or in the clauses before it that each hold
  a quantity (接待游客37.48万人次,实现门票收入3020.55万元,同比分别增长29.05%和30.81%);
- words *after* a quantity are its own noun (8个镇, 565 digital economy-based projects), unless a list mark, a
  comma or 'and a …' parts them from it and another figure follows them (增长50%、增加值增长32%; a revenue of X and
  a net profit of Y): then they open that figure's item;
- the row's own period words standing in a later clause with another figure of the kind date that figure, not the
  quote (比上年增长8.5%,两年平均增长4.7%); a quote cut out of an ordinal (一个 of 第一个) is no count;
- *from A to B* (从去年的220G提升到334G, 从355家增至2443家): the dating words written with A are A's; the rule
  (rules/anchors.py) holds B's row off A's words and A's row to them, and A with none before the change.

What it cannot read is listed, with examples, in the data dictionary (`READING_LIMITS` in use/dictionary.py): among
them a quantity whose words stand in another sentence ("The zone's output... It reached 35.9 billion"), figures told
apart only by their subject (东门票120元,西门票150元), counts in Chinese numerals without a measure word, tables
whose headings are not 目标/实际 words. An ordinal that holds the indicator's words or is followed by them (the first
WIC) keeps them off a cardinal whose own noun is other words (13 forums).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .clause_words import CLAUSE_MARKS, SENTENCE_MARKS, ClauseWords
from .fold import LATIN_OR_DIGITS, literal_spans, loose, squash
from .numerals import ORDINAL_WORDS, Span, number_spans
from .quantities import NUMBER, compiled, shape_of
from .year_words import attached_year, from_region, from_side, years_written

SENTENCE_END = re.compile(SENTENCE_MARKS)
# Where a clause ends by its punctuation alone: the clause reader also ends one at the lexicon's words (while, which:
# ClauseWords.clause_end); search (use/search_words) splits a cell at the marks.
CLAUSE_END = re.compile(f"{CLAUSE_MARKS}|{SENTENCE_MARKS}")
ARABIC = re.compile(r"[0-9０-９]")
MAGNITUDE = re.compile(r"\s?[万萬亿億]\s?")  # 34.87万人: a magnitude a measure word may follow (then a count)
ENGLISH_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DAY_AFTER = re.compile(r"[月日号]")  # 12月, 16日: the number of a month or a day
DAY_BEFORE = re.compile(r"(?:月|(?<![a-z])" + ENGLISH_MONTHS + r"\s?)$")  # 12月16, December 3

TABLE_ROW = re.compile(r"(?:^|\s)[0-9]{1,2}[.．、](?=[^\s0-9])")


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


@dataclass(frozen=True)
class Scope:
    """A status word's scope beyond the lead (read with the lexicon by semantics/anchors.status_scope): the quote's
    sentence before it, its sentence after it where no other quantity follows there (whole, and cut at its clause's
    end), its own clause with the quote taken out, its whole sentence, and the sentences before it, nearest first."""

    before: str = ""
    after: str = ""
    after_in_clause: str = ""
    own_clause: str = ""
    sentence: str = ""
    earlier: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attachment:
    """How a quote sits in its evidence: whether the indicator's words attach to it, the years written in its
    clause (with whether each is a comparison base), and the status a flattened table gives its column."""

    found: bool  # the quote occurs in the evidence
    attached: bool  # an indicator form attaches to it (nearest, same sentence, no same-kind quantity between)
    forms_present: bool  # some indicator form occurs anywhere in the evidence
    column_status: str | None  # target / actual, for a quote in a flattened plan table
    year: tuple[int, int] | None  # the year (or range) written next to the quote (comparison bases left out)
    side: str | None  # from / to: the quote is A or B of 'from A to B'
    sub_year_words: bool  # half-year, quarter or month words in the quote's clause
    between: str | None  # the quantity standing between the quote and its indicator's words, if any
    columns: frozenset[str] = frozenset()  # the table columns (statuses) of every occurrence the words attach to
    other_year: int | None = None  # the year written with the other figure of 'from A to B' (A's for B, B's for A)
    table_head: str | None = None  # the headings of the plan table the quote stands in (预期目标 实际完成)
    from_dated: bool = False  # 'from A to B': dating words stand with A (从去年的220G, 从2014年的350家)
    words_with_from: int = 0  # how many of the row's period words stand with A
    words_apart_from: int = 0  # how many stand elsewhere in the evidence
    has_a: bool = False  # 'from A to B' holds a figure A (not only a range of years: from 2014 to 2015 rose to X)
    lead: str = ""  # the words leading to the quote: its clause before it, after the last other quantity there
    ordinal: bool = False  # the quote is only a place in an order (第二届, first, 20th), no amount
    scope: Scope = field(default_factory=Scope)  # where a status word may govern the quote from


# A gloss restates its neighbour in another unit: (US$5.41 billion), 折合约24938美元, footnote marks [2]. Brackets
# and footnote marks are the text's punctuation, not words: kept here.
GLOSS = re.compile(r"\([^)]*\)|（[^）]*）|\[[0-9]+\]")
FURTHER_COLUMNS = 2  # headings read after the target and actual columns' (预期目标 实际完成 备注)
CONVERSION_REACH = 24  # how far before a quote a conversion word is looked for (its own length and up to 3 more)


def conversion_pattern(words: str | None) -> re.Pattern[str] | None:
    """A conversion word (the lexicon's `converted` terms as one alternation: 折合, 相当于, equivalent to) ending at
    most 3 characters before a quote (折合约, 相当于人民币): the quote restates the figure before it in another unit
    (折合约24938美元); None where the lexicon names none."""
    return re.compile(rf"(?:{words})\S{{0,3}}$") if words else None


def table_head_pattern(heads: Iterable[tuple[str, str]]) -> re.Pattern[str] | None:
    """The heading of a plan table flattened into text: a target column's heading followed by an actual column's
    (预期目标 实际完成), and up to two further headings after them (备注), from the lexicon's `table_head` terms
    (term, meaning `target` or `actual`), longest first; None where the lexicon names no heading of either column
    (no table is then read). A further heading's meaning is its column's status (group `c2_actual`, `c3_target`…)."""
    terms = list(heads)
    columns = {
        status: sorted({squash(t) for t, m in terms if m == status and squash(t)}, key=len, reverse=True)
        for status in ("target", "actual")
    }
    if not columns["target"] or not columns["actual"]:
        return None
    alternatives = ["|".join(re.escape(t) for t in columns[status]) for status in ("target", "actual")]
    further = "".join(
        rf"(?:\s*(?:(?P<c{k}_target>{alternatives[0]})|(?P<c{k}_actual>{alternatives[1]})))?"
        for k in range(2, 2 + FURTHER_COLUMNS)
    )
    return re.compile(rf"({alternatives[0]})\s*({alternatives[1]}){further}")


def column_statuses(head: re.Match[str]) -> list[str]:
    """The status of each column a plan table's heading names, in order (target, actual, then any further ones)."""
    statuses = ["target", "actual"]
    for k in range(2, 2 + FURTHER_COLUMNS):
        found = next((s for s in ("target", "actual") if head.groupdict().get(f"c{k}_{s}")), None)
        if found is None:
            break
        statuses.append(found)
    return statuses


def attach(
    evidence: str,
    value_text: str,
    written_forms: list[str],
    dimension: str | None,
    forms: dict[str, dict[str, list[str]]],
    period_words: tuple[str, ...] = (),
    table_heads: re.Pattern[str] | None = None,
    converted: re.Pattern[str] | None = None,
    words: ClauseWords | None = None,
) -> Attachment:
    """Read where `value_text` stands in `evidence` and what attaches to it (the best of its occurrences: one that
    is a whole quantity, and of those one the indicator's words attach to). `period_words` are the row's dating
    words: a figure between the indicator's words and the quote, in a clause without the quote's own period words
    (比上年增长8.5%, 两年平均增长4.7%), is another period's figure. `table_heads` finds a plan table's heading
    (table_head_pattern); without it, no evidence is read as a table. `converted` finds a conversion word ending
    just before a quote (折合, 相当于: conversion_pattern); without it, no quote restates its neighbour. `words`: the
    lexicon's anaphora, parallel-list and year words (ClauseWords.of; without them, none but years in digits)."""
    words = words or ClauseWords()
    # White space kept (one space per run), so that a flattened table keeps its cells apart; a quote that
    # differs from its evidence only in spacing is found white space aside.
    text, quote = loose(evidence), loose(value_text)
    if not quote or quote not in text:
        text, quote = squash(evidence), squash(value_text)
    places = form_positions(text, written_forms)
    starts = [at for at, _ in literal_spans(text, quote)] if quote else []
    whole = [a for a in starts if not re.search(r"[0-9.,]$", text[:a]) or not quote[:1].isdigit()] or starts
    if not whole:
        return Attachment(False, True, bool(places), None, None, None, False, None)
    found = quantities(text, forms, words)
    pieces = tuple(p for p in (loose(w) for w in period_words) if p and p in text)
    readings = [
        attach_at(text, at, at + len(quote), places, found, dimension, pieces, table_heads, converted, words)
        for at in whole[:4]
    ]
    if all(is_a_day(text, at, at + len(quote), found) for at in whole[:4]):
        return replace(readings[0], attached=False, between="a day of a date (December 3, 12月3日), no figure")
    best = next((r for r in readings if r.attached), readings[0])
    # A quote standing in two table columns (20.5万元/ 20.5万元/: target and actual alike) is in both.
    columns = frozenset(r.column_status for r in readings if r.attached and r.column_status)
    # An ordinal counts the things it orders where their name follows it (the 17th internet hospital: 17 of them)
    ordinal = all(
        is_an_ordinal(text, at, at + len(quote), found, words)
        and not names_next(noun_after(text, at + len(quote), words), places, text)
        for at in whole[:4]
    )
    return replace(
        best, columns=columns or frozenset([best.column_status] if best.column_status else []), ordinal=ordinal
    )


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


def paired_with_name(
    evidence: str,
    value_text: str,
    names: list[str],
    dimension: str | None,
    forms: dict[str, dict[str, list[str]]],
    words: ClauseWords | None = None,
) -> bool | None:
    """For names and figures paired in order (分别是桐昆…、闻泰…和新凤鸣…,营业收入分别为710.11亿元、517.07亿元和
    514.86亿元; A and B … X and Y respectively): whether the quote is the figure in the place of the item that
    names the row's subject. None where the passage pairs nothing, or the subject is not named before the quote in
    its sentence (the pairing is then not read). The parallel-list words are the lexicon's (`words`)."""
    text, quote = loose(evidence), loose(value_text)
    at = text.find(quote) if quote else -1
    if at < 0:
        return None
    s_start, s_end = sentence_of(text, at)
    words = words or ClauseWords()
    if words.parallel_in(text, s_start, s_end) is None:
        return None
    named = [p for p in form_positions(text, names) if s_start <= p[0] and p[1] <= at]
    if not named:
        return None
    f_start, f_end = named[-1]
    c_start, c_end = clause_of(text, f_start, f_end, words)
    if len([i for i in words.item_mark.split(text[c_start:c_end]) if i.strip()]) < 2:
        return None  # the subject is no member of a list: it owns every figure of the pairs (乌镇景区接待…,分别增长…)
    found = [q for q in quantities(text, forms, words) if not q.is_date and same_kind(q.dimension, dimension)]
    figures = [q for q in found if c_end <= q.start and q.end <= s_end]
    mine = next((q for q in figures if at <= q.start < at + len(quote)), None)
    if mine is None:
        return None
    return in_order(text, f_start, f_end, mine.start, figures, words)


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


def attach_at(
    text: str,
    at: int,
    end: int,
    places: list[tuple[int, int]],
    found: list[Quantity],
    dimension: str | None,
    pieces: tuple[str, ...] = (),
    table_heads: re.Pattern[str] | None = None,
    converted_words: re.Pattern[str] | None = None,
    words: ClauseWords | None = None,
) -> Attachment:
    """The attachment of the quote standing at text[at:end]."""
    words = words or ClauseWords()
    glosses = [(m.start(), m.end()) for m in GLOSS.finditer(text)]
    in_gloss = any(g0 <= at < g1 for g0, g1 in glosses)
    converted = (
        converted_words is not None and converted_words.search(text, max(0, at - CONVERSION_REACH), at) is not None
    )
    s_start, s_end = sentence_of(text, at)
    c_start, c_end = clause_of(text, at, end, words)
    own_years = set(words.years.findall(text[c_start:c_end]))
    own_words = {p for p in pieces if p in text[c_start:c_end]}
    others = []
    for q in found:
        if q.is_date or (q.start >= at and q.end <= end) or not same_kind(q.dimension, dimension):
            continue
        if any(g0 <= q.start < g1 for g0, g1 in glosses):
            continue  # ($706.38 million): a gloss of its neighbour
        if text[q.start : q.end] in ("一", "1") and text[q.end : q.end + 1] in ("个", "個", " "):
            continue  # 一个, "a": no figure (grammar: the indefinite article is the numeral 一 with the general
            # measure word 个, not a word list; other measure words count, 一家 is one enterprise)
        if q.end <= at and (in_gloss or converted) and not [o for o in found if q.end < o.start < at and not o.is_date]:
            continue  # the figure a gloss or a conversion restates
        q_start, q_end = clause_of(text, q.start, q.end, words)
        theirs = set(words.years.findall(text[q_start:q_end]))
        if own_years and theirs and not own_years & theirs and (q_start, q_end) != (c_start, c_end):
            continue  # another period's figure (2017年增加70%，2018年上半年又增长20%多)
        if own_words and not any(p in text[q_start:q_end] for p in own_words) and (q_start, q_end) != (c_start, c_end):
            continue  # the row's period words are in the quote's clause, not in this figure's (两年平均增长4.7%)
        others.append(q)
    table = table_column(text, at, end, found, table_heads)
    side, marker = from_side(text, s_start, at, end, s_end, words.spans, words.year_words)
    region = from_region(text, s_start, at, end, s_end, side, marker, words.spans)
    if side == "to" and not any(
        region[0] <= q.start < region[1] and not re.fullmatch(r"(?:19|20)[0-9]{2}", text[q.start : q.end])
        for q in found
    ):
        region = (0, 0)  # from 2014 to 2015 rose to X: a range of years, no figure A
    in_region = [p for p in own_pieces(text, pieces, s_start, s_end) if region[0] <= p[0] < region[1]]
    apart = [p for p in own_pieces(text, pieces, s_start, s_end) if not region[0] <= p[0] < region[1]]
    from_dated = region != (0, 0) and words.year_words.from_dated.search(text, region[0], region[1]) is not None
    skip = (0, 0)
    if side == "to":  # B of 'from A to B' shares A's words: A is no other figure between them, nor is A's year
        others = [q for q in others if not marker <= q.start < at]
        skip = (marker, at)
    elif side == "from":  # A's year is not B's
        to_words = words.spans.to()
        to = re.search(to_words, text[end:s_end]) if to_words else None
        skip = (end + to.end(), s_end) if to else (0, 0)
    before = words.spans.before_year
    other_years = [
        first for y0, _, first, last in years_written(text, skip[0], skip[1], before, words.year_words) if first == last
    ]
    other_year = other_years[0] if other_years and skip != (0, 0) else None
    anchors = places + words.anaphora_in(text, s_start, s_end)
    # An English comma inside a noun phrase (600,000 tons of intelligent, low-carbon fiber) ends no clause.
    mark = re.compile(r"(?!,\s[a-z])(?:" + words.clause_end.pattern + ")")
    following = mark.search(text, end)
    after_end = following.start() if following else len(text)
    parallel = words.parallel_in(text, s_start, s_end) is not None
    attached, between = False, None
    for f_start, f_end in sorted(anchors):
        if table is not None and not (table[1] <= f_start < at):
            continue  # in a table, the indicator's words are its row's label
        if f_start < end and f_end > at:
            lying: list[Quantity] = []  # the quote holds the words (第二届, 8镇, top 500)
        elif f_end <= at and f_start >= s_start:
            lying = [q for q in others if f_end <= q.start and q.end <= at]
        elif f_start >= end and f_end <= after_end:  # words after a quantity attach only within its clause
            lying = [q for q in others if end <= q.start and q.end <= f_start]
            if not lying and (claimed := next_claims(text, end, f_start, f_end, s_end, others, words)) is not None:
                lying = [claimed]  # the words open the next figure's item (增长50%、增加值增长32%)
        else:
            continue
        if parallel and f_end <= at:
            figures = [q for q in others if f_end <= q.start] + [quote_q(at, end)]
            by_clause = in_order_of_clauses(text, s_start, f_start, at, figures, found, words)
            attached = in_order(text, f_start, f_end, at, figures, words) if by_clause is None else by_clause
            if attached:
                break
            between = between or "the other figure of the pair (分别, respectively)"
            continue
        if not lying or table is not None or parallel:
            attached = True
            break
        between = between or text[lying[0].start : lying[0].end]
    if attached and table is None and not parallel:
        # A quantity's own noun follows it (8个镇、3个街道; eight towns and three subdistricts): where another
        # quantity of the kind is followed by the indicator's words and this one by other words, it is not this one.
        own = noun_after(text, end, words)
        named = [
            q for q in others if s_start <= q.start < s_end and names_next(noun_after(text, q.end, words), places, text)
        ]
        if named and not names_next(own, places, text):
            attached, between = False, text[named[0].start : named[0].end]
    if attached and table is None and not parallel and not any(at <= f < end for f, _ in places):
        # An ordinal of the sentence that holds the indicator's words or is followed by them (the first WIC; 第二届
        # 世界互联网大会) is the figure they attach to; a cardinal whose own noun is other words (13 forums) is not:
        # 'the first WIC is composed of 13 forums' gives one edition, not 13.
        ordinals = [
            q
            for q in found
            if q.is_date
            and s_start <= q.start < s_end
            and not (at <= q.start < end)
            and is_an_ordinal(text, q.start, q.end, found, words)
            and (
                any(q.start <= f < q.end for f, _ in places) or names_next(noun_after(text, q.end, words), places, text)
            )
        ]
        if ordinals and not names_next(noun_after(text, end, words), places, text):
            attached, between = False, text[ordinals[0].start : ordinals[0].end]
    if attached and table is None and after_an_ordinal_word(text, at, words):
        attached, between = False, "第 (the quote cuts an ordinal: 第一个 is the first, not one)"
    if (
        attached
        and table is None
        and not own_words
        and (later := later_period_figure(text, end, s_end, pieces, others, words))
    ):
        attached, between = False, text[later.start : later.end]  # 比上年增长8.5%,两年平均增长4.7%: the average is 4.7%
    return Attachment(
        True,
        attached,
        bool(places),
        table[0] if table else None,
        attached_year(
            text, c_start, c_end, s_start, at, end, skip, words.compared, words.spans.before_year, words.year_words
        ),
        side,
        words.sub_year.search(text[c_start:c_end]) is not None,
        None if attached else between,
        other_year=other_year,
        table_head=head[0] if table_heads is not None and (head := table_heads.search(text, 0, at)) else None,
        from_dated=from_dated,
        words_with_from=len(in_region),
        words_apart_from=len(apart),
        has_a=region != (0, 0),
        lead=lead_to(text, at, max(c_start, region[0]) if side == "from" else c_start, found, words),
        scope=scope_of(text, at, end, (s_start, s_end), (c_start, c_end), found, table is None and side is None),
    )


def scope_of(
    text: str,
    at: int,
    end: int,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    found: list[Quantity],
    read: bool,
) -> Scope:
    """The words a status word may govern the quote from, beyond the lead of its clause. Where `read` is false (a
    plan table's column gives the status; A or B of 'from A to B', whose words before A speak of the change) only
    the own clause is given. Words after the quote are given only where no other quantity follows it in its
    sentence (or clause): a status word before a later figure leads to that figure (达到100亿元,预计明年将达到120亿
    元); one with none after it has only the quote's figure to speak of ('More than 2,000 participants … are
    expected to attend')."""
    (s_start, s_end), (c_start, c_end) = sentence, clause
    own = text[c_start:at] + " " + text[end:c_end]
    if not read:
        return Scope(own_clause=own)
    later = [q.start for q in found if not q.is_date and end <= q.start < s_end]
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(text, 0, s_start)]
    return Scope(
        before=text[s_start:at],
        after="" if later else text[end:s_end],
        after_in_clause="" if any(q < c_end for q in later) else text[end:c_end],
        own_clause=own,
        sentence=text[s_start:s_end],
        earlier=tuple(text[a:b] for a, b in reversed(list(itertools.pairwise(starts))) if text[a:b].strip()),
    )


def lead_to(text: str, at: int, c_start: int, found: list[Quantity], words: ClauseWords | None = None) -> str:
    """The words leading to the quote standing at `at`: its clause before it (from `c_start`), after the last other
    quantity of the clause (a year, month or day is a date, not a quantity, and leads on: 计划到2025年达到). A status
    word there (将有2000多名嘉宾, 'will witness the launch of 118', 年度计划投资191亿元) speaks of this figure; one in
    another clause, or before another figure of the clause, may speak of that other figure. For A of 'from A to B'
    the caller starts at the 'from' word: words before it speak of the change, and A is where it starts (将…从68平方
    公里扩大到110平方公里: 68 is the area before, whether 将 means 'will' or marks the object). A list mark or one of
    the lexicon's `list_word` terms (`words`) right before a quantity makes it the next item of a list."""
    before = [q for q in found if not q.is_date and c_start <= q.start and q.end <= at]
    next_item = (words or ClauseWords()).next_item  # a list mark or list word right before the next item
    start = at
    while True:
        last = max(before, key=lambda q: q.end, default=None)
        if last is None:
            return text[c_start:at]
        if not next_item.search(text, last.end, start):
            return text[last.end : at]
        # The quote (or the item after it) is the next item of a list the other quantity opens (the launch of 118
        # new products and 113 project signing ceremonies; 10场论坛、22个议题): the words leading to that item
        # lead to the list.
        before, start = [q for q in before if q.end <= last.start], last.start


def own_pieces(text: str, pieces: tuple[str, ...], s_start: int, s_end: int) -> list[tuple[int, int]]:
    """Where the row's own period words stand in the quote's sentence."""
    return [span for p in pieces for span in literal_spans(text, p, s_start, s_end)]


def later_period_figure(
    text: str, end: int, s_end: int, pieces: tuple[str, ...], others: list[Quantity], words: ClauseWords | None = None
) -> Quantity | None:
    """A figure of the kind standing after the quote, in a later clause that holds the row's own period words while
    the quote's clause holds none (比上年增长8.5%, 两年平均增长4.7% for a two-year average; 5% in 2019 and 6% in
    2020 for 2020): the words date that figure, not the quote."""
    for piece in pieces:
        for m in re.finditer(re.escape(piece), text[end:s_end]):
            c_start, c_end = clause_of(text, end + m.start(), end + m.end(), words)
            if c_start < end:
                continue  # the quote's own clause
            inside = (end + m.start(), end + m.end())  # the numbers of the dating words themselves (December 3 to 5)
            figure = next(
                (q for q in others if c_start <= q.start < c_end and not inside[0] <= q.start < inside[1]), None
            )
            if figure is not None:
                return figure
    return None


def next_claims(
    text: str,
    end: int,
    f_start: int,
    f_end: int,
    s_end: int,
    others: list[Quantity],
    words: ClauseWords | None = None,
) -> Quantity | None:
    """The figure that the indicator's words standing after the quote belong to instead, if any: where a list mark,
    a comma or 'and' parts the quote from the words, and a quantity of the kind follows the words in the sentence
    with none between (增长50%、增加值增长32%; a revenue of X and a net profit of Y; 7,000 years of history, and has
    existed as a town for 1,300 years). Words right after the quote are its own noun (8个镇, 7,000 years of history).
    What parts them is punctuation or one of the lexicon's `item_break` terms (`words`: while, but, 'and a'), not the
    'and' inside one noun phrase (Chinese and foreign guests)."""
    if not (words or ClauseWords()).item_break.search(text, end, f_start):
        return None
    following = sorted((q for q in others if f_end <= q.start < s_end), key=lambda q: q.start)
    return following[0] if following else None


def quote_q(at: int, end: int) -> Quantity:
    return Quantity(at, end, None, False)


def in_order(
    text: str, f_start: int, f_end: int, at: int, figures: list[Quantity], words: ClauseWords | None = None
) -> bool:
    """For words and figures paired in order (财政总收入、一般公共预算收入…分别达到180亿元和106亿元; A and B were X
    and Y respectively): whether the quote is the figure in the place of the item the indicator's words stand in.
    Where the items and the figures do not count alike, the pairing is not read and the quote passes. Items part at
    a list mark, a comma or one of the lexicon's `list_word` terms (`words`)."""
    item_mark = (words or ClauseWords()).item_mark
    figures = sorted(figures, key=lambda q: q.start)
    first = figures[0].start if figures else at
    c_start, c_end = clause_of(text, f_start, f_end, words)
    region = text[c_start : min(first, c_end)]
    items = [i for i in item_mark.split(region) if i.strip()]
    mine = len(item_mark.findall(text[c_start:f_start]))
    if len(items) != len(figures) or len(items) < 2:
        return True
    return [q.start for q in figures].index(at) == mine


def in_order_of_clauses(
    text: str,
    s_start: int,
    f_start: int,
    at: int,
    figures: list[Quantity],
    found: list[Quantity],
    words: ClauseWords | None = None,
) -> bool | None:
    """For items named in clauses of their own before a 分别 clause (乌镇景区接待游客37.48万人次, 实现门票收入
    3020.55万元, 同比分别增长29.05%和30.81%): whether the quote is the figure in the place of the clause the
    indicator's words stand in. None where the words stand in the 分别 clause itself (in_order reads that), or
    the clauses and the figures do not count alike."""
    pair = (words or ClauseWords()).parallel_in(text, f_start, at)
    if pair is None:
        return None
    p_start, p_end = clause_of(text, pair.start(), pair.end(), words)
    if f_start >= p_start:
        return None
    clauses: list[tuple[int, int]] = []
    k = s_start
    while k < p_start:
        c = clause_of(text, k, k, words)
        if any(c[0] <= q.start < c[1] and not q.is_date for q in found):
            clauses.append(c)
        k = max(c[1] + 1, k + 1)
    mine = next((i for i, (a, b) in enumerate(clauses) if a <= f_start < b), None)
    inside = sorted({q.start for q in figures if p_start <= q.start < p_end})
    if mine is None or len(clauses) != len(inside) or len(inside) < 2 or at not in inside:
        return None
    return inside.index(at) == mine


def noun_after(text: str, end: int, words: ClauseWords | None = None) -> tuple[int, int]:
    """The words right after a quantity, up to a list mark, a clause mark, the next number, a list word or another
    word ending a noun (the lexicon's `list_word` and `noun_end`: and, with, 和): its noun (个镇, towns)."""
    found = (words or ClauseWords()).noun_end.search(text, end)
    return end, found.start() if found else len(text)


def names_next(span: tuple[int, int], places: list[tuple[int, int]], text: str) -> bool:
    """Whether one of the indicator's written forms starts within the span (the words right after a quantity)."""
    return span[1] > span[0] and any(span[0] <= f < span[1] for f, _ in places)


def same_kind(one: str | None, other: str | None) -> bool:
    """Two quantities of one kind: the same dimension (a count is a count whether or not it has a unit word)."""
    return one == other or {one, other} <= {None, "count"}


def table_column(
    text: str, at: int, end: int, found: list[Quantity], table_heads: re.Pattern[str] | None
) -> tuple[str, int] | None:
    """For a quote in a plan table flattened into text: its column's status and where its row's label starts."""
    head = table_heads.search(text, 0, at) if table_heads is not None else None
    if head is None:
        return None
    rows = [m.end() for m in TABLE_ROW.finditer(text, head.end(), at)]
    label = rows[-1] if rows else head.end()
    column = len([q for q in found if not q.is_date and label <= q.start and q.end <= at and not in_label(text, q)])
    statuses = column_statuses(head)
    return (statuses[column], label) if column < len(statuses) else None


def in_label(text: str, quantity: Quantity) -> bool:
    """A number that is part of a table row's label or unit (万元/人), not a cell."""
    return text[quantity.end : quantity.end + 1] in ("/", ".")


def clause_around(text: str, start: int, end: int, words: ClauseWords | None = None) -> tuple[int, int]:
    """The clause holding start..end, where a comma between digits (300,000) is part of a number, not a mark."""
    ends = (words or ClauseWords()).clause_end
    marks = [m for m in ends.finditer(text) if not (m[0] == "," and NUMBER_COMMA.match(text, m.start() - 1))]
    first = max((m.end() for m in marks if m.end() <= start), default=0)
    last = min((m.start() for m in marks if m.start() >= end), default=len(text))
    return first, last


NUMBER_COMMA = re.compile(r"[0-9],[0-9]")


def beside_another_name(
    evidence: str, value_text: str, own: list[str], others: list[list[str]], dimension: str | None,
    forms: dict[str, dict[str, list[str]]], words: ClauseWords | None = None,
) -> bool | None:  # fmt: skip
    """For two figures of one kind in one clause, each beside its own subject's name ("300,000 tons in the Huzhou
    production base and 600,000 tons in the Dushan Port production base"): False where another entity's name
    stands nearer the quote than the row's subject's, and the subject's name stands nearer the clause's other
    figure on the same side; None otherwise: where the clause holds one figure of the quote's kind, does not name
    the subject and another entity of its kind (a list of names sharing one figure is not read: 'Tongkun, Xin
    Feng Ming and Huayou entered the top 500'), or the other name is an item of a list after the quote."""
    text, quote = loose(evidence), loose(value_text)
    at = text.find(quote) if quote else -1
    if at < 0:
        return None
    c_start, c_end = clause_around(text, at, at + len(quote), words)
    found = [
        q
        for q in quantities(text, forms, words)
        if not q.is_date and c_start <= q.start and q.end <= c_end and same_kind(q.dimension, dimension)
    ]
    mine = next((q for q in found if at <= q.start < at + len(quote)), None)
    rest = [q for q in found if not at <= q.start < at + len(quote)]
    if mine is None or not rest:
        return None
    clause = text[c_start:c_end]

    def spans(names: list[str]) -> list[tuple[int, int]]:
        return [(c_start + a, c_start + b) for a, b in form_positions(clause, names)]

    def gap(span: tuple[int, int], q: Quantity) -> int:
        return max(span[0] - q.end, q.start - span[1], 0)

    subject = spans(own)
    other = [s for names in others for s in spans(names) if not any(o[0] <= s[0] and s[1] <= o[1] for o in subject)]
    if not subject or not other:
        return None

    def after(span: tuple[int, int], q: Quantity) -> bool:
        return span[0] >= q.end

    closest = min(other, key=lambda s: gap(s, mine))
    between = text[min(closest[1], mine.end) : max(closest[0], mine.start)]
    if gap(closest, mine) >= min(gap(s, mine) for s in subject) or "、" in between:
        return None  # the subject is nearest, or the other name is an item of a list (与…100家…、微医…)
    # The subject's name stands beside another figure of the clause, on the same side as the other name stands
    # beside the quote: one pattern twice ('X in A and Y in B', 'A X, B Y').
    for s in subject:
        owned = min(rest, key=lambda q: gap(s, q))
        if gap(s, owned) < gap(s, mine) and after(s, owned) == after(closest, mine):
            return False
    return None
