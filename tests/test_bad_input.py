"""The bad-input catalogue: broken copies of the real package, each with exactly one fault.

Each case names the problems the engine must report, exactly: (rule id, table, CSV row, field) for every error
(warnings are listed where the case is about one). The same catalogue is run through `frictionless validate`
beside the engine, and the two must agree on which cells and rows are bad, except where the test says why the
engine is stricter. Property tests feed arbitrary bytes and rows to the loader and the validator.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from conftest import PackageCopy, copy_package, edit_descriptor

import tongxiang_digital_economy as tde
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.paths import bundled_package_dir
from tongxiang_digital_economy.core.problems import PROBLEMS
from tongxiang_digital_economy.core.report import Report
from tongxiang_digital_economy.semantics.catalogue import problem_types
from tongxiang_digital_economy.use import annotations

Where = tuple[str, str | None, int | None, str | None]  # (rule, table, row, field)
PLACES_ROWS = len(tde.load("places"))  # data rows of places.csv: an appended row is CSV row PLACES_ROWS + 2


def baseline_warnings(shipped: Report) -> frozenset[Where]:
    """The warnings of the shipped package itself (conflicts between sources, status words to check)."""
    return frozenset(located(shipped, "warning"))


def located(report: Report, severity: str = "error") -> list[Where]:
    return sorted(
        ((p.rule, p.table, p.row, p.field) for p in report.problems if p.severity == severity),
        key=lambda w: tuple(str(x) for x in w),
    )


def append(package: PackageCopy, table: str, data: bytes, stamp: bool = True) -> None:
    path = package.csv(table)
    path.write_bytes(path.read_bytes() + data)
    if stamp:
        tde.stamp(package.root)


def rewrite(package: PackageCopy, table: str, change: Callable[[str], str], stamp: bool = True) -> None:
    path = package.csv(table)
    path.write_bytes(change(path.read_bytes().decode("utf-8")).encode("utf-8"))
    if stamp:
        tde.stamp(package.root)


def places_resource(descriptor: dict) -> dict:
    return next(r for r in descriptor["resources"] if r["name"] == "places")


def swap_columns(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        cells = line.rstrip("\n").split(",")
        cells[1], cells[2] = cells[2], cells[1]
        lines.append(",".join(cells) + "\n")
    return "".join(lines)


def drop_column(text: str) -> str:
    return "".join(",".join(line.rstrip("\n").split(",")[:3] + line.rstrip("\n").split(",")[4:]) + "\n"
                   for line in text.splitlines(keepends=True))  # fmt: skip


def add_column(text: str) -> str:
    lines = text.splitlines()
    return "\n".join([lines[0] + ",extra"] + [line + ",x" for line in lines[1:]]) + "\n"


def blank_line_after(row: int) -> Callable[[str], str]:
    def change(text: str) -> str:
        lines = text.splitlines(keepends=True)
        return "".join([*lines[:row], "\n", *lines[row:]])

    return change


def crlf_every_other(text: str) -> str:
    lines = text.splitlines()
    return "".join(line + ("\r\n" if i % 2 else "\n") for i, line in enumerate(lines))


def set_cells(table: str, cells: dict[int, dict[str, str]]) -> Callable[[PackageCopy], None]:
    def change(package: PackageCopy) -> None:
        rows = package.rows(table)
        for row, values in cells.items():
            rows[row - 2].update(values)
        package.write(table, rows)

    return change


def one_more_byte_recorded(descriptor: dict[str, Any]) -> None:
    """units' recorded `bytes` one more than the file's (its hash left right)."""
    units = next(r for r in descriptor["resources"] if r["name"] == "units")
    units["bytes"] += 1


def unique_name(package: PackageCopy) -> None:
    """Declare places.name unique (the shipped schemas make only their keys unique)."""
    path = package.root / "schemas" / "places.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    next(f for f in schema["fields"] if f["name"] == "name")["constraints"]["unique"] = True
    path.write_text(json.dumps(schema), encoding="utf-8")


def header_only(package: PackageCopy) -> None:
    rewrite(package, "indicators", lambda text: text.splitlines(keepends=True)[0])


NEW = PLACES_ROWS + 2  # the CSV row of a row appended to places

# name: (break the package, expected errors, expected warnings or None when not part of the case)
CATALOGUE: dict[str, tuple[Callable[[PackageCopy], None], list[Where], list[Where] | None]] = {
    "unclosed quote": (
        lambda p: append(p, "places", b'x,"Unclosed,X,town,tongxiang\n'),
        [("csv-error", "places", NEW, None)],
        None,
    ),
    "extra cell": (
        lambda p: append(p, "places", b"x,X,X,,town,tongxiang,extra\n"),
        [("extra-cell", "places", NEW, None)],
        None,
    ),
    "missing cell": (
        lambda p: append(p, "places", b"x,X\n"),
        [("missing-cell", "places", NEW, "name_zh")],
        None,
    ),
    "blank line": (
        lambda p: rewrite(p, "places", blank_line_after(3)),
        [("blank-row", "places", 4, None)],
        None,
    ),
    "byte order mark": (lambda p: rewrite(p, "places", lambda t: "\ufeff" + t), [], None),
    "CRLF mixed with LF": (lambda p: rewrite(p, "places", crlf_every_other), [], None),
    "GBK bytes": (
        lambda p: append(p, "places", "x,X,乌镇,,town,tongxiang\n".encode("gbk")),
        [("encoding-error", "places", NEW, "name_zh")],
        None,
    ),
    "Latin-1 bytes": (
        lambda p: append(p, "places", "x,Café,X,,town,tongxiang\n".encode("latin-1")),
        [("encoding-error", "places", NEW, "name")],
        None,
    ),
    "missing column": (
        lambda p: rewrite(p, "places", drop_column),
        [("incorrect-label", "places", 1, "aliases")],
        None,
    ),
    "extra column": (
        lambda p: rewrite(p, "places", add_column),
        [("incorrect-label", "places", 1, None)],
        None,
    ),
    "two columns swapped": (
        lambda p: rewrite(p, "places", swap_columns),
        [("incorrect-label", "places", 1, "name")],
        None,
    ),
    "broken JSON descriptor": (
        lambda p: (p.root / "datapackage.json").write_text("{", encoding="utf-8"),
        [("descriptor-error", None, None, None)],
        None,
    ),
    "descriptor not an object": (
        lambda p: (p.root / "datapackage.json").write_text("[1]", encoding="utf-8"),
        [("descriptor-error", None, None, None)],
        None,
    ),
    "missing file": (lambda p: p.csv("places").unlink(), [("scheme-error", "places", None, None)], None),
    "absolute path": (
        lambda p: edit_descriptor(p, lambda d: places_resource(d).update(path="/etc/passwd")),
        [("resource-error", "places", None, None)],
        None,
    ),
    "dot-dot path": (
        lambda p: edit_descriptor(p, lambda d: places_resource(d).update(path="../places.csv")),
        [("resource-error", "places", None, None)],
        None,
    ),
    "remote URL": (
        lambda p: edit_descriptor(p, lambda d: places_resource(d).update(path="https://example.invalid/places.csv")),
        [("resource-error", "places", None, None)],
        None,
    ),
    "NaN, inf and 1e309": (
        set_cells("indicators", {2: {"value": "NaN"}, 3: {"value": "inf"}, 4: {"value": "1e309"}}),
        [("type-error", "indicators", row, "value") for row in (2, 3, 4)],
        None,
    ),
    "non-ASCII digits": (
        set_cells("indicators", {2: {"year": "２０２４"}, 3: {"value": "１０８.８６"}}),
        [("type-error", "indicators", 2, "year"), ("type-error", "indicators", 3, "value")],
        None,
    ),
    "spaces around a number": (
        set_cells("indicators", {2: {"year": " 2024"}, 3: {"value": "108.86 "}}),
        [("type-error", "indicators", 2, "year"), ("type-error", "indicators", 3, "value")],
        None,
    ),
    "header-only table": (header_only, [], [("table-empty", "indicators", None, None)]),
    "spreadsheet formula": (
        set_cells("indicators", {2: {"note": '=HYPERLINK("http://example.invalid","click")'}}),
        [],
        [("formula-cell", "indicators", 2, "note")],
    ),
    "duplicate key": (
        lambda p: append(p, "places", "wuzhen,Wuzhen again,乌镇,,town,tongxiang\n".encode()),
        [("primary-key", "places", NEW, "place_id")],  # one fault, one error (the key is also `unique`)
        None,
    ),
    "repeated unique field": (
        lambda p: unique_name(p) or append(p, "places", "wuzhen-again,Wuzhen,乌镇又,,town,tongxiang\n".encode()),
        [("unique-error", "places", NEW, "name")],  # a unique field that is not the primary key
        None,
    ),
    "missing key": (
        lambda p: append(p, "places", b",Nowhere,X,,town,tongxiang\n"),
        [("constraint-error", "places", NEW, "place_id"), ("primary-key", "places", NEW, "place_id")],
        None,
    ),
    "orphan foreign key": (
        set_cells("indicators", {2: {"unit": "yi_yaun"}}),
        [("foreign-key", "indicators", 2, "unit")],
        None,
    ),
    "stale hash": (
        lambda p: (
            set_cells("indicators", {2: {"note": "edited"}})(p)
            or p.csv("indicators").write_bytes(p.csv("indicators").read_bytes().replace(b"edited", b"edited again"))
        ),
        [("hash", "indicators", None, None)],  # one edit, one error: the hash's message gives the sizes
        None,
    ),
    "wrong recorded size": (  # the hash still matches: only the recorded size is wrong
        lambda p: edit_descriptor(p, one_more_byte_recorded),
        [("bytes", "units", None, None)],
        None,
    ),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], PackageCopy]:
    """The copy broken by a case of CATALOGUE, made once per module: the four tests of a case only read it.

    Why: each case is validated, run through the CLI, loaded and given to frictionless; one copy per case, not one
    per test, spares the copying and stamping, and the reads the engine keeps per content serve the later ones.
    """
    made: dict[str, PackageCopy] = {}

    def get(case: str) -> PackageCopy:
        if case not in made:
            package = copy_package(tmp_path_factory.mktemp("case") / "package")
            CATALOGUE[case][0](package)
            made[case] = package
        return made[case]

    return get


@pytest.mark.parametrize("case", list(CATALOGUE), scope="module")
def test_each_fault_is_reported_exactly(
    broken: Callable[[str], PackageCopy], shipped_report: Report, case: str
) -> None:
    _breakage, errors, warnings = CATALOGUE[case]
    report = broken(case).validate()
    assert located(report) == sorted(errors, key=lambda w: tuple(str(x) for x in w))
    if warnings is not None:  # the warnings the fault adds to those the shipped data always has
        assert [w for w in located(report, "warning") if w not in baseline_warnings(shipped_report)] == warnings


@pytest.mark.parametrize("case", [c for c, (_, errors, _) in CATALOGUE.items() if errors], scope="module")
def test_the_cli_exits_1_on_each_fault(broken: Callable[[str], PackageCopy], case: str) -> None:
    package = broken(case)
    result = CliRunner().invoke(cli, ["validate", str(package.root)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].startswith(f"INVALID: {package.root}: ")


@pytest.mark.parametrize(
    "case", [c for c, (_, errors, _) in CATALOGUE.items() if errors and CATALOGUE[c][1][0][1]], scope="module"
)
def test_load_refuses_what_validate_refuses(broken: Callable[[str], PackageCopy], case: str) -> None:
    """Valid and loads agree: the table with the fault does not load, with an error of the package's own."""
    package = broken(case)
    table = CATALOGUE[case][1][0][1]
    if CATALOGUE[case][1][0][0] in ("hash", "bytes"):
        tde.load(table, package.root)  # a stale hash is the descriptor's fault; the table itself is fine
        return
    with pytest.raises(tde.TDEError):
        tde.load(table, package.root)


def test_every_table_of_a_valid_copy_loads(broken: Callable[[str], PackageCopy]) -> None:
    package = broken("spreadsheet formula")  # a warning, no error
    assert package.validate().valid
    tables = tde.tables(package.root)
    assert [len(tde.load(t, package.root)) > 0 for t in tables] == [True] * len(tables)


def test_a_stray_byte_on_a_line_of_its_own_is_a_bad_byte_and_one_cell_is_one_cell(package: PackageCopy) -> None:
    """Trial 14 m3: `printf '\\xff' >> data/places.csv` was "[missing-cell] the row has 1 cells, the header 6: add
    the missing cells"; the byte is the fault, said as the same byte inside a cell is. A row of one cell that is
    text is a missing cell, counted in words ("1 cell")."""
    append(package, "places", b"\xff", stamp=False)
    append(package, "units", b"litre\n")
    bad = (
        "'\ufffd' is not UTF-8 text (the row has 1 cell, the header 6): delete the stray bytes, or save the file as "
        "UTF-8"
    )
    units = len(package.rows("units")) + 1
    assert package.structure().to_text().splitlines()[:2] == [
        f"places, row {NEW}, field place_id: error [encoding-error] {bad}",
        f"units, row {units}, field label: error [missing-cell] the row has 1 cell, the header 8: add the missing "
        "cells",
    ]
    result = CliRunner().invoke(cli, ["show", "places", "--package", str(package.root)], catch_exceptions=False)
    assert (result.exit_code, result.output) == (
        1,
        f"Error: places row {NEW}, field place_id: {bad} [encoding-error]\n",
    )


def test_a_load_error_lists_the_first_bad_cells_and_how_many(package: PackageCopy) -> None:
    package.write("indicators", [dict(r, year="soon") for r in package.rows("indicators")])
    with pytest.raises(tde.LoadError) as caught:
        tde.load("indicators", package.root)
    message = str(caught.value)
    assert message.startswith("indicators row 2, field year: 'soon' is not a valid integer (ASCII digits, 64-bit)")
    assert f"; {len(package.rows('indicators')) - 1} more: row 3, field year: 'soon' is not a valid integer" in message
    assert message.endswith("; … (`tongxiang-digital-economy validate` lists them all)")
    assert message.count("[type-error]") == 5


def test_swapped_columns_give_one_clear_error(broken: Callable[[str], PackageCopy]) -> None:
    [only] = broken("two columns swapped").validate().errors
    assert only.message == (
        "the header differs from the schema's fields: columns out of order (name, name_zh); the header must be "
        "place_id,name,name_zh,aliases,level,parent_id (the rows were not checked)"
    )


def test_a_symlink_out_of_the_folder_is_refused_and_never_read(package: PackageCopy, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("place_id,name,name_zh,level,parent_id\nTOP-SECRET,x,x,town,\n", encoding="utf-8")
    package.csv("places").unlink()
    package.csv("places").symlink_to(secret)
    result = CliRunner().invoke(cli, ["validate", str(package.root), "--json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "TOP-SECRET" not in result.output
    problems = json.loads(result.output)["problems"]
    assert [(p["rule"], p["table"]) for p in problems if p["severity"] == "error"] == [("resource-error", "places")]
    assert "symbolic link that leads out of the package folder: it was not read" in problems[0]["message"]
    with pytest.raises(tde.DescriptorError, match="leads out of the package folder"):
        tde.load("places", package.root)


def test_a_remote_url_is_refused_without_a_network_attempt(
    broken: Callable[[str], PackageCopy], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    report = broken("remote URL").validate()  # the descriptor is checked anew by every validation
    assert [p.message for p in report.errors] == [
        "resource 'places' path 'https://example.invalid/places.csv' is a remote URL: the package is read from its "
        "folder only (no network); download the file into the package and give its relative path"
    ]


def test_a_megabyte_cell_has_one_verdict_and_a_short_excerpt(package: PackageCopy) -> None:
    big = "长" * (1024 * 1024)
    evidence = package.rows("indicators")[1]["evidence"]
    set_cells("indicators", {3: {"evidence": big}})(package)
    report = package.validate()
    assert located(report) == [("constraint-error", "indicators", 3, "evidence")]
    assert report.errors[0].message == (
        f"{'长' * 40!r}… (1048576 characters) is longer than 300 characters: shorten it to 300 characters or fewer"
    )
    assert len(report.to_text()) < 20_000
    with pytest.raises(tde.LoadError, match=r"indicators row 3, field evidence: '长+'… \(1048576 characters\)"):
        tde.load("indicators", package.root)
    set_cells("indicators", {3: {"evidence": evidence}, 4: {"attributed_to": big}})(package)
    assert tde.load("indicators", package.root).loc[2, "attributed_to"] == big  # no maxLength there: it loads
    set_cells("indicators", {2: {"note": big}})(package)  # the note has one (1000): the same verdict everywhere
    assert located(package.validate()) == [("constraint-error", "indicators", 2, "note")]
    with pytest.raises(tde.LoadError, match=r"indicators row 2, field note: '长+'… \(1048576 characters\)"):
        tde.load("indicators", package.root)


def test_the_archive_reports_odd_entries_and_tells_a_hash_to_fill_in(package: PackageCopy, archive: Path) -> None:
    """A directory and a broken link named like texts are reported; an empty or malformed archive_sha256 is told the
    archived file's hash, in text and JSON, as a well-formed wrong one is (trial 17 m2: it was told the form alone,
    since the reader refuses the cell and archive-hash-mismatch does not run on it); a text that changed is said
    first, by its hash mismatch, the evidence errors of its rows counted under it (trial 18 m8: they came first, one
    line each, the cause last). One copy checked for all three."""
    (archive / "zz-folder.txt").mkdir()
    os.symlink(archive / "nowhere", archive / "zz-dangling.txt")
    files = [row["archive_file"] for row in package.rows("sources")[:2]]
    hashes = [hashlib.sha256((archive / f).read_bytes()).hexdigest() for f in files]
    # A source of one figure, which no other table cites and whose row no context words tie to the text: its text
    # loses the figure's passage, so only evidence-not-in-source reads the change.
    cited = Counter(r["source_id"] for t in ARCHIVED_TABLES for r in package.rows(t))
    sources = package.rows("sources")
    cited.update({r["source_id"]: 2 for r in sources[:2]})  # rows 2 and 3 are the hash cases above
    figure = next(
        r for r in package.rows("indicators") if cited[r["source_id"]] == 1 and r["period_basis"] != "context"
    )
    at = next(i for i, r in enumerate(sources, start=2) if r["source_id"] == figure["source_id"])
    text = archive / sources[at - 2]["archive_file"]
    text.write_text(text.read_text(encoding="utf-8").replace(figure["evidence"], "(changed)"), encoding="utf-8")
    package.edit("sources", 2, stamp=False, archive_sha256="")
    package.edit("sources", 3, archive_sha256="abc")
    result = CliRunner().invoke(cli, ["validate", str(package.root), "--archive", str(archive), "--json"])
    assert result.exit_code == 1
    problems = [p for p in json.loads(result.output)["problems"] if p["rule"] == "archive-entry-unreadable"]
    assert [p["message"] for p in problems] == [
        "zz-dangling.txt in the archive is a broken link, not a text file: remove it or restore the text",
        "zz-folder.txt in the archive is a directory, not a text file: remove it or restore the text",
    ]
    told = [
        f"sources, row 2, field archive_sha256: error [constraint-error] the field is required: fill in an "
        f"archive_sha256, written as 64 lower-case hexadecimal digits; the archived file {files[0]} has sha256 "
        f"{hashes[0]}: record it",
        f"sources, row 3, field archive_sha256: error [constraint-error] 'abc' is not a valid archive_sha256: write it "
        f"as 64 lower-case hexadecimal digits; the archived file {files[1]} has sha256 {hashes[1]}: record it",
    ]
    problems = [
        p
        for p in json.loads(result.output)["problems"]
        if p["field"] == "archive_sha256" and p["rule"] != "archive-hash-mismatch"
    ]
    assert [
        f"sources, row {p['row']}, field archive_sha256: error [{p['rule']}] {p['message']}" for p in problems
    ] == told
    said = CliRunner().invoke(cli, ["validate", str(package.root), "--archive", str(archive), "--quiet"]).output
    assert [line for line in said.splitlines() if "[constraint-error]" in line] == told
    new = hashlib.sha256(text.read_bytes()).hexdigest()
    assert [line for line in said.splitlines() if f"row {at}" in line or "evidence-not-in-source" in line] == [
        f"sources, row {at}, field archive_sha256: error [archive-hash-mismatch] the archived file {text.name} has "
        f"sha256 {new}, the table records {sources[at - 2]['archive_sha256']}: the text changed; re-check this "
        "source's rows against it, then record the new hash",
        f"  and 1 error on 1 row of indicators that follows from it (evidence-not-in-source 1): fix sources row {at} "
        "first (`--json` lists each)",
    ]


ARCHIVED_TABLES = ("indicators", "enterprises", "projects", "events", "project_enterprises")  # rows with a source_id


def test_a_crashing_rule_is_a_bug_with_its_cause(package: PackageCopy, monkeypatch: pytest.MonkeyPatch) -> None:
    from tongxiang_digital_economy.semantics import rules

    def broken(view):  # a typical future bug: a column the view does not have
        return view["no_such_column"] > 0

    crashing = next(r for r in rules.RULES if r.id == "period-order")
    patched = [rules.Rule(r.id, r.table, r.field, r.message, broken) if r is crashing else r for r in rules.RULES]
    monkeypatch.setattr("tongxiang_digital_economy.semantics.validation.RULES", patched)
    with pytest.raises(tde.RuleCrash, match=r"^rule 'period-order' crashed: KeyError: 'no_such_column'$") as caught:
        package.validate()
    assert isinstance(caught.value.__cause__, KeyError)
    assert not isinstance(caught.value, tde.TDEError)


def test_a_package_of_an_older_schema_is_told_which_column_a_rule_needs(package: PackageCopy) -> None:
    """A fork of an older release lacks a column a rule reads: one rules-not-run error names it, never a crash."""
    import csv as csv_module
    import json as json_module

    schema_path = package.root / "schemas" / "indicators.schema.json"
    schema = json_module.loads(schema_path.read_text(encoding="utf-8"))
    schema["fields"] = [f for f in schema["fields"] if f["name"] != "period_basis"]
    schema_path.write_text(json_module.dumps(schema), encoding="utf-8")
    rows = package.rows("indicators")
    with package.csv("indicators").open("w", encoding="utf-8", newline="") as fh:
        writer = csv_module.DictWriter(fh, fieldnames=[f["name"] for f in schema["fields"]], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: v for k, v in r.items() if k != "period_basis"} for r in rows)
    tde.stamp(package.root)
    report = package.validate()
    not_run = [p for p in report.errors if p.rule == "rules-not-run"]
    assert not_run and all("has no column period_basis" in p.message for p in not_run)
    assert not report.valid


def test_a_malformed_lexicon_row_is_its_one_cause_and_no_correct_source_row_is_blamed(package: PackageCopy) -> None:
    """Trial 15 W5: `echo '超出,gt' >> data/lexicon.csv` (a word with its other cells forgotten) gave, besides the
    row's error, "the package has no lexicon table", and six errors on correct sources rows: the date-word rules
    read their datelines without the lexicon's words. The rules that read its words do not run, and say so once."""
    append(package, "lexicon", "超出,gt\n".encode())
    row = len(package.rows("lexicon")) + 1
    result = CliRunner().invoke(cli, ["validate", "--quiet", "--package", str(package.root)], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()) == (
        1,
        [
            f"lexicon, row {row}, field category: error [missing-cell] the row has 2 cells, the header 5: add the "
            "missing cells",
            "lexicon: error [rules-not-run] the lexicon table is missing or does not load (its own errors say why), "
            "so the quote rules and the rules that read its words did not run",
            "lexicon: warning [table-not-checked] the table has structural errors, so its rules did not run",
            f"INVALID: {package.root}: 2 errors, 1 warning, corroboration not checked: the rules of indicators "
            "and lexicon did not run; evidence not read against the archived texts (no archive given)",
        ],
    )


MISSING_TABLE_SAYS = {
    "events": [
        "events: warning [table-not-checked] the table has structural errors, so its rules did not run, nor the "
        "rules of indicators that read it",
    ],
    "places": [
        "places: warning [table-not-checked] the table has structural errors, so its rules did not run, nor the "
        "rules of indicators and projects that read it",
    ],
    "units": [
        "indicators: warning [table-not-checked] the units table is missing or does not load (its own errors say "
        "why), so its rules did not run",
        "units: warning [table-not-checked] the table has structural errors, so its rules did not run",
    ],
    "project_enterprises": [
        "project_enterprises: warning [table-not-checked] the table has structural errors, so its rules did not run",
    ],
}


@pytest.mark.parametrize("table", sorted(MISSING_TABLE_SAYS))
def test_a_missing_table_names_the_tables_whose_rules_did_not_run(tmp_path: Path, table: str) -> None:
    """Trial 16 W3: with events.csv (or places.csv) deleted, every indicators rule stopped, and the report said only
    "events: … its rules did not run" (and "0 figures corroborated"): an indicators error was silently dropped. The
    table that did not load says whose rules it stopped; a units table that did not load is not called the
    indicators' structural error."""
    package = copy_package(tmp_path / "package")
    (package.root / "data" / f"{table}.csv").unlink()
    report = tde.validate(package.root)
    said = [f"{p.location()}: {p.severity} [{p.rule}] {p.message}" for p in report.problems]
    assert (
        sorted(line for line in said if "[rules-not-run]" in line or "[table-not-checked]" in line)
        == (MISSING_TABLE_SAYS[table])
    )
    # Trial 16 W3, the rest: `--quiet` hid those warnings, and the summary said "0 figures corroborated" as if the
    # figures had been compared. Every format says whose rules did not run.
    stopped, summary = NOT_RUN_SUMMARY[table]
    result = CliRunner().invoke(cli, ["validate", "--quiet", "--package", str(package.root)], catch_exceptions=False)
    assert (result.exit_code, result.output.splitlines()) == (
        1,
        [
            f"{table}: error [scheme-error] {package.root / 'data' / f'{table}.csv'} is missing",
            *MISSING_TABLE_SAYS[table],
            f"INVALID: {package.root}: 1 error, {len(report.warnings)} warnings, {summary}",
        ],
    )
    as_json = report.to_dict()
    assert (as_json["rules_not_run"], as_json["corroboration_checked"]) == (stopped, table == "project_enterprises")
    assert as_json["summary"] == result.output.splitlines()[-1]
    cases = ElementTree.fromstring(annotations.junit(report)).iter("testcase")
    skipped = {(c.get("classname"), s.get("message")) for c in cases for s in c.iter("skipped")}
    said = {
        t: "did not run: " + "; ".join(f"{c} did not load (its own errors say why)" for c in cs)
        for t, cs in stopped.items()
    }
    assert {(t, m) for t, m in skipped if m.startswith("did")} == set(said.items())  # the message too (review 14 R9)


# What the summary and `--json`'s `rules_not_run` say when a table is missing (trial 16 W3).
NOT_RUN_SUMMARY = {
    "events": (
        {"events": ["events"], "indicators": ["events"]},
        "corroboration not checked: the rules of events and indicators did not run"
        "; evidence not read against the archived texts (no archive given)",
    ),
    "places": (
        {"indicators": ["places"], "places": ["places"], "projects": ["places"]},
        "corroboration not checked: the rules of indicators, places and projects did not run"
        "; evidence not read against the archived texts (no archive given)",
    ),
    "units": (
        {"indicators": ["units"], "units": ["units"]},
        "corroboration not checked: the rules of indicators and units did not run"
        "; evidence not read against the archived texts (no archive given)",
    ),
    # The indicators' rules ran (nothing of theirs reads it): the figures were compared, and the count is a finding.
    "project_enterprises": (
        {"project_enterprises": ["project_enterprises"]},
        "90 figures corroborated; the rules of project_enterprises did not run"
        "; evidence not read against the archived texts (no archive given)",
    ),
}


def test_every_problem_type_is_registered_once_with_a_description() -> None:
    types = problem_types()
    assert all(t.description and t.title for t in types.values())
    catalogued = {w[0] for _, errors, warnings in CATALOGUE.values() for w in errors + (warnings or [])}
    file_level = {"archive-entry-unreadable", "archive-file-not-utf8", "archive-catalogue-missing"}
    file_level |= {"archive-catalogue-unreadable", "archive-source-missing", "schema-unsupported", "package-error"}
    file_level |= {"source-error", "table-not-checked", "formula-cell", "rules-not-run"}  # the last: test_rules
    file_level |= {"edition-dates-against-figures"}  # test_editions
    file_level |= {"published-before-its-figures"}  # test_published
    file_level |= {"renamed-key"}  # test_key_causes
    file_level |= {"control-character"}  # test_structure (frictionless, the oracle here, reads a NUL as text)
    assert set(PROBLEMS) - catalogued <= file_level


def test_an_unsupported_table_schema_property_is_refused(package: PackageCopy) -> None:
    path = package.root / "schemas" / "places.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    schema["fields"][1]["type"] = "geopoint"
    path.write_text(json.dumps(schema), encoding="utf-8")
    report = package.validate()
    assert [(p.rule, p.table, p.message) for p in report.errors if p.rule == "schema-unsupported"] == [
        (
            "schema-unsupported",
            "places",
            "field 'name': type 'geopoint' is not supported by the reader (supported: string, integer, number, "
            "boolean, date, year); the table was not read",
        )
    ]
    with pytest.raises(tde.DescriptorError, match="type 'geopoint' is not supported by the reader"):
        tde.load("places", package.root)


def test_categories_must_label_exactly_the_enum(package: PackageCopy) -> None:
    """The status labels a chart's legend uses (Table Schema v2 `categories`) cannot drift from the enum."""
    path = package.root / "schemas" / "indicators.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    status = next(f for f in schema["fields"] if f["name"] == "status")
    assert [c["value"] for c in status["categories"]] == status["constraints"]["enum"]
    status["categories"] = status["categories"][:-1]  # one value unlabelled
    path.write_text(json.dumps(schema), encoding="utf-8")
    report = package.validate()
    assert [(p.rule, p.table, p.message) for p in report.errors if p.rule == "schema-unsupported"] == [
        (
            "schema-unsupported",
            "indicators",
            "field 'status': categories must be objects with a value and a label, one for each enum value; the "
            "table was not read",
        )
    ]


# --- frictionless as the oracle ------------------------------------------------------------------------------------

# Where the engine is stricter than frictionless, on purpose: frictionless reads these as numbers or integers.
STRICTER = {"NaN, inf and 1e309", "non-ASCII digits", "spaces around a number"}
# Where a row is malformed, frictionless also reports each of its shifted or missing cells; the engine reports the row
# once. They agree on the rows.
STRUCTURAL = {"extra cell", "missing cell", "blank line", "unclosed quote"}
# Where the fault is not in a cell, the two must agree on the kind of problem (frictionless' type ids).
KINDS = {
    "GBK bytes": {"encoding-error"},  # frictionless: the file; the engine also names the cell
    "Latin-1 bytes": {"encoding-error"},
    "missing column": {"missing-label"},  # frictionless adds every shifted cell; the engine stops at the header
    "extra column": {"extra-label"},
    "two columns swapped": {"incorrect-label"},
    "missing file": {"scheme-error"},
    "absolute path": {"resource-error"},
    "dot-dot path": {"resource-error"},
    "stale hash": {"hash-count", "byte-count"},  # frictionless reports both; the engine one, `hash` (CATALOGUE)
    "wrong recorded size": {"byte-count"},  # the engine: `bytes`
    "broken JSON descriptor": {"package-error"},
    "descriptor not an object": {"package-error"},
}
# Not run through frictionless: it would fetch the URL (the engine refuses it with no network attempt).
NOT_RUN = {"remote URL"}
CELL_RULES = {"type-error", "constraint-error", "encoding-error"}
ROW_RULES = {"blank-row", "extra-cell", "missing-cell", "primary-key", "foreign-key", "unique-error", "csv-error"}


def changed_tables(root: Path) -> list[str]:
    """The resources of the copy at `root` whose descriptor entry, data file or Table Schema file differs from the
    shipped package's (none when its descriptor is no JSON list of resources: frictionless stops at the package)."""
    shipped = bundled_package_dir()
    try:
        entries = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))["resources"]
        names = [entry["name"] for entry in entries]
    except (ValueError, TypeError, KeyError):
        return []
    theirs = {r["name"]: r for r in json.loads((shipped / "datapackage.json").read_text(encoding="utf-8"))["resources"]}

    def same_file(relative: str) -> bool:
        ours = root / relative
        return ours.is_file() and ours.read_bytes() == (shipped / relative).read_bytes()

    return [
        name
        for name, entry in zip(names, entries, strict=True)
        if entry != theirs.get(name) or not (same_file(entry["path"]) and same_file(entry["schema"]))
    ]


def frictionless_result(
    root: Path, names: list[str] | None = None
) -> tuple[set[str], set[tuple[str, int | None, str | None]]]:
    """The error types frictionless reports on the package, and the (table, row, field) of its cell and row errors:
    of the resources `names` (each validated as `frictionless validate --resource-name` does: the package's
    descriptor, then that resource with the tables its foreign keys name), or of the whole package."""
    from frictionless import FrictionlessException, validate

    kinds: set[str] = set()
    cells: set[tuple[str, int | None, str | None]] = set()
    for name in names or [None]:
        try:
            report = validate(str(root / "datapackage.json"), name=name)
        except FrictionlessException as exc:
            return {exc.error.type}, set()
        kinds |= {e.type for e in report.errors}
        for task in report.tasks:
            for error in task.errors:
                kinds.add(error.type)
                row = getattr(error, "row_number", None)
                if error.type in CELL_RULES and row is not None:
                    cells.add((task.name, row, error.field_name))
                elif error.type in ROW_RULES:
                    cells.add((task.name, row, None))
    return kinds, cells


def engine_bad(report: Report) -> set[tuple[str, int | None, str | None]]:
    return {
        (p.table, p.row, p.field if p.rule in CELL_RULES else None)
        for p in report.errors
        if p.rule in CELL_RULES | ROW_RULES and p.table
    }


def test_frictionless_finds_the_shipped_package_valid() -> None:
    """The oracle's ground: frictionless finds no error in the shipped package, so the tables a case leaves as
    shipped are clean to it too, and the cases below ask it of the tables they change only."""
    assert frictionless_result(bundled_package_dir()) == (set(), set())


@pytest.mark.parametrize("case", sorted(set(CATALOGUE) - NOT_RUN), scope="module")
def test_frictionless_agrees_on_which_cells_are_bad(broken: Callable[[str], PackageCopy], case: str) -> None:
    """The engine's bad cells and rows in every table against frictionless' in the tables the case changed (one
    whole-package run of frictionless costs about a second, ten times one table's; the others are as shipped)."""
    package = broken(case)
    engine = engine_bad(tde.validate(package.root, layers=["structure"]))  # the oracle speaks of structure only
    changed = changed_tables(package.root)
    # Each case changes one table, but those that break the descriptor itself (frictionless stops at it).
    assert len(changed) == (case not in ("broken JSON descriptor", "descriptor not an object")), changed
    kinds, oracle = frictionless_result(package.root, changed)
    if case in STRICTER:
        assert oracle == set(), "frictionless accepts NaN, infinity, full-width digits and padded numbers"
        assert engine == {(t, r, f) for _, t, r, f in CATALOGUE[case][1]}
    elif case in STRUCTURAL:
        assert {(t, r) for t, r, _ in engine} <= {(t, r) for t, r, _ in oracle}
        assert {(t, r) for t, r, _ in oracle if t == "places"} >= {("places", CATALOGUE[case][1][0][2])}
    elif case in KINDS:
        assert KINDS[case] <= kinds
    else:
        assert engine == oracle


# The property tests (never a traceback, never a hang) are in test_properties.py, aimed at the reader itself.


def test_a_signed_number_in_text_is_not_a_formula(package: PackageCopy) -> None:
    notes = {2: "-18.69% year on year", 3: "+", 4: '-HYPERLINK("http://example.invalid")', 5: "@SUM(A1)", 6: "+1|cmd"}
    set_cells("indicators", {row: {"note": note} for row, note in notes.items()})(package)
    assert found_warnings(package.validate(), "formula-cell") == [4, 5, 6]


def test_an_enum_or_key_cell_names_the_value_meant(package: PackageCopy) -> None:
    """validate's enum and foreign-key errors say which value was meant through the one suggester, core.suggest,
    as `show --where` does (trial 5 n3): another case (`GT`) or a close spelling (`yi_yaun`); a value close to no
    one value (`more`) gets no guess."""
    set_cells("indicators", {2: {"qualifier": "GT", "unit": "yi_yaun"}, 3: {"qualifier": "more"}})(package)
    result = CliRunner().invoke(cli, ["validate", str(package.root)], catch_exceptions=False)
    assert [line for line in result.output.splitlines() if ": error [" in line] == [
        "indicators, row 2, field qualifier: error [constraint-error] 'GT' is not one of eq, approx, gt, gte, lt, "
        "lte, range: did you mean 'gt'? use one of them",
        "indicators, row 2, field unit: error [foreign-key] 'yi_yaun' is not a unit of units: did you mean "
        "'yi_yuan'? add that row to units, or correct the value",
        "indicators, row 3, field qualifier: error [constraint-error] 'more' is not one of eq, approx, gt, gte, lt, "
        "lte, range: use one of them",
    ]
    assert result.exit_code == 1


def found_warnings(report: Report, rule: str) -> list[int | None]:
    return [p.row for p in report.warnings if p.rule == rule]


def test_an_id_in_a_message_is_never_cut(package: PackageCopy) -> None:
    """With sources emptied, the foreign-key message quotes each 44-character source id whole (trial 2, U11)."""
    package.write("sources", [])
    result = CliRunner().invoke(cli, ["search", "gdp", "--package", str(package.root)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: enterprises row 2, field source_id: 'chinajushi-2016-05-30-im-base-project-signed' is not a "
        "source_id of sources: add that row to sources, or correct the value [foreign-key]; "
    )
    assert "characters)" not in result.output


def test_a_long_id_that_breaks_its_pattern_is_quoted_whole(package: PackageCopy) -> None:
    """An id-shaped cell longer than the free-text excerpt is still quoted whole in a cell error."""
    bad = "Chinajushi-2016-05-30-IM-base-project-signed-with-capitals"
    set_cells("enterprises", {2: {"enterprise_id": bad}})(package)
    report = package.validate()
    messages = [p.message for p in report.errors if p.table == "enterprises" and p.field == "enterprise_id"]
    assert messages and all(repr(bad) in m and "characters)" not in m for m in messages)
