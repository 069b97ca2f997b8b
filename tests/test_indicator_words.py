"""What a figure measures is told apart from its neighbours of the same unit by its words: a form inside another
indicator's longer form is that indicator's (投资 inside 固定资产投资), an indicator that counts in its own way needs
its required words (两年平均, 每年), a magnitude before a measure word counts things (34.87万人 is no 万元), and a
place in a ranking (第十二位) is a figure of its kind."""

from __future__ import annotations

from conftest import PackageCopy, found, misfired
from test_rules import GOOD

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import attach
from tongxiang_digital_economy.text.quantities import Lexicon, written_forms

FIXED = {
    **GOOD,
    "indicator": "project_fixed_asset_investment",
    "place_id": "",
    "project_id": "zhongyi-300000-tonne-polyester-filament-project",
    "value": "15",
    "unit": "yi_yuan",
    "value_text": "15亿元",
    "evidence": "项目总用地约200亩,其中固定资产投资15亿元",
    "subject_text": "",
}
GROWTH = {
    **GOOD,
    "indicator": "gdp_growth",
    "value": "8.5",
    "unit": "percent",
    "value_text": "增长8.5%",
    "evidence": "2021年桐乡市实现地区生产总值1141.69亿元,比上年增长8.5%",
    "period_start": "2021-01-01",
    "period_end": "2021-12-31",
    "year": "2021",
    "period_text": "2021年",
}
AVERAGE = {
    **GROWTH,
    "indicator": "gdp_growth_two_year_average",
    "value": "4.7",
    "value_text": "增长4.7%",
    "evidence": "地区生产总值1141.69亿元,比上年增长8.5%,两年平均增长4.7%",
    "period_start": "2020-01-01",
    "period_text": "2021年 … 两年平均",
}
FEMALE = {
    **GOOD,
    "indicator": "population_registered_female",
    "value": "36.63",
    "unit": "wan",
    "value_text": "36.63万人",
    "evidence": "户籍人口71.50万人,较上年增加3414人,其中男性34.87万人,女性36.63万人",
    "period_text": "",
    "period_basis": "publication",
}


def shipped_cells(observation_id: str) -> dict[str, str]:
    """A shipped indicators row, as its CSV cells."""
    import csv

    from tongxiang_digital_economy.core.paths import bundled_package_dir

    with (bundled_package_dir() / "data" / "indicators.csv").open(encoding="utf-8", newline="") as f:
        return next(r for r in csv.DictReader(f) if r["observation_id"] == observation_id)


# Two totals of the projects signed at an event share their only form, 总投资: a cooperation conference's (合作)
# and a signing ceremony's (集中签约) are told apart by their required words.
COOPERATION = shipped_cells("zjnews-fensifuwu-2022-11-10-digital-economy-cooperation-36-projects-002")
CEREMONY = shipped_cells("jxdaily-zjol-2021-11-23-tongxiang-94-major-projects-54bn-004")
SIGNED_TOTAL_CASES = [
    ("a cooperation conference's total as itself", COOPERATION, "indicator-required-words", False),
    ("a signing ceremony's total as itself", CEREMONY, "indicator-required-words", False),
    (
        "a cooperation conference's total (36个…合作项目) filed as a signing ceremony's",
        {**COOPERATION, "indicator": "event_investment_projects_planned_investment"},
        "indicator-required-words",
        True,
    ),
    (
        "a signing ceremony's total (集中签约) filed as a cooperation conference's",
        {**CEREMONY, "indicator": "cooperation_projects_total_investment"},
        "indicator-required-words",
        True,
    ),
]


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


EDITIONS = {
    **GOOD,
    "indicator": "event_editions_held",
    "place_id": "",
    "project_id": "world-internet-conference",
    "value": "4",
    "value_text": "fourth",
    "status": "target",
    "evidence": "The fourth World Internet Conference will be held in Wuzhen, Zhejiang Province from December 3 to 5",
    "period_start": "2017-12-03",
    "period_end": "2017-12-03",
    "year": "2017",
    "period_text": "December 3 to 5",
    "subject_text": "",
}

REVENUE = {
    **GOOD,
    "indicator": "operating_revenue",
    "place_id": "",
    "enterprise_id": "tongkun-group",
    "value": "710.11",
    "unit": "yi_yuan",
    "value_text": "710.11亿元",
    "evidence": "分别是桐昆集团股份有限公司、闻泰科技股份有限公司和新凤鸣控股集团有限公司,"
    "营业收入分别为710.11亿元、517.07亿元和514.86亿元",
    "subject_text": "",
}
TICKETS = {
    **GOOD,
    "indicator": "scenic_area_ticket_revenue_growth",
    "place_id": "",
    "project_id": "wuzhen-scenic-area",
    "value": "30.81",
    "unit": "percent",
    "value_text": "30.81%",
    "evidence": "乌镇景区接待游客37.48万人次,实现门票收入3020.55万元,同比分别增长29.05%和30.81%",
    "subject_text": "",
}

GUESTS = {
    **EDITIONS,
    "indicator": "event_guests",
    "status": "actual",
    "value": "2000",
    "qualifier": "gt",
    "value_text": "2000多名",
    "evidence": "本届大会共有2000多名嘉宾来自100多个国家和地区",
    "period_text": "",
}

SUBFORUMS = {
    **GUESTS,
    "indicator": "event_subforums",
    "qualifier": "eq",
    "value": "24",
    "value_text": "24场",
    "evidence": "围绕全球发展倡议、数字经济、数据治理等议题举办24场分论坛",
}
# A quantity counts the noun it is written with (semantics/counted_nouns.py), unless its clause goes on to name the
# row's own measure; a word of the row's unit is no noun, nor is a quote read inside a longer number.
NOUN_CASES = [
    ("24场分论坛 filed as sub-forums", SUBFORUMS, "indicator-written-with-neighbour", False),
    (
        "24场分论坛 filed as topics: 议题 stands before the quote, 分论坛 right after it",
        {**SUBFORUMS, "indicator": "event_topics"},
        covers("indicator-written-with-neighbour"),
        True,
    ),
    (
        "五大洲 filed as guests: the quote holds 大洲",
        {**GUESTS, "value": "5", "qualifier": "eq", "value_text": "五大洲", "evidence": "大会嘉宾来自全球五大洲"},
        "indicator-written-with-neighbour",
        True,
    ),
    (
        "10家企业 narrowed by the pilots' words after it",
        {
            **GOOD,
            "indicator": "provincial_manufacturing_internet_integration_pilot_enterprises",
            "value": "10",
            "value_text": "10家",
            "evidence": "目前,已有10家企业被评为省级制造业与互联网融合发展示范试点",
        },
        "indicator-written-with-neighbour",
        False,
    ),
    (
        "'two years' holds 'year', a word of its unit",
        {
            **SUBFORUMS,
            "indicator": "project_preparation_duration",
            "value": "2",
            "unit": "year_duration",
            "value_text": "two years",
            "evidence": "the company has been researching sites for a potential plant for two years",
        },
        "indicator-written-with-neighbour",
        False,
    ),
    (
        "20多个 is not read inside 120多个国家和地区",
        {
            **GUESTS,
            "indicator": "event_international_organizations_represented",
            "value": "20",
            "value_text": "20多个",
            "evidence": "大会嘉宾来自全球五大洲120多个国家和地区,包括20多个重要国际组织负责人",
        },
        "indicator-written-with-neighbour",
        False,
    ),
]

# (why, the row, the rule, whether it fires on the row)
CASES = [
    ("固定资产投资 is the fixed-asset investment's words", FIXED, "indicator-not-in-evidence", False),
    (
        "投资 inside 固定资产投资 names no total investment",
        {**FIXED, "indicator": "project_total_investment"},
        "indicator-not-in-evidence",
        True,
    ),
    ("a growth filed as growth", GROWTH, covers("indicator-required-words"), False),
    (
        "a growth filed as the two-year average",
        {**GROWTH, "indicator": "gdp_growth_two_year_average"},
        "indicator-required-words",
        True,
    ),
    ("the two-year average with its words", AVERAGE, "indicator-required-words", False),
    (
        "the two-year average filed as the growth of the year",
        {**AVERAGE, "indicator": "gdp_growth"},
        covers("indicator-counted-as-neighbour"),
        True,
    ),
    ("the two-year average under its own indicator", AVERAGE, "indicator-counted-as-neighbour", False),
    (
        "the growth of the year beside a two-year average in another clause",
        {**AVERAGE, "indicator": "gdp_growth", "value": "8.5", "value_text": "增长8.5%"},
        "indicator-counted-as-neighbour",
        False,
    ),
    ("N名嘉宾来自M个国家: N guests filed as guests", GUESTS, "indicator-not-in-evidence", False),
    (
        "N名嘉宾来自M个国家: N guests filed as continents",
        {**GUESTS, "indicator": "event_guest_continents"},
        "indicator-not-in-evidence",
        True,
    ),
    (
        "a cardinal with its own noun beside an edition's ordinal (13 forums of the fourth conference)",
        {
            **EDITIONS,
            "value": "13",
            "value_text": "13",
            "evidence": "The fourth World Internet Conference will have 13 forums",
        },
        "which-figure",
        True,
    ),
    (
        "the edition's ordinal beside a cardinal with its own noun",
        {**EDITIONS, "evidence": "The fourth World Internet Conference will have 13 forums"},
        "which-figure",
        False,
    ),
    (
        "a count its own noun names beside an edition's ordinal (2000多名嘉宾)",
        {**GUESTS, "evidence": "第四届世界互联网大会共有2000多名嘉宾"},
        "which-figure",
        False,
    ),
    ("女性36.63万人 is the female population", FEMALE, "which-figure", False),
    ("the fourth conference", EDITIONS, "which-figure", False),
    ("Tongkun, first of the names, has the first revenue", REVENUE, covers("subject-pairs-another-figure"), False),
    (
        "Tongkun given Wingtech's revenue, the second",
        {**REVENUE, "value": "517.07", "value_text": "517.07亿元"},
        "subject-pairs-another-figure",
        True,
    ),
    ("a subject of no list owns both paired figures", TICKETS, "subject-pairs-another-figure", False),
    ("the 3 of December 3 is a day, no figure", {**EDITIONS, "value": "3", "value_text": "3"}, "which-figure", True),
    (
        "男性 stands before another count (34.87万人)",
        {**FEMALE, "indicator": "population_registered_male"},
        "which-figure",
        True,
    ),
    *SIGNED_TOTAL_CASES,
    *NOUN_CASES,
]


def test_a_figure_is_filed_under_the_indicator_its_words_name(package: PackageCopy) -> None:
    assert misfired(package, CASES) == []


def test_an_ordinal_holding_the_indicators_words_keeps_a_cardinal_of_other_words_off_them() -> None:
    """'the first WIC is composed of 13 forums': the ordinal holds the indicator's words (first), 13's own noun is
    forums, so the words attach to the ordinal, not to 13; a count followed by the words (13 editions) keeps them."""
    assert not attach("the first WIC is composed of 13 forums", "13", ["first"], None, {}).attached
    assert attach("the first WIC is composed of 13 forums", "first", ["first"], None, {}).attached
    assert attach("the first WIC, after 13 editions of the fair", "13", ["first", "editions"], None, {}).attached


def test_a_place_in_a_ranking_stands_between_words_and_quote() -> None:
    """第十二位 is the first ranking's place: the words before it do not reach past it to 第四十五位 (第 and 位 are the
    lexicon's `ordinal_word` terms)."""
    forms = written_forms(tde.load("units"))
    words = ClauseWords.of(Lexicon.from_frame(tde.load("lexicon")))
    text = "其综合竞争能力2010年位居浙江省县(市)的第十二位,全国百强县(市)的第四十五位"
    assert not attach(text, "第四十五位", ["综合竞争能力"], "rank", forms, words=words).attached
    assert attach(text, "第四十五位", ["全国百强县"], "rank", forms, words=words).attached
    assert attach(text, "第十二位", ["综合竞争能力"], "rank", forms, words=words).attached


def test_a_written_form_is_listed_once_as_it_is_matched(package: PackageCopy) -> None:
    """revenue|Revenue and 国家和地区|国家和地区(qū) are one form once folded (review 3, F11): the rule names the
    definition, as it names one that lists an empty form (`|||`): four definitions edited in one copy, checked
    once (an edited definition makes every figure be read anew)."""
    rows = package.rows("indicator_definitions")
    at = {r["indicator"]: n for n, r in enumerate(rows, start=2)}
    package.edit(
        "indicator_definitions", at["operating_revenue"], stamp=False, written_forms="营业收入|revenue|Revenue"
    )
    package.edit(
        "indicator_definitions", at["regional_brand_value"], stamp=False, written_forms="区(qū)域品牌价(jià)值"
    )
    package.edit("indicator_definitions", at["gdp"], stamp=False, written_forms="GDP|地区生产总值|生产总值")
    package.edit("indicator_definitions", at["travel_agency_tourists_received"], written_forms="|||")
    report = package.semantics()
    fired = {r for table, r, _ in found(report, covers("written-forms-repeated"))}
    assert fired & set(at.values()) == {
        at["operating_revenue"],
        at["regional_brand_value"],
        at["travel_agency_tourists_received"],
    }
    empty = ("indicator_definitions", at["travel_agency_tourists_received"], "written_forms")
    assert empty in found(report, "written-forms-repeated")


shipped_row = shipped_cells


# 'the Wuzhen Internet Hospital … cumulative service visits exceeding 800 million': the hospital's own name holds
# 'internet hospital', which says whose figure it is, not that internet hospitals are counted.
HOSPITAL = shipped_row("vcbeat-2019-05-wuzhen-internet-hospital-800m-visits-001")
# 年产36万吨玻璃纤维智能制造生产线建设项目: a project's name states what it builds, and anchors its capacity.
GLASS_FIBER = shipped_row("cucuw-2018-tongxiang-major-projects-plan-180-007")
NAME_CASES = [
    ("the visits filed as visits", HOSPITAL, "indicator-not-in-evidence", False),
    (
        "the visits filed as internet hospitals launched: 'internet hospital' only in the hospital's name",
        {**HOSPITAL, "indicator": "internet_hospitals_operated"},
        "indicator-not-in-evidence",
        True,
    ),
    (
        "internet hospitals counted outside the hospital's name",
        {
            **HOSPITAL,
            "indicator": "internet_hospitals_operated",
            "evidence": HOSPITAL["evidence"] + ", a count no internet hospital of WeDoctor's had reached",
        },
        "indicator-not-in-evidence",
        False,
    ),
    ("a project's name states what it builds", GLASS_FIBER, "indicator-not-in-evidence", False),
]


def test_a_form_inside_the_subjects_own_name_names_no_measure(package: PackageCopy) -> None:
    """READING_LIMITS (claims 5): an indicator's written form found only inside the name of the enterprise or place
    the figure is of does not anchor the indicator; outside it, or inside a project's name, it does."""
    assert misfired(package, NAME_CASES) == []


# Co-organising international organisations need a word of each group of their required words (国际组织|…;协办|…):
# 国际组织 alone names the organisations represented among the guests, 协办 alone every co-organising institution.
CO_ORGANISING = {
    **GUESTS,
    "indicator": "event_co_organizing_international_organizations",
    "value": "4",
    "qualifier": "eq",
    "value_text": "4家",
    "evidence": "首次增加联合国经济和社会事务部等4家重要国际组织作为协办单位",
}
GROUP_CASES = [
    ("a word of each group (国际组织, 协办)", CO_ORGANISING, "indicator-required-words", False),
    (
        "国际组织 without 协办: the organisations represented",
        {**CO_ORGANISING, "evidence": "大会嘉宾包括4家重要国际组织负责人"},
        "indicator-required-words",
        True,
    ),
    (
        "协办 without 国际组织: every co-organising institution",
        {**CO_ORGANISING, "evidence": "首次增加4家机构作为协办单位"},
        "indicator-required-words",
        True,
    ),
    (
        "co-organisers filed as the organisations represented: 协办 in the quote's clause",
        {**CO_ORGANISING, "indicator": "event_international_organizations_represented"},
        "indicator-counted-as-neighbour",
        True,
    ),
    (
        "the organisations represented under their own indicator",
        {
            **CO_ORGANISING,
            "indicator": "event_international_organizations_represented",
            "evidence": "大会嘉宾包括4家重要国际组织负责人",
        },
        "indicator-counted-as-neighbour",
        False,
    ),
]


def test_required_words_in_groups_are_all_needed(package: PackageCopy) -> None:
    assert misfired(package, GROUP_CASES) == []


def test_the_groups_of_required_words_are_data(package: PackageCopy) -> None:
    """`;` parts the groups: a copy whose co-organisers' required words are one group (`|` only) takes 国际组织 alone
    for them, so the organisations represented filed as co-organisers pass."""
    definitions = package.rows("indicator_definitions")
    for d in definitions:
        if d["indicator"] == "event_co_organizing_international_organizations":
            assert ";" in d["required_words"]
            d["required_words"] = d["required_words"].replace(";", "|")
    package.write("indicator_definitions", definitions)
    row = package.append("indicators", GROUP_CASES[1][1])
    assert ("indicators", row, "indicator") not in found(package.semantics(), "indicator-required-words")
