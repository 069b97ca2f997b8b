"""Trial 12 m7: `search 1347.1` found 9 rows and `search "1,347.1"` 1. A number query reads as a number however it
is written, and finds the cells writing that number in any way (use.search_numbers): end to end on the trial's
figure, and a property over every shipped value_text's number at the reading."""

from __future__ import annotations

from decimal import Decimal

import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_numbers import (
    NumberQuery,
    number_query,
    texts_writing,
    unit_shapes,
    with_unit,
)
from tongxiang_digital_economy.use.search_query import small_words

GDP_2024 = "txfgj-2025-04-23-plan-execution-report-2024-005"  # 1347.1亿元, Tongxiang's 2024 GDP


def rows(query: str) -> frozenset[tuple[str, str]]:
    found = tde.search(query)
    return frozenset(zip(found["table"], found["key"], strict=True))


def test_the_number_written_four_ways_finds_the_same_nine_rows() -> None:
    found = {query: rows(query) for query in ("1347.1", "1,347.1", "1347.10", "1,347.1亿")}
    assert len(set(found.values())) == 1, {q: len(r) for q, r in found.items()}
    assert len(found["1347.1"]) == 9
    assert ("indicators", GDP_2024) in found["1,347.1"]


def test_a_unit_written_with_the_number_keeps_to_that_unit() -> None:
    """1347.1亿 is a number of 亿元 (or 亿): a text writing the number with another unit is not its."""
    package = searched()
    units = package.frames["units"]
    read = number_query("1,347.1亿", units)
    assert read is not None and read.value == 1347.1 and {"yi_yuan", "yi"} <= read.units
    assert number_query("2024年", units, small_words(package.frames).year_words) is None  # a year, read as such
    assert number_query("40多", units) is None  # no unit's written form
    texts = package.texts
    assert all("1347.1" in texts[n] or "1,347.1" in texts[n] for n in texts_writing(read, package))
    assert texts_writing(NumberQuery(1347.1, frozenset({"wan_yuan"}), frozenset({"#万元"})), package) == []


def test_every_shipped_value_text_read_as_a_number_is_its_figures_value_in_any_writing() -> None:
    """A property over every shipped figure: its value_text, when it is one number and a unit's written form
    (1,347.1亿, 12%), reads as the figure's value and unit; and the value written plain, with its thousands
    grouped, or with a trailing zero reads as the same number."""
    figures = tde.load("indicators")
    units = tde.load("units")
    wrong, read_as_number = [], 0
    for key, text, value, unit in zip(
        figures["observation_id"], figures["value_text"], figures["value"], figures["unit"], strict=True
    ):
        read = number_query(str(text), units)
        if read is not None:
            read_as_number += 1
            if read.value != value or (read.units and unit not in read.units):
                wrong.append((key, text))
        plain = f"{float(value):.15g}"
        grouped = f"{float(value):,.15g}" if abs(value) >= 1000 else plain
        zero = f"{plain}0" if "." in plain else f"{plain}.0"
        if {q: number_query(q, units) for q in (plain, grouped, zero)} != dict.fromkeys(
            (plain, grouped, zero),
            NumberQuery(float(value), signed=float(value) < 0),  # a negative writes its sign
        ):
            wrong.append((key, plain))
    assert wrong == []
    assert read_as_number == 279  # of 786: the others write words or two numbers (40多, 3至5, 第二届)


@pytest.mark.parametrize("query", ["1,2345", "5g", "2,5"])
def test_digits_that_are_no_one_number_are_words(query: str) -> None:
    assert number_query(query) is None


def test_a_number_is_found_whole_never_as_the_start_of_a_longer_number() -> None:
    """Trial 15 m12: `search 1200` found the summit's 近12000人次 guests, `search 134` the 1347.1亿元 GDP and `search
    -- -4.6` the 4.6 million tons of capacity: a number query matched the cells' words by their start, as a word
    does. A number is found only as a number (texts_writing), with its sign."""
    assert not {key for _, key in rows("1200") if "12000-guests" in key}
    assert rows("1,200") <= rows("1200")
    assert rows("134") == frozenset()
    negative = tde.search("-4.6")
    assert list(zip(negative["column"], negative["text"], strict=True)) == [("value", "-4.6 (下降4.6%)")]
    assert "4.6 million tons" in set(tde.search("4.6")["text"])


def test_a_percent_sign_in_prose_is_no_url_escape() -> None:
    """Review 13 R11: the digits of a URL's percent escape (%E6, %90) are no number, but only in a URL: in prose,
    50%3年 writes 3 years and 6%A股 writes 6 percent. The shipped source URL with escapes still writes no 6%."""
    shapes = unit_shapes(searched().frames["units"])
    years, percent = shapes["year_duration"], shapes["percent"]
    assert with_unit("占比50%3年来", Decimal(3), years)
    # a URL elsewhere in the sentence (no space between in Chinese prose) is not the number's (review 14 R3)
    assert with_unit("来源：https://x.cn/a。占比50%3年来", Decimal(3), years)
    assert with_unit("占比50%3年来，详见%E6%A1%90", Decimal(3), years)
    assert with_unit("增长6%A股", Decimal(6), percent)
    assert not with_unit("https://wiki.matr1x.workers.dev/wiki/%E6%A1%90%E9%84%89%E5%B8%82", Decimal(6), percent)
    assert not with_unit("见 https://x.cn/a%E3年 一文", Decimal(3), years)  # one escape, in a URL
