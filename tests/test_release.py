"""Releases: versions, fingerprints, diffs, the bump gate, and the changelog rules (exact messages)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PackageCopy, copy_package

from tongxiang_digital_economy import release
from tongxiang_digital_economy.cli import cli
from tongxiang_digital_economy.core.exceptions import ReleaseError
from tongxiang_digital_economy.core.paths import package_dir
from tongxiang_digital_economy.io.atomic import write_json
from tongxiang_digital_economy.release import Version
from tongxiang_digital_economy.schema import descriptor

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def set_version(root: Path, version: str) -> None:
    d = descriptor.read_json(root / "datapackage.json")
    d["version"] = version
    write_json(root / "datapackage.json", d)


@pytest.fixture(scope="module")
def released_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package released as 1.0.0, once for the module: release.record reads every cell (about 0.2 s)."""
    package = copy_package(tmp_path_factory.mktemp("released") / "package")
    set_version(package.root, "1.0.0")
    release.record(package.root)
    return package.root


@pytest.fixture
def released(released_once: Path, tmp_path: Path) -> PackageCopy:
    """A copy of the package released as 1.0.0: its fingerprint kept in releases/1.0.0.json (a copy of the module's
    release, which holds no path: each test edits its own)."""
    shutil.copytree(released_once, tmp_path / "package")
    return PackageCopy(tmp_path / "package")


# --- Versions ---


@pytest.mark.parametrize(
    ("old", "new", "bump"),
    [
        ("1.0.0", "1.0.0", "none"),
        ("1.0.0", "1.0.1.dev0", "patch"),
        ("1.0.0", "1.0.1", "patch"),
        ("1.0.0", "1.1.0.dev0", "minor"),
        ("1.0.0", "2.0.0.dev3", "major"),
        ("1.2.3", "1.0.0", "none"),
    ],
)
def test_bump_between_versions(old: str, new: str, bump: str) -> None:
    assert Version.parse(new).bump_from(Version.parse(old)) == bump


def test_a_development_version_sorts_before_its_release() -> None:
    assert Version.parse("1.0.0.dev0") < Version.parse("1.0.0.dev1") < Version.parse("1.0.0") < Version(1, 0, 1)
    assert str(Version.parse("1.0.1.dev0")) == "1.0.1.dev0"
    assert str(Version.parse("1.0.0").bumped("minor")) == "1.1.0"


@pytest.mark.parametrize("text", ["one", "1.0", "v1.0.0", "1.0.0rc1", "1.0.0-dev", ""])
def test_a_malformed_version_is_refused(text: str) -> None:
    with pytest.raises(ReleaseError) as caught:
        Version.parse(text)
    assert str(caught.value) == (
        f"version {text!r} is not X.Y.Z (a release) or X.Y.Z.devN (work towards X.Y.Z); "
        "set datapackage.json's `version` to one"
    )


# --- Diffs ---


def test_no_change_needs_no_bump(package: PackageCopy) -> None:
    change = release.diff(release.snapshot(package.root), release.snapshot(package.root))
    assert (change.bump, change.reasons()) == ("none", [])
    assert change.to_text().endswith(": no bump needed\nno change")


def test_a_corrected_value_is_a_patch_with_the_cell_old_and_new(package: PackageCopy) -> None:
    old = release.snapshot(package.root)
    row = package.rows("units")[0]
    package.edit("units", 2, label="edited")
    change = release.diff(old, release.snapshot(package.root))
    assert change.bump == "patch"
    assert change.to_text().splitlines()[1:] == [
        "  patch: units: 1 row changed",
        "units: 1 row changed",
        f"  ~ {row['unit']}: label: {row['label']!r} -> 'edited'",
    ]
    assert change.to_dict()["rows"] == {
        "units": {
            "added": [],
            "removed": [],
            "changed": [{"key": row["unit"], "cells": {"label": {"old": row["label"], "new": "edited"}}}],
        }
    }
    assert f"- corrected `{row['unit']}`: label `{row['label']}` → `edited`" in change.to_markdown()


def test_added_rows_are_minor_and_removed_rows_major(package: PackageCopy) -> None:
    old = release.snapshot(package.root)
    rows = package.rows("units")
    package.write("units", [*rows[1:], {**rows[0], "unit": "new_unit"}])
    change = release.diff(old, release.snapshot(package.root))
    assert change.rows["units"].added == ["new_unit"]
    assert change.rows["units"].removed == [rows[0]["unit"]]
    assert change.bump == "major"
    assert [text for _, text in change.reasons()] == ["units: 1 row removed", "units: 1 row added"]


def add_field(package: PackageCopy, table: str, name: str, kind: str = "string", fill: str = "") -> None:
    schema_path = package.root / "schemas" / f"{table}.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["fields"].append({"name": name, "type": kind, "description": "A test field."})
    write_json(schema_path, schema)
    with package.csv(table).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with package.csv(table).open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([[*rows[0], name]] + [[*row, fill] for row in rows[1:]])


def test_an_added_field_is_minor(package: PackageCopy) -> None:
    old = release.snapshot(package.root)
    add_field(package, "places", "population", "integer")
    change = release.diff(old, release.snapshot(package.root))
    assert (change.bump, [t for _, t in change.reasons()]) == ("minor", ["field places.population added"])
    assert change.rows["places"].changed == []  # an empty new column changes no row


def test_a_retyped_field_and_a_new_primary_key_are_major(package: PackageCopy) -> None:
    old = release.snapshot(package.root)
    schema_path = package.root / "schemas" / "places.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["fields"][1]["type"] = "integer"
    schema["primaryKey"] = ["place_id", "name"]
    write_json(schema_path, schema)
    change = release.diff(old, release.snapshot(package.root))
    name = schema["fields"][1]["name"]
    assert [r for r in change.reasons() if r[0] == "major"] == [
        ("major", f"field places.{name} retyped string -> integer"),
        ("major", "primary key of places changed ['place_id'] -> ['place_id', 'name']"),
    ]


def test_a_description_is_a_patch(package: PackageCopy) -> None:
    old = release.snapshot(package.root)
    d = descriptor.read_json(package.root / "datapackage.json")
    d["description"] += " More."
    write_json(package.root / "datapackage.json", d)
    assert release.diff(old, release.snapshot(package.root)).reasons() == [("patch", "package metadata changed")]


def kept_files(package: PackageCopy) -> dict[str, str]:
    return dict(json.loads((package.root / "releases" / "1.0.0.json").read_text())["files"])


def test_a_fingerprint_says_changed_where_a_package_shows_cells(released: PackageCopy) -> None:
    released.edit("units", 2, label="edited")
    key = released.rows("units")[0]["unit"]
    code, out = invoke("diff", "1.0.0", str(released.root), "--releases", str(released.root / "releases"))
    assert code == 0
    assert out.splitlines() == [
        f"release 1.0.0 -> {released.root} (1.0.0): a patch bump needed",
        "note: the cells of release 1.0.0 are not here, so changed rows show no values: "
        f"{released.root} has no git history (looked for its {len(kept_files(released))} recorded blobs, tag v1.0.0); "
        "run the diff in a clone with the history to see old -> new values",
        "  patch: units: 1 row changed",
        "units: 1 row changed",
        f"  ~ {key}: changed in label",
    ]
    # The other formats of the same diff, from the function `diff --format json|markdown` prints (its JSON is the
    # function's: test_diff_json_is_what_the_api_returns), rather than two more runs of the command.
    change = release.compare("1.0.0", released.root, released.root / "releases")
    assert change.to_dict()["rows"]["units"]["changed"] == [{"key": key, "cells": None, "fields": ["label"]}]
    assert f"\n- changed `{key}` (in `label`)" in change.to_markdown()


def test_a_record_without_column_hashes_says_changed(released: PackageCopy) -> None:
    """A record written before column hashes were kept: a changed row is only called changed, no field named."""
    file = released.root / "releases" / "1.0.0.json"
    kept = json.loads(file.read_text(encoding="utf-8"))
    del kept["column_hashes"]
    write_json(file, kept, indent=1, sort_keys=True)
    released.edit("units", 2, label="edited")
    key = released.rows("units")[0]["unit"]
    code, out = invoke("diff", "1.0.0", str(released.root), "--releases", str(released.root / "releases"))
    assert (code, out.splitlines()[-2:]) == (0, ["units: 1 row changed", f"  ~ {key}: changed"])


def test_without_history_a_field_added_since_the_release_changes_no_row(released: PackageCopy) -> None:
    """Trial 11 W6: a column added since the release (filled or empty) is a field change reported once; a row
    that only gained it is not a changed value, so the counts agree with a diff that has the release's cells."""
    kept = release.snapshot(released.root)
    add_field(released, "places", "population", "integer", fill="1")
    add_field(released, "units", "remark", fill="x")
    released.edit("units", 2, label="edited")
    key = released.rows("units")[0]["unit"]
    code, out = invoke("diff", "1.0.0", str(released.root), "--releases", str(released.root / "releases"))
    assert (code, out.splitlines()[2:]) == (
        0,
        [
            "  minor: field units.remark added",
            "  minor: field places.population added",
            "  patch: units: 1 row changed",
            "units: 1 row changed",
            f"  ~ {key}: changed in label",
        ],
    )
    with_cells = release.diff(kept, release.snapshot(released.root))
    assert with_cells.reasons() == release.compare("1.0.0", released.root, released.root / "releases").reasons()


def remove_last_field(package: PackageCopy, table: str) -> tuple[str, int]:
    """Drop the last field of `table` (schema and CSV); return its name and how many rows had a value there."""
    schema_path = package.root / "schemas" / f"{table}.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    gone = schema["fields"].pop()["name"]
    write_json(schema_path, schema)
    rows = package.rows(table)
    with package.csv(table).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=[f for f in rows[0] if f != gone], lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: v for k, v in row.items() if k != gone} for row in rows)
    return gone, sum(1 for row in rows if row[gone])


def test_without_history_a_removed_field_changes_no_row(released: PackageCopy) -> None:
    """Issue 16: a field removed since the release changes no row; the record's column hashes compare the rows
    over the fields both sides hold, so the counts are a clone's with history, with no note."""
    kept = release.snapshot(released.root)
    gone, filled = remove_last_field(released, "units")
    assert filled  # rows whose only change would be the removed field's cell
    released.edit("units", 2, label="edited")
    change = release.compare("1.0.0", released.root, released.root / "releases")
    assert (change.notes[1:], change.rows["units"].counts()) == ([], "1 row changed")
    assert change.reasons() == release.diff(kept, release.snapshot(released.root)).reasons()
    assert ("units", gone, "string") in change.fields_removed


def test_without_history_or_column_hashes_a_removed_field_is_said_to_be_in_the_counts(
    released: PackageCopy,
) -> None:
    """Trial 11 W6, for a record written before column hashes were kept: a field removed since the release is in
    its row hashes and cannot be taken out; the note says the count may include rows whose only change is that
    field."""
    file = released.root / "releases" / "1.0.0.json"
    record = json.loads(file.read_text(encoding="utf-8"))
    del record["column_hashes"]
    write_json(file, record, indent=1, sort_keys=True)
    gone, filled = remove_last_field(released, "units")
    assert filled
    change = release.compare("1.0.0", released.root, released.root / "releases")
    assert change.notes[1:] == [
        f"the {filled} units rows counted changed may include rows whose only change is in units.{gone}, a field "
        "removed since (its cells are in the release's row hashes)"
    ]


def test_the_fingerprint_is_small_and_keyed_by_primary_key(released: PackageCopy) -> None:
    file = released.root / "releases" / "1.0.0.json"
    kept = json.loads(file.read_text(encoding="utf-8"))
    assert kept["version"] == "1.0.0"
    assert set(kept["tables"]) == set(release.snapshot(released.root).fingerprint["tables"])
    units = kept["tables"]["units"]
    assert units["primaryKey"] == ["unit"]
    assert list(units["rows"]) == sorted(row["unit"] for row in released.rows("units"))
    # Small: one line per row hash, one per id's identity and one per row's column hashes (under 1,000 bytes a
    # figure), never the cells: a column hash is 8 hex digits, or empty for an empty cell.
    assert file.stat().st_size < 1000 * len(released.rows("indicators"))
    columns = kept["column_hashes"]["units"]
    assert columns["fields"] == sorted(units["fields"]) and list(columns["rows"]) == list(units["rows"])
    hashes = {h for table in kept["column_hashes"].values() for line in table["rows"].values() for h in line.split(" ")}
    assert hashes and all(re.fullmatch("[0-9a-f]{8}|", h) for h in hashes)


def test_diff_names_a_release_that_is_not_kept(released: PackageCopy) -> None:
    result = runner.invoke(cli, ["diff", "9.9.9", "--releases", str(released.root / "releases")])
    assert result.exit_code == 1
    assert result.output == f"Error: no release 9.9.9 is kept in {released.root / 'releases'} (kept: 1.0.0)\n"


def test_diff_reads_a_release_tag_as_its_version_and_says_a_version_of_fewer_parts_is_none(
    released: PackageCopy,
) -> None:
    """Trial 16 m3: `diff v1.0.0 .` (the tag `scripts/release` makes) was a usage error "v1.0.0 does not exist",
    and `diff 1.0 .` too. The tag names its release; a version of fewer parts is said to be none, with the kept
    release it may mean (exit 1, as for a release that is not kept)."""
    releases = ["--releases", str(released.root / "releases")]
    tagged, plain = (runner.invoke(cli, ["diff", spec, str(released.root), *releases]) for spec in ("v1.0.0", "1.0.0"))
    assert (tagged.exit_code, tagged.output) == (0, plain.output)
    assert tagged.output.startswith(f"release 1.0.0 -> {released.root} (1.0.0)")
    said = {spec: runner.invoke(cli, ["diff", spec, str(released.root), *releases]) for spec in ("1.0", "v1", "3.1")}
    none = "is no release version (a release is named by three numbers, X.Y.Z)"
    assert {spec: (r.exit_code, r.output) for spec, r in said.items()} == {
        "1.0": (1, f"Error: 1.0 {none}: did you mean 1.0.0? (kept: 1.0.0)\n"),
        "v1": (1, f"Error: v1 {none}: did you mean 1.0.0? (kept: 1.0.0)\n"),
        "3.1": (1, f"Error: 3.1 {none}: kept: 1.0.0\n"),
    }


def test_a_fingerprint_file_is_no_release_and_the_diff_says_it_shows_no_values(package: PackageCopy) -> None:
    """Trial 16 m9: `diff B.fp.json A` called the fingerprint file "release 2.0.0.dev0" (never released) and its
    changed rows showed no values without the `note:` line the README promises. It is named as a fingerprint, and
    the note says why and what to diff instead. (Two fingerprints: no package folder to validate.)"""
    old, new = package.root.parent / "old.fp.json", package.root.parent / "new.fp.json"
    old.write_text(runner.invoke(cli, ["fingerprint", "--package", str(package.root)]).output, "utf-8")
    package.edit("indicators", 2, note="edited")
    new.write_text(runner.invoke(cli, ["fingerprint", "--package", str(package.root)]).output, "utf-8")
    version = descriptor.read_json(package.root / "datapackage.json")["version"]
    code, said = invoke("diff", str(old), str(new))
    held = "is a fingerprint: it holds each row's hash, not its cells, so a changed row shows no values; diff the "
    assert (code, said.splitlines()[:4]) == (
        0,
        [
            f"fingerprint {old} ({version}) -> fingerprint {new} ({version}): a patch bump needed",
            f"note: {old} {held}package folder it was made from to see old -> new",
            f"note: {new} {held}package folder it was made from to see old -> new",
            "  patch: indicators: 1 row changed",
        ],
    )


# --- The bump gate ---


def test_a_copy_without_releases_is_checked_against_the_installed_packages_releases(package: PackageCopy) -> None:
    """Trial 6 r1: `check-version --package my` said "no release is kept yet" of a copy made without releases/,
    while `diff 1.0.0 --package my` found release 1.0.0 (the installed package's). Both compare with the same
    releases: a copy's own releases/ when it has one, else the installed package's."""
    assert not (package.root / "releases").exists()
    kept = release.kept_releases(release.releases_dir())
    assert kept, "the installed package keeps its releases"
    version = descriptor.read_json(package.root / "datapackage.json")["version"]
    code, said = invoke("check-version", "--package", str(package.root))
    assert (code, said) == (0, release.check_version() + "\n")
    assert said.startswith(f"version {version}: ") and f"from release {kept[-1]} " in said


def test_an_unchanged_release_passes(released: PackageCopy) -> None:
    assert invoke("check-version", str(released.root)) == (0, "version 1.0.0: no change since release 1.0.0\n")


def test_a_data_change_without_a_version_bump_fails(released: PackageCopy) -> None:
    released.edit("units", 2, label="edited")
    assert invoke("check-version", str(released.root)) == (
        1,
        "Error: the package changed since release 1.0.0 but its version 1.0.0 is not above it: the change needs "
        "a patch bump (units: 1 row changed); set the version to 1.0.1.dev0\n",
    )


def test_a_data_change_with_a_patch_bump_passes(released: PackageCopy) -> None:
    released.edit("units", 2, label="edited")
    set_version(released.root, "1.0.1.dev0")
    assert invoke("check-version", str(released.root)) == (
        0,
        "version 1.0.1.dev0: a patch bump from release 1.0.0 covers the change (patch needed)\n",
    )


def test_a_removed_row_with_only_a_minor_bump_fails(released: PackageCopy) -> None:
    """The changes that need the bump are listed, the smaller ones counted (trial 19 m6: scripts/release, which
    says it in the same words, listed all 55 changes of the stop in one line)."""
    released.write("indicators", released.rows("indicators")[:-1], stamp=False)
    released.edit("units", 2, label="edited")
    set_version(released.root, "1.1.0.dev0")
    assert invoke("check-version", str(released.root)) == (
        1,
        "Error: version 1.1.0.dev0 is a minor bump from release 1.0.0, but the change needs a major bump "
        "(indicators: 1 row removed; and 1 smaller change (`tongxiang-digital-economy diff` lists each)); set the "
        "version to 2.0.0.dev0\n",
    )
    set_version(released.root, "2.0.0.dev0")
    assert invoke("check-version", str(released.root))[0] == 0


def test_a_version_below_the_last_release_fails(released: PackageCopy) -> None:
    set_version(released.root, "1.0.0.dev0")
    assert invoke("check-version", str(released.root)) == (
        1,
        "Error: version 1.0.0.dev0 is below the last release 1.0.0; set a version above it\n",
    )


def test_only_a_release_version_is_kept(package: PackageCopy) -> None:
    set_version(package.root, "1.0.0.dev0")
    with pytest.raises(ReleaseError, match=r"^1\.0\.0\.dev0 is a development version; only a release's"):
        release.record(package.root)


# --- The changelog ---

HEAD = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n- a fix\n\n"


@pytest.mark.parametrize(
    ("changelog", "version", "problems"),
    [
        (HEAD, "1.0.0.dev0", []),
        (HEAD + "## [1.0.0] - 2026-12-01\n\n- first\n", "1.0.1.dev0", []),
        (HEAD + "## [1.0.0] - 2026-12-01\n\n- first\n", "1.0.0", []),
        (
            HEAD,
            "1.0.0",
            [
                "the version 1.0.0 is a release, but CHANGELOG.md's newest section is none: run scripts/release, "
                "or use 1.0.0.dev0 until the release"
            ],
        ),
        (
            HEAD + "## [1.0.0] - 2026-12-01\n",
            "1.0.0.dev1",
            [
                "CHANGELOG.md's newest release is 1.0.0, but the version 1.0.0.dev1 leads to 1.0.0: "
                "set the version above 1.0.0"
            ],
        ),
        (
            "# Changelog\n\n## [1.0.0] - 2026-12-01\n",
            "1.0.0",
            ["CHANGELOG.md must start its sections with `## [Unreleased]` (Keep a Changelog)"],
        ),
        (HEAD + "## [1.0.0]\n", "1.0.1.dev0", ["CHANGELOG.md section `## [1.0.0]` is not `## [X.Y.Z] - YYYY-MM-DD`"]),
    ],
)
def test_changelog_and_version_agree(changelog: str, version: str, problems: list[str]) -> None:
    assert release.changelog_problems(changelog, version) == problems


def test_releasing_moves_unreleased_under_the_version() -> None:
    out = release.release_changelog(
        HEAD + "## [0.9.0] - 2026-01-01\n\n- old\n", Version.parse("1.0.0"), "2026-12-01", "### Data\n\n- x"
    )
    assert out == (
        "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-12-01\n\n### Data\n\n- x\n\n### Fixed\n- a fix\n\n"
        "## [0.9.0] - 2026-01-01\n\n- old\n"
    )


def test_diff_json_is_what_the_api_returns(released: PackageCopy) -> None:
    # a unit no figure uses: the copy stays valid, so the diff names a release (an invalid one is none, r8)
    released.write("units", [u for u in released.rows("units") if u["unit"] != "hectare"])
    releases = str(released.root / "releases")
    code, out = invoke("diff", "1.0.0", str(released.root), "--releases", releases, "--format", "json")
    assert code == 0
    change = release.compare("1.0.0", released.root, released.root / "releases")
    assert json.loads(out) == change.to_dict()
    assert json.loads(out)["bump"] == "major"
    markdown = change.to_markdown()  # what `--format markdown` prints of the same diff
    assert markdown.startswith("### Data changes since 1.0.0\n\nA major release by the Data Package Version recipe:\n")


def test_a_diff_to_an_invalid_copy_calls_its_changes_no_correction(package: PackageCopy) -> None:
    """Trial 6 r8: `diff A B --format markdown` called status `actual` -> `Actual` a correction in "a patch
    release", with no word that B does not validate. It says B is no release, and lists the changes as changes."""
    original = package.rows("indicators")[2]
    package.edit("indicators", 4, status="Actual")
    code, said = invoke("diff", str(package_dir()), str(package.root), "--format", "markdown")
    assert code == 0
    assert (
        f"Not a release: {package.root} does not validate (1 error; first: indicators, row 4, field status: "
    ) in said
    assert f"- changed `{original['observation_id']}`: status `actual` → `Actual`" in said
    assert "corrected" not in said and "release by the Data Package Version recipe" not in said
    code, said = invoke("diff", str(package_dir()), str(package.root))
    assert f"\nnot a release: {package.root} does not validate (1 error; " in said


def test_a_diff_to_a_copy_with_only_rule_errors_gives_validates_verdict_and_count(package: PackageCopy) -> None:
    """Trial 14 m11: "does not validate (N errors)" counted only cells and keys, so a copy `validate` rejects for
    its rules alone (an events date typo whose figures follow from it; a new row with invented evidence, dated after
    its source) got no note at all. The note is `validate`'s own verdict, count and first error."""
    events = package.rows("events")
    package.edit("events", 2, start="2014-13-19")
    summary = invoke("validate", "--quiet", "--package", str(package.root))[1].splitlines()[-1]
    assert (
        summary == f"INVALID: {package.root}: 9 errors, 10 warnings, 90 figures corroborated"
        "; evidence not read against the archived texts (no archive given)"
    )
    said = invoke("diff", str(package_dir()), str(package.root))[1].splitlines()
    assert said[1].startswith(
        f"not a release: {package.root} does not validate (9 errors; first: events, row 2, field start: '2014-13-19' "
    )
    assert said[1].endswith(
        f"), so its changes are edits to fix, not corrections; `validate --package {package.root}` lists them"
    )
    package.write("events", events)
    gdp = next(r for r in package.rows("indicators") if r["observation_id"].endswith("tongxiang-key-player-003"))
    invented = {
        "observation_id": gdp["observation_id"].replace("-003", "-099"),
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "year": "2025",
        "period_text": "In 2025",
        "value": "140",
        "value_text": "140 billion yuan",
        "evidence": "In 2025, Tongxiang’s GDP reached 140 billion yuan",
    }
    row = package.append("indicators", {**gdp, **invented})
    said = invoke("diff", str(package_dir()), str(package.root))[1].splitlines()
    assert said[1].startswith(
        f"not a release: {package.root} does not validate (1 error; first: indicators, row {row}, field period_end: "
        "a figure of status actual cannot end (2025-12-31) after its source was published (2022-06-29): "
    )


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[1] / "README.md").is_file(),
    reason="needs the repository checkout (the wheel run has none; .ci/run runs it in the clone)",
)
def test_without_history_the_real_release_diff_counts_what_a_clone_with_history_counts(tmp_path: Path) -> None:
    """Trial 11 W6 and issue 16 on the real package: in a shallow clone (`git clone --depth 1`) and beside an
    installed wheel's kept releases (no git at all), `diff 1.0.0` counts the changed rows a clone with history
    counts, per table (727 indicators rows had been "changed" for 177; projects 37 for 20, its removed
    `enterprise_id` in 1.0.0's row hashes, until the record kept column hashes), and names the fields changed."""
    import shutil
    import subprocess

    root = Path(__file__).resolve().parents[1]
    kept = json.loads((root / "releases" / "1.0.0.json").read_text(encoding="utf-8"))
    if subprocess.run(["git", "-C", str(root), "cat-file", "-e", kept["commit"]], check=False).returncode:
        pytest.skip("this checkout has no history of release 1.0.0 to compare with")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)], check=True)
    wheel = tmp_path / "site-packages" / "releases"
    shutil.copytree(root / "releases", wheel)
    history = release.compare("1.0.0", clone, root / "releases")
    assert not history.notes and history.fields_removed  # a field removed since: projects.enterprise_id
    for releases in (clone / "releases", wheel):
        change = release.compare("1.0.0", clone, releases)
        assert change.notes[0].startswith("the cells of release 1.0.0 are not here, so changed rows show no values")
        assert change.notes[1:] == []
        assert {t: rows.counts() for t, rows in change.rows.items()} == {
            t: rows.counts() for t, rows in history.rows.items()
        }
        assert [(c.key, c.fields) for rows in change.rows.values() for c in rows.changed] == [
            (c.key, list(c.cells or {})) for rows in history.rows.values() for c in rows.changed
        ]


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[1] / "README.md").is_file(),
    reason="needs the repository checkout (the wheel run has none; .ci/run runs it in the clone)",
)
def test_every_kept_records_column_hashes_are_its_own_commits() -> None:
    """The column hashes filled in after a release (1.0.0's) come from the data at the release's own commit, as
    `scripts/release` would have written them: never from the current data, never invented."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    for file in sorted((root / "releases").glob("*.json")):
        kept = json.loads(file.read_text(encoding="utf-8"))
        if subprocess.run(["git", "-C", str(root), "cat-file", "-e", kept["commit"]], check=False).returncode:
            pytest.skip(f"this checkout has no history of release {kept['version']} to compare with")
        assert kept["column_hashes"] == release.column_hashes(release.at_commit(kept, root)), file.name
