"""Figures about the same thing: of different sources, conflicts are warnings and agreement is a finding; of one
source, one passage entered twice is an error (it would read as a second statement)."""

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


@rule(
    "figure-entered-twice",
    "indicators",
    "observation_id",
    "{observation_id} repeats {entered_twice}: the same source, evidence, indicator, subject, period, status and "
    "value, entered again; one passage is one figure, so delete this row (its id is not reused)",
    related="entered_twice_ids",
    reads=("entered_twice",),
    per_row=True,
)
def not_entered_twice(view: pd.DataFrame) -> pd.Series:
    """No two rows give one passage's figure (semantics/repeats.py: the claim compared in its base unit).

    Why an error: a copy of a row under a new id is no second statement, yet it was read as one (trial 11 W2):
    none of the shipped rows is such a copy, so a new one is a slip of entry, never a judgement to keep.
    """
    return view["entered_twice"].isna() if "entered_twice" in view else pd.Series(True, index=view.index)
