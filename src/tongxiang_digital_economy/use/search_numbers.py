"""A number as a search query: read as a number however it is written, and found in every cell that writes it.

Why: `search 1347.1` found 9 rows and `search "1,347.1"` 1 (trial 12 m7): the value cell matched by value, but a
text cell only where it held the query's characters, so the evidence quoting 1347.1亿元 was missed by 1,347.1, and
a text writing 1,347.1 by 1347.1. A reader reads the one number in both, as the package's reader reads
`value_text` (text.numerals). So:

- A query is a number when it writes one Arabic number (thousands grouped by commas or not, a decimal part, a sign;
  full-width digits fold to ASCII) and nothing else but a unit's written form around it (the units table's
  `written_forms`: 1,347.1亿, 1347.1亿元, US$5 billion, 12%), as `value_text` writes a figure. The % a query's
  words are otherwise read without (GDP% is GDP) stays after a number: 6% finds percent figures of 6 and the
  texts that write 6% (or 6 percent, 百分之6), not every 6. A year with 年
  (2024年) stays the year reading's (use.search_years).
- A number written with a scale word (the lexicon's `unit_word`s: 亿, 万, billion, million, thousand, bn) is read
  at its size too, with the unit's word after it if any (300亿元, "30 billion yuan", "30 billion"), and finds the
  figures of that size whatever scale their unit writes: "Tongkun 30 billion" and "Tongkun 300亿" find the total
  assets of 30 billion_yuan (trial 17 W3). A size with a unit's word is one of that unit's dimension (its
  `base_unit`: 300亿元 is yuan); with none, of any (3万 is 30 thousand tonnes or 30 thousand visitors).
- A number typed whole (9150000, 9,150,000) finds the figures of that size in the units that write a number at a
  scale of their base (multiplier ÷ divisor a product of the lexicon's scale words: 915 万人次), as 915万 and "9.15
  million" do (trial 18 W3); never at a mu's 666.67 m2 or a minute's 1/1440 day.
- A number with a written form finds a text only where the form's # stands at the number and the number ends
  there: "2 million" is not the 2 of m2 or of "2 million 900 thousand tons" (review 15 R6).
- A text cell matches a number query when one of its numbers, as text.numerals reads them (1,347.1, 1347.10 and
  1347.1 alike), is the query's: an index of the package's distinct texts by the numbers they write, built on a
  number query's first use and kept with the package (`numbers_index`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from ..text.fold import casefolded as fold
from ..text.fold import number_point, squash
from ..text.numerals import number_spans
from ..text.quantities import NUMBER as MARK  # what stands for the number in a unit's written form
from .search_cells import SearchedPackage
from .search_kept import kept_with
from .search_lexicon import normalised, small_words
from .search_query import Query
from .search_years import year_with_word

# One Arabic number as a text writes it: digits, thousands grouped by commas or not, a decimal part, a minus sign
# ("-18.69%" is the value -18.69; trial 10 m10); not part of a longer number.
NUMBER = re.compile(r"(?<![\d.,])[-\u2212]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]|\.\d)")
# A percent sign right after the number (6%, ６％ folded): a query of a percent figure, read as the units whose
# written form is #% (trial 16 m5: `search 6%` was `search 6`, 94 rows of sixth editions, 6个项目 and 6年来).
PERCENT = re.compile(r"\d\s*%")
# A URL's percent escape (%E6, %90): the digits in one are no number, and the % after them no percent sign. Only
# in a URL (URL_CONTEXT in the run of the characters a URL may hold that the number is in; Chinese prose has no
# space to end a run, so a URL elsewhere in its sentence is not the number's): in prose, 50%3年 is 50% and 3年,
# 6%A股 is 6% and A股 (review 13 R11, review 14 R3).
ESCAPE = re.compile(r"%[0-9A-Fa-f]{0,1}\d|\d%[0-9A-Fa-f]")
URL_CONTEXT = re.compile(r"://|(?:%[0-9A-Fa-f]{2}){2}")
URL_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%._~:/?#@!$&'()*+,;=-")


@dataclass(frozen=True)
class NumberQuery:
    """A query read as a number: its value, and the units whose written form it writes around it (none for a bare
    number) with all their forms, folded and squashed (`1,347.1亿`: yi_yuan and yi, #亿元, #亿, ...)."""

    value: float
    units: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    signed: bool = False  # the query writes its sign: -90.02 finds the fall only
    # the sizes it writes with a scale word or a unit (300亿元: 3e10 yuan; "30 billion": 3e10 of any base unit, None)
    sizes: tuple[tuple[str | None, float], ...] = ()
    # typed whole, the sizes of one of a unit at which it is a figure's size too (9150000 is 915万人次, trial 18 W3):
    # the products of the lexicon's scale words (10, 1e4, 1e8...), never a mu's 666.67 m2 or a minute's 1/1440 day
    whole: frozenset[float] = frozenset()
    # an ordinal (第1, 1st, 第一): a place, the figures in the units that hold places only, and no text by its bare
    # number (a text writing "one" or 1 is no first place; review 16 R7)
    place: bool = False

    @property
    def values(self) -> tuple[float, ...]:
        """The values it finds: a number typed without a sign finds the figure of either sign (90.02 finds
        同比-90.02%: a reader types the size of a fall; trial 16 W2); one typed with its sign, that figure only."""
        return (self.value,) if self.signed or self.value == 0 else (self.value, -self.value)


def number_query(
    text: str,
    units: pd.DataFrame | None = None,
    year_words: tuple[str, ...] = (),
    scales: tuple[tuple[str, float], ...] = (),
    counters: tuple[tuple[str, str], ...] = (),
) -> NumberQuery | None:
    """The query read as a number (see the module docstring), else None; a year written with one of the lexicon's
    `year_words` (2024年, search_lexicon.SmallWords) is the year reading's, no number. With the lexicon's `scales`
    (SmallWords.scales), a number with scale words is read at its size as well; with its `counters` (measure words:
    个, 家, 名), a number they follow is a size of their base unit (34家: 34 of count; 3万人: 30000)."""
    folded = normalised(text)
    found = list(NUMBER.finditer(folded))
    if len(found) != 1 or year_with_word(year_words).fullmatch(folded):
        return None
    at = found[0]
    value = float(at.group(0).replace(",", "").replace("\u2212", "-"))
    signed = at.group(0)[:1] in "-\u2212"
    shape = squash(f"{folded[: at.start()]}{MARK}{folded[at.end() :]}")
    percent = shape == MARK and PERCENT.search(number_point(fold(text))) is not None  # normalised drops an edge %
    if shape == MARK and not percent:
        return NumberQuery(value, signed=signed, whole=scale_products(scales))
    written = unit_shapes(units)
    meant = frozenset(unit for unit, forms in written.items() if (squash(f"{MARK}%") if percent else shape) in forms)
    size, after = scaled(folded[at.end() :], scales)
    bare = squash(f"{folded[: at.start()]}{MARK}{after}")
    of_size = [u for u, forms in written.items() if bare in forms] if size != 1 else []
    counted = counted_in(after, counters) if folded[: at.start()].strip() == "" else None
    if not meant and not (size != 1 and (bare == MARK or of_size)) and counted is None:
        return NumberQuery(value, signed=signed) if percent else None  # no units table: -18.69% is the number
    factors = unit_sizes(units)
    sizes: list[tuple[str | None, float]] = [(factors[u][0], value * factors[u][1]) for u in meant if u in factors]
    if size != 1:
        sizes += [(factors[u][0], value * size * factors[u][1]) for u in of_size if u in factors]
        sizes += [(None, value * size)] if bare == MARK else []
    sizes += [(counted, value * size)] if counted is not None else []
    # a text writes it with a form of its units or as the query does ("30 billion tons"), not with its base's (元)
    forms = frozenset(f for unit in meant for f in written[unit]) | ({shape} if size != 1 or counted else set())
    return NumberQuery(value, meant, forms, signed, tuple(dict.fromkeys(sizes)))


def scaled(after: str, scales: tuple[tuple[str, float], ...]) -> tuple[float, str]:
    """The scale words that follow a number (`after` it, folded: " billion yuan", 亿元, "hundred million"), as their
    product (1 for none) and what follows them. A Latin word is one whole (30 km is no thousand)."""
    size = 1.0
    while True:
        rest = after.lstrip()
        term = next((t for t, _ in scales if rest.startswith(t) and not cut_word(t, rest)), None)
        if term is None:
            return size, after
        size *= dict(scales)[term]
        after = rest[len(term) :]


def scale_products(scales: tuple[tuple[str, float], ...], largest: float = 1e18) -> frozenset[float]:
    """Every product of the lexicon's scale words' sizes above 1, up to `largest` (万 and 亿: 1e4, 1e8, 1e12...):
    the sizes of a unit that writes a number at a scale (wan_person_times, yi_yuan; yi_yi_ops_per_second)."""
    sizes = {size for _, size in scales if size > 1}
    products, grown = set(sizes), set(sizes)
    while grown:
        grown = {p * size for p in grown for size in sizes if p * size <= largest} - products
        products |= grown
    return frozenset(products)


def counted_in(after: str, counters: tuple[tuple[str, str], ...]) -> str | None:
    """The base unit the measure words after a number count in (their lexicon meaning: count), when `after` is
    only measure words (家, 人次, 个): 34家 counts 34; None for anything else."""
    rest, meanings = after.strip(), set()
    while rest:
        found = next(((t, m) for t, m in counters if rest.startswith(t)), None)
        if found is None:
            return None
        meanings.add(found[1])
        rest = rest[len(found[0]) :].strip()
    return meanings.pop() if len(meanings) == 1 else None


def cut_word(term: str, text: str) -> bool:
    """Whether `term`, a Latin word, is only the beginning of the word `text` begins with (k of km)."""
    return LATIN_START.match(term) is not None and text[len(term) : len(term) + 1].isalpha()


LATIN_START = re.compile(r"[a-z]")


def number_in(text: str, units: pd.DataFrame | None = None, year_words: tuple[str, ...] = ()) -> float | None:
    """The number a query is (3694, 3,694, ３６９４, 1347.10, 1,347.1亿 with the units table), else None: a figure's
    value cell holds it however its value_text writes it (trial 9 m9, trial 12 m7)."""
    read = number_query(text, units, year_words)
    return None if read is None else read.value


def unit_shapes(units: pd.DataFrame | None) -> dict[str, frozenset[str]]:
    """Each unit's written forms as a query's shape is compared with them (folded, squashed); none without units."""
    if units is None or not {"unit", "written_forms"} <= set(units.columns):
        return {}

    def read() -> dict[str, frozenset[str]]:
        out = {}
        for unit, cell in zip(units["unit"], units["written_forms"], strict=True):
            forms = [f for f in str(cell).split("|") if f.strip()] if isinstance(cell, str) else []
            out[str(unit)] = frozenset(squash(fold(f)) for f in forms)
        return out

    return kept_with((units,), "unit_shapes", read)


def unit_sizes(units: pd.DataFrame | None) -> dict[str, tuple[str, float]]:
    """Each unit -> its base unit and the size of one of it in that base (multiplier ÷ divisor): yi_yuan -> (yuan,
    1e8); none without units."""
    if units is None or not {"unit", "base_unit", "multiplier", "divisor"} <= set(units.columns):
        return {}

    def read() -> dict[str, tuple[str, float]]:
        rows = zip(units["unit"], units["base_unit"], units["multiplier"], units["divisor"], strict=True)
        return {str(u): (str(b), float(m) / float(d)) for u, b, m, d in rows if pd.notna(m) and pd.notna(d) and d}

    return kept_with((units,), "unit_sizes", read)


def of_the_size(
    number: NumberQuery, values: np.ndarray, units: np.ndarray, sizes: dict[str, tuple[str, float]]
) -> np.ndarray:
    """Which of these figures' values (in these units) are the number: its value in one of its units (any unit for a
    bare number), or its size in its unit's base (300亿 is 30 billion_yuan; a size with no unit, any base). A number
    with a scale word and no unit (30 trillion) is no figure of 30 in some other unit."""
    hit = np.isin(values, list(number.values))
    if number.units:
        hit &= np.isin(units, list(number.units))
    elif number.sizes:
        hit[:] = False
    if not number.sizes and not number.whole:
        return hit
    base = np.array([sizes.get(str(u), (None, np.nan))[0] for u in units], dtype=object)
    factor = np.array([sizes.get(str(u), (None, np.nan))[1] for u in units], dtype=float)
    size = values.astype(float) * factor
    if number.whole:  # 9150000 typed whole: the figures of 915 in 万人次 (a unit at a scale of its base)
        scaled = np.isin(factor, list(number.whole))
        for target in number.values:
            hit |= scaled & np.isclose(size, target, rtol=1e-9, atol=0.0)
    for of_base, wanted in number.sizes:
        same = np.ones(len(values), dtype=bool) if of_base is None else base == of_base
        targets = (wanted,) if number.signed or wanted == 0 else (wanted, -wanted)
        for target in targets:
            hit |= same & np.isclose(size, target, rtol=1e-9, atol=0.0)
    return hit


def numbers_index(package: SearchedPackage) -> dict[Decimal, list[int]]:
    """Each number the package's distinct texts write (text.numerals) -> the texts' numbers (SearchedPackage.texts),
    made on first use and kept with the package."""
    if package.numbers is None:
        index: dict[Decimal, list[int]] = {}
        for n, text in enumerate(package.texts):
            for value in dict.fromkeys(span.value for span in number_spans(text)):
                index.setdefault(value, []).append(n)
        package.numbers = index
    return package.numbers


def texts_writing(number: NumberQuery, package: SearchedPackage) -> list[int]:
    """The package's distinct texts (by number) that write the number in any way (1,347.1, 1347.10), with one of its
    units' written forms around it when the query writes one (1347.1亿 finds 1,347.1亿元, not 1347.1万)."""
    if number.place:
        return []
    index = numbers_index(package)
    values = [Decimal(repr(v)) for v in number.values]
    candidates = sorted({n for value in values for n in index.get(value, [])})
    if not number.forms:
        return candidates
    scales = small_words(package.frames).scales
    return [n for n in candidates if any(with_unit(package.texts[n], v, number.forms, scales) for v in values)]


def with_unit(text: str, value: Decimal, forms: frozenset[str], scales: tuple[tuple[str, float], ...] = ()) -> bool:
    """Whether `text` writes `value` with one of the written `forms` (#亿元, US$#) around it, the form's # at the
    number (the m of `#m2` in the units table is no million after its 2: review 15 R6), and the number ends there
    (2 million in "2 million 900 thousand tons" is part of 2.9 million; `scales`, the lexicon's scale words); a
    URL's escape (%E6%A1…) writes no number."""
    shapes = [form.split(MARK, 1) for form in forms if MARK in form]
    for span in number_spans(text):
        if span.value == value and not escaped(text, span.start, span.end):
            before = text[max(0, span.start - REACH) : span.start]
            around = squash(fold(f"{before}{MARK}{text[span.end : span.end + REACH]}"))
            marks = marks_at(around)  # the # that stands for this number, not a # the text writes (the units')
            at = marks[min(fold(before).count(MARK), len(marks) - 1)]
            after = around[at + 1 :]
            for left, right in shapes:
                ends = not (right and continued(after[len(right) :], scales))
                if around[:at].endswith(left) and after.startswith(right) and ends:
                    return True
    return False


def continued(rest: str, scales: tuple[tuple[str, float], ...]) -> bool:
    """Whether `rest`, what follows a number and its scale or unit, is a further part of the same number: another
    number with a scale word (" 900 thousand tons" after "2 million", 9000万 after 2亿)."""
    more = LEADING_NUMBER.match(rest)
    return more is not None and scaled(rest[more.end() :], scales)[0] != 1


LEADING_NUMBER = re.compile(r"\s?\d+(?:\.\d+)?")


def marks_at(text: str) -> list[int]:
    """Where `text` holds the number's mark (MARK), in order."""
    return [at for at, char in enumerate(text) if char == MARK]


def escaped(text: str, start: int, end: int) -> bool:
    """Whether the number at `start:end` of `text` is part of a URL's percent escape (ESCAPE, in URL_CONTEXT)."""
    if not ESCAPE.search(text[max(0, start - 2) : end + 1]):
        return False
    first, last = start, end
    while first > 0 and text[first - 1] in URL_CHARACTERS:
        first -= 1
    while last < len(text) and text[last] in URL_CHARACTERS:
        last += 1
    return URL_CONTEXT.search(text[first:last]) is not None


REACH = 24  # the characters read on each side of a number for its unit's written form


def words_and_numbers(query: Query, package: SearchedPackage, year_words: tuple[str, ...] = ()) -> frozenset[int]:
    """The texts (by number) that hold the query's words, and each number the query writes as a word whole, however
    written: "Phase 2" is the texts that write "phase" and 2, two or 二 ("phase two", 会展中心二期), not "phase one"
    beside 2018, whose digits begin with 2 (review 14 R10; a number alone is matched so since trial 15 m12)."""
    numbers = [
        (term, number_query(term.part, None, year_words))
        for term in query.terms
        if term.part and WHOLE_NUMBER.fullmatch(term.part)
    ]
    numbered = [(term, read) for term, read in numbers if read is not None]
    if not numbered or len(numbered) == len(query.terms):
        return package.cells.matching(query.terms)
    kept = tuple(t for t in query.terms if t not in {term for term, _ in numbered})
    found = package.cells.matching(kept)
    for _, read in numbered:
        found = found & frozenset(texts_writing(read, package))
    return found


WHOLE_NUMBER = re.compile(r"\d+(?:\.\d+)?")  # a query's word that is a number: matched as one, not as digits


def valued_cells(frame: pd.DataFrame, column: str, number: NumberQuery, units: pd.DataFrame | None) -> np.ndarray:
    """The cells of a number column that hold the number: 90.02 finds -90.02 too; in a table of figures, one of its
    units' (1347.1亿: in 亿元) or of its size (300亿: 30 billion yuan; of_the_size)."""
    values = frame[column].to_numpy(dtype=float, na_value=np.nan)
    if "unit" not in frame.columns:
        return np.isin(values, list(number.values))
    written = frame["unit"].astype(object).to_numpy(dtype=object)
    if column in FIGURE_VALUES:
        return of_the_size(number, values, written, unit_sizes(units))
    return np.isin(values, list(number.values)) & (np.isin(written, list(number.units)) if number.units else True)


FIGURE_VALUES = ("value", "value_upper")  # a figure's values, in its unit (a unit's multiplier is of no unit)


def shown_value(value: object, written: object) -> str:
    """A figure's value cell as search shows it: the number, and its value_text when that writes it otherwise (13600
    (13600万元): a reader sees why 1.36亿 found it; trial 19 m1)."""
    number = f"{float(str(value)):.15g}"
    return f"{number} ({written})" if isinstance(written, str) and written.strip() != number else number
