"""A chart of one series (see chart.py for what is shown where): drawn so it can be published as it is.

- Time: a year's flow across its year (a bar over the period, the point at its middle), a stock at its date;
  year labels sit in the middle of their year, year boundaries are grid lines. Half years, quarters, other
  parts of a year and multi-year spans are their own series, named in the legend and labelled on the point;
  multi-year spans (cumulative figures) are never joined by a line, to each other or to anything else.
- Values: the axis in words at the scale the sources write (hundred million yuan, number), plain numbers
  with thousands separators, never an offset or scientific notation; the axis starts at zero.
- Sources: every point has a note number; the numbers lead to the list of outlets and dates under the chart.
- Bounds stay bounds: "more than" is an upward triangle, "less than" a downward one, "about" a diamond, a range
  a bar from its lower to its upper value; an exact figure is a circle. The preferred figure of each period is
  filled; the line joins only levels (exact and "about" figures): a bound or a range is its marker alone, since
  a line through ">1,200" would draw a level of 1,200 that no source states (review 3 F9). Another source's
  figure is hollow: grey where it agrees, in colour where it competes.
  A later text that only repeats a figure (role `restated`) is no new point: it is named under the chart.
- Targets are drawn apart from actuals: grey, dashed, named in the legend by the status's own label (the
  `categories` of indicators.status: "plans, goals and expectations", which covers an organiser's forecast).

Labels are ASCII (English names, unit labels, source ids), so no CJK font is needed and the chart looks the
same on every machine. The output is reproducible byte for byte: no date or software version is written into
the file and SVG ids come from a fixed salt, so scripts/build can check the README charts for freshness. Each
point's SVG group is named `point-<observation_id>` so a test (or a reader of the file) can find it.

matplotlib comes with the `plot` extra and is imported only here.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import ExportError, PlotError
from ..io.atomic import is_stream
from .chart import Chart, chart
from .export import atomic_write, check_writable
from .periods import KINDS

JOINED = ("eq", "approx", "")  # the qualifiers of a level, which the line joins
# The roles drawn as a point of their own, filled and labelled with their period: the preferred figure, and a
# figure not comparable with any other (the only not_comparable rows a chart draws; see chart.py).
OWN_POINTS = ("preferred", "not_comparable")
MARKERS = {"eq": "o", "approx": "D", "gt": "^", "gte": "^", "lt": "v", "lte": "v", "range": "o"}
QUALIFIER_WORDS = {"gt": "more than", "gte": "at least", "lt": "less than", "lte": "at most", "approx": "about"}
SIGNS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "approx": "about "}
KIND_COLOURS = {
    "stock": "#1565c0",
    "year": "#1565c0",
    "half year": "#ef6c00",
    "quarter": "#2e7d32",
    "part of a year": "#6a1b9a",
    "several years": "#8d6e63",
}
KIND_NAMES = {
    "stock": "at their date",
    "year": "full years",
    "half year": "half years",
    "quarter": "quarters",
    "part of a year": "parts of a year",
    # Not "cumulative": a trailing twelve months (FT's TTM revenue) is such a span too (trial 8 m6). The words keep
    # the legend's width, which the label placement of the conference's guests chart is tuned against.
    "several years": "a year or more, across years (whole span)",
}
TARGET_COLOUR = "#757575"
APART_COLOUR = "#00838f"  # an edition of another format than most of the series' (a forum among conferences)
AGREEING_COLOUR = "#9e9e9e"
WIDTH, HEIGHT = 9.0, 5.0  # inches; at 100 dpi the PNG is 900 pixels wide
MAX_LABELS = 40  # labels beyond this many are left off (see `labelled`)
NOTE_WIDTH = 150  # characters of a note line: 6.5 pt DejaVu Sans, at most ~5.4 pt a character, in 9 inches


def plot(
    indicator: str,
    subject: str | None = None,
    output: str | Path = "chart.svg",
    force: bool = False,
    path: str | Path | None = None,
) -> Path:
    """Draw `indicator` about `subject` (actuals and targets) to `output` (.png or .svg); return the file."""
    output = Path(output)
    suffix = output.suffix.lower()  # a.PNG is a PNG
    if suffix not in (".png", ".svg"):
        raise PlotError(f"{output}: the chart file must end in .png or .svg")
    if output.exists() and not is_stream(output) and not force:
        raise PlotError(f"{output} exists; pass force=True to replace it")
    try:
        check_writable(output)
    except ExportError as exc:
        raise PlotError(str(exc)) from None
    try:
        import matplotlib
    except ImportError:
        raise PlotError("plot needs matplotlib: pip install 'tongxiang-digital-economy[plot]'") from None
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    shown = chart(indicator, subject, path)
    with matplotlib.rc_context(
        {"svg.hashsalt": "tongxiang-digital-economy", "svg.fonttype": "none", "font.family": "DejaVu Sans"}
    ):
        fig = draw(shown)
        metadata: dict[str, Any] = {"Date": None, "Creator": None} if suffix == ".svg" else {"Software": None}
        try:
            atomic_write(output, lambda tmp: fig.savefig(tmp, metadata=metadata, format=suffix[1:]), force)
        except ExportError as exc:
            raise PlotError(str(exc)) from None
        finally:
            plt.close(fig)
    return output


RANK = "rank"  # the unit of a position in a list (units table): its axis runs from 1 at the top down


def draw(shown: Chart) -> Any:
    """The matplotlib figure of a chart."""
    from matplotlib import dates as mdates
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FixedFormatter, FixedLocator, FuncFormatter, MaxNLocator

    # A no-break space keeps each note number on the line of its source.
    paragraphs = ["Sources: " + "; ".join(f"[{n}]\u00a0{line}" for n, line in shown.sources)]
    paragraphs += [shown.left_out] if shown.left_out else []
    paragraphs += [shown.kin] if shown.kin else []
    groups = label_groups(shown.rows)
    labels = labelled(groups)
    if len(labels) < len(groups):
        paragraphs.append(
            f"Labels: {len(labels)} of {len(groups)} positions are labelled (the first, last, highest and lowest of "
            f"each line; more than {MAX_LABELS} labels cannot all sit by their points); `series` lists every figure."
        )
    drawn_lines, cut = joined_lines(shown)
    if cut:
        paragraphs.append(
            "The line is broken where a bound between two levels lies on the wrong side of it (a line between them "
            "would draw a level that figure contradicts): " + "; ".join(cut) + "."
        )
    paragraphs.append(
        "Preferred figure: the stronger source grade (a repost as the origin it names), then the newer publication. "
        "Data: tongxiang-digital-economy, CC BY 4.0."
    )
    # Every note is wrapped to the figure's width (NOTE_WIDTH characters of 6.5 pt type), never cut at its edge.
    notes = [line for text in paragraphs for line in textwrap.wrap(text, width=NOTE_WIDTH)]
    line_height = 0.16  # inches per note line
    fig, ax = plt.subplots(figsize=(WIDTH, HEIGHT + line_height * len(notes)), dpi=100)
    rows = shown.rows
    for (status, kind, apart), group in rows.groupby(["status", "kind", "apart"], sort=False):
        colour = TARGET_COLOUR if status == "target" else APART_COLOUR if apart else KIND_COLOURS[str(kind)]
        name = f"{shown.status_labels.get(str(status), str(status))}, {KIND_NAMES[str(kind)]}"
        if apart:  # an edition of another format than most (a forum among conferences): its own line
            name += f", at {'an' if str(apart)[:1] in 'aeiou' else 'a'} {apart} (drawn apart)"
        if (group["role"] == "not_comparable").all():
            name += ", not comparable with one another (not joined)"
        xs, ys, joined = drawn_lines[(status, kind, apart)]
        (line,) = ax.plot(
            xs,
            ys,
            linestyle=("--" if status == "target" else "-") if joined else "none",
            color=colour,
            linewidth=1.2,
            marker="o",
            markersize=5,
            markeredgewidth=0,
            zorder=1,
            label=name,
        )
        # The joined figures of one kind (and format), for tests.
        line.set_gid(f"line-{status}-{str(kind).replace(' ', '-')}" + (f"-{apart}" if apart else ""))
        for _, row in group.iterrows():
            draw_point(ax, row, colour)
    label_points(ax, rows, labels)

    for qualifier in ("gt", "lt", "approx"):
        if qualifier in set(rows["qualifier"]):
            ax.scatter([], [], marker=MARKERS[qualifier], color="#000000", label=QUALIFIER_WORDS[qualifier])
    if (rows["qualifier"] == "range").any():
        ax.plot([], [], color="#000000", linewidth=2, label="a range (low to high)")
    same = same_source(rows)
    seen = ~hidden(rows)  # the legend names only markers a reader can see (trial 5 n6)
    if ((rows["role"] == "corroborating") & seen).any():
        ax.scatter(
            [],
            [],
            marker="o",
            facecolors="none",
            edgecolors=AGREEING_COLOUR,
            label=whose(same[(rows["role"] == "corroborating") & seen]) + " figure that agrees",
        )
    if ((rows["role"] == "competing") & seen).any():
        ax.scatter(
            [],
            [],
            marker="o",
            facecolors="none",
            edgecolors="#000000",
            label=whose(same[(rows["role"] == "competing") & seen]) + " different figure",
        )

    ax.set_title("\n".join(textwrap.wrap(shown.title, width=80)), fontsize=12, loc="left")  # never cut at the edge
    ax.set_ylabel(shown.unit_label)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.10g}"))
    top = float(pd.concat([rows["y"], rows["y_upper"].dropna()]).max())
    ax.set_ylim(0 if float(rows["y"].min()) >= 0 else None, top * 1.18 if top > 0 else None)
    if shown.unit == RANK:  # rank 1 at the top: a rise in the list is drawn as a rise (trial 6 r4)
        # A rank is a whole number from 1: ticks at 0.2, 0.4 … of a one-rank chart meant nothing (trial 7 m1).
        low, high = ax.get_ylim()
        whole = MaxNLocator(integer=True, steps=[1, 2, 5, 10]).tick_values(low, high)
        ax.yaxis.set_major_locator(FixedLocator([t for t in whole if 1 <= t <= high] or [1.0]))
        ax.invert_yaxis()
    first, last = int(rows["x_start"].min().year), int(rows["x_end"].max().year)
    step = 1 if last - first < 16 else 2
    # Half a year of margin: room for a label left of the first point, and no empty year is labelled.
    ax.set_xlim(pd.Timestamp(first - 1, 7, 1), pd.Timestamp(last + 1, 7, 1))  # type: ignore[arg-type]
    # Year labels in the middle of their year; the boundaries between years are the grid lines.
    to_num: Any = mdates.date2num  # matplotlib's date converter has no type hints
    middles = [pd.Timestamp(year, 7, 1) for year in range(first, last + 1, step)]
    ax.xaxis.set_major_locator(FixedLocator(to_num(middles)))
    ax.xaxis.set_major_formatter(FixedFormatter([str(t.year) for t in middles]))
    ax.xaxis.set_minor_locator(FixedLocator(to_num([pd.Timestamp(y, 1, 1) for y in range(first, last + 2)])))
    ax.tick_params(axis="x", which="major", length=0)
    ax.grid(True, which="minor", axis="x", linewidth=0.4, color="#bdbdbd")
    ax.grid(True, which="major", axis="y", linewidth=0.3, color="#e0e0e0")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # The legend sits under the plot, never over a point or its label.
    # As many columns as fit in the figure's width (three, fewer where the names are long).
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # Agg canvas
    for columns in (3, 2, 1):
        legend = ax.legend(
            fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.08), ncol=columns, frameon=False, borderaxespad=0
        )
        if legend.get_window_extent(renderer).x1 <= fig.bbox.x1 - 4:
            break
    fig.text(0.01, 0.01, "\n".join(notes), fontsize=6.5, color="#424242", va="bottom", linespacing=1.4)
    fig.tight_layout(rect=(0, (line_height * len(notes) + 0.1) / (HEIGHT + line_height * len(notes)), 1, 1))
    keep_labels_apart(fig, ax)
    return fig


# Where a label may go, tried nearest first: offsets (points) from its point in eight directions, further out
# step by step; a label that fits nowhere near its point goes further away with a leader line.
DIRECTIONS = [(-1, 1), (1, 1), (-1, -1), (1, -1), (0, 1), (0, -1), (-1, 0), (1, 0)]
DISTANCES = [4, 6, 9, 12, 16, 20, 25, 30, 36, 42, 49, 56, 72, 90, 110, 135, 165, 200]
MARKER_RADIUS = 5.0  # pixels around a point that no label covers
LONG_LEADER = 45.0  # pixels: a leader longer than this leads the eye away from the point (avoided where possible)
CELL = 48.0  # pixels: the side of a cell of the grid that finds the boxes, points and lines near a label


class Grid:
    """Boxes (x0, y0, x1, y1) in pixels filed by the cells of a square grid they touch, so that a label's
    candidate position is checked only against what lies near it, not against everything drawn: placing n
    labels costs about n, not n squared (review 3 F15: 128 points took 78 s). An item added under a key can be
    taken out again and put back, so one grid of all labels serves every "all the others but label k" (review
    4 F4: rebuilding that grid for each label made a round cost n squared)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[int]] = {}
        self.items: dict[int, Any] = {}
        self.keys: dict[Any, list[int]] = {}
        self.next_id = -1
        self.read = 0  # entries of cells read by `each`: the work a placement did (tests count it, never time it)

    @staticmethod
    def span(x0: float, y0: float, x1: float, y1: float) -> Any:
        return (
            (i, j)
            for i in range(int(x0 // CELL), int(x1 // CELL) + 1)
            for j in range(int(y0 // CELL), int(y1 // CELL) + 1)
        )

    def add(self, box: tuple[float, float, float, float], item: Any, key: Any = None) -> None:
        n = self.next_id = self.next_id + 1  # ids only grow: a removed item's id is never reused
        self.items[n] = item
        if key is not None:
            self.keys.setdefault(key, []).append(n)
        for cell in self.span(*box):
            self.cells.setdefault(cell, []).append(n)

    def remove(self, key: Any) -> None:
        """Take out the items added under `key` (their cells drop them when next searched)."""
        for n in self.keys.pop(key, []):
            del self.items[n]

    def near(self, box: tuple[float, float, float, float]) -> list[Any]:
        """Every item whose box shares a cell with `box` (a superset of those that meet it), each once."""
        return list(self.each(box))

    def each(self, box: tuple[float, float, float, float]) -> Iterator[Any]:
        """The items of `near`, one at a time, so that a count that has gone past its bound stops reading them."""
        seen: set[int] = set()
        for cell in self.span(*box):
            for i in self.cells.get(cell, ()):
                self.read += 1
                if i not in seen and i in self.items:
                    seen.add(i)
                    yield self.items[i]


def segment_box(a: Any, b: Any) -> tuple[float, float, float, float]:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


class Box:
    """A label's box in pixels, with the two tests the placement needs (as matplotlib's Bbox has them)."""

    __slots__ = ("x0", "x1", "y0", "y1")

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def bounds(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


def keep_labels_apart(fig: Any, ax: Any) -> None:
    """Place every point label where it is wholly inside the plot, overlaps no other label, covers no point and
    crosses no drawn line, with a short leader to its point that crosses no other leader and no other label.

    Each label in turn takes the nearest position that breaks none of these, or, when none is free, the one that
    breaks the fewest (never one outside the plot or over another label, while such a position exists). Which
    label goes first matters where labels crowd (a wide label placed first can take the only free place near
    the next point, whose label then goes far away with a long leader, trial 4 m8), so the placement is made in
    several orders (left to right, right to left, the widest first, the most crowded first, top down, bottom
    up); in each, every label that still breaks a rule is placed again knowing where all the others went (an
    early label knew nothing of the later ones), and the layout kept is the one that breaks the fewest rules,
    then has the longest leader shortest, then the least leader in all. Rules, worst first: outside the plot,
    over another label, over a point; then, weighed together, over a line or under another label's leader, a
    leader across a line or through another label, another point nearer the label than its own, and the
    leader's length in LONG_LEADERs; then leaders crossing. A leader runs from the point to the nearest point of
    its label (Scene.cost measures that, and the annotation's relpos draws it so).

    Each label's text is measured once; a candidate position moves that box arithmetically (a text box is only
    translated by its alignment and offset), and is checked only against what a grid finds near it."""
    from matplotlib.text import Text

    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    labels = [t for t in ax.texts if str(t.get_gid() or "").startswith("label-")]
    anchors = [ax.transData.transform((mdates_num(t.xy[0]), float(t.xy[1]))) for t in labels]
    points = Grid()
    for collection in ax.collections:
        if str(collection.get_gid() or "").startswith("point-"):
            for offset in collection.get_offsets():
                px, py = ax.transData.transform(offset)
                r = MARKER_RADIUS
                points.add((px - r, py - r, px + r, py + r), (px, py))
    segments = Grid()
    for a, b in drawn_segments(ax):
        segments.add(segment_box(a, b), (a, b))
    sizes = []
    for label, anchor in zip(labels, anchors, strict=True):
        # The text's own box (without the leader), measured once at its point, left and bottom aligned.
        label.set_horizontalalignment("left")
        label.set_verticalalignment("bottom")
        label.xyann = (0.0, 0.0)
        label.update_positions(renderer)
        measured = Text.get_window_extent(label, renderer)
        sizes.append((measured.width, measured.height, measured.x0 - anchor[0], measured.y0 - anchor[1]))
    crowd = [len(points.near((a[0] - 60, a[1] - 30, a[0] + 60, a[1] + 30))) for a in anchors]
    orders = [
        sorted(range(len(labels)), key=lambda k: (anchors[k][0], k)),
        sorted(range(len(labels)), key=lambda k: (-anchors[k][0], k)),
        sorted(range(len(labels)), key=lambda k: (-sizes[k][0], anchors[k][0], k)),
        sorted(range(len(labels)), key=lambda k: (-crowd[k], anchors[k][0], k)),
        sorted(range(len(labels)), key=lambda k: (-anchors[k][1], anchors[k][0], k)),
        sorted(range(len(labels)), key=lambda k: (anchors[k][1], anchors[k][0], k)),
    ]
    scene = Scene(frame, points, segments, fig.dpi / 72.0)
    best_layout: tuple[Any, list[Placement]] | None = None
    tried = list(dict.fromkeys(tuple(o) for o in orders))
    for order in tried[: 1 if len(labels) > CROWDED else len(tried)]:
        layout = scene.layout(order, anchors, sizes)
        score = scene.score(anchors, layout)
        if best_layout is None or score < best_layout[0]:
            best_layout = (score, layout)
        if not any(score[0]):  # breaks no rule: the first order usually does, and no other can do better
            break
    assert best_layout is not None
    for label, placement in zip(labels, best_layout[1], strict=True):
        label.set_horizontalalignment(placement.ha)
        label.set_verticalalignment(placement.va)
        label.xyann = placement.offset
        # The leader starts at the point of the label nearest its point, not at the label's middle (matplotlib's
        # default), so it is as short as the placement measured and never runs along the label.
        box = placement.text
        label._arrow_relpos = (  # matplotlib has no setter for an annotation's `relpos` after it is made
            (placement.end[0] - box.x0) / max(box.x1 - box.x0, 1e-9),
            (placement.end[1] - box.y0) / max(box.y1 - box.y0, 1e-9),
        )


class Placement:
    """Where one label goes: its offset from its point (points), alignments, text box and leader end (pixels)."""

    __slots__ = ("end", "ha", "offset", "text", "va")

    def __init__(self, offset: tuple[float, float], ha: str, va: str, text: Box, end: tuple[float, float]) -> None:
        self.offset, self.ha, self.va, self.text, self.end = offset, ha, va, text, end


def put(rest: tuple[Grid, Grid], k: int, anchor: Any, placement: Placement) -> None:
    """File label k's box and leader in the grids of placed labels."""
    placed, leaders = rest
    placed.add(placement.text.bounds(), placement.text, k)
    leaders.add(segment_box(anchor, placement.end), (anchor, placement.end), k)


def take(rest: tuple[Grid, Grid], k: int) -> None:
    """Take label k's box and leader out of the grids, so they hold all the others."""
    for grid in rest:
        grid.remove(k)


def repairs(n: int) -> int:
    """Rounds of repair for n labels: REPAIRS, and one past CROWDED labels (each round places every label that
    breaks a rule again; a long series must not take minutes, review 4 F4)."""
    return REPAIRS if n <= CROWDED else 1


SHIFT_X = {"left": 0.0, "center": 0.5, "right": 1.0}
SHIFT_Y = {"bottom": 0.0, "center": 0.5, "top": 1.0}
REPAIRS = 3  # rounds in which each label is placed again knowing where all the others went
CROWDED = 30  # labels past which one order and one round of repair are tried (review 4 F4)


class Scene:
    """What labels must keep clear of (the plot's frame, the points, the drawn lines) and how to place them."""

    def __init__(self, frame: Any, points: Grid, segments: Grid, to_pixels: float) -> None:
        self.frame, self.points, self.segments, self.to_pixels = frame, points, segments, to_pixels

    def layout(self, order: tuple[int, ...], anchors: list[Any], sizes: list[Any]) -> list[Placement]:
        """Each label placed in `order` knowing the ones before it, then placed again, in REPAIRS rounds,
        knowing all the others (an early label may sit where a later one's leader had to pass), kept where it
        breaks fewer rules than before."""
        layout: list[Any] = [None] * len(anchors)
        rest = (Grid(), Grid())
        for k in order:
            layout[k] = self.place(anchors[k], sizes[k], rest)
            put(rest, k, anchors[k], layout[k])
        for _ in range(repairs(len(anchors))):
            moved = False
            for k in order:
                take(rest, k)
                now = self.whole_cost(anchors[k], layout[k], rest)
                if any(now[:5]):
                    again = self.place(anchors[k], sizes[k], rest)
                    if self.cost(anchors[k], again, rest, now[:5]) is not None:  # breaks fewer rules than now
                        layout[k], moved = again, True
                put(rest, k, anchors[k], layout[k])
            if not moved:
                break
        return layout

    def score(self, anchors: list[Any], layout: list[Placement]) -> tuple[Any, ...]:
        """How good a whole layout is: the rules it breaks, summed over the labels (each against all the
        others), then its longest leader, then all its leaders' length."""
        rest = (Grid(), Grid())
        for k, placement in enumerate(layout):
            put(rest, k, anchors[k], placement)
        costs = []
        for k, placement in enumerate(layout):
            take(rest, k)
            costs.append(self.whole_cost(anchors[k], placement, rest))
            put(rest, k, anchors[k], placement)
        broken = tuple(sum(c[i] for c in costs) for i in range(5))
        lengths = [c[5] for c in costs]
        return (broken, max(lengths, default=0.0), sum(lengths))

    def place(self, anchor: Any, size: tuple[float, float, float, float], rest: tuple[Grid, Grid]) -> Placement:
        """The nearest position of a label that breaks no rule (see keep_labels_apart), else the one that
        breaks the fewest, nearest first."""
        width, height, dx, dy = size
        best: tuple[Any, Placement] | None = None
        for distance in DISTANCES:
            for ox, oy, ha, va in candidates(distance, width / self.to_pixels):
                end = (anchor[0] + ox * self.to_pixels, anchor[1] + oy * self.to_pixels)
                x0 = end[0] + dx - SHIFT_X[ha] * width
                y0 = end[1] + dy - SHIFT_Y[va] * height
                text = Box(x0, y0, x0 + width, y0 + height)
                if not beside(anchor, text) and leader_length(anchor, text) < LEADER_SEEN:
                    continue  # left of or below its point, a label reads as its neighbour's without a leader
                placement = Placement((ox, oy), ha, va, text, nearest(anchor, text))
                # Only a position that breaks fewer rules than the best so far can replace it: its cost is
                # counted against that bound and given up as soon as it cannot be lower (the same choice as
                # counting it whole, for a fraction of the work where labels crowd).
                cost = self.cost(anchor, placement, rest, None if best is None else best[0][:5])
                if cost is not None:
                    best = (cost, placement)
            if best is not None and not any(best[0][:5]):
                break
        assert best is not None
        return best[1]

    def cost(
        self, anchor: Any, placement: Placement, rest: tuple[Grid, Grid], bound: tuple[int, ...] | None = None
    ) -> tuple[int, ...] | None:
        """What a position breaks, worst first: outside the plot, over another label, over a point; over a line
        (the series' line, a period's bar, another label's leader), a leader through another label or across a
        line, weighed
        with the leader's length in LONG_LEADERs; a leader crossing another; and last the leader's length.

        With `bound` (the first five parts of another position's cost): None as soon as the counts show that
        this position's five parts are not lower than the bound's (compared in order, as tuples are), without
        counting the rest; a position's parts are counted whole only while it can still win."""
        try:
            return self.counted(anchor, placement, rest, Tally(bound))
        except Worse:
            return None

    def whole_cost(self, anchor: Any, placement: Placement, rest: tuple[Grid, Grid]) -> tuple[int, ...]:
        """Scene.cost counted whole (no bound)."""
        found = self.counted(anchor, placement, rest, Tally(None))
        assert found is not None
        return found

    def counted(
        self, anchor: Any, placement: Placement, rest: tuple[Grid, Grid], tally: Tally
    ) -> tuple[int, ...] | None:
        """Scene.cost's parts, each counted by `tally` (which raises Worse once they cannot be lower)."""
        placed, leaders = rest
        text, end = placement.text, placement.end
        box = Box(text.x0 - 2, text.y0 - 2, text.x1 + 2, text.y1 + 2)  # padded by 2 pixels
        frame = self.frame
        outside = tally.part(int(box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1))
        crowded = tally.count(0, (1 for other in placed.each(box.bounds()) if box.overlaps(other)))
        covering = tally.partial(
            0,
            (
                1
                for px, py in self.points.each(box.bounds())
                if box.x0 - MARKER_RADIUS < px < box.x1 + MARKER_RADIUS
                and box.y0 - MARKER_RADIUS < py < box.y1 + MARKER_RADIUS
            ),
        )
        length = leader_length(anchor, text)
        # Another point nearer the label than its own reads as that point's label (">1,800 (2023…)" by 2021).
        near = length + MARKER_RADIUS
        around = (text.x0 - near, text.y0 - near, text.x1 + near, text.y1 + near)
        covering = tally.count(
            covering,
            (
                1
                for px, py in self.points.each(around)
                if (abs(px - anchor[0]) > 0.5 or abs(py - anchor[1]) > 0.5)
                and leader_length((px, py), text) < length - 0.5
            ),
        )
        reach = segment_box(anchor, end)
        # A label over a line costs as much as a leader two LONG_LEADERs long, a leader across a line one: a
        # label goes a little further out to stay clear, never across the chart (trial 4 m8: "about 1,000
        # (2014…)" sat over 2020).
        misread = tally.partial(int(length // LONG_LEADER), ())
        misread = tally.partial(misread, (2 for a, b in self.segments.each(box.bounds()) if box_meets(box, a, b)))
        misread = tally.partial(misread, (2 for a, b in leaders.each(box.bounds()) if box_meets(box, a, b)))
        misread = tally.partial(misread, (2 for other in placed.each(reach) if box_meets(other, anchor, end)))
        misread = tally.count(misread, (1 for segment in self.segments.each(reach) if crosses((anchor, end), segment)))
        crossing = tally.count(0, (1 for leader in leaders.each(reach) if crosses((anchor, end), leader)))
        if not tally.lower:
            return None  # every part equal to the bound's: not lower
        return (outside, crowded, covering, misread, crossing, length)  # type: ignore[return-value]


class Tally:
    """The parts of a cost counted in order against a bound (another cost's parts): `Worse` is raised as soon as
    the parts so far exceed the bound's (tuples compare so), and counting goes on whole once they are lower."""

    def __init__(self, bound: tuple[int, ...] | None) -> None:
        self.bound, self.index, self.lower = bound, 0, bound is None

    def partial(self, start: int, increments: Iterable[int]) -> int:
        """`start` plus the increments, stopped (Worse) once the sum exceeds this part's bound."""
        total = start
        limit = None if self.lower or self.bound is None else self.bound[self.index]
        for step in increments:
            total += step
            if limit is not None and total > limit:
                raise Worse
        return total

    def count(self, start: int, increments: Iterable[int]) -> int:
        """The part's last increments: the part is complete, and compared with the bound's."""
        return self.part(self.partial(start, increments))

    def part(self, value: int) -> int:
        if not self.lower and self.bound is not None:
            if value > self.bound[self.index]:
                raise Worse
            self.lower = value < self.bound[self.index]
        self.index += 1
        return value


class Worse(Exception):
    """A position's cost is not lower than the bound it is counted against (Scene.cost returns None)."""


def candidates(distance: float, width: float) -> list[tuple[float, float, str, str]]:
    """The positions tried at one distance (points): offset and alignment of the label's text. Above and below
    its point a label may also slide sideways by a third of its width, so that a wide label finds room between
    its neighbours without going further out."""
    out = []
    for hx, vy in DIRECTIONS:
        offset = (float(hx * distance), float(vy * distance if hx == 0 else vy * max(distance * 0.6, 6)))
        ha = {-1: "right", 0: "center", 1: "left"}[hx]
        va = {-1: "top", 0: "center", 1: "bottom"}[vy] if hx != 0 or vy != 0 else "center"
        out.append((offset[0], offset[1], ha, va))
        if hx == 0:
            for slide in (-1, 1):
                out.append((slide * width / 3, offset[1], ha, va))
    return out


# Pixels: a label that is neither right of its point nor above it stands this far from it at least, so that its
# leader is seen (drawn from the label to 4 points short of the point): a label just left of its point sat under
# the point before, and read as that one's (trial 7 r12: ">1,500 (2017-12-03 to 05)" under 2016).
LEADER_SEEN = 14.0


def beside(anchor: Any, box: Box) -> bool:
    """Whether a label stands right of its point or above it (over the point's x), where it reads as the point's
    own without a leader."""
    right = box.x0 >= anchor[0] - 0.5
    above = box.y0 >= anchor[1] - 0.5 and box.x0 <= anchor[0] <= box.x1
    return bool(right or above)


def nearest(anchor: Any, box: Box) -> tuple[float, float]:
    """The point of a label's box nearest its point: where its leader starts (keep_labels_apart sets it)."""
    return (min(max(anchor[0], box.x0), box.x1), min(max(anchor[1], box.y0), box.y1))


def leader_length(anchor: Any, box: Box) -> float:
    """How long a label's leader is: from its point to the nearest point of the label's box (0 inside it)."""
    x, y = nearest(anchor, box)
    return math.hypot(x - anchor[0], y - anchor[1])


def drawn_segments(ax: Any) -> list[tuple[Any, Any]]:
    """The drawn lines of the plot (joined series, period bars and range bars) as segments in pixels."""
    segments: list[tuple[Any, Any]] = []
    for line in ax.lines:
        if line.get_linestyle() in ("None", "none", " ", ""):
            continue
        xy = line.get_transform().transform(line.get_xydata())
        # A gap (NaN) in a line breaks it (see `unbroken`): no segment runs to or from it.
        segments += [(xy[i], xy[i + 1]) for i in range(len(xy) - 1) if math.isfinite(xy[i][1] + xy[i + 1][1])]
    from matplotlib.collections import LineCollection

    for collection in ax.collections:
        if not isinstance(collection, LineCollection):  # points and legend markers are no lines
            continue
        for path in collection.get_paths():
            xy = collection.get_transform().transform(path.vertices)
            segments += [(xy[i], xy[i + 1]) for i in range(len(xy) - 1)]
    return segments


def crosses(first: tuple[Any, Any], second: tuple[Any, Any]) -> bool:
    """Whether two segments cross (touching at an end counts as not crossing)."""
    (ax_, ay), (bx, by) = first
    (cx, cy), (dx, dy) = second
    if (
        max(ax_, bx) < min(cx, dx)
        or max(cx, dx) < min(ax_, bx)
        or max(ay, by) < min(cy, dy)
        or max(cy, dy) < min(ay, by)
    ):
        return False  # their boxes are apart: no crossing, decided without the sides

    def side(px: float, py: float, qx: float, qy: float, rx: float, ry: float) -> float:
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)

    d1, d2 = side(cx, cy, dx, dy, ax_, ay), side(cx, cy, dx, dy, bx, by)
    d3, d4 = side(ax_, ay, bx, by, cx, cy), side(ax_, ay, bx, by, dx, dy)
    return d1 * d2 < 0 and d3 * d4 < 0


def box_meets(box: Any, a: Any, b: Any) -> bool:
    """Whether the segment a-b passes through the box (an end inside it, or crossing one of its sides)."""
    if max(a[0], b[0]) < box.x0 or min(a[0], b[0]) > box.x1 or max(a[1], b[1]) < box.y0 or min(a[1], b[1]) > box.y1:
        return False  # the segment's own box misses the box: the common case, decided without crossings
    inside = [box.x0 <= p[0] <= box.x1 and box.y0 <= p[1] <= box.y1 for p in (a, b)]
    if any(inside):
        return True
    corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1)]
    return any(crosses((a, b), (corners[i], corners[(i + 1) % 4])) for i in range(4))


def mdates_num(x: Any) -> float:
    """A position on the time axis as matplotlib's number (dates are converted, numbers kept)."""
    from matplotlib import dates as mdates

    to_num: Any = mdates.date2num  # matplotlib's date converter has no type hints
    return float(to_num(x)) if not isinstance(x, (int, float)) else float(x)


def same_source(rows: pd.DataFrame) -> pd.Series:
    """Whether each figure's source also gives another figure of its period (status and span alike): one article
    saying "nearly 100" and "more than 100" countries is one source's two figures, not two sources'."""
    period = [rows["status"], rows["period_start"].astype("string"), rows["period_end"].astype("string")]
    keys = pd.Series(list(zip(*period, rows["source_id"], strict=True)), index=rows.index)
    return keys.duplicated(keep=False)


def whose(same: pd.Series) -> str:
    """Whose figure a hollow marker is, in the legend: another source's, the same source's, or either."""
    if same.all():
        return "the same source's"
    return "another source's" if not same.any() else "another (or the same) source's"


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
        xs, ys, broken = unbroken(best, group)
        # Spans of several years are never joined: each covers its own years (6100 guests over 2014-2018, 12000
        # over 2014-2023), so a line between them would draw a change no source states.
        # A line every segment of which is broken draws none: its legend shows no line sample either (trial 6 r5).
        segment = any(not (math.isnan(a) or math.isnan(b)) for a, b in pairwise(ys))
        lines[key] = (xs, ys, segment and key[1] != "several years")
        cut += broken
    return lines, cut


def unbroken(best: pd.DataFrame, group: pd.DataFrame) -> tuple[list[Any], list[float], list[str]]:
    """The vertices of a line joining the levels `best` (sorted by time), with a gap (NaN) between two levels
    wherever a figure of the line's group between them says the line is wrong there: a lower bound ("more than
    915") above the segment, an upper bound below it, or a range it misses (trial 5 P2: the line from about 600
    (2013) to 772.07 (2023) drew 686 in 2018, where a source says more than 915). The line draws only the
    levels its ends state, so where a figure between them contradicts it, no line is the honest drawing.
    Returns the xs, the ys and the spans broken, as the note under the chart names them."""
    xs: list[Any] = []
    ys: list[float] = []
    broken: list[str] = []
    vertices = list(zip(best["x"], best["y"].astype(float), best["period_label"], strict=True))
    for i, (x, y, label) in enumerate(vertices):
        if i:
            (xa, ya, la) = vertices[i - 1]
            if contradicted(group, (mdates_num(xa), ya), (mdates_num(x), y)):
                xs.append(xa + (x - xa) / 2)
                ys.append(math.nan)
                broken.append(f"between {short(str(la))} and {short(str(label))}")
        xs.append(x)
        ys.append(y)
    return xs, ys, broken


def contradicted(group: pd.DataFrame, a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether a figure of `group` strictly between a and b in time lies on the wrong side of the segment a-b:
    a lower bound (gt, gte, a range's low end) above it or an upper bound (lt, lte, a range's high end) below
    it."""
    for _, row in group.iterrows():
        x = mdates_num(row["x"])
        if not a[0] < x < b[0]:
            continue
        level = a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])
        qualifier, y = str(row["qualifier"]), float(row["y"])
        upper = float(row["y_upper"]) if pd.notna(row["y_upper"]) else y
        if (
            (qualifier == "gt" and level <= y)
            or (qualifier == "gte" and level < y)
            or (qualifier == "lt" and level >= y)
            or (qualifier == "lte" and level > y)
            or (qualifier == "range" and not y <= level <= upper)
        ):
            return True
    return False


def layer(row: pd.Series) -> float:
    """A point's z-order: a filled (own) point over a hollow one, and actuals over targets: a target of the same
    value as an actual would hide the actual's marker and make the reported figure read as a plan (trial 5 n1);
    the target's own label still names it."""
    own = row["role"] in OWN_POINTS
    return (4 if own else 3.5) if row["status"] != "target" else (3 if own else 2.5)


def hidden(rows: pd.DataFrame) -> pd.Series:
    """Whether each point is wholly covered by a filled point drawn over it (same place, same marker): a hollow
    "figure that agrees" under the preferred figure it repeats is not seen, so the legend must not name it
    (trial 5 n6)."""
    marker = rows["qualifier"].map(lambda q: MARKERS.get(str(q), "o"))
    z = rows.apply(layer, axis=1) if len(rows) else pd.Series(dtype=float)
    own = rows["role"].isin(OWN_POINTS)
    out = pd.Series(False, index=rows.index)
    for i in rows.index:
        over = own & (rows["x"] == rows.at[i, "x"]) & (rows["y"] == rows.at[i, "y"]) & (marker == marker[i])
        out[i] = bool((over & (z > z[i])).any())
    return out


def draw_point(ax: Any, row: pd.Series, colour: str) -> None:
    """One figure: shape by qualifier, filled if preferred, a bar over its period and over its range."""
    marker = MARKERS.get(str(row["qualifier"]), "o")
    own = row["role"] in OWN_POINTS
    face = colour if own else "white"
    zorder = layer(row)
    x, y = row["x"], float(row["y"])
    if row["x_start"] != row["x_end"]:
        ax.hlines(y, row["x_start"], row["x_end"], colors=colour, linewidth=2.5, alpha=0.35, zorder=2)
    if row["qualifier"] == "range" and pd.notna(row["y_upper"]):
        ax.vlines(x, y, float(row["y_upper"]), colors=colour, linewidth=2, zorder=2)
    edge = AGREEING_COLOUR if row["role"] == "corroborating" else colour  # an agreeing figure is no rival
    points = ax.scatter([x], [y], marker=marker, s=44, facecolors=face, edgecolors=edge, zorder=zorder)
    points.set_gid(f"point-{row['observation_id']}")


def value_words(row: pd.Series) -> str:
    """A figure's value on the axis's scale, with its bound: `>2,700`, `about 40`, `nearly 300`, `1,141.69`, `5-6`."""
    text = f"{float(row['y']):,.10g}"
    if row["qualifier"] == "range" and pd.notna(row["y_upper"]):
        text = f"{text}-{float(row['y_upper']):,.10g}"
    elif bool(row.get("nearly", False)):  # 近300家: 300 or a little less, never "about" (trial 10 m5)
        text = "nearly " + text
    else:
        text = SIGNS.get(str(row["qualifier"]), "") + text
    return text


def written_as(row: pd.Series) -> str:
    """How the source wrote a figure that is shown on the axis's scale in another unit, or ""."""
    if row["unit"] == row["axis_unit"]:
        return ""
    return f"; as {float(row['value']):,.10g} {row['unit_label']}"


# Two figures of a run (the same figure in one series) that one label names sit at most this far apart: the
# label stands by the first, so a point years away (a target of 20 sub-forums in 2017 and again in 2021) would
# be left without a label by its side (trial 5 n2).
TOGETHER = pd.Timedelta(days=731)  # two years: annual editions with a year missing still sit together


def label_groups(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """The labels a chart would carry, in order of time: one per figure shown, folding the note numbers of the
    figures at its point that have the same status and say the same thing, value and bound word alike (`>2,000`
    is not `about 2,000`): a target never lends its source to an actual's label, nor "more than 7,000" to
    "7,000"; each has a label of its own. A run of the same figure in one series (a stock restated at later
    dates) whose points sit together (each within TOGETHER of the one before) is one label naming every date of
    the run (the flat line shows it); a point further on starts a label of its own."""
    labels: list[dict[str, Any]] = []
    runs: dict[tuple[Any, ...], dict[str, Any]] = {}  # the last preferred label of each line (status, kind, apart)
    said = rows.assign(_said=[value_words(r) + written_as(r) for _, r in rows.iterrows()])
    for (_x, _y, status, words), here in said.groupby(["x", "y", "status", "_said"], sort=True):
        preferred = here[here["role"].isin(OWN_POINTS)]
        row = preferred.iloc[0] if len(preferred) else here.iloc[0]
        joined = row["role"] == "preferred"  # only a joined line runs: figures not comparable are never one run
        last = runs.get((status, row["kind"], row["apart"])) if joined else None
        if (
            last is not None
            and last["words"] == words
            and last["row"]["y"] == row["y"]
            and pd.Timestamp(row["x"]) - pd.Timestamp(last["xs"][-1]) <= TOGETHER
        ):
            last["xs"].append(row["x"])
            last["periods"].append(str(row["period_label"]))
            last["years"].append(pd.Timestamp(row["x"]).year)
            last["notes"] |= set(here["note"])
            continue
        found: dict[str, Any] = {
            "row": row,
            "words": words,
            "preferred": bool(len(preferred)),
            "periods": [str(row["period_label"])],
            "years": [pd.Timestamp(row["x"]).year],
            "xs": [row["x"]],
            "notes": set(here["note"]),
        }
        labels.append(found)
        if joined:
            runs[(status, row["kind"], row["apart"])] = found
    return labels


def labelled(labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The labels drawn: all of them up to MAX_LABELS; beyond, only the first, the last, the highest and the
    lowest of each line (status and kind), the rest left unlabelled (their points and sources stay, and a note
    under the chart says so). More labels than that cannot all find room near their points, and trying every
    position for each made a 128-point chart take minutes (review 3 F15)."""
    if len(labels) <= MAX_LABELS:
        return labels
    keep: set[int] = set()
    lines: dict[tuple[str, str, str], list[int]] = {}
    for i, found in enumerate(labels):
        line = (str(found["row"]["status"]), str(found["row"]["kind"]), str(found["row"]["apart"]))
        lines.setdefault(line, []).append(i)
    for members in lines.values():
        ys = [float(labels[i]["row"]["y"]) for i in members]
        keep |= {members[0], members[-1], members[ys.index(max(ys))], members[ys.index(min(ys))]}
    return [labels[i] for i in sorted(keep)]


def label_points(ax: Any, rows: pd.DataFrame, labels: list[dict[str, Any]]) -> None:
    """Each label (label_groups, as `labelled` keeps them): the preferred value with its period, a target's marked
    "target", other sources' different values stacked on the other side, each with its note numbers; a run past
    RUN_NAMED_AT_MOST periods is named by their number and years ("3 in each of 8 periods, 2014-2023"). A label
    goes on the side of its point that the line does not cross (above left where the series rises, above right
    where it falls); keep_labels_apart then moves it where it is free.
    """
    rising = rising_at(rows)
    stacked: dict[Any, int] = {}
    # A period with no figure of its own (two figures of one text, neither preferred): its labels name it.
    named = {(found["row"]["status"], found["row"]["x"]) for found in labels if found["preferred"]}
    for found in labels:
        row = found["row"]
        numbers = note_numbers(found["notes"])
        target = "; target" if row["status"] == "target" else ""
        target += f"; {row['apart']}" if row["apart"] else ""  # a forum among conferences says so on its label
        up = rising.get((row["status"], row["kind"], row["apart"], row["x"]), True)
        if found["preferred"]:
            periods = found["periods"]
            if len(periods) > RUN_NAMED_AT_MOST:
                years = found["years"]
                each = "dates" if row["kind"] == "stock" else "periods"
                text = f"{value_words(row)} in each of {len(periods)} {each}, {min(years)}-{max(years)}"
                text += f"{' (' + written_as(row)[2:] + target + ')' if written_as(row) or target else ''}"
                text += f" [{numbers}]"
            else:
                text = f"{value_words(row)} ({', '.join(map(short, periods))}{written_as(row)}{target}) [{numbers}]"
            offset, align = ((-6, 6), "right") if up else ((6, 6), "left")
        else:
            below = stacked[row["x"]] = stacked.get(row["x"], 0) + 1
            said = [] if (row["status"], row["x"]) in named else [short(str(row["period_label"]))]
            said += [written_as(row)[2:]] if written_as(row) else []
            said += [target[2:]] if target else []
            text = f"{value_words(row)}{' (' + '; '.join(said) + ')' if said else ''} [{numbers}]"
            offset = (6 if up else -6, -10 - 9 * (below - 1))
            align = "left" if up else "right"
        label = ax.annotate(
            text,
            (row["x"], float(row["y"])),
            textcoords="offset points",
            xytext=offset,
            ha=align,
            fontsize=6.5,
            color="#263238",
            # A thin leader from the label to its point, seen where keep_labels_apart moves a label away.
            arrowprops={"arrowstyle": "-", "color": "#b0bec5", "linewidth": 0.5, "shrinkA": 0, "shrinkB": 4},
        )
        label.set_in_layout(False)  # placed inside the plot by keep_labels_apart, after the layout
        label.set_gid(f"label-{row['observation_id']}")


def short(period: str) -> str:
    """A period's label as a point label writes it: days of one month as `2015-12-16 to 18` (the month and year
    said once), so that the labels of one summit a year fit beside their points; every other label as it is."""
    return re.sub(r"^(\d{4}-\d{2}-)(\d{2}) to \1(\d{2})$", r"\1\2 to \3", period)


RUN_NAMED_AT_MOST = 3  # periods a run's label names one by one (event_duration: 8 editions of 3 days is too long)


def note_numbers(notes: set[int]) -> str:
    """Note numbers as a label writes them: `1,2`, and three or more in a row as a span, `1-11`."""
    ordered = sorted(notes)
    spans: list[list[int]] = []
    for n in ordered:
        if spans and n == spans[-1][-1] + 1:
            spans[-1].append(n)
        else:
            spans.append([n])
    return ",".join(f"{s[0]}-{s[-1]}" if len(s) > 2 else ",".join(str(n) for n in s) for s in spans)


def rising_at(rows: pd.DataFrame) -> dict[tuple[Any, ...], bool]:
    """Whether the joined line rises through each preferred point (from the point before to the one after)."""
    out: dict[tuple[Any, ...], bool] = {}
    preferred = rows[rows["role"] == "preferred"]
    for (status, kind, apart), group in preferred.groupby(["status", "kind", "apart"], sort=False):
        best = group.sort_values("x")
        ys = [float(v) for v in best["y"]]
        for i, x in enumerate(best["x"]):
            before, after = ys[max(i - 1, 0)], ys[min(i + 1, len(ys) - 1)]
            out[(status, kind, apart, x)] = after >= before
    return out


__all__ = ["KINDS", "plot"]
