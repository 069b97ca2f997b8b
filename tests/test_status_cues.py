"""Which figure of the evidence a status word speaks of, and the size of a plan.

A status word (将, 计划, 预计, will, expected, plans to) in the quoted quantity's own clause, before it, with no other
quantity between them, speaks of that quantity: an actual row so led is an error (status-cue-in-clause). A cue only
elsewhere in the evidence may belong to another figure, and stays a warning (status-cue-in-actual). A plan's size
(indicator_definitions.plan_size) is a fact about the plan: its rows are actual (plan-size-not-actual), and its plan
words name the plan, not a target. Each case is a row changed in one way and whether the rule fires on it; all rows
go into one copy of the package, so the semantic layer runs once.
"""

from __future__ import annotations

from conftest import PackageCopy, found, misfired
from test_rules import GOOD

from tongxiang_digital_economy.text.clauses import attach

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


def test_a_status_word_speaks_of_the_figure_it_leads_to(package: PackageCopy) -> None:
    assert misfired(package, CASES) == []


def test_which_words_are_status_words_is_the_lexicons(package: PackageCopy) -> None:
    """The cue is read from the lexicon: a copy whose lexicon drops 'will' reads no cue in 'will be home to'."""
    package.write("lexicon", [r for r in package.rows("lexicon") if r["term"] != "will"])
    row = package.append("indicators", CASES[0][1])
    assert ("indicators", row, "status") not in found(package.semantics(), "status-cue-in-clause")


def test_which_indicators_are_a_plans_size_is_data(package: PackageCopy) -> None:
    """indicator_definitions.plan_size decides: project_total_investment unmarked holds its plan words to the figure
    (计划 leads to 1,890亿元, an actual) and accepts a target."""
    definitions = package.rows("indicator_definitions")
    for d in definitions:
        if d["indicator"] == "project_total_investment":
            d["plan_size"] = "false"
    package.write("indicator_definitions", definitions)
    actual, target = package.append("indicators", PLAN), package.append("indicators", {**PLAN, "status": "target"})
    report = package.semantics()
    assert ("indicators", actual, "status") in found(report, "status-cue-in-clause")
    assert ("indicators", target, "status") not in found(report, "plan-size-not-actual")


def test_the_lead_is_the_clause_before_the_quote_after_its_last_other_quantity() -> None:
    """The clause reader gives the words leading to a quote: not past a clause mark, not past another quantity, and
    past a date (计划到2025年达到: the year leads on)."""
    assert attach("预计,全市达到100亿元", "100亿元", [], None, {}).lead == "全市达到"
    assert attach("计划投资50亿元和100亿元", "100亿元", [], None, {}).lead == "亿元和"
    assert attach("计划到2025年达到100亿元", "100亿元", [], None, {}).lead == "计划到2025年达到"
