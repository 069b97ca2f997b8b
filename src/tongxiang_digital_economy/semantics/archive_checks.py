"""The archive's checks (step 4 of validation.py): the archived texts read and hashed, a folder that is no archive
refused in one line, the archive's catalogue against the sources table, and the figures whose passage the archive
refutes (left out of the agreement: views.py). `tde.schema` refuses an archive folder the same way
(dataframe_schema.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Collection, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import problems as P
from ..core.exceptions import ArchiveNotFoundError
from ..core.paths import printable
from ..core.report import Problem, problem
from ..io.cell_problems import excerpt
from ..text.fold import squeeze
from .distinct import per_distinct_rows


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
            message = f"{printable(file.name)} in the archive is {why}, not a text file: remove it or restore the text"
            found.append(problem(P.ARCHIVE_ENTRY_UNREADABLE, "sources", None, "archive_file", message))
            continue
        hashes[file.name] = hashlib.sha256(data).hexdigest()
        try:
            texts[file.name] = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            texts[file.name] = None  # present, hashed, but its evidence cannot be searched
            message = (
                f"{printable(file.name)} is not UTF-8 (byte {exc.start}): the archive keeps texts as UTF-8; re-save "
                "it, then check its hash"
            )
            found.append(problem(P.ARCHIVE_FILE_NOT_UTF8, "sources", None, "archive_file", message))
    found += check_catalogue(folder / "sources.json", sources)
    return texts, hashes, found


def archive_folder(archive: str | Path) -> Path:
    """`archive` as a folder, or ArchiveNotFoundError saying why it is none: what `validate` and `tde.schema` both
    refuse (trial 15 W2: `tde.schema(..., archive="/nonexist")` was taken without a word, and then passed invented
    evidence, as if it had been checked)."""
    folder = Path(archive)
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"  # trial 14 m8
        raise ArchiveNotFoundError(f"the archive folder {archive} {what}: give the folder that holds sources.json")
    return folder


def refuse_an_archive_of_none(folder: Path, sources: pd.DataFrame | None, hashes: dict[str, str]) -> None:
    """Raise ArchiveNotFoundError when `folder` holds none of the texts the sources table names: it is not the
    archive (an empty folder, the wrong one), and one line says so, as for a file given as the folder, not one
    `archive-file-missing` per source (trial 14 m8: 115 lines). A folder holding some keeps its per-file errors."""
    if sources is None or "archive_file" not in sources:
        return
    named = sorted({str(f) for f in sources["archive_file"].dropna()})
    if named and not any(f in hashes for f in named):
        raise ArchiveNotFoundError(
            f"the archive folder {folder} holds none of the {len(named)} archived texts the sources table "
            f"names (such as {named[0]}): is it the archive? give the folder that holds sources.json and the texts"
        )


def told_the_hash(problems: Sequence[Problem], sources: pd.DataFrame | None, hashes: dict[str, str]) -> list[Problem]:
    """`problems`, with the reader's error on a sources row's archive_sha256 (empty, or not 64 lower-case hexadecimal
    digits) told the sha256 of the archived file the row names, when the archive holds it (trial 17 m2: a maintainer
    adding a source was told the form, while a well-formed wrong hash was told the file's; the reader refuses such a
    cell, so archive-hash-mismatch, which says it, does not run on it)."""
    if sources is None or "archive_file" not in sources:
        return list(problems)
    told = []
    for p in problems:
        if p.table == "sources" and p.field == "archive_sha256" and p.layer == "structure" and p.row is not None:
            file = sources["archive_file"].get(p.row - 2)
            if isinstance(file, str) and file in hashes:
                p = dataclasses.replace(
                    p, message=f"{p.message}; the archived file {printable(file)} has sha256 {hashes[file]}: record it"
                )
        told.append(p)
    return told


def told_the_archived_source(problems: Sequence[Problem], archived: Collection[str]) -> list[Problem]:
    """`problems`, with each foreign-key error into sources whose source_id the archive's catalogue lists (`archived`)
    told that the archive holds it, and no "did you mean": the row was removed, not mistyped (trial 19 m5: a removed
    source's figures were offered another text's id, of 2022 and 36 projects, while the next line said the archive
    holds the very id)."""
    said = {f"{excerpt(i, whole=True)} is not ": i for i in archived}
    told = []
    for p in problems:
        if p.rule == P.FOREIGN_KEY and p.refers_to == "sources" and p.message.startswith(tuple(said)):
            message = re.sub(
                r": (did you mean .*?\? )?add that row to sources",
                ": the archive holds that source (its sources.json lists it): add its row back to sources",
                p.message,
                count=1,
            )
            p = dataclasses.replace(p, message=message)
        told.append(p)
    return told


def catalogue_ids(catalogue: Path) -> list[str] | None:
    """The source ids the archive's catalogue (sources.json) lists; None when it cannot be read as a JSON list of
    objects each with a string `id`."""
    try:
        entries = json.loads(catalogue.read_text(encoding="utf-8"))
        ids = [e.get("id") for e in entries] if isinstance(entries, list) else None
    except (OSError, ValueError, AttributeError):
        return None
    return ids if ids is not None and all(isinstance(i, str) for i in ids) else None


def under_changed_texts(
    problems: Sequence[Problem], frames: dict[str, pd.DataFrame], reading: set[tuple[str, str]]
) -> list[Problem]:
    """`problems`, each error of a rule that reads the row's own source's archived text (`reading`: (rule, table)) on
    a row whose source's text has another hash than recorded marked as following from that `archive-hash-mismatch`
    (trial 18 m8: a changed text gave one `evidence-not-in-source` per row of the source, nine lines telling to
    re-copy passages, and its hash mismatch, the cause and the right advice, came last). They are counted under it,
    as a bad byte's follow-ons are; `--json` lists each with `follows`."""
    sources = frames.get("sources")
    if sources is None or "source_id" not in sources:
        return list(problems)
    changed: dict[str, tuple[str, int, str]] = {}
    for p in problems:
        key = p.key()
        if p.rule == "archive-hash-mismatch" and p.table == "sources" and key is not None:
            source = sources["source_id"].get(key[1] - 2)
            if isinstance(source, str):
                changed[source] = key
    if not changed:
        return list(problems)
    out = []
    for p in problems:
        frame = frames.get(str(p.table))
        if (p.rule, p.table) in reading and p.follows is None and p.row is not None and frame is not None:
            source = frame["source_id"].get(p.row - 2) if "source_id" in frame else None
            if isinstance(source, str) and source in changed:
                p = dataclasses.replace(p, follows=changed[source])
        out.append(p)
    return out


def check_catalogue(catalogue: Path, sources: pd.DataFrame | None) -> list[Problem]:
    """Every source the archive's catalogue lists has a row in sources."""
    if not catalogue.is_file():
        message = f"{catalogue} is missing, so it was not checked that every archived source has a row"
        return [problem(P.ARCHIVE_CATALOGUE_MISSING, "sources", None, None, message)]
    if sources is None:
        return []
    ids = catalogue_ids(catalogue)
    if ids is None:
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


def in_archived_text(evidence: object, text: object) -> bool:
    """Whether a passage occurs in its source's archived text (`text` squeezed, as the sources view holds it),
    white space aside: the one predicate of `evidence-not-in-source` (rules/provenance.py) and of the figures the
    archive refutes (`refuted_rows`). A source with no archived text here (not a str) refutes nothing:
    `archive-file-missing` says why it was not read."""
    return not isinstance(text, str) or squeeze(evidence) in text


def refuted_rows(indicators: pd.DataFrame, sources: pd.DataFrame) -> np.ndarray:
    """Whether each indicators row is refuted by its source's archived text (the sources view's squeezed
    `archive_text`): the rows `evidence-not-in-source` fires on, by its predicate (`in_archived_text`).

    Why: such a row states nothing the archive holds, so it corroborates no other figure and is corroborated by none
    (trial 17 m7: an invented passage made 92 figures corroborated where the package had 90); the agreement is read
    without it when the archive is given. The value_text is not read apart: `value-text-not-in-evidence` holds it to
    the evidence (it was, restating the rule's test beside a second one). Read once per distinct evidence and
    source."""
    if not len(indicators):
        return np.zeros(0, dtype=bool)
    texts = dict(zip(sources["source_id"], sources["archive_text"], strict=True))
    codes, answers = per_distinct_rows(
        [indicators["evidence"], indicators["source_id"]],
        lambda evidence, source: not in_archived_text(evidence, texts.get(source)),
    )
    found: np.ndarray = np.asarray(answers, dtype=bool)[codes]
    return found
