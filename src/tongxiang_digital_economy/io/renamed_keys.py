"""A renamed key row, read once for every command: where the rows that refer to a missing key have one near
spelling among the keys no row refers to, that key's row is the likely cause (`renamed-key`, trial 11 m1).

`validate` (semantics/key_causes.py) and `load`/`show`/`series` (io/load.py) say it alike: one error on the key row,
and the referring rows' foreign-key errors name that row instead of advising its typo ("did you mean 'yuanx'?"
would send a maintainer to copy the misspelling into 13 correct rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import pandas as pd

from ..core import problems as P
from ..core.report import Problem, a_or_an, agree, count
from ..core.suggest import suggested
from ..schema.keys import foreign_keys
from .reader import TableRead

# Distinct missing values looked up for a renamed key: past a few, the cause is not one row.
LOOKED_UP = 5


@dataclass(frozen=True)
class Renamed:
    """A key row that looks renamed, and the foreign-key errors of the rows that refer to its old key: each as
    found and as said (naming the renamed row)."""

    cause: Problem
    references: list[tuple[Problem, Problem]]


def renamed_keys(problems: list[Problem], reads: dict[str, TableRead]) -> list[Renamed]:
    """Each key row that looks renamed (its `renamed-key` error) with its references' errors, messages rewritten."""
    dangling = references_by_value(problems, reads)
    if not dangling:
        return []
    referred = referred_values(reads, {(target, field) for target, field, _ in dangling})
    found: list[Renamed] = []
    for (target, field, value), refs in list(dangling.items())[:LOOKED_UP]:
        frame = reads[target].frame
        keys = frame[field] if frame is not None and field in frame else pd.Series(dtype=object)
        texts = keys.dropna().astype(str)
        # Among the keys no row refers to: the siblings of a renamed key (wic-2016, wic-2018 beside wic-2017x) are
        # near spellings too, but rows refer to them, so they were not renamed.
        unreferred = sorted(set(texts) - referred[(target, field)])
        near = suggested(value, unreferred) or worded(value, unreferred)
        if near is None:
            continue
        row = int(texts.index[texts == near][0]) + 2
        rows = {(p.table, p.row) for p in refs}
        cause = Problem.of(
            P.RENAMED_KEY,
            target,
            row,
            field,
            f"{count(len(rows), 'row')} {agree(len(rows), 'refer')} to {value!r}, which no {target} row holds; "
            f"{target} row {row} holds {near!r}, to which no row refers: was it renamed? give it back its key, or "
            "correct those rows",
        )
        said = (
            f"{value!r} is not {a_or_an(field)} of {target}: {target} row {row} holds {near!r} (renamed?); "
            "give that row back its key, or correct the value"
        )
        found.append(Renamed(cause, [(p, replace(p, message=said)) for p in refs]))
    return found


WORD = re.compile(r"[-_]")


def worded(value: str, candidates: list[str]) -> str | None:
    """The one candidate that is `value` with words added or dropped (`wuzhen` renamed `wuzhen-town`, `wic-2017-
    summit` renamed `wic-2017`): the words of one a run of the other's. A rename that adds a word is no close spelling
    (trial 15 W7: the 140 rows that referred to `wuzhen` were 140 errors telling to add rows, none naming places row
    7); two such candidates name neither."""
    mine = WORD.split(value)
    found = [c for c in candidates if c != value and (within(mine, WORD.split(c)) or within(WORD.split(c), mine))]
    return found[0] if len(found) == 1 else None


def within(words: list[str], others: list[str]) -> bool:
    """Whether `words` stand in `others` as a run, in order."""
    n = len(words)
    return any(others[i : i + n] == words for i in range(len(others) - n + 1))


def with_renamed_keys(problems: list[Problem], reads: dict[str, TableRead]) -> list[Problem]:
    """`problems` plus a `renamed-key` error on each key row that looks renamed, its references' messages saying so."""
    found = renamed_keys(problems, reads)
    if not found:
        return problems
    rewritten = {id(was): said for r in found for was, said in r.references}
    return [rewritten.get(id(p), p) for p in problems] + [r.cause for r in found]


def references_by_value(
    problems: list[Problem], reads: dict[str, TableRead]
) -> dict[tuple[str, str, str], list[Problem]]:
    """The foreign-key errors of one-field keys by (referenced table, its key field, the missing value)."""
    out: dict[tuple[str, str, str], list[Problem]] = {}
    for p in problems:
        if p.rule != P.FOREIGN_KEY or p.table is None or p.row is None or p.field is None:
            continue
        read = reads.get(p.table)
        if read is None or read.frame is None or not isinstance(read.schema, dict) or p.field not in read.frame:
            continue
        key = next((k for k in foreign_keys(read.schema) if k[0] == [p.field] and len(k[2]) == 1), None)
        target = None if key is None else (key[1] or p.table)
        if key is None or target not in reads:
            continue
        value = read.frame[p.field].iloc[p.row - 2]
        out.setdefault((str(target), key[2][0], str(value)), []).append(p)
    return out


def referred_values(reads: dict[str, TableRead], targets: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """Every value some row refers to, by (referenced table, key field)."""
    out: dict[tuple[str, str], set[str]] = {t: set() for t in targets}
    for name, read in reads.items():
        if read.frame is None or not isinstance(read.schema, dict):
            continue
        for fields, resource, ref_fields in foreign_keys(read.schema):
            wanted = (resource or name, ref_fields[0] if len(ref_fields) == 1 else "")
            if wanted in out and len(fields) == 1 and fields[0] in read.frame:
                out[wanted].update(read.frame[fields[0]].dropna().astype(str))
    return out
