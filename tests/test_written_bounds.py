"""The days a text's own words bound its date by (sources.written_after / written_before, review 3 F2).

A text known to its year or month whose words place a day in its future ("11月8日,…乌镇峰会将在乌镇启幕") is of
before that day: its rows dated by it stand at the latest day it allows (2023-11-07), never at the month's end the
convention would give, and no actual ends on or after that day (`period-in-text-future`). A plan for a span ("In
the second half of 2020, the company plans to") bounds its text only by the span's last day (review 4 F3: a
company plans for the half year it is in), so pctextile keeps the year's convention (2020-12-31). The bounds are
quoted, and the quotes are checked like evidence.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import conftest
import pandas as pd
import pytest
from conftest import PackageCopy, copy_package, found, read_shipped, shipped_period_words
from test_rules import covers

from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.text.own_dates import OwnDateWords, event_days_written, own_dates_written
from tongxiang_digital_economy.text.passage_dates import first_days_named, last_days_bound
from tongxiang_digital_economy.text.periods import as_words, publication_bounds, written_window

PCTEXTILE = "pctextile-2020-xinfengming-convertible-bonds-tongxiang-zhongyi"
GMW = "gmw-asjd5-2023-11-wuzhen-ten-years-12-to-1000-firms"
BOUNDED = {"after": PCTEXTILE, "before": GMW}  # a source that records each bound


def shipped_own_date_words() -> OwnDateWords:
    """The shipped lexicon's datelines, date labels and since-phrase words, as validation reads them."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir
    from tongxiang_digital_economy.text.quantities import Lexicon

    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    return OwnDateWords.of(Lexicon.from_frame(lexicon))


def shipped_event_words() -> re.Pattern[str]:
    """The shipped lexicon's event words (启幕, 举行, opens), compiled as validation compiles them."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir
    from tongxiang_digital_economy.text.quantities import Lexicon

    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    return Lexicon.from_frame(lexicon).patterns["event_word"]


def source_row(package: PackageCopy, source_id: str) -> int:
    """The CSV row number of a source."""
    return 2 + [r["source_id"] for r in package.rows("sources")].index(source_id)


def indicator_row(package: PackageCopy, observation_id: str) -> int:
    return 2 + [r["observation_id"] for r in package.rows("indicators")].index(observation_id)


# --- the reading -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "after", "before", "window"),
    [
        ("2020", "2020-04-01", "2020-07-01", "2020-04-01/2020-06-30"),
        ("2023-11", "", "2023-11-08", "2023-11-01/2023-11-07"),
        ("2023-11", None, "2023-12-08", "2023-11"),  # a bound outside the date narrows nothing
        ("2023-11", "2023-10-01", None, "2023-11"),
        ("2023-11", "2023-11-20", "2023-11-08", "2023-11"),  # bounds that leave no day: the rule reports them
        ("2023-11-05", None, "2023-11-08", "2023-11-05"),
        (None, None, "2023-11-08", None),
    ],
)
def test_the_words_narrow_the_texts_date(
    written: str | None, after: str | None, before: str | None, window: str | None
) -> None:
    assert written_window(written, after, before) == window


def test_a_window_is_read_as_its_days() -> None:
    assert publication_bounds("2020-04-01/2020-06-30") == (pd.Timestamp("2020-04-01"), pd.Timestamp("2020-06-30"))
    assert publication_bounds("2020-07-01/2020-06-30") == (None, None)


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("../2014-11-18", "no later than 2014-11-18"),
        ("2014-11-18/..", "no earlier than 2014-11-18"),
        ("2020-04-01/2020-06-30", "between 2020-04-01 and 2020-06-30"),
        ("2020-06", "2020-06"),
    ],
)
def test_one_reader_says_a_texts_date_in_words_for_messages_and_citations(written: str, words: str) -> None:
    """text.periods.as_words is the one reader of a date range into words: a citation's repost date says the same
    (use.citations.repost_of; agree8's note: two readers)."""
    from tongxiang_digital_economy.use.citations import repost_of

    assert as_words(written) == words
    assert repost_of({"original_published": written, "published": "2020-04-29"}) == words


def test_now_in_a_text_known_to_part_of_its_year_is_its_last_day() -> None:
    """'recently' in a text of 2020 written before its second half is 2020-06-30 alone; in a text of November
    2023 written before the 8th, any day of 1-7 November (a month's window keeps its days)."""
    half = read_shipped("recently", "2020-04-01/2020-06-30")
    assert half.admits(date(2020, 6, 30), date(2020, 6, 30))
    assert not half.admits(date(2020, 12, 31), date(2020, 12, 31))
    assert not half.admits(date(2020, 5, 31), date(2020, 5, 31))
    days = read_shipped("今天", "2023-11-01/2023-11-07")
    assert days.admits(date(2023, 11, 7), date(2023, 11, 7)) and days.admits(date(2023, 11, 3), date(2023, 11, 3))
    assert not days.admits(date(2023, 11, 30), date(2023, 11, 30))


@pytest.mark.parametrize(
    ("passage", "published", "day"),
    [
        ("In the second half of 2020, the company plans to add 300,000 tons", "2020", date(2020, 7, 1)),
        (
            "launch of the project of Zhongyi Chemical Fiber, a subsidiary of Xinfengming, in April 2020",
            "2020",
            date(2020, 4, 1),
        ),
        ("11月8日,以“数字世界”为主题的2023年世界互联网大会乌镇峰会将在乌镇启幕", "2023-11", date(2023, 11, 8)),
        ("9月26日至28日,2021年世界互联网大会乌镇峰会将在浙江乌镇举行", "2021-09", date(2021, 9, 26)),
    ],
)
def test_the_words_name_the_first_day_of_their_period(passage: str, published: str, day: date) -> None:
    assert day in first_days_named(passage, published, shipped_period_words())


def test_words_without_a_date_name_no_day() -> None:
    assert first_days_named("the company plans to add 300,000 tons", "2020", shipped_period_words()) == frozenset()


@pytest.mark.parametrize(
    ("passage", "published", "days"),
    [
        # a plan for a span may be written on any of its days: it bounds the text by the day after its last
        ("In the second half of 2020, the company plans to add 300,000 tons", "2020", {date(2021, 1, 1)}),
        # a point day the text looks forward to, and an event's first day, bound it by that day
        ("11月8日,以“数字世界”为主题的2023年世界互联网大会乌镇峰会将在乌镇启幕", "2023-11", {date(2023, 11, 8)}),
        ("9月26日至28日,2021年世界互联网大会乌镇峰会将在浙江乌镇举行", "2021-09", {date(2021, 9, 26)}),
    ],
)
def test_a_plan_for_a_span_bounds_its_text_by_the_spans_last_day(passage: str, published: str, days: set[date]) -> None:
    assert last_days_bound(passage, published, shipped_event_words(), shipped_period_words()) == days


@pytest.mark.parametrize(("passage", "published"), [("今天", "2023-11"), ("目前", "2020"), ("recently", "2020")])
def test_words_of_the_texts_own_day_name_no_first_day(passage: str, published: str) -> None:
    """今天 and 目前 read as the year so far too, which starts on 1 January: not a day the words state (review 4 F5)."""
    assert first_days_named(passage, published, shipped_period_words()) == frozenset()
    assert last_days_bound(passage, published, shipped_event_words(), shipped_period_words()) == frozenset()


# --- the shipped rows --------------------------------------------------------------------------------------------


def test_the_rows_stand_at_the_latest_day_their_text_allows(package: PackageCopy) -> None:
    rows = {r["observation_id"]: r for r in package.rows("indicators")}
    for n in ("001", "002", "003", "004"):  # the plan for the second half of 2020 narrows nothing: the year's end
        assert (rows[f"{PCTEXTILE}-{n}"]["period_start"], rows[f"{PCTEXTILE}-{n}"]["period_end"]) == ("2020-12-31",) * 2
    for n in ("002", "004"):
        assert (rows[f"{GMW}-{n}"]["period_start"], rows[f"{GMW}-{n}"]["period_end"]) == ("2023-11-07",) * 2


# --- the rules, with bad data ----------------------------------------------------------------------------------
# Each case below is an edit of one row of a copy (CASES, after the words that date an original); the cases of one
# copy edit rows of different sources, so each is checked as it was alone (see `edited`).


@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("gmw-002 at the month's end", "the month's end, after the summit the text looks forward to"),
        ("gmw-004 on the day", "the very day the text places in its future"),
    ],
)
def test_an_actual_on_a_day_its_text_looks_forward_to_fails(edited: Edited, case: str, why: str) -> None:
    copy = edited(case)
    assert ("indicators", copy.row, "period_end") in copy.found("period-in-text-future"), why


def test_a_target_may_end_after_the_day(package: PackageCopy, shipped_report: Report) -> None:
    """The text's plans (300,000 tons in the second half of 2020) are targets: they end where they will."""
    assert not found(shipped_report, "period-in-text-future")
    target = indicator_row(package, f"{PCTEXTILE}-009")
    assert package.rows("indicators")[target - 2]["period_end"] == "2020-12-31"


def test_a_text_bounded_only_after_dates_publication_at_its_years_end(edited: Edited) -> None:
    """A design capacity dated by publication in a text of 2020 written after April: 2020-12-31 alone."""
    copy = edited("pctextile-002 in May")
    assert ("indicators", copy.row, "period_end") in copy.found("period-publication-mismatch")


@pytest.mark.parametrize("side", ["after", "before"])
def test_a_bound_without_its_words_fails(edited: Edited, side: str) -> None:
    copy = edited(f"written_{side} without its words")
    assert copy.found(f"written-{side}-unquoted") == [("sources", copy.row, f"written_{side}")]


UNQUOTED = [covers("written-after-unquoted"), covers("written-before-unquoted")]
NOT_IN_TEXT = [covers("written-after-not-in-text"), covers("written-before-not-in-text")]
WORDS = [covers("written-after-words"), covers("written-before-words")]


@pytest.mark.parametrize("side", ["after", "before"])
def test_words_without_their_bound_fail(edited: Edited, side: str) -> None:
    copy = edited(f"written_{side}_text without its bound")
    assert copy.found(f"written-{side}-unquoted") == [("sources", copy.row, f"written_{side}")]


@pytest.mark.parametrize("side", ["after", "before"])
def test_a_bounds_words_are_the_texts_own(edited: Edited, side: str) -> None:
    """(The copy as shipped is valid against its archive: test_rules.test_the_package_is_valid_against_its_archive.)"""
    copy = edited(f"written_{side}_text not in the text")
    assert copy.found(f"written-{side}-not-in-text") == [("sources", copy.row, f"written_{side}_text")]


@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("gmw written_before 2023-11-09", "the words name the summit's opening day, 2023-11-08"),
        ("pctextile written_after 2020-05-01", "the words name April, which starts on 2020-04-01"),
        (
            "pctextile written_before 2020-07-01",
            "a plan for the second half of 2020 may be written in it: it bounds the text by 2021-01-01 (review 4 F3)",
        ),
    ],
)
def test_a_bound_is_the_day_its_words_name(edited: Edited, case: str, why: str) -> None:
    copy = edited(case)
    side = "before" if "written_before" in CASES[case][3] else "after"
    assert copy.found(f"written-{side}-words") == [("sources", copy.row, f"written_{side}")], why


def test_a_plan_for_a_span_may_bound_by_the_day_after_it(edited: Edited) -> None:
    """The day the words do bound pctextile by (2021-01-01, outside its year: it narrows nothing) is accepted."""
    copy = edited("pctextile written_before 2021-01-01")
    assert not copy.found("written-before-words")
    assert not copy.found("written-before-not-in-text")
    assert not copy.found(covers("written-bounds-outside-date"))


def test_a_future_bound_needs_a_word_of_a_plan_or_a_future(edited: Edited) -> None:
    """The words "in April 2020" name a day, but in the past: it gives written_after, never written_before."""
    copy = edited("pctextile's words of April as a future bound")
    assert copy.found("written-before-words") == [("sources", copy.row, "written_before")]


@pytest.mark.parametrize(
    ("case", "why"),
    [("gmw written_before before the month", "before the month"), ("gmw written_after 2023-11-09", "after the day")],
)
def test_bounds_that_leave_no_day_fail(edited: Edited, case: str, why: str) -> None:
    copy = edited(case)
    assert copy.found(covers("written-bounds-outside-date")) == [("sources", copy.row, "written_before")], why


# --- the words that date an original (sources.original_published_text) ----------------------------------------

GXCASTING = "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen"  # a 2014 interview reposted in 2020
INVESTTX = "investtx-2024-04-16-56-major-projects-47-4bn"  # 'Today (April 2)' in a page of 2024-04-16
CE = "ce-2023-11-08-wuzhen-summit-2023-opens-12000-guests"
ORIGINAL_RULES = [
    covers("original-published-unquoted"),
    covers("original-published-not-in-text"),
    covers("original-published-words"),
]


@pytest.mark.parametrize(
    ("passage", "published", "days"),
    [
        ("Today (April 2)", "2024-04-16", {date(2024, 4, 2)}),
        ("新华社杭州11月10日电", "2023-11-10", {date(2023, 11, 10)}),  # a dateline inside other words
        ("钱江晚报 2024-11-21 19:54:07", "2024-11-21", {date(2024, 11, 21)}),  # a byline's ISO day
        ("12月5日讯", "2017-12-05", {date(2017, 12, 5)}),  # a dateline's 讯
        ("来源:互联网新闻 时间:2020-04-29 17:03", "2020-04-29", {date(2020, 4, 29)}),  # a page's time stamp
        ("发布时间:2023年11月8日", "2023-11-10", {date(2023, 11, 8)}),  # a date under a publication label
        ("钱江晚报 2024-02-30", "2024-11-21", set()),  # no day on the calendar
        ("新华社杭州电", "2023-11-10", set()),
        # Review 5 R2: a date inside a since-phrase or an event's words is the event's, never the text's.
        ("自从2014年11月19日至21日举行的首届世界互联网大开始", "2020-04-29", set()),
        ("自2014年首届世界互联网大会乌镇峰会举办以来", "2023-11-08", set()),
        ("since the first World Internet Conference on November 19, 2014", "2020-04-29", set()),
        ("2014年11月19日,首届世界互联网大会在乌镇举行", "2020-04-29", set()),
        ("10日下午,数字经济产业合作大会在乌镇举行", "2022-11-10", set()),  # a day with no dateline word
    ],
)
def test_the_dates_a_passage_states_as_its_own(passage: str, published: str, days: set[date]) -> None:
    assert own_dates_written(passage, published, shipped_event_words(), shipped_own_date_words()) == days


@pytest.mark.parametrize(
    ("passage", "published", "days"),
    [
        ("自从2014年11月19日至21日举行的首届世界互联网大开始", "2020-04-29", {date(2014, 11, 19)}),
        ("9月26日至28日,2021年世界互联网大会乌镇峰会将在浙江乌镇举行", "2021-09", set()),  # the days stand apart
        ("2021年9月26日至28日举行的乌镇峰会", "2021-09", {date(2021, 9, 26)}),
        ("新华社杭州11月10日电", "2023-11-10", set()),  # a dateline names no event
    ],
)
def test_the_events_a_passage_names_with_their_days(passage: str, published: str, days: set[date]) -> None:
    assert event_days_written(passage, published, shipped_event_words()) == days


def test_an_original_of_before_an_event_reads_at_its_last_day() -> None:
    """An original known only to be of before a day (`../2014-11-18`) stands at that day: 目前 is 2014-11-18 and
    去年 the year before it, 2013 (as for a text known only to its year, the latest day it can be from)."""
    now = read_shipped("目前", "../2014-11-18").periods
    assert now and all(p.start == (date(2014, 11, 18), date(2014, 11, 18)) for p in now if p.kind == "date")
    last_year = read_shipped("去年", "../2014-11-18").periods
    assert {(p.kind, p.start[0], p.end[1]) for p in last_year} == {
        ("span", date(2013, 1, 1), date(2013, 12, 31)),  # the year's flow
        ("date", date(2013, 12, 31), date(2013, 12, 31)),  # the level at its end
    }


def read_source(source_id: str) -> dict[str, str]:
    """A shipped sources row."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir

    with (bundled_package_dir() / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        return next(r for r in csv.DictReader(fh) if r["source_id"] == source_id)


PLAN = "In the second half of 2020, the company plans to add 300,000 tons of polyester filament production capacity"
# case -> (copy, table, the row's key: source or observation id, the edit). The cases of one copy edit rows of
# different sources, and a figure's case is only in a copy that leaves its source as shipped: each rule reads a
# sources row (and its text), or a figure and its source, so a case's row is read as if its edit were the copy's
# only one. The copies read against the stand-in archive are ARCHIVED.
CASES: dict[str, tuple[str, str, str, dict[str, str]]] = {
    "written_after without its words": ("1", "sources", PCTEXTILE, {"written_after_text": ""}),
    "written_before without its words": ("1", "sources", GMW, {"written_before_text": ""}),
    "original date without its words": ("1", "sources", GXCASTING, {"original_published_text": ""}),
    "investtx original 2024-04-16": ("1", "sources", INVESTTX, {"original_published": "2024-04-16"}),
    "ce original by a since-phrase": (
        "1",
        "sources",
        CE,
        {"original_published": "2014", "original_published_text": "自2014年首届世界互联网大会乌镇峰会举办以来"},
    ),
    "written_after_text without its bound": ("2", "sources", PCTEXTILE, {"written_after": ""}),
    "written_before_text without its bound": ("2", "sources", GMW, {"written_before": ""}),
    "gxcasting original 2014": ("2", "sources", GXCASTING, {"original_published": "2014"}),
    "investtx original ../2024-04-01": ("2", "sources", INVESTTX, {"original_published": "../2024-04-01"}),
    "pctextile's words of April as a future bound": (
        "3",
        "sources",
        PCTEXTILE,
        {
            "written_after": "",
            "written_after_text": "",
            "written_before": "2020-05-01",  # the day after April, which the words name: only the cue is missing
            "written_before_text": read_source(PCTEXTILE)["written_after_text"],
        },
    ),
    "gmw written_before before the month": (
        "3",
        "sources",
        GMW,
        {"written_before": "2023-10-15", "written_before_text": "2023年10月15日,峰会将在乌镇启幕"},
    ),
    "gxcasting original 2020": ("3", "sources", GXCASTING, {"original_published": "2020"}),
    "gmw written_after 2023-11-09": (
        "4",
        "sources",
        GMW,
        {"written_after": "2023-11-09", "written_after_text": "11月9日"},
    ),
    "gxcasting original ../2014-11-19": ("4", "sources", GXCASTING, {"original_published": "../2014-11-19"}),
    "gxcasting original ../2014-11-17": ("9", "sources", GXCASTING, {"original_published": "../2014-11-17"}),
    "gmw-002 at the month's end": (
        "5",
        "indicators",
        f"{GMW}-002",
        {"period_start": "2023-11-30", "period_end": "2023-11-30", "year": "2023"},
    ),
    "gmw-004 on the day": (
        "5",
        "indicators",
        f"{GMW}-004",
        {"period_start": "2023-11-08", "period_end": "2023-11-08", "year": "2023"},
    ),
    "pctextile-002 in May": (
        "5",
        "indicators",
        f"{PCTEXTILE}-002",
        {"period_start": "2020-05-31", "period_end": "2020-05-31"},
    ),
    "written_after_text not in the text": (
        "6",
        "sources",
        PCTEXTILE,
        {"written_after_text": "In the third quarter of 2020, the company plans to"},
    ),
    "written_before_text not in the text": (
        "6",
        "sources",
        GMW,
        {"written_before_text": "In the third quarter of 2020, the company plans to"},
    ),
    "original_published_text not in the text": (
        "6",
        "sources",
        GXCASTING,
        {"original_published_text": "自从2014年11月20日举行的首届世界互联网大会开始"},
    ),
    "gmw written_before 2023-11-09": ("7", "sources", GMW, {"written_before": "2023-11-09"}),
    "pctextile written_after 2020-05-01": ("7", "sources", PCTEXTILE, {"written_after": "2020-05-01"}),
    "pctextile written_before 2020-07-01": (
        "8",
        "sources",
        PCTEXTILE,
        {"written_before": "2020-07-01", "written_before_text": PLAN},
    ),
    "pctextile written_before 2021-01-01": (
        "9",
        "sources",
        PCTEXTILE,
        {"written_before": "2021-01-01", "written_before_text": PLAN},
    ),
    **{
        f"{observation} at the year's end": (
            "5",
            "indicators",
            observation,
            {"period_start": "2014-12-31", "period_end": "2014-12-31"},
        )
        for observation in (f"{GXCASTING}-001", f"{GXCASTING}-005")
    },
}
ARCHIVED = {"6", "7", "8", "9"}


@dataclass
class Checked:
    """A case's row in its checked copy: `found(rule)` is where the rule fired, but on another case's row."""

    row: int
    report: Report
    others: set[tuple[str, int]]

    def found(self, rule: str) -> list[tuple[str | None, int | None, str | None]]:
        return [f for f in found(self.report, rule) if (f[0], f[1]) not in self.others]


Edited = Callable[[str], Checked]


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    """`edited(case)`: the case's row in its copy, each copy made with every edit of its cases and checked once
    (against the stand-in archive where ARCHIVED), when a test first asks for it.

    Why: a check of a copy costs most of these tests; nine copies answer for the twenty-eight cases."""
    made: dict[str, tuple[dict[str, tuple[str, int]], Report]] = {}

    def make(copy: str) -> tuple[dict[str, tuple[str, int]], Report]:
        package = copy_package(tmp_path_factory.mktemp(f"copy{copy}") / "package")
        folder = conftest.archive.__wrapped__(package.root.parent, package) if copy in ARCHIVED else None
        rows = {}
        for case, (where, table, key, changes) in CASES.items():
            if where == copy:
                row = source_row(package, key) if table == "sources" else indicator_row(package, key)
                package.edit(table, row, **changes)
                rows[case] = (table, row)
        return rows, package.semantics(folder)

    def get(case: str) -> Checked:
        copy = CASES[case][0]
        if copy not in made:
            made[copy] = make(copy)
        rows, report = made[copy]
        return Checked(rows[case][1], report, {where for other, where in rows.items() if other != case})

    return get


def test_an_original_date_without_its_words_fails(edited: Edited) -> None:
    copy = edited("original date without its words")
    assert copy.found("original-published-unquoted") == [("sources", copy.row, "original_published")]


def test_an_original_dates_words_are_the_texts_own(edited: Edited) -> None:
    copy = edited("original_published_text not in the text")
    assert copy.found("original-published-not-in-text") == [("sources", copy.row, "original_published_text")]


@pytest.mark.parametrize(
    ("case", "why"),
    [
        (
            "gxcasting original 2014",
            "the words date the first WIC, not the interview: a since-phrase's date is the event's",
        ),
        ("gxcasting original 2020", "the words state no date of the interview's own"),
        (
            "gxcasting original ../2014-11-19",
            "the first WIC opened 2014-11-19: the interview is of before it, 2014-11-18 at the latest",
        ),
        ("gxcasting original ../2014-11-17", "an event on 2014-11-19 bounds its original by 2014-11-18, not earlier"),
        ("investtx original 2024-04-16", "'Today (April 2)' is 2024-04-02, not the page's own day"),
        ("investtx original ../2024-04-01", "'Today (April 2)' names no event"),
    ],
)
def test_an_original_date_is_the_date_its_words_write(
    edited: Edited, shipped_report: Report, case: str, why: str
) -> None:
    copy = edited(case)
    assert not found(shipped_report, "original-published-words")  # the copy as shipped: the session's report
    assert copy.found("original-published-words") == [("sources", copy.row, "original_published")], why


def test_a_since_phrase_does_not_date_an_original(edited: Edited) -> None:
    """Review 5 R2's reproducer: a source moved to 2014 by a since-phrase ('since the first summit in 2014') is
    caught on the source, not only by its rows' relative words."""
    copy = edited("ce original by a since-phrase")
    row = copy.row
    assert [
        f"{p.location()}: {p.severity} [{p.rule}] {p.message}"
        for p in copy.report.problems
        if p.rule == "original-published-words" and (p.table, p.row) not in copy.others
    ] == [
        f"sources, row {row}, field original_published: error [original-published-words] original_published_text "
        "'自2014年首届世界互联网大会乌镇峰会举办以来' must state the original's own date within original_published "
        "(2014): a dateline (…11月10日电, …讯), a time stamp or byline (2024-11-21 19:54), 'Today (April 2)'; a date "
        "inside a since-phrase (自从…以来/开始, since …) or an event's words (…举行的) is the event's, not the text's. "
        "For an original known only to be of before an event (../YYYY-MM-DD), the words must name that event, "
        "starting the day after, and speak of it as to come (a `forward_word` of the lexicon, 即将, 将于, 承办这次, "
        "will, upcoming, in a sentence without a since-phrase; found: not asked (a closed date)). The words give: "
        "none (a year-less date read in original_published's year where it is a closed date, else against the page's "
        "date, 2023-11-08); record the date the words give, quote the words that give it, or clear both"
    ]


# The interview's rows dated by it (publication, 目前): a stock of an original known only to be of before the first
# WIC stands at the last day it can be from, 2014-11-18, never at the end of a year no word states.
INTERVIEW_STOCKS = {
    "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-001": "period-publication-mismatch",
    "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen-005": "period-text-mismatch",
}


@pytest.mark.parametrize("observation", sorted(INTERVIEW_STOCKS))
def test_a_stock_of_an_original_of_before_a_day_stands_at_its_last_day(
    package: PackageCopy, shipped_report: Report, edited: Edited, observation: str
) -> None:
    rows = package.rows("indicators")
    row = 2 + [r["observation_id"] for r in rows].index(observation)
    assert rows[row - 2]["period_end"] == "2014-11-18"
    rule = INTERVIEW_STOCKS[observation]
    assert ("indicators", row) not in [(t, r) for t, r, _f in found(shipped_report, rule)]  # the copy as shipped
    copy = edited(f"{observation} at the year's end")  # moved to 2014-12-31
    assert copy.row == row
    assert ("indicators", row) in [(t, r) for t, r, _f in copy.found(rule)]


def test_an_event_is_told_by_the_lexicons_words(package: PackageCopy) -> None:
    """The words of an event held on its days are the lexicon's (event_word): an edited copy whose lexicon drops
    举行 reads '9月26日至28日,…峰会将在浙江乌镇举行' as a plan for the three days, bounding its text by the day after
    them, and a copy that adds 亮相 reads '…将在乌镇亮相' as an event."""
    from tongxiang_digital_economy.semantics.source_readings import written_bound_words

    lexicon = pd.DataFrame(package.rows("lexicon"))
    words = "9月26日至28日,2021年世界互联网大会乌镇峰会将在浙江乌镇举行"
    shown = "11月8日至10日,2023年世界互联网大会乌镇峰会将在乌镇亮相"
    sources = pd.DataFrame({"published": ["2021-09", "2023-11"], "written_before_text": [words, shown]})

    def days(frame: pd.DataFrame) -> list[str]:
        return list(written_bound_words(sources, frame)["written_before_days"])

    assert days(lexicon) == ["2021-09-26", "2023-11-11"]
    without = lexicon[lexicon["term"] != "举行"]
    added = pd.concat([lexicon, pd.DataFrame([{"term": "亮相", "language": "zh", "category": "event_word",
                                                "meaning": "event", "note": ""}])])  # fmt: skip
    assert days(without) == ["2021-09-29", "2023-11-11"]
    assert days(added) == ["2021-09-26", "2023-11-08"]
