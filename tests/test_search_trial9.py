"""Trial 9: a subject's own name that is also part of others' (V3), an event edition's name (V4), full-width Latin
letters and digits (m1) and a number as its value cell holds it (m9). Each kind is tested on names and words no
trial used as well as the trial's."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.text.fold import casefolded, half_width
from tongxiang_digital_economy.use.text_search import number_in

runner = CliRunner(catch_exceptions=False)


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("World Internet Conference", "world-internet-conference"),  # trial 9 V3
        ("世界互联网大会", "world-internet-conference"),
        ("乌镇景区", "wuzhen-scenic-area"),
        ("西栅", "wuzhen-xizha-scenic-area"),
        ("东栅", "wuzhen-dongzha-scenic-area"),
        ("Wuzhen Scenic Area", "wuzhen-scenic-area"),  # no trial's
        ("烏鎮西柵景區", "wuzhen-xizha-scenic-area"),
        ("Mao Dun's Former Residence", "mao-dun-former-residence"),  # a possessive inside a name
    ],
)
def test_a_subjects_own_name_opens_with_its_block_though_it_is_part_of_other_names(query: str, key: str) -> None:
    """Trial 9 V3: "World Internet Conference" (also part of its technology award's name) listed the award's
    indicator, 西栅 the indicator whose definition glosses it, and no subject block. A subject's own name names an
    indicator only by being one of that indicator's own names whole; its block comes first."""
    hits = tde.search(query)
    assert list(hits.attrs["indicators"]["indicator"]) == []
    held = hits.attrs["subjects"]
    assert held["subject"].iloc[0] == key
    figures = tde.load("indicators")
    assert int(held["figures"].iloc[0]) == int((figures["project_id"] == key).sum())


def test_the_conference_opens_with_its_block_before_the_award_named_after_it() -> None:
    out = runner.invoke(cli, ["search", "World Internet Conference"]).output
    assert out.splitlines()[0].startswith("world-internet-conference (project): 178 figures under 52 indicators; most:")
    assert "event_award_winning_projects: " not in out  # listed as an indicator block before (trial 9 V3)
    assert "wic-leading-technology-award (project): 3 figures under 3 indicators" in out  # its name holds the query


@pytest.mark.parametrize(
    ("query", "edition"),
    [
        ("Second World Internet Conference", "wic-2015"),  # trial 9 V4
        ("wic-2019", "wic-2019"),
        ("Sixth World Internet Conference", "wic-2019"),
        ("Fourth World Internet Conference", "wic-2017"),  # no trial's
        ("第四届世界互联网大会", "wic-2017"),
        ("2025 World Internet Conference Wuzhen Summit", "wic-2025"),
        ("Light of the Internet Expo of the Sixth World Internet Conference", "light-of-internet-expo-2019"),
        (
            "“Focus on Tongxiang · Meet in Wuzhen” 2017 International Economic and Trade Fair",
            "focus-tongxiang-trade-fair-2017",
        ),
        ("Digital Economy Industry Cooperation Conference 2024", "wic-digital-economy-cooperation-conference-2024"),
    ],
)
def test_an_editions_own_name_finds_every_figure_of_the_edition_and_its_block(query: str, edition: str) -> None:
    """Trial 9 V4: "Second World Internet Conference" found the events row and none of the 24 figures whose
    `event_id` is wic-2015. An edition's name, Chinese name and id stand for the edition as a project's do."""
    hits = tde.search(query)
    figures = tde.load("indicators")
    mine = set(figures.loc[figures["event_id"] == edition, "observation_id"])
    assert mine
    assert mine <= set(hits.loc[hits["table"] == "indicators", "key"])
    held = hits.attrs["subjects"]
    first = held.iloc[0]
    assert (first["subject"], first["kind"], first["column"], int(first["figures"])) == (
        edition,
        "edition",
        "event_id",
        len(mine),
    )
    assert first["command"].endswith(f"--subject {edition}")


def test_the_editions_block_gives_a_command_that_runs() -> None:
    out = runner.invoke(cli, ["search", "Second World Internet Conference"]).output
    assert out.splitlines()[0] == (
        "wic-2015 (edition): 24 figures under 14 indicators; most: event_editions_held (6), event_guests (3), "
        "event_countries_regions_represented (2), event_subforums (2), event_topics (2)"
    )
    assert "  tongxiang-digital-economy series event_editions_held --subject wic-2015" in out.splitlines()
    series = runner.invoke(cli, ["series", "event_editions_held", "--subject", "wic-2015"])
    assert series.exit_code == 0
    assert "txgov-2023-02-tongxiang-basic-profile-016" in series.output


def test_the_conferences_name_does_not_stand_for_each_edition_named_after_it() -> None:
    """An edition's name holds its conference's; searching the conference lists no edition block (editions are
    found by their whole names only, as places are)."""
    held = tde.search("World Internet Conference").attrs["subjects"]
    assert "edition" not in set(held["kind"])


@pytest.mark.parametrize(
    ("full", "ascii"),
    [
        ("ＧＤＰ", "GDP"),
        ("５Ｇ", "5G"),
        ("ＧＤＰ增速", "GDP增速"),
        ("ＷＵＺＨＥＮ", "WUZHEN"),
        ("Ｊｕｓｈｉ", "Jushi"),
        ("３６９４", "3694"),
    ],
)
def test_full_width_letters_and_digits_find_what_ascii_finds(full: str, ascii: str) -> None:
    """Trial 9 m1: ＧＤＰ found nothing where GDP finds 5 indicators (a Chinese input method types full width)."""
    hits, plain = tde.search(full), tde.search(ascii)
    assert len(plain) > 0
    assert hits.equals(plain)
    assert list(hits.attrs["indicators"]["indicator"]) == list(plain.attrs["indicators"]["indicator"])


def test_full_width_punctuation_is_kept_as_a_clauses_end() -> None:
    assert half_width("ＧＤＰ，５Ｇ。１：Ａ") == "GDP，5G。1：A"
    assert casefolded("烏鎮ＧＤＰ") == "乌镇gdp"


@pytest.mark.parametrize(
    ("query", "observation"),
    [
        ("3694", "chinadaily-2024-05-28-dynamic-tongxiang-002"),  # trial 9 m9: value_text 3,694
        ("1890", "chinadaily-2020-01-14-digital-economy-booms-007"),  # no trial's: value_text 1,890
        ("187000", "chinadaily-govt-2017-12-27-tongxiang-edz-009"),  # value_text "187,000 yuan"
        ("80,000", "chinajushi-2016-05-30-im-base-project-signed-001"),  # value_text 80,000t
    ],
)
def test_a_number_finds_the_figure_whose_value_it_is_however_its_text_writes_it(query: str, observation: str) -> None:
    hits = tde.search(query)
    found = hits[(hits["table"] == "indicators") & (hits["key"] == observation)]
    assert len(found) >= 1
    value = tde.load("indicators").set_index("observation_id").loc[observation, "value"]
    assert float(value) == float(query.replace(",", ""))


def test_a_value_cell_is_shown_as_its_number() -> None:
    """A number cell found by its value shows the number (1000000000, not 1e9 or 1000000000.0). Since trial 12 m7
    a figure's value is found through its value_text, which writes it (3694 finds the cell "3,694"), so a units
    multiplier shows it."""
    hits = tde.search("1000000000")
    assert hits[["table", "key", "column", "text"]].values.tolist()[:3] == [
        ["units", "billion_yuan", "multiplier", "1000000000"],
        ["units", "billion_usd", "multiplier", "1000000000"],
        ["units", "billion", "multiplier", "1000000000"],
    ]
    assert tde.search("3694")[["table", "key", "column", "text"]].values.tolist()[0] == [
        "indicators",
        "chinadaily-2024-05-28-dynamic-tongxiang-002",
        "value_text",
        "3,694",
    ]


@pytest.mark.parametrize(
    ("query", "number"),
    [
        ("3694", 3694.0),
        ("3,694", 3694.0),
        ("３６９４", 3694.0),
        ("37.48", 37.48),
        ("1,2345", None),
        ("5g", None),
        ("2,5", None),
    ],
)
def test_a_number_query_is_digits_with_thousands_grouped_or_not(query: str, number: float | None) -> None:
    assert number_in(query) == number


def figure_rows(query: str) -> set[str]:
    hits = tde.search(query)
    return set(hits.loc[hits["table"] == "indicators", "key"])


@pytest.mark.parametrize(
    ("english", "chinese", "row"),
    [
        ("Wuzhen visitors", "乌镇游客", "ccyxbj-2022-cyts-h1-wuzhen-visitors-down-90pct-006"),  # trial 9 V2
        (
            "Wuzhen ticket revenue",
            "乌镇门票收入",
            "chinanews-bankipay-2015-02-28-tongxiang-spring-festival-tourism-007",
        ),
    ],
)
def test_a_place_and_a_measure_find_its_scenic_areas_figures_in_either_language(
    english: str, chinese: str, row: str
) -> None:
    """Trial 9 V2: "Wuzhen visitors" (the README's example, = 乌镇游客) missed the scenic area's visitors, whose
    figures are about the project wuzhen-scenic-area located in Wuzhen. A place in a subject-and-measure reading
    stands for the projects located in it too, for the measures counted per project."""
    assert row in figure_rows(english)
    assert figure_rows(english) == figure_rows(chinese)


def test_wuzhen_visitors_is_not_padded_with_visits_of_another_kind() -> None:
    """Trial 9 V2: an internet hospital's 800 million visits and a leader's visit were among "Wuzhen visitors":
    the measure matches by word forms (visitor, visitors), not the root "visit", and a figure of another measure
    whose text holds the words is no answer."""
    rows = figure_rows("Wuzhen visitors")
    assert "vcbeat-2019-05-wuzhen-internet-hospital-800m-visits-001" not in rows
    assert "zqcn-2019-09-17-zhu-weiqiang-digital-economy-ip-021" not in rows
    indicators = tde.search("Wuzhen visitors").attrs["indicators"]["indicator"]
    assert list(indicators) == [
        "scenic_area_tourist_arrivals",
        "scenic_area_tourist_arrivals_growth",
        "tourist_arrivals",
        "tourist_arrivals_daily_average",
        "tourist_arrivals_growth",
    ]
