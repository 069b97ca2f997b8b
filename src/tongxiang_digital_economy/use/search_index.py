"""Which indicators a query names, read through one index of the indicators' names per loaded package.

An indicator's names (`names_of_indicator`) are its id as words, its English and Chinese labels, its written forms
and search words, and the Chinese terms its definition glosses. `named_indicators` says which indicators a query
names (the rule is told there). It used to match every term of a query against every name of all 433 definitions,
and a search asks it many times (once for the query, once per way of reading the query as a subject and a measure),
so the recall over every label cost about half a minute of CPU (issue 15's suite, note 6).

The index (`IndicatorIndex`, built once per definitions table and kept with it) answers which definitions *can*
match a term: those one of whose names holds every character of a form that is matched as characters (Chinese,
and any form with no English word), or, for an English form, a word that each of the form's words matches (the
same word_matches the full match uses: root, singular, or the singular as a prefix). Only those candidates are then
matched in full, exactly as before, so the answers are the same and the work per query is the candidates'
(`IndicatorIndex.checked` counts it; tests/test_search_index.py holds it to them).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pandas as pd

from ..text.fold import casefolded as fold
from .search_kept import kept_with
from .search_lexicon import small_words
from .search_query import HAN_ANY, Query, Term
from .search_words import LATIN, holding, stems

Word = tuple[str, str]  # a word's singular and root (search_words.stems)
RANK = "rank"  # indicator_definitions.dimension of a rank (a measure's place in a list, not the measure)


def split_words(cell: object) -> list[str]:
    """A `|`-separated cell as its words (none for a missing cell)."""
    return [w.strip() for w in cell.split("|") if w.strip()] if isinstance(cell, str) else []


def words_of(definitions: pd.DataFrame, column: str) -> list[list[str]]:
    """Each definition's `|`-separated words of `column` (none where the column or the cell is missing)."""
    cells = definitions[column] if column in definitions else pd.Series(pd.NA, index=definitions.index)
    return [split_words(c) for c in cells]


def search_vocabulary(definitions: pd.DataFrame) -> list[list[str]]:
    """Each definition's words a query may name it by: its written forms, then its search words. Only search reads
    `search_words`: a written form also anchors figures (indicator-not-in-evidence), so a word no text writes
    for the indicator, or one its neighbour shares, is a search word and proves nothing about a figure."""
    return [
        [*written, *(w for w in extra if w not in written)]
        for written, extra in zip(
            words_of(definitions, "written_forms"), words_of(definitions, "search_words"), strict=True
        )
    ]


def definitions_text(definitions: pd.DataFrame) -> list[str]:
    cells = definitions["definition"] if "definition" in definitions else pd.Series("", index=definitions.index)
    return [str(c) if pd.notna(c) else "" for c in cells]


GLOSS = re.compile(r"\(([^()]*)\)")


@functools.lru_cache(maxsize=64)
def head_ends(ends: tuple[str, ...]) -> re.Pattern[str]:
    """Where a definition's head ends: a ';', a full stop, or one of the lexicon's `search_gloss_end` words (not,
    nor: search_lexicon.SmallWords), which begin a clause about something else."""
    words = "|".join(re.escape(w) for w in ends)
    return re.compile(r";|\.(\s|$)" + (rf"|(?i:\b(?:{words})\b)" if words else ""))


HAN_TERM = re.compile(r"^(?=.*[\u3400-\u9fff])[^a-zA-Z'\"]+$")  # Chinese, digits allowed (中国企业500强), no Latin


def glosses(definition: str, ends: tuple[str, ...]) -> list[str]:
    """The Chinese terms a definition glosses in its head, before any ';', full stop or word of `ends` (see
    head_ends): "Number of employees (员工) of an enterprise" -> 员工. These are the sources' words for the
    indicator; a term in a later clause ("not the rank by comprehensive strength (综合实力)") names something else."""
    outside = GLOSS.sub(lambda m: " " * len(m.group(0)), definition)  # a ';' inside a gloss ends nothing
    end = head_ends(ends).search(outside)
    head = definition[: end.start()] if end else definition
    parts = (p.strip() for m in GLOSS.finditer(head) for p in re.split(r"[,;、，]", m.group(1)))
    return [p for p in parts if HAN_TERM.match(p)]


def names_of_indicator(
    indicator: str, label: str, label_zh: str, words: tuple[str, ...], text: str, ends: tuple[str, ...]
) -> tuple[str, ...]:
    """An indicator's names a query may match, folded: its id as words, its labels, its written forms and search
    words, and the Chinese terms its definition glosses before a word of `ends` (none when `text` is empty)."""
    given = [indicator.replace("_", " "), label, label_zh, *words, *glosses(text, ends)]
    return tuple(fold(g) for g in given if g.strip())


@dataclass
class IndicatorIndex:
    """The indicators' names of one definitions table, and which definitions hold each character and each English
    word of them (see the module docstring). `checked` counts the definitions matched in full, query after query."""

    indicators: tuple[str, ...]
    names: tuple[tuple[str, ...], ...]  # every name, glosses included
    own_names: tuple[tuple[str, ...], ...]  # without the glosses: what a subject's name may be whole
    by_char: dict[str, frozenset[int]]
    by_word: dict[Word, frozenset[int]]
    dimensions: tuple[str, ...] = ()
    checked: int = 0
    memo: dict[tuple[str, str], frozenset[int]] = field(default_factory=dict)
    by_singular: dict[str, frozenset[int]] = field(default_factory=dict)
    by_root: dict[str, frozenset[int]] = field(default_factory=dict)
    singulars: tuple[str, ...] = ()

    @classmethod
    def of(cls, definitions: pd.DataFrame, ends: tuple[str, ...]) -> IndicatorIndex:
        """The index of a definitions table, its glosses read up to a word of `ends` (see head_ends)."""
        labels_zh = definitions["label_zh"] if "label_zh" in definitions else pd.Series(pd.NA, index=definitions.index)
        rows = list(
            zip(
                (str(i) for i in definitions["indicator"]),
                (str(label) for label in definitions["label"]),
                (z if isinstance(z, str) else "" for z in labels_zh),
                (tuple(w) for w in search_vocabulary(definitions)),
                definitions_text(definitions),
                strict=True,
            )
        )
        names = tuple(names_of_indicator(*row, ends) for row in rows)
        own = tuple(names_of_indicator(*row[:4], "", ends) for row in rows)
        by_char: dict[str, set[int]] = {}
        by_word: dict[Word, set[int]] = {}
        for n, held in enumerate(names):
            for name in held:
                for char in set(name):
                    by_char.setdefault(char, set()).add(n)
                for word in stems(name):
                    by_word.setdefault(word, set()).add(n)
        return cls(
            tuple(row[0] for row in rows),
            names,
            own,
            {c: frozenset(s) for c, s in by_char.items()},
            {w: frozenset(s) for w, s in by_word.items()},
            tuple(str(d) for d in definitions.get("dimension", pd.Series("", index=definitions.index))),
        )

    def holding_word(self, wanted: Word) -> frozenset[int]:
        """The definitions one of whose names has a word that `wanted` matches (search_words.word_matches): the
        same root, the same singular, or a singular its singular (of three letters or more) begins."""
        key = ("word", "\0".join(wanted))
        if (found := self.memo.get(key)) is None:
            if not self.singulars:
                self.words_by_singular()
            found = holding(wanted, self.by_singular, self.by_root, self.singulars)
            self.memo[key] = found
        return found

    def words_by_singular(self) -> None:
        """by_word read by singular and by root, and its singulars sorted (those a singular begins are a range)."""
        by_singular: dict[str, set[int]] = {}
        by_root: dict[str, set[int]] = {}
        for (singular, its_root), held in self.by_word.items():
            by_singular.setdefault(singular, set()).update(held)
            by_root.setdefault(its_root, set()).update(held)
        self.by_singular = {w: frozenset(d) for w, d in by_singular.items()}
        self.by_root = {w: frozenset(d) for w, d in by_root.items()}
        self.singulars = tuple(sorted(by_singular))

    def could_match(self, form: str) -> frozenset[int]:
        """The definitions one of whose names can match `form` (search_words.form_matches): a superset of those
        that do. An English form's every word must match a word of theirs; any other form's every character must
        be in them (a substring, or Chinese pieces within a clause, holds all its characters)."""
        key = ("form", form)
        if (found := self.memo.get(key)) is not None:
            return found
        wanted = stems(form) if LATIN.match(form) else ()
        if wanted:
            found = frozenset.intersection(*(self.holding_word(w) for w in wanted))
        else:
            empty: frozenset[int] = frozenset()
            found = frozenset.intersection(*(self.by_char.get(c, empty) for c in set(form))) if form else empty
        self.memo[key] = found
        return found

    def could_match_term(self, term: Term) -> frozenset[int]:
        return frozenset().union(*(self.could_match(form) for form in term.forms))


def index_of(definitions: pd.DataFrame, ends: tuple[str, ...]) -> IndicatorIndex:
    """The index of a definitions table with its glosses read up to a word of `ends` (the lexicon's
    `search_gloss_end`), built on its first query and kept with it (search_kept.kept_with)."""
    return kept_with((definitions,), f"indicator_index {ends}", lambda: IndicatorIndex.of(definitions, ends))


def named_indicators(query: Query, frames: dict[str, pd.DataFrame], measure: bool = False) -> frozenset[str]:
    """The indicators the query names: its id (as words), its label or Chinese label (`label_zh`), one of its
    written forms or search words, or a Chinese term its definition glosses (see glosses) matches the query. The
    query's words of one script must all match one of these names; its Chinese and its Latin words may match
    different ones (人均GDP: 人均 in the Chinese label, gdp in the id), as a Chinese label seldom spells GDP the
    way a query does. A definition's passing mention, such as "not the town's fiscal revenue", names nothing:
    listing an indicator for it would promise figures that are not the query's. Nor does a gloss for a query that
    is a subject's name: a definition that glosses its example (直通乌镇全球互联网大赛, 统称为乌镇) is not an
    indicator of Wuzhen (trial 8 U5), and neither is a written form that holds the name ("Domestic investment
    outside Tongxiang"): a subject's name names an indicator only by being one of its names whole, and otherwise
    its figures (see subjects_held). Only the definitions the index says can match are matched in full. `frames`
    hold the definitions and the lexicon (its `search_gloss_end` words: see glosses)."""
    index = index_of(frames["indicator_definitions"], small_words(frames).gloss_ends)
    if query.name:  # a subject's name names an indicator only by being one of its names whole
        forms = set(query.own) or {form for term in query.terms for form in term.forms}
        candidates = frozenset().union(*(index.could_match(form) for form in forms)) if forms else frozenset()
        index.checked += len(candidates)
        return frozenset(index.indicators[n] for n in candidates if forms & set(index.own_names[n]))
    groups: dict[bool, list[Term]] = {}
    for term in query.terms:
        groups.setdefault(bool(HAN_ANY.search(term.part or term.forms[0])), []).append(term)
    if not groups:
        return frozenset()
    candidates = frozenset.intersection(*(index.could_match_term(t) for terms in groups.values() for t in terms))
    index.checked += len(candidates)
    named = {
        n
        for n in candidates
        if all(any(all(t.matches(g) for t in terms) for g in index.names[n]) for terms in groups.values())
    }
    return frozenset(index.indicators[n] for n in named - ranks_of_named(index, named, query.terms, measure))


def ranks_of_named(index: IndicatorIndex, named: set[int], terms: tuple[Term, ...], measure: bool = False) -> set[int]:
    """The ranks among `named` that rank another named indicator by the name the query matched: a measure's rank is
    another measure. "华友 营业收入" named Huayou's revenue and its revenue rank (浙江A股营业收入排名 holds 营业收入,
    trial 8), "fiscal revenue" the total and its rank in Jiaxing. A rank stays named when the query names no measure
    it holds the name of ("revenue rank", "rank"), or only a word of one ("enterprises" keeps the top-500 ranks: a
    word alone is a topic, not a measure; see a_measure). With `measure`, the query is the measure of a subject's
    (search_readings.subject_and_measure): a word it names a measure by is that measure ("Huayou revenue" is Huayou's
    operating revenue, as "华友 营业收入" is, not also its revenue rank; trial 9)."""
    ranks = {n for n in named if index.dimensions[n] == RANK}
    matched = {
        g
        for n in named - ranks
        for g in index.own_names[n]
        if (measure or a_measure(g)) and any(t.matches(g) for t in terms)
    }
    return {r for r in ranks if any(g in name for g in matched for name in index.own_names[r])}


def a_measure(name: str) -> bool:
    """Whether an indicator's name says a measure, not only a topic: two English words or more (fiscal revenue,
    net profit), or three Chinese characters or more (营业收入, 财政总收入; 企业 and 算力 are topics)."""
    return len(HAN_ANY.findall(name)) >= 3 if HAN_ANY.search(name) else len(name.split()) >= 2
