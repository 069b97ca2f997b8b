"""The clause reader's last word lists are the lexicon's (issue 13): the words that end a clause (which, and then:
`item_break` `clause`), those joining a list (or: `list_word`, read also where a quantity's noun ends and where a
place's name is a list member), those ending a quantity's noun (with, of: `noun_end`), the measure words (家, 人:
`measure_word`) and the ordinal words (第, 届, th, 位, 期, 首: `ordinal_word`, read by the clause reader and by
period-edition-named); and the `and_some` words a multiple's check reads its levels' intervals by (300多). Each
test reads a short passage with the shipped lexicon and with a copy's lexicon without the words
(tests/test_lexicon_words.py's pattern): the reading changes, so the words are read from the data. No package is
validated here: the readers are pure functions of the passage and the lexicon."""

from __future__ import annotations

import pandas as pd
import pytest
from test_lexicon_words import clause_words, lexicon_frame

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics.claims import and_some_terms
from tongxiang_digital_economy.semantics.editions_named import ordinal_words, ordinals_in
from tongxiang_digital_economy.semantics.level_multiples import written_bounds
from tongxiang_digital_economy.semantics.subject_names import named_as_subject, outside_words
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import attach, noun_after
from tongxiang_digital_economy.text.passage_numbers import Quantity, clause_of, quantities
from tongxiang_digital_economy.text.quantities import Lexicon, loose, written_forms


@pytest.fixture(scope="module")
def shipped() -> ClauseWords:
    return clause_words(lexicon_frame())


def without(category: str, *terms: str) -> pd.DataFrame:
    """The shipped lexicon without the category's terms given (both scripts: 届 and 屆 fold to one), or without
    the whole category when none is given."""
    frame = tde.load("lexicon").astype(object)
    dropped = frame["category"] == category
    if terms:
        dropped &= frame["term"].isin(terms)
    return frame[~dropped]


def test_the_lexicons_clause_words_end_a_clause(shipped: ClauseWords) -> None:
    """'which' and 'and then' (`item_break` `clause`) end a clause as a comma does: the half-year words after them
    are another clause's, not the quote's (sub_year_words); a copy without the word reads one clause."""
    text = loose("The town received 1 million visitors which was more than in the first half")
    at = text.find("1 million")
    assert clause_of(text, at, at + 9, shipped) == (0, text.find(" which"))
    assert clause_of(text, at, at + 9, clause_words(without("item_break", "which"))) == (0, len(text))
    assert not attach(text, "1 million", [], None, {}, words=shipped).sub_year_words
    assert attach(text, "1 million", [], None, {}, words=clause_words(without("item_break", "which"))).sub_year_words
    then = "output rose 5% and then fell 3% in the first half"
    assert not attach(then, "5%", [], "percent", {}, words=shipped).sub_year_words
    thenless = clause_words(without("item_break", "and then"))
    assert attach(then, "5%", [], "percent", {}, words=thenless).sub_year_words


def test_the_lexicons_list_words_make_a_place_a_list_member() -> None:
    """A place named before or after a list word (or, 和: `list_word` `joins`) is a member of a list, not the
    subject; a copy without the word reads the name as the subject. 与 (`joins_or_with`) also means 'with': a name
    before it stays the subject (乌镇与数字经济相关的企业)."""
    listed = outside_words(Lexicon.from_frame(lexicon_frame()))
    text = loose("Tongxiang, Haining or Pinghu each received 10 projects")
    assert not named_as_subject(text, "Haining", listed)
    assert not named_as_subject(text, "Tongxiang", listed)
    orless = outside_words(Lexicon.from_frame(without("list_word", "or")))
    assert named_as_subject(text, "Haining", orless)
    assert named_as_subject(text, "Tongxiang", orless)
    assert not named_as_subject("乌镇和濮院的企业只有12家", "乌镇", listed)
    assert named_as_subject(
        "乌镇和濮院的企业只有12家", "乌镇", outside_words(Lexicon.from_frame(without("list_word", "和")))
    )
    assert named_as_subject("乌镇与数字经济相关的企业只有12家", "乌镇", listed)


def test_the_lexicons_noun_end_words_end_a_quantitys_own_noun(shipped: ClauseWords) -> None:
    """The words right after a quantity (its own noun: 'towns') end at 'with' (`noun_end`) as at a list word or a
    comma; a copy without the noun_end words reads on to the next number."""
    text = "8 towns with 3 subdistricts"
    assert noun_after(text, 1, shipped) == (1, text.find(" with"))
    assert noun_after(text, 1, clause_words(without("noun_end"))) == (1, text.find("3"))
    assert noun_after(text, 1, clause_words(without("list_word"))) == (1, text.find(" with"))


def test_the_lexicons_measure_words_say_a_number_counts_things(shipped: ClauseWords) -> None:
    """三 before 家 (`measure_word`) counts enterprises, while a Chinese numeral before no measure word is part of a
    word (a date part, no quantity); 34.87万 before 人 is a count, not 万(元); 第10000 before 辆 is a running count,
    not an ordinal. A copy without the words reads each the other way."""
    units = written_forms(tde.load("units"))
    assert quantities("三家企业", units, shipped) == [Quantity(0, 1, None, False)]
    assert quantities("三家企业", units, clause_words(without("measure_word", "家"))) == [Quantity(0, 1, None, True)]
    visitors = "接待游客34.87万人次"
    assert [q.dimension for q in quantities(visitors, units, shipped)] == ["count"]
    assert [q.dimension for q in quantities(visitors, units, clause_words(without("measure_word", "人")))] == [
        "currency"
    ]
    car = "今年第10000辆哪吒汽车"
    assert not attach(car, "第10000辆", [], None, {}, words=shipped).ordinal
    assert attach(car, "第10000辆", [], None, {}, words=clause_words(without("measure_word", "辆", "輛"))).ordinal


def test_the_lexicons_ordinal_words_say_a_number_is_a_place_in_an_order(shipped: ClauseWords) -> None:
    """第 … 届 and 'th' after digits (`ordinal_word` `before`, `edition`, `suffix`) make a quote a place in an order
    (an ordinal, no amount); 第 … 位 (`place`) a rank; 期 after digits (`phase`) a date part. A copy without the
    words reads each as a quantity. An ordinal in English words (the first) is the number reader's own."""
    units = written_forms(tde.load("units"))
    edition = "第二届世界互联网大会"
    assert attach(edition, "第二届", [], None, {}, words=shipped).ordinal
    assert not attach(edition, "第二届", [], None, {}, words=clause_words(without("ordinal_word"))).ordinal
    assert attach("the 20th forum", "20th", [], None, {}, words=shipped).ordinal
    assert not attach("the 20th forum", "20th", [], None, {}, words=clause_words(without("ordinal_word", "th"))).ordinal
    assert attach("since the first wic, 565 projects", "first", [], None, {}, words=ClauseWords()).ordinal
    assert quantities("位居第十二位", units, shipped) == [Quantity(3, 5, "rank", False)]
    unranked = clause_words(without("ordinal_word", "位"))
    assert quantities("位居第十二位", units, unranked) == [Quantity(3, 5, None, True)]  # 第十二 is still a place
    assert quantities("3期工程", units, shipped) == [Quantity(0, 1, None, True)]
    assert quantities("3期工程", units, clause_words(without("ordinal_word", "期"))) == [Quantity(0, 1, None, False)]


def test_the_lexicons_ordinal_words_say_which_edition_a_period_names() -> None:
    """首届 and 第四届 name the first and the fourth edition (period-edition-named) while the lexicon lists 首
    (`first`), 第 (`before`) and 届 (`edition`); a copy without 首, or without 届 and 屆, names none."""
    words = ordinal_words(lexicon_frame())
    assert ordinals_in("首届世界互联网大会举办时", words) == {1}
    assert ordinals_in("第四届乌镇峰会", words) == {4}
    assert ordinals_in("首届世界互联网大会举办时", ordinal_words(without("ordinal_word", "首"))) == set()
    assert ordinals_in("第四届乌镇峰会", ordinal_words(without("ordinal_word", "届", "屆"))) == set()
    assert ordinals_in("第四届乌镇峰会", ordinal_words(None)) == set()


def test_the_lexicons_and_some_words_bound_a_figure_above() -> None:
    """300多 is 300 to 400 (the lexicon's `and_some` #多: below the next step of its last digit) when a multiple is
    held to the levels its text gives (written_bounds); a lexicon without the words reads 300 or more."""

    def bounds(frame: pd.DataFrame) -> tuple[float, float]:
        words = tuple(t.replace("#", "") for t in and_some_terms(frame))
        return written_bounds(300.0, "gt", "300多家", words)

    assert bounds(lexicon_frame()) == (300.0, 400.0)
    assert bounds(without("and_some")) == (300.0, float("inf"))
    assert written_bounds(1700.0, "gt", "1700余家", ("多",)) == (1700.0, float("inf"))
