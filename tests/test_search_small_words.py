"""Trial 9 V5: small words changed a search's answer ("visitors to Wuzhen" 1 row against 12, "Tongxiang city GDP"
none, `search the` "62 indicators for 'the'"). Words that carry no meaning in a query are the lexicon's
`search_filler` and `search_place_word` rows (data), read past by search (search_query.meant)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import EmptyQueryError
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
