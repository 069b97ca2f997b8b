"""Rules that tie rows to their source texts: evidence in the archived text, names of the entities, and
the subject of a figure named in its source."""

from __future__ import annotations

import pandas as pd

from ...text.fold import fold, names_in, names_of
from ..archive_checks import in_archived_text
from .figures import SUBJECT_COLUMNS
from .registry import each_row, rule

# --- provenance: all three fact tables ---------------------------------------------------------------------


def evidence_in_source(view: pd.DataFrame) -> pd.Series:
    """The evidence occurs verbatim in its source's archived text, white space aside (once per distinct pair).

    Its predicate is the one by which the archive refutes a figure (archive_checks.in_archived_text)."""
    return each_row(view, ["evidence", "source_id__archive_text"], in_archived_text)


def evidence_names_subject(view: pd.DataFrame) -> pd.Series:
    """The evidence names the enterprise or project by its name, its Chinese name or an alias."""
    return each_row(
        view,
        ["evidence", "name", "name_zh", "aliases"],
        lambda evidence, *names: (
            not isinstance(evidence, str) or not names_of(*names) or names_in(evidence, names_of(*names))
        ),
    )


for _table in ("indicators", "enterprises", "projects", "events", "project_enterprises"):
    rule(
        "evidence-not-in-source",
        _table,
        "evidence",
        "the evidence does not occur in the archived text of {source_id} (white space aside): copy the passage "
        "exactly as the source writes it, in its own script",
        needs_archive=True,
        needs=("source_id.archive_text",),
        reads=("evidence",),
        per_row=True,
    )(evidence_in_source)
for _table in ("enterprises", "projects"):
    rule(
        "evidence-missing-name",
        _table,
        "evidence",
        # A name the row does not give is said so, never '<missing>' (trial 16 m4; rule_problems.empty_words).
        "the evidence names the row by none of its names (English {name!r}; Chinese {name_zh!r:|none given}; "
        "aliases {aliases:|none given}): choose a passage that names it as the source writes it, or add the name the "
        "source uses to aliases",
        reads=("aliases", "evidence", "name", "name_zh"),
        per_row=True,
    )(evidence_names_subject)


@rule(
    "zone-place-level",
    "projects",
    "zone_place_id",
    "zone_place_id {zone_place_id!r} must be a place of level zone or park (it is {zone_place_id__level}): "
    "point it at the zone's own places row",
    needs=("zone_place_id.level",),
    reads=("zone_place_id",),
    per_row=True,
)
def zones_are_zones(view: pd.DataFrame) -> pd.Series:
    """A project that is a zone points at a places row of level zone or park."""
    return view["zone_place_id__level"].isin(["zone", "park"]) | view["zone_place_id"].isna()


for _table in ("enterprises", "projects"):

    @rule(
        "name-generic",
        _table,
        "name_zh",
        "the Chinese name {name_zh!r:|(none given)} or an alias ({aliases:|none given}) is a common noun, not a "
        "name (the lexicon lists such words): use the "
        "name a source gives this one, or leave it empty",
        reads=("aliases", "generic_names", "name_zh"),
        per_row=True,
    )
    def names_are_names(view: pd.DataFrame) -> pd.Series:
        """A name is not a common noun (互联网医院, the company)."""
        if "generic_names" not in view:  # a frame checked without the lexicon (tde.schema on a user's frame)
            return pd.Series(True, index=view.index)
        return each_row(
            view,
            ["name_zh", "aliases", "generic_names"],
            lambda name_zh, aliases, generic: not any(fold(n) in generic for n in names_of(name_zh, aliases)),
        )


# --- the subject of a figure, named in its source -------------------------------------------------------------

SUBJECT_NAMES = tuple(
    f"{column}.{name}" for column in SUBJECT_COLUMNS.values() for name in ("name", "name_zh", "aliases")
)


@rule(
    "subject-not-named",
    "indicators",
    "place_id",
    "the archived text of {source_id} never names the subject of this figure "
    "({place_id+enterprise_id+project_id:given}) by its name, Chinese name or an alias: check that the figure is "
    "about it, or add the name the source uses to the subject's aliases",
    needs_archive=True,
    needs=("source_id.archive_raw", *SUBJECT_NAMES),
    reads=(),
    per_row=True,
)
def subject_named_in_source(view: pd.DataFrame) -> pd.Series:
    """The source's text names the figure's subject (name, Chinese name or alias)."""
    name_columns = [f"{c}__{n}" for c in SUBJECT_COLUMNS.values() for n in ("name", "name_zh", "aliases")]
    names = [view[c] if c in view else pd.Series(pd.NA, index=view.index) for c in name_columns]
    named = pd.DataFrame({"text": view["source_id__archive_raw"], **{f"name{k}": n for k, n in enumerate(names)}})

    def passes(text: object, *given: object) -> bool:
        listed = names_of(*given)
        return not isinstance(text, str) or not listed or names_in(text, listed)  # Latin names as whole words

    return each_row(named, list(named.columns), passes)
