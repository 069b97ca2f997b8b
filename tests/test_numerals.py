"""Tests for tongxiang_digital_economy.text.numerals: every number a passage states, and states_value."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tongxiang_digital_economy.text.numerals import numbers_in, states_value


def _strs(text: str) -> list[str]:
    """numbers_in as strings, so a table can say "37.73" and check the written precision too."""
    return [str(number) for number in numbers_in(text)]


ARABIC = [
    ("1,890 firms", ["1890"]),
    ("a total of 2,507 4G base stations", ["2507", "4"]),
    ("37.73 billion yuan", ["37.73"]),
    ("up 81.8%", ["81.8"]),
    ("grew 5.1 per cent.", ["5.1"]),
    ("85176 visitors", ["85176"]),
    ("2014-23", ["2014", "23"]),
    ("$3.77", ["3.77"]),
    ("US$5.41", ["5.41"]),
    ("USD 300", ["300"]),
    ("RMB 47.4", ["47.4"]),
    ("1,890.50", ["1890.50"]),
    ("3.50", ["3.50"]),
]

FULL_WIDTH = [
    ("１２３家", ["123"]),
    ("１，２３４家", ["1234"]),
    ("３７．７３亿元", ["37.73"]),
    ("37．73", ["37.73"]),
    ("增长12，134家企业", ["12", "134"]),  # after ASCII digits "，" is the clause comma
]

SEPARATORS = [
    ("12, 13", ["12", "13"]),
    ("1,89", ["1", "89"]),
    ("1,2345", ["1", "2345"]),
    ("12345,678", ["12345", "678"]),
    ("1∶3", ["1", "3"]),
]

GLUED = [
    ("4G", ["4"]),
    ("5G", ["5"]),
    ("25th among", ["25"]),
    ("60PB", ["60"]),
    ("COVID-19", ["19"]),
    ("G-20", ["20"]),  # a hyphen after a letter, before a whole number: a name
    ("ChatGPT-3.5发布", ["3.5"]),  # a version: a hyphen after a letter is never a minus (review 2, F12)
    ("GPT-3.5 and Qwen-2.5", ["3.5", "2.5"]),
    ("Today's Change-0.12 / -0.11%", ["0.12", "-0.11"]),  # a label run into its value reads unsigned: a known limit
]

SIGNS = [
    ("-4.4", ["-4.4"]),
    ("fell by -4.4%", ["-4.4"]),
    ("(−4.4%)", ["-4.4"]),
    ("增长-4.4%", ["-4.4"]),
    ("2014-2023", ["2014", "2023"]),
    ("2014 -23", ["2014", "23"]),
]

ENGLISH = [
    ("Zero", ["0"]),
    ("three cities", ["3"]),
    ("nineteen", ["19"]),
    ("ninety", ["90"]),
    ("twenty-five", ["25"]),
    ("twenty five", ["25"]),
    ("one hundred and twenty", ["120"]),
    ("One Hundred Twenty", ["120"]),
    ("two thousand five hundred", ["2500"]),
    ("one thousand and five", ["1005"]),
    ("one hundred thousand", ["100000"]),
    ("nineteen hundred", ["1900"]),
    ("a dozen", ["12"]),
    ("a hundred", ["100"]),
    ("ranked second", ["2"]),
    ("the first time", ["1"]),
    ("tenth", ["10"]),
    ("twentieth", ["20"]),
    ("twenty-first", ["21"]),
    ("one, two, three", ["1", "2", "3"]),
    ("one hundred and the rest", ["100"]),
    ("five million", ["5"]),
]

ENGLISH_NOT_NUMBERS = [
    "once",
    "twice",
    "half",
    "someone often tends to attend",
    "hundreds of firms",
    "thousands",
    "the thousand-year town",
    "dozens",
    "a billion",
]

CHINESE = [
    ("三", ["3"]),
    ("十", ["10"]),
    ("十二", ["12"]),
    ("二十", ["20"]),
    ("两千", ["2000"]),
    ("兩千", ["2000"]),
    ("一百二十", ["120"]),
    ("一百零五", ["105"]),
    ("三万五千", ["35000"]),
    ("三亿五千万", ["350000000"]),
    ("一万亿", ["1"]),  # a trailing 万亿 is a scale, as in 1万亿: one written value, one reading
    ("两万亿元", ["2"]),
    ("第二", ["2"]),
    ("一千三百多", ["1300"]),
    ("一千年", ["1000"]),
    ("一个", ["1"]),
    ("壹仟贰佰叁拾肆", ["1234"]),
    ("貳萬", ["2"]),  # a trailing 万/亿 is a scale (a unit), as after Arabic digits
    ("陸億", ["6"]),
    ("三千万元", ["3000"]),
    ("一万五", ["15000"]),
    ("三千五", ["3500"]),
    ("一百五", ["150"]),
    ("十五", ["15"]),
    ("二〇二三年", ["2023"]),
    ("一九九八年", ["1998"]),
    ("一二三产业", ["1", "2", "3"]),
]

# Pinned after the review: names and vague magnitudes are no figures, a scale is never a second number.
NAMES_AND_SCALES = [
    ("“十四五”时期", ["4", "5"]),  # the 14th Five-Year Plan: never 15
    ("“十三五”以来", ["3", "5"]),
    ("3万多家", ["3"]),  # 万 is the scale of 3, never also 10000
    ("1.2万多", ["1.2"]),
    ("数十亿元", []),  # "several billion": no figure
    ("几百家", []),
    ("三点五", ["3.5"]),
    ("零点五", ["0.5"]),
    ("百分之五十点五", ["50.5"]),
    ("负4.4%", ["4.4"]),  # the sign word is read by quantities.read, with the lexicon
]

SCALE_AFTER_DIGITS = [
    ("接近165亿元", ["165"]),
    ("1.2万", ["1.2"]),
    ("6000多万元", ["6000"]),
    ("18億億次", ["18"]),
    ("5千", ["5"]),
    ("20十", ["20"]),
]

CHINESE_NOT_NUMBERS = ["千年水乡", "万众创新", "亿万", "百姓", "数字经济"]

MIXED = [
    ("2443家", ["2443"]),
    ("72小时", ["72"]),
    ("第24位", ["24"]),
    ("8倍多", ["8"]),
    ("1700余家", ["1700"]),
    ("2023年全市数字经济核心产业增加值达到165亿元，增长12.3%", ["2023", "165", "12.3"]),
    ("ranked 3rd among twenty-five cities in 2,507 trials", ["3", "25", "2507"]),
    ("乌镇第十届世界互联网大会，3万人参加", ["10", "3"]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    ARABIC + FULL_WIDTH + SEPARATORS + GLUED + SIGNS + ENGLISH + CHINESE + SCALE_AFTER_DIGITS + MIXED,
)
def test_numbers_in(text: str, expected: list[str]) -> None:
    assert _strs(text) == expected


@pytest.mark.parametrize("text", ENGLISH_NOT_NUMBERS + CHINESE_NOT_NUMBERS + ["", "no digits here"])
def test_no_numbers(text: str) -> None:
    assert numbers_in(text) == []


def test_decimals_are_exact() -> None:
    assert numbers_in("37.73") == [Decimal("37.73")]
    assert numbers_in("37.73")[0].as_tuple().exponent == -2
    assert numbers_in("1,890") == [Decimal("1890")]
    assert str(numbers_in("1,890")[0]) == "1890"


STATES = [
    ("a total of 2,507 4G base stations", "2507", True),
    ("a total of 2,507 4G base stations", "4", True),
    ("a total of 2,507 4G base stations", "250", False),
    ("a total of 2,507 4G base stations", "2", False),
    ("ranked second in the province", 2, True),
    ("25th among the top 100 counties", "25", True),
    ("25th among the top 100 counties", "100", True),
    ("接近165亿元", "165", True),
    ("接近165亿元", "16500000000", False),
    ("1700余家", "1700", True),
    ("1700余家", "17", False),
    ("37.73 billion yuan", 37.73, True),
    ("37.73 billion yuan", "37.730", True),
    ("37.73 billion yuan", Decimal("37.73"), True),
    ("37.73 billion yuan", 37.7, False),
    ("37.73 billion yuan", "37730000000", False),
    ("1,890 firms", "1,890", True),
    ("1,890 firms", 1890.0, True),
    ("下降-4.4%", "-4.4", True),
    ("下降-4.4%", "4.4", False),
    ("一万亿元", "1", True),
    ("1万亿元", "1", True),
    ("一万亿元", "1000000000000", False),
    ("ChatGPT-3.5", "3.5", True),
    ("ChatGPT-3.5", "-3.5", False),
    ("三万五千人", 35000, True),
    ("千年水乡", 1000, False),
    ("nothing stated", 0, False),
]


@pytest.mark.parametrize(("text", "expected"), NAMES_AND_SCALES)
def test_names_vague_magnitudes_and_scales(text: str, expected: list[str]) -> None:
    assert _strs(text) == expected


@pytest.mark.parametrize(("text", "value", "expected"), STATES)
def test_states_value(text: str, value: Decimal | str | float, expected: bool) -> None:
    assert states_value(text, value) is expected


def test_float_goes_through_repr_not_binary() -> None:
    # Decimal(37.73) would be 37.72999999999999687361196265555918216705322265625.
    assert states_value("37.73 billion", 37.73)
    assert states_value("0.1 percentage points", 0.1)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), Decimal("NaN")])
def test_non_finite_value_is_never_stated(value: Decimal | float) -> None:
    assert states_value("nan inf 1", value) is False


@pytest.mark.parametrize("value", ["abc", "", True])
def test_non_number_value_raises(value: str | bool) -> None:
    with pytest.raises(ValueError):
        states_value("1", value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("桐乡拥有汽车整车及配套企业近百家", [Decimal(100)]),
        ("上千家企业", [Decimal(1000)]),
        ("百余家企业", [Decimal(100)]),
        ("三百余家", [Decimal(300)]),
        ("千年水乡", []),
        ("故鄉烏鎮的千年曆史", []),
    ],
)
def test_round_hundreds_and_thousands_marked_as_approximate(text: str, expected: list[Decimal]) -> None:
    assert numbers_in(text) == expected
