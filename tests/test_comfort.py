"""Python and CLI comfort: load_all, df.attrs, the shipped data dictionary, -h, --package everywhere, --quiet."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.use import citations

runner = CliRunner(catch_exceptions=False)


def test_load_all_gives_every_table() -> None:
    frames = tde.load_all()
    assert list(frames) == tde.tables()
    assert {name: len(frame) for name, frame in frames.items()} == {n: len(tde.load(n)) for n in tde.tables()}


def test_attrs_hold_descriptions_units_and_the_citation() -> None:
    ind = tde.load("indicators")
    assert ind.attrs["title"] == "Indicators"
    assert ind.attrs["columns"]["value_text"].startswith("The exact part of `evidence` that states the quantity")
    assert set(ind.attrs["columns"]) == set(ind.columns)
    assert ind.attrs["units"]["yi_yuan"] == tde.load("units").set_index("unit").at["yi_yuan", "label"]
    assert "Licence: CC-BY-4.0." in ind.attrs["citation"]
    assert ind.attrs["citation"] == citations.as_text(citations.citation())
    assert "units" not in tde.load("places").attrs  # only tables with a unit column list units


def test_the_data_dictionary_is_shipped() -> None:
    assert tde.data_dictionary().startswith("# Data dictionary: Tongxiang Digital Economy Data Package")


def test_dash_h_is_help() -> None:
    assert runner.invoke(cli, ["-h"]).output == runner.invoke(cli, ["--help"]).output
    assert runner.invoke(cli, ["export", "-h"]).output == runner.invoke(cli, ["export", "--help"]).output


def test_validate_and_stamp_take_package_like_every_command(package: PackageCopy) -> None:
    root = str(package.root)
    by_option = runner.invoke(cli, ["validate", "--package", root])
    by_argument = runner.invoke(cli, ["validate", root])
    assert by_option.exit_code == by_argument.exit_code == 0
    assert by_option.output == by_argument.output
    assert runner.invoke(cli, ["stamp", "--package", root]).output == "nothing to update: every hash is current\n"
    assert runner.invoke(cli, ["stamp", root]).output == "nothing to update: every hash is current\n"


def test_package_given_twice_differently(package: PackageCopy, tmp_path: object) -> None:
    result = runner.invoke(cli, ["validate", str(package.root), "--package", str(package.root / "data")])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: give the package once: as PATH or as --package PATH"


def test_stamp_needs_a_package() -> None:
    result = runner.invoke(cli, ["stamp"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: name the package to stamp: --package PATH"


def test_quiet_hides_warnings() -> None:
    loud = runner.invoke(cli, ["validate"]).output.splitlines()
    quiet = runner.invoke(cli, ["validate", "--quiet"]).output.splitlines()
    assert any(": warning [" in line for line in loud)
    assert quiet == [loud[-1]]  # the shipped package has no errors: only the summary line is left


def test_quiet_keeps_errors(package: PackageCopy) -> None:
    package.edit("indicators", 2, unit="no_such_unit")
    result = runner.invoke(cli, ["validate", "--package", str(package.root), "-q"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1].startswith("INVALID: ")
    assert lines[:-1] and all(": error [" in line for line in lines[:-1])
