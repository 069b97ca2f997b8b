"""One tidy time series per indicator and subject, from the figures of many sources.

Several sources often state a figure for the same thing and period: 355, "350多" and "300多" digital-economy
enterprises in Tongxiang in 2014. A series must give one figure per period without hiding the others, so
every figure is kept and marked with its role:

- `preferred`: the figure the series uses for the period. The rule, in order: the stronger source grade
  (sources.grade: official > state_media > regional_media > media > company > repost > secondary, the order
  of the schema's enum), then the most recent publication (sources.published; a date known only to the month
  or year counts as its first day, and an unknown date as the oldest), then the observation id, so the
  choice never depends on row order.
- `corroborating`: another source states the same claim (same value in the base unit, same upper bound,
  same qualifier); the preferred row lists these sources in `corroborated_by`.
- `competing`: a different claim for the same period; the preferred row lists them in `competing`.

What is never mixed: a series holds one status (actuals, targets or estimates, never together); one
indicator is either a stock or a flow (indicator_definitions.temporal), and periods are compared whole
(period_start and period_end), so a half-year flow never competes with a full year; figures whose units have
different base units (yuan and US dollars) are separate periods, since the package holds no exchange rate.
Bounds stay bounds: `qualifier` and `value_upper` travel with every row, and a "more than 350" is never
read as 350.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.exceptions import SeriesError
from ..core.paths import package_dir
from ..io.load import load
from ..schema.descriptor import read_descriptor, resource, table_names, table_schema
from ..semantics.claims import claim_key

STATUSES = ("actual", "target", "estimate")
PERIOD = ["period_start", "period_end", "base_unit"]
COLUMNS = [
    "indicator",
    "subject",
    "event_id",
    "period_start",
    "period_end",
    "year",
    "role",
    "value",
    "value_upper",
    "value_denominator",
    "qualifier",
    "unit",
    "value_base",
    "base_unit",
    "value_text",
    "status",
    "source_id",
    "grade",
    "published",
    "observation_id",
    "corroborated_by",
    "competing",
]


EXTRA = ["grade", "published", "role", "corroborated_by", "competing"]  # columns series adds to the figures


def grade_order(path: str | Path | None = None) -> list[str]:
    """Source grades, strongest first, as the sources schema's enum lists them."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), "sources"))
    field = next(f for f in schema["fields"] if f["name"] == "grade")
    return list(field["constraints"]["enum"])


def subject_column(indicator: str, path: str | Path | None = None) -> str:
    """The column that names an indicator's subject (`place_id`, `enterprise_id` or `project_id`)."""
    definitions = load("indicator_definitions", path).set_index("indicator")
    if indicator not in definitions.index:
        raise SeriesError(f"no indicator named {indicator!r}; `show indicator_definitions` lists them")
    return f"{definitions.at[indicator, 'subject']!s}_id"


def series(
    indicator: str, subject: str | None = None, status: str = "actual", path: str | Path | None = None
) -> pd.DataFrame:
    """The figures of `indicator` about `subject` with status `status`, one preferred per period (see above).

    `subject` is a place, enterprise or project id, whichever the indicator is about, or an edition of a recurring
    event (events.event_id, `wic-2023`: the figures of that summit); it may be left out when the indicator has
    figures about one subject only. Each figure shows the edition it belongs to (`event_id`) if any. Rows are
    sorted by period, the preferred figure first.
    Keep `role == "preferred"` for one figure per period.
    """
    if status not in STATUSES:
        raise SeriesError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    column = subject_column(indicator, path)
    figures = load("indicators", path)
    figures = figures[figures["indicator"] == indicator]
    edition = recurring_event_of(subject, path)
    if edition is not None and "event_id" in figures:
        # An edition of a recurring event (wic-2023): the recurring event's figures of that edition only.
        figures = figures[figures["event_id"] == subject]
        subject = edition
    subjects = sorted(figures[column].dropna().unique())
    if not subjects:
        raise SeriesError(f"{indicator} has no figures in this package")
    if subject is None:
        if len(subjects) != 1:
            raise SeriesError(
                f"{indicator} has figures about {len(subjects)} subjects; name one (--subject): {', '.join(subjects)}"
            )
        subject = subjects[0]
    elif subject not in subjects:
        raise SeriesError(f"{indicator} has no figures about {subject!r}; its subjects: {', '.join(subjects)}")
    rows = figures[(figures[column] == subject) & (figures["status"] == status)].copy()
    rows["subject"] = subject
    return mark(rows, path)


def tables(path: str | Path | None = None) -> list[str]:
    """The package's table names (an older package has no `events`)."""
    return list(table_names(read_descriptor(package_dir(path))))


def recurring_event_of(subject: str | None, path: str | Path | None = None) -> str | None:
    """The recurring event (project id) whose edition `subject` is, if it names a row of `events`; else None."""
    if subject is None or "events" not in tables(path):
        return None
    events = load("events", path)
    found = events.loc[events["event_id"] == subject, "project_id"]
    return str(found.iloc[0]) if len(found) else None


def mark(rows: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """The rows of one indicator, subject and status with `role`, `corroborated_by` and `competing` set."""
    grades = grade_order(path)
    sources = load("sources", path).set_index("source_id")
    if "event_id" not in rows:  # a package from before the events table
        rows = rows.assign(event_id=pd.Series(pd.NA, index=rows.index, dtype="string"))
    if not len(rows):
        missing = pd.Series(pd.NA, index=rows.index, dtype="string")
        empty = rows.assign(grade=missing, published=missing, role=missing, corroborated_by=missing, competing=missing)
        return empty[COLUMNS].astype({c: "string" for c in EXTRA}).reset_index(drop=True)
    rows["grade"] = rows["source_id"].map(sources["grade"]).astype("string")
    rows["published"] = rows["source_id"].map(sources["published"]).astype("string")
    # Sort keys: grade rank (0 strongest), publication date (newest first), observation id.
    rank = rows["grade"].map({g: i for i, g in enumerate(grades)}).astype("int64")
    published = first_day(rows["published"])
    ordered = rows.assign(_rank=rank, _published=published.fillna(pd.Timestamp("1900-01-01")))
    ordered = ordered.sort_values(
        ["period_end", "period_start", "base_unit", "_rank", "_published", "observation_id"],
        ascending=[True, True, True, True, False, True],
        na_position="first",
        kind="stable",
    )
    ordered["_claim"] = claim(ordered)
    period = ordered[PERIOD].astype("string").fillna("").agg("|".join, axis=1)
    first = ~period.duplicated()
    preferred_claim = ordered["_claim"].where(first).groupby(period).transform("first")
    ordered["role"] = "competing"
    ordered.loc[ordered["_claim"] == preferred_claim, "role"] = "corroborating"
    ordered.loc[first, "role"] = "preferred"
    corroborating: dict[str, set[str]] = {}
    competing: dict[str, list[str]] = {}
    for key, role, source, observation in zip(
        period, ordered["role"], ordered["source_id"], ordered["observation_id"], strict=True
    ):
        if role == "corroborating":
            corroborating.setdefault(key, set()).add(source)
        elif role == "competing":
            competing.setdefault(key, []).append(observation)
    ordered["corroborated_by"] = pd.Series(
        [
            ", ".join(sorted(corroborating[k])) if f and k in corroborating else None
            for k, f in zip(period, first, strict=True)
        ],
        index=ordered.index,
        dtype="string",
    )
    ordered["competing"] = pd.Series(
        [", ".join(competing[k]) if f and k in competing else None for k, f in zip(period, first, strict=True)],
        index=ordered.index,
        dtype="string",
    )
    ordered["role"] = ordered["role"].astype("string")
    return ordered[COLUMNS].reset_index(drop=True)


def first_day(published: pd.Series) -> pd.Series:
    """Publication dates (YYYY, YYYY-MM or YYYY-MM-DD) as the first day they can mean; unknown as NaT."""
    text = published.astype("string")
    padded = text.where(text.str.len() != 4, text + "-01-01")
    padded = padded.where(padded.str.len() != 7, padded + "-01")
    return pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")


def claim(rows: pd.DataFrame) -> pd.Series:
    """What a row claims, comparable across units of one base (semantics.claims.claim_key, the meaning the
    agreement rules use): value and upper bound in the base unit, qualifier."""
    return claim_key(rows)
