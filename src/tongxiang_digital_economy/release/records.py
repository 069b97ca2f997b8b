"""Kept releases: releases/X.Y.Z.json, and the way back from one to its cells.

A fingerprint has hashes, not cells. To show a corrected cell old -> new, the release's CSV files are read from
git: first by the blob ids the record keeps (content addresses, found in any clone that has the history, tags
or not), then from the release commit it records, then from the tag vX.Y.Z. Where none is there (a wheel, a
shallow clone), the diff can only say "changed", and says why.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from ..core.exceptions import ReleaseError, TDEError
from ..core.paths import DESCRIPTOR, package_dir, printable
from ..io.atomic import write_json
from ..schema.descriptor import read_descriptor, read_json
from .columns import column_hashes
from .fingerprint import FINGERPRINT_FORMAT, Snapshot, snapshot
from .identity import identities
from .versions import VERSION, Version, release_spec

RELEASES = "releases"


def releases_dir(path: str | Path | None = None) -> Path:
    """Where the fingerprints of past releases are kept: `releases/` beside the package's datapackage.json."""
    return package_dir(path) / RELEASES


def compared_releases(path: str | Path | None = None) -> Path:
    """The releases a package is compared with (`diff`, `check-version`, the reused-id check): releases/ beside it,
    else, for a copy made without that folder, the installed package's. One answer for every command, so that
    `check-version` on a copy does not say no release exists while `diff 1.0.0` finds one (trial 6 r1)."""
    folder = releases_dir(path)
    return folder if folder.is_dir() else releases_dir()


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


def blob_id(data: bytes) -> str:
    """The id git gives a file's content (`git hash-object`), computed without git."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def package_files(path: str | Path | None = None) -> dict[str, str]:
    """Every file the package is made of (descriptor, tables, schemas) by its path in the package -> its blob id."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    names = [DESCRIPTOR]
    for res in descriptor["resources"]:
        names.append(str(res["path"]))
        if isinstance(res.get("schema"), str):
            names.append(str(res["schema"]))
    return {name: blob_id((base / name).read_bytes()) for name in dict.fromkeys(names)}


def record(path: str | Path | None = None, commit: str | None = None) -> Path:
    """Write the package's fingerprint to releases/<version>.json (a release version only); return the file.

    Beside the hashes it keeps the blob id of every file of the package, so that the release's cells can be read
    back from any clone with the history (tags or not); what each id names (identity.py), so that no later row
    can take a released id for something else; and `commit`, the commit the release was cut from, when the
    caller knows it.
    """
    side = snapshot(path)
    fp = side.fingerprint
    version = Version.parse(fp["version"])
    if version.is_dev:
        raise ReleaseError(f"{version} is a development version; only a release's fingerprint is kept")
    fp["files"] = package_files(path)
    fp["identity"] = identities(side)
    fp["column_hashes"] = column_hashes(side)
    if commit:
        fp["commit"] = commit
    folder = releases_dir(path)
    folder.mkdir(exist_ok=True)
    file = folder / f"{version}.json"
    # One row per line keeps the file small and its git diffs readable.
    write_json(file, fp, indent=1, sort_keys=True)
    return file


def at_commit(kept: dict[str, Any], repository: Path) -> Snapshot:
    """The kept release read from the commit its record names (`git archive`), checked to be exactly the release
    that was kept: the only source from which a record's later keys (column hashes) may be filled in."""
    commit = kept.get("commit")
    archive = git(repository, "archive", str(commit), DESCRIPTOR, "data", "schemas") if commit else None
    if archive is None:
        raise ReleaseError(f"release {kept.get('version')}: {repository} does not have its commit {commit}")
    with tempfile.TemporaryDirectory(prefix="tde-release-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        side = same_release(Path(folder), kept)
    if side is None:
        raise ReleaseError(f"release {kept.get('version')}: the tables at commit {commit} are not the ones kept")
    return side


def add_column_hashes(file: Path, repository: Path) -> None:
    """Fill in the column hashes of a record written before they were kept, from its own commit (never from the
    current data); its other keys are left as they are."""
    kept = read_fingerprint(file).fingerprint
    kept["column_hashes"] = column_hashes(at_commit(kept, repository))
    write_json(file, kept, indent=1, sort_keys=True)


def open_side(spec: str | Path | None, releases: Path | None = None) -> Snapshot:
    """A package folder, a datapackage.json, a fingerprint file, or the version of a kept release (None: the
    installed package). A kept release comes with its cells when git can give them (see the module docstring)."""
    if spec is None:
        return snapshot()
    path = Path(spec)
    if path.is_dir() or path.name == DESCRIPTOR:
        return snapshot(path)
    if path.is_file():
        # A fingerprint file given by its path is no release, whatever version it records, and holds no cells
        # (trial 16 m9: it was labelled "release 2.0.0.dev0" and its changed rows showed no values without a word).
        side = read_fingerprint(path)
        side.label = f"fingerprint {printable(path)} ({side.version})"
        side.missing = (
            f"{printable(path)} is a fingerprint: it holds each row's hash, not its cells, so a changed row shows no "
            "values; diff the package folder it was made from to see old -> new"
        )
        return side
    folder = releases if releases is not None else releases_dir()
    version = release_spec(str(spec))
    if version is not None and not VERSION.match(version):  # 1.0, v1: no release is named so
        held = [str(v) for v in kept_releases(folder)]
        meant = [v for v in held if v.startswith(f"{version}.")]
        listed = f"kept: {', '.join(held) or 'none'}"
        raise ReleaseError(
            f"{spec} is no release version (a release is named by three numbers, X.Y.Z): "
            + (f"did you mean {meant[-1]}? ({listed})" if meant else listed)
        )
    if version is not None:
        spec = version  # v1.0.0, the tag `scripts/release` makes, is release 1.0.0
        file = folder / f"{spec}.json"
        if file.is_file():
            kept = read_fingerprint(file)
            found, why = from_git(kept.fingerprint, folder.parent)
            if found is not None:
                return found
            kept.missing = why
            return kept
        versions = ", ".join(str(v) for v in kept_releases(folder)) or "none"
        raise ReleaseError(f"no release {spec} is kept in {folder} (kept: {versions})")
    raise ReleaseError(f"{spec} is neither a package folder, a datapackage.json, nor a kept release version")


def git(repository: Path, *args: str) -> bytes | None:
    """git's output, or None where there is no git, no repository or no such object."""
    try:
        return subprocess.run(["git", *args], cwd=repository, capture_output=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def from_git(kept: dict[str, Any], repository: Path) -> tuple[Snapshot | None, str]:
    """The kept release with its cells, from git: by its blob ids, else its commit, else its tag vX.Y.Z.

    Returns the snapshot (only when it is exactly the release that was kept) or None and why not, in words a
    user can act on.
    """
    version = str(kept.get("version"))
    tried = []
    files = kept.get("files")
    if isinstance(files, dict) and files:
        with tempfile.TemporaryDirectory(prefix="tde-release-") as folder:
            missing = [
                name for name, blob in files.items() if not write_blob(repository, str(blob), Path(folder), name)
            ]
            if not missing:
                side = same_release(Path(folder), kept)
                if side is not None:
                    return side, ""
            tried.append(f"its {len(files)} recorded blobs" if len(missing) == len(files) else f"blob of {missing[0]}")
    for label, ref in (("commit", kept.get("commit")), ("tag", f"v{version}")):
        if not ref:
            continue
        archive = git(repository, "archive", str(ref), DESCRIPTOR, "data", "schemas")
        if archive is not None:
            with tempfile.TemporaryDirectory(prefix="tde-release-") as folder:
                with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                    tar.extractall(folder, filter="data")
                side = same_release(Path(folder), kept)
                if side is not None:
                    return side, ""
        tried.append(f"{label} {str(ref)[:12]}")
    where = "has no git history" if git(repository, "rev-parse", "--git-dir") is None else "lacks them"
    why = (
        f"the cells of release {version} are not here, so changed rows show no values: {printable(repository)} {where} "
        f"(looked for {', '.join(tried) or 'nothing: the record names no blob, commit or tag'}); "
        "run the diff in a clone with the history to see old -> new values"
    )
    return None, why


def write_blob(repository: Path, blob: str, folder: Path, name: str) -> bool:
    """Write git blob `blob` to folder/name; False when git does not have it."""
    data = git(repository, "cat-file", "blob", blob)
    if data is None or blob_id(data) != blob:
        return False
    target = folder / name
    if not target.resolve().is_relative_to(folder.resolve()):
        return False  # a record naming ../ is not followed
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def same_release(folder: Path, kept: dict[str, Any]) -> Snapshot | None:
    """The package in `folder` as a diff side, when its tables are the kept release's; else None."""
    try:
        side = snapshot(folder)
    except TDEError:
        return None
    if side.fingerprint["tables"] != kept.get("tables"):
        return None
    side.label = f"release {kept.get('version')}"
    return side
