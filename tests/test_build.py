"""Derived files are fresh, the one version string agrees everywhere, and every field is described."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import re
import shlex
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import tongxiang_digital_economy as tde
from tongxiang_digital_economy import release
from tongxiang_digital_economy.cli import cli

ROOT = Path(__file__).resolve().parents[1]
IN_CHECKOUT = (ROOT / "scripts" / "build").is_file() and (ROOT / "datapackage.json").is_file()
checkout_only = pytest.mark.skipif(not IN_CHECKOUT, reason="needs the repository checkout")


@checkout_only
def test_derived_files_are_fresh(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """datapackage.json hashes, CITATION.cff and the data dictionary match what scripts/build makes: its `--check`
    run in this process (its main(); the readings this process keeps serve it), not in an interpreter of its own
    (scripts/build's start, checkout_python, is test_checkout_python's)."""
    monkeypatch.setattr(sys, "argv", ["scripts/build", "--check"])
    monkeypatch.setattr(sys, "path", list(sys.path))  # main() puts the checkout's src first: given back after
    code = build_script().main()
    out, err = capsys.readouterr()
    assert code == 0, out + err


def test_every_statement_of_the_version_agrees() -> None:
    """The installed distribution, `tde.__version__` and `--version` all say datapackage.json's version."""
    version = tde.version()
    assert tde.__version__ == version
    assert metadata.version("tongxiang-digital-economy") == version, "reinstall: the metadata is older"
    assert CliRunner().invoke(cli, ["--version"], catch_exceptions=False).output == (
        f"tongxiang-digital-economy {version}\n"
    )


@checkout_only
def test_the_readme_counts_are_the_package_counts() -> None:
    """The README's opening counts what `info` counts: sources, their years, figures, enterprises and projects."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        r"\((\d+) sources, (\d{4})–(\d{4}), in English and Chinese: (\d+) figures, (\d+) enterprises"
        r"\s+and (\d+) projects\)",
        readme,
    )
    assert found, "the README's opening sentence with the counts is missing"
    years = tde.load("sources")["published"].str[:4]
    wanted = (
        len(tde.load("sources")),
        int(years.min()),
        int(years.max()),
        len(tde.load("indicators")),
        len(tde.load("enterprises")),
        len(tde.load("projects")),
    )
    assert tuple(int(g) for g in found.groups()) == wanted


@checkout_only
def test_citation_files_and_changelog_agree_with_the_version() -> None:
    version = tde.version(ROOT)
    assert yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"] == version
    assert json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))["version"] == version
    assert release.changelog_problems((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), version) == []


@checkout_only
def test_sync_version_script_agrees() -> None:
    result = subprocess.run([sys.executable, "scripts/sync-version"], cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")


@checkout_only
def test_the_version_lives_only_in_datapackage_json() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"' in pyproject
    assert 'path = "datapackage.json"' in pyproject
    assert release.Version.parse(tde.version(ROOT))


def test_every_resource_and_field_is_described() -> None:
    base = tde.package().basepath
    descriptor = json.loads((Path(base) / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["description"]
    for resource in descriptor["resources"]:
        assert resource.get("description"), resource["name"]
        schema = json.loads((Path(base) / resource["schema"]).read_text(encoding="utf-8"))
        for field in schema["fields"]:
            assert field.get("description"), (resource["name"], field["name"])


def test_every_table_declares_its_keys() -> None:
    base = Path(tde.package().basepath)
    for name in tde.tables():
        schema = json.loads((base / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert schema["primaryKey"], name
    fact_tables = {"enterprises", "projects", "indicators"}
    for name in fact_tables:
        schema = json.loads((base / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        referenced = {fk["reference"]["resource"] for fk in schema["foreignKeys"]}
        assert {"sources", "places"} <= referenced, name


@checkout_only
def test_no_source_text_is_copied_into_the_repository() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    # The fixture archive holds short excerpts only (the lines of a dozen sources' evidence; test_anchors checks
    # their length); no other text of the archive is in the repository.
    texts = [f for f in tracked if f.endswith(".txt") or f.startswith("shared/")]
    assert [f for f in texts if not f.startswith("tests/archive/")] == []
    assert all((ROOT / f).stat().st_size < 2000 for f in texts)


def build_script() -> Any:
    """scripts/build as a module (it has no .py suffix), for its README generator."""
    loader = importlib.machinery.SourceFileLoader("build_script", str(ROOT / "scripts" / "build"))
    spec = importlib.util.spec_from_loader("build_script", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


@checkout_only
def test_the_readme_shows_what_its_commands_print_now() -> None:
    """scripts/build replaces a shown command's stale output with what the CLI prints; other blocks stay as written."""
    stale = (
        "Text.\n\n```\n$ tongxiang-digital-economy series gdp --subject tongxiang   # a comment\n"
        "period_end  role  value  source_id\n2021-12-31 preferred 1 stale-id\n"
        "$ tongxiang-digital-economy series operating_revenue --subject xin-feng-ming-holding\nold line\n```\n\n"
        "```sh\n$ tongxiang-digital-economy series gdp\nleft as written\n```\n"
    )
    made = build_script().readme_with_outputs(stale)
    gdp = CliRunner().invoke(cli, ["series", "gdp", "--subject", "tongxiang"], catch_exceptions=False).output
    revenue = (
        CliRunner()
        .invoke(cli, ["series", "operating_revenue", "--subject", "xin-feng-ming-holding"], catch_exceptions=False)
        .output
    )
    assert made == (
        "Text.\n\n```\n$ tongxiang-digital-economy series gdp --subject tongxiang   # a comment\n"
        + "".join(line.rstrip() + "\n" for line in gdp.splitlines())
        + "$ tongxiang-digital-economy series operating_revenue --subject xin-feng-ming-holding\n"
        + "".join(line.rstrip() + "\n" for line in revenue.splitlines())
        + "```\n\n```sh\n$ tongxiang-digital-economy series gdp\nleft as written\n```\n"
    )
    assert "stale-id" not in made and "old line" not in made


# README example commands that read the package and write nothing; the others name files a reader makes
# (my-copy/, old/, -o FILE) or start a server.
READ_ONLY = {"info", "show", "series", "search", "cite", "diff", "check-version", "fingerprint"}


def readme_commands() -> list[str]:
    """The `tongxiang-digital-economy ...` lines of the README's sh blocks that only read the package."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = [
        line
        for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S)
        for line in block.splitlines()
        if line.startswith("tongxiang-digital-economy ")
    ]
    return [
        line
        for line in lines
        if shlex.split(line, comments=True)[1] in READ_ONLY and not re.search(r"my-copy/|old/|\s-o\s", line)
    ]


@checkout_only
def test_the_readme_example_commands_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each read-only example command of the README runs as written in the checkout, with exit status 0."""
    monkeypatch.chdir(ROOT)
    commands = readme_commands()
    assert any(" diff " in c for c in commands) and any(" series " in c for c in commands)
    for command in commands:
        result = CliRunner().invoke(cli, shlex.split(command, comments=True)[1:], catch_exceptions=False)
        assert result.exit_code == 0, f"{command}: {result.output}"


@checkout_only
def test_the_readmes_conference_series_is_what_series_returns_now() -> None:
    """The README's Python example of the conference's series (one point per edition) is not a shown command that
    scripts/build refreshes, so it is checked here: each edition line it shows is a preferred row of the series
    now, the first and the last shown are its first and last editions, and no edition has two preferred rows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", readme, flags=re.S) if "world-internet-conference" in b)
    shown = re.findall(r"^#  (wic-\d{4}) (\d{4}-\d\d-\d\d) (\d{4}-\d\d-\d\d)  (.+?)(?:   \(.*\))?$", block, flags=re.M)
    s = tde.series("event_guests", subject="world-internet-conference")
    preferred = s[(s.role == "preferred") & s.event_id.notna()]
    rows = [
        (str(r.event_id), f"{r.period_start:%Y-%m-%d}", f"{r.period_end:%Y-%m-%d}", str(r.value_text))
        for r in preferred.itertuples()
    ]
    assert len(shown) >= 4 and set(shown) <= set(rows), (shown, rows)
    assert (shown[0], shown[-1]) == (rows[0], rows[-1])
    assert preferred["event_id"].is_unique


@checkout_only
def test_the_readme_says_which_reposts_rank_as_their_origin() -> None:
    """Trial 10 m9: the README said "a faithful repost of a text whose origin it names ranks as that origin", while
    one of 35 reposts did. It gives the data's counts; they are the data's. Issue 13 (sources9): every repost whose
    text names the body it reproduces is graded as that body, so 23 of 35 now rank as their origin."""
    sources = tde.load("sources")
    reposts = sources[sources["grade"] == "repost"]
    graded = reposts[reposts["original_grade"].notna()]
    named = reposts[reposts["original_publisher"].notna() & reposts["original_grade"].isna()]
    ranks = graded["original_grade"].value_counts().to_dict()
    assert (len(reposts), len(graded), len(named), ranks) == (
        35,
        23,
        3,
        {"state_media": 12, "regional_media": 7, "media": 2, "official": 2},
    )
    official = set(graded.loc[graded["original_grade"] == "official", "source_id"])
    assert "txstats-nextlevelarts-2022-02-10-statistical-bulletin-2021" in official
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert (
        f"of the {len(reposts)} reposts {len(graded)} have it: {ranks['state_media']} rank as `state_media`, "
        f"{ranks['regional_media']} as `regional_media`, {ranks['media']} as `media` and {ranks['official']} as "
        "`official`"
        in readme
        and f"The other {len(reposts) - len(graded)} rank as `repost`" in readme
        and f"{len(reposts) - len(graded) - len(named)} name no origin; {len(named)} name one" in readme
    )
