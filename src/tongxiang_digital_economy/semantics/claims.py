r"""What a figure claims, as an interval of the base unit: one meaning shared by the agreement rules and `series`.

A row says `114.2 billion_yuan eq`; another `1141.69 yi_yuan eq`. As strings they differ; as claims they agree,
because a figure is written to a precision: 114.2 billion stands for anything that rounds to it, 114.15 to 114.25
billion. So a claim is an interval in the base unit (`value_base`), at the precision the value is written in
(half a unit of its last written digit, in the row's own unit, scaled like the value):

| qualifier | interval (h: half a unit of the last written digit) |
|---|---|
| eq | [v − h, v + h) |
| approx (约, about, 左右) | [v − t·\|v\| − h, v + t·\|v\| + h) (t: APPROX_TOLERANCE, a tenth) |
| approx written 近 / nearly ("approaching") | [v − t·\|v\| − h, v + h): nearly N is N or a little below it |
| gt / gte | (v + h, ∞) / [v − h, ∞): "more than 350" is more than what rounds to 350 |
| lt / lte | (−∞, v − h) / (−∞, v + h) |
| range | [v − h, upper + h) |
| gt written N多 / N余 ("N and some") | (v, v + u) (u: one unit of the last non-zero digit of v as written) |
| eq, a whole number of a count | [v, v]: a count has no rounding, 47 exhibitors are 47 |

Intervals at written precision are half-open, as rounding is: 47.5 rounds to 48, so 47 stands for [46.5, 47.5)
and 48 for [47.5, 48.5); touching is not meeting, and two figures one last digit apart never agree.
"N多" is more than N and less than the next N at its last non-zero digit: 40多亿 is 40 to 50 亿, 350多 is 350 to
360, 300多 is 300 to 400, 8倍多 is 8 to 9 times (the words are the lexicon's `and_some` terms, read from
`value_text` into the column `and_some`; without that column gt is open upward).
"About N" is not N at its last digit: 约1000家 stands for 1012 as well, "nearly 100" for 99. An approximate figure
allows a tenth of itself either way (APPROX_TOLERANCE; the `multiple-off-levels` reading in semantics/identity.py
uses the same tenth), so 约1000 agrees with 1012 and conflicts with 1500. The lexicon's `nearly` words (近, 将近,
接近, 几乎, nearly, almost), read from `value_text` into the column `nearly`, approach N from below: "nearly 100" is
90 to 100 and conflicts with "more than 100"; without that column an approx figure is read both ways.
For a negative value (a fall) the qualifier bounds its size (下降超过5% is −5 with gt), so gt reads as below v.
Two claims agree when their intervals meet: 超过915万 (above 915.5万) agrees with 918.26万, 350多 and 300多 with
355; 5.1 billion (51亿) does not agree with 40多亿, nor 47 with 48; "nearly 100" (90 to 100.5) and "more than
100" (above 100.5) conflict. A row conflicts
when some row of its group has an interval that does not meet its own: with the group's lowest upper bound and
highest lower bound that is one pass over the rows, linear in time and memory however large a group is.

`claim_key` is a claim as a string, for "stated alike" (the same value in the base unit, upper bound and
qualifier): what corroboration and `series` compare.

A restatement (`is_restatement`) is one meaning shared by `fact-cluster` (semantics/identity.py) and `series`
(use/timeseries.py): a later figure of a stock says again an earlier one when (1) its only date is its own text's
(period_basis `publication`, or a one-day period at the text's date, or at a day it can be when the text is known
only to its month, read from words relative to it: 目前, 至今, 2014年至今, so far), (2) it agrees with the earlier
figure at written precision (the intervals above meet) with the same bound word (六千余年 does not say 7,000 years
again), (3) the earlier figure's text was *published* before the later one's (a text dated 2021-09-15 cannot say
again what a text of 2021-09-27 dates to 2020), (4) the later date is at most RESTATED_YEARS after the earlier
statement (a text plausibly repeats the latest figure it knows; later, it states the level anew), and (5) the
later source ranks no stronger (a stronger source is a point of its own, never hidden behind a weaker one), unless
it is written coarser (`coarser`: its interval holds the earlier one's and is wider, so it says less: CCTV's
18亿亿次 of 2025 after 181.9千万亿次 of 2023 is 175 to 185 千万亿次, and drawn at 180 it would show a fall no text
states). A
flow is never a restatement: a year's income equal to the year before's is a new observation. Two texts that each
give a stock its own stated date (2019年末, 2020年末) restate nothing: one of them is mis-dated, and
`fact-cluster` says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..io.load import decimal_text
from ..text.period_facts import Facts, read_pieces
from ..text.period_lexicon import PeriodWords, normalise
from ..text.periods import publication_bounds, written_window
from .answers import kept_reading
from .distinct import float_texts, lexicon_of, quiet_floats

# How far "about N" reaches either way, as a share of N (约1000 is 900 to 1100).
APPROX_TOLERANCE = 0.1


def decimals(value: pd.Series) -> pd.Series:
    """How many decimals each value is written with (1890 → 0, 37.73 → 2), once per distinct value."""
    distinct = value.dropna().unique()
    places = {}
    for v in distinct:
        text = decimal_text(v) or ""
        places[v] = len(text.partition(".")[2])
    return value.map(places).astype("Float64")


def last_digit_unit(value: pd.Series) -> pd.Series:
    """One unit of each value's last non-zero written digit (40 → 10, 350 → 10, 300 → 100, 8 → 1, 1.5 → 0.1)."""
    distinct = value.dropna().unique()
    units = {}
    for v in distinct:
        whole, _, fraction = (decimal_text(v) or "").lstrip("-").partition(".")
        if fraction.rstrip("0"):
            units[v] = 10.0 ** -len(fraction.rstrip("0"))
        else:
            stripped = whole.rstrip("0")
            units[v] = 10.0 ** (len(whole) - len(stripped)) if stripped else 1.0
    return value.map(units).astype("Float64")


def and_some(value_text: pd.Series, qualifier: pd.Series, terms: list[str]) -> pd.Series:
    """Whether a gt figure is written "N多" / "N余" (N and some, below the next N): its value_text holds one of
    the lexicon's `and_some` terms (#多, #余: # a number or a scale word such as 万, 倍 or % written after it)."""
    words = [t.replace("#", "") for t in terms if t.replace("#", "").strip()]
    if not words:
        return pd.Series(False, index=value_text.index, dtype=bool)
    # What may end the number before the word: a digit, a Chinese numeral or scale (万, 亿), 倍 or % (the number's
    # own marks, its grammar: no word list).
    pattern = "(?:[0-9０-９一二三四五六七八九十百千万萬亿億倍%])(?:" + "|".join(re.escape(w) for w in words) + ")"
    found = value_text.astype("string").str.contains(pattern, regex=True).fillna(False).astype(bool)
    return found & (qualifier.astype("string") == "gt").fillna(False).astype(bool)


def nearly(value_text: pd.Series, qualifier: pd.Series, terms: list[str]) -> pd.Series:
    """Whether an approx figure is written "nearly N" (近, 将近, nearly, almost: N or a little below it): its
    value_text holds one of the lexicon's `nearly` terms, matched case-insensitively."""
    words = [t.strip() for t in terms if t.strip()]
    if not words:
        return pd.Series(False, index=value_text.index, dtype=bool)
    pattern = "(?i)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    found = value_text.astype("string").str.contains(pattern, regex=True).fillna(False).astype(bool)
    return found & (qualifier.astype("string") == "approx").fillna(False).astype(bool)


def nearly_terms(lexicon: pd.DataFrame) -> list[str]:
    """The lexicon's `nearly` terms (none in a package from before the category)."""
    return category_terms(lexicon, "nearly")


def category_terms(lexicon: pd.DataFrame, category: str) -> list[str]:
    """The lexicon's terms of `category`, kept by the content of its two columns (answers.kept_reading): the roles
    of an edited copy's series ask for them on every validation (a few milliseconds of pandas each). Shared: callers
    never change the list."""
    if "category" not in lexicon:
        return []
    return kept_reading(
        ("terms", category),
        [(lexicon, ("category", "term"))],
        lambda words: [str(t) for t in words.loc[words["category"] == category, "term"].dropna()],
    )


def period_words(lexicon: pd.DataFrame | None) -> PeriodWords:
    """The lexicon's words of the text's own day and of parts of a year (none without a lexicon table)."""
    # Asked column by column (`in`), not as set(lexicon): a reading's declared columns are traced by what it asks.
    readable = lexicon is not None and all(c in lexicon for c in ("term", "category", "meaning"))
    return PeriodWords.of(lexicon_of(lexicon) if lexicon is not None and readable else None)


def and_some_terms(lexicon: pd.DataFrame) -> list[str]:
    """The lexicon's `and_some` terms (none in a package from before the category)."""
    return category_terms(lexicon, "and_some")


def scale_of(frame: pd.DataFrame) -> pd.Series:
    """Base units per unit of the row's own unit (value_base ÷ value, the denominator included)."""
    value = frame["value"].astype("Float64")
    return (frame["value_base"].astype("Float64") / value.where(value != 0)).astype("Float64")


@quiet_floats  # the largest finite value (1.8e308) overflows to an open bound here: read so, not warned about
def intervals(frame: pd.DataFrame) -> pd.DataFrame:
    """Each row's claim as closed bounds `low`, `high` in the base unit (open bounds nudged inward); NaN if unknown.

    Reads value, value_upper, qualifier, unit and value_base (load() adds it), and `and_some` and `nearly` where
    present.
    """
    scale = scale_of(frame).to_numpy(dtype="float64", na_value=np.nan)
    value = frame["value"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    upper = frame["value_upper"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    base = frame["value_base"].astype("Float64").to_numpy(dtype="float64", na_value=np.nan)
    scale = np.where(value == 0, 0.0, scale)  # a zero is zero in every scale
    half = 0.5 * np.power(10.0, -decimals(frame["value"]).to_numpy(dtype="float64", na_value=np.nan)) * np.abs(scale)
    half_upper = 0.5 * np.power(10.0, -decimals(frame["value_upper"]).to_numpy(dtype="float64", na_value=np.nan))
    half_upper = half_upper * np.abs(scale)
    qualifier = frame["qualifier"].astype("string").fillna("")
    # The size of a fall is bounded: gt on a negative value is below it.
    flipped = qualifier.replace({"gt": "lt", "gte": "lte", "lt": "gt", "lte": "gte"})
    q = np.where(base < 0, flipped.to_numpy(dtype=object), qualifier.to_numpy(dtype=object))
    inf = np.inf
    # A whole number of a count (unit `count`, stated exactly) has no rounding: 47 is [47, 47].
    whole = np.isfinite(value) & (np.mod(np.nan_to_num(value), 1.0) == 0)
    unit = frame["unit"].astype("string").fillna("").to_numpy(dtype=object) if "unit" in frame else ""
    counted = (unit == "count") & whole & (q == "eq")
    half = np.where(counted, 0.0, half)
    low = np.full(len(frame), np.nan)
    high = np.full(len(frame), np.nan)
    # Half-open at written precision: the upper end h away belongs to the next figure (47.5 rounds to 48).
    below = np.where(half > 0, np.nextafter(base + half, -inf), base + half)
    point = (q == "eq") | (q == "approx") | (q == "")
    low = np.where(point, base - half, low)
    high = np.where(point, below, high)
    # About N: a tenth of N either way; nearly N: a tenth below, nothing above (a fall's size is bounded alike).
    approx = q == "approx"
    slack = APPROX_TOLERANCE * np.abs(base)
    close = (
        frame["nearly"].fillna(False).to_numpy(dtype=bool) & approx
        if "nearly" in frame
        else np.zeros(len(frame), dtype=bool)
    )
    low = np.where(approx & ~(close & (base < 0)), base - half - slack, low)
    high = np.where(approx & ~(close & (base >= 0)), np.nextafter(base + half + slack, -inf), high)
    low = np.where(q == "gt", np.nextafter(base + half, inf), low)
    high = np.where((q == "gt") | (q == "gte"), inf, high)
    low = np.where(q == "gte", base - half, low)
    low = np.where((q == "lt") | (q == "lte"), -inf, low)
    high = np.where(q == "lt", np.nextafter(base - half, -inf), high)
    high = np.where(q == "lte", below, high)
    ranged = q == "range"
    low = np.where(ranged, base - half, low)
    top = upper * scale + half_upper
    high = np.where(ranged, np.where(half_upper > 0, np.nextafter(top, -inf), top), high)
    if "and_some" in frame:  # N多: above N, below the next N at its last non-zero digit (gt on a positive value)
        some = frame["and_some"].fillna(False).to_numpy(dtype=bool) & (q == "gt") & (base > 0)
        step = last_digit_unit(frame["value"]).to_numpy(dtype="float64", na_value=np.nan) * np.abs(scale)
        low = np.where(some, np.nextafter(base, inf), low)
        high = np.where(some, np.nextafter(base + step, -inf), high)
    known = ~np.isnan(base)
    return pd.DataFrame({"low": np.where(known, low, np.nan), "high": np.where(known, high, np.nan)}, index=frame.index)


def conflicts(group: pd.Series, bounds: pd.DataFrame) -> pd.Series:
    """True where some row of the same group claims an interval that does not meet the row's own.

    One pass: a row meets every other row of its group exactly when the group's lowest `high` is not below its
    `low` and the group's highest `low` is not above its `high`. Rows without a group or a claim never conflict.
    """
    usable = group.notna() & bounds["low"].notna() & bounds["high"].notna()
    keys = group.where(usable)
    lowest_high = bounds["high"].where(usable).groupby(keys).transform("min")
    highest_low = bounds["low"].where(usable).groupby(keys).transform("max")
    clash = (lowest_high < bounds["low"]) | (highest_low > bounds["high"])
    return (clash & usable).fillna(False).astype(bool)


def claim_key(frame: pd.DataFrame) -> pd.Series:
    """A claim as a string, for 'stated alike': value and upper bound in the base unit (9 decimals), qualifier."""
    scale = scale_of(frame)
    upper = float_texts((frame["value_upper"].astype("Float64") * scale).round(9)).fillna("")
    value = float_texts(frame["value_base"].astype("Float64").round(9))
    value = value.fillna(float_texts(frame["value"])).fillna("")
    return value + "|" + upper + "|" + frame["qualifier"].astype("string").fillna("")


# --- restatement: one meaning, for fact-cluster and series ------------------------------------------------------

# How long after a figure's date a text dated only by its own date is read as saying that figure again.
RESTATED_YEARS = 2
RESTATED_WITHIN = pd.DateOffset(years=RESTATED_YEARS)


class Statement(NamedTuple):
    """What `is_restatement` reads of one figure (built by `statements`)."""

    stock: bool  # the indicator's temporal kind is `stock`
    own_date: bool  # dated only by its own text (see the module docstring)
    date: pd.Timestamp | None  # period_end
    low: float  # the claim's interval at written precision (NaN if unknown)
    high: float
    claim: str  # claim_key: compared when an interval is unknown
    qualifier: str  # the bound word (eq when empty)
    published: tuple[pd.Timestamp | None, pd.Timestamp | None]  # the text's date: earliest and latest day
    rank: int  # the grade it ranks as, 0 strongest (original_grade, else grade; unknown last)


def relative_to_its_text(period_text: object, words: PeriodWords | None = None) -> bool:
    """Whether dating words say "at the text's date" (目前, 至今, 2014年至今, at present, so far) rather than a
    date of their own (2020年末, 2021年9月15日), read by the period reader of text/period_words with the lexicon's
    words of the text's own day (`words`)."""
    if not isinstance(period_text, str) or not period_text.strip():
        return False
    facts = Facts()
    read_pieces(normalise(period_text), facts, words)
    return facts.now == 0 or facts.since


# What text_dates reads of the sources (its answer is kept by their content and the sources' index).
TEXT_DATE_READS = ("original_published", "published", "written_after", "written_before")


def text_dates(sources: pd.DataFrame) -> pd.Series:
    """Each source's text date as written (the original's when the page states it, else the publication), in
    the order of `sources` (indexed by source_id where the caller looks it up so).

    Where the text's words bound its date (`written_after`, `written_before`: "In the second half of 2020, the
    company plans to" is of before 2020-07-01), the date is that window of days (text.periods.written_window), so
    every reading of the text's own date (目前, publication dating, restatements, the series' order) keeps to it.
    Kept by the content of what it reads (answers.kept_reading): the roles and the statements of an edited copy's
    series ask for it on every validation. Shared: callers never change it."""
    return kept_reading("text dates", [(sources, TEXT_DATE_READS)], read_text_dates)


def text_bounds(sources: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The earliest and the latest day each source's text can be from (text_dates read by publication_bounds), in
    the order of `sources`; kept as text_dates is."""

    def read(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
        per_source = read_text_dates(frame).map(publication_bounds)
        return per_source.map(lambda b: b[0]), per_source.map(lambda b: b[1])

    return kept_reading("text bounds", [(sources, TEXT_DATE_READS)], read)


def read_text_dates(sources: pd.DataFrame) -> pd.Series:
    """text_dates, read."""
    missing = pd.Series(pd.NA, index=sources.index, dtype="string")
    written = sources["published"].astype("string") if "published" in sources else missing
    if "original_published" in sources:
        written = sources["original_published"].astype("string").fillna(written)
    if "written_after" in sources or "written_before" in sources:
        after = sources.get("written_after", missing)
        before = sources.get("written_before", missing)
        windows = [written_window(w, a, b) for w, a, b in zip(written.astype(object), after, before, strict=True)]
        written = pd.Series(windows, index=sources.index, dtype=object).astype("string")
    return written


def source_ranks(sources: pd.DataFrame, grades: Sequence[str]) -> pd.Series:
    """Each source's rank by source_id (`sources` indexed by it): the position of the grade it ranks as in
    `grades` (strongest first; the sources schema's enum order), original_grade before grade; unknown last."""
    order = {g: i for i, g in enumerate(grades)}

    def read(frame: pd.DataFrame) -> pd.Series:
        ranked_as = frame["grade"].astype("string")
        if "original_grade" in frame:
            ranked_as = frame["original_grade"].astype("string").fillna(ranked_as)
        return ranked_as.map(order).fillna(len(grades)).astype("int64")

    # Kept by the grades and what it reads (answers.kept_reading), as text_dates; shared, never changed.
    return kept_reading(("source ranks", tuple(grades)), [(sources, ("grade", "original_grade"))], read)


def grade_said(grade: pd.Series, original: pd.Series) -> pd.Series:
    """The grade a source ranks as, as `series` and `info --by source` say it: its grade, and for a repost whose
    origin's grade is known (sources.original_grade, which `source_ranks` ranks it by) both, `repost of
    state_media`; a page graded as its own origin (China Daily via PressReader) says it once (trial 14 m4: `info`
    said the raw `repost` of a text `series` ranks as state media)."""
    grade, original = grade.astype("string"), original.astype("string")
    alone = original.isna() | (original == grade).fillna(False)
    return grade.where(alone, grade + " of " + original)


def statements(
    rows: pd.DataFrame,
    sources: pd.DataFrame,
    grades: Sequence[str],
    stocks: Collection[object],
    words: PeriodWords | None = None,
    read: tuple[pd.DataFrame, pd.Series] | None = None,
) -> list[Statement]:
    """One Statement per row of `rows` (indicator rows with their claim columns, period, period_basis and
    period_text), read with `sources` (indexed by source_id), the grade order and the lexicon's words of the text's
    own day (`words`, PeriodWords.of: 目前, so far).

    Read in columns, never row by row (review 3 F12: 55 µs a row): a text's date bounds once per source, the
    dating words once per distinct period_text, the rest as whole columns; only the Statements themselves are
    made one per row, from plain values. `read`: the rows' intervals and claim keys where the caller has them
    (mark_roles reads both of every row anyway)."""
    if not len(rows):  # no row (an edited copy's series of flows): none of the sources' readings below is needed
        return []
    # The earliest and latest day each source's text can be from, once per source, then joined to the rows.
    earliest, latest = text_bounds(sources)
    first_day = rows["source_id"].map(earliest).astype("datetime64[s]")
    last_day = rows["source_id"].map(latest).astype("datetime64[s]")
    ends = pd.to_datetime(rows["period_end"], errors="coerce")
    starts = pd.to_datetime(rows["period_start"], errors="coerce")
    basis = rows["period_basis"] if "period_basis" in rows else pd.Series(pd.NA, index=rows.index)
    texts = rows["period_text"] if "period_text" in rows else pd.Series(pd.NA, index=rows.index, dtype="string")
    # One day that the text's date can be (its day; a day of its month or year when only those are known).
    at_text_date = (starts == ends) & (first_day <= ends) & (ends <= last_day)
    at_text_date = at_text_date.fillna(False).astype(bool)
    # Dating words read once per distinct text, and only where the row is at its text's date.
    at = at_text_date.to_numpy()
    asked = [t if isinstance(t, str) else "" for t in texts[at].astype(object)]
    relative = {t: relative_to_its_text(t, words) for t in set(asked)}
    said_now = np.zeros(len(rows), dtype=bool)
    said_now[at] = [relative[t] for t in asked]
    own = (basis.astype("string") == "publication").fillna(False).to_numpy(dtype=bool) | said_now
    claimed, keys = (intervals(rows), claim_key(rows)) if read is None else read
    keys = keys.astype(object)
    ranks = rows["source_id"].map(source_ranks(sources, grades)).fillna(len(grades)).astype("int64")
    qualifiers = rows["qualifier"].astype("string").fillna("eq").astype(object)
    stock = rows["indicator"].isin(list(stocks))

    def stamps(values: pd.Series) -> list[pd.Timestamp | None]:
        """Each date as a Timestamp (None if unknown), each distinct date boxed once: a package has few."""
        codes, distinct = pd.factorize(values)
        boxed = [pd.Timestamp(v) for v in distinct]
        return [boxed[c] if c >= 0 else None for c in codes]

    firsts, lasts = stamps(first_day), stamps(last_day)
    return [
        Statement(
            stock=bool(st),
            own_date=bool(o),
            date=e,
            low=float(lo),
            high=float(hi),
            claim=str(k),
            qualifier=str(q),
            published=(f, la),
            rank=int(r),
        )
        for st, o, e, lo, hi, k, q, f, la, r in zip(
            stock.to_numpy(),
            own,
            stamps(ends),
            claimed["low"].to_numpy(dtype="float64", na_value=np.nan),
            claimed["high"].to_numpy(dtype="float64", na_value=np.nan),
            keys.to_numpy(),
            qualifiers.to_numpy(),
            firsts,
            lasts,
            ranks.to_numpy(),
            strict=True,
        )
    ]


def agree(one: Statement, other: Statement) -> bool:
    """Their claims agree: the intervals meet (the strings are equal where an interval is unknown)."""
    if any(math.isnan(v) for v in (one.low, one.high, other.low, other.high)):
        return one.claim == other.claim
    return one.low <= other.high and one.high >= other.low


def is_restatement(later: Statement, earlier: Statement, stated: pd.Timestamp | None = None) -> bool:
    """Whether `later` says again `earlier` (the five conditions of the module docstring). `stated`: the date
    `earlier` was last stated, when a restatement of it came between (default: its own date)."""
    last = stated if stated is not None else earlier.date
    if not (later.stock and later.own_date) or later.date is None or earlier.date is None or last is None:
        return False
    written, read = earlier.published[1], later.published[0]  # published before: its last day before our first
    return (
        written is not None
        and read is not None
        and written < read
        and earlier.date < later.date <= last + RESTATED_WITHIN
        and agree(later, earlier)
        and later.qualifier == earlier.qualifier
        and (later.rank >= earlier.rank or coarser(later, earlier))
    )


def coarser(later: Statement, earlier: Statement) -> bool:
    """Whether `later` says less than `earlier`: its interval at written precision holds all of `earlier`'s and is
    wider (18亿亿次 is 175 to 185 千万亿次, which holds 181.9千万亿次). Such a figure repeats the earlier one
    coarsely whatever its source's rank: drawn as a point of its own it would show a change (181.9 to 180) that
    neither text states."""
    bounds = (later.low, later.high, earlier.low, earlier.high)
    if any(math.isnan(v) for v in bounds):
        return False
    holds = later.low <= earlier.low and earlier.high <= later.high
    return holds and later.high - later.low > earlier.high - earlier.low
