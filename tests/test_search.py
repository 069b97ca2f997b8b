"""Search across tables with simplified and traditional script folded; themes; a figure's source in one step."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.text_search import SearchError, fold, text_columns

runner = CliRunner(catch_exceptions=False)


def test_folding_uses_opencc() -> None:
    assert fold("烏鎮") == fold("乌镇") == "乌镇"
    assert fold("WUZHEN") == "wuzhen"


def test_simplified_and_traditional_find_the_same_rows() -> None:
    simplified, traditional = tde.search("乌镇"), tde.search("烏鎮")
    assert simplified.equals(traditional)
    texts = set(simplified["text"])
    assert any("烏鎮" in t for t in texts) and any("乌镇" in t for t in texts)
    written_alike = tde.load("indicators")["evidence"]
    either = written_alike.str.contains("乌镇") | written_alike.str.contains("烏鎮")
    found = set(simplified.loc[(simplified["table"] == "indicators") & (simplified["column"] == "evidence"), "key"])
    assert found == set(tde.load("indicators").loc[either, "observation_id"])


def test_searched_columns_come_from_the_schemas() -> None:
    words = ["period_text", "value_text", "evidence", "subject_text", "attributed_to", "note"]
    assert text_columns("indicators") == words
    assert text_columns("places") == ["name", "name_zh", "aliases"]
    assert text_columns("indicator_definitions") == ["label", "definition", "written_forms"]


def test_aliases_and_english_names_are_searched() -> None:
    hits = tde.search("Wuzhen Avenue")
    assert ("places", "wuzhen-avenue-scitech-zone", "name") in set(
        zip(hits["table"], hits["key"], hits["column"], strict=True)
    )


def test_theme_is_one_filter() -> None:
    hits = tde.search("", theme="investment")
    definitions = tde.load("indicator_definitions")
    investment = set(definitions.loc[definitions["theme"] == "investment", "indicator"])
    indicators = tde.load("indicators")
    assert set(hits["table"]) == {"indicators", "indicator_definitions"}
    assert set(hits.loc[hits["table"] == "indicator_definitions", "key"]) == investment
    expected = set(indicators.loc[indicators["indicator"].isin(investment), "observation_id"])
    assert set(hits.loc[hits["table"] == "indicators", "key"]) == expected


def test_unknown_theme() -> None:
    message = (
        "no theme 'nope'; the themes are: economy, digital_economy, industry, investment, enterprises, trade, "
        "fiscal, finance, income, prices, population, employment, agriculture, tourism, infrastructure, innovation, "
        "wic, land, society, environment"
    )
    with pytest.raises(SearchError) as caught:
        tde.search("x", theme="nope")
    assert str(caught.value) == message
    result = runner.invoke(cli, ["search", "x", "--theme", "nope"])
    assert (result.exit_code, result.output) == (1, f"Error: {message}\n")


def test_search_command_names_rows_tables_and_sources() -> None:
    result = runner.invoke(cli, ["search", "烏鎮"])
    assert result.exit_code == 0
    hits = tde.search("烏鎮")
    rows = hits.drop_duplicates(["table", "key"])
    counts = ", ".join(f"{t} {n}" for t, n in rows["table"].value_counts(sort=False).items())
    lines = result.output.splitlines()
    assert lines[0] == f"{len(rows)} rows mention '烏鎮': {counts}"
    assert lines[-1].startswith(f"sources ({hits['source_id'].nunique()}): ")


def test_search_command_finds_nothing() -> None:
    result = runner.invoke(cli, ["search", "no such words anywhere"])
    assert (result.exit_code, result.output) == (0, "nothing mentions 'no such words anywhere'\n")


def test_search_json_equals_the_api() -> None:
    result = runner.invoke(cli, ["search", "MINIEYE", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(tde.search("MINIEYE").to_json(orient="records", force_ascii=False))
    assert len(json.loads(result.output)) > 0


def test_with_sources_adds_the_source_of_each_row() -> None:
    ind = tde.with_sources(tde.load("indicators"))
    row = ind[ind["observation_id"] == "chinadaily-2024-05-28-dynamic-tongxiang-002"].iloc[0]
    sources = tde.load("sources").set_index("source_id")
    src = sources.loc["chinadaily-2024-05-28-dynamic-tongxiang"]
    assert (row["source_title"], row["source_publisher"], row["source_grade"], row["source_url"]) == (
        src["title"],
        src["publisher"],
        "state_media",
        src["url"],
    )
    assert row["source_published"] == "2024-05-28"
    assert len(ind) == len(tde.load("indicators"))


def test_with_sources_needs_a_source_id() -> None:
    with pytest.raises(tde.TDEError) as caught:
        tde.with_sources(tde.load("units"))
    assert str(caught.value) == "the table has no source_id column, so it has no source to join"


def test_show_with_source_in_one_step() -> None:
    oid = "chinadaily-2024-05-28-dynamic-tongxiang-002"
    result = runner.invoke(
        cli, ["show", "indicators", "--where", f"observation_id={oid}", "--with-source", "--format", "json"]
    )
    assert result.exit_code == 0
    (row,) = json.loads(result.output)
    assert (row["value"], row["year"], row["source_grade"], row["source_published"]) == (
        3694,
        2023,
        "state_media",
        "2024-05-28",
    )
    assert row["source_url"].startswith("http")


def test_show_with_source_on_a_table_without_sources() -> None:
    result = runner.invoke(cli, ["show", "units", "--with-source"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: Invalid value for '--with-source': units has no source_id column"
