"""Publication dates of partial precision, as bounds.

A source's `published` may be a day, a month or only a year (`2023-02`, `2023`). Whether a figure is an
`actual` (it must end by publication) or a `target` (it must end after) is judged against the widest reading:
an actual may end up to the last day the publication could fall on, a target must end after the first day.
"""

from __future__ import annotations

import calendar
import re

import pandas as pd

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def publication_bounds(published: object) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """(earliest, latest) day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date can stand for; (None, None) if unknown."""
    if not isinstance(published, str) or not (match := PARTIAL_DATE.match(published)):
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
