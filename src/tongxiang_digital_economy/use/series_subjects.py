"""Which subject a series is of, and what a subject with no figures is told: the column an indicator's subject is
named in, an edition of a recurring event read as its event's figures of that edition, the subject's parent and parts
(parent_id) and the editions held as parts of an edition, and the "did you mean" that never passes off another
subject as the one asked (trial 10 W3)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.exceptions import SeriesError, SubjectNeededError
from ..core.paths import package_dir
from ..core.suggest import close, did_you_mean, echoed, meant, suggested
from ..schema.descriptor import read_descriptor, table_names
from ..text.fold import casefolded as fold
from .kept_package import load

NAME_COLUMNS = ("name", "name_zh", "legal_name", "aliases")  # the columns that name a subject (aliases: `|`-joined)


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
    # Read as two lists, not by masks: a selection of an Arrow-backed column cost more than the whole walk.
    pairs = list(zip(frame[column].tolist(), frame["parent_id"].tolist(), strict=True))
    for key, parent in pairs:
        if not pd.isna(key) and key == subject and not pd.isna(parent):
            kin[str(parent)] = "parent"
    for key, parent in pairs:
        if not pd.isna(parent) and parent == subject and not pd.isna(key):
            kin[str(key)] = "part"
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
