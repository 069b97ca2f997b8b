"""One tidy time series per indicator and subject, from the figures of many sources.

Several sources often state a figure for the same thing and period: 355, "350多" and "300多" digital-economy
enterprises in Tongxiang in 2014. A series must give one figure per period without hiding the others, so
every figure is kept and marked with its `role`, and the roles that set a figure aside say why in `reason`:

- `preferred`: the figure the series uses for the period; never more than one per period. The rule, in order:
  the stronger grade (the schema's enum order: official > state_media > regional_media > media > company >
  repost > secondary), where a repost whose sources.original_grade is filled ranks as that origin (the
  statistical bulletin's repost ranks as the official bulletin it reproduces; other mirrors rank as repost),
  then the most recent text (`text_date`: the text's own date, which for a repost or a republished interview is
  the original's, sources.original_published, not the page's, and a window of days where the text's words bound
  its date, sources.written_after / written_before: `2023-11-01/2023-11-07`; a date known only to the month or
  year, or a window, counts as its first day, an unknown date as the oldest), then the observation id, so the
  choice never depends on row order. The same `text_date` is the one each row shows and every reason names; a
  repost's own publication date is in `reposted` (empty for a text first published where it is archived).
- `corroborating`: another source's figure for the period that agrees with the preferred one: their claims,
  as intervals at the precision each is written in (semantics/claims.py), meet. 114.2 billion yuan agrees with
  1141.69亿元, "350多" and "300多" with 355. The preferred row lists these sources in `corroborated_by`.
- `repeated`: a figure of the preferred figure's own source that agrees with it (another row of the same text):
  one source never corroborates itself (trial 11 W2), so it is not listed in `corroborated_by`, and its `reason`
  names the figure it gives again (semantics/repeats.py; the same passage entered twice is figure-entered-twice).
- `competing`: a figure for the period that no reading reconciles with the preferred one (their intervals do not
  meet); the preferred row lists them in `competing`, and its `reason` says it is disputed (`disputed: X gives a
  different figure`), so a table of preferred figures alone still shows it; the competing row's reason names
  the preferred figure and what ranked it first (its grade above the other's, or its text's later date). When
  nothing separates two competing figures (one text gives both, or texts of one grade and one date), neither
  is preferred: both are `competing`, each naming the other ("one text gives both: X gives a different figure").
- `restated`: a stock whose only date is its own text's says again the series' latest earlier figure, as
  semantics/claims.is_restatement reads it (the one meaning `fact-cluster` uses too): it is dated by its
  publication (period_basis `publication`) or by words relative to it (目前, 至今, at present, so its date is the
  text's date), its claim agrees with that figure's (intervals meet: a rounder 18億億次 says again 181.9千万亿次)
  with the same bound word, that figure's text was published before it (a text cannot say again what a later
  text first dates), that figure was stated at most two years before (a text plausibly repeats the latest figure
  it knows; a later one states the level anew), and its source ranks no stronger (a stronger source, the
  government's 2023 profile after a 2019 newspaper, is never hidden behind a weaker one: it is a point of its
  own) unless it is written coarser, its interval holding that figure's (CCTV's 18億億次 of 2025 is 175 to
  185 千万亿次, which holds a newspaper's 181.9 of 2023: drawn at 180 it would show a fall neither text
  states). A level of 2443 enterprises stated with no date on 2021-09-15 and again "so far" on 2021-09-24 is
  one observation: `restates` names the figure drawn for the repeats, and `plot` draws no new point for them. A
  figure dated by words that state its own date (2021年末) is never a restatement, nor is a flow (a year's income
  equal to the year before's is a new observation).
- `not_comparable`: a figure in another base unit than the series' (US dollars beside yuan): the package holds
  no exchange rate, so it is neither the period's preferred figure nor against it. The series' base unit is
  the one most of its figures are in (ties: the preferred-ranked figure's). The reason says so. Every figure of
  an indicator whose definition says its figures are not comparable with one another
  (indicator_definitions.not_comparable: history_length, a place's age counted from an event no source names)
  is `not_comparable` too, with the definition's words as its reason: none is preferred, so no series of them is.

What is never mixed: a series holds one status (actuals, targets or estimates, never together) and periods
are compared whole (period_start and period_end): a half-year or January-September figure is its own period,
named by its span in `period_label` (`H1 2019`, `Jan-Sep 2020`, `end-2023`), so a reader sees it is not the year.
Bounds stay bounds: `qualifier` and `value_upper` travel with every row, and "more than 350" is never read as 350.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.exceptions import SeriesError
from ..core.suggest import did_you_mean
from ..schema.descriptor import grade_order, status_values
from ..semantics.claims import claim_key
from ..semantics.roles import mark_roles
from .kept_package import found, kept, load, one_reading
from .periods import period_label
from .series_elsewhere import kin_notes
from .series_subjects import figures_about, tables

COLUMNS = [
    "indicator",
    "subject",
    "event_id",
    "period_start",
    "period_end",
    "period_label",
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
    "original_grade",
    "text_date",
    "reposted",
    "observation_id",
    "corroborated_by",
    "competing",
    "restates",
    "reason",
]

# Columns series adds to the figures (text, missing where they do not apply).
EXTRA = ["period_label", "grade", "original_grade", "text_date", "reposted", "role", "corroborated_by", "competing"]
EXTRA += ["restates", "reason"]


def series(
    indicator: str,
    subject: str | None = None,
    status: str = "actual",
    path: str | Path | None = None,
    preferred: bool = False,
) -> pd.DataFrame:
    """The figures of `indicator` about `subject` with status `status`, one preferred per period (see above).

    `subject` is a place, enterprise or project id, whichever the indicator is about, or an edition of a recurring
    event (events.event_id, `wic-2023`: the figures of that summit); it may be left out when the indicator has
    figures about one subject only. Each figure shows the edition it belongs to (`event_id`) if any. Rows are
    sorted by period, the preferred figure first.
    Keep `role == "preferred"` for one figure per period, or pass `preferred=True`. `.attrs["other_statuses"]`
    counts the subject's figures of each other status that has some (`{"target": 1}`), so that an empty result can
    say where figures are; with `preferred=True`, `.attrs["none_preferred"]` says why no figure is preferred when
    there are figures but none is (`none_preferred`), else None: every form of the answer (table, CSV, JSON, a
    notebook) can say so rather than print a bare header (review 4 F8).
    """
    statuses = status_values(path)
    if status not in statuses:
        hint = did_you_mean(status, statuses)
        raise SeriesError(f"status {status!r} is not one of {', '.join(statuses)}" + f"; {hint.strip()}" * bool(hint))
    with one_reading(path):
        return series_read(indicator, subject, status, path, preferred, statuses)


def series_read(
    indicator: str, asked: str | None, status: str, path: str | Path | None, preferred: bool, statuses: list[str]
) -> pd.DataFrame:
    """`series` inside one reading of the package (kept_package.one_reading); `statuses` the schema's, in order."""
    about, subject = figures_about(indicator, asked, path)
    marked = marked_series(indicator, asked, subject, [status], about, path)
    # How many figures the other statuses hold, so that an empty series can say where to look (`series` prints
    # "no actual figures (--status target has 1 figure)"); a notebook reads the same numbers.
    counts = about["status"].value_counts()
    marked.attrs["other_statuses"] = {s: int(counts[s]) for s in statuses if s != status and s in counts.index}
    marked.attrs["elsewhere"] = kin_notes(indicator, asked, subject, status, path)
    marked.attrs["elsewhere_plain"] = kin_notes(indicator, asked, subject, status, path, plain=True)
    if not preferred:
        return marked
    chosen = marked[marked["role"] == "preferred"].copy()
    chosen.attrs["other_statuses"] = marked.attrs["other_statuses"]
    chosen.attrs["elsewhere"] = marked.attrs["elsewhere"]
    chosen.attrs["elsewhere_plain"] = marked.attrs["elsewhere_plain"]
    chosen.attrs["none_preferred"] = none_preferred(marked)
    return chosen


def marked_series(
    indicator: str,
    asked: str | None,
    subject: str,
    statuses: list[str],
    about: pd.DataFrame,
    path: str | Path | None,
) -> pd.DataFrame:
    """The figures of `about` (figures_about's, for `asked`) of the given statuses, marked in their series (each
    status its own, in the order of `statuses` as `mark` sorts them). A whole series is taken from its indicator's
    figures marked once per package's bytes (`marked_indicator`): `mark` reads each series on its own, so a series
    marked among the others is marked as it is alone, and the roles of a package are made once, not per call. The
    figures of one edition (wic-2023) are a part of their series, marked on their own as before."""
    rows = about[about["status"].isin(statuses)]
    if (asked is not None and asked != subject) or not len(rows):  # an edition (its figures only), or none
        rows = rows.copy()
        rows["subject"] = subject
        return mark(rows, path)
    every = marked_indicator(indicator, path)
    chosen = every[(every["subject"] == subject).to_numpy(dtype=bool) & every["status"].isin(statuses).to_numpy()]
    chosen = chosen.reset_index(drop=True)
    chosen["subject"] = subject  # as `mark` of the series' own rows gives it: the subject as asked, plain text
    return chosen


def marked_indicator(indicator: str, path: str | Path | None) -> pd.DataFrame:
    """Every figure of `indicator` marked in its series (subject x status), made once per package's bytes (from
    `all_series` where that was made first); a new frame each call (copy-on-write: the kept one is never changed)."""

    def made() -> pd.DataFrame:
        everything = found(path, "all_series")
        if isinstance(everything, pd.DataFrame):
            return everything[everything["indicator"] == indicator].reset_index(drop=True)
        figures = load("indicators", path)
        return mark_with_subjects(figures[figures["indicator"] == indicator], path)

    return kept(path, ("marked", indicator), made).copy(deep=False)


def none_preferred(figures: pd.DataFrame) -> str | None:
    """Why a series of figures has none preferred, or which of its periods have none (figures that no ranking puts
    first: not comparable with one another, or tied), in the figures' own reasons; None when every period with
    figures has one preferred, or when there are no figures (an empty series is no figures, not "none preferred").

    Why the periods: `--preferred` keeps one figure per period, so a period whose figures all compete (the first
    summit's "nearly 100" and "more than 100" countries, one text) would vanish from the answer unsaid (trial 8 U3).
    """
    if not len(figures):
        return None
    if not (figures["role"] == "preferred").any():
        reasons = "; ".join(dict.fromkeys(str(r) for r in figures["reason"].dropna()))
        return f"no preferred figures: {reasons}; without `--preferred` the series lists all {len(figures)}"
    period = figures["period_start"].astype("string").fillna("") + "|" + figures["period_end"].astype("string")
    has_preferred = (figures["role"] == "preferred").groupby(period, sort=False).transform("any")
    # Only the ties: a restated figure (no new observation) or one in another currency leaves no period unsaid.
    left = figures[~has_preferred.fillna(False).astype(bool) & period.notna() & (figures["role"] == "competing")]
    if not len(left):
        return None
    said = []
    for label, rows in left.groupby("period_label", sort=False):
        # A tie's reason is "<why none ranks first>: <the others> give(s) a different figure" (mark_periods).
        why = "; ".join(dict.fromkeys(str(r).split(": ", 1)[0] for r in rows["reason"].dropna()))
        figures_of = ", ".join(
            f"{o} ({t})" for o, t in zip(rows["observation_id"], rows["value_text"].fillna(rows["value"]), strict=True)
        )
        said.append(f"{label}: {why}: {figures_of}")
    return "no preferred figure for " + "; ".join(said) + "; without `--preferred` the series lists them"


def all_series(path: str | Path | None = None) -> pd.DataFrame:
    """Every figure of the package in its series (indicator x subject x status), marked as `series` marks it:
    one pass over the package, for checks and exports that need every series at once; made once per package's
    bytes (kept_package)."""
    with one_reading(path):
        every: pd.DataFrame = kept(path, "all_series", lambda: mark_with_subjects(load("indicators", path), path))
        return every.copy(deep=False)


def mark_with_subjects(figures: pd.DataFrame, path: str | Path | None) -> pd.DataFrame:
    """Figures of any indicators, each with its subject (the column its indicator's definition names), marked in
    their series; figures without a subject are left out."""
    subjects = load("indicator_definitions", path).set_index("indicator")["subject"].astype("string") + "_id"
    kind = figures["indicator"].map(subjects)
    subject = pd.Series(pd.NA, index=figures.index, dtype="string")
    for column in kind.dropna().unique():
        subject = subject.where(kind != column, figures[str(column)].astype("string"))
    return mark(figures.assign(subject=subject)[subject.notna()], path)


def text_column(rows: pd.DataFrame, values: object = pd.NA) -> pd.Series:
    return pd.Series(values, index=rows.index, dtype="string")


def mark(rows: pd.DataFrame, path: str | Path | None = None) -> pd.DataFrame:
    """Rows of one or many series (each indicator x subject x status is one) with their period named and `role`,
    `corroborated_by`, `competing`, `restates` and `reason` set (see the module docstring)."""
    grades = grade_order(path)
    sources = load("sources", path).set_index("source_id")
    for column in ("event_id", "period_basis", "period_text"):  # a package from before these columns
        if column not in rows:
            rows = rows.assign(**{column: text_column(rows)})
    if not len(rows):
        return rows.assign(**{c: text_column(rows) for c in EXTRA})[COLUMNS].reset_index(drop=True)
    definitions = load("indicator_definitions", path).set_index("indicator")
    lexicon = load("lexicon", path) if "lexicon" in tables(path) else pd.DataFrame()
    units = load("units", path).set_index("unit")["label"]
    rows = mark_roles(rows, sources, definitions, units, lexicon, grades, label=period_label)
    return rows[COLUMNS].astype({c: "string" for c in EXTRA}).reset_index(drop=True)


def claim(rows: pd.DataFrame) -> pd.Series:
    """What a row claims, comparable across units of one base (semantics.claims.claim_key, the meaning the
    agreement rules use): value and upper bound in the base unit, qualifier."""
    return claim_key(rows)
