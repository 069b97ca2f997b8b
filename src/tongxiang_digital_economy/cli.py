"""The `tongxiang-digital-economy` command: a thin click layer over the library.

Every command body is one call into the library. Library errors (TDEError) become `Error: ...` with exit
status 1, bad usage exit status 2; `validate` exits 0 when valid and 1 when not.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .core.arguments import undecodable
from .core.exceptions import (
    EmptyQueryError,
    MissingFolderError,
    OutputSuffixError,
    QueryTooLongError,
    SearchError,
    SubjectNeededError,
    TDEError,
    WhereError,
)
from .core.report import count
from .core.suggest import did_you_mean, echoed
from .io.stamp import check_stamps
from .io.stamp import stamp as stamp_package
from .schema import descriptor
from .schema.descriptor import version
from .use import citations as citing

if TYPE_CHECKING:
    import pandas as pd

# pandas, pyarrow, pandera and frictionless are imported inside the commands that need them, so that `--help`
# and `--version` answer at once.

F = TypeVar("F", bound=Callable[..., Any])


# The library's messages name a Python argument where the user can fix the call ("name one (subject=)"); the
# CLI says the option instead. One message, two audiences: the words are translated here, never written twice.
CLI_WORDS = {
    "(subject=)": "(--subject)",
    "(theme=)": "(--theme)",
    "(text=)": "(TEXT)",
    "pass force=True": "pass --force",
    "another port=": "another with --port",
    "another host=": "another with --host",
}


class Name(click.ParamType):  # type: ignore[type-arg]
    """A name or id the user types (an indicator, a subject, a source, an observation, a diff side): an empty or
    blank one names nothing, so it is a usage error (exit 2), as an empty search or `-o ""` is, never a lookup
    that fails with exit 1 (trial 11 m5) nor, for a diff side, the current folder. A name that may be a folder
    (`folder`, a diff side) may be any bytes, as a path may (refuse_undecodable)."""

    name = "text"

    def __init__(self, what: str, folder: bool = False) -> None:
        self.what = what
        self.folder = folder

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if not str(value).strip():
            self.fail(f"is empty; give {self.what}", param, ctx)
        return str(value)


class Choice(click.Choice):  # type: ignore[type-arg]
    """click's Choice whose refusal says which choice was meant, through core.suggest's one "did you mean" (`--status
    Actual`: did you mean 'actual'?), as every other refusal of an unknown value does. `get_invalid_choice_message`
    is a hook click added in 8.2, hence pyproject's `click>=8.2` (on 8.1 the hint would be silently missing)."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        message: str = super().get_invalid_choice_message(value, ctx)
        hint = did_you_mean(str(value), [str(c) for c in self.choices])
        return f"{message.removesuffix('.')}; {hint.strip()}" if hint else message


def in_cli_words(message: str) -> str:
    """A library message as the CLI says it: each Python argument it names becomes the option."""
    for library, option in CLI_WORDS.items():
        message = message.replace(library, option)
    return message


# The faults that are usage errors (exit 2), whichever command meets them, with the option to name when the
# fault is one option's value: mapped here once, never by a try/except in one command (review 3, F3).
USAGE_FAULTS: tuple[tuple[type[TDEError], str | None], ...] = (
    (SubjectNeededError, None),
    (MissingFolderError, None),
    (EmptyQueryError, None),
    (QueryTooLongError, None),
    (SearchError, "--theme"),  # the other search fault: an unknown theme
    (WhereError, "--where"),
    (OutputSuffixError, "'--output' / '-o'"),  # as plot's chart_path says a chart file's wrong suffix
)


def known_tables(names: Iterable[str], package_path: Path | None) -> None:
    """A TABLE argument names a table of the package, or it is a usage error (exit 2) listing them: one check for
    `show` and `export` (issue 16: the same fault, the same exit code)."""
    from .io.load import tables

    known = tables(package_path)
    for table in names:
        if table not in known:
            raise click.BadParameter(
                f"no table named {echoed(table)}; {did_you_mean(table, known)}the tables are: {', '.join(known)}",
                param_hint="TABLE",
            )


def texts_in(value: object) -> Iterator[str]:
    """The strings a parameter's value holds: itself, or those of a repeated option's tuple or its parsed pairs."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from texts_in(item)


def refuse_undecodable(ctx: click.Context) -> None:
    """A word, id or value the terminal sent as bytes that are no UTF-8 (乌镇 typed in a GBK terminal) is a usage
    error naming its option, before any command reads it (trial 15 W1: a UnicodeEncodeError deep in the search).
    A path may be any bytes (a file name is bytes on POSIX): click.Path parameters are left to the file system."""
    for param in ctx.command.params:
        if param.name is None or isinstance(param.type, click.Path) or getattr(param.type, "folder", False):
            continue
        for item in texts_in(ctx.params.get(param.name)):
            if (escaped := undecodable(item)) is not None:
                raise click.BadParameter(
                    f"'{escaped}' is not UTF-8 text (its bytes shown as \\x escapes): set the terminal to UTF-8 "
                    "and give it again",
                    ctx=ctx,
                    param=param,
                )


def converts_errors(command: F) -> F:
    """Turn library errors into click errors at the CLI boundary, never a traceback.

    A TDEError is a fault the user can fix: exit 1, or exit 2 for the usage faults (USAGE_FAULTS: a missing
    subject, a missing folder, a search without words, a bad --theme or --where), the same for every command.
    An OSError that reaches here is the machine refusing a file the user named (a read-only folder, a full
    disk): it is said as such, with the file and the reason, also exit 1. Anything else is a bug and surfaces
    as one.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        refuse_undecodable(click.get_current_context())
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:  # the reader stopped reading: not an error here (see `Cli.invoke`)
            raise
        except TDEError as exc:
            message = in_cli_words(str(exc))
            usage = next(((option,) for kind, option in USAGE_FAULTS if isinstance(exc, kind)), None)
            if usage is None:
                raise click.ClickException(message) from None
            if usage[0] is None:
                raise click.UsageError(message) from None
            raise click.BadParameter(message, param_hint=usage[0]) from None
        except OSError as exc:
            raise click.ClickException(os_message(exc)) from None

    return wrapper  # type: ignore[return-value]


def existing_folder(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A file or folder to write goes into a folder that exists: one rule for every command that writes
    (export, plot, serve --build-only). A missing folder is a usage error (exit 2) naming it, never created
    on the user's behalf: a typo in a path would otherwise scatter folders."""
    from .core.exceptions import OutputError
    from .io.atomic import check_writable

    if value is None:
        return None
    try:
        check_writable(value)  # the library's one check (export, plot and serve make it too)
    except MissingFolderError as exc:
        raise click.BadParameter(str(exc), ctx=_ctx, param=param) from None
    except OutputError:
        pass  # a file in the way is the library's to say (exit 1, as for export)
    return value


STDOUT = "-"  # an output of `-` is standard output, as for most command-line tools


def output_path(
    ctx: click.Context, param: click.Parameter, value: str | None, what: str = "a file name"
) -> Path | str | None:
    """An output path as the user wrote it, checked before anything is read: one rule for every command that writes.

    An empty path names no file (pathlib would read it as the working folder), so it is a usage error (exit 2);
    `-` is standard output (returned as STDOUT; a file really called `-` is `./-`); anything else is a path whose
    folder must exist (`existing_folder`).
    """
    if value is None:
        return None
    if not value.strip():
        raise click.BadParameter(f"an empty path names nothing; give {what}", ctx=ctx, param=param)
    if value == STDOUT:
        return STDOUT
    return existing_folder(ctx, param, Path(value))


def export_output(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | str | None:
    """`output_path`, kept as written where it ends in a slash: export reads that as a folder (trial 15 m7)."""
    checked = output_path(ctx, param, value)
    return value if isinstance(checked, Path) and value and value.endswith(("/", os.sep)) else checked


def chart_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | str | None:
    """A chart's file: .png or .svg (the suffix chooses the format), never standard output; else a usage error."""
    checked = output_path(ctx, param, value)
    if checked == STDOUT:
        raise click.BadParameter(
            "a chart is written to a file (its suffix, .png or .svg, chooses the format), not to standard output",
            ctx=ctx,
            param=param,
        )
    if isinstance(checked, Path):
        from .use.plot import unfit_chart_name

        refused = unfit_chart_name(value or checked)  # as written: a trailing slash names a folder
        if refused:
            raise click.BadParameter(refused, ctx=ctx, param=param)
    return checked


def folder_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """A folder to write into (serve --build-only): as `output_path`, but standard output cannot hold a folder."""
    checked = output_path(ctx, param, value, "a folder")
    if checked == STDOUT:
        raise click.BadParameter("a folder is needed here, not standard output", ctx=ctx, param=param)
    if isinstance(checked, Path):
        existing_folder(ctx, param, checked / "tongxiang.db")  # the folder itself must exist: it is never made
    return checked if isinstance(checked, Path) else None


def stdout_closed() -> None:
    """The reader of our output went away (`... | head`): a normal end, exit 0 and no message.

    Later writes (and the interpreter's last flush) go to /dev/null, so Python prints no second complaint.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is no real file (a test runner's buffer): nothing to redirect
        pass
    sys.exit(0)


class QueryCommand(click.Command):
    """A command whose argument is a query: a query that is a negative number ("-18.69%", -1) is the query, not an
    unknown option (trial 10 m10: "No such option '-1'"). Any other query that starts with '-' goes after `--`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            valued = {o for p in self.params if isinstance(p, click.Option) and not p.is_flag for o in p.opts}
            negative = [n for n, a in enumerate(args) if NEGATIVE.match(a) and (n == 0 or args[n - 1] not in valued)]
            if negative:
                args = [a for n, a in enumerate(args) if n not in negative] + ["--", *(args[n] for n in negative)]
        return super().parse_args(ctx, args)


NEGATIVE = re.compile(r"^[-\u2212]\d")  # a negative number as a query writes it: -18.69%, -1, −3


class Cli(click.Group):
    """The command group, with the one place where a closed stdout ends a command quietly."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            stdout_closed()


def os_message(exc: OSError) -> str:
    """An OSError as one line: the file, then the system's reason."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason


PACKAGE_HELP = "The data package folder (or its datapackage.json); default: the installed package."


def package_option(command: F) -> F:
    """--package PATH, the same on every command: a path that does not exist is a usage error (exit 2)."""
    return click.option(
        "--package",
        "package_path",
        type=click.Path(exists=True, path_type=Path),
        default=None,
        help=PACKAGE_HELP,
    )(command)


def print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"tongxiang-digital-economy {version()}")
        ctx.exit()


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=print_version,
    help="Show the dataset version and exit.",
)
def cli() -> None:
    """The digital economy of Tongxiang and Wuzhen (Zhejiang, China): an open, citable data package."""


def one_package(path: Path | None, package_path: Path | None) -> Path | None:
    """The package folder named by the positional PATH (kept for compatibility) or by --package, not both."""
    if path is not None and package_path is not None and path != package_path:
        raise click.UsageError("give the package once: as PATH or as --package PATH")
    return package_path if package_path is not None else path


@cli.command()
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
@click.option("--quiet", "-q", is_flag=True, help="Print errors and the summary line only, not the warnings.")
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
    from .semantics.validation import validate as run

    if as_json and fmt not in ("text", "json"):
        raise click.UsageError("--json is --format json: give one format")
    report = run(one_package(path, package_path), archive)
    failed = not report.passes(fail_on)
    if fmt in ("github", "junit"):
        from .use import annotations

        click.echo(
            annotations.github(report, fail_on=fail_on) if fmt == "github" else annotations.junit(report, fail_on)
        )
        sys.exit(1 if failed else 0)
    if as_json or fmt == "json":
        click.echo(json.dumps(report.to_dict(fail_on), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text(warnings=not quiet, fail_on_warnings=fail_on == "warning"))
    sys.exit(1 if failed else 0)


@cli.command()
@package_option
@click.option(
    "--by",
    type=Choice(["source", "indicator", "year"]),
    default=None,
    help="Also count rows per source, per indicator or per year.",
)
@converts_errors
def info(package_path: Path | None, by: str | None) -> None:
    """Show the version, the tables with their row counts and how many figures agree (--by: rows per source, ...).

    \b
    Example:
        tongxiang-digital-economy info
        tongxiang-digital-economy info --by source
        tongxiang-digital-economy info --by year
    """
    from .use import summary

    d = descriptor.read_descriptor(package_path)
    click.echo(f"{d.get('title')} version {d.get('version')}")
    for table, rows in summary.row_counts(package_path).items():
        click.echo(f"  {table:<22} {rows:>6} {'row' if rows == 1 else 'rows'}")
    agreed = summary.agreement(package_path)
    disagreements, figures = count(agreed["disagreements"], "disagreement"), count(agreed["in conflict"], "figure")
    alike = agreed["corroborated"]
    click.echo(f"figures stated alike by several sources: {alike}; in conflict: {disagreements} ({figures})")
    if by == "year":
        click.echo(summary.rows_per_year(package_path).to_string(index=False))
    elif by == "source":
        click.echo(summary.rows_per_source(package_path).to_string(index=False))
    elif by == "indicator":
        click.echo(summary.rows_per_indicator(package_path).to_string(index=False))


def parse_where(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        column, sep, wanted = value.partition("=")
        if not sep or not column:
            raise click.BadParameter(f"{value!r} is not COLUMN=VALUE")
        pairs.append((column, wanted))
    return pairs


def as_text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text the CSV file would hold (frames.as_text)."""
    from .use.frames import as_text

    return as_text(frame)


@cli.command()
@click.argument("table")
@click.option(
    "--where",
    multiple=True,
    callback=parse_where,
    metavar="COLUMN=VALUE",
    help="Keep rows whose COLUMN equals VALUE, compared as the column's type (value=6800 and value=6800.0 are one "
    "number; an enum value must be one of the schema's); repeated, every condition must hold (AND); an empty "
    "VALUE keeps the rows where COLUMN is missing.",
)
@click.option("--format", "fmt", type=Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many rows.")
@click.option("--with-source", is_flag=True, help="Add each row's source title, publisher, date, grade and URL.")
@package_option
@converts_errors
def show(
    table: str, where: list[tuple[str, str]], fmt: str, limit: int | None, with_source: bool, package_path: Path | None
) -> None:
    """Show a table, optionally filtered. JSON output is typed: numbers, booleans, null.

    \b
    Example:
        tongxiang-digital-economy show indicators --where place_id=wuzhen --where year=2019
        tongxiang-digital-economy show sources --format csv
        tongxiang-digital-economy show indicators --where year=2023 --with-source --format json
    """
    import pandas as pd

    from .io.load import as_written
    from .use.frames import SOURCE_COLUMNS, select, where_hint, with_sources

    known_tables([table], package_path)
    frame = select(table, where, package_path)  # typed first: a table that does not load is an error, not a listing
    text = as_text_frame(frame)
    written = as_written(table, package_path).loc[frame.index]
    text[list(written.columns)] = written
    if limit is not None:
        text = text.head(limit)
    if with_source:
        if "source_id" not in frame.columns:
            raise click.BadParameter(f"{table} has no source_id column", param_hint="'--with-source'")
        frame = with_sources(frame, package_path)
        text = pd.concat([text, as_text_frame(frame.loc[text.index, frame.columns[-len(SOURCE_COLUMNS) :]])], axis=1)
    if fmt == "csv":
        click.echo(text.to_csv(index=False, lineterminator="\n"), nl=False)
    elif fmt == "json":
        from .use.export import records

        click.echo(json.dumps(records(frame.loc[text.index]), ensure_ascii=False, indent=2))
    else:
        hint = "" if len(text) else where_hint(table, where, package_path)
        click.echo(
            text.to_string(index=False) if len(text) else f"no rows in {table} match" + (f"; {hint}" * bool(hint))
        )


CITE_SOURCE_HELP = "Cite one source document instead (a sources.source_id)."
CITE_FIGURE_HELP = "Cite one figure, with its source and evidence."


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=Choice(["all", "text", "bibtex", "cff", "csl"]),
    default=None,
    help="The citation's format (csl is CSL-JSON); default: all for the dataset, text for --source and --observation.",
)
@click.option("--source", "source_id", type=Name("a source id"), metavar="ID", help=CITE_SOURCE_HELP)
@click.option("--observation", "observation_id", type=Name("an observation id"), metavar="ID", help=CITE_FIGURE_HELP)
@package_option
@converts_errors
def cite(fmt: str | None, source_id: str | None, observation_id: str | None, package_path: Path | None) -> None:
    """Print the citation for this exact version, one source document, or one figure.

    \b
    Example:
        tongxiang-digital-economy cite --format bibtex
        tongxiang-digital-economy cite --source chinadaily-2020-01-14-digital-economy-booms
        tongxiang-digital-economy cite --observation cctv-outputnews-2025-06-04-wuzhen-town-economy-001
        tongxiang-digital-economy cite --observation cctv-outputnews-2025-06-04-wuzhen-town-economy-001 --format bibtex
    """
    if source_id is not None and observation_id is not None:
        raise click.UsageError("give --source or --observation, not both")
    if source_id is not None:
        click.echo(citing.source_citation(source_id, package_path, fmt or "text"))
    elif observation_id is not None:
        click.echo(citing.observation_citation(observation_id, package_path, fmt or "text"))
    else:
        click.echo(citing.cite(fmt or "all", package_path))


def release_side(spec: str | None, param: str) -> str | None:
    """A diff side as given: a path that does not exist and is no version (X.Y.Z) is a usage error (exit 2)."""
    from .release.versions import VERSION

    if spec is not None and not VERSION.match(spec) and not Path(spec).exists():
        raise click.BadParameter(
            f"{spec} does not exist; give a package folder, a datapackage.json, a fingerprint file or a kept "
            "release version (X.Y.Z)",
            param_hint=param,
        )
    return spec


@cli.command(name="diff")
@click.argument("old", type=Name("a package folder or a kept release version", folder=True))
@click.argument("new", required=False, type=Name("a package folder or a kept release version", folder=True))
@click.option("--format", "fmt", type=Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option(
    "--releases",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of kept release fingerprints (default: releases/ beside the package, else the installed one's).",
)
@package_option
@converts_errors
def diff_command(old: str, new: str | None, fmt: str, releases: Path | None, package_path: Path | None) -> None:
    """Compare two versions: rows, fields and tables added, removed or changed, and the bump needed.

    OLD and NEW are each a package folder, a datapackage.json, or a kept release version (releases/X.Y.Z.json);
    without NEW, the package (--package, else the installed one: in a checkout, the checkout). A changed cell
    is shown old -> new; a kept release's cells are read from git (the blobs and commit its fingerprint
    records), and where git cannot give them the diff says so.

    \b
    Example:
        tongxiang-digital-economy diff 1.0.0 .
        tongxiang-digital-economy diff 1.0.0 --package my-edited-copy/
        tongxiang-digital-economy diff 1.0.0 . --format markdown
    """
    from . import release

    old_spec = release_side(old, "OLD")
    new_spec = release_side(new, "NEW")
    if new_spec is not None and package_path is not None:
        raise click.UsageError("give the new side once: as NEW or as --package PATH")
    folder = releases if releases is not None else release.compared_releases(package_path)
    change = release.compare(old_spec, new_spec if new_spec is not None else package_path, folder)
    if fmt == "json":
        click.echo(json.dumps(change.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(change.to_markdown() if fmt == "markdown" else change.to_text())


@cli.command(name="check-version")
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
    from . import release

    click.echo(release.check_version(one_package(path, package_path)))


@cli.command()
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
    from . import release

    found = release.fingerprint(one_package(path, package_path))
    click.echo(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True))


@cli.command()
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
    click.echo(f"updated {', '.join(changed)}" if changed else "nothing to update: every hash is current")


@cli.command(name="tables")
@package_option
@converts_errors
def list_tables(package_path: Path | None) -> None:
    """List the table names.

    \b
    Example:
        tongxiang-digital-economy tables
    """
    for table in descriptor.table_names(descriptor.read_descriptor(package_path)):
        click.echo(table)


def print_frame(frame: pd.DataFrame, fmt: str, empty: str) -> None:
    """A result frame as a table, CSV or typed JSON."""
    if fmt == "json":
        from .use.export import records

        click.echo(json.dumps(records(frame), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(as_text_frame(frame).to_csv(index=False, lineterminator="\n"), nl=False)
    else:
        click.echo(as_text_frame(frame).to_string(index=False) if len(frame) else empty)


# --subject of series and plot: every kind of subject a figure can be about, an event edition included.
SUBJECT_HELP = (
    "The place, enterprise, project, event or event edition id, such as tongxiang, tongkun-group or wic-2023 "
    "(needed when there are several)."
)


@cli.command(name="series")
@click.argument("indicator", type=Name("an indicator id"))
@click.option("--subject", type=Name("a subject id"), default=None, help=SUBJECT_HELP)
@click.option("--status", type=Choice(["actual", "target", "estimate"]), default="actual", show_default=True)
@click.option("--preferred", is_flag=True, help="Only the preferred figure of each period.")
@click.option("--format", "fmt", type=Choice(["table", "csv", "json"]), default="table", show_default=True)
@package_option
@converts_errors
def series_command(
    indicator: str, subject: str | None, status: str, preferred: bool, fmt: str, package_path: Path | None
) -> None:
    """One figure per period from many sources: the stronger source grade, then the newest; others kept, marked.

    Each figure has its role: preferred (one per period), corroborating (agrees with it at the precision each is
    written in; a figure of its own source that agrees is repeated: one source never corroborates itself),
    competing (no reading agrees), restated (a later text repeating an earlier figure, dated only
    by its own date: no new observation) or not_comparable (another currency: no exchange rate; or an indicator
    whose figures are not comparable with one another, as its definition says); `reason` says why a figure is
    set aside. The period is named by its span (2021, H1 2019, Jan-Sep 2020, end-2023), and
    every row carries its observation_id (`cite --observation ID` cites it).

    \b
    Example:
        tongxiang-digital-economy series digital_economy_enterprises --subject tongxiang
        tongxiang-digital-economy series digital_economy_enterprises --subject tongxiang --preferred --format csv
    """
    from .use.timeseries import series

    found = series(indicator, subject, status, package_path, preferred=preferred)
    # Figures that no ranking puts first (not comparable with one another): the library says why, never "no
    # figures"; a table prints it instead, CSV and JSON keep stdout to the data and say it on stderr.
    # A period whose figures all compete is named after the table (trial 8 U3): `--preferred` lists none of it.
    why_none = found.attrs.get("none_preferred")
    if why_none and fmt == "table" and not len(found):
        click.echo(why_none)
        return
    if why_none and fmt != "table":
        click.echo(f"note: {why_none}", err=True)
    if not len(found) and fmt == "table":
        # Nothing of this status: the library says which other status has figures (attrs["other_statuses"]).
        others = [f"--status {other} has {count(n, 'figure')}" for other, n in found.attrs["other_statuses"].items()]
        click.echo(f"no {status} figures" + (f" ({'; '.join(others)})" if others else ""))
        for line in found.attrs.get("elsewhere", []):
            click.echo(line)
        return
    if fmt == "table":
        # The period by its span (H1 2019 is not the year 2019); the grade it ranks as (a repost of an official
        # text as official; a page graded as its own origin, China Daily via PressReader, says it once); the
        # observation id, to cite or find the row in one step; why a row is set aside.
        from .semantics.claims import grade_said

        grade = grade_said(found["grade"], found["original_grade"])
        # An edition of another format than most of the series' (the 2020 forum among the summits) is said beside
        # its period, as the chart draws it apart (trial 9 m8).
        from .use.chart import apart_formats

        apart = apart_formats(found, package_path)
        period = found["period_label"].where(apart == "", found["period_label"] + " (" + apart + ")")
        # A fraction is its numerator over its denominator (减少了三分之一 is -1/3), as the CSV's value and
        # value_denominator and the chart's 0.33 say: "-1 fraction" alone misreads it (trial 10 m7).
        written = as_text_frame(found[["value", "value_denominator"]])
        value = written["value"].where(
            found["value_denominator"].isna(), written["value"] + "/" + written["value_denominator"]
        )
        found = found.assign(period=period, grade=grade, reason=found["reason"].fillna(""), value=value)
        columns = ["period", "role", "value", "qualifier", "unit", "value_text", "grade", "observation_id", "reason"]
        found = found[columns]
    print_frame(found, fmt, f"no {status} figures")
    if why_none and fmt == "table":
        click.echo(why_none)
    # Figures of the same measure on the subject's parent or parts (the conference's expo): named after the table,
    # on stderr for CSV and JSON, so that a split series is never read as the whole (trial 9 V1).
    for line in found.attrs.get("elsewhere", []):
        click.echo(line if fmt == "table" else f"note: {line}", err=fmt != "table")


def installed_themes() -> str:
    """The installed package's themes, for --help, read from its Table Schema alone (--help imports no pandas);
    a broken package says where to look instead."""
    from .core.paths import package_dir
    from .schema.descriptor import resource, table_schema

    try:
        base = package_dir()
        schema = table_schema(base, resource(descriptor.read_descriptor(base), "indicator_definitions"))
        theme = next(f for f in schema["fields"] if f["name"] == "theme")
        return ", ".join(str(t) for t in theme["constraints"]["enum"])
    except (TDEError, OSError, KeyError, StopIteration, TypeError):
        return "see `show indicator_definitions`"


@cli.command(name="search", cls=QueryCommand)
@click.argument("text", default="")
@click.option(
    "--theme",
    default=None,
    help=f"Only indicators (and definitions) of this theme; alone, every figure of it. Themes: {installed_themes()}.",
)
@click.option("--format", "fmt", type=Choice(["table", "csv", "json"]), default="table", show_default=True)
@package_option
@converts_errors
def search_command(text: str, theme: str | None, fmt: str, package_path: Path | None) -> None:
    """Find the indicators, rows and sources that mention TEXT, in English or Chinese.

    A name finds its other names ("Wuzhen" and 乌镇 find the same rows, 烏鎮 too) and the rows about it, with or
    without a legal form (新凤鸣集团 finds what 新凤鸣 finds); English words match in their singular, plural, noun,
    verb and agent forms ("core industry" finds "core industries", "supercomputer" finds "supercomputing"); a
    Chinese query matches in pieces within a clause (财政收入 finds 财政总收入, 签约项目 finds 新签约内外资项目).
    A query that names an indicator by its English or Chinese label, id or other words finds its figures, so
    "fiscal revenue" and 财政收入 find the same ones. A subject and a measure ("Wuzhen visitors", 桐乡GDP) find
    that subject's figures of the indicators the measure names. The indicators found come first, each with its
    labels, its written forms (the words its sources use), the other words that find it, subjects, years and the
    command that gives its series. Other words are found only where a cell holds them all. Words that carry no
    meaning in a query (the, of, to, 的; city or 市 after a place's name) are read past: "visitors to Wuzhen" is
    "Wuzhen visitors", and a query of only such words is refused. A measure and a year ("GDP 2016", 2024年GDP)
    find the measure's figures of that year (the year its period ends in), and name the years it has when it has
    none of that one; so do a subject and a year ("Jushi 2014", 2024年乌镇). A recurring event's name with a
    year or an edition's number ("WIC 2023", 2023年乌镇峰会, 第二届世界互联网大会) finds that edition, and with a
    measure ("WIC 2023 guests") its figures of it; either finds the flows of the event's parts over the edition's
    days that name no event_id. A number finds the texts writing it however they write it (1347.1, "1,347.1",
    1,347.1亿). A negative number is a query (search "-18.69%"); any other query that starts with '-' goes after
    `--` (search -- -word).

    \b
    Example:
        tongxiang-digital-economy search gdp
        tongxiang-digital-economy search Wuzhen
        tongxiang-digital-economy search "core industry"
        tongxiang-digital-economy search "Wuzhen visitors"
        tongxiang-digital-economy search --theme investment
    """
    from .use.text_search import search, summary

    hits = search(text, theme, package_path)
    year = hits.attrs.get("year")
    if fmt != "table":
        print_frame(hits, fmt, "")
        for line in hits.attrs.get("other_years", []):  # the years the named indicators have (trial 10 W2)
            click.echo(f"note: {line}", err=True)
        if hits.attrs.get("edition_note"):  # an event's year or number that no edition has (trial 12 W3)
            click.echo(f"note: {hits.attrs['edition_note']}", err=True)
        return
    found = hits.attrs["indicators"]
    what = repr(text) if text.strip() else f"theme {theme}"
    if hits.attrs.get("editions"):  # "WIC 2023": read as the edition (trial 12 W3)
        click.echo(f"{what} is the edition {', '.join(hits.attrs['editions'])}")
    if hits.attrs.get("edition_unlinked"):  # its flows over its days that name no event_id (issue 16)
        unlinked = hits.attrs["edition_unlinked"]
        click.echo(
            f"with {count(len(unlinked), 'figure')} of its event or its parts over its days that name no event_id: "
            + ", ".join(unlinked)
        )
    if hits.attrs.get("edition_note"):
        click.echo(f"note: {hits.attrs['edition_note']}")
    held = hits.attrs.get("subjects")
    if held is not None and len(held):  # a subject's name (or part of it): what the package holds about it
        of_theme = f" of theme {theme}" if theme is not None else ""  # only the theme's counted (trial 12 m1)
        for row in held.itertuples():  # first, before the indicators a word of it names (峰会; trial 10 m4)
            click.echo(
                f"{row.subject} ({row.kind}): {count(int(row.figures), 'figure')}{of_theme} under "
                f"{count(int(row.indicators), 'indicator')}; most: {row.top}"
            )
            click.echo(f"  {row.command}")
            click.echo(f"  every figure: tongxiang-digital-economy show indicators --where {row.where}")
        click.echo("")
    if len(found):
        click.echo(f"{count(len(found), 'indicator')} for {what}:")
        for row in found.itertuples():
            label = f"{row.label} / {row.label_zh}" if row.label_zh else row.label  # its name in either language
            click.echo(f"  {row.indicator}: {label} ({row.theme}; {count(int(row.figures), 'figure')})")
            if row.written_forms:
                click.echo(f"    written: {row.written_forms}")
            if row.search_words:  # words that find it but that its sources do not write (search_words)
                click.echo(f"    also found by: {row.search_words}")
            if row.not_comparable:
                click.echo(f"    its figures are not comparable with one another: {row.not_comparable}")
            if row.subjects:
                click.echo(f"    about: {row.subjects}")
                click.echo(f"    {row.command}")
        click.echo(
            "  (another word, or the same word in the other language, may name other indicators: try the written"
            " forms above)"
        )
        click.echo("")
    if year is not None:  # "GDP 2016": the figures of that year, read from their periods (trial 10 W2)
        click.echo(f"figures of {year} (the year their period ends in):")
        for line in [*hits.attrs.get("of_year", []), *hits.attrs.get("other_years", [])]:
            click.echo(f"  {line}")
    if not len(hits) and theme is not None and text.strip():  # where the figures are (trial 15 m14)
        elsewhere = "; ".join(
            f"{count(n, 'figure')} of theme {other}: search {shlex.quote(text)} --theme {other}"
            for other, n in hits.attrs.get("other_themes", {}).items()
        )
        click.echo(f"no rows of theme {theme} mention {what}" + (f" ({elsewhere})" if elsewhere else ""))
        return
    if not len(hits):
        click.echo(f"no figures of {year} for {what}" if year is not None else f"no rows mention {what}")
        return
    rows = summary(hits)
    counts = ", ".join(f"{table} {n}" for table, n in rows["rows"].items())
    total = sum(rows["rows"].values())
    verb = "matches" if total == 1 else "match"  # "1 row matches", "2 rows match" (trial 6 r11)
    click.echo(f"{count(total, 'row')} {verb} {what} ({count(len(hits), 'cell')}): {counts}")
    shown = hits.assign(text=hits["text"].str.slice(0, 60))
    click.echo(shown[["table", "key", "column", "text"]].to_string(index=False))
    if rows["sources"]:  # no line when the rows rest on no source (definitions): an empty list reads as "no source"
        click.echo(f"sources ({len(rows['sources'])}): {', '.join(rows['sources'])}")


@cli.command(name="export")
@click.argument("names", nargs=-1, metavar="[TABLE]...")
@click.option("--format", "fmt", type=Choice(["csv", "json", "parquet", "sqlite", "xlsx"]), required=True)
@click.option(
    "--output",
    "-o",
    required=True,
    callback=export_output,
    help="The file (sqlite, xlsx, or one table) or folder (several tables as csv, json, parquet), in a folder "
    "that exists; - writes one table as csv or json to standard output.",
)
@click.option("--force", is_flag=True, help="Replace files that exist.")
@package_option
@converts_errors
def export_command(
    names: tuple[str, ...], fmt: str, output: Path | str, force: bool, package_path: Path | None
) -> None:
    """Export one table or all (the default), validated first, typed, written atomically.

    \b
    Example:
        tongxiang-digital-economy export --format sqlite -o tongxiang.sqlite
        tongxiang-digital-economy export --format xlsx -o tongxiang.xlsx
        tongxiang-digital-economy export indicators --format parquet -o indicators.parquet
        tongxiang-digital-economy export --format csv -o csv-folder/
        tongxiang-digital-economy export indicators --format csv -o - | head
    """
    import tempfile

    from .use.export import export

    known_tables(names, package_path)
    if output == STDOUT:
        if fmt not in ("csv", "json") or len(names) != 1:
            raise click.BadParameter(
                "- (standard output) takes one table as csv or json, such as `export indicators --format csv -o -`; "
                "give a file or folder for more tables or for parquet, sqlite and xlsx",
                param_hint="'--output' / '-o'",
            )
        with tempfile.TemporaryDirectory() as tmp:
            (written,) = export(fmt, Path(tmp) / f"{names[0]}.{fmt}", names, False, package_path)
            click.echo(written.read_text(encoding="utf-8"), nl=False)
        return
    for written in export(fmt, output, names, force, package_path):
        click.echo(f"wrote {written}", err=True)


@cli.command(name="plot")
@click.argument("indicator", type=Name("an indicator id"))
@click.option("--subject", type=Name("a subject id"), default=None, help=SUBJECT_HELP)
@click.option(
    "--output",
    "-o",
    required=True,
    callback=chart_path,
    help="The chart file: .png or .svg, in a folder that exists.",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@package_option
@converts_errors
def plot_command(indicator: str, subject: str | None, output: Path, force: bool, package_path: Path | None) -> None:
    """Chart a series: each figure at its period, bounds as bounds, targets apart, other sources' figures hollow.

    A figure in another currency, a later text that only repeats a figure (role `restated`), or a figure its own
    source gives again (role `repeated`), is no new point: it is named under the chart.

    Needs the `plot` extra (matplotlib).

    \b
    Example:
        tongxiang-digital-economy plot digital_economy_enterprises --subject tongxiang -o enterprises.svg
    """
    from .use.plot import plot

    click.echo(f"wrote {plot(indicator, subject, output, force=force, path=package_path)}", err=True)


@cli.command(name="serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only by default)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option(
    "--build-only",
    type=click.Path(),
    default=None,
    callback=folder_path,
    help="Write the database (tongxiang.db) and metadata.json into this folder, which must exist, and stop, "
    "without serving.",
)
@click.option("--force", is_flag=True, help="With --build-only: replace a database and metadata.json already there.")
@package_option
@converts_errors
def serve_command(host: str, port: int, build_only: Path | None, force: bool, package_path: Path | None) -> None:
    """Browse the package as a website (Datasette over the SQLite export); needs the `serve` extra.

    \b
    Example:
        tongxiang-digital-economy serve
        tongxiang-digital-economy serve --port 8080
    """
    from .use import serve

    if build_only is not None:
        database, metadata = serve.build(build_only, package_path, force=force)
        click.echo(f"wrote {database} and {metadata}", err=True)
        return
    serve.serve(host, port, package_path, announce=click.echo)
