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
  (rules/which_figure.py) holds B's row off A's words and A's row to them, and A with none before the change.

What it cannot read is listed, with examples, in the data dictionary (`READING_LIMITS` in use/limits.py): among
them a quantity whose words stand in another sentence ("The zone's output... It reached 35.9 billion"), figures told
apart only by their subject (东门票120元,西门票150元), counts in Chinese numerals without a measure word, tables
whose headings are not 目标/实际 words. An ordinal that holds the indicator's words or is followed by them (the first
WIC) keeps them off a cardinal whose own noun is other words (13 forums).

The parts it reads with are modules of their own: the sentences, clauses and numbers of a passage
(passage_numbers.py), a plan table's columns (plan_tables.py), items and figures paired in order
(parallel_lists.py), a figure beside another entity's name (names_beside.py), and the words a status word may speak
of a quote from (quote_scope.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .clause_words import ClauseWords
from .fold import literal_spans, loose, squash
from .parallel_lists import in_order, in_order_of_clauses
from .passage_numbers import (
    Quantity,
    after_an_ordinal_word,
    clause_of,
    form_positions,
    is_a_day,
    is_an_ordinal,
    quantities,
    same_kind,
    sentence_of,
)
from .plan_tables import table_column
from .quote_scope import Scope, lead_to, scope_of
from .year_words import attached_year, from_region, from_side, years_written


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


CONVERSION_REACH = 24  # how far before a quote a conversion word is looked for (its own length and up to 3 more)


def conversion_pattern(words: str | None) -> re.Pattern[str] | None:
    """A conversion word (the lexicon's `converted` terms as one alternation: 折合, 相当于, equivalent to) ending at
    most 3 characters before a quote (折合约, 相当于人民币): the quote restates the figure before it in another unit
    (折合约24938美元); None where the lexicon names none."""
    return re.compile(rf"(?:{words})\S{{0,3}}$") if words else None


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


def noun_after(text: str, end: int, words: ClauseWords | None = None) -> tuple[int, int]:
    """The words right after a quantity, up to a list mark, a clause mark, the next number, a list word or another
    word ending a noun (the lexicon's `list_word` and `noun_end`: and, with, 和): its noun (个镇, towns)."""
    found = (words or ClauseWords()).noun_end.search(text, end)
    return end, found.start() if found else len(text)


def names_next(span: tuple[int, int], places: list[tuple[int, int]], text: str) -> bool:
    """Whether one of the indicator's written forms starts within the span (the words right after a quantity)."""
    return span[1] > span[0] and any(span[0] <= f < span[1] for f, _ in places)
