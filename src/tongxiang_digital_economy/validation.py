"""Validate a data package in two layers, plus the source archive, into one Report.

1. Structure (frictionless): the descriptor against the Data Package v2 profile; each CSV's structure, types
   and constraints; primary and foreign keys; each resource's `hash` and `bytes` as datapackage.json records.
2. Semantics (pandera): the rules in rules.py, on every row of the typed tables.
3. Archive (with `archive`): each source's archived text is present and has the recorded sha256, and every
   evidence span occurs in it; every source of the archive's catalogue has a row.

Layer 2 runs on whatever tables load; a table that cannot be loaded (layer 1 says why) is skipped with a
warning, so one broken file never hides the problems of the others.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from frictionless import FrictionlessException
from frictionless import validate as frictionless_validate

from .descriptor import read_descriptor, table_names
from .exceptions import ArchiveNotFoundError, DescriptorError, TDEError
from .load import decimal_text, load
from .paths import DESCRIPTOR, package_dir
from .report import Problem, Report
from .rules import RULES, Rule
from .views import ForeignKeys, foreign_keys, views

# How to fix what frictionless finds, by its error type; the rest get frictionless' own message only.
FIXES = {
    "hash-count": "the file differs from the hash datapackage.json records: if you changed it on purpose, "
    "run `tongxiang-digital-economy stamp PATH` to record the new hash",
    "byte-count": "the file differs from the byte count datapackage.json records: if you changed it on purpose, "
    "run `tongxiang-digital-economy stamp PATH`",
    "foreign-key": "the value must exist in the table it refers to: add that row there, or correct the id",
    "primary-key": "ids must be unique: rename or remove the duplicate row",
    "unique-error": "values in this field must be unique: rename or remove the duplicate",
    "type-error": "write the value in the field's type (see its description in schemas/)",
    "constraint-error": "make the value meet the field's constraint (see its description in schemas/)",
    "missing-cell": "the row has fewer cells than the header: add the missing cells",
    "extra-cell": "the row has more cells than the header: remove the extra cells or quote a value with commas",
    "incorrect-label": "the header must match the schema's field names, in order",
    "encoding-error": "save the file as UTF-8",
    "scheme-error": "the file is missing: check the resource path",
}


def validate(path: str | Path | None = None, archive: str | Path | None = None) -> Report:
    """Validate the package at `path` (default: the shipped package), against the archive folder if given."""
    base = package_dir(path)
    report = Report(package=str(base), archive=str(archive) if archive is not None else None)
    try:
        tables = table_names(read_descriptor(base))
    except DescriptorError as exc:
        report.add([Problem(None, None, None, "descriptor-error", "error", str(exc), "descriptor")])
        return report
    report.add(check_structure(base))
    frames, skipped = load_tables(base, tables)
    report.add(skipped)
    texts = hashes = None
    if archive is not None:
        if not Path(archive).is_dir():
            raise ArchiveNotFoundError(f"the archive folder {archive} does not exist")
        texts, hashes, archive_problems = read_archive(Path(archive), frames.get("sources"))
        report.add(archive_problems)
    report.add(check_semantics(frames, texts, hashes, foreign_keys(base)))
    return report


def check_structure(base: Path) -> list[Problem]:
    """Layer 1: frictionless' validation of the descriptor and every resource."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = frictionless_validate(str(base / DESCRIPTOR))
    except FrictionlessException as exc:
        return [Problem(None, None, None, exc.error.type, "error", exc.error.message, "descriptor")]
    problems = [Problem(None, None, None, error.type, "error", error.message, "descriptor") for error in result.errors]
    for task in result.tasks:
        for error in task.errors:
            fix = FIXES.get(error.type)
            message = error.message + (f"; {fix}" if fix else "")
            fields = getattr(error, "field_name", None) or ", ".join(getattr(error, "field_names", None) or []) or None
            problems.append(
                Problem(
                    task.name,
                    getattr(error, "row_number", None),
                    fields,
                    error.type,
                    "error",
                    message,
                    "structure",
                )
            )
    return problems


def load_tables(base: Path, tables: list[str]) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    """Every table that loads, and an error for each that does not."""
    frames, skipped = {}, []
    for table in tables:
        try:
            frames[table] = load(table, base)
        except TDEError as exc:
            # An error, not a warning: frictionless may accept what the typed loader refuses (" 2023", NaN),
            # and a package whose rules did not run must never be called valid.
            skipped.append(
                Problem(
                    table,
                    getattr(exc, "row", None),
                    getattr(exc, "field", None),
                    "table-not-loadable",
                    "error",
                    f"the table cannot be loaded, so its semantic checks did not run: {exc}",
                    "semantics",
                )
            )
    return frames, skipped


def read_archive(
    folder: Path, sources: pd.DataFrame | None
) -> tuple[dict[str, str | None], dict[str, str], list[Problem]]:
    """The archived texts and their sha256 by file name, and the catalogue sources that have no row."""
    texts: dict[str, str | None] = {}
    hashes: dict[str, str] = {}
    problems = []
    for file in sorted(folder.glob("*.txt")):
        data = file.read_bytes()
        hashes[file.name] = hashlib.sha256(data).hexdigest()
        try:
            texts[file.name] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            texts[file.name] = None  # present, hashed, but its evidence cannot be searched
            problems.append(
                Problem(
                    "sources",
                    None,
                    "archive_file",
                    "archive-file-not-utf8",
                    "error",
                    f"{file} is not UTF-8 (byte {exc.start}): the archive keeps texts as UTF-8; re-save it, "
                    "then check its hash",
                    "archive",
                )
            )
    catalogue = folder / "sources.json"
    if not catalogue.is_file():
        problems.append(
            Problem(
                "sources",
                None,
                None,
                "archive-catalogue-missing",
                "warning",
                f"{catalogue} is missing, so it was not checked that every archived source has a row",
                "archive",
            )
        )
    elif sources is not None:
        try:
            entries = json.loads(catalogue.read_text(encoding="utf-8"))
            ids = [e["id"] for e in entries]
            if not all(isinstance(i, str) for i in ids):
                raise TypeError("every id must be a string")
        except (ValueError, TypeError, KeyError) as exc:
            problems.append(
                Problem(
                    "sources",
                    None,
                    None,
                    "archive-catalogue-unreadable",
                    "error",
                    f"{catalogue} is not a list of sources with ids ({exc}): fix the file",
                    "archive",
                )
            )
            ids = []
        known = set(sources["source_id"].dropna())
        problems += [
            Problem(
                "sources",
                None,
                "source_id",
                "archive-source-missing",
                "error",
                f"the archive has source {i!r}, which has no row in sources: add it",
                "archive",
            )
            for i in ids
            if i not in known
        ]
    return texts, hashes, problems


def check_semantics(
    frames: dict[str, pd.DataFrame],
    texts: dict[str, str | None] | None,
    hashes: dict[str, str] | None,
    keys: ForeignKeys | None = None,
) -> list[Problem]:
    """Layer 2: every rule of rules.py that applies, run through pandera, as Problems."""
    problems = []
    # The quote rules read the lexicon and the units' written forms: without them they cannot run, which is an error.
    if "indicators" in frames:
        problems += [
            Problem(
                table,
                None,
                None,
                "table-not-loadable",
                "error",
                f"the package has no loadable {table} table, so the indicators' quote rules did not run",
                "semantics",
            )
            for table in ("lexicon", "units")
            if table not in frames
        ]
    for table, view in views(frames, texts, hashes, keys).items():
        rules = [r for r in RULES if r.table == table and (texts is not None or not r.needs_archive)]
        schema = pa.DataFrameSchema(checks=[pa.Check(r.check, name=r.id) for r in rules])
        try:
            schema.validate(view, lazy=True)
        except pa.errors.SchemaErrors as exc:
            problems += failures(exc.failure_cases, rules, view)
    return problems


def failures(cases: pd.DataFrame, rules: list[Rule], view: pd.DataFrame) -> list[Problem]:
    """Turn pandera's failure cases into Problems that name the CSV row and say how to fix it."""
    by_id = {r.id: r for r in rules}
    problems = []
    # A dataframe-wide check is reported once per column; one problem per (rule, row) is what we want.
    pairs = dict.fromkeys(zip(cases["check"], cases["index"], strict=True))
    for check, index in pairs:
        rule = by_id.get(str(check))
        if rule is None:
            raise RuntimeError(f"pandera reported a failure of an unknown check: {check}")
        if pd.isna(index):
            # The check itself failed to run (pandera turns its exception into a row-less failure).
            problems.append(
                Problem(
                    rule.table,
                    None,
                    rule.field,
                    rule.id,
                    "error",
                    "this rule could not be checked on the table; fix the errors above first",
                    "semantics",
                )
            )
            continue
        row = view.loc[int(index)]
        problems.append(
            Problem(
                rule.table,
                int(index) + 2,
                rule.field,
                rule.id,
                rule.severity,
                format_message(rule.message, row),
                "semantics",
            )
        )
    return problems


def format_message(template: str, row: pd.Series) -> str:
    """The rule's message with the row's values filled in (missing ones shown as <missing>)."""
    values = {
        k: (
            "<missing>"
            if (not isinstance(v, pd.Timestamp) and pd.api.types.is_scalar(v) and pd.isna(v))
            else decimal_text(v)
            if isinstance(v, float)
            else v
        )
        for k, v in row.items()
    }
    try:
        return template.format(**values)
    except (ValueError, KeyError, TypeError):
        plain = re.sub(r"\{(\w+)(![rs])?:[^}]*\}", r"{\1}", template)
        return plain.format_map({k: str(v) for k, v in values.items()})
