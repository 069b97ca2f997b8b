"""The names of places, enterprises, projects and events read against each other, and the parent chains of the
tables that are trees.

Why a module: whether a name is also another entity's (or a place's), whether two rows are one entity written
two ways (near duplicates, less the pairs a row keeps apart on purpose) and whether a parent chain loops each need
every row of several tables at once; semantics/identity.py adds what entity_columns finds to the entity tables'
views. `listed` and MAX_LISTED bound the lists of ids every message of several rows gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from ..text.fold import exact_key, names_of, stem_key, suffix_keys

ENTITY_TABLES = {"enterprises": "enterprise_id", "projects": "project_id"}


# Tables that are trees through parent_id (places have no names to compare, but a tree all the same: trial 8 m3).
TREE_TABLES = {"places": "place_id", **ENTITY_TABLES}


NAME_COLUMNS = ("name", "name_zh", "legal_name", "aliases")


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
