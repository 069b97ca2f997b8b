"""Reading a quoted quantity back into its claim: numbers with their sign, qualifier words, ranges and units."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.text.fold import literal_spans
from tongxiang_digital_economy.text.quantities import Lexicon, read, unit_reading, written_forms

LEXICON = Lexicon.from_frame(tde.load("lexicon"))
UNITS = tde.load("units")
FORMS = written_forms(UNITS)
DIMENSION = dict(zip(UNITS["unit"], UNITS["dimension"], strict=True))

# value_text -> numbers read (signed), qualifiers, is a range
READINGS = [
    ("108.86億元", ["108.86"], set(), False),
    ("1700余家", ["1700"], {"gt"}, False),
    ("more than 50 percent", ["50"], {"gt"}, False),
    ("37.73 billion yuan", ["37.73"], set(), False),
    ("US$5.41 billion", ["5.41"], set(), False),
    ("三分之一", ["3", "1"], set(), False),
    ("ranked second", ["2"], set(), False),
    ("翻了8倍", ["8"], set(), False),
    ("2,507", ["2507"], set(), False),
    ("下降4.4%", ["-4.4"], set(), False),
    ("负4.4%", ["-4.4"], set(), False),
    ("fell by 4.4 percent", ["-4.4"], set(), False),
    ("down 3 places", ["-3"], set(), False),
    ("-4.4%", ["-4.4"], set(), False),
    ("6%以上", ["6"], {"gte"}, False),
    ("约3000立方米", ["3000"], {"approx"}, False),
    ("将近3000立方米", ["3000"], {"approx"}, False),
    ("nearly 4 times", ["4"], {"approx"}, False),
    ("不到10%", ["10"], {"lt"}, False),
    ("3至5年", ["3", "5"], set(), True),
    ("3 to 5 years", ["3", "5"], set(), True),
    ("翻番", ["2"], set(), False),
    ("翻两番", ["4"], set(), False),
    ("doubled", ["2"], set(), False),
    ("三点五亿元", ["3.5"], set(), False),
    ("3万多家", ["3"], {"gt"}, False),
    ("前50名", ["50"], {"lte"}, False),
    ("Top 500", ["500"], {"lte"}, False),
    ("預(yù)估3萬(wàn)多家", ["3"], {"gt"}, False),  # pinyin a mirror inserted is not the source's
]


@pytest.mark.parametrize(("text", "numbers", "qualifiers", "ranged"), READINGS)
def test_read(text: str, numbers: list[str], qualifiers: set[str], ranged: bool) -> None:
    reading = read(text, LEXICON)
    assert [str(n) for n in reading.numbers] == numbers
    assert reading.qualifiers == qualifiers
    assert reading.is_range is ranged


# value_text, the row's unit -> the units whose written form the quote uses (empty: none, a bare count)
WRITTEN_IN = [
    ("108.86億元", "yi_yuan", {"yi_yuan"}),  # 億元, never 元: the longest form decides
    ("165亿元", "yuan", {"yi_yuan"}),
    ("6000多万元", "wan_yuan", {"wan_yuan"}),
    ("37.73 billion yuan", "million_yuan", {"billion_yuan"}),
    ("planned investment of 25.9 billion yuan", "billion_yuan", {"billion_yuan"}),
    ("US$5.41 billion", "usd", {"billion_usd"}),
    ("$3.77 billion", "billion_usd", {"billion_usd"}),
    ("18億億次", "ops_per_second", {"yi_yi_ops_per_second"}),
    ("3万多家", "count", {"wan"}),
    ("1700余家", "count", set()),
    ("2,507", "count", set()),
    ("81.8%", "percent", {"percent"}),
    ("百分之五十", "percent", {"percent"}),
    ("8.5个百分点", "percentage_point", {"percentage_point"}),
    ("翻了8倍", "times", {"times"}),
    ("翻番", "times", {"times"}),
    ("67亩", "mu", {"mu"}),
    ("110平方公裡", "km2", {"km2"}),
    ("三分之一", "fraction", {"fraction"}),
    ("one third", "fraction", {"fraction"}),
    ("2.3:49.4:48.3", "ratio_part", {"ratio_part"}),
    ("ranked second", "rank", set()),  # a rank has no scale: any way of writing it will do
    ("前50名", "rank", set()),
]


@pytest.mark.parametrize(("text", "unit", "written"), WRITTEN_IN)
def test_units_written(text: str, unit: str, written: set[str]) -> None:
    reading = read(text, LEXICON)
    assert set(unit_reading(reading.shape, FORMS[DIMENSION[unit]])[0]) == written


def test_a_reading_describes_itself_for_messages() -> None:
    assert read("1700余家", LEXICON).describe() == "1700 (gt)"
    assert read("3至5年", LEXICON).describe() == "3 to 5"
    assert read("三分之一", LEXICON).numbers == (Decimal(3), Decimal(1))


def test_each_category_finds_what_an_alternation_of_its_terms_finds() -> None:
    """The category patterns mark each term after its first character (so the regex engine skips positions no term
    starts at): over every quote and evidence of the shipped package, squashed and as written, they find the same
    spans and the same terms as the plain alternation of the terms' own patterns, longest first."""
    import re

    from tongxiang_digital_economy.text.quantities import squash, term_pattern

    lexicon = Lexicon.from_frame(tde.load("lexicon"))
    indicators = tde.load("indicators")
    texts = {t for c in ("value_text", "evidence") for t in indicators[c].dropna()}
    texts |= {squash(t) for t in texts}
    compared = 0
    for category, pattern in lexicon.patterns.items():
        terms = lexicon.terms_of[category]
        plain = re.compile("|".join(f"(?P<t{k}>{term_pattern(t).pattern})" for k, t in enumerate(terms)))
        for text in texts:
            found = [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
            assert found == [(m.span(), m.lastgroup) for m in plain.finditer(text)], (category, text)
            compared += len(found)
    assert compared > 1000


def test_a_written_form_is_found_without_a_pattern_of_its_own() -> None:
    """The readers find a written form, a quote or a name as a literal (text.fold.literal_spans), compiling no
    pattern per text (a cold validation compiled 1,946, more than the `re` module's own cache holds), and fold each
    form once per process (passage_numbers.form_edges)."""
    from tongxiang_digital_economy.text.fold import regex
    from tongxiang_digital_economy.text.passage_numbers import form_edges, form_positions

    regex.cache_clear()
    form_edges.cache_clear()
    forms = [f"形式{n}" for n in range(600)]  # more than re's own cache (512)
    for _ in range(3):
        assert form_positions("形式7和形式599", forms) == [(0, 3), (4, 9)]
    assert regex.cache_info().misses == 0
    assert form_edges.cache_info().misses == len(forms)


@given(
    text=st.text(alphabet="ab1 元亿x", max_size=12),
    literal=st.text(alphabet="ab1 元", max_size=3),
    start=st.integers(0, 12),
    end=st.one_of(st.none(), st.integers(0, 14)),
    edges=st.sampled_from(["", "[a-z]", "[a-z0-9]"]),
)
def test_a_literal_is_found_where_its_escaped_pattern_is(
    text: str, literal: str, start: int, end: int | None, edges: str
) -> None:
    """literal_spans (str.find, no pattern compiled per quote or name) finds what `re.finditer` of the escaped
    literal finds, with `edges` as a lookbehind and a lookahead (a Latin word's whole-word edges), within bounds."""
    pattern = re.escape(literal)
    if edges:
        pattern = f"(?<!{edges}){pattern}(?!{edges})"
    expected = [m.span() for m in re.compile(pattern).finditer(text, start, len(text) if end is None else end)]
    kept = frozenset("abcdefghijklmnopqrstuvwxyz" + ("0123456789" if "0" in edges else "")) if edges else frozenset()
    assert literal_spans(text, literal, start, end, before=kept, after=kept) == expected
