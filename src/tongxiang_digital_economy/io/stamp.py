"""Recording each resource's `bytes` and `hash` in datapackage.json, so that they are generated, never hand-kept."""

from __future__ import annotations

from pathlib import Path

from ..core.paths import DESCRIPTOR, package_dir
from ..schema.descriptor import file_facts, read_descriptor, resource_path
from .atomic import write_json


def stamp(path: str | Path) -> list[str]:
    """Record each resource's current `bytes` and `hash` in datapackage.json; return the tables that changed.

    Run after editing a CSV file: validation compares the files with these facts, so a stale descriptor
    is reported as an error rather than silently trusted. The descriptor is replaced in one step.
    """
    base = package_dir(path)
    descriptor = read_descriptor(base)
    changed = []
    for res in descriptor["resources"]:
        size, digest = file_facts(resource_path(base, res))
        if res.get("bytes") != size or res.get("hash") != f"sha256:{digest}":
            res["bytes"], res["hash"] = size, f"sha256:{digest}"
            changed.append(res["name"])
    if changed:
        write_json(base / DESCRIPTOR, descriptor)
    return changed
