"""The figures of the same measure on the subject's parent or parts, said beside its series (`elsewhere`), so that a
split series is never read as the whole (trial 9 V1); and a figure in words, as a chart's note says it (`in_words`:
"more than 430 count", "nearly 300")."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..semantics.claims import and_some, and_some_terms, last_digit_unit, nearly, nearly_terms
from ..semantics.derived import CLAIM
from .kept_package import load
from .periods import period_label
from .series_subjects import kin_of, part_editions, subject_column


def kin_notes(
    indicator: str, asked: str | None, subject: str, status: str, path: str | Path | None, plain: bool = False
) -> list[str]:
    """`elsewhere` for a series as asked: `asked` is the subject as named (an edition, wic-2023, keeps the kin's
    figures of that edition only), `subject` the one its figures are about."""
    column = subject_column(indicator, path)
    kin = kin_of(column, subject, path)
    if not kin:  # most subjects have no parent or part: the figures table is not filtered at all
        return []
    figures = load("indicators", path)
    # One mask, one selection of the table's rows (each selection copies every column of an Arrow-backed frame:
    # a chart asks this twice, plot14 measured it a quarter of reading a chart).
    mine = (figures["indicator"] == indicator) & (figures["status"] == status) & figures[column].isin(list(kin))
    if asked is not None and asked != subject and "event_id" in figures:
        mine &= figures["event_id"].isin([asked, *part_editions(asked, path)])
    mine = mine.fillna(False).astype(bool)
    if not mine.any():  # no figure on a parent or part: nothing to select
        return []
    return elsewhere(figures[mine], indicator, column, subject, path, plain, kin)


SHOWN_ELSEWHERE = 8  # figures named per related subject; the rest are counted


BOUND_WORDS = {"gt": "more than ", "gte": "at least ", "lt": "less than ", "lte": "at most ", "approx": "about "}
NEARLY = "nearly "  # an approx figure written with a `nearly` word (近300家): 300 or a little less, never more


def nearly_written(rows: pd.DataFrame, path: str | Path | None) -> pd.Series:
    """Whether each figure is written "nearly N" (the lexicon's `nearly` terms in its value_text, qualifier approx):
    a chart and its notes say "nearly 300", not "about 300", as the text did (trial 10 m5)."""
    if not len(rows) or "value_text" not in rows:
        return pd.Series(False, index=rows.index, dtype=bool)
    return nearly(rows["value_text"], rows["qualifier"], nearly_terms(load("lexicon", path)))


def and_some_written(rows: pd.DataFrame, path: str | Path | None) -> pd.Series:
    """Whether each figure is written "N and some" (40多億元: the lexicon's `and_some` terms in its value_text,
    qualifier gt): more than 40 and under 50, which a chart draws as that span, never as an open ">40" that looks
    like agreeing with 51 (trial 19 W4)."""
    if not len(rows) or "value_text" not in rows:
        return pd.Series(False, index=rows.index, dtype=bool)
    return and_some(rows["value_text"], rows["qualifier"], and_some_terms(load("lexicon", path)))


def and_some_top(value: pd.Series) -> pd.Series:
    """The end "N and some" stays under, in the figure's own unit: N plus one unit of its last non-zero digit (40 ->
    50, 350 -> 360, 8 -> 9), as the claim's interval reads it (semantics.claims.intervals)."""
    return (value.astype("Float64") + last_digit_unit(value.astype("Float64"))).astype("Float64")


def bound_word(row: pd.Series) -> str:
    """The words of a figure's bound before its number in prose: `more than `, `nearly ` (a row whose `nearly` is
    set), `about `, or ""."""
    if bool(row.get("nearly", False)):
        return NEARLY
    return BOUND_WORDS.get(str(row["qualifier"]), "")


def in_words(row: pd.Series, units: pd.Series) -> str:
    """A figure as a chart's note says it, in the package's own words (its font has no Chinese): `more than 430
    count`, `372 hundred million yuan`, `5-6 count`."""
    value = f"{float(row['value']):,.10g}"
    if row["qualifier"] == "range" and pd.notna(row["value_upper"]):
        value = f"{value}-{float(row['value_upper']):,.10g}"
    else:
        value = bound_word(row) + value
    return value if row["unit"] == "count" else f"{value} {units.get(row['unit'], row['unit'])!s}"


def elsewhere(
    figures: pd.DataFrame,
    indicator: str,
    column: str,
    subject: str,
    path: str | Path | None,
    plain: bool = False,
    kin: dict[str, str] | None = None,
) -> list[str]:
    """Which figures of the same indicator and status sit on the subject's parent or parts (`kin_of`), one line
    per such subject: "also under its part light-of-internet-expo: 2019-10-18 to 2019-10-22 601家; …".

    Why: each figure sits on the subject its text names, so a thing and its part (the conference and its expo,
    Tongxiang and Wuzhen) hold separate series of one measure; a reader of one must be told the other exists, or
    takes a split series for the whole (trial 9 V1). `figures` are the indicator's figures of the status asked
    (for an edition, of that edition only). `plain`: each value in words and its unit's label (`in_words`), as a
    chart's note says it, instead of as its text wrote it. `kin`: `kin_of` the subject, where the caller has it."""
    kin = kin if kin is not None else kin_of(column, subject, path)
    if not kin:
        return []
    near = figures[figures[column].isin(list(kin))]
    if not len(near):
        return []
    near = near.assign(nearly=nearly_written(near, path))
    temporal = str(load("indicator_definitions", path).set_index("indicator").at[indicator, "temporal"])
    labels = load("units", path).set_index("unit")["label"]

    def written(r: pd.Series) -> str:
        if plain:
            return in_words(r, labels)
        return str(r["value_text"]) if isinstance(r["value_text"], str) else str(r["value"])

    said = []
    for other, rows in near.sort_values(["period_end", "observation_id"], na_position="first").groupby(
        column, sort=False
    ):
        figures_once = once_per_figure(rows)
        shown = [
            f"{period_label(r['period_start'], r['period_end'], temporal)} {written(r)}{sources_said(n)}"
            for (_, r), n in figures_once[:SHOWN_ELSEWHERE]
        ]
        left = len(figures_once) - SHOWN_ELSEWHERE
        more = f" and {left} more" if left > 0 else ""
        said.append(
            f"also under its {kin[str(other)]} {other}: {'; '.join(shown)}{more} "
            f"(`series {indicator} --subject {other}`)"
        )
    return said


# What makes two rows one figure in a kin's list: the same period and the same claim (derived.CLAIM: value, bound,
# denominator, qualifier and unit; review 14 R13: a fraction's denominator too).
SAME_FIGURE = ["period_start", "period_end", *CLAIM]


def once_per_figure(rows: pd.DataFrame) -> list[tuple[tuple[object, pd.Series], int]]:
    """Each figure of `rows` once, the first row that gives it with the number of sources that give it alike: two
    sources agreeing on 2021's 8.5 percent are one figure, not "2021 8.5 percent; 2021 8.5 percent", which read as
    two (trial 17 m4). Rows of one period that differ in value stay apart: they dispute it."""
    firsts: dict[tuple[str, ...], tuple[object, pd.Series]] = {}
    sources: dict[tuple[str, ...], set[str]] = {}
    for index, row in rows.iterrows():
        key = tuple("" if pd.isna(row.get(c)) else str(row.get(c)) for c in SAME_FIGURE)
        firsts.setdefault(key, (index, row))
        sources.setdefault(key, set()).add(str(row.get("source_id", index)))
    return [(first, len(sources[key])) for key, first in firsts.items()]


def sources_said(n: int) -> str:
    """ " (2 sources)" after a figure that more than one source gives alike; nothing after one source's."""
    return f" ({n} sources)" if n > 1 else ""
