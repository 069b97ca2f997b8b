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
from typing import Any

import pandas as pd

from ..core.exceptions import SeriesError, SubjectNeededError
from ..core.paths import package_dir
from ..core.suggest import close, did_you_mean, echoed, meant, suggested
from ..schema.descriptor import grade_order, read_descriptor, table_names
from ..semantics.claims import claim_key, nearly, nearly_terms
from ..semantics.roles import mark_roles
from ..text.fold import casefolded as fold
from .kept_package import found, kept, load, one_reading
from .periods import period

STATUSES = ("actual", "target", "estimate")
NAME_COLUMNS = ("name", "name_zh", "legal_name", "aliases")  # the columns that name a subject (aliases: `|`-joined)
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
        # Its labels and search words name an indicator too (GDP增速 is gdp_growth's, 地区生产总值 gdp's label_zh):
        # the suggestion follows the words a reader knows the measure by, not only a close spelling (trial 9 m10).
        named = [c for c in ("label", "label_zh", "search_words") if c in definitions]
        names = {
            str(i): [w for c in named if isinstance(row[c], str) for w in row[c].split("|") if w.strip()]
            for i, row in definitions.iterrows()
        }
        hint = did_you_mean(indicator, [str(i) for i in definitions.index], names, fold=fold)
        raise SeriesError(
            f"no indicator named {echoed(indicator)}; {hint.strip() or '`show indicator_definitions` lists them'}"
        )
    return f"{definitions.at[indicator, 'subject']!s}_id"


def subject_hint(text: str, column: str, among: list[str], path: str | Path | None) -> str:
    """The "did you mean" (core.suggest) for the id among `among` (the subjects with figures) that `text` names:
    the id in another case, or a name, Chinese name or alias of that subject in any script (Tongxiang, 桐乡 and
    桐鄉 name tongxiang), or a close spelling of one; "" when none. `among` may hold event editions too (WIC-2023
    names wic-2023).

    Never another subject passed off as the one asked (trial 10 W3): `text` is first read among every subject of
    its table, so xin-feng-ming-group, a listed company with no revenue figure, is that company, not a misspelling
    of xin-feng-ming-holding, its holding group with one. A subject of a close name that has figures is then named
    as what it is, "a different company, 'xin-feng-ming-holding' (Xinfengming Holding Group), has some", unless it
    is the subject's parent or part (`kin_of`, said apart by the caller)."""
    table = SUBJECT_TABLES.get(column)
    names: dict[str, list[str]] = {}
    if table is not None and table in tables(path):
        frame = load(table, path)
        for key, *written in frame[[column, *[c for c in NAME_COLUMNS if c in frame.columns]]].itertuples(index=False):
            names[str(key)] = [n for v in written if isinstance(v, str) for n in v.split("|")]
    everything = [*names, *(a for a in among if a not in names)]
    meant_subject = suggested(text, everything, names, fold)
    if meant_subject is None or meant_subject in among:
        return did_you_mean(text, among, names, fold) if meant_subject in among or not names else ""
    said = "" if meant_subject == text else f"did you mean {meant_subject!r}? it has none; "
    kin = kin_of(column, meant_subject, path)
    noun = {"enterprise_id": "company", "place_id": "place", "project_id": "project"}.get(column, "subject")
    others = [o for o in among if o in names and o not in kin and close(meant_subject, [o], names, fold) is not None]
    for other in others:
        label = next(iter(names[other]), other)
        said += f"a different {noun}, {other!r} ({label}), has some; "
    return said


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
    with one_reading(path):
        return series_read(indicator, subject, status, path, preferred)


def series_read(
    indicator: str, asked: str | None, status: str, path: str | Path | None, preferred: bool
) -> pd.DataFrame:
    """`series` inside one reading of the package (kept_package.one_reading)."""
    about, subject = figures_about(indicator, asked, path)
    marked = marked_series(indicator, asked, subject, [status], about, path)
    # How many figures the other statuses hold, so that an empty series can say where to look (`series` prints
    # "no actual figures (--status target has 1 figure)"); a notebook reads the same numbers.
    counts = about["status"].value_counts()
    marked.attrs["other_statuses"] = {s: int(counts[s]) for s in STATUSES if s != status and s in counts.index}
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


def kin_notes(
    indicator: str, asked: str | None, subject: str, status: str, path: str | Path | None, plain: bool = False
) -> list[str]:
    """`elsewhere` for a series as asked: `asked` is the subject as named (an edition, wic-2023, keeps the kin's
    figures of that edition only), `subject` the one its figures are about."""
    column = subject_column(indicator, path)
    figures = load("indicators", path)
    figures = figures[(figures["indicator"] == indicator) & (figures["status"] == status)]
    if asked is not None and asked != subject and "event_id" in figures:
        figures = figures[figures["event_id"].isin([asked, *part_editions(asked, path)])]
    return elsewhere(figures, indicator, column, subject, path, plain)


def figures_about(indicator: str, subject: str | None, path: str | Path | None = None) -> tuple[pd.DataFrame, str]:
    """The figures of `indicator` about `subject` of every status, unmarked, and the subject they are about (the
    recurring event for an edition, the only subject when none is named): what `series` reads before it keeps one
    status. Why apart: a chart marks its actuals and targets in one pass (`mark` takes many series at once)."""
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
        parts_at = part_editions(str(subject), path)
        at = figures[figures["event_id"] == subject]
        if not len(at) and parts_at:
            # The edition's part held its own edition (the expo of the sixth summit, light-of-internet-expo-2019):
            # its figures are that edition's, told as the figures of the part at wic-2023 are (trial 10 W1).
            own = figures[figures["event_id"].isin(list(parts_at))]
            held = [
                f"its part {parts_at[e]} has {count_of(own, 'event_id', e)} at that edition, as its own edition "
                f"{e}: `series {indicator} --subject {e}`"
                for e in sorted(own["event_id"].dropna().unique())
            ]
            if held:
                raise SeriesError(
                    f"{indicator} has no figures of {edition} at the edition {subject!r}; " + "; ".join(held)
                )
        if not len(at):
            raise SeriesError(
                f"{indicator} has no figures of the edition {subject!r}; its editions with figures: "
                + editions_with_figures(figures, column, edition, path)
            )
        figures = at
        edition_id, subject = subject, edition
    subjects = sorted(figures[column].dropna().unique())
    if not subjects:
        raise SeriesError(f"{indicator} has no figures in this package")
    if subject is None:
        if len(subjects) != 1:
            raise SubjectNeededError(
                f"{indicator} has figures about {len(subjects)} subjects; name one (subject=): {', '.join(subjects)}"
            )
        subject = subjects[0]
    elif subject not in subjects and edition is not None:
        # The edition's figures sit on a part of the recurring event its texts name (the expo at wic-2023).
        kin = kin_of(column, subject, path)
        held = [f"its {kin[o]} {o} has {count_of(figures, column, o)}" for o in subjects if o in kin]
        raise SeriesError(
            f"{indicator} has no figures of {subject} at the edition {edition_id!r}; "
            + (
                ("; ".join(held) + f" at that edition: `series {indicator} --subject {held_by(subjects, kin)}`")
                if held
                else f"its subjects at that edition: {', '.join(subjects)}"
            )
        )
    elif subject not in subjects:
        editions = [str(e) for e in figures["event_id"].dropna().unique()] if "event_id" in figures else []
        hint = subject_hint(subject, column, [*subjects, *editions], path)
        kin_held = [
            f"its {role} {other!r} has some"
            for other, role in kin_of(column, subject, path).items()
            if other in subjects
        ]
        hint += "".join(f"{k}; " for k in kin_held)
        hint += "".join(f"{k}; " for k in same_measure_holding(indicator, subject, path))
        raise SeriesError(
            f"{indicator} has no figures about {echoed(subject)}; {hint}its subjects: {', '.join(subjects)}"
        )
    return figures[figures[column] == subject], subject


SUBJECT_TABLES = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects"}
SHOWN_ELSEWHERE = 8  # figures named per related subject; the rest are counted


def kin_of(column: str, subject: str, path: str | Path | None) -> dict[str, str]:
    """The subject's parent and parts by its table's parent_id, each with its relation (`parent`, `part`): the
    Light of the Internet Expo is a part of the World Internet Conference, Wuzhen a part of Tongxiang."""
    table = SUBJECT_TABLES.get(column)
    if table is None or table not in tables(path):
        return {}
    frame = load(table, path)
    if "parent_id" not in frame or column not in frame:
        return {}
    kin: dict[str, str] = {}
    for parent in frame.loc[frame[column] == subject, "parent_id"].dropna():
        kin[str(parent)] = "parent"
    for part in frame.loc[frame["parent_id"] == subject, column].dropna():
        kin[str(part)] = "part"
    return kin


def same_measure_holding(indicator: str, subject: str, path: str | Path | None) -> list[str]:
    """The other indicators of the same measure that hold figures about `subject`, each about its own kind of
    subject: `tourist_arrivals` (接待游客人次) is a place's, `scenic_area_tourist_arrivals` (景区接待游客人次) a
    scenic area's, so the scenic area's visitors are found from either (trial 9 m4). The same measure is read from
    the definitions, never a list of pairs: the same measure, dimension and temporal kind, and one's Chinese label
    holds the other's whole (景区接待游客人次 holds 接待游客人次: the same count of a narrower subject)."""
    definitions = load("indicator_definitions", path).set_index("indicator")
    if not {"measure", "dimension", "subject", "temporal", "label_zh"} <= set(definitions.columns):
        return []
    kind = ["measure", "dimension", "temporal"]
    mine = [definitions.at[indicator, k] for k in kind]
    label = definitions.at[indicator, "label_zh"]
    figures = load("indicators", path)
    said = []
    for other, row in definitions.iterrows():
        column = f"{row['subject']!s}_id"
        theirs = row["label_zh"]
        if other == indicator or [row[k] for k in kind] != mine or column not in figures:
            continue
        if not (isinstance(label, str) and isinstance(theirs, str) and (label in theirs or theirs in label)):
            continue
        n = int(((figures["indicator"] == other) & (figures[column] == subject)).sum())
        if n:
            said.append(
                f"{other} ({definitions.at[other, 'label']!s}, the same measure) has {n} figure{'s' * (n != 1)} "
                f"about it: `series {other} --subject {subject}`"
            )
    return said


def part_editions(edition: str, path: str | Path | None) -> dict[str, str]:
    """The editions held as parts of `edition`, each with its part's project id: an event of a part of the
    edition's recurring event (projects.parent_id) held while the edition was (their dates overlap), as the Light
    of the Internet Expo of the sixth summit (light-of-internet-expo-2019, 18-22 October) was of wic-2019 (20-22
    October). Why from the data: events name no parent, but each names its project and dates, and a project its
    parent; so a part's edition is found for any year, not from a list of pairs (trial 10 W1)."""
    if "events" not in tables(path):
        return {}
    events = load("events", path).set_index("event_id")
    if edition not in events.index:
        return {}
    return held_during(edition, events, parts_of(str(events.at[edition, "project_id"]), path))


def parts_of(project: str, path: str | Path | None) -> set[str]:
    """The projects whose parent_id is `project`."""
    return {p for p, role in kin_of("project_id", project, path).items() if role == "part"}


def held_during(edition: str, events: pd.DataFrame, parts: set[str]) -> dict[str, str]:
    """part_editions of `edition`, read from the events (by event_id) and its recurring event's parts."""
    start, end = spans(events.at[edition, "start"], events.at[edition, "end"])
    found = {}
    for event, project, first, last in zip(
        events.index, events["project_id"], events["start"], events["end"], strict=True
    ):
        if event == edition or project not in parts:
            continue
        lo, hi = spans(first, last)
        if lo <= end and start <= hi:
            found[str(event)] = str(project)
    return found


def spans(start: object, end: object) -> tuple[str, str]:
    """An event's dates as comparable text, each as precise as written (2018-11 is any day of that month): the
    start as written, the end past every day it may be ("~" sorts after "-" and digits)."""
    first = str(start) if isinstance(start, str) else ""
    last = str(end) if isinstance(end, str) else first
    return first, (last or "~") + "~"


def editions_with_figures(figures: pd.DataFrame, column: str, edition: str, path: str | Path | None) -> str:
    """The editions the figures of recurring event `edition` and of its parts are of, as an error names them:
    "wic-2017, wic-2025; its part light-of-internet-expo at wic-2016, …, wic-2019 (as its own edition
    light-of-internet-expo-2019)"; "none (its figures are about the series, not one edition)" only when no figure
    of the event or its parts is of one edition (trial 10 W1: the expo's editions were left unsaid)."""
    said = [", ".join(sorted(figures.loc[figures[column] == edition, "event_id"].dropna().unique()))]
    events = load("events", path).set_index("event_id")
    # Each part's edition with the first of the event's editions (in the events table's order) it was held as a
    # part of: the events and the parts read once, not once per edition for every figure's edition.
    parts = parts_of(edition, path)
    held_at: dict[str, str] = {}
    for e in events.index[events["project_id"] == edition]:
        for event in held_during(e, events, parts):
            held_at.setdefault(event, str(e))
    for part, role in kin_of(column, edition, path).items():
        if role != "part":
            continue
        named = []
        for event in figures.loc[figures[column] == part, "event_id"].dropna().unique():
            if event in events.index and events.at[event, "project_id"] == part:
                of = held_at.get(str(event))
                named.append((of, f"{of} (as its own edition {event})") if of else (event, str(event)))
            else:
                named.append((str(event), str(event)))
        if named:
            said.append(f"its part {part} at " + ", ".join(n for _, n in sorted(named)))
    if len(said) == 1:
        return said[0] or "none (its figures are about the series, not one edition)"
    return "; ".join([said[0] or "none of its own", *said[1:]])


def count_of(figures: pd.DataFrame, column: str, subject: str) -> str:
    n = int((figures[column] == subject).sum())
    return f"{n} figure" + "s" * (n != 1)


def held_by(subjects: list[str], kin: dict[str, str]) -> str:
    return next(o for o in subjects if o in kin)


BOUND_WORDS = {"gt": "more than ", "gte": "at least ", "lt": "less than ", "lte": "at most ", "approx": "about "}
NEARLY = "nearly "  # an approx figure written with a `nearly` word (近300家): 300 or a little less, never more


def nearly_written(rows: pd.DataFrame, path: str | Path | None) -> pd.Series:
    """Whether each figure is written "nearly N" (the lexicon's `nearly` terms in its value_text, qualifier approx):
    a chart and its notes say "nearly 300", not "about 300", as the text did (trial 10 m5)."""
    if not len(rows) or "value_text" not in rows:
        return pd.Series(False, index=rows.index, dtype=bool)
    return nearly(rows["value_text"], rows["qualifier"], nearly_terms(load("lexicon", path)))


def bound_word(row: pd.Series) -> str:
    """The words of a figure's bound before its number in prose: `more than `, `nearly ` (a row whose `nearly` is
    set), `about `, or ""."""
    if bool(row.get("nearly", False)):
        return NEARLY
    return BOUND_WORDS.get(str(row["qualifier"]), "")


def in_words(row: pd.Series, units: pd.Series) -> str:
    """A figure as a chart's note says it, in the package's own words (its font has no Chinese): `more than 430
    count`, `372 hundred million yuan`, `5-6 count`."""
    value = f"{float(row['value']):,.10g}"
    if row["qualifier"] == "range" and pd.notna(row["value_upper"]):
        value = f"{value}-{float(row['value_upper']):,.10g}"
    else:
        value = bound_word(row) + value
    return value if row["unit"] == "count" else f"{value} {units.get(row['unit'], row['unit'])!s}"


def elsewhere(
    figures: pd.DataFrame,
    indicator: str,
    column: str,
    subject: str,
    path: str | Path | None,
    plain: bool = False,
) -> list[str]:
    """Which figures of the same indicator and status sit on the subject's parent or parts (`kin_of`), one line
    per such subject: "also under its part light-of-internet-expo: 2019-10-18 to 2019-10-22 601家; …".

    Why: each figure sits on the subject its text names, so a thing and its part (the conference and its expo,
    Tongxiang and Wuzhen) hold separate series of one measure; a reader of one must be told the other exists, or
    takes a split series for the whole (trial 9 V1). `figures` are the indicator's figures of the status asked
    (for an edition, of that edition only). `plain`: each value in words and its unit's label (`in_words`), as a
    chart's note says it, instead of as its text wrote it."""
    kin = kin_of(column, subject, path)
    if not kin:
        return []
    near = figures[figures[column].isin(list(kin))]
    if not len(near):
        return []
    near = near.assign(nearly=nearly_written(near, path))
    temporal = str(load("indicator_definitions", path).set_index("indicator").at[indicator, "temporal"])
    labels = load("units", path).set_index("unit")["label"]

    def written(r: pd.Series) -> str:
        if plain:
            return in_words(r, labels)
        return str(r["value_text"]) if isinstance(r["value_text"], str) else str(r["value"])

    said = []
    for other, rows in near.sort_values(["period_end", "observation_id"], na_position="first").groupby(
        column, sort=False
    ):
        shown = [
            f"{period_label(r['period_start'], r['period_end'], temporal)} {written(r)}"
            for _, r in rows.head(SHOWN_ELSEWHERE).iterrows()
        ]
        more = f" and {len(rows) - SHOWN_ELSEWHERE} more" if len(rows) > SHOWN_ELSEWHERE else ""
        said.append(
            f"also under its {kin[str(other)]} {other}: {'; '.join(shown)}{more} "
            f"(`series {indicator} --subject {other}`)"
        )
    return said


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
    lexicon = load("lexicon", path) if "lexicon" in tables(path) else pd.DataFrame()
    units = load("units", path).set_index("unit")["label"]
    rows = mark_roles(rows, sources, definitions, units, lexicon, grades, label=period_label)
    return rows[COLUMNS].astype({c: "string" for c in EXTRA}).reset_index(drop=True)


def period_label(start: Any, end: Any, temporal: str) -> str:
    """A period's name as series shows it (use.periods): `end-2023`, `H1 2019`, `2023-11-08 to 2023-11-10`."""
    return "undated" if pd.isna(end) else period(None if pd.isna(start) else start, end, temporal).label


def claim(rows: pd.DataFrame) -> pd.Series:
    """What a row claims, comparable across units of one base (semantics.claims.claim_key, the meaning the
    agreement rules use): value and upper bound in the base unit, qualifier."""
    return claim_key(rows)
