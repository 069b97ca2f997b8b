"""How a search query is read: folded and normalised, split into terms, its names standing for all their names,
a company's legal form dropped, English words matched in their forms (text.stems), Chinese ones in pieces within
a clause. What each rule is for is told in use.text_search, which reads the tables and finds the rows; this
module reads only the query and the names it is given (search_names; the lexicon's words, search_lexicon)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..text.fold import casefolded as fold
from .search_lexicon import (
    SmallWords,
    Synonyms,
    company_suffixes,
    normalised_in,
    search_terms,
    synonym_key,
)
from .search_lexicon import normalised as normalised  # where the tests read it
from .search_lexicon import read_small_words as read_small_words  # where the tests read it
from .search_lexicon import small_words as small_words  # where the tests read it
from .search_names import (
    WHOLE_NAMES_ONLY,
    Names,
    is_place,
    names,
    part_of_names,
    read_within,
    with_company_suffix,
    with_parts,
    without_company_suffix,
)
from .search_words import (
    HAN,
    form_matches,
)


@dataclass(frozen=True)
class Term:
    """One part of a query: any of `forms` matches (a name's other names are its forms). `part` is the query's own
    text for it: its script decides which words of an indicator's names it must share a name with (see
    named_indicators)."""

    forms: tuple[str, ...]
    part: str = ""
    roots: bool = True  # English words match across noun, verb and agent forms (see word_matches)

    def matches(self, folded: str) -> bool:
        return any(form_matches(form, folded, self.roots) for form in self.forms)


@dataclass(frozen=True)
class Query:
    """A parsed query: its terms (all must match a cell) and the subjects it names (column -> ids)."""

    text: str
    terms: tuple[Term, ...]
    subjects: dict[str, frozenset[str]]
    name: bool = False  # the whole query is a name of a place, enterprise, project or edition
    own: tuple[str, ...] = ()  # with `name`: every name of the subjects it is a name of (not those it is part of)
    # Of `subjects`, those it stands for only as parts (projects.parent_id) of the ones it names: their rows are
    # found, but they are not what the query names (search's subject blocks leave them out).
    parts: frozenset[tuple[str, str]] = frozenset()

    def matches(self, cell: str) -> bool:
        folded = fold(cell)
        return all(term.matches(folded) for term in self.terms)


def parse(text: str, frames: dict[str, pd.DataFrame]) -> Query:
    """The query's terms: the whole text when it is a name, else each word, a name standing for all its names."""
    return parse_folded(
        text, normalised_in(text, frames), names(frames), company_suffixes(frames), search_terms(frames)
    )


def synonym_forms(part: str, synonyms: Synonyms) -> tuple[str, ...]:
    """A query's part with its search terms read as each term of their meaning: the part itself when it is one
    (in any plural), or a Chinese part holding one with each of the others in its place (营收增长 is also
    营业收入增长, as Chinese writes a measure and its change as one word). Else the part alone."""
    whole = synonyms.get(synonym_key(part))
    if whole is not None:
        return tuple(dict.fromkeys((part, *whole)))
    if not HAN_ANY.search(part):
        return (part,)
    forms = [part]
    for term, others in synonyms.items():
        if HAN_ANY.search(term) and len(term) >= 2 and term in part:
            forms += [part.replace(term, other) for other in others if HAN_ANY.search(other)]
    return tuple(dict.fromkeys(forms))


def parse_folded(
    text: str, folded: str, known: Names, suffixes: tuple[str, ...], synonyms: Synonyms | None = None
) -> Query:
    """`parse` of a normalised query, given the package's names, company suffixes (see company_suffixes) and the
    lexicon's search terms (a query, or a part of it, that is one finds what each term of its meaning finds)."""
    subjects: dict[str, set[str]] = {}
    direct: set[tuple[str, str]] = set()  # the subjects named, not only as parts
    synonyms = synonyms or {}

    def term(part: str) -> Term:
        if part not in known:
            return Term(synonym_forms(part, synonyms), part)
        forms: list[str] = []
        direct.update((column, key) for column, key, _ in known[part])
        for column, key, all_forms in with_parts(known[part], known):
            subjects.setdefault(column, set()).add(key)
            forms += all_forms
        return Term(tuple(dict.fromkeys(forms)), part)

    # A name of an enterprise or project that is also part of others' names (Huayou: Huayou Cobalt's alias, and part
    # of Huayou POSCO's name) stands for all of them, as 华友 finds both (trial 6 r10); a place's name never does.
    of_places = any(column in WHOLE_NAMES_ONLY for column, _, _ in known.get(folded, []))
    whole = {(column, key) for column, key, _ in with_parts(known.get(folded, []), known)}
    whole |= {(column, key) for column, key, _ in with_company_suffix(folded, suffixes, known)}
    # A whole name reads as all its subject's names do (read_within); a subject stands for its parts.
    within = (
        []
        if of_places
        else read_within(folded, known, whole)
        if folded in known
        else part_of_names(folded, known, whole)
    )
    if within:
        direct.update((column, key) for column, key, _ in [*known.get(folded, []), *within])
        if folded in known:  # a whole name stands for its subjects' parts too; a part of names (峰会) does not
            within = with_parts([*known.get(folded, []), *within], known)
        # A part of names ("Light of Wuzhen", 超算): the subjects so named stand for all their names.
        forms = list(synonym_forms(folded, synonyms))
        for column, key, all_forms in within:
            subjects.setdefault(column, set()).add(key)
            forms += all_forms
        terms: tuple[Term, ...] = (Term(tuple(dict.fromkeys(forms)), folded),)
    elif folded in known or synonym_key(folded) in synonyms:
        terms = (term(folded),)
    elif len(synonym_forms(folded, synonyms)) > 1 and len(query_parts(folded)) == 1:
        terms = (term(folded),)  # a Chinese word holding a search term (营收增长); with other words, each is a part
    else:
        bare = without_company_suffix(folded, suffixes, known)
        if bare is not None:  # 新凤鸣集团, 桐昆股份: the name without its legal form (trial 7 S3)
            return parse_folded(text, bare, known, suffixes, synonyms)
        terms = tuple(term(p) for p in query_parts(folded))
    named = {c: frozenset(ids) for c, ids in subjects.items()} if len(terms) == 1 else {}
    # A subject's own name is a name though it is also part of others' ("World Internet Conference" in the name
    # of its technology award, 西栅 in 乌镇西栅景区): it names an indicator only whole, by its own subjects'
    # names (not the award's 领先科技奖), and opens with its block (trial 9 V3).
    own = tuple(dict.fromkeys(form for _, _, forms in known.get(folded, []) for form in forms))
    parts = frozenset((c, k) for c, ids in named.items() for k in ids if (c, k) not in direct)
    return Query(text, terms, named, name=folded in known, own=own, parts=parts)


# Where a Chinese run meets a Latin one in a word (人均gdp, 桐乡gdp, 4g基站): the query's parts split there.
SCRIPT_CHANGE = re.compile(r"(?<=[\u3400-\u9fff])(?=[a-z])|(?<=[a-z])(?=[\u3400-\u9fff])")
HAN_ANY = re.compile(r"[\u3400-\u9fff]")


def query_parts(folded: str) -> list[str]:
    """The parts of a query that is no name: its words, a word that mixes Chinese and Latin letters split where the
    script changes (人均GDP is 人均 and gdp, as "GDP per capita" is three words; trial 7 S2). Digits stay with
    either side (4g, 500强)."""
    return [p for word in folded.split(" ") for p in SCRIPT_CHANGE.sub(" ", word).split(" ") if p]


def meant(folded: str, known: Names, small: SmallWords) -> str:
    """A normalised query without the words that carry no meaning in it: fillers (articles, prepositions, 的) and a
    generic place word after a place's name ("tongxiang city" -> tongxiang, 乌镇的 -> 乌镇). Trial 9 V5: every word
    of a query that names nothing must be in one cell, so "visitors to Wuzhen" found 1 row where "Wuzhen visitors"
    found 12, and "Tongxiang city GDP" none. A query that is a name or part of names stays whole ("light of
    wuzhen"), and so does a run of its words that is one ("light of the internet expo"). Empty when the query has
    only such words (`the`): it asks for nothing, and the caller refuses it. The query itself when nothing is
    dropped."""
    if not folded or folded in known or part_of_names(folded, known):  # "light of wuzhen" is part of a name
        return folded
    parts = query_parts(folded)
    kept = [True] * len(parts)
    protected: set[int] = set()
    for i in range(len(parts)):
        for j in range(i + 2, len(parts) + 1):
            run = " ".join(parts[i:j])
            inner = parts[i] not in small.fillers and parts[j - 1] not in small.fillers  # "to wuzhen" is no name
            if run in known or (inner and set(parts[i:j]) & small.fillers and part_of_names(run, known)):
                protected.update(range(i, j))
    for k, part in enumerate(parts):
        if k in protected:
            continue
        by_a_place = part in small.place_words and (
            any(is_place(" ".join(parts[j:k]), known) for j in range(max(0, k - 3), k))
            or names_place_after(parts, k, known, small)
        )
        if part in small.fillers or by_a_place:
            kept[k] = False
        elif HAN.match(part) and part not in known:
            parts[k] = han_meant(part, known, small)
            kept[k] = bool(parts[k])
    if all(kept) and " ".join(parts) == " ".join(query_parts(folded)):
        return folded
    return " ".join(p for p, keep in zip(parts, kept, strict=True) if keep)


def names_place_after(parts: list[str], k: int, known: Names, small: SmallWords) -> bool:
    """Whether the place word at `k` stands before a place's name, past fillers: "the city of tongxiang"."""
    n = k + 1
    while n < len(parts) and parts[n] in small.fillers:
        n += 1
    return n > k + 1 and any(is_place(" ".join(parts[n:m]), known) for m in range(n + 1, min(len(parts), n + 3) + 1))


def han_meant(part: str, known: Names, small: SmallWords) -> str:
    """A Chinese part without its fillers (桐乡的 -> 桐乡, 乌镇的游客 -> 乌镇游客, 的 -> nothing) and without a place
    word after a place's name (桐乡市 is a name and never reaches here). A part that is part of a name keeps
    them (a name holding 的 is found whole)."""
    if part_of_names(part, known):
        return part
    for filler in small.fillers:
        if HAN.match(filler):
            part = part.replace(filler, "")
    for word in small.place_words:
        if HAN.match(word) and part.endswith(word) and is_place(part[: -len(word)], known):
            return part[: -len(word)]
    return part
