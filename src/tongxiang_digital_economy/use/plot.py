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

import os
import textwrap
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import ExportError, PlotError
from ..core.paths import printable
from ..io.atomic import is_stream
from .chart import Chart, chart
from .chart_lines import joined_lines
from .chart_style import (
    AGREEING_COLOUR,
    APART_COLOUR,
    HEIGHT,
    KIND_COLOURS,
    KIND_NAMES,
    NOTE_POINTS,
    NOTE_WIDTH,
    OWN_POINTS,
    TARGET_COLOUR,
    WIDTH,
    bound_words,
    marker_of,
)
from .export import atomic_write, check_writable
from .label_placement import keep_labels_apart
from .periods import KINDS
from .point_labels import MAX_LABELS, label_groups, label_points, labelled
from .text_metrics import measured_once

CHART_SUFFIXES = (".png", ".svg")  # the suffix chooses the format; a.PNG is a PNG


def unfit_chart_name(written: str | Path) -> str | None:
    """Why `written` cannot name a chart, or None: its suffix must be .png or .svg, after a name (`.svg` alone is a
    hidden file with no suffix; trial 15 m6 was told it did not end in .svg), and a path written with a trailing
    slash names a folder, not a file (trial 15 m7: `-o x.svg/` wrote the file x.svg)."""
    if isinstance(written, str) and written.endswith(("/", os.sep)):
        file = written.rstrip("/" + os.sep)
        return (
            f"{printable(written)} names a folder (it ends in /): give the chart a file name, such as {printable(file)}"
        )
    output = Path(written)
    if output.name.lower() in CHART_SUFFIXES:
        name = printable(output.name)
        return f"{printable(output)}: give the chart a name before {name}, such as chart{name}"
    if output.suffix.lower() not in CHART_SUFFIXES:
        return f"{printable(output)}: the chart file must end in .png or .svg"
    return None


def plot(
    indicator: str,
    subject: str | None = None,
    output: str | Path = "chart.svg",
    force: bool = False,
    path: str | Path | None = None,
) -> Path:
    """Draw `indicator` about `subject` (actuals and targets) to `output` (.png or .svg); return the file."""
    refused = unfit_chart_name(output)
    if refused:
        raise PlotError(refused)
    output = Path(output)
    if output.exists() and not is_stream(output) and not force:
        raise PlotError(f"{output} exists; pass force=True to replace it")
    try:
        check_writable(output)
    except ExportError as exc:
        raise PlotError(str(exc)) from None
    try:
        import matplotlib  # noqa: F401  # the extra is there: say so before reading the package
    except ImportError:
        raise PlotError("plot needs matplotlib: pip install 'tongxiang-digital-economy[plot]'") from None
    save(draw(chart(indicator, subject, path)), output, force)
    return output


# The style every chart is drawn and written in: SVG ids from a fixed salt and text as text (reproducible bytes),
# one font (labels are ASCII). (Any: matplotlib types rcParams keys as literals.)
STYLE: Any = {"svg.hashsalt": "tongxiang-digital-economy", "svg.fonttype": "none", "font.family": "DejaVu Sans"}


def save(fig: Any, output: Path, force: bool = False) -> None:
    """Write a drawn chart (`draw`) to `output`, .png or .svg, as `plot` does: no date or software version in the
    file, so the same chart gives the same bytes."""
    import matplotlib

    suffix = output.suffix.lower()
    metadata: dict[str, Any] = {"Date": None, "Creator": None} if suffix == ".svg" else {"Software": None}
    with matplotlib.rc_context(STYLE), measured_once():
        try:
            atomic_write(output, lambda tmp: fig.savefig(tmp, metadata=metadata, format=suffix[1:]), force)
        except ExportError as exc:
            raise PlotError(str(exc)) from None


RANK = "rank"  # the unit of a position in a list (units table): its axis runs from 1 at the top down
HEADROOM = 1.18  # the value axis runs to this times the top figure: room for the labels above the highest point
MARKER_SHARE = 0.03  # about how much of the value axis a marker covers (`overlapping`)


def draw(shown: Chart) -> Any:
    """The matplotlib figure of a chart, laid out and labelled (an Agg canvas: `save` writes it as PNG or SVG)."""
    import matplotlib

    with matplotlib.rc_context(STYLE), measured_once():  # each text measured once a process (text_metrics)
        return drawn(shown)


def drawn(shown: Chart) -> Any:
    """`draw` in the house style (STYLE)."""
    from matplotlib import dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
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
        paragraphs.append("Points not joined by a line, each with why: " + "; ".join(cut) + ".")
    paragraphs.append(
        "Preferred figure: the stronger source grade (a repost as the origin it names), then the newer publication. "
        "Data: tongxiang-digital-economy, CC BY 4.0."
    )
    # Every note is wrapped to the figure's width (NOTE_WIDTH characters of NOTE_POINTS type), never cut at its edge.
    notes = [line for text in paragraphs for line in textwrap.wrap(text, width=NOTE_WIDTH)]
    line_height = 0.15  # inches per note line: NOTE_POINTS × 1.4 line spacing, and a little
    # A figure of its own, not pyplot's: nothing global holds it, so it needs no closing and leaks nothing.
    fig = Figure(figsize=(WIDTH, HEIGHT + line_height * len(notes)), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    rows = shown.rows
    under = hidden(rows, rank=shown.unit == RANK)
    over = overlapping(rows) & ~under
    for (status, kind, apart), group in rows.groupby(["status", "kind", "apart"], sort=False):
        colour = TARGET_COLOUR if status == "target" else APART_COLOUR if apart else KIND_COLOURS[str(kind)]
        # a flow of one day (a change dated by its text's day) is a figure at its date, not a part of a year's span
        one_day = kind == "part of a year" and bool((group["x_start"] == group["x_end"]).all())
        name = f"{shown.status_labels.get(str(status), str(status))}, {KIND_NAMES['stock' if one_day else str(kind)]}"
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
        for i, row in group.iterrows():
            target_under = bool(under.at[i]) and row["status"] == "target"
            draw_point(ax, row, colour, rank=shown.unit == RANK, under=target_under, over=bool(over.at[i]))
    label_points(ax, rows, labels)

    rank = shown.unit == RANK
    # N-odd figures (40多) are labelled as their span, "4-5", beside the more-than marker (trial 19 W4); the legend
    # says what a span means in the chart's own numbers (its first N-odd figure), never a fixed example.
    odd = odd_words(rows)
    for family in (("gt", "gte"), ("lt", "lte"), ("approx",)):  # one entry a marker: its words of each bound shown
        present = [q for q in family if q in set(rows["qualifier"])]
        if present:
            words = " / ".join(bound_words(q, rank) for q in present)
            words += odd if "gt" in present else ""
            ax.scatter([], [], marker=marker_of(present[0], rank), color="#000000", label=words)
    if (rows["qualifier"] == "range").any():
        ax.plot([], [], color="#000000", linewidth=2, label="a range (low to high)")
    same = same_source(rows)
    seen = ~under  # the legend names only markers a reader can see (trial 5 n6)
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
    bottom = float(rows["y"].min())
    # The axis holds zero: a chart of figures all below it (a fall, -1/3 of a workforce) runs from zero down, as one
    # of figures above it runs up from zero, never zoomed to ticks of 0.005 around one point (trial 16 m8).
    ax.set_ylim(
        0 if bottom >= 0 else bottom * HEADROOM if top <= 0 else None,
        top * HEADROOM if top > 0 else 0 if top < 0 else None,
    )
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
    fig.text(0.01, 0.01, "\n".join(notes), fontsize=NOTE_POINTS, color="#424242", va="bottom", linespacing=1.4)
    fig.tight_layout(rect=(0, (line_height * len(notes) + 0.05) / (HEIGHT + line_height * len(notes)), 1, 1))
    keep_labels_apart(fig, ax)
    return fig


def odd_words(rows: pd.DataFrame) -> str:
    """The legend's words for the N-odd figures drawn (40多: labelled as their span), in the chart's own numbers:
    ` (4-5: more than 4, under 5)` from its first such figure, a filled one if any; "" where there is none."""
    if "and_some" not in rows or not rows["and_some"].any():
        return ""
    odd = rows[rows["and_some"].astype(bool)]
    own = odd[odd["role"].isin(OWN_POINTS)]
    first = (own if len(own) else odd).iloc[0]
    low, high = f"{float(first['y']):,.10g}", f"{float(first['y_upper']):,.10g}"
    return f" ({low}-{high}: more than {low}, under {high})"


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


def layer(row: pd.Series) -> float:
    """A point's z-order: a filled (own) point over a hollow one, and actuals over targets: a target of the same
    value as an actual would hide the actual's marker and make the reported figure read as a plan (trial 5 n1);
    the target's own label still names it."""
    own = row["role"] in OWN_POINTS
    return (4 if own else 3.5) if row["status"] != "target" else (3 if own else 2.5)


def hidden(rows: pd.DataFrame, rank: bool = False) -> pd.Series:
    """Whether each point is wholly covered by a filled point drawn over it (same place, same marker): a hollow
    "figure that agrees" under the preferred figure it repeats is not seen, so the legend must not name it
    (trial 5 n6)."""
    marker = rows["qualifier"].map(lambda q: marker_of(str(q), rank))
    z = rows.apply(layer, axis=1) if len(rows) else pd.Series(dtype=float)
    own = rows["role"].isin(OWN_POINTS)
    out = pd.Series(False, index=rows.index)
    for i in rows.index:
        over = own & (rows["x"] == rows.at[i, "x"]) & (rows["y"] == rows.at[i, "y"]) & (marker == marker[i])
        out[i] = bool((over & (z > z[i])).any())
    return out


def overlapping(rows: pd.DataFrame) -> pd.Series:
    """Whether each hollow point (another figure of its period) lies within the marker of a filled point of its
    status at its place: 350多 (a triangle) under 355, 114.2 billion yuan under 1,141.69 hundred million. Such a
    point is drawn over the filled one with no face, its rim seen across it, so its label points at a marker the
    reader can find (trial 12 m3). A marker is about MARKER_SHARE of the value axis (which runs from 0 to
    HEADROOM times the top)."""
    values = pd.concat([rows["y"], rows["y_upper"].dropna(), pd.Series([0.0])]).astype(float)
    near = MARKER_SHARE * HEADROOM * float(values.max() - values.min())
    own = rows["role"].isin(OWN_POINTS)
    out = pd.Series(False, index=rows.index)
    ys = rows["y"].astype(float)
    for i in rows.index[~own]:
        by = own & (rows["x"] == rows.at[i, "x"]) & (rows["status"] == rows.at[i, "status"])
        out[i] = bool((by & ((ys - ys[i]).abs() <= near)).any())
    return out


def draw_point(
    ax: Any, row: pd.Series, colour: str, rank: bool = False, under: bool = False, over: bool = False
) -> None:
    """One figure: shape by qualifier (pointing as drawn: up for a top-N rank), filled if preferred, a bar over its
    period and over its range. A hollow point `over` a filled one it overlaps is drawn on top, rimmed only. A
    target `under` an actual of the same value and place is drawn larger, its rim
    seen around the actual's marker, so that its own label points at something (trial 11 m4)."""
    marker = marker_of(str(row["qualifier"]), rank)
    own = row["role"] in OWN_POINTS
    face = colour if own else (1.0, 1.0, 1.0, 0.0) if over else "white"
    zorder = layer(row) + (1 if over else 0)  # over the filled point it lies on (overlapping)
    x, y = row["x"], float(row["y"])
    if row["x_start"] != row["x_end"]:
        ax.hlines(y, row["x_start"], row["x_end"], colors=colour, linewidth=2.5, alpha=0.35, zorder=2)
    if row["qualifier"] == "range" and pd.notna(row["y_upper"]):
        ax.vlines(x, y, float(row["y_upper"]), colors=colour, linewidth=2, zorder=2)
    edge = AGREEING_COLOUR if row["role"] == "corroborating" else colour  # an agreeing figure is no rival
    points = ax.scatter(
        [x], [y], marker=marker, s=130 if under else 44, facecolors=face, edgecolors=edge, zorder=zorder
    )
    points.set_gid(f"point-{row['observation_id']}")


__all__ = ["KINDS", "plot"]
