"""The conversions between units the lexicon states (`unit_conversion`: 1小时 = 60分钟), held against the units'
factors (`unit-conversion-written`).

Why this exists: unit-scale-written reads a unit's factor from the scale words of its written forms (亿元 is 10^8
yuan), but a conversion unit's forms write no scale (`#小时`, `#亩`, `#成`): a multiplier of hour, mu or cheng ten
times too big or too small moved every figure in it and no rule could tell. How many minutes make an hour is a fact
of the units, not of a source: the lexicon states it once, as one quantity written in a unit's own written form
(term `1小时`) and the equal quantity written in another unit's (meaning `60分钟`), and each side is read back
through the units' written forms (`#` the number). Both units' multiplier ÷ divisor must then give the two sides
the same size in their base unit; where they do not, one of the two factors is wrong, and both rows are reported.

A side that no unit's written form reads, or that two units' forms read, states nothing (a test holds every
shipped conversion to read). Pure functions over the units and lexicon tables.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .unit_scales import factor

CATEGORY = "unit_conversion"
NUMBER = r"([0-9]+(?:\.[0-9]+)?)"


def form_patterns(units: pd.DataFrame) -> list[tuple[str, re.Pattern[str]]]:
    """Each unit's written forms with one `#` as patterns reading the number (`#小时` -> 1小时 is 1 hour)."""
    out = []
    for unit, forms in zip(units["unit"], units["written_forms"], strict=True):
        if not isinstance(unit, str) or not isinstance(forms, str):
            continue
        for form in (f.strip() for f in forms.split("|")):
            if form.count("#") == 1:
                before, after = form.split("#")
                out.append((unit, re.compile(re.escape(before) + NUMBER + re.escape(after), re.IGNORECASE)))
    return out


def quantity(text: object, patterns: list[tuple[str, re.Pattern[str]]]) -> tuple[float, str] | None:
    """The number and unit a written quantity (`60分钟`) is, where exactly one unit's forms read it whole."""
    if not isinstance(text, str):
        return None
    found = {(float(m.group(1)), u) for u, p in patterns if (m := p.fullmatch(text.strip())) is not None}
    return next(iter(found)) if len(found) == 1 else None


def conversion_conflicts(units: pd.DataFrame, lexicon: pd.DataFrame) -> pd.Series:
    """Per units row: the first lexicon conversion its factor breaks, as `1小时 = 60分钟` (<NA> where none does)."""
    out = pd.Series(pd.NA, index=units.index, dtype=object)
    if not {"unit", "written_forms", "multiplier", "divisor", "base_unit"} <= set(units.columns):
        return out
    rows = lexicon[lexicon["category"] == CATEGORY] if "category" in lexicon else lexicon.iloc[:0]
    patterns = form_patterns(units)
    by_unit = {str(r["unit"]): r for r in units.to_dict("records") if isinstance(r.get("unit"), str)}
    broken: dict[str, str] = {}
    for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
        one, other = quantity(term, patterns), quantity(meaning, patterns)
        if one is None or other is None:
            continue
        (a, unit_a), (b, unit_b) = one, other
        row_a, row_b = by_unit[unit_a], by_unit[unit_b]
        f_a, f_b = factor(row_a), factor(row_b)
        if f_a is None or f_b is None or row_a["base_unit"] != row_b["base_unit"]:
            continue
        if not math.isclose(a * f_a, b * f_b, rel_tol=1e-9):
            for unit in (unit_a, unit_b):
                broken.setdefault(unit, f"{term} = {meaning}")
    for i, unit in zip(units.index, units["unit"], strict=True):
        if isinstance(unit, str) and unit in broken:
            out.at[i] = broken[unit]
    return out
