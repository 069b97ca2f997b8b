"""An indicator's written forms in a passage: found as whole words, not where a longer form of another indicator
holds them (shadowing), and the neighbouring indicators whose required words would claim the quote instead
(counted_as in anchors.py). The comparisons of every definition with every other are kept by the definitions'
columns they read (PAIR_COLUMNS).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..text.fold import LATIN_LETTERS, literal_spans, loose, squeeze
from .counted_nouns import (
    NEIGHBOUR_KEYS,
    definitions_alike,
)


def form_spans(text: str, form: str) -> list[tuple[int, int]]:
    """Where a folded form stands in a folded text: Chinese anywhere, Latin as whole words."""
    if not form:
        return []
    if form[0] in LATIN_LETTERS or form[-1] in LATIN_LETTERS:  # whole words: Shares traded35.79m still names it
        return literal_spans(text, form, before=LATIN_LETTERS, after=LATIN_LETTERS)
    return literal_spans(text, form)


def forms_in(evidence: str, forms: str, shadowing: tuple[str, ...] = (), names: tuple[str, ...] = ()) -> bool:
    """Whether the evidence holds one of the `|`-separated forms: Chinese anywhere, Latin as whole words, white
    space aside. An occurrence inside a longer written form of another indicator (`shadowing`: 投资 inside
    固定资产投资, 面积 inside 建成区面积) is that indicator's words, unless it lies inside a longer form of its own
    (polyester filament production capacity holds another's filament production capacity). An occurrence inside
    the subject's own name (`names`: 'internet hospital' inside 'the Wuzhen Internet Hospital') says whose figure
    it is, not what is measured of it, and never counts."""
    mine = [loose(f) for f in (f.strip() for f in forms.split("|")) if f]
    theirs = [loose(f) for f in shadowing if f]
    named = [loose(n) for n in names if n.strip()]
    for text, fold_ in ((loose(evidence), str), (squeeze(loose(evidence)), squeeze)):
        own = [span for form in mine for span in form_spans(text, fold_(form))]
        other = [span for form in theirs for span in form_spans(text, fold_(form))]
        subject = [span for name in named for span in form_spans(text, fold_(name))]
        if any(not shadowed(span, other, own) and not within(span, subject) for span in own):
            return True
    return False


def within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether a span lies inside one of `spans` (or is one of them)."""
    s, e = span
    return any(a <= s and e <= b for a, b in spans)


def shadowed(span: tuple[int, int], other: list[tuple[int, int]], own: list[tuple[int, int]]) -> bool:
    """Whether an occurrence of an indicator's form lies inside a longer occurrence of another's that is not itself
    inside one of the indicator's own."""
    s, e = span
    return any(
        a <= s and e <= b and b - a > e - s and not any(c <= a and b <= d and d - c > b - a for c, d in own)
        for a, b in other
    )


def split_forms(forms: object) -> tuple[str, ...]:
    """An indicator's `written_forms` cell as its forms (none for a missing cell)."""
    return tuple(f.strip() for f in forms.split("|") if f.strip()) if isinstance(forms, str) else ()


def shadowing_forms(forms_of: dict[Any, tuple[str, ...]]) -> dict[Any, tuple[str, ...]]:
    """For each indicator, the other indicators' written forms that hold one of its own inside a longer word
    (固定资产投资 holds project_total_investment's 投资; 建成区面积 holds area_total's 面积): where the evidence has
    only those, it names the other, more specific measure."""
    folded = {i: {loose(f) for f in forms if f} for i, forms in forms_of.items()}
    owners: dict[str, set[Any]] = {}
    for i, forms in folded.items():
        for f in forms:
            owners.setdefault(f, set()).add(i)
    # Each form that holds another found by looking up its substrings of the lengths forms have, not by testing
    # every pair of forms of every pair of indicators (quadratic in the definitions: 0.1 s of a cold validation),
    # nor every substring (quadratic in a form's length: a 10 kB cell took 45 s).
    mine_forms = set(owners)
    lengths = sorted({len(f) for f in mine_forms if f})
    holding: dict[str, set[str]] = {"": set(owners)}  # an empty form (all pinyin) is in every form
    for f in owners:
        for size in lengths:
            for a in range(len(f) - size + 1):
                if f[a : a + size] in mine_forms:
                    holding.setdefault(f[a : a + size], set()).add(f)
    return {
        i: tuple(sorted({f for m in mine for f in holding.get(m, ()) if f not in mine and owners[f] - {i}}))
        for i, mine in folded.items()
    }


# The definitions' columns the comparisons of every definition with every other read (shadowing_forms and
# neighbours_counting): they are kept by these columns' content, so an edited label or definition compares nothing.
PAIR_COLUMNS = ("indicator", "written_forms", "required_words", *NEIGHBOUR_KEYS)


def required_groups(cell: object) -> tuple[tuple[str, ...], ...]:
    """An indicator's `required_words` cell as its groups, each of words one of which the evidence must hold:
    `;` parts a group from the next (all of them needed), `|` a word from the next in a group (one of them)."""
    if not isinstance(cell, str):
        return ()
    return tuple(g for g in (split_forms(part) for part in cell.split(";")) if g)


Neighbour = tuple[str, tuple[tuple[str, ...], ...], str]


def neighbours_counting(definitions: pd.DataFrame | None) -> dict[str, tuple[Neighbour, ...]]:
    """For each indicator, its neighbours of the same dimension, measure and subject, sharing a written form with
    it, that are told apart by how they count or whose they are (required_words): (neighbour, its groups of
    required words but those holding one of the indicator's own required words or written forms, its written
    forms). A two-year average is gdp_growth's neighbour: 两年平均 in the
    quote's clause says the figure is the average's; co-organising international organisations are the
    represented ones' neighbour by 协办, their other group (国际组织) being the represented ones' own name."""
    # Only definitions of one dimension, measure and subject are neighbours: each is compared with those alone, in
    # the definitions' order.
    rows, alike = definitions_alike(definitions, ("indicator", "written_forms", "required_words", *NEIGHBOUR_KEYS))
    out: dict[str, tuple[Neighbour, ...]] = {}
    # Each definition's groups and forms read once, not once per definition of its kind.
    groups_of = {id(row): required_groups(row["required_words"]) for row in rows}
    forms_of = {id(row): split_forms(row["written_forms"]) for row in rows}
    for mine in rows:
        own = {w for group in groups_of[id(mine)] for w in group}
        mine_forms = forms_of[id(mine)]
        found = []
        for other in alike[tuple(mine[k] for k in NEIGHBOUR_KEYS)]:
            # A group's words are one another's synonyms: one that is the indicator's own required word or
            # written form makes the whole group its own (国际组织|international organizations is co-organisers'
            # required group but the represented organisations' own name), and it tells the two apart no more.
            if other["indicator"] == mine["indicator"]:
                continue
            groups = tuple(
                group
                for group in groups_of[id(other)]
                if not any(w in own or related_forms((w,), mine_forms) for w in group)
            )
            if not groups:
                continue
            if related_forms(mine_forms, forms_of[id(other)]):
                found.append((str(other["indicator"]), groups, "|".join(forms_of[id(other)])))
        if found:
            out[mine["indicator"]] = tuple(found)
    return out


def related_forms(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool:
    """Whether two indicators share a written form, or one's form holds the other's (代表 and 代表; 嘉宾 inside
    线上参会嘉宾): only then can one's words stand for the other's figure."""
    one, other = {loose(f) for f in mine if f}, {loose(f) for f in theirs if f}
    return any(a in b or b in a for a in one for b in other if a and b)
