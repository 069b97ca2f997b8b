"""The one parser of a Table Schema's keys: `primaryKey` and `foreignKeys`.

Why this exists: Table Schema lets `primaryKey` and a foreign key's `fields` be a string or a list, and a foreign
key without `reference.resource` (or with "") points into its own table. Every module that reads keys (the reader,
the joins of the rules, export, release, citations, search, the data dictionary) asks here, so a string key is
never read as a list of its characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple, cast


class ForeignKey(NamedTuple):
    fields: list[str]
    resource: str  # the referenced table; "" for the table itself
    ref_fields: list[str]


def key_fields(value: object) -> list[str]:
    """A primaryKey or foreign key `fields` value as a list (Table Schema allows a string or a list)."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(cast(Iterable[str], value))


def primary_key(schema: dict[str, Any]) -> list[str]:
    """The fields of the table's primary key, in order ([] when it has none)."""
    return key_fields(schema.get("primaryKey"))


def foreign_keys(schema: dict[str, Any]) -> list[ForeignKey]:
    """(fields, referenced resource or '' for itself, referenced fields) of each foreign key."""
    out = []
    for fk in schema.get("foreignKeys", []) or []:
        ref = fk.get("reference", {}) or {}
        out.append(
            ForeignKey(key_fields(fk.get("fields")), ref.get("resource", "") or "", key_fields(ref.get("fields")))
        )
    return out


def key_columns(schema: dict[str, Any]) -> set[str]:
    """Every field of the primary key or of a foreign key: identifiers, not free text."""
    return set(primary_key(schema)).union(*(fk.fields for fk in foreign_keys(schema)))
