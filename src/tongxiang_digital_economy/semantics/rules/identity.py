"""Identity rules: one entity, one row; one event edition, one period; one fact, seen as one across sources.

Why: every series of an enterprise, a project or an event hangs on its id. A name shared by two rows (the scenic
area called 乌镇 like the town), two rows that are one entity written two ways (WeDoctor / We Doctor), a figure of
the 2023 summit dated two ways, or one fact filed under two indicators by two sources split or mix series, and the
agreement rules (which compare rows of the same indicator, subject and period) cannot see them.

The cross-table readings (all names of all entities and places, the parent trees, the clusters of equal values)
are computed once by semantics/identity.py and added to the tables' views; the checks here only read them.
"""

from __future__ import annotations

import pandas as pd

from ...text.fold import names_in, names_of
from ...text.periods import publication_bounds
from ..entity_names import ENTITY_TABLES, TREE_TABLES
from ..fact_clusters import CLUSTER_DAYS
from .registry import each_row, known, missing, rule

# --- names: one name, one entity -------------------------------------------------------------------------------

for _table in ENTITY_TABLES:
    rule(
        "name-collision",
        _table,
        "aliases",
        "a name or alias of this row ({name!r}, {name_zh!r}, {aliases}) is also a name of {name_collisions}: a name "
        "must say which one is meant; drop the alias, or merge the rows if they are one entity",
        related="name_collision_ids",
        reads=("name_collisions",),
        per_row=True,
    )(lambda view: view["name_collisions"].isna() if "name_collisions" in view else pd.Series(True, index=view.index))
    rule(
        "near-duplicate-name",
        _table,
        "name",
        "{names_written} {near_duplicate_found}: merge them if they are one entity, link them with parent_id if "
        "one belongs to the other, keep both if the texts tell them apart (different legal_names do), or, where no "
        "archived text ties or separates them, record the judgement: each row's kept_apart_from the other's id, "
        "the reason in description",
        severity="warning",
        related="near_duplicate_ids",
        reads=("near_duplicates", "near_duplicate_found"),
        per_row=True,
    )(lambda view: view["near_duplicates"].isna() if "near_duplicates" in view else pd.Series(True, index=view.index))

for _table in TREE_TABLES:
    rule(
        "parent-cycle",
        _table,
        "parent_id",
        "following parent_id from this row ({parent_id}) comes back to it: a parent is a different, larger "
        + ("place" if _table == "places" else "entity"),
        reads=("parent_cycle",),
        per_row=True,
    )(lambda view: ~view["parent_cycle"] if "parent_cycle" in view else pd.Series(True, index=view.index))


@rule(
    "kept-apart-not-near-duplicate",
    "enterprises",
    "kept_apart_from",
    "kept_apart_from is {kept_apart_unalike}, but the names of {names_written} and of that row are no longer "
    "near-duplicates: the record keeps apart a pair that no longer looks like one; clear kept_apart_from on both "
    "rows (and the reason in description)",
    reads=("kept_apart_unalike", "names_written"),
    per_row=True,
)
def kept_apart_still_alike(view: pd.DataFrame) -> pd.Series:
    """A recorded pair is one whose names `near-duplicate-name` would warn of: a record that silences nothing
    is stale, and would silence the warning again if the names drifted back."""
    return view["kept_apart_unalike"].isna() if "kept_apart_unalike" in view else pd.Series(True, index=view.index)


@rule(
    "kept-apart-one-way",
    "enterprises",
    "kept_apart_from",
    "kept_apart_from is {kept_apart_one_way}, but that row does not record this one back (its kept_apart_from "
    "is another id or empty): the judgement is about a pair; give each row the other's id",
    reads=("kept_apart_one_way",),
    per_row=True,
)
def kept_apart_both_ways(view: pd.DataFrame) -> pd.Series:
    """Both rows of a kept-apart pair record it: the judgement is one about the pair, and a one-sided record
    (one row merged, renamed or re-judged) would leave the other row's warning silenced on a stale word."""
    return view["kept_apart_one_way"].isna() if "kept_apart_one_way" in view else pd.Series(True, index=view.index)


def source_name_in_text(view: pd.DataFrame) -> pd.Series:
    """An English name marked `source` is written in a text of the row's name sources (name_texts.name_sources)."""
    return ~((view["name_origin"] == "source").fillna(False) & view["name_in_texts"].eq(False).fillna(False))


def chinese_name_in_text(view: pd.DataFrame) -> pd.Series:
    """A `name_zh` is written in a text of the row's name sources."""
    return ~view["name_zh_in_texts"].eq(False).fillna(False)


def two_scripts_tied(view: pd.DataFrame) -> pd.Series:
    """A Latin name marked `source` and a `name_zh` name one entity by one text that writes both (the guide's
    (a)), or by the basis `name_tie` gives ((b) reading, (c) shared fact): never by knowledge from outside."""
    untied = (
        (view["name_origin"] == "source").fillna(False)
        & view["names_in_one_text"].eq(False).fillna(False)
        & view["name_tie"].isna()
    )
    return ~untied


def tie_has_two_scripts(view: pd.DataFrame) -> pd.Series:
    """A `name_tie` is given only where it can say something: a `source` name beside a `name_zh`."""
    both = (view["name_origin"] == "source").fillna(False) & view["name_zh"].notna()
    return view["name_tie"].isna() | both


for _table in ENTITY_TABLES:
    rule(
        "name-tie-without-two-scripts",
        _table,
        "name_tie",
        "name_tie is {name_tie!r}, but the row holds no name marked `source` beside a name_zh ({name!r} is "
        "{name_origin!r}): the basis says why a text's Latin name and a Chinese name are one entity; clear it, "
        "or correct name_origin",
        reads=("name_tie", "name_origin", "name_zh"),
        per_row=True,
    )(tie_has_two_scripts)
    rule(
        "source-name-not-in-text",
        _table,
        "name",
        "{name!r} is marked name_origin `source`, but no text of the row's name sources ({name_sources}) writes "
        "it: a name marked source is the words of a text about the row; take the text's name, mark a faithful "
        "translation `translation`, or give the text that writes it (name_zh_source_id, a figure or a link)",
        needs_archive=True,
        reads=("name_origin", "name_in_texts", "name_sources"),
        per_row=True,
    )(source_name_in_text)
    rule(
        "chinese-name-not-in-text",
        _table,
        "name_zh",
        "{name_zh!r} is not written in any text of the row's name sources ({name_sources}): a Chinese name is "
        "a text's own; take the name a text about the row writes, or give the text that writes it in "
        "name_zh_source_id",
        needs_archive=True,
        reads=("name_zh_in_texts", "name_sources"),
        per_row=True,
    )(chinese_name_in_text)
    rule(
        "names-in-two-scripts-untied",
        _table,
        "name_tie",
        "{name!r} (marked source) and {name_zh!r} stand in one row, but no text of the row's name sources "
        "({name_sources}) writes both and name_tie gives no other basis: give the basis the archive holds "
        "(`reading`: the Latin name reads as the Chinese one; `shared_fact`: a text of one says of it what "
        "another says of the other), or make them two rows (extraction guide, Names in two scripts)",
        needs_archive=True,
        reads=("name_origin", "name_tie", "names_in_one_text", "name_sources"),
        per_row=True,
    )(two_scripts_tied)


# --- events: each edition one row, each of its figures one period ----------------------------------------------


@rule(
    "event-dates-order",
    "events",
    "end",
    "the edition ends ({end}) before it starts ({start}): correct the dates from the text",
    reads=("end", "start"),
    per_row=True,
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
    "give the figure the recurring event's project_id (or a part of it, by parent_id), or the edition of its own event",
    needs=("event_id.project_id", "project_id.parent_id"),
    reads=("event_id", "project_id"),
    per_row=True,
)
def event_of_the_project(view: pd.DataFrame) -> pd.Series:
    """A figure of an edition is about the recurring event that edition belongs to, or about a part of it held at
    that edition (the Light of the Internet Expo, a part of the World Internet Conference, at the fourth summit):
    the text names the part, so the figure sits on the part, and the edition says which summit it was part of."""
    same = view["event_id__project_id"] == view["project_id"]
    part = view["event_id__project_id"] == view["project_id__parent_id"]
    return (same.fillna(False).astype(bool) | part.fillna(False).astype(bool)) | ~known(
        view["event_id"], view["event_id__project_id"]
    )


@rule(
    "event-period-mismatch",
    "indicators",
    "period_start",
    "the figure of {event_id} covers {period_start:%Y-%m-%d}..{period_end:%Y-%m-%d}, but the edition runs "
    "{event_id__start}..{event_id__end}: a flow of an edition covers the edition's days, whenever its text was "
    "published (one announced while the edition was on too: the edition's figure, not the days up to the text's "
    "date), a stock is a day within them; use the edition's dates (events table), or clear event_id if the figure "
    "is not the edition's",
    needs=("event_id.start", "event_id.end", "indicator.temporal"),
    reads=("event_id", "period_end", "period_start"),
    per_row=True,
)
def event_period(view: pd.DataFrame) -> pd.Series:
    """A figure of an edition has the edition's period: a flow its whole days, a stock a day within them.

    One rule, whenever the text was published (trial 7 m7): a flow announced while the edition was on (guests
    attending, on its second day) is the edition's figure, as one reported after it is, so that the sources of
    one edition are compared over one period (the guide's "one edition, one period"); `actual-after-publication`
    lets such an actual end after its text for that reason. Words that date it to a day of the edition do not
    make it that day's: they are the day it was announced."""

    def fits(*row: object) -> bool:
        event, start, end, first, last, temporal = row
        if missing(event) or not isinstance(first, pd.Timestamp) or not isinstance(last, pd.Timestamp):
            return True
        if not isinstance(start, str):
            return True
        earliest, _ = publication_bounds(start)
        _, latest = publication_bounds(end)
        if earliest is None or latest is None:
            return True
        if temporal == "flow" and len(str(start)) == 10 and len(str(end)) == 10:
            return bool(first == earliest and last == latest)
        return bool(earliest <= first and last <= latest)

    def undecided(event: object) -> bool | None:
        """fits' answer for a row of no edition (whatever its dates: most rows, each of its own period in a grown
        package, 99,415 distinct rows of 10^5 read for nothing); None where the edition's dates decide."""
        return True if missing(event) else None

    columns = ["event_id", "event_id__start", "event_id__end", "period_start", "period_end", "indicator__temporal"]
    return each_row(view, columns, fits, decided=(["event_id"], undecided))


# --- one fact across sources -----------------------------------------------------------------------------------


@rule(
    "fact-cluster",
    "indicators",
    "value",
    "{value} {unit} about the same subject is also stated by {fact_cluster}, sources published within "
    f"{CLUSTER_DAYS} days, under another indicator or period: if they state one fact, file it alike (one indicator, "
    "one period) so that the agreement rules compare them",
    severity="warning",
    related="fact_cluster_ids",
    reads=("fact_cluster",),
    per_row=True,
)
def no_fact_cluster(view: pd.DataFrame) -> pd.Series:
    """One value of one subject in sources of the same weeks is filed alike (a stock restated later is no filing).

    The same level of one stock indicator at two dates is corroboration, left alone, when one restates the other
    (semantics/claims.is_restatement, the meaning `series` uses), when either is dated only by its own text, or
    when the dates are within CLUSTER_DAYS; only two stated dates further apart (2019年末 and 2020年末) are a
    cluster, since one of them is mis-dated (review 3 F8: a warning says what a maintainer can correct)."""
    return view["fact_cluster"].isna() if "fact_cluster" in view else pd.Series(True, index=view.index)


@rule(
    "multiple-against-levels",
    "indicators",
    "value",
    "{value_text} is read as end ≈ {value} × start, but the same text's levels give {multiple_off_levels}: read "
    "翻了N倍, 增长了N倍 and N-fold alike, as the ratio of the levels, and check the quote and the levels",
    related="multiple_levels_ids",
    reads=("multiple_off_levels",),
    per_row=True,
)
def multiple_fits_levels(view: pd.DataFrame) -> pd.Series:
    """A multiple (…_level_multiple) agrees with the levels its text gives at the start and end of its period."""
    return view["multiple_off_levels"].isna() if "multiple_off_levels" in view else pd.Series(True, index=view.index)


@rule(
    "link-evidence-missing-name",
    "project_enterprises",
    "evidence",
    "the evidence does not name the enterprise {enterprise_id!r} by any of its names (English "
    "{enterprise_id__name!r}; Chinese {enterprise_id__name_zh!r:|none given}; legal {enterprise_id__legal_name!r:|none "
    "given}; aliases {enterprise_id__aliases:|none given}): choose a passage that names both the enterprise and the "
    "project",
    needs=("enterprise_id.name", "enterprise_id.name_zh", "enterprise_id.legal_name", "enterprise_id.aliases"),
    reads=("evidence",),
    per_row=True,
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
