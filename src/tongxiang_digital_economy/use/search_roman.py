"""Roman numerals in a query, read as the numbers they are: "phase II" is "phase 2".

Why: a project's phases and an event's editions are numbered, and a reader writes the number as Roman numerals as
often as in digits or words; "Phase 2", "phase two" and 二期 found the convention centre's phase two, "phase II"
nothing (trial 18, note 15). A word of capitals that is a Roman numeral of I, V and X (I to XXXIX, the phases and
editions a text numbers) is read as its number in Arabic digits, which search then reads as any number among words
(search_measured: the cells of what the rest names that write it, however written). Only capitals, beside other
words: "Xi" and "mix" are words, and "I" first in a query is the pronoun; a name that holds one is kept whole.
"""

from __future__ import annotations

import re

import pandas as pd

from .search_lexicon import normalised_in
from .search_names import names

# A Roman numeral of capitals I, V and X, as a whole word (no letter or digit either side): I to XXXIX.
ROMAN = re.compile(r"(?<![^\W_])(X{0,3})(IX|IV|V?I{0,3})(?![^\W_])")
VALUES = {"I": 1, "V": 5, "X": 10}


def roman_value(numeral: str) -> int:
    """The value of a valid Roman numeral of I, V and X (a smaller one before a larger is subtracted)."""
    total = 0
    for n, letter in enumerate(numeral):
        value = VALUES[letter]
        following = VALUES[numeral[n + 1]] if n + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def arabic(text: str) -> str:
    """`text` with each Roman numeral word (see the module docstring) written in Arabic digits; as it was when it
    has none, or when it is one word (a numeral alone is no phase of anything)."""
    if len(text.split()) < 2:
        return text

    def replaced(m: re.Match[str]) -> str:
        numeral = m.group(0)
        if not numeral or (numeral == "I" and not text[: m.start()].strip()):
            return numeral
        return str(roman_value(numeral))

    return ROMAN.sub(replaced, text)


def numbers_read(text: str, frames: dict[str, pd.DataFrame]) -> str:
    """The query with its Roman numerals in digits (arabic), unless it is a name as written."""
    read = arabic(text)
    if read == text or normalised_in(text, frames) in names(frames):
        return text
    return read
