"""Trial 9 V5: small words changed a search's answer ("visitors to Wuzhen" 1 row against 12, "Tongxiang city GDP"
none, `search the` "62 indicators for 'the'"). Words that carry no meaning in a query are the lexicon's
`search_filler` and `search_place_word` rows (data), read past by search (search_query.meant)."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import EmptyQueryError
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_editions import cuts
from tongxiang_digital_economy.use.search_index import glosses, named_indicators
from tongxiang_digital_economy.use.search_numbers import number_query
from tongxiang_digital_economy.use.search_query import normalised, parse, read_small_words
from tongxiang_digital_economy.use.search_splits import subject_splits, without_connectives
from tongxiang_digital_economy.use.search_years import dated
from tongxiang_digital_economy.use.text_search import indicators


def rows(text: str, path: object = None) -> set[tuple[str, str]]:
    hits = tde.search(text, path=path)  # type: ignore[arg-type]
    return set(zip(hits["table"], hits["key"], strict=True))


# Phrasings no trial named, besides the trial's own, each with the same query without its small words.
@pytest.mark.parametrize(
    ("small", "plain"),
    [
        ("visitors to Wuzhen", "Wuzhen visitors"),
        ("the World Internet Conference", "World Internet Conference"),
        ("Tongxiang city GDP", "Tongxiang GDP"),
        ("tourists in Wuzhen", "Wuzhen tourists"),
        ("fiscal revenue of Tongxiang City", "Tongxiang fiscal revenue"),
        ("the Wuzhen Internet Hospital", "Wuzhen Internet Hospital"),
        ("a digital economy core industry", "digital economy core industry"),
        ("Wuzhen town visitors", "Wuzhen visitors"),
        ("GDP of the city of Tongxiang", "Tongxiang GDP"),
        ("乌镇的游客", "乌镇游客"),
        ("的GDP", "GDP"),
    ],
)
def test_small_words_do_not_change_the_answer(small: str, plain: str) -> None:
    found = rows(plain)
    assert found
    assert rows(small) == found
    assert list(indicators(small)["indicator"]) == list(indicators(plain)["indicator"])


def test_tongxiang_city_gdp_finds_tongxiangs_gdp_figures() -> None:
    hits = tde.search("Tongxiang city GDP")
    figures = hits[hits["table"] == "indicators"]
    assert len(figures) == 18
    assert "gdp" in set(hits.attrs["indicators"]["indicator"])


def test_a_run_of_words_that_is_a_name_keeps_its_small_words() -> None:
    """ "Light of the Internet Expo" is a name: its "of the" is not dropped, or the name would not be found whole."""
    assert rows("exhibitors at the Light of the Internet Expo") == rows("Light of the Internet Expo exhibitors")
    assert rows("Light of the Internet Expo")


@pytest.mark.parametrize("query", ["the", "of", "a", "的", "the of", "to the"])
def test_a_query_of_only_small_words_is_refused(query: str) -> None:
    message = (
        f"{query!r} holds only words that carry no meaning in a search (articles, prepositions, 的); give a word "
        "that names what you look for"
    )
    with pytest.raises(EmptyQueryError) as caught:
        tde.search(query)
    assert str(caught.value) == message
    with pytest.raises(EmptyQueryError):
        indicators(query)
    result = CliRunner().invoke(cli, ["search", query], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()[-1]) == (2, f"Error: {message}")


def test_the_small_words_are_the_lexicons(package: PackageCopy) -> None:
    """The word lists are data: without the lexicon's `search_filler` rows, "the" is a word to find again."""
    kept = [r for r in package.rows("lexicon") if r["category"] not in {"search_filler", "search_place_word"}]
    package.write("lexicon", kept)
    assert rows("the World Internet Conference", package.root) < rows("World Internet Conference", package.root)
    assert tde.search("the", path=package.root).shape[0] > 0


def lexicon_with(remove: tuple[str, str] | None = None, add: tuple[str, str, str] | None = None) -> pd.DataFrame:
    """The shipped lexicon without one (term, category) row and/or with one (term, language, category) row added."""
    frame = tde.load("lexicon").astype(object)
    if remove is not None:
        frame = frame[~((frame["term"] == remove[0]) & (frame["category"] == remove[1]))]
    if add is not None:
        row = {"term": add[0], "language": add[1], "category": add[2], "meaning": "x", "note": None}
        frame = pd.concat([frame, pd.DataFrame([row])], ignore_index=True)
    return frame


def test_the_words_that_write_a_year_in_a_query_are_the_lexicons() -> None:
    """2024年度营业收入 is 营业收入 of 2024 by the `search_year_word` rows (年, 年度); without 年度 the year is read
    by 年 and 度 is left with the words; a new year word (财年, a fiscal year) is read once a lexicon lists it."""
    shipped = read_small_words(lexicon_with()).year_words
    read = dated("2024年度营业收入", shipped)
    assert read is not None and (read.rest, read.year) == ("营业收入", 2024)
    read = dated("2024年度营业收入", read_small_words(lexicon_with(remove=("年度", "search_year_word"))).year_words)
    assert read is not None and (read.rest, read.year) == ("度营业收入", 2024)
    assert dated("2024财年营业收入", shipped) is None
    read = dated("2024财年营业收入", read_small_words(lexicon_with(add=("财年", "zh", "search_year_word"))).year_words)
    assert read is not None and (read.rest, read.year) == ("营业收入", 2024)
    assert number_query("2024年", None, shipped) is None  # a year, for the year reading
    bare = read_small_words(lexicon_with(remove=("年", "search_year_word"))).year_words
    assert dated("乌镇2024年gdp", bare) is None


def test_the_words_that_join_a_subject_to_its_measure_are_the_lexicons() -> None:
    """`search_connective` rows (of, 's, 的, 之) are dropped at a measure's edges ("gdp of" -> gdp, 的营业收入 ->
    营业收入); a copy without one keeps it, a copy with a new one (per, 地) drops that."""
    shipped = read_small_words(lexicon_with()).connectives
    assert without_connectives("gdp of", shipped) == "gdp"
    assert without_connectives("'s gdp", shipped) == "gdp"
    assert without_connectives("的营业收入之", shipped) == "营业收入"
    assert (
        without_connectives("gdp of", read_small_words(lexicon_with(remove=("of", "search_connective"))).connectives)
        == "gdp of"
    )
    assert (
        without_connectives(
            "的营业收入", read_small_words(lexicon_with(remove=("的", "search_connective"))).connectives
        )
        == "的营业收入"
    )
    assert without_connectives("gdp per", shipped) == "gdp per"
    assert (
        without_connectives(
            "gdp per", read_small_words(lexicon_with(add=("per", "en", "search_connective"))).connectives
        )
        == "gdp"
    )


def test_an_editions_year_leaves_no_connective_at_the_rests_edge() -> None:
    """2023年的乌镇峰会: the year cut out leaves 的乌镇峰会, read as 乌镇峰会 by the lexicon's 的; a copy without 的
    leaves it, and the rest is then no name."""
    frames = dict(searched().frames)
    assert {cut.rest for cut in cuts("2023年的乌镇峰会", frames)} == {"乌镇峰会"}
    frames["lexicon"] = lexicon_with(remove=("的", "search_connective"))
    assert {cut.rest for cut in cuts("2023年的乌镇峰会", frames)} == {"的乌镇峰会"}


def test_the_words_that_end_a_definitions_head_are_the_lexicons() -> None:
    """`search_gloss_end` rows (not, nor): population's definition says the source "does not say whether it is
    resident (常住) or registered (户籍)", so 常住 names no population figure; a copy without `not` reads both as
    its names. A new word (unlike) ends the head once a lexicon lists it."""
    frames = dict(searched().frames)
    shipped = read_small_words(frames["lexicon"]).gloss_ends
    definitions = frames["indicator_definitions"]
    text = str(definitions.loc[definitions["indicator"] == "population", "definition"].iloc[0])
    assert glosses(text, shipped) == []
    assert "population" not in named_indicators(parse("常住", frames), frames)
    frames["lexicon"] = lexicon_with(remove=("not", "search_gloss_end"))
    assert glosses(text, read_small_words(frames["lexicon"]).gloss_ends) == ["常住", "户籍"]
    assert "population" in named_indicators(parse("常住", frames), frames)
    unlike = "Operating revenue (营收), unlike profit (利润)"
    assert glosses(unlike, shipped) == ["营收", "利润"]
    assert glosses(unlike, read_small_words(lexicon_with(add=("unlike", "en", "search_gloss_end"))).gloss_ends) == [
        "营收"
    ]


def test_the_possessives_a_word_may_end_in_are_the_lexicons() -> None:
    """`search_possessive` rows ('s, ’s): Wuzhen's is Wuzhen, as a query and as a name; a copy without 's keeps
    it on the word; a copy given ´s (an acute accent typed for the apostrophe) reads Wuzhen´s as Wuzhen."""
    shipped = read_small_words(lexicon_with()).possessives
    assert normalised("Wuzhen's GDP", shipped) == "wuzhen gdp"
    assert normalised("Puyuan’s", shipped) == "puyuan"
    assert normalised("'s", shipped) == "s"  # alone, a connective (search_splits)
    assert normalised("Wuzhen's", read_small_words(lexicon_with(remove=("'s", "search_possessive"))).possessives) == (
        "wuzhen's"
    )
    assert normalised("Wuzhen´s", shipped) == "wuzhen´s"
    added = read_small_words(lexicon_with(add=("´s", "en", "search_possessive"))).possessives
    assert normalised("Wuzhen´s", added) == "wuzhen"
    assert subject_splits("tongxiang´s gdp", added)[0] == ("tongxiang ´s", "gdp")
    assert ("tongxiang", "´s gdp") in subject_splits("tongxiang´s gdp", added)
