"""The lines of a chart: which figures each line joins, and where a line is broken because a bound between two levels
says it is wrong there. Apart from drawing, so that a line's geometry can be read and checked without drawing."""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pandas as pd

from .chart import Chart
from .chart_geometry import mdates_num
from .point_labels import short, value_words

JOINED = ("eq", "approx", "")  # the qualifiers of a level, which the line joins


def joined_lines(shown: Chart) -> tuple[dict[tuple[Any, ...], tuple[list[Any], list[float], bool]], list[str]]:
    """The line of each (status, kind, apart) group of a chart, as `draw` draws it: its vertices (with a gap where a
    bound between two levels contradicts it, see `unbroken`), and whether it is drawn as a line at all; and the spans
    where a line is broken, as the note under the chart names them. Apart from `draw` so that the line's geometry
    can be read (and checked against every bound) without drawing the chart."""
    lines: dict[tuple[Any, ...], tuple[list[Any], list[float], bool]] = {}
    cut: list[str] = []
    for key, group in shown.rows.groupby(["status", "kind", "apart"], sort=False):
        # Only levels are joined: a bound (more than, less than) or a range is no value to draw a line through.
        levels = group["qualifier"].astype("string").fillna("eq").isin(JOINED)
        best = group[(group["role"] == "preferred") & levels].sort_values("x")
        xs, ys, broken = unbroken(best, group, gap_figures(shown))
        # Spans of several years are never joined: each covers its own years (6100 guests over 2014-2018, 12000
        # over 2014-2023), so a line between them would draw a change no source states.
        # A line every segment of which is broken draws none: its legend shows no line sample either (trial 6 r5).
        segment = any(not (math.isnan(a) or math.isnan(b)) for a, b in pairwise(ys))
        lines[key] = (xs, ys, segment and key[1] != "several years")
        cut += broken
    return lines, cut


def unbroken(
    best: pd.DataFrame, group: pd.DataFrame, in_gap: Callable[[Any, Any], str] = lambda end, start: ""
) -> tuple[list[Any], list[float], list[str]]:
    """The vertices of a line joining the levels `best` (sorted by time), with a gap (NaN) wherever a figure of the
    line's group between two levels says the line is wrong there (`contradicted`: trial 5 P2, the line from about
    600 (2013) to 772.07 (2023) drew 686 in 2018, where a source says more than 915), or between two levels of
    periods that are not consecutive (`skips_a_period`). The line draws only the levels its ends state, so where
    a figure between them contradicts it, or no figure of a period between gives a level, no line is the honest
    drawing.
    Returns the xs, the ys and each break with its cause, as the note under the chart says it: the figures the
    line would contradict first (trial 14 W5: a break said "no figure of a period between" where >692 (2014) and
    >915 (2018) were drawn between), then the chart's figures of the periods between, which give no level of the
    line (`in_gap`, see `gap_figures`), and "no figure" only where there is none."""
    xs: list[Any] = []
    ys: list[float] = []
    broken: list[str] = []
    vertices = list(zip(best["x"], best["y"].astype(float), strict=True))
    spans = list(zip(best["kind"], best["x_start"], best["x_end"], strict=True))
    named = [f"{value_words(row)} ({short(str(row['period_label']))})" for _, row in best.iterrows()]
    for i, (x, y) in enumerate(vertices):
        if i:
            (xa, ya) = vertices[i - 1]
            against = contradicted(group, (mdates_num(xa), ya), (mdates_num(x), y))
            if against:
                said = ", and ".join(
                    dict.fromkeys(  # two sources of one bound are one cause
                        f"about {level_words(level)} for {short(str(row['period_label']))}, where a source says "
                        f"{value_words(row)}"
                        for row, level in against
                    )
                )
                broken.append(f"a line from {named[i - 1]} to {named[i]} would draw {said}")
            elif skips_a_period(spans[i - 1], spans[i]):
                figures = in_gap(spans[i - 1][2], spans[i][1])
                if figures:
                    broken.append(f"between {named[i - 1]} and {named[i]} no period has a level, only {figures}")
                else:
                    broken.append(f"between {named[i - 1]} and {named[i]} (no figure of a period between)")
            else:
                xs.append(x)
                ys.append(y)
                continue
            xs.append(xa + (x - xa) / 2)
            ys.append(math.nan)
        xs.append(x)
        ys.append(y)
    return xs, ys, broken


def gap_figures(shown: Chart) -> Callable[[Any, Any], str]:
    """The figures of a chart (any line's) whose period lies, at least in part, strictly between the end of one
    period and the start of another, as a break's note names them: `>1,200 (2022)`, and another status's by its
    words, `20 (2016-11-16 to 18; plans, goals and expectations)`; "" when there is none. A half year of the later
    year lies in that year, not between."""
    rows = shown.rows

    def named(end: Any, start: Any) -> str:
        here = rows[(rows["x_end"] > end) & (rows["x_start"] < start)].sort_values("x")
        return ", ".join(
            dict.fromkeys(
                f"{value_words(row)} ({short(str(row['period_label']))}"
                + ("" if row["status"] == "actual" else f"; {shown.status_labels.get(str(row['status']), '')}")
                + ")"
                for _, row in here.iterrows()
            )
        )

    return named


def level_words(level: float) -> str:
    """A level a line would draw, to three significant figures and never in scientific notation: 686, 3.72."""
    if level == 0 or not math.isfinite(level):
        return f"{level:g}"
    decimals = max(0, 2 - math.floor(math.log10(abs(level))))
    return f"{level:,.{decimals}f}"


def skips_a_period(before: tuple[Any, Any, Any], after: tuple[Any, Any, Any]) -> bool:
    """Whether a line from the period `before` to the period `after` (kind, start, end) would cross a period of the
    series that no figure gives: a line joins consecutive periods only (trial 12 m6: 2.6% in 2022 joined to 4.8% in
    2024 drew a 2023 growth of about 3.7% that no source gives). A half year or a quarter is followed by the next
    one; a year, a stock (at its date) or another part of a year by one of the next calendar year."""
    kind, start, end = after[0], pd.Timestamp(after[1]), pd.Timestamp(before[2])
    if kind in ("half year", "quarter"):
        return start > end + pd.Timedelta(days=1)
    return start.year > end.year + 1  # a stock starts where it ends: at its date


def contradicted(group: pd.DataFrame, a: tuple[float, float], b: tuple[float, float]) -> list[tuple[pd.Series, float]]:
    """The figures of `group` strictly between a and b in time that lie on the wrong side of the segment a-b, each
    with the level the segment draws at it: a lower bound (gt, gte, a range's low end) above it or an upper bound
    (lt, lte, a range's high end, the top an N-odd figure stays under: 40多 is under 50) below it."""
    found: list[tuple[pd.Series, float]] = []
    # Read by columns, once a call: a row at a time (iterrows) built a Series of every row of an Arrow-backed
    # frame, and a chart's lines ask this of each segment (plot14: half the cost of reading a chart).
    xs = [mdates_num(x) for x in group["x"].tolist()]
    qualifiers = [str(q) for q in group["qualifier"].tolist()]
    ys = [float(y) for y in group["y"].tolist()]
    uppers = group["y_upper"].tolist()
    for k, x in enumerate(xs):
        if not a[0] < x < b[0]:
            continue
        level = a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])
        qualifier, y = qualifiers[k], ys[k]
        upper = float(uppers[k]) if pd.notna(uppers[k]) else y
        if (
            (qualifier == "gt" and (level <= y or level >= upper > y))  # N-odd (40多) stays under its top end
            or (qualifier == "gte" and level < y)
            or (qualifier == "lt" and level >= y)
            or (qualifier == "lte" and level > y)
            or (qualifier == "range" and not y <= level <= upper)
        ):
            found.append((group.iloc[k], level))
    return found
