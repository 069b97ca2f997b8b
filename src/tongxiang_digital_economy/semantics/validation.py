"""Validate a data package into one Report: descriptor, cells, keys, files, rules and (optionally) the archive.

1. Descriptor (frictionless, the authority on it): datapackage.json against the Data Package profile, each
   resource's metadata with its Table Schema inlined; then this package's own demands: safe relative paths (no
   remote URL, no symbolic link out of the folder, nothing outside is ever read), a dialect, encoding and schema
   the reader implements (anything else is refused, not half-read).
2. Files and cells (reader.py, the same code `load()` runs): each file's `bytes` and `hash` as datapackage.json
   records them, then every cell, primary key, unique field and foreign key. No per-row work in frictionless.
3. Semantics: the rules of rules/ on each table's view (views.py, built once per call), each a function from the
   view to a boolean Series. A table with structural problems (its rows are shifted or missing) is left out, with
   a warning. A rule that raises is a bug in the rule, not a fault of the data: it surfaces as RuleCrash with its
   cause. `layers=` runs the structure or the semantic layer alone.
4. Archive (with `archive`): each archived text is present and has the recorded sha256, evidence occurs in it,
   every source of the archive's catalogue has a row; odd entries (directories, broken links) are reported.

This module runs the steps in order and the rules on the views; the checks of steps 1 and 2's files are
package_checks.py's, step 4's archive_checks.py's, one rule's Problems rule_problems.py's, and the shipped
package's words for an older copy shipped_words.py's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from ..core import problems as P
from ..core.exceptions import ArgumentError, DescriptorError
from ..core.paths import package_dir, printable
from ..core.report import Problem, Report, listed, problem
from ..io.load import finished, read_resource
from ..io.load_errors import key_refusals
from ..io.reader import TableRead, check_foreign_keys
from ..schema.descriptor import enum_order, read_descriptor
from .answers import kept_whole
from .archive_checks import (
    archive_folder,
    catalogue_ids,
    read_archive,
    refuse_an_archive_of_none,
    told_the_archived_source,
    told_the_hash,
    under_changed_texts,
)
from .column_keys import ColumnKeys
from .editions import blame_editions, under_refused_dates
from .entity_names import ENTITY_TABLES
from .joins import ForeignKeys, join_keys, tables_lacking
from .key_causes import under_key_causes
from .name_texts import TYING
from .package_checks import check_descriptor, check_file_facts
from .published import blame_published
from .quotes import QUOTE_TABLE_READS
from .row_codes import shared_codes
from .rule_problems import run_rule
from .rules import RULES, needs_of, reads_of
from .shipped_words import lacking_categories, shipped_lexicon, shipped_lexicon_path
from .views import views

LAYERS = ("structure", "semantics")
Refused = dict[tuple[str | None, int | None], set[str | None]]  # (table, CSV row) -> fields refused, None: all


def validate(
    path: str | Path | None = None, archive: str | Path | None = None, layers: Iterable[str] = LAYERS
) -> Report:
    """Validate the package at `path` (default: the shipped package), against the archive folder if given.

    `layers` runs the structure layer (descriptor, files, cells, keys) or the semantic layer (the rules, and the
    archive's checks) alone; the tables are read either way, since the rules read the typed frames.
    """
    chosen = set(layers)
    if not chosen or not chosen <= set(LAYERS):
        raise ArgumentError(f"layers must be some of {', '.join(LAYERS)}, not {sorted(chosen)}")
    base = package_dir(path)
    report = Report(package=str(base), archive=str(archive) if archive is not None else None)
    if archive is not None:
        archive_folder(archive)
    try:
        descriptor = read_descriptor(base)
    except DescriptorError as exc:
        report.add([problem(P.DESCRIPTOR_ERROR, None, None, None, str(exc))])
        report.rules_ran = False
        return report
    structure = "structure" in chosen
    resources, found = check_descriptor(base, descriptor, metadata=structure)
    report.add(found)
    reads: dict[str, TableRead] = {}
    for res in resources:
        if structure:
            report.add(check_file_facts(base, res))
        read = read_resource(base, res)
        reads[read.name] = read
        report.add(read.problems)
    report.add(check_foreign_keys(reads))
    report.key_refusals = key_refusals(reads)
    if "semantics" in chosen:
        frames = {
            name: without_unread(finished(read, reads))
            for name, read in reads.items()
            if read.frame is not None
            and not read.broken
            and not (name == "indicators" and not usable(reads.get("units")))
        }
        unread_dropped(reads)
        keys = join_keys({name: read.schema for name, read in reads.items() if isinstance(read.schema, dict)})
        readers = readers_of_unloaded(frames, needs_of(RULES), keys)
        unloaded = [name for name in reads if name not in frames] + sorted(readers.keys() - reads.keys())
        tying = [name for name in TYING if archive is not None and name in unloaded]
        report.add([not_checked(name, reads.get(name), readers.get(name, []), name in tying) for name in unloaded])
        report.lacking = columns_lacking(frames)
        report.not_run = rules_stopped(frames, reads, unloaded, readers, report.lacking)
        texts = hashes = None
        if archive is not None:
            texts, hashes, archive_problems = read_archive(Path(archive), frames.get("sources"))
            refuse_an_archive_of_none(Path(archive), frames.get("sources"), hashes)
            report.add(archive_problems)
            report.problems[:] = told_the_hash(report.problems, frames.get("sources"), hashes)
            report.problems[:] = told_the_archived_source(
                report.problems, catalogue_ids(Path(archive) / "sources.json") or ()
            )
        # One fault, one error: a row's semantic problem is dropped only where the reader refused (an error, not a
        # warning) a cell the rule reads; the reader's problem says what to fix first.
        refused: Refused = {}
        for p in report.problems:
            if p.layer == "structure" and p.severity == "error" and p.row is not None:
                refused.setdefault((p.table, p.row), set()).add(p.field)
        sources_schema = reads["sources"].schema if "sources" in reads else None
        grades = enum_order(sources_schema, "grade") if isinstance(sources_schema, dict) else None
        report.add(kept_semantics(frames, texts, hashes, keys, refused, grades))
        if archive is not None:  # a text that changed is the cause of its rows' errors against it (trial 18 m8)
            report.problems[:] = under_changed_texts(report.problems, frames, reading_own_texts())
        # An edition's date cell the reader refused is judged once, on that cell (trial 14 W1).
        report.problems[:] = under_refused_dates(report.problems, frames.get("indicators"), frames.get("events"))
    # A rule's error on a row whose reference dangles follows from that row's foreign-key error; a renamed key
    # row is said once, on that row (key_causes.py).
    report.problems[:] = under_key_causes(report.problems, reads)
    # A renamed key row is the cause of the rows that refer to its old key, as a refused key cell is.
    report.key_refusals |= {k for p in report.problems if p.rule == P.RENAMED_KEY and (k := p.key()) is not None}
    if not structure:
        report.problems[:] = [p for p in report.problems if p.layer in ("semantics", "archive")]
    report.rules_ran = "semantics" in chosen
    return report


def reading_own_texts() -> set[tuple[str, str]]:
    """(rule, table) of the rules that read a row's own source's archived text (`source_id.archive_text` or
    `archive_raw`): what a changed text's hash mismatch causes (archive_checks.under_changed_texts)."""
    return {(r.id, r.table) for r in RULES if any(n.startswith("source_id.archive_") for n in r.needs)}


def usable(read: TableRead | None) -> bool:
    return read is not None and read.frame is not None and not read.broken


def kept_semantics(
    frames: dict[str, pd.DataFrame],
    texts: dict[str, str | None] | None,
    hashes: dict[str, str] | None,
    keys: ForeignKeys,
    refused: Refused,
    grades: Sequence[str] | None,
) -> list[Problem]:
    """check_semantics, kept per process by the content of everything it reads (answers.kept_whole): the frames,
    the archive's texts and hashes, the foreign keys, the refused cells, the grades, the rules run (by identity: a
    patched rule list is another) and the validator's own lexicon's categories a package lacks (their rows are
    read from the shipped lexicon: such a package is checked anew every time). The columns no rule or reading reads
    (UNREAD) are left out of what it is given, so an edit of a note is no change to it."""
    frames = {name: without_unread(frame) for name, frame in frames.items()}
    if lacking_categories(frames):
        return check_semantics(frames, texts, hashes, keys, refused, grades)
    others = (
        None if texts is None else tuple(sorted(texts.items())),
        None if hashes is None else tuple(sorted(hashes.items())),
        tuple((table, tuple(sorted(fields.items()))) for table, fields in sorted(keys.items())),
        tuple(sorted((str(k), repr(k), tuple(sorted(map(repr, v)))) for k, v in refused.items())),
        None if grades is None else tuple(grades),
        tuple(id(rule) for rule in RULES),
    )
    found = kept_whole(
        "semantics", frames, others, lambda: check_semantics(frames, texts, hashes, keys, refused, grades)
    )
    return list(found)


# Columns no rule and no view's reading reads (a maintainer's remarks on a row): the semantic layer is not given them
# (kept_semantics), so an edit of one reuses the kept report (an edited note cost a tenth of a second of views and
# rule look-ups). A rule that came to read one finds no such column and says so (its crash, or "did not run"),
# never a stale kept answer; tests/test_kept_answers.py checks that the shipped report does not change without them.
UNREAD = ("note",)


def without_unread(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without the UNREAD columns (its other columns' arrays shared, not copied)."""
    unread = [c for c in UNREAD if c in frame.columns]
    return frame.drop(columns=unread) if unread else frame


def unread_dropped(reads: dict[str, TableRead]) -> None:
    """The UNREAD columns (a note) dropped from each read, its typed frame and its text, once the cells are checked
    and the semantic layer's frames made: nothing after reads them, and a read held them for the whole validation
    (a note of ~300 bytes a row is ~0.3 GiB at 10^6 rows; docs/benchmarks.md, sixteenth pass). The reads are this
    call's own (a kept read is handed out as a copy: io/reader.py)."""
    for read in reads.values():
        if read.frame is not None:
            read.frame = without_unread(read.frame)
        if read.text is not None:
            read.text = read.text.drop_columns([c for c in UNREAD if c in read.text.column_names])


def check_semantics(
    frames: dict[str, pd.DataFrame],
    texts: dict[str, str | None] | None,
    hashes: dict[str, str] | None,
    keys: ForeignKeys,
    refused: Refused | None = None,
    grades: Sequence[str] | None = None,
) -> list[Problem]:
    """Every rule of rules/ that applies, on the tables' views (built once here), as Problems.

    `refused`: (table, CSV row) -> fields whose cells the reader refused (None: the whole row); a rule's problem on
    such a row is left out when the rule reads one of them.
    """
    found = []
    # The quote rules read the lexicon and the units' written forms: a package without them is not checked.
    if "indicators" in frames:
        found += [
            problem(
                P.RULES_NOT_RUN,
                table,
                None,
                None,
                f"the {table} table is missing or does not load (its own errors say why), so the quote rules and the "
                "rules that read its words did not run",
            )
            for table in ("lexicon", "units")
            if table not in frames
        ]
        frames, lacking_columns = without_quote_tables_lacking_columns(frames)
        found += lacking_columns
    lacking = lacking_categories(frames)
    if lacking:
        return checked_with_shipped_words(frames, lacking, texts, hashes, keys, refused, grades) + found
    return found + run_rules(frames, texts, hashes, keys, refused, grades)


def not_checked(name: str, read: TableRead | None, readers: Sequence[str], tying: bool = False) -> Problem:
    """A table whose rules do not run, and the tables whose rules read it and so did not run either (trial 16 W3: a
    deleted events.csv stopped every indicators rule, and only the events table's own rules were said not to run).
    The indicators' rules read the units' written forms and scales: a units table that did not load stops them.
    `tying`: the table ties texts to the entities' rows (name_texts.TYING) and the archive is read: the name rules
    judge only the names a text of theirs writes until it loads (trial 19 W5), which is said too."""
    if read is None:
        message = "the table was not read (its own errors say why), so its rules did not run"
    elif read.frame is not None and not read.broken:
        message = "the units table is missing or does not load (its own errors say why), so its rules did not run"
    else:
        message = "the table has structural errors, so its rules did not run"
    if readers:
        message += f", nor the rules of {listed(sorted(readers))} that read it"
    if tying:
        rules = sorted({r.id for r in RULES if r.inputs is not None and "name_sources" in r.inputs})
        message += (
            f"; until it loads, a name of {' or '.join(sorted(ENTITY_TABLES))} that none of the row's other texts "
            f"writes is not judged ({listed(rules)} read the texts its rows cite too)"
        )
    return problem(P.TABLE_NOT_CHECKED, name, None, None, message)


def rules_stopped(
    frames: dict[str, pd.DataFrame],
    reads: dict[str, TableRead],
    unloaded: Sequence[str],
    readers: dict[str, list[str]],
    lacking: dict[str, tuple[str, ...]],
) -> dict[str, tuple[str, ...]]:
    """Each table whose rules did not run -> the tables that stopped them (Report.not_run): a table that did not
    load stops its own (the indicators', when the units did not load: `not_checked`), and those of the tables that
    read it; a lexicon or units table missing or lacking a column the quote rules read stops the indicators' (the
    views leave the indicators out, check_semantics says `rules-not-run`)."""
    stopped: dict[str, list[str]] = {}
    for name in unloaded:
        stopped.setdefault(name, []).append("units" if usable(reads.get(name)) else name)
    for unread, tables in readers.items():
        for table in tables:
            stopped.setdefault(table, []).append(unread)
    if "indicators" in frames:
        for table in ("lexicon", "units"):
            if table not in frames or table in lacking:
                stopped.setdefault("indicators", []).append(table)
    # A lexicon or units table lacking such a column (`lacking`: columns_lacking) is left out of the views: its own
    # rules do not run either.
    for table in lacking:
        stopped.setdefault(table, []).append(table)
    return {table: tuple(dict.fromkeys(causes)) for table, causes in stopped.items()}


def columns_lacking(frames: dict[str, pd.DataFrame]) -> dict[str, tuple[str, ...]]:
    """The lexicon or units table, loaded, and the columns the quote rules read that it lacks (Report.lacking):
    `without_quote_tables_lacking_columns` leaves it out of the views."""
    return {
        table: lacking
        for table, columns in zip(("lexicon", "units"), QUOTE_TABLE_READS, strict=True)
        if table in frames and (lacking := tuple(c for c in columns if c not in frames[table].columns))
    }


def readers_of_unloaded(
    frames: dict[str, pd.DataFrame], needs: dict[str, list[str]], keys: ForeignKeys
) -> dict[str, list[str]]:
    """Each table that did not load -> the loaded tables whose rules read it (joins.tables_lacking leaves those
    out of the views)."""
    readers: dict[str, list[str]] = {}
    for table in frames:
        for lacking in tables_lacking(table, needs, keys, frames.keys()):
            readers.setdefault(lacking, []).append(table)
    return readers


def without_quote_tables_lacking_columns(
    frames: dict[str, pd.DataFrame],
) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """`frames` without the lexicon or units where it lacks a column the quote rules read (a copy with `written_forms`
    removed from its schema and CSV), with one `rules-not-run` error each: the rules run as for a package without
    that table, whose quote rules are said not to run, instead of crashing on the missing column (a KeyError
    traceback, met when `diff` came to validate such a copy)."""
    found = []
    for table, lacking in columns_lacking(frames).items():
        message = (
            f"the {table} table has no column {', '.join(lacking)}, so its own rules and the indicators' did not "
            "run: add it as the shipped package's Table Schema has it"
        )
        found.append(problem(P.RULES_NOT_RUN, table, None, None, message))
        frames = {name: frame for name, frame in frames.items() if name != table}
    return frames, found


def run_rules(
    frames: dict[str, pd.DataFrame],
    texts: dict[str, str | None] | None,
    hashes: dict[str, str] | None,
    keys: ForeignKeys,
    refused: Refused | None,
    grades: Sequence[str] | None,
) -> list[Problem]:
    """Every rule that applies, on the tables' views, its problems blamed on their causes (check_semantics)."""
    # Each column of the views factorised once, however many rules and readings read it (row_codes.shared_codes).
    with shared_codes():
        found: list[Problem] = []
        # Only the readings these rules read (a caller may run some rules: the catch rates run those of a kind).
        made = views(frames, texts, hashes, keys, needs_of(RULES), grades, reads_of(RULES))
        for table, view in made.items():
            columns = ColumnKeys(view)  # each column's key made once, however many rules read it
            for rule in RULES:
                if rule.table == table and (texts is not None or not rule.needs_archive):
                    absent = [n for n in rule.needs if n.replace(".", "__") not in view.columns]
                    if absent:
                        # A package whose schemas predate a column (a fork of an older release) is told so, not
                        # crashed.
                        found.append(problem(P.RULES_NOT_RUN, table, None, None, not_run(rule.id, absent, keys, table)))
                        continue
                    found += run_rule(rule, view, refused or {}, columns)
        # Figure rows that agree against their edition's dates: the events row is blamed, their errors follow from it.
        # The events view carries each edition's source's date, which reading its evidence's days needs.
        found = blame_editions(found, made.get("indicators"), made.get("events", frames.get("events")))
        # A source's date that its figures fail against: the sources row is blamed, their errors follow from it.

        def recheck(source: str, date: str, rows: pd.Index) -> set[tuple[int, str]]:
            """The (row, rule) errors of the per-row indicators rules on `rows` with the source dated `date`."""
            dated = frames["sources"].assign(
                published=frames["sources"]["published"].mask(frames["sources"]["source_id"] == source, date)
            )
            made_again = views(
                {**frames, "sources": dated, "indicators": frames["indicators"].loc[rows]},
                texts,
                hashes,
                keys,
                needs_of(RULES),
                grades,
                reads_of(RULES),
            )
            view = made_again["indicators"]
            columns = ColumnKeys(view)
            failing: set[tuple[int, str]] = set()
            for rule in RULES:
                if rule.table != "indicators" or not rule.per_row or (texts is None and rule.needs_archive):
                    continue
                if any(n.replace(".", "__") not in view.columns for n in rule.needs):
                    continue
                failing.update((p.row - 2, p.rule) for p in run_rule(rule, view, {}, columns) if p.row is not None)
            return failing

        if "sources" in frames and "indicators" in frames:
            found = blame_published(found, made.get("sources"), made.get("indicators"), recheck)
        return found


def checked_with_shipped_words(
    frames: dict[str, pd.DataFrame],
    lacking: list[str],
    texts: dict[str, str | None] | None,
    hashes: dict[str, str] | None,
    keys: ForeignKeys,
    refused: Refused | None,
    grades: Sequence[str] | None,
) -> list[Problem]:
    """The rules' problems when the package's lexicon lacks categories the rules read (trial 9 V6).

    Without the words a rule reads, a correct row fails ("the words give: none … clear both"), and the maintainer is
    told to change data that is right. So the rules run twice: as the package is, and with this validator's rows of
    the lacking categories added in memory (never written). The problems of the second run are reported, and one
    error says which categories are missing, which rules answer differently without them (and how many problems
    they gave that the shipped words do not), and where to copy the rows from: the rows are not blamed, the
    package is not called valid, and the cause is named once."""
    shipped = shipped_lexicon()
    assert shipped is not None  # lacking_categories found categories in it
    lexicon = frames["lexicon"]
    added = shipped[shipped["category"].isin(lacking)]
    added = added.reindex(columns=lexicon.columns).astype(lexicon.dtypes.to_dict(), errors="ignore")
    completed = {**frames, "lexicon": pd.concat([lexicon, added], ignore_index=True)}
    as_is = run_rules(frames, texts, hashes, keys, refused, grades)
    whole = run_rules(completed, texts, hashes, keys, refused, grades)
    # A lexicon rule's problem on an added row is about the shipped words, not the package's rows.
    whole = [p for p in whole if not (p.table == "lexicon" and p.row is not None and p.row > len(lexicon) + 1)]

    def signature(p: Problem) -> tuple[object, ...]:
        return (p.table, p.row, p.field, p.rule, p.message)

    only_without = [p for p in as_is if signature(p) not in {signature(q) for q in whole}]
    differ = {p.rule for p in only_without} | {p.rule for p in whole if signature(p) not in set(map(signature, as_is))}
    rules = ", ".join(sorted(differ)) or "none on these rows"
    where = printable(shipped_lexicon_path() or "the shipped package's data/lexicon.csv")
    message = (
        f"the package's lexicon has no rows of the categor{'y' if len(lacking) == 1 else 'ies'} "
        f"{', '.join(lacking)}, whose words this validator's rules read (its lexicon is older than this validator); "
        f"rules affected: {rules}"
        + (f" ({len(only_without)} problems on correct rows left out)" if only_without else "")
        + f"; the rows were checked with the shipped words: copy the rows of {', '.join(lacking)} from {where} "
        "into the package's data/lexicon.csv (and the category's enum into its lexicon schema), then run stamp"
    )
    return [problem(P.RULES_NOT_RUN, "lexicon", None, "category", message), *whole]


def not_run(rule: str, absent: list[str], keys: ForeignKeys, table: str) -> str:
    """Why a rule did not run: the columns of referenced tables it reads that the package does not have."""
    named = []
    for need in absent:
        field, _, column = need.partition(".")
        target = keys.get(table, {}).get(field, (field, ""))[0]
        named.append(f"{target}.{column}")
    return (
        f"rule {rule} did not run: the package has no column {', '.join(named)} (its Table Schemas are older than "
        "this validator): add the column, or validate with the release the package was made for"
    )
