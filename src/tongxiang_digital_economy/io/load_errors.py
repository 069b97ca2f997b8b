"""Why a table does not load, said as `validate` says it: the first fault, and what follows from it counted under it.

A LoadError names the first bad cell and lists the next few. Where the table's rows fail their foreign key because
of another table's fault, that fault leads, as in `validate` (issue 16): a referenced table with bad cells of its own
(one bad byte in a places id: "and 61 rows of indicators that refer to places"), or a key row that looks renamed
(`renamed-key`, io/renamed_keys.py: never a "did you mean" that copies the rename into correct rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..core import problems as P
from ..core.exceptions import LoadError, TDEError
from ..core.report import Problem, agree, alike_groups, alike_words, count
from ..schema.keys import foreign_keys

# The reader imports pandas and pyarrow, which `--help` and `--version` must not (io/load.py imports this module):
# it is imported where a failing load needs it, not to dodge a cycle (it imports nothing of this module).
if TYPE_CHECKING:
    from .reader import TableRead

SHOWN = 5  # bad cells a LoadError quotes; `validate` lists them all

# The reader's errors that refuse a whole row (every cell of it, its key too), whatever field they name.
ROW_REFUSALS = (P.BLANK_ROW, P.MISSING_CELL, P.EXTRA_CELL, P.CSV_ERROR, P.ENCODING_ERROR)


def key_refusals(reads: dict[str, TableRead]) -> set[tuple[str, int, str]]:
    """The keys of the reader's errors that refused a cell of a key other rows refer to (a row refused whole, or a
    cell of a referenced field): what a table's foreign-key errors into it follow from (Report.follow_ons)."""
    referenced: dict[str, set[str]] = {}
    for name, read in reads.items():
        if isinstance(read.schema, dict):
            for _, resource, ref_fields in foreign_keys(read.schema):
                referenced.setdefault(resource or name, set()).update(ref_fields)
    return {
        (p.table, p.row, p.rule)
        for name, read in reads.items()
        for p in read.errors
        if p.table is not None
        and p.row is not None
        and (p.rule in ROW_REFUSALS or p.field in referenced.get(name, set()))
    }


def in_row_order(problems: list[Problem]) -> list[Problem]:
    """Problems by row, then field, as `validate` lists them (core.report.Report.sorted)."""
    return sorted(problems, key=lambda p: (p.row or 0, p.field or "", p.rule or ""))


def load_error(table: str, errors: list[Problem]) -> LoadError:
    """A LoadError at the first problem, listing the next few and saying how many there are; the foreign-key errors
    that say one missing key alike are said once, the others counted under the first (core.report.alike_groups, as
    `validate` groups them: trial 18 m2, a removed source's 14 rows were its message 14 times)."""
    alike = alike_groups(errors)
    first = errors[0]
    message = said(first, alike.get(id(first), []))
    shown = set(map(id, [first, *alike.get(id(first), [])]))
    rest = [p for p in errors if id(p) not in shown]
    if rest:
        message += f"; {len(rest)} more: {listing(rest, alike, SHOWN - 1, table + ', ')}"
    return LoadError(table, first.row, first.field, message)


def said(p: Problem, alike: list[Problem], prefix: str | None = None) -> str:
    """A problem as a LoadError says it, with the rows that say it alike counted after it: its place said but for
    `prefix` (the table the error names), or not at all (None: the error's own place)."""
    where = "" if prefix is None else f"{p.location().removeprefix(prefix)}: "
    return f"{where}{p.message} [{p.rule}]" + (f", {alike_words(p, alike)}" if alike else "")


def listing(rest: list[Problem], alike: dict[int, list[Problem]], shown: int, prefix: str = "") -> str:
    """The first `shown` problems of `rest` that are not alike an earlier one, each with its place and those alike
    it counted, and an ellipsis when there are more."""
    grouped = {id(p) for group in alike.values() for p in group}
    leads = [p for p in rest if id(p) not in grouped]
    text = "; ".join(said(p, alike.get(id(p), []), prefix) for p in leads[:shown])
    return text + ("; … (`tongxiang-digital-economy validate` lists them all)" if len(leads) > shown else "")


def load_failure(
    table: str, errors: list[Problem], reads: dict[str, TableRead], every: Callable[[], dict[str, TableRead]]
) -> LoadError:
    """The LoadError for `errors` (`reads`: the tables read so far; `every`: every table of the package, read only on
    this failing path). Rows of `table` whose foreign key fails because of another table's fault are counted under
    that fault, which leads: a referenced table's own first bad cell, else a key row that looks renamed."""
    dangling = [p for p in errors if p.rule == P.FOREIGN_KEY]
    if not dangling:
        return load_error(table, errors)
    # A table whose key cells the reader refused (the loaded one too, whose rows may refer to its other rows: a
    # parent_id), as `validate` groups them (trial 15 W4: units' multiplier -1 refuses no key, 'furlong' is its own).
    refusals = key_refusals(reads)
    broken = [t for t in dict.fromkeys(p.refers_to for p in dangling) if t and any(r[0] == t for r in refusals)]
    if broken:
        cause = in_row_order([p for p in reads[broken[0]].errors if p.key() in refusals])[0]
        led = [p for p in dangling if p.refers_to == broken[0]]
        return under_cause(table, cause, led, errors, f"to {broken[0]}")
    from .reader import check_foreign_keys
    from .renamed_keys import renamed_keys

    try:  # which keys no row refers to is a question about every table
        tables = every()
    except TDEError:
        return load_error(table, errors)
    found = [
        r for r in renamed_keys(check_foreign_keys(tables), tables) if any(w.table == table for w, _ in r.references)
    ]
    if not found:
        return load_error(table, errors)
    said = {where(w): s for r in found[1:] for w, s in r.references if w.table == table}
    led = [w for w, _ in found[0].references if w.table == table]
    return under_cause(table, found[0].cause, led, [said.get(where(p), p) for p in errors], "to it")


def where(p: Problem) -> tuple[str | None, int | None, str | None, str]:
    """A problem's place and rule: the same foreign-key error found by two reads of the tables is one."""
    return (p.table, p.row, p.field, p.rule)


def under_cause(table: str, cause: Problem, led: list[Problem], errors: list[Problem], to: str) -> LoadError:
    """A LoadError at `cause`, counting the rows of `table` that `led` names under it, then the rest of `errors`."""
    under = sorted({p.row or 0 for p in led})
    places = {where(p) for p in [cause, *led]}
    rest = [p for p in errors if where(p) not in places]
    shown = ", ".join(str(r) for r in under[:SHOWN]) + (", …" if len(under) > SHOWN else "")
    message = (
        f"{cause.message} [{cause.rule}]; and {count(len(under), 'row')} of {table} that "
        f"{agree(len(under), 'refer')} {to} [{P.FOREIGN_KEY}] ({'row' if len(under) == 1 else 'rows'} {shown})"
    )
    if rest:
        message += f"; {len(rest)} more: {listing(rest, alike_groups(rest), SHOWN)}"
    return LoadError(str(cause.table), cause.row, cause.field, message)
