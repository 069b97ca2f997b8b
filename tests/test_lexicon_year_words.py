"""The year reader's words are the lexicon's, not the code's (issue 13): the words that make four digits a year
('since 2019': `year_lead_word`), that date a quote by the year right after it ('1,250 for 2020':
`year_after_word`), that join two years into a range (2014年至2020年: `date_range_word`) and that date A of 'from A
to B' (从去年的, 第一届的: `span_date_word`). Each test reads one passage with the shipped lexicon, with a copy
without the category's word (the reading changes) and with one where a new word is added (it is read). Passages,
not package copies: each reading is a pure function of its words."""

from __future__ import annotations

import pandas as pd
import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import Attachment, attach
from tongxiang_digital_economy.text.quantities import Lexicon, written_forms


@pytest.fixture(scope="module")
def lexicon() -> pd.DataFrame:
    return tde.load("lexicon").astype(object)


@pytest.fixture(scope="module")
def units() -> dict[str, dict[str, list[str]]]:
    return written_forms(tde.load("units"))


def edited(
    frame: pd.DataFrame, category: str, drop: tuple[str, ...] = (), add: tuple[str, str, str] | None = None
) -> Lexicon:
    """The lexicon without some of a category's terms (`drop`), or with one (term, language, meaning) added."""
    kept = frame[~((frame["category"] == category) & frame["term"].isin(drop))]
    if add is not None:
        row = {"term": add[0], "language": add[1], "category": category, "meaning": add[2], "note": None}
        kept = pd.concat([kept, pd.DataFrame([row])], ignore_index=True)
    return Lexicon.from_frame(kept)


def reading(
    text: str, quote: str, forms: list[str], units: dict[str, dict[str, list[str]]], lexicon: Lexicon
) -> Attachment:
    return attach(text, quote, forms, "count", units, (), None, None, ClauseWords.of(lexicon))


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
    words between 从 and the quote are not A's date and it is no end; 从大前年的 is A's date only once 大前年 is added."""
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
