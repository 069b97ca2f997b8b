"""The quote reader's, the rank rule's, the subject reader's and the edition reader's last word lists are the
lexicon's, not the code's (issue 13): the particles that part a sign or qualifier word from its number (了, 达, by:
`sign_gap` `particle`), a rate's words before a sign word after the number (a 5% drop: `sign_gap` `after`), a
range's words before a quote (3至5: `range`) and the words that make a rank's number a place (第, 前#, top #:
`ordinal_word`). Each test reads one text with the shipped lexicon, with a copy without the words (the reading
changes) and with a copy given a new word (the new word is read). Texts, not package copies: each reading is a pure
function of its words (tests/test_lexicon_words.py checks whole copies)."""

from __future__ import annotations

import pandas as pd
import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.text.clause_words import place_words, written_as_place
from tongxiang_digital_economy.text.quantities import Lexicon, cut_from, read


@pytest.fixture(scope="module")
def lexicon() -> pd.DataFrame:
    return tde.load("lexicon").astype(object)


def without(frame: pd.DataFrame, category: str, *terms: str) -> Lexicon:
    """The lexicon without a category's terms (all of them when none is named)."""
    gone = (frame["category"] == category) & (frame["term"].isin(terms) if terms else True)
    return Lexicon.from_frame(frame[~gone])


def adding(frame: pd.DataFrame, term: str, category: str, meaning: str) -> Lexicon:
    """The lexicon with one row added."""
    row = {"term": term, "language": "zh", "category": category, "meaning": meaning, "note": None}
    return Lexicon.from_frame(pd.concat([frame, pd.DataFrame([row])], ignore_index=True))


def test_a_particle_before_a_quote_leaves_the_qualifier_before_it_the_quotes(lexicon: pd.DataFrame) -> None:
    """超过了100家 quoted as 100家 leaves out 超过 (`sign_gap` `particle` 了 between them); a copy without 了 reads
    100家 as standing whole after 超过了. 超过足足100家 is whole until a copy lists 足足 as a particle."""
    shipped = Lexicon.from_frame(lexicon)
    left_out = "it leaves out 超过, which belongs to it"
    assert cut_from("100家", "全市超过了100家企业", shipped) == left_out
    assert cut_from("100家", "全市超过了100家企业", without(lexicon, "sign_gap", "了")) is None
    assert cut_from("10 percent", "exports fell by 10 percent", shipped) == "it leaves out fell, which belongs to it"
    assert cut_from("10 percent", "exports fell by 10 percent", without(lexicon, "sign_gap", "by")) is None
    assert cut_from("100家", "全市超过足足100家企业", shipped) is None
    assert cut_from("100家", "全市超过足足100家企业", adding(lexicon, "足足", "sign_gap", "particle")) == left_out


def test_a_growth_word_is_read_in_a_quote_but_parts_no_qualifier_from_a_quote(lexicon: pd.DataFrame) -> None:
    """增长 (`sign_gap` `between`) lets 负 bear on its number in a quote (负增长3%), but is no particle before a quote:
    超过增长3% quoted as 3% is whole."""
    shipped = Lexicon.from_frame(lexicon)
    assert [str(n) for n in read("负增长3%", shipped).numbers] == ["-3"]
    assert cut_from("3%", "超过增长3%", shipped) is None
    assert cut_from("3%", "超过增长3%", adding(lexicon, "增长", "sign_gap", "particle")) is not None


def test_a_rates_word_between_a_number_and_its_sign_word_after_it(lexicon: pd.DataFrame) -> None:
    """a 5% drop and a 3 percent decline are falls (`sign_gap` `after`: %, percent); a copy without them (and per cent,
    whose white space may be left out) reads 5 and 3; a 5 pct drop is a fall once a copy lists pct."""
    shipped = Lexicon.from_frame(lexicon)
    assert [str(n) for n in read("a 5% drop", shipped).numbers] == ["-5"]
    assert [str(n) for n in read("a 3 percent decline", shipped).numbers] == ["-3"]
    bare = without(lexicon, "sign_gap", "%", "percent", "per cent")
    assert [str(n) for n in read("a 5% drop", bare).numbers] == ["5"]
    assert [str(n) for n in read("a 3 percent decline", bare).numbers] == ["3"]
    assert [str(n) for n in read("a 5 pct drop", shipped).numbers] == ["5"]
    assert [str(n) for n in read("a 5 pct drop", adding(lexicon, "pct", "sign_gap", "after")).numbers] == ["-5"]


def test_a_range_word_before_a_quote_makes_it_a_ranges_upper_end(lexicon: pd.DataFrame) -> None:
    """3至5家 quoted as 5家 is a range's upper end (`range` 至); a copy without 至 reads it whole; 3乃5家 is read so
    once a copy lists 乃 as a range word. An English range word (3 to 5) is read in a quote alone."""
    shipped = Lexicon.from_frame(lexicon)
    upper = "it is the upper end of a range"
    assert cut_from("5家", "每年新增3至5家", shipped) == upper
    assert cut_from("5家", "每年新增3至5家", without(lexicon, "range", "至")) is None
    assert cut_from("5家", "每年新增3乃5家", shipped) is None
    assert cut_from("5家", "每年新增3乃5家", adding(lexicon, "乃", "range", "range")) == upper
    assert cut_from("5 firms", "from 3 to 5 firms", shipped) is None


@pytest.mark.parametrize(
    ("quote", "term"),
    [("跃居第二", "第"), ("列前50", "前#"), ("among the top 500", "top #"), ("231st", "st"), ("排名3名", "名")],
)
def test_a_ranks_place_is_written_in_the_lexicons_ordinal_words(lexicon: pd.DataFrame, quote: str, term: str) -> None:
    """A rank's quote writes a place in the `ordinal_word` terms (第, 前#, top #, st, 名): a copy without the term
    reads no place in it (rank-not-written-as-place then fires)."""
    assert written_as_place(quote, place_words(Lexicon.from_frame(lexicon)))
    assert not written_as_place(quote, place_words(without(lexicon, "ordinal_word", term)))


def test_a_new_ordinal_word_writes_a_place_and_english_ordinals_are_the_number_readers(lexicon: pd.DataFrame) -> None:
    """'rank 5' is no place until a copy lists `rank #` as an `ordinal_word` `top`; 'ranked second' is one with no
    ordinal word at all (the number reader's English ordinals); a bare count is none; without a lexicon none is."""
    shipped = Lexicon.from_frame(lexicon)
    assert not written_as_place("rank 5", place_words(shipped))
    assert written_as_place("rank 5", place_words(adding(lexicon, "rank #", "ordinal_word", "top")))
    assert written_as_place("ranked second", place_words(without(lexicon, "ordinal_word")))
    assert not written_as_place("5 million 800 thousand tons", place_words(shipped))
    assert not written_as_place("第二", place_words(None))
