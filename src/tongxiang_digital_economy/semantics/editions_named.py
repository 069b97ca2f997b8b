"""Which event editions a figure's dating words name (`period_text`): by an edition's name (`events.name_zh`,
`name`: 首届世界互联网大会举办时, 'since the First World Internet Conference') or by its ordinal within the row's
recurring event (第四届乌镇峰会, 第二届大会, 首届 of a row whose `project_id` is the event's, and `events.edition` 4,
2, 1).

Why: the period reader reads calendar words only; words tied to an event (本届, 首届…举办时, the 4th WIC) are unread
there, so a figure dated by them was held to nothing (review 6 F9; READING_LIMITS "Dating words tied to an event").
The events table knows each edition's days: the words name them, and `period-edition-named` holds the row's period
to reach them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from ..text.fold import fold
from ..text.period_words import cn_int
from .distinct import per_distinct_rows, spread

# 首届 (the first), 第四届/第四屆 (the fourth): an edition's ordinal, in digits or Chinese numerals.
ORDINAL = re.compile(r"首[届屆]|第([0-9]{1,2}|[一二三四五六七八九十]{1,3})[届屆]")


def ordinals_in(text: str) -> set[int]:
    """The editions' ordinals the words write (首届 is 1)."""
    found = set()
    for m in ORDINAL.finditer(text):
        number = 1 if m.group(1) is None else int(m.group(1)) if m.group(1).isdigit() else cn_int(m.group(1))
        if number:
            found.add(number)
    return found


def editions_named(indicators: pd.DataFrame, events: pd.DataFrame | None) -> pd.DataFrame:
    """Per row: the editions its period_text names (`period_editions`: a tuple of (event_id, start, end) as the
    events table writes them; empty where none) and their ids and days in words for messages
    (`period_editions_text`)."""
    rows = [] if events is None else [Edition.of(e) for e in events.itertuples(index=False)]
    # Once per distinct (period_text, project_id), taken back over the rows (a missing value reaches named_by as
    # None, which it reads as missing as it reads <NA>).
    codes, found = per_distinct_rows(
        [indicators["period_text"], indicators["project_id"]], lambda words, project: named_by(words, project, rows)
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


def named_by(words: object, project: object, events: Sequence[Edition]) -> tuple[tuple[str, str, str], ...]:
    """The editions `words` name: by name, or by ordinal among the editions of the row's `project`."""
    if not isinstance(words, str) or not words.strip():
        return ()
    folded = fold(words)
    ordinals = ordinals_in(folded)
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
