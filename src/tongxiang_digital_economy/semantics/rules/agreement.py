"""Figures of different sources about the same thing: conflicts are warnings, agreement is a finding."""

from __future__ import annotations

import pandas as pd

from .registry import rule

# --- indicators: agreement between sources -----------------------------------------------------------------


@rule(
    "conflicting-values",
    "indicators",
    "value",
    "{indicator!r} for the same subject, period and status has different values in {conflict_with}: keep every "
    "source's figure, but check that they measure the same thing",
    severity="warning",
    related="conflicting_ids",
    reads=("conflict_with",),
    per_row=True,
)
def no_conflicting_values(view: pd.DataFrame) -> pd.Series:
    """Rows of the same indicator, subject, period and status whose claims do not meet (a warning: both kept).

    The intervals are at the written precision and bounds (semantics/claims.py): 355 agrees with 350多 (350 to
    360); 5.1 billion yuan does not agree with 40多亿元 (40 to 50亿), nor 47 with 48 (a count is exact).
    """
    return view["conflict_with"].isna()


@rule(
    "corroborating-values",
    "indicators",
    "value",
    "{value} {unit} for {indicator!r} is stated alike by the sources {corroborated_by}",
    severity="info",
    related="corroborating_sources",
    reads=("corroborated_by",),
    per_row=True,
)
def no_corroboration(view: pd.DataFrame) -> pd.Series:
    """Several sources state the figure alike, as `series` marks agreement (a finding, not a fault).

    One meaning with `series` (semantics/roles.py, trial 8 U2): the period's preferred figure and the figures whose
    intervals meet it, at their written precision and bounds, across units of one base (355, 350多 and 300多
    enterprises; 1141.69亿元 and 114.2 billion yuan), when more than one source states them.
    """
    return view["corroborated_by"].isna()
