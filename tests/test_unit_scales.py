"""A unit's multiplier/divisor is the scale its own written forms state (trial 10 m1): 亿元 is 10^8 yuan, read from
the lexicon's scale words (their meaning is their factor), so a wrong factor is an error on the units row, not a
conflict blamed on the sources."""

from __future__ import annotations

import re

from conftest import PackageCopy, found
from unit_corruptions import plain, unit_scale_rates

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics.rules.sources import scale_as_written
from tongxiang_digital_economy.semantics.unit_scales import stated_scales
from tongxiang_digital_economy.use.limits import MODEL_LIMITS


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
    shipped units pass, and a unit whose forms state no scale (mu, minute: a conversion, no scale word) is not.
    km2 states one through a power word (平方公里: km squared), so a km ten times too big is caught on km's row and
    on km2's. Of the 94 corruptions (47 units, x10 and /10), this rule catches 42; the 32 of the 16 base units are
    unit-base-mismatch's; the 20 left are conversions no word states (mu, hectare, minute, hour, month, year,
    fraction, 成, millisecond: 毫 and 秒 are no unit's words, million_pound: lb is no unit)."""
    units = plain(tde.load("units"))
    lexicon = plain(tde.load("lexicon"))
    shipped = stated_scales(units, lexicon)
    assert scale_as_written(units.assign(**shipped)).all()
    stating = set(units.loc[shipped["scale_stated"].notna(), "unit"])
    assert {"yi_yuan", "wan_yuan", "million_yuan", "billion_yuan", "yi", "wan", "km", "wan_mu", "km2"} <= stating
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
                units.loc[
                    shipped["scale_form"].str.contains(f"× {row['unit']})", regex=False)
                    | shipped["scale_form"].str.contains(f"({row['unit']} to the power", regex=False),
                    "unit",
                ]
            )
            assert flagged <= {row["unit"], *scaled_from_it}
    assert caught == stating


def test_a_scale_word_not_next_to_the_number_states_no_scale_of_it() -> None:
    """#平方千米 is square kilometres, not a thousand square metres (km2's scale is km's squared, 10^6, read through
    the power word); # m is metres, not a million."""
    units = tde.load("units")
    scales = stated_scales(units, tde.load("lexicon")).set_index(units["unit"])
    assert scales["scale_stated"].isna()[["m", "m2"]].all()
    assert scales.at["km2", "scale_stated"] == 1_000_000
    assert scales.at["km", "scale_form"] == "'#千米' (1,000 × m)"


def test_a_power_word_states_a_units_scale_as_the_power_of_another_units() -> None:
    """#平方公里 is 平方 and #公里 (km), and m2, km2's base, writes #平方米 (平方 and #米, m): km2 is km's factor
    squared, 10^6 m2, so km2's multiplier ten times too big is an error on its row. Read from the lexicon's
    `power_word` rows: a copy without them states no scale of km2 (and the corruption passes)."""
    units = tde.load("units")
    lexicon = tde.load("lexicon")
    scales = stated_scales(units, lexicon).set_index(units["unit"])
    assert scales.at["km2", "scale_stated"] == 1_000_000
    assert scales.at["km2", "scale_form"] == "'#平方公里' (km to the power 2: 1,000,000 × m2)"
    row = units.index[units["unit"] == "km2"][0]
    bad = units.assign(multiplier=units["multiplier"].astype(float))
    bad.at[row, "multiplier"] = 10_000_000.0
    assert list(bad.loc[~scale_as_written(bad.assign(**stated_scales(bad, lexicon))), "unit"]) == ["km2"]
    without = lexicon[lexicon["category"] != "power_word"]
    assert stated_scales(units, without).set_index(units["unit"])["scale_stated"].isna()[["km2", "m2", "m3"]].all()
    assert scale_as_written(bad.assign(**stated_scales(bad, without))).all()


def test_the_scales_no_word_states_are_the_conversions_the_data_dictionary_lists() -> None:
    """Every units row's multiplier x10 and /10 (tests/unit_corruptions.py, the corruption report's unit scale):
    92 of 94 are caught on their row (unit-scale-written, unit-conversion-written for the nine conversion units
    the lexicon's `unit_conversion` rows tie to another unit, and unit-base-mismatch for the base units); the 2
    missed are fraction's, whose factor is its definition, named in the data dictionary's limits."""
    count, caught, missed, elsewhere = unit_scale_rates(tde.load("units"), tde.load("lexicon"))
    assert (count, len(caught)) == (94, 92)
    units = {name.rsplit(" ", 1)[0] for name in missed}
    assert units == {"fraction"}
    assert elsewhere == set()
    limit = dict(MODEL_LIMITS)["Unit conversions no word states"]
    assert all(re.search(rf"\b{unit}\b", limit) for unit in units)


def test_an_hour_of_ten_days_breaks_the_lexicons_conversions_on_both_rows(package: PackageCopy) -> None:
    """hour's multiplier 1 -> 10 (10/24 day) in a copy: 1天 = 24小时 and 1小时 = 60分钟 no longer hold, and the error
    is on hour's row and on the rows of day and minute, either of which may be the wrong one."""
    rows = {r["unit"]: i for i, r in enumerate(package.rows("units"), start=2)}
    package.edit("units", rows["hour"], multiplier="10")
    report = package.semantics()
    assert sorted(found(report, covers("unit-conversion-written"))) == sorted(
        ("units", rows[u], "multiplier") for u in ("day", "hour", "minute")
    )
    (problem,) = [p for p in report.problems if p.rule == "unit-conversion-written" and p.row == rows["hour"]]
    assert problem.message == (
        "multiplier 10 and divisor 24 of 'hour' break the conversion the lexicon states, 1天 = 24小时: the two "
        "sides, read through their units' factors, are not the same size in the base unit; correct the factor of "
        "whichever of the two units is wrong (every figure in it is read through it)"
    )


def test_a_conversion_no_unit_reads_states_nothing() -> None:
    """A side no unit's written form reads whole (1 fortnight) or that two units' forms read states nothing."""
    from tongxiang_digital_economy.semantics.unit_conversions import conversion_conflicts

    units = tde.load("units")
    lexicon = tde.load("lexicon")
    odd = lexicon.iloc[:1].assign(term="1 fortnight", category="unit_conversion", meaning="1天")
    assert conversion_conflicts(units, odd).isna().all()
    shipped = lexicon[lexicon["category"] == "unit_conversion"]
    assert len(shipped) == 9 and conversion_conflicts(units, lexicon).isna().all()
