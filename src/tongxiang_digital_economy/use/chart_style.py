"""The house style of a chart: its markers, colours, legend words and size, shared by what draws it (plot.py) and
what writes its labels (point_labels.py)."""

from __future__ import annotations

# The roles drawn as a point of their own, filled and labelled with their period: the preferred figure, and a
# figure not comparable with any other (the only not_comparable rows a chart draws; see chart.py).
OWN_POINTS = ("preferred", "not_comparable")
MARKERS = {"eq": "o", "approx": "D", "gt": "^", "gte": "^", "lt": "v", "lte": "v", "range": "o"}
QUALIFIER_WORDS = {"gt": "more than", "gte": "at least", "lt": "less than", "lte": "at most", "approx": "about"}
SIGNS = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<=", "approx": "about "}
# On a rank's axis 1 stands at the top (a rise in the list is drawn as a rise): "rank at most 500" (top 500) lies
# above its point, so its marker points up, and its words are the list's, not the number line's (trial 11 W5).
RANK_MARKERS = {**MARKERS, "gt": "v", "gte": "v", "lt": "^", "lte": "^"}
RANK_WORDS = {"gt": "below rank", "gte": "rank or below", "lt": "above rank", "lte": "top (rank at most)"}


def marker_of(qualifier: str, rank: bool) -> str:
    """The marker of a figure's bound: pointing to the side its value lies on, as drawn."""
    return (RANK_MARKERS if rank else MARKERS).get(qualifier, "o")


def bound_words(qualifier: str, rank: bool) -> str:
    """The legend's words for a bound's marker."""
    return (RANK_WORDS if rank else QUALIFIER_WORDS)[qualifier]


def rank_value_words(qualifier: str, value: str) -> str | None:
    """A rank's bound as the lists say it (top 500), or None for a rank given exactly."""
    words = {
        "lte": f"top {value}",
        "lt": f"above rank {value}",
        "gte": f"rank {value} or below",
        "gt": f"below rank {value}",
    }
    return words.get(qualifier)


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
# The notes under a chart: 7.5 pt, to be read in print (6.5 pt was too small: trial 19 m3), wrapped at NOTE_WIDTH
# characters (DejaVu Sans averages ~4 pt a character at 7.5 pt: 160 characters are ~8.3 of the 9 inches; the tests
# read every text inside the figure).
NOTE_POINTS = 7.5
NOTE_WIDTH = 160
