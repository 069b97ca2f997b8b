"""Trial 8: a query that is a subject's name (U5), brackets and possessives (S5's remnants), and a Chinese company's
short name (巨石 as Jushi). Each kind is tested on words no trial used as well as the trial's."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_query import normalised, small_words

runner = CliRunner(catch_exceptions=False)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("《乌镇》", "乌镇"),
        ("(GDP)", "gdp"),
        ("（桐乡）", "桐乡"),
        ("【濮院】", "濮院"),
        ("[Huayou]", "huayou"),
        ("Wuzhen's", "wuzhen"),
        ("Puyuan’s", "puyuan"),
        ("Tongxiang's GDP", "tongxiang gdp"),
        ("(Tongkun's)", "tongkun"),
        ("o'clock", "o'clock"),  # a quote inside a word stays
        ("f(x)", "f(x"),  # only brackets at a word's edge go
    ],
)
def test_brackets_and_a_possessive_are_no_part_of_the_word(query: str, expected: str) -> None:
    """Trial 8: 《乌镇》 found no rows, (GDP) 5 rows against GDP's 32, Wuzhen's 5 against Wuzhen's 460."""
    assert normalised(query, small_words(searched().frames).possessives) == expected  # the lexicon's 's, ’s


@pytest.mark.parametrize(
    ("written", "bare"), [("《乌镇》", "乌镇"), ("(GDP)", "GDP"), ("Puyuan's", "Puyuan"), ("【桐昆】", "桐昆")]
)
def test_a_bracketed_or_possessive_query_finds_what_the_bare_word_finds(written: str, bare: str) -> None:
    hits, plain = tde.search(written), tde.search(bare)
    assert len(plain) > 0
    assert hits.equals(plain)
    assert list(hits.attrs["indicators"]["indicator"]) == list(plain.attrs["indicators"]["indicator"])


@pytest.mark.parametrize(
    ("query", "key"),
    [("Wuzhen", "wuzhen"), ("乌镇", "wuzhen"), ("Tongxiang", "tongxiang"), ("桐乡", "tongxiang"), ("濮院", "puyuan")],
)
def test_a_places_name_names_no_indicator_from_definition_prose(query: str, key: str) -> None:
    """Trial 8 U5: "Wuzhen" listed competition entries, scenic sections and towns merged (definitions that gloss
    直通乌镇…, 乌镇景区, 统称为乌镇), "Tongxiang" the written form "Domestic investment outside Tongxiang". A place's
    name is no indicator's name; what the package holds about the place is listed instead."""
    hits = tde.search(query)
    assert list(hits.attrs["indicators"]["indicator"]) == []
    held = hits.attrs["subjects"]
    figures = tde.load("indicators").query("place_id == @key")["indicator"]
    assert list(held["subject"]) == [key]
    assert (int(held["figures"].iloc[0]), int(held["indicators"].iloc[0])) == (len(figures), figures.nunique())
    top = figures.value_counts().sort_index().sort_values(ascending=False, kind="stable").index[0]
    assert held["command"].iloc[0] == f"tongxiang-digital-economy series {top} --subject {key}"


def test_search_wuzhen_opens_with_what_the_package_holds_about_it() -> None:
    figures = tde.load("indicators").query("place_id == 'wuzhen'")["indicator"]
    counts = figures.value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:5]
    lines = runner.invoke(cli, ["search", "Wuzhen"]).output.splitlines()
    assert lines[:4] == [
        f"wuzhen (place): {len(figures)} figures under {len(counts)} indicators; most: "
        + ", ".join(f"{i} ({n})" for i, n in ranked),
        f"  tongxiang-digital-economy series {ranked[0][0]} --subject wuzhen",
        "  every figure: tongxiang-digital-economy show indicators --where place_id=wuzhen",
        "",
    ]
    assert not any("indicators for" in line for line in lines)


def test_an_indicators_name_still_opens_with_the_indicator_and_no_subject() -> None:
    """The block stays for a query that names an indicator, and a subject with a measure keeps its reading."""
    for query in ("gdp", "地区生产总值", "Wuzhen visitors"):
        hits = tde.search(query)
        assert len(hits.attrs["indicators"]) > 0, query
        assert len(hits.attrs["subjects"]) == 0, query


def test_a_definition_that_names_a_subject_whole_is_still_named(package: PackageCopy) -> None:
    """The rule is about prose: a subject's name that is one of an indicator's names whole still names it."""
    rows = package.rows("indicator_definitions")
    at = next(n for n, r in enumerate(rows, start=2) if r["indicator"] == "scenic_area_sections")
    package.edit("indicator_definitions", at, search_words="Puyuan")
    hits = tde.search("Puyuan", path=package.root)
    assert list(hits.attrs["indicators"]["indicator"]) == ["scenic_area_sections"]
    # a name stands for all its names, so 濮院 names it too; another place's name does not
    assert list(tde.search("濮院", path=package.root).attrs["indicators"]["indicator"]) == ["scenic_area_sections"]
    assert list(tde.search("Wuzhen", path=package.root).attrs["indicators"]["indicator"]) == []


def rows_of(query: str, path: object = None) -> set[tuple[str, str]]:
    hits = tde.search(query, path=path)  # type: ignore[arg-type]
    return set(zip(hits["table"], hits["key"], strict=True))


def test_a_chinese_short_name_finds_what_its_english_finds() -> None:
    """Trial 8: 巨石 (巨石集团's everyday name) found 8 rows and Jushi 29: 巨石 is in the names of four subjects, too
    many for a part of names, while Jushi is an alias. 巨石 + a company suffix is a name, so 巨石 is that name's
    short form and counts as Jushi does."""
    assert rows_of("巨石") == rows_of("Jushi")
    assert len(rows_of("巨石")) > 8


def test_a_short_name_without_its_alias_is_found_by_its_suffixed_name(package: PackageCopy) -> None:
    """Words no trial used: Tongkun's aliases without 桐昆, so 桐昆 is only a part of 桐昆集团 and other names;
    it still finds what Tongkun finds."""
    rows = package.rows("enterprises")
    at = next(n for n, r in enumerate(rows, start=2) if r["enterprise_id"] == "tongkun-group")
    package.edit("enterprises", at, aliases="Tongkun|Tong Kun Group")
    tongkun = rows_of("Tongkun", package.root)
    assert len(tongkun) > 20
    assert rows_of("桐昆", package.root) == tongkun
