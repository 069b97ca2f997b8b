"""The check that no current row holds a released id for something else (what identity.py keeps per release).

A current row holding a released id may name the same thing more exactly: a column empty in the release and
filled now (an edition linked), a month made a day ("2018-11" -> "2018-11-09"), a subject moved to one of its
parts (a project to its sub-project, by the referenced table's `parent_id`). Anything else is a reuse, unless it
is a correction of the same thing that a maintainer has listed, with the reason, in
releases/identity-corrections.csv (CORRECTIONS): a figure re-filed under the indicator that means it, a company row
that no longer stands for a second company. The check is run by `check-version` (so by scripts/check in CI) and
by scripts/release, wherever releases/ is.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from ..core.exceptions import ReleaseError, ReusedIdsError
from ..core.paths import package_dir
from ..schema.descriptor import read_descriptor, table_schema
from ..schema.keys import foreign_keys
from .fingerprint import Snapshot, snapshot
from .identity import unpack
from .records import compared_releases, kept_releases, read_fingerprint

CORRECTIONS = "identity-corrections.csv"
CORRECTION_FIELDS = ("table", "id", "release", "field", "released", "current", "why")
# A released month or year that the current value makes more exact (a day within it).
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


@dataclass(frozen=True)
class Reuse:
    """A current row holding a released id that named something else."""

    table: str
    key: str
    release: str
    released: dict[str, str]
    current: dict[str, str]

    def message(self) -> str:
        return (
            f"{self.table}: {self.key} named {shown(self.released, self.current)} in release {self.release} but now "
            f"names {shown(self.current, self.released)}: an id names one thing forever, so give this row an id never "
            f"used (a figure: its source's next unused number), or list a correction of the same thing in "
            f"releases/{CORRECTIONS}"
        )


def shown(identity: dict[str, str], other: dict[str, str]) -> str:
    """The identity's columns that have a value, and those empty here that the other side fills."""
    return "(" + ", ".join(f"{f}={v!r}" for f, v in identity.items() if v or other.get(f)) + ")"


def read_corrections(folder: Path) -> set[tuple[str, ...]]:
    """The listed corrections, each (table, id, release, field, released, current)."""
    file = folder / CORRECTIONS
    if not file.is_file():
        return set()
    with file.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != CORRECTION_FIELDS:
            raise ReleaseError(f"{file} must have the columns {', '.join(CORRECTION_FIELDS)}")
        rows = list(reader)
    for number, row in enumerate(rows, start=2):
        if not row["why"].strip():
            raise ReleaseError(f"{file}, row {number}: a correction says why (the column `why` is empty)")
    return {tuple(row[f] for f in CORRECTION_FIELDS[:-1]) for row in rows}


def parents(path: Path | None, side: Snapshot) -> dict[str, dict[str, str]]:
    """identity column -> (id -> its parent's id) for columns referencing a table with a parent link of its own.

    Read from the Table Schemas' foreignKeys: a column referencing table T, where T has a foreign key into
    itself (its `parent_id`)."""
    assert side.cells is not None
    base = package_dir(path)
    descriptor = read_descriptor(base)
    schemas = {res["name"]: table_schema(base, res) for res in descriptor["resources"]}
    self_links = {
        table: fk.fields[0]
        for table, schema in schemas.items()
        for fk in foreign_keys(schema)
        if fk.resource == "" and len(fk.fields) == 1
    }
    out: dict[str, dict[str, str]] = {}
    for schema in schemas.values():
        for fk in foreign_keys(schema):
            target = fk.resource
            if len(fk.fields) == 1 and target in self_links and target in side.cells:
                link = self_links[target]
                out[fk.fields[0]] = {key: row.get(link, "") for key, row in side.cells[target].items()}
    return out


def extends(field: str, released: str, current: str, up: dict[str, dict[str, str]]) -> bool:
    """True when `current` names what `released` named, more exactly (see the module docstring)."""
    if released in ("", current):
        return True
    if PARTIAL_DATE.match(released) and current.startswith(released + "-"):
        return True
    seen: set[str] = set()
    node = up.get(field, {}).get(current, "")
    while node and node not in seen:  # a cycle is the parent rule's to report, not a loop here
        if node == released:
            return True
        seen.add(node)
        node = up[field].get(node, "")
    return False


def reused_ids(path: str | Path | None = None, folder: Path | None = None) -> list[Reuse]:
    """Every current row holding a released id that named something else, checked against the newest kept
    release holding the id (a later release's record settles a listed correction of an earlier one)."""
    base = Path(path) if path is not None else None
    current = snapshot(base)
    assert current.cells is not None
    folder = folder if folder is not None else compared_releases(base)
    corrections = read_corrections(folder)
    up = parents(base, current)
    found: list[Reuse] = []
    settled: set[tuple[str, str]] = set()
    for version in reversed(kept_releases(folder)):
        record = read_fingerprint(folder / f"{version}.json").fingerprint.get("identity")
        if not isinstance(record, dict):
            continue
        for table, kept in record.items():
            rows = current.cells.get(table)
            if rows is None:
                continue  # a removed table is the bump gate's (a major change), not a reuse
            fields = [str(f) for f in kept["fields"]]
            for key, values in kept["rows"].items():
                if key not in rows or (table, key) in settled:
                    continue
                settled.add((table, key))
                released = unpack(fields, str(values))
                now = {f: rows[key].get(f, "") for f in fields}
                wrong = [
                    f
                    for f in fields
                    if not extends(f, released[f], now[f], up)
                    and (table, key, str(version), f, released[f], now[f]) not in corrections
                ]
                if wrong:
                    found.append(Reuse(table, key, str(version), released, now))
    return found


def check_identities(path: str | Path | None = None, folder: Path | None = None) -> None:
    """Raise ReleaseError naming every reused id (see reused_ids)."""
    reuses = reused_ids(path, folder)
    if reuses:
        raise ReusedIdsError("\n".join(r.message() for r in reuses))
