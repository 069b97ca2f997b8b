"""Blame a source's date, not its figures, when the figures fail because of it (trial 8 U4; S4's kind, for sources).

A typo in `sources.published` (2020-01-14 written 2019-01-14) makes the source's correct figures fail: a figure of
2019 "ends after its source was published" (actual-after-publication), a period_text written without its year
reads in the wrong year (period-text-mismatch). Each error tells the maintainer to re-date a correct row, and the
sources row, the one cell that is wrong, is never named.

So, after the rules run, each source suspected of a wrong date is given the date it would have, and the per-row
rules of its figure rows are run again on that date; the rows' errors it clears are marked as following from one
error on the sources row (Problem.follows; the text report counts them under it, as for an edition's dates,
semantics/editions.py). A source is suspected:

- with the archive, when `published-not-in-text` fails on its row: a `text`-based date that is none of the days
  the archived text states as its own (the reader of original-published-words). Each of those days is tried, and
  the one that clears the most errors (the nearest the recorded date on a tie) is the text's date;
- with or without it, when every figure of the source with a past status (actual, estimate), two at least, ends
  after its `published` (`published-before-its-figures`, an error on the sources row), and the text does not
  confirm the date: the figures of one text agree against the one cell they share. The date tried is the day
  their latest ends. One figure alone is no majority: it keeps its own error.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..core.problems import PUBLISHED_BEFORE_ITS_FIGURES
from ..core.report import Problem, count, marked_as_following, problem
from ..text.periods import publication_bounds

Key = tuple[str, int, str]
Recheck = Callable[[str, str, pd.Index], set[tuple[int, str]]]
NOT_IN_TEXT = "published-not-in-text"
AFTER_PUBLICATION = "actual-after-publication"
PAST = ("actual", "estimate")


def own_days(published: str, days: object) -> list[str]:
    """The days the text states as its own, nearest the recorded date first (a typo is near what was meant)."""
    if not isinstance(days, str) or days == "none":
        return []
    low = publication_bounds(published)[0]
    stated = [d for d in days.split(", ") if publication_bounds(d)[0] is not None]
    if low is None:
        return stated
    return sorted(stated, key=lambda d: abs((publication_bounds(d)[0] - low).days))  # type: ignore[operator]


def blame_published(
    found: list[Problem], sources: pd.DataFrame | None, indicators: pd.DataFrame | None, recheck: Recheck
) -> list[Problem]:
    """`found` with the errors of figure rows that a source's other date clears marked as following from one error
    on the sources row (`published-not-in-text`, or `published-before-its-figures`, added). `sources` and
    `indicators` are the views the rules ran on; `recheck(source, date, rows)` runs the indicators' per-row rules on
    those rows with the source's published set to `date`, and gives the (view row, rule) pairs that fail."""
    if sources is None or indicators is None or "source_id" not in indicators or "published" not in sources:
        return found
    errors: dict[int, set[tuple[int, str]]] = {}  # indicators view row -> its (row, rule) errors
    for p in found:
        if p.table == "indicators" and p.row is not None and p.severity == "error":
            errors.setdefault(p.row - 2, set()).add((p.row - 2, p.rule))
    if not errors:
        return found
    line_of = {str(s): int(i) + 2 for i, s in zip(sources.index, sources["source_id"], strict=True)}
    causes: dict[str, tuple[Key, list[str]]] = {}  # source_id -> (its error's key, the dates to try)
    for p in found:
        if p.table == "sources" and p.rule == NOT_IN_TEXT and p.row is not None:
            row = sources.loc[p.row - 2]
            dates = own_days(str(row["published"]), row.get("published_days"))
            key = p.key()
            if dates and key is not None:
                causes[str(row["source_id"])] = (key, dates)
    confirmed = confirmed_by_text(sources, found)
    added = []
    # Only a source with two figure rows at least that fail actual-after-publication can be blamed here: the others
    # are never grouped (a Python loop over every source's rows cost 0.3 s a validation with any error).
    late_rows = [i for i, pairs in errors.items() if (i, AFTER_PUBLICATION) in pairs]
    suspects = indicators["source_id"].reindex(late_rows).value_counts()
    suspected = indicators[indicators["source_id"].isin(suspects.index[suspects >= 2])]
    by_source = suspected.groupby("source_id", sort=True)
    for source, rows in by_source:
        if str(source) in causes or str(source) in confirmed or str(source) not in line_of:
            continue
        past = rows[rows["status"].isin(PAST)] if "status" in rows else rows.iloc[:0]
        late = [i for i in past.index if (int(i), AFTER_PUBLICATION) in errors.get(int(i), set())]
        if len(past) < 2 or len(late) < len(past):
            continue
        row = sources.loc[line_of[str(source)] - 2]
        latest = pd.Timestamp(past["period_end"].max()).date().isoformat()
        blame = before_its_figures(str(source), line_of[str(source)], str(row["published"]), len(past), latest)
        added.append(blame)
        causes[str(source)] = ((blame.table or "sources", line_of[str(source)], blame.rule), [latest])
    follows: dict[tuple[int, str], Key] = {}
    for source, (cause, dates) in causes.items():
        of_source = indicators.index[indicators["source_id"] == source]
        now = {pair for i in of_source.tolist() for pair in errors.get(int(i), set())}
        if not now:
            continue
        # the text's own day that clears the most of them (the nearest on a tie): a text may state two
        cleared = max((now - recheck(source, date, of_source) for date in dates), key=len)
        follows.update(dict.fromkeys(cleared, cause))
    if not follows and not added:
        return found
    return marked_as_following(found, follows) + added


def confirmed_by_text(sources: pd.DataFrame, found: list[Problem]) -> set[str]:
    """The sources whose archived text states their recorded date as its own: their figures are the suspects."""
    if "published_days" not in sources:
        return set()
    failed = {p.row for p in found if p.table == "sources" and p.rule == NOT_IN_TEXT}
    return {
        str(s)
        for i, s, days in zip(sources.index, sources["source_id"], sources["published_days"], strict=True)
        if isinstance(days, str) and days != "none" and int(i) + 2 not in failed
    }


def before_its_figures(source: str, line: int, published: str, figures: int, latest: str) -> Problem:
    """The sources row's error: every figure of its past ends after the date it has."""
    message = (
        f"every one of the {count(figures, 'figure')} of {source} that report a past (actual, estimate) ends after "
        f"its published date ({published}), the latest on {latest}: check published against the text's own date "
        "(validate --archive compares them) before re-dating the figures; their errors that a later date clears "
        "are counted under this row"
    )
    return problem(PUBLISHED_BEFORE_ITS_FIGURES, "sources", line, "published", message)
