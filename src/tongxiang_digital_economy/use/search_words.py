"""How a query's form matches a folded text, and an index of many texts by their characters and words.

A Latin form matches by words, in order and side by side, each word by its singular, its root or as a prefix
(word_matches); a Chinese form as a substring or by its pieces within one clause (in_one_clause). The rules are
told with each function; search_query reads a query into forms, and use.text_search tells what each rule is for.

`TextIndex` says which of many texts *can* match a form: those holding every character of a form matched as
characters, or, for an English form, a word that each of its words matches (by the widest reading of
word_matches). Only those are then matched in full, so the answers are those of matching every text and the work
is the candidates'. Search builds one over the package's distinct cells (use.search_cells) and one over the
subjects' names (search_names.part_of_names).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..text.fold import casefolded as fold
from ..text.passage_numbers import CLAUSE_END
from ..text.stems import root, stem

WORD = re.compile(r"[a-z0-9]+")
LATIN = re.compile(r"^[a-z0-9\s\-_'.,&/]+$")
HAN = re.compile(r"^[\u3400-\u9fff]+$")
# What ends a clause by its punctuation (text.clauses, the one reader of clauses; the clause reader's words, while
# and which, part English clauses a Chinese query's pieces never span), and for search also an enumeration comma
# and the '|' between written forms: a Chinese query's pieces stay within one.
CLAUSE = re.compile(CLAUSE_END.pattern + r"|[、|]")
HAN_PIECE = 2  # characters per piece of a Chinese query

KEPT_QUERIES = 256  # the matches kept per index, oldest dropped first (as answers.KEPT_RULE_TABLES)


@functools.lru_cache(maxsize=131072)
def stems(text: str) -> tuple[tuple[str, str], ...]:
    """Each word of a folded text as its singular and its root (text.stems): what a query's words are matched by."""
    return tuple(word_stems(w) for w in WORD.findall(text))


@functools.lru_cache(maxsize=65536)
def word_stems(word: str) -> tuple[str, str]:
    """One word's singular and root (a package's texts repeat a few thousand words)."""
    return stem(word), root(word)


def word_matches(have: tuple[str, str], want: tuple[str, str], prefix: bool = True, roots: bool = True) -> bool:
    """A cell's word is a query's word: the same root (supercomputer, supercomputing; with `roots`), the same
    singular, or, with `prefix`, the query's singular begins it (invest begins investments; a query word of one or
    two letters must be whole)."""
    if (roots and have[1] == want[1]) or have[0] == want[0]:
        return True
    return prefix and len(want[0]) >= 3 and have[0].startswith(want[0])


def phrase_in(
    wanted: tuple[tuple[str, str], ...], have: tuple[tuple[str, str], ...], prefix: bool = True, roots: bool = True
) -> bool:
    """The query's words side by side and in order among the cell's words (see word_matches). Plain loops, the
    first word tried before the rest: a query's candidates are thousands of cells of tens of words each."""
    if not wanted:
        return True
    first, rest = wanted[0], wanted[1:]
    for i in range(len(have) - len(wanted) + 1):
        if not word_matches(have[i], first, prefix, roots):
            continue
        for k, w in enumerate(rest, start=i + 1):
            if not word_matches(have[k], w, prefix, roots):
                break
        else:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def han_pieces(form: str) -> tuple[str, ...]:
    """The pieces of a Chinese form of four or more characters: two characters each, the last taking an odd one
    (empty: too short to split, or not all Chinese). Chinese writes no spaces, so these stand for an English
    query's words."""
    if not HAN.match(form) or len(form) < 2 * HAN_PIECE:
        return ()
    cuts = list(range(0, len(form) - len(form) % HAN_PIECE, HAN_PIECE))
    pieces = [form[a : a + HAN_PIECE] for a in cuts]
    pieces[-1] += form[cuts[-1] + HAN_PIECE :]
    return tuple(pieces)


def in_one_clause(pieces: tuple[str, ...], folded: str) -> bool:
    """Every piece in one clause of the cell, in any order, as an English query's words are found in any order:
    签约项目 finds 新签约内外资项目 and 32个重大项目集中签约, but 财政 and 收入 in two clauses are not 财政收入."""
    return any(all(p in clause for p in pieces) for clause in CLAUSE.split(folded) if pieces[0] in clause)


def form_matches(form: str, folded: str, roots: bool = True) -> bool:
    """A Latin form matches by words, in order and side by side (each of its words begins the next word of the
    cell: "light of wuzhen" is a phrase, so "the Light of the Internet Expo in Wuzhen" is not it, trial 4 m6), a
    Chinese one by its pieces within one clause (see in_one_clause), any other by substring. A query of several
    words that names nothing is split into words before this (Query.terms), each found anywhere in the cell."""
    if not LATIN.match(form):
        if form in folded:
            return True
        pieces = han_pieces(form)
        return bool(pieces) and in_one_clause(pieces, folded)
    wanted = stems(form)
    if not wanted:
        return form in folded
    return phrase_in(wanted, stems(folded), roots=roots)


class Matcher(Protocol):
    """A query's term as the index reads it: its forms, and whether it matches a folded text."""

    @property
    def forms(self) -> tuple[str, ...]: ...

    def matches(self, folded: str) -> bool: ...


Word = tuple[str, str]  # a word's singular and root (search_words.stems)
EMPTY: frozenset[int] = frozenset()


def holding(
    wanted: Word,
    by_singular: dict[str, frozenset[int]],
    by_root: dict[str, frozenset[int]],
    singulars: Sequence[str],
) -> frozenset[int]:
    """What an index of words holds under a word that `wanted` matches (word_matches with prefix and roots): the same
    root, the same singular, or a singular that `wanted`'s singular of three letters or more begins (`singulars`
    sorted, so those it begins are one range). One reading for the cells' index and the definitions' index."""
    parts = [by_root.get(wanted[1], EMPTY), by_singular.get(wanted[0], EMPTY)]
    if len(wanted[0]) >= 3:
        at = bisect.bisect_left(singulars, wanted[0])
        while at < len(singulars) and singulars[at].startswith(wanted[0]):
            parts.append(by_singular[singulars[at]])
            at += 1
    return frozenset().union(*parts)


@dataclass
class TextIndex:
    """Texts, folded, and which of them hold each character, singular and root: which texts can match a form
    (see the module docstring). `checked` counts the texts matched in full, query after query."""

    folded: tuple[str, ...]
    by_singular: dict[str, frozenset[int]]
    by_root: dict[str, frozenset[int]]
    singulars: tuple[str, ...]  # sorted: the singulars a query's singular begins are a range of them
    checked: int = 0
    memo: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict)
    matched: dict[tuple[Matcher, ...], frozenset[int]] = field(default_factory=dict)

    def holding_char(self, char: str) -> frozenset[int]:
        """The texts that hold `char` (found on first asking: a query's characters are few, the texts' many)."""
        key = ("char", char)
        if (found := self.memo.get(key)) is None:
            found = frozenset(n for n, text in enumerate(self.folded) if char in text)
            self.memo[key] = found
        return found

    @classmethod
    def of(cls, texts: Iterable[str]) -> TextIndex:
        return cls.of_folded(fold(t) for t in texts)

    @classmethod
    def of_folded(cls, texts: Iterable[str]) -> TextIndex:
        """The index of texts already folded (names)."""
        folded = tuple(texts)
        by_singular: defaultdict[str, set[int]] = defaultdict(set)
        by_root: defaultdict[str, set[int]] = defaultdict(set)
        for n, text in enumerate(folded):
            for word in set(WORD.findall(text)):
                singular, its_root = word_stems(word)
                by_singular[singular].add(n)
                by_root[its_root].add(n)
        return cls(
            folded,
            {w: frozenset(s) for w, s in by_singular.items()},
            {w: frozenset(s) for w, s in by_root.items()},
            tuple(sorted(by_singular)),
        )

    def holding_word(self, wanted: Word) -> frozenset[int]:
        """The texts with a word that `wanted` matches (search_words.word_matches with prefix and roots: the
        widest reading, so a superset for the narrower ones): the same root, the same singular, or a singular
        that `wanted`'s singular of three letters or more begins."""
        key = ("word", "\0".join(wanted))
        if (found := self.memo.get(key)) is not None:
            return found
        found = holding(wanted, self.by_singular, self.by_root, self.singulars)
        self.memo[key] = found
        return found

    def could_match(self, form: str) -> frozenset[int]:
        """The texts that can match `form` (search_words.form_matches), a superset of those that do: an English
        form's every word must match a word of theirs; any other form's every character must be in them (a
        substring, or Chinese pieces within a clause, holds all its characters). An empty form is in every text."""
        key = ("form", form)
        if (found := self.memo.get(key)) is not None:
            return found
        wanted = stems(form) if LATIN.match(form) else ()
        if wanted:
            found = frozenset.intersection(*(self.holding_word(w) for w in wanted))
        elif form:
            found = frozenset.intersection(*(self.holding_char(c) for c in set(form)))
        else:
            found = frozenset(range(len(self.folded)))
        self.memo[key] = found
        return found

    def could_match_term(self, term: Matcher) -> frozenset[int]:
        return frozenset().union(*(self.could_match(form) for form in term.forms))

    def matching(self, terms: Sequence[Matcher]) -> frozenset[int]:
        """The texts every term matches (search_query.Query.matches), each candidate matched in full, once per
        index and terms (the terms are frozen: a query asked again, as a suite asks its queries, costs a look-up)."""
        if not terms:
            return frozenset(range(len(self.folded)))
        try:
            found = self.matched.get(tuple(terms))
        except TypeError:  # terms that cannot be a key: matched afresh, nothing kept
            return self.matching_now(terms)
        if found is None:
            if len(self.matched) >= KEPT_QUERIES:  # a long-lived process asks many queries: keep the latest
                del self.matched[next(iter(self.matched))]
            found = self.matched[tuple(terms)] = self.matching_now(terms)
        return found

    def matching_now(self, terms: Sequence[Matcher]) -> frozenset[int]:
        candidates = frozenset.intersection(*(self.could_match_term(t) for t in terms))
        self.checked += len(candidates)
        return frozenset(n for n in candidates if all(t.matches(self.folded[n]) for t in terms))
