"""Reading a quoted quantity (`indicators.value_text`) back into the claim a row makes.

Why this exists: a row says "108.86, yi_yuan, eq, actual", and its `value_text` quotes how the source wrote it,
`108.86億元`. The provenance rules hold the row to its quote: the number read must be the value (with its sign),
the scale and unit words must be a written form of the row's unit, and the qualifier words must give the row's
qualifier. Nothing here knows a word of Chinese or English by heart: unit forms come from `units.written_forms`
and qualifier, range, sign and status words and phrases read as others from the `lexicon` table, so
maintainers extend them as data.

A quote is reduced to its *shape*: every number becomes `#`, qualifier and sign words are dropped, case is folded
and spaces are kept only between two word characters. `US$ 5.41 billion` has the shape `us$# billion`; a unit
matches when one of its written forms (reduced the same way) occurs in the shape. Where forms of several units
match (`#元` and `#亿元`), the longest decides, so 億元 is never read as 元.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd

from .numerals import Span, number_spans

NUMBER = "#"  # what stands for a number in a shape, a written form or a lexicon term
FRACTION_FIRST = "#分之#"  # the shape of a Chinese fraction, which writes its denominator first


@dataclass(frozen=True)
class Reading:
    """What a quote states: its numbers (signed), qualifier meanings, whether it is a range, and its shape."""

    numbers: tuple[Decimal, ...]
    qualifiers: frozenset[str]
    is_range: bool
    negative: bool
    shape: str

    def describe(self) -> str:
        """The reading in a few words, for messages: `-4.4 (gt)` or `3 to 5`."""
        numbers = [str(n) for n in self.numbers] or ["no number"]
        text = " to ".join(numbers) if self.is_range else ", ".join(numbers)
        return text + (f" ({', '.join(sorted(self.qualifiers))})" if self.qualifiers else "")


@dataclass
class Lexicon:
    """The lexicon table's terms by category, each compiled to a pattern over shapes."""

    terms: dict[str, list[tuple[re.Pattern[str], str]]] = field(default_factory=dict)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Lexicon:
        lexicon = cls()
        rows = sorted(zip(frame["term"], frame["category"], frame["meaning"], strict=True), key=lambda r: -len(r[0]))
        for term, category, meaning in rows:
            lexicon.terms.setdefault(str(category), []).append((term_pattern(str(term)), str(meaning)))
        return lexicon

    def find(self, category: str, text: str) -> list[tuple[re.Match[str], str]]:
        """Every non-overlapping occurrence of a term of `category` in `text`, longest terms first."""
        found: list[tuple[re.Match[str], str]] = []
        taken: list[range] = []
        for pattern, meaning in self.terms.get(category, []):
            for match in pattern.finditer(text):
                span = range(match.start(), match.end())
                if not any(span.start < t.stop and t.start < span.stop for t in taken):
                    found.append((match, meaning))
                    taken.append(span)
        return sorted(found, key=lambda pair: pair[0].start())

    def rewrite(self, text: str) -> str:
        """A phrase read as what it means: 翻番 as 2倍, "doubled" as "2 times", 截至 (as of) as 截止."""
        for match, meaning in reversed(self.find("reads_as", text)):
            text = text[: match.start()] + squash(meaning) + text[match.end() :]
        return text

    def meanings(self, category: str, text: str) -> set[str]:
        return {meaning for _, meaning in self.find(category, text)}

    def remove(self, categories: Iterable[str], text: str) -> str:
        """`text` without the terms of these categories (qualifier and sign words leave a unit's shape bare)."""
        for category in categories:
            for match, _ in reversed(self.find(category, text)):
                kept = NUMBER if NUMBER in match[0] else ""  # a term around a number (前#) leaves the number
                text = text[: match.start()] + kept + text[match.end() :]
        return text


def term_pattern(term: str) -> re.Pattern[str]:
    """A term as a pattern: `#` is any number, and a term that starts or ends with a letter is a whole word."""
    parts = [re.escape(part) for part in squash(term).split(NUMBER)]
    body = NUMBER.join(parts).replace(r"\ ", r"\s*")
    before = r"(?<![a-z])" if re.match(r"[a-z]", term.casefold()) else ""
    after = r"(?![a-z])" if re.search(r"[a-z]$", term.casefold()) else ""
    return re.compile(before + body + after)


# Pinyin that some mirror sites insert after characters, 預(yù)估 or 3萬(wàn): not part of what the source wrote.
INSERTED_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ\s]+\)", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Simplified script, case folded, inserted pinyin dropped, white space kept only between word characters.

    Folding traditional to simplified (OpenCC) lets one lexicon entry serve both scripts: 達產后 is 达产后.
    """
    from opencc import OpenCC  # only validation reads quotes; the loader never imports it

    text = to_simplified(OpenCC, INSERTED_PINYIN.sub("", text))
    text = re.sub(r"\s+", " ", text.casefold()).strip()
    return re.sub(r"(?<![a-z0-9#]) | (?![a-z0-9#])", "", text)


_CONVERTER: list[Any] = []


def to_simplified(make: Any, text: str) -> str:
    """`text` in simplified script, with one OpenCC converter made once for the process."""
    if not _CONVERTER:
        _CONVERTER.append(make("t2s"))
    return str(_CONVERTER[0].convert(text))


def shape_of(text: str, spans: list[Span]) -> str:
    """`text` (already squashed) with every number replaced by `#`."""
    for span in sorted(spans, reverse=True):
        text = text[: span.start] + NUMBER + text[span.end :]
    return text


def read(value_text: str, lexicon: Lexicon) -> Reading:
    """What `value_text` states, read with the lexicon's words."""
    text = lexicon.rewrite(squash(value_text))
    spans = number_spans(text)
    values = tuple(s.value for s in spans)
    shape = shape_of(text, spans)
    negative = bool(lexicon.find("sign", shape))
    # Two numbers joined by a range word, a unit word or two allowed after the first (3%至5%, 3 to 5 years).
    ranged = len(values) == 2 and any(
        re.search(NUMBER + r"[^#]{0,4}?" + pattern.pattern + r"\s*" + NUMBER, shape)
        for pattern, _ in lexicon.terms["range"]
    )
    # A sign word makes the figure negative: its first number, both ends of a range, or the numerator of a
    # fraction (三分之一 writes the denominator first); never a denominator.
    numerator = 1 if FRACTION_FIRST in shape and len(values) == 2 else 0
    signed = tuple(-v if negative and v > 0 and (k == numerator or ranged) else v for k, v in enumerate(values))
    qualifiers = lexicon.meanings("qualifier", shape)
    bare = lexicon.remove(("qualifier", "sign"), shape)
    return Reading(signed, frozenset(qualifiers), ranged, negative, bare)


def units_written(shape: str, forms: dict[str, list[str]]) -> set[str]:
    """The units whose written form in `shape` is the longest match; empty when none of them matches."""
    best, length = set(), 0
    for unit, unit_forms in forms.items():
        for form in unit_forms:
            if form and term_pattern(form).search(shape):
                size = len(squash(form))
                if size > length:
                    best, length = {unit}, size
                elif size == length:
                    best.add(unit)
    return best


def written_forms(units: pd.DataFrame) -> dict[str, dict[str, list[str]]]:
    """Each dimension's units with their written forms, from the units table."""
    out: dict[str, dict[str, list[str]]] = {}
    for unit, dimension, forms in zip(units["unit"], units["dimension"], units["written_forms"], strict=True):
        if isinstance(unit, str) and isinstance(dimension, str):
            listed = [f for f in str(forms).split("|") if f.strip()] if isinstance(forms, str) else []
            out.setdefault(dimension, {})[unit] = listed
    return out
