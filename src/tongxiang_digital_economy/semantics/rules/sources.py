"""Rules on the units and sources tables: base units, publication dates, the archived files."""

from __future__ import annotations

import math

import pandas as pd

from ...text.fold import squeeze
from ...text.periods import open_before, publication_bounds
from ..unit_scales import factor
from .registry import each_row, known, rule

# --- units -------------------------------------------------------------------------------------------------


@rule(
    "unit-base-mismatch",
    "units",
    "base_unit",
    "base unit {base_unit!r} of {unit!r} must be a unit of the same dimension ({dimension}) whose multiplier and "
    "divisor are 1; point base_unit at such a unit",
    needs=("base_unit.multiplier", "base_unit.divisor", "base_unit.dimension"),
    reads=("dimension",),
    per_row=True,
)
def base_unit_is_base(view: pd.DataFrame) -> pd.Series:
    """A base unit is a unit of the same dimension whose multiplier and divisor are 1."""
    ok = (
        (view["base_unit__multiplier"] == 1)
        & (view["base_unit__divisor"] == 1)
        & (view["base_unit__dimension"] == view["dimension"]).astype("boolean")  # arrow and masked booleans mix
    )
    return ok.fillna(False) | ~known(view["base_unit__multiplier"], view["dimension"])


@rule(
    "unit-scale-written",
    "units",
    "multiplier",
    "multiplier {multiplier} and divisor {divisor} of {unit!r} are not the scale its written form {scale_form} "
    "states: correct multiplier or divisor (every figure in {unit!r} is read through them)",
    reads=("base_unit", "divisor", "multiplier", "scale_form", "scale_stated", "unit"),
)
def scale_as_written(view: pd.DataFrame) -> pd.Series:
    """A unit's multiplier ÷ divisor is the scale its own written forms state (semantics.unit_scales): 亿元 is 10^8
    yuan. Why: a wrong factor moves every figure in the unit and is then blamed on the sources (trial 10 m1)."""
    if "scale_stated" not in view:  # no lexicon loaded: nothing states a scale
        return pd.Series(True, index=view.index)
    own = [factor(row) for row in view[["unit", "base_unit", "multiplier", "divisor"]].to_dict("records")]
    stated = view["scale_stated"]
    ok = [
        s is pd.NA or s is None or (o is not None and math.isclose(float(s), o, rel_tol=1e-9))
        for s, o in zip(stated.astype(object), own, strict=True)
    ]
    return pd.Series(ok, index=view.index)


@rule(
    "unit-conversion-written",
    "units",
    "multiplier",
    "multiplier {multiplier} and divisor {divisor} of {unit!r} break the conversion the lexicon states, "
    "{conversion_conflict}: the two sides, read through their units' factors, are not the same size in the base "
    "unit; correct the factor of whichever of the two units is wrong (every figure in it is read through it)",
    reads=("base_unit", "conversion_conflict", "divisor", "multiplier", "unit"),
)
def conversion_as_written(view: pd.DataFrame) -> pd.Series:
    """A unit's factor keeps every conversion the lexicon states of it (semantics.unit_conversions): 1小时 = 60分钟,
    15亩 = 1公顷, 1成 = 10%. Why: a conversion unit's written forms state no scale, so unit-scale-written cannot hold
    its factor (issue 13: hour, mu, cheng and seven more ten times too big or small went uncaught)."""
    if "conversion_conflict" not in view:  # no lexicon loaded: nothing states a conversion
        return pd.Series(True, index=view.index)
    return view["conversion_conflict"].map(lambda c: not isinstance(c, str)).astype(bool)


# --- sources -----------------------------------------------------------------------------------------------


@rule(
    "published-basis-mismatch",
    "sources",
    "published_basis",
    "published ({published}) and published_basis ({published_basis}) must be both filled or both empty: "
    "say where the date comes from (text, url, archive), or clear both",
    reads=("published", "published_basis"),
    per_row=True,
)
def basis_goes_with_date(view: pd.DataFrame) -> pd.Series:
    """A publication date says where it comes from, and only a date has a basis."""
    return view["published"].isna() == view["published_basis"].isna()


@rule(
    "original-grade-without-publisher",
    "sources",
    "original_grade",
    "original_grade {original_grade!r} grades an origin the row does not name: fill original_publisher with the "
    "origin as the archived text names it, or clear original_grade",
    reads=("original_grade", "original_publisher"),
    per_row=True,
)
def original_grade_names_its_origin(view: pd.DataFrame) -> pd.Series:
    """An origin's grade needs the origin named: grading an unnamed origin would guess what a mirror copied.

    `series` ranks a repost by this grade, so it must rest on a named origin."""
    if "original_grade" not in view:  # a package from before the column
        return pd.Series(True, index=view.index)
    return view["original_grade"].isna() | view["original_publisher"].notna()


@rule(
    "original-grade-origin-not-in-text",
    "sources",
    "original_grade",
    "original_grade {original_grade!r} grades an origin that the archived text {archive_file} does not name: "
    "each name of original_publisher ({original_publisher}, names parted by ' / ') must be written in the text, "
    "or clear original_grade",
    needs_archive=True,
    reads=("archive_text", "original_grade", "original_publisher"),
    per_row=True,
)
def original_grade_origin_in_text(view: pd.DataFrame) -> pd.Series:
    """A repost ranks as its origin only where its own archived text names each name of that origin.

    The names stand in a heading, a signature or a source line; never from what a mirror is likely to copy."""
    if "original_grade" not in view:  # a package from before the column
        return pd.Series(True, index=view.index)
    named = [
        pd.isna(grade)
        or pd.isna(origin)
        or not isinstance(text, str)
        or all(squeeze(name) in text for name in str(origin).split(" / ") if name.strip())
        for grade, origin, text in zip(
            view["original_grade"], view["original_publisher"], view["archive_text"], strict=True
        )
    ]
    return pd.Series(named, index=view.index, dtype=bool)


@rule(
    "archive-file-missing",
    "sources",
    "archive_file",
    "{archive_file} is not in the archive folder: check the file name, or the --archive folder",
    needs_archive=True,
    reads=("archive_file", "archive_present"),
    per_row=True,
)
def archive_file_present(view: pd.DataFrame) -> pd.Series:
    """Each source's archived text is in the archive folder."""
    return view["archive_present"].astype(bool) | view["archive_file"].isna()


@rule(
    "archive-hash-mismatch",
    "sources",
    "archive_sha256",
    "the archived file {archive_file} has sha256 {archive_sha256_actual}, the table records {archive_sha256}: "
    "the text changed; re-check this source's rows against it, then record the new hash",
    needs_archive=True,
    reads=("archive_present", "archive_sha256", "archive_sha256_actual"),
    per_row=True,
)
def archive_hash_matches(view: pd.DataFrame) -> pd.Series:
    """Each archived text has the SHA-256 the sources table records."""
    same = (view["archive_sha256"] == view["archive_sha256_actual"]).fillna(False)
    return same | ~view["archive_present"] | view["archive_sha256"].isna()


# --- the bounds a text's words give its date ------------------------------------------------------------------
# A text known to its year or month whose words place a day in its future ("11月8日,…峰会将在乌镇启幕"; a plan
# for a span, "In the second half of 2020, the company plans to", places only the day after the span) or in its
# past ("launched in April 2020") is of a narrower window than its date: sources.written_before / written_after
# record those days, each with the words that give it, checked here as evidence is (quoted, in the archived text,
# naming that day).


SIDES = {
    "after": "a day its words place in its past (launched in April 2020: 2020-04-01)",
    "before": "a day its words place in its future (11月8日,…峰会将在乌镇启幕: 2023-11-08)",
}


def quoted_bound_rules(side: str, what: str) -> None:
    """Register the three rules on one bound (written_after or written_before) and its quoted words (each check's
    docstring set before it is registered: the data dictionary reads it)."""
    day, words = f"written_{side}", f"written_{side}_text"

    def quoted(view: pd.DataFrame) -> pd.Series:
        if day not in view or words not in view:  # a package from before the columns
            return pd.Series(True, index=view.index)
        return view[day].isna() == view[words].isna()

    quoted.__doc__ = f"A bound on a text's date ({day}) comes with the words that give it, and only with them."
    rule(
        f"written-{side}-unquoted",
        "sources",
        day,
        f"{day} ({{{day}}}) and {words} ({{{words}!r}}) must be both filled or both empty: {day} is {what}, and "
        f"{words} quotes the text's words that give it; quote them, or clear both",
        reads=(day, words),
        per_row=True,
    )(quoted)

    def in_text(view: pd.DataFrame) -> pd.Series:
        if words not in view:
            return pd.Series(True, index=view.index)

        def found(quote: object, text: object) -> bool:
            return not isinstance(quote, str) or not isinstance(text, str) or squeeze(quote) in text

        return each_row(view, [words, "archive_text"], found)

    in_text.__doc__ = f"The words that bound a text's date ({words}) are the text's own."
    rule(
        f"written-{side}-not-in-text",
        "sources",
        words,
        f"{words} {{{words}!r}} does not occur in the archived text {{archive_file}} (white space aside): copy the "
        f"words that give {day} from the text, verbatim",
        needs_archive=True,
        reads=(words, "archive_text"),
        per_row=True,
    )(in_text)

    cue = " and a word of a plan or a future (将, 计划, plans to, will)" if side == "before" else ""

    def words_name_the_day(view: pd.DataFrame) -> pd.Series:
        if day not in view or f"written_{side}_days" not in view:
            return pd.Series(True, index=view.index)

        def names(bound: object, days: object, cued: object) -> bool:
            if not isinstance(bound, str) or not isinstance(days, str):
                return True
            return bound in days.split(", ") and (side == "after" or cued is not False)

        cues = view["written_before_cued"].astype(object) if side == "before" else pd.Series(True, index=view.index)
        return each_row(view.assign(_cued=cues), [day, f"written_{side}_days", "_cued"], names)

    words_name_the_day.__doc__ = (
        f"{day} is the first day of a period its quoted words name."
        if side == "after"
        else (
            f"{day} is a day the quoted words look forward to: a point day or an event's first day (将在乌镇启幕), "
            "or the day after the last of a span a plan names (a company plans for the half year it is in: review 4 "
            "F3); and the words speak of a plan or a future."
        )
    )
    rule(
        f"written-{side}-words",
        "sources",
        day,
        (
            f"{words} {{{words}!r}} must name a period that starts on {day} ({{{day}}}); the words name periods "
            f"starting on: {{written_{side}_days}}; record the day the words give, or quote the words that give it"
            if side == "after"
            else f"{words} {{{words}!r}} must name a day or an event on {day} ({{{day}}}), or a planned span that "
            f"ends the day before it{cue}; the words bound the text by: {{written_{side}_days}}; record the day "
            "the words give, or quote the words that give it"
        ),
        reads=(day, f"written_{side}_days", *(("written_before_cued",) if side == "before" else ())),
        per_row=True,
    )(words_name_the_day)


for _side, _what in SIDES.items():
    quoted_bound_rules(_side, _what)


@rule(
    "written-bounds-outside-date",
    "sources",
    "written_before",
    "the text's date ({published}; original {original_published}) and the days its words bound it by (written_after "
    "{written_after}, written_before {written_before}) leave no day it can be from: a bound must fall within the "
    "date's days (after on or before its last day, before after its first) and after before before; correct the "
    "bound or the date",
    reads=("original_published", "published", "written_after", "written_before"),
    per_row=True,
)
def bounds_leave_a_day(view: pd.DataFrame) -> pd.Series:
    """A text's bounds narrow its date, never empty it: written_after <= its last day, written_before > its first
    day, and written_after < written_before."""
    if "written_after" not in view and "written_before" not in view:
        return pd.Series(True, index=view.index)

    def leaves(published: object, original: object, after: object, before: object) -> bool:
        written = original if isinstance(original, str) else published
        low, high = publication_bounds(written)
        first = publication_bounds(after)[0] if isinstance(after, str) else None
        future = publication_bounds(before)[0] if isinstance(before, str) else None
        if low is None or high is None:
            return True
        first = low if first is None else max(low, first)
        last = high if future is None else min(high, future - pd.Timedelta(days=1))
        return bool(first <= last)

    missing = pd.Series(pd.NA, index=view.index, dtype="string")
    columns = {c: view.get(c, missing) for c in ("original_published", "written_after", "written_before")}
    return each_row(view.assign(**columns), ["published", *columns], leaves)


# --- the words that date an original (a repost's) -----------------------------------------------------------------
# A repost's original date (sources.original_published) dates its rows by publication and reads its relative words
# (去年, now): it is quoted (original_published_text) and checked as the bounds above are: both or neither, the
# text's own words, and words that write a date within it.


@rule(
    "original-published-unquoted",
    "sources",
    "original_published",
    "original_published ({original_published}) and original_published_text ({original_published_text!r}) must be "
    "both filled or both empty: original_published is the original's date as the page states it (a dateline, "
    "'Today (April 2)'), and original_published_text quotes those words; quote them, or clear both",
    reads=("original_published", "original_published_text"),
    per_row=True,
)
def original_date_quoted(view: pd.DataFrame) -> pd.Series:
    """An original's date comes with the words of the page that state it, and only with them."""
    if "original_published" not in view or "original_published_text" not in view:  # a package from before them
        return pd.Series(True, index=view.index)
    return view["original_published"].isna() == view["original_published_text"].isna()


@rule(
    "original-published-not-in-text",
    "sources",
    "original_published_text",
    "original_published_text {original_published_text!r} does not occur in the archived text {archive_file} (white "
    "space aside): copy the words that state the original's date from the text, verbatim",
    needs_archive=True,
    reads=("original_published_text", "archive_text"),
    per_row=True,
)
def original_date_words_in_text(view: pd.DataFrame) -> pd.Series:
    """The words that date an original (original_published_text) are the archived text's own."""
    if "original_published_text" not in view:
        return pd.Series(True, index=view.index)

    def found(quote: object, text: object) -> bool:
        return not isinstance(quote, str) or not isinstance(text, str) or squeeze(quote) in text

    return each_row(view, ["original_published_text", "archive_text"], found)


@rule(
    "original-published-words",
    "sources",
    "original_published",
    "original_published_text {original_published_text!r} must state the original's own date within "
    "original_published ({original_published}): a dateline (…11月10日电, …讯), a time stamp or byline (2024-11-21 "
    "19:54), 'Today (April 2)'; a date inside a since-phrase (自从…以来/开始, since …) or an event's words (…举行的) "
    "is the event's, not the text's. For an original known only to be of before an event (../YYYY-MM-DD), the "
    "words must name that event, starting the day after, and speak of it as to come (a `forward_word` of the "
    "lexicon, 即将, 将于, 承办这次, will, upcoming, in a sentence without a since-phrase; found: "
    "{original_published_forward}). The words give: {original_published_days} (a year-less date read in "
    "original_published's year where it is a closed date, else against the page's date, {published}); record the "
    "date the words give, quote the words that give it, or clear both",
    reads=("original_published", "original_published_days", "original_published_forward"),
    per_row=True,
)
def original_date_is_the_words(view: pd.DataFrame) -> pd.Series:
    """original_published is the date its quoted words state as the text's own: one of the dates they write as a
    dateline, a time stamp, a byline or 'Today (…)' starts within it (2023-11-10 of 新华社杭州11月10日电). A
    year-less dateline is read in the original's year, not the page's (the page may be a year later: 2024-11-27),
    so the words check its month and day, and a written year or stamp its year too. A date
    the words write about an event (自从2014年11月19日…举行的首届世界互联网大会开始: the first WIC) dates the
    event, not the text (review 5 R2). An original that looks forward to an event and states no date of its own is
    recorded as of before it (`../2014-11-18`): its words must name the event on the day after and speak of it as
    to come (对承办这次高规格的会议); a since-phrase speaks from after the event and is no such proof (review 6
    F1)."""
    if "original_published" not in view or "original_published_days" not in view:
        return pd.Series(True, index=view.index)
    if "original_published_forward" not in view:
        view = view.assign(original_published_forward=None)

    def within(original: object, days: object, forward: object) -> bool:
        if not isinstance(days, str):
            return True
        named = [day for d in days.split(", ") if (day := calendar_day(d)) is not None]  # "none": no date given
        if (last := open_before(original)) is not None:
            return (
                isinstance(forward, str)
                and forward.startswith("'")
                and pd.Timestamp(last) + pd.Timedelta(days=1) in named
            )
        low, high = publication_bounds(original)
        if low is None or high is None:
            return True
        return any(low <= d <= high for d in named)

    return each_row(view, ["original_published", "original_published_days", "original_published_forward"], within)


def calendar_day(written: str) -> pd.Timestamp | None:
    """A `YYYY-MM-DD` read as its day, None for words that are no day of the calendar ("none", 2014-02-30)."""
    low, high = publication_bounds(written) if len(written) == 10 else (None, None)
    return low if low is not None and low == high else None


# --- a text's own date (trial 8 U4) ----------------------------------------------------------------------------------
# A source dated by its text (published_basis text) is dated by the words that state the text's own date (a dateline,
# a time stamp, "Updated : Jan 14, 2020"): the same reader as original-published-words. A typo in `published` made
# every correct figure of the source fail (actual-after-publication, period-text-mismatch), each telling the
# maintainer to re-date a correct row; this rule names the sources row, and semantics/published.py counts the figure
# rows' errors that the text's date clears under it.


@rule(
    "published-not-in-text",
    "sources",
    "published",
    "published ({published}) is not a date the archived text {archive_file} states as its own, though published_basis "
    "is text: its dateline, time stamp or date label gives {published_days}; correct published from the text's own "
    "date (the figures' errors that follow from it are counted under this row), or say on what else the date rests "
    "(published_basis)",
    needs_archive=True,
    reads=("published", "published_basis", "published_days", "archive_file"),
    per_row=True,
)
def published_is_the_texts_date(view: pd.DataFrame) -> pd.Series:
    """A `text`-based published date is one of the days the archived text states as its own (where it states any:
    "none" leaves nothing to compare, and the figures' dates are then the only witness; see semantics/published.py)."""
    if "published_days" not in view:
        return pd.Series(True, index=view.index)

    def stated(published: object, days: object) -> bool:
        if not isinstance(days, str) or days == "none" or not isinstance(published, str):
            return True
        low, high = publication_bounds(published)
        if low is None or high is None:
            return True
        return any(low <= d <= high for d in (calendar_day(day) for day in days.split(", ")) if d is not None)

    return each_row(view, ["published", "published_days"], stated)
