"""The readings of each figure's quote and evidence: what its `value_text` says, its unit words, its status cues.

Why this exists: the quote rules compare what a row's words say with its fields. Every reading runs once per
distinct input (a quote; a quote and its unit; a quote and its evidence; an evidence span), never once per row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd

from ..io.arrays import with_columns
from ..io.load import decimal_text
from ..text.fold import names_in, names_of
from ..text.quantities import cut_from, read, status_cues, unit_reading, written_forms
from .claims import and_some, and_some_terms, nearly, nearly_terms
from .distinct import content_key, lexicon_of, memo, per_distinct_rows, remembered, spread

# What quote_view reads of the lexicon and of the units (traced likewise; `meaning` is read by the Lexicon that
# distinct.lexicon_of keeps, which the trace does not see): a unit's label edited reads no quote again.
QUOTE_TABLE_READS = (("category", "meaning", "term"), ("dimension", "unit", "written_forms"))
QUOTE_READS = ("evidence", "qualifier", "unit", "value", "value_denominator", "value_text", "value_upper")


def unit_refs(units: pd.DataFrame) -> dict[Any, Hashable]:
    """What a row's quote reads of the units through its unit (row_references.Through): the unit's dimension and
    that dimension's units with their written forms, which quote_view reads by the row's unit and in no other way."""
    dimension_of = dict(zip(units["unit"], units["dimension"], strict=False))
    forms = written_forms(units)
    return {
        u: (d, tuple((k, tuple(f)) for k, f in forms.get(d, {}).items()) if isinstance(d, str) else None)
        for u, d in dimension_of.items()
    }


def per_distinct(values: pd.Series, compute: Callable[[Any], Any], dtype: Any = None) -> pd.Series:
    """compute(value) for each distinct value of the series, spread back over its rows (missing stays missing)."""
    distinct = values.dropna().unique()
    table = {value: compute(value) for value in distinct}
    out = values.map(table)
    return out.astype(dtype) if dtype else out


def quote_view(indicators: pd.DataFrame, lexicon_frame: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Indicators with the reading of each `value_text` and the status cues of each `evidence`.

    Every reading runs once per distinct input (a quote; a quote and its unit; a quote and its evidence; an
    evidence span; a value, upper bound and denominator) and is spread back over the rows by one take, so a view
    of 10^6 rows repeating a few thousand quotes reads a few thousand quotes.
    """
    lexicon = lexicon_of(lexicon_frame)
    index = indicators.index
    # A quote's reading, its cut and the evidence's cues read the lexicon alone: kept under its content, so an
    # edited units table reads only each quote's unit words again.
    key, unit_key = content_key(lexicon_frame), content_key(lexicon_frame, units)
    dimension_of = dict(zip(units["unit"], units["dimension"], strict=False))
    forms = written_forms(units)

    def read_quote(text: object) -> tuple[Any, ...]:
        r = read(text, lexicon) if isinstance(text, str) else None
        return (None,) * 5 if r is None else (r.describe(), r.numbers, r.qualifiers, r.is_range, r.shape)

    reading = remembered(memo("reading", key), read_quote)

    codes, readings = per_distinct_rows([indicators["value_text"]], reading)
    fields: list[list[Any]] = [list(f) for f in zip(*readings, strict=True)] if readings else [[]] * 5
    describe, numbers, qualifiers, ranged, shape = (spread(codes, f, index) for f in fields)

    def in_unit(text: object, unit: object) -> tuple[str | None, str]:
        shape = reading(text)[4]
        dimension = dimension_of.get(unit) if isinstance(unit, str) else None
        if not isinstance(shape, str) or not isinstance(dimension, str):
            return (None, "")
        written, rest = unit_reading(shape, forms.get(dimension, {}))
        left = ", ".join(m[0] for m, _ in lexicon.find("unit_word", rest)) if written else ""
        return ("|".join(written), left)

    in_unit = remembered(memo("unit", unit_key), in_unit)
    codes, unit_answers = per_distinct_rows([indicators["value_text"], indicators["unit"]], in_unit)
    written = spread(codes, [w for w, _ in unit_answers], index, "string")
    left = spread(codes, [x for _, x in unit_answers], index, "string")

    def cut(text: object, evidence: object) -> str | None:
        return cut_from(text, evidence, lexicon) if isinstance(text, str) and isinstance(evidence, str) else None

    cut = remembered(memo("cut", key), cut)
    codes, cuts = per_distinct_rows([indicators["value_text"], indicators["evidence"]], cut)
    cue = remembered(memo("cues", key), lambda e: status_cues(e, lexicon) if isinstance(e, str) else None)
    codes_e, cues = per_distinct_rows([indicators["evidence"]], cue)
    number = [indicators["value"], indicators["value_upper"], indicators["value_denominator"]]
    codes_v, claims_text = per_distinct_rows(number, claim_text)
    return with_columns(
        indicators,
        dict(
            value_text_reading=describe.astype("string"),
            read_numbers=numbers,
            read_qualifiers=qualifiers,
            read_range=ranged,
            read_shape=shape,
            value_claim=spread(codes_v, claims_text, index, "string"),
            read_units=written,
            written_in=written.where(written.fillna("") != "", "no unit word").astype("string"),
            unit_words_left=left,
            # for messages: the words left unread, said only when there are some (never an empty "()")
            unit_words_unread=left.map(lambda x: f" (words left unread: {x})" if isinstance(x, str) and x else "")
            .fillna("")
            .astype("string"),
            quote_cut=spread(codes, cuts, index, "string"),
            evidence_cues=spread(codes_e, cues, index),
            and_some=and_some(indicators["value_text"], indicators["qualifier"], and_some_terms(lexicon_frame)),
            nearly=nearly(indicators["value_text"], indicators["qualifier"], nearly_terms(lexicon_frame)),
        ),
    )


# Places at or below a county: naming one of these says which subject a figure is about (naming China does not).
LOCAL_LEVELS = ("county", "town", "subdistrict", "zone", "park")


PLACES_NAMED_READS = ("aliases", "level", "name", "name_zh", "place_id")  # what places_named reads of the places
KEPT_PLACE_TESTS = 200_000  # (a place's names, a span) answers kept: about 20 places x 10^4 spans


def places_named(evidence: pd.Series, places: pd.DataFrame) -> pd.Series:
    """For each evidence span, the local places it names (name, Chinese name or an alias), once per distinct span.

    Whether a span names one place is a function of the span and that place's names alone: kept by both, so an
    edited or added place reads each span for that place only (an edited places row read all 786 spans against
    every place again: ~100 ms of a test copy's validation)."""
    local = places[places["level"].isin(LOCAL_LEVELS)]
    names = {
        p: tuple(names_of(n, z, a))
        for p, n, z, a in zip(local["place_id"], local["name"], local["name_zh"], local["aliases"], strict=True)
    }
    tests = memo("place named", "names and span")
    if len(tests) > KEPT_PLACE_TESTS:
        tests.clear()
    names_one = remembered(tests, lambda listed, e: names_in(e, list(listed)))
    named = remembered(
        memo("places", content_key(local)),
        lambda e: frozenset(p for p, listed in names.items() if names_one(listed, e)),
    )
    return per_distinct(evidence, named)


def claim_text(value: object, upper: object, denominator: object) -> str:
    """A row's number as a person reads it: 108.86, 3 to 5, or 1/3."""
    text = decimal_text(value) or "no value"
    if decimal_text(upper):
        return f"{text} to {decimal_text(upper)}"
    if decimal_text(denominator):
        return f"{text}/{decimal_text(denominator)}"
    return text
