"""How search reads a query, generally (issue 16, trial 7 S1, S2, S3, S6): English words in any of their forms,
every indicator by its English and its Chinese label, a company's name with its legal form, and a subject with a
measure. The trials' own words are among the cases, but the properties are tested on words no trial tried and on
every definition."""

from __future__ import annotations

import functools

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy, found

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.text.stems import root
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_query import query_parts
from tongxiang_digital_economy.use.text_search import found_indicator_ids, found_indicators, indicators

runner = CliRunner(catch_exceptions=False)


@pytest.mark.parametrize(
    "forms",
    [
        ("supercomputer", "supercomputing", "supercomputers"),
        ("compute", "computed", "computing", "computer"),
        ("investment", "investor", "invested", "investing", "invest"),
        ("exhibition", "exhibitors", "exhibiting", "exhibit"),
        ("visitors", "visited", "visiting", "visit"),
        ("industry", "industries"),
        ("regional", "region"),
        ("electricity", "electric"),
        ("construction", "constructed", "constructing"),
        ("manufacturing", "manufacturer", "manufacture"),
        ("operator", "operation", "operating", "operate"),
        ("planned", "planning", "plan"),
        ("national", "nation"),
        ("based", "base"),
    ],
)
def test_the_noun_verb_and_agent_forms_of_a_word_share_a_root(forms: tuple[str, ...]) -> None:
    """Trial 7 S1: "supercomputer" found one source title where "supercomputing" found 19 figures: the plural was
    the only form folded. -er, -or, -ing, -ed, -ion, -ity, -ment and -al now come off (one of them, text.stems)."""
    assert len({root(w) for w in forms}) == 1, {w: root(w) for w in forms}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("general", "generation"),  # Porter merges these
        ("department", "departure"),
        ("hospital", "hospitality"),
        ("signal", "signing"),  # signed projects are everywhere in this package
        ("portal", "port"),
        ("center", "cent"),
        ("digital", "digit"),  # "double-digit" is no digital economy
        ("million", "mill"),
        ("billion", "bill"),
        ("engineer", "engine"),
        ("tourism", "tourist"),  # tourism revenue and tourist arrivals are different indicators
        ("industrial", "industry"),  # 工业 (industrial value added) is not 产业 (primary industry value added)
    ],
)
def test_words_the_stemmer_must_not_merge_stay_apart(one: str, other: str) -> None:
    assert root(one) != root(other)


def test_a_word_finds_what_its_other_forms_find() -> None:
    """Trial 7 S1, and words no trial tried: each form names the same indicators and finds the same figures."""
    for forms in (("supercomputer", "supercomputing"), ("exhibitor", "exhibition"), ("investor", "investment")):
        named = [set(indicators(f)["indicator"]) for f in forms]
        assert named[0] == named[1] and named[0], forms
        rows = [tde.search(f) for f in forms]
        figures = [set(r.loc[r["table"] == "indicators", "key"]) for r in rows]
        assert figures[0] == figures[1] and figures[0], forms
    figures = tde.load("indicators")
    about = set(figures.loc[figures["project_id"] == "light-of-wuzhen-supercomputing-center", "observation_id"])
    hits = tde.search("supercomputer")
    assert about <= set(hits.loc[hits["table"] == "indicators", "key"])


def package_frames() -> dict[str, pd.DataFrame]:
    """The shipped package's tables as search reads them (kept once per package's bytes), read only here."""
    return searched().frames


CHUNKS = 6


@pytest.mark.parametrize("chunk", range(CHUNKS))
@pytest.mark.parametrize("column", ["label", "label_zh"])
def test_every_indicator_is_found_by_its_english_and_its_chinese_label(column: str, chunk: int) -> None:
    """The general property behind trial 7 S2 (新能源汽车, 人均GDP, 自动驾驶, 展览面积 named nothing while their English
    named an indicator): every definition has a Chinese label (`label_zh`), and each label, English or Chinese,
    names its own indicator. scripts/search-recall counts the same. (In chunks, so that workers share them.)"""
    frames = package_frames()
    definitions = frames["indicator_definitions"].iloc[chunk::CHUNKS]
    assert definitions[column].notna().all()
    missed = [
        f"{indicator}: {words}"
        for indicator, words in zip(definitions["indicator"], definitions[column], strict=True)
        if indicator not in found_indicator_ids(str(words), frames)
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "theme"), [("gdp", None), ("游客", None), ("Wuzhen visitors", None), ("revenue", "fiscal"), ("", "fiscal")]
)
def test_the_ids_the_recall_counts_are_those_indicators_lists(text: str, theme: str | None) -> None:
    """found_indicator_ids (what the recall above and scripts/search-recall count) lists the indicators, in order,
    that `indicators` and `search` list."""
    frames = package_frames()
    listed = list(found_indicators(text, frames, theme)["indicator"])
    assert listed and found_indicator_ids(text, frames, theme) == listed


@pytest.mark.parametrize(
    ("chinese", "english", "indicator"),
    [
        ("新能源汽车", "new energy vehicles", "nev_projects_total_investment"),
        ("人均GDP", "GDP per capita", "gdp_per_capita_registered_population"),
        ("自动驾驶", "autonomous vehicles", "event_autonomous_vehicles_demonstrated"),
        ("展览面积", "exhibition area", "event_exhibition_area"),
        # words no trial tried
        ("户籍人口", "registered population", "population_registered"),
        ("涤纶长丝产能", "polyester filament production capacity", "polyester_filament_production_capacity"),
        ("门票价格", "ticket price", "ticket_price"),
        ("志愿者", "volunteers", "event_volunteers"),
    ],
)
def test_a_chinese_query_names_what_its_english_twin_names(chinese: str, english: str, indicator: str) -> None:
    """Trial 7 S2: the Chinese words named no indicator and missed the figures their English found (the NEV projects'
    total investment, from a Chinese text). Through the Chinese labels both name the indicator and find its figures."""
    figures = set(tde.load("indicators").query("indicator == @indicator")["observation_id"])
    for query in (chinese, english):
        hits = tde.search(query)
        assert indicator in set(hits.attrs["indicators"]["indicator"]), query
        assert figures and figures <= set(hits.loc[hits["table"] == "indicators", "key"]), query


@pytest.mark.parametrize(
    ("query", "parts"),
    [
        ("人均gdp", ["人均", "gdp"]),
        ("桐乡gdp", ["桐乡", "gdp"]),
        ("4g基站", ["4g", "基站"]),
        ("gdp增速", ["gdp", "增速"]),
    ],
)
def test_a_word_of_two_scripts_is_read_as_its_script_runs(query: str, parts: list[str]) -> None:
    assert query_parts(query) == parts
    assert query_parts("中国企业500强") == ["中国企业500强"]  # digits stay with the Chinese


def test_a_chinese_label_anchors_no_figure(package: PackageCopy) -> None:
    """label_zh is read by search only: a figure refiled as an indicator whose Chinese label its evidence holds is
    still caught (indicator-not-in-evidence), while a search for the label finds that indicator."""
    refiled = "qjwb-monvtuan-2024-11-21-digital-economy-cooperation-63-projects-005"  # 6年来累计签约项目268个
    rows = package.rows("indicators")
    row = next(n for n, r in enumerate(rows, start=2) if r["observation_id"] == refiled)
    package.edit("indicators", row, indicator="municipal_major_projects_started")
    definitions = package.rows("indicator_definitions")
    at = next(n for n, r in enumerate(definitions, start=2) if r["indicator"] == "municipal_major_projects_started")
    package.edit("indicator_definitions", at, label_zh="累计签约项目")
    assert "municipal_major_projects_started" in set(indicators("累计签约项目", package.root)["indicator"])
    assert found(package.semantics(), "indicator-not-in-evidence") == [("indicators", row, "indicator")]


@functools.cache
def figure_keys(query: str) -> frozenset[str]:
    """The figures a search of the shipped package finds, kept per query (the bare names recur across cases)."""
    hits = tde.search(query)
    return frozenset(hits.loc[hits["table"] == "indicators", "key"])


@pytest.mark.parametrize(
    ("with_suffix", "bare"),
    [
        ("新凤鸣集团", "新凤鸣"),
        ("新凤鸣集团股份有限公司", "新凤鸣"),
        ("桐昆股份", "桐昆"),
        ("桐昆集团股份有限公司", "桐昆"),
        ("Tongkun Group Co., Ltd.", "Tongkun"),
        ("华友钴业股份有限公司", "华友钴业"),
    ],
)
def test_a_companys_name_with_its_legal_form_finds_what_the_name_finds(with_suffix: str, bare: str) -> None:
    """Trial 7 S3: 新凤鸣集团 (the README's name for the listed company) found one row, the holding's; 桐昆股份 8 rows
    against 桐昆's 48. The lexicon's company suffixes (集团, 股份有限公司, Group, Co., Ltd.) come off a query that is
    not itself a name, as "Group" already did in English."""
    assert figure_keys(with_suffix) == figure_keys(bare) != set()


def test_a_name_that_holds_a_suffix_is_found_whole() -> None:
    """新凤鸣控股集团有限公司 is the holding's own name: it finds the holding, not the listed group it would be
    without 控股集团有限公司."""
    hits = tde.search("新凤鸣控股集团有限公司")
    names = hits[(hits["table"] == "enterprises") & hits["column"].isin(["name", "name_zh", "legal_name", "aliases"])]
    named = set(names["key"])
    assert "xin-feng-ming-holding" in named and "xin-feng-ming-group" not in named
    assert tde.search("振石集团").empty  # no archived text writes 振石: no name of the row holds it


@pytest.mark.parametrize(
    ("queries", "column", "subject", "indicator"),
    [
        (
            ("Wuzhen visitors", "visitors Wuzhen", "乌镇 游客", "乌镇游客", "Wuzhen tourists"),
            "place_id",
            "wuzhen",
            "tourist_arrivals",
        ),
        (
            ("Tongxiang GDP", "桐乡 GDP", "桐乡GDP", "GDP of Tongxiang", "桐乡的GDP", "Tongxiang's GDP"),
            "place_id",
            "tongxiang",
            "gdp",
        ),
        (("Wuzhen area", "乌镇 总面积"), "place_id", "wuzhen", "area_total"),
        (
            ("supercomputing computing power", "超算 算力"),
            "project_id",
            "light-of-wuzhen-supercomputing-center",
            "computing_power",
        ),
        (("Tongkun employees", "桐昆员工", "桐昆 员工"), "enterprise_id", "tongkun-group", "employees"),
    ],
)
def test_a_subject_and_a_measure_find_the_subjects_figures_of_it(
    queries: tuple[str, ...], column: str, subject: str, indicator: str
) -> None:
    """Trial 7 S6: "Wuzhen visitors" found no rows, "乌镇 游客" only cells that hold both words. A query read as a
    subject's name and the words of an indicator finds every figure of that indicator about the subject, lists the
    indicator first with the command for the subject, and adds no figure of another subject as its indicator's."""
    figures = tde.load("indicators")
    mine = set(figures.loc[(figures["indicator"] == indicator) & (figures[column] == subject), "observation_id"])
    assert mine
    for query in queries:
        hits = tde.search(query)
        listed = hits.attrs["indicators"].set_index("indicator")
        assert indicator in listed.index, query
        assert (
            f"--subject {subject}" in listed.at[indicator, "command"]
            or "--subject" not in listed.at[indicator, "command"]
        )
        rows = hits[hits["table"] == "indicators"]
        assert mine <= set(rows["key"]), query
        by_indicator = figures.set_index("observation_id").loc[list(rows.loc[rows["column"] == "indicator", "key"])]
        assert (by_indicator[column] == subject).all(), query


def test_a_subject_and_a_measure_on_the_command_line() -> None:
    lines = runner.invoke(cli, ["search", "Wuzhen visitors"]).output.splitlines()
    assert lines[0].endswith("indicators for 'Wuzhen visitors':")
    assert "    tongxiang-digital-economy series tourist_arrivals --subject wuzhen" in lines
    assert "no rows mention" not in "\n".join(lines)


def test_words_that_name_no_subject_are_found_as_words() -> None:
    """A query with no subject's name in it is not split: "tax revenue" lists the indicators it names whole."""
    assert set(indicators("tax revenue")["indicator"]) == {
        "project_annual_tax",
        "internet_related_enterprises_paying_tax",
    }
