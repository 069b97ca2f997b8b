"""A measure and a number in a search query: "GDP 1347.1", 地区生产总值 1347.1, "WIC 2023 guests 1800", "Wuzhen
visitors 915", "GDP 2024 1347.1亿元".

Why: a journalist checks a figure by its measure and its number. Read as words, every word of a query that names
no indicator whole must stand in one cell, so "GDP 1347.1" said "no rows mention" Tongxiang's 2024 GDP, whose
evidence writes 地区生产总值 … 1347.1亿元 and no "GDP", while 地区生产总值 1347.1 found it (trial 16 W2 b). The
measure is read as `search` reads it without the number (its indicators, a subject's or an edition's measure, a
year), and the answer is what that finds that is of the number:

- a figure of the indicators it lists (the measure's), or one it found by its words, whose `value` or
  `value_upper` is the number, of either sign unless the query writes one (use.search_numbers), in one of the
  query's units when it writes one (1347.1亿); shown with its value cell. Its other figures are no answer, though
  a cell of theirs writes the number (a plan table's row quoting the GDP beside another measure; trial 9 V2);
- a row of another table whose found cell writes the number (a source's title).

So the same figures are found whichever language names the measure. The reading is made when the query without one
of its numbers names an indicator, and the number is no year the year reading takes ("GDP 2016" is GDP's figures of
2016); when it finds nothing, the query is read as words as before, and says which figures the measure has.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd

from ..text.numerals import number_spans
from .search_companies import projects_run
from .search_kept import kept_with
from .search_lexicon import SmallWords, normalised_in
from .search_names import names
from .search_numbers import NumberQuery, escaped, number_query, of_the_size, shown_value, unit_sizes, with_unit
from .search_value_texts import value_as_written
from .search_words import KEPT_QUERIES
from .search_years import query_year


@dataclass(frozen=True)
class MeasuredNumber:
    """A query read as a measure (`rest`, read as any query) and a number."""

    rest: str
    number: NumberQuery
    year_like: bool = False  # the number could be a year (2000): the year reading's first, this when it finds none


def measured_number(text: str, frames: dict[str, pd.DataFrame], small: SmallWords) -> MeasuredNumber | None:
    """The query as a measure and one number, its last words or else its first ("WIC 2023 guests 1800": 1800, the
    rest "WIC 2023 guests"; "1347.1 GDP"); a number inside stays a word of the measure's name ("top 500 enterprises
    362"), and a year with its year word (2024年) is none. The last words are the number with its scale and unit
    words ("Tongkun 30 billion yuan", the longest that reads as one), and a qualifier next to it is no word of the
    measure ("Tongkun nearly 30 billion", 近300亿: trial 17 W3). None when neither is a number, or the rest holds no
    word."""
    folded = normalised_in(text, frames)
    words = folded.split(" ")
    known = names(frames)
    if len(words) < 2 or folded in known:  # "Government Industry Fund 2.0" is a name
        return None
    if number_query(folded, frames.get("units"), small.year_words, small.scales) is not None:
        return None  # "5.1 billion" is one number, not the measure "billion" and 5.1 (trial 18 W1)
    year = query_year(small.year_words)
    tails = [(at, len(words)) for at in range(max(1, len(words) - LONGEST_NUMBER), len(words))] + [(0, 1)]
    for at, end in tails:
        written = unqualified(" ".join(words[at:end]), small.qualifiers)
        number = number_query(written, frames.get("units"), small.year_words, small.scales, small.counters)
        rest = without_qualifier(" ".join(words[:at] + words[end:]), small.qualifiers, at > 0)
        if number is not None and WORD.search(rest):
            return MeasuredNumber(rest, number, year.fullmatch(written) is not None)
    for at, end in tails[:-1]:  # else its last words as a figure's value_text writes them: 增长4.7%, 三天, 第24位
        number = value_as_written(" ".join(words[at:end]), frames, small)  # (use.search_value_texts)
        rest = " ".join(words[:at])
        if number is not None and WORD.search(rest):
            return MeasuredNumber(rest, number)
    return None


LONGEST_NUMBER = 4  # the words a number with its scale and unit words may take: "30 hundred million yuan"


def unqualified(written: str, qualifiers: tuple[str, ...]) -> str:
    """A number's words without a qualifier that touches the number (近300亿, 300多亿元, more than 30: the lexicon's
    `qualifier` and `nearly` terms), so that it reads as its number."""
    for term in qualifiers:
        if written.startswith(term) and written[len(term) :].lstrip()[:1].isdigit():
            written = written[len(term) :].lstrip()
            break
    at = NUMBER_END.search(written)
    if at is not None:  # 多 or 余 after the digits or their scale word (300多亿, 3万多家)
        after = written[at.end() :]
        after_term = next((t for t in qualifiers if t in after and not t.isascii()), "")
        written = written[: at.end()] + after.replace(after_term, "", 1) if after_term else written
    return written


NUMBER_END = re.compile(r"\d(?!.*\d)")  # the last digit: a qualifier after it (多, 余) belongs to the number


def without_qualifier(rest: str, qualifiers: tuple[str, ...], before: bool) -> str:
    """The measure without the qualifier that stood before the number at its end ("Tongkun nearly" -> tongkun)."""
    if before:
        for term in qualifiers:
            if rest.endswith(f" {term}"):
                return rest[: -len(term) - 1]
    return rest


WORD = re.compile(r"[^\W\d_]")  # a letter or Han character: the rest names something


def of_the_number(
    found: pd.DataFrame,
    attrs: dict[str, Any],
    number: NumberQuery,
    figures: pd.DataFrame,
    units: pd.DataFrame | None = None,
    run: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Of what the measure found (`search` of the rest: its rows and its attrs) and the figures of the projects the
    enterprises it names run (`run`), the rows of the number (see the module docstring), in the order found, each
    valued figure with its value cell; the measure's attrs kept."""
    listed = attrs.get("indicators")
    measures = set(listed["indicator"]) if listed is not None and len(listed) else set()
    table, key = found["table"].to_numpy(dtype=object), found["key"].to_numpy(dtype=object)
    kept = Figures.of(figures)
    of_measure = np.isin(kept.indicator, list(measures))
    is_figure = table == "indicators"
    # the measure's figures the search found (a subject's, an edition's, a year's), or all when it named the
    # indicators and found none of their figures (`search "top 100 counties"` lists the rank with no figure)
    in_found = set(key[is_figure]) | run
    held = in_found & set(kept.ids[of_measure])
    restricted = bool(held) or attrs.get("year") is not None or bool(attrs.get("editions"))
    rows: list[dict[str, str]] = []
    valued: set[str] = set()
    for column, values in (("value", kept.value), ("value_upper", kept.upper)):
        hit = of_the_size(number, values, kept.unit, unit_sizes(units))  # 300亿 is 30 billion yuan too
        for at in np.flatnonzero(hit):
            # a figure found by its words ("Tongxiang's GDP" of a fiscal revenue), or one of the measure's
            if kept.ids[at] in in_found or (of_measure[at] and (not restricted or kept.ids[at] in held)):
                valued.add(str(kept.ids[at]))
                rows.append(
                    {
                        "table": "indicators",
                        "key": str(kept.ids[at]),
                        "column": column,
                        "text": shown_value(values[at], kept.written[at]),
                        "source_id": str(kept.sources[at]),
                    }
                )
    text = found["text"].to_numpy(dtype=object)
    writes = np.array(
        [not f and isinstance(t, str) and writes_number(t, number) for f, t in zip(is_figure, text, strict=True)],
        dtype=bool,
    )
    out: pd.DataFrame = found[(is_figure & np.isin(key, list(valued))) | writes]
    shown = set(out.loc[out["column"].isin(["value", "value_upper"]), "key"])
    extra = [r for r in rows if r["key"] not in shown]
    if extra:
        out = pd.concat([out, pd.DataFrame(extra, columns=list(found.columns))], ignore_index=True).astype("string")
    order = {k: n for n, k in enumerate(dict.fromkeys(out["key"]))}  # a figure's cells together, as found
    ordered: pd.DataFrame = out.iloc[np.argsort(out["key"].map(order).to_numpy(dtype=np.int64), kind="stable")]
    ordered = ordered.reset_index(drop=True)
    ordered.attrs.update(attrs)
    if valued and listed is not None:  # the indicators of the figures found, not every one the measure's words name
        of_found = set(kept.indicator[np.isin(kept.ids, list(valued))])  # ("2,000 guests" listed 13; trial 19 m2)
        ordered.attrs["indicators"] = listed[listed["indicator"].isin(of_found)].reset_index(drop=True)
    return ordered


def run_figures(enterprises: frozenset[str], frames: dict[str, pd.DataFrame]) -> frozenset[str]:
    """The figures of the projects these enterprises (those a measure names) or their subsidiaries run
    (search_companies): "Xinfengming 600000" is the 600,000 tons of its Dushan Port base, a project row that names no
    enterprise (trial 17 W3); "Xinfengming 11 billion" its subsidiary Zhongyi's project's investment."""
    projects = projects_run(enterprises, frames)
    if not projects:
        return frozenset()
    figures = frames["indicators"]
    return frozenset(figures.loc[figures["project_id"].isin(projects), "observation_id"].astype(str))


@dataclass(frozen=True)
class Figures:
    """The figures' columns the reading compares, as arrays, read once per loaded table (search_kept)."""

    ids: np.ndarray
    indicator: np.ndarray
    value: np.ndarray
    upper: np.ndarray
    unit: np.ndarray
    sources: np.ndarray
    written: np.ndarray  # each figure's value_text

    @staticmethod
    def of(figures: pd.DataFrame) -> Figures:
        def read() -> Figures:
            def floats(column: str) -> np.ndarray:
                if column not in figures.columns:
                    return np.full(len(figures), np.nan)
                return figures[column].to_numpy(dtype=float, na_value=np.nan)

            def texts(column: str) -> np.ndarray:
                if column not in figures.columns:
                    return np.full(len(figures), None, dtype=object)
                return figures[column].astype(object).to_numpy(dtype=object)

            return Figures(
                texts("observation_id"),
                texts("indicator"),
                floats("value"),
                floats("value_upper"),
                texts("unit"),
                texts("source_id"),
                texts("value_text"),
            )

        return kept_with((figures,), "measured_figures", read)


def writes_number(text: str, number: NumberQuery) -> bool:
    """Whether `text` writes the number (either sign unless the query writes one), with one of its units' written
    forms when the query writes one; a URL's escape writes none; a place (第1) is written by no text's bare number."""
    if number.place:
        return False
    values = [Decimal(repr(v)) for v in number.values]
    if number.forms:
        return any(with_unit(text, value, number.forms) for value in values)
    return any(s.value in values and not escaped(text, s.start, s.end) for s in number_spans(text))


# the measured searches of one package: (theme, measure) -> its rows and its attrs, least recently asked first
Searches = OrderedDict[tuple[str | None, str], tuple[pd.DataFrame, dict[str, Any]]]


def kept_search(
    tables: tuple[pd.DataFrame, ...], rest: str, theme: str | None, run: Callable[[], pd.DataFrame]
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """`run()` (the search of the measure) as its rows and its attrs apart, kept with the package's tables per
    measure and theme: the figures of one measure are asked by many numbers (the recall over every figure), and
    each asks the same search first. The latest KEPT_QUERIES measures are kept, the least recently asked dropped
    first: a long-lived process (a notebook, a service) asks many (review 14 R12). Apart, because pandas copies a
    frame's attrs (frames among them) into every frame made from it. Neither is changed by the caller."""
    searches: Searches = kept_with(tables, "measured_searches", OrderedDict)
    key = (theme, rest)
    kept = searches.get(key)
    if kept is not None:
        searches.move_to_end(key)
        return kept
    found = run()
    attrs = {str(name): value for name, value in found.attrs.items()}
    found.attrs = {}
    while len(searches) >= KEPT_QUERIES:
        searches.popitem(last=False)
    searches[key] = (found, attrs)
    return found, attrs
