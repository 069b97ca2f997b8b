"""The views' derived columns traced back to the row's own fields they come from, and those that list other rows.

Why this exists: a rule reading a derived column is held back, like a rule reading the field itself, where the
reader refused that field's cell (rule_problems.inputs_of); a listing column is bounded where it is made.
"""

from __future__ import annotations

from .agreement import SAME_THING

# Derived columns and the row's own fields they come from: a rule reading one is held back, like a rule reading
# the field itself, where the reader refused that field's cell (rule_problems.inputs_of).
CLAIM = ("value", "value_upper", "value_denominator", "qualifier", "unit")
# What the roles read besides (semantics.roles): the ranking's source and date, restatements' words, editions.
ROLE_FIELDS = ("source_id", "observation_id", "value_text", "period_basis", "period_text", "event_id")
DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "value_text_reading": ("value_text",),
    "read_numbers": ("value_text",),
    "read_qualifiers": ("value_text",),
    "read_range": ("value_text",),
    "read_shape": ("value_text",),
    "value_claim": ("value", "value_upper", "value_denominator"),
    "read_units": ("value_text", "unit"),
    "written_in": ("value_text", "unit"),
    "unit_words_left": ("value_text", "unit"),
    "unit_words_unread": ("value_text", "unit"),
    "quote_cut": ("value_text", "evidence"),
    "evidence_cues": ("evidence",),
    "places_named": ("evidence",),
    "places_named_text": ("evidence",),
    "value_base": ("value", "unit", "value_denominator"),
    "base_unit": ("unit",),
    "conflict_with": (*SAME_THING, *CLAIM, "value_text", "observation_id"),
    "conflicting_ids": (*SAME_THING, *CLAIM, "observation_id"),
    "corroborated_by": (*SAME_THING, *CLAIM, *ROLE_FIELDS),
    "corroborating_sources": (*SAME_THING, *CLAIM, *ROLE_FIELDS),
    "entered_twice": (*SAME_THING, *CLAIM, "source_id", "evidence", "event_id", "observation_id"),
    "entered_twice_ids": (*SAME_THING, *CLAIM, "source_id", "evidence", "event_id", "observation_id"),
    "fact_cluster": (*SAME_THING, *CLAIM, "source_id", "observation_id"),
    "fact_cluster_ids": (*SAME_THING, *CLAIM, "source_id", "observation_id"),
    "multiple_off_levels": (*SAME_THING, *CLAIM, "source_id", "value_text"),
    "multiple_levels_ids": (*SAME_THING, *CLAIM, "source_id"),
    "generic_names": (),
    "not_subject_words": (),
    "dating_words": (),
    "span_start_words": (),
    "place_words": (),
    "length_words": (),
    "run_words": (),
    "evidence_after_a_start": ("evidence",),
    "period_editions": ("period_text", "project_id"),
    "period_editions_text": ("period_text", "project_id"),
    "name_sources": ("source_id", "name_zh_source_id"),
    "name_in_texts": ("name", "source_id", "name_zh_source_id"),
    "name_zh_in_texts": ("name_zh", "source_id", "name_zh_source_id"),
    "names_in_one_text": ("name", "name_zh", "source_id", "name_zh_source_id"),
    "part_names": ("parent_id", "name", "name_zh", "aliases"),
    "archive_present": ("archive_file",),
    "archive_sha256_actual": ("archive_file",),
    "archive_raw": ("archive_file",),
    "archive_text": ("archive_file",),
    "published_earliest": ("published",),
    "published_latest": ("published",),
    "published_days": ("published", "published_basis", "original_published", "original_published_text", "archive_file"),
    "written_after_days": ("written_after_text", "published", "original_published"),
    "written_before_days": ("written_before_text", "published", "original_published"),
    "written_before_cued": ("written_before_text",),
    "original_published_days": ("original_published_text", "published", "original_published"),
    "original_published_forward": ("original_published_text", "original_published"),
}
# Columns that list other rows: bounded where they are made, so messages quote them whole (their complete ids
# are the rule's `related` column, carried whole by the Problem).
LISTINGS = frozenset(
    {
        "conflict_with",
        "corroborated_by",
        "entered_twice",
        "places_named_text",
        "fact_cluster",
        "name_collisions",
        "near_duplicates",
        "near_duplicate_found",
        "multiple_off_levels",
        "name_sources",
    }
)
