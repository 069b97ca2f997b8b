"""The `tongxiang-digital-economy` command: a thin click layer over the library.

Every command body is one call into the library. Library errors (TDEError) become `Error: ...` with exit
status 1, bad usage exit status 2; `validate` exits 0 when valid and 1 when not.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import citations as citing
from . import descriptor
from .exceptions import TDEError

if TYPE_CHECKING:
    import pandas as pd

# pandas, pyarrow, pandera and frictionless are imported inside the commands that need them, so that `--help`
# and `--version` answer at once.

F = TypeVar("F", bound=Callable[..., Any])


def converts_errors(command: F) -> F:
    """Turn library errors into click errors at the CLI boundary, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except TDEError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def package_option(command: F) -> F:
    return click.option(
        "--package",
        "package_path",
        type=click.Path(path_type=Path),
        default=None,
        help="A data package folder (default: the installed package).",
    )(command)


def print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from . import version

        click.echo(f"tongxiang-digital-economy {version()}")
        ctx.exit()


@click.group()
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


@cli.command()
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--archive",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of archived source texts (with sources.json) to check evidence against.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (what the Python API returns).")
@converts_errors
def validate(path: Path | None, archive: Path | None, as_json: bool) -> None:
    """Validate a data package: structure, meaning and (with --archive) provenance.

    PATH is a package folder or its datapackage.json; without it, the installed package.

    \b
    Example:
        tongxiang-digital-economy validate --archive ../shared/sources
        tongxiang-digital-economy validate my-edited-copy/ --json
    """
    from .validation import validate as run

    report = run(path, archive)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text())
    sys.exit(0 if report.valid else 1)


@cli.command()
@package_option
@click.option(
    "--by",
    type=click.Choice(["source", "indicator"]),
    default=None,
    help="Also count rows per source or per indicator.",
)
@converts_errors
def info(package_path: Path | None, by: str | None) -> None:
    """Show the version, the tables with their row counts, and the sources.

    \b
    Example:
        tongxiang-digital-economy info
        tongxiang-digital-economy info --by source
    """
    from . import summary

    d = descriptor.read_descriptor(package_path)
    click.echo(f"{d.get('title')} version {d.get('version')}")
    for table, rows in summary.row_counts(package_path).items():
        click.echo(f"  {table:<22} {rows:>6} rows")
    if by == "source":
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
    """Every cell as the text the CSV file would hold (numbers as written, dates ISO, missing empty)."""
    import pandas as pd

    from .load import decimal_text

    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            out[column] = series.dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(series):
            out[column] = [decimal_text(v) for v in series]
        elif pd.api.types.is_bool_dtype(series):
            out[column] = series.map({True: "true", False: "false"})
        else:
            out[column] = series.astype("string")
    return out.fillna("")


@cli.command()
@click.argument("table")
@click.option(
    "--where",
    multiple=True,
    callback=parse_where,
    metavar="COLUMN=VALUE",
    help="Keep rows whose COLUMN is VALUE (as written in the CSV); repeat to combine.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many rows.")
@package_option
@converts_errors
def show(table: str, where: list[tuple[str, str]], fmt: str, limit: int | None, package_path: Path | None) -> None:
    """Show a table, optionally filtered.

    \b
    Example:
        tongxiang-digital-economy show indicators --where place_id=wuzhen --where year=2019
        tongxiang-digital-economy show sources --format csv
    """
    from .load import as_written, load, tables

    names = tables(package_path)
    if table not in names:
        raise click.BadParameter(f"no table named {table!r}; the tables are: {', '.join(names)}", param_hint="TABLE")
    frame = load(table, package_path)  # typed first: a table that does not load is an error, not a listing
    text = as_text_frame(frame)
    written = as_written(table, package_path)
    text[list(written.columns)] = written
    for column, wanted in where:
        if column not in frame.columns:
            raise click.BadParameter(
                f"{table} has no column {column!r}; its columns: {', '.join(frame.columns)}", param_hint="--where"
            )
        text = text[text[column] == wanted]
    if limit is not None:
        text = text.head(limit)
    if fmt == "csv":
        click.echo(text.to_csv(index=False, lineterminator="\n"), nl=False)
    elif fmt == "json":
        records = [{k: (v if v != "" else None) for k, v in row.items()} for row in text.to_dict("records")]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        click.echo(text.to_string(index=False) if len(text) else f"no rows in {table} match")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["all", "text", "bibtex", "cff"]), default="all", show_default=True)
@package_option
@converts_errors
def cite(fmt: str, package_path: Path | None) -> None:
    """Print the citation for this exact version, as text and BibTeX.

    \b
    Example:
        tongxiang-digital-economy cite --format bibtex
    """
    c = citing.citation(package_path)
    parts = {"text": citing.as_text(c), "bibtex": citing.as_bibtex(c), "cff": citing.as_cff(c).rstrip("\n")}
    click.echo("\n\n".join([parts["text"], parts["bibtex"]]) if fmt == "all" else parts[fmt])


@cli.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@converts_errors
def stamp(path: Path) -> None:
    """Record the byte counts and hashes of a package's CSV files in its datapackage.json.

    Run it after editing a table on purpose; validation then checks the files against the new facts.

    \b
    Example:
        tongxiang-digital-economy stamp my-edited-copy/
    """
    changed = descriptor.stamp(path)
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
