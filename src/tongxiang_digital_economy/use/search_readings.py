"""The ways a query is read besides as words to find in one cell: a subject and a measure ("Wuzhen visitors":
the subject's figures of the indicators the measure names), an edition and a measure ("WIC 2023 investment"), and
words and a year ("GDP 2016": the figures whose period ends in it). Each reading is made only when the query as a
whole is no name and names no indicator; use.text_search tells what each is for."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.report import count
from .search_companies import projects_run
from .search_editions import EditionReading, edition_figures
from .search_index import named_indicators
from .search_kept import kept_with, rows_by_value
from .search_lexicon import company_suffixes, normalised_in, search_terms, small_words
from .search_names import names
from .search_query import Query, parse, parse_folded
from .search_splits import in_word_forms, subject_splits, without_connectives
from .search_years import dated, once


@dataclass(frozen=True)
class YearReading:
    """A query read as words and a year (see use.search_years): `rest` read as any query, its figures those of
    `year`."""

    rest: str
    year: int
    query: Query
    named: frozenset[str]
    split: SubjectAndMeasure | None  # the rest read as a subject and a measure (subject_and_measure)

    def of_year(self, hits: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
        """The hits of the year: a figure whose period ends in it (its `year`), of the indicators the rest names when
        it has some of them, and any other row whose found cell writes it (a source's title "2016年..."); the
        definitions of the indicators are in the block above."""
        year_of: pd.Series = kept_with(
            (figures,),
            "year_by_observation",
            lambda: pd.Series(figures["year"].to_numpy(), index=figures["observation_id"]),
        )
        is_figure = hits["table"] == "indicators"
        of_year = is_figure & hits["key"].map(year_of).eq(self.year).fillna(False)
        writes_it = hits["text"].str.contains(str(self.year), regex=False).fillna(False)
        if self.named and self.split is None:  # "GDP 2019": GDP's figures, not the fiscal rows whose note names GDP
            indicator_of: pd.Series = kept_with(  # (trial 19 W2), when it has some of the year
                (figures,),
                "indicator_by_observation",
                lambda: pd.Series(figures["indicator"].to_numpy(), index=figures["observation_id"]),
            )
            measured = of_year & hits["key"].map(indicator_of).isin(self.named)
            of_year = measured if measured.any() else of_year
        return hits[of_year | (~is_figure & writes_it)]

    def other_years(self, found: pd.DataFrame, split: SubjectAndMeasure | None, figures: pd.DataFrame) -> list[str]:
        """For each indicator listed that has no figure of the year, the years it has (of the subject the query
        names, if it names one): "gdp_growth has figures for 2021, 2022, 2023, 2024, 2025; none for 2016"."""
        by_indicator = kept_with((figures,), "figures_by_indicator", lambda: rows_by_value(figures["indicator"]))
        years = kept_with((figures,), "years", lambda: figures["year"].to_numpy(dtype=float, na_value=np.nan))
        about = split.figures(figures).to_numpy(dtype=bool) if split is not None else None
        out = [] if len(found) else self.subject_years(figures)
        for indicator in found["indicator"]:  # the few indicators listed, each by its kept positions
            at = by_indicator.get(str(indicator), np.zeros(0, dtype=np.int64))
            if about is not None:
                at = at[about[at]]
            if not (years[at] == self.year).any():
                whose = f" about {split.subject}" if split is not None else ""
                held = ", ".join(str(int(y)) for y in sorted(set(years[at][~np.isnan(years[at])]))) or "no dated year"
                out.append(f"{indicator} has figures{whose} for {held}; none for {self.year}")
        return out

    def held(self, hits: pd.DataFrame, figures: pd.DataFrame) -> list[str]:
        """The indicators of the figures of the year found, each with how many: "digital_economy_core_industry_
        investment: 3 figures of 2022". Said first, so that the indicators named with none of the year (other_years)
        do not read as the answer when other indicators' figures of the year were found (trial 14 m5)."""
        return year_counts(hits, figures, self.year)

    def subject_years(self, figures: pd.DataFrame) -> list[str]:
        """For each subject the query names (no indicator) that has no figure of the year, the years it has:
        "jushi-group has figures for 2014; none for 2030"."""
        out = []
        for column, ids in sorted(self.query.subjects.items()):
            if column not in figures.columns:
                continue
            for subject in sorted(set(ids) - {s for c, s in self.query.parts if c == column}):
                years = figures.loc[figures[column] == subject, "year"].dropna()
                if len(years) and not (years == self.year).any():
                    held = ", ".join(str(int(y)) for y in sorted(set(years)))
                    out.append(f"{subject} has figures for {held}; none for {self.year}")
        return out


def has_figures(year: YearReading, figures: pd.DataFrame) -> bool:
    """Whether the package holds a figure of the year about what the rest of the query names: the subject's of the
    measure, the subjects' (their parts' too), the indicators'. An event's name with a year no edition of it has
    ("互联网之光博览会 2023") is read as its figures of that year when it has some (trial 17 W2)."""
    of_year = figures["year"].eq(year.year).fillna(False).astype(bool)
    if year.split is not None:
        return bool((year.split.figures(figures) & of_year).any())
    about = pd.Series(not year.query.subjects, index=figures.index)
    for column, ids in year.query.subjects.items():
        if column in figures.columns:
            about |= figures[column].isin(ids).fillna(False).astype(bool)
    if year.named:
        about &= figures["indicator"].isin(year.named)
    return bool((about & of_year).any())


def year_reading(text: str, query: Query, named: frozenset[str], frames: dict[str, pd.DataFrame]) -> YearReading | None:
    """The query read as words and a year (use.search_years), when as a whole it is no name, names no indicator
    and no subject, and without its year it names an indicator, a subject and a measure, or a subject (its name or
    part of one): else None."""
    if query.name or named or query.subjects:
        return None
    year = dated(normalised_in(text, frames), small_words(frames).year_words)
    if year is None:
        return None
    rest = once(year.rest, names(frames))
    query = parse(rest, frames)
    named = named_indicators(query, frames)
    split = subject_and_measure(query, named, frames)
    if not named and split is None and not query.subjects:
        return None  # "Jushi 2014", 2024年乌镇: a subject and a year read as its figures of that year (trial 13 W2)
    return YearReading(rest, year.year, query, named, split)


@dataclass(frozen=True)
class SubjectAndMeasure:
    """A query read as a subject's name and a measure: "Wuzhen visitors" is Wuzhen (the place) and the indicators
    "visitors" names that have figures about it (trial 7 S6)."""

    subject: str  # the query's words that name the subject, as typed (folded)
    measure: str  # the rest of the query, which names the indicators
    ids: dict[str, frozenset[str]]  # subject column -> the ids the subject's name stands for
    indicators: frozenset[str]  # the indicators the measure names that have figures about the subject
    measured: frozenset[str] = frozenset()  # every indicator the measure names, of any subject

    def figures(self, frame: pd.DataFrame) -> pd.Series:
        """Which rows of the indicators table are the subject's figures of the measure."""
        about = pd.Series(False, index=frame.index)
        for column, ids in self.ids.items():
            if column in frame.columns:
                about |= frame[column].isin(ids).fillna(False).astype(bool)
        return about & frame["indicator"].isin(self.indicators)


def subject_and_measure(
    query: Query, named: frozenset[str], frames: dict[str, pd.DataFrame]
) -> SubjectAndMeasure | None:
    """The query read as a subject and a measure, when it is neither a name nor names an indicator whole: each way
    of taking some of its words as a place's, enterprise's or project's name (a run of words: "wuzhen visitors",
    "visitors wuzhen", "桐乡 gdp"; or the start or end of a Chinese word: 乌镇游客) and the rest as the words of an
    indicator, the longest name first; the first whose rest names indicators with figures about that subject.
    None when no reading finds such a figure: the query is then only words to find in one cell."""
    folded = normalised_in(query.text, frames)
    if named or query.subjects or not folded:
        return None
    known, suffixes, synonyms = names(frames), company_suffixes(frames), search_terms(frames)
    definitions, figures = frames["indicator_definitions"], frames["indicators"]
    subject_of = dict(zip(definitions["indicator"], definitions["subject"], strict=True))
    for subject, rest in subject_splits(folded, small_words(frames).possessives):
        measure = without_connectives(rest, small_words(frames).connectives)
        if len(measure.replace(" ", "")) < 2:  # one character (乌镇人: 人) is in too many names to be a measure
            continue
        ids = located_in(parse_folded(subject, subject, known, suffixes, synonyms).subjects, frames)
        if not ids:
            continue
        read = in_word_forms(parse_folded(measure, measure, known, suffixes, synonyms))
        wanted = named_indicators(read, frames, measure=True)
        having = frozenset(
            i
            for i in wanted
            if f"{subject_of[i]}_id" in ids
            and figures.loc[figures["indicator"] == i, f"{subject_of[i]}_id"].isin(ids[f"{subject_of[i]}_id"]).any()
        )
        if having:
            return SubjectAndMeasure(subject, measure, ids, having, wanted)
    return None


def located_in(ids: dict[str, frozenset[str]], frames: dict[str, pd.DataFrame]) -> dict[str, frozenset[str]]:
    """The subjects a subject's name stands for in a subject-and-measure reading: a place stands for the projects
    and enterprises located in it too (their `place_id`), for the measures that are counted per project or
    enterprise: "Wuzhen visitors" is the town's visits and its scenic areas' (scenic_area_tourist_arrivals), as
    乌镇游客 finds both in the texts (trial 9 V2). A measure of the place itself is still the place's only. An
    enterprise named stands for the projects it or a subsidiary of it operates, invests in or develops too
    (search_companies.projects_run), for the measures counted per project: "巨石 玻纤产能" is the capacity of the
    glass-fibre lines of Jushi's projects, as "Jushi fiberglass capacity" finds in their notes (trial 9)."""
    out = dict(ids)
    run = projects_run(ids.get("enterprise_id", frozenset()), frames)
    if run:
        out["project_id"] = ids.get("project_id", frozenset()) | run
    places = ids.get("place_id")
    if not places:
        return out
    for column, table in (("project_id", "projects"), ("enterprise_id", "enterprises")):
        frame = frames.get(table)
        if frame is not None and "place_id" in frame.columns:
            inside = frozenset(str(k) for k in frame.loc[frame["place_id"].isin(places), column])
            if inside:
                out[column] = out.get(column, frozenset()) | inside
    return out


@dataclass(frozen=True)
class EditionAndMeasure(SubjectAndMeasure):
    """An edition and a measure ("WIC 2023 investment"): the edition's figures (search_editions.edition_figures,
    by `observation_id`) of the indicators the measure names."""

    rows: frozenset[str] = frozenset()

    def figures(self, frame: pd.DataFrame) -> pd.Series:
        return frame["observation_id"].isin(self.rows) & frame["indicator"].isin(self.indicators)


def edition_measured(edition: EditionReading | None, frames: dict[str, pd.DataFrame]) -> EditionAndMeasure | None:
    """The edition-and-measure reading as search's split, or None when the query names no edition and measure."""
    if edition is None or not edition.editions or not edition.measured:
        return None
    figures = frames["indicators"]
    of_edition = figures[edition_figures(edition.editions, frames).to_numpy(dtype=bool)]
    rows = frozenset(of_edition.loc[of_edition["indicator"].isin(edition.measured), "observation_id"].astype(str))
    having = frozenset(of_edition.loc[of_edition["indicator"].isin(edition.measured), "indicator"].astype(str))
    ids = {"event_id": frozenset(edition.editions)}
    subject = ", ".join(edition.editions)
    return EditionAndMeasure(subject, edition.measure, ids, having, edition.measured, rows)


def none_of_the_measure(
    edition: EditionReading, split: EditionAndMeasure | None, frames: dict[str, pd.DataFrame]
) -> str:
    """What an edition-and-measure query found none of: the edition has no figure of the measure; the indicators it
    names that the edition's event (or a part of it) has figures of, with their years, or that it has none either
    ("WIC 2023 investment": cooperation_projects_total_investment, of 2022 and 2024)."""
    if split is None or split.indicators:
        return ""
    figures = frames["indicators"]
    projects = set(edition.projects)
    parts = frames.get("projects")
    if parts is not None and "parent_id" in parts:
        projects |= set(parts.loc[parts["parent_id"].isin(edition.projects), "project_id"])
    theirs = figures[figures["indicator"].isin(edition.measured) & figures["project_id"].isin(projects)]
    event = " and ".join(edition.projects)
    if not len(theirs):
        return f"{split.subject} has no figure of {edition.measure!r}, nor has {event}"
    years = theirs.groupby("indicator")["year"].apply(lambda y: ", ".join(str(int(v)) for v in sorted(set(y.dropna()))))
    held = "; ".join(f"{indicator} of {spans}" for indicator, spans in years.items())
    return (
        f"{split.subject} has no figure of {edition.measure!r}; {event} or a part of it has {held}, none of the edition"
    )


def year_counts(hits: pd.DataFrame, figures: pd.DataFrame, year: int) -> list[str]:
    """The indicators of the figures found, each with how many: "gdp_growth: 1 figure of 2024" (YearReading.held;
    and of the figures a status or period keeps of the year's, search_narrowed)."""
    keys = hits.loc[hits["table"] == "indicators", "key"].drop_duplicates()
    found = figures.loc[figures["observation_id"].isin(keys), "indicator"].value_counts(sort=False)
    return [f"{indicator}: {count(int(n), 'figure')} of {year}" for indicator, n in sorted(found.items())]
