"""Trial 10's search findings: a measure and a year (W2), a generic word that is a part of a subject's names and an
indicator's written form (m4), the lexicon's search-only rows (m8), and the query's odds: a negative number, `%`,
a name written twice (m10). On the real package, with the trial's exact queries and some no trial used."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.search_columns import SEARCH_ONLY
from tongxiang_digital_economy.use.search_query import small_words
from tongxiang_digital_economy.use.search_years import dated, once
from tongxiang_digital_economy.use.text_search import indicators, names, number_in, searched

runner = CliRunner(catch_exceptions=False)


def figure_keys(hits: object) -> set[str]:
    frame = hits  # a search's hits
    assert hasattr(frame, "loc")
    return set(frame.loc[frame["table"] == "indicators", "key"])  # type: ignore[index]


@pytest.mark.parametrize(
    ("query", "plain", "year", "held"),
    [
        ("GDP 2016", "gdp", 2016, "wikipedia-matr1x-2023-tongxiang-city-article-004"),  # trial 10 W2: 693.73亿元
        ("GDP 2022", "gdp", 2022, "txgov-2023-02-tongxiang-basic-profile-005"),  # 突破1200亿元
        ("GDP 2024", "gdp", 2024, "txfgj-2025-04-23-plan-execution-report-2024-005"),  # 1347.1亿元
        ("GDP in 2024", "gdp", 2024, "cctv-outputnews-2025-06-04-wuzhen-town-economy-001"),
        ("2024 GDP", "gdp", 2024, "txfgj-2025-04-23-plan-execution-report-2024-005"),
        ("2024年GDP", "gdp", 2024, "txfgj-2025-04-23-plan-execution-report-2024-005"),
        ("2024年地区生产总值", "地区生产总值", 2024, "txfgj-2025-04-23-plan-execution-report-2024-005"),
        (
            "tourist arrivals 2018",
            "tourist arrivals",
            2018,
            "sohu-longyueteng-2019-wuzhen-915-million-visitors-2018-001",
        ),
        ("fiscal revenue 2021", "fiscal revenue", 2021, None),  # no trial's
        ("2021年营业收入", "营业收入", 2021, None),
    ],
)
def test_a_measure_and_a_year_finds_the_measures_figures_of_that_year(
    query: str, plain: str, year: int, held: str | None
) -> None:
    """Trial 10 W2: "GDP 2016" said "no rows mention 'GDP 2016'": the year made the query a literal one-cell match.
    The year is the figure's (`year`, the year its period ends in), the rest read as any query: the same indicators
    listed as for the measure alone, and exactly the figures of that year among its rows: of the indicators listed,
    not another's whose evidence writes the measure's words (trial 19 W2: "fiscal revenue 2021" listed the general
    public budget revenue written beside it, 2024年地区生产总值 the budget revenue of the plan table's row)."""
    hits, alone = tde.search(query), tde.search(plain)
    assert hits.attrs["year"] == year
    listed = list(alone.attrs["indicators"]["indicator"])
    assert list(hits.attrs["indicators"]["indicator"]) == listed
    figures = tde.load("indicators").set_index("observation_id")
    year_of, indicator_of = figures["year"].fillna(0), figures["indicator"]
    of_year = {k for k in figure_keys(alone) if year_of[k] == year and indicator_of[k] in listed}
    assert figure_keys(hits) == of_year
    assert of_year  # the package holds figures of that year
    if held is not None:
        assert held in of_year
    assert list(indicators(query)["indicator"]) == list(indicators(plain)["indicator"])


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("乌镇2024年GDP", {"cctv-outputnews-2025-06-04-wuzhen-town-economy-001"}),  # trial 10 W2: 108.86億元
        ("Wuzhen GDP 2024", {"cctv-outputnews-2025-06-04-wuzhen-town-economy-001"}),
        ("乌镇 2024 GDP", {"cctv-outputnews-2025-06-04-wuzhen-town-economy-001"}),
        ("桐乡2022年GDP", {"txgov-2023-02-tongxiang-basic-profile-005", "txgov-2023-02-tongxiang-basic-profile-006"}),
    ],
)
def test_a_subject_a_measure_and_a_year(query: str, keys: set[str]) -> None:
    """The subject's figures of the measure, of that year (桐乡2022年GDP: the GDP and its growth of 2022)."""
    hits = tde.search(query)
    assert figure_keys(hits) == keys
    year_of = tde.load("indicators").set_index("observation_id")["year"]
    assert {int(year_of[k]) for k in keys} == {hits.attrs["year"]}


def test_a_year_with_no_figure_says_which_years_the_measure_has() -> None:
    """Never "no rows mention": the indicators listed, and for each without a figure of that year, its years."""
    out = runner.invoke(cli, ["search", "GDP 2015"]).stdout
    assert out.startswith("5 indicators for 'GDP 2015':\n  gdp: GDP / 地区生产总值 (economy; 10 figures)\n")
    tail = out[out.index("figures of 2015") :]
    assert tail == (
        "figures of 2015 (the year their period ends in):\n"
        "  gdp has figures for 2016, 2019, 2020, 2021, 2022, 2024; none for 2015\n"
        "  gdp_growth has figures for 2021, 2022, 2024, 2025; none for 2015\n"
        "  gdp_growth_two_year_average has figures for 2021; none for 2015\n"
        "  gdp_per_capita_registered_population has figures for 2021; none for 2015\n"
        "  share_of_city_gdp has figures for 2020; none for 2015\n"
        "no figures of 2015 for 'GDP 2015'\n"
    )
    out = runner.invoke(cli, ["search", "乌镇2016年GDP"]).stdout
    assert out.endswith(
        "figures of 2016 (the year their period ends in):\n"
        "  gdp has figures about 乌镇 for 2024; none for 2016\n"
        "  gdp_growth has figures about 乌镇 for 2025; none for 2016\n"
        "no figures of 2016 for '乌镇2016年GDP'\n"
    )


@pytest.mark.parametrize(
    ("queries", "subject", "column", "year"),
    [
        (["Jushi 2014", "巨石 2014", "巨石集团2014年", "2014 Jushi Group"], "jushi-group", "enterprise_id", 2014),
        (["Tongkun 2021", "桐昆 2021", "2021年桐昆"], "tongkun-group", "enterprise_id", 2021),
        (["乌镇 2024", "2024年乌镇", "乌镇2024年", "Wuzhen 2024", "烏鎮2024"], "wuzhen", "place_id", 2024),
    ],
)
def test_a_subject_and_a_year_finds_the_subjects_figures_of_that_year(
    queries: list[str], subject: str, column: str, year: int
) -> None:
    """Trial 13 W2: "Jushi 2014" said "no rows mention 'Jushi 2014'" (and 2024年乌镇 found nothing, 乌镇 2024 14 rows):
    the year made the query two words to find in one cell. A subject's name (or part of one) and a year read as the
    subject and its figures of that year, in any order and either language: the same rows for each query."""
    figures = tde.load("indicators")
    held = set(figures.loc[(figures[column] == subject) & (figures["year"] == year), "observation_id"])
    year_of = figures.set_index("observation_id")["year"]
    found = [figure_keys(tde.search(query)) for query in queries]
    assert held and held <= found[0]
    assert {int(year_of[k]) for k in found[0]} == {year}
    assert all(keys == found[0] for keys in found)


def test_a_subject_with_no_figure_of_the_year_says_which_years_it_has() -> None:
    out = runner.invoke(cli, ["search", "Jushi 2030"]).stdout
    assert out.endswith(
        "figures of 2030 (the year their period ends in):\n"
        "  jushi-group has figures for 2014; none for 2030\n"
        "  china-jushi-glass-fiber-im-base-project has figures for 2018; none for 2030\n"
        "  jushi-automated-warehouse-center has figures for 2017; none for 2030\n"
        "no figures of 2030 for 'Jushi 2030'\n"
    )


def test_the_year_block_names_first_the_indicators_of_the_figures_found() -> None:
    """Trial 14 m5: "core industry 2022" listed only the indicators it names that have no 2022 figure, above 5 rows
    of 2022 of two others: the indicators of the figures found come first, with how many."""
    out = runner.invoke(cli, ["search", "core industry 2022"]).stdout
    block = out[out.index("figures of 2022") : out.index("rows match")].splitlines()
    assert block[:3] == [
        "figures of 2022 (the year their period ends in):",
        "  digital_economy_core_industry_investment: 3 figures of 2022",
        "  digital_economy_core_industry_investment_growth: 2 figures of 2022",
    ]
    assert block[3].endswith("none for 2022")


def test_the_figures_of_the_year_follow_the_indicator_block() -> None:
    out = runner.invoke(cli, ["search", "GDP 2016"]).stdout
    lines = out.splitlines()
    assert lines[0] == "5 indicators for 'GDP 2016':"
    assert "  gdp has figures" not in out  # gdp has a 2016 figure
    assert "1 row matches 'GDP 2016' (1 cell): indicators 1" in lines
    assert lines[-1] == "sources (1): wikipedia-matr1x-2023-tongxiang-city-article"


def test_csv_and_json_say_the_other_years_on_stderr() -> None:
    result = runner.invoke(cli, ["search", "GDP 2015", "--format", "csv"])
    assert (result.exit_code, result.stdout) == (0, "table,key,column,text,source_id\n")
    assert (
        result.stderr.splitlines()[0] == "note: gdp has figures for 2016, 2019, 2020, 2021, 2022, 2024; none for 2015"
    )


@pytest.mark.parametrize(
    "query",
    [
        "2025 World Internet Conference Wuzhen Summit",  # an edition's name holds its year
        "Digital Economy Industry Cooperation Conference 2024",
        "2024",  # a year alone is a number and words, as before
        "Wuzhen Summit 2023",  # an edition's name and its year: the edition (search_editions), not a year reading
        "GDP 2016-2024",  # two years are no one year
    ],
)
def test_no_year_reading_where_the_query_is_a_name_or_the_rest_names_no_measure(query: str) -> None:
    assert "year" not in tde.search(query).attrs


def test_how_a_year_is_read_from_a_query() -> None:
    years = small_words(searched().frames).year_words  # the lexicon's search_year_word: 年, 年度
    assert dated("gdp 2016", years) is not None
    assert (dated("gdp 2016", years).rest, dated("gdp 2016", years).year) == ("gdp", 2016)  # type: ignore[union-attr]
    read = dated("乌镇2024年gdp", years)
    assert read is not None and (read.rest, read.year) == ("乌镇 gdp", 2024)
    read = dated("2024年度营业收入", years)
    assert read is not None and (read.rest, read.year) == ("营业收入", 2024)
    assert [dated(q, years) for q in ("2024万人次", "gdp 20245", "gdp 2024.5", "2016 2024 gdp", "2024")] == [None] * 5


def test_a_generic_word_that_is_part_of_a_subjects_names_shows_its_block_first() -> None:
    """Trial 10 m4: 峰会 (summit) is a part of the conference's names (乌镇峰会, 世界互联网大会·乌镇峰会) and a written
    form of event_years_held; it opened with that indicator and no subject block, while 乌镇峰会 opens with the
    conference's. Decided: the subject block first (the package's summit is the conference), then the indicator."""
    hits = tde.search("峰会")
    assert list(hits.attrs["subjects"]["subject"]) == ["world-internet-conference"]
    assert list(hits.attrs["indicators"]["indicator"]) == ["event_years_held"]
    out = runner.invoke(cli, ["search", "峰会"]).stdout.splitlines()
    whole = runner.invoke(cli, ["search", "乌镇峰会"]).stdout.splitlines()
    assert out[0] == whole[0]
    assert out[0].startswith("world-internet-conference (project): 178 figures under 52 indicators; most:")
    assert out[4] == "1 indicator for '峰会':"


def test_the_lexicons_search_only_rows_are_not_hits() -> None:
    """Trial 10 m8: `search gdp` listed two lexicon notes about search itself first (的|zh|search_filler,
    city|en|search_place_word). Those rows say how a query is read, not data a reader looks for: a query of their
    own words (each one's meaning and note) finds none of them; the lexicon's other rows are still found."""
    lexicon = tde.load("lexicon")
    search_only = lexicon[lexicon["category"].isin(SEARCH_ONLY)]
    assert set(search_only["category"]) == set(SEARCH_ONLY)
    keys = set(search_only["term"] + "|" + search_only["language"] + "|" + search_only["category"])
    for query in ("gdp", "city", "Wuzhen visitors", *search_only["note"].dropna(), *search_only["meaning"]):
        hits = tde.search(query)
        assert not keys & set(hits.loc[hits["table"] == "lexicon", "key"]), query
    assert "lexicon" not in runner.invoke(cli, ["search", "gdp"]).stdout
    assert "ed|en|participle_ending" in set(tde.search("participle")["key"])


def test_a_negative_number_is_a_query() -> None:
    """Trial 10 m10: `search "-18.69%"` was "Error: No such option '-1'"."""
    for args in (
        ["search", "-18.69%"],
        ["search", "-18.69%", "--format", "csv"],
        ["search", "--format", "csv", "-18.69%"],
    ):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-002" in result.stdout
    assert number_in("-18.69%") == -18.69
    assert number_in("−3") == -3.0
    result = runner.invoke(cli, ["search", "-x"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, "Error: No such option '-x'.")
    # After `--` a word with a dash is a query (one no cell holds: the lexicon's notes now say "of X and Y").
    result = runner.invoke(cli, ["search", "--", "-xqzv"])
    assert (result.exit_code, result.stdout) == (0, "no rows mention '-xqzv'\n")


@pytest.mark.parametrize(("odd", "plain"), [("GDP%", "gdp"), ("乌镇乌镇", "乌镇"), ("wuzhen wuzhen", "wuzhen")])
def test_percent_is_punctuation_and_a_name_twice_is_the_name(odd: str, plain: str) -> None:
    """Trial 10 m10: "GDP%" and "100%" found nothing (% a character to match), 乌镇乌镇 listed three indicators.
    (A % after a number is a percent figure's: test_a_percent_after_a_number_finds_percent_figures.)"""
    hits, alone = tde.search(odd), tde.search(plain)
    assert set(zip(hits["table"], hits["key"], hits["column"], strict=True)) == set(
        zip(alone["table"], alone["key"], alone["column"], strict=True)
    )
    assert len(hits)
    assert list(hits.attrs["indicators"]["indicator"]) == list(alone.attrs["indicators"]["indicator"])


def test_a_percent_after_a_number_finds_percent_figures() -> None:
    """Trial 16 m5: `search 6%` was `search 6`: 94 figures' rows (第六届, 6个项目, 6年来, URL escapes %E6) where one
    is 6%. A % right after the number reads the query as a percent figure's, full-width or spaced alike: the cells
    that write it with a percent form (6%以上, 6 percent, 百分之五十) and the percent values of it; "-18.69%" finds its
    figure, and "100%" nothing: the package has no figure of 100 percent (trial 10 m10 asked it to find the 100s)."""
    found = {(h.key, h.column) for h in tde.search("6%").itertuples()}
    assert found == {
        ("cctv-outputnews-2025-06-04-wuzhen-town-economy-002", "value_text"),
        ("cctv-outputnews-2025-06-04-wuzhen-town-economy-002", "evidence"),
        ("compositesworld-2014-10-jushi-conference-tongxiang-us-plant-003", "value_text"),
        ("compositesworld-2014-10-jushi-conference-tongxiang-us-plant-003", "evidence"),
    }
    for same in ("６％", "6 %"):
        assert {(h.key, h.column) for h in tde.search(same).itertuples()} == found
    assert found < {(h.key, h.column) for h in tde.search("6").itertuples()}  # the bare number finds every 6
    fifty = tde.search("50%")  # 50%, more than 50 percent, 百分之五十; each value_text found is a percent figure's
    quoted = fifty.loc[fifty["column"] == "value_text", "key"]
    assert {
        "xuanzhiyun-2021-12-10-tongxiang-digital-economy-industrial-internet-006",
        "cri-chinataiwan-2015-12-16-second-wic-2000-guests-003",
    } < set(quoted)
    assert set(tde.load("indicators").set_index("observation_id").loc[list(quoted), "unit"]) == {"percent"}
    # no figure or text is of 100 percent, and the quantity names no indicator ("top 100 counties"), as 100 does
    hundred = tde.search("100%")
    assert (len(hundred), len(hundred.attrs["indicators"])) == (0, 0)
    assert len(tde.search("100")) and len(tde.search("100").attrs["indicators"])
    assert "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-002" in set(tde.search("-18.69%")["key"])


def test_a_number_without_its_sign_finds_the_signed_figure() -> None:
    """Trial 16 W2 (a): `search 90.02` said "no rows mention '90.02'" while a row writes 同比-90.02% (a reader types the
    size of a fall); only `-90.02` found it. A number typed without a sign finds either sign, text and value alike;
    one typed with its sign still finds that figure only (`-4.6`: 1 row; trial 15 m12)."""
    fall = "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-007"
    for query in ("90.02", "90.02%", "-90.02"):
        assert fall in set(tde.search(query)["key"]), query
    assert {(h.key, h.column) for h in tde.search("90.02").itertuples()} == {
        (h.key, h.column) for h in tde.search("-90.02").itertuples()
    }
    assert set(tde.search("-4.6")["key"]) == {"txfgj-2025-04-23-plan-execution-report-2024-007"}
    assert set(tde.search("-4.6")["key"]) < set(tde.search("4.6")["key"])


def test_a_repeated_word_is_read_once_only_when_it_is_a_name() -> None:
    known = names(searched().frames)
    assert [once(q, known) for q in ("乌镇乌镇", "乌镇乌镇乌镇", "桐乡 桐乡", "gdp gdp", "常常")] == [
        "乌镇",
        "乌镇",
        "桐乡",
        "gdp gdp",
        "常常",
    ]


def test_a_subject_and_a_year_count_the_subjects_figures_of_that_year() -> None:
    """The subject's block above a subject-and-year answer counts its figures of that year and gives the `show`
    command that lists them: it said "wuzhen (place): 61 figures" of every year above 11 rows of 2024."""
    lines = runner.invoke(cli, ["search", "Wuzhen 2024"]).stdout.splitlines()
    assert lines[:3] == [
        "wuzhen (place): 2 figures under 2 indicators; most: gdp (1), history_since_town_founding (1)",
        "  tongxiang-digital-economy series gdp --subject wuzhen",
        "  every figure: tongxiang-digital-economy show indicators --where place_id=wuzhen --where year=2024",
    ]
    where = ["--where", "place_id=wuzhen", "--where", "year=2024", "--format", "csv"]
    shown = runner.invoke(cli, ["show", "indicators", *where])
    assert [line.split(",")[1] for line in shown.stdout.splitlines()[1:]] == ["gdp", "history_since_town_founding"]
