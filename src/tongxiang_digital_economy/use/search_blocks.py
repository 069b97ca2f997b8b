"""The blocks `search` lists above the rows it found: the indicators a query names (each with its labels, written
forms, subjects and years, figures and the command for its series; `indicators` is the same list) and what the
package holds about the subjects a query names (their figures, indicators and the command for a series)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..text.fold import casefolded as fold
from .search_index import named_indicators, split_words
from .search_kept import kept_with, rows_by_value
from .search_lexicon import normalised_in
from .search_names import names
from .search_query import Query, parse
from .search_readings import EditionAndMeasure, SubjectAndMeasure, subject_and_measure

SUBJECT_COLUMNS = {"place_id": "place", "enterprise_id": "enterprise", "project_id": "project", "event_id": "edition"}


def subjects_held(
    query: Query, frames: dict[str, pd.DataFrame], in_theme: set[str] | None = None, year: int | None = None
) -> pd.DataFrame:
    """What the package holds about the subjects a query names (a query that is a place's, enterprise's or
    project's name, and names no indicator): per subject, its figures, how many indicators they fall under, and
    those indicators by number of figures. A journalist who searches "Wuzhen" is told the town's figures and the
    command for a series, not indicators whose definitions use the town as an example (trial 8 U5). The subjects
    the query is a whole name of come first ("World Internet Conference" before its technology award, whose name
    holds it; trial 9 V3); an edition's block gives its `event_id` to --subject (trial 9 V4). Under a theme, only the
    theme's indicators (`in_theme`) are counted and suggested, and a subject with none of them is left out: the
    conference's block opened `--theme investment` with its editions held (trial 12 m1). With a `year` ("Wuzhen
    2024"), only its figures of that year (the year their period ends in), and `where` selects them: the block said
    61 figures of every year above the year's rows."""
    figures = frames["indicators"]
    if year is not None:
        figures = figures[figures["year"] == year]
    own = {(column, key) for column, key, _ in names(frames).get(normalised_in(query.text, frames), [])}
    rows = []
    for column, ids in sorted(query.subjects.items()):
        if column not in figures.columns:
            continue
        for key in sorted(ids):
            if (column, key) in query.parts:  # found as a part of a subject it names: not named itself
                continue
            mine = figures.loc[figures[column] == key, "indicator"]
            if in_theme is not None:
                mine = mine[mine.isin(in_theme)]
            if not len(mine):
                continue
            counts = mine.value_counts()
            ranked = sorted(counts.items(), key=lambda item: (-int(item[1]), str(item[0])))
            rows.append(
                {
                    "subject": key,
                    "kind": SUBJECT_COLUMNS.get(column, column),
                    "column": column,
                    "figures": len(mine),
                    "indicators": len(counts),
                    "top": ", ".join(f"{i} ({n})" for i, n in ranked[:TOP_INDICATORS]),
                    "command": f"tongxiang-digital-economy series {ranked[0][0]} --subject {key}",
                    "where": f"{column}={key}" + (f" --where year={year}" if year is not None else ""),
                }
            )
    rows.sort(key=lambda row: (row["column"], row["subject"]) not in own)  # stable: by column and id within
    columns = ["subject", "kind", "column", "figures", "indicators", "top", "command", "where"]
    return pd.DataFrame(rows, columns=columns)


TOP_INDICATORS = 5  # the indicators named for a subject, most figures first


def found_indicators(
    text: str,
    frames: dict[str, pd.DataFrame],
    theme: str | None,
    split: SubjectAndMeasure | None = None,
    named: frozenset[str] | None = None,
) -> pd.DataFrame:
    """`indicators` over tables already read. `search` gives the query's reading it has made: the indicators it
    names (`named`) and its subject-and-measure reading (`split`, None when there is none); without `named`
    both are made here (see chosen_definitions)."""
    chosen, split = chosen_definitions(text, frames, theme, split, named)
    figures = frames["indicators"]
    rows = []
    for d in chosen:
        column = f"{d['subject']}_id"
        held = held_figures(figures, str(d["indicator"]), column)
        # The command for the subject with the most figures (of those the query names, if it names one);
        # --subject is needed only when there are several.
        command = held.command
        if isinstance(split, EditionAndMeasure) and d["indicator"] in split.indicators:  # the edition's series
            command = f"tongxiang-digital-economy series {d['indicator']} --subject {sorted(split.ids['event_id'])[0]}"
        elif split is not None and held.several:
            asked = held.about[held.about.isin(split.ids.get(column, ()))]
            if len(asked):
                command = f"tongxiang-digital-economy series {d['indicator']} --subject {asked.value_counts().index[0]}"
        rows.append(
            {
                **{c: d[c] for c in ("indicator", "label", "label_zh", "theme", "subject")},
                "subjects": held.subjects,
                **{c: d[c] for c in ("written_forms", "search_words")},
                "figures": held.count,
                "command": command if held.count else "",
                "not_comparable": d["not_comparable"],
            }
        )
    if not rows:
        return pd.DataFrame(rows, columns=FOUND_COLUMNS).astype({c: "string" for c in FOUND_COLUMNS if c != "figures"})
    return pd.DataFrame(
        {
            c: np.array([r[c] for r in rows], dtype=np.int64)
            if c == "figures"
            else pd.Series([r[c] for r in rows], dtype="string")
            for c in FOUND_COLUMNS
        }
    )


def found_indicator_ids(text: str, frames: dict[str, pd.DataFrame], theme: str | None = None) -> list[str]:
    """The ids of the indicators `found_indicators` lists for `text`, in its order, without building its frame (the
    recall over every label asks 866 queries; scripts/search-recall)."""
    return [str(d["indicator"]) for d in chosen_definitions(text, frames, theme)[0]]


def chosen_definitions(
    text: str,
    frames: dict[str, pd.DataFrame],
    theme: str | None,
    split: SubjectAndMeasure | None = None,
    named: frozenset[str] | None = None,
) -> tuple[list[dict[str, object]], SubjectAndMeasure | None]:
    """The definitions `indicators` lists for `text` (of `theme`; all of it for an empty `text`), the query's own id
    first, then by id; and the query's subject-and-measure reading, made here unless `named` is given (see
    found_indicators). The definitions are read once per loaded table (definition_rows): a query picks its rows."""
    definitions = definition_rows(frames["indicator_definitions"])
    chosen = [d for d in definitions if theme is None or d["theme"] == theme]
    if text.strip():
        wanted = normalised_in(text, frames)
        if named is None:
            query = parse(text, frames)
            # exactly the indicators whose figures `search` adds to its rows (see named_indicators)
            named = named_indicators(query, frames)
            if split is None:
                split = subject_and_measure(query, named, frames)
        found = split.indicators if split is not None else named  # the subject's indicators of the measure (S6)
        chosen = [d for d in chosen if d["folded"] == wanted or d["indicator"] in found]
        chosen.sort(key=lambda d: (d["folded"] != wanted, str(d["indicator"])))  # its id itself first
    return chosen, split


FOUND_COLUMNS = ["indicator", "label", "label_zh", "theme", "subject", "subjects", "written_forms", "search_words"]
FOUND_COLUMNS += ["figures", "command", "not_comparable"]


def definition_rows(definitions: pd.DataFrame) -> list[dict[str, object]]:
    """Each definition as `indicators` lists it (its words joined, a missing Chinese label or reason as ''), with its
    id `folded` (a query that is the id lists it first); read once per loaded table (kept_with it)."""

    def read() -> list[dict[str, object]]:
        def cells(column: str) -> list[object]:
            return definitions[column].tolist() if column in definitions else [None] * len(definitions)

        out = []
        for indicator, label, zh, theme, subject, written, extra, why in zip(
            *(cells(c) for c in ("indicator", "label", "label_zh", "theme", "subject")),
            *(cells(c) for c in ("written_forms", "search_words", "not_comparable")),
            strict=True,
        ):
            out.append(
                {
                    "indicator": indicator,
                    "folded": fold(str(indicator)),
                    "label": label,
                    "label_zh": zh if isinstance(zh, str) else "",
                    "theme": theme if isinstance(theme, str) else None,
                    "subject": subject,
                    "written_forms": ", ".join(split_words(written)),
                    "search_words": ", ".join(split_words(extra)),
                    "not_comparable": why if isinstance(why, str) else "",
                }
            )
        return out

    return kept_with((definitions,), "definition_rows", read)


def figures_of(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The figure rows of one indicator, in their order: the table grouped once per loaded package (kept_with it)
    by sorting its indicator codes (a pandas groupby iterated over every group was most of a first query's cost)."""
    at = kept_with((figures,), "figures_by_indicator", lambda: rows_by_value(figures["indicator"])).get(indicator)
    return figures.iloc[:0] if at is None else figures.iloc[at]


@dataclass(frozen=True)
class Held:
    """What the figures of one indicator hold, as `indicators` lists it: how many, their subjects and years, and
    the command for the subject with the most figures (`--subject` only when there are several)."""

    count: int
    subjects: str
    about: pd.Series  # the subject column of its figures, where given
    several: bool  # more than one subject
    command: str


def held_figures(figures: pd.DataFrame, indicator: str, column: str) -> Held:
    """`Held` of an indicator by its subject column, made once per loaded package (kept_with the figures): the
    discovery block is asked for per query."""
    memo: dict[tuple[str, str], Held] = kept_with((figures,), "held_figures", dict)
    if (held := memo.get((indicator, column))) is None:
        at = kept_with((figures,), "figures_by_indicator", lambda: rows_by_value(figures["indicator"])).get(indicator)
        at = np.zeros(0, dtype=np.int64) if at is None else at
        about = figures[column].iloc[at].dropna()
        several = about.nunique() > 1
        command = f"tongxiang-digital-economy series {indicator}" + (
            f" --subject {about.value_counts().index[0]}" if several else ""
        )
        subjects = subjects_spans(figures[column].iloc[at].tolist(), figures["year"].iloc[at].tolist())
        held = Held(len(at), ", ".join(subjects), about, several, command)
        memo[(indicator, column)] = held
    return held


def subjects_of(figures: pd.DataFrame, indicator: str, column: str) -> list[str]:
    """Each subject of an indicator's figures with the years they span (`tongxiang (2014-2024)`), by subject."""
    mine = figures_of(figures, indicator)
    return subjects_spans(mine[column].tolist(), mine["year"].tolist())


def subjects_spans(subjects: list[object], years: list[object]) -> list[str]:
    """Each subject (a missing one left out) with the years of its figures (`tongxiang (2014-2024)`), by subject."""
    spans: dict[str, set[int]] = {}
    for subject, year in zip(subjects, years, strict=True):
        if isinstance(subject, str):
            held = spans.setdefault(subject, set())
            if not pd.isna(year):  # type: ignore[call-overload]
                held.add(int(year))  # type: ignore[call-overload]
    out = []
    for subject in sorted(spans):
        ordered = sorted(spans[subject])
        span = f"{ordered[0]}-{ordered[-1]}" if len(ordered) > 1 else (str(ordered[0]) if ordered else "undated")
        out.append(f"{subject} ({span})")
    return out
