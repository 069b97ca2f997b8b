"""The local places a quote's own clause names (`places_beside`, read by subject-not-anchored), kept per place.

Why a module of its own: the anchors' other readings read a figure's own subject alone (through its keys:
views.ANCHOR_THROUGH), but this one reads every local place, so kept inside them it made an edited places row read
every figure's anchors again (~1 s of a test copy's check). Whether a clause names one place is a function of the
clause, that place's names and the lexicon's words alone: kept by those, an edited or added place reads each clause
for that place only, as quotes.places_named does for the evidence spans.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..text.clause_words import ClauseWords
from ..text.fold import loose
from .anchors import quote_clause
from .distinct import content_key, lexicon_of, memo, remembered, texts
from .subject_names import LOCAL_LEVELS, NO_WORDS, OutsideWords, named_as_subject, outside_words

PLACES_BESIDE_READS = ("evidence", "value_text")  # what it reads of the indicators
PLACES_BESIDE_TABLE_READS = (("aliases", "level", "name", "name_zh", "place_id"), ("category", "meaning", "term"))
KEPT_PLACE_TESTS = 200_000  # (a place's names, a clause) answers kept: about 20 places x 10^4 clauses


def local_places(places: pd.DataFrame | None) -> dict[str, list[str]]:
    """Each place at or below a county (LOCAL_LEVELS) by id, with its names and aliases."""
    return {} if places is None else {
        p: [n for n in (name, zh, *(a.split("|") if isinstance(a, str) else [])) if isinstance(n, str) and n.strip()]
        for p, name, zh, a, level in zip(
            places["place_id"], places["name"], places["name_zh"], places["aliases"], places["level"], strict=True
        )
        if isinstance(level, str) and level in LOCAL_LEVELS
    }  # fmt: skip


def quote_own_clause(evidence: object, quote: object, words: ClauseWords | None = None) -> str | None:
    """The clause of the quote's first place in the evidence (folded), from the sentence's start where the clause
    reader found none before it; None where no quote is found."""
    found = quote_clause(evidence, quote, words)
    if found is None:
        return None
    text, at, start, end = found
    start = max((m.end() for m in re.finditer(r"[。；;]", text[:at])), default=start) if start == 0 else start
    return text[start:end]


def names_place(clause: str, names: tuple[str, ...], outside: OutsideWords = NO_WORDS) -> bool:
    """Whether the clause names a place of these names other than as a list member or a place the figure lies
    outside of (see subject_names.not_subject). A name that is not in the clause at all is not named there (asked
    first: `in` costs a tenth of the reading)."""
    return any(loose(n) in clause and named_as_subject(clause, n, outside) for n in names)


def places_beside(
    evidence: object,
    quote: object,
    places: dict[str, list[str]],
    outside: OutsideWords = NO_WORDS,
    words: ClauseWords | None = None,
) -> frozenset[str] | None:
    """The local places named in the quote's clause, other than as members of a list or places the figure lies
    outside of (`outside`: see not_subject) (None: no quote found); a clause ends where the lexicon's `words` say."""
    clause = quote_own_clause(evidence, quote, words)
    if clause is None:
        return None
    return frozenset(place for place, names in places.items() if names_place(clause, tuple(names), outside))


def places_beside_columns(
    indicators: pd.DataFrame, places: pd.DataFrame | None, lexicon: pd.DataFrame | None
) -> dict[str, pd.Series]:
    """`places_beside` (places_beside of each row's evidence and quote) and `places_beside_text` (their ids,
    listed); each clause once per distinct (evidence, quote), each place's test once per its names and clause."""
    words = lexicon_of(lexicon) if lexicon is not None else None
    outside, clause_words = outside_words(words), ClauseWords.of(words)
    local = {p: tuple(n) for p, n in local_places(places).items()}
    key = content_key(lexicon) if lexicon is not None else None
    clause_of = remembered(memo("beside clause", key), lambda e, q: quote_own_clause(e, q, clause_words))
    tests = memo("place beside", key)
    if len(tests) > KEPT_PLACE_TESTS:
        tests.clear()
    named = remembered(tests, lambda clause, names: names_place(clause, names, outside))
    found: dict[tuple[Any, Any], frozenset[str] | None] = {}
    beside = []
    for e, q in zip(texts(indicators["evidence"]), texts(indicators["value_text"]), strict=True):
        if (e, q) not in found:
            clause = clause_of(e, q)
            found[e, q] = None if clause is None else frozenset(p for p, n in local.items() if named(clause, n))
        beside.append(found[e, q])
    return {
        "places_beside": pd.Series(beside, index=indicators.index, dtype=object),
        "places_beside_text": pd.Series(
            # A places row whose id the reader refused names no id: left out, never crashed on.
            [
                ", ".join(sorted(i for i in b if isinstance(i, str))) if isinstance(b, frozenset) else None
                for b in beside
            ],
            index=indicators.index,
            dtype="string",
        ),
    }
