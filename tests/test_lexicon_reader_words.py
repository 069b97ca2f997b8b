"""The quote reader's, the rank rule's, the subject reader's and the edition reader's last word lists are the
lexicon's, not the code's (issue 13): the particles that part a sign or qualifier word from its number (了, 达, by:
`sign_gap` `particle`), a rate's words before a sign word after the number (a 5% drop: `sign_gap` `after`), a
range's words before a quote (3至5: `range`), the words that make a rank's number a place (第, 前#, top #:
`ordinal_word`), those around the whole a share is of (of Tongxiang's: `not_subject` `whole_before`,
`whole_after`), those of an edition's run of days (至, and: `date_range_word`; the 22nd: `ordinal_word` `suffix`)
and the unit words that make a year-shaped number an amount (2000万元: `unit_word`). Each test reads one text with
the shipped lexicon, with a copy without the words (the reading changes) and with a copy given a new word (the new
word is read). Texts, not package copies: each reading is a pure function of its words (tests/test_lexicon_words.py
checks whole copies)."""

from __future__ import annotations

import pandas as pd
import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics.rules.events import run_words, stated
from tongxiang_digital_economy.semantics.subject_names import named_as_subject, outside_words
from tongxiang_digital_economy.text.clause_words import ClauseWords, place_words, written_as_place
from tongxiang_digital_economy.text.numerals import number_spans
from tongxiang_digital_economy.text.passage_numbers import is_date_part
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


def test_the_whole_a_share_is_of_is_named_between_the_lexicons_whole_words(lexicon: pd.DataFrame) -> None:
    """17 percent of Tongxiang's urban population names Tongxiang as the whole a share is of, no subject
    (`not_subject` `whole_before` of, `whole_after` 's); a copy without 'of' (or without 's) reads it as the
    subject; 'a share within Tongxiang's total' is a whole once a copy lists 'within' as a `whole_before` word."""
    share = "17 percent of tongxiang's urban population"
    assert not named_as_subject(share, "Tongxiang", outside_words(Lexicon.from_frame(lexicon)))
    assert named_as_subject(share, "Tongxiang", outside_words(without(lexicon, "not_subject", "of")))
    assert named_as_subject(share, "Tongxiang", outside_words(without(lexicon, "not_subject", "'s")))
    assert named_as_subject("tongxiang's gdp", "Tongxiang", outside_words(Lexicon.from_frame(lexicon)))
    within = "a share within tongxiang's total"
    assert named_as_subject(within, "Tongxiang", outside_words(Lexicon.from_frame(lexicon)))
    added = adding(lexicon, "within", "not_subject", "whole_before")
    assert not named_as_subject(within, "Tongxiang", outside_words(added))


def test_a_run_of_days_is_joined_by_the_lexicons_date_range_words(lexicon: pd.DataFrame) -> None:
    """11月16日至18日 is a run (`date_range_word` 至): the edition ran 16 to 18 November, not 16 to 20; a copy
    without 至 reads two days (18日 in the text's month), of which the 16th is a first day, and lets 16 to 20 pass;
    11月16日及18日 is a run once a copy lists 及. A dash is punctuation, read without a lexicon (16日-18日)."""
    text = "11月16日至18日在浙江乌镇举办"
    shipped = run_words(Lexicon.from_frame(lexicon))
    assert stated(text, "2016-10-12", "2016-11-16", "2016-11-18", None, shipped)
    assert not stated(text, "2016-10-12", "2016-11-16", "2016-11-20", None, shipped)
    unjoined = run_words(without(lexicon, "date_range_word", "至"))
    assert stated(text, "2016-10-12", "2016-11-16", "2016-11-20", None, unjoined)
    joined = "11月16日及18日在浙江乌镇举办"
    assert stated(joined, "2016-10-12", "2016-11-16", "2016-11-20", None, shipped)
    added = run_words(adding(lexicon, "及", "date_range_word", "range"))
    assert not stated(joined, "2016-10-12", "2016-11-16", "2016-11-20", None, added)
    assert stated(joined, "2016-10-12", "2016-11-16", "2016-11-18", None, added)
    assert not stated("11月16日-18日在浙江乌镇举办", "2016-10-12", "2016-11-16", "2016-11-20")


def test_a_days_ordinal_letters_are_the_lexicons_suffix_words(lexicon: pd.DataFrame) -> None:
    """'opens on November 22nd' states the 22nd (`ordinal_word` `suffix` nd); a copy without nd reads no day there,
    and the row's dates go unchecked."""
    text = "the summit opens on November 22nd"
    shipped = run_words(Lexicon.from_frame(lexicon))
    assert not stated(text, "2024-11-01", "2024-11-20", "2024-11-21", None, shipped)
    assert stated(
        text, "2024-11-01", "2024-11-20", "2024-11-21", None, run_words(without(lexicon, "ordinal_word", "nd"))
    )


@pytest.mark.parametrize(
    ("text", "terms"), [("投资2000万元", ("万", "萬")), ("a budget of 2000 yuan", ("yuan",)), ("增长2019%", ("%",))]
)
def test_a_year_shaped_number_before_a_unit_word_is_an_amount(
    lexicon: pd.DataFrame, text: str, terms: tuple[str, ...]
) -> None:
    """2000万元, 2000 yuan, 2019% are amounts, no years (`unit_word` 万, yuan; `sign_gap` `after` %); a copy without
    the word (and its traditional form, folded to it) reads the number as a year, a date part."""
    span = next(s for s in number_spans(text) if s.value >= 1900)
    assert not is_date_part(text, span, None, ClauseWords.of(Lexicon.from_frame(lexicon)))
    category = "sign_gap" if terms == ("%",) else "unit_word"
    assert is_date_part(text, span, None, ClauseWords.of(without(lexicon, category, *terms)))


def test_a_new_unit_word_makes_a_year_shaped_number_an_amount(lexicon: pd.DataFrame) -> None:
    """2000 grand is a year to the shipped lexicon, an amount once a copy lists grand as a `unit_word`."""
    text = "a prize of 2000 grand"
    span = next(s for s in number_spans(text) if s.value == 2000)
    assert is_date_part(text, span, None, ClauseWords.of(Lexicon.from_frame(lexicon)))
    assert not is_date_part(text, span, None, ClauseWords.of(adding(lexicon, "grand", "unit_word", "1000")))
