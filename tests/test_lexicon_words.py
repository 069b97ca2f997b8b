"""Word lists the rules read are the lexicon's, not the code's: conversion words (折合), the words allowed between a
sign word and its number (了, 增长, by), the words that make a place one a figure lies outside of (outside, 以外),
the words that date a paragraph (今年, 过去, #月), and those that make a date a text's own (电, 'today (') or an
event's in a since-phrase (自从 … 开始, 来自 opening none), the period reader's words of the text's own day (目前,
近日) and of parts of a year (上半年, H1, quarter, 全年), the clause reader's (这一数字, 分别, 去年; the list words
和, and; the item breaks 'and a', while) and the endings of an English participle (has attracted). Each test shows
the reading change on a copy's lexicon without its words (one copy lacks them all): a shipped row that reads clean
with the shipped words is caught on its row once its words are gone."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import PackageCopy, copy_package, found

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics.rules.period_quotes import dated, dating_pattern, in_paragraph
from tongxiang_digital_economy.semantics.status_scope import reached_in
from tongxiang_digital_economy.text.clause_words import ClauseWords
from tongxiang_digital_economy.text.clauses import attach
from tongxiang_digital_economy.text.own_dates import OwnDateWords, holds_a_since_phrase, own_dates_written
from tongxiang_digital_economy.text.period_lexicon import PeriodWords
from tongxiang_digital_economy.text.period_words import read_period
from tongxiang_digital_economy.text.quantities import Lexicon, read, written_forms

# category -> (terms dropped, a shipped row that needs them, the rule that then fires on it)
NEEDED = {
    # 按平均汇率计算折合约为24938美元: without 折合 (and 合), 160887元 stands between 人均生产总值 and the quote
    "converted": (("折合", "合"), "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-020", "which-figure"),
    # 用工却减少了三分之一 (-1/3): without 了, the sign word 减少 no longer bears on its number
    "sign_gap": (("了",), "qjwb-txnews-2017-11-21-tongxiang-information-industry-006", "value-text-number"),
    # Domestic investment outside Tongxiang reached 187,000 yuan (the zone's figure): without `outside`, Tongxiang
    # is a second place beside the quote
    "not_subject": (("outside",), "chinadaily-govt-2017-12-27-tongxiang-edz-009", "subject-other-place"),
    # 2022 H1 (the Jan-Jun visitors): without `h1` the half year is written with no half-year word the lexicon lists
    "year_part_word": (("h1",), "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-007", "period-length-words"),
    # 到了2020年,這一數字增長到了2443家: without 这一数字 nothing stands for the indicator's words beside the quote
    "anaphora": (("这一数字",), "zjdaily-peoplecn-2021-09-27-wu-shuzi-bu-tongxiang-002", "which-figure"),
    # 门票收入…,同比分别增长29.05%和30.81%: without 分别, 29.05% stands between the words and the second figure
    "parallel_word": (("分别",), "chinanews-bankipay-2015-02-28-tongxiang-spring-festival-tourism-009", "which-figure"),
}


def row_of(package: PackageCopy, observation_id: str) -> int:
    """The CSV row number of an indicators row."""
    return 2 + [r["observation_id"] for r in package.rows("indicators")].index(observation_id)


# Every term a test below drops, by category: NEEDED's and the dateline's 电 and the since-phrase's 开始.
DROPPED = {category: terms for category, (terms, _o, _r) in NEEDED.items()} | {
    "own_date_word": ("电",),
    "since_word": ("开始",),
}


@pytest.fixture(scope="module")
def stripped(tmp_path_factory: pytest.TempPathFactory) -> tuple[PackageCopy, Report]:
    """One copy whose lexicon lacks every term of DROPPED, checked once: (the copy, its report).

    Why: a copy with an edited lexicon is read afresh by every rule (its words change every reading), the costliest
    check there is; one copy without all the terms answers for each test, since each asserts the one rule that reads
    its terms on its own rows (and the two exact ones, that the rule fires on those rows only, hold with every
    term gone: no dropped word is read by another test's rule on another's row). The rows of MOVED are moved off
    the days their words name and their words dropped too (test_rows_dated_by_the_period_readers_words_are_held_to_
    them_while_the_lexicon_lists_them)."""
    package = copy_package(tmp_path_factory.mktemp("stripped") / "package")
    lexicon = package.rows("lexicon")
    moved = {(category, term) for _days, category, term in MOVED.values()}
    kept = [
        r
        for r in lexicon
        if r["term"] not in DROPPED.get(r["category"], ()) and (r["category"], r["term"]) not in moved
    ]
    assert len(kept) == len(lexicon) - sum(map(len, DROPPED.values())) - len(moved), "each term is the lexicon's"
    package.write("lexicon", kept, stamp=False)
    for observation, ((start, end), _category, _term) in MOVED.items():
        package.edit("indicators", row_of(package, observation), stamp=False, period_start=start, period_end=end)
    tde.stamp(package.root)
    return package, package.semantics()


@pytest.mark.parametrize("category", sorted(NEEDED))
def test_a_copy_without_the_lexicons_words_reads_its_rows_without_them(
    stripped: tuple[PackageCopy, Report], shipped_report: Report, category: str
) -> None:
    _terms, observation, rule = NEEDED[category]
    package, report = stripped
    row = row_of(package, observation)
    # The copy is the shipped package but for its lexicon: the session's report of the package says it reads clean.
    assert ("indicators", row) not in {(t, r) for t, r, _f in found(shipped_report, rule)}, "clean as shipped"
    assert row in [r for t, r, _f in found(report, rule) if t == "indicators"]


def lexicon_frame(drop: tuple[str, str] | None = None, add: tuple[str, str, str] | None = None) -> pd.DataFrame:
    """The shipped lexicon, without one (term, category) or with one (term, category, meaning) added."""
    frame = tde.load("lexicon").astype(object)
    if drop is not None:
        frame = frame[~((frame["term"] == drop[0]) & (frame["category"] == drop[1]))]
    if add is not None:
        extra = {"term": add[0], "language": "zh", "category": add[1], "meaning": add[2], "note": None}
        frame = pd.concat([frame, pd.DataFrame([extra])], ignore_index=True)
    return frame


def test_a_sign_gap_word_added_to_the_lexicon_lets_the_sign_bear_on_its_number() -> None:
    """下降幅度为4% reads 4 (幅度 is no word the lexicon allows between 下降 and its number: 减税降费50亿元 must not be
    negated) until a copy's lexicon lists 幅度 as a `sign_gap` word; without 为, 下降为4% reads 4 too."""
    shipped = Lexicon.from_frame(lexicon_frame())
    assert [str(n) for n in read("下降幅度为4%", shipped).numbers] == ["4"]
    assert [str(n) for n in read("下降为4%", shipped).numbers] == ["-4"]
    widened = Lexicon.from_frame(lexicon_frame(add=("幅度", "sign_gap", "between")))
    assert [str(n) for n in read("下降幅度为4%", widened).numbers] == ["-4"]
    narrowed = Lexicon.from_frame(lexicon_frame(drop=("为", "sign_gap")))
    assert [str(n) for n in read("下降为4%", narrowed).numbers] == ["4"]


# A text whose only paragraph dating the evidence's figure dates it by a word, not a year (过去三天).
DATED_BY_A_WORD = "\n".join(
    [
        "大会闭幕",  # the title
        # the lead: the first paragraph of sentences after the title, over 60 characters
        "本次大会在乌镇闭幕,来自多个国家和地区的嘉宾参加了大会的各项活动,大会期间举办了多场分论坛和展览活动。",
        "过去三天,大会举办了多场论坛和发布活动。",  # the nearest dated paragraph before the evidence
        "本届大会发布了两本蓝皮书。",  # the evidence's paragraph
    ]
)


def test_the_lexicons_dating_words_say_which_paragraph_dates_a_figure() -> None:
    """过去三天 is context of the evidence while the lexicon lists 过去 as a dating word (its paragraph is then the
    nearest dated one before the evidence); a copy without 过去 reads no dated paragraph there. 连续三天 dates
    nothing until a copy adds 连续#天 (`#` a day's number)."""

    def context(text: str, frame: pd.DataFrame, words: list[str]) -> bool:
        dating = dating_pattern(Lexicon.from_frame(frame).alternation("dating_word"))
        return in_paragraph(text, "本届大会发布了两本蓝皮书", words, None, dating)

    assert context(DATED_BY_A_WORD, lexicon_frame(), ["过去三天"])
    assert not context(DATED_BY_A_WORD, lexicon_frame(drop=("过去", "dating_word")), ["过去三天"])
    running = DATED_BY_A_WORD.replace("过去三天", "连续三天")
    assert not context(running, lexicon_frame(), ["连续三天"])
    assert context(running, lexicon_frame(add=("连续#天", "dating_word", "dated")), ["连续三天"])


def dates_with(line: str, frame: pd.DataFrame) -> bool:
    return dated(line, dating_pattern(Lexicon.from_frame(frame).alternation("dating_word")))


@pytest.mark.parametrize(
    ("line", "term"),
    [
        ("Over the past four years, the town grew.", "past # years"),  # review 6 F7: no term listed "four"
        ("In the past six months, exports rose.", "past # months"),
        ("The zone has grown over the past 20 years.", "past # years"),
        ("Sales rose in the past ten days.", "past # days"),
    ],
)
def test_past_n_units_dates_a_paragraph_by_pattern(line: str, term: str) -> None:
    """ "past # years" (`#` a number in digits or an English word) dates a paragraph whatever the number; the term
    is the lexicon's: without it, the line dates nothing."""
    assert dates_with(line, lexicon_frame())
    assert not dates_with(line, lexicon_frame(drop=(term, "dating_word")))


@pytest.mark.parametrize("line", ["The past masters of the craft", "The pastime of the town", "It may one day grow"])
def test_words_near_past_that_name_no_span_date_nothing(line: str) -> None:
    assert not dates_with(line, lexicon_frame())


def source_row(package: PackageCopy, source_id: str) -> int:
    """The CSV row number of a sources row."""
    return 2 + [r["source_id"] for r in package.rows("sources")].index(source_id)


def own_words(frame: pd.DataFrame) -> OwnDateWords:
    return OwnDateWords.of(Lexicon.from_frame(frame))


def test_the_lexicons_dateline_words_say_a_date_is_the_texts_own(
    stripped: tuple[PackageCopy, Report], shipped_report: Report
) -> None:
    """新华社杭州11月10日电 states its text's date while the lexicon lists 电 as an `own_date_word` `dateline`; a copy
    without it reads no date of the text's own there, and `original-published-words` fires on the two sources whose
    original's date is quoted from a dateline ending in 电. 'Today (April 2)' needs the label `today (`."""
    assert own_dates_written("新华社杭州11月10日电", "2023-11-10", None, own_words(lexicon_frame())) == {
        date(2023, 11, 10)
    }
    assert (
        own_dates_written(
            "新华社杭州11月10日电", "2023-11-10", None, own_words(lexicon_frame(drop=("电", "own_date_word")))
        )
        == frozenset()
    )
    assert (
        own_dates_written(
            "Today (April 2)", "2024-04-16", None, own_words(lexicon_frame(drop=("today (", "own_date_word")))
        )
        == frozenset()
    )
    package, report = stripped
    xinhua = source_row(package, "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international")
    chinanews = source_row(package, "chinanews-bankipay-2015-02-28-tongxiang-spring-festival-tourism")
    assert not found(shipped_report, "original-published-words"), "clean as shipped"
    fired = sorted(r for t, r, _f in found(report, "original-published-words") if t == "sources")
    assert fired == sorted([xinhua, chinanews])


def test_the_lexicons_since_words_say_which_passage_speaks_from_after_a_start(
    stripped: tuple[PackageCopy, Report], shipped_report: Report
) -> None:
    """自…以来 is a since-phrase while the lexicon lists 以来 as a `since_word` `close`; 来自 (come from) holds 自 but
    opens none while it is listed as `not`. gxcasting's lead-in (自从…开始, the page's words over the 2014
    interview) is read as the later page's, so its first-WIC row is not held to the interview's last day; a copy
    without 开始 holds it there, and `period-after-open-original` fires on its row."""
    phrase = "自2014年首届世界互联网大会乌镇峰会举办以来"
    assert holds_a_since_phrase(phrase, own_words(lexicon_frame()))
    assert not holds_a_since_phrase(phrase, own_words(lexicon_frame(drop=("以来", "since_word"))))
    guests = "来自120多个国家的嘉宾至今已到"
    assert not holds_a_since_phrase(guests, own_words(lexicon_frame()))
    assert holds_a_since_phrase(guests, own_words(lexicon_frame(drop=("来自", "since_word"))))
    package, report = stripped
    lead_in = row_of(package, "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-010")
    assert not found(shipped_report, "period-after-open-original"), "clean as shipped"
    assert found(report, "period-after-open-original") == [("indicators", lead_in, "period_end")]


def period_words(frame: pd.DataFrame) -> PeriodWords:
    return PeriodWords.of(Lexicon.from_frame(frame))


@pytest.mark.parametrize(
    ("term", "meaning", "words", "published", "day"),
    [
        ("目前", "now", "目前", "2021-12-10", date(2021, 12, 10)),
        ("currently", "now", "Currently", "2018-05-02", date(2018, 5, 2)),
        ("近日", "recent", "近日", "2021-11-23", date(2021, 11, 1)),  # a few weeks before the text
        ("recently", "recent", "recently", "2020-12-31", date(2020, 12, 1)),
    ],
)
def test_the_lexicons_now_words_date_a_figure_at_its_texts_day(
    term: str, meaning: str, words: str, published: str, day: date
) -> None:
    """目前, currently (`now_word` `now`) read as the text's own day, 近日, recently (`recent`) as a few weeks before
    it, while the lexicon lists them; a lexicon without the word leaves the words unread, and a word a copy adds
    (时下, these days) reads as the words it is listed beside."""
    assert read_period(words, published, period_words(lexicon_frame())).admits(day, day, stock=True)
    unread = read_period(words, published, period_words(lexicon_frame(drop=(term, "now_word"))))
    assert unread.why == f"no dating word known in {words.casefold()!r}"
    assert read_period("时下", published, period_words(lexicon_frame())).why is not None
    added = period_words(lexicon_frame(add=("时下", "now_word", meaning)))
    assert read_period("时下", published, added).admits(day, day, stock=True)


# A row dated by a word of the text's own day or of a whole year, moved off it, and the words it is dated by.
MOVED = {
    # 目前 2700多家 in a text of 2021-12-10, moved a year earlier
    "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-003": (
        ("2020-12-10",) * 2,
        "now_word",
        "目前",
    ),
    # 近日 in a text of 2021-11-23, moved a year earlier
    "jxdaily-zjol-2021-11-23-tongxiang-94-major-projects-54bn-001": (("2020-11-23",) * 2, "now_word", "近日"),
    # the bulletin's 2021年 … 全年 cut to a half year
    "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-034": (
        ("2021-01-01", "2021-06-30"),
        "year_part_word",
        "全年",
    ),
}


def test_rows_dated_by_the_period_readers_words_are_held_to_them_while_the_lexicon_lists_them(
    package: PackageCopy, stripped: tuple[PackageCopy, Report]
) -> None:
    """A figure dated 目前 or 近日 (`now_word`) moved off its text's day, and one dated 2021年 … 全年
    (`year_part_word` `whole`) cut to a half year, are caught by `period-text-mismatch` on their rows; in a copy
    with the same rows moved and a lexicon that does not list the words (the stripped copy) they are unread, and no
    period rule holds the rows to them."""
    rows = {}
    for observation, ((start, end), _category, _term) in MOVED.items():
        rows[observation] = row_of(package, observation)
        package.edit("indicators", rows[observation], period_start=start, period_end=end)
    mismatched = found(package.semantics(), "period-text-mismatch")
    assert [o for o, row in rows.items() if ("indicators", row, "period_start") not in mismatched] == []
    copy, report = stripped
    assert [(r["period_start"], r["period_end"]) for r in copy.rows("indicators")] == [
        (r["period_start"], r["period_end"]) for r in package.rows("indicators")
    ]
    held = set(found(report, "period-text-mismatch")) | set(found(report, "period-length-words"))
    assert [o for o, row in rows.items() if ("indicators", row, "period_start") in held] == []


def test_the_lexicons_year_part_words_say_a_period_is_shorter_than_a_year() -> None:
    """上半年, H1 and 22H1 (`#h1`, `#` a digit; `half`), quarter and Q3 (`quarter`) mark a period shorter than a year,
    全年 and annual (`whole`) a whole year, while the lexicon lists them; a word a copy adds (半财年) marks one too."""
    shipped = period_words(lexicon_frame())
    for words in ("2021年上半年", "2022 H1", "22H1", "in the first quarter", "2023 Q3"):
        assert read_period(words, "2023-11-01", shipped).sub_year, words
    assert not read_period("2021年", "2022-02-01", shipped).sub_year
    assert not read_period("2022 H12", "2023-01-01", shipped).sub_year  # H1 ends its number
    assert read_period("2021年 … 全年", "2022-02-10", shipped).whole_year
    assert not read_period("2022 H1", "2023-01-01", period_words(lexicon_frame(drop=("h1", "year_part_word")))).sub_year
    assert not read_period("22H1", "2023-01-01", period_words(lexicon_frame(drop=("#h1", "year_part_word")))).sub_year
    quarterless = period_words(lexicon_frame(drop=("quarter", "year_part_word")))
    assert not read_period("in the first quarter", "2024-04-16", quarterless).sub_year
    wholeless = period_words(lexicon_frame(drop=("全年", "year_part_word")))
    assert read_period("2021年 … 全年", "2022-02-10", wholeless).why == "no dating word known in '全年'"
    assert not read_period("2021年 半财年", "2022-02-10", shipped).sub_year
    assert read_period(
        "2021年 半财年", "2022-02-10", period_words(lexicon_frame(add=("半财年", "year_part_word", "half")))
    ).sub_year


def clause_words(frame: pd.DataFrame) -> ClauseWords:
    return ClauseWords.of(Lexicon.from_frame(frame))


def test_the_lexicons_clause_words_say_what_stands_between_a_figure_and_its_words() -> None:
    """A figure of a clause with other year words (去年 … 今年: `clause_year_word`) is another period's, not one
    between the indicator's words and the quote; 这一数字 (`anaphora`) stands for the indicator's words; 分别
    (`parallel_word`) pairs words and figures in order. Each while the lexicon lists it: a copy without the word
    reads the other figure as standing between, and a word a copy adds (该数据) is read as the ones beside it."""
    units = written_forms(tde.load("units"))

    def between(evidence: str, quote: str, forms: list[str], dimension: str, words: ClauseWords) -> str | None:
        found = attach(evidence, quote, forms, dimension, units, (), None, None, words)
        return None if found.attached else found.between

    shipped = clause_words(lexicon_frame())
    years = "营业收入去年为70亿元,今年为80亿元"
    assert between(years, "80亿元", ["营业收入"], "currency", shipped) is None
    assert (
        between(
            years, "80亿元", ["营业收入"], "currency", clause_words(lexicon_frame(drop=("去年", "clause_year_word")))
        )
        == "70"
    )
    pointed = "2014年数字经济企业只有300多家,到了2020年,这一数字增长到了2443家"
    assert between(pointed, "2443家", ["数字经济企业"], "count", shipped) is None
    assert (
        between(
            pointed, "2443家", ["数字经济企业"], "count", clause_words(lexicon_frame(drop=("这一数字", "anaphora")))
        )
        == "300"
    )
    added = "2014年数字经济企业只有300多家,到了2020年,该数据增长到了2443家"
    assert between(added, "2443家", ["数字经济企业"], "count", shipped) == "300"
    assert (
        between(
            added,
            "2443家",
            ["数字经济企业"],
            "count",
            clause_words(lexicon_frame(add=("该数据", "anaphora", "figure"))),
        )
        is None
    )
    paired = "乌镇景区接待游客37.48万人次,实现门票收入3020.55万元,同比分别增长29.05%和30.81%"
    assert between(paired, "30.81%", ["门票收入"], "percent", shipped) is None  # the second words, the second figure
    unpaired = clause_words(lexicon_frame(drop=("分别", "parallel_word")))
    assert between(paired, "30.81%", ["门票收入"], "percent", unpaired) == "29.05"


def test_the_lexicons_participle_endings_say_when_an_auxiliary_reports_a_figure_reached() -> None:
    """has attracted, has recently grown: an auxiliary (`reached_word` `auxiliary`) before a word ending in a
    `participle_ending` (ed, wn; an adverb's ly between) says a figure is reached; 'it has 20 sub-forums' does not.
    A copy without `ed` reads 'has attracted' as no participle; one that adds `lt` reads 'has built' as one."""
    shipped = Lexicon.from_frame(lexicon_frame())
    assert reached_in(shipped, "the zone has attracted 300 enterprises")
    assert reached_in(shipped, "the zone has recently grown to 300 enterprises")
    assert not reached_in(shipped, "the conference has 20 sub-forums")
    assert not reached_in(Lexicon.from_frame(lexicon_frame(drop=("ed", "participle_ending"))), "has attracted 300")
    assert not reached_in(Lexicon.from_frame(lexicon_frame(drop=("ly", "participle_ending"))), "has recently grown to")
    assert not reached_in(shipped, "the zone has built 300 plants")
    built = Lexicon.from_frame(lexicon_frame(add=("lt", "participle_ending", "participle")))
    assert reached_in(built, "the zone has built 300 plants")


def test_the_lexicons_list_words_part_the_items_of_a_list() -> None:
    """和 (`list_word`) parts 财政总收入 from 一般公共预算收入 as 、 would, so 分别 pairs each with its figure in order
    and 106亿元 is not 财政总收入's; 和 before 22个 makes it the next item of the list 10场 opens, so the words
    leading to the list (将举办: a status word) lead to it. A copy without the list words reads one item (the
    pairing is then not read and either figure passes) and leads to 22个 from 和 alone; a word a copy adds (并) is
    read as the ones beside it."""
    units = written_forms(tde.load("units"))
    shipped = clause_words(lexicon_frame())
    unlisted = clause_words(tde.load("lexicon").pipe(lambda f: f[f["category"] != "list_word"]))
    pair = "财政总收入和一般公共预算收入分别达到180亿元和106亿元"
    for quote, forms in (("106亿元", ["财政总收入"]), ("180亿元", ["一般公共预算收入"])):
        assert not attach(pair, quote, forms, "currency", units, (), None, None, shipped).attached
        assert attach(pair, quote, forms, "currency", units, (), None, None, unlisted).attached
    listed = "大会将举办10场论坛和22个议题"
    assert attach(listed, "22个", ["议题"], "count", units, (), None, None, shipped).lead == "大会将举办10场论坛和"
    assert attach(listed, "22个", ["议题"], "count", units, (), None, None, unlisted).lead == "场论坛和"
    joined = "大会将举办10场论坛并22个议题"
    assert attach(joined, "22个", ["议题"], "count", units, (), None, None, shipped).lead == "场论坛并"
    added = clause_words(lexicon_frame(add=("并", "list_word", "joins")))
    assert attach(joined, "22个", ["议题"], "count", units, (), None, None, added).lead == "大会将举办10场论坛并"


def test_the_lexicons_item_breaks_say_where_the_next_figures_words_begin() -> None:
    """'and a' (`item_break`) parts 'a revenue of 10 billion yuan' from 'a net profit of 2 billion yuan': the words
    after it open the next figure's item, so 10 billion is not the net profit. A copy without the item breaks reads
    'net profit' as the quote's own words; one without only 'and a' reads so too, and 'and its' still parts."""
    units = written_forms(tde.load("units"))
    text = "The company posted a revenue of 10 billion yuan and a net profit of 2 billion yuan"

    def reading(evidence: str, frame: pd.DataFrame) -> tuple[bool, str | None]:
        words = clause_words(frame)
        found = attach(evidence, "10 billion yuan", ["net profit"], "currency", units, (), None, None, words)
        return found.attached, found.between

    assert reading(text, lexicon_frame()) == (False, "2")
    assert reading(text, tde.load("lexicon").pipe(lambda f: f[f["category"] != "item_break"])) == (True, None)
    assert reading(text, lexicon_frame(drop=("and a", "item_break"))) == (True, None)
    its = text.replace("and a net", "and its net")
    assert reading(its, lexicon_frame(drop=("and a", "item_break"))) == (False, "2")


def test_the_lexicons_year_part_words_say_a_quotes_clause_is_of_part_of_a_year() -> None:
    """上半年 in the quote's clause (the lexicon's `year_part_word` `half`, the period reader's words) marks its figure
    as of less than a year (period-length-words reads it); a copy without 上半年 and 半年 reads no such words there,
    while a month of the calendar (1-6月) is read without the lexicon."""
    units = written_forms(tde.load("units"))

    def sub_year(evidence: str, frame: pd.DataFrame) -> bool:
        words = clause_words(frame)
        return attach(evidence, "100万人次", ["游客"], "count", units, (), None, None, words).sub_year_words

    half = "2022年上半年接待游客100万人次"
    assert sub_year(half, lexicon_frame())
    without = tde.load("lexicon").astype(object)
    without = without[~(without["term"].isin(["上半年", "半年"]) & (without["category"] == "year_part_word"))]
    assert not sub_year(half, without)
    assert sub_year("2022年1-6月接待游客100万人次", without)


def test_the_lexicons_comparison_words_say_a_year_is_a_base_not_a_date() -> None:
    """比2020年 (`comparison_word` 比) is the base a growth is measured from, not the figure's year: the year written
    with the quote is 2021; a copy without 比 reads 2020, the nearer year of the clause, as the figure's; 'over' read
    as one ('up 5% over 2019') is the same, and a word a copy adds (较之) is read as the ones beside it."""
    units = written_forms(tde.load("units"))

    def year(evidence: str, quote: str, frame: pd.DataFrame) -> tuple[int, int] | None:
        words = clause_words(frame)
        return attach(evidence, quote, ["地区生产总值"], "percent", units, (), None, None, words).year

    based = "2021年地区生产总值比2020年增长8.5%"
    assert year(based, "8.5%", lexicon_frame()) == (2021, 2021)
    assert year(based, "8.5%", lexicon_frame(drop=("比", "comparison_word"))) == (2020, 2020)
    added = "2021年地区生产总值较之2020年增长8.5%"
    assert year(added, "8.5%", lexicon_frame(drop=("较", "comparison_word"))) == (2020, 2020)
    assert year(added, "8.5%", lexicon_frame(add=("较之", "comparison_word", "base"))) == (2021, 2021)
