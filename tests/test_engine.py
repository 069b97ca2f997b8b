"""The typed engine's promises: one reader for load and validate, compiled pandera schemas, one problem registry,
and a command line whose --help and --version import nothing heavy."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pandas as pd
import pandera.pandas as pa
import pytest
from conftest import PackageCopy

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.core.problems import PROBLEMS
from tongxiang_digital_economy.semantics.catalogue import problem_types
from tongxiang_digital_economy.semantics.rules import RULES

HEAVY = ("pandas", "pyarrow", "pandera", "frictionless")


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_nothing_heavy(flag: str) -> None:
    code = (
        "import sys\nfrom tongxiang_digital_economy.cli import cli\n"
        f"try:\n    cli([{flag!r}])\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


@pytest.fixture(scope="module")
def shipped_indicators() -> tuple[pd.DataFrame, pd.DataFrame, list[warnings.WarningMessage]]:
    """The shipped indicators, what their compiled schema returns for them, and the warnings it gives: one schema
    validation of the largest table, read by the two tests below."""
    frame = tde.load("indicators")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        checked = tde.schema("indicators").validate(frame, lazy=True)
    return frame, checked, list(caught)


@pytest.mark.parametrize("table", tde.tables())
def test_the_compiled_schema_accepts_the_shipped_table(
    table: str, shipped_indicators: tuple[pd.DataFrame, pd.DataFrame, list[warnings.WarningMessage]]
) -> None:
    if table == "indicators":
        frame, checked, caught = shipped_indicators
        assert not [w for w in caught if not issubclass(w.category, pa.errors.SchemaWarning)]
        assert checked.equals(frame)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)  # conflicting-values is a warning rule
        frame = tde.load(table)
        assert tde.schema(table).validate(frame, lazy=True).equals(frame)


def test_the_compiled_schema_finds_what_a_user_broke() -> None:
    frame = tde.load("indicators")
    frame.loc[3, "qualifier"] = "about"
    frame.loc[4, "unit"] = "nope"
    frame.loc[5, "year"] = 1800
    frame.loc[6, "period_start"] = pd.Timestamp("2030-01-01")
    frame.loc[7, "observation_id"] = frame.loc[8, "observation_id"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)
        with pytest.raises(pa.errors.SchemaErrors) as caught:
            tde.schema("indicators").validate(frame, lazy=True)
    cases = caught.value.failure_cases
    assert sorted(set(zip(cases["check"].astype(str), cases["index"], strict=True))) == [
        ("field_uniqueness", 8),
        ("foreign-key:unit->units.unit", 4),
        ("greater_than_or_equal_to(1949)", 5),
        ("isin(['eq', 'approx', 'gt', 'gte', 'lt', 'lte', 'range'])", 3),
        ("multiple_fields_uniqueness", 8),
        ("period-order", 6),
        ("stock-not-at-a-date", 6),  # a stock's period now spans years
        ("value-text-qualifier", 3),  # 'about' is not what the quote's words say
        ("year-not-period-end", 5),
    ]


def test_the_compiled_schema_is_the_table_schema_not_a_copy(package: PackageCopy) -> None:
    """Change a constraint in the Table Schema and the pandera schema follows: nothing is restated by hand."""
    import json

    path = package.root / "schemas" / "places.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    level = next(f for f in schema["fields"] if f["name"] == "level")
    level["constraints"]["enum"] = [*level["constraints"]["enum"], "village"]
    path.write_text(json.dumps(schema), encoding="utf-8")
    checks = {str(c) for c in tde.schema("places", package.root).columns["level"].checks}
    assert any("village" in c for c in checks)


def test_the_registry_holds_every_problem_once() -> None:
    types = problem_types()
    assert set(PROBLEMS) <= set(types)
    assert {r.id for r in RULES} <= set(types)
    assert all(t.severity in ("error", "warning", "info") for t in types.values())
    assert all(t.id == t.id.lower() and " " not in t.id for t in types.values())


def test_every_problem_a_report_carries_is_registered(package: PackageCopy) -> None:
    package.edit("indicators", 2, value="NaN", note="=1+1")
    package.edit("places", 3, level="hamlet")  # not a level of the schema's enum
    report = package.validate()
    assert {p.rule for p in report.problems} <= set(problem_types())
    assert {p.rule for p in report.problems} >= {"type-error", "formula-cell", "constraint-error"}


def test_corroboration_is_no_schema_warning(
    shipped_indicators: tuple[pd.DataFrame, pd.DataFrame, list[warnings.WarningMessage]],
) -> None:
    """Agreement is not a problem: the README's pandera example warns only for warning rules (trial 2, U10)."""
    caught = shipped_indicators[2]
    rules = {
        str(w.message).split("<Check ")[1].split(">")[0]
        for w in caught
        if issubclass(w.category, pa.errors.SchemaWarning)
    }
    assert "corroborating-values" not in rules
    warned = {r.id for r in RULES if r.table == "indicators" and r.severity == "warning"}
    assert rules <= warned and rules  # the shipped package's warning rules (conflicting-values) still warn


def test_a_frame_without_the_columns_load_adds_fails_once_per_column_and_a_missing_cell_names_its_row() -> None:
    """Trial 15 W6: a frame without value_base and base_unit (what load adds from units) failed 54 times, one
    KeyError per rule; a period_end of NaT failed period-incomplete with no failure case (pandera drops a missing
    one). Now the two columns are the failures, and the NaT's row is named by its key."""
    frame = tde.load("indicators").query("place_id == 'wuzhen'")
    schema = tde.schema("indicators")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)
        with pytest.raises(pa.errors.SchemaErrors) as caught:
            schema.validate(frame.drop(columns=["value_base", "base_unit"]), lazy=True)
        cases = caught.value.failure_cases
        assert sorted(zip(cases["check"], cases["failure_case"], strict=True)) == [
            ("column_in_dataframe", "base_unit"),
            ("column_in_dataframe", "value_base"),
        ]
        first = frame.index[0]
        frame.loc[first, "period_end"] = pd.NaT
        with pytest.raises(pa.errors.SchemaErrors) as caught:
            schema.validate(frame, lazy=True)
    cases = caught.value.failure_cases
    incomplete = cases[cases["check"] == "period-incomplete"]
    assert list(zip(incomplete["failure_case"], incomplete["index"], strict=True)) == [
        ({"observation_id": frame.loc[first, "observation_id"]}, first)
    ]


def test_a_frame_with_a_column_of_another_dtype_fails_once_per_column_and_no_rule_judges_it() -> None:
    """Trial 16 W1: the frame `pd.read_csv` gives (dates as text, integers as floats) failed its 4 dtype checks
    and 3 rules with a Python exception as the failure case; dates as text gave 381 false stock-not-at-a-date, a
    value as text a false value-text-unit on a right row. Each column of another dtype is one failure, the rules
    left unrun, as for a missing column."""
    frame = tde.load("indicators").query("place_id == 'wuzhen'")
    schema = tde.schema("indicators")
    as_read = frame.assign(
        period_start=frame["period_start"].dt.strftime("%Y-%m-%d"),
        period_end=frame["period_end"].dt.strftime("%Y-%m-%d"),
        year=frame["year"].astype("float64"),
        value=frame["value"].astype(str),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)
        with pytest.raises(pa.errors.SchemaErrors) as caught:
            schema.validate(as_read, lazy=True)
    cases = caught.value.failure_cases
    assert sorted(zip(cases["column"], cases["check"], strict=True)) == [
        ("period_end", "dtype('datetime64[ns]')"),
        ("period_start", "dtype('datetime64[ns]')"),
        ("value", "dtype('Float64')"),
        ("year", "dtype('Int64')"),
    ]


def test_a_row_rule_is_one_failure_case_per_row() -> None:
    """Trial 4 m7: one bad unit was 25 failure cases (one per column of its row) under the foreign-key check. It
    is one case, naming the cell the rule judges; a column check still names its column."""
    frame = tde.load("indicators").query("place_id == 'wuzhen'").assign(note="checked")
    first, second = frame.index[0], frame.index[1]
    frame.loc[first, "unit"] = "furlong"
    frame.loc[second, "qualifier"] = "about"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pa.errors.SchemaWarning)
        with pytest.raises(pa.errors.SchemaErrors) as caught:
            tde.schema("indicators").validate(frame, lazy=True)
    cases = caught.value.failure_cases
    unit = cases[cases["check"] == "foreign-key:unit->units.unit"]
    assert [(case, index) for case, index in zip(unit["failure_case"], unit["index"], strict=True)] == [
        ({"unit": "furlong"}, first)
    ]
    qualifier = cases[cases["check"] == "value-text-qualifier"]
    assert [(case, index) for case, index in zip(qualifier["failure_case"], qualifier["index"], strict=True)] == [
        ({"qualifier": "about"}, second)
    ]
    enum = cases[cases["check"].astype(str).str.startswith("isin(")]
    assert list(zip(enum["column"], enum["failure_case"], enum["index"], strict=True)) == [
        ("qualifier", "about", second)
    ]


def test_a_thousand_orphans_ask_the_suggester_a_few_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """10^3 distinct foreign-key values, each one letter off one of 10^3 ids: the first `SUGGESTED` get a "did you
    mean" (one question each), the rest the plain message saying how many there are; and over 10^3 ids the index
    answers from its dict, never through difflib (review 5 R4: this took 56 s of difflib)."""
    from tongxiang_digital_economy.core import suggest
    from tongxiang_digital_economy.io import reader

    asked: list[str] = []
    compared: list[str] = []
    did_you_mean, close_matches = suggest.Index.did_you_mean, suggest.difflib.get_close_matches
    monkeypatch.setattr(
        suggest.Index, "did_you_mean", lambda self, text: asked.append(text) or did_you_mean(self, text)
    )
    monkeypatch.setattr(
        suggest.difflib,
        "get_close_matches",
        lambda word, *a, **k: compared.append(word) or close_matches(word, *a, **k),
    )
    ids = [f"source-{n:04d}" for n in range(1000)]
    sources = pd.DataFrame({"source_id": ids})
    rows = pd.DataFrame({"source_id": ["SOURCE-0000"] + [f"sourc-{n:04d}" for n in range(1, 1000)]})
    found = reader.orphans("indicators", rows, ["source_id"], "sources", sources, ["source_id"])
    assert len(found) == 1000
    assert asked == ["SOURCE-0000", "sourc-0001", "sourc-0002", "sourc-0003", "sourc-0004"]
    assert compared == []
    assert found[0].message == (
        "'SOURCE-0000' is not a source_id of sources: did you mean 'source-0000'? add that row to sources, "
        "or correct the value"
    )
    assert (
        found[1].message == "'sourc-0001' is not a source_id of sources: add that row to sources, or correct the value"
    )
    assert found[999].message == (
        "'sourc-0999' is not a source_id of sources (one of 1000 values sources lacks; a spelling is suggested for "
        "the first 5 only): add that row to sources, or correct the value"
    )


def test_the_index_finds_a_typo_among_a_few_hundred_candidates() -> None:
    """Below `CLOSE_LIMIT` forms a close spelling is still suggested; above it only a folded name is."""
    from tongxiang_digital_economy.core.suggest import CLOSE_LIMIT, Index

    few = Index(["gdp", "population", "year"])
    assert (few.did_you_mean("yaer"), few.did_you_mean("GDP"), few.did_you_mean("zzz")) == (
        "did you mean 'year'? ",
        "did you mean 'gdp'? ",
        "",
    )
    many = Index(["year", *(f"id-{n}" for n in range(CLOSE_LIMIT))])
    assert (many.did_you_mean("yaer"), many.did_you_mean("YEAR")) == ("", "did you mean 'year'? ")
