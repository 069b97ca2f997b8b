"""A query read as the rest and a word that narrows what the rest finds to some figures: a status word ("GDP target
2024", 目标 GDP: search_status) or a period ("GDP H1 2019", 上半年 GDP: search_periods); a period alone ("H1 2019",
2019年上半年) is answered by its figures.

Why apart from `search`: both readings search the rest as any query and keep, of what it finds, the figures they
name, of the indicators the rest names when it names some; when none is left, the query is read as before. Either
word may stand with the other ("GDP target H1 2019"): the rest is searched as any query, so it is read again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .search_blocks import found_indicators
from .search_hits import COLUMNS
from .search_lexicon import normalised_in
from .search_measured import kept_search
from .search_names import names
from .search_periods import labels_written, period_reading
from .search_readings import year_counts
from .search_status import of_status, status_reading

Search = Callable[[str], pd.DataFrame]


def narrowed(
    text: str, frames: dict[str, pd.DataFrame], theme: str | None, path: str | Path | None, run: Search
) -> pd.DataFrame | None:
    """The answer of a status or period reading of `text` (see the module docstring), or None to read it as
    before; `run` searches a rest under the same theme and package. Its attrs say what narrowed it: `status`
    (the status and the query's word for it) or `period` (the period as the query wrote it, folded)."""
    folded = normalised_in(text, frames)
    if not folded or folded in names(frames):
        return None
    figures = frames["indicators"]
    status = status_reading(folded, frames, path)
    if status is not None:
        answer = of_the_figures(rest_found(status.rest, frames, theme, run), of_status(figures, status.status), figures)
        if len(answer):
            answer.attrs["status"] = (status.status, status.word)
            return answer
    period = period_reading(folded, frames)
    if period is None:
        return None
    if not period.rest:  # "H1 2019", 2019年上半年: the figures of that period
        answer = period_figures(period.keys, text, frames, theme)
    else:
        answer = of_the_figures(rest_found(period.rest, frames, theme, run), period.keys, figures)
    if answer is None or not len(answer):
        return None
    answer.attrs["period"] = period.label
    keys = answer.loc[answer["table"] == "indicators", "key"].astype(str).tolist()
    answer.attrs["period_labels"] = labels_written(keys, frames["indicators"], frames["indicator_definitions"])
    return answer


def rest_found(rest: str, frames: dict[str, pd.DataFrame], theme: str | None, run: Search) -> pd.DataFrame:
    """What the rest finds, with its attrs (kept per rest: the recall asks one measure with many periods)."""
    rows, attrs = kept_search(tuple(frames.values()), rest, theme, lambda: run(rest))
    found = rows.copy()
    found.attrs.update(attrs)
    return found


def of_the_figures(found: pd.DataFrame, keys: frozenset[str], figures: pd.DataFrame) -> pd.DataFrame:
    """Of what the rest found, the figures' rows among `keys`, in the order found, attrs kept; of the indicators
    the rest names when it names some (GDP's H1 2019 figure, not the notes of that half year's fiscal revenue that
    mention GDP), none when none of theirs is among `keys` ("GDP 12月" is no rank of a December whose subject_text
    says "Tongxiang's GDP": review 16 R4), so the query is read as before. The counts of the year's figures are of
    those kept."""
    wanted = set(keys)
    listed = found.attrs.get("indicators")
    if listed is not None and len(listed):
        of_measure = figures.loc[figures["indicator"].isin(set(listed["indicator"])), "observation_id"]
        wanted &= set(of_measure.astype(str))
    out: pd.DataFrame = found[(found["table"] == "indicators") & found["key"].isin(wanted)].reset_index(drop=True)
    out.attrs.update(found.attrs)
    if "of_year" in out.attrs:  # "GDP target 2024": the year's figures kept, not the actual's too
        out.attrs["of_year"] = year_counts(out, figures, out.attrs["year"])
    return out


def period_figures(keys: frozenset[str], text: str, frames: dict[str, pd.DataFrame], theme: str | None) -> pd.DataFrame:
    """The figures of a period, as search's rows (found by their `indicator`, under a theme only its indicators'),
    in the table's order."""
    figures = frames["indicators"]
    rows = figures["observation_id"].astype(str).isin(keys)
    if theme is not None:
        definitions = frames["indicator_definitions"]
        rows &= figures["indicator"].isin(set(definitions.loc[definitions["theme"] == theme, "indicator"]))
    of_period = figures[rows]
    source = of_period["source_id"] if "source_id" in of_period.columns else pd.NA
    out = pd.DataFrame(
        {
            "table": "indicators",
            "key": of_period["observation_id"],
            "column": "indicator",
            "text": of_period["indicator"],
            "source_id": source,
        },
        columns=COLUMNS,
    ).astype("string")
    out = out.reset_index(drop=True)
    out.attrs["indicators"] = found_indicators(text, frames, theme, None, frozenset())
    return out
