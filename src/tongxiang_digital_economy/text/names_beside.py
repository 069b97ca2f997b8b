"""Two figures of one kind in one clause, each beside its own subject's name ("300,000 tons in the Huzhou production
base and 600,000 tons in the Dushan Port production base"): whether the quote is another entity's figure.
"""

from __future__ import annotations

import re

from .clause_words import ClauseWords
from .fold import loose
from .passage_numbers import Quantity, form_positions, quantities, same_kind


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
