"""Validating a fork in its own CI: GitHub annotations on the right line, JUnit XML, the action's script and the
pre-commit hooks, each run on a fixture fork (a copy of the shipped package with one fault)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.report import Problem, Report
from tongxiang_digital_economy.io.lines import line_of, record_lines
from tongxiang_digital_economy.use import annotations

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def fork_with_bad_figure(package: PackageCopy, bad_row: int = 6) -> tuple[int, int]:
    """Break `value` on CSV row `bad_row` below a note that holds two line breaks; return (row, file line)."""
    package.edit("indicators", 3, note="a note\nover three\nlines")
    package.edit("indicators", bad_row, value="12,5")
    return bad_row, bad_row + 2


def the_error(report: Report, row: int) -> Problem:
    (problem,) = [p for p in report.errors if p.table == "indicators" and p.row == row]
    return problem


def test_record_lines_follow_line_breaks_inside_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"x\ny"\n2,z\n\n3,"p\r\nq\r\nr"\n4,w\n', encoding="utf-8", newline="")
    starts = record_lines(path)
    assert starts == [1, 2, 4, 5, 6, 9]
    assert line_of(starts, 3) == 4
    assert line_of(starts, 99) == 99  # beyond a parse: the row itself, the best guess


def test_github_annotation_is_on_the_line_of_the_bad_figure(package: PackageCopy) -> None:
    row, line = fork_with_bad_figure(package)
    report = package.validate()
    problem = the_error(report, row)
    out = annotations.github(report, root=package.root).splitlines()
    expected = (
        f"::error file=data/indicators.csv,line={line},title={problem.rule}::"
        f"indicators, row {row}, field value: {problem.message}"
    )
    assert problem.rule == "type-error"
    assert expected in out
    assert out[-1] == report.to_text().splitlines()[-1]
    assert sum(1 for x in out if x.startswith("::error ")) == len(report.errors)


def test_annotations_escape_what_github_reads_as_syntax() -> None:
    assert annotations.escape_data("50% of a\nb\r") == "50%25 of a%0Ab%0D"
    assert annotations.escape_property("data/a,b:c.csv") == "data/a%2Cb%3Ac.csv"


def test_validate_format_github_from_the_cli(package: PackageCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    row, line = fork_with_bad_figure(package)
    monkeypatch.chdir(package.root)
    result = CliRunner().invoke(cli, ["validate", "--package", ".", "--format", "github"], catch_exceptions=False)
    assert result.exit_code == 1
    problem = the_error(package.validate(), row)
    assert (
        f"::error file=data/indicators.csv,line={line},title=type-error::indicators, row {row}, field value: "
        + (problem.message)
        in result.output.splitlines()
    )


def test_a_descriptor_problem_is_annotated_on_datapackage_json(package: PackageCopy) -> None:
    (package.root / "datapackage.json").write_text("{", encoding="utf-8")
    report = package.validate()
    out = annotations.github(report, root=package.root).splitlines()
    assert out[0].startswith("::error file=datapackage.json,title=descriptor-error::package: ")


def test_junit_has_a_case_per_rule_and_table_and_fails_the_broken_one(package: PackageCopy) -> None:
    row, _ = fork_with_bad_figure(package)
    report = package.validate()
    root = ET.fromstring(annotations.junit(report))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(tde.tables(package.root)) <= set(suites)
    cases = {c.get("name"): c for c in suites["indicators"].iter("testcase")}
    failure = cases["type-error"].find("failure")
    assert failure is not None and failure.get("message") == "1 error"
    assert failure.text == f"indicators, row {row}, field value: {the_error(report, row).message}"
    assert cases["primary-key"].find("failure") is None
    failed_cases = [c for s in suites.values() for c in s.iter("testcase") if c.find("failure") is not None]
    assert root.get("failures") == str(len(failed_cases)) == "1"
    assert root.get("tests") == str(sum(len(list(s.iter("testcase"))) for s in suites.values()))


def test_junit_writes_warnings_without_failing(package: PackageCopy) -> None:
    package.edit("indicators", 4, note="@ see the table")
    report = package.validate()
    root = ET.fromstring(annotations.junit(report))
    cases = root.iter("testcase")
    case = next(c for c in cases if (c.get("classname"), c.get("name")) == ("indicators", "formula-cell"))
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "indicators, row 4, field note: warning: " in (out.text or "")


def test_fail_on_warning(package: PackageCopy) -> None:
    package.edit("indicators", 4, note="@ see the table")
    report = package.validate()
    assert report.valid and any(p.rule == "formula-cell" for p in report.warnings)
    runner = CliRunner()
    base = ["validate", "--package", str(package.root), "--quiet"]
    assert runner.invoke(cli, base, catch_exceptions=False).exit_code == 0
    assert runner.invoke(cli, [*base, "--fail-on", "warning"], catch_exceptions=False).exit_code == 1


def test_json_and_another_format_is_a_usage_error(package: PackageCopy) -> None:
    result = CliRunner().invoke(
        cli, ["validate", "--package", str(package.root), "--json", "--format", "junit"], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == "Error: --json is --format json: give one format"


def test_stamp_check_names_the_stale_file_and_the_fix(package: PackageCopy) -> None:
    package.edit("indicators", 5, stamp=False, note="edited")
    runner = CliRunner()
    result = runner.invoke(cli, ["stamp", "--package", str(package.root), "--check"], catch_exceptions=False)
    assert result.exit_code == 1
    # A copy outside any git repository is told to stamp, not to commit (trial 6 r9); a checkout also to commit.
    assert result.output == (
        f"Error: data/indicators.csv: changed since its hash was recorded in datapackage.json; run "
        f"`tongxiang-digital-economy stamp --package {package.root}`\n"
    )
    (package.root / ".git").mkdir()
    result = runner.invoke(cli, ["stamp", "--package", str(package.root), "--check"], catch_exceptions=False)
    assert result.output.endswith(f"stamp --package {package.root}` and commit datapackage.json\n")
    # a checkout (it holds scripts/build) is told scripts/build, as validate tells it (trial 18 m7)
    (package.root / "scripts").mkdir()
    (package.root / "scripts" / "build").write_text("")
    result = runner.invoke(cli, ["stamp", "--package", str(package.root), "--check"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (
        1,
        "Error: data/indicators.csv: changed since its hash was recorded in datapackage.json; run scripts/build in "
        f"{package.root} and commit datapackage.json\n",
    )
    (package.root / "scripts" / "build").unlink()
    (package.root / "scripts").rmdir()
    (package.root / ".git").rmdir()
    assert runner.invoke(cli, ["stamp", "--package", str(package.root)], catch_exceptions=False).exit_code == 0
    result = runner.invoke(cli, ["stamp", "--package", str(package.root), "--check"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (0, "every recorded hash is current\n")


def action(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the action's validation step as action.yml does, with the test's interpreter's scripts on PATH."""
    full = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env}
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "action-validate")], cwd=cwd, env=full, capture_output=True, text=True
    )


@pytest.mark.e2e  # three whole runs of the action's script, each a process validating the fork
def test_the_action_fails_a_fork_with_a_bad_figure_and_passes_it_fixed(package: PackageCopy) -> None:
    if shutil.which("tongxiang-digital-economy", path=str(BIN)) is None:
        pytest.skip("the console script is not installed beside this interpreter")
    if not (ROOT / "scripts" / "action-validate").is_file():
        pytest.skip("the action's script is in the checkout, not in the wheel's test run")
    workspace = package.root.parent
    original = package.rows("indicators")[6 - 2]["value"]
    row, line = fork_with_bad_figure(package)
    run = action({"TDE_PACKAGE": "package"}, workspace)
    assert run.returncode == 1, run.stderr
    assert f"::error file=package/data/indicators.csv,line={line},title=type-error::" in run.stdout
    package.edit("indicators", row, value=original)
    run = action({"TDE_PACKAGE": "package"}, workspace)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "::error " not in run.stdout
    bad_input = action({"TDE_PACKAGE": "package", "TDE_FAIL_ON_WARNINGS": "yes"}, workspace)
    assert bad_input.returncode == 2
    assert bad_input.stdout == (
        "::error title=fail-on-warnings::the input fail-on-warnings is 'true' or 'false', not 'yes'\n"
    )


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.e2e
def test_pre_commit_hooks_on_a_fork(package: PackageCopy, tmp_path: Path) -> None:
    """`pre-commit try-repo` installs this repository's hooks in their own environment and runs them on a fork."""
    pre_commit = shutil.which("pre-commit", path=str(BIN)) or shutil.which("pre-commit")
    if pre_commit is None:
        pytest.skip("pre-commit is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this project as a git checkout")
    fork = package.root
    git("init", "-q", cwd=fork)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A", cwd=fork)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "fork", cwd=fork)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
    }

    def hooks() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "--all-files"], cwd=fork, env=env, capture_output=True, text=True
        )

    original = package.rows("indicators")[0]["value"]
    package.edit("indicators", 2, stamp=False, value="12,5")
    run = hooks()
    assert run.returncode == 1, run.stdout + run.stderr
    assert "recorded CSV hashes are current" in run.stdout and "Failed" in run.stdout
    assert "Error: data/indicators.csv: changed since its hash was recorded in datapackage.json; run" in run.stdout
    tde.stamp(fork)
    run = hooks()
    assert run.returncode == 1
    assert "indicators, row 2, field value: error [type-error]" in run.stdout
    package.edit("indicators", 2, value=original)
    run = hooks()
    assert run.returncode == 0, run.stdout + run.stderr


def warning_cases(report: Report) -> dict[tuple[str, str], list[Problem]]:
    """The shipped package's warnings by (table, rule): the JUnit test cases they belong to."""
    cases: dict[tuple[str, str], list[Problem]] = {}
    for p in report.sorted():
        if p.severity == "warning":
            cases.setdefault((p.table or "package", p.rule), []).append(p)
    return cases


def test_junit_fails_the_warnings_under_fail_on_warning(shipped_report: Report) -> None:
    """Trial 10 W5: `validate --fail-on warning --format junit` exited 1 with an XML identical to a passing run
    (failures="0"). Under --fail-on warning each rule that warned fails, with every warning in its failure text."""
    report = shipped_report
    assert report.valid and report.warnings
    cases = warning_cases(report)
    passing = ET.fromstring(annotations.junit(report))
    failing = ET.fromstring(annotations.junit(report, "warning"))
    assert (passing.get("failures"), failing.get("failures")) == ("0", str(len(cases)))
    assert passing.get("tests") == failing.get("tests")
    found = {
        (c.get("classname"), c.get("name")): c.find("failure")
        for c in failing.iter("testcase")
        if c.find("failure") is not None
    }
    assert set(found) == set(cases)
    for key, problems in cases.items():
        failure = found[key]
        assert failure is not None
        noun = "warning" if len(problems) == 1 else "warnings"
        assert failure.get("message") == f"{len(problems)} {noun} (--fail-on warning)"
        assert failure.get("type") == key[1]
        assert failure.text == "\n".join(f"{p.location()}: warning: {p.message}" for p in problems)
    assert not [c for c in failing.iter("testcase") if c.find("system-out") is not None]
    suites = {s.get("name"): s.get("failures") for s in failing.iter("testsuite")}
    assert {t: int(n or 0) for t, n in suites.items() if n != "0"} == {
        t: sum(1 for table, _ in cases if table == t) for t in {table for table, _ in cases}
    }


def test_junit_counts_a_rule_with_errors_and_warnings_once(package: PackageCopy) -> None:
    """A rule that found an error and a warning is one failing case; under --fail-on warning its failure names both."""
    error = Problem("indicators", 5, "value", "type-error", "error", "bad", "structure")
    warning = Problem("indicators", 7, "value", "type-error", "warning", "odd", "structure")
    report = Report(str(package.root), problems=[error, warning])
    root = ET.fromstring(annotations.junit(report, "warning"))
    (case,) = [c for c in root.iter("testcase") if (c.get("classname"), c.get("name")) == ("indicators", "type-error")]
    failure = case.find("failure")
    assert failure is not None and failure.get("message") == "1 error, 1 warning (--fail-on warning)"
    assert failure.text == "indicators, row 5, field value: bad\nindicators, row 7, field value: warning: odd"
    assert root.get("failures") == "1"
    plain = ET.fromstring(annotations.junit(report))
    (case,) = [c for c in plain.iter("testcase") if (c.get("classname"), c.get("name")) == ("indicators", "type-error")]
    plain_failure, out = case.find("failure"), case.find("system-out")
    assert plain_failure is not None and plain_failure.get("message") == "1 error"
    assert out is not None and out.text == "indicators, row 7, field value: warning: odd"


def summary_of(report: Report) -> str:
    """The counts after the package's path in every format's summary line."""
    return report.to_text().splitlines()[-1].removeprefix("valid: ")


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_every_format_says_why_fail_on_warning_fails(fmt: str, shipped_report: Report) -> None:
    """Trial 10 W5: the exit code under --fail-on warning is 1 in every format, and each format says so: the text's
    and GitHub's last line, the JSON's `passed`, the JUnit's failures (each format's exact words)."""
    report = shipped_report
    result = CliRunner().invoke(cli, ["validate", "--format", fmt, "--fail-on", "warning"], catch_exceptions=False)
    assert result.exit_code == 1
    last = result.output.splitlines()[-1]
    n = len(report.warnings)
    if fmt == "text":
        assert last == f"FAILED on {n} warnings (--fail-on warning), valid otherwise: {summary_of(report)}"
    elif fmt == "github":
        assert last == f"invalid under --fail-on warning: {summary_of(report)}"
        assert sum(1 for x in result.output.splitlines() if x.startswith("::warning ")) == n
    elif fmt == "json":
        verdict = json.loads(result.output)
        assert (verdict["valid"], verdict["passed"], verdict["fail_on"]) == (True, False, "warning")
    else:
        root = ET.fromstring(result.output)
        assert root.get("failures") == str(len(warning_cases(report)))
        assert result.output == annotations.junit(report, "warning") + "\n"


def test_github_last_line_is_valid_without_fail_on_warning(shipped_report: Report) -> None:
    assert annotations.github(shipped_report).splitlines()[-1] == f"valid: {summary_of(shipped_report)}"
    assert annotations.github(shipped_report, fail_on="warning").splitlines()[-1] == (
        f"invalid under --fail-on warning: {summary_of(shipped_report)}"
    )
