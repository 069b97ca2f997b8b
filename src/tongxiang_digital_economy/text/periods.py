"""Publication dates of partial precision, as bounds.

A source's `published` may be a day, a month or only a year (`2023-02`, `2023`). Whether a figure is an
`actual` (it must end by publication) or a `target` (it must end after) is judged against the widest reading:
an actual may end up to the last day the publication could fall on, a target must end after the first day.

A text's own date may be narrowed by its words (`sources.written_after`, `written_before`: "In the second half of
2020, the company plans to" is a text of before 2020-07-01): it is then a window, written as an ISO 8601 interval
of days (`2020-04-01/2020-06-30`), which `publication_bounds` reads as well.
"""

from __future__ import annotations

import calendar
import functools
import re

import pandas as pd

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
WINDOW = re.compile(r"^(\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})$")
# An original whose date no word states, known only to be of before a day (an interview that looks forward to an
# event the page names): an ISO 8601-2 interval with an open start, `../2014-11-18` (its last possible day).
OPEN_BEFORE = re.compile(r"^\.\./(\d{4}-\d{2}-\d{2})$")
OPEN_START = "1900-01-01"  # the first day an open start is read as (the period reader's unstated start too)


def iso_day(when: object) -> str:
    """A day as ISO 8601 writes it, the year always four digits: `0001-03-01`, where strftime's `%Y` writes
    `1-03-01` (trial 14 m2). Every date the package writes as text is written by this (or by `iso_days`)."""
    day = pd.Timestamp(when)  # type: ignore[arg-type]
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def iso_days(days: pd.Series) -> pd.Series:
    """`iso_day` of each date of a datetime column, missing ones missing."""
    years = days.dt.year.astype("Int64").astype("string").str.zfill(4)
    written: pd.Series = years + days.dt.strftime("-%m-%d").astype("string")
    return written


def open_before(written: object) -> str | None:
    """The last day of an open-start date (`../2014-11-18`: 2014-11-18), None for any other, and for one whose day
    is not on the calendar (`../2014-02-30` matches the schema's pattern; the rule `date-not-a-day` reports it)."""
    match = OPEN_BEFORE.match(written) if isinstance(written, str) else None
    if match is None:
        return None
    low, high = publication_bounds(match.group(1))
    return match.group(1) if low is not None and low == high else None


def words_read_at(published: object, original: object) -> object:
    """The date a text's year-less words (a dateline 11月10日电, 10日) are read against: the original's where the
    page states it as a closed date (`sources.original_published`), else the page's (`published`). A repost dated
    by its page (新华社杭州11月10日电 on a page of 2024-11-27) wrote its dateline in the original's year, 2023, not
    the page's; an open start (`../2014-11-18`) states no year of its own and leaves the page's date."""
    if isinstance(original, str) and PARTIAL_DATE.fullmatch(original) and publication_bounds(original)[0] is not None:
        return original
    return published


def day_read_at(written: object) -> pd.Timestamp | None:
    """The day a text date is read at when texts are ordered by recency (the series' "most recent text"): an open
    start's last day (`../2014-11-18`: 2014-11-18, the day the rules read it at, stands_at_its_end), else the first
    day the date can mean (2023 is 2023-01-01, a window its first day); None when unknown (review 6 F4: the series
    read `../D` as 1900-01-01, the oldest text of any series)."""
    if (last := open_before(written)) is not None:
        return publication_bounds(last)[1]
    return publication_bounds(written)[0]


def as_words(written: object) -> str:
    """A text date as a message or a citation says it, the one reader of an ISO 8601 interval into words: an open
    start `../2014-11-18` as "no later than 2014-11-18", an open end `2014-11-18/..` as "no earlier than 2014-11-18",
    a window `2020-04-01/2020-06-30` as "between 2020-04-01 and 2020-06-30", any other date as written."""
    if not isinstance(written, str) or "/" not in written:
        return str(written)
    first, _, last = written.partition("/")
    if first in ("", ".."):
        return f"no later than {last}"
    if last in ("", ".."):
        return f"no earlier than {first}"
    return f"between {first} and {last}"


def publication_bounds(published: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """(earliest, latest) day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (or a `first/last` window of days) can
    stand for; (None, None) if unknown. An open start (`../2014-11-18`) is read from 1900-01-01: wider than any
    month, so a text of it stands at its last day (stands_at_its_end).

    Read once per distinct text (bounds_of_text): the period rules ask it for every row's source date, and a
    package of 10^5 rows has a few hundred (400,000 readings were 16 s of a profiled validation)."""
    return bounds_of_text(published) if isinstance(published, str) else (None, None)


@functools.lru_cache(maxsize=1 << 14)
def bounds_of_text(published: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """publication_bounds of a text (Timestamps are immutable: the one tuple is shared by every caller)."""
    if (last := open_before(published)) is not None:
        return publication_bounds(f"{OPEN_START}/{last}")
    if window := WINDOW.match(published):
        low, high = publication_bounds(window.group(1))[0], publication_bounds(window.group(2))[1]
        return (low, high) if low is not None and high is not None and low <= high else (None, None)
    if not (match := PARTIAL_DATE.match(published)):
        return None, None
    year = int(match.group(1))
    month, day = (int(g) if g else None for g in match.groups()[1:])
    try:
        if day is not None and month is not None:
            return (pd.Timestamp(year, month, day),) * 2
        if month is not None:
            return pd.Timestamp(year, month, 1), pd.Timestamp(year, month, calendar.monthrange(year, month)[1])
        return pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    except ValueError:  # 2020-02-30 matches the pattern but is no day; the sources rule reports it
        return None, None


def written_window(written: object, after: object, before: object) -> object:
    """A text's date as written (`YYYY`, `YYYY-MM`, ...), narrowed by the days its words place in its past
    (`after`: the text is of that day or later) and its future (`before`: the text is of before that day).

    Unchanged where no bound narrows it; a `first/last` window of days where one does; unchanged too where the
    bounds leave no day of the date (the sources rule `written-bounds-outside-date` reports that row)."""
    low, high = publication_bounds(written)
    if low is None or high is None:
        return written
    earliest = publication_bounds(after)[0] if isinstance(after, str) and len(after) == 10 else None
    future = publication_bounds(before)[0] if isinstance(before, str) and len(before) == 10 else None
    first = max(low, earliest) if earliest is not None else low
    last = min(high, future - pd.Timedelta(days=1)) if future is not None else high
    if (first, last) == (low, high) or first > last:
        return written
    return f"{iso_day(first)}/{iso_day(last)}"


def stands_at_its_end(low: object, high: object) -> bool:
    """Whether a text whose date is known only to the window low..high is dated at the window's last day.

    A window wider than a month (a text known only to its year, or to the part of a year its words leave) is: a
    stock it dates by publication or by 'now' (目前, currently, recently) is the level at the last day the text can
    be from, as a stock dated by a year alone (2014年) is the level at the year's end. A text known to its month (or
    to days of it) keeps the month as its window: its words (再有4天) may place it anywhere in it."""
    if low is None or high is None:
        return False
    return bool((high - low).days > 31)  # type: ignore[operator]
