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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..core.exceptions import TDEError
from ..core.paths import package_dir
from ..io.arrays import arrow_of
from ..io.load import decimal_text
from ..schema.descriptor import grade_order, read_descriptor, resource, table_names, table_schema
from ..schema.keys import foreign_keys as declared
from ..text.clause_words import SpanWords, place_words
from ..text.fold import fold, names_in, names_of, squeeze
from ..text.own_dates import (
    OwnDateWords,
    event_days_written,
    own_dates_written,
    speaks_from_after_a_start,
    speaks_of_it_as_future,
)
from ..text.period_lexicon import PeriodWords
from ..text.period_words import first_days_named, last_days_bound
from ..text.periods import iso_day, open_before, publication_bounds, words_read_at
from ..text.quantities import cut_from, read, status_cues, unit_reading, written_forms
from .anchors import anchor_view, outside_words
from .answers import KEPT_ROWS, by_arrays, kept_reading, kept_row_reading
from .claims import and_some, and_some_terms, conflicts, intervals, nearly, nearly_terms
from .distinct import content_key, lexicon_of, mapped, memo, per_distinct_rows, quiet_floats, remembered, spread
from .editions_named import editions_named
from .identity import MAX_LISTED, identity_columns
from .kept_groups import by_indicator, kept_in_groups
from .repeats import REPEAT_READS, entered_twice
from .roles import ROLE_TABLE_READS, corroboration
from .rules.events import run_words
from .unit_conversions import conversion_conflicts
from .unit_scales import stated_scales
from .wanted import Wanted

ForeignKeys = dict[str, dict[str, tuple[str, str]]]  # table -> field -> (referenced table, referenced field)


def join_keys(schemas: dict[str, dict[str, Any]]) -> ForeignKeys:
    """The single-field foreign keys the tables' schemas declare (read by the reader's one parser of them)."""
    out: ForeignKeys = {}
    for name, schema in schemas.items():
        for fields, other, ref_fields in declared(schema):
            if len(fields) == 1 and len(ref_fields) == 1:
                out.setdefault(name, {})[fields[0]] = (other or name, ref_fields[0])
    return out


def foreign_keys(path: str | Path | None = None) -> ForeignKeys:
    """The single-field foreign keys of the package at `path`, its schemas read from their files."""
    base = package_dir(path)
    descriptor = read_descriptor(base)
    schemas = {}
    for name in table_names(descriptor):
        try:
            schemas[name] = table_schema(base, resource(descriptor, name))
        except TDEError:  # a broken schema is reported by the structure layer; its table's joins are left out
            continue
    return join_keys(schemas)


def keyed(frame: pd.DataFrame, key: str) -> tuple[pd.Index, np.ndarray]:
    """The distinct keys of `frame` (missing ones left out) and, for each, the position of its first row (the key
    rules report a repeated key): a join's look-up, made without copying the frame's other columns."""
    index = pd.Index(frame[key])
    first = ~index.duplicated() & index.notna()
    return index[first], np.flatnonzero(first)


def per_distinct(values: pd.Series, compute: Callable[[Any], Any], dtype: Any = None) -> pd.Series:
    """compute(value) for each distinct value of the series, spread back over its rows (missing stays missing)."""
    distinct = values.dropna().unique()
    table = {value: compute(value) for value in distinct}
    out = values.map(table)
    return out.astype(dtype) if dtype else out


def with_joins(
    table: str,
    frame: pd.DataFrame,
    needs: Iterable[str],
    sources: dict[str, pd.DataFrame],
    keys: ForeignKeys,
    looked_up: dict[tuple[str, str], tuple[pd.Index, np.ndarray]] | None = None,
) -> pd.DataFrame:
    """`frame` with each needed `field.column` of the referenced table added as `field__column`.

    `looked_up`: each referenced table's keys, made once however many tables (one views() call) refer to it."""
    added: dict[str, pd.Series] = {}
    indexed = {} if looked_up is None else looked_up  # each referenced table keyed once, not once per column
    positions_of: dict[tuple[str, str, str], np.ndarray] = {}  # each foreign key's rows looked up once
    for need in sorted(set(needs)):
        field, _, column = need.partition(".")
        target, ref_field = keys.get(table, {}).get(field, (None, None))
        if target is None or target not in sources or column not in sources[target].columns:
            continue
        # A hash join by position: the referenced column keeps its own type, <NA> where nothing is referred to.
        if (field, target, str(ref_field)) not in positions_of:
            positions_of[(field, target, str(ref_field))] = join_positions(
                frame[field], (target, sources[target]), str(ref_field), indexed
            )
        positions = positions_of[(field, target, str(ref_field))]
        taken = sources[target][column]
        take = functools.partial(taken.array.take, positions, allow_fill=True)
        arrows = [arrow_of(c) for c in (frame[field], sources[target][str(ref_field)], taken)]
        # The same arrays as a join made before: the same taken array (a copy shares it), whose keys are kept; a
        # table too large to keep answers for (answers.KEPT_ROWS) keeps no joins either.
        kept = len(frame) <= KEPT_ROWS and all(a is not None for a in arrows)
        values = by_arrays("join", arrows, take).copy() if kept else take()
        added[f"{field}__{column}"] = pd.Series(values, index=frame.index, name=f"{field}__{column}")
    return frame.assign(**added) if added else frame


def join_positions(
    referring: pd.Series,
    target: tuple[str, pd.DataFrame],
    ref_field: str,
    indexed: dict[tuple[str, str], tuple[pd.Index, np.ndarray]],
) -> np.ndarray:
    """The row of the `target` table (its name and frame) each value of `referring` refers to by `ref_field` (its
    first row of that key; -1 where it refers to nothing), made once per pair of Arrow arrays (answers.by_arrays)
    where both columns are; `indexed`: each referenced table's keys, made once per views() call."""
    name, table = target

    def positions() -> np.ndarray:
        if (name, ref_field) not in indexed:
            indexed[(name, ref_field)] = keyed(table, ref_field)
        distinct, rows = indexed[(name, ref_field)]
        found = distinct.get_indexer(pd.Index(referring.astype(object).where(referring.notna(), None)))
        made = np.full(len(found), -1, dtype=np.intp)  # -1: refers to nothing (also when nothing is there)
        hit = found >= 0
        made[hit] = rows[found[hit]]
        made.flags.writeable = False  # kept and shared: nobody may change it
        return made

    arrows = [arrow_of(referring), arrow_of(table[ref_field])]
    kept = len(referring) <= KEPT_ROWS and all(a is not None for a in arrows)
    return by_arrays("positions", arrows, positions) if kept else positions()


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
        derived["sources"] = frames["sources"].assign(**made)
    if "indicators" in frames and {"lexicon", "units"} <= frames.keys():
        indicators = frames["indicators"]
        quoted = indicators
        if wanted("quotes"):
            quoted = indicators.assign(
                **wanted.made(
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
                    ),
                )
            )
        if "places" in frames and wanted("places named"):
            named = places_named(quoted["evidence"], frames["places"])
            codes, listed = per_distinct_rows(
                # A places row whose id the reader refused (a bad byte) names no id: left out, never crashed on.
                [named],
                lambda n: ", ".join(sorted(i for i in n if isinstance(i, str))) if isinstance(n, frozenset) else None,
            )
            shown = spread(codes, listed, quoted.index, "string")
            quoted = quoted.assign(places_named=named, places_named_text=shown)
        # Both are kept by the content of the columns they read (answers.kept_reading): a second validation after
        # an edit they do not read (a note) reuses them.
        # Added column by column, not joined: a join copies every column of the view, and what is made of a column
        # (its key, its values) is kept per Arrow array (answers.by_array), which a copy is not.
        # An edited row's indicator is read again, not every row (kept_groups: agreement compares a figure with
        # those of its indicator alone).
        derived["indicators"] = quoted
        if wanted("agreement"):
            derived["indicators"] = added(
                quoted,
                wanted.made(
                    "agreement",
                    kept_reading(
                        "agreement",
                        [(quoted, AGREEMENT_READS)],
                        lambda view: kept_in_groups("agreement", view, AGREEMENT_READS, by_indicator, [], agreement),
                    ),
                ),
            )
        if wanted("corroboration"):
            found = wanted.made("corroboration", corroboration_of(quoted, frames, grades))
            derived["indicators"] = added(derived["indicators"], found)
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
            )
            derived["indicators"] = derived["indicators"].assign(**wanted.made("anchors", anchored))
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
        derived["indicators"] = derived["indicators"].assign(**{c: editions[c] for c in editions.columns})
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


def tables_lacking(
    table: str, needs: Mapping[str, Collection[str]], keys: ForeignKeys, loaded: Collection[str]
) -> set[str]:
    """The tables `table`'s rules read through its foreign keys (`needs`) that did not load: views() leaves such a
    table out, and the validation says which (validation.run_rules), never silently (trial 16 W3)."""
    read = {keys.get(table, {}).get(n.partition(".")[0], ("", ""))[0] for n in needs.get(table, [])}
    return read - {""} - set(loaded)


def added(frame: pd.DataFrame, columns: pd.DataFrame) -> pd.DataFrame:
    """frame.join(columns) for columns of new names on the same rows, the frame's own columns left as they are."""
    clash = frame.columns.intersection(columns.columns)
    if len(clash) or not columns.index.equals(frame.index):
        return frame.join(columns)  # what a join says of these (an error for a clash), as before
    return frame.assign(**{str(c): columns[c] for c in columns.columns})


def corroboration_of(
    indicators: pd.DataFrame, frames: dict[str, pd.DataFrame], grades: Sequence[str] | None
) -> pd.DataFrame:
    """The view's `corroborated_by` and `corroborating_sources` (corroborated), kept by the content of what the
    roles read; none when a table they read did not load (no finding is made of a package that cannot be read)."""
    tables = [frames.get(t) for t in CORROBORATION_TABLE_READS]
    if any(t is None for t in tables):
        empty = pd.Series([None] * len(indicators), index=indicators.index, dtype=object)
        return pd.DataFrame({"corroborated_by": empty.astype("string"), "corroborating_sources": empty})
    order = tuple(grade_order() if grades is None else grades)
    # A series is one indicator's (and subject's and status'): an edited row's indicator is read again (kept_groups).
    return kept_reading(
        ("corroboration", order),
        [(indicators, CORROBORATION_READS), *zip(tables, CORROBORATION_TABLE_READS.values(), strict=True)],
        lambda i, *read: kept_in_groups(
            ("corroboration", order),
            i,
            CORROBORATION_READS,
            by_indicator,
            read,
            lambda part, s, d, u, x: corroborated(part, s, d, u, x, order),
        ),
    )


# The columns agreement and anchor_view read, of the indicators view and of each table (None: the whole table; the
# reference tables are small and read whole, only the indicators are restricted): they run on frames restricted to
# these, and tests/test_kept_answers.py traces that they read no other column of the indicators.
AGREEMENT_READS = (
    "and_some", "base_unit", "enterprise_id", "indicator", "nearly", "observation_id", "period_end", "period_start",
    "place_id", "project_id", "qualifier", "source_id", "status", "unit", "value", "value_base", "value_text",
    "value_upper", "value_denominator",
)  # fmt: skip
# What the roles read of the indicators (semantics.roles, claims.statements): an edit of any other column (a note,
# the evidence) keeps the corroboration read before. `and_some`, `nearly` and `text_date` are made anew by the roles
# (named here because a frame that has them is read after they are set: tests/test_kept_answers.py traces reads).
CORROBORATION_READS = (
    "and_some", "base_unit", "enterprise_id", "event_id", "indicator", "nearly", "observation_id", "period_basis",
    "period_end", "period_start", "period_text", "place_id", "project_id", "qualifier", "source_id", "status",
    "text_date", "unit", "value", "value_base", "value_denominator", "value_text", "value_upper",
)  # fmt: skip
# What the roles read of each reference table, in the order corroborated takes them (traced likewise): a source's
# title or a unit's written forms edited reads no series again.
CORROBORATION_TABLE_READS: dict[str, tuple[str, ...]] = {
    "sources": ROLE_TABLE_READS["sources"],
    "indicator_definitions": ROLE_TABLE_READS["indicator_definitions"],
    "units": ROLE_TABLE_READS["units"],
    "lexicon": ("category", "meaning", "term"),  # claims.period_words asks for all three (the text's own day)
}
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


# What quote_view reads of the lexicon and of the units (traced likewise; `meaning` is read by the Lexicon that
# distinct.lexicon_of keeps, which the trace does not see): a unit's label edited reads no quote again.
QUOTE_TABLE_READS = (("category", "meaning", "term"), ("dimension", "unit", "written_forms"))
QUOTE_READS = ("evidence", "qualifier", "unit", "value", "value_denominator", "value_text", "value_upper")


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


def source_view(
    sources: pd.DataFrame,
    archive_texts: dict[str, str | None] | None,
    archive_hashes: dict[str, str] | None,
    lexicon_frame: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Sources with their archived file's presence, hash and squeezed text, their publication bounds, and what
    the words that bound a text's date say (the days they name; whether a plan's or future's word is there)."""
    files = sources["archive_file"]
    bounds = [publication_bounds(p) for p in sources["published"]]
    texts = archive_texts or {}
    return sources.assign(**written_bound_words(sources, lexicon_frame)).assign(
        archive_present=[archive_texts is not None and f in texts for f in files],
        archive_sha256_actual=pd.Series([(archive_hashes or {}).get(f) for f in files], dtype="string"),
        # Each text is squeezed once here, not once per evidence span that is looked up in it.
        archive_raw=pd.Series([texts.get(f) for f in files], index=sources.index, dtype=object),
        archive_text=pd.Series(
            [squeeze(texts[f]) if texts.get(f) is not None else None for f in files], index=sources.index, dtype=object
        ),
        published_earliest=pd.to_datetime(pd.Series([b[0] for b in bounds], index=sources.index, dtype=object)),
        published_latest=pd.to_datetime(pd.Series([b[1] for b in bounds], index=sources.index, dtype=object)),
        published_days=text_own_days(sources, texts if archive_texts is not None else None, lexicon_frame),
    )


def text_own_days(
    sources: pd.DataFrame, texts: dict[str, str | None] | None, lexicon_frame: pd.DataFrame | None
) -> pd.Series:
    """For a source dated by its text (`published_basis` text), the days its archived text states as its own
    (`YYYY-MM-DD, ...`; "none" when it states none), read by the one reader of a text's own date
    (`own_dates_written`: a dateline, a time stamp, a date under a label such as "Updated :"), against the page's
    date as recorded. A repost's words that state its original's date (within `original_published`) are the
    original's, not the page's, and are left out (read in the page's year too: 11月10日电 on a page of 2024-11-27 is
    no 2024-11-10 of the page's), unless the page is dated by its original (`published` within
    `original_published`). <NA> without the archive, for another basis, or
    without a text: what `published-not-in-text` compares `published` with (trial 8 U4)."""
    missing = pd.Series(pd.NA, index=sources.index, dtype="string")
    if texts is None or lexicon_frame is None or "published_basis" not in sources:
        return missing  # without the lexicon's words no dateline is read: nothing to compare (trial 15 W5)
    lexicon = lexicon_of(lexicon_frame) if lexicon_frame is not None else None
    events = lexicon.patterns.get("event_word") if lexicon is not None else None
    own_words = OwnDateWords.of(lexicon)  # datelines, date labels and since-phrases: the lexicon's words
    originals = sources.get("original_published", missing).astype(object)
    original_words = sources.get("original_published_text", missing).astype(object)
    out: list[str | None] = []
    columns = (sources["archive_file"], sources["published"], sources["published_basis"], originals, original_words)
    for file, published, basis, original, said in zip(*columns, strict=True):
        text = texts.get(file) if isinstance(file, str) else None
        if not isinstance(basis, str) or basis != "text" or not isinstance(text, str) or not isinstance(published, str):
            out.append(None)
            continue
        low, high = publication_bounds(original) if isinstance(original, str) else (None, None)
        page = publication_bounds(published)[0]
        # the original's days, unless the page is dated by its original (published within original_published)
        theirs = low is not None and high is not None and not (page is not None and low <= page <= high)
        # the original's dateline read in the page's year (11月10日电 on a page of 2024-11-27 as 2024-11-10) is no
        # day of the page's either
        misread = own_dates_written(said, published, events, own_words) if theirs else frozenset()
        days = sorted(
            d
            for d in own_dates_written(text, published, events, own_words)
            if d not in misread
            and not (theirs and low is not None and high is not None and low <= pd.Timestamp(d) <= high)
        )
        out.append(", ".join(iso_day(d) for d in days) or "none")
    return pd.Series(out, index=sources.index, dtype="string")


def source_columns(view: pd.DataFrame, sources: pd.DataFrame) -> dict[str, pd.Series]:
    """The columns source_view sets (all of them, as it sets them): read off the view, so a column it gains is kept
    too (a list of them here once forgot `original_published_days`, and kept answers went stale)."""
    return {c: view[c] for c in view.columns if c not in sources.columns}


NOT_ASKED = "not asked (a closed date)"  # original_published_forward of an original that is not an open start


def written_bound_words(sources: pd.DataFrame, lexicon_frame: pd.DataFrame | None) -> dict[str, pd.Series]:
    """For `written_after_text`: the first days of the periods the words name; for `written_before_text`: the days
    the words bound the text by (a point day's or an event's first day, a planned span's day after its last:
    `text.period_words.last_days_bound`). Both as `written_*_days` (`YYYY-MM-DD, ...`, read against the text's date
    as written: the original's, else the page's); and, for `written_before_text`, whether a word of a plan or a
    future is among them (`written_before_cued`: the lexicon's target cues, 将, 计划, plans to, will; <NA> without
    a lexicon). For `original_published_text`: the first days of the dates the words state as the text's own (a
    dateline, a time stamp, 'Today (April 2)'), read against the page's date, or, for an original known only to be
    of before a day (`../YYYY-MM-DD`), the first days of the events they name (`original_published_days`) and
    the word by which they speak of it as to come (`original_published_forward`: quoted, "none", or NOT_ASKED
    for a closed date). None of them without a lexicon (missing, or a row of it malformed): the words that date a text
    are the lexicon's, and read without them a correct row's dateline is no date, 6 false errors (trial 15 W5); the
    rules that read them pass, and the lexicon's `rules-not-run` error says they did not run."""
    out: dict[str, pd.Series] = {}
    if lexicon_frame is None:
        return out
    missing = pd.Series(pd.NA, index=sources.index, dtype="string")
    own = sources["published"].astype("string") if "published" in sources else missing
    if "original_published" in sources:
        own = sources["original_published"].astype("string").fillna(own)
    lexicon = lexicon_of(lexicon_frame) if lexicon_frame is not None else None
    events = lexicon.patterns.get("event_word") if lexicon is not None else None
    own_words = OwnDateWords.of(lexicon)  # datelines, date labels and since-phrases: the lexicon's words
    period_words = PeriodWords.of(lexicon)  # the text's own day (目前) and parts of a year: the lexicon's words
    for side in ("after", "before"):
        words = sources.get(f"written_{side}_text", missing)
        named = [
            ", ".join(
                iso_day(d)
                for d in sorted(
                    first_days_named(w, p, period_words)
                    if side == "after"
                    else last_days_bound(w, p, events, period_words)
                )
            )
            if isinstance(w, str)
            else None
            for w, p in zip(words.astype(object), own.astype(object), strict=True)
        ]
        out[f"written_{side}_days"] = pd.Series(named, index=sources.index, dtype="string")
    # The words that date an original (a repost's dateline, 'Today (April 2)') are read against the original's date
    # where it is a closed date (a year-less dateline is written in the original's year, not the page's: 新华社杭州
    # 11月10日电 on a page of 2024-11-27 is 2023-11-10), else the page's; for an original known only to be of before
    # an event (`../YYYY-MM-DD`), the first days of the events they name.
    page = sources["published"].astype("string") if "published" in sources else missing
    words = sources.get("original_published_text", missing)
    original = sources.get("original_published", missing).astype(object)

    def days_of(w: object, p: object, o: object) -> str | None:
        if not isinstance(w, str):
            return None
        if open_before(o) is not None:
            found = event_days_written(w, p, events)
        else:
            found = own_dates_written(w, words_read_at(p, o), events, own_words)
        return ", ".join(iso_day(d) for d in sorted(found)) or "none"

    out["original_published_days"] = pd.Series(
        [days_of(w, p, o) for w, p, o in zip(words.astype(object), page.astype(object), original, strict=True)],
        index=sources.index,
        dtype="string",
    )
    # An open-start original must speak of the event as to come (the lexicon's `forward_word` terms, outside any
    # sentence with a since-phrase): naming the event's date alone proves nothing about before it (review 6 F1).
    forward = lexicon.patterns.get("forward_word") if lexicon is not None else None

    def forward_of(w: object, o: object) -> str | None:
        if not isinstance(w, str):
            return None
        if open_before(o) is None:
            return NOT_ASKED
        word = speaks_of_it_as_future(w, forward, own_words)
        return repr(word) if word is not None else "none"

    out["original_published_forward"] = pd.Series(
        [forward_of(w, o) for w, o in zip(words.astype(object), original, strict=True)],
        index=sources.index,
        dtype="string",
    )
    words = sources.get("written_before_text", missing)
    cued = [
        "target" in status_cues(w, lexicon) if isinstance(w, str) and lexicon is not None else pd.NA
        for w in words.astype(object)
    ]
    out["written_before_cued"] = pd.Series(cued, index=sources.index, dtype="boolean")
    return out


def quote_view(indicators: pd.DataFrame, lexicon_frame: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Indicators with the reading of each `value_text` and the status cues of each `evidence`.

    Every reading runs once per distinct input (a quote; a quote and its unit; a quote and its evidence; an
    evidence span; a value, upper bound and denominator) and is spread back over the rows by one take, so a view
    of 10^6 rows repeating a few thousand quotes reads a few thousand quotes.
    """
    lexicon = lexicon_of(lexicon_frame)
    index = indicators.index
    key = content_key(lexicon_frame, units)
    dimension_of = dict(zip(units["unit"], units["dimension"], strict=False))
    forms = written_forms(units)

    def read_quote(text: object) -> tuple[Any, ...]:
        r = read(text, lexicon) if isinstance(text, str) else None
        return (None,) * 5 if r is None else (r.describe(), r.numbers, r.qualifiers, r.is_range, r.shape)

    reading = remembered(memo("reading", key), read_quote)

    codes, readings = per_distinct_rows([indicators["value_text"]], reading)
    fields: list[list[Any]] = [list(f) for f in zip(*readings, strict=True)] if readings else [[]] * 5
    describe, numbers, qualifiers, ranged, shape = (spread(codes, f, index) for f in fields)

    def in_unit(text: object, unit: object) -> tuple[str | None, str]:
        shape = reading(text)[4]
        dimension = dimension_of.get(unit) if isinstance(unit, str) else None
        if not isinstance(shape, str) or not isinstance(dimension, str):
            return (None, "")
        written, rest = unit_reading(shape, forms.get(dimension, {}))
        left = ", ".join(m[0] for m, _ in lexicon.find("unit_word", rest)) if written else ""
        return ("|".join(written), left)

    in_unit = remembered(memo("unit", key), in_unit)
    codes, unit_answers = per_distinct_rows([indicators["value_text"], indicators["unit"]], in_unit)
    written = spread(codes, [w for w, _ in unit_answers], index, "string")
    left = spread(codes, [x for _, x in unit_answers], index, "string")

    def cut(text: object, evidence: object) -> str | None:
        return cut_from(text, evidence, lexicon) if isinstance(text, str) and isinstance(evidence, str) else None

    cut = remembered(memo("cut", key), cut)
    codes, cuts = per_distinct_rows([indicators["value_text"], indicators["evidence"]], cut)
    cue = remembered(memo("cues", key), lambda e: status_cues(e, lexicon) if isinstance(e, str) else None)
    codes_e, cues = per_distinct_rows([indicators["evidence"]], cue)
    number = [indicators["value"], indicators["value_upper"], indicators["value_denominator"]]
    codes_v, claims_text = per_distinct_rows(number, claim_text)
    return indicators.assign(
        value_text_reading=describe.astype("string"),
        read_numbers=numbers,
        read_qualifiers=qualifiers,
        read_range=ranged,
        read_shape=shape,
        value_claim=spread(codes_v, claims_text, index, "string"),
        read_units=written,
        written_in=written.where(written.fillna("") != "", "no unit word").astype("string"),
        unit_words_left=left,
        # for messages: the words left unread, said only when there are some (never an empty "()")
        unit_words_unread=left.map(lambda x: f" (words left unread: {x})" if isinstance(x, str) and x else "")
        .fillna("")
        .astype("string"),
        quote_cut=spread(codes, cuts, index, "string"),
        evidence_cues=spread(codes_e, cues, index),
        and_some=and_some(indicators["value_text"], indicators["qualifier"], and_some_terms(lexicon_frame)),
        nearly=nearly(indicators["value_text"], indicators["qualifier"], nearly_terms(lexicon_frame)),
    )


# Places at or below a county: naming one of these says which subject a figure is about (naming China does not).
LOCAL_LEVELS = ("county", "town", "subdistrict", "zone", "park")


def places_named(evidence: pd.Series, places: pd.DataFrame) -> pd.Series:
    """For each evidence span, the local places it names (name, Chinese name or an alias), once per distinct span."""
    local = places[places["level"].isin(LOCAL_LEVELS)]
    names = {
        p: names_of(n, z, a)
        for p, n, z, a in zip(local["place_id"], local["name"], local["name_zh"], local["aliases"], strict=True)
    }
    named = remembered(
        memo("places", content_key(local)), lambda e: frozenset(p for p, listed in names.items() if names_in(e, listed))
    )
    return per_distinct(evidence, named)


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


def claim_text(value: object, upper: object, denominator: object) -> str:
    """A row's number as a person reads it: 108.86, 3 to 5, or 1/3."""
    text = decimal_text(value) or "no value"
    if decimal_text(upper):
        return f"{text} to {decimal_text(upper)}"
    if decimal_text(denominator):
        return f"{text}/{decimal_text(denominator)}"
    return text


# --- agreement between sources: one pass of groupby, linear in rows ------------------------------------------

SAME_THING = [
    "indicator",
    "place_id",
    "enterprise_id",
    "project_id",
    "period_start",
    "period_end",
    "status",
    "base_unit",
]


def groups(view: pd.DataFrame) -> pd.Series:
    """Each dated row's group: what it measures (indicator, subject, period, status, base unit); NA if undated."""
    text = view[SAME_THING].astype("string").fillna("")
    group = text[SAME_THING[0]]
    for column in SAME_THING[1:]:
        group = group + "|" + text[column]
    return group.where(view["period_end"].notna())


def listing(keys: pd.Series, items: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per key: the first MAX_LISTED items and how many more (bounded text), and every item (a tuple, shared by
    the key's rows, so memory stays linear however many rows agree)."""
    frame = pd.DataFrame({"key": keys, "item": items.astype("string")}).dropna()
    if not len(frame):
        return pd.Series(dtype="string"), pd.Series(dtype=object)
    by_key = frame.groupby("key", sort=False)["item"]
    every = frame["item"].to_numpy(dtype=object)
    positions = frame.groupby("key", sort=False).indices
    complete = pd.Series([every[p] for p in positions.values()], index=list(positions), dtype=object)
    head = frame.groupby("key", sort=False).head(MAX_LISTED).groupby("key", sort=False)["item"].agg(", ".join)
    more = by_key.size() - MAX_LISTED
    text = head + more.map(lambda n: f" and {n} more" if n > 0 else "")
    return text.astype("string"), complete


def agreement(view: pd.DataFrame) -> pd.DataFrame:
    """Per row: the rows of its group whose claims cannot be the same figure as its own (claims.conflicts), and the
    other sources that state its claim alike; listed (bounded, for messages) and complete (tuples)."""
    group = groups(view)
    clash = conflicts(group, intervals(view))
    # Each figure as its source writes it (value_text), so that 'nearly 100' and 'more than 100' read apart.
    codes, texts = per_distinct_rows([view["value"]], lambda v: decimal_text(v) or "")
    written = spread(codes, texts, view.index, "string")
    written = written + " " + view["unit"].astype("string").fillna("")
    shown = view["value_text"].astype("string").fillna(written) if "value_text" in view else written
    involved = group.where(clash)
    text, _ = listing(involved, view["observation_id"].astype("string") + " (" + shown + ")")
    _, id_tuples = listing(involved, view["observation_id"])
    return pd.DataFrame(
        {
            "conflict_with": pd.Series(per_key(involved, text), index=view.index, dtype="string"),
            "conflicting_ids": pd.Series(per_key(involved, id_tuples), index=view.index, dtype=object),
        },
        index=view.index,
    )


def corroborated(
    indicators: pd.DataFrame,
    sources: pd.DataFrame,
    definitions: pd.DataFrame,
    units: pd.DataFrame,
    lexicon: pd.DataFrame,
    grades: Sequence[str],
) -> pd.DataFrame:
    """Per row: the sources that state its figure alike, as `series` reads agreement (semantics.roles: the period's
    preferred figure and those whose intervals meet it, across units of one base: 355, 350多 and 300多 enterprises;
    1141.69亿元 and 114.2 billion yuan), listed (bounded, for messages) and complete (a tuple shared by the
    agreement's rows). Trial 8 U2: the rule compared exact claims and counted 86 where `series` showed 91."""
    found = corroboration(indicators, sources, definitions, units, lexicon, grades)
    listed: dict[int, str] = {}  # one text per agreement: its rows share one tuple (by identity)

    def shown(t: object) -> str | None:
        if not isinstance(t, tuple):
            return None
        if id(t) not in listed:
            listed[id(t)] = ", ".join(t[:MAX_LISTED]) + (
                f" and {len(t) - MAX_LISTED} more" if len(t) > MAX_LISTED else ""
            )
        return listed[id(t)]

    text = [shown(t) for t in found]
    return pd.DataFrame(
        {
            "corroborated_by": pd.Series(text, index=indicators.index, dtype="string"),
            "corroborating_sources": found,
        },
        index=indicators.index,
    )


def per_key(keys: pd.Series, table: pd.Series) -> np.ndarray:
    """table[key] for each row (None where the key is missing or not in the table), as references: a group's one
    list object is shared by its rows, never copied per row (pandas' map would build one list per row)."""
    values = np.empty(len(table) + 1, dtype=object)
    values[: len(table)] = table.to_numpy(dtype=object)
    values[len(table)] = None
    positions = pd.Index(table.index).get_indexer(pd.Index(keys.astype(object)))
    found: np.ndarray = values[positions]  # -1, a missing key, is the last: None
    return found


# Derived columns and the row's own fields they come from: a rule reading one is held back, like a rule reading
# the field itself, where the reader refused that field's cell (validation.inputs_of).
CLAIM = ("value", "value_upper", "value_denominator", "qualifier", "unit")
# What the roles read besides (semantics.roles): the ranking's source and date, restatements' words, editions.
ROLE_FIELDS = ("source_id", "observation_id", "value_text", "period_basis", "period_text", "event_id")
DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "value_text_reading": ("value_text",),
    "read_numbers": ("value_text",),
    "read_qualifiers": ("value_text",),
    "read_range": ("value_text",),
    "read_shape": ("value_text",),
    "value_claim": ("value", "value_upper", "value_denominator"),
    "read_units": ("value_text", "unit"),
    "written_in": ("value_text", "unit"),
    "unit_words_left": ("value_text", "unit"),
    "unit_words_unread": ("value_text", "unit"),
    "quote_cut": ("value_text", "evidence"),
    "evidence_cues": ("evidence",),
    "places_named": ("evidence",),
    "places_named_text": ("evidence",),
    "value_base": ("value", "unit", "value_denominator"),
    "base_unit": ("unit",),
    "conflict_with": (*SAME_THING, *CLAIM, "value_text", "observation_id"),
    "conflicting_ids": (*SAME_THING, *CLAIM, "observation_id"),
    "corroborated_by": (*SAME_THING, *CLAIM, *ROLE_FIELDS),
    "corroborating_sources": (*SAME_THING, *CLAIM, *ROLE_FIELDS),
    "entered_twice": (*SAME_THING, *CLAIM, "source_id", "evidence", "event_id", "observation_id"),
    "entered_twice_ids": (*SAME_THING, *CLAIM, "source_id", "evidence", "event_id", "observation_id"),
    "fact_cluster": (*SAME_THING, *CLAIM, "source_id", "observation_id"),
    "fact_cluster_ids": (*SAME_THING, *CLAIM, "source_id", "observation_id"),
    "multiple_off_levels": (*SAME_THING, *CLAIM, "source_id", "value_text"),
    "multiple_levels_ids": (*SAME_THING, *CLAIM, "source_id"),
    "generic_names": (),
    "not_subject_words": (),
    "dating_words": (),
    "span_start_words": (),
    "place_words": (),
    "length_words": (),
    "run_words": (),
    "evidence_after_a_start": ("evidence",),
    "period_editions": ("period_text", "project_id"),
    "period_editions_text": ("period_text", "project_id"),
    "name_sources": ("source_id", "name_zh_source_id"),
    "name_in_texts": ("name", "source_id", "name_zh_source_id"),
    "name_zh_in_texts": ("name_zh", "source_id", "name_zh_source_id"),
    "names_in_one_text": ("name", "name_zh", "source_id", "name_zh_source_id"),
    "part_names": ("parent_id", "name", "name_zh", "aliases"),
    "archive_present": ("archive_file",),
    "archive_sha256_actual": ("archive_file",),
    "archive_raw": ("archive_file",),
    "archive_text": ("archive_file",),
    "published_earliest": ("published",),
    "published_latest": ("published",),
    "published_days": ("published", "published_basis", "original_published", "original_published_text", "archive_file"),
    "written_after_days": ("written_after_text", "published", "original_published"),
    "written_before_days": ("written_before_text", "published", "original_published"),
    "written_before_cued": ("written_before_text",),
    "original_published_days": ("original_published_text", "published", "original_published"),
    "original_published_forward": ("original_published_text", "original_published"),
}
# Columns that list other rows: bounded where they are made, so messages quote them whole (their complete ids
# are the rule's `related` column, carried whole by the Problem).
LISTINGS = frozenset(
    {
        "conflict_with",
        "corroborated_by",
        "entered_twice",
        "places_named_text",
        "fact_cluster",
        "name_collisions",
        "near_duplicates",
        "near_duplicate_found",
        "multiple_off_levels",
        "name_sources",
    }
)
