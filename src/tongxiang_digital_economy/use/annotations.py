"""A validation report in the forms CI systems read: GitHub workflow commands and JUnit XML.

A fork of the dataset validated in someone else's CI should fail with a mark on the CSV line that caused it, not
a wall of text in a log. GitHub turns `::error file=…,line=…,title=…::message` lines printed by a step into
annotations on the pull request's diff; GitLab, Jenkins and most other CI systems read JUnit XML test reports.
Both are renderings of the one `Report`: nothing is decided here that `validate` did not decide.

Rows in a report are CSV records (the header is row 1); annotations need file lines, which differ below a cell
that holds a line break, so each table's records are mapped to lines once (`io.lines`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..core.exceptions import TDEError
from ..core.paths import DESCRIPTOR
from ..core.problems import PROBLEMS
from ..core.report import Entry, Problem, Report, count
from ..io.lines import line_of, record_lines
from ..schema.descriptor import read_descriptor, resource, resource_path, table_names
from ..semantics.rules import RULES

FORMATS = ("text", "json", "github", "junit")


def table_files(report: Report) -> dict[str, Path]:
    """The CSV file of every table of the report's package (empty when the descriptor cannot be read)."""
    base = Path(report.package)
    try:
        descriptor = read_descriptor(base)
        return {name: resource_path(base, resource(descriptor, name)) for name in table_names(descriptor)}
    except TDEError:
        return {}


def shown_path(path: Path, root: Path) -> str:
    """`path` as GitHub wants it: relative to the repository root (the workspace), with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def escape_data(text: str) -> str:
    """A workflow command's message: GitHub reads %, CR and LF as escapes (its documented encoding)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: the message's escapes, plus the separators `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(report: Report, root: str | Path | None = None, infos: bool = False, fail_on: str = "error") -> str:
    """The report as GitHub workflow commands, one per problem that is not counted under another (the order and
    grouping of `Report.outline`, as the text report), then the summary line as plain text.

    Errors become `::error`, warnings `::warning`, findings (with `infos`) `::notice`. A problem in a table names
    its CSV file, and its line when it has a row; a descriptor problem names datapackage.json. Paths are relative
    to `root` (default: the working directory, which is the workspace in a GitHub Actions step). The summary line
    gives the verdict the exit code gives: with `fail_on="warning"` a valid package with warnings is "invalid under
    --fail-on warning", since a log ending "valid: …" above a failed step says nothing of why it failed (trial 10 W5).
    """
    root_path = Path(root) if root is not None else Path(os.getcwd())
    files = table_files(report)
    starts: dict[str, list[int]] = {}
    lines = []
    for entry in report.outline(lambda p: infos or p.severity != "info"):
        p = entry.problem
        command = {"error": "error", "warning": "warning", "info": "notice"}[p.severity]
        where = []
        path = files.get(p.table) if p.table else None
        if path is None:
            where.append(f"file={escape_property(shown_path(Path(report.package) / DESCRIPTOR, root_path))}")
        else:
            where.append(f"file={escape_property(shown_path(path, root_path))}")
            if p.row is not None and p.table is not None:
                if p.table not in starts:
                    starts[p.table] = record_lines(path) if path.is_file() else []
                where.append(f"line={line_of(starts[p.table], p.row)}")
        where.append(f"title={escape_property(p.rule)}")
        lines.append(f"::{command} {','.join(where)}::{escape_data(message(entry))}")
    summary = report.summary()
    if not report.passes(fail_on) and report.valid:
        summary = "invalid under --fail-on warning: " + summary.removeprefix("valid: ")
    lines.append(summary)
    return "\n".join(lines)


def message(entry: Entry) -> str:
    """A problem's message with its place in the table, as an annotation shows it beside the line, and on lines
    below it what is counted under it (`Report.outline`): one annotation for a bad byte, "and 140 rows of 5 tables
    that refer to places" in it, not 140 foreign-key annotations before it (trial 14 W6)."""
    p = entry.problem
    return "\n".join([f"{p.location()}: {p.message}", *(line.strip() for line in entry.counted_lines())])


def junit(report: Report, fail_on: str = "error") -> str:
    """The report as JUnit XML: a test suite per table, a test case per rule and table.

    Every registered rule that could have fired on a table is a test case, so a run shows what was checked, not
    only what failed: a rule that found errors fails with each of them in its failure text; warnings are written
    to the case's system-out (they pass, as `validate` does). With `fail_on="warning"` (validate --fail-on
    warning) warnings fail too, so a rule that found warnings fails with each of them in its failure text and is
    counted in `failures`: the report a CI system shows says why the job failed, as the exit code does (trial 10
    W5). Problems outside a table (the descriptor, the archive catalogue) form a suite named `package`. The cases
    read `Report.outline`, as the text report does: what is counted under a cause is said in the cause's failure
    text, and a case whose every problem is counted so is skipped, naming its cause (trial 14 W6: the bad byte of
    places failed once, not 5 foreign-key cases before it). A semantic rule of a table whose rules did not run is
    skipped too, saying which table stopped it: it did not pass.
    """
    failing = ("error", "warning") if fail_on == "warning" else ("error",)
    by_case: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    counted: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    for entry in report.outline(lambda p: p.severity != "info"):
        by_case[(entry.problem.table or "package", entry.problem.rule)].append(entry)
        for p in entry.counted():
            counted[(p.table or "package", p.rule)].append(entry.problem)
    tables = list(table_files(report)) or sorted({t for t, _ in by_case} - {"package"})
    semantic = {r.id for r in RULES}
    suites: dict[str, list[str]] = {t: rules_for(t) for t in tables}
    suites["package"] = [k.id for k in PROBLEMS.values() if k.layer == "descriptor"]
    for table, rule in [*by_case, *counted]:
        if rule not in suites.setdefault(table, []):
            suites[table].append(rule)
    out = ['<?xml version="1.0" encoding="UTF-8"?>']
    total_failures = sum(1 for es in by_case.values() if any(e.problem.severity in failing for e in es))
    total = sum(len(v) for v in suites.values())
    out.append(f'<testsuites name="tongxiang-digital-economy validate" tests="{total}" failures="{total_failures}">')
    for table, rules in suites.items():
        failed = sum(1 for r in rules if any(e.problem.severity in failing for e in by_case.get((table, r), [])))
        out.append(f'  <testsuite name={quoteattr(table)} tests="{len(rules)}" failures="{failed}">')
        for rule in rules:
            found = by_case.get((table, rule), [])
            errors = [e for e in found if e.problem.severity == "error"]
            warnings = [e for e in found if e.problem.severity == "warning"]
            name = quoteattr(rule)
            body = []
            if errors or (warnings and "warning" in failing):
                failed_on = [*errors, *(warnings if "warning" in failing else [])]
                text = "\n".join(case_text(e) for e in failed_on)
                # Rows alike their case's first (a removed source's 14) are errors of the case, said once.
                said = [count(sum(e.size() for e in errors), "error")] if errors else []
                if warnings and "warning" in failing:
                    said.append(f"{count(len(warnings), 'warning')} (--fail-on warning)")
                body.append(f"      <failure message={quoteattr(', '.join(said))} type={name}>{escape(text)}</failure>")
                if "warning" in failing:
                    warnings = []
            elif (table, rule) in counted:
                body.append(f"      <skipped message={quoteattr(skipped_text(counted[(table, rule)]))}/>")
            elif not warnings and rule in semantic and (not_run := not_run_text(report, table)):
                body.append(f"      <skipped message={quoteattr(not_run)}/>")
            if warnings:
                text = "\n".join(case_text(e) for e in warnings)
                body.append(f"      <system-out>{escape(text)}</system-out>")
            opening = f"    <testcase classname={quoteattr(table)} name={name}"
            out.extend([opening + ">", *body, "    </testcase>"] if body else [opening + "/>"])
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out)


def case_text(entry: Entry) -> str:
    """A problem in a test case's failure or output text, with what is counted under it on the lines below."""
    p = entry.problem
    said = f"{p.location()}: {'warning: ' if p.severity == 'warning' else ''}{p.message}"
    return "\n".join([said, *entry.counted_lines()])


def skipped_text(causes: list[Problem]) -> str:
    """Why a case whose every problem is counted under another case's is skipped, not failed: its rows could not
    be judged while the cause stands (the rows that refer to a place whose key is a bad byte), so the failure is
    the cause's, once (trial 14 W6)."""
    named = dict.fromkeys(f"{p.location()} [{p.rule}]" for p in causes)
    return f"follows from {'; '.join(named)}: fix that first"


def not_run_text(report: Report, table: str) -> str | None:
    """Why a semantic rule's case of `table` is skipped, not passed: its table's rules did not run (Report.not_run,
    the text summary's "the rules of … did not run"), so it found nothing because it looked at nothing (trial 16
    W3); None when they ran."""
    if not report.rules_ran:
        return "did not run: no rule ran"
    causes = report.not_run.get(table)
    if causes is None:
        return None
    return "did not run: " + "; ".join(stopped_by(report, cause) for cause in causes)


def stopped_by(report: Report, cause: str) -> str:
    """What a table that stopped rules did: it did not load, or it loaded without a column the quote rules read."""
    if cause in report.lacking:
        return f"{cause} has no column {', '.join(report.lacking[cause])} (see [rules-not-run])"
    return f"{cause} did not load (its own errors say why)"


def rules_for(table: str) -> list[str]:
    """The registered problem types that can fire on `table`: every structure and archive type, and the
    semantic rules declared for it."""
    own = [r.id for r in RULES if r.table == table]
    shared = [k.id for k in PROBLEMS.values() if k.layer in ("structure", "archive")]
    return shared + [r for r in own if r not in shared]
