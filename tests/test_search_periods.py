"""Trial 18 W2 rest, on the real package: a measure with Chinese period words (上半年 GDP, 前三季度 GDP, 2019年上半年
GDP) answered with two other rows' notes or "no rows mention"; "GDP target 2024" and 2024年GDP增长目标 said "no rows
mention"; a period label typed alone ("H1 2019", 2019年上半年) found no figure. The period words are the lexicon's,
read by the period reader; the status words the lexicon's, of the indicators schema's statuses.
scripts/search-recall --periods measures it over every shipped figure."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_periods import words_reading
from tongxiang_digital_economy.use.search_status import status_reading

runner = CliRunner(catch_exceptions=False)

H1_2019 = "zqcn-2019-09-17-zhu-weiqiang-digital-economy-ip-"  # 005 GDP, 006 fiscal revenue, 007 budget revenue
ZONE = "mfbisv-2020-11-20-wuzhen-avenue-scitech-zone-"  # 002 GDP, 003 share of the city's GDP, Jan-Sep 2020
PLAN_2024 = "txfgj-2025-04-23-plan-execution-report-2024-"  # 004 GDP growth 4.8% (actual), 011 6.5% (target)


def rows(query: str) -> list[tuple[str, str, str]]:
    found = tde.search(query)
    return list(zip(found["table"], found["key"], found["column"], strict=True))


@pytest.mark.parametrize("query", ["上半年 GDP", "2019年上半年 GDP", "上半年地区生产总值", "GDP first half of 2019"])
def test_a_measure_with_chinese_or_english_half_year_words_finds_the_figure(query: str) -> None:
    """The H1 2019 GDP (401.6亿元), not the fiscal rows whose note says "Same sentence as the first-half 2019 GDP"
    (found by its evidence, 上半年 … 地区生产总值, where the query writes the Chinese name)."""
    assert [(table, key) for table, key, _ in rows(query)] == [("indicators", f"{H1_2019}005")]


def test_first_three_quarters_finds_the_figures_of_jan_sep() -> None:
    """前三季度 GDP said "no rows mention": the zone's Jan-Sep 2020 GDP (今年前三季度) and its share of the city's."""
    assert rows("前三季度 GDP") == [("indicators", f"{ZONE}002", "note"), ("indicators", f"{ZONE}003", "note")]
    assert tde.search("前三季度 GDP").attrs["period"] == "前三季度"
    assert tde.search("前三季度 GDP").attrs["period_labels"] == ["Jan-Sep 2020"]


@pytest.mark.parametrize(
    ("query", "label"),
    [("H1 2019", "h1 2019"), ("2019年上半年", "2019年上半年"), ("first half of 2019", "first half of 2019")],
)
def test_a_period_alone_finds_its_figures(query: str, label: str) -> None:
    result = runner.invoke(cli, ["search", query])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    at = lines.index(f"3 rows match '{query}' (3 cells): indicators 3")
    # The package's label of the period, as series writes it, and the query's words it was read from (review 16 R11).
    assert lines[at - 1] == f"figures of the period H1 2019 (read from '{label}')"
    assert tde.search(query).attrs["period_labels"] == ["H1 2019"]
    assert [line.split() for line in lines[at + 2 : at + 5]] == [
        ["indicators", f"{H1_2019}005", "indicator", "gdp"],
        ["indicators", f"{H1_2019}006", "indicator", "fiscal_revenue_total"],
        ["indicators", f"{H1_2019}007", "indicator", "general_public_budget_revenue"],
    ]


def test_a_measure_with_a_status_word_finds_the_figures_of_that_status() -> None:
    """GDP growth of 2024 has an actual (4.8%) and a target (6.5%左右): "target", 目标 pick the target."""
    result = runner.invoke(cli, ["search", "GDP target 2024"])
    lines = result.output.splitlines()
    at = lines.index("1 row matches 'GDP target 2024' (1 cell): indicators 1")
    assert lines[at - 1] == "figures of status target ('target' in the query)"
    assert lines[at + 2].split() == ["indicators", f"{PLAN_2024}011", "indicator", "gdp_growth"]
    assert "  gdp_growth: 1 figure of 2024" in lines  # the year's count is of the figures kept
    assert rows("2024年GDP增长目标") == [("indicators", f"{PLAN_2024}011", "indicator")]
    assert rows("GDP growth actual 2024") == [("indicators", f"{PLAN_2024}004", "indicator")]
    found = tde.search("目标 GDP")
    figures = searched(None).frames["indicators"].set_index("observation_id")
    assert set(figures.loc[list(found["key"]), "status"]) == {"target"}
    assert set(found["key"]) == {  # exactly the three target figures of GDP's indicators (review 16 R2)
        "chinaorgcn-2018-wuzhen-gears-up-013",  # share_of_city_gdp
        "cctv-outputnews-2025-06-04-wuzhen-town-economy-002",  # gdp_growth
        f"{PLAN_2024}011",  # gdp_growth
    }


def test_an_indicators_own_name_with_a_status_word_is_read_as_before() -> None:
    """Review 16 R1: 目标 in 完成全年目标 and 预期 in 不及预期 are words of the indicators' own Chinese names (the
    plan's main indicators met and missed), of no target figure: what the rest finds holds none of that status,
    so the query is read as before, not "figures of status target" and no rows."""
    assert rows("完成全年目标") == [
        ("indicator_definitions", "plan_main_indicators_met", "label_zh"),
        ("indicator_definitions", "plan_main_indicators_met", "definition"),
        ("indicator_definitions", "plan_main_indicators_met", "written_forms"),
        ("indicators", f"{PLAN_2024}002", "evidence"),
        ("indicators", f"{PLAN_2024}003", "evidence"),
    ]
    assert rows("不及预期") == [
        ("indicator_definitions", "plan_main_indicators_missed", "label_zh"),
        ("indicator_definitions", "plan_main_indicators_missed", "definition"),
        ("indicator_definitions", "plan_main_indicators_missed", "written_forms"),
        ("indicators", f"{PLAN_2024}003", "evidence"),
    ]
    assert rows("不及预期的主要指标数") == [
        ("indicator_definitions", "plan_main_indicators_missed", "label_zh"),
        ("indicators", f"{PLAN_2024}003", "indicator"),
    ]
    for query in ("完成全年目标", "不及预期", "不及预期的主要指标数"):
        assert "status" not in tde.search(query).attrs


@pytest.mark.parametrize("query", ["GDP 12月", "GDP December", "fiscal revenue 12月"])
def test_a_measure_with_no_figure_of_the_period_is_not_answered_by_another_measures(query: str) -> None:
    """Review 16 R4: GDP and fiscal revenue have no figure of a December; the ranks of 2021-12-31 and 2022-12-31
    whose subject_text or note names them (china_top_100_counties_rank, fiscal_revenue_total_rank_in_jiaxing) are
    no answer under "figures of the period": the query is read as before, and no row mentions it."""
    found = tde.search(query)
    assert rows(query) == []
    assert "period" not in found.attrs
    result = runner.invoke(cli, ["search", query])
    assert "figures of the period" not in result.output
    assert f"no rows mention '{query}'" in result.output.splitlines()


def with_lexicon(keep: pd.Series | None = None, added: list[dict[str, str]] | None = None) -> dict[str, pd.DataFrame]:
    """The shipped package's frames with its lexicon's rows kept where `keep` holds, and `added` rows."""
    frames = dict(searched(None).frames)
    lexicon = frames["lexicon"] if keep is None else frames["lexicon"][keep]
    frames["lexicon"] = pd.concat([lexicon, pd.DataFrame(added or [])], ignore_index=True)
    return frames


def test_the_status_words_are_the_lexicons_of_the_schemas_statuses() -> None:
    """A word the lexicon lists for a status is read; without its row it is not (no list in code); a status the
    indicators schema does not have is no reading."""
    lexicon = searched(None).frames["lexicon"]
    added = [{"term": "zielwert", "language": "en", "category": "status", "meaning": "target"}]
    reading = status_reading("gdp zielwert 2024", with_lexicon(added=added), None)
    assert reading is not None and (reading.rest, reading.status) == ("gdp 2024", "target")
    assert status_reading("目标 gdp", with_lexicon(~lexicon["term"].isin(["目标", "目標"])), None) is None
    forecast = [{"term": "vorhersage", "language": "en", "category": "status", "meaning": "forecast"}]
    assert status_reading("gdp vorhersage", with_lexicon(added=forecast), None) is None


def test_the_period_words_are_the_lexicons() -> None:
    """上半年 is a period word as the lexicon's `year_part_word` of a half; without those rows it is not read."""
    reading = words_reading("上半年 gdp", searched(None).frames)
    assert reading is not None and (reading.rest, reading.label) == ("gdp", "上半年")
    lexicon = searched(None).frames["lexicon"]
    halves = (lexicon["category"] == "year_part_word") & (lexicon["meaning"] == "half")
    assert words_reading("上半年 gdp", with_lexicon(~halves)) is None


def test_a_measure_and_a_year_lists_the_measures_figures_of_the_year_only() -> None:
    """Trial 19 W2: "GDP 2019" listed the fiscal-revenue rows whose evidence or note names GDP (and counted them as
    figures of 2019) beside GDP's full year, and the H1 2019 GDP it counted by its neighbours' notes."""
    assert rows("GDP 2019") == [
        ("indicators", "twwiki-2020-tongxiang-encyclopedia-entry-007", "evidence"),  # 968.17億元, the year
        ("indicators", f"{H1_2019}005", "indicator"),  # 401.6亿元, its first half
    ]
    assert tde.search("GDP 2019").attrs["of_year"] == ["gdp: 2 figures of 2019"]
