"""scripts/release end to end, in a temporary clone: release 1.0.0, start 1.0.1.dev0, correct one value, release
1.0.1; each step one command, and the changelog, fingerprints, tags and the bump gate agree afterwards."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IN_GIT = (ROOT / ".git").exists() and shutil.which("git") is not None and (ROOT / "scripts" / "release").is_file()
# End to end (git repositories, every script as a subprocess): run once in CI (`pytest -m e2e`), not by the README.
pytestmark = [pytest.mark.skipif(not IN_GIT, reason="needs the git checkout"), pytest.mark.e2e]
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Release Test",
    "GIT_AUTHOR_EMAIL": "release@example.org",
    "GIT_COMMITTER_NAME": "Release Test",
    "GIT_COMMITTER_EMAIL": "release@example.org",
}


HOME = "https://example.org/tongxiang-digital-economy"


def run(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=clone, capture_output=True, text=True, env=ENV)


def script(clone: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run(clone, sys.executable, f"scripts/{name}", *args)


def tde(clone: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The clone's own code, not the installed one.
    return run(
        clone,
        sys.executable,
        "-c",
        "import sys; sys.path.insert(0, 'src'); from tongxiang_digital_economy.cli import cli; cli()",
        *args,
    )


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working tree (tracked and new files, as they are now) committed in a fresh repository, built once per
    module (scripts/build draws the README's charts: seconds of CPU); each test gets a copy of it (`clone`)."""
    tmp_path = tmp_path_factory.mktemp("started")
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
        )
        .stdout.decode()
        .split("\0")
    )
    clone = tmp_path / "clone"
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    for rest in (clone / "releases").glob("*.json"):
        rest.unlink()  # start as before the first release
    d = (clone / "datapackage.json").read_text(encoding="utf-8")
    version = d.split('"version": "', 1)[1].split('"', 1)[0]
    d = d.replace(f'"version": "{version}"', '"version": "1.0.0.dev0"')
    # A release needs a way to find the data (scripts/release refuses without one); a test address stands in.
    d = d.replace(
        '"name": "tongxiang-digital-economy",', f'"name": "tongxiang-digital-economy",\n  "homepage": "{HOME}",', 1
    )
    (clone / "datapackage.json").write_text(d)
    assert script(clone, "build").returncode == 0
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "start"]):
        assert run(clone, "git", *args).returncode == 0
    return clone


@pytest.fixture
def clone(started: Path, tmp_path: Path) -> Path:
    """A copy of the started repository (its .git included) that the test may change."""
    return Path(shutil.copytree(started, tmp_path / "clone", symlinks=True))


@pytest.fixture(scope="module")
def released(started: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The started repository after `scripts/release major --date 2026-12-01` (1.0.0), and that run: made once per
    module, since a release validates the package and builds and checks the derived files (about 17 s of CPU), and
    both tests that start from a first release start from this one (each in a copy, `first_release`)."""
    clone = Path(shutil.copytree(started, tmp_path_factory.mktemp("released") / "clone", symlinks=True))
    return clone, script(clone, "release", "major", "--date", "2026-12-01")


@pytest.fixture
def first_release(
    released: tuple[Path, subprocess.CompletedProcess[str]], tmp_path: Path
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy of the repository released as 1.0.0 that the test may change, and the release's run."""
    clone, result = released
    return Path(shutil.copytree(clone, tmp_path / "clone", symlinks=True)), result


def correct_one_title(clone: Path) -> tuple[str, str, str]:
    path = clone / "data" / "sources.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    old = rows[0]["title"]
    rows[0]["title"] = old + " (corrected)"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows[0]["source_id"], old, rows[0]["title"]


def test_release_then_a_patch_with_one_corrected_value(
    first_release: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    # Release 1.0.0: one command (`released`: `scripts/release major --date 2026-12-01`).
    clone, result = first_release
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        "push it:  git push origin HEAD v1.0.0",
        "then start the next version:  scripts/release next",
    ]
    assert (clone / "releases" / "1.0.0.json").is_file()
    assert "## [Unreleased]\n\n## [1.0.0] - 2026-12-01\n\n### Contents\n" in (clone / "CHANGELOG.md").read_text()
    assert 'date-released: "2026-12-01"' in (clone / "CITATION.cff").read_text()
    assert run(clone, "git", "status", "--porcelain").stdout == ""

    # Start the next version; then a correction without a bump fails the gate, and passes with it.
    assert script(clone, "release", "next").returncode == 0
    assert '"version": "1.0.1.dev0"' in (clone / "datapackage.json").read_text()
    source_id, old, new = correct_one_title(clone)
    assert script(clone, "build").returncode == 0
    assert tde(clone, "check-version").stdout == (
        "version 1.0.1.dev0: a patch bump from release 1.0.0 covers the change (patch needed)\n"
    )
    assert run(clone, "git", "commit", "-q", "-am", "Correct a title").returncode == 0

    # Release the patch: one command; the changelog lists the corrected value old -> new.
    result = script(clone, "release", "patch", "--date", "2026-12-02")
    assert result.returncode == 0, result.stderr
    changelog = (clone / "CHANGELOG.md").read_text()
    assert (
        "## [1.0.1] - 2026-12-02\n\n### Data changes since 1.0.0\n\nA patch release by the Data Package Version "
        f"recipe:\n\n- sources: 1 row changed\n\n`sources`:\n\n- corrected `{source_id}`: title `{old}` → `{new}`\n"
    ) in changelog
    assert run(clone, "git", "tag").stdout.split() == ["v1.0.0", "v1.0.1"]
    assert tde(clone, "diff", "1.0.0", "1.0.1").stdout.splitlines()[0] == (
        "release 1.0.0 -> release 1.0.1: a patch bump needed"
    )
    # Without tags (a clone that did not fetch them) the kept releases still give old -> new, from their blobs.
    assert run(clone, "git", "tag", "-d", "v1.0.0", "v1.0.1").returncode == 0
    assert tde(clone, "diff", "1.0.0", "1.0.1").stdout.splitlines()[-1] == f"  ~ {source_id}: title: {old!r} -> {new!r}"
    kept = json.loads((clone / "releases" / "1.0.1.json").read_text())
    assert kept["commit"] == run(clone, "git", "rev-parse", "HEAD~1").stdout.strip()
    assert set(kept["files"]) >= {"datapackage.json", "data/sources.csv", "schemas/sources.schema.json"}
    assert script(clone, "sync-version").returncode == 0
    notes = script(clone, "release-notes", "1.0.1", "--json", str(clone.parent / "diff.json"))
    assert notes.stdout.startswith(
        "### Data changes since 1.0.0\n\nA patch release by the Data Package Version recipe:"
    )
    assert "### How to cite\n\n" in notes.stdout and "(Version 1.0.1)" in notes.stdout
    assert json.loads((clone.parent / "diff.json").read_text())["rows"]["sources"]["changed"] == [
        {"key": source_id, "cells": {"title": {"old": old, "new": new}}}
    ]


def test_release_refuses_a_dirty_tree_and_a_too_small_bump(
    first_release: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    clone, result = first_release  # released as 1.0.0 (`released`)
    assert result.returncode == 0, result.stderr
    correct_one_title(clone)
    result = script(clone, "release", "patch")
    assert (result.returncode, result.stderr) == (
        1,
        "release: the working tree has uncommitted changes; commit or stash them first\n",
    )
    path = clone / "data" / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    assert script(clone, "build").returncode == 0
    assert run(clone, "git", "commit", "-q", "-am", "Remove a figure").returncode == 0
    # Too small, asked for by level and by an explicit version X.Y.Z (parsed and weighed alike).
    for target in ("minor", "1.1.0"):
        result = script(clone, "release", target)
        assert (result.returncode, result.stderr) == (
            1,
            "release: 1.1.0 is a minor release, but the change since 1.0.0 needs a major one: "
            "indicators: 1 row removed; and 1 smaller change (`tongxiang-digital-economy diff` lists each); run "
            "`scripts/release major`\n",
        ), target


def test_release_refuses_a_citation_that_cannot_find_the_data(clone: Path) -> None:
    path = clone / "datapackage.json"
    path.write_text(path.read_text().replace(f'  "homepage": "{HOME}",\n', ""))
    assert run(clone, "git", "commit", "-q", "-am", "No homepage").returncode == 0
    result = script(clone, "release", "major", "--date", "2026-12-01")
    assert (result.returncode, result.stderr) == (
        1,
        "release: the citation gives no way to find the data: set `homepage` (the repository or landing page URL) "
        "or `id` (a DOI) in datapackage.json, then run scripts/build\n",
    )
    assert run(clone, "git", "tag").stdout == ""
