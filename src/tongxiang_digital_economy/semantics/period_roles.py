"""The roles within one period of a series: the first-ranked figure left is `preferred`, the others agree with it
(`corroborating`, or `repeated` by its own source) or compete, and the sources of each agreement.

Why a module: semantics/roles.py ranks the figures and sets aside those that cannot be compared or are restated;
what is left is compared here, period by period, in arrays (only a disputed period is read row by row, for the
reasons that name its figures). agreeing_sources is what the `corroborating-values` rule lists and `info` counts.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..text.periods import as_words
from .claims import intervals
from .entity_names import MAX_LISTED
from .repeats import repeated_reason
from .row_codes import distinct_rows


def cells(column: pd.Series) -> list[Any]:
    """A column's values as a list, a missing one <NA>, as list() gives them: by one conversion, not by iterating an
    Arrow array value by value (three columns of 10^5 rows: 0.3 s)."""
    values: list[Any] = column.astype(object).tolist()
    return values


def mark_periods(rows: pd.DataFrame, bounds: pd.DataFrame | None = None) -> None:
    """Within each period, the first-ranked figure left is `preferred`; the others agree with it or compete. A
    figure of the preferred figure's own source that agrees with it is `repeated` (its reason names the figure it
    gives again), never `corroborating`, and its source is not listed in `corroborated_by`: one source is no
    corroboration (trial 11 W2).

    In columns: each row is compared with its period's first-ranked figure by arrays; only the periods where a
    figure competes are read row by row (their reasons name the figures)."""
    bounds = intervals(rows) if bounds is None else bounds  # each row's claim (claims.intervals)
    low, high = bounds["low"].astype(float).to_numpy(), bounds["high"].astype(float).to_numpy()
    claims = rows["_claim"].astype("string").fillna("<NA>").to_numpy(dtype=object)
    sources = rows["source_id"].astype("string").fillna("<NA>").to_numpy(dtype=object)
    observations = rows["observation_id"].astype("string").fillna("<NA>").to_numpy(dtype=object)
    role = np.array(cells(rows["role"]), dtype=object)
    reason = cells(rows["reason"])
    rank, published = rows["_rank"].to_numpy(), rows["_published"].to_numpy()  # read once, not once per row
    agreeing_with: list[object] = [pd.NA] * len(rows)
    competing_with: list[object] = [pd.NA] * len(rows)
    free = np.flatnonzero(pd.isna(rows["role"]).to_numpy(dtype=bool))
    group = period_codes(rows, free)
    count = int(group.max()) + 1 if len(group) else 0
    best_of = np.empty(count, dtype=np.int64)
    best_of[group[::-1]] = free[::-1]  # the last write for a group is its first row
    best = best_of[group]
    other = free != best
    i, b = free[other], best[other]
    known = ~(np.isnan(low[i]) | np.isnan(high[i]) | np.isnan(low[b]) | np.isnan(high[b]))
    with np.errstate(invalid="ignore"):
        meets = np.where(known, (low[i] <= high[b]) & (high[i] >= low[b]), claims[i] == claims[b])
    role[best_of] = "preferred"
    own = meets & (sources[i] == sources[b])  # the preferred figure's own source, giving it again
    role[i] = np.where(own, "repeated", np.where(meets, "corroborating", "competing"))
    for k, first in zip(i[own].tolist(), b[own].tolist(), strict=True):
        reason[k] = repeated_reason(str(observations[first]))
    agreeing: dict[int, set[str]] = {}
    seconds = meets & ~own
    for g, source in set(zip(group[other][seconds].tolist(), sources[i[seconds]].tolist(), strict=True)):
        agreeing.setdefault(g, set()).add(source)
    for g, found in agreeing.items():
        agreeing_with[int(best_of[g])] = ", ".join(sorted(found))
    disputed: dict[int, list[int]] = {}
    for g, k in zip(group[other][~meets].tolist(), i[~meets].tolist(), strict=True):
        disputed.setdefault(g, []).append(k)
    members: dict[int, list[int]] = {g: [] for g in disputed}
    for g, k in zip(group.tolist(), free.tolist(), strict=True):
        if g in members:
            members[g].append(k)
    source_list: list[str] | None = None
    for g, competitors in disputed.items():
        first, others = int(best_of[g]), members[g][1:]
        competing = [str(observations[k]) for k in competitors]
        competing_with[first] = ", ".join(competing)
        tied = [k for k in competitors if not separated(rank, published, first, k)]
        if tied:  # nothing ranks one above the other: neither is preferred (review 3 F5)
            role[first] = "competing"
            # Once per group, not per tied row (a group of 1500 tied rows re-read every row's source 1500 times)
            source_list = sources.tolist() if source_list is None else source_list
            why = tie_reason(rows, source_list, [first, *tied])
            # Each tied row names its rivals, at most MAX_LISTED and how many more: a list of every rival per row
            # grew with the square of the group (10^5 tied rows took over 14 GB; issue 15).
            head = [str(observations[k]) for k in [first, *tied][: MAX_LISTED + 1]]
            for j, k in enumerate([first, *tied]):
                rivals = [name for n, name in enumerate(head) if n != j][:MAX_LISTED]
                more = len(tied) - len(rivals)
                shown = ", ".join(rivals) + (f" and {more} more" if more > 0 else "")
                reason[k] = f"{why}: {shown} {'gives' if len(tied) == 1 else 'give'} a different figure"
            apart = set(tied)
            for k in others:
                if role[k] == "competing" and k not in apart:
                    reason[k] = f"differs from {observations[first]} ({what_separated(rows, first, k)})"
        else:  # a disputed figure says so in every form, `--preferred` tables too
            reason[first] = (
                f"disputed: {', '.join(competing)} {'gives' if len(competing) == 1 else 'give'} a different figure"
            )
            for k in others:
                if role[k] == "competing":
                    reason[k] = f"differs from the preferred {observations[first]} ({what_separated(rows, first, k)})"
    rows["role"] = pd.Series(role, index=rows.index, dtype="string")
    rows["reason"] = pd.Series(reason, index=rows.index, dtype="string")
    rows["corroborated_by"] = pd.Series(agreeing_with, index=rows.index, dtype="string")
    rows["competing"] = pd.Series(competing_with, index=rows.index, dtype="string")


def period_codes(rows: pd.DataFrame, at: np.ndarray | None = None) -> np.ndarray:
    """Each row's period of its series as a code, in the order periods first appear (of the rows `at` only, when
    given): the columns' codes combined (row_codes.distinct_rows), no text per row. A row of no series (<NA>) is in
    one period with every other such row, as the texts joined with "|" put them (all <NA>)."""
    codes, _ = distinct_rows([rows["_series"], rows["period_start"], rows["period_end"]], at)
    missing = rows["_series"].isna().to_numpy(dtype=bool)
    missing = missing if at is None else missing[at]
    dense, _ = pd.factorize(np.where(missing, -1, codes))
    return np.asarray(dense, dtype=np.int64)


def separated(rank: np.ndarray, published: np.ndarray, best: int, other: int) -> bool:
    """Whether the ranking put `best` before `other` by something a reader can check: its grade (`rank`, the rows'
    `_rank`) or its date (`_published`)."""
    return bool(rank[best] != rank[other] or published[best] != published[other])


def what_separated(rows: pd.DataFrame, best: int, other: int) -> str:
    """What ranked the preferred figure first, in the words of the ranking: grade, then the text's date."""
    rank = rows["_rank"].to_numpy()
    if rank[best] != rank[other]:
        return f"its source ranks as {ranked_grade(rows, best)}, above {ranked_grade(rows, other)}"
    return f"its text is dated {text_date(rows, best)}, after {text_date(rows, other)}"


def tie_reason(rows: pd.DataFrame, sources: list[str], tied: list[int]) -> str:
    """Why neither of two figures is preferred: one text gives both, or texts of one grade and date differ
    (`sources`: each row's source_id)."""
    if len({sources[k] for k in tied}) == 1:
        return "one text gives both"
    return f"texts of the same grade ({ranked_grade(rows, tied[0])}) and date ({text_date(rows, tied[0])}) differ"


def ranked_grade(rows: pd.DataFrame, k: int) -> str:
    """The grade row k ranks as (its original's for a faithful repost)."""
    value: object = rows["original_grade"].iat[k]
    if not (isinstance(value, str) and value):
        value = rows["grade"].iat[k]
    return str(value) if isinstance(value, str) and value else "ungraded"


def text_date(rows: pd.DataFrame, k: int) -> str:
    """Row k's text date (the original's for a repost) in words (text.periods.as_words: an open start as "no later
    than 2014-11-18", a window as "between A and B"), "n.d." when unknown."""
    value: object = rows["text_date"].iat[k]
    return as_words(value) if isinstance(value, str) and value else "n.d."


def agreeing_sources(marked: pd.DataFrame) -> pd.Series:
    """Per marked row: the sources (a sorted tuple) of the agreement it belongs to, the period's preferred figure
    and the figures that agree with it (its own source's repeats too), when more than one source states it; else
    None. What the `corroborating-values` rule lists and `info` counts, read from the same roles `series` shows."""
    # A `repeated` row belongs to its source's agreement (the figure it gives again is stated alike), but adds no
    # source: one source alone is never an agreement.
    agreeing = marked["role"].isin(["preferred", "corroborating", "repeated"]).fillna(False).to_numpy(dtype=bool)
    codes = period_codes(marked)
    periods = int(codes.max()) + 1 if len(codes) else 0
    sources = marked["source_id"].astype("string").fillna("<NA>")
    pairs = pd.DataFrame({"period": codes[agreeing], "source": sources[agreeing].to_numpy(dtype=object)})
    pairs = pairs.drop_duplicates()  # each (period, source) once
    # Only a period of more than one source is an agreement: the others (most of them, where each figure is a
    # period's only one) are never listed, and not read in Python.
    several_sources = np.bincount(pairs["period"].to_numpy(), minlength=periods) > 1
    listed = pairs[several_sources[pairs["period"].to_numpy()]].sort_values(["period", "source"])
    keys, names = listed["period"].to_numpy(), listed["source"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.diff(keys)) + 1  # where each agreement's sources begin, sorted
    # One tuple per agreement, shared by its rows (memory linear in rows however many agree), taken by period.
    several = np.full(periods, None, dtype=object)
    if len(keys):
        for key, found in zip(keys[np.r_[0, starts]], np.split(names, starts), strict=True):
            several[key] = tuple(str(s) for s in found)
    found_of = several[codes] if len(codes) else np.empty(0, dtype=object)
    found_of[~agreeing] = None
    return pd.Series(found_of, index=marked.index, dtype=object)
