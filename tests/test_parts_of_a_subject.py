"""A thing and its parts hold separate series of one measure (trial 9 V1): each figure sits on the subject its text
names (the Light of the Internet Expo, a part of the World Internet Conference), and a series or chart of either
names the figures the other holds, so that a split series is never read as the whole."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from conftest import PackageCopy, found

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.chart import chart

EXPO_COUNTRIES = (
    "also under its part light-of-internet-expo: Nov 2018 26个; 2019-10-18 to 2019-10-22 38个; "
    "2023-11-08 to 2023-11-10 47个; 2023-11-08 to 2023-11-10 48 "
    "(`series event_exhibitor_countries_regions --subject light-of-internet-expo`)"
)
WIC_EXHIBITORS = (
    "also under its parent world-internet-conference: 2017-12-03 to 2017-12-05 400余家; 2014-11-19 to 2018-07-23 "
    "560多家; 2025-11-06 to 2025-11-09 670家 "
    "(`series event_exhibiting_enterprises --subject world-internet-conference`)"
)


def test_the_expos_figures_sit_on_the_expo_whatever_the_year() -> None:
    """Every exhibitor figure whose own sentence names the expo is the expo's, at the summit it was part of."""
    figures = tde.load("indicators")
    named = figures["evidence"].str.contains("互联网之光|Light of (?:the )?Internet", regex=True)
    expo_measures = figures["indicator"].isin(
        ["event_exhibiting_enterprises", "event_exhibitor_countries_regions", "event_product_launch_events"]
    )
    assert set(figures.loc[named & expo_measures, "project_id"]) == {"light-of-internet-expo"}
    refiled = figures.set_index("observation_id").loc[
        [
            "chinacomcn-ifenglady-2019-03-22-five-wic-editions-006",
            "chinanews-tellerreport-2021-09-28-wuzhen-summit-2021-closes-005",
        ],
        ["project_id", "event_id", "value_text"],
    ]
    assert refiled.values.tolist() == [
        ["light-of-internet-expo", "wic-2018", "430余家"],
        ["light-of-internet-expo", "wic-2021", "more than 300"],
    ]


def test_a_series_names_the_same_measure_on_its_parts_and_its_parent() -> None:
    assert tde.series("event_exhibitor_countries_regions", "world-internet-conference").attrs["elsewhere"] == [
        EXPO_COUNTRIES
    ]
    expo = tde.series("event_exhibiting_enterprises", "light-of-internet-expo", preferred=True)
    assert expo.attrs["elsewhere"] == [WIC_EXHIBITORS]
    # A place's parts too: the city's GDP series names the zone's and the town's, which are not the city's.
    assert tde.series("gdp", "tongxiang").attrs["elsewhere"] == [
        "also under its part wuzhen-avenue-scitech-zone: Jan-Sep 2020 372亿元 (`series gdp --subject "
        "wuzhen-avenue-scitech-zone`)",
        "also under its part wuzhen: 2024 108.86億元 (`series gdp --subject wuzhen`)",
    ]
    # A subject whose kin hold none of the measure says nothing more.
    assert tde.series("functional_areas", "wuzhen-internet-innovation-pilot-zone").attrs["elsewhere"] == []


def test_the_series_command_says_it_after_the_table_and_on_stderr_for_csv() -> None:
    runner = CliRunner()
    args = ["series", "event_exhibiting_enterprises", "--subject", "light-of-internet-expo"]
    table = runner.invoke(cli, args, catch_exceptions=False)
    assert table.exit_code == 0 and table.output.splitlines()[-1] == WIC_EXHIBITORS
    as_csv = runner.invoke(cli, [*args, "--format", "csv"], catch_exceptions=False)
    assert as_csv.exit_code == 0
    assert as_csv.stderr == f"note: {WIC_EXHIBITORS}\n"
    assert "also under" not in as_csv.stdout


def test_an_edition_whose_figures_sit_on_a_part_points_to_it() -> None:
    result = CliRunner().invoke(cli, ["series", "event_exhibiting_enterprises", "--subject", "wic-2023"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: event_exhibiting_enterprises has no figures of world-internet-conference at the edition 'wic-2023'; "
        "its part light-of-internet-expo has 2 figures at that edition: "
        "`series event_exhibiting_enterprises --subject light-of-internet-expo`\n"
    )


def test_a_chart_names_what_its_kin_hold_under_it() -> None:
    """In the chart's own words (its font has no Chinese: 26个 is 26), targets apart."""
    left_out = chart("event_exhibitor_countries_regions", "world-internet-conference").kin
    assert left_out == (
        "Not drawn, figures of the same measure under its part light-of-internet-expo: Nov 2018 26; 2019-10-18 to "
        "2019-10-22 38; 2023-11-08 to 2023-11-10 47; 2023-11-08 to 2023-11-10 48 "
        "(`series event_exhibitor_countries_regions --subject light-of-internet-expo`)."
    )
    targets = chart("event_exhibiting_enterprises", "world-internet-conference").kin
    assert (
        "under its part light-of-internet-expo (targets): 2016-11-16 to 2016-11-18 nearly 300; 2017-12-03 to "
        "2017-12-05 more than 400 (`series event_exhibiting_enterprises --subject light-of-internet-expo`)."
    ) in targets
    gdp = chart("gdp", "tongxiang").kin
    assert "under its part wuzhen: 2024 108.86 hundred million yuan (`series gdp --subject wuzhen`)." in gdp


def test_a_figure_of_a_part_may_name_its_parents_edition_and_no_other(package: PackageCopy) -> None:
    rows = package.rows("indicators")
    row = next(i for i, r in enumerate(rows, start=2) if r["observation_id"].endswith("2021-closes-005"))
    package.edit("indicators", row, project_id="wuzhen-scenic-area")
    report = package.semantics()
    assert found(report, "event-not-of-project") == [("indicators", row, "event_id")]
    message = next(p.message for p in report.errors if p.rule == "event-not-of-project")
    assert message == (
        "event 'wic-2021' is an edition of 'world-internet-conference', but the figure is about project "
        "'wuzhen-scenic-area': give the figure the recurring event's project_id (or a "
        "part of it, by parent_id), or the edition of its own event"
    )


def test_a_subject_an_indicator_lacks_is_pointed_to_the_indicator_of_the_same_measure_that_holds_it() -> None:
    """trial 9 m4: a scenic area's visitors are `scenic_area_tourist_arrivals`, a place's `tourist_arrivals`."""
    runner = CliRunner()
    result = runner.invoke(cli, ["series", "tourist_arrivals", "--subject", "wuzhen-scenic-area"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: tourist_arrivals has no figures about 'wuzhen-scenic-area'; scenic_area_tourist_arrivals (Visitors to "
        "a scenic area, the same measure) has 2 figures about it: `series scenic_area_tourist_arrivals --subject "
        "wuzhen-scenic-area`; its subjects: tongxiang, wuzhen\n"
    )
    back = runner.invoke(cli, ["plot", "scenic_area_tourist_arrivals", "--subject", "wuzhen", "-o", "x.svg"])
    assert back.exit_code == 1
    assert back.output == (
        "Error: scenic_area_tourist_arrivals has no figures about 'wuzhen'; tourist_arrivals (Tourist visits "
        "received, the same measure) has 4 figures about it: `series tourist_arrivals --subject wuzhen`; its "
        "subjects: wuzhen-scenic-area\n"
    )


def test_an_indicator_named_by_its_label_or_search_word_is_suggested() -> None:
    """trial 9 m10: GDP增速 is gdp_growth's search word (not gdp), 地区生产总值 gdp's Chinese label."""
    runner = CliRunner()
    said = {
        word: runner.invoke(cli, ["series", word, "--subject", "tongxiang"]).output
        for word in ("GDP增速", "地区生产总值", "接待游客人次", "gdp_grwoth")
    }
    assert said == {
        "GDP增速": "Error: no indicator named 'GDP增速'; did you mean 'gdp_growth'?\n",
        "地区生产总值": "Error: no indicator named '地区生产总值'; did you mean 'gdp'?\n",
        "接待游客人次": "Error: no indicator named '接待游客人次'; did you mean 'tourist_arrivals'?\n",
        "gdp_grwoth": "Error: no indicator named 'gdp_grwoth'; did you mean 'gdp_growth'?\n",
    }


def test_the_series_table_says_an_edition_of_another_format_as_the_chart_draws_it_apart() -> None:
    """trial 9 m8: the 2020 Internet Development Forum among the summits is marked beside its period."""
    table = CliRunner().invoke(cli, ["series", "event_guests", "--subject", "world-internet-conference"]).output
    marked = [" ".join(line.split()[:5]) for line in table.splitlines() if re.match(r"\s*[^ ]+( to [^ ]+)? \(", line)]
    assert marked == ["2020-11-23 to 2020-11-24 (forum) preferred"]


EXPO_2019 = (
    "Error: {i} has no figures of world-internet-conference at the edition 'wic-2019'; its part light-of-internet-expo "
    "has 1 figure at that edition, as its own edition light-of-internet-expo-2019: "
    "`series {i} --subject light-of-internet-expo-2019`\n"
)
EXPO_MEASURES = ["event_exhibiting_enterprises", "event_exhibitor_countries_regions", "event_foreign_exhibitors"]


def test_the_sixth_summits_expo_edition_is_named_from_the_summit(tmp_path: Path) -> None:
    """Trial 10 W1: the expo of the sixth summit is its own edition (light-of-internet-expo-2019); asked of wic-2019,
    `series` and `plot` point to it as they point to the expo at wic-2023, never "no figures"."""
    runner = CliRunner()
    for indicator in EXPO_MEASURES:
        for command in (["series"], ["plot", "-o", str(tmp_path / "x.png")]):
            result = runner.invoke(cli, [*command, indicator, "--subject", "wic-2019"], catch_exceptions=False)
            assert (result.exit_code, result.output) == (1, EXPO_2019.format(i=indicator))
    followed = runner.invoke(
        cli, ["series", "event_foreign_exhibitors", "--subject", "light-of-internet-expo-2019"], catch_exceptions=False
    )
    assert followed.exit_code == 0 and "107家" in followed.output


def test_every_edition_without_figures_lists_every_edition_with_some() -> None:
    """Trial 10 W1, for every edition year: the editions listed are every edition that the conference's figures or
    its expo's are of (the expo's own 2019 edition named as such), read here from the figures and events."""
    from tongxiang_digital_economy.core.exceptions import SeriesError

    figures = tde.load("indicators")
    events = tde.load("events").set_index("event_id")
    editions = [str(e) for e in events.index[events["project_id"] == "world-internet-conference"]]
    for indicator in EXPO_MEASURES:
        mine = figures[figures["indicator"] == indicator]
        own = sorted(mine.loc[mine["project_id"] == "world-internet-conference", "event_id"].dropna().unique())
        expo = mine.loc[mine["project_id"] == "light-of-internet-expo", "event_id"].dropna()
        expo_named = sorted(
            "wic-2019 (as its own edition light-of-internet-expo-2019)" if e == "light-of-internet-expo-2019" else e
            for e in expo.unique()
        )
        listed = (", ".join(own) or "none of its own") + "; its part light-of-internet-expo at " + ", ".join(expo_named)
        for edition in editions:
            held = set(mine["event_id"].dropna()) & {
                edition,
                *(["light-of-internet-expo-2019"] * (edition == "wic-2019")),
            }
            try:
                tde.series(indicator, subject=edition)
            except SeriesError as error:
                message = str(error)
                if held:  # the expo's figures at that edition: pointed to, as at wic-2023
                    (event,) = held
                    n = int((mine["event_id"] == event).sum())
                    own_edition = f", as its own edition {event}" if event != edition else ""
                    assert message == (
                        f"{indicator} has no figures of world-internet-conference at the edition {edition!r}; its part "
                        f"light-of-internet-expo has {n} figure{'s' * (n != 1)} at that edition{own_edition}: "
                        f"`series {indicator} --subject {event if own_edition else 'light-of-internet-expo'}`"
                    )
                else:
                    assert message == (
                        f"{indicator} has no figures of the edition {edition!r}; its editions with figures: {listed}"
                    )
                assert "about the series, not one edition" not in message
            else:
                assert edition in own


SUBJECTS_OF_REVENUE = "its subjects: cyts, huayou-cobalt, sanzhenzhai, tongkun-group, xin-feng-ming-holding\n"


def test_a_listed_company_is_never_offered_its_holding_group_as_did_you_mean(tmp_path: Path) -> None:
    """Trial 10 W3, its exact commands: a company and its holding group (no parent_id between them) are different
    subjects; the one asked is that company, and the other is named as a different company, never "did you mean"."""
    runner = CliRunner()
    cases = {
        ("operating_revenue", "xin-feng-ming-group"): "a different company, 'xin-feng-ming-holding' (Xinfengming "
        "Holding Group), has some; " + SUBJECTS_OF_REVENUE,
        ("china_top_500_private_enterprises_rank", "xin-feng-ming-holding"): "a different company, "
        "'xin-feng-ming-group' (Xin Feng Ming Group), has some; its subjects: huayou-cobalt, tongkun-group, "
        "xin-feng-ming-group, zhenshi-group\n",
        ("operating_revenue", "tongkun-holding-group"): "a different company, 'tongkun-group' (Tongkun Group), has "
        "some; " + SUBJECTS_OF_REVENUE,
    }
    for (indicator, subject), hint in cases.items():
        for command in (["series"], ["plot", "-o", str(tmp_path / "q.png")]):
            result = runner.invoke(cli, [*command, indicator, "--subject", subject], catch_exceptions=False)
            assert result.exit_code == 1
            assert result.output == f"Error: {indicator} has no figures about {subject!r}; {hint}"
    # Another spelling of the same company is still offered, and a text close to both companies suggests neither.
    named = runner.invoke(cli, ["series", "operating_revenue", "--subject", "Tongkun"], catch_exceptions=False)
    assert named.output == (
        "Error: operating_revenue has no figures about 'Tongkun'; did you mean 'tongkun-group'? " + SUBJECTS_OF_REVENUE
    )
    both = runner.invoke(cli, ["series", "operating_revenue", "--subject", "xin-feng-ming-grop"])
    assert both.output == "Error: operating_revenue has no figures about 'xin-feng-ming-grop'; " + SUBJECTS_OF_REVENUE


def test_every_figure_of_the_expos_sentences_on_the_chinacomcn_page_is_the_expos() -> None:
    """Trial 10 m11: -003 (12场 matchmaking sessions) and -004 (五大洲) stood on the conference, while -002 and
    -005/-006, stated in the same two sentences (“互联网之光”博览会举行了…; 博览会突出展示了来自五大洲…), had
    moved to the expo."""
    figures = tde.load("indicators").set_index("observation_id")
    page = "chinacomcn-ifenglady-2019-03-22-five-wic-editions"
    rows = figures.loc[[f"{page}-00{n}" for n in range(2, 7)], ["project_id", "event_id", "subject_text", "value_text"]]
    assert rows.values.tolist() == [
        ["light-of-internet-expo", "wic-2018", "“互联网之光”博览会", "110余场"],
        ["light-of-internet-expo", "wic-2018", "“互联网之光”博览会", "12场"],
        ["light-of-internet-expo", "wic-2018", "“互联网之光”博览会", "五大洲"],
        ["light-of-internet-expo", "wic-2018", "“互联网之光”博览会", "26个"],
        ["light-of-internet-expo", "wic-2018", "“互联网之光”博览会", "430余家"],
    ]
    result = CliRunner().invoke(
        cli, ["series", "event_exhibitor_continents", "--subject", "light-of-internet-expo"], catch_exceptions=False
    )
    assert result.exit_code == 0 and f"{page}-004" in result.output


def test_a_figure_its_kin_hold_from_several_sources_is_named_once() -> None:
    """Trial 17 m4: the lists repeated a figure once per source ("2021 8.5 percent; 2021 8.5 percent": the bulletin
    and China Daily agreeing), which read as several figures. Each figure once, with the number of sources that
    give it alike; figures of one period that differ stay apart (47个 and 48 above: they dispute it)."""
    assert tde.series("digital_economy_enterprises", "tongxiang").attrs["elsewhere"][0] == (
        "also under its part wuzhen: 2014-11-19 12家; end-2014 12 (2 sources); 2018-11-01 500多家; 2022-11-09 "
        "more than 1,000; 2023-11-07 超过1000家 (`series digital_economy_enterprises --subject wuzhen`)"
    )
    assert chart("gdp_growth", "wuzhen").kin == (
        "Not drawn, figures of the same measure under its parent tongxiang: 2021 8.5 percent (2 sources); 2022 2.6 "
        "percent; 2024 4.8 percent (`series gdp_growth --subject tongxiang`); under its parent tongxiang (targets): "
        "2024 about 6.5 percent (`series gdp_growth --subject tongxiang`)."
    )
