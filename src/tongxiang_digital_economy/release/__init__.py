"""Releases: what a version holds (a fingerprint), what changed between two (a diff), and the bump it needs.

Users pin and cite an exact release, so a release must name one dataset and a change must name its size. The
Data Package Version recipe says how a change to data maps onto semantic versioning:

- major: a table or field is removed, renamed or retyped, a primary key changes, or rows disappear (or change id);
- minor: rows, fields or tables are added;
- patch: values are corrected, or metadata (descriptions, titles, licences) changes.

A fingerprint is what the repository keeps of each release (`releases/<version>.json`): per table, the primary
key, the field types, a hash of the Table Schema and one short hash per row keyed by its primary key; and a hash
of the descriptor's metadata. It is small, so from a fresh clone CI can compare the package with the last release
and fail when the declared version is too small for the change (`check_version`). A diff between two packages
shows each changed cell old -> new; where one side is a fingerprint, a changed row can only be called changed.

Everything here reads the CSV files as text with the standard library: the column names and keys come from the
Table Schemas, never from this module, so tables and columns added later are handled without change.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..core.exceptions import LoadError, ReleaseError, TDEError
from ..core.paths import DESCRIPTOR, package_dir
from ..io.atomic import write_json
from ..io.rows import read_rows as text_rows
from ..schema.descriptor import read_descriptor, read_json, resource_path, table_schema
from ..schema.keys import primary_key

Bump = Literal["none", "patch", "minor", "major"]
BUMPS: tuple[Bump, ...] = ("none", "patch", "minor", "major")
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:\.dev(\d+))?$")
FINGERPRINT_FORMAT = 1
RELEASES = "releases"
# Per-row hashes are cut to 64 bits: enough to tell a changed row among a few thousand, small enough to keep.
ROW_HASH_LENGTH = 16
# Descriptor keys that change with every release or every edit of a CSV file, so are not "metadata changes".
VOLATILE_KEYS = ("version", "created")
VOLATILE_RESOURCE_KEYS = ("bytes", "hash")


# --- Versions -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Version:
    """A version as the project writes it: X.Y.Z for a release, X.Y.Z.devN for the work towards X.Y.Z."""

    major: int
    minor: int
    patch: int
    # A development version sorts before its release: 1.0.0.dev0 < 1.0.0 (PEP 440).
    dev_rank: float = float("inf")

    @classmethod
    def parse(cls, text: object) -> Version:
        match = VERSION.match(text) if isinstance(text, str) else None
        if match is None:
            raise ReleaseError(
                f"version {text!r} is not X.Y.Z (a release) or X.Y.Z.devN (work towards X.Y.Z); "
                "set datapackage.json's `version` to one"
            )
        major, minor, patch, dev = match.groups()
        return cls(int(major), int(minor), int(patch), float("inf") if dev is None else int(dev))

    @property
    def is_dev(self) -> bool:
        return self.dev_rank != float("inf")

    @property
    def release(self) -> Version:
        """The release this version is or leads to (1.0.1.dev0 -> 1.0.1)."""
        return Version(self.major, self.minor, self.patch)

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        return text if not self.is_dev else f"{text}.dev{int(self.dev_rank)}"

    def bumped(self, level: Bump) -> Version:
        """The next release of the given level (patch 1.0.0 -> 1.0.1, minor -> 1.1.0, major -> 2.0.0)."""
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        if level == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        return self.release

    def bump_from(self, old: Version) -> Bump:
        """How far the release this version leads to is above `old`: none when it is not above it."""
        new = self.release
        if new <= old.release:
            return "none"
        if new.major != old.major:
            return "major"
        return "minor" if new.minor != old.minor else "patch"


def larger(a: Bump, b: Bump) -> Bump:
    return a if BUMPS.index(a) >= BUMPS.index(b) else b


# --- Fingerprints ---------------------------------------------------------------------------------------------


@dataclass
class Snapshot:
    """One side of a diff: a package read from disk (with its cells) or a kept fingerprint (hashes only)."""

    label: str
    fingerprint: dict[str, Any]
    cells: dict[str, dict[str, dict[str, str]]] | None = None

    @property
    def version(self) -> str:
        return str(self.fingerprint.get("version", ""))


def digest(data: object) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def row_hash(row: dict[str, str]) -> str:
    """A row's hash over its non-empty cells by field name, so that adding an empty column changes no row."""
    return digest({k: v for k, v in row.items() if v != ""})[:ROW_HASH_LENGTH]


def row_key(row: dict[str, str], key: list[str]) -> str:
    """The primary key as one string: the value itself, or a JSON list for a composite key."""
    values = [row.get(f, "") for f in key]
    return values[0] if len(values) == 1 else json.dumps(values, ensure_ascii=False)


def read_rows(path: Path, table: str) -> list[dict[str, str]]:
    """A CSV file's rows as text, exactly as written (the fingerprint must not depend on a type parser)."""
    try:
        return text_rows(path, table)
    except LoadError as exc:
        raise ReleaseError(str(exc)) from None


def metadata_hash(descriptor: dict[str, Any]) -> str:
    """A hash of the descriptor without what changes at every release or edit (version, date, bytes, hashes)."""
    meta = {k: v for k, v in descriptor.items() if k not in VOLATILE_KEYS}
    meta["resources"] = [
        {k: v for k, v in res.items() if k not in VOLATILE_RESOURCE_KEYS} if isinstance(res, dict) else res
        for res in descriptor.get("resources", [])
    ]
    return digest(meta)


def snapshot(path: str | Path | None = None) -> Snapshot:
    """The package at `path` (default: the shipped one): its fingerprint and every cell, keyed by primary key."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    tables: dict[str, Any] = {}
    cells: dict[str, dict[str, dict[str, str]]] = {}
    for res in descriptor["resources"]:
        name = res["name"]
        schema = table_schema(base, res)
        key = primary_key(schema)
        if not key:
            raise ReleaseError(f"table {name} has no primaryKey in its Table Schema; a diff keys rows by it")
        rows: dict[str, dict[str, str]] = {}
        for row in read_rows(resource_path(base, res), name):
            k = row_key(row, key)
            if k in rows:  # a second row would hide the first from the fingerprint
                raise ReleaseError(f"table {name} has the primary key {k!r} twice; run `validate` and fix it")
            rows[k] = row
        cells[name] = rows
        tables[name] = {
            "primaryKey": key,
            "fields": {f["name"]: f.get("type", "string") for f in schema["fields"]},
            "schema": digest(schema)[:ROW_HASH_LENGTH],
            "rows": {k: row_hash(row) for k, row in rows.items()},
        }
    fingerprint = {
        "format": FINGERPRINT_FORMAT,
        "name": descriptor.get("name"),
        "version": descriptor.get("version"),
        "metadata": metadata_hash(descriptor)[:ROW_HASH_LENGTH],
        "tables": tables,
    }
    where = str(path) if path is not None else "the installed package"
    return Snapshot(f"{where} ({descriptor.get('version')})", fingerprint, cells)


def fingerprint(path: str | Path | None = None) -> dict[str, Any]:
    """What the repository keeps of a release (see the module docstring)."""
    return snapshot(path).fingerprint


def releases_dir(path: str | Path | None = None) -> Path:
    """Where the fingerprints of past releases are kept: `releases/` beside the package's datapackage.json."""
    return package_dir(path) / RELEASES


def kept_releases(folder: Path) -> list[Version]:
    """The versions whose fingerprints `folder` keeps, oldest first."""
    if not folder.is_dir():
        return []
    versions = []
    for file in folder.glob("*.json"):
        match = VERSION.match(file.stem)
        if match and match.group(4) is None:
            versions.append(Version.parse(file.stem))
    return sorted(versions)


def read_fingerprint(file: Path) -> Snapshot:
    data = read_json(file)
    if data.get("format") != FINGERPRINT_FORMAT or not isinstance(data.get("tables"), dict):
        raise ReleaseError(f"{file} is not a release fingerprint (format {FINGERPRINT_FORMAT})")
    return Snapshot(f"release {data.get('version')}", data)


def record(path: str | Path | None = None) -> Path:
    """Write the package's fingerprint to releases/<version>.json (a release version only); return the file."""
    fp = fingerprint(path)
    version = Version.parse(fp["version"])
    if version.is_dev:
        raise ReleaseError(f"{version} is a development version; only a release's fingerprint is kept")
    folder = releases_dir(path)
    folder.mkdir(exist_ok=True)
    file = folder / f"{version}.json"
    # One row per line keeps the file small and its git diffs readable.
    write_json(file, fp, indent=1, sort_keys=True)
    return file


def open_side(spec: str | Path | None, releases: Path | None = None) -> Snapshot:
    """A package folder, a datapackage.json, a fingerprint file, or the version of a kept release (None: the
    installed package)."""
    if spec is None:
        return snapshot()
    path = Path(spec)
    if path.is_dir() or path.name == DESCRIPTOR:
        return snapshot(path)
    if path.is_file():
        return read_fingerprint(path)
    folder = releases if releases is not None else releases_dir()
    if VERSION.match(str(spec)):
        file = folder / f"{spec}.json"
        if file.is_file():
            kept = read_fingerprint(file)
            tagged = from_tag(str(spec), folder.parent)
            # The tag gives every cell (old -> new); it is used only when it is the release that was kept.
            return tagged if tagged is not None and tagged.fingerprint["tables"] == kept.fingerprint["tables"] else kept
        versions = ", ".join(str(v) for v in kept_releases(folder)) or "none"
        raise ReleaseError(f"no release {spec} is kept in {folder} (kept: {versions})")
    raise ReleaseError(f"{spec} is neither a package folder, a datapackage.json, nor a kept release version")


def from_tag(version: str, repository: Path) -> Snapshot | None:
    """Release `version` as a package, read from its git tag vX.Y.Z; None where there is no git or no such tag."""
    try:
        archive = subprocess.run(
            ["git", "archive", f"v{version}", DESCRIPTOR, "data", "schemas"],
            cwd=repository,
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    with tempfile.TemporaryDirectory(prefix="tde-release-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        try:
            side = snapshot(folder)
        except TDEError:
            return None
    side.label = f"release {version}"
    return side


# --- Diffs ----------------------------------------------------------------------------------------------------


@dataclass
class RowChange:
    key: str
    # field -> (old, new); None when one side is a fingerprint and only "changed" can be said.
    cells: dict[str, tuple[str, str]] | None


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
                        {
                            "key": c.key,
                            "cells": None
                            if c.cells is None
                            else {f: {"old": a, "new": b} for f, (a, b) in c.cells.items()},
                        }
                        for c in rows.changed
                    ],
                }
                for table, rows in self.rows.items()
                if rows
            },
            "schemas_changed": self.schemas_changed,
            "metadata_changed": self.metadata_changed,
        }

    def heading(self) -> str:
        return f"{self.old} -> {self.new}: {self.bump} bump needed"

    def to_text(self) -> str:
        lines = [self.heading()]
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
                    lines.append(f"  ~ {change.key}: changed")
                else:
                    cells = "; ".join(f"{f}: {a!r} -> {b!r}" for f, (a, b) in change.cells.items())
                    lines.append(f"  ~ {change.key}: {cells}")
        return "\n".join(lines)

    def to_markdown(self, level: int = 3) -> str:
        """The change as Markdown, for the changelog and the release notes."""
        h = "#" * level
        if not self.reasons():
            return f"{h} Data changes since {self.old_version}\n\nNone."
        lines = [f"{h} Data changes since {self.old_version}", "", f"A {self.bump} release by the Data Package "]
        lines[-1] += "Version recipe:"
        lines.append("")
        lines += [f"- {text}" for _, text in self.reasons()]
        for table, rows in self.rows.items():
            if not rows:
                continue
            lines += ["", f"`{table}`:", ""]
            lines += [f"- added `{key}`" for key in rows.added]
            lines += [f"- removed `{key}`" for key in rows.removed]
            for change in rows.changed:
                if change.cells is None:
                    lines.append(f"- changed `{change.key}`")
                else:
                    cells = "; ".join(f"{f} `{md(a)}` → `{md(b)}`" for f, (a, b) in change.cells.items())
                    lines.append(f"- corrected `{change.key}`: {cells}")
        return "\n".join(lines)


def md(text: str) -> str:
    """Text safe inside a Markdown code span on one line."""
    return text.replace("`", "'").replace("\n", " ")


def diff(old: Snapshot, new: Snapshot) -> Diff:
    """What changed from `old` to `new`, and the bump it needs."""
    a, b = old.fingerprint["tables"], new.fingerprint["tables"]
    out = Diff(old.label, new.label, old.version, new.version)
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
        out.rows[table] = table_diff(table, ta["rows"], tb["rows"], old, new, common=[f for f in fb if f in fa])
    return out


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


def compare(old: str | Path, new: str | Path, releases: Path | None = None) -> Diff:
    """diff OLD NEW, each a package folder, a datapackage.json, a fingerprint file or a kept release version."""
    return diff(open_side(old, releases), open_side(new, releases))


# --- The bump gate --------------------------------------------------------------------------------------------


def check_version(path: str | Path | None = None) -> str:
    """Pass (returning what was checked) when the declared version is large enough for the change since the last
    kept release; raise ReleaseError naming the bump needed otherwise.
    """
    current = snapshot(path)
    declared = Version.parse(current.version)
    kept = kept_releases(releases_dir(path))
    if not kept:
        return f"version {declared}: no release is kept yet, so there is nothing to compare with"
    last = kept[-1]
    change = diff(read_fingerprint(releases_dir(path) / f"{last}.json"), current)
    needed, declared_bump = change.bump, declared.bump_from(last)
    if declared < last:
        raise ReleaseError(f"version {declared} is below the last release {last}; set a version above it")
    if BUMPS.index(declared_bump) >= BUMPS.index(needed):
        if needed == "none":
            return f"version {declared}: no change since release {last}"
        return f"version {declared}: a {declared_bump} bump from release {last} covers the change ({needed} needed)"
    why = "; ".join(text for bump, text in change.reasons() if bump == needed)
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


# --- The changelog ---------------------------------------------------------------------------------------------

UNRELEASED = "## [Unreleased]"
RELEASED = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$", re.MULTILINE)


def changelog_problems(changelog: str, version: str) -> list[str]:
    """Where CHANGELOG.md disagrees with the version: empty when they agree.

    The head is `## [Unreleased]`; under a development version X.Y.Z.devN every released section is below X.Y.Z,
    and under a release version X.Y.Z the newest released section is `## [X.Y.Z] - YYYY-MM-DD`.
    """
    declared = Version.parse(version)
    headings = RELEASED.findall(changelog)
    if not headings or headings[0][0] != "Unreleased":
        return ["CHANGELOG.md must start its sections with `## [Unreleased]` (Keep a Changelog)"]
    released = headings[1:]
    problems = []
    for name, date in released:
        if not VERSION.match(name) or ".dev" in name or not date:
            problems.append(f"CHANGELOG.md section `## [{name}]` is not `## [X.Y.Z] - YYYY-MM-DD`")
    if problems:
        return problems
    newest = Version.parse(released[0][0]) if released else None
    if declared.is_dev and newest is not None and newest >= declared.release:
        problems.append(
            f"CHANGELOG.md's newest release is {newest}, but the version {declared} leads to {declared.release}: "
            f"set the version above {newest}"
        )
    if not declared.is_dev and (newest is None or newest != declared):
        problems.append(
            f"the version {declared} is a release, but CHANGELOG.md's newest section is "
            f"{'none' if newest is None else newest}: run scripts/release, or use {declared}.dev0 until the release"
        )
    return problems


def release_changelog(changelog: str, version: Version, date: str, summary: str) -> str:
    """CHANGELOG.md with the Unreleased entries moved under `## [version] - date`, after the data change summary."""
    if UNRELEASED not in changelog:
        raise ReleaseError("CHANGELOG.md has no `## [Unreleased]` section to release")
    head, rest = changelog.split(UNRELEASED, 1)
    match = RELEASED.search(rest)
    body, tail = (rest[: match.start()], rest[match.start() :]) if match else (rest, "")
    entries = body.strip("\n")
    section = f"## [{version}] - {date}\n\n{summary.strip()}\n"
    if entries:
        section += f"\n{entries}\n"
    return f"{head}{UNRELEASED}\n\n{section}" + (f"\n{tail}" if tail else "")


def contents_summary(current: Snapshot, level: int = 3) -> str:
    """For a first release: what the package holds."""
    tables = current.fingerprint["tables"]
    lines = [f"{'#' * level} Contents", ""]
    lines += [f"- `{name}`: {len(t['rows'])} rows, {len(t['fields'])} fields" for name, t in tables.items()]
    return "\n".join(lines)
