"""Validation results as data: one Problem per fault, one Report for a package.

Both layers (frictionless for structure, pandera for meaning) and the archive checks speak this one format,
so the CLI's human output, its `--json` output and the Python API all show the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .problems import PROBLEMS, Severity


@dataclass(frozen=True)
class Problem:
    """One fault: where it is (table, CSV row, field), which rule found it, and how to fix it.

    `row` counts as the CSV file does: the header is row 1, the first data row is row 2; None when the
    fault is not in one row (a missing file, a broken descriptor).
    """

    table: str | None
    row: int | None
    field: str | None
    rule: str
    severity: Severity
    message: str
    layer: Literal["descriptor", "structure", "semantics", "archive"]
    # The ids of the other rows a problem is about (a conflict's group, the sources that agree), complete: the
    # message cuts its listing, JSON and the API carry every id.
    related: tuple[str, ...] = ()

    @classmethod
    def of(cls, type_id: str, table: str | None, row: int | None, field: str | None, message: str) -> Problem:
        """A problem of a registered type (its severity and layer come from the registry)."""
        kind = PROBLEMS[type_id]
        return cls(table, row, field, type_id, kind.severity, message, kind.layer)

    def location(self) -> str:
        parts = [self.table or "package"]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)


@dataclass
class Report:
    """All problems found in one package; valid when none is an error."""

    package: str
    archive: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def infos(self) -> list[Problem]:
        """Findings that need no fix: figures that several sources state alike."""
        return [p for p in self.problems if p.severity == "info"]

    def add(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        order = {"descriptor": 0, "structure": 1, "semantics": 2, "archive": 3}
        return sorted(
            self.problems,
            key=lambda p: (order[p.layer], p.table or "", p.row or 0, p.field or "", p.rule),
        )

    def to_dict(self) -> dict[str, Any]:
        """The report as plain data: what `validate --json` prints."""
        return {
            "valid": self.valid,
            "package": self.package,
            "archive": self.archive,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "infos": len(self.infos),
            "problems": [{**asdict(p), "related": list(p.related)} for p in self.sorted()],
        }

    def to_text(self, infos: bool = False) -> str:
        """The report for a person: one line per problem (findings too, with `infos`), then a summary."""
        shown = [p for p in self.sorted() if infos or p.severity != "info"]
        lines = [f"{p.location()}: {p.severity} [{p.rule}] {p.message}" for p in shown]
        checked = f"{self.package}" + (f" against the archive {self.archive}" if self.archive else "")
        verdict = "valid" if self.valid else "INVALID"
        lines.append(
            f"{verdict}: {checked}: {len(self.errors)} errors, {len(self.warnings)} warnings, "
            f"{len(self.infos)} figures corroborated"
        )
        return "\n".join(lines)


problem = Problem.of
