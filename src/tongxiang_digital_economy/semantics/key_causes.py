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
refers to, that key's row is the likely cause (`renamed-key`), and the foreign-key errors no longer advise copying
its spelling into the correct rows. That reading is io/renamed_keys.py's, so that `load`, `show` and `series` say
it as `validate` does.
"""

from __future__ import annotations

from dataclasses import replace

from ..core import problems as P
from ..core.report import Problem
from ..io.reader import TableRead
from ..io.renamed_keys import with_renamed_keys


def under_key_causes(problems: list[Problem], reads: dict[str, TableRead]) -> list[Problem]:
    """`problems` with a `renamed-key` cause added for each renamed key row, and every semantic error on a row
    whose reference dangles marked as following from that row's foreign-key error."""
    return following_references(with_renamed_keys(problems, reads))


def following_references(problems: list[Problem]) -> list[Problem]:
    """Each semantic error or warning on a row that has a foreign-key error marked as following from it (a rule that
    reads the row through its dangling key warns as falsely as it errs: both are counted under the cause)."""
    dangling: dict[tuple[str | None, int | None], tuple[str, int, str]] = {}
    for p in problems:
        key = p.key()
        if p.rule == P.FOREIGN_KEY and p.severity == "error" and key is not None:
            dangling.setdefault((p.table, p.row), key)
    return [
        replace(p, follows=dangling[(p.table, p.row)])
        if p.layer == "semantics"
        and p.severity in ("error", "warning")
        and p.follows is None
        and (p.table, p.row) in dangling
        else p
        for p in problems
    ]
