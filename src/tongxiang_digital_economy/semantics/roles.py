"""The roles of figures in their series, one meaning shared by `series` and the rules (trial 8 U2; issue 15).

Each indicator x subject x status is one series; within each period the first-ranked figure left is `preferred`,
and each other figure agrees with it (`corroborating`: their claims, intervals at the precision each is written in,
meet: 114.2 billion yuan agrees with 1141.69亿元, "350多" and "300多" with 355) or competes with it; a figure of
the preferred figure's own source that agrees with it is `repeated` (one source never corroborates itself:
semantics/repeats.py); `restated` and
`not_comparable` figures are set aside first (use/timeseries.py's docstring tells the whole ranking). `series`
shows these roles; the `corroborating-values` rule lists the figures of each agreement (`agreeing_sources`), so
that `validate`, `info` and `series` count the same figures as stated alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..text.periods import as_words, day_read_at
from .answers import distinct_rows, kept_reading
from .claims import (
    RESTATED_YEARS,
    Statement,
    and_some,
    and_some_terms,
    claim_key,
    intervals,
    is_restatement,
    nearly,
    nearly_terms,
    period_words,
    statements,
    text_dates,
)
from .distinct import days, is_dates
from .identity import MAX_LISTED
from .repeats import repeated_reason

# The order rows are listed in.
ROLES = ("preferred", "corroborating", "repeated", "competing", "restated", "not_comparable")


def blank(rows: pd.DataFrame) -> pd.Series:
    return pd.Series(pd.NA, index=rows.index, dtype="string")


def plain_label(start: Any, end: Any, temporal: str) -> str:
    """A period as its dates (`2014-11-19 to 2014-11-21`), for callers that show no period names."""
    if pd.isna(end):
        return "undated"
    return str(end) if pd.isna(start) or str(start) == str(end) else f"{start} to {end}"


def mark_roles(
    rows: pd.DataFrame,
    sources: pd.DataFrame,
    definitions: pd.DataFrame,
    unit_labels: pd.Series,
    lexicon: pd.DataFrame,
    grades: Sequence[str],
    label: Callable[[Any, Any, str], str] = plain_label,
) -> pd.DataFrame:
    """Rows of one or many series (a `subject` column says whose; each indicator x subject x status is one) with
    `grade`, `original_grade`, `text_date`, `reposted`, `period_label` and `role`, `corroborated_by`, `competing`,
    `restates` and `reason` set, sorted by series, period and role. `sources` indexed by source_id, `definitions`
    by indicator, `unit_labels` by unit; `label` names a period (use.periods for `series`)."""
    temporal = definitions["temporal"]
    rows = rows.assign(
        grade=rows["source_id"].map(sources["grade"]).astype("string"),
        original_grade=(
            rows["source_id"].map(sources["original_grade"]).astype("string")
            if "original_grade" in sources
            else blank(rows)
        ),
        text_date=rows["source_id"].map(text_dates(sources)).astype("string"),
        reposted=rows["source_id"].map(sources["published"].where(reposted_texts(sources))).astype("string"),
        period_label=period_labels(rows, temporal, label),
        _series=rows["indicator"].astype("string")
        + "|"
        + rows["subject"].astype("string")
        + "|"
        + rows["status"].astype("string").fillna(""),
    )
    # Sort keys: the grade the figure ranks as (0 strongest), publication date (newest first), observation id.
    ranked_as = rows["original_grade"].fillna(rows["grade"])
    rows["_rank"] = ranked_as.map({g: i for i, g in enumerate(grades)}).fillna(len(grades)).astype("int64")
    rows["_published"] = first_day(rows["text_date"]).fillna(pd.Timestamp("1900-01-01"))
    rows = rows.sort_values(
        ["_series", "period_end", "period_start", "_rank", "_published", "observation_id"],
        ascending=[True, True, True, True, False, True],
        na_position="first",
        kind="stable",
    )
    rows["_claim"] = claim_key(rows)
    for column in ("role", "restates", "reason", "corroborated_by", "competing"):
        rows[column] = blank(rows)
    rows["and_some"] = and_some(rows["value_text"], rows["qualifier"], and_some_terms(lexicon))  # 40多: below 50
    rows["nearly"] = nearly(rows["value_text"], rows["qualifier"], nearly_terms(lexicon))  # 近100: 90 to 100
    set_aside_other_base_units(rows, unit_labels)
    set_aside_incomparable(rows, definitions)
    stocks = set(temporal.index[temporal == "stock"])
    # Only a stock is ever restated, and only by a figure of its own series: the other series are left as they are
    # (their Statements never made).
    stock = rows["indicator"].isin(list(stocks)).to_numpy(dtype=bool)
    bounds = intervals(rows)  # read once for the restatements and the periods (nothing they read changes between)
    said = statements(
        rows[stock], sources, grades, stocks, period_words(lexicon), (bounds[stock], rows["_claim"][stock])
    )
    mark_restatements(rows, said, np.flatnonzero(stock).tolist())
    mark_periods(rows, bounds)
    order = {role: i for i, role in enumerate(ROLES)}
    rows["_role"] = rows["role"].map(order)
    rows = rows.sort_values(
        ["_series", "period_end", "period_start", "_role", "_rank", "_published", "observation_id"],
        ascending=[True, True, True, True, True, False, True],
        na_position="first",
        kind="stable",
    )
    return rows


def period_labels(rows: pd.DataFrame, temporal: pd.Series, label: Callable[[Any, Any, str], str]) -> list[str]:
    """Each row's period named by `label`, called once per distinct (indicator, start, end): a grown package
    repeats a few thousand periods over its rows (but each of `shifted` copies is a period of its own)."""
    if label is plain_label and all(is_dates(rows[c]) for c in ("period_start", "period_end")):
        return plain_labels(rows["period_start"], rows["period_end"])
    columns = [rows["indicator"], rows["period_start"], rows["period_end"]]
    codes, first = distinct_rows(columns)
    named = [
        label(start, end, str(temporal.get(i)))
        for i, start, end in zip(
            *(days(c.iloc[first]) if is_dates(c) else list(c.iloc[first]) for c in columns), strict=True
        )
    ]
    return [named[c] for c in codes.tolist()]


def plain_labels(start: pd.Series, end: pd.Series) -> list[str]:
    """plain_label of each row's dates, with no Python call per row or per period: each distinct day written once
    (as str() writes its Timestamp), the texts joined by column (period_labels at 10^5 `shifted` rows, a period
    per row: 1.8 s of CPU called per period)."""
    first, last = (day_texts(c) for c in (start, end))
    joined = (first + " to " + last).where(first.notna() & (first != last).fillna(True), last)
    return joined.fillna("undated").tolist()


def day_texts(column: pd.Series) -> pd.Series:
    """A column of dates as str() writes each one's Timestamp, a missing one <NA>."""
    codes, distinct = pd.factorize(column, use_na_sentinel=True)
    written = np.asarray([*(str(d) for d in distinct), None], dtype=object)  # code -1 (missing): the last
    return pd.Series(written[codes], index=column.index, dtype="string")


def set_aside_other_base_units(rows: pd.DataFrame, labels: pd.Series) -> None:
    """Figures in another base unit than most of their series' are `not_comparable`, with the reason. The
    series' base unit: the one most of its figures are in; on a tie, the base unit of the best-ranked figure (the
    first by rank, then by row). Counted by arrays (codes of the series and the units, one sort), never a Python
    loop over rows (10^5 rows: 0.75 s in lists); a missing series or base unit counts for none and is never set
    aside. Only the rows set aside are read one by one, for their reasons."""
    series, series_names = pd.factorize(rows["_series"].astype("string"), use_na_sentinel=True)
    units, unit_names = pd.factorize(rows["base_unit"].astype("string"), use_na_sentinel=True)
    counted = np.flatnonzero((series >= 0) & (units >= 0))
    if not len(counted):
        return
    rank = rows["_rank"].to_numpy(dtype=np.int64)
    pair = series[counted].astype(np.int64) * len(unit_names) + units[counted]
    # Each (series, unit) once: its number of figures and its best figure, (rank, position) smallest.
    by_pair = counted[np.lexsort((counted, rank[counted], pair))]
    pairs, first, figures = np.unique(pair[np.argsort(pair, kind="stable")], return_index=True, return_counts=True)
    best = by_pair[first]  # by_pair is sorted by pair, so each pair's first row is its best figure
    of_series = pairs // len(unit_names)
    # Each series' unit: most figures, then the best figure's (rank, position).
    chosen = np.lexsort((best, rank[best], -figures, of_series))
    firsts = chosen[np.r_[True, np.diff(of_series[chosen]) != 0]]
    main = np.full(len(series_names), -1, dtype=np.int64)
    main[of_series[firsts]] = pairs[firsts] % len(unit_names)
    other = np.zeros(len(rows), dtype=bool)
    other[counted] = units[counted] != main[series[counted]]
    if not other.any():
        return
    rows.loc[other, "role"] = "not_comparable"
    names = np.asarray(unit_names, dtype=object)
    rows.loc[other, "reason"] = [
        f"in {labels.get(unit, unit)}, not {labels.get(names[of], names[of])}: the package holds no exchange rate"
        for unit, of in zip(names[units[other]].tolist(), main[series[other]].tolist(), strict=True)
    ]


def set_aside_incomparable(rows: pd.DataFrame, definitions: pd.DataFrame) -> None:
    """Every figure of an indicator whose figures are not comparable with one another (its definition's
    `not_comparable` says why: history_length, a place's age counted from an event no source names) is
    `not_comparable`, with that reason: none is preferred over another, none restates or competes with another,
    so 1,000 years (2022) and 7,000 years (2023) of one town are never read as a rise."""
    if "not_comparable" not in definitions:  # a package from before the column
        return
    why = rows["indicator"].map(definitions["not_comparable"]).astype("string")
    apart = (why.notna() & (why.str.strip() != "") & rows["role"].isna()).fillna(False).astype(bool)
    rows.loc[apart, "role"] = "not_comparable"
    rows.loc[apart, "reason"] = [
        incomparable_reason(str(indicator), str(text))
        for indicator, text in zip(rows.loc[apart, "indicator"], why[apart], strict=True)
    ]


def incomparable_reason(indicator: str, why: str) -> str:
    """The reason a figure of an indicator not comparable with itself carries (the chart finds them by it)."""
    return f"{indicator}'s figures are not comparable with one another: {why}"


def mark_restatements(rows: pd.DataFrame, said: list[Statement], at: Sequence[int] | None = None) -> None:
    """A figure is `restated` when it says again the series' latest earlier figure (same edition), as
    semantics.claims.is_restatement reads it (the meaning `fact-cluster` uses too): a stock dated only by its own
    text, agreeing at written precision with the same bound word, whose text was published after that figure's,
    at most RESTATED_YEARS after it was stated, by a source ranked no stronger. `restates` names the figure drawn.

    "Latest earlier figure": the best-ranked figure of the latest earlier date, a restatement counting as a
    statement (at its own date) of the figure it restates. Rows are in period order, best-ranked first.

    `at`: the positions of the rows `said` speaks of, in order (default: every row), whole series of them: the
    rows of the other series are never restated.
    """
    role, restates, reason = (cells(rows[c]) for c in ("role", "restates", "reason"))
    positions = list(range(len(rows))) if at is None else [int(i) for i in at]
    statement = dict(zip(positions, said, strict=True))
    picked = rows[["_series", "event_id", "period_end"]].iloc[positions]
    # (series, edition) -> the latest statement: its date, and the figure drawn for it (index into the rows).
    latest: dict[tuple[str, str], tuple[pd.Timestamp, int]] = {}
    for i, (one, edition, end) in zip(positions, picked.itertuples(index=False), strict=True):
        if pd.notna(role[i]) or pd.isna(end):  # set aside already, or undated
            continue
        key, end = (str(one), "" if pd.isna(edition) else str(edition)), pd.Timestamp(end)
        earlier = latest.get(key)
        if earlier is None or earlier[0] < end:
            if earlier is not None and is_restatement(statement[i], statement[earlier[1]], stated=earlier[0]):
                d = earlier[1]
                observation = str(rows["observation_id"].iat[d])
                role[i], restates[i] = "restated", observation
                reason[i] = restated_reason(rows, i, d)
                latest[key] = (end, d)
                continue
            latest[key] = (end, i)
    rows["role"], rows["restates"], rows["reason"] = (
        pd.Series(v, index=rows.index, dtype="string") for v in (role, restates, reason)
    )


def cells(column: pd.Series) -> list[Any]:
    """A column's values as a list, a missing one <NA>, as list() gives them: by one conversion, not by iterating an
    Arrow array value by value (three columns of 10^5 rows: 0.3 s)."""
    values: list[Any] = column.astype(object).tolist()
    return values


def restated_reason(rows: pd.DataFrame, i: int, d: int) -> str:
    """Why row i says again row d, in facts a reader can check: both publication dates (the earlier text came
    first), the figure's date, and the rank, or (a stronger source) that it is written coarser and so says less
    (semantics.claims.coarser); never "stated before" of a text published later."""
    rank = rows["_rank"].to_numpy()
    stronger = bool(rank[i] < rank[d])
    ranked = (
        f"is written coarser ({ranked_grade(rows, i)}, ranked stronger, but its precision holds that figure: it "
        "says less)"
        if stronger
        else "ranks no stronger"
    )
    return (
        f"says again {rows['observation_id'].iat[d]} ({rows['period_label'].iat[d]}; published {text_date(rows, d)}): "
        f"this text, published {text_date(rows, i)} and dated only by its own date, came after it, within "
        f"{RESTATED_YEARS} years of that figure's date, agrees with it, and {ranked}"
    )


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
    given): the columns' codes combined (answers.distinct_rows), no text per row. A row of no series (<NA>) is in
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


def reposted_texts(sources: pd.DataFrame) -> pd.Series:
    """Which sources are pages of an earlier original whose date they state (original_published differs from
    the page's published): their rows show the page's date as `reposted`. A text whose own words only bound its
    date (written_before) is no repost."""
    if "original_published" not in sources:
        return pd.Series(False, index=sources.index)

    def read(frame: pd.DataFrame) -> pd.Series:
        original = frame["original_published"].astype("string")
        return (original.notna() & (original != frame["published"].astype("string"))).fillna(False).astype(bool)

    # Kept by the content of what it reads (answers.kept_reading): every edited copy's roles ask; shared.
    return kept_reading("reposted", [(sources, ("original_published", "published"))], read)


def first_day(published: pd.Series) -> pd.Series:
    """Publication dates (YYYY, YYYY-MM or YYYY-MM-DD, or a first/last window of days) as the first day they can
    mean, an open start (`../2014-11-18`) as its last day (text.periods.day_read_at, as the rules read it); unknown
    as NaT."""
    days = {d: day_read_at(d) for d in published.dropna().astype(str).unique()}
    codes, first = distinct_rows([published])  # each distinct text looked up once, taken back over the rows
    read = [days.get(d) if isinstance(d, str) else None for d in published.iloc[first].astype(object)]
    return pd.to_datetime(pd.Series(np.asarray([*read, None], dtype=object)[codes], index=published.index))


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


def corroboration(
    indicators: pd.DataFrame,
    sources: pd.DataFrame,
    definitions: pd.DataFrame,
    units: pd.DataFrame,
    lexicon: pd.DataFrame,
    grades: Sequence[str],
) -> pd.Series:
    """Per indicators row (its index): the sources of the agreement it belongs to in its series, as `series` marks
    the roles (agreeing_sources), or None. The frames are the package's tables as loaded (not indexed). Both
    `validate` (the corroborating-values rule) and `info` count these: one meaning of agreement with `series`."""
    definitions, unit_labels, sources, subject_of = kept_reading(
        "roles' tables",
        [
            (f, ROLE_TABLE_READS[t])
            for f, t in ((definitions, "indicator_definitions"), (units, "units"), (sources, "sources"))
        ],
        keyed_tables,
    )
    kind = indicators["indicator"].map(subject_of)
    subject = pd.Series(pd.NA, index=indicators.index, dtype="string")
    for column in kind.dropna().unique():
        if str(column) in indicators:
            subject = subject.where(kind != column, indicators[str(column)].astype("string"))
    rows = indicators.assign(subject=subject)[subject.notna()]
    for column in ("event_id", "period_basis", "period_text"):  # a package from before these columns
        if column not in rows:
            rows = rows.assign(**{column: blank(rows)})
    found = pd.Series([None] * len(indicators), index=indicators.index, dtype=object)
    if not len(rows):
        return found
    marked = mark_roles(rows, sources, definitions, unit_labels, lexicon, grades)
    agreeing = agreeing_sources(marked)
    found.loc[agreeing.index] = agreeing
    return found


# What the roles read of the definitions, the units and the sources (corroboration.CORROBORATION_TABLE_READS,
# traced by tests/test_kept_answers.py): keyed_tables' answer is kept by their content.
ROLE_TABLE_READS: dict[str, tuple[str, ...]] = {
    "indicator_definitions": ("indicator", "not_comparable", "subject", "temporal"),
    "units": ("label", "unit"),
    "sources": (
        "grade", "original_grade", "original_published", "published", "source_id", "written_after", "written_before",
    ),
}  # fmt: skip


def keyed_tables(
    definitions: pd.DataFrame, units: pd.DataFrame, sources: pd.DataFrame
) -> tuple[pd.DataFrame, pd.Series, pd.DataFrame, pd.Series]:
    """The definitions by indicator, the units' labels by unit, the sources by source_id (one row per key: an empty
    or repeated key cell is the schema's finding, not a crash here) and each indicator's subject column. Made once
    per content of the three (corroboration keeps it): an edited copy's roles cost pandas' fixed work per table."""
    definitions = definitions.dropna(subset=["indicator"]).drop_duplicates("indicator")
    units = units.dropna(subset=["unit"]).drop_duplicates("unit")
    sources = sources.dropna(subset=["source_id"]).drop_duplicates("source_id")
    subject_of = definitions.set_index("indicator")["subject"].astype("string") + "_id"
    labels = units.set_index("unit")["label"]
    return definitions.set_index("indicator"), labels, sources.set_index("source_id"), subject_of
