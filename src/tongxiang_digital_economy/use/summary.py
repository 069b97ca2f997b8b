"""What is in the package, counted: rows per table, per source, per indicator and per year, and agreement.

`info` prints these; they also let a maintainer see at a glance which sources yield which figures, and the
README's counts are checked against them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..io.load import load, tables
from ..semantics.claims import grade_said

FACT_TABLES = ("indicators", "enterprises", "projects")


def row_counts(path: str | Path | None = None) -> dict[str, int]:
    """Rows per table."""
    return {table: len(load(table, path)) for table in tables(path)}


def rows_per_source(path: str | Path | None = None) -> pd.DataFrame:
    """For every source (including those that yield nothing), the grade it ranks as (`grade_said`: `repost of
    state_media`, as `series` says it) and how many rows of each fact table cite it."""
    sources = load("sources", path).set_index("source_id")
    original = sources["original_grade"] if "original_grade" in sources else pd.Series(pd.NA, index=sources.index)
    sources = sources.assign(grade=grade_said(sources["grade"], original))[["grade", "language"]]
    for table in FACT_TABLES:
        counts = load(table, path)["source_id"].value_counts()
        sources[table] = counts.reindex(sources.index, fill_value=0).astype("int64")
    return sources.reset_index()


def rows_per_indicator(path: str | Path | None = None) -> pd.DataFrame:
    """For every indicator, how many rows and how many distinct sources give it."""
    indicators = load("indicators", path)
    definitions = load("indicator_definitions", path)[["indicator", "label"]]
    grouped = indicators.groupby("indicator").agg(rows=("observation_id", "size"), sources=("source_id", "nunique"))
    out = definitions.merge(grouped, left_on="indicator", right_index=True, how="left")
    return out.fillna({"rows": 0, "sources": 0}).astype({"rows": "int64", "sources": "int64"})


def rows_per_year(path: str | Path | None = None) -> pd.DataFrame:
    """Indicator rows per year of period_end and status (undated targets under `undated`)."""
    indicators = load("indicators", path)
    year = indicators["year"].astype("string").fillna("undated")
    table = pd.crosstab(year.rename("year"), indicators["status"].rename("status"))
    return table.reset_index().rename_axis(columns=None)


def agreement(path: str | Path | None = None) -> dict[str, int]:
    """How many figures other sources state alike (corroborated), how many others contradict (in conflict), and in
    how many disagreements: the figures that cannot all be one figure, counted once however many they are (3
    disagreements of 6 figures; `info` said "in conflict: 6", read as six conflicts: trial 7 m2)."""
    from ..schema.descriptor import grade_order
    from ..semantics.agreement import agreement as agree
    from ..semantics.agreement import groups
    from ..semantics.claims import and_some, and_some_terms, nearly, nearly_terms
    from ..semantics.roles import corroboration

    # Read as validate reads them: 40多 is 40 to 50, not more than 40 (the lexicon's `and_some` words).
    indicators = load("indicators", path)
    lexicon = load("lexicon", path) if "lexicon" in tables(path) else pd.DataFrame()
    indicators["and_some"] = and_some(indicators["value_text"], indicators["qualifier"], and_some_terms(lexicon))
    indicators["nearly"] = nearly(indicators["value_text"], indicators["qualifier"], nearly_terms(lexicon))
    found = agree(indicators)
    # Agreement as `series` marks it (semantics.roles), the figures validate's corroborating-values lists.
    agreeing = corroboration(
        indicators,
        load("sources", path),
        load("indicator_definitions", path),
        load("units", path),
        lexicon,
        grade_order(path),
    )
    clashing = found["conflicting_ids"].notna()
    # A disagreement is one group's clashing figures (its rows share one conflicting_ids tuple): counting the groups
    # is linear, where a set of each row's whole group was quadratic in the group's size (review 6 F3).
    disagreements = groups(indicators)[clashing].nunique()
    return {
        "corroborated": int(agreeing.notna().sum()),
        "in conflict": int(clashing.sum()),
        "disagreements": int(disagreements),
    }
