"""Figures of different sources that state one value of one subject, filed under another indicator or another
period in texts of the same weeks: a fact cluster (the `fact-cluster` rule).

Why a module: a cluster is read across every row of the indicators at once (kept per group of one fact by
semantics/kept_groups.py), with the restatements `series` reads (semantics/claims.is_restatement), which a rule
reading one row cannot see; semantics/identity.py adds its columns to the indicators' view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..text.period_lexicon import PeriodWords
from ..text.periods import day_read_at
from .claims import Statement, is_restatement, statements, text_dates
from .distinct import days, float_texts, is_dates, texts
from .entity_names import MAX_LISTED

CLUSTER_DAYS = 31  # sources published this close together are taken to report the same moment


def fact_clusters(
    indicators: pd.DataFrame,
    sources: pd.DataFrame | None,
    definitions: pd.DataFrame | None = None,
    grades: Sequence[str] = (),
    words: PeriodWords | None = None,
) -> pd.DataFrame:
    """Per figure: other sources' figures of the same subject, status and value (in the base unit) that are filed
    under another indicator or another period, in sources published within CLUSTER_DAYS of each other; listed
    (bounded, `fact_cluster`, for the message) and complete (a tuple of observation ids, `fact_cluster_ids`).

    The same level of one stock indicator at two dates, in texts of the same weeks, is corroboration, not a fault
    a maintainer can correct (review 3 F8), when one figure restates the other (semantics/claims.is_restatement,
    the meaning `series` uses), when either is dated only by its own text (2443 enterprises with no date on
    2021-09-15, "so far" on 2021-09-24, and 2020年 in a text of 2021-09-27), or when their dates are within
    CLUSTER_DAYS of each other (the summit's tenth year stated on 2023-11-08, -10 and -30). It is a cluster only
    when both texts state a date of their own for one level and the dates are further apart (2019年末 and
    2020年末): one of them is mis-dated. The same value under another indicator is always a cluster (file it
    alike). A flow's period is its span, and the same value over two spans of one indicator (the summit's guests
    over its days, and over the month) is clustered.

    `grades`: the source grades, strongest first (the sources schema's enum order), for the restatement's "ranks
    no stronger"; `words`: the lexicon's words of the text's own day (目前, so far), as `statements` reads them."""
    out = pd.DataFrame(
        {
            "fact_cluster": pd.Series(pd.NA, index=indicators.index, dtype="string"),
            "fact_cluster_ids": pd.Series(None, index=indicators.index, dtype=object),
        }
    )
    if sources is None or "value_base" not in indicators:
        return out
    # Each text by its own date (the original's where a repost's page states it: a 2023 wire reposted on a page of
    # 2024-11-27 is no text of the 2024 summit's weeks), as `series` orders texts.
    published = dict(zip(sources["source_id"], (day_read_at(d) for d in text_dates(sources)), strict=True))
    stocks: set[Any] = set()
    if definitions is not None and "temporal" in definitions:
        stocks = set(definitions.loc[definitions["temporal"] == "stock", "indicator"])
    key = cluster_key(indicators)
    texts: dict[Any, str | None] = {}
    ids: dict[Any, tuple[str, ...] | None] = {}
    keyed = indicators.assign(_key=key).dropna(subset=["_key"])
    # Only keys that two sources share can cluster: found in one vectorised pass, so the loop below meets only
    # them (a few dozen), not every distinct figure (iterating a group costs pandas a frame slice).
    sources_per_key = keyed.groupby("_key", sort=False)["source_id"].transform("nunique")
    keyed = keyed[sources_per_key.ge(2).to_numpy()]
    by_source = sources.drop_duplicates("source_id").set_index("source_id")
    said = dict(zip(keyed.index, statements(keyed, by_source, grades, stocks, words), strict=True))
    for _, group in keyed.groupby("_key", sort=False):
        if len(group) < 2 or group["source_id"].nunique() < 2:
            continue
        found_texts, found_ids = clustered(group, published, said)
        texts.update(found_texts)
        ids.update(found_ids)
    if texts:
        out.loc[list(texts), "fact_cluster"] = pd.array(list(texts.values()), dtype="string")
        positions = out.index.get_indexer(pd.Index(list(ids)))
        column = out["fact_cluster_ids"].to_numpy(dtype=object).copy()
        for position, found in zip(positions, ids.values(), strict=True):
            column[position] = found
        out["fact_cluster_ids"] = pd.Series(column, index=out.index, dtype=object)
    return out


def cluster_key(indicators: pd.DataFrame) -> pd.Series:
    """The fact a dated figure states (its subject, status, base unit and value in the base unit), which the figures
    of one cluster share; <NA> for a figure that clusters with none (undated, or a bare small number). A row's
    fact_clusters are read from the rows of its key alone: the group kept_in_groups keeps them by."""
    subject = indicators["place_id"].fillna(indicators["enterprise_id"]).fillna(indicators["project_id"])
    value = indicators["value_base"].astype("Float64").round(9)
    # A bare small number (1, 3, 5) is shared by chance; only figures with some information are clustered.
    informative = value.abs().ge(10) | (value != value.round(0))
    key = (
        subject.astype("string")
        + "|"
        + indicators["status"].astype("string")
        + "|"
        + indicators["base_unit"].astype("string")
        + "|"
        + float_texts(value)
    )
    return key.where(informative.fillna(False) & indicators["period_end"].notna())


def clustered(
    group: pd.DataFrame, published: dict[Any, Any], said: dict[Any, Statement]
) -> tuple[dict[Any, str | None], dict[Any, tuple[str, ...] | None]]:
    """fact_clusters for one group: each row lists the other sources' figures published within CLUSTER_DAYS of its
    own (sorted by their labels) that are neither its own indicator and period nor, for a stock of its own
    indicator, a restatement of it or restated by it (`said`: each row's Statement), the first of them shown and
    the rest counted (what `listed` says of the whole list), and carries all of their ids in a tuple.

    The rows are filed by indicator and period first, and a row's list reads only the files other than its own:
    copies of one figure from many sources (a grown package's hundred outlets of one passage, all filed alike)
    list nothing and cost nothing more, where reading every source's rows for every source cost the group's size
    squared (the `kept` benchmark at 10^5 rows did not finish). The list is built once per source, indicator,
    period and statement and shared by their rows; what is left costs the size of the lists, which their complete
    ids are anyway."""
    # Each column read once as a whole (iterating an Arrow-backed column value by value cost 0.4 s of CPU a
    # validation of 10^5 `shifted` rows, whose copies of one figure make one group of 33,000 rows).
    starts, ends = (cells(group[c]) for c in ("period_start", "period_end"))
    rows = list(
        zip(
            group.index,
            cells(group["observation_id"]),
            cells(group["source_id"]),
            cells(group["indicator"]),
            zip(starts, ends, strict=True),
            strict=True,
        )
    )
    filed: dict[tuple[Any, Any], list[int]] = {}  # (indicator, period) -> its rows' positions, in row order
    for position, (_, _, _, indicator, period) in enumerate(rows):
        filed.setdefault((indicator, period), []).append(position)
    # Fewer sources than files (`shifted` copies: a period each): each source's list is made once and read off.
    by_source = near_by_source(rows, published) if len({r[2] for r in rows}) <= len(filed) else None
    texts: dict[Any, str | None] = {}
    ids: dict[Any, tuple[str, ...] | None] = {}
    # Copies of one figure (one source, indicator, period and statement) share their list: built once.
    shared: dict[tuple[Any, ...], tuple[str | None, tuple[str, ...] | None]] = {}
    for index, _, source, indicator, period in rows:
        me = said[index]
        key = (source, indicator, period, me)
        if key not in shared:
            found = (
                by_source[source]
                if by_source is not None
                else filed_otherwise(rows, filed, published, source, indicator, period)
            )
            other = [
                (label, oid)
                for label, i, p, oid, there in found
                if i != indicator or (p != period and not (me.stock and agree_on_one_stock(me, said[there])))
            ]
            shown = [label for label, _ in other[:MAX_LISTED]]
            more = len(other) - len(shown)
            text = (", ".join(shown) + (f" and {more} more" if more > 0 else "")) if other else None
            shared[key] = (text, tuple(oid for _, oid in other) or None)
        texts[index], ids[index] = shared[key]
    return texts, ids


def near_by_source(
    rows: Sequence[tuple[Any, Any, Any, Any, Any]], published: dict[Any, Any]
) -> dict[Any, list[tuple[str, Any, Any, str, Any]]]:
    """Per source of the group, the other sources' figures published within CLUSTER_DAYS of it, one entry per figure
    however often its id repeats (the key rules report a repeated id), sorted by label: (label, indicator,
    period, id, last row's index), as filed_otherwise gives them without the row's own file."""
    candidates: dict[Any, list[tuple[str, Any, Any, str, Any]]] = {}
    sources = {r[2] for r in rows}
    # Each row's entry made once, not once per source (a group of 33,000 copies is read once per source).
    entries = [((f"{o} ({i})", i, period, str(o)), index, s) for index, o, s, i, period in rows]
    for source in sources:
        mine = published.get(source)
        near_sources = {
            s
            for s in sources
            if s != source
            and mine is not None
            and published.get(s) is not None
            and abs((published[s] - mine).days) <= CLUSTER_DAYS
        }
        near = {entry: index for entry, index, s in entries if s in near_sources}
        candidates[source] = sorted(((*entry, index) for entry, index in near.items()), key=lambda c: c[0])
    return candidates


def cells(column: pd.Series) -> Sequence[Any]:
    """A column's values as iterating it gives them (a date's Timestamp, <NA> as pd.NA), read as a whole: each
    distinct day boxed once (distinct.days), a string column's values made in one call (distinct.texts)."""
    return days(column) if is_dates(column) else texts(column)


def filed_otherwise(
    rows: Sequence[tuple[Any, Any, Any, Any, Any]],
    filed: dict[tuple[Any, Any], list[int]],
    published: dict[Any, Any],
    source: Any,
    indicator: Any,
    period: Any,
) -> list[tuple[str, Any, Any, str, Any]]:
    """The figures a row of `source`, `indicator` and `period` may list: those of the other sources published within
    CLUSTER_DAYS of its own, filed under another indicator or period, one entry per figure however often its id
    repeats (the key rules report a repeated id; its last row is the one read), sorted by label, ties in the order
    their first rows come: (label, indicator, period, id, last row's index)."""
    mine = published.get(source)
    if mine is None:
        return []
    found: list[tuple[int, str, Any, Any, str, Any]] = []
    for (i, p), positions in filed.items():
        if not (i != indicator or p != period):
            continue
        entries: dict[tuple[str, str], list[Any]] = {}  # (label, id) -> [first position, last row's index]
        for position in positions:
            index, o, s, _, _ = rows[position]
            theirs = published.get(s)
            if s == source or theirs is None or abs((theirs - mine).days) > CLUSTER_DAYS:
                continue
            entry = entries.get((f"{o} ({i})", str(o)))
            if entry is None:
                entries[(f"{o} ({i})", str(o))] = [position, index]
            else:
                entry[1] = index
        found += [(first, label, i, p, oid, there) for (label, oid), (first, there) in entries.items()]
    found.sort(key=lambda c: (c[1], c[0]))
    return [entry[1:] for entry in found]


def agree_on_one_stock(one: Statement, other: Statement) -> bool:
    """Whether two figures of one level of a stock, at two dates in texts of the same weeks, corroborate each
    other rather than show a mis-dated one: one restates the other, either is dated only by its own text, or
    their dates are within CLUSTER_DAYS (see fact_clusters)."""
    if restates_either(one, other) or one.own_date or other.own_date:
        return True
    if one.date is None or other.date is None:
        return True
    return abs((pd.Timestamp(one.date) - pd.Timestamp(other.date)).days) <= CLUSTER_DAYS


def restates_either(one: Statement, other: Statement) -> bool:
    """Whether one of two figures of a stock restates the other (the later says again the earlier)."""
    return is_restatement(one, other) or is_restatement(other, one)
