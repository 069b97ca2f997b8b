"""The one parser of keys, the one table of field types, the atomic writer and the version (exact results)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.exceptions import DescriptorError, ReleaseError
from tongxiang_digital_economy.io.atomic import write_json
from tongxiang_digital_economy.release import snapshot
from tongxiang_digital_economy.schema.keys import ForeignKey, foreign_keys, key_columns, primary_key
from tongxiang_digital_economy.schema.types import TYPES, json_value, plain
from tongxiang_digital_economy.use.dictionary import data_dictionary
from tongxiang_digital_economy.use.export_formats import SQL_TYPES, sqlite_ddl
from tongxiang_digital_economy.use.search_columns import text_columns

STRING_KEYED = {
    "fields": [{"name": "source_id", "type": "string"}, {"name": "parent", "type": "string"}],
    "primaryKey": "source_id",
    "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "source_id"}}],
}


def test_a_string_primary_key_is_one_field_not_its_characters() -> None:
    assert primary_key(STRING_KEYED) == ["source_id"]
    assert foreign_keys(STRING_KEYED) == [ForeignKey(["parent"], "", ["source_id"])]
    assert key_columns(STRING_KEYED) == {"source_id", "parent"}
    assert primary_key({"fields": []}) == []


def string_keys(package: PackageCopy, table: str) -> None:
    """Rewrite the table's schema with its one-field primary and foreign keys as strings."""
    path = package.root / "schemas" / f"{table}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    (key,) = schema["primaryKey"]
    schema["primaryKey"] = key
    for fk in schema.get("foreignKeys", []):
        if len(fk["fields"]) == 1:
            fk["fields"], fk["reference"]["fields"] = fk["fields"][0], fk["reference"]["fields"][0]
    write_json(path, schema)


def test_every_reader_of_keys_takes_a_string_key(package: PackageCopy) -> None:
    string_keys(package, "sources")
    assert 'PRIMARY KEY ("source_id")' in sqlite_ddl("sources", package.root)
    assert "source_id" not in text_columns("sources", package.root)
    assert "Primary key: `source_id`." in data_dictionary(package.root)
    assert "s" not in snapshot(package.root).fingerprint["tables"]["sources"]["primaryKey"]
    assert tde.load("sources", package.root).attrs["primary_key"] == ["source_id"]


def test_every_field_type_has_every_mapping() -> None:
    assert set(SQL_TYPES) == set(TYPES) and "year" in SQL_TYPES
    assert plain(2024, "year") == 2024 and json_value(2024, "year", str) == 2024


def test_a_release_snapshot_refuses_a_repeated_key(package: PackageCopy) -> None:
    path = package.root / "data" / "units.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    unit = lines[1].split(",")[0]
    with pytest.raises(ReleaseError, match=f"table units has the primary key '{unit}' twice"):
        snapshot(package.root)


def test_the_atomic_writer_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_json(tmp_path / "a.json", {"b": "乌镇"})
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == '{\n  "b": "乌镇"\n}\n'


@pytest.mark.parametrize("value", [None, "", 5])
def test_a_version_that_is_no_string_is_an_error(package: PackageCopy, value: object) -> None:
    path = package.root / "datapackage.json"
    d = json.loads(path.read_text(encoding="utf-8"))
    if value is None:
        del d["version"]
    else:
        d["version"] = value
    write_json(path, d)
    with pytest.raises(DescriptorError, match=rf"datapackage.json has no `version` string \(found {value!r}\)"):
        tde.version(package.root)
