"""Each table joined with what its rules read: the rows of the tables it refers to, and readings of its text.

Why this exists: a rule such as "the unit measures what the indicator measures" needs columns of three tables.
The joins follow the foreign keys the Table Schemas declare, never joins written out by hand: a rule names the
columns it needs as `field.column` (`unit.dimension`: the `dimension` of the row that `unit` refers to), and
the view gets them as `unit__dimension`. Derived columns (the reading of a quote, publication bounds, archived
texts) are computed once per distinct input (per source, per distinct quote or evidence span), never once per
pair of rows, so a view costs time linear in its rows.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence

import numpy as np
import pandas as pd

from ..io.arrays import with_columns
from ..schema.descriptor import grade_order
from ..text.clause_words import SpanWords, place_words
from ..text.fold import fold, names_of
from ..text.own_dates import (
    OwnDateWords,
    speaks_from_after_a_start,
)
from ..text.period_lexicon import PeriodWords
from .agreement import AGREEMENT_READS, agreement
from .anchors import anchor_view, definition_refs, unit_forms_read
from .answers import kept_reading, kept_row_reading
from .archive_checks import refuted_rows
from .corroboration import corroboration_of
from .distinct import content_key, lexicon_of, mapped, memo, per_distinct_rows, quiet_floats, remembered, spread
from .editions_named import editions_named
from .identity import identity_columns
from .joins import ForeignKeys, tables_lacking, with_joins
from .kept_groups import by_indicator, kept_in_groups
from .places_beside import PLACES_BESIDE_READS, PLACES_BESIDE_TABLE_READS, places_beside_columns
from .quotes import PLACES_NAMED_READS, QUOTE_READS, QUOTE_TABLE_READS, places_named, quote_view, unit_refs
from .repeats import REPEAT_READS, entered_twice
from .row_references import Through, rows_by
from .rules.events import run_words
from .source_readings import source_columns, source_view
from .subject_names import NAME_COLUMNS, entity_names, outside_words, table_names
from .unit_conversions import conversion_conflicts
from .unit_scales import stated_scales
from .wanted import Wanted


@quiet_floats
def views(
    frames: dict[str, pd.DataFrame],
    archive_texts: dict[str, str | None] | None,
    archive_hashes: dict[str, str] | None,
    keys: ForeignKeys,
    needs: dict[str, list[str]],
    grades: Sequence[str] | None = None,
    reads: Mapping[str, Collection[str]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Each loaded table joined with what its rules need (`needs`: table -> `field.column`s of referenced tables);
    a table is left out when a table it reads did not load. `grades`: source grades, strongest first (the sources
    schema's enum; the shipped package's when not given), which a restatement's "ranks no stronger" reads.
    `reads`: table -> the view columns the rules to run read (registry.reads_of); the costly readings none of them
    reads are not made (semantics/wanted.py). None: every reading is made."""
    wanted = Wanted(reads)
    # Derived columns first, so that joins can read them (publication bounds travel with source_id).
    derived = dict(frames)
    if "sources" in frames:
        # The sources' readings are a function of the sources, the lexicon and the archive's texts and hashes
        # alone: kept by their content (the texts themselves, never a digest), like the indicators' readings below.
        archive = (
            None if archive_texts is None else tuple(sorted(archive_texts.items())),
            None if archive_hashes is None else tuple(sorted(archive_hashes.items())),
        )
        made = kept_reading(
            "sources" if archive == (None, None) else ("sources", archive),
            [(frames["sources"], None), (frames.get("lexicon"), None)],
            lambda sources, lexicon: source_columns(
                source_view(sources, archive_texts, archive_hashes, lexicon), sources
            ),
        )
        derived["sources"] = with_columns(frames["sources"], made)
    if "indicators" in frames and {"lexicon", "units"} <= frames.keys():
        indicators = frames["indicators"]
        quoted = indicators
        if wanted("quotes"):
            quoted = with_columns(
                indicators,
                wanted.made(
                    "quotes",
                    kept_row_reading(
                        "quotes",
                        indicators,
                        QUOTE_READS,
                        [
                            restricted(frames["lexicon"], QUOTE_TABLE_READS[0]),
                            restricted(frames["units"], QUOTE_TABLE_READS[1]),
                        ],
                        lambda i, lexicon, units: new_columns(quote_view(i, lexicon, units), i),
                        [None, Through("unit", unit_refs)],  # a row reads its unit's dimension's forms alone
                    ),
                ),
            )
        if "places" in frames and wanted("places named"):
            # Kept by the content of the evidence and the places' columns it reads (answers.kept_reading).
            named = kept_reading(
                "places named", [(quoted, ("evidence",)), (frames["places"], PLACES_NAMED_READS)], places_named_columns
            )
            quoted = quoted.assign(**named)
        # Both are kept by the content of the columns they read (answers.kept_reading): a second validation after
        # an edit they do not read (a note) reuses them.
        # Added column by column, not joined: a join copies every column of the view, and what is made of a column
        # (its key, its values) is kept per Arrow array (column_keys.by_array), which a copy is not.
        # An edited row's indicator is read again, not every row (kept_groups: agreement compares a figure with
        # those of its indicator alone).
        derived["indicators"] = quoted
        # The rows whose passage the archive refutes state nothing it holds: they leave the agreement when the
        # archive is given, neither corroborating nor corroborated (trial 17 m7). Without the archive, or when none
        # is refuted, the agreement reads every row, as before.
        compared = quoted
        if archive_texts is not None and "sources" in derived and (wanted("agreement") or wanted("corroboration")):
            refuted = refuted_rows(quoted, derived["sources"])
            compared = quoted[~refuted] if refuted.any() else quoted
        if wanted("agreement"):
            found = kept_reading(
                "agreement",
                [(compared, AGREEMENT_READS)],
                lambda view: kept_in_groups("agreement", view, AGREEMENT_READS, by_indicator, [], agreement),
            )
            derived["indicators"] = added(quoted, wanted.made("agreement", on_every_row(found, quoted.index)))
        if wanted("corroboration"):
            found = corroboration_of(compared, frames, grades)
            derived["indicators"] = added(
                derived["indicators"], wanted.made("corroboration", on_every_row(found, quoted.index))
            )
        if wanted("entered twice"):  # one passage of one source entered twice (figure-entered-twice), kept likewise
            twice = kept_reading("entered twice", [(quoted, REPEAT_READS)], entered_twice)
            derived["indicators"] = added(derived["indicators"], wanted.made("entered twice", twice))
        # The quotes' and the anchors' readings of a row read that row alone (and whole reference tables): kept per
        # row (answers.kept_row_reading), an edited or added row is the only one read again.
        if wanted("anchors"):
            anchored = kept_row_reading(
                "anchors",
                derived["indicators"],
                ANCHOR_READS,
                [restricted(frames.get(t), ANCHOR_TABLE_READS[t]) for t in ANCHOR_TABLES],
                lambda indicators, *tables: anchor_columns(indicators, dict(zip(ANCHOR_TABLES, tables, strict=True))),
                [ANCHOR_THROUGH.get(t) for t in ANCHOR_TABLES],
            )
            # The two that read every place or every entity alike, kept apart from the rows' own readings:
            # the local places a quote's clause names (per place and clause) and every entity's names.
            beside = kept_reading(
                "places beside",
                [
                    (derived["indicators"], PLACES_BESIDE_READS),
                    *(
                        (frames.get(t), c)
                        for t, c in zip(("places", "lexicon"), PLACES_BESIDE_TABLE_READS, strict=True)
                    ),
                ],
                places_beside_columns,
            )
            every_name = kept_reading(
                "entity names",
                [(frames.get(t), NAME_COLUMNS[t]) for t in NAME_COLUMNS],
                lambda *tables: entity_names(
                    {t: f for t, f in zip(NAME_COLUMNS, tables, strict=True) if f is not None}
                ),
            )
            anchored = {
                **anchored,
                "entity_names": pd.Series([every_name] * len(indicators), index=indicators.index, dtype=object),
                **beside,
            }
            derived["indicators"] = with_columns(derived["indicators"], wanted.made("anchors", anchored))
        # The lexicon's words that rules read on their own (a place the figure lies outside of; words that date a
        # paragraph), one value in every row, as alternations: kept answers are keyed by their whole text.
        words = lexicon_of(frames["lexicon"])
        rows = len(derived["indicators"])
        derived["indicators"] = derived["indicators"].assign(
            not_subject_words=pd.Series([outside_words(words)] * rows, index=indicators.index, dtype=object),
            dating_words=pd.Series([words.alternation("dating_word")] * rows, index=indicators.index, dtype=object),
            # The words that open a span's dating words (from, between, 自, since): which-figure's A of 'from A to B'.
            span_start_words=pd.Series([SpanWords.of(words).start_words] * rows, index=indicators.index, dtype=object),
            # The words that make a rank's number a place in an order (第, 首, 前#, top #, 231st, second).
            place_words=pd.Series([place_words(words)] * rows, index=indicators.index, dtype=object),
        )
    if "indicators" in frames and {"lexicon", "units"} <= frames.keys() and wanted("after a start"):
        words = lexicon_of(frames["lexicon"])
        derived["indicators"] = derived["indicators"].assign(
            # Whether every sentence of the evidence is a since-phrase (the lexicon's `since_word` terms): a later
            # page's words over an original, read by period-after-open-original.
            evidence_after_a_start=mapped(  # once per distinct evidence, remembered under the lexicon's content
                derived["indicators"]["evidence"],
                remembered(
                    memo("after a start", content_key(frames["lexicon"])),
                    functools.partial(speaks_from_after_a_start, own_words=OwnDateWords.of(words)),
                ),
                bool,
            ),
        )
    if (
        "indicators" in derived
        and {"period_text", "project_id"} <= set(derived["indicators"].columns)
        and wanted("editions named")
    ):
        # The event editions a figure's dating words name (首届…举办时, 第四届乌镇峰会): period-edition-named.
        # Kept by the content of the two columns, the events table and the lexicon's ordinal words
        # (answers.kept_reading): an edit of another column reads no dating words again.
        ordinals = frames.get("lexicon")
        if ordinals is not None and "category" in ordinals:
            ordinals = ordinals[ordinals["category"] == "ordinal_word"]
        editions = kept_reading(
            "editions named",
            [
                (derived["indicators"], ("period_text", "project_id")),
                (frames.get("events"), None),
                (ordinals, ("term", "category", "meaning")),
            ],
            editions_named,
        )
        derived["indicators"] = with_columns(derived["indicators"], {str(c): editions[c] for c in editions.columns})
    if {"events", "lexicon"} <= frames.keys():
        # The lexicon's length words (为期#天, #-day), one value in every row: event-dates-not-in-evidence.
        length = PeriodWords.of(lexicon_of(frames["lexicon"])).length
        days = run_words(lexicon_of(frames["lexicon"]))  # and its words of a run of days (至, and; the 22nd)
        events_ = derived["events"]
        derived["events"] = events_.assign(
            length_words=pd.Series([length] * len(events_), index=events_.index, dtype=object),
            run_words=pd.Series([days] * len(events_), index=events_.index, dtype=object),
        )
    if "lexicon" in frames:
        lexicon = frames["lexicon"]
        generic = frozenset(fold(t) for t in lexicon.loc[lexicon["category"] == "generic_name", "term"].dropna())
        for table in ("enterprises", "projects"):
            if table in frames:
                names = pd.Series([generic] * len(frames[table]), index=frames[table].index, dtype=object)
                derived[table] = frames[table].assign(generic_names=names)
    if {"units", "lexicon"} <= frames.keys() and "written_forms" in frames["units"]:
        # The scale each unit's written forms state, by the lexicon's scale words (unit-scale-written).
        # Kept by the content of both tables (answers.kept_reading): an edit of another table reads no form again.
        scales = kept_reading("unit scales", [(frames["units"], None), (frames["lexicon"], None)], stated_scales)
        derived["units"] = derived.get("units", frames["units"]).assign(**{c: scales[c] for c in scales.columns})
        # The conversions the lexicon states between units (unit-conversion-written), kept the same way.
        conflicts = kept_reading(
            "unit conversions", [(frames["units"], None), (frames["lexicon"], None)], conversion_conflicts
        )
        derived["units"] = derived["units"].assign(conversion_conflict=conflicts)
    if "projects" in frames and "parent_id" in frames["projects"]:
        derived["projects"] = derived.get("projects", frames["projects"]).assign(
            part_names=part_names(frames["projects"])
        )
    derived = identity_columns(frames, derived, grade_order() if grades is None else grades, wanted)
    out = {}
    looked_up: dict[tuple[str, str], tuple[pd.Index, np.ndarray]] = {}
    for table, frame in derived.items():
        if tables_lacking(table, needs, keys, derived.keys()):
            continue
        if table == "indicators" and not {"lexicon", "units"} <= frames.keys():
            continue
        out[table] = with_joins(table, frame, needs.get(table, []), derived, keys, looked_up)
    return out


def on_every_row(columns: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """Columns read of some of the rows, on every row of `index`: a row left out has none (None, <NA>), as a row
    with no finding has."""
    if columns.index.equals(index):
        return columns
    out = columns.reindex(index)
    return out.assign(**{str(c): out[c].where(out[c].notna(), None) for c in out.columns if out[c].dtype == object})


def added(frame: pd.DataFrame, columns: pd.DataFrame) -> pd.DataFrame:
    """frame.join(columns) for columns of new names on the same rows, the frame's own columns left as they are."""
    clash = frame.columns.intersection(columns.columns)
    if len(clash) or not columns.index.equals(frame.index):
        return frame.join(columns)  # what a join says of these (an error for a clash), as before
    return with_columns(frame, {str(c): columns[c] for c in columns.columns})


ANCHOR_READS = (
    "enterprise_id", "event_id", "evidence", "indicator", "period_text", "place_id", "project_id", "source_id",
    "unit", "value_text",
)  # fmt: skip
# The columns the anchors read of each reference table (traced by tests/test_kept_answers.py): the tables are keyed
# by these alone, so an edit of another column (a source's title, a unit's label) reads no row's anchors again.
ANCHOR_TABLE_READS: dict[str, tuple[str, ...] | None] = {
    "indicator_definitions": ("dimension", "indicator", "measure", "required_words", "subject", "written_forms"),
    "units": ("dimension", "unit", "written_forms"),
    "lexicon": ("category", "meaning", "term"),
    "places": ("aliases", "level", "name", "name_zh", "place_id"),
    "sources": ("original_published", "published", "source_id", "written_after", "written_before"),
    "enterprises": ("aliases", "enterprise_id", "name", "name_zh"),
    "projects": ("aliases", "name", "name_zh", "project_id"),
}
ANCHOR_TABLES = tuple(ANCHOR_TABLE_READS)
# The tables the anchors read through each row's key (semantics/row_references.py): a row reads its source's dates,
# its indicator's forms and neighbours, and its unit's dimension and forms, and of every unit alike only the forms
# by dimension; kept so, a renamed or broken key of these reads again only the rows whose reading of it changed.
# A row reads its subject's names through its enterprise, project or place; every local place a quote's clause
# names (places_beside) and every entity's names are readings of their own, so a places row edited reads no anchor.
ANCHOR_THROUGH: dict[str, Through] = {
    "indicator_definitions": Through("indicator", definition_refs),
    "units": Through("unit", rows_by("unit"), unit_forms_read),
    "sources": Through("source_id", rows_by("source_id")),
    "places": Through("place_id", rows_by("place_id")),
    # and every enterprise's and project's names alike: a figure beside another entity's name (subject beside)
    "enterprises": Through(
        "enterprise_id", rows_by("enterprise_id"), lambda t: table_names({"enterprises": t})["enterprises"]
    ),
    "projects": Through("project_id", rows_by("project_id"), lambda t: table_names({"projects": t})["projects"]),
}


def restricted(frame: pd.DataFrame | None, columns: Sequence[str] | None) -> pd.DataFrame | None:
    """The frame's `columns` that it has (all of them for None; None for no frame): what a reading keyed by them
    may read, so that another column is a KeyError, never a silently stale answer."""
    if frame is None or columns is None:
        return frame
    return frame[[c for c in columns if c in frame.columns]]


def new_columns(out: pd.DataFrame, frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The columns of `out` that `frame` has not: what a view function added."""
    return {str(c): out[c] for c in out.columns if c not in frame.columns}


def anchor_columns(indicators: pd.DataFrame, tables: dict[str, pd.DataFrame | None]) -> dict[str, pd.Series]:
    """The columns anchor_view adds, of the tables that are loaded."""
    frames = {name: frame for name, frame in tables.items() if frame is not None}
    return new_columns(anchor_view(indicators, frames), indicators)


def places_named_columns(indicators: pd.DataFrame, places: pd.DataFrame) -> dict[str, pd.Series]:
    """`places_named` (the local places each evidence names) and `places_named_text` (their ids, listed)."""
    named = places_named(indicators["evidence"], places)
    codes, listed = per_distinct_rows(
        # A places row whose id the reader refused (a bad byte) names no id: left out, never crashed on.
        [named],
        lambda n: ", ".join(sorted(i for i in n if isinstance(i, str))) if isinstance(n, frozenset) else None,
    )
    return {"places_named": named, "places_named_text": spread(codes, listed, indicators.index, "string")}


def part_names(projects: pd.DataFrame) -> pd.Series:
    """For each project, the names of its parts (the projects whose parent_id it is), `|`-separated, or <NA>.

    Why: words that name a part name the whole it belongs to (分为东栅和西栅两个景区 speaks of the scenic area whose
    sections 东栅 and 西栅 are), which a rule reading only the project's own names cannot see.
    """
    parts: dict[str, list[str]] = {}
    for parent, *written in zip(
        projects["parent_id"], projects["name"], projects["name_zh"], projects["aliases"], strict=True
    ):
        if isinstance(parent, str):
            parts.setdefault(parent, []).extend(names_of(*written))
    listed = ["|".join(parts[p]) if isinstance(p, str) and p in parts else None for p in projects["project_id"]]
    return pd.Series(listed, index=projects.index, dtype="string")
