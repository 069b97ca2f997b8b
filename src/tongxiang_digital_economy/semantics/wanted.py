"""Which of the views' costly readings the rules that run read: a reading no such rule reads is not made.

Why: each rule declares the view columns it reads (`Rule.reads`, with the joined `Rule.needs`: its registration
is the one declaration), and the views' readings (the quotes, the anchors, agreement, the roles, the fact clusters,
the entities' names) cost most of a validation. A run of some of the rules (a catch rate asks the rules that guard
one kind of corruption) made every reading anyway. Here each costly reading names the columns it makes, once, and
the views make it only when a rule to run reads one of them, or a reading that is made reads it (agreement and the
fact clusters read the quotes' `and_some` and `nearly`). A reading that makes a column it does not name here is a
bug said loudly where it is made (`Wanted.made`), never a column silently missing from a rule's view.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TypeVar

C = TypeVar("C", bound=Iterable[object])  # a frame (its column names) or a dict of columns by name

# reading -> (the table whose view it adds to, the columns it adds)
READINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "quotes": (
        "indicators",
        (
            "and_some", "evidence_cues", "nearly", "quote_cut", "read_numbers", "read_qualifiers", "read_range",
            "read_shape", "read_units", "unit_words_left", "unit_words_unread", "value_claim", "value_text_reading",
            "written_in",
        ),
    ),
    "places named": ("indicators", ("places_named", "places_named_text")),
    "agreement": ("indicators", ("conflict_with", "conflicting_ids")),
    "corroboration": ("indicators", ("corroborated_by", "corroborating_sources")),
    "entered twice": ("indicators", ("entered_twice", "entered_twice_ids")),
    "anchors": (
        "indicators",
        (
            "anchor", "anchor_year", "counted_as", "entity_names", "lead_cues", "own_cues", "period_reading",
            "places_beside", "places_beside_text", "scope_cues", "shadowing_forms", "subject_pairing", "text_date",
            "undated_cues", "written_with",
        ),
    ),
    "after a start": ("indicators", ("evidence_after_a_start",)),
    "editions named": ("indicators", ("period_editions", "period_editions_text")),
    "fact clusters": ("indicators", ("fact_cluster", "fact_cluster_ids")),
    "multiples": ("indicators", ("multiple_off_levels", "multiple_levels_ids")),
    "enterprises' names": (
        "enterprises",
        (
            "kept_apart_one_way", "kept_apart_unalike", "name_collision_ids", "name_collisions", "names_written",
            "near_duplicate_found", "near_duplicate_ids", "near_duplicates", "parent_cycle",
        ),
    ),
    "projects' names": (
        "projects",
        (
            "kept_apart_one_way", "kept_apart_unalike", "name_collision_ids", "name_collisions", "names_written",
            "near_duplicate_found", "near_duplicate_ids", "near_duplicates", "parent_cycle",
        ),
    ),
    "enterprises' names in texts": (
        "enterprises", ("name_in_texts", "name_sources", "name_zh_in_texts", "names_in_one_text"),
    ),
    "projects' names in texts": (
        "projects", ("name_in_texts", "name_sources", "name_zh_in_texts", "names_in_one_text"),
    ),
}  # fmt: skip
# The readings each reading reads (made first, and made whenever it is).
READ_BY: dict[str, tuple[str, ...]] = {"agreement": ("quotes",), "fact clusters": ("quotes",)}


class Wanted:
    """Which readings to make for rules that read `reads` (table -> the view columns its rules read; None: every
    reading, as for a caller that does not say which rules it runs)."""

    def __init__(self, reads: Mapping[str, Collection[str]] | None = None) -> None:
        self.reads = None if reads is None else {table: frozenset(columns) for table, columns in reads.items()}
        self.chosen = set(READINGS) if self.reads is None else self.closed(self.read_by_rules(self.reads))

    @staticmethod
    def read_by_rules(reads: Mapping[str, frozenset[str]]) -> set[str]:
        return {name for name, (table, columns) in READINGS.items() if reads.get(table, frozenset()) & set(columns)}

    @staticmethod
    def closed(chosen: set[str]) -> set[str]:
        """`chosen` with every reading a chosen reading reads."""
        todo = list(chosen)
        while todo:
            for other in READ_BY.get(todo.pop(), ()):
                if other not in chosen:
                    chosen.add(other)
                    todo.append(other)
        return chosen

    def __call__(self, reading: str) -> bool:
        """Whether to make `reading`."""
        return reading in self.chosen

    def made(self, reading: str, columns: C) -> C:
        """The columns `reading` made (a frame, or a dict by name), checked: raises where it made one READINGS does
        not name (a rule reading it would be given a view without it whenever the reading is not asked for)."""
        unnamed = sorted({str(c) for c in columns} - set(READINGS[reading][1]))
        if unnamed:
            raise RuntimeError(f"the {reading} reading made {unnamed}, which semantics/wanted.READINGS does not name")
        return columns
