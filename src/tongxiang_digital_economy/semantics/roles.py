"""The roles of figures in their series, one meaning shared by `series` and the rules (trial 8 U2; issue 15).

Each indicator x subject x status is one series; within each period the first-ranked figure left is `preferred`,
and each other figure agrees with it (`corroborating`: their claims, intervals at the precision each is written in,
meet: 114.2 billion yuan agrees with 1141.69亿元, "350多" and "300多" with 355) or competes with it; a figure of
the preferred figure's own source that agrees with it is `repeated` (one source never corroborates itself:
semantics/repeats.py); `restated` and
`not_comparable` figures are set aside first (use/timeseries.py's docstring tells the whole ranking). `series`
shows these roles; the `corroborating-values` rule lists the figures of each agreement (`agreeing_sources`), so
that `validate`, `info` and `series` count the same figures as stated alike. Not under `validate --archive`: a
figure the archive refutes leaves validate's agreement (views.py), while `info` and `series` read no archive.

This module ranks the figures and puts the steps together (mark_roles, and corroboration for the rules and
`info`); the steps are modules of their own: semantics/not_comparable.py (the figures set aside first),
semantics/restatements.py (`restated`) and semantics/period_roles.py (the roles within a period).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..text.periods import day_read_at
from .answers import kept_reading
from .claims import (
    and_some,
    and_some_terms,
    claim_key,
    intervals,
    nearly,
    nearly_terms,
    period_words,
    statements,
    text_dates,
)
from .distinct import days, is_dates
from .not_comparable import set_aside_incomparable, set_aside_other_base_units
from .period_roles import agreeing_sources, mark_periods
from .restatements import mark_restatements
from .row_codes import distinct_rows, stable_sorted

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
    listed: bool = True,
) -> pd.DataFrame:
    """Rows of one or many series (a `subject` column says whose; each indicator x subject x status is one) with
    `grade`, `original_grade`, `text_date`, `reposted`, `period_label` and `role`, `corroborated_by`, `competing`,
    `restates` and `reason` set, sorted by series, period and role. `sources` indexed by source_id, `definitions`
    by indicator, `unit_labels` by unit; `label` names a period (use.periods for `series`). `listed=False`: the
    rows in the order the roles were read (by series, period and rank), not sorted again by role, for a caller
    that reads the roles by row and not the list (corroboration: the last sort took every column of 10^5 rows)."""
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
    rows = stable_sorted(
        rows,
        ["_series", "period_end", "period_start", "_rank", "_published", "observation_id"],
        [True, True, True, True, False, True],
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
    if not listed:
        return rows
    order = {role: i for i, role in enumerate(ROLES)}
    rows["_role"] = rows["role"].map(order)
    rows = stable_sorted(
        rows,
        ["_series", "period_end", "period_start", "_role", "_rank", "_published", "observation_id"],
        [True, True, True, True, True, False, True],
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
    marked = mark_roles(rows, sources, definitions, unit_labels, lexicon, grades, listed=False)  # read by row
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
