"""The CLI boundary: the library's errors turned into `Error: ...` lines and exit codes, never a traceback.

A TDEError is exit 1, a usage fault exit 2 (USAGE_FAULTS, one map for every command); an OSError is the machine
refusing a file, said with the file and the reason; words the terminal sent as no UTF-8 are refused before any
command reads them; a reader that stops reading (`... | head`) ends the command quietly.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterator
from typing import Any

import click

from ..core.arguments import undecodable
from ..core.exceptions import (
    EmptyQueryError,
    MissingFolderError,
    OutputSuffixError,
    QueryTooLongError,
    SearchError,
    SubjectNeededError,
    TDEError,
    WhereError,
)
from ..core.paths import printable
from .options import F

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
            message = in_cli_words(one_line_each(exc))
            usage = next(((option,) for kind, option in USAGE_FAULTS if isinstance(exc, kind)), None)
            if usage is None:
                raise click.ClickException(message) from None
            if usage[0] is None:
                raise click.UsageError(message) from None
            raise click.BadParameter(message, param_hint=usage[0]) from None
        except OSError as exc:
            raise click.ClickException(os_message(exc)) from None

    return wrapper  # type: ignore[return-value]


def one_line_each(exc: TDEError) -> str:
    """A library error's message as the CLI prints it: on one line, a name's line break, tab or escape written as
    Python writes it (core.paths.printable), here once for every command rather than at each place a message names
    a file (review 13 R6); an error that lists several faults a line each (`listing`) keeps its lines."""
    lines = str(exc).split("\n") if exc.listing else [str(exc)]
    return "\n".join(printable(line) for line in lines)


def os_message(exc: OSError) -> str:
    """An OSError as one line: the file, then the system's reason."""
    reason = exc.strerror or str(exc)
    return f"{printable(exc.filename)}: {reason}" if exc.filename else reason


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
