"""Column hashes: one short hash per cell of a released row, so a diff without the release's cells can still
compare rows over the columns both sides have.

A row hash covers the whole row: when a field is removed after a release, every row that held a value there hashes
differently, and a diff without history (a shallow clone, a wheel) cannot tell those rows from corrected ones
(trial 11: projects counted 37 changed for 20, the removed `enterprise_id` baked into 1.0.0's row hashes). With a
hash per cell, a row is changed when a cell of a field both sides hold differs, whatever was added or removed.

Hashes, not values: for 1.0.0 the hashes add 267 kB to the record (71 kB compressed, as git and the wheel keep it)
where the rows' values would add 760 kB (145 kB compressed); a record keeps the means to compare, while the cells
themselves stay in git (records.py reads them back for old -> new where the history is there). A cell hash is 32
bits: a changed cell passes for unchanged once in four billion. An empty cell is kept as an empty string.
"""

from __future__ import annotations

from typing import Any

from ..core.exceptions import ReleaseError
from .fingerprint import Snapshot, digest

CELL_HASH_LENGTH = 8
# A row's cell hashes are kept as one string in the order of the table's `fields` list (one line per row, like
# the row hashes: the record's git diffs stay readable). A hash has no space, so split(SEPARATOR) gives them back.
SEPARATOR = " "


def cell_hash(value: str) -> str:
    """A cell's short hash; an empty cell is the empty string (no value to tell apart)."""
    return digest(value)[:CELL_HASH_LENGTH] if value != "" else ""


def column_hashes(side: Snapshot) -> dict[str, Any]:
    """Per table: its fields (sorted) and, per row key, the cells' hashes in that order (what a record keeps)."""
    tables = side.fingerprint["tables"]
    out: dict[str, Any] = {}
    for table, rows in (side.cells or {}).items():
        fields = sorted(tables[table]["fields"])
        out[table] = {
            "fields": fields,
            "rows": {key: SEPARATOR.join(cell_hash(row.get(f, "")) for f in fields) for key, row in rows.items()},
        }
    return out


def cells_hashed(side: Snapshot, table: str, fields: list[str]) -> dict[str, tuple[str, ...]] | None:
    """Per row key, the hashes of `fields`' cells: computed from the side's cells, else read from the column
    hashes its record keeps; None when it has neither (a record written before they were kept)."""
    if side.cells is not None:
        return {key: tuple(cell_hash(row.get(f, "")) for f in fields) for key, row in side.cells[table].items()}
    kept = side.fingerprint.get("column_hashes", {}).get(table)
    if not isinstance(kept, dict) or not set(fields) <= set(kept.get("fields", ())):
        return None
    where = [kept["fields"].index(f) for f in fields]
    out = {}
    for key, line in kept["rows"].items():
        hashes = str(line).split(SEPARATOR)
        if len(hashes) != len(kept["fields"]):
            raise ReleaseError(
                f"{side.label}: the column hashes of {table} row {key} are not the {len(kept['fields'])} it names"
            )
        out[key] = tuple(hashes[i] for i in where)
    return out


def changed_fields(old: Snapshot, new: Snapshot, table: str, common: list[str]) -> dict[str, list[str]] | None:
    """Per key both sides hold, the common fields whose cells differ (keys with none left out); None when a side
    keeps no column hashes for the table, and the caller falls back to row hashes."""
    a, b = cells_hashed(old, table, common), cells_hashed(new, table, common)
    if a is None or b is None:
        return None
    out = {}
    for key in (k for k in b if k in a and a[k] != b[k]):
        out[key] = [f for f, x, y in zip(common, a[key], b[key], strict=True) if x != y]
    return out
