"""A repost's page date and its original's (issue 13: "a `publication` date is the date of the text, not of a
repost"; sources9).

Two mirrors were dated by the wire text they copy: javascriptjump (新华社杭州11月10日电, page stamp 2024-11-27) and
bankipay (中新浙江网2月28日电, page 2016-08-02). `published` is now the page's date, `original_published` the
original's. The originals' datelines write no year: read against the page's date they gave 2024-11-10 and
2016-02-28, and `original-published-words` fired on both rows. A year-less dateline is read in the original's year
where `original_published` states it (text.periods.words_read_at), as the events rule reads an edition's days and
fact-cluster orders texts by the text's own date.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import SHARED_ARCHIVE, PackageCopy, found
from test_rules import covers

from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics.rules.events import stated
from tongxiang_digital_economy.text.own_dates import OwnDateWords, own_dates_written
from tongxiang_digital_economy.text.periods import words_read_at
from tongxiang_digital_economy.text.quantities import Lexicon

XINHUA = "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international"
CHINANEWS = "chinanews-bankipay-2015-02-28-tongxiang-spring-festival-tourism"
# source -> (published: the page's, original_published, original_published_text)
REPOSTS = {
    XINHUA: ("2024-11-27", "2023-11-10", "新华社杭州11月10日电"),
    CHINANEWS: ("2016-08-02", "2015-02-28", "中新浙江网2月28日电"),
}


def own_words() -> OwnDateWords:
    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    return OwnDateWords.of(Lexicon.from_frame(lexicon))


def test_a_repost_is_dated_by_its_page_and_its_original_by_its_dateline(
    package: PackageCopy, shipped_report: Report
) -> None:
    rows = {r["source_id"]: r for r in package.rows("sources")}
    fields = ("published", "original_published", "original_published_text")
    assert {s: tuple(rows[s][f] for f in fields) for s in REPOSTS} == REPOSTS
    assert {rows[s]["published_basis"] for s in REPOSTS} == {"text"}  # 发布时间:2024-11-27 21:58:04; • 2016-08-02
    assert not found(shipped_report, covers("original-published-words"))
    assert not found(shipped_report, covers("event-dates-not-in-evidence"))


@pytest.mark.parametrize(("source", "page", "original"), [(s, v[0], v[1]) for s, v in REPOSTS.items()])
def test_a_year_less_dateline_is_read_in_its_originals_year(source: str, page: str, original: str) -> None:
    words = REPOSTS[source][2]
    in_the_pages_year = own_dates_written(words, page, None, own_words())
    assert in_the_pages_year == {date.fromisoformat(page[:4] + original[4:])}  # the misreading: a year late
    assert words_read_at(page, original) == original
    assert own_dates_written(words, words_read_at(page, original), None, own_words()) == {date.fromisoformat(original)}
    assert words_read_at(page, "../2014-11-18") == page  # an open start states no year of its own
    assert words_read_at(page, None) == page


def test_an_editions_days_are_read_in_its_originals_year() -> None:
    """wic-2023's evidence (…为期3天的…峰会10日圆满完成…) on the 2024 page: 10日 is 2023-11-10, its last day."""
    evidence = (
        "新华社杭州11月10日电(记者张晓洁、王思北)为期3天的2023年世界互联网大会乌镇峰会10日圆满完成各项议程,落下帷幕"
    )
    assert stated(evidence, words_read_at("2024-11-27", "2023-11-10"), "2023-11-08", "2023-11-10")
    assert not stated(evidence, "2024-11-27", "2023-11-08", "2023-11-10")


def test_an_original_off_its_datelines_day_is_caught_on_its_row(package: PackageCopy) -> None:
    """Bad data: each original moved off the day its dateline writes (the month, the day), the page's date kept."""
    rows = {r["source_id"]: i for i, r in enumerate(package.rows("sources"), start=2)}
    package.edit("sources", rows[XINHUA], original_published="2023-11-12")
    package.edit("sources", rows[CHINANEWS], original_published="2015-03-28")
    report = package.semantics()
    fired = [p for p in report.problems if p.rule == covers("original-published-words")]
    assert [(p.table, p.row, p.field) for p in fired] == [
        ("sources", rows[XINHUA], "original_published"),
        ("sources", rows[CHINANEWS], "original_published"),
    ]
    assert fired[0].message.endswith(
        "The words give: 2023-11-10 (a year-less date read in original_published's year where it is a closed date, "
        "else against the page's date, 2024-11-27); record the date the words give, quote the words that give it, "
        "or clear both"
    )
    assert "The words give: 2015-02-28 (" in fired[1].message


@pytest.mark.skipif(not SHARED_ARCHIVE.is_dir(), reason="the source archive is not beside this checkout")
def test_the_originals_dateline_is_no_day_of_the_page(package: PackageCopy) -> None:
    """published-not-in-text compares `published` with the page's own days: the original's dateline, read in the
    page's year (2024-11-10), is none of them, so a page re-dated to it is caught."""
    rows = {r["source_id"]: i for i, r in enumerate(package.rows("sources"), start=2)}
    package.edit("sources", rows[XINHUA], published="2024-11-10")
    report = package.semantics(SHARED_ARCHIVE)
    fired = [p for p in report.problems if p.rule == covers("published-not-in-text")]
    assert [(p.table, p.row) for p in fired] == [("sources", rows[XINHUA])]
    assert "gives 2024-11-27;" in fired[0].message
