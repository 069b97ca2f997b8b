"""Trial 11 W1: every name of a project finds the same rows, in either language, its parts' (projects.parent_id)
included. `search 世界互联网大会 --theme investment` missed the 2024 Digital Economy Industry Cooperation
Conference's figures that "World Internet Conference" found: that part's English name holds the conference's, its
Chinese name (数字经济产业合作大会) does not, and only the names holding the query stood for the part."""

from __future__ import annotations

import pandas as pd
import pytest
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use.search_query import normalised

runner = CliRunner(catch_exceptions=False)
COOPERATION_2024 = "qjwb-monvtuan-2024-11-21-digital-economy-cooperation-63-projects"


def names_of(project: pd.Series) -> list[str]:
    """A project's names as a reader types them: name, name_zh and each alias (one per folded form)."""
    written = [project["name"], project["name_zh"], *str(project["aliases"]).split("|")]
    given = [n for n in written if isinstance(n, str) and n.strip() and n != "nan"]
    return list({normalised(n): n for n in given}.values())


def rows_found(query: str) -> frozenset[tuple[str, str]]:
    found = tde.search(query)
    return frozenset(zip(found["table"], found["key"], strict=True))


def test_every_name_of_every_project_finds_the_same_rows() -> None:
    """A property over every shipped project: its name, Chinese name and aliases find one set of rows (each name
    stands for the project, its parts, and whatever names hold any of its names)."""
    projects = tde.load("projects")
    differ = {}
    for _, project in projects.iterrows():
        names = names_of(project)
        if len(names) < 2:  # a project of one name finds one set of rows: no search of it can differ
            continue
        found = {name: rows_found(name) for name in names}
        if len(set(found.values())) > 1:
            differ[project["project_id"]] = {name: len(rows) for name, rows in found.items()}
    assert differ == {}
    assert len(projects) > 100  # the property was read over the whole table


@pytest.mark.parametrize("query", ["World Internet Conference", "世界互联网大会", "WIC", "乌镇峰会"])
def test_the_conference_in_either_language_finds_its_2024_cooperation_conference(query: str) -> None:
    result = runner.invoke(cli, ["search", query, "--theme", "investment"])
    assert result.exit_code == 0
    assert f"10 rows match {query!r} (10 cells): indicators 10" in result.output.splitlines()
    found = {key for table, key in rows_found(query) if table == "indicators"}
    assert {f"{COOPERATION_2024}-{n}" for n in ("001", "002", "005", "006")} <= found
    # Trial 12 m1: the subject lines count and suggest the theme's indicators only (they opened with the
    # conference's 178 figures, most event_editions_held, and `series event_editions_held`).
    lines = result.output.splitlines()
    assert lines[:2] == [
        "world-internet-conference (project): 1 figure of theme investment under 1 indicator; most: "
        "cooperation_projects_contract_amount (1)",
        "  tongxiang-digital-economy series cooperation_projects_contract_amount --subject world-internet-conference",
    ]
    assert lines[3].startswith(
        "wic-digital-economy-industry-cooperation-conference (project): 9 figures of theme investment under 5 "
        "indicators; most: cooperation_projects_signed (4), cooperation_projects_total_investment (2)"
    )


def test_a_project_stands_for_its_parts() -> None:
    """The Light of the Internet Expo is a part of the conference (parent_id): each of its figures is found by the
    conference's names, one whose text names neither the conference nor the summit too (it was the one missed)."""
    expo = tde.load("indicators").query("project_id == 'light-of-internet-expo'")["observation_id"]
    assert "zjdaily-archyde-2023-11-11-wuzhen-summit-2023-recap-004" in set(expo)
    for query in ("乌镇峰会", "World Internet Conference"):
        assert {("indicators", key) for key in expo} <= rows_found(query), query
