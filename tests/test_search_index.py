"""The index of the indicators' names that search reads (use.search_index): built once per loaded package, it
changes no answer, and a query matches only the definitions that can name it in full, not all 433 (note 6: the
recall over every label cost ~28 s of CPU when every term was matched against every definition)."""

from __future__ import annotations

import dataclasses
import functools
import itertools
from pathlib import Path

import pandas as pd
import pytest
from conftest import copy_package

from tongxiang_digital_economy.use.search_cells import SearchedPackage, searched
from tongxiang_digital_economy.use.search_index import (
    definitions_text,
    index_of,
    named_indicators,
    names_of_indicator,
    ranks_of_named,
    search_vocabulary,
)
from tongxiang_digital_economy.use.search_query import HAN_ANY, names, parse, small_words
from tongxiang_digital_economy.use.search_words import KEPT_QUERIES, stems, word_matches
from tongxiang_digital_economy.use.text_search import search


def package_frames() -> dict[str, pd.DataFrame]:
    """The shipped package's tables as search reads them (kept once per package's bytes), read only here."""
    return searched().frames


def every_definition_matched(text: str, frames: dict[str, pd.DataFrame]) -> frozenset[str]:
    """named_indicators' rule applied to every definition in full, as it was before the index."""
    query = parse(text, frames)
    definitions = frames["indicator_definitions"]
    ends = small_words(frames).gloss_ends
    groups: dict[bool, list[object]] = {}
    for term in query.terms:
        groups.setdefault(bool(HAN_ANY.search(term.part or term.forms[0])), []).append(term)
    found = set()
    for row in zip(
        definitions["indicator"],
        definitions["label"],
        definitions["label_zh"],
        search_vocabulary(definitions),
        definitions_text(definitions),
        strict=True,
    ):
        own = names_of_indicator(str(row[0]), str(row[1]), str(row[2]), tuple(row[3]), "", ends)
        every = names_of_indicator(str(row[0]), str(row[1]), str(row[2]), tuple(row[3]), row[4], ends)
        if query.name:
            if any(form in own for term in query.terms for form in term.forms):
                found.add(str(row[0]))
        elif groups and all(
            any(all(t.matches(g) for t in terms) for g in every)  # type: ignore[attr-defined]
            for terms in groups.values()
        ):
            found.add(str(row[0]))
    index = index_of(definitions, ends)  # the ranks of a named measure are left out (ranks_of_named), as the index does
    ranks = ranks_of_named(index, {index.indicators.index(i) for i in found}, query.terms)
    return frozenset(found) - {index.indicators[n] for n in ranks}


QUERIES = [
    "fiscal revenue",
    "财政收入",
    "gdp",
    "GDP per capita",
    "人均GDP",
    "Wuzhen",
    "乌镇",
    "revenue",
    "visitors",
    "产值",
    "output value",
    "investment",
    "supercomputing",
    "华友",
    "core industries",
    "&",
    "营业收入",
]


@pytest.mark.parametrize("text", QUERIES)
def test_the_index_names_what_matching_every_definition_names(text: str) -> None:
    frames = package_frames()
    assert named_indicators(parse(text, frames), frames) == every_definition_matched(text, frames)


def test_every_label_is_matched_against_a_few_definitions_only() -> None:
    """The work per query: the definitions matched in full (IndicatorIndex.checked) are those one of whose names
    holds a word each of the query's words matches, never all of them."""
    frames = package_frames()
    definitions = frames["indicator_definitions"]
    index = index_of(definitions, small_words(frames).gloss_ends)
    work = []
    for text in [*definitions["label"].iloc[::7], *definitions["label_zh"].iloc[::7]]:
        before = index.checked
        named_indicators(parse(str(text), frames), frames)
        work.append(index.checked - before)
    assert max(work) < len(definitions) / 10, max(work)
    assert sum(work) < 3 * len(work)


def test_a_query_is_matched_against_the_definitions_that_hold_its_words() -> None:
    """ "fiscal revenue": only the definitions one of whose names has a word for each of its words are matched."""
    frames = package_frames()
    definitions = frames["indicator_definitions"]
    index = index_of(definitions, small_words(frames).gloss_ends)
    holding = [
        n
        for n, held in enumerate(index.names)
        if all(any(word_matches(w, want) for name in held for w in stems(name)) for want in stems("fiscal revenue"))
    ]
    before = index.checked
    named = named_indicators(parse("fiscal revenue", frames), frames)
    assert index.checked - before == len(holding)
    # the rank in Jiaxing is matched too, and left out as a rank of the measure named (test_search_terms)
    assert {index.indicators[n] for n in holding} == {"fiscal_revenue_total", "fiscal_revenue_total_rank_in_jiaxing"}
    assert named == {"fiscal_revenue_total"}


def test_the_index_and_the_names_are_built_once_per_loaded_package() -> None:
    frames = package_frames()
    definitions, ends = frames["indicator_definitions"], small_words(frames).gloss_ends
    assert index_of(definitions, ends) is index_of(definitions, ends)
    assert names(frames) is names(frames)
    copy = definitions.copy()
    assert index_of(copy, ends) is not index_of(definitions, ends)
    assert index_of(copy, ends).names == index_of(definitions, ends).names


# The package's cells (use.search_cells): each distinct cell text folded and indexed once per package's bytes.

CELL_QUERIES = [
    "fiscal revenue",
    "财政收入",
    "Wuzhen",
    "core industries",
    "&",
    "乌镇 游客",
    "4g基站",
    "invest",
    "Jushi",
    "烏鎮",
]


@functools.cache
def package_cells() -> tuple[SearchedPackage, dict[str, frozenset[int]]]:
    """The shipped package read for search, and which of its texts each of CELL_QUERIES matches when every text
    is matched in full (Query.matches, as search did before the index)."""
    package = searched()
    every = {}
    for text in CELL_QUERIES:
        query = parse(text, package.frames)
        every[text] = frozenset(n for n, cell in enumerate(package.texts) if query.matches(cell))
    return package, every


@pytest.mark.parametrize("text", CELL_QUERIES)
def test_the_cell_index_finds_what_matching_every_cell_finds(text: str) -> None:
    package, every = package_cells()
    assert package.cells.matching(parse(text, package.frames).terms) == every[text]


def test_a_query_matches_a_few_cells_in_full_only() -> None:
    """The work per query: the texts matched in full (TextIndex.checked) are the candidates the index gives, a small
    part of the package's distinct cells; a word no cell holds is matched against none. Counted on matching_now,
    the matching that `matching` keeps per terms (a query asked before by another test would count none)."""
    package, every = package_cells()
    cells = package.cells
    work = {}
    for text in CELL_QUERIES:
        before = cells.checked
        cells.matching_now(parse(text, package.frames).terms)
        work[text] = cells.checked - before
    assert len(cells.folded) > 4000
    assert max(work.values()) < len(cells.folded) / 10, work
    assert work["Jushi"] < 3 * len(every["Jushi"]) + 10, work
    before = cells.checked
    assert cells.matching_now(parse("zzyzx", package.frames).terms) == frozenset()
    assert cells.checked == before


def test_a_query_asked_again_matches_no_cell_again() -> None:
    """A query's terms asked again (a suite asks its queries many times) are answered by what the index kept of
    them: the same cells, none matched in full again."""
    package, every = package_cells()
    cells = package.cells
    first = cells.matching(parse("fiscal revenue", package.frames).terms)
    before = cells.checked
    assert cells.matching(parse("fiscal revenue", package.frames).terms) == first == every["fiscal revenue"]
    assert cells.checked == before


def test_the_queries_kept_are_the_latest_few() -> None:
    """What `matching` keeps is bounded (review 13 R4): a long-lived process (serve, a notebook) asking ever new
    queries keeps the latest KEPT_QUERIES, the oldest dropped first, each still answered rightly when asked again."""
    package, _ = package_cells()
    cells = dataclasses.replace(package.cells, matched={})
    queries = ["".join(w) for w in itertools.islice(itertools.product("qxzj", repeat=5), KEPT_QUERIES + 1)]
    asked = [parse(q, package.frames).terms for q in queries]
    for terms in asked:
        assert cells.matching(terms) == frozenset()
    assert len(cells.matched) == KEPT_QUERIES
    assert tuple(asked[0]) not in cells.matched and tuple(asked[-1]) in cells.matched
    assert cells.matching(asked[0]) == frozenset()


def test_the_cells_are_read_once_per_package_bytes(tmp_path: Path) -> None:
    """The same package's bytes give the same indexed package (in a copy too); an edited copy is read afresh,
    and its answer is the edited one."""
    assert searched() is searched()
    copy = copy_package(tmp_path / "pkg").root
    assert searched(copy) is searched()
    definitions = copy / "data" / "indicator_definitions.csv"
    definitions.write_text(definitions.read_text(encoding="utf-8").replace("GDP", "Zyzzyva GDP", 1), encoding="utf-8")
    edited = searched(copy)
    assert edited is not searched()
    found = search("zyzzyva", path=copy)
    assert found.loc[found["text"].str.contains("Zyzzyva"), "table"].tolist() == ["indicator_definitions"]
    assert len(search("zyzzyva")) == 0
