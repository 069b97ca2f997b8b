"""Which figure of the evidence a status word speaks of, and the size of a plan.

A status word (将, 计划, 预计, will, expected, plans to) in the quoted quantity's own clause, before it, with no other
quantity between them, speaks of that quantity: an actual row so led is an error (status-cue-in-clause). A cue only
elsewhere in the evidence may belong to another figure, and stays a warning (status-cue-in-actual). A plan's size
(indicator_definitions.plan_size) is a fact about the plan: its rows are actual (plan-size-not-actual), and its plan
words name the plan, not a target. Each case is a row changed in one way and whether the rule fires on it; all rows
go into one copy of the package, so the semantic layer runs once.
"""

from __future__ import annotations

import pytest
from conftest import PackageCopy, found, misfired
from status_copies import status_copy
from test_rules import GOOD

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import attach
from tongxiang_digital_economy.text.quantities import Lexicon

ZH = {**GOOD, "value_text": "1,890家", "evidence": "全市将有数字经济企业1,890家"}
PLAN = {
    **GOOD,
    "indicator": "project_total_investment",
    "unit": "yi_yuan",
    "value_text": "1,890亿元",
    "evidence": "该项目计划总投资1,890亿元",
}


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


# (why, the row, the rule, whether it fires on the row)
CASES = [
    (
        "'will' leads to the figure in its clause",
        {**GOOD, "evidence": "the city will be home to 1,890 digital economy enterprises"},
        covers("status-cue-in-clause"),
        True,
    ),
    ("将 leads to the figure in its clause", ZH, "status-cue-in-clause", True),
    (
        "the indicator's own words hold the status word (年度计划投资)",
        {**GOOD, "value_text": "1,890", "evidence": "全市年度计划投资1,890"},
        "status-cue-in-clause",
        True,
    ),
    (
        "the cue stands in another clause: only a warning",
        {**GOOD, "evidence": "Expected to grow, the city is home to 1,890 digital economy enterprises"},
        "status-cue-in-clause",
        False,
    ),
    (
        "the cue in another clause is still warned of",
        {**GOOD, "evidence": "Expected to grow, the city is home to 1,890 digital economy enterprises"},
        covers("status-cue-in-actual"),
        True,
    ),
    (
        "a figure led to by a cue is not warned of as well (one problem, the error)",
        {**GOOD, "evidence": "the city is expected to be home to 1,890 digital economy enterprises"},
        "status-cue-in-actual",
        False,
    ),
    (
        "another quantity stands between the cue and the figure",
        {**GOOD, "evidence": "the city will add 50 firms and is home to 1,890 digital economy enterprises"},
        "status-cue-in-clause",
        False,
    ),
    (
        "the figure is the next item of a list the cue leads to",
        {**GOOD, "evidence": "the city will add 50 firms and 1,890 digital economy enterprises"},
        "status-cue-in-clause",
        True,
    ),
    (
        "A of 'from A to B': the cue before 从 speaks of the change, A is where it starts",
        {**ZH, "evidence": "将全市数字经济企业从1,890家增加到2,000家"},
        "status-cue-in-clause",
        False,
    ),
    (
        "B of 'from A to B': A stands between (将 may mark the object: 将…面积从68扩大到110 reports a change made)",
        {**ZH, "value": "2000", "value_text": "2,000家", "evidence": "将全市数字经济企业从1,890家增加到2,000家"},
        "status-cue-in-clause",
        False,
    ),
    (
        "the status word is the row's own dating words (到2019年)",
        {**ZH, "evidence": "到2019年全市数字经济企业1,890家", "period_text": "到2019年"},
        "status-cue-in-clause",
        False,
    ),
    (
        "a share of the year's plan completed reports on the plan (完成年度计划, the lexicon's reads_as)",
        {**GOOD, "value_text": "1,890", "evidence": "完成年度计划的1,890"},
        "status-cue-in-clause",
        False,
    ),
    ("a plan's size: its plan words name the plan", PLAN, "status-cue-in-clause", False),
    ("a plan's size is actual", PLAN, covers("plan-size-not-actual"), False),
    ("a plan's size filed as a target", {**PLAN, "status": "target"}, "plan-size-not-actual", True),
    (
        "a plan's size filed as an estimate",
        {**PLAN, "status": "estimate", "evidence": "该项目估计总投资1,890亿元"},
        "plan-size-not-actual",
        True,
    ),
    (
        "a target of the plain measure is no plan's size",
        {**PLAN, "indicator": "municipal_major_projects_investment", "status": "target"},
        "plan-size-not-actual",
        False,
    ),
]


# A plan table flattened into text, with a remarks column after the target and actual columns (the lexicon's
# table_head 备注 is an actual column: it states the level reached).
TABLE = {
    **GOOD,
    "indicator": "gdp",
    "unit": "yi_yuan",
    "value": "1347.1",
    "value_text": "1347.1亿元",
    "evidence": "预期目标 实际完成 备注 1.地区生产总值 增长6.5%左右 增长4.8% 1347.1亿元",
}
# Published 2020-01-14: a target of 2017 is a reported target.
REPORTED = {
    **ZH,
    "status": "target",
    "period_start": "2017-12-31",
    "period_end": "2017-12-31",
    "year": "2017",
    "evidence": "到2017年全市数字经济企业1,890家",
    "period_text": "到2017年",
}
ORDINAL_CASES = [
    (
        "an ordinal of another thing filed as a count ('Since the first WIC …, 1,890 …')",
        {
            **GOOD,
            "value": "1",
            "value_text": "first",
            "evidence": "Since the first WIC, the city is home to 1,890 digital economy enterprises",
        },
        covers("which-figure"),
        True,
    ),
    (
        "a running count's ordinal with its measure word (第1,890家: 1,890 of them)",
        {**ZH, "value_text": "第1,890家", "evidence": "全市迎来第1,890家数字经济企业"},
        "which-figure",
        False,
    ),
]
TABLE_CASES = [
    ("the remarks column's level as actual", TABLE, covers("which-figure"), False),
    ("the remarks column's level as a target", {**TABLE, "status": "target"}, "which-figure", True),
    (
        "a past target named only by its own dating words (到2017年 reports history)",
        REPORTED,
        covers("reported-target-not-named"),
        True,
    ),
    (
        "a past target its words name one (目标)",
        {**REPORTED, "evidence": "到2017年全市数字经济企业目标1,890家"},
        "reported-target-not-named",
        False,
    ),
]


def test_a_status_word_speaks_of_the_figure_it_leads_to(package: PackageCopy) -> None:
    assert misfired(package, CASES + TABLE_CASES + ORDINAL_CASES) == []


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], Report]:
    """The copy whose lexicon drops 'will' and the remarks column's heading (备注, 備註) and whose definitions leave
    project_total_investment unmarked as a plan's size, holding the rows each edit bears on, checked once (shared
    with test_status_scope: status_copies.py): (rows by name, report)."""
    return status_copy(tmp_path_factory)


def test_which_words_are_status_words_is_the_lexicons(edited: tuple[dict[str, int], Report]) -> None:
    """The cue is read from the lexicon: a copy whose lexicon drops 'will' reads no cue in 'will be home to'."""
    rows, report = edited
    assert ("indicators", rows["will"], "status") not in found(report, "status-cue-in-clause")


def test_which_indicators_are_a_plans_size_is_data(edited: tuple[dict[str, int], Report]) -> None:
    """indicator_definitions.plan_size decides: project_total_investment unmarked holds its plan words to the figure
    (计划 leads to 1,890亿元, an actual) and accepts a target."""
    rows, report = edited
    assert ("indicators", rows["plan actual"], "status") in found(report, "status-cue-in-clause")
    assert ("indicators", rows["plan target"], "status") not in found(report, "plan-size-not-actual")


def test_the_lead_is_the_clause_before_the_quote_after_its_last_other_quantity() -> None:
    """The clause reader gives the words leading to a quote: not past a clause mark, not past another quantity
    unless the quote is the next item of a list that quantity opens (a list mark or 'and' right before it), and past
    a date (计划到2025年达到: the year leads on). 'and' and 'and has' are the lexicon's (`list_word`, `item_break`)."""
    words = ClauseWords.of(Lexicon.from_frame(tde.load("lexicon")))
    assert attach("预计,全市达到100亿元", "100亿元", [], None, {}).lead == "全市达到"
    assert attach("计划投资50亿元已完成100亿元", "100亿元", [], None, {}).lead == "亿元已完成"
    assert attach("计划到2025年达到100亿元", "100亿元", [], None, {}).lead == "计划到2025年达到"
    assert attach("将举办10场论坛、22个议题", "22个", [], None, {}).lead == "将举办10场论坛、"
    listed = attach("it will launch 118 products and 113 ceremonies and has 7 halls", "7", [], None, {}, words=words)
    assert listed.lead == " ceremonies and has "  # 'and has' opens no item of the list: the lead stops at 113
    assert attach("it will launch 118 products and 113 ceremonies", "113", [], None, {}, words=words).lead == (
        "it will launch 118 products and "
    )


def test_a_plan_tables_further_columns_are_the_lexicons(edited: tuple[dict[str, int], Report]) -> None:
    """The remarks column is read as an actual column because the lexicon names 备注 a table_head of meaning actual:
    without it, the table has no third column and a target there is not held to a column."""
    rows, report = edited
    assert ("indicators", rows["table target"], "value_text") not in found(report, "which-figure")


def test_an_ordinal_is_read_as_one() -> None:
    """A quote that is only a place in an order (the first, 第二届, the 20th) is an ordinal, unless the things it
    counts are named right after it (the 17th internet hospital) or its measure word counts them (第10000辆). The
    ordinal and measure words are the lexicon's (`ordinal_word`, `measure_word`)."""
    forms = ["internet hospital"]
    words = ClauseWords.of(Lexicon.from_frame(tde.load("lexicon")))
    assert attach("Since the first WIC, 565 projects", "first", [], None, {}, words=words).ordinal
    assert attach("第二届世界互联网大会", "第二届", [], None, {}, words=words).ordinal
    assert not attach("launched as the 17th internet hospital", "17th", forms, None, {}, words=words).ordinal
    assert not attach("今年第10000辆哪吒汽车", "第10000辆", [], None, {}, words=words).ordinal
    assert not attach("home to 1,890 enterprises", "1,890", [], None, {}, words=words).ordinal
