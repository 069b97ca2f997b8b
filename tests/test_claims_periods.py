"""The period rules hold a row to what its words say: an event edition's days, a text's own date, a year's end.

Each case is a row changed in one way and the rule that must fire on it (or must not, for the reading the words do
give). All rows go into one copy of the package, so the semantic layer runs once.
"""

from __future__ import annotations

from conftest import PackageCopy, found
from test_rules import GOOD

SUMMIT_TEXT = "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international"  # published 2023-11-10
SUMMIT = {
    **GOOD,
    "source_id": SUMMIT_TEXT,
    "indicator": "event_guests",
    "place_id": "",
    "project_id": "world-internet-conference",
    "event_id": "wic-2023",
    "period_start": "2023-11-08",
    "period_end": "2023-11-10",
    "year": "2023",
    "value": "1000",
    "value_text": "1000余名",
    "evidence": "2023年世界互联网大会乌镇峰会吸引1000余名嘉宾参会",
    "period_text": "2023年",
    "period_basis": "stated",
    "subject_text": "",
}
# An edition's ordinal (第十年 of the 2023 summit): one date for the edition, its first day.
ORDINAL = {
    **SUMMIT,
    "indicator": "event_years_held",
    "unit": "year_duration",
    "value": "10",
    "value_text": "第十年",
    "evidence": "今年是世界互联网大会乌镇峰会连续成功举办的第十年",
    "period_text": "今年",
    "period_start": "2023-11-08",
    "period_end": "2023-11-08",
}
# The fifth summit, known only to its month (events wic-2018: 2018-11): its ordinals in the data stand on 2018-11-09.
FIFTH = {
    **ORDINAL,
    "source_id": "baike-weilinceramic-2018-fifth-wic-entry",
    "indicator": "event_editions_held",
    "unit": "count",
    "event_id": "wic-2018",
    "value": "5",
    "value_text": "第五届",
    "evidence": "第五届世界互联网大会",
    "period_text": "第五届世界互联网大会",
    "period_start": "2018-11-09",
    "period_end": "2018-11-09",
    "year": "2018",
}
# Words that name an edition, not the calendar (the period reader leaves them unread): the events table's days.
NAMED = {
    **GOOD,
    "period_text": "首届世界互联网大会举办时",
    "period_start": "2014-11-19",
    "period_end": "2014-11-19",
    "year": "2014",
}
FOURTH = {
    **SUMMIT,
    "period_text": "第四届乌镇峰会",
    "event_id": "wic-2017",
    "period_start": "2017-12-03",
    "period_end": "2017-12-05",
    "year": "2017",
}
FLOW = {**GOOD, "indicator": "gdp", "unit": "yi_yuan", "period_text": "", "period_basis": "publication"}
STOCK = {**GOOD, "period_text": "In 2019", "period_basis": "context", "year": "2019"}
UNREAD = {
    **STOCK,
    "period_text": "Until the founding of the People's Republic of China in 1949",
    "period_start": "1948-12-31",
    "period_end": "1948-12-31",
    "year": "1949",
}
FIRST_DAY = {**STOCK, "period_text": "2019年9月的第一天", "period_start": "2019-09-01", "period_end": "2019-09-01"}


def covers(rule: str) -> str:
    """Marks the rule a test exercises; test_rules.test_every_rule_has_a_test reads these marks."""
    return rule


# (why, the row, the rule, whether it fires on the row)
CASES = [
    # An edition's ordinal stands at the edition's first day, whatever day its text was written.
    ("the ordinal at the edition's first day", ORDINAL, covers("edition-ordinal-date"), False),
    (
        "the ordinal at the closing day",
        {**ORDINAL, "period_start": "2023-11-10", "period_end": "2023-11-10"},
        "edition-ordinal-date",
        True,
    ),
    # An edition known only to its month: one day for all its ordinals, the one most of them have.
    ("the fifth summit's ordinal on the day the others have", FIFTH, "edition-ordinal-date", False),
    (
        "the fifth summit's ordinal at the month's end",
        {**FIFTH, "period_start": "2018-11-30", "period_end": "2018-11-30"},
        "edition-ordinal-date",
        True,
    ),
    # A figure of the edition that is no ordinal keeps the day its words give.
    (
        "the guests on the closing day",
        {**SUMMIT, "period_start": "2023-11-10", "period_text": "2023年"},
        "edition-ordinal-date",
        False,
    ),
    # An edition's figure (event_id) may cover the edition's days within the period its words give.
    ("the edition's three days, within 2023年", SUMMIT, "period-text-mismatch", False),
    ("no edition: 2023年 is never three days of it", {**SUMMIT, "event_id": ""}, "period-text-mismatch", True),
    ("a day before the edition", {**SUMMIT, "period_start": "2023-11-07"}, "period-text-mismatch", True),
    ("words of another year", {**SUMMIT, "period_text": "2022年"}, "period-text-mismatch", True),
    # A flow of the whole edition may be dated by the day within it that it was announced (review 6 F9).
    (
        "the day it was announced, within the edition",
        {**SUMMIT, "period_text": "11月9日"},
        "period-text-mismatch",
        False,
    ),
    (
        "the day it was announced, for part of the edition",
        {**SUMMIT, "period_text": "11月9日", "period_end": "2023-11-09"},
        "period-text-mismatch",
        True,
    ),
    ("a day before the edition opened", {**SUMMIT, "period_text": "11月7日"}, "period-text-mismatch", True),
    (
        "moved with its event_id to the edition of the year before",
        {
            **SUMMIT,
            "event_id": "wic-2022",
            "period_start": "2022-11-09",
            "period_end": "2022-11-11",
            "year": "2022",
            "period_text": "11月9日",
        },
        "period-text-mismatch",
        True,
    ),
    # Words that name an edition (by its name, or its ordinal among its event's editions) date the row at its days.
    ("at the first WIC its words name", NAMED, covers("period-edition-named"), False),
    (
        "a year before the first WIC its words name",
        {**NAMED, "period_start": "2013-11-19", "period_end": "2013-11-19", "year": "2013"},
        "period-edition-named",
        True,
    ),
    ("the fourth summit's days, named by its ordinal", FOURTH, "period-edition-named", False),
    (
        "moved with its event_id to the third summit",
        {**FOURTH, "event_id": "wic-2016", "period_start": "2016-11-16", "period_end": "2016-11-18", "year": "2016"},
        "period-edition-named",
        True,
    ),
    (
        "an ordinal names no edition of another event",
        {**FOURTH, "project_id": "", "event_id": "", "period_start": "2016-11-16", "period_end": "2016-11-18"},
        "period-edition-named",
        False,
    ),
    # And lies within the edition's days whatever its words.
    ("the edition's first day", {**SUMMIT, "period_end": "2023-11-08"}, covers("period-outside-edition"), False),
    ("the edition's days", SUMMIT, "period-outside-edition", False),
    (
        "the whole year is not the edition's",
        {**SUMMIT, "period_start": "2023-01-01", "period_end": "2023-12-31"},
        "period-outside-edition",
        True,
    ),
    ("a day before it opened", {**SUMMIT, "period_start": "2023-11-07"}, "period-outside-edition", True),
    # A flow dated by publication ends at the text's date (2020-01-14), not in the year before it.
    (
        "the last full year before the text: a year no word states",
        {**FLOW, "period_start": "2019-01-01", "period_end": "2019-12-31", "year": "2019"},
        "period-publication-mismatch",
        True,
    ),
    (
        "a flow ending at the text's date",
        {**FLOW, "period_start": "2019-01-15", "period_end": "2020-01-14", "year": "2020"},
        "period-publication-mismatch",
        False,
    ),
    # A stock dated by a year alone stands at the year's end.
    (
        "at the end of 2019",
        {**STOCK, "period_start": "2019-12-31", "period_end": "2019-12-31"},
        "period-text-mismatch",
        False,
    ),
    (
        "in the middle of 2019",
        {**STOCK, "period_start": "2019-07-02", "period_end": "2019-07-02"},
        "period-text-mismatch",
        True,
    ),
    # Words the reader cannot read (an event's name) are not guessed at, but a year they write is theirs.
    (
        "unread words that write 1949, at its end",
        {**UNREAD, "period_start": "1949-12-31", "period_end": "1949-12-31"},
        "period-text-mismatch",
        False,
    ),
    ("unread words that write 1949, in 1948", UNREAD, "period-text-mismatch", True),
    # ... and a stock they date by that year alone stands at its end, as a year alone read does (no day is written).
    (
        "unread words that write 1949 and no finer word, a stock in the middle of 1949",
        {**UNREAD, "period_start": "1949-07-02", "period_end": "1949-07-02"},
        "period-text-mismatch",
        True,
    ),
    (
        "unread words that write a month too ('in July 2025 … Before this'): a day they allow",
        {
            **UNREAD,
            "period_text": "in July 2025 … Before this",
            "period_start": "2025-06-30",
            "period_end": "2025-06-30",
            "year": "2025",
        },
        "period-text-mismatch",
        False,
    ),
    # 9月的第一天 is read: the first of September of the text's year (2019: STOCK's text is of 2020-01-14).
    ("the first day of a month in words", FIRST_DAY, "period-text-mismatch", False),
    (
        "not the first day",
        {**FIRST_DAY, "period_start": "2019-09-02", "period_end": "2019-09-02"},
        "period-text-mismatch",
        True,
    ),
]


def test_periods_are_what_their_words_and_editions_say(package: PackageCopy) -> None:
    rows = package.rows("indicators")
    numbers = {}
    for k, (why, values, _rule, _fires) in enumerate(CASES):
        rows.append({**values, "observation_id": f"{GOOD['observation_id']}{k}"})
        numbers[why] = len(rows) + 1  # the CSV row: the header is row 1
    package.write("indicators", rows)
    report = package.semantics()
    fired = {
        (rule, r) for rule in {c[2] for c in CASES} for table, r, _ in found(report, rule) if table == "indicators"
    }
    wrong = [why for why, _values, rule, fires in CASES if ((rule, numbers[why]) in fired) is not fires]
    assert wrong == []
    # The message says first what the words read as (trial 19 m4: only that they did not read as the row's period).
    said = {
        p.row: p.message.partition("): a stock is")[0]
        for p in report.problems
        if p.rule == "period-text-mismatch" and p.table == "indicators"
    }
    assert [said[numbers[why]] for why in ("words of another year", "unread words that write 1949, in 1948")] == [
        "period_text '2022年' reads as 2022-01-01 to 2022-12-31 or the date 2022-12-31, not as the row's period "
        "(2023-11-08 to 2023-11-10, a flow; the text is dated 2023-11-10",
        'period_text "Until the founding of the People\'s Republic of China in 1949" reads as nothing (no dating word '
        'known in "until the founding of the people\'s republic of china in 1949") but the year 1949, not as the '
        "row's period (1948-12-31 to 1948-12-31, a stock; the text is dated 2020-01-14",
    ]


def test_one_days_words_date_the_whole_edition_or_that_day_never_other_days() -> None:
    """An edition's figure takes the edition's days from words that hold them (2023年, or the closing day of a
    recap), or from the day within them it was announced (11月8日 for the flow of the 8th to the 10th: review 6 F9,
    the flow of an edition covers its days whenever announced); a day's words never date part of the edition
    (the 8th to the 9th), nor the edition from a day outside it (11月7日)."""
    from datetime import date

    import pandas as pd

    from tongxiang_digital_economy.semantics.rules.edition_days import in_edition
    from tongxiang_digital_economy.text.period_words import read_period

    opened, closed = pd.Timestamp("2023-11-08"), pd.Timestamp("2023-11-10")
    days = (date(2023, 11, 8), date(2023, 11, 10))
    assert in_edition(read_period("2023年11月8日", "2023-11-10"), *days, opened, closed)
    assert in_edition(read_period("11月9日", "2023-11-10"), *days, opened, closed)
    assert not in_edition(read_period("11月8日", "2023-11-10"), date(2023, 11, 8), date(2023, 11, 9), opened, closed)
    assert not in_edition(read_period("11月7日", "2023-11-10"), *days, opened, closed)
    assert not in_edition(read_period("2022年11月8日", "2023-11-10"), *days, opened, closed)
    assert in_edition(read_period("2023年11月8日", "2023-11-10"), date(2023, 11, 8), date(2023, 11, 8), opened, closed)
    assert in_edition(read_period("2023年", "2023-11-10"), *days, opened, closed)
    assert in_edition(read_period("2023年11月10日", "2023-11-10"), *days, opened, closed)  # the closing day's recap
    assert not in_edition(read_period("2023年", "2023-11-10"), date(2023, 11, 7), date(2023, 11, 10), opened, closed)


def test_which_indicators_are_an_editions_ordinal_is_data(package: PackageCopy) -> None:
    """indicator_definitions.edition_ordinal says which rows stand at their edition's first day: the ordinal at the
    closing day fails while event_years_held is marked, and passes in a copy that unmarks it; a guest count at the
    closing day passes until a copy marks event_guests."""
    rows = package.rows("indicators")
    closing = {"period_start": "2023-11-10", "period_end": "2023-11-10"}
    rows += [
        {**ORDINAL, **closing, "observation_id": f"{GOOD['observation_id']}1"},
        {**SUMMIT, **closing, "period_text": "2023年", "observation_id": f"{GOOD['observation_id']}2"},
    ]
    package.write("indicators", rows)
    ordinal_row, guests_row = len(rows), len(rows) + 1  # CSV rows: the header is row 1

    def fired() -> set[int | None]:
        return {r for table, r, _ in found(package.semantics(), "edition-ordinal-date") if table == "indicators"}

    assert {ordinal_row, guests_row} & fired() == {ordinal_row}
    definitions = package.rows("indicator_definitions")
    for d in definitions:
        if d["indicator"] in ("event_years_held", "event_guests"):
            d["edition_ordinal"] = "false" if d["indicator"] == "event_years_held" else "true"
    package.write("indicator_definitions", definitions)
    assert {ordinal_row, guests_row} & fired() == {guests_row}
