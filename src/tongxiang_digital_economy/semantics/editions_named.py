"""Which event editions a figure's dating words name (`period_text`): by an edition's name (`events.name_zh`,
`name`: 首届世界互联网大会举办时, 'since the First World Internet Conference') or by its ordinal within the row's
recurring event (第四届乌镇峰会, 第二届大会, 首届 of a row whose `project_id` is the event's, and `events.edition` 4,
2, 1).

Why: the period reader reads calendar words only; words tied to an event (本届, 首届…举办时, the 4th WIC) are unread
there, so a figure dated by them was held to nothing (review 6 F9; READING_LIMITS "Dating words tied to an event").
The events table knows each edition's days: the words name them, and `period-edition-named` holds the row's period
to reach them. The ordinal's words are the lexicon's `ordinal_word` terms, the clause reader's (text/clause_words):
首 (`first`) or 第 (`before`) and a number, then 届 (`edition`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from ..text.fold import fold
from ..text.period_lexicon import cn_int
from .distinct import per_distinct_rows, spread

EDITION_NUMBER = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"  # an edition's number, in digits or Chinese numerals
# The lexicon's ordinal words an edition's ordinal is written with, by meaning, joined by | (a tuple of strings, so
# that the reading is kept per lexicon): (`first`, `before`, `edition`).
OrdinalWords = tuple[str, str, str]


def ordinal_words(lexicon: pd.DataFrame | None) -> OrdinalWords:
    """The lexicon's `ordinal_word` terms of meaning `first` (首), `before` (第) and `edition` (届), folded; none
    without a lexicon."""
    if lexicon is None or not {"term", "category", "meaning"} <= set(lexicon.columns):
        return ("", "", "")
    rows = zip(lexicon["term"], lexicon["category"], lexicon["meaning"], strict=True)
    chosen = [(fold(t), m) for t, c, m in rows if c == "ordinal_word" and isinstance(t, str) and fold(t)]

    def of(meaning: str) -> str:
        return "|".join(sorted({t for t, m in chosen if m == meaning}))

    return (of("first"), of("before"), of("edition"))


@functools.lru_cache(maxsize=16)
def ordinal_pattern(words: OrdinalWords) -> re.Pattern[str] | None:
    """首届 (the first), 第四届 (the fourth): an edition's ordinal, 首 and 届 or 第, a number and 届 (the lexicon's
    words: ordinal_words); None where the lexicon names no edition word."""
    first, before, edition = (
        "|".join(re.escape(t) for t in sorted(w.split("|"), key=len, reverse=True) if t) for w in words
    )
    if not edition:
        return None
    ways = [
        f"(?:{first})(?:{edition})" if first else "",
        rf"(?:{before})({EDITION_NUMBER})(?:{edition})" if before else "",
    ]
    found = "|".join(w for w in ways if w)
    return re.compile(found) if found else None


def ordinals_in(text: str, words: OrdinalWords) -> set[int]:
    """The editions' ordinals the words write (首届 is 1), by the lexicon's ordinal words."""
    pattern = ordinal_pattern(words)
    found = set()
    for m in pattern.finditer(text) if pattern is not None else ():
        number = 1 if m.group(1) is None else int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        if number:
            found.add(number)
    return found


def editions_named(
    indicators: pd.DataFrame, events: pd.DataFrame | None, lexicon: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per row: the editions its period_text names (`period_editions`: a tuple of (event_id, start, end) as the
    events table writes them; empty where none) and their ids and days in words for messages
    (`period_editions_text`). An ordinal is read by the lexicon's `ordinal_word` terms (none without one)."""
    rows = [] if events is None else [Edition.of(e) for e in events.itertuples(index=False)]
    words = ordinal_words(lexicon)
    # Once per distinct (period_text, project_id), taken back over the rows (a missing value reaches named_by as
    # None, which it reads as missing as it reads <NA>).
    codes, found = per_distinct_rows(
        [indicators["period_text"], indicators["project_id"]],
        lambda period, project: named_by(period, project, rows, words),
    )
    texts = [", ".join(f"{e} ({s} to {t})" for e, s, t in n) or None for n in found]
    named, text = spread(codes, found, indicators.index), spread(codes, texts, indicators.index, "string")
    return pd.DataFrame(
        {
            "period_editions": named,
            "period_editions_text": text,
        }
    )


class Edition(NamedTuple):
    """An events row as named_by reads it, its names folded once (not once per period_text read)."""

    names: tuple[str, ...]
    project: object
    edition: int | None
    start: object
    end: object
    event_id: str

    @classmethod
    def of(cls, e: object) -> Edition:
        names = tuple(fold(n) for n in (getattr(e, "name_zh", None), getattr(e, "name", None)) if isinstance(n, str))
        return cls(
            names,
            getattr(e, "project_id", None),
            whole(getattr(e, "edition", None)),
            getattr(e, "start", None),
            getattr(e, "end", None),
            str(getattr(e, "event_id", "")),
        )


def named_by(
    words: object, project: object, events: Sequence[Edition], ordinal: OrdinalWords = ("", "", "")
) -> tuple[tuple[str, str, str], ...]:
    """The editions `words` name: by name, or by ordinal (written in the lexicon's `ordinal` words) among the
    editions of the row's `project`."""
    if not isinstance(words, str) or not words.strip():
        return ()
    folded = fold(words)
    ordinals = ordinals_in(folded, ordinal)
    found = []
    for e in events:
        by_name = any(n and n in folded for n in e.names)
        by_ordinal = isinstance(project, str) and isinstance(e.project, str) and e.project == project
        by_ordinal = by_ordinal and e.edition in ordinals
        if (by_name or by_ordinal) and isinstance(e.start, str) and isinstance(e.end, str):
            found.append((e.event_id, e.start, e.end))
    return tuple(found)


def whole(value: object) -> int | None:
    """An edition's ordinal as a whole number; None for a missing or malformed cell (every cell may be either)."""
    if isinstance(value, bool) or value is None or value is pd.NA:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(number) if number == number and number.is_integer() else None
