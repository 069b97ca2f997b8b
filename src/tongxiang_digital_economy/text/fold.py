"""Text folded for comparing: one script, one case, white space aside; and whether a passage names an entity.

Why this exists: sources write 乌镇 (simplified) or 烏鎮 (traditional), Wuzhen or WUZHEN, with or without spaces and
with pinyin some mirror sites insert after characters (預(yù)估). Quotes, evidence, names and search queries are
compared after the same folding, done here once for the package with one OpenCC converter for the process
(OpenCC is imported on first use, so loading a table never pays for it).

- `simplified`: simplified script only (the converter).
- `casefolded`: simplified and case folded, full-width Latin letters and digits made ASCII (ＧＤＰ, ５Ｇ: what a
  Chinese input method types); what a search compares (white space kept).
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


@functools.cache
def converter() -> Any:
    """The process's one OpenCC converter, traditional to simplified."""
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified script."""
    return str(converter().convert(text))


# Full-width Latin letters and digits and their ASCII forms (the NFKC of each): only these, so full-width
# punctuation (，。：), which ends a Chinese clause, stays as written.
FULL_WIDTH_RANGES = ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))  # ０-９, Ａ-Ｚ, ａ-ｚ
FULL_WIDTH = str.maketrans(
    {chr(c): unicodedata.normalize("NFKC", chr(c)) for low, high in FULL_WIDTH_RANGES for c in range(low, high + 1)}
)


def half_width(text: str) -> str:
    """`text` with full-width Latin letters and digits as ASCII: ＧＤＰ is GDP and ５Ｇ is 5G, as 烏鎮 is 乌镇 (trial 9
    m1). Full-width punctuation is kept (it is a clause's end to the search)."""
    return text.translate(FULL_WIDTH)


@functools.lru_cache(maxsize=131072)
def casefolded(text: str) -> str:
    """Simplified script and lower case, full-width letters and digits as ASCII (乌镇, 烏鎮 and 烏镇 fold alike;
    WUZHEN, ＷＵＺＨＥＮ and wuzhen too)."""
    return half_width(simplified(text)).casefold()


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
