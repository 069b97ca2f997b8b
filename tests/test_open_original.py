"""An original dated only as of before an event (`sources.original_published` `../YYYY-MM-DD`, review 6 F1, F5).

The words quoted for such a date must name the event on the day after and speak of it as still to come (the
lexicon's `forward_word` terms, outside any sentence with a since-phrase): a since-phrase speaks from after the
event, so it is never the proof that the text came before it. The rows of such a text are held to the bound: no
actual or estimate ends after its last day. An open start whose day is not on the calendar is reported, never a
traceback.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy, append_all, found
from test_rules import covers

from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.text.own_dates import OwnDateWords, speaks_from_after_a_start, speaks_of_it_as_future
from tongxiang_digital_economy.text.periods import open_before

GXCASTING = "gxcasting-2020-04-29-lu-yuedong-three-reasons-wuzhen"  # a 2014 interview reposted in 2020
BAIKE = "baike-mbji-2024-11-wic-wuzhen-summit-2024"  # an entry written after the 2024 summit
RULES = [
    covers("original-published-words"),
    covers("period-after-open-original"),
]


def source_row(package: PackageCopy, source_id: str) -> int:
    return 2 + [r["source_id"] for r in package.rows("sources")].index(source_id)


def indicator_row(package: PackageCopy, observation_id: str) -> int:
    return 2 + [r["observation_id"] for r in package.rows("indicators")].index(observation_id)


def shipped_own_date_words() -> OwnDateWords:
    """The shipped lexicon's datelines, date labels and since-phrase words, as validation reads them."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir
    from tongxiang_digital_economy.text.quantities import Lexicon

    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    return OwnDateWords.of(Lexicon.from_frame(lexicon))


def shipped_forward_words() -> re.Pattern[str]:
    """The shipped lexicon's forward words (即将, 承办这次, will), compiled as validation compiles them."""
    from tongxiang_digital_economy.core.paths import bundled_package_dir
    from tongxiang_digital_economy.text.quantities import Lexicon

    lexicon = pd.read_csv(bundled_package_dir() / "data" / "lexicon.csv", dtype=str, keep_default_na=False)
    return Lexicon.from_frame(lexicon).patterns["forward_word"]


def messages(report: Report, rule: str) -> list[str]:
    return [f"{p.location()}: {p.severity} [{p.rule}] {p.message}" for p in report.problems if p.rule == rule]


@pytest.mark.parametrize(
    ("passage", "word"),
    [
        # gxcasting's words: the page's lead-in dates the event, the interview speaks of it as to come.
        (
            "自从2014年11月19日至21日举行的首届世界互联网大开始,乌镇成为了世界互联网大会的永久会址。对承办这次高规格的会议",
            "承办这次",
        ),
        ("自从2014年11月19日至21日举行的首届世界互联网大开始", None),  # review 6 F1 reproducer A: a since-phrase
        ("于2024年11月19日至22日在浙江乌镇举行", None),  # reproducer B: the event, with no word of a future
        ("自从首届大会开始,乌镇即将成为永久会址", None),  # a forward word inside a since-phrase's sentence
        ("The upcoming conference in Wuzhen", "upcoming"),
        ("Since the first conference in 2014, Wuzhen will host it", None),
        ("到现在为止每年接待中外游客总数有将近600万余人次", None),  # 将近 (nearly) is no future
    ],
)
def test_an_original_speaks_of_the_event_as_to_come(passage: str, word: str | None) -> None:
    assert speaks_of_it_as_future(passage, shipped_forward_words(), shipped_own_date_words()) == word


def test_the_shipped_open_original_passes(shipped_report: Report) -> None:
    assert not found(shipped_report, "original-published-words")
    assert not found(shipped_report, "period-after-open-original")


def test_a_since_phrase_alone_does_not_date_an_original_before_its_event(package: PackageCopy) -> None:
    """Review 6 F1 reproducer A: gxcasting's words cut to the since-phrase (it names the event's first day, the
    day after ../2014-11-18, but speaks from after it)."""
    row = source_row(package, GXCASTING)
    package.edit("sources", row, original_published_text="自从2014年11月19日至21日举行的首届世界互联网大开始")
    assert messages(package.semantics(), "original-published-words") == [
        f"sources, row {row}, field original_published: error [original-published-words] original_published_text "
        "'自从2014年11月19日至21日举行的首届世界互联网大开始' must state the original's own date within "
        "original_published (../2014-11-18): a dateline (…11月10日电, …讯), a time stamp or byline (2024-11-21 "
        "19:54), 'Today (April 2)'; a date inside a since-phrase (自从…以来/开始, since …) or an event's words "
        "(…举行的) is the event's, not the text's. For an original known only to be of before an event "
        "(../YYYY-MM-DD), the words must name that event, starting the day after, and speak of it as to come (a "
        "`forward_word` of the lexicon, 即将, 将于, 承办这次, will, upcoming, in a sentence without a since-phrase; "
        "found: none). The words give: 2014-11-19 (a year-less date read in original_published's year where it is a "
        "closed date, else against the page's date, 2020-04-29); record the date the "
        "words give, quote the words that give it, or clear both"
    ]


def test_a_text_written_after_its_event_is_not_dated_before_it(package: PackageCopy) -> None:
    """Review 6 F1 reproducer B: an encyclopedia entry on the 2024 summit set to ../2024-11-18 with the words that
    date the summit: the source is refused (no word of a future), and its two actuals of the summit's days are
    errors on their own rows."""
    row = source_row(package, BAIKE)
    package.edit(
        "sources",
        row,
        original_published="../2024-11-18",
        original_published_text="于2024年11月19日至22日在浙江乌镇举行",
    )
    report = package.semantics()
    assert found(report, "original-published-words") == [("sources", row, "original_published")]
    first, second = (indicator_row(package, f"{BAIKE}-00{n}") for n in (1, 2))
    assert messages(report, "period-after-open-original") == [
        f"indicators, row {n}, field period_end: error [period-after-open-original] a figure of status actual ends "
        "2024-11-22, but its text is an original of before an event (original_published ../2024-11-18: no later "
        "than its last day, as it looks forward to an event that starts the day after): an actual or an estimate "
        "ends by that day; date the figure by its words, or correct the original's date"
        for n in (first, second)
    ]


def test_an_open_originals_actual_ends_by_its_last_day(package: PackageCopy) -> None:
    """gxcasting's stock dated 目前 stands at 2014-11-18; moved a day later it ends after the bound. Its row quoting
    the page's since-phrase lead-in (the first WIC, 2014-11-19) is the later page's and is not held to it."""
    lead_in = f"{GXCASTING}-010"
    evidence = package.rows("indicators")[indicator_row(package, lead_in) - 2]["evidence"]
    assert speaks_from_after_a_start(evidence, shipped_own_date_words())
    row = indicator_row(package, f"{GXCASTING}-005")
    moved = {**package.rows("indicators")[row - 2], "period_start": "2014-11-19", "period_end": "2014-11-19"}
    package.edit("indicators", row, stamp=False, **moved)
    # The same figure as a target, beside it: a target may end after the bound (one check answers for both).
    [target] = append_all(package, "indicators", [{**moved, "status": "target"}], "observation_id")
    assert target != row
    assert found(package.semantics(), "period-after-open-original") == [("indicators", row, "period_end")]


@pytest.mark.parametrize("written", ["../2014-02-30", "2014-02-30"])
def test_an_original_date_off_the_calendar_is_an_error_not_a_traceback(package: PackageCopy, written: str) -> None:
    """Review 6 F5: `../2014-02-30` matches the schema's pattern; it was a RuleCrash (DateParseError)."""
    assert open_before("../2014-02-30") is None
    row = source_row(package, GXCASTING)
    package.edit("sources", row, original_published=written)
    result = CliRunner().invoke(cli, ["validate", str(package.root)], catch_exceptions=False)
    assert result.exit_code == 1
    # The reader refuses the cell, as it does a date of another form (trial 15 W3: one check for every date column).
    assert (
        f"sources, row {row}, field original_published: error [constraint-error] '{written}' is not a valid date "
        "(YYYY-MM-DD, YYYY-MM, YYYY or ../YYYY-MM-DD, a day on the calendar, such as '2014-11')"
    ) in result.output
