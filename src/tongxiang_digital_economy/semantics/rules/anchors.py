"""Rules that anchor whose a figure is and its status.

- Whose: the subject's name or alias is in the evidence, or in `subject_text` quoted from the text around it;
  another local place named beside the quantity (not as a member of a list) where the subject is absent is
  another place's figure; a figure of a place is not narrowed to a project that is part of it.
- Status: no indicator encodes a status in its name; a `*_target` indicator holding actual rows is a mix.

What a figure measures is anchored by rules/indicator_words.py and which figure of its passage it is by
rules/which_figure.py (rules.MODULES lists them before this module: the report's order).
"""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd

from ...text.fold import loose, names_in, names_of, squeeze
from ..distinct import per_distinct_rows
from ..subject_names import NO_WORDS, OutsideWords, named_as_subject
from .figures import SUBJECT_COLUMNS
from .registry import each_row, missing, rule

SUBJECT_NAMES = tuple(
    f"{column}.{name}" for column in SUBJECT_COLUMNS.values() for name in ("name", "name_zh", "aliases")
)


def names_as_subject(evidence: str, names: list[str], outside: OutsideWords = NO_WORDS) -> bool:
    """Whether the evidence names the entity other than as a member of a list, the whole a share is of, or a
    place outside which something lies (Tongxiang, Haining and Pinghu; 17 percent of Tongxiang's urban area;
    `outside`: the lexicon's `not_subject` words)."""
    if not names or not names_in(evidence, names):
        return False
    text = loose(evidence)
    return any(named_as_subject(text, name, outside) for name in names)


@rule(
    "subject-not-anchored",
    "indicators",
    "place_id",
    "neither the evidence nor subject_text ({subject_text!r:|none given}) names the subject of this figure "
    "({place_id+enterprise_id+project_id:given}) by its name or an alias: quote in subject_text the words around the "
    "evidence that name it (the title, the sentence before), or give the figure to the subject its words name",
    needs=SUBJECT_NAMES,
    reads=("entity_names", "evidence", "not_subject_words", "subject_text"),
    per_row=True,
)
def subject_named(view: pd.DataFrame) -> pd.Series:
    """The evidence, or a quoted subject_text, names the figure's subject."""
    columns = [f"{c}__{n}" for c in SUBJECT_COLUMNS.values() for n in ("name", "name_zh", "aliases")]
    names = [view[c] if c in view else pd.Series(pd.NA, index=view.index) for c in columns]
    subject_text = view["subject_text"] if "subject_text" in view else pd.Series(pd.NA, index=view.index)
    every = view["entity_names"] if "entity_names" in view else pd.Series(frozenset(), index=view.index)
    no_words: OutsideWords = NO_WORDS
    outside = (
        view["not_subject_words"]
        if "not_subject_words" in view
        else pd.Series([no_words] * len(view), index=view.index, dtype=object)
    )

    def named(evidence: object, anchor: object, longer: object, words: object, *given: object) -> bool:
        places, others = names_of(*given[:3]), names_of(*given[3:])
        own = places + others
        evidence = without_longer_names(evidence, own, longer)
        anchor = without_longer_names(anchor, own, longer)
        return bool(
            not (places or others)
            or not isinstance(evidence, str)
            or names_as_subject(
                evidence, places, words if isinstance(words, tuple) else no_words
            )  # a place listed as a member is no subject
            or names_in(evidence, others)  # an enterprise listed among others is still named
            or (isinstance(anchor, str) and names_in(anchor, places + others))
        )

    # once per distinct combination of what it reads (a missing value reaches `named` as None: read as missing)
    codes, answers = per_distinct_rows([view["evidence"], subject_text, every, outside, *names], named)
    return pd.Series(np.asarray(answers, dtype=bool)[codes], index=view.index, dtype=bool)


def without_longer_names(text: object, own: list[str], every: object) -> object:
    """The text (folded) with every other entity's name that holds one of the subject's names taken out: 'Tongxiang
    Economic Development Zone' and 桐乡经济开发区 name the zone, not Tongxiang; a text that is no string is kept."""
    if not isinstance(text, str) or not isinstance(every, frozenset) or not own:
        return text
    folded = loose(text)
    for name in longer_names(tuple(own), every):
        folded = folded.replace(name, " ")
    return folded


@functools.lru_cache(maxsize=1024)
def longer_names(own: tuple[str, ...], every: frozenset[str]) -> tuple[str, ...]:
    """The other names (of `every`, folded) that hold one of `own`, longest first: once per subject and package,
    not once per passage (every name against every name is the cost of this rule)."""
    mine = {loose(n) for n in own}
    longer = [n for n in every if n not in mine and any(m and m in n and m != n for m in mine)]
    return tuple(sorted(longer, key=len, reverse=True))


@rule(
    "subject-text-not-in-source",
    "indicators",
    "subject_text",
    "subject_text {subject_text!r} does not occur in the archived text of {source_id} (white space aside): copy "
    "the words that name the subject exactly as the text writes them",
    needs_archive=True,
    needs=("source_id.archive_text",),
    reads=("subject_text",),
    per_row=True,
)
def subject_text_in_source(view: pd.DataFrame) -> pd.Series:
    """A quoted subject_text is in the archived text."""
    return each_row(
        view,
        ["subject_text", "source_id__archive_text"],
        lambda words, text: not isinstance(words, str) or not isinstance(text, str) or squeeze(words) in text,
    )


@rule(
    "subject-other-place",
    "indicators",
    "place_id",
    "the evidence names {places_beside_text} beside the quoted {value_text!r} and never names {place_id}, the "
    "place this figure is given to: the figure is the other place's; give it to that place (a place listed as a "
    "member of what is counted is no subject and is not held against the row)",
    needs=("place_id.name", "place_id.name_zh", "place_id.aliases"),
    reads=("evidence", "place_id", "places_beside"),
    per_row=True,
)
def no_other_place_beside(view: pd.DataFrame) -> pd.Series:
    """Where the evidence does not name the figure's place, no other local place is named beside its quantity."""
    if "places_beside" not in view:
        return pd.Series(True, index=view.index)

    def fits(place: object, beside: object, evidence: object, *names: object) -> bool:
        if missing(place) or not isinstance(beside, frozenset) or not beside - {place}:
            return True
        return place in beside or (isinstance(evidence, str) and names_in(evidence, names_of(*names)))

    columns = ["place_id", "places_beside", "evidence", "place_id__name", "place_id__name_zh", "place_id__aliases"]
    return each_row(view, columns, fits)


STATUS_IN_NAME = re.compile(r"_(?:annual_)?(?:plan_)?targets?$|_plan_target")


@rule(
    "status-in-indicator-name",
    "indicators",
    "indicator",
    "{indicator!r} names a status (a target) in its id, but the row is {status}: a reported target is a target row "
    "of the plain indicator (gdp_growth, status target), an actual figure an actual row of it; move the row to "
    "the plain indicator",
    reads=("indicator", "status"),
    per_row=True,
)
def no_status_in_names(view: pd.DataFrame) -> pd.Series:
    """No indicator encodes a status in its id: a `*_target` indicator holds no actual rows."""
    named = view["indicator"].astype("string").str.contains(STATUS_IN_NAME, regex=True).fillna(False)
    return ~(named & (view["status"] == "actual").fillna(False)).astype(bool)


# Projects that are a part of the place they lie in: a figure of the place cannot be narrowed to one of them.
PARTS_OF_A_PLACE = frozenset({"zone", "park", "facility"})


@rule(
    "subject-text-narrows-place",
    "indicators",
    "subject_text",
    "the evidence names {project_id__place_id}, where {project_id} lies, and never names {project_id}: "
    "subject_text {subject_text!r} narrows the place to a part of it that the figure's words do not name (乌镇 "
    "alone is the town, not 乌镇景区); give the figure to {project_id__place_id}, or quote the words that name the "
    "part",
    needs=(
        "project_id.name",
        "project_id.name_zh",
        "project_id.aliases",
        "project_id.kind",
        "project_id.place_id",
        "project_id.part_names",
    ),
    reads=("evidence", "places_named", "project_id", "subject_text"),
    per_row=True,
)
def no_narrowed_place(view: pd.DataFrame) -> pd.Series:
    """A figure whose evidence names a place, but not the zone, park or facility in it that the row is given to, is
    the place's: subject_text quoted from elsewhere in the text (a later paragraph's 乌镇景区) does not say which
    part of the place the words count within. A programme or an event named after a place is no part of it. Words
    that name a part of the project (its children by parent_id: 东栅, 西栅 of the scenic area) name the project:
    乌镇分为东栅…和西栅两个景区 divides the scenic area, not the town."""
    if "places_named" not in view:
        return pd.Series(True, index=view.index)

    def fits(
        project: object, kind: object, place: object, named: object, evidence: object, anchor: object, *names: object
    ) -> bool:
        if missing(project) or missing(anchor) or missing(place) or kind not in PARTS_OF_A_PLACE:
            return True
        if not isinstance(named, frozenset) or place not in named or not isinstance(evidence, str):
            return True
        return names_in(evidence, names_of(*names))

    columns = [
        "project_id",
        "project_id__kind",
        "project_id__place_id",
        "places_named",
        "evidence",
        "subject_text",
        "project_id__name",
        "project_id__name_zh",
        "project_id__aliases",
        "project_id__part_names",
    ]
    return each_row(view, columns, fits)
