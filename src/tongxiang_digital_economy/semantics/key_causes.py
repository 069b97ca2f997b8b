"""Errors that follow from a broken or renamed key row, counted under their cause (trial 11 W3, m1).

A key table (units, indicator_definitions, places, sources, projects, events) is read through by every row that
refers to it. When a key row breaks (a bad byte in `yuan`) or is renamed (`yuan` -> `yuanx`), the referring rows
fail their foreign key, and a rule that reads a row through that key (the unit's written forms, the indicator's
words, the place's names) judges the row without what it needs and reports a fault the row does not have (a
`[which-figure]` on a correct figure). Such errors are grouped under the cause, not dropped: a rule's error on a
row whose own reference dangles follows from that row's foreign-key error (the report counts it there, `--json`
lists it with `follows`), so nothing is hidden for good and the counts stay honest, while the text says "fix units
first" once instead of sending the maintainer to re-quote a correct row. Grouping rather than not judging also
needs no list of which rule reads which key, which a new rule could forget to extend.

A renamed key row is said once, on that row: where a missing value has one near spelling among the keys no row
refers to, that key's row is the likely cause (`renamed-key`), and the foreign-key errors
no longer advise copying its spelling into the correct rows.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..core import problems as P
from ..core.report import Problem, count
from ..core.suggest import suggested
from ..io.reader import TableRead
from ..schema.keys import foreign_keys

# Distinct missing values looked up for a renamed key: past a few, the cause is not one row.
LOOKED_UP = 5


def under_key_causes(problems: list[Problem], reads: dict[str, TableRead]) -> list[Problem]:
    """`problems` with a `renamed-key` cause added for each renamed key row, and every semantic error on a row
    whose reference dangles marked as following from that row's foreign-key error."""
    return following_references(with_renamed_keys(problems, reads))


def following_references(problems: list[Problem]) -> list[Problem]:
    """Each semantic error on a row that has a foreign-key error marked as following from it."""
    dangling: dict[tuple[str | None, int | None], tuple[str, int, str]] = {}
    for p in problems:
        key = p.key()
        if p.rule == P.FOREIGN_KEY and p.severity == "error" and key is not None:
            dangling.setdefault((p.table, p.row), key)
    return [
        replace(p, follows=dangling[(p.table, p.row)])
        if p.layer == "semantics" and p.severity == "error" and p.follows is None and (p.table, p.row) in dangling
        else p
        for p in problems
    ]


def with_renamed_keys(problems: list[Problem], reads: dict[str, TableRead]) -> list[Problem]:
    """`problems` plus a `renamed-key` error on each key row that looks renamed, its references' messages saying so."""
    dangling = references_by_value(problems, reads)
    if not dangling:
        return problems
    referred = referred_values(reads, {(target, field) for target, field, _ in dangling})
    rewritten: dict[int, Problem] = {}
    causes: list[Problem] = []
    for (target, field, value), refs in list(dangling.items())[:LOOKED_UP]:
        frame = reads[target].frame
        keys = frame[field] if frame is not None and field in frame else pd.Series(dtype=object)
        texts = keys.dropna().astype(str)
        # Among the keys no row refers to: the siblings of a renamed key (wic-2016, wic-2018 beside wic-2017x) are
        # near spellings too, but rows refer to them, so they were not renamed.
        near = suggested(value, sorted(set(texts) - referred[(target, field)]))
        if near is None:
            continue
        row = int(texts.index[texts == near][0]) + 2
        rows = {(p.table, p.row) for p in refs}
        causes.append(
            Problem.of(
                P.RENAMED_KEY,
                target,
                row,
                field,
                f"{count(len(rows), 'row')} refer to {value!r}, which no {target} row holds; {target} row {row} holds "
                f"{near!r}, to which no row refers: was it renamed? give it back its key, or correct those rows",
            )
        )
        for p in refs:
            rewritten[id(p)] = replace(
                p,
                message=f"{value!r} is not a {field} of {target}: {target} row {row} holds {near!r} (renamed?); "
                "give that row back its key, or correct the value",
            )
    return [rewritten.get(id(p), p) for p in problems] + causes


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
