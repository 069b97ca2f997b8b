"""The figures of a series set aside as `not_comparable` before any is ranked (semantics/roles.py's first step).

Why a module: what makes two figures incomparable (another base unit than most of their series', an indicator
whose definition says its figures are not comparable with one another) is its own question, asked before the
ranking; `use.chart` reads the reason it gives (incomparable_reason) to find such figures.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def set_aside_other_base_units(rows: pd.DataFrame, labels: pd.Series) -> None:
    """Figures in another base unit than most of their series' are `not_comparable`, with the reason. The
    series' base unit: the one most of its figures are in; on a tie, the base unit of the best-ranked figure (the
    first by rank, then by row). Counted by arrays (codes of the series and the units, one sort), never a Python
    loop over rows (10^5 rows: 0.75 s in lists); a missing series or base unit counts for none and is never set
    aside. Only the rows set aside are read one by one, for their reasons."""
    series, series_names = pd.factorize(rows["_series"].astype("string"), use_na_sentinel=True)
    units, unit_names = pd.factorize(rows["base_unit"].astype("string"), use_na_sentinel=True)
    counted = np.flatnonzero((series >= 0) & (units >= 0))
    if not len(counted):
        return
    rank = rows["_rank"].to_numpy(dtype=np.int64)
    pair = series[counted].astype(np.int64) * len(unit_names) + units[counted]
    # Each (series, unit) once: its number of figures and its best figure, (rank, position) smallest.
    by_pair = counted[np.lexsort((counted, rank[counted], pair))]
    pairs, first, figures = np.unique(pair[np.argsort(pair, kind="stable")], return_index=True, return_counts=True)
    best = by_pair[first]  # by_pair is sorted by pair, so each pair's first row is its best figure
    of_series = pairs // len(unit_names)
    # Each series' unit: most figures, then the best figure's (rank, position).
    chosen = np.lexsort((best, rank[best], -figures, of_series))
    firsts = chosen[np.r_[True, np.diff(of_series[chosen]) != 0]]
    main = np.full(len(series_names), -1, dtype=np.int64)
    main[of_series[firsts]] = pairs[firsts] % len(unit_names)
    other = np.zeros(len(rows), dtype=bool)
    other[counted] = units[counted] != main[series[counted]]
    if not other.any():
        return
    rows.loc[other, "role"] = "not_comparable"
    names = np.asarray(unit_names, dtype=object)
    rows.loc[other, "reason"] = [
        f"in {labels.get(unit, unit)}, not {labels.get(names[of], names[of])}: the package holds no exchange rate"
        for unit, of in zip(names[units[other]].tolist(), main[series[other]].tolist(), strict=True)
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
