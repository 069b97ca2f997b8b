"""Where a command's output goes: a path to write, checked before anything is read (its folder exists, `-` is
standard output, a chart's suffix), and a result frame printed as a table, CSV or typed JSON.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..core.exceptions import MissingFolderError
from ..core.paths import printable
from .errors import one_line_each

if TYPE_CHECKING:
    import pandas as pd


def existing_folder(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """A file or folder to write goes into a folder that exists: one rule for every command that writes
    (export, plot, serve --build-only). A missing folder is a usage error (exit 2) naming it, never created
    on the user's behalf: a typo in a path would otherwise scatter folders."""
    from ..core.exceptions import OutputError
    from ..io.atomic import check_writable

    if value is None:
        return None
    try:
        check_writable(value)  # the library's one check (export, plot and serve make it too)
    except MissingFolderError as exc:
        raise click.BadParameter(one_line_each(exc), ctx=_ctx, param=param) from None
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
        from ..use.plot import unfit_chart_name

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


def wrote(*paths: Path) -> None:
    """Say on standard error which files a command wrote, each name on one line (`core.paths.printable`)."""
    click.echo("wrote " + " and ".join(printable(p) for p in paths), err=True)


def as_text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as the text the CSV file would hold (frames.as_text)."""
    from ..use.frames import as_text

    return as_text(frame)


def print_frame(frame: pd.DataFrame, fmt: str, empty: str) -> None:
    """A result frame as a table, CSV or typed JSON."""
    if fmt == "json":
        from ..use.typed_records import records

        click.echo(json.dumps(records(frame), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(as_text_frame(frame).to_csv(index=False, lineterminator="\n"), nl=False)
    else:
        click.echo(as_text_frame(frame).to_string(index=False) if len(frame) else empty)
