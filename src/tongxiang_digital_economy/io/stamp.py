"""Recording each resource's `bytes` and `hash` in datapackage.json, so that they are generated, never hand-kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.exceptions import ArgumentError, StaleStampError
from ..core.paths import CHECKOUT_BUILD, DESCRIPTOR, is_checkout, package_dir
from ..schema.descriptor import file_facts, read_descriptor, resource, resource_path
from .atomic import write_json


def stamp(path: str | Path) -> list[str]:
    """Record each resource's current `bytes` and `hash` in datapackage.json; return the tables that changed.

    Run after editing a CSV file: validation compares the files with these facts, so a stale descriptor
    is reported as an error rather than silently trusted. The descriptor is replaced in one step. The path is
    required (None would rewrite the installed package's descriptor, which no caller means).
    """
    if path is None:
        raise ArgumentError("path must name the package folder to stamp, not None")
    base = package_dir(path)
    descriptor = read_descriptor(base)
    changed = stale(base, descriptor)
    for res in descriptor["resources"]:
        if res["name"] in changed:
            res["bytes"], res["hash"] = changed[res["name"]]
    if changed:
        write_json(base / DESCRIPTOR, descriptor)
    return list(changed)


def stale(base: Path, descriptor: dict[str, Any]) -> dict[str, tuple[int, str]]:
    """The resources whose file differs from the bytes and hash recorded for it, with the file's current facts."""
    found = {}
    for res in descriptor["resources"]:
        size, digest = file_facts(resource_path(base, res))
        if res.get("bytes") != size or res.get("hash") != f"sha256:{digest}":
            found[res["name"]] = (size, f"sha256:{digest}")
    return found


def check_stamps(path: str | Path) -> None:
    """Raise StaleStampError when any CSV file changed since `stamp` last recorded it (a pre-commit check).

    The message names each file and the command that records the new facts, so a contributor who edited a CSV
    and forgot to stamp it learns the fix from the hook's output.
    """
    base = package_dir(path)
    descriptor = read_descriptor(base)
    changed = stale(base, descriptor)
    if changed:
        files = ", ".join(str(resource_path(base, resource(descriptor, name)).relative_to(base)) for name in changed)
        # "and commit" only where there is a repository to commit to: a user's copy is no git work tree (trial 6 r9).
        commit = f" and commit {DESCRIPTOR}" if in_git_work_tree(base) else ""
        # a checkout records it with scripts/build, as `validate` and the README say (trial 18 m7): stamp alone
        # leaves the charts and files scripts/build makes from the data stale, which CI refuses
        run = (
            f"{CHECKOUT_BUILD} in {base}"
            if is_checkout(base)
            else f"`tongxiang-digital-economy stamp --package {base}`"
        )
        raise StaleStampError(f"{files}: changed since its hash was recorded in {DESCRIPTOR}; run {run}{commit}")


def in_git_work_tree(folder: Path) -> bool:
    """Whether `folder` lies in a git work tree (a `.git` folder or worktree file in it or above it)."""
    folder = folder.resolve()
    return any((p / ".git").exists() for p in (folder, *folder.parents))
