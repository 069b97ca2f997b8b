"""How a search query is read: folded and normalised, split into terms, its names standing for all their names,
a company's legal form dropped, English words matched in their forms (text.stems), Chinese ones in pieces within
a clause. What each rule is for is told in use.text_search, which reads the tables and finds the rows; this
module reads only the query and the names it is given."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import pandas as pd

from ..text.fold import casefolded as fold
from ..text.fold import number_point
from ..text.stems import stem
from .search_words import (
    HAN,
    LATIN,
    TextIndex,
    form_matches,
    phrase_in,
    stems,
)

# The tables whose rows a name stands for, by the key column the figures name them in: an event edition too
# ("Second World Internet Conference", wic-2015), whose figures carry its `event_id` (trial 9 V4).
SUBJECTS = {"place_id": "places", "enterprise_id": "enterprises", "project_id": "projects", "event_id": "events"}
# Whose names are never taken as part of others' (part_of_names): a place's name inside a project's, and an
# edition's, which holds its conference's name ("World Internet Conference" in every summit's name).
WHOLE_NAMES_ONLY = frozenset({"place_id", "event_id"})
PART_OF_NAMES_AT_MOST = 3  # subjects a part of their names may stand for (see part_of_names)
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


Owner = tuple[str, str, tuple[str, ...]]  # (subject column, id, every folded name of that subject)


class Names(dict[str, list[Owner]]):
    """Folded name -> the subjects it names, and an index of the names (search_words.TextIndex, made on first use)
    that part_of_names reads: which names can hold a query, so it matches those, not all of them."""

    index: TextIndex | None = None
    # (subject column, id) -> its parts (projects whose parent_id it is), set by read_names
    parts: dict[tuple[str, str], list[Owner]] | None = None
    # the subjects a name names -> those one of whose names holds one of theirs (read_within), made on use
    within: dict[tuple[frozenset[str], frozenset[tuple[str, str]]], list[Owner]] | None = None

    def kept_within(self) -> dict[tuple[frozenset[str], frozenset[tuple[str, str]]], list[Owner]]:
        """This package's read_within answers (each Names its own dict, made on first use)."""
        if self.within is None:
            self.within = {}
        return self.within

    def name_index(self) -> TextIndex:
        if self.index is None:
            self.index = TextIndex.of_folded(self)
        return self.index


T = TypeVar("T")
# What is read once per loaded table for search (the names, the suffixes, the indicators' index): by the tables'
# ids, each entry dropped with its tables (a DataFrame is unhashable, so no WeakKeyDictionary), and checked to be
# of the very tables asked for (a new table may reuse a dead one's id).
KEPT: dict[tuple[str, tuple[int, ...]], tuple[tuple[weakref.ref[pd.DataFrame], ...], Any]] = {}


def kept_with(tables: tuple[pd.DataFrame, ...], what: str, make: Callable[[], T]) -> T:
    """`make()`, made once for these very tables (while they live) and kept with them: a search reads the
    package's names and its indicators' names many times per query (once per reading of the query), and the
    recall over every label asks hundreds of queries of one loaded package."""
    key = (what, tuple(id(t) for t in tables))
    kept = KEPT.get(key)
    if kept is not None and all(ref() is t for ref, t in zip(kept[0], tables, strict=True)):
        return kept[1]  # type: ignore[no-any-return]
    made = make()
    refs = tuple(weakref.ref(t, lambda _: KEPT.pop(key, None)) for t in tables)
    KEPT[key] = (refs, made)
    return made


def names(frames: dict[str, pd.DataFrame]) -> Names:
    """Folded name -> the subjects it names: (subject column, id, every folded name of that subject); read once per
    loaded package (kept_with its subject tables and lexicon, whose possessives a name is normalised with). Not to be
    changed by the caller."""
    tables = tuple(frames[t] for t in (*SUBJECTS.values(), "lexicon") if t in frames)
    return kept_with(tables, "names", lambda: read_names(frames))


def read_names(frames: dict[str, pd.DataFrame]) -> Names:
    out = Names()
    possessives = small_words(frames).possessives
    for column, table in SUBJECTS.items():
        if table not in frames:
            continue
        frame = frames[table]
        name_columns = [c for c in ("name", "name_zh", "legal_name") if c in frame.columns]
        aliases = frame["aliases"] if "aliases" in frame.columns else pd.Series(pd.NA, index=frame.index)
        for key, alias, *written in zip(frame[column], aliases, *(frame[c] for c in name_columns), strict=True):
            given = [str(n) for n in written if pd.notna(n)]
            if pd.notna(alias):
                given += str(alias).split("|")
            if column == "event_id":  # an edition has no aliases; its id is the name the CLI takes (--subject)
                given.append(str(key))
            # each name as written (folded) and as a query of it is read (normalised: without the quotes and
            # brackets at its words' edges), so '"Focus on Tongxiang · Meet in Wuzhen" ...' is its own name
            # when searched (trial 9 V3)
            folded = [fold(n.strip()) for n in given if n.strip()]
            forms = tuple(f for f in dict.fromkeys([*folded, *(normalised(n, possessives) for n in folded)]) if f)
            for form in forms:
                out.setdefault(form, []).append((column, str(key), forms))
    out.parts = parts_of(frames.get("projects"), out)
    return out


def parts_of(projects: pd.DataFrame | None, known: Names) -> dict[tuple[str, str], list[Owner]]:
    """(project_id, id) -> the projects whose parent_id it is, as Owners (their every name): a name of a project
    stands for its parts too, as their rows are about it (trial 11 W1: the conference's Digital Economy Industry
    Cooperation Conference, 数字经济产业合作大会, holds none of the conference's Chinese names)."""
    if projects is None or not {"project_id", "parent_id"} <= set(projects.columns):
        return {}
    forms_of = {key: forms for owners in known.values() for column, key, forms in owners if column == "project_id"}
    out: dict[tuple[str, str], list[Owner]] = {}
    for key, parent in zip(projects["project_id"], projects["parent_id"], strict=True):
        if isinstance(parent, str) and isinstance(key, str) and key in forms_of:
            out.setdefault(("project_id", parent), []).append(("project_id", key, forms_of[key]))
    return out


def with_parts(owners: Iterable[Owner], known: Names) -> list[Owner]:
    """The subjects and their parts, every level down (projects.parent_id), each once: a part of a part is a part
    (a cycle, the rules' finding, ends where it meets a subject already taken)."""
    parts = known.parts if isinstance(known, Names) and known.parts is not None else {}
    out: dict[tuple[str, str], Owner] = {}
    waiting = list(owners)
    while waiting:
        owner = waiting.pop(0)
        if (owner[0], owner[1]) not in out:
            out[(owner[0], owner[1])] = owner
            waiting += parts.get((owner[0], owner[1]), [])
    return list(out.values())


def read_within(folded: str, known: Names, whole: set[tuple[str, str]]) -> list[Owner]:
    """The subjects a whole name stands for besides its own: those one of whose names holds any name of its own
    projects (part_of_names of each), so that every name of a project, in either language, stands for the same
    subjects (trial 11 W1: "World Internet Conference" is in the English names of three of its parts, 世界互联网大会
    in the Chinese name of one). Kept per subjects named in the package's Names (each of a subject's names reads
    the same)."""
    owners = known.get(folded, [])
    # A project's names only: an enterprise's short name may stand for more than its full one (巨石 for both Jushi
    # companies, 巨石集团 for Jushi Group alone; trial 9), as decided there.
    every = dict.fromkeys([folded, *(form for column, _, forms in owners if column == "project_id" for form in forms)])
    key = (frozenset(every), frozenset(whole))  # alike for every name of a project, the name itself otherwise
    kept = known.kept_within()
    if key in kept:
        return kept[key]
    found: dict[tuple[str, str], Owner] = {}
    for name in every:
        for owner in part_of_names(name, known, whole):
            found.setdefault((owner[0], owner[1]), owner)
    kept[key] = list(found.values())
    return kept[key]


def parse(text: str, frames: dict[str, pd.DataFrame]) -> Query:
    """The query's terms: the whole text when it is a name, else each word, a name standing for all its names."""
    return parse_folded(
        text, normalised_in(text, frames), names(frames), company_suffixes(frames), search_terms(frames)
    )


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


def with_company_suffix(folded: str, suffixes: tuple[str, ...], known: Names) -> list[tuple[str, str, tuple[str, ...]]]:
    """The companies whose name is the query and a company suffix (巨石 + 集团 = 巨石集团): the query is their short
    name, as an English alias (Jushi) is, so the other names it is part of are not counted against it (see
    part_of_names; trial 8: 巨石 found 8 rows, Jushi 29)."""
    if len(folded) < 2:
        return []
    out = []
    for suffix in suffixes:
        latin = bool(LATIN.match(suffix))
        out += known.get(f"{folded} {suffix}" if latin else folded + suffix, [])
    return [owner for owner in out if owner[0] != "place_id"]


def without_company_suffix(folded: str, suffixes: tuple[str, ...], known: Names) -> str | None:
    """The query without the company suffixes at its end, when that is a name or part of names (新凤鸣集团股份有限公司
    -> 新凤鸣, 桐昆股份 -> 桐昆, "tongkun group co ltd" -> tongkun group), else None. The English side already
    finds "Xin Feng Ming Group" as a name; the Chinese side wrote 集团 and found only the holding's row (trial 7 S3).
    A name that holds the suffix itself (新凤鸣控股集团有限公司, the holding) is found whole before this."""
    current = folded
    while True:
        for suffix in suffixes:
            latin = bool(LATIN.match(suffix))
            if not current.endswith(suffix) or len(current) <= len(suffix):
                continue
            rest = current[: -len(suffix)]
            if latin and not rest.endswith(" "):
                continue  # a Latin suffix is whole words: "grouping" holds no "group"
            rest = rest.strip(" ,.")
            if rest in known or part_of_names(rest, known):
                return rest
            current = rest
            break
        else:
            return None


def part_of_names(
    folded: str, known: Names, named: set[tuple[str, str]] | None = None
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The enterprises and projects one of whose names holds the whole query: Latin as whole words in any of
    their forms ("light of wuzhen" in '"light of wuzhen" supercomputing center', supercomputer in it too, never "hub"
    in "hubei"), Chinese anywhere (超算 in
    “乌镇之光”超算中心). Places are left out: a place's name inside a project's ("Wuzhen" in "Wuzhen Internet
    Hospital") must not turn a search for the place into one for every project named after it; a name of a place
    is found whole, above. A query of fewer than 4 Latin or 2 Chinese characters names nothing this way, nor one
    found in the names of more than PART_OF_NAMES_AT_MOST subjects besides those it is a whole name of (`named`)."""
    latin = bool(LATIN.match(folded))
    if len(folded) < (4 if latin else 2):
        return []
    wanted = stems(folded) if latin else ()
    found: dict[tuple[str, str], tuple[str, str, tuple[str, ...]]] = {}
    for name, owners in candidate_names(folded, known, bool(wanted) or not latin):
        # Latin: whole words, in any of their forms (supercomputer in "... Supercomputing Center"); Chinese: anywhere
        if phrase_in(wanted, stems(name), prefix=False) if latin else folded in name:
            for column, key, forms in owners:
                if column not in WHOLE_NAMES_ONLY:
                    found.setdefault((column, key), (column, key, forms))
    # A word in many names ("internet", "park") identifies none of them: it is searched as a word only.
    others = [k for k in found if k not in (named or set())]
    return list(found.values()) if len(others) <= PART_OF_NAMES_AT_MOST else []


def candidate_names(folded: str, known: dict[str, list[Owner]], indexed: bool) -> Iterable[tuple[str, list[Owner]]]:
    """The names part_of_names matches `folded` against, in their order: with `indexed`, those the names' index
    says can hold it (Names.name_index; a Latin query with no word would be in every name, so it is not
    `indexed`), else all."""
    if not indexed or not isinstance(known, Names):
        return known.items()
    keys = list(known)
    return ((keys[n], known[keys[n]]) for n in sorted(known.name_index().could_match(folded)))


@dataclass(frozen=True)
class SmallWords:
    """The lexicon's words that carry no meaning in a query (`search_filler`: the, of, to, 的), the generic place
    words that say only what kind of place a name is (`search_place_word`: city, town, 市, 镇), the words that
    write a year after its digits (`search_year_word`: 年, 年度; use.search_years) and those that join a subject to
    its measure (`search_connective`: of, 's, 的, 之; use.search_splits) and those that begin a definition's clause
    about something else (`search_gloss_end`: not, nor; use.search_index.glosses), and the possessives a word may
    end in (`search_possessive`: 's; normalised). Data, read by search only (trial 9 V5)."""

    fillers: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    year_words: tuple[str, ...] = ()  # longest first
    connectives: frozenset[str] = frozenset()
    gloss_ends: tuple[str, ...] = ()  # sorted
    possessives: tuple[str, ...] = ()  # folded, longest first


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
    return SmallWords(of("search_filler"), of("search_place_word"), years, connectives, ends, endings)


def is_place(name: str, known: Names) -> bool:
    return any(column == "place_id" for column, _, _ in known.get(name, []))


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
