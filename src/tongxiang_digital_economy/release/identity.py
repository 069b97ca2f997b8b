"""What a released id names, kept with the release, and the check that no current row gives it to something else.

Users cite a figure by its `observation_id` (and an enterprise, project, event, place or source by its id): once
released, an id names one thing forever. A fingerprint's row hash cannot tell a corrected row from a reused id
(both are "changed"), so each release record also keeps, per id, what it names: its identity columns (IDENTITY).
A current row that holds a released id must name the same thing (reuse.py checks it).

A table left out of IDENTITY has a natural key (a unit code, an indicator name, a lexicon term): the key is what
the row names, so there is nothing more to keep.
"""

from __future__ import annotations

from typing import Any

from ..core.exceptions import ReleaseError
from .fingerprint import Snapshot

# Per table, the columns that say what an id names. For a figure: what it measures, of whom, in which edition, read
# from which source (never its value, period or passage, which a correction may change). For an entity: the name in
# the script of its texts (English names are renderings that get corrected), a source's address, an event's
# recurring event and first day.
IDENTITY: dict[str, tuple[str, ...]] = {
    "indicators": ("indicator", "place_id", "enterprise_id", "project_id", "event_id", "source_id"),
    "enterprises": ("name_zh",),
    "projects": ("name_zh",),
    "places": ("name_zh",),
    "events": ("project_id", "start"),
    "sources": ("url",),
}


# One id's identity is kept as one string, its columns' values joined by a tab (no id, name or address holds one),
# so that the record keeps one line per id like the row hashes: small, and its git diffs readable.
SEPARATOR = "\t"


def identities(side: Snapshot) -> dict[str, Any]:
    """Per table of IDENTITY: its identity columns and, per id, their values (what a release record keeps)."""
    if side.cells is None:
        raise ReleaseError(f"{side.label} has no cells to read identities from")
    out: dict[str, Any] = {}
    for table, rows in side.cells.items():
        fields = [f for f in IDENTITY.get(table, ()) if f in side.fingerprint["tables"][table]["fields"]]
        if not fields:
            continue
        kept = {}
        for key, row in rows.items():
            values = [row.get(f, "") for f in fields]
            if any(SEPARATOR in v for v in values):
                raise ReleaseError(f"{table}: {key} has a tab in {', '.join(fields)}; remove it before releasing")
            kept[key] = SEPARATOR.join(values)
        out[table] = {"fields": fields, "rows": kept}
    return out


def unpack(fields: list[str], kept: str) -> dict[str, str]:
    """A kept identity as column -> value."""
    values = kept.split(SEPARATOR)
    if len(values) != len(fields):
        raise ReleaseError(f"a release record's identity {kept!r} does not have the {len(fields)} columns it names")
    return dict(zip(fields, values, strict=True))
