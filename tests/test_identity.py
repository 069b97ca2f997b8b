"""Identity rules: each fires on a copy of the package broken in exactly the way it guards against.

The tests that edit a copy are staged cases (conftest.run_staged): each batch's cases edit one copy, each its own
rows, and share its checks; a batch holds cases that do not interact (no case edits a row, a name or a group
another case of its batch reads)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import Checks, PackageCopy, found, run_staged

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics.claims import Statement, is_restatement
from tongxiang_digital_economy.text.fold import exact_key, stem_key, suffix_keys


def covers(rule: str) -> str:
    """Marks the rule a test exercises (test_rules.test_every_rule_has_a_test reads these marks)."""
    return rule


STAGED: dict[str, dict[str, Callable[..., Checks]]] = {}  # batch -> its cases by name


def staged(batch: str) -> Callable[[Callable[..., Checks]], Callable[[Any], None]]:
    """Register a staged case under its batch; pytest runs the test that raises the case's failure."""

    def register(case: Callable[..., Checks]) -> Callable[[Any], None]:
        STAGED.setdefault(batch, {})[case.__name__] = case

        def test(staged_failures: Callable[[str], dict[str, BaseException]]) -> None:
            failure = staged_failures(batch).get(case.__name__)
            if failure is not None:
                raise failure

        test.__name__ = test.__qualname__ = case.__name__
        test.__doc__ = case.__doc__
        return test

    return register


@pytest.fixture(scope="module")
def staged_failures(
    tmp_path_factory: pytest.TempPathFactory, shipped_report: Report
) -> Callable[[str], dict[str, BaseException]]:
    """Each batch run once, when a test of it first asks: its cases' failures by name."""
    runs: dict[str, dict[str, BaseException]] = {}

    def failures(batch: str) -> dict[str, BaseException]:
        if batch not in runs:
            root = tmp_path_factory.mktemp(f"identity-{batch}")
            runs[batch] = run_staged(STAGED[batch], root, {"shipped_report": shipped_report})
        return runs[batch]

    return failures


def row_of(package: PackageCopy, table: str, key: str, value: str) -> int:
    """The CSV row number (2 = first data row) of the row whose `key` is `value`."""
    return next(i for i, r in enumerate(package.rows(table), start=2) if r[key] == value)


SUFFIXES = suffix_keys(["有限公司", "股份有限公司", "股份", "集团", "Co., Ltd.", "Group"])


def test_names_fold_script_case_punctuation_and_suffixes() -> None:
    assert exact_key("We Doctor") == exact_key("WeDoctor") == "wedoctor"
    assert exact_key("微醫集團") == exact_key("微医集团")
    assert stem_key("新凤鸣集团股份有限公司", SUFFIXES) == stem_key("新鳳鳴", SUFFIXES) == "新凤鸣"
    assert stem_key("Tongkun Group Co., Ltd.", SUFFIXES) == "tongkun"
    assert stem_key("Group", SUFFIXES) == "group"  # a name that is only a suffix keeps it


@staged("A")
def test_an_alias_that_is_a_place_name_collides(package: PackageCopy) -> Checks:
    row = row_of(package, "enterprises", "enterprise_id", "sugon")
    package.edit("enterprises", row, aliases="曙光|烏鎮")
    report = yield
    assert ("enterprises", row, "aliases") in found(report, covers("name-collision"))
    message = next(p.message for p in report.problems if p.rule == "name-collision" and p.row == row)
    assert "places:wuzhen" in message


@staged("B")
def test_an_alias_of_another_entity_collides_but_a_zone_and_its_place_do_not(package: PackageCopy) -> Checks:
    row = row_of(package, "projects", "project_id", "wuzhen-laboratory")
    package.edit("projects", row, aliases="中科曙光")
    report = yield
    assert ("projects", row, "aliases") in found(report, "name-collision")
    assert ("enterprises", row_of(package, "enterprises", "enterprise_id", "sugon"), "aliases") in found(
        report, "name-collision"
    )
    zone = row_of(package, "projects", "project_id", "tongxiang-economic-development-zone")
    assert ("projects", zone, "aliases") not in found(report, "name-collision")


@staged("A")
def test_an_alias_that_is_another_series_edition_name_collides_but_not_its_own(package: PackageCopy) -> Checks:
    """An edition's name is the edition's: used as an alias of another project it collides; the 2024 cooperation
    conference, named as its series (数字经济产业合作大会), does not collide with its own recurring project."""
    row = row_of(package, "projects", "project_id", "focus-tongxiang-meet-wuzhen-trade-fair")
    package.edit("projects", row, aliases="2025年数字长三角发展大会")
    report = yield
    assert ("projects", row, "aliases") in found(report, "name-collision")
    message = next(p.message for p in report.problems if p.rule == "name-collision" and p.row == row)
    assert "events:digital-yangtze-river-delta-development-conference-2025" in message
    own = row_of(package, "projects", "project_id", "wic-digital-economy-industry-cooperation-conference")
    assert ("projects", own, "aliases") not in found(report, "name-collision")


@staged("D")
def test_near_duplicate_names_are_reported_unless_linked(package: PackageCopy) -> Checks:
    header = package.rows("enterprises")[0]
    twin = {
        **{k: "" for k in header},
        "enterprise_id": "zhongke-shuguang-company",
        "name": "Zhongke Shuguang Co., Ltd.",
        "name_origin": "translation",
        "name_zh": "中科曙光股份有限公司",
        "place_id": "wuzhen",
        "sector": "servers",
        "source_id": "fensifuwu-2023-wuzhen-internet-industry-cluster",
        "evidence": "以中科曙光高端服务器制造、凯芯微电子为核心的智能计算产业",
    }
    row = package.append("enterprises", twin)
    sugon = row_of(package, "enterprises", "enterprise_id", "sugon")
    report = yield
    assert {("enterprises", row, "name"), ("enterprises", sugon, "name")} <= set(
        found(report, covers("near-duplicate-name"))
    )
    assert all(p.severity == "warning" for p in report.problems if p.rule == "near-duplicate-name")
    package.edit("enterprises", row, parent_id="sugon")
    assert ("enterprises", row, "name") not in found((yield), "near-duplicate-name")


@staged("A")
def test_different_legal_names_are_different_entities(package: PackageCopy, shipped_report: Report) -> Checks:
    holding = row_of(package, "enterprises", "enterprise_id", "xin-feng-ming-holding")
    assert ("enterprises", holding, "name") not in found(shipped_report, "near-duplicate-name")  # the copy as shipped
    package.edit("enterprises", holding, legal_name="")
    assert ("enterprises", holding, "name") in found((yield), "near-duplicate-name")


@staged("A")
def test_a_parent_cycle_is_an_error(package: PackageCopy) -> Checks:
    a = row_of(package, "projects", "project_id", "wuzhen-core-area")
    b = row_of(package, "projects", "project_id", "wuzhen-internet-innovation-pilot-zone")
    package.edit("projects", a, parent_id="wuzhen-internet-innovation-pilot-zone")
    assert not found((yield), "parent-cycle")
    package.edit("projects", b, parent_id="wuzhen-core-area")
    assert {("projects", a, "parent_id"), ("projects", b, "parent_id")} <= set(found((yield), covers("parent-cycle")))


@staged("B")
def test_a_place_cycle_is_an_error(package: PackageCopy) -> Checks:
    """Trial 8 m3: places are a tree through parent_id too; China under Wuzhen validated."""
    chain = ("china", "zhejiang", "jiaxing", "tongxiang", "wuzhen")
    rows = {place: row_of(package, "places", "place_id", place) for place in chain}
    assert not [p for p in found((yield), "parent-cycle") if p[0] == "places"]
    package.edit("places", rows["china"], parent_id="wuzhen")
    report = yield
    assert {p for p in found(report, covers("parent-cycle")) if p[0] == "places"} == {
        ("places", row, "parent_id") for row in rows.values()
    }
    [problem] = [p for p in report.problems if p.rule == "parent-cycle" and p.row == rows["china"]]
    assert problem.message == (
        "following parent_id from this row (wuzhen) comes back to it: a parent is a different, larger place"
    )


@staged("A")
def test_a_source_name_is_the_texts_own(package: PackageCopy) -> Checks:
    row = row_of(package, "enterprises", "enterprise_id", "namag")
    package.edit("enterprises", row, name="NAMAG Industrial Machinery")
    assert ("enterprises", row, "name") in found((yield), covers("source-name-not-in-text"))
    package.edit("enterprises", row, name_origin="translation")
    assert ("enterprises", row, "name") not in found((yield), "source-name-not-in-text")


@staged("B")
def test_a_source_name_may_be_written_by_a_text_of_the_rows_figures(package: PackageCopy) -> Checks:
    """The row's name sources are its own, its name_zh_source_id and its figures' and links' sources: Hozon Auto,
    whose row rests on one English text, is also named by the texts of its figures."""
    row = row_of(package, "enterprises", "enterprise_id", "hozon-new-energy")
    package.edit("enterprises", row, source_id="chinaorgcn-2018-wuzhen-gears-up", name_zh_source_id="")
    report = yield
    assert ("enterprises", row, "name") not in found(report, "source-name-not-in-text")
    package.edit("enterprises", row, name="Hozon Motors")
    report = yield
    assert ("enterprises", row, "name") in found(report, "source-name-not-in-text")
    message = next(p.message for p in report.problems if p.rule == "source-name-not-in-text" and p.row == row)
    assert message.startswith("'Hozon Motors' is marked name_origin `source`, but no text of the row's name sources (")
    assert "chinaorgcn-2018-wuzhen-gears-up" in message


@staged("C")
def test_a_chinese_name_is_written_by_a_text_of_the_row(package: PackageCopy) -> Checks:
    """Another row's Chinese name given to Sugon is in none of Sugon's texts; the text that writes a Chinese name
    can be named in name_zh_source_id."""
    row = row_of(package, "enterprises", "enterprise_id", "sugon")
    package.edit("enterprises", row, name_zh="宇视科技")
    report = yield
    assert ("enterprises", row, "name_zh") in found(report, covers("chinese-name-not-in-text"))
    message = next(p.message for p in report.problems if p.rule == "chinese-name-not-in-text" and p.row == row)
    assert message == (
        "'宇视科技' is not written in any text of the row's name sources "
        "(fensifuwu-2023-wuzhen-internet-industry-cluster, "
        "fx361-2022-06-23-wuzhen-hightech-zone-intelligent-connected): a Chinese name is a text's own; take the "
        "name a text about the row writes, or give the text that writes it in name_zh_source_id"
    )
    huayou = row_of(package, "enterprises", "enterprise_id", "huayou-cobalt")
    package.edit("enterprises", huayou, name_zh_source_id="")
    report = yield
    assert ("enterprises", huayou, "name_zh") in found(report, "chinese-name-not-in-text")
    assert ("enterprises", row_of(package, "enterprises", "enterprise_id", "jushi-group"), "name_zh") not in found(
        report, "chinese-name-not-in-text"
    )


@staged("B")
def test_names_in_two_scripts_need_one_text_or_a_basis(package: PackageCopy) -> Checks:
    """Huayou Cobalt's English text and the Chinese list that writes 浙江华友钴业股份有限公司 are two texts: the row
    holds both names by the guide's (b), `name_tie` `reading`. Without it, the tie would rest on nothing the data
    says. Where one text writes both (the stand-in archive's texts of the rows whose Chinese name has no text of
    its own), none is needed."""
    row = row_of(package, "enterprises", "enterprise_id", "huayou-cobalt")
    assert ("enterprises", row, "name_tie") not in found((yield), "names-in-two-scripts-untied")
    package.edit("enterprises", row, name_tie="")
    report = yield
    assert ("enterprises", row, "name_tie") in found(report, covers("names-in-two-scripts-untied"))
    message = next(p.message for p in report.problems if p.rule == "names-in-two-scripts-untied" and p.row == row)
    assert message.startswith(
        "'Huayou Cobalt' (marked source) and '浙江华友钴业股份有限公司' stand in one row, but no text of the row's "
        "name sources (chinadaily-2021-03-16-tongxiang-city-profile, "
    )
    tongkun = row_of(package, "enterprises", "enterprise_id", "tongkun-group")
    package.edit("enterprises", tongkun, name_tie="")  # the stand-in's chinadaily-2021-03-16 writes both
    assert ("enterprises", tongkun, "name_tie") not in found((yield), "names-in-two-scripts-untied")
    package.edit("enterprises", row, name_origin="translation")  # a translation is read from the Chinese name
    assert ("enterprises", row, "name_tie") not in found((yield), "names-in-two-scripts-untied")


@staged("A")
def test_a_name_tie_needs_two_scripts(package: PackageCopy) -> Checks:
    """`name_tie` says why a text's Latin name and a Chinese name are one entity: on a translation (read from the
    Chinese name) it says nothing, and is an error."""
    row = row_of(package, "enterprises", "enterprise_id", "kaixin-microelectronics")
    package.edit("enterprises", row, name_tie="reading")
    report = yield
    assert ("enterprises", row, "name_tie") in found(report, covers("name-tie-without-two-scripts"))
    message = next(p.message for p in report.problems if p.rule == "name-tie-without-two-scripts" and p.row == row)
    assert message.startswith("name_tie is 'reading', but the row holds no name marked `source` beside a name_zh")
    assert ("enterprises", row_of(package, "enterprises", "enterprise_id", "huayou-cobalt"), "name_tie") not in found(
        report, "name-tie-without-two-scripts"
    )


@staged("B")
def test_an_edition_does_not_end_before_it_starts(package: PackageCopy) -> Checks:
    row = row_of(package, "events", "event_id", "wic-2014")
    package.edit("events", row, end="2014-11-18")
    assert ("events", row, "end") in found((yield), covers("event-dates-order"))


@staged("B")
def test_an_events_evidence_is_in_its_source(package: PackageCopy) -> Checks:
    row = row_of(package, "events", "event_id", "wic-2023")
    package.edit("events", row, evidence="为期5天的2023年世界互联网大会乌镇峰会")
    report = yield
    assert ("events", row, "evidence") in found(report, "evidence-not-in-source")


@staged("D")
def test_a_links_evidence_names_its_enterprise(package: PackageCopy) -> Checks:
    row = row_of(package, "project_enterprises", "project_id", "uniview-global-intelligent-manufacturing-center")
    assert ("project_enterprises", row, "evidence") not in found((yield), "link-evidence-missing-name")
    package.edit("project_enterprises", row, enterprise_id="sugon")
    assert ("project_enterprises", row, "evidence") in found((yield), covers("link-evidence-missing-name"))


@staged("D")
def test_a_name_or_form_the_row_does_not_give_is_said_in_words(package: PackageCopy) -> Checks:
    """Trial 16 m4 and trial 17 m1: a Chinese name, legal name, alias or unit's written form the row leaves empty
    was quoted as '<missing>' ("does not name 'China Unicom', '<missing>' or an alias (<missing>)")."""
    unicom = row_of(package, "enterprises", "enterprise_id", "china-unicom")  # no Chinese, legal name or alias
    jushi = package.rows("enterprises")[row_of(package, "enterprises", "enterprise_id", "china-jushi") - 2]
    package.edit("enterprises", unicom, evidence=jushi["evidence"])
    link = row_of(package, "project_enterprises", "project_id", "china-jushi-glass-fiber-im-base-project")
    package.edit("project_enterprises", link, enterprise_id="china-unicom")
    figure = row_of(package, "indicators", "observation_id", "zjdaily-2017-05-17-hozon-50000-ev-approved-004")
    package.edit("indicators", figure, unit="count")  # 1.5万台: count has no written forms
    said = {(p.table, p.row, p.rule): p.message for p in (yield).problems}
    assert said[("enterprises", unicom, "evidence-missing-name")] == (
        "the evidence names the row by none of its names (English 'China Unicom'; Chinese none given; aliases none "
        "given): choose a passage that names it as the source writes it, or add the name the source uses to aliases"
    )
    assert said[("project_enterprises", link, "link-evidence-missing-name")] == (
        "the evidence does not name the enterprise 'china-unicom' by any of its names (English 'China Unicom'; "
        "Chinese none given; legal none given; aliases none given): choose a passage that names both the enterprise "
        "and the project"
    )
    assert said[("indicators", figure, "value-text-unit")] == (
        "value_text '1.5万台' is written in wan but the unit is 'count' (written in no form: the units row gives "
        "none): use the unit whose written form the source uses, or add the form to units.csv"
    )


GUESTS = "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-003"  # 1800多名 guests, 2023-11-08..10


@staged("A")
def test_a_figure_of_an_edition_has_the_editions_period(package: PackageCopy) -> Checks:
    row = row_of(package, "indicators", "observation_id", GUESTS)
    package.edit("indicators", row, event_id="wic-2023")
    assert ("indicators", row, "period_start") not in found((yield), "event-period-mismatch")
    package.edit("indicators", row, period_start="2023-11-01")
    report = yield
    assert ("indicators", row, "period_start") in found(report, covers("event-period-mismatch"))
    message = next(p.message for p in report.problems if p.rule == "event-period-mismatch" and p.row == row)
    assert "2023-11-08..2023-11-10" in message


@staged("C")
def test_a_flow_announced_while_the_edition_was_on_covers_the_editions_days(package: PackageCopy) -> Checks:
    """Trial 7 m7, one rule: a flow of an edition covers its days whenever its text was published. The 2014 guests
    (text of 2014-11-20, the second day) stand at 2014-11-19..21; dated up to the text's date they are an error,
    as is the opening day alone, and the message says the one rule."""
    row = row_of(package, "indicators", "observation_id", "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-004")
    assert ("indicators", row, "period_start") not in found((yield), "event-period-mismatch")
    package.edit("indicators", row, period_end="2014-11-20")
    report = yield
    assert ("indicators", row, "period_start") in found(report, "event-period-mismatch")
    message = next(p.message for p in report.problems if p.rule == "event-period-mismatch" and p.row == row)
    assert message == (
        "the figure of wic-2014 covers 2014-11-19..2014-11-20, but the edition runs 2014-11-19..2014-11-21: a flow "
        "of an edition covers the edition's days, whenever its text was published (one announced while the edition "
        "was on too: the edition's figure, not the days up to the text's date), a stock is a day within them; use "
        "the edition's dates (events table), or clear event_id if the figure is not the edition's"
    )
    package.edit("indicators", row, period_end="2014-11-19")
    assert ("indicators", row, "period_start") in found((yield), "event-period-mismatch")


def test_every_shipped_flow_announced_during_its_edition_covers_the_editions_days() -> None:
    """The six rows that were dated to their text's day (trial 7 m7) now cover their edition's days, as the 2014
    and 2017 figures announced during their summits always did; no value changed."""
    indicators = tde.load("indicators").set_index("observation_id")
    events = tde.load("events").set_index("event_id")
    moved = {
        "cri-chinataiwan-2015-12-16-second-wic-2000-guests-012": "4家",
        "qjwb-monvtuan-2024-11-21-digital-economy-cooperation-63-projects-003": "三项",
        "xinhua-yybnet-2020-11-23-wic-internet-development-forum-001": "20余个",
        "xinhua-yybnet-2020-11-23-wic-internet-development-forum-002": "500余名",
        "xinhua-maskedanonymous-2025-11-07-wuzhen-summit-2025-opens-002": "130多個",
        "xinhua-maskedanonymous-2025-11-07-wuzhen-summit-2025-opens-003": "1600多名",
    }
    for observation, written in moved.items():
        row = indicators.loc[observation]
        edition = events.loc[row["event_id"]]
        assert str(row["period_start"])[:10] == edition["start"] and str(row["period_end"])[:10] == edition["end"]
        assert row["value_text"] == written


@staged("D")
def test_a_figure_of_an_edition_is_about_its_event(package: PackageCopy) -> Checks:
    row = row_of(package, "indicators", "observation_id", GUESTS)
    package.edit("indicators", row, event_id="light-of-internet-expo-2019")
    assert ("indicators", row, "event_id") in found((yield), covers("event-not-of-project"))


@staged("B")
def test_one_value_under_two_indicators_in_sources_of_the_same_weeks_is_a_cluster(package: PackageCopy) -> Checks:
    original = next(r for r in package.rows("indicators") if r["observation_id"] == GUESTS)
    twin = {
        **original,
        "observation_id": "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests-999",
        "source_id": "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests",
        "indicator": "event_guests_onsite",
    }
    row = package.append("indicators", twin)
    report = yield
    assert ("indicators", row, "value") in found(report, covers("fact-cluster"))
    problem = next(p for p in report.problems if p.rule == "fact-cluster" and p.row == row)
    assert problem.severity == "warning" and problem.message.startswith("1800 count about the same subject")
    # Sources a year apart state their own facts, even with the same value.
    package.edit(
        "indicators",
        row,
        source_id="baike-mbji-2024-11-wic-wuzhen-summit-2024",
        observation_id="baike-mbji-2024-11-wic-wuzhen-summit-2024-999",
    )
    assert ("indicators", row, "value") not in found((yield), "fact-cluster")


MULTIPLE = "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-003"  # 翻了8倍多, 300多家 (2014) → 2443家 (2020)


@staged("A")
def test_a_multiple_is_checked_against_the_levels_its_text_gives(
    package: PackageCopy, shipped_report: Report
) -> Checks:
    row = row_of(package, "indicators", "observation_id", MULTIPLE)
    assert ("indicators", row, "value") not in found(shipped_report, "multiple-against-levels")  # as shipped
    package.edit("indicators", row, value="9")  # 增长了8倍 read literally as the increase: end = 9 × start
    report = yield
    assert ("indicators", row, "value") in found(report, covers("multiple-against-levels"))
    message = next(p.message for p in report.problems if p.rule == "multiple-against-levels" and p.row == row)
    assert "300多家 → 2443家 is ×6.11 to ×8.14" in message
    (problem,) = [p for p in report.problems if p.rule == "multiple-against-levels" and p.row == row]
    assert len(problem.related) == 2 and all(f"{i}" in message for i in problem.related)  # the two level rows


RESTATED = {  # 2443 digital-economy enterprises: dated 2020年 by one text, at their own dates by two others
    "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-002": "2020-12-31",  # published 2021-09-27
    "peoplecn-zj-2021-09-15-digital-economy-landmark-industry-002": "2021-09-15",  # no date word
    "zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime-005": "2021-09-24",  # 2014年至今
}
ZJDAILY_2443, PEOPLECN_2443, ZJOL_2443 = RESTATED


@staged("B")
def test_one_level_of_a_stock_in_texts_of_the_same_weeks_is_corroboration_not_a_cluster(
    package: PackageCopy, shipped_report: Report
) -> Checks:
    """Review 3 F8: 2443 enterprises dated 2020年 by zjdaily (2021-09-27), by their own text by peoplecn
    (2021-09-15) and zjol (至今, 2021-09-24) agree on one stock: no warning a maintainer cannot act on. Filed under
    another indicator, the same count is a cluster (file it alike)."""
    rows = {oid: row_of(package, "indicators", "observation_id", oid) for oid in RESTATED}
    for oid, date in RESTATED.items():
        assert package.rows("indicators")[rows[oid] - 2]["period_end"] == date
    clusters = {p.row: p for p in shipped_report.problems if p.rule == covers("fact-cluster")}  # as shipped
    assert not set(rows.values()) & set(clusters)
    package.edit("indicators", rows[ZJOL_2443], indicator="digital_economy_core_enterprises")  # filed apart
    clusters = {p.row: p for p in (yield).problems if p.rule == "fact-cluster"}
    assert clusters[rows[ZJOL_2443]].related == (PEOPLECN_2443, ZJDAILY_2443)
    assert clusters[rows[PEOPLECN_2443]].related == (ZJOL_2443,)
    assert clusters[rows[ZJDAILY_2443]].related == (ZJOL_2443,)


@staged("A")
def test_two_stated_dates_of_one_stock_close_together_are_corroboration(
    package: PackageCopy, shipped_report: Report
) -> Checks:
    """Review 3 F8: the summit's tenth year stated "this year" on 2023-11-08 and on 2023-11-10 (both stated
    dates, two days apart) is one fact said twice; moved a year back, one of them is mis-dated: a cluster."""
    ce, recap = (
        "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests-001",
        "zjdaily-archyde-2023-11-11-wuzhen-summit-2023-recap-001",
    )
    row = row_of(package, "indicators", "observation_id", recap)
    assert not any(p.rule == "fact-cluster" and p.row == row for p in shipped_report.problems)  # as shipped
    package.edit("indicators", row, period_start="2022-11-10", period_end="2022-11-10", year="2022")
    problem = next(p for p in (yield).problems if p.rule == covers("fact-cluster") and p.row == row)
    assert ce in problem.related


def said(**change: object) -> Statement:
    """A stock of 2443 stated at the end of 2020 in a regional paper of 2021-01-10, changed as given."""
    day = pd.Timestamp("2021-01-10")
    base = Statement(
        stock=True,
        own_date=False,
        date=pd.Timestamp("2020-12-31"),
        low=2443.0,
        high=2443.0,
        claim="2443.0||eq",
        qualifier="eq",
        published=(day, day),
        rank=2,
    )
    return base._replace(**change)


LATER = {"own_date": True, "date": pd.Timestamp("2021-09-24"), "published": (pd.Timestamp("2021-09-24"),) * 2}


@pytest.mark.parametrize(
    ("later", "restates"),
    [
        (LATER, True),
        ({**LATER, "rank": 5}, True),  # a repost after a regional paper
        ({**LATER, "own_date": False}, False),  # dated by its own words (2021年9月)
        ({**LATER, "stock": False}, False),  # a flow equal to the one before is a new observation (review 2 F1)
        ({**LATER, "rank": 0}, False),  # an official text is never hidden behind a newspaper
        ({**LATER, "low": 2444.0, "high": 2444.0, "claim": "2444.0||eq"}, False),  # another count
        ({**LATER, "qualifier": "gt", "high": float("inf")}, False),  # 超过2443 does not say 2443 again
        ({**LATER, "date": pd.Timestamp("2023-01-02"), "published": (pd.Timestamp("2023-01-02"),) * 2}, False),
        ({**LATER, "published": (pd.Timestamp("2021-01-10"),) * 2}, False),  # the same day: not after it
        ({**LATER, "published": (pd.Timestamp("2021-01-01"), pd.Timestamp("2021-12-31"))}, False),  # year only
    ],
)
def test_a_restatement_is_a_later_stock_dated_by_its_text_published_after(
    later: dict[str, object], restates: bool
) -> None:
    assert is_restatement(said(**later), said()) is restates


def test_the_earlier_figure_must_be_published_before_not_only_dated_before() -> None:
    """Trial 3 N8: a text of 2021-09-15 cannot say again the end-2020 figure of a text published 2021-09-27."""
    peoplecn = said(own_date=True, date=pd.Timestamp("2021-09-15"), published=(pd.Timestamp("2021-09-15"),) * 2)
    assert not is_restatement(peoplecn, said(published=(pd.Timestamp("2021-09-27"),) * 2))
    assert is_restatement(peoplecn, said())  # the same figure, published on 2021-01-10
    # a figure of 2019 said again in mid-2020: the two years run from that last statement, not from 2019
    of_2019 = said(date=pd.Timestamp("2019-01-01"))
    assert is_restatement(said(**LATER), of_2019, stated=pd.Timestamp("2020-06-01"))
    assert not is_restatement(said(**LATER), of_2019)


@staged("C")
def test_two_stated_dates_of_one_stock_in_texts_of_the_same_weeks_are_a_cluster(package: PackageCopy) -> Checks:
    """Review 2 F6: 2443 dated 2020年末 by one text and 2019年末 by another of the same month: one is mis-dated."""
    original = next(r for r in package.rows("indicators") if r["observation_id"] == ZJDAILY_2443)
    twin = {
        **original,
        "observation_id": "zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime-999",
        "source_id": "zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime",
        "period_start": "2019-12-31",
        "period_end": "2019-12-31",
        "year": "2019",
        "period_basis": "stated",
        "period_text": "2019年末",
    }
    row = package.append("indicators", twin)
    report = yield
    problem = next(p for p in report.problems if p.rule == covers("fact-cluster") and p.row == row)
    assert ZJDAILY_2443 in problem.related and problem.message.startswith("2443 count about the same subject")
    zjdaily = next(
        p
        for p in report.problems
        if p.rule == "fact-cluster" and p.row == row_of(package, "indicators", "observation_id", ZJDAILY_2443)
    )
    assert twin["observation_id"] in zjdaily.related


@staged("C")
def test_a_flow_under_another_period_is_a_cluster(package: PackageCopy) -> Checks:
    original = next(r for r in package.rows("indicators") if r["observation_id"] == GUESTS)
    twin = {
        **original,
        "observation_id": "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests-999",
        "source_id": "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests",
        "period_start": "2023-11-01",  # the summit's guests over the month: the same 1800, dated two ways
    }
    row = package.append("indicators", twin)
    report = yield
    problem = next(p for p in report.problems if p.rule == covers("fact-cluster") and p.row == row)
    assert GUESTS in problem.related and f"{GUESTS} (event_guests)" in problem.message


def test_the_json_report_carries_every_id_of_a_cluster_and_the_message_cuts_its_listing(
    package: PackageCopy,
) -> None:
    original = next(r for r in package.rows("indicators") if r["observation_id"] == GUESTS)
    twins = [
        {
            **original,
            "observation_id": f"ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests-9{n:02d}",
            "source_id": "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests",
            "indicator": "event_guests_onsite",
        }
        for n in range(29)
    ]
    package.write("indicators", [*package.rows("indicators"), *twins])
    row = row_of(package, "indicators", "observation_id", GUESTS)
    result = CliRunner().invoke(cli, ["validate", "--package", str(package.root), "--json"], catch_exceptions=False)
    (problem,) = [p for p in json.loads(result.output)["problems"] if p["rule"] == "fact-cluster" and p["row"] == row]
    assert problem["related"] == sorted(t["observation_id"] for t in twins)  # all 29 others, uncut
    assert (
        problem["message"].count("(event_guests_onsite)") == 6
        and " and 23 more, sources published" in (problem["message"])
    )


@staged("C")
def test_name_rules_carry_the_other_rows_ids(package: PackageCopy) -> Checks:
    header = package.rows("enterprises")[0]
    sugon = next(r for r in package.rows("enterprises") if r["enterprise_id"] == "sugon")
    blank = {k: "" for k in header}
    twins = [f"sugon-twin-{n}" for n in range(8)]  # one name, eight rows: each collides with the seven others
    rows = [
        package.append(
            "enterprises",
            # translations (not conventional labels, which may be shared: see the next tests)
            {
                **blank,
                **sugon,
                "enterprise_id": twin,
                "name": f"{sugon['name']} Co., Ltd.",
                "name_zh": "",
                "name_origin": "translation",
            },
        )
        for twin in twins
    ]
    package.edit("enterprises", rows[0], aliases="")
    report = yield
    collision = next(p for p in report.problems if p.rule == "name-collision" and p.row == rows[0])
    assert collision.related == tuple(f"enterprises:{t}" for t in twins[1:])
    assert collision.message.count("enterprises:sugon-twin-") == 6 and " and 1 more:" in collision.message
    near = next(p for p in report.problems if p.rule == covers("near-duplicate-name") and p.row == rows[0])
    assert near.related == ("enterprises:sugon",)  # Sugon Co., Ltd. folds to Sugon


# The warnings the shipped package keeps on purpose, each judged against the archive and explained in
# docs/data-changes/2026-12-warnings.md: a new warning is either fixed or added here with its reason there.
KEPT_WARNINGS = {
    ("conflicting-values", "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-001"),  # nearly 100 / more than 100
    ("conflicting-values", "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-005"),
    ("conflicting-values", "chinadaily-2024-05-28-dynamic-tongxiang-003"),  # 5.1 billion / 40多亿 (4.0-5.0 billion)
    ("conflicting-values", "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-005"),
    ("conflicting-values", "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-004"),  # 47 / 48 countries
    ("conflicting-values", "zjdaily-archyde-2023-11-11-wuzhen-summit-2023-recap-013"),
    ("fact-cluster", "ecns-2017-12-04-fourth-wic-400-enterprises-001"),  # 400 attending / 400余家 exhibiting
    ("fact-cluster", "cztv-fangtan-2017-12-05-fourth-wic-13bn-signed-005"),
    ("near-duplicate-name", "enterprises:tongkun-group"),  # the listed company / the text's "Tongkun Holding Group"
    ("near-duplicate-name", "enterprises:tongkun-holding-group"),
    # Minieye / 佑驾科技, Uniview / 宇视科技, Freetech / 福瑞泰克 (one company by its English text's name, one by its
    # Chinese text's, no archived text ties them) are judged and recorded in `kept_apart_from` (review 5 R7): no
    # warning, see test_a_pair_kept_apart_is_recorded_both_ways_and_still_alike
}


def test_the_shipped_warnings_are_the_ones_kept_on_purpose(shipped_report: Report) -> None:
    keys = {t: list(tde.load(t)[k]) for t, k in (("indicators", "observation_id"), ("enterprises", "enterprise_id"))}
    warned = {  # CSV row n is the key of frame row n - 2; indicators by id alone, other tables as table:id
        (p.rule, (f"{p.table}:" if p.table != "indicators" else "") + keys[p.table][p.row - 2])
        if p.table in keys and p.row
        else (p.rule, f"{p.table}:{p.row}")
        for p in shipped_report.warnings
    }
    assert warned == KEPT_WARNINGS
    note = Path(__file__).resolve().parents[1] / "docs" / "data-changes" / "2026-12-warnings.md"
    if note.is_file():  # a checkout (the wheel ships no docs)
        text = note.read_text(encoding="utf-8")
        assert all(f"`{key.split(':')[-1]}`" in text for _, key in KEPT_WARNINGS)


EICCC = "eiccc-2016-11-third-wic-300-enterprises-22000-sqm"


def test_figures_of_a_summit_its_text_names_are_filed_at_the_edition() -> None:
    """Trial 3 N2: "The third World Internet Conference" is wic-2016, so its figures carry the edition and its days
    (16 to 18 November, as the announcement and the closing report give; not the text's Tuesday to Friday), and the
    third edition is then stated alike by two sources."""
    held = tde.series("event_editions_held", subject="wic-2016").set_index("observation_id")
    assert held.loc[[f"{EICCC}-001", "agustinmoreno-2016-11-18-third-wic-closes-1600-guests-001"], "role"].tolist() == [
        "preferred",
        "corroborating",
    ]
    attending = tde.series("event_participating_enterprises", subject="wic-2016")
    assert [(r.period_label, r.observation_id) for r in attending.itertuples()] == [
        ("2016-11-16 to 2016-11-18", f"{EICCC}-002")
    ]
    days = tde.load("events").set_index("event_id").loc["wic-2016", ["start", "end"]].astype(str).tolist()
    assert days == ["2016-11-16", "2016-11-18"]


def test_a_name_without_a_chinese_name_is_quoted_alone() -> None:
    """Trial 3 N10: the near-duplicate warning quoted an empty name_zh as `(<missing>)`; a row without a Chinese
    name is named by its English name alone, a row with one by both."""
    messages = {
        p.row: p.message for p in tde.validate(layers=["semantics"]).problems if p.rule == "near-duplicate-name"
    }
    assert messages and not [m for m in messages.values() if "<missing>" in m or "()" in m]
    assert any(m.startswith("'Tongkun Holding Group' has a name that differs only in ") for m in messages.values())
    assert any(m.startswith("'Tongkun Group' (桐昆集团) has a name that differs only in ") for m in messages.values())


@staged("A")
def test_a_near_duplicate_says_what_the_names_share(package: PackageCopy) -> Checks:
    """Two equal names are "the same name", not "nearly" it: the message says what was found, the same name, names
    that differ only in script, case or punctuation, or only in company suffixes, and quotes the other's name."""
    rows = {e: row_of(package, "enterprises", "enterprise_id", e) for e in ("minieye", "tongkun-holding-group")}
    youjia = row_of(package, "enterprises", "enterprise_id", "youjia-technology")
    for row in (rows["minieye"], youjia):  # the pair as it was before its judgement was recorded
        package.edit("enterprises", row, kept_apart_from="")
    messages = {p.row: p.message for p in (yield).problems if p.rule == "near-duplicate-name"}
    tail = (
        ": merge them if they are one entity, link them with parent_id if one belongs to the other, keep both if "
        "the texts tell them apart (different legal_names do), or, where no archived text ties or separates them, "
        "record the judgement: each row's kept_apart_from the other's id, the reason in description"
    )
    assert (
        messages[rows["minieye"]] == f"'Minieye' has the same name as enterprises:youjia-technology ('Minieye'){tail}"
    )
    assert messages[rows["tongkun-holding-group"]].startswith(
        "'Tongkun Holding Group' has a name that differs only in company suffixes (script, case and punctuation "
        "aside) from enterprises:tongkun-group ('Tongkun Group')"
    )
    # names equal once folded are a collision (an error), unless the shared one is a `convention` label
    package.edit("enterprises", row_of(package, "enterprises", "enterprise_id", "youjia-technology"), name="MINIEYE")
    messages = {p.row: p.message for p in (yield).problems if p.rule == "near-duplicate-name"}
    assert messages[rows["minieye"]].startswith(
        "'Minieye' has a name that differs only in script, case or punctuation from enterprises:youjia-technology "
        "('MINIEYE'): "
    )


@staged("B")
def test_a_pair_kept_apart_is_recorded_both_ways_and_still_alike(
    package: PackageCopy, shipped_report: Report
) -> Checks:
    """Review 5 R7: a near-duplicate pair kept apart on purpose (no archived text ties them) records the judgement
    in `kept_apart_from` on both rows and is not warned; a record one row does not return, or one whose names are
    no longer alike, is an error on the row, and the one-sided pair is warned again."""
    minieye, youjia, uniview = (
        row_of(package, "enterprises", "enterprise_id", e) for e in ("minieye", "youjia-technology", "uniview")
    )
    assert not [p for p in shipped_report.problems if p.rule.startswith("kept-apart-")]
    assert ("enterprises", minieye, "name") not in found(shipped_report, "near-duplicate-name")
    # one way: youjia-technology no longer records minieye
    package.edit("enterprises", youjia, kept_apart_from="")
    report = yield
    assert found(report, covers("kept-apart-one-way")) == [("enterprises", minieye, "kept_apart_from")]
    assert next(p.message for p in report.problems if p.rule == "kept-apart-one-way") == (
        "kept_apart_from is enterprises:youjia-technology, but that row does not record this one back (its "
        "kept_apart_from is another id or empty): the judgement is about a pair; give each row the other's id"
    )
    assert {("enterprises", minieye, "name"), ("enterprises", youjia, "name")} <= set(
        found(report, "near-duplicate-name")
    )
    # a row pointing at a row whose name is not alike (and that points elsewhere): both errors, on that row
    package.edit("enterprises", youjia, kept_apart_from="uniview")
    report = yield
    assert set(found(report, covers("kept-apart-not-near-duplicate"))) == {("enterprises", youjia, "kept_apart_from")}
    assert ("enterprises", youjia, "kept_apart_from") in found(report, "kept-apart-one-way")
    message = next(p.message for p in report.problems if p.rule == "kept-apart-not-near-duplicate")
    assert message.startswith(
        "kept_apart_from is enterprises:uniview, but the names of 'Minieye' (佑驾科技) and of that row are no longer "
        "near-duplicates: "
    )
    # renamed apart: both records stand, the names do not
    package.edit("enterprises", youjia, kept_apart_from="minieye", name="Youjia Technology", name_origin="translation")
    report = yield
    assert set(found(report, "kept-apart-not-near-duplicate")) == {
        ("enterprises", minieye, "kept_apart_from"),
        ("enterprises", youjia, "kept_apart_from"),
    }
    assert ("enterprises", uniview, "kept_apart_from") not in found(report, "kept-apart-one-way")


SOHU_2018 = "sohu-longyueteng-2019-wuzhen-915-million-visitors-2018-001"  # 乌镇…2018年接待游客量超过915万人次


@staged("A")
def test_visitors_of_wuzhen_named_alone_are_the_towns_not_the_scenic_areas(
    package: PackageCopy, shipped_report: Report
) -> Checks:
    """The subject rule for Wuzhen: 景区 in the words gives the scenic area's figure, 乌镇 alone the town's."""
    row = row_of(package, "indicators", "observation_id", SOHU_2018)
    scenic = row_of(package, "indicators", "observation_id", "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-006")
    report = shipped_report  # the copy is as shipped until the edit below
    assert ("indicators", row, "indicator") not in found(report, "indicator-required-words")
    assert ("indicators", scenic, "indicator") not in found(report, "indicator-required-words")  # 烏鎮景區
    # the row as it was filed until 2026-12: on the scenic area, by the 景区 of a later paragraph
    package.edit(
        "indicators",
        row,
        indicator="scenic_area_tourist_arrivals",
        place_id="",
        project_id="wuzhen-scenic-area",
        subject_text="乌镇景区",
    )
    report = yield
    assert ("indicators", row, "indicator") in found(report, covers("indicator-required-words"))
    message = next(p.message for p in report.problems if p.rule == "indicator-required-words" and p.row == row)
    assert "景区|scenic area|scenic areas|scenic spot" in message


@staged("B")
def test_subject_text_does_not_narrow_a_place_to_a_part_of_it(package: PackageCopy, shipped_report: Report) -> Checks:
    """乌镇 named alone is the town: a 乌镇景区 quoted from another paragraph does not make it the scenic area's.
    Words that name the scenic area's sections (东栅, 西栅: projects whose parent_id it is) name the scenic area."""
    sections = row_of(package, "indicators", "observation_id", SECTIONS_500ZI)
    visitors = row_of(package, "indicators", "observation_id", SOHU_2018)
    funds = row_of(package, "indicators", "observation_id", "investtx-2024-03-25-industrial-funds-minieye-001")
    scenic = row_of(
        package, "indicators", "observation_id", "chinanews-bankipay-2015-02-28-tongxiang-spring-festival-tourism-006"
    )
    report = shipped_report  # the copy is as shipped until the edit below
    # the scenic area's sections (乌镇分为东栅栏和西栅两个景区); a programme named after Tongxiang; 乌镇景区 named
    for row in (sections, funds, scenic):
        assert ("indicators", row, "subject_text") not in found(report, "subject-text-narrows-place")
    # the row the rule was made for, as it was filed until 2026-12: 乌镇…2018年接待游客量超过915万人次 on the
    # scenic area, by the 乌镇景区 of a later paragraph
    package.edit(
        "indicators",
        visitors,
        indicator="scenic_area_tourist_arrivals",
        place_id="",
        project_id="wuzhen-scenic-area",
        subject_text="乌镇景区",
    )
    report = yield
    assert ("indicators", visitors, "subject_text") in found(report, covers("subject-text-narrows-place"))
    message = next(p.message for p in report.problems if p.rule == "subject-text-narrows-place" and p.row == visitors)
    assert message.startswith("the evidence names wuzhen, where wuzhen-scenic-area lies, and never names")
    # 东栅 and 西栅 name the scenic area only as its parts: cut from it, they no longer do
    for part in ("wuzhen-dongzha-scenic-area", "wuzhen-xizha-scenic-area"):
        package.edit("projects", row_of(package, "projects", "project_id", part), parent_id="")
    report = yield
    assert ("indicators", sections, "subject_text") in found(report, "subject-text-narrows-place")


SECTIONS_500ZI = "500zi-2019-05-14-wuzhen-ticket-200-visitors-increase-010"  # 乌镇分为东栅栏和西栅两个景区
SECTIONS_SOHU = "sohu-longyueteng-2019-wuzhen-915-million-visitors-2018-009"  # 如今的乌镇景区,分为东栅和西栅两个部分


def test_the_scenic_areas_two_sections_are_one_fact_of_two_sources() -> None:
    """Review 4 F1: both texts divide the scenic area into Dongzha and Xizha. Filed as one indicator of one
    subject, the two sources' figures are one series that the agreement rules compare: the same claim, no
    conflict, no cluster (each is a stock dated by its own text, 2019-05-14 and the year 2019)."""
    series = tde.series("scenic_area_sections", subject="wuzhen-scenic-area").set_index("observation_id")
    assert sorted(series.index) == [SECTIONS_500ZI, SECTIONS_SOHU]
    assert series["value"].tolist() == [2.0, 2.0]
    assert not (tde.load("indicator_definitions")["indicator"] == "scenic_areas").any()
    warned = {
        p.rule
        for p in tde.validate(layers=["semantics"]).problems
        if p.rule in ("fact-cluster", "conflicting-values") and set(p.related or ()) & {SECTIONS_500ZI, SECTIONS_SOHU}
    }
    assert not warned


SPLIT = {"minieye": "youjia-technology", "uniview": "yushi-technology", "freetech": "furuitaike"}


@staged("D")
def test_a_shared_conventional_name_shows_the_possible_tie_but_a_shared_text_name_collides(
    package: PackageCopy,
) -> Checks:
    """Review 4 F2: 宇视科技's row carries Uniview, the name users know it by, as a `convention` label; the English
    text's Uniview is another row, as no archived text ties them. The shared label is a warning naming the pair
    (the reader sees the possible tie) until the pair's judgement is recorded (`kept_apart_from`, review 5 R7); the
    same name given as a translation would be the package's own claim that two rows share a name, an error."""
    rows = {e: row_of(package, "enterprises", "enterprise_id", e) for pair in SPLIT.items() for e in pair}
    for row in rows.values():  # the pairs as they were before their judgement was recorded
        package.edit("enterprises", row, stamp=False, kept_apart_from="")
    package.edit("enterprises", rows["minieye"], kept_apart_from="")
    report = yield
    near = {p.row: p for p in report.problems if p.rule == covers("near-duplicate-name")}
    for text_row, label_row in SPLIT.items():
        assert near[rows[text_row]].related == (f"enterprises:{label_row}",)
        assert near[rows[label_row]].related == (f"enterprises:{text_row}",)
    assert not found(report, "name-collision")
    package.edit("enterprises", rows["yushi-technology"], name_origin="translation")
    report = yield
    assert ("enterprises", rows["yushi-technology"], "aliases") in found(report, covers("name-collision"))
    assert ("enterprises", rows["uniview"], "aliases") in found(report, "name-collision")


@staged("A")
def test_a_conventional_name_is_no_claim_on_the_text(package: PackageCopy) -> Checks:
    """`convention` names (Geely for 吉利汽车) are not the text's words: source-name-not-in-text reads only names
    marked `source`. (The stand-in archive writes each row's own name, so the name is changed to one it lacks.)"""
    row = row_of(package, "enterprises", "enterprise_id", "geely-auto")
    assert package.rows("enterprises")[row - 2]["name_origin"] == "convention"
    package.edit("enterprises", row, name="Geely Auto Group")
    assert ("enterprises", row, "name") not in found((yield), "source-name-not-in-text")
    package.edit("enterprises", row, name_origin="source")
    assert ("enterprises", row, "name") in found((yield), covers("source-name-not-in-text"))


def test_name_origin_convention_is_one_value_of_the_schemas_described_in_the_data_dictionary() -> None:
    """One source of truth: the enterprises and projects schemas list `convention` and say what it is; the data
    dictionary, generated from them, shows it. The installed package's schemas, so the wheel's run reads what it
    ships (the checkout's docs/data-dictionary.md is checked fresh against the same generator by test_build)."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir
    from tongxiang_digital_economy.use.dictionary import data_dictionary

    root = bundled_package_dir()
    for table in ("enterprises", "projects"):
        schema = json.loads((root / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8"))
        field = next(f for f in schema["fields"] if f["name"] == "name_origin")
        assert field["constraints"]["enum"] == ["source", "translation", "convention"]
        assert "commonly known by, which no archived text gives" in field["description"]
    assert data_dictionary(root).count("one of `source`, `translation`, `convention`") == 2
