"""CHANGELOG.md (Keep a Changelog) and the version: the check that they agree, and the release's new section."""

from __future__ import annotations

import re

from ..core.exceptions import ReleaseError
from ..core.report import count
from .fingerprint import Snapshot
from .versions import VERSION, Version

UNRELEASED = "## [Unreleased]"
RELEASED = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$", re.MULTILINE)


def changelog_problems(changelog: str, version: str) -> list[str]:
    """Where CHANGELOG.md disagrees with the version: empty when they agree.

    The head is `## [Unreleased]`; under a development version X.Y.Z.devN every released section is below X.Y.Z,
    and under a release version X.Y.Z the newest released section is `## [X.Y.Z] - YYYY-MM-DD`.
    """
    declared = Version.parse(version)
    headings = RELEASED.findall(changelog)
    if not headings or headings[0][0] != "Unreleased":
        return ["CHANGELOG.md must start its sections with `## [Unreleased]` (Keep a Changelog)"]
    released = headings[1:]
    problems = []
    for name, date in released:
        if not VERSION.match(name) or ".dev" in name or not date:
            problems.append(f"CHANGELOG.md section `## [{name}]` is not `## [X.Y.Z] - YYYY-MM-DD`")
    if problems:
        return problems
    newest = Version.parse(released[0][0]) if released else None
    if declared.is_dev and newest is not None and newest >= declared.release:
        problems.append(
            f"CHANGELOG.md's newest release is {newest}, but the version {declared} leads to {declared.release}: "
            f"set the version above {newest}"
        )
    if not declared.is_dev and (newest is None or newest != declared):
        problems.append(
            f"the version {declared} is a release, but CHANGELOG.md's newest section is "
            f"{'none' if newest is None else newest}: run scripts/release, or use {declared}.dev0 until the release"
        )
    return problems


def release_changelog(changelog: str, version: Version, date: str, summary: str) -> str:
    """CHANGELOG.md with the Unreleased entries moved under `## [version] - date`, after the data change summary."""
    if UNRELEASED not in changelog:
        raise ReleaseError("CHANGELOG.md has no `## [Unreleased]` section to release")
    head, rest = changelog.split(UNRELEASED, 1)
    match = RELEASED.search(rest)
    body, tail = (rest[: match.start()], rest[match.start() :]) if match else (rest, "")
    entries = body.strip("\n")
    section = f"## [{version}] - {date}\n\n{summary.strip()}\n"
    if entries:
        section += f"\n{entries}\n"
    return f"{head}{UNRELEASED}\n\n{section}" + (f"\n{tail}" if tail else "")


def contents_summary(current: Snapshot, level: int = 3) -> str:
    """For a first release: what the package holds."""
    tables = current.fingerprint["tables"]
    lines = [f"{'#' * level} Contents", ""]
    lines += [
        f"- `{name}`: {count(len(t['rows']), 'row')}, {count(len(t['fields']), 'field')}" for name, t in tables.items()
    ]
    return "\n".join(lines)
