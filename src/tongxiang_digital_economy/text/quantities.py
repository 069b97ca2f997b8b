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
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

import pandas as pd

from .fold import loose as loose  # for the tests (test_clause_lexicon_words); the library reads text.fold
from .fold import squash as squash  # for the tests (test_quantities); the library reads text.fold
from .numerals import Span, number_spans

T = TypeVar("T")

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
    """The lexicon table's terms by category: one pattern per category, longest terms first, and their meanings.

    One alternation per category (not one regex per term) keeps reading a quote linear in its length whatever
    the lexicon's size; a blank term or one that is only a number placeholder is no word and is left out (the
    lexicon rules report it).
    """

    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    meanings_of: dict[str, list[str]] = field(default_factory=dict)
    terms_of: dict[str, list[str]] = field(default_factory=dict)  # each category's terms, longest first
    # What `alternation` and `terms` gave, by their arguments: the quote readers ask them once per quote, and a
    # lexicon is not changed once read (from_frame).
    asked: dict[tuple[str, str, str | None], Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Lexicon:
        lexicon = cls()
        rows = [
            (str(term), str(category), str(meaning))
            for term, category, meaning in zip(frame["term"], frame["category"], frame["meaning"], strict=True)
            if isinstance(term, str) and term.strip(NUMBER + " ") and isinstance(category, str)
        ]
        by_category: dict[str, list[tuple[str, str]]] = {}
        for term, category, meaning in sorted(rows, key=lambda r: -len(squash(r[0]))):
            by_category.setdefault(category, []).append((term, meaning))
        for category, terms in by_category.items():
            alternatives = [marked_term(term, k) for k, (term, _) in enumerate(terms)]
            lexicon.patterns[category] = re.compile("|".join(alternatives))
            lexicon.meanings_of[category] = [meaning for _, meaning in terms]
            lexicon.terms_of[category] = [term for term, _ in terms]
        return lexicon

    def once(self, what: str, make: Callable[[], T]) -> T:
        """make(), once per lexicon and `what`: the words a reader compiles of a lexicon (text.period_words'
        PeriodWords, text.clause_words' ClauseWords) cost milliseconds, and every validation asks for them again."""
        key = ("once", what, None)
        if key not in self.asked:
            self.asked[key] = make()
        made: T = self.asked[key]
        return made

    def alternation(self, category: str, meaning: str | None = None) -> str | None:
        """The terms of a category (of one meaning, if given) as one regular expression, longest first, without
        groups, for a caller that anchors it (`(?:…)\\s?$`): None where the lexicon has none. A string, not a
        compiled pattern, so that a view column carrying it is hashed by its whole text."""
        key = ("alternation", category, meaning)
        if key not in self.asked:
            self.asked[key] = self.alternation_of(category, meaning)
        return str(self.asked[key]) if self.asked[key] is not None else None

    def alternation_of(self, category: str, meaning: str | None) -> str | None:
        """`alternation`, made."""
        terms = self.terms_of.get(category, [])
        meanings = self.meanings_of.get(category, [])
        chosen = [t for t, m in zip(terms, meanings, strict=True) if meaning is None or m == meaning]
        return "|".join(term_pattern(t).pattern for t in chosen) or None

    def terms(self, category: str, meaning: str) -> tuple[str, ...]:
        """The terms of a category of one meaning, longest first (none where the lexicon lists none)."""
        key = ("terms", category, meaning)
        if key not in self.asked:
            pairs = zip(self.terms_of.get(category, []), self.meanings_of.get(category, []), strict=True)
            self.asked[key] = tuple(t for t, m in pairs if m == meaning)
        found: tuple[str, ...] = self.asked[key]
        return found

    def find(self, category: str, text: str) -> list[tuple[re.Match[str], str]]:
        """Every non-overlapping occurrence of a term of `category` in `text`, left to right, longest first."""
        pattern = self.patterns.get(category)
        if pattern is None:
            return []
        meanings = self.meanings_of[category]
        return [(m, meanings[int(str(m.lastgroup)[1:])]) for m in pattern.finditer(text)]

    def rewrite(self, text: str) -> str:
        """A phrase read as what it means: 翻番 as 2倍, "doubled" as "2 times", 截至 (as of) as 截止."""
        for match, meaning in reversed(self.find("reads_as", text)):
            text = text[: match.start()] + squash(meaning) + text[match.end() :]
        return text

    def meanings(self, category: str, text: str) -> set[str]:
        return {meaning for _, meaning in self.find(category, text)}

    def touching(self, categories: Iterable[str], before: str, after: str) -> list[str]:
        """The terms of these categories that end where `before` ends or start where `after` starts.

        Chinese words must touch the quote (近100, 100多); English ones may stand a space away and come before it
        (about 100), after it only as 'or more' or '+': 'over the past years' after a number is no qualifier.
        """
        found = []
        for category in categories:
            for text in {before, before.rstrip()}:
                found += [
                    m[0]
                    for m, _ in self.find(category, text)
                    if m.end() == len(text) and (text == before or re.search(r"[a-z]$", m[0]))
                ]
            for text in {after, after.lstrip()}:
                found += [
                    m[0]
                    for m, _ in self.find(category, text)
                    if m.start() == 0
                    and (not re.match(r"[a-z]", m[0]) or m[0].startswith("or "))
                    and (text == after or not re.match(r"[^a-z]", m[0]))
                ]
        return list(dict.fromkeys(found))

    def remove(self, categories: Iterable[str], text: str, meanings: Collection[str] | None = None) -> str:
        """`text` without the terms of these categories (qualifier and sign words leave a unit's shape bare); of
        `meanings` only, where given."""
        for category in categories:
            for match, meaning in reversed(self.find(category, text)):
                if meanings is not None and meaning not in meanings:
                    continue
                kept = NUMBER if NUMBER in match[0] else ""  # a term around a number (前#) leaves the number
                text = text[: match.start()] + kept + text[match.end() :]
        return text


@functools.lru_cache(maxsize=16384)
def term_pattern(term: str) -> re.Pattern[str]:
    """A term as a pattern: `#` is any number, and a term that starts or ends with a letter is a whole word
    (compiled once per term in a process)."""
    parts = [re.escape(part) for part in squash(term).split(NUMBER)]
    body = NUMBER.join(parts).replace(r"\ ", r"\s*")
    before = r"(?<![a-z])" if re.match(r"[a-z]", term.casefold()) else ""
    after = r"(?![a-z])" if re.search(r"[a-z]$", term.casefold()) else ""
    return re.compile(before + body + after)


def marked_term(term: str, k: int) -> str:
    """term_pattern's pattern, marked as alternative `k` of a category's alternation by an empty group `t{k}` after
    its first character (`find` reads the term matched from `lastgroup`), and its whole-word look-behind moved
    after that character (`(?<![a-z])ab` as `a(?<![a-z]a)b`, which accepts the same places).

    Why: an alternation whose every branch starts with a plain character lets Python's regex engine skip the
    positions where no term can start and try at each position only the branches of its character; a branch
    that opened with a group or a look-behind made it try every term at every position (cold validate: 1.7 s of
    29,882 finds)."""
    parts = [re.escape(part) for part in squash(term).split(NUMBER)]
    body = NUMBER.join(parts).replace(r"\ ", r"\s*")
    head = body[:2] if body.startswith("\\") else body[:1]
    before = f"(?<![a-z]{head})" if re.match(r"[a-z]", term.casefold()) else ""
    after = r"(?![a-z])" if re.search(r"[a-z]$", term.casefold()) else ""
    return f"{head}{before}(?P<t{k}>){body[len(head) :]}{after}"


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
    negative = sign_bears(shape, lexicon)
    # Two numbers joined by a range word, a unit word or two allowed after the first (3%至5%, 3 to 5 years).
    joins = lexicon.patterns.get("range")
    ranged = (
        len(values) == 2
        and joins is not None
        and re.search(NUMBER + r"[^#]{0,4}?(?:" + joins.pattern + r")\s*" + NUMBER, shape) is not None
    )
    # A sign word makes the figure negative: its first number, both ends of a range, or the numerator of a
    # fraction (三分之一 writes the denominator first); never a denominator.
    numerator = 1 if FRACTION_FIRST in shape and len(values) == 2 else 0
    signed = tuple(-v if negative and v > 0 and (k == numerator or ranged) else v for k, v in enumerate(values))
    if ranged:  # a range is read low to high, whichever end the source writes first (下降3%至5% is -5 to -3)
        signed = tuple(sorted(signed))
    qualifiers = lexicon.meanings("qualifier", shape)
    bare = lexicon.remove(("qualifier", "sign"), shape)
    return Reading(signed, frozenset(qualifiers), ranged, negative, bare)


# The `sign_gap` meanings of the words that may stand between a sign word and the number after it.
BEFORE_NUMBER = ("particle", "between")


@functools.lru_cache(maxsize=64)
def number_before(rate_words: str | None) -> re.Pattern[str]:
    """A number ending where a sign word after it starts, perhaps with a rate's word between (the lexicon's
    `sign_gap` `after` terms, `rate_words`: a 5% drop, 3 percent decline); compiled once per lexicon."""
    return re.compile(NUMBER + r"\s*" + (f"(?:{rate_words})?" if rate_words else "") + r"\s*$")


def sign_bears(shape: str, lexicon: Lexicon) -> bool:
    """Whether a sign word of the quote bears on its number: it comes before the number with only qualifier
    words and the lexicon's `sign_gap` particles and growth words between (meanings `particle` and `between`:
    下降了约4.6%, fell by more than 10 percent, 负增长3%, 减少了三分之一), or right after it, perhaps with a rate's
    word between (`sign_gap` `after`: a 5% drop).

    A sign word elsewhere is part of another word and negates nothing: 减税降费50亿元 (tax and fee cuts of 5
    billion), 降本增效10%, a drop-off of 5%.
    """
    for match, _ in lexicon.find("sign", shape):
        number = shape.find(NUMBER, match.end())
        if number >= 0:
            between = lexicon.remove(("qualifier", "sign_gap"), shape[match.end() : number], BEFORE_NUMBER)
            if not between.replace(NUMBER, "").strip():
                return True
        if number_before(lexicon.alternation("sign_gap", "after")).search(shape[: match.start()]):
            return True
    return False


def status_cues(evidence: str, lexicon: Lexicon) -> frozenset[str]:
    """The statuses the evidence's words point to: `target`, `estimate`, and `strong` if a strong cue is there."""
    text = lexicon.rewrite(squash(evidence))
    shape = shape_of(text, number_spans(text))
    strong = lexicon.meanings("status", shape)
    weak = lexicon.meanings("status_weak", shape)
    return frozenset(strong | weak | ({"strong"} if strong else set()))


def unit_reading(shape: str, forms: dict[str, list[str]]) -> tuple[list[str], str]:
    """The units whose written form is the longest match in `shape`, and what of the shape that form leaves over.

    The leftover is read for scale and currency words by the caller: 3000万美元 matches `#万` of wan_yuan but leaves
    美元, so it is no sum in 万元.
    """
    best: list[str] = []
    length, leftover = 0, shape
    for unit, unit_forms in forms.items():
        for form in unit_forms:
            match = compiled(form).search(shape) if form else None
            if match is None:
                continue
            size = len(squash(form))
            if size > length:
                best, length, leftover = [unit], size, shape[: match.start()] + shape[match.end() :]
            elif size == length and unit not in best:
                best.append(unit)
    return sorted(best), leftover


@functools.lru_cache(maxsize=4096)
def compiled(form: str) -> re.Pattern[str]:
    """A written form's pattern, compiled once per process."""
    return term_pattern(form)


NUMERAL_CHARS = "0123456789零〇一二两兩三四五六七八九十百千万萬亿億壹贰貳叁肆伍陆陸柒捌玖拾佰仟"


@functools.lru_cache(maxsize=64)
def particles_before(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """The lexicon's particles (`sign_gap` `particle`: 了, 达, 为, by, of about) ending where a quote starts, a Latin
    one with the white space before it (超过了100家, more than by 10); compiled once per lexicon, None without any."""
    alternatives = [(r"\s*" if re.match(r"[a-z]", squash(t)) else "") + term_pattern(t).pattern for t in terms]
    return re.compile("(?:" + "|".join(alternatives) + r")\s*$") if alternatives else None


@functools.lru_cache(maxsize=64)
def range_before(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A digit and the lexicon's range words that are no Latin words (至, 到, -, ~) ending where a quote starts: the
    quote is a range's upper end (3至5, 2014-2023). English range words (to, and) join far more than a range's ends
    in running text (from 2014 to 2023 the count rose to 5), so they are read in a quote alone (`read`)."""
    marks = sorted({m for m in map(squash, terms) if m and not re.search(r"[a-z]", m)}, key=len, reverse=True)
    return re.compile(r"[0-9] ?(?:" + "|".join(map(re.escape, marks)) + r") ?$") if marks else None


def cut_from(value_text: str, evidence: str, lexicon: Lexicon) -> str | None:
    """Why the quote is cut out of a longer quantity in the evidence, or None where one occurrence stands whole.

    A quote must not be part of a longer number (8.86億元 of 108.86億元, the 23 of 2014-23), stop before the 年 of
    a year, or leave out a sign or qualifier word that touches it (下降4.6% quoted as 4.6%, 1700余家 as 1700).
    Words that only contain a qualifier (签约, 经过, 省内) are rewritten by the lexicon before this is judged. The
    particles that may part a sign or qualifier word from its number (了, 达, 为, by) are the lexicon's `sign_gap`
    `particle` terms, and the words joining a range's ends its `range` terms; the digits, the list of numeral
    characters and the 年 after a year are the number reader's and the calendar's, not a word list.
    """
    quote, text = lexicon.rewrite(loose(value_text)), lexicon.rewrite(loose(evidence))
    particle = particles_before(lexicon.terms("sign_gap", "particle"))
    ranged = range_before(lexicon.terms("range", "range"))
    if not quote or quote not in text:
        return None  # white space or a rewrite tells them apart; value-text-not-in-evidence judges presence
    reasons = []
    start = text.find(quote)
    while start >= 0:
        before, after = text[:start], text[start + len(quote) :]
        reason = None
        if quote[0] in NUMERAL_CHARS and (before[-1:] in tuple(NUMERAL_CHARS) or re.search(r"[0-9][.,]$", before)):
            reason = "it is the end of a longer number of the evidence"
        elif quote[-1] in NUMERAL_CHARS and (after[:1] in tuple(NUMERAL_CHARS) or re.match(r"[.,][0-9]", after)):
            reason = "it is the start of a longer number of the evidence"
        elif quote[-1] in "0123456789" and after.startswith("年"):
            reason = f"it stops before 年 ({quote}年: a year or a length of time)"
        elif quote[0] in "0123456789" and ranged is not None and ranged.search(before):
            reason = "it is the upper end of a range"
        elif quote[0] in "0123456789" and re.search(r"(?:^|[^0-9a-z%)\]])[-−－–]$", before):
            reason = "it leaves out the minus sign written before it"
        else:
            # A sign or qualifier word apart from the number by a particle still belongs to it: 减少了三分之一,
            # 超过了100家, fell by 10 percent.
            bare = particle.sub("", before) if particle is not None else before
            left = lexicon.touching(("sign", "qualifier"), before, after)
            if bare != before:
                left += [t for t in lexicon.touching(("sign", "qualifier"), bare, after) if t not in left]
            if left:
                reason = f"it leaves out {', '.join(left)}, which belongs to it"
        if reason is None:
            return None
        reasons.append(reason)
        start = text.find(quote, start + 1)
    return reasons[0] if reasons else None


def written_forms(units: pd.DataFrame) -> dict[str, dict[str, list[str]]]:
    """Each dimension's units with their written forms, from the units table."""
    out: dict[str, dict[str, list[str]]] = {}
    for unit, dimension, forms in zip(units["unit"], units["dimension"], units["written_forms"], strict=True):
        if isinstance(unit, str) and isinstance(dimension, str):
            listed = [f for f in str(forms).split("|") if f.strip()] if isinstance(forms, str) else []
            out.setdefault(dimension, {})[unit] = listed
    return out
