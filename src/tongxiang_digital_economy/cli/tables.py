"""The commands that give the tables as they are: `tables`, `show`, `info`, `export` and `serve`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..core.report import count
from ..schema import descriptor
from .errors import converts_errors
from .options import Choice, command, known_tables, package_option, parse_where
from .output import STDOUT, as_text_frame, export_output, folder_path, wrote


@command(name="tables")
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


@command()
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

    from ..io.load import as_written
    from ..use.frames import SOURCE_COLUMNS, select, where_hint, with_sources

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
        from ..use.typed_records import records

        click.echo(json.dumps(records(frame.loc[text.index]), ensure_ascii=False, indent=2))
    else:
        hint = "" if len(text) else where_hint(table, where, package_path)
        click.echo(
            text.to_string(index=False) if len(text) else f"no rows in {table} match" + (f"; {hint}" * bool(hint))
        )


@command()
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
    from ..use import summary

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


@command(name="export")
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

    from ..use.export import export

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
        wrote(written)


@command(name="serve")
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
    from ..use import serve

    if force and build_only is None:  # a server replaces no file: a --force that does nothing is a mistake to say
        raise click.UsageError("--force only goes with --build-only (it replaces a database already there)")
    if build_only is not None:
        database, metadata = serve.build(build_only, package_path, force=force)
        wrote(database, metadata)
        return
    serve.serve(host, port, package_path, announce=click.echo)
