"""Rules that hold a figure's period to the words that date it (`period_text`, `period_basis`).

The words are read back by text/period_words.py (once per distinct period_text and text date, in
semantics/anchors.py): they must give the row's period, its length and its kind (a stock is a date, a flow a span).
A year written next to the quoted quantity must be the row's; a full year is not written with half-year or month
words, and a half year is. Words the reader does not know (an event's name, TTM, 本届 alone) leave the period
unchecked by `period-text-mismatch`, never guessed; the other rules still read them.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

import numpy as np
import pandas as pd

from ...text.fold import squash, squeeze
from ...text.numerals import CARDINAL_WORDS, number_spans
from ...text.period_readings import PIECE_JOIN, Period, Reading
from ...text.periods import publication_bounds, stands_at_its_end
from ..distinct import mapped, per_distinct_rows
from .days import Days, as_series, day, day_number, per_text
from .registry import each_row, missing, rule

NEEDS = ("indicator.temporal",)


def pieces(period_text: str) -> list[str]:
    """The verbatim pieces of a period_text (joined by ' … ')."""
    return [p for p in (x.strip() for x in period_text.split(PIECE_JOIN.strip())) if p]


def stock_or_flow(temporal: object) -> bool | None:
    return None if not isinstance(temporal, str) else temporal == "stock"


@rule(
    "period-basis-mismatch",
    "indicators",
    "period_basis",
    "period_basis {period_basis} does not fit the row: `stated` and `context` quote the dating words in period_text "
    "(it is {period_text!r}), `publication` leaves period_text empty and dates the row, `undated` leaves both "
    "empty on a target: quote the words that date the figure, or choose the basis that says how it is dated",
    reads=("period_basis", "period_end", "period_text", "status"),
    per_row=True,
)
def basis_fits(view: pd.DataFrame) -> pd.Series:
    """The basis says how the row is dated, and period_text and the period agree with it."""

    def fits(basis: object, text: object, end: object, status: object) -> bool:
        if not isinstance(basis, str):
            return True
        has_text = isinstance(text, str) and bool(text.strip())
        if basis in ("stated", "context"):
            return has_text
        if basis == "publication":
            return not has_text and not missing(end)
        return not has_text and missing(end) and (missing(status) or status == "target")  # undated

    return each_row(view, ["period_basis", "period_text", "period_end", "status"], fits)


@rule(
    "period-text-not-in-evidence",
    "indicators",
    "period_text",
    "period_basis is stated, but period_text {period_text!r} is not in the evidence (white space aside; pieces "
    "joined by ' … ' are looked for one by one): quote the dating words as the evidence writes them, or mark the "
    "row context if they stand in the text around it",
    reads=("evidence", "period_basis", "period_text"),
    per_row=True,
)
def period_words_in_evidence(view: pd.DataFrame) -> pd.Series:
    """A stated period's words are in the evidence."""

    def inside(basis: object, text: object, evidence: object) -> bool:
        if (
            not isinstance(basis, str)
            or basis != "stated"
            or not isinstance(text, str)
            or not isinstance(evidence, str)
        ):
            return True
        squeezed = squeeze(evidence)
        return all(squeeze(p) in squeezed for p in pieces(text))

    return each_row(view, ["period_basis", "period_text", "evidence"], inside)


# A year dates a paragraph whatever its words (a number, not a word): the words that date one are the lexicon's
# `dating_word` terms (今年, 去年, #月, today, jan #: `#` a day's or a month's number, in digits or Chinese numerals).
YEAR = re.compile(r"(?:19|20)[0-9]{2}")
DAY_NUMBER = "[0-9一二三四五六七八九十]{1,2}"  # what `#` stands for in a dating word (12月, 十一月, 3日, Jan. 5)
# What `#` stands for before an English unit word (past # years): a count, in digits or an English word (the past
# four years, the past 20 years; review 6 F7). Only there: "may one day" is no date.
COUNT = "(?:[0-9]{1,2}|(?<![a-z])(?:" + "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True)) + ")(?![a-z]))"
COUNT_SLOT = re.compile(r"(?<!\\)#(?=(?:\\s\*)?[a-z])")  # a `#` of a term pattern followed by a word
SENTENCE = re.compile(r"[。.!！?？](?:\s|$)|[。！？]")  # a line of sentences, not a title or a breadcrumb trail
RESTATED = 10000  # a figure this large (never a year) stated again elsewhere in the text is the same figure
HEADING = 40  # a line this short, without a full stop, is a title or a heading (一、2024年…执行情况)


@functools.lru_cache(maxsize=64)
def dating_pattern(words: str | None) -> re.Pattern[str] | None:
    """The lexicon's dating words (`Lexicon.alternation("dating_word")`) as one pattern, `#` read as a day's or a
    month's number, or before an English unit word as a count (COUNT); None without any."""
    if not words:
        return None
    counted = COUNT_SLOT.sub(lambda _m: COUNT, words)
    return re.compile(re.sub(r"(?<!\\)#", lambda _m: DAY_NUMBER, counted))


def dated(line: str, words: re.Pattern[str] | None) -> bool:
    """Whether a paragraph dates anything: a year, or a dating word of the lexicon (`words`, dating_pattern) in
    the paragraph folded as the lexicon's terms are (squash). A year or a word inside a book's title, 《…报告2017》,
    does not."""
    line = re.sub(r"《[^》]*》", "", line)
    return YEAR.search(line) is not None or (words is not None and words.search(squash(line)) is not None)


def context_of(text: str, evidence: str, quote: str | None = None, dating: re.Pattern[str] | None = None) -> list[str]:
    """The parts of the archived text a context period may be quoted from, squeezed: the paragraph (line) that holds
    the evidence (or the lines it runs over), the title and dateline (the first lines up to and including the first
    paragraph of body text, the news lead that says 中新网2月28日电), the headings above the evidence, and a dated
    line restating a large figure of the evidence in the unit of the row's quote (see restated)."""
    raw = [line for line in text.splitlines() if line.strip()]
    lines = [squeeze(line) for line in raw]
    squeezed = squeeze(evidence)
    holding = [k for k, line in enumerate(lines) if squeezed in line]
    if not holding:  # evidence running over a line break: the lines it starts in and the next
        holding = [k for k, line in enumerate(lines) if squeezed[:12] and squeezed[:12] in line]
    parts = ["".join(lines[k : k + 2]) for k in holding]
    # Line 0 is the title; the lead is the first paragraph of sentences after it (not a breadcrumb trail).
    lead = next((k for k, line in enumerate(lines) if k > 0 and len(line) > 60 and SENTENCE.search(line)), 0)
    parts.append("".join(lines[: lead + 1]))
    last = max(holding, default=len(lines))
    parts += [line for line in lines[:last] if len(line) <= HEADING and not line.endswith(("。", ".", "!", "！"))]
    # The nearest paragraph before and after the evidence that dates anything (a summit's dates given once in the
    # lead, a data footer 'as of Oct 25 2021'), with no other dated paragraph between.
    for k in holding[:1]:
        before = next((lines[j] for j in range(k - 1, -1, -1) if dated(raw[j], dating)), None)
        after = next((lines[j] for j in range(k + 1, len(lines)) if dated(raw[j], dating)), None)
        parts += [p for p in (before, after) if p]
    # A paragraph that states an exact figure of the evidence again, with its date: an infobox's 常住1,029,754人
    # under 人口2020年 is the census line's 截至2020年11月1日零时…常住人口为1029754人, whose day dates the infobox.
    exact = restated(squeezed, quote)
    if exact:
        parts += [
            line for line, whole in zip(lines, raw, strict=True) if dated(whole, dating) and exact & figures(line)
        ]
    return parts


# The word after a number: a Latin word, or one Han character (人, 家) with 次 when it counts visits (人次): the
# evidence is squeezed, so the next word runs on (常住1,029,754人城镇 is 人). Grammar, not vocabulary: any word is
# read (次 is the one suffix that makes a two-character count noun, 人次, 车次), and two figures agree by it alone.
UNIT_WORD = re.compile(r"\s?([a-zA-Z]+|[^\W\d_a-zA-Z]次?)")


def unit_after(text: str, end: int) -> str:
    """The word written right after a number (1029754人: 人; 15000人次: 人次; 15,000 enterprises: enterprises)."""
    word = UNIT_WORD.match(text, end)
    return word.group(1).lower() if word else ""


def figures(text: str, least: float = RESTATED) -> set[tuple[object, str]]:
    """The figures of a text at least `least` (a large one is never a year) with the word written after each."""
    return {(n.value, unit_after(text, n.end)) for n in number_spans(text) if abs(n.value) >= least}


def restated(evidence: str, quote: str | None) -> set[tuple[object, str]]:
    """The figures of the evidence a dated line elsewhere may restate to date it: large ones written in the unit of
    the row's own quote (the infobox's 常住1,029,754人 dates its 城镇690,641人: both 人), so that a line about
    15000人次 of tourists dates no 15000家 of enterprises; without a quote, every large figure with its unit."""
    found = figures(evidence)
    if quote is None:
        return found
    own = {unit for _value, unit in figures(squeeze(quote), 0)}
    return {(value, unit) for value, unit in found if unit in own}


def in_paragraph(
    text: str, evidence: str, words: list[str], quote: str | None = None, dating: re.Pattern[str] | None = None
) -> bool:
    """Whether every piece is in the evidence or in its context (its paragraph, the title and lead, its headings,
    the nearest paragraphs dated by a year or by `dating`, the lexicon's dating words: see context_of)."""
    squeezed, parts = squeeze(evidence), context_of(text, evidence, quote, dating)
    return all(squeeze(w) in squeezed or any(squeeze(w) in part for part in parts) for w in words)


@rule(
    "period-text-not-in-context",
    "indicators",
    "period_text",
    "period_basis is context, but period_text {period_text!r} is neither in the evidence nor in the paragraph of "
    "the archived text that holds it, its title, dateline and lead, a heading above it, or the nearest dated "
    "paragraph before or after it: quote the dating words of the text around the evidence",
    needs_archive=True,
    needs=("source_id.archive_raw",),
    reads=("dating_words", "evidence", "period_basis", "period_text", "value_text"),
    per_row=True,
)
def period_words_in_context(view: pd.DataFrame) -> pd.Series:
    """A context period's words are in the evidence's paragraph of the archived text."""
    cache: dict[tuple[object, ...], bool] = {}

    def near(basis: object, text: object, evidence: object, archived: object, quote: object, words: object) -> bool:
        if (
            not isinstance(basis, str)
            or basis != "context"
            or not isinstance(text, str)
            or not isinstance(evidence, str)
        ):
            return True
        if not isinstance(archived, str):
            return True
        key = (text, evidence, id(archived), quote, words)
        if key not in cache:
            dating = dating_pattern(words if isinstance(words, str) else None)
            cache[key] = in_paragraph(
                archived, evidence, pieces(text), quote if isinstance(quote, str) else None, dating
            )
        return cache[key]

    if "dating_words" not in view:  # a frame checked without the lexicon: dated by years only
        view = view.assign(dating_words=None)
    columns = ["period_basis", "period_text", "evidence", "source_id__archive_raw", "value_text", "dating_words"]
    return each_row(view, columns, near)


@rule(
    "period-text-mismatch",
    "indicators",
    "period_start",
    "period_text {period_text!r} does not read as the row's period ({period_start:%Y-%m-%d} to "
    "{period_end:%Y-%m-%d}, a {indicator__temporal}; the text is dated {text_date}): a stock is the level at one "
    "date, a flow the span the words give (2021年 is the whole year, 上半年 its first half, 目前 the text's date); "
    "correct the period, or quote the words that date it (a figure of an event edition, event_id set, may "
    "also cover the edition's days within the period its words give, and a flow of the whole edition may be dated "
    "by the day within it that it was announced; words the reader cannot read must at least "
    "meet a year they write, and a stock they date by one year and nothing finer stands at its end)",
    needs=(*NEEDS, "event_id.start", "event_id.end"),
    reads=("anchor", "period_basis", "period_editions", "period_end", "period_reading", "period_start"),
    per_row=True,
)
def period_reads_back(view: pd.DataFrame) -> pd.Series:
    """The dating words read back give the row's period, length and kind; unread words, a year they write."""
    if "period_reading" not in view:
        return pd.Series(True, index=view.index)

    def fits(
        basis: object,
        reading: object,
        start: object,
        end: object,
        temporal: object,
        anchor: object,
        event_start: object,
        event_end: object,
        named: object,
    ) -> bool:
        if not isinstance(basis, str) or basis not in ("stated", "context"):
            return True
        if not isinstance(reading, Reading):
            return True
        first, last = day(start), day(end)
        if first is None or last is None:
            return True
        if reading.why:  # unread words are not guessed at, but a year they write is theirs ('Until … in 1949')
            if reading.years and not any(first.year <= y <= last.year for y in reading.years):
                return False
            return not off_its_year_end(reading, first, last, stock_or_flow(temporal), event_start, named)
        stock = stock_or_flow(temporal)
        if in_edition(reading, first, last, publication_bounds(event_start)[0], publication_bounds(event_end)[1]):
            return True
        # A of '2017年…从68平方公里扩大到110平方公里' is the level before the change: the end of the year before.
        before = getattr(anchor, "side", None) == "from" and stock and first == last
        if before and any(last == date(year - 1, 12, 31) for year in reading.years):
            return True
        # A flow of one end year of a range is A or B of 'from A to B'; a flow beside no such pair is the range's.
        at_an_end = getattr(anchor, "side", None) is not None or stock is not False
        return bool(reading.admits(first, last, stock, ends=at_an_end))

    columns = ["period_basis", "period_reading", "period_start", "period_end", "indicator__temporal", "anchor"]
    if "event_id__start" not in view or "event_id__end" not in view:  # no events table: no edition's days
        view = view.assign(event_id__start=None, event_id__end=None)
    if "period_editions" not in view:
        view = view.assign(period_editions=None)

    def undecided(basis: object, reading: object) -> bool | None:
        """True where the basis or the reading leaves the period unchecked (fits' first answers), else None."""
        if not isinstance(basis, str) or basis not in ("stated", "context") or not isinstance(reading, Reading):
            return True
        return None

    columns = [*columns, "event_id__start", "event_id__end", "period_editions"]
    return each_row(view, columns, fits, decided=(["period_basis", "period_reading"], undecided))


def off_its_year_end(
    reading: Reading, first: date, last: date, stock: bool | None, edition_start: object, named: object
) -> bool:
    """Whether a stock dated by unread words that write one year and nothing finer (no month, half or quarter
    word; no event edition, by event_id or named in the words) stands off that year's end. A year alone, read,
    dates a level at its end (2014年 355家); unread words around it ('Until the founding of … in 1949', 到1949年解放)
    state no day either, so the level stands at the last day they allow, never a day no word gives."""
    if stock is not True or first != last or len(reading.years) != 1 or reading.sub_year:
        return False
    if not missing(edition_start) or (isinstance(named, tuple) and bool(named)):
        return False
    (year,) = reading.years
    return last != date(year, 12, 31)


def in_edition(
    reading: Reading, first: date, last: date, earliest: pd.Timestamp | None, latest: pd.Timestamp | None
) -> bool:
    """Whether the row's period lies within its event edition's days (a figure of the summit under way: the guests
    on its first day, the deals of its three days), and the words give a period that holds the row's (2023年, 本届
    with the year, November 8th for a figure of that day), or name the edition's closing day (a recap written as it
    closes: November 10th for the three days): an edition's dates are known from the events table, not from the
    words. A flow of the whole edition may also be dated by a day within it, the day it was announced (新华社11月7日电
    for the guests of the 2025 summit of 6-9 November; review 6 F9); otherwise one day's words never date the other
    days (a figure of the first day is not dated by the third's words)."""
    if earliest is None or latest is None:
        return False
    start, end = earliest.date(), latest.date()  # an edition known to the month spans the month
    if not (start <= first <= last <= end):
        return False
    whole = first == start and last == end
    return any(
        (p.start[0] <= first and last <= p.end[1] and within_its_length(p, first))
        or (p.start[0] == p.end[1] == end and last == end)
        or (whole and p.kind == "date" and start <= p.start[0] and p.end[1] <= end)
        for p in reading.periods
    )


def within_its_length(period: Period, first: date) -> bool:
    """Whether a span of a stated length (过去三天 at the text's date) can hold a period starting on `first`: its
    start window alone reaches back to any day (the length fixes it), so the length counts back from its end."""
    return period.days is None or period.end[0] - timedelta(days=period.days) <= first


@rule(
    "period-edition-named",
    "indicators",
    "period_start",
    "period_text {period_text!r} names the event edition {period_editions_text}, but the row's period "
    "({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}) does not reach its days: words tied to an edition (首届…"
    "举办时, 第四届乌镇峰会, since the first WIC) date the figure at, from or over them; correct the period, or quote "
    "the words that date it",
    reads=("period_editions", "period_end", "period_start", "period_text", "project_id"),
    per_row=True,
)
def reaches_the_edition_named(view: pd.DataFrame) -> pd.Series:
    """A row whose dating words name an event edition (by its name in the events table, or by its ordinal, 第四届,
    among its recurring event's editions: semantics/editions_named.py) has a period that reaches the edition's
    days: at them (a stock 首届…举办时), from them (自…首届…以来) or over them. The period reader leaves such words
    unread, so without this nothing held the row's year or date (review 6 F9)."""
    if "period_editions" not in view:
        return pd.Series(True, index=view.index)

    def editions(named: object) -> tuple[tuple[int, int], ...] | None:
        """The editions' (first, last) days; None where any row of these words passes (no edition named, or one
        of unknown days)."""
        if not isinstance(named, tuple) or not named:
            return None
        days = [(publication_bounds(opened)[0], publication_bounds(closed)[1]) for _event, opened, closed in named]
        if any(low is None or high is None for low, high in days):
            return None
        return tuple((day_number(low), day_number(high)) for low, high in days)

    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    passes = ~first.known | ~last.known
    named = view["period_editions"]
    if not len(view):
        return as_series(view, passes)
    codes, spans = per_distinct_rows([named], editions)
    passes |= np.array([span is None for span in spans], dtype=bool)[codes]
    for code, span in enumerate(spans):  # the few distinct words that name editions of known days
        if span is None:
            continue
        rows = codes == code
        for low, high in span:
            passes |= rows & (low <= last.ordinal) & (first.ordinal <= high)
    return as_series(view, passes)


@rule(
    "period-outside-edition",
    "indicators",
    "period_start",
    "the figure is of the event edition {event_id} ({event_id__start} to {event_id__end}), but its period "
    "({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}) is not within the edition's days: an edition's figure is "
    "dated by the edition (its first day, its days, or a day of it); correct the period, or clear event_id if the "
    "figure is not the edition's",
    needs=("event_id.start", "event_id.end"),
    reads=("period_end", "period_start"),
    per_row=True,
)
def within_the_edition(view: pd.DataFrame) -> pd.Series:
    """A figure of one event edition (event_id set) lies within the edition's days (events.start..end, a month or a
    year where the archive gives no day)."""
    if "event_id__start" not in view or "event_id__end" not in view:
        return pd.Series(True, index=view.index)

    def edition(first_day: object, last_day: object) -> tuple[int, int]:
        return day_number(publication_bounds(first_day)[0]), day_number(publication_bounds(last_day)[1])

    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    low, high = per_text(view, ["event_id__start", "event_id__end"], edition, 2).T
    inside = (low <= first.ordinal) & (first.ordinal <= last.ordinal) & (last.ordinal <= high)
    return as_series(view, ~first.known | ~last.known | (low < 0) | (high < 0) | inside)


# The indicators whose row with event_id is the edition's own ordinal (第N届, 第N年, 首届年会) say so in
# indicator_definitions.edition_ordinal: a fact about the edition as a whole, not about the day a text was
# written on it.


def ordinal(flag: object) -> bool:
    """Whether indicator_definitions.edition_ordinal is true (a missing cell is not)."""
    return not missing(flag) and bool(flag)


def edition_day(start: object) -> date | None:
    """An edition's first day, where the events table gives it as a day (else None: only a month or a year)."""
    low, high = publication_bounds(start)
    return low.date() if low is not None and low == high else None


def agreed_days(view: pd.DataFrame) -> dict[object, date]:
    """Per edition known only to its month (or year): the one day its ordinals stand at, the day most of them
    have (the earliest on a tie), so that a row off it is the one reported."""
    days: dict[object, list[date]] = {}
    # Only an edition's ordinals are read (their flag read once per distinct value), not every row of the table.
    of_edition = view["event_id"].notna() & mapped(view["indicator__edition_ordinal"], ordinal, bool)
    rows = view.loc[of_edition.to_numpy(dtype=bool)]
    for event, flag, start, end, edition_start in zip(
        rows["event_id"],
        rows["indicator__edition_ordinal"],
        rows["period_start"],
        rows["period_end"],
        rows["event_id__start"],
        strict=True,
    ):
        first, last = day(start), day(end)
        of_month = ordinal(flag) and not missing(event) and edition_day(edition_start) is None
        if of_month and first is not None and first == last:
            days.setdefault(event, []).append(first)
    return {event: min(found, key=lambda d: (-found.count(d), d)) for event, found in days.items()}


@rule(
    "edition-ordinal-date",
    "indicators",
    "period_start",
    "{indicator} of the event edition {event_id} is the edition's ordinal: every row of one edition stands at one "
    "date, its first day ({event_id__start}), or, where the archive gives only its month, one day of the month for "
    "all its ordinals (the earliest day a text places within the edition); the row is dated "
    "{period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}: date it so, quoting the edition's name as period_text "
    "where the text's own date words give another day",
    needs=("event_id.start", "indicator.edition_ordinal"),
    reads=("event_id", "period_end", "period_start"),
    per_row=False,  # agreed_days reads every row of an edition
)
def edition_ordinal_dated_by_edition(view: pd.DataFrame) -> pd.Series:
    """An edition's ordinal (an indicator marked edition_ordinal: editions, years or annual meetings held, with
    event_id) stands at one date: the edition's first day, or, where only its month is known, the one day its
    ordinals agree on (agreed_days)."""
    if "event_id__start" not in view or "indicator__edition_ordinal" not in view:  # no events, or a package from before
        return pd.Series(True, index=view.index)
    agreed = agreed_days(view)

    def fits(event: object, flag: object, start: object, end: object, edition_start: object) -> bool:
        if not ordinal(flag) or missing(event):
            return True
        first, last = day(start), day(end)
        want = edition_day(edition_start) or agreed.get(event)
        if want is None or first is None or last is None:
            return True  # an undated target, or an edition without dates: other rules speak of those
        return first == last == want

    columns = ["event_id", "indicator__edition_ordinal", "period_start", "period_end", "event_id__start"]
    # A row of no edition's ordinal passes, whatever its dates (fits' first answer).
    no_ordinal = (
        ["event_id", "indicator__edition_ordinal"],
        lambda event, flag: True if not ordinal(flag) or missing(event) else None,
    )
    return each_row(view, columns, fits, decided=no_ordinal)


@rule(
    "period-publication-mismatch",
    "indicators",
    "period_end",
    "period_basis is publication, so the row is dated by its text's own date ({text_date}; a repost's original "
    "date when the source records it), but its period is {period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}: a "
    "stock at that date, a flow ending at it (never the last full year before it: a year no word states is a "
    "guess); if words date the figure, quote them, else remove the row",
    needs=NEEDS,
    reads=("period_basis", "period_end", "period_start", "text_date"),
    per_row=True,
)
def dated_by_publication(view: pd.DataFrame) -> pd.Series:
    """A row dated by publication is dated by its text's own date; by the year's end, if that is only a year.

    The text's own date is the original's, for a repost, narrowed by the days its words place in its past and
    future (sources.written_after, written_before); a text known to its month may date a row on any day of it, a
    text known only to its year, or to the part of it its words leave, on its last day alone (as a stock dated by a
    year alone is the level at the year's end)."""

    def bounds(basis: object, dated: object) -> tuple[int, int, int, int]:
        """(dated by publication with known bounds, first day, last day, a text known only to its year)."""
        if not isinstance(basis, str) or basis != "publication" or not isinstance(dated, str):
            return (0, -1, -1, 0)
        low, high = publication_bounds(dated)
        if low is None or high is None:
            return (0, -1, -1, 0)
        # a text known only to its year (or its part) dates a row at its last day, and no other
        return (1, day_number(low), day_number(high), int(stands_at_its_end(low.date(), high.date())))

    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    # The kind (stock or flow) is read as the rule always read it (a refused cell of it holds the row's problem).
    columns = ["period_basis", "text_date", "indicator__temporal"]
    dated, lo, hi, at_end = per_text(view, columns, lambda basis, text, _kind: bounds(basis, text), 4).T
    within = np.where(at_end == 1, last.ordinal == hi, (lo <= last.ordinal) & (last.ordinal <= hi))
    return as_series(view, (dated == 0) | ~first.known | ~last.known | within)


@rule(
    "period-year-in-evidence",
    "indicators",
    "year",
    "the evidence writes the year {anchor_year} next to the quoted {value_text!r}, but the row's period is "
    "{period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}: date the figure by the year its words give (a comparison "
    "base, 比2014年 or than in 2019, is not read as its date)",
    reads=("anchor", "period_end", "period_start"),
    per_row=True,
)
def year_next_to_quote(view: pd.DataFrame) -> pd.Series:
    """A year written next to the quoted quantity lies within the row's period."""

    def written(anchor: object) -> tuple[int, int, int]:
        years = getattr(anchor, "year", None)
        return (0, 0, 0) if years is None else (1, int(years[0]), int(years[1]))

    has, low, high = per_text(view, ["anchor"], written, 3).T
    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    # the row's period meets the written years
    return as_series(view, (has == 0) | ~first.known | ~last.known | ((low <= last.year) & (first.year <= high)))


def sub_year_span(first: date, last: date) -> bool:
    """A span of whole months within one year, shorter than the year (a half, a quarter, 1-9月)."""
    ends_a_month = last == date.max or (last + timedelta(days=1)).day == 1  # 9999-12-31 has no next day (trial 13 W1)
    whole_months = first.day == 1 and ends_a_month
    return whole_months and first.year == last.year and (first.month, last.month) != (1, 12) and first != last


@rule(
    "period-length-words",
    "indicators",
    "period_start",
    "the period ({period_start:%Y-%m-%d} to {period_end:%Y-%m-%d}) and its words disagree in length: a full year is "
    "not written with half-year, quarter or month words (上半年, 1-6月, first half), and a half year, a quarter or a "
    "run of months is (period_text {period_text!r}); correct the period to what the words say",
    needs=NEEDS,
    reads=("anchor", "period_basis", "period_end", "period_reading", "period_start", "period_text", "text_date"),
    per_row=True,
)
def length_in_words(view: pd.DataFrame) -> pd.Series:
    """A full-year flow has no sub-year words; a half year, quarter or run of months has them; a span shorter than a
    year within one year has no whole-year words (全年, annual, 每年) unless its sub-year words say which part."""

    def words_of(
        reading: object, anchor: object, temporal: object, text: object, basis: object, dated: object
    ) -> tuple[int, ...]:
        """(a stock, sub-year words, whole-year words, unread words, the publication month's first and last day)."""
        published = publication_days(dated) if isinstance(basis, str) and basis == "publication" else None
        return (
            int(isinstance(temporal, str) and temporal == "stock"),
            int(bool(getattr(reading, "sub_year", False)) or bool(getattr(anchor, "sub_year_words", False))),
            int(bool(getattr(reading, "whole_year", False))),
            int(isinstance(text, str) and bool(text.strip()) and getattr(reading, "why", None) is not None),
            *((-2, -2) if published is None else (published[0].toordinal(), published[1].toordinal())),
        )

    columns = ["period_reading", "anchor", "indicator__temporal", "period_text", "period_basis", "text_date"]
    stock, words, whole, unread, month_first, month_last = per_text(view, columns, words_of, 6).T
    stock, words, whole, unread = stock == 1, words == 1, whole == 1, unread == 1
    first, last = Days.of(view["period_start"]), Days.of(view["period_end"])
    one_year = first.year == last.year
    full_year = (first.month == 1) & (first.day == 1) & (last.month == 12) & (last.day == 31) & one_year
    # dated by a text known to the month: the month is the text's date, no word says less
    the_month = (first.ordinal == month_first) & (last.ordinal == month_last)
    return as_series(
        view,
        np.select(
            [
                ~first.known | ~last.known | stock,
                full_year,
                the_month,
                # 全年, annual, 每年 say a whole year, read or not: a span shorter than one is not it
                one_year & ~words & whole,
                # words the reader cannot read are not held against the row
                sub_year_spans(first, last),
            ],
            [True, ~words | whole, True, False, words | unread],
            default=True,
        ),
    )


def sub_year_spans(first: Days, last: Days) -> np.ndarray:
    """sub_year_span of each row's days, as arrays (a row without both days: False)."""
    whole_months = (first.day == 1) & (last.next_day() == 1)
    months = (first.month == 1) & (last.month == 12)
    span = whole_months & (first.year == last.year) & ~months & (first.ordinal != last.ordinal)
    return np.asarray(span & first.known & last.known)


def publication_days(dated: object) -> tuple[date, date] | None:
    """The first and last day a text date (`YYYY-MM`, ...) can stand for."""
    low, high = publication_bounds(dated)
    return None if low is None or high is None else (low.date(), high.date())
