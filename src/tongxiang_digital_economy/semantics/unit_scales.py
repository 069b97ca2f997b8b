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
"""

from __future__ import annotations

import math
import re

import pandas as pd

NUMBER = "#"


def scale_words(lexicon: pd.DataFrame) -> dict[str, float]:
    """The lexicon's scale words (`unit_word` rows whose meaning is a number) -> their factors, folded to lower case."""
    rows = lexicon[lexicon["category"] == "unit_word"]
    words: dict[str, float] = {}
    for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
        try:
            value = float(meaning)
        except (TypeError, ValueError):
            continue  # a currency word, or a scale word of no one factor (兆)
        if isinstance(term, str) and term.strip() and math.isfinite(value) and value > 0:
            words[term.strip().casefold()] = value
    return words


def factor(row: pd.Series) -> float | None:
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
    product of their factors. Latin words must end (after) or start (before) at a word's edge."""
    total = 1.0
    ordered = sorted(words, key=len, reverse=True)
    while True:
        text = side.lstrip() if after else side.rstrip()
        for word in ordered:
            if after and text.casefold().startswith(word):
                rest = text[len(word) :]
                if word.isascii() and rest[:1].isalnum():
                    continue
            elif not after and text.casefold().endswith(word):
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
    factors = {str(r["unit"]): factor(r) for _, r in units.iterrows()}
    forms_of: dict[tuple[str, str], list[str]] = {}  # (dimension, squeezed form) -> units
    bare: dict[str, list[str]] = {}  # dimension -> units with no written form (the bare number)
    for _, r in units.iterrows():
        written = r["written_forms"]
        forms = [f for f in str(written).split("|") if f.strip()] if isinstance(written, str) else []
        if not forms:
            bare.setdefault(str(r["dimension"]), []).append(str(r["unit"]))
        for f in forms:
            forms_of.setdefault((str(r["dimension"]), squeezed(f)), []).append(str(r["unit"]))
    stated: list[float | None] = []
    said: list[str | None] = []
    for _, r in units.iterrows():
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
