"""The geometry of a drawn chart in pixels: boxes, segments, their crossings, and a grid that finds what lies near a
box, for the placement of point labels (label_placement.py) and for tests that measure a drawn chart.

matplotlib comes with the `plot` extra: it is imported by the functions that read a drawn figure."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

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
