"""Find every row that mentions something: names, definitions, evidence, notes and aliases, in any script and
either language, and the indicators a word leads to.

How a query matches a cell:

- Scripts and case fold alike: both sides go to simplified script with OpenCC (t2s) and to lower case, so 乌镇
  finds the 烏鎮 rows and WUZHEN finds Wuzhen.
- A name finds its other names: a query (or one of its words) that is the name, Chinese name or an alias of a
  place, enterprise or project stands for all of them, so "Wuzhen" and 乌镇 find the same rows; the rows about
  that subject (its `place_id`, `enterprise_id` or `project_id`) are found too, named by their subject column.
  A query that is part of the names of at most three enterprises or projects ("Light of Wuzhen", supercomputing,
  超算) stands for them the same way, so an English and a Chinese query find the same rows about them.
- A company's name with its legal form (the lexicon's `company_suffix`: 集团, 股份有限公司, Group, Co., Ltd.) that
  is not itself a name is read without it, so 新凤鸣集团 and 桐昆股份 find what 新凤鸣 and 桐昆 find (trial 7 S3).
- English words match by word and word form: every word of the query must begin a word of the cell, singular
  or plural alike, or share its root across noun, verb and agent forms (text.stems: "supercomputer" finds
  "supercomputing", "investors" finds "investment"), in any order, so "core industry" finds "core digital-economy
  industries". A word that mixes Chinese and Latin letters is read as its script runs (人均GDP: 人均 and gdp).
  Chinese has no
  spaces between words: a Chinese part of four or more characters is read as pieces of two (the last takes an odd
  character), found in any order within one clause of the cell (no comma, full stop or enumeration comma between
  them), so 财政收入 finds 财政总收入 as "fiscal revenue" finds "total fiscal revenue", and 签约项目 finds
  新签约内外资项目 as "signed projects" finds "projects signed"; a shorter part matches anywhere in the cell.
- A query that names an indicator (its id's words, its label or Chinese label `label_zh`, one of its written
  forms or search words, or the Chinese term its definition glosses first, in either language, matches it; the
  query's Chinese and Latin words may match different ones of these names) finds the figures of that
  indicator too, named by their `indicator` column: "fiscal revenue" and 财政收入 find the same figures, though
  the evidence of most is written in Chinese. The indicators listed are exactly those named, so each listed
  indicator's figures are among the rows; a definition that only mentions the words ("not the town's fiscal
  revenue") is found as a row of indicator_definitions, not as an indicator. Different words ("visitors",
  "tourists", 游客) name different indicators; `search` lists each indicator's written forms, the words to try
  in the other language. Search words (`search_words`: "visitors" for the tourist arrivals its
  sources write as 接待游客 and "tourists") find an indicator as its written forms do, but no rule
  reads them: a written form also proves which indicator a figure is, and a word no text writes for
  the indicator, or one two neighbours share, would prove it of the wrong one.

A subject and a measure ("Wuzhen visitors", 乌镇游客, "桐乡 GDP", "GDP of Tongxiang"): a query that is no name and
names no indicator whole, but whose words are a subject's name and the words of indicators with figures about that
subject, finds those figures (named by their `indicator` column) and lists those indicators, each with the command
for that subject's series (trial 7 S6). Cells holding all its words are found as for any query.

A query is read without its quotes and the punctuation at its words' edges (normalised): '"core industry"',
'"乌镇"', 'gdp?' and 'Wuzhen,' find what core industry, 乌镇, gdp and Wuzhen find; a user copies a phrase with
its quotes or asks a question, and a quote or comma kept would be a character to match (trial 7 S5).

Which columns are searched follows from the Table Schemas, never a list kept here: every string column that is
free text, i.e. not a key, not a foreign key and not constrained to an enum or a pattern (identifiers and codes
would match every row about a place and drown the answer).

`theme` (indicator_definitions.theme) narrows the search to the indicators and definitions of one theme, and a
theme alone lists them all: `search("", theme="investment")`. An empty query without a theme is refused.
`indicators(text)` is the discovery step: each indicator the query names, with its label, subjects, years and
the command that gives its series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypedDict

import numpy as np
import pandas as pd

from ..core.exceptions import EmptyQueryError, QueryTooLongError, SearchError
from ..core.paths import package_dir
from ..core.report import count
from ..core.suggest import did_you_mean, echoed
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..schema.keys import key_columns
from ..schema.keys import primary_key as key_fields_of
from ..text.fold import casefolded as fold
from .search_cells import SearchedTable, as_objects, searched
from .search_cells import every_table as every_table  # where the scripts and tests read every table
from .search_editions import EditionReading, edition_figures, edition_reading
from .search_index import named_indicators, split_words
from .search_kept import kept_with, rows_by_value
from .search_lexicon import company_suffixes, normalised_in, search_terms, small_words
from .search_lexicon import normalised as normalised  # where the tests read it
from .search_names import names
from .search_numbers import number_in as number_in  # where the tests read it
from .search_numbers import number_query, texts_writing
from .search_query import Query, meant, parse, parse_folded
from .search_splits import in_word_forms, subject_splits, without_connectives
from .search_years import dated, joined, once

COLUMNS = ["table", "key", "column", "text", "source_id"]


def text_columns(table: str, path: str | Path | None = None) -> list[str]:
    """The free-text string columns of a table, read from its Table Schema."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    keys = key_columns(schema)
    return [
        f["name"]
        for f in schema["fields"]
        if f.get("type", "string") == "string"
        and f["name"] not in keys
        and not {"enum", "pattern"} & set(f.get("constraints", {}))
    ]


def number_columns(table: str, path: str | Path | None = None) -> list[str]:
    """The columns of type `number` of a table, read from its Table Schema: the measured values (a figure's `value`
    and `value_upper`, a unit's multiplier), which a number query matches by value. An `integer` column is a year,
    an edition or a divisor: 2019 as a number would be every figure of that year, which its text cells find."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), table))
    return [f["name"] for f in schema["fields"] if f.get("type") == "number"]


def themes(path: str | Path | None = None) -> list[str]:
    """The indicator themes, as the schema of indicator_definitions lists them."""
    base = package_dir(path)
    schema = table_schema(base, resource(read_descriptor(base), "indicator_definitions"))
    return list(next(f for f in schema["fields"] if f["name"] == "theme")["constraints"]["enum"])


# A word character that is no underscore: a letter or digit of any script, Han characters included.
WORDLIKE = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether `text`, folded as every query is, holds a letter, digit or Han character: punctuation alone names
    nothing, and as a substring it is in nearly every cell."""
    return WORDLIKE.search(fold(text)) is not None


def search(text: str, theme: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Every cell that matches `text` (see the module docstring): one row per table, row key and column.

    Columns: `table`, `key` (the row's primary key, joined by `|` when it has several fields), `column`,
    `text` (the cell as written) and `source_id` (the source the row rests on, where the table has one). A
    row found because it is about the subject the query names has its subject column as `column`. With a
    `theme`, an empty `text` lists every row of the theme; without one, an empty `text` is an EmptyQueryError
    (a SearchError), and so is a `text` of no word at all (`.`, `-`: no letter, digit or Han character once
    folded), which would otherwise match every row. The indicators the query names are in `.attrs["indicators"]`
    (see `indicators`).
    """
    if theme is not None and theme not in themes(path):
        known = themes(path)
        raise SearchError(f"no theme {echoed(theme)}; {did_you_mean(theme, known)}the themes are: {', '.join(known)}")
    if text.strip() and not has_words(text):
        raise EmptyQueryError(
            f"{text.strip()!r} holds no word to search for (a letter, digit or Han character); give words, or a "
            "theme (theme=)"
        )
    if not text.strip() and theme is None:
        raise EmptyQueryError("give words to search for (text=), or a theme (theme=)")
    check_length(text)
    package = searched(path)
    frames = package.frames
    text = meant_query(text, frames)
    query = parse(text, frames) if text.strip() else Query("", (), {})
    # "WIC 2023", 2023年乌镇峰会, 第二届世界互联网大会: the editions named so, read as their names are (trial 12 W3)
    edition = edition_reading(text, frames) if text.strip() and not query.name else None
    if edition is not None and edition.query is not None:
        query = edition.query
    edition_split = edition_measured(edition, frames)
    if edition_split is not None:  # "WIC 2023 investment": the edition's figures of the measure, and the cells
        measure = parse(edition_split.measure, frames)  # that name both (its name, the measure's words)
        query = replace(query, terms=(*query.terms, *measure.terms), subjects={}, name=False)
    named = named_indicators(query, frames) if text.strip() else frozenset()
    # An event's year no edition has ("WIC 2013") is answered by the edition reading's note, not as a year reading.
    year = year_reading(text, query, named, frames) if text.strip() and edition is None else None
    if year is not None:  # "GDP 2016": the indicator's figures of that year (trial 10 W2)
        text, query, named = year.rest, year.query, year.named
    naming = query  # the subjects it names
    if named:
        query = replace(query, subjects={**query.subjects, "indicator": named})
    reading = year.split if year is not None else subject_and_measure(query, named, frames)  # the year's, made
    split = edition_split or (reading if text.strip() else None)
    in_theme: set[str] | None = None
    read_number = number_query(text, frames.get("units"), small_words(frames).year_words) if text.strip() else None
    number = read_number.value if read_number is not None else None
    if theme is not None:
        definitions = frames["indicator_definitions"]
        in_theme = set(definitions.loc[definitions["theme"] == theme, "indicator"])
    # which distinct texts the query matches, by their number (a missing cell's -1 is the last, never matched)
    matched = np.zeros(len(package.texts) + 1, dtype=bool)
    if read_number is not None:  # a number however written: 1,347.1 and 1347.1 find each other (trial 12 m7)
        # and only as a whole number: as words its digits began 12000 and 1347.1 (1200, 134; trial 15 m12)
        matched[texts_writing(read_number, package)] = True
    else:
        matched[list(package.cells.matching(query.terms))] = True
    # "WIC 2023": the edition's flows over its days that name no event_id, besides the rows its id finds
    unlinked = None
    if edition is not None and edition.editions and edition_split is None:
        unlinked = edition_figures(edition.editions, frames) & frames["indicators"]["event_id"].isna()
    hits: list[Hits] = []
    for name, table in package.tables.items():
        frame = table.frame
        rows = searchable(name, frame)  # the rows searched: all (but the lexicon's search-only ones), or a theme's
        if in_theme is not None:
            if "indicator" not in frame.columns:
                continue
            rows &= frame["indicator"].isin(in_theme).to_numpy(dtype=bool)
        columns = ["indicator", *table.columns] if in_theme is not None else table.columns
        measured = (
            frame["indicator"].isin(split.measured).to_numpy(dtype=bool)
            if split is not None and name == "indicators"
            else rows
        )
        found_rows = np.zeros(len(frame), dtype=bool)
        for column in columns:
            found = cells_matching(table, column, query, matched) & rows & measured  # a figure of another measure
            if found.any():  # is no answer (V2)
                found_rows |= found
                hits.append(Hits(table, column, found, table.written.get(column)))
        if number is not None:  # a number query: the cells that hold that number as a value (trial 9 m9)
            for column in table.numbers:
                if column in frame.columns:
                    valued = (frame[column] == number).fillna(False).to_numpy(dtype=bool) & rows & ~found_rows
                    if read_number is not None and read_number.units and "unit" in frame.columns:
                        valued &= frame["unit"].isin(read_number.units).to_numpy(dtype=bool)  # 1347.1亿: in 亿元
                    if valued.any():
                        found_rows |= valued
                        written = np.full(len(frame), pd.NA, dtype=object)
                        written[valued] = [f"{float(v):.15g}" for v in frame[column].to_numpy()[valued]]  # 3694
                        hits.append(Hits(table, column, valued, written))
        for column, ids in query.subjects.items():  # the rows about the subject the query names
            if column in frame.columns and column != table.key_name:
                about = frame[column].isin(ids).to_numpy(dtype=bool) & rows & ~found_rows
                if about.any():
                    hits.append(Hits(table, column, about))
        if unlinked is not None and name == "indicators":
            of_edition = unlinked.to_numpy(dtype=bool) & rows & ~found_rows
            if of_edition.any():
                hits.append(Hits(table, "project_id", of_edition))
        if split is not None and name == "indicators":  # the subject's figures of the measure the query names
            of = split.figures(frame).to_numpy(dtype=bool) & rows & ~found_rows
            if of.any():
                hits.append(Hits(table, "indicator", of))
    everything = hits_frame(hits)
    if in_theme is not None:  # one row per matching row, not per column, when listing a theme
        everything = everything.drop_duplicates(subset=["table", "key"])
    if year is not None:
        everything = year.of_year(everything, frames["indicators"])
    everything = everything.reset_index(drop=True)
    everything.attrs["indicators"] = found_indicators(text, frames, theme, split, named)
    if year is not None:
        everything.attrs["year"] = year.year
        everything.attrs["other_years"] = year.other_years(everything.attrs["indicators"], split, frames["indicators"])
        everything.attrs["of_year"] = year.held(everything, frames["indicators"])
    # a subject's name (and no indicator's): what the package holds about the subject
    # (峰会, a part of the conference's names and a written form of event_years_held: both; trial 10 m4)
    everything.attrs["subjects"] = subjects_held(naming, frames, in_theme, year.year if year is not None else None)
    if edition is not None:
        everything.attrs["editions"] = list(edition.editions)
        found = frames["indicators"]["observation_id"][unlinked] if unlinked is not None else []
        everything.attrs["edition_unlinked"] = [str(k) for k in found if k in set(everything["key"])]
        everything.attrs["edition_note"] = edition.note or none_of_the_measure(edition, edition_split, frames)
    if theme is not None and text.strip() and not len(everything):
        everything.attrs["other_themes"] = other_themes(text, path)
    return everything


def other_themes(text: str, path: str | Path | None) -> dict[str, int]:
    """The themes whose figures `text` finds without a theme, with their number (a themed search that finds
    nothing says where the figures are: `search --theme wic gdp` denied GDP's figures, trial 15 m14)."""
    found = search(text, None, path)
    figures = found.loc[found["table"] == "indicators", "key"].drop_duplicates()
    frames = searched(path).frames
    indicators = frames["indicators"].set_index("observation_id")["indicator"]
    theme_of = frames["indicator_definitions"].set_index("indicator")["theme"]
    counted = figures.map(indicators).map(theme_of).dropna().value_counts()
    return {str(theme): int(n) for theme, n in counted.items()}


# The longest query read: more than any name, alias, label or title the package holds (157 characters, a project's
# name), so every one of them is found whole. Each reading cuts a query every way into a name and the rest, a cost
# growing with the square of its words: 1,800 characters took 30 s of CPU to say "no rows mention" (trial 13 m7).
LONGEST_QUERY = 200


def check_length(text: str) -> None:
    """Refuse a query longer than LONGEST_QUERY characters at once (QueryTooLongError, a usage error)."""
    length = len(text.strip())
    if length > LONGEST_QUERY:
        raise QueryTooLongError(
            f"the query has {length:,} characters, more than the {LONGEST_QUERY} search reads (longer than any name "
            "or title the package holds): give the few words that name what you look for"
        )


# The lexicon's categories that only search reads (search_lexicon: search_term, search_filler, search_place_word):
# notes on how a query is read, not data a reader searches for; `search gdp` listed two of them first (trial 10 m8).
SEARCH_ONLY = (
    "search_term",
    "search_filler",
    "search_place_word",
    "search_year_word",
    "search_connective",
    "search_gloss_end",
    "search_possessive",
)


def searchable(name: str, frame: pd.DataFrame) -> np.ndarray:
    """The rows of a table that search looks at: all, but the lexicon's search-only rows (SEARCH_ONLY)."""
    if name == "lexicon" and "category" in frame.columns:
        return ~frame["category"].isin(SEARCH_ONLY).to_numpy(dtype=bool)
    return np.ones(len(frame), dtype=bool)


@dataclass(frozen=True)
class YearReading:
    """A query read as words and a year (see use.search_years): `rest` read as any query, its figures those of
    `year`."""

    rest: str
    year: int
    query: Query
    named: frozenset[str]
    split: SubjectAndMeasure | None  # the rest read as a subject and a measure (text_search.subject_and_measure)

    def of_year(self, hits: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
        """The hits of the year: a figure whose period ends in it (its `year`), any other row whose found cell
        writes it (a source's title "2016年..."); the definitions of the indicators are in the block above."""
        year_of: pd.Series = kept_with(
            (figures,),
            "year_by_observation",
            lambda: pd.Series(figures["year"].to_numpy(), index=figures["observation_id"]),
        )
        is_figure = hits["table"] == "indicators"
        of_year = hits["key"].map(year_of).eq(self.year).fillna(False)
        writes_it = hits["text"].str.contains(str(self.year), regex=False).fillna(False)
        keep = (is_figure & of_year) | (~is_figure & writes_it)
        return hits[keep]

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
        keys = hits.loc[hits["table"] == "indicators", "key"].drop_duplicates()
        found = figures.loc[figures["observation_id"].isin(keys), "indicator"].value_counts(sort=False)
        return [f"{indicator}: {count(int(n), 'figure')} of {self.year}" for indicator, n in sorted(found.items())]

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


def cells_matching(table: SearchedTable, column: str, query: Query, matched: np.ndarray) -> np.ndarray:
    """Which rows' cells of `column` the query matches: by the package's TextIndex (`matched`: whether it matches
    each distinct text, by number) for a searched column, else (the `indicator` column of a theme's rows) by
    matching each distinct cell."""
    codes = table.codes.get(column)
    if codes is not None:
        by_code: np.ndarray = matched[codes]
        return by_code
    cells = table.frame[column]
    present = cells.notna().to_numpy(dtype=bool)
    values = cells.tolist()
    found = {v: query.matches(str(v)) for v in dict.fromkeys(v for v, p in zip(values, present, strict=True) if p)}
    each = [bool(p) and found[v] for v, p in zip(values, present, strict=True)]
    matching: np.ndarray = present & np.array(each, dtype=bool)
    return matching


@dataclass(frozen=True)
class Hits:
    """The rows of one table found through one column: `rows` a mask over the table, `text` each row's cell as
    written (the column's own text when not given)."""

    table: SearchedTable
    column: str
    rows: np.ndarray
    text: np.ndarray | None = None


def hits_frame(hits: list[Hits]) -> pd.DataFrame:
    """The found rows as `search` returns them (COLUMNS, all text), in the order found: one frame built at once."""
    if not hits:
        return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})
    parts: dict[str, list[np.ndarray]] = {c: [] for c in COLUMNS}
    for hit in hits:
        at = np.flatnonzero(hit.rows)
        frame = hit.table.frame
        text = hit.text if hit.text is not None else as_objects(frame[hit.column])
        parts["table"].append(np.full(len(at), hit.table.name, dtype=object))
        parts["key"].append(hit.table.key[at])
        parts["column"].append(np.full(len(at), hit.column, dtype=object))
        parts["text"].append(text[at])
        source = hit.table.source
        parts["source_id"].append(source[at] if source is not None else np.full(len(at), pd.NA, dtype=object))
    return pd.DataFrame({c: np.concatenate(p) for c, p in parts.items()}).astype("string")


def meant_query(text: str, frames: dict[str, pd.DataFrame]) -> str:
    """The query without the words that carry no meaning in it (search_query.meant: the, to, 的, "city" after
    Tongxiang): "visitors to Wuzhen" is read as "visitors Wuzhen", "Tongxiang city GDP" as "Tongxiang GDP"
    (trial 9 V5). A query of only such words (`the`, `of`, 的) is an EmptyQueryError: it names nothing, and as
    words to find it was said to name dozens of indicators. The text as given when nothing is dropped."""
    if not text.strip():
        return text
    folded = normalised_in(text, frames)
    known = names(frames)
    # 乌镇乌镇 is 乌镇 (trial 10 m10); "wu zhen" is wuzhen (trial 14 m13)
    lean = meant(once(joined(folded, known), known), known, small_words(frames))
    if not lean:
        raise EmptyQueryError(
            f"{text.strip()!r} holds only words that carry no meaning in a search (articles, prepositions, 的); "
            "give a word that names what you look for"
        )
    return text if lean == folded else lean


SUBJECT_COLUMNS = {"place_id": "place", "enterprise_id": "enterprise", "project_id": "project", "event_id": "edition"}


def subjects_held(
    query: Query, frames: dict[str, pd.DataFrame], in_theme: set[str] | None = None, year: int | None = None
) -> pd.DataFrame:
    """What the package holds about the subjects a query names (a query that is a place's, enterprise's or
    project's name, and names no indicator): per subject, its figures, how many indicators they fall under, and
    those indicators by number of figures. A journalist who searches "Wuzhen" is told the town's figures and the
    command for a series, not indicators whose definitions use the town as an example (trial 8 U5). The subjects
    the query is a whole name of come first ("World Internet Conference" before its technology award, whose name
    holds it; trial 9 V3); an edition's block gives its `event_id` to --subject (trial 9 V4). Under a theme, only the
    theme's indicators (`in_theme`) are counted and suggested, and a subject with none of them is left out: the
    conference's block opened `--theme investment` with its editions held (trial 12 m1). With a `year` ("Wuzhen
    2024"), only its figures of that year (the year their period ends in), and `where` selects them: the block said
    61 figures of every year above the year's rows."""
    figures = frames["indicators"]
    if year is not None:
        figures = figures[figures["year"] == year]
    own = {(column, key) for column, key, _ in names(frames).get(normalised_in(query.text, frames), [])}
    rows = []
    for column, ids in sorted(query.subjects.items()):
        if column not in figures.columns:
            continue
        for key in sorted(ids):
            if (column, key) in query.parts:  # found as a part of a subject it names: not named itself
                continue
            mine = figures.loc[figures[column] == key, "indicator"]
            if in_theme is not None:
                mine = mine[mine.isin(in_theme)]
            if not len(mine):
                continue
            counts = mine.value_counts()
            ranked = sorted(counts.items(), key=lambda item: (-int(item[1]), str(item[0])))
            rows.append(
                {
                    "subject": key,
                    "kind": SUBJECT_COLUMNS.get(column, column),
                    "column": column,
                    "figures": len(mine),
                    "indicators": len(counts),
                    "top": ", ".join(f"{i} ({n})" for i, n in ranked[:TOP_INDICATORS]),
                    "command": f"tongxiang-digital-economy series {ranked[0][0]} --subject {key}",
                    "where": f"{column}={key}" + (f" --where year={year}" if year is not None else ""),
                }
            )
    rows.sort(key=lambda row: (row["column"], row["subject"]) not in own)  # stable: by column and id within
    columns = ["subject", "kind", "column", "figures", "indicators", "top", "command", "where"]
    return pd.DataFrame(rows, columns=columns)


TOP_INDICATORS = 5  # the indicators named for a subject, most figures first


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
    enterprise named stands for the projects it operates, invests in or develops too (project_enterprises), for
    the measures counted per project: "巨石 玻纤产能" is the capacity of the glass-fibre lines of Jushi's projects, as
    "Jushi fiberglass capacity" finds in their notes (trial 9)."""
    out = dict(ids)
    links = frames.get("project_enterprises")
    named = ids.get("enterprise_id")
    if named and links is not None and {"project_id", "enterprise_id"} <= set(links.columns):
        run = frozenset(str(k) for k in links.loc[links["enterprise_id"].isin(named), "project_id"].dropna())
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


def indicators(text: str, path: str | Path | None = None, theme: str | None = None) -> pd.DataFrame:
    """The indicators `text` names (see named_indicators; all of a theme when `text` is empty): each with
    its label, theme, subjects, its written forms in either language (the words to search for in the other),
    years, number of figures, and the command that gives its series."""
    check_length(text)
    frames = searched(path).frames  # read and kept once per package's bytes, as `search` reads them
    text = meant_query(text, frames)
    if text.strip():  # "GDP 2016" lists what `search` lists for it: GDP's indicators (trial 10 W2)
        query = parse(text, frames)
        year = year_reading(text, query, named_indicators(query, frames), frames)
        text = year.rest if year is not None else text
    return found_indicators(text, frames, theme)


def found_indicators(
    text: str,
    frames: dict[str, pd.DataFrame],
    theme: str | None,
    split: SubjectAndMeasure | None = None,
    named: frozenset[str] | None = None,
) -> pd.DataFrame:
    """`indicators` over tables already read. `search` gives the query's reading it has made: the indicators it
    names (`named`) and its subject-and-measure reading (`split`, None when there is none); without `named`
    both are made here (see chosen_definitions)."""
    chosen, split = chosen_definitions(text, frames, theme, split, named)
    figures = frames["indicators"]
    rows = []
    for d in chosen:
        column = f"{d['subject']}_id"
        held = held_figures(figures, str(d["indicator"]), column)
        # The command for the subject with the most figures (of those the query names, if it names one);
        # --subject is needed only when there are several.
        command = held.command
        if isinstance(split, EditionAndMeasure) and d["indicator"] in split.indicators:  # the edition's series
            command = f"tongxiang-digital-economy series {d['indicator']} --subject {sorted(split.ids['event_id'])[0]}"
        elif split is not None and held.several:
            asked = held.about[held.about.isin(split.ids.get(column, ()))]
            if len(asked):
                command = f"tongxiang-digital-economy series {d['indicator']} --subject {asked.value_counts().index[0]}"
        rows.append(
            {
                **{c: d[c] for c in ("indicator", "label", "label_zh", "theme", "subject")},
                "subjects": held.subjects,
                **{c: d[c] for c in ("written_forms", "search_words")},
                "figures": held.count,
                "command": command if held.count else "",
                "not_comparable": d["not_comparable"],
            }
        )
    if not rows:
        return pd.DataFrame(rows, columns=FOUND_COLUMNS).astype({c: "string" for c in FOUND_COLUMNS if c != "figures"})
    return pd.DataFrame(
        {
            c: np.array([r[c] for r in rows], dtype=np.int64)
            if c == "figures"
            else pd.Series([r[c] for r in rows], dtype="string")
            for c in FOUND_COLUMNS
        }
    )


def found_indicator_ids(text: str, frames: dict[str, pd.DataFrame], theme: str | None = None) -> list[str]:
    """The ids of the indicators `found_indicators` lists for `text`, in its order, without building its frame (the
    recall over every label asks 866 queries; scripts/search-recall)."""
    return [str(d["indicator"]) for d in chosen_definitions(text, frames, theme)[0]]


def chosen_definitions(
    text: str,
    frames: dict[str, pd.DataFrame],
    theme: str | None,
    split: SubjectAndMeasure | None = None,
    named: frozenset[str] | None = None,
) -> tuple[list[dict[str, object]], SubjectAndMeasure | None]:
    """The definitions `indicators` lists for `text` (of `theme`; all of it for an empty `text`), the query's own id
    first, then by id; and the query's subject-and-measure reading, made here unless `named` is given (see
    found_indicators). The definitions are read once per loaded table (definition_rows): a query picks its rows."""
    definitions = definition_rows(frames["indicator_definitions"])
    chosen = [d for d in definitions if theme is None or d["theme"] == theme]
    if text.strip():
        wanted = normalised_in(text, frames)
        if named is None:
            query = parse(text, frames)
            # exactly the indicators whose figures `search` adds to its rows (see named_indicators)
            named = named_indicators(query, frames)
            if split is None:
                split = subject_and_measure(query, named, frames)
        found = split.indicators if split is not None else named  # the subject's indicators of the measure (S6)
        chosen = [d for d in chosen if d["folded"] == wanted or d["indicator"] in found]
        chosen.sort(key=lambda d: (d["folded"] != wanted, str(d["indicator"])))  # its id itself first
    return chosen, split


FOUND_COLUMNS = ["indicator", "label", "label_zh", "theme", "subject", "subjects", "written_forms", "search_words"]
FOUND_COLUMNS += ["figures", "command", "not_comparable"]


def definition_rows(definitions: pd.DataFrame) -> list[dict[str, object]]:
    """Each definition as `indicators` lists it (its words joined, a missing Chinese label or reason as ''), with its
    id `folded` (a query that is the id lists it first); read once per loaded table (kept_with it)."""

    def read() -> list[dict[str, object]]:
        def cells(column: str) -> list[object]:
            return definitions[column].tolist() if column in definitions else [None] * len(definitions)

        out = []
        for indicator, label, zh, theme, subject, written, extra, why in zip(
            *(cells(c) for c in ("indicator", "label", "label_zh", "theme", "subject")),
            *(cells(c) for c in ("written_forms", "search_words", "not_comparable")),
            strict=True,
        ):
            out.append(
                {
                    "indicator": indicator,
                    "folded": fold(str(indicator)),
                    "label": label,
                    "label_zh": zh if isinstance(zh, str) else "",
                    "theme": theme if isinstance(theme, str) else None,
                    "subject": subject,
                    "written_forms": ", ".join(split_words(written)),
                    "search_words": ", ".join(split_words(extra)),
                    "not_comparable": why if isinstance(why, str) else "",
                }
            )
        return out

    return kept_with((definitions,), "definition_rows", read)


def figures_of(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The figure rows of one indicator, in their order: the table grouped once per loaded package (kept_with it)
    by sorting its indicator codes (a pandas groupby iterated over every group was most of a first query's cost)."""
    at = kept_with((figures,), "figures_by_indicator", lambda: rows_by_value(figures["indicator"])).get(indicator)
    return figures.iloc[:0] if at is None else figures.iloc[at]


@dataclass(frozen=True)
class Held:
    """What the figures of one indicator hold, as `indicators` lists it: how many, their subjects and years, and
    the command for the subject with the most figures (`--subject` only when there are several)."""

    count: int
    subjects: str
    about: pd.Series  # the subject column of its figures, where given
    several: bool  # more than one subject
    command: str


def held_figures(figures: pd.DataFrame, indicator: str, column: str) -> Held:
    """`Held` of an indicator by its subject column, made once per loaded package (kept_with the figures): the
    discovery block is asked for per query."""
    memo: dict[tuple[str, str], Held] = kept_with((figures,), "held_figures", dict)
    if (held := memo.get((indicator, column))) is None:
        at = kept_with((figures,), "figures_by_indicator", lambda: rows_by_value(figures["indicator"])).get(indicator)
        at = np.zeros(0, dtype=np.int64) if at is None else at
        about = figures[column].iloc[at].dropna()
        several = about.nunique() > 1
        command = f"tongxiang-digital-economy series {indicator}" + (
            f" --subject {about.value_counts().index[0]}" if several else ""
        )
        subjects = subjects_spans(figures[column].iloc[at].tolist(), figures["year"].iloc[at].tolist())
        held = Held(len(at), ", ".join(subjects), about, several, command)
        memo[(indicator, column)] = held
    return held


def subjects_of(figures: pd.DataFrame, indicator: str, column: str) -> list[str]:
    """Each subject of an indicator's figures with the years they span (`tongxiang (2014-2024)`), by subject."""
    mine = figures_of(figures, indicator)
    return subjects_spans(mine[column].tolist(), mine["year"].tolist())


def subjects_spans(subjects: list[object], years: list[object]) -> list[str]:
    """Each subject (a missing one left out) with the years of its figures (`tongxiang (2014-2024)`), by subject."""
    spans: dict[str, set[int]] = {}
    for subject, year in zip(subjects, years, strict=True):
        if isinstance(subject, str):
            held = spans.setdefault(subject, set())
            if not pd.isna(year):  # type: ignore[call-overload]
                held.add(int(year))  # type: ignore[call-overload]
    out = []
    for subject in sorted(spans):
        ordered = sorted(spans[subject])
        span = f"{ordered[0]}-{ordered[-1]}" if len(ordered) > 1 else (str(ordered[0]) if ordered else "undated")
        out.append(f"{subject} ({span})")
    return out


def primary_key(table: str, frame: pd.DataFrame, path: str | Path | None = None) -> pd.Series:
    """Each row's primary key as text (fields joined by `|`), named for the key field when there is one."""
    base = package_dir(path)
    fields = key_fields_of(table_schema(base, resource(read_descriptor(base), table)))
    if not fields:
        return pd.Series([str(i + 2) for i in range(len(frame))], index=frame.index, dtype="string", name="")
    name = fields[0] if len(fields) == 1 else ""
    if not len(frame):  # a table with a header and no rows: `agg` over no rows gives a frame, not a column
        return pd.Series([], index=frame.index, dtype="string", name=name)
    # Column by column (a row-wise `agg` cost about 40% of a search: review of the suite's time, issue 15).
    parts = [frame[f].astype("string").fillna("") for f in fields]
    key = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key.astype("string").rename(name)


class Summary(TypedDict):
    rows: dict[str, int]
    sources: list[str]


def summary(hits: pd.DataFrame) -> Summary:
    """How many rows of each table mention the text, and which sources those rows rest on."""
    rows = hits.drop_duplicates(["table", "key"])
    return {
        "rows": {str(t): int(n) for t, n in rows["table"].value_counts(sort=False).items()},
        "sources": sorted(set(hits["source_id"].dropna())),
    }
