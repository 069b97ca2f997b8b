"""The dating conventions of issue 13 held by the reader and the rules: a text known only to its year is dated at
the year's end; an end year of 'from A to B' dates only A or B; words that frame a date (较上年, 每年, 同年) do not
leave it unread, and words that date relative to the text (10年前, 这几年, 距今) are read against the text's date."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from conftest import PackageCopy, misfired, read_shipped
from test_rules import GOOD, covers

import tongxiang_digital_economy as tde

D = date.fromisoformat

# (period_text, the text's date, a period it means (start, end, stock?), a period it does not mean)
READINGS = [
    # A text known only to its year stands at the year's last day.
    ("目前", "2020", ("2020-12-31", "2020-12-31", True), ("2020-06-30", "2020-06-30", True)),
    ("currently", "2018", ("2018-12-31", "2018-12-31", True), ("2018-12-24", "2018-12-24", True)),
    ("recently", "2020", ("2020-12-31", "2020-12-31", True), ("2020-11-16", "2020-11-16", True)),
    ("目前", "2020-01", ("2020-01-20", "2020-01-20", True), ("2019-12-31", "2019-12-31", True)),  # a month: a window
    # A level of an end year of a range stands at that year's end.
    ("between 2014-23", "2024-05-28", ("2014-12-31", "2014-12-31", True), ("2014-07-02", "2014-07-02", True)),
    # Relative to the text: N years ago, before a year, these few years, 距今.
    ("10年前", "2017-12-02", ("2007-01-01", "2007-12-31", False), ("2007-01-01", "2007-07-02", False)),
    ("ten years ago", "2020-05-01", ("2010-01-01", "2010-12-31", False), ("2011-01-01", "2011-12-31", False)),
    ("2014年前", "2017-12-01", ("2013-01-01", "2013-12-31", False), ("2014-01-01", "2014-12-31", False)),
    ("这几年", "2020-11-20", ("2020-11-20", "2020-11-20", True), ("2020-05-22", "2020-05-22", True)),
    ("距今", "2024-07-11", ("2024-07-11", "2024-07-11", True), ("2024-01-11", "2024-01-11", True)),
    # A holiday without its year takes the text's.
    ("春节期间", "2015-02-28", ("2015-02-24", "2015-02-24", True), ("2014-02-24", "2014-02-24", True)),
    # Comparison bases, the same year, each year and years in a row frame the date, they do not make it.
    ("2022年 … 较上年", "2023", ("2022-01-01", "2022-12-31", False), ("2022-01-01", "2022-07-02", False)),
    (
        "On July 12, 2022 … compared with last year",
        "2022-08-12",
        ("2022-07-12", "2022-07-12", True),
        ("2021-07-12", "2021-07-12", True),
    ),
    ("2023 … In the same year", "2025-09-30", ("2023-01-01", "2023-12-31", False), ("2023-01-01", "2023-07-02", False)),
    (
        "截至2023年 … 连续举办十年 … 每年",
        "2024-11",
        ("2014-01-01", "2023-12-31", False),
        ("2014-01-01", "2018-12-31", False),
    ),
    # 今年前三季度 is no 'N years ago'.
    ("今年前三季度", "2023-10-25", ("2023-01-01", "2023-09-30", False), ("2023-01-01", "2023-12-31", False)),
]


@pytest.mark.parametrize(("text", "published", "means", "not_means"), READINGS)
def test_the_reader_dates_by_the_conventions(
    text: str, published: str, means: tuple[str, str, bool], not_means: tuple[str, str, bool]
) -> None:
    reading = read_shipped(text, published)
    assert reading.why is None, reading.why
    assert reading.admits(D(means[0]), D(means[1]), means[2]), reading.describe()
    assert not reading.admits(D(not_means[0]), D(not_means[1]), not_means[2]), reading.describe()


YEAR_TEXT = "twwiki-2020-tongxiang-encyclopedia-entry"  # published 2020, nothing closer
BOUNDED_TEXT = "gmw-asjd5-2023-11-wuzhen-ten-years-12-to-1000-firms"  # 2023-11, written before the 8th
IN_YEAR_TEXT = {**GOOD, "source_id": YEAR_TEXT, "observation_id": f"{YEAR_TEXT}-999", "subject_text": ""}
PUBLICATION = {**IN_YEAR_TEXT, "period_text": "", "period_basis": "publication"}
RANGE = {
    **GOOD,
    "indicator": "gdp",
    "unit": "yi_yuan",
    "value": "1890",
    "value_text": "1,890亿元",
    "status": "target",
    "period_text": "From 2022 to 2023",
    "evidence": "From 2022 to 2023, the city's GDP will reach a total of 1,890亿元",
    "period_start": "2022-01-01",
    "period_end": "2023-12-31",
    "year": "2023",
    "subject_text": "",
}
FROM_TO = {
    **RANGE,
    "evidence": "GDP grew from 1,700亿元 in 2022 to 1,890亿元 in 2023",
    "period_text": "from 2022 to 2023",
    "period_start": "2023-01-01",
    "status": "actual",
}
IN_BOUNDED_TEXT = {**IN_YEAR_TEXT, "source_id": BOUNDED_TEXT, "observation_id": f"{BOUNDED_TEXT}-999", "year": "2023"}
PUBLICATION_BOUNDED = {**IN_BOUNDED_TEXT, "period_text": "", "period_basis": "publication"}
MID_YEAR = {"period_start": "2020-06-30", "period_end": "2020-06-30"}
YEAR_END = {"period_start": "2020-12-31", "period_end": "2020-12-31"}
LATEST_DAY = {"period_start": "2023-11-07", "period_end": "2023-11-07"}
MONTH_END = {"period_start": "2023-11-30", "period_end": "2023-11-30"}

# (why, the row, the rule, whether it fires on the row)
CASES = [
    ("publication, a 2020 text, mid-year", {**PUBLICATION, **MID_YEAR}, "period-publication-mismatch", True),
    ("publication, a 2020 text, its end", {**PUBLICATION, **YEAR_END}, "period-publication-mismatch", False),
    ("'At present' in a 2020 text, mid-year", {**IN_YEAR_TEXT, **MID_YEAR}, "period-text-mismatch", True),
    ("'At present' in a 2020 text, at its end", {**IN_YEAR_TEXT, **YEAR_END}, "period-text-mismatch", False),
    # A text of November 2023 whose words bound it to before the 8th (sources.written_before: the summit "将在乌镇
    # 启幕" on 11月8日) stands at the last day they allow: its publication and its 'at present' are 2023-11-07, never
    # the month's end. (A plan for a span, pctextile's second half of 2020, bounds nothing within its year: F3.)
    ("publication, a text of before 2023-11-08, its latest day", {**PUBLICATION_BOUNDED, **LATEST_DAY},
     "period-publication-mismatch", False),
    ("publication, a text of before 2023-11-08, the month's end", {**PUBLICATION_BOUNDED, **MONTH_END},
     "period-publication-mismatch", True),
    ("'At present' in a text of before 2023-11-08, its latest day", {**IN_BOUNDED_TEXT, **LATEST_DAY},
     "period-text-mismatch", False),
    ("'At present' in a text of before 2023-11-08, the month's end", {**IN_BOUNDED_TEXT, **MONTH_END},
     "period-text-mismatch", True),
    ("an actual of a text of before 2023-11-08, at the month's end", {**IN_BOUNDED_TEXT, **MONTH_END},
     covers("period-in-text-future"), True),
    ("an actual of a text of before 2023-11-08, at its latest day", {**IN_BOUNDED_TEXT, **LATEST_DAY},
     "period-in-text-future", False),
    ("a total from 2022 to 2023 over both years", RANGE, "period-text-mismatch", False),
    (
        "a total from 2022 to 2023 cut to 2022",
        {**RANGE, "period_end": "2022-12-31", "year": "2022"},
        "period-text-mismatch",
        True,
    ),
    ("B of 'from A in 2022 to B in 2023' is 2023's", FROM_TO, "period-text-mismatch", False),
]  # fmt: skip


def test_rows_are_dated_by_the_conventions(package: PackageCopy) -> None:
    assert misfired(package, CASES) == []


def test_a_note_says_only_the_year_where_the_words_are_a_year_not_an_event() -> None:
    """Trial 7 m4: three notes said "the text gives only the year" of "Until the founding of the People's Republic
    of China in 1949" and 到1949年解放, two events of 1949 the text gives no day of. A note says "only the year"
    only where the dating words read as that year (the period reader reads them, and they write it); words naming
    an event the reader cannot date to a day are said to be so."""
    import re

    import tongxiang_digital_economy as tde

    indicators = tde.load("indicators")
    published = tde.load("sources").set_index("source_id")["published"].astype(str)
    said, unread = [], []
    for _, row in indicators.iterrows():
        note = row["note"] if isinstance(row["note"], str) else ""
        words = row["period_text"] if isinstance(row["period_text"], str) else None
        reading = read_shipped(words, published[row["source_id"]])
        if re.search(r"only the year(?! of publication)", note):
            said.append(row["observation_id"])
            assert reading.why is None and reading.years, (row["observation_id"], words, reading.why)
        if words and reading.why is not None and reading.years and str(row["year"]) == "1949":
            unread.append(row["observation_id"])
            assert "an event of 1949" in note and "no day of it" in note, row["observation_id"]
    assert said and len(unread) == 3


# Words that count from the first World Internet Conference: since the first WIC (Wuzhen Summit), 首届/首屆 …以来/以來,
# 首届世界互联网大会举办时 (at it), 自2014年 … 以来 (its evidence names 首届).
FIRST_SUMMIT = re.compile(r"(?i)since the first (?:wic|world internet conference)|首[届屆]")


def test_since_the_first_summit_starts_on_its_first_day() -> None:
    """Trial 10 m12 (trial 9 m2): 'Since the first WIC Wuzhen Summit' started on 2014-11-01 while 首屆大會以來 and
    自2014年首届…以来 started on the first summit's first day (2014-11-19): one span, two starts. Every row whose words
    count from the first summit starts on events wic-2014's first day."""
    indicators, events = tde.load("indicators"), tde.load("events")
    first_day = events.set_index("event_id").loc["wic-2014", "start"]
    words = (
        indicators["period_text"].fillna("")
        + " "
        + indicators["evidence"].where(indicators["period_text"].fillna("").str.contains("以来|以來"), "")
    )
    counted = indicators[words.str.contains(FIRST_SUMMIT)]
    starts = {str(r.observation_id): str(r.period_start)[:10] for r in counted.itertuples() if pd.notna(r.period_start)}
    assert len(starts) == 10 and {f"chinaorgcn-2018-wuzhen-gears-up-00{n}" for n in range(1, 5)} <= set(starts)
    assert {o: s for o, s in starts.items() if s != str(first_day)[:10]} == {}
