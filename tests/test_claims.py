"""Claims as intervals at the written precision and bounds: one case per kind of agreement the review listed,
and the orchestration around the rules (a warning never hides an error, layers, messages)."""

from __future__ import annotations

import importlib
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy, copy_package

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics.claims import (
    and_some,
    and_some_terms,
    claim_key,
    conflicts,
    intervals,
    nearly,
    nearly_terms,
)
from tongxiang_digital_economy.semantics.rule_problems import format_message
from tongxiang_digital_economy.semantics.rules import RULES
from tongxiang_digital_economy.use.timeseries import series


def frame(*claims: tuple[float, float, str, float | None]) -> pd.DataFrame:
    """Rows of one group: (value, scale to the base unit, qualifier, value_upper)."""
    return pd.DataFrame(
        {
            "value": pd.array([c[0] for c in claims], dtype="Float64"),
            "value_base": pd.array([c[0] * c[1] for c in claims], dtype="Float64"),
            "qualifier": pd.array([c[2] for c in claims], dtype="string"),
            "value_upper": pd.array([c[3] for c in claims], dtype="Float64"),
        }
    )


def clash(*claims: tuple[float, float, str, float | None]) -> list[bool]:
    rows = frame(*claims)
    return conflicts(pd.Series("g", index=rows.index), intervals(rows)).tolist()


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        # 114.2 billion yuan is a rounding of 1141.69 亿元
        ([(114.2, 1e9, "eq", None), (1141.69, 1e8, "eq", None)], [False, False]),
        # 超过915万 and 918.26万
        ([(915, 1e4, "gt", None), (918.26, 1e4, "eq", None)], [False, False]),
        # 350多, 300多 and 355
        ([(350, 1, "gt", None), (300, 1, "gt", None), (355, 1, "eq", None)], [False, False, False]),
        # 5.1 billion and "more than 40亿" (超过, no and_some reading): open upward, they agree
        ([(5.1, 1e9, "eq", None), (40, 1e8, "gt", None)], [False, False]),
        # figures one last digit apart touch at the half (1.55): half-open intervals, so they do not agree
        ([(1.5, 1, "eq", None), (1.6, 1, "eq", None)], [True, True]),
        ([(1.5, 1, "approx", None), (1.54, 1, "eq", None)], [False, False]),
        # about 1000 reaches a tenth either way: 1012 agrees, 1500 does not (review 3 F4)
        ([(1000, 1, "approx", None), (1012, 1, "eq", None)], [False, False]),
        ([(1000, 1, "approx", None), (1500, 1, "eq", None)], [True, True]),
        # about 100 (no `nearly` word read) may be a little more than 100
        ([(100, 1, "approx", None), (100, 1, "gt", None)], [False, False]),
        # 3至5亿元 and 300-500 million yuan: the upper bound is compared in the base unit
        ([(3, 1e8, "range", 5), (300, 1e6, "range", 500)], [False, False]),
        # a fall: 下降超过5% is −5 with gt, below −5; −6 agrees, −4 does not
        ([(-5, 1, "gt", None), (-6, 1, "eq", None)], [False, False]),
        ([(-5, 1, "gt", None), (-4, 1, "eq", None)], [True, True]),
        # two exact figures that differ beyond their precision
        ([(108.86, 1e8, "eq", None), (108.96, 1e8, "eq", None), (108.86, 1e8, "eq", None)], [True, True, True]),
    ],
)
def test_claims_conflict_only_where_no_reading_agrees(
    claims: list[tuple[float, float, str, float | None]], expected: list[bool]
) -> None:
    assert clash(*claims) == expected


def written(*rows: tuple[float, float, str, str, str]) -> list[bool]:
    """Conflicts in one group of rows (value, scale, qualifier, unit, value_text), N多 read from the lexicon."""
    frame = pd.DataFrame(
        {
            "value": pd.array([r[0] for r in rows], dtype="Float64"),
            "value_base": pd.array([r[0] * r[1] for r in rows], dtype="Float64"),
            "qualifier": pd.array([r[2] for r in rows], dtype="string"),
            "value_upper": pd.array([None] * len(rows), dtype="Float64"),
            "unit": pd.array([r[3] for r in rows], dtype="string"),
            "value_text": pd.array([r[4] for r in rows], dtype="string"),
        }
    )
    lexicon = tde.load("lexicon")
    frame["and_some"] = and_some(frame["value_text"], frame["qualifier"], and_some_terms(lexicon))
    frame["nearly"] = nearly(frame["value_text"], frame["qualifier"], nearly_terms(lexicon))
    return conflicts(pd.Series("g", index=frame.index), intervals(frame)).tolist()


def test_forty_odd_hundred_million_is_below_fifty_and_disagrees_with_5_1_billion() -> None:
    """X2: 40多億元 is 40 to 50 亿 (4.0 to 5.0 billion), so it cannot be 5.1 billion yuan (51亿)."""
    assert written((5.1, 1e9, "eq", "billion_yuan", "5.1 billion yuan"), (40, 1e8, "gt", "yi_yuan", "40多億元")) == [
        True,
        True,
    ]
    assert written((4.5, 1e9, "eq", "billion_yuan", "4.5 billion yuan"), (40, 1e8, "gt", "yi_yuan", "40多億元")) == [
        False,
        False,
    ]
    # 350多 is 350 to 360 and 300多 300 to 400: both still agree with 355, and 8倍多 is below 9 times
    assert written(
        (350, 1, "gt", "count", "350多家"), (300, 1, "gt", "count", "300多家"), (355, 1, "eq", "count", "355家")
    ) == [False, False, False]
    assert written((8, 1, "gt", "times", "翻了8倍多"), (9.2, 1, "eq", "times", "9.2倍")) == [True, True]
    # "more than 40" (超过) has no upper bound
    assert written((40, 1e8, "gt", "yi_yuan", "超过40亿元"), (51, 1e8, "eq", "yi_yuan", "51亿元")) == [False, False]


def test_about_and_nearly_are_read_with_their_own_tolerance() -> None:
    """Review 3 F4: "about N" is not N at its last digit. 约1000 agrees with 1012 and not with 1500; "nearly 100"
    (the lexicon's `nearly` words) is 100 or a little below it: it agrees with 99, not with 101 or "more than 100"."""
    assert written((1000, 1, "approx", "count", "约1000家"), (1012, 1, "eq", "count", "1012家")) == [False, False]
    assert written((1000, 1, "approx", "count", "约1000家"), (1500, 1, "eq", "count", "1500家")) == [True, True]
    assert written((1000, 1, "approx", "count", "约1000家"), (1080, 1, "eq", "count", "1080家")) == [False, False]
    assert written((100, 1, "approx", "count", "nearly 100"), (99, 1, "eq", "count", "99")) == [False, False]
    assert written((100, 1, "approx", "count", "近百家"), (101, 1, "eq", "count", "101家")) == [True, True]
    assert written((100, 1, "approx", "count", "nearly 100"), (100, 1, "gt", "count", "more than 100")) == [True, True]
    assert written((100, 1, "approx", "count", "about 100"), (100, 1, "gt", "count", "more than 100")) == [False, False]
    # 将近3000 reaches down a tenth (2700), not below: 2600 conflicts
    assert written((3000, 1, "approx", "m3", "將近3000立方米"), (2600, 1, "eq", "m3", "2600立方米")) == [True, True]
    # a fall of nearly 5% is a fall of at most 5%: −4.6 agrees, −5.4 does not
    assert written((-5, 1, "approx", "percent", "下降近5%"), (-4.6, 1, "eq", "percent", "下降4.6%")) == [False, False]
    assert written((-5, 1, "approx", "percent", "下降近5%"), (-5.6, 1, "eq", "percent", "下降5.6%")) == [True, True]


def test_two_exact_counts_one_apart_disagree() -> None:
    """X5: 47 and 48 countries are two exact counts (a count has no rounding): they conflict; 47 and 47 agree."""
    assert written((47, 1, "eq", "count", "47个"), (48, 1, "eq", "count", "48")) == [True, True]
    assert written((47, 1, "eq", "count", "47个"), (47, 1, "eq", "count", "47")) == [False, False]
    assert written((47, 1, "approx", "count", "约47个"), (47.4, 1, "eq", "count", "47.4")) == [False, False]


def test_the_series_of_the_two_trial_pairs_show_them_competing() -> None:
    """X2 and X5 on the real package: the trial's two pairs compete, with the preferred row naming the other."""
    core = series("digital_economy_core_industry_output_value", "tongxiang").set_index("observation_id")
    assert core.at["zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-005", "role"] == "competing"
    assert core.at["chinadaily-2024-05-28-dynamic-tongxiang-003", "role"] == "preferred"
    assert core.at["chinadaily-2024-05-28-dynamic-tongxiang-003", "competing"] == (
        "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-005"
    )
    exhibitors = series("event_exhibitor_countries_regions", "light-of-internet-expo").set_index("observation_id")
    assert exhibitors.at["xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-004", "role"] == "preferred"
    assert exhibitors.at["zjdaily-archyde-2023-11-11-wuzhen-summit-2023-recap-013", "role"] == "competing"
    enterprises = series("digital_economy_enterprises", "tongxiang")
    in_2014 = enterprises[enterprises["period_label"] == "end-2014"]
    assert set(in_2014["role"]) == {"preferred", "corroborating"}  # 355, 350多 and 300多 still agree


def test_one_group_only_conflicts_with_itself() -> None:
    rows = frame((1, 1, "eq", None), (2, 1, "eq", None))
    assert conflicts(pd.Series(["a", "b"]), intervals(rows)).tolist() == [False, False]


def test_the_claim_key_compares_upper_bounds_in_the_base_unit() -> None:
    keys = claim_key(frame((3, 1e8, "range", 5), (300, 1e6, "range", 500))).tolist()
    assert keys[0] == keys[1] == "300000000.0|500000000.0|range"


def test_a_message_names_a_missing_column_as_missing() -> None:
    assert format_message("{value} in {unit__dimension!r}", {"value": 3.0}) == "3 in '<missing>'"
    # A field written `{column!r:|words}` says in words what the row does not give (trial 16 m4)
    template = "{name!r}; {name_zh!r:|no Chinese name}; {aliases:|no alias}; {legal:|{none}}"
    assert (
        format_message(template, {"name": "A", "name_zh": None, "aliases": "B|C"})
        == "'A'; no Chinese name; B|C; {none}"
    )
    assert (
        format_message(template, {"name": "A", "name_zh": "甲", "aliases": "", "legal": "L"})
        == "'A'; '甲'; no alias; L"
    )
    # A field written `{a+b:given}` names the columns the row fills, each with its value (trial 18 m1)
    given = "({place_id+enterprise_id+project_id:given})"
    assert format_message(given, {"place_id": "tongxiang", "enterprise_id": None, "project_id": ""}) == (
        "(place_id tongxiang)"
    )
    assert format_message(given, {"place_id": "{x}", "project_id": "p"}) == "(place_id {x}, project_id p)"
    assert format_message(given, {"place_id": None}) == "(none given)"


def rule_message(rule_id: str, table: str, row: dict[str, Any]) -> str:
    """A registered rule's message for a row, as validate writes it."""
    [found] = [r for r in RULES if (r.id, r.table) == (rule_id, table)]
    return format_message(found.message, row)


def test_the_rules_name_an_empty_cell_in_words_and_no_article_misfits() -> None:
    """Review 14 R1, R5: name-generic quoted an empty Chinese name as '<missing>', the subject rules printed
    "place_id <missing>" on every firing (two of three are empty by design), and two templates wrote "use a area
    unit" and "is about a enterprise"."""
    empty = {"place_id": None, "enterprise_id": "china-unicom", "project_id": None}
    assert rule_message("name-generic", "enterprises", {"name_zh": None, "aliases": "产业园"}) == (
        "the Chinese name (none given) or an alias (产业园) is a common noun, not a name (the lexicon lists such "
        "words): use the name a source gives this one, or leave it empty"
    )
    assert rule_message("name-generic", "projects", {"name_zh": "产业园", "aliases": None}).startswith(
        "the Chinese name '产业园' or an alias (none given) is a common noun"
    )
    assert rule_message("subject-not-named", "indicators", {"source_id": "s", **empty}).startswith(
        "the archived text of s never names the subject of this figure (enterprise_id china-unicom) by its name"
    )
    row = {"indicator": "china_top_500_private_enterprises_rank", "indicator__subject": "enterprise", **empty}
    assert rule_message("subject-mismatch", "indicators", {**row, "enterprise_id": None}).startswith(
        "'china_top_500_private_enterprises_rank' is a figure of one enterprise, so the row names exactly one "
        "subject, its enterprise (place_id none, enterprise_id none, project_id none): "
    )
    row = {"unit": "yuan", "unit__dimension": "currency", "indicator": "area_total", "indicator__dimension": "area"}
    assert rule_message("unit-dimension-mismatch", "indicators", row) == (
        "unit 'yuan' measures currency, but 'area_total' is measured in area: use a unit of area or another indicator"
    )


def test_a_structure_warning_does_not_hide_a_semantic_error(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="2024", note="@ see the table")
    rules = {(p.rule, p.row) for p in tde.validate(package.root).problems}
    assert {("formula-cell", 2), ("value-text-number", 2)} <= rules


def test_a_refused_cell_holds_back_only_the_rules_that_read_it(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="2024", note="", period_start="2024-13-01")
    rules = {(p.rule, p.row) for p in tde.validate(package.root).problems}
    assert ("type-error", 2) in rules and ("value-text-number", 2) in rules
    assert ("period-order", 2) not in rules  # it reads period_start, which the reader refused


def test_a_repeated_unit_is_a_key_error_not_a_crash(package: PackageCopy) -> None:
    rows = package.rows("units")
    package.write("units", [*rows, rows[0]])
    report = tde.validate(package.root)
    errors = {(p.rule, p.row) for p in report.errors}
    assert ("primary-key", len(rows) + 2) in errors and {row for _, row in errors} == {len(rows) + 2}
    with pytest.raises(tde.LoadError, match=r"^units row \d+, field unit: .*\[primary-key\]"):
        tde.load("indicators", package.root)


def test_each_layer_runs_alone(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="2024", note="@ see the table")
    structure = {p.rule for p in tde.validate(package.root, layers=["structure"]).problems}
    semantics = {p.rule for p in tde.validate(package.root, layers=["semantics"]).problems}
    assert "formula-cell" in structure and "value-text-number" not in structure
    assert "value-text-number" in semantics and "formula-cell" not in semantics
    with pytest.raises(tde.ArgumentError, match="layers must be some of structure, semantics"):
        tde.validate(package.root, layers=["rules"])


NEARLY = "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-001"


@pytest.fixture(scope="module")
def conflict_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], int, Report]:
    """One copy, validated once, with two cases apart (rows of other indicators and sources): eight figures of row
    2's indicator added with other values (row 2's first row, its id), and "nearly 100" countries (row 262) written
    "about 100" (its row)."""
    package = copy_package(tmp_path_factory.mktemp("conflicts") / "package")
    rows = package.rows("indicators")
    first = rows[0]
    row = next(n for n, r in enumerate(rows, start=2) if r["observation_id"] == NEARLY)
    assert rows[row - 2]["indicator"] != first["indicator"] and rows[row - 2]["source_id"] != first["source_id"]
    rows[row - 2].update(value_text="about 100", evidence=rows[row - 2]["evidence"].replace("nearly 100", "about 100"))
    added = []
    for n in range(8):
        copy = dict(first, observation_id=f"{first['source_id']}-9{n:02d}")
        copy.update(value=str(100 + n), value_text=f"{100 + n}億元", evidence=first["evidence"] + f" {100 + n}億元")
        added.append(copy)
    package.write("indicators", [*rows, *added])
    return first, row, tde.validate(package.root)


def test_a_conflict_carries_every_id_and_cuts_only_its_message(
    conflict_copy: tuple[dict[str, str], int, Report],
) -> None:
    first, _row, report = conflict_copy
    conflict = next(p for p in report.problems if p.rule == "conflicting-values" and p.row == 2)
    assert len(conflict.related) == 9 and first["observation_id"] in conflict.related
    assert conflict.message.count("(") == 6 and " and 3 more:" in conflict.message


def test_the_compiled_schema_checks_a_slice_with_its_own_index() -> None:
    import warnings

    import pandera.pandas as pa

    frame = tde.load("indicators").iloc[300:330]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)
        checked = tde.schema("indicators").validate(frame, lazy=True)
    assert checked.index.equals(frame.index)
    broken = frame.assign(value_text=frame["value_text"].where(frame.index != 310, "999億元"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)
        with pytest.raises(pa.errors.SchemaErrors) as caught:
            tde.schema("indicators").validate(broken, lazy=True)
    cases = caught.value.failure_cases
    assert set(cases.loc[cases["check"] == "value-text-number", "index"]) == {310}


def test_a_key_cell_refused_for_its_form_is_not_also_a_missing_key(package: PackageCopy) -> None:
    rows = package.rows("places")
    row = package.append("places", dict(rows[-1], place_id="Not An Id!", name="Nowhere", name_zh="无处", aliases=""))
    found = [(p.rule, p.field) for p in tde.validate(package.root).errors if p.table == "places" and p.row == row]
    assert found == [("constraint-error", "place_id")]


def test_info_counts_the_conflicts_and_corroborations_validate_reports(shipped_report: Report) -> None:
    """Trial 3 N11: `info` read 40多億元 as "more than 40" (no and_some) and missed its conflict with 5.1 billion
    yuan; it reads claims as validate does."""
    from tongxiang_digital_economy.use.summary import agreement

    conflicting = [p for p in shipped_report.warnings if p.rule == "conflicting-values"]
    observation = dict(zip(tde.load("indicators").index + 2, tde.load("indicators")["observation_id"], strict=True))
    disagreements = {frozenset([observation[p.row], *p.related]) for p in conflicting}
    assert agreement() == {
        "corroborated": len(shipped_report.infos),
        "in conflict": len(conflicting),
        "disagreements": len(disagreements),
    }
    assert len(disagreements) < len(conflicting)  # each disagreement is of two figures or more (trial 7 m2)
    out = CliRunner().invoke(cli, ["info"], catch_exceptions=False).output.splitlines()
    assert f"in conflict: {len(disagreements)} disagreements ({len(conflicting)} figures)" in out[-1]


def test_validate_reads_nearly_and_about_from_the_quote(
    conflict_copy: tuple[dict[str, str], int, Report], shipped_report: Report
) -> None:
    """Review 3 F4 through validate: "nearly 100" countries (row 262) conflicts with "more than 100" (row 266);
    the same row written "about 100" reaches a tenth above 100 and no longer conflicts."""
    _first, _row, report = conflict_copy
    warned = {(p.rule, p.row) for p in shipped_report.warnings}
    assert {("conflicting-values", 262), ("conflicting-values", 266)} <= warned
    warned = {(p.rule, p.row) for p in report.warnings}
    assert ("conflicting-values", 262) not in warned and ("conflicting-values", 266) not in warned


def test_statements_read_in_columns_are_the_rows_read_one_by_one() -> None:
    """Review 3 F12: `statements` reads whole columns (a text's dates once per source, dating words once per
    distinct text); each Statement is still exactly what its own row, read alone, says."""
    import math

    from tongxiang_digital_economy.io.load import load
    from tongxiang_digital_economy.schema.descriptor import grade_order
    from tongxiang_digital_economy.semantics.claims import statements

    rows = load("indicators")
    sources = load("sources").set_index("source_id")
    definitions = load("indicator_definitions")
    stocks = set(definitions.loc[definitions["temporal"] == "stock", "indicator"])
    together = statements(rows, sources, grade_order(), stocks)
    assert any(s.own_date for s in together) and any(not s.own_date for s in together)
    for i in range(0, len(rows), 7):
        [alone] = statements(rows.iloc[[i]], sources, grade_order(), stocks)
        for a, b in zip(together[i], alone, strict=True):
            assert a == b or (isinstance(a, float) and math.isnan(a) and math.isnan(b)), rows.index[i]


def test_info_counts_a_large_disagreement_once_by_its_group(
    package: PackageCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review 6 F3: 300 figures of one group, each a different value, are one disagreement; `info` counts the
    groups that clash (linear), not a set of the whole group per row (quadratic in the group's size: 300² reads
    against fewer than 1,100). The roles `info` counts corroborations by say once per group why its tied figures
    tie (once per tied row read every row of the group again: 1500 rows took half a minute)."""
    period_roles = importlib.import_module("tongxiang_digital_economy.semantics.period_roles")
    from tongxiang_digital_economy.use.summary import agreement

    said = [0]
    why_tied = period_roles.tie_reason

    def counted_reason(*args: Any) -> str:
        said[0] += 1
        return str(why_tied(*args))

    monkeypatch.setattr(period_roles, "tie_reason", counted_reason)
    before = agreement(package.root)
    said_before, said[0] = said[0], 0
    rows = package.rows("indicators")
    gdp = next(r for r in rows if r["indicator"] == "gdp" and r["period_end"])
    stem = gdp["observation_id"][:-4]
    added = [dict(gdp, observation_id=f"{stem}-c{n}-{900000 + n}", value=str(10**6 + n)) for n in range(300)]
    package.write("indicators", [*rows, *added])
    visited = [0]
    agreement_module = importlib.import_module("tongxiang_digital_economy.semantics.agreement")
    found = agreement_module.groups

    def counting(view: pd.DataFrame) -> pd.Series:
        """The groups as agreement and info read them, counting the rows each reading gives: the work of counting
        disagreements (review 14 R4: the ids this test wrapped were never read, so its count could not fail)."""
        grouped = found(view)
        visited[0] += len(grouped)
        return grouped

    monkeypatch.setattr(agreement_module, "groups", counting)
    after = agreement(package.root)
    assert after["in conflict"] >= before["in conflict"] + 300
    assert said[0] <= said_before + 1  # the added rows tie in one group: said once, not once per row
    assert after["disagreements"] in (before["disagreements"], before["disagreements"] + 1)
    # Linear: the groups are read for the whole table a bounded number of times (agreement's and info's), never once
    # per row of a group.
    assert 0 < visited[0] <= 2 * (len(rows) + len(added)), visited[0]


def test_validate_corroborates_exactly_the_figures_series_shows_agreeing(shipped_report: Report) -> None:
    """Trial 8 U2 (issue 15, one meaning of agreement): `corroborating-values` compared exact claims and listed 86
    figures while `series` marked 91 as agreeing; the 5 left out were the README's own examples. Over the shipped
    package the rule lists every figure `series` shows as agreeing with another source (a corroborating figure, or
    a preferred one that others corroborate), and no other; `info` counts the same."""
    from tongxiang_digital_economy.use.summary import agreement
    from tongxiang_digital_economy.use.timeseries import all_series

    marked = all_series()
    agreeing = (marked["role"] == "corroborating") | (
        (marked["role"] == "preferred") & marked["corroborated_by"].notna()
    )
    shown = set(marked.loc[agreeing, "observation_id"])
    observation = dict(zip(tde.load("indicators").index + 2, tde.load("indicators")["observation_id"], strict=True))
    listed = {observation[p.row]: p for p in shipped_report.infos if p.rule == "corroborating-values"}
    assert set(listed) == shown
    assert agreement()["corroborated"] == len(shown) == len(shipped_report.infos)
    # The README's examples: 355, 350多 and 300多 enterprises at the end of 2014; GDP 2021 in 亿元 and billion yuan.
    enterprises = "chinadaily-2024-05-28-dynamic-tongxiang, xuanzhiyun-2021-12-10-tongxiang-digital-economy-"
    enterprises += "industrial-internet, zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang"
    for row in (
        "chinadaily-2024-05-28-dynamic-tongxiang-001",
        "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-002",
        "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-001",
    ):
        assert listed[row].message.endswith(
            f"for 'digital_economy_enterprises' is stated alike by the sources {enterprises}"
        ), row
    gdp = "chinadaily-pressreader-2022-06-29-tongxiang-key-player, txstats-nextlevelarts-2022-02-10-statistical-"
    gdp += "bulletin-2021"
    assert listed["txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-001"].message == (
        f"1141.69 yi_yuan for 'gdp' is stated alike by the sources {gdp}"
    )
    assert listed["chinadaily-pressreader-2022-06-29-tongxiang-key-player-003"].message == (
        f"114.2 billion_yuan for 'gdp' is stated alike by the sources {gdp}"
    )
