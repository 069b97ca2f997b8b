"""Where each point label of a chart goes: near its point, inside the plot, over no other label, point or line, with
a short leader (keep_labels_apart says how it chooses).

Why apart from drawing: the placement is a search over candidate positions, weighed by rules, that reads the drawn
figure only through its boxes in pixels (chart_geometry.py); it is most of the code of a chart and none of its
style."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .chart_geometry import (
    Box,
    Grid,
    box_meets,
    crosses,
    drawn_segments,
    leader_length,
    mdates_num,
    nearest,
    segment_box,
)

# Where a label may go, tried nearest first: offsets (points) from its point in eight directions, further out
# step by step; a label that fits nowhere near its point goes further away with a leader line.
DIRECTIONS = [(-1, 1), (1, 1), (-1, -1), (1, -1), (0, 1), (0, -1), (-1, 0), (1, 0)]
DISTANCES = [4, 6, 9, 12, 16, 20, 25, 30, 36, 42, 49, 56, 72, 90, 110, 135, 165, 200]


MARKER_RADIUS = 5.0  # pixels around a point that no label covers
LONG_LEADER = 45.0  # pixels: a leader longer than this leads the eye away from the point (avoided where possible)


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
