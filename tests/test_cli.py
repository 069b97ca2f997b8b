"""The command line: thin verbs over the library, with exit codes a script can rely on."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import click
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import SHARED_ARCHIVE, PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.cli.options import Command
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.use.search_columns import themes

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out = run(command, "--help")
    assert code == 0
    assert "Example:" in out


# Every option of every command that takes one value (not `multiple`, not a flag), as (command, option).
SINGLE_VALUED = [
    (name, param.opts[0])
    for name, command in sorted(cli.commands.items())
    for param in command.params
    if isinstance(param, click.Option) and not (param.multiple or param.is_flag)
]


def test_every_command_refuses_a_repeated_option_by_one_rule() -> None:
    """Trial 15 m14: click kept the last of a repeated option without a word (`search --theme tourism --theme wic
    gdp` searched wic alone). Every command is a `cli.options.Command`, whose parsing refuses it."""
    assert all(isinstance(command, Command) for command in cli.commands.values())
    assert len(SINGLE_VALUED) >= 30
    assert {("search", "--theme"), ("export", "--output"), ("validate", "--package")} <= set(SINGLE_VALUED)
    result = runner.invoke(cli, ["search", "--theme", "tourism", "--theme", "wic", "gdp"])
    assert (result.exit_code, result.output) == (
        2,
        "Usage: cli search [OPTIONS] [TEXT]\nTry 'cli search --help' for help.\n\n"
        "Error: Option '--theme' is given twice, but takes one value: give it once\n",
    )


@pytest.mark.parametrize(("command", "option"), SINGLE_VALUED, ids=[f"{c} {o}" for c, o in SINGLE_VALUED])
def test_an_option_that_takes_one_value_given_twice_is_a_usage_error(command: str, option: str) -> None:
    """The rule, for each such option: named (with its short form), exit 2, before anything is read or written."""
    param = next(p for p in cli.commands[command].params if option in p.opts)
    hint = " / ".join(repr(o) for o in param.opts)
    code, out = run(command, option, "a", *param.opts[-1:], "b", option, "c")
    assert (code, out.splitlines()[-1]) == (
        2,
        f"Error: Option {hint} is given 3 times, but takes one value: give it once",
    )


def test_an_option_declared_multiple_or_a_flag_may_repeat() -> None:
    """`show --where` takes several conditions; a flag given twice says the same thing twice."""
    code, out = run("show", "indicators", "--where", "year=2022", "--where", "place_id=wuzhen", "--format", "csv")
    shown = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    indicators = tde.load("indicators")
    both = indicators[indicators.year.eq(2022).fillna(False) & indicators.place_id.eq("wuzhen").fillna(False)]
    assert code == 0 and len(shown) == len(both) > 0
    assert set(shown.observation_id) == set(both.observation_id)
    assert run("stamp", "--check", "--check", "--package", str(bundled_package_dir())) == (
        0,
        "every recorded hash is current\n",
    )


def test_version_is_the_dataset_version() -> None:
    assert run("--version") == (0, f"tongxiang-digital-economy {tde.version()}\n")


def test_validate_the_installed_package() -> None:
    code, out = run("validate")
    assert code == 0, out
    assert out.splitlines()[-1].startswith("valid: ")


@pytest.mark.skipif(not SHARED_ARCHIVE.is_dir(), reason="the source archive is not beside this checkout")
def test_validate_against_the_real_archive() -> None:
    code, out = run("validate", "--archive", str(SHARED_ARCHIVE))
    assert code == 0, out


def test_json_output_is_what_the_api_returns(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="123456789")
    code, out = run("validate", str(package.root), "--json")
    assert code == 1
    assert json.loads(out) == tde.validate(package.root).to_dict()
    problem = next(p for p in json.loads(out)["problems"] if p["rule"] == "value-text-number")
    assert (problem["table"], problem["row"], problem["field"], problem["severity"]) == (
        "indicators",
        2,
        "value",
        "error",
    )


def test_human_output_names_table_row_field_and_rule(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="123456789")
    code, out = run("validate", str(package.root))
    assert code == 1
    value_text = package.rows("indicators")[0]["value_text"]
    assert (f"indicators, row 2, field value: error [value-text-number] value_text {value_text!r} reads as ") in out


USAGE_ERRORS = [
    (["validate", "--no-such-option"], "Error: No such option '--no-such-option'."),
    (["validate", "/no/such/folder"], "Error: Invalid value for '[PATH]': Path '/no/such/folder' does not exist."),
    (
        ["validate", "--archive", "/no/such/archive"],
        "Error: Invalid value for '--archive': Path '/no/such/archive' does not exist.",
    ),
    (
        ["show", "nope"],
        "Error: Invalid value for TABLE: no table named 'nope'; the tables are: " + ", ".join(tde.tables()),
    ),
    (
        ["show", "units", "--where", "no-equals-sign"],
        "Error: Invalid value for '--where': 'no-equals-sign' is not COLUMN=VALUE",
    ),
    (
        ["show", "units", "--where", "nope=1"],
        "Error: Invalid value for --where: units has no column 'nope'; its columns: "
        + ", ".join(tde.load("units").attrs["columns"]),
    ),
    (  # a typo of a column is corrected (trial 5 n7)
        ["show", "units", "--where", "unti=yuan"],
        "Error: Invalid value for --where: units has no column 'unti'; did you mean 'unit'? its columns: "
        + ", ".join(tde.load("units").attrs["columns"]),
    ),
    (  # the trial's own typo (trial 5 n7)
        ["show", "indicators", "--where", "yaer=2023"],
        "Error: Invalid value for --where: indicators has no column 'yaer'; did you mean 'year'? its columns: "
        + ", ".join(tde.load("indicators").attrs["columns"]),
    ),
    (  # a value no cell of the column can hold is a usage error naming the column and its type (trial 2, U8)
        ["show", "indicators", "--where", "year=abc"],
        "Error: Invalid value for --where: 'abc' is not of the type of indicators.year: integer (ASCII digits, 64-bit)",
    ),
    (
        ["show", "indicators", "--where", "period_end=2023-13-01"],
        "Error: Invalid value for --where: '2023-13-01' is not of the type of indicators.period_end: "
        "date (YYYY-MM-DD, a day on the calendar)",
    ),
    (  # an enum is checked as series --status checks it (trial 3, N10), and the value meant named (core.suggest)
        ["show", "indicators", "--where", "status=ACTUAL"],
        "Error: Invalid value for --where: 'ACTUAL' is not a value of indicators.status: did you mean 'actual'? one "
        "of actual, target, estimate",
    ),
    (
        ["show", "indicators", "--where", "qualifier=aprox"],
        "Error: Invalid value for --where: 'aprox' is not a value of indicators.qualifier: did you mean 'approx'? "
        "one of eq, approx, gt, gte, lt, lte, range",
    ),
    (  # every click choice goes through the same suggester
        ["series", "gdp", "--status", "Actual"],
        "Error: Invalid value for '--status': 'Actual' is not one of 'actual', 'target', 'estimate'; did you mean "
        "'actual'?",
    ),
    (
        ["show", "units", "--format", "jsn"],
        "Error: Invalid value for '--format': 'jsn' is not one of 'table', 'csv', 'json'; did you mean 'json'?",
    ),
    (
        ["search", "gdp", "--theme", "touism"],
        "Error: Invalid value for --theme: no theme 'touism'; did you mean 'tourism'? the themes are: "
        + ", ".join(themes()),
    ),
    (
        ["show", "units", "--format", "xml"],
        "Error: Invalid value for '--format': 'xml' is not one of 'table', 'csv', 'json'.",
    ),
    (["nope"], "Error: No such command 'nope'."),
]


@pytest.mark.parametrize(("args", "error"), USAGE_ERRORS)
def test_usage_errors_exit_2(args: list[str], error: str) -> None:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert (result.exit_code, result.output.strip().splitlines()[-1]) == (2, error)  # click's last line


def test_a_folder_without_a_package_is_an_error(tmp_path) -> None:
    code, out = run("validate", str(tmp_path))
    assert code == 1
    assert out.startswith("Error: no datapackage.json in")


def test_show_filters_and_formats() -> None:
    code, out = run("show", "indicators", "--where", "place_id=wuzhen", "--where", "year=2017", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["place_id"] == "wuzhen" and r["year"] == "2017" for r in rows)
    expected = tde.load("indicators")
    assert len(rows) == ((expected["place_id"] == "wuzhen") & (expected["year"] == 2017)).sum()


def test_show_json_is_typed_and_where_matches_values_as_written() -> None:
    code, out = run("show", "indicators", "--where", "value=37.73", "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["value"] == 37.73 and row["unit"] == "billion_yuan" and row["period_end"] == "2018-11-01"


def test_show_keeps_values_exactly_as_written(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="108.860", evidence="2024年實現地區生產總值108.860億元")
    code, out = run("show", "indicators", "--where", "value=108.860", "--format", "csv", "--package", str(package.root))
    assert code == 0
    assert [r["value"] for r in csv.DictReader(io.StringIO(out))] == ["108.860"]


@pytest.mark.parametrize(
    ("same", "written"), [("value=6800.0", "value=6800"), ("year=+2023", "year=2023"), ("value=3.773e1", "value=37.73")]
)
def test_where_compares_typed_values(same: str, written: str) -> None:
    """Trial 3 N10: a value is compared as the column's type: 6800.0 is the number 6800, +2023 the year 2023."""
    expected = run("show", "indicators", "--where", written, "--format", "csv")
    assert expected[0] == 0 and len(expected[1].splitlines()) > 1
    assert run("show", "indicators", "--where", same, "--format", "csv") == expected


def test_repeated_where_is_and() -> None:
    """Every --where must hold: year=2023 and year=2024 together match no row (the help says so)."""
    assert run("show", "indicators", "--where", "year=2023", "--where", "year=2024") == (
        0,
        "no rows in indicators match\n",
    )
    assert "every condition must hold (AND)" in " ".join(run("show", "--help")[1].split())


def test_show_as_table_and_limit() -> None:
    code, out = run("show", "sources", "--limit", "2")
    assert code == 0
    assert len(out.strip().splitlines()) == 3


def test_info_counts_rows_and_sources() -> None:
    code, out = run("info", "--by", "source")
    assert code == 0
    assert f"version {tde.version()}" in out.splitlines()[0]
    for source_id in tde.load("sources")["source_id"]:
        assert source_id in out
    # Trial 14 m4: a repost is said with the grade it ranks as in series and charts (its origin's), not the raw
    # `repost` alone; a page graded as its own origin says its grade once.
    lines = {line.split()[0]: " ".join(line.split()[1:]) for line in out.splitlines()[1:] if line.split()}
    said = 0
    for _, source in tde.load("sources").iterrows():
        grade, origin = source["grade"], source["original_grade"]
        words = grade if pd.isna(origin) or origin == grade else f"{grade} of {origin}"
        assert lines[source["source_id"]].startswith(f"{words} {source['language']} "), source["source_id"]
        said += words != grade
    assert said >= 20
    assert lines["zjol-bjwhseo-2021-09-24-wuzhen-digital-spacetime"].startswith("repost of regional_media zh ")


def test_info_by_indicator() -> None:
    code, out = run("info", "--by", "indicator")
    assert code == 0
    assert "digital_economy_enterprises" in out


def test_stamp_records_new_hashes(package: PackageCopy) -> None:
    # A note: a cell no reading of the reference tables depends on, so the validations re-read only that table.
    package.edit("indicators", 2, stamp=False, note="edited")
    assert run("validate", str(package.root))[0] == 1
    code, out = run("stamp", str(package.root))
    assert (code, out) == (
        0,
        f"updated indicators\nnext: tongxiang-digital-economy validate --package {package.root} --archive FOLDER "
        "(the archived texts: every evidence is read against its source's text)\n",
    )  # trial 17 m7: stamp says what to run next
    assert run("validate", str(package.root))[0] == 0
    assert run("stamp", str(package.root))[1] == "nothing to update: every hash is current\n"
    # Review 14 R16: the next command is one a shell takes as printed, a folder with a space quoted.
    spaced = package.root.rename(package.root.with_name("my copy"))
    package.root = spaced
    package.edit("indicators", 2, stamp=False, note="edited again")
    assert (
        run("stamp", str(spaced))[1]
        .splitlines()[1]
        .startswith(f"next: tongxiang-digital-economy validate --package '{spaced}' --archive FOLDER ")
    )


def test_tables_command() -> None:
    assert run("tables")[1].split() == tde.tables()


def test_python_dash_m_is_the_same_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tongxiang_digital_economy", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout == f"tongxiang-digital-economy {tde.version()}\n"


def test_package_gives_a_frictionless_package() -> None:
    package = tde.package()
    assert package.name == "tongxiang-digital-economy"
    assert [r.name for r in package.resources] == tde.tables()


def test_series_table_shows_each_period_whole() -> None:
    """A half year reads as a half year: the table names each period by its span (H1 2019 beside 2019)."""
    code, out = run("series", "gdp", "--subject", "tongxiang")
    found = tde.series("gdp", "tongxiang")
    half = found[(found["period_end"] - found["period_start"]).dt.days < 300].iloc[0]
    assert code == 0 and out.splitlines()[0].split()[:3] == ["period", "role", "value"]
    line = next(x for x in out.splitlines() if half.observation_id in x)
    assert line.split()[:3] == ["H1", "2019", half.role]


@pytest.mark.parametrize("command", ["series", "plot"])
def test_subject_help_names_event_editions(command: str) -> None:
    """--subject takes an edition such as wic-2023 (trial 2, D4), and the help says so."""
    out = runner.invoke(cli, [command, "--help"], catch_exceptions=False).output
    assert "event edition id, such as tongxiang, tongkun-group or wic-2023" in " ".join(out.split())


def test_where_with_an_empty_value_still_keeps_the_rows_where_it_is_missing() -> None:
    code, out = run("show", "indicators", "--where", "event_id=", "--where", "year=2016", "--format", "csv")
    shown = pd.read_csv(io.StringIO(out), dtype=str, keep_default_na=False)
    indicators = tde.load("indicators")
    both = indicators[indicators.event_id.isna() & indicators.year.eq(2016).fillna(False)]
    assert code == 0 and len(shown) == len(both) > 0
    assert set(shown.observation_id) == set(both.observation_id)


def test_select_is_the_library_of_show_where() -> None:
    """Review 3 F3: the typed --where comparison and its enum check lived in the CLI alone; `tde.select` is it,
    and `show --where` prints what it returns."""
    rows = tde.select("indicators", [("place_id", "wuzhen"), ("year", "+2017")])
    every = tde.load("indicators")
    assert list(rows["observation_id"]) == list(
        every.loc[(every["place_id"] == "wuzhen") & (every["year"] == 2017), "observation_id"]
    )
    assert len(rows) > 0
    result = CliRunner().invoke(
        cli, ["show", "indicators", "--where", "place_id=wuzhen", "--where", "year=+2017", "--format", "json"]
    )
    assert [r["observation_id"] for r in json.loads(result.output)] == list(rows["observation_id"])
    with pytest.raises(tde.WhereError) as caught:
        tde.select("indicators", [("status", "planned")])
    assert str(caught.value) == "'planned' is not a value of indicators.status: one of actual, target, estimate"
    with pytest.raises(tde.WhereError) as caught:
        tde.select("indicators", [("year", "abc")])
    assert str(caught.value).startswith("'abc' is not of the type of indicators.year: ")


def test_select_takes_a_typed_value_as_show_where_takes_its_text() -> None:
    """Trial 14 m7: `tde.select("indicators", [("year", 2022)])` was refused (pairs of text only), though the
    loaded frame's `year` is an integer: a number, boolean or date is compared as its text is."""
    import numpy as np
    import pandas as pd

    def keys(where: list[tuple[str, object]]) -> list[str]:
        return list(tde.select("indicators", where)["observation_id"])

    assert keys([("year", 2022)]) == keys([("year", np.int64(2022))]) == keys([("year", "2022")]) != []
    assert keys([("period_end", pd.Timestamp("2024-12-31"))]) == keys([("period_end", "2024-12-31")]) != []
    assert keys([("value", 1347.1)]) == keys([("value", "1347.1")]) != []
    # Trial 15 m1: a whole float (what pandas gives an integer column after a NaN) is that whole number.
    assert keys([("year", 2022.0)]) == keys([("year", np.float64(2022))]) == keys([("year", 2022)])
    assert keys([("value", 108.0)]) == keys([("value", 108)])
    for bad in ([1], float("nan"), pd.NaT, pd.Timestamp("2024-12-31 10:00")):
        with pytest.raises(tde.ArgumentError) as caught:
            tde.select("indicators", [("year", bad)])
        assert str(caught.value).startswith("where must hold (column, value) pairs of text, numbers, booleans or dates")


def test_one_suggester_corrects_an_id_in_every_command(tmp_path: Path) -> None:
    """Trial 4 m5: a table name, a foreign key's value or a chart suffix in another case (or a name for the id)
    is answered as `series --subject Tongxiang` is: with the id meant (core.suggest)."""
    from tongxiang_digital_economy.core.suggest import meant

    tables = ", ".join(tde.tables())
    shown = runner.invoke(cli, ["show", "Indicators"])
    assert (shown.exit_code, shown.output.splitlines()[-1]) == (
        2,
        f"Error: Invalid value for TABLE: no table named 'Indicators'; did you mean 'indicators'? the tables are: "
        f"{tables}",
    )
    exported = runner.invoke(cli, ["export", "Indicators", "--format", "csv", "-o", str(tmp_path / "x.csv")])
    # The same fault, the same exit code and line in both commands (issue 16; export had exited 1).
    assert (exported.exit_code, exported.output.splitlines()[-1]) == (shown.exit_code, shown.output.splitlines()[-1])
    for value in ("Wuzhen", "乌镇", "烏鎮"):
        found = runner.invoke(cli, ["show", "indicators", "--where", f"place_id={value}"])
        assert (found.exit_code, found.output) == (
            0,
            "no rows in indicators match; did you mean --where place_id=wuzhen?\n",
        )
    both = runner.invoke(cli, ["show", "indicators", "--where", "place_id=Wuzhen", "--where", "indicator=GDP"])
    assert both.output == "no rows in indicators match; did you mean --where place_id=wuzhen --where indicator=gdp?\n"
    typo = runner.invoke(cli, ["show", "indicators", "--where", "place_id=wuzhenn"])  # a close spelling (core.suggest)
    assert typo.output == "no rows in indicators match; did you mean --where place_id=wuzhen?\n"
    nothing = runner.invoke(cli, ["show", "indicators", "--where", "place_id=nowhere"])
    assert nothing.output == "no rows in indicators match\n"
    # a number is suggested by its size, within 1%, never by its spelling (trial 14 m6: 1e308 suggested 130)
    for asked, said in (("value=1347", "; did you mean --where value=1347.1?"), ("value=1e308", ""), ("year=2030", "")):
        shown = runner.invoke(cli, ["show", "indicators", "--where", asked])
        assert shown.output == f"no rows in indicators match{said}\n"
    # a suffix in capitals is the format meant (any chart: one of four points draws in half gdp's time)
    drawn = runner.invoke(
        cli, ["plot", "china_top_100_counties_rank", "--subject", "tongxiang", "-o", str(tmp_path / "a.PNG")]
    )
    assert (drawn.exit_code, drawn.output) == (0, f"wrote {tmp_path / 'a.PNG'}\n")
    assert (tmp_path / "a.PNG").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Two ids one text could mean: no guess.
    assert meant("A", ["a", "A-1"], {"A-1": ["a"]}) is None


def test_failing_on_warnings_says_so_in_the_summary() -> None:
    """Trial 4 m11: `validate --fail-on warning` printed "valid: … 0 errors, 18 warnings" and exited 1."""
    result = runner.invoke(cli, ["validate", "--quiet", "--fail-on", "warning"])
    report = tde.validate()
    assert report.valid and report.warnings
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"FAILED on {len(report.warnings)} warnings (--fail-on warning), valid otherwise: {report.package}: "
        f"0 errors, {len(report.warnings)} warnings, {len(report.infos)} figures corroborated; evidence not read "
        "against the archived texts (no archive given)"
    )
    plain = runner.invoke(cli, ["validate", "--quiet"])
    assert plain.exit_code == 0 and plain.output.splitlines()[-1].startswith("valid: ")


@pytest.mark.parametrize(("fail_on", "exit_code"), [("warning", 1), ("error", 0)])
def test_the_json_report_carries_the_verdict_the_exit_code_gives(fail_on: str, exit_code: int) -> None:
    """Review 4 F6: `validate --fail-on warning --json` said `"valid": true` and exited 1. `valid` stays the
    package's validity; `passed` and `fail_on` say what the exit code says."""
    result = runner.invoke(cli, ["validate", "--json", "--fail-on", fail_on], catch_exceptions=False)
    report = json.loads(result.output)
    assert report["warnings"] > 0 and report["errors"] == 0
    assert result.exit_code == exit_code
    assert (report["valid"], report["passed"], report["fail_on"]) == (True, exit_code == 0, fail_on)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["cite", "--observation", ""], "Error: Invalid value for '--observation': is empty; give an observation id"),
        (["cite", "--source", " "], "Error: Invalid value for '--source': is empty; give a source id"),
        (["series", ""], "Error: Invalid value for 'INDICATOR': is empty; give an indicator id"),
        (["series", "gdp", "--subject", ""], "Error: Invalid value for '--subject': is empty; give a subject id"),
        (["plot", "", "-o", "x.png"], "Error: Invalid value for 'INDICATOR': is empty; give an indicator id"),
        (["diff", ""], "Error: Invalid value for 'OLD': is empty; give a package folder or a kept release version"),
        (
            ["diff", "1.0.0", ""],
            "Error: Invalid value for '[NEW]': is empty; give a package folder or a kept release version",
        ),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else None,
)
def test_an_empty_name_is_a_usage_error(args: list[str], line: str) -> None:
    """Trial 11 m5: an empty id is a usage error (exit 2), as an empty search or `-o ""` is; an empty diff side
    was read as the current folder."""
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()[-1]) == (2, line)


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[1] / "README.md").is_file(),
    reason="needs the repository checkout (the wheel run has none; .ci/run runs it in the clone)",
)
def test_the_diff_help_example_works_as_written_in_a_clone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Trial 11 m5: `diff --help`'s example named a release (1.1.0) no clone keeps; its markdown example runs as
    written in a checkout."""
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    example = "tongxiang-digital-economy diff 1.0.0 . --format markdown"
    assert example in CliRunner().invoke(cli, ["diff", "--help"], catch_exceptions=False).output
    result = CliRunner().invoke(cli, example.split()[1:], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()[0]) == (0, "### Data changes since 1.0.0")
