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

A measure and a number ("GDP 1347.1", 地区生产总值 1347.1, "WIC 2023 guests 1800"): the query without the number,
read as any query, and of what it finds the figures whose value is that number (use.search_measured; trial 16 W2 b).
A subject is such a measure ("Tongxiang 3694"), and a company's figures are also those of the projects it or a
subsidiary of it runs ("Xinfengming 600000"; use.search_companies); a number with a scale word is read at its size
("Tongkun 30 billion" = "Tongkun 300亿"; use.search_numbers; trial 17 W3), and so is one typed whole (9150000 =
915万; trial 18 W3). The value as a figure's value_text writes it is read as the validator reads it ("Tongxiang
增长4.7%", 下降4.6%, 三天, 第24位, 翻番; use.search_value_texts). A number among other words is matched as
a number whole, however written ("Phase 2" finds "phase two" and 二期, not 2018; review 14 R10), a Roman numeral in
capitals too ("phase II"; use.search_roman). A measure and a period, as the package labels it or a text writes it
("GDP H1 2019", 上半年 GDP, 前三季度 GDP, "GDP first half of 2019"), find the measure's figures of that period, and a
period alone ("H1 2019") its figures (use.search_periods); a measure and a status word ("GDP target 2024", 目标
GDP) its figures of that status (use.search_status; both use.search_narrowed; trial 18 W2, trial 19 W1 W3).

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

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.exceptions import EmptyQueryError, SearchError
from ..core.suggest import did_you_mean, echoed
from .search_blocks import found_indicator_ids as found_indicator_ids  # where the scripts and tests read it
from .search_blocks import found_indicators, subjects_held
from .search_cells import every_table as every_table  # where the scripts and tests read every table
from .search_cells import searched
from .search_columns import searchable, themes
from .search_editions import edition_figures, edition_reading
from .search_hits import Hits, cells_matching, hits_frame
from .search_index import named_indicators
from .search_lexicon import normalised as normalised  # where the tests read it
from .search_lexicon import small_words
from .search_measured import kept_search, measured_number, of_the_number, run_figures
from .search_names import names as names  # where the tests read it
from .search_narrowed import narrowed
from .search_numbers import number_in as number_in  # where the tests read it
from .search_numbers import number_query, shown_value, texts_writing, valued_cells, words_and_numbers
from .search_query import Query, parse
from .search_readings import (
    edition_measured,
    has_figures,
    none_of_the_measure,
    subject_and_measure,
    year_reading,
)
from .search_refusals import check_length, has_words, meant_query
from .search_roman import numbers_read


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
    asked = numbers_read(text, frames)  # phase II: phase 2
    text = meant_query(asked, frames)
    small = small_words(frames)
    # "GDP target 2024", "GDP H1 2019", 上半年 GDP, "H1 2019": a status or a period narrows what the rest finds; read
    # before the words that carry no meaning are dropped ("to" of "2014-11-19 to 2018-07-23")
    answer = narrowed(asked, frames, theme, path, lambda rest: search(rest, theme, path)) if text.strip() else None
    if answer is not None:  # (trial 18 W2)
        return answer
    amount = measured_number(text, frames, small) if text.strip() else None
    by_number = writing = None
    if amount is not None:  # "GDP 1347.1": the measure's figures of the number (trial 16 W2 b)
        rest = amount.rest
        of_measure, attrs = kept_search(tuple(frames.values()), rest, theme, lambda: search(rest, theme, path))
        enterprises = parse(rest, frames).subjects.get("enterprise_id", frozenset())  # "Xinfengming 600000": the
        run = run_figures(enterprises, frames)  # projects it runs
        answer = of_the_number(of_measure, attrs, amount.number, frames["indicators"], frames.get("units"), run)
        held = attrs.get("subjects")  # "Tongxiang 3694": a subject's figures of the number (trial 17 W3)
        named_any = bool(len(attrs["indicators"]) or (held is not None and len(held)) or run)
        # only an answer that holds a figure of the number: a definition writing "top 100" is no figure of 100, and
        # the words find the figures of the "top 100 counties" (review 14 R10)
        valued = answer["column"].isin(["value", "value_upper"]).any()
        if named_any and valued:
            if not amount.year_like:
                return answer
            by_number = answer  # "guests 2000": the year reading's figures of 2000 first, if it finds any
        elif named_any:
            writing = answer  # "Phase 2": the cells of what "phase" names that write 2 (二期), with the words' rows
    query = parse(text, frames) if text.strip() else Query("", (), {})
    # "WIC 2023", 2023年乌镇峰会, 第二届世界互联网大会: the editions named so, read as their names are (trial 12 W3)
    edition = edition_reading(text, frames) if text.strip() and not query.name else None
    if edition is not None and edition.query is not None:
        query = edition.query
    edition_split = edition_measured(edition, frames)
    if edition_split is not None:  # "WIC 2023 investment": the edition's figures of the measure, and the cells
        measure = parse(edition_split.measure, frames)  # that name both (its name, the measure's words)
        query = replace(query, terms=(*query.terms, *measure.terms), subjects={}, name=False)
    # a quantity with its unit (6%, 1347.1亿) is a figure's, naming no indicator whose name holds the number (100%
    # is no "top 100 counties"; trial 16 m5)
    quantity = number_query(text, frames.get("units"), small.year_words, small.scales) if text.strip() else None
    # and no measure or subject whose name holds its scale word ("5.1 billion" is no count of projects over 1 billion
    # yuan, "800 million" no project of a million sets: trial 18 W1)
    one_number = quantity is not None and bool(quantity.units or quantity.sizes)
    if one_number:  # nor the projects whose names write a number ending so: "2 million" is no "1.2-million-tonne"
        query = replace(query, subjects={})  # project (review 15 R6)
    named = named_indicators(query, frames) if text.strip() and not one_number else frozenset()
    # An event's year no edition has ("WIC 2013") is answered by the edition reading's note, unless the event has
    # figures of that year ("互联网之光博览会 2023": the expo's figures of 2023 are the summit's edition's; trial 17 W2)
    read_year = text.strip() and (edition is None or not edition.editions)
    year = year_reading(text, query, named, frames) if read_year else None
    if year is not None and edition is not None:
        if has_figures(year, frames["indicators"]):
            edition = None
        else:
            year = None
    if year is not None:  # "GDP 2016": the indicator's figures of that year (trial 10 W2)
        text, query, named = year.rest, year.query, year.named
    naming = Query("", (), {}) if one_number else query  # the subjects it names
    if named:
        query = replace(query, subjects={**query.subjects, "indicator": named})
    reading = year.split if year is not None else None if one_number else subject_and_measure(query, named, frames)
    split = edition_split or (reading if text.strip() else None)
    in_theme: set[str] | None = None
    read_number = number_query(text, frames.get("units"), small.year_words, small.scales) if text.strip() else None
    if theme is not None:
        definitions = frames["indicator_definitions"]
        in_theme = set(definitions.loc[definitions["theme"] == theme, "indicator"])
    # which distinct texts the query matches, by their number (a missing cell's -1 is the last, never matched)
    matched = np.zeros(len(package.texts) + 1, dtype=bool)
    if read_number is not None:  # a number however written: 1,347.1 and 1347.1 find each other (trial 12 m7)
        # and only as a whole number: as words its digits began 12000 and 1347.1 (1200, 134; trial 15 m12)
        matched[texts_writing(read_number, package)] = True
    else:
        matched[list(words_and_numbers(query, package, small.year_words))] = True
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
        if read_number is not None:  # a number query: the cells that hold that number as a value (trial 9 m9)
            for column in table.numbers:
                if column in frame.columns:
                    valued = valued_cells(frame, column, read_number, frames.get("units")) & rows & ~found_rows
                    if valued.any():
                        found_rows |= valued
                        written = np.full(len(frame), pd.NA, dtype=object)
                        texts = frame["value_text"] if "value_text" in frame.columns else pd.Series(pd.NA, frame.index)
                        shown = zip(frame[column].to_numpy()[valued], texts.to_numpy()[valued], strict=True)
                        written[valued] = [shown_value(v, t) for v, t in shown]  # 3694; 13600 (13600万元)
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
        if by_number is not None and not (everything["table"] == "indicators").any():
            return by_number
    if writing is not None and len(writing):  # both readings' cells, the words' first (review 14 R10)
        everything = pd.concat([everything, writing], ignore_index=True).astype("string")
        everything = everything.drop_duplicates(subset=["table", "key", "column"])
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


def indicators(text: str, path: str | Path | None = None, theme: str | None = None) -> pd.DataFrame:
    """The indicators `text` names (see named_indicators; all of a theme when `text` is empty): each with
    its label, theme, subjects, its written forms in either language (the words to search for in the other),
    years, number of figures, and the command that gives its series."""
    check_length(text)
    frames = searched(path).frames  # read and kept once per package's bytes, as `search` reads them
    text = meant_query(text, frames)
    if text.strip() and measured_number(text, frames, small_words(frames)) is not None:  # "GDP 1347.1" as `search`
        listed: pd.DataFrame = search(text, theme, path).attrs["indicators"]  # lists it (trial 16 W2 b)
        return listed
    if text.strip():  # "GDP 2016" lists what `search` lists for it: GDP's indicators (trial 10 W2)
        query = parse(text, frames)
        year = year_reading(text, query, named_indicators(query, frames), frames)
        text = year.rest if year is not None else text
    return found_indicators(text, frames, theme)
