"""One tidy time series per indicator and subject, from the figures of many sources.

Several sources often state a figure for the same thing and period: 355, "350多" and "300多" digital-economy
enterprises in Tongxiang in 2014. A series must give one figure per period without hiding the others, so
every figure is kept and marked with its `role`, and the roles that set a figure aside say why in `reason`:

- `preferred`: the figure the series uses for the period; never more than one per period. The rule, in order:
  the stronger grade (the schema's enum order: official > state_media > regional_media > media > company >
  repost > secondary), where a faithful repost of a text whose origin it names ranks as that origin
  (sources.original_grade: the statistical bulletin's repost ranks as the official bulletin it reproduces),
  then the most recent text (`text_date`: the text's own date, which for a repost or a republished interview is
  the original's, sources.original_published, not the page's, and a window of days where the text's words bound
  its date, sources.written_after / written_before: `2023-11-01/2023-11-07`; a date known only to the month or
  year, or a window, counts as its first day, an unknown date as the oldest), then the observation id, so the
  choice never depends on row order. The same `text_date` is the one each row shows and every reason names; a
  repost's own publication date is in `reposted` (empty for a text first published where it is archived).
- `corroborating`: another source's figure for the period that agrees with the preferred one: their claims,
  as intervals at the precision each is written in (semantics/claims.py), meet. 114.2 billion yuan agrees with
  1141.69亿元, "350多" and "300多" with 355. The preferred row lists these sources in `corroborated_by`.
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
  own). A level of 2443 enterprises stated with no date on 2021-09-15 and again "so far" on 2021-09-24 is one
  observation: `restates` names the figure drawn for the repeats, and `plot` draws no new point for them. A
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

import math
from pathlib import Path

import pandas as pd

from ..core.exceptions import SeriesError, SubjectNeededError
from ..core.paths import package_dir
from ..core.suggest import did_you_mean, meant
from ..io.load import load
from ..schema.descriptor import grade_order, read_descriptor, table_names
from ..semantics.claims import (
    RESTATED_YEARS,
    Statement,
    and_some,
    and_some_terms,
    claim_key,
    intervals,
    is_restatement,
    nearly,
    nearly_terms,
    statements,
    text_dates,
)
from ..text.fold import casefolded as fold
from ..text.periods import as_words, day_read_at
from .periods import period

STATUSES = ("actual", "target", "estimate")
NAME_COLUMNS = ("name", "name_zh", "legal_name", "aliases")  # the columns that name a subject (aliases: `|`-joined)
ROLES = ("preferred", "corroborating", "competing", "restated", "not_comparable")  # the order rows are listed in
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


def subject_column(indicator: str, path: str | Path | None = None) -> str:
    """The column that names an indicator's subject (`place_id`, `enterprise_id` or `project_id`)."""
    definitions = load("indicator_definitions", path).set_index("indicator")
    if indicator not in definitions.index:
        hint = did_you_mean(indicator, [str(i) for i in definitions.index], fold=fold)
        raise SeriesError(
            f"no indicator named {indicator!r}; {hint.strip() or '`show indicator_definitions` lists them'}"
        )
    return f"{definitions.at[indicator, 'subject']!s}_id"


def subject_hint(text: str, column: str, among: list[str], path: str | Path | None) -> str:
    """The "did you mean" (core.suggest) for the id among `among` that `text` names: the id in another case, or a
    name, Chinese name or alias of that subject in any script (Tongxiang, 桐乡 and 桐鄉 name tongxiang), or a close
    spelling of one; "" when none. `among` may hold event editions too (WIC-2023 names wic-2023)."""
    table = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects"}.get(column)
    names: dict[str, list[str]] = {}
    if table is not None and table in tables(path):
        frame = load(table, path)
        for key, *written in frame[[column, *[c for c in NAME_COLUMNS if c in frame.columns]]].itertuples(index=False):
            names[str(key)] = [n for v in written if isinstance(v, str) for n in v.split("|")]
    return did_you_mean(text, among, names, fold)


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
    if status not in STATUSES:
        hint = did_you_mean(status, STATUSES)
        raise SeriesError(f"status {status!r} is not one of {', '.join(STATUSES)}" + f"; {hint.strip()}" * bool(hint))
    column = subject_column(indicator, path)
    figures = load("indicators", path)
    figures = figures[figures["indicator"] == indicator]
    edition = recurring_event_of(subject, path)
    # A subject of the figures is never read as an edition (an event named like a place stays the place).
    of_figures = subject is not None and subject in set(figures[column].dropna())
    named = edition_named(subject, path) if column != "project_id" and not of_figures else None
    if named is not None:  # gdp of wic-2023 (or WIC-2023, 乌镇峰会's edition by name): of places, not of events
        kind = {"place_id": "places", "enterprise_id": "enterprises"}.get(column, column)
        which = f"{subject!r} is an edition" if named[0] == subject else f"{subject!r} names the edition {named[0]!r}"
        raise SeriesError(
            f"{indicator} is a figure of {kind}, not of events: {which} of {named[1]}; its subjects: "
            + ", ".join(sorted(figures[column].dropna().unique()))
        )
    if edition is not None and "event_id" in figures:
        # An edition of a recurring event (wic-2023): the recurring event's figures of that edition only.
        editions = sorted(figures.loc[figures[column] == edition, "event_id"].dropna().unique())
        figures = figures[figures["event_id"] == subject]
        if not len(figures):
            raise SeriesError(
                f"{indicator} has no figures of the edition {subject!r}; its editions with figures: "
                + (", ".join(editions) or "none (its figures are about the series, not one edition)")
            )
        subject = edition
    subjects = sorted(figures[column].dropna().unique())
    if not subjects:
        raise SeriesError(f"{indicator} has no figures in this package")
    if subject is None:
        if len(subjects) != 1:
            raise SubjectNeededError(
                f"{indicator} has figures about {len(subjects)} subjects; name one (subject=): {', '.join(subjects)}"
            )
        subject = subjects[0]
    elif subject not in subjects:
        editions = [str(e) for e in figures["event_id"].dropna().unique()] if "event_id" in figures else []
        hint = subject_hint(subject, column, [*subjects, *editions], path)
        raise SeriesError(f"{indicator} has no figures about {subject!r}; {hint}its subjects: {', '.join(subjects)}")
    about = figures[figures[column] == subject]
    rows = about[about["status"] == status].copy()
    rows["subject"] = subject
    marked = mark(rows, path)
    # How many figures the other statuses hold, so that an empty series can say where to look (`series` prints
    # "no actual figures (--status target has 1 figure)"); a notebook reads the same numbers.
    counts = about["status"].value_counts()
    marked.attrs["other_statuses"] = {s: int(counts[s]) for s in STATUSES if s != status and s in counts.index}
    if not preferred:
        return marked
    chosen = marked[marked["role"] == "preferred"].copy()
    chosen.attrs["other_statuses"] = marked.attrs["other_statuses"]
    chosen.attrs["none_preferred"] = none_preferred(marked)
    return chosen


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
    one pass over the package, for checks and exports that need every series at once."""
    figures = load("indicators", path)
    subjects = load("indicator_definitions", path).set_index("indicator")["subject"].astype("string") + "_id"
    kind = figures["indicator"].map(subjects)
    subject = pd.Series(pd.NA, index=figures.index, dtype="string")
    for column in kind.dropna().unique():
        subject = subject.where(kind != column, figures[str(column)].astype("string"))
    return mark(figures.assign(subject=subject)[subject.notna()], path)


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


def edition_named(subject: str | None, path: str | Path | None = None) -> tuple[str, str] | None:
    """The edition (event_id, its recurring event's project id) that `subject` names through the one suggester
    (core.suggest.meant: the id in another case, or the edition's name in any script), else None: so that the
    "a figure of places, not of events" hint reads WIC-2023 as it reads wic-2023 (review 4 F7)."""
    if subject is None or "events" not in tables(path):
        return None
    events = load("events", path)
    names = {
        str(row["event_id"]): [str(row[c]) for c in ("name", "name_zh") if c in events and isinstance(row[c], str)]
        for _, row in events.iterrows()
    }
    found = meant(subject, list(names), names, fold)
    if found is None:
        return None
    return found, str(events.loc[events["event_id"] == found, "project_id"].iloc[0])


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
    temporal = definitions["temporal"]
    rows = rows.assign(
        grade=rows["source_id"].map(sources["grade"]).astype("string"),
        original_grade=(
            rows["source_id"].map(sources["original_grade"]).astype("string")
            if "original_grade" in sources
            else text_column(rows)
        ),
        text_date=rows["source_id"].map(text_dates(sources)).astype("string"),
        reposted=rows["source_id"].map(sources["published"].where(reposted_texts(sources))).astype("string"),
        period_label=[
            "undated" if pd.isna(end) else period(None if pd.isna(start) else start, end, str(temporal.get(i))).label
            for i, start, end in zip(rows["indicator"], rows["period_start"], rows["period_end"], strict=True)
        ],
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
    rows = rows.sort_values(
        ["_series", "period_end", "period_start", "_rank", "_published", "observation_id"],
        ascending=[True, True, True, True, False, True],
        na_position="first",
        kind="stable",
    )
    rows["_claim"] = claim_key(rows)
    for column in ("role", "restates", "reason", "corroborated_by", "competing"):
        rows[column] = text_column(rows)
    lexicon = load("lexicon", path) if "lexicon" in tables(path) else pd.DataFrame()
    rows["and_some"] = and_some(rows["value_text"], rows["qualifier"], and_some_terms(lexicon))  # 40多: below 50
    rows["nearly"] = nearly(rows["value_text"], rows["qualifier"], nearly_terms(lexicon))  # 近100: 90 to 100
    set_aside_other_base_units(rows, load("units", path).set_index("unit")["label"])
    set_aside_incomparable(rows, definitions)
    stocks = set(temporal.index[temporal == "stock"])
    mark_restatements(rows, statements(rows, sources, grades, stocks))
    mark_periods(rows)
    order = {role: i for i, role in enumerate(ROLES)}
    rows["_role"] = rows["role"].map(order)
    rows = rows.sort_values(
        ["_series", "period_end", "period_start", "_role", "_rank", "_published", "observation_id"],
        ascending=[True, True, True, True, True, False, True],
        na_position="first",
        kind="stable",
    )
    return rows[COLUMNS].astype({c: "string" for c in EXTRA}).reset_index(drop=True)


def set_aside_other_base_units(rows: pd.DataFrame, labels: pd.Series) -> None:
    """Figures in another base unit than most of their series' are `not_comparable`, with the reason. The
    series' base unit: the one most of its figures are in; on a tie, the base unit of the best-ranked figure."""
    ranked = rows.assign(_position=range(len(rows))).sort_values(["_series", "_rank", "_position"], kind="stable")
    ranked["_first"] = range(len(ranked))
    units = ranked.groupby(["_series", "base_unit"], sort=False).agg(n=("_first", "size"), first=("_first", "min"))
    units = units.reset_index().sort_values(["_series", "n", "first"], ascending=[True, False, True])
    main = units.drop_duplicates("_series").set_index("_series")["base_unit"]
    wanted = rows["_series"].map(main)
    other = (rows["base_unit"] != wanted).fillna(False).astype(bool)
    rows.loc[other, "role"] = "not_comparable"
    rows.loc[other, "reason"] = [
        f"in {labels.get(unit, unit)}, not {labels.get(m, m)}: the package holds no exchange rate"
        for unit, m in zip(rows.loc[other, "base_unit"], wanted[other], strict=True)
    ]


def set_aside_incomparable(rows: pd.DataFrame, definitions: pd.DataFrame) -> None:
    """Every figure of an indicator whose figures are not comparable with one another (its definition's
    `not_comparable` says why: history_length, a place's age counted from an event no source names) is
    `not_comparable`, with that reason: none is preferred over another, none restates or competes with another,
    so 1,000 years (2022) and 7,000 years (2023) of one town are never read as a rise."""
    if "not_comparable" not in definitions:  # a package from before the column
        return
    why = rows["indicator"].map(definitions["not_comparable"]).astype("string")
    apart = (why.notna() & (why.str.strip() != "") & rows["role"].isna()).fillna(False).astype(bool)
    rows.loc[apart, "role"] = "not_comparable"
    rows.loc[apart, "reason"] = [
        incomparable_reason(str(indicator), str(text))
        for indicator, text in zip(rows.loc[apart, "indicator"], why[apart], strict=True)
    ]


def incomparable_reason(indicator: str, why: str) -> str:
    """The reason a figure of an indicator not comparable with itself carries (the chart finds them by it)."""
    return f"{indicator}'s figures are not comparable with one another: {why}"


def mark_restatements(rows: pd.DataFrame, said: list[Statement]) -> None:
    """A figure is `restated` when it says again the series' latest earlier figure (same edition), as
    semantics.claims.is_restatement reads it (the meaning `fact-cluster` uses too): a stock dated only by its own
    text, agreeing at written precision with the same bound word, whose text was published after that figure's,
    at most RESTATED_YEARS after it was stated, by a source ranked no stronger. `restates` names the figure drawn.

    "Latest earlier figure": the best-ranked figure of the latest earlier date, a restatement counting as a
    statement (at its own date) of the figure it restates. Rows are in period order, best-ranked first.
    """
    role, restates, reason = list(rows["role"]), list(rows["restates"]), list(rows["reason"])
    # (series, edition) -> the latest statement: its date, and the figure drawn for it (index into the rows).
    latest: dict[tuple[str, str], tuple[pd.Timestamp, int]] = {}
    for i, (one, edition, end) in enumerate(rows[["_series", "event_id", "period_end"]].itertuples(index=False)):
        if pd.notna(role[i]) or pd.isna(end):  # set aside already, or undated
            continue
        key, end = (str(one), "" if pd.isna(edition) else str(edition)), pd.Timestamp(end)
        earlier = latest.get(key)
        if earlier is None or earlier[0] < end:
            if earlier is not None and is_restatement(said[i], said[earlier[1]], stated=earlier[0]):
                d = earlier[1]
                observation = str(rows["observation_id"].iat[d])
                role[i], restates[i] = "restated", observation
                reason[i] = restated_reason(rows, i, d)
                latest[key] = (end, d)
                continue
            latest[key] = (end, i)
    rows["role"], rows["restates"], rows["reason"] = (
        pd.Series(v, index=rows.index, dtype="string") for v in (role, restates, reason)
    )


def restated_reason(rows: pd.DataFrame, i: int, d: int) -> str:
    """Why row i says again row d, in facts a reader can check: both publication dates (the earlier text came
    first), the figure's date, and the rank; never "stated before" of a text published later."""

    return (
        f"says again {rows['observation_id'].iat[d]} ({rows['period_label'].iat[d]}; published {text_date(rows, d)}): "
        f"this text, published {text_date(rows, i)} and dated only by its own date, came after it, within "
        f"{RESTATED_YEARS} years of that figure's date, agrees with it, and ranks no stronger"
    )


def mark_periods(rows: pd.DataFrame) -> None:
    """Within each period, the first-ranked figure left is `preferred`; the others agree with it or compete."""
    bounds = intervals(rows)
    low, high = list(bounds["low"].astype(float)), list(bounds["high"].astype(float))
    claims = [str(c) for c in rows["_claim"]]
    sources, observations = [str(v) for v in rows["source_id"]], [str(v) for v in rows["observation_id"]]
    role, reason = list(rows["role"]), list(rows["reason"])
    agreeing_with: list[object] = [pd.NA] * len(rows)
    competing_with: list[object] = [pd.NA] * len(rows)
    period = (
        rows["_series"]
        + "|"
        + rows["period_start"].astype("string").fillna("")
        + "|"
        + rows["period_end"].astype("string").fillna("")
    )
    members: dict[str, list[int]] = {}
    for i, key in enumerate(period):
        if pd.isna(role[i]):
            members.setdefault(str(key), []).append(i)
    for group in members.values():
        best, others = group[0], group[1:]
        role[best] = "preferred"
        agreeing: set[str] = set()
        competing: list[str] = []
        for i in others:
            known = not any(math.isnan(v) for v in (low[i], high[i], low[best], high[best]))
            meets = low[i] <= high[best] and high[i] >= low[best] if known else claims[i] == claims[best]
            role[i] = "corroborating" if meets else "competing"
            if meets:
                agreeing.add(sources[i])
            else:
                competing.append(observations[i])
        agreeing_with[best] = ", ".join(sorted(agreeing)) if agreeing else pd.NA
        competing_with[best] = ", ".join(competing) if competing else pd.NA
        tied = [i for i in others if role[i] == "competing" and not separated(rows, best, i)]
        if tied:  # nothing ranks one above the other: neither is preferred (review 3 F5)
            role[best] = "competing"
            for i in [best, *tied]:
                rivals = [observations[k] for k in [best, *tied] if k != i]
                reason[i] = f"{tie_reason(rows, [best, *tied])}: {', '.join(rivals)} gives a different figure"
            for i in others:
                if role[i] == "competing" and i not in tied:
                    reason[i] = f"differs from {observations[best]} ({what_separated(rows, best, i)})"
        elif competing:  # a disputed figure says so in every form, `--preferred` tables too
            reason[best] = (
                f"disputed: {', '.join(competing)} {'gives' if len(competing) == 1 else 'give'} a different figure"
            )
            for i in others:
                if role[i] == "competing":
                    reason[i] = f"differs from the preferred {observations[best]} ({what_separated(rows, best, i)})"
    rows["role"] = pd.Series(role, index=rows.index, dtype="string")
    rows["reason"] = pd.Series(reason, index=rows.index, dtype="string")
    rows["corroborated_by"] = pd.Series(agreeing_with, index=rows.index, dtype="string")
    rows["competing"] = pd.Series(competing_with, index=rows.index, dtype="string")


def separated(rows: pd.DataFrame, best: int, other: int) -> bool:
    """Whether the ranking put `best` before `other` by something a reader can check: its grade or its date."""
    rank, published = rows["_rank"].to_numpy(), rows["_published"].to_numpy()  # plain values: typed for mypy
    return bool(rank[best] != rank[other] or published[best] != published[other])


def what_separated(rows: pd.DataFrame, best: int, other: int) -> str:
    """What ranked the preferred figure first, in the words of the ranking: grade, then the text's date."""
    rank = rows["_rank"].to_numpy()
    if rank[best] != rank[other]:
        return f"its source ranks as {ranked_grade(rows, best)}, above {ranked_grade(rows, other)}"
    return f"its text is dated {text_date(rows, best)}, after {text_date(rows, other)}"


def tie_reason(rows: pd.DataFrame, tied: list[int]) -> str:
    """Why neither of two figures is preferred: one text gives both, or texts of one grade and date differ."""
    if len({str(rows["source_id"].iat[k]) for k in tied}) == 1:
        return "one text gives both"
    return f"texts of the same grade ({ranked_grade(rows, tied[0])}) and date ({text_date(rows, tied[0])}) differ"


def ranked_grade(rows: pd.DataFrame, k: int) -> str:
    """The grade row k ranks as (its original's for a faithful repost)."""
    value: object = rows["original_grade"].iat[k]
    if not (isinstance(value, str) and value):
        value = rows["grade"].iat[k]
    return str(value) if isinstance(value, str) and value else "ungraded"


def text_date(rows: pd.DataFrame, k: int) -> str:
    """Row k's text date as written (the original's for a repost), an open start as "no later than 2014-11-18",
    "n.d." when unknown."""
    value: object = rows["text_date"].iat[k]
    return as_words(value) if isinstance(value, str) and value else "n.d."


def reposted_texts(sources: pd.DataFrame) -> pd.Series:
    """Which sources are pages of an earlier original whose date they state (original_published differs from
    the page's published): their rows show the page's date as `reposted`. A text whose own words only bound its
    date (written_before) is no repost."""
    if "original_published" not in sources:
        return pd.Series(False, index=sources.index)
    original = sources["original_published"].astype("string")
    return (original.notna() & (original != sources["published"].astype("string"))).fillna(False).astype(bool)


def first_day(published: pd.Series) -> pd.Series:
    """Publication dates (YYYY, YYYY-MM or YYYY-MM-DD, or a first/last window of days) as the first day they can
    mean, an open start (`../2014-11-18`) as its last day (text.periods.day_read_at, as the rules read it); unknown
    as NaT."""
    days = {d: day_read_at(d) for d in published.dropna().astype(str).unique()}
    return pd.to_datetime(published.astype(object).map(lambda d: days.get(d) if isinstance(d, str) else None))


def claim(rows: pd.DataFrame) -> pd.Series:
    """What a row claims, comparable across units of one base (semantics.claims.claim_key, the meaning the
    agreement rules use): value and upper bound in the base unit, qualifier."""
    return claim_key(rows)
