"""What a chart of one series shows, decided apart from drawing it: where each figure sits, what it is called,
which figures are joined, and the unit of the value axis.

A reader takes a point's position on the time axis as the time it describes, so the position follows the
period, never the last day of it alone:

- a stock (indicator_definitions.temporal) is drawn at its date, and labelled with it (`end-2023` for the
  last day of a year, else the date);
- a flow is drawn at the middle of its period, with a bar across the whole period: a year's figure sits on
  its year, `H1 2019` on the first half of 2019. Full years, half years, quarters, other parts of a year and
  spans of several years (cumulative figures) are different series: only figures of one kind are joined by a
  line, and each kind has its own name in the legend.

The value axis is one unit of the figures' base unit, the one most of them are written in (hundred million
yuan for Tongxiang's GDP; for a count, what is counted at that scale: ten thousand tourist visits; on a tie, the
largest of the tied units in which every figure is at least 1: `axis_unit`), so the
numbers on it are those a reader knows from the sources; figures written in another unit of the same base are
shown in it (a scale change, exact by the units table). Figures of another base unit (dollars beside yuan)
share no axis: `series` marks them `not_comparable`, and the chart names them under it, with that reason,
instead of drawing them. The figures of an indicator whose definition says they are not comparable with one
another (indicator_definitions.not_comparable) are drawn, each a point of its own, never joined, and the reason
is said under the chart.

Every point is numbered, and the numbers lead to the list of sources (outlet and date) under the chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.exceptions import PlotError
from ..core.paths import package_dir
from ..schema.descriptor import read_descriptor, resource, table_schema
from ..semantics.not_comparable import incomparable_reason
from .kept_package import load, one_reading
from .periods import period
from .series_elsewhere import and_some_top, and_some_written, bound_word, kin_notes, nearly_written
from .series_subjects import figures_about, subject_column, tables
from .timeseries import marked_series, series


@dataclass
class Chart:
    """A series ready to draw: one row per figure with its period, position, value on the axis and note number."""

    title: str
    unit: str  # the value axis: a unit id of the units table
    unit_label: str  # the value axis in words ("hundred million yuan", "ten thousand tourist visits": axis_words)
    rows: pd.DataFrame  # the series rows plus kind, apart, period_label, x, x_start, x_end, y, y_upper, note
    sources: list[tuple[int, str]]  # note number -> "outlet, date (grade)"
    left_out: str  # what was not drawn and why, or ""
    status_labels: dict[str, str]  # status -> its words in the legend (the schema's `categories` labels)
    kin: str = ""  # the same measure's figures on the subject's parent or parts, not drawn (trial 9 V1), or ""


def chart(indicator: str, subject: str | None = None, path: str | Path | None = None) -> Chart:
    """Everything a chart of `indicator` about `subject` shows (actuals and targets), without drawing it."""
    with one_reading(path):
        return chart_read(indicator, subject, path)


def chart_read(indicator: str, subject: str | None, path: str | Path | None) -> Chart:
    """`chart` inside one reading of the package (kept_package.one_reading)."""
    rows = figures_drawn(indicator, subject, path)
    kin = list(rows.attrs.get("elsewhere", []))
    if not len(rows):
        raise PlotError(nothing_to_draw(indicator, subject, path))
    subject = subject if subject is not None else str(rows["subject"].iloc[0])
    undated = rows[rows["period_end"].isna()]  # named under the chart: a target of no date is still a goal
    rows = rows[rows["period_end"].notna()].reset_index(drop=True)
    if not len(rows):
        raise PlotError(f"{indicator} has no dated figures about {subject} to draw")
    definitions = load("indicator_definitions", path).set_index("indicator")
    why = definitions["not_comparable"].get(indicator) if "not_comparable" in definitions else None
    # An indicator whose figures are not comparable with one another (its definition says why): each figure is
    # drawn as a point of its own, none joined to another, and the reason is said under the chart.
    apart = incomparable_reason(indicator, str(why)) if isinstance(why, str) and why.strip() else None
    units = load("units", path).set_index("unit")
    temporal = str(definitions.at[indicator, "temporal"])

    rows["nearly"] = nearly_written(rows, path)  # 近300家 is drawn "nearly 300", not "about 300" (trial 10 m5)
    # A later text repeating a figure already shown (role `restated`) is no new point: named under the chart.
    repeats = rows[rows["role"] == "restated"]
    # A figure its own source gives again (role `repeated`: one source, no corroboration) is no second point.
    again = rows[rows["role"] == "repeated"]
    rows = rows[~rows["role"].isin(["restated", "repeated"])].reset_index(drop=True)
    # Figures of another base unit share no axis: series() has set them aside (role `not_comparable`, with the
    # reason), so the chart draws what the series compares and names the others with series' own reason.
    aside = (rows["role"] == "not_comparable") & (rows["reason"] != apart).fillna(True)
    others = rows[aside]
    rows = rows[~aside].reset_index(drop=True)
    if not len(rows):
        raise PlotError(f"{indicator} has no dated figures about {subject} in one unit to draw")
    unit = axis_unit(rows, units)  # the value axis (axis_unit's rule), each figure shown in it
    scale = unit_scale(unit, units)
    rows["y"] = rows["value_base"].astype(float) / scale
    ratio = rows["value_base"].astype(float) / rows["value"].astype(float).where(rows["value"] != 0)
    rows["y_upper"] = rows["value_upper"].astype(float) * ratio / scale
    # 40多億元 is more than 40 and under 50: its span is drawn and said, so that a reader sees it miss 51 (trial 19 W4).
    rows["and_some"] = and_some_written(rows, path)
    some = rows["and_some"].to_numpy(dtype=bool)
    rows.loc[some, "y_upper"] = and_some_top(rows.loc[some, "value"]).astype(float) * ratio[some] / scale
    rows["axis_unit"] = unit
    rows["unit_label"] = rows["unit"].map(units["label"]).astype("string")

    notes = []
    if apart is not None and (rows["role"] == "not_comparable").any():
        notes.append(f"Not joined by a line: {apart}.")
    if len(others):
        pairs = zip(others["value"], others["unit"], strict=True)
        figures = ", ".join(f"{float(v):,.10g} {units.at[u, 'label']!s}" for v, u in pairs)
        reasons = "; ".join(dict.fromkeys(str(r) for r in others["reason"]))
        notes.append(f"Not drawn: {figures} ({reasons}).")
    sources_table = load("sources", path).set_index("source_id")
    if len(repeats):
        # On the axis's scale, with the unit its text wrote it in where that is another, as the point labels
        # say it: "18 again" beside a point at 181.9 read as a contradiction (trial 7 m6).
        said = "; ".join(
            f"{repeated(r, unit, scale, units)} again in {outlet(str(r['source_id']), sources_table)}, "
            f"{r['period_label']}"
            for _, r in repeats.iterrows()
        )
        notes.append(
            f"Not drawn as new points (later texts repeating a figure shown, dated by their own date only): {said}."
        )
    if len(again):
        said = "; ".join(
            f"{repeated(r, unit, scale, units)} again in {outlet(str(r['source_id']), sources_table)}, "
            f"{r['period_label']}"
            for _, r in again.iterrows()
        )
        notes.append(f"Not drawn as new points (the same source giving a figure shown again): {said}.")
    if len(undated):  # trial 16 m7: the zone's "over 80 percent" target was left out without a word
        said = "; ".join(
            f"{r['value_text']} ({r['status']}, {outlet(str(r['source_id']), sources_table)})"
            for _, r in undated.iterrows()
        )
        notes.append(f"Not drawn, no date in its source: {said}.")
    left_out = " ".join(notes)
    # Not this subject's figures, but a reader of its chart must know they exist (trial 9 V1): a note of its own.
    kin_said = "Not drawn, figures of the same measure " + "; ".join(k.removeprefix("also ") for k in kin) + "."

    periods = [
        period(s if pd.notna(s) else None, e, temporal)
        for s, e in zip(rows["period_start"], rows["period_end"], strict=True)
    ]
    rows["kind"] = [p.kind for p in periods]
    rows["apart"] = apart_formats(rows, path)
    rows["period_label"] = [p.label for p in periods]
    rows["x"] = [p.middle for p in periods]
    rows["x_start"] = [p.start for p in periods]
    rows["x_end"] = [p.end for p in periods]
    on_timeline(rows, path)

    # One note number per source, in the order the figures appear in time.
    order = rows.sort_values(["x", "role", "source_id"], kind="stable")["source_id"]
    numbers = {source: i + 1 for i, source in enumerate(dict.fromkeys(order))}
    rows["note"] = rows["source_id"].map(numbers).astype(int)
    # Each source's grades as its first figure gives them, found once (a mask per source cost half a chart).
    graded = rows.drop_duplicates("source_id").set_index("source_id")[["grade", "original_grade"]]
    sources = [(n, source_line(s, sources_table, graded)) for s, n in numbers.items()]
    title = f"{definitions.at[indicator, 'label']!s}: {subject_name(indicator, subject, path)}"
    counts = definitions["counts"].get(indicator) if "counts" in definitions else None
    of = definitions["fraction_of"].get(indicator) if "fraction_of" in definitions else None
    axis = axis_words(unit, units, counts, of)
    return Chart(title, unit, axis, rows, sources, left_out, status_labels(path), kin_said * bool(kin))


def unit_scale(unit: str, units: pd.DataFrame) -> float:
    """How many of its base unit one `unit` is (units.multiplier / units.divisor): 10000 for 万."""
    return float(str(units.at[unit, "multiplier"])) / float(str(units.at[unit, "divisor"]))


def axis_unit(rows: pd.DataFrame, units: pd.DataFrame) -> str:
    """The unit of the value axis, by one stated rule: the unit most of the figures are written in, so the numbers
    on the axis are those the sources print. On a tie (one figure in 万人, one in persons), the largest of the tied
    units in which every figure is still at least 1: a reader takes in 102.98 ten thousand persons at a glance,
    not 1,029,754 persons, nor 0.3 million tonnes where a source wrote 300,000 tonnes (no tied unit so: the
    smallest). Trial 12 left population drawn in persons: the first figure's unit won the tie. No indicator's
    definition names a unit (indicator_definitions has no such column), so none is preferred on that ground."""
    counts = rows["unit"].astype(str).value_counts()
    tied = sorted(str(u) for u in counts.index[counts == counts.max()])
    if len(tied) == 1:
        return tied[0]
    sizes = rows["value_base"].astype(float).abs()
    smallest = float(sizes[sizes > 0].min()) if (sizes > 0).any() else 0.0
    readable = [u for u in tied if smallest / unit_scale(u, units) >= 1]
    if readable:
        return max(readable, key=lambda u: unit_scale(u, units))
    return min(tied, key=lambda u: unit_scale(u, units))


def axis_words(unit: str, units: pd.DataFrame, counts: object, fraction_of: object = None) -> str:
    """The value axis in the reader's words: the unit's label (hundred million yuan), and for a count what is
    counted (indicator_definitions.counts) at the unit's scale: `enterprises`, `ten thousand tourist visits`, never
    a bare "number" or "ten thousand" whose subject only the title says (trial 11 m7). A package without the column
    (or a count without its noun) keeps the unit's label. A fraction says what it is a fraction of
    (indicator_definitions.fraction_of): `fraction of the workforce before the change` (or `percent of …` for a
    figure of it in percent), never the unit's label, which names columns (`fraction (value ÷ value_denominator)`);
    rule `fraction-of-nothing` requires the column of every indicator with a figure in a fraction."""
    label = str(units.at[unit, "label"])
    if isinstance(fraction_of, str) and fraction_of.strip():
        bare = re.sub(r"\s*\([^()]*\)", "", label).strip() or label  # the label without its remark on columns
        return f"{bare} of {fraction_of.strip()}"
    if str(units.at[unit, "dimension"]) != "count" or not isinstance(counts, str) or not counts.strip():
        return label
    scale = unit_scale(unit, units)
    return counts.strip() if scale == 1 else f"{label} {counts.strip()}"


def on_timeline(rows: pd.DataFrame, path: str | Path | None) -> None:
    """Refuse a figure dated outside the years the package's figures have (the `year` field's constraints in the
    indicators Table Schema): a typo such as 9999-12-31 would stretch the time axis over millennia (or past the
    calendar's end), and `validate` names the fault on its row (trial 13 W1)."""
    base = package_dir(path)
    fields = table_schema(base, resource(read_descriptor(base), "indicators"))["fields"]
    bounds = next(f for f in fields if f["name"] == "year").get("constraints", {})
    low, high = int(bounds.get("minimum", 1)), int(bounds.get("maximum", 9998))
    for _, row in rows.iterrows():
        if not low <= row["x_start"].year <= row["x_end"].year <= high:
            start = row["period_start"] if pd.notna(row["period_start"]) else row["x_start"]
            raise PlotError(
                f"{row['observation_id']} is dated {start.date()} to {row['period_end'].date()}, "
                f"outside the years {low}-{high} a figure can have (the year field's constraints): run validate, "
                "which names the fault on its row"
            )


def figures_drawn(indicator: str, subject: str | None, path: str | Path | None) -> pd.DataFrame:
    """The figures a chart of `indicator` about `subject` draws: `series` of each status with the subject as
    asked, so that a chart of one edition (wic-2023) holds that edition's figures only, actuals and targets
    alike, as `series` does; the subject is never widened to the recurring event for one status (trial 6 Q1).

    Both statuses are taken from one marking (timeseries.marked_series: each indicator x subject x status marked on
    its own, sorted by series: the actuals, then the targets), as `series` of each marks them."""
    asked = subject
    about, subject = figures_about(indicator, subject, path)
    drawn = marked_series(indicator, asked, subject, ["actual", "target"], about, path)
    # The same measure on the subject's parent or parts (series' attrs["elsewhere"]), named under the chart in its
    # own words (trial 9 V1).
    drawn.attrs["elsewhere"] = [
        line if status == "actual" else line.replace(": ", " (targets): ", 1)
        for status in ("actual", "target")
        for line in kin_notes(indicator, asked, subject, status, path, plain=True)
    ]
    return drawn


def nothing_to_draw(indicator: str, subject: str | None, path: str | Path | None) -> str:
    """Why a chart has no figure: none dated, or (trial 8 m10: an estimate-only series was said to be undated)
    figures of other statuses only, which a chart does not draw and `series --status` lists."""
    others = series(indicator, subject, "actual", path).attrs.get("other_statuses", {})
    rest = {status: n for status, n in others.items() if status != "target"}
    if not rest:
        return f"{indicator} has no dated figures about {subject} to draw"
    listed = ", ".join(f"{status} ({n})" for status, n in rest.items())
    return (
        f"{indicator} has no actual or target figures about {subject} to draw, only figures of status {listed}: "
        f"a chart draws actuals and targets; `series {indicator} --subject {subject} --status {next(iter(rest))}` "
        "lists them"
    )


def apart_formats(rows: pd.DataFrame, path: str | Path | None) -> pd.Series:
    """Each figure's edition's format (events.format) where it is not the format of most of the series' editions
    (the 2020 Internet Development Forum among the World Internet Conference's conferences and summits), else
    "": such a figure is drawn apart, never on the line of the others (trial 4 m10). Only editions of the subject
    itself are compared: an edition of another event (its parent's summit) says nothing of the subject's format."""
    none = pd.Series("", index=rows.index, dtype="string")
    if "event_id" not in rows or "events" not in tables(path):
        return none
    events = load("events", path)
    if "format" not in events:  # a package from before the column
        return none
    by_id = events.set_index("event_id")
    formats = rows["event_id"].map(by_id["format"]).astype("string")
    if "subject" in rows and "project_id" in by_id:
        # Only the subject's own editions have the subject's format: a figure of the expo at a summit (event_id
        # wic-2018, a conference) is of the expo held there, no other kind of event than its own 2019 edition
        # (light-of-internet-expo-2019, an expo), so it is not compared (trial 10 W4).
        own = rows["event_id"].map(by_id["project_id"]).astype("string") == rows["subject"].astype("string")
        formats = formats.where(own.fillna(False).astype(bool))
    if formats.dropna().nunique() < 2:
        return none
    counts = formats.value_counts()
    main = sorted(counts.index[counts == counts.max()])[0]  # most editions' format (a tie: the first by name)
    return formats.where(formats != main, "").fillna("").astype("string")


def status_labels(path: str | Path | None) -> dict[str, str]:
    """Each status's own words, from the `categories` of indicators.status in its Table Schema (a status without
    a label is named by its value)."""
    base = package_dir(path)
    fields = table_schema(base, resource(read_descriptor(base), "indicators"))["fields"]
    status: dict[str, Any] = next((f for f in fields if f["name"] == "status"), {})
    return {str(c["value"]): str(c["label"]) for c in status.get("categories", [])}


def source_line(source_id: str, sources: pd.DataFrame, graded: pd.DataFrame) -> str:
    """A source as a reader finds it: the outlet (sources.publisher, and original_publisher for a repost), the
    publication date (a repost's original's date first, where recorded) and the grade (`graded`: each source's
    grade and original_grade, by source_id)."""
    published = sources["published"].get(source_id) if "published" in sources else None
    date = published if isinstance(published, str) and published else "n.d."
    # A repost is dated by the original it reproduces where the package records that date, the page after it: a
    # 2024 mirror of Xinhua's 2023-11-10 dispatch read "repost of Xinhua, 2024-11-27" under the 2023 summit's
    # figure (trial 15 m11). An original known only to be of before a day (`../2014-11-18`) is said so.
    first = sources["original_published"].get(source_id) if "original_published" in sources else None
    if isinstance(first, str) and first and first != published:
        before = first.removeprefix("../")
        date = f"{'before ' if before != first else ''}{before}, page of {date}"
    grade = str(graded.at[source_id, "grade"]).replace("_", " ")
    original: Any = graded.at[source_id, "original_grade"]
    if pd.notna(original) and original != graded.at[source_id, "grade"]:  # a repost ranked as its origin
        origin = str(original).replace("_", " ")
        grade = f"{grade} of {'an' if origin[0] in 'aeiou' else 'a'} {origin} text"
    return f"{outlet(source_id, sources)}, {date} ({grade})"


SITE = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b", re.IGNORECASE)


def ascii_name(text: object) -> str:
    """The English (ASCII) part of a name, without its bracketed remarks: '中国企业报 China Enterprise News
    (e-paper p.19)' -> 'China Enterprise News'. Chart text is ASCII, so no CJK font is needed."""
    if not isinstance(text, str):
        return ""
    bare = re.sub(r"[(（][^()（）]*[)）]", " ", text)
    bare = re.sub(r"[^\x00-\x7f]+", " ", bare)
    name = re.sub(r"\s+", " ", bare).strip(" -/,;:&|")
    if re.search(r"[A-Za-z]", name):
        return name
    # No Latin word ('1000字范文' keeps only '1000', which a chart showed as the source's name: trial 8 m5): the
    # site its remarks name, else nothing (the caller falls back to the source id).
    site = SITE.search(text)
    return site.group(0) if site else ""


def outlet(source_id: str, sources: pd.DataFrame) -> str:
    """The outlet of a source as its publisher's English name, and the origin it reposts where that has one
    ('javascriptjump.com, repost of Xinhua'); the source id if the package names no publisher."""
    written = sources["publisher"].get(source_id) if "publisher" in sources else None
    publisher = ascii_name(written)
    origin = sources["original_publisher"].get(source_id) if "original_publisher" in sources else None
    original = ascii_name(origin) or glossed(origin, written)
    name = publisher or source_id
    if original and original.lower() not in name.lower():
        name = f"{name}, repost of {original}"
    return name


GLOSS = re.compile(r"[》」]?\s*([A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*)*)")  # capitalised words: 'Guangming Online'


def glossed(origin: object, publisher: object) -> str:
    """The English name the publisher's remarks give an origin written in Chinese only: original_publisher holds
    the text's own words (光明网), and the remarks gloss them ('asjd5.cc (repost of 光明网 Guangming Online)' gives
    'Guangming Online'); "" where they give none."""
    if not isinstance(origin, str) or not isinstance(publisher, str):
        return ""
    names = []
    for name in (n.strip() for n in origin.split(" / ")):
        at = publisher.find(name) if name else -1
        gloss = GLOSS.match(publisher, at + len(name)) if at >= 0 else None
        if gloss:
            names.append(gloss.group(1))
    return " / ".join(names)


def subject_name(indicator: str, subject: str | None, path: str | Path | None) -> str:
    """The English name of the series' subject, or of the edition (events.name) when the chart is of one."""
    table = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects"}[
        subject_column(indicator, path)
    ]
    frames = [load(table, path), *([load("events", path)] if "events" in tables(path) else [])]
    names = {key: name for frame in frames for key, name in zip(frame[frame.columns[0]], frame["name"], strict=True)}
    return str(names.get(subject, subject))


def repeated(row: pd.Series, unit: str, scale: float, units: pd.DataFrame) -> str:
    """A restated figure as the chart names it: on the axis's scale, `180 (as 18 …)` where its text wrote it in
    another unit (the form of the point labels' `as …`)."""
    shown = bound_word(row) + f"{float(row['value_base']) / scale:,.10g}"  # 超过1000家: more than 1,000 (m5)
    if str(row["unit"]) == unit:
        return shown
    return f"{shown} (as {float(row['value']):,.10g} {units.at[row['unit'], 'label']!s})"
