"""A measure and a period as the package names it: "GDP H1 2019", "fiscal revenue Jan-Sep 2020", "H1 2019".

Why: `series`, the charts and the site's figures view label a figure's period (use.periods: `H1 2019`, `Q1 2024`,
`Jan-Sep 2020`, `end-2014`), and a reader types back what they read; `search "GDP H1 2019"` said "no rows mention",
and "GDP first half 2019" answered with the fiscal-revenue rows whose note names the half year (trial 18 W2). A
query that holds one of the labels the package's figures have, as whole words, with words beside it, is read as
the rest (read as any query) and, of what that finds, the figures of that period. When none of what the rest finds
is of the period (or nothing stands beside the label), the query is read as before.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .periods import period_label
from .search_kept import kept_with
from .search_lexicon import normalised


@dataclass(frozen=True)
class PeriodReading:
    """A query read as the rest (empty for a label alone) and one period label (folded) of the package's figures."""

    rest: str
    label: str


def figure_labels(figures: pd.DataFrame, definitions: pd.DataFrame) -> dict[str, list[str]]:
    """Each period label (folded, as a query is) -> the figures of that period, read once per loaded table."""

    def read() -> dict[str, list[str]]:
        temporal = dict(zip(definitions["indicator"], definitions["temporal"], strict=True))
        out: dict[str, list[str]] = {}
        starts = pd.to_datetime(figures["period_start"], errors="coerce")
        ends = pd.to_datetime(figures["period_end"], errors="coerce")
        dated = ends.notna().to_numpy(dtype=bool)
        for key, indicator, start, end in zip(
            figures["observation_id"][dated], figures["indicator"][dated], starts[dated], ends[dated], strict=True
        ):
            label = normalised(period_label(start, end, str(temporal.get(indicator, "flow"))))
            out.setdefault(label, []).append(str(key))
        return out

    if not {"observation_id", "indicator", "period_start", "period_end"} <= set(figures.columns):
        return {}
    if not {"indicator", "temporal"} <= set(definitions.columns):
        return {}
    return kept_with((figures, definitions), "period_labels", read)


def period_reading(folded: str, labels: dict[str, list[str]]) -> PeriodReading | None:
    """The longest label the folded query holds as whole words (with a letter in it: H1 2019, Jan-Sep 2020, end-2014),
    and the rest; None when it holds none."""
    padded = f" {folded} "
    for label in sorted(labels, key=len, reverse=True):
        if not any(c.isalpha() for c in label):  # a bare year is the year reading's, a day (2017-02-20) a name's
            continue
        if f" {label} " in padded:
            rest = padded.replace(f" {label} ", " ", 1).strip()
            return PeriodReading(rest, label)
    return None


def of_the_period(found: pd.DataFrame, keys: list[str], figures: pd.DataFrame) -> pd.DataFrame:
    """Of what the rest found, the figures' rows of the period (`keys`), in the order found, attrs kept; of the
    indicators the rest names when it names some with a figure of the period (GDP's H1 2019 figure, not the notes
    of that half year's fiscal revenue that mention GDP)."""
    wanted = set(keys)
    listed = found.attrs.get("indicators")
    if listed is not None and len(listed):
        of_measure = figures.loc[figures["indicator"].isin(set(listed["indicator"])), "observation_id"]
        wanted = (wanted & set(of_measure.astype(str))) or wanted
    out: pd.DataFrame = found[(found["table"] == "indicators") & found["key"].isin(wanted)].reset_index(drop=True)
    out.attrs.update(found.attrs)
    return out
