"""The words a status word may speak of a quote from (semantics/status_scope.status_scope reads them with the
lexicon): the lead of its clause (the words leading to it, after the last other quantity there) and, beyond it,
the sentence before and after the quote, its own clause, the sentences before it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .clause_words import ClauseWords
from .passage_numbers import SENTENCE_END, Quantity


@dataclass(frozen=True)
class Scope:
    """A status word's scope beyond the lead (read with the lexicon by semantics/status_scope.status_scope): the quote's
    sentence before it, its sentence after it where no other quantity follows there (whole, and cut at its clause's
    end), its own clause with the quote taken out, its whole sentence, and the sentences before it, nearest first."""

    before: str = ""
    after: str = ""
    after_in_clause: str = ""
    own_clause: str = ""
    sentence: str = ""
    earlier: tuple[str, ...] = ()


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
