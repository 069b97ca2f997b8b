"""Which figure of its passage a row claims: the readings of text/clauses.py that the `which-figure` rule applies.

Every case is a pair: the row quoting the figure its words attach to (no `which-figure` error) and the same row
moved to a neighbouring figure of the same passage (the error, on that row). All rows go into one copy of the
package, so the semantic layer runs once.
"""

from __future__ import annotations

from conftest import PackageCopy, found
from test_rules import GOOD, covers


def row(indicator: str, unit: str, value: str, quote: str, evidence: str, **more: str) -> dict[str, str]:
    """A figure of Tongxiang dated by publication unless `more` says otherwise."""
    base = {**GOOD, "period_text": "", "period_basis": "publication", "subject_text": ""}
    return {
        **base,
        "indicator": indicator,
        "unit": unit,
        "value": value,
        "value_text": quote,
        "evidence": evidence,
        **more,
    }


SHARES = "今年前三季度,数字经济核心制造业产值增长50%、增加值增长32%"
TOWNS = "Tongxiang administers eight towns and three subdistricts"
BRANCHES = "从桐乡第一个党组织诞生,到1949年解放,先后有29个党组织"
BULLETIN = "地区生产总值(gdp)1141.69亿元,比上年增长8.5%,两年平均增长4.7%"
AVERAGE = {
    "period_text": "两年平均",
    "period_basis": "stated",
    "period_start": "2020-01-01",
    "period_end": "2021-12-31",
}
BANDWIDTH = "桐乡出口总带宽从去年的220G提升到334G"
LAST_YEAR = {"period_text": "去年", "period_basis": "stated", "period_start": "2019-12-31", "period_end": "2019-12-31"}
NOW = {"period_text": "目前", "period_basis": "context"}
ENTERPRISES = "桐乡数字经济企业总量从355家增至2443家"
TOURISM = "桐乡乌镇景区接待游客37.48万人次,实现门票收入3020.55万元,同比分别增长29.05%和30.81%"
AREA = "2017年,将桐乡的区域面积从68平方公里扩大到110平方公里"
IN_2017 = {"period_text": "2017年", "period_basis": "stated", "year": "2017"}
GROWTH = "digital_economy_core_manufacturing_value_added_growth"

# (why, the row, whether which-figure fires on it)
CASES = [
    ("words opening the next item (、增加值) are that figure's", row(GROWTH, "percent", "50", "增长50%", SHARES), True),
    ("the figure the words precede", row(GROWTH, "percent", "32", "增长32%", SHARES), False),
    (
        "an English number word is a quantity: eight towns",
        row("towns_administered", "count", "8", "eight", TOWNS),
        False,
    ),
    ("three is the subdistricts' count", row("towns_administered", "count", "3", "three", TOWNS), True),
    ("第一个 is an ordinal, not a count of one", row("cpc_local_party_branches", "count", "1", "一个", BRANCHES), True),
    ("the count the words name", row("cpc_local_party_branches", "count", "29", "29个", BRANCHES), False),
    (
        "两年平均 dates 4.7%, not 8.5%",
        row("gdp_growth_two_year_average", "percent", "8.5", "增长8.5%", BULLETIN, **AVERAGE),
        True,
    ),
    (
        "the two-year average",
        row("gdp_growth_two_year_average", "percent", "4.7", "增长4.7%", BULLETIN, **AVERAGE),
        False,
    ),
    (
        "B dated by A's words (去年)",
        row("internet_egress_bandwidth", "gbps", "334", "334G", BANDWIDTH, **LAST_YEAR),
        True,
    ),
    ("A with its own words", row("internet_egress_bandwidth", "gbps", "220", "220G", BANDWIDTH, **LAST_YEAR), False),
    (
        "A dated by other words than its own",
        row("internet_egress_bandwidth", "gbps", "220", "220G", BANDWIDTH, **NOW),
        True,
    ),
    (
        "A dated at publication, where B stands",
        row("digital_economy_enterprises", "count", "355", "355家", ENTERPRISES),
        True,
    ),
    ("B at publication", row("digital_economy_enterprises", "count", "2443", "2443家", ENTERPRISES), False),
    (
        "分别 after items in clauses of their own: the first item's figure is the first",
        row("scenic_area_tourist_arrivals_growth", "percent", "30.81", "30.81%", TOURISM),
        True,
    ),
    ("the first figure", row("scenic_area_tourist_arrivals_growth", "percent", "29.05", "29.05%", TOURISM), False),
    (
        "A of a change in 2017 dated at the end of 2017, where B stands",
        row(
            "area_total", "km2", "68", "68平方公里", AREA, **IN_2017, period_start="2017-12-31", period_end="2017-12-31"
        ),
        True,
    ),
    (
        "A as the level before the change",
        row(
            "area_total", "km2", "68", "68平方公里", AREA, **IN_2017, period_start="2016-12-31", period_end="2016-12-31"
        ),
        False,
    ),
]


def test_which_figure_reads_the_words_around_the_quote(package: PackageCopy) -> None:
    rows = package.rows("indicators")
    numbers = {}
    for k, (why, values, _fires) in enumerate(CASES):
        rows.append({**values, "observation_id": f"{GOOD['observation_id']}{k}"})
        numbers[why] = len(rows) + 1  # the CSV row: the header is row 1
    package.write("indicators", rows)
    fired = {r for table, r, field in found(package.semantics(), "which-figure") if table == "indicators"}
    wrong = [why for why, _values, fires in CASES if (numbers[why] in fired) is not fires]
    assert wrong == []


SJFZXM_RANK = "sjfzxm-2020-06-09-xinfengming-11bn-1400-mu-tongxiang-008"  # 'second' of the industry, in 2021


def test_a_rank_is_written_as_a_place(package: PackageCopy) -> None:
    """The 5 of "will jump into second of the industry with 5 million 800 thousand tons" filed as the rank (the
    corruption report's "which figure"): a rank's quote writes a place (第N, 榜首, top N, Nth, second)."""
    rows = package.rows("indicators")
    row = next(i for i, r in enumerate(rows, start=2) if r["observation_id"] == SJFZXM_RANK)
    assert not found(package.semantics(), covers("rank-not-written-as-place"))
    package.edit("indicators", row, value_text="5", value="5")
    assert ("indicators", row, "value_text") in found(package.semantics(), "rank-not-written-as-place")
