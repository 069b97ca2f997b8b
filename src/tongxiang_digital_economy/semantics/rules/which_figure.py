"""Rules that anchor which figure of its passage a row quotes: the indicator's words attach to the quoted quantity
(the nearest form in its sentence, with no other quantity of the same dimension between them), a plan table's
column agrees with the row's status, a quote that is A of "from A to B" is the earlier figure, not the later
(text/clauses.py reads all of this), an ordinal is no count, and where a passage pairs names with figures the
quote is the subject's.

Why a module: which figure is read from where the quote stands in its passage (semantics/anchors.py's
attachment) and the row's dating words, not from what is measured (rules/indicator_words.py) nor from whose
names the evidence gives (rules/anchors.py).
"""

from __future__ import annotations

import re

import pandas as pd

from ...text.period_readings import Reading
from ..distinct import per_distinct_rows, spread
from .registry import each_row, missing, rule


@rule(
    "subject-pairs-another-figure",
    "indicators",
    "value_text",
    "value_text {value_text!r} is not the figure of the row's subject in its evidence: names and figures are paired "
    "in order there (分别, respectively), or each figure of the clause stands beside its own subject's name ('X "
    "tons in A and Y tons in B'), and the subject's name stands in the place of another figure; quote the figure "
    "in the place of the subject's name, or give the row the subject named in the quote's place",
    reads=("subject_pairing",),
    per_row=True,
)
def subject_paired(view: pd.DataFrame) -> pd.Series:
    """Where a passage pairs names with figures in order, the quote is the figure in the place of the subject's
    name (桐昆…、闻泰…和新凤鸣…,营业收入分别为710.11亿元、517.07亿元和514.86亿元: 710.11亿元 is Tongkun's); where
    two figures of one kind in a clause each stand beside an enterprise's or project's name in one pattern ('300,000
    tons in the Huzhou production base and … 600,000 tons in the Dushan Port production base'), the quote is the
    one beside the subject's name."""
    if "subject_pairing" not in view:
        return pd.Series(True, index=view.index)
    return view["subject_pairing"].map(lambda p: p is not False).astype(bool)


def reading_years(reading: object) -> tuple[int, int] | None:
    """The first and last year of a multi-year span the period words give (2014-23: 2014, 2023)."""
    for period in getattr(reading, "periods", ()):
        if period.kind == "span" and period.start[1].year < period.end[0].year:
            return period.start[1].year, period.end[0].year
    return None


@rule(
    "which-figure",
    "indicators",
    "value_text",
    "value_text {value_text!r} is not the figure of {indicator!r} in its evidence: the indicator's words "
    "({indicator__written_forms}) do not attach to it, another quantity of its kind stands between them, its table "
    "column is another status, it is the wrong end of 'from A to B' (A is the earlier figure and has its own "
    "dating words, B the later), or it is an ordinal (第二届, the first) and the indicator no rank nor an "
    "edition's ordinal; quote the figure the words attach to",
    needs=("indicator.written_forms", "indicator.temporal", "indicator.measure", "indicator.edition_ordinal"),
    reads=(
        "anchor",
        "period_basis",
        "period_end",
        "period_reading",
        "period_start",
        "period_text",
        "span_start_words",
        "status",
    ),
    per_row=True,
)
def the_figure_its_words_attach_to(view: pd.DataFrame) -> pd.Series:
    """The quoted quantity is the one the indicator's words attach to, in the column of the row's status."""

    def fits(
        anchor: object,
        status: object,
        reading: object,
        start: object,
        end: object,
        basis: object,
        temporal: object,
        words: object,
        ordinal_figure: object,
        start_words: object,
    ) -> bool:
        if anchor is None or not getattr(anchor, "found", False):
            return True
        if getattr(anchor, "ordinal", False) and ordinal_figure is False:
            return False  # 'Since the first WIC, … 565 projects': the first is no count of 1
        opens = isinstance(words, str) and isinstance(start_words, str) and opens_span(words, start_words)
        if not from_to_fits(anchor, reading, start, end, basis, temporal, opens):
            return False
        if anchor.forms_present and not anchor.attached:  # type: ignore[attr-defined]
            return False
        columns = anchor.columns  # type: ignore[attr-defined]
        if columns and isinstance(status, str) and status not in columns:  # a missing status is not compared
            return False
        years, last = reading_years(reading), None if missing(end) else pd.Timestamp(end).year  # type: ignore[arg-type]
        side = anchor.side  # type: ignore[attr-defined]
        other, own = anchor.other_year, anchor.year  # type: ignore[attr-defined]
        if side is not None and other is not None and last == other and not (own and own[0] <= other <= own[1]):
            return False  # A of 'from A in 2014 to B in 2023' dated 2023, or B dated 2014
        if years is not None and last is not None and side is not None:
            return not ((side == "from" and last == years[1]) or (side == "to" and last == years[0]))
        return True

    columns = ["anchor", "status", "period_reading", "period_start", "period_end", "period_basis"]
    view = view if "period_text" in view else view.assign(period_text=None)
    view = view.assign(ordinal_figure=ordinal_figures(view))
    if "span_start_words" not in view:  # a frame checked without the lexicon: no dating words open a span
        view = view.assign(span_start_words=None)
    texts = ["anchor", "status", "period_reading", "period_basis", "indicator__temporal", "period_text"]

    def undecided(
        anchor: object, status: object, reading: object, basis: object, temporal: object, *rest: object
    ) -> bool | None:
        """fits' answer where the dates cannot change it: a quote that is no end of 'from A to B' (its anchor has
        no side) is never compared with the row's dates (from_to_fits passes it, and so do the year checks)."""
        if anchor is not None and getattr(anchor, "found", False) and getattr(anchor, "side", None) is not None:
            return None
        return fits(anchor, status, reading, None, None, basis, temporal, *rest)

    columns = [*columns, "indicator__temporal", "period_text", "ordinal_figure", "span_start_words"]
    return each_row(view, columns, fits, decided=([*texts, "ordinal_figure", "span_start_words"], undecided))


def ordinal_figures(view: pd.DataFrame) -> pd.Series:
    """Per row: True where an ordinal may be its figure (a rank, or an edition's ordinal: 第二届 is the second
    edition), False where it may not, None where the indicator's measure is unknown (not judged)."""
    measure = view.get("indicator__measure", pd.Series(pd.NA, index=view.index)).astype(object)
    edition = view.get("indicator__edition_ordinal", pd.Series(pd.NA, index=view.index)).astype(object)
    codes, answers = per_distinct_rows(  # once per distinct (measure, edition_ordinal), not per row
        [measure, edition], lambda m, e: None if not isinstance(m, str) else m == "rank" or (not missing(e) and bool(e))
    )
    return spread(codes, answers, view.index)


def opens_span(words: str, start_words: str) -> bool:
    """Whether a row's dating words open with a word that dates a span's start (`start_words`: the lexicon's
    `span_word` `from` and `start` and `since_word` `open` and `alone` terms: From 2014, between, since, 自)."""
    return re.match(rf"(?i)\s*(?:{start_words})", words) is not None


def from_to_fits(
    anchor: object, reading: object, start: object, end: object, basis: object, temporal: object, opens: bool
) -> bool:
    """Which end of 'from A to B' the row is, by the dating words: B's row is not dated only by A's words (从去年的
    220G提升到334G: 去年 dates 220G), A's row carries A's own dating words where A has some, and A with none is the
    level before the change, never dated where the words (or the text's date) put B, unless they open with a
    start word (`opens`: opens_span), which dates A as the span's start."""
    side = getattr(anchor, "side", None)
    with_a, apart = getattr(anchor, "words_with_from", 0), getattr(anchor, "words_apart_from", 0)
    if not getattr(anchor, "has_a", False):
        return True  # no figure A (from 2014 to 2015 rose to X)
    if side == "to":
        return not (with_a and not apart)
    if side != "from":
        return True
    if getattr(anchor, "from_dated", False):
        return bool(with_a)
    if temporal != "stock" or missing(start) or missing(end):
        return True
    if basis == "publication":
        return False  # the text's own date is B's: A is the level before it
    if not isinstance(reading, Reading) or reading.why or basis not in ("stated", "context"):
        return True
    if opens:
        return True  # the row's own words date A as the start (From 2014 to 2022 … from 12 to more than 1,000)
    first, last = pd.Timestamp(start).date(), pd.Timestamp(end).date()  # type: ignore[arg-type]
    latest = max((p.end[1] for p in reading.periods), default=None)
    # A dated at the latest day its words allow is dated where B stands (2017年…从68扩大到110 dated 2017-12-31).
    return not (reading.admits(first, last, True) and latest is not None and last == latest)
