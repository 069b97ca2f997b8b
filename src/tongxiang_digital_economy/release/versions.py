"""Versions as the project writes them, and the bump between two (Data Package Version recipe).

X.Y.Z is a release; X.Y.Z.devN is the work towards X.Y.Z and sorts before it (PEP 440). A change's size maps
onto the bump it needs: major (removed, renamed or retyped), minor (added), patch (corrected), none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..core.exceptions import ReleaseError

Bump = Literal["none", "patch", "minor", "major"]
BUMPS: tuple[Bump, ...] = ("none", "patch", "minor", "major")
VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:\.dev(\d+))?$")
# What a reader may type for a kept release: its version, or the tag `scripts/release` makes of it (v1.0.0); a
# version of fewer parts (1.0, v1) is no release's name, but is said as one meant (trial 16 m3).
RELEASE_SPEC = re.compile(r"^[vV]?(\d+(?:\.\d+){0,2}(?:\.dev\d+)?)$")


def release_spec(spec: str) -> str | None:
    """The version a diff side names when it is written as a version or its tag: `1.0.0` and `v1.0.0` are 1.0.0;
    `1.0` and `v1` are returned as written (a version of fewer parts, for `open_side` to say so); None for
    anything else (a folder's name)."""
    found = RELEASE_SPEC.match(spec)
    return found.group(1) if found else None


@dataclass(frozen=True, order=True)
class Version:
    """A version as the project writes it: X.Y.Z for a release, X.Y.Z.devN for the work towards X.Y.Z."""

    major: int
    minor: int
    patch: int
    # A development version sorts before its release: 1.0.0.dev0 < 1.0.0 (PEP 440).
    dev_rank: float = float("inf")

    @classmethod
    def parse(cls, text: object) -> Version:
        match = VERSION.match(text) if isinstance(text, str) else None
        if match is None:
            raise ReleaseError(
                f"version {text!r} is not X.Y.Z (a release) or X.Y.Z.devN (work towards X.Y.Z); "
                "set datapackage.json's `version` to one"
            )
        major, minor, patch, dev = match.groups()
        return cls(int(major), int(minor), int(patch), float("inf") if dev is None else int(dev))

    @property
    def is_dev(self) -> bool:
        return self.dev_rank != float("inf")

    @property
    def release(self) -> Version:
        """The release this version is or leads to (1.0.1.dev0 -> 1.0.1)."""
        return Version(self.major, self.minor, self.patch)

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        return text if not self.is_dev else f"{text}.dev{int(self.dev_rank)}"

    def bumped(self, level: Bump) -> Version:
        """The next release of the given level (patch 1.0.0 -> 1.0.1, minor -> 1.1.0, major -> 2.0.0)."""
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        if level == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        return self.release

    def bump_from(self, old: Version) -> Bump:
        """How far the release this version leads to is above `old`: none when it is not above it."""
        new = self.release
        if new <= old.release:
            return "none"
        if new.major != old.major:
            return "major"
        return "minor" if new.minor != old.minor else "patch"


def larger(a: Bump, b: Bump) -> Bump:
    return a if BUMPS.index(a) >= BUMPS.index(b) else b
