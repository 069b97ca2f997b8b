"""The commands that keep a data package sound: `validate`, `stamp`, `fingerprint` and `check-version`."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import click

from ..core.paths import printable
from ..io.stamp import check_stamps
from ..io.stamp import stamp as stamp_package
from .errors import converts_errors
from .options import Choice, command, one_package, package_option


@command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@package_option
@click.option(
    "--archive",
    type=click.Path(exists=True, path_type=Path),  # a file there is the library's fault (exit 1), as --package's
    help="Folder of archived source texts (with sources.json) to check evidence against.",
)
@click.option(
    "--format",
    "fmt",
    type=Choice(["text", "json", "github", "junit"]),
    default="text",
    help="text (default); json (what the Python API returns); github (workflow commands: annotations on the CSV "
    "lines in a pull request); junit (JUnit XML, a test case per rule and table).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON: the same as --format json.")
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print errors, the warnings that say a table's rules did not run, and the summary line.",
)
@click.option(
    "--fail-on",
    type=Choice(["error", "warning"]),
    default="error",
    help="Exit 1 on errors (default), or on warnings too.",
)
@converts_errors
def validate(
    path: Path | None,
    package_path: Path | None,
    archive: Path | None,
    fmt: str,
    as_json: bool,
    quiet: bool,
    fail_on: str,
) -> None:
    """Validate a data package: structure, meaning and (with --archive) provenance.

    The package is named with --package PATH like in every command (PATH alone also works); without it, the
    installed package. In CI, --format github marks each problem on its CSV line in the pull request.

    \b
    Example:
        tongxiang-digital-economy validate --archive ../shared/sources
        tongxiang-digital-economy validate --package my-edited-copy/ --json
        tongxiang-digital-economy validate --quiet
        tongxiang-digital-economy validate --package . --format github --fail-on warning
        tongxiang-digital-economy validate --package . --format junit > validation.xml
    """
    from ..semantics.validation import validate as run

    if as_json and fmt not in ("text", "json"):
        raise click.UsageError("--json is --format json: give one format")
    report = run(one_package(path, package_path), archive)
    failed = not report.passes(fail_on)
    if fmt in ("github", "junit"):
        from ..use import annotations

        click.echo(
            annotations.github(report, fail_on=fail_on) if fmt == "github" else annotations.junit(report, fail_on)
        )
        sys.exit(1 if failed else 0)
    if as_json or fmt == "json":
        click.echo(json.dumps(report.to_dict(fail_on), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text(warnings=not quiet, fail_on_warnings=fail_on == "warning"))
    sys.exit(1 if failed else 0)


@command(name="check-version")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@package_option
@converts_errors
def check_version(path: Path | None, package_path: Path | None) -> None:
    """Check that the declared version is large enough for the change since the last kept release.

    Exits 1 naming the bump needed (Data Package Version recipe) when it is not. CI runs it on the checkout.

    \b
    Example:
        tongxiang-digital-economy check-version --package .
    """
    from .. import release

    click.echo(release.check_version(one_package(path, package_path)))


@command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@package_option
@converts_errors
def fingerprint(path: Path | None, package_path: Path | None) -> None:
    """Print a package's fingerprint (per-table row hashes keyed by primary key, and the schemas) as JSON.

    `scripts/release` keeps one per release in releases/; `diff` and `check-version` compare against them.

    \b
    Example:
        tongxiang-digital-economy fingerprint --package . > /tmp/now.json
    """
    from .. import release

    found = release.fingerprint(one_package(path, package_path))
    click.echo(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True))


@command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--package",
    "package_path",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="The data package folder to stamp (required: the installed package is never stamped by default).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; exit 1 naming each CSV file whose recorded hash is stale (for a pre-commit hook or CI).",
)
@converts_errors
def stamp(path: Path | None, package_path: Path | None, check: bool) -> None:
    """Record the byte counts and hashes of a package's CSV files in its datapackage.json.

    Run it after editing a table on purpose; validation then checks the files against the new facts. Name
    the package with --package PATH (PATH alone also works); in a checkout, `--package .`.

    \b
    Example:
        tongxiang-digital-economy stamp --package my-edited-copy/
        tongxiang-digital-economy stamp --package . --check
    """
    folder = one_package(path, package_path)
    if folder is None:
        raise click.UsageError("name the package to stamp: --package PATH")
    if check:
        check_stamps(folder)
        click.echo("every recorded hash is current")
        return
    changed = stamp_package(folder)
    if not changed:
        click.echo("nothing to update: every hash is current")
        return
    # What to run next (trial 17 m7): a stamp records the bytes, it checks nothing, and without --archive no evidence
    # is read against its text. The folder quoted for a shell, so the line can be pasted (a path with a space).
    click.echo(
        f"updated {', '.join(changed)}\nnext: tongxiang-digital-economy validate --package "
        f"{shlex.quote(printable(folder))} "
        "--archive FOLDER (the archived texts: every evidence is read against its source's text)"
    )
