"""Text folded for comparing: one script, one case, white space aside; and whether a passage names an entity.

Why this exists: sources write 乌镇 (simplified) or 烏鎮 (traditional), Wuzhen or WUZHEN, with or without spaces and
with pinyin some mirror sites insert after characters (預(yù)估). Quotes, evidence, names and search queries are
compared after the same folding, done here once for the package with one OpenCC converter for the process
(OpenCC is imported on first use, so loading a table never pays for it).

- `simplified`: simplified script only (the converter).
- `casefolded`: simplified and case folded, full-width Latin letters, digits and a number's marks made ASCII (ＧＤＰ,
  ５Ｇ, １，３４７．１: what a Chinese input method types), Latin letters without diacritics (Wūzhèn); what a search
  compares (white space kept). `number_point` reads a query's 1347。1 as 1347.1.
- `squash`: also drops inserted pinyin and keeps white space only between two word characters (a quote's shape).
- `squeeze`: every white space removed (evidence against an archived text).
- `fold`: `squeeze(squash(text))`, what names are compared in.
- `names_of` / `names_in`: the names a row gives an entity, and whether a passage names one of them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# Pinyin that some mirror sites insert after characters, 預(yù)估 or 3萬(wàn): not part of what the source wrote.
INSERTED_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ\s]+\)", re.IGNORECASE)
WHITE = re.compile(r"\s+")
# Of those, the ones a search drops (casefolded): a syllable with a tone mark, 醫(yī)療. Unmarked, "(de)" might be a
# gloss, and 地区生产总值(GDP) is one: a search finds GDP there. Dropped, its letters (yī, wù) are no words a query
# of Latin letters finds ("wu" is no word of 業(yè)務(wù)), and 医疗 finds 醫(yī)療.
TONED_PINYIN = re.compile(
    r"(?<=[\u3400-\u9fff])\((?=[^()]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ\s]+\)",
    re.IGNORECASE,
)


@functools.cache
def converter() -> Any:
    """The process's one OpenCC converter, traditional to simplified."""
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified script."""
    return str(converter().convert(text))


# Full-width Latin letters and digits and their ASCII forms (the NFKC of each), and the marks a number is typed with
# in full width (１３４７．１, －１８．６９％: a Chinese input method's point, minus and percent sign): only these, so
# full-width punctuation (，。：), which ends a Chinese clause, stays as written.
FULL_WIDTH_RANGES = ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))  # ０-９, Ａ-Ｚ, ａ-ｚ
NUMBER_MARKS = "．％－"  # U+FF0E, U+FF05, U+FF0D
FULL_WIDTH = str.maketrans(
    {
        c: unicodedata.normalize("NFKC", c)
        for c in [chr(n) for low, high in FULL_WIDTH_RANGES for n in range(low, high + 1)] + list(NUMBER_MARKS)
    }
)
# A full-width comma is a number's thousands comma only between a digit and a group of three (１，３４７．１); anywhere
# else it parts clauses and stays.
GROUPING_COMMA = re.compile("(?<=[0-9０-９])，(?=[0-9０-９]{3}(?![0-9０-９]))")
# A query may write a number's point as the ideographic full stop (1347。1: a Chinese input method's point key). Only a
# query reads it so, and only in a word that begins with the number (number_point): in a text 。 ends a sentence,
# and "增长12。2023年" is two.
STOP_AS_POINT = re.compile(r"^([-+]?[0-9][0-9,]*)。(?=[0-9])(?![0-9]+年)")
# Latin letters that carry a diacritic (Wūzhèn, Ǘ, é): Latin-1 Supplement, Latin Extended-A/B, Latin Extended
# Additional. Each is read as its letter without its marks (NFD, combining marks dropped), as pinyin is written both
# ways; other scripts keep theirs (a kana's dakuten is part of the letter).
LATIN_MARKED_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))


def without_marks(char: str) -> str:
    """A Latin letter without its diacritics (ū -> u, è -> e, ǘ -> u); a letter with none as it is."""
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


UNMARKED = str.maketrans(
    {
        chr(n): without_marks(chr(n))
        for low, high in LATIN_MARKED_RANGES
        for n in range(low, high + 1)
        if without_marks(chr(n)) != chr(n)
    }
)


def half_width(text: str) -> str:
    """`text` with full-width Latin letters and digits as ASCII and a number's full-width point, minus, percent sign
    and thousands comma as ASCII: ＧＤＰ is GDP, ５Ｇ is 5G and １，３４７．１ is 1,347.1, as 烏鎮 is 乌镇 (trial 9 m1,
    trial 14 m12). Other full-width punctuation is kept (it is a clause's end to the search)."""
    return GROUPING_COMMA.sub(",", text).translate(FULL_WIDTH)


def number_point(word: str) -> str:
    """A query's word that begins with a number whose point is written 。 (1347。1, 1347。1亿元), with the point
    as `.`; any other word as it is (see STOP_AS_POINT)."""
    return STOP_AS_POINT.sub(r"\1.", word)


@functools.lru_cache(maxsize=131072)
def casefolded(text: str) -> str:
    """Simplified script and lower case, full-width letters and digits as ASCII, Latin letters without diacritics
    (乌镇, 烏鎮 and 烏镇 fold alike; WUZHEN, ＷＵＺＨＥＮ, Wūzhèn and wuzhen too: trial 14 m13), and pinyin with a
    tone mark that a mirror site inserted after a character dropped (醫(yī)療 is 医疗; see TONED_PINYIN)."""
    return half_width(simplified(TONED_PINYIN.sub("", text))).translate(UNMARKED).casefold()


@functools.lru_cache(maxsize=65536)
def squash(text: str) -> str:
    """Simplified script, case folded, inserted pinyin dropped, white space kept only between word characters.

    Folding traditional to simplified lets one lexicon entry serve both scripts: 達產后 is 达产后.
    """
    text = simplified(INSERTED_PINYIN.sub("", text))
    text = WHITE.sub(" ", text.casefold()).strip()
    return re.sub(r"(?<![a-z0-9#]) | (?![a-z0-9#])", "", text)


@functools.lru_cache(maxsize=65536)
def loose(text: str) -> str:
    """Like `squash`, but every run of white space kept as one space, so that 'in 2019, 1,250' stays two numbers.

    Kept per process, as squash is: the neighbour and subject readings fold the same forms and names once per pair."""
    return WHITE.sub(" ", simplified(INSERTED_PINYIN.sub("", text)).casefold()).strip()


def squeeze(text: object) -> str:
    """Text with all white space removed: evidence is compared 'white space aside'."""
    return WHITE.sub("", text) if isinstance(text, str) else ""


def fold(text: str) -> str:
    """Text for comparing names: simplified script, case folded, inserted pinyin and white space removed."""
    return squeeze(squash(text))


def names_of(*columns: object) -> list[str]:
    """The names a row gives an entity: name, name_zh and each `|`-separated alias."""
    names: list[str] = []
    for value in columns:
        if isinstance(value, str):
            names += [n.strip() for n in value.split("|") if n.strip()]
    return names


def names_in(passage: str, names: list[str]) -> bool:
    """Whether the passage names the entity: a Chinese name anywhere (either script), a Latin one as whole words."""
    folded = fold(passage)
    spaced = WHITE.sub(" ", passage.casefold())
    for name in names:
        if re.search(r"[A-Za-z]", name):
            if literal_spans(spaced, whole_words(name), before=LATIN_OR_DIGITS, after=LATIN_OR_DIGITS):
                return True
        elif fold(name) in folded:
            return True
    return False


@functools.lru_cache(maxsize=16384)
def regex(pattern: str) -> re.Pattern[str]:
    """A pattern compiled once per text in a process. Why: the readers build patterns from data (a written form, a
    quote, a term) per call, and a validation builds more distinct ones than the `re` module's own cache (512)
    holds, so each was compiled again in every call (4,102 real compiles in a cold validation)."""
    return re.compile(pattern)


LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
LATIN_OR_DIGITS = LATIN_LETTERS | frozenset("0123456789")


def literal_spans(
    text: str,
    literal: str,
    start: int = 0,
    end: int | None = None,
    before: frozenset[str] = frozenset(),
    after: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Where `literal` stands in text[start:end], as `regex(re.escape(literal)).finditer(text, start, end)` finds
    it (left to right, never overlapping), with no character of `before` just before it and none of `after` just
    after it (a Latin word's edges: what `(?<![a-z])` and `(?![a-z])` say). Why: the readers looked up each quote,
    form and name as a pattern of its own (1,946 compiles in a cold validation, most of its first second); a
    literal needs only `str.find`."""
    stop = len(text) if end is None else min(end, len(text))
    start = min(start, len(text))  # as `re` clamps its pos
    found = []
    at = text.find(literal, start, stop) if start <= stop else -1
    while at >= 0:
        after_end = at + len(literal)
        if (at == 0 or text[at - 1] not in before) and (after_end >= stop or text[after_end] not in after):
            found.append((at, after_end))
            at = after_end if literal else at + 1  # an empty literal stands at every position once
        else:
            at += 1
        at = text.find(literal, at, stop) if at <= stop else -1
    return found


@functools.lru_cache(maxsize=4096)
def whole_words(name: str) -> str:
    """A Latin name as names_in looks it up as whole words (literal_spans, no letter or digit on either side): cased
    and spaced as the passage is, made once per name."""
    return WHITE.sub(" ", name.casefold())


# --- names compared for duplicate identities (微醫 / 微医, WeDoctor / We Doctor, 新凤鸣集团股份有限公司 / 新凤鸣) ---

# Punctuation and symbols of both scripts; letters, digits and CJK characters are kept.
PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)


def exact_key(name: str) -> str:
    """The name in simplified script, case folded, without white space or punctuation."""
    return PUNCTUATION.sub("", squash(name))


def suffix_keys(suffixes: Iterable[str]) -> tuple[str, ...]:
    """The company suffixes as exact keys, longest first (so 股份有限公司 goes before 有限公司)."""
    keys = {exact_key(s) for s in suffixes}
    return tuple(sorted((k for k in keys if k), key=len, reverse=True))


def stem_key(name: str, suffixes: tuple[str, ...]) -> str:
    """The exact key with company suffixes stripped from its end, repeatedly (集团股份有限公司 → the stem)."""
    key = exact_key(name)
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
    return key
