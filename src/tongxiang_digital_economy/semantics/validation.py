"""Validate a data package into one Report: descriptor, cells, keys, files, rules and (optionally) the archive.

1. Descriptor (frictionless, the authority on it): datapackage.json against the Data Package profile, each
   resource's metadata with its Table Schema inlined; then this package's own demands: safe relative paths (no
   remote URL, no symbolic link out of the folder, nothing outside is ever read), a dialect, encoding and schema
   the reader implements (anything else is refused, not half-read).
2. Files and cells (reader.py, the same code `load()` runs): each file's `bytes` and `hash` as datapackage.json
   records them, then every cell, primary key, unique field and foreign key. No per-row work in frictionless.
3. Semantics (pandera): the rules of rules.py on each table's view, one DataFrameSchema per table with a named
   check per rule. A table with structural problems (its rows are shifted or missing) is left out, with a warning.
   A rule that raises is a bug in the rule, not a fault of the data: it surfaces as RuleCrash with its cause.
4. Archive (with `archive`): each archived text is present and has the recorded sha256, evidence occurs in it,
   every source of the archive's catalogue has a row; odd entries (directories, broken links) are reported.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from ..core import problems as P
from ..core.exceptions import ArchiveNotFoundError, DescriptorError, RuleCrash, TDEError
from ..core.paths import DESCRIPTOR, bundled_package_dir, package_dir
from ..core.report import Problem, Report, problem
from ..io.load import decimal_text, finished, read_resource
from ..io.reader import EXCERPT, TableRead, check_foreign_keys
from ..schema.descriptor import read_descriptor, resource_path, table_schema
from .rules import RULES, Rule
from .views import ForeignKeys, join_keys, views

HASH_CHUNK = 1 << 20
QUOTED = 200


def validate(path: str | Path | None = None, archive: str | Path | None = None) -> Report:
    """Validate the package at `path` (default: the shipped package), against the archive folder if given."""
    base = package_dir(path)
    report = Report(package=str(base), archive=str(archive) if archive is not None else None)
    if archive is not None and not Path(archive).is_dir():
        raise ArchiveNotFoundError(f"the archive folder {archive} does not exist or is not a folder")
    try:
        descriptor = read_descriptor(base)
    except DescriptorError as exc:
        report.add([problem(P.DESCRIPTOR_ERROR, None, None, None, str(exc))])
        return report
    resources, found = check_descriptor(base, descriptor)
    report.add(found)
    reads: dict[str, TableRead] = {}
    for res in resources:
        report.add(check_file_facts(base, res))
        read = read_resource(base, res)
        reads[read.name] = read
        report.add(read.problems)
    report.add(check_foreign_keys(reads))
    frames = {
        name: finished(read, reads)
        for name, read in reads.items()
        if read.frame is not None and not read.broken and not (name == "indicators" and not usable(reads.get("units")))
    }
    report.add(
        [
            problem(P.TABLE_NOT_CHECKED, name, None, None, "the table has structural errors, so its rules did not run")
            for name, read in reads.items()
            if name not in frames
        ]
    )
    texts = hashes = None
    if archive is not None:
        texts, hashes, archive_problems = read_archive(Path(archive), frames.get("sources"))
        report.add(archive_problems)
    # One fault, one error: a row whose cells the reader refused is not blamed again by the rules that read them.
    refused = {(p.table, p.row) for p in report.problems if p.row is not None and p.layer == "structure"}
    keys = join_keys({name: read.schema for name, read in reads.items() if isinstance(read.schema, dict)})
    semantic = check_semantics(frames, texts, hashes, keys)
    report.add([p for p in semantic if (p.table, p.row) not in refused or p.severity == "info"])
    return report


def usable(read: TableRead | None) -> bool:
    return read is not None and read.frame is not None and not read.broken


def check_descriptor(base: Path, descriptor: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The resources the reader can read, and every problem of the descriptor and of the others."""
    from frictionless import FrictionlessException, Package

    from ..io.reader import unsupported

    found: list[Problem] = []
    readable: list[dict[str, Any]] = []
    inlined = dict(descriptor, resources=[])
    names: set[str] = set()
    for number, res in enumerate(descriptor["resources"], start=1):
        if not isinstance(res, dict):
            found.append(problem(P.RESOURCE_ERROR, None, None, None, f"resource {number} must be a JSON object"))
            continue
        name = res.get("name")
        if name in names:
            found.append(problem(P.RESOURCE_ERROR, name, None, None, f"two resources are named {name!r}: rename one"))
            continue
        names.add(name)
        try:
            resource_path(base, res)
            schema = table_schema(base, res)
        except DescriptorError as exc:
            found.append(problem(P.RESOURCE_ERROR, name, None, None, str(exc)))
            continue
        why = unsupported(schema, res.get("dialect"), res.get("encoding"))
        if why is not None:
            found.append(problem(P.SCHEMA_UNSUPPORTED, name, None, None, f"{why}; the table was not read"))
            continue
        inlined["resources"].append(dict(res, schema=schema))
        readable.append(res)
    try:
        errors = list(Package.metadata_validate(inlined))
    except FrictionlessException as exc:
        errors = [exc.error]
    for error in errors:
        kind = P.RESOURCE_ERROR if error.type.startswith(("resource", "schema", "field")) else P.PACKAGE_ERROR
        found.append(problem(kind, None, None, None, f"{DESCRIPTOR}: {error.message}"))
    return readable, found


def check_file_facts(base: Path, res: dict[str, Any]) -> list[Problem]:
    """The file's size and hash against the `bytes` and `hash` the descriptor records (hashed in chunks)."""
    path = resource_path(base, res)
    name = res.get("name")
    if not path.is_file():
        return []  # the reader reports the missing file
    declared = res.get("hash")
    algorithm, _, digest = str(declared).rpartition(":") if declared else ("", "", "")
    algorithm = algorithm or "md5"  # Data Package: a hash without a prefix is MD5
    if algorithm not in hashlib.algorithms_available:
        return [problem(P.RESOURCE_ERROR, name, None, None, f"hash algorithm {algorithm!r} is not known")]
    hasher = hashlib.new(algorithm)
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            hasher.update(chunk)
            size += len(chunk)
    fix = fix_for_facts(base)
    found = []
    if "bytes" in res and res["bytes"] != size:
        message = f"the file has {size} bytes, datapackage.json records {res['bytes']}: {fix}"
        found.append(problem(P.BYTE_COUNT, name, None, None, message))
    if declared and hasher.hexdigest() != digest:
        message = f"the file's {algorithm} differs from the hash datapackage.json records: {fix}"
        found.append(problem(P.HASH_COUNT, name, None, None, message))
    return found


def fix_for_facts(base: Path) -> str:
    """How to fix a stale hash: reinstall a wheel's copy; stamp a checkout or a copy that was changed on purpose.

    Only the copy inside an installed wheel (`tongxiang_digital_economy/package/`) is "the installed data": an
    editable install reads the checkout itself, where a maintainer edits the CSV files and must stamp them.
    """
    try:
        here = base.resolve()
        installed = here == bundled_package_dir().resolve() and (here.parent / "__init__.py").is_file()
    except (OSError, TDEError):
        installed = False
    if installed:
        return "the installed data was changed: reinstall tongxiang-digital-economy"
    return (
        f"if you changed the file on purpose, run `tongxiang-digital-economy stamp --package {base}` "
        "(or scripts/build in a checkout) to record it"
    )


def read_archive(
    folder: Path, sources: pd.DataFrame | None
) -> tuple[dict[str, str | None], dict[str, str], list[Problem]]:
    """The archived texts and their sha256 by file name, and the problems of the folder and its catalogue."""
    texts: dict[str, str | None] = {}
    hashes: dict[str, str] = {}
    found = []
    for file in sorted(folder.glob("*.txt")):
        try:
            if not file.is_file():
                raise IsADirectoryError(0, "a directory" if file.is_dir() else "a broken link")
            data = file.read_bytes()
        except OSError as exc:
            why = exc.strerror or str(exc)
            message = f"{file.name} in the archive is {why}, not a text file: remove it or restore the text"
            found.append(problem(P.ARCHIVE_ENTRY_UNREADABLE, "sources", None, "archive_file", message))
            continue
        hashes[file.name] = hashlib.sha256(data).hexdigest()
        try:
            texts[file.name] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            texts[file.name] = None  # present, hashed, but its evidence cannot be searched
            message = (
                f"{file.name} is not UTF-8 (byte {exc.start}): the archive keeps texts as UTF-8; re-save it, "
                "then check its hash"
            )
            found.append(problem(P.ARCHIVE_FILE_NOT_UTF8, "sources", None, "archive_file", message))
    found += check_catalogue(folder / "sources.json", sources)
    return texts, hashes, found


def check_catalogue(catalogue: Path, sources: pd.DataFrame | None) -> list[Problem]:
    """Every source the archive's catalogue lists has a row in sources."""
    if not catalogue.is_file():
        message = f"{catalogue} is missing, so it was not checked that every archived source has a row"
        return [problem(P.ARCHIVE_CATALOGUE_MISSING, "sources", None, None, message)]
    if sources is None:
        return []
    try:
        entries = json.loads(catalogue.read_text(encoding="utf-8"))
        ids = [e.get("id") for e in entries] if isinstance(entries, list) else None
    except (OSError, ValueError, AttributeError):
        ids = None
    if ids is None or not all(isinstance(i, str) for i in ids):
        message = f"{catalogue} is not a JSON list of objects each with a string `id`: fix the file"
        return [problem(P.ARCHIVE_CATALOGUE_UNREADABLE, "sources", None, None, message)]
    known = set(sources["source_id"].dropna())
    return [
        problem(
            P.ARCHIVE_SOURCE_MISSING,
            "sources",
            None,
            "source_id",
            f"the archive has source {i!r}, which has no row in sources: add it",
        )
        for i in ids
        if i not in known
    ]


def check_semantics(
    frames: dict[str, pd.DataFrame],
    texts: dict[str, str | None] | None,
    hashes: dict[str, str] | None,
    keys: ForeignKeys | None = None,
) -> list[Problem]:
    """Every rule of rules/ that applies, run through pandera on the tables' views, as Problems."""
    found = []
    # The quote rules read the lexicon and the units' written forms: a package without them is not checked.
    if "indicators" in frames:
        found += [
            problem(
                P.RULES_NOT_RUN, table, None, None, f"the package has no {table} table, so the quote rules did not run"
            )
            for table in ("lexicon", "units")
            if table not in frames
        ]
    for table, view in views(frames, texts, hashes, keys).items():
        rules = [r for r in RULES if r.table == table and (texts is not None or not r.needs_archive)]
        crashes: dict[str, BaseException] = {}
        schema = pa.DataFrameSchema(checks=[pa.Check(guarded(r, crashes), name=r.id, ignore_na=False) for r in rules])
        try:
            schema.validate(view, lazy=True)
        except pa.errors.SchemaErrors as exc:
            for rule_id, cause in crashes.items():
                raise RuleCrash(f"rule {rule_id!r} crashed: {type(cause).__name__}: {cause}") from cause
            found += failures(exc.failure_cases, rules, view)
    return found


def guarded(rule: Rule, crashes: dict[str, BaseException]) -> Any:
    """The rule's check, remembering the exception it raises (pandera would turn it into a row-less failure)."""

    def check(view: pd.DataFrame) -> pd.Series:
        try:
            return rule.check(view)
        except Exception as exc:
            crashes[rule.id] = exc
            raise

    return check


def failures(cases: pd.DataFrame, rules: list[Rule], view: pd.DataFrame) -> list[Problem]:
    """Turn pandera's failure cases into Problems that name the CSV row and say how to fix it."""
    by_id = {r.id: r for r in rules}
    found = []
    # A dataframe-wide check is reported once per column; one problem per (rule, row) is what we want.
    pairs = dict.fromkeys(zip(cases["check"], cases["index"], cases["failure_case"], strict=True))
    seen = set()
    for check, index, case in pairs:
        rule = by_id.get(str(check))
        if rule is None or pd.isna(index):
            raise RuleCrash(f"pandera could not run check {check!r}: {case}")
        if (rule.id, index) in seen:
            continue
        seen.add((rule.id, index))
        row = view.loc[int(index)]
        message = format_message(rule.message, row)
        found.append(Problem(rule.table, int(index) + 2, rule.field, rule.id, rule.severity, message, "semantics"))
    return found


def short(text: str) -> str:
    """A value as a rule message quotes it: whole up to QUOTED characters (lists of ids), else cut, with its length."""
    return text if len(text) <= QUOTED else f"{text[:EXCERPT]}… ({len(text)} characters)"


def format_message(template: str, row: pd.Series) -> str:
    """The rule's message with the row's values filled in (missing ones shown as <missing>)."""
    import re

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
    # A message quotes a short excerpt of a cell, never a whole one (an archived text, a megabyte of note).
    values = {k: short(v) if isinstance(v, str) else v for k, v in values.items()}
    try:
        return template.format(**values)
    except (ValueError, KeyError, TypeError):
        plain = re.sub(r"\{(\w+)(![rs])?:[^}]*\}", r"{\1}", template)
        return plain.format_map({k: str(v) for k, v in values.items()})
