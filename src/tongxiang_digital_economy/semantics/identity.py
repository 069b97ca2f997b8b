"""Identity readings across tables, computed once per validation and added to the tables' views.

Why: whether a name is also another entity's (or a place's), whether two rows are one entity written two ways,
whether a parent chain loops, and which figures of different sources state one value of one subject: each needs
every row of several tables at once, which a rule (reading one table's view) cannot see. The rules in
rules/identity.py only read the columns added here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..text.fold import exact_key, names_of, stem_key, suffix_keys
from ..text.period_lexicon import PeriodWords
from ..text.periods import day_read_at
from ..text.quantities import NUMBER
from .answers import kept_reading
from .claims import (
    APPROX_TOLERANCE,
    Statement,
    and_some_terms,
    is_restatement,
    period_words,
    statements,
    text_dates,
)
from .distinct import is_missing
from .kept_groups import kept_in_groups
from .wanted import Wanted

ENTITY_TABLES = {"enterprises": "enterprise_id", "projects": "project_id"}
# Tables that are trees through parent_id (places have no names to compare, but a tree all the same: trial 8 m3).
TREE_TABLES = {"places": "place_id", **ENTITY_TABLES}
NAME_COLUMNS = ("name", "name_zh", "legal_name", "aliases")
CLUSTER_DAYS = 31  # sources published this close together are taken to report the same moment
MAX_LISTED = 6


def row_names(frame: pd.DataFrame) -> list[list[str]]:
    """Each row's names: name, Chinese name, legal name and aliases."""
    columns = [frame[c] if c in frame else pd.Series(pd.NA, index=frame.index) for c in NAME_COLUMNS]
    return [names_of(*values) for values in zip(*columns, strict=True)]


def owners_by_key(
    frames: dict[str, pd.DataFrame], key: str = "exact", suffixes: tuple[str, ...] = ()
) -> dict[str, set[str]]:
    """Folded name → the set of `table:id` that carry it (places, enterprises, projects, event editions)."""
    owners: dict[str, set[str]] = defaultdict(set)
    id_columns = {"places": "place_id", **ENTITY_TABLES, "events": "event_id"}
    for table, id_column in id_columns.items():
        if table not in frames:
            continue
        frame = frames[table]
        for entity, names in zip(frame[id_column], row_names(frame), strict=True):
            for name in names:
                folded = exact_key(name) if key == "exact" else stem_key(name, suffixes)
                if folded:
                    owners[folded].add(f"{table}:{entity}")
    return owners


def convention_labels(frames: dict[str, pd.DataFrame]) -> dict[str, str]:
    """`table:id` → the folded English name of each row whose `name_origin` is `convention`.

    Why: a conventional English name (Uniview for 宇视科技) is a label for finding a row, not a name the archive
    gives. Where it equals another row's name (Uniview, the English text's company), no archived text ties the two,
    so they stay two rows; the shared label is then the possible tie a reader must see: a near duplicate (warning),
    not a collision (error).
    """
    labels: dict[str, str] = {}
    for table, id_column in ENTITY_TABLES.items():
        frame = frames.get(table)
        if frame is None or "name_origin" not in frame or "name" not in frame:
            continue
        for entity, name, origin in zip(frame[id_column], frame["name"], frame["name_origin"], strict=True):
            if isinstance(origin, str) and origin == "convention" and isinstance(name, str):
                labels[f"{table}:{entity}"] = exact_key(name)
    return labels


def listed(items: Iterable[str]) -> str | None:
    found = sorted(set(items))
    if not found:
        return None
    more = len(found) - MAX_LISTED
    return ", ".join(found[:MAX_LISTED]) + (f" and {more} more" if more > 0 else "")


def parents(frame: pd.DataFrame, id_column: str) -> dict[str, str]:
    return {
        str(i): str(p) for i, p in zip(frame[id_column], frame.get("parent_id", []), strict=False) if isinstance(p, str)
    }


def in_cycle(entity: str, parent_of: dict[str, str]) -> bool:
    """Whether following parent_id from `entity` comes back to it (bounded by the tree's size)."""
    seen = {entity}
    current = entity
    for _ in range(len(parent_of) + 1):
        current = parent_of.get(current, "")
        if not current:
            return False
        if current in seen:
            return current == entity
        seen.add(current)
    return False


def entity_columns(frames: dict[str, pd.DataFrame], table: str) -> dict[str, pd.Series]:
    """For each enterprise or project: names another row also carries, near-duplicate rows (less the pair a row
    keeps apart on purpose, `kept_apart_from`, when both rows record it), such a record that no longer fits
    (names no longer alike, or not recorded back), parent cycles."""
    frame = frames[table]
    id_column = ENTITY_TABLES[table]
    lexicon = frames.get("lexicon")
    suffixes = suffix_keys(
        lexicon.loc[lexicon["category"] == "company_suffix", "term"].dropna() if lexicon is not None else []
    )
    exact = owners_by_key(frames)
    stems = owners_by_key({t: frames[t] for t in ENTITY_TABLES if t in frames}, "stem", suffixes)
    # Who may share a name with whom: a zone project and its own places row; a parent and its child.
    linked: dict[str, set[str]] = defaultdict(set)
    if table == "projects" and "zone_place_id" in frame:
        for entity, zone in zip(frame[id_column], frame["zone_place_id"], strict=True):
            if isinstance(zone, str):
                linked[f"projects:{entity}"].add(f"places:{zone}")
    # An edition may be named as its recurring event is (数字经济产业合作大会 for its 2024 edition).
    if table == "projects" and "events" in frames and "project_id" in frames["events"]:
        for edition, project in zip(frames["events"]["event_id"], frames["events"]["project_id"], strict=True):
            if isinstance(project, str):
                linked[f"projects:{project}"].add(f"events:{edition}")
    for other, other_id in ENTITY_TABLES.items():
        if other in frames:
            for child, parent in parents(frames[other], other_id).items():
                linked[f"{other}:{child}"].add(f"{other}:{parent}")
                linked[f"{other}:{parent}"].add(f"{other}:{child}")
    # Rows whose legal names both are given and differ are different legal entities, however alike their names.
    legal: dict[str, str] = {}
    for other, other_id in ENTITY_TABLES.items():
        if other in frames and "legal_name" in frames[other]:
            for entity, name in zip(frames[other][other_id], frames[other]["legal_name"], strict=True):
                if isinstance(name, str) and name.strip():
                    legal[f"{other}:{entity}"] = exact_key(name)
    labels = convention_labels(frames)
    parent_of = parents(frame, id_column)
    # A near-duplicate pair judged and kept apart on purpose (`kept_apart_from`, the other row's id): not warned,
    # but held to its judgement: the names still alike, and the other row recording it back.
    kept: dict[str, str] = {}
    for other, other_id in ENTITY_TABLES.items():
        if other in frames and "kept_apart_from" in frames[other]:
            for entity, apart_from in zip(frames[other][other_id], frames[other]["kept_apart_from"], strict=True):
                if isinstance(apart_from, str) and apart_from.strip():
                    kept[f"{other}:{entity}"] = f"{other}:{apart_from.strip()}"
    everyone = {
        f"{other}:{entity}": names
        for other, other_id in ENTITY_TABLES.items()
        if other in frames
        for entity, names in zip(frames[other][other_id], row_names(frames[other]), strict=True)
    }
    found_near: list[str | None] = []
    collisions, near, cycles = [], [], []
    unalike: list[str | None] = []
    one_way: list[str | None] = []
    collision_ids: list[tuple[str, ...] | None] = []
    near_ids: list[tuple[str, ...] | None] = []
    for entity, names in zip(frame[id_column], row_names(frame), strict=True):
        me = f"{table}:{entity}"
        allowed = linked[me] | {me}
        keys = {exact_key(n) for n in names}
        clash = {o for k in keys for o in exact.get(k, set())} - allowed
        # A name shared only as a `convention` label (either row's) is a possible tie to show, not a name in error.
        shown = {o for o in clash if {k for k in keys if o in exact.get(k, set())} <= {labels.get(me), labels.get(o)}}
        clash -= shown
        apart = {o for o, key in legal.items() if me in legal and key != legal[me]} - shown
        stem = ({o for n in names for o in stems.get(stem_key(n, suffixes), set())} | shown) - allowed - clash - apart
        recorded = kept.get(me)
        unalike.append(recorded if recorded is not None and recorded not in stem else None)
        one_way.append(recorded if recorded is not None and kept.get(recorded) != me else None)
        stem -= {recorded} if recorded is not None and kept.get(recorded) == me else set()
        collisions.append(listed(clash))
        near.append(listed(stem))
        found_near.append(how_alike(names, {o: everyone.get(o, []) for o in stem}, suffixes))
        collision_ids.append(tuple(sorted(clash)) or None)
        near_ids.append(tuple(sorted(stem)) or None)
        cycles.append(isinstance(entity, str) and in_cycle(entity, parent_of))
    return {
        "name_collisions": pd.Series(collisions, index=frame.index, dtype="string"),
        "name_collision_ids": pd.Series(collision_ids, index=frame.index, dtype=object),
        "near_duplicates": pd.Series(near, index=frame.index, dtype="string"),
        "near_duplicate_ids": pd.Series(near_ids, index=frame.index, dtype=object),
        "near_duplicate_found": pd.Series(found_near, index=frame.index, dtype="string"),
        "kept_apart_unalike": pd.Series(unalike, index=frame.index, dtype="string"),
        "kept_apart_one_way": pd.Series(one_way, index=frame.index, dtype="string"),
        "parent_cycle": pd.Series(cycles, index=frame.index, dtype=bool),
        "names_written": names_written(frame),
    }


ALIKE = (
    "has the same name as",
    "has a name that differs only in script, case or punctuation from",
    "has a name that differs only in company suffixes (script, case and punctuation aside) from",
)


def how_alike(names: list[str], others: dict[str, list[str]], suffixes: tuple[str, ...]) -> str | None:
    """What a near duplicate shares, said as found: for each other row (`table:id` -> its names), the closest
    pair of names (the same name; names that differ only in script, case or punctuation; only in company
    suffixes), grouped by how alike they are and bounded like `listed`: "has the same name as enterprises:x
    ('Minieye')".

    Why: a message saying two equal names are "nearly the same" misreads what was found (review of the shared
    conventional labels, Minieye and Minieye); the reader acts on what the names have in common."""
    if not others:
        return None
    grouped: dict[int, list[str]] = defaultdict(list)
    for other, theirs in sorted(others.items()):
        # the closest kind, and of its names the first the other row gives (its name before its aliases)
        found = sorted((alike(a, b, suffixes), k, b) for a in names for k, b in enumerate(theirs))
        level, _, match = found[0] if found else (len(ALIKE) - 1, 0, "")
        grouped[min(level, len(ALIKE) - 1)].append(f"{other} ({match!r})" if level < len(ALIKE) else other)
    parts: list[str] = []
    shown = 0
    for level in sorted(grouped):
        items = grouped[level][: max(MAX_LISTED - shown, 0)]
        shown += len(items)
        if items:
            parts.append(f"{ALIKE[level]} {', '.join(items)}")
    more = sum(len(v) for v in grouped.values()) - shown
    return "; ".join(parts) + (f" and {more} more" if more > 0 else "")


def alike(a: str, b: str, suffixes: tuple[str, ...]) -> int:
    """How alike two names are, as an index of ALIKE (len(ALIKE): not alike by any of them)."""
    if a.strip() == b.strip():
        return 0
    if exact_key(a) == exact_key(b):
        return 1
    if stem_key(a, suffixes) == stem_key(b, suffixes):
        return 2
    return len(ALIKE)


def names_written(frame: pd.DataFrame) -> pd.Series:
    """Each row's name as a message quotes it: 'Tongkun Group' (桐昆集团), or the English name alone when the row
    has no Chinese name (never an empty bracket or a placeholder)."""
    zh = frame["name_zh"] if "name_zh" in frame else pd.Series(pd.NA, index=frame.index)
    return pd.Series(
        [
            (repr(str(name)) if isinstance(name, str) else "(no name)")
            + (f" ({chinese})" if isinstance(chinese, str) and chinese.strip() else "")
            for name, chinese in zip(frame.get("name", zh), zh, strict=True)
        ],
        index=frame.index,
        dtype="string",
    )


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
        + value.astype("string")
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
    rows = list(
        zip(
            group.index,
            group["observation_id"],
            group["source_id"],
            group["indicator"],
            zip(group["period_start"], group["period_end"], strict=True),
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
    for source in {r[2] for r in rows}:
        mine = published.get(source)
        near = {
            (f"{o} ({i})", i, period, str(o)): index
            for index, o, s, i, period in rows
            if s != source
            and mine is not None
            and published.get(s) is not None
            and abs((published[s] - mine).days) <= CLUSTER_DAYS
        }
        candidates[source] = sorted(((*entry, index) for entry, index in near.items()), key=lambda c: c[0])
    return candidates


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


# The columns of the indicators view fact_clusters and multiples_against_levels read: they run on it restricted to
# these (tests/test_kept_answers.py traces them), and the reference tables restricted to CLUSTER_TABLE_READS.
CLUSTER_READS = (
    "and_some", "base_unit", "enterprise_id", "indicator", "nearly", "observation_id", "period_basis", "period_end",
    "period_start", "period_text", "place_id", "project_id", "qualifier", "source_id", "status", "unit", "value",
    "value_base", "value_upper",
)  # fmt: skip
# What the entity readings read of each table (traced likewise): an edit of another column (a description, an
# event's dates) reads no names again.
ENTITY_READS: dict[str, tuple[str, ...] | None] = {
    "places": ("aliases", "legal_name", "name", "name_zh", "place_id"),  # legal_name: asked with `in`
    "enterprises": (
        "aliases", "enterprise_id", "kept_apart_from", "legal_name", "name", "name_origin", "name_zh", "parent_id",
    ),
    "projects": (
        "aliases", "kept_apart_from", "legal_name", "name", "name_origin", "name_zh", "parent_id", "project_id",
        "zone_place_id",
    ),
    "events": ("aliases", "event_id", "legal_name", "name", "name_zh", "project_id"),
    "lexicon": ("category", "term"),
}  # fmt: skip
# What fact clusters read of the sources and the definitions (traced likewise).
CLUSTER_TABLE_READS: dict[str, tuple[str, ...]] = {
    "sources": (
        "grade", "original_grade", "original_published", "published", "source_id", "written_after", "written_before",
    ),
    "indicator_definitions": ("indicator", "temporal"),
}  # fmt: skip
MULTIPLE_READS = (
    "enterprise_id", "indicator", "period_end", "period_start", "place_id", "project_id", "qualifier",
    "source_id", "status", "value", "value_text", "observation_id",
)  # fmt: skip


def identity_columns(
    frames: dict[str, pd.DataFrame],
    derived: dict[str, pd.DataFrame],
    grades: Sequence[str] = (),
    wanted: Wanted | None = None,
) -> dict[str, pd.DataFrame]:
    """The derived tables with the identity readings added (tables that are not loaded are left alone); `grades`
    as fact_clusters reads them; `wanted`: the readings the rules to run read (semantics/wanted.py; None: all)."""
    wanted = Wanted() if wanted is None else wanted
    out = dict(derived)
    for table in ENTITY_TABLES:
        if table in derived and wanted(f"{table}' names"):
            found = kept_reading(
                ("entities", table),
                [(frames.get(t), ENTITY_READS[t]) for t in ENTITY_READS],
                lambda *read, table=table: entity_columns(
                    {t: f for t, f in zip(ENTITY_READS, read, strict=True) if f is not None}, table
                ),
            )
            out[table] = derived[table].assign(**wanted.made(f"{table}' names", found))
    if "places" in derived and "parent_id" in derived["places"]:
        places = derived["places"]
        parent_of = parents(places, "place_id")
        cycles = [isinstance(p, str) and in_cycle(p, parent_of) for p in places["place_id"]]
        out["places"] = places.assign(parent_cycle=pd.Series(cycles, index=places.index, dtype=bool))
    if "sources" in derived and "archive_raw" in derived["sources"]:
        for table in ENTITY_TABLES:
            if table in out and wanted(f"{table}' names in texts"):
                named = kept_name_text_columns(frames, derived["sources"], table)
                out[table] = out[table].assign(**wanted.made(f"{table}' names in texts", named))
    if "indicators" in derived and wanted("fact clusters"):
        # Both read every row of the indicators at once: kept by the content of the columns they read, so a second
        # validation after an edit no reading reads (a note) does not redo them (answers.kept_reading).
        clusters = kept_reading(
            ("fact clusters", tuple(grades)),
            [
                (derived["indicators"], CLUSTER_READS),
                (frames.get("sources"), CLUSTER_TABLE_READS["sources"]),
                (frames.get("indicator_definitions"), CLUSTER_TABLE_READS["indicator_definitions"]),
                (frames.get("lexicon"), ("term", "category", "meaning")),  # the text's own day (目前): PeriodWords
            ],
            # A cluster is of one fact's figures: an edited row's fact (its old and new one) is read again.
            lambda indicators, *tables: kept_in_groups(
                ("fact clusters", tuple(grades)),
                indicators,
                CLUSTER_READS,
                cluster_key,
                tables,
                lambda part, sources, definitions, lexicon: fact_clusters(
                    part, sources, definitions, grades, period_words(lexicon)
                ),
            ),
        )
        clusters = wanted.made("fact clusters", clusters)
        out["indicators"] = out["indicators"].assign(
            fact_cluster=clusters["fact_cluster"], fact_cluster_ids=clusters["fact_cluster_ids"]
        )
    if "indicators" in derived and wanted("multiples"):
        # The lexicon's `and_some` words (300多 is 300 to 400: written_bounds), kept by their content alone.
        lexicon = frames.get("lexicon")
        if lexicon is not None and "category" in lexicon:
            lexicon = lexicon[lexicon["category"] == "and_some"]
        levels = kept_reading(
            "multiples",
            [(derived["indicators"], MULTIPLE_READS), (lexicon, ("term", "category", "meaning"))],
            multiples_against_levels,
        )
        levels = wanted.made("multiples", levels)
        out["indicators"] = out["indicators"].assign(
            multiple_off_levels=levels["multiple_off_levels"], multiple_levels_ids=levels["multiple_levels_ids"]
        )
    return out


# --- names against the texts that give them ---------------------------------------------------------------------


def name_sources(frames: dict[str, pd.DataFrame], table: str) -> list[tuple[str, ...]]:
    """Each row's name sources: its `source_id`, its `name_zh_source_id`, and the sources of its figures
    (indicators) and links (project_enterprises), in that order, each once.

    Why these: a name is the row's only where a text about the row writes it. A text the data ties to the row
    (its own, its figures', its links') is one; `name_zh_source_id` names the text that gives the Chinese name
    when none of those does (a Chinese list naming a company whose row rests on an English text)."""
    frame = frames[table]
    id_column = ENTITY_TABLES[table]
    tied: dict[str, list[str]] = defaultdict(list)
    for other in ("indicators", "project_enterprises"):
        linked = frames.get(other)
        if linked is None or id_column not in linked or "source_id" not in linked:
            continue
        # Each (row, source) pair once, at its first place (the order the sources are listed in): a grown package's
        # 10^5 figures tie a few hundred pairs, and a place's list of 10^5 sources was read to drop its repeats.
        pairs = pd.DataFrame({"entity": linked[id_column], "source": linked["source_id"]}, copy=False)
        for entity, source in pairs.dropna().drop_duplicates().itertuples(index=False):
            if isinstance(entity, str) and isinstance(source, str):
                tied[entity].append(source)
    own = frame["source_id"] if "source_id" in frame else pd.Series(pd.NA, index=frame.index)
    zh = frame["name_zh_source_id"] if "name_zh_source_id" in frame else pd.Series(pd.NA, index=frame.index)
    return [
        tuple(dict.fromkeys(s for s in (first, second, *tied.get(str(entity), [])) if isinstance(s, str)))
        for entity, first, second in zip(frame[id_column], own, zh, strict=True)
    ]


def name_text_reads(table: str) -> dict[str, tuple[str, ...]]:
    """What name_text_columns reads of each table for `table`'s rows (traced by tests/test_kept_answers.py): the
    row's names and name sources, its figures' and links' sources, the sources' archived texts."""
    id_column = ENTITY_TABLES[table]
    return {
        table: (id_column, "source_id", "name_zh_source_id", "name", "name_zh"),
        "indicators": (id_column, "source_id"),
        "project_enterprises": (id_column, "source_id"),
        "sources": ("source_id", "archive_raw"),
    }


def kept_name_text_columns(frames: dict[str, pd.DataFrame], sources: pd.DataFrame, table: str) -> dict[str, pd.Series]:
    """name_text_columns, kept by the content of the columns it reads (answers.kept_reading): an edited figure's
    value reads no name against the texts again (it cost 20-25 ms of every validation of an edited copy)."""
    reads = name_text_reads(table)
    given = {**frames, "sources": sources}
    return kept_reading(
        ("names in texts", table),
        [(given.get(t), columns) for t, columns in reads.items()],
        lambda *read: name_text_columns(
            {t: f for t, f in zip(reads, read, strict=True) if f is not None and t != "sources"},
            read[-1],
            table,
        ),
    )


def name_text_columns(frames: dict[str, pd.DataFrame], sources: pd.DataFrame, table: str) -> dict[str, pd.Series]:
    """Whether the texts of each row's name sources write its `name` (`name_in_texts`), its `name_zh`
    (`name_zh_in_texts`), and both in one text (`names_in_one_text`); all folded for script, case, white space and
    punctuation (exact_key). NA where no text of the row's sources is archived (validated without `--archive`)
    or the row has not the name; `name_sources` lists the sources for the messages.

    Why: the rules of names in two scripts (extraction guide) read what the texts write, and a text of a row is
    found only across tables (its figures, its links), which a rule reading one table's view cannot see."""
    frame = frames[table]
    raw = dict(zip(sources["source_id"], sources["archive_raw"], strict=True))
    folded: dict[str, str] = {}

    def text(source: str) -> str | None:
        if source not in folded and isinstance(raw.get(source), str):
            folded[source] = exact_key(str(raw[source]))
        return folded.get(source)

    def key(value: object) -> str:
        return exact_key(value) if isinstance(value, str) and value.strip() else ""

    rows = name_sources(frames, table)
    names = frame["name"] if "name" in frame else pd.Series(pd.NA, index=frame.index)
    chinese = frame["name_zh"] if "name_zh" in frame else pd.Series(pd.NA, index=frame.index)
    found_name: list[bool | None] = []
    found_zh: list[bool | None] = []
    found_both: list[bool | None] = []
    for ids, name, name_zh in zip(rows, names, chinese, strict=True):
        texts = [t for t in (text(s) for s in ids) if t is not None]
        latin, han = key(name), key(name_zh)
        found_name.append(any(latin in t for t in texts) if texts and latin else None)
        found_zh.append(any(han in t for t in texts) if texts and han else None)
        found_both.append(any(latin in t and han in t for t in texts) if texts and latin and han else None)
    return {
        "name_sources": pd.Series([listed(ids) for ids in rows], index=frame.index, dtype="string"),
        "name_in_texts": pd.Series(found_name, index=frame.index, dtype="boolean"),
        "name_zh_in_texts": pd.Series(found_zh, index=frame.index, dtype="boolean"),
        "names_in_one_text": pd.Series(found_both, index=frame.index, dtype="boolean"),
    }


# --- multiples read against the levels the same text gives ----------------------------------------------------

MULTIPLE = "_level_multiple"


def last_digit_step(value: float) -> float:
    """One unit of the last non-zero digit: 300 → 100, 40 → 10, 8 → 1, 2443 → 1, 1.5 → 0.1."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    if "." in text:
        return float(10.0 ** -len(text.split(".")[1]))
    return float(10.0 ** (len(text) - len(text.rstrip("0"))))


def written_bounds(
    value: float, qualifier: object, text: object, and_some: tuple[str, ...] = ()
) -> tuple[float, float]:
    """The interval a written figure allows: 300多 is 300 to 400 (多 after a round number stays below the next
    step of its last non-zero digit: one of the lexicon's `and_some` words, `and_some`), 超过300 is 300 or more,
    近165 and 约165 within a tenth of 165."""
    if qualifier in ("gt", "gte"):
        if isinstance(text, str) and any(word in text for word in and_some) and value > 0:
            return value, value + last_digit_step(value)
        return value, float("inf")
    if qualifier == "approx":
        return (1 - APPROX_TOLERANCE) * value, (1 + APPROX_TOLERANCE) * value
    if qualifier in ("lt", "lte"):
        return 0.0, value
    return value, value


def multiples_against_levels(indicators: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per `…_level_multiple` figure whose source also gives the levels at the start and the end of its period: the
    ratio those levels allow, where the multiple (read as end ≈ N × start) falls outside it (`multiple_off_levels`,
    naming the two level rows, whose ids `multiple_levels_ids` carries); else NA. Each figure is read as the
    interval its words allow (written_bounds, with the lexicon's `and_some` words: none without a lexicon)."""
    terms = and_some_terms(lexicon) if lexicon is not None else []
    words = tuple(w for w in (t.replace(NUMBER, "").strip() for t in terms) if w)
    out = pd.DataFrame(
        {
            "multiple_off_levels": pd.Series(pd.NA, index=indicators.index, dtype="string"),
            "multiple_levels_ids": pd.Series(None, index=indicators.index, dtype=object),
        }
    )
    multiples = indicators[indicators["indicator"].astype("string").str.endswith(MULTIPLE).fillna(False)]
    if not len(multiples):
        return out
    subject = indicators["place_id"].fillna(indicators["enterprise_id"]).fillna(indicators["project_id"])
    # The level rows a multiple may read: those of a multiple's base indicator, each (indicator, source, subject,
    # status) with its first row per year of period_end and per period_end, in frame order. Looked up per multiple
    # (linear: never the whole table per multiple, nor a Python value per row of the table).
    bases = {str(i)[: -len(MULTIPLE)] for i in multiples["indicator"]}
    key_columns = [indicators["indicator"], indicators["source_id"], subject, indicators["status"]]
    usable = indicators["indicator"].isin(list(bases)).fillna(False).to_numpy(dtype=bool, copy=True)
    for part in key_columns:  # a missing part matches nothing (as == with <NA> does)
        usable &= part.notna().to_numpy(dtype=bool)
    levels = np.flatnonzero(usable)
    read = ("value", "qualifier", "value_text", "observation_id")
    columns = {c: list(indicators[c].iloc[levels]) for c in read}
    keys = list(zip(*(list(part.iloc[levels]) for part in key_columns), strict=True))
    by_year: dict[tuple[Any, ...], int] = {}
    by_end: dict[tuple[Any, ...], int] = {}
    for at, (key, end) in enumerate(zip(keys, indicators["period_end"].iloc[levels], strict=True)):
        if isinstance(end, pd.Timestamp):
            by_year.setdefault((*key, end.year), at)
            by_end.setdefault((*key, end), at)
    pairs: dict[Any, tuple[str, str]] = {}
    mine = multiples.assign(_subject=subject)
    for index, indicator, source, subject_id, status, first_day, last_day, value, qualifier, value_text in zip(
        mine.index,
        *(
            list(mine[c])
            for c in (
                "indicator", "source_id", "_subject", "status", "period_start", "period_end", "value", "qualifier",
                "value_text",
            )
        ),
        strict=True,
    ):  # fmt: skip
        key = (str(indicator)[: -len(MULTIPLE)], source, subject_id, status)
        if any(is_missing(k) for k in key):
            continue
        if not isinstance(first_day, pd.Timestamp) or not isinstance(last_day, pd.Timestamp):
            continue
        s, e = by_year.get((*key, first_day.year)), by_end.get((*key, last_day))
        if s is None or e is None:
            continue
        s_low, s_high = written_bounds(
            float(columns["value"][s]), columns["qualifier"][s], columns["value_text"][s], words
        )
        e_low, e_high = written_bounds(
            float(columns["value"][e]), columns["qualifier"][e], columns["value_text"][e], words
        )
        if s_low <= 0:
            continue
        low, high = e_low / s_high, e_high / s_low
        n_low, n_high = written_bounds(float(value), qualifier, value_text, words)
        if n_high < low or n_low > high or (n_high == low and qualifier in ("gt",)):
            out.at[index, "multiple_off_levels"] = (
                f"{columns['value_text'][s]} → {columns['value_text'][e]} is ×{low:.2f} to ×{high:.2f}"
                f" ({columns['observation_id'][s]}, {columns['observation_id'][e]})"
            )
            pairs[index] = (str(columns["observation_id"][s]), str(columns["observation_id"][e]))
    if pairs:
        column = out["multiple_levels_ids"].to_numpy(dtype=object).copy()
        for position, pair in zip(out.index.get_indexer(pd.Index(list(pairs))), pairs.values(), strict=True):
            column[position] = pair
        out["multiple_levels_ids"] = pd.Series(column, index=out.index, dtype=object)
    return out
