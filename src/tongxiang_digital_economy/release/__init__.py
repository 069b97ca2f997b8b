"""Releases: what a version holds (a fingerprint), what changed between two (a diff), and the bump it needs.

Users pin and cite an exact release, so a release must name one dataset and a change must name its size. The
Data Package Version recipe says how a change to data maps onto semantic versioning:

- major: a table or field is removed, renamed or retyped, a primary key changes, or rows disappear (or change id);
- minor: rows, fields or tables are added;
- patch: values are corrected, or metadata (descriptions, titles, licences) changes.

A fingerprint is what the repository keeps of each release (`releases/<version>.json`): per table, the primary
key, the field types, a hash of the Table Schema and one short hash per row keyed by its primary key; and a hash
of the descriptor's metadata; what each id names, so that no later row can take a released id for something
else (identity.py, reuse.py); and a hash per cell, so that rows compare over the fields both sides hold when one
side has no cells (columns.py). It is small, so from a fresh clone CI can compare the package with the last release
and fail when the declared version is too small for the change (`check_version`). A diff between two packages
shows each changed cell old -> new; where one side is a fingerprint, a changed row is named with its changed fields.

Everything here reads the CSV files as text with the standard library: the column names and keys come from the
Table Schemas, never from this module, so tables and columns added later are handled without change.
"""

from __future__ import annotations

from .changelog import RELEASED, UNRELEASED, changelog_problems, contents_summary, release_changelog
from .columns import CELL_HASH_LENGTH, changed_fields, column_hashes
from .diff import Diff, RowChange, TableDiff, check_version, compare, diff, invalid_sides, md, table_diff
from .fingerprint import (
    FINGERPRINT_FORMAT,
    ROW_HASH_LENGTH,
    Snapshot,
    digest,
    fingerprint,
    metadata_hash,
    read_rows,
    row_hash,
    row_key,
    snapshot,
)
from .identity import IDENTITY, identities
from .records import (
    RELEASES,
    add_column_hashes,
    at_commit,
    compared_releases,
    from_git,
    kept_releases,
    open_side,
    read_fingerprint,
    record,
    releases_dir,
)
from .reuse import CORRECTIONS, Reuse, check_identities, reused_ids
from .versions import BUMPS, VERSION, Bump, Version, larger

__all__ = [
    "BUMPS",
    "CELL_HASH_LENGTH",
    "CORRECTIONS",
    "FINGERPRINT_FORMAT",
    "IDENTITY",
    "RELEASED",
    "RELEASES",
    "ROW_HASH_LENGTH",
    "UNRELEASED",
    "VERSION",
    "Bump",
    "Diff",
    "Reuse",
    "RowChange",
    "Snapshot",
    "TableDiff",
    "Version",
    "add_column_hashes",
    "at_commit",
    "changed_fields",
    "changelog_problems",
    "check_identities",
    "check_version",
    "column_hashes",
    "compare",
    "compared_releases",
    "contents_summary",
    "diff",
    "digest",
    "fingerprint",
    "from_git",
    "identities",
    "invalid_sides",
    "kept_releases",
    "larger",
    "md",
    "metadata_hash",
    "open_side",
    "read_fingerprint",
    "read_rows",
    "record",
    "release_changelog",
    "releases_dir",
    "reused_ids",
    "row_hash",
    "row_key",
    "snapshot",
    "table_diff",
]
