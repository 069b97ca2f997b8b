"""Trial 12 W3: a recurring event named with a year or an ordinal ("WIC 2023", 2023年乌镇峰会, 第二届世界互联网大会)
found 0 to 35 rows of the edition's 16 depending on the words and the language. It now names the edition: the
trial's exact queries end to end, and a property over every edition in events.csv at the reading (what `search`
then reads is the edition's own query, so the same rows; use.search_editions)."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.search_cells import searched
from tongxiang_digital_economy.use.search_editions import edition_reading
from tongxiang_digital_economy.use.search_query import parse

runner = CliRunner(catch_exceptions=False)
SUFFIX = {1: "st", 2: "nd", 3: "rd"}


@pytest.mark.parametrize(
    "query",
    [
        "WIC 2023",
        "2023 Wuzhen Summit",
        "Wuzhen Summit 2023",
        "2023 World Internet Conference",
        "2023年世界互联网大会",
        "2023年乌镇峰会",
        "2023世界互联网大会乌镇峰会",
        "2023年的世界互联网大会",  # no trial's
    ],
)
def test_the_trials_queries_find_the_editions_figures_and_name_its_series(query: str) -> None:
    """The edition's 19 figures (its event_id), the programmes it launched among them (the young leaders selected,
    their countries, the awarded projects: event_id since docs/data-changes/2026-12-wic-2023-programmes.md)."""
    hits = tde.search(query)
    figures = tde.load("indicators")
    mine = set(figures.loc[figures["event_id"] == "wic-2023", "observation_id"])
    assert {f"{UNLINKED_2023}-{n:03d}" for n in (8, 9, 10)} <= mine
    assert (len(mine), edition_figures_of("wic-2023") - mine) == (19, set())
    assert set(hits.loc[hits["table"] == "indicators", "key"]) == mine
    assert (hits.attrs["editions"], hits.attrs["edition_unlinked"]) == (["wic-2023"], [])
    first = hits.attrs["subjects"].iloc[0]
    assert (first["subject"], first["command"]) == (
        "wic-2023",
        "tongxiang-digital-economy series event_countries_regions_represented --subject wic-2023",
    )


def test_the_answer_says_which_edition_it_read() -> None:
    lines = runner.invoke(cli, ["search", "2023年乌镇峰会"]).stdout.splitlines()
    assert lines[:3] == [
        "'2023年乌镇峰会' is the edition wic-2023",
        "wic-2023 (edition): 19 figures under 11 indicators; most: event_countries_regions_represented (3), "
        "event_guests (3), event_years_held (3), event_exhibiting_enterprises (2), "
        "event_exhibitor_countries_regions (2)",
        "  tongxiang-digital-economy series event_countries_regions_represented --subject wic-2023",
    ]
    assert "23 rows match '2023年乌镇峰会' (25 cells): sources 3, events 1, indicators 19" in lines


def test_flows_of_the_editions_parts_over_its_days_without_event_id_are_found_and_named(package: PackageCopy) -> None:
    """A part's flow over exactly the edition's days that names no event_id is still the edition's (issue 16): the
    shipped rows as they stood before they named wic-2023."""
    rows = package.rows("indicators")
    for row in rows:
        if row["observation_id"].startswith(f"{UNLINKED_2023}-0") and row["observation_id"][-3:] in {
            "008",
            "009",
            "010",
        }:
            row["event_id"] = ""
    package.write("indicators", rows, stamp=False)
    lines = runner.invoke(cli, ["search", "2023年乌镇峰会", "--package", str(package.root)]).stdout.splitlines()
    assert lines[:3] == [
        "'2023年乌镇峰会' is the edition wic-2023",
        "with 3 figures of its event or its parts over its days that name no event_id: "
        f"{UNLINKED_2023}-008, {UNLINKED_2023}-009, {UNLINKED_2023}-010",
        "wic-2023 (edition): 16 figures under 8 indicators; most: event_countries_regions_represented (3), "
        "event_guests (3), event_years_held (3), event_exhibiting_enterprises (2), "
        "event_exhibitor_countries_regions (2)",
    ]
    assert "23 rows match '2023年乌镇峰会' (25 cells): sources 3, events 1, indicators 19" in lines


EDITIONS_OF_WIC = (
    "its editions: wic-2014 (2014, no. 1), wic-2015 (2015, no. 2), wic-2016 (2016, no. 3), wic-2017 (2017, no. 4), "
    "wic-2018 (2018, no. 5), wic-2019 (2019, no. 6), wic-2020 (2020), wic-2021 (2021), wic-2022 (2022), "
    "wic-2023 (2023), wic-2024 (2024), wic-2025 (2025)"
)


@pytest.mark.parametrize(
    ("query", "asked"),
    [
        ("第十届世界互联网大会", "numbered 10"),
        ("the 10th World Internet Conference", "numbered 10"),
        ("WIC 2013", "in 2013"),
    ],
)
def test_a_year_or_number_no_edition_has_is_said_with_the_editions_there_are(query: str, asked: str) -> None:
    """The events table numbers the conference's editions up to the sixth (2019) and no source numbers a later one:
    第十届 names none, and the answer says so rather than finding words."""
    result = runner.invoke(cli, ["search", query])
    note = f"note: world-internet-conference has no edition {asked} in the events table; {EDITIONS_OF_WIC}"
    assert result.stdout.splitlines()[0] == note
    csv = runner.invoke(cli, ["search", query, "--format", "csv"])
    assert csv.stderr.splitlines() == [note]


def test_an_events_full_name_with_a_year_no_edition_has_finds_its_figures_of_that_year() -> None:
    """Trial 17 W2: "互联网之光博览会 2023" and "Light of the Internet Expo 2023" were told the expo has no edition in
    2023, while 互联网之光 2023 found its 8 figures of 2023 (they carry the summit's edition, wic-2023). A year no
    edition has is the note's only where the event has no figure of that year ("WIC 2013", above)."""
    figures = {(h.key) for h in tde.search("互联网之光 2023").itertuples() if h.table == "indicators"}
    assert len(figures) == 8
    for query in ("互联网之光博览会 2023", "Light of the Internet Expo 2023", "互联网之光博览会 2023年"):
        found = tde.search(query)
        assert set(found.loc[found["table"] == "indicators", "key"]) == figures, query
        assert "edition_note" not in found.attrs, query
    lines = runner.invoke(cli, ["search", "Light of the Internet Expo 2023"]).stdout.splitlines()
    assert lines[0] == (
        "light-of-internet-expo (project): 8 figures under 5 indicators; most: event_exhibiting_enterprises (3), "
        "event_exhibitor_countries_regions (2), event_product_launch_events (1), event_visits (1), event_years_held (1)"
    )
    assert not [line for line in lines if "has no edition" in line]


def forms_of(event: pd.Series, project: pd.Series) -> list[str]:
    """How a reader names an edition with its year or number, in either language, from its project's names."""
    year = int(str(event["start"])[:4])
    english, chinese = project["name"], project["name_zh"]
    forms = [f"{english} {year}", f"{year} {english}"]
    if isinstance(chinese, str):
        forms += [f"{year}年{chinese}", f"{chinese}{year}", f"{year}{chinese}"]
    number = event["edition"]
    if not pd.isna(number):
        n = int(number)
        forms.append(f"{n}{SUFFIX.get(n % 10 if n % 100 not in (11, 12, 13) else 0, 'th')} {english}")
        if isinstance(chinese, str):
            forms.append(f"第{n}届{chinese}")
    return forms


def test_every_edition_is_found_by_its_names_and_its_events_name_with_its_year_or_number() -> None:
    """A property over every edition in events.csv: its name and Chinese name are its names, and its project's name
    with the edition's year (or number), in either language, is read as the edition's own query."""
    frames = searched().frames
    projects = frames["projects"].set_index("project_id")
    wrong = {}
    for _, event in frames["events"].iterrows():
        key = str(event["event_id"])
        own = parse(key, frames)
        for name in (event["name"], event["name_zh"]):
            if isinstance(name, str) and parse(name, frames).subjects.get("event_id") != frozenset({key}):
                wrong[name] = "not its name"
        for form in forms_of(event, projects.loc[event["project_id"]]):
            whole = parse(form, frames)
            if whole.name:  # a whole name is read as one (and must be the edition's)
                if whole.subjects != own.subjects:
                    wrong[form] = "another's name"
                continue
            read = edition_reading(form, frames)
            if read is None or read.editions != (key,) or read.query != own:
                wrong[form] = read.editions if read is not None else None
    assert wrong == {}


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("WIC 2023 investment", "investment"),
        ("2023年乌镇峰会投资", "投资"),
    ],
)
def test_an_edition_and_a_measure_it_has_no_figure_of_says_so_and_where_they_are(query: str, said: str) -> None:
    """Issue 16 (left by trial 12): "WIC 2023 investment" was read as investment figures of 2023 about the
    conference, and an edition's name with a measure was no edition. It names the edition and the measure; the
    2023 summit has no investment figure, and the answer says which of the conference's figures there are."""
    result = runner.invoke(cli, ["search", query])
    assert (result.exit_code, result.stdout) == (
        0,
        f"'{query}' is the edition wic-2023\n"
        f"note: wic-2023 has no figure of '{said}'; world-internet-conference or a part of it has "
        "cooperation_projects_total_investment of 2022, 2024, none of the edition\n"
        f"no rows mention '{query}'\n",
    )


UNLINKED_2023 = "xinhua-javascriptjump-2023-11-10-wuzhen-summit-international"


def edition_figures_of(event_id: str, indicators: set[str] | None = None) -> set[str]:
    """The figures of an edition, read from the tables here as search_editions' docstring says: its event_id, or
    none and a flow about its event or a part of it (projects.parent_id) over exactly its days."""
    figures, events, projects = tde.load("indicators"), tde.load("events"), tde.load("projects")
    definitions = tde.load("indicator_definitions")
    edition = events.set_index("event_id").loc[event_id]
    parts = {edition["project_id"], *projects.loc[projects["parent_id"] == edition["project_id"], "project_id"]}
    flows = set(definitions.loc[definitions["temporal"] == "flow", "indicator"])
    over = (figures["period_start"] == pd.Timestamp(edition["start"])) & (
        figures["period_end"] == pd.Timestamp(edition["end"])
    )
    unlinked = figures["event_id"].isna() & figures["project_id"].isin(parts) & figures["indicator"].isin(flows)
    mine = (figures["event_id"] == event_id).fillna(False) | (unlinked & over).fillna(False)
    if indicators is not None:
        mine &= figures["indicator"].isin(indicators)
    return set(figures.loc[mine, "observation_id"])


@pytest.mark.parametrize(
    ("query", "indicators", "found"),
    [
        # "guests" and 嘉宾 name the guests and the countries they come from in either language (trial 13 m1)
        ("2023 Wuzhen Summit guests", {"event_guests", "event_countries_regions_represented"}, 6),
        ("2023年乌镇峰会嘉宾", {"event_guests", "event_countries_regions_represented"}, 6),
        # A part of the conference held at the summit, its figures dated within the summit's days, no event_id.
        ("WIC 2023 young leaders", {"event_young_leaders_selected", "event_young_leaders_countries_regions"}, 2),
        ("WIC 2023 award", {"event_award_winning_projects"}, 1),
    ],
)
def test_an_edition_and_a_measure_find_the_editions_figures_of_it(query: str, indicators: set[str], found: int) -> None:
    """An edition plus a measure finds the edition's figures of the indicators the measure names: those whose
    event_id is the edition, and those of the conference or a part of it without one whose period lies within the
    edition's days; no figure of another edition or of another span of the year (the competition's entries up to
    the summit, a total since 2014)."""
    hits = tde.search(query)
    mine = edition_figures_of("wic-2023", indicators)
    assert len(mine) == found
    assert set(hits.loc[hits["table"] == "indicators", "key"]) == mine
    assert set(hits.attrs["indicators"]["indicator"]) == indicators
    assert set(hits.attrs["indicators"]["command"]) == {
        f"tongxiang-digital-economy series {i} --subject wic-2023" for i in indicators
    }
    assert (hits.attrs["editions"], hits.attrs["edition_note"]) == (["wic-2023"], "")


def test_a_figure_of_the_editions_year_outside_its_days_is_not_the_editions() -> None:
    """The competition's entries of 2023 run from 2023-01-01 to the summit's last day: of the conference's year,
    not of the summit; the answer names them as the conference's, none of the edition."""
    hits = tde.search("WIC 2023 competition entries")
    assert not len(hits)
    assert hits.attrs["edition_note"] == (
        "wic-2023 has no figure of 'competition entries'; world-internet-conference or a part of it has "
        "event_competition_countries of 2023; event_competition_entries of 2023, none of the edition"
    )


def test_a_query_longer_than_any_name_is_refused_at_once() -> None:
    """Trial 13 m7: a query of 1,800 characters took 30 s of CPU (7,200 did not finish) to say "no rows mention":
    every reading cuts a query every way into a name and the rest. A query longer than any name or title the
    package holds is a usage error; the longest name (a project's) is still read whole."""
    long = " ".join(["GDP 2016"] * 200)
    result = runner.invoke(cli, ["search", long])
    assert (result.exit_code, result.output.splitlines()[-1]) == (
        2,
        "Error: the query has 1,799 characters, more than the 200 search reads (longer than any name or title the "
        "package holds): give the few words that name what you look for",
    )
    projects = tde.load("projects")
    longest = max(projects["name"], key=len)
    hits = tde.search(longest)
    key = projects.loc[projects["name"] == longest, "project_id"].iloc[0]
    assert key in set(hits["key"]) | set(hits.attrs["subjects"]["subject"])
