"""A unit's multiplier/divisor is the scale its own written forms state (trial 10 m1): 亿元 is 10^8 yuan, read from
the lexicon's scale words (their meaning is their factor), so a wrong factor is an error on the units row, not a
conflict blamed on the sources."""

from __future__ import annotations

from conftest import PackageCopy, found

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics.rules.sources import scale_as_written
from tongxiang_digital_economy.semantics.unit_scales import stated_scales


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


def test_the_trials_yi_yuan_as_ten_million_is_an_error_on_its_units_row(package: PackageCopy) -> None:
    """The trial's exact fault: yi_yuan's multiplier 100000000 -> 10000000 in a copy."""
    row = next(i for i, r in enumerate(package.rows("units"), start=2) if r["unit"] == "yi_yuan")
    package.edit("units", row, multiplier="10000000")
    report = package.semantics()
    assert found(report, covers("unit-scale-written")) == [("units", row, "multiplier")]
    (problem,) = [p for p in report.problems if p.rule == "unit-scale-written"]
    assert problem.message == (
        "multiplier 10000000 and divisor 1 of 'yi_yuan' are not the scale its written form '#亿元' "
        "(100,000,000 × yuan) states: correct multiplier or divisor (every figure in 'yi_yuan' is read through them)"
    )


def test_every_unit_whose_forms_state_a_scale_is_caught_ten_times_too_big_or_small() -> None:
    """The catch rate on the shipped units: each unit's multiplier x10 and /10 in turn; every unit with a form that
    states a scale is caught on its own row (and a unit scaled from it, wan_mu from mu, on that one's), the
    shipped units pass, and a unit whose forms state no scale (mu, minute: a conversion, no scale word) is not."""
    units = tde.load("units")
    lexicon = tde.load("lexicon")
    shipped = stated_scales(units, lexicon)
    assert scale_as_written(units.assign(**shipped)).all()
    stating = set(units.loc[shipped["scale_stated"].notna(), "unit"])
    assert {"yi_yuan", "wan_yuan", "million_yuan", "billion_yuan", "yi", "wan", "km", "wan_mu"} <= stating
    caught = set()
    for i, row in units.iterrows():
        for times in (10.0, 0.1):
            bad = units.assign(multiplier=units["multiplier"].astype(float))
            bad.at[i, "multiplier"] = float(row["multiplier"]) * times
            ok = scale_as_written(bad.assign(**stated_scales(bad, lexicon)))
            flagged = set(bad.loc[~ok, "unit"])
            if not ok[i]:
                caught.add(row["unit"])
            scaled_from_it = set(
                units.loc[shipped["scale_form"].str.contains(f"× {row['unit']})", regex=False), "unit"]
            )
            assert flagged <= {row["unit"], *scaled_from_it}
    assert caught == stating


def test_a_scale_word_not_next_to_the_number_states_no_scale_of_it() -> None:
    """#平方千米 is square kilometres, not a thousand square metres; # m is metres, not a million."""
    units = tde.load("units")
    scales = stated_scales(units, tde.load("lexicon")).set_index(units["unit"])
    assert scales["scale_stated"].isna()[["km2", "m", "m2"]].all()
    assert scales.at["km", "scale_form"] == "'#千米' (1,000 × m)"
