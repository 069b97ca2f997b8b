"""A fingerprint: what the repository keeps of a release, small enough to keep every one.

Per table: the primary key, the field types, a hash of the Table Schema and one short hash per row keyed by its
primary key; and a hash of the descriptor's metadata. The CSV files are read as text with the standard
library: the column names and keys come from the Table Schemas, so tables and columns added later need no change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.exceptions import LoadError, ReleaseError
from ..core.paths import package_dir, printable
from ..io.rows import read_rows as text_rows
from ..schema.descriptor import read_descriptor, resource_path, table_schema
from ..schema.keys import primary_key

FINGERPRINT_FORMAT = 1
# Per-row hashes are cut to 64 bits: enough to tell a changed row among a few thousand, small enough to keep.
ROW_HASH_LENGTH = 16
# Descriptor keys that change with every release or every edit of a CSV file, so are not "metadata changes".
VOLATILE_KEYS = ("version", "created")
VOLATILE_RESOURCE_KEYS = ("bytes", "hash")


@dataclass
class Snapshot:
    """One side of a diff: a package read from disk (with its cells) or a kept fingerprint (hashes only)."""

    label: str
    fingerprint: dict[str, Any]
    cells: dict[str, dict[str, dict[str, str]]] | None = None
    # Why a kept release has no cells (set when git could not give them), said in the diff.
    missing: str = ""

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
    where = printable(path) if path is not None else "the installed package"
    return Snapshot(f"{where} ({descriptor.get('version')})", fingerprint, cells)


def fingerprint(path: str | Path | None = None) -> dict[str, Any]:
    """What the repository keeps of a release (see the module docstring)."""
    return snapshot(path).fingerprint
