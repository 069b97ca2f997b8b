"""What changed between two versions, and the bump it needs (Data Package Version recipe).

- major: a table or field is removed, renamed or retyped, a primary key changes, or rows disappear (or change id);
- minor: rows, fields or tables are added;
- patch: values are corrected, or metadata (descriptions, titles, licences) changes.

A diff between two sides with cells shows each changed cell old -> new; where one side has hashes only, a
changed row can only be called changed. `check_version` is the bump gate CI runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.exceptions import ReleaseError
from ..core.paths import printable
from ..core.report import count
from .columns import changed_fields
from .fingerprint import Snapshot, row_hash, snapshot
from .records import compared_releases, kept_releases, open_side, read_fingerprint
from .reuse import check_identities
from .versions import BUMPS, Bump, Version


@dataclass
class RowChange:
    key: str
    # field -> (old, new); None when one side is a fingerprint and only "changed" can be said.
    cells: dict[str, tuple[str, str]] | None
    # Without cells, the fields whose cells differ when the record keeps column hashes (columns.py); else empty.
    fields: list[str] = field(default_factory=list)

    def said(self) -> str:
        """What changed, without the values: the fields when known."""
        return f"changed in {', '.join(self.fields)}" if self.fields else "changed"


@dataclass
class TableDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def counts(self) -> str:
        parts = [
            f"{len(rows)} row{'s' if len(rows) != 1 else ''} {verb}"
            for rows, verb in ((self.added, "added"), (self.removed, "removed"), (self.changed, "changed"))
            if rows
        ]
        return ", ".join(parts)


@dataclass
class Diff:
    old: str
    new: str
    old_version: str
    new_version: str
    tables_added: list[str] = field(default_factory=list)
    tables_removed: list[str] = field(default_factory=list)
    fields_added: list[tuple[str, str, str]] = field(default_factory=list)
    fields_removed: list[tuple[str, str, str]] = field(default_factory=list)
    fields_retyped: list[tuple[str, str, str, str]] = field(default_factory=list)
    keys_changed: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    rows: dict[str, TableDiff] = field(default_factory=dict)
    schemas_changed: list[str] = field(default_factory=list)
    metadata_changed: bool = False
    # Why old -> new values cannot be shown (a side without cells), said once above the rows.
    notes: list[str] = field(default_factory=list)
    # A side that does not validate (a copy with bad cells, or a rule's error): its changes are edits to fix, not
    # corrections to release, and the text says so instead of naming a release (trial 6 r8). Set by `invalid_sides`.
    invalid: list[str] = field(default_factory=list)

    def reasons(self) -> list[tuple[Bump, str]]:
        """Each change with the bump it needs, largest first."""
        out: list[tuple[Bump, str]] = []
        out += [("major", f"table {t} removed") for t in self.tables_removed]
        out += [("major", f"field {t}.{f} removed") for t, f, _ in self.fields_removed]
        out += [("major", f"field {t}.{f} retyped {a} -> {b}") for t, f, a, b in self.fields_retyped]
        out += [("major", f"primary key of {t} changed {a} -> {b}") for t, a, b in self.keys_changed]
        for table, rows in self.rows.items():
            if rows.removed:
                out.append(("major", f"{table}: {len(rows.removed)} row{'s' if len(rows.removed) > 1 else ''} removed"))
        out += [("minor", f"table {t} added") for t in self.tables_added]
        out += [("minor", f"field {t}.{f} added") for t, f, _ in self.fields_added]
        for table, rows in self.rows.items():
            if rows.added:
                out.append(("minor", f"{table}: {len(rows.added)} row{'s' if len(rows.added) > 1 else ''} added"))
        for table, rows in self.rows.items():
            if rows.changed:
                n = len(rows.changed)
                out.append(("patch", f"{table}: {n} row{'s' if n > 1 else ''} changed"))
        out += [("patch", f"schema of {t} changed (descriptions or constraints)") for t in self.schemas_changed]
        if self.metadata_changed:
            out.append(("patch", "package metadata changed"))
        return sorted(out, key=lambda r: -BUMPS.index(r[0]))

    def why_needed(self) -> str:
        """The changes that need the bump, and a count of the smaller ones: what a version or a release refused as
        too small says (trial 19 m6: scripts/release listed every change, 55 in a 2,500-character line, where 4
        needed the major bump)."""
        reasons = self.reasons()
        needed = [text for bump, text in reasons if bump == self.bump]
        smaller = len(reasons) - len(needed)
        listing = " (`tongxiang-digital-economy diff` lists each)"
        return "; ".join(needed) + (f"; and {count(smaller, 'smaller change')}{listing}" if smaller else "")

    @property
    def bump(self) -> Bump:
        """The bump the change needs (Data Package Version recipe)."""
        reasons = self.reasons()
        return reasons[0][0] if reasons else "none"

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": {"label": self.old, "version": self.old_version},
            "new": {"label": self.new, "version": self.new_version},
            "bump": self.bump,
            "reasons": [{"bump": b, "change": text} for b, text in self.reasons()],
            "tables": {"added": self.tables_added, "removed": self.tables_removed},
            "fields": {
                "added": [{"table": t, "field": f, "type": ty} for t, f, ty in self.fields_added],
                "removed": [{"table": t, "field": f, "type": ty} for t, f, ty in self.fields_removed],
                "retyped": [{"table": t, "field": f, "old": a, "new": b} for t, f, a, b in self.fields_retyped],
            },
            "primary_keys": [{"table": t, "old": a, "new": b} for t, a, b in self.keys_changed],
            "rows": {
                table: {
                    "added": rows.added,
                    "removed": rows.removed,
                    "changed": [
                        {"key": c.key, "cells": None, "fields": c.fields}
                        if c.cells is None
                        else {"key": c.key, "cells": {f: {"old": a, "new": b} for f, (a, b) in c.cells.items()}}
                        for c in rows.changed
                    ],
                }
                for table, rows in self.rows.items()
                if rows
            },
            "schemas_changed": self.schemas_changed,
            "metadata_changed": self.metadata_changed,
            "notes": self.notes,
            "invalid": self.invalid,
        }

    def rows_changed(self) -> bool:
        return any(rows.changed for rows in self.rows.values())

    def heading(self) -> str:
        bump = "no" if self.bump == "none" else f"a {self.bump}"
        return f"{self.old} -> {self.new}: {bump} bump needed"

    def to_text(self) -> str:
        lines = [self.heading(), *(f"note: {n}" for n in self.notes if self.rows_changed())]
        lines += [f"not a release: {n}" for n in self.invalid]
        if not self.reasons():
            return lines[0] + "\nno change"
        lines += [f"  {b}: {text}" for b, text in self.reasons()]
        for table, rows in self.rows.items():
            if not rows:
                continue
            lines.append(f"{table}: {rows.counts()}")
            lines += [f"  + {key}" for key in rows.added]
            lines += [f"  - {key}" for key in rows.removed]
            for change in rows.changed:
                if change.cells is None:
                    lines.append(f"  ~ {change.key}: {change.said()}")
                else:
                    cells = "; ".join(f"{f}: {a!r} -> {b!r}" for f, (a, b) in change.cells.items())
                    lines.append(f"  ~ {change.key}: {cells}")
        return "\n".join(lines)

    def to_markdown(self, level: int = 3) -> str:
        """The change as Markdown, for the changelog and the release notes."""
        h = "#" * level
        if not self.reasons():
            return f"{h} Data changes since {self.old_version}\n\nNone."
        lines = [f"{h} Data changes since {self.old_version}", ""]
        if self.rows_changed():
            lines += [line for n in self.notes for line in (f"Note: {n}.", "")]
        lines += [line for n in self.invalid for line in (f"Not a release: {n}.", "")]
        if not self.invalid:
            lines += [f"A {self.bump} release by the Data Package Version recipe:", ""]
        lines += [f"- {text}" for _, text in self.reasons()]
        for table, rows in self.rows.items():
            if not rows:
                continue
            lines += ["", f"`{table}`:", ""]
            lines += [f"- added `{key}`" for key in rows.added]
            lines += [f"- removed `{key}`" for key in rows.removed]
            for change in rows.changed:
                if change.cells is None:
                    fields = f" (in {', '.join(f'`{f}`' for f in change.fields)})" if change.fields else ""
                    lines.append(f"- changed `{change.key}`{fields}")
                else:
                    cells = "; ".join(f"{f} `{md(a)}` → `{md(b)}`" for f, (a, b) in change.cells.items())
                    lines.append(f"- {'changed' if self.invalid else 'corrected'} `{change.key}`: {cells}")
        return "\n".join(lines)


def invalid_sides(change: Diff, sides: list[str | Path | None]) -> Diff:
    """Mark the sides of `change` that are package folders `validate` rejects: what they changed is no correction a
    release can carry until `validate` passes. The verdict and the count are `validate`'s own (the same function,
    every layer but the archive's, which `diff` is not given): trial 14 m11 found a copy with only rule errors (a
    row with invented evidence, an events date typo) given no note, as only cells and keys were checked. Kept
    releases are not checked."""
    from ..semantics.validation import validate

    for side in sides:
        folder = Path(side) if side is not None else None
        if folder is None or not (folder.is_dir() or folder.name == "datapackage.json"):
            continue
        report = validate(folder.parent if folder.name == "datapackage.json" else folder)
        if not report.valid:
            first = report.first_error()
            assert first is not None  # an invalid report has an error
            change.invalid.append(
                f"{printable(folder)} does not validate ({count(len(report.errors), 'error')}; first: "
                f"{first.location()}: {first.message}), so its changes are edits to fix, not corrections; "
                f"`validate --package {printable(folder)}` lists them"
            )
    return change


def md(text: str) -> str:
    """Text safe inside a Markdown code span on one line."""
    return text.replace("`", "'").replace("\n", " ")


def diff(old: Snapshot, new: Snapshot) -> Diff:
    """What changed from `old` to `new`, and the bump it needs."""
    a, b = old.fingerprint["tables"], new.fingerprint["tables"]
    out = Diff(old.label, new.label, old.version, new.version)
    out.notes = [side.missing for side in (old, new) if side.missing]
    out.tables_added = [t for t in b if t not in a]
    out.tables_removed = [t for t in a if t not in b]
    out.metadata_changed = old.fingerprint.get("metadata") != new.fingerprint.get("metadata")
    for table in (t for t in b if t in a):
        ta, tb = a[table], b[table]
        fa, fb = ta["fields"], tb["fields"]
        out.fields_added += [(table, f, fb[f]) for f in fb if f not in fa]
        out.fields_removed += [(table, f, fa[f]) for f in fa if f not in fb]
        out.fields_retyped += [(table, f, fa[f], fb[f]) for f in fb if f in fa and fa[f] != fb[f]]
        if ta["primaryKey"] != tb["primaryKey"]:
            out.keys_changed.append((table, ta["primaryKey"], tb["primaryKey"]))
            continue  # rows keyed differently cannot be matched; the key change already needs a major release
        structural = any(t == table for t, *_ in out.fields_added + out.fields_removed + out.fields_retyped)
        if ta["schema"] != tb["schema"] and not structural:
            out.schemas_changed.append(table)
        common = [f for f in fb if f in fa]
        by_cell = None if old.cells is not None and new.cells is not None else changed_fields(old, new, table, common)
        if by_cell is not None:
            out.rows[table] = TableDiff(
                added=[k for k in tb["rows"] if k not in ta["rows"]],
                removed=[k for k in ta["rows"] if k not in tb["rows"]],
                changed=[RowChange(key, None, fields) for key, fields in by_cell.items()],
            )
            continue
        a_rows, b_rows = hashes_over(table, ta, old, new, fb), hashes_over(table, tb, new, old, fa)
        out.rows[table] = table_diff(table, a_rows, b_rows, old, new, common=common)
        out.notes += unseparated(table, out.rows[table], old, new, fa, fb)
    return out


def unseparated(
    table: str, rows: TableDiff, old: Snapshot, new: Snapshot, fa: dict[str, str], fb: dict[str, str]
) -> list[str]:
    """Where one side has hashes only and a field it holds is gone from the other, that field's cells are in
    its row hashes and cannot be taken out: say that the table's changed rows may include rows whose only change
    is that field (a field only added is taken out by `hashes_over`, so counts agree with a clone's)."""
    hashed = fa if old.cells is None else fb if new.cells is None else {}
    gone = [f for f in hashed if f not in (fb if hashed is fa else fa)]
    if not gone or not rows.changed:
        return []
    named = ", ".join(f"{table}.{f}" for f in gone)
    return [
        f"the {count(len(rows.changed), f'{table} row')} counted changed may include rows whose only change is in "
        f"{named}, a field removed since (its cells are in the release's row hashes)"
    ]


def hashes_over(
    table: str, kept: dict[str, Any], side: Snapshot, other: Snapshot, other_fields: dict[str, str]
) -> dict[str, str]:
    """A side's row hashes as the other side can compare them: where the other side has hashes only, over the
    fields both sides have, so that a row whose only difference is a field added (empty or filled) or removed
    since is not a changed value: the field change is reported once, as with cells (trial 11 W6: a clone without
    history had counted 727 indicators rows "changed" for 177). A side with hashes only keeps its own, and so
    does each side when both have cells (`table_diff` then compares the common fields cell by cell)."""
    if side.cells is None or other.cells is not None or set(kept["fields"]) <= set(other_fields):
        return dict(kept["rows"])
    return {
        key: row_hash({f: v for f, v in row.items() if f in other_fields}) for key, row in side.cells[table].items()
    }


def table_diff(
    table: str, a: dict[str, str], b: dict[str, str], old: Snapshot, new: Snapshot, common: list[str]
) -> TableDiff:
    result = TableDiff(added=[k for k in b if k not in a], removed=[k for k in a if k not in b])
    for key in (k for k in b if k in a and a[k] != b[k]):
        if old.cells is None or new.cells is None:
            result.changed.append(RowChange(key, None))
            continue
        ra, rb = old.cells[table][key], new.cells[table][key]
        cells = {f: (ra.get(f, ""), rb.get(f, "")) for f in common if ra.get(f, "") != rb.get(f, "")}
        if cells:
            result.changed.append(RowChange(key, cells))
        # else: only a cell of an added or removed field differs, which the field change already reports
    return result


def compare(old: str | Path | None, new: str | Path | None, releases: Path | None = None) -> Diff:
    """diff OLD NEW, each a package folder, a datapackage.json, a fingerprint file or a kept release version (None:
    the installed package); a folder side that does not validate is marked so (`invalid_sides`)."""
    return invalid_sides(diff(open_side(old, releases), open_side(new, releases)), [old, new])


# The bump gate.


def check_version(path: str | Path | None = None) -> str:
    """Pass (returning what was checked) when the declared version is large enough for the change since the last
    kept release and no released id names something else now; raise ReleaseError naming the bump needed, or
    each reused id, otherwise.
    """
    current = snapshot(path)
    declared = Version.parse(current.version)
    folder = compared_releases(path)
    kept = kept_releases(folder)
    if not kept:
        return f"version {declared}: no release is kept yet, so there is nothing to compare with"
    check_identities(path, folder)  # a released id now naming something else fails whatever the version says
    last = kept[-1]
    change = diff(read_fingerprint(folder / f"{last}.json"), current)
    needed, declared_bump = change.bump, declared.bump_from(last)
    if declared < last:
        raise ReleaseError(f"version {declared} is below the last release {last}; set a version above it")
    if BUMPS.index(declared_bump) >= BUMPS.index(needed):
        if needed == "none":
            return f"version {declared}: no change since release {last}"
        return f"version {declared}: a {declared_bump} bump from release {last} covers the change ({needed} needed)"
    why = change.why_needed()
    wanted = f"{last.bumped(needed)}.dev0"
    if declared_bump == "none":
        raise ReleaseError(
            f"the package changed since release {last} but its version {declared} is not above it: "
            f"the change needs a {needed} bump ({why}); set the version to {wanted}"
        )
    raise ReleaseError(
        f"version {declared} is a {declared_bump} bump from release {last}, but the change needs a {needed} bump "
        f"({why}); set the version to {wanted}"
    )
