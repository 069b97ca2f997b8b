"""Rules that hold a figure's dating words to where they are quoted from: the basis says how the row is dated, a
stated period's words stand in the evidence, and a context period's words in the text around it (the evidence's
paragraph, the title, dateline and lead, a heading above it, the nearest dated paragraph before or after it).

Registered before the rules of periods.py (rules/__init__ imports the modules in this order), as they were when
one module held both.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from ...text.fold import squash, squeeze
from ...text.numerals import CARDINAL_WORDS, number_spans
from ...text.period_readings import PIECE_JOIN
from .registry import each_row, missing, rule


def pieces(period_text: str) -> list[str]:
    """The verbatim pieces of a period_text (joined by ' … ')."""
    return [p for p in (x.strip() for x in period_text.split(PIECE_JOIN.strip())) if p]


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
