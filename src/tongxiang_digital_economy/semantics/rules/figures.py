"""Rules on what a figure measures and when: units and measures, ranges, its one subject, its period against
the publication date."""

from __future__ import annotations

import pandas as pd

from ...text.clause_words import written_as_place
from ...text.periods import open_before
from ..distinct import mapped
from .registry import each_row, known, missing, rule

# --- indicators: identity, units and measures --------------------------------------------------------------


@rule(
    "observation-id-source",
    "indicators",
    "observation_id",
    "{observation_id} must be the source id {source_id} followed by -NNN: rename it (ids are never reused)",
    reads=("observation_id", "source_id"),
    per_row=True,
)
def observation_id_names_source(view: pd.DataFrame) -> pd.Series:
    """An observation id is its source id followed by -NNN."""
    prefix = view["observation_id"].str.replace(r"-\d+$", "", regex=True)
    return (prefix == view["source_id"]).fillna(True).astype(bool)


@rule(
    "unit-dimension-mismatch",
    "indicators",
    "unit",
    "unit {unit!r} measures {unit__dimension}, but {indicator!r} is measured in {indicator__dimension}: "
    "use a unit of {indicator__dimension} or another indicator",
    needs=("unit.dimension", "indicator.dimension"),
    reads=(),
    per_row=True,
)
def unit_fits_indicator(view: pd.DataFrame) -> pd.Series:
    """The unit measures the dimension the indicator is measured in."""
    ok = view["unit__dimension"] == view["indicator__dimension"]
    return ok.fillna(False) | ~known(view["unit__dimension"], view["indicator__dimension"])


@rule(
    "count-not-whole",
    "indicators",
    "value",
    "{indicator!r} counts things, so {value} {unit} ({value_base} {base_unit}) must be a whole, non-negative "
    "number; check the value and the unit's scale",
    needs=("indicator.dimension", "indicator.measure"),
    reads=("value_base", "value_denominator"),
    per_row=True,
)
def counts_are_whole(view: pd.DataFrame) -> pd.Series:
    """A count is a whole, non-negative number once its scale is applied."""
    applies = (view["indicator__dimension"] == "count") & (view["indicator__measure"] == "amount")
    applies &= view["value_base"].notna() & view["value_denominator"].isna()
    whole = (view["value_base"] >= 0) & (view["value_base"] % 1 == 0)
    return (~applies.fillna(False)) | whole.fillna(False)


@rule(
    "count-names-nothing",
    "indicator_definitions",
    "counts",
    "{indicator!r} is a count, but its `counts` is empty: say what one of it is, a plural noun in the reader's "
    "words (enterprises, tourist visits), which a chart's value axis names (never a bare 'number')",
    reads=("dimension", "counts"),
    per_row=True,
)
def count_says_what_it_counts(view: pd.DataFrame) -> pd.Series:
    """A count's axis says what is counted (trial 11 m7: "ten thousand" beside a title of visitors): its definition
    names it. A package from before the column is not held to it."""
    if "counts" not in view:
        return pd.Series(True, index=view.index)
    named = view["counts"].astype("string").str.strip().fillna("") != ""
    return (view["dimension"] != "count").fillna(True).astype(bool) | named


@rule(
    "percent-of-nothing",
    "indicator_definitions",
    "fraction_of",
    "{indicator!r} is measured in {dimension}, but its `fraction_of` is empty: say what it is a percent of, in the "
    "reader's words from its definition (the level a year earlier, the city's GDP), which a chart's value axis "
    "names (never a bare 'percent')",
    reads=("dimension", "fraction_of"),
    per_row=True,
)
def percent_says_what_of(view: pd.DataFrame) -> pd.Series:
    """A percent's axis says what it is a percent of (trial 14: every growth and share chart's axis said only
    "percent"): its definition names it, a growth its base (the level a year earlier), a share its whole (the
    city's GDP). A package from before the column is not held to it."""
    if "fraction_of" not in view:
        return pd.Series(True, index=view.index)
    named = view["fraction_of"].astype("string").str.strip().fillna("") != ""
    return ~view["dimension"].isin(["percent", "percentage_points"]).fillna(False).astype(bool) | named


@rule(
    "fraction-of-nothing",
    "indicators",
    "value_denominator",
    "{indicator!r} has a figure written as a fraction, but its definition's `fraction_of` is empty: say what the "
    "fraction is of, in the reader's words (the workforce before the change), which a chart's value axis names "
    "(never 'fraction (value ÷ value_denominator)')",
    needs=("indicator.fraction_of",),
    reads=("value_denominator",),
    per_row=True,
)
def fraction_says_what_of(view: pd.DataFrame) -> pd.Series:
    """A fraction's axis says what it is a fraction of (issue 16: it said `fraction (value ÷ value_denominator)`,
    two column names): a figure with a denominator (三分之一: -1 over 3) has a definition that names it. A package
    from before the column is not held to it."""
    if "indicator__fraction_of" not in view:
        return pd.Series(True, index=view.index)
    named = view["indicator__fraction_of"].astype("string").str.strip().fillna("") != ""
    return view["value_denominator"].isna().fillna(True).astype(bool) | named


@rule(
    "share-out-of-range",
    "indicators",
    "value",
    "{indicator!r} is a share, so {value} percent must lie between 0 and 100; if it is a growth rate, "
    "use a growth indicator",
    needs=("indicator.measure", "unit.dimension"),
    reads=("value",),
    per_row=True,
)
def shares_within_100(view: pd.DataFrame) -> pd.Series:
    """A share in percent lies between 0 and 100."""
    applies = (view["indicator__measure"] == "share") & (view["unit__dimension"] == "percent")
    inside = (view["value"] >= 0) & (view["value"] <= 100)
    return (~applies.fillna(False)) | inside.fillna(False)


@rule(
    "rank-not-positive-whole",
    "indicators",
    "value",
    "a rank is a position counted from 1, so {value} must be a whole number of at least 1",
    needs=("indicator.measure",),
    reads=("value",),
    per_row=True,
)
def ranks_are_positions(view: pd.DataFrame) -> pd.Series:
    """A rank is a whole number of at least 1."""
    applies = view["indicator__measure"] == "rank"  # a change of rank ("up 3 places") may be any whole number
    ok = (view["value"] >= 1) & (view["value"] % 1 == 0)
    return (~applies.fillna(False)) | ok.fillna(False)


@rule(
    "rank-not-written-as-place",
    "indicators",
    "value_text",
    "a rank is a place in an order, but value_text {value_text!r} writes no place (第N, 首, 榜首, 前N名, top N, Nth, "
    "first, ranked second): quote the words that give the place, or file the number under the count it is",
    needs=("indicator.measure",),
    reads=("place_words", "value_text"),
)
def ranks_are_written_as_places(view: pd.DataFrame) -> pd.Series:
    """A rank's quote writes a place: the 5 of "jump into second of the industry with 5 million 800 thousand tons"
    is no rank (which figure: the place is 'second'). The place's words are the lexicon's `ordinal_word` terms and
    the number reader's English ordinals (the view's `place_words`: clause_words.place_words; none without them)."""
    applies = (view["indicator__measure"] == "rank").fillna(False).astype(bool)
    if "place_words" not in view:  # a frame checked without the lexicon: no place is read
        view = view.assign(place_words=None)
    placed = each_row(view, ["value_text", "place_words"], lambda t, w: missing(t) or written_as_place(t, w))
    return ~applies | placed


@rule(
    "range-bounds",
    "indicators",
    "value_upper",
    "a range ({value} to {value_upper}) needs qualifier range and an upper bound above the lower one, and only a "
    "range has value_upper (qualifier is {qualifier}): fix value_upper or the qualifier",
    reads=("qualifier", "value", "value_upper"),
    per_row=True,
)
def ranges_are_ranges(view: pd.DataFrame) -> pd.Series:
    """Only a range has an upper bound, and it lies above the lower one."""
    is_range = view["qualifier"] == "range"
    has_upper = view["value_upper"].notna()
    ordered = (view["value_upper"] > view["value"]).fillna(False)
    return ((is_range == has_upper) & (~has_upper | ordered)).fillna(True).astype(bool)


# --- indicators: what a figure is about -----------------------------------------------------------------------

SUBJECT_COLUMNS = {"place": "place_id", "enterprise": "enterprise_id", "project": "project_id"}


@rule(
    "subject-mismatch",
    "indicators",
    "indicator",
    "{indicator!r} is a figure of one {indicator__subject}, so the row names exactly one subject, its "
    "{indicator__subject} (place_id {place_id:|none}, enterprise_id {enterprise_id:|none}, project_id "
    "{project_id:|none}): move a "
    "zone's or a company's figure to its own row of places, enterprises or projects, or use another indicator",
    needs=("indicator.subject",),
    reads=("enterprise_id", "place_id", "project_id"),
    per_row=True,
)
def one_subject(view: pd.DataFrame) -> pd.Series:
    """A figure names exactly one subject, the kind its indicator is about."""
    given = {subject: view[column].notna() for subject, column in SUBJECT_COLUMNS.items()}
    count = sum(given.values())
    right = pd.Series(False, index=view.index)
    for subject, present in given.items():
        right |= (view["indicator__subject"] == subject).fillna(False) & present
    return (right & (count == 1)) | view["indicator__subject"].isna()


# --- indicators: periods and publication ----------------------------------------------------------------------


@rule(
    "period-incomplete",
    "indicators",
    "period_end",
    "period_start ({period_start}), period_end ({period_end}) and year ({year}) must all be given, or all be "
    "empty on a target the source gives no date for (status is {status}): never invent a date",
    reads=("period_end", "period_start", "status", "year"),
    per_row=True,
)
def period_complete(view: pd.DataFrame) -> pd.Series:
    """A period is given whole, or left empty only on an undated target."""
    given = view[["period_start", "period_end", "year"]].notna()
    return given.all(axis=1) | (~given.any(axis=1) & (view["status"] == "target").fillna(False))


@rule(
    "stock-not-at-a-date",
    "indicators",
    "period_start",
    "{indicator!r} is a stock (a level at one date), so period_start must equal period_end "
    "({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}): give the date the level holds at",
    needs=("indicator.temporal",),
    reads=("period_end", "period_start"),
    per_row=True,
)
def stocks_at_a_date(view: pd.DataFrame) -> pd.Series:
    """A stock is a level at one date: its period starts and ends on that date."""
    stock = (view["indicator__temporal"] == "stock").fillna(False)
    return ~stock | (view["period_start"] == view["period_end"]) | ~known(view["period_start"], view["period_end"])


@rule(
    "period-order",
    "indicators",
    "period_end",
    "the period ends ({period_end:%Y-%m-%d}) before it starts ({period_start:%Y-%m-%d}): swap or correct them",
    reads=("period_end", "period_start"),
    per_row=True,
)
def period_in_order(view: pd.DataFrame) -> pd.Series:
    """A period does not end before it starts."""
    return (view["period_start"] <= view["period_end"]) | ~known(view["period_start"], view["period_end"])


@rule(
    "year-not-period-end",
    "indicators",
    "year",
    "year {year} must be the year of period_end ({period_end:%Y-%m-%d})",
    reads=("period_end", "year"),
    per_row=True,
)
def year_is_period_end(view: pd.DataFrame) -> pd.Series:
    """The year is the year the period ends."""
    same: pd.Series = (view["year"] == view["period_end"].dt.year).fillna(False).astype(bool)
    return same | ~known(view["year"], view["period_end"])


@rule(
    "actual-after-publication",
    "indicators",
    "period_end",
    "a figure of status {status} cannot end ({period_end:%Y-%m-%d}) after its source was published "
    "({source_id__published}): fix the period, or mark a plan or expectation as status target",
    needs=("source_id.published", "source_id.published_latest", "source_id.published_earliest", "indicator.theme"),
    reads=("event_id", "period_end", "period_start", "status"),
    per_row=True,
)
def actual_not_after_publication(view: pd.DataFrame) -> pd.Series:
    """An actual or estimated figure ends by publication, or is an edition's figure announced while it was on.

    The exception: the summit's guests on its first day (event_id set, the period the edition's days, held to them
    by period-outside-edition, and begun by publication). A figure of the year so far is no edition's: its period
    ends by publication (2023-01-01 to the summit's last day, never the whole year)."""
    # An estimate is of a period that has passed, so it is held to the same bound as an actual.
    late = view["status"].isin(["actual", "estimate"]) & (view["period_end"] > view["source_id__published_latest"])
    edition = view["event_id"].notna() & (view["event_id"].astype("string").str.strip() != "").fillna(False)
    under_way = (
        (view["status"] == "actual")
        & (view["indicator__theme"] == "wic")
        & edition
        & (view["period_start"] <= view["source_id__published_earliest"])
    )
    return ~(late & ~under_way.fillna(False)).fillna(False)


@rule(
    "period-in-text-future",
    "indicators",
    "period_end",
    "a figure of status {status} ends {period_end:%Y-%m-%d}, but its text was written before "
    "{source_id__written_before} (its words place that day in its future: {source_id__written_before_text!r}): "
    "an actual or an estimate ends before it; date the figure by its words, at the latest the day before, or mark "
    "a plan or expectation as status target",
    needs=("source_id.written_before", "source_id.written_before_text"),
    reads=("period_end", "status"),
    per_row=True,
)
def not_in_its_texts_future(view: pd.DataFrame) -> pd.Series:
    """A row's period_end is not on or after a day its own text places in its future (将…, plans to, will, 计划:
    sources.written_before): what a text reports as done or measured cannot end on a day it still looks forward to.
    Only a target may. This holds for every edition's figure too: a text written before a summit opens reports
    none of its figures."""
    if "source_id__written_before" not in view:
        return pd.Series(True, index=view.index)
    future = pd.to_datetime(view["source_id__written_before"].astype("string"), format="%Y-%m-%d", errors="coerce")
    ends = pd.to_datetime(view["period_end"], errors="coerce")
    late = view["status"].isin(["actual", "estimate"]) & (ends >= future)
    return ~late.fillna(False).astype(bool)


@rule(
    "period-after-open-original",
    "indicators",
    "period_end",
    "a figure of status {status} ends {period_end:%Y-%m-%d}, but its text is an original of before an event "
    "(original_published {source_id__original_published}: no later than its last day, as it looks forward to an "
    "event that starts the day after): an actual or an estimate ends by that day; date the figure by its words, "
    "or correct the original's date",
    needs=("source_id.original_published",),
    reads=("period_end", "status", "evidence", "evidence_after_a_start"),
    per_row=True,
)
def not_after_its_open_original(view: pd.DataFrame) -> pd.Series:
    """A row of a text dated only as of before an event (`sources.original_published` `../2014-11-18`) reports no
    actual or estimate that ends after the bound's last day: the text looked forward to the event, so what it
    reports as done was done by then (review 6 F1; `written_before` holds its texts' rows the same way). A row
    whose evidence speaks from after a start (every sentence a since-phrase: 自从2014年11月19日…开始, the reposting
    page's lead-in) quotes the later page, not the original, and is held by the page's date instead."""
    if "source_id__original_published" not in view:
        return pd.Series(True, index=view.index)
    last = pd.to_datetime(
        mapped(view["source_id__original_published"], open_before), format="%Y-%m-%d", errors="coerce"
    )
    ends = pd.to_datetime(view["period_end"], errors="coerce")
    if "evidence_after_a_start" in view:  # the lexicon's since-phrases (views); without a lexicon, none
        later_page = view["evidence_after_a_start"].fillna(False).astype(bool)
    else:
        later_page = pd.Series(False, index=view.index)
    late = view["status"].isin(["actual", "estimate"]) & (ends > last) & ~later_page
    return ~late.fillna(False).astype(bool)
