"""Corroboration: per row, the sources that state its figure alike, as `series` reads agreement (semantics.roles).

Why this exists: the `corroborating-values` rule and `series` share one meaning of agreement; this module keeps
the roles' answer per series (kept_groups) and lists it bounded for messages, complete for the report.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..schema.descriptor import grade_order
from .answers import kept_reading
from .entity_names import MAX_LISTED
from .kept_groups import by_indicator, kept_in_groups
from .roles import ROLE_TABLE_READS, corroboration

CORROBORATION_READS = (
    "and_some", "base_unit", "enterprise_id", "event_id", "indicator", "nearly", "observation_id", "period_basis",
    "period_end", "period_start", "period_text", "place_id", "project_id", "qualifier", "source_id", "status",
    "text_date", "unit", "value", "value_base", "value_denominator", "value_text", "value_upper",
)  # fmt: skip
# What the roles read of each reference table, in the order corroborated takes them (traced likewise): a source's
# title or a unit's written forms edited reads no series again.
CORROBORATION_TABLE_READS: dict[str, tuple[str, ...]] = {
    "sources": ROLE_TABLE_READS["sources"],
    "indicator_definitions": ROLE_TABLE_READS["indicator_definitions"],
    "units": ROLE_TABLE_READS["units"],
    "lexicon": ("category", "meaning", "term"),  # claims.period_words asks for all three (the text's own day)
}


def corroboration_of(
    indicators: pd.DataFrame, frames: dict[str, pd.DataFrame], grades: Sequence[str] | None
) -> pd.DataFrame:
    """The view's `corroborated_by` and `corroborating_sources` (corroborated), kept by the content of what the
    roles read; none when a table they read did not load (no finding is made of a package that cannot be read)."""
    tables = [frames.get(t) for t in CORROBORATION_TABLE_READS]
    if any(t is None for t in tables):
        empty = pd.Series([None] * len(indicators), index=indicators.index, dtype=object)
        return pd.DataFrame({"corroborated_by": empty.astype("string"), "corroborating_sources": empty})
    order = tuple(grade_order() if grades is None else grades)
    # A series is one indicator's (and subject's and status'): an edited row's indicator is read again (kept_groups).
    return kept_reading(
        ("corroboration", order),
        [(indicators, CORROBORATION_READS), *zip(tables, CORROBORATION_TABLE_READS.values(), strict=True)],
        lambda i, *read: kept_in_groups(
            ("corroboration", order),
            i,
            CORROBORATION_READS,
            by_indicator,
            read,
            lambda part, s, d, u, x: corroborated(part, s, d, u, x, order),
        ),
    )


def corroborated(
    indicators: pd.DataFrame,
    sources: pd.DataFrame,
    definitions: pd.DataFrame,
    units: pd.DataFrame,
    lexicon: pd.DataFrame,
    grades: Sequence[str],
) -> pd.DataFrame:
    """Per row: the sources that state its figure alike, as `series` reads agreement (semantics.roles: the period's
    preferred figure and those whose intervals meet it, across units of one base: 355, 350多 and 300多 enterprises;
    1141.69亿元 and 114.2 billion yuan), listed (bounded, for messages) and complete (a tuple shared by the
    agreement's rows). Trial 8 U2: the rule compared exact claims and counted 86 where `series` showed 91."""
    found = corroboration(indicators, sources, definitions, units, lexicon, grades)
    listed: dict[int, str] = {}  # one text per agreement: its rows share one tuple (by identity)

    def shown(t: object) -> str | None:
        if not isinstance(t, tuple):
            return None
        if id(t) not in listed:
            listed[id(t)] = ", ".join(t[:MAX_LISTED]) + (
                f" and {len(t) - MAX_LISTED} more" if len(t) > MAX_LISTED else ""
            )
        return listed[id(t)]

    # Only the rows of an agreement are read in Python (a grown package's rows are mostly a period's only figure).
    values = found.to_numpy(dtype=object)
    text = np.full(len(values), None, dtype=object)
    agreeing = np.flatnonzero(pd.notna(values))
    text[agreeing] = [shown(t) for t in values[agreeing]]
    return pd.DataFrame(
        {
            "corroborated_by": pd.Series(text, index=indicators.index, dtype="string"),
            "corroborating_sources": found,
        },
        index=indicators.index,
    )
