"""Whose figure a passage names: each row's subject's names and every entity's, and the words that make a name in
the evidence no subject (a place the figure lies outside of, the whole a share is of, a member of a list).

The words are the lexicon's (`not_subject`, `list_word`), compiled once per lexicon; the anchor readings
(anchors.py) and the subject rules (rules/anchors.py) read them.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from ..text.fold import LATIN_LETTERS, literal_spans, loose, names_of
from ..text.quantities import Lexicon
from .distinct import texts

# Places at or below a county: another of these next to a quantity says whose figure it is.
LOCAL_LEVELS = ("county", "town", "subdistrict", "zone", "park")
# The marks of a list of members (桐乡、海宁; Tongxiang/Haining): punctuation. The words (和, and) are the lexicon's.
LIST_MARKS = "、|/"
# An English list written with commas after a name (Tongxiang, Haining and Pinghu): a comma, one or two words, and a
# comma or a list word.
COMMA_LIST = r",\s?[a-z]+(?:\s[a-z]+)?"


# The lexicon's words that make a name no subject: its `not_subject` words written before the name (outside, 占) and
# after it (以外) as two alternations, a place the figure lies outside of or the whole a share is of (outside
# Tongxiang, 占桐乡…的, 桐乡以外); and its `list_word` terms of meaning `joins` joined by |, a name inside a list of
# members (桐乡、海宁和平湖; Tongxiang, Haining and Pinghu); and its `not_subject` words of meanings `whole_before`
# (of) and `whole_after` ('s) as two alternations, a name written between one of each is the whole a share is of
# (17 percent of Tongxiang's). Strings, so that a view column carrying them is hashed by its whole text.
OutsideWords = tuple[str | None, str | None, str | None, str | None, str | None]
NO_WORDS: OutsideWords = (None, None, None, None, None)


def outside_words(lexicon: Lexicon | None) -> OutsideWords:
    """The lexicon's `not_subject` words, before (meaning `before`) and after (meaning `after`) the name, its
    `list_word` terms of meaning `joins`, and its `not_subject` words before and after the whole a share is of
    (`whole_before`, `whole_after`); none without a lexicon."""
    if lexicon is None:
        return NO_WORDS
    return (
        lexicon.alternation("not_subject", "before"),
        lexicon.alternation("not_subject", "after"),
        "|".join(
            t
            for t, m in zip(
                lexicon.terms_of.get("list_word", []), lexicon.meanings_of.get("list_word", []), strict=True
            )
            if m == "joins"  # 与 (`joins_or_with`) is also 'with': 乌镇与数字经济相关的企业 names 乌镇 as the subject
        )
        or None,
        lexicon.alternation("not_subject", "whole_before"),
        lexicon.alternation("not_subject", "whole_after"),
    )


Anchored = re.Pattern[str] | None


@functools.lru_cache(maxsize=64)
def outside_patterns(
    words: OutsideWords,
) -> tuple[Anchored, Anchored, re.Pattern[str], re.Pattern[str], Anchored, Anchored]:
    """The `not_subject` words anchored at the name: a word before ends where the name starts (a space allowed),
    a word after starts where it ends; where a list of members holds the name: a list mark or list word ending
    before it (a Latin word whole), or one starting after it, or a comma list after it; and the words of a whole a
    share is of, before the name (a space allowed) and after it."""
    before, after, joins, whole_before, whole_after = words
    terms = sorted({loose(t) for t in (joins or "").split("|") if loose(t)}, key=len, reverse=True)
    chinese = [re.escape(t) for t in terms if not re.match(r"[a-z0-9]", t)]
    latin = [re.escape(t) for t in terms if re.match(r"[a-z0-9]", t)]
    ending = "|".join([LIST_MARKS, *chinese, *(rf"\b{t}" for t in latin)])
    starting = "|".join([LIST_MARKS, *chinese, *(rf"{t}\b" for t in latin)])
    comma_list = COMMA_LIST + "(?:," + "".join(rf"|\s{t}\s" for t in latin) + ")"
    return (
        re.compile(rf"(?:{before})\s?$") if before else None,
        re.compile(rf"^(?:{after})") if after else None,
        re.compile(rf"(?:{ending})\s?$"),
        re.compile(rf"^\s?(?:{starting})|^{comma_list}"),
        re.compile(rf"(?:{whole_before})\s?$") if whole_before else None,
        re.compile(rf"^(?:{whole_after})") if whole_after else None,
    )


def not_subject(before: str, after: str, outside: OutsideWords = NO_WORDS) -> bool:
    """Whether a name standing between `before` and `after` is a member of a list (a list mark or one of the
    lexicon's `list_word` terms beside it), or a place the figure lies outside of or is a share of (the lexicon's
    `not_subject` words, and the whole a share is of between its `whole_before` and `whole_after` words: 17 percent
    of Tongxiang's): `outside`, rather than the subject."""
    outside_before, outside_after, listed, listed_after, whole_before, whole_after = outside_patterns(outside)
    return bool(
        listed.search(before[-5:])
        or listed_after.match(after)
        or (outside_before is not None and outside_before.search(before))
        or (outside_after is not None and outside_after.match(after))
        or (
            whole_before is not None
            and whole_after is not None
            and whole_before.search(before)
            and whole_after.match(after)
        )
    )


def named_as_subject(text: str, name: str, outside: OutsideWords = NO_WORDS) -> bool:
    """Whether `name` stands in `text` (both folded by `loose`; a Latin name as a whole word) at least once other
    than as a list member or a place the figure lies outside of (see not_subject)."""
    folded = loose(name)
    if not folded:
        return False
    edges = LATIN_LETTERS if folded[0] in LATIN_LETTERS else frozenset()
    return any(
        not not_subject(text[max(0, start - 16) : start], text[end:], outside)
        for start, end in literal_spans(text, folded, before=edges, after=edges)
    )


NAME_COLUMNS = {
    "places": ("name", "name_zh", "aliases"),
    "enterprises": ("name", "name_zh", "aliases"),  # no legal_name: the rule does not read the subject's own
    "projects": ("name", "name_zh", "aliases"),
}


def row_subject_names(indicators: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> list[tuple[str, ...]]:
    """Each row's subject's names and aliases (its enterprise's, project's or place's), as a tuple."""
    lookup: dict[tuple[str, str], tuple[str, ...]] = {}
    for table, column, key in (
        ("enterprises", "enterprise_id", "enterprise_id"),
        ("projects", "project_id", "project_id"),
        ("places", "place_id", "place_id"),
    ):
        frame = frames.get(table)
        if frame is None or key not in frame:
            continue
        present = [frame[c] for c in NAME_COLUMNS[table] if c in frame]
        for k, *values in zip(frame[key], *present, strict=True):
            lookup[(column, k)] = tuple(names_of(*values))
    out = []
    columns = (texts(indicators.get(c, pd.Series(None, index=indicators.index))) for c in SUBJECT_ORDER)
    for row in zip(*columns, strict=True):
        found = next(
            (lookup.get((c, v), ()) for c, v in zip(SUBJECT_ORDER, row, strict=True) if isinstance(v, str)), ()
        )
        out.append(found)
    return out


SUBJECT_ORDER = ("enterprise_id", "project_id", "place_id")


def subject_tables(indicators: pd.DataFrame) -> list[str | None]:
    """Each row's subject's table, for an enterprise or a project (None for a place or no subject)."""
    columns = [
        texts(indicators.get(c, pd.Series(None, index=indicators.index))) for c in ("enterprise_id", "project_id")
    ]
    return [
        "enterprises" if isinstance(e, str) else "projects" if isinstance(p, str) else None
        for e, p in zip(*columns, strict=True)
    ]


def table_names(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The names of every enterprise and every project (each entity's names and aliases, a tuple), by table."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for table in ("enterprises", "projects"):
        frame = frames.get(table)
        if frame is None:
            continue
        present = [frame[c] for c in NAME_COLUMNS[table] if c in frame]
        out[table] = tuple(t for t in (tuple(names_of(*v)) for v in zip(*present, strict=True)) if t)
    return out


def entity_names(frames: dict[str, pd.DataFrame]) -> frozenset[str]:
    """Every name and alias of a place, enterprise or project, folded: a subject's name inside a longer one
    (Tongxiang in 'Tongxiang Economic Development Zone') names that other entity, not the subject. An event
    edition's name (第四届世界互联网大会) names its recurring event too, so editions are not among them."""
    names: set[str] = set()
    for table, columns in NAME_COLUMNS.items():
        frame = frames.get(table)
        if frame is None:
            continue
        present = [frame[c] for c in columns if c in frame]
        for values in zip(*present, strict=True):
            names.update(loose(n) for n in names_of(*values))
    return frozenset(n for n in names if n)
