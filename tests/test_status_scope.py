"""A status word's scope beyond its clause (semantics/status_scope.status_scope).

A strong status word (将有, 预计, expected) of the quoted figure's sentence, before it in any clause, governs it; so
does one after it where no other figure follows it (a strong one in the sentence, a weak one, 将 or will, in the
figure's own clause); and a Chinese sentence with no frame of its own (no status word, no word of a figure reached,
no dating word or year), or one that opens with a continuation word (其中, among them), goes on with the status words
of the nearest sentence before it that has one. An actual so governed is an error (status-cue-in-scope), unless its
own clause says its figure is reached (已; has before a past participle). A target whose own clause says it is
reached and names no status is an error too (status-reached-not-target). Each case is a row changed in one way and
whether the rule fires on it; all rows go into one copy of the package, so the semantic layer runs once.
"""

from __future__ import annotations

import pytest
from conftest import PackageCopy, found, misfired
from status_copies import status_copy
from test_rules import GOOD

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import attach
from tongxiang_digital_economy.text.quantities import Lexicon

ZH = {**GOOD, "value_text": "1,890家", "period_text": "", "period_basis": "publication"}


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


SCOPE = covers("status-cue-in-scope")
REACHED = covers("status-reached-not-target")
# (why, the row, the rule, whether it fires on the row)
CASES = [
    (
        "a strong word of an earlier clause of the sentence",
        {**ZH, "evidence": "全市将有企业2,000家,数字经济企业1,890家"},
        SCOPE,
        True,
    ),
    (
        "a weak word of an earlier clause names plans as facts (规划调整)",
        {**ZH, "evidence": "通过规划调整,全市数字经济企业1,890家"},
        SCOPE,
        False,
    ),
    (
        "the figure's own clause says it is reached (已)",
        {**ZH, "evidence": "全市将有企业2,000家,数字经济企业已有1,890家"},
        SCOPE,
        False,
    ),
    (
        "an estimate may be of a figure reached (经专业预估,已有)",
        {**ZH, "evidence": "经专业预估,全市数字经济企业已有1,890家"},
        SCOPE,
        True,
    ),
    (
        "a strong word after the figure, no other figure after it",
        {**GOOD, "evidence": "1,890 digital economy enterprises, from all around the world, are expected to open"},
        SCOPE,
        True,
    ),
    (
        "a strong word after the figure leads to the figure after it",
        {**GOOD, "evidence": "the city has 1,890 digital economy enterprises, and is expected to add 50"},
        SCOPE,
        False,
    ),
    (
        "a weak word after the figure in its own clause",
        {**ZH, "evidence": "1,890家数字经济企业将在全市落户"},
        SCOPE,
        True,
    ),
    (
        "a weak word after the figure in another clause",
        {**ZH, "evidence": "全市有数字经济企业1,890家,将进一步发展"},
        SCOPE,
        False,
    ),
    (
        "a sentence opening with 其中 goes on with the one before",
        {**ZH, "evidence": "全市将有企业2,000家。其中,数字经济企业1,890家"},
        SCOPE,
        True,
    ),
    (
        "a Chinese sentence with no frame of its own goes on with the one before",
        {**ZH, "evidence": "全市将有企业2,000家。数字经济企业1,890家"},
        SCOPE,
        True,
    ),
    (
        "a Chinese sentence dated by its own words (目前) does not",
        {
            **ZH,
            "evidence": "全市将有企业2,000家。目前数字经济企业1,890家",
            "period_text": "目前",
            "period_basis": "stated",
        },
        SCOPE,
        False,
    ),
    (
        "an English sentence has its own tense",
        {**GOOD, "evidence": "The city is expected to grow. It is home to 1,890 digital economy enterprises"},
        SCOPE,
        False,
    ),
    (
        "an English sentence opening with 'among them' goes on with the one before",
        {**GOOD, "evidence": "The city is expected to draw 2,000 firms. Among them, 1,890 digital economy enterprises"},
        SCOPE,
        True,
    ),
    (
        "an English clause with a finite verb of its own (is) is not governed from another clause",
        {**GOOD, "evidence": "Expected to grow, the city is home to 1,890 digital economy enterprises"},
        SCOPE,
        False,
    ),
    (
        "a cue in the figure's own clause is status-cue-in-clause's (one problem)",
        {**GOOD, "evidence": "the city is expected to be home to 1,890 digital economy enterprises"},
        SCOPE,
        False,
    ),
    (
        "a target whose clause says it is reached ('has attracted'), the cue in another clause",
        {
            **GOOD,
            "status": "target",
            "evidence": "The fair, that opened on Tuesday and will last till Friday, has attracted 1,890 digital "
            "economy enterprises",
        },
        REACHED,
        True,
    ),
    (
        "'has' as a verb of its own is no perfect (it has 20 sub-forums)",
        {**GOOD, "status": "target", "evidence": "The fair will open. It has 1,890 digital economy enterprises"},
        REACHED,
        False,
    ),
    (
        "a target whose own clause holds its status word as well",
        {**ZH, "status": "target", "evidence": "全市数字经济企业已有1,000家,预计将有1,890家"},
        REACHED,
        False,
    ),
]
# The source is published 2020-01-14, the rows' period ends that day: a target of the very day is reported unless its
# own clause speaks of it as still to come (the lexicon's forward_word: 将在).
SAME_DAY = [
    (
        "a target of the day of publication, named only by a weak word",
        {**ZH, "status": "target", "evidence": "全市计划发展数字经济企业1,890家"},
        covers("reported-target-not-named"),
        True,
    ),
    (
        "a target of the day of publication its clause speaks of as to come (将在)",
        {**ZH, "status": "target", "evidence": "1,890家数字经济企业将在全市落户"},
        "reported-target-not-named",
        False,
    ),
]


def test_a_status_word_governs_the_figures_of_its_scope(package: PackageCopy) -> None:
    assert misfired(package, CASES + SAME_DAY) == []


def test_continuation_and_reached_words_are_the_lexicons(tmp_path_factory: pytest.TempPathFactory) -> None:
    """'among them' and 已 are read from the lexicon: a copy without them reads the English sentence as one of its
    own (no cue governs it) and the figure of 已有 as not reached (the earlier clause's 将有 governs it). The copy is
    shared with test_status_cues (status_copies.py), once per process."""
    rows, report = status_copy(tmp_path_factory)
    assert ("indicators", rows["among them"], "status") not in found(report, "status-cue-in-scope")
    assert ("indicators", rows["reached"], "status") in found(report, "status-cue-in-scope")


def test_the_scope_is_read_from_the_sentence() -> None:
    """The clause reader gives the sentence before the quote, the words after it only where no other quantity
    follows, the quote's own clause without it and the earlier sentences nearest first; none of them (but the own
    clause) for a quote of 'from A to B' (read by the lexicon's span words, 从 and 到), whose words before A speak of
    the change."""
    a = attach("全市将有企业2,000家。其中,数字经济企业1,890家,增长5%", "1,890家", [], None, {})
    assert (a.scope.before, a.scope.after, a.scope.own_clause, a.scope.earlier) == (
        "其中,数字经济企业",
        "",
        "数字经济企业 ",
        ("全市将有企业2,000家。",),
    )
    b = attach("1,890 firms are expected to open", "1,890", [], None, {})
    assert (b.scope.after, b.scope.after_in_clause) == (" firms are expected to open", " firms are expected to open")
    words = ClauseWords.of(Lexicon.from_frame(tde.load("lexicon")))
    c = attach("将全市企业从1,890家增加到2,000家", "1,890家", [], None, {}, words=words)
    assert (c.scope.before, c.scope.after, c.scope.earlier) == ("", "", ())
