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

Only what may read through the dangling key is grouped (trial 17 W1: a paraphrased evidence and a Chinese name not in
the text were counted as following from a mistyped place_id, their texts no longer shown, and met again once it was
fixed). Whether a rule reads a field is what its declaration says (`reads`, `needs`) with the derived columns traced
to the row's fields they come from (derived.DERIVED_FROM, as for refused cells): a rule that reads neither the key's
field nor anything made from it keeps its own line. A rule that reads a column made from other tables that the map
does not trace (an anchor, a near-duplicate) may read through any key, and is grouped as before.

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
from .derived import DERIVED_FROM
from .rules import RULES


def under_key_causes(problems: list[Problem], reads: dict[str, TableRead]) -> list[Problem]:
    """`problems` with a `renamed-key` cause added for each renamed key row, and every semantic error on a row
    whose reference dangles, of a rule that may read through it, marked as following from that row's foreign-key
    error."""
    own = {name: {str(f.get("name")) for f in read.schema.get("fields", [])} for name, read in reads.items()}
    return following_references(with_renamed_keys(problems, reads), own)


def following_references(problems: list[Problem], own: dict[str, set[str]]) -> list[Problem]:
    """Each semantic error or warning on a row that has a foreign-key error marked as following from it where the
    rule may read through that key (`reads_through`; a rule that does warns as falsely as it errs: both are counted
    under the cause). `own`: each table's own fields (its Table Schema's)."""
    dangling: dict[tuple[str | None, int | None], list[tuple[tuple[str, int, str], set[str]]]] = {}
    for p in problems:
        key = p.key()
        if p.rule == P.FOREIGN_KEY and p.severity == "error" and key is not None:
            dangling.setdefault((p.table, p.row), []).append((key, set(str(p.field).split(", "))))
    out = []
    for p in problems:
        if p.layer == "semantics" and p.severity in ("error", "warning") and p.follows is None:
            causes = dangling.get((p.table, p.row), [])
            cause = next((k for k, fields in causes if reads_through(p, fields, own.get(str(p.table), set()))), None)
            if cause is not None:
                p = replace(p, follows=cause)
        out.append(p)
    return out


def reads_through(p: Problem, key_fields: set[str], own: set[str]) -> bool:
    """Whether the rule that found `p` may read the row through a key of `key_fields`: it reads one of them, joined
    (`place_id__name`), itself, or through a derived column made from it; or it reads a column the derived map does
    not trace to the row's fields, or declares nothing (it may read anything)."""
    rules = [r for r in RULES if r.id == p.rule and r.table == p.table]
    if not rules:
        return True
    fields: set[str] = set()
    for rule in rules:
        if rule.inputs is None:
            return True
        for column in rule.inputs:
            if "__" in column:
                fields.add(column.partition("__")[0])
            elif column in DERIVED_FROM:
                fields.update(DERIVED_FROM[column])
            elif column in own:
                fields.add(column)
            else:
                return True
    return bool(fields & key_fields)
