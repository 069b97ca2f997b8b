"""The readings that anchor a claim in its words, as derived columns of the indicators view.

Why this exists: the rules of rules/periods.py, rules/which_figure.py and rules/anchors.py ask of every row where
its quote stands in its evidence (which figure it is, which year is written next to it, which table column holds
it) and what its `period_text` means. Both readings are pure functions of a few cells, so each is computed once
per distinct input (per (evidence, value_text, indicator forms, unit dimension), per (period_text, text date)) and
joined back to the rows: a view of a million rows grown from 745 reads a few hundred passages.

The text's own date is the source's `original_published` when the page states its original's date (a reposted
2014 interview is a 2014 text), else its `published`.

What the readings read with are modules of their own: the subjects' names and the words that make a name no
subject (subject_names.py), an indicator's written forms in a passage (indicator_forms.py), and the statuses the
status words beyond a quote's clause point to (status_scope.py).
"""

from __future__ import annotations

import functools
from collections.abc import Hashable
from typing import Any

import pandas as pd

from ..text.clause_words import ClauseWords
from ..text.clauses import Attachment, attach, conversion_pattern
from ..text.fold import loose
from ..text.names_beside import beside_another_name
from ..text.parallel_lists import paired_with_name
from ..text.passage_numbers import clause_of
from ..text.period_lexicon import PeriodWords
from ..text.period_words import read_period
from ..text.plan_tables import table_head_pattern
from ..text.quantities import status_cues, written_forms
from .claims import text_dates as source_text_dates
from .counted_nouns import (
    Neighbours,
    folded_forms,
    same_kind,
    unit_words,
    written_with,
)
from .distinct import content_key, lexicon_of, memo, remembered, texts
from .indicator_forms import PAIR_COLUMNS, Neighbour, forms_in, neighbours_counting, shadowing_forms, split_forms
from .status_scope import status_scope
from .subject_names import (
    row_subject_names,
    subject_tables,
    table_names,
)


def quote_clause(evidence: object, quote: object, words: ClauseWords | None = None) -> tuple[str, int, int, int] | None:
    """The folded evidence, where the quote stands in it and the bounds of the quote's clause (ended where the
    lexicon's clause words say: ClauseWords.clause_end): None when either is missing or the quote is not in the
    evidence (the quote rules report that; the clause readers stay silent)."""
    if not isinstance(evidence, str) or not isinstance(quote, str):
        return None
    text, wanted = loose(evidence), loose(quote)
    at = text.find(wanted)
    if at < 0 or not wanted:
        return None
    start, end = clause_of(text, at, at + len(wanted), words)
    return text, at, start, end


def counted_as(
    evidence: object, quote: object, neighbours: tuple[Neighbour, ...], words: ClauseWords | None = None
) -> str | None:
    """The neighbour a word of each of whose groups of required words stands in the quote's own clause while the
    evidence names it too (两年平均增长4.7% filed as gdp_growth is gdp_growth_two_year_average's; 4家重要国际组织
    作为协办单位 filed as represented organisations is the co-organisers'): None where no neighbour's do."""
    found = quote_clause(evidence, quote, words) if neighbours else None
    if found is None:
        return None
    text, _at, start, end = found
    clause = text[start:end]
    for indicator, groups, forms in neighbours:
        if all(forms_in(clause, "|".join(g)) for g in groups) and (not forms or forms_in(str(evidence), forms)):
            return indicator
    return None


def text_dates(indicators: pd.DataFrame, sources: pd.DataFrame | None) -> pd.Series:
    """Each row's text date: its source's original's date when recorded, else its publication date, narrowed by
    the bounds its words give (claims.text_dates)."""
    if sources is None or "source_id" not in sources:
        return pd.Series(pd.NA, index=indicators.index, dtype=object)
    lookup = dict(zip(sources["source_id"], source_text_dates(sources).astype(object), strict=True))
    return indicators["source_id"].map(lambda s: lookup.get(s) if isinstance(s, str) else None)


def period_words_of(frames: dict[str, pd.DataFrame]) -> PeriodWords:
    """The period reader's words of the text's own day and of parts of a year: the package lexicon's (none
    without one)."""
    return PeriodWords.of(lexicon_of(frames["lexicon"]) if "lexicon" in frames else None)


def keyed_map(keys: list[tuple[Any, ...]], compute: Any, index: pd.Index) -> pd.Series:
    """compute(*key) once per distinct key, spread back over the rows."""
    cache: dict[tuple[Any, ...], Any] = {}
    out = []
    for key in keys:
        if key not in cache:
            cache[key] = compute(*key)
        out.append(cache[key])
    return pd.Series(out, index=index, dtype=object)


def definition_readings(definitions: pd.DataFrame | None) -> dict[str, Any]:
    """What the anchors read of the definitions, each a dict by indicator: its written forms (`forms`), folded
    (`own forms`), the longer forms of other indicators that hold one of its own (`shadows`), its neighbours told
    apart by their required words (`neighbours`) and the indicators of its kind (`same kind`). All but the first
    compare every definition with every other (quadratic in definitions, most of a warm validation's cost): they
    read only the definitions, so they are made once per content of that table in this process."""
    paired = None if definitions is None else definitions[[c for c in PAIR_COLUMNS if c in definitions]]
    made = memo("definition pairs", content_key(paired) if paired is not None else None)
    if "forms" not in made:
        forms_of: dict[Any, tuple[str, ...]] = {}
        if definitions is not None and "written_forms" in definitions:
            forms_of = {  # a definition without its id is the structure layer's error, and names nothing here
                i: split_forms(f)
                for i, f in zip(definitions["indicator"], definitions["written_forms"], strict=True)
                if isinstance(i, str)
            }
        made["shadows"] = shadowing_forms(forms_of)
        made["neighbours"] = neighbours_counting(definitions)
        made["same kind"] = same_kind(definitions)
        made["own forms"] = {  # as forms_of, folded as the evidence is (counted_nouns.written_with)
            i: folded_forms("|".join(forms)) for i, forms in forms_of.items()
        }
        made["forms"] = forms_of
    return made


def definition_refs(definitions: pd.DataFrame) -> dict[Any, Hashable]:
    """What a row reads of the definitions through its indicator (row_references.Through): the indicator's entry
    of each of definition_readings' dicts, which anchor_view reads by the row's indicator and in no other way."""
    made = definition_readings(definitions)
    names = ("forms", "shadows", "neighbours", "same kind", "own forms")
    every = {i for name in names for i in made[name]}
    return {i: tuple(made[name].get(i) for name in names) for i in every}


def unit_forms_read(units: pd.DataFrame) -> Hashable:
    """What every row's anchors read of the units alike (row_references.Through's `whole`): each dimension's
    written forms, in the table's order, as the quantity reader reads `written_forms(units)`: by dimension, never
    by a unit's key (passage_numbers.quantities), so a renamed unit key changes none of it."""
    return tuple((d, tuple(tuple(f) for f in units_.values())) for d, units_ in written_forms(units).items())


def anchor_view(indicators: pd.DataFrame, frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Indicators with `anchor` (where the quote stands: clauses.Attachment), `period_reading`
    (period_readings.Reading) and `text_date` (the text's own date)."""
    definitions = frames.get("indicator_definitions")
    # The columns read row by row, as lists made once (iterating an Arrow-backed column costs ~6× its tolist)
    evidence_, quote_, indicator_, unit_ = (
        texts(indicators[c]) for c in ("evidence", "value_text", "indicator", "unit")
    )
    units = frames.get("units")

    # Every reading below is a pure function of its arguments and of the tables it names (text/ reads no table of
    # its own): remembered under their content, a second validation in this process (an edited copy, `tde.schema`
    # after `validate`) reads only its new texts, and an edit of a table a reading does not read (a definition, a
    # place for the quotes' anchors) reads nothing again. The definitions' part reaches each reading in its
    # arguments (the row's written forms), never through a table.
    tables: dict[str, Hashable] = {t: content_key(frames[t]) for t in ("units", "lexicon") if t in frames}

    def key(*names: str) -> tuple[object, ...]:
        return tuple((t, tables.get(t)) for t in names)

    made = definition_readings(definitions)
    forms_of: dict[Any, tuple[str, ...]] = made["forms"]
    kinds: dict[str, Neighbours] = made["same kind"]
    own_forms: dict[Any, tuple[str, ...]] = made["own forms"]
    shadows: dict[Any, tuple[str, ...]] = made["shadows"]
    neighbours: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]] = made["neighbours"]
    unit_forms = written_forms(units) if units is not None else {}
    lexicon_frame = frames.get("lexicon")
    heads = (
        table_head_pattern(
            (t, m)
            for t, c, m in zip(lexicon_frame["term"], lexicon_frame["category"], lexicon_frame["meaning"], strict=True)
            if isinstance(c, str) and c == "table_head" and isinstance(t, str) and isinstance(m, str)
        )
        if lexicon_frame is not None
        else None
    )
    converted = (
        conversion_pattern(lexicon_of(lexicon_frame).alternation("converted")) if lexicon_frame is not None else None
    )
    dimension_of = dict(zip(units["unit"], units["dimension"], strict=True)) if units is not None else {}
    # The anaphora, parallel-list and year words of the clause reader: the lexicon's.
    clause_words = ClauseWords.of(lexicon_of(lexicon_frame) if lexicon_frame is not None else None)

    def anchored(
        evidence: object, quote: object, forms: tuple[str, ...], dimension: object, words: tuple[str, ...]
    ) -> object:
        if not isinstance(evidence, str) or not isinstance(quote, str):
            return None
        kind = dimension if isinstance(dimension, str) else None
        return attach(evidence, quote, list(forms), kind, unit_forms, words, heads, converted, clause_words)

    period_words = indicators["period_text"] if "period_text" in indicators else pd.Series(None, index=indicators.index)
    keys = [
        (
            e,
            q,
            forms_of.get(i, ()) if isinstance(i, str) else (),
            dimension_of.get(u) if isinstance(u, str) else None,
            tuple(p.strip() for p in t.split("…") if p.strip()) if isinstance(t, str) else (),
        )
        for e, q, i, u, t in zip(
            evidence_,
            quote_,
            indicator_,
            unit_,
            texts(period_words),
            strict=True,
        )
    ]
    dates = text_dates(indicators, frames.get("sources"))
    period_text = indicators["period_text"] if "period_text" in indicators else pd.Series(None, index=indicators.index)
    periods = keyed_map(
        [
            (t if isinstance(t, str) else None, d if isinstance(d, str) else None)
            for t, d in zip(texts(period_text), texts(dates), strict=True)
        ],
        # The words of the text's own day and of parts of a year are the lexicon's (PeriodWords).
        remembered(memo("period words", key("lexicon")), functools.partial(read_period, words=period_words_of(frames))),
        indicators.index,
    )
    anchors = keyed_map(keys, remembered(memo("anchors", key("units", "lexicon")), anchored), indicators.index)
    lexicon = lexicon_of(frames["lexicon"]) if "lexicon" in frames else None

    def own_cues(evidence: object, forms: tuple[str, ...], words: tuple[str, ...], anchor: object) -> object:
        """The status cues of the evidence left when the words that say what is measured (完成全年目标), when
        (到1949年) and, for a plan table's actual column, the table's headings (预期目标) are taken out."""
        if lexicon is None or not isinstance(evidence, str):
            return None
        text = loose(evidence)
        columns: frozenset[str] = getattr(anchor, "columns", frozenset())
        head = getattr(anchor, "table_head", None)
        taken = [*forms, *words] + ([head] if head and columns != {"target"} else [])
        for words_ in sorted((loose(t) for t in taken if t), key=len, reverse=True):
            text = text.replace(words_, " ")
        return status_cues(text, lexicon)

    cues = keyed_map(
        [(k[0], k[2], k[4], a) for k, a in zip(keys, anchors, strict=True)],
        remembered(memo("own cues", key("lexicon")), own_cues),
        indicators.index,
    )

    def lead_cues(words: tuple[str, ...], anchor: object) -> object:
        """The status cues of the words leading to the quote in its clause (text/quote_scope.lead_to), the words that
        date it and a plan table's headings taken out (到1949年 dates; 预期目标 heads a column): a cue there speaks
        of this figure, not of another figure of the evidence. The indicator's own words stay: a status word in
        them (年度计划投资, 'plans to add') is this figure's status unless the indicator is a plan's size, which the
        rule reads; a phrase that reports on a target (完成年度计划) is read as what it means by the lexicon."""
        lead = getattr(anchor, "lead", None)
        if lexicon is None or not isinstance(lead, str) or not getattr(anchor, "found", False):
            return None
        head = getattr(anchor, "table_head", None)
        for words_ in sorted((loose(t) for t in [*words, head or ""] if t), key=len, reverse=True):
            lead = lead.replace(words_, " ")
        return status_cues(lead, lexicon)

    def undated_cues(evidence: object, words: tuple[str, ...]) -> object:
        """The status cues of the evidence with the row's own dating words taken out: 到1949年 dates a figure, and
        once its period has passed it names no target (a reported target must be named one by other words)."""
        if lexicon is None or not isinstance(evidence, str):
            return None
        text = loose(evidence)
        for words_ in sorted((loose(t) for t in words if t), key=len, reverse=True):
            text = text.replace(words_, " ")
        return status_cues(text, lexicon)

    def scoped(forms: tuple[str, ...], words: tuple[str, ...], anchor: object) -> object:
        """status_scope with the lexicon; the row's own dating words, its indicator's written forms and a plan
        table's headings taken out."""
        if lexicon is None or not isinstance(anchor, Attachment) or not anchor.found:
            return None
        return status_scope(anchor, lexicon, (*forms, *words, anchor.table_head or ""))

    scopes = keyed_map(
        [(k[2], k[4], a) for k, a in zip(keys, anchors, strict=True)],
        remembered(memo("status scope", key("lexicon")), scoped),
        indicators.index,
    )

    undated = keyed_map(
        [(k[0], k[4]) for k in keys],
        remembered(memo("undated cues", key("lexicon")), undated_cues),
        indicators.index,
    )

    leading = keyed_map(
        [(k[4], a) for k, a in zip(keys, anchors, strict=True)],
        remembered(memo("lead cues", key("lexicon")), lead_cues),
        indicators.index,
    )
    subject_names = row_subject_names(indicators, frames)
    pairing = keyed_map(
        [
            (e, q, n, dimension_of.get(u) if isinstance(u, str) else None)
            for e, q, n, u in zip(evidence_, quote_, subject_names, unit_, strict=True)
        ],
        remembered(
            memo("subject pairing", key("units", "lexicon")),
            lambda e, q, n, d: (
                paired_with_name(e, q, list(n), d, unit_forms, clause_words)
                if isinstance(e, str) and isinstance(q, str) and n
                else None
            ),
        ),
        indicators.index,
    )
    # Two figures of one kind in one clause, each beside its own subject's name: the name nearest the quote is
    # its subject's (enterprises and projects: a place's figures are read by places_beside).
    siblings = table_names(frames)
    signature = {t: hash(names) for t, names in siblings.items()}  # the remembered answers depend on the names too
    nearest = keyed_map(
        [
            (e, q, n, t, dimension_of.get(u) if isinstance(u, str) else None, signature.get(t) if t else None)
            for e, q, n, t, u in zip(
                evidence_,
                quote_,
                subject_names,
                subject_tables(indicators),
                unit_,
                strict=True,
            )
        ],
        remembered(
            memo("subject beside", key("units", "lexicon")),
            lambda e, q, n, t, d, _names: (
                beside_another_name(
                    e,
                    q,
                    list(n),
                    [list(o) for o in siblings.get(t, ()) if o != n],
                    d if isinstance(d, str) else None,
                    unit_forms,
                    clause_words,
                )
                if isinstance(e, str) and isinstance(q, str) and n and t
                else None
            ),
        ),
        indicators.index,
    )
    pairing = pd.Series(
        [p if p is not None else b for p, b in zip(pairing, nearest, strict=True)], index=indicators.index, dtype=object
    )
    counted = keyed_map(
        [
            (e, q, neighbours.get(i, ()) if isinstance(i, str) else ())
            for e, q, i in zip(evidence_, quote_, indicator_, strict=True)
        ],
        functools.partial(counted_as, words=clause_words),
        indicators.index,
    )
    words_of_unit = unit_words(units)
    written = keyed_map(
        [
            (e, q, i if isinstance(i, str) else None, u if isinstance(u, str) else None)
            for e, q, i, u in zip(evidence_, quote_, indicator_, unit_, strict=True)
        ],
        lambda e, q, i, u: written_with(
            e, q, own_forms.get(i, ()), kinds.get(i, ()), words_of_unit.get(u, ()), clause_words
        ),
        indicators.index,
    )
    return indicators.assign(
        counted_as=counted,
        written_with=written,
        subject_pairing=pairing,
        anchor=anchors,
        shadowing_forms=pd.Series(
            [shadows.get(i, ()) if isinstance(i, str) else () for i in indicators["indicator"]],
            index=indicators.index,
            dtype=object,
        ),
        own_cues=cues,
        lead_cues=leading,
        scope_cues=scopes,
        undated_cues=undated,
        anchor_year=pd.Series(
            [year_text(getattr(a, "year", None)) for a in anchors], index=indicators.index, dtype="string"
        ),
        period_reading=periods,
        text_date=pd.Series(list(dates), index=indicators.index, dtype=object),
    )


def year_text(years: object) -> str | None:
    """A year or a range of years as a message shows it: 2021, or 2014-2023."""
    if not isinstance(years, tuple):
        return None
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"
