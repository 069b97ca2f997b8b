"""The point labels of a chart: which figures one label names, what it says (value, bound word, periods, note
numbers), and which labels are drawn when there are too many to place."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..core.report import runs
from .chart_style import OWN_POINTS, SIGNS, rank_value_words

MAX_LABELS = 40  # labels beyond this many are left off (see `labelled`)


def value_words(row: pd.Series) -> str:
    """A figure's value on the axis's scale, with its bound: `>2,700`, `about 40`, `nearly 300`, `1,141.69`, `5-6`,
    `40-50` (40多: more than 40, under 50, the span the package reads; its marker says more than);
    a fraction as its text writes it, `-1/3` (三分之一), never `-0.3333333333` (as `series` shows it)."""
    text = f"{float(row['y']):,.10g}"
    denominator = row.get("value_denominator")
    if pd.notna(denominator) and row.get("unit") == row.get("axis_unit"):
        text = f"{float(row['value']):,.10g}/{float(denominator):,.10g}"
    # A range, or 40多 as its span (trial 19 W4: an open ">4" beside 5.1 read as agreeing).
    if (row["qualifier"] == "range" and pd.notna(row["y_upper"])) or some(row):
        text = f"{text}-{float(row['y_upper']):,.10g}"
    elif bool(row.get("nearly", False)):  # 近300家: 300 or a little less, never "about" (trial 10 m5)
        text = "nearly " + text
    elif row.get("axis_unit") == "rank" and rank_value_words(str(row["qualifier"]), text):
        text = str(rank_value_words(str(row["qualifier"]), text))  # top 500, not <=500 (trial 11 W5)
    else:
        text = SIGNS.get(str(row["qualifier"]), "") + text
    return text


def some(row: pd.Series) -> bool:
    """Whether a figure is "N and some" (40多: `and_some`, with the span's top end in `y_upper`)."""
    return bool(row.get("and_some", False)) and pd.notna(row.get("y_upper"))


def written_as(row: pd.Series) -> str:
    """How the source wrote a figure that is shown on the axis's scale in another unit, or "": `as 40-odd hundred
    million yuan` for 40多億元 (the chart's font has no Chinese; "-odd" is English's word for 多)."""
    if row["unit"] == row["axis_unit"]:
        return ""
    odd = "-odd" if some(row) else ""
    return f"; as {float(row['value']):,.10g}{odd} {row['unit_label']}"


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
    return ",".join(f"{s[0]}-{s[-1]}" if len(s) > 2 else ",".join(str(n) for n in s) for s in runs(notes))


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
