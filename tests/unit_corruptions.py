"""Corruptions of a unit's scale: every shipped units row's multiplier made ten times too big and ten times too
small in turn, each caught when a units rule reports its own row (unit-scale-written: the scale its written forms
state; unit-conversion-written: the conversions the lexicon states between units; unit-base-mismatch: a base
unit's factor is 1). Shared by tests/test_unit_scales.py and scripts/corruption-report, which prints the rate
with the corruptions missed and the figures in each missed unit.

Why the units rules alone, on the units table: a wrong factor moves every figure in the unit, and no rule of the
figures can tell (their quotes are read in the unit's own words); the three rules read the units table and the
lexicon only, so each corruption is checked in a blink, never a whole package's validation.
"""

from __future__ import annotations

import pandas as pd

from tongxiang_digital_economy.semantics.rules.sources import base_unit_is_base, conversion_as_written, scale_as_written
from tongxiang_digital_economy.semantics.unit_conversions import conversion_conflicts
from tongxiang_digital_economy.semantics.unit_scales import stated_scales

TIMES = (10.0, 0.1)


def flagged(units: pd.DataFrame, lexicon: pd.DataFrame) -> pd.Series:
    """Per units row: whether unit-scale-written, unit-conversion-written or unit-base-mismatch reports it."""
    by_unit = units.set_index("unit")
    view = units.assign(
        base_unit__multiplier=units["base_unit"].map(by_unit["multiplier"]).astype(float),
        base_unit__divisor=units["base_unit"].map(by_unit["divisor"]).astype(float),
        base_unit__dimension=units["base_unit"].map(by_unit["dimension"]),
    )
    written = scale_as_written(units.assign(**stated_scales(units, lexicon)))
    converted = conversion_as_written(units.assign(conversion_conflict=conversion_conflicts(units, lexicon)))
    return ~(written & converted & base_unit_is_base(view)).astype(bool)


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without its attrs (a loaded table's schema and citation): pandas deep-copies a frame's attrs into
    every frame made from it, most of a corruption's check before (the rules read none of them)."""
    out = frame.copy(deep=False)
    out.attrs = {}
    return out


def unit_scale_rates(units: pd.DataFrame, lexicon: pd.DataFrame) -> tuple[int, list[str], list[str], set[str]]:
    """(corruptions, those caught, those missed, the units whose corruption another row's report catches), each
    corruption named `unit ×10` or `unit ÷10`."""
    units, lexicon = plain(units), plain(lexicon)
    assert not flagged(units, lexicon).any(), "the shipped units pass"
    caught: list[str] = []
    missed: list[str] = []
    elsewhere: set[str] = set()
    for i, row in units.iterrows():
        for times in TIMES:
            bad = units.assign(multiplier=units["multiplier"].astype(float))
            bad.at[i, "multiplier"] = float(row["multiplier"]) * times
            hit = flagged(bad, lexicon)
            name = f"{row['unit']} {'×10' if times > 1 else '÷10'}"
            (caught if hit[i] else missed).append(name)
            if not hit[i] and hit.any():
                elsewhere.add(str(row["unit"]))
    return len(units) * len(TIMES), caught, missed, elsewhere
