"""The pieces every command is built from: the command class (an option of one value given twice is refused), the
parameter types (a name, a choice), --package, --where, --subject, and the checks of a TABLE argument or a package
named twice.

Repeated options are decorators and types here, so that every command says them the same way and refuses them with
the same usage error (exit 2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..core.suggest import did_you_mean, echoed

F = TypeVar("F", bound=Callable[..., Any])


class Command(click.Command):
    """Every command of the CLI: an option that takes one value, given twice, is a usage error naming it (exit 2).

    click keeps the last of them without a word, so `search --theme tourism --theme wic` searched the wic theme
    alone and `--package a --package b` read b (trial 15 m14). One rule for every such option of every command:
    refused, not combined, since most (--package, --output, --format, --port) can hold one value only; an option
    that takes several is declared `multiple` (show --where) and may repeat, and a flag given twice says the same
    thing twice."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        parser = self.make_parser(ctx)
        _, _, order = parser.parse_args(args=list(args))  # a copy: the parser consumes the list it reads
        if not any(p.is_eager for p in order):  # --help answers whatever else is given
            for param, times in Counter(order).items():
                if times > 1 and isinstance(param, click.Option) and not (param.multiple or param.is_flag):
                    raise click.UsageError(
                        f"Option {param.get_error_hint(ctx)} is given {'twice' if times == 2 else f'{times} times'}, "
                        "but takes one value: give it once",
                        ctx=ctx,
                    )
        return super().parse_args(ctx, args)


def command(name: str | None = None) -> Callable[[F], Command]:
    """`click.command` making a `Command`: how every command of the CLI is declared."""
    return click.command(name=name, cls=Command)


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


def one_package(path: Path | None, package_path: Path | None) -> Path | None:
    """The package folder named by the positional PATH (kept for compatibility) or by --package, not both."""
    if path is not None and package_path is not None and path != package_path:
        raise click.UsageError("give the package once: as PATH or as --package PATH")
    return package_path if package_path is not None else path


def known_tables(names: Iterable[str], package_path: Path | None) -> None:
    """A TABLE argument names a table of the package, or it is a usage error (exit 2) listing them: one check for
    `show` and `export` (issue 16: the same fault, the same exit code)."""
    from ..io.load import tables

    known = tables(package_path)
    for table in names:
        if table not in known:
            raise click.BadParameter(
                f"no table named {echoed(table)}; {did_you_mean(table, known)}the tables are: {', '.join(known)}",
                param_hint="TABLE",
            )


def parse_where(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        column, sep, wanted = value.partition("=")
        if not sep or not column:
            raise click.BadParameter(f"{value!r} is not COLUMN=VALUE")
        pairs.append((column, wanted))
    return pairs


# --subject of series and plot: every kind of subject a figure can be about, an event edition included.
SUBJECT_HELP = (
    "The place, enterprise, project, event or event edition id, such as tongxiang, tongkun-group or wic-2023 "
    "(needed when there are several)."
)
