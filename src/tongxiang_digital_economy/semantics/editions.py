"""Blame an edition's dates, not its figures, when the figures agree against them (trial 7 S4).

Four rules hold a figure of an event edition (indicators.event_id) to the edition's days in the events table:
edition-ordinal-date, event-period-mismatch, period-outside-edition and period-text-mismatch. Each reports on the
figure row, since a row is usually what is wrong. But a one-digit slip in an events row's start makes every
correct figure of the edition fail, and each error then tells the maintainer to re-date a correct row: following
the advice moves the figures of three sources to the wrong day and makes the package "valid".

So, after the rules run, the figure rows of each edition that fail those rules are weighed against the edition's
dates: for each other dating the rows themselves suggest (their first and last days in place of the edition's
start or end), the rules are run again on the edition's rows. Where one dating makes more than one row pass
that fails now, and fewer rows fail under it that pass now (the rows that confirm the dates as they stand), the
fault is the events row's: one error there (`edition-dates-against-figures`, on start or end), naming how many
rows of how many sources disagree with it and citing one, and the rows' errors are marked as following from it
(Problem.follows), so that the text report counts them under it as it counts a broken table's foreign-key errors.
A single row that disagrees is blamed on itself (one row against an edition is more likely a slip in the row),
unless the events row has an error of its own on its dates (event-dates-order, event-dates-not-in-evidence): then
the rows' errors that another dating clears follow from that one.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..core.problems import EDITION_DATES_AGAINST_FIGURES
from ..core.report import Problem, count, problem
from ..text.periods import publication_bounds
from .rules import RULES, Rule, missing

Pair = tuple[int, str]  # a view row's index and the id of a rule it fails
Key = tuple[str, int, str]
EDITION_DATES = ("event_id.start", "event_id.end")


def dated_rules() -> list[Rule]:
    """The rules of indicators that read an edition's days."""
    return [r for r in RULES if r.table == "indicators" and set(EDITION_DATES) & set(r.needs)]


def iso(value: object) -> str | None:
    """A period cell as `YYYY-MM-DD` (None where it is empty)."""
    return None if missing(value) else pd.Timestamp(value).date().isoformat()  # type: ignore[arg-type]


def failing(rows: pd.DataFrame, rules: list[Rule], start: str, end: str) -> set[Pair]:
    """The (row, rule) pairs that fail when the edition runs from `start` to `end`."""
    dated = rows.assign(event_id__start=start, event_id__end=end)
    found: set[Pair] = set()
    for r in rules:
        passes = r.check(dated).to_numpy(dtype=bool)
        found.update((int(i), r.id) for i in dated.index[~passes])
    return found


def in_order(start: str, end: str) -> bool:
    low, high = publication_bounds(start)[0], publication_bounds(end)[1]
    return low is not None and high is not None and low <= high


def weigh(
    rows: pd.DataFrame, pairs: set[Pair], start: str, end: str, rules: list[Rule]
) -> tuple[str, str, set[Pair], set[Pair]] | None:
    """The other dating of the edition its failing rows suggest that makes the most of them pass and the fewest of
    the others fail, with the pairs it makes pass (fixed) and those it makes fail (broken); None if none helps."""
    now = failing(rows, rules, start, end)
    starts = {start} | {d for i, _ in pairs if (d := iso(rows.at[i, "period_start"])) is not None}
    ends = {end} | {d for i, _ in pairs if (d := iso(rows.at[i, "period_end"])) is not None}
    best: tuple[tuple[int, int, int], str, str, set[Pair], set[Pair]] | None = None
    for s in sorted(starts):
        for e in sorted(ends):
            if (s, e) == (start, end) or not in_order(s, e):
                continue
            then = failing(rows, rules, s, e)
            fixed, broken = pairs - then, then - now
            gain = len({i for i, _ in fixed}) - len({i for i, _ in broken})
            score = (gain, -((s != start) + (e != end)), -len(broken))
            if fixed and (best is None or score > best[0]):
                best = (score, s, e, fixed, broken)
    return None if best is None else best[1:]


def blame_editions(found: list[Problem], view: pd.DataFrame | None, events: pd.DataFrame | None) -> list[Problem]:
    """`found` with the errors of figure rows that agree against their edition's dates marked as following from
    one error on the events row (added), or from the events row's own error on its dates."""
    rules = dated_rules()
    ids = {r.id for r in rules}
    if view is None or events is None or "event_id__start" not in view or "event_id" not in view:
        return found
    by_event: dict[object, set[Pair]] = {}
    for p in found:
        if p.table == "indicators" and p.rule in ids and p.row is not None and p.severity == "error":
            index = p.row - 2
            if index in view.index and not missing(view.at[index, "event_id"]):
                by_event.setdefault(view.at[index, "event_id"], set()).add((index, p.rule))
    if not by_event:
        return found
    rows_of = {event: index for index, event in zip(events.index, events["event_id"], strict=True)}
    own = {
        p.row: p
        for p in found
        if p.table == "events" and p.row is not None and p.severity == "error" and p.field in ("start", "end")
    }
    follows: dict[Pair, Key] = {}
    added: list[Problem] = []
    for event, pairs in by_event.items():
        if event not in rows_of:
            continue
        line = int(rows_of[event]) + 2
        edition = events.loc[rows_of[event]]
        start, end = str(edition["start"]), str(edition["end"])
        rows = view[view["event_id"] == event]
        verdict = weigh(rows, pairs, start, end, rules)
        if verdict is None:
            continue
        s, e, fixed, broken = verdict
        fixed_rows, broken_rows = {i for i, _ in fixed}, {i for i, _ in broken}
        cause: Key | None
        if len(fixed_rows) >= 2 and len(fixed_rows) > len(broken_rows):
            chosen = rows.loc[sorted(fixed_rows)]
            blame = against_figures(str(event), line, (start, end), (s, e), chosen, broken_rows, len(fixed))
            added.append(blame)
            cause = blame.key()
        elif line in own:
            cause = own[line].key()
        else:
            continue
        if cause is not None:
            follows.update(dict.fromkeys(fixed, cause))
    if not follows:
        return found
    marked = [
        replace(p, follows=follows[(p.row - 2, p.rule)])
        if p.table == "indicators" and p.row is not None and (p.row - 2, p.rule) in follows
        else p
        for p in found
    ]
    return marked + added


def against_figures(
    event: str,
    line: int,
    dates: tuple[str, str],
    other: tuple[str, str],
    rows: pd.DataFrame,
    broken: set[int],
    errors: int,
) -> Problem:
    """The events row's error: how many rows of how many sources fit the edition at other dates, and one of them."""
    field = "start" if other[0] != dates[0] else "end"
    sources = rows["source_id"].nunique() if "source_id" in rows else 0
    first = rows.iloc[0]
    one = (
        f"indicators row {int(rows.index[0]) + 2}, {first.get('observation_id')} of {first.get('source_id')}, "
        f"dated {iso(first['period_start'])} to {iso(first['period_end'])}"
    )
    confirm = (
        "no row of it needs the dates as they stand"
        if not broken
        else f"only {count(len(broken), 'row')} of it fits the dates as they stand"
        if len(broken) == 1
        else f"only {count(len(broken), 'row')} of it fit the dates as they stand"
    )
    message = (
        f"{count(len(rows), 'figure row')} of {count(sources, 'source')} of the edition {event} fit it as running "
        f"{other[0]} to {other[1]}, not {dates[0]} to {dates[1]} as this row has it, and {confirm}: correct {field} "
        f"from the edition's text if the figures are right (one: {one}); if these dates are right, re-date the rows "
        f"({count(errors, 'error')} on them follow)"
    )
    return problem(EDITION_DATES_AGAINST_FIGURES, "events", line, field, message)
