"""Fixtures: a scratch copy of the shipped package that a test can break in exactly one way.

Each bad-input test copies the real package, changes one thing, records the new hashes (unless the hash is
what the test is about), and validates the copy, so that the one fault it made is the one it sees.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import hashlib
import inspect
import json
import shutil
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics import answers, distinct, kept_groups
from tongxiang_digital_economy.text.period_lexicon import PeriodWords
from tongxiang_digital_economy.text.period_readings import Reading
from tongxiang_digital_economy.text.period_words import read_period

# Hypothesis' default deadline (200 ms an example) is a timing assertion: on two cores shared by a busy machine one
# example of the reader took 263 ms and failed the suite. Tests never assert timings, so no example has a deadline;
# the profile is the suite's, loaded here for every file.
settings.register_profile("tongxiang", deadline=None)
settings.load_profile("tongxiang")

SHARED_ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "sources"

# The order of the files is collection order. Under xdist (`--dist loadfile`, pytest-xdist 3.8) the controller hands
# whole files to the workers most tests first, whatever the order here; the files of few tests that come last cost
# at most a few seconds each, so the last worker's idle tail is about a second (from each file's `--durations=0`).


@dataclass
class PackageCopy:
    root: Path

    def csv(self, table: str) -> Path:
        return self.root / "data" / f"{table}.csv"

    def rows(self, table: str) -> list[dict[str, str]]:
        with self.csv(table).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    def write(self, table: str, rows: list[dict[str, str]], stamp: bool = True) -> None:
        with self.csv(table).open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        with self.csv(table).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        if stamp:
            tde.stamp(self.root)

    def edit(self, table: str, row: int, stamp: bool = True, **values: str) -> None:
        """Set fields of CSV row `row` (2 is the first data row)."""
        rows = self.rows(table)
        rows[row - 2].update(values)
        self.write(table, rows, stamp)

    def append(self, table: str, values: dict[str, str], stamp: bool = True) -> int:
        """Add a row; return its CSV row number."""
        rows = self.rows(table)
        rows.append(values)
        self.write(table, rows, stamp)
        return len(rows) + 1

    def validate(self, archive: Path | None = None) -> Report:
        return tde.validate(self.root, archive)

    def structure(self) -> Report:
        """Only the structure layer (descriptor, files, cells, keys): what a test of one structural problem needs.

        Why: the rules cost most of a validation; a fault the reader reports does not need them to be seen. Tests
        that the whole report of a structural fault is exact (no rule adds to it) validate every layer instead.
        """
        return tde.validate(self.root, layers=["structure"])

    def semantics(self, archive: Path | None = None) -> Report:
        """Only the semantic layer (and the archive): what a rule test needs, without the structure pass.

        Kept by content as `validate` keeps it (validation.kept_semantics): a copy checked before an edit is the
        shipped package, whose report the process has, so only the edited copy costs a check.
        """
        from tongxiang_digital_economy.io.load import finished, read_resource
        from tongxiang_digital_economy.schema.descriptor import read_descriptor, resource
        from tongxiang_digital_economy.semantics.archive_checks import read_archive
        from tongxiang_digital_economy.semantics.joins import foreign_keys
        from tongxiang_digital_economy.semantics.validation import kept_semantics

        report = Report(package=str(self.root))
        descriptor = read_descriptor(self.root)
        reads = {name: read_resource(self.root, resource(descriptor, name)) for name in tde.tables(self.root)}
        frames = {name: finished(r, reads) for name, r in reads.items() if r.frame is not None and not r.broken}
        texts = hashes = None
        if archive is not None:
            texts, hashes, problems = read_archive(archive, frames.get("sources"))
            report.add(problems)
        report.add(kept_semantics(frames, texts, hashes, foreign_keys(self.root), {}, None))
        return report


@functools.lru_cache(maxsize=1)
def shipped_period_words() -> PeriodWords:
    """The shipped lexicon's words of the text's own day and of parts of a year (目前, 上半年, 全年), as validation
    reads them: the period reader knows none of its own."""
    import pandas as pd

    from tongxiang_digital_economy.text.quantities import Lexicon

    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    return PeriodWords.of(Lexicon.from_frame(lexicon))


def read_shipped(period_text: object, published: object) -> Reading:
    """`read_period` with the shipped lexicon's words."""
    return read_period(period_text, published, shipped_period_words())


@contextlib.contextmanager
def forgotten() -> Iterator[None]:
    """Every answer and reading the process keeps (answers, kept_groups, distinct) forgotten inside the block, as in
    a fresh process, and given back after it.

    Why: a kept answer is proven equal to a fresh one, which needs them forgotten; forgotten for good, every later
    test of the process (an xdist worker runs hundreds) read the shipped package and its copies anew, as cold as a
    first validation. What the block itself keeps is dropped with it.
    """
    stores: list[dict[Any, Any]] = [
        answers._WHOLE,
        answers._ANSWERS,
        answers._ROWS,
        answers._READINGS,
        answers._ROW_READINGS,
        answers._BY_ARRAY,
        kept_groups._GROUPS,
        distinct._MEMOS,
    ]
    saved = [store.copy() for store in stores]
    answers.forget()
    distinct._MEMOS.clear()
    try:
        yield
    finally:
        for store, items in zip(stores, saved, strict=True):
            store.clear()
            store.update(items)


@pytest.fixture(scope="session")
def shipped_report() -> Report:
    """`tde.validate()` of the shipped package, once per test session: read-only tests share it."""
    return tde.validate()


def copy_package(root: Path) -> PackageCopy:
    """A writable copy of the shipped package at `root` (which must not exist yet)."""
    source = bundled_package_dir()
    root.mkdir()
    shutil.copy(source / "datapackage.json", root)
    shutil.copytree(source / "data", root / "data")
    shutil.copytree(source / "schemas", root / "schemas")
    return PackageCopy(root)


@pytest.fixture
def package(tmp_path: Path) -> PackageCopy:
    """A writable copy of the shipped package."""
    return copy_package(tmp_path / "package")


def append_all(package: PackageCopy, table: str, rows: list[dict[str, str]], key: str, stamp: bool = True) -> list[int]:
    """Add many rows in one write (their CSV row numbers, in order), each with its own primary key `key`.

    Why: a test of many independent faults validates one copy holding one faulty row each, rather than one copy per
    fault (a whole-package validation costs about a second). A row whose key another row already has (the shared
    template's) gets the template's key with `-9NN` in place of its last part, so the copy's keys stay unique and
    still start with their source's id.
    """
    existing = package.rows(table)
    taken = {r[key] for r in existing}
    numbers = []
    for k, row in enumerate(rows):
        row = dict(row)
        if row[key] in taken:
            row[key] = f"{row[key].rsplit('-', 1)[0]}-9{k:02d}"
        assert row[key] not in taken, row[key]
        taken.add(row[key])
        existing.append(row)
        numbers.append(len(existing) + 1)
    package.write(table, existing, stamp)
    return numbers


@pytest.fixture
def archive(tmp_path: Path, package: PackageCopy) -> Path:
    """A stand-in source archive of the copy (stand_in_archive)."""
    return stand_in_archive(package, tmp_path / "archive")


def stand_in_archive(package: PackageCopy, folder: Path) -> Path:
    """A stand-in source archive made from the package's own evidence spans, with matching hashes.

    Rule tests must not depend on the real archive (a fork has none), so each source's "text" here is the
    evidence of its rows (with the words around it that date it or name its subject) and the names of their
    subjects, one per line; the copy's archive_sha256 values are set
    to match. Real provenance is checked against the real archive in test_provenance.py and test_cli.py.
    """
    folder.mkdir()
    spans: dict[str, list[str]] = {}
    names = {
        row[key]: row["name"]
        for table, key in (("places", "place_id"), ("enterprises", "enterprise_id"), ("projects", "project_id"))
        for row in package.rows(table)
    }
    for table in ("indicators", "enterprises", "projects", "events", "project_enterprises"):
        for row in package.rows(table):
            # The words around the evidence that date it or name its subject stand in its paragraph, as in a text.
            around = [row.get("subject_text", ""), *row.get("period_text", "").split(" … ")]
            spans.setdefault(row["source_id"], []).append(" ".join([row["evidence"], *filter(None, around)]))
            # A real text names what its figures are about; so does this one.
            subjects = [row.get(k, "") for k in ("place_id", "enterprise_id", "project_id")]
            spans[row["source_id"]] += [names[s] for s in subjects if s in names]
    for table in ("enterprises", "projects"):
        for row in package.rows(table):
            # A Chinese name is a text's own: the text name_zh_source_id names (else the row's own) writes it.
            if row.get("name_zh"):
                spans.setdefault(row.get("name_zh_source_id") or row["source_id"], []).append(row["name_zh"])
    sources = package.rows("sources")
    for row in sources:
        # A repost graded as its origin names the origin in its text (a heading); so does this one.
        origin = row["original_publisher"] if row.get("original_grade") else ""
        # The words that bound a text's date (written_after_text, written_before_text) and those that date its
        # original (original_published_text) are the text's too.
        bounds = [row.get(k, "") for k in ("written_after_text", "written_before_text", "original_published_text")]
        data = ("\n".join([*spans.get(row["source_id"], []), origin, *filter(None, bounds)]) + "\n").encode("utf-8")
        (folder / row["archive_file"]).write_bytes(data)
        row["archive_sha256"] = hashlib.sha256(data).hexdigest()
    package.write("sources", sources)
    catalogue = [{"id": row["source_id"], "file": row["archive_file"]} for row in sources]
    (folder / "sources.json").write_text(json.dumps(catalogue), encoding="utf-8")
    return folder


def edit_descriptor(package: PackageCopy, change: Callable[[dict[str, Any]], None]) -> None:
    """Change the copy's datapackage.json in place (its hashes are left as they are)."""
    path = package.root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor), encoding="utf-8")


def found(report: Report, rule: str) -> list[tuple[str | None, int | None, str | None]]:
    """Where `rule` fired: (table, row, field) for each problem it reported."""
    return [(p.table, p.row, p.field) for p in report.problems if p.rule == rule]


def misfired(package: PackageCopy, cases: list[tuple[str, dict[str, str], str, bool]]) -> list[str]:
    """The cases (why, row, rule, fires) whose rule fired where it should not, or did not where it should, once
    every case's row is added to one copy of the package and the copy is checked once: the why of each."""
    numbers = append_all(package, "indicators", [values for _why, values, _rule, _fires in cases], "observation_id")
    report = package.semantics()
    fired = {
        (rule, r) for rule in {c[2] for c in cases} for table, r, _ in found(report, rule) if table == "indicators"
    }
    return [why for (why, _v, rule, fires), n in zip(cases, numbers, strict=True) if ((rule, n) in fired) is not fires]


def errors(report: Report) -> list[str]:
    return [f"{p.location()}: [{p.rule}] {p.message}" for p in report.errors]


# A staged case: a test body that edits a copy and yields where it needs the copy checked (`report = yield`).
Checks = Generator[None, Report, None]


@dataclass
class SharedCopy(PackageCopy):
    """A copy that several staged cases edit at once: edits are held in memory and written, and the copy stamped,
    once per check of all of them (see run_staged)."""

    held: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)

    def rows(self, table: str) -> list[dict[str, str]]:
        if table not in self.held:
            self.held[table] = super().rows(table)
        return [dict(row) for row in self.held[table]]

    def write(self, table: str, rows: list[dict[str, str]], stamp: bool = True) -> None:
        self.held[table] = [dict(row) for row in rows]
        self.dirty.add(table)

    def flush(self) -> None:
        for table in sorted(self.dirty):
            super().write(table, self.held[table], stamp=False)
        if self.dirty:
            tde.stamp(self.root)
        self.dirty.clear()


def run_staged(
    cases: dict[str, Callable[..., Checks]], root: Path, given: dict[str, Any], stand_in: bool = True
) -> dict[str, BaseException]:
    """Run staged cases on one copy of the package: each case's edits up to its first `yield`, one check of the copy
    (the semantic layer, with a stand-in archive; without an archive where not `stand_in`, so the archive rules do
    not run) sent to every case, each case's next edits, and so on; the failure of each case that failed.

    Why: a first check of an edited copy costs most of a second (the rules re-read what an edit touched), and
    a test of one rule needs one copy with its fault, not a copy of its own: cases on one copy check as often as
    the case with the most steps. The cases must not interact: each edits its own rows and asserts what it finds
    on them. Each case is given, by parameter name, `package` (the shared copy) and the `given` values (such as
    `shipped_report`); every check reads the stand-in archive, which the copy's unedited rows all pass.
    """
    package = SharedCopy(copy_package(root / "package").root)
    archive = stand_in_archive(package, root / "archive") if stand_in else None
    failures: dict[str, BaseException] = {}

    def advance(name: str, case: Checks, report: Report | None) -> bool:
        try:
            case.send(report)  # type: ignore[arg-type]
        except StopIteration:
            return False
        except Exception as exc:  # the case's failure, raised again by its test
            failures[name] = exc
            return False
        return True

    arguments = {**given, "package": package}
    running = {
        name: case(**{p: arguments[p] for p in inspect.signature(case).parameters}) for name, case in cases.items()
    }
    running = {name: case for name, case in running.items() if advance(name, case, None)}
    while running:
        package.flush()
        report = package.semantics(archive)
        running = {name: case for name, case in running.items() if advance(name, case, report)}
    return failures
