"""Reading datapackage.json and the Table Schemas with the standard library only.

The loader must not import frictionless (it is slow to import and not needed to read a CSV), so this module
reads the descriptor itself and turns every way it can be broken (missing, not JSON, wrong shape, unsafe path)
into a DescriptorError that names the file and the fix. Writing (`stamp`) is io/stamp.py's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any

from ..core.exceptions import DescriptorError, TableNotFoundError
from ..core.paths import DESCRIPTOR, LOOPS, loops, package_dir
from ..core.suggest import did_you_mean, echoed


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object from `path`, or a DescriptorError saying where it is broken."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DescriptorError(f"{path} is missing") from None
    except UnicodeDecodeError as exc:
        raise DescriptorError(f"{path} is not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    except OSError as exc:
        raise DescriptorError(f"{path} cannot be read: {exc.strerror}") from None
    text = text.removeprefix("\ufeff")  # a BOM some editors add is not part of the JSON
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DescriptorError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(data, dict):
        raise DescriptorError(f"{path} must hold a JSON object")
    return data


def read_descriptor(path: str | Path | None = None) -> dict[str, Any]:
    """The package descriptor (datapackage.json) of the package at `path` or of the shipped package."""
    descriptor = read_json(package_dir(path) / DESCRIPTOR)
    if not isinstance(descriptor.get("resources"), list) or not descriptor["resources"]:
        raise DescriptorError(f"{DESCRIPTOR} has no `resources` list")
    return descriptor


def table_names(descriptor: dict[str, Any]) -> list[str]:
    """Names of the tabular resources, in descriptor order."""
    return [str(r["name"]) for r in descriptor["resources"] if isinstance(r, dict) and r.get("name")]


def resource(descriptor: dict[str, Any], table: str) -> dict[str, Any]:
    """The resource named `table`, or TableNotFoundError listing the names there are."""
    for res in descriptor["resources"]:
        if isinstance(res, dict) and res.get("name") == table:
            return res
    names = table_names(descriptor)
    raise TableNotFoundError(
        f"no table named {echoed(table)}; {did_you_mean(table, names)}the tables are: {', '.join(names)}"
    )


def safe_path(base: Path, relative: object, what: str, data: bool = False) -> Path:
    """`base / relative` for a relative POSIX path that stays inside `base` (what Frictionless calls safe). A path
    that is a symbolic link looping round is refused, in words; a `data` file's is returned, and the reader says it
    loops as it says a file is missing (a scheme-error of its table, the other tables still read)."""
    if not isinstance(relative, str) or not relative:
        raise DescriptorError(f"{what} must be a relative path string")
    if "://" in relative:
        raise DescriptorError(
            f"{what} {relative!r} is a remote URL: the package is read from its folder only (no network); "
            "download the file into the package and give its relative path"
        )
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or "\\" in relative or ":" in relative:
        raise DescriptorError(f"{what} {relative!r} is not a safe path: use a relative path inside the package folder")
    path = base / pure
    if loops(path):
        if data:
            return path
        raise DescriptorError(f"{what} {relative!r} {LOOPS}: it was not read")
    try:
        resolved = path.resolve()
    except (RuntimeError, OSError):  # a folder on the way loops (Python 3.11 raises RuntimeError, later OSError)
        raise DescriptorError(f"{what} {relative!r} lies in a folder that {LOOPS}: it was not read") from None
    # A symbolic link may lead out of the folder although the path does not: refuse it before anything reads it.
    if not resolved.is_relative_to(base.resolve()):
        raise DescriptorError(
            f"{what} {relative!r} is a symbolic link that leads out of the package folder: it was not read; "
            "copy the file into the package instead"
        )
    return path


def resource_path(base: Path, res: dict[str, Any]) -> Path:
    """Where the CSV file of a resource is."""
    return safe_path(base, res.get("path"), f"resource {res.get('name')!r} path", data=True)


def package_files(path: str | Path | None = None) -> dict[str, str]:
    """The files the package at `path` is made of, by real path (symbolic links followed), each with what it is:
    its descriptor, each table's data file and each Table Schema it names by path. A writer refuses these as
    outputs, --force or not (trial 15 m13: `export -o datapackage.json --force` replaced the descriptor of the
    package it read, which then no longer loaded)."""
    base = package_dir(path)
    files = {os.path.realpath(base / DESCRIPTOR): "the descriptor of the package"}
    for res in read_descriptor(path)["resources"]:
        name = res.get("name") if isinstance(res, dict) else None
        if not isinstance(name, str):
            continue
        with contextlib.suppress(DescriptorError):
            files[os.path.realpath(resource_path(base, res))] = f"the data file of the package's table {name}"
        if isinstance(res.get("schema"), str):
            with contextlib.suppress(DescriptorError):
                schema = safe_path(base, res["schema"], "schema")
                files[os.path.realpath(schema)] = f"the Table Schema of the package's table {name}"
    return files


def table_schema(base: Path, res: dict[str, Any]) -> dict[str, Any]:
    """The Table Schema of a resource, inline or referenced by a relative path."""
    schema = res.get("schema")
    if isinstance(schema, str):
        schema = read_json(safe_path(base, schema, f"resource {res.get('name')!r} schema"))
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        raise DescriptorError(f"resource {res.get('name')!r} has no Table Schema with a `fields` list")
    for number, field in enumerate(schema["fields"], start=1):
        if not isinstance(field, dict) or not isinstance(field.get("name"), str):
            raise DescriptorError(
                f"resource {res.get('name')!r}: schema field {number} must be an object with a `name`"
            )
    return schema


def enum_order(schema: dict[str, Any], field: str) -> list[str]:
    """A field's enum in the schema's order (empty when it has none): the order is meaning where the schema says
    so (sources.grade: strongest first)."""
    found: dict[str, Any] = next((f for f in schema.get("fields", []) if f.get("name") == field), {})
    return [str(v) for v in found.get("constraints", {}).get("enum", [])]


def grade_order(path: str | Path | None = None) -> list[str]:
    """Source grades, strongest first, as the sources schema's enum lists them (the shipped package's by default)."""
    base = package_dir(path)
    return enum_order(table_schema(base, resource(read_descriptor(base), "sources")), "grade")


def status_values(path: str | Path | None = None) -> list[str]:
    """A figure's statuses, as the indicators schema's enum lists them (the shipped package's by default): `series`
    takes one of them (trial 18 m10: a docstring offered `forecast`). The CLI's `series --status` choice is declared
    at import, so it stays a list, held to this one by tests/test_api_docs.py."""
    base = package_dir(path)
    return enum_order(table_schema(base, resource(read_descriptor(base), "indicators")), "status")


def file_facts(path: Path) -> tuple[int, str]:
    """Byte count and SHA-256 of a file, as datapackage.json records them (read in chunks: a file of a gigabyte
    costs a megabyte of memory)."""
    if path.exists() and not path.is_file():  # a named pipe's read would wait forever for a writer (trial 13 m6)
        raise DescriptorError(f"{path} is not a file (a folder, a pipe or a device): a table is a CSV file")
    hasher = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                hasher.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise DescriptorError(f"{path} cannot be read: {exc.strerror}") from None
    return size, hasher.hexdigest()


def version(path: str | Path | None = None) -> str:
    """The dataset version: datapackage.json's `version`, the one version string of the project.

    A descriptor without one, or with one that is not a non-empty string (a bare number such as 5), is a
    DescriptorError: the version names releases, citations and the wheel, so it is never guessed.
    """
    value = read_descriptor(path).get("version")
    if not isinstance(value, str) or not value.strip():
        raise DescriptorError(f'{DESCRIPTOR} has no `version` string (found {value!r}): set one, such as "1.0.0"')
    return value
