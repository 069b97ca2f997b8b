"""The rows a citation cites, read as text from the CSV files with the standard library (a value is cited exactly as
the file writes it): a table's rows by its key, its foreign keys, the table keyed by a field (no module hard-codes a
table name), an id looked up with the fault said (another kind's id, or a "did you mean"), a referenced row's name."""

from __future__ import annotations

from pathlib import Path

from ..core.exceptions import CitationError, LoadError
from ..core.paths import package_dir
from ..core.suggest import did_you_mean, echoed
from ..io.load import load
from ..io.rows import read_rows
from ..schema.descriptor import read_descriptor, resource, resource_path, table_schema
from ..schema.keys import foreign_keys, primary_key


def table_rows(table: str, path: str | Path | None = None) -> tuple[list[str], dict[str, dict[str, str]]]:
    """A table's primary key field and its rows as text, keyed by that key (read from the Table Schema)."""
    base = package_dir(path)
    res = resource(read_descriptor(base), table)
    key = primary_key(table_schema(base, res))
    try:
        rows = read_rows(resource_path(base, res), table)
    except LoadError as exc:
        raise CitationError(str(exc)) from None
    return key, {row.get(key[0], ""): row for row in rows} if len(key) == 1 else {}


def references(table: str, path: str | Path | None = None) -> dict[str, str]:
    """field -> referenced table, from the Table Schema's foreign keys (single-field keys)."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    out = {}
    for fields, other, _ref_fields in foreign_keys(schema):
        if len(fields) == 1:
            out[fields[0]] = other or table
    return out


def table_keyed_by(field: str, path: str | Path | None = None) -> str:
    """The table whose primary key is `field` (so no module hard-codes a table name)."""
    base = package_dir(path)
    d = read_descriptor(base)
    for res in d["resources"]:
        if primary_key(table_schema(base, res)) == [field]:
            return str(res["name"])
    raise CitationError(f"no table of the package has the primary key {field!r}")


# What `cite` can cite by id: the id's field -> (what it is, the option that cites it, the words for one).
CITED = {
    "observation_id": ("observation", "--observation", "an observation"),
    "source_id": ("source", "--source", "a source"),
}


def lookup(table: str, key: str, path: str | Path | None, what: str) -> dict[str, str]:
    """The row of `table` whose id is `key`; refused with what the id is where it is another kind's id (a source's
    given as an observation's: "it is a source: `cite --source …`", trial 10 m6), else the "did you mean".

    The table is first read as every other command reads it (io.load: its cells typed and checked), so a copy whose
    cells do not load is refused with the same error, never cited with a month 13 in it (trial 16 m10); the row is
    then cited as the file writes it."""
    load(table, path)
    _, rows = table_rows(table, path)
    if key not in rows:
        for field, (other, option, one) in CITED.items():
            if other == what:
                continue
            other_table = table_keyed_by(field, path)
            if key in table_rows(other_table, path)[1]:
                raise CitationError(
                    f"no {what} {key!r} in table {table}; it is the id of {one} (table {other_table}): "
                    f"`cite {option} {key}`"
                )
        hint = did_you_mean(key, rows)
        raise CitationError(f"no {what} {echoed(key)} in table {table}; {hint}list them with `show {table}`")
    return rows[key]


def named(table: str | None, key: str, columns: tuple[str, ...], path: str | Path | None) -> str:
    """The human name of a referenced row (an indicator's label, a place's name), or the id itself."""
    if not table or not key:
        return key
    _, rows = table_rows(table, path)
    row = rows.get(key, {})
    return next((row[c] for c in columns if row.get(c)), key)
