"""How a query, a name and a lexicon term are normalised alike to be matched (folded, without the quotes,
brackets and punctuation at their words' edges, without a possessive), and the lexicon's words search alone reads:
its search terms (synonyms in either language), the company suffixes a name may add, and the small words (fillers,
place words, year words, connectives, gloss ends, possessives). Data, read once per loaded lexicon (search_kept)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..text.fold import casefolded as fold
from ..text.fold import number_point
from ..text.stems import stem
from .search_kept import kept_with
from .search_words import LATIN

QUOTES = "\"'“”‘’「」『』"  # ASCII and CJK quotes
# Brackets around a word are dropped as quotes are: 《乌镇》 is the town's name in title marks, (GDP) the gloss a
# text writes after 地区生产总值 (trial 8). Inside a word they stay, as a quote does.
BRACKETS = "《》〈〉()（）[]【】<>"
# What may end (or begin) a word of a query without being part of it; % too: "GDP%" is GDP, "100%" is 100 (trial 10
# m10), as a percent figure's value is its number.
EDGE_PUNCTUATION = "?,.;:!？，。；：！、%"


def normalised(text: str, possessives: tuple[str, ...] = ()) -> str:
    """The query as it is matched: folded (see text.fold), white space one space, and each word without the quotes
    and punctuation at its edges ('"core industry"' -> core industry, 'Wuzhen,' -> wuzhen, 'gdp?' -> gdp), so
    these are not characters to find (trial 7 S5); so are brackets ('《乌镇》', '(GDP)') and an English
    possessive, one of `possessives` at a word's end ("Wuzhen's" -> wuzhen; trial 8: the lexicon's
    `search_possessive`, which a query or a name is normalised with, normalised_in; a lexicon's term or a number
    needs none). Inside a word they stay: "xi'an", "u.s"; a number's point typed as
    。 is a point (1347。1 -> 1347.1, text.fold.number_point; trial 14 m12). The one place a
    query is normalised, so `search`, `indicators` and the CLI read a query alike."""
    edges = QUOTES + BRACKETS + EDGE_PUNCTUATION
    words = (
        without_possessive(number_point(word).strip(edges), possessives).strip(edges) for word in fold(text).split()
    )
    return " ".join(word for word in words if word)


def without_possessive(word: str, possessives: tuple[str, ...]) -> str:
    """A word without the possessive at its end (wuzhen's -> wuzhen, 桐乡's -> 桐乡); a possessive alone ('s) stays
    (it is a connective: search_splits)."""
    for ending in possessives:
        if len(word) > len(ending) and word.endswith(ending):
            return word[: -len(ending)]
    return word


def normalised_in(text: str, frames: dict[str, pd.DataFrame]) -> str:
    """A query or a name normalised with the lexicon's possessives (see normalised)."""
    return normalised(text, small_words(frames).possessives)


Synonyms = dict[str, tuple[str, ...]]


def search_terms(frames: dict[str, pd.DataFrame]) -> Synonyms:
    """The lexicon's `search_term`s, normalised as a query is: each term -> every term of its `meaning` (人工智能 ->
    人工智能, artificial intelligence). Data, read by search only: the words a reader may use for one thing in either
    language (trial 8: "artificial intelligence" found none of 人工智能's rows, 营收 none of 营业收入's)."""
    lexicon = frames.get("lexicon")
    if lexicon is None or not {"category", "term", "meaning"} <= set(lexicon.columns):
        return {}
    return kept_with((lexicon,), "search_terms", lambda: read_search_terms(lexicon))


def read_search_terms(lexicon: pd.DataFrame) -> Synonyms:
    rows = lexicon.loc[lexicon["category"] == "search_term", ["term", "meaning"]].dropna()
    groups: dict[str, list[str]] = {}
    for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
        if normalised(str(term)):
            groups.setdefault(normalised(str(meaning)), []).append(normalised(str(term)))
    return {synonym_key(t): tuple(dict.fromkeys(ts)) for ts in groups.values() for t in ts}


def synonym_key(term: str) -> str:
    """How a search term is looked up: English by its words' singulars ("tourism incomes" is "tourism income")."""
    return " ".join(stem(w) for w in term.split(" ")) if LATIN.match(term) else term


def company_suffixes(frames: dict[str, pd.DataFrame]) -> tuple[str, ...]:
    """The lexicon's company suffixes (集团, 股份有限公司, Group, Co., Ltd. ...) normalised as a query is, longest
    first: the legal form a query may add to a company's name (lexicon.csv is the data, as for identity)."""
    lexicon = frames.get("lexicon")
    if lexicon is None or "category" not in lexicon.columns:
        return ()
    return kept_with((lexicon,), "company_suffixes", lambda: read_company_suffixes(lexicon))


def read_company_suffixes(lexicon: pd.DataFrame) -> tuple[str, ...]:
    terms = lexicon.loc[lexicon["category"] == "company_suffix", "term"].dropna()
    return tuple(sorted({normalised(str(t)) for t in terms} - {""}, key=len, reverse=True))


@dataclass(frozen=True)
class SmallWords:
    """The lexicon's words that carry no meaning in a query (`search_filler`: the, of, to, 的), the generic place
    words that say only what kind of place a name is (`search_place_word`: city, town, 市, 镇), the words that
    write a year after its digits (`search_year_word`: 年, 年度; use.search_years) and those that join a subject to
    its measure (`search_connective`: of, 's, 的, 之; use.search_splits) and those that begin a definition's clause
    about something else (`search_gloss_end`: not, nor; use.search_index.glosses), and the possessives a word may
    end in (`search_possessive`: 's; normalised). Data, read by search only (trial 9 V5); and two categories the
    quote reader shares, read as a query's number: the scale words (`unit_word` of a numeric meaning) and the
    qualifier words (`qualifier`, `nearly`) and measure words (`measure_word`) a number may carry (use.search_numbers,
    use.search_measured)."""

    fillers: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    year_words: tuple[str, ...] = ()  # longest first
    connectives: frozenset[str] = frozenset()
    gloss_ends: tuple[str, ...] = ()  # sorted
    possessives: tuple[str, ...] = ()  # folded, longest first
    scales: tuple[
        tuple[str, float], ...
    ] = ()  # the scale words (unit_word: 亿, billion) and their sizes, longest first
    qualifiers: tuple[str, ...] = ()  # the qualifier words (qualifier, nearly: 近, nearly, more than), longest first
    counters: tuple[tuple[str, str], ...] = ()  # the measure words (个, 家) and the unit they count in, longest first


def small_words(frames: dict[str, pd.DataFrame]) -> SmallWords:
    """The lexicon's small words (see SmallWords), read once per loaded lexicon; none without a lexicon."""
    lexicon = frames.get("lexicon")
    if lexicon is None or not {"category", "term"} <= set(lexicon.columns):
        return SmallWords()
    return kept_with((lexicon,), "small_words", lambda: read_small_words(lexicon))


def read_small_words(lexicon: pd.DataFrame) -> SmallWords:
    def of(category: str) -> frozenset[str]:
        terms = lexicon.loc[lexicon["category"] == category, "term"].dropna()
        return frozenset(normalised(str(t)) for t in terms) - {""}

    years = tuple(sorted(of("search_year_word"), key=lambda w: (-len(w), w)))
    # a connective as a query's part holds it (tongxiang's -> tongxiang, 's: search_splits) and as normalised ('s -> s)
    joining = lexicon.loc[lexicon["category"] == "search_connective", "term"].dropna()
    connectives = of("search_connective") | {fold(str(t)).strip() for t in joining} - {""}
    ends = tuple(sorted(of("search_gloss_end")))
    possessive = lexicon.loc[lexicon["category"] == "search_possessive", "term"].dropna()
    endings = tuple(sorted({fold(str(t)).strip() for t in possessive} - {""}, key=lambda w: (-len(w), w)))
    return SmallWords(
        of("search_filler"),
        of("search_place_word"),
        years,
        connectives,
        ends,
        endings,
        scale_words(lexicon),
        tuple(sorted({w for w in of("qualifier") | of("nearly") if "#" not in w}, key=lambda w: (-len(w), w))),
        counter_words(lexicon),
    )


def counter_words(lexicon: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """The lexicon's measure words (`measure_word`: 个, 家, 名) with their meaning, the unit they count in, normalised
    as a query is, longest first: after a number they say what it counts (search_numbers)."""
    rows = lexicon.loc[lexicon["category"] == "measure_word", ["term", "meaning"]].dropna()
    pairs = {normalised(str(t)): str(m) for t, m in zip(rows["term"], rows["meaning"], strict=True)}
    return tuple(sorted(((t, m) for t, m in pairs.items() if t), key=lambda tm: (-len(tm[0]), tm[0])))


def scale_words(lexicon: pd.DataFrame) -> tuple[tuple[str, float], ...]:
    """The lexicon's scale words (`unit_word` of a numeric meaning: 万 10000, billion 1000000000; 兆, of two sizes,
    has none), normalised as a query is, longest first: a number written with one is read at its size (search_numbers:
    "30 billion" and 300亿 are one size; trial 17 W3)."""
    rows = lexicon.loc[lexicon["category"] == "unit_word", ["term", "meaning"]].dropna()
    sizes: dict[str, float] = {}
    for term, meaning in zip(rows["term"], rows["meaning"], strict=True):
        if NUMERIC.fullmatch(str(meaning).strip()) and normalised(str(term)):
            sizes[normalised(str(term))] = float(str(meaning))
    return tuple(sorted(sizes.items(), key=lambda item: (-len(item[0]), item[0])))


NUMERIC = re.compile(r"\d+(?:\.\d+)?")
