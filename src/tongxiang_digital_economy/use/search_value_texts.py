"""A figure's value as its `value_text` writes it, read in a search query by the package's own quantity reader.

Why: "Tongxiang 增长4.7%", "Tongxiang 下降4.6%", "World Internet Conference 三天", "Tongxiang 第24位", "Tongxiang
翻番", "Tongxiang top 20", "Tongkun Group 362nd" each quote a figure's value_text after its subject's name, and each
said "no rows mention" (scripts/search-recall --scaled, "as written": 131 of 786 missed): a search number is Arabic
digits with a unit's written form or a scale word (use.search_numbers), and these write a sign word, a Chinese or
English numeral, an ordinal or a phrase (翻番 is 2倍). The validator already reads every value_text (text.quantities:
the lexicon's `sign`, `sign_gap`, `qualifier`, `reads_as` and numeral words), so the query's last words are read
the same way, and the number it reads is taken with what is left of its words once the lexicon's words that only
frame it are read past:

- a sign word and the words between it and the number (下降, 增长, growth, 为: `sign`, and `sign_gap` of meaning
  `particle` or `between`) give the number its sign and are no unit: 下降4.6% is -4.6%, 增长三成 is 3成;
- an ordinal's words (`ordinal_word`: 第, th, 位, 名, top #) make the number a place: 第24位 and 25th are the
  figures of 24 and 25 in the units that hold places (the units table's `rank` dimension), with their measure words
  (第13家, 第三名), and no text by its bare number (第1 is no 一天, no "One of Tongxiang's ..."; review 16 R7);
- what is left must be a unit's written form or the lexicon's measure words (三天 is 3 days, 五家 5 of count), else
  the words are no value the reader knows (12个赛区: 赛区 is no unit's word) and the query is read as before.

A reading of one number only: a ratio's parts (2.3:49.4:48.3) or a fraction are several figures' values.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from ..text.quantities import BEFORE_NUMBER, NUMBER, Lexicon, read
from .search_kept import kept_with
from .search_lexicon import SmallWords
from .search_numbers import NumberQuery, number_query

# The lexicon's words of an ordinal and what it counts, read past in a place (see the module docstring).
ORDINAL = ("ordinal_word", "measure_word")


def quantity_lexicon(frames: dict[str, pd.DataFrame]) -> Lexicon | None:
    """The lexicon as the quantity reader reads it (text.quantities.Lexicon), once per loaded lexicon; None without
    one."""
    lexicon = frames.get("lexicon")
    if lexicon is None or not {"term", "category", "meaning"} <= set(lexicon.columns):
        return None
    return kept_with((lexicon,), "quantity_lexicon", lambda: Lexicon.from_frame(lexicon))


def value_as_written(written: str, frames: dict[str, pd.DataFrame], small: SmallWords) -> NumberQuery | None:
    """`written` (a query's last words) read as a value_text is (see the module docstring), else None."""
    lexicon = quantity_lexicon(frames)
    if lexicon is None:
        return None
    reading = read(written, lexicon)
    if len(reading.numbers) != 1:
        return None
    # a sign word, and the particles and growth words between it and the number (`sign_gap` of those meanings; its
    # rate words after a number, % and 个百分点, are a unit's)
    shape = lexicon.remove(("sign_gap",), lexicon.remove(("sign",), reading.shape), BEFORE_NUMBER)
    place = bool(lexicon.find("ordinal_word", shape))
    if place:  # a place: 第24位 is 24, of the units that hold places (the units table's `rank` dimension)
        shape = lexicon.remove(ORDINAL, shape)
    value = reading.numbers[0]
    if NUMBER not in shape or shape.count(NUMBER) != 1:
        return None
    typed = shape.replace(NUMBER, f"{abs(value):f}").strip()
    number = number_query(typed, frames.get("units"), small.year_words, small.scales, small.counters)
    if number is None or number.value != float(abs(value)):
        return None
    if place:  # 第1 is no figure of 1 day nor a text writing "one" (review 16 R7)
        return NumberQuery(float(value), place_units(frames.get("units")), signed=value < 0, place=True)
    return NumberQuery(
        float(value), number.units, number.forms, value < 0, signed_sizes(number.sizes, value), number.whole
    )


PLACES = "rank"  # the units table's dimension of the units that hold places (rank: 1 is first)


def place_units(units: pd.DataFrame | None) -> frozenset[str]:
    """The units a place is recorded in: the units table's of the rank dimension."""
    if units is None or not {"unit", "dimension"} <= set(units.columns):
        return frozenset()
    return frozenset(units.loc[units["dimension"] == PLACES, "unit"].astype(str))


def signed_sizes(sizes: tuple[tuple[str | None, float], ...], value: Decimal) -> tuple[tuple[str | None, float], ...]:
    """The sizes of a number read without its sign, with the sign its sign word gives (下降4.6万: -46000)."""
    return tuple((base, -size) for base, size in sizes) if value < 0 else sizes
