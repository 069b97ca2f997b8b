"""The period and year readers' last word lists are the lexicon's, not the code's (issue 13): a year's bound word
(2014年前: `before_word`), the words of 'from A to B' (从, 到, from, to: `span_word`, with `between` opening a span's
dating words), the words that only frame dating words (在, during, 期间: `framing_word`), an edition's length
(为期#天, #-day: `length_word`), and the year reader's: the words that make four digits a year ('since 2019':
`year_lead_word`), date a quote by the year right after it ('1,250 for 2020': `year_after_word`), join two years
(2014年至2020年: `date_range_word`) and date A of 'from A to B' (从去年的, 第一届的: `span_date_word`). Each test
reads one text with the shipped lexicon and with a copy without the category's words (or one of them): the reading
changes, so the words are read from the lexicon; the year reader's tests also add a word, and it is read. Texts,
not package copies: each reading is a pure function of its words (tests/test_lexicon_words.py checks whole copies).
"""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import pandas as pd
import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.semantics.rules.events import stated
from tongxiang_digital_economy.semantics.rules.which_figure import from_to_fits, opens_span
from tongxiang_digital_economy.text.clause_words import ClauseWords, SpanWords
from tongxiang_digital_economy.text.clauses import Attachment, attach
from tongxiang_digital_economy.text.period_lexicon import PeriodWords
from tongxiang_digital_economy.text.period_words import read_period
from tongxiang_digital_economy.text.quantities import Lexicon, written_forms


@pytest.fixture(scope="module")
def lexicon() -> pd.DataFrame:
    return tde.load("lexicon").astype(object)


@pytest.fixture(scope="module")
def units() -> dict[str, dict[str, list[str]]]:
    return written_forms(tde.load("units"))


def without(frame: pd.DataFrame, category: str, *terms: str) -> Lexicon:
    """The lexicon without a category's terms (all of them when none is named)."""
    gone = (frame["category"] == category) & (frame["term"].isin(terms) if terms else True)
    return Lexicon.from_frame(frame[~gone])


def reading(
    evidence: str, quote: str, forms: list[str], units: dict[str, dict[str, list[str]]], lexicon: Lexicon
) -> Attachment:
    words = ClauseWords.of(lexicon)
    return attach(evidence, quote, forms, "count", units, (), None, None, words)


def test_a_year_before_a_before_word_bounds_the_figures_period_and_dates_nothing(
    lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]
) -> None:
    """2014年前 (`before_word` 前) is no date of the figure beside it: the clause reader reads no year with the quote;
    a copy without the before words reads 2014 as the figure's year, and one without 以前 alone reads 2014年以前 so
    (前 is then read after 以, not after the year)."""
    shipped = Lexicon.from_frame(lexicon)
    text = "全市数字经济企业2014年前只有350多家"
    assert reading(text, "350多家", ["数字经济企业"], units, shipped).year is None
    assert reading(text, "350多家", ["数字经济企业"], units, without(lexicon, "before_word")).year == (2014, 2014)
    earlier = "2014年以前,全市数字经济企业只有350多家"
    assert reading(earlier, "350多家", ["数字经济企业"], units, shipped).year is None
    assert reading(earlier, "350多家", ["数字经济企业"], units, without(lexicon, "before_word", "以前")).year == (
        2014,
        2014,
    )


def test_the_span_words_say_which_end_of_from_a_to_b_a_quote_is(
    lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]
) -> None:
    """从 A 增加到 B (`span_word` `from` and `to`): 350多家 is A, 2700多家 B, and A's year is not B's; a copy
    without the span words reads neither as an end, and one without 到 alone no B (no 'to' closes A's words). The
    English 'from … to' reads the same way."""
    shipped = Lexicon.from_frame(lexicon)
    text = "全市数字经济企业从2014年的350多家增加到2700多家"
    a, b = (reading(text, q, ["数字经济企业"], units, shipped) for q in ("350多家", "2700多家"))
    assert (a.side, b.side, b.has_a) == ("from", "to", True)
    assert a.year == (2014, 2014) and b.year is None  # 2014 dates A, and B has no year of its own
    bare = without(lexicon, "span_word")
    assert [reading(text, q, ["数字经济企业"], units, bare).side for q in ("350多家", "2700多家")] == [None, None]
    assert reading(text, "2700多家", ["数字经济企业"], units, bare).year == (2014, 2014)
    assert reading(text, "2700多家", ["数字经济企业"], units, without(lexicon, "span_word", "到")).side is None
    english = "the number of enterprises grew from 355 in 2014 to 2,700 in 2023"
    found = reading(english, "2,700", ["enterprises"], units, shipped)
    assert (found.side, found.other_year) == ("to", 2014)
    assert reading(english, "2,700", ["enterprises"], units, without(lexicon, "span_word", "to")).side is None


def test_a_rows_dating_words_opening_with_a_start_word_date_as_from_a_to_b(lexicon: pd.DataFrame) -> None:
    """A row of A of 'from A to B' dated at the latest day its words allow is dated where B stands, unless its own
    dating words open with a start word (`span_word` `from` or `start`, or a `since_word` opening one: between,
    from, since, 自): then they date A as the span's start. A copy without 'between' reads the row as B's."""
    anchor = SimpleNamespace(side="from", has_a=True, words_with_from=1, words_apart_from=0, from_dated=False)
    words = "between 2014 and 2023"
    period = read_period(words, "2024-01-10", PeriodWords.of(Lexicon.from_frame(lexicon)))
    last = max(p.end[1] for p in period.periods)
    assert last == date(2023, 12, 31)

    def fits(frame: Lexicon) -> bool:
        start = SpanWords.of(frame).start_words
        opens = start is not None and opens_span(words, start)
        return from_to_fits(anchor, period, str(last), str(last), "stated", "stock", opens)

    assert fits(Lexicon.from_frame(lexicon))
    assert not fits(without(lexicon, "span_word", "between"))
    start = SpanWords.of(Lexicon.from_frame(lexicon)).start_words
    assert start is not None
    assert all(re.match(rf"(?i)\s*(?:{start})", w) for w in ("From 2014", "since 2014", "自2020年以来", "从去年"))
    since_less = SpanWords.of(without(lexicon, "since_word", "since")).start_words
    assert since_less is not None and not re.match(rf"(?i)\s*(?:{since_less})", "since 2014")


@pytest.mark.parametrize(
    ("words", "term"),
    [("在2021年", "在"), ("during 2021", "during"), ("2021年上午", "上午"), ("2021 fiscal year", "fiscal")],
)
def test_framing_words_are_read_around_the_dating_words(lexicon: pd.DataFrame, words: str, term: str) -> None:
    """在2021年, during 2021 (`framing_word`): the framing word is read around the year; a copy without it leaves
    the words unread (the rule then says nothing rather than guess)."""
    shipped = read_period(words, "2022-02-01", PeriodWords.of(Lexicon.from_frame(lexicon)))
    assert shipped.admits(date(2021, 1, 1), date(2021, 12, 31))
    unframed = read_period(words, "2022-02-01", PeriodWords.of(without(lexicon, "framing_word", term)))
    assert unframed.why is not None and unframed.why.startswith("no dating word known in")
    assert read_period("2021年", "2022-02-01", PeriodWords.of(without(lexicon, "framing_word"))).why is None


@pytest.mark.parametrize(
    "evidence",
    ["为期3天的2023年世界互联网大会乌镇峰会10日圆满完成各项议程", "The three-day summit closed on Nov. 10"],
)
def test_an_editions_length_is_read_by_the_lexicons_length_words(lexicon: pd.DataFrame, evidence: str) -> None:
    """为期3天 … 10日, a three-day summit … Nov. 10 (`length_word` 为期#天, #-day): the edition ran 8 to 10
    November, not 9 to 10; a copy without the length words reads no length, and the day alone lets both pass."""
    shipped = PeriodWords.of(Lexicon.from_frame(lexicon)).length
    assert stated(evidence, "2023-11-10", "2023-11-08", "2023-11-10", shipped)
    assert not stated(evidence, "2023-11-10", "2023-11-09", "2023-11-10", shipped)
    lengthless = PeriodWords.of(without(lexicon, "length_word")).length
    assert lengthless is None
    assert stated(evidence, "2023-11-10", "2023-11-09", "2023-11-10", lengthless)


def edited(
    frame: pd.DataFrame, category: str, drop: tuple[str, ...] = (), add: tuple[str, str, str] | None = None
) -> Lexicon:
    """The lexicon without some of a category's terms (`drop`), or with one (term, language, meaning) added."""
    kept = frame[~((frame["category"] == category) & frame["term"].isin(drop))]
    if add is not None:
        row = {"term": add[0], "language": add[1], "category": category, "meaning": add[2], "note": None}
        kept = pd.concat([kept, pd.DataFrame([row])], ignore_index=True)
    return Lexicon.from_frame(kept)


def test_a_lead_word_makes_four_digits_a_year(lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]) -> None:
    """'Since 2019' (`year_lead_word` since): 2019 dates the figure of its clause; a copy without 'since' reads no
    year there (four digits after other words are no year), and one with 'around' added reads 'around 2019'."""
    since, around = "Since 2019 the number of enterprises has grown to 1,250", "around 2019 enterprises reached 1,250"
    shipped = Lexicon.from_frame(lexicon)
    assert reading(since, "1,250", ["enterprises"], units, shipped).year == (2019, 2019)
    assert reading(since, "1,250", ["enterprises"], units, edited(lexicon, "year_lead_word", ("since",))).year is None
    assert reading(around, "1,250", ["enterprises"], units, shipped).year is None
    added = edited(lexicon, "year_lead_word", add=("around", "en", "lead"))
    assert reading(around, "1,250", ["enterprises"], units, added).year == (2019, 2019)


def test_an_after_word_dates_a_quote_by_the_year_right_after_it(
    lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]
) -> None:
    """'a target of 1,250 for 2020' (`year_after_word` for): 2020 dates the quote, not 2019 before it; without
    'for' the year before is read, and with 'during' added 'during 2020' dates it too (the pattern bounds the
    words, not a window of characters)."""
    text = "in 2019 the city set a target of 1,250 for 2020"
    shipped = Lexicon.from_frame(lexicon)
    assert reading(text, "1,250", ["target"], units, shipped).year == (2020, 2020)
    assert reading(text, "1,250", ["target"], units, edited(lexicon, "year_after_word", ("for",))).year == (2019, 2019)
    during = text.replace("for", "during")
    assert reading(during, "1,250", ["target"], units, shipped).year == (2019, 2019)
    added = edited(lexicon, "year_after_word", add=("during", "en", "dates"))
    assert reading(during, "1,250", ["target"], units, added).year == (2020, 2020)


def test_a_range_word_joins_two_years(lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]) -> None:
    """2014年至2020年 (`date_range_word` 至, meaning `range`): the figure is of the range; without 至 it is of the
    nearer year alone, and with 迄 added 2014年迄2020年 is a range too."""
    text = "2014年至2020年,全市新增企业1250家"
    shipped = Lexicon.from_frame(lexicon)
    assert reading(text, "1250家", ["企业"], units, shipped).year == (2014, 2020)
    assert reading(text, "1250家", ["企业"], units, edited(lexicon, "date_range_word", ("至",))).year == (2020, 2020)
    other = text.replace("至", "迄")
    assert reading(other, "1250家", ["企业"], units, shipped).year == (2020, 2020)
    added = edited(lexicon, "date_range_word", add=("迄", "zh", "range"))
    assert reading(other, "1250家", ["企业"], units, added).year == (2014, 2020)


def test_a_dating_word_between_from_and_a_keeps_a_the_quote_after_from(
    lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]
) -> None:
    """从去年的350多家增加到2700多家 (`span_date_word` 去年, meaning `before_a`): 350多家 is A; without 去年 the
    words between 从 and the quote are not A's date and it is no end; 从大前年的 is A's date only once 大前年 is
    added."""
    text = "全市数字经济企业从去年的350多家增加到2700多家"
    shipped = Lexicon.from_frame(lexicon)
    assert reading(text, "350多家", ["数字经济企业"], units, shipped).side == "from"
    assert reading(text, "350多家", ["数字经济企业"], units, edited(lexicon, "span_date_word", ("去年",))).side is None
    older = text.replace("去年", "大前年")
    assert reading(older, "350多家", ["数字经济企业"], units, shipped).side is None
    added = edited(lexicon, "span_date_word", add=("大前年", "zh", "before_a"))
    assert reading(older, "350多家", ["数字经济企业"], units, added).side == "from"


def test_a_dating_word_in_as_words_dates_a(lexicon: pd.DataFrame, units: dict[str, dict[str, list[str]]]) -> None:
    """从第一届的1000多人增加到第四届的2000多人 (`span_date_word` 届, meaning `in_a`): A's words are dated, so B's
    row may be read as 'from A to B'; without 届 (and 屆) they are not."""
    text = "参会嘉宾从第一届的1000多人增加到第四届的2000多人"
    shipped = Lexicon.from_frame(lexicon)
    assert reading(text, "2000多人", ["参会嘉宾"], units, shipped).from_dated
    bare = edited(lexicon, "span_date_word", ("届", "屆"))
    assert not reading(text, "2000多人", ["参会嘉宾"], units, bare).from_dated


@pytest.mark.parametrize(
    ("words", "category", "term", "added", "new_words"),
    [
        ("十三五期间", "plan_word", "十三五", ("13th fyp", "en", "2016"), "13th fyp period"),
        ("2021年上半年", "period_word", "上半年", ("头半年", "zh", "1-6"), "2021年头半年"),
        ("去年", "period_word", "去年", ("旧年", "zh", "last_year"), "旧年"),
        ("2014年至2020年", "date_range_word", "至", ("迄", "zh", "range"), "2014年迄2020年"),
        ("10年前", "period_word", "#年前", ("#载前", "zh", "years_ago"), "10载前"),
        ("过去三天", "period_word", "过去", ("往前", "zh", "past_length"), "往前三天"),
        ("9月的第一天", "period_word", "第一天", ("头一天", "zh", "first_day"), "9月的头一天"),
        ("2023年 … 这3年内", "period_word", "内", ("中", "zh", "length_end"), "2023年 … 这3年中"),
        ("昨天", "period_word", "昨天", ("昨儿", "zh", "yesterday"), "昨儿"),
        ("june 8th", "ordinal_word", "th", ("nth", "en", "suffix"), "june 8nth"),
    ],
)
def test_the_period_readers_words_are_the_lexicons(
    lexicon: pd.DataFrame, words: str, category: str, term: str, added: tuple[str, str, str], new_words: str
) -> None:
    """A plan (`plan_word` 十三五, meaning its first year), a part of a year (`period_word` 上半年, meaning the months
    `1-6`), a year relative to the text's (去年, `last_year`), a range (`date_range_word` 至), N years ago (#年前), a
    length up to the text's date (过去), a month's first day (第一天), where a length ends (内), yesterday and a
    day's ordinal suffix (`ordinal_word` th): each is read with the shipped lexicon; a copy without the word reads
    the words otherwise (most leave them unread), and other words are read as these are only once a word of the
    same category and meaning is added."""

    def read(text: str, lexicon: Lexicon) -> tuple[str | None, tuple[object, ...]]:
        reading = read_period(text, "2022-03-01", PeriodWords.of(lexicon))
        return reading.why, reading.periods

    shipped = read(words, Lexicon.from_frame(lexicon))
    assert shipped[0] is None and shipped[1]
    assert read(words, edited(lexicon, category, (term,))) != shipped
    assert read(new_words, Lexicon.from_frame(lexicon)) != shipped
    assert read(new_words, edited(lexicon, category, add=added)) == shipped


def test_a_plan_word_names_its_five_years(lexicon: pd.DataFrame) -> None:
    """十三五期间 (`plan_word` 十三五, meaning 2016): the plan's five years, 2016 to 2020."""
    reading = read_period("十三五期间", "2022-03-01", PeriodWords.of(Lexicon.from_frame(lexicon)))
    assert reading.admits(date(2016, 1, 1), date(2020, 12, 31))
    assert not reading.admits(date(2016, 1, 1), date(2021, 12, 31))
