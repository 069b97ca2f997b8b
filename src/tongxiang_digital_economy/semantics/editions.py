"""Blame an edition's dates, not its figures, when the figures agree against them (trial 7 S4).

Four rules hold a figure of an event edition (indicators.event_id) to the edition's days in the events table:
edition-ordinal-date, event-period-mismatch, period-outside-edition and period-text-mismatch. Each reports on the
figure row, since a row is usually what is wrong. But a one-digit slip in an events row's start makes every
correct figure of the edition fail, and each error then tells the maintainer to re-date a correct row: following
the advice moves the figures of three sources to the wrong day and makes the package "valid".

So, after the rules run, the figure rows of each edition that fail those rules are weighed against the edition's
dates. Each failing row votes once for the start and the end it implies (its own first and last day); the few
dates with the most votes (MOST_VOTED of each, with the edition's own) are the other datings tried, and the
rules are run again on the edition's rows for each: a fixed number of runs whatever the number of rows (review
6 F2; trying every pair of the rows' dates was cubic in the misdated rows). The dating that makes the most rows
pass that fail now, and the fewest fail that pass now, is the figures' reading.

The events row is blamed for it (one error there, `edition-dates-against-figures`, on start or end, naming how
many rows of how many sources disagree with it and citing one; the rows' errors are marked as following from it,
Problem.follows, and the text report counts them under it as it counts a broken table's foreign-key errors) when
all of these hold (review 6 F8):
- its own evidence does not side with its dates: a passage that states the days as the row has them and not as
  the figures have them (于2024年11月19日至22日) outweighs any number of figure rows (events.confirms);
- the rows that agree against it come from more than one source, or are more than one row of the events row's
  own source (the one text read twice, figures and dates): more rows of one other source are often copied from
  one another with one slip, so they count as one witness (witnesses_of);
- more rows pass under the other dating than fail under it that pass now.
Otherwise the rows keep their errors, unless the events row has an error of its own on its dates
(event-dates-order, event-dates-not-in-evidence): then the rows' errors that the other dating clears follow from
that one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pandas as pd

from ..core.problems import EDITION_DATES_AGAINST_FIGURES
from ..core.report import Problem, count, marked_as_following, problem
from ..text.periods import publication_bounds, words_read_at
from .rules import RULES, Rule, missing
from .rules.events import confirms

Pair = tuple[int, str]  # a view row's index and the id of a rule it fails
Key = tuple[str, int, str]
EDITION_DATES = ("event_id.start", "event_id.end")
MOST_VOTED = 3  # the dates most failing rows imply, of each end, that are tried as the edition's other dating


def dated_rules() -> list[Rule]:
    """The rules of indicators that read an edition's days."""
    return [r for r in RULES if r.table == "indicators" and set(EDITION_DATES) & set(r.needs)]


def iso(value: object) -> str | None:
    """A period cell as `YYYY-MM-DD` (None where it is empty)."""
    return None if missing(value) else pd.Timestamp(value).date().isoformat()  # type: ignore[arg-type]


def failing(rows: pd.DataFrame, rules: list[Rule], start: str, end: str) -> set[Pair]:
    """The (row, rule) pairs that fail when the edition runs from `start` to `end`.

    Each rule reads the rows restricted to the columns it declares (Rule.inputs), as validation runs it: the
    figures' view has about a hundred columns, and a rule that selects rows (agreed_days) took them all each time,
    a third of a blame's cost."""
    found: set[Pair] = set()
    for r in rules:
        declared = r.inputs
        part = rows if declared is None else rows[[c for c in declared if c in rows.columns]]
        passes = r.check(part.assign(event_id__start=start, event_id__end=end)).to_numpy(dtype=bool)
        found.update((int(i), r.id) for i in part.index[~passes])
    return found


def failing_each(rows: pd.DataFrame, rules: list[Rule], datings: list[tuple[str, str]]) -> list[set[Pair]]:
    """failing() under each dating (start, end). A rule that reads each row alone (Rule.per_row, as declared for
    the kept answers) runs once over the rows repeated for every dating, not once per dating: on an edition's few
    rows a rule's cost is its own, not the rows'; the others run per dating (failing)."""
    found: list[set[Pair]] = [set() for _ in datings]
    for r in rules:
        if not r.per_row or not datings:
            continue
        declared = r.inputs
        part = rows if declared is None else rows[[c for c in declared if c in rows.columns]]
        stacked = pd.concat([part.assign(event_id__start=s, event_id__end=e) for s, e in datings], ignore_index=True)
        passes = r.check(stacked).to_numpy(dtype=bool)
        for k, pairs in enumerate(found):
            pairs.update((int(i), r.id) for i in part.index[~passes[k * len(part) : (k + 1) * len(part)]])
    others = [r for r in rules if not r.per_row]
    for pairs, (s, e) in zip(found, datings, strict=True):
        pairs |= failing(rows, others, s, e)
    return found


def in_order(start: str, end: str) -> bool:
    low, high = publication_bounds(start)[0], publication_bounds(end)[1]
    return low is not None and high is not None and low <= high


def voted(rows: pd.DataFrame, pairs: set[Pair], column: str, own: str) -> list[str]:
    """The edition's own date and the MOST_VOTED dates in `column` that most of its failing rows have (each row
    votes once, however many rules it fails; a tie goes to the earlier date)."""
    votes = Counter(d for i in {i for i, _ in pairs} if (d := iso(rows.at[i, column])) is not None and d != own)
    return [own, *sorted(votes, key=lambda d: (-votes[d], d))[:MOST_VOTED]]


def weigh(
    rows: pd.DataFrame, pairs: set[Pair], start: str, end: str, rules: list[Rule]
) -> tuple[str, str, set[Pair], set[Pair]] | None:
    """The other dating of the edition its failing rows vote for that makes the most of them pass and the fewest of
    the others fail, with the pairs it makes pass (fixed) and those it makes fail (broken); None if none helps.
    At most (MOST_VOTED + 1)² datings are tried, however many rows fail: the rules that read each row alone run
    once over them all (failing_each), the others once per dating."""
    datings = [
        (s, e)
        for s in voted(rows, pairs, "period_start", start)
        for e in voted(rows, pairs, "period_end", end)
        if (s, e) != (start, end) and in_order(s, e)
    ]
    now, *each = failing_each(rows, rules, [(start, end), *datings])
    best: tuple[tuple[int, int, int], str, str, set[Pair], set[Pair]] | None = None
    for (s, e), then in zip(datings, each, strict=True):
        fixed, broken = pairs - then, then - now
        gain = len({i for i, _ in fixed}) - len({i for i, _ in broken})
        score = (gain, -((s != start) + (e != end)), -len(broken))
        if fixed and (best is None or score > best[0]):
            best = (score, s, e, fixed, broken)
    return None if best is None else best[1:]


def sides_with_its_dates(edition: pd.Series, now: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether the events row's evidence states its days as they stand and not as `other` has them."""
    evidence = edition.get("evidence")
    published = words_read_at(edition.get("source_id__published"), edition.get("source_id__original_published"))
    length = edition.get("length_words")  # the lexicon's length words (views: none without a lexicon)
    words = edition.get("run_words")  # and its words of a run of days
    return (
        confirms(evidence, published, *now, length, words) is True
        and confirms(evidence, published, *other, length, words) is False
    )


def witnesses_of(rows: pd.DataFrame, edition: pd.Series) -> bool:
    """Whether the rows that agree against the edition's dates can outvote them: rows of more than one source, or
    more than one row of the events row's own source (its figures and its dates are two readings of the one text
    it quotes, and the figures agree with one another). More rows of one other source are one witness: they are
    often copied from one another with one slip (review 6 F8)."""
    if "source_id" not in rows or len(rows) < 2:
        return False
    sources = set(rows["source_id"].dropna())
    return len(sources) >= 2 or sources == {edition.get("source_id")}


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
        witnesses = witnesses_of(rows.loc[sorted(fixed_rows)], edition)
        cause: Key | None
        # Its own text stating its days outweighs the rows, however many.
        sided = sides_with_its_dates(edition, (start, end), (s, e))
        named = named_fixed(found, view, str(event), (s, e))
        if not sided and witnesses and len(fixed_rows) > len(broken_rows):
            chosen = rows.loc[sorted(fixed_rows)]
            errors = len(fixed) + len(named)
            blame = against_figures(str(event), line, (start, end), (s, e), chosen, broken_rows, errors)
            added.append(blame)
            cause = blame.key()
        elif line in own:
            cause = own[line].key()
        else:
            continue
        if cause is not None:
            follows.update(dict.fromkeys(fixed, cause))
            follows.update(dict.fromkeys(named, cause))
    if not follows:
        return found
    return marked_as_following(found, follows) + added


NAMED = "period-edition-named"


def named_fixed(found: list[Problem], view: pd.DataFrame, event: str, other: tuple[str, str]) -> set[Pair]:
    """The `period-edition-named` errors on rows whose dating words name the edition `event` that its other dating
    `other` clears: they follow from its dates as the dated rules' errors do (that rule reads the edition's days
    through the words that name it, not through event_id, so `weigh` does not run it)."""
    rule = next((r for r in RULES if r.id == NAMED), None)
    if rule is None or "period_editions" not in view:
        return set()
    cleared: set[Pair] = set()
    for p in found:
        if p.table != "indicators" or p.rule != NAMED or p.row is None or p.row - 2 not in view.index:
            continue
        index = p.row - 2
        named: object = view.at[index, "period_editions"]
        if not isinstance(named, tuple) or not any(n[0] == event for n in named):
            continue
        redated = tuple((n[0], *other) if n[0] == event else n for n in named)
        one = view.loc[[index]].assign(period_editions=pd.Series([redated], index=[index], dtype=object))
        if bool(rule.check(one).iloc[0]):
            cleared.add((index, NAMED))
    return cleared


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


def under_refused_dates(
    problems: list[Problem], indicators: pd.DataFrame | None, events: pd.DataFrame | None
) -> list[Problem]:
    """`problems` with an edition whose start or end cell the reader refused (a typo the pattern rejects: the rules
    read it as empty) judged on that cell once (trial 14 W1): the blame of its dates against its figures is dropped,
    and the errors of its figure rows that read its days (the dated rules, period-edition-named) follow from the
    cell's own error, as `--json` shows and the text report counts under it."""
    causes: dict[int, Key] = {}
    for p in problems:
        key = p.key()
        refused = p.table == "events" and p.layer == "structure" and p.severity == "error"
        if refused and key is not None and p.field in (None, "start", "end"):
            causes.setdefault(key[1], key)
    if not causes or events is None or "event_id" not in events:
        return problems
    dropped = {
        k
        for p in problems
        if p.table == "events" and p.row in causes and p.rule == EDITION_DATES_AGAINST_FIGURES and (k := p.key())
    }
    lines = zip(events.index, events["event_id"], strict=True)
    cause_of = {event: causes[int(i) + 2] for i, event in lines if int(i) + 2 in causes}
    ids = {r.id for r in dated_rules()} | {NAMED}
    kept: list[Problem] = []
    for p in problems:
        if p.key() in dropped:
            continue
        event = event_of(p, indicators) if p.rule in ids and (p.follows is None or p.follows in dropped) else None
        kept.append(replace(p, follows=cause_of[event]) if event in cause_of else p)
    return kept


def event_of(p: Problem, indicators: pd.DataFrame | None) -> object:
    """The edition an indicators problem's row belongs to (None: another table's, or a row without one)."""
    if p.table != "indicators" or p.row is None or indicators is None or "event_id" not in indicators:
        return None
    index = p.row - 2
    return None if index not in indicators.index else indicators.at[index, "event_id"]
