"""Trial 14 m12 and m13: a number typed with full-width marks (１３４７．１, 1347。1) and a pinyin name written with
tone marks (Wūzhèn) or with its syllables apart ("wu zhen", wu-zhen) found nothing. They fold as their plain forms
do (text.fold.casefolded, number_point) and a name written apart is joined from the package's own names
(use.search_years.joined)."""

from __future__ import annotations

import pytest

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.exceptions import EmptyQueryError
from tongxiang_digital_economy.text.fold import casefolded, half_width, number_point
from tongxiang_digital_economy.use.search_query import normalised
from tongxiang_digital_economy.use.search_years import joined


def rows(query: str) -> frozenset[tuple[str, str]]:
    found = tde.search(query)
    return frozenset(zip(found["table"], found["key"], strict=True))


@pytest.mark.parametrize("typed", ["１３４７．１", "1347。1", "１，３４７．１", "1，347.1", "１３４７。１亿元"])
def test_a_number_typed_with_full_width_marks_finds_what_its_ascii_finds(typed: str) -> None:
    assert len(rows("1347.1")) == 9
    assert rows(typed) == rows("1347.1")


def test_a_full_width_minus_and_percent_sign_are_a_numbers() -> None:
    assert rows("－１８．６９％") == rows("-18.69%") != frozenset()


def test_the_full_width_marks_fold_only_where_they_are_a_numbers() -> None:
    assert half_width("１，３４７．１％") == "1,347.1%"
    assert half_width("增长12，2023年") == "增长12，2023年"  # a clause's comma: no group of three after it
    assert half_width("ＧＤＰ，５Ｇ。１：Ａ") == "GDP，5G。1：A"
    assert number_point("1347。1亿元") == "1347.1亿元"
    assert number_point("12。2023年") == "12。2023年"  # a sentence's end before a year
    assert number_point("增长12。5") == "增长12。5"  # the word does not begin with the number
    assert casefolded("总数为12。2023年") == "总数为12。2023年"  # a text's 。 always ends its sentence
    assert normalised("1347。1") == "1347.1"


@pytest.mark.parametrize("written", ["wu zhen", "Wu-Zhen", "WU ZHEN", "Wūzhèn", "Wǔzhèn"])
def test_wuzhen_written_apart_or_with_tone_marks_finds_what_wuzhen_finds(written: str) -> None:
    hits, plain = tde.search(written), tde.search("Wuzhen")
    assert len(plain) > 400
    assert hits.equals(plain)
    assert list(hits.attrs["subjects"]["subject"]) == list(plain.attrs["subjects"]["subject"])


def test_a_place_written_apart_beside_a_measure_is_the_place() -> None:
    assert rows("Tong Xiang") == rows("Tongxiang")
    spaced, plain = tde.search("tong xiang gdp"), tde.search("tongxiang gdp")
    assert list(spaced.attrs["indicators"]["indicator"]) == list(plain.attrs["indicators"]["indicator"])


def test_names_are_joined_from_the_datas_names_only() -> None:
    """The joining reads the names it is given (the package's), never a list of its own; one word or a one-letter
    part joins nothing, so "wu" and "an" stay words."""
    assert joined("pu yuan", {"puyuan": []}) == "puyuan"
    assert joined("pu yuan", {}) == "pu yuan"
    assert joined("pu-yuan gdp", {"puyuan": []}) == "puyuan gdp"
    assert joined("sci-tech zone", {"puyuan": []}) == "sci-tech zone"
    assert joined("u s", {"us": []}) == "u s"
    assert joined("wu", {"wuzhen": []}) == "wu"


def test_a_short_word_does_not_find_the_name_it_begins() -> None:
    found = rows("wu")
    assert ("places", "wuzhen") not in found
    assert len(found) < 10
    with pytest.raises(EmptyQueryError):
        tde.search("an")


def test_pinyin_a_mirror_site_inserted_is_no_word_of_the_text() -> None:
    """醫(yī)療器械: the toned pinyin is dropped, so 医疗器械 finds the evidence and "wu" does not find 業(yè)務(wù)."""
    assert casefolded("醫(yī)療器械") == "医疗器械"
    assert casefolded("地区生产总值(GDP)") == "地区生产总值(gdp)"  # a gloss is no inserted pinyin
    found = tde.search("医疗器械")
    assert "evidence" in set(found.loc[found["key"] == "linhua-medical", "column"])


def test_a_themed_search_that_finds_nothing_says_where_the_figures_are() -> None:
    """Trial 15 m14: `search --theme wic gdp` said "no rows mention 'gdp'", denying the GDP figures of theme
    economy. It names the themes whose figures the query finds, with the command for each."""
    from click.testing import CliRunner

    from tongxiang_digital_economy.cli import cli

    elsewhere = tde.search("gdp", theme="wic").attrs["other_themes"]
    assert elsewhere["economy"] >= 10 and "wic" not in elsewhere
    out = CliRunner().invoke(cli, ["search", "--theme", "wic", "gdp"], catch_exceptions=False).output
    shown = "; ".join(f"{n} figures of theme {t}: search gdp --theme {t}" for t, n in elsewhere.items())
    assert out == f"no rows of theme wic mention 'gdp' ({shown})\n"
