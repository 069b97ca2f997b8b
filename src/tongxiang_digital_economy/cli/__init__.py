"""The `tongxiang-digital-economy` command: a thin click layer over the library.

Every command body is one call into the library. Library errors (TDEError) become `Error: ...` with exit
status 1, bad usage exit status 2; `validate` exits 0 when valid and 1 when not.

The group is here; its commands live by what they act on (data: validate, stamp, fingerprint, check-version;
tables: tables, show, info, export, serve; series: series, plot; search; releases: cite, diff), built from the
shared options (options), output paths (output) and the one conversion of errors (errors).
pandas, pyarrow, pandera and frictionless are imported inside the commands that need them, so that `--help`
and `--version` answer at once.
"""

from __future__ import annotations

from typing import Any

import click

from ..core.paths import printable
from ..schema.descriptor import version
from .data import check_version, fingerprint, stamp, validate
from .errors import in_cli_words, stdout_closed
from .options import Name
from .releases import cite, diff_command
from .search import search_command
from .series import plot_command, series_command
from .tables import export_command, info, list_tables, serve_command, show

__all__ = ["Name", "cli", "in_cli_words"]


class Cli(click.Group):
    """The command group, with the one place where a closed stdout ends a command quietly, and where a usage error
    click says of a name the user gave (`Path 'a\\nb' does not exist`) is put on one line, as the library's are
    (cli.errors.one_line_each)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            stdout_closed()
        except click.UsageError as exc:
            setattr(exc, "message", printable(exc.message))  # noqa: B010 - click types `message` as final
            raise


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


for command in (
    validate,
    stamp,
    fingerprint,
    check_version,
    list_tables,
    show,
    info,
    export_command,
    serve_command,
    series_command,
    plot_command,
    search_command,
    cite,
    diff_command,
):
    cli.add_command(command)
