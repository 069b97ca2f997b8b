"""A multiple (`…_level_multiple`: end ≈ N × start) read against the levels the same text gives at the start and
the end of its period, each figure as the interval its words allow (the `multiple-off-levels` rule).

Why a module: the levels are other rows of the indicators, which a rule reading one row cannot see;
semantics/identity.py adds the columns read here to the indicators' view.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..text.quantities import NUMBER
from .claims import APPROX_TOLERANCE, and_some_terms
from .distinct import is_missing

MULTIPLE = "_level_multiple"


def last_digit_step(value: float) -> float:
    """One unit of the last non-zero digit: 300 → 100, 40 → 10, 8 → 1, 2443 → 1, 1.5 → 0.1."""
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    if "." in text:
        return float(10.0 ** -len(text.split(".")[1]))
    return float(10.0 ** (len(text) - len(text.rstrip("0"))))


def written_bounds(
    value: float, qualifier: object, text: object, and_some: tuple[str, ...] = ()
) -> tuple[float, float]:
    """The interval a written figure allows: 300多 is 300 to 400 (多 after a round number stays below the next
    step of its last non-zero digit: one of the lexicon's `and_some` words, `and_some`), 超过300 is 300 or more,
    近165 and 约165 within a tenth of 165."""
    if qualifier in ("gt", "gte"):
        if isinstance(text, str) and any(word in text for word in and_some) and value > 0:
            return value, value + last_digit_step(value)
        return value, float("inf")
    if qualifier == "approx":
        return (1 - APPROX_TOLERANCE) * value, (1 + APPROX_TOLERANCE) * value
    if qualifier in ("lt", "lte"):
        return 0.0, value
    return value, value


def multiples_against_levels(indicators: pd.DataFrame, lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per `…_level_multiple` figure whose source also gives the levels at the start and the end of its period: the
    ratio those levels allow, where the multiple (read as end ≈ N × start) falls outside it (`multiple_off_levels`,
    naming the two level rows, whose ids `multiple_levels_ids` carries); else NA. Each figure is read as the
    interval its words allow (written_bounds, with the lexicon's `and_some` words: none without a lexicon)."""
    terms = and_some_terms(lexicon) if lexicon is not None else []
    words = tuple(w for w in (t.replace(NUMBER, "").strip() for t in terms) if w)
    out = pd.DataFrame(
        {
            "multiple_off_levels": pd.Series(pd.NA, index=indicators.index, dtype="string"),
            "multiple_levels_ids": pd.Series(None, index=indicators.index, dtype=object),
        }
    )
    multiples = indicators[indicators["indicator"].astype("string").str.endswith(MULTIPLE).fillna(False)]
    if not len(multiples):
        return out
    subject = indicators["place_id"].fillna(indicators["enterprise_id"]).fillna(indicators["project_id"])
    # The level rows a multiple may read: those of a multiple's base indicator, each (indicator, source, subject,
    # status) with its first row per year of period_end and per period_end, in frame order. Looked up per multiple
    # (linear: never the whole table per multiple, nor a Python value per row of the table).
    bases = {str(i)[: -len(MULTIPLE)] for i in multiples["indicator"]}
    key_columns = [indicators["indicator"], indicators["source_id"], subject, indicators["status"]]
    usable = indicators["indicator"].isin(list(bases)).fillna(False).to_numpy(dtype=bool, copy=True)
    for part in key_columns:  # a missing part matches nothing (as == with <NA> does)
        usable &= part.notna().to_numpy(dtype=bool)
    levels = np.flatnonzero(usable)
    read = ("value", "qualifier", "value_text", "observation_id")
    columns = {c: list(indicators[c].iloc[levels]) for c in read}
    keys = list(zip(*(list(part.iloc[levels]) for part in key_columns), strict=True))
    by_year: dict[tuple[Any, ...], int] = {}
    by_end: dict[tuple[Any, ...], int] = {}
    for at, (key, end) in enumerate(zip(keys, indicators["period_end"].iloc[levels], strict=True)):
        if isinstance(end, pd.Timestamp):
            by_year.setdefault((*key, end.year), at)
            by_end.setdefault((*key, end), at)
    pairs: dict[Any, tuple[str, str]] = {}
    mine = multiples.assign(_subject=subject)
    for index, indicator, source, subject_id, status, first_day, last_day, value, qualifier, value_text in zip(
        mine.index,
        *(
            list(mine[c])
            for c in (
                "indicator", "source_id", "_subject", "status", "period_start", "period_end", "value", "qualifier",
                "value_text",
            )
        ),
        strict=True,
    ):  # fmt: skip
        key = (str(indicator)[: -len(MULTIPLE)], source, subject_id, status)
        if any(is_missing(k) for k in key):
            continue
        if not isinstance(first_day, pd.Timestamp) or not isinstance(last_day, pd.Timestamp):
            continue
        s, e = by_year.get((*key, first_day.year)), by_end.get((*key, last_day))
        if s is None or e is None:
            continue
        s_low, s_high = written_bounds(
            float(columns["value"][s]), columns["qualifier"][s], columns["value_text"][s], words
        )
        e_low, e_high = written_bounds(
            float(columns["value"][e]), columns["qualifier"][e], columns["value_text"][e], words
        )
        if s_low <= 0:
            continue
        low, high = e_low / s_high, e_high / s_low
        n_low, n_high = written_bounds(float(value), qualifier, value_text, words)
        if n_high < low or n_low > high or (n_high == low and qualifier in ("gt",)):
            out.at[index, "multiple_off_levels"] = (
                f"{columns['value_text'][s]} → {columns['value_text'][e]} is ×{low:.2f} to ×{high:.2f}"
                f" ({columns['observation_id'][s]}, {columns['observation_id'][e]})"
            )
            pairs[index] = (str(columns["observation_id"][s]), str(columns["observation_id"][e]))
    if pairs:
        column = out["multiple_levels_ids"].to_numpy(dtype=object).copy()
        for position, pair in zip(out.index.get_indexer(pd.Index(list(pairs))), pairs.values(), strict=True):
            column[position] = pair
        out["multiple_levels_ids"] = pd.Series(column, index=out.index, dtype=object)
    return out
