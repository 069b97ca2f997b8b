"""The noun a quoted quantity is written with, read as what it counts (`indicator-written-with-neighbour`).

Why this exists: the indicator rules ask whether the evidence holds one of the row's written forms attached to the
quote, and a form standing anywhere in the quote's clause passes. A figure filed under another indicator of the
same dimension, measure and subject then passes too where the other's words stand in the clause as well:
围绕…等议题举办24场分论坛 holds 议题 (topics) and 分论坛 (sub-forums), 大会嘉宾来自全球五大洲 holds 嘉宾 (guests) and
大洲 (continents), 'and 47 above 100 million yuan' follows the clause of 'above 20 million yuan'. What a quantity
counts is the noun it is written with: a written form of a neighbour inside the quote (五大洲) or right after it
(24场分论坛, 七千多年文明史, 47 above 100 million yuan) names what is counted.

The reading holds back where the clause goes on, after the quote, to name the row's own measure: the noun is then
narrowed by the words after it (10家企业被评为省级…示范试点: enterprises, counted as pilots; 'ranking first … of
polyester filament enterprises'). A neighbour's form that is a word of the row's unit ('two years' holds 'year')
says the unit, not the measure. A quote is found where it is not the tail of a longer number (20多个 is not read
inside 120多个). Limits (data dictionary): a row whose own words follow the noun in its clause is not held to the
noun (两大整车制造企业为主体, vehicle makers filed as the zone's constituent entities, is not caught).

One reading per distinct (evidence, quote, indicator, unit): the cost is per text, not per row.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..text.clause_words import ClauseWords
from ..text.fold import loose
from ..text.passage_numbers import clause_of

NEIGHBOUR_KEYS = ("dimension", "measure", "subject")
Neighbours = tuple[tuple[str, tuple[str, ...]], ...]


def folded_forms(cell: object) -> tuple[str, ...]:
    """A `|`-separated written_forms cell, each form folded as the evidence is (loose); none for a missing cell."""
    if not isinstance(cell, str):
        return ()
    return tuple(f for f in (loose(x.strip()) for x in cell.split("|")) if f)


Definition = dict[str, Any]


def definitions_alike(
    definitions: pd.DataFrame | None, columns: tuple[str, ...]
) -> tuple[list[Definition], dict[tuple[str, ...], list[Definition]]]:
    """The definitions' `columns` as rows (those with an id and every NEIGHBOUR_KEYS cell: a definition without one
    is the structure layer's error, and has no neighbours here), and the rows grouped by their dimension, measure
    and subject: only those of one group are compared (every pair of 433 definitions compared was 1.8 s of a cold
    validation). None of either where a column is missing."""
    if definitions is None or any(c not in definitions for c in columns):
        return [], {}
    rows = [dict(zip(columns, r, strict=True)) for r in zip(*(definitions[c] for c in columns), strict=True)]
    rows = [r for r in rows if all(isinstance(r[k], str) for k in ("indicator", *NEIGHBOUR_KEYS))]
    alike: dict[tuple[str, ...], list[Definition]] = {}
    for row in rows:
        alike.setdefault(tuple(row[k] for k in NEIGHBOUR_KEYS), []).append(row)
    return rows, alike


def same_kind(definitions: pd.DataFrame | None) -> dict[str, Neighbours]:
    """For each indicator, the other indicators of its dimension, measure and subject with their folded forms."""
    rows, alike = definitions_alike(definitions, ("indicator", "written_forms", *NEIGHBOUR_KEYS))
    # Each definition's forms folded once, not once per definition of its kind (19,000 foldings for 433 rows).
    folded = {id(row): folded_forms(row["written_forms"]) for row in rows}
    return {
        mine["indicator"]: tuple(
            (other["indicator"], folded[id(other)])
            for other in alike[tuple(mine[k] for k in NEIGHBOUR_KEYS)]
            if other["indicator"] != mine["indicator"]
        )
        for mine in rows
    }


def unit_words(units: pd.DataFrame | None) -> dict[str, tuple[str, ...]]:
    """Each unit's written forms without their number mark `#`, folded: the words that say the unit (# years)."""
    if units is None or "unit" not in units or "written_forms" not in units:
        return {}
    return {
        u: tuple(w for w in (loose(f.replace("#", "").strip()) for f in str(forms).split("|")) if w)
        for u, forms in zip(units["unit"], units["written_forms"], strict=True)
        if isinstance(u, str) and isinstance(forms, str)
    }


def quote_at(text: str, wanted: str) -> int:
    """Where the quote stands in the folded evidence: its first place that is not the tail of a longer number."""
    at = text.find(wanted)
    while at > 0 and wanted[:1].isdigit() and (text[at - 1].isdigit() or text[at - 1] in ".,"):
        at = text.find(wanted, at + 1)
    return at


def written_with(
    evidence: object,
    quote: object,
    own: tuple[str, ...],
    neighbours: Neighbours,
    unit: tuple[str, ...],
    words: ClauseWords | None = None,
) -> str | None:
    """The neighbour whose written form the quote is written with (inside it, or right after it, white space
    aside), where none of the row's own forms (`own`, folded) stands from the quote to its clause's end; None
    where no neighbour's does. A form that is a word of the row's unit (`unit`) is not read as a noun."""
    if not neighbours or not isinstance(evidence, str) or not isinstance(quote, str):
        return None
    text, wanted = loose(evidence), loose(quote)
    at = quote_at(text, wanted) if wanted else -1
    if at < 0:
        return None
    after = at + len(wanted)
    _start, end = clause_of(text, at, after, words)
    if any(f in text[at:end] for f in own):
        return None
    rest = text[after:end].lstrip()

    def names(form: str) -> bool:
        return (form in wanted or rest.startswith(form)) and not any(form in w for w in unit)

    found = [(len(f), indicator) for indicator, forms in neighbours for f in forms if names(f)]
    return max(found)[1] if found else None
