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
  k-th quantity after a row's label belongs to the k-th heading, so 增长8% is the target and 增长2.7% the actual.

What it cannot read (listed in the data dictionary): a quantity whose words stand in another sentence ("The
zone's output... It reached 35.9 billion"), a form shared by two figures of one clause ("产值和税收分别增长5%和
8%": 分别 pairs them in order, which is not read), counts written in Chinese numerals without a measure word,
and tables whose headings are not 目标/实际 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import Span, number_spans
from .quantities import NUMBER, compiled, loose, shape_of, squash

SENTENCE_END = re.compile(r"[。！？!?;；]|\.(?=\s|$)|\n")
CLAUSE_END = re.compile(r"[，,、：:（）()]|\s(?:while|whereas|which|but|and then)\s|" + SENTENCE_END.pattern)
# A Chinese numeral counts things only before a measure word (三家企业); elsewhere it is part of a word (统一).
MEASURE_WORDS = "个個家名位项項次人座条條所户戶件场場款批辆輛台臺套只"
ARABIC = re.compile(r"[0-9０-９]")
ENGLISH_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
TABLE_HEAD = re.compile(r"(预期目标|年度目标|目标|计划)\s*(实际完成|实际|完成情况|完成)")
TABLE_ROW = re.compile(r"(?:^|\s)[0-9]{1,2}[.．、](?=\S)")


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


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause holding the span start..end (a clause mark inside the span is part of it)."""
    first = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    found = CLAUSE_END.search(text, end)
    return first, found.start() if found else len(text)


def quantities(text: str, forms: dict[str, dict[str, list[str]]]) -> list[Quantity]:
    """Every number of `text` (squashed) as a quantity or a date; `forms` are the units' written forms by
    dimension (`written_forms(units)`), read the way a quote's unit words are."""
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
        found.append(Quantity(span.start, span.end, kind, is_date_part(text, span, kind)))
    return found


def is_date_part(text: str, span: Span, dimension: str | None) -> bool:
    """Whether the number is a year, a month or a day of a date, or an ordinal, rather than a quantity."""
    after, before = text[span.end : span.end + 3], text[max(0, span.start - 6) : span.start]
    digits = text[span.start : span.end]
    if re.fullmatch(r"(?:19|20)[0-9]{2}", digits) and not re.match(r"[%万亿億萬元]|\s?(?:percent|yuan)", after):
        return True  # a year: 2021年, in 2019, 2014-23 (a bare four-digit number of those years is one too)
    if re.match(r"月|日|号|th\b|st\b|nd\b|rd\b|届|屆|期", after) or re.search(r"第$|月$", before):
        return True  # 12月, 16日, 25th, 第二届, 一期
    if re.search(ENGLISH_MONTHS + r"\s?$", before) or re.match(r"\s?" + ENGLISH_MONTHS + r"(?![a-z])", after):
        return True  # November 10, 10 November
    if dimension is None and not ARABIC.search(digits) and not re.match(f"[{MEASURE_WORDS}]", after):
        return True  # 统一, 一带一路, 十分: a Chinese numeral with no measure word is part of a word
    return False


def form_positions(text: str, written_forms: list[str]) -> list[tuple[int, int]]:
    """Where the indicator's written forms stand in `text` (folded): Chinese anywhere, Latin as whole words."""
    found = []
    for form in written_forms:
        folded = loose(form)
        if not folded:
            continue
        pattern = re.escape(folded)
        if re.match(r"[a-z0-9]", folded):
            pattern = r"(?<![a-z0-9])" + pattern
        if re.search(r"[a-z0-9]$", folded):
            pattern += r"(?![a-z0-9])"
        found += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return sorted(found)


@dataclass(frozen=True)
class Attachment:
    """How a quote sits in its evidence: whether the indicator's words attach to it, the years written in its
    clause (with whether each is a comparison base), and the status a flattened table gives its column."""

    found: bool  # the quote occurs in the evidence
    attached: bool  # an indicator form attaches to it (nearest, same sentence, no same-kind quantity between)
    forms_present: bool  # some indicator form occurs anywhere in the evidence
    column_status: str | None  # target / actual, for a quote in a flattened plan table
    year: int | None  # the year written next to the quote (comparison bases left out)
    side: str | None  # from / to: the quote is A or B of 'from A to B'
    sub_year_words: bool  # half-year, quarter or month words in the quote's clause
    between: str | None  # the quantity standing between the quote and its indicator's words, if any


def attach(
    evidence: str,
    value_text: str,
    written_forms: list[str],
    dimension: str | None,
    forms: dict[str, dict[str, list[str]]],
) -> Attachment:
    """Read where `value_text` stands in `evidence` and what attaches to it."""
    # White space kept (one space per run), so that a flattened table keeps its cells apart; a quote that
    # differs from its evidence only in spacing is found white space aside.
    text, quote = loose(evidence), loose(value_text)
    at = text.find(quote) if quote else -1
    if at < 0 and quote:
        text, quote = squash(evidence), squash(value_text)
        at = text.find(quote)
    places = form_positions(text, written_forms)
    if at < 0:
        return Attachment(False, True, bool(places), None, None, None, False, None)
    end = at + len(quote)
    found = quantities(text, forms)
    glosses = [(m.start(), m.end()) for m in re.finditer(r"\([^)]*\)|（[^）]*）", text)]
    others = [
        q
        for q in found
        if not q.is_date
        and not (q.start >= at and q.end <= end)
        and same_kind(q.dimension, dimension)
        and not any(g0 <= q.start < g1 for g0, g1 in glosses)  # ($706.38 million): a gloss of its neighbour
    ]
    table = table_column(text, at, end, found)
    s_start, s_end = sentence_of(text, at)
    side = from_side(text, s_start, at, end, s_end)
    if side == "to":  # B of 'from A to B' shares A's words: A is no other figure between them
        others = [q for q in others if not re.search(r"(?:from|从|由)\s?$", text[max(0, q.start - 6) : q.start])]
    attached, between = False, None
    for f_start, f_end in places:
        if table is not None and not (table[1] <= f_start < at):
            continue  # in a table, the indicator's words are its row's label
        if f_end <= at and f_start >= s_start:
            lying = [q for q in others if f_end <= q.start and q.end <= at]
        elif f_start >= end and f_end <= s_end:
            lying = [q for q in others if end <= q.start and q.end <= f_start]
        else:
            continue
        if not lying or table is not None:
            attached = True
            break
        between = between or text[lying[0].start : lying[0].end]
    c_start, c_end = clause_of(text, at, end)
    return Attachment(
        True,
        attached,
        bool(places),
        table[0] if table else None,
        attached_year(text, c_start, c_end, s_start, at, end),
        side,
        re.search(r"上半年|下半年|季度|[0-9一二三四五六七八九十]月|first half|second half|quarter", text[c_start:c_end])
        is not None,
        None if attached else between,
    )


def same_kind(one: str | None, other: str | None) -> bool:
    """Two quantities of one kind: the same dimension (a count is a count whether or not it has a unit word)."""
    return one == other or {one, other} <= {None, "count"}


def table_column(text: str, at: int, end: int, found: list[Quantity]) -> tuple[str, int] | None:
    """For a quote in a plan table flattened into text: its column's status and where its row's label starts."""
    head = TABLE_HEAD.search(text, 0, at)
    if head is None:
        return None
    rows = [m.end() for m in TABLE_ROW.finditer(text, head.end(), at)]
    label = rows[-1] if rows else head.end()
    column = len([q for q in found if not q.is_date and label <= q.start and q.end <= at and not in_label(text, q)])
    status = "target" if column == 0 else "actual" if column == 1 else None
    return (status, label) if status else None


def in_label(text: str, quantity: Quantity) -> bool:
    """A number that is part of a table row's label or unit (万元/人), not a cell."""
    return text[quantity.end : quantity.end + 1] in ("/", ".")


COMPARED = re.compile(r"(比|较|同比|相比|compared with|compared to|than|over|与)\s*$")
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])(?!\s?(?:%|percent|万|亿|元|yuan))")


def attached_year(text: str, c_start: int, c_end: int, s_start: int, at: int, end: int) -> int | None:
    """The year written next to the quote: 'in 2022' right after it (English), else the nearest year of its clause
    (measured from the quote's edges), else the nearest year before it in its sentence (2021年，全市实现…).
    A comparison base (比2014年, than in 2019) is no date of the figure and is left out."""
    after = re.match(r"\s?(?:in|by|of|for)\s?((?:19|20)[0-9]{2})(?![0-9])", text[end : end + 10])
    if after:
        return int(after[1])
    near: list[tuple[int, int, int]] = []
    for m in YEAR.finditer(text, s_start, c_end):
        if at <= m.start() < end or COMPARED.search(text[max(s_start, m.start() - 14) : m.start()]):
            continue
        distance = at - m.end() if m.end() <= at else m.start() - end
        in_clause = c_start <= m.start() < c_end
        if in_clause or m.end() <= at:
            near.append((0 if in_clause else 1, distance, int(m[1])))
    return min(near)[2] if near else None


def from_side(text: str, s_start: int, at: int, end: int, s_end: int) -> str | None:
    """`from` for A and `to` for B of 'from A to B' (从A增长到B, 由A增至B), else None."""
    before, after = text[s_start:at], re.sub(r"\([^)]*\)|（[^）]*）", "", text[end:s_end])
    if re.search(r"(?:from|从|由)\s?$", before) and re.match(r"[^#0-9]{0,30}?(?:\sto\s|到|至)", after):
        return "from"
    if re.search(r"(?:from|从|由)[^。]{0,60}?(?:\sto|到|至)\s?$", before):
        return "to"
    return None
