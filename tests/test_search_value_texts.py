"""A subject and a figure's value as its value_text writes it (scripts/search-recall --scaled, "as written": 131 of
786 said "no rows mention"): sign words, Chinese and English numerals, ordinals and 翻番, read by the package's own
quantity reader and the lexicon (use.search_value_texts), on the shipped package."""

from __future__ import annotations

import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_lexicon import small_words
from tongxiang_digital_economy.use.search_value_texts import value_as_written

BULLETIN = "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021"
PLAN_REPORT = "txfgj-2025-04-23-plan-execution-report-2024"
ZHU = "zqcn-2019-09-17-zhu-weiqiang-digital-economy-ip"


def figures_found(query: str) -> set[str]:
    found = tde.search(query)
    return set(found.loc[found["table"] == "indicators", "key"])


@pytest.mark.parametrize(
    ("query", "figures"),
    [
        ("Tongxiang 增长4.7%", {f"{BULLETIN}-003"}),  # a growth word before the number (sign_gap)
        ("Tongxiang 下降4.6%", {f"{PLAN_REPORT}-007"}),  # a sign word: -4.6
        ("Tongxiang 增长6.5%左右", {f"{PLAN_REPORT}-011"}),  # and a qualifier after it
        ("Tongxiang 约为24938美元", {f"{BULLETIN}-020"}),  # a particle (为) between the qualifier and the number
        ("Tongxiang 翻番", {f"{ZHU}-017", f"{ZHU}-018", f"{ZHU}-019"}),  # the lexicon's reads_as: 2倍
        ("“Light of the Internet” Expo 增长三成", {"hznews-2019-10-23-sixth-wic-closes-1500-guests-009"}),  # 3成
        ("Tongxiang 第24位", {"txgov-2023-02-tongxiang-basic-profile-011"}),  # an ordinal: a place, 24
        ("Tongkun Group 362nd", {"sjfzxm-2018-tongkun-from-breaking-shell-to-giant-009"}),
    ],
)
def test_a_subject_and_its_figures_value_text_find_the_figure(query: str, figures: set[str]) -> None:
    assert figures_found(query) == figures


def test_a_chinese_and_an_english_numeral_find_the_same_figures() -> None:
    """三天 and "three days" are 3 days: the conference's editions of three days, and no other of its figures."""
    three_days = {
        "agustinmoreno-2016-11-18-third-wic-closes-1600-guests-002",
        "bjreview-2014-11-27-an-internet-davos-002",
        "chinanews-tellerreport-2021-09-28-wuzhen-summit-2021-closes-001",
        "cztv-fangtan-2017-12-05-fourth-wic-13bn-signed-009",
        "hznews-2019-10-23-sixth-wic-closes-1500-guests-001",
        "peoplesdaily-wxrb-2022-11-12-wuzhen-summit-2022-2100-guests-001",
        "scholarmate-2017-12-fourth-wic-1500-guests-abstract-004",
        "vtrackmedia-2017-12-05-fourth-wic-closes-outcomes-001",
        "xinhua-ecns-2014-11-20-first-wic-opens-wuzhen-002",
        "xinhua-handmsg-2016-01-second-wic-closes-2000-guests-001",
        "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international-001",
    }
    assert figures_found("World Internet Conference 三天") == three_days
    assert figures_found("World Internet Conference three days") == three_days


def test_the_reader_takes_only_a_value_it_knows_every_word_of() -> None:
    """The sign and the unit read as the validator reads the value_text; a word no unit or lexicon row holds (赛区)
    and a ratio's several numbers are no value, so such a query is read as words, as before."""
    frames = searched(None).frames
    small = small_words(frames)

    def reading(text: str) -> tuple[float, frozenset[str], bool] | None:
        read = value_as_written(text, frames, small)
        return None if read is None else (read.value, read.units, read.signed)

    assert reading("下降4.6%") == (-4.6, frozenset({"percent"}), True)
    assert reading("三天") == (3.0, frozenset({"day"}), False)
    assert reading("第24位") == (24.0, frozenset({"rank"}), False)  # a place: the units table's rank dimension
    assert reading("翻番") == (2.0, frozenset({"times"}), False)
    assert reading("12个赛区") is None
    assert reading("2.3:49.4:48.3") is None


@pytest.mark.parametrize("query", ["Tongxiang 第1", "Tongxiang 1st", "Tongxiang 第一"])
def test_an_ordinal_finds_the_places_only(query: str) -> None:
    """Review 16 R7: 第1 read as the bare number 1 found 53 cells (37 rows): every figure of 1 (一天, 首屆) and every
    text writing one ("One of Tongxiang's automotive ..."). A place is a figure in the units that hold places (the
    units table's rank dimension), and no text by its bare number: Tongxiang's five first places."""
    found = tde.search(query)
    assert list(zip(found["table"], found["key"], found["column"], strict=True)) == [
        ("indicators", "cztv-kankanews-2021-09-25-light-of-wuzhen-273-days-003", "evidence"),
        ("indicators", "cztv-kankanews-2021-09-25-light-of-wuzhen-273-days-003", "value"),
        ("indicators", "txgov-2023-02-tongxiang-basic-profile-007", "subject_text"),
        ("indicators", "txgov-2023-02-tongxiang-basic-profile-007", "value"),
        ("indicators", "txgov-2023-02-tongxiang-basic-profile-008", "subject_text"),
        ("indicators", "txgov-2023-02-tongxiang-basic-profile-008", "value"),
        ("indicators", f"{ZHU}-020", "attributed_to"),
        ("indicators", f"{ZHU}-020", "note"),
        ("indicators", f"{ZHU}-020", "value"),
        ("indicators", "kczg-2021-09-16-wuzhen-zhiqing-intelligent-driving-park-005", "note"),
        ("indicators", "kczg-2021-09-16-wuzhen-zhiqing-intelligent-driving-park-005", "value"),
    ]
    figures = searched(None).frames["indicators"].set_index("observation_id")
    assert set(figures.loc[list(figures_found(query)), "unit"]) == {"rank"}
