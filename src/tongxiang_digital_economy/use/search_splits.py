"""A query cut into a name and the rest: the subject-and-measure reading ("Wuzhen visitors", 桐乡GDP) and the
edition-and-measure reading ("WIC 2023 investment") cut a query the same way, so the cuts live here, below both
(text_search and search_editions), and neither restates them.
"""

from __future__ import annotations

from dataclasses import replace

from .search_lexicon import without_possessive
from .search_query import HAN_ANY, Query, Term, query_parts
from .search_words import HAN


def in_word_forms(query: Query) -> Query:
    """The measure of a subject-and-measure reading matched by its words' forms (singular, plural), not by the root
    they share with other parts of speech: "visitors" are people received, "visits" an internet hospital's
    consultations or a leader's trip; "Wuzhen visitors" listed both (trial 9 V2)."""
    terms = tuple(Term(t.forms, t.part, roots=False) for t in query.terms)
    return replace(query, terms=terms)


def without_connectives(measure: str, connectives: frozenset[str]) -> str:
    """The measure part without the connecting words at its edges ("gdp of" -> gdp, "的 gdp" -> gdp): the
    lexicon's `search_connective` words (search_lexicon.SmallWords), which join a subject to its measure and name
    nothing themselves ("GDP of Tongxiang", 桐乡的GDP)."""
    parts = measure.split(" ")
    while parts and parts[0] in connectives:
        parts = parts[1:]
    while parts and parts[-1] in connectives:
        parts = parts[:-1]
    text = " ".join(parts)
    return without_han_edges(text, connectives) if HAN_ANY.search(text[:1] + text[-1:]) else text


def without_han_edges(text: str, connectives: frozenset[str], marks: str = "") -> str:
    """`text` without the Chinese connectives (的, 之) and the `marks` at its ends, as often as they stand there."""
    han = sorted((c for c in connectives if HAN_ANY.search(c)), key=len, reverse=True)
    while True:
        bare = text.strip(marks) if marks else text
        for word in han:
            if bare.startswith(word):
                bare = bare[len(word) :]
            if bare.endswith(word):
                bare = bare[: -len(word)]
        if bare == text:
            return text
        text = bare


def subject_splits(folded: str, possessives: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every way to cut a query into a (would-be) subject's name and the rest, the longest name first: a run of its
    parts (query_parts), or the head or tail of a Chinese part (a name of two characters at least). A part's
    possessive (the lexicon's `search_possessive`) is a part of its own, a connective: "tongxiang's gdp"."""
    parts = []
    for part in query_parts(folded):
        bare = without_possessive(part, possessives)
        parts += [bare, part[len(bare) :]] if bare != part else [part]
    cuts: list[tuple[str, str]] = []
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            if j - i < len(parts):
                cuts.append((" ".join(parts[i:j]), " ".join(parts[:i] + parts[j:])))
    for k, part in enumerate(parts):
        if HAN.match(part):
            for at in range(1, len(part)):
                head, tail = part[:at], part[at:]
                if len(head) >= 2:
                    cuts.append((head, " ".join([*parts[:k], tail, *parts[k + 1 :]])))
                if len(tail) >= 2:
                    cuts.append((tail, " ".join([*parts[:k], head, *parts[k + 1 :]])))
    return sorted(dict.fromkeys(cuts), key=lambda cut: -len(cut[0]))
