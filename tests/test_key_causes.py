"""Errors that follow from a broken or renamed key row are counted under it (trial 11 W3, m1; key_causes.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PackageCopy, copy_package

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.schema.keys import foreign_keys

# Each key table and its key field: every table the others read through.
KEY_TABLES = [
    ("units", "unit"),
    ("indicator_definitions", "indicator"),
    ("places", "place_id"),
    ("sources", "source_id"),
    ("projects", "project_id"),
    ("events", "event_id"),
]


def error_lines(root: Path) -> list[str]:
    """`validate --quiet`'s lines above its summary (the summary's warning count moves with the data)."""
    result = CliRunner().invoke(cli, ["validate", "--quiet", "--package", str(root)], catch_exceptions=False)
    assert result.exit_code == 1 and result.output.splitlines()[-1].startswith("INVALID: ")
    return result.output.splitlines()[:-1]


def most_referred(package: PackageCopy, table: str, field: str) -> tuple[int, str]:
    """The CSV row of `table` whose key the most rows of other tables refer to, and that key."""
    import json

    refs: Counter[str] = Counter()
    for name in tde.tables(package.root):
        schema = json.loads((package.root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        for fields, resource, ref_fields in foreign_keys(schema):
            if resource == table and ref_fields == [field] and len(fields) == 1:
                refs.update(row[fields[0]] for row in package.rows(name) if row.get(fields[0]))
    keys = [row[field] for row in package.rows(table)]
    key = max(keys, key=lambda k: refs[k])
    return keys.index(key) + 2, key


UNITS_FOLLOW = (
    "  and 13 rows of 2 tables that refer to units [foreign-key] (indicators 8, units 5), and 1 error of rules that "
    "read those rows through units (which-figure 1): fix units first (`--json` lists each)"
)


@pytest.mark.parametrize(
    ("table", "row", "values", "lines"),
    [
        pytest.param(  # m1: one line on the renamed row, no "did you mean 'yuanx'?" advising the typo
            "units",
            2,
            {"unit": "yuanx"},
            [
                "units, row 2, field unit: error [renamed-key] 13 rows refer to 'yuan', which no units row holds; "
                "units row 2 holds 'yuanx', to which no row refers: was it renamed? give it back its key, or correct "
                "those rows",
                UNITS_FOLLOW,
            ],
            id="unit renamed",
        ),
        pytest.param(
            "units",
            2,
            {"unit": "yu\x00an"},
            [
                "units, row 2, field unit: error [constraint-error] 'yu\\x00an' is not a valid unit: write it as "
                "lower-case letters and digits, in words joined by underscores, such as 'wan_yuan'",
                UNITS_FOLLOW,
            ],
            id="bad byte in a unit",
        ),
        pytest.param(  # the fault is the row's own: what its rules said follows from its foreign-key error
            "indicators",
            505,
            {"unit": "yuann"},
            [
                "indicators, row 505, field unit: error [foreign-key] 'yuann' is not a unit of units: did you mean "
                "'yuan'? add that row to units, or correct the value",
                "  and 1 error on 1 row of indicators that follows from it (which-figure 1): fix indicators row 505 "
                "first (`--json` lists each)",
            ],
            id="a row's own unit",
        ),
    ],
)
def test_the_false_which_figure_on_a_correct_row_is_counted_under_the_key(
    package: PackageCopy, table: str, row: int, values: dict[str, str], lines: list[str]
) -> None:
    """Trial 11 W3 and m1: row 505 (200元, unit yuan) is correct; its [which-figure] only follows from the unit it
    cannot read, and is counted under the cause, not printed as a fault of its own."""
    package.edit(table, row, **values)
    assert error_lines(package.root) == lines


def test_a_renamed_keys_references_name_its_row_and_what_follows_says_its_cause(package: PackageCopy) -> None:
    """Trial 11 m1 and W3 in the API (`--json`): each foreign-key error names the renamed row instead of advising
    its spelling, and the [which-figure] of row 505 carries the foreign-key error it follows from."""
    package.edit("units", 2, unit="yuanx")
    report = package.validate()
    assert next(p for p in report.errors if p.rule == "foreign-key").message == (
        "'yuan' is not a unit of units: units row 2 holds 'yuanx' (renamed?); give that row back its key, or correct "
        "the value"
    )
    assert [(p.table, p.row, p.follows) for p in report.errors if p.rule == "which-figure"] == [
        ("indicators", 505, ("indicators", 505, "foreign-key"))
    ]


# Key tables broken together on one copy: no row refers to the most referred-to rows of two tables of a group, nor is
# one's key row among the rows that refer to the other's (asserted), so each shows only its own cause as it does alone
# (a renamed reference table makes a validation read every figure anew: once per group, not once per table).
TOGETHER = [("units", "sources"), ("places", "indicator_definitions"), ("projects",), ("events",)]


KeyFaults = Callable[[str, tuple[str, ...]], tuple[dict[str, int], list[str]]]


def referring(package: PackageCopy, table: str, field: str, key: str) -> set[tuple[str, int]]:
    """The (table, CSV row) of every row that refers to `key` of `table` by a one-field foreign key."""
    import json

    rows = set()
    for name in tde.tables(package.root):
        schema = json.loads((package.root / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        for fields, resource, ref_fields in foreign_keys(schema):
            if resource == table and ref_fields == [field] and len(fields) == 1:
                rows |= {(name, i) for i, row in enumerate(package.rows(name), start=2) if row.get(fields[0]) == key}
    return rows


@pytest.fixture(scope="module")
def key_faults(tmp_path_factory: pytest.TempPathFactory) -> KeyFaults:
    """(fault, group of TOGETHER) -> the key row of each table of the group, and `validate --quiet`'s error lines of
    one copy with each table's most referred-to key renamed or broken by a bad byte; made once each."""
    made: dict[tuple[str, tuple[str, ...]], tuple[dict[str, int], list[str]]] = {}
    fields = dict(KEY_TABLES)

    def get(fault: str, group: tuple[str, ...]) -> tuple[dict[str, int], list[str]]:
        if (fault, group) not in made:
            package = copy_package(tmp_path_factory.mktemp("key") / "package")
            rows, touched = {}, []
            for table in group:
                row, key = most_referred(package, table, fields[table])
                rows[table] = row
                touched.append(referring(package, table, fields[table], key) | {(table, row)})
                bad = key + "x" if fault == "renamed" else key[:2] + "\x00" + key[2:]
                package.edit(table, row, stamp=False, **{fields[table]: bad})
            assert sum(len(t) for t in touched) == len(set().union(*touched)), group  # no row of two tables' faults
            tde.stamp(package.root)
            made[fault, group] = rows, error_lines(package.root)
        return made[fault, group]

    return get


@pytest.mark.parametrize(("table", "field"), KEY_TABLES, ids=[t for t, _ in KEY_TABLES])
def test_every_key_table_renamed_or_broken_shows_only_its_cause(key_faults: KeyFaults, table: str, field: str) -> None:
    """Each key table's most referred-to row, its key renamed and then broken by a bad byte: the only error lines
    are the key row's own and the one line that counts what follows (no rule's error on a referring row), for each
    table of its copy (TOGETHER)."""
    group = next(g for g in TOGETHER if table in g)
    for fault in ("renamed", "broken"):
        rows, lines = key_faults(fault, group)
        assert len(lines) == 2 * len(group), (fault, lines)
        own = [
            i for i, line in enumerate(lines) if line.startswith(f"{table}, row {rows[table]}, field {field}: error [")
        ]
        assert len(own) == 1, (fault, lines)
        follows = lines[own[0] + 1]
        assert follows.startswith("  and ") and follows.endswith(f"fix {table} first (`--json` lists each)"), lines


def test_the_groups_of_key_tables_name_every_key_table_once() -> None:
    assert sorted(t for g in TOGETHER for t in g) == sorted(t for t, _ in KEY_TABLES)


def test_load_show_and_series_say_a_renamed_key_as_validate_does(package: PackageCopy) -> None:
    """Issue 16: `load`, `show` and `series` read a renamed key row as `validate` does (`renamed-key`, on the key
    row), the referring rows counted under it, never "did you mean 'yuanx'?" advising the typo."""
    package.edit("units", 2, unit="yuanx")
    renamed = (
        "units row 2, field unit: 13 rows refer to 'yuan', which no units row holds; units row 2 holds 'yuanx', to "
        "which no row refers: was it renamed? give it back its key, or correct those rows [renamed-key]; and "
    )
    under_indicators = "8 rows of indicators that refer to it [foreign-key] (rows 55, 346, 503, 504, 505, …)"
    said = {
        ("show", "indicators"): renamed + under_indicators,
        ("show", "units"): renamed + "5 rows of units that refer to it [foreign-key] (rows 2, 3, 4, 5, 6)",
        ("series", "gdp"): renamed + under_indicators,
    }
    assert load_errors(package, said) == (renamed + under_indicators, said)


def load_errors(package: PackageCopy, commands: dict[tuple[str, ...], str]) -> tuple[str, dict[tuple[str, ...], str]]:
    """`tde.load("indicators")`'s LoadError, and each command's error (exit 1, one `Error:` line, its text), by
    command: a command that says otherwise is given with what it said."""
    with pytest.raises(tde.LoadError) as caught:
        tde.load("indicators", package.root)
    said = {}
    for args in commands:
        result = CliRunner().invoke(cli, [*args, "--package", str(package.root)], catch_exceptions=False)
        ok = result.exit_code == 1 and result.output.startswith("Error: ") and result.output.count("\n") == 1
        said[args] = result.output[len("Error: ") : -1] if ok else f"exit {result.exit_code}: {result.output}"
    return str(caught.value), said


def test_a_warning_on_a_row_whose_reference_dangles_is_counted_under_it(package: PackageCopy) -> None:
    """Issue 16: warnings follow from a dangling reference as errors do. Enterprises row 19 (Tongkun Group) warns
    near-duplicate-name; with its place_id mistyped, the warning is counted under the row's foreign-key error (and
    left out, as every warning is, by --quiet), while row 43's, on a row that reads, stays its own line."""
    package.edit("enterprises", 19, place_id="tongxiangg")
    fault = (
        "enterprises, row 19, field place_id: error [foreign-key] 'tongxiangg' is not a place_id of places: did you "
        "mean 'tongxiang'? add that row to places, or correct the value"
    )
    result = CliRunner().invoke(cli, ["validate", "--package", str(package.root)], catch_exceptions=False)
    lines = result.output.splitlines()
    assert lines[:3] == [
        fault,
        "  and 1 warning on 1 row of enterprises that follows from it (near-duplicate-name 1): fix enterprises row 19 "
        "first (`--json` lists each)",
        lines[2],
    ]
    assert lines[2].startswith("enterprises, row 43, field name: warning [near-duplicate-name] 'Tongkun Holding Group'")
    assert error_lines(package.root) == [fault]
    follows = [p.follows for p in package.validate().warnings if (p.table, p.row) == ("enterprises", 19)]
    assert follows == [("enterprises", 19, "foreign-key")]


def test_load_show_series_and_search_put_a_broken_key_tables_bad_cell_first(package: PackageCopy) -> None:
    """Issue 16 (a maintainer's path): one bad byte in a places id is what `load`, `show`, `series` and `search`
    report first, with its table, row and field, the rows that refer to places counted under it, as `validate`
    does; they had listed "indicators row 2 … 'wuzhen' is not a place_id of places" and 60 more."""
    package.edit("places", 7, place_id="wuz\xffhen")
    bad = (
        "places row 7, field place_id: 'wuzÿhen' is not a valid place_id: write it as lower-case letters and "
        "digits, in words joined by hyphens, such as 'wuzhen' [constraint-error]; and "
    )
    indicators = "61 rows of indicators that refer to places [foreign-key] (rows 2, 3, 4, 84, 85, …)"
    places = "6 rows of places that refer to places [foreign-key] (rows 15, 16, 17, 19, 20, …)"
    said = {
        ("show", "places"): bad + places,
        ("series", "gdp", "--subject", "wuzhen"): bad + indicators,
        ("search", "gdp"): bad + places,
    }
    assert load_errors(package, said) == (bad + indicators, said)
    # export names only the first error `validate` lists: the bad cell, not an enterprises row that refers to it
    errors = len(package.validate().errors)
    result = CliRunner().invoke(
        cli, ["export", "--format", "csv", "-o", str(package.root.parent), "--package", str(package.root)]
    )
    assert (result.exit_code, result.output) == (
        1,
        f"Error: the package has {errors} errors (first: places, row 7, field place_id: 'wuzÿhen' is not a valid "
        "place_id: write it as lower-case letters and digits, in words joined by hyphens, such as 'wuzhen'); fix "
        "the package (see `validate`) before exporting\n",
    )


def test_an_error_of_a_rule_that_does_not_read_the_dangling_key_keeps_its_own_line(package: PackageCopy) -> None:
    """Trial 17 W1: a mistyped place_id counted the row's paraphrased evidence, and a project_id not yet added the
    row's observation_id off its source, as "follows from it": their texts were no longer shown, and met again once
    the key was fixed. Only a rule that may read through the key (which-figure through the unit, above) is grouped."""
    unicom = next(i for i, r in enumerate(package.rows("enterprises"), start=2) if r["enterprise_id"] == "china-unicom")
    jushi = next(r for r in package.rows("enterprises") if r["enterprise_id"] == "china-jushi")
    package.edit("enterprises", unicom, stamp=False, place_id="tong-xiang", evidence=jushi["evidence"])
    hozon = "zjdaily-2017-05-17-hozon-50000-ev-approved"
    figure = next(i for i, r in enumerate(package.rows("indicators"), start=2) if r["observation_id"] == f"{hozon}-004")
    package.edit("indicators", figure, project_id="hozon-nope", observation_id="hozon-008")
    assert error_lines(package.root) == [
        f"enterprises, row {unicom}, field place_id: error [foreign-key] 'tong-xiang' is not a place_id of places: "
        "did you mean 'tongxiang'? add that row to places, or correct the value",
        f"indicators, row {figure}, field project_id: error [foreign-key] 'hozon-nope' is not a project_id of "
        "projects: add that row to projects, or correct the value",
        f"enterprises, row {unicom}, field evidence: error [evidence-missing-name] the evidence names the row by none "
        "of its names (English 'China Unicom'; Chinese none given; aliases none given): choose a passage that names "
        "it as the source writes it, or add the name the source uses to aliases",
        f"indicators, row {figure}, field observation_id: error [observation-id-source] hozon-008 must be the source "
        f"id {hozon} followed by -NNN: rename it (ids are never reused)",
    ]
