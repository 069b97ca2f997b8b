"""Identity rules: one entity, one row; one event edition, one period; one fact, seen as one across sources.

Why: every series of an enterprise, a project or an event hangs on its id. A name shared by two rows (the scenic
area called 乌镇 like the town), two rows that are one entity written two ways (WeDoctor / We Doctor), a figure of
the 2023 summit dated two ways, or one fact filed under two indicators by two sources split or mix series, and the
agreement rules (which compare rows of the same indicator, subject and period) cannot see them.

The cross-table readings (all names of all entities and places, the parent trees, the clusters of equal values)
are computed once here, by `identity_columns`, and added to the tables' views; the checks only read them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from ...text.names import exact_key, stem_key, suffix_keys
from ...text.periods import publication_bounds
from . import each_row, known, missing, rule
from .provenance import evidence_in_source, names_in, names_of

ENTITY_TABLES = {"enterprises": "enterprise_id", "projects": "project_id"}
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
    """Folded name → the set of `table:id` that carry it (places, enterprises, projects)."""
    owners: dict[str, set[str]] = defaultdict(set)
    id_columns = {"places": "place_id", **ENTITY_TABLES}
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
    """For each enterprise or project: names another row also carries, near-duplicate rows, parent cycles."""
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
    parent_of = parents(frame, id_column)
    collisions, near, cycles = [], [], []
    for entity, names in zip(frame[id_column], row_names(frame), strict=True):
        me = f"{table}:{entity}"
        allowed = linked[me] | {me}
        clash = {o for n in names for o in exact.get(exact_key(n), set())} - allowed
        apart = {o for o, key in legal.items() if me in legal and key != legal[me]}
        stem = {o for n in names for o in stems.get(stem_key(n, suffixes), set())} - allowed - clash - apart
        collisions.append(listed(clash))
        near.append(listed(stem))
        cycles.append(isinstance(entity, str) and in_cycle(entity, parent_of))
    return {
        "name_collisions": pd.Series(collisions, index=frame.index, dtype="string"),
        "near_duplicates": pd.Series(near, index=frame.index, dtype="string"),
        "parent_cycle": pd.Series(cycles, index=frame.index, dtype=bool),
    }


def fact_clusters(indicators: pd.DataFrame, sources: pd.DataFrame | None) -> pd.Series:
    """Per figure: other sources' figures of the same subject, status and value (in the base unit) that are filed
    under another indicator or another period, in sources published within CLUSTER_DAYS of each other."""
    out = pd.Series(pd.NA, index=indicators.index, dtype="string")
    if sources is None or "value_base" not in indicators:
        return out
    published = dict(zip(sources["source_id"], (publication_bounds(p)[0] for p in sources["published"]), strict=True))
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
    key = key.where(informative.fillna(False) & indicators["period_end"].notna())
    for _, group in indicators.assign(_key=key).dropna(subset=["_key"]).groupby("_key", sort=False):
        if len(group) < 2 or group["source_id"].nunique() < 2:
            continue
        rows = list(zip(group.index, group["observation_id"], group["source_id"], group["indicator"], strict=True))
        periods = dict(zip(group.index, zip(group["period_start"], group["period_end"], strict=True), strict=True))
        for index, _, source, indicator in rows:
            mine = published.get(source)
            found = [
                f"{o} ({i})"
                for j, o, s, i in rows
                if s != source
                and (i != indicator or periods[j] != periods[index])
                and mine is not None
                and published.get(s) is not None
                and abs((published[s] - mine).days) <= CLUSTER_DAYS
            ]
            out.at[index] = listed(found)
    return out


def identity_columns(frames: dict[str, pd.DataFrame], derived: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The derived tables with the identity readings added (tables that are not loaded are left alone)."""
    out = dict(derived)
    for table in ENTITY_TABLES:
        if table in derived:
            out[table] = derived[table].assign(**entity_columns(frames, table))
    if "indicators" in derived:
        out["indicators"] = derived["indicators"].assign(
            fact_cluster=fact_clusters(derived["indicators"], frames.get("sources"))
        )
    return out


# --- names: one name, one entity -------------------------------------------------------------------------------

for _table in ENTITY_TABLES:
    rule(
        "near-duplicate-name",
        _table,
        "name",
        "{name!r} ({name_zh}) reads as the same name as {near_duplicates} once script, case, punctuation and "
        "company suffixes are folded: merge them if they are one entity, link them with parent_id if one belongs "
        "to the other, or keep both if the texts tell them apart",
        severity="warning",
    )(lambda view: view["near_duplicates"].isna() if "near_duplicates" in view else pd.Series(True, index=view.index))
    rule(
        "parent-cycle",
        _table,
        "parent_id",
        "following parent_id from this row ({parent_id}) comes back to it: a parent is a different, larger entity",
    )(lambda view: ~view["parent_cycle"] if "parent_cycle" in view else pd.Series(True, index=view.index))


def source_name_in_text(view: pd.DataFrame) -> pd.Series:
    """An English name marked `source` is written in the row's source text (case and white space aside)."""

    def found(name: object, origin: object, text: object) -> bool:
        if origin != "source" or not isinstance(name, str) or not isinstance(text, str):
            return True
        return exact_key(name) in exact_key(text)

    return each_row(view, ["name", "name_origin", "source_id__archive_raw"], found)


for _table in ENTITY_TABLES:
    rule(
        "source-name-not-in-text",
        _table,
        "name",
        "{name!r} is marked name_origin `source`, but the text of {source_id} does not write it: a name marked "
        "source is the text's own words; take the text's name, or mark a faithful translation `translation`",
        needs_archive=True,
        needs=("source_id.archive_raw",),
    )(source_name_in_text)


# --- events: each edition one row, each of its figures one period ----------------------------------------------


@rule(
    "event-dates-order",
    "events",
    "end",
    "the edition ends ({end}) before it starts ({start}): correct the dates from the text",
)
def event_in_order(view: pd.DataFrame) -> pd.Series:
    """An edition does not end before it starts."""
    starts = [publication_bounds(s)[0] for s in view["start"]]
    ends = [publication_bounds(e)[1] for e in view["end"]]
    return pd.Series([s is None or e is None or s <= e for s, e in zip(starts, ends, strict=True)], index=view.index)


@rule(
    "event-not-of-project",
    "indicators",
    "event_id",
    "event {event_id!r} is an edition of {event_id__project_id!r}, but the figure is about project {project_id!r}: "
    "give the figure the recurring event's project_id, or the edition of its own event",
    needs=("event_id.project_id",),
)
def event_of_the_project(view: pd.DataFrame) -> pd.Series:
    """A figure of an edition is about the recurring event that edition belongs to."""
    same = view["event_id__project_id"] == view["project_id"]
    return same.fillna(False).astype(bool) | ~known(view["event_id"], view["event_id__project_id"])


@rule(
    "event-period-mismatch",
    "indicators",
    "period_start",
    "the figure of {event_id} covers {period_start:%Y-%m-%d}..{period_end:%Y-%m-%d}, but the edition runs "
    "{event_id__start}..{event_id__end}: a flow of an edition covers the edition's days (up to the text's date if the "
    "text was published during it), a stock is a day within them; use the edition's dates (events table), or clear "
    "event_id if the figure is not the edition's",
    needs=("event_id.start", "event_id.end", "indicator.temporal", "source_id.published_latest"),
)
def event_period(view: pd.DataFrame) -> pd.Series:
    """A figure of an edition has the edition's period: a flow its whole days (a report published during the
    edition: its first day to the text's date), a stock a day within them."""

    def fits(*row: object) -> bool:
        event, start, end, first, last, temporal, published = row
        if missing(event) or not isinstance(first, pd.Timestamp) or not isinstance(last, pd.Timestamp):
            return True
        if not isinstance(start, str):
            return True
        earliest, _ = publication_bounds(start)
        _, latest = publication_bounds(end)
        if earliest is None or latest is None:
            return True
        if temporal == "flow" and len(str(start)) == 10 and len(str(end)) == 10:
            during = isinstance(published, pd.Timestamp) and earliest <= published < latest
            return bool(first == earliest and (last == latest or (during and last == published)))
        return bool(earliest <= first and last <= latest)

    columns = ["event_id", "event_id__start", "event_id__end", "period_start", "period_end", "indicator__temporal"]
    view = view.assign(_published=view.get("source_id__published_latest", pd.Series(pd.NaT, index=view.index)))
    return each_row(view, [*columns, "_published"], fits)


# --- one fact across sources -----------------------------------------------------------------------------------


@rule(
    "fact-cluster",
    "indicators",
    "value",
    "{value} {unit} about the same subject is also stated by {fact_cluster}, sources published within "
    f"{CLUSTER_DAYS} days, under another indicator or period: if they state one fact, file it alike (one indicator, "
    "one period) so that the agreement rules compare them",
    severity="warning",
)
def no_fact_cluster(view: pd.DataFrame) -> pd.Series:
    """The same value of the same subject in sources of the same weeks is filed under one indicator and period."""
    return view["fact_cluster"].isna() if "fact_cluster" in view else pd.Series(True, index=view.index)


# --- provenance of the new tables ------------------------------------------------------------------------------

for _table in ("events", "project_enterprises"):
    rule(
        "evidence-not-in-source",
        _table,
        "evidence",
        "the evidence does not occur in the archived text of {source_id} (white space aside): copy the passage "
        "exactly as the source writes it, in its own script",
        needs_archive=True,
        needs=("source_id.archive_text",),
    )(evidence_in_source)


@rule(
    "link-evidence-missing-name",
    "project_enterprises",
    "evidence",
    "the evidence does not name the enterprise {enterprise_id!r} ({enterprise_id__name}, {enterprise_id__name_zh}, "
    "{enterprise_id__aliases}): choose a passage that names both the enterprise and the project",
    needs=("enterprise_id.name", "enterprise_id.name_zh", "enterprise_id.legal_name", "enterprise_id.aliases"),
)
def link_names_enterprise(view: pd.DataFrame) -> pd.Series:
    """A link's evidence names its enterprise (name, Chinese name, legal name or alias)."""
    columns = ["evidence", *(f"enterprise_id__{c}" for c in ("name", "name_zh", "legal_name", "aliases"))]
    present = [c for c in columns if c in view]
    return each_row(
        view,
        present,
        lambda evidence, *names: (
            not isinstance(evidence, str) or not names_of(*names) or names_in(evidence, names_of(*names))
        ),
    )
