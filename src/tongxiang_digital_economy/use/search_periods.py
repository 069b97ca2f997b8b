"""A measure and a period, as the package labels it or as a text writes it: "GDP H1 2019", "fiscal revenue
Jan-Sep 2020", 上半年 GDP, 前三季度 GDP, 2019年上半年 GDP, "GDP first half of 2019"; a period alone ("H1 2019").

Why: `series`, the charts and the site's figures view label a figure's period (use.periods: `H1 2019`, `Q1 2024`,
`Jan-Sep 2020`, `end-2014`), and a reader types back what they read; `search "GDP H1 2019"` said "no rows mention",
and "GDP first half 2019" or 上半年 GDP answered with the fiscal-revenue rows whose note names the half year (trial 18
W2). A query is read as the rest (read as any query) and a period when it holds, as whole words:

- one of the labels the package's figures have (but a bare year, the year reading's, and a day alone), the longest;
  the figures of that label are the period's; else
- words the period reader (text.period_words, with the lexicon's dating words: 上半年, 前三季度, first half, Q3,
  1-6月, 2016年末, 2014-2020) reads as a part of a year, a date or several years (a year alone is the year
  reading's), the longest: the figures whose period that reading admits (text.period_readings). Words without a
  year (上半年) are read in every year the figures end in: the first half of any year.

Of what the rest finds, the figures of the period are the answer; the period alone is answered by its figures.
When none of what the rest finds is of the period, the query is read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from ..semantics.anchors import period_words_of
from ..semantics.roles import period_labels
from ..semantics.row_codes import distinct_rows
from ..text.period_lexicon import PeriodWords
from ..text.period_readings import Period
from ..text.period_words import read_period
from .periods import period_label
from .search_kept import kept_with
from .search_lexicon import normalised


@dataclass(frozen=True)
class PeriodReading:
    """A query read as the rest (empty for a period alone) and a period (`label`, as the query wrote it, folded)
    with the figures of that period (`keys`, their observation_ids)."""

    rest: str
    label: str
    keys: frozenset[str]


def figure_labels(figures: pd.DataFrame, definitions: pd.DataFrame) -> dict[str, list[str]]:
    """Each period label (folded, as a query is) -> the figures of that period, the longest label first, read once
    per loaded table; named as `series` names them (semantics.roles.period_labels, once per distinct period)."""

    def read() -> dict[str, list[str]]:
        temporal = definitions.drop_duplicates("indicator").set_index("indicator")["temporal"]
        labels = period_labels(figures, temporal, period_label)
        out: dict[str, list[str]] = {}
        for key, label, end in zip(figures["observation_id"], labels, figures["period_end"].isna(), strict=True):
            if not end:  # an undated figure has no period to find it by
                out.setdefault(normalised(label), []).append(str(key))
        return {label: out[label] for label in sorted(out, key=len, reverse=True)}  # the longest first

    if not {"observation_id", "indicator", "period_start", "period_end"} <= set(figures.columns):
        return {}
    if not {"indicator", "temporal"} <= set(definitions.columns):
        return {}
    return kept_with((figures, definitions), "period_labels", read)


def labels_written(keys: list[str], figures: pd.DataFrame, definitions: pd.DataFrame) -> list[str]:
    """The package's labels of the periods of the figures `keys`, as `series` and the charts write them (`H1 2019`,
    `Jan-Sep 2020`), each once, in the figures' order: what a search of a period says it found, where the query's
    words were `上半年` or `h1 2019` (review 16 R11)."""

    def read() -> dict[str, str]:
        temporal = definitions.drop_duplicates("indicator").set_index("indicator")["temporal"]
        labels = period_labels(figures, temporal, period_label)
        return {str(k): str(label) for k, label in zip(figures["observation_id"], labels, strict=True)}

    if not {"observation_id", "indicator", "period_start", "period_end"} <= set(figures.columns):
        return []
    if not {"indicator", "temporal"} <= set(definitions.columns):
        return []
    written = kept_with((figures, definitions), "period_labels_written", read)
    return list(dict.fromkeys(written[k] for k in keys if k in written))


def period_reading(folded: str, frames: dict[str, pd.DataFrame]) -> PeriodReading | None:
    """The period the folded query holds and the rest (see the module docstring); None when it holds none."""
    labels = figure_labels(frames["indicators"], frames["indicator_definitions"])
    labelled = label_reading(folded, labels)
    return labelled if labelled is not None else words_reading(folded, frames)


def label_reading(folded: str, labels: dict[str, list[str]]) -> PeriodReading | None:
    """The longest label the folded query holds as whole words (H1 2019, Jan-Sep 2020, end-2014, 2014-2020, a day:
    2021-03-16), and the rest; None when it holds none. A day alone is no reading (a name's or a source's date)."""
    padded = f" {folded} "
    for label in labels:  # the longest first (figure_labels)
        if label.isdigit():  # a bare year is the year reading's
            continue
        if folded == label and not any(c.isalpha() for c in label):  # a day alone: the cells that write it
            continue
        if f" {label} " in padded:
            rest = padded.replace(f" {label} ", " ", 1).strip()
            return PeriodReading(rest, label, frozenset(labels[label]))
    return None


# A query's words as the period reader's spans begin and end: a Han character each (Chinese has no spaces: 上半年GDP),
# any other run of characters between spaces and Han characters whole (jan-sep, 2019, gdp).
TOKEN = re.compile(r"[\u3400-\u9fff]|[^\s\u3400-\u9fff]+")
LONGEST_SPAN = 12  # the tokens a period's words take at most: 2020年前三季度 is 6, "first three quarters of 2020" 5


def words_reading(folded: str, frames: dict[str, pd.DataFrame]) -> PeriodReading | None:
    """The longest span of whole tokens of the query that the period reader reads as a part of a year, the rest
    beside it, and the figures whose period it admits; None when no span reads so, or no figure is of it."""
    if "lexicon" not in frames:
        return None
    words = kept_with((frames["lexicon"],), "period_words", lambda: period_words_of(frames))
    if not dates_something(folded, words):
        return None
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(folded)]
    ends = [(i, j) for i in range(len(tokens)) for j in range(i, min(len(tokens), i + LONGEST_SPAN))]
    spans = sorted(((tokens[i][0], tokens[j][1]) for i, j in ends), key=lambda span: (span[0] - span[1], span[0]))
    years = FigurePeriods.of(frames["indicators"], frames["indicator_definitions"]).years
    for start, end in spans:
        said = folded[start:end]
        if not dates_something(said, words):
            continue
        periods = read_in_years(said, years, words)
        if periods:
            keys = admitted(periods, frames)
            rest = f"{folded[:start]} {folded[end:]}".strip()
            return PeriodReading(" ".join(rest.split()), said, keys) if keys else None
    return None


def dates_something(text: str, words: PeriodWords) -> bool:
    """Whether `text` may hold a period's words: a part of a year's (the lexicon's), or a year written out."""
    return words.says_sub_year(text) or YEAR.search(text) is not None


YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def read_in_years(said: str, years: list[int], words: PeriodWords) -> list[Period]:
    """The periods the period reader reads `said` as, when it names a part of a year (上半年, 2019年6月), a date
    (2016年末, by the end of 2020) or several years (2014-2020): in its own year when it writes one, else in each of
    `years` (its words read against the last day of each). None for a year alone: the year reading's (all its
    figures whose period ends in it, use.search_years)."""
    first = read_period(said, f"{years[-1] if years else 2000}-12-31", words)
    if first.why is not None or not first.periods:
        return []
    dates = all(p.kind == "date" for p in first.periods)
    if not (first.sub_year or dates or len(first.years) > 1):
        return []
    if first.years or not years:
        return list(first.periods)
    out: list[Period] = []
    for year in years:
        reading = read_period(said, f"{year}-12-31", words)
        out += [p for p in reading.periods if p not in out]
    return out


@dataclass(frozen=True)
class FigurePeriods:
    """The dated figures' periods, read once per loaded table: each dated figure's id and the code of its distinct
    period, and each distinct period's first day, last day and kind (a stock, or a flow)."""

    ids: np.ndarray
    codes: np.ndarray
    periods: list[tuple[date, date, bool]]
    years: list[int]  # the years they end in, each once: where words without a year (上半年) are read

    @staticmethod
    def of(figures: pd.DataFrame, definitions: pd.DataFrame) -> FigurePeriods:
        def read() -> FigurePeriods:
            temporal = dict(zip(definitions["indicator"], definitions["temporal"], strict=False))
            ends = pd.to_datetime(figures["period_end"], errors="coerce")
            starts = pd.to_datetime(figures["period_start"], errors="coerce").fillna(ends)  # a level: its date only
            dated = ends.notna().to_numpy(dtype=bool)
            stock = figures["indicator"].map(temporal).eq("stock")
            rows = pd.DataFrame({"start": starts, "end": ends, "stock": stock})[dated]
            codes, first = distinct_rows([rows["start"], rows["end"], rows["stock"]])
            distinct = rows.iloc[first]
            periods = [
                (as_day(s), as_day(e), bool(k))
                for s, e, k in zip(distinct["start"], distinct["end"], distinct["stock"], strict=True)
            ]
            years = sorted({e.year for _, e, _ in periods})
            return FigurePeriods(figures["observation_id"].to_numpy()[dated], codes, periods, years)

        return kept_with((figures, definitions), "figure_periods", read)


def admitted(periods: list[Period], frames: dict[str, pd.DataFrame]) -> frozenset[str]:
    """The figures whose period one of `periods` admits (a stock at its date, a flow over its span), each distinct
    period of the figures judged once."""
    held = FigurePeriods.of(frames["indicators"], frames["indicator_definitions"])
    judged = np.array([any(p.admits(s, e, k) for p in periods) for s, e, k in held.periods], dtype=bool)
    return frozenset(str(k) for k in held.ids[judged[held.codes]])


def as_day(when: pd.Timestamp) -> date:
    return date(when.year, when.month, when.day)
