"""Search across tables with simplified and traditional script folded; themes; a figure's source in one step."""

from __future__ import annotations

import functools
import json

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy, found

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import EmptyQueryError
from tongxiang_digital_economy.core.report import count
from tongxiang_digital_economy.text.fold import casefolded as fold
from tongxiang_digital_economy.text.stems import stem
from tongxiang_digital_economy.use.search_columns import text_columns, themes
from tongxiang_digital_economy.use.text_search import SearchError, indicators, normalised

runner = CliRunner(catch_exceptions=False)


def test_folding_uses_opencc() -> None:
    assert fold("烏鎮") == fold("乌镇") == "乌镇"
    assert fold("WUZHEN") == "wuzhen"


def test_simplified_and_traditional_find_the_same_rows() -> None:
    simplified, traditional = tde.search("乌镇"), tde.search("烏鎮")
    assert simplified.equals(traditional)
    texts = set(simplified["text"])
    assert any("烏鎮" in t for t in texts) and any("乌镇" in t for t in texts)


def wuzhen_names() -> set[str]:
    place = tde.load("places").set_index("place_id").loc["wuzhen"]
    return {fold(n) for n in [place["name"], place["name_zh"], *str(place["aliases"]).split("|")] if n}


def test_a_name_finds_its_other_names_in_either_language() -> None:
    english, chinese = tde.search("Wuzhen"), tde.search("乌镇")
    assert english.equals(chinese)
    evidence = tde.load("indicators").set_index("observation_id")["evidence"].dropna()
    names = wuzhen_names()
    written = {k for k, text in evidence.items() if any(n in fold(text) for n in names)}
    found = set(english.loc[(english["table"] == "indicators") & (english["column"] == "evidence"), "key"])
    assert found == written
    # The rows about Wuzhen are found by their subject even where no text names it.
    about = set(tde.load("indicators").query("place_id == 'wuzhen'")["observation_id"])
    assert about <= set(english.loc[english["table"] == "indicators", "key"])
    rows = english[english["table"] == "indicators"]
    assert set(rows.loc[rows["column"] == "place_id", "key"]) == about - set(
        rows.loc[rows["column"] != "place_id", "key"]
    )


def test_english_words_match_in_any_form_and_order() -> None:
    hits = tde.search("core industry")
    definitions = tde.load("indicator_definitions").set_index("indicator")["label"]
    found = set(hits.loc[(hits["table"] == "indicator_definitions") & (hits["column"] == "label"), "key"])
    plural = {k for k, label in definitions.items() if "core" in label.lower() and "industries" in label.lower()}
    assert plural and plural <= found
    assert set(tde.search("industries core")["key"]) == set(hits["key"])
    assert stem("industries") == "industry" and stem("conferences") == "conference" and stem("gdp") == "gdp"


def test_search_gdp_leads_to_the_series_in_one_step() -> None:
    result = runner.invoke(cli, ["search", "gdp"])
    found = indicators("gdp")
    assert result.exit_code == 0 and found["indicator"].iloc[0] == "gdp"  # the exact id first
    figures = tde.load("indicators").query("indicator == 'gdp'")
    subject = figures["place_id"].value_counts().index[0]
    years = sorted(figures.loc[figures["place_id"] == subject, "year"].dropna().astype(int))
    lines = result.output.splitlines()
    label = " / ".join(tde.load("indicator_definitions").set_index("indicator").loc["gdp", ["label", "label_zh"]])
    assert lines[0] == f"{len(found)} indicators for 'gdp':"
    assert lines[1] == f"  gdp: {label} (economy; {len(figures)} figures)"
    gdp = tde.load("indicator_definitions").set_index("indicator").loc["gdp"]
    assert lines[2] == f"    written: {', '.join(gdp['written_forms'].split('|'))}"
    assert lines[3] == f"    also found by: {', '.join(gdp['search_words'].split('|'))}"
    assert lines[4].startswith(f"    about: {subject} ({years[0]}-{years[-1]})")
    assert lines[5] == f"    tongxiang-digital-economy series gdp --subject {subject}"
    series = runner.invoke(cli, lines[5].split()[1:])
    assert series.exit_code == 0 and "preferred" in series.output


def test_an_empty_query_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["search"])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        "Error: give words to search for (TEXT), or a theme (--theme)",
    )
    with pytest.raises(SearchError):
        tde.search("  ")


@pytest.mark.parametrize("query", [".", "-", "(", " -- ", "・、。", "_"])
def test_a_query_of_no_word_is_refused_as_the_empty_one(query: str) -> None:
    """Review 3 F13: `search .` listed all 430 indicators and 1410 rows; a query without a letter, digit or Han
    character names nothing, so the library refuses it (EmptyQueryError, a SearchError) and the CLI exits 2."""
    with pytest.raises(EmptyQueryError) as caught:
        tde.search(query)
    message = (
        f"{query.strip()!r} holds no word to search for (a letter, digit or Han character); give words, or a theme"
    )
    assert str(caught.value) == f"{message} (theme=)"
    result = CliRunner().invoke(cli, ["search", query], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()[-1]) == (2, f"Error: {message} (--theme)")


@pytest.mark.parametrize(
    ("quoted", "bare"),
    [('"core industry"', "core industry"), ('"乌镇"', "乌镇"), ("gdp?", "gdp"), ("Wuzhen,", "Wuzhen")],
)
def test_quotes_and_punctuation_at_a_words_edge_find_what_the_bare_word_finds(quoted: str, bare: str) -> None:
    """Trial 7 S5: '"core industry"', '"乌镇"' and 'gdp?' found no rows, 'Wuzhen,' 254 rows against Wuzhen's 460:
    the quotes and the comma were characters to match. The library and the CLI both read the query without them."""
    hits, plain = tde.search(quoted), tde.search(bare)
    rows = len(plain.drop_duplicates(["table", "key"]))
    assert rows > 0
    assert len(hits.drop_duplicates(["table", "key"])) == rows
    assert hits.equals(plain)
    assert list(hits.attrs["indicators"]["indicator"]) == list(plain.attrs["indicators"]["indicator"])
    lines = runner.invoke(cli, ["search", quoted]).output.splitlines()
    assert f"{count(rows, 'row')} match {quoted!r} ({len(plain)} cells): " in "\n".join(lines)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("“core industry”", "core industry"),
        ("「乌镇」", "乌镇"),
        ("『烏鎮』", "乌镇"),
        ("‘Wuzhen’", "wuzhen"),
        ("'gdp'", "gdp"),
        ("gdp？", "gdp"),
        ("乌镇， 桐乡。", "乌镇 桐乡"),
        ("fiscal revenue!", "fiscal revenue"),
        ("Xi'an", "xi'an"),  # inside a word a quote or full stop stays
        ("U.S.", "u.s"),
    ],
)
def test_a_query_is_normalised_without_its_quotes_and_edge_punctuation(query: str, expected: str) -> None:
    assert normalised(query) == expected


@pytest.mark.parametrize("query", ["5G", "乌镇", "é"])
def test_one_letter_digit_or_han_character_is_a_query(query: str) -> None:
    assert isinstance(tde.search(query), pd.DataFrame)


def test_help_lists_the_themes() -> None:
    text = " ".join(runner.invoke(cli, ["search", "--help"]).output.split())
    assert ", ".join(themes()) in text


def test_investment_at_the_conference_is_one_theme() -> None:
    hits = tde.search("World Internet Conference", theme="investment")
    definitions = tde.load("indicator_definitions").set_index("indicator")
    figures = tde.load("indicators").set_index("observation_id")
    found = hits.loc[hits["table"] == "indicators", "key"]
    money = {k for k in found if definitions.at[figures.at[k, "indicator"], "dimension"] == "currency"}
    contracts = set(figures.index[figures["indicator"] == "cooperation_projects_contract_amount"])
    assert contracts and contracts <= money  # the contract amounts signed at the conference, with investment


def test_searched_columns_come_from_the_schemas() -> None:
    words = ["period_text", "value_text", "evidence", "subject_text", "attributed_to", "note"]
    assert text_columns("indicators") == words
    assert text_columns("places") == ["name", "name_zh", "aliases"]
    assert text_columns("indicator_definitions") == [
        "label",
        "label_zh",
        "definition",
        "written_forms",
        "search_words",
        "not_comparable",
        "counts",
        "fraction_of",
    ]


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
    result = CliRunner().invoke(cli, ["search", "x", "--theme", "nope"])
    assert (result.exit_code, result.output.splitlines()[-1]) == (2, f"Error: Invalid value for --theme: {message}")


def test_search_command_names_rows_tables_and_sources() -> None:
    result = runner.invoke(cli, ["search", "烏鎮"])
    assert result.exit_code == 0
    hits = tde.search("烏鎮")
    rows = hits.drop_duplicates(["table", "key"])
    counts = ", ".join(f"{t} {n}" for t, n in rows["table"].value_counts(sort=False).items())
    lines = result.output.splitlines()
    assert f"{len(rows)} rows match '烏鎮' ({len(hits)} cells): {counts}" in lines
    assert lines[-1].startswith(f"sources ({hits['source_id'].nunique()}): ")


def test_rows_that_rest_on_no_source_print_no_sources_line() -> None:
    """Trial 5 n4: rows of definitions only printed `sources (0): `, which reads as "no source"; a list with
    nothing to list is no line."""
    query = "the sessions the period covers"  # words of definitions only (rows of a table without source_id)
    hits = tde.search(query)
    assert set(hits["table"]) == {"indicator_definitions"} and hits["source_id"].isna().all()
    lines = runner.invoke(cli, ["search", query], catch_exceptions=False).output.splitlines()
    assert lines[0] == f"{len(hits)} rows match {query!r} ({len(hits)} cells): indicator_definitions {len(hits)}"
    assert len(lines) == 2 + len(hits)  # the count, the table's header and its rows: nothing after them
    assert lines[-1].startswith("indicator_definitions ")


def test_one_row_matches_in_the_singular() -> None:
    """Trial 6 r11: `search households` said "1 row match"."""
    query = "the acquired company is named in the note"  # words of one definition only
    hits = tde.search(query)
    assert len(hits) == 1
    lines = runner.invoke(cli, ["search", query], catch_exceptions=False).output.splitlines()
    assert f"1 row matches {query!r} (1 cell): {hits['table'].iloc[0]} 1" in lines


def test_a_name_that_is_part_of_other_names_finds_them_too() -> None:
    """Trial 6 r10: `search Huayou` (an alias of Huayou Cobalt) missed the 9 rows that write only 华友浦项 (Huayou
    POSCO), which 华友 and "Huayou POSCO" find. A name of an enterprise that is also part of a few other
    enterprises' or projects' names stands for them all, as its Chinese part does."""
    english, chinese = tde.search("Huayou"), tde.search("华友")
    assert set(english["key"]) == set(chinese["key"])
    assert "mfbisv-2020-11-20-wuzhen-avenue-scitech-zone-008" in set(english["key"])  # 华友浦项、雷迪克等5个项目
    assert set(tde.search("Huayou POSCO")["key"]) <= set(english["key"])


def test_search_command_finds_nothing() -> None:
    result = runner.invoke(cli, ["search", "no such words anywhere"])
    assert (result.exit_code, result.output) == (0, "no rows mention 'no such words anywhere'\n")


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


def test_a_table_with_a_header_and_no_rows_is_searched_without_a_crash(package: PackageCopy) -> None:
    package.write("indicators", [])  # the table every search reads first; no other table refers to it
    result = runner.invoke(cli, ["search", "gdp", "--package", str(package.root)])
    assert result.exit_code == 0
    assert result.output.splitlines()[:2] == [
        "5 indicators for 'gdp':",
        "  gdp: GDP / 地区生产总值 (economy; 0 figures)",
    ]
    result = runner.invoke(cli, ["search", "1141.69亿元", "--package", str(package.root)])
    assert (result.exit_code, result.output) == (0, "no rows mention '1141.69亿元'\n")


def test_a_part_of_a_projects_names_finds_all_its_figures_in_either_language() -> None:
    """Trial 3 N4: "supercomputing", 乌镇之光 and 超算 each stand for the Light of Wuzhen supercomputing centre, so
    each finds every figure about it, whichever language its evidence is in; a word in many names does not."""
    centre = "light-of-wuzhen-supercomputing-center"
    indicators = tde.load("indicators")
    about = set(indicators.loc[indicators["project_id"] == centre, "observation_id"])
    assert len(about) >= 10
    for query in ("supercomputing", "乌镇之光", "超算", "Light of Wuzhen"):
        found = tde.search(query)
        assert about <= set(found.loc[found["table"] == "indicators", "key"]), query
    world = set(indicators.loc[indicators["project_id"] == "world-internet-conference", "observation_id"])
    found = tde.search("internet")
    assert not world <= set(found.loc[found["table"] == "indicators", "key"])  # "internet" names no subject


@functools.cache
def figures_found(query: str) -> frozenset[str]:
    """The figures a search of the shipped package finds: kept per query, as the shipped package never changes in
    a test run (several tests search the same written forms)."""
    found = tde.search(query)
    return frozenset(found.loc[found["table"] == "indicators", "key"])


@functools.cache
def indicators_named(query: str) -> frozenset[str]:
    """The indicators a query of the shipped package names, kept per query like `figures_found`."""
    return frozenset(indicators(query)["indicator"])


@pytest.mark.parametrize("query", ["乌镇峰会嘉宾", "世界互联网大会嘉宾", "Wuzhen Summit guests"])
def test_guests_in_either_language_name_the_same_indicators(query: str) -> None:
    """Trial 13 m1: 乌镇峰会嘉宾 named 10 indicators and "WIC guests" 8: the guests' countries and regions were
    labelled 活动嘉宾来自国家和地区数 in Chinese but "Countries and regions represented at an event" in English. Its
    English label now says whose countries they are ("of an event's guests", as its continents' label does)."""
    assert indicators_named(query) == indicators_named("WIC guests")
    assert {"event_countries_regions_represented", "event_guests"} <= indicators_named(query)


def test_a_chinese_query_finds_what_its_english_twin_finds() -> None:
    """Trial 3 N6: 财政收入 is found inside 财政总收入 (its pieces in order), and it names the indicator whose written
    form is 财政总收入, as "fiscal revenue" names it by its label: both find the same figures, every figure of it."""
    figures = tde.load("indicators")
    named = ["fiscal_revenue_total", "fiscal_revenue_total_rank_in_jiaxing"]
    fiscal = set(figures.loc[figures["indicator"].isin(named), "observation_id"])
    assert len(fiscal) >= 5
    chinese, english = figures_found("财政收入"), figures_found("fiscal revenue")
    assert fiscal <= chinese and fiscal <= english
    # what else each finds is another indicator's figure whose own text (in that language) mentions it
    for query, keys in (("财政收入", chinese), ("fiscal revenue", english)):
        hits = tde.search(query).query("table == 'indicators'")
        assert set(hits.loc[hits["column"] == "indicator", "key"]) <= fiscal
        assert keys - fiscal <= set(hits.loc[hits["column"].isin(["evidence", "note"]), "key"])
    # the rank in Jiaxing is another measure: named by a query that says rank (test_search_terms, trial 8)
    assert set(indicators("财政收入")["indicator"]) == set(indicators("fiscal revenue")["indicator"])
    assert set(indicators("财政收入")["indicator"]) == {"fiscal_revenue_total"}
    result = runner.invoke(cli, ["search", "财政收入"])
    assert result.exit_code == 0 and "no rows mention" not in result.output
    assert "  fiscal_revenue_total: Total fiscal revenue / 财政总收入 (fiscal; 4 figures)" in result.output.splitlines()
    # pieces stay within a clause: 财政 and 收入 a comma or a sentence apart are not 财政收入
    hits = tde.search("财政收入").query("column != 'indicator'")  # (rows about a named indicator, by its id)
    clauses = hits["text"].map(fold).str.split(r"[,，。;；、|]", regex=True)
    assert len(clauses) and clauses.map(lambda cs: any("财政" in c and "收入" in c for c in cs)).all()


@pytest.mark.parametrize(
    ("chinese", "written"),
    [("签约项目", "新签约内外资项目23个"), ("签约项目", "现场签约63个合作项目"), ("参展企业", "企业参展")],
)
def test_a_chinese_query_finds_its_pieces_in_one_clause_in_any_order(chinese: str, written: str) -> None:
    """Trial 5 P1: 签约项目 found 2 rows where "signed projects" found 28: Chinese writes the words of a phrase
    apart (新签约内外资项目, 企业参展) as English does ("projects signed"); the pieces are found in any order, within
    a clause."""
    hits = tde.search(chinese)
    assert hits["text"].str.contains(written, regex=False).any()
    assert not tde.search("签约项目")["text"].str.fullmatch(r"[^,，。;；、|]*签约[,，。;；、|].*项目.*").any()


@pytest.mark.parametrize(
    ("english", "chinese", "named"),
    [
        ("visitors", "游客", {"tourist_arrivals", "tourist_arrivals_growth", "star_hotel_overnight_guests"}),
        ("tax revenue", "税收", {"project_annual_tax", "internet_related_enterprises_paying_tax"}),
        ("delegates", "代表", {"event_guests", "event_guests_each_year"}),
        ("gross domestic product", "地区生产总值", {"gdp", "gdp_growth", "share_of_city_gdp"}),
    ],
)
def test_an_english_query_names_what_its_chinese_twin_names(english: str, chinese: str, named: set[str]) -> None:
    """Trial 5 P1: `search visitors` missed the town's tourist_arrivals (接待游客), "tax revenue" named no
    indicator though 税收 named two, and "gross domestic product" none: the written forms lacked the words a reader
    types in the other language. Both name the same indicators, and so find the same figures of them."""
    assert named <= indicators_named(chinese) <= indicators_named(english)
    # "visitors" also names the counts of visits (visitor and visit are one root, trial 7 S1), which 游客 does not
    beyond = {i for i in indicators_named(english) - indicators_named(chinese) if "visits" not in label_of(i)}
    assert not beyond
    assert indicators_named(english) == indicators_named(chinese) or english == "visitors"


def label_of(indicator: str) -> str:
    return str(tde.load("indicator_definitions").set_index("indicator").at[indicator, "label"]).lower()


@pytest.mark.parametrize(
    ("query", "indicator"),
    [
        *((q, "event_guests") for q in ("participants", "attendees", "delegates", "嘉宾", "代表")),
        *(
            (q, i)
            for q in ("签约项目", "signed projects")
            for i in ("cooperation_projects_signed", "investment_projects_signed", "event_investment_projects_signed")
        ),
        *((q, "event_exhibiting_enterprises") for q in ("exhibitors", "参展")),
        *((q, "cpc_party_members") for q in ("Party members", "党员")),
        *((q, i) for q in ("population", "人口") for i in ("population_urban", "population_registered_female")),
    ],
)
def test_the_words_for_a_thing_in_either_language_name_its_indicator(query: str, indicator: str) -> None:
    """Trial 5 P1: `participants` reached event_guests, `attendees` and `delegates` nothing; 签约项目 named one of
    the signed-project counts "signed projects" names, `exhibitors` not the exhibiting enterprises 参展 names, 党员
    nothing, 人口 not the urban, female or male population "population" names."""
    assert indicator in indicators_named(query)


def test_a_search_word_finds_its_indicator_but_anchors_no_figure(package: PackageCopy) -> None:
    """Review 5 R3: 签约项目, added to two neighbouring counts so that a query finds both, let a figure of one
    validate as the other's. In `search_words` it still finds each, but proves no figure: the cooperation
    conference's 签约项目268个, refiled as the count of projects signed at an event, is caught on its row. Moved
    back into written_forms, the same word anchors the refiled figure again: only written_forms proves what a
    figure is."""
    definitions = package.rows("indicator_definitions")
    at = {r["indicator"]: n for n, r in enumerate(definitions, start=2)}
    event = definitions[at["event_investment_projects_signed"] - 2]
    assert "签约项目" in event["search_words"].split("|") and "签约项目" not in event["written_forms"].split("|")
    rows = package.rows("indicators")
    row = next(n for n, r in enumerate(rows, start=2) if r["observation_id"] == REFILED)
    assert "签约项目" in rows[row - 2]["evidence"]
    package.edit("indicators", row, indicator="event_investment_projects_signed")
    assert "event_investment_projects_signed" in set(indicators("签约项目", package.root)["indicator"])
    assert found(package.semantics(), "indicator-not-in-evidence") == [("indicators", row, "indicator")]
    forms = f"{event['written_forms']}|签约项目"
    package.edit("indicator_definitions", at["event_investment_projects_signed"], written_forms=forms, search_words="")
    assert "event_investment_projects_signed" in set(indicators("签约项目", package.root)["indicator"])
    assert found(package.semantics(), "indicator-not-in-evidence") == []


REFILED = "qjwb-monvtuan-2024-11-21-digital-economy-cooperation-63-projects-005"  # 6年来累计签约项目268个


@pytest.mark.parametrize(
    ("everyday", "translation", "named"),
    [
        ("投资总额", "total investment", {"project_total_investment", "municipal_major_projects_total_investment"}),
        ("参展商", "exhibitors", {"event_exhibiting_enterprises", "event_foreign_exhibitors"}),
        ("GDP增速", "GDP growth", {"gdp_growth"}),
        ("游客人数", "tourist arrivals", {"tourist_arrivals", "scenic_area_tourist_arrivals"}),
        ("嘉宾人数", "guests attending", {"event_guests", "event_guests_onsite", "event_foreign_guests"}),
        ("number of guests", "guests attending", {"event_guests"}),
        ("参会嘉宾", "guests attending", {"event_guests"}),
    ],
)
def test_everyday_phrasings_name_what_their_translation_names(everyday: str, translation: str, named: set[str]) -> None:
    """Trial 6 Q3: 投资总额, 参展商, GDP增速, 游客人数, 嘉宾人数 and "number of guests" found nothing (a piece such as
    总额 or 人数 is in no cell) where their translation finds dozens of figures. The words are search vocabulary
    (search_words, as data: no text of these figures writes them, so they anchor none): each phrasing names the
    indicators listed, as its translation does, and finds their figures."""
    assert named <= indicators_named(everyday) & indicators_named(translation)
    rows = tde.search(everyday)
    figures = tde.load("indicators")
    own = set(figures.loc[figures["indicator"].isin(named), "observation_id"])
    assert own and own <= set(rows.loc[rows["table"] == "indicators", "key"])


def test_tax_revenue_lists_its_indicators() -> None:
    lines = runner.invoke(cli, ["search", "tax revenue"], catch_exceptions=False).output.splitlines()
    figures = tde.load("indicators")["indicator"].value_counts()
    assert lines[0] == "2 indicators for 'tax revenue':"
    tax = count(int(figures["project_annual_tax"]), "figure")
    assert f"  project_annual_tax: Annual tax of a project / 项目年税收 (fiscal; {tax})" in lines
    assert "    written: 税收" in lines
    assert "    also found by: tax revenue" in lines  # no source of it writes "tax revenue": a search word


@pytest.mark.parametrize("query", ["游客", "visitors", "tourists"])
def test_each_indicator_found_shows_its_words_in_either_language(query: str) -> None:
    """Trial 3 N6: 游客, visitors and tourists are three words and name different indicators; the output says so
    and lists each indicator's written forms, and a written form found there finds that indicator's figures."""
    result = runner.invoke(cli, ["search", query])
    found = indicators(query)
    definitions = tde.load("indicator_definitions").set_index("indicator")
    figures = tde.load("indicators")
    lines = result.output.splitlines()
    assert (
        "  (another word, or the same word in the other language, may name other indicators: try the written"
        " forms above)" in lines
    )
    for indicator in found["indicator"]:
        written = str(definitions.at[indicator, "written_forms"]).split("|")
        assert f"    written: {', '.join(written)}" in lines
        extra = definitions.at[indicator, "search_words"]
        words = extra.split("|") if isinstance(extra, str) else []
        assert (f"    also found by: {', '.join(words)}" in lines) == bool(words)
        mine = set(figures.loc[figures["indicator"] == indicator, "observation_id"])
        for form in written + words:
            assert indicator in indicators_named(form), form
            assert mine <= figures_found(form), form


@pytest.mark.parametrize(
    "query", ["tourist arrivals", "员工", "industrial added value", "游客", "guests", "enterprises"]
)
def test_an_indicator_listed_for_a_query_has_its_figures_among_the_rows(query: str) -> None:
    """Trial 4 M2: "tourist arrivals" named five indicators by their ids, 员工 named employees by its definition's
    gloss, and the rows held none of their figures ("sources (0)", "no rows mention"). Each indicator listed is
    one the query names, and every figure of it is among the rows."""
    found = tde.search(query)
    listed = found.attrs["indicators"]
    assert len(listed)
    figures = tde.load("indicators")
    rows = set(found.loc[found["table"] == "indicators", "key"])
    for indicator in listed["indicator"]:
        mine = set(figures.loc[figures["indicator"] == indicator, "observation_id"])
        assert mine <= rows, indicator
    output = runner.invoke(cli, ["search", query]).output
    assert "sources (0)" not in output and "no rows mention" not in output


def test_the_words_of_an_indicators_id_and_its_definitions_gloss_name_it() -> None:
    """Trial 4 M2: "industrial added value" are the words of industrial_value_added's id, 员工 the term its
    definition glosses ("Number of employees (员工) of an enterprise"): each finds the figures, as the other
    language does. 员工 also names employee_wage_level, by its Chinese label 员工工资, as "employees" names it by its
    label "Wage paid to employees"."""
    bulletin = {f"txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021-0{n}" for n in (10, 11, 12)}
    assert bulletin <= figures_found("industrial added value") and bulletin <= figures_found("工业增加值")
    assert {"employees", "employee_wage_level"} == set(indicators("员工")["indicator"])
    assert set(indicators("employees")["indicator"]) == set(indicators("员工")["indicator"])
    assert figures_found("员工") >= {
        "sjfzxm-2018-tongkun-from-breaking-shell-to-giant-006",
        "ft-2021-10-25-huayou-cobalt-tearsheet-004",
    }
    result = runner.invoke(cli, ["search", "员工"])
    lines = result.output.splitlines()
    assert "  employees: Employees / 员工人数 (employment; 2 figures)" in lines
    assert "5 rows match '员工' (6 cells): indicator_definitions 2, indicators 3" in lines
    assert (
        "sources (3): carnewschina-2025-08-04-neta-restarts-47-investors, ft-2021-10-25-huayou-cobalt-tearsheet,"
        " sjfzxm-2018-tongkun-from-breaking-shell-to-giant" in lines
    )
    added = runner.invoke(cli, ["search", "industrial added value"]).output.splitlines()
    assert "3 rows match 'industrial added value' (3 cells): indicators 3" in added
    assert "sources (1): txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021" in added


def test_a_definitions_passing_mention_lists_no_indicator() -> None:
    """Trial 4 m6: village_collective_economy_annual_income's definition says "Not the town's fiscal revenue";
    "fiscal revenue" finds that definition as a row, but does not list the indicator (whose figures are not
    fiscal revenue) nor add its figures."""
    found = tde.search("fiscal revenue")
    assert "village_collective_economy_annual_income" not in set(found.attrs["indicators"]["indicator"])
    definitions = found.query("table == 'indicator_definitions' and column == 'definition'")
    assert "village_collective_economy_annual_income" in set(definitions["key"])
    figures = tde.load("indicators")
    village = set(figures.loc[figures["indicator"] == "village_collective_economy_annual_income", "observation_id"])
    assert village and not village & set(found.loc[found["column"] == "indicator", "key"])


def test_a_name_is_found_as_a_phrase_not_as_scattered_words() -> None:
    """Trial 4 m6: "Light of Wuzhen" also found the rows about the Light of the Internet Expo held in Wuzhen
    (every word somewhere in the cell). A name's words match in order, side by side; the project's rows are all
    still found, in either language, and a query that names nothing still finds its words anywhere."""
    found = tde.search("Light of Wuzhen")
    rows = set(found.loc[found["table"] == "indicators", "key"])
    expo = "zqa-2024-01-19-internet-light-expo-ten-years-004"
    assert expo not in rows
    assert "Light of the Internet Expo" in str(tde.load("indicators").set_index("observation_id").at[expo, "note"])
    figures = tde.load("indicators")
    own = set(figures.loc[figures["project_id"] == "light-of-wuzhen-supercomputing-center", "observation_id"])
    assert len(own) >= 10 and own <= rows
    assert "Light of the Internet Expo" not in " ".join(found["text"])
    scattered = tde.search("expo wuzhen light")  # no name: its words anywhere
    assert expo in set(scattered["key"])


def test_search_says_which_indicators_figures_are_not_comparable() -> None:
    """M5 (trial 4), found first: the indicator block of `search` says that history_length's figures are no series,
    in its definition's words, before a reader runs the command it shows."""
    found = tde.search("history").attrs["indicators"].set_index("indicator")
    why = tde.load("indicator_definitions").set_index("indicator").at["history_length", "not_comparable"]
    assert found.at["history_length", "not_comparable"] == why
    assert found.at["civilization_history_length", "not_comparable"] == ""
    result = CliRunner().invoke(cli, ["search", "history"], catch_exceptions=False)
    assert f"    its figures are not comparable with one another: {why}\n" in result.output


@pytest.mark.parametrize(
    ("words", "rows"),
    [
        ("Minieye", {"minieye", "youjia-technology"}),  # the English text's company, and 佑驾科技
        ("Freetech", {"freetech", "furuitaike"}),  # the English text's company, and 福瑞泰克
        ("Uniview", {"uniview", "yushi-technology"}),  # the English text's company, and 宇视科技
        ("Geely", {"geely-auto"}),  # 吉利汽车
        ("POSCO", {"zhejiang-huayou-posco-new-energy"}),  # 华友浦项
        ("Sugon", {"sugon"}),  # 中科曙光
        ("CYTS", {"cyts"}),  # 中青旅
        ("China Mobile", {"china-mobile-tongxiang-branch"}),  # 移动桐乡分公司
    ],
)
def test_the_english_name_users_search_for_finds_the_company(words: str, rows: set[str]) -> None:
    """Review 4 F2: a company no archived text names in English is found by the name it is commonly known by
    (name_origin `convention`), and a company kept as two rows, one per script, is found as both."""
    hits = tde.search(words)
    named = hits[(hits["table"] == "enterprises") & (hits["column"] == "name")]
    assert set(named["key"]) == rows
