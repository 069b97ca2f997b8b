"""Derived files are fresh, the one version string agrees everywhere, and every field is described."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

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
def test_derived_files_are_fresh() -> None:
    """datapackage.json hashes, CITATION.cff and the data dictionary match what scripts/build makes."""
    result = subprocess.run([sys.executable, "scripts/build", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
