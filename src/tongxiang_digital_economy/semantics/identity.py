"""Identity readings across tables, computed once per validation and added to the tables' views.

Why: whether a name is also another entity's (or a place's), whether two rows are one entity written two ways,
whether a parent chain loops, and which figures of different sources state one value of one subject: each needs
every row of several tables at once, which a rule (reading one table's view) cannot see. The rules in
rules/identity.py only read the columns added here.

This module declares what each reading reads and adds the readings to the views (identity_columns); the readings
are modules of their own: semantics/entity_names.py (names against each other, parent cycles),
semantics/name_texts.py (names against the texts that give them), semantics/fact_clusters.py (one fact filed
under several indicators or periods) and semantics/level_multiples.py (a multiple against its levels).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .answers import kept_reading
from .claims import period_words
from .entity_names import ENTITY_TABLES, entity_columns, in_cycle, parents
from .fact_clusters import cluster_key, fact_clusters
from .kept_groups import kept_in_groups
from .level_multiples import multiples_against_levels
from .name_texts import kept_name_text_columns
from .wanted import Wanted

# The columns of the indicators view fact_clusters and multiples_against_levels read: they run on it restricted to
# these (tests/test_kept_answers.py traces them), and the reference tables restricted to CLUSTER_TABLE_READS.
CLUSTER_READS = (
    "and_some", "base_unit", "enterprise_id", "indicator", "nearly", "observation_id", "period_basis", "period_end",
    "period_start", "period_text", "place_id", "project_id", "qualifier", "source_id", "status", "unit", "value",
    "value_base", "value_upper",
)  # fmt: skip
# What the entity readings read of each table (traced likewise): an edit of another column (a description, an
# event's dates) reads no names again.
ENTITY_READS: dict[str, tuple[str, ...] | None] = {
    "places": ("aliases", "legal_name", "name", "name_zh", "place_id"),  # legal_name: asked with `in`
    "enterprises": (
        "aliases", "enterprise_id", "kept_apart_from", "legal_name", "name", "name_origin", "name_zh", "parent_id",
    ),
    "projects": (
        "aliases", "kept_apart_from", "legal_name", "name", "name_origin", "name_zh", "parent_id", "project_id",
        "zone_place_id",
    ),
    "events": ("aliases", "event_id", "legal_name", "name", "name_zh", "project_id"),
    "lexicon": ("category", "term"),
}  # fmt: skip
# What fact clusters read of the sources and the definitions (traced likewise).
CLUSTER_TABLE_READS: dict[str, tuple[str, ...]] = {
    "sources": (
        "grade", "original_grade", "original_published", "published", "source_id", "written_after", "written_before",
    ),
    "indicator_definitions": ("indicator", "temporal"),
}  # fmt: skip
MULTIPLE_READS = (
    "enterprise_id", "indicator", "period_end", "period_start", "place_id", "project_id", "qualifier",
    "source_id", "status", "value", "value_text", "observation_id",
)  # fmt: skip


def identity_columns(
    frames: dict[str, pd.DataFrame],
    derived: dict[str, pd.DataFrame],
    grades: Sequence[str] = (),
    wanted: Wanted | None = None,
) -> dict[str, pd.DataFrame]:
    """The derived tables with the identity readings added (tables that are not loaded are left alone); `grades`
    as fact_clusters reads them; `wanted`: the readings the rules to run read (semantics/wanted.py; None: all)."""
    wanted = Wanted() if wanted is None else wanted
    out = dict(derived)
    for table in ENTITY_TABLES:
        if table in derived and wanted(f"{table}' names"):
            found = kept_reading(
                ("entities", table),
                [(frames.get(t), ENTITY_READS[t]) for t in ENTITY_READS],
                lambda *read, table=table: entity_columns(
                    {t: f for t, f in zip(ENTITY_READS, read, strict=True) if f is not None}, table
                ),
            )
            out[table] = derived[table].assign(**wanted.made(f"{table}' names", found))
    if "places" in derived and "parent_id" in derived["places"]:
        places = derived["places"]
        parent_of = parents(places, "place_id")
        cycles = [isinstance(p, str) and in_cycle(p, parent_of) for p in places["place_id"]]
        out["places"] = places.assign(parent_cycle=pd.Series(cycles, index=places.index, dtype=bool))
    if "sources" in derived and "archive_raw" in derived["sources"]:
        for table in ENTITY_TABLES:
            if table in out and wanted(f"{table}' names in texts"):
                named = kept_name_text_columns(frames, derived["sources"], table)
                out[table] = out[table].assign(**wanted.made(f"{table}' names in texts", named))
    if "indicators" in derived and wanted("fact clusters"):
        # Both read every row of the indicators at once: kept by the content of the columns they read, so a second
        # validation after an edit no reading reads (a note) does not redo them (answers.kept_reading).
        clusters = kept_reading(
            ("fact clusters", tuple(grades)),
            [
                (derived["indicators"], CLUSTER_READS),
                (frames.get("sources"), CLUSTER_TABLE_READS["sources"]),
                (frames.get("indicator_definitions"), CLUSTER_TABLE_READS["indicator_definitions"]),
                (frames.get("lexicon"), ("term", "category", "meaning")),  # the text's own day (目前): PeriodWords
            ],
            # A cluster is of one fact's figures: an edited row's fact (its old and new one) is read again.
            lambda indicators, *tables: kept_in_groups(
                ("fact clusters", tuple(grades)),
                indicators,
                CLUSTER_READS,
                cluster_key,
                tables,
                lambda part, sources, definitions, lexicon: fact_clusters(
                    part, sources, definitions, grades, period_words(lexicon)
                ),
            ),
        )
        clusters = wanted.made("fact clusters", clusters)
        out["indicators"] = out["indicators"].assign(
            fact_cluster=clusters["fact_cluster"], fact_cluster_ids=clusters["fact_cluster_ids"]
        )
    if "indicators" in derived and wanted("multiples"):
        # The lexicon's `and_some` words (300多 is 300 to 400: written_bounds), kept by their content alone.
        lexicon = frames.get("lexicon")
        if lexicon is not None and "category" in lexicon:
            lexicon = lexicon[lexicon["category"] == "and_some"]
        levels = kept_reading(
            "multiples",
            [(derived["indicators"], MULTIPLE_READS), (lexicon, ("term", "category", "meaning"))],
            multiples_against_levels,
        )
        levels = wanted.made("multiples", levels)
        out["indicators"] = out["indicators"].assign(
            multiple_off_levels=levels["multiple_off_levels"], multiple_levels_ids=levels["multiple_levels_ids"]
        )
    return out
