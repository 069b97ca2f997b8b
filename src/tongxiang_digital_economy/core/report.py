"""Validation results as data: one Problem per fault, one Report for a package.

Both layers (frictionless for structure, pandera for meaning) and the archive checks speak this one format,
so the CLI's human output, its `--json` output and the Python API all show the same thing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from . import problems as P
from .paths import printable
from .problems import PROBLEMS, TABLE_NOT_CHECKED, Severity
from .related_lists import problem_dicts

# A problem's place and rule, as `follows` and `alike` name it: (table, CSV row, rule).
Key = tuple[str | None, int | None, str]


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
    # message cuts its listing, JSON and the API carry every id (JSON a long list once per group: related_lists.py).
    related: tuple[str, ...] = ()
    # The table a foreign-key problem points into, so that errors which follow from a broken table are told apart.
    refers_to: str | None = None
    # The problem this one follows from, as (table, CSV row, rule): an edition's dates that its figure rows agree
    # against (semantics/editions.py) make each of those rows fail; the cause is the one error, and the text
    # report counts these under it (`--json` and the API list each, with this key).
    follows: tuple[str, int, str] | None = None

    def __post_init__(self) -> None:
        # A message is one line of text: a control character a cell or a name brings into it (a NUL, a line break)
        # is written as Python writes it, whichever rule quoted it (trial 16 m4: a NUL reached the terminal raw).
        if not self.message.isprintable():
            object.__setattr__(self, "message", printable(self.message))

    def key(self) -> tuple[str, int, str] | None:
        """What a problem that follows from this one names in `follows` (None: not in one row)."""
        return None if self.table is None or self.row is None else (self.table, self.row, self.rule)

    @classmethod
    def of(
        cls,
        type_id: str,
        table: str | None,
        row: int | None,
        field: str | None,
        message: str,
        refers_to: str | None = None,
    ) -> Problem:
        """A problem of a registered type (its severity and layer come from the registry)."""
        kind = PROBLEMS[type_id]
        return cls(table, row, field, type_id, kind.severity, message, kind.layer, refers_to=refers_to)

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
    # The keys (table, CSV row, rule) of the errors by which the reader refused a cell of a key that rows refer to
    # (a bad byte in a places id, a malformed row): the foreign-key errors into such a table follow from them
    # (`follow_ons`). Filled by `validate`, which has the schemas; another table's errors refuse no key.
    key_refusals: set[tuple[str, int, str]] = field(default_factory=set)
    # The tables whose semantic rules did not run, each with the tables that stopped them: itself when its file is
    # missing or does not load, `events` for indicators when events.csv is missing (they read it). Filled by
    # `validate`; the summary says so rather than count what was not checked (trial 16 W3: "0 figures
    # corroborated" with the indicators' rules not run).
    not_run: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The tables that loaded but lack a column the quote rules read (units without `written_forms`), each with the
    # columns it lacks: a cause in `not_run` that is not here did not load (review 14 R2: JUnit said "units did not
    # load" of a units table that loaded).
    lacking: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # False when no rule ran at all: a descriptor that does not load, or the structure layer alone.
    rules_ran: bool = True

    @property
    def valid(self) -> bool:
        return not self.errors

    def passes(self, fail_on: str = "error") -> bool:
        """Whether the report passes at a level (`validate --fail-on`): `error` fails on errors only, `warning` on
        warnings too. Kept apart from `valid` (the package's validity: no error), so that the exit code, the text
        summary and the JSON say the same verdict (review 4 F6)."""
        return self.valid and not (fail_on == "warning" and self.warnings)

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

    @property
    def corroboration_checked(self) -> bool:
        """Whether the figures were compared (the indicators' rules ran): only then is the count of figures
        corroborated a finding."""
        return self.rules_ran and "indicators" not in self.not_run

    def add(self, problems: list[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        order = {"descriptor": 0, "structure": 1, "semantics": 2, "archive": 3}
        return sorted(
            self.problems,
            key=lambda p: (order[p.layer], p.table or "", p.row or 0, p.field or "", p.rule),
        )

    def to_dict(self, fail_on: str = "error") -> dict[str, Any]:
        """The report as plain data: what `validate --json` prints. `valid` is the package's validity (no error);
        `passed` is the verdict at `fail_on` (the exit code of `validate --fail-on`: with `warning`, a valid package
        with warnings has `valid` true and `passed` false). `problems` lists every problem in `outline()`'s order:
        a cause, then what is counted under it, each naming its cause in `follows` as [table, row, rule] (trial 14
        W6: the bad byte after 91 foreign-key errors, each with `follows` null). A foreign-key error that says the
        same missing key as an earlier row's (a source removed: 14 rows cite it) names that row's error in `alike` as
        [table, row, rule], listed right after it: the group the other formats say once (trial 18 m2); `alike` is
        null on every other problem. A problem's `related` ids are listed in place up to RELATED_INLINE of them; a
        longer list (an agreement group's) is written once in `related_groups`, and each of its problems names its
        place there in `related_group` (`related` null): the report grows linearly with a group (related_lists.py)."""
        problems, groups = problem_dicts(self.listed())
        return {
            "valid": self.valid,
            "passed": self.passes(fail_on),
            "fail_on": fail_on,
            "package": self.package,
            "archive": self.archive,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "infos": len(self.infos),
            "rules_ran": self.rules_ran,
            "rules_not_run": {table: list(causes) for table, causes in sorted(self.not_run.items())},
            "tables_lacking_columns": {table: list(columns) for table, columns in sorted(self.lacking.items())},
            "corroboration_checked": self.corroboration_checked,
            "summary": self.summary(fail_on == "warning"),
            "problems": problems,
            "related_groups": groups,
        }

    def follow_ons(self) -> dict[str, list[Problem]]:
        """Foreign-key errors into a table whose key cells the reader refused (`key_refusals`), by that table.

        One bad byte in places.csv makes its row unreadable, and then every row of every table that refers to
        it fails its foreign key: the cause is the one error in places, the rest follow from it. A table whose
        errors refused no key cell (units' multiplier -1) causes no foreign-key error: one into it ('furlong') is
        its own, and printed so (trial 15 W4: it had been counted under the multiplier).
        """
        broken = {table for table, _, _ in self.key_refusals}
        grouped: dict[str, list[Problem]] = {}
        for p in self.errors:
            if p.rule == "foreign-key" and p.refers_to is not None and p.refers_to in broken:
                grouped.setdefault(p.refers_to, []).append(p)
        return grouped

    def followers(self) -> dict[tuple[str, int, str], list[Problem]]:
        """The problems that follow from another problem of the report (`follows`), by the key of that problem."""
        causes = {k for p in self.problems if (k := p.key()) is not None}
        grouped: dict[tuple[str, int, str], list[Problem]] = {}
        for p in self.problems:
            if p.follows is not None and p.follows in causes:
                grouped.setdefault(p.follows, []).append(p)
        return grouped

    def outline(self, said: Callable[[Problem], bool] = lambda p: True) -> list[Entry]:
        """The report's one order and grouping, which every format reads (text, `--json`, GitHub annotations,
        JUnit): each problem that is not counted under another, in `sorted()` order, with what it causes. A broken
        table's foreign-key group goes under its first error in a row (`group_anchors`), what follows from those
        rows with it; a problem's `follows` group under it; the foreign-key errors that say one missing key alike under
        the first of them (`alike_groups`: a source removed, 14 rows cite it, trial 18 m2). `said` leaves problems out
        (warnings with `--quiet`)."""
        follow_ons = self.follow_ons()
        followers = self.followers()
        hidden = counted_under(follow_ons, followers)
        shown = [p for p in self.sorted() if id(p) not in hidden and said(p)]
        anchors = group_anchors(shown, follow_ons, self.key_refusals)
        entries = []
        for p in shown:
            references: list[Problem] = []
            through: list[Problem] = []
            if p.table in follow_ons and id(p) in anchors:
                references = follow_ons.pop(p.table)
                # What follows from a grouped foreign-key error (a rule that read the row through the key) is
                # counted with the group: its cause is not shown on a line of its own.
                keys = dict.fromkeys(g.key() for g in references)
                through = [f for k in keys if k in followers for f in followers.pop(k) if said(f)]
            key = p.key()
            own = [f for f in followers.pop(key) if said(f)] if key is not None and key in followers else []
            entries.append(Entry(p, tuple(references), tuple(through), tuple(own)))
        alike = alike_groups([e.problem for e in entries if not e.counted()])
        grouped = counted_under(alike)
        return [replace(e, alike=tuple(alike.get(id(e.problem), ()))) for e in entries if id(e.problem) not in grouped]

    def listed(self) -> list[tuple[Problem, Key | None, Key | None]]:
        """Every problem once, in `outline()`'s order, with the cause it is counted under (None: its own line) and
        the problem it is alike (None: none): a foreign-key error that a broken table causes names that table's
        error its group is under; what names a cause in `follows` keeps it; a foreign-key error that says an earlier
        row's missing key names that row's error. Problems whose cause is itself counted under another come last."""
        out: list[tuple[Problem, Key | None, Key | None]] = []
        for e in self.outline():
            anchor = (e.problem.table, e.problem.row, e.problem.rule)
            out.append((e.problem, e.problem.follows, None))
            out.extend((p, p.follows, anchor) for p in e.alike)
            out.extend((p, anchor, None) for p in e.references)
            out.extend((p, p.follows, None) for p in (*e.through, *e.followers))
        placed = {id(p) for p, _, _ in out}
        return out + [(p, p.follows, None) for p in self.sorted() if id(p) not in placed]

    def first_error(self) -> Problem | None:
        """The first error `to_text` lists: never one it counts under its cause (a bad byte in places comes before
        the enterprises row that refers to it), so a command that names only the first names the cause."""
        return next((e.problem for e in self.outline() if e.problem.severity == "error"), None)

    def to_text(self, infos: bool = False, warnings: bool = True, fail_on_warnings: bool = False) -> str:
        """The report for a person: one line per problem, then a summary. Foreign-key errors that follow from
        a broken table are counted under that table's first error (`--json` lists each); warnings are left out
        with `warnings=False`, but never one that says a table's rules did not run (`table-not-checked`: a
        check not made is no detail, trial 16 W3), findings shown with `infos`. With `fail_on_warnings` (validate
        --fail-on warning) a package without errors but with warnings is summed up as failing on them, since the command
        exits 1: "valid: …" above an exit code of 1 would contradict itself (trial 4 m11)."""

        def said(p: Problem) -> bool:
            return (infos or p.severity != "info") and (warnings or p.severity != "warning" or said_not_run(p))

        lines = []
        for e in self.outline(said):
            lines.append(f"{e.problem.location()}: {e.problem.severity} [{e.problem.rule}] {e.problem.message}")
            lines.extend(e.counted_lines())
        lines.append(self.summary(fail_on_warnings))
        return "\n".join(lines)

    def summary(self, fail_on_warnings: bool = False) -> str:
        """The verdict line that ends every format: valid or not, what was checked, the counts, and which rules did
        not run: a count of figures corroborated only where the figures were compared."""
        checked = printable(self.package) + (f" against the archive {printable(self.archive)}" if self.archive else "")
        verdict = "valid" if self.valid else "INVALID"
        if self.valid and fail_on_warnings and self.warnings:
            verdict = f"FAILED on {count(len(self.warnings), 'warning')} (--fail-on warning), valid otherwise"
        return (
            f"{verdict}: {checked}: {count(len(self.errors), 'error')}, {count(len(self.warnings), 'warning')}, "
            f"{self.corroboration()}"
        )

    def corroboration(self) -> str:
        """The summary's last part: '90 figures corroborated', or that the figures were not compared and whose
        rules did not run."""
        if not self.rules_ran:
            return "corroboration not checked: no rule ran"
        # Without the archive no evidence was read against its text: an invented passage passes (trial 17 m7).
        unread = "" if self.archive else "; evidence not read against the archived texts (no archive given)"
        stopped = f"the rules of {listed(sorted(self.not_run))} did not run"
        if not self.corroboration_checked:
            return f"corroboration not checked: {stopped}{unread}"
        return f"{count(len(self.infos), 'figure')} corroborated" + (f"; {stopped}" if self.not_run else "") + unread


@dataclass(frozen=True)
class Entry:
    """One problem as every format shows it, with what is counted under it: the foreign-key errors into its table
    that its fault breaks (`references`), what follows from those rows (`through`), and the problems that name it
    in `follows` (`followers`); and the foreign-key errors of later rows that say the same missing key (`alike`:
    not caused by it, but told the same fix, so said once under it)."""

    problem: Problem
    references: tuple[Problem, ...] = ()
    through: tuple[Problem, ...] = ()
    followers: tuple[Problem, ...] = ()
    alike: tuple[Problem, ...] = ()

    def counted(self) -> tuple[Problem, ...]:
        return (*self.references, *self.through, *self.followers)

    def counted_lines(self) -> list[str]:
        """The lines that count what follows from the problem, as the text report prints them under its line."""
        lines = []
        if self.references:
            lines.append(follow_on_line(str(self.problem.table), list(self.references), list(self.through)))
        if self.followers:
            lines.append(followers_line(self.problem, list(self.followers)))
        if self.alike:
            lines.append(f"  {alike_words(self.problem, list(self.alike))} (`--json` lists each)")
        return lines

    def size(self) -> int:
        """How many problems the entry says on its own line: itself and those alike it (14 rows that cite a
        removed source are 14 errors, said once)."""
        return 1 + len(self.alike)


def group_anchors(
    shown: list[Problem], follow_ons: dict[str, list[Problem]], refusals: set[tuple[str, int, str]]
) -> set[int]:
    """The ids of the errors a broken table's foreign-key group is printed under: its first error that refused a
    key cell (the bad byte that breaks the keys), not a table-level line listed before it (a checkout's stale
    `[hash]`, trial 14 W2) nor another cell's error; its first error of any kind where none is shown."""
    anchors: set[int] = set()
    for table in follow_ons:
        own = [p for p in shown if p.table == table and p.severity == "error" and p.rule != "foreign-key"]
        first = next((p for p in own if p.key() in refusals), own[0] if own else None)
        if first is not None:
            anchors.add(id(first))
    return anchors


def counted_under(*groups: dict[Any, list[Problem]]) -> set[int]:
    """The ids of the problems a grouping counts under their cause (`follow_ons`, `followers`), left off their own
    lines."""
    return {id(p) for grouping in groups for group in grouping.values() for p in group}


def marked_as_following(found: list[Problem], follows: dict[tuple[int, str], tuple[str, int, str]]) -> list[Problem]:
    """`found` with each indicators problem whose (view row, rule) is in `follows` marked as following from the
    problem keyed there: one marking for every blame that moves figure errors under their cause (an edition's dates,
    a source's published date)."""
    return [
        replace(p, follows=follows[(p.row - 2, p.rule)])
        if p.table == "indicators" and p.row is not None and (p.row - 2, p.rule) in follows
        else p
        for p in found
    ]


def said_not_run(p: Problem) -> bool:
    """Whether a problem says that a table's rules did not run: a warning `--quiet` still prints."""
    return p.rule == TABLE_NOT_CHECKED


def listed(names: Sequence[str]) -> str:
    """`a`, `a and b`, `a, b and c`: names in a sentence (review 14 R9: "the rules of indicators, lexicon")."""
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else "".join(names)


def count(n: int, noun: str) -> str:
    """`1 error`, `2 errors`, `0 errors`."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def a_or_an(noun: str) -> str:
    """A noun with its indefinite article: `an enterprise_id`, `an event_id`, `a unit`, `a place_id` (trial 17 m1:
    "a enterprise_id"). By the first letter: a, e, i, o take "an"; u does not (a unit, a unique key)."""
    return f"{'an' if noun[:1].lower() in ('a', 'e', 'i', 'o') else 'a'} {noun}"


def agree(n: int, verb: str) -> str:
    """A verb agreeing with a count: `1 row refers`, `2 rows refer` (issue 16: messages are grammatical)."""
    return f"{verb}s" if n == 1 else verb


def follow_on_line(table: str, problems: list[Problem], after: list[Problem] | None = None) -> str:
    """The foreign-key errors that follow from `table`'s own errors, counted as rows by the table they are in: a row
    that refers to `table` twice (a project's place_id and zone_place_id) is one row, its references said apart
    (trial 8 m4: 111 "rows" of a 105-row table)."""
    by_table: dict[str, set[int | None]] = {}
    for p in problems:
        by_table.setdefault(p.table or "package", set()).add(p.row)
    rows = sum(len(r) for r in by_table.values())
    tables = ", ".join(f"{name} {len(r)}" for name, r in sorted(by_table.items()))
    references = f"; {count(len(problems), 'reference')}" if len(problems) != rows else ""
    following = ""
    if after:
        following = (
            f", and {severity_counts(after)} of rules that read those rows through {table} ({rule_counts(after)})"
        )
    return (
        f"  and {count(rows, 'row')} of {count(len(by_table), 'table')} that {agree(rows, 'refer')} to {table} "
        f"[foreign-key] ({tables}{references}){following}: fix {table} first (`--json` lists each)"
    )


def alike_groups(problems: Sequence[Problem]) -> dict[int, list[Problem]]:
    """The foreign-key errors of one table and field that say one missing key alike (a source removed: 14 rows cite
    it), by the id of the first, each with the later ones: one grouping that every format reads (the text report,
    GitHub and JUnit through `Report.outline`, `--json` as `alike`, the LoadError of `load` and `show`), each saying
    the first error and the others counted under it (trial 18 m2: 14 lines, each told the same fix). The callers
    pass only errors with nothing counted under them."""
    first: dict[tuple[str | None, str | None, str], Problem] = {}
    alike: dict[int, list[Problem]] = {}
    for p in problems:
        if p.rule != P.FOREIGN_KEY:
            continue
        lead = first.setdefault((p.table, p.field, p.message), p)
        if lead is not p:
            alike.setdefault(id(lead), []).append(p)
    return alike


def alike_words(first: Problem, others: list[Problem]) -> str:
    """'and 13 more rows of indicators that refer to it alike (rows 444 to 456): the same fix', said of the first."""
    rows = sorted({p.row for p in others if p.row is not None})
    return (
        f"and {count(len(others), 'more row')} of {first.table} that {agree(len(others), 'refer')} to it alike "
        f"({'rows' if len(rows) > 1 else 'row'} {row_runs(rows)}): the same fix"
    )


def runs(numbers: Iterable[int]) -> list[list[int]]:
    """Numbers as runs of consecutive ones, in order, each once: [12, 7, 8, 9, 3, 8] → [[3], [7, 8, 9], [12]]. One
    grouping for every listing of numbers, each caller writing the runs its own way: a report's rows (`row_runs`), a
    chart label's note numbers (use/point_labels.py) (review 15 R11: written twice)."""
    out: list[list[int]] = []
    for n in sorted(set(numbers)):
        if out and n == out[-1][-1] + 1:
            out[-1].append(n)
        else:
            out.append([n])
    return out


def row_runs(rows: Iterable[int]) -> str:
    """Row numbers as runs: `444 to 456`, `3, 7 to 9 and 12`."""
    return listed([str(r[0]) if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs(rows)])


def followers_line(cause: Problem, problems: list[Problem]) -> str:
    """The problems that follow from `cause`, counted by table, rows and rule."""
    rows = {(p.table, p.row) for p in problems}
    tables = sorted({p.table or "package" for p in problems})
    where = f"{cause.table} row {cause.row}"
    return (
        f"  and {severity_counts(problems)} on {count(len(rows), 'row')} of {', '.join(tables)} that "
        f"{agree(len(problems), 'follow')} from it ({rule_counts(problems)}): fix {where} first (`--json` lists each)"
    )


def severity_counts(problems: list[Problem]) -> str:
    """'2 errors', '1 warning', '2 errors and 1 warning': what a grouping line counts under its cause (a rule's
    warning on a row that reads a broken key follows from it as its errors do)."""
    by = Counter(p.severity for p in problems)
    return " and ".join(count(by[s], s) for s in ("error", "warning", "info") if by[s])


def rule_counts(problems: list[Problem]) -> str:
    """'rule n, …' by rule id: what a grouping line says follows from its cause."""
    return ", ".join(f"{rule} {n}" for rule, n in sorted(Counter(p.rule for p in problems).items()))


problem = Problem.of
