"""A measure and a status word: "GDP target 2024", 目标 GDP, 2024年GDP增长目标, "GDP growth estimate".

Why: a journalist checks "the 2024 growth target was 6.5%" by typing what it is, and `search "GDP target 2024"` said
"no rows mention", while "GDP growth 2024" listed the actual 4.8% and the target 6.5% without saying which is which
(trial 18 W2 b). A figure's `status` (the indicators schema's enum: actual, target, estimate) is said in its texts
by status words, which the lexicon holds as data (`status`: 目标, 预计, target, expected, estimate) for the rules
that hold a figure to its status; search reads the same words. A query that holds one of them (a Latin one as whole
words, a Chinese one anywhere: Chinese has no spaces), or one of the enum's own values, beside other words, is read
as the rest (read as any query) and, of the figures that finds, those of that status. When none of what the rest
finds is of it, the query is read as before (a word of a definition: "not a target").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..schema.descriptor import status_values
from .search_kept import kept_with
from .search_lexicon import normalised
from .search_query import HAN_ANY


@dataclass(frozen=True)
class StatusReading:
    """A query read as the rest and a status (one of the schema's), said by `word` (folded)."""

    rest: str
    status: str
    word: str


def status_words(lexicon: pd.DataFrame | None, statuses: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(word, status), folded, longest first: the lexicon's `status` terms whose meaning is one of `statuses` (but
    a pattern's, 到#年), and each status's own name."""
    pairs: dict[str, str] = {normalised(s): s for s in statuses}
    if lexicon is not None and {"category", "term", "meaning"} <= set(lexicon.columns):
        rows = lexicon.loc[lexicon["category"] == "status", ["term", "meaning"]].dropna()
        for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
            word = normalised(str(term))
            if meaning in statuses and word and "#" not in word:
                pairs.setdefault(word, str(meaning))
    return tuple(sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0])))


def status_reading(folded: str, frames: dict[str, pd.DataFrame], path: str | Path | None) -> StatusReading | None:
    """The longest status word the folded query holds beside other words, and the rest; None when it holds none."""
    lexicon = frames.get("lexicon")
    if lexicon is None:
        words = status_words(None, tuple(status_values(path)))
    else:  # the schema's statuses read once per loaded lexicon, with its words
        words = kept_with((lexicon,), "status_words", lambda: status_words(lexicon, tuple(status_values(path))))
    padded = f" {folded} "
    for word, status in words:
        if HAN_ANY.search(word):
            at = folded.find(word)
            if at < 0:
                continue
            rest = f"{folded[:at]} {folded[at + len(word) :]}"
        elif f" {word} " in padded:
            rest = padded.replace(f" {word} ", " ", 1)
        else:
            continue
        rest = " ".join(rest.split())
        return StatusReading(rest, status, word) if rest else None
    return None


def of_status(figures: pd.DataFrame, status: str) -> frozenset[str]:
    """The figures of a status, by observation_id."""
    if "status" not in figures.columns:
        return frozenset()
    return frozenset(figures.loc[figures["status"] == status, "observation_id"].astype(str))
