"""Items and figures paired in order (分别, respectively): the n-th item with the n-th figure, the items in the 分别
clause's own list (财政总收入、一般公共预算收入分别达到180亿元和106亿元) or in the clauses before it that each hold a
quantity (接待游客37.48万人次,实现门票收入3020.55万元,同比分别增长29.05%和30.81%); an indicator's words (clauses.py)
or a subject's name (`paired_with_name`) as the item.
"""

from __future__ import annotations

from .clause_words import ClauseWords
from .fold import loose
from .passage_numbers import Quantity, clause_of, form_positions, quantities, same_kind, sentence_of


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
