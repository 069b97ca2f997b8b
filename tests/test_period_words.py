"""The period reader: the words that date a figure read back into the periods they can mean."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import pytest
from conftest import read_shipped, shipped_period_words
from hypothesis import given
from hypothesis import strategies as st

D = date.fromisoformat

# (period_text, the text's date, a period it means (start, end, stock?), a period it does not mean)
CASES = [
    ("2021年", "2022-02-10", ("2021-01-01", "2021-12-31", False), ("2020-01-01", "2020-12-31", False)),
    ("in 2019", "2020-01-14", ("2019-01-01", "2019-12-31", False), ("2019-07-01", "2019-12-31", False)),
    ("上半年", "2022-07-20", ("2022-01-01", "2022-06-30", False), ("2022-01-01", "2022-12-31", False)),
    ("2019年上半年", "2019-09-01", ("2019-01-01", "2019-06-30", False), ("2019-07-01", "2019-12-31", False)),
    ("下半年 … 2020年", "2021-01-05", ("2020-07-01", "2020-12-31", False), ("2020-01-01", "2020-06-30", False)),
    ("first half", "2022-08-01", ("2022-01-01", "2022-06-30", False), ("2022-01-01", "2022-12-31", False)),
    ("22H1", "2022-09-01", ("2022-01-01", "2022-06-30", False), ("2021-01-01", "2021-06-30", False)),
    ("一季度", "2023-04-20", ("2023-01-01", "2023-03-31", False), ("2023-01-01", "2023-06-30", False)),
    ("今年前三季度", "2023-10-25", ("2023-01-01", "2023-09-30", False), ("2023-01-01", "2023-12-31", False)),
    (
        "first three quarters of 2023",
        "2023-11-01",
        ("2023-01-01", "2023-09-30", False),
        ("2023-01-01", "2023-06-30", False),
    ),
    ("Q3", "2023-11-01", ("2023-07-01", "2023-09-30", False), ("2023-01-01", "2023-09-30", False)),
    ("1-6月", "2021-07-15", ("2021-01-01", "2021-06-30", False), ("2021-01-01", "2021-05-31", False)),
    ("1—9月", "2021-10-15", ("2021-01-01", "2021-09-30", False), ("2021-01-01", "2021-12-31", False)),
    ("今年1至9月", "2020-11-20", ("2020-01-01", "2020-09-30", False), ("2019-01-01", "2019-09-30", False)),
    ("January-June", "2021-07-15", ("2021-01-01", "2021-06-30", False), ("2021-01-01", "2021-12-31", False)),
    (
        "From January to August this year",
        "2021-09-15",
        ("2021-01-01", "2021-08-31", False),
        ("2021-01-01", "2021-09-30", False),
    ),
    ("2016-2020", "2021-03-01", ("2016-01-01", "2020-12-31", False), ("2016-01-01", "2019-12-31", False)),
    ("2014年至今", "2021-09-24", ("2014-01-01", "2021-09-24", False), ("2015-01-01", "2021-09-24", False)),
    ("since 2014", "2021-09-24", ("2014-01-01", "2021-09-24", False), ("2014-01-01", "2022-01-01", False)),
    ("十三五期间", "2021-03-01", ("2016-01-01", "2020-12-31", False), ("2015-01-01", "2020-12-31", False)),
    ("十四五", "2022-03-01", ("2021-01-01", "2025-12-31", False), ("2021-01-01", "2024-12-31", False)),
    ("2019年末", "2020-03-01", ("2019-12-31", "2019-12-31", True), ("2019-01-01", "2019-12-31", False)),
    ("截至2023年底", "2024-03-01", ("2023-12-31", "2023-12-31", True), ("2023-06-30", "2023-06-30", True)),
    ("by the end of 2020", "2021-01-14", ("2020-12-31", "2020-12-31", True), ("2021-12-31", "2021-12-31", True)),
    ("截至2018年11月1日", "2018-11-05", ("2018-11-01", "2018-11-01", True), ("2018-11-05", "2018-11-05", True)),
    ("as of September this year", "2017-12-01", ("2017-09-30", "2017-09-30", True), ("2017-12-01", "2017-12-01", True)),
    ("as of June", "2017-12-01", ("2017-06-30", "2017-06-30", True), ("2017-09-30", "2017-09-30", True)),
    ("去年", "2022-02-10", ("2021-01-01", "2021-12-31", False), ("2022-01-01", "2022-12-31", False)),
    ("last year", "2019-03-05", ("2018-01-01", "2018-12-31", False), ("2019-01-01", "2019-12-31", False)),
    ("今年", "2023-11-11", ("2023-01-01", "2023-11-10", False), ("2022-01-01", "2022-12-31", False)),
    ("this year", "2024-05-01", ("2024-01-01", "2024-12-31", False), ("2023-01-01", "2023-12-31", False)),
    ("目前", "2020-09-09", ("2020-09-09", "2020-09-09", True), ("2019-12-31", "2019-12-31", True)),
    ("目前", "2020-01", ("2020-01-20", "2020-01-20", True), ("2019-12-31", "2019-12-31", True)),
    ("now", "2018-11-01", ("2018-11-01", "2018-11-01", True), ("2017-01-01", "2018-11-01", False)),
    ("目前", "2025-11-10", ("2025-01-01", "2025-11-10", False), ("2024-01-01", "2024-12-31", False)),
    ("At present", "2020-01-14", ("2020-01-14", "2020-01-14", True), ("2019-12-31", "2019-12-31", True)),
    ("昨天下午", "2017-09-25", ("2017-09-24", "2017-09-24", False), ("2017-09-25", "2017-09-25", False)),
    ("12月16日至18日", "2015-12-16", ("2015-12-16", "2015-12-18", False), ("2015-12-16", "2015-12-17", False)),
    ("为期3天 … 2023年 … 10日", "2023-11-10", ("2023-11-08", "2023-11-10", False), ("2023-11-10", "2023-11-10", False)),
    ("from Sunday to Tuesday", "2017-12-04", ("2017-12-03", "2017-12-05", False), ("2017-12-04", "2017-12-06", False)),
    ("过去三天", "2017-12-05", ("2017-12-03", "2017-12-05", False), ("2017-12-01", "2017-12-05", False)),
    ("2021年 … 两年平均", "2022-02-10", ("2020-01-01", "2021-12-31", False), ("2021-01-01", "2021-12-31", False)),
    (
        "2015年春节旅游黄金周期间",
        "2015-02-28",
        ("2015-02-18", "2015-02-24", False),
        ("2015-01-01", "2015-12-31", False),
    ),
    (
        "December 7, 2015 … December 8, 2016",
        "2016-12",
        ("2015-12-07", "2016-12-08", False),
        ("2016-12-08", "2016-12-08", False),
    ),
    # A stock dated by a year alone is the level at its end, not on any day of it.
    ("2021年", "2022-02-10", ("2021-12-31", "2021-12-31", True), ("2021-07-02", "2021-07-02", True)),
    ("in 2014", "2018-11-01", ("2014-12-31", "2014-12-31", True), ("2014-05-21", "2014-05-21", True)),
    # As of, by or to a year: the level at its end (or, in a text of that year, at the text's date).
    ("截至2023年", "2024-11-01", ("2023-12-31", "2023-12-31", True), ("2023-07-02", "2023-07-02", True)),
    ("By 2016", "2017-12-27", ("2016-12-31", "2016-12-31", True), ("2016-07-02", "2016-07-02", True)),
    ("to 2022", "2022-11-09", ("2022-11-09", "2022-11-09", True), ("2022-05-11", "2022-05-11", True)),
    ("by 2027", "2025-09-30", ("2027-01-01", "2027-12-31", False), ("2027-01-01", "2027-07-02", False)),
    # The year so far ends at the text's date (or the few days before it), not at any day of the year.
    ("今年", "2021-09-15", ("2021-01-01", "2021-09-15", False), ("2021-01-01", "2021-07-02", False)),
    ("今年 … 全年", "2021-09-15", ("2021-01-01", "2021-12-31", False), ("2021-01-01", "2021-09-15", False)),
    # Since a year, or since a beginning the reader cannot date: up to the text's date (or its last year-end).
    ("2014年至今", "2021-09-24", ("2014-01-01", "2020-12-31", False), ("2014-01-01", "2017-11-12", False)),
    ("首屆大會以來", "2018-07-23", ("2014-11-19", "2018-07-23", False), ("2014-11-19", "2016-09-20", False)),
    ("Since the first WIC", "2018-11-01", ("2018-11-01", "2018-11-01", True), ("2016-10-31", "2016-10-31", True)),
    # Past years and trailing twelve months end at the text's date or its last year-end.
    ("in the past year", "2024-03-25", ("2023-03-26", "2024-03-25", False), ("2023-03-26", "2023-09-24", False)),
    (
        "over the past three years",
        "2020-01-14",
        ("2017-01-01", "2019-12-31", False),
        ("2017-01-01", "2018-12-31", False),
    ),
    ("TTM", "2021-10-25", ("2020-10-26", "2021-10-25", False), ("2020-10-26", "2021-04-26", False)),
    # Months relative to the text's date (and to its window, where its written_after/before bounds leave one).
    ("明年3月", "2023-11-05", ("2024-03-01", "2024-03-31", False), ("2023-03-01", "2023-03-31", False)),
    ("今年3月", "2023-11-05", ("2023-03-01", "2023-03-31", False), ("2024-03-01", "2024-03-31", False)),
    ("下月", "2023-11-05", ("2023-12-01", "2023-12-31", False), ("2023-11-01", "2023-11-30", False)),
    ("下个月", "2023-12", ("2024-01-01", "2024-01-31", False), ("2023-01-01", "2023-01-31", False)),
    ("上月", "2023-01-05", ("2022-12-01", "2022-12-31", False), ("2023-12-01", "2023-12-31", False)),
    ("last month", "2023-11-05", ("2023-10-01", "2023-10-31", False), ("2023-11-01", "2023-11-30", False)),
    ("截至上月底", "2023-11-05", ("2023-10-31", "2023-10-31", True), ("2023-11-05", "2023-11-05", True)),
    ("next month", "2023-12-20/2024-01-10", ("2024-02-01", "2024-02-29", False), ("2023-12-01", "2023-12-31", False)),
    ("明年3月", "2023-12-20/2024-01-10", ("2025-03-01", "2025-03-31", False), ("2023-03-01", "2023-03-31", False)),
    ("去年", "2023-12-20/2024-01-10", ("2022-01-01", "2022-12-31", False), ("2021-01-01", "2021-12-31", False)),
]


@pytest.mark.parametrize(("words", "published", "means", "not_means"), CASES, ids=[c[0] for c in CASES])
def test_words_read_back_to_their_period(
    words: str, published: str, means: tuple[str, str, bool], not_means: tuple[str, str, bool]
) -> None:
    reading = read_shipped(words, published)
    assert reading.why is None, reading.why
    assert reading.admits(D(means[0]), D(means[1]), means[2]), reading.describe()
    assert not reading.admits(D(not_means[0]), D(not_means[1]), not_means[2]), reading.describe()


def test_a_flow_span_is_no_stock_and_a_date_no_span() -> None:
    year = read_shipped("2021年", "2022-02-10")
    assert not year.admits(D("2021-01-01"), D("2021-12-31"), stock=True)
    assert not read_shipped("2019年末", "2020-03-01").admits(D("2019-01-01"), D("2019-12-31"), stock=False)


def test_traditional_script_and_full_width_digits_read_alike() -> None:
    assert read_shipped("２０２１年上半年", "2021-08-01").admits(D("2021-01-01"), D("2021-06-30"), False)
    assert read_shipped("去年 … 過去三天", "2017-12-05").why is None


@pytest.mark.parametrize(
    ("words", "published", "why"),
    [
        ("本届大会", "2015-12-16", "no dating word known in '本届大会'"),
        ("the first WIC", "2014-11-24", "no dating word known in 'the first wic'"),
        ("目前", "", "relative words, but the text has no date"),
        ("这九年", "2022-11-12", "a length, but no year or date to anchor it"),
        ("", "2022-11-12", "no words"),
        ("2月30日 … 2021年", "2021-03-01", "day is out of range for month"),
    ],
)
def test_words_it_cannot_read_say_why(words: str, published: str, why: str) -> None:
    assert read_shipped(words, published).why == why


def test_sub_year_and_whole_year_words_are_marked() -> None:
    assert read_shipped("2021年 … 上半年", "2021-08-01").sub_year
    assert read_shipped("1-6月", "2021-08-01").sub_year
    assert not read_shipped("2021年", "2022-08-01").sub_year
    assert read_shipped("2021年 … 全年", "2022-02-10").whole_year


@given(st.integers(1990, 2040), st.integers(1, 12))
def test_any_year_and_month_read_back(year: int, month: int) -> None:
    published = f"{year + 1}-03-01"
    assert read_shipped(f"{year}年", published).admits(date(year, 1, 1), date(year, 12, 31), False)
    reading = read_shipped(f"{year}年{month}月", published)
    first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    assert reading.admits(first, last, False)
    assert not reading.admits(first, last - timedelta(days=1), False)
    assert not reading.admits(date(year, 1, 1), date(year, 12, 31), False)


@given(st.text(max_size=30), st.sampled_from(["2021", "2021-03", "2021-03-04", "", "2021-02-30"]))
def test_any_text_is_read_or_refused_never_raises(words: str, published: str) -> None:
    reading = read_shipped(words, published)
    assert (reading.why is None) == bool(reading.periods)


@pytest.mark.parametrize(
    ("words", "published", "why"),
    [
        ("下月", "2023", "a month relative to the text's, in a text whose month is not known"),
        ("本月", "2023-01-20/2023-04-10", "a month relative to the text's, in a text whose month is not known"),
        ("上月", None, "relative words, but the text has no date"),
        ("2022年上月", "2023-11-05", "a relative month beside a year or a month of its own"),
    ],
)
def test_a_relative_month_needs_the_texts_month(words: str, published: str | None, why: str) -> None:
    reading = read_shipped(words, published)
    assert (reading.why, reading.periods) == (why, ())
    assert reading.sub_year  # a month's words, read or not: a full year is not written with them


def test_a_relative_month_bounds_a_text_like_any_month() -> None:
    """The readers of sources.written_after/before read relative months too: 'next month' in a text of November
    2023 that looks forward to the summit opening next month bounds it by 2023-12-01."""
    from tongxiang_digital_economy.text.passage_dates import first_days_named, last_days_bound

    assert first_days_named("上月", "2023-11", shipped_period_words()) == {D("2023-10-01")}
    assert last_days_bound("下个月,峰会将在乌镇举行", "2023-11", re.compile("举行"), shipped_period_words()) == {
        D("2023-12-01")
    }
