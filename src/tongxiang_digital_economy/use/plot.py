"""A chart of one series (see series.py): what a reader must see is drawn, never smoothed away.

- Each figure's source grade is its colour, and each preferred figure is labelled with its source (outlet and
  date, as the source id begins); the preferred figure of each period is filled and joined by the
  line, competing figures are hollow markers at their own values (a conflict is visible as two markers).
- Bounds stay bounds: "more than" is an upward triangle, "less than" a downward one, "about" a diamond, a
  range a bar from its lower to its upper value; an exact figure is a circle.
- Targets are drawn apart from actuals: grey squares on a dashed line, labelled as targets.
- Only periods of one length are joined by the line (a half-year flow is a point beside the yearly line).
- The y axis names the unit (the rows' unit when they share one, else the base unit, values converted).

Labels are ASCII (English names and unit labels), so no CJK font is needed and the chart looks the same on
every machine. The output is reproducible byte for byte: no date or software version is written into the file
and SVG ids come from a fixed salt, so scripts/build can check the README chart for freshness.

matplotlib comes with the `plot` extra and is imported only here.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.exceptions import PlotError
from ..io.load import load
from .timeseries import grade_order, series, subject_column

MARKERS = {"eq": "o", "approx": "D", "gt": "^", "gte": "^", "lt": "v", "lte": "v", "range": "o"}
QUALIFIER_WORDS = {"eq": "exact", "approx": "about", "gt": "more than", "gte": "at least", "lt": "less than"}
PALETTE = ["#1b5e20", "#1565c0", "#6a1b9a", "#ef6c00", "#00838f", "#8d6e63", "#9e9e9e"]
TARGET_COLOUR = "#616161"


def plot(
    indicator: str,
    subject: str | None = None,
    output: str | Path = "chart.svg",
    force: bool = False,
    path: str | Path | None = None,
) -> Path:
    """Draw `indicator` about `subject` (actuals and targets) to `output` (.png or .svg); return the file."""
    output = Path(output)
    if output.suffix not in (".png", ".svg"):
        raise PlotError(f"{output}: the chart file must end in .png or .svg")
    if output.exists() and not force:
        raise PlotError(f"{output} exists; pass --force to replace it")
    try:
        import matplotlib
    except ImportError:
        raise PlotError("plot needs matplotlib: pip install 'tongxiang-digital-economy[plot]'") from None
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    actual = series(indicator, subject, "actual", path)
    subject = str(actual["subject"].iloc[0]) if len(actual) else subject
    target = series(indicator, subject, "target", path)
    rows = pd.concat([actual, target], ignore_index=True)
    rows = rows[rows["period_end"].notna()]
    if not len(rows):
        raise PlotError(f"{indicator} has no dated figures about {subject} to draw")
    # Figures of another base unit (dollars beside yuan) share no axis: the largest group is drawn, the rest named.
    bases = rows["base_unit"].value_counts(sort=True)
    left_out = rows[rows["base_unit"] != bases.index[0]]
    rows = rows[rows["base_unit"] == bases.index[0]]
    note = (
        f"; not drawn: {len(left_out)} figures in {', '.join(sorted(set(left_out['unit'])))}" if len(left_out) else ""
    )
    column, unit_label = y_values(rows, path)
    grades = grade_order(path)
    colour = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(grades)}

    with matplotlib.rc_context(
        {"svg.hashsalt": "tongxiang-digital-economy", "svg.fonttype": "none", "font.family": "DejaVu Sans"}
    ):
        fig, ax = plt.subplots(figsize=(8, 4.5), dpi=100)
        for status, frame in (
            ("actual", rows[rows["status"] == "actual"]),
            ("target", rows[rows["status"] == "target"]),
        ):
            if not len(frame):
                continue
            best = same_length(frame[frame["role"] == "preferred"].sort_values("period_end"))
            line_colour = "#37474f" if status == "actual" else TARGET_COLOUR
            ax.plot(
                best["period_end"],
                best[column].astype(float),
                linestyle="-" if status == "actual" else "--",
                color=line_colour,
                linewidth=1.2,
                zorder=1,
                label="preferred figures" if status == "actual" else "targets (preferred)",
            )
            for _, row in frame.iterrows():
                draw_point(ax, row, column, colour, status)
            for _, row in best.iterrows():  # name the source of each preferred figure (ids are ASCII)
                ax.annotate(
                    short_source(str(row["source_id"])),
                    (row["period_end"], float(row[column])),
                    textcoords="offset points",
                    xytext=(4, -9),
                    fontsize=5.5,
                    color="#455a64",
                )
        for grade in grades:
            if grade in set(rows["grade"]):
                ax.scatter([], [], marker="s", color=colour[grade], label=f"source grade: {grade}")
        for qualifier in ("gt", "lt", "approx"):
            if qualifier in set(rows["qualifier"]):
                ax.scatter([], [], marker=MARKERS[qualifier], color="#000000", label=f"{QUALIFIER_WORDS[qualifier]}")
        if (rows["role"] == "competing").any():
            ax.scatter([], [], marker="o", facecolors="none", edgecolors="#000000", label="competing figure")
        definitions = load("indicator_definitions", path).set_index("indicator")
        ax.set_title(f"{definitions.at[indicator, 'label']!s}: {subject_name(indicator, subject, path)}")
        ax.set_ylabel(unit_label)
        ax.set_xlabel("end of period")
        ax.grid(True, linewidth=0.3)
        ax.legend(fontsize=7, loc="upper left", frameon=False)
        fig.text(
            0.01,
            0.01,
            "Preferred: stronger source grade, then the newer publication. Data: tongxiang-digital-economy, CC BY 4.0"
            + note,
            fontsize=6,
            color="#555555",
        )
        fig.tight_layout(rect=(0, 0.03, 1, 1))
        output.parent.mkdir(parents=True, exist_ok=True)
        metadata = {"Date": None, "Creator": None} if output.suffix == ".svg" else {"Software": None}
        tmp = output.with_name(f".{output.name}.tmp{output.suffix}")
        try:
            fig.savefig(tmp, metadata=metadata)
            tmp.replace(output)
        finally:
            tmp.unlink(missing_ok=True)
            plt.close(fig)
    return output


def short_source(source_id: str) -> str:
    """A source id cut to its outlet and date (`chinadaily-2024-05-28`, `zaobaocn-2018-11`), to find it by."""
    parts = source_id.split("-")
    year = next((i for i, p in enumerate(parts) if len(p) == 4 and p.isdigit()), None)
    if year is None:
        return source_id
    end = year + 1
    while end < len(parts) and end <= year + 2 and len(parts[end]) == 2 and parts[end].isdigit():
        end += 1
    return "-".join(parts[:end])


def same_length(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows whose period is as long as most (in months): a half-year flow is drawn but not joined to years."""
    months = ((rows["period_end"] - rows["period_start"]).dt.days / 30.44).round()
    if not months.notna().any():
        return rows
    return rows[months == months.mode().iloc[0]]


def draw_point(ax: object, row: pd.Series, column: str, colour: dict[str, str], status: str) -> None:
    """One figure: colour by grade, shape by qualifier, hollow if competing, a bar for a range."""
    value = float(row[column])
    face = colour[row["grade"]] if row["role"] != "competing" else "none"
    edge = colour[row["grade"]] if status == "actual" else TARGET_COLOUR
    marker = "s" if status == "target" and row["qualifier"] == "eq" else MARKERS[row["qualifier"]]
    zorder = 4 if row["role"] == "preferred" else 3  # the preferred figure on top of those that corroborate it
    ax.scatter([row["period_end"]], [value], marker=marker, s=42, facecolors=face, edgecolors=edge, zorder=zorder)  # type: ignore[attr-defined]
    if row["qualifier"] == "range" and pd.notna(row["value_upper"]):
        upper = float(row["value_upper"]) * (value / float(row["value"]) if float(row["value"]) else 1.0)
        ax.vlines(row["period_end"], value, upper, colors=edge, linewidth=2, zorder=2)  # type: ignore[attr-defined]


def y_values(rows: pd.DataFrame, path: str | Path | None) -> tuple[str, str]:
    """Which column to draw and its axis label: the shared unit when there is one, else the base unit."""
    units = load("units", path).set_index("unit")
    if rows["unit"].nunique() == 1:
        unit = rows["unit"].iloc[0]
        return "value", f"{units.at[unit, 'label']!s} ({unit})"
    base = rows["base_unit"].iloc[0]
    return "value_base", f"{units.at[base, 'label']!s} ({base})"


def subject_name(indicator: str, subject: str | None, path: str | Path | None) -> str:
    """The English name of the series' subject."""
    table = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects"}[
        subject_column(indicator, path)
    ]
    frame = load(table, path)
    key = frame.columns[0]
    names = dict(zip(frame[key], frame["name"], strict=True))
    return str(names.get(subject, subject))
