"""The rule registry: a rule's declaration and the helpers checks share (the rule modules import this, never the
package `rules`, so registering a rule is no import cycle)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...core.problems import Severity
from ..answers import kept_answer, per_row_answer, run
from ..column_keys import KEPT_ROWS, ColumnKeys
from ..distinct import per_distinct_rows, quiet_floats

Check = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Rule:
    id: str
    table: str
    field: str
    message: str
    check: Check
    severity: Severity = "error"
    needs_archive: bool = False
    needs: tuple[str, ...] = ()
    related: str | None = None  # a view column of tuples: the other rows' ids a Problem carries whole
    # The view columns the check reads besides the joined `needs` (its own fields and derived columns): the rule
    # runs on the view restricted to these and its answer is kept by their content (semantics/answers.py). None:
    # undeclared, run on the whole view and never kept.
    reads: tuple[str, ...] | None = None
    # Whether a row's answer depends on that row's inputs alone (no other row's): then it is kept per row's values
    # too, and a validation runs the check only on rows it has not seen (answers.per_row_answer). Declared, never
    # assumed: a rule that reads other rows (agreed_days) kept per row would answer from another package's rows.
    per_row: bool = False

    @property
    def inputs(self) -> tuple[str, ...] | None:
        """Every view column the check may read: `reads` and the joined `needs` (as `field__column`)."""
        if self.reads is None:
            return None
        return tuple(dict.fromkeys([*self.reads, *(n.replace(".", "__") for n in self.needs)]))


RULES: list[Rule] = []


def rule(
    id: str,
    table: str,
    field: str,
    message: str,
    severity: Severity = "error",
    needs_archive: bool = False,
    needs: tuple[str, ...] = (),
    related: str | None = None,
    reads: tuple[str, ...] | None = None,
    per_row: bool = False,
) -> Callable[[Check], Check]:
    """Declare a rule: the decorated function is its check; `reads` the view columns it reads besides `needs`."""

    def register(check: Check) -> Check:
        # Floats overflow to infinity on the largest values a cell may hold: read as open bounds, not warned about.
        quiet = quiet_floats(check)
        RULES.append(Rule(id, table, field, message, quiet, severity, needs_archive, needs, related, reads, per_row))
        return check

    return register


def rule_answer(rule: Rule, view: pd.DataFrame, columns: ColumnKeys | None = None) -> np.ndarray:
    """Which rows of `view` pass `rule` (a bool array): a rule that declares its inputs runs on the view
    restricted to them and its answer is kept by their content (`columns`: the view's column keys, shared by the
    rules of one view); an undeclared rule runs on the whole view, every time."""
    declared = rule.inputs
    if declared is None:
        return run(view, rule.check)
    present = [c for c in declared if c in view.columns]
    if len(view) > KEPT_ROWS:
        return run(view[present], rule.check)
    keys = columns if columns is not None else ColumnKeys(view)
    which = (rule.id, rule.table, rule.check, tuple(present))
    if rule.per_row:
        types = tuple(str(keys.column(c).dtype) for c in present)
        return kept_answer(
            which,
            lambda: (keys.index, tuple(keys(c) for c in present)),
            lambda: view,  # restricted to `present` by per_row_answer, only the rows it has not answered
            len(view),
            lambda whole: per_row_answer((*which, types), whole, rule.check, present),
        )
    return kept_answer(
        which,
        lambda: (keys.index, tuple(keys(c) for c in present)),
        lambda: view[present],
        len(view),
        lambda restricted: run(restricted, rule.check),
    )


def needs_of(rules: list[Rule]) -> dict[str, list[str]]:
    """table -> the `field.column`s of referenced tables its rules read (what views.py joins)."""
    needs: dict[str, list[str]] = {}
    for r in rules:
        needs.setdefault(r.table, []).extend(r.needs)
    return needs


def reads_of(rules: list[Rule]) -> dict[str, frozenset[str]] | None:
    """table -> the view columns its rules read (their declared inputs): what views.py makes of its costly readings.
    None where a rule does not declare its reads (it may read any column: every reading is made)."""
    reads: dict[str, set[str]] = {}
    for r in rules:
        if r.inputs is None:
            return None
        reads.setdefault(r.table, set()).update(r.inputs)
    return {table: frozenset(columns) for table, columns in reads.items()}


def known(*columns: pd.Series) -> pd.Series:
    """True where every one of the columns has a value."""
    mask = pd.Series(True, index=columns[0].index)
    for column in columns:
        mask &= column.notna()
    return mask


# What decides a row by some of its columns alone: their names, and a function of their values that answers the
# row (True or False) or None where the rest of the row's columns decide.
Decided = tuple[list[str], Callable[..., bool | None]]


def each_row(
    view: pd.DataFrame, columns: list[str], passes: Callable[..., bool], decided: Decided | None = None
) -> pd.Series:
    """A check of the string work pandas cannot vectorise, run once per distinct combination of the columns it
    reads (semantics/distinct.py) and spread back over the rows: linear in rows, Python per distinct value.

    `decided`: some columns (texts: a row's basis, its reading) that answer most rows alone, asked once per
    distinct combination of those; `passes` is asked only of the rows they leave open. Why: a combination of all
    the columns is a row when the rows differ by their dates (a grown package's 10^5 rows, 10^5 calls), while the
    texts that decide most of them are a few thousand. `decided` must answer as `passes` would, whatever the
    other columns hold."""
    read = [view[c] for c in columns]  # read on an empty view too: validation probes it for the cells it reads
    first = [view[c] for c in decided[0]] if decided is not None else []
    if not len(view):
        return pd.Series([], index=view.index, dtype=bool)
    if decided is None:
        codes, answers = per_distinct_rows(read, lambda *row: bool(passes(*row)))
        return pd.Series(np.asarray(answers, dtype=bool)[codes], index=view.index, dtype=bool)
    codes, plans = per_distinct_rows(first, decided[1])
    state = np.array([2 if plan is None else int(bool(plan)) for plan in plans], dtype=np.int8)[codes]
    out = state == 1
    rows = np.flatnonzero(state == 2)
    if len(rows):
        codes, answers = per_distinct_rows(read, lambda *row: bool(passes(*row)), rows)
        out[rows] = np.asarray(answers, dtype=bool)[codes]
    return pd.Series(out, index=view.index, dtype=bool)


def missing(value: object) -> bool:
    """Whether a cell's value is missing (None, NaN, <NA>, NaT). The plain cases are answered without pd.isna,
    which costs microseconds a call and is asked per distinct row (1.4 million times at 10^5 rows)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (str, tuple, frozenset, bool, int)):
        return False
    if isinstance(value, float):
        return value != value
    return bool(pd.isna(value))  # type: ignore[call-overload]
