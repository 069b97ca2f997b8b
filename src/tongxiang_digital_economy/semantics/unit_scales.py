"""The scale a unit's own written forms state, read from the lexicon's scale words (trial 10 m1).

Why: a unit's `multiplier`/`divisor` turn every figure in it into its base unit, so a wrong one (亿元 as 10^7) moves
every figure written in it and is then blamed on the sources ("conflicting values"). The unit's written forms say
its scale already: `#亿元` is the number, the scale word 亿 (10^8, the lexicon's `unit_word` row for 亿: its
meaning is its factor) and `#元`, a written form of yuan; so yi_yuan's multiplier/divisor must be 10^8 times
yuan's. One source of truth for the scale words: the lexicon, which the quote reader reads too.

A form states a scale when scale words stand next to its number (`#` then 亿, or `US$#` then ` million`, `# hundred
million yuan`: their factors multiply) and what is left, the number and the other words, is a written form of a
unit of the same dimension, or the bare number of a dimension's unit that has no written form (`#万` is 10^4
counts). A scale word not next to the number scales another word, not the figure (`#平方千米` is square
kilometres, not a thousand square metres), and a form without a scale word, or whose other words are no unit's,
states nothing. A unit that is its own base unit has the factor 1 by definition, so a corrupted base is found on
its own row and the units scaled from it are compared with 1, not with the corrupted value.

A form states a power where a power word (the lexicon's `power_word` rows, meaning the exponent: 平方, square, sq
2; 立方, cubic 3) stands right after its number and what is left is a written form of a unit of another dimension
(`#平方公里` is 平方 and `#公里`, a form of km), and the unit's base unit writes the same power of that dimension's
base (m2's `#平方米`: 平方 and `#米`, a form of m): km2 is then km's factor squared, 10^6 m2, and a km2 (or a km)
ten times too big is caught. A conversion no word states (mu, hectare, hour, 成) states nothing and is not read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping
from typing import Any

import pandas as pd

NUMBER = "#"


def scale_words(lexicon: pd.DataFrame) -> dict[str, float]:
    """The lexicon's scale words (`unit_word` rows whose meaning is a number) -> their factors, folded to lower case,
    longest first (the order strip_scale tries them in)."""
    rows = lexicon[lexicon["category"] == "unit_word"]
    words: dict[str, float] = {}
    for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
        try:
            value = float(meaning)
        except (TypeError, ValueError):
            continue  # a currency word, or a scale word of no one factor (兆)
        if isinstance(term, str) and term.strip() and math.isfinite(value) and value > 0:
            words[term.strip().casefold()] = value
    return {word: words[word] for word in sorted(words, key=len, reverse=True)}


def power_words(lexicon: pd.DataFrame) -> dict[str, int]:
    """The lexicon's power words (`power_word` rows: 平方, square 2; 立方, cubic 3) -> their exponents, folded."""
    rows = lexicon[lexicon["category"] == "power_word"] if "category" in lexicon else lexicon.iloc[:0]
    words: dict[str, int] = {}
    for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
        if isinstance(term, str) and term.strip() and isinstance(meaning, str) and meaning.strip().isdigit():
            words[term.strip().casefold()] = int(meaning)
    return words


def powered(form: str, words: dict[str, int]) -> tuple[int, str] | None:
    """A form whose number is followed by a power word (`#平方公里`, `# square kilometers`): its exponent and the form
    without the word (`#公里`, `# kilometers`), squeezed; None when no power word stands right after the number."""
    if form.count(NUMBER) != 1:
        return None
    before, _, after = form.partition(NUMBER)
    text = after.lstrip()
    for word in sorted(words, key=len, reverse=True):
        rest = text[len(word) :]
        if text.casefold().startswith(word) and not (word.isascii() and rest[:1].isalnum()):
            return words[word], squeezed(before + NUMBER + rest)
    return None


def factor(row: Mapping[Hashable, Any]) -> float | None:
    """A unit's multiplier ÷ divisor, 1 for a unit that is its own base, None when it cannot be read."""
    unit, base = row["unit"], row["base_unit"]
    if isinstance(unit, str) and isinstance(base, str) and unit == base:  # a missing cell is no unit (never NA == NA)
        return 1.0
    try:
        value = float(row["multiplier"]) / float(row["divisor"])
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) and value > 0 else None


def squeezed(form: str) -> str:
    return re.sub(r"\s+", "", form).casefold()


def strip_scale(side: str, words: dict[str, float], after: bool) -> tuple[str, float]:
    """The scale words standing next to the number on one side of it (`after`: the text after `#`), removed, and the
    product of their factors. Latin words must end (after) or start (before) at a word's edge. `words` longest
    first (scale_words gives them so), so that a longer word is taken before a word it ends or starts with."""
    total = 1.0
    while True:
        text = side.lstrip() if after else side.rstrip()
        folded = text.casefold()
        for word in words:
            if after and folded.startswith(word):
                rest = text[len(word) :]
                if word.isascii() and rest[:1].isalnum():
                    continue
            elif not after and folded.endswith(word):
                rest = text[: len(text) - len(word)]
                if word.isascii() and rest[-1:].isalnum():
                    continue
            else:
                continue
            total *= words[word]
            side = rest
            break
        else:
            return side, total


def stated_scales(units: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """Per unit row: `scale_stated` (the factor its forms state, as multiplier ÷ divisor should be; <NA> when no form
    states one) and `scale_form` (the first form that states a factor other than the row's, else its first form that
    states one, with how: "'#亿元' (亿 × yuan)")."""
    words = scale_words(lexicon)
    powers = power_words(lexicon)
    # The rows as plain dicts: `iterrows` builds a Series per row and deep-copies the frame's attrs into each (a
    # loaded table's schema), most of this function's time before.
    rows = units.to_dict("records")
    factors = {str(r["unit"]): factor(r) for r in rows}
    forms_of: dict[tuple[str, str], list[str]] = {}  # (dimension, squeezed form) -> units
    bare: dict[str, list[str]] = {}  # dimension -> units with no written form (the bare number)
    written_of: dict[str, list[str]] = {}  # unit -> its written forms
    for r in rows:
        written = r["written_forms"]
        forms = [f for f in str(written).split("|") if f.strip()] if isinstance(written, str) else []
        written_of[str(r["unit"])] = forms
        if not forms:
            bare.setdefault(str(r["dimension"]), []).append(str(r["unit"]))
        for f in forms:
            forms_of.setdefault((str(r["dimension"]), squeezed(f)), []).append(str(r["unit"]))
    base_of = {str(r["unit"]): str(r["base_unit"]) for r in rows}
    dimension_of = {str(r["unit"]): str(r["dimension"]) for r in rows}

    def power_of(unit: str, form: str) -> tuple[float, str] | None:
        """The factor a power form of `unit` states (`#平方公里`: km's factor squared) and how, where its base unit
        writes the same power of the other dimension's base (m2's `#平方米`); None otherwise."""
        found = powered(form, powers)
        base = base_of.get(unit)
        if found is None or base is None or base == unit:
            return None
        exponent, rest = found
        others = [u for (d, f), us in forms_of.items() if f == rest and d != dimension_of[unit] for u in us]
        if len(others) != 1 or base_of.get(others[0]) == others[0]:
            return None  # the rest is no one unit's form, or a base's (a power of a base is the base of the power)
        of = others[0]
        base_writes = any(
            (p := powered(f, powers)) is not None
            and p[0] == exponent
            and base_of.get(of) in forms_of.get((dimension_of[of], p[1]), [])
            for f in written_of.get(base, [])
        )
        stated = factors.get(of)
        if not base_writes or stated is None:
            return None
        return stated**exponent, f"{form.strip()!r} ({of} to the power {exponent}: {stated**exponent:,.10g} × {base})"

    stated: list[float | None] = []
    said: list[str | None] = []
    for r in rows:
        own = factors[str(r["unit"])]
        found: list[tuple[float, str]] = []
        written = r["written_forms"]
        for form in str(written).split("|") if isinstance(written, str) else []:
            if form.count(NUMBER) != 1:
                continue
            before, _, after = form.partition(NUMBER)
            after_rest, up = strip_scale(after, words, after=True)
            before_rest, down = strip_scale(before, words, after=False)
            scale = up * down
            if scale == 1:
                power = power_of(str(r["unit"]), form)
                if power is not None:
                    found.append(power)
                continue
            rest = squeezed(before_rest + NUMBER + after_rest)
            dimension = str(r["dimension"])
            others = bare.get(dimension, []) if rest == NUMBER else forms_of.get((dimension, rest), [])
            others = [o for o in others if o != str(r["unit"]) and factors.get(o) is not None]
            if len(others) != 1:
                continue  # the other words are no unit's, or two units': the form states no one scale
            base = factors[others[0]]
            assert base is not None
            found.append((scale * base, f"{form.strip()!r} ({scale:,.10g} × {others[0]})"))
        if not found:
            stated.append(None)
            said.append(None)
            continue
        wrong = [f for f in found if own is None or not math.isclose(f[0], own, rel_tol=1e-9)]
        first = (wrong or found)[0]
        stated.append(first[0])
        said.append(first[1])
    return pd.DataFrame(
        {
            "scale_stated": pd.array(stated, dtype="Float64"),
            "scale_form": pd.array(said, dtype="string"),
        },
        index=units.index,
    )
